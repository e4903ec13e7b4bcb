//! Support-plan lifecycle (支援プラン): a case's event log replayed over three tracks —
//! 多機関協働 / 支援プラン (第106条の4第2項第5号・第6号), アウトリーチ等 (第4号) and 参加支援 (第2号).
//!
//! Replay says where each track stands, which events may come next, which deadlines run (with
//! dates) and which event broke which rule (`event_index` into `events`).
//!
//! Design choices (documented here because the sources are silent):
//! - **Consent lives in `consents`, not in events.** The log carries the case's consent records
//!   (the one [`Consent`] type shared with routing and meetings). A consent counts on a day exactly
//!   when [`Consent::valid_on`] says so: from `given_on`, until `valid_until`, and never from
//!   `withdrawn_on`. A withdrawal is the `withdrawn_on` of a record; consent given again is a new
//!   record. So "withdrawn → blocked until given again" falls out of the dates, and a 支援会議
//!   (第106条の6; no consent needed) stays possible throughout.
//! - **重層的支援会議 events** (`jusou_meeting_review`, `evaluation`, `participation_decided`,
//!   `returned_to_comprehensive`, and the reviews and evaluations of the 参加支援 and アウトリーチ
//!   plans) need a consent valid that day, of one of the case's `subjects` (when stated) and naming
//!   the meeting's organiser, the 多機関協働事業者 (R-PLAN-CONSENT-SUBJECT otherwise). A plan review
//!   needs the very consent the plan rests on (`plan.consent_id`), and that consent must cover
//!   (basic information, [`Consent::covers`]) every organisation responsible for a support item.
//!   After a withdrawal and a new consent, the plan is redrafted on the new record. A plan naming
//!   no known consent is warned about at its `plan_drafted` (R-PLAN-CONTENT-CONSENT) and reported
//!   at any review (R-PLAN-CONSENT): when in doubt, sharing is denied.
//! - **Soft rules stay soft**: of a plan's contents only 「支援の種類及び内容」 (第6号) is a violation;
//!   goals, wishes, one 主担当, the period, the monitoring date and the consent reference are the
//!   manual's form and come as `warnings` until the ministerial ordinance is verified. The
//!   アウトリーチ stages are typical, in any order; only closing as goal reached needs the stable
//!   connection.
//! - **Episodes**: a `referral` after 終結 (or a return) opens a new episode (`episode` counts
//!   them); its plan and monitoring clock start afresh.
//! - **Standing**: [`MultiAgencyState::standing`] maps the track onto the one model of a case's
//!   standing ([`crate::standing`]) the meeting check uses.
//! - **A broken step still moves the track**: an event that came too early is reported once, and
//!   the track then stands where that event leads, so one mistake gives one violation, not a
//!   cascade.
//! - **Monitoring interval**: `options.monitoring_interval_days`, or
//!   [`DEFAULT_MONITORING_INTERVAL_DAYS`] (90 days, a quarter) when the municipality sets none.
//!   An overdue monitoring is a deadline finding relative to `as_of`; it does not make the log
//!   invalid (the log itself broke no rule — the work is late).
//! - `valid` is `true` exactly when `violations` is empty.

mod content;
mod replay;
pub mod rules;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{self, Error, Errors};
use crate::meeting::consent::Consent;
use crate::municipality::Options;
use crate::rule::Finding;
use crate::standing::Standing;

pub use replay::replay;

/// Monitoring interval used when the municipality's options set none (90 days, a quarter).
pub const DEFAULT_MONITORING_INTERVAL_DAYS: u32 = 90;

/// Error codes of plan logs (`JUSOU-E-PLAN-…`).
pub mod plan_codes {
    /// A `plan_drafted` event without its `plan`.
    pub const PLAN_MISSING: &str = crate::error::catalogue::PLAN_PLAN_MISSING;
    /// A `jusou_meeting_review` event without its `outcome`.
    pub const OUTCOME_MISSING: &str = crate::error::catalogue::PLAN_OUTCOME_MISSING;
    /// A closing event without its `reason`.
    pub const REASON_MISSING: &str = crate::error::catalogue::PLAN_REASON_MISSING;
    /// An event without the acting organisation.
    pub const ORGANISATION_EMPTY: &str = crate::error::catalogue::PLAN_ORGANISATION_EMPTY;
    /// Two consent records with the same id.
    pub const CONSENT_DUPLICATE: &str = crate::error::catalogue::PLAN_CONSENT_DUPLICATE;
    /// A field that does not belong to the event's type.
    pub const FIELD_NOT_FOR_TYPE: &str = crate::error::catalogue::PLAN_FIELD_NOT_FOR_TYPE;
    /// A `matching` event without the resource matched.
    pub const RESOURCE_MISSING: &str = crate::error::catalogue::PLAN_RESOURCE_MISSING;
    /// An empty case id.
    pub const CASE_ID_EMPTY: &str = crate::error::catalogue::PLAN_CASE_ID_EMPTY;
}

/// A case's event log: everything the replay needs, in one self-contained document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanLog {
    /// The case's id.
    pub case_id: String,
    /// The day the log is judged on: no event may come after it; deadlines are overdue against it.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "crate::calendar::DayText")]
    pub as_of: NaiveDate,
    /// The municipality's choices (monitoring interval); defaults when absent.
    #[serde(default)]
    pub options: Option<Options>,
    /// The case's consent records (本人同意); withdrawal is a record's `withdrawn_on`.
    #[serde(default)]
    pub consents: Vec<Consent>,
    /// The case's subjects (household members whose information the case holds): a consent of
    /// anyone else never counts for it. Empty: not stated (every record in `consents` is taken
    /// as the case's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    /// The events, in the order they happened.
    pub events: Vec<PlanEvent>,
}

/// One event of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanEvent {
    /// What happened.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// The day it happened.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "crate::calendar::DayText")]
    pub date: NaiveDate,
    /// The acting organisation (for meetings: the organiser).
    pub organisation: String,
    /// The plan, on `plan_drafted` (required there, nowhere else).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanContent>,
    /// The meeting's outcome, on `jusou_meeting_review` (required there, nowhere else).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<ReviewOutcome>,
    /// Why the track ends, on `closed`, `outreach_closed` and `participation_closed` (required there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<CloseReason>,
    /// The resource matched (活動先), on `matching` (required there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// Whether the host (受け入れ先) was assessed before matching, on `matching`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_assessed: Option<bool>,
    /// Free note (not judged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The sitting, on meeting events: several cases heard in one sitting share its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_id: Option<String>,
}

/// The three tracks of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    /// 多機関協働 / 支援プラン (第5号・第6号)
    MultiAgency,
    /// アウトリーチ等を通じた継続的支援 (第4号)
    Outreach,
    /// 参加支援 (第2号)
    Participation,
    /// Events of no one track (支援会議)
    Common,
}

/// Event types, by track.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    // 多機関協働 / 支援プラン
    /// つなぎ: a case passed to 多機関協働.
    Referral,
    /// 受理 by 多機関協働.
    Accepted,
    /// アセスメント.
    Assessment,
    /// プラン作成 (or a revision), with the plan.
    PlanDrafted,
    /// 重層的支援会議 judges the plan's appropriateness: `approved` or `revise`.
    JusouMeetingReview,
    /// 市町村の支援決定.
    SupportDecision,
    /// 支援の実施 starts.
    SupportStarted,
    /// モニタリング (repeatable).
    Monitoring,
    /// 終結時の評価 at the 重層的支援会議.
    Evaluation,
    /// 終結 of 多機関協働 (with its reason).
    Closed,
    /// 包括的相談支援へ戻す: the 重層的支援会議 decides the ordinary window leads again.
    ReturnedToComprehensive,
    /// 見守り continued by the agencies after 多機関協働 ended or returned the case.
    Watching,
    // 共通
    /// 支援会議 (社会福祉法第106条の6): possible at any time, consent not needed.
    SupportMeeting,
    // アウトリーチ等
    /// 情報収集 through networks.
    InformationGathering,
    /// 事前調整 before consent (plans may be made at a 支援会議).
    PreCoordination,
    /// 関係性の構築 (letters, messages, leaflets).
    RelationshipBuilding,
    /// 家庭訪問.
    HomeVisit,
    /// 同行支援.
    Accompaniment,
    /// つなぎ先との関係が安定.
    StableConnection,
    /// 重層的支援会議 judges the アウトリーチ plan's appropriateness.
    OutreachPlanReview,
    /// 重層的支援会議 evaluates the アウトリーチ at its end.
    OutreachEvaluation,
    /// 終結 of アウトリーチ等 (with its reason).
    OutreachClosed,
    // 参加支援
    /// 重層的支援会議 decides to use 参加支援.
    ParticipationDecided,
    /// 受付 (intake).
    ParticipationIntake,
    /// アセスメント for 参加支援.
    ParticipationAssessment,
    /// 参加支援のプラン.
    ParticipationPlan,
    /// マッチング with a resource (the host assessed too).
    Matching,
    /// 定着支援.
    SettlingIn,
    /// フォローアップ of person and host; also allowed after the track ends (contact kept).
    FollowUp,
    /// 重層的支援会議 judges the 参加支援 plan's appropriateness.
    ParticipationPlanReview,
    /// 重層的支援会議 evaluates the 参加支援 at its end.
    ParticipationEvaluation,
    /// 終結 of 参加支援 (with its reason).
    ParticipationClosed,
}

impl EventType {
    /// Every event type, track by track.
    pub const ALL: [EventType; 32] = [
        EventType::Referral,
        EventType::Accepted,
        EventType::Assessment,
        EventType::PlanDrafted,
        EventType::JusouMeetingReview,
        EventType::SupportDecision,
        EventType::SupportStarted,
        EventType::Monitoring,
        EventType::Evaluation,
        EventType::Closed,
        EventType::ReturnedToComprehensive,
        EventType::Watching,
        EventType::SupportMeeting,
        EventType::InformationGathering,
        EventType::PreCoordination,
        EventType::RelationshipBuilding,
        EventType::HomeVisit,
        EventType::Accompaniment,
        EventType::StableConnection,
        EventType::OutreachPlanReview,
        EventType::OutreachEvaluation,
        EventType::OutreachClosed,
        EventType::ParticipationDecided,
        EventType::ParticipationIntake,
        EventType::ParticipationAssessment,
        EventType::ParticipationPlan,
        EventType::Matching,
        EventType::SettlingIn,
        EventType::FollowUp,
        EventType::ParticipationPlanReview,
        EventType::ParticipationEvaluation,
        EventType::ParticipationClosed,
    ];

    /// The track the event belongs to.
    pub const fn track(self) -> Track {
        use EventType::*;
        match self {
            Referral
            | Accepted
            | Assessment
            | PlanDrafted
            | JusouMeetingReview
            | SupportDecision
            | SupportStarted
            | Monitoring
            | Evaluation
            | Closed
            | ReturnedToComprehensive
            | Watching => Track::MultiAgency,
            SupportMeeting => Track::Common,
            InformationGathering | PreCoordination | RelationshipBuilding | HomeVisit
            | Accompaniment | StableConnection | OutreachPlanReview | OutreachEvaluation
            | OutreachClosed => Track::Outreach,
            ParticipationDecided
            | ParticipationIntake
            | ParticipationAssessment
            | ParticipationPlan
            | Matching
            | SettlingIn
            | FollowUp
            | ParticipationPlanReview
            | ParticipationEvaluation
            | ParticipationClosed => Track::Participation,
        }
    }

    /// Whether the event takes place at a 重層的支援会議 (and so needs the person's consent).
    pub const fn at_jusou_meeting(self) -> bool {
        matches!(
            self,
            EventType::JusouMeetingReview
                | EventType::Evaluation
                | EventType::ParticipationDecided
                | EventType::ReturnedToComprehensive
                | EventType::OutreachPlanReview
                | EventType::OutreachEvaluation
                | EventType::ParticipationPlanReview
                | EventType::ParticipationEvaluation
        )
    }

    /// Whether the event is a sitting of a meeting (and so may carry a `meeting_id`).
    pub const fn is_meeting(self) -> bool {
        self.at_jusou_meeting() || matches!(self, EventType::SupportMeeting)
    }

    /// Whether the event ends a track (and so needs a reason).
    pub const fn is_close(self) -> bool {
        matches!(
            self,
            EventType::Closed | EventType::OutreachClosed | EventType::ParticipationClosed
        )
    }

    /// The snake_case name used in JSON.
    pub const fn key(self) -> &'static str {
        use EventType::*;
        match self {
            Referral => "referral",
            Accepted => "accepted",
            Assessment => "assessment",
            PlanDrafted => "plan_drafted",
            JusouMeetingReview => "jusou_meeting_review",
            SupportDecision => "support_decision",
            SupportStarted => "support_started",
            Monitoring => "monitoring",
            Evaluation => "evaluation",
            Closed => "closed",
            ReturnedToComprehensive => "returned_to_comprehensive",
            Watching => "watching",
            SupportMeeting => "support_meeting",
            InformationGathering => "information_gathering",
            PreCoordination => "pre_coordination",
            RelationshipBuilding => "relationship_building",
            HomeVisit => "home_visit",
            Accompaniment => "accompaniment",
            StableConnection => "stable_connection",
            OutreachPlanReview => "outreach_plan_review",
            OutreachEvaluation => "outreach_evaluation",
            OutreachClosed => "outreach_closed",
            ParticipationDecided => "participation_decided",
            ParticipationIntake => "participation_intake",
            ParticipationAssessment => "participation_assessment",
            ParticipationPlan => "participation_plan",
            Matching => "matching",
            SettlingIn => "settling_in",
            FollowUp => "follow_up",
            ParticipationPlanReview => "participation_plan_review",
            ParticipationEvaluation => "participation_evaluation",
            ParticipationClosed => "participation_closed",
        }
    }
}

/// What the 重層的支援会議 decided about a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewOutcome {
    /// 承認: the plan is appropriate.
    Approved,
    /// 修正: redraft the plan.
    Revise,
}

/// Why a track ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CloseReason {
    /// The track reached its end (多機関協働: after the 終結時の評価; アウトリーチ: once stably
    /// connected; 参加支援: after settling in).
    GoalReached,
    /// 死亡.
    Death,
    /// 転出 (moved away).
    MovedAway,
    /// 本人が関わりを終了 (the person ended contact).
    ContactEnded,
}

impl CloseReason {
    /// Whether the case ends by itself (no evaluation or end step needed first).
    pub const fn ends_by_itself(self) -> bool {
        !matches!(self, CloseReason::GoalReached)
    }
}

/// A 支援プラン as drafted (第106条の4第2項第6号).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanContent {
    /// Goals (目標).
    #[serde(default)]
    pub goals: Vec<String>,
    /// The person's wishes (本人の意向), in their words as recorded.
    #[serde(default)]
    pub wishes: Option<String>,
    /// Support items (支援の種類及び内容) with who is responsible.
    #[serde(default)]
    pub items: Vec<SupportItem>,
    /// The plan's period.
    pub period: Period,
    /// Next monitoring date the plan sets.
    #[serde(default, with = "crate::calendar::day::option")]
    #[schemars(with = "Option<crate::calendar::DayText>")]
    pub next_monitoring_on: Option<NaiveDate>,
    /// The consent record (id in `consents`) the plan rests on.
    #[serde(default)]
    pub consent_id: Option<String>,
}

/// One support item of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SupportItem {
    /// What is done (支援の内容).
    pub content: String,
    /// The organisation responsible.
    pub organisation: String,
    /// Whether this organisation is the 主担当 (exactly one item per plan).
    #[serde(default)]
    pub lead: bool,
}

/// A plan's period (start ≤ end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "crate::calendar::DayText")]
    pub start: NaiveDate,
    /// Last day.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "crate::calendar::DayText")]
    pub end: NaiveDate,
}

/// The replay's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PlanReport {
    /// The case's id.
    pub case_id: String,
    /// The day the log was judged on.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "crate::calendar::DayText")]
    pub as_of: NaiveDate,
    /// `true` exactly when `violations` is empty.
    pub valid: bool,
    /// Where each track stands after the last event.
    pub state: TrackStates,
    /// Event types that may come next, per track (重層的支援会議 events only when a consent is
    /// valid on `as_of`).
    pub next_events: NextEvents,
    /// Deadlines that run (with their dates), overdue ones flagged against `as_of`.
    pub deadlines: Vec<Deadline>,
    /// The monitoring interval used (the municipality's, or the default).
    pub monitoring_interval_days: u32,
    /// Which event broke which rule.
    pub violations: Vec<Violation>,
    /// Soft findings (the manual's expectations, unverified ordinance items): never make the
    /// log invalid.
    pub warnings: Vec<Violation>,
    /// Findings of fact that are neither breaches nor warnings: a referral after 終結 opening a
    /// new episode ([`rules::R_PLAN_NEW_EPISODE`]). Added in issue #19; empty when there are none
    /// (outputs always carry every field).
    pub notes: Vec<Violation>,
    /// The episode the 多機関協働 track is in (1 for the first; a referral after 終結 opens the
    /// next).
    pub episode: u32,
}

/// Where each track stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TrackStates {
    /// 多機関協働 / 支援プラン.
    pub multi_agency: MultiAgencyState,
    /// アウトリーチ等.
    pub outreach: OutreachState,
    /// 参加支援.
    pub participation: ParticipationState,
}

/// 多機関協働 / 支援プラン states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MultiAgencyState {
    /// No referral yet.
    NotStarted,
    /// つなぎ received.
    Referred,
    /// 受理.
    Accepted,
    /// アセスメント done.
    Assessed,
    /// A plan drafted, awaiting the 重層的支援会議.
    PlanDrafted,
    /// The 重層的支援会議 asked for a revision.
    PlanToRevise,
    /// The 重層的支援会議 approved the plan.
    PlanApproved,
    /// 市町村の支援決定 made.
    SupportDecided,
    /// Support under way (monitorings repeat here).
    InSupport,
    /// 終結時の評価 done.
    Evaluated,
    /// 終結.
    Closed,
    /// Returned to 包括的相談支援.
    Returned,
}

/// アウトリーチ等 states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OutreachState {
    /// Not started.
    NotStarted,
    /// 情報収集.
    Gathering,
    /// 事前調整.
    PreCoordinated,
    /// 関係性の構築.
    BuildingRelationship,
    /// 家庭訪問・同行支援.
    Visiting,
    /// つなぎ先との関係が安定.
    StablyConnected,
    /// 終結.
    Closed,
}

/// 参加支援 states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParticipationState {
    /// Not decided.
    NotStarted,
    /// 重層的支援会議 decided its use.
    Decided,
    /// 受付.
    Intake,
    /// アセスメント.
    Assessed,
    /// プラン.
    Planned,
    /// マッチング.
    Matched,
    /// 定着支援・フォローアップ.
    SettlingIn,
    /// 終結 (contact kept: `follow_up` still allowed).
    Closed,
}

impl MultiAgencyState {
    /// The case's standing (the model routing and the meeting check share).
    pub const fn standing(self) -> Standing {
        use MultiAgencyState as M;
        match self {
            M::NotStarted | M::Referred => Standing::NotAccepted,
            M::Accepted | M::Assessed | M::PlanDrafted | M::PlanToRevise | M::PlanApproved => {
                Standing::Accepted
            }
            M::SupportDecided | M::InSupport | M::Evaluated => Standing::SupportDecided,
            M::Closed | M::Returned => Standing::Closed,
        }
    }
}

/// Allowed next events, per track.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, JsonSchema)]
pub struct NextEvents {
    /// 多機関協働 / 支援プラン.
    pub multi_agency: Vec<EventType>,
    /// アウトリーチ等.
    pub outreach: Vec<EventType>,
    /// 参加支援.
    pub participation: Vec<EventType>,
    /// Of no one track (支援会議: always possible).
    pub common: Vec<EventType>,
}

/// What a deadline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// The next モニタリング of a plan under way.
    Monitoring,
}

/// A deadline with its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Deadline {
    /// Which track.
    pub track: Track,
    /// What is due.
    pub kind: DeadlineKind,
    /// The day it is due (last monitoring or support start + interval).
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "crate::calendar::DayText")]
    pub due_on: NaiveDate,
    /// Due before `as_of` and not done.
    pub overdue: bool,
    /// The rule with the particulars.
    #[serde(flatten)]
    pub finding: Finding,
}

/// A rule an event broke.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Violation {
    /// Index into `events` (0-based).
    pub event_index: usize,
    /// The rule with the particulars.
    #[serde(flatten)]
    pub finding: Finding,
}

/// Decode, check and replay a log given as JSON.
///
/// ```
/// let log = r#"{"case_id":"c","as_of":"2026-05-01","events":[
///   {"type":"referral","date":"2026-04-01","organisation":"高齢者相談センター"},
///   {"type":"accepted","date":"2026-04-02","organisation":"福祉相談室"}]}"#;
/// let r = jusou_core::plan::replay_json(log).unwrap(); // ok: doc example
/// assert!(r.valid);
/// assert_eq!(r.state.multi_agency, jusou_core::plan::MultiAgencyState::Accepted);
/// ```
pub fn replay_json(input: &str) -> Result<PlanReport, Errors> {
    let log: PlanLog = error::decode(input)?;
    validate(&log)?;
    Ok(replay(&log))
}

/// Check a decoded log for input errors (not rule violations): consent records, missing
/// per-type fields, fields that do not belong to an event's type. Collects all errors.
pub fn validate(log: &PlanLog) -> Result<(), Errors> {
    use plan_codes::*;
    Errors::check(check_limits(log))?;
    let mut errors = Vec::new();
    if log.case_id.trim().is_empty() {
        errors.push(Error::new(
            CASE_ID_EMPTY,
            "/case_id",
            "ケースID（case_id）が空です",
            "case_id is empty",
        ));
    }
    let mut seen = std::collections::HashSet::with_capacity(log.consents.len());
    for (i, c) in log.consents.iter().enumerate() {
        c.validate(&format!("/consents/{i}"), &mut errors);
        if !seen.insert(c.id.as_str()) {
            errors.push(Error::new(
                CONSENT_DUPLICATE,
                format!("/consents/{i}/id"),
                format!("同意記録のID「{}」が重複しています", c.id),
                format!("consent id '{}' appears twice", c.id),
            ));
        }
    }
    for (i, e) in log.events.iter().enumerate() {
        let at = |f: &str| format!("/events/{i}/{f}");
        let key = e.kind.key();
        if e.organisation.trim().is_empty() {
            errors.push(Error::new(
                ORGANISATION_EMPTY,
                at("organisation"),
                "行った機関（organisation）が空です",
                "the acting organisation is empty",
            ));
        }
        let mut need = |present: bool, wanted: bool, field: &str, code: &'static str| {
            if wanted && !present {
                errors.push(Error::new(
                    code,
                    at(field),
                    format!("「{key}」には{field}が必要です"),
                    format!("a '{key}' event needs '{field}'"),
                ));
            } else if present && !wanted {
                errors.push(Error::new(
                    FIELD_NOT_FOR_TYPE,
                    at(field),
                    format!("{field}は「{key}」の項目ではありません"),
                    format!("'{field}' does not belong to a '{key}' event"),
                ));
            }
        };
        need(
            e.plan.is_some(),
            e.kind == EventType::PlanDrafted,
            "plan",
            PLAN_MISSING,
        );
        // The 参加支援 and アウトリーチ plan reviews may record an outcome; the 支援プラン's must.
        let plan_review = matches!(
            e.kind,
            EventType::OutreachPlanReview | EventType::ParticipationPlanReview
        );
        need(
            e.outcome.is_some() && !plan_review,
            e.kind == EventType::JusouMeetingReview,
            "outcome",
            OUTCOME_MISSING,
        );
        need(
            e.reason.is_some(),
            e.kind.is_close(),
            "reason",
            REASON_MISSING,
        );
        need(
            e.resource.as_deref().is_some_and(|r| !r.trim().is_empty()),
            e.kind == EventType::Matching,
            "resource",
            RESOURCE_MISSING,
        );
        if e.host_assessed.is_some() && e.kind != EventType::Matching {
            need(true, false, "host_assessed", FIELD_NOT_FOR_TYPE);
        }
        if e.meeting_id.is_some() && !e.kind.is_meeting() {
            need(true, false, "meeting_id", FIELD_NOT_FOR_TYPE);
        }
    }
    Errors::check(errors)
}

/// The domain counts of a plan log ([`PlanLog`]); empty when within limits.
pub(crate) fn check_limits(log: &PlanLog) -> Vec<crate::error::Error> {
    let mut errors = Vec::new();
    crate::meeting::consent::check_limits(&mut errors, &log.consents, "/consents");
    if !crate::error::limit::count(
        &mut errors,
        log.events.len(),
        crate::limits::MAX_EVENTS,
        crate::error::limit_codes::EVENTS,
        "/events",
        "出来事",
        "events",
    ) {
        for (i, e) in log.events.iter().enumerate() {
            if let Some(p) = &e.plan {
                crate::error::limit::list(
                    &mut errors,
                    p.goals.len(),
                    format_args!("/events/{i}/plan/goals"),
                );
                crate::error::limit::list(
                    &mut errors,
                    p.items.len(),
                    format_args!("/events/{i}/plan/items"),
                );
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests;
