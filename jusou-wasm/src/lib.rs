//! WebAssembly module of jusou: converts, calls jusou-core, converts back. No rules live here.
//!
//! Every operation goes through jusou-core's `Engine` (the default one, or an [`Engine`] built
//! from a municipality and a date), the same engine Python and the CLI hold, so all give the same
//! answers and apply the same overrides. Bad input throws a JS `Error` whose `.errors` holds the
//! list of `{code, path, message_ja, message_en, citation}`.
//!
//! The named exports (`route`, `meeting`, `plan`, `report`, `checkMunicipality`, `parseDate`, `fiscalYear`,
//! `splitFunding`, `taxonomy`) take and return plain JS objects; `schema(name)` lives in the JS
//! wrapper because the schemas ship as JSON files beside the module, not inside it.

use js_sys::{Object, Reflect, JSON};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `console.error`, for the panic hook.
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// Install a panic hook when the module starts: the core never panics by design, but if it
/// ever did, the message reaches the console instead of a bare `unreachable` trap.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error(&format!("jusou: panic (please report): {info}"));
    }));
}

/// Turn jusou errors into a thrown JS `Error` carrying `.errors`.
fn js_error(errors: &jusou_core::Errors) -> JsValue {
    let first = errors.errors.first();
    let more = errors.errors.len().saturating_sub(1);
    let message = first
        .map(|e| {
            let tail = if more > 0 {
                format!(" (+{more} more)")
            } else {
                String::new()
            };
            format!("{} at '{}': {}{tail}", e.code, e.path, e.message_en)
        })
        .unwrap_or_else(|| "invalid input".to_owned());
    let err = js_sys::Error::new(&message);
    let list = JSON::parse(&jusou_core::api::errors_json(errors))
        .and_then(|v| Reflect::get(&v, &JsValue::from_str("errors")))
        .unwrap_or(JsValue::NULL);
    // Setting a property on a fresh Error object cannot fail; ignore the Result.
    let _ = Reflect::set(&err, &JsValue::from_str("errors"), &list);
    err.into()
}

/// JSON text of a JS value (`undefined` reads as `null`). A value JSON cannot hold (a BigInt, a
/// cycle) becomes jusou's `JUSOU-E-JSON-002` error rather than a bare JS exception.
fn to_text(input: &JsValue) -> Result<String, JsValue> {
    if input.is_undefined() {
        return Ok("null".to_owned());
    }
    match JSON::stringify(input) {
        Ok(s) => Ok(s.as_string().unwrap_or_else(|| "null".to_owned())),
        Err(e) => {
            let why = e
                .dyn_into::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default();
            Err(js_error(&jusou_core::api::not_json(&why).into()))
        }
    }
}

/// Run `op` on JSON text and hand back the output as a JS value.
fn run(op: &str, text: &str) -> Result<JsValue, JsValue> {
    run_with(jusou_core::Engine::plain(), op, text)
}

/// Run `op` on JSON text with `engine` (its overrides applied by the core).
fn run_with(engine: &jusou_core::Engine, op: &str, text: &str) -> Result<JsValue, JsValue> {
    let out = engine.call(op, text).map_err(|e| js_error(&e))?;
    JSON::parse(&out)
}

/// JSON text of an input: a string as it is (the core reads it, so its errors are the core's),
/// any other value through `JSON.stringify`.
fn input_text(input: &JsValue) -> Result<String, JsValue> {
    match input.as_string() {
        Some(text) => Ok(text),
        None => to_text(input),
    }
}

/// Run an operation of jusou-core on a JS value and return a JS value.
///
/// Throws an `Error` with `.errors` on bad input.
#[wasm_bindgen]
pub fn call(op: JsValue, input: JsValue) -> Result<JsValue, JsValue> {
    run(&text_arg(&op, "op")?, &to_text(&input)?)
}

/// Run `op` on a JS value.
fn on(op: &str, input: JsValue) -> Result<JsValue, JsValue> {
    run(op, &to_text(&input)?)
}

/// A string argument. Text parameters are taken as `JsValue` and checked here, never as `&str`:
/// wasm-bindgen's glue copies whatever it is given as a string without checking, and a number
/// or an object there makes the module read out of bounds (a trap), not throw.
fn text_arg(v: &JsValue, name: &str) -> Result<String, JsValue> {
    v.as_string()
        .ok_or_else(|| js_sys::TypeError::new(&format!("jusou: {name} must be a string")).into())
}

/// Like [`call`], from JSON text (e.g. a file or a form's serialised state); malformed JSON gets
/// the same `JUSOU-E-JSON-001` error every binding gives.
#[wasm_bindgen(js_name = callJson)]
pub fn call_json(op: JsValue, input: JsValue) -> Result<JsValue, JsValue> {
    run(&text_arg(&op, "op")?, &text_arg(&input, "input")?)
}

/// A property of `obj` when `obj` is an object and the property is neither `undefined` nor
/// `null`.
fn field(obj: &JsValue, name: &str) -> Result<Option<JsValue>, JsValue> {
    if !obj.is_object() {
        return Ok(None);
    }
    Ok(get(obj, name)?.filter(|v| !v.is_undefined() && !v.is_null()))
}

/// `obj[name]`, a getter's or Proxy's exception passed on as the call's.
fn get(obj: &JsValue, name: &str) -> Result<Option<JsValue>, JsValue> {
    Reflect::get(obj, &JsValue::from_str(name)).map(Some)
}

/// A municipality and a default decision date (ISO or 和暦) checked and compiled once by the
/// core (`jusou_core::Engine`), then asked `route`, `routeMany`, `meeting`, `plan` and `report`
/// with only the case or log. The municipality's `options` (when it states them) and `asOf`
/// replace each case's own (`asOf` also each plan log's), as the CLI's `--municipality` and
/// `--as-of` do; a municipality in breach of the law is refused with the errors
/// `checkMunicipality` reports.
#[wasm_bindgen]
pub struct Engine {
    core: jusou_core::Engine,
}

#[wasm_bindgen]
impl Engine {
    /// `new Engine(municipality?, asOf?)`: a `Municipality` (object or JSON text) and a day.
    #[wasm_bindgen(constructor)]
    pub fn new(municipality: JsValue, as_of: JsValue) -> Result<Engine, JsValue> {
        let m = if municipality.is_undefined() || municipality.is_null() {
            None
        } else {
            Some(input_text(&municipality)?)
        };
        let day = if as_of.is_undefined() || as_of.is_null() {
            None
        } else {
            Some(as_of.as_string().ok_or_else(|| {
                js_error(
                    &jusou_core::Error::new(
                        jusou_core::error::codes::JSON_TYPE,
                        "/as_of",
                        "判断日は文字列で渡してください",
                        "asOf must be a string",
                    )
                    .into(),
                )
            })?)
        };
        let core =
            jusou_core::Engine::new(m.as_deref(), day.as_deref()).map_err(|e| js_error(&e))?;
        Ok(Engine { core })
    }

    /// Route a consultation (`Case`, object or JSON text).
    pub fn route(&self, case: JsValue) -> Result<JsValue, JsValue> {
        run_with(&self.core, "route", &input_text(&case)?)
    }

    /// Route many cases: a decision per case, or `{errors}` in place of a bad one.
    #[wasm_bindgen(js_name = routeMany)]
    pub fn route_many(&self, cases: JsValue) -> Result<JsValue, JsValue> {
        run_with(&self.core, "route_many", &input_text(&cases)?)
    }

    /// The meeting check (`MeetingCheck`).
    pub fn meeting(&self, check: JsValue) -> Result<JsValue, JsValue> {
        run_with(&self.core, "meeting", &input_text(&check)?)
    }

    /// Replay a case's event log (`PlanLog`), the engine's date replacing the log's `as_of`.
    pub fn plan(&self, events: JsValue) -> Result<JsValue, JsValue> {
        run_with(&self.core, "plan", &input_text(&events)?)
    }

    /// A 年度's 実績: `report(logs, fiscalYear, targets?)` or `report(input)`.
    pub fn report(
        &self,
        logs: JsValue,
        fiscal_year: JsValue,
        targets: JsValue,
    ) -> Result<JsValue, JsValue> {
        run_with(
            &self.core,
            "report",
            &report_text(logs, fiscal_year, targets)?,
        )
    }
}

/// The engine of one call's overrides: `{municipality, asOf}` (either may be absent).
fn engine_of(municipality: Option<JsValue>, as_of: Option<JsValue>) -> Result<Engine, JsValue> {
    Engine::new(
        municipality.unwrap_or(JsValue::UNDEFINED),
        as_of.unwrap_or(JsValue::UNDEFINED),
    )
}

/// Route a consultation (`Case`): 多機関協働, アウトリーチ, 参加支援, lead program and first meeting.
///
/// `overrides` is optional `{municipality, asOf}`: a municipality's `options` (its own 多機関協働
/// criteria) and `asOf` replace those in the case, through an `Engine` made for the call (hold
/// one to route many cases with the same municipality).
#[wasm_bindgen]
pub fn route(case: JsValue, overrides: JsValue) -> Result<JsValue, JsValue> {
    let m = field(&overrides, "municipality")?;
    let a = field(&overrides, "asOf")?;
    if m.is_none() && a.is_none() {
        return run("route", &input_text(&case)?);
    }
    engine_of(m, a)?.route(case)
}

/// Route many cases in one call: one decision per case, or `{errors}` in its place for a bad
/// one (the batch goes on).
#[wasm_bindgen(js_name = routeMany)]
pub fn route_many(cases: JsValue) -> Result<JsValue, JsValue> {
    on("route_many", cases)
}

/// May this case be discussed at this meeting, and who may receive what (`MeetingCheck`).
#[wasm_bindgen]
pub fn meeting(check: JsValue) -> Result<JsValue, JsValue> {
    run("meeting", &input_text(&check)?)
}

/// Replay a case's event log (`PlanLog`); `asOf`, when given, replaces the log's own (through
/// an `Engine` made for the call).
#[wasm_bindgen]
pub fn plan(events: JsValue, as_of: JsValue) -> Result<JsValue, JsValue> {
    if as_of.is_undefined() || as_of.is_null() {
        return run("plan", &input_text(&events)?);
    }
    engine_of(None, Some(as_of))?.plan(events)
}

/// The `ReportInput` text of `report(logs, fiscalYear, targets)`, or of `report(input)` when
/// `fiscalYear` is absent.
fn report_text(logs: JsValue, fiscal_year: JsValue, targets: JsValue) -> Result<String, JsValue> {
    if fiscal_year.is_undefined() || fiscal_year.is_null() {
        return input_text(&logs);
    }
    let input = Object::new();
    Reflect::set(&input, &JsValue::from_str("fiscal_year"), &fiscal_year)?;
    Reflect::set(&input, &JsValue::from_str("logs"), &value(logs)?)?;
    if !(targets.is_undefined() || targets.is_null()) {
        Reflect::set(&input, &JsValue::from_str("targets"), &value(targets)?)?;
    }
    to_text(&input.into())
}

/// A 年度's 実績 (`ReportInput` → `AnnualReport`): `logs` an array of `PlanLog`s, `fiscalYear`
/// `2026` or `"令和8年度"`, `targets` optional. A `ReportInput` object (or its JSON text) alone
/// also works, as `report(input)`.
#[wasm_bindgen]
pub fn report(logs: JsValue, fiscal_year: JsValue, targets: JsValue) -> Result<JsValue, JsValue> {
    run("report", &report_text(logs, fiscal_year, targets)?)
}

/// A JS object, or JSON text parsed into one (malformed text gets jusou's own error).
fn value(input: JsValue) -> Result<JsValue, JsValue> {
    match input.as_string() {
        Some(text) => JSON::parse(&text).map_err(|_| {
            match jusou_core::error::decode::<serde::de::IgnoredAny>(&text) {
                Err(e) => js_error(&e),
                // JS and serde_json disagree on this text: report it as not JSON all the same.
                Ok(_) => js_error(&jusou_core::api::not_json("JSON.parse rejects the text").into()),
            }
        }),
        None => Ok(input),
    }
}

/// Check a municipality's 実施体制 (`Municipality`) against 社会福祉法第106条の4〜第106条の6.
#[wasm_bindgen(js_name = checkMunicipality)]
pub fn check_municipality(m: JsValue) -> Result<JsValue, JsValue> {
    run("check_municipality", &input_text(&m)?)
}

/// Read a date as users write it (ISO or 和暦, a month, a 年度); returns 西暦, 和暦 and 年度.
#[wasm_bindgen(js_name = parseDate)]
pub fn parse_date(text: JsValue) -> Result<JsValue, JsValue> {
    on("parse_date", text)
}

/// The 年度 (April–March) a day falls in.
#[wasm_bindgen(js_name = fiscalYear)]
pub fn fiscal_year(day: JsValue) -> Result<JsValue, JsValue> {
    on("fiscal_year", day)
}

/// Split a yen amount into funding shares (`{amount, program, as_of}`); the shares always add up
/// to the amount.
#[wasm_bindgen(js_name = splitFunding)]
pub fn split_funding(input: JsValue) -> Result<JsValue, JsValue> {
    on("split_funding", input)
}

/// The programs of 社会福祉法第106条の4第2項.
#[wasm_bindgen]
pub fn taxonomy() -> Result<JsValue, JsValue> {
    run("taxonomy", "null")
}

/// The error `schema(name)` throws for a name it does not know (the schemas are files beside the
/// module, read by the JS wrapper; the error is the core's, as every binding gives it).
#[wasm_bindgen(js_name = unknownSchema)]
pub fn unknown_schema(name: JsValue, known: JsValue) -> JsValue {
    let name = name.as_string().unwrap_or_default();
    let known: Vec<String> = if js_sys::Array::is_array(&known) {
        js_sys::Array::from(&known)
            .iter()
            .filter_map(|k| k.as_string())
            .collect()
    } else {
        Vec::new()
    };
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    js_error(&jusou_core::api::unknown_schema(&name, &known).into())
}

/// The jusou-core version this module was built from.
#[wasm_bindgen]
pub fn version() -> String {
    jusou_core::VERSION.to_owned()
}
