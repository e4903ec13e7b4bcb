//! A municipality's 実施体制 and the identifiers every record carries: the model
//! ([`Municipality`]), its check against the law ([`check`], [`check_json`]) and a compiled
//! handle ([`Compiled`]) that routing, meetings and plans ask many questions of.
//!
//! Choices (where the law and the sources leave room):
//! - Structural input errors (bad JSON, unknown program code, bad 団体コード, unknown field) are
//!   [`crate::Errors`]; law findings are in [`MunicipalityReport`] (`valid: false`, exit 0).
//! - Facts the source does not give are left out, and silence never counts as a breach: a
//!   支援会議 member or a contractor with no recorded confidentiality basis is bound by law
//!   (第106条の6第5項 / 第106条の4第5項); only a recorded *other* basis is a violation.
//! - An entrusted provider with no named contractor is a warning (R-MUNI-CONTRACTOR-NAMED): the
//!   public plans often say only "委託", and the duty of secrecy binds the contractor regardless.
//! - 第5号 and 第6号 must appear together, in either direction (R-MUNI-ITEM6-WITH-5).
//! - A 支援会議 with no recorded organiser is not a finding (the statute makes the municipality
//!   its organiser); a recorded non-municipal organiser is (R-MUNI-SM-ORGANISER).

mod check;
mod code;
mod model;
pub mod options;

pub use check::{
    check, check_json, MunicipalityReport, RULES, R_MUNI_CONTRACTOR_NAMED,
    R_MUNI_CONTRACTOR_SECRECY, R_MUNI_PLAN_ABSENT, R_MUNI_PLAN_ADOPTED_LATE,
    R_MUNI_PLAN_BEFORE_START, R_MUNI_PLAN_FY_BOUNDARY, R_MUNI_PLAN_ORDER, R_MUNI_PROGRAM_DUPLICATE,
    R_MUNI_SM_MEMBER_SECRECY, R_MUNI_SM_ORGANISER, R_MUNI_START_BEFORE_LAW,
};
pub use code::{check_digit, LocalGovCode};
pub use model::{
    Body, BodyRole, Cadence, Confidentiality, ImplementationPlan, Meeting, MeetingKind, Member,
    Municipality, Operation, PeriodEdge, PlanPeriod, ProgramEntry, Provider,
};
pub use options::{Criterion, CriterionSignal, Options};

use crate::error::{self, Errors};
use crate::law::ProgramCode;

/// A 実施体制 checked once and indexed, to be asked many questions (DESIGN: compile once).
///
/// Compiling never fails on law findings: they are in [`Compiled::report`]; callers decide
/// whether an invalid 実施体制 may still be used.
///
/// ```
/// use jusou_core::municipality::Compiled;
/// use jusou_core::law::ProgramCode;
/// let c = Compiled::from_json(r#"{"code": "112305", "name": "新座市", "prefecture": "埼玉県",
///     "start_fiscal_year": 2026, "programs": [{"code": "5"}, {"code": "6"}]}"#).unwrap(); // ok: doc example
/// assert!(c.runs(ProgramCode::Item5));
/// assert!(!c.runs(ProgramCode::Item2));
/// assert!(!c.report().valid);
/// ```
#[derive(Debug, Clone)]
pub struct Compiled {
    municipality: Municipality,
    report: MunicipalityReport,
    /// Index into `municipality.programs` by `ProgramCode as usize` (first entry wins).
    index: [Option<usize>; ProgramCode::ALL.len()],
}

impl Compiled {
    /// Check and index a 実施体制.
    pub fn new(municipality: Municipality) -> Self {
        let report = check(&municipality);
        let mut index = [None; ProgramCode::ALL.len()];
        for (i, e) in municipality.programs.iter().enumerate() {
            if let Some(slot) = index.get_mut(e.code as usize) {
                if slot.is_none() {
                    *slot = Some(i);
                }
            }
        }
        Compiled {
            municipality,
            report,
            index,
        }
    }

    /// Decode, check and index.
    pub fn from_json(input: &str) -> Result<Self, Errors> {
        let m: Municipality = error::decode(input)?;
        Errors::check(crate::limits::check_municipality(&m))?;
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

    /// Whether the municipality runs `code` (constant time).
    pub fn runs(&self, code: ProgramCode) -> bool {
        self.entry(code).is_some()
    }

    /// The entry for `code`, if run (constant time).
    pub fn entry(&self, code: ProgramCode) -> Option<&ProgramEntry> {
        let i = (*self.index.get(code as usize)?)?;
        self.municipality.programs.get(i)
    }
}
