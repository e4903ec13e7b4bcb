//! The two 新座市 meeting outcomes the issue names. Every vector is compared with its expected
//! output in `tests/fixtures.rs`.

use std::fs;
use std::path::Path;

#[test]
fn niiza_model_case_outcomes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/meetings");
    let run = |name: &str| {
        let text = fs::read_to_string(dir.join(name)).unwrap();
        jusou_core::meeting::check_json(&text).unwrap()
    };
    let before = run("niiza-before-consent.json");
    assert!(before.allowed);
    assert_eq!(
        serde_json::to_value(before.mode).unwrap(),
        "support_meeting"
    );
    let after = run("niiza-after-consent.json");
    assert!(after.allowed);
    assert_eq!(serde_json::to_value(after.mode).unwrap(), "jusou_meeting");
}
