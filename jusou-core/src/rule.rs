//! Rules and the findings they produce: every decision lists the rules that fired, each with its
//! stable id, the article it rests on, and a message in Japanese and English.

pub mod docs;
pub(crate) mod json_text;
pub mod registry;

use std::borrow::Cow;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

/// Which kind of text a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A statute's article (an Act, a 政令, a 太政官布告).
    Statute,
    /// National guidance (実施要綱, 自治体事務マニュアル) or a municipal 要綱: not an article.
    Guidance,
}

/// A text a rule or an answer rests on: a statute's article or a guidance document. Each is
/// written once, in the registry `law::articles::SOURCES` (issue #19); a [`Rule`] refers to its
/// entry, so the citation an answer prints, whether it was verified and when it is in force
/// come from one place. The type sits here, at the bottom of the module graph, because every
/// area's rules (the calendar's too) refer to entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Stable key (`106-6-5`; where `law::articles` holds the article's summary and force, its
    /// key is the same).
    pub key: &'static str,
    /// The citation exactly as answers print it.
    pub citation: &'static str,
    /// Statute or guidance.
    pub kind: SourceKind,
    /// Whether the wording (and article number) was checked against a statute text. Always
    /// `false` for guidance, which has no statute text.
    pub verified: bool,
    /// First day in force, where known (`None`: not stated here).
    pub in_force_from: Option<NaiveDate>,
    /// Last day in force (`None`: still in force, or not known to have ended).
    pub in_force_until: Option<NaiveDate>,
    /// Where it is cited when no rule rests on it (a program item, a meeting's basis, an alert's
    /// article): `None` for an entry some rule cites.
    pub cited_in: Option<&'static str>,
}

impl Source {
    /// A statute's article.
    pub const fn statute(
        key: &'static str,
        citation: &'static str,
        verified: bool,
        in_force_from: Option<NaiveDate>,
    ) -> Source {
        Source {
            key,
            citation,
            kind: SourceKind::Statute,
            verified,
            in_force_from,
            in_force_until: None,
            cited_in: None,
        }
    }

    /// A guidance document (never verified: it has no statute text).
    pub const fn guidance(key: &'static str, citation: &'static str) -> Source {
        Source {
            key,
            citation,
            kind: SourceKind::Guidance,
            verified: false,
            in_force_from: None,
            in_force_until: None,
            cited_in: None,
        }
    }

    /// The same source with its last day in force.
    pub const fn until(self, last: NaiveDate) -> Source {
        Source {
            in_force_until: Some(last),
            ..self
        }
    }

    /// The same source, cited only where `place` says (no rule rests on it).
    pub const fn cited_in(self, place: &'static str) -> Source {
        Source {
            cited_in: Some(place),
            ..self
        }
    }

    /// Whether it is in force on `date` (a bound not known does not exclude the day).
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.in_force_from.is_none_or(|f| f <= date)
            && self.in_force_until.is_none_or(|u| date <= u)
    }
}

/// A rule of the library: stable id (`R-ROUTE-…`, `R-MEET-…`, `R-PLAN-…`, `R-MUNI-…`, `R-DATE-…`),
/// the registry entry it rests on where the law or guidance gives one, and its standing message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, never reused.
    pub id: &'static str,
    /// The article or guidance it rests on: an entry of `law::articles::SOURCES`.
    pub source: Option<&'static Source>,
    /// The rule's message in Japanese.
    pub ja: &'static str,
    /// The rule's message in English.
    pub en: &'static str,
}

impl Rule {
    /// The citation it prints (its source's), e.g. `社会福祉法第106条の6第5項`.
    pub const fn citation(&self) -> Option<&'static str> {
        match self.source {
            Some(s) => Some(s.citation),
            None => None,
        }
    }

    /// This rule as a finding with its standing message.
    pub const fn finding(&self) -> Finding {
        Finding {
            rule: Cow::Borrowed(self.id),
            citation: self.citation(),
            message_ja: Cow::Borrowed(self.ja),
            message_en: Cow::Borrowed(self.en),
        }
    }

    /// This rule as a finding with a message that names the particulars of the case (a fixed
    /// text is borrowed, not copied).
    pub fn finding_with(
        &self,
        ja: impl Into<Cow<'static, str>>,
        en: impl Into<Cow<'static, str>>,
    ) -> Finding {
        Finding {
            rule: Cow::Borrowed(self.id),
            citation: self.citation(),
            message_ja: ja.into(),
            message_en: en.into(),
        }
    }
}

impl From<Rule> for Finding {
    fn from(r: Rule) -> Self {
        r.finding()
    }
}

#[cfg(feature = "encode-cache")]
impl json_text::entries::FixedEntry for Finding {
    fn fixed_key(&self) -> Option<json_text::entries::FixedKey> {
        let (ja, en) = (&self.message_ja, &self.message_en);
        json_text::entries::rule_entry_key(1, [0; 3], &self.rule, self.citation, ja, en)
    }
}

impl Finding {
    /// The rule id as a `&str`.
    pub fn rule_id(&self) -> &str {
        &self.rule
    }
}

/// A rule that fired: a reason, a violation, an obligation or a warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Finding {
    /// The rule's stable id (a library rule's, or a municipality-defined criterion's).
    pub rule: Cow<'static, str>,
    /// The article it rests on, where there is one.
    pub citation: Option<&'static str>,
    /// Japanese text.
    #[serde(serialize_with = "crate::rule::json_text::text")]
    pub message_ja: Cow<'static, str>,
    /// English text.
    #[serde(serialize_with = "crate::rule::json_text::text")]
    pub message_en: Cow<'static, str>,
}
