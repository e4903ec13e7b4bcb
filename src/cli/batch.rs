//! `jusou batch route IN.jsonl`: one routing decision per input line, as one JSON line each.
//! A bad line gives an error line (with its line number) and the run goes on; the exit code is
//! 1 when any line failed. Lines are read with a cap ([`jusou_core::limits::MAX_BATCH_LINE_BYTES`]):
//! a longer line is answered with `JUSOU-E-LIMIT-011` without being held in memory.

use std::io::{BufRead, Read, Write};
use std::path::PathBuf;

use jusou_core::{api, limits::MAX_BATCH_LINE_BYTES, Errors};
use serde::Serialize;

use super::input;

/// Options of `jusou batch`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    kind: Kind,
}

/// What to run in batch.
#[derive(clap::Subcommand)]
enum Kind {
    /// Route every case of a JSON Lines file (one case per line), or of a CSV export (--csv).
    Route {
        /// Input file (JSON Lines); `-` reads standard input.
        #[arg(required_unless_present = "csv")]
        input: Option<PathBuf>,
        /// A CSV export, one row per household member (docs/csv.md); decisions as CSV.
        #[arg(long, conflicts_with = "input")]
        csv: Option<PathBuf>,
        /// CSV: Japanese column headers in the output.
        #[arg(long, requires = "csv")]
        ja_headers: bool,
        /// CSV: the input's encoding.
        #[arg(long, value_enum, default_value = "auto", requires = "csv")]
        encoding: super::csv_batch::Encoding,
        /// CSV: write the output in CP932 (Shift_JIS) instead of UTF-8.
        #[arg(long, requires = "csv")]
        out_cp932: bool,
    },
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    line: usize,
    errors: &'a [jusou_core::Error],
}

/// Read one line of at most `MAX_BATCH_LINE_BYTES + 1` bytes into `buf` (the rest of a longer
/// line is read and dropped). `Ok(false)` at the end of input.
fn read_line<R: BufRead>(r: &mut R, buf: &mut Vec<u8>) -> std::io::Result<bool> {
    buf.clear();
    let cap = (MAX_BATCH_LINE_BYTES + 1) as u64;
    let n = (&mut *r).take(cap).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(false);
    }
    if buf.len() > MAX_BATCH_LINE_BYTES && buf.last() != Some(&b'\n') {
        // Skip the rest of the over-long line in bounded chunks.
        let mut sink = Vec::new();
        loop {
            sink.clear();
            let m = (&mut *r).take(64 * 1024).read_until(b'\n', &mut sink)?;
            if m == 0 || sink.last() == Some(&b'\n') {
                break;
            }
        }
    }
    Ok(true)
}

/// Run the batch. `Ok(true)` when every line was decided.
pub fn run(args: Args) -> Result<bool, Errors> {
    let Kind::Route {
        input,
        csv,
        ja_headers,
        encoding,
        out_cp932,
    } = args.kind;
    if let Some(path) = csv {
        let opts = super::csv_batch::Options {
            ja_headers,
            encoding,
            out_cp932,
        };
        return super::csv_batch::run(&path, &opts);
    }
    let input = input.unwrap_or_else(|| PathBuf::from("-"));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let source = input::Source::of(&input);
    let mut reader = input::open_lines(&input)?;
    let mut all_ok = true;
    let mut buf = Vec::new();
    let mut n = 0;
    while read_line(&mut reader, &mut buf).map_err(|e| input::read_error(source, e))? {
        n += 1;
        let Some(result) = api::route_line(&buf) else {
            continue;
        };
        let text = match result {
            Ok(d) => serde_json::to_string(&d),
            Err(e) => {
                all_ok = false;
                serde_json::to_string(&ErrorLine {
                    line: n,
                    errors: &e.errors,
                })
            }
        };
        match text {
            Ok(t) => {
                let _ = writeln!(out, "{t}");
            }
            Err(e) => eprintln!("jusou: cannot print JSON: {e}"),
        }
    }
    let _ = out.flush();
    Ok(all_ok)
}
