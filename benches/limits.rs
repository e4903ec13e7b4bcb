//! Cost up to each limit (issue #10): route with 1…100 household members, plan with 10…10,000
//! events, meeting with 1…500 attendees, each reported per element (`Throughput::Elements`), so
//! linear cost reads as a flat time per element. Also the pre-parse limit scan next to a
//! serde_json parse of the same bytes. Short measurement times: `cargo bench --bench limits`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use jusou_core::{api, limits};
use serde_json::{json, Value};

fn case(members: usize) -> String {
    let mut household = vec![
        json!({"id": "A", "age": 80, "relation": "self", "subject": true,
        "issues": ["care", "poverty"]}),
    ];
    for i in 1..members {
        household.push(
            json!({"id": format!("M{i}"), "age": 20 + i % 60, "relation": "other_relative",
            "issues": if i % 2 == 0 { json!(["hikikomori"]) } else { json!(["care"]) }}),
        );
    }
    json!({"id": "bench", "received_on": "2026-06-01", "received_by": {"agency": "福祉相談室"},
        "household": household, "findings": {"rigid_support": true}})
    .to_string()
}

fn plan(events: usize) -> String {
    let mut ev = vec![
        json!({"type": "referral", "date": "2026-04-01", "organisation": "高齢者相談センター"}),
        json!({"type": "accepted", "date": "2026-04-02", "organisation": "福祉相談室"}),
    ];
    while ev.len() < events {
        ev.push(
            json!({"type": "information_gathering", "date": "2026-04-03",
            "organisation": "福祉相談室", "note": "訪問し、状況を確認した"}),
        );
    }
    ev.truncate(events);
    json!({"case_id": "bench", "as_of": "2026-05-01", "events": ev}).to_string()
}

fn meeting(attendees: usize) -> String {
    let members: Vec<Value> = (0..attendees)
        .map(|i| {
            json!({"id": format!("n{i}"), "name": format!("構成員{i}"),
            "organisation": if i % 2 == 0 { "新座市社会福祉協議会" } else { "新座市福祉政策課" },
            "role": "相談支援員", "appointed": i % 3 != 0,
            "confidentiality": ["needy_support_meeting", "public_servant"]})
        })
        .collect();
    let ids: Vec<String> = (0..attendees).map(|i| format!("n{i}")).collect();
    json!({
        "case": {"id": "bench", "subjects": ["D"], "under_multi_agency": true},
        "meeting": {"kind": "needy_support_meeting", "local_name": "支援会議",
            "organiser": {"kind": "municipality", "name": "新座市"}, "date": "2026-06-03",
            "municipality_runs_project": true},
        "members": members, "attendees": ids,
        "consents": [{"id": "c1", "subject": "D", "given_by": {"kind": "self"},
            "scope": {"organisations": ["新座市社会福祉協議会"], "persons": ["n1", "n3"],
                      "categories": ["basic", "economic"]},
            "given_on": "2026-05-01", "form": {"kind": "written"}}],
        "agenda": ["basic", "health_disability", "economic"]
    })
    .to_string()
}

fn scale(c: &mut Criterion, group: &str, op: &str, sizes: &[usize], make: fn(usize) -> String) {
    let mut g = c.benchmark_group(group);
    g.measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(300))
        .sample_size(20);
    for &n in sizes {
        let input = make(n);
        assert!(api::call(op, &input).is_ok(), "{group} {n}: input rejected");
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &input, |b, i| {
            b.iter(|| api::call(op, black_box(i)).map(|s| s.len()))
        });
    }
    g.finish();
}

fn route(c: &mut Criterion) {
    scale(c, "limits/route-members", "route", &[1, 10, 50, 100], case);
}

fn plans(c: &mut Criterion) {
    scale(
        c,
        "limits/plan-events",
        "plan",
        &[10, 100, 1000, 10_000],
        plan,
    );
}

fn meetings(c: &mut Criterion) {
    scale(
        c,
        "limits/meeting-attendees",
        "meeting",
        &[1, 10, 100, 500],
        meeting,
    );
}

/// The scan's cost next to the floor every entry point pays: serde_json parsing the bytes.
fn scan(c: &mut Criterion) {
    let input = plan(10_000);
    let mut g = c.benchmark_group("limits/scan-vs-parse");
    g.measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(300))
        .sample_size(20)
        .throughput(Throughput::Bytes(input.len() as u64));
    g.bench_function("scan", |b| {
        b.iter(|| limits::scan(black_box(&input)).is_ok())
    });
    g.bench_function("serde_json-value", |b| {
        b.iter(|| serde_json::from_str::<Value>(black_box(&input)).is_ok())
    });
    g.finish();
}

criterion_group!(benches, route, plans, meetings, scan);
criterion_main!(benches);
