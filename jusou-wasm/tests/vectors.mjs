// What the node tests share: the module under test, the fixtures folder, the folder → operation
// table (jusou-core's `testing::FOLDERS`; tests/operations.rs checks this copy against it) and
// the shared vectors with the operation each runs through.
import { readdirSync, statSync } from "node:fs";
import { join, dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, "..", "..");
const pkg = process.env.JUSOU_WASM_PKG ?? join(root, "target", "wasm-pkg", "index.cjs");
export const jusou = createRequire(import.meta.url)(pkg);
export const fixtures = join(root, "fixtures");

export const OP = {
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

/** Every input vector under fixtures/ in a folder of `OP`, sorted, with its operation. */
export const vectors = inputs(fixtures)
  .map((p) => ({ p, op: OP[relative(fixtures, p).split(/[\\/]/)[0]] }))
  .filter((v) => v.op)
  .sort((a, b) => (a.p < b.p ? -1 : 1));
