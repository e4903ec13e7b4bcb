//! Unit tests: compiled only under #[cfg(test)] (declared in mod.rs).
//! Unit tests of the meeting rules: each rule once where it fires and once where it must not.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::check::{check, check_json, meet_codes, MeetingDecision};
use super::rules::*;
use crate::rule::Rule;

fn member(id: &str, org: &str, appointed: bool, conf: &[&str]) -> Value {
    json!({"id": id, "name": id, "organisation": org, "role": "相談員",
           "appointed": appointed, "confidentiality": conf})
}

/// A 支援会議 of 新座市 on 2026-07-10 with two appointed members and no consent.
fn base() -> Value {
    json!({
        "case": {"id": "c1", "subjects": ["A"], "under_multi_agency": true},
        "meeting": {"kind": "support_meeting", "local_name": "包括的支援推進・情報共有会議",
            "organiser": {"kind": "municipality", "name": "新座市福祉政策課"},
            "date": "2026-07-10", "municipality_runs_project": true},
        "members": [
            member("m1", "新座市福祉政策課", true, &["support_meeting", "public_servant"]),
            member("m2", "新座市社会福祉協議会", true, &["support_meeting", "contractor"]),
        ],
        "attendees": ["m1", "m2"],
        "consents": [],
        "agenda": ["basic", "health_disability"]
    })
}

fn consent(given_on: &str) -> Value {
    json!({"id": "cA", "subject": "A", "given_by": {"kind": "self"},
        "scope": {"organisations": ["新座市福祉政策課", "新座市社会福祉協議会"],
                  "categories": ["basic", "health_disability"]},
        "given_on": given_on, "form": {"kind": "written"}})
}

/// The same case at a 重層的支援会議 with a consent given on 2026-07-01.
fn jusou() -> Value {
    let mut v = base();
    v["meeting"]["kind"] = json!("jusou_meeting");
    v["consents"] = json!([consent("2026-07-01")]);
    v
}

fn run(v: &Value) -> MeetingDecision {
    check_json(&v.to_string()).unwrap()
}

/// Every rule id that appears anywhere in the decision.
fn fired(d: &MeetingDecision) -> BTreeSet<&str> {
    let mut s: BTreeSet<&str> = BTreeSet::new();
    s.extend(d.excluded.iter().map(|e| &*e.reason.rule));
    s.extend(d.obligations.iter().map(|f| &*f.rule));
    s.extend(d.violations.iter().map(|f| &*f.rule));
    s.extend(d.reasons.iter().map(|f| &*f.rule));
    if let Some(f) = &d.fallback {
        s.insert(&f.reason.rule);
    }
    s
}

fn fires(v: &Value, r: Rule) -> bool {
    fired(&run(v)).contains(r.id)
}

fn recipients(d: &MeetingDecision, cat: &str) -> Vec<String> {
    let v = serde_json::to_value(&d.recipients).unwrap();
    serde_json::from_value(v[cat].clone()).unwrap_or_default()
}

#[test]
fn rule_ids_are_unique_and_prefixed() {
    let ids: BTreeSet<_> = ALL.iter().map(|r| r.id).collect();
    assert_eq!(ids.len(), ALL.len());
    assert!(ALL.iter().all(|r| r.id.starts_with("R-MEET-")));
}

#[test]
fn support_meeting_needs_no_consent() {
    let d = run(&base());
    assert!(d.allowed);
    assert_eq!(recipients(&d, "basic"), ["m1", "m2"]);
    assert!(d.fallback.is_none());
    assert!(!fired(&d).contains(R_DEFAULT_DENY.id));
}

#[test]
fn default_deny() {
    let mut v = base();
    v["meeting"]["municipality_runs_project"] = json!(false);
    let d = run(&v);
    assert!(!d.allowed && d.mode.is_none());
    assert!(d.recipients.values().all(|r| r.is_empty()));
    assert!(fired(&d).contains(R_DEFAULT_DENY.id));
}

#[test]
fn jusou_consent() {
    let mut v = jusou();
    assert!(!fires(&v, R_FALLBACK_SUPPORT));
    assert!(run(&v).allowed);
    v["consents"] = json!([]);
    let d = run(&v);
    assert!(!d.allowed);
    assert!(d.violations.iter().any(|f| f.rule == R_JUSOU_CONSENT.id));
}

#[test]
fn jusou_multi_agency() {
    let mut v = jusou();
    assert!(!fires(&v, R_JUSOU_MULTI_AGENCY));
    v["case"]["under_multi_agency"] = json!(false);
    assert!(fires(&v, R_JUSOU_MULTI_AGENCY));
    assert!(!run(&v).allowed);
}

#[test]
fn consent_withdrawn() {
    let mut v = jusou();
    v["consents"][0]["withdrawn_on"] = json!("2026-07-11");
    assert!(!fires(&v, R_CONSENT_WITHDRAWN));
    assert!(run(&v).allowed);
    v["consents"][0]["withdrawn_on"] = json!("2026-07-09");
    assert!(fires(&v, R_CONSENT_WITHDRAWN));
    assert!(!run(&v).allowed);
    v["consents"][0]["withdrawn_on"] = json!("2026-07-10");
    assert!(
        fires(&v, R_CONSENT_WITHDRAWN),
        "stops from the withdrawal day"
    );
}

#[test]
fn consent_later() {
    let mut v = jusou();
    v["consents"][0]["given_on"] = json!("2026-07-10");
    assert!(!fires(&v, R_CONSENT_LATER));
    assert!(run(&v).allowed, "a consent given on the meeting day counts");
    v["consents"][0]["given_on"] = json!("2026-07-11");
    assert!(fires(&v, R_CONSENT_LATER));
    assert!(!run(&v).allowed);
}

#[test]
fn consent_expired() {
    let mut v = jusou();
    v["consents"][0]["valid_until"] = json!("2026-07-10");
    assert!(!fires(&v, R_CONSENT_EXPIRED));
    v["consents"][0]["valid_until"] = json!("2026-07-09");
    assert!(fires(&v, R_CONSENT_EXPIRED));
}

#[test]
fn consent_scope_recipient() {
    let mut v = jusou();
    assert!(!fires(&v, R_CONSENT_SCOPE_RECIPIENT));
    v["consents"][0]["scope"]["organisations"] = json!(["新座市福祉政策課"]);
    let d = run(&v);
    assert!(fired(&d).contains(R_CONSENT_SCOPE_RECIPIENT.id));
    assert_eq!(recipients(&d, "basic"), ["m1"]);
    // A role or a person named in the consent is enough for a member with a duty.
    v["consents"][0]["scope"]["persons"] = json!(["m2"]);
    assert_eq!(recipients(&run(&v), "basic"), ["m1", "m2"]);
}

#[test]
fn consent_scope_category() {
    let mut v = jusou();
    assert!(!fires(&v, R_CONSENT_SCOPE_CATEGORY));
    v["consents"][0]["scope"]["categories"] = json!(["basic"]);
    let d = run(&v);
    assert!(d.allowed);
    assert!(fired(&d).contains(R_CONSENT_SCOPE_CATEGORY.id));
    assert!(recipients(&d, "health_disability").is_empty());
    assert_eq!(recipients(&d, "basic"), ["m1", "m2"]);
}

#[test]
fn support_organiser() {
    let mut v = base();
    v["meeting"]["secretariat"] = json!({"kind": "contractor", "name": "新座市社会福祉協議会"});
    assert!(!fires(&v, R_SUPPORT_ORGANISER));
    v["meeting"]["organiser"] = json!({"kind": "contractor", "name": "新座市社会福祉協議会"});
    let d = run(&v);
    assert!(!d.allowed);
    assert!(fired(&d).contains(R_SUPPORT_ORGANISER.id));
    let fb = d.fallback.unwrap();
    assert_eq!(fb.reason.rule, R_FALLBACK_SUPPORT.id);
    assert_eq!(fb.members, ["m1", "m2"]);
}

#[test]
fn support_project_is_a_dated_rule() {
    let mut v = base();
    assert!(!fires(&v, R_SUPPORT_PROJECT));
    v["meeting"]["municipality_runs_project"] = json!(false);
    assert!(fires(&v, R_SUPPORT_PROJECT));
    let mut v = base();
    v["meeting"]["date"] = json!("2021-03-31");
    assert!(
        fires(&v, R_SUPPORT_PROJECT),
        "no 支援会議 before 2021-04-01"
    );
    v["meeting"]["date"] = json!("2021-04-01");
    assert!(!fires(&v, R_SUPPORT_PROJECT));
}

#[test]
fn support_member() {
    let mut v = base();
    assert!(!run(&v)
        .excluded
        .iter()
        .any(|e| e.reason.rule == R_SUPPORT_MEMBER.id));
    // Municipal staff not appointed, and an appointed member with no `support_meeting` tag:
    // appointment alone binds them by 第106条の6第5項.
    v["members"].as_array_mut().unwrap().push(member(
        "m3",
        "新座市介護保険課",
        false,
        &["public_servant"],
    ));
    v["members"].as_array_mut().unwrap().push(member(
        "m4",
        "新座市保健センター",
        true,
        &["public_servant"],
    ));
    v["attendees"] = json!(["m1", "m2", "m3", "m4"]);
    let d = run(&v);
    let ex: Vec<_> = d
        .excluded
        .iter()
        .filter(|e| e.reason.rule == R_SUPPORT_MEMBER.id)
        .map(|e| e.member.as_str())
        .collect();
    assert_eq!(ex, ["m3"]);
    assert_eq!(recipients(&d, "basic"), ["m1", "m2", "m4"]);
    // m3 hears nothing of the case: they leave while it is discussed.
    assert!(d
        .obligations
        .iter()
        .any(|f| f.rule == R_OBL_LEAVE.id && f.message_en.contains("m3")));
}

#[test]
fn no_duty_attendee() {
    let mut v = base();
    assert!(!fires(&v, R_NO_DUTY));
    v["members"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "n1", "name": "近隣住民", "role": "近隣住民"}));
    v["attendees"] = json!(["m1", "m2", "n1"]);
    assert!(fires(&v, R_NO_DUTY), "support meeting");
    // Named by role only: still nothing.
    let mut c = consent("2026-07-01");
    c["scope"]["roles"] = json!(["近隣住民"]);
    v["consents"] = json!([c.clone()]);
    assert!(fires(&v, R_NO_DUTY));
    // Named personally: basic and health as the consent says, in either mode.
    c["scope"]["persons"] = json!(["n1"]);
    v["consents"] = json!([c]);
    let d = run(&v);
    assert!(!fired(&d).contains(R_NO_DUTY.id));
    assert_eq!(recipients(&d, "basic"), ["m1", "m2", "n1"]);
    v["meeting"]["kind"] = json!("jusou_meeting");
    assert_eq!(recipients(&run(&v), "basic"), ["m1", "m2", "n1"]);
}

#[test]
fn outside_professional() {
    let mut v = base();
    v["members"]
        .as_array_mut()
        .unwrap()
        .push(member("p1", "法律事務所", false, &["lawyer"]));
    v["attendees"] = json!(["m1", "m2", "p1"]);
    assert!(fires(&v, R_OUTSIDE_PROFESSIONAL));
    v["members"][2]["appointed"] = json!(true);
    v["members"][2]["confidentiality"] = json!(["support_meeting", "lawyer"]);
    let d = run(&v);
    assert!(!fired(&d).contains(R_OUTSIDE_PROFESSIONAL.id));
    assert_eq!(recipients(&d, "basic"), ["m1", "m2", "p1"]);
    // A municipal nurse is staff, not an outside professional.
    v["members"][2] = member(
        "p1",
        "新座市保健センター",
        false,
        &["public_servant", "nurse"],
    );
    assert!(!fires(&v, R_OUTSIDE_PROFESSIONAL));
}

#[test]
fn combined_mode() {
    let mut v = jusou();
    v["meeting"]["kind"] = json!("combined");
    let d = run(&v);
    assert!(fired(&d).contains(R_COMBINED_MODE.id));
    // Both bases hold: member by member.
    assert_eq!(serde_json::to_value(d.mode).unwrap(), "combined");
    v["consents"] = json!([]);
    let d = run(&v);
    assert_eq!(serde_json::to_value(d.mode).unwrap(), "support_meeting");
    assert!(!fires(&base(), R_COMBINED_MODE));
}

#[test]
fn combined_sitting_decides_per_member() {
    // A consent naming nobody present: the appointed members still receive (支援会議 basis).
    let mut v = jusou();
    v["meeting"]["kind"] = json!("combined");
    v["consents"][0]["scope"]["organisations"] = json!(["新座市保健センター"]);
    let d = run(&v);
    assert!(d.allowed);
    assert_eq!(recipients(&d, "basic"), ["m1", "m2"]);
    // An unappointed attendee the consent names receives only within its scope.
    v["members"].as_array_mut().unwrap().push(member(
        "h1",
        "新座市保健センター",
        false,
        &["public_servant"],
    ));
    v["attendees"] = json!(["m1", "m2", "h1"]);
    v["consents"][0]["scope"]["categories"] = json!(["basic"]);
    let d = run(&v);
    assert_eq!(recipients(&d, "basic"), ["m1", "m2", "h1"]);
    assert_eq!(recipients(&d, "health_disability"), ["m1", "m2"]);
    // Never less than the 支援会議 alone allows.
    let mut s = v.clone();
    s["meeting"]["kind"] = json!("support_meeting");
    assert_eq!(run(&s).recipients, d.recipients);
}

#[test]
fn jusou_meeting_from_acceptance_until_closing() {
    let mut v = jusou();
    v["case"] = json!({"id": "c1", "subjects": ["A"], "standing": "accepted"});
    assert!(run(&v).allowed, "plan review before 支援決定");
    v["case"]["standing"] = json!("not_accepted");
    assert!(fires(&v, R_JUSOU_MULTI_AGENCY));
    v["case"]["standing"] = json!("closed");
    assert!(!run(&v).allowed);
    // standing and the old flag may not disagree.
    v["case"]["under_multi_agency"] = json!(true);
    let e = check_json(&v.to_string()).unwrap_err();
    assert_eq!(
        e.code_paths(),
        vec![(meet_codes::STANDING_CONFLICT, "/case/standing")]
    );
}

#[test]
fn statutory_remit_and_organiser() {
    let mut v = statutory(
        "child_protection_council",
        "2026-05-01",
        "child_protection_council",
    );
    v["case"]["subject_facts"] = json!([{"id": "A", "age": 45, "fields": ["disability"]}]);
    let d = run(&v);
    assert!(!d.allowed, "an adult's information at a 要対協");
    assert!(fired(&d).contains(R_STATUTORY_REMIT.id));
    assert!(d.fallback.is_some());
    v["case"]["subject_facts"] = json!([{"id": "A", "age": 12}]);
    assert!(run(&v).allowed);
    v["meeting"]["organiser"]["kind"] = json!("other");
    assert!(fires(&v, R_STATUTORY_ORGANISER));
    // Not stated is not assumed.
    let mut v = statutory(
        "needy_support_meeting",
        "2026-05-01",
        "needy_support_meeting",
    );
    v["case"]["subject_facts"] = json!([]);
    let d = run(&v);
    assert!(!d.allowed);
    assert!(d.violations[0].message_en.contains("does not state"));
}

#[test]
fn need_to_know() {
    let mut v = base();
    v["members"].as_array_mut().unwrap().push(member(
        "m3",
        "新座市介護保険課",
        true,
        &["public_servant"],
    ));
    v["attendees"] = json!(["m1", "m2", "m3"]);
    v["selected"] = json!(["m1", "m2"]);
    v["members"][1]["categories"] = json!(["basic"]);
    let d = run(&v);
    assert_eq!(recipients(&d, "basic"), ["m1", "m2"]);
    assert_eq!(recipients(&d, "health_disability"), ["m1"]);
    assert!(fired(&d).contains(R_NOT_SELECTED.id));
    assert!(fired(&d).contains(R_NEED_TO_KNOW.id));
    let leave = d
        .obligations
        .iter()
        .find(|f| f.rule == R_OBL_LEAVE.id)
        .unwrap();
    assert!(leave.message_en.starts_with("m3 leave"));
    // DV: the alleged perpetrator never receives the victim's information.
    v["selected"] = Value::Null;
    v["case"]["dv"] = json!({"victims": ["A"], "alleged_perpetrators": ["m3"]});
    let d = run(&v);
    assert!(!recipients(&d, "basic").contains(&"m3".to_string()));
    assert!(fired(&d).contains(R_DV_PERPETRATOR.id));
    // A confidential address: withheld from anyone without a stated need.
    v["case"]["address_confidential"] = json!(true);
    v["members"][0]["needs_address"] = json!(true);
    let d = run(&v);
    assert_eq!(d.address_withheld_from, ["m2"]);
    assert!(fired(&d).contains(R_ADDRESS_CONFIDENTIAL.id));
}

fn statutory(kind: &str, date: &str, basis: &str) -> Value {
    let mut v = base();
    // A subject within every statutory meeting's remit.
    v["case"]["subject_facts"] =
        json!([{"id": "A", "age": 15, "fields": ["elderly", "needy", "disability"]}]);
    v["meeting"]["kind"] = json!(kind);
    v["meeting"]["date"] = json!(date);
    v["members"] = json!([
        member("s1", "障がい者福祉課", true, &[basis, "public_servant"]),
        member(
            "s2",
            "福祉政策課",
            false,
            &["support_meeting", "public_servant"]
        ),
    ]);
    v["attendees"] = json!(["s1", "s2"]);
    v
}

#[test]
fn statutory_member() {
    let v = statutory(
        "child_protection_council",
        "2026-05-01",
        "child_protection_council",
    );
    let d = run(&v);
    assert_eq!(recipients(&d, "basic"), ["s1"]);
    let ex: Vec<_> = d
        .excluded
        .iter()
        .map(|e| (e.member.as_str(), e.reason.rule_id()))
        .collect();
    assert_eq!(ex, [("s2", R_STATUTORY_MEMBER.id)]);
    assert_eq!(
        d.excluded[0].reason.citation,
        Some("児童福祉法第25条の2・第25条の5")
    );
}

#[test]
fn statutory_in_force() {
    let v = statutory("disability_council", "2024-04-01", "disability_council");
    assert!(!fires(&v, R_STATUTORY_IN_FORCE));
    assert!(run(&v).allowed);
    let v = statutory("disability_council", "2024-03-31", "disability_council");
    let d = run(&v);
    assert!(fired(&d).contains(R_STATUTORY_IN_FORCE.id));
    assert!(!d.allowed);
}

#[test]
fn no_recipient() {
    let mut v = jusou();
    assert!(!fires(&v, R_NO_RECIPIENT));
    v["consents"][0]["scope"]["organisations"] = json!(["新座市保健センター"]);
    let d = run(&v);
    assert!(!d.allowed);
    assert!(fired(&d).contains(R_NO_RECIPIENT.id));
}

#[test]
fn obligations_announce_and_record_with_dated_penalty() {
    let d = run(&base());
    let ann = d
        .obligations
        .iter()
        .find(|f| f.rule == R_OBL_ANNOUNCE.id)
        .unwrap();
    // The penal article is not verified: the penalty is not printed as fact.
    assert!(ann.message_ja.contains("罰則あり（条番号未確認）"));
    assert!(d.obligations.iter().any(|f| f.rule == R_OBL_RECORD.id));
    assert!(!d.obligations.iter().any(|f| f.rule == R_OBL_CONSENT.id));
    let mut v = base();
    v["meeting"]["date"] = json!("2025-05-31");
    let d = run(&v);
    let ann = d
        .obligations
        .iter()
        .find(|f| f.rule == R_OBL_ANNOUNCE.id)
        .unwrap();
    assert!(ann.message_ja.contains("罰則あり（条番号未確認）"));
    // Denied: no obligations at all.
    v["meeting"]["municipality_runs_project"] = json!(false);
    assert!(run(&v).obligations.is_empty());
}

#[test]
fn obligation_consent() {
    assert!(fires(&jusou(), R_OBL_CONSENT));
    assert!(!fires(&base(), R_OBL_CONSENT));
}

#[test]
fn fallbacks() {
    let mut v = jusou();
    assert!(run(&v).fallback.is_none());
    v["consents"] = json!([]);
    let fb = run(&v).fallback.unwrap();
    assert_eq!(fb.reason.rule, R_FALLBACK_SUPPORT.id);
    assert_eq!(serde_json::to_value(fb.mode).unwrap(), "support_meeting");
    v["meeting"]["municipality_runs_project"] = json!(false);
    let fb = run(&v).fallback.unwrap();
    assert_eq!(fb.reason.rule, R_FALLBACK_CONSENT.id);
    assert!(fb.members.is_empty() && fb.mode.is_none());
}

#[test]
fn validation_collects_every_error() {
    let mut v = jusou();
    v["case"]["subjects"] = json!(["A", "A"]);
    v["members"]
        .as_array_mut()
        .unwrap()
        .push(member("m1", "x", false, &[]));
    v["attendees"] = json!(["m1", "ghost", "m1"]);
    v["consents"][0]["subject"] = json!("Z");
    v["consents"][0]["scope"]["categories"] = json!([]);
    v["agenda"] = json!([]);
    let err = check_json(&v.to_string()).unwrap_err();
    assert_eq!(
        err.code_paths(),
        [
            (meet_codes::DUPLICATE_SUBJECT, "/case/subjects/1"),
            (meet_codes::DUPLICATE_MEMBER, "/members/2/id"),
            (meet_codes::UNKNOWN_ATTENDEE, "/attendees/1"),
            (meet_codes::DUPLICATE_ATTENDEE, "/attendees/2"),
            (
                super::consent::consent_codes::EMPTY_SCOPE,
                "/consents/0/scope/categories"
            ),
            (meet_codes::CONSENT_SUBJECT, "/consents/0/subject"),
            (meet_codes::EMPTY_AGENDA, "/agenda"),
        ]
    );
}

#[test]
fn check_never_panics_on_unvalidated_input() {
    let mut v = base();
    v["attendees"] = json!(["ghost", "m1", "m1"]);
    v["case"]["subjects"] = json!([]);
    v["agenda"] = json!([]);
    let input = crate::error::decode(&v.to_string()).unwrap();
    let d = check(&input);
    assert!(!d.allowed, "an empty agenda shares nothing");
}

mod property {
    //! Across generated inputs, no output lists as a recipient anyone outside what consent or
    //! membership allows. The oracle below is written from the rules, not from the code.

    use chrono::{Days, NaiveDate};
    use proptest::prelude::*;

    use super::super::check::{check, validate, MeetingCheck, OrganiserKind};
    use super::super::consent::{Consent, InfoCategory};
    use super::super::kind::{Confidentiality, MeetingKind};
    use serde_json::{json, Value};

    const ORGS: [&str; 3] = ["市", "社協", "包括"];
    const ROLES: [&str; 2] = ["相談員", "近隣住民"];
    const CONF: [&str; 6] = [
        "support_meeting",
        "contractor",
        "public_servant",
        "lawyer",
        "disability_council",
        "community_care_meeting",
    ];
    const KINDS: [&str; 7] = [
        "support_meeting",
        "jusou_meeting",
        "combined",
        "community_care_meeting",
        "child_protection_council",
        "needy_support_meeting",
        "disability_council",
    ];
    const CATS: [&str; 5] = [
        "basic",
        "health_disability",
        "economic",
        "family",
        "support_history",
    ];

    fn day(offset: u64) -> String {
        NaiveDate::from_ymd_opt(2020, 10, 1)
            .unwrap()
            .checked_add_days(Days::new(offset))
            .unwrap()
            .to_string()
    }

    fn pick<'a>(mask: u8, pool: &[&'a str]) -> Vec<&'a str> {
        pool.iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, s)| *s)
            .collect()
    }

    prop_compose! {
        fn member_strategy(i: usize)(org in 0..4usize, role in 0..3usize, appointed: bool,
                                    conf in prop_oneof![Just(0u8), any::<u8>()]) -> Value {
            let mut m = json!({"id": format!("m{i}"), "name": format!("m{i}"),
                               "appointed": appointed,
                               "confidentiality": pick(conf & 0x3f, &CONF)});
            if org < 3 { m["organisation"] = json!(ORGS[org]); }
            if role < 2 { m["role"] = json!(ROLES[role]); }
            m
        }
    }

    prop_compose! {
        fn consent_strategy(n_subjects: usize, n_members: usize)(
            i in 0..1000u32, subject in 0..3usize, orgs in any::<u8>(), roles in any::<u8>(),
            persons in any::<u8>(), cats in 1u8..32, given in 0..2400u64,
            until in proptest::option::of(0..400u64), withdrawn in proptest::option::of(0..400u64),
        ) -> Value {
            let persons: Vec<String> = (0..n_members)
                .filter(|k| persons & (1 << k) != 0)
                .map(|k| format!("m{k}"))
                .collect();
            let mut c = json!({
                "id": format!("c{i}"),
                "subject": (["A", "B", "C"])[subject % n_subjects],
                "given_by": {"kind": "self"},
                "scope": {"organisations": pick(orgs & 7, &ORGS), "roles": pick(roles & 3, &ROLES),
                          "persons": persons, "categories": pick(cats, &CATS)},
                "given_on": day(given),
                "form": {"kind": "written"}
            });
            if let Some(u) = until { c["valid_until"] = json!(day(given + u)); }
            if let Some(w) = withdrawn { c["withdrawn_on"] = json!(day(given + w)); }
            c
        }
    }

    fn input_strategy() -> impl Strategy<Value = Value> {
        (1..=3usize, 1..=6usize).prop_flat_map(|(n_subjects, n_members)| {
            let members: Vec<_> = (0..n_members).map(member_strategy).collect();
            (
                members,
                proptest::collection::vec(consent_strategy(n_subjects, n_members), 0..4),
                (1u8..64, 1u8..32, 0..7usize, 0..3usize, 0..2600u64, any::<bool>()),
                // standing, subject facts, DV, selection, category limits, address
                (0..5usize, any::<(u8, u8)>(), any::<u8>(), any::<u8>(), any::<u8>(), any::<u8>()),
            )
                .prop_map(
                    move |(mut members, consents, (att, agenda, kind, org, date, runs), need)| {
                        let (standing, (age, fields), dv, sel, limits, addr) = need;
                        let ids = |mask: u8| -> Vec<String> {
                            (0..n_members)
                                .filter(|k| mask & (1 << k) != 0)
                                .map(|k| format!("m{k}"))
                                .collect()
                        };
                        let attendees = ids(att);
                        for (k, m) in members.iter_mut().enumerate() {
                            if limits & (1 << k) != 0 {
                                m["categories"] = json!(pick(limits.rotate_left(3) | 1, &CATS));
                            }
                            m["needs_address"] = json!(addr & (1 << k) != 0);
                        }
                        // Consent ids must be unique: number them.
                        let consents: Vec<Value> = consents
                            .into_iter()
                            .enumerate()
                            .map(|(k, mut c)| {
                                c["id"] = json!(format!("c{k}"));
                                c
                            })
                            .collect();
                        let subjects = &["A", "B", "C"][..n_subjects];
                        let mut case = json!({"id": "p", "subjects": subjects});
                        match standing {
                            0 => case["under_multi_agency"] = json!(true),
                            1 => case["under_multi_agency"] = json!(false),
                            s => case["standing"] = json!(["accepted", "support_decided", "closed"][s - 2]),
                        }
                        if age % 3 != 0 {
                            case["subject_facts"] = json!([{"id": "A", "age": age % 90,
                                "fields": pick(fields & 0xf, &["child", "elderly", "needy", "disability"])}]);
                        }
                        if dv & 1 == 1 {
                            case["dv"] = json!({"victims": [subjects[usize::from(dv >> 1) % n_subjects]],
                                                "alleged_perpetrators": ids(dv >> 2)});
                        }
                        case["address_confidential"] = json!(addr & 0x80 != 0);
                        let mut v = json!({
                            "case": case,
                            "meeting": {"kind": KINDS[kind], "local_name": "会議",
                                "organiser": {"kind": (["municipality", "contractor", "other"][org]),
                                              "name": "x"},
                                "date": day(date), "municipality_runs_project": runs},
                            "members": members,
                            "attendees": attendees,
                            "consents": consents,
                            "agenda": pick(agenda, &CATS),
                        });
                        if sel & 0x80 != 0 {
                            v["selected"] = json!(ids(sel));
                        }
                        v
                    },
                )
        })
    }

    fn consent_allows(
        c: &Consent,
        date: NaiveDate,
        m: &super::super::check::Member,
        cat: InfoCategory,
    ) -> bool {
        let in_time = c.given_on <= date
            && c.valid_until.is_none_or(|u| date <= u)
            && c.withdrawn_on.is_none_or(|w| date < w);
        let named = c.scope.persons.contains(&m.id)
            || (!m.confidentiality.is_empty()
                && (m
                    .organisation
                    .as_ref()
                    .is_some_and(|o| c.scope.organisations.contains(o))
                    || m.role.as_ref().is_some_and(|r| c.scope.roles.contains(r))));
        in_time && named && c.scope.categories.contains(&cat)
    }

    fn secrecy(kind: MeetingKind) -> Option<(Confidentiality, NaiveDate)> {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        match kind {
            MeetingKind::SupportMeeting => Some((Confidentiality::SupportMeeting, d(2021, 4, 1))),
            MeetingKind::CommunityCareMeeting => {
                Some((Confidentiality::CommunityCareMeeting, d(2015, 4, 1)))
            }
            MeetingKind::ChildProtectionCouncil => {
                Some((Confidentiality::ChildProtectionCouncil, d(2005, 4, 1)))
            }
            MeetingKind::NeedySupportMeeting => {
                Some((Confidentiality::NeedySupportMeeting, d(2018, 10, 1)))
            }
            MeetingKind::DisabilityCouncil => {
                Some((Confidentiality::DisabilityCouncil, d(2024, 4, 1)))
            }
            MeetingKind::JusouMeeting | MeetingKind::Combined => None,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        /// No recipient is ever outside (consent ∪ appointed 第106条の6 members ∪ the statutory
        /// remit), and need to know holds: selection, category limits, DV.
        #[test]
        fn recipients_stay_within_consent_or_membership(v in input_strategy()) {
            let input: MeetingCheck = crate::error::decode(&v.to_string()).unwrap();
            prop_assume!(validate(&input).is_ok());
            let d = check(&input);
            let date = input.meeting.date;
            let kind = input.meeting.kind;
            if !d.allowed {
                prop_assert!(d.mode.is_none());
                prop_assert!(d.recipients.values().all(|r| r.is_empty()));
                prop_assert!(d.fallback.is_some());
            }
            let by_municipality = input.meeting.organiser.kind == OrganiserKind::Municipality;
            let support_ok = matches!(kind, MeetingKind::SupportMeeting | MeetingKind::Combined)
                && by_municipality
                && input.meeting.municipality_runs_project
                && date >= NaiveDate::from_ymd_opt(2021, 4, 1).unwrap();
            let standing = input.case.standing();
            let victims_here = input.case.dv.as_ref().is_some_and(|dv| {
                dv.victims.iter().any(|v| input.case.subjects.contains(v))
            });
            for (cat, ids) in &d.recipients {
                prop_assert!(input.agenda.contains(cat));
                for id in ids {
                    prop_assert!(input.attendees.contains(id), "{id} is not present");
                    let m = input.members.iter().find(|m| &m.id == id).unwrap();
                    let consent_ok = input.case.subjects.iter().all(|s| {
                        input.consents.iter().any(|c| &c.subject == s && consent_allows(c, date, m, *cat))
                    });
                    let appointed_ok = support_ok && m.appointed;
                    let statutory_ok = kind.statutory().is_some_and(|s| {
                        secrecy(kind).is_some_and(|(basis, from)| {
                            date >= from && m.appointed && m.confidentiality.contains(&basis)
                        }) && input.case.subject_facts.iter().any(|f| s.remit.covers(f))
                    });
                    prop_assert!(consent_ok || appointed_ok || statutory_ok,
                        "{id} receives {cat:?} without a basis");
                    if kind == MeetingKind::JusouMeeting {
                        prop_assert!(consent_ok && standing.may_go_to_jusou_meeting());
                    }
                    if m.confidentiality.is_empty() && !m.appointed {
                        prop_assert!(consent_ok, "{id} has no duty and is not named");
                    }
                    // Need to know.
                    if let Some(sel) = &input.selected {
                        prop_assert!(sel.contains(id), "{id} was not selected");
                    }
                    if let Some(c) = &m.categories {
                        prop_assert!(c.contains(cat), "{id} does not need {cat:?}");
                    }
                    // A perpetrator never receives the victim's data.
                    if victims_here {
                        let dv = input.case.dv.as_ref().unwrap();
                        prop_assert!(!dv.alleged_perpetrators.contains(id),
                            "perpetrator {id} receives {cat:?}");
                    }
                }
            }
            // A confidential address reaches only those with a stated need.
            for id in d.recipients.get(&InfoCategory::Basic).into_iter().flatten() {
                let m = input.members.iter().find(|m| &m.id == id).unwrap();
                if input.case.address_confidential && !m.needs_address {
                    prop_assert!(d.address_withheld_from.contains(id));
                }
            }
            // Combined: never less than the 支援会議 alone allows.
            if kind == MeetingKind::Combined && d.mode.is_some() {
                let mut alone = input.clone();
                alone.meeting.kind = MeetingKind::SupportMeeting;
                let a = check(&alone);
                for (cat, ids) in &a.recipients {
                    for id in ids {
                        prop_assert!(d.recipients[cat].contains(id), "{id} lost {cat:?} in the combined sitting");
                    }
                }
            }
        }
    }
}

#[test]
fn membership_decides_and_explains_in_one_evaluation() {
    use super::check::{membership, Member};
    use super::kind::MeetingKind;
    let date = chrono::NaiveDate::from_ymd_opt(2026, 5, 20).unwrap();
    let member = |appointed: bool| -> Member {
        serde_json::from_value(json!({
            "id": "m1", "name": "相談支援員", "appointed": appointed,
            "confidentiality": ["public_servant"]
        }))
        .unwrap()
    };
    // The decision names the rule it rests on: an appointed member of the 支援会議.
    assert_eq!(
        membership(MeetingKind::SupportMeeting, date, &member(true)),
        Ok(R_SUPPORT_MEMBER)
    );
    // Not appointed: the same evaluation gives the why-not, under the same rule.
    let why = membership(MeetingKind::SupportMeeting, date, &member(false)).unwrap_err();
    assert_eq!(why.rule, R_SUPPORT_MEMBER.id);
    assert!(why.message_ja.contains("m1"), "{}", why.message_ja);
    // The 重層的支援会議 shares on consent alone.
    assert_eq!(
        membership(MeetingKind::JusouMeeting, date, &member(true))
            .unwrap_err()
            .rule,
        R_JUSOU_CONSENT.id
    );
}
