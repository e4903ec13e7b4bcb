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
//! - **ヤングケアラー**: a child under 18 lives with at least one member who needs care (介護, 認知症,
//!   a disability, 精神的不調 or 健康) and every member aged 18 or over needs care; or the issue
//!   ヤングケアラー recorded.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use crate::case::{Case, Issue, Member};
use crate::law::{Field, ProgramCode};

/// Under this age a member is a child (児童福祉法第4条: 18歳未満).
pub const CHILD_UNDER: i64 = 18;
/// From this age 介護保険 covers a member as a 第2号被保険者 (40–64).
pub const CARE_INSURANCE_FROM: i64 = 40;
/// From this age a member is elderly (介護保険の第1号被保険者, 高齢者虐待防止法の高齢者).
pub const ELDERLY_FROM: i64 = 65;
/// The parent's age from which an 8050 household is recognised (後期高齢者).
pub const PARENT_8050_FROM: i64 = 75;

/// The field an issue belongs to for a member of `age`, where it has one.
pub const fn field_of(issue: Issue, age: i64) -> Option<Field> {
    use Issue::*;
    match issue {
        Care | Dementia => Some(if age >= CARE_INSURANCE_FROM {
            Field::Elderly
        } else if age < CHILD_UNDER {
            Field::Children
        } else {
            Field::Disability
        }),
        ElderAbuse => Some(Field::Elderly),
        PhysicalDisability | IntellectualDisability | MentalDisability | DisabilityAbuse => {
            Some(Field::Disability)
        }
        Childrearing | SchoolRefusal | YoungCarer | ChildAbuse => Some(Field::Children),
        Poverty | Debt | EmploymentDifficulty | Housing => Some(Field::Poverty),
        MentalDistress | Hikikomori | Hoarding | SelfNeglect | Isolation | Health
        | DomesticViolence | DoubleCare => None,
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

/// A set of issues as bits (the vocabulary has fewer than 32 entries).
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

/// How a pattern was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// From ages and relations of the household.
    Household,
    /// Only from an issue recorded by the worker.
    Issue,
}

/// A pattern found in the household, with the members it involves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DetectedPattern {
    /// Which pattern.
    pub pattern: Pattern,
    /// How it was recognised.
    pub recognised_from: Source,
    /// Member ids involved (older first for 8050; carer, elder, child for double care; the
    /// child for a young carer). Empty when only the issue was recorded.
    pub members: Vec<String>,
}

/// What the household says, computed once per case.
pub(crate) struct Household<'a> {
    pub members: &'a [Member],
    pub received_on: NaiveDate,
    pub issue_mask: u32,
    pub fields: u8,
    pub members_with_issues: usize,
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
    /// Read the household (validated: every member has an age).
    pub fn read(case: &'a Case) -> Self {
        let mut issue_mask = 0;
        let mut fields = 0u8;
        let mut members_with_issues = 0;
        for m in &case.household {
            let age = m.age_at(case.received_on).unwrap_or(0);
            if !m.issues.is_empty() {
                members_with_issues += 1;
            }
            for &issue in &m.issues {
                issue_mask |= bit(issue);
                if let Some(f) = field_of(issue, age) {
                    fields |= field_bit(f);
                }
            }
        }
        Household {
            members: &case.household,
            received_on: case.received_on,
            issue_mask,
            fields,
            members_with_issues,
        }
    }

    /// A member's age on the intake date (validated input always has one).
    pub fn age(&self, i: usize) -> i64 {
        self.members
            .get(i)
            .and_then(|m| m.age_at(self.received_on))
            .unwrap_or(0)
    }

    fn gen(&self, i: usize) -> Option<i8> {
        self.members.get(i).and_then(|m| m.relation.generation())
    }

    fn has(&self, i: usize, bits: u32) -> bool {
        self.members
            .get(i)
            .is_some_and(|m| m.issues.iter().any(|&x| bit(x) & bits != 0))
    }

    fn id(&self, i: usize) -> String {
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
    pub fn p8050(&self) -> Option<(usize, usize)> {
        let younger = self.first_by_gen(|y| {
            (CARE_INSURANCE_FROM..ELDERLY_FROM).contains(&self.age(y))
                && self.has(y, WITHDRAWN_8050)
        });
        (0..self.members.len()).find_map(|e| {
            if self.age(e) < PARENT_8050_FROM {
                return None;
            }
            let ge = self.gen(e)?;
            // An elder (75+) is never the younger (40–64) member: no e != y test needed.
            lookup(&younger, ge - 1).map(|y| (e, y))
        })
    }

    /// The double-care triple (carer, elder, child), if any: the first adult (in list order) with
    /// an elder needing care one generation above and a child one generation below.
    pub fn double_care(&self) -> Option<(usize, usize, usize)> {
        let elders = self.first_by_gen(|e| self.age(e) >= ELDERLY_FROM && self.has(e, ELDER_CARE));
        let children = self.first_by_gen(|k| self.age(k) < CHILD_UNDER);
        (0..self.members.len()).find_map(|c| {
            if self.age(c) < CHILD_UNDER {
                return None;
            }
            let gc = self.gen(c)?;
            // Generations differ, so neither is the carer.
            let e = lookup(&elders, gc + 1)?;
            let k = lookup(&children, gc - 1)?;
            Some((c, e, k))
        })
    }

    /// The child who may be a young carer, if any.
    pub fn young_carer(&self) -> Option<usize> {
        let n = self.members.len();
        let needing_care = (0..n).filter(|&i| self.has(i, NEEDS_CARE)).count();
        let adults_all_need_care =
            (0..n).all(|i| self.age(i) < CHILD_UNDER || self.has(i, NEEDS_CARE));
        if needing_care == 0 || !adults_all_need_care {
            return None;
        }
        // Someone other than the child needs care.
        (0..n).find(|&k| {
            self.age(k) < CHILD_UNDER && needing_care > usize::from(self.has(k, NEEDS_CARE))
        })
    }

    /// The patterns, household-recognised first, then recorded-only ones.
    pub fn patterns(&self) -> Vec<DetectedPattern> {
        let mut out = Vec::new();
        if let Some((e, y)) = self.p8050() {
            out.push(DetectedPattern {
                pattern: Pattern::P8050,
                recognised_from: Source::Household,
                members: vec![self.id(e), self.id(y)],
            });
        }
        match self.double_care() {
            Some((c, e, k)) => out.push(DetectedPattern {
                pattern: Pattern::DoubleCare,
                recognised_from: Source::Household,
                members: vec![self.id(c), self.id(e), self.id(k)],
            }),
            None if self.issue_mask & bit(Issue::DoubleCare) != 0 => out.push(DetectedPattern {
                pattern: Pattern::DoubleCare,
                recognised_from: Source::Issue,
                members: Vec::new(),
            }),
            None => {}
        }
        match self.young_carer() {
            Some(k) => out.push(DetectedPattern {
                pattern: Pattern::YoungCarer,
                recognised_from: Source::Household,
                members: vec![self.id(k)],
            }),
            None if self.issue_mask & bit(Issue::YoungCarer) != 0 => out.push(DetectedPattern {
                pattern: Pattern::YoungCarer,
                recognised_from: Source::Issue,
                members: Vec::new(),
            }),
            None => {}
        }
        out
    }
}
