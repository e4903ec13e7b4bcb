//! Date text (parse, parse_day, describe, fiscal_year, and the JSON ops): never a panic; a day
//! read is in the supported range, and its 和暦 reads back as the same day.
#![no_main]
use jusou_core::calendar::{self, MAX_DATE, MIN_DATE};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = calendar::parse(text);
    let _ = calendar::describe(text);
    if let Ok((day, _)) = calendar::parse_day(text) {
        assert!((MIN_DATE..=MAX_DATE).contains(&day), "{day}");
        let w = calendar::to_wareki(day).expect("a supported day has a 和暦");
        let back = calendar::parse_day(&w.to_string()).expect("a 和暦 reads back");
        assert_eq!(back.0, day, "{w}");
        let fy = calendar::FiscalYear::of(day);
        assert!(fy.start().is_some_and(|s| s <= day) || fy.start().is_none());
    }
    // The same text as JSON input of the ops that take a date (raw, and as a JSON string).
    let quoted = serde_json::to_string(text).unwrap_or_default();
    for input in [text, quoted.as_str()] {
        let _ = jusou_core::api::call("parse_date", input);
        let _ = jusou_core::api::call("fiscal_year", input);
        let _ = jusou_core::api::call("split_funding", input);
    }
});
