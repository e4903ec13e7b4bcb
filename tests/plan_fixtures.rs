//! The 新座市 log and the invalid logs (every vector is compared with its expected output in
//! `tests/fixtures.rs`). Invalid logs are named `NN-<rule id>-at-<event_index>.json` and must
//! break exactly that rule at exactly that event.

mod common;

use std::path::{Path, PathBuf};

use common::vectors;
use serde_json::Value;

fn run(path: &Path) -> Value {
    common::run("plan", path)
}

fn root() -> PathBuf {
    common::fixtures("plans")
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
        let got = run(p);
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

/// Issue 17: the plan form's rules beyond 「支援の種類及び内容」 rest on the manual, not on a
/// verified ordinance: each `warnings/NN-<rule>-at-<index>` log is valid with exactly that warning.
#[test]
fn each_warning_log_is_valid_with_its_own_warning() {
    let all = vectors(&root().join("warnings"));
    assert!(all.len() >= 6, "the soft plan-form rules");
    for p in &all {
        let got = run(p);
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        let (head, at) = name.rsplit_once("-at-").unwrap();
        let rule = head.split_once('-').unwrap().1.to_uppercase();
        let at: u64 = at.parse().unwrap();
        assert_eq!(got["valid"], true, "{name}");
        let w = got["warnings"].as_array().unwrap();
        assert_eq!(w.len(), 1, "{name}: exactly one warning, got {w:?}");
        assert_eq!(w[0]["rule"], rule.as_str(), "{name}");
        assert_eq!(w[0]["event_index"], at, "{name}");
    }
}
