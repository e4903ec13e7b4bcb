//! `jusou funding AMOUNT PROGRAM --as-of DATE`: split an amount into funding shares.

use jusou_core::{calendar, law::funding, Errors};

use super::Out;

/// Options of `jusou funding`.
#[derive(clap::Args)]
pub struct Args {
    /// Amount in yen.
    amount: u64,
    /// Program code (1-i … 6) or scheme key (multi-agency-etc, transition-preparation, …).
    program: String,
    /// The date whose shares apply (ISO or 和暦).
    #[arg(long = "as-of")]
    as_of: String,
}

/// Split and print.
pub fn run(args: Args, out: Out) -> Result<(), Errors> {
    let (as_of, _) = calendar::parse_day(&args.as_of).map_err(|e| e.under("/as_of"))?;
    let split = funding::split(args.amount, &args.program, as_of)?;
    if out.json {
        out.print_json(&split);
        return Ok(());
    }
    println!("{}（{}）", split.scheme_ja, split.scheme);
    for s in &split.shares {
        println!(
            "  {:<10} {:>8} {:>20} 円  ({})",
            s.payer_ja, s.fraction, s.amount, s.payer_en
        );
    }
    println!("  合計 / total {:>28} 円", split.amount);
    println!("  端数処理 / rounding: {}", split.rounding_rule_ja);
    println!("                       {}", split.rounding_rule_en);
    Ok(())
}
