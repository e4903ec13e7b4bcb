//! The intake record (相談受付・つなぎ): who received the consultation, the household, the issues
//! of each member, the worker's findings and the consent record.
//!
//! A record is validated as a whole: every semantic error is collected with its JSON pointer.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::ids::IdIndex;
use crate::law::ProgramCode;
use crate::meeting::Consent;
use crate::municipality::Options;

use super::age::{Age, AgeRange};
use super::{Issue, IssueEntry};

/// Error codes of intake records (`JUSOU-E-CASE-…`).
pub mod case_codes {
    /// The household has no member.
    pub const EMPTY_HOUSEHOLD: &str = crate::error::catalogue::CASE_EMPTY_HOUSEHOLD;
    /// No member is marked as the subject (本人).
    pub const NO_SUBJECT: &str = crate::error::catalogue::CASE_NO_SUBJECT;
    /// More than one member is marked as the subject.
    pub const SEVERAL_SUBJECTS: &str = crate::error::catalogue::CASE_SEVERAL_SUBJECTS;
    /// Two members share an id.
    pub const DUPLICATE_MEMBER: &str = crate::error::catalogue::CASE_DUPLICATE_MEMBER;
    /// An age outside 0 … 130.
    pub const AGE_RANGE: &str = crate::error::catalogue::CASE_AGE_RANGE;
    /// A birth date after the day the consultation was received.
    pub const BORN_AFTER_INTAKE: &str = crate::error::catalogue::CASE_BORN_AFTER_INTAKE;
    /// Neither age nor birth date. No longer raised since issue #16 (an age may be absent:
    /// rules needing one say "not assessable"); the code is kept, never reused.
    pub const NO_AGE: &str = crate::error::catalogue::CASE_NO_AGE;
    /// Age and birth date disagree.
    pub const AGE_MISMATCH: &str = crate::error::catalogue::CASE_AGE_MISMATCH;
    /// A consent whose subject is not a household member.
    pub const CONSENT_SUBJECT: &str = crate::error::catalogue::CASE_CONSENT_SUBJECT;
    /// Relation `self` (本人) and the subject flag disagree.
    pub const SELF_RELATION: &str = crate::error::catalogue::CASE_SELF_RELATION;
    /// An identifier or name that is empty.
    pub const EMPTY_TEXT: &str = crate::error::catalogue::CASE_EMPTY_TEXT;
    /// The decision date is before the intake date.
    pub const AS_OF_BEFORE_INTAKE: &str = crate::error::catalogue::CASE_AS_OF_BEFORE_INTAKE;
    /// Years of withdrawal longer than any member has lived.
    pub const WITHDRAWAL_YEARS: &str = crate::error::catalogue::CASE_WITHDRAWAL_YEARS;
    /// The same issue recorded twice for one member.
    pub const DUPLICATE_ISSUE: &str = crate::error::catalogue::CASE_DUPLICATE_ISSUE;
    /// Two consent records share an id.
    pub const DUPLICATE_CONSENT: &str = crate::error::catalogue::CASE_DUPLICATE_CONSENT;
    /// An abuse or DV issue recorded for the household as a whole: the statute that applies
    /// depends on the person (age, relation), so it must be recorded on a member.
    pub const HOUSEHOLD_ABUSE: &str = crate::error::catalogue::CASE_HOUSEHOLD_ABUSE;
    /// A member's consent state says refused / not obtainable, yet a consent record for the
    /// member is in force on the intake date.
    pub const CONSENT_STATE_CONFLICT: &str = crate::error::catalogue::CASE_CONSENT_STATE_CONFLICT;
    /// The same issue recorded twice for the household.
    pub const DUPLICATE_HOUSEHOLD_ISSUE: &str =
        crate::error::catalogue::CASE_DUPLICATE_HOUSEHOLD_ISSUE;
}

/// The oldest age jusou accepts.
pub const MAX_AGE: i64 = 130;

/// A consultation as received (相談受付票).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Case identifier (受付番号).
    pub id: String,
    /// Day the consultation was received (ISO or 和暦).
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "crate::calendar::DayText")]
    pub received_on: NaiveDate,
    /// Who received it.
    pub received_by: ReceivedBy,
    /// The household (世帯), the subject (本人) among them.
    pub household: Vec<Member>,
    /// Who noticed the situation and passed it on (近隣住民, 大家, 民生委員, 学校, 別居の家族 …),
    /// apart from who received it.
    #[serde(default)]
    pub referred_by: Option<Referral>,
    /// Issues of the household as a whole (世帯の困窮, ごみ), not pinned on one member.
    #[serde(default)]
    pub household_issues: Vec<IssueEntry>,
    /// Agencies already involved (関係機関), as free names.
    #[serde(default)]
    pub agencies_involved: Vec<String>,
    /// The worker's findings at intake.
    #[serde(default)]
    pub findings: Findings,
    /// Consent records for sharing information (the type shared with meetings and plans).
    #[serde(default)]
    pub consents: Vec<Consent>,
    /// Day of the routing decision; defaults to `received_on` (the CLI's `--as-of` overrides it).
    #[serde(default, with = "crate::calendar::day::option")]
    #[schemars(with = "Option<crate::calendar::DayText>")]
    pub as_of: Option<NaiveDate>,
    /// The municipality's options, so that a vector is self-contained (the CLI's
    /// `--municipality` overrides them).
    #[serde(default)]
    pub options: Option<Options>,
    /// A free note (a test vector's source, a worker's memo); routing never reads it.
    #[serde(default)]
    pub note: Option<String>,
}

/// The window or agency that received the consultation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceivedBy {
    /// The program of 第106条の4第2項 the window runs under, if any (e.g. `1-i`).
    #[serde(default)]
    pub program: Option<ProgramCode>,
    /// The agency's name (e.g. 新座市社会福祉協議会).
    pub agency: String,
}

/// Who passed the situation on (発見・つなぎ元).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Referral {
    /// The kind of source.
    pub source: ReferralSource,
    /// A name or note (e.g. the 民生委員's district, the school's name).
    #[serde(default)]
    pub name: Option<String>,
}

/// Kinds of referral source. Japanese words are accepted as aliases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReferralSource {
    /// 本人
    #[serde(rename = "self", alias = "本人")]
    SelfPerson,
    /// 同居の家族
    #[serde(alias = "同居の家族")]
    Family,
    /// 別居の家族・親族
    #[serde(alias = "別居の家族")]
    FamilyLivingApart,
    /// 近隣住民
    #[serde(alias = "近隣住民")]
    Neighbour,
    /// 大家・管理会社
    #[serde(alias = "大家")]
    Landlord,
    /// 民生委員・児童委員
    #[serde(alias = "民生委員")]
    MinseiIin,
    /// 学校
    #[serde(alias = "学校")]
    School,
    /// 医療機関
    #[serde(alias = "医療機関")]
    Medical,
    /// 警察
    #[serde(alias = "警察")]
    Police,
    /// 介護支援専門員・サービス事業所
    #[serde(alias = "介護支援専門員")]
    CareProvider,
    /// 社会福祉協議会
    #[serde(alias = "社会福祉協議会", alias = "社協")]
    Shakyo,
    /// 行政の他部署・他の相談機関
    #[serde(alias = "関係機関")]
    Agency,
    /// ライフライン事業者・配達員など
    #[serde(alias = "事業者")]
    Business,
    /// その他
    #[serde(alias = "その他")]
    Other,
}

/// The state of a member's consent to share their information, as the worker recorded it. Only
/// a consent *record* (with its scope) lets information be shared; this says why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConsentState {
    /// 同意あり (the record belongs in `consents`)
    #[serde(alias = "同意あり")]
    Given,
    /// 同意を拒否
    #[serde(alias = "拒否")]
    Refused,
    /// まだ確認していない
    #[serde(alias = "未確認")]
    NotYetAsked,
    /// 確認できない（会えない・意思確認が難しい）
    #[serde(alias = "確認不能")]
    NotObtainable,
}

impl ConsentState {
    /// Japanese.
    pub const fn label_ja(self) -> &'static str {
        match self {
            ConsentState::Given => "同意あり",
            ConsentState::Refused => "同意を拒否",
            ConsentState::NotYetAsked => "同意をまだ確認していない",
            ConsentState::NotObtainable => "同意を確認できない",
        }
    }

    /// English.
    pub const fn label_en(self) -> &'static str {
        match self {
            ConsentState::Given => "consent given",
            ConsentState::Refused => "consent refused",
            ConsentState::NotYetAsked => "consent not yet asked",
            ConsentState::NotObtainable => "consent not obtainable",
        }
    }
}

/// A household member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "HouseholdMember")]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Identifier within the case (e.g. `A`, `B`).
    pub id: String,
    /// Age on the intake date: whole years (`80`), a band (`"60代"`, `"小学生"`, `"高齢"`), or
    /// absent when the record does not say (rules needing an age then say "not assessable").
    #[serde(default)]
    pub age: Option<Age>,
    /// Birth date (ISO or 和暦).
    #[serde(default, with = "crate::calendar::day::option")]
    #[schemars(with = "Option<crate::calendar::DayText>")]
    pub birth_date: Option<NaiveDate>,
    /// Relation to the subject (本人).
    pub relation: Relation,
    /// Whether this member is the subject (本人) of the consultation; exactly one is.
    #[serde(default)]
    pub subject: bool,
    /// This member's issues: keys, or objects with a certainty (`suspected`).
    #[serde(default)]
    pub issues: Vec<IssueEntry>,
    /// Whether this member's consent to share was given, refused, not yet asked or not
    /// obtainable (the consent record itself goes in `consents`).
    #[serde(default)]
    pub consent: Option<ConsentState>,
}

macro_rules! relations {
    ($($(#[$doc:meta])* $variant:ident = $key:literal, $ja:literal, $en:literal, $gen:expr;)*) => {
        /// Relation of a member to the subject (続柄). JSON keys are English; the Japanese
        /// words are accepted as aliases (`"母"` for `"mother"`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
        pub enum Relation {
            $($(#[$doc])* #[serde(rename = $key, alias = $ja)] $variant,)*
        }

        impl Relation {
            /// Every relation.
            pub const ALL: &'static [Relation] = &[$(Relation::$variant,)*];

            /// The JSON key.
            pub const fn key(self) -> &'static str {
                match self { $(Relation::$variant => $key,)* }
            }

            /// Japanese (続柄).
            pub const fn label_ja(self) -> &'static str {
                match self { $(Relation::$variant => $ja,)* }
            }

            /// English.
            pub const fn label_en(self) -> &'static str {
                match self { $(Relation::$variant => $en,)* }
            }

            /// Generation relative to the subject: +1 for a parent, −1 for a child, 0 for the
            /// subject, a spouse or a sibling; `None` where the relation says nothing about
            /// generations (other relatives, non-relatives).
            pub const fn generation(self) -> Option<i8> {
                match self { $(Relation::$variant => $gen,)* }
            }
        }
    };
}

relations! {
    /// 本人
    SelfPerson = "self", "本人", "the subject", Some(0);
    /// 配偶者
    Spouse = "spouse", "配偶者", "spouse", Some(0);
    /// 父
    Father = "father", "父", "father", Some(1);
    /// 母
    Mother = "mother", "母", "mother", Some(1);
    /// 義父
    FatherInLaw = "father_in_law", "義父", "father-in-law", Some(1);
    /// 義母
    MotherInLaw = "mother_in_law", "義母", "mother-in-law", Some(1);
    /// 祖父
    Grandfather = "grandfather", "祖父", "grandfather", Some(2);
    /// 祖母
    Grandmother = "grandmother", "祖母", "grandmother", Some(2);
    /// 子
    Child = "child", "子", "child", Some(-1);
    /// 子の配偶者
    ChildInLaw = "child_in_law", "子の配偶者", "child's spouse", Some(-1);
    /// 孫
    Grandchild = "grandchild", "孫", "grandchild", Some(-2);
    /// 兄弟姉妹
    Sibling = "sibling", "兄弟姉妹", "sibling", Some(0);
    /// その他の親族
    OtherRelative = "other_relative", "その他の親族", "other relative", None;
    /// 同居人（親族以外）
    NonRelative = "non_relative", "同居人", "non-relative living in", None;
}

/// The worker's findings at intake (受付時の見立て). Each is stated yes (`true`), stated no
/// (`false`) or not assessed (absent / `null`): jusou never reads silence as a finding.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Findings {
    /// 単独の支援関係機関で対応できるか: the receiving agency (or one agency with ordinary
    /// cooperation) can resolve it. Absent = the worker has not assessed it.
    #[serde(default)]
    pub one_agency_can_resolve: Option<bool>,
    /// Support has become rigid (支援の硬直化) and needs re-sorting.
    #[serde(default)]
    pub rigid_support: Option<bool>,
    /// The need falls between systems (制度の狭間): no existing program covers it.
    #[serde(default)]
    pub between_systems: Option<bool>,
    /// The person refuses support altogether (支援拒否).
    #[serde(default)]
    pub refuses_support: Option<bool>,
    /// The person does not recognise a need for support (支援の必要性を認識していない) — not a
    /// refusal.
    #[serde(default)]
    pub lacks_insight: Option<bool>,
    /// Services the person refuses (e.g. `生活保護`), which is not refusing all support.
    #[serde(default)]
    pub refuses_services: Vec<String>,
    /// No contact with the person yet (本人と会えていない).
    #[serde(default)]
    pub no_contact: Option<bool>,
    /// The person wants social participation existing programs cannot offer.
    #[serde(default)]
    pub participation_need_unmet: Option<bool>,
    /// Years a household member (often not the subject: B in an 8050 household) has been
    /// withdrawn (ひきこもり), where known; it cannot exceed the age of the oldest member.
    #[serde(default)]
    pub withdrawal_years: Option<u8>,
}

/// Completed years of age on `on` for someone born on `birth` (a person born on 29 February
/// turns a year older on 1 March in common years, as 年齢計算ニ関スル法律 and 民法第143条 give).
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i64 {
    let mut years = i64::from(on.year()) - i64::from(birth.year());
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

impl Member {
    /// Exact age on the intake date: `age` when a number, else from `birth_date`; `None` when
    /// the record gives only a band or nothing.
    pub fn age_at(&self, received_on: NaiveDate) -> Option<i64> {
        self.age_range(received_on).exact_value()
    }

    /// The ages the record allows on the intake date (a birth date wins over a band).
    pub fn age_range(&self, received_on: NaiveDate) -> AgeRange {
        match (self.age, self.birth_date) {
            (Some(Age::Exact(a)), _) => AgeRange::exact(a),
            (_, Some(b)) => AgeRange::exact(age_on(b, received_on)),
            (Some(a), None) => a.range(),
            (None, None) => AgeRange::UNKNOWN,
        }
    }

    /// The issue keys of this member.
    pub fn issue_keys(&self) -> impl Iterator<Item = Issue> + '_ {
        self.issues.iter().map(IssueEntry::issue)
    }
}

impl Case {
    /// The subject (本人), when exactly one member is marked.
    pub fn subject(&self) -> Option<&Member> {
        let mut it = self.household.iter().filter(|m| m.subject);
        match (it.next(), it.next()) {
            (Some(m), None) => Some(m),
            _ => None,
        }
    }

    /// Check the record; every problem found is pushed to `errors`.
    pub fn validate(&self, errors: &mut Vec<Error>) {
        use case_codes::*;
        // Over a limit, say only that: the checks below are quadratic in some counts.
        let over = check_limits(self);
        if !over.is_empty() {
            errors.extend(over);
            return;
        }
        if crate::ids::is_blank(&self.id) {
            errors.push(Error::new(
                EMPTY_TEXT,
                "/id",
                "受付番号（id）が空です",
                "the case id is empty",
            ));
        }
        if crate::ids::is_blank(&self.received_by.agency) {
            errors.push(Error::new(
                EMPTY_TEXT,
                "/received_by/agency",
                "受け付けた機関の名前が空です",
                "the receiving agency's name is empty",
            ));
        }
        if let Some(a) = self.as_of {
            if a < self.received_on {
                errors.push(Error::new(
                    AS_OF_BEFORE_INTAKE,
                    "/as_of",
                    format!("判断日（{a}）が受付日（{}）より前です", self.received_on),
                    format!(
                        "the decision date ({a}) is before the intake date ({})",
                        self.received_on
                    ),
                ));
            }
        }
        if self.household.is_empty() {
            errors.push(Error::new(
                EMPTY_HOUSEHOLD,
                "/household",
                "世帯員がいません。少なくとも本人を書いてください",
                "the household is empty: record at least the subject",
            ));
        }
        let subjects = self.household.iter().filter(|m| m.subject).count();
        if !self.household.is_empty() && subjects == 0 {
            errors.push(Error::new(
                NO_SUBJECT,
                "/household",
                "本人（subject: true）の世帯員がいません",
                "no member is marked as the subject (subject: true)",
            ));
        }
        let mut seen_subject = false;
        let ids = IdIndex::new(self.household.iter().map(|m| m.id.as_str()));
        for (i, m) in self.household.iter().enumerate() {
            let at = |f: &str| format!("/household/{i}/{f}");
            if m.subject {
                if seen_subject {
                    errors.push(Error::new(
                        SEVERAL_SUBJECTS,
                        at("subject"),
                        "本人（subject: true）は世帯に一人です",
                        "only one member can be the subject",
                    ));
                }
                seen_subject = true;
            }
            if crate::ids::is_blank(&m.id) {
                errors.push(Error::new(
                    EMPTY_TEXT,
                    at("id"),
                    "世帯員のidが空です",
                    "a member id is empty",
                ));
            } else if ids.repeats(i, &m.id) {
                errors.push(Error::new(
                    DUPLICATE_MEMBER,
                    at("id"),
                    format!("世帯員のid「{}」が重複しています", m.id),
                    format!("member id '{}' is used twice", m.id),
                ));
            }
            if m.subject != (m.relation == Relation::SelfPerson) {
                errors.push(Error::new(
                    SELF_RELATION,
                    at("relation"),
                    "続柄「本人」（self）と subject: true は同じ世帯員に付けてください",
                    "relation 'self' and subject: true must mark the same member",
                ));
            }
            if let Some(Age::Exact(age)) = m.age {
                if !(0..=MAX_AGE).contains(&age) {
                    errors.push(Error::new(
                        AGE_RANGE,
                        at("age"),
                        format!("年齢{age}は0〜{MAX_AGE}の範囲外です"),
                        format!("age {age} is outside 0 … {MAX_AGE}"),
                    ));
                }
            }
            match (m.age, m.birth_date) {
                (_, None) => {}
                (age, Some(b)) => {
                    if b > self.received_on {
                        errors.push(Error::new(
                            BORN_AFTER_INTAKE,
                            at("birth_date"),
                            format!("生年月日（{b}）が受付日（{}）より後です", self.received_on),
                            format!(
                                "birth date ({b}) is after the intake date ({})",
                                self.received_on
                            ),
                        ));
                    } else {
                        let computed = age_on(b, self.received_on);
                        if computed > MAX_AGE {
                            errors.push(Error::new(
                                AGE_RANGE,
                                at("birth_date"),
                                format!("生年月日から計算した年齢{computed}は{MAX_AGE}を超えます"),
                                format!(
                                    "the age from the birth date, {computed}, exceeds {MAX_AGE}"
                                ),
                            ));
                        }
                        match age {
                            Some(Age::Exact(a)) if a != computed => errors.push(Error::new(
                                AGE_MISMATCH,
                                at("age"),
                                format!("年齢{a}が生年月日から計算した受付日の年齢{computed}と違います"),
                                format!("age {a} differs from the age on the intake date computed from the birth date, {computed}"),
                            )),
                            Some(Age::Band(band)) if !band.range().contains(computed) => {
                                errors.push(Error::new(
                                    AGE_MISMATCH,
                                    at("age"),
                                    format!("年齢の区分「{}」が生年月日から計算した受付日の年齢{computed}と合いません", band.key()),
                                    format!("age band '{}' does not fit the age on the intake date computed from the birth date, {computed}", band.label_en()),
                                ))
                            }
                            _ => {}
                        }
                    }
                }
            }
            if let Some(state @ (ConsentState::Refused | ConsentState::NotObtainable)) = m.consent {
                if crate::meeting::consent::in_force(&self.consents, &m.id, self.received_on)
                    .next()
                    .is_some()
                {
                    errors.push(Error::new(
                        CONSENT_STATE_CONFLICT,
                        at("consent"),
                        format!("「{}」と記録されていますが、受付日に有効な同意記録があります", state.label_ja()),
                        format!("recorded as '{}', yet a consent record is in force on the intake date", state.label_en()),
                    ).cite(crate::law::articles::PrivacyBasis::Consent.citation()));
                }
            }
            for (k, entry) in m.issues.iter().enumerate() {
                let issue = &entry.issue();
                if m.issues.iter().take(k).any(|x| x.issue() == *issue) {
                    errors.push(Error::new(
                        DUPLICATE_ISSUE,
                        format!("/household/{i}/issues/{k}"),
                        format!("課題「{}」が重複しています", issue.label_ja()),
                        format!("issue '{}' is recorded twice", issue.key()),
                    ));
                }
            }
        }
        for (k, entry) in self.household_issues.iter().enumerate() {
            let issue = entry.issue();
            let path = format!("/household_issues/{k}");
            if matches!(
                issue,
                Issue::ChildAbuse
                    | Issue::ElderAbuse
                    | Issue::DisabilityAbuse
                    | Issue::DomesticViolence
            ) {
                errors.push(Error::new(
                    HOUSEHOLD_ABUSE,
                    path.clone(),
                    format!("「{}」は世帯全体ではなく、被害を受けている世帯員に記録してください（年齢・続柄で適用される法律が決まります）", issue.label_ja()),
                    format!("record '{}' on the member affected, not the household: the statute that applies depends on that person's age and relation", issue.key()),
                ));
            }
            if self
                .household_issues
                .iter()
                .take(k)
                .any(|x| x.issue() == issue)
            {
                errors.push(Error::new(
                    DUPLICATE_HOUSEHOLD_ISSUE,
                    path,
                    format!("世帯の課題「{}」が重複しています", issue.label_ja()),
                    format!("household issue '{}' is recorded twice", issue.key()),
                ));
            }
        }
        if let Some(years) = self.findings.withdrawal_years {
            let oldest = self
                .household
                .iter()
                .filter_map(|m| {
                    let r = m.age_range(self.received_on);
                    (r != AgeRange::UNKNOWN).then_some(r.max)
                })
                .max();
            if let Some(age) = oldest.filter(|&a| i64::from(years) > a) {
                errors.push(Error::new(
                    WITHDRAWAL_YEARS,
                    "/findings/withdrawal_years",
                    format!("ひきこもりの年数{years}が世帯員の最高年齢{age}を超えています"),
                    format!("{years} years of withdrawal exceed the oldest member's age, {age}"),
                ));
            }
        }
        for (i, c) in self.consents.iter().enumerate() {
            let path = format!("/consents/{i}");
            c.validate(&path, errors);
            if !crate::ids::is_blank(&c.id) && self.consents.iter().take(i).any(|o| o.id == c.id) {
                errors.push(Error::new(
                    DUPLICATE_CONSENT,
                    format!("{path}/id"),
                    format!("同意記録のid「{}」が重複しています", c.id),
                    format!("consent id '{}' is used twice", c.id),
                ));
            }
            if !crate::ids::is_blank(&c.subject)
                && !self.household.iter().any(|m| m.id == c.subject)
            {
                errors.push(
                    Error::new(
                        CONSENT_SUBJECT,
                        format!("{path}/subject"),
                        format!("同意の対象「{}」が世帯員にいません", c.subject),
                        format!("consent subject '{}' is not a household member", c.subject),
                    )
                    .cite(crate::law::articles::PrivacyBasis::Consent.citation()),
                );
            }
        }
    }
}

/// The domain counts of an intake record ([`Case`]); empty when within limits.
pub(crate) fn check_limits(case: &Case) -> Vec<crate::error::Error> {
    use crate::error::limit_codes::*;
    let mut errors = Vec::new();
    if !crate::error::limit::count(
        &mut errors,
        case.household.len(),
        crate::limits::MAX_HOUSEHOLD_MEMBERS,
        HOUSEHOLD_MEMBERS,
        "/household",
        "世帯員",
        "household members",
    ) {
        for (i, m) in case.household.iter().enumerate() {
            crate::error::limit::count(
                &mut errors,
                m.issues.len(),
                crate::limits::MAX_ISSUES_PER_MEMBER,
                ISSUES_PER_MEMBER,
                format_args!("/household/{i}/issues"),
                "課題",
                "issues for one member",
            );
        }
    }
    crate::error::limit::list(
        &mut errors,
        case.agencies_involved.len(),
        "/agencies_involved",
    );
    crate::meeting::consent::check_limits(&mut errors, &case.consents, "/consents");
    if let Some(o) = &case.options {
        crate::error::limit::list(
            &mut errors,
            o.multi_agency_criteria.len(),
            "/options/multi_agency_criteria",
        );
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn age_counts_completed_years() {
        assert_eq!(age_on(d(2008, 4, 2), d(2026, 4, 1)), 17);
        assert_eq!(age_on(d(2008, 4, 1), d(2026, 4, 1)), 18);
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 2, 28)), 17);
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 3, 1)), 18);
    }

    #[test]
    fn japanese_relation_alias() {
        let r: Relation = serde_json::from_str("\"母\"").unwrap();
        assert_eq!(r, Relation::Mother);
        assert_eq!(serde_json::to_string(&r).unwrap(), "\"mother\"");
    }
}
