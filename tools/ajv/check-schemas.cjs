// Compiles every published schema in schemas/ with ajv's default options (strict mode on), after
// declaring polpo-check's annotation keywords (schemas/keywords.json) and adding ajv-formats, then
// validates each FILE=SCHEMA pair given as an argument. Prints one line per problem and exits 1
// when a schema does not compile or a file is rejected. Strict-mode warnings (ajv's default
// strictTypes is "log": a union type compiles but is logged) are printed, not fatal.
// Usage: node tools/ajv/check-schemas.cjs SCHEMA_DIR [FILE=SCHEMA_FILE_NAME ...]
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const dir = process.argv[2];
const problems = [];
const warnings = [];
const logger = {
  log: () => {},
  warn: (...a) => warnings.push("warning: " + a.join(" ")),
  error: (...a) => problems.push("ajv error: " + a.join(" ")),
};
const annotations = JSON.parse(fs.readFileSync(path.join(dir, "keywords.json"), "utf8")).annotations;
const make = (Cls) => {
  const ajv = new Cls({ logger });
  addFormats(ajv);
  ajv.addVocabulary(annotations);
  return ajv;
};
const draft7 = make(Ajv);
const d2020 = make(Ajv2020);
const schemas = fs.readdirSync(dir).filter((f) => f.endsWith(".schema.json")).sort();
const byName = {};
for (const f of schemas) {
  const schema = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
  const ajv = String(schema.$schema || "").includes("2020-12") ? d2020 : draft7;
  try {
    byName[f] = ajv.compile(schema);
  } catch (e) {
    problems.push(f + ": does not compile in strict mode: " + e.message);
  }
}
let checked = 0;
for (const pair of process.argv.slice(3)) {
  const i = pair.lastIndexOf("=");
  const file = pair.slice(0, i);
  const schema = pair.slice(i + 1);
  const validate = byName[schema];
  if (!validate) {
    problems.push(file + ": no compiled schema " + schema);
    continue;
  }
  if (!validate(JSON.parse(fs.readFileSync(file, "utf8")))) {
    problems.push(file + ": rejected by " + schema + ": " + JSON.stringify(validate.errors));
  }
  checked++;
}
for (const w of warnings) console.log(w);
for (const p of problems) console.log(p);
console.log(
  "compiled " + Object.keys(byName).length + " of " + schemas.length + " schemas, validated " +
    checked + " files, " + problems.length + " problems, " + warnings.length + " warnings");
process.exit(problems.length === 0 ? 0 : 1);
