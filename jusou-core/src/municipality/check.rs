//! A 実施体制 checked against 社会福祉法第106条の4〜第106条の6. Violations (what the law does not
//! allow), warnings (duties to endeavour, 努力義務, and unverified points) and what the source
//! does not state (`unstated`) are separate lists; structural input errors (bad JSON, an unknown
//! program code, a bad 団体コード) never reach here: they are [`Errors`].
//!
//! Three states for every fact the law checks: stated yes, stated no, not stated. Only a fact
//! stated can break a rule; a fact not stated makes the verdict incomplete (`complete: false`).

use std::borrow::Cow;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use crate::calendar::FiscalYear;
use crate::error::{self, Errors};
use crate::law::structure::{required_codes, ITEMS_AS_ONE_RULE};
use crate::law::{articles, Pillar, ProgramCode, PROJECT_START};
use crate::meeting::kind::support_meeting_era;
use crate::meeting::MeetingKind as LegalKind;
use crate::rule::{Finding, Rule};

use super::model::{BodyRole, Municipality, Operation, PeriodEdge, ProgramEntry, Stage, StageSpan};
use super::LocalGovCode;

/// The project is the items of 第106条の4第2項 carried out as one: while the municipality runs it
/// (本格実施), every item stated as not run is a violation (第1号 and 第3号 each as all of イ〜ニ,
/// 第2号, 第4号, 第5号, 第6号 with 第5号).
pub const R_MUNI_ITEMS_AS_ONE: Rule = Rule {
    id: ITEMS_AS_ONE_RULE,
    source: Some(&articles::SRC_ITEMS_OPENING),
    ja: "重層的支援体制整備事業は第106条の4第2項各号の事業を一体のものとして実施する事業です",
    en: "the project is the items of Article 106-4(2) carried out as one",
};

/// Items stated as not run while the source does not say whether the municipality runs the
/// project in full: a warning (it would be a violation under 本格実施).
pub const R_MUNI_ITEMS_IF_FULL: Rule = Rule {
    id: "R-MUNI-ITEMS-IF-FULL",
    source: Some(&articles::SRC_ITEMS_OPENING),
    ja: "実施段階が記載されていません。本格実施であれば、実施しないと記載された事業は第106条の4第2項柱書に反します",
    en: "the stage is not stated; under full implementation, the items stated as not run would breach Article 106-4(2)",
};

/// A town or village without a 福祉事務所: 第1号ニ is the prefecture's and the town's own
/// consultation (第3号柱書) stands in. How the statute words this is unverified: always a warning.
pub const R_MUNI_TOWN_CONSULT: Rule = Rule {
    id: "R-MUNI-TOWN-CONSULT",
    source: Some(&articles::SRC_ITEM3_OPENING_UNVERIFIED),
    ja: "福祉事務所未設置町村では自立相談支援事業（第1号ニ）は都道府県が行い、町村の相談事業（3-main-consult）が代わりを務めます（条文上の位置づけは未確認）",
    en: "in a town or village without a welfare office, 1-ni is run by the prefecture and the town's own consultation (3-main-consult) stands in (how the statute words this is unverified)",
};

/// Stated twice with opposite answers (run and not run).
pub const R_MUNI_PROGRAM_CONFLICT: Rule = Rule {
    id: "R-MUNI-PROGRAM-CONFLICT",
    source: Some(&articles::SRC_ITEMS),
    ja: "同じ事業が「実施する」と「実施しない」の両方で記載されています",
    en: "the same program is stated both as run and as not run",
};

/// A 支援会議 exists only where the municipality runs the project (the dated rule of
/// `meeting::kind::SUPPORT_MEETING_ERAS`, the one the meeting check uses).
pub const R_MUNI_SM_WITHOUT_PROJECT: Rule = Rule {
    id: "R-MUNI-SM-WITHOUT-PROJECT",
    source: Some(&articles::SRC_SUPPORT_MEETING),
    ja: "支援会議（第106条の6）を組織できるのは重層的支援体制整備事業を実施する市町村です",
    en: "only a municipality running the project may organise a support meeting (Article 106-6)",
};

/// A 委託 provider should name its contractor (第106条の4第4項 entrusts to a body the municipality
/// chose). A warning, not a violation: the duty of secrecy (第5項) binds whoever it is, and the
/// public sources often say only "委託".
pub const R_MUNI_CONTRACTOR_NAMED: Rule = Rule {
    id: "R-MUNI-CONTRACTOR-NAMED",
    source: Some(&articles::SRC_ENTRUSTMENT),
    ja: "委託で実施する事業の委託先が記載されていません",
    en: "an entrusted program does not name the body it is entrusted to",
};

/// People at an entrusted body are bound by 第106条の4第5項; a record giving them no statutory
/// basis at all misstates the law (a bundled program's own law, e.g. 生活困窮者自立支援法, is a
/// statutory basis and fine).
pub const R_MUNI_CONTRACTOR_SECRECY: Rule = Rule {
    id: "R-MUNI-CONTRACTOR-SECRECY",
    source: Some(&articles::SRC_CONTRACTOR_SECRECY),
    ja: "委託先の守秘義務の根拠は社会福祉法第106条の4第5項です",
    en: "an entrusted body's duty of secrecy rests on 社会福祉法第106条の4第5項",
};

/// The 支援会議 is organised by the municipality (a contractor may run its secretariat only).
pub const R_MUNI_SM_ORGANISER: Rule = Rule {
    id: "R-MUNI-SM-ORGANISER",
    source: Some(&articles::SRC_SUPPORT_MEETING),
    ja: "支援会議を組織するのは市町村です（委託先は事務局を担えますが組織者にはなれません）",
    en: "the support meeting is organised by the municipality (a contractor may run its secretariat, not organise it)",
};

/// Every member of a 支援会議 is bound by a statute (第106条の6第5項 by membership; 地方公務員法 for
/// municipal staff); a member recorded with no statutory basis at all is flagged.
pub const R_MUNI_SM_MEMBER_SECRECY: Rule = Rule {
    id: "R-MUNI-SM-MEMBER-SECRECY",
    source: Some(&articles::SRC_SUPPORT_MEETING_SECRECY),
    ja: "支援会議の構成員は社会福祉法第106条の6第5項の守秘義務を負います",
    en: "every member of a support meeting is bound by 社会福祉法第106条の6第5項",
};

/// No 実施計画: a warning, since 第106条の5 is a duty to endeavour.
pub const R_MUNI_PLAN_ABSENT: Rule = Rule {
    id: "R-MUNI-PLAN-ABSENT",
    source: Some(&articles::SRC_IMPLEMENTATION_PLAN),
    ja: "実施計画がありません（社会福祉法第106条の5により策定に努めるものとされています）",
    en: "no implementation plan (社会福祉法第106条の5: the municipality shall endeavour to adopt one)",
};

/// The plan's period is over on the day of the check: a warning (第106条の5 is an effort duty).
pub const R_MUNI_PLAN_EXPIRED: Rule = Rule {
    id: "R-MUNI-PLAN-EXPIRED",
    source: Some(&articles::SRC_IMPLEMENTATION_PLAN),
    ja: "実施計画の期間が終わっています（次期計画の策定に努めるものとされています）",
    en: "the implementation plan's period is over (the municipality should endeavour to adopt the next one)",
};

/// A plan period runs from April 1 to March 31 (年度).
pub const R_MUNI_PLAN_FY_BOUNDARY: Rule = Rule {
    id: "R-MUNI-PLAN-FY-BOUNDARY",
    source: Some(&articles::SRC_IMPLEMENTATION_PLAN),
    ja: "実施計画の期間は年度単位（4月1日〜3月31日）で定めます",
    en: "a plan period runs in whole fiscal years (April 1 to March 31)",
};

/// A plan period ends no earlier than it starts.
pub const R_MUNI_PLAN_ORDER: Rule = Rule {
    id: "R-MUNI-PLAN-ORDER",
    source: Some(&articles::SRC_IMPLEMENTATION_PLAN),
    ja: "実施計画の期間の終わりが始まりより前です",
    en: "the plan period ends before it starts",
};

/// A plan is adopted before its period is over.
pub const R_MUNI_PLAN_ADOPTED_LATE: Rule = Rule {
    id: "R-MUNI-PLAN-ADOPTED-LATE",
    source: Some(&articles::SRC_IMPLEMENTATION_PLAN),
    ja: "実施計画の策定日が計画期間の終了後です",
    en: "the plan was adopted after its period ended",
};

/// A plan of the project does not start before the project does.
pub const R_MUNI_PLAN_BEFORE_START: Rule = Rule {
    id: "R-MUNI-PLAN-BEFORE-START",
    source: Some(&articles::SRC_IMPLEMENTATION_PLAN),
    ja: "実施計画の期間が事業の開始年度より前から始まっています",
    en: "the plan period starts before the project's first fiscal year",
};

/// The project (and its 移行準備事業) exists from 2021-04-01 (令和3年度).
pub const R_MUNI_START_BEFORE_LAW: Rule = Rule {
    id: "R-MUNI-START-BEFORE-LAW",
    source: Some(&articles::SRC_PROJECT),
    ja: "重層的支援体制整備事業は令和3年4月1日施行です（それより前の年度には開始できません）",
    en: "the project exists from 2021-04-01 (FY2021); it cannot start earlier",
};

/// Each program is named one by one at most once.
pub const R_MUNI_PROGRAM_DUPLICATE: Rule = Rule {
    id: "R-MUNI-PROGRAM-DUPLICATE",
    source: Some(&articles::SRC_ITEMS),
    ja: "同じ事業コードが複数回記載されています",
    en: "the same program code is listed more than once",
};

/// Every rule of this area.
pub const RULES: [Rule; 17] = [
    R_MUNI_ITEMS_AS_ONE,
    R_MUNI_ITEMS_IF_FULL,
    R_MUNI_TOWN_CONSULT,
    R_MUNI_PROGRAM_CONFLICT,
    R_MUNI_SM_WITHOUT_PROJECT,
    R_MUNI_CONTRACTOR_NAMED,
    R_MUNI_CONTRACTOR_SECRECY,
    R_MUNI_SM_ORGANISER,
    R_MUNI_SM_MEMBER_SECRECY,
    R_MUNI_PLAN_ABSENT,
    R_MUNI_PLAN_EXPIRED,
    R_MUNI_PLAN_FY_BOUNDARY,
    R_MUNI_PLAN_ORDER,
    R_MUNI_PLAN_ADOPTED_LATE,
    R_MUNI_PLAN_BEFORE_START,
    R_MUNI_START_BEFORE_LAW,
    R_MUNI_PROGRAM_DUPLICATE,
];

/// A fact the law checks that the source does not state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Unstated {
    /// What kind of fact: `program`, `stage`, `welfare_office`, `meeting_kind`,
    /// `support_meeting_organiser`, `implementation_plan`, `plan_period`.
    pub what: &'static str,
    /// The program, for `what: program`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub program: Option<ProgramCode>,
    /// Where in the input it would be stated (JSON pointer).
    pub path: String,
    /// Japanese text.
    pub message_ja: String,
    /// English text.
    pub message_en: String,
}

/// The stage the check applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct StageInForce {
    /// The stage.
    pub stage: Stage,
    /// Its first day.
    #[serde(with = "crate::calendar::day::option")]
    #[schemars(with = "Option<String>")]
    pub from: Option<NaiveDate>,
    /// Its last day (null while it lasts).
    #[serde(with = "crate::calendar::day::option")]
    #[schemars(with = "Option<String>")]
    pub until: Option<NaiveDate>,
    /// The funding scheme key (`law::funding`) of a stage with its own funding
    /// (`transition-preparation`: 国3/4・市町村1/4).
    pub funding_scheme: Option<&'static str>,
}

/// One legal basis of a meeting and what it means for sharing a person's information.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MeetingBasis {
    /// The legal type.
    pub kind: LegalKind,
    /// Whether sharing a person's information under this basis needs their consent.
    pub consent_required: bool,
    /// What it rests on.
    pub citation: &'static str,
}

/// A meeting as the law reads it: its bases (by basis, never by name), the consent rule of each,
/// and the municipality's own confidentiality clauses covering it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MeetingSummary {
    /// JSON pointer to the meeting.
    pub path: String,
    /// Its local name, or its type's.
    pub name: String,
    /// Its legal bases (empty: not stated).
    pub bases: Vec<MeetingBasis>,
    /// The 要綱 clauses covering it.
    pub clauses: Vec<String>,
}

/// The verdict on a 実施体制.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MunicipalityReport {
    /// 全国地方公共団体コード.
    pub code: LocalGovCode,
    /// Name.
    pub name: String,
    /// No violations (warnings and unstated facts do not count).
    pub valid: bool,
    /// Every fact the law checks was stated (`unstated` is empty).
    pub complete: bool,
    /// What the law does not allow.
    pub violations: Vec<Finding>,
    /// Duties to endeavour (努力義務) not met, and unverified points.
    pub warnings: Vec<Finding>,
    /// What the law checks but the source does not say.
    pub unstated: Vec<Unstated>,
    /// Whether the municipality runs the project on the day checked (本格実施): null when the
    /// source does not say.
    pub runs_project: Option<bool>,
    /// The stage applied (null when not stated, or before the first stage).
    pub stage: Option<StageInForce>,
    /// The program codes stated as run, in the law's order.
    pub programs: Vec<ProgramCode>,
    /// The program codes stated as not run (explicitly, or left out of a complete list), in the
    /// law's order.
    pub not_run: Vec<ProgramCode>,
    /// The pillars present.
    pub pillars: Vec<Pillar>,
    /// The meetings by their legal bases.
    pub meetings: Vec<MeetingSummary>,
}

/// Decode a 実施体制 from JSON and check it: the entry point the CLI and bindings share.
///
/// ```
/// let r = jusou_core::municipality::check_json(r#"{"code": "112305", "name": "新座市",
///     "prefecture": "埼玉県", "start_fiscal_year": "令和8年度", "programs": [{"code": "4", "runs": false}]}"#).unwrap(); // ok: doc example
/// assert!(!r.valid);
/// assert_eq!(r.violations[0].rule, "R-MUNI-ITEMS-AS-ONE");
/// // Silence is not a breach: what is not stated makes the verdict incomplete.
/// let r = jusou_core::municipality::check_json(r#"{"code": "112305", "name": "新座市",
///     "prefecture": "埼玉県", "programs": [{"code": "5"}]}"#).unwrap(); // ok: doc example
/// assert!(r.valid && !r.complete);
/// ```
pub fn check_json(input: &str) -> Result<MunicipalityReport, Errors> {
    let m: Municipality = error::decode(input)?;
    Errors::check(super::check_limits(&m))?;
    Ok(check(&m))
}

/// Check a 実施体制 against the law. Total: never fails, never panics.
pub fn check(m: &Municipality) -> MunicipalityReport {
    check_with_paths(m).0
}

/// The check, with the JSON pointer of each violation (in the same order), for callers that turn
/// violations into input errors (`super::load`).
pub(crate) fn check_with_paths(m: &Municipality) -> (MunicipalityReport, Vec<String>) {
    let mut out = Out::default();
    let stage = stage_in_force(m);
    let runs_project = match &stage {
        StageState::Unstated => None,
        StageState::NotYet(_) => Some(false),
        StageState::In(s) => Some(s.stage == Stage::Full),
    };
    let facts = Facts::read(m, &mut out);
    check_items(m, &facts, &stage, runs_project, &mut out);
    check_providers(&m.programs, &mut out);
    let meetings = check_meetings(m, &stage, runs_project, &mut out);
    check_dates(m, runs_project, &mut out);

    let programs: Vec<ProgramCode> = ProgramCode::ALL
        .iter()
        .copied()
        .filter(|c| facts.state(*c) == Some(true))
        .collect();
    let not_run: Vec<ProgramCode> = ProgramCode::ALL
        .iter()
        .copied()
        .filter(|c| facts.state(*c) == Some(false))
        .collect();
    let pillars = Pillar::ALL
        .iter()
        .copied()
        .filter(|p| programs.iter().any(|c| c.program().pillar == *p))
        .collect();
    let stage_report = match &stage {
        StageState::In(s) => Some(StageInForce {
            stage: s.stage,
            from: s.from.first_day(),
            until: s.until.and_then(PeriodEdge::last_day),
            funding_scheme: s.stage.funding_scheme(),
        }),
        _ => None,
    };
    let (violations, paths): (Vec<Finding>, Vec<String>) = out.violations.into_iter().unzip();
    let report = MunicipalityReport {
        code: m.code,
        name: m.name.clone(),
        valid: violations.is_empty(),
        complete: out.unstated.is_empty(),
        violations,
        warnings: out.warnings,
        unstated: out.unstated,
        runs_project,
        stage: stage_report,
        programs,
        not_run,
        pillars,
        meetings,
    };
    (report, paths)
}

#[derive(Default)]
struct Out {
    violations: Vec<(Finding, String)>,
    warnings: Vec<Finding>,
    unstated: Vec<Unstated>,
}

impl Out {
    fn violation(&mut self, f: Finding, path: impl Into<String>) {
        self.violations.push((f, path.into()));
    }

    fn unstated(&mut self, what: &'static str, path: impl Into<String>, ja: String, en: String) {
        self.unstated.push(Unstated {
            what,
            program: None,
            path: path.into(),
            message_ja: ja,
            message_en: en,
        });
    }
}

/// What the programs list states about each code: run, not run, or nothing.
struct Facts {
    state: [Option<bool>; ProgramCode::ALL.len()],
}

impl Facts {
    fn read(m: &Municipality, out: &mut Out) -> Facts {
        let mut run = [false; ProgramCode::ALL.len()];
        let mut not = [None::<usize>; ProgramCode::ALL.len()];
        let mut first_run = [None::<usize>; ProgramCode::ALL.len()];
        // The first entry naming each code singly, per answer (run / not run).
        let mut single = [[false; 2]; ProgramCode::ALL.len()];
        for (i, e) in m.programs.iter().enumerate() {
            for c in e.code.singles() {
                let k = c as usize;
                let answer = usize::from(e.is_run());
                if single[k][answer] {
                    out.violation(
                        R_MUNI_PROGRAM_DUPLICATE.finding_with(
                            format!(
                                "事業コード{}（{}）が重複しています（/programs/{i}）",
                                c,
                                c.item_ja()
                            ),
                            format!(
                                "program code {} ({}) is listed again at /programs/{i}",
                                c,
                                c.item_ja()
                            ),
                        ),
                        format!("/programs/{i}/code"),
                    );
                } else {
                    single[k][answer] = true;
                }
            }
            for c in e.code.codes() {
                let k = c as usize;
                if e.is_run() {
                    run[k] = true;
                    first_run[k].get_or_insert(i);
                } else {
                    not[k].get_or_insert(i);
                }
            }
        }
        let mut state = [None; ProgramCode::ALL.len()];
        for c in ProgramCode::ALL {
            let k = c as usize;
            state[k] = match (run[k], not[k]) {
                (true, Some(j)) => {
                    let i = first_run[k].unwrap_or(0);
                    out.violation(
                        R_MUNI_PROGRAM_CONFLICT.finding_with(
                            format!(
                                "{}（{c}）が/programs/{i}では実施、/programs/{j}では実施しないと記載されています",
                                c.item_ja()
                            ),
                            format!(
                                "program {c} is stated as run at /programs/{i} and as not run at /programs/{j}"
                            ),
                        ),
                        format!("/programs/{j}/runs"),
                    );
                    Some(true)
                }
                (true, None) => Some(true),
                (false, Some(_)) => Some(false),
                (false, None) if m.programs_complete => Some(false),
                (false, None) => None,
            };
        }
        Facts { state }
    }

    fn state(&self, c: ProgramCode) -> Option<bool> {
        self.state[c as usize]
    }
}

/// Where the municipality stands on the day checked.
enum StageState<'a> {
    /// Neither `stages` nor `start_fiscal_year` says.
    Unstated,
    /// The day checked is before every stage stated: the project is not run yet.
    NotYet(Option<NaiveDate>),
    /// A stage is in force.
    In(Cow<'a, StageSpan>),
}

/// The stages stated: `stages`, or 本格実施 from `start_fiscal_year`.
fn stages(m: &Municipality) -> Cow<'_, [StageSpan]> {
    if !m.stages.is_empty() {
        return Cow::Borrowed(&m.stages);
    }
    match m.start_fiscal_year {
        Some(fy) => Cow::Owned(vec![StageSpan {
            stage: Stage::Full,
            from: PeriodEdge::FiscalYear(fy),
            until: None,
            note: None,
        }]),
        None => Cow::Borrowed(&[]),
    }
}

fn stage_in_force(m: &Municipality) -> StageState<'_> {
    let all = stages(m);
    if all.is_empty() {
        return StageState::Unstated;
    }
    let latest = |spans: &mut dyn Iterator<Item = &StageSpan>| -> Option<StageSpan> {
        spans.max_by_key(|s| s.from.first_day()).cloned()
    };
    match m.as_of {
        None => match latest(&mut all.iter()) {
            Some(s) => StageState::In(Cow::Owned(s)),
            None => StageState::Unstated,
        },
        Some(day) => {
            let covering = latest(&mut all.iter().filter(|s| {
                s.from.first_day().is_some_and(|f| f <= day)
                    && s.until
                        .is_none_or(|u| u.last_day().is_some_and(|l| day <= l))
            }));
            match covering {
                Some(s) => StageState::In(Cow::Owned(s)),
                None if all
                    .iter()
                    .all(|s| s.from.first_day().is_some_and(|f| day < f)) =>
                {
                    StageState::NotYet(Some(day))
                }
                // After a stage ended with nothing stated after it.
                None => StageState::Unstated,
            }
        }
    }
}

fn is_town_or_village(m: &Municipality) -> bool {
    let n = m.name.trim();
    n.ends_with('町') || n.ends_with('村')
}

fn items_ja(codes: &[ProgramCode]) -> String {
    codes
        .iter()
        .map(|c| c.item_ja())
        .collect::<Vec<_>>()
        .join("・")
}

fn items_en(codes: &[ProgramCode]) -> String {
    codes
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// 第106条の4第2項 as one rule, the stage it applies in, and the 未設置町村 stand-in.
fn check_items(
    m: &Municipality,
    facts: &Facts,
    stage: &StageState<'_>,
    runs_project: Option<bool>,
    out: &mut Out,
) {
    if matches!(stage, StageState::Unstated) {
        out.unstated(
            "stage",
            "/stages",
            "事業の開始年度・実施段階（移行準備・試行・本格実施）が記載されていません".to_owned(),
            "the start year or stage (transition preparation, trial, full implementation) is not stated".to_owned(),
        );
    }
    // Before full implementation the structure does not apply, and the items are not checked.
    if runs_project == Some(false) {
        return;
    }
    let mut required = required_codes();
    let town = is_town_or_village(m);
    let ni = facts.state(ProgramCode::Item1Ni);
    match m.welfare_office {
        Some(false) => {
            required.retain(|c| *c != ProgramCode::Item1Ni);
            let consult = facts.state(ProgramCode::Item3MainConsult);
            let (ja, en) = match consult {
                Some(true) => (
                    "福祉事務所未設置町村のため、第1号ニ（自立相談支援事業）は都道府県が行い、町村の相談事業（3-main-consult）が代わりを務めるものとして確認しました。条文上の位置づけ（第3号柱書）は未確認です".to_owned(),
                    "no welfare office: 1-ni is taken as the prefecture's and the town's own consultation (3-main-consult) as standing in; where the statute places it (3rd item, opening words) is unverified".to_owned(),
                ),
                Some(false) => (
                    "福祉事務所未設置町村で、町村の相談事業（3-main-consult）も実施しないと記載されています。第1号ニは都道府県が行いますが、町村の相談事業の要否は条文上未確認です".to_owned(),
                    "no welfare office, and the town's own consultation (3-main-consult) is stated as not run; 1-ni is the prefecture's, whether the town's consultation is required is unverified".to_owned(),
                ),
                None => (
                    "福祉事務所未設置町村です。第1号ニは都道府県が行い、町村の相談事業（3-main-consult）が代わりを務めますが、その実施は記載されていません（条文上の位置づけは未確認）".to_owned(),
                    "no welfare office: 1-ni is the prefecture's and the town's own consultation (3-main-consult) stands in, but the source does not say whether it is run (where the statute places it is unverified)".to_owned(),
                ),
            };
            out.warnings.push(R_MUNI_TOWN_CONSULT.finding_with(ja, en));
        }
        None if town && ni != Some(true) => {
            // Whether 1-ni is the town's to run depends on a fact not given.
            required.retain(|c| *c != ProgramCode::Item1Ni);
            out.unstated(
                "welfare_office",
                "/welfare_office",
                format!("{}が福祉事務所を設置しているか記載されていません（未設置町村では第1号ニは都道府県が行います）", m.name),
                format!("whether {} has a welfare office is not stated (without one, 1-ni is the prefecture's)", m.name),
            );
        }
        _ => {}
    }
    let missing: Vec<ProgramCode> = required
        .iter()
        .copied()
        .filter(|c| facts.state(*c) == Some(false))
        .collect();
    for c in required
        .iter()
        .copied()
        .filter(|c| facts.state(*c).is_none())
    {
        out.unstated.push(Unstated {
            what: "program",
            program: Some(c),
            path: "/programs".to_owned(),
            message_ja: format!(
                "{}（{}、{}）を実施しているか記載されていません",
                c.item_ja(),
                c,
                c.program().name_ja
            ),
            message_en: format!("whether {c} ({}) is run is not stated", c.program().name_en),
        });
    }
    if missing.is_empty() {
        return;
    }
    let ja = format!(
        "第106条の4第2項は第1号（イ〜ニの全て）・第2号・第3号（イ〜ニの全て）・第4号・第5号・第6号（第5号と共に）を一体のものとして実施する事業を重層的支援体制整備事業と定めていますが、{}を実施しないと記載されています",
        items_ja(&missing)
    );
    let en = format!(
        "Article 106-4(2) defines the project as items 1 (all of i–iv), 2, 3 (all of i–iv), 4, 5 and 6 (with 5) carried out as one; stated as not run: {}",
        items_en(&missing)
    );
    if runs_project == Some(true) {
        out.violation(R_MUNI_ITEMS_AS_ONE.finding_with(ja, en), "/programs");
    } else {
        out.warnings.push(R_MUNI_ITEMS_IF_FULL.finding_with(
            format!("実施段階が記載されていません。本格実施であれば違反です: {ja}"),
            format!("the stage is not stated; under full implementation this is a breach: {en}"),
        ));
    }
}

/// 委託: a named contractor (warning when unnamed), bound by some statute (violation when the
/// record gives no statutory basis at all).
fn check_providers(entries: &[ProgramEntry], out: &mut Out) {
    for (i, e) in entries.iter().enumerate() {
        for (j, p) in e.providers.iter().enumerate() {
            if !p.operation.contains(&Operation::Entrusted) {
                continue;
            }
            let at = format!("/programs/{i}/providers/{j}");
            if p.contractor.as_deref().is_none_or(|c| c.trim().is_empty()) {
                out.warnings.push(R_MUNI_CONTRACTOR_NAMED.finding_with(
                    format!(
                        "{}（{}）の「{}」は委託ですが委託先が記載されていません（{at}）",
                        items_ja(&e.code.codes()),
                        e.code,
                        p.label()
                    ),
                    format!(
                        "'{}' of program {} is entrusted but names no contractor ({at})",
                        p.label(),
                        e.code
                    ),
                ));
            }
            let bases = &p.contractor_confidentiality;
            if !bases.is_empty() && !bases.iter().any(|c| c.is_statutory()) {
                let who = p.contractor.clone().unwrap_or_else(|| p.label());
                out.violation(
                    R_MUNI_CONTRACTOR_SECRECY.finding_with(
                        format!(
                            "{}（{}）の委託先「{who}」の守秘義務に法律上の根拠が記載されていません。根拠は社会福祉法第106条の4第5項です（{at}/contractor_confidentiality）",
                            items_ja(&e.code.codes()),
                            e.code
                        ),
                        format!(
                            "the contractor '{who}' of program {} is recorded with no statutory duty of secrecy; it is bound by 社会福祉法第106条の4第5項 ({at}/contractor_confidentiality)",
                            e.code
                        ),
                    ),
                    format!("{at}/contractor_confidentiality"),
                );
            }
        }
    }
}

/// What sharing under one legal basis needs.
fn basis(kind: LegalKind) -> MeetingBasis {
    let (consent_required, citation) = match kind {
        LegalKind::SupportMeeting => (false, articles::SUPPORT_MEETING_SECRECY.citation),
        LegalKind::JusouMeeting => (true, articles::SRC_JUSOU_MEETING_GUIDANCE.citation),
        k => match k.statutory() {
            Some(s) => (false, s.citation),
            None => (true, "—"),
        },
    };
    MeetingBasis {
        kind,
        consent_required,
        citation,
    }
}

/// 支援会議: organised by the municipality, only where the project runs, every member bound by a
/// statute; each meeting read by its bases.
fn check_meetings(
    m: &Municipality,
    stage: &StageState<'_>,
    runs_project: Option<bool>,
    out: &mut Out,
) -> Vec<MeetingSummary> {
    let mut summaries = Vec::with_capacity(m.meetings.len());
    for (i, mt) in m.meetings.iter().enumerate() {
        let name = mt.display_name().to_owned();
        let types = mt.legal_types();
        let clauses = m
            .confidentiality_clauses
            .iter()
            .filter(|c| {
                c.covers.is_empty()
                    || c.covers.iter().any(|k| {
                        types.contains(k)
                            || (*k == LegalKind::Combined
                                && (types.contains(&LegalKind::SupportMeeting)
                                    || types.contains(&LegalKind::JusouMeeting)))
                    })
            })
            .map(|c| c.source.clone())
            .collect();
        summaries.push(MeetingSummary {
            path: format!("/meetings/{i}"),
            name: name.clone(),
            bases: types.iter().copied().map(basis).collect(),
            clauses,
        });
        if mt.type_unknown() {
            out.unstated(
                "meeting_kind",
                format!("/meetings/{i}/kind"),
                format!(
                    "「{name}」の法的な種類（支援会議・重層的支援会議など）が記載されていません"
                ),
                format!(
                    "the legal type of '{name}' (support meeting, jusou meeting, …) is not stated"
                ),
            );
        }
        if !mt.is_support_meeting() {
            continue;
        }
        if runs_project == Some(false) {
            let day = match stage {
                StageState::NotYet(d) => d.or(m.as_of),
                StageState::In(s) => m.as_of.or(s.from.first_day()),
                StageState::Unstated => m.as_of,
            }
            .unwrap_or(PROJECT_START);
            if support_meeting_era(day).is_some_and(|e| e.requires_project) {
                let (sja, sen) = match stage {
                    StageState::In(s) => (s.stage.name_ja(), s.stage.name_en()),
                    _ => ("事業開始前", "before the project starts"),
                };
                out.violation(
                    R_MUNI_SM_WITHOUT_PROJECT.finding_with(
                        format!("「{name}」は支援会議（第106条の6）とされていますが、{day}時点の{}は{sja}で、重層的支援体制整備事業を実施していません（/meetings/{i}）", m.name),
                        format!("'{name}' is a support meeting (Article 106-6), but on {day} {} is at the stage '{sen}' and does not run the project (/meetings/{i})", m.name),
                    ),
                    format!("/meetings/{i}"),
                );
            }
        }
        match &mt.organiser {
            Some(org) if org.role != BodyRole::Municipality => out.violation(
                R_MUNI_SM_ORGANISER.finding_with(
                    format!(
                        "「{name}」の組織者が「{}」になっています。支援会議を組織するのは{}です（委託先は事務局のみ）（/meetings/{i}/organiser）",
                        org.name, m.name
                    ),
                    format!(
                        "'{name}' is organised by '{}'; a support meeting is organised by the municipality ({}), a contractor may only run its secretariat (/meetings/{i}/organiser)",
                        org.name, m.name
                    ),
                ),
                format!("/meetings/{i}/organiser"),
            ),
            Some(_) => {}
            None => out.unstated(
                "support_meeting_organiser",
                format!("/meetings/{i}/organiser"),
                format!("支援会議「{name}」を組織する者が記載されていません（法は市町村と定めています）"),
                format!("who organises the support meeting '{name}' is not stated (the statute says the municipality)"),
            ),
        }
        for (j, mem) in mt.members.iter().enumerate() {
            let bases = &mem.confidentiality;
            if !bases.is_empty() && !bases.iter().any(|c| c.is_statutory()) {
                out.violation(
                    R_MUNI_SM_MEMBER_SECRECY.finding_with(
                        format!(
                            "「{name}」の構成員「{}」に法律上の守秘義務の根拠が記載されていません。支援会議の構成員は社会福祉法第106条の6第5項の守秘義務を負います（/meetings/{i}/members/{j}）",
                            mem.name
                        ),
                        format!(
                            "member '{}' of '{name}' is recorded with no statutory duty of secrecy; a support meeting's members are bound by 社会福祉法第106条の6第5項 (/meetings/{i}/members/{j})",
                            mem.name
                        ),
                    ),
                    format!("/meetings/{i}/members/{j}/confidentiality"),
                );
            }
        }
    }
    summaries
}

fn edge_ja(e: PeriodEdge) -> String {
    e.to_string()
}

/// The first 年度 of 本格実施 stated, if any.
fn full_start(m: &Municipality) -> Option<FiscalYear> {
    stages(m)
        .iter()
        .filter(|s| s.stage == Stage::Full)
        .map(|s| s.from.fiscal_year())
        .min()
}

/// Start dates, the plan's presence, its period and its adoption date. Every plan rule is a
/// warning: 第106条の5 is a duty to endeavour.
fn check_dates(m: &Municipality, runs_project: Option<bool>, out: &mut Out) {
    let law_fy = FiscalYear::of(PROJECT_START);
    let early = stages(m)
        .iter()
        .enumerate()
        .find(|(_, s)| s.from.fiscal_year() < law_fy)
        .map(|(i, s)| (i, s.from.fiscal_year()));
    if let Some((i, fy)) = early {
        let path = if m.stages.is_empty() {
            "/start_fiscal_year".to_owned()
        } else {
            format!("/stages/{i}/from")
        };
        out.violation(
            R_MUNI_START_BEFORE_LAW.finding_with(
                format!("開始年度{fy}は施行（令和3年4月1日）より前です"),
                format!(
                    "start year FY{} is before the law came into force (2021-04-01)",
                    fy.0
                ),
            ),
            path,
        );
    }
    // The plan of 第106条の5 belongs to a municipality running the project.
    if runs_project == Some(false) {
        return;
    }
    let Some(plan) = &m.implementation_plan else {
        out.unstated(
            "implementation_plan",
            "/implementation_plan",
            "実施計画（第106条の5）があるか記載されていません".to_owned(),
            "whether there is an implementation plan (Article 106-5) is not stated".to_owned(),
        );
        return;
    };
    if !plan.adopted {
        out.warnings.push(R_MUNI_PLAN_ABSENT.finding());
        return;
    }
    let Some(period) = plan.period else {
        out.unstated(
            "plan_period",
            "/implementation_plan/period",
            "実施計画の計画期間が記載されていません".to_owned(),
            "the implementation plan's period is not stated".to_owned(),
        );
        return;
    };
    let (from, to) = (period.from, period.to);
    if let PeriodEdge::Day(d) = from {
        if FiscalYear::of(d).start() != Some(d) {
            out.warnings.push(R_MUNI_PLAN_FY_BOUNDARY.finding_with(
                format!("計画期間の始まり{d}が4月1日ではありません（/implementation_plan/period/from）"),
                format!("the plan period starts on {d}, not on April 1 (/implementation_plan/period/from)"),
            ));
        }
    }
    if let PeriodEdge::Day(d) = to {
        if FiscalYear::of(d).end() != Some(d) {
            out.warnings.push(R_MUNI_PLAN_FY_BOUNDARY.finding_with(
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
        out.warnings.push(R_MUNI_PLAN_ORDER.finding_with(
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
            out.warnings.push(R_MUNI_PLAN_ADOPTED_LATE.finding_with(
                format!("実施計画の策定日{adopted}が計画期間の終わり{end}より後です"),
                format!("the plan was adopted on {adopted}, after its period ended on {end}"),
            ));
        }
    }
    if let (Some(day), Some(end)) = (m.as_of, to.last_day()) {
        if day > end {
            out.warnings.push(R_MUNI_PLAN_EXPIRED.finding_with(
                format!("実施計画の期間は{end}に終わっています（{day}時点）。次期計画の策定に努めるものとされています"),
                format!("the plan's period ended on {end} (checked as of {day}); the municipality should endeavour to adopt the next one"),
            ));
        }
    }
    if let Some(start) = full_start(m) {
        if from.fiscal_year() < start {
            out.warnings.push(R_MUNI_PLAN_BEFORE_START.finding_with(
                format!(
                    "計画期間の始まり（{}）が事業の開始年度（{}）より前です",
                    edge_ja(from),
                    start.wareki().unwrap_or_else(|| start.to_string())
                ),
                format!(
                    "the plan period starts ({from}) before the project's first year (FY{})",
                    start.0
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::municipality::model::{
        Body, ImplementationPlan, Meeting, MeetingKind, Member, PlanPeriod, ProgramRef, Provider,
    };
    use crate::municipality::Confidentiality;

    fn provider(op: Operation, contractor: Option<&str>) -> Provider {
        Provider {
            name: Some("窓口".into()),
            operation: vec![op],
            contractor: contractor.map(Into::into),
            contractor_confidentiality: vec![],
            from: None,
            until: None,
            sites: None,
            area: None,
            section: vec![],
            target: None,
            note: None,
        }
    }

    fn entry(code: &str) -> ProgramEntry {
        ProgramEntry {
            code: ProgramRef::one(code.parse().unwrap()),
            local_name: None,
            runs: None,
            providers: vec![provider(Operation::Entrusted, Some("社会福祉協議会"))],
            note: None,
        }
    }

    /// A complete lawful 実施体制: every item of 第1号–第6号 (without the 町村 items), a plan, a
    /// 支援会議 organised by the city.
    fn lawful() -> Municipality {
        let codes = [
            "1-i", "1-ro", "1-ha", "1-ni", "2", "3-i", "3-ro", "3-ha", "3-ni", "4", "5", "6",
        ];
        Municipality {
            code: "112305".parse().unwrap(),
            name: "新座市".into(),
            prefecture: "埼玉県".into(),
            start_fiscal_year: Some(FiscalYear(2026)),
            stages: vec![],
            welfare_office: None,
            as_of: None,
            implementation_plan: Some(ImplementationPlan {
                adopted: true,
                title: None,
                period: Some(PlanPeriod {
                    from: PeriodEdge::FiscalYear(FiscalYear(2026)),
                    to: PeriodEdge::FiscalYear(FiscalYear(2027)),
                }),
                adopted_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 1),
            }),
            programs_complete: true,
            programs: codes.iter().map(|c| entry(c)).collect(),
            meetings: vec![Meeting {
                kind: Some(MeetingKind::Legal(LegalKind::SupportMeeting)),
                bases: vec![],
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
                    confidentiality: vec![Confidentiality::SUPPORT_MEETING],
                }],
                note: None,
            }],
            confidentiality_clauses: vec![],
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
        m.programs.retain(|e| !e.code.codes().contains(&c));
    }

    fn not_run(m: &mut Municipality, code: &str) {
        without(m, code);
        let mut e = entry(code);
        e.runs = Some(false);
        m.programs.push(e);
    }

    #[test]
    fn lawful_has_no_findings_and_is_complete() {
        let r = check(&lawful());
        assert!(r.valid);
        assert!(r.complete, "{:?}", r.unstated);
        assert!(rules(&r).is_empty(), "{:?}", rules(&r));
        assert_eq!(r.pillars, Pillar::ALL.to_vec());
        assert_eq!(r.runs_project, Some(true));
    }

    #[test]
    fn every_missing_item_is_one_rule_naming_them_all() {
        for code in ["1-ro", "2", "3-ha", "4", "5", "6"] {
            let mut m = lawful();
            without(&mut m, code); // a complete list: left out = stated not run
            let r = check(&m);
            assert_eq!(rules(&r), ["R-MUNI-ITEMS-AS-ONE"], "{code}");
            assert_eq!(
                r.violations[0].citation,
                Some("社会福祉法第106条の4第2項柱書")
            );
        }
        let mut m = lawful();
        for code in ["4", "5", "6"] {
            not_run(&mut m, code);
        }
        let r = check(&m);
        assert_eq!(r.violations.len(), 1);
        assert!(r.violations[0].message_ja.contains("第4号・第5号・第6号"));
    }

    #[test]
    fn silence_is_never_a_violation() {
        let mut m = lawful();
        m.programs_complete = false;
        without(&mut m, "4");
        m.start_fiscal_year = None;
        m.implementation_plan = None;
        m.meetings[0].organiser = None;
        let r = check(&m);
        assert!(r.valid, "{:?}", rules(&r));
        assert!(!r.complete);
        let what: Vec<&str> = r.unstated.iter().map(|u| u.what).collect();
        assert_eq!(
            what,
            [
                "stage",
                "program",
                "support_meeting_organiser",
                "implementation_plan"
            ]
        );
        assert_eq!(r.unstated[1].program, Some(ProgramCode::Item4));
        assert_eq!(r.runs_project, None);
    }

    #[test]
    fn an_item_stated_not_run_without_a_stage_is_a_warning() {
        let mut m = lawful();
        m.start_fiscal_year = None;
        not_run(&mut m, "2");
        let r = check(&m);
        assert!(r.valid);
        assert_eq!(rules(&r), ["R-MUNI-ITEMS-IF-FULL"]);
    }

    #[test]
    fn stages_over_time() {
        let mut m = lawful();
        not_run(&mut m, "4");
        m.stages = vec![
            StageSpan {
                stage: Stage::TransitionPreparation,
                from: PeriodEdge::FiscalYear(FiscalYear(2023)),
                until: Some(PeriodEdge::FiscalYear(FiscalYear(2025))),
                note: None,
            },
            StageSpan {
                stage: Stage::Full,
                from: PeriodEdge::FiscalYear(FiscalYear(2026)),
                until: None,
                note: None,
            },
        ];
        m.meetings.clear();
        // In 移行準備 the structure does not apply.
        m.as_of = chrono::NaiveDate::from_ymd_opt(2024, 6, 1);
        let r = check(&m);
        assert!(r.valid, "{:?}", rules(&r));
        assert_eq!(r.runs_project, Some(false));
        let st = r.stage.unwrap();
        assert_eq!(st.stage, Stage::TransitionPreparation);
        assert_eq!(st.funding_scheme, Some("transition-preparation"));
        // Once 本格実施, it does.
        m.as_of = chrono::NaiveDate::from_ymd_opt(2026, 4, 1);
        assert_eq!(rules(&check(&m)), ["R-MUNI-ITEMS-AS-ONE"]);
        // Without a day, the latest stage stated.
        m.as_of = None;
        assert_eq!(rules(&check(&m)), ["R-MUNI-ITEMS-AS-ONE"]);
    }

    #[test]
    fn the_transition_stage_names_a_funding_scheme_that_exists() {
        let key = Stage::TransitionPreparation.funding_scheme().unwrap();
        let split = crate::law::funding::split(1000, key, PROJECT_START).unwrap();
        assert_eq!(split.shares.len(), 2);
        assert_eq!(Stage::Full.funding_scheme(), None);
    }

    #[test]
    fn a_support_meeting_needs_the_project() {
        let mut m = lawful();
        m.stages = vec![StageSpan {
            stage: Stage::TransitionPreparation,
            from: PeriodEdge::FiscalYear(FiscalYear(2025)),
            until: None,
            note: None,
        }];
        assert_eq!(rules(&check(&m)), ["R-MUNI-SM-WITHOUT-PROJECT"]);
        m.meetings[0].kind = Some(MeetingKind::Legal(LegalKind::JusouMeeting));
        assert!(rules(&check(&m)).is_empty());
    }

    #[test]
    fn a_town_without_a_welfare_office() {
        let mut m = lawful();
        m.name = "大山町".into();
        not_run(&mut m, "1-ni");
        // Not stated whether it has one: unstated, no violation.
        let r = check(&m);
        assert!(r.valid);
        assert!(r.unstated.iter().any(|u| u.what == "welfare_office"));
        // Stated without one: a warning naming the unverified point, never a violation.
        m.welfare_office = Some(false);
        m.programs.push(entry("3-main-consult"));
        let r = check(&m);
        assert!(r.valid && r.complete, "{:?}", r.unstated);
        assert_eq!(rules(&r), ["R-MUNI-TOWN-CONSULT"]);
        assert!(r.warnings[0].message_ja.contains("未確認"));
        // A city has one: 1-ni stated not run is a violation.
        m.name = "新座市".into();
        m.welfare_office = None;
        assert_eq!(rules(&check(&m)), ["R-MUNI-ITEMS-AS-ONE"]);
    }

    #[test]
    fn groups_and_whole_items_expand() {
        let mut m = lawful();
        m.programs.clear();
        for t in ["第1号", "参加支援事業", "第3号", "4", "多機関協働事業"] {
            m.programs.push(ProgramEntry {
                code: serde_json::from_value(serde_json::json!(t)).unwrap(),
                local_name: None,
                runs: None,
                providers: vec![provider(Operation::Direct, None)],
                note: None,
            });
        }
        let r = check(&m);
        assert!(r.valid && r.complete, "{:?} {:?}", rules(&r), r.unstated);
        assert!(!r.programs.contains(&ProgramCode::Item3MainCommunity));
        // A whole item refined by one of its イ〜ニ is not a repeat; the same code twice is.
        m.programs.push(entry("1-i"));
        assert!(rules(&check(&m)).is_empty());
        m.programs.push(entry("1-i"));
        assert_eq!(rules(&check(&m)), ["R-MUNI-PROGRAM-DUPLICATE"]);
    }

    #[test]
    fn run_and_not_run_conflict() {
        let mut m = lawful();
        let mut e = entry("4");
        e.runs = Some(false);
        m.programs.push(e);
        assert_eq!(rules(&check(&m)), ["R-MUNI-PROGRAM-CONFLICT"]);
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
    fn contractor_secrecy_needs_some_statute() {
        let mut m = lawful();
        let p = &mut m.programs[0].providers[0];
        p.contractor_confidentiality = vec![Confidentiality::ContractOnly];
        assert_eq!(rules(&check(&m)), ["R-MUNI-CONTRACTOR-SECRECY"]);
        // A bundled program's own law is a statutory basis.
        m.programs[0].providers[0].contractor_confidentiality =
            vec![Confidentiality::ContractOnly, Confidentiality::OtherStatute];
        assert!(rules(&check(&m)).is_empty());
        m.programs[0].providers[0].contractor_confidentiality = vec![Confidentiality::CONTRACTOR];
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
        // The same for both meetings held together or one body on both bases; not for the
        // 重層的支援会議 alone.
        m.meetings[0].kind = Some(MeetingKind::Legal(LegalKind::Combined));
        assert_eq!(rules(&check(&m)), ["R-MUNI-SM-ORGANISER"]);
        m.meetings[0].kind = Some(MeetingKind::Legal(LegalKind::JusouMeeting));
        assert!(rules(&check(&m)).is_empty());
        m.meetings[0].bases = vec![LegalKind::SupportMeeting];
        let r = check(&m);
        assert_eq!(rules(&r), ["R-MUNI-SM-ORGANISER"]);
        let bases: Vec<(LegalKind, bool)> = r.meetings[0]
            .bases
            .iter()
            .map(|b| (b.kind, b.consent_required))
            .collect();
        assert_eq!(
            bases,
            [
                (LegalKind::SupportMeeting, false),
                (LegalKind::JusouMeeting, true)
            ]
        );
    }

    #[test]
    fn a_meeting_of_unknown_type_is_unstated() {
        let mut m = lawful();
        m.meetings[0].kind = None;
        let r = check(&m);
        assert!(r.valid && !r.complete);
        assert_eq!(r.unstated[0].what, "meeting_kind");
        m.meetings[0].kind = Some(MeetingKind::Unknown);
        assert_eq!(check(&m).unstated[0].path, "/meetings/0/kind");
    }

    #[test]
    fn support_meeting_member_secrecy_needs_some_statute() {
        let mut m = lawful();
        m.meetings[0].members[0].confidentiality = vec![Confidentiality::None];
        assert_eq!(rules(&check(&m)), ["R-MUNI-SM-MEMBER-SECRECY"]);
        m.meetings[0].members[0].confidentiality = vec![Confidentiality::MunicipalRule];
        assert_eq!(rules(&check(&m)), ["R-MUNI-SM-MEMBER-SECRECY"]);
        // Municipal staff under 地方公務員法 are fine.
        m.meetings[0].members[0].confidentiality = vec![Confidentiality::PUBLIC_SERVANT];
        assert!(rules(&check(&m)).is_empty());
        m.meetings[0].members[0].confidentiality = vec![Confidentiality::None];
        m.meetings[0].kind = Some(MeetingKind::Legal(LegalKind::CommunityCareMeeting));
        assert!(rules(&check(&m)).is_empty());
    }

    #[test]
    fn plan_rules_are_warnings() {
        let mut m = lawful();
        m.implementation_plan = Some(ImplementationPlan {
            adopted: false,
            title: None,
            period: None,
            adopted_on: None,
        });
        let r = check(&m);
        assert!(r.valid && r.complete);
        assert_eq!(rules(&r), ["R-MUNI-PLAN-ABSENT"]);
        assert_eq!(r.warnings[0].citation, Some("社会福祉法第106条の5"));
        // A plan whose period the source does not give: unstated, no warning.
        m.implementation_plan = Some(ImplementationPlan {
            adopted: true,
            title: Some("実施計画".into()),
            period: None,
            adopted_on: None,
        });
        let r = check(&m);
        assert!(rules(&r).is_empty());
        assert_eq!(r.unstated[0].what, "plan_period");
    }

    fn day(y: i32, m: u32, d: u32) -> PeriodEdge {
        PeriodEdge::Day(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn with_period(from: PeriodEdge, to: PeriodEdge) -> Municipality {
        let mut m = lawful();
        if let Some(p) = m.implementation_plan.as_mut() {
            p.period = Some(PlanPeriod { from, to });
        }
        m
    }

    #[test]
    fn plan_fiscal_year_boundaries() {
        let ok = with_period(day(2026, 4, 1), day(2028, 3, 31));
        assert!(rules(&check(&ok)).is_empty());
        let bad = with_period(day(2026, 4, 2), day(2028, 3, 31));
        let r = check(&bad);
        assert!(r.valid);
        assert_eq!(rules(&r), ["R-MUNI-PLAN-FY-BOUNDARY"]);
        let bad = with_period(day(2026, 4, 1), day(2027, 12, 31));
        assert_eq!(rules(&check(&bad)), ["R-MUNI-PLAN-FY-BOUNDARY"]);
    }

    #[test]
    fn plan_order_and_expiry() {
        let bad = with_period(
            PeriodEdge::FiscalYear(FiscalYear(2027)),
            PeriodEdge::FiscalYear(FiscalYear(2026)),
        );
        assert_eq!(rules(&check(&bad)), ["R-MUNI-PLAN-ORDER"]);
        let mut m = with_period(
            PeriodEdge::FiscalYear(FiscalYear(2026)),
            PeriodEdge::FiscalYear(FiscalYear(2026)),
        );
        assert!(rules(&check(&m)).is_empty());
        m.as_of = chrono::NaiveDate::from_ymd_opt(2027, 3, 31);
        assert!(rules(&check(&m)).is_empty());
        m.as_of = chrono::NaiveDate::from_ymd_opt(2027, 4, 1);
        let r = check(&m);
        assert!(r.valid);
        assert_eq!(rules(&r), ["R-MUNI-PLAN-EXPIRED"]);
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
        m.start_fiscal_year = Some(FiscalYear(2020));
        m.implementation_plan = None;
        let r = check(&m);
        assert_eq!(rules(&r), ["R-MUNI-START-BEFORE-LAW"]);
        m.start_fiscal_year = Some(FiscalYear(2021));
        assert!(rules(&check(&m)).is_empty());
    }

    #[test]
    fn json_entry_point_reports_structural_errors() {
        let e = check_json(r#"{"code": "112305"}"#).unwrap_err();
        assert_eq!(e.errors[0].code, "JUSOU-E-JSON-003");
        let e = check_json("{").unwrap_err();
        assert_eq!(e.errors[0].code, "JUSOU-E-JSON-001");
        let e = check_json(
            r#"{"code": "112305", "name": "x", "prefecture": "y", "programs": [{"code": "多機関"}], "meetings": [{"members": [{"name": "a", "confidentiality": ["secret"]}]}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.errors[0].code, "JUSOU-E-LAW-001");
    }

    #[test]
    fn wareki_japanese_labels_and_lists_are_read() {
        let r = check_json(
            r#"{"code": "132250", "name": "稲城市", "prefecture": "東京都",
                "start_fiscal_year": "令和6年度",
                "implementation_plan": {"period": {"from": "令和6年度", "to": 2029},
                                        "adopted_on": "令和6年3月1日"},
                "programs": [{"code": "第1号イ", "providers": [{"name": "x", "operation": ["委託", "補助"], "contractor": "社協",
                              "contractor_confidentiality": ["contractor", "other_statute"]}]},
                             {"code": ["2", "4"], "local_name": "つながり支援"}],
                "meetings": [{"kind": "support_meeting", "cadence": ["毎月", "随時"],
                              "members": [{"name": "市職員", "confidentiality": "public_servant"}]}]}"#,
        )
        .unwrap();
        assert_eq!(
            r.programs,
            [ProgramCode::Item1I, ProgramCode::Item2, ProgramCode::Item4]
        );
        assert!(r.valid);
        let e = check_json(
            r#"{"code": "132250", "name": "稲城市", "prefecture": "東京都",
                "start_fiscal_year": 2024, "programs": [],
                "implementation_plan": {"period": {"from": "令和6年4月", "to": 2029}}}"#,
        )
        .unwrap_err();
        assert_eq!(e.errors[0].path, "/implementation_plan/period/from");
    }
}
