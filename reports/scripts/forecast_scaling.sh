#!/usr/bin/env bash
# Wall time of the demo forecast (embedded sample at 500 sessions/day, 30 days, sample scenario
# replayed by the full simulator) by run count and thread count. Writes a Markdown table on
# stdout. Usage: reports/scripts/forecast_scaling.sh [JAR]   (build it with mvn -B package)
set -euo pipefail
jar="${1:-target/polpo-check.jar}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "| runs | threads | wall time (s) | runs per second |"
echo "|---:|---:|---:|---:|"
for spec in "200 1" "200 2" "50 2" "100 2" "400 2"; do
  set -- $spec
  start=$(date +%s.%N)
  java -jar "$jar" forecast --runs "$1" --threads "$2" --report "$out/r" >/dev/null
  end=$(date +%s.%N)
  awk -v r="$1" -v t="$2" -v s="$start" -v e="$end" \
    'BEGIN { w = e - s; printf "| %d | %d | %.1f | %.2f |\n", r, t, w, r / w }'
done
