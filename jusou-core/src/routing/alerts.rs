//! Statutory alerts: abuse, DV and child-protection signals follow their own laws first.
//! 重層的支援体制整備事業 does not replace a duty to notify (通告・通報); these alerts name the law
//! whose procedure comes first, for the member concerned.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::Serialize;

use crate::case::Issue;
use crate::rule::Rule;

use super::household::{bit, Household, CHILD_UNDER};

/// A child who may need protection (ネグレクトの疑い) → 児童福祉法第25条 (要保護児童の通告).
pub const R_ROUTE_ALERT_CHILD_PROTECTION: Rule = Rule {
    id: "R-ROUTE-ALERT-CHILD-PROTECTION",
    citation: Some("児童福祉法第25条"),
    ja: "18歳未満の子がセルフネグレクト・ごみ屋敷の世帯にいます（要保護児童の疑い）。児童福祉法第25条の通告が先です",
    en: "a child under 18 lives in a household with self-neglect or hoarding (may need protection): notification under the Child Welfare Act art. 25 comes first",
};

/// Child abuse, or DV witnessed by a child (面前DV) → 児童虐待防止法第6条.
pub const R_ROUTE_ALERT_CHILD_ABUSE: Rule = Rule {
    id: "R-ROUTE-ALERT-CHILD-ABUSE",
    citation: Some("児童虐待防止法第6条"),
    ja: "児童虐待（子どもの前でのDVを含む）の疑いがあります。児童虐待防止法第6条の通告が先です（守秘義務は妨げになりません）",
    en: "suspected child abuse (including DV in front of a child): notification under the Child Abuse Prevention Act art. 6 comes first (confidentiality does not bar it)",
};

/// Elder abuse → 高齢者虐待防止法第7条.
pub const R_ROUTE_ALERT_ELDER_ABUSE: Rule = Rule {
    id: "R-ROUTE-ALERT-ELDER-ABUSE",
    citation: Some("高齢者虐待防止法第7条"),
    ja: "高齢者虐待の疑いがあります。高齢者虐待防止法第7条の通報が先です（生命・身体に重大な危険があれば義務）",
    en: "suspected elder abuse: reporting under the Elder Abuse Prevention Act art. 7 comes first (a duty where life or body is in serious danger)",
};

/// Abuse of a person with disabilities → 障害者虐待防止法第7条.
pub const R_ROUTE_ALERT_DISABILITY_ABUSE: Rule = Rule {
    id: "R-ROUTE-ALERT-DISABILITY-ABUSE",
    citation: Some("障害者虐待防止法第7条"),
    ja: "障害者虐待の疑いがあります。障害者虐待防止法第7条の通報が先です",
    en: "suspected abuse of a person with disabilities: reporting under the Disability Abuse Prevention Act art. 7 comes first",
};

/// DV → DV防止法第6条.
pub const R_ROUTE_ALERT_DV: Rule = Rule {
    id: "R-ROUTE-ALERT-DV",
    citation: Some("DV防止法第6条"),
    ja: "配偶者等からの暴力（DV）の疑いがあります。DV防止法第6条の通報と配偶者暴力相談支援センター等の手続が先です",
    en: "suspected domestic violence: reporting under the DV Prevention Act art. 6 and its support centre's procedure come first",
};

/// An alert: which law's procedure comes first, for whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct StatutoryAlert {
    /// The rule that fired.
    pub rule: &'static str,
    /// The law whose procedure comes first (`児童虐待防止法`).
    pub law: &'static str,
    /// The article (`児童虐待防止法第6条`).
    pub citation: &'static str,
    /// The member concerned.
    pub member: String,
    /// Japanese text.
    pub message_ja: Cow<'static, str>,
    /// English text.
    pub message_en: Cow<'static, str>,
}

fn alert(rule: Rule, law: &'static str, member: &str) -> StatutoryAlert {
    StatutoryAlert {
        rule: rule.id,
        law,
        citation: rule.citation.unwrap_or(law),
        member: member.to_owned(),
        message_ja: Cow::Borrowed(rule.ja),
        message_en: Cow::Borrowed(rule.en),
    }
}

/// The alerts for a household, in rule order then member order.
pub(crate) fn alerts(h: &Household<'_>) -> Vec<StatutoryAlert> {
    let mut out = Vec::new();
    if h.issue_mask
        & (bit(Issue::ChildAbuse)
            | bit(Issue::DomesticViolence)
            | bit(Issue::ElderAbuse)
            | bit(Issue::DisabilityAbuse)
            | bit(Issue::SelfNeglect)
            | bit(Issue::Hoarding))
        == 0
    {
        return out;
    }
    let neglect = h.issue_mask & (bit(Issue::SelfNeglect) | bit(Issue::Hoarding)) != 0;
    let dv = h.issue_mask & bit(Issue::DomesticViolence) != 0;
    let is_child = |i: usize| h.age(i) < CHILD_UNDER;
    for (i, m) in h.members.iter().enumerate() {
        if neglect && is_child(i) {
            out.push(alert(R_ROUTE_ALERT_CHILD_PROTECTION, "児童福祉法", &m.id));
        }
    }
    for (i, m) in h.members.iter().enumerate() {
        // 面前DV is psychological abuse of the child (児童虐待防止法第2条第4号).
        if m.issues.contains(&Issue::ChildAbuse) || (dv && is_child(i)) {
            out.push(alert(R_ROUTE_ALERT_CHILD_ABUSE, "児童虐待防止法", &m.id));
        }
    }
    for m in h.members {
        if m.issues.contains(&Issue::ElderAbuse) {
            out.push(alert(R_ROUTE_ALERT_ELDER_ABUSE, "高齢者虐待防止法", &m.id));
        }
    }
    for m in h.members {
        if m.issues.contains(&Issue::DisabilityAbuse) {
            out.push(alert(
                R_ROUTE_ALERT_DISABILITY_ABUSE,
                "障害者虐待防止法",
                &m.id,
            ));
        }
    }
    for m in h.members {
        if m.issues.contains(&Issue::DomesticViolence) {
            out.push(alert(R_ROUTE_ALERT_DV, "DV防止法", &m.id));
        }
    }
    out
}
