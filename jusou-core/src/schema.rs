//! JSON Schemas (schemars) of the input and output types, by name.

use schemars::{schema_for, JsonSchema};
use serde_json::Value;

use crate::error::Errors;

fn to_value<T: JsonSchema>() -> Value {
    serde_json::to_value(schema_for!(T)).unwrap_or(Value::Null)
}

/// The names `schema` knows, with what each describes.
pub const NAMES: &[(&str, &str)] = &[
    ("Program", "one taxonomy entry (output of `taxonomy`)"),
    ("DateInfo", "a date read from user text (output of `date`)"),
    (
        "SplitFundingInput",
        "an amount, a program and a day (input of `split_funding`)",
    ),
    (
        "FiscalYearInfo",
        "the 年度 a day falls in (output of `fiscal_year`)",
    ),
    (
        "FundingSplit",
        "a yen amount split into shares (output of `split_funding`)",
    ),
    ("Case", "an intake record (input of `route`)"),
    ("RouteDecision", "a routing decision (output of `route`)"),
    ("MeetingCheck", "a case at a meeting (input of `meeting`)"),
    (
        "MeetingDecision",
        "who may hear what at a meeting (output of `meeting`)",
    ),
    ("PlanLog", "a case's event log (input of `plan`)"),
    (
        "PlanReport",
        "state, next events, deadlines and violations (output of `plan`)",
    ),
    ("Flow", "a case walked end to end (input of `flow`)"),
    (
        "FlowReport",
        "each step judged by the plan replay and the meeting check (output of `flow`)",
    ),
    (
        "ReportInput",
        "a 年度, the cases' plan logs and targets (input of `report`)",
    ),
    (
        "AnnualReport",
        "a 年度's 実績, one row per measure (output of `report`)",
    ),
    (
        "PartialReport",
        "the counts of part of a 年度's logs, to merge (output of `report_partial`)",
    ),
    (
        "MergeInput",
        "partial reports in order, and targets (input of `report_merge`)",
    ),
    (
        "Municipality",
        "a municipality's 実施体制 (input of `municipality`)",
    ),
    (
        "MunicipalityReport",
        "a 実施体制 checked against the law (output of `municipality`)",
    ),
    (
        "Errors",
        "the error list every entry point returns on bad input",
    ),
];

/// The JSON Schema of a type, by name.
///
/// ```
/// let s = jusou_core::schema::get("Program").unwrap(); // ok: doc example
/// assert_eq!(s["title"], "Program");
/// assert!(jusou_core::schema::get("Nope").is_err());
/// ```
pub fn get(name: &str) -> Result<Value, Errors> {
    let v = match name {
        "Program" => to_value::<crate::law::Program>(),
        "DateInfo" => to_value::<crate::calendar::DateInfo>(),
        "FundingSplit" => to_value::<crate::law::funding::FundingSplit>(),
        "SplitFundingInput" => to_value::<crate::law::funding::SplitFundingInput>(),
        "FiscalYearInfo" => to_value::<crate::calendar::FiscalYearInfo>(),
        "MeetingCheck" => to_value::<crate::meeting::MeetingCheck>(),
        "MeetingDecision" => to_value::<crate::meeting::MeetingDecision>(),
        "PlanLog" => to_value::<crate::plan::PlanLog>(),
        "PlanReport" => to_value::<crate::plan::PlanReport>(),
        "Flow" => to_value::<crate::flow::Flow>(),
        "FlowReport" => to_value::<crate::flow::FlowReport>(),
        "ReportInput" => to_value::<crate::annual_report::ReportInput>(),
        "AnnualReport" => to_value::<crate::annual_report::AnnualReport>(),
        "PartialReport" => to_value::<crate::annual_report::PartialReport>(),
        "MergeInput" => to_value::<crate::annual_report::MergeInput>(),
        "Municipality" => to_value::<crate::municipality::Municipality>(),
        "MunicipalityReport" => to_value::<crate::municipality::MunicipalityReport>(),
        "Errors" => to_value::<crate::error::Errors>(),
        "Case" => to_value::<crate::case::Case>(),
        "RouteDecision" => to_value::<crate::routing::RouteDecision>(),
        _ => {
            let known: Vec<&str> = NAMES.iter().map(|(n, _)| *n).collect();
            return Err(unknown_schema(name, &known).into());
        }
    };
    Ok(v)
}

pub use crate::error::unknown_schema;
