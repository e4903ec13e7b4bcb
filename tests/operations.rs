//! The operations are declared once (`jusou_core::operations::ALL`); this checks what is written
//! elsewhere against that table: the CLI's verbs (`jusou --help`), `jusou api --list`, the Python
//! package's `__all__` (in `__init__.py` and its stub) and engine methods, the JavaScript
//! package's exports (node and browser entries, and the TypeScript declarations) and engine
//! methods, and the schema names (`jusou schema`, the WASM package's schema files are made from
//! the same list).

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use jusou_core::operations::{self, ALL};

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The quoted names of a Python `__all__ = [...]` list.
fn python_all(text: &str) -> BTreeSet<String> {
    let start = text.find("__all__ = [").expect("__all__");
    let body = &text[start..];
    let end = body.find(']').expect("end of __all__");
    body[..end]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The names between `export {` / `export const {` and the closing brace of a JS module.
fn js_exports(text: &str, opening: &str) -> BTreeSet<String> {
    let start = text.find(opening).unwrap_or_else(|| panic!("{opening}"));
    let body = &text[start + opening.len()..];
    let end = body.find('}').expect("end of exports");
    body[..end]
        .split(',')
        .map(|s| s.trim().split(':').next().unwrap_or("").trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The `def NAME(` methods of the Python class `class NAME(...)` in `text` (up to the next
/// top-level statement).
fn python_methods(text: &str, class: &str) -> BTreeSet<String> {
    let start = text.find(&format!("class {class}(")).expect("class");
    text[start..]
        .lines()
        .skip(1)
        .take_while(|l| l.is_empty() || l.starts_with(char::is_whitespace))
        .filter_map(|l| l.trim_start().strip_prefix("def "))
        .filter_map(|l| l.split('(').next())
        .filter(|n| !n.starts_with('_'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_cli_has_every_declared_verb() {
    let (code, help, _) = common::jusou(&["--help"]);
    assert_eq!(code, 0);
    let verbs: BTreeSet<&str> = help
        .lines()
        .filter_map(|l| l.strip_prefix("  "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    for o in ALL {
        if let Some(verb) = o.cli {
            assert!(
                verbs.contains(verb),
                "{}: no CLI verb {verb} in {verbs:?}",
                o.name
            );
        }
    }
    // `jusou api --list` prints the table itself.
    let (code, list, _) = common::jusou(&["api", "--list"]);
    assert_eq!(code, 0);
    let listed: Vec<&str> = list
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(listed, operations::names().collect::<Vec<_>>());
}

#[test]
fn the_python_package_exports_every_declared_function() {
    let init = read("jusou-py/python/jusou/__init__.py");
    let stub = read("jusou-py/python/jusou/__init__.pyi");
    let (all, stub_all) = (python_all(&init), python_all(&stub));
    assert_eq!(all, stub_all, "__all__ of __init__.py and __init__.pyi");
    let engine = python_methods(&init, "Engine");
    assert_eq!(engine, python_methods(&stub, "Engine"), "Engine methods");
    for o in ALL {
        if let Some(name) = o.python {
            assert!(all.contains(name), "{}: jusou.{name} not exported", o.name);
            assert!(
                stub.contains(&format!("def {name}(")),
                "{}: no stub for {name}",
                o.name
            );
            if o.overridden {
                assert!(engine.contains(name), "{}: no Engine.{name}", o.name);
            }
        }
    }
    assert!(all.contains("Engine"));
    for m in &engine {
        let declared = ALL.iter().any(|o| o.python == Some(m.as_str()));
        assert!(declared, "Engine.{m} is not a declared operation");
    }
}

#[test]
fn the_js_package_exports_every_declared_function() {
    let node = js_exports(&read("jusou-wasm/js/index.mjs"), "export const {");
    let web = js_exports(&read("jusou-wasm/js/web.js"), "export {");
    let cjs = js_exports(&read("jusou-wasm/js/index.cjs"), "module.exports = {");
    let dts = read("jusou-wasm/js/api.d.ts") + &read("jusou-wasm/js/index.d.ts");
    let engine_dts = {
        let start = dts
            .find("export class Engine {")
            .expect("Engine in api.d.ts");
        let body = &dts[start..];
        body[..body.find("\n}").unwrap_or(body.len())].to_owned()
    };
    assert_eq!(node, cjs, "index.mjs and index.cjs export the same names");
    for o in ALL {
        let Some(name) = o.js else { continue };
        assert!(node.contains(name), "{}: {name} not in index.mjs", o.name);
        // `schema` is the node entry's own (the browser's is async, also its own).
        if name != "schema" {
            assert!(web.contains(name), "{}: {name} not in web.js", o.name);
        }
        assert!(
            dts.contains(&format!("export function {name}(")),
            "{}: {name} not declared",
            o.name
        );
        if o.overridden {
            assert!(
                engine_dts.contains(&format!("  {name}(")) || name == "routeMany",
                "{}: Engine.{name} not declared",
                o.name
            );
        }
    }
    assert!(engine_dts.contains("  routeMany("));
    for entry in [&node, &web, &cjs] {
        assert!(entry.contains("Engine"));
    }
    // Each `Operations` key of `call`'s declaration is a declared operation.
    let ops = &dts[dts
        .find("export interface Operations {")
        .expect("Operations")..];
    for line in ops[..ops.find('}').unwrap_or(ops.len())].lines().skip(1) {
        if let Some(name) = line.trim().split(':').next().filter(|n| !n.is_empty()) {
            assert!(operations::find(name).is_some(), "Operations.{name}");
        }
    }
}

#[test]
fn every_declared_schema_name_is_served() {
    for o in ALL {
        for name in [o.input, o.output].into_iter().flatten() {
            let (code, out, err) = common::jusou(&["schema", name]);
            assert_eq!(code, 0, "{}: jusou schema {name}: {err}", o.name);
            assert!(out.contains(&format!("\"title\": \"{name}\"")), "{name}");
        }
    }
}

/// The `"folder": "op"` pairs (Python) or `folder: "op"` pairs (JS) of a runner's `OP` table.
fn op_table(text: &str, opening: &str) -> BTreeSet<(String, String)> {
    let start = text.find(opening).expect("the runner's OP table");
    let body = &text[start + opening.len()..];
    let body = &body[..body.find('}').expect("end of the OP table")];
    body.lines()
        .filter_map(|l| {
            let (k, v) = l.trim().trim_end_matches(',').split_once(':')?;
            let unquote = |s: &str| s.trim().trim_matches('"').to_owned();
            Some((unquote(k), unquote(v)))
        })
        .collect()
}

#[test]
fn every_fixture_runner_maps_folders_to_declared_operations_alike() {
    // jusou-core's table is the one every runner reads: tests/common and `jusou test` call
    // `testing::operation_of`, the Python package takes `_jusou.TEST_FOLDERS` from the core. Node
    // keeps one copy for its tests (jusou-wasm/tests/vectors.mjs), checked here.
    let core: BTreeSet<(String, String)> = jusou_core::testing::FOLDERS
        .iter()
        .map(|(f, op)| (f.to_string(), op.to_string()))
        .collect();
    for (_, op) in &core {
        assert!(
            operations::find(op).is_some(),
            "fixture folder runs `{op}`, which operations::ALL does not declare"
        );
    }
    assert_eq!(
        op_table(&read("jusou-wasm/tests/vectors.mjs"), "export const OP = {"),
        core,
        "jusou-wasm/tests/vectors.mjs's folder → operation table differs from jusou-core's"
    );
    let testing = read("jusou-py/python/jusou/testing.py");
    assert!(
        testing.contains("dict(_jusou.TEST_FOLDERS)"),
        "jusou.testing.FOLDERS"
    );
    for file in [
        "jusou-py/tests/test_jusou.py",
        "jusou-py/tests/test_coverage.py",
    ] {
        assert!(
            read(file).contains("OP = FOLDERS"),
            "{file} runs jusou.testing.FOLDERS"
        );
    }
}
