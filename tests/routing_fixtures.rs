//! Every routing vector in `fixtures/cases/` run through the core JSON entry point
//! (`jusou_core::routing::route_json`), compared exactly with its `.expected.json`.

use std::fs;
use std::path::Path;

#[test]
fn routing_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases");
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.ends_with(".json") && !n.ends_with(".expected.json")
        })
        .collect();
    names.sort();
    assert!(names.len() >= 30, "at least 30 routing vectors");
    let mut failures = Vec::new();
    for input in &names {
        let expected_path = input.with_extension("expected.json");
        let text = fs::read_to_string(input).unwrap();
        let got = match jusou_core::routing::route_json(&text) {
            Ok(d) => serde_json::to_value(d).unwrap(),
            Err(e) => serde_json::to_value(e).unwrap(),
        };
        let expected: serde_json::Value = match fs::read_to_string(&expected_path) {
            Ok(t) => serde_json::from_str(&t).unwrap(),
            Err(_) => {
                failures.push(format!("{}: no expected file", input.display()));
                continue;
            }
        };
        if got != expected {
            failures.push(format!(
                "{}: got\n{}",
                input.display(),
                serde_json::to_string_pretty(&got).unwrap()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn niiza_model_case() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases");
    let text = fs::read_to_string(dir.join("niiza-8050-model.json")).unwrap();
    let d = jusou_core::routing::route_json(&text).unwrap();
    assert!(d.multi_agency);
    assert!(d.outreach);
    assert_eq!(
        serde_json::to_value(d.first_meeting).unwrap(),
        "support_meeting"
    );
}
