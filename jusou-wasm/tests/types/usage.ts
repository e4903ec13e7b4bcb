// A typed use of the package (node entry): checked with tsc --noEmit by api.test.mjs. The lines
// marked ts-expect-error prove the types are real (they fail to compile if the types go loose).
import {
  route,
  meeting,
  taxonomy,
  schema,
  splitFunding,
  fiscalYear,
  call,
  type Case,
  type RouteDecision,
  type MeetingCheck,
  type JusouValidationError,
  type JusouError,
} from "jusou";

const c: Case = {
  id: "niiza-8050-model",
  received_on: "令和8年5月11日",
  received_by: { agency: "新座市社会福祉協議会" },
  household: [
    { id: "A", age: 80, relation: "self", subject: true, issues: ["dementia", "care"] },
    { id: "B", age: 50, relation: "child", issues: ["hikikomori"] },
  ],
  findings: { one_agency_can_resolve: false, withdrawal_years: 30 },
};

const d: RouteDecision = route(c, { asOf: "2026-05-11" });
const multi: boolean | null | undefined = d.multi_agency;
const rules: string[] = d.reasons.map((r) => r.rule);
const first: string | null | undefined = d.first_meeting;
const programs: string[] = taxonomy().map((p) => p.code);
const title: string = schema("Case").title;
const shares: number[] = splitFunding({ amount: 1000, program: "5", as_of: "2025-04-01" }).shares.map((s) => s.amount);
const fy = fiscalYear("R8.3.31").fiscal_year;
const viaCall: RouteDecision = call("route", c);

try {
  route(c);
} catch (e) {
  const errs: JusouError[] = (e as JusouValidationError).errors;
  const paths: string[] = errs.map((x) => x.path);
  const cites: (string | null | undefined)[] = errs.map((x) => x.citation);
  void paths, cites;
}

function check(m: MeetingCheck): boolean {
  return meeting(m).allowed;
}

// @ts-expect-error: an issue outside the closed vocabulary
const badIssue: Case["household"][number]["issues"] = ["flying"];
// @ts-expect-error: age is a number
const badAge: Case["household"][number] = { id: "A", age: "80", relation: "self" };
// @ts-expect-error: unknown field (deny_unknown_fields in Rust)
const extra: Case = { ...c, nickname: "x" };
// @ts-expect-error: unknown schema name
schema("Nope");
// @ts-expect-error: the output of route is not a meeting decision
const wrong: ReturnType<typeof meeting> = route(c);

void multi, rules, first, programs, title, shares, fy, viaCall, check, badIssue, badAge, extra, wrong;

// The annual 実績 (report): measures as numbers or null (unknown), targets by known key.
import { report, type AnnualReport } from "jusou";
const yearly: AnnualReport = report([], "令和8年度", { accepted: 4 });
const values: (number | null | undefined)[] = yearly.measures.map((m) => m.value);
void values;
// @ts-expect-error: a target names a known measure
report([], 2026, { consultations: 5 });

// The engine: a municipality and a date compiled once, then asked with only the case or log.
import { Engine, type Municipality, type PlanReport } from "jusou";
const niiza: Municipality = { code: "112305", name: "新座市", prefecture: "埼玉県" };
const engine = new Engine(niiza, "令和8年6月1日");
const viaEngine: RouteDecision = engine.route(c);
const many: Array<RouteDecision | { errors: JusouError[] }> = engine.routeMany([c]);
const replayed: PlanReport = engine.plan({ case_id: "c", as_of: "2026-06-01", events: [] });
const plainEngine = new Engine();
void viaEngine, many, replayed, plainEngine.route(JSON.stringify(c));
engine.free();
// @ts-expect-error: the engine's route takes the case alone (the overrides are the engine's)
engine.route(c, { asOf: "2026-06-01" });
