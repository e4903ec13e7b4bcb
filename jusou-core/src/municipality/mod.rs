//! A municipality's 実施体制 and the identifiers every record carries: the model
//! ([`Municipality`]), its check against the law ([`check`], [`check_json`]) and a compiled
//! handle ([`Compiled`]) that routing, meetings and plans ask many questions of.
//!
//! Choices (where the law and the sources leave room):
//! - Three states for every fact the law checks: stated yes, stated no, not stated. A program
//!   left out of `programs` is not stated unless `programs_complete` is true; `runs: false`
//!   states it is not run. What is not stated is listed in the report's `unstated` and makes it
//!   incomplete (`complete: false`), never a violation.
//! - Structural input errors (bad JSON, unknown program code, bad 団体コード, unknown field) are
//!   [`crate::Errors`]; law findings are in [`MunicipalityReport`] (`valid: false`, exit 0).
//! - With the facts stated, the whole statute is one rule (R-MUNI-ITEMS-AS-ONE, 第106条の4第2項柱書):
//!   第1号イ〜ニ, 第2号, 第3号イ〜ニ, 第4号, 第5号, 第6号 with 第5号 — only while the municipality
//!   runs the project (本格実施); 移行準備 and 試行 are not checked against it.
//! - A 支援会議 member or a contractor is flagged only when recorded with no statutory basis at
//!   all (bases are a list; 地方公務員法, a bundled program's own law and 第106条の4第5項/第106条の6
//!   第5項 all count).
//! - An entrusted provider with no named contractor is a warning (R-MUNI-CONTRACTOR-NAMED).
//! - A 支援会議 with no recorded organiser is unstated; a recorded non-municipal organiser is a
//!   violation (R-MUNI-SM-ORGANISER).
//! - [`load`] is the one verdict every caller uses: a 実施体制 with violations is refused as
//!   input (routing, bindings), an incomplete one is accepted (silence is not a breach).

mod check;
mod code;
mod model;
pub mod options;

pub use check::{
    check, check_json, MeetingBasis, MeetingSummary, MunicipalityReport, StageInForce, Unstated,
    RULES, R_MUNI_CONTRACTOR_NAMED, R_MUNI_CONTRACTOR_SECRECY, R_MUNI_ITEMS_AS_ONE,
    R_MUNI_ITEMS_IF_FULL, R_MUNI_PLAN_ABSENT, R_MUNI_PLAN_ADOPTED_LATE, R_MUNI_PLAN_BEFORE_START,
    R_MUNI_PLAN_EXPIRED, R_MUNI_PLAN_FY_BOUNDARY, R_MUNI_PLAN_ORDER, R_MUNI_PROGRAM_CONFLICT,
    R_MUNI_PROGRAM_DUPLICATE, R_MUNI_SM_MEMBER_SECRECY, R_MUNI_SM_ORGANISER,
    R_MUNI_SM_WITHOUT_PROJECT, R_MUNI_START_BEFORE_LAW, R_MUNI_TOWN_CONSULT,
};
pub use code::{check_digit, LocalGovCode};
pub use model::{
    Body, BodyRole, Cadence, Confidentiality, ConfidentialityClause, ImplementationPlan, Meeting,
    MeetingKind, Member, Municipality, Operation, PeriodEdge, PlanPeriod, ProgramEntry, ProgramRef,
    Provider, Stage, StageSpan,
};
pub use options::{Criterion, CriterionSignal, Options};

/// Error code of a 実施体制 refused as input because the law check found violations (each
/// violation one error, with its rule's citation).
pub const MUNICIPALITY_VIOLATES_LAW: &str = crate::error::codes::MUNI_VIOLATES_LAW;

use crate::error::{self, Error, Errors};
use crate::law::ProgramCode;

/// A 実施体制 checked once and indexed, to be asked many questions (DESIGN: compile once).
///
/// Compiling never fails on law findings: they are in [`Compiled::report`]; [`load`] is the
/// entry point that refuses a 実施体制 with violations.
///
/// ```
/// use jusou_core::municipality::Compiled;
/// use jusou_core::law::ProgramCode;
/// let c = Compiled::from_json(r#"{"code": "112305", "name": "新座市", "prefecture": "埼玉県",
///     "start_fiscal_year": 2026, "programs": [{"code": "多機関協働事業"}, {"code": "2", "runs": false}]}"#).unwrap(); // ok: doc example
/// assert!(c.runs(ProgramCode::Item5) && c.runs(ProgramCode::Item6));
/// assert_eq!(c.states(ProgramCode::Item2), Some(false));
/// assert_eq!(c.states(ProgramCode::Item4), None);
/// assert!(!c.report().valid);
/// ```
#[derive(Debug, Clone)]
pub struct Compiled {
    municipality: Municipality,
    report: MunicipalityReport,
    /// The JSON pointer of each violation of `report`, in order.
    violation_paths: Vec<String>,
    /// Index into `municipality.programs` by `ProgramCode as usize` (first entry wins).
    index: [Option<usize>; ProgramCode::ALL.len()],
}

impl Compiled {
    /// Check and index a 実施体制.
    pub fn new(municipality: Municipality) -> Self {
        let (report, violation_paths) = check::check_with_paths(&municipality);
        let mut index = [None; ProgramCode::ALL.len()];
        for (i, e) in municipality.programs.iter().enumerate() {
            if !e.is_run() {
                continue;
            }
            for c in e.code.codes() {
                if let Some(slot) = index.get_mut(c as usize) {
                    if slot.is_none() {
                        *slot = Some(i);
                    }
                }
            }
        }
        Compiled {
            municipality,
            report,
            violation_paths,
            index,
        }
    }

    /// Decode, check and index.
    pub fn from_json(input: &str) -> Result<Self, Errors> {
        let m: Municipality = error::decode(input)?;
        Errors::check(check_limits(&m))?;
        Ok(Compiled::new(m))
    }

    /// The 実施体制 as given.
    pub fn municipality(&self) -> &Municipality {
        &self.municipality
    }

    /// The check's verdict.
    pub fn report(&self) -> &MunicipalityReport {
        &self.report
    }

    /// The municipality's choices.
    pub fn options(&self) -> &Options {
        &self.municipality.options
    }

    /// Whether the municipality is stated to run `code` (constant time).
    pub fn runs(&self, code: ProgramCode) -> bool {
        self.entry(code).is_some()
    }

    /// What the 実施体制 states about `code`: run, not run, or nothing (`None`).
    pub fn states(&self, code: ProgramCode) -> Option<bool> {
        if self.runs(code) {
            Some(true)
        } else if self.report.not_run.contains(&code) {
            Some(false)
        } else {
            None
        }
    }

    /// The check's violations as input errors (code [`MUNICIPALITY_VIOLATES_LAW`], the pointer
    /// of what breaks the rule, the finding's texts and citation); `Ok` when there are none.
    pub fn lawful(&self) -> Result<(), Errors> {
        let errors: Vec<Error> = self
            .report
            .violations
            .iter()
            .zip(&self.violation_paths)
            .map(|(f, path)| {
                let e = Error::new(
                    MUNICIPALITY_VIOLATES_LAW,
                    path.clone(),
                    format!("実施体制が法に適合しません（{}）: {}", f.rule, f.message_ja),
                    format!(
                        "the 実施体制 does not comply with the law ({}): {}",
                        f.rule, f.message_en
                    ),
                );
                match f.citation {
                    Some(c) => e.cite(c),
                    None => e,
                }
            })
            .collect();
        Errors::check(errors)
    }

    /// The entry for `code`, if run (constant time).
    pub fn entry(&self, code: ProgramCode) -> Option<&ProgramEntry> {
        let i = (*self.index.get(code as usize)?)?;
        self.municipality.programs.get(i)
    }
}

/// The one verdict on a 実施体制 given as input, for every caller (`jusou municipality`,
/// `jusou route --municipality`, the Python and JavaScript bindings): decode, check the limits,
/// check against the law, and return the compiled handle — or, when the check finds violations,
/// those violations as errors ([`MUNICIPALITY_VIOLATES_LAW`]). A valid but incomplete 実施体制 is
/// accepted: what a source does not state is no breach.
///
/// ```
/// use jusou_core::municipality::load;
/// // Partial, but nothing stated breaks the law: accepted.
/// assert!(load(r#"{"code": "112305", "name": "新座市", "prefecture": "埼玉県",
///     "programs": [{"code": "5"}]}"#).is_ok());
/// // Running the project without 第4号: refused with the check's own finding.
/// let e = load(r#"{"code": "112305", "name": "新座市", "prefecture": "埼玉県",
///     "start_fiscal_year": 2026, "programs": [{"code": "4", "runs": false}]}"#).unwrap_err();
/// assert_eq!(e.errors[0].code, "JUSOU-E-MUNI-001");
/// assert_eq!(e.errors[0].path, "/programs");
/// ```
pub fn load(input: &str) -> Result<Compiled, Errors> {
    let c = Compiled::from_json(input)?;
    c.lawful()?;
    Ok(c)
}

/// The options of a 実施体制 that passes [`load`]: what routing applies in place of a case's own.
/// `None` when the 実施体制 has no `options` object (the case then keeps its own).
pub fn load_options(input: &str) -> Result<Option<Options>, Errors> {
    let c = load(input)?;
    let stated = serde_json::from_str::<serde_json::Value>(input)
        .ok()
        .is_some_and(|v| v.get("options").is_some());
    Ok(stated.then_some(c.municipality.options))
}

/// The domain counts of a 実施体制 ([`Municipality`]); empty when within limits.
pub(crate) fn check_limits(m: &Municipality) -> Vec<crate::error::Error> {
    let mut errors = Vec::new();
    crate::error::limit::list(&mut errors, m.programs.len(), "/programs");
    for (i, p) in m.programs.iter().enumerate() {
        crate::error::limit::list(
            &mut errors,
            p.providers.len(),
            format_args!("/programs/{i}/providers"),
        );
    }
    crate::error::limit::list(&mut errors, m.meetings.len(), "/meetings");
    for (i, mt) in m.meetings.iter().enumerate() {
        crate::error::limit::count(
            &mut errors,
            mt.members.len(),
            crate::limits::MAX_MEETING_MEMBERS,
            crate::error::limit_codes::MEETING_MEMBERS,
            format_args!("/meetings/{i}/members"),
            "構成員",
            "members of a meeting",
        );
    }
    crate::error::limit::list(
        &mut errors,
        m.options.multi_agency_criteria.len(),
        "/options/multi_agency_criteria",
    );
    errors
}
