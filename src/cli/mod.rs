//! Subcommands and the shared output conventions: Japanese first with English beside it by
//! default; `--json` prints the machine form; errors as `{"errors": [...]}`.

pub mod api;
pub mod batch;
pub mod csv_batch;
pub mod date;
pub mod errors;
pub mod funding;
pub mod input;
pub mod meeting;
pub mod municipality;
pub mod plan;
pub mod report;
pub mod route;
pub mod rule_tests;
pub mod rules;
pub mod schema;
#[cfg(unix)]
pub mod serve;
pub mod taxonomy;

use jusou_core::{Errors, Finding};
use serde::Serialize;

/// How to print.
#[derive(Clone, Copy)]
pub struct Out {
    /// Machine form.
    pub json: bool,
}

impl Out {
    /// Print a value as pretty JSON.
    pub fn print_json<T: Serialize>(&self, value: &T) {
        match serde_json::to_string_pretty(value) {
            Ok(s) => println!("{s}"),
            Err(e) => eprintln!("jusou: cannot print JSON: {e}"),
        }
    }

    /// Print errors: JSON on stdout with `--json`, readable on stderr otherwise.
    pub fn errors(&self, errors: &Errors) {
        if self.json {
            self.print_json(errors);
        } else {
            eprintln!("入力エラー / invalid input:");
            for e in &errors.errors {
                let path = if e.path.is_empty() { "/" } else { &e.path };
                eprintln!("  {} {}", e.code, path);
                eprintln!("    {}", e.message_ja);
                eprintln!("    {}", e.message_en);
                if let Some(c) = &e.citation {
                    eprintln!("    根拠 / basis: {c}");
                }
            }
        }
    }
}

/// Print findings (reasons, violations, warnings) under a heading, Japanese then English.
pub fn print_findings(heading: &str, findings: &[Finding]) {
    if findings.is_empty() {
        return;
    }
    println!("{heading}");
    for (i, f) in findings.iter().enumerate() {
        println!("  {}. [{}] {}", i + 1, f.rule, f.message_ja);
        println!("     {}", f.message_en);
        if let Some(c) = f.citation {
            println!("     根拠 / basis: {c}");
        }
    }
}

/// The display width of text in a terminal (CJK and full-width characters count as two).
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let u = c as u32;
            if (0x1100..=0x115F).contains(&u)
                || (0x2E80..=0xA4CF).contains(&u)
                || (0xAC00..=0xD7A3).contains(&u)
                || (0xF900..=0xFAFF).contains(&u)
                || (0xFF00..=0xFF60).contains(&u)
                || (0xFFE0..=0xFFE6).contains(&u)
            {
                2
            } else {
                1
            }
        })
        .sum()
}

/// Pad `s` with spaces to display width `w`.
pub fn pad(s: &str, w: usize) -> String {
    let mut out = s.to_owned();
    for _ in width(s)..w {
        out.push(' ');
    }
    out
}
