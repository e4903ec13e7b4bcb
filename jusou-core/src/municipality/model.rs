//! A municipality's 実施体制 as data: which program of 第106条の4第2項 is run, by whom and how,
//! which meetings exist, and its 実施計画. Facts as the municipality writes them; the law's
//! verdict on them is in [`super::check`].

use std::fmt;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::calendar::{self, DateKind, FiscalYear};
use crate::error::codes;
use crate::law::ProgramCode;

use super::{LocalGovCode, Options};

/// How a municipality runs 重層的支援体制整備事業 (its 実施体制).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    /// 全国地方公共団体コード (6 digits with check digit).
    pub code: LocalGovCode,
    /// Name (`新座市`).
    pub name: String,
    /// Prefecture (`埼玉県`).
    pub prefecture: String,
    /// The 年度 the project starts (2024 or `令和6年度`).
    pub start_fiscal_year: FiscalYear,
    /// The 実施計画 of 第106条の5, if one was adopted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementation_plan: Option<ImplementationPlan>,
    /// The programs run, each once, with their providers.
    pub programs: Vec<ProgramEntry>,
    /// The meetings the municipality holds.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// What the municipality chooses (criteria for 多機関協働, intervals).
    #[serde(default)]
    pub options: Options,
    /// Free note (sources, caveats).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The 実施計画 (第106条の5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImplementationPlan {
    /// Title as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The plan period, as a 年度 range.
    pub period: PlanPeriod,
    /// The day the plan was adopted (ISO or 和暦).
    #[serde(
        default,
        with = "crate::calendar::day::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::calendar::DayText>")]
    pub adopted_on: Option<NaiveDate>,
}

/// A plan period: first and last 年度 (a day is accepted but must fall on a 年度 boundary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanPeriod {
    /// First 年度 (or its first day, April 1).
    pub from: PeriodEdge,
    /// Last 年度 (or its last day, March 31).
    pub to: PeriodEdge,
}

/// One end of a plan period: a 年度 (`2024`, `令和6年度`) or a day (`2024-04-01`, 和暦).
#[derive(Debug, Clone, Copy, PartialEq, Eq, JsonSchema)]
#[schemars(
    with = "PeriodEdgeInput",
    description = "年度 (2024, 令和6年度) or a day (2024-04-01, 令和6年4月1日); a day must be a 年度 boundary"
)]
pub enum PeriodEdge {
    /// A whole 年度.
    FiscalYear(FiscalYear),
    /// A day, as written.
    Day(NaiveDate),
}

/// Schema stand-in for [`PeriodEdge`].
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // schema only
enum PeriodEdgeInput {
    Number(i32),
    Text(String),
}

impl PeriodEdge {
    /// The 年度 this edge falls in.
    pub fn fiscal_year(self) -> FiscalYear {
        match self {
            PeriodEdge::FiscalYear(fy) => fy,
            PeriodEdge::Day(d) => FiscalYear::of(d),
        }
    }

    /// First day this edge stands for (April 1 of a 年度, or the day).
    pub fn first_day(self) -> Option<NaiveDate> {
        match self {
            PeriodEdge::FiscalYear(fy) => fy.start(),
            PeriodEdge::Day(d) => Some(d),
        }
    }

    /// Last day this edge stands for (March 31 closing a 年度, or the day).
    pub fn last_day(self) -> Option<NaiveDate> {
        match self {
            PeriodEdge::FiscalYear(fy) => fy.end(),
            PeriodEdge::Day(d) => Some(d),
        }
    }
}

impl fmt::Display for PeriodEdge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodEdge::FiscalYear(fy) => match fy.wareki() {
                Some(w) => write!(f, "{w}"),
                None => write!(f, "{fy}"),
            },
            PeriodEdge::Day(d) => write!(f, "{d}"),
        }
    }
}

impl Serialize for PeriodEdge {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PeriodEdge::FiscalYear(fy) => fy.serialize(s),
            PeriodEdge::Day(d) => s.collect_str(d),
        }
    }
}

impl<'de> Deserialize<'de> for PeriodEdge {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = calendar::NumberOrText::read(
            d,
            "計画期間は年度（2024、令和6年度）か日付で書いてください",
            "a plan period edge is a fiscal year (2024, 令和6年度) or a day",
        )?;
        let text = match raw {
            calendar::NumberOrText::Number(n) => n.to_string(),
            calendar::NumberOrText::Text(s) => s,
        };
        // A bare number is a 年度 (FiscalYear's own range check).
        if let Ok(n) = text.trim().parse::<i64>() {
            return FiscalYear::checked(n)
                .map(PeriodEdge::FiscalYear)
                .map_err(|e| e.to_serde());
        }
        match calendar::parse(&text) {
            Ok(p) if p.kind == DateKind::FiscalYear => {
                Ok(PeriodEdge::FiscalYear(FiscalYear::of(p.start)))
            }
            Ok(p) if p.kind == DateKind::Day => Ok(PeriodEdge::Day(p.start)),
            Ok(_) => Err(crate::error::coded(
                codes::DATE_UNREADABLE,
                "計画期間は年度か日付で書いてください（月や暦年は使えません）",
                "a plan period edge is a fiscal year or a day (not a month or calendar year)",
            )),
            Err(e) => Err(e.to_serde()),
        }
    }
}

/// One program of 第106条の4第2項 as the municipality runs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramEntry {
    /// Program code (`1-i` … `6`, or the item label `第1号イ`).
    pub code: ProgramCode,
    /// The municipality's own name for it, where it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_name: Option<String>,
    /// Who runs it (empty when the source does not say).
    #[serde(default)]
    pub providers: Vec<Provider>,
}

/// A body running (part of) a program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    /// The provider or window (`地域包括支援センター`, `福祉政策課（福祉相談室）`).
    pub name: String,
    /// How it is run: one or several of direct (直営), entrusted (委託), subsidised (補助).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operation: Vec<Operation>,
    /// The body entrusted (委託先), e.g. `社会福祉法人〇〇市社会福祉協議会`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contractor: Option<String>,
    /// The confidentiality basis binding the contractor's people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contractor_confidentiality: Option<Confidentiality>,
    /// Number of sites (か所).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sites: Option<u32>,
    /// 圏域 (`市内全域`, `第2層6圏域`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// 所管課 (one or several sections).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub section: Vec<String>,
    /// Target population (支援対象者).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How a program is run.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Operation {
    /// 直営: run by the municipality itself.
    #[serde(alias = "直営")]
    Direct,
    /// 委託: entrusted under 第106条の4第4項.
    #[serde(alias = "委託")]
    Entrusted,
    /// 補助: run by another body with the municipality's subsidy.
    #[serde(alias = "補助")]
    Subsidised,
}

impl Operation {
    /// Japanese label.
    pub const fn name_ja(self) -> &'static str {
        match self {
            Operation::Direct => "直営",
            Operation::Entrusted => "委託",
            Operation::Subsidised => "補助",
        }
    }
}

/// What binds a person to keep a case's secrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "MunicipalityConfidentiality")]
#[serde(rename_all = "snake_case")]
pub enum Confidentiality {
    /// 社会福祉法第106条の6第5項 (支援会議 members).
    SupportMeeting,
    /// 社会福祉法第106条の4第5項 (people at an entrusted body).
    Contractor,
    /// 地方公務員法第34条 (municipal staff).
    PublicServant,
    /// Another statute (地域ケア会議, 要保護児童対策地域協議会, …).
    OtherStatute,
    /// Only a contract or pledge (誓約書), no statute.
    ContractOnly,
    /// No duty of confidentiality.
    None,
}

/// A meeting the municipality holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Legal type (by basis, never by name).
    pub kind: MeetingKind,
    /// The local name (`包括的支援推進・情報共有会議`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_name: Option<String>,
    /// Legal basis as the municipality cites it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<String>,
    /// Who organises (組織する) it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organiser: Option<Body>,
    /// Who convenes (招集・開催) it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conveners: Vec<Body>,
    /// Who runs its secretariat (事務局・運営).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secretariat: Vec<Body>,
    /// How often: monthly, regular, as needed (several allowed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cadence: Vec<Cadence>,
    /// Members.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
    /// Free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The legal type of a municipality's meeting: one of the kinds the meeting check knows (a
/// meeting maps to its legal type by its basis, never by its local name), or a non-statutory one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "MunicipalityMeetingKind")]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// A non-statutory meeting (検討会議, 庁内連携会議).
    Other,
    /// 支援会議, 重層的支援会議, both in one sitting, or another law's meeting (地域ケア会議, …).
    #[serde(untagged)]
    Legal(crate::meeting::MeetingKind),
}

impl MeetingKind {
    /// Japanese label.
    pub const fn name_ja(self) -> &'static str {
        match self {
            MeetingKind::Legal(k) => k.name_ja(),
            MeetingKind::Other => "その他の会議",
        }
    }

    /// Whether 第106条の6 governs it (a 支援会議, alone or held together).
    pub const fn is_support_meeting(self) -> bool {
        use crate::meeting::MeetingKind as K;
        matches!(self, MeetingKind::Legal(K::SupportMeeting | K::Combined))
    }
}

/// How often a meeting sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    /// 毎月.
    #[serde(alias = "毎月")]
    Monthly,
    /// 定例 / 定期 (other fixed intervals).
    #[serde(alias = "定例")]
    Regular,
    /// 随時 (as needed).
    #[serde(alias = "随時")]
    AsNeeded,
}

impl Cadence {
    /// Japanese label.
    pub const fn name_ja(self) -> &'static str {
        match self {
            Cadence::Monthly => "毎月",
            Cadence::Regular => "定例",
            Cadence::AsNeeded => "随時",
        }
    }
}

/// A body named in a meeting (organiser, convener, secretariat).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// Name (`地域共生推進課`, `越谷市社会福祉協議会`).
    pub name: String,
    /// What it is to the municipality.
    pub role: BodyRole,
}

/// What a body is to the municipality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BodyRole {
    /// The municipality or one of its sections.
    Municipality,
    /// A body the municipality entrusted (委託先).
    Contractor,
    /// Anyone else (a related body, an expert).
    Other,
}

/// A member of a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "MunicipalityMeetingMember")]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Who (a body or a role: `事例に関わる機関の実務者`).
    pub name: String,
    /// What it is to the municipality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<BodyRole>,
    /// What binds them to secrecy at this meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidentiality: Option<Confidentiality>,
}
