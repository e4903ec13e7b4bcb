//! Every vector under `fixtures/municipalities/` through the core JSON entry point, compared
//! exactly with its `.expected.json` (what `jusou municipality --json` prints).

use std::path::{Path, PathBuf};

use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/municipalities")
}

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.ends_with(".json") && !n.ends_with(".expected.json")
        })
        .collect();
    v.sort();
    v
}

fn run(path: &Path) -> Value {
    let input = std::fs::read_to_string(path).unwrap();
    match jusou_core::municipality::check_json(&input) {
        Ok(report) => serde_json::to_value(report).unwrap(),
        Err(errors) => serde_json::to_value(errors).unwrap(),
    }
}

fn expected(path: &Path) -> Value {
    let exp = path.with_extension("expected.json");
    let text = std::fs::read_to_string(&exp)
        .unwrap_or_else(|e| panic!("{}: no expected file: {e}", exp.display()));
    serde_json::from_str(&text).unwrap()
}

#[test]
fn every_vector_matches_its_expected_output() {
    let mut n = 0;
    for sub in [dir(), dir().join("invalid")] {
        for path in inputs(&sub) {
            assert_eq!(run(&path), expected(&path), "{}", path.display());
            n += 1;
        }
    }
    assert!(n >= 16, "only {n} vectors");
}

#[test]
fn the_four_seed_municipalities_are_valid() {
    for name in ["koshigaya", "toyokawa", "niiza", "inagi"] {
        let path = dir().join(format!("{name}.json"));
        let out = run(&path);
        assert_eq!(out["valid"], Value::Bool(true), "{}", path.display());
        assert_eq!(
            out["violations"],
            Value::Array(vec![]),
            "{}",
            path.display()
        );
    }
}

/// Each invalid variant breaks exactly one rule: one distinct rule id among its findings, or one
/// distinct error code when the input is structurally invalid.
#[test]
fn each_invalid_variant_breaks_exactly_one_rule() {
    let paths = inputs(&dir().join("invalid"));
    assert!(paths.len() >= 12, "only {} invalid variants", paths.len());
    for path in paths {
        let out = run(&path);
        let mut ids: Vec<String> = if let Some(errors) = out["errors"].as_array() {
            errors
                .iter()
                .map(|e| e["code"].as_str().unwrap().to_owned())
                .collect()
        } else {
            let v = out["violations"].as_array().unwrap();
            let w = out["warnings"].as_array().unwrap();
            v.iter()
                .chain(w)
                .map(|f| f["rule"].as_str().unwrap().to_owned())
                .collect()
        };
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 1, "{}: {ids:?}", path.display());
    }
}

#[test]
fn the_schema_is_published() {
    for name in ["Municipality", "MunicipalityReport"] {
        let s = jusou_core::schema::get(name).unwrap();
        assert_eq!(s["title"], name);
    }
    let s = jusou_core::schema::get("Municipality").unwrap();
    for field in [
        "code",
        "name",
        "prefecture",
        "start_fiscal_year",
        "programs",
    ] {
        assert!(
            s["required"].as_array().unwrap().iter().any(|f| f == field),
            "{field} not required"
        );
    }
}
