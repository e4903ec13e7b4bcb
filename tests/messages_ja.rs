//! A clerk reads `message_ja` (issue #19): no error's Japanese message carries English words —
//! serde's or ours. Scanned: every error of the shared vectors, of the bad-input catalogue, and of
//! a deterministic set of broken variants of every vector (each value replaced by one of the wrong
//! kinds a form produces, each field dropped, an unknown field added, the text cut short).
//!
//! Allowed in a Japanese message: what the reader wrote or must write — anything quoted in 「…」,
//! a JSON pointer, and the input's own vocabulary (field names, values of closed lists,
//! `true`/`false`, operation and schema names, taken from the published JSON Schemas) — and
//! acronyms in capitals (JSON, UTF-8). serde's words (`invalid type`, `expected`, `missing
//! field`) and any other English are not.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::{all_vectors, op_of};
use serde_json::Value;

/// The wrong values a form or a hand-written file gives, cycled through a vector's fields.
const WRONG: &[&str] = &[
    "80.5",
    "-0",
    "\"abc\"",
    "null",
    "true",
    "{}",
    "[]",
    "1e400",
    "-1",
    "99999999999999999999",
    "\"2026-02-30\"",
    "[1, \"x\"]",
];

/// The English words in a Japanese message: ASCII words of two or more lower-case letters outside
/// 「…」 and outside JSON pointers or dotted field names.
fn english_words(msg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut word = String::new();
    // A token starting with `/` or containing `.`/`_` is a pointer or a field name.
    let mut token_is_name = false;
    let flush = |word: &mut String, name: bool, out: &mut Vec<String>| {
        if !name && word.len() >= 2 && word.chars().any(|c| c.is_ascii_lowercase()) {
            out.push(std::mem::take(word));
        }
        word.clear();
    };
    let mut prev = ' ';
    for c in msg.chars() {
        match c {
            '「' => depth += 1,
            '」' => depth = (depth - 1).max(0),
            _ => {}
        }
        if depth == 0 && c.is_ascii_alphabetic() {
            if word.is_empty() {
                token_is_name = matches!(prev, '/' | '_' | '.' | '-');
            }
            word.push(c);
        } else if !word.is_empty() && matches!(c, '_' | '.' | '/') {
            token_is_name = true;
            word.clear();
        } else {
            flush(&mut word, token_is_name, &mut out);
            token_is_name = false;
        }
        prev = c;
    }
    flush(&mut word, token_is_name, &mut out);
    out
}

/// Every leaf of `v` with its JSON pointer.
fn leaves(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                leaves(
                    x,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                leaves(x, format!("{at}/{i}"), out);
            }
        }
        _ => out.push(at),
    }
}

/// Broken variants of one vector's text (deterministic).
fn variants(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(doc) = serde_json::from_str::<Value>(text) else {
        return out;
    };
    let mut ptrs = Vec::new();
    leaves(&doc, String::new(), &mut ptrs);
    for (i, p) in ptrs.iter().enumerate().take(60) {
        let mut d = doc.clone();
        if let Some(slot) = d.pointer_mut(p) {
            *slot = serde_json::from_str(WRONG[i % WRONG.len()]).unwrap_or(Value::Null);
            // `1e400` and the 20-digit integer are not values serde_json can hold: splice text.
            let w = WRONG[i % WRONG.len()];
            let s = serde_json::to_string(&d).unwrap();
            if matches!(w, "1e400" | "99999999999999999999") {
                *d.pointer_mut(p).unwrap() = Value::String("\u{1}".into());
                let s = serde_json::to_string(&d).unwrap();
                out.push(s.replace("\"\\u0001\"", w));
            } else {
                out.push(s);
            }
        }
    }
    // Each top-level field dropped, and an unknown one added.
    if let Value::Object(m) = &doc {
        for k in m.keys() {
            let mut d = m.clone();
            d.remove(k);
            out.push(Value::Object(d).to_string());
        }
        let mut d = m.clone();
        d.insert("unknwon_field".into(), Value::Bool(true));
        out.push(Value::Object(d).to_string());
    }
    // Cut short.
    for cut in [1, text.len() / 3, text.len() / 2] {
        if let Some(t) = text.get(..cut) {
            out.push(t.to_owned());
        }
    }
    out
}

/// The input's own vocabulary: every property name, `enum` and `const` string of the published
/// schemas, the operation and schema names, and JSON's literals.
fn vocabulary() -> BTreeSet<String> {
    fn walk(v: &Value, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    match (k.as_str(), x) {
                        ("properties", Value::Object(p)) => out.extend(p.keys().cloned()),
                        ("enum", Value::Array(a)) => {
                            out.extend(a.iter().filter_map(Value::as_str).map(str::to_owned))
                        }
                        ("const", Value::String(s)) => {
                            out.insert(s.clone());
                        }
                        _ => {}
                    }
                    walk(x, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out: BTreeSet<String> = ["true", "false", "null"].map(str::to_owned).into();
    for (name, _) in jusou_core::schema::NAMES {
        out.insert((*name).to_owned());
        walk(&jusou_core::schema::get(name).unwrap(), &mut out);
    }
    out.extend(
        jusou_core::operations::ALL
            .iter()
            .map(|o| o.name.to_owned()),
    );
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn collect_ja(errors: &jusou_core::Errors, out: &mut Vec<(String, String)>) {
    for e in &errors.errors {
        out.push((e.code.to_string(), e.message_ja.to_string()));
    }
}

#[test]
fn the_scan_finds_english() {
    assert_eq!(
        english_words("値の型が違います: invalid type: floating point `80.5`, expected i64"),
        ["invalid", "type", "floating", "point", "expected"]
    );
    assert!(english_words("未知の項目「agee」です（綴りを確認してください）").is_empty());
    assert!(english_words("JSONとして読めません（3行5列）").is_empty());
    assert!(english_words("/household/0/age の値が違います").is_empty());
}

#[test]
fn no_error_message_ja_has_english_words() {
    let fixtures = root().join("fixtures");
    let mut found: Vec<(String, String)> = Vec::new();
    let mut inputs = 0;
    for path in all_vectors(&fixtures) {
        let area = path
            .strip_prefix(&fixtures)
            .unwrap()
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .into_owned();
        let Some(op) = op_of(&area) else { continue };
        let text = std::fs::read_to_string(&path).unwrap();
        for t in std::iter::once(text.clone()).chain(variants(&text)) {
            inputs += 1;
            if let Err(errors) = jusou_core::api::call(op, &t) {
                collect_ja(&errors, &mut found);
            }
        }
    }
    let bad: Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures.join("bad/catalogue.json")).unwrap(),
    )
    .unwrap();
    for entry in bad["entries"].as_array().unwrap() {
        let (Some(op), Some(input)) = (entry["op"].as_str(), entry["input"].as_str()) else {
            continue;
        };
        if op == "batch_line" {
            continue;
        }
        inputs += 1;
        if let Err(errors) = jusou_core::api::call(op, input) {
            collect_ja(&errors, &mut found);
        }
    }
    let codes: BTreeSet<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
    assert!(
        found.len() > 1000 && codes.len() > 30,
        "too few errors scanned: {} messages, {} codes from {inputs} inputs",
        found.len(),
        codes.len()
    );
    let vocabulary = vocabulary();
    assert!(vocabulary.contains("subject") && !vocabulary.contains("expected"));
    let mut bad_messages: Vec<String> = found
        .iter()
        .filter_map(|(code, m)| {
            let mut w = english_words(m);
            w.retain(|w| !vocabulary.contains(w));
            (!w.is_empty()).then(|| format!("{code}: {m}  (English: {})", w.join(", ")))
        })
        .collect();
    bad_messages.sort();
    bad_messages.dedup();
    assert!(
        bad_messages.is_empty(),
        "{} Japanese messages carry English:\n{}",
        bad_messages.len(),
        bad_messages.join("\n")
    );
}
