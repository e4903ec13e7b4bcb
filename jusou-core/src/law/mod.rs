//! The law: the taxonomy of 社会福祉法第106条の4第2項, the articles jusou cites, the structure the
//! law fixes, and funding shares — all as dated data.
//!
//! ```
//! use jusou_core::law::{ProgramCode, Pillar};
//! let p = ProgramCode::Item5.program();
//! assert_eq!(p.citation, "社会福祉法第106条の4第2項第5号");
//! assert_eq!(p.pillar, Pillar::Consultation);
//! assert!(p.new_function);
//! ```

pub mod articles;
pub mod funding;
mod program;
pub mod structure;

use chrono::NaiveDate;

pub use program::{Basis, Field, Note, Pillar, Program, ProgramCode, ProgramType, Rename};

pub(crate) const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => NaiveDate::MIN, // the constant dates in this module are real; tests check them
    }
}

/// The day the 2020 amendment creating the project came into force.
pub const PROJECT_START: NaiveDate = ymd(2021, 4, 1);

const NONE_RENAMED: &[Rename] = &[];
const NO_TYPES: &[ProgramType] = &[];
const NO_NOTES: &[Note] = &[];

const UNVERIFIED_3: Option<&str> = Some(
    "号番号は現行の条文で未確認（DOMAIN.md §2）/ item number not yet confirmed against the current statute text",
);

/// The taxonomy, in the order of [`ProgramCode::ALL`] (index = discriminant).
pub static PROGRAMS: [Program; 14] = [
    Program {
        code: ProgramCode::Item1I,
        item: "第1号イ",
        citation: articles::SRC_ITEM1_I.citation,
        name_ja: "地域包括支援センターの運営",
        name_en: "running community general support centres",
        pillar: Pillar::Consultation,
        new_function: false,
        field: Field::Elderly,
        bundled_from: Some(Basis {
            law: "介護保険法",
            article: "第115条の45第2項第1号〜第3号",
            verified: true,
            note: None,
        }),
        effective_from: PROJECT_START,
        effective_until: None,
        renames: NONE_RENAMED,
        types: NO_TYPES,
        run_as_group: Some("第1号"),
        runs_with: None,
        notes: NO_NOTES,
    },
    Program {
        code: ProgramCode::Item1Ro,
        item: "第1号ロ",
        citation: articles::SRC_ITEM1_RO.citation,
        name_ja: "障害者相談支援事業",
        name_en: "consultation support for persons with disabilities",
        pillar: Pillar::Consultation,
        new_function: false,
        field: Field::Disability,
        bundled_from: Some(Basis {
            law: "障害者の日常生活及び社会生活を総合的に支援するための法律（障害者総合支援法）",
            article: "第77条第1項第3号",
            verified: true,
            note: Some(
                "交付金の区分では「基幹相談支援センター等機能強化事業等」/ the grant lists it as 基幹相談支援センター等機能強化事業等",
            ),
        }),
        effective_from: PROJECT_START,
        effective_until: None,
        renames: NONE_RENAMED,
        types: NO_TYPES,
        run_as_group: Some("第1号"),
        runs_with: None,
        notes: NO_NOTES,
    },
    Program {
        code: ProgramCode::Item1Ha,
        item: "第1号ハ",
        citation: articles::SRC_ITEM1_HA.citation,
        name_ja: "利用者支援事業",
        name_en: "user support (children and child-rearing)",
        pillar: Pillar::Consultation,
        new_function: false,
        field: Field::Children,
        bundled_from: Some(Basis {
            law: "子ども・子育て支援法",
            article: "第59条第1号",
            verified: true,
            note: Some(
                "第59条は2025年頃に拡充された（妊婦等包括相談支援事業の追加）/ 第59条 was extended around 2025",
            ),
        }),
        effective_from: PROJECT_START,
        effective_until: None,
        renames: &[
            Rename {
                on: ymd(2023, 4, 1),
                ja: "所管がこども家庭庁に移る",
                en: "jurisdiction moved to the Children and Families Agency (こども家庭庁)",
            },
            Rename {
                on: ymd(2024, 4, 1),
                ja: "母子保健型がこども家庭センター型に再編される",
                en: "the maternal-and-child-health type became the こども家庭センター type",
            },
            Rename {
                on: ymd(2025, 4, 1),
                ja: "妊婦等包括相談支援事業型が加わる",
                en: "the comprehensive pregnancy consultation type was added",
            },
        ],
        types: &[
            ProgramType {
                name_ja: "基本型",
                name_en: "basic type",
                from: None,
                until: None,
            },
            ProgramType {
                name_ja: "特定型",
                name_en: "specific (childcare placement) type",
                from: None,
                until: None,
            },
            ProgramType {
                name_ja: "母子保健型",
                name_en: "maternal and child health type",
                from: None,
                until: Some(ymd(2024, 3, 31)),
            },
            ProgramType {
                name_ja: "こども家庭センター型",
                name_en: "children and family centre type",
                from: Some(ymd(2024, 4, 1)),
                until: None,
            },
            ProgramType {
                name_ja: "妊婦等包括相談支援事業型",
                name_en: "comprehensive pregnancy consultation type",
                from: Some(ymd(2025, 4, 1)),
                until: None,
            },
        ],
        run_as_group: Some("第1号"),
        runs_with: None,
        notes: NO_NOTES,
    },
    Program {
        code: ProgramCode::Item1Ni,
        item: "第1号ニ",
        citation: articles::SRC_ITEM1_NI.citation,
        name_ja: "自立相談支援事業（生活困窮者）",
        name_en: "self-reliance consultation support (people in need)",
        pillar: Pillar::Consultation,
        new_function: false,
        field: Field::Poverty,
        bundled_from: Some(Basis {
            law: "生活困窮者自立支援法",
            article: "第3条第2項",
            verified: true,
            note: None,
        }),
        effective_from: PROJECT_START,
        effective_until: None,
        renames: NONE_RENAMED,
        types: NO_TYPES,
        run_as_group: Some("第1号"),
        runs_with: None,
        notes: NO_NOTES,
    },
    Program {
        code: ProgramCode::Item2,
        item: "第2号",
        citation: articles::SRC_ITEM2.citation,
        name_ja: "参加支援事業",
        name_en: "participation support",
        pillar: Pillar::Participation,
        new_function: true,
        field: Field::CrossField,
        bundled_from: None,
        effective_from: PROJECT_START,
        effective_until: None,
        renames: NONE_RENAMED,
        types: NO_TYPES,
        run_as_group: None,
        runs_with: None,
        notes: &[Note {
            ja: "埼玉県資料（seed 001）は参加支援の節を「第3号」と見出しているが、法と同資料の事業表は第2号",
            en: "seed 001 heads its participation section '第3号'; the law and the same source's item table say 第2号",
        }],
    },
    Program {
        code: ProgramCode::Item3I,
        item: "第3号イ",
        citation: articles::SRC_ITEM3_I.citation,
        name_ja: "地域介護予防活動支援事業（一般介護予防事業のうち厚生労働大臣が定めるもの）",
        name_en: "community long-term-care prevention activity support",
        pillar: Pillar::Community,
        new_function: false,
        field: Field::Elderly,
        bundled_from: Some(Basis {
            law: "介護保険法",
            article: "第115条の45第1項第2号",
            verified: false,
            note: UNVERIFIED_3,
        }),
        effective_from: PROJECT_START,
        effective_until: None,
        renames: NONE_RENAMED,
        types: NO_TYPES,
        run_as_group: Some("第3号"),
        runs_with: None,
        notes: NO_NOTES,
    },
    Program {
        code: ProgramCode::Item3Ro,
        item: "第3号ロ",
        citation: articles::SRC_ITEM3_RO.citation,
        name_ja: "生活支援体制整備事業",
        name_en: "building the daily-life support system",
        pillar: Pillar::Community,
        new_function: false,
        field: Field::Elderly,
        bundled_from: Some(Basis {
            law: "介護保険法",
            article: "第115条の45第2項第5号",
            verified: false,
            note: UNVERIFIED_3,
        }),
        effective_from: PROJECT_START,
        effective_until: None,
        renames: NONE_RENAMED,
        types: NO_TYPES,
        run_as_group: Some("第3号"),
        runs_with: None,
        notes: NO_NOTES,
    },
    Program {
        code: ProgramCode::Item3Ha,
        item: "第3号ハ",
        citation: articles::SRC_ITEM3_HA.citation,
        name_ja: "地域活動支援センター事業",
        name_en: "community activity support centres",
        pillar: Pillar::Community,
        new_function: false,
        field: Field::Disability,
        bundled_from: Some(Basis {
            law: "障害者の日常生活及び社会生活を総合的に支援するための法律（障害者総合支援法）",
            article: "第77条第1項第9号",
            verified: false,
            note: UNVERIFIED_3,
        }),
        effective_from: PROJECT_START,
        effective_until: None,
        renames: NONE_RENAMED,
        types: NO_TYPES,
        run_as_group: Some("第3号"),
        runs_with: None,
        notes: NO_NOTES,
    },
    Program {
        code: ProgramCode::Item3Ni,
        item: "第3号ニ",
        citation: articles::SRC_ITEM3_NI.citation,
        name_ja: "地域子育て支援拠点事業",
        name_en: "community child-rearing support hubs",
        pillar: Pillar::Community,
        new_function: false,
        field: Field::Children,
        bundled_from: Some(Basis {
            law: "子ども・子育て支援法",
            article: "第59条第9号",
            verified: false,
            note: UNVERIFIED_3,
        }),
        effective_from: PROJECT_START,
        effective_until: None,
        renames: &[Rename {
            on: ymd(2023, 4, 1),
            ja: "所管がこども家庭庁に移る",
            en: "jurisdiction moved to the Children and Families Agency (こども家庭庁)",
        }],
        types: NO_TYPES,
        run_as_group: Some("第3号"),
        runs_with: None,
        notes: NO_NOTES,
    },
    Program {
        code: ProgramCode::Item3MainCommunity,
        item: "第3号柱書",
        citation: articles::SRC_ITEM3_OPENING.citation,
        name_ja: "生活困窮者支援等のための地域づくり事業（共助の基盤づくり）",
        name_en: "community building for people in need (foundations of mutual aid)",
        pillar: Pillar::Community,
        new_function: false,
        field: Field::Poverty,
        bundled_from: Some(Basis {
            law: "生活困窮者自立支援法（予算事業）",
            article: "",
            verified: false,
            note: Some("法律上の号のない予算事業 / a budget program with no item of its own"),
        }),
        effective_from: PROJECT_START,
        effective_until: None,
        renames: NONE_RENAMED,
        types: NO_TYPES,
        run_as_group: None,
        runs_with: None,
        notes: &[Note {
            ja: "第3号柱書に含まれる（seed 001 事業表の注）",
            en: "placed under the opening words of item 3 (note to seed 001's item table)",
        }],
    },
    Program {
        code: ProgramCode::Item3MainConsult,
        item: "第3号柱書",
        citation: articles::SRC_ITEM3_OPENING.citation,
        name_ja: "福祉事務所未設置町村による相談事業",
        name_en: "consultation by towns and villages without a welfare office",
        pillar: Pillar::Consultation,
        new_function: false,
        field: Field::Poverty,
        bundled_from: Some(Basis {
            law: "生活困窮者自立支援法",
            article: "",
            verified: false,
            note: Some("町村の一次相談 / first-line consultation by towns and villages"),
        }),
        effective_from: PROJECT_START,
        effective_until: None,
        renames: NONE_RENAMED,
        types: NO_TYPES,
        run_as_group: None,
        runs_with: None,
        notes: &[Note {
            ja: "条文上は第3号柱書に置かれるが、性質は相談事業であり交付金資料でも包括的相談支援事業に並ぶため、柱はI（相談支援）とした",
            en: "cited under the opening words of item 3, but it is a consultation program and the grant lists it under comprehensive consultation, so its pillar is I",
        }],
    },
    Program {
        code: ProgramCode::Item4,
        item: "第4号",
        citation: articles::SRC_ITEM4.citation,
        name_ja: "アウトリーチ等を通じた継続的支援事業",
        name_en: "continuous support through outreach",
        pillar: Pillar::Consultation,
        new_function: true,
        field: Field::CrossField,
        bundled_from: None,
        effective_from: PROJECT_START,
        effective_until: None,
        renames: NONE_RENAMED,
        types: NO_TYPES,
        run_as_group: None,
        runs_with: None,
        notes: NO_NOTES,
    },
    Program {
        code: ProgramCode::Item5,
        item: "第5号",
        citation: articles::SRC_ITEM5.citation,
        name_ja: "多機関協働事業",
        name_en: "multi-agency collaboration",
        pillar: Pillar::Consultation,
        new_function: true,
        field: Field::CrossField,
        bundled_from: None,
        effective_from: PROJECT_START,
        effective_until: None,
        renames: NONE_RENAMED,
        types: NO_TYPES,
        run_as_group: None,
        runs_with: None,
        notes: NO_NOTES,
    },
    Program {
        code: ProgramCode::Item6,
        item: "第6号",
        citation: articles::SRC_ITEM6.citation,
        name_ja: "支援プランの作成",
        name_en: "drawing up support plans",
        pillar: Pillar::Consultation,
        new_function: true,
        field: Field::CrossField,
        bundled_from: None,
        effective_from: PROJECT_START,
        effective_until: None,
        renames: NONE_RENAMED,
        types: NO_TYPES,
        run_as_group: None,
        runs_with: Some(ProgramCode::Item5),
        notes: &[Note {
            ja: "多機関協働事業と一体的に実施する",
            en: "run together with multi-agency collaboration (item 5)",
        }],
    },
];

/// The whole taxonomy, in the law's order.
pub fn taxonomy() -> &'static [Program] {
    &PROGRAMS
}

/// The taxonomy as in force on `date` (all of it from 2021-04-01; none before).
pub fn taxonomy_on(date: NaiveDate) -> impl Iterator<Item = &'static Program> {
    PROGRAMS.iter().filter(move |p| p.in_force(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_indexed_by_code() {
        for (i, code) in ProgramCode::ALL.iter().enumerate() {
            assert_eq!(PROGRAMS[i].code, *code);
            assert_eq!(*code as usize, i);
            assert_eq!(code.program().item, code.item_ja());
            assert!(code
                .program()
                .citation
                .starts_with("社会福祉法第106条の4第2項第"));
        }
    }

    #[test]
    #[allow(clippy::type_complexity)] // one table row per item reads best as a tuple
    fn every_entry_matches_the_law() {
        use Field::*;
        use Pillar::*;
        use ProgramCode::*;
        // (code, citation, pillar, new, field, underlying law and article)
        type Row = (
            ProgramCode,
            &'static str,
            Pillar,
            bool,
            Field,
            Option<(&'static str, &'static str)>,
        );
        let expected: [Row; 14] = [
            (
                Item1I,
                "社会福祉法第106条の4第2項第1号イ",
                Consultation,
                false,
                Elderly,
                Some(("介護保険法", "第115条の45第2項第1号〜第3号")),
            ),
            (
                Item1Ro,
                "社会福祉法第106条の4第2項第1号ロ",
                Consultation,
                false,
                Disability,
                Some((
                    "障害者の日常生活及び社会生活を総合的に支援するための法律（障害者総合支援法）",
                    "第77条第1項第3号",
                )),
            ),
            (
                Item1Ha,
                "社会福祉法第106条の4第2項第1号ハ",
                Consultation,
                false,
                Children,
                Some(("子ども・子育て支援法", "第59条第1号")),
            ),
            (
                Item1Ni,
                "社会福祉法第106条の4第2項第1号ニ",
                Consultation,
                false,
                Poverty,
                Some(("生活困窮者自立支援法", "第3条第2項")),
            ),
            (
                Item2,
                "社会福祉法第106条の4第2項第2号",
                Participation,
                true,
                CrossField,
                None,
            ),
            (
                Item3I,
                "社会福祉法第106条の4第2項第3号イ",
                Community,
                false,
                Elderly,
                Some(("介護保険法", "第115条の45第1項第2号")),
            ),
            (
                Item3Ro,
                "社会福祉法第106条の4第2項第3号ロ",
                Community,
                false,
                Elderly,
                Some(("介護保険法", "第115条の45第2項第5号")),
            ),
            (
                Item3Ha,
                "社会福祉法第106条の4第2項第3号ハ",
                Community,
                false,
                Disability,
                Some((
                    "障害者の日常生活及び社会生活を総合的に支援するための法律（障害者総合支援法）",
                    "第77条第1項第9号",
                )),
            ),
            (
                Item3Ni,
                "社会福祉法第106条の4第2項第3号ニ",
                Community,
                false,
                Children,
                Some(("子ども・子育て支援法", "第59条第9号")),
            ),
            (
                Item3MainCommunity,
                "社会福祉法第106条の4第2項第3号（柱書）",
                Community,
                false,
                Poverty,
                Some(("生活困窮者自立支援法（予算事業）", "")),
            ),
            (
                Item3MainConsult,
                "社会福祉法第106条の4第2項第3号（柱書）",
                Consultation,
                false,
                Poverty,
                Some(("生活困窮者自立支援法", "")),
            ),
            (
                Item4,
                "社会福祉法第106条の4第2項第4号",
                Consultation,
                true,
                CrossField,
                None,
            ),
            (
                Item5,
                "社会福祉法第106条の4第2項第5号",
                Consultation,
                true,
                CrossField,
                None,
            ),
            (
                Item6,
                "社会福祉法第106条の4第2項第6号",
                Consultation,
                true,
                CrossField,
                None,
            ),
        ];
        for (code, citation, pillar, new, field, basis) in expected {
            let p = code.program();
            assert_eq!(p.citation, citation, "{code}");
            assert_eq!(p.pillar, pillar, "{code}");
            assert_eq!(p.new_function, new, "{code}");
            assert_eq!(p.field, field, "{code}");
            assert_eq!(p.bundled_from.map(|b| (b.law, b.article)), basis, "{code}");
            assert_eq!(p.effective_from, PROJECT_START);
            assert!(!p.name_ja.is_empty() && !p.name_en.is_empty());
        }
        // The 3rd item's bundled article numbers are unverified data, never hard facts.
        for code in [Item3I, Item3Ro, Item3Ha, Item3Ni] {
            assert!(!code.program().bundled_from.unwrap().verified);
        }
        assert_eq!(Item6.program().runs_with, Some(Item5));
    }

    #[test]
    fn codes_parse_from_code_or_item_label() {
        assert_eq!("1-i".parse::<ProgramCode>().unwrap(), ProgramCode::Item1I);
        assert_eq!("第5号".parse::<ProgramCode>().unwrap(), ProgramCode::Item5);
        assert_eq!(
            "第3号ニ".parse::<ProgramCode>().unwrap(),
            ProgramCode::Item3Ni
        );
        // 第3号柱書 names two programs: ambiguous, so not accepted as a label.
        assert!("第3号柱書".parse::<ProgramCode>().is_err());
        let e = "7".parse::<ProgramCode>().unwrap_err();
        assert_eq!(e.code, crate::error::codes::LAW_UNKNOWN_PROGRAM);
        let e = crate::error::decode::<Vec<ProgramCode>>(r#"["5", "9"]"#).unwrap_err();
        assert_eq!(e.errors[0].code, crate::error::codes::LAW_UNKNOWN_PROGRAM);
        assert_eq!(e.errors[0].path, "/1");
    }

    #[test]
    fn child_program_types_are_dated() {
        let p = ProgramCode::Item1Ha.program();
        let names = |d| p.types_on(d).map(|t| t.name_ja).collect::<Vec<_>>();
        assert!(names(ymd(2024, 3, 31)).contains(&"母子保健型"));
        assert!(!names(ymd(2024, 4, 1)).contains(&"母子保健型"));
        assert!(names(ymd(2024, 4, 1)).contains(&"こども家庭センター型"));
        assert!(!names(ymd(2025, 3, 31)).contains(&"妊婦等包括相談支援事業型"));
        assert!(names(ymd(2025, 4, 1)).contains(&"妊婦等包括相談支援事業型"));
    }

    #[test]
    fn nothing_in_force_before_2021() {
        assert_eq!(taxonomy_on(ymd(2021, 3, 31)).count(), 0);
        assert_eq!(taxonomy_on(ymd(2021, 4, 1)).count(), 14);
    }

    #[test]
    fn structure_and_groups() {
        use structure::*;
        let all_codes: Vec<_> = GROUPS.iter().flat_map(|g| g.codes.iter()).collect();
        assert_eq!(all_codes.len(), 14, "every code in exactly one group");
        assert_eq!(
            group("多機関協働").unwrap().codes,
            &[ProgramCode::Item5, ProgramCode::Item6]
        );
        assert!(matches!(STRUCTURE[0], Structure::AllPillars { .. }));
    }

    #[test]
    fn articles_and_penalty() {
        assert_eq!(
            articles::by_key("106-6-5").unwrap().citation,
            "社会福祉法第106条の6第5項"
        );
        assert_eq!(
            articles::IMPLEMENTATION_PLAN.force,
            articles::Force::Endeavour
        );
        let p = articles::SECRECY_PENALTY;
        assert!(p.on(ymd(2025, 5, 31)).unwrap().ja.contains("懲役"));
        assert!(p.on(ymd(2025, 6, 1)).unwrap().ja.contains("拘禁刑"));
        assert!(p.on(ymd(2021, 3, 31)).is_none());
    }
}
