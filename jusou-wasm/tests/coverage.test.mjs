// Coverage through the WASM module (issue #19): the rule ids that fire and the error codes produced
// by the shared vectors and the bad-input catalogue are exactly those Rust sees, as
// fixtures/coverage.json lists them (tests/coverage.rs keeps that file current), less the codes
// only the CLI's batch reader and the `schema` operation (not in the module) produce.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { jusou, fixtures, vectors } from "./vectors.mjs";

const coverage = JSON.parse(readFileSync(join(fixtures, "coverage.json"), "utf8"));

// Rule ids that fired (not those under why_not/pending) and error codes.
function seenIn(v, rules, codes) {
  if (Array.isArray(v)) {
    for (const x of v) seenIn(x, rules, codes);
  } else if (v && typeof v === "object") {
    if (typeof v.rule === "string" && v.rule.startsWith("R-")) rules.add(v.rule);
    if (typeof v.code === "string" && v.code.startsWith("JUSOU-E-")) codes.add(v.code);
    for (const [k, x] of Object.entries(v)) {
      if (k !== "why_not" && k !== "pending") seenIn(x, rules, codes);
    }
  }
}

function answer(op, text) {
  try {
    return jusou.callJson(op, text);
  } catch (e) {
    assert.ok(Array.isArray(e.errors), `an Error with .errors: ${e}`);
    return { errors: e.errors };
  }
}

function expand(e) {
  if ("input" in e) return e.input;
  const g = e.generate;
  return g.prefix + g.repeat.repeat(g.times) + g.suffix;
}

test("the module sees the same rules and codes as Rust", () => {
  const rules = new Set();
  const codes = new Set();
  assert.ok(vectors.length >= 100, `only ${vectors.length} vectors`);
  for (const { p, op } of vectors) {
    seenIn(answer(op, readFileSync(p, "utf8")), rules, codes);
  }
  const catalogue = JSON.parse(readFileSync(join(fixtures, "bad", "catalogue.json"), "utf8"));
  for (const e of catalogue.entries) {
    if (e.op === "batch_line" || e.op === "schema") continue;
    seenIn(answer(e.op, expand(e)), rules, codes);
  }
  const only = new Set([...coverage.codes_only_through.batch_line, ...coverage.codes_only_through.schema]);
  assert.deepEqual([...rules].sort(), [...coverage.rules].sort());
  assert.deepEqual([...codes].sort(), coverage.codes.filter((c) => !only.has(c)).sort());
});
