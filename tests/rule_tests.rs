//! `jusou test DIR` (issue #19): the worked example `examples/rule-tests/` passes, and a copy of it
//! with one wrong expectation fails, naming the field by its JSON pointer.

mod common;

use std::path::{Path, PathBuf};

use common::jusou;
use serde_json::Value;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/rule-tests")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn the_worked_example_passes() {
    let dir = example();
    let (code, out, err) = jusou(&["test", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    for f in [
        "municipality.json",
        "cases/parent-and-son-8050.json",
        "cases/between-systems.json",
    ] {
        assert!(out.contains(&format!("PASS {f}")), "{out}");
    }
    assert!(!out.contains("FAIL"), "{out}");
    // Every criterion of the municipality is met by some case.
    assert!(!out.contains("criteria no case met"), "{out}");
    let (code, out, _) = jusou(&["test", dir.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["failed"], 0);
    assert_eq!(v["passed"], 6);
    let fired: Vec<&str> = v["fired"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for c in [
        "inagi-complex",
        "inagi-rigid",
        "inagi-no-service",
        "inagi-untangle",
    ] {
        assert!(fired.contains(&c), "{c} did not fire: {fired:?}");
    }
    // What the folder leaves untested is listed: it has no meeting vectors.
    let never: Vec<&str> = v["never_fired"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(never.contains(&"R-MEET-SUPPORT-MEMBER"));
    assert!(!never.contains(&"R-ROUTE-8050"));
}

#[test]
fn a_wrong_expectation_fails_with_the_field_named() {
    let dir = std::env::temp_dir().join(format!("jusou-rule-tests-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&example(), &dir);
    let exp = dir.join("cases/parent-and-son-8050.expected.json");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&exp).unwrap()).unwrap();
    assert_eq!(v["multi_agency"], true);
    v["multi_agency"] = Value::Bool(false);
    std::fs::write(&exp, v.to_string()).unwrap();
    // An input without its expected file fails too.
    std::fs::write(
        dir.join("cases/no-expectation.json"),
        std::fs::read_to_string(dir.join("cases/care-only.json")).unwrap(),
    )
    .unwrap();

    let (code, out, err) = jusou(&["test", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("FAIL cases/parent-and-son-8050.json"), "{out}");
    assert!(out.contains("  /multi_agency\n"), "{out}");
    assert!(out.contains("期待 / expected: false"), "{out}");
    assert!(out.contains("結果 / got:      true"), "{out}");
    assert!(out.contains("FAIL cases/no-expectation.json"), "{out}");
    assert!(out.contains("PASS cases/care-only.json"), "{out}");
    assert!(out.contains("2 件失敗 / failed"), "{out}");

    let (code, out, _) = jusou(&["test", dir.to_str().unwrap(), "--json"]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    let bad = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["file"] == "cases/parent-and-son-8050.json")
        .unwrap();
    assert_eq!(bad["differences"][0]["pointer"], "/multi_agency");
    assert_eq!(bad["differences"][0]["expected"], false);
    assert_eq!(bad["differences"][0]["got"], true);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_empty_folder_is_an_error() {
    let dir = std::env::temp_dir().join(format!("jusou-rule-tests-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (code, _, err) = jusou(&["test", dir.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("JUSOU-E-IO-001"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
