//! `jusou report LOGS… --fiscal-year 令和8年度 [--targets T.json] [--json|--csv]`: a 年度's 実績
//! counted from the cases' plan logs (files, folders of files, or files holding an array of logs).

use std::path::{Path, PathBuf};

use jusou_core::annual_report::{self, AnnualReport};
use jusou_core::{Error, Errors};
use serde_json::Value;

use super::{input::read_file, pad, Out};

/// Options of `jusou report`.
#[derive(clap::Args)]
pub struct Args {
    /// Plan logs (`jusou schema PlanLog`): files holding one log, an array of logs or a report
    /// input's `logs`, or folders (every `*.json` under them except `*.expected.json`).
    #[arg(required = true)]
    logs: Vec<PathBuf>,
    /// The 年度: `2026`, `令和8年度`, `R8年度`.
    #[arg(long = "fiscal-year")]
    fiscal_year: String,
    /// The municipality's targets for the 年度 (`jusou schema ReportInput`, field `targets`).
    #[arg(long)]
    targets: Option<PathBuf>,
    /// One CSV row per measure (UTF-8, with a header); `--json` wins over it.
    #[arg(long)]
    csv: bool,
}

/// The `*.json` files a path names, sorted (folders walked).
fn files(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), Errors> {
    if !path.is_dir() {
        out.push(path.to_owned());
        return Ok(());
    }
    let entries = std::fs::read_dir(path).map_err(|e| {
        Errors::from(Error::new(
            super::input::READ,
            "",
            format!("フォルダ{}を読めません: {e}", path.display()),
            format!("cannot read folder {}: {e}", path.display()),
        ))
    })?;
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        let name = p.to_string_lossy();
        if p.is_dir() {
            files(&p, out)?;
        } else if name.ends_with(".json") && !name.ends_with(".expected.json") {
            out.push(p);
        }
    }
    Ok(())
}

/// Count and print.
pub fn run(args: Args, out: Out) -> Result<(), Errors> {
    let mut paths = Vec::new();
    for p in &args.logs {
        files(p, &mut paths)?;
    }
    // Which file each log came from, to name it in the readable output.
    let mut logs = Vec::new();
    let mut origin = Vec::new();
    for path in &paths {
        let text = read_file(path)?;
        let value: Value = jusou_core::error::decode(&text)
            .map_err(|e| e.under(&format!("/{}", path.display())))?;
        // A report input (`{"logs": [...], ...}`) gives its logs.
        let value = match value {
            Value::Object(mut o) if o.get("logs").is_some_and(Value::is_array) => {
                o.remove("logs").unwrap_or_default()
            }
            v => v,
        };
        match value {
            Value::Array(items) => {
                for (i, item) in items.into_iter().enumerate() {
                    logs.push(item);
                    origin.push(format!("{}[{i}]", path.display()));
                }
            }
            v => {
                logs.push(v);
                origin.push(path.display().to_string());
            }
        }
    }
    let fiscal_year = match args.fiscal_year.trim().parse::<i64>() {
        Ok(n) => Value::from(n),
        Err(_) => Value::from(args.fiscal_year.clone()),
    };
    let mut input = serde_json::json!({ "fiscal_year": fiscal_year, "logs": logs });
    if let Some(t) = &args.targets {
        let text = read_file(t)?;
        input["targets"] = jusou_core::error::decode(&text)?;
    }
    let report = annual_report::report_json(&input.to_string()).inspect_err(|e| {
        if !out.json {
            name_logs(e, &origin);
        }
    })?;
    if out.json {
        out.print_json(&report);
    } else if args.csv {
        print_csv(&report)?;
        notes(&report, &origin, true);
    } else {
        print_table(&report);
        notes(&report, &origin, false);
    }
    Ok(())
}

/// Name the file of each `/logs/N` an error points into.
fn name_logs(errors: &Errors, origin: &[String]) {
    for e in &errors.errors {
        if let Some(i) = log_index(&e.path) {
            if let Some(o) = origin.get(i) {
                eprintln!("  /logs/{i} = {o}");
            }
        }
    }
}

fn log_index(path: &str) -> Option<usize> {
    path.strip_prefix("/logs/")?.split('/').next()?.parse().ok()
}

/// One row per measure.
fn print_csv(report: &AnnualReport) -> Result<(), Errors> {
    let fail = |e: csv::Error| {
        Errors::from(Error::new(
            super::input::CSV_WRITE,
            "",
            format!("CSVを書けません: {e}"),
            format!("cannot write the CSV: {e}"),
        ))
    };
    let mut w = csv::Writer::from_writer(std::io::stdout());
    w.write_record([
        "fiscal_year",
        "key",
        "name_ja",
        "name_en",
        "unit",
        "value",
        "n",
        "target",
        "achievement_percent",
    ])
    .map_err(fail)?;
    let text = |v: Option<f64>| v.map(num).unwrap_or_default();
    for m in &report.measures {
        w.write_record([
            report.fiscal_year.0.to_string(),
            m.key.to_owned(),
            m.name_ja.to_owned(),
            m.name_en.to_owned(),
            m.unit.to_owned(),
            text(m.value),
            m.n.map(|n| n.to_string()).unwrap_or_default(),
            m.target.map(|n| n.to_string()).unwrap_or_default(),
            text(m.achievement_percent),
        ])
        .map_err(fail)?;
    }
    w.flush().map_err(|e| fail(e.into()))
}

/// A number as a person writes it (`3`, `173.5`).
fn num(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

fn print_table(report: &AnnualReport) {
    println!(
        "{}（{}）の実績 / performance of FY{} ({} – {})",
        report.wareki, report.fiscal_year, report.fiscal_year.0, report.start, report.end
    );
    println!(
        "記録 / logs: {}（集計 / counted {}）",
        report.logs, report.counted_logs
    );
    let w = report
        .measures
        .iter()
        .map(|m| super::width(m.name_ja))
        .max()
        .unwrap_or(0);
    for m in &report.measures {
        let value = match m.value {
            Some(v) => num(v),
            None => "不明 / unknown".to_owned(),
        };
        let mut line = format!("  {} {:>8}", pad(m.name_ja, w), value);
        if let Some(n) = m.n {
            line.push_str(&format!("  (n={n})"));
        }
        if let Some(t) = m.target {
            let pct = m
                .achievement_percent
                .map(|p| format!("{}%", num(p)))
                .unwrap_or_else(|| "—".to_owned());
            line.push_str(&format!("  目標 / target {t}  達成率 / achieved {pct}"));
        }
        println!("{line}");
        println!("  {}", m.name_en);
    }
}

/// What the numbers leave out: on stderr for CSV (the CSV stays one row per measure).
fn notes(report: &AnnualReport, origin: &[String], to_stderr: bool) {
    let mut lines = Vec::new();
    if !report.invalid_logs.is_empty() {
        lines.push(format!(
            "集計から除いた記録 / logs left out of the count: {}",
            report.invalid_logs.len()
        ));
        for l in &report.invalid_logs {
            let from = origin.get(l.index).map(String::as_str).unwrap_or("");
            lines.push(format!("  {} ({from})", l.case_id));
            for e in &l.errors {
                lines.push(format!("    {} {} {}", e.code, e.path, e.message_ja));
            }
            for v in &l.violations {
                lines.push(format!(
                    "    events[{}] [{}] {}",
                    v.event_index, v.finding.rule, v.finding.message_ja
                ));
            }
        }
    }
    if !report.logs_ending_before_year_end.is_empty() {
        lines.push(format!(
            "年度末より前の基準日の記録（年度の後半は不明）/ logs judged before the year ends (later events unknown): {}",
            report.logs_ending_before_year_end.join(", ")
        ));
    }
    let w = report.meeting_events_without_id;
    if w.jusou_meeting + w.support_meeting > 0 {
        lines.push(format!(
            "会議IDのない会議の記録（1件ずつ1回の開催として数えた）/ meeting events without a meeting id, each counted as its own sitting: 重層的支援会議 {}, 支援会議 {}",
            w.jusou_meeting, w.support_meeting
        ));
    }
    if !report.meeting_ids_with_several_dates.is_empty() {
        lines.push(format!(
            "日付が複数ある会議ID（1回として数えた）/ meeting ids with several dates (counted once): {}",
            report.meeting_ids_with_several_dates.join(", ")
        ));
    }
    for l in lines {
        if to_stderr {
            eprintln!("{l}");
        } else {
            println!("{l}");
        }
    }
}
