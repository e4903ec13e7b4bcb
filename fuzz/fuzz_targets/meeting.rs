//! `meeting` on arbitrary bytes: never a panic, and a decision never lists as a recipient
//! someone who is not an attendee, nor anyone at all when the case may not be discussed.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = jusou_core::meeting::check_json(text) {
        let input: jusou_core::meeting::check::MeetingCheck =
            jusou_core::error::decode(text).expect("accepted input decodes");
        for ids in d.recipients.values() {
            for id in ids {
                assert!(input.attendees.contains(id), "{id} is not present");
            }
        }
        if !d.allowed {
            assert!(d.recipients.values().all(|r| r.is_empty()));
        }
    }
});
