// No call can crash the host: every export of the WASM module (target/wasm-pkg/nodejs, found
// with Object.keys so a new export is covered without editing this file) and of the package's
// node entry (index.cjs) is called with hostile arguments — undefined, null, BigInt, Symbol,
// cyclic objects, getters that throw, Proxies whose traps throw, huge strings, deep nesting —
// in a child process per export. A call must return or throw an Error; the process must not die, and
// after every hostile call an ordinary call must still work (a wasm trap that leaves the module
// unusable counts as a crash).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const pkgDir = join(root, "target", "wasm-pkg");
const modules = {
  nodejs: join(pkgDir, "nodejs", "jusou_wasm.js"),
  package: join(pkgDir, "index.cjs"),
};

const HOSTILE = [
  "undefined", "null", "bigint", "symbol", "nan", "infinity", "huge_number", "function",
  "cyclic_object", "cyclic_array", "throwing_getter", "throwing_toJSON", "proxy_throwing",
  "proxy_revoked", "huge_string", "lone_surrogate", "deep_array", "deep_object",
  "deep_json_text", "array_of_symbols", "object_with_bigint", "case_with_throwing_member",
  "case_with_cycle", "overrides_throwing", "typed_array", "date_invalid",
];

// Runs in the child: builds the hostile value by name, calls the export with it in every
// argument position (and in all at once), then checks an ordinary call still answers.
const CHILD = String.raw`
const [modPath, name, ...hostileNames] = process.argv.slice(1);
const m = require(modPath);
function nested(depth, make) { let v = null; for (let i = 0; i < depth; i++) v = make(v); return v; }
function baseCase(extra) {
  return Object.assign({ id: "x", received_on: "2024-04-01", received_by: { agency: "a" },
    household: [{ id: "A", age: 30, relation: "self", subject: true }] }, extra);
}
function hostile(h) {
  switch (h) {
    case "undefined": return undefined;
    case "null": return null;
    case "bigint": return 2n ** 200n;
    case "symbol": return Symbol("hostile");
    case "nan": return NaN;
    case "infinity": return Infinity;
    case "huge_number": return Number.MAX_VALUE;
    case "function": return () => { throw new Error("called"); };
    case "cyclic_object": { const o = baseCase({}); o.household = [o]; o.received_by = o; return o; }
    case "cyclic_array": { const a = []; a.push(a); return a; }
    case "throwing_getter": return Object.defineProperty(baseCase({}), "household", { enumerable: true, get() { throw new Error("getter"); } });
    case "throwing_toJSON": return { toJSON() { throw new Error("toJSON"); } };
    case "proxy_throwing": return new Proxy({}, { get() { throw new Error("get"); }, ownKeys() { throw new Error("ownKeys"); }, has() { throw new Error("has"); }, getOwnPropertyDescriptor() { throw new Error("gopd"); }, getPrototypeOf() { throw new Error("proto"); } });
    case "proxy_revoked": { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; }
    case "huge_string": return "x".repeat(16 * 1024 * 1024);
    case "lone_surrogate": return "\ud800";
    case "deep_array": return nested(200000, (v) => [v]);
    case "deep_object": return nested(200000, (v) => ({ household: v }));
    case "deep_json_text": return "[".repeat(1000000) + "]".repeat(1000000);
    case "array_of_symbols": return [Symbol("a"), Symbol("b")];
    case "object_with_bigint": return baseCase({ household: [{ id: "A", age: 30n }] });
    case "case_with_throwing_member": return baseCase({ household: [Object.defineProperty({}, "id", { enumerable: true, get() { throw new Error("id"); } })] });
    case "case_with_cycle": { const l = []; l.push(l); return baseCase({ consents: [{ kind: "x", scope: l }] }); }
    case "overrides_throwing": return { get municipality() { throw new Error("municipality"); }, get asOf() { throw new Error("asOf"); } };
    case "typed_array": return new Uint8Array([123, 125]);
    case "date_invalid": return new Date(NaN);
  }
  throw new Error("unknown hostile " + h);
}
const f = m[name];
const arity = Math.max(f.length, 1);
const outcomes = {};
const calls = [];
for (let i = 0; i < arity; i++) calls.push((h) => { const a = [undefined, undefined, undefined].slice(0, arity); a[i] = h; return a; });
calls.push((h) => Array(arity).fill(h));
calls.push((h) => [h, h, h, h]);
for (const hostileName of hostileNames) {
  // Which value is being tried, for the parent's message should the process die.
  process.stderr.write(hostileName + "\n");
  const seen = (outcomes[hostileName] = []);
  for (const args of calls) {
    const h = hostile(hostileName);
    try {
      f(...args(h));
      seen.push("ok");
    } catch (e) {
      // A thrown Error (jusou's, with .errors, or a TypeError from the glue) is expected; a wasm
      // trap (WebAssembly.RuntimeError) is a crash.
      if (e instanceof WebAssembly.RuntimeError) seen.push("trap: " + e.message);
      else if (e instanceof Error) seen.push("threw");
      else seen.push("non-Error thrown: " + typeof e);
    }
    // The module must still answer an ordinary call.
    const d = m.route({ id: "ok", received_on: "2024-04-01", received_by: { agency: "a", program: "1-i" },
      household: [{ id: "A", age: 82, relation: "self", subject: true, issues: ["care"] }],
      findings: { one_agency_can_resolve: true } });
    if (d.case_id !== "ok") throw new Error("module unusable after a hostile call");
  }
}
process.stdout.write(JSON.stringify(outcomes) + "\n");
`;

for (const [label, modPath] of Object.entries(modules)) {
  const m = createRequire(import.meta.url)(modPath);
  const names = Object.keys(m).filter((k) => typeof m[k] === "function" && !k.startsWith("__"));

  test(`${label}: every export is covered`, () => {
    for (const n of ["route", "meeting", "plan", "call"]) assert.ok(names.includes(n), n);
  });

  for (const name of names) {
    test(`${label}.${name} survives hostile arguments`, () => {
      // One child per export runs every hostile value (a child per value costs minutes on a
      // shared 2-core machine); its stderr names the value being tried if it dies.
      const r = spawnSync(process.execPath, ["-e", CHILD, modPath, name, ...HOSTILE], {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      });
      const last = r.stderr.trim().split("\n").pop();
      assert.equal(r.signal, null, `${label}.${name}(${last}) killed by ${r.signal}: ${r.stderr.slice(-2000)}`);
      assert.equal(r.status, 0, `${label}.${name}(${last}) failed: ${r.stderr.slice(-2000)}`);
      const outcomes = JSON.parse(r.stdout.trim().split("\n").pop());
      assert.deepEqual(Object.keys(outcomes), HOSTILE);
      for (const [h, seen] of Object.entries(outcomes)) {
        assert.ok(seen.length > 0);
        const bad = seen.filter((o) => o !== "ok" && o !== "threw");
        assert.deepEqual(bad, [], `${label}.${name}(${h})`);
      }
    });
  }
}
