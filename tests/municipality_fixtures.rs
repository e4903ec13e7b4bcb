//! The seed municipalities, the one-rule invalid variants and the published schema. Every vector
//! is compared with its expected output in `tests/fixtures.rs`.

mod common;

use std::path::{Path, PathBuf};

use common::vectors as inputs;
use serde_json::Value;

fn dir() -> PathBuf {
    common::fixtures("municipalities")
}

fn run(path: &Path) -> Value {
    common::run("check_municipality", path)
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

/// The seeds state their whole 実施体制, so they are complete — except 豊川市, whose source
/// (seed 002, the 実施体制 of 令和5年度) says nothing of a 実施計画 (第106条の5): that one fact stays
/// not stated rather than invented.
#[test]
fn the_seeds_are_complete_but_for_what_their_sources_do_not_say() {
    for name in ["koshigaya", "niiza", "inagi"] {
        let out = run(&dir().join(format!("{name}.json")));
        assert_eq!(
            out["complete"],
            Value::Bool(true),
            "{name}: {}",
            out["unstated"]
        );
    }
    let out = run(&dir().join("toyokawa.json"));
    assert_eq!(out["complete"], Value::Bool(false));
    let what: Vec<&str> = out["unstated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["what"].as_str().unwrap())
        .collect();
    assert_eq!(what, ["implementation_plan"]);
}

/// Every fixture from a published source: valid (silence never breaks a rule), citing its source
/// (a URL) in its note; the partial ones say what they leave unstated.
#[test]
fn sourced_fixtures_are_valid_and_cite_their_source() {
    let paths: Vec<PathBuf> = inputs(&dir().join("sources"));
    assert!(paths.len() >= 20, "only {} sourced fixtures", paths.len());
    let mut partial = 0;
    for path in &paths {
        let input: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let note = input["note"].as_str().unwrap_or("");
        assert!(
            note.contains("http"),
            "{}: no source URL in note",
            path.display()
        );
        let out = run(path);
        assert_eq!(
            out["valid"],
            Value::Bool(true),
            "{}: {}",
            path.display(),
            out["violations"]
        );
        if out["complete"] == Value::Bool(false) {
            partial += 1;
            assert!(!out["unstated"].as_array().unwrap().is_empty());
        }
    }
    assert!(
        partial >= paths.len() / 2,
        "{partial} partial of {}",
        paths.len()
    );
}

/// One verdict everywhere: what `jusou municipality` finds in breach, routing refuses with the
/// same findings as errors; what it accepts (even incomplete), routing accepts.
#[test]
fn routing_accepts_exactly_what_the_check_finds_valid() {
    let mut all = inputs(&dir());
    all.extend(inputs(&dir().join("invalid")));
    all.extend(inputs(&dir().join("sources")));
    for path in all {
        let text = std::fs::read_to_string(&path).unwrap();
        let report = jusou_core::municipality::check_json(&text);
        let loaded = jusou_core::municipality::load(&text);
        match (report, loaded) {
            (Err(a), Err(b)) => assert_eq!(a, b, "{}", path.display()),
            (Ok(r), Ok(_)) => assert!(r.valid, "{}", path.display()),
            (Ok(r), Err(e)) => {
                assert!(!r.valid, "{}", path.display());
                assert_eq!(e.errors.len(), r.violations.len());
                for (err, v) in e.errors.iter().zip(&r.violations) {
                    assert_eq!(err.code, "JUSOU-E-MUNI-001");
                    assert!(err.message_en.contains(v.rule.as_ref()));
                    assert_eq!(err.citation.as_deref(), v.citation);
                }
            }
            (Err(_), Ok(_)) => panic!("{}: load accepted what check refused", path.display()),
        }
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
    // Only who the municipality is is required: every fact the law checks may be left unstated.
    let required: Vec<&str> = s["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(required, ["code", "name", "prefecture"]);
}

/// A small validator for the subset of JSON Schema that schemars emits ($ref, type, properties,
/// required, additionalProperties, items, anyOf, oneOf, const, enum, minimum): enough to check
/// that the published schema accepts the seed fixtures, without a heavy dependency.
fn validate(root: &Value, schema: &Value, v: &Value, at: &str, errs: &mut Vec<String>) {
    let Some(s) = schema.as_object() else { return };
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        validate(root, &root["$defs"][name], v, at, errs);
    }
    if let Some(t) = s.get("type") {
        let types: Vec<&str> = match t {
            Value::String(x) => vec![x.as_str()],
            Value::Array(xs) => xs.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "string" => v.is_string(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "array" => v.is_array(),
            "object" => v.is_object(),
            "null" => v.is_null(),
            _ => true,
        });
        if !ok {
            errs.push(format!("{at}: not {types:?}"));
            return;
        }
    }
    if let Some(c) = s.get("const") {
        if c != v {
            errs.push(format!("{at}: not {c}"));
        }
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errs.push(format!("{at}: not in enum"));
        }
    }
    if let (Some(m), Some(n)) = (s.get("minimum").and_then(Value::as_f64), v.as_f64()) {
        if n < m {
            errs.push(format!("{at}: below minimum"));
        }
    }
    let matching = |alts: &Vec<Value>| {
        alts.iter()
            .filter(|a| {
                let mut e = Vec::new();
                validate(root, a, v, at, &mut e);
                e.is_empty()
            })
            .count()
    };
    if let Some(alts) = s.get("anyOf").and_then(Value::as_array) {
        if matching(alts) == 0 {
            errs.push(format!("{at}: matches no anyOf branch"));
        }
    }
    if let Some(alts) = s.get("oneOf").and_then(Value::as_array) {
        if matching(alts) != 1 {
            errs.push(format!("{at}: does not match exactly one oneOf branch"));
        }
    }
    if let Some(obj) = v.as_object() {
        let props = s.get("properties").and_then(Value::as_object);
        for req in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !obj.contains_key(req.as_str().unwrap_or("")) {
                errs.push(format!("{at}: missing {req}"));
            }
        }
        for (k, val) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => validate(root, ps, val, &format!("{at}/{k}"), errs),
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errs.push(format!("{at}: unknown property {k}"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (s.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            validate(root, items, x, &format!("{at}/{i}"), errs);
        }
    }
}

#[test]
fn the_schema_validates_the_seed_fixtures() {
    let schema = jusou_core::schema::get("Municipality").unwrap();
    let mut paths = inputs(&dir());
    paths.extend(inputs(&dir().join("sources")));
    for path in paths {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut errs = Vec::new();
        validate(&schema, &schema, &v, "", &mut errs);
        assert!(errs.is_empty(), "{}: {errs:?}", path.display());
    }
    // And it is strict: an unknown field is rejected.
    let path = dir().join("invalid/unknown-field.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let mut errs = Vec::new();
    validate(&schema, &schema, &v, "", &mut errs);
    assert!(errs.iter().any(|e| e.contains("operaton")), "{errs:?}");
    // And each report validates against the output schema.
    let out_schema = jusou_core::schema::get("MunicipalityReport").unwrap();
    for name in ["koshigaya", "toyokawa", "niiza", "inagi"] {
        let report = run(&dir().join(format!("{name}.json")));
        let mut errs = Vec::new();
        validate(&out_schema, &out_schema, &report, "", &mut errs);
        assert!(errs.is_empty(), "{name} report: {errs:?}");
    }
}

/// A meeting's kind is a legal type the meeting check knows (by its law) or `other`; anything
/// else is an unknown value at its path.
#[test]
fn meeting_kinds_are_the_meeting_checks_own() {
    let m = |kind: &str| {
        format!(
            r#"{{"code":"112305","name":"x","prefecture":"埼玉県","start_fiscal_year":2026,
                "programs":[],"meetings":[{{"kind":"{kind}"}}]}}"#
        )
    };
    for kind in [
        "support_meeting",
        "combined",
        "community_care_meeting",
        "other",
        "unknown",
    ] {
        assert!(
            jusou_core::municipality::check_json(&m(kind)).is_ok(),
            "{kind}"
        );
    }
    let e = jusou_core::municipality::check_json(&m("other_statutory")).unwrap_err();
    assert_eq!(e.errors[0].code, "JUSOU-E-JSON-005");
    assert_eq!(e.errors[0].path, "/meetings/0/kind");
}
