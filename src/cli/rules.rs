//! `jusou rules [--article 第106条の6]`: every rule with its article and ja/en text.

use jusou_core::rule::registry;
use jusou_core::Errors;

use super::Out;

/// Options of `jusou rules`.
#[derive(clap::Args)]
pub struct Args {
    /// Only the rules resting on this article (prefix of the citation; `社会福祉法` may be left out).
    #[arg(long)]
    article: Option<String>,
}

/// Print the rules.
pub fn run(args: Args, out: Out) -> Result<(), Errors> {
    let rules = match &args.article {
        Some(a) => registry::by_article(a),
        None => registry::all(),
    };
    if out.json {
        out.print_json(&rules);
        return Ok(());
    }
    for r in rules {
        println!("{} [{}]", r.id, r.area);
        println!(
            "    根拠 / basis: {}",
            r.citation.unwrap_or("（条文なし / none）")
        );
        println!("    {}", r.ja);
        println!("    {}", r.en);
    }
    Ok(())
}
