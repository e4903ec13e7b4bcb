//! `jusou plan EVENTS.json [--as-of DATE]`: replay a case's event log.

use std::path::PathBuf;

use jusou_core::{Engine, Errors};

use super::{input::read_file, Out};

/// Options of `jusou plan`.
#[derive(clap::Args)]
pub struct Args {
    /// The event log (PlanLog JSON; `jusou schema PlanLog`).
    file: PathBuf,
    /// Judge on this date instead of the log's own `as_of` (ISO or 和暦).
    #[arg(long = "as-of")]
    as_of: Option<String>,
}

/// Replay and print.
pub fn run(args: Args, out: Out) -> Result<(), Errors> {
    let text = read_file(&args.file)?;
    // The date replaces the log's own through the engine (the one override policy).
    let report = Engine::new(None, args.as_of.as_deref())?.plan(&text)?;
    if out.json {
        out.print_json(&report);
        return Ok(());
    }
    println!(
        "ケース / case {}（基準日 / as of {}）",
        report.case_id, report.as_of
    );
    println!(
        "判定 / result: {}",
        if report.valid {
            "記録に問題なし / valid"
        } else {
            "規則違反あり / violations"
        }
    );
    println!("状態 / state:");
    println!(
        "  多機関協働 / multi-agency:   {}",
        key(&report.state.multi_agency)
    );
    println!(
        "  アウトリーチ等 / outreach:  {}",
        key(&report.state.outreach)
    );
    println!(
        "  参加支援 / participation:    {}",
        key(&report.state.participation)
    );
    println!("次にできること / next events:");
    for (label, list) in [
        (
            "多機関協働 / multi-agency",
            &report.next_events.multi_agency,
        ),
        ("アウトリーチ等 / outreach", &report.next_events.outreach),
        (
            "参加支援 / participation",
            &report.next_events.participation,
        ),
        ("共通 / common", &report.next_events.common),
    ] {
        let names: Vec<&str> = list.iter().map(|e| e.key()).collect();
        let names = if names.is_empty() {
            "—".to_owned()
        } else {
            names.join(", ")
        };
        println!("  {label}: {names}");
    }
    if !report.deadlines.is_empty() {
        println!("期限 / deadlines:");
        for d in &report.deadlines {
            let flag = if d.overdue {
                "期限切れ / OVERDUE"
            } else {
                "予定 / due"
            };
            println!("  {} {flag}: {}", d.due_on, d.finding.message_ja);
            println!("    {}", d.finding.message_en);
        }
    }
    for (title, list) in [
        ("違反 / violations:", &report.violations),
        ("注意 / warnings:", &report.warnings),
    ] {
        if list.is_empty() {
            continue;
        }
        println!("{title}");
        for v in list {
            println!("  events[{}] [{}]", v.event_index, v.finding.rule);
            println!("    {}", v.finding.message_ja);
            println!("    {}", v.finding.message_en);
            if let Some(c) = v.finding.citation {
                println!("    根拠 / basis: {c}");
            }
        }
    }
    if report.episode > 1 {
        println!("エピソード / episode: {}", report.episode);
    }
    Ok(())
}

/// The JSON name of a state, for the readable table.
fn key<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
