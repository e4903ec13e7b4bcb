//! Runs every shared vector in `fixtures/` through `jusou_core::api::call` and compares the output
//! with the expected file as JSON values. Python and node run the same vectors.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The `api::call` operation of a fixtures folder (same table in fixtures/README.md and the
/// Python and node tests).
fn op_of(area: &str) -> Option<&'static str> {
    Some(match area {
        "taxonomy" => "taxonomy",
        "dates" => "parse_date",
        "funding" => "split_funding",
        "cases" => "route",
        "meetings" => "meeting",
        "plans" => "plan",
        "municipalities" => "check_municipality",
        _ => return None,
    })
}

fn inputs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            inputs(&p, out);
        } else if p.extension().is_some_and(|x| x == "json")
            && !p.to_string_lossy().ends_with(".expected.json")
        {
            out.push(p);
        }
    }
}

#[test]
fn every_vector_matches_its_expected_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files = Vec::new();
    inputs(&root, &mut files);
    files.sort();
    let mut checked = 0;
    let mut failures = Vec::new();
    for input in &files {
        let rel = input.strip_prefix(&root).unwrap();
        let area = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .to_string();
        let Some(op) = op_of(&area) else { continue };
        let expected_path = input.with_extension("expected.json");
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&expected_path)
                .unwrap_or_else(|_| panic!("{} has no expected file", rel.display())),
        )
        .unwrap();
        let text = std::fs::read_to_string(input).unwrap();
        let got: Value = match jusou_core::api::call(op, &text) {
            Ok(out) => serde_json::from_str(&out).unwrap(),
            Err(errors) => serde_json::to_value(&errors).unwrap(),
        };
        if got != expected {
            failures.push(format!(
                "{}:\n  expected {}\n  got      {}",
                rel.display(),
                expected,
                got
            ));
        }
        checked += 1;
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} vectors differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked >= 30, "only {checked} vectors found");
}

#[test]
fn route_many_gives_the_same_answers_as_route_one_by_one() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases");
    let mut files = Vec::new();
    inputs(&dir, &mut files);
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let batch = format!("[{}]", texts.join(","));
    let many: Vec<Value> =
        serde_json::from_str(&jusou_core::api::call("route_many", &batch).unwrap()).unwrap();
    assert_eq!(many.len(), texts.len());
    for (i, text) in texts.iter().enumerate() {
        let one: Value = match jusou_core::api::call("route", text) {
            Ok(out) => serde_json::from_str(&out).unwrap(),
            Err(errors) => serde_json::to_value(&errors).unwrap(),
        };
        assert_eq!(many[i], one, "{}", files[i].display());
    }
    // A batch that is not an array is an input error; an empty batch is an empty answer.
    assert!(jusou_core::api::call("route_many", "{}").is_err());
    assert_eq!(jusou_core::api::call("route_many", "[]").unwrap(), "[]");
}
