//! One routing decision split into its three phases, for instruction counts under callgrind
//! (repeatable on a shared machine, unlike wall time):
//!
//! ```sh
//! cargo build --release --locked -p jusou-core --example route_phases
//! valgrind --tool=callgrind --callgrind-out-file=target/route_phases.cg \
//!     target/release/examples/route_phases fixtures/cases 20
//! callgrind_annotate --inclusive=yes target/route_phases.cg | grep phase_
//! ```
//!
//! Every `*.json` case of the folder (not `*.expected.json`) that routes without error is
//! decoded (`phase_decode`: the core's `decode` into a `Case`), routed (`phase_route`:
//! `Engine::route_case` of the plain engine) and encoded (`phase_encode`: the JSON text the API
//! returns) `rounds` times; dividing a phase's inclusive count by `rounds × cases` gives
//! instructions per decision. Cases are checked against the API's own output first, so the
//! phases measure exactly what `route` does.

use std::hint::black_box;

use jusou_core::case::Case;
use jusou_core::engine::Engine;
use jusou_core::routing::RouteDecision;

#[inline(never)]
fn phase_decode(text: &str) -> Case {
    jusou_core::error::decode(text).unwrap_or_else(|e| panic!("decode: {e:?}")) // ok: bench input checked below
}

#[inline(never)]
fn phase_route(engine: &Engine, case: Case) -> RouteDecision {
    engine
        .route_case(case)
        .unwrap_or_else(|e| panic!("route: {e:?}")) // ok: bench input checked below
}

#[inline(never)]
fn phase_encode(d: &RouteDecision) -> String {
    jusou_core::api::encode_route(d).unwrap_or_else(|e| panic!("encode: {e:?}"))
    // ok: bench input checked below
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "fixtures/cases".into());
    let rounds: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}")) // ok: bench
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.to_string_lossy();
            n.ends_with(".json") && !n.ends_with(".expected.json")
        })
        .collect();
    paths.sort();
    let engine = Engine::plain();
    let cases: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter(|t| {
            engine.route(t).is_ok_and(|d| {
                jusou_core::api::call("route", t).ok() == jusou_core::api::encode_route(&d).ok()
            })
        })
        .collect();
    let mut bytes = 0usize;
    for _ in 0..rounds {
        for t in &cases {
            let case = phase_decode(black_box(t));
            let d = phase_route(engine, case);
            bytes += black_box(phase_encode(&d)).len();
        }
    }
    println!(
        "{} cases × {rounds} rounds = {} decisions; {} bytes of output per decision",
        cases.len(),
        cases.len() * rounds,
        bytes / (cases.len() * rounds).max(1)
    );
}
