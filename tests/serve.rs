//! `jusou serve` tested as a vendor meets it: the real binary on an ephemeral loopback port,
//! called with a real HTTP client (ureq) and with raw sockets for the faults. Every answer is
//! compared with the CLI's own output, run at test time.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

const JUSOU: &str = env!("CARGO_BIN_EXE_jusou");
const NIIZA_CASE: &str = "fixtures/cases/niiza-8050-model.json";
const INAGI: &str = "fixtures/municipalities/inagi.json";

/// A running server; killed (SIGTERM, then SIGKILL) when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut cmd = Command::new(JUSOU);
        cmd.arg("serve");
        if !args.contains(&"--listen") {
            cmd.args(["--listen", "127.0.0.1:0"]);
        }
        let mut child = cmd
            .args(args)
            .env_remove("JUSOU_TOKEN")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start jusou serve");
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let first = lines.next().expect("a first line").unwrap();
        let addr = first
            .rsplit("http://")
            .next()
            .and_then(|a| a.parse::<SocketAddr>().ok())
            .unwrap_or_else(|| panic!("no address in {first:?}"));
        // A wildcard address is reached through loopback.
        let addr = if addr.ip().is_unspecified() {
            SocketAddr::from(([127, 0, 0, 1], addr.port()))
        } else {
            addr
        };
        let log = Arc::new(Mutex::new(Vec::new()));
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        Server { child, addr, log }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn signal(&self, sig: i32) {
        // SAFETY: sending a signal to our own child.
        unsafe { libc::kill(self.child.id() as i32, sig) };
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Never signal a process already reaped (its id may belong to another by now).
        if let Ok(Some(_)) = self.child.try_wait() {
            return;
        }
        self.signal(libc::SIGTERM);
        for _ in 0..100 {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// (status, body as JSON).
fn post(url: &str, body: &str, token: Option<&str>) -> (u16, Value) {
    let mut req = agent().post(url);
    if let Some(t) = token {
        req = req.header("Authorization", &format!("Bearer {t}"));
    }
    let mut resp = req
        .header("Content-Type", "application/json")
        .send(body)
        .unwrap();
    let status = resp.status().as_u16();
    let text = resp.body_mut().read_to_string().unwrap();
    (status, serde_json::from_str(&text).unwrap())
}

fn get(url: &str) -> (u16, Value) {
    let mut resp = agent().get(url).call().unwrap();
    let status = resp.status().as_u16();
    let text = resp
        .body_mut()
        .with_config()
        .limit(64 << 20)
        .read_to_string()
        .unwrap();
    (status, serde_json::from_str(&text).unwrap())
}

/// The CLI's answer: `jusou ARGS…` parsed as JSON (stdout, whatever the exit code).
fn cli(args: &[&str]) -> Value {
    let out = Command::new(JUSOU).args(args).output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn first_json(dir: &str) -> String {
    let mut names: Vec<_> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.to_string_lossy();
            n.ends_with(".json") && !n.ends_with(".expected.json")
        })
        .collect();
    names.sort();
    names[0].to_string_lossy().into_owned()
}

#[test]
fn every_operation_answers_as_the_cli_does() {
    let s = Server::start(&[]);
    let case = read(NIIZA_CASE);
    let (st, v) = post(&s.url("/v1/route"), &case, None);
    assert_eq!(st, 200);
    assert_eq!(v, cli(&["api", "route", NIIZA_CASE]));

    let many = format!("[{case}, {{\"id\": 1}}]");
    let tmp = std::env::temp_dir().join(format!("jusou-serve-many-{}.json", std::process::id()));
    std::fs::write(&tmp, &many).unwrap();
    let (st, v) = post(&s.url("/v1/route_many"), &many, None);
    assert_eq!(st, 200);
    assert_eq!(v, cli(&["api", "route_many", tmp.to_str().unwrap()]));
    assert!(
        v[1]["errors"].is_array(),
        "a bad case answers with its errors in place"
    );
    let _ = std::fs::remove_file(&tmp);

    for (path, op, file) in [
        ("/v1/meeting", "meeting", first_json("fixtures/meetings")),
        ("/v1/plan", "plan", first_json("fixtures/plans")),
        ("/v1/municipality", "check_municipality", INAGI.to_owned()),
    ] {
        let (st, v) = post(&s.url(path), &std::fs::read_to_string(&file).unwrap(), None);
        assert_eq!(st, 200, "{path}");
        assert_eq!(v, cli(&["api", op, &file]), "{path}");
    }

    let (st, v) = get(&s.url("/v1/taxonomy"));
    assert_eq!(st, 200);
    assert_eq!(v, cli(&["api", "taxonomy"]));
    let (st, v) = get(&s.url("/v1/schemas/Case"));
    assert_eq!(st, 200);
    assert_eq!(v, cli(&["schema", "Case"]));
    let (st, v) = get(&s.url("/v1/schemas/Nope"));
    assert_eq!(st, 404);
    assert_eq!(v["errors"][0]["code"], "JUSOU-E-SCHEMA-001");
    let (st, v) = get(&s.url("/healthz"));
    assert_eq!((st, v["status"].as_str()), (200, Some("ok")));
}

#[test]
fn errors_are_the_clis_errors() {
    let s = Server::start(&[]);
    let dir = std::env::temp_dir();
    for (name, body) in [
        ("truncated", "{\"id\": "),
        ("not-a-case", "{\"id\": 1}"),
        ("empty", ""),
        ("deep", &("[".repeat(200) + &"]".repeat(200))),
    ] {
        let file = dir.join(format!("jusou-serve-{name}-{}.json", std::process::id()));
        std::fs::write(&file, body).unwrap();
        let (st, v) = post(&s.url("/v1/route"), body, None);
        assert_eq!(st, 400, "{name}");
        assert_eq!(v, cli(&["api", "route", file.to_str().unwrap()]), "{name}");
        let _ = std::fs::remove_file(&file);
    }
    let (st, v) = post(&s.url("/v1/nothing"), "{}", None);
    assert_eq!(
        (st, v["errors"][0]["code"].as_str()),
        (404, Some("JUSOU-E-HTTP-003"))
    );
}

#[test]
fn a_municipality_is_addressed_by_its_code_and_applied_as_the_cli_applies_it() {
    let s = Server::start(&["--municipality", INAGI, "--as-of", "令和8年6月1日"]);
    let case = read(NIIZA_CASE);
    let (st, v) = post(&s.url("/v1/route?municipality=132250"), &case, None);
    assert_eq!(st, 200);
    let want = cli(&[
        "route",
        "--json",
        "--municipality",
        INAGI,
        "--as-of",
        "令和8年6月1日",
        NIIZA_CASE,
    ]);
    assert_eq!(v, want);
    // Without the parameter: the date still applies, the municipality's options do not.
    let (_, plain) = post(&s.url("/v1/route"), &case, None);
    assert_eq!(
        plain,
        cli(&["route", "--json", "--as-of", "令和8年6月1日", NIIZA_CASE])
    );
    let (st, v) = post(&s.url("/v1/route?municipality=112305"), &case, None);
    assert_eq!(
        (st, v["errors"][0]["code"].as_str()),
        (404, Some("JUSOU-E-HTTP-002"))
    );
    let (_, list) = get(&s.url("/v1/municipalities"));
    assert_eq!(list[0]["code"], "132250");
    assert_eq!(list[0]["name"], "稲城市");
}

#[test]
fn with_a_token_a_request_without_it_is_refused() {
    let s = Server::start(&["--token", "s3cret-token"]);
    let case = read(NIIZA_CASE);
    let (st, v) = post(&s.url("/v1/route"), &case, None);
    assert_eq!(st, 401);
    assert_eq!(v["errors"][0]["code"], "JUSOU-E-HTTP-001");
    let (st, _) = post(&s.url("/v1/route"), &case, Some("wrong"));
    assert_eq!(st, 401);
    let (st, _) = get(&s.url("/v1/taxonomy"));
    assert_eq!(st, 401);
    let (st, v) = post(&s.url("/v1/route"), &case, Some("s3cret-token"));
    assert_eq!(st, 200);
    assert_eq!(v, cli(&["api", "route", NIIZA_CASE]));
    // Liveness and the API description need no token.
    assert_eq!(get(&s.url("/healthz")).0, 200);
    assert_eq!(get(&s.url("/openapi.json")).0, 200);
    // The token is never logged, the refusals are (the log is written every 100 ms).
    for _ in 0..100 {
        if s.log
            .lock()
            .unwrap()
            .iter()
            .any(|l| l.contains("/openapi.json"))
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let log = s.log.lock().unwrap().join("\n");
    assert!(log.contains("access POST /v1/route 401"), "{log}");
    assert!(
        !log.contains("s3cret-token") && !log.contains("wrong"),
        "{log}"
    );
}

#[test]
fn a_non_loopback_address_without_a_token_refuses_to_start() {
    for (listen, token) in [
        ("0.0.0.0:0", None),
        ("[::]:0", None),
        ("0.0.0.0:0", Some("")),
    ] {
        let mut cmd = Command::new(JUSOU);
        cmd.args(["serve", "--listen", listen])
            .env_remove("JUSOU_TOKEN")
            .stdin(Stdio::null());
        if let Some(t) = token {
            cmd.env("JUSOU_TOKEN", t);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{listen} {token:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("JUSOU-E-HTTP-007") && err.contains("token"),
            "{err}"
        );
        assert!(!err.contains("listening on http://"), "{err}");
    }
    // With a token it starts, and a request without the token is refused.
    let s = Server::start(&["--listen", "0.0.0.0:0", "--token", "t0ken-for-the-test"]);
    let case = read(NIIZA_CASE);
    let (st, v) = post(&s.url("/v1/route"), &case, None);
    assert_eq!(
        (st, v["errors"][0]["code"].as_str()),
        (401, Some("JUSOU-E-HTTP-001"))
    );
    let (st, v) = post(&s.url("/v1/route"), &case, Some("t0ken-for-the-test"));
    assert_eq!((st, v), (200, cli(&["api", "route", NIIZA_CASE])));
}

/// One raw HTTP/1.1 exchange: send `request`, read the answer to its end (the server closes).
fn raw(addr: SocketAddr, request: &[u8], half_close: bool) -> String {
    let mut c = TcpStream::connect(addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    c.write_all(request).unwrap();
    if half_close {
        c.shutdown(std::net::Shutdown::Write).unwrap();
    }
    let mut out = Vec::new();
    let _ = c.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn faults_never_stop_the_service() {
    let mut s = Server::start(&["--header-timeout", "1"]);
    let case = read(NIIZA_CASE);
    let want = cli(&["api", "route", NIIZA_CASE]);

    // Oversized: declared, and sent.
    let head = format!(
        "POST /v1/route HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        9 << 20
    );
    let answer = raw(s.addr, head.as_bytes(), false);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("JUSOU-E-LIMIT-001"));
    // Sent in chunks with no declared length: the server stops reading at the limit. It answers
    // 413, or the connection is reset under the client's unread bytes; either way it goes on.
    let mut c = TcpStream::connect(s.addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut writer = c.try_clone().unwrap();
    let feeder = std::thread::spawn(move || {
        let head = "POST /v1/route_many HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        let chunk = format!("{:x}\r\n{}\r\n", 1 << 20, " ".repeat(1 << 20));
        let _ = writer.write_all(head.as_bytes());
        for _ in 0..9 {
            if writer.write_all(chunk.as_bytes()).is_err() {
                break;
            }
        }
        let _ = writer.write_all(b"0\r\n\r\n");
    });
    let mut answer = Vec::new();
    let _ = c.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.is_empty()
            || (answer.starts_with("HTTP/1.1 413") && answer.contains("JUSOU-E-LIMIT-001")),
        "{answer}"
    );
    drop(c);
    feeder.join().unwrap();

    // Truncated: the client promises 1000 bytes, sends 10 and stops.
    let answer = raw(
        s.addr,
        b"POST /v1/route HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"id\": \"a",
        true,
    );
    assert!(
        answer.starts_with("HTTP/1.1 400") && answer.contains("JUSOU-E-HTTP-005"),
        "{answer}"
    );

    // Malformed HTTP.
    let answer = raw(s.addr, b"NOT HTTP AT ALL\r\n\r\n", true);
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");

    // A thousand idle connections and a slow client, held open while others are answered.
    let idle: Vec<TcpStream> = (0..1000)
        .map(|_| TcpStream::connect(s.addr).unwrap())
        .collect();
    let mut slow = TcpStream::connect(s.addr).unwrap();
    slow.write_all(b"POST /v1/route HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    // A slow but honest client: its body trickles in over two seconds, longer than the header
    // timeout, and it gets its whole answer.
    let trickler = {
        let (addr, case) = (s.addr, case.clone());
        std::thread::spawn(move || {
            let mut c = TcpStream::connect(addr).unwrap();
            c.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
            c.write_all(request_head("/v1/route", case.len()).as_bytes())
                .unwrap();
            for piece in case.as_bytes().chunks(case.len().div_ceil(20)) {
                std::thread::sleep(Duration::from_millis(100));
                c.write_all(piece).unwrap();
            }
            let mut answer = Vec::new();
            c.read_to_end(&mut answer).unwrap();
            parse_answer(&answer)
        })
    };
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (url, case, want) = (s.url("/v1/route"), case.clone(), want.clone());
            std::thread::spawn(move || {
                for _ in 0..25 {
                    let (st, v) = post(&url, &case, None);
                    assert_eq!(st, 200);
                    assert_eq!(v, want);
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("every request answered");
    }
    // The slow client never finished its headers: the server closes it (header timeout).
    slow.set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut buf = Vec::new();
    let _ = slow.read_to_end(&mut buf);
    assert_eq!(trickler.join().unwrap(), (200, want.clone()));
    drop(idle);
    assert_eq!(post(&s.url("/v1/route"), &case, None).1, want);
    assert!(
        s.child.try_wait().unwrap().is_none(),
        "the server still runs"
    );
    assert!(
        !s.log.lock().unwrap().iter().any(|l| l.contains("panicked")),
        "a panic in the log"
    );
}

#[test]
fn reload_swaps_engines_without_dropping_requests() {
    // The municipality from a copy the test may spoil and mend.
    let file = std::env::temp_dir().join(format!("jusou-serve-reload-{}.json", std::process::id()));
    let good = read(INAGI);
    std::fs::write(&file, &good).unwrap();
    let s = Server::start(&["--municipality", file.to_str().unwrap()]);
    let case = read(NIIZA_CASE);
    let url = s.url("/v1/route?municipality=132250");
    let want = post(&url, &case, None).1;
    assert_eq!(
        want,
        cli(&["route", "--json", "--municipality", INAGI, NIIZA_CASE])
    );
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let busy: Vec<_> = (0..3)
        .map(|_| {
            let (url, case, want, stop) = (url.clone(), case.clone(), want.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut answered = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let (st, v) = post(&url, &case, None);
                    assert_eq!((st, &v), (200, &want));
                    answered += 1;
                }
                answered
            })
        })
        .collect();
    let reloaded = |n: usize| {
        s.log
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.contains("reloaded 1 municipalities"))
            .count()
            >= n
    };
    for i in 0..10_usize {
        if i % 2 == 0 {
            let (st, v) = post(&s.url("/v1/admin/reload"), "", None);
            assert_eq!((st, v["reloaded"].as_u64()), (200, Some(1)));
        } else {
            s.signal(libc::SIGHUP);
            let mut waited = 0;
            while !reloaded(i.div_ceil(2)) {
                assert!(waited < 200, "no reload after SIGHUP");
                std::thread::sleep(Duration::from_millis(50));
                waited += 1;
            }
        }
    }
    // A file spoiled on disk: the reload is refused and the engines in service stay.
    std::fs::write(&file, good.replacen('{', "{\"unknown_field\": 1, ", 1)).unwrap();
    let (st, v) = post(&s.url("/v1/admin/reload"), "", None);
    assert_eq!(
        (st, v["errors"][0]["code"].as_str()),
        (500, Some("JUSOU-E-HTTP-006")),
        "{v}"
    );
    assert_eq!(post(&url, &case, None), (200, want.clone()));
    std::fs::write(&file, &good).unwrap();
    assert_eq!(post(&s.url("/v1/admin/reload"), "", None).0, 200);
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let answered: usize = busy
        .into_iter()
        .map(|t| t.join().expect("no request dropped during reloads"))
        .sum();
    assert!(answered > 0);
    assert_eq!(post(&url, &case, None).1, want);
    let _ = std::fs::remove_file(&file);
}

#[test]
fn shutdown_is_graceful_and_the_log_holds_no_case_content() {
    let mut s = Server::start(&[]);
    let case = read(NIIZA_CASE);
    let marker = "個人情報マーカー";
    let body = case.replace("niiza-8050-model", marker);
    assert_ne!(body, case);
    post(&s.url("/v1/route?secret=also-not-logged"), &body, None);
    post(&s.url("/v1/route"), "{\"id\": \"山田太郎\"", None);
    // Whatever a client puts in a URL that is not a route is not logged either.
    let (st, _) = post(&s.url("/v1/route/%E5%B1%B1%E7%94%B0-in-path"), &body, None);
    assert_eq!(st, 404);
    s.signal(libc::SIGTERM);
    let status = s.child.wait().unwrap();
    assert!(status.success(), "exit on SIGTERM: {status}");
    std::thread::sleep(Duration::from_millis(100));
    let log = s.log.lock().unwrap().join("\n");
    assert!(log.contains("access POST /v1/route 200"), "{log}");
    assert!(log.contains("access POST /v1/route 400"), "{log}");
    assert!(log.contains("access POST - 404"), "{log}");
    for secret in [
        marker,
        "山田太郎",
        "niiza-8050-model",
        "also-not-logged",
        "in-path",
        "%E5%B1%B1",
    ] {
        assert!(!log.contains(secret), "the log holds {secret}: {log}");
    }
}

#[test]
fn openapi_is_generated_from_the_schemas_and_every_ref_resolves() {
    let s = Server::start(&[]);
    let (st, doc) = get(&s.url("/openapi.json"));
    assert_eq!(st, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    for p in [
        "/v1/route",
        "/v1/route_many",
        "/v1/meeting",
        "/v1/plan",
        "/v1/municipality",
        "/v1/taxonomy",
        "/v1/schemas/{name}",
        "/healthz",
    ] {
        assert!(doc["paths"][p].is_object(), "{p}");
    }
    let schemas = &doc["components"]["schemas"];
    // The Case component is the core's Case schema (less its $defs, moved beside it).
    let mut case = cli(&["schema", "Case"]);
    let defs = case.as_object_mut().unwrap().remove("$defs");
    case.as_object_mut().unwrap().remove("$schema");
    let text = serde_json::to_string(&case)
        .unwrap()
        .replace("#/$defs/", "#/components/schemas/");
    assert_eq!(
        schemas["Case"],
        serde_json::from_str::<Value>(&text).unwrap()
    );
    assert!(defs.is_some());
    let text = serde_json::to_string(&doc).unwrap();
    let mut refs = 0;
    for part in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = &part[..part.find('"').unwrap()];
        assert!(schemas[name].is_object(), "dangling $ref {name}");
        refs += 1;
    }
    assert!(refs > 10);
    assert!(!text.contains("#/$defs/"));
}

/// Split a raw HTTP/1.1 answer (read to the server's close) into its status and JSON body.
fn parse_answer(answer: &[u8]) -> (u16, Value) {
    let text = String::from_utf8_lossy(answer);
    let (head, body) = text
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("no complete answer: {text:?}"));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head:?}"));
    let body = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body:?}"));
    (status, body)
}

fn request_head(path: &str, len: usize) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
         Content-Length: {len}\r\nConnection: close\r\n\r\n"
    )
}

#[test]
fn sigterm_finishes_every_accepted_request_and_refuses_new_connections() {
    // One decision at a time, so the batches queue up behind each other and are still waiting
    // their turn when the signal comes.
    let mut s = Server::start(&["--max-concurrency", "1"]);
    let case = read(NIIZA_CASE);
    let want = cli(&["api", "route", NIIZA_CASE]);
    let many = format!("[{}]", vec![case.as_str(); 100].join(","));
    let tmp = std::env::temp_dir().join(format!("jusou-serve-drain-{}.json", std::process::id()));
    std::fs::write(&tmp, &many).unwrap();
    let want_many = cli(&["api", "route_many", tmp.to_str().unwrap()]);
    let _ = std::fs::remove_file(&tmp);
    assert_eq!(want_many.as_array().map(Vec::len), Some(100));

    // Slow clients: headers and half the body sent, the rest to trickle in after the signal.
    let half = case.len() / 2;
    let slow: Vec<TcpStream> = (0..6)
        .map(|_| {
            let mut c = TcpStream::connect(s.addr).unwrap();
            c.write_all(request_head("/v1/route", case.len()).as_bytes())
                .unwrap();
            c.write_all(&case.as_bytes()[..half]).unwrap();
            c
        })
        .collect();
    // Whole requests: batches of 100 cases, decided one after another.
    let busy: Vec<TcpStream> = (0..6)
        .map(|_| {
            let mut c = TcpStream::connect(s.addr).unwrap();
            c.write_all(request_head("/v1/route_many", many.len()).as_bytes())
                .unwrap();
            c.write_all(many.as_bytes()).unwrap();
            c
        })
        .collect();
    // The server accepts connections in the order they queued: once a later connection is
    // answered, every one above has been accepted.
    assert_eq!(get(&s.url("/healthz")).0, 200);

    s.signal(libc::SIGTERM);
    let mut waited = 0;
    while !s
        .log
        .lock()
        .unwrap()
        .iter()
        .any(|l| l.contains("shutting down"))
    {
        assert!(waited < 200, "no shutdown after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
        waited += 1;
    }
    // The listener is closed: a new connection is refused, not queued.
    let refused = TcpStream::connect(s.addr).expect_err("a connection after SIGTERM");
    assert_eq!(refused.kind(), std::io::ErrorKind::ConnectionRefused);

    let rest = case.as_bytes()[half..].to_vec();
    let mut clients: Vec<std::thread::JoinHandle<(u16, Value)>> = Vec::new();
    for mut c in slow {
        let rest = rest.clone();
        clients.push(std::thread::spawn(move || {
            c.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
            // The rest of the body in ten pieces over about a second.
            for piece in rest.chunks(rest.len().div_ceil(10)) {
                std::thread::sleep(Duration::from_millis(100));
                c.write_all(piece).unwrap();
            }
            let mut answer = Vec::new();
            c.read_to_end(&mut answer).unwrap();
            parse_answer(&answer)
        }));
    }
    for mut c in busy {
        clients.push(std::thread::spawn(move || {
            c.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
            let mut answer = Vec::new();
            c.read_to_end(&mut answer).unwrap();
            parse_answer(&answer)
        }));
    }
    let answers: Vec<(u16, Value)> = clients.into_iter().map(|t| t.join().unwrap()).collect();
    for (i, (status, body)) in answers.iter().enumerate() {
        let expected = if i < 6 { &want } else { &want_many };
        assert_eq!(*status, 200, "request {i}: {body}");
        assert_eq!(body, expected, "request {i}");
    }
    let status = s.child.wait().unwrap();
    assert!(status.success(), "exit on SIGTERM: {status}");
    std::thread::sleep(Duration::from_millis(100));
    let log = s.log.lock().unwrap().join("\n");
    assert!(log.contains("jusou serve: stopped"), "{log}");
    assert!(!log.contains("did not finish in time"), "{log}");
    assert_eq!(log.matches("access POST /v1/route 200").count(), 6, "{log}");
    assert_eq!(
        log.matches("access POST /v1/route_many 200").count(),
        6,
        "{log}"
    );
}
