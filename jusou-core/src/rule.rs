//! Rules and the findings they produce: every decision lists the rules that fired, each with its
//! stable id, the article it rests on, and a message in Japanese and English.

pub mod docs;
pub(crate) mod json_text;
pub mod registry;

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::Serialize;

/// A rule of the library: stable id (`R-ROUTE-…`, `R-MEET-…`, `R-PLAN-…`, `R-MUNI-…`, `R-DATE-…`),
/// citation where the law gives one, and its standing message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, never reused.
    pub id: &'static str,
    /// The article it rests on, e.g. `社会福祉法第106条の6第5項`.
    pub citation: Option<&'static str>,
    /// The rule's message in Japanese.
    pub ja: &'static str,
    /// The rule's message in English.
    pub en: &'static str,
}

impl Rule {
    /// This rule as a finding with its standing message.
    pub const fn finding(&self) -> Finding {
        Finding {
            rule: Cow::Borrowed(self.id),
            citation: self.citation,
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
            citation: self.citation,
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
