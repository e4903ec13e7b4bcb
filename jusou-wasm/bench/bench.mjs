// Node benchmark of the WASM package (issue #9 §3): route from a JS object and validate-on-
// keystroke, each beside its baselines in the same run: JSON.parse of the same input, and ajv
// validating the same input against `jusou schema Case` (compiled once) — the tool a form author
// would otherwise use. Medians of timed batches; writes target/bench/node.json.
//
//   make bench-node            (builds target/wasm-pkg first)
//   BENCH_MS=300 node jusou-wasm/bench/bench.mjs
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import os from "node:os";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const pkgDir = process.env.JUSOU_WASM_PKG_DIR ?? join(root, "target", "wasm-pkg");
const require = createRequire(join(here, "..", "package.json"));
const jusou = require(join(pkgDir, "index.cjs"));
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default ?? require("ajv-formats");

const BATCH_MS = Number(process.env.BENCH_MS ?? 150); // per sample
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 15);

/** Calls of `fn` that take about BATCH_MS (after warming it up). */
function batchSize(fn) {
  let n = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn(i);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms > BATCH_MS / 4) return Math.max(1, Math.round((n * BATCH_MS) / Math.max(ms, 0.001)));
    n *= 2;
  }
}

/** Median ns per call of each function. The samples are interleaved (one batch of each case per
 * round) so that load from other processes on a shared machine hits every case alike. */
function measureAll(fns) {
  const names = Object.keys(fns);
  const sizes = Object.fromEntries(names.map((k) => [k, batchSize(fns[k])]));
  const per = Object.fromEntries(names.map((k) => [k, []]));
  for (let s = 0; s < SAMPLES; s++) {
    for (const k of names) {
      const fn = fns[k];
      const n = sizes[k];
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) fn(i);
      per[k].push(Number(process.hrtime.bigint() - t0) / n);
    }
  }
  return Object.fromEntries(names.map((k) => {
    const v = per[k].sort((a, b) => a - b);
    return [k, { median_ns: v[Math.floor(v.length / 2)], min_ns: v[0], max_ns: v[v.length - 1], iterations: sizes[k] * SAMPLES }];
  }));
}

const caseObj = JSON.parse(readFileSync(join(root, "fixtures", "cases", "niiza-8050-model.json"), "utf8"));
const caseText = JSON.stringify(caseObj);
// The demo form's input state as its readCase() builds it on each keystroke: every field present
// (booleans for every finding, empty consents), serialised as the page would hand it over.
const formState = {
  ...caseObj,
  household: caseObj.household.map((m) => ({ subject: false, ...m })),
  findings: { one_agency_can_resolve: false, rigid_support: false, between_systems: false,
    refuses_support: false, no_contact: false, participation_need_unmet: false, ...caseObj.findings },
  consents: [],
};
const formText = JSON.stringify(formState);
const badState = structuredClone(formState);
badState.household[1].age = 200;

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
// schemars' integer formats, so ajv checks the same ranges the Rust types do.
for (const [name, max] of [["uint8", 255], ["uint16", 65535], ["uint32", 4294967295], ["uint64", Number.MAX_SAFE_INTEGER]]) {
  ajv.addFormat(name, { type: "number", validate: (x) => Number.isInteger(x) && x >= 0 && x <= max });
}
for (const name of ["int64", "int32"]) ajv.addFormat(name, { type: "number", validate: Number.isInteger });
const validate = ajv.compile(jusou.schema("Case"));
if (!validate(caseObj) || !validate(formState)) throw new Error(`ajv rejects the model case: ${ajv.errorsText(validate.errors)}`);
// The same answer as every binding, before timing anything.
const expected = JSON.parse(readFileSync(join(root, "fixtures", "cases", "niiza-8050-model.expected.json"), "utf8"));
if (JSON.stringify(jusou.route(caseObj)) !== JSON.stringify(jusou.callJson("route", caseText)) ||
    jusou.route(caseObj).multi_agency !== expected.multi_agency) throw new Error("route disagrees");

// What crossing the JS/wasm boundary as JSON text costs by itself, for the same input and output:
// the floor under `route_js_object` however fast the core gets (issue #18 item 7).
const outText = JSON.stringify(jusou.route(caseObj));
const outBytes = new TextEncoder().encode(outText);
const utf8In = new Uint8Array(4 * caseText.length + 16);
const textEncoder = new TextEncoder();
// As wasm-bindgen's glue decodes a returned string.
const textDecoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });

let sink = 0;
const cases = {
  json_parse: () => { sink += JSON.parse(caseText).household.length; },
  json_stringify: () => { sink += JSON.stringify(caseObj).length; },
  ajv_validate: () => { sink += validate(caseObj) ? 1 : 0; },
  route_js_object: () => { sink += jusou.route(caseObj).reasons.length; },
  route_json_text: () => { sink += jusou.route(caseText).reasons.length; },
  taxonomy: () => { sink += jusou.taxonomy().length; },
  cross_encode_input: () => { sink += textEncoder.encodeInto(caseText, utf8In).written; },
  cross_decode_output: () => { sink += textDecoder.decode(outBytes).length; },
  cross_parse_output: () => { sink += JSON.parse(outText).reasons.length; },
  keystroke_parse_ajv: () => { sink += validate(JSON.parse(formText)) ? 1 : 0; },
  keystroke_parse_route: () => { sink += jusou.route(JSON.parse(formText)).reasons.length; },
  keystroke_route_invalid: () => {
    try { jusou.route(badState); } catch (e) { sink += e.errors.length; }
  },
};

const results = measureAll(cases);
for (const name of Object.keys(cases)) {
  console.log(`${name.padEnd(26)} ${(results[name].median_ns / 1000).toFixed(2).padStart(9)} µs  (median of ${SAMPLES})`);
}
const r = (a, b) => results[a].median_ns / results[b].median_ns;
// JSON.stringify of the input, its UTF-8 copy into the module, the UTF-8 decode of the output and
// its JSON.parse: route(caseObject) does all four around the core's work.
const crossing_ns = ["json_stringify", "cross_encode_input", "cross_decode_output", "cross_parse_output"]
  .reduce((t, k) => t + results[k].median_ns, 0);
const ratios = {
  route_js_object_over_ajv: r("route_js_object", "ajv_validate"),
  json_text_crossing_over_ajv: crossing_ns / results.ajv_validate.median_ns,
  route_js_object_over_json_parse: r("route_js_object", "json_parse"),
  route_json_text_over_json_parse: r("route_json_text", "json_parse"),
  keystroke_route_over_keystroke_ajv: r("keystroke_parse_route", "keystroke_parse_ajv"),
};
const TARGET = 3;
console.log("");
for (const [k, v] of Object.entries(ratios)) console.log(`${k.padEnd(38)} ${v.toFixed(2)}×`);
console.log(`target route ≤ ${TARGET}× ajv: ${ratios.route_js_object_over_ajv <= TARGET ? "met" : "missed"}`);

const wasm = readFileSync(join(pkgDir, "nodejs", "jusou_wasm_bg.wasm"));
// Counted as the package test counts it (node's zlib at level 9).
const wasmGzip = gzipSync(wasm, { level: 9 }).length;
console.log(`wasm ${wasm.length} bytes, ${wasmGzip} gzipped (target ≤ 150 KB)`);
const report = {
  bench: "node",
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.arch()}` },
  jusou: jusou.version(),
  wasm_bytes: wasm.length,
  wasm_gzip_bytes: wasmGzip,
  input: "fixtures/cases/niiza-8050-model.json",
  input_bytes: Buffer.byteLength(caseText),
  output_bytes: outBytes.length,
  json_text_crossing_ns: crossing_ns,
  method: `median ns/call of ${SAMPLES} interleaved batches of ~${BATCH_MS} ms; ajv ${require("ajv/package.json").version} (draft 2020-12, allErrors, ajv-formats) compiled once from schemas/Case.json`,
  results,
  ratios,
  targets: { route_js_object_over_ajv: { max: TARGET, met: ratios.route_js_object_over_ajv <= TARGET } },
  sink,
};
const out = join(root, "target", "bench");
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "node.json"), JSON.stringify(report, null, 2) + "\n");
console.log(`wrote ${join(out, "node.json")}`);
