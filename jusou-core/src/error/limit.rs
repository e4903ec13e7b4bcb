//! Limit errors: the coded error of each broken limit ([`crate::limits`] finds them and knows no
//! error type), and the counting helpers the domain modules check their lists with.

use super::{Error, Errors};
use crate::limits::{Breach, Limit, MAX_DEPTH, MAX_LIST_ITEMS};

/// The limit error codes (`JUSOU-E-LIMIT-…`).
pub mod limit_codes {
    /// The input text is larger than [`crate::limits::MAX_INPUT_BYTES`].
    pub const INPUT_BYTES: &str = crate::error::catalogue::LIMIT_INPUT_BYTES;
    /// Arrays and objects nested deeper than [`crate::limits::MAX_DEPTH`].
    pub const DEPTH: &str = crate::error::catalogue::LIMIT_DEPTH;
    /// A string longer than [`crate::limits::MAX_STRING_BYTES`] (or [`crate::limits::MAX_TEXT_BYTES`] for a free-text field).
    pub const STRING_BYTES: &str = crate::error::catalogue::LIMIT_STRING_BYTES;
    /// An array with more than [`crate::limits::MAX_ARRAY_ITEMS`] items.
    pub const ARRAY_ITEMS: &str = crate::error::catalogue::LIMIT_ARRAY_ITEMS;
    /// A household with more than [`crate::limits::MAX_HOUSEHOLD_MEMBERS`] members.
    pub const HOUSEHOLD_MEMBERS: &str = crate::error::catalogue::LIMIT_HOUSEHOLD_MEMBERS;
    /// A member with more than [`crate::limits::MAX_ISSUES_PER_MEMBER`] issues.
    pub const ISSUES_PER_MEMBER: &str = crate::error::catalogue::LIMIT_ISSUES_PER_MEMBER;
    /// A plan log with more than [`crate::limits::MAX_EVENTS`] events.
    pub const EVENTS: &str = crate::error::catalogue::LIMIT_EVENTS;
    /// A meeting with more than [`crate::limits::MAX_ATTENDEES`] attendees.
    pub const ATTENDEES: &str = crate::error::catalogue::LIMIT_ATTENDEES;
    /// A meeting roster with more than [`crate::limits::MAX_MEETING_MEMBERS`] members.
    pub const MEETING_MEMBERS: &str = crate::error::catalogue::LIMIT_MEETING_MEMBERS;
    /// More than [`crate::limits::MAX_CONSENTS`] consent records.
    pub const CONSENTS: &str = crate::error::catalogue::LIMIT_CONSENTS;
    /// A line of `jusou batch` longer than [`crate::limits::MAX_BATCH_LINE_BYTES`].
    pub const BATCH_LINE_BYTES: &str = crate::error::catalogue::LIMIT_BATCH_LINE_BYTES;
    /// A `route_many` batch with more than [`crate::limits::MAX_BATCH_CASES`] cases.
    pub const BATCH_CASES: &str = crate::error::catalogue::LIMIT_BATCH_CASES;
    /// Another list (subjects, consent scope, plan goals, programs, …) longer than [`crate::limits::MAX_LIST_ITEMS`].
    pub const LIST_ITEMS: &str = crate::error::catalogue::LIMIT_LIST_ITEMS;
}

impl From<Breach> for Error {
    fn from(b: Breach) -> Error {
        let Breach {
            limit,
            path,
            len,
            max,
        } = b;
        match limit {
            Limit::InputBytes => Error::new(
                limit_codes::INPUT_BYTES,
                path,
                format!("入力が大きすぎます（{len}バイト、上限{max}バイト）"),
                format!("the input is too large ({len} bytes; the limit is {max})"),
            ),
            Limit::Depth => depth_error(path),
            Limit::StringBytes => Error::new(
                limit_codes::STRING_BYTES,
                path,
                format!("文字列が長すぎます（{len}バイト、上限{max}バイト）"),
                format!("a string is too long ({len} bytes; the limit is {max})"),
            ),
            Limit::ArrayItems => Error::new(
                limit_codes::ARRAY_ITEMS,
                path,
                format!("配列の要素が多すぎます（上限{max}）"),
                format!("too many items in an array (the limit is {max})"),
            ),
        }
    }
}

impl From<Breach> for Errors {
    fn from(b: Breach) -> Errors {
        Error::from(b).into()
    }
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

/// Push a limit error when `len > max`; `true` when over.
pub(crate) fn count(
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

/// Push a limit error when a list is longer than [`MAX_LIST_ITEMS`].
pub(crate) fn list(errors: &mut Vec<Error>, len: usize, path: impl std::fmt::Display) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn every_breach_has_its_code_and_pointer() {
        let deep = "[".repeat(crate::limits::MAX_DEPTH + 1);
        let e = Error::from(crate::limits::scan(&deep).unwrap_err());
        assert_eq!(e.code, limit_codes::DEPTH);
        let big = " ".repeat(crate::limits::MAX_INPUT_BYTES + 1);
        let e = Error::from(crate::limits::scan(&big).unwrap_err());
        assert_eq!(
            (e.code.as_ref(), e.path.as_str()),
            (limit_codes::INPUT_BYTES, "")
        );
    }
}
