//! `jusou municipality M.json`: a 実施体制 checked against the law, as a table of who runs each
//! program, how and where, with the findings. `--compare A.json B.json` puts two side by side.

use std::path::{Path, PathBuf};

use jusou_core::law::{self, ProgramCode};
use jusou_core::municipality::{Compiled, Provider};
use jusou_core::Errors;

use super::{input::read_file, pad, print_findings, width, Out};

/// Options of `jusou municipality`.
#[derive(clap::Args)]
pub struct Args {
    /// The 実施体制 file.
    #[arg(required_unless_present = "compare", conflicts_with = "compare")]
    file: Option<PathBuf>,
    /// Compare two municipalities side by side.
    #[arg(long, num_args = 2, value_names = ["A.json", "B.json"])]
    compare: Option<Vec<PathBuf>>,
}

fn load(path: &Path) -> Result<Compiled, Errors> {
    read_file(path).and_then(|s| Compiled::from_json(&s))
}

/// Check one file, or compare two.
pub fn run(args: Args, out: Out) -> Result<(), Errors> {
    match (args.file, args.compare.as_deref()) {
        (_, Some([a, b])) => {
            let (a, b) = (load(a)?, load(b)?);
            if out.json {
                out.print_json(&serde_json::json!({ "reports": [a.report(), b.report()] }));
            } else {
                print_compare(&a, &b);
            }
        }
        (Some(file), _) => {
            let one = load(&file)?;
            if out.json {
                out.print_json(one.report());
            } else {
                print_one(&one);
            }
        }
        // clap enforces one file or two with --compare.
        _ => {}
    }
    Ok(())
}

fn provider_line(p: &Provider) -> String {
    let mut s = p.name.clone().unwrap_or_default();
    if !p.operation.is_empty() {
        let ops: Vec<&str> = p.operation.iter().map(|o| o.name_ja()).collect();
        s.push_str(&format!(" [{}]", ops.join("・")));
    }
    if let Some(c) = &p.contractor {
        s.push_str(&format!(" 委託先: {c}"));
    }
    let mut place = Vec::new();
    if let Some(n) = p.sites {
        place.push(format!("{n}か所"));
    }
    if let Some(a) = &p.area {
        place.push(a.clone());
    }
    if !place.is_empty() {
        s.push_str(&format!(" ({})", place.join(", ")));
    }
    if !p.section.is_empty() {
        s.push_str(&format!(" 所管: {}", p.section.join("、")));
    }
    match (p.from, p.until) {
        (None, None) => {}
        (from, until) => s.push_str(&format!(
            " 期間: {}〜{}",
            from.map(|d| d.to_string()).unwrap_or_default(),
            until.map(|d| d.to_string()).unwrap_or_default()
        )),
    }
    s.trim_start().to_owned()
}

/// A compare cell: name and operation, cut to `max` display columns.
fn short_line(p: &Provider, max: usize) -> String {
    let mut s = p.name.clone().unwrap_or_default();
    if !p.operation.is_empty() {
        let ops: Vec<&str> = p.operation.iter().map(|o| o.name_ja()).collect();
        s.push_str(&format!(" [{}]", ops.join("・")));
    }
    cut(s.trim_start(), max)
}

fn cut(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    let mut out = String::new();
    for ch in s.chars() {
        if width(&out) + width(ch.encode_utf8(&mut [0; 4])) + 1 > max {
            break;
        }
        out.push(ch);
    }
    out.push('…');
    out
}

fn compare_lines(c: &Compiled, code: ProgramCode, max: usize) -> Vec<String> {
    match (c.entry(code), c.states(code)) {
        (None, Some(false)) => vec!["実施しない".to_owned()],
        (None, _) => vec!["—".to_owned()],
        (Some(e), _) if e.providers.is_empty() => vec!["実施".to_owned()],
        (Some(e), _) => e.providers.iter().map(|p| short_line(p, max)).collect(),
    }
}

fn program_lines(c: &Compiled, code: ProgramCode) -> Vec<String> {
    match (c.entry(code), c.states(code)) {
        (None, Some(false)) => vec!["実施しない / not run".to_owned()],
        (None, _) => vec!["— 記載なし / not stated".to_owned()],
        (Some(e), _) => {
            let mut lines = Vec::new();
            if let Some(n) = &e.local_name {
                lines.push(format!("「{n}」"));
            }
            lines.extend(e.providers.iter().map(provider_line));
            if lines.is_empty() {
                lines.push("実施（詳細不明 / not stated）".to_owned());
            }
            lines
        }
    }
}

fn header(c: &Compiled) -> String {
    let m = c.municipality();
    let plan = match &m.implementation_plan {
        Some(p) if !p.adopted => "実施計画なし / no plan".to_owned(),
        Some(p) => match p.period {
            Some(period) => format!("実施計画 {}〜{}", period.from, period.to),
            None => "実施計画あり（期間不明）/ plan, period not stated".to_owned(),
        },
        None => "実施計画 記載なし / plan not stated".to_owned(),
    };
    let stage = match &c.report().stage {
        Some(s) => format!(
            "{} {}〜",
            s.stage.name_ja(),
            s.from.map(|d| d.to_string()).unwrap_or_default()
        ),
        None => match m.start_fiscal_year {
            Some(fy) => format!("開始 {}", fy.wareki().unwrap_or_else(|| fy.to_string())),
            None => "開始 記載なし / start not stated".to_owned(),
        },
    };
    format!("{}{} ({}) {stage} / {plan}", m.prefecture, m.name, m.code)
}

fn verdict(c: &Compiled) -> String {
    let r = c.report();
    format!(
        "{}{} (違反 {} / violations, 注意 {} / warnings, 記載なし {} / unstated)",
        if r.valid {
            "適合 / valid"
        } else {
            "不適合 / invalid"
        },
        if r.complete {
            ""
        } else {
            "（記載の範囲で / incomplete）"
        },
        r.violations.len(),
        r.warnings.len(),
        r.unstated.len()
    )
}

fn print_one(c: &Compiled) {
    println!("{}", header(c));
    println!(
        "{} {} 実施体制 / who runs it, how, where",
        pad("code", 17),
        pad("事業 / program", 34)
    );
    for p in law::taxonomy() {
        let lines = program_lines(c, p.code);
        for (i, l) in lines.iter().enumerate() {
            if i == 0 {
                println!("{} {} {l}", pad(p.code.as_str(), 17), pad(p.name_ja, 34));
            } else {
                println!("{} {l}", pad("", 17 + 1 + 34));
            }
        }
    }
    let m = c.municipality();
    if !m.meetings.is_empty() {
        println!();
        println!("会議 / meetings");
        for mt in &m.meetings {
            let cad: Vec<&str> = mt.cadence.iter().map(|x| x.name_ja()).collect();
            let name = mt.display_name();
            let org = mt
                .organiser
                .as_ref()
                .map(|o| format!(" 組織: {}", o.name))
                .unwrap_or_default();
            let conv: Vec<&str> = mt.conveners.iter().map(|b| b.name.as_str()).collect();
            let conv = if conv.is_empty() {
                String::new()
            } else {
                format!(" 招集: {}", conv.join("、"))
            };
            let sec: Vec<&str> = mt.secretariat.iter().map(|b| b.name.as_str()).collect();
            let sec = if sec.is_empty() {
                String::new()
            } else {
                format!(" 事務局: {}", sec.join("、"))
            };
            println!(
                "  {name} 〔{}〕 {}{org}{conv}{sec}",
                kinds(mt),
                cad.join("・")
            );
        }
    }
    println!();
    println!("判定 / verdict: {}", verdict(c));
    print_findings("違反 / violations", &c.report().violations);
    print_findings("注意 / warnings", &c.report().warnings);
    let unstated = &c.report().unstated;
    if !unstated.is_empty() {
        println!("記載なし / not stated ({})", unstated.len());
        for u in unstated {
            println!("  [{}] {}", u.path, u.message_ja);
            println!("     {}", u.message_en);
        }
    }
}

/// A meeting's legal types, by basis.
fn kinds(mt: &jusou_core::municipality::Meeting) -> String {
    let types = mt.legal_types();
    if types.is_empty() {
        return match mt.kind {
            Some(k) => k.name_ja().to_owned(),
            None => "種類不明 / type not stated".to_owned(),
        };
    }
    types
        .iter()
        .map(|k| k.name_ja())
        .collect::<Vec<_>>()
        .join("・")
}

fn print_compare(a: &Compiled, b: &Compiled) {
    const COL: usize = 44;
    println!("A: {}", header(a));
    println!("B: {}", header(b));
    println!(
        "{} {} {}",
        pad("code", 17),
        pad(&format!("A: {}", a.municipality().name), COL),
        format_args!("B: {}", b.municipality().name)
    );
    for p in law::taxonomy() {
        let la = compare_lines(a, p.code, COL - 1);
        let lb = compare_lines(b, p.code, COL);
        let n = la.len().max(lb.len());
        for i in 0..n {
            let left = la.get(i).map(String::as_str).unwrap_or("");
            let right = lb.get(i).map(String::as_str).unwrap_or("");
            let code = if i == 0 { p.code.as_str() } else { "" };
            let left = pad(left, COL);
            println!("{} {left} {right}", pad(code, 17));
        }
    }
    println!();
    println!("会議 / meetings");
    for (tag, c) in [("A", a), ("B", b)] {
        for mt in &c.municipality().meetings {
            let cad: Vec<&str> = mt.cadence.iter().map(|x| x.name_ja()).collect();
            let name = mt.display_name();
            println!("  {tag}: {name} 〔{}〕 {}", kinds(mt), cad.join("・"));
        }
    }
    println!();
    println!("A: {}", verdict(a));
    for f in &a.report().violations {
        println!("   [{}] {}", f.rule, f.message_ja);
    }
    println!("B: {}", verdict(b));
    for f in &b.report().violations {
        println!("   [{}] {}", f.rule, f.message_ja);
    }
}
