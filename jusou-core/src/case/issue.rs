//! The closed vocabulary of issues a worker records per household member at intake.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

macro_rules! issues {
    ($($(#[$doc:meta])* $variant:ident = $key:literal, $ja:literal, $en:literal;)*) => {
        /// An issue (課題) recorded for a household member.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        pub enum Issue {
            $($(#[$doc])* #[serde(rename = $key)] $variant,)*
        }

        impl Issue {
            /// Every issue, in vocabulary order.
            pub const ALL: &'static [Issue] = &[$(Issue::$variant,)*];

            /// The key used in JSON (`hikikomori`).
            pub const fn key(self) -> &'static str {
                match self { $(Issue::$variant => $key,)* }
            }

            /// Japanese label (`ひきこもり`).
            pub const fn label_ja(self) -> &'static str {
                match self { $(Issue::$variant => $ja,)* }
            }

            /// English label.
            pub const fn label_en(self) -> &'static str {
                match self { $(Issue::$variant => $en,)* }
            }
        }
    };
}

issues! {
    /// 介護
    Care = "care", "介護", "long-term care need";
    /// 認知症
    Dementia = "dementia", "認知症", "dementia";
    /// 身体障害
    PhysicalDisability = "physical_disability", "身体障害", "physical disability";
    /// 知的障害
    IntellectualDisability = "intellectual_disability", "知的障害", "intellectual disability";
    /// 精神障害
    MentalDisability = "mental_disability", "精神障害", "mental disability";
    /// 精神的不調
    MentalDistress = "mental_distress", "精神的不調", "mental distress";
    /// ひきこもり
    Hikikomori = "hikikomori", "ひきこもり", "social withdrawal (hikikomori)";
    /// 生活困窮
    Poverty = "poverty", "生活困窮", "financial hardship";
    /// 債務
    Debt = "debt", "債務", "debt";
    /// 就労困難
    EmploymentDifficulty = "employment_difficulty", "就労困難", "difficulty finding or keeping work";
    /// 子育て
    Childrearing = "childrearing", "子育て", "child-rearing";
    /// 不登校
    SchoolRefusal = "school_refusal", "不登校", "school non-attendance";
    /// ヤングケアラー
    YoungCarer = "young_carer", "ヤングケアラー", "young carer";
    /// ダブルケア
    DoubleCare = "double_care", "ダブルケア", "double care (caring for a parent and a child)";
    /// ごみ屋敷
    Hoarding = "hoarding", "ごみ屋敷", "hoarding / refuse-filled home";
    /// セルフネグレクト
    SelfNeglect = "self_neglect", "セルフネグレクト", "self-neglect";
    /// 社会的孤立
    Isolation = "isolation", "社会的孤立", "social isolation";
    /// 住まい
    Housing = "housing", "住まい", "housing";
    /// 健康
    Health = "health", "健康", "health";
    /// DV
    DomesticViolence = "dv", "DV", "domestic violence";
    /// 児童虐待
    ChildAbuse = "child_abuse", "児童虐待", "child abuse";
    /// 高齢者虐待
    ElderAbuse = "elder_abuse", "高齢者虐待", "elder abuse";
    /// 障害者虐待
    DisabilityAbuse = "disability_abuse", "障害者虐待", "abuse of a person with disabilities";
}
