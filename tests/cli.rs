//! The CLI contract of DESIGN.md: outputs, `--json`, and exit codes (0 decision, 1 invalid
//! input, 2 usage).

use std::process::Command;

use serde_json::Value;

fn jusou(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_jusou"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn taxonomy_json_lists_every_item_with_its_fields() {
    let (code, out, _) = jusou(&["taxonomy", "--json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let items = v.as_array().unwrap();
    let codes: Vec<&str> = items.iter().map(|p| p["code"].as_str().unwrap()).collect();
    assert_eq!(
        codes,
        [
            "1-i",
            "1-ro",
            "1-ha",
            "1-ni",
            "2",
            "3-i",
            "3-ro",
            "3-ha",
            "3-ni",
            "3-main-community",
            "3-main-consult",
            "4",
            "5",
            "6"
        ]
    );
    for p in items {
        for field in [
            "code",
            "citation",
            "name_ja",
            "name_en",
            "pillar",
            "new_function",
            "field",
        ] {
            assert!(!p[field].is_null(), "{} lacks {field}", p["code"]);
        }
    }
    assert_eq!(items[12]["citation"], "社会福祉法第106条の4第2項第5号");
}

#[test]
fn taxonomy_table_is_readable() {
    let (code, out, _) = jusou(&["taxonomy", "--full"]);
    assert_eq!(code, 0);
    assert!(out.contains("多機関協働事業") && out.contains("multi-agency collaboration"));
    assert!(out.contains("社会福祉法第106条の6第5項"));
    assert!(out.contains("拘禁刑"));
}

#[test]
fn date_reiwa_gannen() {
    let (code, out, _) = jusou(&["date", "令和元年5月1日", "--json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["date"], "2019-05-01");
    assert_eq!(v["fiscal_year"], 2019);
    assert_eq!(v["fiscal_year_wareki"], "令和元年度");
}

#[test]
fn date_before_reiwa_is_an_error_with_exit_1() {
    let (code, out, _) = jusou(&["date", "令和元年4月1日", "--json"]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    let e = &v["errors"][0];
    assert_eq!(e["code"], "JUSOU-E-DATE-003");
    for field in ["path", "message_ja", "message_en"] {
        assert!(e[field].is_string(), "{field}");
    }
}

#[test]
fn heisei_31_may_is_read_with_a_warning() {
    let (code, out, _) = jusou(&["date", "平成31年5月1日", "--json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["date"], "2019-05-01");
    assert_eq!(v["warnings"][0]["rule"], "R-DATE-OLD-ERA");
    let (_, human, _) = jusou(&["date", "平成31年5月1日"]);
    assert!(human.contains("注意 / warnings"));
}

#[test]
fn bad_input_file_prints_errors_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("jusou-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("bad.json");
    std::fs::write(
        &f,
        r#"{"amount": "lots", "program": "5", "as_of": "2026-02-30"}"#,
    )
    .unwrap();
    let (code, out, _) = jusou(&["api", "split_funding", f.to_str().unwrap()]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["errors"][0]["code"], "JUSOU-E-JSON-002");
    assert_eq!(v["errors"][0]["path"], "/amount");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(jusou(&["no-such-command"]).0, 2);
    assert_eq!(jusou(&["date"]).0, 2);
}

#[test]
fn funding_split_sums_exactly() {
    let (code, out, _) = jusou(&["funding", "100", "1-i", "--as-of", "R7.4.1", "--json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let sum: u64 = v["shares"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["amount"].as_u64().unwrap())
        .sum();
    assert_eq!(sum, 100);
}

#[test]
fn schema_for_known_and_unknown_names() {
    let (code, out, _) = jusou(&["schema", "Program"]);
    assert_eq!(code, 0);
    assert!(out.contains("\"title\": \"Program\""));
    assert_eq!(jusou(&["schema", "Nope", "--json"]).0, 1);
}
