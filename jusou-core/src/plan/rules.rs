//! The rules of the plan lifecycle (`R-PLAN-…`), each defined once.

use crate::law::articles::{self, PrivacyBasis};
use crate::rule::{Rule, Source};

/// The national guidance (実施要綱, 自治体事務マニュアル).
const GUIDANCE: &Source = &articles::SRC_GUIDANCE;
/// 第6号: a 支援プラン states at least 「支援の種類及び内容」.
const PLAN: &Source = &articles::SRC_ITEM6;
/// The order of a case and what a plan form holds: the national manual, not the statute (the
/// ministerial ordinance listing a plan's contents is not verified).
const MULTI_AGENCY: &Source = GUIDANCE;
const OUTREACH: &Source = GUIDANCE;
const PARTICIPATION: &Source = GUIDANCE;
const PRIVACY: &Source = PrivacyBasis::Consent.source();

/// Events are recorded in date order.
pub const R_PLAN_ORDER: Rule = Rule {
    id: "R-PLAN-ORDER",
    source: None,
    ja: "出来事は日付の順に記録します",
    en: "events are recorded in date order",
};

/// No event after `as_of`.
pub const R_PLAN_FUTURE: Rule = Rule {
    id: "R-PLAN-FUTURE",
    source: None,
    ja: "基準日（as_of）より後の出来事は記録できません",
    en: "no event may come after the as-of date",
};

/// No step before what it needs (the track's order).
pub const R_PLAN_SEQUENCE: Rule = Rule {
    id: "R-PLAN-SEQUENCE",
    source: Some(MULTI_AGENCY),
    ja: "前提となる段階の前にこの段階は行えません",
    en: "this step cannot come before the step it needs",
};

/// アウトリーチ等: steps in their order.
pub const R_PLAN_OUTREACH_SEQUENCE: Rule = Rule {
    id: "R-PLAN-OUTREACH-SEQUENCE",
    source: Some(OUTREACH),
    ja: "アウトリーチ等の段階（情報収集、事前調整、関係性の構築、家庭訪問・同行支援）は典型的な流れで順序は問いませんが、終結（目標達成）にはつなぎ先との関係の安定が必要です",
    en: "outreach stages (gathering, pre-coordination, relationship building, visits) are typical, in any order; closing as goal reached needs a stable connection first",
};

/// 参加支援: steps in their order, starting with the 重層的支援会議's decision.
pub const R_PLAN_PARTICIPATION_SEQUENCE: Rule = Rule {
    id: "R-PLAN-PARTICIPATION-SEQUENCE",
    source: Some(PARTICIPATION),
    ja: "参加支援は重層的支援会議での決定→受付→アセスメント→プラン→マッチング→定着支援の順に進みます",
    en: "participation support runs decision at the jusou meeting → intake → assessment → plan → matching → settling in",
};

/// A 重層的支援会議 needs the person's consent valid that day.
pub const R_PLAN_CONSENT: Rule = Rule {
    id: "R-PLAN-CONSENT",
    source: Some(PRIVACY),
    ja: "重層的支援会議でケースを扱うには、その日に有効な本人同意が必要です（同意がなければ支援会議で扱います）",
    en: "a jusou meeting may take up the case only with the person's consent valid that day (without it, use a support meeting)",
};

/// A withdrawn consent blocks the 重層的支援会議 until consent is given again.
pub const R_PLAN_CONSENT_WITHDRAWN: Rule = Rule {
    id: "R-PLAN-CONSENT-WITHDRAWN",
    source: Some(PRIVACY),
    ja: "同意が撤回されているため、再び同意を得るまで重層的支援会議では扱えません（支援会議は可能です）",
    en: "the consent was withdrawn: no jusou meeting until consent is given again (a support meeting stays possible)",
};

/// The plan's consent must cover every organisation responsible for a support item.
pub const R_PLAN_CONSENT_SCOPE: Rule = Rule {
    id: "R-PLAN-CONSENT-SCOPE",
    source: Some(PRIVACY),
    ja: "プランが依拠する同意の範囲に、支援を担う機関が含まれていません",
    en:
        "the consent the plan rests on does not name an organisation responsible for a support item",
};

/// Support starts only after approval at the 重層的支援会議 and the municipality's 支援決定.
pub const R_PLAN_SUPPORT_START: Rule = Rule {
    id: "R-PLAN-SUPPORT-START",
    source: Some(MULTI_AGENCY),
    ja: "支援は重層的支援会議でのプランの承認と市町村の支援決定の後に始めます",
    en: "support starts only after the plan's approval at the jusou meeting and the municipality's support decision",
};

/// 支援決定 only for an approved plan.
pub const R_PLAN_DECISION: Rule = Rule {
    id: "R-PLAN-DECISION",
    source: Some(MULTI_AGENCY),
    ja: "市町村の支援決定は、重層的支援会議で承認されたプランについて行います",
    en: "the municipality decides support on a plan approved at the jusou meeting",
};

/// 終結 only after the evaluation, unless the case ends by itself.
pub const R_PLAN_CLOSE: Rule = Rule {
    id: "R-PLAN-CLOSE",
    source: Some(MULTI_AGENCY),
    ja: "終結は終結時の評価（重層的支援会議）の後に行います（死亡・転出・本人による関わりの終了を除く）",
    en: "closing needs the end evaluation at the jusou meeting first (unless the case ends by death, moving away or the person ending contact)",
};

/// A track that ended takes no more steps (except 見守り and follow-up contact).
pub const R_PLAN_AFTER_CLOSE: Rule = Rule {
    id: "R-PLAN-AFTER-CLOSE",
    source: None,
    ja: "終結（または包括的相談支援へ戻した）後は、見守り・フォローアップ以外の段階は行えません",
    en: "after a track ended (or the case was returned), only watching and follow-up contact may follow",
};

/// Matching with a resource needs the host assessed.
pub const R_PLAN_HOST: Rule = Rule {
    id: "R-PLAN-HOST",
    source: Some(PARTICIPATION),
    ja: "マッチングの前に受け入れ先のアセスメントを行います",
    en: "the host is assessed before matching",
};

/// A plan states its goals.
pub const R_PLAN_CONTENT_GOALS: Rule = Rule {
    id: "R-PLAN-CONTENT-GOALS",
    source: Some(GUIDANCE),
    ja: "プランに目標がありません",
    en: "the plan states no goal",
};

/// A plan records the person's wishes.
pub const R_PLAN_CONTENT_WISHES: Rule = Rule {
    id: "R-PLAN-CONTENT-WISHES",
    source: Some(GUIDANCE),
    ja: "プランに本人の意向がありません",
    en: "the plan does not record the person's wishes",
};

/// A plan lists its support items, each with its content and responsible organisation.
pub const R_PLAN_CONTENT_ITEMS: Rule = Rule {
    id: "R-PLAN-CONTENT-ITEMS",
    source: Some(PLAN),
    ja: "プランには支援の種類・内容と担当機関を書きます",
    en: "the plan lists its support items, each with its content and responsible organisation",
};

/// Exactly one 主担当.
pub const R_PLAN_CONTENT_LEAD: Rule = Rule {
    id: "R-PLAN-CONTENT-LEAD",
    source: Some(GUIDANCE),
    ja: "プランの主担当はちょうど一つの機関です",
    en: "a plan has exactly one lead organisation",
};

/// A period with start ≤ end.
pub const R_PLAN_CONTENT_PERIOD: Rule = Rule {
    id: "R-PLAN-CONTENT-PERIOD",
    source: Some(GUIDANCE),
    ja: "プランの期間の開始日が終了日より後です",
    en: "the plan's period starts after it ends",
};

/// A next monitoring date within the period, not before the plan.
pub const R_PLAN_CONTENT_MONITORING: Rule = Rule {
    id: "R-PLAN-CONTENT-MONITORING",
    source: Some(GUIDANCE),
    ja: "プランには期間内の次回モニタリング日を書きます",
    en: "the plan sets a next monitoring date within its period",
};

/// The consent the plan rests on, present in `consents`.
pub const R_PLAN_CONTENT_CONSENT: Rule = Rule {
    id: "R-PLAN-CONTENT-CONSENT",
    source: Some(PRIVACY),
    ja: "プランが依拠する同意記録（consent_id）がないか、同意記録の一覧にありません",
    en: "the plan names no consent record it rests on, or one not in the consents",
};

/// Monitoring is due every interval while support is under way (a deadline finding).
pub const R_PLAN_MONITORING_DUE: Rule = Rule {
    id: "R-PLAN-MONITORING-DUE",
    source: Some(GUIDANCE),
    ja: "支援の実施中は、市町村の定める間隔でモニタリングを行います",
    en: "while support is under way, monitoring is due at the municipality's interval",
};

/// A consent counts only for its subject and the 多機関協働事業者 it names.
pub const R_PLAN_CONSENT_SUBJECT: Rule = Rule {
    id: "R-PLAN-CONSENT-SUBJECT",
    source: Some(PRIVACY),
    ja: "同意は、その本人の情報について、同意が名指しする多機関協働事業者（会議の主催者）に対してのみ根拠になります",
    en: "a consent counts only for its own subject and for the multi-agency provider (the meeting's organiser) it names",
};

/// A referral after 終結 opens a new episode (a finding of fact, not a violation).
pub const R_PLAN_NEW_EPISODE: Rule = Rule {
    id: "R-PLAN-NEW-EPISODE",
    source: Some(MULTI_AGENCY),
    ja: "終結後のつなぎは新たな支援の始まり（新しいエピソード）として扱います",
    en: "a referral after closing opens a new episode",
};

/// Every rule of the area.
pub const ALL: [Rule; 23] = [
    R_PLAN_ORDER,
    R_PLAN_FUTURE,
    R_PLAN_SEQUENCE,
    R_PLAN_OUTREACH_SEQUENCE,
    R_PLAN_PARTICIPATION_SEQUENCE,
    R_PLAN_CONSENT,
    R_PLAN_CONSENT_WITHDRAWN,
    R_PLAN_CONSENT_SCOPE,
    R_PLAN_SUPPORT_START,
    R_PLAN_DECISION,
    R_PLAN_CLOSE,
    R_PLAN_AFTER_CLOSE,
    R_PLAN_HOST,
    R_PLAN_CONTENT_GOALS,
    R_PLAN_CONTENT_WISHES,
    R_PLAN_CONTENT_ITEMS,
    R_PLAN_CONTENT_LEAD,
    R_PLAN_CONTENT_PERIOD,
    R_PLAN_CONTENT_MONITORING,
    R_PLAN_CONTENT_CONSENT,
    R_PLAN_MONITORING_DUE,
    R_PLAN_CONSENT_SUBJECT,
    R_PLAN_NEW_EPISODE,
];
