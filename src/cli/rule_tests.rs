//! `jusou test DIR [--municipality M.json]`: run a folder of vectors with expected decisions (the
//! `fixtures/` format) and report pass or fail per file, with a ja/en diff naming the JSON pointer
//! of every differing field, then the registry's rules no vector fired. Exit status 1 on any
//! failure.
//!
//! The folder: subfolders named as in `fixtures/` (`cases/`, `meetings/`, `plans/`,
//! `municipalities/`, …; their own subfolders too), each `NAME.json` beside its
//! `NAME.expected.json`. A `municipality.json` at the top is bound to the run as
//! `jusou route --municipality` binds it (its `options`, e.g. its 多機関協働 criteria, apply to
//! every case); with a `municipality.expected.json` beside it, it is itself checked too. The
//! comparison is `jusou_core::testing` (Python's `jusou.testing` uses the same).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jusou_core::error::catalogue;
use jusou_core::testing::{self, Difference};
use jusou_core::Engine;
use jusou_core::{Error, Errors};
use serde::Serialize;

use super::input::read_file;
use super::Out;

/// Options of `jusou test`.
#[derive(clap::Args)]
pub struct Args {
    /// The folder of vectors.
    dir: PathBuf,
    /// A municipality file bound to the run (default: DIR/municipality.json, when there is one).
    #[arg(long)]
    municipality: Option<PathBuf>,
}

/// One file's result.
#[derive(Serialize)]
struct FileResult {
    /// The input, relative to DIR.
    file: String,
    operation: &'static str,
    passed: bool,
    /// The fields that differ.
    differences: Vec<Difference>,
    /// Why the file could not be compared (no expected file, an unreadable one).
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<String>,
}

/// The whole run.
#[derive(Serialize)]
struct Summary {
    passed: usize,
    failed: usize,
    results: Vec<FileResult>,
    /// Ids of the registry's rules that no vector fired.
    never_fired: Vec<&'static str>,
    /// Ids of the bound municipality's own 多機関協働 criteria that no case met.
    never_fired_criteria: Vec<String>,
    /// Ids of the rules (and the municipality's own criteria) that fired.
    fired: BTreeSet<String>,
}

fn io_error(path: &Path, e: &std::io::Error) -> Errors {
    Error::new(
        catalogue::IO_READ,
        "",
        format!("フォルダ「{}」を読めません", path.display()),
        format!("cannot read the folder '{}'", path.display()),
    )
    .with_detail(e.to_string())
    .into()
}

/// Inputs in `dir` and its subfolders (`NAME.json`, not `NAME.expected.json`), sorted.
fn inputs(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Errors> {
    let rd = std::fs::read_dir(dir).map_err(|e| io_error(dir, &e))?;
    for entry in rd.flatten() {
        let p = entry.path();
        if p.is_dir() {
            inputs(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "json")
            && !p.to_string_lossy().ends_with(".expected.json")
        {
            out.push(p);
        }
    }
    out.sort();
    Ok(())
}

/// `NAME.expected.json` beside `NAME.json`.
fn expected_of(input: &Path) -> PathBuf {
    input.with_extension("expected.json")
}

/// Every vector of the folder with its operation.
fn vectors(dir: &Path) -> Result<Vec<(PathBuf, &'static str)>, Errors> {
    let mut out = Vec::new();
    let top = dir.join("municipality.json");
    if expected_of(&top).is_file() {
        out.push((top, "check_municipality"));
    }
    let mut folders: Vec<(PathBuf, &'static str)> = testing::FOLDERS
        .iter()
        .map(|(f, op)| (dir.join(f), *op))
        .filter(|(p, _)| p.is_dir())
        .collect();
    folders.sort();
    for (folder, op) in folders {
        let mut files = Vec::new();
        inputs(&folder, &mut files)?;
        out.extend(files.into_iter().map(|f| (f, op)));
    }
    Ok(out)
}

/// One file's result and the rules that fired in its answer (passing or not: the rule ran).
fn run_one(
    handle: &Engine,
    dir: &Path,
    input: &Path,
    op: &'static str,
) -> (FileResult, BTreeSet<String>) {
    let file = input
        .strip_prefix(dir)
        .unwrap_or(input)
        .display()
        .to_string();
    let failed = |problem: String| {
        let r = FileResult {
            file: file.clone(),
            operation: op,
            passed: false,
            differences: Vec::new(),
            problem: Some(problem),
        };
        (r, BTreeSet::new())
    };
    let expected = expected_of(input);
    if !expected.is_file() {
        return failed(format!(
            "期待される結果のファイル {} がありません / no expected file {}",
            expected.display(),
            expected.display()
        ));
    }
    let texts = read_file(input).and_then(|i| read_file(&expected).map(|e| (i, e)));
    let (input_text, expected_text) = match texts {
        Ok(t) => t,
        Err(e) => return failed(e.to_string()),
    };
    match testing::check(handle, op, &input_text, &expected_text) {
        Ok(outcome) => (
            FileResult {
                file,
                operation: op,
                passed: outcome.passed,
                differences: outcome.differences,
                problem: None,
            },
            outcome.rules_fired,
        ),
        Err(e) => failed(format!(
            "期待される結果のファイルが読めません / the expected file is unreadable: {e}"
        )),
    }
}

/// Run the folder; `Ok(false)` when any file failed (the exit status is then 1).
pub fn run(args: Args, out: Out) -> Result<bool, Errors> {
    let dir = &args.dir;
    let municipality = match &args.municipality {
        Some(m) => Some(read_file(m)?),
        None => {
            let top = dir.join("municipality.json");
            if top.is_file() {
                Some(read_file(&top)?)
            } else {
                None
            }
        }
    };
    let handle = Engine::new(municipality.as_deref(), None)?;
    let vectors = vectors(dir)?;
    if vectors.is_empty() {
        return Err(Error::new(
            catalogue::IO_READ,
            "",
            format!(
                "フォルダ「{}」に試験ケースがありません（cases/ などのフォルダに NAME.json と NAME.expected.json を置きます）",
                dir.display()
            ),
            format!(
                "no test vectors in '{}' (put NAME.json and NAME.expected.json in folders such as cases/)",
                dir.display()
            ),
        )
        .into());
    }
    let mut fired = BTreeSet::new();
    let mut results = Vec::with_capacity(vectors.len());
    for (p, op) in &vectors {
        let (r, f) = run_one(&handle, dir, p, op);
        results.push(r);
        fired.extend(f);
    }
    let never = testing::never_fired(&fired);
    // The criteria the engine compiled (none without a municipality).
    let criteria = handle
        .options()
        .map(|o| o.multi_agency_criteria.clone())
        .unwrap_or_default();
    let failed = results.iter().filter(|r| !r.passed).count();
    let summary = Summary {
        never_fired_criteria: criteria
            .into_iter()
            .map(|c| c.id)
            .filter(|id| !fired.contains(id))
            .collect(),
        passed: results.len() - failed,
        failed,
        never_fired: never.iter().map(|r| r.id).collect(),
        fired,
        results,
    };
    if out.json {
        out.print_json(&summary);
        return Ok(failed == 0);
    }
    for r in &summary.results {
        if r.passed {
            println!("PASS {}", r.file);
            continue;
        }
        println!("FAIL {}", r.file);
        if let Some(p) = &r.problem {
            println!("  {p}");
        } else {
            print!("{}", testing::report(&r.differences));
        }
    }
    println!(
        "一度も発火しなかった規則 / rules no vector fired: {} / {}",
        never.len(),
        jusou_core::rule::registry::all().len()
    );
    let mut areas: Vec<&str> = never.iter().map(|r| r.area).collect();
    areas.dedup();
    for area in areas {
        let ids: Vec<&str> = never
            .iter()
            .filter(|r| r.area == area)
            .map(|r| r.id)
            .collect();
        println!("  {area}: {}", ids.join(", "));
    }
    if !summary.never_fired_criteria.is_empty() {
        println!(
            "一度も当たらなかった市町村の基準 / the municipality's criteria no case met: {}",
            summary.never_fired_criteria.join(", ")
        );
    }
    println!(
        "合計 / total: {} 件成功 / passed, {} 件失敗 / failed",
        summary.passed, summary.failed
    );
    Ok(failed == 0)
}
