//! `plan` on arbitrary bytes: never a panic; `valid` agrees with the violations, and every
//! violation points at an event of the log.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(r) = jusou_core::plan::replay_json(text) {
        let log: jusou_core::plan::PlanLog =
            jusou_core::error::decode(text).expect("accepted input decodes");
        assert_eq!(r.valid, r.violations.is_empty());
        assert!(r.violations.iter().all(|v| v.event_index < log.events.len()));
    }
});
