//! A 実施体制 checked against 社会福祉法第106条の4〜第106条の6. Violations (what the law does not
//! allow) and warnings (duties to endeavour, 努力義務) are separate lists; structural input errors
//! (bad JSON, an unknown program code, a bad 団体コード) never reach here: they are [`Errors`].

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::Serialize;

use crate::calendar::FiscalYear;
use crate::error::{self, Errors};
use crate::law::structure::{Structure, STRUCTURE};
use crate::law::{articles, Pillar, ProgramCode, PROJECT_START};
use crate::rule::{Finding, Rule};

use super::model::{BodyRole, Confidentiality, Municipality, Operation, PeriodEdge, ProgramEntry};
use super::LocalGovCode;

/// A 委託 provider should name its contractor (第106条の4第4項 entrusts to a body the municipality
/// chose). A warning, not a violation: the duty of secrecy (第5項) binds whoever it is, and the
/// public sources often say only "委託".
pub const R_MUNI_CONTRACTOR_NAMED: Rule = Rule {
    id: "R-MUNI-CONTRACTOR-NAMED",
    citation: Some(articles::ENTRUSTMENT.citation),
    ja: "委託で実施する事業の委託先が記載されていません",
    en: "an entrusted program does not name the body it is entrusted to",
};

/// People at an entrusted body are bound by 第106条の4第5項; a weaker basis is a misstatement.
pub const R_MUNI_CONTRACTOR_SECRECY: Rule = Rule {
    id: "R-MUNI-CONTRACTOR-SECRECY",
    citation: Some(articles::CONTRACTOR_SECRECY.citation),
    ja: "委託先の守秘義務の根拠は社会福祉法第106条の4第5項です",
    en: "an entrusted body's duty of secrecy rests on 社会福祉法第106条の4第5項",
};

/// The 支援会議 is organised by the municipality (a contractor may run its secretariat only).
pub const R_MUNI_SM_ORGANISER: Rule = Rule {
    id: "R-MUNI-SM-ORGANISER",
    citation: Some(articles::SUPPORT_MEETING.citation),
    ja: "支援会議を組織するのは市町村です（委託先は事務局を担えますが組織者にはなれません）",
    en: "the support meeting is organised by the municipality (a contractor may run its secretariat, not organise it)",
};

/// Every member of a 支援会議 is bound by 第106条の6第5項.
pub const R_MUNI_SM_MEMBER_SECRECY: Rule = Rule {
    id: "R-MUNI-SM-MEMBER-SECRECY",
    citation: Some(articles::SUPPORT_MEETING_SECRECY.citation),
    ja: "支援会議の構成員は社会福祉法第106条の6第5項の守秘義務を負います",
    en: "every member of a support meeting is bound by 社会福祉法第106条の6第5項",
};

/// No 実施計画: a warning, since 第106条の5 is a duty to endeavour.
pub const R_MUNI_PLAN_ABSENT: Rule = Rule {
    id: "R-MUNI-PLAN-ABSENT",
    citation: Some(articles::IMPLEMENTATION_PLAN.citation),
    ja: "実施計画がありません（社会福祉法第106条の5により策定に努めるものとされています）",
    en: "no implementation plan (社会福祉法第106条の5: the municipality shall endeavour to adopt one)",
};

/// A plan period runs from April 1 to March 31 (年度).
pub const R_MUNI_PLAN_FY_BOUNDARY: Rule = Rule {
    id: "R-MUNI-PLAN-FY-BOUNDARY",
    citation: Some(articles::IMPLEMENTATION_PLAN.citation),
    ja: "実施計画の期間は年度単位（4月1日〜3月31日）で定めます",
    en: "a plan period runs in whole fiscal years (April 1 to March 31)",
};

/// A plan period ends no earlier than it starts.
pub const R_MUNI_PLAN_ORDER: Rule = Rule {
    id: "R-MUNI-PLAN-ORDER",
    citation: Some(articles::IMPLEMENTATION_PLAN.citation),
    ja: "実施計画の期間の終わりが始まりより前です",
    en: "the plan period ends before it starts",
};

/// A plan is adopted before its period is over.
pub const R_MUNI_PLAN_ADOPTED_LATE: Rule = Rule {
    id: "R-MUNI-PLAN-ADOPTED-LATE",
    citation: Some(articles::IMPLEMENTATION_PLAN.citation),
    ja: "実施計画の策定日が計画期間の終了後です",
    en: "the plan was adopted after its period ended",
};

/// A plan of the project does not start before the project does.
pub const R_MUNI_PLAN_BEFORE_START: Rule = Rule {
    id: "R-MUNI-PLAN-BEFORE-START",
    citation: Some(articles::IMPLEMENTATION_PLAN.citation),
    ja: "実施計画の期間が事業の開始年度より前から始まっています",
    en: "the plan period starts before the project's first fiscal year",
};

/// The project exists from 2021-04-01 (令和3年度).
pub const R_MUNI_START_BEFORE_LAW: Rule = Rule {
    id: "R-MUNI-START-BEFORE-LAW",
    citation: Some(articles::PROJECT.citation),
    ja: "重層的支援体制整備事業は令和3年4月1日施行です（それより前の年度には開始できません）",
    en: "the project exists from 2021-04-01 (FY2021); it cannot start earlier",
};

/// Each program appears once.
pub const R_MUNI_PROGRAM_DUPLICATE: Rule = Rule {
    id: "R-MUNI-PROGRAM-DUPLICATE",
    citation: Some(articles::ITEMS.citation),
    ja: "同じ事業コードが複数回記載されています",
    en: "the same program code is listed more than once",
};

/// The rules of this area defined here (the structural ones live in `law::structure::STRUCTURE`).
pub const RULES: [Rule; 11] = [
    R_MUNI_CONTRACTOR_NAMED,
    R_MUNI_CONTRACTOR_SECRECY,
    R_MUNI_SM_ORGANISER,
    R_MUNI_SM_MEMBER_SECRECY,
    R_MUNI_PLAN_ABSENT,
    R_MUNI_PLAN_FY_BOUNDARY,
    R_MUNI_PLAN_ORDER,
    R_MUNI_PLAN_ADOPTED_LATE,
    R_MUNI_PLAN_BEFORE_START,
    R_MUNI_START_BEFORE_LAW,
    R_MUNI_PROGRAM_DUPLICATE,
];

/// The verdict on a 実施体制.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MunicipalityReport {
    /// 全国地方公共団体コード.
    pub code: LocalGovCode,
    /// Name.
    pub name: String,
    /// No violations (warnings do not count).
    pub valid: bool,
    /// What the law does not allow.
    pub violations: Vec<Finding>,
    /// What the law asks the municipality to endeavour (努力義務) and it has not recorded.
    pub warnings: Vec<Finding>,
    /// The program codes run, in the law's order.
    pub programs: Vec<ProgramCode>,
    /// The pillars present.
    pub pillars: Vec<Pillar>,
}

/// Decode a 実施体制 from JSON and check it: the entry point the CLI and bindings share.
///
/// ```
/// let r = jusou_core::municipality::check_json(r#"{"code": "112305", "name": "新座市",
///     "prefecture": "埼玉県", "start_fiscal_year": "令和8年度", "programs": []}"#).unwrap(); // ok: doc example
/// assert!(!r.valid);
/// assert_eq!(r.violations[0].rule, "R-MUNI-PILLARS");
/// ```
pub fn check_json(input: &str) -> Result<MunicipalityReport, Errors> {
    let m: Municipality = error::decode(input)?;
    Errors::check(crate::limits::check_municipality(&m))?;
    Ok(check(&m))
}

/// Check a 実施体制 against the law. Total: never fails, never panics.
pub fn check(m: &Municipality) -> MunicipalityReport {
    let mut violations = Vec::new();
    let mut warnings = Vec::new();

    let run = programs_run(&m.programs, &mut violations);
    check_structure(&run, &mut violations);
    check_providers(&m.programs, &mut violations, &mut warnings);
    check_meetings(m, &mut violations);
    check_dates(m, &mut violations, &mut warnings);

    let programs: Vec<ProgramCode> = ProgramCode::ALL
        .iter()
        .copied()
        .filter(|c| run.contains(c))
        .collect();
    let pillars = Pillar::ALL
        .iter()
        .copied()
        .filter(|p| programs.iter().any(|c| c.program().pillar == *p))
        .collect();
    MunicipalityReport {
        code: m.code,
        name: m.name.clone(),
        valid: violations.is_empty(),
        violations,
        warnings,
        programs,
        pillars,
    }
}

fn finding(rule: &'static str, citation: &'static str, ja: String, en: String) -> Finding {
    Finding {
        rule: Cow::Borrowed(rule),
        citation: Some(citation),
        message_ja: Cow::Owned(ja),
        message_en: Cow::Owned(en),
    }
}

/// The distinct codes run; each repeat is a violation.
fn programs_run(entries: &[ProgramEntry], violations: &mut Vec<Finding>) -> Vec<ProgramCode> {
    let mut seen: Vec<ProgramCode> = Vec::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        if seen.contains(&e.code) {
            violations.push(R_MUNI_PROGRAM_DUPLICATE.finding_with(
                format!(
                    "事業コード{}（{}）が重複しています（/programs/{i}）",
                    e.code,
                    e.code.item_ja()
                ),
                format!(
                    "program code {} ({}) is listed again at /programs/{i}",
                    e.code,
                    e.code.item_ja()
                ),
            ));
        } else {
            seen.push(e.code);
        }
    }
    seen
}

fn list_ja(codes: &[ProgramCode]) -> String {
    codes
        .iter()
        .map(|c| c.item_ja())
        .collect::<Vec<_>>()
        .join("・")
}

fn list_en(codes: &[ProgramCode]) -> String {
    codes
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The structural rules of 第106条の4第2項, read from `law::structure::STRUCTURE`.
fn check_structure(run: &[ProgramCode], violations: &mut Vec<Finding>) {
    for s in STRUCTURE.iter() {
        match *s {
            Structure::AllPillars {
                rule,
                pillars,
                citation,
            } => {
                let missing: Vec<Pillar> = pillars
                    .iter()
                    .copied()
                    .filter(|p| !run.iter().any(|c| c.program().pillar == *p))
                    .collect();
                if !missing.is_empty() {
                    let ja = missing
                        .iter()
                        .map(|p| format!("{} {}", p.numeral(), p.name_ja()))
                        .collect::<Vec<_>>()
                        .join("・");
                    let en = missing
                        .iter()
                        .map(|p| format!("{} {}", p.numeral(), p.name_en()))
                        .collect::<Vec<_>>()
                        .join(", ");
                    violations.push(finding(
                        rule,
                        citation,
                        format!("3つの柱は一体的に実施する必要がありますが、{ja}がありません"),
                        format!("all three pillars must be run together; missing: {en}"),
                    ));
                }
            }
            Structure::AllTogether {
                rule,
                group,
                members,
                citation,
            } => {
                let missing: Vec<ProgramCode> = members
                    .iter()
                    .copied()
                    .filter(|c| !run.contains(c))
                    .collect();
                if !missing.is_empty() {
                    violations.push(finding(
                        rule,
                        citation,
                        format!(
                            "{group}はイ〜ニの全てを一体的に実施する必要がありますが、{}がありません",
                            list_ja(&missing)
                        ),
                        format!(
                            "{group} is run only as all of イ–ニ together; missing: {}",
                            list_en(&missing)
                        ),
                    ));
                }
            }
            Structure::RunsWith {
                rule,
                program,
                with,
                citation,
            } => {
                let has_p = run.contains(&program);
                let has_w = run.contains(&with);
                if has_p != has_w {
                    let (present, absent) = if has_p {
                        (program, with)
                    } else {
                        (with, program)
                    };
                    violations.push(finding(
                        rule,
                        citation,
                        format!(
                            "{}と{}は一体で実施しますが、{}があり{}がありません",
                            program.item_ja(),
                            with.item_ja(),
                            present.item_ja(),
                            absent.item_ja()
                        ),
                        format!(
                            "{} and {} are run together; {} is listed without {}",
                            program, with, present, absent
                        ),
                    ));
                }
            }
        }
    }
}

/// 委託: a named contractor (warning when unnamed) bound by 第106条の4第5項 (violation otherwise).
fn check_providers(
    entries: &[ProgramEntry],
    violations: &mut Vec<Finding>,
    warnings: &mut Vec<Finding>,
) {
    for (i, e) in entries.iter().enumerate() {
        for (j, p) in e.providers.iter().enumerate() {
            if !p.operation.contains(&Operation::Entrusted) {
                continue;
            }
            let at = format!("/programs/{i}/providers/{j}");
            if p.contractor.as_deref().is_none_or(|c| c.trim().is_empty()) {
                warnings.push(R_MUNI_CONTRACTOR_NAMED.finding_with(
                    format!(
                        "{}（{}）の「{}」は委託ですが委託先が記載されていません（{at}）",
                        e.code.item_ja(),
                        e.code,
                        p.name
                    ),
                    format!(
                        "'{}' of program {} is entrusted but names no contractor ({at})",
                        p.name, e.code
                    ),
                ));
            }
            if let Some(c) = p.contractor_confidentiality {
                if c != Confidentiality::Contractor {
                    violations.push(R_MUNI_CONTRACTOR_SECRECY.finding_with(
                        format!(
                            "{}（{}）の委託先「{}」の守秘義務の根拠は社会福祉法第106条の4第5項です（{at}/contractor_confidentiality）",
                            e.code.item_ja(),
                            e.code,
                            p.contractor.as_deref().unwrap_or(&p.name)
                        ),
                        format!(
                            "the contractor '{}' of program {} is bound by 社会福祉法第106条の4第5項, not by what is recorded ({at}/contractor_confidentiality)",
                            p.contractor.as_deref().unwrap_or(&p.name),
                            e.code
                        ),
                    ));
                }
            }
        }
    }
}

/// 支援会議: organised by the municipality; every member bound by 第106条の6第5項.
fn check_meetings(m: &Municipality, violations: &mut Vec<Finding>) {
    for (i, mt) in m.meetings.iter().enumerate() {
        if !mt.kind.is_support_meeting() {
            continue;
        }
        let name = mt.local_name.as_deref().unwrap_or(mt.kind.name_ja());
        if let Some(org) = &mt.organiser {
            if org.role != BodyRole::Municipality {
                violations.push(R_MUNI_SM_ORGANISER.finding_with(
                    format!(
                        "「{name}」の組織者が「{}」になっています。支援会議を組織するのは{}です（委託先は事務局のみ）（/meetings/{i}/organiser）",
                        org.name, m.name
                    ),
                    format!(
                        "'{name}' is organised by '{}'; a support meeting is organised by the municipality ({}), a contractor may only run its secretariat (/meetings/{i}/organiser)",
                        org.name, m.name
                    ),
                ));
            }
        }
        for (j, mem) in mt.members.iter().enumerate() {
            if let Some(c) = mem.confidentiality {
                if c != Confidentiality::SupportMeeting {
                    violations.push(R_MUNI_SM_MEMBER_SECRECY.finding_with(
                        format!(
                            "「{name}」の構成員「{}」は社会福祉法第106条の6第5項の守秘義務を負う者でなければなりません（/meetings/{i}/members/{j}）",
                            mem.name
                        ),
                        format!(
                            "member '{}' of '{name}' must be bound by 社会福祉法第106条の6第5項 (/meetings/{i}/members/{j})",
                            mem.name
                        ),
                    ));
                }
            }
        }
    }
}

fn edge_ja(e: PeriodEdge) -> String {
    e.to_string()
}

/// Start year, the plan's presence, its period and its adoption date.
fn check_dates(m: &Municipality, violations: &mut Vec<Finding>, warnings: &mut Vec<Finding>) {
    let law_fy = FiscalYear::of(PROJECT_START);
    if m.start_fiscal_year < law_fy {
        violations.push(R_MUNI_START_BEFORE_LAW.finding_with(
            format!(
                "開始年度{}は施行（令和3年4月1日）より前です",
                m.start_fiscal_year
            ),
            format!(
                "start year FY{} is before the law came into force (2021-04-01)",
                m.start_fiscal_year.0
            ),
        ));
    }
    let Some(plan) = &m.implementation_plan else {
        warnings.push(R_MUNI_PLAN_ABSENT.finding());
        return;
    };
    let (from, to) = (plan.period.from, plan.period.to);
    if let PeriodEdge::Day(d) = from {
        if FiscalYear::of(d).start() != Some(d) {
            violations.push(R_MUNI_PLAN_FY_BOUNDARY.finding_with(
                format!("計画期間の始まり{d}が4月1日ではありません（/implementation_plan/period/from）"),
                format!("the plan period starts on {d}, not on April 1 (/implementation_plan/period/from)"),
            ));
        }
    }
    if let PeriodEdge::Day(d) = to {
        if FiscalYear::of(d).end() != Some(d) {
            violations.push(R_MUNI_PLAN_FY_BOUNDARY.finding_with(
                format!(
                    "計画期間の終わり{d}が3月31日ではありません（/implementation_plan/period/to）"
                ),
                format!(
                    "the plan period ends on {d}, not on March 31 (/implementation_plan/period/to)"
                ),
            ));
        }
    }
    if to.fiscal_year() < from.fiscal_year() || to.last_day() < from.first_day() {
        violations.push(R_MUNI_PLAN_ORDER.finding_with(
            format!(
                "計画期間の終わり（{}）が始まり（{}）より前です",
                edge_ja(to),
                edge_ja(from)
            ),
            format!("the plan period ends ({to}) before it starts ({from})"),
        ));
    }
    if let (Some(adopted), Some(end)) = (plan.adopted_on, to.last_day()) {
        if adopted > end {
            violations.push(R_MUNI_PLAN_ADOPTED_LATE.finding_with(
                format!("実施計画の策定日{adopted}が計画期間の終わり{end}より後です"),
                format!("the plan was adopted on {adopted}, after its period ended on {end}"),
            ));
        }
    }
    if from.fiscal_year() < m.start_fiscal_year {
        violations.push(R_MUNI_PLAN_BEFORE_START.finding_with(
            format!(
                "計画期間の始まり（{}）が事業の開始年度（{}）より前です",
                edge_ja(from),
                m.start_fiscal_year
                    .wareki()
                    .unwrap_or_else(|| m.start_fiscal_year.to_string())
            ),
            format!(
                "the plan period starts ({from}) before the project's first year (FY{})",
                m.start_fiscal_year.0
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::municipality::model::{
        Body, ImplementationPlan, Meeting, MeetingKind, Member, PlanPeriod, Provider,
    };

    fn provider(op: Operation, contractor: Option<&str>) -> Provider {
        Provider {
            name: "窓口".into(),
            operation: vec![op],
            contractor: contractor.map(Into::into),
            contractor_confidentiality: None,
            sites: None,
            area: None,
            section: vec![],
            target: None,
            note: None,
        }
    }

    /// A minimal lawful 実施体制: every item of 第1号–第6号 (without the 町村 items), a plan.
    fn lawful() -> Municipality {
        let codes = [
            "1-i", "1-ro", "1-ha", "1-ni", "2", "3-i", "3-ro", "3-ha", "3-ni", "4", "5", "6",
        ];
        Municipality {
            code: "112305".parse().unwrap(),
            name: "新座市".into(),
            prefecture: "埼玉県".into(),
            start_fiscal_year: FiscalYear(2026),
            implementation_plan: Some(ImplementationPlan {
                title: None,
                period: PlanPeriod {
                    from: PeriodEdge::FiscalYear(FiscalYear(2026)),
                    to: PeriodEdge::FiscalYear(FiscalYear(2027)),
                },
                adopted_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 1),
            }),
            programs: codes
                .iter()
                .map(|c| ProgramEntry {
                    code: c.parse().unwrap(),
                    local_name: None,
                    providers: vec![provider(Operation::Entrusted, Some("社会福祉協議会"))],
                })
                .collect(),
            meetings: vec![Meeting {
                kind: MeetingKind::Legal(crate::meeting::MeetingKind::SupportMeeting),
                local_name: None,
                legal_basis: None,
                organiser: Some(Body {
                    name: "新座市".into(),
                    role: BodyRole::Municipality,
                }),
                conveners: vec![],
                secretariat: vec![Body {
                    name: "社会福祉協議会".into(),
                    role: BodyRole::Contractor,
                }],
                cadence: vec![],
                members: vec![Member {
                    name: "社協".into(),
                    role: Some(BodyRole::Contractor),
                    confidentiality: Some(Confidentiality::SupportMeeting),
                }],
                note: None,
            }],
            options: Default::default(),
            note: None,
        }
    }

    fn rules(r: &MunicipalityReport) -> Vec<&str> {
        r.violations
            .iter()
            .chain(&r.warnings)
            .map(|f| f.rule_id())
            .collect()
    }

    fn without(m: &mut Municipality, code: &str) {
        let c: ProgramCode = code.parse().unwrap();
        m.programs.retain(|e| e.code != c);
    }

    #[test]
    fn lawful_has_no_findings() {
        let r = check(&lawful());
        assert!(r.valid);
        assert!(rules(&r).is_empty(), "{:?}", rules(&r));
        assert_eq!(r.pillars, Pillar::ALL.to_vec());
    }

    #[test]
    fn structure_rules_fire_and_name_the_missing() {
        let mut m = lawful();
        without(&mut m, "2");
        let r = check(&m);
        assert_eq!(rules(&r), ["R-MUNI-PILLARS"]);
        assert!(r.violations[0].message_en.contains("II"));

        let mut m = lawful();
        without(&mut m, "1-ro");
        assert_eq!(rules(&check(&m)), ["R-MUNI-ITEM1-ALL"]);

        let mut m = lawful();
        without(&mut m, "3-ha");
        assert_eq!(rules(&check(&m)), ["R-MUNI-ITEM3-ALL"]);

        let mut m = lawful();
        without(&mut m, "5");
        assert_eq!(rules(&check(&m)), ["R-MUNI-ITEM6-WITH-5"]);
        let mut m = lawful();
        without(&mut m, "6");
        assert_eq!(rules(&check(&m)), ["R-MUNI-ITEM6-WITH-5"]);
        let mut m = lawful();
        without(&mut m, "5");
        without(&mut m, "6");
        assert!(!rules(&check(&m)).contains(&"R-MUNI-ITEM6-WITH-5"));
    }

    #[test]
    fn structure_rule_ids_come_from_the_law_data() {
        let ids: Vec<&str> = STRUCTURE
            .iter()
            .map(|s| match s {
                Structure::AllTogether { rule, .. }
                | Structure::RunsWith { rule, .. }
                | Structure::AllPillars { rule, .. } => *rule,
            })
            .collect();
        assert!(ids.iter().all(|id| id.starts_with("R-MUNI-")));
    }

    #[test]
    fn duplicate_program() {
        let mut m = lawful();
        let first = m.programs[0].clone();
        m.programs.push(first);
        assert_eq!(rules(&check(&m)), ["R-MUNI-PROGRAM-DUPLICATE"]);
    }

    #[test]
    fn contractor_named_is_a_warning_only_for_entrusted() {
        let mut m = lawful();
        m.programs[0].providers = vec![provider(Operation::Entrusted, None)];
        let r = check(&m);
        assert!(r.valid);
        assert_eq!(rules(&r), ["R-MUNI-CONTRACTOR-NAMED"]);
        m.programs[0].providers = vec![provider(Operation::Direct, None)];
        assert!(rules(&check(&m)).is_empty());
        m.programs[0].providers = vec![provider(Operation::Subsidised, None)];
        assert!(rules(&check(&m)).is_empty());
    }

    #[test]
    fn contractor_secrecy() {
        let mut m = lawful();
        m.programs[0].providers[0].contractor_confidentiality = Some(Confidentiality::ContractOnly);
        assert_eq!(rules(&check(&m)), ["R-MUNI-CONTRACTOR-SECRECY"]);
        m.programs[0].providers[0].contractor_confidentiality = Some(Confidentiality::Contractor);
        assert!(rules(&check(&m)).is_empty());
    }

    #[test]
    fn support_meeting_organiser() {
        let mut m = lawful();
        m.meetings[0].organiser = Some(Body {
            name: "社会福祉協議会".into(),
            role: BodyRole::Contractor,
        });
        assert_eq!(rules(&check(&m)), ["R-MUNI-SM-ORGANISER"]);
        // The same for both meetings held together; not for the 重層的支援会議 alone.
        m.meetings[0].kind = MeetingKind::Legal(crate::meeting::MeetingKind::Combined);
        assert_eq!(rules(&check(&m)), ["R-MUNI-SM-ORGANISER"]);
        m.meetings[0].kind = MeetingKind::Legal(crate::meeting::MeetingKind::JusouMeeting);
        assert!(rules(&check(&m)).is_empty());
    }

    #[test]
    fn support_meeting_member_secrecy() {
        let mut m = lawful();
        m.meetings[0].members[0].confidentiality = Some(Confidentiality::None);
        assert_eq!(rules(&check(&m)), ["R-MUNI-SM-MEMBER-SECRECY"]);
        m.meetings[0].members[0].confidentiality = Some(Confidentiality::PublicServant);
        assert_eq!(rules(&check(&m)), ["R-MUNI-SM-MEMBER-SECRECY"]);
        m.meetings[0].kind = MeetingKind::Legal(crate::meeting::MeetingKind::CommunityCareMeeting);
        assert!(rules(&check(&m)).is_empty());
    }

    #[test]
    fn plan_absent_is_a_warning() {
        let mut m = lawful();
        m.implementation_plan = None;
        let r = check(&m);
        assert!(r.valid);
        assert_eq!(r.warnings.len(), 1);
        assert_eq!(r.warnings[0].rule, "R-MUNI-PLAN-ABSENT");
        assert_eq!(r.warnings[0].citation, Some("社会福祉法第106条の5"));
    }

    fn day(y: i32, m: u32, d: u32) -> PeriodEdge {
        PeriodEdge::Day(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn with_period(from: PeriodEdge, to: PeriodEdge) -> Municipality {
        let mut m = lawful();
        if let Some(p) = m.implementation_plan.as_mut() {
            p.period = PlanPeriod { from, to };
        }
        m
    }

    #[test]
    fn plan_fiscal_year_boundaries() {
        let ok = with_period(day(2026, 4, 1), day(2028, 3, 31));
        assert!(rules(&check(&ok)).is_empty());
        let bad = with_period(day(2026, 4, 2), day(2028, 3, 31));
        assert_eq!(rules(&check(&bad)), ["R-MUNI-PLAN-FY-BOUNDARY"]);
        let bad = with_period(day(2026, 4, 1), day(2027, 12, 31));
        assert_eq!(rules(&check(&bad)), ["R-MUNI-PLAN-FY-BOUNDARY"]);
    }

    #[test]
    fn plan_order() {
        let bad = with_period(
            PeriodEdge::FiscalYear(FiscalYear(2027)),
            PeriodEdge::FiscalYear(FiscalYear(2026)),
        );
        assert_eq!(rules(&check(&bad)), ["R-MUNI-PLAN-ORDER"]);
        // A one-year plan is fine.
        let one = with_period(
            PeriodEdge::FiscalYear(FiscalYear(2026)),
            PeriodEdge::FiscalYear(FiscalYear(2026)),
        );
        assert!(rules(&check(&one)).is_empty());
    }

    #[test]
    fn plan_adopted_late() {
        let mut m = lawful();
        if let Some(p) = m.implementation_plan.as_mut() {
            p.adopted_on = chrono::NaiveDate::from_ymd_opt(2028, 4, 1);
        }
        assert_eq!(rules(&check(&m)), ["R-MUNI-PLAN-ADOPTED-LATE"]);
        if let Some(p) = m.implementation_plan.as_mut() {
            p.adopted_on = chrono::NaiveDate::from_ymd_opt(2028, 3, 31);
        }
        assert!(rules(&check(&m)).is_empty());
    }

    #[test]
    fn plan_before_start_and_start_before_law() {
        let m = with_period(
            PeriodEdge::FiscalYear(FiscalYear(2025)),
            PeriodEdge::FiscalYear(FiscalYear(2027)),
        );
        assert_eq!(rules(&check(&m)), ["R-MUNI-PLAN-BEFORE-START"]);

        let mut m = lawful();
        m.start_fiscal_year = FiscalYear(2020);
        assert_eq!(rules(&check(&m)), ["R-MUNI-START-BEFORE-LAW"]);
        m.start_fiscal_year = FiscalYear(2021);
        assert!(rules(&check(&m)).is_empty());
    }

    #[test]
    fn json_entry_point_reports_structural_errors() {
        let e = check_json(r#"{"code": "112305"}"#).unwrap_err();
        assert_eq!(e.errors[0].code, "JUSOU-E-JSON-003");
        let e = check_json("{").unwrap_err();
        assert_eq!(e.errors[0].code, "JUSOU-E-JSON-001");
    }

    #[test]
    fn wareki_and_japanese_labels_are_read() {
        let r = check_json(
            r#"{"code": "132250", "name": "稲城市", "prefecture": "東京都",
                "start_fiscal_year": "令和6年度",
                "implementation_plan": {"period": {"from": "令和6年度", "to": 2029},
                                        "adopted_on": "令和6年3月1日"},
                "programs": [{"code": "第1号イ", "providers": [{"name": "x", "operation": ["委託", "補助"], "contractor": "社協"}]}],
                "meetings": [{"kind": "support_meeting", "cadence": ["毎月", "随時"]}]}"#,
        )
        .unwrap();
        assert_eq!(r.programs, [ProgramCode::Item1I]);
        let e = check_json(
            r#"{"code": "132250", "name": "稲城市", "prefecture": "東京都",
                "start_fiscal_year": 2024, "programs": [],
                "implementation_plan": {"period": {"from": "令和6年4月", "to": 2029}}}"#,
        )
        .unwrap_err();
        assert_eq!(e.errors[0].path, "/implementation_plan/period/from");
    }
}
