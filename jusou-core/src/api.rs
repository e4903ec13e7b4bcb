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

use serde::Serialize;

use crate::calendar::{self, FiscalYear};
use crate::engine::Engine;
use crate::error::{codes, decode, Error, Errors};
use crate::law;
use crate::operations::Op;

/// Error code for an unknown operation name.
pub const UNKNOWN_OPERATION: &str = crate::error::catalogue::API_UNKNOWN_OPERATION;
/// Error code for an output that could not be encoded (should never happen).
pub const ENCODE_FAILED: &str = crate::error::catalogue::API_ENCODE_FAILED;

pub use crate::calendar::FiscalYearInfo;
pub use crate::error::unknown_schema;
pub use crate::law::funding::SplitFundingInput;

pub(crate) fn encode<T: Serialize>(value: &T) -> Result<String, Errors> {
    encode_sized(value, 256)
}

/// Encode into a buffer of `capacity` bytes (grown if needed), with the library's fixed texts
/// copied from their escaped form ([`crate::rule::json_text`]).
fn encode_sized<T: Serialize>(value: &T, capacity: usize) -> Result<String, Errors> {
    let mut out = Vec::with_capacity(capacity);
    crate::rule::json_text::with_raw_texts(|| serde_json::to_writer(&mut out, value))
        .map_err(encode_failed)?;
    // serde_json writes UTF-8 only (its own strings, and the escaped forms of `str`s copied
    // as they are), so checking it again (`String::from_utf8`) would cost as many instructions
    // as the escaping this module saves (measured: 5–6 per byte of Japanese text).
    // SAFETY: every byte came from serde_json's compact writer, which writes valid UTF-8:
    // `serde_json::to_string` relies on the same.
    Ok(unsafe { String::from_utf8_unchecked(out) })
}

fn encode_failed(e: impl std::fmt::Display) -> Errors {
    Error::new(
        ENCODE_FAILED,
        "",
        format!("出力をJSONにできません: {e}"),
        format!("cannot encode the output as JSON: {e}"),
    )
    .into()
}

/// A routing decision as the JSON text `route` returns (what the API, the HTTP service and
/// `route_many` write for each decision).
pub fn encode_route(decision: &crate::routing::RouteDecision) -> Result<String, Errors> {
    // A decision with reasons and why-not runs to 5–10 KB: one allocation instead of six growths.
    encode_sized(decision, 8 * 1024)
}

/// Run operation `op` on `input` (JSON text) and return the output as JSON text, with the
/// default engine ([`Engine::plain`]: no municipality, no default date).
pub fn call(op: &str, input: &str) -> Result<String, Errors> {
    Engine::plain().call(op, input)
}

/// The error of an operation name not in [`crate::operations::ALL`].
fn unknown_operation(op: &str) -> Errors {
    let known: Vec<&str> = crate::operations::names().collect();
    Error::new(
        UNKNOWN_OPERATION,
        "",
        format!("操作「{op}」はありません（{}）", known.join(", ")),
        format!("no operation named '{op}' (known: {})", known.join(", ")),
    )
    .into()
}

impl Engine {
    /// Run operation `op` (one of [`crate::operations::ALL`]) on `input` (JSON text); the output
    /// as JSON text. `route`, `route_many` and `plan` apply this engine's overrides.
    pub fn call(&self, op: &str, input: &str) -> Result<String, Errors> {
        dispatch(self, op, input)
    }
}

/// Run operation `op` with `engine` (what [`Engine::call`] does): looked up in the one table of
/// operations and dispatched on its [`Op`].
fn dispatch(engine: &Engine, op: &str, input: &str) -> Result<String, Errors> {
    let Some(found) = crate::operations::find(op) else {
        return Err(unknown_operation(op));
    };
    match found.op {
        Op::Version => encode(&crate::VERSION),
        Op::Taxonomy => encode(&law::taxonomy()),
        Op::ParseDate => {
            let text: String = decode(input)?;
            encode(&calendar::describe(&text)?)
        }
        Op::FiscalYear => {
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
        Op::SplitFunding => {
            let i: SplitFundingInput = decode(input)?;
            encode(&law::funding::split(i.amount, &i.program, i.as_of)?)
        }
        Op::Meeting => encode(&engine.meeting(input)?),
        Op::Route => encode_route(&engine.route(input)?),
        Op::RouteMany => route_many_json(&engine.route_many(input)?),
        Op::Plan => encode(&engine.plan(input)?),
        Op::Flow => encode(&crate::flow::run_json(input)?),
        Op::Report => encode(&engine.report(input)?),
        Op::CheckMunicipality => encode(&crate::municipality::check_json(input)?),
        Op::MunicipalityOptions => encode(&crate::municipality::load_options(input)?),
        #[cfg(feature = "partial-reports")]
        Op::ReportPartial => encode(&crate::annual_report::partial_json(input)?),
        #[cfg(feature = "partial-reports")]
        Op::ReportMerge => encode(&crate::annual_report::merge_json(input)?),
        #[cfg(not(feature = "partial-reports"))]
        Op::ReportPartial | Op::ReportMerge => Err(unknown_operation(op)),
        #[cfg(feature = "schema")]
        Op::Schema => {
            let name: String = decode(input)?;
            encode(&crate::schema::get(&name)?)
        }
        #[cfg(not(feature = "schema"))]
        Op::Schema => Err(unknown_operation(op)),
    }
}

/// A batch's outcomes as one JSON array: per case the decision, or `{"errors": [...]}`.
pub fn route_many_json(outcomes: &[crate::engine::RouteOutcome]) -> Result<String, Errors> {
    let mut out = String::with_capacity(outcomes.len() * 1024);
    out.push('[');
    for (i, o) in outcomes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match o {
            Ok(decision) => out.push_str(&encode_route(decision)?),
            Err(errors) => out.push_str(&errors_json(errors)),
        }
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
            crate::error::limit_codes::BATCH_LINE_BYTES,
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
