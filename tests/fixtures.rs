//! Runs every shared vector in `fixtures/` through `jusou_core::api::call` and compares the output
//! with the expected file as JSON values. Python and node run the same vectors.

mod common;

use std::path::Path;

use common::{all_vectors, expected, fixtures, op_of, run, vectors};
use serde_json::Value;

#[test]
fn every_vector_matches_its_expected_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut checked = 0;
    let mut failures = Vec::new();
    for input in all_vectors(&root) {
        let rel = input.strip_prefix(&root).unwrap();
        let area = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let Some(op) = op_of(&area) else { continue };
        let (got, want) = (run(op, &input), expected(&input));
        if got != want {
            failures.push(format!(
                "{}:\n  expected {want}\n  got      {got}",
                rel.display()
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
    // The issues' minimum vector counts per area.
    for (area, min) in [
        ("cases", 30),
        ("meetings", 25),
        ("plans", 26),
        ("municipalities", 16),
    ] {
        let n = all_vectors(&fixtures(area)).len();
        assert!(
            n >= min,
            "only {n} vectors in fixtures/{area} (at least {min})"
        );
    }
}

#[test]
fn route_many_gives_the_same_answers_as_route_one_by_one() {
    let files = vectors(&fixtures("cases"));
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let batch = format!("[{}]", texts.join(","));
    let many: Vec<Value> =
        serde_json::from_str(&jusou_core::api::call("route_many", &batch).unwrap()).unwrap();
    assert_eq!(many.len(), texts.len());
    for (i, file) in files.iter().enumerate() {
        assert_eq!(many[i], run("route", file), "{}", file.display());
    }
    // A batch that is not an array is an input error; an empty batch is an empty answer.
    assert!(jusou_core::api::call("route_many", "{}").is_err());
    assert_eq!(jusou_core::api::call("route_many", "[]").unwrap(), "[]");
}
