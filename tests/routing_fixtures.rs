//! Routing outcomes the issue names, the batch CLI and the CLI's `--json` form. Every vector
//! is compared with its expected output in `tests/fixtures.rs`.

use std::fs;
use std::path::Path;

#[test]
fn niiza_model_case() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases");
    let text = fs::read_to_string(dir.join("niiza-8050-model.json")).unwrap();
    let d = jusou_core::routing::route_json(&text).unwrap();
    // The record states the worker's assessment (支援が難航 → 福祉相談室), so nothing is pending.
    assert_eq!(d.multi_agency, Some(true));
    assert!(d.pending.is_empty());
    assert!(d.outreach);
    assert_eq!(
        serde_json::to_value(d.first_meeting).unwrap(),
        "support_meeting"
    );
}

#[test]
fn batch_route_reports_bad_lines_and_goes_on() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases");
    let good = fs::read_to_string(dir.join("stays-elderly-care.json")).unwrap();
    let good: serde_json::Value = serde_json::from_str(&good).unwrap();
    let input = format!("{good}\n{{not json\n\n{good}\n");
    let path = std::env::temp_dir().join(format!("jusou-batch-{}.jsonl", std::process::id()));
    fs::write(&path, input).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jusou"))
        .args(["batch", "route"])
        .arg(&path)
        .output()
        .unwrap();
    let _ = fs::remove_file(&path);
    assert_eq!(out.status.code(), Some(1), "a failed line makes exit 1");
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "blank lines are skipped");
    assert_eq!(lines[0]["lead_program"], "1-i");
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["errors"][0]["code"], "JUSOU-E-JSON-001");
    assert_eq!(lines[2]["case_id"], "stays-elderly-care");
}

#[test]
fn cli_json_output_is_the_expected_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases");
    for name in ["niiza-8050-model", "error-empty-household"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_jusou"))
            .args(["--json", "route"])
            .arg(dir.join(format!("{name}.json")))
            .output()
            .unwrap();
        let expected: serde_json::Value = serde_json::from_str(
            &fs::read_to_string(dir.join(format!("{name}.expected.json"))).unwrap(),
        )
        .unwrap();
        let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(got, expected, "{name}");
    }
}

/// Every routing rule fires in at least one vector of fixtures/cases, and every rule with a
/// "why not" text shows it in at least one (issue #16, item 7).
#[test]
fn every_rule_fires_and_explains_itself_in_the_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases");
    let mut fired = std::collections::BTreeSet::new();
    let mut why_not = std::collections::BTreeSet::new();
    let mut outcomes = std::collections::BTreeSet::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".expected.json") {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        if v.get("errors").is_some() {
            continue;
        }
        for key in ["reasons", "signals", "statutory_alerts"] {
            for r in v[key].as_array().unwrap() {
                fired.insert(r["rule"].as_str().unwrap().to_owned());
            }
        }
        for w in v["why_not"].as_array().unwrap() {
            why_not.insert(w["rule"].as_str().unwrap().to_owned());
            outcomes.insert(w["outcome"].as_str().unwrap().to_owned());
        }
    }
    for r in jusou_core::routing::rules::ALL {
        assert!(
            fired.contains(r.rule.id),
            "{} fires in no vector",
            r.rule.id
        );
        if r.not_ja.is_some() {
            assert!(
                why_not.contains(r.rule.id),
                "{}'s why-not appears in no vector",
                r.rule.id
            );
        }
    }
    for o in ["not_fired", "pending", "not_assessable"] {
        assert!(outcomes.contains(o), "no vector shows a why-not {o}");
    }
}

/// A brief decision (for columns of decisions) is the full one without `why_not` and
/// `not_assessable`: the same evaluation decides both, for every routing vector, under the
/// default engine and under every municipality's criteria.
#[test]
fn brief_decisions_are_full_ones_without_why_not() {
    use jusou_core::engine::Engine;
    use jusou_core::routing::Detail;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut engines = vec![Engine::new(None, None).unwrap()];
    for name in ["niiza", "inagi", "koshigaya", "toyokawa"] {
        let text = fs::read_to_string(root.join(format!("municipalities/{name}.json"))).unwrap();
        engines.push(Engine::new(Some(&text), None).unwrap());
    }
    let text = fs::read_to_string(root.join("overrides/municipality-with-criteria.json")).unwrap();
    engines.push(Engine::new(Some(&text), None).unwrap());
    let (mut decided, mut with_why_not) = (0, 0);
    for entry in fs::read_dir(root.join("cases")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name.ends_with(".expected.json") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let Ok(case) = serde_json::from_str::<jusou_core::case::Case>(&text) else {
            continue; // the error vectors: no decision to compare
        };
        for e in &engines {
            let full = e.route_case_with(case.clone(), Detail::Full);
            let brief = e.route_case_with(case.clone(), Detail::Brief);
            match (full, brief) {
                (Ok(mut full), Ok(brief)) => {
                    assert!(brief.why_not.is_empty() && brief.not_assessable.is_empty());
                    with_why_not += usize::from(!full.why_not.is_empty());
                    full.why_not.clear();
                    full.not_assessable.clear();
                    assert_eq!(full, brief, "{name}");
                    decided += 1;
                }
                (Err(a), Err(b)) => assert_eq!(a, b, "{name}"),
                (a, b) => panic!("{name}: full {a:?} brief {b:?}"),
            }
        }
    }
    assert!(
        decided > 200 && with_why_not > 100,
        "{decided} {with_why_not}"
    );
}
