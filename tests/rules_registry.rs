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
