//! What a municipality chooses (configuration, validated on load): its own criteria for
//! 多機関協働 cases, review and monitoring intervals. What the law fixes stays in code.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::case::Issue;

/// A municipality's choices.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// The municipality's own criteria for passing a case to 多機関協働, on top of the defaults
    /// (e.g. 稲城市's list of expected cases).
    #[serde(default)]
    pub multi_agency_criteria: Vec<Criterion>,
    /// Days between monitorings of a support plan (deadline findings are computed from it).
    #[serde(default)]
    pub monitoring_interval_days: Option<u32>,
    /// Days after which a support plan is reviewed at the 重層的支援会議.
    #[serde(default)]
    pub plan_review_interval_days: Option<u32>,
}

/// A municipality-defined reason to pass a case to 多機関協働.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable id chosen by the municipality (reported as the rule that fired).
    pub id: String,
    /// What it says, in Japanese (as in the municipality's plan).
    pub label_ja: String,
    /// What it says, in English.
    #[serde(default)]
    pub label_en: Option<String>,
    /// Fires when the household has any of these issues …
    #[serde(default)]
    pub issues_any: Vec<Issue>,
    /// … and all of these (both lists empty never fires).
    #[serde(default)]
    pub issues_all: Vec<Issue>,
}
