#!/usr/bin/env bash
# Wall and CPU time of the demo forecast (embedded sample at 500 sessions/day, 30 days, sample
# scenario replayed by the full simulator) by run count and thread count, as a Markdown table.
# Usage: reports/scripts/forecast_scaling.sh [JAR] [SPECS...]   (build the jar: mvn -B package)
# SPECS are "runs:threads" (default: 200:1 200:2 50:2 100:2 400:2).
set -euo pipefail
jar="${1:-target/polpo-check.jar}"
shift || true
specs=("$@")
[ "${#specs[@]}" -gt 0 ] || specs=(200:1 200:2 50:2 100:2 400:2)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "| runs | threads | wall (s) | CPU user+sys (s) | CPU s per run | load average before |"
echo "|---:|---:|---:|---:|---:|---|"
for spec in "${specs[@]}"; do
  runs="${spec%%:*}"
  threads="${spec##*:}"
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "%e %U %S" -o "$out/time" \
    java -jar "$jar" forecast --runs "$runs" --threads "$threads" --report "$out/r" >/dev/null
  read -r wall user sys < "$out/time"
  awk -v r="$runs" -v t="$threads" -v w="$wall" -v u="$user" -v s="$sys" -v l="$load" \
    'BEGIN { printf "| %d | %d | %.1f | %.1f | %.2f | %s |\n", r, t, w, u + s, (u + s) / r, l }'
done
