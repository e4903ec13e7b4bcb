//! `route` on arbitrary bytes: an answer or errors, never a panic; errors always have a code.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match jusou_core::api::call("route", text) {
            Ok(out) => assert!(out.starts_with('{')),
            Err(e) => assert!(e.errors.iter().all(|x| x.code.starts_with("JUSOU-E-"))),
        }
    }
});
