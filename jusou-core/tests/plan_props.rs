//! Property tests of the plan replay: it never panics on arbitrary logs, and every log it accepts
//! satisfies the lifecycle invariants, checked here independently of the replay's state machines.

use chrono::{Days, NaiveDate};
use jusou_core::meeting::consent::{
    Consent, ConsentForm, ConsentGiver, ConsentScope, GiverKind, InfoCategory,
};
use jusou_core::plan::{
    replay, CloseReason, EventType, MultiAgencyState, Period, PlanContent, PlanEvent, PlanLog,
    ReviewOutcome, SupportItem,
};
use proptest::prelude::*;

const ORGS: [&str; 2] = ["福祉相談室", "高齢者相談センター"];

fn day0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()
}

fn consent(id: &str, given: u64, withdrawn: Option<u64>) -> Consent {
    Consent {
        id: id.into(),
        subject: "B".into(),
        given_by: ConsentGiver {
            kind: GiverKind::Self_,
            name: None,
            capacity_note: None,
        },
        scope: ConsentScope {
            organisations: ORGS.iter().map(|s| s.to_string()).collect(),
            roles: vec![],
            persons: vec![],
            categories: vec![InfoCategory::Basic],
        },
        given_on: day0() + Days::new(given),
        valid_until: None,
        withdrawn_on: withdrawn.map(|w| day0() + Days::new(given + w)),
        form: ConsentForm::Written,
    }
}

fn plan(date: NaiveDate, consent_id: &str, good: bool) -> PlanContent {
    PlanContent {
        goals: if good { vec!["目標".into()] } else { vec![] },
        wishes: Some("本人の意向".into()),
        items: ORGS
            .iter()
            .enumerate()
            .map(|(i, o)| SupportItem {
                content: "支援".into(),
                organisation: o.to_string(),
                lead: i == 0,
            })
            .collect(),
        period: Period {
            start: date,
            end: date + Days::new(365),
        },
        next_monitoring_on: Some(date + Days::new(30)),
        consent_id: Some(consent_id.into()),
    }
}

/// One raw event: type index, day gap (may go back), outcome, reason, plan flavour, host flag.
type Raw = (usize, i8, bool, u8, u8, bool);

fn event(kind: EventType, date: NaiveDate, r: Raw) -> PlanEvent {
    let (_, _, approved, reason, plan_kind, host) = r;
    let reasons = [
        CloseReason::GoalReached,
        CloseReason::Death,
        CloseReason::MovedAway,
        CloseReason::ContactEnded,
    ];
    PlanEvent {
        kind,
        date,
        organisation: ORGS[0].into(),
        plan: (kind == EventType::PlanDrafted || plan_kind == 9).then(|| {
            let id = if plan_kind % 3 == 0 { "c2" } else { "c1" };
            plan(date, id, plan_kind != 1)
        }),
        outcome: (kind == EventType::JusouMeetingReview || plan_kind == 8).then_some(if approved {
            ReviewOutcome::Approved
        } else {
            ReviewOutcome::Revise
        }),
        reason: (kind.is_close() || plan_kind == 7).then(|| reasons[usize::from(reason % 4)]),
        resource: (kind == EventType::Matching).then(|| "サロン".into()),
        host_assessed: (kind == EventType::Matching).then_some(host),
        note: None,
        meeting_id: None,
    }
}

fn log_from(raws: &[Raw], consents: Vec<Consent>, as_of_extra: u8) -> PlanLog {
    let mut date = day0();
    let events = raws
        .iter()
        .map(|&r| {
            let gap = i64::from(r.1);
            date = if gap >= 0 {
                date + Days::new(gap as u64)
            } else {
                date - Days::new(gap.unsigned_abs())
            };
            event(EventType::ALL[r.0 % EventType::ALL.len()], date, r)
        })
        .collect();
    PlanLog {
        case_id: "p".into(),
        as_of: date + Days::new(u64::from(as_of_extra)),
        options: None,
        consents,
        subjects: Vec::new(),
        events,
    }
}

/// The lifecycle invariants of an accepted log, written without the replay's state machines.
fn check_invariants(log: &PlanLog) -> Result<(), String> {
    let mut prev = None;
    let mut approved = false; // latest plan approved at a 重層的支援会議
    let mut decided = false; // 支援決定 on the approved plan
    let mut started = false; // support under way
    let mut evaluated = false;
    let mut ma_ended = false;
    let mut outreach_closed = false;
    let mut part_closed = false;
    let mut current_consent: Option<String> = None;
    for (i, e) in log.events.iter().enumerate() {
        if prev.is_some_and(|p| e.date < p) {
            return Err(format!("{i}: out of date order"));
        }
        prev = Some(e.date);
        if e.date > log.as_of {
            return Err(format!("{i}: after as_of"));
        }
        if e.kind.at_jusou_meeting() {
            let ok = if e.kind == EventType::JusouMeetingReview {
                current_consent.as_deref().is_some_and(|id| {
                    log.consents
                        .iter()
                        .any(|c| c.id == id && c.valid_on(e.date))
                })
            } else {
                log.consents.iter().any(|c| c.valid_on(e.date))
            };
            if !ok {
                return Err(format!("{i}: jusou meeting without valid consent"));
            }
        }
        // A referral after the end opens a new episode.
        if ma_ended && e.kind == EventType::Referral {
            ma_ended = false;
            approved = false;
            decided = false;
            started = false;
            evaluated = false;
            current_consent = None;
        }
        if ma_ended
            && e.kind.track() == jusou_core::plan::Track::MultiAgency
            && e.kind != EventType::Watching
        {
            return Err(format!("{i}: step after 多機関協働 ended"));
        }
        if outreach_closed && e.kind.track() == jusou_core::plan::Track::Outreach {
            return Err(format!("{i}: step after outreach closed"));
        }
        if part_closed
            && e.kind.track() == jusou_core::plan::Track::Participation
            && e.kind != EventType::FollowUp
        {
            return Err(format!("{i}: step after participation closed"));
        }
        match e.kind {
            EventType::PlanDrafted => {
                let p = e.plan.as_ref().ok_or("plan missing")?;
                // Only 「支援の種類及び内容」 is the statute's; the rest are warnings.
                if p.items.is_empty()
                    || p.items
                        .iter()
                        .any(|x| x.content.trim().is_empty() || x.organisation.trim().is_empty())
                {
                    return Err(format!("{i}: accepted a plan without support items"));
                }
                current_consent = p.consent_id.clone();
                approved = false;
                decided = false;
                started = false;
                evaluated = false;
            }
            EventType::JusouMeetingReview => {
                approved = e.outcome == Some(ReviewOutcome::Approved);
            }
            EventType::SupportDecision => {
                if !approved {
                    return Err(format!("{i}: decision without approval"));
                }
                decided = true;
            }
            EventType::SupportStarted => {
                if !(approved && decided) {
                    return Err(format!(
                        "{i}: support started without approval and decision"
                    ));
                }
                started = true;
            }
            EventType::Monitoring if !started => {
                return Err(format!("{i}: monitoring before support started"));
            }
            EventType::Evaluation => {
                if !started {
                    return Err(format!("{i}: evaluation before support"));
                }
                evaluated = true;
            }
            EventType::Closed => {
                if e.reason == Some(CloseReason::GoalReached) && !evaluated {
                    return Err(format!("{i}: closed without evaluation"));
                }
                ma_ended = true;
            }
            EventType::ReturnedToComprehensive => ma_ended = true,
            EventType::Watching if !ma_ended => {
                return Err(format!("{i}: watching before the end"));
            }
            EventType::OutreachClosed => outreach_closed = true,
            EventType::ParticipationClosed => part_closed = true,
            EventType::Matching if e.host_assessed != Some(true) => {
                return Err(format!("{i}: matching without host assessment"));
            }
            _ => {}
        }
    }
    Ok(())
}

fn raw() -> impl Strategy<Value = Raw> {
    (
        0usize..32,
        -3i8..20,
        any::<bool>(),
        0u8..4,
        0u8..10,
        any::<bool>(),
    )
}

fn consents() -> impl Strategy<Value = Vec<Consent>> {
    (0u64..60, proptest::option::of(0u64..200), 0u64..300)
        .prop_map(|(g, w, g2)| vec![consent("c1", g, w), consent("c2", g2, None)])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Arbitrary sequences (even ones `validate` would reject) never panic, and `valid` matches
    /// the violations; an accepted log satisfies the invariants.
    #[test]
    fn arbitrary_logs(raws in proptest::collection::vec(raw(), 0..40), cs in consents(), extra in 0u8..200) {
        let log = log_from(&raws, cs, extra);
        let r = replay(&log);
        prop_assert_eq!(r.valid, r.violations.is_empty());
        prop_assert!(r.violations.iter().all(|v| v.event_index < log.events.len()));
        if r.valid {
            prop_assert_eq!(check_invariants(&log), Ok(()));
        }
    }

    /// Walks that follow `next_events` (so most are accepted): every accepted one satisfies the
    /// invariants, and a log accepted with 多機関協働 closed reports it closed.
    #[test]
    fn guided_walks(choices in proptest::collection::vec((any::<u16>(), 0i8..15, raw()), 1..30), cs in consents()) {
        let mut log = log_from(&[], cs, 0);
        let mut date = day0();
        for (pick, gap, r) in choices {
            log.as_of = date + Days::new(gap as u64);
            let report = replay(&log);
            let next = &report.next_events;
            let all: Vec<EventType> = next.multi_agency.iter()
                .chain(&next.outreach).chain(&next.participation).chain(&next.common)
                .copied().collect();
            if all.is_empty() { break; }
            date = log.as_of;
            let kind = all[usize::from(pick) % all.len()];
            let mut e = event(kind, date, (0, 0, r.2, r.3, if r.4 == 1 { 2 } else { r.4 % 7 }, true));
            if kind == EventType::Closed && report.state.multi_agency != MultiAgencyState::Evaluated {
                e.reason = Some(CloseReason::Death);
            }
            log.events.push(e);
        }
        let r = replay(&log);
        prop_assert_eq!(r.valid, r.violations.is_empty());
        if r.valid {
            prop_assert_eq!(check_invariants(&log), Ok(()));
            let last = log.events.iter().rev().find(|e| {
                e.kind.track() == jusou_core::plan::Track::MultiAgency && e.kind != EventType::Watching
            });
            if last.is_some_and(|e| e.kind == EventType::Closed) {
                prop_assert_eq!(r.state.multi_agency, MultiAgencyState::Closed);
            }
        }
    }

    /// The JSON entry point never panics on arbitrary text.
    #[test]
    fn json_never_panics(s in "\\PC{0,200}") {
        let _ = jusou_core::plan::replay_json(&s);
    }
}

#[test]
fn guided_walks_are_mostly_accepted() {
    // A sanity check on the generator: the plain happy path is accepted.
    let log = log_from(
        &[
            (0, 0, true, 0, 0, true),  // referral
            (1, 1, true, 0, 0, true),  // accepted
            (2, 1, true, 0, 0, true),  // assessment
            (3, 1, true, 0, 2, true),  // plan (c1)
            (4, 1, true, 0, 0, true),  // review approved
            (5, 1, true, 0, 0, true),  // decision
            (6, 1, true, 0, 0, true),  // started
            (7, 1, true, 0, 0, true),  // monitoring
            (8, 1, true, 0, 0, true),  // evaluation
            (9, 1, true, 0, 0, true),  // closed
            (11, 1, true, 0, 0, true), // watching
        ],
        vec![consent("c1", 0, None)],
        0,
    );
    let r = replay(&log);
    assert!(r.valid, "{:?}", r.violations);
    assert_eq!(check_invariants(&log), Ok(()));
}
