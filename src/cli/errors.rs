//! `jusou errors`: the error catalogue — every `JUSOU-E-…` code with its ja/en title, fields and
//! when it is raised.

use jusou_core::error::catalogue::{self, Raised};
use jusou_core::Errors;

use super::Out;

/// Options of `jusou errors`.
#[derive(clap::Args)]
pub struct Args {
    /// Only codes of this area (JSON, CASE, MEET, …) or with this prefix (JUSOU-E-CASE-00).
    area: Option<String>,
}

/// Print the catalogue.
pub fn run(args: Args, out: Out) -> Result<(), Errors> {
    let wanted = args.area.map(|a| a.to_ascii_uppercase());
    let entries: Vec<_> = catalogue::CATALOGUE
        .iter()
        .filter(|e| match &wanted {
            None => true,
            Some(w) => e.code.starts_with(w.as_str()) || e.code.contains(&format!("-{w}-")),
        })
        .collect();
    if out.json {
        out.print_json(&entries);
        return Ok(());
    }
    for e in entries {
        let where_ = match e.raised {
            Raised::Api => "",
            Raised::Outside => "  [CLI・サービス・バインディングのみ / outside api::call]",
            Raised::Retired => "  [廃止・再利用しない / retired, never reused]",
        };
        println!("{}{where_}", e.code);
        println!("    {}", e.title_ja);
        println!("    {}", e.title_en);
        println!("    when: {}", e.when);
        if !e.fields.is_empty() {
            println!("    fields: {}", e.fields.join(", "));
        }
    }
    Ok(())
}
