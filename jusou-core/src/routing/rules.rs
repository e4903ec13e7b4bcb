//! The routing rules, each defined once with its stable id, citation, the message when it fires
//! and the message when it does not (its "why not"), so a decision and its explanation come from
//! the same rule and cannot drift apart.

use crate::law::articles;
use crate::rule::{Rule, Source};

const ITEM1: &Source = &articles::SRC_ITEM1;
const ITEM2: &Source = &articles::SRC_ITEM2;
const ITEM4: &Source = &articles::SRC_ITEM4;
const ITEM5: &Source = &articles::SRC_ITEM5;
/// 子ども・若者育成支援推進法 as amended in 2024 (passed 2024-06-05): ヤングケアラー are 「家族の介護
/// その他の日常生活上の世話を過度に行っていると認められる子ども・若者」. The wording is confirmed by
/// several reports; that it sits in 第2条第7号 was seen only in a secondary source, so the article
/// number is printed as unverified.
const YOUNG_CARER_ACT: &Source = &articles::SRC_YOUNG_CARER;

/// A routing rule: the library's [`Rule`] (id, citation, message when it fires) and the message
/// when it does not fire, for `why_not` (`None` for rules that never explain a negative answer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteRule {
    /// Id, citation and the message when it fires.
    pub rule: Rule,
    /// Why it did not fire (Japanese): what was missing or would change the answer.
    pub not_ja: Option<&'static str>,
    /// Why it did not fire (English).
    pub not_en: Option<&'static str>,
}

macro_rules! route_rule {
    ($(#[$doc:meta])* $name:ident, $id:literal, $cite:expr, $ja:expr, $en:expr, $nja:expr, $nen:expr) => {
        $(#[$doc])*
        pub const $name: RouteRule = RouteRule {
            rule: Rule { id: $id, source: $cite, ja: $ja, en: $en },
            not_ja: $nja,
            not_en: $nen,
        };
    };
}

// ---- signals of 複雑化・複合化 (reported as signals; they do not decide by themselves) ----

route_rule!(
    /// Issues of several fields (高齢・障害・子ども・生活困窮) in one household.
    R_ROUTE_MULTI_FIELD, "R-ROUTE-MULTI-FIELD", Some(ITEM5),
    "一つの世帯に複数の分野にまたがる課題があります（複雑化・複合化のサイン）",
    "the household's issues span several fields (a sign of complex, compound needs)",
    Some("世帯の課題は一つの分野（またはどの分野にも属さない課題）だけです。複数の分野にまたがれば複雑化・複合化のサインになります"),
    Some("the household's issues lie in one field (or none): issues in several fields would be a sign of complex needs")
);

route_rule!(
    /// Several members with their own issues.
    R_ROUTE_MULTI_MEMBER, "R-ROUTE-MULTI-MEMBER", Some(ITEM5),
    "世帯の複数の人がそれぞれ課題を抱えています（複雑化・複合化のサイン）",
    "several household members have issues of their own (a sign of complex needs)",
    Some("課題が記録された世帯員は一人以下です。他の世帯員の課題が分かれば見直します"),
    Some("at most one member has recorded issues: issues of another member would change this")
);

route_rule!(
    /// The 8050 pattern recognised from the household.
    R_ROUTE_8050, "R-ROUTE-8050", Some(ITEM5),
    "8050世帯です（75歳以上の親と、ひきこもり・孤立・就労困難などを抱える40〜64歳の子）",
    "an 8050 household (a parent aged 75+ and a child aged 40–64 who is withdrawn, isolated or out of work)",
    Some("8050世帯の組合せ（75歳以上の親と、ひきこもり・孤立・就労困難などを抱える一世代下の40〜64歳）が記録にありません"),
    Some("no 8050 pair in the record (a parent aged 75+ and, one generation below, a member aged 40–64 who is withdrawn, isolated or out of work)")
);

route_rule!(
    /// Double care recognised from the household (or recorded).
    R_ROUTE_DOUBLE_CARE, "R-ROUTE-DOUBLE-CARE", Some(ITEM5),
    "ダブルケアです（介護が必要な65歳以上の親世代と18歳未満の子を同時に世話する人がいます）",
    "double care (one person cares for a parent-generation member aged 65+ needing care and a child under 18)",
    Some("ダブルケアの組合せ（一世代上に介護・認知症のある65歳以上、一世代下に18歳未満の子がいる18歳以上の人）も、課題「ダブルケア」の記録もありません"),
    Some("no double-care triple (an adult with a 65+ member needing care one generation above and a child under 18 one below) and no recorded 'double_care'")
);

route_rule!(
    /// A young carer (子ども・若者, 2024 amendment) recognised from the household (or recorded).
    R_ROUTE_YOUNG_CARER, "R-ROUTE-YOUNG-CARER", Some(YOUNG_CARER_ACT),
    "ヤングケアラーの可能性があります（ケアを要する家族と暮らし、ほかに世話をできる大人がいない40歳未満の子ども・若者）。過度な世話かどうかは担当者が確かめます",
    "a possible young carer (a child or young adult under 40 living with a family member who needs care, with no other adult free to care); whether the care is excessive is for the worker to confirm",
    Some("ケアを要する家族と暮らす40歳未満の子ども・若者で、ほかに世話をできる大人がいない人は記録にありません（課題「ヤングケアラー」の記録もありません）"),
    Some("no child or young adult under 40 living with a family member who needs care and no other adult free to care (and no recorded 'young_carer')")
);

route_rule!(
    /// 制度の狭間 (stated by the worker).
    R_ROUTE_BETWEEN_SYSTEMS, "R-ROUTE-BETWEEN-SYSTEMS", Some(ITEM5),
    "既存の制度では解決できない課題（制度の狭間）があると見立てられています",
    "the worker finds the need falls between systems: no existing program resolves it",
    Some("制度の狭間にある課題だという見立て（findings.between_systems）"),
    Some("a finding that the need falls between systems (findings.between_systems)")
);

route_rule!(
    /// 支援の硬直化 (stated by the worker).
    R_ROUTE_RIGID, "R-ROUTE-RIGID", Some(ITEM5),
    "支援が硬直化しており、課題と支援方針の再整理（解きほぐし）が必要だと見立てられています",
    "the worker finds support has become rigid and issues and direction need re-sorting",
    Some("支援が硬直化しているという見立て（findings.rigid_support）"),
    Some("a finding that support has become rigid (findings.rigid_support)")
);

// ---- the decision on 多機関協働: the worker's 見立て ----

route_rule!(
    /// The worker finds no single agency can resolve it → 多機関協働.
    R_ROUTE_NOT_ONE_AGENCY, "R-ROUTE-NOT-ONE-AGENCY", Some(ITEM5),
    "受付機関の見立てでは、単独の支援関係機関では対応が難しい事例です。多機関協働につなぎます",
    "the receiving worker finds no single agency can respond: pass to multi-agency collaboration",
    Some("受付機関は単独の機関で対応できると見立てています（findings.one_agency_can_resolve: true）。見立てが変われば多機関協働につなぎます"),
    Some("the receiving worker found one agency can resolve it (findings.one_agency_can_resolve: true); a changed assessment would pass it to multi-agency collaboration")
);

/// Why-not / pending text of R-ROUTE-NOT-ONE-AGENCY when the worker has not assessed it.
pub const PENDING_ASSESSMENT_JA: &str = "単独の支援関係機関では対応が難しいかを担当者がまだ見立てていません（findings.one_agency_can_resolve が未記録）。多機関協働につなぐかはその見立て次第です。見立てるまで会議は勧めません";
/// English of [`PENDING_ASSESSMENT_JA`].
pub const PENDING_ASSESSMENT_EN: &str = "the worker has not assessed whether one agency can resolve it (findings.one_agency_can_resolve not recorded): whether it goes to multi-agency collaboration waits on that assessment, and no meeting is recommended until then";

route_rule!(
    /// One agency can resolve it (stated) → stays with the lead window.
    R_ROUTE_STAYS, "R-ROUTE-STAYS", Some(ITEM1),
    "受付機関の見立てでは一つの機関で対応できる相談です。包括的相談支援の窓口が主担当として支援します（通常の連携で足ります）",
    "the receiving worker finds one agency can resolve it: the comprehensive consultation window leads, with ordinary cooperation",
    None, None
);

route_rule!(
    /// The worker found one agency can resolve it while signals point the other way.
    R_ROUTE_SIGNALS_REVIEW, "R-ROUTE-SIGNALS-REVIEW", Some(ITEM5),
    "受付機関は一つの機関で対応できると見立てましたが、複雑化・複合化のサイン（signals）があります。見立ての確認を勧めます（判断は担当者が行います）",
    "the receiving worker found one agency can resolve it, but there are signs of complex needs (signals): a second look is suggested (the worker decides)",
    None, None
);

// ---- アウトリーチ等 (第4号) ----

route_rule!(
    /// No contact yet → アウトリーチ等.
    R_ROUTE_OUTREACH_NO_CONTACT, "R-ROUTE-OUTREACH-NO-CONTACT", Some(ITEM4),
    "本人（または支援が必要な世帯員）とまだ会えていません。アウトリーチ等を通じた継続的支援の対象です（多機関協働・本人同意の前から始められます）",
    "no contact yet with the person (or the household member who needs support): continuous support through outreach applies (it may begin before multi-agency collaboration and before consent)",
    Some("本人と会えていないこと（findings.no_contact）"),
    Some("no contact with the person (findings.no_contact)")
);

route_rule!(
    /// Refusal of all support → アウトリーチ等.
    R_ROUTE_OUTREACH_REFUSAL, "R-ROUTE-OUTREACH-REFUSAL", Some(ITEM4),
    "本人が支援そのものを拒んでいます。アウトリーチ等で関係づくりから始めます（本人同意の前から始められます）",
    "the person refuses support altogether: outreach starts by building a relationship (it may begin before consent)",
    Some("支援そのものの拒否（findings.refuses_support）"),
    Some("a refusal of all support (findings.refuses_support)")
);

route_rule!(
    /// No recognition of a need for support → アウトリーチ等.
    R_ROUTE_OUTREACH_NO_INSIGHT, "R-ROUTE-OUTREACH-NO-INSIGHT", Some(ITEM4),
    "本人が支援の必要性を認識していません（拒否ではありません）。アウトリーチ等で気づきと関係づくりから始めます",
    "the person does not recognise a need for support (not a refusal): outreach starts with awareness and a relationship",
    Some("支援の必要性を認識していないこと（findings.lacks_insight）"),
    Some("that the person does not recognise a need for support (findings.lacks_insight)")
);

route_rule!(
    /// Withdrawal years recorded → アウトリーチ等.
    R_ROUTE_OUTREACH_WITHDRAWAL, "R-ROUTE-OUTREACH-WITHDRAWAL", Some(ITEM4),
    "長期のひきこもり状態にあり、自ら支援につながることが難しい人です。アウトリーチ等の対象です",
    "long-term withdrawal: the person can hardly reach support on their own; outreach applies",
    Some("ひきこもりの年数（findings.withdrawal_years）"),
    Some("years of withdrawal (findings.withdrawal_years)")
);

route_rule!(
    /// ひきこもり, セルフネグレクト or 社会的孤立 recorded → アウトリーチ等 suggested.
    R_ROUTE_OUTREACH_ISSUE, "R-ROUTE-OUTREACH-ISSUE", Some(ITEM4),
    "ひきこもり・セルフネグレクト・社会的孤立が記録されています。自ら支援につながりにくい人で、アウトリーチ等が考えられます",
    "withdrawal, self-neglect or social isolation is recorded: a person who can hardly reach support alone; outreach is suggested",
    Some("課題「ひきこもり」「セルフネグレクト」「社会的孤立」（疑いを含む）の記録がありません"),
    Some("no 'hikikomori', 'self_neglect' or 'isolation' is recorded (a suspected one would count)")
);

// ---- 参加支援 (第2号) ----

route_rule!(
    /// Participation need no existing program meets → 参加支援 candidate.
    R_ROUTE_PARTICIPATION, "R-ROUTE-PARTICIPATION", Some(ITEM2),
    "既存の制度では満たせない社会参加のニーズがあります。参加支援の候補です（利用は重層的支援会議で決めます）",
    "a participation need no existing program meets: a candidate for participation support (its use is decided at the multi-layered support meeting)",
    Some("既存の制度では満たせない社会参加のニーズ（findings.participation_need_unmet）"),
    Some("a participation need no existing program meets (findings.participation_need_unmet)")
);

// ---- the first meeting ----

route_rule!(
    /// First meeting: 支援会議 (not every central member's consent is in force).
    R_ROUTE_FIRST_SUPPORT_MEETING, "R-ROUTE-FIRST-SUPPORT-MEETING", Some(&articles::SRC_SUPPORT_MEETING_ARTICLE),
    "情報が中心となる世帯員全員の同意がそろっていないため、最初の会議は支援会議です（構成員に守秘義務があり、同意なしで情報共有できます）",
    "not every member whose information is central has a consent in force: the first meeting is the support meeting (its members are bound to secrecy, so it may share without consent)",
    Some("会議を勧める根拠（記録された見立てによる多機関協働・アウトリーチ等・参加支援）がありません。窓口で対応するか、見立てを記録してください"),
    Some("no stated basis for a meeting (multi-agency collaboration on a recorded assessment, outreach or participation support): the window handles it, or record the assessment")
);

route_rule!(
    /// First meeting: 重層的支援会議 (多機関協働, and every central member's consent in force).
    R_ROUTE_FIRST_JUSOU_MEETING, "R-ROUTE-FIRST-JUSOU-MEETING", Some(&articles::SRC_GUIDANCE),
    "多機関協働の事例で、情報が中心となる世帯員（課題のある全員と本人）の同意が有効なため、最初の会議は重層的支援会議です（同意の範囲内で共有します）",
    "a multi-agency case, and a consent is in force for every member whose information is central (the subject and everyone with issues): the first meeting is the multi-layered support meeting (share within the consents' scope)",
    Some("重層的支援会議には、多機関協働の事例であることと、情報が中心となる世帯員全員（本人と課題のある全員）の同意が要ります"),
    Some("the multi-layered support meeting needs a multi-agency case and a consent in force for every member whose information is central (the subject and everyone with issues)")
);

// ---- information ----

route_rule!(
    /// Refusal of one service, not of all support.
    R_ROUTE_REFUSES_SERVICE, "R-ROUTE-REFUSES-SERVICE", None,
    "特定のサービスを拒んでいますが、支援そのものの拒否ではありません。ほかの支援は進められます",
    "the person refuses a particular service, which is not refusing all support: other support can go ahead",
    None, None
);

/// Every fixed rule of routing, for catalogues and tests (alerts included).
pub const ALL: &[RouteRule] = &[
    alert(super::alerts::R_ROUTE_ALERT_CHILD_PROTECTION),
    alert(super::alerts::R_ROUTE_ALERT_CHILD_ABUSE),
    alert(super::alerts::R_ROUTE_ALERT_ELDER_ABUSE),
    alert(super::alerts::R_ROUTE_ALERT_DISABILITY_ABUSE),
    alert(super::alerts::R_ROUTE_ALERT_DV),
    alert(super::alerts::R_ROUTE_ALERT_STATUTE_UNCLEAR),
    R_ROUTE_MULTI_FIELD,
    R_ROUTE_MULTI_MEMBER,
    R_ROUTE_8050,
    R_ROUTE_DOUBLE_CARE,
    R_ROUTE_YOUNG_CARER,
    R_ROUTE_BETWEEN_SYSTEMS,
    R_ROUTE_RIGID,
    R_ROUTE_NOT_ONE_AGENCY,
    R_ROUTE_STAYS,
    R_ROUTE_SIGNALS_REVIEW,
    R_ROUTE_OUTREACH_NO_CONTACT,
    R_ROUTE_OUTREACH_REFUSAL,
    R_ROUTE_OUTREACH_NO_INSIGHT,
    R_ROUTE_OUTREACH_WITHDRAWAL,
    R_ROUTE_OUTREACH_ISSUE,
    R_ROUTE_PARTICIPATION,
    R_ROUTE_FIRST_SUPPORT_MEETING,
    R_ROUTE_FIRST_JUSOU_MEETING,
    R_ROUTE_REFUSES_SERVICE,
];

/// Retired rule ids, never reused: `R-ROUTE-ONE-AGENCY-OVERRIDDEN` (issue #16: a stated
/// assessment is no longer overridden by signals; R-ROUTE-SIGNALS-REVIEW reports them instead).
pub const RETIRED: &[&str] = &["R-ROUTE-ONE-AGENCY-OVERRIDDEN"];

const fn alert(rule: Rule) -> RouteRule {
    RouteRule {
        rule,
        not_ja: None,
        not_en: None,
    }
}
