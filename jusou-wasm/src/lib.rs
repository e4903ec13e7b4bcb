//! WebAssembly module of jusou: converts, calls jusou-core, converts back. No rules live here.
//!
//! Every operation goes through [`jusou_core::api::call`], the same entry point Python and the
//! CLI use, so all give the same answers. Bad input throws a JS `Error` whose `.errors` holds the
//! list of `{code, path, message_ja, message_en, citation}`.

use wasm_bindgen::prelude::*;

/// Turn jusou errors into a thrown JS `Error` carrying `.errors`.
fn js_error(errors: &jusou_core::Errors) -> JsValue {
    let first = errors.errors.first();
    let message = first
        .map(|e| format!("{} at '{}': {}", e.code, e.path, e.message_en))
        .unwrap_or_else(|| "invalid input".to_owned());
    let err = js_sys::Error::new(&message);
    let list = js_sys::JSON::parse(&jusou_core::api::errors_json(errors))
        .and_then(|v| js_sys::Reflect::get(&v, &JsValue::from_str("errors")))
        .unwrap_or(JsValue::NULL);
    // Setting a property on a fresh Error object cannot fail; ignore the Result.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("errors"), &list);
    err.into()
}

/// Run an operation of jusou-core on a JS value (serialised as JSON) and return a JS value.
///
/// Throws an `Error` with `.errors` on bad input.
#[wasm_bindgen]
pub fn call(op: &str, input: JsValue) -> Result<JsValue, JsValue> {
    let text = if input.is_undefined() {
        "null".to_owned()
    } else {
        js_sys::JSON::stringify(&input)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| "null".to_owned())
    };
    let out = jusou_core::api::call(op, &text).map_err(|e| js_error(&e))?;
    js_sys::JSON::parse(&out)
}

/// Like [`call`], from JSON text (e.g. a file or a form's serialised state); malformed JSON gets
/// the same `JUSOU-E-JSON-001` error every binding gives.
#[wasm_bindgen(js_name = callJson)]
pub fn call_json(op: &str, input: &str) -> Result<JsValue, JsValue> {
    let out = jusou_core::api::call(op, input).map_err(|e| js_error(&e))?;
    js_sys::JSON::parse(&out)
}

/// The programs of 社会福祉法第106条の4第2項.
#[wasm_bindgen]
pub fn taxonomy() -> Result<JsValue, JsValue> {
    call("taxonomy", JsValue::NULL)
}

/// The jusou-core version this module was built from.
#[wasm_bindgen]
pub fn version() -> String {
    jusou_core::VERSION.to_owned()
}
