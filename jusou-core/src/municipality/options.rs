//! What a municipality chooses (configuration, validated on load): its own criteria for
//! 多機関協働 cases, review and monitoring intervals. What the law fixes stays in code.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::issue::Issue;

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
    /// … and all of these …
    #[serde(default)]
    pub issues_all: Vec<Issue>,
    /// … and any of these findings or signals of the case. This is how a criterion written in
    /// the municipality's own words maps onto the case: 「複雑化・複合化した事例」 →
    /// `["multi_field", "multi_member"]`; 「既存の連携体制では支援困難」 → `["not_one_agency",
    /// "rigid_support"]`; 「各相談支援機関で対応が難しい」 → `["not_one_agency"]`. All three lists
    /// empty never fires.
    #[serde(default)]
    pub signals_any: Vec<CriterionSignal>,
}

/// A finding or signal of the case a municipality's criterion can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum CriterionSignal {
    /// 複数分野にまたがる課題 (R-ROUTE-MULTI-FIELD)
    #[serde(rename = "multi_field")]
    MultiField,
    /// 世帯の複数の人に課題 (R-ROUTE-MULTI-MEMBER)
    #[serde(rename = "multi_member")]
    MultiMember,
    /// 8050世帯 (R-ROUTE-8050)
    #[serde(rename = "8050")]
    P8050,
    /// ダブルケア (R-ROUTE-DOUBLE-CARE)
    #[serde(rename = "double_care")]
    DoubleCare,
    /// ヤングケアラー (R-ROUTE-YOUNG-CARER)
    #[serde(rename = "young_carer")]
    YoungCarer,
    /// 制度の狭間 (findings.between_systems stated yes)
    #[serde(rename = "between_systems")]
    BetweenSystems,
    /// 支援の硬直化 (findings.rigid_support stated yes)
    #[serde(rename = "rigid_support")]
    RigidSupport,
    /// 単独の機関では対応が難しい (findings.one_agency_can_resolve stated no)
    #[serde(rename = "not_one_agency")]
    NotOneAgency,
}

impl CriterionSignal {
    /// The JSON key.
    pub const fn key(self) -> &'static str {
        match self {
            CriterionSignal::MultiField => "multi_field",
            CriterionSignal::MultiMember => "multi_member",
            CriterionSignal::P8050 => "8050",
            CriterionSignal::DoubleCare => "double_care",
            CriterionSignal::YoungCarer => "young_carer",
            CriterionSignal::BetweenSystems => "between_systems",
            CriterionSignal::RigidSupport => "rigid_support",
            CriterionSignal::NotOneAgency => "not_one_agency",
        }
    }
}
