#!/usr/bin/env bash
# Where the record proxy's time goes: a JFR recording of the proxy under wrk, one connection.
# Needs: wrk, node, target/polpo-check.jar. Usage: benchmarks/record/profile.sh OUTDIR
# Then, for instance:
#   jfr print --events jdk.ExecutionSample OUTDIR/rec.jfr | grep 'sampledThread = ' \
#     | sed 's/(javaThreadId.*//; s/-[0-9]*"/-N"/' | sort | uniq -c | sort -rn
#   jfr print --events jdk.ThreadPark OUTDIR/rec.jfr   (parks of 10 ms and more, with stacks)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:?output directory}"
here=benchmarks/record
up=18791
px=18792
mkdir -p "$out"
trap 'kill $fake $proxy 2>/dev/null || true' EXIT
node "$here/fake-upstream.mjs" "$up" & fake=$!
java -XX:StartFlightRecording=filename="$out/rec.jfr",settings=profile -jar target/polpo-check.jar \
  record --listen "127.0.0.1:$px" --upstream "http://127.0.0.1:$up" --output "$out/traces" \
  2>"$out/record.err" & proxy=$!
for _ in $(seq 1 100); do grep -q listening "$out/record.err" 2>/dev/null && break; sleep 0.1; done
wrk -t1 -c8 -d8s -s "$here/post.lua" "http://127.0.0.1:$px" >/dev/null
wrk -t1 -c1 -d10s --latency -s "$here/post.lua" "http://127.0.0.1:$px"
jcmd "$proxy" JFR.dump filename="$out/rec.jfr" >/dev/null
kill -TERM "$proxy"; wait "$proxy" || true
