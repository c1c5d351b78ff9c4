#!/usr/bin/env bash
# The record proxy's allocation per call and its GC pauses per 10,000 calls: load-independent
# figures (the latency runs of run.sh depend on what else the 2 cores run).
# Needs: wrk, node, jcmd and jfr (the JDK's). Usage: benchmarks/record/alloc.sh [SECONDS] [OUTDIR]
# Environment: JAR, PROXY_JAVA_OPTS, PORT_BASE as for run.sh (default 18791).
# Method: after a 10 s warm-up with 8 connections, a JFR recording (settings=profile) spans a
# run of wrk with one connection; the bytes every proxy thread allocated in that window come
# from jdk.ThreadAllocationStatistics (exact, per thread, at the recording's start and end), the
# pauses from jdk.GarbageCollection, the calls from the trace lines written in the window.
# jdk.ObjectAllocationSample (sampled) names where the bytes go: top frames, by weight.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-20}"
here=benchmarks/record
up="${PORT_BASE:-18791}"
keep="${2:-}"
. "$here/start.sh"
lines() { cat "$out"/traces/*.jsonl 2>/dev/null | wc -l; }
wrk -t1 -c8 -d10s -s "$here/post.lua" "http://127.0.0.1:$px" >/dev/null
sleep 1
n0=$(lines)
jcmd "$proxy" JFR.start name=alloc settings=profile >/dev/null
wrk -t1 -c1 -d"${secs}s" -s "$here/post.lua" "http://127.0.0.1:$px" >/dev/null
sleep 0.5
jcmd "$proxy" JFR.stop name=alloc filename="$out/alloc.jfr" >/dev/null
n1=$(lines)
kill -TERM "$proxy"; wait "$proxy" || true
jfr print --json --stack-depth 8 \
  --events jdk.ThreadAllocationStatistics,jdk.GarbageCollection,jdk.ObjectAllocationSample \
  "$out/alloc.jfr" > "$out/alloc.json"
node "$here/alloc-summary.mjs" "$out/alloc.json" $((n1 - n0))
if [ -n "$keep" ]; then mkdir -p "$keep" && cp "$out/alloc.jfr" "$keep/"; fi
