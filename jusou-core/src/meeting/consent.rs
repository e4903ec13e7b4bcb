//! Consent (本人同意) to share a person's information: who gave it, for what, with whom, when.
//!
//! One type for routing, meetings and plans: the rules of when a consent counts live here and
//! nowhere else. Privacy by default: a consent counts only for the organisations or roles and the
//! information categories it names, only from the day it was given, and never from the day it was
//! withdrawn.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{pointer_token, Error};

/// Error codes of consent records (`JUSOU-E-CONSENT-…`).
pub mod consent_codes {
    /// Withdrawn before it was given.
    pub const WITHDRAWN_BEFORE_GIVEN: &str =
        crate::error::catalogue::CONSENT_WITHDRAWN_BEFORE_GIVEN;
    /// Valid until a day before it was given.
    pub const EXPIRES_BEFORE_GIVEN: &str = crate::error::catalogue::CONSENT_EXPIRES_BEFORE_GIVEN;
    /// Oral consent without who recorded it.
    pub const ORAL_UNRECORDED: &str = crate::error::catalogue::CONSENT_ORAL_UNRECORDED;
    /// Scope names no organisation and no role, or no information category.
    pub const EMPTY_SCOPE: &str = crate::error::catalogue::CONSENT_EMPTY_SCOPE;
    /// Given by a representative without naming them.
    pub const REPRESENTATIVE_UNNAMED: &str =
        crate::error::catalogue::CONSENT_REPRESENTATIVE_UNNAMED;
    /// An identifier that is empty.
    pub const EMPTY_ID: &str = crate::error::catalogue::CONSENT_EMPTY_ID;
}

/// What kind of information is shared.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum InfoCategory {
    /// 基本情報 (name, address, household)
    Basic,
    /// 健康・障害
    HealthDisability,
    /// 経済状況
    Economic,
    /// 家族状況
    Family,
    /// 支援経過
    SupportHistory,
}

impl InfoCategory {
    /// All categories.
    pub const ALL: [InfoCategory; 5] = [
        InfoCategory::Basic,
        InfoCategory::HealthDisability,
        InfoCategory::Economic,
        InfoCategory::Family,
        InfoCategory::SupportHistory,
    ];

    /// Japanese name.
    pub const fn name_ja(self) -> &'static str {
        match self {
            InfoCategory::Basic => "基本情報",
            InfoCategory::HealthDisability => "健康・障害",
            InfoCategory::Economic => "経済状況",
            InfoCategory::Family => "家族状況",
            InfoCategory::SupportHistory => "支援経過",
        }
    }

    /// English name.
    pub const fn name_en(self) -> &'static str {
        match self {
            InfoCategory::Basic => "basic information",
            InfoCategory::HealthDisability => "health and disability",
            InfoCategory::Economic => "economic situation",
            InfoCategory::Family => "family situation",
            InfoCategory::SupportHistory => "support history",
        }
    }
}

/// Who gave the consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentGiver {
    /// 本人 or a representative (代理人: 成年後見人, family with authority, …).
    pub kind: GiverKind,
    /// The representative's name or role; required for a representative.
    #[serde(default)]
    pub name: Option<String>,
    /// A note on the person's capacity to consent (意思能力), as the worker recorded it.
    #[serde(default)]
    pub capacity_note: Option<String>,
}

/// 本人 or 代理人.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GiverKind {
    /// 本人
    #[serde(rename = "self")]
    Self_,
    /// 代理人 (a legal or authorised representative)
    Representative,
}

/// How the consent was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ConsentForm {
    /// 書面 (a signed form: 相談受付・申込票 with consent)
    Written,
    /// 口頭, recorded by a named worker
    Oral {
        /// Who recorded the oral consent.
        recorded_by: String,
    },
}

/// With whom and what may be shared.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentScope {
    /// Organisations named in the consent (matched exactly against a member's organisation).
    #[serde(default)]
    pub organisations: Vec<String>,
    /// Roles named in the consent (matched exactly against a member's role).
    #[serde(default)]
    pub roles: Vec<String>,
    /// Individual people named in the consent (member ids), e.g. a neighbour the person trusts.
    #[serde(default)]
    pub persons: Vec<String>,
    /// Information categories that may be shared.
    pub categories: Vec<InfoCategory>,
}

/// A consent record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// Identifier of the record.
    pub id: String,
    /// Whose information (a household member id).
    pub subject: String,
    /// Who consented.
    pub given_by: ConsentGiver,
    /// With whom and what.
    pub scope: ConsentScope,
    /// Day it was given.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "crate::calendar::DayText")]
    pub given_on: NaiveDate,
    /// Last day it is valid, if limited.
    #[serde(default, with = "crate::calendar::day::option")]
    #[schemars(with = "Option<crate::calendar::DayText>")]
    pub valid_until: Option<NaiveDate>,
    /// Day it was withdrawn: sharing stops from this day on (what was shared before stays shared).
    #[serde(default, with = "crate::calendar::day::option")]
    #[schemars(with = "Option<crate::calendar::DayText>")]
    pub withdrawn_on: Option<NaiveDate>,
    /// 書面 or 口頭.
    pub form: ConsentForm,
}

/// A would-be recipient as consent sees them.
#[derive(Debug, Clone, Copy)]
pub struct Recipient<'a> {
    /// Member id.
    pub id: &'a str,
    /// Organisation.
    pub organisation: Option<&'a str>,
    /// Role.
    pub role: Option<&'a str>,
}

impl Consent {
    /// In force on `date`: given on or before it, not past `valid_until`, not withdrawn on or
    /// before it.
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        self.given_on <= date
            && self.valid_until.is_none_or(|u| date <= u)
            && self.withdrawn_on.is_none_or(|w| date < w)
    }

    /// Whether the scope names this recipient (by person, organisation or role).
    pub fn names(&self, r: Recipient<'_>) -> bool {
        let s = &self.scope;
        s.persons.iter().any(|p| p == r.id)
            || r.organisation
                .is_some_and(|o| s.organisations.iter().any(|x| x == o))
            || r.role.is_some_and(|ro| s.roles.iter().any(|x| x == ro))
    }

    /// Whether this consent lets `category` of the subject's information reach `r` on `date`.
    pub fn covers(&self, date: NaiveDate, r: Recipient<'_>, category: InfoCategory) -> bool {
        self.valid_on(date) && self.scope.categories.contains(&category) && self.names(r)
    }

    /// Whether the record names anyone and anything at all: a consent with no recipient or no
    /// category lets nothing be shared.
    pub fn shares_something(&self) -> bool {
        let s = &self.scope;
        let names_someone =
            !(s.organisations.is_empty() && s.roles.is_empty() && s.persons.is_empty());
        names_someone && !s.categories.is_empty()
    }

    /// Check the record itself; errors get paths under `path` (a JSON pointer).
    pub fn validate(&self, path: &str, errors: &mut Vec<Error>) {
        use consent_codes::*;
        let at = |field: &str| format!("{path}/{}", pointer_token(field));
        // The one spelling of the consent basis (law::articles::PrivacyBasis).
        const CITE: &str = crate::law::articles::PrivacyBasis::Consent.citation();
        if crate::ids::is_blank(&self.id) {
            errors.push(Error::new(
                EMPTY_ID,
                at("id"),
                "同意記録のIDが空です",
                "consent id is empty",
            ));
        }
        if crate::ids::is_blank(&self.subject) {
            errors.push(Error::new(
                EMPTY_ID,
                at("subject"),
                "誰の情報についての同意か（subject）が空です",
                "consent subject is empty",
            ));
        }
        if let Some(w) = self.withdrawn_on {
            if w < self.given_on {
                errors.push(
                    Error::new(
                        WITHDRAWN_BEFORE_GIVEN,
                        at("withdrawn_on"),
                        format!("同意の撤回日（{w}）が同意日（{}）より前です", self.given_on),
                        format!(
                            "consent withdrawn ({w}) before it was given ({})",
                            self.given_on
                        ),
                    )
                    .cite(CITE),
                );
            }
        }
        if let Some(u) = self.valid_until {
            if u < self.given_on {
                errors.push(Error::new(
                    EXPIRES_BEFORE_GIVEN,
                    at("valid_until"),
                    format!(
                        "同意の有効期限（{u}）が同意日（{}）より前です",
                        self.given_on
                    ),
                    format!(
                        "consent valid until {u}, before it was given ({})",
                        self.given_on
                    ),
                ));
            }
        }
        if let ConsentForm::Oral { recorded_by } = &self.form {
            if crate::ids::is_blank(recorded_by) {
                errors.push(Error::new(
                    ORAL_UNRECORDED,
                    format!("{path}/form/recorded_by"),
                    "口頭の同意は記録した職員を書いてください",
                    "an oral consent needs the worker who recorded it",
                ));
            }
        }
        if self.given_by.kind == GiverKind::Representative
            && self
                .given_by
                .name
                .as_deref()
                .is_none_or(crate::ids::is_blank)
        {
            errors.push(Error::new(
                REPRESENTATIVE_UNNAMED,
                format!("{path}/given_by/name"),
                "代理人による同意は代理人を書いてください",
                "a consent given by a representative must name the representative",
            ));
        }
        let s = &self.scope;
        if s.organisations.is_empty() && s.roles.is_empty() && s.persons.is_empty() {
            errors.push(Error::new(
                EMPTY_SCOPE,
                format!("{path}/scope"),
                "同意の範囲に共有先（機関・役割・個人）がありません",
                "the consent scope names no organisation, role or person to share with",
            ));
        }
        if s.categories.is_empty() {
            errors.push(Error::new(
                EMPTY_SCOPE,
                format!("{path}/scope/categories"),
                "同意の範囲に情報の種類がありません",
                "the consent scope names no information category",
            ));
        }
    }
}

/// The consents of `subject` in force on `date`. The one reading of "is there a consent" that
/// routing, the meeting check and the plan replay share.
pub fn in_force<'a>(
    consents: &'a [Consent],
    subject: &'a str,
    date: NaiveDate,
) -> impl Iterator<Item = &'a Consent> + 'a {
    consents
        .iter()
        .filter(move |c| c.subject == subject && c.valid_on(date))
}

/// The members among `subjects` for whom no consent in force on `date` shares anything: whose
/// information a 重層的支援会議 could not take up. Empty when every subject has consented.
pub fn without_consent<'a>(
    consents: &[Consent],
    subjects: impl IntoIterator<Item = &'a str>,
    date: NaiveDate,
) -> Vec<&'a str> {
    subjects
        .into_iter()
        .filter(|s| !in_force(consents, s, date).any(Consent::shares_something))
        .collect()
}

/// Counts of consent records and of each one's scope lists.
pub(crate) fn check_limits(
    errors: &mut Vec<crate::error::Error>,
    consents: &[Consent],
    path: &str,
) {
    if crate::error::limit::count(
        errors,
        consents.len(),
        crate::limits::MAX_CONSENTS,
        crate::error::limit_codes::CONSENTS,
        path,
        "同意記録",
        "consent records",
    ) {
        return;
    }
    for (i, c) in consents.iter().enumerate() {
        let s = &c.scope;
        for (name, len) in [
            ("organisations", s.organisations.len()),
            ("roles", s.roles.len()),
            ("persons", s.persons.len()),
            ("categories", s.categories.len()),
        ] {
            crate::error::limit::list(errors, len, format_args!("{path}/{i}/scope/{name}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn consent() -> Consent {
        crate::error::decode(
            r#"{"id":"c1","subject":"B","given_by":{"kind":"self"},
                "scope":{"organisations":["新座市社会福祉協議会"],"categories":["basic"]},
                "given_on":"令和8年6月1日","withdrawn_on":"2026-09-01","form":{"kind":"written"}}"#,
        )
        .unwrap()
    }

    #[test]
    fn validity_window() {
        let c = consent();
        assert!(!c.valid_on(d(2026, 5, 31)), "not before it was given");
        assert!(c.valid_on(d(2026, 6, 1)));
        assert!(c.valid_on(d(2026, 8, 31)));
        assert!(!c.valid_on(d(2026, 9, 1)), "not from the withdrawal day");
    }

    #[test]
    fn scope_is_exact() {
        let c = consent();
        let shakyo = Recipient {
            id: "m1",
            organisation: Some("新座市社会福祉協議会"),
            role: None,
        };
        let other = Recipient {
            id: "m2",
            organisation: Some("新座市"),
            role: None,
        };
        assert!(c.covers(d(2026, 7, 1), shakyo, InfoCategory::Basic));
        assert!(!c.covers(d(2026, 7, 1), shakyo, InfoCategory::HealthDisability));
        assert!(!c.covers(d(2026, 7, 1), other, InfoCategory::Basic));
    }

    #[test]
    fn validation_collects_every_problem() {
        let mut c = consent();
        c.withdrawn_on = Some(d(2026, 1, 1));
        c.scope.categories.clear();
        c.form = ConsentForm::Oral {
            recorded_by: " ".into(),
        };
        let mut errs = Vec::new();
        c.validate("/consents/0", &mut errs);
        assert_eq!(
            crate::Errors { errors: errs }.code_paths(),
            vec![
                (
                    consent_codes::WITHDRAWN_BEFORE_GIVEN,
                    "/consents/0/withdrawn_on"
                ),
                (
                    consent_codes::ORAL_UNRECORDED,
                    "/consents/0/form/recorded_by"
                ),
                (consent_codes::EMPTY_SCOPE, "/consents/0/scope/categories"),
            ]
        );
    }
}
