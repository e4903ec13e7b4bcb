// The demo form in a real browser: Debian's chromium (headless) driven by playwright-core, the
// page served from a loopback static server over target/www (built by `make www`). Fills the form
// with the 新座市 model case by typing, checks the decision shown against the fixture, enters a
// bad age and checks the error appears beside that field. Screenshots in target/browser/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, dirname, extname, normalize, sep } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const www = join(root, "target", "www");
const shots = join(root, "target", "browser");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const require = createRequire(join(root, "jusou-wasm", "package.json"));
const fixture = (p) => JSON.parse(readFileSync(join(root, "fixtures", p), "utf8"));

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
  ".json": "application/json", ".wasm": "application/wasm" };

let server, base, context, page, profile;

before(async () => {
  assert.ok(existsSync(join(www, "index.html")), "target/www missing: run `make www` first");
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing: \`make deps-browser\` installs it`);
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^([/\\])+/, "");
    const file = join(www, path === "" ? "index.html" : path);
    if (!file.startsWith(www + sep) && file !== www) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${server.address().port}/`;
  const { chromium } = require("playwright-core");
  profile = mkdtempSync(join(tmpdir(), "jusou-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run"],
    viewport: { width: 1280, height: 1000 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15000);
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.problems = problems;
});

after(async () => {
  await context?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Type a Case into the form the way a worker would. */
async function fillCase(c) {
  await page.fill("[name=id]", c.id);
  await page.fill("[name=received_on]", c.received_on);
  await page.fill("[name=agency]", c.received_by.agency);
  for (const [i, m] of c.household.entries()) {
    if (i > 0) await page.click("#add-member");
    const row = page.locator(`[data-path="/household/${i}"]`);
    await row.locator("[name=member_id]").fill(m.id);
    await row.locator("[name=age]").fill(String(m.age));
    await row.locator("[name=relation]").selectOption(m.relation);
    if (m.subject) await row.locator("[name=subject]").check();
    for (const issue of m.issues ?? []) await row.locator(`[name=issue][value="${issue}"]`).check();
  }
  await page.fill("[name=agencies]", (c.agencies_involved ?? []).join("\n"));
  for (const [key, value] of Object.entries(c.findings ?? {})) {
    if (typeof value === "boolean") {
      // Findings are tri-state selects (未記録 / はい / いいえ).
      await page.locator(`[name=${key}]`).selectOption(String(value));
    } else if (Array.isArray(value)) {
      continue;
    } else {
      await page.fill(`[name=${key}]`, String(value));
    }
  }
}

test("the 新座市 model case: decision, then a bad age shown beside its field", async () => {
  const c = fixture("cases/niiza-8050-model.json");
  const expected = fixture("cases/niiza-8050-model.expected.json");
  await page.goto(base);
  await page.waitForSelector("body[data-ready=true]");
  await fillCase(c);

  await page.waitForSelector("#status[data-state=ok]");
  const out = (key) => page.locator(`#decision dd[data-out=${key}]`).getAttribute("data-value");
  assert.equal(await out("multi_agency"), String(expected.multi_agency));
  assert.equal(await out("outreach"), String(expected.outreach));
  assert.equal(await out("participation_support"), String(expected.participation_support));
  assert.equal(await out("first_meeting"), String(expected.first_meeting ?? ""));
  assert.equal(await out("as_of"), expected.as_of);
  const rules = await page.locator("#decision .reasons li").evaluateAll((li) => li.map((x) => x.dataset.rule));
  assert.deepEqual(rules, expected.reasons.map((r) => r.rule));
  const cites = await page.locator("#decision .reasons cite").allTextContents();
  assert.deepEqual(cites, expected.reasons.map((r) => r.citation ?? ""));
  // The meeting check panel answers for the case as routed.
  await page.waitForSelector("#meeting-out .verdict");
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, "niiza.png"), fullPage: true });

  // A bad age: the error sits beside that member's age field, and the decision is withdrawn.
  const age = page.locator('[data-path="/household/1/age"]');
  await age.locator("input").fill("200");
  await page.waitForSelector('[data-path="/household/1/age"].invalid .err-line[data-code="JUSOU-E-CASE-005"]');
  assert.match(await age.locator(".err").textContent(), /年齢/);
  await page.waitForSelector("#decision.invalid");
  await page.waitForSelector("#status[data-state=invalid]");
  await age.locator("input").fill("-1");
  await page.waitForSelector('[data-path="/household/1/age"].invalid .err-line[data-code="JUSOU-E-CASE-005"]');
  // Other fields carry no error.
  assert.equal(await page.locator(".err-line").count(), 1);
  // English toggle: the same error, in English.
  await page.click("#lang");
  await page.waitForSelector('html[lang=en] [data-path="/household/1/age"] .err-line');
  assert.match(await page.locator('[data-path="/household/1/age"] .err').textContent(), /age/i);
  await page.screenshot({ path: join(shots, "niiza-bad-age.png"), fullPage: true });
  await page.click("#lang");
  await age.locator("input").fill("50");
  await page.waitForSelector("#status[data-state=ok]");
  assert.deepEqual(page.problems, []);
});
