//! What the law fixes about how the items fit together, as data the municipality check uses.

use schemars::JsonSchema;
use serde::Serialize;

use super::{Pillar, ProgramCode};

/// One structural rule of 第106条の4第2項.
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
    /// A municipality running the project runs all of `pillars` together.
    AllPillars {
        /// Rule id.
        rule: &'static str,
        /// The pillars.
        pillars: &'static [Pillar],
        /// Citation.
        citation: &'static str,
    },
}

/// The structural rules, in the order the municipality check applies them.
pub const STRUCTURE: [Structure; 4] = [
    Structure::AllPillars {
        rule: "R-MUNI-PILLARS",
        pillars: &Pillar::ALL,
        citation: "社会福祉法第106条の4第2項",
    },
    Structure::AllTogether {
        rule: "R-MUNI-ITEM1-ALL",
        group: "第1号",
        members: &[
            ProgramCode::Item1I,
            ProgramCode::Item1Ro,
            ProgramCode::Item1Ha,
            ProgramCode::Item1Ni,
        ],
        citation: "社会福祉法第106条の4第2項第1号",
    },
    Structure::AllTogether {
        rule: "R-MUNI-ITEM3-ALL",
        group: "第3号",
        members: &[
            ProgramCode::Item3I,
            ProgramCode::Item3Ro,
            ProgramCode::Item3Ha,
            ProgramCode::Item3Ni,
        ],
        citation: "社会福祉法第106条の4第2項第3号",
    },
    Structure::RunsWith {
        rule: "R-MUNI-ITEM6-WITH-5",
        program: ProgramCode::Item6,
        with: ProgramCode::Item5,
        citation: "社会福祉法第106条の4第2項第6号",
    },
];

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
