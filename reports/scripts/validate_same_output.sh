#!/usr/bin/env bash
# Byte-compares what two polpo-check jars print for `validate`, in text, json and sarif: the
# real Polpo configs in one call (all of them; their 0.3.x files with --polpo 0.3; their
# folders), 1,000 copies of the benchmark file with six problems planted (an enum error, an
# unknown key, an inline Anthropic key, a ${VAR} in a field that does not expand it, a misspelt
# model, a truncated file; also with --require-env and the variable set), and with --per-file
# each real config alone. Standard output and error together, and the exit code, must be equal;
# an output holding "CANARY" (the planted key's secret part) counts as a leak.
#
# Usage: reports/scripts/validate_same_output.sh JAR_A JAR_B [--per-file]
#   e.g. reports/scripts/validate_same_output.sh /tmp/base/target/polpo-check.jar \
#          target/polpo-check.jar --per-file
# CONFIGS (default /work/shared/data/polpo-configs) names the real configs.
set -uo pipefail
[ "$#" -ge 2 ] || { sed -n '2,13p' "$0"; exit 2; }
a="$1" b="$2" per_file="${3:-}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
configs="${CONFIGS:-/work/shared/data/polpo-configs}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sample="$here/src/test/resources/validate/good/.polpo/polpo.json"
for i in $(seq -w 1 1000); do
  mkdir -p "$work/many/p$i/.polpo"
  cp "$sample" "$work/many/p$i/.polpo/polpo.json"
done
python3 - "$work/many" <<'PY'
import sys
root = sys.argv[1]
def edit(i, f):
    p = f"{root}/p{i:04d}/.polpo/polpo.json"
    with open(p) as fh:
        t = fh.read()
    with open(p, "w") as fh:
        fh.write(f(t))
edit(7, lambda t: t.replace('"logLevel": "normal"', '"logLevel": "loud"'))
edit(123, lambda t: t.replace('"project": "acme-agents",', '"project": "acme-agents",\n  "projectName": "x",'))
edit(500, lambda t: t.replace('"baseUrl": "https://api.anthropic.com"', '"baseUrl": "https://api.anthropic.com", "apiKey": "sk-ant-api03-CANARYq8Zt4Lw9Xv2Rk7Jm3Np6Hs1Df5Gb0Ty8Uc4Ie2Ao7Wl9Qx3Mz6Kr1Vn5Bp8-AAAA"'))
edit(640, lambda t: t.replace('"orchestratorModel": {', '"orchestratorModel": {\n      "note": "${ANTHROPIC_API_KEY}",'))
edit(777, lambda t: t.replace("claude-sonnet-4-6", "claude-sonet-4-6"))
edit(999, lambda t: t[:-3])
PY
mapfile -t all < <(find "$configs" -name '*.json' | sort)
mapfile -t v03 < <(find "$configs" -name '*.json' -not -path '*upstream-v2*' -not -name project.json \
  -not -name agent.json -not -path '*/teams/*' | sort)
mapfile -t dirs < <(find "$configs" -mindepth 1 -maxdepth 1 -type d | sort)
many=("$work"/many/*/.polpo/polpo.json)
runs=0 bad=0
compare() { # LABEL ARGS...
  local label="$1" oa ob ea eb
  shift
  export ANTHROPIC_API_KEY=sk-ant-api03-ENVCANARYx7Yq2Wm9Lp4Rt6Vb1Nc8Zs3Kd5Fh0Gj
  oa="$(java -XX:TieredStopAtLevel=1 -jar "$a" "$@" 2>&1)"; ea=$?
  ob="$(java -XX:TieredStopAtLevel=1 -jar "$b" "$@" 2>&1)"; eb=$?
  runs=$((runs + 1))
  if [ "$oa" != "$ob" ] || [ "$ea" != "$eb" ]; then
    echo "DIFFERENT: $label (exit $ea vs $eb)"
    diff <(printf '%s\n' "$oa") <(printf '%s\n' "$ob") | head -5
    bad=$((bad + 1))
  fi
  case "$oa$ob" in *CANARY*) echo "LEAK: $label"; bad=$((bad + 1)) ;; esac
}
for f in text json sarif; do
  compare "all $f" validate --format "$f" "${all[@]}"
  compare "0.3 $f" validate --polpo 0.3 --format "$f" "${v03[@]}"
  compare "folders $f" validate --format "$f" "${dirs[@]}"
  compare "1,000 $f" validate --format "$f" "${many[@]}"
  compare "1,000 --require-env $f" validate --require-env --format "$f" "${many[@]}"
done
if [ "$per_file" = --per-file ]; then
  for f in text json sarif; do
    for x in "${all[@]}"; do compare "$x $f" validate --format "$f" "$x"; done
  done
fi
echo "$runs runs compared, $bad different or leaking"
[ "$bad" = 0 ]
