//! Helpers the integration tests share: where the vectors are, and running one through the same
//! `jusou_core::api::call` every binding uses.

#![allow(dead_code)] // each test crate uses a different subset

use std::path::{Path, PathBuf};

use serde_json::Value;

/// `fixtures/<area>`.
pub fn fixtures(area: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(area)
}

/// The `api::call` operation of a fixtures folder: jusou-core's table (`testing::FOLDERS`),
/// the one `jusou test`, the Python package and (by a checked copy) the node tests use.
pub fn op_of(area: &str) -> Option<&'static str> {
    jusou_core::testing::operation_of(area)
}

/// Input vectors directly in `dir` (not its subfolders), sorted.
pub fn vectors(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.is_file()
                && p.extension().is_some_and(|e| e == "json")
                && !p.to_string_lossy().ends_with(".expected.json")
        })
        .collect();
    out.sort();
    out
}

/// Input vectors in `dir` and all its subfolders, sorted.
pub fn all_vectors(dir: &Path) -> Vec<PathBuf> {
    let mut out = vectors(dir);
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            out.extend(all_vectors(&e.path()));
        }
    }
    out.sort();
    out
}

/// Run operation `op` on the text of `path`: the output, or `{"errors": [...]}`.
pub fn run(op: &str, path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    match jusou_core::api::call(op, &text) {
        Ok(out) => serde_json::from_str(&out).unwrap(),
        Err(errors) => serde_json::to_value(&errors).unwrap(),
    }
}

/// The expected output of an input vector.
pub fn expected(path: &Path) -> Value {
    let exp = path.with_extension("expected.json");
    let text = std::fs::read_to_string(&exp)
        .unwrap_or_else(|e| panic!("{}: no expected file: {e}", exp.display()));
    serde_json::from_str(&text).unwrap()
}

/// Run the `jusou` binary under test: exit code, standard output, standard error.
pub fn jusou(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jusou"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}
