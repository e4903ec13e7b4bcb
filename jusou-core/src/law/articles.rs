//! The articles jusou cites, with their dated penalties, and the one registry of every source a
//! rule or an answer cites ([`SOURCES`]: statutes' articles and guidance documents, each with its
//! verified flag and dates; issue #19).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::ymd;
use crate::rule::Source;

/// An article (or paragraph) the library cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Article {
    /// Stable key (`106-4-2`).
    pub key: &'static str,
    /// Citation as printed (`社会福祉法第106条の4第2項`).
    pub citation: &'static str,
    /// What it says, in our words (Japanese).
    pub summary_ja: &'static str,
    /// What it says, in our words (English).
    pub summary_en: &'static str,
    /// First day in force.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "String")]
    pub effective_from: NaiveDate,
    /// Whether it is a binding duty, a duty to endeavour (努力義務), or a power.
    pub force: Force,
}

/// How strongly an article binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Force {
    /// A binding duty or prohibition: breaching it is a violation.
    Duty,
    /// 努力義務: the municipality should endeavour; its absence is a warning, not an error.
    Endeavour,
    /// A power or definition.
    Power,
}

const IN_FORCE_2021: NaiveDate = ymd(2021, 4, 1);

/// 第106条の4第1項: the municipality may run the project.
pub const PROJECT: Article = Article {
    key: "106-4-1",
    citation: "社会福祉法第106条の4第1項",
    summary_ja: "市町村は、包括的な支援体制を整備するため、重層的支援体制整備事業を行うことができる",
    summary_en: "a municipality may run the multi-layered support system project to build comprehensive support",
    effective_from: IN_FORCE_2021,
    force: Force::Power,
};

/// 第106条の4第2項: the items of the project, run together as one.
pub const ITEMS: Article = Article {
    key: "106-4-2",
    citation: "社会福祉法第106条の4第2項",
    summary_ja:
        "重層的支援体制整備事業は第1号から第6号までの事業を一体のものとして実施する事業をいう",
    summary_en: "the project consists of items 1 to 6, run together as one",
    effective_from: IN_FORCE_2021,
    force: Force::Duty,
};

/// 第106条の4第4項: entrustment (委託).
pub const ENTRUSTMENT: Article = Article {
    key: "106-4-4",
    citation: "社会福祉法第106条の4第4項",
    summary_ja: "市町村は、事業の全部又は一部を適切な事業運営が確保できると認める者に委託できる",
    summary_en: "the municipality may entrust all or part of the project to bodies it finds able to run it properly",
    effective_from: IN_FORCE_2021,
    force: Force::Power,
};

/// 第106条の4第5項: secrecy of those at an entrusted body.
pub const CONTRACTOR_SECRECY: Article = Article {
    key: "106-4-5",
    citation: "社会福祉法第106条の4第5項",
    summary_ja: "委託を受けた者（その役職員、過去に役職員であった者を含む）は、業務上知り得た秘密を漏らしてはならない",
    summary_en: "people at an entrusted body (and former ones) must not disclose secrets learned in the work",
    effective_from: IN_FORCE_2021,
    force: Force::Duty,
};

/// 第106条の5: the implementation plan (努力義務).
pub const IMPLEMENTATION_PLAN: Article = Article {
    key: "106-5",
    citation: "社会福祉法第106条の5",
    summary_ja: "重層的支援体制整備事業を実施する市町村は、実施計画を策定するよう努める",
    summary_en:
        "a municipality running the project shall endeavour to adopt an implementation plan",
    effective_from: IN_FORCE_2021,
    force: Force::Endeavour,
};

/// 第106条の6第1項: the 支援会議.
pub const SUPPORT_MEETING: Article = Article {
    key: "106-6-1",
    citation: "社会福祉法第106条の6第1項",
    summary_ja: "重層的支援体制整備事業を実施する市町村は、支援関係機関等により構成される支援会議を組織できる",
    summary_en: "a municipality running the project may organise a support meeting (支援会議) of support bodies",
    effective_from: IN_FORCE_2021,
    force: Force::Power,
};

/// 第106条の6第2項: the work of the 支援会議.
pub const SUPPORT_MEETING_WORK: Article = Article {
    key: "106-6-2",
    citation: "社会福祉法第106条の6第2項",
    summary_ja: "支援会議は、情報の交換と支援体制に関する検討を行う",
    summary_en: "the support meeting exchanges information and considers the support system",
    effective_from: IN_FORCE_2021,
    force: Force::Power,
};

/// 第106条の6第3項: asking related bodies for information.
pub const SUPPORT_MEETING_REQUEST: Article = Article {
    key: "106-6-3",
    citation: "社会福祉法第106条の6第3項",
    summary_ja: "支援会議は、必要があると認めるときは、関係機関等に情報の提供、意見の開陳その他の協力を求めることができる",
    summary_en: "the support meeting may ask related bodies for information, opinions and other cooperation",
    effective_from: IN_FORCE_2021,
    force: Force::Power,
};

/// 第106条の6第4項: the duty of related bodies to cooperate.
pub const SUPPORT_MEETING_COOPERATION: Article = Article {
    key: "106-6-4",
    citation: "社会福祉法第106条の6第4項",
    summary_ja: "関係機関等は、支援会議から求めがあった場合には、これに協力するよう努める",
    summary_en: "related bodies asked by the support meeting shall endeavour to cooperate",
    effective_from: IN_FORCE_2021,
    force: Force::Endeavour,
};

/// 第106条の6第5項: secrecy of 支援会議 members.
pub const SUPPORT_MEETING_SECRECY: Article = Article {
    key: "106-6-5",
    citation: "社会福祉法第106条の6第5項",
    summary_ja: "支援会議の事務に従事する者又は従事していた者は、正当な理由なく、支援会議の事務に関して知り得た秘密を漏らしてはならない",
    summary_en: "anyone who works or worked in the support meeting must not disclose, without just cause, secrets learned in it",
    effective_from: IN_FORCE_2021,
    force: Force::Duty,
};

/// 第106条の6第6項: the municipality sets the meeting's rules.
pub const SUPPORT_MEETING_RULES: Article = Article {
    key: "106-6-6",
    citation: "社会福祉法第106条の6第6項",
    summary_ja: "支援会議の組織及び運営に関し必要な事項は、支援会議が定める",
    summary_en: "the support meeting sets what is needed for its organisation and running",
    effective_from: IN_FORCE_2021,
    force: Force::Power,
};

/// Every article above, in the law's order.
pub const ALL: [Article; 10] = [
    PROJECT,
    ITEMS,
    ENTRUSTMENT,
    CONTRACTOR_SECRECY,
    IMPLEMENTATION_PLAN,
    SUPPORT_MEETING,
    SUPPORT_MEETING_WORK,
    SUPPORT_MEETING_REQUEST,
    SUPPORT_MEETING_COOPERATION,
    SUPPORT_MEETING_SECRECY,
];

/// Look an article up by its key (`106-6-5`).
pub fn by_key(key: &str) -> Option<&'static Article> {
    ALL.iter()
        .chain([&SUPPORT_MEETING_RULES, &ITEMS_OPENING])
        .find(|a| a.key == key)
}

/// The penalty for disclosing secrets in breach of 第106条の4第5項 or 第106条の6第5項.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Penalty {
    /// The penal provision as cited.
    pub citation: &'static str,
    /// Whether the article number was confirmed against a current statute text.
    pub verified: bool,
    /// The duties whose breach it punishes (article keys).
    pub punishes: &'static [&'static str],
    /// The terms over time.
    pub terms: &'static [PenaltyTerm],
}

/// The penalty in force over a span of dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PenaltyTerm {
    /// First day.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "String")]
    pub from: NaiveDate,
    /// Last day, `None` while in force.
    #[serde(with = "crate::calendar::day::option")]
    #[schemars(with = "Option<String>")]
    pub until: Option<NaiveDate>,
    /// The penalty in Japanese.
    pub ja: &'static str,
    /// The penalty in English.
    pub en: &'static str,
}

/// Breach of secrecy under 第106条の4第5項 / 第106条の6第5項.
pub const SECRECY_PENALTY: Penalty = Penalty {
    citation: "社会福祉法第13章（罰則）",
    verified: false,
    punishes: &["106-4-5", "106-6-5"],
    terms: &[
        PenaltyTerm {
            from: IN_FORCE_2021,
            until: Some(ymd(2025, 5, 31)),
            ja: "1年以下の懲役又は100万円以下の罰金",
            en: "imprisonment with work for up to one year or a fine of up to 1,000,000 yen",
        },
        PenaltyTerm {
            from: ymd(2025, 6, 1),
            until: None,
            ja: "1年以下の拘禁刑又は100万円以下の罰金（刑法改正により懲役は拘禁刑に）",
            en: "detention (拘禁刑) for up to one year or a fine of up to 1,000,000 yen (懲役 became 拘禁刑 on 2025-06-01)",
        },
    ],
};

impl Penalty {
    /// The term in force on `date`.
    pub fn on(&self, date: NaiveDate) -> Option<&'static PenaltyTerm> {
        self.terms
            .iter()
            .find(|t| t.from <= date && t.until.is_none_or(|u| date <= u))
    }
}

/// 第106条の4第2項柱書: the project *is* the items below carried out as one. Wording checked
/// against a statute text (iuris.jp, as amended by 令和6年法律第21号) on 2026-12-02:
/// 「次に掲げるこの法律に基づく事業及び他の法律に基づく事業を一体のものとして実施することにより、
/// 地域生活課題を抱える地域住民及びその世帯に対する支援体制並びに地域住民等による地域福祉の推進の
/// ために必要な環境を一体的かつ重層的に整備する事業をいう」.
pub const ITEMS_OPENING: Article = Article {
    key: "106-4-2-opening",
    citation: "社会福祉法第106条の4第2項柱書",
    summary_ja: "重層的支援体制整備事業とは、次に掲げる（第1号から第6号までの）この法律に基づく事業及び他の法律に基づく事業を一体のものとして実施することにより、支援体制と環境を一体的かつ重層的に整備する事業をいう",
    summary_en: "the project is the items listed (1 to 6), under this and other laws, carried out as one, building the support system and environment as one and in layers",
    effective_from: IN_FORCE_2021,
    force: Force::Duty,
};

/// How the penalty for breaching 第106条の4第5項 / 第106条の6第5項 is printed on `date`: the term
/// only when the penal article was verified, otherwise 「罰則あり（条番号未確認）」 (DOMAIN.md §7).
pub fn secrecy_penalty_text(date: NaiveDate) -> (&'static str, &'static str) {
    match SECRECY_PENALTY.on(date) {
        Some(t) if SECRECY_PENALTY.verified => (t.ja, t.en),
        Some(_) => (
            "罰則あり（条番号未確認）",
            "a penalty applies (penal article not verified)",
        ),
        None => ("—", "—"),
    }
}

/// The basis on which personal information passes to another body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrivacyBasis {
    /// The prohibition itself (shared only on a basis): 第27条第1項・第69条.
    Rule,
    /// The person's consent: 第27条第1項 (its opening words, private bodies) / 第69条第2項第1号
    /// (public bodies).
    Consent,
    /// 「法令に基づく場合」: 第27条第1項第1号 (private) / 第69条第1項 (public).
    Law,
}

/// 個人情報保護法 as in force from 2023-04-01 (local public bodies under the Act).
const PRIVACY_2023: [&Source; 3] = [&PRIVACY_RULE, &PRIVACY_CONSENT, &PRIVACY_LAW];
/// 2022-04-01 … 2023-03-31: 第27条 for private bodies, each municipality's own 条例 for it.
const PRIVACY_2022: [&Source; 3] = [&PRIVACY_RULE_2022, &PRIVACY_CONSENT_2022, &PRIVACY_LAW_2022];
/// Before 2022-04-01: the article was 第23条.
const PRIVACY_OLD: [&Source; 3] = [&PRIVACY_RULE_OLD, &PRIVACY_CONSENT_OLD, &PRIVACY_LAW_OLD];

/// Municipalities came under 個人情報保護法 on this day (before, their own 条例).
pub const PRIVACY_PUBLIC_FROM: NaiveDate = ymd(2023, 4, 1);
/// 第23条 became 第27条 on this day.
pub const PRIVACY_RENUMBERED: NaiveDate = ymd(2022, 4, 1);

impl PrivacyBasis {
    const fn index(self) -> usize {
        match self {
            PrivacyBasis::Rule => 0,
            PrivacyBasis::Consent => 1,
            PrivacyBasis::Law => 2,
        }
    }

    /// The registry entry of this basis as in force today (rules rest on it).
    pub const fn source(self) -> &'static Source {
        PRIVACY_2023[self.index()]
    }

    /// The one spelling of this basis as in force today (rules cite it).
    pub const fn citation(self) -> &'static str {
        self.source().citation
    }

    /// The registry entry in force on `date`.
    pub fn source_on(self, date: NaiveDate) -> &'static Source {
        let table = if date >= PRIVACY_PUBLIC_FROM {
            &PRIVACY_2023
        } else if date >= PRIVACY_RENUMBERED {
            &PRIVACY_2022
        } else {
            &PRIVACY_OLD
        };
        table[self.index()]
    }

    /// The spelling in force on `date`.
    pub fn on(self, date: NaiveDate) -> &'static str {
        self.source_on(date).citation
    }

    /// Re-date a citation: a current privacy spelling becomes the one in force on `date`; any
    /// other citation is returned unchanged.
    pub fn dated(citation: &'static str, date: NaiveDate) -> &'static str {
        [PrivacyBasis::Rule, PrivacyBasis::Consent, PrivacyBasis::Law]
            .into_iter()
            .find(|b| b.citation() == citation)
            .map_or(citation, |b| b.on(date))
    }
}

// ---- The registry of sources (issue #19) ----
//
// Every citation a rule or an answer prints, once. `verified` is true only where the wording was
// checked against a statute text and the check is recorded: the 柱書 of 第106条の4第2項 (iuris.jp,
// 令和6年法律第21号 version, 2026-12-02, see ITEMS_OPENING) and the alerts' articles (issue #16,
// see `routing::alerts`). The other articles of 社会福祉法 are cited from the project's reading
// of the Act but no check against a statute text is recorded, so they are not marked verified.

const PROGRAM_ITEMS: &str =
    "law::PROGRAMS / law::structure::STRUCTURE (the items of 第106条の4第2項)";
const ALERTS: &str = "routing::alerts (the statutory alert of one member)";
const MEETING_BASES: &str = "meeting::kind (a statutory meeting's members' secrecy)";

/// 社会福祉法第106条の4第1項 (the project).
pub const SRC_PROJECT: Source =
    Source::statute(PROJECT.key, PROJECT.citation, false, Some(IN_FORCE_2021));
/// 社会福祉法第106条の4第2項 (the items).
pub const SRC_ITEMS: Source =
    Source::statute(ITEMS.key, ITEMS.citation, false, Some(IN_FORCE_2021));
/// 社会福祉法第106条の4第2項柱書: checked against a statute text (see [`ITEMS_OPENING`]).
pub const SRC_ITEMS_OPENING: Source = Source::statute(
    ITEMS_OPENING.key,
    ITEMS_OPENING.citation,
    true,
    Some(IN_FORCE_2021),
);
/// 第2項第1号 (包括的相談支援事業).
pub const SRC_ITEM1: Source = Source::statute(
    "106-4-2-1",
    "社会福祉法第106条の4第2項第1号",
    false,
    Some(IN_FORCE_2021),
);
/// 第2項第1号イ.
pub const SRC_ITEM1_I: Source = Source::statute(
    "106-4-2-1-i",
    "社会福祉法第106条の4第2項第1号イ",
    false,
    Some(IN_FORCE_2021),
)
.cited_in(PROGRAM_ITEMS);
/// 第2項第1号ロ.
pub const SRC_ITEM1_RO: Source = Source::statute(
    "106-4-2-1-ro",
    "社会福祉法第106条の4第2項第1号ロ",
    false,
    Some(IN_FORCE_2021),
)
.cited_in(PROGRAM_ITEMS);
/// 第2項第1号ハ.
pub const SRC_ITEM1_HA: Source = Source::statute(
    "106-4-2-1-ha",
    "社会福祉法第106条の4第2項第1号ハ",
    false,
    Some(IN_FORCE_2021),
)
.cited_in(PROGRAM_ITEMS);
/// 第2項第1号ニ.
pub const SRC_ITEM1_NI: Source = Source::statute(
    "106-4-2-1-ni",
    "社会福祉法第106条の4第2項第1号ニ",
    false,
    Some(IN_FORCE_2021),
)
.cited_in(PROGRAM_ITEMS);
/// 第2項第2号 (参加支援事業).
pub const SRC_ITEM2: Source = Source::statute(
    "106-4-2-2",
    "社会福祉法第106条の4第2項第2号",
    false,
    Some(IN_FORCE_2021),
);
/// 第2項第3号 (地域づくり事業), as the structure cites it.
pub const SRC_ITEM3: Source = Source::statute(
    "106-4-2-3",
    "社会福祉法第106条の4第2項第3号",
    false,
    Some(IN_FORCE_2021),
)
.cited_in(PROGRAM_ITEMS);
/// 第2項第3号柱書, as the program catalogue spells it.
pub const SRC_ITEM3_OPENING: Source = Source::statute(
    "106-4-2-3-opening",
    "社会福祉法第106条の4第2項第3号（柱書）",
    false,
    Some(IN_FORCE_2021),
)
.cited_in(PROGRAM_ITEMS);
/// 第2項第3号柱書, as the municipality check spells it, with its number marked unverified (a
/// second spelling of [`SRC_ITEM3_OPENING`], kept because answers print it).
pub const SRC_ITEM3_OPENING_UNVERIFIED: Source = Source::statute(
    "106-4-2-3-opening-unverified",
    "社会福祉法第106条の4第2項第3号柱書（条番号未確認）",
    false,
    Some(IN_FORCE_2021),
);
/// 第2項第3号イ.
pub const SRC_ITEM3_I: Source = Source::statute(
    "106-4-2-3-i",
    "社会福祉法第106条の4第2項第3号イ",
    false,
    Some(IN_FORCE_2021),
)
.cited_in(PROGRAM_ITEMS);
/// 第2項第3号ロ.
pub const SRC_ITEM3_RO: Source = Source::statute(
    "106-4-2-3-ro",
    "社会福祉法第106条の4第2項第3号ロ",
    false,
    Some(IN_FORCE_2021),
)
.cited_in(PROGRAM_ITEMS);
/// 第2項第3号ハ.
pub const SRC_ITEM3_HA: Source = Source::statute(
    "106-4-2-3-ha",
    "社会福祉法第106条の4第2項第3号ハ",
    false,
    Some(IN_FORCE_2021),
)
.cited_in(PROGRAM_ITEMS);
/// 第2項第3号ニ.
pub const SRC_ITEM3_NI: Source = Source::statute(
    "106-4-2-3-ni",
    "社会福祉法第106条の4第2項第3号ニ",
    false,
    Some(IN_FORCE_2021),
)
.cited_in(PROGRAM_ITEMS);
/// 第2項第4号 (アウトリーチ等を通じた継続的支援事業).
pub const SRC_ITEM4: Source = Source::statute(
    "106-4-2-4",
    "社会福祉法第106条の4第2項第4号",
    false,
    Some(IN_FORCE_2021),
);
/// 第2項第5号 (多機関協働事業).
pub const SRC_ITEM5: Source = Source::statute(
    "106-4-2-5",
    "社会福祉法第106条の4第2項第5号",
    false,
    Some(IN_FORCE_2021),
);
/// 第2項第6号 (支援プランの作成).
pub const SRC_ITEM6: Source = Source::statute(
    "106-4-2-6",
    "社会福祉法第106条の4第2項第6号",
    false,
    Some(IN_FORCE_2021),
);
/// 第106条の4第4項 (委託).
pub const SRC_ENTRUSTMENT: Source = Source::statute(
    ENTRUSTMENT.key,
    ENTRUSTMENT.citation,
    false,
    Some(IN_FORCE_2021),
);
/// 第106条の4第5項 (委託先の守秘義務).
pub const SRC_CONTRACTOR_SECRECY: Source = Source::statute(
    CONTRACTOR_SECRECY.key,
    CONTRACTOR_SECRECY.citation,
    false,
    Some(IN_FORCE_2021),
);
/// 第106条の5 (実施計画, 努力義務).
pub const SRC_IMPLEMENTATION_PLAN: Source = Source::statute(
    IMPLEMENTATION_PLAN.key,
    IMPLEMENTATION_PLAN.citation,
    false,
    Some(IN_FORCE_2021),
);
/// 第106条の6 as a whole (the 支援会議).
pub const SRC_SUPPORT_MEETING_ARTICLE: Source =
    Source::statute("106-6", "社会福祉法第106条の6", false, Some(IN_FORCE_2021));
/// 第106条の6第1項.
pub const SRC_SUPPORT_MEETING: Source = Source::statute(
    SUPPORT_MEETING.key,
    SUPPORT_MEETING.citation,
    false,
    Some(IN_FORCE_2021),
);
/// 第106条の6第5項 (構成員の守秘義務).
pub const SRC_SUPPORT_MEETING_SECRECY: Source = Source::statute(
    SUPPORT_MEETING_SECRECY.key,
    SUPPORT_MEETING_SECRECY.citation,
    false,
    Some(IN_FORCE_2021),
);
/// 第106条の6第6項 (the meeting sets its own rules).
pub const SRC_SUPPORT_MEETING_RULES: Source = Source::statute(
    SUPPORT_MEETING_RULES.key,
    SUPPORT_MEETING_RULES.citation,
    false,
    Some(IN_FORCE_2021),
);

/// 重層的支援体制整備事業実施要綱 and the 自治体事務マニュアル (national guidance).
pub const SRC_GUIDANCE: Source = Source::guidance("guidance-mhlw", crate::standing::GUIDANCE);
/// The 重層的支援会議: the national 実施要綱 and each municipality's 要綱, no article.
pub const SRC_JUSOU_MEETING_GUIDANCE: Source = Source::guidance(
    "guidance-jusou-meeting",
    "重層的支援体制整備事業実施要綱（国）・市町村要綱（条文の根拠なし）",
)
.cited_in("municipality::check (the basis of a 重層的支援会議)");

/// ヤングケアラー in 子ども・若者育成支援推進法 as amended in 2024; the article number was seen only in
/// a secondary source (see `routing::rules`).
pub const SRC_YOUNG_CARER: Source = Source::statute(
    "youth-2-7",
    "子ども・若者育成支援推進法第2条第7号（令和6年改正・条番号未確認）",
    false,
    None,
);

/// 児童福祉法第25条第1項 (要保護児童の通告): verified (issue #16).
pub const SRC_CHILD_WELFARE_25: Source =
    Source::statute("child-welfare-25-1", "児童福祉法第25条第1項", true, None);
/// 児童虐待防止法第6条第1項: verified (issue #16).
pub const SRC_CHILD_ABUSE_6: Source =
    Source::statute("child-abuse-6-1", "児童虐待防止法第6条第1項", true, None);
/// 高齢者虐待防止法第7条: verified (issue #16).
pub const SRC_ELDER_ABUSE_7: Source =
    Source::statute("elder-abuse-7", "高齢者虐待防止法第7条", true, None);
/// 高齢者虐待防止法第21条 (養介護施設従事者等): not checked.
pub const SRC_ELDER_ABUSE_21: Source = Source::statute(
    "elder-abuse-21",
    "高齢者虐待防止法第21条（条番号未確認）",
    false,
    None,
)
.cited_in(ALERTS);
/// 障害者虐待防止法第7条第1項: verified (issue #16).
pub const SRC_DISABILITY_ABUSE_7: Source = Source::statute(
    "disability-abuse-7-1",
    "障害者虐待防止法第7条第1項",
    true,
    None,
)
.cited_in(ALERTS);
/// 障害者虐待防止法第16条第1項 (施設従事者): seen only in secondary sources.
pub const SRC_DISABILITY_ABUSE_16: Source = Source::statute(
    "disability-abuse-16-1",
    "障害者虐待防止法第16条第1項（条番号未確認）",
    false,
    None,
)
.cited_in(ALERTS);
/// 障害者虐待防止法第22条第1項 (使用者): seen only in secondary sources.
pub const SRC_DISABILITY_ABUSE_22: Source = Source::statute(
    "disability-abuse-22-1",
    "障害者虐待防止法第22条第1項（条番号未確認）",
    false,
    None,
)
.cited_in(ALERTS);
/// 障害者虐待防止法, whichever of its three duties applies (第16条 and 第22条 not checked).
pub const SRC_DISABILITY_ABUSE_ANY: Source = Source::statute(
    "disability-abuse-any",
    "障害者虐待防止法第7条・第16条・第22条",
    false,
    None,
);
/// DV防止法第6条第1項・第2項: verified (issue #16).
pub const SRC_DV_6: Source = Source::statute("dv-6", "DV防止法第6条第1項・第2項", true, None);
/// The three abuse laws when which applies is unclear: each article verified (issue #16).
pub const SRC_ABUSE_ANY: Source = Source::statute(
    "abuse-any",
    "児童虐待防止法第6条・障害者虐待防止法第7条・高齢者虐待防止法第7条",
    true,
    None,
)
.cited_in(ALERTS);
/// 配偶者からの暴力の防止及び被害者の保護等に関する法律, article not verified.
pub const SRC_DV_ACT: Source = Source::statute(
    "dv-act",
    "配偶者からの暴力の防止及び被害者の保護等に関する法律（条番号未確認）",
    false,
    None,
);

/// 地域ケア会議 (介護保険法第115条の48): its members' secrecy in force 2015-04-01; not checked.
pub const SRC_COMMUNITY_CARE_MEETING: Source = Source::statute(
    "ltc-115-48",
    "介護保険法第115条の48",
    false,
    Some(ymd(2015, 4, 1)),
)
.cited_in(MEETING_BASES);
/// 要保護児童対策地域協議会 (児童福祉法第25条の2・第25条の5): secrecy in force 2005-04-01; not checked.
pub const SRC_CHILD_PROTECTION_COUNCIL: Source = Source::statute(
    "child-welfare-25-2",
    "児童福祉法第25条の2・第25条の5",
    false,
    Some(ymd(2005, 4, 1)),
)
.cited_in(MEETING_BASES);
/// 生活困窮者自立支援法第9条 (支援会議): in force 2018-10-01; not checked.
pub const SRC_NEEDY_SUPPORT_MEETING: Source = Source::statute(
    "needy-9",
    "生活困窮者自立支援法第9条",
    false,
    Some(ymd(2018, 10, 1)),
)
.cited_in(MEETING_BASES);
/// 障害者総合支援法第89条の3 (協議会): members' secrecy in force 2024-04-01; not checked.
pub const SRC_DISABILITY_COUNCIL: Source = Source::statute(
    "disability-89-3",
    "障害者総合支援法第89条の3",
    false,
    Some(ymd(2024, 4, 1)),
)
.cited_in(MEETING_BASES);

const PRIVACY_IN_TEXTS: &str =
    "law::articles::PrivacyBasis (an answer about a day before 2023-04-01)";

/// 個人情報保護法: the prohibition, as in force from 2023-04-01.
pub const PRIVACY_RULE: Source = Source::statute(
    "privacy-rule",
    "個人情報の保護に関する法律第27条第1項・第69条",
    false,
    Some(PRIVACY_PUBLIC_FROM),
);
/// 個人情報保護法: consent, as in force from 2023-04-01.
pub const PRIVACY_CONSENT: Source = Source::statute(
    "privacy-consent",
    "個人情報の保護に関する法律第27条第1項（本人の同意）・第69条第2項第1号",
    false,
    Some(PRIVACY_PUBLIC_FROM),
);
/// 個人情報保護法: 法令に基づく場合, as in force from 2023-04-01.
pub const PRIVACY_LAW: Source = Source::statute(
    "privacy-law",
    "個人情報の保護に関する法律第27条第1項第1号・第69条第1項（法令に基づく場合）",
    false,
    Some(PRIVACY_PUBLIC_FROM),
)
.cited_in("law::articles::PrivacyBasis::Law only (no rule or answer cites it today)");
/// The prohibition, 2022-04-01 … 2023-03-31.
pub const PRIVACY_RULE_2022: Source = Source::statute(
    "privacy-rule-2022",
    "個人情報の保護に関する法律第27条第1項（民間）・各市町村の個人情報保護条例（地方公共団体）",
    false,
    Some(PRIVACY_RENUMBERED),
)
.until(ymd(2023, 3, 31))
.cited_in(PRIVACY_IN_TEXTS);
/// Consent, 2022-04-01 … 2023-03-31.
pub const PRIVACY_CONSENT_2022: Source = Source::statute("privacy-consent-2022", "個人情報の保護に関する法律第27条第1項（本人の同意、民間）・各市町村の個人情報保護条例（地方公共団体）", false, Some(PRIVACY_RENUMBERED)).until(ymd(2023, 3, 31)).cited_in(PRIVACY_IN_TEXTS);
/// 法令に基づく場合, 2022-04-01 … 2023-03-31.
pub const PRIVACY_LAW_2022: Source = Source::statute("privacy-law-2022", "個人情報の保護に関する法律第27条第1項第1号（法令に基づく場合、民間）・各市町村の個人情報保護条例（地方公共団体）", false, Some(PRIVACY_RENUMBERED)).until(ymd(2023, 3, 31)).cited_in(PRIVACY_IN_TEXTS);
/// The prohibition before 2022-04-01 (第23条); its first day is not stated here.
pub const PRIVACY_RULE_OLD: Source = Source::statute(
    "privacy-rule-old",
    "個人情報の保護に関する法律第23条第1項（民間）・各市町村の個人情報保護条例（地方公共団体）",
    false,
    None,
)
.until(ymd(2022, 3, 31))
.cited_in(PRIVACY_IN_TEXTS);
/// Consent before 2022-04-01 (第23条).
pub const PRIVACY_CONSENT_OLD: Source = Source::statute("privacy-consent-old", "個人情報の保護に関する法律第23条第1項（本人の同意、民間）・各市町村の個人情報保護条例（地方公共団体）", false, None).until(ymd(2022, 3, 31)).cited_in(PRIVACY_IN_TEXTS);
/// 法令に基づく場合 before 2022-04-01 (第23条).
pub const PRIVACY_LAW_OLD: Source = Source::statute("privacy-law-old", "個人情報の保護に関する法律第23条第1項第1号（法令に基づく場合、民間）・各市町村の個人情報保護条例（地方公共団体）", false, None).until(ymd(2022, 3, 31)).cited_in(PRIVACY_IN_TEXTS);

/// Every source, once: the registry rules refer into and answers cite from.
pub const SOURCES: &[&Source] = &[
    &SRC_PROJECT,
    &SRC_ITEMS,
    &SRC_ITEMS_OPENING,
    &SRC_ITEM1,
    &SRC_ITEM1_I,
    &SRC_ITEM1_RO,
    &SRC_ITEM1_HA,
    &SRC_ITEM1_NI,
    &SRC_ITEM2,
    &SRC_ITEM3,
    &SRC_ITEM3_OPENING,
    &SRC_ITEM3_OPENING_UNVERIFIED,
    &SRC_ITEM3_I,
    &SRC_ITEM3_RO,
    &SRC_ITEM3_HA,
    &SRC_ITEM3_NI,
    &SRC_ITEM4,
    &SRC_ITEM5,
    &SRC_ITEM6,
    &SRC_ENTRUSTMENT,
    &SRC_CONTRACTOR_SECRECY,
    &SRC_IMPLEMENTATION_PLAN,
    &SRC_SUPPORT_MEETING_ARTICLE,
    &SRC_SUPPORT_MEETING,
    &SRC_SUPPORT_MEETING_SECRECY,
    &SRC_SUPPORT_MEETING_RULES,
    &SRC_GUIDANCE,
    &SRC_JUSOU_MEETING_GUIDANCE,
    &SRC_YOUNG_CARER,
    &SRC_CHILD_WELFARE_25,
    &SRC_CHILD_ABUSE_6,
    &SRC_ELDER_ABUSE_7,
    &SRC_ELDER_ABUSE_21,
    &SRC_DISABILITY_ABUSE_7,
    &SRC_DISABILITY_ABUSE_16,
    &SRC_DISABILITY_ABUSE_22,
    &SRC_DISABILITY_ABUSE_ANY,
    &SRC_DV_6,
    &SRC_ABUSE_ANY,
    &SRC_DV_ACT,
    &SRC_COMMUNITY_CARE_MEETING,
    &SRC_CHILD_PROTECTION_COUNCIL,
    &SRC_NEEDY_SUPPORT_MEETING,
    &SRC_DISABILITY_COUNCIL,
    &PRIVACY_RULE,
    &PRIVACY_CONSENT,
    &PRIVACY_LAW,
    &PRIVACY_RULE_2022,
    &PRIVACY_CONSENT_2022,
    &PRIVACY_LAW_2022,
    &PRIVACY_RULE_OLD,
    &PRIVACY_CONSENT_OLD,
    &PRIVACY_LAW_OLD,
    &crate::calendar::SRC_ERA_CHANGE,
    &crate::calendar::SRC_CALENDAR_REFORM,
];

/// The source with this key.
pub fn source(key: &str) -> Option<&'static Source> {
    SOURCES.iter().copied().find(|s| s.key == key)
}

/// The source whose citation is exactly `citation`.
pub fn source_of(citation: &str) -> Option<&'static Source> {
    SOURCES.iter().copied().find(|s| s.citation == citation)
}

/// Whether `source` is asked for by `article`: its key, or a prefix of its citation (the name
/// 社会福祉法 may be left out: `第106条の6` matches `社会福祉法第106条の6第5項`).
pub fn names(source: &Source, article: &str) -> bool {
    let c = source.citation;
    source.key == article
        || c.starts_with(article)
        || c.strip_prefix("社会福祉法")
            .is_some_and(|c| c.starts_with(article))
}

#[cfg(test)]
mod privacy_tests {
    use super::*;

    #[test]
    fn privacy_basis_is_dated() {
        let c = PrivacyBasis::Consent;
        assert!(c.on(ymd(2023, 4, 1)).contains("第69条第2項第1号"));
        assert!(c.on(ymd(2023, 3, 31)).contains("条例"));
        assert!(c.on(ymd(2023, 3, 31)).contains("第27条第1項"));
        assert!(c.on(ymd(2022, 3, 31)).contains("第23条"));
        assert!(PrivacyBasis::Law.citation().contains("第27条第1項第1号"));
        assert_eq!(
            PrivacyBasis::dated("社会福祉法第106条の6", ymd(2020, 1, 1)),
            "社会福祉法第106条の6"
        );
        assert_eq!(
            secrecy_penalty_text(ymd(2026, 1, 1)).0,
            "罰則あり（条番号未確認）"
        );
    }
}
