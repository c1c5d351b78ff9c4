#!/usr/bin/env bash
# Two builds of polpo-check, A and B, timed on the same forecast started at the same moment
# (PAIRS times), so that both runs of a pair share whatever load the machine has while they run;
# prints one line per pair: load average, A and B CPU (user + sys) and wall, the B/A CPU ratio,
# and whether the two report directories are byte-identical (diff -r).
#
# On a shared, loaded machine this gave steadier CPU ratios than forecast_ab.sh's interleaved
# pairs (where A and B meet different load): use it to compare small changes, and
# forecast_ab.sh on quiet cores for wall times.
#
# Usage: reports/scripts/forecast_simultaneous.sh A.jar B.jar PAIRS [FORECAST ARGS...]
#   e.g. reports/scripts/forecast_simultaneous.sh /tmp/base.jar target/polpo-check.jar 3 \
#          --runs 12 --threads 1
# A_OPTS and B_OPTS (default: none) are JVM options for A's and B's runs only; A and B may be the
# same jar, e.g. B_OPTS=-XX:+UseParallelGC to compare collectors. JAVA (default: java) selects
# the JVM.
set -euo pipefail
[ "$#" -ge 3 ] || { sed -n '2,17p' "$0"; exit 2; }
a="$1" b="$2" pairs="$3"
shift 3
java="${JAVA:-java}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "Forecast args: ${*:-(none)}; A = $a ${A_OPTS:-}; B = $b ${B_OPTS:-}"
for p in $(seq 1 "$pairs"); do
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf "$out/a" "$out/b"
  # shellcheck disable=SC2086
  /usr/bin/time -f "%U %S %e" -o "$out/ta" "$java" ${A_OPTS:-} -jar "$a" forecast "$@" \
    --report "$out/a" >/dev/null 2>"$out/ea" &
  pa=$!
  # shellcheck disable=SC2086
  /usr/bin/time -f "%U %S %e" -o "$out/tb" "$java" ${B_OPTS:-} -jar "$b" forecast "$@" \
    --report "$out/b" >/dev/null 2>"$out/eb" &
  pb=$!
  wait "$pa" || { echo "forecast failed with $a:" >&2; cat "$out/ea" >&2; exit 3; }
  wait "$pb" || { echo "forecast failed with $b:" >&2; cat "$out/eb" >&2; exit 3; }
  same=identical
  diff -r "$out/a" "$out/b" >/dev/null || same=DIFFERENT
  paste "$out/ta" "$out/tb" | awk -v p="$p" -v l="$load" -v s="$same" '{
    a = $1 + $2; b = $4 + $5
    printf "| %d | %s | %.1f | %.1f | %.1f | %.1f | %.3f | %s |\n", p, l, a, $3, b, $6, b / a, s }'
done
