//! A bounded load test of `jusou serve` on loopback (not a test: `make bench-serve`).
//!
//! Two servers, each its own process with the same runtime: `jusou serve` answering
//! `POST /v1/route` with the 新座市 model case, and an empty axum handler (reads the body, answers
//! `{}`) — the framework's own cost. The same client (keep-alive HTTP/1.1 connections, one thread
//! each) sends the same body to both, in alternating rounds; it prints throughput and p50/p99
//! per request and the ratio of per-request cost (inverse throughput), as JSON on the last line.
//!
//! usage: serve_load [--jusou PATH] [--connections N] [--requests N] [--rounds N] [--quiet]
//!        serve_load --empty-server    (internal: the empty handler)

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn arg(name: &str, default: &str) -> String {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| default.to_owned())
}

/// The empty handler: axum on tokio, as `jusou serve` is built.
fn empty_server() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let app = axum::Router::new().route(
            "/empty",
            axum::routing::post(|_body: axum::body::Bytes| async {
                ([("content-type", "application/json")], "{}")
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        eprintln!("listening on http://{}", listener.local_addr().unwrap());
        axum::serve(listener, app).await.unwrap();
    });
}

/// Start a server process; its address from the first line of its standard error (the rest
/// is drained so its log never blocks it).
fn start(cmd: &mut Command) -> (Child, SocketAddr) {
    let mut child = cmd
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let addr = first.rsplit("http://").next().unwrap().parse().unwrap();
    std::thread::spawn(move || for _ in lines.map_while(Result::ok) {});
    (child, addr)
}

/// One keep-alive request; the response read by its Content-Length.
fn request(c: &mut TcpStream, r: &mut BufReader<TcpStream>, req: &[u8], buf: &mut Vec<u8>) {
    c.write_all(req).unwrap();
    let mut len = 0;
    let mut line = String::new();
    let mut status = 0;
    loop {
        line.clear();
        r.read_line(&mut line).unwrap();
        if status == 0 {
            status = line
                .split(' ')
                .nth(1)
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
        }
        let l = line.to_ascii_lowercase();
        if let Some(v) = l.strip_prefix("content-length:") {
            len = v.trim().parse().unwrap();
        }
        if line == "\r\n" {
            break;
        }
    }
    assert_eq!(status, 200, "the load test expects answers, not errors");
    buf.resize(len, 0);
    r.read_exact(buf).unwrap();
}

struct Run {
    per_sec: f64,
    p50_us: f64,
    p99_us: f64,
}

fn run(addr: SocketAddr, path: &str, body: &str, conns: usize, per_conn: usize) -> Run {
    let req = format!(
        "POST {path} HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes();
    let start = Instant::now();
    let threads: Vec<_> = (0..conns)
        .map(|_| {
            let req = req.clone();
            std::thread::spawn(move || {
                let mut c = TcpStream::connect(addr).unwrap();
                c.set_nodelay(true).unwrap();
                let mut r = BufReader::new(c.try_clone().unwrap());
                let mut buf = Vec::new();
                let mut lat = Vec::with_capacity(per_conn);
                for _ in 0..per_conn {
                    let t = Instant::now();
                    request(&mut c, &mut r, &req, &mut buf);
                    lat.push(t.elapsed());
                }
                lat
            })
        })
        .collect();
    let mut lat: Vec<Duration> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    let total = start.elapsed();
    lat.sort();
    let q = |p: f64| lat[((lat.len() as f64 * p) as usize).min(lat.len() - 1)].as_secs_f64() * 1e6;
    Run {
        per_sec: lat.len() as f64 / total.as_secs_f64(),
        p50_us: q(0.50),
        p99_us: q(0.99),
    }
}

fn main() {
    if std::env::args().any(|a| a == "--empty-server") {
        return empty_server();
    }
    let jusou = arg("--jusou", "target/release/jusou");
    let conns: usize = arg("--connections", "8").parse().unwrap();
    let requests: usize = arg("--requests", "20000").parse().unwrap();
    let rounds: usize = arg("--rounds", "3").parse().unwrap();
    let body = std::fs::read_to_string("fixtures/cases/niiza-8050-model.json").unwrap();
    let body =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&body).unwrap()).unwrap();

    // The decision's own cost, in process on one thread (what the service adds to HTTP).
    let n = 20_000;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(jusou_core::api::call("route", std::hint::black_box(&body)).unwrap());
    }
    let decision_us = t.elapsed().as_secs_f64() * 1e6 / n as f64;
    let mut jargs = vec!["serve", "--listen", "127.0.0.1:0"];
    if std::env::args().any(|a| a == "--quiet") {
        jargs.push("--quiet");
    }
    let (mut j, jaddr) = start(Command::new(&jusou).args(&jargs));
    let me = std::env::current_exe().unwrap();
    let (mut e, eaddr) = start(Command::new(me).arg("--empty-server"));
    let per_conn = requests / conns;
    // Warm up both, then alternate rounds so drift on a shared machine hits both alike.
    run(jaddr, "/v1/route", &body, conns, 200);
    run(eaddr, "/empty", &body, conns, 200);
    let (mut js, mut es) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        es.push(run(eaddr, "/empty", &body, conns, per_conn));
        js.push(run(jaddr, "/v1/route", &body, conns, per_conn));
    }
    let _ = j.kill();
    let _ = e.kill();
    let _ = j.wait();
    let _ = e.wait();
    // The best round of each (least disturbed by other work on the machine).
    let best = |v: &[Run]| {
        let b = v
            .iter()
            .max_by(|a, b| a.per_sec.total_cmp(&b.per_sec))
            .unwrap();
        (b.per_sec, b.p50_us, b.p99_us)
    };
    let (jr, jp50, jp99) = best(&js);
    let (er, ep50, ep99) = best(&es);
    println!(
        "{:<28} {:>12} {:>10} {:>10}",
        "server", "requests/s", "p50 µs", "p99 µs"
    );
    println!(
        "{:<28} {:>12.0} {:>10.1} {:>10.1}",
        "axum empty handler", er, ep50, ep99
    );
    println!(
        "{:<28} {:>12.0} {:>10.1} {:>10.1}",
        "jusou serve POST /v1/route", jr, jp50, jp99
    );
    println!("the decision alone (api::call route, in process, one thread): {decision_us:.1} µs");
    println!(
        "per-request cost ratio (inverse throughput): {:.2}×; p50 ratio {:.2}× (target ≤ 1.5×)",
        er / jr,
        jp50 / ep50
    );
    println!(
        "{}",
        serde_json::json!({"connections": conns, "requests_per_round": per_conn * conns, "rounds": rounds,
            "empty": {"per_sec": er, "p50_us": ep50, "p99_us": ep99},
            "jusou": {"per_sec": jr, "p50_us": jp50, "p99_us": jp99},
            "cost_ratio": er / jr, "p50_ratio": jp50 / ep50, "decision_us": decision_us})
    );
}
