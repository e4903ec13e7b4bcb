//! 実績報告 (annual report of what the project did): per 年度 (April–March), counted from the
//! plan event logs of the cases ([`PlanLog`]). Since 2024 the Ministry of Finance and the
//! 社会保障審議会福祉部会 have pressed municipalities to set quantitative targets for
//! 多機関協働事業等 and check them (財政制度等審議会 財政制度分科会, 2024-11-13, 社会保障 参考資料:
//! about a fifth of municipalities had no 多機関協働 or 参加支援 case at all); this module gives
//! the count, and the count against a target when the municipality states one.
//!
//! Counting rules (docs/report.md explains each with its reason):
//! - **Only valid logs are counted.** A log with input errors or with replay violations is
//!   listed in `invalid_logs` with its findings and left out of every measure; the counts are
//!   then a lower bound and the report says how many logs were left out.
//! - **Events count in the 年度 of their date**: a referral, a 受理, a plan, a sitting, a
//!   matching, a 終結 counts in the 年度 it happened, whatever the case did before or after.
//! - A case is **received** in the 年度 of its log's first event (an intake, or the アウトリーチ
//!   that found it).
//! - **Plans made** are the first `plan_drafted` of each episode; later ones are revisions
//!   (`plan_revisions`). A referral after 終結 opens a new episode, as in the replay.
//! - **Sittings** are distinct meeting ids of meeting events (across all logs), in the 年度 of
//!   their date; a meeting event without a `meeting_id` counts as a sitting of its own and the
//!   report says how many did (`meeting_events_without_id`), since that may overcount.
//! - **Medians** are over the events of the 年度: intake → plan over the plans made in the
//!   年度 (intake = the episode's `referral`, else its `accepted`), plan → 終結 over the
//!   `closed` events of the 年度 (from the episode's first plan). No interval: `null` (unknown),
//!   never 0.
//! - A log judged on a day before the 年度 ends (`as_of`) may not hold the year's later events:
//!   its case ids are listed in `logs_ending_before_year_end` and `year_complete` is `false`.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize, Serializer};

use crate::calendar::FiscalYear;
use crate::error::{self, Error, Errors};
use crate::plan::{self, CloseReason, EventType, PlanLog, Violation};

/// Error codes of the annual report (`JUSOU-E-REPORT-…`).
pub mod report_codes {
    /// Two logs with the same case id (the case would be counted twice).
    pub const CASE_ID_DUPLICATE: &str = crate::error::catalogue::REPORT_CASE_ID_DUPLICATE;
    /// More logs than one report takes.
    pub const TOO_MANY_LOGS: &str = crate::error::catalogue::REPORT_TOO_MANY_LOGS;
}

/// The most logs one report takes (as many as a batch of cases).
pub const MAX_LOGS: usize = crate::limits::MAX_BATCH_CASES;

/// Input of `report`: the 年度, the cases' logs and, optionally, the municipality's targets.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportInput {
    /// The 年度 to count (`2026` or `令和8年度`).
    pub fiscal_year: FiscalYear,
    /// One log per case (a case's later episodes stay in its one log).
    pub logs: Vec<PlanLog>,
    /// The municipality's targets for the 年度 (数値目標), where it states them.
    #[serde(default)]
    pub targets: Option<Targets>,
}

/// A municipality's numeric targets for a 年度, by measure key; a measure without a target is
/// left out (not a target of 0). Counts only: a median has no target here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    /// Cases received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cases_received: Option<u32>,
    /// つなぎ to 多機関協働.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referrals: Option<u32>,
    /// 受理 by 多機関協働.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<u32>,
    /// 支援プラン made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plans_made: Option<u32>,
    /// 支援決定.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_decisions: Option<u32>,
    /// 重層的支援会議 sittings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jusou_meeting_sittings: Option<u32>,
    /// Cases discussed at the 重層的支援会議.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jusou_meeting_cases: Option<u32>,
    /// 支援会議 sittings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_meeting_sittings: Option<u32>,
    /// Cases discussed at the 支援会議.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_meeting_cases: Option<u32>,
    /// アウトリーチ等 cases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outreach_cases: Option<u32>,
    /// アウトリーチ first contacts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outreach_first_contacts: Option<u32>,
    /// 参加支援 matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participation_matches: Option<u32>,
}

impl Targets {
    fn get(&self, key: &str) -> Option<u32> {
        match key {
            "cases_received" => self.cases_received,
            "referrals" => self.referrals,
            "accepted" => self.accepted,
            "plans_made" => self.plans_made,
            "support_decisions" => self.support_decisions,
            "jusou_meeting_sittings" => self.jusou_meeting_sittings,
            "jusou_meeting_cases" => self.jusou_meeting_cases,
            "support_meeting_sittings" => self.support_meeting_sittings,
            "support_meeting_cases" => self.support_meeting_cases,
            "outreach_cases" => self.outreach_cases,
            "outreach_first_contacts" => self.outreach_first_contacts,
            "participation_matches" => self.participation_matches,
            _ => None,
        }
    }
}

/// The 年度's 実績.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AnnualReport {
    /// The 年度 counted (the Gregorian year it starts in).
    pub fiscal_year: FiscalYear,
    /// Its 和暦 name (`令和8年度`).
    pub wareki: String,
    /// April 1.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "crate::calendar::DayText")]
    pub start: NaiveDate,
    /// March 31.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "crate::calendar::DayText")]
    pub end: NaiveDate,
    /// Logs given.
    pub logs: u32,
    /// Logs counted (valid).
    pub counted_logs: u32,
    /// Logs left out of every measure, with why.
    pub invalid_logs: Vec<InvalidLog>,
    /// Counted logs judged (`as_of`) before the 年度 ends: their later events are not known.
    pub logs_ending_before_year_end: Vec<String>,
    /// `true` when every counted log runs to the 年度's end and none was left out.
    pub year_complete: bool,
    /// Meeting events of the 年度 without a `meeting_id`, each counted as a sitting of its own.
    pub meeting_events_without_id: MeetingEventsWithoutId,
    /// Meeting ids whose events in the 年度 carry more than one date (counted once).
    pub meeting_ids_with_several_dates: Vec<String>,
    /// One row per measure (the CSV and DataFrame rows).
    pub measures: Vec<Measure>,
}

/// Meeting events without a sitting id, by kind of meeting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MeetingEventsWithoutId {
    /// 重層的支援会議 events.
    pub jusou_meeting: u32,
    /// 支援会議 events.
    pub support_meeting: u32,
}

/// A log left out of the count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct InvalidLog {
    /// Its index in `logs`.
    pub index: usize,
    /// Its case id.
    pub case_id: String,
    /// Input errors (paths point into the report's input).
    pub errors: Vec<Error>,
    /// Rules its events broke (the replay's violations).
    pub violations: Vec<Violation>,
}

/// One measure of the 実績.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Measure {
    /// Stable key.
    pub key: &'static str,
    /// Japanese name.
    pub name_ja: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// `cases`, `events`, `sittings` or `days`.
    pub unit: &'static str,
    /// The count, or the median in days; `null` when unknown (a median of no interval).
    #[serde(serialize_with = "number")]
    pub value: Option<f64>,
    /// For a median: how many intervals it is taken over.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
    /// The municipality's target, when stated.
    pub target: Option<u32>,
    /// value / target × 100, one decimal; `null` without a target or for a target of 0.
    pub achievement_percent: Option<f64>,
}

/// Whole numbers as integers in JSON (a count is `3`, not `3.0`).
fn number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match *v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(x as i64),
        Some(x) => s.serialize_f64(x),
        None => s.serialize_none(),
    }
}

/// The measures, in report order: key, Japanese, English, unit.
pub const MEASURES: &[(&str, &str, &str, &str)] = &[
    (
        "cases_received",
        "受け付けたケース（初回記録が当年度）",
        "cases received (first event in the year)",
        "cases",
    ),
    (
        "referrals",
        "多機関協働へのつなぎ",
        "referrals to multi-agency collaboration",
        "events",
    ),
    (
        "accepted",
        "多機関協働の受理",
        "cases accepted by multi-agency collaboration",
        "events",
    ),
    (
        "plans_made",
        "支援プランの作成（新規）",
        "support plans made (new)",
        "events",
    ),
    (
        "plan_revisions",
        "支援プランの再作成（修正）",
        "support plans redrafted (revisions)",
        "events",
    ),
    (
        "support_decisions",
        "市町村の支援決定",
        "support decisions by the municipality",
        "events",
    ),
    (
        "jusou_meeting_sittings",
        "重層的支援会議の開催",
        "multi-layered support meeting sittings",
        "sittings",
    ),
    (
        "jusou_meeting_cases",
        "重層的支援会議で検討したケース",
        "cases discussed at the multi-layered support meeting",
        "cases",
    ),
    (
        "support_meeting_sittings",
        "支援会議の開催",
        "support meeting sittings (art. 106-6)",
        "sittings",
    ),
    (
        "support_meeting_cases",
        "支援会議で検討したケース",
        "cases discussed at the support meeting",
        "cases",
    ),
    (
        "outreach_cases",
        "アウトリーチ等の対象ケース",
        "cases in outreach",
        "cases",
    ),
    (
        "outreach_first_contacts",
        "アウトリーチの初回接触（訪問・同行）",
        "outreach first contacts (visit or accompaniment)",
        "cases",
    ),
    (
        "participation_matches",
        "参加支援のマッチング",
        "participation support matches",
        "events",
    ),
    (
        "closed_goal_reached",
        "終結（目標達成）",
        "closed: goal reached",
        "events",
    ),
    ("closed_death", "終結（死亡）", "closed: death", "events"),
    (
        "closed_moved_away",
        "終結（転出）",
        "closed: moved away",
        "events",
    ),
    (
        "closed_contact_ended",
        "終結（本人が関わりを終了）",
        "closed: the person ended contact",
        "events",
    ),
    (
        "returned_to_comprehensive",
        "包括的相談支援へ戻した",
        "returned to comprehensive consultation",
        "events",
    ),
    (
        "median_days_intake_to_plan",
        "受付からプラン作成までの日数（中央値）",
        "median days from intake to plan",
        "days",
    ),
    (
        "median_days_plan_to_closed",
        "プラン作成から終結までの日数（中央値）",
        "median days from plan to closing",
        "days",
    ),
];

/// Counts of the valid logs.
#[derive(Default)]
struct Tally {
    counts: BTreeMap<&'static str, u32>,
    /// (kind is jusou, meeting id) → dates seen in the 年度.
    sittings: BTreeMap<(bool, String), BTreeSet<NaiveDate>>,
    without_id: MeetingEventsWithoutId,
    intake_to_plan: Vec<i64>,
    plan_to_closed: Vec<i64>,
}

impl Tally {
    fn add(&mut self, key: &'static str) {
        *self.counts.entry(key).or_default() += 1;
    }

    /// Count one valid log.
    fn log(&mut self, log: &PlanLog, fy: FiscalYear) {
        let inside = |d: NaiveDate| FiscalYear::of(d) == fy;
        if log.events.first().is_some_and(|e| inside(e.date)) {
            self.add("cases_received");
        }
        let (mut jusou_case, mut support_case, mut outreach_case) = (false, false, false);
        let mut first_contact_done = false;
        // The episode: its intake day, its first plan's day, and whether it is over.
        let (mut intake, mut plan): (Option<NaiveDate>, Option<NaiveDate>) = (None, None);
        let mut over = false;
        for e in &log.events {
            let here = inside(e.date);
            use EventType as T;
            match e.kind {
                T::Referral if over || intake.is_none() => {
                    (intake, plan, over) = (Some(e.date), None, false);
                }
                T::Accepted => {
                    if over {
                        (intake, plan, over) = (None, None, false);
                    }
                    intake.get_or_insert(e.date);
                }
                T::PlanDrafted => match plan {
                    None => {
                        plan = Some(e.date);
                        if here {
                            self.add("plans_made");
                            if let Some(i) = intake {
                                self.intake_to_plan.push((e.date - i).num_days());
                            }
                        }
                    }
                    Some(_) if here => self.add("plan_revisions"),
                    Some(_) => {}
                },
                T::Closed => {
                    over = true;
                    if here {
                        if let Some(p) = plan {
                            self.plan_to_closed.push((e.date - p).num_days());
                        }
                    }
                }
                T::ReturnedToComprehensive => over = true,
                _ => {}
            }
            if !here {
                continue;
            }
            match e.kind {
                T::Referral => self.add("referrals"),
                T::Accepted => self.add("accepted"),
                T::SupportDecision => self.add("support_decisions"),
                T::Matching => self.add("participation_matches"),
                T::ReturnedToComprehensive => self.add("returned_to_comprehensive"),
                T::Closed => self.add(match e.reason {
                    Some(CloseReason::GoalReached) | None => "closed_goal_reached",
                    Some(CloseReason::Death) => "closed_death",
                    Some(CloseReason::MovedAway) => "closed_moved_away",
                    Some(CloseReason::ContactEnded) => "closed_contact_ended",
                }),
                _ => {}
            }
            if e.kind.track() == plan::Track::Outreach {
                outreach_case = true;
            }
            if e.kind.is_meeting() {
                let jusou = e.kind.at_jusou_meeting();
                if jusou {
                    jusou_case = true;
                } else {
                    support_case = true;
                }
                match &e.meeting_id {
                    Some(id) => {
                        self.sittings
                            .entry((jusou, id.clone()))
                            .or_default()
                            .insert(e.date);
                    }
                    None if jusou => self.without_id.jusou_meeting += 1,
                    None => self.without_id.support_meeting += 1,
                }
            }
        }
        // A first contact counts in the 年度 it happened, once per case.
        for e in &log.events {
            if matches!(e.kind, EventType::HomeVisit | EventType::Accompaniment) {
                first_contact_done = inside(e.date);
                break;
            }
        }
        for (flag, key) in [
            (jusou_case, "jusou_meeting_cases"),
            (support_case, "support_meeting_cases"),
            (outreach_case, "outreach_cases"),
            (first_contact_done, "outreach_first_contacts"),
        ] {
            if flag {
                self.add(key);
            }
        }
    }
}

/// The median of whole days; `None` for no value.
fn median(values: &mut [i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let m = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[m] as f64
    } else {
        (values[m - 1] + values[m]) as f64 / 2.0
    })
}

/// Count a 年度's 実績.
pub fn report(input: &ReportInput) -> Result<AnnualReport, Errors> {
    // A FiscalYear built in Rust may be out of range; decoded ones never are.
    let fy = FiscalYear::checked(i64::from(input.fiscal_year.0))
        .map_err(|e| Errors::from(e.under("/fiscal_year")))?;
    // In range, so both days exist.
    let start = fy.start().unwrap_or(crate::calendar::MIN_DATE);
    let end = fy.end().unwrap_or(crate::calendar::MAX_DATE);
    check(input)?;
    let mut tally = Tally::default();
    let mut invalid_logs = Vec::new();
    let mut ending_early = Vec::new();
    for (index, log) in input.logs.iter().enumerate() {
        if let Err(errors) = plan::validate(log) {
            invalid_logs.push(InvalidLog {
                index,
                case_id: log.case_id.clone(),
                errors: errors.under(&format!("/logs/{index}")).errors,
                violations: Vec::new(),
            });
            continue;
        }
        let replayed = plan::replay(log);
        if !replayed.valid {
            invalid_logs.push(InvalidLog {
                index,
                case_id: log.case_id.clone(),
                errors: Vec::new(),
                violations: replayed.violations,
            });
            continue;
        }
        if log.as_of < end {
            ending_early.push(log.case_id.clone());
        }
        tally.log(log, fy);
    }
    let several_dates: Vec<String> = tally
        .sittings
        .iter()
        .filter(|(_, dates)| dates.len() > 1)
        .map(|((_, id), _)| id.clone())
        .collect();
    let (jusou, support) =
        tally.sittings.keys().fold(
            (0u32, 0u32),
            |(j, s), (k, _)| {
                if *k {
                    (j + 1, s)
                } else {
                    (j, s + 1)
                }
            },
        );
    tally.counts.insert(
        "jusou_meeting_sittings",
        jusou + tally.without_id.jusou_meeting,
    );
    tally.counts.insert(
        "support_meeting_sittings",
        support + tally.without_id.support_meeting,
    );
    let targets = input.targets.clone().unwrap_or_default();
    let measures = MEASURES
        .iter()
        .map(|&(key, name_ja, name_en, unit)| {
            let (value, n) = match key {
                "median_days_intake_to_plan" => (
                    median(&mut tally.intake_to_plan),
                    Some(tally.intake_to_plan.len() as u32),
                ),
                "median_days_plan_to_closed" => (
                    median(&mut tally.plan_to_closed),
                    Some(tally.plan_to_closed.len() as u32),
                ),
                _ => (
                    Some(f64::from(tally.counts.get(key).copied().unwrap_or(0))),
                    None,
                ),
            };
            let target = targets.get(key);
            let achievement_percent = match (value, target) {
                (Some(v), Some(t)) if t > 0 => Some((v * 1000.0 / f64::from(t)).round() / 10.0),
                _ => None,
            };
            Measure {
                key,
                name_ja,
                name_en,
                unit,
                value,
                n,
                target,
                achievement_percent,
            }
        })
        .collect();
    let logs = input.logs.len() as u32;
    Ok(AnnualReport {
        fiscal_year: fy,
        wareki: fy.wareki().unwrap_or_default(),
        start,
        end,
        logs,
        counted_logs: logs - invalid_logs.len() as u32,
        year_complete: invalid_logs.is_empty() && ending_early.is_empty(),
        invalid_logs,
        logs_ending_before_year_end: ending_early,
        meeting_events_without_id: tally.without_id,
        meeting_ids_with_several_dates: several_dates,
        measures,
    })
}

/// Input errors of the whole report: too many logs, a case given twice.
fn check(input: &ReportInput) -> Result<(), Errors> {
    use report_codes::*;
    if input.logs.len() > MAX_LOGS {
        return Err(Error::new(
            TOO_MANY_LOGS,
            "/logs",
            format!(
                "一度に集計できる記録は{MAX_LOGS}件までです（{}件）",
                input.logs.len()
            ),
            format!(
                "a report takes at most {MAX_LOGS} logs ({} given)",
                input.logs.len()
            ),
        )
        .into());
    }
    let mut seen = HashSet::with_capacity(input.logs.len());
    let mut errors = Vec::new();
    for (i, log) in input.logs.iter().enumerate() {
        if !seen.insert(log.case_id.as_str()) {
            errors.push(Error::new(
                CASE_ID_DUPLICATE,
                format!("/logs/{i}/case_id"),
                format!(
                    "ケースID「{}」の記録が2つあります（同じケースを二重に数えます）。1つの記録にまとめてください",
                    log.case_id
                ),
                format!(
                    "two logs for case '{}' (it would be counted twice); merge them into one log",
                    log.case_id
                ),
            ));
        }
    }
    Errors::check(errors)
}

/// Decode and count a report given as JSON.
///
/// ```
/// let input = r#"{"fiscal_year":"令和8年度","logs":[{"case_id":"c","as_of":"2027-03-31","events":[
///   {"type":"referral","date":"2026-04-01","organisation":"高齢者相談センター"},
///   {"type":"accepted","date":"2026-04-02","organisation":"福祉相談室"}]}]}"#;
/// let r = jusou_core::annual_report::report_json(input).unwrap(); // ok: doc example
/// let accepted = r.measures.iter().find(|m| m.key == "accepted").unwrap(); // ok: doc example
/// assert_eq!(accepted.value, Some(1.0));
/// assert!(r.year_complete);
/// ```
pub fn report_json(input: &str) -> Result<AnnualReport, Errors> {
    let input: ReportInput = error::decode(input)?;
    report(&input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_nothing_is_unknown_and_of_two_their_mean() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [10, 2]), Some(6.0));
        assert_eq!(median(&mut [5, 1, 3]), Some(3.0));
    }

    fn value(r: &AnnualReport, key: &str) -> Option<f64> {
        r.measures
            .iter()
            .find(|m| m.key == key)
            .and_then(|m| m.value)
    }

    #[test]
    fn a_referral_after_closing_opens_an_episode_with_its_own_plan_and_clock() {
        // The replay's fixture of a second episode (referral 2027-05-20 after 終結 2027-03-26),
        // with an assessment and a plan added to that episode.
        let mut log: PlanLog = serde_json::from_str(include_str!(
            "../../fixtures/plans/new-episode-after-closing.json"
        ))
        .unwrap();
        let first_plan = log
            .events
            .iter()
            .find(|e| e.kind == EventType::PlanDrafted)
            .cloned()
            .unwrap();
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let mut assessment = first_plan.clone();
        (assessment.kind, assessment.date, assessment.plan) =
            (EventType::Assessment, day("2027-05-25"), None);
        let mut plan = first_plan;
        plan.date = day("2027-06-01");
        log.events.extend([assessment, plan]);
        log.as_of = day("2028-03-31");
        let count = |fy: i32| {
            report(&ReportInput {
                fiscal_year: FiscalYear(fy),
                logs: vec![log.clone()],
                targets: None,
            })
            .unwrap()
        };
        let r7 = count(2027);
        assert!(r7.invalid_logs.is_empty(), "{:?}", r7.invalid_logs);
        assert_eq!(value(&r7, "cases_received"), Some(0.0)); // received in 令和8年度
        assert_eq!(value(&r7, "referrals"), Some(1.0));
        assert_eq!(value(&r7, "plans_made"), Some(1.0)); // a new plan, not a revision
        assert_eq!(value(&r7, "plan_revisions"), Some(0.0));
        assert_eq!(value(&r7, "median_days_intake_to_plan"), Some(12.0)); // 05-20 → 06-01
        assert_eq!(value(&r7, "median_days_plan_to_closed"), None);
        let r6 = count(2026);
        assert_eq!(value(&r6, "plans_made"), Some(1.0));
        assert_eq!(value(&r6, "plan_revisions"), Some(1.0));
        assert_eq!(value(&r6, "median_days_plan_to_closed"), Some(231.0));
    }
}
