//! WebAssembly module of jusou: converts, calls jusou-core, converts back. No rules live here.
//!
//! Every operation goes through [`jusou_core::api::call`], the same entry point Python and the
//! CLI use, so all give the same answers. Bad input throws a JS `Error` whose `.errors` holds the
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

    /// `Object.assign`, which runs the source's getters and Proxy traps: declared `catch` so
    /// that what they throw comes back as an `Err` instead of unwinding through the module's
    /// frames (which would leave its shadow stack pointer behind).
    #[wasm_bindgen(catch, js_namespace = Object, js_name = assign)]
    fn object_assign(target: &JsValue, source: &JsValue) -> Result<JsValue, JsValue>;
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
    let out = jusou_core::api::call(op, text).map_err(|e| js_error(&e))?;
    JSON::parse(&out)
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

/// A property of `obj` when `obj` is an object and the property is neither `undefined` nor
/// `null`.
fn field(obj: &JsValue, name: &str) -> Option<JsValue> {
    if !obj.is_object() {
        return None;
    }
    Reflect::get(obj, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Route a consultation (`Case`): 多機関協働, アウトリーチ, 参加支援, lead program and first meeting.
///
/// `overrides` is optional `{municipality, asOf}`: a municipality's `options` (its own 多機関協働
/// criteria) and `asOf` replace those in the case, as Python's `route(case, municipality, as_of)`
/// and the CLI's `--municipality` / `--as-of` do; a municipality the law check finds in breach is
/// refused with the same errors. The caller's object is not changed.
#[wasm_bindgen]
pub fn route(case: JsValue, overrides: JsValue) -> Result<JsValue, JsValue> {
    // The core's one verdict on the 実施体制 (`municipality_options`): one in breach of the law
    // is refused with the errors `checkMunicipality` reports; null when it has no options.
    let options = match field(&overrides, "municipality") {
        Some(m) => {
            let m = value(m)?;
            Some(on("municipality_options", m)?).filter(|o| !o.is_null())
        }
        None => None,
    };
    let as_of = field(&overrides, "asOf");
    if options.is_none() && as_of.is_none() {
        return match case.as_string() {
            Some(text) => run("route", &text),
            None => on("route", case),
        };
    }
    let case = value(case)?;
    let input = if case.is_object() {
        let copy = object_assign(&Object::new(), &case)?;
        if let Some(o) = options {
            Reflect::set(&copy, &JsValue::from_str("options"), &o)?;
        }
        if let Some(a) = as_of {
            Reflect::set(&copy, &JsValue::from_str("as_of"), &a)?;
        }
        copy
    } else {
        // Not an object: let the core report it as it would for any binding.
        case
    };
    on("route", input)
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
    match check.as_string() {
        Some(text) => run("meeting", &text),
        None => on("meeting", check),
    }
}

/// Replay a case's event log (`PlanLog`); `asOf`, when given, replaces the log's own.
#[wasm_bindgen]
pub fn plan(events: JsValue, as_of: JsValue) -> Result<JsValue, JsValue> {
    if as_of.is_undefined() || as_of.is_null() {
        return match events.as_string() {
            Some(text) => run("plan", &text),
            None => on("plan", events),
        };
    }
    let events = value(events)?;
    let input = if events.is_object() {
        let copy = object_assign(&Object::new(), &events)?;
        Reflect::set(&copy, &JsValue::from_str("as_of"), &as_of)?;
        copy
    } else {
        events
    };
    on("plan", input)
}

/// A 年度's 実績 (`ReportInput` → `AnnualReport`): `logs` an array of `PlanLog`s, `fiscalYear`
/// `2026` or `"令和8年度"`, `targets` optional. A `ReportInput` object (or its JSON text) alone
/// also works, as `report(input)`.
#[wasm_bindgen]
pub fn report(logs: JsValue, fiscal_year: JsValue, targets: JsValue) -> Result<JsValue, JsValue> {
    if fiscal_year.is_undefined() || fiscal_year.is_null() {
        return match logs.as_string() {
            Some(text) => run("report", &text),
            None => on("report", logs),
        };
    }
    let input = Object::new();
    Reflect::set(&input, &JsValue::from_str("fiscal_year"), &fiscal_year)?;
    Reflect::set(&input, &JsValue::from_str("logs"), &value(logs)?)?;
    if !(targets.is_undefined() || targets.is_null()) {
        Reflect::set(&input, &JsValue::from_str("targets"), &value(targets)?)?;
    }
    on("report", input.into())
}

/// Check a municipality's 実施体制 (`Municipality`) against 社会福祉法第106条の4〜第106条の6.
#[wasm_bindgen(js_name = checkMunicipality)]
pub fn check_municipality(m: JsValue) -> Result<JsValue, JsValue> {
    match m.as_string() {
        Some(text) => run("check_municipality", &text),
        None => on("check_municipality", m),
    }
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
