//! Program codes of 社会福祉法第106条の4第2項 and what each entry of the taxonomy says.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{codes, Error};

/// A program (item) of 社会福祉法第106条の4第2項, by the code of DESIGN.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
pub enum ProgramCode {
    /// 第1号イ 地域包括支援センターの運営
    #[serde(rename = "1-i")]
    Item1I,
    /// 第1号ロ 障害者相談支援事業
    #[serde(rename = "1-ro")]
    Item1Ro,
    /// 第1号ハ 利用者支援事業
    #[serde(rename = "1-ha")]
    Item1Ha,
    /// 第1号ニ 自立相談支援事業
    #[serde(rename = "1-ni")]
    Item1Ni,
    /// 第2号 参加支援事業
    #[serde(rename = "2")]
    Item2,
    /// 第3号イ 地域介護予防活動支援事業
    #[serde(rename = "3-i")]
    Item3I,
    /// 第3号ロ 生活支援体制整備事業
    #[serde(rename = "3-ro")]
    Item3Ro,
    /// 第3号ハ 地域活動支援センター事業
    #[serde(rename = "3-ha")]
    Item3Ha,
    /// 第3号ニ 地域子育て支援拠点事業
    #[serde(rename = "3-ni")]
    Item3Ni,
    /// 第3号柱書 生活困窮者支援等のための地域づくり事業
    #[serde(rename = "3-main-community")]
    Item3MainCommunity,
    /// 第3号柱書 福祉事務所未設置町村による相談事業
    #[serde(rename = "3-main-consult")]
    Item3MainConsult,
    /// 第4号 アウトリーチ等を通じた継続的支援事業
    #[serde(rename = "4")]
    Item4,
    /// 第5号 多機関協働事業
    #[serde(rename = "5")]
    Item5,
    /// 第6号 支援プランの作成
    #[serde(rename = "6")]
    Item6,
}

impl ProgramCode {
    /// Every program, in the law's order.
    pub const ALL: [ProgramCode; 14] = [
        ProgramCode::Item1I,
        ProgramCode::Item1Ro,
        ProgramCode::Item1Ha,
        ProgramCode::Item1Ni,
        ProgramCode::Item2,
        ProgramCode::Item3I,
        ProgramCode::Item3Ro,
        ProgramCode::Item3Ha,
        ProgramCode::Item3Ni,
        ProgramCode::Item3MainCommunity,
        ProgramCode::Item3MainConsult,
        ProgramCode::Item4,
        ProgramCode::Item5,
        ProgramCode::Item6,
    ];

    /// The code as written in JSON (`1-i`, `3-main-consult`, `5`).
    pub const fn as_str(self) -> &'static str {
        match self {
            ProgramCode::Item1I => "1-i",
            ProgramCode::Item1Ro => "1-ro",
            ProgramCode::Item1Ha => "1-ha",
            ProgramCode::Item1Ni => "1-ni",
            ProgramCode::Item2 => "2",
            ProgramCode::Item3I => "3-i",
            ProgramCode::Item3Ro => "3-ro",
            ProgramCode::Item3Ha => "3-ha",
            ProgramCode::Item3Ni => "3-ni",
            ProgramCode::Item3MainCommunity => "3-main-community",
            ProgramCode::Item3MainConsult => "3-main-consult",
            ProgramCode::Item4 => "4",
            ProgramCode::Item5 => "5",
            ProgramCode::Item6 => "6",
        }
    }

    /// The item label in Japanese (`第1号イ`, `第3号柱書`).
    pub const fn item_ja(self) -> &'static str {
        match self {
            ProgramCode::Item1I => "第1号イ",
            ProgramCode::Item1Ro => "第1号ロ",
            ProgramCode::Item1Ha => "第1号ハ",
            ProgramCode::Item1Ni => "第1号ニ",
            ProgramCode::Item2 => "第2号",
            ProgramCode::Item3I => "第3号イ",
            ProgramCode::Item3Ro => "第3号ロ",
            ProgramCode::Item3Ha => "第3号ハ",
            ProgramCode::Item3Ni => "第3号ニ",
            ProgramCode::Item3MainCommunity | ProgramCode::Item3MainConsult => "第3号柱書",
            ProgramCode::Item4 => "第4号",
            ProgramCode::Item5 => "第5号",
            ProgramCode::Item6 => "第6号",
        }
    }

    /// The taxonomy entry for this code.
    pub fn program(self) -> &'static super::Program {
        &super::PROGRAMS[self as usize]
    }
}

impl fmt::Display for ProgramCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ProgramCode {
    type Err = Error;

    /// Accepts the code (`1-i`) or, unambiguously, the item label (`第1号イ`, `第5号`).
    fn from_str(s: &str) -> Result<Self, Error> {
        let t = s.trim();
        ProgramCode::ALL
            .iter()
            .copied()
            .find(|c| {
                c.as_str() == t
                    || (c.item_ja() == t
                        && !matches!(
                            c,
                            ProgramCode::Item3MainCommunity | ProgramCode::Item3MainConsult
                        ))
            })
            .ok_or_else(|| {
                Error::new(
                    codes::LAW_UNKNOWN_PROGRAM,
                    "",
                    format!(
                        "「{t}」は社会福祉法第106条の4第2項の事業コードではありません（例: 1-i, 2, 3-ni, 5）"
                    ),
                    format!(
                        "'{t}' is not a program code of 社会福祉法第106条の4第2項 (e.g. 1-i, 2, 3-ni, 5)"
                    ),
                )
                .cite(super::articles::ITEMS.citation)
            })
    }
}

impl<'de> Deserialize<'de> for ProgramCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d).map_err(|e| {
            crate::error::type_error(
                e,
                "事業コードは文字列で書いてください（例: \"1-i\"）",
                "a program code is a string (e.g. \"1-i\")",
            )
        })?;
        s.parse::<ProgramCode>().map_err(|e| e.to_serde())
    }
}

/// The three pillars a municipality running the project must run together.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub enum Pillar {
    /// I 相談支援 (第1号, 第4号, 第5号, 第6号)
    #[serde(rename = "I")]
    Consultation,
    /// II 参加支援 (第2号)
    #[serde(rename = "II")]
    Participation,
    /// III 地域づくりに向けた支援 (第3号)
    #[serde(rename = "III")]
    Community,
}

impl Pillar {
    /// All three, in order.
    pub const ALL: [Pillar; 3] = [
        Pillar::Consultation,
        Pillar::Participation,
        Pillar::Community,
    ];

    /// Japanese name.
    pub const fn name_ja(self) -> &'static str {
        match self {
            Pillar::Consultation => "相談支援",
            Pillar::Participation => "参加支援",
            Pillar::Community => "地域づくりに向けた支援",
        }
    }

    /// English name.
    pub const fn name_en(self) -> &'static str {
        match self {
            Pillar::Consultation => "consultation support",
            Pillar::Participation => "participation support",
            Pillar::Community => "support for community building",
        }
    }

    /// Roman numeral (`I`, `II`, `III`).
    pub const fn numeral(self) -> &'static str {
        match self {
            Pillar::Consultation => "I",
            Pillar::Participation => "II",
            Pillar::Community => "III",
        }
    }
}

/// The field (分野) a program belongs to.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// 高齢 (介護)
    Elderly,
    /// 障害
    Disability,
    /// 子ども
    Children,
    /// 生活困窮
    Poverty,
    /// 分野横断 (the new functions)
    CrossField,
}

impl Field {
    /// Japanese name.
    pub const fn name_ja(self) -> &'static str {
        match self {
            Field::Elderly => "高齢",
            Field::Disability => "障害",
            Field::Children => "子ども",
            Field::Poverty => "生活困窮",
            Field::CrossField => "分野横断",
        }
    }

    /// English name.
    pub const fn name_en(self) -> &'static str {
        match self {
            Field::Elderly => "elderly",
            Field::Disability => "disability",
            Field::Children => "children",
            Field::Poverty => "poverty",
            Field::CrossField => "cross-field",
        }
    }
}

/// The law and article an existing program is bundled from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Basis {
    /// The law (`介護保険法`).
    pub law: &'static str,
    /// The provision (`第115条の45第2項第1号〜第3号`), empty where it is a budget program.
    pub article: &'static str,
    /// Whether the article number was confirmed against a current statute text.
    pub verified: bool,
    /// What is known and unknown about it.
    pub note: Option<&'static str>,
}

/// A later rename or re-organisation of a program, with the date it took effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Rename {
    /// Date it took effect.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "String")]
    pub on: NaiveDate,
    /// What changed, in Japanese.
    pub ja: &'static str,
    /// What changed, in English.
    pub en: &'static str,
}

/// A type (類型) of a program, e.g. 利用者支援事業's こども家庭センター型, with its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ProgramType {
    /// Japanese name.
    pub name_ja: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// First day it exists, `None` if from the start.
    #[serde(with = "crate::calendar::day::option")]
    #[schemars(with = "Option<String>")]
    pub from: Option<NaiveDate>,
    /// Last day it exists, `None` if still in force.
    #[serde(with = "crate::calendar::day::option")]
    #[schemars(with = "Option<String>")]
    pub until: Option<NaiveDate>,
}

/// A note in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Note {
    /// Japanese.
    pub ja: &'static str,
    /// English.
    pub en: &'static str,
}

/// One entry of the taxonomy of 社会福祉法第106条の4第2項.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Program {
    /// Program code (`1-i` … `6`).
    pub code: ProgramCode,
    /// Item label (`第1号イ`).
    pub item: &'static str,
    /// Full citation (`社会福祉法第106条の4第2項第1号イ`).
    pub citation: &'static str,
    /// Japanese name.
    pub name_ja: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Pillar (I, II, III).
    pub pillar: Pillar,
    /// One of the new functions of the 2021 reform (参加支援, アウトリーチ等, 多機関協働, 支援プラン).
    pub new_function: bool,
    /// The field it comes from.
    pub field: Field,
    /// For bundled existing programs, the law and article they come from.
    pub bundled_from: Option<Basis>,
    /// First day in force as part of the project.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "String")]
    pub effective_from: NaiveDate,
    /// Last day in force, `None` while in force.
    #[serde(with = "crate::calendar::day::option")]
    #[schemars(with = "Option<String>")]
    pub effective_until: Option<NaiveDate>,
    /// Later renames and re-organisations.
    pub renames: &'static [Rename],
    /// Types (類型) with their dates, where the program has them.
    pub types: &'static [ProgramType],
    /// Group that must be run whole (`第1号`, `第3号`), if any.
    pub run_as_group: Option<&'static str>,
    /// The program it must run together with (第6号 with 第5号).
    pub runs_with: Option<ProgramCode>,
    /// Tensions, uncertainties and sources.
    pub notes: &'static [Note],
}

impl Program {
    /// Whether the program is part of the project on `date`.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        date >= self.effective_from && self.effective_until.is_none_or(|u| date <= u)
    }

    /// The types (類型) in force on `date`.
    pub fn types_on(&self, date: NaiveDate) -> impl Iterator<Item = &'static ProgramType> {
        self.types
            .iter()
            .filter(move |t| t.from.is_none_or(|f| f <= date) && t.until.is_none_or(|u| date <= u))
    }
}
