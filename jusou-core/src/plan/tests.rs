//! Unit tests: compiled only under #[cfg(test)] (declared in mod.rs).
//! Unit tests: every rule fires once where it should and stays silent where it must.

use serde_json::{json, Value};

use super::rules::*;
use super::*;

const SODAN: &str = "福祉相談室";
const CENTER: &str = "高齢者相談センター";

fn consent(id: &str, given: &str) -> Value {
    json!({"id": id, "subject": "B", "given_by": {"kind": "self"},
           "scope": {"organisations": [SODAN, CENTER], "categories": ["basic"]},
           "given_on": given, "form": {"kind": "written"}})
}

fn plan() -> Value {
    json!({"goals": ["自宅で暮らし続ける"], "wishes": "家にいたい",
           "items": [{"content": "介護サービスの調整", "organisation": CENTER, "lead": true},
                     {"content": "全体の調整", "organisation": SODAN}],
           "period": {"start": "2026-06-01", "end": "2027-03-31"},
           "next_monitoring_on": "2026-08-01", "consent_id": "c1"})
}

fn ev(kind: &str, date: &str) -> Value {
    json!({"type": kind, "date": date, "organisation": SODAN})
}

/// A complete, valid 多機関協働 log (indices: 0 referral … 9 closed).
fn base() -> Value {
    let mut e = vec![
        ev("referral", "2026-05-01"),
        ev("accepted", "2026-05-02"),
        ev("assessment", "2026-05-10"),
        ev("plan_drafted", "2026-05-20"),
        ev("jusou_meeting_review", "2026-05-25"),
        ev("support_decision", "2026-05-28"),
        ev("support_started", "2026-06-01"),
        ev("monitoring", "2026-08-01"),
        ev("evaluation", "2026-10-01"),
        ev("closed", "2026-10-10"),
    ];
    e[3]["plan"] = plan();
    e[4]["outcome"] = json!("approved");
    e[9]["reason"] = json!("goal_reached");
    json!({"case_id": "t", "as_of": "2026-12-01", "consents": [consent("c1", "2026-05-15")],
           "events": e})
}

fn run(v: &Value) -> PlanReport {
    replay_json(&v.to_string()).unwrap()
}

/// (event_index, rule) of every violation.
fn broke(v: &Value) -> Vec<(usize, &'static str)> {
    run(v)
        .violations
        .iter()
        .map(|x| {
            // Plan findings are always library rules: name them by their static id.
            let id = super::rules::ALL
                .iter()
                .map(|r| r.id)
                .find(|id| *id == x.finding.rule_id())
                .unwrap_or("<not a plan rule>");
            (x.event_index, id)
        })
        .collect()
}

/// (event_index, rule) of every warning.
fn warned(v: &Value) -> Vec<(usize, String)> {
    run(v)
        .warnings
        .iter()
        .map(|x| (x.event_index, x.finding.rule_id().to_string()))
        .collect()
}

fn events(v: &mut Value) -> &mut Vec<Value> {
    v["events"].as_array_mut().unwrap()
}

#[test]
fn the_base_log_is_valid_and_closed() {
    let r = run(&base());
    assert!(r.valid, "{:?}", r.violations);
    assert_eq!(r.state.multi_agency, MultiAgencyState::Closed);
    // A referral after 終結 opens a new episode.
    assert_eq!(
        r.next_events.multi_agency,
        vec![EventType::Referral, EventType::Watching]
    );
    assert_eq!(r.episode, 1);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert!(r.deadlines.is_empty());
    for rule in ALL {
        assert!(rule.id.starts_with("R-PLAN-"));
    }
}

#[test]
fn order() {
    let mut v = base();
    events(&mut v)[2]["date"] = json!("2026-04-30");
    assert_eq!(broke(&v), vec![(2, R_PLAN_ORDER.id)]);
    // Same day is in order.
    events(&mut v)[2]["date"] = json!("2026-05-02");
    assert!(broke(&v).is_empty());
}

#[test]
fn future() {
    let mut v = base();
    v["as_of"] = json!("2026-10-09");
    assert_eq!(broke(&v), vec![(9, R_PLAN_FUTURE.id)]);
    v["as_of"] = json!("2026-10-10");
    assert!(broke(&v).is_empty());
}

#[test]
fn sequence() {
    let mut v = base();
    events(&mut v).remove(2); // no assessment: the plan comes too early
    assert_eq!(broke(&v), vec![(2, R_PLAN_SEQUENCE.id)]);
}

#[test]
fn revision_loop_is_allowed() {
    let mut v = base();
    let mut revise = ev("jusou_meeting_review", "2026-05-22");
    revise["outcome"] = json!("revise");
    let mut redraft = ev("plan_drafted", "2026-05-23");
    redraft["plan"] = plan();
    events(&mut v).splice(4..4, [revise, redraft]);
    assert!(broke(&v).is_empty());
    // Deciding support on a plan sent back for revision is not allowed.
    let mut v = base();
    events(&mut v)[4]["outcome"] = json!("revise");
    assert_eq!(broke(&v), vec![(5, R_PLAN_DECISION.id)]);
}

#[test]
fn support_start() {
    let mut v = base();
    events(&mut v).remove(5);
    assert_eq!(broke(&v), vec![(5, R_PLAN_SUPPORT_START.id)]);
}

#[test]
fn close_needs_evaluation_unless_the_case_ends_by_itself() {
    let mut v = base();
    events(&mut v).remove(8);
    assert_eq!(broke(&v), vec![(8, R_PLAN_CLOSE.id)]);
    for reason in ["death", "moved_away", "contact_ended"] {
        events(&mut v)[8]["reason"] = json!(reason);
        assert!(broke(&v).is_empty(), "{reason}");
    }
}

#[test]
fn after_close_only_watching() {
    let mut v = base();
    events(&mut v).push(ev("watching", "2026-11-01"));
    assert!(broke(&v).is_empty());
    events(&mut v).push(ev("monitoring", "2026-11-02"));
    assert_eq!(broke(&v), vec![(11, R_PLAN_AFTER_CLOSE.id)]);
}

#[test]
fn consent_needed_on_the_meeting_day() {
    let mut v = base();
    v["consents"][0]["given_on"] = json!("2026-05-26");
    assert_eq!(broke(&v), vec![(4, R_PLAN_CONSENT.id)]);
    v["consents"][0]["given_on"] = json!("2026-05-25");
    assert!(broke(&v).is_empty());
}

#[test]
fn withdrawal_blocks_jusou_meeting_until_given_again_support_meeting_stays() {
    let mut v = base();
    v["consents"][0]["withdrawn_on"] = json!("2026-09-01");
    events(&mut v).insert(8, ev("support_meeting", "2026-09-10"));
    assert_eq!(broke(&v), vec![(9, R_PLAN_CONSENT_WITHDRAWN.id)]);
    // Consent given again: the evaluation may go to the 重層的支援会議.
    v["consents"]
        .as_array_mut()
        .unwrap()
        .push(consent("c2", "2026-09-20"));
    assert!(broke(&v).is_empty());
    // On as_of, with no consent valid, 重層的支援会議 events are not offered.
    let mut v = base();
    events(&mut v).truncate(8);
    v["consents"][0]["withdrawn_on"] = json!("2026-09-01");
    let r = run(&v);
    assert!(!r.next_events.multi_agency.contains(&EventType::Evaluation));
    assert_eq!(r.next_events.common, vec![EventType::SupportMeeting]);
}

#[test]
fn consent_scope_names_every_responsible_organisation() {
    let mut v = base();
    events(&mut v)[3]["plan"]["items"][1]["organisation"] = json!("社会福祉協議会");
    assert_eq!(broke(&v), vec![(4, R_PLAN_CONSENT_SCOPE.id)]);
}

#[test]
fn plan_content_rules() {
    let cases: [(&str, Value, &str); 8] = [
        ("goals", json!([]), R_PLAN_CONTENT_GOALS.id),
        ("wishes", json!(" "), R_PLAN_CONTENT_WISHES.id),
        (
            "items",
            json!([{"content": "", "organisation": CENTER, "lead": true}]),
            R_PLAN_CONTENT_ITEMS.id,
        ),
        (
            "items",
            json!([{"content": "a", "organisation": CENTER, "lead": true},
                   {"content": "b", "organisation": SODAN, "lead": true}]),
            R_PLAN_CONTENT_LEAD.id,
        ),
        (
            "period",
            json!({"start": "2027-04-01", "end": "2027-03-31"}),
            R_PLAN_CONTENT_PERIOD.id,
        ),
        (
            "next_monitoring_on",
            json!("2026-05-01"),
            R_PLAN_CONTENT_MONITORING.id,
        ),
        (
            "next_monitoring_on",
            Value::Null,
            R_PLAN_CONTENT_MONITORING.id,
        ),
        ("consent_id", Value::Null, R_PLAN_CONTENT_CONSENT.id),
    ];
    for (field, value, rule) in cases {
        let mut v = base();
        events(&mut v).truncate(4);
        events(&mut v)[3]["plan"][field] = value;
        // Only 「支援の種類及び内容」 is the statute's; the rest of the form is the manual's.
        if rule == R_PLAN_CONTENT_ITEMS.id {
            assert_eq!(broke(&v), vec![(3, rule)], "{field}");
        } else {
            assert!(broke(&v).is_empty(), "{field}: {:?}", broke(&v));
            assert_eq!(warned(&v), vec![(3, rule.to_string())], "{field}");
            let w = &run(&v).warnings[0].finding;
            if rule != R_PLAN_CONTENT_CONSENT.id {
                assert_eq!(w.citation, Some(crate::standing::GUIDANCE), "{field}");
            }
        }
    }
}

#[test]
fn a_referral_after_closing_opens_a_new_episode() {
    let mut v = base();
    events(&mut v).push(ev("referral", "2026-11-01"));
    events(&mut v).push(ev("accepted", "2026-11-02"));
    let r = run(&v);
    assert!(r.valid, "{:?}", r.violations);
    assert_eq!(r.episode, 2);
    let noted: Vec<_> = r
        .notes
        .iter()
        .map(|n| (n.event_index, n.finding.rule_id()))
        .collect();
    assert_eq!(noted, [(events(&mut v).len() - 2, R_PLAN_NEW_EPISODE.id)]);
    assert_eq!(r.state.multi_agency, MultiAgencyState::Accepted);
    assert_eq!(
        r.state.multi_agency.standing(),
        crate::standing::Standing::Accepted
    );
    // Anything else after 終結 is still a breach.
    events(&mut v).push(ev("support_decision", "2026-11-03"));
    assert_eq!(broke(&v), vec![(12, R_PLAN_DECISION.id)]);
}

#[test]
fn a_consent_counts_only_for_its_subject_and_the_provider_it_names() {
    // The evaluation rests on a consent of someone else: not the case's.
    let mut v = base();
    v["subjects"] = json!(["B"]);
    let mut other = consent("c9", "2026-05-15");
    other["subject"] = json!("A");
    v["consents"] = json!([other, consent("c1", "2026-05-15")]);
    v["consents"][1]["withdrawn_on"] = json!("2026-09-01");
    assert_eq!(broke(&v), vec![(8, R_PLAN_CONSENT_WITHDRAWN.id)]);
    // A consent of the subject that does not name the organiser of the 重層的支援会議.
    let mut v = base();
    events(&mut v)[8]["organisation"] = json!("別の事業者");
    assert_eq!(broke(&v), vec![(8, R_PLAN_CONSENT_SUBJECT.id)]);
}

#[test]
fn jusou_meeting_reviews_of_participation_and_outreach_plans() {
    let mut v = outreach_log(&[
        "information_gathering",
        "outreach_plan_review",
        "home_visit",
        "stable_connection",
        "outreach_evaluation",
        "outreach_closed",
    ]);
    events(&mut v)[1]["meeting_id"] = json!("2026-05-jusou");
    let r = run(&v);
    assert!(r.valid, "{:?}", r.violations);
    // Without a consent valid that day the review cannot be held at the 重層的支援会議.
    v["consents"][0]["given_on"] = json!("2026-05-03");
    assert_eq!(broke(&v), vec![(1, R_PLAN_CONSENT.id)]);
    // A meeting id belongs on meeting events only.
    let mut v = base();
    events(&mut v)[2]["meeting_id"] = json!("x");
    let e = replay_json(&v.to_string()).unwrap_err();
    assert_eq!(
        e.code_paths(),
        vec![(plan_codes::FIELD_NOT_FOR_TYPE, "/events/2/meeting_id")]
    );
}

#[test]
fn monitoring_deadline_from_the_interval() {
    let mut v = base();
    events(&mut v).truncate(8); // last monitoring 2026-08-01
    let r = run(&v);
    assert!(r.valid);
    assert_eq!(r.monitoring_interval_days, DEFAULT_MONITORING_INTERVAL_DAYS);
    let d = &r.deadlines[0];
    assert_eq!(d.due_on.to_string(), "2026-10-30");
    assert!(d.overdue, "due 2026-10-30, as of 2026-12-01");
    assert_eq!(d.finding.rule, R_PLAN_MONITORING_DUE.id);
    v["options"] = json!({"monitoring_interval_days": 180});
    let r = run(&v);
    assert_eq!(r.deadlines[0].due_on.to_string(), "2027-01-28");
    assert!(!r.deadlines[0].overdue);
}

fn outreach_log(kinds: &[&str]) -> Value {
    let e: Vec<Value> = kinds
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let mut e = ev(k, &format!("2026-05-{:02}", i + 1));
            if k.ends_with("closed") {
                e["reason"] = json!("goal_reached");
            }
            if *k == "matching" {
                e["resource"] = json!("サロン");
                e["host_assessed"] = json!(true);
            }
            e
        })
        .collect();
    json!({"case_id": "t", "as_of": "2026-12-01", "consents": [consent("c1", "2026-04-01")],
           "events": e})
}

#[test]
fn outreach_track() {
    let ok = [
        "information_gathering",
        "support_meeting",
        "pre_coordination",
        "relationship_building",
        "home_visit",
        "accompaniment",
        "stable_connection",
        "outreach_closed",
    ];
    let r = run(&outreach_log(&ok));
    assert!(r.valid, "{:?}", r.violations);
    assert_eq!(r.state.outreach, OutreachState::Closed);
    // The stages are typical, not a ladder: a home visit before letters is no breach.
    let v = outreach_log(&["home_visit", "information_gathering"]);
    assert!(broke(&v).is_empty());
    // Only closing as goal reached needs the stable connection.
    let v = outreach_log(&["information_gathering", "home_visit", "outreach_closed"]);
    assert_eq!(broke(&v), vec![(2, R_PLAN_OUTREACH_SEQUENCE.id)]);
}

#[test]
fn participation_track_keeps_contact_after_close() {
    let ok = [
        "participation_decided",
        "participation_intake",
        "participation_assessment",
        "participation_plan",
        "matching",
        "settling_in",
        "follow_up",
        "participation_closed",
        "follow_up",
    ];
    let mut v = outreach_log(&ok);
    let r = run(&v);
    assert!(r.valid, "{:?}", r.violations);
    assert_eq!(r.state.participation, ParticipationState::Closed);
    events(&mut v)[4]["host_assessed"] = json!(false);
    assert_eq!(broke(&v), vec![(4, R_PLAN_HOST.id)]);
    let v = outreach_log(&["participation_intake"]);
    assert_eq!(broke(&v), vec![(0, R_PLAN_PARTICIPATION_SEQUENCE.id)]);
}

#[test]
fn input_errors_are_collected() {
    let mut v = base();
    events(&mut v)[3].as_object_mut().unwrap().remove("plan");
    events(&mut v)[0]["outcome"] = json!("approved");
    events(&mut v)[9].as_object_mut().unwrap().remove("reason");
    v["consents"]
        .as_array_mut()
        .unwrap()
        .push(consent("c1", "2026-05-15"));
    let err = replay_json(&v.to_string()).unwrap_err();
    assert_eq!(
        err.code_paths(),
        vec![
            (plan_codes::CONSENT_DUPLICATE, "/consents/1/id"),
            (plan_codes::FIELD_NOT_FOR_TYPE, "/events/0/outcome"),
            (plan_codes::PLAN_MISSING, "/events/3/plan"),
            (plan_codes::REASON_MISSING, "/events/9/reason"),
        ]
    );
    let err = replay_json(r#"{"case_id":"t","as_of":"2026-01-01","events":[{"type":"nope"}]}"#)
        .unwrap_err();
    assert_eq!(err.errors[0].path, "/events/0/type");
}
