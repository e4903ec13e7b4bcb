//! Limits on input size, in one place: what jusou accepts, and the error (with its own code and
//! a JSON pointer) for what it does not.
//!
//! jusou sits behind forms, files and other systems. Whatever arrives, the answer must be a clear
//! error, never a panic, a hang or unbounded memory. The limits are generous for real records
//! (a household of 100, a log of 10,000 events, a meeting of 500) and keep the cost of every
//! operation linear in the input.
//!
//! Two places enforce them, both before any rule runs:
//! - [`scan`] runs on the JSON text before it is parsed ([`crate::error::decode`] calls it): total
//!   size, nesting depth, length of every string, items of any array. One linear pass over the
//!   bytes, with no allocation but a stack as deep as the nesting.
//! - `check_*` run on the decoded input before validation: the domain counts (members, issues,
//!   events, attendees, consents), each with the pointer of the offending array.

use crate::case::Case;
use crate::error::{pointer_token, Error};
use crate::meeting::check::MeetingCheck;
use crate::meeting::Consent;
use crate::municipality::Municipality;
use crate::plan::PlanLog;

/// The limit error codes (`JUSOU-E-LIMIT-…`).
pub mod limit_codes {
    /// The input text is larger than [`super::MAX_INPUT_BYTES`].
    pub const INPUT_BYTES: &str = crate::error::catalogue::LIMIT_INPUT_BYTES;
    /// Arrays and objects nested deeper than [`super::MAX_DEPTH`].
    pub const DEPTH: &str = crate::error::catalogue::LIMIT_DEPTH;
    /// A string longer than [`super::MAX_STRING_BYTES`] (or [`super::MAX_TEXT_BYTES`] for a free-text field).
    pub const STRING_BYTES: &str = crate::error::catalogue::LIMIT_STRING_BYTES;
    /// An array with more than [`super::MAX_ARRAY_ITEMS`] items.
    pub const ARRAY_ITEMS: &str = crate::error::catalogue::LIMIT_ARRAY_ITEMS;
    /// A household with more than [`super::MAX_HOUSEHOLD_MEMBERS`] members.
    pub const HOUSEHOLD_MEMBERS: &str = crate::error::catalogue::LIMIT_HOUSEHOLD_MEMBERS;
    /// A member with more than [`super::MAX_ISSUES_PER_MEMBER`] issues.
    pub const ISSUES_PER_MEMBER: &str = crate::error::catalogue::LIMIT_ISSUES_PER_MEMBER;
    /// A plan log with more than [`super::MAX_EVENTS`] events.
    pub const EVENTS: &str = crate::error::catalogue::LIMIT_EVENTS;
    /// A meeting with more than [`super::MAX_ATTENDEES`] attendees.
    pub const ATTENDEES: &str = crate::error::catalogue::LIMIT_ATTENDEES;
    /// A meeting roster with more than [`super::MAX_MEETING_MEMBERS`] members.
    pub const MEETING_MEMBERS: &str = crate::error::catalogue::LIMIT_MEETING_MEMBERS;
    /// More than [`super::MAX_CONSENTS`] consent records.
    pub const CONSENTS: &str = crate::error::catalogue::LIMIT_CONSENTS;
    /// A line of `jusou batch` longer than [`super::MAX_BATCH_LINE_BYTES`].
    pub const BATCH_LINE_BYTES: &str = crate::error::catalogue::LIMIT_BATCH_LINE_BYTES;
    /// A `route_many` batch with more than [`super::MAX_BATCH_CASES`] cases.
    pub const BATCH_CASES: &str = crate::error::catalogue::LIMIT_BATCH_CASES;
    /// Another list (subjects, consent scope, plan goals, programs, …) longer than [`super::MAX_LIST_ITEMS`].
    pub const LIST_ITEMS: &str = crate::error::catalogue::LIMIT_LIST_ITEMS;
}

/// Largest input document, in bytes of JSON text (8 MiB).
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;
/// Deepest nesting of arrays and objects (jusou's own inputs nest at most about 6 deep).
pub const MAX_DEPTH: usize = 64;
/// Longest string (ids, names, dates, keys), in bytes as written in the JSON text (4 KiB).
pub const MAX_STRING_BYTES: usize = 4 * 1024;
/// Longest string of a free-text field ([`FREE_TEXT_FIELDS`]), in bytes as written (64 KiB).
pub const MAX_TEXT_BYTES: usize = 64 * 1024;
/// Fields holding free text, allowed [`MAX_TEXT_BYTES`] instead of [`MAX_STRING_BYTES`].
pub const FREE_TEXT_FIELDS: &[&str] = &["note", "wishes", "content", "capacity_note", "goals"];
/// Most items of any one array, whatever it holds (a backstop below the domain limits' reach).
pub const MAX_ARRAY_ITEMS: usize = 100_000;

/// Documents up to this size cannot break a size, string or array limit (each needs a longer
/// text), and one that parses into jusou's inputs nests far less than [`MAX_DEPTH`]; so
/// [`crate::error::decode`] scans them only when they fail to parse. The scan costs about a
/// third of the parse, and most inputs (a case, a meeting) are this small.
pub const SMALL_INPUT_BYTES: usize = MAX_STRING_BYTES;
const _: () = assert!(SMALL_INPUT_BYTES <= MAX_STRING_BYTES && SMALL_INPUT_BYTES < MAX_ARRAY_ITEMS);
/// Most members of a household (`/household`).
pub const MAX_HOUSEHOLD_MEMBERS: usize = 100;
/// Most issues of one household member (`/household/N/issues`).
pub const MAX_ISSUES_PER_MEMBER: usize = 64;
/// Most events of a plan log (`/events`).
pub const MAX_EVENTS: usize = 10_000;
/// Most attendees of a meeting (`/attendees`).
pub const MAX_ATTENDEES: usize = 500;
/// Most members of a meeting's roster (`/members`, and a municipality meeting's members).
pub const MAX_MEETING_MEMBERS: usize = 500;
/// Most consent records of one input (`/consents`).
pub const MAX_CONSENTS: usize = 100;
/// Most items of every other list (subjects, consent scope, agencies, plan goals and items,
/// municipal programs, meetings and providers, routing criteria, …).
pub const MAX_LIST_ITEMS: usize = 500;
/// Longest line `jusou batch` reads (8 MiB, one document); a longer line is not held in memory.
pub const MAX_BATCH_LINE_BYTES: usize = MAX_INPUT_BYTES;
/// Most cases of one `route_many` call (`jusou batch` has no limit on the number of lines).
pub const MAX_BATCH_CASES: usize = 10_000;

/// One open array or object of the scan.
enum Frame {
    /// An array and the index of the item being read.
    Array(usize),
    /// An object: the byte range of the current key (inside the quotes), and whether the next
    /// string is a key.
    Object(Option<(usize, usize)>, bool),
}

/// The text of a key as it reads after unescaping (the raw text when it does not unescape).
fn key_text(json: &str, start: usize, end: usize) -> String {
    let raw = json.get(start..end).unwrap_or_default();
    if raw.contains('\\') {
        json.get(start.saturating_sub(1)..end.saturating_add(1))
            .and_then(|quoted| serde_json::from_str::<String>(quoted).ok())
            .unwrap_or_else(|| raw.to_owned())
    } else {
        raw.to_owned()
    }
}

/// The JSON pointer of the value being read.
fn pointer(json: &str, stack: &[Frame]) -> String {
    let mut p = String::new();
    for f in stack {
        match f {
            Frame::Array(i) => {
                p.push('/');
                p.push_str(&i.to_string());
            }
            Frame::Object(Some((s, e)), false) => {
                p.push('/');
                p.push_str(&pointer_token(&key_text(json, *s, *e)));
            }
            Frame::Object(..) => {}
        }
    }
    p
}

/// The key the value being read belongs to: the nearest object's key (so the strings of
/// `"goals": [...]` count as `goals`).
fn field<'a>(json: &'a str, stack: &[Frame]) -> Option<&'a str> {
    stack.iter().rev().find_map(|f| match f {
        Frame::Object(Some((s, e)), false) => json.get(*s..*e),
        _ => None,
    })
}

/// Check JSON text against the size limits before it is parsed: total size, nesting depth,
/// string lengths and array lengths, with the JSON pointer of the first offending value. One
/// linear pass; malformed JSON passes through (the parser reports it).
///
/// ```
/// let deep = "[".repeat(65) + &"]".repeat(65);
/// let e = jusou_core::limits::scan(&deep).unwrap_err();
/// assert_eq!(e.code, "JUSOU-E-LIMIT-002");
/// assert_eq!(e.path, "/0".repeat(64));
/// ```
pub fn scan(json: &str) -> Result<(), Error> {
    use limit_codes::*;
    if json.len() > MAX_INPUT_BYTES {
        return Err(Error::new(
            INPUT_BYTES,
            "",
            format!(
                "入力が大きすぎます（{}バイト、上限{MAX_INPUT_BYTES}バイト）",
                json.len()
            ),
            format!(
                "the input is too large ({} bytes; the limit is {MAX_INPUT_BYTES})",
                json.len()
            ),
        ));
    }
    let b = json.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => {
                let start = i + 1;
                let mut j = start;
                // Find the closing quote, skipping escapes.
                let end = loop {
                    match b
                        .get(j..)
                        .and_then(|rest| rest.iter().position(|&x| x == b'"' || x == b'\\'))
                    {
                        None => break b.len(),
                        Some(p) => {
                            j += p;
                            if b.get(j) == Some(&b'\\') {
                                j += 2;
                            } else {
                                break j;
                            }
                        }
                    }
                };
                let len = end.saturating_sub(start);
                let is_key = matches!(stack.last(), Some(Frame::Object(_, true)));
                if is_key {
                    if len > MAX_STRING_BYTES {
                        return Err(string_error(pointer(json, &stack), len, MAX_STRING_BYTES));
                    }
                    if let Some(Frame::Object(key, expecting)) = stack.last_mut() {
                        *key = Some((start, end));
                        *expecting = false;
                    }
                } else if len > MAX_STRING_BYTES {
                    // Only a long string needs its field's name (free text may be longer).
                    let max = match field(json, &stack) {
                        Some(f) if FREE_TEXT_FIELDS.contains(&f) => MAX_TEXT_BYTES,
                        _ => MAX_STRING_BYTES,
                    };
                    if len > max {
                        return Err(string_error(pointer(json, &stack), len, max));
                    }
                }
                i = end + 1;
                continue;
            }
            b'[' | b'{' => {
                if stack.len() >= MAX_DEPTH {
                    return Err(depth_error(pointer(json, &stack)));
                }
                stack.push(if c == b'[' {
                    Frame::Array(0)
                } else {
                    Frame::Object(None, true)
                });
            }
            b']' | b'}' => {
                stack.pop();
            }
            b',' => {
                let full = match stack.last_mut() {
                    Some(Frame::Array(n)) => {
                        *n += 1;
                        *n >= MAX_ARRAY_ITEMS
                    }
                    Some(Frame::Object(_, expecting)) => {
                        *expecting = true;
                        false
                    }
                    None => false,
                };
                if full {
                    stack.pop();
                    let path = pointer(json, &stack);
                    return Err(Error::new(
                        ARRAY_ITEMS,
                        path,
                        format!("配列の要素が多すぎます（上限{MAX_ARRAY_ITEMS}）"),
                        format!("too many items in an array (the limit is {MAX_ARRAY_ITEMS})"),
                    ));
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// The error of input nested deeper than [`MAX_DEPTH`], wherever it is found: the scan, serde_json's
/// own recursion guard, or a binding that meets too deep a value before any JSON exists.
pub fn depth_error(path: impl Into<String>) -> Error {
    Error::new(
        limit_codes::DEPTH,
        path,
        format!("入れ子が深すぎます（上限{MAX_DEPTH}段）"),
        format!("arrays and objects nest too deep (the limit is {MAX_DEPTH})"),
    )
}

fn string_error(path: String, len: usize, max: usize) -> Error {
    Error::new(
        limit_codes::STRING_BYTES,
        path,
        format!("文字列が長すぎます（{len}バイト、上限{max}バイト）"),
        format!("a string is too long ({len} bytes; the limit is {max})"),
    )
}

/// Push a limit error when `len > max`; `true` when over.
fn count(
    errors: &mut Vec<Error>,
    len: usize,
    max: usize,
    code: &'static str,
    path: impl std::fmt::Display,
    what_ja: &str,
    what_en: &str,
) -> bool {
    if len > max {
        errors.push(Error::new(
            code,
            // Formatted only for an error: counts are checked on every call.
            path.to_string(),
            format!("{what_ja}が多すぎます（{len}件、上限{max}件）"),
            format!("too many {what_en} ({len}; the limit is {max})"),
        ));
        true
    } else {
        false
    }
}

fn list(errors: &mut Vec<Error>, len: usize, path: impl std::fmt::Display) {
    count(
        errors,
        len,
        MAX_LIST_ITEMS,
        limit_codes::LIST_ITEMS,
        path,
        "要素",
        "items in this list",
    );
}

/// Counts of consent records and of each one's scope lists.
fn consents(errors: &mut Vec<Error>, consents: &[Consent], path: &str) {
    if count(
        errors,
        consents.len(),
        MAX_CONSENTS,
        limit_codes::CONSENTS,
        path,
        "同意記録",
        "consent records",
    ) {
        return;
    }
    for (i, c) in consents.iter().enumerate() {
        let s = &c.scope;
        for (name, len) in [
            ("organisations", s.organisations.len()),
            ("roles", s.roles.len()),
            ("persons", s.persons.len()),
            ("categories", s.categories.len()),
        ] {
            list(errors, len, format_args!("{path}/{i}/scope/{name}"));
        }
    }
}

/// The domain counts of an intake record ([`Case`]); empty when within limits.
pub fn check_case(case: &Case) -> Vec<Error> {
    use limit_codes::*;
    let mut errors = Vec::new();
    if !count(
        &mut errors,
        case.household.len(),
        MAX_HOUSEHOLD_MEMBERS,
        HOUSEHOLD_MEMBERS,
        "/household",
        "世帯員",
        "household members",
    ) {
        for (i, m) in case.household.iter().enumerate() {
            count(
                &mut errors,
                m.issues.len(),
                MAX_ISSUES_PER_MEMBER,
                ISSUES_PER_MEMBER,
                format_args!("/household/{i}/issues"),
                "課題",
                "issues for one member",
            );
        }
    }
    list(
        &mut errors,
        case.agencies_involved.len(),
        "/agencies_involved",
    );
    consents(&mut errors, &case.consents, "/consents");
    if let Some(o) = &case.options {
        list(
            &mut errors,
            o.multi_agency_criteria.len(),
            "/options/multi_agency_criteria",
        );
    }
    errors
}

/// The domain counts of a meeting check ([`MeetingCheck`]); empty when within limits.
pub fn check_meeting(input: &MeetingCheck) -> Vec<Error> {
    use limit_codes::*;
    let mut errors = Vec::new();
    list(&mut errors, input.case.subjects.len(), "/case/subjects");
    count(
        &mut errors,
        input.members.len(),
        MAX_MEETING_MEMBERS,
        MEETING_MEMBERS,
        "/members",
        "構成員",
        "members on the roster",
    );
    count(
        &mut errors,
        input.attendees.len(),
        MAX_ATTENDEES,
        ATTENDEES,
        "/attendees",
        "出席者",
        "attendees",
    );
    consents(&mut errors, &input.consents, "/consents");
    list(&mut errors, input.agenda.len(), "/agenda");
    errors
}

/// The domain counts of a plan log ([`PlanLog`]); empty when within limits.
pub fn check_plan(log: &PlanLog) -> Vec<Error> {
    let mut errors = Vec::new();
    consents(&mut errors, &log.consents, "/consents");
    if !count(
        &mut errors,
        log.events.len(),
        MAX_EVENTS,
        limit_codes::EVENTS,
        "/events",
        "出来事",
        "events",
    ) {
        for (i, e) in log.events.iter().enumerate() {
            if let Some(p) = &e.plan {
                list(
                    &mut errors,
                    p.goals.len(),
                    format_args!("/events/{i}/plan/goals"),
                );
                list(
                    &mut errors,
                    p.items.len(),
                    format_args!("/events/{i}/plan/items"),
                );
            }
        }
    }
    errors
}

/// The domain counts of a 実施体制 ([`Municipality`]); empty when within limits.
pub fn check_municipality(m: &Municipality) -> Vec<Error> {
    let mut errors = Vec::new();
    list(&mut errors, m.programs.len(), "/programs");
    for (i, p) in m.programs.iter().enumerate() {
        list(
            &mut errors,
            p.providers.len(),
            format_args!("/programs/{i}/providers"),
        );
    }
    list(&mut errors, m.meetings.len(), "/meetings");
    for (i, mt) in m.meetings.iter().enumerate() {
        count(
            &mut errors,
            mt.members.len(),
            MAX_MEETING_MEMBERS,
            limit_codes::MEETING_MEMBERS,
            format_args!("/meetings/{i}/members"),
            "構成員",
            "members of a meeting",
        );
    }
    list(
        &mut errors,
        m.options.multi_agency_criteria.len(),
        "/options/multi_agency_criteria",
    );
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_at_the_limit_passes_one_more_fails() {
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(scan(&ok).is_ok());
        let deep = format!("{{\"a\":{}", "[".repeat(MAX_DEPTH));
        let e = scan(&deep).unwrap_err();
        assert_eq!(e.code, limit_codes::DEPTH);
        assert_eq!(e.path, format!("/a{}", "/0".repeat(MAX_DEPTH - 1)));
    }

    #[test]
    fn string_limits_depend_on_the_field_and_give_its_pointer() {
        let long = "x".repeat(MAX_STRING_BYTES + 1);
        let e = scan(&format!(r#"{{"a":[1,{{"b~/":"{long}"}}]}}"#)).unwrap_err();
        assert_eq!(e.code, limit_codes::STRING_BYTES);
        assert_eq!(e.path, "/a/1/b~0~1");
        assert!(scan(&format!(r#"{{"note":"{long}"}}"#)).is_ok());
        assert!(scan(&format!(r#"{{"goals":["{long}"]}}"#)).is_ok());
        // Escaped quotes do not end the string; an escaped key is unescaped in the pointer.
        let e = scan(&format!(r#"{{"k\"ey":"\"{long}"}}"#)).unwrap_err();
        assert_eq!(e.path, "/k\"ey");
        assert!(scan(&format!(r#"{{"a":"{}"}}"#, "x".repeat(MAX_STRING_BYTES))).is_ok());
    }

    #[test]
    fn size_and_array_limits() {
        let big = " ".repeat(MAX_INPUT_BYTES + 1);
        assert_eq!(scan(&big).unwrap_err().code, limit_codes::INPUT_BYTES);
        let many = format!("{{\"x\":[{}0]}}", "0,".repeat(MAX_ARRAY_ITEMS));
        let e = scan(&many).unwrap_err();
        assert_eq!(
            (e.code.as_ref(), e.path.as_str()),
            (limit_codes::ARRAY_ITEMS, "/x")
        );
    }

    #[test]
    fn serde_json_recursion_limit_maps_to_the_depth_code() {
        // Past the scan (e.g. a caller parsing itself), serde_json's own guard gives the same code.
        let deep = "[".repeat(200);
        let mut de = serde_json::Deserializer::from_str(&deep);
        let err = serde_path_to_error::deserialize::<_, serde_json::Value>(&mut de).unwrap_err();
        let e = crate::error::from_serde(err);
        assert_eq!(e.code, limit_codes::DEPTH);
    }

    #[test]
    fn domain_counts_come_before_quadratic_checks() {
        let member = r#"{"id":"A","age":40,"relation":"sibling"},"#;
        let doc = format!(
            r#"{{"id":"x","received_on":"2026-06-01","received_by":{{"agency":"a"}},"household":[{}{}]}}"#,
            member.repeat(5000),
            r#"{"id":"A","age":40,"relation":"self","subject":true}"#
        );
        let e = crate::routing::route_json(&doc).unwrap_err();
        assert_eq!(e.errors.len(), 1);
        assert_eq!(e.errors[0].code, limit_codes::HOUSEHOLD_MEMBERS);
        assert_eq!(e.errors[0].path, "/household");
    }

    #[test]
    fn malformed_text_passes_to_the_parser() {
        for s in ["", "\"", "\"\\", "]]]", "}", "{\"a\"", "[\"\\\u{3042}\"]"] {
            assert!(scan(s).is_ok(), "{s:?}");
        }
    }
}
