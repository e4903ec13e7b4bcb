//! `jusou`: the command line of the jusou rules library.
//!
//! Exit codes: 0 a decision was made, 1 the input is invalid, 2 usage error.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc serves the binary's allocations: a decision allocates many short-lived strings and
/// vectors, and `jusou serve` allocates on every worker thread. Under callgrind glibc's
/// malloc/free/realloc were about a fifth of a routing decision's instructions
/// (benches/README.md); the Python module uses mimalloc for the same reason.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Replay a case's event log: state, next steps, deadlines, violations (支援プラン).
    Plan(cli::plan::Args),
    /// A 年度's 実績 counted from the cases' plan logs, against targets (実績報告).
    Report(cli::report::Args),
    /// Check a municipality's 実施体制 against the law; --compare two (実施体制の確認・比較).
    Municipality(cli::municipality::Args),
    /// JSON Schema of an input or output type.
    Schema(cli::schema::Args),
    /// Every error code with its ja/en title, fields and when it is raised (エラー一覧).
    Errors(cli::errors::Args),
    /// Every rule with its article and ja/en text; --article filters (規則一覧).
    Rules(cli::rules::Args),
    /// Run a folder of vectors with expected decisions; pass/fail with a ja/en diff (規則の試験).
    Test(cli::rule_tests::Args),
    /// Route a consultation: 多機関協働, アウトリーチ, 参加支援, first meeting (相談の振り分け).
    Route(cli::route::Args),
    /// Run many inputs, one JSON decision per line (一括処理).
    Batch(cli::batch::Args),
    /// May this case be discussed at this meeting, and with whom (会議と情報共有).
    Meeting(cli::meeting::Args),
    /// Run any operation JSON-in, JSON-out (what the Python and WASM bindings call).
    Api(cli::api::Args),
    #[cfg(unix)]
    /// Serve the operations over HTTP (JSON), on loopback unless a token is set (HTTPサービス).
    Serve(cli::serve::Args),
}

fn main() -> ExitCode {
    // Like other Unix tools, end quietly when the reader of our output goes away
    // (`jusou taxonomy | head`), instead of panicking on a failed print.
    #[cfg(unix)]
    // SAFETY: resetting a signal to its default disposition before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    // `jusou api` is machine-facing: its errors are JSON too.
    let json = cli.json || matches!(cli.command, Command::Api(_));
    let out = cli::Out { json };
    let result = match cli.command {
        Command::Taxonomy(a) => cli::taxonomy::run(a, out),
        Command::Date(a) => cli::date::run(a, out),
        Command::Funding(a) => cli::funding::run(a, out),
        Command::Plan(a) => cli::plan::run(a, out),
        Command::Report(a) => cli::report::run(a, out),
        Command::Municipality(a) => cli::municipality::run(a, out),
        Command::Schema(a) => cli::schema::run(a, out),
        Command::Errors(a) => cli::errors::run(a, out),
        Command::Rules(a) => cli::rules::run(a, out),
        Command::Route(a) => cli::route::run(a, out),
        Command::Batch(a) => match cli::batch::run(a) {
            Ok(true) => Ok(()),
            Ok(false) => return ExitCode::from(1),
            Err(e) => Err(e),
        },
        Command::Test(a) => match cli::rule_tests::run(a, out) {
            Ok(true) => Ok(()),
            Ok(false) => return ExitCode::from(1),
            Err(e) => Err(e),
        },
        Command::Meeting(a) => cli::meeting::run(a, out),
        Command::Api(a) => cli::api::run(a, out),
        #[cfg(unix)]
        Command::Serve(a) => cli::serve::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(errors) => {
            out.errors(&errors);
            ExitCode::from(1)
        }
    }
}
