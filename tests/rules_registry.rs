//! Every rule id written in jusou-core's source is in the one registry (issue #19), and
//! `jusou rules --article` finds rules by article.

use std::collections::BTreeSet;
use std::path::Path;

fn ids_in(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            ids_in(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&p).unwrap();
            for part in text.split("id: \"R-").skip(1) {
                if let Some(end) = part.find('"') {
                    out.insert(format!("R-{}", &part[..end]));
                }
            }
        }
    }
}

#[test]
fn every_rule_id_in_the_core_is_registered() {
    let mut ids = BTreeSet::new();
    ids_in(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("jusou-core/src"),
        &mut ids,
    );
    assert!(ids.len() > 50, "rule ids not found: {}", ids.len());
    let registered: BTreeSet<String> = jusou_core::rule::registry::all()
        .iter()
        .map(|r| r.id.to_owned())
        .collect();
    let missing: Vec<_> = ids.difference(&registered).collect();
    assert!(missing.is_empty(), "rules not in the registry: {missing:?}");
}

#[test]
fn rules_by_article_find_the_support_meeting() {
    let rules = jusou_core::rule::registry::by_article("第106条の6");
    assert!(rules
        .iter()
        .any(|r| r.id == "R-ROUTE-FIRST-SUPPORT-MEETING"));
    assert!(rules
        .iter()
        .all(|r| r.citation.is_some_and(|c| c.contains("第106条の6"))));
}

/// One spelling per basis of the privacy law (issue #19): every citation of 個人情報の保護に関する法律
/// in an answer is one of `PrivacyBasis`'s, as in force on some day — never a free string.
#[test]
fn the_privacy_law_is_cited_in_one_spelling_per_basis() {
    use jusou_core::law::articles::PrivacyBasis;
    let days = ["2021-04-01", "2022-04-01", "2023-04-01"]
        .map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
    let known: BTreeSet<&str> = [PrivacyBasis::Rule, PrivacyBasis::Consent, PrivacyBasis::Law]
        .iter()
        .flat_map(|b| days.iter().map(move |d| b.on(*d)))
        .collect();
    fn citations(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::String(c)) = m.get("citation") {
                    out.push(c.clone());
                }
                m.values().for_each(|x| citations(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| citations(x, out)),
            _ => {}
        }
    }
    let mut files = Vec::new();
    fn expected(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                expected(&p, out);
            } else if p.to_string_lossy().ends_with(".expected.json") {
                out.push(p);
            }
        }
    }
    expected(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        &mut files,
    );
    let mut seen = 0;
    for f in files {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let mut cs = Vec::new();
        citations(&v, &mut cs);
        for c in cs
            .iter()
            .filter(|c| c.contains("個人情報の保護に関する法律"))
        {
            seen += 1;
            assert!(
                known.contains(c.as_str()),
                "{}: a spelling of the privacy law outside PrivacyBasis: {c}",
                f.display()
            );
        }
    }
    assert!(seen > 20, "only {seen} privacy citations found");
}

/// Every `citation` in a JSON value.
fn citations_in(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            if let Some(serde_json::Value::String(c)) = m.get("citation") {
                out.push(c.clone());
            }
            m.values().for_each(|x| citations_in(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| citations_in(x, out)),
        _ => {}
    }
}

/// Every `*.expected.json` under `dir`.
fn expected_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            expected_files(&p, out);
        } else if p.to_string_lossy().ends_with(".expected.json") {
            out.push(p);
        }
    }
}

/// The one source registry (issue #19): no answer in the shared vectors prints a citation outside
/// it, every rule rests on an entry of it, and every entry is cited by a rule or says where it is
/// cited instead.
#[test]
fn every_citation_is_in_the_source_registry() {
    use jusou_core::law::articles::{self, SOURCES};
    let mut files = Vec::new();
    expected_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        &mut files,
    );
    let mut seen = BTreeSet::new();
    for f in &files {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        let mut cs = Vec::new();
        citations_in(&v, &mut cs);
        for c in cs {
            assert!(
                articles::source_of(&c).is_some(),
                "{}: citation outside the source registry: {c}",
                f.display()
            );
            seen.insert(c);
        }
    }
    assert!(seen.len() > 40, "only {} citations found", seen.len());

    // The program catalogue and the structure cite registry entries too.
    for p in &jusou_core::law::PROGRAMS {
        assert!(articles::source_of(p.citation).is_some(), "{}", p.citation);
    }

    let rules = jusou_core::rule::registry::all();
    for r in &rules {
        if let Some(s) = r.source {
            assert_eq!(articles::source(s.key), Some(s), "{}", r.id);
            assert_eq!(r.citation, Some(s.citation), "{}", r.id);
        }
    }
    for s in SOURCES {
        let used = rules
            .iter()
            .any(|r| r.source.is_some_and(|rs| rs.key == s.key));
        assert!(
            used || s.cited_in.is_some(),
            "{} is cited by no rule and documents no other place",
            s.key
        );
    }
}

#[test]
fn rules_by_article_resolve_through_the_registry() {
    let by_key = jusou_core::rule::registry::by_article("106-6-5");
    let by_text = jusou_core::rule::registry::by_article("第106条の6第5項");
    assert!(!by_key.is_empty());
    assert_eq!(
        by_key.iter().map(|r| r.id).collect::<Vec<_>>(),
        by_text.iter().map(|r| r.id).collect::<Vec<_>>()
    );
    assert!(by_key
        .iter()
        .all(|r| r.source.is_some_and(|s| s.key == "106-6-5")));
}
