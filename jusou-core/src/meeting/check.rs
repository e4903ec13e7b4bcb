//! May this case be discussed at this meeting, and who may hear what.
//!
//! Deny by default. Each agenda category reaches an attendee only on one of two bases:
//! membership of a meeting whose members carry a statutory duty of confidentiality (the 支援会議,
//! 社会福祉法第106条の6第5項, or another law's statutory meeting), or the person's consent in force on
//! the meeting date that names the attendee and the category. A case's information is the
//! information of every subject in it, so consent must come from each subject.
//!
//! Choices the sources leave open, made here (privacy first):
//! - An attendee with no duty of confidentiality (a neighbour) counts as named only when the
//!   consent lists them personally (`scope.persons`); naming their organisation or role is not
//!   enough. Anyone with a duty may be named by organisation, role or person.
//! - On a 支援会議 or combined roster, appointment (`appointed`) alone makes a member a 支援会議
//!   recipient: appointment binds them by 社会福祉法第106条の6第5項, no extra tag is needed.
//! - The 重層的支援会議 takes a case from 受理 by the 多機関協働事業者 until 終結 (the plan review comes
//!   before the municipality's 支援決定): `case.standing`, the model [`crate::standing`] shares
//!   with the plan replay and routing.
//! - A combined sitting (or a body one 要綱 grounds on both bases) decides member by member: an
//!   appointed member receives on the 支援会議 basis, anyone a consent names receives within its
//!   scope — never less than either basis alone allows, never more. `mode` is `combined` when both
//!   bases hold for the case, else the one that does.
//! - Other laws' statutory meetings (地域ケア会議, 要保護児童対策地域協議会, 生活困窮者自立支援法の支援会議,
//!   障害者総合支援法の協議会) share with their appointed members bound by that law's duty, from the
//!   day that duty came into force (dates kept as data, `verified: false`), only for cases within
//!   their remit (a subject's age or field, `case.subject_facts`; not stated is not assumed) and
//!   only when organised by the body the law names. Before that day only consent counts.
//! - Need to know: a chair's per-case selection (`selected`) and a member's `categories` limit
//!   what each hears; attendees who hear nothing must leave; a member recorded as the alleged
//!   perpetrator (`case.dv`) hears nothing of a case whose subjects include the victim; an address
//!   marked confidential is withheld from everyone without `needs_address`.
//! - When nobody may receive anything, the case is not discussed (`allowed: false`) and a
//!   `fallback` says what to do: the 支援会議 with its appointed members where one may be held,
//!   otherwise obtain consent.

use std::collections::BTreeMap;

use crate::ids::IdIndex;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::consent::{Consent, InfoCategory, Recipient};
use super::kind::{support_meeting_era, Confidentiality, MeetingKind, Remit, StatutoryMeeting};
use super::rules::*;
use crate::error::{Error, Errors};
use crate::law::articles::{self, secrecy_penalty_text, PrivacyBasis};
use crate::rule::{Finding, Rule};
use crate::standing::Standing;

/// Error codes of meeting checks (`JUSOU-E-MEET-…`).
pub mod meet_codes {
    /// An identifier that is empty.
    pub const EMPTY_ID: &str = crate::error::catalogue::MEET_EMPTY_ID;
    /// Two members with the same id.
    pub const DUPLICATE_MEMBER: &str = crate::error::catalogue::MEET_DUPLICATE_MEMBER;
    /// An attendee id that is not a member.
    pub const UNKNOWN_ATTENDEE: &str = crate::error::catalogue::MEET_UNKNOWN_ATTENDEE;
    /// The same attendee listed twice.
    pub const DUPLICATE_ATTENDEE: &str = crate::error::catalogue::MEET_DUPLICATE_ATTENDEE;
    /// A consent whose subject is not one of the case's subjects.
    pub const CONSENT_SUBJECT: &str = crate::error::catalogue::MEET_CONSENT_SUBJECT;
    /// A case with no subject.
    pub const NO_SUBJECT: &str = crate::error::catalogue::MEET_NO_SUBJECT;
    /// A sitting with no attendee.
    pub const NO_ATTENDEE: &str = crate::error::catalogue::MEET_NO_ATTENDEE;
    /// An agenda with no information category.
    pub const EMPTY_AGENDA: &str = crate::error::catalogue::MEET_EMPTY_AGENDA;
    /// Two consents with the same id.
    pub const DUPLICATE_CONSENT: &str = crate::error::catalogue::MEET_DUPLICATE_CONSENT;
    /// The same subject listed twice in the case.
    pub const DUPLICATE_SUBJECT: &str = crate::error::catalogue::MEET_DUPLICATE_SUBJECT;
    /// A member selected for the case who is not in the roster.
    pub const UNKNOWN_SELECTED: &str = crate::error::catalogue::MEET_UNKNOWN_SELECTED;
    /// `standing` and `under_multi_agency` disagree.
    pub const STANDING_CONFLICT: &str = crate::error::catalogue::MEET_STANDING_CONFLICT;
    /// Facts or a DV record about someone who is not a subject of the case.
    pub const UNKNOWN_SUBJECT: &str = crate::error::catalogue::MEET_UNKNOWN_SUBJECT;
}

/// The case as the meeting sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseRef {
    /// Case id.
    pub id: String,
    /// Household members whose information is discussed (consent subjects).
    pub subjects: Vec<String>,
    /// Whether the case is under 多機関協働 (the municipality's 支援決定). Superseded by
    /// `standing`; `false` alone says only that there is no 支援決定.
    #[serde(default)]
    pub under_multi_agency: bool,
    /// Where the case stands (受理, 支援決定, 終結): the one model routing, meetings and plans
    /// share. When absent it is read from `under_multi_agency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standing: Option<Standing>,
    /// What is known of each subject, for the remit of other laws' meetings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subject_facts: Vec<SubjectFacts>,
    /// Domestic violence recorded in the household, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dv: Option<DvRecord>,
    /// Whether an address in the case is marked confidential (住所秘匿).
    #[serde(default)]
    pub address_confidential: bool,
}

impl CaseRef {
    /// The case's standing: `standing` when stated, else what `under_multi_agency` states.
    pub fn standing(&self) -> Standing {
        self.standing
            .unwrap_or(Standing::from_under_multi_agency(self.under_multi_agency))
    }
}

/// What the worker recorded about one subject, for the remit of other laws' meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubjectFacts {
    /// The subject (one of `case.subjects`).
    pub id: String,
    /// Age on the meeting date, when known.
    #[serde(default)]
    pub age: Option<u32>,
    /// Fields the subject is recorded in (a 障害者手帳, a 生活困窮 consultation, …).
    #[serde(default)]
    pub fields: Vec<Remit>,
}

/// Domestic violence recorded in the household.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DvRecord {
    /// The victims (subject ids).
    pub victims: Vec<String>,
    /// Roster member ids recorded as the alleged perpetrator (a family member who attends, …).
    #[serde(default)]
    pub alleged_perpetrators: Vec<String>,
}

/// Who organises or runs a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganiserKind {
    /// The municipality (市町村) itself.
    Municipality,
    /// A body entrusted with the project (社会福祉協議会, …) under 第106条の4第4項.
    Contractor,
    /// Anyone else.
    Other,
}

/// An organiser or secretariat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organiser {
    /// Municipality, contractor or other.
    pub kind: OrganiserKind,
    /// Name (新座市福祉政策課, 稲城市社会福祉協議会, …).
    pub name: String,
}

/// The sitting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingInfo {
    /// The legal type (by basis, not by name).
    pub kind: MeetingKind,
    /// The municipality's own name for it (包括的支援推進・情報共有会議, まるごと会議, …).
    pub local_name: String,
    /// Who organises it.
    pub organiser: Organiser,
    /// Who runs its secretariat, if not the organiser.
    #[serde(default)]
    pub secretariat: Option<Organiser>,
    /// Day of the sitting.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "crate::calendar::DayText")]
    pub date: NaiveDate,
    /// Whether the municipality runs 重層的支援体制整備事業 on that day.
    pub municipality_runs_project: bool,
}

/// A member of the meeting's roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "MeetingMember")]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Member id (unique in the roster).
    pub id: String,
    /// Person's name.
    pub name: String,
    /// Organisation, if any (matched exactly against a consent's organisations).
    #[serde(default)]
    pub organisation: Option<String>,
    /// Role, if any (matched exactly against a consent's roles).
    #[serde(default)]
    pub role: Option<String>,
    /// Appointed member (構成員) of the meeting's statutory body: the 支援会議 for
    /// support/combined meetings, the meeting itself for another law's statutory meeting.
    #[serde(default)]
    pub appointed: bool,
    /// The bases of their duty of confidentiality; empty when they have none (a neighbour).
    #[serde(default)]
    pub confidentiality: Vec<Confidentiality>,
    /// The categories this member's role needs (need to know); absent: no limit stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categories: Option<Vec<InfoCategory>>,
    /// Whether the member has a stated need for an address marked confidential.
    #[serde(default)]
    pub needs_address: bool,
}

impl Member {
    fn recipient(&self) -> Recipient<'_> {
        Recipient {
            id: &self.id,
            organisation: self.organisation.as_deref(),
            role: self.role.as_deref(),
        }
    }

    fn bound_by(&self, c: Confidentiality) -> bool {
        self.confidentiality.contains(&c)
    }

    /// Whether the member has no duty of confidentiality at all.
    pub fn no_duty(&self) -> bool {
        self.confidentiality.is_empty()
    }

    /// An outside professional: bound only by a professional statute, not as municipal or
    /// contractor staff (a municipal 保健師 is staff, not an outside professional).
    fn outside_professional(&self) -> bool {
        self.confidentiality.iter().any(|c| c.professional())
            && !self.bound_by(Confidentiality::PublicServant)
            && !self.bound_by(Confidentiality::Contractor)
    }
}

/// The input of a meeting check: self-contained, everything the decision needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingCheck {
    /// The case.
    pub case: CaseRef,
    /// The sitting.
    pub meeting: MeetingInfo,
    /// The roster.
    pub members: Vec<Member>,
    /// Ids of the members present.
    pub attendees: Vec<String>,
    /// Consent records of the case's subjects.
    #[serde(default)]
    pub consents: Vec<Consent>,
    /// Information categories to be shared.
    pub agenda: Vec<InfoCategory>,
    /// The members the chair selected for this case (要綱: members are selected case by case);
    /// absent: every attendee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<Vec<String>>,
}

/// An attendee left out of some categories, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Exclusion {
    /// Member id.
    pub member: String,
    /// The categories withheld from them for this reason.
    pub categories: Vec<InfoCategory>,
    /// Why.
    pub reason: Finding,
}

/// What to do instead when the case may not be discussed as planned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Fallback {
    /// The mode to use instead (`null`: none until consent is obtained).
    pub mode: Option<MeetingKind>,
    /// The attendees who could then receive the case's information.
    pub members: Vec<String>,
    /// What to do.
    pub reason: Finding,
}

/// The decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MeetingDecision {
    /// Whether the case may be discussed at this sitting.
    pub allowed: bool,
    /// The legal type the case is taken under (`combined` when a combined sitting shares on both
    /// bases, member by member; `null` when denied).
    pub mode: Option<MeetingKind>,
    /// Per agenda category, the member ids that may receive it.
    pub recipients: BTreeMap<InfoCategory, Vec<String>>,
    /// Attendees left out, with the categories and the reason.
    pub excluded: Vec<Exclusion>,
    /// What the organiser must do.
    pub obligations: Vec<Finding>,
    /// Rules the planned discussion would break.
    pub violations: Vec<Finding>,
    /// Why this mode.
    pub reasons: Vec<Finding>,
    /// What to do instead when denied.
    pub fallback: Option<Fallback>,
    /// Recipients of basic information from whom a confidential address is withheld.
    pub address_withheld_from: Vec<String>,
}

/// Check the input; all errors together.
pub fn validate(input: &MeetingCheck) -> Result<(), Errors> {
    use meet_codes::*;
    Errors::check(check_limits(input))?;
    let mut errors = Vec::new();
    if input.case.id.trim().is_empty() {
        errors.push(Error::new(
            EMPTY_ID,
            "/case/id",
            "事例IDが空です",
            "case id is empty",
        ));
    }
    if input.case.subjects.is_empty() {
        errors.push(Error::new(
            NO_SUBJECT,
            "/case/subjects",
            "事例の対象者（subjects）がいません",
            "the case names no subject",
        ));
    }
    let subjects = IdIndex::new(input.case.subjects.iter().map(String::as_str));
    for (i, s) in input.case.subjects.iter().enumerate() {
        if s.trim().is_empty() {
            errors.push(Error::new(
                EMPTY_ID,
                format!("/case/subjects/{i}"),
                "対象者IDが空です",
                "subject id is empty",
            ));
        } else if subjects.repeats(i, s) {
            errors.push(Error::new(
                DUPLICATE_SUBJECT,
                format!("/case/subjects/{i}"),
                format!("対象者「{s}」が重複しています"),
                format!("subject '{s}' is listed twice"),
            ));
        }
    }
    let ids = IdIndex::new(input.members.iter().map(|m| m.id.as_str()));
    for (i, m) in input.members.iter().enumerate() {
        if m.id.trim().is_empty() {
            errors.push(Error::new(
                EMPTY_ID,
                format!("/members/{i}/id"),
                "構成員IDが空です",
                "member id is empty",
            ));
        } else if ids.repeats(i, &m.id) {
            errors.push(Error::new(
                DUPLICATE_MEMBER,
                format!("/members/{i}/id"),
                format!("構成員ID「{}」が重複しています", m.id),
                format!("member id '{}' is used twice", m.id),
            ));
        }
    }
    if input.attendees.is_empty() {
        errors.push(Error::new(
            NO_ATTENDEE,
            "/attendees",
            "出席者がいません",
            "no attendee",
        ));
    }
    let present = IdIndex::new(input.attendees.iter().map(String::as_str));
    for (i, a) in input.attendees.iter().enumerate() {
        // An empty member id is its own error, never a match.
        if a.trim().is_empty() || ids.first(a).is_none() {
            errors.push(Error::new(
                UNKNOWN_ATTENDEE,
                format!("/attendees/{i}"),
                format!("出席者「{a}」が構成員名簿（members）にありません"),
                format!("attendee '{a}' is not in the roster (members)"),
            ));
        } else if present.repeats(i, a) {
            errors.push(Error::new(
                DUPLICATE_ATTENDEE,
                format!("/attendees/{i}"),
                format!("出席者「{a}」が重複しています"),
                format!("attendee '{a}' is listed twice"),
            ));
        }
    }
    let consent_ids = IdIndex::new(input.consents.iter().map(|c| c.id.as_str()));
    for (i, c) in input.consents.iter().enumerate() {
        let path = format!("/consents/{i}");
        c.validate(&path, &mut errors);
        if !c.id.trim().is_empty() && consent_ids.repeats(i, &c.id) {
            errors.push(Error::new(
                DUPLICATE_CONSENT,
                format!("{path}/id"),
                format!("同意記録ID「{}」が重複しています", c.id),
                format!("consent id '{}' is used twice", c.id),
            ));
        }
        if !c.subject.trim().is_empty() && !input.case.subjects.contains(&c.subject) {
            errors.push(Error::new(
                CONSENT_SUBJECT,
                format!("{path}/subject"),
                format!(
                    "同意の本人「{}」が事例の対象者（/case/subjects）にいません",
                    c.subject
                ),
                format!(
                    "consent subject '{}' is not a subject of the case (/case/subjects)",
                    c.subject
                ),
            ));
        }
    }
    if let Some(sel) = &input.selected {
        for (i, a) in sel.iter().enumerate() {
            if a.trim().is_empty() || ids.first(a).is_none() {
                errors.push(Error::new(
                    UNKNOWN_SELECTED,
                    format!("/selected/{i}"),
                    format!("選定された構成員「{a}」が構成員名簿（members）にありません"),
                    format!("selected member '{a}' is not in the roster (members)"),
                ));
            }
        }
    }
    if input.case.under_multi_agency
        && input
            .case
            .standing
            .is_some_and(|s| s != Standing::SupportDecided)
    {
        errors.push(Error::new(
            STANDING_CONFLICT,
            "/case/standing",
            "under_multi_agency（支援決定済み）と standing（支援の段階）が食い違っています",
            "under_multi_agency (support decided) and standing disagree",
        ));
    }
    for (i, f) in input.case.subject_facts.iter().enumerate() {
        if !input.case.subjects.contains(&f.id) {
            errors.push(unknown_subject(
                &f.id,
                format!("/case/subject_facts/{i}/id"),
            ));
        }
    }
    if let Some(dv) = &input.case.dv {
        for (i, v) in dv.victims.iter().enumerate() {
            if !input.case.subjects.contains(v) {
                errors.push(unknown_subject(v, format!("/case/dv/victims/{i}")));
            }
        }
    }
    if input.agenda.is_empty() {
        errors.push(Error::new(
            EMPTY_AGENDA,
            "/agenda",
            "議題に情報の種類がありません",
            "the agenda names no information category",
        ));
    }
    Errors::check(errors)
}

fn unknown_subject(id: &str, path: String) -> Error {
    Error::new(
        meet_codes::UNKNOWN_SUBJECT,
        path,
        format!("「{id}」が事例の対象者（/case/subjects）にいません"),
        format!("'{id}' is not a subject of the case (/case/subjects)"),
    )
}

/// Decode, validate and decide: the one entry point every binding calls.
pub fn check_json(input: &str) -> Result<MeetingDecision, Errors> {
    let input: MeetingCheck = crate::error::decode(input)?;
    validate(&input)?;
    Ok(check(&input))
}

/// Whether a consent lets `category` reach member `m` on `date`. A member with no duty of
/// confidentiality must be named personally; an organisation or role is not enough for them.
fn consent_covers(c: &Consent, date: NaiveDate, m: &Member, category: InfoCategory) -> bool {
    if m.no_duty() {
        c.valid_on(date)
            && c.scope.categories.contains(&category)
            && c.scope.persons.contains(&m.id)
    } else {
        c.covers(date, m.recipient(), category)
    }
}

/// Whether every subject's consent lets `category` reach `m` on `date`.
pub fn consented(input: &MeetingCheck, m: &Member, category: InfoCategory) -> bool {
    consented_categories(input, m) & category_bit(category) != 0
}

const fn category_bit(c: InfoCategory) -> u32 {
    1 << (c as u32)
}

/// The categories every subject's consent lets reach `m` on the meeting's date, as bits. Whether a
/// consent names `m` does not depend on the category, so names are compared once per consent, not
/// once per category (a roster times an agenda of comparisons otherwise).
fn consented_categories(input: &MeetingCheck, m: &Member) -> u32 {
    let date = input.meeting.date;
    if input.case.subjects.is_empty() {
        return 0;
    }
    let mut all = u32::MAX;
    for s in &input.case.subjects {
        let mut any = 0;
        for c in input
            .consents
            .iter()
            .filter(|c| &c.subject == s && c.valid_on(date))
        {
            let named = if m.no_duty() {
                c.scope.persons.contains(&m.id)
            } else {
                c.names(m.recipient())
            };
            if named {
                any |= c
                    .scope
                    .categories
                    .iter()
                    .fold(0, |b, &k| b | category_bit(k));
            }
        }
        all &= any;
    }
    all
}

/// Whether membership alone is a basis for `m` to receive information under `mode` on `date`.
pub fn member_basis(mode: MeetingKind, date: NaiveDate, m: &Member) -> bool {
    membership(mode, date, m).is_ok()
}

/// Membership as a basis for `m` to receive information under `mode` on `date`, decided and
/// explained in one evaluation (issue #19): `Ok(rule)` names the rule that makes membership a
/// basis — [`R_SUPPORT_MEMBER`] for a member appointed to the 支援会議 (bound by 第106条の6第5項
/// without any extra tag), [`R_STATUTORY_MEMBER`] for another law's member bound by its secrecy
/// duty in force; `Err(finding)` says why membership is no basis for this member (the member's
/// side of the why-not text; the consent's side is [`consent_gap`]).
pub fn membership(mode: MeetingKind, date: NaiveDate, m: &Member) -> Result<Rule, Finding> {
    let no_duty = || {
        R_NO_DUTY.finding_with(
            format!(
                "{}（{}）は守秘義務がなく、本人同意で個人として名指しされていません",
                m.id, m.name
            ),
            format!(
                "{} has no duty of confidentiality and no consent names them personally",
                m.id
            ),
        )
    };
    match mode {
        // The 支援会議, or the 支援会議 side of a combined sitting.
        MeetingKind::SupportMeeting | MeetingKind::Combined => {
            if m.appointed {
                Ok(R_SUPPORT_MEMBER)
            } else if m.no_duty() {
                Err(no_duty())
            } else if m.outside_professional() {
                Err(R_OUTSIDE_PROFESSIONAL.finding_with(
                    format!(
                        "{}（{}）は支援会議の構成員に任命されておらず、本人同意でも名指しされていません",
                        m.id, m.name
                    ),
                    format!(
                        "{} is neither an appointed member of the support meeting nor named in the consent",
                        m.id
                    ),
                ))
            } else {
                Err(R_SUPPORT_MEMBER.finding_with(
                    format!(
                        "{}（{}）は第106条の6第5項の守秘義務を負う支援会議の構成員として登録されておらず、本人同意の範囲にも含まれていません",
                        m.id, m.name
                    ),
                    format!(
                        "{} is not recorded as an appointed member bound by Article 106-6(5), and no consent covers them",
                        m.id
                    ),
                ))
            }
        }
        // The 重層的支援会議 shares on consent only.
        MeetingKind::JusouMeeting => Err(R_JUSOU_CONSENT.finding()),
        other => match other.statutory() {
            Some(s) if date >= s.secrecy_from && m.appointed && m.bound_by(s.basis) => {
                Ok(R_STATUTORY_MEMBER)
            }
            Some(s) if m.no_duty() => Err(no_duty().cited(s.citation)),
            Some(s) if m.appointed && m.bound_by(s.basis) => Err(statutory_not_in_force(s, date)),
            Some(s) => Err(statutory_member_finding(s, m)),
            None => Err(R_DEFAULT_DENY.finding()),
        },
    }
}

/// Why no consent of `subject` covers `category` for `m` (the most telling reason).
fn consent_gap(input: &MeetingCheck, subject: &str, m: &Member, category: InfoCategory) -> Finding {
    let date = input.meeting.date;
    let mine: Vec<&Consent> = input
        .consents
        .iter()
        .filter(|c| c.subject == subject)
        .collect();
    if mine.is_empty() {
        return R_JUSOU_CONSENT.finding_with(
            format!("{subject}の本人同意がありません"),
            format!("there is no consent from {subject}"),
        );
    }
    let valid: Vec<&&Consent> = mine.iter().filter(|c| c.valid_on(date)).collect();
    if valid.is_empty() {
        if let Some(c) = mine
            .iter()
            .find(|c| c.withdrawn_on.is_some_and(|w| w <= date))
        {
            let w = c.withdrawn_on.unwrap_or(date);
            return R_CONSENT_WITHDRAWN.finding_with(
                format!(
                    "{subject}の同意（{}）は{w}に撤回されています。撤回日以降は同意に基づく共有はできません（撤回前に共有した情報は取り消されず、事例は支援会議で扱い続けられます）",
                    c.id
                ),
                format!(
                    "{subject}'s consent ({}) was withdrawn on {w}: nothing more is shared on it from that day (what was shared before stays shared; the case may go on at the support meeting)",
                    c.id
                ),
            );
        }
        if let Some(c) = mine.iter().find(|c| c.given_on > date) {
            return R_CONSENT_LATER.finding_with(
                format!(
                    "{subject}の同意（{}）は会議日（{date}）より後の{}に得たものです",
                    c.id, c.given_on
                ),
                format!(
                    "{subject}'s consent ({}) was given on {}, after the meeting ({date})",
                    c.id, c.given_on
                ),
            );
        }
        return R_CONSENT_EXPIRED.finding_with(
            format!("{subject}の同意は会議日（{date}）に有効期限を過ぎています"),
            format!("{subject}'s consent had expired by the meeting ({date})"),
        );
    }
    let naming: Vec<&&&Consent> = valid
        .iter()
        .filter(|c| {
            if m.no_duty() {
                c.scope.persons.contains(&m.id)
            } else {
                c.names(m.recipient())
            }
        })
        .collect();
    if naming.is_empty() {
        if m.no_duty() {
            return R_NO_DUTY.finding_with(
                format!(
                    "{}（{}）は守秘義務がなく、{subject}の同意で個人として名指しされていません",
                    m.id, m.name
                ),
                format!(
                    "{} has no duty of confidentiality and {subject}'s consent does not name them personally",
                    m.id
                ),
            );
        }
        let org = m.organisation.as_deref().unwrap_or("—");
        let role = m.role.as_deref().unwrap_or("—");
        return R_CONSENT_SCOPE_RECIPIENT.finding_with(
            format!(
                "{subject}の同意の範囲に{}の機関（{org}）・役割（{role}）・本人が含まれていません",
                m.id
            ),
            format!(
                "{subject}'s consent names neither {}'s organisation ({org}), role ({role}) nor the person",
                m.id
            ),
        );
    }
    R_CONSENT_SCOPE_CATEGORY.finding_with(
        format!(
            "{subject}の同意の範囲に「{}」が含まれていません",
            category.name_ja()
        ),
        format!("{subject}'s consent does not cover {}", category.name_en()),
    )
}

/// Why `m` may not receive `category` under `mode`: the consent's gap and `member`, the reason
/// [`membership`] gave when it decided membership was no basis, weighed together.
fn why_not(
    input: &MeetingCheck,
    mode: MeetingKind,
    m: &Member,
    category: InfoCategory,
    member: Finding,
) -> Finding {
    let date = input.meeting.date;
    let gap = input
        .case
        .subjects
        .iter()
        .find(|s| {
            !input
                .consents
                .iter()
                .any(|c| &c.subject == *s && consent_covers(c, date, m, category))
        })
        .map(|s| consent_gap(input, s, m, category))
        .unwrap_or_else(|| R_DEFAULT_DENY.finding());
    let no_duty = member.rule == R_NO_DUTY.id;
    match mode {
        MeetingKind::JusouMeeting => gap,
        MeetingKind::SupportMeeting | MeetingKind::Combined => {
            if no_duty {
                first_gap_or(gap, member)
            } else if gap.rule == R_CONSENT_SCOPE_CATEGORY.id {
                // Named in the consent, but not for this category.
                gap
            } else {
                member
            }
        }
        other => match other.statutory() {
            None => member,
            Some(s) if no_duty => first_gap_or(gap, member).cited(s.citation),
            Some(_) if gap.rule == R_CONSENT_SCOPE_CATEGORY.id => gap,
            Some(_) => member,
        },
    }
}

/// For an attendee with no duty, the no-duty rule explains best unless consent is missing
/// altogether (withdrawn, later, expired).
fn first_gap_or(gap: Finding, no_duty: Finding) -> Finding {
    if gap.rule == R_CONSENT_SCOPE_CATEGORY.id || gap.rule == R_DEFAULT_DENY.id {
        return gap;
    }
    if gap.rule == R_NO_DUTY.id || gap.rule == R_JUSOU_CONSENT.id {
        return no_duty;
    }
    gap
}

fn statutory_not_in_force(s: StatutoryMeeting, date: NaiveDate) -> Finding {
    R_STATUTORY_IN_FORCE
        .finding_with(
            format!(
                "会議日（{date}）には{}の構成員の守秘義務（{}）が施行されていないため、構成員であることは共有の根拠になりません（{}施行）。本人同意による共有のみ可能です",
                s.kind.name_ja(),
                s.citation,
                s.secrecy_from
            ),
            format!(
                "on {date} the {}'s secrecy duty ({}) was not yet in force (from {}), so membership is no basis; only consent is",
                s.kind.name_en(),
                s.citation,
                s.secrecy_from
            ),
        )
        .cited(s.citation)
}

fn statutory_member_finding(s: StatutoryMeeting, m: &Member) -> Finding {
    R_STATUTORY_MEMBER
        .finding_with(
            format!(
                "{}（{}）は{}の守秘義務を負う{}の構成員として登録されておらず、本人同意の範囲にも含まれていません",
                m.id,
                m.name,
                s.citation,
                s.kind.name_ja()
            ),
            format!(
                "{} is not recorded as an appointed member of the {} bound by {}, and no consent covers them",
                m.id,
                s.kind.name_en(),
                s.citation
            ),
        )
        .cited(s.citation)
}

trait Cited {
    fn cited(self, citation: &'static str) -> Self;
}

impl Cited for Finding {
    fn cited(mut self, citation: &'static str) -> Self {
        self.citation = Some(citation);
        self
    }
}

/// What stops the case being taken as a 支援会議 (empty: it may be).
fn support_blockers(input: &MeetingCheck) -> Vec<Finding> {
    let mt = &input.meeting;
    let mut out = Vec::new();
    match support_meeting_era(mt.date) {
        None => out.push(R_SUPPORT_PROJECT.finding_with(
            format!("会議日（{}）には支援会議の制度がありません（2021-04-01施行）", mt.date),
            format!(
                "no support meeting existed on {} (in force from 2021-04-01)",
                mt.date
            ),
        )),
        Some(era) if era.requires_project && !mt.municipality_runs_project => {
            out.push(R_SUPPORT_PROJECT.finding_with(
                format!(
                    "会議日（{}）に市町村が重層的支援体制整備事業を実施していないため、支援会議を組織できません",
                    mt.date
                ),
                format!(
                    "the municipality does not run the project on {}, so it cannot hold a support meeting",
                    mt.date
                ),
            ))
        }
        Some(_) => {}
    }
    if mt.organiser.kind != OrganiserKind::Municipality {
        out.push(R_SUPPORT_ORGANISER.finding_with(
            format!(
                "主催者「{}」は市町村ではありません。支援会議は市町村が組織し、委託先は事務局を担えます",
                mt.organiser.name
            ),
            format!(
                "the organiser '{}' is not the municipality; a support meeting is organised by the municipality, a contractor may run its secretariat",
                mt.organiser.name
            ),
        ));
    }
    out
}

/// What stops the case being taken as a 重層的支援会議 (empty: it may be).
fn jusou_blockers(input: &MeetingCheck) -> Vec<Finding> {
    let date = input.meeting.date;
    let mut out = Vec::new();
    let standing = input.case.standing();
    if !standing.may_go_to_jusou_meeting() {
        out.push(R_JUSOU_MULTI_AGENCY.finding_with(
            format!(
                "事例{}は{}の段階にあり、重層的支援会議では扱えません（多機関協働事業者の受理から終結までの事例に限る）",
                input.case.id,
                standing.name_ja()
            ),
            format!(
                "case {} stands {}: the multi-layered support meeting takes cases from acceptance by the multi-agency provider until closing",
                input.case.id,
                standing.name_en()
            ),
        ));
    }
    for s in &input.case.subjects {
        let has_valid = input
            .consents
            .iter()
            .any(|c| &c.subject == s && c.valid_on(date));
        if !has_valid {
            // Reuse the gap explanation with a placeholder that any consent would name.
            let anyone = Member {
                id: String::new(),
                name: String::new(),
                organisation: None,
                role: None,
                appointed: false,
                confidentiality: vec![Confidentiality::PublicServant],
                categories: None,
                needs_address: false,
            };
            let f = consent_gap(input, s, &anyone, InfoCategory::Basic);
            out.push(f);
        }
    }
    out
}

/// What stops another law's meeting taking this case without consent (empty: nothing): its
/// organiser and its remit (whom the law founds it for). A remit the input does not state is
/// not assumed: the membership basis is then unavailable (privacy by default).
fn statutory_blockers(input: &MeetingCheck, s: StatutoryMeeting) -> Vec<Finding> {
    let mut out = Vec::new();
    let org = &input.meeting.organiser;
    let org_ok = match org.kind {
        OrganiserKind::Municipality => true,
        // A 地域ケア会議 may be held by a 地域包括支援センター entrusted by the municipality.
        OrganiserKind::Contractor => s.kind == MeetingKind::CommunityCareMeeting,
        OrganiserKind::Other => false,
    };
    if !org_ok {
        out.push(
            R_STATUTORY_ORGANISER
                .finding_with(
                    format!(
                        "主催者「{}」は{}（{}）を組織する者ではありません",
                        org.name,
                        s.kind.name_ja(),
                        s.citation
                    ),
                    format!(
                        "'{}' is not a body that organises a {} ({})",
                        org.name,
                        s.kind.name_en(),
                        s.citation
                    ),
                )
                .cited(s.citation),
        );
    }
    let facts = &input.case.subject_facts;
    let in_remit = facts.iter().any(|f| s.remit.covers(f));
    if !in_remit {
        let stated = facts
            .iter()
            .any(|f| f.age.is_some() || !f.fields.is_empty());
        let (ja, en) = if stated {
            (
                format!(
                    "事例{}の対象者は{}の対象（{}）に当たりません",
                    input.case.id,
                    s.kind.name_ja(),
                    s.remit.name_ja()
                ),
                format!(
                    "no subject of case {} is within the {}'s remit ({})",
                    input.case.id,
                    s.kind.name_en(),
                    s.remit.name_en()
                ),
            )
        } else {
            (
                format!(
                    "事例{}の対象者が{}の対象（{}）に当たるかが示されていません（subject_facts）",
                    input.case.id,
                    s.kind.name_ja(),
                    s.remit.name_ja()
                ),
                format!(
                    "the input does not state whether a subject of case {} is within the {}'s remit ({}) (subject_facts)",
                    input.case.id,
                    s.kind.name_en(),
                    s.remit.name_en()
                ),
            )
        };
        out.push(R_STATUTORY_REMIT.finding_with(ja, en).cited(s.citation));
    }
    out
}

/// Decide (the input is assumed valid; invalid parts are ignored, never a panic).
pub fn check(input: &MeetingCheck) -> MeetingDecision {
    let kind = input.meeting.kind;
    let date = input.meeting.date;
    let mut reasons = Vec::new();
    let mut violations = Vec::new();

    let mode = match kind {
        MeetingKind::SupportMeeting => {
            let b = support_blockers(input);
            if b.is_empty() {
                reasons.push(R_SUPPORT_MEMBER.finding());
                Some(MeetingKind::SupportMeeting)
            } else {
                violations.extend(b);
                None
            }
        }
        MeetingKind::JusouMeeting => {
            let b = jusou_blockers(input);
            if b.is_empty() {
                reasons.push(R_JUSOU_CONSENT.finding());
                Some(MeetingKind::JusouMeeting)
            } else {
                violations.extend(b);
                None
            }
        }
        MeetingKind::Combined => {
            let (s, j) = (support_blockers(input), jusou_blockers(input));
            match (s.is_empty(), j.is_empty()) {
                (true, true) => {
                    reasons.push(R_COMBINED_MODE.finding());
                    reasons.push(R_SUPPORT_MEMBER.finding());
                    reasons.push(R_JUSOU_CONSENT.finding());
                    Some(MeetingKind::Combined)
                }
                (true, false) => {
                    reasons.push(R_COMBINED_MODE.finding_with(
                        "重層的支援会議の要件を満たさないため、この事例は支援会議として扱う（構成員と、同意で名指しされた出席者に共有）",
                        "the multi-layered support meeting's conditions are not met, so the case is taken as a support meeting (its appointed members, and attendees a consent names)",
                    ));
                    reasons.extend(j);
                    Some(MeetingKind::SupportMeeting)
                }
                (false, true) => {
                    reasons.push(R_COMBINED_MODE.finding_with(
                        "支援会議として扱えないため、この事例は重層的支援会議として本人同意の範囲で扱う",
                        "the case cannot be taken as a support meeting, so it is taken as a multi-layered support meeting within the consent",
                    ));
                    reasons.extend(s);
                    Some(MeetingKind::JusouMeeting)
                }
                (false, false) => {
                    violations.extend(j);
                    violations.extend(s);
                    None
                }
            }
        }
        other => match other.statutory() {
            Some(s) => {
                let b = statutory_blockers(input, s);
                if !b.is_empty() {
                    violations.extend(b);
                    None
                } else if date >= s.secrecy_from {
                    reasons.push(
                        R_STATUTORY_MEMBER
                            .finding_with(
                                format!(
                                    "{}（{}）の構成員の守秘義務に基づき共有する",
                                    s.kind.name_ja(),
                                    s.citation
                                ),
                                format!(
                                    "shared on the secrecy duty of the {}'s members ({})",
                                    s.kind.name_en(),
                                    s.citation
                                ),
                            )
                            .cited(s.citation),
                    );
                    Some(other)
                } else {
                    reasons.push(statutory_not_in_force(s, date));
                    Some(other)
                }
            }
            None => None,
        },
    };

    let mut agenda: Vec<InfoCategory> = input.agenda.clone();
    agenda.sort();
    agenda.dedup();

    let present: Vec<&Member> = {
        let roster = IdIndex::new(input.members.iter().map(|m| m.id.as_str()));
        let attendees = IdIndex::new(input.attendees.iter().map(String::as_str));
        input
            .attendees
            .iter()
            .enumerate()
            .filter(|&(i, a)| !attendees.repeats(i, a))
            .filter_map(|(_, a)| roster.first(a).and_then(|i| input.members.get(i)))
            .collect()
    };
    // DV: the victim's information is the case's whenever a victim is a subject.
    let perpetrators: &[String] = match &input.case.dv {
        Some(dv) if dv.victims.iter().any(|v| input.case.subjects.contains(v)) => {
            &dv.alleged_perpetrators
        }
        _ => &[],
    };

    // One index for the chair's selection, not a scan per attendee.
    let selected = input
        .selected
        .as_ref()
        .map(|sel| IdIndex::new(sel.iter().map(String::as_str)));

    let mut recipients: BTreeMap<InfoCategory, Vec<String>> =
        agenda.iter().map(|c| (*c, Vec::new())).collect();
    let mut excluded: Vec<Exclusion> = Vec::new();
    // Present members who receive at least one category (obligations depend on who they are).
    let mut receiving: Vec<&Member> = Vec::new();
    // Those who receive basic information (the address is part of it).
    let mut gets_basic: Vec<&Member> = Vec::new();
    // Those who hear nothing of the case (they leave while it is discussed).
    let mut leaving: Vec<&str> = Vec::new();
    for m in &present {
        let Some(md) = mode else { break };
        if let Some(barred) = barred(input, selected.as_ref(), perpetrators, m) {
            excluded.push(Exclusion {
                member: m.id.clone(),
                categories: agenda.clone(),
                reason: barred,
            });
            leaving.push(m.id.as_str());
            continue;
        }
        let consented = consented_categories(input, m);
        // This member's exclusions start here; earlier ones are other members'.
        let mine = excluded.len();
        let mut receives = false;
        for &cat in &agenda {
            let reason = if m.categories.as_ref().is_some_and(|c| !c.contains(&cat)) {
                Some(R_NEED_TO_KNOW.finding_with(
                    format!(
                        "{}（{}）の役割に「{}」は必要とされていません",
                        m.id,
                        m.name,
                        cat.name_ja()
                    ),
                    format!("{}'s role does not need {}", m.id, cat.name_en()),
                ))
            } else {
                let by_consent = consented & category_bit(cat) != 0;
                // One evaluation decides and explains: membership (R_SUPPORT_MEMBER for an
                // appointed 支援会議 member) or consent; if neither, its reasons are the why-not.
                match membership(md, date, m) {
                    Ok(_) => None,
                    Err(_) if by_consent => None,
                    Err(member) => Some(why_not(input, md, m, cat, member)),
                }
            };
            match reason {
                None => {
                    if let Some(list) = recipients.get_mut(&cat) {
                        list.push(m.id.clone());
                        receives = true;
                        if cat == InfoCategory::Basic {
                            gets_basic.push(m);
                        }
                    }
                }
                Some(reason) => match excluded
                    .get_mut(mine..)
                    .and_then(|own| own.iter_mut().find(|e| e.reason == reason))
                {
                    Some(e) => e.categories.push(cat),
                    None => excluded.push(Exclusion {
                        member: m.id.clone(),
                        categories: vec![cat],
                        reason,
                    }),
                },
            }
        }
        if receives {
            receiving.push(m);
        } else {
            leaving.push(m.id.as_str());
        }
    }
    if mode.is_none() {
        // Nobody receives anything: say so per attendee, once.
        for m in &present {
            excluded.push(Exclusion {
                member: m.id.clone(),
                categories: agenda.clone(),
                reason: R_DEFAULT_DENY.finding(),
            });
        }
    }

    let anyone = recipients.values().any(|v| !v.is_empty());
    if mode.is_some() && !anyone {
        violations.push(R_NO_RECIPIENT.finding());
    }
    let allowed = mode.is_some() && anyone;

    let address_withheld_from: Vec<String> = if allowed && input.case.address_confidential {
        gets_basic
            .iter()
            .filter(|m| !m.needs_address)
            .map(|m| m.id.clone())
            .collect()
    } else {
        Vec::new()
    };

    let mut obligations = if allowed {
        mode.map(|md| obligations(input, md, &receiving))
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    if allowed {
        if !leaving.is_empty() {
            let list = leaving.join(", ");
            obligations.push(R_OBL_LEAVE.finding_with(
                format!("事例{}の検討の間、{list}は退席する", input.case.id),
                format!("{list} leave while case {} is discussed", input.case.id),
            ));
        }
        if !address_withheld_from.is_empty() {
            let list = address_withheld_from.join(", ");
            obligations.push(R_ADDRESS_CONFIDENTIAL.finding_with(
                format!("秘匿とされた住所は{list}に伝えない（基本情報のうち住所を除いて共有する）"),
                format!("withhold the confidential address from {list} (share basic information without it)"),
            ));
        }
    }
    let fallback = if allowed {
        None
    } else {
        Some(fallback(input, &present))
    };

    let mut d = MeetingDecision {
        allowed,
        mode: if allowed { mode } else { None },
        recipients,
        excluded,
        obligations,
        violations,
        reasons,
        fallback,
        address_withheld_from,
    };
    date_privacy(&mut d, date);
    d
}

/// Why `m` may hear nothing of this case whatever the basis: not selected for it, or recorded
/// as the alleged perpetrator against a victim who is a subject.
fn barred(
    input: &MeetingCheck,
    selected: Option<&IdIndex<'_>>,
    perpetrators: &[String],
    m: &Member,
) -> Option<Finding> {
    if perpetrators.contains(&m.id) {
        return Some(R_DV_PERPETRATOR.finding_with(
            format!(
                "{}（{}）は加害者とされているため、被害者を含むこの事例の情報は一切共有しない",
                m.id, m.name
            ),
            format!(
                "{} is recorded as the alleged perpetrator: nothing of this case, which includes the victim, is shared with them",
                m.id
            ),
        ));
    }
    match selected {
        Some(sel) if sel.first(&m.id).is_none() => Some(R_NOT_SELECTED.finding_with(
            format!(
                "{}（{}）は事例{}の検討に選定されていません",
                m.id, m.name, input.case.id
            ),
            format!("{} is not selected for case {}", m.id, input.case.id),
        )),
        _ => None,
    }
}

/// Print every privacy citation of the decision as in force on the meeting date (条例 before
/// 2023-04-01 for public bodies, 第23条 before 2022-04-01).
fn date_privacy(d: &mut MeetingDecision, date: NaiveDate) {
    let fix = |f: &mut Finding| {
        if let Some(c) = f.citation {
            f.citation = Some(PrivacyBasis::dated(c, date));
        }
    };
    d.obligations.iter_mut().for_each(fix);
    d.violations.iter_mut().for_each(fix);
    d.reasons.iter_mut().for_each(fix);
    d.excluded.iter_mut().for_each(|e| fix(&mut e.reason));
    if let Some(f) = &mut d.fallback {
        fix(&mut f.reason);
    }
}

fn obligations(input: &MeetingCheck, mode: MeetingKind, receiving: &[&Member]) -> Vec<Finding> {
    let date = input.meeting.date;
    // The penalty is printed only as far as its article was verified.
    let (pja, pen) = secrecy_penalty_text(date);
    let mut out = Vec::new();
    if matches!(mode, MeetingKind::SupportMeeting | MeetingKind::Combined) {
        out.push(R_OBL_ANNOUNCE.finding_with(
            format!(
                "会議の冒頭で、構成員は支援会議の事務に関して知り得た秘密を漏らしてはならないこと（社会福祉法第106条の6第5項）と、違反した場合の罰則（{pja}、{date}時点）を告げる"
            ),
            format!(
                "at the start, announce that members must not disclose secrets learned in the support meeting (Article 106-6(5)) and the penalty for breach ({pen}, as of {date})"
            ),
        ));
        out.push(R_OBL_RECORD.finding_with(
            format!(
                "記録は「{}」（支援会議）の定め（社会福祉法第106条の6第6項）に従って作成・保管する",
                input.meeting.local_name
            ),
            format!(
                "keep the record under the rules of '{}' as a support meeting (Article 106-6(6))",
                input.meeting.local_name
            ),
        ));
    }
    if matches!(mode, MeetingKind::JusouMeeting | MeetingKind::Combined) {
        if mode == MeetingKind::JusouMeeting {
            out.push(consent_obligation(input));
        }
        let entrusted = receiving
            .iter()
            .any(|m| m.bound_by(Confidentiality::Contractor));
        if entrusted {
            out.push(
                R_OBL_ANNOUNCE
                    .finding_with(
                        format!(
                            "委託先の出席者に、業務上知り得た秘密を漏らしてはならないこと（社会福祉法第106条の4第5項）と、違反した場合の罰則（{pja}、{date}時点）を告げる"
                        ),
                        format!(
                            "tell attendees from entrusted bodies that they must not disclose secrets learned in the work (Article 106-4(5)) and the penalty for breach ({pen}, as of {date})"
                        ),
                    )
                    .cited(articles::SRC_CONTRACTOR_SECRECY.citation),
            );
        }
        out.push(
            R_OBL_RECORD
                .finding_with(
                    format!(
                        "記録は「{}」（重層的支援会議）について市町村が定める要綱等に従い、根拠とした同意記録とともに保管する",
                        input.meeting.local_name
                    ),
                    format!(
                        "keep the record under the municipality's rules (要綱) for '{}' (multi-layered support meeting), with the consent records relied on",
                        input.meeting.local_name
                    ),
                )
                .cited(articles::SRC_GUIDANCE.citation),
        );
    }
    match mode {
        MeetingKind::SupportMeeting | MeetingKind::JusouMeeting | MeetingKind::Combined => {}
        other => {
            if let Some(s) = other.statutory() {
                if date >= s.secrecy_from {
                    out.push(
                        R_OBL_ANNOUNCE
                            .finding_with(
                                format!("会議の冒頭で、構成員の守秘義務（{}）を告げる", s.citation),
                                format!(
                                    "at the start, announce the members' duty of confidentiality ({})",
                                    s.citation
                                ),
                            )
                            .cited(s.citation),
                    );
                }
                out.push(
                    R_OBL_RECORD
                        .finding_with(
                            format!(
                                "記録は「{}」（{}）の定めに従って作成・保管する",
                                input.meeting.local_name,
                                s.kind.name_ja()
                            ),
                            format!(
                                "keep the record under the rules of '{}' ({})",
                                input.meeting.local_name,
                                s.kind.name_en()
                            ),
                        )
                        .cited(s.citation),
                );
            }
        }
    }
    // Anyone who receives on consent alone (not as a bound member) must hear the consent's scope.
    let by_consent =
        mode != MeetingKind::JusouMeeting && receiving.iter().any(|m| !member_basis(mode, date, m));
    if by_consent {
        out.insert(0, consent_obligation(input));
    }
    out
}

fn consent_obligation(input: &MeetingCheck) -> Finding {
    let date = input.meeting.date;
    let mut ids: Vec<&str> = input
        .consents
        .iter()
        .filter(|c| c.valid_on(date))
        .map(|c| c.id.as_str())
        .collect();
    ids.sort_unstable();
    let ids = ids.join(", ");
    R_OBL_CONSENT.finding_with(
        format!("同意記録（{ids}）の範囲を出席者に示し、その範囲内でのみ共有する"),
        format!("tell attendees the scope of the consent records ({ids}) and share only within it"),
    )
}

fn fallback(input: &MeetingCheck, present: &[&Member]) -> Fallback {
    let date = input.meeting.date;
    let can_support = match support_meeting_era(date) {
        Some(era) => !era.requires_project || input.meeting.municipality_runs_project,
        None => false,
    };
    // `appointed` names the 支援会議 only on a 支援会議 or combined roster; elsewhere (another
    // law's meeting, a 重層的支援会議) only the recorded 第106条の6第5項 duty shows membership.
    let support_roster = matches!(
        input.meeting.kind,
        MeetingKind::SupportMeeting | MeetingKind::Combined
    );
    let members: Vec<String> = present
        .iter()
        .filter(|m| {
            m.bound_by(Confidentiality::SupportMeeting)
                || (support_roster && member_basis(MeetingKind::SupportMeeting, date, m))
        })
        .map(|m| m.id.clone())
        .collect();
    // Already a 支援会議 organised by the municipality: no other sitting would do better.
    let already = matches!(
        input.meeting.kind,
        MeetingKind::SupportMeeting | MeetingKind::Combined
    ) && input.meeting.organiser.kind == OrganiserKind::Municipality;
    if can_support && !members.is_empty() && !already {
        let list = members.join(", ");
        return Fallback {
            mode: Some(MeetingKind::SupportMeeting),
            reason: R_FALLBACK_SUPPORT.finding_with(
                format!(
                    "市町村が組織する支援会議（委託先は事務局として参加可）として、第106条の6第5項の守秘義務を負う構成員（{list}）に限って扱う"
                ),
                format!(
                    "discuss it as a support meeting organised by the municipality (a contractor may run the secretariat), with the appointed members bound by Article 106-6(5) only ({list})"
                ),
            ),
            members,
        };
    }
    Fallback {
        mode: None,
        members: Vec::new(),
        reason: R_FALLBACK_CONSENT.finding_with(
            format!(
                "事例{}の対象者（{}）から、共有先（機関・役割・個人）と情報の種類を示した同意を得てから扱う",
                input.case.id,
                input.case.subjects.join(", ")
            ),
            format!(
                "obtain consent from the case's subjects ({}) naming recipients and categories before discussing case {}",
                input.case.subjects.join(", "),
                input.case.id
            ),
        ),
    }
}

/// The domain counts of a meeting check ([`MeetingCheck`]); empty when within limits.
pub(crate) fn check_limits(input: &MeetingCheck) -> Vec<crate::error::Error> {
    use crate::error::limit_codes::*;
    let mut errors = Vec::new();
    crate::error::limit::list(&mut errors, input.case.subjects.len(), "/case/subjects");
    crate::error::limit::count(
        &mut errors,
        input.members.len(),
        crate::limits::MAX_MEETING_MEMBERS,
        MEETING_MEMBERS,
        "/members",
        "構成員",
        "members on the roster",
    );
    crate::error::limit::count(
        &mut errors,
        input.attendees.len(),
        crate::limits::MAX_ATTENDEES,
        ATTENDEES,
        "/attendees",
        "出席者",
        "attendees",
    );
    crate::meeting::consent::check_limits(&mut errors, &input.consents, "/consents");
    crate::error::limit::list(&mut errors, input.agenda.len(), "/agenda");
    errors
}
