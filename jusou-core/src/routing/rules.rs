//! The routing rules, each defined once with its stable id, citation and standing message.

use crate::rule::Rule;

const ITEM1: &str = "社会福祉法第106条の4第2項第1号";
const ITEM2: &str = "社会福祉法第106条の4第2項第2号";
const ITEM4: &str = "社会福祉法第106条の4第2項第4号";
const ITEM5: &str = "社会福祉法第106条の4第2項第5号";

/// Issues of several fields (高齢・障害・子ども・生活困窮) in one household → 多機関協働.
pub const R_ROUTE_MULTI_FIELD: Rule = Rule {
    id: "R-ROUTE-MULTI-FIELD",
    citation: Some(ITEM5),
    ja: "一つの世帯に複数の分野にまたがる課題があります（複雑化・複合化）。多機関協働につなぎます",
    en: "the household's issues span several fields (complex, compound needs): pass to multi-agency collaboration",
};

/// Several members with their own issues → 多機関協働.
pub const R_ROUTE_MULTI_MEMBER: Rule = Rule {
    id: "R-ROUTE-MULTI-MEMBER",
    citation: Some(ITEM5),
    ja: "世帯の複数の人がそれぞれ課題を抱えています。多機関協働につなぎます",
    en: "several household members have issues of their own: pass to multi-agency collaboration",
};

/// The 8050 pattern recognised from the household → 多機関協働.
pub const R_ROUTE_8050: Rule = Rule {
    id: "R-ROUTE-8050",
    citation: Some(ITEM5),
    ja: "8050世帯です（75歳以上の親と、ひきこもり・孤立・就労困難などを抱える40〜64歳の子）。多機関協働につなぎます",
    en: "an 8050 household (a parent aged 75+ and a child aged 40–64 who is withdrawn, isolated or out of work): pass to multi-agency collaboration",
};

/// Double care recognised from the household (or recorded) → 多機関協働.
pub const R_ROUTE_DOUBLE_CARE: Rule = Rule {
    id: "R-ROUTE-DOUBLE-CARE",
    citation: Some(ITEM5),
    ja: "ダブルケアです（介護が必要な65歳以上の親世代と18歳未満の子を同時に世話する人がいます）。多機関協働につなぎます",
    en: "double care (one person cares for a parent-generation member aged 65+ needing care and a child under 18): pass to multi-agency collaboration",
};

/// A young carer recognised from the household (or recorded) → 多機関協働.
pub const R_ROUTE_YOUNG_CARER: Rule = Rule {
    id: "R-ROUTE-YOUNG-CARER",
    citation: Some(ITEM5),
    ja: "ヤングケアラーの可能性があります（18歳未満の子が、ケアを要する家族を支える世帯）。多機関協働につなぎます",
    en: "a possible young carer (a child under 18 in a household whose adults need care themselves): pass to multi-agency collaboration",
};

/// 制度の狭間 → 多機関協働.
pub const R_ROUTE_BETWEEN_SYSTEMS: Rule = Rule {
    id: "R-ROUTE-BETWEEN-SYSTEMS",
    citation: Some(ITEM5),
    ja: "既存の制度では解決できない課題（制度の狭間）があります。多機関協働につなぎます",
    en: "the need falls between systems: no existing program resolves it; pass to multi-agency collaboration",
};

/// 支援の硬直化 → 多機関協働.
pub const R_ROUTE_RIGID: Rule = Rule {
    id: "R-ROUTE-RIGID",
    citation: Some(ITEM5),
    ja: "支援が硬直化しており、課題と支援方針の再整理（解きほぐし）が必要です。多機関協働につなぎます",
    en: "support has become rigid and issues and direction need re-sorting: pass to multi-agency collaboration",
};

/// The worker finds no single agency can resolve it → 多機関協働.
pub const R_ROUTE_NOT_ONE_AGENCY: Rule = Rule {
    id: "R-ROUTE-NOT-ONE-AGENCY",
    citation: Some(ITEM5),
    ja: "受付機関の見立てでは一つの機関では解決できません。多機関協働につなぎます",
    en: "the receiving worker finds no single agency can resolve it: pass to multi-agency collaboration",
};

/// One agency can resolve it and nothing calls for 多機関協働 → stays with the lead window.
pub const R_ROUTE_STAYS: Rule = Rule {
    id: "R-ROUTE-STAYS",
    citation: Some(ITEM1),
    ja: "一つの機関で解決できる相談です。包括的相談支援の窓口が主担当として支援します（通常の連携で足ります）",
    en: "one agency can resolve it: the comprehensive consultation window leads, with ordinary cooperation",
};

/// The worker found one agency could resolve it, but a rule above calls for 多機関協働.
pub const R_ROUTE_ONE_AGENCY_OVERRIDDEN: Rule = Rule {
    id: "R-ROUTE-ONE-AGENCY-OVERRIDDEN",
    citation: Some(ITEM5),
    ja: "受付機関は一つの機関で解決できると見立てましたが、上の理由から多機関協働での確認を勧めます（判断は担当者が行います）",
    en: "the receiving worker found one agency could resolve it, but the reasons above suggest multi-agency review (the worker decides)",
};

/// No contact yet → アウトリーチ等.
pub const R_ROUTE_OUTREACH_NO_CONTACT: Rule = Rule {
    id: "R-ROUTE-OUTREACH-NO-CONTACT",
    citation: Some(ITEM4),
    ja: "本人（または支援が必要な世帯員）とまだ会えていません。アウトリーチ等を通じた継続的支援の対象です（多機関協働・本人同意の前から始められます）",
    en: "no contact yet with the person (or the household member who needs support): continuous support through outreach applies (it may begin before multi-agency collaboration and before consent)",
};

/// Refusal → アウトリーチ等.
pub const R_ROUTE_OUTREACH_REFUSAL: Rule = Rule {
    id: "R-ROUTE-OUTREACH-REFUSAL",
    citation: Some(ITEM4),
    ja: "本人が支援を拒んでいます。アウトリーチ等で関係づくりから始めます（本人同意の前から始められます）",
    en: "the person refuses support: outreach starts by building a relationship (it may begin before consent)",
};

/// Long withdrawal → アウトリーチ等.
pub const R_ROUTE_OUTREACH_WITHDRAWAL: Rule = Rule {
    id: "R-ROUTE-OUTREACH-WITHDRAWAL",
    citation: Some(ITEM4),
    ja:
        "長期のひきこもり状態にあり、自ら支援につながることが難しい人です。アウトリーチ等の対象です",
    en: "long-term withdrawal: the person can hardly reach support on their own; outreach applies",
};

/// Participation need no existing program meets → 参加支援 candidate.
pub const R_ROUTE_PARTICIPATION: Rule = Rule {
    id: "R-ROUTE-PARTICIPATION",
    citation: Some(ITEM2),
    ja: "既存の制度では満たせない社会参加のニーズがあります。参加支援の候補です（利用は重層的支援会議で決めます）",
    en: "a participation need no existing program meets: a candidate for participation support (its use is decided at the multi-layered support meeting)",
};

/// First meeting: 支援会議 (no consent covering sharing on the day).
pub const R_ROUTE_FIRST_SUPPORT_MEETING: Rule = Rule {
    id: "R-ROUTE-FIRST-SUPPORT-MEETING",
    citation: Some("社会福祉法第106条の6"),
    ja: "本人の情報共有の同意がないため、最初の会議は支援会議です（構成員に守秘義務があり、同意なしで情報共有できます）",
    en: "no consent to share the subject's information on the day: the first meeting is the support meeting (its members are bound to secrecy, so it may share without consent)",
};

/// First meeting: 重層的支援会議 (a consent covers sharing on the day).
pub const R_ROUTE_FIRST_JUSOU_MEETING: Rule = Rule {
    id: "R-ROUTE-FIRST-JUSOU-MEETING",
    citation: Some(ITEM5),
    ja: "本人の情報共有の同意が有効なため、最初の会議は重層的支援会議です（同意の範囲内で共有します）",
    en: "a valid consent covers sharing the subject's information: the first meeting is the multi-layered support meeting (share within the consent's scope)",
};

/// Every fixed rule of routing, for catalogues and tests.
pub const ALL: &[Rule] = &[
    super::alerts::R_ROUTE_ALERT_CHILD_PROTECTION,
    super::alerts::R_ROUTE_ALERT_CHILD_ABUSE,
    super::alerts::R_ROUTE_ALERT_ELDER_ABUSE,
    super::alerts::R_ROUTE_ALERT_DISABILITY_ABUSE,
    super::alerts::R_ROUTE_ALERT_DV,
    R_ROUTE_MULTI_FIELD,
    R_ROUTE_MULTI_MEMBER,
    R_ROUTE_8050,
    R_ROUTE_DOUBLE_CARE,
    R_ROUTE_YOUNG_CARER,
    R_ROUTE_BETWEEN_SYSTEMS,
    R_ROUTE_RIGID,
    R_ROUTE_NOT_ONE_AGENCY,
    R_ROUTE_STAYS,
    R_ROUTE_ONE_AGENCY_OVERRIDDEN,
    R_ROUTE_OUTREACH_NO_CONTACT,
    R_ROUTE_OUTREACH_REFUSAL,
    R_ROUTE_OUTREACH_WITHDRAWAL,
    R_ROUTE_PARTICIPATION,
    R_ROUTE_FIRST_SUPPORT_MEETING,
    R_ROUTE_FIRST_JUSOU_MEETING,
];
