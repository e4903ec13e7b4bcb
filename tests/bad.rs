//! Runs the bad-input catalogue (`fixtures/bad/catalogue.json`) through `jusou_core::api::call`
//! (and `api::route_line` for batch lines): every entry must give its expected error code and
//! JSON pointer, never a panic. Python and node run the same catalogue and must agree.

use std::path::Path;

use serde_json::Value;

/// The input text of an entry: `input`, or `generate` expanded as prefix + repeat × times +
/// suffix (the rule every runner applies identically).
fn expand(entry: &Value) -> String {
    if let Some(s) = entry["input"].as_str() {
        return s.to_owned();
    }
    let g = &entry["generate"];
    let times = g["times"].as_u64().unwrap() as usize;
    let mut s = String::new();
    s.push_str(g["prefix"].as_str().unwrap());
    s.push_str(&g["repeat"].as_str().unwrap().repeat(times));
    s.push_str(g["suffix"].as_str().unwrap());
    s
}

/// `(code or rule, path)` of the first error (or, for a plan decision, its first violation).
fn outcome(op: &str, text: &str) -> Result<(String, String), String> {
    let result = if op == "batch_line" {
        match jusou_core::api::route_line(text.as_bytes()) {
            None => return Err("blank line".into()),
            Some(r) => r.map(|d| serde_json::to_string(&d).unwrap()),
        }
    } else {
        jusou_core::api::call(op, text)
    };
    match result {
        Err(errors) => {
            let e = &errors.errors[0];
            Ok((e.code.to_string(), e.path.clone()))
        }
        Ok(out) => {
            let v: Value = serde_json::from_str(&out).unwrap();
            match v["violations"].get(0) {
                Some(viol) if v["valid"] == false => Ok((
                    viol["rule"].as_str().unwrap().to_owned(),
                    format!("/events/{}", viol["event_index"]),
                )),
                _ => Err(format!("accepted: {}", &out[..out.len().min(200)])),
            }
        }
    }
}

#[test]
fn every_catalogue_entry_gives_its_error() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bad/catalogue.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let entries = doc["entries"].as_array().unwrap();
    assert!(entries.len() >= 60, "only {} entries", entries.len());
    let mut failures = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    for e in entries {
        let name = e["name"].as_str().unwrap();
        assert!(names.insert(name), "{name}: name used twice");
        let op = e["op"].as_str().unwrap();
        let want = &e["expected"];
        let want = (
            want["code"]
                .as_str()
                .or(want["rule"].as_str())
                .unwrap()
                .to_owned(),
            want["path"].as_str().unwrap().to_owned(),
        );
        let text = expand(e);
        let got =
            std::panic::catch_unwind(|| outcome(op, &text)).unwrap_or_else(|_| Err("PANIC".into()));
        if got.as_ref() != Ok(&want) {
            failures.push(format!("{name} ({op}): expected {want:?}, got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} entries differ:\n{}",
        failures.len(),
        entries.len(),
        failures.join("\n")
    );
    // Every area is covered.
    for op in [
        "route",
        "route_many",
        "meeting",
        "plan",
        "check_municipality",
        "parse_date",
        "fiscal_year",
        "split_funding",
        "schema",
        "batch_line",
    ] {
        assert!(
            entries.iter().any(|e| e["op"] == op),
            "no catalogue entry for {op}"
        );
    }
}

/// The CLI's batch reader: an over-long line and a line that is not UTF-8 each give an error
/// line (with its number), and the lines after them are still decided.
#[test]
fn batch_reader_survives_long_and_non_utf8_lines() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let good = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases/age-17-care-is-children.json"),
    )
    .unwrap();
    let good: Value = serde_json::from_str(&good).unwrap();
    let good = serde_json::to_string(&good).unwrap();
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\":\"");
    input.extend(std::iter::repeat_n(
        b'x',
        jusou_core::limits::MAX_BATCH_LINE_BYTES + 10,
    ));
    input.extend_from_slice(b"\"}\n\xff\xfe\n\n");
    input.extend_from_slice(good.as_bytes());
    input.push(b'\n');
    let mut child = Command::new(env!("CARGO_BIN_EXE_jusou"))
        .args(["batch", "route", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[0]["errors"][0]["code"], "JUSOU-E-LIMIT-011");
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["errors"][0]["code"], "JUSOU-E-JSON-001");
    assert!(lines[2]["multi_agency"].is_boolean(), "{}", lines[2]);
}
