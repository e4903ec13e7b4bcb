//! Runs every variant of `fixtures/overrides/manifest.json` through [`jusou_core::Engine`] and
//! compares the answer with `fixtures/overrides/<name>.expected.json`; the Python
//! (`jusou-py/tests/test_overrides.py`) and node (`jusou-wasm/tests/overrides.test.mjs`) tests run
//! the same manifest and must give the same answers. With `JUSOU_BLESS=1` the expected files are
//! written instead (read the diff before committing).
//!
//! In Rust an "object" input or municipality is the file's JSON parsed into a
//! `serde_json::Value` and written back as text, as a binding's host value reaches the core.

use std::path::{Path, PathBuf};

use jusou_core::Engine;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("fixtures")
}

/// The text of a variant's field given as a file (`key`) or inline (`key_text`), handed over as
/// text or, per `as_key`, as a parsed object.
fn text_of(v: &Value, key: &str, as_key: &str) -> Option<String> {
    let text = match (v.get(key), v.get(format!("{key}_text").as_str())) {
        (Some(Value::String(path)), _) => std::fs::read_to_string(fixtures().join(path)).unwrap(),
        (_, Some(Value::String(text))) => text.clone(),
        _ => return None,
    };
    Some(match v.get(as_key).and_then(Value::as_str) {
        Some("object") => {
            let parsed: Value = serde_json::from_str(&text).unwrap();
            parsed.to_string()
        }
        _ => text,
    })
}

/// The answer of one variant: the output, or `{"errors": [...]}`.
fn run(v: &Value) -> Value {
    let op = v["op"].as_str().unwrap();
    let municipality = text_of(v, "municipality", "municipality_as");
    let as_of = v.get("as_of").and_then(Value::as_str);
    let input = text_of(v, "input", "input_as").unwrap();
    let answer = Engine::new(municipality.as_deref(), as_of).and_then(|e| e.call(op, &input));
    match answer {
        Ok(out) => serde_json::from_str(&out).unwrap(),
        Err(e) => serde_json::to_value(&e).unwrap(),
    }
}

#[test]
fn every_override_variant_matches_its_expected_answer() {
    let dir = fixtures().join("overrides");
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let variants = manifest["variants"].as_array().unwrap();
    assert!(variants.len() >= 20, "only {} variants", variants.len());
    let bless = std::env::var_os("JUSOU_BLESS").is_some();
    let mut failures = Vec::new();
    for v in variants {
        let name = v["name"].as_str().unwrap();
        let got = run(v);
        let path = dir.join(format!("{name}.expected.json"));
        if bless {
            let text = serde_json::to_string_pretty(&got).unwrap();
            std::fs::write(&path, text + "\n").unwrap();
            continue;
        }
        let want: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default())
            .unwrap_or(Value::Null);
        if got != want {
            failures.push(format!("{name}:\n  expected {want}\n  got      {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The point of the engine: the error of a bad input is the same with and without overrides.
#[test]
fn overrides_never_change_an_input_error() {
    let dir = fixtures().join("overrides");
    let read = |name: &str| -> Value {
        serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{name}.expected.json"))).unwrap(),
        )
        .unwrap()
    };
    for (plain, overridden) in [
        (
            "route-text-duplicate-key-plain",
            "route-text-duplicate-key-as-of",
        ),
        (
            "route-text-duplicate-key-plain",
            "route-text-duplicate-key-municipality",
        ),
        ("route-text-nan-age-plain", "route-text-nan-age-as-of"),
        (
            "route-text-fractional-age-plain",
            "route-object-fractional-age-as-of",
        ),
    ] {
        let (a, b) = (read(plain), read(overridden));
        assert!(a.get("errors").is_some(), "{plain} is an error");
        assert_eq!(a, b, "{plain} vs {overridden}");
    }
}
