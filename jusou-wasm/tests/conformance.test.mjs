// Runs every shared vector in fixtures/ through the WASM module (nodejs build) and compares the
// output with the expected file, as Rust and Python do.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { jusou, root, fixtures, vectors } from "./vectors.mjs";

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
