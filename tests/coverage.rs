//! Coverage (issue #19): every rule of the registry fires in at least one shared vector, every
//! rule's why-not text appears in some expected output, and what the vectors exercise is written
//! to `fixtures/coverage.json` — the set of rule ids that fire and of error codes produced —
//! which the Python and node runners compare with the set they see themselves, so all three
//! bindings are held to the same coverage.
//!
//! `fixtures/coverage.json` is generated: when this test says it is stale, run
//! `JUSOU_WRITE_COVERAGE=1 cargo test --locked --test coverage` and read the diff.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use common::{all_vectors, expected, op_of};
use jusou_core::rule::registry;
use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every input vector of `fixtures/` with its operation.
fn vectors() -> Vec<(PathBuf, &'static str)> {
    let fixtures = root().join("fixtures");
    all_vectors(&fixtures)
        .into_iter()
        .filter_map(|p| {
            let area = p
                .strip_prefix(&fixtures)
                .ok()?
                .components()
                .next()?
                .as_os_str()
                .to_string_lossy()
                .into_owned();
            op_of(&area).map(|op| (p, op))
        })
        .collect()
}

/// The bad-input catalogue's entries as `(op, input text)`, `generate` expanded.
fn bad_entries() -> Vec<(String, String)> {
    let doc: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("fixtures/bad/catalogue.json")).unwrap(),
    )
    .unwrap();
    doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let text = match e["input"].as_str() {
                Some(s) => s.to_owned(),
                None => {
                    let g = &e["generate"];
                    format!(
                        "{}{}{}",
                        g["prefix"].as_str().unwrap(),
                        g["repeat"]
                            .as_str()
                            .unwrap()
                            .repeat(g["times"].as_u64().unwrap() as usize),
                        g["suffix"].as_str().unwrap()
                    )
                }
            };
            (e["op"].as_str().unwrap().to_owned(), text)
        })
        .collect()
}

/// A bad-input entry's answer: the decision or `{"errors": [...]}`.
fn run_bad(op: &str, text: &str) -> Value {
    let result = if op == "batch_line" {
        match jusou_core::api::route_line(text.as_bytes()) {
            None => return Value::Null,
            Some(r) => r.map(|d| serde_json::to_string(&d).unwrap()),
        }
    } else {
        jusou_core::api::call(op, text)
    };
    match result {
        Ok(out) => serde_json::from_str(&out).unwrap(),
        Err(errors) => serde_json::to_value(&errors).unwrap(),
    }
}

/// The ids of the library's rules that fired in an output (`jusou_core::testing::rules_fired`,
/// the one definition `jusou test` uses: every `rule` except under `why_not` and `pending`; ids
/// starting `R-`, as a municipality's own criteria have ids of its choosing), and the error codes
/// in it.
fn seen_in(v: &Value, rules: &mut BTreeSet<String>, codes: &mut BTreeSet<String>) {
    rules.extend(
        jusou_core::testing::rules_fired(v)
            .into_iter()
            .filter(|r| r.starts_with("R-")),
    );
    error_codes(v, codes);
}

fn error_codes(v: &Value, codes: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(c)) = m.get("code") {
                if c.starts_with("JUSOU-E-") {
                    codes.insert(c.clone());
                }
            }
            m.values().for_each(|x| error_codes(x, codes));
        }
        Value::Array(a) => a.iter().for_each(|x| error_codes(x, codes)),
        _ => {}
    }
}

/// Every `message_ja`/`message_en` in an output (why-not texts included).
fn messages(v: &Value, ja: &mut Vec<String>, en: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("message_ja", Value::String(s)) => ja.push(s.clone()),
                    ("message_en", Value::String(s)) => en.push(s.clone()),
                    _ => messages(x, ja, en),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| messages(x, ja, en)),
        _ => {}
    }
}

/// What the shared vectors and the bad-input catalogue exercise, as `fixtures/coverage.json`
/// holds it.
fn coverage() -> Value {
    let (mut rules, mut codes) = (BTreeSet::new(), BTreeSet::new());
    for (path, _) in vectors() {
        seen_in(&expected(&path), &mut rules, &mut codes);
    }
    // Codes produced only through an operation some binding lacks: `batch_line` (the CLI's
    // line reader) and `schema` (not in the WASM module).
    let mut by_op: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (op, text) in bad_entries() {
        let (mut r, mut c) = (BTreeSet::new(), BTreeSet::new());
        seen_in(&run_bad(&op, &text), &mut r, &mut c);
        rules.extend(r);
        by_op.entry(op).or_default().extend(c);
    }
    let everywhere: BTreeSet<String> = by_op
        .iter()
        .filter(|(op, _)| !matches!(op.as_str(), "batch_line" | "schema"))
        .flat_map(|(_, c)| c.iter().cloned())
        .chain(codes.iter().cloned())
        .collect();
    let only = |op: &str| -> Vec<String> {
        by_op
            .get(op)
            .map(|c| c.difference(&everywhere).cloned().collect())
            .unwrap_or_default()
    };
    let batch_only = only("batch_line");
    let schema_only: Vec<String> = only("schema")
        .into_iter()
        .filter(|c| !batch_only.contains(c))
        .collect();
    let all_codes: BTreeSet<String> = everywhere
        .iter()
        .chain(&batch_only)
        .chain(&schema_only)
        .cloned()
        .collect();
    json!({
        "about": "Generated by tests/coverage.rs (JUSOU_WRITE_COVERAGE=1 cargo test --locked --test coverage): the rule ids that fire and the error codes produced by the shared vectors (fixtures/<area>/) and the bad-input catalogue (fixtures/bad/). tests/coverage.rs, jusou-py/tests/test_coverage.py and jusou-wasm/tests/coverage.test.mjs each check they see exactly these.",
        "rules": rules,
        "codes": all_codes,
        "codes_only_through": {"batch_line": batch_only, "schema": schema_only},
    })
}

#[test]
fn the_coverage_file_is_current() {
    let path = root().join("fixtures/coverage.json");
    let want = coverage();
    let text = format!("{}\n", serde_json::to_string_pretty(&want).unwrap());
    if std::env::var_os("JUSOU_WRITE_COVERAGE").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let have: Value = std::fs::read_to_string(&path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Value::Null);
    assert!(
        have == want,
        "fixtures/coverage.json is stale: run `JUSOU_WRITE_COVERAGE=1 cargo test --locked --test coverage` and read the diff"
    );
}

#[test]
fn every_rule_of_the_registry_fires_in_a_fixture() {
    let cov = coverage();
    let fired: BTreeSet<&str> = cov["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let registered: BTreeSet<&str> = registry::all().iter().map(|r| r.id).collect();
    let never: Vec<_> = registered.difference(&fired).collect();
    assert!(
        never.is_empty(),
        "rules no fixture fires ({}): {never:?}",
        never.len()
    );
    let unknown: Vec<_> = fired.difference(&registered).collect();
    assert!(
        unknown.is_empty(),
        "rules fired but not registered: {unknown:?}"
    );
}

#[test]
fn every_why_not_text_appears_in_an_expected_output() {
    let (mut ja, mut en) = (Vec::new(), Vec::new());
    for (path, _) in vectors() {
        messages(&expected(&path), &mut ja, &mut en);
    }
    let mut missing = Vec::new();
    let mut checked = 0;
    for r in registry::all() {
        if let Some(n) = r.not_ja {
            checked += 1;
            if !ja.iter().any(|m| m.contains(n)) {
                missing.push(format!("{} (ja): {n}", r.id));
            }
        }
        if let Some(n) = r.not_en {
            if !en.iter().any(|m| m.contains(n)) {
                missing.push(format!("{} (en): {n}", r.id));
            }
        }
    }
    assert!(checked >= 10, "only {checked} rules have a why-not text");
    assert!(
        missing.is_empty(),
        "why-not texts no expected output shows:\n{}",
        missing.join("\n")
    );
}

/// A plain check that the vectors are found where the bindings look for them.
#[test]
fn vectors_are_found() {
    assert!(vectors().len() >= 100);
    assert!(root().join("fixtures/bad/catalogue.json").is_file());
}
