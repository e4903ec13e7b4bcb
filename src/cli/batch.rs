//! `jusou batch route IN.jsonl`: one routing decision per input line, as one JSON line each.
//! A bad line gives an error line (with its line number) and the run goes on; the exit code is
//! 1 when any line failed.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;

use jusou_core::{routing, Errors};
use serde::Serialize;

use super::read_input;

/// Options of `jusou batch`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    kind: Kind,
}

/// What to run in batch.
#[derive(clap::Subcommand)]
enum Kind {
    /// Route every case of a JSON Lines file (one case per line).
    Route {
        /// Input file (JSON Lines); `-` reads standard input.
        input: PathBuf,
    },
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    line: usize,
    errors: &'a [jusou_core::Error],
}

/// Run the batch. `Ok(true)` when every line was decided.
pub fn run(args: Args) -> Result<bool, Errors> {
    let Kind::Route { input } = args.kind;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut all_ok = true;
    let handle = |n: usize, line: &str, out: &mut dyn Write| {
        if line.trim().is_empty() {
            return true;
        }
        let (text, ok) = match routing::route_json(line) {
            Ok(d) => (serde_json::to_string(&d), true),
            Err(e) => (
                serde_json::to_string(&ErrorLine {
                    line: n,
                    errors: &e.errors,
                }),
                false,
            ),
        };
        match text {
            Ok(t) => {
                let _ = writeln!(out, "{t}");
            }
            Err(e) => eprintln!("jusou: cannot print JSON: {e}"),
        }
        ok
    };
    if input.as_os_str() == "-" {
        let stdin = std::io::stdin();
        for (i, line) in BufReader::new(stdin.lock()).lines().enumerate() {
            let line = line.unwrap_or_default();
            all_ok &= handle(i + 1, &line, &mut out);
        }
    } else {
        let text = read_input(&input)?;
        for (i, line) in text.lines().enumerate() {
            all_ok &= handle(i + 1, line, &mut out);
        }
    }
    let _ = out.flush();
    Ok(all_ok)
}
