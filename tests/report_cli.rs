//! `jusou report`: the CLI gives the same 実績 as the `report` operation, as JSON and CSV, from
//! report inputs, single logs or folders.

mod common;

use common::{expected, fixtures, jusou};
use serde_json::Value;

#[test]
fn the_cli_report_is_the_operations_report() {
    let input = fixtures("reports").join("two-years-r7.json");
    let (code, out, _) = jusou(&[
        "report",
        input.to_str().unwrap(),
        "--fiscal-year",
        "令和7年度",
        "--json",
    ]);
    assert_eq!(code, 0);
    let got: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(got, expected(&input));
}

#[test]
fn csv_has_one_row_per_measure_and_notes_go_to_stderr() {
    let input = fixtures("reports").join("two-years-r8-targets.json");
    let (code, out, err) = jusou(&[
        "report",
        input.to_str().unwrap(),
        "--fiscal-year",
        "2026",
        "--csv",
    ]);
    assert_eq!(code, 0);
    let rows: Vec<&str> = out.lines().collect();
    let n = jusou_core::annual_report::MEASURES.len();
    assert_eq!(rows.len(), n + 1);
    assert!(rows[0].starts_with("fiscal_year,key,"));
    assert!(rows.contains(
        &"2026,accepted,多機関協働の受理,cases accepted by multi-agency collaboration,events,3,,,"
    ));
    assert!(rows
        .iter()
        .any(|r| r.starts_with("2026,median_days_plan_to_closed,") && r.ends_with(",173.5,2,,")));
    // k6 stops before the year ends: said, not hidden.
    assert!(err.contains("k6"), "{err}");
}

#[test]
fn a_folder_of_logs_is_walked_and_a_case_given_twice_is_refused() {
    let dir = std::env::temp_dir().join(format!("jusou-report-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let log = |id: &str| {
        format!(
            r#"{{"case_id":"{id}","as_of":"2027-03-31","events":[{{"type":"referral","date":"2026-06-01","organisation":"高齢者相談センター"}}]}}"#
        )
    };
    std::fs::write(dir.join("a.json"), log("a")).unwrap();
    std::fs::write(dir.join("sub").join("b.json"), format!("[{}]", log("b"))).unwrap();
    std::fs::write(dir.join("a.expected.json"), "not read").unwrap();
    let (code, out, _) = jusou(&[
        "report",
        dir.to_str().unwrap(),
        "--fiscal-year",
        "R8年度",
        "--json",
    ]);
    assert_eq!(code, 0, "{out}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["counted_logs"], 2);
    assert_eq!(v["measures"][1]["key"], "referrals");
    assert_eq!(v["measures"][1]["value"], 2);
    std::fs::write(dir.join("c.json"), log("a")).unwrap();
    let (code, _, err) = jusou(&["report", dir.to_str().unwrap(), "--fiscal-year", "2026"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("JUSOU-E-REPORT-001") && err.contains("c.json"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
