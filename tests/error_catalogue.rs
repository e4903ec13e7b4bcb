//! The error catalogue (`jusou_core::error::catalogue`) is complete and exercised (issue #19):
//! every code written anywhere in the source is in it, every released code stays in it, and every
//! code is produced by a fixture or a bad-input catalogue entry (run by all three bindings; the set
//! is `fixtures/coverage.json`, which tests/coverage.rs keeps current) — or,
//! for codes raised outside `api::call` (CLI, service, C ABI, Python boundary), named by a test of
//! that surface.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use jusou_core::error::catalogue::{Raised, CATALOGUE};

/// Codes raised through `api::call` that no fixture produces, each with the reason and the test
/// that produces it instead (checked below: the test file must name the code).
/// (JUSOU-E-API-001, once here, has a bad-input entry with a misspelt operation.)
const API_CODES_TESTED_ELSEWHERE: &[(&str, &str)] = &[
    // Merging partial reports (the Dask example's aggregation) is an operation of its own.
    ("JUSOU-E-REPORT-003", "jusou-py/tests/test_report_merge.py"),
];

/// Codes no input is known to produce; kept in the catalogue because they were released.
const NOT_PRODUCED: &[(&str, &str)] = &[
    ("JUSOU-E-API-002", "an output that cannot be encoded: a bug, no input produces it"),
    ("JUSOU-E-FFI-003", "a panic caught at the C boundary: a bug, no input produces it"),
    ("JUSOU-E-INTERNAL-001", "a panic caught at the Python boundary: a bug, no input produces it"),
    (
        "JUSOU-E-JSON-099",
        "fallback for a serde message no other rule classifies; every serde message jusou's inputs \
         give today is classified",
    ),
    (
        "JUSOU-E-LAW-002",
        "declared for a program asked about before it was in force; no operation raises it today",
    ),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn walk(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for entry in rd.flatten() {
        let p = entry.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            if !["target", "node_modules", ".git", "pkg", "dist"].contains(&name) {
                walk(&p, exts, out);
            }
        } else if exts.iter().any(|e| name.ends_with(e)) {
            out.push(p);
        }
    }
}

/// Every `JUSOU-E-<AREA>-<NNN>` in `text`.
fn codes_in(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find("JUSOU-E-") {
        let tail = &rest[i..];
        let end = tail
            .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'))
            .unwrap_or(tail.len());
        let code = &tail[..end];
        let parts: Vec<&str> = code.split('-').collect();
        if parts.len() == 4 && parts[3].len() == 3 && parts[3].bytes().all(|b| b.is_ascii_digit()) {
            found.insert(code.to_owned());
        }
        rest = &tail[8..];
    }
    found
}

fn files_text(dirs: &[&str], exts: &[&str]) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for d in dirs {
        walk(&root().join(d), exts, &mut files);
    }
    files
        .into_iter()
        .filter_map(|p| fs::read_to_string(&p).ok().map(|t| (p, t)))
        .collect()
}

fn catalogue_codes() -> BTreeSet<&'static str> {
    CATALOGUE.iter().map(|e| e.code).collect()
}

#[test]
fn every_code_in_the_source_is_in_the_catalogue() {
    let known = catalogue_codes();
    let sources = files_text(
        &[
            "jusou-core/src",
            "src",
            "jusou-ffi/src",
            "jusou-py/src",
            "jusou-py/python",
            "jusou-wasm/src",
            "jusou-wasm/js",
            "tests",
            "jusou-py/tests",
        ],
        &[".rs", ".py", ".pyi", ".js", ".mjs", ".ts"],
    );
    assert!(sources.len() > 20, "source files not found");
    for (path, text) in &sources {
        for code in codes_in(text) {
            assert!(
                known.contains(code.as_str()),
                "{code} (in {}) is not in the error catalogue",
                path.display()
            );
        }
    }
}

#[test]
fn the_released_list_and_the_catalogue_agree() {
    let released = fs::read_to_string(root().join("fixtures/errors/released.txt")).unwrap();
    let released: BTreeSet<&str> = released
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    // Never removed: every released code is still catalogued.
    for code in &released {
        assert!(
            catalogue_codes().contains(code),
            "released {code} was removed"
        );
    }
    // A new code is added to the released list with it (so it can never disappear afterwards).
    for code in catalogue_codes() {
        assert!(
            released.contains(code),
            "{code} is catalogued but not in fixtures/errors/released.txt: append it"
        );
    }
}

#[test]
fn every_code_is_produced_somewhere() {
    // What the shared vectors and the bad-input catalogue really produce, as tests/coverage.rs
    // generates it (and the Python and node runners check they produce the same).
    let coverage: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root().join("fixtures/coverage.json")).unwrap())
            .unwrap();
    let produced: BTreeSet<String> = coverage["codes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c.as_str().map(str::to_owned))
        .collect();
    let tests = files_text(
        &[
            "tests",
            "jusou-ffi/tests",
            "jusou-py/tests",
            "jusou-wasm/tests",
            "src/cli",
        ],
        &[".rs", ".py", ".mjs", ".js", ".c", ".java"],
    );
    let named_by_a_test = |code: &str, name: &str| {
        tests.iter().any(|(p, t)| {
            (t.contains(code) || t.contains(&format!("codes::{name}")) || t.contains(name))
                && !p.ends_with("error_catalogue.rs")
        })
    };
    let mut missing = Vec::new();
    for e in CATALOGUE {
        let name = const_name(e.code);
        let ok = match e.raised {
            Raised::Retired => true,
            Raised::Api => {
                produced.contains(e.code)
                    || API_CODES_TESTED_ELSEWHERE.iter().any(|(c, file)| {
                        *c == e.code
                            && fs::read_to_string(root().join(file))
                                .is_ok_and(|t| t.contains(e.code))
                    })
                    || NOT_PRODUCED.iter().any(|(c, _)| *c == e.code)
            }
            Raised::Outside => {
                named_by_a_test(e.code, &name) || NOT_PRODUCED.iter().any(|(c, _)| *c == e.code)
            }
        };
        if !ok {
            missing.push(e.code);
        }
    }
    assert!(
        missing.is_empty(),
        "codes no fixture or test produces: {missing:?}"
    );
    // The allowlist stays honest: a code listed as not produced must really not be produced.
    for (code, why) in NOT_PRODUCED {
        assert!(
            !produced.contains(*code),
            "{code} is produced now ({why}): drop it from the list"
        );
    }
}

/// The name of a code's catalogue constant, found in the catalogue's source.
fn const_name(code: &str) -> String {
    let src = include_str!("../jusou-core/src/error/catalogue.rs");
    src.lines()
        .find(|l| l.contains(&format!("= \"{code}\"")))
        .and_then(|l| l.split('=').next())
        .map(|n| n.trim().to_owned())
        .unwrap_or_default()
}

/// serde's English never reaches a Japanese message: it goes to `detail` (issue #19).
#[test]
fn no_japanese_message_carries_the_parsers_english() {
    const SERDE_WORDS: &[&str] = &[
        "invalid type",
        "invalid value",
        "invalid length",
        "expected",
        "unknown field",
        "unknown variant",
        "missing field",
        "EOF",
        "at line",
        "trailing",
    ];
    fn walk_json(v: &serde_json::Value, found: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    if k == "message_ja" {
                        if let Some(s) = v.as_str() {
                            found.push(s.to_owned());
                        }
                    }
                    walk_json(v, found);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk_json(v, found)),
            _ => {}
        }
    }
    let mut messages = Vec::new();
    for (_, text) in files_text(&["fixtures"], &[".expected.json"]) {
        if let Ok(v) = serde_json::from_str(&text) {
            walk_json(&v, &mut messages);
        }
    }
    // The bad-input catalogue's inputs, answered now.
    let bad: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(root().join("fixtures/bad/catalogue.json")).unwrap(),
    )
    .unwrap();
    for entry in bad["entries"].as_array().unwrap() {
        let (Some(op), Some(input)) = (entry["op"].as_str(), entry["input"].as_str()) else {
            continue;
        };
        if op == "batch_line" {
            continue;
        }
        if let Err(errors) = jusou_core::api::call(op, input) {
            walk_json(&serde_json::to_value(&errors).unwrap(), &mut messages);
        }
    }
    assert!(
        messages.len() > 50,
        "too few messages found: {}",
        messages.len()
    );
    for m in &messages {
        for w in SERDE_WORDS {
            assert!(
                !m.contains(w),
                "message_ja carries serde's English ({w}): {m}"
            );
        }
    }
}

/// The age field's messages are the clerk's sentence, whatever the JSON got wrong (`80.5`, `-0`).
#[test]
fn an_age_that_is_not_a_whole_number_gets_the_clerks_sentence() {
    for age in ["80.5", "-0", "80.0", "1e30"] {
        let input = format!(
            r#"{{"id":"b","received_on":"2026-06-01","received_by":{{"agency":"x"}},"household":[{{"id":"A","age":{age},"relation":"self","subject":true}}]}}"#
        );
        let errors = jusou_core::api::call("route", &input).unwrap_err();
        let out = serde_json::to_value(&errors).unwrap();
        let e = &out["errors"][0];
        assert_eq!(e["path"], "/household/0/age", "{age}: {e}");
        assert_eq!(
            e["message_ja"], "年齢は0〜130の整数で入力してください",
            "{age}: {e}"
        );
    }
}
