//! `jusou date TEXT`: 西暦, 和暦 and 年度 of what the user typed.

use jusou_core::{calendar, Errors};

use super::{print_findings, Out};

/// Options of `jusou date`.
#[derive(clap::Args)]
pub struct Args {
    /// The date as written: 2026-03-31, 令和8年3月31日, R8.3.31, 令和8年3月, 令和6年度 …
    text: String,
}

/// Read and describe the date.
pub fn run(args: Args, out: Out) -> Result<(), Errors> {
    let info = calendar::describe(&args.text)?;
    if out.json {
        out.print_json(&info);
        return Ok(());
    }
    println!("入力 / input:        {}", info.input);
    match info.date {
        Some(d) => println!("西暦 / Gregorian:    {d}"),
        None => println!("西暦 / Gregorian:    {} … {}", info.start, info.end),
    }
    println!("和暦 / Japanese era: {}", info.wareki);
    println!(
        "年度 / fiscal year:  {}（{}年度, FY{}: {} … {}）",
        info.fiscal_year_wareki,
        info.fiscal_year.0,
        info.fiscal_year.0,
        info.fiscal_year
            .start()
            .map(|d| d.to_string())
            .unwrap_or_default(),
        info.fiscal_year
            .end()
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    print_findings("注意 / warnings:", &info.warnings);
    Ok(())
}
