//! `jusou`: the command line of the jusou rules library.
//!
//! Exit codes: 0 a decision was made, 1 the input is invalid, 2 usage error.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// 重層的支援体制整備事業 (社会福祉法第106条の4〜第106条の6) rules engine.
#[derive(Parser)]
#[command(name = "jusou", version, about, long_about = None)]
struct Cli {
    /// Print the machine form (JSON) instead of the readable table.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The program table of 社会福祉法第106条の4第2項 (事業一覧).
    Taxonomy(cli::taxonomy::Args),
    /// Read a date as users write it: 西暦, 和暦 and 年度 (日付の読み取り).
    Date(cli::date::Args),
    /// Split a yen amount into funding shares (負担割合).
    Funding(cli::funding::Args),
    /// Check a municipality's 実施体制 against the law; --compare two (実施体制の確認・比較).
    Municipality(cli::municipality::Args),
    /// JSON Schema of an input or output type.
    Schema(cli::schema::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = cli::Out { json: cli.json };
    let result = match cli.command {
        Command::Taxonomy(a) => cli::taxonomy::run(a, out),
        Command::Date(a) => cli::date::run(a, out),
        Command::Funding(a) => cli::funding::run(a, out),
        Command::Municipality(a) => cli::municipality::run(a, out),
        Command::Schema(a) => cli::schema::run(a, out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(errors) => {
            out.errors(&errors);
            ExitCode::from(1)
        }
    }
}
