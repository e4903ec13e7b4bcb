//! `jusou meeting CHECK.json`: may this case be discussed at this meeting, and with whom.

use std::path::PathBuf;

use jusou_core::meeting::{self, MeetingDecision};
use jusou_core::Errors;

use super::{input::read_file, print_findings, Out};

/// Options of `jusou meeting`.
#[derive(clap::Args)]
pub struct Args {
    /// The check input (case, meeting, members, attendees, consents, agenda) as JSON.
    check: PathBuf,
}

/// Decide and print.
pub fn run(args: Args, out: Out) -> Result<(), Errors> {
    let text = read_file(&args.check)?;
    let d = meeting::check_json(&text)?;
    if out.json {
        out.print_json(&d);
    } else {
        print_human(&d);
    }
    Ok(())
}

fn print_human(d: &MeetingDecision) {
    let verdict = if d.allowed {
        "可 / allowed"
    } else {
        "不可 / denied"
    };
    println!("判定 / decision: {verdict}");
    match d.mode {
        Some(m) => println!("扱い / mode: {}（{}）", m.name_ja(), m.name_en()),
        None => println!("扱い / mode: —"),
    }
    println!("共有先 / recipients:");
    for (cat, ids) in &d.recipients {
        let who = if ids.is_empty() {
            "—".to_owned()
        } else {
            ids.join(", ")
        };
        println!("  {}（{}）: {who}", cat.name_ja(), cat.name_en());
    }
    if !d.excluded.is_empty() {
        println!("除外 / excluded:");
        for e in &d.excluded {
            let cats: Vec<&str> = e.categories.iter().map(|c| c.name_ja()).collect();
            println!(
                "  {} [{}] [{}] {}",
                e.member,
                cats.join("・"),
                e.reason.rule,
                e.reason.message_ja
            );
            println!("     {}", e.reason.message_en);
        }
    }
    print_findings("理由 / reasons:", &d.reasons);
    print_findings("義務 / obligations:", &d.obligations);
    print_findings("違反 / violations:", &d.violations);
    if !d.address_withheld_from.is_empty() {
        println!(
            "住所を伝えない / address withheld from: {}",
            d.address_withheld_from.join(", ")
        );
    }
    if let Some(f) = &d.fallback {
        println!("代替 / fallback:");
        if let Some(m) = f.mode {
            println!(
                "  {}（{}）: {}",
                m.name_ja(),
                m.name_en(),
                f.members.join(", ")
            );
        }
        println!("  [{}] {}", f.reason.rule, f.reason.message_ja);
        println!("     {}", f.reason.message_en);
    }
}
