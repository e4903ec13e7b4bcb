//! The replay: one pass over the events, three small state machines, consent checks at every
//! 重層的支援会議. Linear in the number of events (consent look-ups go through a map built once).

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::rules::*;
use super::*;
use crate::meeting::consent::{InfoCategory, Recipient};
use crate::rule::Rule;

/// Replay a decoded log (call [`validate`] first for input errors; replay itself never fails and
/// never panics, whatever the log).
pub fn replay(log: &PlanLog) -> PlanReport {
    let interval = log
        .options
        .as_ref()
        .and_then(|o| o.monitoring_interval_days)
        .unwrap_or(DEFAULT_MONITORING_INTERVAL_DAYS);
    let mut by_id: HashMap<&str, &Consent> = HashMap::with_capacity(log.consents.len());
    for c in &log.consents {
        by_id.entry(c.id.as_str()).or_insert(c);
    }
    let mut st = TrackStates {
        multi_agency: MultiAgencyState::NotStarted,
        outreach: OutreachState::NotStarted,
        participation: ParticipationState::NotStarted,
    };
    let mut plan: Option<&PlanContent> = None;
    let mut latest: Option<NaiveDate> = None;
    let mut monitor_from: Option<NaiveDate> = None;
    let mut violations = Vec::new();
    let mut warnings = Vec::new();
    let mut found: Vec<Finding> = Vec::new();
    let mut soft: Vec<Finding> = Vec::new();
    let mut episode = 1u32;
    let mut notes = Vec::new();

    for (i, e) in log.events.iter().enumerate() {
        if let Some(prev) = latest {
            if e.date < prev {
                found.push(R_PLAN_ORDER.finding_with(
                    format!(
                        "{}（{}）が前の出来事（{prev}）より前の日付です",
                        e.kind.key(),
                        e.date
                    ),
                    format!(
                        "{} on {} is dated before an earlier event ({prev})",
                        e.kind.key(),
                        e.date
                    ),
                ));
            }
        }
        latest = Some(latest.map_or(e.date, |p| p.max(e.date)));
        if e.date > log.as_of {
            found.push(R_PLAN_FUTURE.finding_with(
                format!(
                    "{}（{}）が基準日（{}）より後です",
                    e.kind.key(),
                    e.date,
                    log.as_of
                ),
                format!(
                    "{} on {} is after the as-of date {}",
                    e.kind.key(),
                    e.date,
                    log.as_of
                ),
            ));
        }
        // A referral after 終結 opens a new episode: the old plan and its clock end with it.
        if e.kind == EventType::Referral
            && matches!(
                st.multi_agency,
                MultiAgencyState::Closed | MultiAgencyState::Returned
            )
        {
            st.multi_agency = MultiAgencyState::NotStarted;
            plan = None;
            monitor_from = None;
            episode += 1;
            notes.push(Violation {
                event_index: i,
                finding: R_PLAN_NEW_EPISODE.finding_with(
                    format!(
                        "{}（{}）: {}（第{episode}エピソード）",
                        e.kind.key(),
                        e.date,
                        R_PLAN_NEW_EPISODE.ja
                    ),
                    format!(
                        "{} on {}: {} (episode {episode})",
                        e.kind.key(),
                        e.date,
                        R_PLAN_NEW_EPISODE.en
                    ),
                ),
            });
        }
        if e.kind.at_jusou_meeting() {
            let needs = if e.kind == EventType::JusouMeetingReview {
                Need::PlanConsent(plan)
            } else {
                Need::AnyConsent
            };
            let who = Who {
                subjects: &log.subjects,
                organiser: Some(&e.organisation),
            };
            consent_check(log, &by_id, needs, who, e.date, &mut found);
        }
        let ctx = Step {
            kind: e.kind,
            outcome: e.outcome.unwrap_or(ReviewOutcome::Revise),
            reason: e.reason.unwrap_or(CloseReason::GoalReached),
            host_assessed: e.host_assessed == Some(true),
        };
        let broke = match e.kind.track() {
            Track::MultiAgency => {
                let (next, broke) = multi_agency(st.multi_agency, ctx);
                st.multi_agency = next;
                broke
            }
            Track::Outreach => {
                let (next, broke) = outreach(st.outreach, ctx);
                st.outreach = next;
                broke
            }
            Track::Participation => {
                let (next, broke) = participation(st.participation, ctx);
                st.participation = next;
                broke
            }
            Track::Common => None,
        };
        if let Some(rule) = broke {
            found.push(rule.finding_with(
                format!("{}: {}（{}）", rule.ja, e.kind.key(), e.date),
                format!("{}: {} on {}", rule.en, e.kind.key(), e.date),
            ));
        }
        if e.kind == EventType::Matching && !ctx.host_assessed {
            found.push(R_PLAN_HOST.finding());
        }
        match e.kind {
            EventType::PlanDrafted => {
                if let Some(p) = &e.plan {
                    // Only 「支援の種類及び内容」 is the statute's (第6号); the rest of the form is
                    // the manual's, a warning until the ordinance is verified.
                    let mut content = Vec::new();
                    content::check(p, e.date, |id| by_id.contains_key(id), &mut content);
                    for f in content {
                        if f.rule == R_PLAN_CONTENT_ITEMS.id {
                            found.push(f);
                        } else {
                            soft.push(f);
                        }
                    }
                }
                plan = e.plan.as_ref();
            }
            EventType::SupportStarted => monitor_from = Some(e.date),
            EventType::Monitoring if st.multi_agency == MultiAgencyState::InSupport => {
                monitor_from = Some(e.date)
            }
            _ => {}
        }
        violations.extend(found.drain(..).map(|finding| Violation {
            event_index: i,
            finding: dated(finding, e.date),
        }));
        warnings.extend(soft.drain(..).map(|finding| Violation {
            event_index: i,
            finding: dated(finding, e.date),
        }));
    }

    let mut deadlines = Vec::new();
    if st.multi_agency == MultiAgencyState::InSupport {
        if let Some(due) =
            monitor_from.and_then(|d| d.checked_add_days(Days::new(u64::from(interval))))
        {
            let overdue = due < log.as_of;
            let (ja, en) = if overdue {
                (
                    format!(
                        "モニタリングの期限（{due}、間隔{interval}日）を過ぎています（基準日{}）",
                        log.as_of
                    ),
                    format!(
                        "monitoring was due on {due} (every {interval} days) and is overdue on {}",
                        log.as_of
                    ),
                )
            } else {
                (
                    format!("次のモニタリングは{due}までに行います（間隔{interval}日）"),
                    format!("next monitoring is due by {due} (every {interval} days)"),
                )
            };
            deadlines.push(Deadline {
                track: Track::MultiAgency,
                kind: DeadlineKind::Monitoring,
                due_on: due,
                overdue,
                finding: R_PLAN_MONITORING_DUE.finding_with(ja, en),
            });
        }
    }

    let next_events = next_events(log, &by_id, st, plan);
    PlanReport {
        case_id: log.case_id.clone(),
        as_of: log.as_of,
        valid: violations.is_empty(),
        state: st,
        next_events,
        deadlines,
        monitoring_interval_days: interval,
        violations,
        warnings,
        notes,
        episode,
    }
}

fn subjects_text(subjects: &[String]) -> String {
    if subjects.is_empty() {
        "—".into()
    } else {
        subjects.join(", ")
    }
}

/// A privacy citation as in force on the event's day.
fn dated(mut f: Finding, date: NaiveDate) -> Finding {
    if let Some(c) = f.citation {
        f.citation = Some(crate::law::articles::PrivacyBasis::dated(c, date));
    }
    f
}

/// Whose consent counts and for whom: the case's subject and the meeting's organiser (the
/// 多機関協働事業者).
#[derive(Clone, Copy)]
struct Who<'a> {
    /// The case's subjects; empty when not stated.
    subjects: &'a [String],
    /// `None` when not yet known (the next sitting): then not judged.
    organiser: Option<&'a str>,
}

/// What a 重層的支援会議 event rests on.
#[derive(Clone, Copy)]
enum Need<'a> {
    /// A plan review: the consent the plan names (none when there is no plan).
    PlanConsent(Option<&'a PlanContent>),
    /// Any of the case's consents.
    AnyConsent,
}

/// Whether the needed consent is valid on `date`, with the finding when not (or when the plan's
/// consent does not cover an organisation responsible for a support item).
fn consent_check(
    log: &PlanLog,
    by_id: &HashMap<&str, &Consent>,
    need: Need<'_>,
    who: Who<'_>,
    date: NaiveDate,
    out: &mut Vec<Finding>,
) {
    let all: Vec<&Consent> = match need {
        Need::PlanConsent(p) => p
            .and_then(|p| p.consent_id.as_deref())
            .and_then(|id| by_id.get(id).copied())
            .into_iter()
            .collect(),
        Need::AnyConsent => log.consents.iter().collect(),
    };
    // A consent counts only for its own subject and for the 多機関協働事業者 it names.
    let (candidates, misfits): (Vec<&Consent>, Vec<&Consent>) = all.into_iter().partition(|c| {
        (who.subjects.is_empty() || who.subjects.contains(&c.subject))
            && who.organiser.is_none_or(|o| {
                c.names(Recipient {
                    id: o,
                    organisation: Some(o),
                    role: None,
                })
            })
    });
    if let Some(valid) = candidates.iter().find(|c| c.valid_on(date)) {
        if let Need::PlanConsent(Some(p)) = need {
            let missing: Vec<&str> = p
                .items
                .iter()
                .map(|i| i.organisation.as_str())
                .filter(|org| {
                    !valid.covers(
                        date,
                        Recipient {
                            id: org,
                            organisation: Some(org),
                            role: None,
                        },
                        InfoCategory::Basic,
                    )
                })
                .collect();
            if !missing.is_empty() {
                let list = missing.join("、");
                out.push(R_PLAN_CONSENT_SCOPE.finding_with(
                    format!(
                        "同意「{}」の範囲に支援を担う機関（{list}）が含まれていません",
                        valid.id
                    ),
                    format!(
                        "consent '{}' does not name the responsible organisation(s) {list}",
                        valid.id
                    ),
                ));
            }
        }
        return;
    }
    let withdrawn = candidates
        .iter()
        .find(|c| c.given_on <= date && c.withdrawn_on.is_some_and(|w| w <= date));
    if withdrawn.is_none() {
        if let Some(c) = misfits.iter().find(|c| c.valid_on(date)) {
            out.push(R_PLAN_CONSENT_SUBJECT.finding_with(
                format!(
                    "同意「{}」（本人{}）は事例の対象者（{}）の同意でないか、主催者（多機関協働事業者）「{}」を名指ししていないため、{date}の重層的支援会議の根拠になりません",
                    c.id,
                    c.subject,
                    subjects_text(who.subjects),
                    who.organiser.unwrap_or("—")
                ),
                format!(
                    "consent '{}' (of {}) is not a consent of the case's subjects ({}) or does not name the organiser (the multi-agency provider) '{}', so it is no basis for the jusou meeting on {date}",
                    c.id,
                    c.subject,
                    subjects_text(who.subjects),
                    who.organiser.unwrap_or("—")
                ),
            ));
            return;
        }
    }
    match withdrawn {
        Some(c) => out.push(R_PLAN_CONSENT_WITHDRAWN.finding_with(
            format!(
                "同意「{}」は{}に撤回されており、{date}の重層的支援会議では扱えません（支援会議は可能です）",
                c.id,
                c.withdrawn_on.map(|w| w.to_string()).unwrap_or_default()
            ),
            format!(
                "consent '{}' was withdrawn on {}: no jusou meeting on {date} until consent is given again (a support meeting stays possible)",
                c.id,
                c.withdrawn_on.map(|w| w.to_string()).unwrap_or_default()
            ),
        )),
        None => out.push(R_PLAN_CONSENT.finding_with(
            format!("{date}に有効な本人同意がないため、重層的支援会議では扱えません（支援会議で扱います）"),
            format!("no consent valid on {date}: the case cannot go to a jusou meeting (use a support meeting)"),
        )),
    }
}

/// What a state machine needs to know about an event.
#[derive(Clone, Copy)]
struct Step {
    kind: EventType,
    outcome: ReviewOutcome,
    reason: CloseReason,
    host_assessed: bool,
}

/// The 多機関協働 track: the next state and the rule broken, if any. A broken step still moves
/// the track where the event leads (one mistake, one violation).
fn multi_agency(s: MultiAgencyState, e: Step) -> (MultiAgencyState, Option<&'static Rule>) {
    use EventType as T;
    use MultiAgencyState as M;
    let ended = matches!(s, M::Closed | M::Returned);
    // Active after 受理: where re-assessment, new plans and returning are possible.
    let active = !matches!(s, M::NotStarted | M::Referred) && !ended;
    let ok = |next: M| (next, None);
    let bad = |next: M, rule: &'static Rule| (next, Some(rule));
    match e.kind {
        T::Watching if ended => ok(s),
        T::Watching => bad(s, &R_PLAN_SEQUENCE),
        // A referral after 終結 opens a new episode (the replay counts it).
        T::Referral if ended => ok(M::Referred),
        _ if ended => bad(s, &R_PLAN_AFTER_CLOSE),
        T::Referral if s == M::NotStarted => ok(M::Referred),
        T::Referral => bad(s, &R_PLAN_SEQUENCE),
        T::Accepted if s == M::Referred => ok(M::Accepted),
        T::Accepted if s == M::NotStarted => bad(M::Accepted, &R_PLAN_SEQUENCE),
        T::Accepted => bad(s, &R_PLAN_SEQUENCE),
        T::Assessment if s == M::Accepted => ok(M::Assessed),
        T::Assessment if active => ok(s),
        T::Assessment => bad(M::Assessed, &R_PLAN_SEQUENCE),
        T::PlanDrafted if active && s != M::Accepted => ok(M::PlanDrafted),
        T::PlanDrafted => bad(M::PlanDrafted, &R_PLAN_SEQUENCE),
        T::JusouMeetingReview => {
            let next = match e.outcome {
                ReviewOutcome::Approved => M::PlanApproved,
                ReviewOutcome::Revise => M::PlanToRevise,
            };
            if s == M::PlanDrafted {
                ok(next)
            } else {
                bad(next, &R_PLAN_SEQUENCE)
            }
        }
        T::SupportDecision if s == M::PlanApproved => ok(M::SupportDecided),
        T::SupportDecision => bad(M::SupportDecided, &R_PLAN_DECISION),
        T::SupportStarted if s == M::SupportDecided => ok(M::InSupport),
        T::SupportStarted => bad(M::InSupport, &R_PLAN_SUPPORT_START),
        T::Monitoring if s == M::InSupport => ok(s),
        T::Monitoring => bad(s, &R_PLAN_SEQUENCE),
        T::Evaluation if s == M::InSupport => ok(M::Evaluated),
        T::Evaluation => bad(M::Evaluated, &R_PLAN_SEQUENCE),
        T::Closed if e.reason.ends_by_itself() && s != M::NotStarted => ok(M::Closed),
        T::Closed if e.reason.ends_by_itself() => bad(M::Closed, &R_PLAN_SEQUENCE),
        T::Closed if s == M::Evaluated => ok(M::Closed),
        T::Closed => bad(M::Closed, &R_PLAN_CLOSE),
        T::ReturnedToComprehensive if active => ok(M::Returned),
        T::ReturnedToComprehensive => bad(M::Returned, &R_PLAN_SEQUENCE),
        // Events of other tracks never reach here; leave the state as it is.
        _ => ok(s),
    }
}

/// Rank of an アウトリーチ state along its path.
const fn outreach_rank(s: OutreachState) -> u8 {
    match s {
        OutreachState::NotStarted => 0,
        OutreachState::Gathering => 1,
        OutreachState::PreCoordinated => 2,
        OutreachState::BuildingRelationship => 3,
        OutreachState::Visiting => 4,
        OutreachState::StablyConnected => 5,
        OutreachState::Closed => 6,
    }
}

/// Where an アウトリーチ event leads and the rank the track must have reached first.
fn outreach_path(e: Step) -> Option<(OutreachState, u8)> {
    use EventType as T;
    use OutreachState as O;
    // The stages are typical, not a ladder: any may come first (a home visit before letters is
    // no breach). Only closing as goal reached needs the stable connection.
    Some(match e.kind {
        T::InformationGathering => (O::Gathering, 0),
        T::PreCoordination => (O::PreCoordinated, 0),
        T::RelationshipBuilding => (O::BuildingRelationship, 0),
        T::HomeVisit | T::Accompaniment => (O::Visiting, 0),
        T::StableConnection => (O::StablyConnected, 0),
        // The 重層的支援会議 reviews an outreach plan and evaluates it once outreach is under way.
        T::OutreachPlanReview | T::OutreachEvaluation => (O::Gathering, 1),
        T::OutreachClosed if e.reason.ends_by_itself() => (O::Closed, 1),
        T::OutreachClosed => (O::Closed, 5),
        _ => return None,
    })
}

/// The アウトリーチ等 track: each step needs the one before it; earlier steps may recur later
/// (more visits, more information) without moving the track back.
fn outreach(s: OutreachState, e: Step) -> (OutreachState, Option<&'static Rule>) {
    use OutreachState as O;
    if s == O::Closed {
        return (s, Some(&R_PLAN_AFTER_CLOSE));
    }
    let Some((target, needs)) = outreach_path(e) else {
        return (s, None);
    };
    let next = if outreach_rank(target) > outreach_rank(s) {
        target
    } else {
        s
    };
    if outreach_rank(s) >= needs {
        (next, None)
    } else {
        (next, Some(&R_PLAN_OUTREACH_SEQUENCE))
    }
}

/// Rank of a 参加支援 state along its path.
const fn participation_rank(s: ParticipationState) -> u8 {
    match s {
        ParticipationState::NotStarted => 0,
        ParticipationState::Decided => 1,
        ParticipationState::Intake => 2,
        ParticipationState::Assessed => 3,
        ParticipationState::Planned => 4,
        ParticipationState::Matched => 5,
        ParticipationState::SettlingIn => 6,
        ParticipationState::Closed => 7,
    }
}

/// Where a 参加支援 event leads and the rank the track must have reached first.
fn participation_path(e: Step) -> Option<(ParticipationState, u8)> {
    use EventType as T;
    use ParticipationState as P;
    Some(match e.kind {
        T::ParticipationDecided => (P::Decided, 0),
        T::ParticipationIntake => (P::Intake, 1),
        T::ParticipationAssessment => (P::Assessed, 2),
        T::ParticipationPlan => (P::Planned, 3),
        T::Matching => (P::Matched, 4),
        T::SettlingIn | T::FollowUp => (P::SettlingIn, 5),
        // The 重層的支援会議 reviews the 参加支援 plan once drafted, and evaluates it at the end.
        T::ParticipationPlanReview => (P::Planned, 4),
        T::ParticipationEvaluation => (P::SettlingIn, 6),
        T::ParticipationClosed if e.reason.ends_by_itself() => (P::Closed, 1),
        T::ParticipationClosed => (P::Closed, 6),
        _ => return None,
    })
}

/// The 参加支援 track: decided at the 重層的支援会議, then in order; follow-up contact continues
/// after the end.
fn participation(s: ParticipationState, e: Step) -> (ParticipationState, Option<&'static Rule>) {
    use EventType as T;
    use ParticipationState as P;
    if s == P::Closed {
        return if e.kind == T::FollowUp {
            (s, None)
        } else {
            (s, Some(&R_PLAN_AFTER_CLOSE))
        };
    }
    let Some((target, needs)) = participation_path(e) else {
        return (s, None);
    };
    let next = if participation_rank(target) > participation_rank(s) {
        target
    } else {
        s
    };
    if participation_rank(s) >= needs {
        (next, None)
    } else {
        (next, Some(&R_PLAN_PARTICIPATION_SEQUENCE))
    }
}

/// Allowed next events per track: those the state machine accepts now (a closing event counts
/// when any reason is accepted), without 重層的支援会議 events when no needed consent is valid on
/// `as_of`.
fn next_events(
    log: &PlanLog,
    by_id: &HashMap<&str, &Consent>,
    st: TrackStates,
    plan: Option<&PlanContent>,
) -> NextEvents {
    let mut out = NextEvents {
        common: vec![EventType::SupportMeeting],
        ..NextEvents::default()
    };
    for kind in EventType::ALL {
        let allowed = [
            (ReviewOutcome::Approved, CloseReason::GoalReached),
            (ReviewOutcome::Approved, CloseReason::Death),
        ]
        .into_iter()
        .any(|(outcome, reason)| {
            let e = Step {
                kind,
                outcome,
                reason,
                host_assessed: true,
            };
            // On the ranked tracks, list only steps that move forward or repeat the current
            // one (earlier steps may recur, but they are not what comes next).
            match kind.track() {
                Track::MultiAgency => multi_agency(st.multi_agency, e).1.is_none(),
                Track::Outreach => {
                    outreach(st.outreach, e).1.is_none()
                        && (st.outreach == OutreachState::Closed
                            || outreach_path(e).is_some_and(|(t, _)| {
                                outreach_rank(t) >= outreach_rank(st.outreach)
                            }))
                }
                Track::Participation => {
                    participation(st.participation, e).1.is_none()
                        && (st.participation == ParticipationState::Closed
                            || participation_path(e).is_some_and(|(t, _)| {
                                participation_rank(t) >= participation_rank(st.participation)
                            }))
                }
                Track::Common => false,
            }
        });
        if !allowed {
            continue;
        }
        if kind.at_jusou_meeting() {
            let need = if kind == EventType::JusouMeetingReview {
                Need::PlanConsent(plan)
            } else {
                Need::AnyConsent
            };
            let mut found = Vec::new();
            // The organiser is not known before the sitting: judge on subject and date alone.
            let who = Who {
                subjects: &log.subjects,
                organiser: None,
            };
            consent_check(log, by_id, need, who, log.as_of, &mut found);
            if found.iter().any(|f| f.rule != R_PLAN_CONSENT_SCOPE.id) {
                continue;
            }
        }
        match kind.track() {
            Track::MultiAgency => out.multi_agency.push(kind),
            Track::Outreach => out.outreach.push(kind),
            Track::Participation => out.participation.push(kind),
            Track::Common => {}
        }
    }
    out
}
