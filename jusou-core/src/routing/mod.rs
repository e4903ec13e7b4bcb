//! Routing a consultation (相談の振り分け): can the receiving window handle it, or does it go to
//! 多機関協働 (第5号)? Is アウトリーチ等 (第4号) needed? Is 参加支援 (第2号) a candidate? Which meeting
//! comes first? And which statutory procedure (abuse, DV, child protection) must come before all
//! of it? jusou answers with reasons and citations; the worker decides.
//!
//! ```
//! let case = r#"{"id":"c1","received_on":"2026-06-01",
//!   "received_by":{"program":"1-i","agency":"地域包括支援センター"},
//!   "household":[{"id":"A","age":80,"relation":"self","subject":true,"issues":["care"]}],
//!   "findings":{"one_agency_can_resolve":true}}"#;
//! let d = jusou_core::routing::route_json(case).unwrap(); // ok: doc example
//! assert!(!d.multi_agency);
//! assert_eq!(d.lead_program.map(|p| p.as_str()), Some("1-i"));
//! assert_eq!(d.first_meeting, None);
//! ```

pub mod alerts;
pub mod household;
pub mod rules;

use std::borrow::Cow;
use std::sync::OnceLock;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use crate::case::Case;
use crate::error::{decode, Error, Errors};
use crate::law::{Field, ProgramCode};
use crate::municipality::Options;
use crate::rule::{Finding, Rule};

pub use alerts::StatutoryAlert;
pub use household::{field_of, lead_program_of, DetectedPattern, Pattern, Source};
use household::{mask, Household, CHILD_UNDER, ELDERLY_FROM};
use rules::*;

/// The meeting a case goes to first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FirstMeeting {
    /// 支援会議 (社会福祉法第106条の6): members bound to secrecy; no consent needed.
    SupportMeeting,
    /// 重層的支援会議: needs the person's consent to share.
    JusouMeeting,
}

impl FirstMeeting {
    /// Japanese name.
    pub const fn name_ja(self) -> &'static str {
        match self {
            FirstMeeting::SupportMeeting => "支援会議",
            FirstMeeting::JusouMeeting => "重層的支援会議",
        }
    }

    /// English name.
    pub const fn name_en(self) -> &'static str {
        match self {
            FirstMeeting::SupportMeeting => "support meeting",
            FirstMeeting::JusouMeeting => "multi-layered support meeting",
        }
    }
}

/// A reason: a rule that fired. A municipality criterion's id (owned) may stand as its rule.
pub type Reason = Finding;

/// The routing decision (the DESIGN.md contract, plus what helps a worker read it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RouteDecision {
    /// The case routed.
    pub case_id: String,
    /// The day the decision speaks for (consent is checked on it).
    pub as_of: NaiveDate,
    /// Pass to 多機関協働 (第5号).
    pub multi_agency: bool,
    /// アウトリーチ等を通じた継続的支援 (第4号) applies.
    pub outreach: bool,
    /// A candidate for 参加支援 (第2号); its use is decided at the 重層的支援会議.
    pub participation_support: bool,
    /// The 包括的相談支援 program (第1号イ–ニ) that keeps the case as lead when it stays; null
    /// when it goes to 多機関協働 (the lead, 主担当, is set there).
    pub lead_program: Option<ProgramCode>,
    /// The meeting the case goes to first; null when it stays with the lead window.
    pub first_meeting: Option<FirstMeeting>,
    /// Procedures of other laws that come first (abuse, DV, child protection).
    pub statutory_alerts: Vec<StatutoryAlert>,
    /// Reasons, in the order the rules fired.
    pub reasons: Vec<Reason>,
    /// The fields (分野) of the household's issues.
    pub fields: Vec<Field>,
    /// Household patterns recognised (8050, double care, young carer).
    pub patterns: Vec<DetectedPattern>,
}

/// A municipality's criterion compiled to issue bit masks.
#[derive(Debug, Clone)]
struct Compiled {
    id: String,
    label_ja: String,
    label_en: Option<String>,
    any: u32,
    all: u32,
}

/// A municipality's options compiled once, then asked about many cases (the per-case cost does
/// not grow with the number of criteria beyond one mask test each).
#[derive(Debug, Clone, Default)]
pub struct Router {
    criteria: Vec<Compiled>,
}

impl Router {
    /// Compile the options.
    pub fn new(options: &Options) -> Self {
        Router {
            criteria: options
                .multi_agency_criteria
                .iter()
                .map(|c| Compiled {
                    id: c.id.clone(),
                    label_ja: c.label_ja.clone(),
                    label_en: c.label_en.clone(),
                    any: mask(&c.issues_any),
                    all: mask(&c.issues_all),
                })
                .collect(),
        }
    }

    /// Validate the case and route it as of `as_of`.
    pub fn route(&self, case: &Case, as_of: NaiveDate) -> Result<RouteDecision, Errors> {
        let mut errors = Vec::new();
        case.validate(&mut errors);
        if as_of < case.received_on && case.as_of != Some(as_of) {
            errors.push(Error::new(
                crate::case::case_codes::AS_OF_BEFORE_INTAKE,
                "/as_of",
                format!(
                    "判断日（{as_of}）が受付日（{}）より前です",
                    case.received_on
                ),
                format!(
                    "the decision date ({as_of}) is before the intake date ({})",
                    case.received_on
                ),
            ));
        }
        Errors::check(errors)?;
        Ok(self.decide(case, as_of))
    }

    /// Decide for a validated case.
    fn decide(&self, case: &Case, as_of: NaiveDate) -> RouteDecision {
        let h = Household::read(case);
        let f = &case.findings;
        let mut reasons: Vec<Reason> = Vec::with_capacity(8);

        // 1. Other laws' procedures come first.
        let statutory_alerts = alerts::alerts(&h);
        for rule in ALERT_RULES {
            if statutory_alerts.iter().any(|a| a.rule == rule.id) {
                reasons.push(rule.into());
            }
        }

        // 2. Triggers of 多機関協働.
        let before = reasons.len();
        if h.field_count() >= 2 {
            reasons.push(fields_reason(&h));
        }
        if h.members_with_issues >= 2 {
            reasons.push(R_ROUTE_MULTI_MEMBER.into());
        }
        let patterns = h.patterns();
        for p in &patterns {
            let rule = match p.pattern {
                Pattern::P8050 => R_ROUTE_8050,
                Pattern::DoubleCare => R_ROUTE_DOUBLE_CARE,
                Pattern::YoungCarer => R_ROUTE_YOUNG_CARER,
            };
            reasons.push(rule.into());
        }
        if f.between_systems {
            reasons.push(R_ROUTE_BETWEEN_SYSTEMS.into());
        }
        if f.rigid_support {
            reasons.push(R_ROUTE_RIGID.into());
        }
        for c in &self.criteria {
            let empty = c.any == 0 && c.all == 0;
            let any_ok = c.any == 0 || h.issue_mask & c.any != 0;
            let all_ok = h.issue_mask & c.all == c.all;
            if !empty && any_ok && all_ok {
                reasons.push(Reason {
                    rule: Cow::Owned(c.id.clone()),
                    citation: None,
                    message_ja: Cow::Owned(format!(
                        "市町村の基準「{}」に当たります。多機関協働につなぎます",
                        c.label_ja
                    )),
                    message_en: Cow::Owned(format!(
                        "meets the municipality's criterion '{}': pass to multi-agency collaboration",
                        c.label_en.as_deref().unwrap_or(&c.label_ja)
                    )),
                });
            }
        }
        let triggered = reasons.len() > before;
        if !f.one_agency_can_resolve {
            reasons.push(R_ROUTE_NOT_ONE_AGENCY.into());
        }
        let multi_agency = triggered || !f.one_agency_can_resolve;

        // 3. Stays with the lead window, or the worker's finding is overridden.
        let lead_program = if multi_agency {
            if f.one_agency_can_resolve {
                reasons.push(R_ROUTE_ONE_AGENCY_OVERRIDDEN.into());
            }
            None
        } else {
            let lead = lead_for(case, &h);
            reasons.push(stays_reason(lead));
            Some(lead)
        };

        // 4. アウトリーチ等 (may start before 多機関協働 and before consent).
        let mut outreach = false;
        if f.no_contact {
            outreach = true;
            reasons.push(R_ROUTE_OUTREACH_NO_CONTACT.into());
        }
        if f.refuses_support {
            outreach = true;
            reasons.push(R_ROUTE_OUTREACH_REFUSAL.into());
        }
        if f.withdrawal_years
            .is_some_and(|y| y >= LONG_WITHDRAWAL_YEARS)
        {
            outreach = true;
            reasons.push(R_ROUTE_OUTREACH_WITHDRAWAL.into());
        }

        // 5. 参加支援 candidate.
        let participation_support = f.participation_need_unmet;
        if participation_support {
            reasons.push(R_ROUTE_PARTICIPATION.into());
        }

        // 6. The first meeting.
        let needs_meeting = multi_agency || outreach || participation_support;
        let first_meeting = if !needs_meeting {
            None
        } else if consent_covers(case, as_of) {
            reasons.push(R_ROUTE_FIRST_JUSOU_MEETING.into());
            Some(FirstMeeting::JusouMeeting)
        } else {
            reasons.push(R_ROUTE_FIRST_SUPPORT_MEETING.into());
            Some(FirstMeeting::SupportMeeting)
        };

        RouteDecision {
            case_id: case.id.clone(),
            as_of,
            multi_agency,
            outreach,
            participation_support,
            lead_program,
            first_meeting,
            statutory_alerts,
            reasons,
            fields: h.fields().collect(),
            patterns,
        }
    }
}

const ALERT_RULES: [Rule; 5] = [
    alerts::R_ROUTE_ALERT_CHILD_PROTECTION,
    alerts::R_ROUTE_ALERT_CHILD_ABUSE,
    alerts::R_ROUTE_ALERT_ELDER_ABUSE,
    alerts::R_ROUTE_ALERT_DISABILITY_ABUSE,
    alerts::R_ROUTE_ALERT_DV,
];

/// Years of withdrawal from which outreach applies. The national guideline defines ひきこもり as
/// six months or more; `withdrawal_years` counts whole years, so any recorded year qualifies.
pub const LONG_WITHDRAWAL_YEARS: u8 = 1;

/// Whether a consent valid on `on` covers sharing the subject's information.
fn consent_covers(case: &Case, on: NaiveDate) -> bool {
    let Some(subject) = case.subject() else {
        return false;
    };
    crate::meeting::consent::without_consent(&case.consents, [subject.id.as_str()], on).is_empty()
}

/// The lead 包括的相談支援 program: the field of the household's issues when there is one;
/// else the receiving window when it is a 第1号 program; else by the subject's age
/// (65+ 第1号イ, under 18 第1号ハ, otherwise 第1号ニ, the general adult window).
fn lead_for(case: &Case, h: &Household<'_>) -> ProgramCode {
    if let Some(p) = h.single_field().and_then(lead_program_of) {
        return p;
    }
    if let Some(p) = case.received_by.program.filter(|p| {
        matches!(
            p,
            ProgramCode::Item1I
                | ProgramCode::Item1Ro
                | ProgramCode::Item1Ha
                | ProgramCode::Item1Ni
        )
    }) {
        return p;
    }
    let age = case
        .household
        .iter()
        .position(|m| m.subject)
        .map(|i| h.age(i))
        .unwrap_or(0);
    if age >= ELDERLY_FROM {
        ProgramCode::Item1I
    } else if age < CHILD_UNDER {
        ProgramCode::Item1Ha
    } else {
        ProgramCode::Item1Ni
    }
}

/// R-ROUTE-MULTI-FIELD naming the household's fields. Its text depends only on the set of fields,
/// so every set's text is built once (routing runs on every keystroke of a form).
fn fields_reason(h: &Household<'_>) -> Reason {
    static TEXTS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| (0..=u8::MAX).map(fields_text).collect());
    match texts.get(usize::from(h.fields)) {
        Some((ja, en)) => R_ROUTE_MULTI_FIELD.finding_with(ja.as_str(), en.as_str()),
        None => {
            let (ja, en) = fields_text(h.fields);
            R_ROUTE_MULTI_FIELD.finding_with(ja, en)
        }
    }
}

fn fields_text(mask: u8) -> (String, String) {
    let mut ja = String::new();
    let mut en = String::new();
    for (i, f) in household::fields_in(mask).enumerate() {
        if i > 0 {
            ja.push('・');
            en.push_str(", ");
        }
        ja.push_str(f.name_ja());
        en.push_str(f.name_en());
    }
    (
        format!("{}（{ja}）", R_ROUTE_MULTI_FIELD.ja),
        format!("{} ({en})", R_ROUTE_MULTI_FIELD.en),
    )
}

/// R-ROUTE-STAYS naming the lead program, built once per program like [`fields_reason`].
fn stays_reason(lead: ProgramCode) -> Reason {
    static TEXTS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| ProgramCode::ALL.iter().map(|&c| stays_text(c)).collect());
    match ProgramCode::ALL
        .iter()
        .position(|&c| c == lead)
        .and_then(|i| texts.get(i))
    {
        Some((ja, en)) => R_ROUTE_STAYS.finding_with(ja.as_str(), en.as_str()),
        None => {
            let (ja, en) = stays_text(lead);
            R_ROUTE_STAYS.finding_with(ja, en)
        }
    }
}

fn stays_text(lead: ProgramCode) -> (String, String) {
    let p = lead.program();
    (
        format!("{}: {}（{}）", R_ROUTE_STAYS.ja, p.name_ja, lead.item_ja()),
        format!("{}: {} ({})", R_ROUTE_STAYS.en, p.name_en, lead.as_str()),
    )
}

/// Validate and route a case with the given options, as of `as_of`.
pub fn route(case: &Case, options: &Options, as_of: NaiveDate) -> Result<RouteDecision, Errors> {
    Router::new(options).route(case, as_of)
}

/// Validate and route a case using its own `options` and `as_of` (defaulting to no
/// municipal criteria and the intake date).
pub fn route_case(case: &Case) -> Result<RouteDecision, Errors> {
    let default = Options::default();
    let options = case.options.as_ref().unwrap_or(&default);
    route(case, options, case.as_of.unwrap_or(case.received_on))
}

/// The JSON entry point every binding calls: decode, validate, decide.
pub fn route_json(input: &str) -> Result<RouteDecision, Errors> {
    let case: Case = decode(input)?;
    route_case(&case)
}

#[cfg(test)]
mod tests;
