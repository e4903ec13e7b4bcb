//! `jusou serve`: the operations as an HTTP JSON service (axum on tokio), for case-management
//! systems on any stack. Layout and limits: docs/serve.md.
//!
//! Every answer is the one `jusou api OP FILE` gives (compact JSON), through the same engine
//! as the C ABI ([`jusou_core::Engine`]). Case data is personal data: the service
//! listens on loopback unless a token is given, every `/v1` request then needs it, and the access
//! log holds method, path, status, duration and size — never a body or a query.

use std::collections::BTreeMap;
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use axum::body::{Body, Bytes};
use axum::extract::{Path as UrlPath, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use jusou_core::error::limit_codes;
use jusou_core::limits::MAX_INPUT_BYTES;
use jusou_core::Engine;
use jusou_core::{api, Error, Errors};
use serde::Deserialize;
use tokio::sync::Semaphore;

use super::input::read_file;

/// The service's own error codes (`JUSOU-E-HTTP-…`); jusou's input errors keep theirs.
pub mod http_codes {
    /// A `/v1` request without the right `Authorization: Bearer` token (401).
    pub const UNAUTHORIZED: &str = jusou_core::error::catalogue::HTTP_UNAUTHORIZED;
    /// No municipality with that 団体コード is loaded (404).
    pub const UNKNOWN_MUNICIPALITY: &str = jusou_core::error::catalogue::HTTP_UNKNOWN_MUNICIPALITY;
    /// No such route (404) or method (405).
    pub const NOT_FOUND: &str = jusou_core::error::catalogue::HTTP_NOT_FOUND;
    /// The request did not complete within the timeout (408).
    pub const TIMEOUT: &str = jusou_core::error::catalogue::HTTP_TIMEOUT;
    /// The body could not be read (truncated, broken connection) (400).
    pub const BODY_UNREADABLE: &str = jusou_core::error::catalogue::HTTP_BODY_UNREADABLE;
    /// A reload failed; the engines in service stay as they were (500).
    pub const RELOAD_FAILED: &str = jusou_core::error::catalogue::HTTP_RELOAD_FAILED;
    /// The service cannot start: a non-loopback address without a token, a busy port.
    pub const START_REFUSED: &str = jusou_core::error::catalogue::HTTP_START_REFUSED;
}

/// Options of `jusou serve`.
#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on; loopback by default. Any other address needs --token.
    #[arg(long, default_value = "127.0.0.1:8650")]
    listen: SocketAddr,
    /// A municipality file (a `Municipality`), addressed as `?municipality=<団体コード>`;
    /// repeat for several. Checked and compiled once at start and on reload.
    #[arg(long)]
    municipality: Vec<PathBuf>,
    /// A decision date (ISO or 和暦) that replaces every case's and plan log's `as_of`.
    #[arg(long = "as-of")]
    as_of: Option<String>,
    /// Access token: every /v1 request must send `Authorization: Bearer <token>`.
    #[arg(long, env = "JUSOU_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Seconds a request may take, from its headers to its answer.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    /// Requests decided at the same time; more wait their turn (within the timeout).
    #[arg(long, default_value_t = 64)]
    max_concurrency: usize,
    /// Open connections; beyond this, new connections are closed at once.
    #[arg(long, default_value_t = 4096)]
    max_connections: usize,
    /// Seconds a client has to send a request's headers (slow or idle clients are dropped).
    #[arg(long, default_value_t = 10)]
    header_timeout: u64,
    /// No access log.
    #[arg(long)]
    quiet: bool,
    /// Answer `{}` to every operation instead of deciding: the load test's baseline (`make
    /// bench-serve`), the same service with every layer — token, limits, timeout, concurrency
    /// cap, access log — and no decision. Not for use.
    #[arg(long, hide = true)]
    bench_empty_handler: bool,
}

/// The engines in service: one without a municipality, one per loaded 団体コード. Shared, so a
/// request holds its engine by a reference count rather than a copy of a compiled municipality.
struct Engines {
    plain: Arc<Engine>,
    by_code: BTreeMap<String, Arc<Engine>>,
}

/// What every request sees.
struct App {
    engines: ArcSwap<Engines>,
    files: Vec<PathBuf>,
    as_of: Option<String>,
    token: Option<String>,
    compute: Semaphore,
    timeout: Duration,
    quiet: bool,
    /// `--bench-empty-handler`: answer `{}` where the decision would be.
    empty_handler: bool,
    openapi: String,
}

type Shared = Arc<App>;

/// Inputs up to this size are decided on the request's own task; larger ones on the blocking
/// pool, so a big batch does not hold up the tasks that read other requests.
const INLINE_BYTES: usize = 64 * 1024;

fn load(files: &[PathBuf], as_of: Option<&str>) -> Result<Engines, Errors> {
    let plain = Engine::new(None, as_of)?;
    let mut by_code = BTreeMap::new();
    for path in files {
        let text = read_file(path)?;
        let h = Engine::new(Some(&text), as_of).map_err(|e| {
            // Say which file: the pointers are into it.
            let mut e = e;
            for err in &mut e.errors {
                err.message_ja = format!("{}: {}", path.display(), err.message_ja).into();
                err.message_en = format!("{}: {}", path.display(), err.message_en).into();
            }
            e
        })?;
        let code = h
            .municipality()
            .map(|c| c.municipality().code.to_string())
            .unwrap_or_default();
        by_code.insert(code, Arc::new(h));
    }
    Ok(Engines {
        plain: Arc::new(plain),
        by_code,
    })
}

fn error(
    code: &'static str,
    ja: impl Into<std::borrow::Cow<'static, str>>,
    en: impl Into<std::borrow::Cow<'static, str>>,
) -> Errors {
    Error::new(code, "", ja, en).into()
}

fn json_response(status: StatusCode, body: String) -> Response {
    let mut r = (status, body).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    r
}

/// jusou's errors as the response: 413 for an over-size input, 500 for an output that could not
/// be encoded, 400 for every other input error.
fn errors_response(status: Option<StatusCode>, e: &Errors) -> Response {
    let status = status.unwrap_or_else(|| match e.errors.first().map(|e| e.code.as_ref()) {
        Some(limit_codes::INPUT_BYTES) => StatusCode::PAYLOAD_TOO_LARGE,
        Some(api::ENCODE_FAILED) => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::BAD_REQUEST,
    });
    json_response(status, api::errors_json(e))
}

fn too_large(len: Option<usize>) -> Errors {
    let m = MAX_INPUT_BYTES;
    match len {
        Some(n) => error(
            limit_codes::INPUT_BYTES,
            format!("入力が大きすぎます（{n}バイト、上限{m}バイト）"),
            format!("the input is too large ({n} bytes; the limit is {m})"),
        ),
        None => error(
            limit_codes::INPUT_BYTES,
            format!("入力が上限{m}バイトを超えています"),
            format!("the input is larger than the limit of {m} bytes"),
        ),
    }
}

/// The body as UTF-8 text within the core's size limit.
async fn read_body(headers: &HeaderMap, body: Body) -> Result<String, Errors> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if let Some(n) = declared.filter(|&n| n > MAX_INPUT_BYTES) {
        return Err(too_large(Some(n)));
    }
    let bytes: Bytes = axum::body::to_bytes(body, MAX_INPUT_BYTES)
        .await
        .map_err(|e| {
            let over = std::iter::successors(Some(&e as &(dyn std::error::Error + 'static)), |e| {
                e.source()
            })
            .any(|e| e.to_string().contains("length limit exceeded"));
            if over {
                too_large(None)
            } else {
                error(
                    http_codes::BODY_UNREADABLE,
                    "リクエストの本文を最後まで読めません（途中で切れています）",
                    "cannot read the request body to its end (it was cut off)",
                )
            }
        })?;
    // No copy when the body arrived in one piece of its own.
    String::from_utf8(Vec::from(bytes)).map_err(|e| {
        let at = e.utf8_error().valid_up_to() + 1;
        error(
            jusou_core::error::codes::JSON_SYNTAX,
            format!("UTF-8として読めません（{at}バイト目）"),
            format!("not valid UTF-8 (at byte {at})"),
        )
    })
}

/// `?municipality=<団体コード>`.
#[derive(Deserialize)]
struct Select {
    municipality: Option<String>,
}

/// Run `op` on the body with the selected engine.
async fn operation(app: Shared, op: &'static str, sel: Select, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let engines = app.engines.load_full();
    let engine = match &sel.municipality {
        None => engines.plain.clone(),
        Some(code) => match engines.by_code.get(code) {
            Some(h) => h.clone(),
            None => {
                let known: Vec<&str> = engines.by_code.keys().map(String::as_str).collect();
                return errors_response(
                    Some(StatusCode::NOT_FOUND),
                    &error(
                        http_codes::UNKNOWN_MUNICIPALITY,
                        format!(
                            "団体コード{code}の実施体制は読み込まれていません（{}）",
                            known.join(", ")
                        ),
                        format!(
                            "no municipality with code {code} is loaded (loaded: {})",
                            known.join(", ")
                        ),
                    ),
                );
            }
        },
    };
    drop(engines);
    let input = match read_body(&parts.headers, body).await {
        Ok(t) => t,
        Err(e) => return errors_response(None, &e),
    };
    let Ok(_permit) = app.compute.acquire().await else {
        return errors_response(Some(StatusCode::SERVICE_UNAVAILABLE), &shutting_down());
    };
    let result = if app.empty_handler {
        Ok("{}".to_owned())
    } else if input.len() <= INLINE_BYTES {
        engine.call(op, &input)
    } else {
        match tokio::task::spawn_blocking(move || engine.call(op, &input)).await {
            Ok(r) => r,
            Err(_) => Err(error(
                jusou_core::error::codes::JSON_OTHER,
                "jusouの内部で処理が中断しました（不具合です）",
                "jusou stopped on an internal failure (a bug)",
            )),
        }
    };
    match result {
        Ok(out) => json_response(StatusCode::OK, out),
        Err(e) => errors_response(None, &e),
    }
}

fn shutting_down() -> Errors {
    error(
        http_codes::TIMEOUT,
        "サービスを停止中です",
        "the service is shutting down",
    )
}

fn op_route(op: &'static str) -> axum::routing::MethodRouter<Shared> {
    post(
        move |State(app): State<Shared>, Query(sel): Query<Select>, req: Request| {
            operation(app, op, sel, req)
        },
    )
}

async fn taxonomy(State(app): State<Shared>) -> Response {
    match app.engines.load().plain.call("taxonomy", "null") {
        Ok(out) => json_response(StatusCode::OK, out),
        Err(e) => errors_response(None, &e),
    }
}

async fn schema(State(app): State<Shared>, UrlPath(name): UrlPath<String>) -> Response {
    // The same call (and the same error for an unknown name) as `jusou api schema`.
    let input = serde_json::to_string(&name).unwrap_or_default();
    match app.engines.load().plain.call("schema", &input) {
        Ok(out) => json_response(StatusCode::OK, out),
        Err(e) => errors_response(Some(StatusCode::NOT_FOUND), &e),
    }
}

async fn municipalities(State(app): State<Shared>) -> Response {
    let engines = app.engines.load();
    let list: Vec<serde_json::Value> = engines
        .by_code
        .iter()
        .filter_map(|(code, h)| {
            let c = h.municipality()?;
            Some(serde_json::json!({
                "code": code,
                "name": c.municipality().name,
                "valid": c.report().valid,
            }))
        })
        .collect();
    json_response(
        StatusCode::OK,
        serde_json::to_string(&list).unwrap_or_default(),
    )
}

async fn reload(State(app): State<Shared>) -> Response {
    match do_reload(&app).await {
        Ok(n) => json_response(StatusCode::OK, format!("{{\"reloaded\":{n}}}")),
        Err(e) => errors_response(Some(StatusCode::INTERNAL_SERVER_ERROR), &e),
    }
}

/// Read and compile the municipality files again, then swap the engines in one step: requests
/// in flight finish on the engines they started with.
async fn do_reload(app: &Shared) -> Result<usize, Errors> {
    let files = app.files.clone();
    let as_of = app.as_of.clone();
    let loaded = tokio::task::spawn_blocking(move || load(&files, as_of.as_deref()))
        .await
        .map_err(|_| {
            error(
                http_codes::RELOAD_FAILED,
                "再読み込みが中断しました",
                "the reload stopped",
            )
        })?
        .map_err(|mut e| {
            e.errors.insert(
                0,
                Error::new(
                    http_codes::RELOAD_FAILED,
                    "",
                    "再読み込みできません。これまでの実施体制で続けます",
                    "cannot reload; the engines in service stay as they were",
                ),
            );
            e
        })?;
    let n = loaded.by_code.len();
    app.engines.store(Arc::new(loaded));
    Ok(n)
}

async fn not_found() -> Response {
    errors_response(
        Some(StatusCode::NOT_FOUND),
        &error(
            http_codes::NOT_FOUND,
            "そのURLはありません（/openapi.json を参照）",
            "no such route (see /openapi.json)",
        ),
    )
}

/// `/v1` needs the token when one is set (compared in constant time).
async fn require_token(State(app): State<Shared>, req: Request, next: Next) -> Response {
    if let Some(token) = &app.token {
        let given = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if !same(given.as_bytes(), token.as_bytes()) {
            let mut r = errors_response(
                Some(StatusCode::UNAUTHORIZED),
                &error(
                    http_codes::UNAUTHORIZED,
                    "アクセストークンがないか、違います（Authorization: Bearer …）",
                    "missing or wrong access token (Authorization: Bearer …)",
                ),
            );
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            return r;
        }
    }
    next.run(req).await
}

/// Equal bytes, in time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, y) in b.iter().enumerate() {
        diff |= usize::from(a.get(i).copied().unwrap_or(0) ^ y);
    }
    diff == 0
}

/// The routes as the access log names them. A path is logged only as one of these: whatever
/// else a client puts in a URL (a name, a case id) could be personal data, so it is logged as `-`.
const LOGGED_PATHS: &[&str] = &[
    "/v1/route",
    "/v1/route_many",
    "/v1/meeting",
    "/v1/plan",
    "/v1/municipality",
    "/v1/taxonomy",
    "/v1/municipalities",
    "/v1/admin/reload",
    "/healthz",
    "/openapi.json",
];

fn logged_path(path: &str) -> &'static str {
    if let Some(p) = LOGGED_PATHS.iter().find(|&&p| p == path) {
        p
    } else if path.starts_with("/v1/schemas/") {
        "/v1/schemas/{name}"
    } else {
        "-"
    }
}

/// The timeout, and the access log: method, route, status, duration, size. Never the query,
/// a header, the body or a path that is not a route: they may hold case content.
async fn observe(State(app): State<Shared>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method: Method = req.method().clone();
    let path = logged_path(req.uri().path());
    let response = match tokio::time::timeout(app.timeout, next.run(req)).await {
        Ok(r) => r,
        Err(_) => errors_response(
            Some(StatusCode::REQUEST_TIMEOUT),
            &error(
                http_codes::TIMEOUT,
                format!("{}秒以内に終わりませんでした", app.timeout.as_secs()),
                format!(
                    "the request did not complete within {} s",
                    app.timeout.as_secs()
                ),
            ),
        ),
    };
    if !app.quiet {
        use axum::body::HttpBody;
        let size = response.body().size_hint().exact().unwrap_or(0);
        access_log(format_args!(
            "access {method} {path} {} {}us {size}B\n",
            response.status().as_u16(),
            start.elapsed().as_micros()
        ));
    }
    response
}

/// The access log's buffer: requests append their line under a lock (no system call), and a
/// thread writes what has gathered every [`LOG_FLUSH_EVERY`] in one write. A channel that woke
/// the log thread for each line cost a futex wake and a context switch per request — a quarter of
/// the service's time under load (perf, 2026-12-02).
struct AccessLog {
    buf: std::sync::Mutex<String>,
    /// Lines dropped while the buffer was full (standard error not read).
    dropped: std::sync::atomic::AtomicU64,
}

/// How often the buffered access log is written out.
const LOG_FLUSH_EVERY: Duration = Duration::from_millis(100);
/// The most the buffer holds: if standard error is not read, lines beyond this are counted and
/// dropped rather than held in memory or allowed to stall requests.
const LOG_BUFFER_BYTES: usize = 1 << 20;

fn access_log_sink() -> &'static AccessLog {
    static LOG: std::sync::OnceLock<AccessLog> = std::sync::OnceLock::new();
    static FLUSHER: std::sync::Once = std::sync::Once::new();
    let log = LOG.get_or_init(|| AccessLog {
        buf: std::sync::Mutex::new(String::with_capacity(64 * 1024)),
        dropped: std::sync::atomic::AtomicU64::new(0),
    });
    FLUSHER.call_once(|| {
        std::thread::spawn(|| loop {
            std::thread::sleep(LOG_FLUSH_EVERY);
            flush_access_log();
        });
    });
    log
}

/// Append one access-log line (formatted straight into the buffer).
fn access_log(line: std::fmt::Arguments<'_>) {
    use std::fmt::Write as _;
    let log = access_log_sink();
    let mut buf = log.buf.lock().unwrap_or_else(|p| p.into_inner());
    if buf.len() < LOG_BUFFER_BYTES {
        let _ = buf.write_fmt(line);
    } else {
        log.dropped
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Write out what the access log holds (by the flusher, and at shutdown).
fn flush_access_log() {
    let log = access_log_sink();
    let text = {
        let mut buf = log.buf.lock().unwrap_or_else(|p| p.into_inner());
        let room = buf.capacity().min(LOG_BUFFER_BYTES);
        std::mem::replace(&mut *buf, String::with_capacity(room))
    };
    let dropped = log.dropped.swap(0, std::sync::atomic::Ordering::Relaxed);
    let mut err = std::io::stderr().lock();
    // A closed standard error must not stop the service (`run` ignores SIGPIPE).
    let _ = err.write_all(text.as_bytes());
    if dropped > 0 {
        let _ = writeln!(
            err,
            "jusou serve: {dropped} access-log lines dropped (standard error not read)"
        );
    }
}

/// The OpenAPI 3.1 document, generated from the same schemas as `jusou schema` (their `$defs`
/// moved into `components.schemas`).
fn openapi() -> Result<String, Errors> {
    let mut components = serde_json::Map::new();
    let names = [
        "Case",
        "RouteDecision",
        "MeetingCheck",
        "MeetingDecision",
        "PlanLog",
        "PlanReport",
        "Municipality",
        "MunicipalityReport",
        "Program",
        "Errors",
    ];
    for name in names {
        let mut s = jusou_core::schema::get(name)?;
        if let Some(serde_json::Value::Object(defs)) =
            s.as_object_mut().and_then(|o| o.remove("$defs"))
        {
            for (k, v) in defs {
                components.insert(k, v);
            }
        }
        if let Some(o) = s.as_object_mut() {
            o.remove("$schema");
        }
        components.insert(name.to_owned(), s);
    }
    let r = |name: &str| serde_json::json!({"$ref": format!("#/components/schemas/{name}")});
    let json_body = |schema: serde_json::Value| serde_json::json!({"content": {"application/json": {"schema": schema}}});
    let errors = serde_json::json!({"description": "jusou's errors (codes, JSON pointers, ja/en)", "content": {"application/json": {"schema": r("Errors")}}});
    let muni = serde_json::json!([{"name": "municipality", "in": "query", "required": false,
        "description": "団体コード of a loaded municipality (its options apply)", "schema": {"type": "string"}}]);
    let op = |summary: &str, input: serde_json::Value, output: serde_json::Value| {
        serde_json::json!({"post": {
            "summary": summary,
            "parameters": muni,
            "requestBody": json_body(input),
            "responses": {"200": {"description": "the answer", "content": {"application/json": {"schema": output}}},
                          "400": errors, "401": errors, "404": errors, "408": errors, "413": errors},
        }})
    };
    let doc = serde_json::json!({
        "openapi": "3.1.0",
        "info": {"title": "jusou", "version": jusou_core::VERSION,
                 "description": "重層的支援体制整備事業 (社会福祉法第106条の4〜第106条の6) rules: the answers of `jusou api`."},
        "components": {
            "schemas": components,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
        "paths": {
            "/v1/route": op("Route a consultation", r("Case"), r("RouteDecision")),
            "/v1/route_many": op("Route many cases (a bad case answers with its errors in place)",
                serde_json::json!({"type": "array", "items": r("Case")}),
                serde_json::json!({"type": "array", "items": {"oneOf": [r("RouteDecision"), r("Errors")]}})),
            "/v1/meeting": op("Who may hear what at a meeting", r("MeetingCheck"), r("MeetingDecision")),
            "/v1/plan": op("Replay a case's event log", r("PlanLog"), r("PlanReport")),
            "/v1/municipality": op("Check a 実施体制 against the law", r("Municipality"), r("MunicipalityReport")),
            "/v1/taxonomy": {"get": {"summary": "The program table of 第106条の4第2項",
                "responses": {"200": {"description": "programs", "content": {"application/json": {"schema": {"type": "array", "items": r("Program")}}}}, "401": errors}}},
            "/v1/schemas/{name}": {"get": {"summary": "JSON Schema of a type",
                "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "a JSON Schema"}, "401": errors, "404": errors}}},
            "/v1/municipalities": {"get": {"summary": "The loaded municipalities",
                "responses": {"200": {"description": "code, name, valid"}, "401": errors}}},
            "/v1/admin/reload": {"post": {"summary": "Read the municipality files again (requests in flight finish on the old engines)",
                "responses": {"200": {"description": "{\"reloaded\": n}"}, "401": errors, "500": errors}}},
            "/healthz": {"get": {"summary": "Liveness (no token needed)", "security": [],
                "responses": {"200": {"description": "{\"status\": \"ok\"}"}}}},
        },
        "security": [{"bearer": []}],
    });
    let text = serde_json::to_string(&doc).unwrap_or_default();
    Ok(text.replace("#/$defs/", "#/components/schemas/"))
}

fn router(app: Shared) -> Router {
    let v1 = Router::new()
        .route("/v1/route", op_route("route"))
        .route("/v1/route_many", op_route("route_many"))
        .route("/v1/meeting", op_route("meeting"))
        .route("/v1/plan", op_route("plan"))
        .route("/v1/municipality", op_route("check_municipality"))
        .route("/v1/taxonomy", get(taxonomy))
        .route("/v1/schemas/{name}", get(schema))
        .route("/v1/municipalities", get(municipalities))
        .route("/v1/admin/reload", post(reload))
        .route_layer(middleware::from_fn_with_state(app.clone(), require_token));
    Router::new()
        .route(
            "/healthz",
            get(|| async { json_response(StatusCode::OK, r#"{"status":"ok"}"#.into()) }),
        )
        .route(
            "/openapi.json",
            get(|State(app): State<Shared>| async move {
                json_response(StatusCode::OK, app.openapi.clone())
            }),
        )
        .merge(v1)
        .fallback(not_found)
        .method_not_allowed_fallback(not_found)
        .layer(middleware::from_fn_with_state(app.clone(), observe))
        .with_state(app)
}

fn usage(ja: &str, en: &str) -> Errors {
    error(http_codes::START_REFUSED, ja.to_owned(), en.to_owned())
}

/// Start the service; returns when it has shut down (SIGTERM or SIGINT).
pub fn run(args: Args) -> Result<(), Errors> {
    if !args.listen.ip().is_loopback() && args.token.as_deref().is_none_or(str::is_empty) {
        return Err(usage(
            &format!(
                "{}で待ち受けるにはアクセストークン（--token または JUSOU_TOKEN）が必要です。事例は個人情報です",
                args.listen
            ),
            &format!(
                "listening on {} needs an access token (--token or JUSOU_TOKEN): case data is personal data",
                args.listen
            ),
        ));
    }
    let engines = load(&args.municipality, args.as_of.as_deref())?;
    // `main` restores SIGPIPE's default for pipelines; a long-running service must not die when
    // whoever reads its log goes away (socket writes never raise it: Rust sends with NOSIGNAL).
    // SAFETY: changing a signal disposition before the runtime's threads start.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
    let app = Arc::new(App {
        engines: ArcSwap::from_pointee(engines),
        files: args.municipality.clone(),
        as_of: args.as_of.clone(),
        token: args.token.clone().filter(|t| !t.is_empty()),
        compute: Semaphore::new(args.max_concurrency.max(1)),
        timeout: Duration::from_secs(args.timeout.max(1)),
        quiet: args.quiet,
        empty_handler: args.bench_empty_handler,
        openapi: openapi()?,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            usage(
                &format!("実行環境を作れません: {e}"),
                &format!("cannot start the runtime: {e}"),
            )
        })?;
    runtime.block_on(serve(app, &args))
}

async fn serve(app: Shared, args: &Args) -> Result<(), Errors> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tokio::signal::unix::{signal, SignalKind};

    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| {
            usage(
                &format!("{}で待ち受けられません: {e}", args.listen),
                &format!("cannot listen on {}: {e}", args.listen),
            )
        })?;
    let local = listener
        .local_addr()
        .map_err(|e| usage(&e.to_string(), &e.to_string()))?;
    // The first line of standard error: tests and scripts read the port from it.
    eprintln!("jusou serve: listening on http://{local}");

    let sig = |kind| signal(kind).map_err(|e| usage(&e.to_string(), &e.to_string()));
    let mut term = sig(SignalKind::terminate())?;
    let mut int = sig(SignalKind::interrupt())?;
    let mut hup = sig(SignalKind::hangup())?;
    {
        let app = app.clone();
        tokio::spawn(async move {
            while hup.recv().await.is_some() {
                match do_reload(&app).await {
                    Ok(n) => eprintln!("jusou serve: reloaded {n} municipalities"),
                    Err(e) => eprintln!("jusou serve: reload failed: {}", api::errors_json(&e)),
                }
            }
        });
    }

    let router = router(app);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let connections = Arc::new(Semaphore::new(args.max_connections.max(1)));
    let header_timeout = Duration::from_secs(args.header_timeout.max(1));
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((s, _)) => s,
                    Err(e) => {
                        // Out of file descriptors and the like: wait a little, keep serving.
                        eprintln!("jusou serve: accept failed: {e}");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let Ok(permit) = connections.clone().try_acquire_owned() else {
                    continue; // over the connection cap: closed at once (dropped)
                };
                let _ = stream.set_nodelay(true);
                let service = hyper_util::service::TowerToHyperService::new(router.clone());
                let conn = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(header_timeout)
                    .serve_connection(TokioIo::new(stream), service);
                let conn = graceful.watch(conn);
                tokio::spawn(async move {
                    let _ = conn.await;
                    drop(permit);
                });
            }
            _ = term.recv() => break,
            _ = int.recv() => break,
        }
    }
    drop(listener);
    eprintln!("jusou serve: shutting down (finishing requests in flight)");
    tokio::select! {
        _ = graceful.shutdown() => {}
        _ = tokio::time::sleep(Duration::from_secs(args.timeout.max(1) + 1)) => {
            eprintln!("jusou serve: some connections did not finish in time");
        }
    }
    flush_access_log();
    eprintln!("jusou serve: stopped");
    Ok(())
}
