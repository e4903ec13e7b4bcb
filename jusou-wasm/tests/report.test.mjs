// report(logs, fiscalYear, targets) in the npm package: the same 実績 as the shared fixtures
// (fixtures/reports), from loose arguments or one ReportInput.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const jusou = createRequire(import.meta.url)(join(root, "target", "wasm-pkg", "index.cjs"));
const read = (name) => JSON.parse(readFileSync(join(root, "fixtures", "reports", name), "utf8"));

test("report from logs, a 年度 and targets equals the fixture", () => {
  const v = read("two-years-r8-targets.json");
  assert.deepEqual(jusou.report(v.logs, v.fiscal_year, v.targets), read("two-years-r8-targets.expected.json"));
  assert.deepEqual(jusou.report(v.logs, 2025), read("two-years-r7.expected.json"));
});

test("report from one ReportInput, as object or text", () => {
  const v = read("niiza-8050-model-r8.json");
  const want = read("niiza-8050-model-r8.expected.json");
  assert.deepEqual(jusou.report(v), want);
  assert.deepEqual(jusou.report(JSON.stringify(v)), want);
});

test("a case given twice throws with the code and path", () => {
  const v = read("duplicate-case-id.json");
  assert.throws(() => jusou.report(v.logs, 2026), (e) => {
    assert.equal(e.errors[0].code, "JUSOU-E-REPORT-001");
    assert.equal(e.errors[0].path, "/logs/1/case_id");
    return true;
  });
});
