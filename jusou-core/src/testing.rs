//! The test kit for people who configure jusou (issue #19): a vector — an input and the decision
//! expected of it, in the `fixtures/` format — is run and compared here, field by field, so that
//! `jusou test DIR` and Python's `jusou.testing` report the same differences in the same words.
//!
//! Pure: no file is read here. The caller (the CLI, a binding) walks the folder and hands over the
//! texts; a folder's layout is the `fixtures/` one (see [`operation_of`]).
//!
//! ```
//! use jusou_core::testing;
//! use serde_json::json;
//! let d = testing::diff(&json!({"multi_agency": true, "fields": ["elderly"]}),
//!                       &json!({"multi_agency": false, "fields": ["elderly"]}));
//! assert_eq!(d.len(), 1);
//! assert_eq!(d[0].pointer, "/multi_agency");
//! ```

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

use crate::engine::Engine;
use crate::error::{pointer_token, Errors};
use crate::rule::registry::{self, Registered};

/// The folders of a test directory and the operation each one's vectors are run through (the
/// table of `fixtures/README.md`).
pub const FOLDERS: &[(&str, &str)] = &[
    ("taxonomy", "taxonomy"),
    ("dates", "parse_date"),
    ("funding", "split_funding"),
    ("cases", "route"),
    ("meetings", "meeting"),
    ("plans", "plan"),
    ("municipalities", "check_municipality"),
    ("flows", "flow"),
    ("reports", "report"),
];

/// The operation a folder's vectors are run through (`cases` → `route`); `None` for a folder
/// that holds no vectors.
pub fn operation_of(folder: &str) -> Option<&'static str> {
    FOLDERS
        .iter()
        .find(|(f, _)| *f == folder)
        .map(|(_, op)| *op)
}

/// One field that differs between the expected and the actual answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// JSON pointer (RFC 6901) of the field in the answer.
    pub pointer: String,
    /// What the expected file says; `None` when it does not have the field.
    pub expected: Option<Value>,
    /// What jusou answered; `None` when the answer does not have the field.
    pub got: Option<Value>,
}

/// The fields where `got` differs from `expected`, in document order: objects key by key,
/// arrays item by item (an item only one side has is reported at its index).
pub fn diff(expected: &Value, got: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    diff_at(String::new(), expected, got, &mut out);
    out
}

fn diff_at(at: String, expected: &Value, got: &Value, out: &mut Vec<Difference>) {
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            let keys: BTreeSet<&String> = e.keys().chain(g.keys()).collect();
            for k in keys {
                let p = format!("{at}/{}", pointer_token(k));
                match (e.get(k), g.get(k)) {
                    (Some(x), Some(y)) => diff_at(p, x, y, out),
                    (x, y) => out.push(Difference {
                        pointer: p,
                        expected: x.cloned(),
                        got: y.cloned(),
                    }),
                }
            }
        }
        (Value::Array(e), Value::Array(g)) => {
            for i in 0..e.len().max(g.len()) {
                let p = format!("{at}/{i}");
                match (e.get(i), g.get(i)) {
                    (Some(x), Some(y)) => diff_at(p, x, y, out),
                    (x, y) => out.push(Difference {
                        pointer: p,
                        expected: x.cloned(),
                        got: y.cloned(),
                    }),
                }
            }
        }
        (e, g) if e == g => {}
        (e, g) => out.push(Difference {
            pointer: at,
            expected: Some(e.clone()),
            got: Some(g.clone()),
        }),
    }
}

/// The ids of the rules that fired in an answer: every `rule` of it except those listed under
/// `why_not` (rules that did not fire, with the reason) and `pending` (answers waiting on the
/// worker). A municipality's own criteria count with the ids it gave them.
pub fn rules_fired(answer: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    fired_at(answer, &mut out);
    out
}

fn fired_at(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("rule") {
                out.insert(r.clone());
            }
            for (k, x) in m {
                if k != "why_not" && k != "pending" {
                    fired_at(x, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| fired_at(x, out)),
        _ => {}
    }
}

/// The registry's rules that are not in `fired` (what a folder of tests never exercised).
pub fn never_fired(fired: &BTreeSet<String>) -> Vec<Registered> {
    registry::all()
        .into_iter()
        .filter(|r| !fired.contains(r.id))
        .collect()
}

/// The outcome of one vector.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// The operation it ran through.
    pub operation: String,
    /// Whether the answer equals the expected one.
    pub passed: bool,
    /// The fields that differ (empty when it passed).
    pub differences: Vec<Difference>,
    /// The differences as text, in Japanese and English (empty when it passed).
    pub report: String,
    /// The rules that fired in the answer ([`rules_fired`]).
    pub rules_fired: BTreeSet<String>,
    /// jusou's answer: the decision, or `{"errors": [...]}` (the fixtures' form).
    pub got: Value,
}

/// Run one vector: `input` through `op` (with the municipality and decision date `handle`
/// binds), compared with `expected` (JSON text of the expected answer). An `expected` that is not
/// JSON is an error of the expected file (its errors are those of reading any input).
pub fn check(handle: &Engine, op: &str, input: &str, expected: &str) -> Result<Outcome, Errors> {
    let want: Value = crate::error::decode(expected)?;
    let got: Value = match handle.call(op, input) {
        // The core's own output is always JSON.
        Ok(text) => serde_json::from_str(&text).unwrap_or(Value::Null),
        Err(errors) => serde_json::to_value(&errors).unwrap_or(Value::Null),
    };
    let differences = diff(&want, &got);
    Ok(Outcome {
        operation: op.to_owned(),
        passed: differences.is_empty(),
        report: report(&differences),
        rules_fired: rules_fired(&got),
        got,
        differences,
    })
}

/// A JSON value as one short line (long values are cut, with the length said).
fn short(v: Option<&Value>) -> String {
    const MAX: usize = 160;
    match v {
        None => "（なし / absent）".to_owned(),
        Some(v) => {
            let s = v.to_string();
            if s.chars().count() <= MAX {
                s
            } else {
                let head: String = s.chars().take(MAX).collect();
                format!("{head}…（{} 文字 / chars）", s.chars().count())
            }
        }
    }
}

/// The differences as readable text: per field its JSON pointer, then the expected and the
/// actual value, labelled in Japanese and English.
pub fn report(differences: &[Difference]) -> String {
    let mut s = String::new();
    for d in differences {
        let ptr = if d.pointer.is_empty() {
            "（全体 / whole answer）"
        } else {
            &d.pointer
        };
        let _ = writeln!(s, "  {ptr}");
        let _ = writeln!(s, "    期待 / expected: {}", short(d.expected.as_ref()));
        let _ = writeln!(s, "    結果 / got:      {}", short(d.got.as_ref()));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn diff_names_each_field_by_its_pointer() {
        let e = json!({"a": {"b": [1, 2, 3]}, "c": "x", "d/e": true});
        let g = json!({"a": {"b": [1, 5]}, "c": "x", "f": null});
        let d = diff(&e, &g);
        let ptrs: Vec<&str> = d.iter().map(|d| d.pointer.as_str()).collect();
        assert_eq!(ptrs, ["/a/b/1", "/a/b/2", "/d~1e", "/f"]);
        assert_eq!(d[1].got, None);
        assert_eq!(d[3].expected, None);
        assert!(diff(&e, &e).is_empty());
        assert_eq!(diff(&json!(1), &json!("1"))[0].pointer, "");
    }

    #[test]
    fn a_wrong_expectation_fails_with_the_field_named() {
        let case = r#"{"id":"t","received_on":"2026-06-01","received_by":{"agency":"x"},
            "household":[{"id":"A","age":80,"relation":"self","subject":true}]}"#;
        let h = Engine::default();
        let right = crate::api::call("route", case).unwrap();
        let ok = check(&h, "route", case, &right).unwrap();
        assert!(ok.passed && ok.differences.is_empty() && ok.report.is_empty());
        let mut wrong: Value = serde_json::from_str(&right).unwrap();
        wrong["multi_agency"] = json!(true);
        let bad = check(&h, "route", case, &wrong.to_string()).unwrap();
        assert!(!bad.passed);
        assert_eq!(bad.differences[0].pointer, "/multi_agency");
        assert!(bad.report.contains("/multi_agency"), "{}", bad.report);
        assert!(
            bad.report.contains("期待 / expected: true"),
            "{}",
            bad.report
        );
    }

    #[test]
    fn why_not_and_pending_rules_did_not_fire() {
        let v = json!({"reasons": [{"rule": "R-A"}], "why_not": [{"rule": "R-B"}],
                       "pending": [{"rule": "R-C"}], "signals": [{"rule": "CITY-1"}]});
        let fired: Vec<String> = rules_fired(&v).into_iter().collect();
        assert_eq!(fired, ["CITY-1", "R-A"]);
        let never = never_fired(&BTreeSet::new());
        assert_eq!(never.len(), registry::all().len());
    }

    #[test]
    fn an_expected_file_that_is_not_json_is_an_error() {
        let e = check(&Engine::default(), "taxonomy", "null", "{").unwrap_err();
        assert_eq!(e.errors[0].code, crate::error::codes::JSON_SYNTAX);
    }
}
