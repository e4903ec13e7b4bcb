// The bad-input catalogue (fixtures/bad/catalogue.json) through the WASM module: every entry gives
// the same error code and JSON pointer as Rust and Python, thrown as an `Error` with `.errors` —
// never a `RuntimeError: unreachable` (a panic in the module).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const pkg = process.env.JUSOU_WASM_PKG ?? join(root, "target", "wasm-pkg", "nodejs", "jusou_wasm.js");
const jusou = createRequire(import.meta.url)(pkg);

const catalogue = JSON.parse(readFileSync(join(root, "fixtures", "bad", "catalogue.json"), "utf8"));
// batch_line entries need the CLI's line reader, which the bindings do not have (tests/bad.rs);
// the module has no `schema` operation (schemas ship as JSON files beside it).
const entries = catalogue.entries.filter((e) => e.op !== "batch_line" && e.op !== "schema");

// `input`, or `generate` expanded as prefix + repeat × times + suffix (the one rule).
function expand(e) {
  if ("input" in e) return e.input;
  const g = e.generate;
  return g.prefix + g.repeat.repeat(g.times) + g.suffix;
}

function outcome(op, text) {
  let out;
  try {
    out = jusou.callJson(op, text);
  } catch (e) {
    assert.ok(e instanceof Error, "throws a real Error");
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `a panic in the module: ${e}`);
    assert.ok(Array.isArray(e.errors) && e.errors.length > 0, `with .errors: ${e}`);
    return [e.errors[0].code, e.errors[0].path];
  }
  assert.equal(out.valid, false, `accepted: ${JSON.stringify(out).slice(0, 200)}`);
  const v = out.violations[0];
  return [v.rule, `/events/${v.event_index}`];
}

test("the catalogue is large enough", () => {
  assert.ok(catalogue.entries.length >= 60, `only ${catalogue.entries.length} entries`);
});

for (const e of entries) {
  test(`bad/${e.name}`, () => {
    assert.deepEqual(outcome(e.op, expand(e)), [e.expected.code ?? e.expected.rule, e.expected.path]);
  });
}

test("plain JS values the JSON boundary cannot carry still give an Error with .errors", () => {
  let deep = [];
  for (let i = 0; i < 100; i++) deep = [deep];
  const circular = {};
  circular.self = circular;
  const cases = [
    ["route", undefined],
    ["route", null],
    ["route", 42],
    ["route", { id: 1 }],
    ["route", { household: deep }],
    ["route", circular],
    ["route", { id: 10n }],
    ["meeting", "x".repeat(10_000_000)],
    ["parse_date", 20260401],
    ["split_funding", { amount: -1, program: "5", as_of: "2025-04-01" }],
    ["split_funding", { amount: 1e30, program: "5", as_of: "2025-04-01" }],
    ["no_such_op", null],
  ];
  for (const [op, value] of cases) {
    assert.throws(
      () => jusou.call(op, value),
      (e) =>
        e instanceof Error &&
        !(e instanceof WebAssembly.RuntimeError) &&
        Array.isArray(e.errors) &&
        e.errors[0].code.startsWith("JUSOU-E-"),
      `${op} ${String(value).slice(0, 40)}`,
    );
  }
});
