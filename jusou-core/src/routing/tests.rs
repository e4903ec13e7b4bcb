//! Unit tests: compiled only under #[cfg(test)] (declared in mod.rs).
//! Each routing rule: one case where it fires and one where it must not.

use serde_json::{json, Value};

use super::*;

/// A one-person case one agency can resolve: fires only R-ROUTE-STAYS.
fn base() -> Value {
    json!({
        "id": "t",
        "received_on": "2026-06-01",
        "received_by": {"agency": "窓口"},
        "household": [
            {"id": "A", "age": 50, "relation": "self", "subject": true, "issues": ["poverty"]}
        ],
        "findings": {"one_agency_can_resolve": true}
    })
}

fn with(mut v: Value, f: impl FnOnce(&mut Value)) -> Value {
    f(&mut v);
    v
}

fn member(id: &str, age: i64, relation: &str, issues: &[&str]) -> Value {
    json!({"id": id, "age": age, "relation": relation, "issues": issues})
}

fn route_v(v: &Value) -> RouteDecision {
    route_json(&v.to_string()).unwrap()
}

fn fired(v: &Value, rule: &str) -> bool {
    let d = route_v(v);
    d.reasons.iter().chain(&d.signals).any(|r| r.rule == rule)
        || d.statutory_alerts.iter().any(|a| a.rule == rule)
}

fn add(v: &mut Value, m: Value) {
    v["household"].as_array_mut().unwrap().push(m);
}

fn set_subject_issues(v: &mut Value, issues: &[&str]) {
    v["household"][0]["issues"] = json!(issues);
}

fn consent(subject: &str, given: &str) -> Value {
    json!({"id": "c1", "subject": subject, "given_by": {"kind": "self"},
           "scope": {"organisations": ["社協"], "categories": ["basic"]},
           "given_on": given, "form": {"kind": "written"}})
}

/// (rule, a case where it fires, a case where it must not).
fn pairs() -> Vec<(&'static str, Value, Value)> {
    vec![
        (
            "R-ROUTE-ALERT-CHILD-PROTECTION",
            with(base(), |v| {
                set_subject_issues(v, &["hoarding"]);
                add(v, member("C", 9, "child", &[]));
            }),
            with(base(), |v| set_subject_issues(v, &["hoarding"])),
        ),
        (
            "R-ROUTE-ALERT-CHILD-ABUSE",
            with(base(), |v| {
                add(v, member("C", 9, "child", &["child_abuse"]))
            }),
            with(base(), |v| {
                add(v, member("C", 9, "child", &["school_refusal"]))
            }),
        ),
        (
            "R-ROUTE-ALERT-ELDER-ABUSE",
            with(base(), |v| {
                add(v, member("M", 80, "mother", &["elder_abuse"]))
            }),
            with(base(), |v| add(v, member("M", 80, "mother", &["care"]))),
        ),
        (
            "R-ROUTE-ALERT-DISABILITY-ABUSE",
            with(base(), |v| set_subject_issues(v, &["disability_abuse"])),
            with(base(), |v| set_subject_issues(v, &["physical_disability"])),
        ),
        (
            "R-ROUTE-ALERT-DV",
            with(base(), |v| set_subject_issues(v, &["dv"])),
            with(base(), |v| set_subject_issues(v, &["mental_distress"])),
        ),
        (
            "R-ROUTE-MULTI-FIELD",
            with(base(), |v| {
                set_subject_issues(v, &["poverty", "physical_disability"])
            }),
            with(base(), |v| {
                set_subject_issues(v, &["poverty", "debt", "isolation"])
            }),
        ),
        (
            "R-ROUTE-MULTI-MEMBER",
            with(base(), |v| add(v, member("S", 20, "child", &["debt"]))),
            with(base(), |v| add(v, member("S", 20, "child", &[]))),
        ),
        (
            "R-ROUTE-8050",
            with(base(), |v| {
                set_subject_issues(v, &["hikikomori"]);
                add(v, member("M", 75, "mother", &[]));
            }),
            with(base(), |v| {
                set_subject_issues(v, &["hikikomori"]);
                add(v, member("M", 74, "mother", &[]));
            }),
        ),
        (
            "R-ROUTE-DOUBLE-CARE",
            with(base(), |v| {
                add(v, member("M", 65, "mother", &["dementia"]));
                add(v, member("C", 17, "child", &[]));
            }),
            with(base(), |v| {
                add(v, member("M", 65, "mother", &["dementia"]));
                add(v, member("C", 18, "child", &[]));
            }),
        ),
        (
            "R-ROUTE-YOUNG-CARER",
            with(base(), |v| {
                set_subject_issues(v, &["mental_disability"]);
                add(v, member("C", 12, "child", &[]));
            }),
            with(base(), |v| {
                set_subject_issues(v, &["mental_disability"]);
                add(v, member("C", 12, "child", &[]));
                add(v, member("P", 48, "spouse", &[]));
            }),
        ),
        (
            "R-ROUTE-BETWEEN-SYSTEMS",
            with(base(), |v| v["findings"]["between_systems"] = json!(true)),
            base(),
        ),
        (
            "R-ROUTE-RIGID",
            with(base(), |v| v["findings"]["rigid_support"] = json!(true)),
            base(),
        ),
        (
            "R-ROUTE-NOT-ONE-AGENCY",
            with(base(), |v| {
                v["findings"]["one_agency_can_resolve"] = json!(false)
            }),
            base(),
        ),
        (
            "R-ROUTE-STAYS",
            base(),
            with(base(), |v| {
                v["findings"]["one_agency_can_resolve"] = json!(false)
            }),
        ),
        (
            "R-ROUTE-SIGNALS-REVIEW",
            with(base(), |v| v["findings"]["rigid_support"] = json!(true)),
            with(base(), |v| {
                v["findings"]["rigid_support"] = json!(true);
                v["findings"]["one_agency_can_resolve"] = json!(false);
            }),
        ),
        (
            "R-ROUTE-OUTREACH-NO-INSIGHT",
            with(base(), |v| v["findings"]["lacks_insight"] = json!(true)),
            with(base(), |v| v["findings"]["lacks_insight"] = json!(false)),
        ),
        (
            "R-ROUTE-OUTREACH-ISSUE",
            with(base(), |v| set_subject_issues(v, &["isolation"])),
            base(),
        ),
        (
            "R-ROUTE-REFUSES-SERVICE",
            with(base(), |v| {
                v["findings"]["refuses_services"] = json!(["生活保護"])
            }),
            with(base(), |v| {
                v["findings"]["refuses_services"] = json!(["生活保護"]);
                v["findings"]["refuses_support"] = json!(true);
            }),
        ),
        (
            "R-ROUTE-ALERT-STATUTE-UNCLEAR",
            with(base(), |v| {
                add(
                    v,
                    json!({"id": "M", "relation": "mother", "issues": ["elder_abuse"]}),
                )
            }),
            with(base(), |v| {
                add(v, member("M", 80, "mother", &["elder_abuse"]))
            }),
        ),
        (
            "R-ROUTE-OUTREACH-NO-CONTACT",
            with(base(), |v| v["findings"]["no_contact"] = json!(true)),
            base(),
        ),
        (
            "R-ROUTE-OUTREACH-REFUSAL",
            with(base(), |v| v["findings"]["refuses_support"] = json!(true)),
            base(),
        ),
        (
            "R-ROUTE-OUTREACH-WITHDRAWAL",
            with(base(), |v| v["findings"]["withdrawal_years"] = json!(1)),
            with(base(), |v| v["findings"]["withdrawal_years"] = json!(0)),
        ),
        (
            "R-ROUTE-PARTICIPATION",
            with(base(), |v| {
                v["findings"]["participation_need_unmet"] = json!(true)
            }),
            base(),
        ),
        (
            "R-ROUTE-FIRST-SUPPORT-MEETING",
            with(base(), |v| {
                v["findings"]["one_agency_can_resolve"] = json!(false)
            }),
            base(),
        ),
        (
            "R-ROUTE-FIRST-JUSOU-MEETING",
            with(base(), |v| {
                v["findings"]["one_agency_can_resolve"] = json!(false);
                v["consents"] = json!([consent("A", "2026-06-01")]);
            }),
            with(base(), |v| {
                v["findings"]["one_agency_can_resolve"] = json!(false);
                v["consents"] = json!([consent("A", "2026-06-02")]);
            }),
        ),
        (
            "MUNI-X",
            with(base(), |v| {
                v["options"] = json!({"multi_agency_criteria": [
                    {"id": "MUNI-X", "label_ja": "債務と生活困窮", "issues_all": ["poverty"], "issues_any": ["debt"]}]});
                set_subject_issues(v, &["poverty", "debt"]);
            }),
            with(base(), |v| {
                v["options"] = json!({"multi_agency_criteria": [
                    {"id": "MUNI-X", "label_ja": "債務と生活困窮", "issues_all": ["poverty"], "issues_any": ["debt"]}]});
            }),
        ),
    ]
}

#[test]
fn every_rule_fires_and_holds_back() {
    let pairs = pairs();
    for (rule, yes, no) in &pairs {
        assert!(fired(yes, rule), "{rule} should fire");
        assert!(!fired(no, rule), "{rule} must not fire");
    }
    for r in rules::ALL {
        assert!(
            pairs.iter().any(|(id, _, _)| *id == r.rule.id),
            "{} has no fire/hold-back test",
            r.rule.id
        );
    }
}

#[test]
fn base_case_stays_with_poverty_window() {
    let d = route_v(&base());
    assert!(d.multi_agency == Some(false) && !d.outreach && !d.participation_support);
    assert_eq!(d.lead_program, Some(ProgramCode::Item1Ni));
    assert_eq!(d.first_meeting, None);
    assert_eq!(d.reasons.len(), 1);
}

#[test]
fn consent_withdrawn_on_the_day_does_not_count() {
    let v = with(base(), |v| {
        v["findings"]["no_contact"] = json!(true);
        let mut c = consent("A", "2026-01-01");
        c["withdrawn_on"] = json!("2026-06-01");
        v["consents"] = json!([c]);
    });
    assert_eq!(
        route_v(&v).first_meeting,
        Some(FirstMeeting::SupportMeeting)
    );
}

#[test]
fn as_of_decides_consent_and_cannot_precede_intake() {
    let mut case: Case = decode(
        &with(base(), |v| {
            v["findings"]["one_agency_can_resolve"] = json!(false);
            v["consents"] = json!([consent("A", "2026-07-01")]);
        })
        .to_string(),
    )
    .unwrap();
    let opts = Options::default();
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let d = route(&case, &opts, day("2026-07-01")).unwrap();
    assert_eq!(d.first_meeting, Some(FirstMeeting::JusouMeeting));
    let e = route(&case, &opts, day("2026-05-31")).unwrap_err();
    assert_eq!(e.errors[0].path, "/as_of");
    case.as_of = Some(day("2026-05-31"));
    let e = route_case(&case).unwrap_err();
    assert_eq!(e.errors.len(), 1, "reported once");
}

#[test]
fn statutory_alert_names_member_and_law() {
    let v = with(base(), |v| {
        add(v, member("C", 9, "child", &["child_abuse"]))
    });
    let d = route_v(&v);
    assert_eq!(d.statutory_alerts.len(), 1);
    let a = &d.statutory_alerts[0];
    assert_eq!(
        (a.member.as_str(), a.citation),
        ("C", "児童虐待防止法第6条第1項")
    );
}

#[test]
fn validation_collects_all_errors() {
    let v = with(base(), |v| {
        v["household"] = json!([
            {"id": "A", "age": 131, "relation": "self", "subject": true},
            {"id": "A", "relation": "child"}
        ]);
    });
    let e = route_json(&v.to_string()).unwrap_err();
    let codes: Vec<&str> = e.errors.iter().map(|e| e.code.as_ref()).collect();
    assert_eq!(codes, vec!["JUSOU-E-CASE-005", "JUSOU-E-CASE-004"]);
}

#[test]
fn field_boundaries() {
    use crate::case::Issue;
    assert_eq!(field_of(Issue::Care, 17), Some(Field::Children));
    assert_eq!(field_of(Issue::Care, 18), Some(Field::Disability));
    assert_eq!(field_of(Issue::Care, 39), Some(Field::Disability));
    assert_eq!(field_of(Issue::Care, 40), Some(Field::Elderly));
    assert_eq!(field_of(Issue::Hikikomori, 50), None);
    assert!(Issue::ALL.len() <= 32, "issue masks fit in a u32");
}

#[test]
fn unassessed_case_is_pending_and_goes_to_no_meeting() {
    // The issue's example: an elderly couple both needing care, no assessment recorded.
    let v = json!({"id": "t", "received_on": "2026-06-01", "received_by": {"agency": "包括"},
        "household": [
            {"id": "A", "age": 82, "relation": "self", "subject": true, "issues": ["care"]},
            {"id": "B", "age": 80, "relation": "spouse", "issues": ["care", "dementia"]}]});
    let d = route_v(&v);
    assert_eq!(d.multi_agency, None);
    assert_eq!(d.first_meeting, None);
    assert_eq!(d.pending.len(), 1);
    assert!(d.signals.iter().any(|r| r.rule == "R-ROUTE-MULTI-MEMBER"));
    assert!(d
        .why_not
        .iter()
        .any(|w| w.question == Question::MultiAgency && w.outcome == Outcome::Pending));
}

#[test]
fn jusou_meeting_needs_every_central_members_consent() {
    let v = with(base(), |v| {
        v["findings"]["one_agency_can_resolve"] = json!(false);
        add(
            v,
            json!({"id": "B", "age": 50, "relation": "child", "issues": ["hikikomori"], "consent": "refused"}),
        );
        v["consents"] = json!([consent("A", "2026-06-01")]);
    });
    let d = route_v(&v);
    assert_eq!(d.first_meeting, Some(FirstMeeting::SupportMeeting));
    let w = d
        .why_not
        .iter()
        .find(|w| w.question == Question::JusouMeeting)
        .unwrap();
    assert!(
        w.message_en.contains("B (consent refused)"),
        "{}",
        w.message_en
    );
}

#[test]
fn a_child_with_a_disability_is_under_child_abuse_law() {
    let v = with(base(), |v| {
        add(
            v,
            member(
                "C",
                10,
                "child",
                &["intellectual_disability", "disability_abuse"],
            ),
        )
    });
    let d = route_v(&v);
    let rules: Vec<&str> = d.statutory_alerts.iter().map(|a| a.rule).collect();
    assert_eq!(rules, vec!["R-ROUTE-ALERT-CHILD-ABUSE"]);
}

#[test]
fn age_band_leaves_8050_not_assessable() {
    let v = with(base(), |v| {
        set_subject_issues(v, &["hikikomori"]);
        v["household"][0]["age"] = json!("50代");
        add(v, json!({"id": "M", "age": "70代", "relation": "mother"}));
    });
    let d = route_v(&v);
    assert!(d.patterns.is_empty());
    assert_eq!(d.not_assessable[0].check, "8050");
}

#[test]
fn domain_counts_come_before_quadratic_checks() {
    let member = r#"{"id":"A","age":40,"relation":"sibling"},"#;
    let doc = format!(
        r#"{{"id":"x","received_on":"2026-06-01","received_by":{{"agency":"a"}},"household":[{}{}]}}"#,
        member.repeat(5000),
        r#"{"id":"A","age":40,"relation":"self","subject":true}"#
    );
    let e = crate::routing::route_json(&doc).unwrap_err();
    assert_eq!(e.errors.len(), 1);
    assert_eq!(
        e.errors[0].code,
        crate::error::limit_codes::HOUSEHOLD_MEMBERS
    );
    assert_eq!(e.errors[0].path, "/household");
}
