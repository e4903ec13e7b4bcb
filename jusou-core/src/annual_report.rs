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
    /// Partial reports that cannot be merged (another 年度, an unknown count or rule).
    pub const PARTIAL_MISMATCH: &str = crate::error::catalogue::REPORT_PARTIAL_MISMATCH;
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
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

/// Count a 年度's 実績: the partial report of all the logs, finished (so a report made of
/// merged partial reports is this report).
pub fn report(input: &ReportInput) -> Result<AnnualReport, Errors> {
    finish(partial(input)?, input.targets.as_ref())
}

/// The counts of a 年度 over some of its logs (a partition of them), to be merged with the
/// counts over the others ([`merge`]) and finished into the report ([`finish`]): for logs cut
/// into parts in order, `finish(merge([partial(part₁), partial(part₂), …]))` is `report` of all
/// of them. What cannot be added up is kept whole: the meeting ids with their dates (a sitting
/// may hear cases of several parts) and every interval of days (a median of medians is not the
/// median). Each case's log lies in one part (a log is one case's), and a case id given in two
/// parts is refused at the merge, as it is in one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartialReport {
    /// The 年度 counted.
    pub fiscal_year: FiscalYear,
    /// The case id of every log given, in order.
    pub case_ids: Vec<String>,
    /// Logs left out of every measure; `index` into this part's logs, error paths inside the log.
    pub invalid_logs: Vec<PartialInvalidLog>,
    /// Counted logs judged before the 年度 ends.
    pub logs_ending_before_year_end: Vec<String>,
    /// The counts that add up, by measure key (sittings and medians are below).
    pub counts: BTreeMap<String, u32>,
    /// Meeting ids seen in the 年度, with the dates of their events.
    pub sittings: Vec<PartialSitting>,
    /// Meeting events without an id (each a sitting of its own).
    pub meeting_events_without_id: MeetingEventsWithoutId,
    /// Days from intake to plan, one per plan made in the 年度.
    pub intake_to_plan: Vec<i64>,
    /// Days from plan to 終結, one per 終結 of the 年度 after a plan.
    pub plan_to_closed: Vec<i64>,
}

/// A meeting id of a partial report and the dates its events carry in the 年度.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartialSitting {
    /// 重層的支援会議 (`true`) or 支援会議 (`false`).
    pub jusou_meeting: bool,
    /// The sitting's id.
    pub meeting_id: String,
    /// The dates of its events, ascending.
    #[schemars(with = "Vec<crate::calendar::DayText>")]
    pub dates: Vec<NaiveDate>,
}

/// A log left out of a partial report, in a form that can be read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartialInvalidLog {
    /// Its index in the part's logs.
    pub index: usize,
    /// Its case id.
    pub case_id: String,
    /// Input errors, paths inside the log (the report puts them under `/logs/<index>`).
    pub errors: Vec<PartialError>,
    /// The replay's violations (the rule's citation is the rule's own, looked up by id).
    pub violations: Vec<PartialViolation>,
}

/// An error as a partial report carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartialError {
    /// Code.
    pub code: String,
    /// JSON pointer inside the log.
    pub path: String,
    /// Japanese.
    pub message_ja: String,
    /// English.
    pub message_en: String,
    /// Citation.
    #[serde(default)]
    pub citation: Option<String>,
    /// The parser's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// A violation as a partial report carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartialViolation {
    /// Index into the log's events.
    pub event_index: usize,
    /// The rule's id (its citation is the registered rule's).
    pub rule: String,
    /// Japanese.
    pub message_ja: String,
    /// English.
    pub message_en: String,
}

impl From<&Error> for PartialError {
    fn from(e: &Error) -> Self {
        PartialError {
            code: e.code.to_string(),
            path: e.path.clone(),
            message_ja: e.message_ja.to_string(),
            message_en: e.message_en.to_string(),
            citation: e.citation.as_ref().map(|c| c.to_string()),
            detail: e.detail.as_ref().map(|d| d.to_string()),
        }
    }
}

/// The partial report of `input`'s logs (its `targets` apply when the report is finished).
pub fn partial(input: &ReportInput) -> Result<PartialReport, Errors> {
    // A FiscalYear built in Rust may be out of range; decoded ones never are.
    let fy = FiscalYear::checked(i64::from(input.fiscal_year.0))
        .map_err(|e| Errors::from(e.under("/fiscal_year")))?;
    let end = fy.end().unwrap_or(crate::calendar::MAX_DATE);
    check(input)?;
    let mut tally = Tally::default();
    let mut invalid_logs = Vec::new();
    let mut ending_early = Vec::new();
    for (index, log) in input.logs.iter().enumerate() {
        if let Err(errors) = plan::validate(log) {
            invalid_logs.push(PartialInvalidLog {
                index,
                case_id: log.case_id.clone(),
                errors: errors.errors.iter().map(PartialError::from).collect(),
                violations: Vec::new(),
            });
            continue;
        }
        let replayed = plan::replay(log);
        if !replayed.valid {
            invalid_logs.push(PartialInvalidLog {
                index,
                case_id: log.case_id.clone(),
                errors: Vec::new(),
                violations: replayed
                    .violations
                    .iter()
                    .map(|v| PartialViolation {
                        event_index: v.event_index,
                        rule: v.finding.rule.to_string(),
                        message_ja: v.finding.message_ja.to_string(),
                        message_en: v.finding.message_en.to_string(),
                    })
                    .collect(),
            });
            continue;
        }
        if log.as_of < end {
            ending_early.push(log.case_id.clone());
        }
        tally.log(log, fy);
    }
    Ok(PartialReport {
        fiscal_year: fy,
        case_ids: input.logs.iter().map(|l| l.case_id.clone()).collect(),
        invalid_logs,
        logs_ending_before_year_end: ending_early,
        counts: tally
            .counts
            .iter()
            .map(|(k, v)| ((*k).to_owned(), *v))
            .collect(),
        sittings: tally
            .sittings
            .into_iter()
            .map(|((jusou_meeting, meeting_id), dates)| PartialSitting {
                jusou_meeting,
                meeting_id,
                dates: dates.into_iter().collect(),
            })
            .collect(),
        meeting_events_without_id: tally.without_id,
        intake_to_plan: tally.intake_to_plan,
        plan_to_closed: tally.plan_to_closed,
    })
}

/// The keys a partial report may count (every measure but the sittings and the medians, which
/// it keeps whole).
fn is_count(key: &str) -> bool {
    !matches!(
        key,
        "jusou_meeting_sittings"
            | "support_meeting_sittings"
            | "median_days_intake_to_plan"
            | "median_days_plan_to_closed"
    ) && MEASURES.iter().any(|(k, ..)| *k == key)
}

fn mismatch(path: String, ja: &str, en: &str) -> Error {
    Error::new(
        report_codes::PARTIAL_MISMATCH,
        path,
        format!("部分集計を合わせられません（{ja}）"),
        format!("partial reports cannot be merged ({en})"),
    )
}

/// Merge partial reports, in the order of their parts, into the partial report of all their
/// logs. Refused: no part; parts of different 年度 or with a count or rule the report does not
/// know (`JUSOU-E-REPORT-003`); a case id in two parts (`JUSOU-E-REPORT-001`). Paths point
/// into the list of parts (`/<k>/…`).
pub fn merge(parts: Vec<PartialReport>) -> Result<PartialReport, Errors> {
    let Some(fy) = parts.first().map(|p| p.fiscal_year) else {
        return Err(mismatch(
            String::new(),
            "部分集計がありません",
            "no partial report given",
        )
        .into());
    };
    let mut errors = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for (k, p) in parts.iter().enumerate() {
        if p.fiscal_year != fy {
            errors.push(mismatch(
                format!("/{k}/fiscal_year"),
                &format!("{}年度と{}年度", fy.0, p.fiscal_year.0),
                &format!("fiscal years {} and {}", fy.0, p.fiscal_year.0),
            ));
        }
        for key in p.counts.keys().filter(|key| !is_count(key)) {
            errors.push(mismatch(
                format!("/{k}/counts/{}", crate::error::pointer_token(key)),
                &format!("数えない項目「{key}」"),
                &format!("no count named '{key}'"),
            ));
        }
        for (j, log) in p.invalid_logs.iter().enumerate() {
            for (m, v) in log.violations.iter().enumerate() {
                if rule_citation(&v.rule).is_none() {
                    errors.push(mismatch(
                        format!("/{k}/invalid_logs/{j}/violations/{m}/rule"),
                        &format!("知らない規則「{}」", v.rule),
                        &format!("no rule named '{}'", v.rule),
                    ));
                }
            }
        }
        for (j, id) in p.case_ids.iter().enumerate() {
            if !seen.insert(id.as_str()) {
                errors.push(Error::new(
                    report_codes::CASE_ID_DUPLICATE,
                    format!("/{k}/case_ids/{j}"),
                    format!(
                        "ケースID「{id}」の記録が2つあります（同じケースを二重に数えます）。1つの記録にまとめてください"
                    ),
                    format!("two logs for case '{id}' (it would be counted twice); merge them into one log"),
                ));
            }
        }
    }
    Errors::check(errors)?;
    let mut out = PartialReport {
        fiscal_year: fy,
        case_ids: Vec::new(),
        invalid_logs: Vec::new(),
        logs_ending_before_year_end: Vec::new(),
        counts: BTreeMap::new(),
        sittings: Vec::new(),
        meeting_events_without_id: MeetingEventsWithoutId::default(),
        intake_to_plan: Vec::new(),
        plan_to_closed: Vec::new(),
    };
    let mut sittings: BTreeMap<(bool, String), BTreeSet<NaiveDate>> = BTreeMap::new();
    for p in parts {
        let offset = out.case_ids.len();
        out.case_ids.extend(p.case_ids);
        out.invalid_logs
            .extend(p.invalid_logs.into_iter().map(|l| PartialInvalidLog {
                index: l.index + offset,
                ..l
            }));
        out.logs_ending_before_year_end
            .extend(p.logs_ending_before_year_end);
        for (k, v) in p.counts {
            *out.counts.entry(k).or_default() += v;
        }
        for s in p.sittings {
            sittings
                .entry((s.jusou_meeting, s.meeting_id))
                .or_default()
                .extend(s.dates);
        }
        out.meeting_events_without_id.jusou_meeting += p.meeting_events_without_id.jusou_meeting;
        out.meeting_events_without_id.support_meeting +=
            p.meeting_events_without_id.support_meeting;
        out.intake_to_plan.extend(p.intake_to_plan);
        out.plan_to_closed.extend(p.plan_to_closed);
    }
    out.sittings = sittings
        .into_iter()
        .map(|((jusou_meeting, meeting_id), dates)| PartialSitting {
            jusou_meeting,
            meeting_id,
            dates: dates.into_iter().collect(),
        })
        .collect();
    Ok(out)
}

/// The citation of a rule id a plan replay can report (a violation's citation is its rule's):
/// the plan's rules and the meeting rules its consent checks share. Looked up in those tables
/// rather than `rule::registry`, which sits above this module (it lists every area).
fn rule_citation(id: &str) -> Option<Option<&'static str>> {
    crate::plan::rules::ALL
        .iter()
        .chain(crate::meeting::rules::ALL.iter())
        .find(|r| r.id == id)
        .map(|r| r.citation())
}

/// The report of a partial report (one part, or the merge of all), against `targets`.
pub fn finish(part: PartialReport, targets: Option<&Targets>) -> Result<AnnualReport, Errors> {
    let fy = FiscalYear::checked(i64::from(part.fiscal_year.0))
        .map_err(|e| Errors::from(e.under("/fiscal_year")))?;
    // In range, so both days exist.
    let start = fy.start().unwrap_or(crate::calendar::MIN_DATE);
    let end = fy.end().unwrap_or(crate::calendar::MAX_DATE);
    let mut invalid_logs = Vec::with_capacity(part.invalid_logs.len());
    for l in part.invalid_logs {
        let mut violations = Vec::with_capacity(l.violations.len());
        for v in l.violations {
            let citation = rule_citation(&v.rule).ok_or_else(|| {
                Errors::from(mismatch(
                    "/invalid_logs".to_owned(),
                    &format!("知らない規則「{}」", v.rule),
                    &format!("no rule named '{}'", v.rule),
                ))
            })?;
            violations.push(Violation {
                event_index: v.event_index,
                finding: crate::rule::Finding {
                    rule: v.rule.into(),
                    citation,
                    message_ja: v.message_ja.into(),
                    message_en: v.message_en.into(),
                },
            });
        }
        let errors = Errors {
            errors: l
                .errors
                .into_iter()
                .map(|e| Error {
                    code: e.code.into(),
                    path: e.path,
                    message_ja: e.message_ja.into(),
                    message_en: e.message_en.into(),
                    citation: e.citation.map(Into::into),
                    detail: e.detail.map(Box::new),
                })
                .collect(),
        };
        invalid_logs.push(InvalidLog {
            index: l.index,
            case_id: l.case_id,
            errors: if errors.errors.is_empty() {
                Vec::new()
            } else {
                errors.under(&format!("/logs/{}", l.index)).errors
            },
            violations,
        });
    }
    let mut counts: BTreeMap<&'static str, u32> = BTreeMap::new();
    for (key, ..) in MEASURES {
        if let Some(v) = part.counts.get(*key) {
            counts.insert(key, *v);
        }
    }
    let several_dates: Vec<String> = part
        .sittings
        .iter()
        .filter(|s| s.dates.len() > 1)
        .map(|s| s.meeting_id.clone())
        .collect();
    let (jusou, support) = part.sittings.iter().fold((0u32, 0u32), |(j, s), x| {
        if x.jusou_meeting {
            (j + 1, s)
        } else {
            (j, s + 1)
        }
    });
    let without_id = part.meeting_events_without_id;
    counts.insert("jusou_meeting_sittings", jusou + without_id.jusou_meeting);
    counts.insert(
        "support_meeting_sittings",
        support + without_id.support_meeting,
    );
    let (mut intake_to_plan, mut plan_to_closed) = (part.intake_to_plan, part.plan_to_closed);
    let targets = targets.cloned().unwrap_or_default();
    let measures = MEASURES
        .iter()
        .map(|&(key, name_ja, name_en, unit)| {
            let (value, n) = match key {
                "median_days_intake_to_plan" => (
                    median(&mut intake_to_plan),
                    Some(intake_to_plan.len() as u32),
                ),
                "median_days_plan_to_closed" => (
                    median(&mut plan_to_closed),
                    Some(plan_to_closed.len() as u32),
                ),
                _ => (Some(f64::from(counts.get(key).copied().unwrap_or(0))), None),
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
    let logs = part.case_ids.len() as u32;
    Ok(AnnualReport {
        fiscal_year: fy,
        wareki: fy.wareki().unwrap_or_default(),
        start,
        end,
        logs,
        counted_logs: logs - invalid_logs.len() as u32,
        year_complete: invalid_logs.is_empty() && part.logs_ending_before_year_end.is_empty(),
        invalid_logs,
        logs_ending_before_year_end: part.logs_ending_before_year_end,
        meeting_events_without_id: without_id,
        meeting_ids_with_several_dates: several_dates,
        measures,
    })
}

/// Input of the operation `report_merge`: partial reports (`report_partial`'s outputs, in the
/// order of their parts) and the municipality's targets.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeInput {
    /// The parts' partial reports.
    pub partials: Vec<PartialReport>,
    /// Targets for the 年度.
    #[serde(default)]
    pub targets: Option<Targets>,
}

/// Decode a `ReportInput` and give its partial report (operation `report_partial`).
#[cfg(feature = "partial-reports")]
pub fn partial_json(input: &str) -> Result<PartialReport, Errors> {
    let input: ReportInput = error::decode(input)?;
    partial(&input)
}

/// Decode partial reports, merge them and finish the report (operation `report_merge`).
#[cfg(feature = "partial-reports")]
pub fn merge_json(input: &str) -> Result<AnnualReport, Errors> {
    let input: MergeInput = error::decode(input)?;
    let merged = merge(input.partials).map_err(|e| e.under("/partials"))?;
    finish(merged, input.targets.as_ref())
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

    /// Every plan log of the fixtures that decodes (valid, invalid and with warnings), each
    /// under its own case id, plus copies of the logs with meeting ids (so one sitting hears
    /// cases of several logs, which a cut may put in different parts).
    fn fixture_logs() -> Vec<PlanLog> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/plans");
        let mut paths = Vec::new();
        for sub in ["", "invalid", "warnings"] {
            let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                if name.ends_with(".json") && !name.ends_with(".expected.json") {
                    paths.push(p);
                }
            }
        }
        paths.sort();
        let mut logs: Vec<PlanLog> = paths
            .iter()
            .filter_map(|p| serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok())
            .collect();
        let with_ids: Vec<PlanLog> = logs
            .iter()
            .filter(|l| l.events.iter().any(|e| e.meeting_id.is_some()))
            .cloned()
            .collect();
        logs.extend(with_ids);
        for (i, l) in logs.iter_mut().enumerate() {
            l.case_id = format!("{}#{i}", l.case_id);
        }
        logs
    }

    fn input(fy: i32, logs: &[PlanLog], targets: Option<Targets>) -> ReportInput {
        ReportInput {
            fiscal_year: FiscalYear(fy),
            logs: logs.to_vec(),
            targets,
        }
    }

    #[test]
    fn partition_then_merge_is_the_whole_report() {
        let logs = fixture_logs();
        assert!(logs.len() >= 15, "{} logs", logs.len());
        let targets = Targets {
            plans_made: Some(3),
            jusou_meeting_sittings: Some(2),
            ..Targets::default()
        };
        let mut seen_invalid = false;
        let mut seen_median = false;
        let mut seen_sittings = false;
        for fy in [2025, 2026, 2027] {
            let whole = report(&input(fy, &logs, Some(targets.clone()))).unwrap();
            seen_invalid |= !whole.invalid_logs.is_empty();
            seen_median |= whole.measures.iter().any(|m| m.n.is_some_and(|n| n > 1));
            seen_sittings |= whole
                .measures
                .iter()
                .any(|m| m.key == "jusou_meeting_sittings" && m.value.is_some_and(|v| v > 0.0));
            let n = logs.len();
            // Every cut into two parts, and three parts.
            let mut cuts: Vec<Vec<usize>> = (0..=n).map(|k| vec![0, k, n]).collect();
            cuts.push(vec![0, n / 3, 2 * n / 3, n]);
            cuts.push(vec![0, 1, n - 1, n]);
            for cut in cuts {
                let parts: Vec<PartialReport> = cut
                    .windows(2)
                    .map(|w| partial(&input(fy, &logs[w[0]..w[1]], None)).unwrap())
                    .collect();
                let merged = finish(merge(parts.clone()).unwrap(), Some(&targets)).unwrap();
                assert_eq!(merged, whole, "fy {fy}, cut {cut:?}");
                // The same through JSON, as partial reports travel between processes.
                #[cfg(feature = "partial-reports")]
                {
                    let json = serde_json::json!({"partials": parts, "targets": targets});
                    let via_json = merge_json(&json.to_string()).unwrap();
                    assert_eq!(via_json, whole, "fy {fy}, cut {cut:?} (JSON)");
                }
            }
        }
        assert!(
            seen_invalid && seen_median && seen_sittings,
            "the fixtures exercise the merge"
        );
    }

    #[test]
    fn merging_refuses_other_years_a_case_twice_and_unknown_counts() {
        let logs = fixture_logs();
        let a = partial(&input(2026, &logs[..3], None)).unwrap();
        let b = partial(&input(2027, &logs[3..6], None)).unwrap();
        let e = merge(vec![a.clone(), b]).unwrap_err();
        assert_eq!(e.errors[0].code, report_codes::PARTIAL_MISMATCH);
        assert_eq!(e.errors[0].path, "/1/fiscal_year");
        let e = merge(vec![a.clone(), a.clone()]).unwrap_err();
        assert_eq!(e.errors[0].code, report_codes::CASE_ID_DUPLICATE);
        assert_eq!(e.errors[0].path, "/1/case_ids/0");
        let mut odd = a.clone();
        odd.counts.insert("median_days_intake_to_plan".into(), 3);
        let e = merge(vec![odd]).unwrap_err();
        assert_eq!(e.errors[0].code, report_codes::PARTIAL_MISMATCH);
        assert_eq!(e.errors[0].path, "/0/counts/median_days_intake_to_plan");
        assert_eq!(
            merge(Vec::new()).unwrap_err().errors[0].code,
            report_codes::PARTIAL_MISMATCH
        );
        #[cfg(feature = "partial-reports")]
        {
            let e = merge_json(r#"{"partials":[]}"#).unwrap_err();
            assert_eq!(e.errors[0].path, "/partials");
        }
    }
}
