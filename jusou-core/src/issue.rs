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
    /// 障がい（種別不明）: a disability the record does not type
    Disability = "disability", "障がい（種別不明）", "disability (type not recorded)";
    /// ひとり親
    SingleParent = "single_parent", "ひとり親", "single-parent household";
    /// 家族の不和
    FamilyConflict = "family_conflict", "家族の不和", "family conflict";
    /// 権利擁護・消費者被害
    RightsConsumer = "rights_consumer", "権利擁護・消費者被害", "advocacy need / consumer fraud";
    /// 家事困難・生活能力の低下
    DailyLiving = "daily_living", "家事困難・生活能力の低下", "difficulty with housework / declining daily-living skills";
    /// 退院後の生活
    AfterDischarge = "after_discharge", "退院後の生活", "life after discharge from hospital";
    /// 滞納（税・公共料金・家賃など。債務とは別）
    Arrears = "arrears", "滞納", "arrears (taxes, utilities, rent; distinct from debt)";
    /// コミュニケーションの困難
    CommunicationDifficulty = "communication_difficulty", "コミュニケーションの困難", "communication difficulty";
}

// Issue sets are u32 bit masks (routing::household::bit).
const _: () = assert!(Issue::ALL.len() <= 32);

/// How sure the record is of an issue (疑い・可能性 vs 確認).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// 確認（the default for a plain string）
    #[default]
    #[serde(alias = "確認")]
    Confirmed,
    /// 疑い・可能性
    #[serde(alias = "疑い", alias = "可能性")]
    Suspected,
}

/// Who is said to abuse (for abuse issues): the statute's chapter depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Perpetrator {
    /// 養護者（家族・親族・同居人）
    #[serde(alias = "養護者")]
    Caregiver,
    /// 施設従事者（障害者福祉施設従事者等・養介護施設従事者等）
    #[serde(alias = "施設従事者")]
    FacilityStaff,
    /// 使用者（雇い主）
    #[serde(alias = "使用者")]
    Employer,
    /// 配偶者（元配偶者・事実婚を含む）
    #[serde(alias = "配偶者")]
    Spouse,
}

/// An issue with how sure the record is, and (for abuse) by whom. In JSON a plain string
/// (`"hikikomori"`, confirmed) or an object (`{"issue": "hikikomori", "certainty": "suspected"}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueDetail {
    /// The issue.
    pub issue: Issue,
    /// 確認 (`confirmed`, default) or 疑い・可能性 (`suspected`).
    #[serde(default)]
    pub certainty: Certainty,
    /// For an abuse issue: who is said to abuse (養護者・施設従事者・使用者・配偶者).
    #[serde(default)]
    pub by: Option<Perpetrator>,
}

/// An issue as recorded: a string or an [`IssueDetail`] object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, JsonSchema)]
#[serde(untagged)]
pub enum IssueEntry {
    /// A confirmed issue, by key.
    Key(Issue),
    /// An issue with its certainty (and perpetrator).
    Detail(IssueDetail),
}

impl IssueEntry {
    /// The issue.
    pub const fn issue(&self) -> Issue {
        match self {
            IssueEntry::Key(i) => *i,
            IssueEntry::Detail(d) => d.issue,
        }
    }

    /// Whether the record only suspects it.
    pub const fn suspected(&self) -> bool {
        matches!(
            self,
            IssueEntry::Detail(IssueDetail {
                certainty: Certainty::Suspected,
                ..
            })
        )
    }

    /// Who is said to abuse, if recorded.
    pub const fn by(&self) -> Option<Perpetrator> {
        match self {
            IssueEntry::Key(_) => None,
            IssueEntry::Detail(d) => d.by,
        }
    }
}

impl From<Issue> for IssueEntry {
    fn from(i: Issue) -> Self {
        IssueEntry::Key(i)
    }
}

impl Serialize for IssueEntry {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        match self {
            IssueEntry::Key(i) => i.serialize(s),
            IssueEntry::Detail(d) => {
                let mut st = s.serialize_struct("IssueDetail", 3)?;
                st.serialize_field("issue", &d.issue)?;
                st.serialize_field("certainty", &d.certainty)?;
                st.serialize_field("by", &d.by)?;
                st.end()
            }
        }
    }
}

/// A string or an object, each with serde's own error kinds (an unknown key stays "not one of
/// the allowed values" at its path).
impl<'de> Deserialize<'de> for IssueEntry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = IssueEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an issue key or {\"issue\": …, \"certainty\": …}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<IssueEntry, E> {
                Issue::deserialize(de::value::StrDeserializer::<E>::new(v)).map(IssueEntry::Key)
            }
            fn visit_map<A: de::MapAccess<'de>>(self, m: A) -> Result<IssueEntry, A::Error> {
                IssueDetail::deserialize(de::value::MapAccessDeserializer::new(m))
                    .map(IssueEntry::Detail)
            }
        }
        d.deserialize_any(V)
    }
}
