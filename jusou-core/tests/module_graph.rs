//! The module graph of jusou-core runs one way (DESIGN.md, issue #18): the law, the calendar,
//! errors and limits at the bottom, knowing no domain type; the domain models (meeting,
//! municipality, case, plan) above them; routing above those; the engine, the operations and the
//! api on top. A module may use only modules on a lower level, so the graph has no cycle and a new
//! upward import fails here, naming the file and the line.
//!
//! Only code counts: comments (intra-doc links) and `#[cfg(test)]` code may look anywhere.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Each module's level. A module missing here fails the test: place it deliberately.
const LEVELS: &[(&str, u8)] = &[
    // The vocabulary everything shares: no imports from the crate at all.
    ("limits", 0),
    ("rule", 0),
    ("ids", 0),
    ("issue", 0),
    // The standing of a case names its steps' source kind, the rules' vocabulary.
    ("standing", 1),
    // Errors (codes, pointers, messages) know limits but no domain type.
    ("error", 1),
    // Dates and 年度, then the statute (programs, articles, funding).
    ("calendar", 2),
    ("law", 3),
    // The domain models, each using only those before it.
    ("meeting", 4),
    ("municipality", 5),
    ("case", 6),
    ("plan", 7),
    // Decisions over the models.
    ("routing", 8),
    ("annual_report", 8),
    ("engine", 9),
    ("flow", 10),
    // What lists or describes everything.
    ("rule::registry", 11),
    ("rule::docs", 12),
    ("schema", 11),
    ("operations", 12),
    ("api", 13),
    ("handle", 14),
    // Runs vectors through the engine and compares answers (`jusou test`, `jusou.testing`).
    ("testing", 15),
];

fn level(module: &str) -> Option<u8> {
    LEVELS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// The module a source file belongs to (`routing/rules.rs` → `routing`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    match parts.as_slice() {
        [one] if one == "lib" => None,
        [one] => Some(one.clone()),
        // The registry and its pages list every area's rules: nodes of their own, high up.
        [dir, file] if dir == "rule" && (file == "registry" || file == "docs") => {
            Some(format!("rule::{file}"))
        }
        [dir, ..] => Some(dir.clone()),
        [] => None,
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read src") {
        let p = e.expect("dir entry").path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The crate modules a line of code names (`crate::x`, `crate::rule::registry`, `crate::{x, y}`).
fn uses(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or("");
            for item in inner.split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name == "rule" && rest.starts_with("rule::registry") {
            out.push("rule::registry".into());
        } else if name == "rule" && rest.starts_with("rule::docs") {
            out.push("rule::docs".into());
        } else if !name.is_empty() {
            out.push(name);
        }
    }
    out
}

#[test]
fn modules_use_only_lower_levels() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    all.sort();
    let mut problems = Vec::new();
    let mut edges: BTreeMap<(String, String), usize> = BTreeMap::new();
    for file in &all {
        let Some(from) = module_of(&src, file) else {
            continue;
        };
        // Test-only files (declared under #[cfg(test)] in their module).
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let Some(from_level) = level(&from) else {
            problems.push(format!(
                "{}: module `{from}` has no level in LEVELS",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).expect("read file");
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("#[cfg(test)]") {
                break;
            }
            if code.starts_with("//") {
                continue;
            }
            for to in uses(code) {
                if to == from {
                    continue;
                }
                *edges.entry((from.clone(), to.clone())).or_default() += 1;
                match level(&to) {
                    Some(l) if l < from_level => {}
                    Some(l) => problems.push(format!(
                        "{}:{}: `{from}` (level {from_level}) uses `{to}` (level {l}): an import must go down",
                        file.display(),
                        n + 1
                    )),
                    // Items of the crate root (`crate::Error` re-exports) are not modules.
                    None if to.chars().next().is_some_and(char::is_uppercase) => {}
                    None => problems.push(format!(
                        "{}:{}: `{to}` has no level in LEVELS",
                        file.display(),
                        n + 1
                    )),
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The bottom knows no domain type (the test's reason to exist): no edge out of limits, and
    // error reaches only limits.
    for (from, to) in edges.keys() {
        if from == "limits" || from == "rule" || from == "issue" {
            panic!("`{from}` must use nothing from the crate, uses `{to}`");
        }
        if from == "error" {
            assert_eq!(to, "limits", "`error` may use only `limits`");
        }
    }
}

#[test]
fn the_checker_sees_grouped_and_nested_imports() {
    assert_eq!(
        uses("use crate::{case::Case, meeting};"),
        vec!["case".to_string(), "meeting".into()]
    );
    assert_eq!(uses("crate::rule::registry::all()"), vec!["rule::registry"]);
    assert_eq!(
        uses("x: crate::law::Program, y: crate::calendar::Day"),
        vec!["law", "calendar"]
    );
}
