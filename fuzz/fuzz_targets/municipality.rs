//! `check_municipality` on arbitrary bytes: never a panic; `valid` agrees with the violations.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(r) = jusou_core::municipality::check_json(text) {
        assert_eq!(r.valid, r.violations.is_empty());
    }
    let _ = jusou_core::municipality::Compiled::from_json(text);
});
