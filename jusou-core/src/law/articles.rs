//! The articles jusou cites, with their dated penalties.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::ymd;

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
        .chain(std::iter::once(&SUPPORT_MEETING_RULES))
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
const PRIVACY_2023: [&str; 3] = [
    "個人情報の保護に関する法律第27条第1項・第69条",
    "個人情報の保護に関する法律第27条第1項（本人の同意）・第69条第2項第1号",
    "個人情報の保護に関する法律第27条第1項第1号・第69条第1項（法令に基づく場合）",
];
/// 2022-04-01 … 2023-03-31: 第27条 for private bodies, each municipality's own 条例 for it.
const PRIVACY_2022: [&str; 3] = [
    "個人情報の保護に関する法律第27条第1項（民間）・各市町村の個人情報保護条例（地方公共団体）",
    "個人情報の保護に関する法律第27条第1項（本人の同意、民間）・各市町村の個人情報保護条例（地方公共団体）",
    "個人情報の保護に関する法律第27条第1項第1号（法令に基づく場合、民間）・各市町村の個人情報保護条例（地方公共団体）",
];
/// Before 2022-04-01: the article was 第23条.
const PRIVACY_OLD: [&str; 3] = [
    "個人情報の保護に関する法律第23条第1項（民間）・各市町村の個人情報保護条例（地方公共団体）",
    "個人情報の保護に関する法律第23条第1項（本人の同意、民間）・各市町村の個人情報保護条例（地方公共団体）",
    "個人情報の保護に関する法律第23条第1項第1号（法令に基づく場合、民間）・各市町村の個人情報保護条例（地方公共団体）",
];

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

    /// The one spelling of this basis as in force today (rules cite it).
    pub const fn citation(self) -> &'static str {
        PRIVACY_2023[self.index()]
    }

    /// The spelling in force on `date`.
    pub fn on(self, date: NaiveDate) -> &'static str {
        let table = if date >= PRIVACY_PUBLIC_FROM {
            &PRIVACY_2023
        } else if date >= PRIVACY_RENUMBERED {
            &PRIVACY_2022
        } else {
            &PRIVACY_OLD
        };
        table[self.index()]
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
