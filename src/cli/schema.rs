//! `jusou schema NAME`: the JSON Schema of an input or output type.

use jusou_core::{schema, Errors};

use super::Out;

/// Options of `jusou schema`.
#[derive(clap::Args)]
pub struct Args {
    /// Type name; `jusou schema --list` shows them.
    name: Option<String>,
    /// List the known names.
    #[arg(long)]
    list: bool,
}

/// Print the schema (always JSON).
pub fn run(args: Args, out: Out) -> Result<(), Errors> {
    match args.name {
        Some(name) if !args.list => {
            out.print_json(&schema::get(&name)?);
        }
        _ => {
            for (name, what) in schema::NAMES {
                println!("{name:<16} {what}");
            }
        }
    }
    Ok(())
}
