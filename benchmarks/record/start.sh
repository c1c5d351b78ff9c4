# Sourced by run.sh and alloc.sh: starts the fake upstream on $up and the proxy of $JAR on $up+1
# (PROXY_JAVA_OPTS for its JVM), recording to $out/traces, and waits until it listens.
# Sets: jar, px, out, fake, proxy; the caller's EXIT trap stops both and removes $out.
jar="${JAR:-target/polpo-check.jar}"
px=$((up + 1))
out="$(mktemp -d)"
trap 'kill $fake $proxy 2>/dev/null || true; rm -rf "$out"' EXIT
node benchmarks/record/fake-upstream.mjs "$up" & fake=$!
# shellcheck disable=SC2086
java ${PROXY_JAVA_OPTS:-} -jar "$jar" record --listen "127.0.0.1:$px" \
  --upstream "http://127.0.0.1:$up" --output "$out/traces" 2>"$out/record.err" & proxy=$!
for _ in $(seq 1 100); do grep -q listening "$out/record.err" 2>/dev/null && break; sleep 0.1; done
echo "== jar: $jar (sha256 $(sha256sum "$jar" | cut -c1-12)); JVM options: ${PROXY_JAVA_OPTS:-(none)}"
