//! Statutory alerts: abuse, DV and child-protection signals follow their own laws first.
//! 重層的支援体制整備事業 does not replace a duty to notify (通告・通報); each alert names the statute
//! that applies *to that person* (by age and by who is said to abuse), whether it is a duty or an
//! effort, and to whom the report goes.
//!
//! Verification (issue #16, checked with the project's search of public statute pages):
//! - 児童虐待防止法第6条第1項 — duty; 市町村・都道府県の設置する福祉事務所・児童相談所 (directly or
//!   through a 児童委員). Verified (e.g. 大阪府警 page quoting the article,
//!   http://www.police.pref.osaka.jp/05bouhan/taisaku/04hakken02_1.html).
//! - 児童福祉法第25条第1項 — duty to notify a 要保護児童, same recipients. Verified
//!   (https://iuris.jp/児童福祉法-第二十五条/jpn/a/42183).
//! - 障害者虐待防止法第7条第1項 — duty, 市町村; excludes 18歳未満. Verified (iuris.jp, chapter 2).
//!   第16条第1項 (施設従事者, 市町村) and 第22条第1項 (使用者, 市町村 or 都道府県) — duties, seen only in
//!   secondary sources: `verified: false`.
//! - 高齢者虐待防止法第7条 — 第1項 duty where life or body is in serious danger, 第2項 effort
//!   otherwise; 市町村. Verified (https://iuris.jp/…第七条…/jpn/a/46577). 第21条 (養介護施設従事者等)
//!   not checked: `verified: false`.
//! - DV防止法第6条第1項 — effort, physical violence only, to 配偶者暴力相談支援センター or 警察官;
//!   第2項 medical staff *may* report, respecting the victim's will. Verified (iuris.jp, chapter 3).

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::Serialize;

use crate::case::{Issue, Perpetrator};
use crate::law::articles;
use crate::rule::{Rule, Source};

use super::household::{bit, Household, CHILD_UNDER, ELDERLY_FROM};

/// A child in a household with self-neglect or hoarding: check whether the child is 要保護児童.
pub const R_ROUTE_ALERT_CHILD_PROTECTION: Rule = Rule {
    id: "R-ROUTE-ALERT-CHILD-PROTECTION",
    source: Some(&articles::SRC_CHILD_WELFARE_25),
    ja: "18歳未満の子がセルフネグレクト・ごみ屋敷の世帯にいます。その子が要保護児童（保護者のない児童又は保護者に監護させることが不適当な児童）に当たるか確認し、当たれば児童福祉法第25条により市町村・福祉事務所・児童相談所に通告します（世帯の状況だけで要保護児童とは決まりません）",
    en: "a child under 18 lives in a household with self-neglect or hoarding: check whether the child needs protection (要保護児童); if so, notify the municipality, welfare office or child guidance centre under the Child Welfare Act art. 25 (the household's state alone does not make the child one)",
};

/// Child abuse (any abuse of a person under 18, whatever their disability), or DV witnessed by
/// a child (面前DV) → 児童虐待防止法第6条.
pub const R_ROUTE_ALERT_CHILD_ABUSE: Rule = Rule {
    id: "R-ROUTE-ALERT-CHILD-ABUSE",
    source: Some(&articles::SRC_CHILD_ABUSE_6),
    ja: "18歳未満の子への虐待（子どもの前でのDVを含む）の疑いがあります。障害の有無にかかわらず、児童虐待防止法第6条により速やかに市町村・福祉事務所・児童相談所に通告する義務があります（児童福祉法第25条も同じ。守秘義務は妨げになりません）",
    en: "suspected abuse of a child under 18 (including DV in front of a child): whatever the child's disability, the Child Abuse Prevention Act art. 6 makes it a duty to notify the municipality, welfare office or child guidance centre promptly (as does the Child Welfare Act art. 25; confidentiality does not bar it)",
};

/// Elder abuse of a person aged 65 or over → 高齢者虐待防止法第7条.
pub const R_ROUTE_ALERT_ELDER_ABUSE: Rule = Rule {
    id: "R-ROUTE-ALERT-ELDER-ABUSE",
    source: Some(&articles::SRC_ELDER_ABUSE_7),
    ja: "65歳以上の人への養護者による虐待の疑いがあります。高齢者虐待防止法第7条により市町村（地域包括支援センター）に通報します。生命・身体に重大な危険があれば義務（第1項）、それ以外は努力義務（第2項）です",
    en: "suspected abuse of a person aged 65+ by a carer: report to the municipality (its community general support centre) under the Elder Abuse Prevention Act art. 7 — a duty where life or body is in serious danger (para. 1), otherwise an effort (para. 2)",
};

/// Abuse of an adult with a disability → 障害者虐待防止法 (第7条 / 第16条 / 第22条 by who abuses).
pub const R_ROUTE_ALERT_DISABILITY_ABUSE: Rule = Rule {
    id: "R-ROUTE-ALERT-DISABILITY-ABUSE",
    source: Some(&articles::SRC_DISABILITY_ABUSE_ANY),
    ja: "18歳以上の障害者への虐待の疑いがあります。障害者虐待防止法により通報する義務があります：養護者によるものは第7条（市町村）、障害者福祉施設従事者等によるものは第16条（市町村）、使用者によるものは第22条（市町村又は都道府県）",
    en: "suspected abuse of an adult with a disability: the Disability Abuse Prevention Act makes reporting a duty — by a carer art. 7 (municipality), by facility staff art. 16 (municipality), by an employer art. 22 (municipality or prefecture)",
};

/// DV → DV防止法第6条 (an effort, physical violence, the victim's will).
pub const R_ROUTE_ALERT_DV: Rule = Rule {
    id: "R-ROUTE-ALERT-DV",
    source: Some(&articles::SRC_DV_6),
    ja: "配偶者等からの暴力（DV）の疑いがあります。身体に対する暴力を受けている人を発見した者は配偶者暴力相談支援センター又は警察官に通報するよう努めます（第6条第1項・努力義務）。医師その他の医療関係者は通報できますが、本人の意思を尊重するよう努めます（第2項）。本人の安全と意思を確かめて進めます",
    en: "suspected domestic violence: whoever finds a person suffering physical violence should endeavour to report it to a spousal violence counselling centre or the police (art. 6 para. 1, an effort duty); medical staff may report, respecting the victim's will (para. 2). Proceed with the person's safety and wishes in view",
};

/// An abuse issue whose statute depends on an age or fact the record does not give.
pub const R_ROUTE_ALERT_STATUTE_UNCLEAR: Rule = Rule {
    id: "R-ROUTE-ALERT-STATUTE-UNCLEAR",
    source: None,
    ja: "虐待の疑いがありますが、適用される法律を決める事実（年齢など）が記録にありません。18歳未満なら児童虐待防止法第6条（通告義務）、18歳以上の障害者なら障害者虐待防止法、65歳以上なら高齢者虐待防止法第7条です。年齢を確認してください",
    en: "suspected abuse, but the record lacks the fact (such as the age) that decides which statute applies: under 18 the Child Abuse Prevention Act art. 6 (a duty), an adult with a disability the Disability Abuse Prevention Act, 65+ the Elder Abuse Prevention Act art. 7. Check the age",
};

/// What the law asks of the person who finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Obligation {
    /// 義務: must report / notify
    Duty,
    /// 努力義務: should endeavour to report
    Effort,
    /// 生命・身体に重大な危険があれば義務、それ以外は努力義務 (高齢者虐待防止法第7条)
    DutyIfSeriousElseEffort,
    /// 確認: check a fact first; if it holds, a duty follows
    CheckThenDuty,
    /// The statute depends on a fact not recorded
    NotAssessable,
}

/// Where a report goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportTo {
    /// 市町村
    Municipality,
    /// 都道府県
    Prefecture,
    /// 都道府県の設置する福祉事務所
    WelfareOffice,
    /// 児童相談所
    ChildGuidanceCentre,
    /// 配偶者暴力相談支援センター
    DvCentre,
    /// 警察官
    Police,
}

/// An alert: which law's procedure comes first, for whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct StatutoryAlert {
    /// The rule that fired.
    pub rule: &'static str,
    /// The law whose procedure comes first (`児童虐待防止法`).
    pub law: &'static str,
    /// The article (`児童虐待防止法第6条第1項`).
    pub citation: &'static str,
    /// Whether the article was checked against a statute text (「条番号未確認」 when false).
    pub verified: bool,
    /// Duty, effort, duty if serious, check-then-duty, or not assessable.
    pub obligation: Obligation,
    /// To whom the report goes.
    pub report_to: Vec<ReportTo>,
    /// The member concerned.
    pub member: String,
    /// Japanese text.
    #[serde(serialize_with = "crate::rule::json_text::text")]
    pub message_ja: Cow<'static, str>,
    /// English text.
    #[serde(serialize_with = "crate::rule::json_text::text")]
    pub message_en: Cow<'static, str>,
}

struct Spec {
    rule: Rule,
    law: &'static str,
    /// The article, from the source registry (its citation and verified flag are printed).
    source: &'static Source,
    obligation: Obligation,
    report_to: &'static [ReportTo],
}

use ReportTo::*;
const CHILD_RECIPIENTS: &[ReportTo] = &[Municipality, WelfareOffice, ChildGuidanceCentre];

const CHILD_PROTECTION: Spec = Spec {
    rule: R_ROUTE_ALERT_CHILD_PROTECTION,
    law: "児童福祉法",
    source: &articles::SRC_CHILD_WELFARE_25,
    obligation: Obligation::CheckThenDuty,
    report_to: CHILD_RECIPIENTS,
};
const CHILD_ABUSE: Spec = Spec {
    rule: R_ROUTE_ALERT_CHILD_ABUSE,
    law: "児童虐待防止法",
    source: &articles::SRC_CHILD_ABUSE_6,
    obligation: Obligation::Duty,
    report_to: CHILD_RECIPIENTS,
};
const ELDER_ABUSE: Spec = Spec {
    rule: R_ROUTE_ALERT_ELDER_ABUSE,
    law: "高齢者虐待防止法",
    source: &articles::SRC_ELDER_ABUSE_7,
    obligation: Obligation::DutyIfSeriousElseEffort,
    report_to: &[Municipality],
};
const ELDER_ABUSE_FACILITY: Spec = Spec {
    rule: R_ROUTE_ALERT_ELDER_ABUSE,
    law: "高齢者虐待防止法",
    source: &articles::SRC_ELDER_ABUSE_21,
    obligation: Obligation::DutyIfSeriousElseEffort,
    report_to: &[Municipality],
};
const DISABILITY_BY_CAREGIVER: Spec = Spec {
    rule: R_ROUTE_ALERT_DISABILITY_ABUSE,
    law: "障害者虐待防止法",
    source: &articles::SRC_DISABILITY_ABUSE_7,
    obligation: Obligation::Duty,
    report_to: &[Municipality],
};
const DISABILITY_BY_STAFF: Spec = Spec {
    rule: R_ROUTE_ALERT_DISABILITY_ABUSE,
    law: "障害者虐待防止法",
    source: &articles::SRC_DISABILITY_ABUSE_16,
    obligation: Obligation::Duty,
    report_to: &[Municipality],
};
const DISABILITY_BY_EMPLOYER: Spec = Spec {
    rule: R_ROUTE_ALERT_DISABILITY_ABUSE,
    law: "障害者虐待防止法",
    source: &articles::SRC_DISABILITY_ABUSE_22,
    obligation: Obligation::Duty,
    report_to: &[Municipality, Prefecture],
};
const DISABILITY_BY_UNSTATED: Spec = Spec {
    rule: R_ROUTE_ALERT_DISABILITY_ABUSE,
    law: "障害者虐待防止法",
    source: &articles::SRC_DISABILITY_ABUSE_ANY,
    obligation: Obligation::Duty,
    report_to: &[Municipality, Prefecture],
};
const DV: Spec = Spec {
    rule: R_ROUTE_ALERT_DV,
    law: "DV防止法",
    source: &articles::SRC_DV_6,
    obligation: Obligation::Effort,
    report_to: &[DvCentre, Police],
};
const UNCLEAR: Spec = Spec {
    rule: R_ROUTE_ALERT_STATUTE_UNCLEAR,
    law: "児童虐待防止法・障害者虐待防止法・高齢者虐待防止法",
    source: &articles::SRC_ABUSE_ANY,
    obligation: Obligation::NotAssessable,
    report_to: &[Municipality],
};

fn alert(spec: &Spec, member: &str) -> StatutoryAlert {
    StatutoryAlert {
        rule: spec.rule.id,
        law: spec.law,
        citation: spec.source.citation,
        verified: spec.source.verified,
        obligation: spec.obligation,
        report_to: spec.report_to.to_vec(),
        member: member.to_owned(),
        message_ja: Cow::Borrowed(spec.rule.ja),
        message_en: Cow::Borrowed(spec.rule.en),
    }
}

const ALERTING: u32 = bit(Issue::ChildAbuse)
    | bit(Issue::DomesticViolence)
    | bit(Issue::ElderAbuse)
    | bit(Issue::DisabilityAbuse)
    | bit(Issue::SelfNeglect)
    | bit(Issue::Hoarding);

/// The alerts for a household, member by member (child protection first, as before).
pub(crate) fn alerts(h: &Household<'_>) -> Vec<StatutoryAlert> {
    let mut out = Vec::new();
    if h.issue_mask & ALERTING == 0 {
        return out;
    }
    let neglect = h.issue_mask & (bit(Issue::SelfNeglect) | bit(Issue::Hoarding)) != 0;
    let dv = h.issue_mask & bit(Issue::DomesticViolence) != 0;
    // A child whose age may be under 18 is checked, not presumed (the alert says "check").
    if neglect {
        for (i, m) in h.members.iter().enumerate() {
            if h.range(i).under(CHILD_UNDER) != Some(false) {
                out.push(alert(&CHILD_PROTECTION, &m.id));
            }
        }
    }
    for (i, m) in h.members.iter().enumerate() {
        let r = h.range(i);
        let child = r.under(CHILD_UNDER);
        let mut child_abuse = false;
        let mut unclear = false;
        for e in h.entries(i) {
            match e.issue() {
                Issue::ChildAbuse => child_abuse = true,
                // Abuse of a person under 18 is child abuse whatever their disability
                // (障害者虐待防止法第7条 excludes 18歳未満).
                Issue::DisabilityAbuse => match child {
                    Some(true) => child_abuse = true,
                    Some(false) => out.push(alert(
                        match e.by() {
                            Some(Perpetrator::Caregiver) => &DISABILITY_BY_CAREGIVER,
                            Some(Perpetrator::FacilityStaff) => &DISABILITY_BY_STAFF,
                            Some(Perpetrator::Employer) => &DISABILITY_BY_EMPLOYER,
                            Some(Perpetrator::Spouse) | None => &DISABILITY_BY_UNSTATED,
                        },
                        &m.id,
                    )),
                    None => unclear = true,
                },
                Issue::ElderAbuse => match (child, r.at_least(ELDERLY_FROM)) {
                    (Some(true), _) => child_abuse = true,
                    (_, Some(true)) => out.push(alert(
                        if e.by() == Some(Perpetrator::FacilityStaff) {
                            &ELDER_ABUSE_FACILITY
                        } else {
                            &ELDER_ABUSE
                        },
                        &m.id,
                    )),
                    // Under 65 (or unknown): 高齢者虐待防止法 does not reach; another statute may.
                    _ => unclear = true,
                },
                _ => {}
            }
        }
        // 面前DV is psychological abuse of the child (児童虐待防止法第2条第4号).
        if dv && child == Some(true) {
            child_abuse = true;
        }
        if child_abuse {
            out.push(alert(&CHILD_ABUSE, &m.id));
        }
        if unclear {
            out.push(alert(&UNCLEAR, &m.id));
        }
        if h.entries(i)
            .iter()
            .any(|e| e.issue() == Issue::DomesticViolence)
        {
            out.push(alert(&DV, &m.id));
        }
    }
    out
}
