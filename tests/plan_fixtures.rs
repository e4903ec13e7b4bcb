//! Every plan vector in `fixtures/plans/` (and `fixtures/plans/invalid/`) through the core JSON
//! entry point, compared exactly with its `.expected.json` (what `jusou --json plan` prints).
//! Invalid logs are named `NN-<rule id>-at-<event_index>.json` and must break exactly that rule
//! at exactly that event.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn vectors(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && !p.to_string_lossy().ends_with(".expected.json")
        })
        .collect();
    out.sort();
    out
}

fn run(path: &Path) -> Value {
    let input = fs::read_to_string(path).unwrap();
    match jusou_core::plan::replay_json(&input) {
        Ok(r) => serde_json::to_value(r).unwrap(),
        Err(e) => serde_json::to_value(e).unwrap(),
    }
}

fn check_expected(path: &Path) -> Value {
    let got = run(path);
    let expected_path = path.with_extension("expected.json");
    let expected: Value = serde_json::from_str(
        &fs::read_to_string(&expected_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display())),
    )
    .unwrap();
    assert_eq!(
        got,
        expected,
        "{} differs from its expected output",
        path.display()
    );
    got
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/plans")
}

#[test]
fn every_plan_vector_matches() {
    let all = vectors(&root());
    assert!(all.len() >= 6, "plan vectors missing");
    for p in &all {
        check_expected(p);
    }
}

#[test]
fn the_niiza_case_is_valid_and_ends_closed() {
    let r = run(&root().join("niiza-8050-model.json"));
    assert_eq!(r["valid"], true);
    assert_eq!(r["state"]["multi_agency"], "closed");
    assert_eq!(r["state"]["outreach"], "closed");
    assert_eq!(r["state"]["participation"], "closed");
    assert_eq!(r["violations"], serde_json::json!([]));
}

#[test]
fn each_invalid_log_breaks_its_own_rule_at_its_event() {
    let all = vectors(&root().join("invalid"));
    assert!(all.len() >= 25, "at least 25 invalid logs");
    for p in &all {
        let got = check_expected(p);
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        // NN-r-plan-xxx-at-K
        let (head, at) = name.rsplit_once("-at-").unwrap();
        let rule = head.split_once('-').unwrap().1.to_uppercase();
        let at: u64 = at.parse().unwrap();
        assert_eq!(got["valid"], false, "{name}");
        let v = got["violations"].as_array().unwrap();
        assert_eq!(v.len(), 1, "{name}: exactly one violation, got {v:?}");
        assert_eq!(v[0]["rule"], rule.as_str(), "{name}");
        assert_eq!(v[0]["event_index"], at, "{name}");
    }
}
