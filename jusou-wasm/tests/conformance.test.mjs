// Runs every shared vector in fixtures/ through the WASM module (nodejs build) and compares the
// output with the expected file, as Rust and Python do.
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

// Same table as fixtures/README.md, tests/fixtures.rs and jusou-py/tests.
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

const fixtures = join(root, "fixtures");
const vectors = inputs(fixtures)
  .map((p) => ({ p, op: OP[relative(fixtures, p).split(/[\\/]/)[0]] }))
  .filter((v) => v.op)
  .sort((a, b) => (a.p < b.p ? -1 : 1));

test("there are vectors to run", () => {
  assert.ok(vectors.length >= 30, `only ${vectors.length} vectors`);
});

for (const { p, op } of vectors) {
  test(relative(fixtures, p), () => {
    const expected = JSON.parse(readFileSync(p.replace(/\.json$/, ".expected.json"), "utf8"));
    const text = readFileSync(p, "utf8");
    let got;
    try {
      got = jusou.callJson(op, text);
    } catch (e) {
      assert.ok(e instanceof Error, "throws a real Error");
      assert.ok(Array.isArray(e.errors), "with .errors");
      got = { errors: e.errors };
    }
    assert.deepEqual(got, expected);
  });
}

test("taxonomy and version", () => {
  const t = jusou.taxonomy();
  assert.equal(t.length, 14);
  assert.equal(t[12].citation, "社会福祉法第106条の4第2項第5号");
  assert.match(jusou.version(), /^\d+\.\d+\.\d+/);
});

test("call takes plain JS values", () => {
  const s = jusou.call("split_funding", { amount: 1000001, program: "5", as_of: "2025-04-01" });
  assert.deepEqual(s.shares.map((x) => x.amount), [500000, 250000, 250001]);
});

test("bad input throws Error with .errors", () => {
  assert.throws(
    () => jusou.call("parse_date", "令和元年4月1日"),
    (e) => e instanceof Error && e.errors[0].code === "JUSOU-E-DATE-003" && "path" in e.errors[0],
  );
});

test("schemas ship beside the module, not inside it", () => {
  const dir = join(root, "target", "wasm-pkg", "schemas");
  const names = readdirSync(dir).filter((n) => n.endsWith(".json"));
  for (const name of ["Case", "MeetingCheck", "PlanLog", "Municipality", "RouteDecision"]) {
    assert.ok(names.includes(`${name}.json`), name);
    assert.equal(JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")).title, name);
  }
  assert.throws(
    () => jusou.call("schema", "Case"),
    (e) => e.errors[0].code === "JUSOU-E-API-001",
  );
});
