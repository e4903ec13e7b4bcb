//! The engine's per-call cost against the size of its municipality (issue #18 item 1): the same
//! case routed by an `Engine` bound to a municipality with 500 multi-agency criteria (the most a
//! list may hold, `limits::MAX_LIST_ITEMS`) and by one bound to no municipality, in one group, so
//! the result reads as a ratio on any machine (`cargo bench --locked --bench engine`).
//!
//! - `engine/no-municipality`: `Engine::new(None, as_of)`, then `route(case text)`;
//! - `engine/500-criteria`: `Engine::new(Some(municipality), as_of)`, then `route(case text)`;
//! - `engine/500-criteria-prepared-case`: the same from an already decoded case (`route_case`),
//!   the decision alone;
//! - `before/500-criteria-in-the-case`: what the bindings did before the engine — the
//!   municipality's options written into each case and compiled again on every call
//!   (`routing::route_json` of the case with `options`).
//!
//! The criteria test issues the case does not have, so none fires and the answers are the same
//! size; each costs one bit-mask test per call.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use jusou_core::{case::Case, routing, Engine};
use serde_json::{json, Value};

fn fixture(path: &str) -> String {
    let full = format!("{}/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// 500 criteria, none of which fires for the niiza model case (it has no `debt` issue).
fn criteria() -> Value {
    let list: Vec<Value> = (0..jusou_core::limits::MAX_LIST_ITEMS)
        .map(|i| {
            json!({
                "id": format!("CRIT-{i:03}"),
                "label_ja": format!("基準{i}"),
                "issues_all": ["debt"],
                "signals_any": ["multi_field"],
            })
        })
        .collect();
    json!({ "multi_agency_criteria": list })
}

fn engine(c: &mut Criterion) {
    let case = fixture("cases/niiza-8050-model.json");
    let mut municipality: Value =
        serde_json::from_str(&fixture("municipalities/niiza.json")).unwrap();
    municipality["options"] = criteria();
    let municipality = municipality.to_string();
    let as_of = Some("2026-06-01");

    let plain = Engine::new(None, as_of).unwrap();
    let big = Engine::new(Some(&municipality), as_of).unwrap();
    // Same answers apart from nothing: no criterion fires.
    assert_eq!(plain.route(&case).unwrap(), big.route(&case).unwrap());
    let decoded: Case = jusou_core::error::decode(&case).unwrap();

    let mut with_options: Value = serde_json::from_str(&case).unwrap();
    with_options["options"] = criteria();
    with_options["as_of"] = json!("2026-06-01");
    let with_options = with_options.to_string();
    assert!(routing::route_json(&with_options).is_ok());

    let mut g = c.benchmark_group("engine");
    g.bench_function("no-municipality", |b| {
        b.iter(|| plain.route(black_box(&case)).is_ok())
    });
    g.bench_function("500-criteria", |b| {
        b.iter(|| big.route(black_box(&case)).is_ok())
    });
    g.bench_function("no-municipality-prepared-case", |b| {
        b.iter(|| plain.route_case(black_box(decoded.clone())).is_ok())
    });
    g.bench_function("500-criteria-prepared-case", |b| {
        b.iter(|| big.route_case(black_box(decoded.clone())).is_ok())
    });
    g.bench_function("before/500-criteria-in-the-case", |b| {
        b.iter(|| routing::route_json(black_box(&with_options)).is_ok())
    });
    g.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
