//! `jusou api OP [FILE]`: the JSON-in, JSON-out entry point every binding uses, for vendors and
//! for generating and checking the shared fixtures.

use std::path::PathBuf;

use jusou_core::{api, Errors};

use super::{input, Out};

/// Options of `jusou api`.
#[derive(clap::Args)]
pub struct Args {
    /// Operation (`jusou api --list` shows them).
    op: Option<String>,
    /// Input JSON file; standard input when absent.
    file: Option<PathBuf>,
    /// List the operations.
    #[arg(long)]
    list: bool,
}

/// Run one operation and print its output as pretty JSON.
pub fn run(args: Args, out: Out) -> Result<(), Errors> {
    let Some(op) = args.op.filter(|_| !args.list) else {
        for o in jusou_core::operations::ALL {
            println!("{:<16} {}", o.name, o.input_about);
        }
        return Ok(());
    };
    let input = match args.file {
        Some(path) => input::read_file(&path)?,
        None => input::read_stdin()?,
    };
    let output = api::call(&op, &input)?;
    let value: serde_json::Value = serde_json::from_str(&output).unwrap_or_default();
    out.print_json(&value);
    Ok(())
}
