//! The engine every caller holds: a municipality checked and compiled once (its 実施体制 judged
//! against the law, its program index built, its 多機関協働 criteria compiled into one
//! [`Router`]) and a default decision date, then asked `route`, `route_many`, `meeting`, `plan`
//! and `report` with only the case or log. The CLI (`route --municipality --as-of`, `plan
//! --as-of`), the HTTP service, the C ABI, Python's `jusou.Engine` and JavaScript's `new
//! Engine()` all hold one; the free functions ([`crate::api::call`]) use the default engine.
//!
//! The override policy lives here and only here:
//! - a municipality file's `options` object, when the file has one, replaces the case's own
//!   `options` (a file with no `options` leaves the case's alone);
//! - a decision date given outside the input replaces the case's (or the plan log's) `as_of`.
//!
//! Overrides are applied to the input exactly as `route` reads it: the raw text is decoded once
//! by the core's parser ([`crate::error::decode`]) and the decoded value is then changed, so a
//! duplicated key, a NaN or a non-integer age gives the same error code and path with or without
//! overrides.
//!
//! Per-call cost does not grow with the municipality: the criteria are compiled once and the
//! case's own `options` are dropped (not replaced by a copy) when the municipality's apply.
//! Cloning an engine shares what was compiled (`Arc`).
//!
//! ```
//! use jusou_core::engine::Engine;
//! let e = Engine::new(None, Some("令和8年4月1日")).unwrap(); // ok: doc example
//! let out = e.call("parse_date", r#""R8.4.1""#).unwrap(); // ok: doc example
//! assert!(out.contains("2026-04-01"));
//! ```

use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use serde_json::value::RawValue;

use crate::annual_report::AnnualReport;
use crate::case::Case;
use crate::error::{self, Error, Errors};
use crate::meeting::MeetingDecision;
use crate::municipality::{Compiled, Options};
use crate::plan::{PlanLog, PlanReport};
use crate::routing::{Detail, RouteDecision, Router};

/// What an engine compiled once and shares between its clones.
#[derive(Debug, Default)]
struct Inner {
    /// The municipality, checked and indexed.
    municipality: Option<Compiled>,
    /// The municipality's criteria, compiled; `None` when it states no `options` (each case's
    /// own then apply).
    router: Option<Router>,
    /// The default decision date.
    as_of: Option<NaiveDate>,
}

/// A municipality and a default decision date bound once, asked many operations.
#[derive(Debug, Clone, Default)]
pub struct Engine {
    inner: Arc<Inner>,
}

/// The one outcome per case of [`Engine::route_many`].
pub type RouteOutcome = Result<RouteDecision, Errors>;

/// Read a decision date given outside the input (ISO or 和暦); its errors point at `/as_of`.
pub fn parse_as_of(text: &str) -> Result<NaiveDate, Errors> {
    crate::calendar::parse_day(text)
        .map(|(d, _)| d)
        .map_err(|e| e.under("/as_of"))
}

impl Engine {
    /// Bind a municipality (the JSON text of a `Municipality`) and a default decision date (ISO or
    /// 和暦); either may be absent. A 実施体制 the law check finds in breach is refused with its
    /// findings as errors ([`crate::municipality::load`], the one verdict); errors of the date
    /// point at `/as_of`.
    pub fn new(municipality_json: Option<&str>, as_of: Option<&str>) -> Result<Self, Errors> {
        let municipality = municipality_json
            .map(crate::municipality::load)
            .transpose()?;
        let as_of = as_of.map(parse_as_of).transpose()?;
        let router = match (&municipality, municipality_json) {
            (Some(m), Some(text)) if states_options(text) => Some(Router::new(m.options())),
            _ => None,
        };
        Ok(Engine {
            inner: Arc::new(Inner {
                municipality,
                router,
                as_of,
            }),
        })
    }

    /// The engine with no municipality and no default date: every input is read on its own
    /// terms. Shared, made once.
    pub fn plain() -> &'static Engine {
        static PLAIN: OnceLock<Engine> = OnceLock::new();
        PLAIN.get_or_init(Engine::default)
    }

    /// The compiled municipality, if one is bound.
    pub fn municipality(&self) -> Option<&Compiled> {
        self.inner.municipality.as_ref()
    }

    /// The municipality's options when they replace each case's (the file states `options`).
    pub fn options(&self) -> Option<&Options> {
        self.inner
            .router
            .as_ref()
            .and(self.inner.municipality.as_ref())
            .map(Compiled::options)
    }

    /// The default decision date, if one is bound.
    pub fn as_of(&self) -> Option<NaiveDate> {
        self.inner.as_of
    }

    /// Route a case given as JSON text: decode it as `route` always does, apply the overrides,
    /// validate, decide.
    pub fn route(&self, case: &str) -> RouteOutcome {
        self.route_with(case, Detail::Full)
    }

    /// [`Engine::route`] with the explanation as full as `detail` asks (see
    /// [`Engine::route_case_with`]).
    pub fn route_with(&self, case: &str, detail: Detail) -> RouteOutcome {
        self.route_case_with(error::decode(case)?, detail)
    }

    /// Route an already decoded case, with the overrides applied.
    pub fn route_case(&self, case: Case) -> RouteOutcome {
        self.route_case_with(case, Detail::Full)
    }

    /// [`Engine::route_case`] with the explanation as full as `detail` asks: a
    /// [`Detail::Brief`] decision is the full one without `why_not` and `not_assessable`, for
    /// outputs that do not carry them (columns of decisions).
    pub fn route_case_with(&self, mut case: Case, detail: Detail) -> RouteOutcome {
        if let Some(d) = self.inner.as_of {
            case.as_of = Some(d);
        }
        let as_of = case.as_of.unwrap_or(case.received_on);
        match &self.inner.router {
            Some(router) => {
                // The municipality's compiled criteria replace the case's own options; the case's
                // are dropped rather than overwritten with a copy, so the call costs the same
                // whatever the size of the municipality.
                case.options = None;
                router.route_with(&case, as_of, detail)
            }
            None => match &case.options {
                Some(o) => Router::new(o).route_with(&case, as_of, detail),
                None => Router::default().route_with(&case, as_of, detail),
            },
        }
    }

    /// Route every case of a JSON array, each read exactly as [`Engine::route`] reads it; a bad
    /// case gives its own errors (paths into that case) and the batch goes on. Errors of the
    /// whole (not an array, too many cases) refuse the batch.
    pub fn route_many(&self, cases: &str) -> Result<Vec<RouteOutcome>, Errors> {
        // Raw cases take any nesting, so a small batch is scanned here too (decode skips the
        // scan for small documents that parse).
        crate::limits::scan(cases)?;
        let items: Vec<&RawValue> = error::decode(cases)?;
        let max = crate::limits::MAX_BATCH_CASES;
        if items.len() > max {
            return Err(Error::new(
                crate::error::limit_codes::BATCH_CASES,
                "",
                format!("一度に渡せる事例は{max}件までです（{}件）", items.len()),
                format!("a batch holds at most {max} cases ({} given)", items.len()),
            )
            .into());
        }
        Ok(items.iter().map(|c| self.route(c.get())).collect())
    }

    /// May this case be discussed at this meeting, and with whom (no overrides apply).
    pub fn meeting(&self, check: &str) -> Result<MeetingDecision, Errors> {
        crate::meeting::check_json(check)
    }

    /// Replay a plan log given as JSON text, with the default date replacing the log's `as_of`.
    /// With a default date the log may leave out its own (a store keeps the events, the caller
    /// knows the day): as before the engine, `plan(log, as_of=…)` accepts such a log.
    pub fn plan(&self, log: &str) -> Result<PlanReport, Errors> {
        match (error::decode::<PlanLog>(log), self.inner.as_of) {
            (Ok(l), _) => self.plan_log(l),
            // serde reports a missing field only after reading every other one, so a lone
            // missing `/as_of` means the rest of the text read cleanly (no duplicate key, no bad
            // value): read it again with the engine's date in place.
            (Err(e), Some(day)) if missing_as_of(&e) => {
                // The text is an object that read cleanly: put the date first in it (text, not a
                // `serde_json::Value`, whose reader would add ~30 KB to the WebAssembly module).
                let body = log.trim_start().strip_prefix('{').ok_or(e)?;
                let sep = if body.trim_start().starts_with('}') {
                    ""
                } else {
                    ","
                };
                let dated = format!("{{\"as_of\":\"{day}\"{sep}{body}");
                self.plan_log(error::decode(&dated)?)
            }
            (Err(e), _) => Err(e),
        }
    }

    /// Replay an already decoded plan log, with the overrides applied.
    pub fn plan_log(&self, mut log: PlanLog) -> Result<PlanReport, Errors> {
        if let Some(d) = self.inner.as_of {
            log.as_of = d;
        }
        crate::plan::validate(&log)?;
        Ok(crate::plan::replay(&log))
    }

    /// A 年度's 実績 from the cases' plan logs (`ReportInput`; its `fiscal_year` says the year,
    /// so no override applies).
    pub fn report(&self, input: &str) -> Result<AnnualReport, Errors> {
        crate::annual_report::report_json(input)
    }

    // `call` (an operation by name) is implemented in `api`, the layer above: the engine knows
    // its decisions, not the table of operations.
}

/// Whether the only error is the log's missing `as_of`.
fn missing_as_of(e: &Errors) -> bool {
    matches!(e.errors.as_slice(), [only] if only.code == error::codes::JSON_MISSING && only.path == "/as_of")
}

/// Whether a municipality file states an `options` object (only then do its options replace a
/// case's: a file with none leaves each case's own).
fn states_options(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Probe<'a> {
        #[serde(borrow, default)]
        options: Option<&'a RawValue>,
    }
    serde_json::from_str::<Probe<'_>>(text).is_ok_and(|p| p.options.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASE: &str = r#"{"id": "c1", "received_on": "2026-04-01",
        "received_by": {"agency": "地域包括支援センター", "program": "1-i"},
        "household": [{"id": "A", "age": 82, "relation": "self", "subject": true, "issues": ["care"]}],
        "findings": {"one_agency_can_resolve": true}}"#;

    #[test]
    fn default_date_replaces_the_case_date() {
        let e = Engine::new(None, Some("令和8年5月1日")).unwrap();
        let d = e.route(CASE).unwrap();
        assert_eq!(d.as_of, NaiveDate::from_ymd_opt(2026, 5, 1).unwrap());
        let plain = Engine::plain().route(CASE).unwrap();
        assert_eq!(plain.as_of, NaiveDate::from_ymd_opt(2026, 4, 1).unwrap());
    }

    #[test]
    fn errors_are_the_same_with_or_without_overrides() {
        let dup = CASE.replacen(r#""id": "c1","#, r#""id": "c1", "id": "c2","#, 1);
        let e = Engine::new(None, Some("2026-05-01")).unwrap();
        let with = e.route(&dup).unwrap_err();
        let without = Engine::plain().route(&dup).unwrap_err();
        assert_eq!(with, without);
        assert_eq!(with.errors[0].path, "/id");
    }

    #[test]
    fn a_bad_date_points_at_as_of() {
        let err = Engine::new(None, Some("令和元年4月1日")).unwrap_err();
        assert_eq!(err.errors[0].path, "/as_of");
    }

    #[test]
    fn a_file_without_options_leaves_the_case_options() {
        assert!(states_options(r#"{"options": {}}"#));
        assert!(!states_options(r#"{"code": "112305"}"#));
    }

    #[test]
    fn a_log_without_its_date_takes_the_engines() {
        let log = r#"{"case_id": "c", "events": [
            {"type": "referral", "date": "2026-04-01", "organisation": "地域包括支援センター"}]}"#;
        let e = Engine::plain().plan(log).unwrap_err();
        assert_eq!(e.errors[0].code, error::codes::JSON_MISSING);
        let dated = Engine::new(None, Some("令和8年5月1日")).unwrap();
        let r = dated.plan(log).unwrap();
        assert_eq!(r.as_of.to_string(), "2026-05-01");
        // Any other error still comes first, exactly as without the date.
        let dup = r#"{"case_id": "c", "case_id": "d", "events": []}"#;
        assert_eq!(
            dated.plan(dup).unwrap_err().errors[0].code,
            Engine::plain().plan(dup).unwrap_err().errors[0].code
        );
    }
}
