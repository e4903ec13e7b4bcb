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
        FIELDS
            .into_iter()
            .filter(|&f| self.fields & field_bit(f) != 0)
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

    /// The 8050 pair (older, younger), if any.
    pub fn p8050(&self) -> Option<(usize, usize)> {
        let n = self.members.len();
        for e in 0..n {
            if self.age(e) < PARENT_8050_FROM {
                continue;
            }
            let Some(ge) = self.gen(e) else { continue };
            for y in 0..n {
                let ay = self.age(y);
                if y != e
                    && (CARE_INSURANCE_FROM..ELDERLY_FROM).contains(&ay)
                    && self.gen(y) == Some(ge - 1)
                    && self.has(y, WITHDRAWN_8050)
                {
                    return Some((e, y));
                }
            }
        }
        None
    }

    /// The double-care triple (carer, elder, child), if any.
    pub fn double_care(&self) -> Option<(usize, usize, usize)> {
        let n = self.members.len();
        for c in 0..n {
            if self.age(c) < CHILD_UNDER {
                continue;
            }
            let Some(gc) = self.gen(c) else { continue };
            let elder = (0..n).find(|&e| {
                e != c
                    && self.age(e) >= ELDERLY_FROM
                    && self.gen(e) == Some(gc + 1)
                    && self.has(e, ELDER_CARE)
            });
            let child = (0..n)
                .find(|&k| k != c && self.age(k) < CHILD_UNDER && self.gen(k) == Some(gc - 1));
            if let (Some(e), Some(k)) = (elder, child) {
                return Some((c, e, k));
            }
        }
        None
    }

    /// The child who may be a young carer, if any.
    pub fn young_carer(&self) -> Option<usize> {
        let n = self.members.len();
        let someone_needs_care = (0..n).any(|i| self.has(i, NEEDS_CARE));
        let adults_all_need_care =
            (0..n).all(|i| self.age(i) < CHILD_UNDER || self.has(i, NEEDS_CARE));
        if !(someone_needs_care && adults_all_need_care) {
            return None;
        }
        (0..n).find(|&k| {
            self.age(k) < CHILD_UNDER && (0..n).any(|o| o != k && self.has(o, NEEDS_CARE))
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
