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
//! assert_eq!(d.multi_agency, Some(false));
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

use crate::case::{Case, Issue};
use crate::error::{decode, Error, Errors};
use crate::law::{Field, ProgramCode};
use crate::municipality::{CriterionSignal, Options};
#[cfg(feature = "encode-cache")]
use crate::rule::json_text;
use crate::rule::json_text::FastMap;
use crate::rule::{Finding, Rule};

pub use alerts::{Obligation, ReportTo, StatutoryAlert};
pub use household::{
    field_for, field_of, lead_program_of, DetectedPattern, Pattern, Source, YoungCarerBand,
};
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

/// A question routing answers; `why_not` and `pending` say which one they explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    /// 多機関協働につなぐか
    MultiAgency,
    /// アウトリーチ等の対象か
    Outreach,
    /// 参加支援の候補か
    ParticipationSupport,
    /// 最初の会議を重層的支援会議にできるか
    JusouMeeting,
    /// 会議を勧めるか
    FirstMeeting,
}

/// Why a rule did not give a positive answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Evaluated on stated facts and did not fire.
    NotFired,
    /// Waits on a finding the worker has not recorded.
    Pending,
    /// Needs a fact (usually an age) the record leaves open.
    NotAssessable,
}

/// How much of its explanation a decision carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Detail {
    /// Everything: the answers with their reasons, signals, pending questions, why-not entries
    /// and the checks the ages leave open.
    #[default]
    Full,
    /// The same answers, reasons, signals, pending questions, fields, patterns and alerts as
    /// [`Detail::Full`] (the same evaluation decides them), with `why_not` and
    /// `not_assessable` left empty and their texts never written: for outputs that do not
    /// carry them (the Python binding's Arrow and DataFrame columns). Never answer a caller
    /// with a brief decision where the full one is expected.
    Brief,
}

/// One rule that did not fire for a negative or pending answer, and what was missing or would
/// change it. Produced by the same evaluation that made the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct WhyNot {
    /// The answer it explains.
    pub question: Question,
    /// The rule's id (a library rule's or a municipality criterion's).
    pub rule: Cow<'static, str>,
    /// The article the rule rests on.
    pub citation: Option<&'static str>,
    /// Not fired, pending, or not assessable.
    pub outcome: Outcome,
    /// Japanese: what was missing or would change the answer.
    #[serde(serialize_with = "crate::rule::json_text::text")]
    pub message_ja: Cow<'static, str>,
    /// English.
    #[serde(serialize_with = "crate::rule::json_text::text")]
    pub message_en: Cow<'static, str>,
}

/// An answer that waits on the worker's assessment, and what would settle it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Pending {
    /// The answer that waits.
    pub question: Question,
    /// The rule that decides it once the assessment is recorded.
    pub rule: &'static str,
    /// The input field that would settle it (`findings.one_agency_can_resolve`).
    pub settled_by: &'static str,
    /// Japanese.
    #[serde(serialize_with = "crate::rule::json_text::static_text")]
    pub message_ja: &'static str,
    /// English.
    #[serde(serialize_with = "crate::rule::json_text::static_text")]
    pub message_en: &'static str,
}

#[cfg(feature = "encode-cache")]
impl json_text::entries::FixedEntry for WhyNot {
    fn fixed_key(&self) -> Option<json_text::entries::FixedKey> {
        let values = [self.question as usize, self.outcome as usize, 0];
        let (ja, en) = (&self.message_ja, &self.message_en);
        json_text::entries::rule_entry_key(2, values, &self.rule, self.citation, ja, en)
    }
}

#[cfg(feature = "encode-cache")]
impl json_text::entries::FixedEntry for Pending {
    fn fixed_key(&self) -> Option<json_text::entries::FixedKey> {
        use json_text::entries::FixedText;
        let [b0, b1] = self.settled_by.addr()?;
        let (ja, en) = (&self.message_ja, &self.message_en);
        let values = [self.question as usize, b0, b1];
        json_text::entries::rule_entry_key(3, values, &self.rule, None, ja, en)
    }
}

/// A check the record's ages leave open (a band or no age where the rule needs a line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct NotAssessable {
    /// What could not be checked: a pattern (`8050`, `double_care`, `young_carer`) or `field`.
    pub check: &'static str,
    /// The members whose ages leave it open.
    pub members: Vec<String>,
    /// Japanese.
    pub message_ja: String,
    /// English.
    pub message_en: String,
}

/// The routing decision (the DESIGN.md contract, plus what helps a worker read it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RouteDecision {
    /// The case routed.
    pub case_id: String,
    /// The day the decision speaks for (consent is checked on it).
    pub as_of: NaiveDate,
    /// Pass to 多機関協働 (第5号): `true` / `false` on the worker's stated assessment, `null`
    /// while that assessment is pending (see `pending`).
    pub multi_agency: Option<bool>,
    /// アウトリーチ等を通じた継続的支援 (第4号) applies.
    pub outreach: bool,
    /// A candidate for 参加支援 (第2号); its use is decided at the 重層的支援会議.
    pub participation_support: bool,
    /// The 包括的相談支援 program (第1号イ–ニ) that keeps the case as lead when it stays
    /// (`multi_agency: false`); null otherwise (the lead, 主担当, is set in 多機関協働, or after
    /// the assessment).
    pub lead_program: Option<ProgramCode>,
    /// The meeting the case goes to first; null when no meeting rests on a stated basis.
    pub first_meeting: Option<FirstMeeting>,
    /// Procedures of other laws that come first (abuse, DV, child protection).
    pub statutory_alerts: Vec<StatutoryAlert>,
    /// Reasons for the decisions, in the order the rules fired.
    #[cfg_attr(
        feature = "encode-cache",
        serde(serialize_with = "crate::rule::json_text::entries::cached")
    )]
    pub reasons: Vec<Reason>,
    /// Signals of 複雑化・複合化 (several fields, several members, 8050, double care, young
    /// carer, 制度の狭間, 硬直化, the municipality's own criteria): reported, not decisive.
    #[cfg_attr(
        feature = "encode-cache",
        serde(serialize_with = "crate::rule::json_text::entries::cached")
    )]
    pub signals: Vec<Reason>,
    /// Answers that wait on the worker's assessment, and what would settle them.
    #[cfg_attr(
        feature = "encode-cache",
        serde(serialize_with = "crate::rule::json_text::entries::cached")
    )]
    pub pending: Vec<Pending>,
    /// For every negative or pending answer, the rules that did not fire and why.
    #[cfg_attr(
        feature = "encode-cache",
        serde(serialize_with = "crate::rule::json_text::entries::cached")
    )]
    pub why_not: Vec<WhyNot>,
    /// Checks the record's ages leave open.
    pub not_assessable: Vec<NotAssessable>,
    /// The fields (分野) of the household's issues.
    pub fields: Vec<Field>,
    /// Household patterns recognised (8050, double care, young carer).
    pub patterns: Vec<DetectedPattern>,
}

/// A municipality's criterion compiled to issue bit masks and a signal list.
#[derive(Debug, Clone)]
struct Compiled {
    id: String,
    label_ja: String,
    label_en: Option<String>,
    any: u32,
    all: u32,
    signals: Vec<CriterionSignal>,
}

/// A municipality's options compiled once, then asked about many cases (the per-case cost does
/// not grow with the number of criteria beyond one test each).
#[derive(Debug, Clone, Default)]
pub struct Router {
    criteria: Vec<Compiled>,
}

/// A rule evaluated once: fired, or not with its reason. Decisions, reasons and why-not all
/// read these.
struct Eval {
    rule: Cow<'static, str>,
    citation: Option<&'static str>,
    state: State,
    text: Text,
}

/// What an evaluated rule says (ja, en).
enum Text {
    /// Written at evaluation.
    Given(Cow<'static, str>, Cow<'static, str>),
    /// Not fired on a finding recorded as no (`true`) or not recorded (`false`): the rule's
    /// why-not with that note, looked up only when an answer shows it.
    NotBecause(&'static RouteRule, bool),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Fired,
    Not(Outcome),
}

impl Eval {
    fn fired(r: &RouteRule) -> Self {
        Eval {
            rule: Cow::Borrowed(r.rule.id),
            citation: r.rule.citation(),
            state: State::Fired,
            text: Text::Given(Cow::Borrowed(r.rule.ja), Cow::Borrowed(r.rule.en)),
        }
    }

    fn not(
        r: &RouteRule,
        outcome: Outcome,
        ja: impl Into<Cow<'static, str>>,
        en: impl Into<Cow<'static, str>>,
    ) -> Self {
        Eval {
            rule: Cow::Borrowed(r.rule.id),
            citation: r.rule.citation(),
            state: State::Not(outcome),
            text: Text::Given(ja.into(), en.into()),
        }
    }

    /// Not fired, with the rule's why-not text and a note on the fact behind it.
    fn not_because(r: &'static RouteRule, stated_no: bool) -> Self {
        Eval {
            rule: Cow::Borrowed(r.rule.id),
            citation: r.rule.citation(),
            state: State::Not(Outcome::NotFired),
            text: Text::NotBecause(r, stated_no),
        }
    }

    /// A rule on a stated finding: yes fires; no or silence does not, saying which.
    fn finding(r: &'static RouteRule, v: Option<bool>) -> Self {
        match v {
            Some(true) => Eval::fired(r),
            Some(false) => Eval::not_because(r, true),
            None => Eval::not_because(r, false),
        }
    }

    /// A rule on facts of the household: fired or not, with the rule's why-not text.
    fn fact(r: &RouteRule, fired: bool) -> Self {
        if fired {
            Eval::fired(r)
        } else {
            Eval::not(
                r,
                Outcome::NotFired,
                r.not_ja.unwrap_or(r.rule.ja),
                r.not_en.unwrap_or(r.rule.en),
            )
        }
    }

    fn is_fired(&self) -> bool {
        self.state == State::Fired
    }

    fn texts(&self) -> (Cow<'static, str>, Cow<'static, str>) {
        match &self.text {
            Text::NotBecause(r, stated_no) => not_because_texts(r, *stated_no),
            Text::Given(ja, en) => (ja.clone(), en.clone()),
        }
    }

    fn reason(&self) -> Reason {
        let (message_ja, message_en) = self.texts();
        Reason {
            rule: self.rule.clone(),
            citation: self.citation,
            message_ja,
            message_en,
        }
    }

    fn why_not(&self, question: Question) -> Option<WhyNot> {
        match self.state {
            State::Fired => None,
            State::Not(outcome) => {
                let (message_ja, message_en) = self.texts();
                Some(WhyNot {
                    question,
                    rule: self.rule.clone(),
                    citation: self.citation,
                    outcome,
                    message_ja,
                    message_en,
                })
            }
        }
    }
}

/// A decision's why-not entries, or none for a [`Detail::Brief`] one.
struct WhyNots {
    list: Vec<WhyNot>,
    keep: bool,
}

impl WhyNots {
    // The test inlined, the entry built out of line: a brief decision pays one branch.
    #[inline(always)]
    fn add(&mut self, e: &Eval, question: Question) {
        if self.keep {
            self.push(e, question);
        }
    }

    #[inline(never)]
    fn push(&mut self, e: &Eval, question: Question) {
        self.list.extend(e.why_not(question));
    }
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
                    signals: c.signals_any.clone(),
                })
                .collect(),
        }
    }

    /// Validate the case and route it as of `as_of`.
    pub fn route(&self, case: &Case, as_of: NaiveDate) -> Result<RouteDecision, Errors> {
        self.route_with(case, as_of, Detail::Full)
    }

    /// [`Router::route`] with the decision's explanation as full as `detail` asks.
    pub fn route_with(
        &self,
        case: &Case,
        as_of: NaiveDate,
        detail: Detail,
    ) -> Result<RouteDecision, Errors> {
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
        Ok(self.decide(case, as_of, detail))
    }

    /// Decide for a validated case.
    fn decide(&self, case: &Case, as_of: NaiveDate, detail: Detail) -> RouteDecision {
        let explain = detail == Detail::Full;
        let h = Household::read(case);
        let f = &case.findings;
        let mut reasons: Vec<Reason> = Vec::with_capacity(8);
        // Most answers explain 8–12 rules (fixtures/cases): one allocation, not four growths.
        let mut why_not = WhyNots {
            list: if explain {
                Vec::with_capacity(16)
            } else {
                Vec::new()
            },
            keep: explain,
        };
        let mut pending: Vec<Pending> = Vec::new();

        // 1. Other laws' procedures come first.
        let statutory_alerts = alerts::alerts(&h);
        for rule in ALERT_RULES {
            if statutory_alerts.iter().any(|a| a.rule == rule.id) {
                reasons.push(rule.into());
            }
        }

        // 2. Signals of 複雑化・複合化: evaluated once, reported as signals.
        let (patterns, open) = h.patterns();
        let mut not_assessable = if explain {
            not_assessable_of(&h, &open)
        } else {
            Vec::new()
        };
        let pattern_eval = |p: Pattern, r: &'static RouteRule| {
            if patterns.iter().any(|d| d.pattern == p) {
                Eval::fired(r)
            } else if let Some((_, who)) = open.iter().find(|(q, _)| *q == p) {
                if !explain {
                    return Eval::not(r, Outcome::NotAssessable, "", "");
                }
                Eval::not(
                    r,
                    Outcome::NotAssessable,
                    format!(
                        "{}（{}）：記録の年齢では判断できません（年齢が分かれば判断できます）",
                        p.label_ja(),
                        who.join("・")
                    ),
                    format!(
                        "{} ({}): the ages in the record leave it open (an age would settle it)",
                        p.label_en(),
                        who.join(", ")
                    ),
                )
            } else {
                Eval::fact(r, false)
            }
        };
        let multi_field = if h.field_count() >= 2 {
            let (ja, en) = fields_texts(h.fields);
            Eval {
                text: Text::Given(ja, en),
                ..Eval::fired(&R_ROUTE_MULTI_FIELD)
            }
        } else {
            Eval::fact(&R_ROUTE_MULTI_FIELD, false)
        };
        let signal_evals = [
            (CriterionSignal::MultiField, multi_field),
            (
                CriterionSignal::MultiMember,
                Eval::fact(&R_ROUTE_MULTI_MEMBER, h.members_with_issues >= 2),
            ),
            (
                CriterionSignal::P8050,
                pattern_eval(Pattern::P8050, &R_ROUTE_8050),
            ),
            (
                CriterionSignal::DoubleCare,
                pattern_eval(Pattern::DoubleCare, &R_ROUTE_DOUBLE_CARE),
            ),
            (
                CriterionSignal::YoungCarer,
                pattern_eval(Pattern::YoungCarer, &R_ROUTE_YOUNG_CARER),
            ),
            (
                CriterionSignal::BetweenSystems,
                Eval::finding(&R_ROUTE_BETWEEN_SYSTEMS, f.between_systems),
            ),
            (
                CriterionSignal::RigidSupport,
                Eval::finding(&R_ROUTE_RIGID, f.rigid_support),
            ),
        ];

        // 3. 多機関協働 rests on the worker's 見立て: 単独の支援関係機関では対応が難しいか.
        let assessment = match f.one_agency_can_resolve {
            Some(false) => Eval::fired(&R_ROUTE_NOT_ONE_AGENCY),
            Some(true) => Eval::not(
                &R_ROUTE_NOT_ONE_AGENCY,
                Outcome::NotFired,
                R_ROUTE_NOT_ONE_AGENCY.not_ja.unwrap_or_default(),
                R_ROUTE_NOT_ONE_AGENCY.not_en.unwrap_or_default(),
            ),
            None => Eval::not(
                &R_ROUTE_NOT_ONE_AGENCY,
                Outcome::Pending,
                PENDING_ASSESSMENT_JA,
                PENDING_ASSESSMENT_EN,
            ),
        };
        let multi_agency = match assessment.state {
            State::Fired => Some(true),
            State::Not(Outcome::NotFired) => Some(false),
            State::Not(_) => None,
        };
        // A criterion's texts are written only where the answer shows them: a fired one among
        // the signals, every one in why-not when 多機関協働 is not decided yes. Otherwise one
        // allocation-free test each, so the per-case cost hardly grows with a municipality's
        // criteria (bench `engine`).
        let explain_all = explain && multi_agency != Some(true);
        let criteria: Vec<Eval> = self
            .criteria
            .iter()
            .filter(|c| explain_all || self.criterion_fires(c, &h, &signal_evals, &assessment))
            .map(|c| self.criterion(c, &h, &signal_evals, &assessment))
            .collect();
        let signals: Vec<Reason> = signal_evals
            .iter()
            .map(|(_, e)| e)
            .chain(&criteria)
            .filter(|e| e.is_fired())
            .map(Eval::reason)
            .collect();
        if multi_agency == Some(true) {
            reasons.push(assessment.reason());
        } else {
            why_not.add(&assessment, Question::MultiAgency);
            for e in signal_evals.iter().map(|(_, e)| e).chain(&criteria) {
                why_not.add(e, Question::MultiAgency);
            }
        }
        if multi_agency.is_none() {
            pending.push(Pending {
                question: Question::MultiAgency,
                rule: R_ROUTE_NOT_ONE_AGENCY.rule.id,
                settled_by: "findings.one_agency_can_resolve",
                message_ja: PENDING_ASSESSMENT_JA,
                message_en: PENDING_ASSESSMENT_EN,
            });
        }

        // 4. Stays with the lead window on the worker's stated assessment.
        let lead_program = if multi_agency == Some(false) {
            let lead = lead_for(case, &h);
            reasons.push(stays_reason(lead));
            if !signals.is_empty() {
                reasons.push(R_ROUTE_SIGNALS_REVIEW.rule.into());
            }
            Some(lead)
        } else {
            None
        };

        // 5. アウトリーチ等 (may start before 多機関協働 and before consent).
        let by_finding = [
            Eval::finding(&R_ROUTE_OUTREACH_NO_CONTACT, f.no_contact),
            Eval::finding(&R_ROUTE_OUTREACH_REFUSAL, f.refuses_support),
            Eval::finding(&R_ROUTE_OUTREACH_NO_INSIGHT, f.lacks_insight),
            match f.withdrawal_years {
                Some(y) if y >= LONG_WITHDRAWAL_YEARS => Eval::fired(&R_ROUTE_OUTREACH_WITHDRAWAL),
                Some(_) => Eval::not_because(&R_ROUTE_OUTREACH_WITHDRAWAL, true),
                None => Eval::not_because(&R_ROUTE_OUTREACH_WITHDRAWAL, false),
            },
        ];
        let by_issue = Eval::fact(&R_ROUTE_OUTREACH_ISSUE, h.issue_mask & OUTREACH_ISSUES != 0);
        let outreach_stated = by_finding.iter().any(Eval::is_fired);
        let outreach = outreach_stated || by_issue.is_fired();
        for e in by_finding.iter().chain([&by_issue]) {
            if e.is_fired() {
                reasons.push(e.reason());
            } else if !outreach {
                why_not.add(e, Question::Outreach);
            }
        }
        if !f.refuses_services.is_empty() && f.refuses_support != Some(true) {
            let list = f.refuses_services.join("・");
            reasons.push(R_ROUTE_REFUSES_SERVICE.rule.finding_with(
                format!("{}（{list}）", R_ROUTE_REFUSES_SERVICE.rule.ja),
                format!(
                    "{} ({})",
                    R_ROUTE_REFUSES_SERVICE.rule.en,
                    f.refuses_services.join(", ")
                ),
            ));
        }

        // 6. 参加支援 candidate.
        let participation = Eval::finding(&R_ROUTE_PARTICIPATION, f.participation_need_unmet);
        let participation_support = participation.is_fired();
        if participation_support {
            reasons.push(participation.reason());
        } else {
            why_not.add(&participation, Question::ParticipationSupport);
        }

        // 7. The first meeting, only on a stated basis; 重層的支援会議 only with 多機関協働 and the
        //    consent of every member whose information is central (the meeting check's rule).
        let needs_meeting = multi_agency == Some(true) || outreach_stated || participation_support;
        let central = central_members(case);
        let missing = crate::meeting::consent::without_consent(
            &case.consents,
            central.iter().copied(),
            as_of,
        );
        let jusou = jusou_eval(case, multi_agency, &missing, explain);
        let first_meeting = if !needs_meeting {
            let (ja, en) = no_meeting_texts(multi_agency.is_none(), outreach);
            let outcome = if multi_agency.is_none() {
                Outcome::Pending
            } else {
                Outcome::NotFired
            };
            why_not.add(
                &Eval::not(&R_ROUTE_FIRST_SUPPORT_MEETING, outcome, ja, en),
                Question::FirstMeeting,
            );
            why_not.add(&jusou, Question::JusouMeeting);
            None
        } else if jusou.is_fired() {
            reasons.push(jusou.reason());
            Some(FirstMeeting::JusouMeeting)
        } else {
            reasons.push(if missing.is_empty() {
                // Everyone consented, but the case is not (yet) a multi-agency one.
                R_ROUTE_FIRST_SUPPORT_MEETING.rule.finding_with(
                    "多機関協働の事例ではないため、最初の会議は支援会議です（構成員に守秘義務があり、同意なしで情報共有できます）",
                    "not a multi-agency case: the first meeting is the support meeting (its members are bound to secrecy, so it may share without consent)",
                )
            } else {
                R_ROUTE_FIRST_SUPPORT_MEETING.rule.into()
            });
            why_not.add(&jusou, Question::JusouMeeting);
            Some(FirstMeeting::SupportMeeting)
        };

        if explain && !h.field_unknown.is_empty() {
            let who: Vec<String> = h.field_unknown.iter().map(|&i| h.id(i)).collect();
            not_assessable.push(NotAssessable {
                check: "field",
                message_ja: format!("介護・認知症の分野（高齢・障害・子ども）は年齢で決まりますが、記録の年齢では決められません（{}）", who.join("・")),
                message_en: format!("the field of care or dementia (elderly, disability, children) depends on the age, which the record leaves open ({})", who.join(", ")),
                members: who,
            });
        }

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
            signals,
            pending,
            why_not: why_not.list,
            not_assessable,
            fields: h.fields().collect(),
            patterns,
        }
    }

    /// A municipality's criterion: its issues and its signals, evaluated on the same signal
    /// evaluations as the library's rules.
    /// Whether criterion `c` fires (what [`Router::criterion`] decides, without its texts).
    fn criterion_fires(
        &self,
        c: &Compiled,
        h: &Household<'_>,
        signal_evals: &[(CriterionSignal, Eval)],
        assessment: &Eval,
    ) -> bool {
        let empty = c.any == 0 && c.all == 0 && c.signals.is_empty();
        let issues_ok = (c.any == 0 || h.issue_mask & c.any != 0) && h.issue_mask & c.all == c.all;
        let fired = |s: CriterionSignal| -> bool {
            if s == CriterionSignal::NotOneAgency {
                return assessment.state == State::Fired;
            }
            signal_evals
                .iter()
                .any(|(k, e)| *k == s && e.state == State::Fired)
        };
        let signals_ok = c.signals.is_empty() || c.signals.iter().any(|&s| fired(s));
        !empty && issues_ok && signals_ok
    }

    fn criterion(
        &self,
        c: &Compiled,
        h: &Household<'_>,
        signal_evals: &[(CriterionSignal, Eval)],
        assessment: &Eval,
    ) -> Eval {
        let label_en = c.label_en.as_deref().unwrap_or(&c.label_ja);
        let empty = c.any == 0 && c.all == 0 && c.signals.is_empty();
        let issues_ok = (c.any == 0 || h.issue_mask & c.any != 0) && h.issue_mask & c.all == c.all;
        let state_of = |s: CriterionSignal| -> State {
            if s == CriterionSignal::NotOneAgency {
                return assessment.state;
            }
            signal_evals
                .iter()
                .find(|(k, _)| *k == s)
                .map_or(State::Not(Outcome::NotFired), |(_, e)| e.state)
        };
        let matched: Vec<&str> = c
            .signals
            .iter()
            .filter(|&&s| state_of(s) == State::Fired)
            .map(|s| s.key())
            .collect();
        let open = c.signals.iter().any(|&s| {
            matches!(
                state_of(s),
                State::Not(Outcome::Pending | Outcome::NotAssessable)
            )
        });
        let signals_ok = c.signals.is_empty() || !matched.is_empty();
        let rule: Cow<'static, str> = Cow::Owned(c.id.clone());
        let mk = |state, ja: String, en: String| Eval {
            rule: rule.clone(),
            citation: None,
            state,
            text: Text::Given(ja.into(), en.into()),
        };
        if !empty && issues_ok && signals_ok {
            let via = if matched.is_empty() {
                String::new()
            } else {
                format!("（{}）", matched.join("・"))
            };
            mk(
                State::Fired,
                format!("市町村の基準「{}」に当たります{via}", c.label_ja),
                format!(
                    "meets the municipality's criterion '{label_en}'{}",
                    if matched.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", matched.join(", "))
                    }
                ),
            )
        } else if !empty && issues_ok && open {
            mk(
                State::Not(Outcome::Pending),
                format!("市町村の基準「{}」に当たるかは、担当者の見立て（または年齢）の記録待ちです", c.label_ja),
                format!("whether the municipality's criterion '{label_en}' is met waits on the worker's assessment (or an age)"),
            )
        } else {
            mk(
                State::Not(Outcome::NotFired),
                format!("市町村の基準「{}」に当たりません（基準の課題・見立て・サインが記録にありません）", c.label_ja),
                format!("does not meet the municipality's criterion '{label_en}' (its issues, findings or signals are not in the record)"),
            )
        }
    }
}

/// Issues from which outreach is suggested (people who can hardly reach support alone).
const OUTREACH_ISSUES: u32 = household::bit(Issue::Hikikomori)
    | household::bit(Issue::SelfNeglect)
    | household::bit(Issue::Isolation);

/// R-ROUTE-FIRST-SUPPORT-MEETING's why-not when no meeting rests on a stated basis: one of four
/// fixed texts (assessment pending or not, outreach suggested by issues or not), built once.
fn no_meeting_texts(pending: bool, outreach: bool) -> (&'static str, &'static str) {
    static TEXTS: OnceLock<[(String, String); 4]> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        [(false, false), (false, true), (true, false), (true, true)]
            .map(|(pending, outreach)| no_meeting_text(pending, outreach))
    });
    let (ja, en) = &texts[usize::from(pending) * 2 + usize::from(outreach)];
    (ja, en)
}

fn no_meeting_text(pending: bool, outreach: bool) -> (String, String) {
    let mut ja = String::from(R_ROUTE_FIRST_SUPPORT_MEETING.not_ja.unwrap_or_default());
    let mut en = String::from(R_ROUTE_FIRST_SUPPORT_MEETING.not_en.unwrap_or_default());
    if pending {
        ja.push_str("。多機関協働の見立てが未記録です");
        en.push_str("; the multi-agency assessment is not recorded");
    }
    if outreach {
        ja.push_str("。アウトリーチ等は記録された課題から考えられますが、本人と会えていない・拒否などの見立てがないため会議の根拠にしません");
        en.push_str("; outreach is suggested by recorded issues only, and without a stated finding (no contact, refusal …) it is not a basis for a meeting");
    }
    (ja, en)
}

/// The members whose information is central to the case: the subject and everyone with issues.
fn central_members(case: &Case) -> Vec<&str> {
    case.household
        .iter()
        .filter(|m| m.subject || !m.issues.is_empty())
        .map(|m| m.id.as_str())
        .collect()
}

/// R-ROUTE-FIRST-JUSOU-MEETING evaluated: fires with 多機関協働 and every central consent;
/// otherwise says what is missing ("no consent from B (refused)") when `explain`.
fn jusou_eval(case: &Case, multi_agency: Option<bool>, missing: &[&str], explain: bool) -> Eval {
    let r = &R_ROUTE_FIRST_JUSOU_MEETING;
    if multi_agency == Some(true) && missing.is_empty() {
        return Eval::fired(r);
    }
    let outcome = if multi_agency.is_none() {
        Outcome::Pending
    } else {
        Outcome::NotFired
    };
    let (base_ja, base_en) = jusou_not_texts(multi_agency);
    if missing.is_empty() || !explain {
        return Eval::not(r, outcome, base_ja, base_en);
    }
    let mut ja = String::from(base_ja);
    let mut en = String::from(base_en);
    {
        let state = |id: &str| {
            case.household
                .iter()
                .find(|m| m.id == id)
                .and_then(|m| m.consent)
        };
        let ja_list: Vec<String> = missing
            .iter()
            .map(|id| match state(id) {
                Some(s) => format!("{id}（{}）", s.label_ja()),
                None => format!("{id}（同意の記録なし）"),
            })
            .collect();
        let en_list: Vec<String> = missing
            .iter()
            .map(|id| match state(id) {
                Some(s) => format!("{id} ({})", s.label_en()),
                None => format!("{id} (no consent on record)"),
            })
            .collect();
        ja.push_str(&format!(
            "。判断日に有効な同意がない人：{}",
            ja_list.join("、")
        ));
        en.push_str(&format!(
            "; no consent in force on the day from: {}",
            en_list.join(", ")
        ));
    }
    Eval::not(r, outcome, ja, en)
}

/// R-ROUTE-FIRST-JUSOU-MEETING's why-not before the consents are named: one fixed text per
/// state of the multi-agency answer, built once.
fn jusou_not_texts(multi_agency: Option<bool>) -> (&'static str, &'static str) {
    static TEXTS: OnceLock<[(String, String); 3]> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| [Some(true), Some(false), None].map(jusou_not_text));
    let (ja, en) = &texts[match multi_agency {
        Some(true) => 0,
        Some(false) => 1,
        None => 2,
    }];
    (ja, en)
}

fn jusou_not_text(multi_agency: Option<bool>) -> (String, String) {
    let r = &R_ROUTE_FIRST_JUSOU_MEETING;
    let mut ja = String::from(r.not_ja.unwrap_or_default());
    let mut en = String::from(r.not_en.unwrap_or_default());
    match multi_agency {
        Some(true) => {}
        Some(false) => {
            ja.push_str("。多機関協働の事例ではありません");
            en.push_str("; this is not a multi-agency case");
        }
        None => {
            ja.push_str("。多機関協働につなぐかの見立てが未記録です");
            en.push_str("; whether it goes to multi-agency collaboration is not yet assessed");
        }
    }
    (ja, en)
}

/// A rule's why-not text with a note on the finding behind it (recorded as no, or not recorded).
/// It depends only on the rule and which of the two, so both are built once for every rule of
/// routing and borrowed afterwards (built per case they were ~11 % of the Arrow path's time).
fn not_because_texts(r: &RouteRule, stated_no: bool) -> (Cow<'static, str>, Cow<'static, str>) {
    type Texts = [(String, String); 2];
    static TEXTS: OnceLock<FastMap<&'static str, Texts>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        ALL.iter()
            .map(|r| {
                let texts = [not_because_text(r, true), not_because_text(r, false)];
                (r.rule.id, texts)
            })
            .collect()
    });
    // Ids are unique (a test of the registry), so the id finds the rule's texts.
    match texts
        .get(r.rule.id)
        .and_then(|t| t.get(usize::from(!stated_no)))
    {
        Some((ja, en)) => (Cow::Borrowed(ja.as_str()), Cow::Borrowed(en.as_str())),
        None => {
            let (ja, en) = not_because_text(r, stated_no);
            (Cow::Owned(ja), Cow::Owned(en))
        }
    }
}

fn not_because_text(r: &RouteRule, stated_no: bool) -> (String, String) {
    let (nja, nen) = (r.not_ja.unwrap_or(r.rule.ja), r.not_en.unwrap_or(r.rule.en));
    if stated_no {
        (
            format!("{nja}：「いいえ」と記録されています"),
            format!("{nen}: recorded as no"),
        )
    } else {
        (
            format!("{nja}：記録がありません（記録されれば答えが変わり得ます）"),
            format!("{nen}: not recorded (recording it could change the answer)"),
        )
    }
}

/// The patterns the ages leave open, as entries of `not_assessable`.
fn not_assessable_of(h: &Household<'_>, open: &[(Pattern, Vec<String>)]) -> Vec<NotAssessable> {
    let _ = h;
    open.iter()
        .map(|(p, who)| NotAssessable {
            check: match p {
                Pattern::P8050 => "8050",
                Pattern::DoubleCare => "double_care",
                Pattern::YoungCarer => "young_carer",
            },
            members: who.clone(),
            message_ja: format!(
                "{}に当たるかは記録の年齢では判断できません（{}）",
                p.label_ja(),
                who.join("・")
            ),
            message_en: format!(
                "whether this is a {} cannot be told from the ages recorded ({})",
                p.label_en(),
                who.join(", ")
            ),
        })
        .collect()
}

const ALERT_RULES: [Rule; 6] = [
    alerts::R_ROUTE_ALERT_CHILD_PROTECTION,
    alerts::R_ROUTE_ALERT_CHILD_ABUSE,
    alerts::R_ROUTE_ALERT_ELDER_ABUSE,
    alerts::R_ROUTE_ALERT_DISABILITY_ABUSE,
    alerts::R_ROUTE_ALERT_DV,
    alerts::R_ROUTE_ALERT_STATUTE_UNCLEAR,
];

/// Years of withdrawal from which outreach applies. The national guideline defines ひきこもり as
/// six months or more; `withdrawal_years` counts whole years, so any recorded year qualifies.
pub const LONG_WITHDRAWAL_YEARS: u8 = 1;

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
    // An age band decides only when it is clear; otherwise the general adult window.
    let age = case
        .household
        .iter()
        .position(|m| m.subject)
        .map(|i| h.range(i))
        .unwrap_or(crate::case::AgeRange::UNKNOWN);
    if age.at_least(ELDERLY_FROM) == Some(true) {
        ProgramCode::Item1I
    } else if age.under(CHILD_UNDER) == Some(true) {
        ProgramCode::Item1Ha
    } else {
        ProgramCode::Item1Ni
    }
}

/// R-ROUTE-MULTI-FIELD's text naming the household's fields. It depends only on the set of
/// fields, so every set's text is built once (routing runs on every keystroke of a form).
fn fields_texts(mask: u8) -> (Cow<'static, str>, Cow<'static, str>) {
    static TEXTS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| (0..=u8::MAX).map(fields_text).collect());
    match texts.get(usize::from(mask)) {
        Some((ja, en)) => (Cow::Borrowed(ja.as_str()), Cow::Borrowed(en.as_str())),
        None => {
            let (ja, en) = fields_text(mask);
            (Cow::Owned(ja), Cow::Owned(en))
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
        format!("{}（{ja}）", R_ROUTE_MULTI_FIELD.rule.ja),
        format!("{} ({en})", R_ROUTE_MULTI_FIELD.rule.en),
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
        Some((ja, en)) => R_ROUTE_STAYS.rule.finding_with(ja.as_str(), en.as_str()),
        None => {
            let (ja, en) = stays_text(lead);
            R_ROUTE_STAYS.rule.finding_with(ja, en)
        }
    }
}

fn stays_text(lead: ProgramCode) -> (String, String) {
    let p = lead.program();
    (
        format!(
            "{}: {}（{}）",
            R_ROUTE_STAYS.rule.ja,
            p.name_ja,
            lead.item_ja()
        ),
        format!(
            "{}: {} ({})",
            R_ROUTE_STAYS.rule.en,
            p.name_en,
            lead.as_str()
        ),
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
