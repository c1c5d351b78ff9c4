#!/usr/bin/env bash
# Two builds of polpo-check, A and B, timed on the same forecast in interleaved pairs (A, B, A, B,
# ...), so that a change in the machine's load hits both about equally; prints a Markdown table
# with wall and CPU (user + sys, GC threads included) per run, the B/A ratios, the load average
# around each pair, and whether the two report directories are byte-identical (diff -r).
#
# Usage: reports/scripts/forecast_ab.sh A.jar B.jar PAIRS [FORECAST ARGS...]
#   e.g. reports/scripts/forecast_ab.sh /tmp/base.jar target/polpo-check.jar 3 --runs 40
#        reports/scripts/forecast_ab.sh /tmp/base.jar target/polpo-check.jar 2   # no-argument job
# Build the base jar from a commit with: git archive COMMIT | tar -x -C DIR && mvn -B -f DIR/pom.xml
# package -DskipTests (then DIR/target/polpo-check.jar). JAVA (default: java) selects the JVM;
# A_OPTS and B_OPTS (default: none) are JVM options for A's and B's runs only, e.g.
# B_OPTS=-XX:+UseParallelGC for the options the ./polpo-check launcher gives forecast.
# CPU-time ratios are the headline on a shared machine; wall times need quiet cores.
set -euo pipefail
[ "$#" -ge 3 ] || { sed -n '2,12p' "$0"; exit 2; }
a="$1" b="$2" pairs="$3"
shift 3
java="${JAVA:-java}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# runs one jar with JVM options $3 (word-split); prints "wall cpu maxrss_kb"
timed() {
  local jar="$1" dir="$2" jvmopts="$3"
  shift 3
  rm -rf "$dir"
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" \
    "$java" $jvmopts -jar "$jar" forecast "$@" --report "$dir" >/dev/null 2>"$out/err" \
    || { echo "forecast failed with $jar:" >&2; cat "$out/err" >&2; exit 3; }
  awk '{ printf "%.1f %.1f %d\n", $1, $2 + $3, $4 }' "$out/time"
}

echo "Forecast args: ${*:-(none)}; A = $a ${A_OPTS:-}; B = $b ${B_OPTS:-}; java: $("$java" -version 2>&1 | head -1)"
echo
echo "| pair | load average before | A wall (s) | A CPU (s) | B wall (s) | B CPU (s) | CPU B/A | wall B/A | A / B peak RSS (MB) | reports |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---|---|"
sa=0 sb=0
for p in $(seq 1 "$pairs"); do
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  read -r wa ca ra < <(timed "$a" "$out/a" "${A_OPTS:-}" "$@")
  read -r wb cb rb < <(timed "$b" "$out/b" "${B_OPTS:-}" "$@")
  same=identical
  diff -r "$out/a" "$out/b" >/dev/null || same=DIFFERENT
  sa="$(awk -v s="$sa" -v c="$ca" 'BEGIN { print s + c }')"
  sb="$(awk -v s="$sb" -v c="$cb" 'BEGIN { print s + c }')"
  awk -v p="$p" -v l="$load" -v wa="$wa" -v ca="$ca" -v wb="$wb" -v cb="$cb" -v ra="$ra" \
    -v rb="$rb" -v s="$same" 'BEGIN { printf "| %d | %s | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %d / %d | %s |\n",
      p, l, wa, ca, wb, cb, cb / ca, wb / wa, ra / 1024, rb / 1024, s }'
done
echo
awk -v a="$sa" -v b="$sb" -v n="$pairs" \
  'BEGIN { printf "Total CPU over %d pairs: A %.1f s, B %.1f s, B/A %.2f. Load average after: ", n, a, b, b / a }'
cut -d' ' -f1-3 /proc/loadavg
