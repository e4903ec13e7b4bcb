// Coverage through the WASM module (issue #19): the rule ids that fire and the error codes produced
// by the shared vectors and the bad-input catalogue are exactly those Rust sees, as
// fixtures/coverage.json lists them (tests/coverage.rs keeps that file current), less the codes
// only the CLI's batch reader and the `schema` operation (not in the module) produce.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const pkg = process.env.JUSOU_WASM_PKG ?? join(root, "target", "wasm-pkg", "index.cjs");
const jusou = createRequire(import.meta.url)(pkg);
const fixtures = join(root, "fixtures");
const coverage = JSON.parse(readFileSync(join(fixtures, "coverage.json"), "utf8"));

// Same table as fixtures/README.md, tests/common and jusou-py/tests.
const OP = {
  taxonomy: "taxonomy",
  dates: "parse_date",
  funding: "split_funding",
  cases: "route",
  meetings: "meeting",
  plans: "plan",
  municipalities: "check_municipality",
  flows: "flow",
  reports: "report",
};

function inputs(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return inputs(p);
    return name.endsWith(".json") && !name.endsWith(".expected.json") ? [p] : [];
  });
}

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
  const vectors = inputs(fixtures).filter((p) => OP[relative(fixtures, p).split(/[\\/]/)[0]]);
  assert.ok(vectors.length >= 100, `only ${vectors.length} vectors`);
  for (const p of vectors) {
    seenIn(answer(OP[relative(fixtures, p).split(/[\\/]/)[0]], readFileSync(p, "utf8")), rules, codes);
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
