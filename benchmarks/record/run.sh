#!/usr/bin/env bash
# The record proxy's added latency and throughput against a fake upstream on loopback.
# Needs: wrk (Debian package), node, and target/polpo-check.jar (mvn -B package -DskipTests).
# Usage: benchmarks/record/run.sh [SECONDS]   (default 20 s per measurement)
# Latency: wrk with one connection (closed loop: one request at a time), straight to the fake
# and then through the proxy; the proxy's added latency is the difference of the percentiles.
# Throughput: wrk with 2 threads and 16 connections through the proxy.
# PROXY_JAVA_OPTS, when set, goes to the proxy's JVM (e.g. -Xlog:gc:file=/tmp/gc.log).
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-20}"
here=benchmarks/record
up=18781
px=18782
out="$(mktemp -d)"
trap 'kill $fake $proxy 2>/dev/null || true; rm -rf "$out"' EXIT

node "$here/fake-upstream.mjs" "$up" & fake=$!
java ${PROXY_JAVA_OPTS:-} -jar target/polpo-check.jar record --listen "127.0.0.1:$px" \
  --upstream "http://127.0.0.1:$up" --output "$out/traces" 2>"$out/record.err" & proxy=$!
for _ in $(seq 1 100); do grep -q listening "$out/record.err" 2>/dev/null && break; sleep 0.1; done

run() { wrk "$@" --latency -s "$here/post.lua"; }
# CPU time the proxy process has used, in clock ticks (utime + stime of /proc/PID/stat)
ticks() { awk '{print $14 + $15}' "/proc/$proxy/stat"; }
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
echo "== warm-up through the proxy (JIT), 10 s"
run -t1 -c8 -d10s "http://127.0.0.1:$px" >/dev/null
echo "== latency, direct to the fake upstream: wrk -t1 -c1 -d${secs}s"
run -t1 -c1 -d"${secs}s" "http://127.0.0.1:$up"
echo "== latency, through polpo-check record: wrk -t1 -c1 -d${secs}s"
run -t1 -c1 -d"${secs}s" "http://127.0.0.1:$px"
echo "== throughput, through polpo-check record: wrk -t2 -c16 -d${secs}s"
t0=$(ticks); n0=$(cat "$out"/traces/*.jsonl | wc -l)
run -t2 -c16 -d"${secs}s" "http://127.0.0.1:$px"
t1=$(ticks); sleep 1; n1=$(cat "$out"/traces/*.jsonl | wc -l)
hz=$(getconf CLK_TCK)
echo "== proxy CPU per call in the throughput run: $(( (t1 - t0) * 1000000 / hz / (n1 - n0) )) us ($((t1 - t0)) ticks at ${hz} Hz, $((n1 - n0)) calls recorded)"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
kill -TERM "$proxy"; wait "$proxy" || true
echo "== recorder: $(tail -1 "$out/record.err")"
echo "== trace lines: $(cat "$out"/traces/*.jsonl | wc -l)"
