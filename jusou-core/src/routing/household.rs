//! What routing reads from the household itself: the fields (分野) its issues belong to, and the
//! patterns 8050, ダブルケア and ヤングケアラー recognised from ages and relations, not only from tags.
//!
//! Definitions (the project's, written down so a worker can check them):
//! - **Field of an issue**: 介護・認知症 belong to 高齢 for a member aged 40 or over (介護保険の第2号
//!   被保険者 start at 40), to 子ども under 18, and to 障害 from 18 to 39; 身体・知的・精神障害 and
//!   障害者虐待 to 障害; 子育て, 不登校, ヤングケアラー and 児童虐待 to 子ども; 生活困窮, 債務, 就労困難
//!   and 住まい to 生活困窮; 高齢者虐待 to 高齢. The rest (ひきこもり, 精神的不調, 社会的孤立, ごみ屋敷,
//!   セルフネグレクト, 健康, DV, ダブルケア) belong to no single field.
//! - **8050**: a member aged 75 or over and a member aged 40–64 one generation below (by relation
//!   to the subject) who has ひきこもり, 社会的孤立, 就労困難, 精神的不調, 精神障害 or セルフネグレクト.
//! - **ダブルケア**: a member aged 18 or over with, one generation above, a member aged 65 or over who
//!   has 介護 or 認知症, and, one generation below, a child under 18; or the issue ダブルケア recorded.
//! - **ヤングケアラー** (子ども・若者育成支援推進法, 2024 amendment: 子ども・若者 who carry family care
//!   to an excessive degree): a member under 40 (子ども under 18, 若者 18–39) lives with a family
//!   member who needs care (介護, 認知症, a disability, 精神的不調 or 健康) and no other member aged
//!   18 or over is free of care needs (so the care likely falls on them); or the issue ヤングケアラー
//!   recorded. The pattern says which band applied. "Excessive" is the worker's judgement: the
//!   household gives a signal, never the finding.
//! - **Ages**: a band (`"60代"`) or no age is a range; a pattern is recognised only when every age
//!   it needs is certain, and reported as *not assessable* when it would hold for some ages the
//!   record allows.

use schemars::JsonSchema;
use serde::Serialize;

use crate::case::{AgeRange, Case, Issue, IssueEntry, Member};
use crate::law::{Field, ProgramCode};

/// Under this age a member is a child (児童福祉法第4条: 18歳未満).
pub const CHILD_UNDER: i64 = 18;
/// From this age 介護保険 covers a member as a 第2号被保険者 (40–64).
pub const CARE_INSURANCE_FROM: i64 = 40;
/// From this age a member is elderly (介護保険の第1号被保険者, 高齢者虐待防止法の高齢者).
pub const ELDERLY_FROM: i64 = 65;
/// The parent's age from which an 8050 household is recognised (後期高齢者).
pub const PARENT_8050_FROM: i64 = 75;
/// Under this age a member is one of the 子ども・若者 (the national 大綱's おおむね30代まで; the Act
/// itself gives no upper age — 条文上の年齢は未確認).
pub const YOUNG_UNDER: i64 = 40;

/// The field an issue belongs to for a member of `age`, where it has one.
pub const fn field_of(issue: Issue, age: i64) -> Option<Field> {
    match field_for(issue, AgeRange::exact(age)) {
        Some(f) => f,
        None => None,
    }
}

/// The field of an issue for a member whose age lies in `r`: `None` when it depends on an age
/// the record does not pin down (介護 of a member who may be 35 or 45), else the field or no field.
pub const fn field_for(issue: Issue, r: AgeRange) -> Option<Option<Field>> {
    use Issue::*;
    match issue {
        Care | Dementia => {
            if r.min >= CARE_INSURANCE_FROM {
                Some(Some(Field::Elderly))
            } else if r.max < CHILD_UNDER {
                Some(Some(Field::Children))
            } else if r.min >= CHILD_UNDER && r.max < CARE_INSURANCE_FROM {
                Some(Some(Field::Disability))
            } else {
                None
            }
        }
        ElderAbuse => Some(Some(Field::Elderly)),
        PhysicalDisability
        | IntellectualDisability
        | MentalDisability
        | Disability
        | DisabilityAbuse => Some(Some(Field::Disability)),
        Childrearing | SchoolRefusal | YoungCarer | ChildAbuse | SingleParent => {
            Some(Some(Field::Children))
        }
        Poverty | Debt | EmploymentDifficulty | Housing | Arrears => Some(Some(Field::Poverty)),
        MentalDistress
        | Hikikomori
        | Hoarding
        | SelfNeglect
        | Isolation
        | Health
        | DomesticViolence
        | DoubleCare
        | FamilyConflict
        | RightsConsumer
        | DailyLiving
        | AfterDischarge
        | CommunicationDifficulty => Some(None),
    }
}

/// The 包括的相談支援 program (第1号) that leads for a field.
pub const fn lead_program_of(field: Field) -> Option<ProgramCode> {
    match field {
        Field::Elderly => Some(ProgramCode::Item1I),
        Field::Disability => Some(ProgramCode::Item1Ro),
        Field::Children => Some(ProgramCode::Item1Ha),
        Field::Poverty => Some(ProgramCode::Item1Ni),
        Field::CrossField => None,
    }
}

/// A set of issues as bits (the vocabulary has at most 32 entries).
pub(crate) const fn bit(issue: Issue) -> u32 {
    1u32 << (issue as u32)
}

/// The bits of several issues.
pub(crate) fn mask(issues: &[Issue]) -> u32 {
    issues.iter().fold(0, |m, &i| m | bit(i))
}

const WITHDRAWN_8050: u32 = bit(Issue::Hikikomori)
    | bit(Issue::Isolation)
    | bit(Issue::EmploymentDifficulty)
    | bit(Issue::MentalDistress)
    | bit(Issue::MentalDisability)
    | bit(Issue::SelfNeglect);
const ELDER_CARE: u32 = bit(Issue::Care) | bit(Issue::Dementia);
const NEEDS_CARE: u32 = bit(Issue::Care)
    | bit(Issue::Dementia)
    | bit(Issue::PhysicalDisability)
    | bit(Issue::IntellectualDisability)
    | bit(Issue::MentalDisability)
    | bit(Issue::Disability)
    | bit(Issue::MentalDistress)
    | bit(Issue::Health);

/// A household pattern routing recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub enum Pattern {
    /// 8050 (an old parent and a withdrawn middle-aged child)
    #[serde(rename = "8050")]
    P8050,
    /// ダブルケア
    #[serde(rename = "double_care")]
    DoubleCare,
    /// ヤングケアラー
    #[serde(rename = "young_carer")]
    YoungCarer,
}

impl Pattern {
    /// Japanese.
    pub const fn label_ja(self) -> &'static str {
        match self {
            Pattern::P8050 => "8050世帯",
            Pattern::DoubleCare => "ダブルケア",
            Pattern::YoungCarer => "ヤングケアラー",
        }
    }

    /// English.
    pub const fn label_en(self) -> &'static str {
        match self {
            Pattern::P8050 => "8050 household",
            Pattern::DoubleCare => "double care",
            Pattern::YoungCarer => "young carer",
        }
    }
}

/// How a pattern was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// From ages and relations of the household.
    Household,
    /// Only from an issue recorded by the worker.
    Issue,
}

/// The band of a young carer (子ども・若者育成支援推進法, 2024 amendment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum YoungCarerBand {
    /// 子ども: under 18
    Child,
    /// 若者: 18–39
    YoungAdult,
    /// The record's age does not say which (or the issue was recorded without a member)
    Unknown,
}

/// A pattern found in the household, with the members it involves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DetectedPattern {
    /// Which pattern.
    pub pattern: Pattern,
    /// How it was recognised.
    pub recognised_from: Source,
    /// Member ids involved (older first for 8050; carer, elder, child for double care; the
    /// young person for a young carer). Empty when only the issue was recorded for the household.
    pub members: Vec<String>,
    /// For a young carer: 子ども (`child`) or 若者 (`young_adult`); null for other patterns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub band: Option<YoungCarerBand>,
}

/// Whether a tri-state age answer counts: `Certain` wants a yes; `Possible` accepts "unknown".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Certain,
    Possible,
}

impl Mode {
    const fn ok(self, v: Option<bool>) -> bool {
        match self {
            Mode::Certain => matches!(v, Some(true)),
            Mode::Possible => !matches!(v, Some(false)),
        }
    }
}

/// What the household says, computed once per case.
pub(crate) struct Household<'a> {
    pub members: &'a [Member],
    pub ranges: Vec<AgeRange>,
    pub issue_mask: u32,
    pub fields: u8,
    pub members_with_issues: usize,
    /// Members whose issue's field depends on an age the record does not pin down.
    pub field_unknown: Vec<usize>,
}

/// Generations relations give run from −2 to +2; patterns look one further either way.
const GEN_MIN: i8 = -3;
const GEN_SLOTS: usize = 7;

fn gen_slot(gen: i8) -> Option<usize> {
    usize::try_from(i16::from(gen) - i16::from(GEN_MIN))
        .ok()
        .filter(|&s| s < GEN_SLOTS)
}

/// A member index per generation.
struct ByGen([Option<usize>; GEN_SLOTS]);

fn lookup(firsts: &ByGen, gen: i8) -> Option<usize> {
    gen_slot(gen).and_then(|s| firsts.0.get(s).copied().flatten())
}

/// The fields of a field mask, in order.
pub(crate) fn fields_in(mask: u8) -> impl Iterator<Item = Field> {
    FIELDS
        .into_iter()
        .filter(move |&f| mask & field_bit(f) != 0)
}

const fn field_bit(f: Field) -> u8 {
    1 << (f as u8)
}

/// The four fields in order.
pub(crate) const FIELDS: [Field; 4] = [
    Field::Elderly,
    Field::Disability,
    Field::Children,
    Field::Poverty,
];

impl<'a> Household<'a> {
    /// Read the household (validated).
    pub fn read(case: &'a Case) -> Self {
        let mut issue_mask = 0;
        let mut fields = 0u8;
        let mut members_with_issues = 0;
        let mut field_unknown = Vec::new();
        let mut ranges = Vec::with_capacity(case.household.len());
        for (i, m) in case.household.iter().enumerate() {
            let r = m.age_range(case.received_on);
            ranges.push(r);
            if !m.issues.is_empty() {
                members_with_issues += 1;
            }
            for e in &m.issues {
                let issue = e.issue();
                issue_mask |= bit(issue);
                match field_for(issue, r) {
                    Some(Some(f)) => fields |= field_bit(f),
                    Some(None) => {}
                    None => {
                        if !field_unknown.contains(&i) {
                            field_unknown.push(i);
                        }
                    }
                }
            }
        }
        // Household-level issues have no age: an age-dependent one (介護) gives no field.
        for e in &case.household_issues {
            let issue = e.issue();
            issue_mask |= bit(issue);
            if let Some(Some(f)) = field_for(issue, AgeRange::UNKNOWN) {
                fields |= field_bit(f);
            }
        }
        Household {
            members: &case.household,
            ranges,
            issue_mask,
            fields,
            members_with_issues,
            field_unknown,
        }
    }

    /// A member's possible ages.
    pub fn range(&self, i: usize) -> AgeRange {
        self.ranges.get(i).copied().unwrap_or(AgeRange::UNKNOWN)
    }

    fn gen(&self, i: usize) -> Option<i8> {
        self.members.get(i).and_then(|m| m.relation.generation())
    }

    pub(crate) fn has(&self, i: usize, bits: u32) -> bool {
        self.members
            .get(i)
            .is_some_and(|m| m.issues.iter().any(|x| bit(x.issue()) & bits != 0))
    }

    pub(crate) fn entries(&self, i: usize) -> &[IssueEntry] {
        self.members.get(i).map_or(&[], |m| m.issues.as_slice())
    }

    pub(crate) fn id(&self, i: usize) -> String {
        self.members
            .get(i)
            .map(|m| m.id.clone())
            .unwrap_or_default()
    }

    /// The fields present, in order.
    pub fn fields(&self) -> impl Iterator<Item = Field> + '_ {
        fields_in(self.fields)
    }

    /// How many fields are present.
    pub fn field_count(&self) -> u32 {
        self.fields.count_ones()
    }

    /// The single field present, if exactly one.
    pub fn single_field(&self) -> Option<Field> {
        let mut it = self.fields();
        match (it.next(), it.next()) {
            (Some(f), None) => Some(f),
            _ => None,
        }
    }

    /// The first member (in list order) of each generation that `pred` accepts, by generation
    /// (one pass, no allocation: pattern search stays linear in the household's size).
    fn first_by_gen(&self, pred: impl Fn(usize) -> bool) -> ByGen {
        let mut out = ByGen([None; GEN_SLOTS]);
        for i in 0..self.members.len() {
            if let Some(slot) = self.gen(i).and_then(gen_slot) {
                if let Some(first @ None) = out.0.get_mut(slot) {
                    if pred(i) {
                        *first = Some(i);
                    }
                }
            }
        }
        out
    }

    /// The 8050 pair (older, younger), if any: the first parent aged 75+ (in list order) and the
    /// first withdrawn member aged 40–64 one generation below them.
    pub fn p8050(&self, mode: Mode) -> Option<(usize, usize)> {
        // No member has an 8050 issue: no pair (the mask holds every member's issues).
        if self.issue_mask & WITHDRAWN_8050 == 0 {
            return None;
        }
        let younger = self.first_by_gen(|y| {
            mode.ok(self.range(y).within(CARE_INSURANCE_FROM, ELDERLY_FROM - 1))
                && self.has(y, WITHDRAWN_8050)
        });
        (0..self.members.len()).find_map(|e| {
            if !mode.ok(self.range(e).at_least(PARENT_8050_FROM)) {
                return None;
            }
            let ge = self.gen(e)?;
            // Generations differ, so the elder is never the younger member.
            lookup(&younger, ge - 1).map(|y| (e, y))
        })
    }

    /// The double-care triple (carer, elder, child), if any: the first adult (in list order) with
    /// an elder needing care one generation above and a child one generation below.
    pub fn double_care(&self, mode: Mode) -> Option<(usize, usize, usize)> {
        // No member needs care: no elder to care for.
        if self.issue_mask & ELDER_CARE == 0 {
            return None;
        }
        let elders = self.first_by_gen(|e| {
            mode.ok(self.range(e).at_least(ELDERLY_FROM)) && self.has(e, ELDER_CARE)
        });
        let children = self.first_by_gen(|k| mode.ok(self.range(k).under(CHILD_UNDER)));
        (0..self.members.len()).find_map(|c| {
            if !mode.ok(self.range(c).at_least(CHILD_UNDER)) {
                return None;
            }
            let gc = self.gen(c)?;
            // Generations differ, so neither is the carer.
            let e = lookup(&elders, gc + 1)?;
            let k = lookup(&children, gc - 1)?;
            Some((c, e, k))
        })
    }

    /// The young person who may be a young carer, if any: under 40, living with someone else
    /// who needs care, with no other member aged 18 or over free of care needs.
    pub fn young_carer(&self, mode: Mode) -> Option<usize> {
        let n = self.members.len();
        let needing_care = (0..n).filter(|&i| self.has(i, NEEDS_CARE)).count();
        if needing_care == 0 {
            return None;
        }
        (0..n).find(|&k| {
            mode.ok(self.range(k).under(YOUNG_UNDER))
                && needing_care > usize::from(self.has(k, NEEDS_CARE))
                // A young adult who needs care themselves is not read as the carer; a child
                // may be both (as before the 2024 definition).
                && (!self.has(k, NEEDS_CARE) || mode.ok(self.range(k).under(CHILD_UNDER)))
                && (0..n).all(|i| {
                    // Another adult free of care needs may carry the care: certain recognition
                    // needs every such member to be surely a child; possible, not surely an adult.
                    let adult = self.range(i).at_least(CHILD_UNDER);
                    i == k
                        || self.has(i, NEEDS_CARE)
                        || match mode {
                            Mode::Certain => adult == Some(false),
                            Mode::Possible => adult != Some(true),
                        }
                })
        })
    }

    fn band(&self, k: usize) -> YoungCarerBand {
        match (
            self.range(k).under(CHILD_UNDER),
            self.range(k).under(YOUNG_UNDER),
        ) {
            (Some(true), _) => YoungCarerBand::Child,
            (Some(false), Some(true)) => YoungCarerBand::YoungAdult,
            _ => YoungCarerBand::Unknown,
        }
    }

    /// The patterns, household-recognised first, then recorded-only ones; and the patterns that
    /// the record's ages leave open (not assessable), with the members concerned.
    pub fn patterns(&self) -> (Vec<DetectedPattern>, Vec<(Pattern, Vec<String>)>) {
        let mut out = Vec::new();
        let mut open = Vec::new();
        let pat = |pattern, members, band| DetectedPattern {
            pattern,
            recognised_from: Source::Household,
            members,
            band,
        };
        match self.p8050(Mode::Certain) {
            Some((e, y)) => out.push(pat(Pattern::P8050, vec![self.id(e), self.id(y)], None)),
            None => {
                if let Some((e, y)) = self.p8050(Mode::Possible) {
                    open.push((Pattern::P8050, vec![self.id(e), self.id(y)]));
                }
            }
        }
        match self.double_care(Mode::Certain) {
            Some((c, e, k)) => out.push(pat(
                Pattern::DoubleCare,
                vec![self.id(c), self.id(e), self.id(k)],
                None,
            )),
            None => {
                if let Some((c, e, k)) = self.double_care(Mode::Possible) {
                    open.push((
                        Pattern::DoubleCare,
                        vec![self.id(c), self.id(e), self.id(k)],
                    ));
                }
                if self.issue_mask & bit(Issue::DoubleCare) != 0 {
                    out.push(DetectedPattern {
                        pattern: Pattern::DoubleCare,
                        recognised_from: Source::Issue,
                        members: Vec::new(),
                        band: None,
                    });
                }
            }
        }
        // A young carer recorded on a member names that member and its band.
        let recorded = (0..self.members.len()).find(|&i| self.has(i, bit(Issue::YoungCarer)));
        match self.young_carer(Mode::Certain) {
            Some(k) => out.push(pat(
                Pattern::YoungCarer,
                vec![self.id(k)],
                Some(self.band(k)),
            )),
            None => {
                if let Some(k) = self.young_carer(Mode::Possible) {
                    open.push((Pattern::YoungCarer, vec![self.id(k)]));
                }
                if self.issue_mask & bit(Issue::YoungCarer) != 0 {
                    out.push(DetectedPattern {
                        pattern: Pattern::YoungCarer,
                        recognised_from: Source::Issue,
                        members: recorded.map(|k| vec![self.id(k)]).unwrap_or_default(),
                        band: Some(recorded.map_or(YoungCarerBand::Unknown, |k| self.band(k))),
                    });
                }
            }
        }
        (out, open)
    }
}
