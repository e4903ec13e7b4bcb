//! Where the time goes: every decision next to baselines measured in the same group, so results
//! read as ratios on any machine (`make bench`, or `cargo bench --bench core`; the ratio table is
//! printed by `benches/report.py`).
//!
//! Each JSON entry point is timed from the same bytes as two baselines:
//! - `baseline/serde_json-parse-only`: `serde_json::from_str` of the bytes into the same type,
//!   the floor for any JSON entry point;
//! - `baseline/clone-input`: a clone of the input (bytes, or the typed value for `typed`).
//!
//! `growth/*` groups time the same operation as its input grows (members, issues, events,
//! attendees, batch size); criterion's throughput makes the per-element cost comparable.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use jusou_core::{api, calendar, case::Case, law, limits, meeting, municipality, plan, routing};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

fn fixture(path: &str) -> String {
    let full = format!("{}/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// One group for a JSON entry point: both baselines, the end-to-end call, and the decision from
/// an already-typed input.
fn entry_point<T: DeserializeOwned + Clone, R>(
    c: &mut Criterion,
    group: &str,
    input: &str,
    end_to_end: impl Fn(&str) -> bool,
    typed: impl Fn(&T) -> R,
    api_op: Option<&str>,
) {
    let value: T = serde_json::from_str(input).unwrap_or_else(|e| panic!("{group}: {e}"));
    // A rejected input would time the error path, not the decision.
    assert!(end_to_end(input), "{group}: the input is rejected");
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(input.len() as u64));
    g.bench_function("baseline/clone-input", |b| {
        b.iter(|| black_box(input).to_owned())
    });
    g.bench_function("baseline/serde_json-parse-only", |b| {
        b.iter(|| serde_json::from_str::<T>(black_box(input)).is_ok())
    });
    g.bench_function("json-end-to-end", |b| {
        b.iter(|| end_to_end(black_box(input)))
    });
    // What a binding or the HTTP service pays: JSON text in, JSON text out (`api::call`).
    if let Some(op) = api_op {
        g.bench_function("json-in-json-out", |b| {
            b.iter(|| api::call(op, black_box(input)).map(|o| o.len()))
        });
    }
    // The pre-parse limit scan, part of every JSON entry point.
    g.bench_function("limits-scan", |b| {
        b.iter(|| limits::scan(black_box(input)).is_ok())
    });
    // serde_json's parse then the typed decision, as one step: shows that the two together cost
    // more than their separate medians (the decision's allocations then interleave the input's).
    g.bench_function("probe/parse-then-typed", |b| {
        b.iter(|| {
            serde_json::from_str::<T>(black_box(input))
                .map(|v| typed(&v))
                .is_ok()
        })
    });
    g.bench_function("baseline/clone-typed", |b| {
        b.iter(|| black_box(&value).clone())
    });
    g.bench_function("typed", |b| b.iter(|| typed(black_box(&value))));
    g.finish();
}

fn route(c: &mut Criterion) {
    for name in ["niiza-8050-model", "inagi-complex-household"] {
        let input = fixture(&format!("cases/{name}.json"));
        entry_point::<Case, _>(
            c,
            &format!("route/{name}"),
            &input,
            |s| routing::route_json(s).is_ok(),
            routing::route_case,
            Some("route"),
        );
    }
}

fn meeting_check(c: &mut Criterion) {
    let input = fixture("meetings/combined-with-consent.json");
    entry_point::<meeting::MeetingCheck, _>(
        c,
        "meeting/combined-with-consent",
        &input,
        |s| meeting::check_json(s).is_ok(),
        |m| meeting::check::validate(m).map(|_| meeting::check(m)),
        None,
    );
}

fn municipality_check(c: &mut Criterion) {
    let input = fixture("municipalities/niiza.json");
    entry_point::<municipality::Municipality, _>(
        c,
        "municipality/niiza",
        &input,
        |s| municipality::check_json(s).is_ok(),
        municipality::check,
        None,
    );
}

/// The 新座市 model log cut or stretched to `n` events: its first events, then monitoring visits
/// a day apart (a long-running case), with `as_of` after the last.
fn plan_log(n: usize) -> String {
    let mut log: Value = serde_json::from_str(&fixture("plans/niiza-8050-model.json"))
        .unwrap_or_else(|e| panic!("plan fixture: {e}"));
    let events = log["events"].as_array_mut().expect("events");
    // Up to the first monitoring (2026-11-20): the log's later events close the case.
    let first_monitoring = events
        .iter()
        .position(|e| e["type"] == "monitoring")
        .expect("a monitoring event");
    events.truncate(n.min(first_monitoring + 1));
    let start = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
    let mut day = start;
    while events.len() < n {
        events.push(json!({
            "type": "monitoring",
            "date": day.to_string(),
            "organisation": "新座市福祉政策課（福祉相談室）"
        }));
        day = day.succ_opt().expect("date");
    }
    log["as_of"] = json!(day.to_string());
    log.to_string()
}

fn plan_replay(c: &mut Criterion) {
    for n in [10, 100, 1_000] {
        let input = plan_log(n);
        entry_point::<plan::PlanLog, _>(
            c,
            &format!("plan/{n}-events"),
            &input,
            |s| plan::replay_json(s).is_ok(),
            |l| plan::validate(l).map(|_| plan::replay(l)),
            None,
        );
    }
}

fn taxonomy(c: &mut Criterion) {
    let mut g = c.benchmark_group("taxonomy");
    g.bench_function("baseline/clone-codes", |b| {
        b.iter(|| black_box(law::ProgramCode::ALL).to_vec())
    });
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
    g.bench_function("on-date", |b| {
        let day = chrono::NaiveDate::from_ymd_opt(2024, 4, 1).expect("date");
        b.iter(|| law::taxonomy_on(black_box(day)).count())
    });
    g.bench_function("json-end-to-end", |b| {
        b.iter(|| api::call("taxonomy", "null").map(|s| s.len()))
    });
    g.finish();
}

fn dates(c: &mut Criterion) {
    let texts = ["令和元年5月1日", "R6.4.1", "2026-03-31", "令和６年度"];
    let json = serde_json::to_string(&texts).expect("json");
    let mut g = c.benchmark_group("date");
    g.throughput(Throughput::Elements(texts.len() as u64));
    g.bench_function("baseline/clone-input", |b| {
        b.iter(|| texts.map(|t| black_box(t).to_owned()))
    });
    g.bench_function("baseline/serde_json-parse-only", |b| {
        b.iter(|| serde_json::from_str::<Vec<String>>(black_box(&json)).is_ok())
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            texts
                .iter()
                .filter(|t| calendar::parse(black_box(t)).is_ok())
                .count()
        })
    });
    g.bench_function("json-end-to-end", |b| {
        b.iter(|| {
            let texts: Vec<String> = serde_json::from_str(black_box(&json)).unwrap_or_default();
            texts
                .iter()
                .filter(|t| calendar::describe(t).is_ok())
                .count()
        })
    });
    g.finish();
}

fn funding(c: &mut Criterion) {
    let input = r#"{"amount": 1000001, "program": "5", "as_of": "2025-04-01"}"#;
    let mut g = c.benchmark_group("split_funding");
    g.bench_function("baseline/serde_json-parse-only", |b| {
        b.iter(|| serde_json::from_str::<Value>(black_box(input)).is_ok())
    });
    g.bench_function("json-end-to-end", |b| {
        b.iter(|| api::call("split_funding", black_box(input)).is_ok())
    });
    g.finish();
}

/// A household of `members` (the first the subject), each with `issues` issues.
fn household(members: usize, issues: usize) -> String {
    // The whole vocabulary (a member's issues are distinct, so 23 is the most one can have).
    const ISSUES: [&str; 23] = [
        "care",
        "dementia",
        "hikikomori",
        "employment_difficulty",
        "debt",
        "mental_disability",
        "hoarding",
        "isolation",
        "poverty",
        "housing",
        "health",
        "mental_distress",
        "physical_disability",
        "intellectual_disability",
        "self_neglect",
        "childrearing",
        "school_refusal",
        "young_carer",
        "double_care",
        "dv",
        "child_abuse",
        "elder_abuse",
        "disability_abuse",
    ];
    let household: Vec<Value> = (0..members)
        .map(|i| {
            let list: Vec<&str> = ISSUES
                .iter()
                .cycle()
                .skip(i)
                .take(issues)
                .copied()
                .collect();
            let mut m = json!({"id": format!("M{i}"), "age": 20 + (i * 7) % 70, "issues": list});
            m["relation"] = json!(if i == 0 { "self" } else { "child" });
            if i == 0 {
                m["subject"] = json!(true);
            }
            m
        })
        .collect();
    json!({
        "id": format!("growth-{members}-{issues}"),
        "received_on": "2026-05-11",
        "received_by": {"agency": "福祉相談窓口"},
        "household": household,
        "findings": {"one_agency_can_resolve": false},
        "consents": []
    })
    .to_string()
}

fn growth(c: &mut Criterion) {
    let mut g = c.benchmark_group("growth/household-members");
    for n in [1, 10, 50, 100] {
        let input = household(n, 2);
        assert!(routing::route_json(&input).is_ok(), "household of {n}");
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("parse-only", n), &input, |b, s| {
            b.iter(|| serde_json::from_str::<Case>(s).is_ok())
        });
        g.bench_with_input(BenchmarkId::new("route-json", n), &input, |b, s| {
            b.iter(|| routing::route_json(s).is_ok())
        });
    }
    g.finish();

    let mut g = c.benchmark_group("growth/issues-per-member");
    for n in [1, 4, 12, 23] {
        let input = household(4, n);
        assert!(routing::route_json(&input).is_ok(), "{n} issues");
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("route-json", n), &input, |b, s| {
            b.iter(|| routing::route_json(s).is_ok())
        });
    }
    g.finish();

    let mut g = c.benchmark_group("growth/plan-events");
    for n in [10, 100, 1_000, 10_000] {
        let input = plan_log(n);
        let report = plan::replay_json(&input).expect("a plan log");
        // A valid log, so the series times replay, not the reporting of violations.
        assert!(report.valid, "{n} events: {:?}", report.violations.first());
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("parse-only", n), &input, |b, s| {
            b.iter(|| serde_json::from_str::<plan::PlanLog>(s).is_ok())
        });
        g.bench_with_input(BenchmarkId::new("replay-json", n), &input, |b, s| {
            b.iter(|| plan::replay_json(s).is_ok())
        });
        g.bench_with_input(BenchmarkId::new("limits-scan", n), &input, |b, s| {
            b.iter(|| limits::scan(s).is_ok())
        });
    }
    g.finish();

    let mut g = c.benchmark_group("growth/meeting-attendees");
    for n in [5, 50, 500] {
        let input = meeting_with(n);
        assert!(meeting::check_json(&input).is_ok(), "{n} attendees");
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("parse-only", n), &input, |b, s| {
            b.iter(|| serde_json::from_str::<meeting::MeetingCheck>(s).is_ok())
        });
        g.bench_with_input(BenchmarkId::new("check-json", n), &input, |b, s| {
            b.iter(|| meeting::check_json(s).is_ok())
        });
    }
    g.finish();

    let one = fixture("cases/niiza-8050-model.json");
    let mut g = c.benchmark_group("growth/batch-size");
    for n in [1, 10, 100, 1_000, 10_000] {
        let batch = format!("[{}]", vec![one.as_str(); n].join(","));
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("route_many", n), &batch, |b, s| {
            b.iter(|| api::call("route_many", s).map(|o| o.len()))
        });
    }
    g.finish();
}

/// The consented 支援会議 fixture with its member list repeated to `n` attendees.
fn meeting_with(n: usize) -> String {
    let mut m: Value = serde_json::from_str(&fixture("meetings/combined-with-consent.json"))
        .unwrap_or_else(|e| panic!("meeting fixture: {e}"));
    let members = m["members"].as_array().cloned().unwrap_or_default();
    let mut all = Vec::with_capacity(n);
    for i in 0..n {
        let mut member = members[i % members.len()].clone();
        member["id"] = json!(format!("m{i}"));
        all.push(member);
    }
    m["attendees"] = json!((0..n).map(|i| format!("m{i}")).collect::<Vec<_>>());
    m["members"] = Value::Array(all);
    m.to_string()
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
}

criterion_group! {
    name = benches;
    config = config();
    targets = route, meeting_check, plan_replay, municipality_check, taxonomy, dates, funding, growth
}
criterion_main!(benches);
