//! A bounded load test of `jusou serve` on loopback (not a test: `make bench-serve`).
//!
//! Three servers, each its own process with the same runtime: `jusou serve` answering
//! `POST /v1/route` with the 新座市 model case; the same service started with
//! `--bench-empty-handler` (every layer — token check, body limit, timeout, concurrency cap,
//! access log — and `{}` where the decision would be), the baseline of the target; and a bare
//! axum handler (reads the body, answers `{}`), the framework's own floor. The same client
//! (keep-alive HTTP/1.1 connections, one thread each) sends the same body to all, in alternating
//! rounds; it prints throughput and p50/p99 per request and the ratio of per-request cost
//! (inverse throughput), as JSON on the last line.
//!
//! usage: serve_load [--jusou PATH] [--connections N] [--requests N] [--rounds N] [--quiet]
//!        serve_load --empty-server    (internal: the empty handler)

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The allocator `jusou serve` uses, so the decision timed here costs what it costs there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
fn start(cmd: &mut Command) -> (Child, (SocketAddr, u32)) {
    let mut child = cmd
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let addr = first.rsplit("http://").next().unwrap().parse().unwrap();
    std::thread::spawn(move || for _ in lines.map_while(Result::ok) {});
    let pid = child.id();
    (child, (addr, pid))
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
    /// CPU time the server process spent per request (all its threads): the cost that does not
    /// depend on how much of the shared machine the run got.
    cpu_us: f64,
}

/// CPU time of a process so far, in ns: the sum over its threads of the scheduler's own count
/// (`/proc/PID/task/*/schedstat`, first field; finer than the clock ticks of `stat`).
fn cpu_ns(pid: u32) -> u64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return 0;
    };
    tasks
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}

/// CPU time of the calling thread so far, in ns.
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn run(
    (addr, pid): (SocketAddr, u32),
    path: &str,
    body: &str,
    conns: usize,
    per_conn: usize,
) -> Run {
    let req = format!(
        "POST {path} HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes();
    let cpu_before = cpu_ns(pid);
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
    let cpu = cpu_ns(pid).saturating_sub(cpu_before);
    lat.sort();
    let q = |p: f64| lat[((lat.len() as f64 * p) as usize).min(lat.len() - 1)].as_secs_f64() * 1e6;
    Run {
        per_sec: lat.len() as f64 / total.as_secs_f64(),
        p50_us: q(0.50),
        p99_us: q(0.99),
        cpu_us: cpu as f64 / 1e3 / lat.len() as f64,
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

    // The decision's own cost, in process on one thread (what the service adds to HTTP), and
    // its parts: reading the case, deciding, writing the answer. Counted in this thread's CPU
    // time: on a machine shared with other work the wall clock also counts the time the thread
    // waited for a core (3× as much under a load average of 12).
    let n = 20_000;
    let per = |f: &dyn Fn()| {
        let c = thread_cpu_ns();
        for _ in 0..n {
            f();
        }
        thread_cpu_ns().saturating_sub(c) as f64 / 1e3 / n as f64
    };
    let decision_us = per(&|| {
        std::hint::black_box(jusou_core::api::call("route", std::hint::black_box(&body)).unwrap());
    });
    let case: jusou_core::case::Case = jusou_core::error::decode(&body).unwrap();
    let decision = jusou_core::routing::route_case(&case).unwrap();
    let answer_bytes = serde_json::to_string(&decision).unwrap().len();
    let decode_us = per(&|| {
        std::hint::black_box(
            jusou_core::error::decode::<jusou_core::case::Case>(std::hint::black_box(&body))
                .unwrap(),
        );
    });
    let route_us = per(&|| {
        std::hint::black_box(jusou_core::routing::route_case(std::hint::black_box(&case)).unwrap());
    });
    // What the service writes: the core's encoder (fixed texts and objects copied in their
    // escaped form), not a plain `serde_json::to_string`.
    let encode_us = per(&|| {
        std::hint::black_box(
            jusou_core::api::encode_route(std::hint::black_box(&decision)).unwrap(),
        );
    });
    let quiet = std::env::args().any(|a| a == "--quiet");
    let serve = |extra: &[&str]| {
        let mut c = Command::new(&jusou);
        c.args(["serve", "--listen", "127.0.0.1:0"]).args(extra);
        if quiet {
            c.arg("--quiet");
        }
        start(&mut c)
    };
    let (mut j, jaddr) = serve(&[]);
    // The fair baseline: the same service, every layer, `{}` where the decision would be.
    let (mut b, baddr) = serve(&["--bench-empty-handler"]);
    let me = std::env::current_exe().unwrap();
    let (mut e, eaddr) = start(Command::new(me).arg("--empty-server"));
    let per_conn = requests / conns;
    // Warm up all, then alternate rounds so drift on a shared machine hits them alike.
    run(jaddr, "/v1/route", &body, conns, 200);
    run(baddr, "/v1/route", &body, conns, 200);
    run(eaddr, "/empty", &body, conns, 200);
    let (mut js, mut bs, mut es) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        es.push(run(eaddr, "/empty", &body, conns, per_conn));
        bs.push(run(baddr, "/v1/route", &body, conns, per_conn));
        js.push(run(jaddr, "/v1/route", &body, conns, per_conn));
    }
    for c in [&mut j, &mut b, &mut e] {
        let _ = c.kill();
        let _ = c.wait();
    }
    // The best round of each (least disturbed by other work on the machine).
    let best = |v: &[Run]| {
        let b = v
            .iter()
            .max_by(|a, b| a.per_sec.total_cmp(&b.per_sec))
            .unwrap();
        // CPU per request varies less between rounds: the median round's.
        let mut cpu: Vec<f64> = v.iter().map(|r| r.cpu_us).collect();
        cpu.sort_by(f64::total_cmp);
        (b.per_sec, b.p50_us, b.p99_us, cpu[cpu.len() / 2])
    };
    // The ratios round by round (a round of each server back to back sees about the same
    // machine), then their median: steadier than a ratio of two best rounds.
    let median_ratio = |f: &dyn Fn(&Run, &Run) -> f64| {
        let mut r: Vec<f64> = js.iter().zip(&bs).map(|(j, b)| f(j, b)).collect();
        r.sort_by(f64::total_cmp);
        r[r.len() / 2]
    };
    let cost_ratio = median_ratio(&|j, b| b.per_sec / j.per_sec);
    let cpu_ratio = median_ratio(&|j, b| j.cpu_us / b.cpu_us);
    let p50_ratio = median_ratio(&|j, b| j.p50_us / b.p50_us);
    let p99_ratio = median_ratio(&|j, b| j.p99_us / b.p99_us);
    let (jr, jp50, jp99, jcpu) = best(&js);
    let (br, bp50, bp99, bcpu) = best(&bs);
    let (er, ep50, ep99, ecpu) = best(&es);
    println!(
        "{:<36} {:>11} {:>9} {:>9} {:>17}",
        "server", "requests/s", "p50 µs", "p99 µs", "server CPU µs/req"
    );
    for (name, r, p50, p99, cpu) in [
        ("axum, bare empty handler", er, ep50, ep99, ecpu),
        ("jusou serve --bench-empty-handler", br, bp50, bp99, bcpu),
        ("jusou serve POST /v1/route", jr, jp50, jp99, jcpu),
    ] {
        println!("{name:<36} {r:>11.0} {p50:>9.1} {p99:>9.1} {cpu:>17.1}");
    }
    println!(
        "the decision alone (in process, one thread, CPU time): {decision_us:.1} µs = decode {decode_us:.1} \
         + route {route_us:.1} + encode {encode_us:.1} (a {answer_bytes}-byte answer) + drop"
    );
    println!(
        "against the same service's empty handler (median of the rounds' ratios): cost ratio \
         (inverse throughput) {cost_ratio:.2}×, server CPU per request {cpu_ratio:.2}×, \
         p50 {p50_ratio:.2}×, p99 {p99_ratio:.2}× (target ≤ 1.5×); best rounds against bare axum: {:.2}×",
        er / jr
    );
    println!(
        "{}",
        serde_json::json!({"connections": conns, "requests_per_round": per_conn * conns, "rounds": rounds,
            "quiet": quiet,
            "bare_axum": {"per_sec": er, "p50_us": ep50, "p99_us": ep99, "cpu_us": ecpu},
            "empty": {"per_sec": br, "p50_us": bp50, "p99_us": bp99, "cpu_us": bcpu},
            "jusou": {"per_sec": jr, "p50_us": jp50, "p99_us": jp99, "cpu_us": jcpu},
            "cost_ratio": cost_ratio, "cpu_ratio": cpu_ratio, "p50_ratio": p50_ratio,
            "p99_ratio": p99_ratio,
            "cost_ratio_bare": er / jr,
            "decision_us": decision_us, "decode_us": decode_us, "route_us": route_us,
            "encode_us": encode_us, "answer_bytes": answer_bytes})
    );
}
