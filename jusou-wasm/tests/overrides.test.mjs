// Every variant of fixtures/overrides/manifest.json through `new Engine(municipality, asOf)` and
// through the free functions (`route(case, {municipality, asOf})`, `plan(log, asOf)`), compared
// with fixtures/overrides/<name>.expected.json: the answers Rust (jusou-core/tests/overrides.rs)
// and Python (jusou-py/tests/test_overrides.py) give too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const pkg = process.env.JUSOU_WASM_PKG ?? join(root, "target", "wasm-pkg", "index.cjs");
const jusou = createRequire(import.meta.url)(pkg);
const fixtures = join(root, "fixtures");
const manifest = JSON.parse(readFileSync(join(fixtures, "overrides", "manifest.json"), "utf8"));

/** A variant's input or municipality: the file's (or inline) text, or it parsed. */
function given(v, key) {
  let text;
  if (key in v) text = readFileSync(join(fixtures, v[key]), "utf8");
  else if (`${key}_text` in v) text = v[`${key}_text`];
  else return undefined;
  return v[`${key}_as`] === "object" ? JSON.parse(text) : text;
}

function answer(call) {
  try {
    return call();
  } catch (e) {
    if (!Array.isArray(e.errors)) throw e;
    return { errors: e.errors };
  }
}

/** As JSON has it: a null `detail` or `citation` is the same as Rust's and Python's null. */
const plain = (v) => JSON.parse(JSON.stringify(v));
const expected = (v) =>
  JSON.parse(readFileSync(join(fixtures, "overrides", `${v.name}.expected.json`), "utf8"));
const method = { route: "route", route_many: "routeMany", plan: "plan" };

test("there are variants", () => {
  assert.ok(manifest.variants.length >= 20);
});

for (const v of manifest.variants) {
  test(`engine: ${v.name}`, () => {
    const m = given(v, "municipality");
    const input = given(v, "input");
    const got = answer(() => {
      const engine = new jusou.Engine(m, v.as_of);
      try {
        return engine[method[v.op]](input);
      } finally {
        engine.free();
      }
    });
    assert.deepEqual(plain(got), expected(v));
  });

  test(`free function: ${v.name}`, () => {
    const m = given(v, "municipality");
    const input = given(v, "input");
    let got;
    if (v.op === "route") got = answer(() => jusou.route(input, { municipality: m, asOf: v.as_of }));
    else if (v.op === "plan") got = answer(() => jusou.plan(input, v.as_of));
    else {
      // routeMany has no overrides of its own: an engine holds them.
      const engine = new jusou.Engine(m, v.as_of);
      got = answer(() => engine.routeMany(input));
      engine.free();
    }
    assert.deepEqual(plain(got), expected(v));
  });
}
