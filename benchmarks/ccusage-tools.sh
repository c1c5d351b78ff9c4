# Sourced by the benchmark scripts: installs the peer tools from npm (nothing else is
# downloaded) and the polpo-check jar, and defines CC18 / CC20 / POLPO.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/target/ccusage-tools"
CC18_VERSION=18.0.11
CC20_VERSION=20.0.24
install_ccusage() {
  local ver=$1 dir="$TOOLS/$1"
  if [ ! -x "$dir/node_modules/.bin/ccusage" ]; then
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "ccusage@$ver" >&2
  fi
  echo "$dir/node_modules/.bin/ccusage"
}
CC18="$(install_ccusage "$CC18_VERSION")"
CC20="$(install_ccusage "$CC20_VERSION")"
if [ ! -f "$ROOT/target/polpo-check.jar" ]; then
  (cd "$ROOT" && mvn -B -q -DskipTests package >&2)
fi
POLPO=(java -jar "$ROOT/target/polpo-check.jar")
