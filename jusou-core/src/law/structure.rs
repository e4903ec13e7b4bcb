//! What the law fixes about how the items fit together, as data the municipality check uses.

use schemars::JsonSchema;
use serde::Serialize;

use super::{Pillar, ProgramCode};

/// The one rule a municipality running the project (本格実施) is checked against: the project
/// *is* the items of 第106条の4第2項 carried out as one. The opening words (柱書) read
/// 「次に掲げるこの法律に基づく事業及び他の法律に基づく事業を一体のものとして実施することにより」,
/// and 第1号 and 第3号 each「次に掲げる全ての事業を一体的に行う事業」(checked against a statute
/// text, iuris.jp, 令和6年法律第21号 version, on 2026-12-02).
pub const ITEMS_AS_ONE_RULE: &str = "R-MUNI-ITEMS-AS-ONE";

/// Where [`ITEMS_AS_ONE_RULE`] is cited.
pub const ITEMS_AS_ONE_CITATION: &str = super::articles::SRC_ITEMS_OPENING.citation;

/// One part of what 第106条の4第2項 fixes about how the items fit together. Every part is checked
/// under the one rule [`ITEMS_AS_ONE_RULE`] (its `rule`), so that a municipality missing several
/// items gets one finding naming them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Structure {
    /// All of `members` are run together, as one (第1号イ–ニ, 第3号イ–ニ).
    AllTogether {
        /// Rule id used when a municipality breaks it.
        rule: &'static str,
        /// The group (`第1号`).
        group: &'static str,
        /// Its members.
        members: &'static [ProgramCode],
        /// Citation.
        citation: &'static str,
    },
    /// `program` is run together with `with` (第6号 with 第5号).
    RunsWith {
        /// Rule id.
        rule: &'static str,
        /// The dependent program.
        program: ProgramCode,
        /// The program it goes with.
        with: ProgramCode,
        /// Citation.
        citation: &'static str,
    },
    /// A municipality running the project runs all of `pillars` together (follows from the items).
    AllPillars {
        /// Rule id.
        rule: &'static str,
        /// The pillars.
        pillars: &'static [Pillar],
        /// Citation.
        citation: &'static str,
    },
    /// `program` is one of the items the project is made of (第2号, 第4号, 第5号).
    Required {
        /// Rule id.
        rule: &'static str,
        /// The item.
        program: ProgramCode,
        /// Citation.
        citation: &'static str,
    },
}

impl Structure {
    /// The program codes this part requires of a municipality running the project.
    pub fn required(&self) -> &'static [ProgramCode] {
        match self {
            Structure::AllTogether { members, .. } => members,
            Structure::RunsWith { program, .. } | Structure::Required { program, .. } => {
                let i = *program as usize;
                &ProgramCode::ALL[i..i + 1]
            }
            Structure::AllPillars { .. } => &[],
        }
    }
}

/// What the law fixes, in the order of the items. Every code any part requires, together, is
/// [`required_codes`].
pub const STRUCTURE: [Structure; 7] = [
    Structure::AllPillars {
        rule: ITEMS_AS_ONE_RULE,
        pillars: &Pillar::ALL,
        citation: ITEMS_AS_ONE_CITATION,
    },
    Structure::AllTogether {
        rule: ITEMS_AS_ONE_RULE,
        group: "第1号",
        members: &[
            ProgramCode::Item1I,
            ProgramCode::Item1Ro,
            ProgramCode::Item1Ha,
            ProgramCode::Item1Ni,
        ],
        citation: super::articles::SRC_ITEM1.citation,
    },
    Structure::Required {
        rule: ITEMS_AS_ONE_RULE,
        program: ProgramCode::Item2,
        citation: super::articles::SRC_ITEM2.citation,
    },
    Structure::AllTogether {
        rule: ITEMS_AS_ONE_RULE,
        group: "第3号",
        members: &[
            ProgramCode::Item3I,
            ProgramCode::Item3Ro,
            ProgramCode::Item3Ha,
            ProgramCode::Item3Ni,
        ],
        citation: super::articles::SRC_ITEM3.citation,
    },
    Structure::Required {
        rule: ITEMS_AS_ONE_RULE,
        program: ProgramCode::Item4,
        citation: super::articles::SRC_ITEM4.citation,
    },
    Structure::Required {
        rule: ITEMS_AS_ONE_RULE,
        program: ProgramCode::Item5,
        citation: super::articles::SRC_ITEM5.citation,
    },
    Structure::RunsWith {
        rule: ITEMS_AS_ONE_RULE,
        program: ProgramCode::Item6,
        with: ProgramCode::Item5,
        citation: super::articles::SRC_ITEM6.citation,
    },
];

/// Every program code the project is made of (第1号イ〜ニ, 第2号, 第3号イ〜ニ, 第4号, 第5号, 第6号),
/// in the law's order; the 第3号柱書 programs are not among them.
pub fn required_codes() -> Vec<ProgramCode> {
    ProgramCode::ALL
        .iter()
        .copied()
        .filter(|c| STRUCTURE.iter().any(|s| s.required().contains(c)))
        .collect()
}

/// How municipalities and the grant group the items. 稲城市 speaks of five programs, the law of six
/// items, the grant of three pillars: a group name on input stands for these codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ProgramGroup {
    /// Stable key.
    pub key: &'static str,
    /// Japanese name, as municipalities write it.
    pub name_ja: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// The codes it stands for.
    pub codes: &'static [ProgramCode],
}

/// The five-program view (稲城市) and the grant's headings.
pub const GROUPS: [ProgramGroup; 5] = [
    ProgramGroup {
        key: "comprehensive-consultation",
        name_ja: "包括的相談支援事業",
        name_en: "comprehensive consultation support",
        codes: &[
            ProgramCode::Item1I,
            ProgramCode::Item1Ro,
            ProgramCode::Item1Ha,
            ProgramCode::Item1Ni,
            ProgramCode::Item3MainConsult,
        ],
    },
    ProgramGroup {
        key: "participation",
        name_ja: "参加支援事業",
        name_en: "participation support",
        codes: &[ProgramCode::Item2],
    },
    ProgramGroup {
        key: "community",
        name_ja: "地域づくり事業",
        name_en: "community building",
        codes: &[
            ProgramCode::Item3I,
            ProgramCode::Item3Ro,
            ProgramCode::Item3Ha,
            ProgramCode::Item3Ni,
            ProgramCode::Item3MainCommunity,
        ],
    },
    ProgramGroup {
        key: "outreach",
        name_ja: "アウトリーチ等を通じた継続的支援事業",
        name_en: "continuous support through outreach",
        codes: &[ProgramCode::Item4],
    },
    ProgramGroup {
        key: "multi-agency",
        name_ja: "多機関協働事業",
        name_en: "multi-agency collaboration (with support plans)",
        codes: &[ProgramCode::Item5, ProgramCode::Item6],
    },
];

/// The group a name stands for (key, or Japanese name with or without 事業).
pub fn group(name: &str) -> Option<&'static ProgramGroup> {
    let n = name.trim();
    GROUPS
        .iter()
        .find(|g| g.key == n || g.name_ja == n || g.name_ja.strip_suffix("事業") == Some(n))
}
