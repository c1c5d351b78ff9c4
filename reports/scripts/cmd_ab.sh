#!/usr/bin/env bash
# Two commands, A and B, run in alternating pairs (A, B, A, B, ...) so that a change in the
# machine's load hits both about equally; prints the median wall time and the median CPU time
# (user + sys, children included) of each, in milliseconds.
#
# Usage: reports/scripts/cmd_ab.sh PAIRS 'COMMAND A' 'COMMAND B'
#   e.g. reports/scripts/cmd_ab.sh 20 \
#          'POLPO_CHECK_CACHE=/tmp/a /tmp/base/polpo-check validate one/.polpo/polpo.json' \
#          'POLPO_CHECK_CACHE=/tmp/b ./polpo-check validate one/.polpo/polpo.json'
# Each command runs under bash -c with its output discarded; run each once before, so that the
# launcher's archive exists and the first pair does not time its creation.
set -euo pipefail
[ "$#" -eq 3 ] || { sed -n '2,11p' "$0"; exit 2; }
pairs="$1" a="$2" b="$3"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
: > "$out/a"; : > "$out/b"
for _ in $(seq "$pairs"); do
  for side in a b; do
    if [ "$side" = a ]; then cmd="$a"; else cmd="$b"; fi
    /usr/bin/time -f "%e %U %S" -o "$out/t" bash -c "$cmd" >/dev/null 2>&1 || true
    awk '{ printf "%.0f %.0f\n", $1 * 1000, ($2 + $3) * 1000 }' "$out/t" >> "$out/$side"
  done
done
python3 - "$out/a" "$out/b" <<'PY'
import statistics, sys
for name, path in zip("AB", sys.argv[1:]):
    rows = [tuple(map(float, line.split())) for line in open(path) if line.strip()]
    print("%s: wall median %.0f ms, CPU median %.0f ms (%d runs)" % (
        name, statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows), len(rows)))
PY
