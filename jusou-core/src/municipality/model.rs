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
///
/// Every fact the law checks has three states: stated yes, stated no, and not stated (the field
/// left out). Silence makes the verdict incomplete, never a violation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    /// 全国地方公共団体コード (6 digits with check digit).
    pub code: LocalGovCode,
    /// Name (`新座市`).
    pub name: String,
    /// Prefecture (`埼玉県`).
    pub prefecture: String,
    /// The 年度 the project (本格実施) starts (2024 or `令和6年度`); left out when the source does
    /// not say. Without `stages`, it stands for 本格実施 from that 年度.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_fiscal_year: Option<FiscalYear>,
    /// The stages over time (移行準備, 試行, 本格実施), each dated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageSpan>,
    /// Whether the municipality has a 福祉事務所 (a town or village may have none: then 第1号ニ is
    /// the prefecture's). Left out when the source does not say; a 市 always has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub welfare_office: Option<bool>,
    /// The day the check speaks for (which stage is in force, whether the plan has expired);
    /// without it, the latest stage stated is used and expiry is not judged.
    #[serde(
        default,
        with = "crate::calendar::day::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::calendar::DayText>")]
    pub as_of: Option<NaiveDate>,
    /// The 実施計画 of 第106条の5: left out when the source does not say whether there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementation_plan: Option<ImplementationPlan>,
    /// Whether `programs` lists every program the municipality runs (then a program left out is
    /// stated as not run; otherwise it is not stated).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub programs_complete: bool,
    /// The programs, each with its providers; an entry may be stated as not run.
    #[serde(default)]
    pub programs: Vec<ProgramEntry>,
    /// The meetings the municipality holds.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// Confidentiality clauses of the municipality's own rules (要綱), each covering meetings by
    /// their legal type.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub confidentiality_clauses: Vec<ConfidentialityClause>,
    /// What the municipality chooses (criteria for 多機関協働, intervals).
    #[serde(default)]
    pub options: Options,
    /// Free note (sources, caveats).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Where a municipality stands with the project.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// 移行準備事業: preparing the move, with its own funding (国3/4・市町村1/4); not yet the project.
    #[serde(alias = "移行準備", alias = "移行準備事業")]
    TransitionPreparation,
    /// 試行: a trial run before the project itself; not yet the project.
    #[serde(alias = "試行")]
    Trial,
    /// 本格実施: the municipality runs 重層的支援体制整備事業 (第106条の4第1項).
    #[serde(alias = "本格実施", alias = "実施")]
    Full,
}

impl Stage {
    /// Japanese label.
    pub const fn name_ja(self) -> &'static str {
        match self {
            Stage::TransitionPreparation => "移行準備",
            Stage::Trial => "試行",
            Stage::Full => "本格実施",
        }
    }

    /// English label.
    pub const fn name_en(self) -> &'static str {
        match self {
            Stage::TransitionPreparation => "transition preparation",
            Stage::Trial => "trial",
            Stage::Full => "full implementation",
        }
    }

    /// The funding scheme of `law::funding` that pays for this stage, where it has its own.
    pub const fn funding_scheme(self) -> Option<&'static str> {
        match self {
            Stage::TransitionPreparation => Some("transition-preparation"),
            Stage::Trial | Stage::Full => None,
        }
    }
}

/// One stage with its dates (a 年度 or a day at each end; `until` left out while it lasts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StageSpan {
    /// The stage.
    pub stage: Stage,
    /// First 年度 (or day).
    pub from: PeriodEdge,
    /// Last 年度 (or day); left out while it lasts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PeriodEdge>,
    /// Free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A clause of the municipality's own rules (要綱) binding meeting members to secrecy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfidentialityClause {
    /// Where it is (`〇〇村重層的支援体制整備事業実施要綱第6条`).
    pub source: String,
    /// The legal types of meeting it covers (empty: every meeting of the municipality).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<crate::meeting::MeetingKind>,
    /// Free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The 実施計画 (第106条の5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImplementationPlan {
    /// Whether a plan was adopted (`false`: the source states there is none).
    #[serde(default = "yes", skip_serializing_if = "Clone::clone")]
    pub adopted: bool,
    /// Title as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The plan period, as a 年度 range; left out when the source does not give it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<PlanPeriod>,
    /// The day the plan was adopted (ISO or 和暦).
    #[serde(
        default,
        with = "crate::calendar::day::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::calendar::DayText>")]
    pub adopted_on: Option<NaiveDate>,
}

const fn yes() -> bool {
    true
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

/// One program of 第106条の4第2項 as the municipality runs it, or a program of its own mapped
/// onto the statute's items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramEntry {
    /// What it is under the statute: a program code (`1-i`), an item label (`第1号イ`), a whole
    /// item (`第1号`, `第3号`: all of its イ〜ニ), a group name (`多機関協働事業` = `5` + `6`), or a
    /// list of these (a town's own heading covering several items).
    pub code: ProgramRef,
    /// The municipality's own name for it, where it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_name: Option<String>,
    /// Whether it is run (`false`: the source states it is not); listed means run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runs: Option<bool>,
    /// Who runs it (empty when the source does not say); several operators, or a hand-over on
    /// a date (`from` / `until` on each provider), are several providers.
    #[serde(default)]
    pub providers: Vec<Provider>,
    /// Free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ProgramEntry {
    /// Whether the entry states the program as run (listed without `runs: false`).
    pub fn is_run(&self) -> bool {
        self.runs != Some(false)
    }
}

/// What a program entry stands for under the statute, as written (one text or several).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramRef {
    items: Vec<(String, Vec<ProgramCode>)>,
}

impl ProgramRef {
    /// Read one written reference: a code or item label, a whole item, or a group name.
    pub fn parse(text: &str) -> Result<Vec<ProgramCode>, crate::Error> {
        if let Ok(c) = text.parse::<ProgramCode>() {
            return Ok(vec![c]);
        }
        let t = text.trim();
        let whole = |first: ProgramCode| -> Vec<ProgramCode> {
            let i = first as usize;
            ProgramCode::ALL[i..i + 4].to_vec()
        };
        match t {
            "1" | "第1号" | "第一号" => return Ok(whole(ProgramCode::Item1I)),
            "3" | "第3号" | "第三号" => return Ok(whole(ProgramCode::Item3I)),
            _ => {}
        }
        if let Some(g) = crate::law::structure::group(t) {
            // A group stands for the statute's items only: the 第3号柱書 programs some groups
            // may include are not stated by naming the group.
            return Ok(g
                .codes
                .iter()
                .copied()
                .filter(|c| {
                    !matches!(
                        c,
                        ProgramCode::Item3MainCommunity | ProgramCode::Item3MainConsult
                    )
                })
                .collect());
        }
        Err(text
            .parse::<ProgramCode>()
            .err()
            .unwrap_or_else(|| crate::Error::new(codes::LAW_UNKNOWN_PROGRAM, "", "", "")))
    }

    /// A reference to one code.
    pub fn one(code: ProgramCode) -> Self {
        ProgramRef {
            items: vec![(code.as_str().to_owned(), vec![code])],
        }
    }

    /// Every code it stands for, in the order written (no repeats).
    pub fn codes(&self) -> Vec<ProgramCode> {
        let mut out: Vec<ProgramCode> = Vec::new();
        for c in self.items.iter().flat_map(|(_, cs)| cs) {
            if !out.contains(c) {
                out.push(*c);
            }
        }
        out
    }

    /// The codes named one by one (a code or an item label), as opposed to through a whole item
    /// or a group: only these count as a repeat when named twice.
    pub fn singles(&self) -> impl Iterator<Item = ProgramCode> + '_ {
        self.items
            .iter()
            .filter(|(t, cs)| cs.len() == 1 && t.parse::<ProgramCode>().is_ok())
            .map(|(_, cs)| cs[0])
    }

    /// The texts as written.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(|(t, _)| t.as_str())
    }
}

impl fmt::Display for ProgramRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let texts: Vec<&str> = self.texts().collect();
        f.write_str(&texts.join("・"))
    }
}

impl Serialize for ProgramRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.items.as_slice() {
            [(t, _)] => s.serialize_str(t),
            items => s.collect_seq(items.iter().map(|(t, _)| t)),
        }
    }
}

impl<'de> Deserialize<'de> for ProgramRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor rather than an untagged enum: no buffering of the value, and each text's own
        // error (with its index) when it is not a program.
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Vec<String>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a program code or a list of them")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Vec<String>, E> {
                Ok(vec![v.to_owned()])
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Vec<String>, A::Error> {
                let mut out = Vec::new();
                while let Some(t) = seq.next_element::<String>()? {
                    out.push(t);
                }
                Ok(out)
            }
        }
        let texts = d.deserialize_any(V).map_err(|e| {
            crate::error::type_error(
                e,
                "事業コードは文字列か文字列の並びで書いてください（例: \"1-i\"、[\"2\", \"4\"]、\"多機関協働事業\"）",
                "a program is a string or a list of strings (e.g. \"1-i\", [\"2\", \"4\"], \"多機関協働事業\")",
            )
        })?;
        let mut items = Vec::with_capacity(texts.len());
        for t in texts {
            let codes = ProgramRef::parse(&t).map_err(|e| e.to_serde())?;
            items.push((t, codes));
        }
        Ok(ProgramRef { items })
    }
}

impl JsonSchema for ProgramRef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ProgramRef".into()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        #[derive(JsonSchema)]
        #[serde(untagged)]
        #[allow(dead_code)] // schema only
        /// A program code (`1-i`), item label (`第1号イ`), whole item (`第1号`), group name
        /// (`多機関協働事業`), or a list of these.
        enum ProgramRefInput {
            One(String),
            Many(Vec<String>),
        }
        ProgramRefInput::json_schema(g)
    }
}

/// A body running (part of) a program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    /// The provider or window (`地域包括支援センター`, `福祉政策課（福祉相談室）`); left out when the
    /// source gives only how the program is run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How it is run: one or several of direct (直営), entrusted (委託), subsidised (補助).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operation: Vec<Operation>,
    /// The body entrusted (委託先), e.g. `社会福祉法人〇〇市社会福祉協議会`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contractor: Option<String>,
    /// The confidentiality bases binding the contractor's people (one or a list).
    #[serde(
        default,
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "OneOrMany<Confidentiality>")]
    pub contractor_confidentiality: Vec<Confidentiality>,
    /// First day this provider runs it (a hand-over on a date); left out: from the start.
    #[serde(
        default,
        with = "crate::calendar::day::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::calendar::DayText>")]
    pub from: Option<NaiveDate>,
    /// Last day this provider runs it; left out: still.
    #[serde(
        default,
        with = "crate::calendar::day::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::calendar::DayText>")]
    pub until: Option<NaiveDate>,
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

impl Provider {
    /// The name, or how it is run when no name is given.
    pub fn label(&self) -> String {
        match &self.name {
            Some(n) => n.clone(),
            None => {
                let ops: Vec<&str> = self.operation.iter().map(|o| o.name_ja()).collect();
                if ops.is_empty() {
                    "（名称不明）".to_owned()
                } else {
                    format!("（{}）", ops.join("・"))
                }
            }
        }
    }
}

/// Schema stand-in: one value or a list of them.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // schema only
enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

/// Read one value (written as a string) or a list of them as a list, keeping each item's own
/// error (an unknown value is reported as such, with its path).
fn one_or_many<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    struct V<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for V<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or a list of strings")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Vec<T>, E> {
            T::deserialize(serde::de::value::StrDeserializer::<E>::new(v)).map(|x| vec![x])
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::new();
            while let Some(x) = seq.next_element()? {
                out.push(x);
            }
            Ok(out)
        }
    }
    d.deserialize_any(V(std::marker::PhantomData))
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

/// What binds a person to keep a case's secrets: a statutory basis (the meeting module's list:
/// 第106条の6第5項, 第106条の4第5項, 地方公務員法第34条, a profession's law, another meeting's law),
/// another statute not in that list, or no statute at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(rename = "SecrecyBasis")] // the meeting module's `Confidentiality` keeps its name
pub enum Confidentiality {
    /// Another statute (a bundled program's own law, e.g. 介護保険法 for a 地域包括支援センター's
    /// staff, 生活困窮者自立支援法 for a 自立相談支援 contractor).
    OtherStatute,
    /// The municipality's own rules only (a 要綱's secrecy clause): no statute.
    MunicipalRule,
    /// Only a contract or pledge (誓約書), no statute.
    ContractOnly,
    /// No duty of confidentiality.
    None,
    /// A statutory basis the meeting check knows (`support_meeting`, `contractor`,
    /// `public_servant`, `social_worker`, …).
    #[serde(untagged)]
    Statute(crate::meeting::Confidentiality),
}

impl<'de> Deserialize<'de> for Confidentiality {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // By hand rather than an untagged variant (which buffers every value): the four
        // non-statutory names, else one of the meeting module's statutory bases.
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        Ok(match text.as_ref() {
            "other_statute" => Confidentiality::OtherStatute,
            "municipal_rule" => Confidentiality::MunicipalRule,
            "contract_only" => Confidentiality::ContractOnly,
            "none" => Confidentiality::None,
            t => Confidentiality::Statute(crate::meeting::Confidentiality::deserialize(
                serde::de::value::StrDeserializer::<D::Error>::new(t),
            )?),
        })
    }
}

impl Confidentiality {
    /// Whether a statute imposes it (the only kind that counts as a basis for secrecy).
    pub const fn is_statutory(self) -> bool {
        matches!(
            self,
            Confidentiality::Statute(_) | Confidentiality::OtherStatute
        )
    }

    /// 社会福祉法第106条の6第5項 (member of a 支援会議).
    pub const SUPPORT_MEETING: Confidentiality =
        Confidentiality::Statute(crate::meeting::Confidentiality::SupportMeeting);
    /// 社会福祉法第106条の4第5項 (people at an entrusted body).
    pub const CONTRACTOR: Confidentiality =
        Confidentiality::Statute(crate::meeting::Confidentiality::Contractor);
    /// 地方公務員法第34条 (municipal staff).
    pub const PUBLIC_SERVANT: Confidentiality =
        Confidentiality::Statute(crate::meeting::Confidentiality::PublicServant);
}

/// A meeting the municipality holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Legal type (by basis, never by name); `unknown` or left out when the source does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<MeetingKind>,
    /// Legal types, when one body rests on several bases (the 支援会議 of 第106条の6 and the
    /// 重層的支援会議 of 第5号 in one): added to `kind`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bases: Vec<crate::meeting::MeetingKind>,
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

impl Meeting {
    /// The legal types it rests on (`kind` and `bases`, a combined sitting read as both
    /// 支援会議 and 重層的支援会議), each once; empty when the type is not given.
    pub fn legal_types(&self) -> Vec<crate::meeting::MeetingKind> {
        use crate::meeting::MeetingKind as K;
        let mut out: Vec<K> = Vec::new();
        let kind = match self.kind {
            Some(MeetingKind::Legal(k)) => Some(k),
            _ => None,
        };
        for k in kind.into_iter().chain(self.bases.iter().copied()) {
            let parts: &[K] = match k {
                K::Combined => &[K::SupportMeeting, K::JusouMeeting],
                _ => std::slice::from_ref(&k),
            };
            for p in parts {
                if !out.contains(p) {
                    out.push(*p);
                }
            }
        }
        out.sort();
        out
    }

    /// Whether its legal type is not given (no kind, `unknown`, and no bases).
    pub fn type_unknown(&self) -> bool {
        self.bases.is_empty() && matches!(self.kind, None | Some(MeetingKind::Unknown))
    }

    /// Whether 第106条の6 governs it (a 支援会議, alone or together with another basis).
    pub fn is_support_meeting(&self) -> bool {
        self.legal_types()
            .contains(&crate::meeting::MeetingKind::SupportMeeting)
    }

    /// The name to print: the local name, or the legal type's.
    pub fn display_name(&self) -> &str {
        match (&self.local_name, self.kind) {
            (Some(n), _) => n,
            (None, Some(k)) => k.name_ja(),
            (None, None) => MeetingKind::Unknown.name_ja(),
        }
    }
}

/// The legal type of a municipality's meeting: one of the kinds the meeting check knows (a
/// meeting maps to its legal type by its basis, never by its local name), or a non-statutory one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(rename = "MunicipalityMeetingKind")] // the meeting module's `MeetingKind` keeps its name
pub enum MeetingKind {
    /// A non-statutory meeting (検討会議, 庁内連携会議).
    Other,
    /// The source does not give its legal type (not a guess).
    Unknown,
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
            MeetingKind::Unknown => "法的な種類が不明の会議",
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
    /// What binds them to secrecy at this meeting (one basis or a list).
    #[serde(
        default,
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "OneOrMany<Confidentiality>")]
    pub confidentiality: Vec<Confidentiality>,
}
