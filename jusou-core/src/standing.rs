//! A case's standing (支援の段階): the one model of "how far has this case gone" that routing,
//! the meeting check and the plan replay share.
//!
//! The national manual orders a case as: the 多機関協働事業者 accepts it (受理, on the person's
//! 利用申込 with consent) → assessment → 支援プラン → the 重層的支援会議 judges the plan's
//! appropriateness → the municipality's 支援決定 → support → monitoring → evaluation at the
//! 重層的支援会議 → 終結. So the 重層的支援会議 meets *before* 支援決定: 受理 is enough for a plan
//! review there. Three steps change what the law and guidance allow; they are [`Standing`].
//!
//! ```
//! use jusou_core::standing::Standing;
//! assert!(!Standing::NotAccepted.may_go_to_jusou_meeting());
//! assert!(Standing::Accepted.may_go_to_jusou_meeting()); // plan review before 支援決定
//! assert!(Standing::SupportDecided.may_go_to_jusou_meeting());
//! assert!(!Standing::Closed.may_go_to_jusou_meeting()); // a new referral opens a new episode
//! assert_eq!(Standing::from_under_multi_agency(true), Standing::SupportDecided);
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where a case stands, in the order of the national manual.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Not (yet) accepted by the 多機関協働事業者: a consultation, a referral, or a case at the
    /// 支援会議 before consent. Only the 支援会議 (第106条の6) may take it up with others.
    NotAccepted,
    /// 受理: the 多機関協働事業者 accepted the case on the person's 利用申込 with consent.
    /// Assessment, the 支援プラン and its review at the 重層的支援会議 happen here.
    Accepted,
    /// 支援決定: the municipality decided support on the reviewed plan; support, monitoring and
    /// the end evaluation at the 重層的支援会議 happen here.
    SupportDecided,
    /// 終結 (or returned to 包括的相談支援): this episode is over; a new referral opens a new one.
    Closed,
}

/// Which kind of source a step rests on (the one kind the source registry uses).
pub use crate::rule::SourceKind;

/// One step of the documented flow, with the source it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FlowStep {
    /// Stable key (the plan event type that records it, where there is one).
    pub key: &'static str,
    /// Japanese name.
    pub name_ja: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// The standing the case needs for this step.
    pub needs: Standing,
    /// The standing after it.
    pub leads_to: Standing,
    /// Statute or guidance.
    pub source_kind: SourceKind,
    /// The source as printed.
    pub source: &'static str,
}

/// 重層的支援体制整備事業実施要綱 and the 自治体事務マニュアル: the basis of the 重層的支援会議 and
/// of the order of a case (guidance, not an article of the statute).
pub const GUIDANCE: &str = "重層的支援体制整備事業実施要綱・自治体事務マニュアル（国の通知・指針）";

/// The order of a case, step by step (DOMAIN.md §4; docs/flow.md draws it).
pub const FLOW: &[FlowStep] = &[
    FlowStep {
        key: "referral",
        name_ja: "相談受付・つなぎ（包括的相談支援から多機関協働へ）",
        name_en: "intake and referral to multi-agency collaboration",
        needs: Standing::NotAccepted,
        leads_to: Standing::NotAccepted,
        source_kind: SourceKind::Statute,
        source: "社会福祉法第106条の4第2項第1号・第5号",
    },
    FlowStep {
        key: "support_meeting",
        name_ja: "支援会議（同意なしで情報共有・支援の検討）",
        name_en: "support meeting (sharing without consent, considering support)",
        needs: Standing::NotAccepted,
        leads_to: Standing::NotAccepted,
        source_kind: SourceKind::Statute,
        source: "社会福祉法第106条の6",
    },
    FlowStep {
        key: "accepted",
        name_ja: "受理（本人の利用申込・同意）",
        name_en: "acceptance by the multi-agency provider (application with consent)",
        needs: Standing::NotAccepted,
        leads_to: Standing::Accepted,
        source_kind: SourceKind::Guidance,
        source: GUIDANCE,
    },
    FlowStep {
        key: "assessment",
        name_ja: "アセスメント",
        name_en: "assessment",
        needs: Standing::Accepted,
        leads_to: Standing::Accepted,
        source_kind: SourceKind::Guidance,
        source: GUIDANCE,
    },
    FlowStep {
        key: "plan_drafted",
        name_ja: "支援プランの作成",
        name_en: "support plan drafted",
        needs: Standing::Accepted,
        leads_to: Standing::Accepted,
        source_kind: SourceKind::Statute,
        source: "社会福祉法第106条の4第2項第6号",
    },
    FlowStep {
        key: "jusou_meeting_review",
        name_ja: "重層的支援会議によるプランの適切性の判断",
        name_en: "the multi-layered support meeting judges the plan",
        needs: Standing::Accepted,
        leads_to: Standing::Accepted,
        source_kind: SourceKind::Guidance,
        source: GUIDANCE,
    },
    FlowStep {
        key: "support_decision",
        name_ja: "市町村の支援決定",
        name_en: "the municipality's support decision",
        needs: Standing::Accepted,
        leads_to: Standing::SupportDecided,
        source_kind: SourceKind::Guidance,
        source: GUIDANCE,
    },
    FlowStep {
        key: "monitoring",
        name_ja: "支援の実施・モニタリング",
        name_en: "support and monitoring",
        needs: Standing::SupportDecided,
        leads_to: Standing::SupportDecided,
        source_kind: SourceKind::Guidance,
        source: GUIDANCE,
    },
    FlowStep {
        key: "evaluation",
        name_ja: "重層的支援会議による終結時の評価",
        name_en: "end evaluation at the multi-layered support meeting",
        needs: Standing::SupportDecided,
        leads_to: Standing::SupportDecided,
        source_kind: SourceKind::Guidance,
        source: GUIDANCE,
    },
    FlowStep {
        key: "closed",
        name_ja: "終結",
        name_en: "closing",
        needs: Standing::SupportDecided,
        leads_to: Standing::Closed,
        source_kind: SourceKind::Guidance,
        source: GUIDANCE,
    },
];

impl Standing {
    /// Whether a 重層的支援会議 may take the case up (with consent): from 受理 until 終結.
    pub const fn may_go_to_jusou_meeting(self) -> bool {
        matches!(self, Standing::Accepted | Standing::SupportDecided)
    }

    /// Whether the municipality has decided support (the old `under_multi_agency` flag).
    pub const fn support_decided(self) -> bool {
        matches!(self, Standing::SupportDecided)
    }

    /// The standing the old boolean `under_multi_agency` states: `true` is 支援決定; `false`
    /// says only that there is no 支援決定, so nothing more than "not accepted" is assumed
    /// (when in doubt, the 重層的支援会議 does not take the case).
    pub const fn from_under_multi_agency(decided: bool) -> Standing {
        if decided {
            Standing::SupportDecided
        } else {
            Standing::NotAccepted
        }
    }

    /// What comes next in the documented flow (for routing and forms): the steps whose `needs`
    /// is this standing.
    pub fn next_steps(self) -> impl Iterator<Item = &'static FlowStep> {
        FLOW.iter().filter(move |s| s.needs == self)
    }

    /// Japanese name.
    pub const fn name_ja(self) -> &'static str {
        match self {
            Standing::NotAccepted => "受理前",
            Standing::Accepted => "受理（支援決定前）",
            Standing::SupportDecided => "支援決定後",
            Standing::Closed => "終結",
        }
    }

    /// English name.
    pub const fn name_en(self) -> &'static str {
        match self {
            Standing::NotAccepted => "not accepted",
            Standing::Accepted => "accepted (before the support decision)",
            Standing::SupportDecided => "support decided",
            Standing::Closed => "closed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flow_never_goes_back_and_reviews_before_the_decision() {
        for w in FLOW.windows(2) {
            assert!(
                w[0].leads_to <= w[1].leads_to,
                "{} then {}",
                w[0].key,
                w[1].key
            );
            assert!(w[0].needs <= w[1].needs);
        }
        let at = |k: &str| FLOW.iter().position(|s| s.key == k).unwrap();
        assert!(at("jusou_meeting_review") < at("support_decision"));
        assert!(FLOW[at("jusou_meeting_review")]
            .needs
            .may_go_to_jusou_meeting());
        assert!(FLOW[at("evaluation")].needs.may_go_to_jusou_meeting());
        assert_eq!(
            Standing::Accepted
                .next_steps()
                .map(|s| s.key)
                .collect::<Vec<_>>(),
            [
                "assessment",
                "plan_drafted",
                "jusou_meeting_review",
                "support_decision"
            ]
        );
    }
}
