#!/usr/bin/env bash
# One forecast timed in three phases: the serial start, the runs, the serial end.
#   start = the JVM's uptime when dev.polpocheck.forecast.WorkloadSampler is loaded (the runs'
#           sampler is built right after the corpus and the scenario are ready; -Xlog:class+load)
#   end   = from the stderr progress line "N of N runs (100%)" (the last run done; stamped as it
#           arrives) to the process's exit (terminal summary, report files)
#   runs  = the rest of the wall time
# plus wall and CPU (user + sys) from /usr/bin/time. The report goes to OUTDIR (diff -r it).
#
# Usage: reports/scripts/forecast_phases.sh JAR OUTDIR [FORECAST ARGS...]
#   e.g. reports/scripts/forecast_phases.sh target/polpo-check.jar /tmp/r          # no arguments
# JAVA_OPTS (default: -XX:+UseParallelGC, the launcher's choice for forecast) are JVM options.
set -euo pipefail
[ "$#" -ge 2 ] || { sed -n '2,13p' "$0"; exit 2; }
jar="$1" dir="$2"
shift 2
t="$(mktemp -d)"
trap 'rm -rf "$t"' EXIT
rm -rf "$dir"
t0="$(date +%s.%N)"
# shellcheck disable=SC2086
/usr/bin/time -f "%e %U %S" -o "$t/time" java ${JAVA_OPTS:--XX:+UseParallelGC} \
  -Xlog:class+load=info:file="$t/cl.log":uptime -jar "$jar" forecast "$@" --report "$dir" \
  >/dev/null 2> >(while IFS= read -r l; do printf '%s %s\n' "$(date +%s.%N)" "$l"; done > "$t/err")
t1="$(date +%s.%N)"
sleep 0.2 # the stamping loop's last lines
start="$(grep -m1 ' dev.polpocheck.forecast.WorkloadSampler ' "$t/cl.log" | sed 's/^\[\([0-9.]*\)s\].*/\1/')"
last="$(grep '(100%)' "$t/err" | tail -1 | cut -d' ' -f1)"
awk -v s="$start" -v l="$last" -v t0="$t0" -v t1="$t1" -v tm="$(cat "$t/time")" 'BEGIN {
  split(tm, a, " ")
  printf "start %.2f s, runs %.2f s, end %.2f s; wall %.2f s, CPU %.1f s\n", s, l - t0 - s, t1 - l,
    a[1], a[2] + a[3] }'
