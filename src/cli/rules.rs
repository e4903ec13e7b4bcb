//! `jusou rules [--article 第106条の6]`: every rule with its article and ja/en text;
//! `jusou rules --articles [--article X]`: the source registry, each article or guidance document
//! with its verified flag, dates and the rules resting on it;
//! `jusou rules --markdown DIR`: write the reference pages (`DIR/<area>.md` and `DIR/README.md`)
//! generated from the registry, each rule with the fixtures that exercise it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jusou_core::error::catalogue;
use jusou_core::rule::{docs, registry};
use jusou_core::{testing, Error, Errors};

use super::input::read_file;
use super::Out;

/// Options of `jusou rules`.
#[derive(clap::Args)]
pub struct Args {
    /// Only the rules resting on this article: a source key (`106-6-5`) or a prefix of its
    /// citation (`社会福祉法` may be left out).
    #[arg(long)]
    article: Option<String>,
    /// List the source registry (articles and guidance) with the rules resting on each.
    #[arg(long)]
    articles: bool,
    /// Write the reference pages, one per area, into this folder (docs/rules).
    #[arg(long, value_name = "DIR")]
    markdown: Option<PathBuf>,
    /// The shared vectors whose expected answers say which fixtures exercise each rule.
    #[arg(long, value_name = "DIR", default_value = "fixtures")]
    fixtures: PathBuf,
}

/// Print the rules, or write their pages.
pub fn run(args: Args, out: Out) -> Result<(), Errors> {
    if let Some(dir) = &args.markdown {
        return write_pages(dir, &args.fixtures);
    }
    if args.articles {
        return print_sources(args.article.as_deref(), out);
    }
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
        match r.source {
            Some(s) => println!(
                "    根拠 / basis: {} — {}",
                s.citation,
                docs::source_status(s)
            ),
            None => println!("    根拠 / basis: （条文なし / none）"),
        }
        println!("    {}", r.ja);
        println!("    {}", r.en);
    }
    Ok(())
}

/// The source registry, each entry with its status and rules (`--articles`).
fn print_sources(article: Option<&str>, out: Out) -> Result<(), Errors> {
    let uses = registry::sources(article);
    if out.json {
        out.print_json(&uses);
        return Ok(());
    }
    for u in uses {
        println!("{} [{}]", u.source.citation, u.source.key);
        println!("    {}", docs::source_status(u.source));
        if u.rules.is_empty() {
            println!(
                "    規則なし / no rule — cited in {}",
                u.source.cited_in.unwrap_or("—")
            );
        } else {
            println!("    規則 / rules: {}", u.rules.join(", "));
        }
    }
    Ok(())
}

fn io_error(what: &Path, e: &std::io::Error, writing: bool) -> Errors {
    let (ja, en) = if writing {
        ("書き込めません", "cannot write")
    } else {
        ("読めません", "cannot read")
    };
    Error::new(
        catalogue::IO_READ,
        "",
        format!("「{}」を{ja}", what.display()),
        format!("{en} '{}'", what.display()),
    )
    .with_detail(e.to_string())
    .into()
}

/// Every `*.expected.json` under `dir`, sorted.
fn expected_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Errors> {
    let rd = std::fs::read_dir(dir).map_err(|e| io_error(dir, &e, false))?;
    for entry in rd.flatten() {
        let p = entry.path();
        if p.is_dir() {
            expected_files(&p, out)?;
        } else if p.to_string_lossy().ends_with(".expected.json") {
            out.push(p);
        }
    }
    out.sort();
    Ok(())
}

/// Rule id → the inputs (paths under `fixtures`, `/`-separated) whose expected answers fire it.
fn exercised(fixtures: &Path) -> Result<BTreeMap<String, Vec<String>>, Errors> {
    let mut files = Vec::new();
    for (folder, _) in testing::FOLDERS {
        let dir = fixtures.join(folder);
        if dir.is_dir() {
            expected_files(&dir, &mut files)?;
        }
    }
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in files {
        let answer: serde_json::Value = jusou_core::error::decode(&read_file(&f)?)?;
        let rel = f.strip_prefix(fixtures).unwrap_or(&f);
        let input = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
            .replace(".expected.json", ".json");
        for id in testing::rules_fired(&answer) {
            map.entry(id).or_default().push(input.clone());
        }
    }
    Ok(map)
}

fn write_pages(dir: &Path, fixtures: &Path) -> Result<(), Errors> {
    let map = exercised(fixtures)?;
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e, true))?;
    let write = |name: String, text: String| -> Result<(), Errors> {
        let p = dir.join(name);
        std::fs::write(&p, text).map_err(|e| io_error(&p, &e, true))
    };
    write("README.md".to_owned(), docs::index())?;
    write("sources.md".to_owned(), docs::sources_page())?;
    for (area, _, _) in docs::AREAS {
        if let Some(page) = docs::page(area, &map) {
            write(format!("{area}.md"), page)?;
        }
    }
    Ok(())
}
