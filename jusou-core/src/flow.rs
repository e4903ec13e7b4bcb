//! A case walked end to end (`fixtures/flows/`): routing, then each event of the plan log, with
//! the meeting check run on every sitting — so that a vendor following the documented flow sees
//! at once whether one module refuses what another required.
//!
//! A flow is one document: the intake record for routing (optional), the case's roster and
//! consents, and the steps in order, each a plan event and, for a meeting event, the sitting it
//! was heard at. For each step the plan is replayed up to and including it, and the meeting check
//! is run on the sitting with the case's standing taken from the replay *before* the step (the
//! one model of [`crate::standing`]). A step where the two disagree — the replay accepts a
//! 重層的支援会議 event the meeting check refuses, or the other way round — is a `conflict`.
//!
//! ```
//! let flow = r#"{"case_id": "c", "subjects": ["A"], "as_of": "2026-06-01",
//!   "members": [{"id": "m1", "name": "甲", "organisation": "福祉相談室", "appointed": true}],
//!   "steps": [
//!     {"event": {"type": "referral", "date": "2026-05-01", "organisation": "包括"}},
//!     {"event": {"type": "accepted", "date": "2026-05-02", "organisation": "福祉相談室"}},
//!     {"event": {"type": "support_meeting", "date": "2026-05-10", "organisation": "X市"},
//!      "sitting": {"meeting": {"kind": "support_meeting", "local_name": "支援会議",
//!        "organiser": {"kind": "municipality", "name": "X市"}, "date": "2026-05-10",
//!        "municipality_runs_project": true}, "attendees": ["m1"], "agenda": ["basic"]}}]}"#;
//! let r = jusou_core::flow::run_json(flow).unwrap(); // ok: doc example
//! assert!(r.conflicts.is_empty());
//! assert_eq!(r.steps[2].meeting.as_ref().map(|d| d.allowed), Some(true));
//! ```

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::case::Case;
use crate::error::{decode, Error, Errors};
use crate::law::articles;
use crate::meeting::consent::Consent;
use crate::meeting::{
    CaseRef, InfoCategory, MeetingCheck, MeetingDecision, MeetingInfo, MeetingKind, Member,
};
use crate::municipality::Options;
use crate::plan::{EventType, PlanEvent, PlanLog, PlanReport, TrackStates, Violation};
use crate::routing::RouteDecision;
use crate::rule::Rule;
use crate::standing::Standing;

/// Error codes of flows (`JUSOU-E-FLOW-…`).
pub mod flow_codes {
    /// A sitting on an event that is not a meeting event.
    pub const SITTING_NOT_MEETING: &str = crate::error::catalogue::FLOW_SITTING_NOT_MEETING;
}

/// A case walked end to end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    /// Where the walk comes from (source title and URL), not judged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The case's id.
    pub case_id: String,
    /// The household members whose information is discussed (the meetings' consent subjects).
    pub subjects: Vec<String>,
    /// The day the whole log is judged on.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "crate::calendar::DayText")]
    pub as_of: NaiveDate,
    /// The intake record, routed first (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<Case>,
    /// The municipality's choices for the plan (monitoring interval).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Options>,
    /// The roster of the meetings.
    #[serde(default)]
    pub members: Vec<Member>,
    /// The case's consent records (shared by the plan and every sitting).
    #[serde(default)]
    pub consents: Vec<Consent>,
    /// The steps, in order.
    pub steps: Vec<FlowStepInput>,
}

/// One step: a plan event, and the sitting when it is a meeting event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FlowStepInput {
    /// The plan event.
    pub event: PlanEvent,
    /// The sitting the case was heard at (meeting events only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sitting: Option<Sitting>,
}

/// A sitting as the meeting check needs it (the roster and consents come from the flow).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sitting {
    /// The meeting.
    pub meeting: MeetingInfo,
    /// Members present.
    pub attendees: Vec<String>,
    /// Information categories to be shared.
    pub agenda: Vec<InfoCategory>,
    /// Members selected for this case, if the chair selected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<Vec<String>>,
}

/// The answer: each step judged by both modules, and where they disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FlowReport {
    /// The case's id.
    pub case_id: String,
    /// The routing decision, when the flow has an intake record.
    pub route: Option<RouteDecision>,
    /// Each step.
    pub steps: Vec<FlowStepReport>,
    /// Steps where the plan replay and the meeting check disagree (empty: one model).
    pub conflicts: Vec<Conflict>,
    /// The whole log replayed on `as_of`.
    pub plan: PlanReport,
}

/// One step judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FlowStepReport {
    /// The event type.
    pub event: EventType,
    /// Its day.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "crate::calendar::DayText")]
    pub date: NaiveDate,
    /// The case's standing before the step (from the replay).
    pub standing: Standing,
    /// Where the tracks stand after it.
    pub state: TrackStates,
    /// What the replay found wrong with this event.
    pub violations: Vec<Violation>,
    /// What the replay warns about at this event.
    pub warnings: Vec<Violation>,
    /// The meeting check of the sitting, if any.
    pub meeting: Option<MeetingDecision>,
}

/// A step where the two modules disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Conflict {
    /// Index into `steps`.
    pub step: usize,
    /// The rule the two verdicts break ([`R_FLOW_AGREE`]; added in issue #19).
    pub rule: &'static str,
    /// Japanese text.
    pub message_ja: String,
    /// English text.
    pub message_en: String,
}

/// Replay, meeting check and their agreement: every step's verdicts come from the modules
/// themselves; this only puts them side by side.
pub const R_FLOW_AGREE: Rule = Rule {
    id: "R-FLOW-AGREE",
    source: Some(&articles::SRC_GUIDANCE),
    ja: "プランの記録と会議の判定は同じ事例の段階（受理・支援決定・終結）に基づく",
    en: "the plan replay and the meeting check rest on the same standing of the case (acceptance, support decision, closing)",
};

fn log(flow: &Flow, events: &[PlanEvent], as_of: NaiveDate) -> PlanLog {
    PlanLog {
        case_id: flow.case_id.clone(),
        as_of,
        options: flow.options.clone(),
        consents: flow.consents.clone(),
        subjects: flow.subjects.clone(),
        events: events.to_vec(),
    }
}

/// Move a plan log's error path into the flow (`/events/3/…` → `/steps/3/event/…`).
fn plan_path(path: &str) -> String {
    match path.strip_prefix("/events/") {
        Some(rest) => {
            let (i, tail) = rest.split_once('/').unwrap_or((rest, ""));
            if tail.is_empty() {
                format!("/steps/{i}/event")
            } else {
                format!("/steps/{i}/event/{tail}")
            }
        }
        None => path.to_string(),
    }
}

/// Move a meeting check's error path into the flow's step `i`.
fn meeting_path(path: &str, i: usize) -> String {
    for field in ["/meeting", "/attendees", "/agenda", "/selected"] {
        if path.starts_with(field) {
            return format!("/steps/{i}/sitting{path}");
        }
    }
    match path.strip_prefix("/case") {
        Some("/subjects") | Some("") => "/subjects".into(),
        Some(rest) if rest.starts_with("/subjects/") => rest.into(),
        _ => path.to_string(),
    }
}

fn check_of(flow: &Flow, sitting: &Sitting, standing: Standing) -> MeetingCheck {
    MeetingCheck {
        case: CaseRef {
            id: flow.case_id.clone(),
            subjects: flow.subjects.clone(),
            under_multi_agency: standing.support_decided(),
            standing: Some(standing),
            subject_facts: Vec::new(),
            dv: None,
            address_confidential: false,
        },
        meeting: sitting.meeting.clone(),
        members: flow.members.clone(),
        attendees: sitting.attendees.clone(),
        consents: flow.consents.clone(),
        agenda: sitting.agenda.clone(),
        selected: sitting.selected.clone(),
    }
}

fn not_meeting(i: usize, kind: EventType) -> Error {
    Error::new(
        flow_codes::SITTING_NOT_MEETING,
        format!("/steps/{i}/sitting"),
        format!(
            "「{}」は会議の出来事ではないため、sitting は書けません",
            kind.key()
        ),
        format!(
            "'{}' is not a meeting event: it takes no sitting",
            kind.key()
        ),
    )
}

/// Check a decoded flow: the plan log's errors, each sitting's errors (paths into the flow), and
/// sittings on events that are not meetings.
pub fn validate(flow: &Flow) -> Result<(), Errors> {
    let mut errors = Vec::new();
    let events: Vec<PlanEvent> = flow.steps.iter().map(|s| s.event.clone()).collect();
    if let Err(e) = crate::plan::validate(&log(flow, &events, flow.as_of)) {
        errors.extend(e.errors.into_iter().map(|mut x| {
            x.path = plan_path(&x.path);
            x
        }));
    }
    for (i, s) in flow.steps.iter().enumerate() {
        let Some(sitting) = &s.sitting else { continue };
        if !s.event.kind.is_meeting() {
            errors.push(Error::new(
                flow_codes::SITTING_NOT_MEETING,
                format!("/steps/{i}/sitting"),
                format!(
                    "「{}」は会議の出来事ではないため、sitting は書けません",
                    s.event.kind.key()
                ),
                format!(
                    "'{}' is not a meeting event: it takes no sitting",
                    s.event.kind.key()
                ),
            ));
            continue;
        }
        let check = check_of(flow, sitting, Standing::NotAccepted);
        if let Err(e) = crate::meeting::validate(&check) {
            errors.extend(e.errors.into_iter().map(|mut x| {
                x.path = meeting_path(&x.path, i);
                x
            }));
        }
    }
    if let Some(case) = &flow.route {
        if let Err(e) = crate::routing::route_case(case) {
            errors.extend(e.errors.into_iter().map(|mut x| {
                x.path = format!("/route{}", x.path);
                x
            }));
        }
    }
    Errors::check(errors)
}

/// Whether a meeting decision lets the event be held as the plan records it: a 重層的支援会議
/// event needs the case taken as a 重層的支援会議 (alone or in a combined sitting), a 支援会議
/// event as a 支援会議.
fn meeting_allows(kind: EventType, d: &MeetingDecision) -> bool {
    let want = if kind.at_jusou_meeting() {
        MeetingKind::JusouMeeting
    } else {
        MeetingKind::SupportMeeting
    };
    d.allowed && (d.mode == Some(want) || d.mode == Some(MeetingKind::Combined))
}

/// Walk a flow (decoded and valid).
pub fn run(flow: &Flow) -> FlowReport {
    let events: Vec<PlanEvent> = flow.steps.iter().map(|s| s.event.clone()).collect();
    let route = flow
        .route
        .as_ref()
        .and_then(|c| crate::routing::route_case(c).ok());
    let checks = flow
        .steps
        .iter()
        .map(|s| {
            s.sitting
                .as_ref()
                .map(|sit| check_of(flow, sit, Standing::NotAccepted))
        })
        .collect();
    walk(&log(flow, &events, flow.as_of), route, checks)
}

/// The walk itself, on the decoded parts: the whole log, the routing decision, and per step the
/// sitting's meeting check (its standing is set from the replay before the step).
fn walk(
    whole: &PlanLog,
    route: Option<RouteDecision>,
    mut checks: Vec<Option<MeetingCheck>>,
) -> FlowReport {
    let mut steps = Vec::with_capacity(whole.events.len());
    let mut conflicts = Vec::new();
    let mut standing = Standing::NotAccepted;
    let mut upto = PlanLog {
        events: Vec::with_capacity(whole.events.len()),
        ..whole.clone()
    };
    for (i, e) in whole.events.iter().enumerate() {
        upto.events.push(e.clone());
        upto.as_of = e.date;
        let r = crate::plan::replay(&upto);
        let here = |v: &Vec<Violation>| -> Vec<Violation> {
            v.iter().filter(|x| x.event_index == i).cloned().collect()
        };
        let violations = here(&r.violations);
        let meeting = checks.get_mut(i).and_then(Option::as_mut).map(|check| {
            check.case.standing = Some(standing);
            check.case.under_multi_agency = standing.support_decided();
            crate::meeting::check(check)
        });
        if let Some(d) = &meeting {
            let by_plan = violations.is_empty();
            let by_meeting = meeting_allows(e.kind, d);
            if by_plan != by_meeting {
                let (pja, pen) = if by_plan {
                    (
                        "プランの記録は認めるが、会議の判定は認めない",
                        "the plan replay accepts it but the meeting check refuses it",
                    )
                } else {
                    (
                        "会議の判定は認めるが、プランの記録は認めない",
                        "the meeting check allows it but the plan replay refuses it",
                    )
                };
                conflicts.push(Conflict {
                    step: i,
                    rule: R_FLOW_AGREE.id,
                    message_ja: format!(
                        "{}（{}、{}）: {pja}",
                        e.kind.key(),
                        e.date,
                        R_FLOW_AGREE.ja
                    ),
                    message_en: format!(
                        "{} on {}: {pen} ({})",
                        e.kind.key(),
                        e.date,
                        R_FLOW_AGREE.en
                    ),
                });
            }
        }
        steps.push(FlowStepReport {
            event: e.kind,
            date: e.date,
            standing,
            state: r.state,
            violations,
            warnings: here(&r.warnings),
            meeting,
        });
        standing = r.state.multi_agency.standing();
    }
    FlowReport {
        case_id: whole.case_id.clone(),
        route,
        steps,
        conflicts,
        plan: crate::plan::replay(whole),
    }
}

/// The flow as raw pieces: each is decoded by the very decoder of its own operation (the plan
/// log's, the meeting check's, the intake record's), so the WebAssembly module carries no second
/// copy of them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFlow<'a> {
    #[serde(default, borrow)]
    #[allow(dead_code)] // free text, not judged
    note: Option<&'a RawValue>,
    #[serde(borrow)]
    case_id: &'a RawValue,
    #[serde(borrow)]
    subjects: &'a RawValue,
    #[serde(borrow)]
    as_of: &'a RawValue,
    #[serde(default, borrow)]
    route: Option<&'a RawValue>,
    #[serde(default, borrow)]
    options: Option<&'a RawValue>,
    #[serde(default, borrow)]
    members: Option<&'a RawValue>,
    #[serde(default, borrow)]
    consents: Option<&'a RawValue>,
    #[serde(borrow)]
    steps: Vec<RawStep<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep<'a> {
    #[serde(borrow)]
    event: &'a RawValue,
    #[serde(default, borrow)]
    sitting: Option<&'a RawValue>,
}

fn raw_or<'a>(v: Option<&'a RawValue>, default: &'a str) -> &'a str {
    v.map_or(default, RawValue::get)
}

fn moved(e: Errors, to: impl Fn(&str) -> String) -> impl Iterator<Item = Error> {
    e.errors.into_iter().map(move |mut x| {
        x.path = to(&x.path);
        x
    })
}

/// Decode, validate and walk: the entry point every binding calls (`api::call("flow", …)`).
pub fn run_json(input: &str) -> Result<FlowReport, Errors> {
    let raw: RawFlow<'_> = decode(input)?;
    let mut errors = Vec::new();
    let events: Vec<&str> = raw.steps.iter().map(|s| s.event.get()).collect();
    let log_text = format!(
        r#"{{"case_id":{},"as_of":{},"subjects":{},"options":{},"consents":{},"events":[{}]}}"#,
        raw.case_id.get(),
        raw.as_of.get(),
        raw.subjects.get(),
        raw_or(raw.options, "null"),
        raw_or(raw.consents, "[]"),
        events.join(",")
    );
    let log = match decode::<PlanLog>(&log_text) {
        Ok(log) => {
            if let Err(e) = crate::plan::validate(&log) {
                errors.extend(moved(e, plan_path));
            }
            Some(log)
        }
        Err(e) => {
            errors.extend(moved(e, plan_path));
            None
        }
    };
    let case = format!(
        r#"{{"id":{},"subjects":{}}}"#,
        raw.case_id.get(),
        raw.subjects.get()
    );
    let mut checks = Vec::with_capacity(raw.steps.len());
    for (i, s) in raw.steps.iter().enumerate() {
        let Some(sitting) = s.sitting else {
            checks.push(None);
            continue;
        };
        if let Some(kind) = log.as_ref().and_then(|l| l.events.get(i)).map(|e| e.kind) {
            if !kind.is_meeting() {
                errors.push(not_meeting(i, kind));
                checks.push(None);
                continue;
            }
        }
        // The sitting's own fields follow the case, roster and consents the flow shares.
        let body = sitting.get().trim_start().strip_prefix('{').unwrap_or("}");
        let sep = if body.trim_start().starts_with('}') {
            ""
        } else {
            ","
        };
        let text = format!(
            r#"{{"case":{case},"members":{},"consents":{}{sep}{body}"#,
            raw_or(raw.members, "[]"),
            raw_or(raw.consents, "[]"),
        );
        let check = decode::<MeetingCheck>(&text).and_then(|c| {
            crate::meeting::validate(&c)?;
            Ok(c)
        });
        match check {
            Ok(c) => checks.push(Some(c)),
            Err(e) => {
                errors.extend(moved(e, |p| meeting_path(p, i)));
                checks.push(None);
            }
        }
    }
    let route = match raw.route {
        Some(r) => match crate::routing::route_json(r.get()) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.extend(moved(e, |p| format!("/route{p}")));
                None
            }
        },
        None => None,
    };
    Errors::check(errors)?;
    match log {
        Some(log) => Ok(walk(&log, route, checks)),
        // Unreachable: a log that failed to decode left an error above.
        None => Err(Errors { errors: Vec::new() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A flow whose one sitting is of `kind`, recorded as a `support_meeting` event.
    fn flow(kind: &str) -> String {
        format!(
            r#"{{"case_id": "c", "subjects": ["A"], "as_of": "2026-06-01",
              "members": [{{"id": "m1", "name": "甲", "organisation": "X市", "appointed": true}}],
              "steps": [
                {{"event": {{"type": "referral", "date": "2026-05-01", "organisation": "包括"}}}},
                {{"event": {{"type": "support_meeting", "date": "2026-05-10", "organisation": "X市",
                   "meeting_id": "s-1"}},
                 "sitting": {{"meeting": {{"kind": "{kind}", "local_name": "会議",
                   "organiser": {{"kind": "municipality", "name": "X市"}}, "date": "2026-05-10",
                   "municipality_runs_project": true}}, "attendees": ["m1"], "agenda": ["basic"]}}}}]}}"#
        )
    }

    #[test]
    fn a_step_the_two_modules_judge_differently_is_a_conflict() {
        assert!(run_json(&flow("support_meeting"))
            .unwrap()
            .conflicts
            .is_empty());
        // The log says 支援会議, the sitting was a 重層的支援会議 without consent: the replay accepts
        // the event, the meeting check refuses the case.
        let r = run_json(&flow("jusou_meeting")).unwrap();
        assert_eq!(r.conflicts.len(), 1);
        assert_eq!(r.conflicts[0].step, 1);
        assert_eq!(r.steps[1].standing, Standing::NotAccepted);
    }

    #[test]
    fn errors_point_into_the_flow() {
        let bad =
            flow("support_meeting").replace(r#""attendees": ["m1"]"#, r#""attendees": ["x"]"#);
        let e = run_json(&bad).unwrap_err();
        assert_eq!(
            e.code_paths(),
            vec![(
                crate::meeting::check::meet_codes::UNKNOWN_ATTENDEE,
                "/steps/1/sitting/attendees/0"
            )]
        );
    }
}
