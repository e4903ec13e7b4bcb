// jusou for node (CommonJS): forwards to the wasm-bindgen module; `schema(name)` reads the JSON
// Schemas shipped beside it (they are kept out of the .wasm to keep it small).
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const wasm = require("./nodejs/jusou_wasm.js");

const schemaDir = join(__dirname, "schemas");
let names;

/** The JSON Schema of an input or output type, by name (see `schemaNames()`). */
function schema(name) {
  names ??= JSON.parse(readFileSync(join(schemaDir, "index.json"), "utf8"));
  // The core's error for an unknown name (JUSOU-E-SCHEMA-001).
  if (typeof name !== "string" || !names.includes(name)) throw wasm.unknownSchema(String(name), names);
  return JSON.parse(readFileSync(join(schemaDir, `${name}.json`), "utf8"));
}

/** The names `schema` knows. */
function schemaNames() {
  names ??= JSON.parse(readFileSync(join(schemaDir, "index.json"), "utf8"));
  return names.slice();
}

module.exports = {
  call: wasm.call,
  callJson: wasm.callJson,
  version: wasm.version,
  taxonomy: wasm.taxonomy,
  parseDate: wasm.parseDate,
  fiscalYear: wasm.fiscalYear,
  splitFunding: wasm.splitFunding,
  route: wasm.route,
  routeMany: wasm.routeMany,
  meeting: wasm.meeting,
  plan: wasm.plan,
  report: wasm.report,
  checkMunicipality: wasm.checkMunicipality,
  Engine: wasm.Engine,
  schema,
  schemaNames,
};
