// jusou for browsers and bundlers (ES module): `await init()` once, then every function is
// synchronous except `schema(name)`, which fetches the JSON Schema shipped beside the module.
import initWasm, { unknownSchema } from "./web/jusou_wasm.js";

export {
  call,
  callJson,
  version,
  taxonomy,
  parseDate,
  fiscalYear,
  splitFunding,
  route,
  routeMany,
  meeting,
  plan,
  report,
  checkMunicipality,
  Engine,
} from "./web/jusou_wasm.js";

let ready;

/** Load the module (once; later calls return the same promise). `source` is optional: a URL,
 * Response, BufferSource or WebAssembly.Module of `web/jusou_wasm_bg.wasm`. */
export default function init(source) {
  ready ??= initWasm(source === undefined ? undefined : { module_or_path: source }).then(() => undefined);
  return ready;
}
export { init };

let names;

/** The names `schema` knows. */
export async function schemaNames() {
  names ??= fetch(new URL("./schemas/index.json", import.meta.url)).then((r) => r.json());
  return (await names).slice();
}

/** The JSON Schema of an input or output type, by name (fetched from `schemas/NAME.json`). */
export async function schema(name) {
  const known = await schemaNames();
  // The core's error for an unknown name (JUSOU-E-SCHEMA-001).
  if (typeof name !== "string" || !known.includes(name)) throw unknownSchema(String(name), known);
  const r = await fetch(new URL(`./schemas/${name}.json`, import.meta.url));
  if (!r.ok) throw new Error(`cannot load schema ${name}: HTTP ${r.status}`);
  return r.json();
}
