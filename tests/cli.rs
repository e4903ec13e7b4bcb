//! The CLI contract of DESIGN.md: outputs, `--json`, and exit codes (0 decision, 1 invalid
//! input, 2 usage).

mod common;

use std::process::Command;

use common::jusou;
use serde_json::Value;

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

// ---- files as Japanese offices write them (issue 14) ---------------------------------------

fn fixtures(area: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(area)
}

/// A scratch file for one test (the test names keep parallel tests apart).
fn scratch(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("jusou-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join(name);
    std::fs::write(&f, bytes).unwrap();
    f
}

fn with_bom(bytes: &[u8]) -> Vec<u8> {
    [b"\xEF\xBB\xBF".as_slice(), bytes].concat()
}

/// The first input vector of a fixture folder (not an expected output).
fn first_vector(area: &str) -> std::path::PathBuf {
    let mut files: Vec<_> = std::fs::read_dir(fixtures(area))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_str().unwrap();
            n.ends_with(".json") && !n.ends_with(".expected.json")
        })
        .collect();
    files.sort();
    files.into_iter().next().unwrap()
}

fn argv(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

fn jusou_stdin(args: &[&str], input: &[u8]) -> (i32, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_jusou"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn a_bom_case_file_routes_exactly_like_the_original() {
    let original = fixtures("cases").join("niiza-8050-model.json");
    let bom = scratch(
        "niiza-bom.json",
        &with_bom(&std::fs::read(&original).unwrap()),
    );
    for json in [false, true] {
        let run = |f: &std::path::Path| {
            let mut args = vec!["route", f.to_str().unwrap()];
            if json {
                args.insert(0, "--json");
            }
            jusou(&args)
        };
        let (want, got) = (run(&original), run(&bom));
        assert_eq!(want.0, 0, "{}", want.2);
        assert_eq!(got, want, "--json: {json}");
    }
}

#[test]
fn every_file_the_cli_reads_may_start_with_a_bom() {
    let case = fixtures("cases").join("niiza-8050-model.json");
    let case = case.to_str().unwrap();
    // (name, the file, the command line for a copy of it)
    type Args = fn(&str, &str) -> Vec<String>;
    let runs: [(&str, std::path::PathBuf, Args); 5] = [
        ("meeting", first_vector("meetings"), |f, _| {
            argv(&["--json", "meeting", f])
        }),
        ("plan", first_vector("plans"), |f, _| {
            argv(&["--json", "plan", f])
        }),
        ("municipality", first_vector("municipalities"), |f, _| {
            argv(&["--json", "municipality", f])
        }),
        (
            "api",
            fixtures("cases").join("niiza-8050-model.json"),
            |f, _| argv(&["api", "route", f]),
        ),
        // A municipality's options read for a case (the case itself without a BOM).
        ("options", first_vector("municipalities"), |f, case| {
            argv(&["--json", "route", "--municipality", f, case])
        }),
    ];
    for (name, file, args) in runs {
        let bom = scratch(
            &format!("{name}-bom.json"),
            &with_bom(&std::fs::read(&file).unwrap()),
        );
        let run = |f: &std::path::Path| {
            let a = args(f.to_str().unwrap(), case);
            jusou(&a.iter().map(String::as_str).collect::<Vec<_>>())
        };
        let (want, got) = (run(&file), run(&bom));
        assert!(!want.1.contains("JUSOU-E-IO"), "{name}: {}", want.1);
        assert_eq!(got, want, "{name}");
    }
    // jusou api on standard input too.
    let text = std::fs::read(case).unwrap();
    let want = jusou_stdin(&["api", "route"], &text);
    assert_eq!(want.0, 0);
    assert_eq!(jusou_stdin(&["api", "route"], &with_bom(&text)), want);
}

#[test]
fn a_bom_jsonl_batch_routes_every_line() {
    let mut jsonl = Vec::new();
    for name in ["niiza-8050-model", "stays-elderly-care"] {
        let text = std::fs::read_to_string(fixtures("cases").join(format!("{name}.json"))).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        jsonl.extend_from_slice(format!("{v}\r\n").as_bytes());
    }
    let plain = scratch("batch.jsonl", &jsonl);
    let bom = scratch("batch-bom.jsonl", &with_bom(&jsonl));
    let want = jusou(&["batch", "route", plain.to_str().unwrap()]);
    let got = jusou(&["batch", "route", bom.to_str().unwrap()]);
    assert_eq!(want.0, 0, "{}", want.1);
    assert_eq!(got, want);
    let ids: Vec<Value> = got
        .1
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["case_id"].clone())
        .collect();
    assert_eq!(ids, ["niiza-8050-model", "stays-elderly-care"]);
    // Standard input (`-`) as well.
    let (code, out) = jusou_stdin(&["batch", "route", "-"], &with_bom(&jsonl));
    assert_eq!((code, out), (want.0, want.1));
}

/// The error a Shift_JIS (CP932) file gets: its own code, naming the encoding and the way out.
fn assert_shift_jis_error(errors: &Value) {
    let e = &errors["errors"][0];
    assert_eq!(e["code"], "JUSOU-E-IO-002", "{errors}");
    let (ja, en) = (
        e["message_ja"].as_str().unwrap(),
        e["message_en"].as_str().unwrap(),
    );
    assert!(
        ja.contains("Shift_JIS")
            && ja.contains("「UTF-8」")
            && ja.contains("iconv -f CP932 -t UTF-8"),
        "{ja}"
    );
    assert!(
        en.contains("Shift_JIS (CP932)") && en.contains("iconv -f CP932 -t UTF-8"),
        "{en}"
    );
}

#[test]
fn a_shift_jis_file_is_named_with_how_to_convert_it() {
    let text = std::fs::read_to_string(fixtures("cases").join("niiza-8050-model.json")).unwrap();
    let (cp932, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!unmappable, "the test file must be fully Shift_JIS");
    let f = scratch("niiza-cp932.json", &cp932);
    let (code, out, _) = jusou(&["--json", "route", f.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_shift_jis_error(&serde_json::from_str(&out).unwrap());
    // Readable form: the code and the conversion on stderr.
    let (code, _, err) = jusou(&["route", f.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("JUSOU-E-IO-002") && err.contains("iconv"),
        "{err}"
    );

    // A batch in Shift_JIS is refused as a whole, before any line.
    let v: Value = serde_json::from_str(&text).unwrap();
    let line = format!("{v}\n");
    let (line, _, _) = encoding_rs::SHIFT_JIS.encode(&line);
    let f = scratch("batch-cp932.jsonl", &line);
    let (code, out, _) = jusou(&["--json", "batch", "route", f.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_shift_jis_error(&serde_json::from_str(&out).unwrap());
}

#[test]
fn other_bytes_that_are_not_utf8_are_a_read_error() {
    let f = scratch("latin1.json", b"{\"id\": \"caf\xE9\"}");
    let (code, out, _) = jusou(&["--json", "route", f.to_str().unwrap()]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["errors"][0]["code"], "JUSOU-E-IO-001");
    assert!(v["errors"][0]["message_en"]
        .as_str()
        .unwrap()
        .contains("not UTF-8"));
}
