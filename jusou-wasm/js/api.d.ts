// Signatures of jusou's functions (hand-written). Every input and output type is generated from
// the Rust types' JSON Schemas into ./types/ at build time; none is written here by hand.
import type { Case } from "./types/Case";
import type { RouteDecision } from "./types/RouteDecision";
import type { MeetingCheck } from "./types/MeetingCheck";
import type { MeetingDecision } from "./types/MeetingDecision";
import type { PlanLog } from "./types/PlanLog";
import type { PlanReport } from "./types/PlanReport";
import type { ReportInput } from "./types/ReportInput";
import type { AnnualReport } from "./types/AnnualReport";
import type { Municipality } from "./types/Municipality";
import type { MunicipalityReport } from "./types/MunicipalityReport";
import type { Program } from "./types/Program";
import type { DateInfo } from "./types/DateInfo";
import type { FundingSplit } from "./types/FundingSplit";
import type { SplitFundingInput } from "./types/SplitFundingInput";
import type { FiscalYearInfo } from "./types/FiscalYearInfo";
import type { Errors } from "./types/Errors";
import type { SchemaName } from "./types/names";

export type {
  Case,
  RouteDecision,
  MeetingCheck,
  MeetingDecision,
  PlanLog,
  PlanReport,
  ReportInput,
  AnnualReport,
  Municipality,
  MunicipalityReport,
  Program,
  DateInfo,
  FundingSplit,
  SplitFundingInput,
  FiscalYearInfo,
  Errors,
  SchemaName,
};

/** One problem with the input: code, JSON pointer path, ja/en message, citation. */
export type JusouError = Errors["errors"][number];

/** What every function throws on bad input: an `Error` whose `.errors` lists every problem. */
export interface JusouValidationError extends Error {
  errors: JusouError[];
}

/** A day as jusou reads it: ISO (`2026-03-31`) or 和暦 (`令和8年3月31日`, `R8.3.31`). */
export type DayText = Case["received_on"];

/** What `route` may take besides the case; each replaces the case's own. */
export interface RouteOverrides {
  /** A municipality (実施体制): its own 多機関協働 criteria apply once it passes the law check
   * (one in breach is refused with the errors `checkMunicipality` reports). */
  municipality?: Municipality | string;
  /** Day of the decision. */
  asOf?: DayText;
}

/** A JSON Schema document as shipped in `schemas/NAME.json`. */
export interface JsonSchemaDocument {
  title: string;
  [keyword: string]: unknown;
}

/** Each operation of `call`, with its input and output. */
export interface Operations {
  version: [null | undefined, string];
  taxonomy: [null | undefined, Program[]];
  parse_date: [string, DateInfo];
  fiscal_year: [DayText, FiscalYearInfo];
  split_funding: [SplitFundingInput, FundingSplit];
  route: [Case, RouteDecision];
  route_many: [Case[], Array<RouteDecision | Errors>];
  meeting: [MeetingCheck, MeetingDecision];
  plan: [PlanLog, PlanReport];
  report: [ReportInput, AnnualReport];
  check_municipality: [Municipality, MunicipalityReport];
  municipality_options: [Municipality, Municipality["options"] | null];
}

/** Run an operation on a plain JS value. */
export function call<K extends keyof Operations>(op: K, input: Operations[K][0]): Operations[K][1];
/** Run an operation on JSON text (e.g. a file or a form's serialised state). */
export function callJson<K extends keyof Operations>(op: K, text: string): Operations[K][1];
/** The jusou-core version this module was built from. */
export function version(): string;
/** The programs of 社会福祉法第106条の4第2項, in the law's order. */
export function taxonomy(): Program[];
/** Read a date as users write it; returns 西暦, 和暦 and 年度. */
export function parseDate(text: string): DateInfo;
/** The 年度 (April–March) a day falls in. */
export function fiscalYear(day: DayText): FiscalYearInfo;
/** Split a yen amount into funding shares; the shares always add up to the amount. */
export function splitFunding(input: SplitFundingInput): FundingSplit;
/** Route a consultation: 多機関協働, アウトリーチ, 参加支援, lead program and first meeting. */
export function route(c: Case | string, overrides?: RouteOverrides): RouteDecision;
/** Route many cases: a decision per case, or `{errors}` in place of a bad one. */
export function routeMany(cases: Case[]): Array<RouteDecision | Errors>;
/** May this case be discussed at this meeting, and who may receive what. */
export function meeting(check: MeetingCheck | string): MeetingDecision;
/** Replay a case's event log; `asOf` replaces the log's own. */
export function plan(log: PlanLog | string, asOf?: DayText): PlanReport;
/** A 年度's 実績 counted from the cases' plan logs, against the targets when given. */
export function report(logs: PlanLog[] | string, fiscalYear: number | string, targets?: ReportInput["targets"]): AnnualReport;
/** The same from one `ReportInput` (object or JSON text). */
export function report(input: ReportInput | string): AnnualReport;
/** Check a municipality's 実施体制 against 社会福祉法第106条の4〜第106条の6. */
export function checkMunicipality(m: Municipality | string): MunicipalityReport;

/** A municipality and a default decision date checked and compiled once, then asked with only
 * the case or log. The municipality's `options` (when it states them) and `asOf` replace each
 * case's own (`asOf` also each plan log's); a municipality in breach of the law is refused with
 * the errors `checkMunicipality` reports. */
export class Engine {
  constructor(municipality?: Municipality | string | null, asOf?: DayText | null);
  /** Route a consultation, with this engine's overrides. */
  route(c: Case | string): RouteDecision;
  /** Route many cases: a decision per case, or `{errors}` in place of a bad one. */
  routeMany(cases: Case[] | string): Array<RouteDecision | Errors>;
  /** May this case be discussed at this meeting, and who may receive what. */
  meeting(check: MeetingCheck | string): MeetingDecision;
  /** Replay a case's event log, the engine's `asOf` replacing the log's own. */
  plan(log: PlanLog | string): PlanReport;
  /** A 年度's 実績 counted from the cases' plan logs, against the targets when given. */
  report(logs: PlanLog[] | string, fiscalYear: number | string, targets?: ReportInput["targets"]): AnnualReport;
  /** The same from one `ReportInput` (object or JSON text). */
  report(input: ReportInput | string): AnnualReport;
  /** Release the engine's memory in the module now (else when it is garbage-collected). */
  free(): void;
}
