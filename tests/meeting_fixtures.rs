//! Every vector under `fixtures/meetings/` through the core JSON entry point, compared exactly
//! with its `.expected.json` (what `jusou --json meeting` prints).

use std::fs;
use std::path::Path;

use serde_json::Value;

#[test]
fn meeting_fixtures_match() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/meetings");
    let mut inputs: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".json") && !name.ends_with(".expected.json")
        })
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 25, "only {} meeting fixtures", inputs.len());
    let mut failures = Vec::new();
    for input in &inputs {
        let text = fs::read_to_string(input).unwrap();
        let got = match jusou_core::meeting::check_json(&text) {
            Ok(d) => serde_json::to_value(d).unwrap(),
            Err(e) => serde_json::to_value(e).unwrap(),
        };
        let expected_path = input.with_extension("expected.json");
        let expected: Value = serde_json::from_str(
            &fs::read_to_string(&expected_path)
                .unwrap_or_else(|_| panic!("missing {}", expected_path.display())),
        )
        .unwrap();
        if got != expected {
            failures.push(format!(
                "{}:\n  expected {}\n  got      {}",
                input.display(),
                expected,
                got
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn niiza_model_case_outcomes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/meetings");
    let run = |name: &str| {
        let text = fs::read_to_string(dir.join(name)).unwrap();
        jusou_core::meeting::check_json(&text).unwrap()
    };
    let before = run("niiza-before-consent.json");
    assert!(before.allowed);
    assert_eq!(
        serde_json::to_value(before.mode).unwrap(),
        "support_meeting"
    );
    let after = run("niiza-after-consent.json");
    assert!(after.allowed);
    assert_eq!(serde_json::to_value(after.mode).unwrap(), "jusou_meeting");
}
