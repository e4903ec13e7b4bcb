//! One JSON-in, JSON-out entry point for the bindings (Python, WebAssembly) and the CLI's batch
//! mode, so that every binding gives the same answer for the same input: the bindings only
//! convert, and every decision is made here.
//!
//! ```
//! let out = jusou_core::api::call("parse_date", r#""令和元年5月1日""#).unwrap(); // ok: doc example
//! let v: serde_json::Value = serde_json::from_str(&out).unwrap(); // ok: doc example
//! assert_eq!(v["date"], "2019-05-01");
//! let err = jusou_core::api::call("parse_date", r#""令和元年4月1日""#).unwrap_err();
//! assert_eq!(err.errors[0].code, "JUSOU-E-DATE-003");
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{self, FiscalYear};
use crate::error::{codes, decode, Error, Errors};
use crate::law;

/// Error code for an unknown operation name.
pub const UNKNOWN_OPERATION: &str = crate::error::catalogue::API_UNKNOWN_OPERATION;
/// Error code for an output that could not be encoded (should never happen).
pub const ENCODE_FAILED: &str = crate::error::catalogue::API_ENCODE_FAILED;

/// The operations [`call`] knows, with the input each takes.
pub const OPERATIONS: &[(&str, &str)] = &[
    ("version", "null"),
    ("taxonomy", "null"),
    ("parse_date", "text, e.g. \"令和8年3月\""),
    (
        "fiscal_year",
        "a day as text, e.g. \"2026-03-31\" or \"R8.3.31\"",
    ),
    (
        "split_funding",
        "{\"amount\": yen, \"program\": code or scheme key, \"as_of\": day}",
    ),
    ("schema", "a type name, e.g. \"Program\""),
    (
        "route",
        "Case: 包括的相談支援, 多機関協働, アウトリーチ, 参加支援 and the first meeting",
    ),
    (
        "route_many",
        "[Case, …]: one decision per case, or {\"errors\": […]} for a bad one (the batch goes on)",
    ),
    (
        "plan",
        "PlanLog: replay a case's event log: state, next steps, deadlines, violations",
    ),
    (
        "check_municipality",
        "Municipality: check a 実施体制 against 社会福祉法第106条の4〜第106条の6",
    ),
    (
        "meeting",
        "MeetingCheck: may this case be discussed at this meeting, and with whom",
    ),
    (
        "municipality_options",
        "Municipality: the options routing applies, once the 実施体制 passes the law check (violations are refused as errors)",
    ),
    (
        "report",
        "ReportInput: a 年度's 実績 counted from the cases' plan logs, against targets when given",
    ),
    (
        "report_partial",
        "ReportInput: the counts of some of a 年度's logs (a partition), to merge with the others' (report_merge)",
    ),
    (
        "report_merge",
        "{partials: [report_partial's outputs, in order], targets}: the 年度's 実績 of all their logs, as report gives it",
    ),
    (
        "flow",
        "Flow: a case walked end to end (routing, then each plan event with the meeting check of its sitting)",
    ),
];

/// Input of `split_funding`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SplitFundingInput {
    /// Amount in yen (0 … 10^15).
    pub amount: u64,
    /// Program code (`5`) or scheme key (`transition-preparation`).
    pub program: String,
    /// The date whose shares apply.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "crate::calendar::DayText")]
    pub as_of: NaiveDate,
}

/// Output of `fiscal_year`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct FiscalYearInfo {
    /// The 年度 as the Gregorian year it starts in.
    pub fiscal_year: FiscalYear,
    /// 和暦 name (`令和7年度`).
    pub wareki: String,
    /// April 1.
    #[serde(with = "crate::calendar::day::option")]
    #[schemars(with = "Option<String>")]
    pub start: Option<NaiveDate>,
    /// March 31 of the next year.
    #[serde(with = "crate::calendar::day::option")]
    #[schemars(with = "Option<String>")]
    pub end: Option<NaiveDate>,
}

pub(crate) fn encode<T: Serialize>(value: &T) -> Result<String, Errors> {
    serde_json::to_string(value).map_err(|e| {
        Error::new(
            ENCODE_FAILED,
            "",
            format!("出力をJSONにできません: {e}"),
            format!("cannot encode the output as JSON: {e}"),
        )
        .into()
    })
}

/// Run operation `op` on `input` (JSON text) and return the output as JSON text.
pub fn call(op: &str, input: &str) -> Result<String, Errors> {
    match op {
        "version" => encode(&crate::VERSION),
        "taxonomy" => encode(&law::taxonomy()),
        "parse_date" => {
            let text: String = decode(input)?;
            encode(&calendar::describe(&text)?)
        }
        "fiscal_year" => {
            let text: String = decode(input)?;
            let (day, _) = calendar::parse_day(&text)?;
            let fy = FiscalYear::of(day);
            encode(&FiscalYearInfo {
                fiscal_year: fy,
                wareki: fy.wareki().unwrap_or_default(),
                start: fy.start(),
                end: fy.end(),
            })
        }
        "split_funding" => {
            let i: SplitFundingInput = decode(input)?;
            encode(&law::funding::split(i.amount, &i.program, i.as_of)?)
        }
        "meeting" => encode(&crate::meeting::check_json(input)?),
        "route" => encode(&crate::routing::route_json(input)?),
        "route_many" => route_many(input),
        "plan" => encode(&crate::plan::replay_json(input)?),
        "flow" => encode(&crate::flow::run_json(input)?),
        "report" => encode(&crate::annual_report::report_json(input)?),
        "report_partial" => encode(&crate::annual_report::partial_json(input)?),
        "report_merge" => encode(&crate::annual_report::merge_json(input)?),
        "check_municipality" => encode(&crate::municipality::check_json(input)?),
        "municipality_options" => encode(&crate::municipality::load_options(input)?),
        #[cfg(feature = "schema")]
        "schema" => {
            let name: String = decode(input)?;
            encode(&crate::schema::get(&name)?)
        }
        _ => {
            let known: Vec<&str> = OPERATIONS.iter().map(|(n, _)| *n).collect();
            Err(Error::new(
                UNKNOWN_OPERATION,
                "",
                format!("操作「{op}」はありません（{}）", known.join(", ")),
                format!("no operation named '{op}' (known: {})", known.join(", ")),
            )
            .into())
        }
    }
}

/// One decision per case of a JSON array; a bad case gives `{"errors": [...]}` in its place (its
/// paths point into that case) and the rest are still decided. Each case is read exactly as
/// `route` reads it, so a batch and single calls give identical answers.
fn route_many(input: &str) -> Result<String, Errors> {
    route_many_with(input, crate::routing::route_json)
}

/// [`route_many`] with each case read by `route` (the handle applies its overrides there).
pub(crate) fn route_many_with(
    input: &str,
    route: impl Fn(&str) -> Result<crate::routing::RouteDecision, Errors>,
) -> Result<String, Errors> {
    // Raw cases take any nesting, so a small batch is scanned here too (decode skips the scan
    // for small documents that parse).
    crate::limits::scan(input)?;
    let cases: Vec<&serde_json::value::RawValue> = decode(input)?;
    let max = crate::limits::MAX_BATCH_CASES;
    if cases.len() > max {
        return Err(Error::new(
            crate::limits::limit_codes::BATCH_CASES,
            "",
            format!("一度に渡せる事例は{max}件までです（{}件）", cases.len()),
            format!("a batch holds at most {max} cases ({} given)", cases.len()),
        )
        .into());
    }
    let mut out = String::with_capacity(input.len());
    out.push('[');
    for (i, case) in cases.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let item = match route(case.get()) {
            Ok(decision) => encode(&decision)?,
            Err(errors) => errors_json(&errors),
        };
        out.push_str(&item);
    }
    out.push(']');
    Ok(out)
}

/// The error of a host value that has no JSON form (a Python set or date-time, a JS BigInt or
/// cycle), raised by a binding before the core sees any text; `why` is the host's own words.
pub fn not_json(why: &str) -> Error {
    Error::new(
        codes::JSON_TYPE,
        "",
        format!("JSONにできない値が含まれています: {why}"),
        format!("the input holds a value that is not JSON: {why}"),
    )
}

/// The error of an unknown schema name. Also raised by the WASM package, whose schemas ship as
/// files beside the module (the generator is left out of it).
pub fn unknown_schema(name: &str, known: &[&str]) -> Error {
    let known = known.join(", ");
    Error::new(
        codes::SCHEMA_UNKNOWN,
        "",
        format!("スキーマ「{name}」はありません（{known}）"),
        format!("no schema named '{name}' (known: {known})"),
    )
}

/// Errors as the JSON text bindings hand to their host (`{"errors": [...]}`).
pub fn errors_json(errors: &Errors) -> String {
    serde_json::to_string(errors).unwrap_or_else(|_| {
        format!(
            r#"{{"errors":[{{"code":"{}","path":"","message_ja":"エラーを出力できません","message_en":"cannot encode the errors","citation":null}}]}}"#,
            codes::JSON_OTHER
        )
    })
}

/// One line of a JSON Lines batch (`jusou batch route`): `None` for a blank line, else the
/// decision or the errors of that case. A line ending (`\n` or `\r\n`) is dropped; a line longer
/// than [`crate::limits::MAX_BATCH_LINE_BYTES`] or not UTF-8 is an error, not a panic. A reader
/// need hand over no more than `MAX_BATCH_LINE_BYTES + 1` bytes of a long line.
///
/// ```
/// use jusou_core::api::route_line;
/// assert!(route_line(b"  \r\n").is_none());
/// let err = route_line(b"{\"id\": \xff}").unwrap().unwrap_err(); // ok: doc example
/// assert_eq!(err.errors[0].code, "JUSOU-E-JSON-001");
/// ```
pub fn route_line(line: &[u8]) -> Option<Result<crate::routing::RouteDecision, Errors>> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let max = crate::limits::MAX_BATCH_LINE_BYTES;
    if line.len() > max {
        return Some(Err(Error::new(
            crate::limits::limit_codes::BATCH_LINE_BYTES,
            "",
            format!("行が長すぎます（上限{max}バイト）"),
            format!("the line is too long (the limit is {max} bytes)"),
        )
        .into()));
    }
    let text = match std::str::from_utf8(line) {
        Ok(t) => t,
        Err(e) => {
            return Some(Err(Error::new(
                codes::JSON_SYNTAX,
                "",
                format!("UTF-8として読めません（{}バイト目）", e.valid_up_to() + 1),
                format!("not valid UTF-8 (at byte {})", e.valid_up_to() + 1),
            )
            .into()))
        }
    };
    if text.trim().is_empty() {
        return None;
    }
    Some(crate::routing::route_json(text))
}
