// 相談受付票 demo: every input event builds a Case from the form, routes it with jusou (WASM) and
// shows each error beside its field (JSON pointer → element via data-path). No rule lives here;
// the vocabularies (issues, relations, meeting kinds, …) come from the shipped JSON Schemas.
import init, { route, meeting, taxonomy, schema, version } from "./pkg/web.js";

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
const form = $("#intake");
let lang = "ja";
let vocab = {};
let programs = [];
let lastDecision = null;

const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "dataset") Object.assign(e.dataset, v);
    else if (k in e && k !== "list") e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
};

/** `[{key, ja}]` of a schema enum written as `oneOf` of `const` with a description. */
function enumOf(s, name) {
  const def = s.$defs?.[name];
  return (def?.oneOf ?? def?.anyOf ?? []).filter((o) => "const" in o).map((o) => ({
    key: o.const,
    // "支援会議 (社会福祉法第106条の6): …" → "支援会議"
    ja: (o.description ?? o.const).split(/ \(|:|（/)[0].trim(),
  }));
}
const label = (item) => (lang === "ja" ? item.ja : item.key.replaceAll("_", " "));
const msg = (x) => (lang === "ja" ? x.message_ja : x.message_en);

// A demo roster for the meeting check (people, not rules).
const ROSTER = [
  { id: "m-city", name: "福祉相談室 相談支援員", organisation: "新座市福祉政策課", role: "相談支援員", appointed: true, confidentiality: ["support_meeting", "public_servant"] },
  { id: "m-houkatsu", name: "高齢者相談センター 社会福祉士", organisation: "新座市高齢者相談センター", role: "社会福祉士", appointed: true, confidentiality: ["support_meeting", "contractor", "social_worker"] },
  { id: "m-csw", name: "社協 CSW", organisation: "新座市社会福祉協議会", role: "CSW", appointed: true, confidentiality: ["support_meeting", "contractor"] },
  { id: "m-minsei", name: "民生委員", organisation: null, role: "民生委員", appointed: false, confidentiality: ["commissioned_welfare_volunteer"] },
  { id: "m-neighbour", name: "近所の方", organisation: null, role: null, appointed: false, confidentiality: [] },
];
const FINDINGS = [
  ["one_agency_can_resolve", "一つの機関で解決できる", "one agency can resolve it"],
  ["rigid_support", "支援が硬直化している", "support has become rigid"],
  ["between_systems", "制度の狭間にある", "falls between systems"],
  ["refuses_support", "本人が支援を拒んでいる", "refuses support"],
  ["lacks_insight", "支援の必要性を認識していない", "does not recognise a need for support"],
  ["no_contact", "本人と会えていない", "no contact yet"],
  ["participation_need_unmet", "既存の事業で参加の場がない", "participation need unmet"],
];

// ---------------------------------------------------------------------------------------------
// Household rows

function memberRow() {
  const row = el("div", { className: "member field" });
  const rel = el("select", { name: "relation" });
  for (const r of vocab.relations) rel.append(el("option", { value: r.key }, label(r)));
  const issues = el("div", { className: "member-issues" });
  for (const i of vocab.issues) {
    issues.append(el("label", {}, el("input", { type: "checkbox", name: "issue", value: i.key }), " ", label(i)));
  }
  const cell = (cls, text, input) =>
    el("label", { className: `field ${cls}` }, el("span", { dataset: { ja: text[0], en: text[1] } }, text[lang === "ja" ? 0 : 1]), input, el("span", { className: "err" }));
  row.append(
    cell("mid", ["ID", "ID"], el("input", { name: "member_id", size: 4 })),
    cell("age", ["年齢", "Age"], el("input", { name: "age", type: "number", inputMode: "numeric" })),
    cell("rel", ["続柄", "Relation"], rel),
    cell("subj", ["本人", "Subject"], el("input", { type: "radio", name: "subject" })),
    el("div", { className: "field issues-wrap" }, el("span", { dataset: { ja: "課題", en: "Issues" } }, lang === "ja" ? "課題" : "Issues"), issues, el("span", { className: "err" })),
    el("button", { type: "button", className: "remove", title: "remove" }, "×"),
  );
  row.append(el("span", { className: "err row-err" }));
  return row;
}

function addMember(values = {}) {
  const row = memberRow();
  $("#members").append(row);
  setMember(row, values);
  renumber();
  return row;
}

function setMember(row, m) {
  $("[name=member_id]", row).value = m.id ?? "";
  $("[name=age]", row).value = m.age ?? "";
  $("[name=relation]", row).value = m.relation ?? "self";
  $("[name=subject]", row).checked = !!m.subject;
  for (const box of $$("[name=issue]", row)) box.checked = (m.issues ?? []).includes(box.value);
}

/** data-path attributes follow the rows' order, so pointers like /household/1/age find them. */
function renumber() {
  $$("#members .member").forEach((row, i) => {
    row.dataset.path = `/household/${i}`;
    $(".mid", row).dataset.path = `/household/${i}/id`;
    $(".age", row).dataset.path = `/household/${i}/age`;
    $(".rel", row).dataset.path = `/household/${i}/relation`;
    $(".subj", row).dataset.path = `/household/${i}/subject`;
    $(".issues-wrap", row).dataset.path = `/household/${i}/issues`;
  });
  renderConsents();
}

function renderConsents() {
  const box = $("#consents");
  const old = new Map($$(".consent", box).map((c) => [c.dataset.member, { on: $("[name=consent]", c).checked, day: $("[name=given_on]", c).value }]));
  box.replaceChildren();
  for (const row of $$("#members .member")) {
    const id = $("[name=member_id]", row).value.trim();
    if (!id) continue;
    const prev = old.get(id) ?? { on: false, day: "" };
    box.append(
      el("div", { className: "consent grid", dataset: { member: id } },
        el("label", {}, el("input", { type: "checkbox", name: "consent", checked: prev.on }), " ", id, lang === "ja" ? " が書面で同意" : " gave written consent"),
        el("label", { className: "field given" }, el("span", {}, lang === "ja" ? "同意日" : "Given on"), el("input", { name: "given_on", value: prev.day, placeholder: "2026-05-11" }), el("span", { className: "err" })),
        el("span", { className: "err" }),
      ),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Form → Case

function readCase() {
  const v = (name) => $(`[name=${name}]`, form).value.trim();
  const c = { id: v("id"), received_on: v("received_on"), received_by: { agency: v("agency") } };
  if (v("program")) c.received_by.program = v("program");
  if (v("as_of")) c.as_of = v("as_of");
  c.household = $$("#members .member").map((row) => {
    const m = {
      id: $("[name=member_id]", row).value.trim(),
      relation: $("[name=relation]", row).value,
      subject: $("[name=subject]", row).checked,
      issues: $$("[name=issue]:checked", row).map((b) => b.value),
    };
    const age = $("[name=age]", row).value;
    if (age !== "") m.age = Number(age);
    return m;
  });
  c.agencies_involved = $("[name=agencies]", form).value.split("\n").map((s) => s.trim()).filter(Boolean);
  c.findings = {};
  // Tri-state: a finding left at 未記録 is not sent (jusou never reads silence as "no").
  for (const [key] of FINDINGS) {
    const val = $(`[name=${key}]`, form).value;
    if (val !== "") c.findings[key] = val === "true";
  }
  if (v("withdrawal_years") !== "") c.findings.withdrawal_years = Number(v("withdrawal_years"));
  const orgs = [...new Set(ROSTER.map((r) => r.organisation).filter(Boolean))];
  c.consents = [];
  for (const box of $$("#consents .consent")) {
    delete box.dataset.path;
    $(".given", box).removeAttribute("data-path");
    if (!$("[name=consent]", box).checked) continue;
    const k = c.consents.length;
    box.dataset.path = `/consents/${k}`;
    $(".given", box).dataset.path = `/consents/${k}/given_on`;
    c.consents.push({
      id: `consent-${box.dataset.member}`,
      subject: box.dataset.member,
      given_by: { kind: "self" },
      scope: { organisations: orgs, categories: vocab.categories.map((x) => x.key) },
      given_on: $("[name=given_on]", box).value.trim(),
      form: { kind: "written" },
    });
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// Errors beside fields

/** The element for a JSON pointer: the deepest data-path (or data-mpath) that is a prefix of it. */
function target(root, attr, pointer) {
  let p = pointer;
  for (;;) {
    const hit = root.querySelector(`[${attr}="${CSS.escape(p)}"]`);
    if (hit) return hit;
    if (p === "") return null;
    p = p.slice(0, p.lastIndexOf("/"));
  }
}

function clearErrors(root) {
  for (const e of $$(".err", root)) e.textContent = "";
  for (const e of $$(".invalid", root)) e.classList.remove("invalid");
}

function showErrors(root, attr, errors) {
  for (const err of errors) {
    const t = target(root, attr, err.path);
    if (!t) continue;
    t.classList.add("invalid");
    const slot = [...t.children].find((c) => c.classList.contains("err")) ?? $(".err", t);
    const line = el("span", { className: "err-line", dataset: { code: err.code, path: err.path } }, msg(err), err.citation ? `（${err.citation}）` : "");
    if (slot.childNodes.length) slot.append(el("br"));
    slot.append(line);
  }
}

// ---------------------------------------------------------------------------------------------
// Decision and meeting panels

function yesNo(b) {
  if (b === null || b === undefined) return lang === "ja" ? "見立て待ち" : "pending the assessment";
  return lang === "ja" ? (b ? "はい" : "いいえ") : b ? "yes" : "no";
}

let shown = null;

/** Show a decision; with none (the form has errors) the last one stays, greyed out. */
function renderDecision(decision) {
  const sec = $("#decision");
  sec.classList.toggle("invalid", !decision);
  const d = decision ?? shown;
  shown = d;
  if (!d) return;
  const prog = (code) => {
    const p = programs.find((x) => x.code === code);
    return p ? `${code} ${lang === "ja" ? p.name_ja : p.name_en}` : "—";
  };
  const rows = [
    ["multi_agency", "多機関協働につなぐ", "Multi-agency collaboration", yesNo(d.multi_agency)],
    ["outreach", "アウトリーチ等", "Outreach", yesNo(d.outreach)],
    ["participation_support", "参加支援の候補", "Participation support", yesNo(d.participation_support)],
    ["lead_program", "主担当の窓口", "Lead program", d.lead_program ? prog(d.lead_program) : "—"],
    ["first_meeting", "最初の会議", "First meeting", d.first_meeting ? label(vocab.kinds.find((k) => k.key === d.first_meeting) ?? { key: d.first_meeting, ja: d.first_meeting }) : "—"],
    ["patterns", "世帯の型", "Household patterns", d.patterns.map((p) => p.pattern).join(", ") || "—"],
    ["as_of", "判断日", "As of", d.as_of],
  ];
  $(".summary", sec).replaceChildren(
    ...rows.flatMap(([key, ja, en, text]) => [
      el("dt", {}, lang === "ja" ? ja : en),
      el("dd", { dataset: { out: key, value: String(d[key] ?? "") } }, text),
    ]),
  );
  $(".alerts", sec).replaceChildren(
    ...d.statutory_alerts.map((a) => el("div", { className: "alert", dataset: { rule: a.rule } }, `${a.member}: ${msg(a)}`, el("cite", {}, a.citation))),
  );
  $(".reasons", sec).replaceChildren(
    ...d.reasons.map((r) => el("li", { dataset: { rule: r.rule } }, msg(r), el("cite", {}, r.citation ?? ""), el("span", { className: "rule" }, r.rule))),
  );
}

function readMeeting(c) {
  const sec = $("#meeting");
  const kind = $("[name=kind]", sec).value;
  const kindItem = vocab.kinds.find((k) => k.key === kind);
  const subjects = (c.household ?? []).filter((m) => m.subject || m.issues.length);
  return {
    case: {
      id: c.id || "case",
      subjects: subjects.map((m) => m.id),
      under_multi_agency: !!lastDecision?.multi_agency,
      // Ages let another law's meeting (要対協, 地域ケア会議) judge its remit.
      subject_facts: subjects.map((m) => ({ id: m.id, age: Number.isInteger(m.age) && m.age >= 0 ? m.age : null })),
    },
    meeting: {
      kind,
      local_name: kindItem?.ja ?? kind,
      organiser: { kind: "municipality", name: "新座市福祉政策課" },
      date: $("[name=date]", sec).value.trim(),
      municipality_runs_project: true,
    },
    members: ROSTER,
    attendees: $$("#attendees input:checked").map((b) => b.value),
    consents: c.consents ?? [],
    agenda: $$("#agenda input:checked").map((b) => b.value),
  };
}

function renderMeeting(c) {
  const sec = $("#meeting");
  clearErrors(sec);
  const out = $("#meeting-out");
  let d;
  try {
    d = meeting(readMeeting(c));
  } catch (e) {
    if (!e.errors) throw e;
    showErrors(sec, "data-mpath", e.errors);
    out.replaceChildren();
    return;
  }
  const list = (title, items) =>
    items.length ? [el("h3", {}, title), el("ul", {}, ...items.map((f) => el("li", { dataset: { rule: f.rule ?? f.reason?.rule ?? "" } }, f.member ? `${f.member} (${f.categories.join(", ")}): ${msg(f.reason)}` : msg(f), el("cite", {}, (f.citation ?? f.reason?.citation) || ""))))] : [];
  const table = el("table", {}, el("tr", {}, el("th", {}, lang === "ja" ? "情報" : "Category"), el("th", {}, lang === "ja" ? "共有してよい相手" : "May receive")),
    ...Object.entries(d.recipients).map(([cat, ids]) => el("tr", {}, el("td", {}, label(vocab.categories.find((x) => x.key === cat) ?? { key: cat, ja: cat })), el("td", { dataset: { category: cat } }, ids.join(", ") || "—"))));
  out.replaceChildren(
    el("p", { className: "verdict", dataset: { value: String(d.allowed) } }, lang === "ja" ? (d.allowed ? "この会議で扱えます" : "この会議では扱えません") : d.allowed ? "May be discussed" : "May not be discussed",
      d.mode ? ` — ${label(vocab.kinds.find((k) => k.key === d.mode) ?? { key: d.mode, ja: d.mode })}` : ""),
    table,
    ...list(lang === "ja" ? "除外" : "Excluded", d.excluded),
    ...list(lang === "ja" ? "違反" : "Violations", d.violations),
    ...list(lang === "ja" ? "主催者の義務" : "Obligations", d.obligations),
    ...list(lang === "ja" ? "理由" : "Reasons", d.reasons),
  );
}

// ---------------------------------------------------------------------------------------------
// The check on every input

function check() {
  const c = readCase();
  clearErrors(form);
  const status = $("#status");
  try {
    lastDecision = route(c);
    status.dataset.state = "ok";
    status.textContent = lang === "ja" ? "入力に誤りはありません" : "No errors";
  } catch (e) {
    if (!e.errors) throw e;
    lastDecision = null;
    showErrors(form, "data-path", e.errors);
    status.dataset.state = "invalid";
    status.textContent = lang === "ja" ? `誤り ${e.errors.length} 件` : `${e.errors.length} error(s)`;
  }
  renderDecision(lastDecision);
  renderMeeting(c);
}

function setLang(next) {
  lang = next;
  document.documentElement.lang = lang;
  $("#lang").textContent = lang === "ja" ? "English" : "日本語";
  $("#lang").setAttribute("aria-pressed", String(lang === "en"));
  for (const e of $$("[data-ja][data-en]")) e.textContent = e.dataset[lang];
  // Re-render the vocabulary labels, keeping the values.
  const rows = readCase().household;
  const consents = $$("#consents .consent").map((c) => [c.dataset.member, $("[name=consent]", c).checked, $("[name=given_on]", c).value]);
  $("#members").replaceChildren();
  for (const m of rows) addMember(m);
  for (const [id, on, day] of consents) {
    const box = $(`#consents .consent[data-member="${CSS.escape(id)}"]`);
    if (box) { $("[name=consent]", box).checked = on; $("[name=given_on]", box).value = day; }
  }
  fillStatic();
  check();
}

function fillStatic() {
  const keep = (sel) => $(sel).value;
  const prog = $("[name=program]", form);
  const p = prog.value;
  prog.replaceChildren(el("option", { value: "" }, lang === "ja" ? "（なし）" : "(none)"), ...programs.map((x) => el("option", { value: x.code }, `${x.code} ${lang === "ja" ? x.name_ja : x.name_en}`)));
  prog.value = p;
  const kind = $("#meeting [name=kind]");
  const k = keep("#meeting [name=kind]") || "support_meeting";
  kind.replaceChildren(...vocab.kinds.map((x) => el("option", { value: x.key }, label(x))));
  kind.value = k;
  const checked = (sel) => new Set($$(`${sel} input:checked`).map((b) => b.value));
  const att = $$("#attendees input").length ? checked("#attendees") : new Set(ROSTER.slice(0, 3).map((r) => r.id));
  $("#attendees").replaceChildren(...ROSTER.map((r) => el("label", {}, el("input", { type: "checkbox", value: r.id, checked: att.has(r.id) }), ` ${r.id}（${r.name}）`)));
  const ag = $$("#agenda input").length ? checked("#agenda") : new Set(vocab.categories.map((c) => c.key));
  $("#agenda").replaceChildren(...vocab.categories.map((c) => el("label", {}, el("input", { type: "checkbox", value: c.key, checked: ag.has(c.key) }), " ", label(c))));
  const f = new Map(FINDINGS.map(([key]) => [key, $(`[name=${key}]`, form)?.value ?? ""]));
  const tri = (key) => {
    const sel = el("select", { name: key });
    for (const [v, ja, en] of [["", "未記録", "not assessed"], ["true", "はい", "yes"], ["false", "いいえ", "no"]]) sel.append(el("option", { value: v, selected: f.get(key) === v }, lang === "ja" ? ja : en));
    return sel;
  };
  $("#findings").replaceChildren(...FINDINGS.map(([key, ja, en]) => el("label", { className: "field", dataset: { path: `/findings/${key}` } }, el("span", {}, tri(key), " ", lang === "ja" ? ja : en), el("span", { className: "err" }))));
}

/** Fill the form from a Case (the example button; the browser test types instead). */
function load(c) {
  const set = (name, value) => ($(`[name=${name}]`, form).value = value ?? "");
  set("id", c.id);
  set("received_on", c.received_on);
  set("agency", c.received_by?.agency);
  set("program", c.received_by?.program);
  set("as_of", c.as_of);
  $("#members").replaceChildren();
  for (const m of c.household ?? []) addMember(m);
  set("agencies", (c.agencies_involved ?? []).join("\n"));
  for (const [key] of FINDINGS) {
    const val = c.findings?.[key];
    $(`[name=${key}]`, form).value = val === true ? "true" : val === false ? "false" : "";
  }
  set("withdrawal_years", c.findings?.withdrawal_years);
  check();
}

async function main() {
  await init();
  const [caseSchema, meetingSchema] = await Promise.all([schema("Case"), schema("MeetingCheck")]);
  vocab = {
    issues: enumOf(caseSchema, "Issue"),
    relations: enumOf(caseSchema, "Relation"),
    kinds: enumOf(meetingSchema, "MeetingKind"),
    categories: enumOf(meetingSchema, "InfoCategory"),
  };
  programs = taxonomy();
  $("#version").textContent = `v${version()}`;
  fillStatic();
  addMember({ id: "A", relation: "self", subject: true });
  form.addEventListener("input", (e) => {
    if (e.target.name === "member_id") renderConsents();
    check();
  });
  form.addEventListener("change", check);
  $("#meeting").addEventListener("input", () => renderMeeting(readCase()));
  $("#meeting").addEventListener("change", () => renderMeeting(readCase()));
  form.addEventListener("click", (e) => {
    if (e.target.id === "add-member") {
      const row = addMember({ id: "", relation: "child" });
      $("[name=member_id]", row).focus();
      check();
    } else if (e.target.classList.contains("remove")) {
      e.target.closest(".member").remove();
      renumber();
      check();
    }
  });
  $("#lang").addEventListener("click", () => setLang(lang === "ja" ? "en" : "ja"));
  $("#example").addEventListener("click", async () => load(await (await fetch("example-case.json")).json()));
  check();
  document.body.dataset.ready = "true";
}

main().catch((e) => {
  $("#status").dataset.state = "invalid";
  $("#status").textContent = `jusou: ${e.message}`;
  console.error(e);
});
