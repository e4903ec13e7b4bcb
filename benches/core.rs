//! Foundation benches: each operation next to a baseline measured in the same group, so results
//! read as ratios (run `cargo bench --bench core`).
//!
//! Baselines: `serde_json` parse-only of the same bytes (the floor for any JSON entry point) and a
//! clone of the input.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use jusou_core::{api, calendar, law};

fn dates(c: &mut Criterion) {
    let mut g = c.benchmark_group("date");
    let texts = ["令和元年5月1日", "R6.4.1", "2026-03-31", "令和６年度"];
    g.bench_function("baseline/clone-input", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| black_box(t.to_string()).len())
                .sum::<usize>()
        })
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            texts
                .iter()
                .filter(|t| calendar::parse(black_box(t)).is_ok())
                .count()
        })
    });
    g.bench_function("describe", |b| {
        b.iter(|| {
            texts
                .iter()
                .filter(|t| calendar::describe(black_box(t)).is_ok())
                .count()
        })
    });
    g.finish();
}

fn taxonomy(c: &mut Criterion) {
    let mut g = c.benchmark_group("taxonomy");
    g.bench_function("lookup-all-codes", |b| {
        b.iter(|| {
            law::ProgramCode::ALL
                .iter()
                .map(|c| black_box(c.program()).citation.len())
                .sum::<usize>()
        })
    });
    g.bench_function("parse-code", |b| {
        b.iter(|| {
            black_box("3-main-consult")
                .parse::<law::ProgramCode>()
                .is_ok()
        })
    });
    g.finish();
}

fn funding(c: &mut Criterion) {
    let input = r#"{"amount": 1000001, "program": "5", "as_of": "2025-04-01"}"#;
    let mut g = c.benchmark_group("split_funding");
    g.bench_function("baseline/serde_json-parse-only", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(input)).is_ok())
    });
    g.bench_function("json-end-to-end", |b| {
        b.iter(|| api::call("split_funding", black_box(input)).is_ok())
    });
    g.finish();
}

criterion_group!(benches, dates, taxonomy, funding);
criterion_main!(benches);
