#!/usr/bin/env node
// Generates src/main/resources/dev/polpocheck/catalog/pi-ai-models.json: every provider and
// model id of one pi-ai release, as pi-ai's getModel(provider, id) resolves them (an exact,
// case-sensitive lookup in MODELS[provider][id]; pi-ai dist/models.js).
//
//   cd /tmp && npm pack @mariozechner/pi-ai@0.62.0 && tar xzf mariozechner-pi-ai-0.62.0.tgz
//   node scripts/pi-ai-catalog.mjs /tmp/package 2026-12-04 \
//     > src/main/resources/dev/polpocheck/catalog/pi-ai-models.json
//
// Arguments: the unpacked package directory and the date the data was taken (written into the
// file, so the output depends only on the arguments). Output: providers sorted, ids sorted.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [dir, retrieved] = process.argv.slice(2);
if (!dir || !/^\d{4}-\d{2}-\d{2}$/.test(retrieved ?? "")) {
  console.error("usage: node scripts/pi-ai-catalog.mjs PI_AI_PACKAGE_DIR YYYY-MM-DD");
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const { MODELS } = await import(pathToFileURL(resolve(dir, "dist/models.generated.js")).href);

const providers = {};
for (const provider of Object.keys(MODELS).sort()) {
  providers[provider] = Object.keys(MODELS[provider]).sort();
}
const out = {
  source: `${pkg.name}@${pkg.version} dist/models.generated.js`,
  piAiVersion: pkg.version,
  retrieved,
  providers,
};
// One provider per line block, one id per line: readable diffs when pi-ai moves.
const lines = ["{"];
lines.push(`  "source": ${JSON.stringify(out.source)},`);
lines.push(`  "piAiVersion": ${JSON.stringify(out.piAiVersion)},`);
lines.push(`  "retrieved": ${JSON.stringify(out.retrieved)},`);
lines.push(`  "providers": {`);
const names = Object.keys(providers);
names.forEach((p, i) => {
  lines.push(`    ${JSON.stringify(p)}: [`);
  providers[p].forEach((id, j) => {
    lines.push(`      ${JSON.stringify(id)}${j < providers[p].length - 1 ? "," : ""}`);
  });
  lines.push(`    ]${i < names.length - 1 ? "," : ""}`);
});
lines.push("  }", "}");
process.stdout.write(lines.join("\n") + "\n");
