#!/usr/bin/env bash
# JVM flag sets compared in alternating rounds (set 1, set 2, ..., set 1, ...) on the same jar,
# archive and arguments; prints the median wall and CPU time (user + sys) of each set, in ms.
#
# Usage: reports/scripts/jvm_flags_ab.sh ROUNDS JAR ARCHIVE 'FLAGS 1' 'FLAGS 2' ... -- ARGS...
#   e.g. reports/scripts/jvm_flags_ab.sh 8 target/polpo-check.jar ~/.cache/polpo-check/X.jsa \
#          '-Xmn8m' '-Xmn8m -XX:CICompilerCount=1' -- validate many/*/.polpo/polpo.json
# Every set runs with the launcher's short-command flags (C1 only, serial GC, the static AppCDS
# archive ARCHIVE, which must belong to JAR: the launcher's cache after a run of the same jar).
# A set that must not change anything can be given as '-Dx=1'.
set -euo pipefail
[ "$#" -ge 5 ] || { sed -n '2,10p' "$0"; exit 2; }
rounds="$1" jar="$2" archive="$3"
shift 3
sets=()
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do sets+=("$1"); shift; done
[ "$#" -gt 0 ] || { echo "jvm_flags_ab.sh: missing -- before the arguments" >&2; exit 2; }
shift
common=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:SharedArchiveFile="$archive"
  -Xlog:cds=off -Xlog:cds+dynamic=off)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for _ in $(seq "$rounds"); do
  for i in "${!sets[@]}"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %U %S" -o "$out/t" java "${common[@]}" ${sets[$i]} -jar "$jar" "$@" \
      >/dev/null 2>&1 || true
    awk '{ printf "%.0f %.0f\n", $1 * 1000, ($2 + $3) * 1000 }' "$out/t" >> "$out/$i"
  done
done
for i in "${!sets[@]}"; do
  python3 - "$out/$i" "${sets[$i]}" <<'PY'
import statistics, sys
rows = [tuple(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
print("wall median %5.0f ms, CPU median %5.0f ms (%d runs)  %s" % (
    statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows), len(rows),
    sys.argv[2]))
PY
done
