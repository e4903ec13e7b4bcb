//! The C ABI called as C would call it: the answers are `api::call`'s, errors are JSON with
//! their codes, and every string is freed with the library's own function.

use std::ffi::{c_char, CStr, CString};
use std::ptr;

use jusou_ffi::*;

/// Take a returned string: copy it, free it with jusou_string_free.
fn take(p: *mut c_char) -> String {
    assert!(!p.is_null());
    // SAFETY: a string returned by the library, freed once below.
    let s = unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_owned();
    unsafe { jusou_string_free(p) };
    s
}

fn call(engine: *const JusouEngine, op: &str, input: &[u8]) -> serde_json::Value {
    let op = CString::new(op).unwrap();
    let input = CString::new(input).unwrap();
    // SAFETY: valid C strings; engine null or live.
    let out = take(unsafe { jusou_engine_call(engine, op.as_ptr(), input.as_ptr()) });
    serde_json::from_str(&out).unwrap()
}

fn code(v: &serde_json::Value) -> &str {
    v["errors"][0]["code"].as_str().unwrap_or("")
}

#[test]
fn every_case_fixture_routes_as_api_call_does() {
    // SAFETY: null arguments are allowed.
    let engine = unsafe { jusou_engine_new(ptr::null(), ptr::null(), ptr::null_mut()) };
    assert!(!engine.is_null());
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/cases");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if !name.ends_with(".json") || name.ends_with(".expected.json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let want = match jusou_core::api::call("route", &text) {
            Ok(s) => s,
            Err(e) => jusou_core::api::errors_json(&e),
        };
        let want: serde_json::Value = serde_json::from_str(&want).unwrap();
        assert_eq!(call(engine, "route", text.as_bytes()), want, "{name}");
        n += 1;
    }
    assert!(n > 3, "found {n} case fixtures");
    unsafe { jusou_engine_free(engine) };
}

#[test]
fn misuse_is_a_json_error_with_its_code() {
    assert_eq!(code(&call(ptr::null(), "route", b"{}")), FFI_NULL_POINTER);
    let engine = unsafe { jusou_engine_new(ptr::null(), ptr::null(), ptr::null_mut()) };
    let v = call(engine, "route", b"{\"id\": \"\xff\"}");
    assert_eq!(code(&v), FFI_NOT_UTF8);
    assert!(v["errors"][0]["message_en"]
        .as_str()
        .unwrap()
        .contains("input"));
    // SAFETY: a null op is what is being tested.
    let out = take(unsafe { jusou_engine_call(engine, ptr::null(), c"{}".as_ptr()) });
    assert!(out.contains(FFI_NULL_POINTER));
    assert_eq!(code(&call(engine, "nope", b"null")), "JUSOU-E-API-001");
    unsafe { jusou_engine_free(engine) };
}

#[test]
fn a_bad_engine_argument_is_refused_with_errors() {
    let mut err: *mut c_char = ptr::null_mut();
    let bad = CString::new("令和元年4月1日").unwrap();
    // SAFETY: valid arguments; err writable.
    let engine = unsafe { jusou_engine_new(ptr::null(), bad.as_ptr(), &mut err) };
    assert!(engine.is_null());
    let v: serde_json::Value = serde_json::from_str(&take(err)).unwrap();
    assert_eq!(code(&v), "JUSOU-E-DATE-003");
    assert_eq!(v["errors"][0]["path"], "/as_of");

    let not_utf8 = [0xffu8, 0];
    let engine = unsafe { jusou_engine_new(not_utf8.as_ptr().cast(), ptr::null(), &mut err) };
    assert!(engine.is_null());
    assert!(take(err).contains(FFI_NOT_UTF8));
}

#[test]
fn a_municipality_and_a_date_override_the_case() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures");
    let muni = std::fs::read_to_string(format!("{root}/municipalities/inagi.json")).unwrap();
    let case = std::fs::read_to_string(format!("{root}/cases/niiza-8050-model.json")).unwrap();
    let m = CString::new(muni).unwrap();
    let d = c"2026-06-01";
    let engine = unsafe { jusou_engine_new(m.as_ptr(), d.as_ptr(), ptr::null_mut()) };
    assert!(!engine.is_null());
    let v = call(engine, "route", case.as_bytes());
    assert_eq!(v["as_of"], "2026-06-01");
    let many = call(engine, "route_many", format!("[{case}]").as_bytes());
    assert_eq!(many[0], v);
    unsafe { jusou_engine_free(engine) };
    // SAFETY: a static string.
    let version = unsafe { CStr::from_ptr(jusou_version()) }.to_str().unwrap();
    assert_eq!(version, jusou_core::VERSION);
}
