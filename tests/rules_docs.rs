//! The rules' reference pages `docs/rules/*.md` are the ones the registry generates (issue #19):
//! a rule, its article or its fixtures changed without regenerating them fails here. Regenerate
//! with `cargo run --locked -- rules --markdown docs/rules` and read the diff.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::jusou;

fn pages(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_committed_rule_pages_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = std::env::temp_dir().join(format!("jusou-rules-docs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let fixtures = root.join("fixtures");
    let (code, out, err) = jusou(&[
        "rules",
        "--markdown",
        tmp.to_str().unwrap(),
        "--fixtures",
        fixtures.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let generated = pages(&tmp);
    let committed = pages(&root.join("docs/rules"));
    std::fs::remove_dir_all(&tmp).unwrap();
    assert_eq!(
        generated.keys().collect::<Vec<_>>(),
        committed.keys().collect::<Vec<_>>(),
        "docs/rules has other pages than the registry generates"
    );
    assert!(generated.len() >= 7);
    for (name, text) in &generated {
        assert!(
            committed[name] == *text,
            "docs/rules/{name} is stale: run `cargo run --locked -- rules --markdown docs/rules`"
        );
    }
    // Every registered rule has its section.
    let all: String = generated.values().cloned().collect();
    for r in jusou_core::rule::registry::all() {
        assert!(
            all.contains(&format!("## {}\n", r.id)),
            "{} has no section",
            r.id
        );
    }
}

#[test]
fn rules_by_article_answers_from_the_cli() {
    let (code, out, _) = jusou(&["rules", "--article", "第106条の6"]);
    assert_eq!(code, 0);
    assert!(out.contains("R-ROUTE-FIRST-SUPPORT-MEETING"), "{out}");
    assert!(out.contains("R-MEET-SUPPORT-MEMBER"), "{out}");
    assert!(!out.contains("R-PLAN-ORDER"), "{out}");
}

#[test]
fn the_source_registry_answers_from_the_cli() {
    let (code, out, err) = jusou(&["rules", "--articles", "--article", "106-6-5", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let entries = v.as_array().unwrap();
    assert_eq!(entries.len(), 1, "{out}");
    assert_eq!(
        entries[0]["source"]["citation"],
        "社会福祉法第106条の6第5項"
    );
    assert_eq!(entries[0]["source"]["in_force_from"], "2021-04-01");
    assert!(entries[0]["source"]["verified"].is_boolean());
    assert!(entries[0]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r == "R-MEET-SUPPORT-MEMBER"));
    // The readable listing names every entry, including those cited only in answers' texts.
    let (code, out, _) = jusou(&["rules", "--articles"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.lines().filter(|l| !l.starts_with(' ')).count(),
        jusou_core::law::articles::SOURCES.len()
    );
    assert!(
        out.contains("社会福祉法第106条の4第2項第1号イ [106-4-2-1-i]"),
        "{out}"
    );
}
