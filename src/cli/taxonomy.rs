//! `jusou taxonomy`: the program table.

use jusou_core::law::{self, articles, structure};
use jusou_core::Errors;

use super::{pad, Out};

/// Options of `jusou taxonomy`.
#[derive(clap::Args)]
pub struct Args {
    /// Also list the articles jusou cites, the structural rules and the funding schemes.
    #[arg(long)]
    full: bool,
}

/// Print the taxonomy.
pub fn run(args: Args, out: Out) -> Result<(), Errors> {
    if out.json {
        if args.full {
            out.print_json(&serde_json::json!({
                "programs": law::taxonomy(),
                "structure": structure::STRUCTURE,
                "groups": structure::GROUPS,
                "articles": articles::ALL,
                "penalty": articles::SECRECY_PENALTY,
                "funding": law::funding::SCHEMES,
            }));
        } else {
            out.print_json(&law::taxonomy());
        }
        return Ok(());
    }
    println!("社会福祉法第106条の4第2項 重層的支援体制整備事業 / items of the project");
    println!(
        "{} {} {} {} 事業 / program",
        pad("code", 17),
        pad("号 / item", 11),
        pad("柱 / pillar", 26),
        pad("分野 / field", 22)
    );
    for p in law::taxonomy() {
        let new = if p.new_function { " 〔新〕" } else { "" };
        println!(
            "{} {} {} {} {}{}",
            pad(p.code.as_str(), 17),
            pad(p.item, 11),
            pad(
                &format!("{} {}", p.pillar.numeral(), p.pillar.name_ja()),
                26
            ),
            pad(
                &format!("{} / {}", p.field.name_ja(), p.field.name_en()),
                22
            ),
            p.name_ja,
            new
        );
        println!("{} {}", pad("", 78), p.name_en);
        if let Some(b) = p.bundled_from {
            let mark = if b.verified {
                ""
            } else {
                " (未確認 / unverified)"
            };
            println!("{} ← {}{}{}", pad("", 78), b.law, b.article, mark);
        }
    }
    if args.full {
        println!();
        println!("条文 / articles");
        for a in articles::ALL {
            println!("  {}: {}", a.citation, a.summary_ja);
            println!("  {}  {}", pad("", super::width(a.citation)), a.summary_en);
        }
        let pen = articles::SECRECY_PENALTY;
        println!("  罰則 / penalty ({}):", pen.citation);
        for t in pen.terms {
            let until = t.until.map(|u| u.to_string()).unwrap_or_default();
            println!("    {} … {}: {} / {}", t.from, until, t.ja, t.en);
        }
        println!();
        println!("負担割合 / funding shares");
        for s in &law::funding::SCHEMES {
            let shares: Vec<String> = s
                .shares
                .iter()
                .map(|x| format!("{} {}/{}", x.payer.name_ja(), x.numerator, x.denominator))
                .collect();
            println!("  {} ({}): {}", s.name_ja, s.key, shares.join("・"));
        }
    }
    Ok(())
}
