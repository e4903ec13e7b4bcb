//! A municipality and a decision date bound once, asked many operations: what the HTTP service
//! (`jusou serve`) and the C ABI (`jusou-ffi`) hold per municipality, and the one place of the
//! override policy the CLI's `route --municipality M --as-of D` and `plan --as-of D` apply.
//!
//! This is the stand-in for the core `Engine` of issue #18: the service and the C ABI reach the
//! rules only through [`Handle`], so swapping it for the engine is one change here.
//!
//! The override policy ([`override_case`], [`override_plan`]):
//! - a municipality file's `options` object, when the file has one, replaces the case's own
//!   `options` (a file with no `options` leaves the case's alone);
//! - a decision date given outside the input replaces the case's (or the log's) `as_of`.
//!
//! ```
//! use jusou_core::handle::Handle;
//! let h = Handle::new(None, Some("令和8年4月1日")).unwrap(); // ok: doc example
//! let out = h.call("parse_date", r#""R8.4.1""#).unwrap(); // ok: doc example
//! assert!(out.contains("2026-04-01"));
//! ```

use chrono::NaiveDate;

use crate::case::Case;
use crate::error::{self, Errors};
use crate::municipality::{Compiled, Options};
use crate::plan::PlanLog;

/// The `options` of a municipality file's text, through the core's one verdict
/// ([`crate::municipality::load_options`]): a 実施体制 in breach of the law is refused with the
/// check's findings as errors; `None` when the file has no `options` object.
pub fn municipality_options(text: &str) -> Result<Option<Options>, Errors> {
    crate::municipality::load_options(text)
}

/// Read a decision date given outside the input (ISO or 和暦); its errors point at `/as_of`.
pub fn parse_as_of(text: &str) -> Result<NaiveDate, Errors> {
    crate::calendar::parse_day(text)
        .map(|(d, _)| d)
        .map_err(|e| e.under("/as_of"))
}

/// Apply a municipality's `options` and a decision date to a case (the override policy).
pub fn override_case(case: &mut Case, options: Option<&Options>, as_of: Option<NaiveDate>) {
    if let Some(o) = options {
        case.options = Some(o.clone());
    }
    if let Some(d) = as_of {
        case.as_of = Some(d);
    }
}

/// Apply a decision date to a plan log (the override policy).
pub fn override_plan(log: &mut PlanLog, as_of: Option<NaiveDate>) {
    if let Some(d) = as_of {
        log.as_of = d;
    }
}

/// A municipality (checked and compiled once) and a default decision date, asked operations by
/// name with JSON text, exactly as [`crate::api::call`] is: the same operations, answers and
/// errors, with the overrides applied to `route`, `route_many` and `plan`.
#[derive(Debug, Clone, Default)]
pub struct Handle {
    municipality: Option<Compiled>,
    options: Option<Options>,
    as_of: Option<NaiveDate>,
}

impl Handle {
    /// Bind a municipality (its JSON text, a full `Municipality`) and a decision date (ISO or
    /// 和暦); either may be absent. Errors are the input errors of either.
    pub fn new(municipality_json: Option<&str>, as_of: Option<&str>) -> Result<Self, Errors> {
        let (municipality, options) = match municipality_json {
            Some(text) => (
                Some(Compiled::from_json(text)?),
                municipality_options(text)?,
            ),
            None => (None, None),
        };
        let as_of = as_of.map(parse_as_of).transpose()?;
        Ok(Handle {
            municipality,
            options,
            as_of,
        })
    }

    /// The compiled municipality, if one is bound.
    pub fn municipality(&self) -> Option<&Compiled> {
        self.municipality.as_ref()
    }

    /// The default decision date, if one is bound.
    pub fn as_of(&self) -> Option<NaiveDate> {
        self.as_of
    }

    /// Run operation `op` on `input` (JSON text); the output as JSON text.
    pub fn call(&self, op: &str, input: &str) -> Result<String, Errors> {
        if self.options.is_none() && self.as_of.is_none() {
            return crate::api::call(op, input);
        }
        match op {
            "route" => crate::api::encode(&self.route_json(input)?),
            "route_many" => crate::api::route_many_with(input, |c| self.route_json(c)),
            "plan" => {
                let mut log: PlanLog = error::decode(input)?;
                override_plan(&mut log, self.as_of);
                crate::plan::validate(&log)?;
                crate::api::encode(&crate::plan::replay(&log))
            }
            _ => crate::api::call(op, input),
        }
    }

    /// Decode a case, apply the overrides, route.
    fn route_json(&self, input: &str) -> Result<crate::routing::RouteDecision, Errors> {
        let mut case: Case = error::decode(input)?;
        override_case(&mut case, self.options.as_ref(), self.as_of);
        crate::routing::route_case(&case)
    }
}
