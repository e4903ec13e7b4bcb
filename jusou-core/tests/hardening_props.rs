//! Hardening properties (issue #10): 和暦 ⇄ 西暦 round-trips for every supported day; funding
//! shares always add up to the amount; every JSON entry point answers arbitrary text and
//! arbitrary JSON values with a decision or coded errors, never a panic; the pre-parse limit
//! scan never rejects a document within the limits. The plan-replay and meeting-recipient
//! properties live in `plan_props.rs` and `meeting/tests.rs`.

use chrono::{Days, NaiveDate};
use jusou_core::calendar::{self, from_wareki, parse_day, to_wareki, MAX_DATE, MIN_DATE};
use jusou_core::law::funding::{split, MAX_AMOUNT, SCHEMES};
use jusou_core::law::ProgramCode;
use jusou_core::{api, limits};
use proptest::prelude::*;
use serde_json::Value;

const OPS: [&str; 10] = [
    "parse_date",
    "fiscal_year",
    "split_funding",
    "schema",
    "route",
    "route_many",
    "plan",
    "check_municipality",
    "meeting",
    "version",
];

#[test]
fn wareki_round_trips_for_every_supported_day() {
    let mut d = MIN_DATE;
    let mut n = 0;
    while d <= MAX_DATE {
        let w = to_wareki(d).unwrap_or_else(|| panic!("{d} has no 和暦"));
        assert_eq!(from_wareki(w), Ok(d), "{w}");
        let text = w.to_string();
        assert_eq!(parse_day(&text).map(|p| p.0), Ok(d), "{text}");
        assert_eq!(parse_day(&d.to_string()).map(|p| p.0), Ok(d));
        // The day before the range and after it are refused, never mis-read.
        n += 1;
        d = d + Days::new(1);
    }
    assert_eq!(n, (MAX_DATE - MIN_DATE).num_days() + 1);
    for outside in [MIN_DATE.pred_opt().unwrap(), MAX_DATE.succ_opt().unwrap()] {
        let e = parse_day(&outside.to_string()).unwrap_err();
        assert_eq!(e.errors[0].code, "JUSOU-E-DATE-004", "{outside}");
    }
}

fn day_in_range() -> impl Strategy<Value = NaiveDate> {
    (0..=(MAX_DATE - MIN_DATE).num_days() as u64).prop_map(|o| MIN_DATE + Days::new(o))
}

fn funding_target() -> impl Strategy<Value = String> {
    let mut targets: Vec<String> = ProgramCode::ALL
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    targets.extend(SCHEMES.iter().map(|s| s.key.to_owned()));
    proptest::sample::select(targets)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The shares of every split add up to the amount exactly, and none exceeds it.
    #[test]
    fn funding_shares_sum_to_the_amount(
        amount in prop_oneof![0..=MAX_AMOUNT, 0..10_000u64, Just(MAX_AMOUNT)],
        target in funding_target(),
        day in day_in_range(),
    ) {
        if let Ok(s) = split(amount, &target, day) {
            prop_assert_eq!(s.amount, amount);
            prop_assert_eq!(s.shares.iter().map(|x| x.amount).sum::<u64>(), amount);
        }
    }

    /// 年度 of any supported day contains it.
    #[test]
    fn fiscal_year_contains_its_day(day in day_in_range()) {
        let fy = calendar::FiscalYear::of(day);
        if let (Some(s), Some(e)) = (fy.start(), fy.end()) {
            prop_assert!(s <= day && day <= e);
        }
    }
}

/// Arbitrary JSON values, nested a little, with keys the inputs use so that some get deep.
fn json_value() -> impl Strategy<Value = Value> {
    let keys = proptest::sample::select(vec![
        "id",
        "household",
        "age",
        "relation",
        "subject",
        "issues",
        "received_on",
        "received_by",
        "agency",
        "events",
        "type",
        "date",
        "organisation",
        "case",
        "meeting",
        "members",
        "attendees",
        "agenda",
        "consents",
        "code",
        "programs",
        "amount",
        "program",
        "as_of",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
        proptest::sample::select(vec![
            "2026-04-01",
            "令和元年4月1日",
            "2026-02-30",
            "self",
            "care",
            "hikikomori",
            "1-i",
            "referral",
            "support_meeting",
            "basic",
            "112305",
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(keys.clone(), inner, 0..6).prop_map(|m| Value::Object(
                m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

fn check_answer(op: &str, text: &str) -> Result<(), TestCaseError> {
    match api::call(op, text) {
        Ok(out) => {
            prop_assert!(
                serde_json::from_str::<Value>(&out).is_ok(),
                "{op}: output is not JSON"
            );
        }
        Err(e) => {
            prop_assert!(!e.errors.is_empty());
            for x in &e.errors {
                prop_assert!(x.code.starts_with("JUSOU-E-"), "{op}: {}", x.code);
                prop_assert!(
                    x.path.is_empty() || x.path.starts_with('/'),
                    "{op}: {}",
                    x.path
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Every operation answers arbitrary text with output JSON or coded errors.
    #[test]
    fn every_op_survives_arbitrary_text(text in "\\PC{0,300}") {
        for op in OPS {
            check_answer(op, &text)?;
        }
    }

    /// Every operation answers arbitrary JSON values (the shapes bindings send) likewise, and
    /// the routing batch and the line reader never panic on them either.
    #[test]
    fn every_op_survives_arbitrary_json(v in json_value()) {
        let text = v.to_string();
        for op in OPS {
            check_answer(op, &text)?;
        }
        let _ = api::route_line(text.as_bytes());
        check_answer("route_many", &format!("[{text}]"))?;
    }

    /// Arbitrary bytes through the batch line reader: never a panic.
    #[test]
    fn route_line_survives_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = api::route_line(&bytes);
    }

    /// The limit scan accepts every document within the limits (no false alarm on escapes,
    /// nested keys or strings holding brackets).
    #[test]
    fn scan_accepts_documents_within_the_limits(v in json_value(), s in "[\\[\\]{}\"\\\\,:a-z]{0,40}") {
        let doc = serde_json::json!({"a": v, "b": [s.clone(), {"c\"]}": s}]});
        prop_assert!(limits::scan(&doc.to_string()).is_ok());
        prop_assert!(limits::scan(&serde_json::to_string_pretty(&doc).unwrap()).is_ok());
    }
}
