//! Limits on input size, in one place: what jusou accepts. This module knows no domain type and
//! no error type (it sits at the bottom of the module graph): the scan reports a [`Breach`], which
//! [`crate::error`] turns into a coded error, and each domain module counts its own lists against
//! these limits.
//!
//! jusou sits behind forms, files and other systems. Whatever arrives, the answer must be a clear
//! error, never a panic, a hang or unbounded memory. The limits are generous for real records
//! (a household of 100, a log of 10,000 events, a meeting of 500) and keep the cost of every
//! operation linear in the input.
//!
//! Two places enforce them, both before any rule runs:
//! - [`scan`] runs on the JSON text before it is parsed (`error::decode` calls it): total
//!   size, nesting depth, length of every string, items of any array. One linear pass over the
//!   bytes, with no allocation but a stack as deep as the nesting.
//! - each domain module's `check_limits` runs on the decoded input before validation: the domain
//!   counts (members, issues, events, attendees, consents), each with the pointer of the offending
//!   array.

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

/// Which limit of the scan a text breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The whole text is larger than [`MAX_INPUT_BYTES`].
    InputBytes,
    /// Arrays and objects nest deeper than [`MAX_DEPTH`].
    Depth,
    /// A string is longer than [`MAX_STRING_BYTES`] (or [`MAX_TEXT_BYTES`] for free text).
    StringBytes,
    /// An array has [`MAX_ARRAY_ITEMS`] items or more.
    ArrayItems,
}

/// A limit the scan found broken: which, where (a JSON pointer), how big and the maximum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breach {
    /// The limit broken.
    pub limit: Limit,
    /// The JSON pointer of the offending value (`""` for the whole text).
    pub path: String,
    /// The size found (bytes, levels or items; for arrays, the limit itself: the scan stops there).
    pub len: usize,
    /// The limit's maximum.
    pub max: usize,
}

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
                push_token(&mut p, &key_text(json, *s, *e));
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
/// assert_eq!(e.limit, jusou_core::limits::Limit::Depth);
/// assert_eq!(e.path, "/0".repeat(64));
/// ```
pub fn scan(json: &str) -> Result<(), Breach> {
    if json.len() > MAX_INPUT_BYTES {
        return Err(Breach {
            limit: Limit::InputBytes,
            path: String::new(),
            len: json.len(),
            max: MAX_INPUT_BYTES,
        });
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
                        return Err(breach(
                            Limit::StringBytes,
                            pointer(json, &stack),
                            len,
                            MAX_STRING_BYTES,
                        ));
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
                        return Err(breach(Limit::StringBytes, pointer(json, &stack), len, max));
                    }
                }
                i = end + 1;
                continue;
            }
            b'[' | b'{' => {
                if stack.len() >= MAX_DEPTH {
                    return Err(breach(
                        Limit::Depth,
                        pointer(json, &stack),
                        MAX_DEPTH + 1,
                        MAX_DEPTH,
                    ));
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
                    return Err(breach(
                        Limit::ArrayItems,
                        path,
                        MAX_ARRAY_ITEMS,
                        MAX_ARRAY_ITEMS,
                    ));
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

fn breach(limit: Limit, path: String, len: usize, max: usize) -> Breach {
    Breach {
        limit,
        path,
        len,
        max,
    }
}

/// Append one JSON-pointer token (RFC 6901: `~` → `~0`, `/` → `~1`).
fn push_token(p: &mut String, token: &str) {
    for c in token.chars() {
        match c {
            '~' => p.push_str("~0"),
            '/' => p.push_str("~1"),
            c => p.push(c),
        }
    }
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
        assert_eq!(e.limit, Limit::Depth);
        assert_eq!(e.path, format!("/a{}", "/0".repeat(MAX_DEPTH - 1)));
    }

    #[test]
    fn string_limits_depend_on_the_field_and_give_its_pointer() {
        let long = "x".repeat(MAX_STRING_BYTES + 1);
        let e = scan(&format!(r#"{{"a":[1,{{"b~/":"{long}"}}]}}"#)).unwrap_err();
        assert_eq!(e.limit, Limit::StringBytes);
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
        assert_eq!(scan(&big).unwrap_err().limit, Limit::InputBytes);
        let many = format!("{{\"x\":[{}0]}}", "0,".repeat(MAX_ARRAY_ITEMS));
        let e = scan(&many).unwrap_err();
        assert_eq!((e.limit, e.path.as_str()), (Limit::ArrayItems, "/x"));
    }

    #[test]
    fn malformed_text_passes_to_the_parser() {
        for s in ["", "\"", "\"\\", "]]]", "}", "{\"a\"", "[\"\\\u{3042}\"]"] {
            assert!(scan(s).is_ok(), "{s:?}");
        }
    }
}
