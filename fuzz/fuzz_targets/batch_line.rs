//! Batch input: arbitrary bytes split into lines as `jusou batch route` reads them, each through
//! `api::route_line`; and the whole input through `route_many`. Never a panic; `route_many`
//! answers one item per case.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for line in data.split_inclusive(|&b| b == b'\n') {
        let _ = jusou_core::api::route_line(line);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(out) = jusou_core::api::call("route_many", text) {
            let items: Vec<serde_json::Value> = serde_json::from_str(&out).expect("an array");
            let cases: Vec<serde_json::Value> =
                serde_json::from_str(text).expect("accepted input is an array");
            assert_eq!(items.len(), cases.len());
        }
    }
});
