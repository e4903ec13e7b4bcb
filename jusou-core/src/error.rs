//! One error type for all of jusou: a stable code, a JSON pointer into the input, a message in
//! Japanese and English, and the article it rests on where there is one.
//!
//! Codes have the form `JUSOU-E-<AREA>-<NNN>` and are never reused. Every code is declared once,
//! in [`catalogue`] (with its ja/en title, fields and when it is raised); [`codes`] and the domain
//! modules' code blocks name the catalogue's constants.

use std::borrow::Cow;
use std::fmt;

use schemars::JsonSchema;
use serde::Serialize;

pub mod catalogue;
pub mod limit;

pub use limit::{depth_error, limit_codes};

/// The stable error codes. A code, once published, keeps its meaning forever.
pub mod codes {
    /// The input is not well-formed JSON (syntax error or truncated input).
    pub const JSON_SYNTAX: &str = super::catalogue::JSON_SYNTAX;
    /// A value has the wrong JSON type (e.g. a string where a number is expected).
    pub const JSON_TYPE: &str = super::catalogue::JSON_TYPE;
    /// A required field is missing.
    pub const JSON_MISSING: &str = super::catalogue::JSON_MISSING;
    /// A field the schema does not know (inputs are strict, to catch typos).
    pub const JSON_UNKNOWN_FIELD: &str = super::catalogue::JSON_UNKNOWN_FIELD;
    /// A value outside a closed vocabulary (enum).
    pub const JSON_UNKNOWN_VALUE: &str = super::catalogue::JSON_UNKNOWN_VALUE;
    /// A number outside the range its field allows (e.g. negative where only ≥ 0 makes sense).
    pub const JSON_RANGE: &str = super::catalogue::JSON_RANGE;
    /// A field given twice in the same object.
    pub const JSON_DUPLICATE_FIELD: &str = super::catalogue::JSON_DUPLICATE_FIELD;
    /// Input structurally invalid in another way serde reports.
    pub const JSON_OTHER: &str = super::catalogue::JSON_OTHER;

    /// Date text jusou cannot read.
    pub const DATE_UNREADABLE: &str = super::catalogue::DATE_UNREADABLE;
    /// A date that does not exist in the calendar (2月30日).
    pub const DATE_IMPOSSIBLE: &str = super::catalogue::DATE_IMPOSSIBLE;
    /// An era date before the era began (令和元年4月1日).
    pub const DATE_BEFORE_ERA: &str = super::catalogue::DATE_BEFORE_ERA;
    /// A date outside the range jusou supports (1868-10-23 … 2100-12-31).
    pub const DATE_OUT_OF_RANGE: &str = super::catalogue::DATE_OUT_OF_RANGE;
    /// Era year 0 or a negative era year.
    pub const DATE_ERA_YEAR: &str = super::catalogue::DATE_ERA_YEAR;

    /// 全国地方公共団体コード not six ASCII digits.
    pub const LGCODE_FORMAT: &str = super::catalogue::LGCODE_FORMAT;
    /// 全国地方公共団体コード whose check digit does not match.
    pub const LGCODE_CHECK_DIGIT: &str = super::catalogue::LGCODE_CHECK_DIGIT;
    /// 全国地方公共団体コード with a prefecture part outside 01–47.
    pub const LGCODE_PREFECTURE: &str = super::catalogue::LGCODE_PREFECTURE;

    /// A program code that is not one of 第106条の4第2項's items.
    pub const LAW_UNKNOWN_PROGRAM: &str = super::catalogue::LAW_UNKNOWN_PROGRAM;
    /// A program asked about on a date before it was in force.
    pub const LAW_NOT_IN_FORCE: &str = super::catalogue::LAW_NOT_IN_FORCE;

    /// A 実施体制 given as input (routing's `--municipality`, a binding's `municipality`) whose
    /// law check finds violations: refused with the same findings `jusou municipality` reports.
    pub const MUNI_VIOLATES_LAW: &str = super::catalogue::MUNI_VIOLATES_LAW;

    /// No funding share is recorded for this program or scheme on that date.
    pub const FUND_NO_SHARES: &str = super::catalogue::FUND_NO_SHARES;
    /// A funding amount outside 0 … 10^15 yen.
    pub const FUND_AMOUNT: &str = super::catalogue::FUND_AMOUNT;

    /// An unknown schema name was asked for.
    pub const SCHEMA_UNKNOWN: &str = super::catalogue::SCHEMA_UNKNOWN;
}

/// One finding about bad input.
///
/// ```
/// let e = jusou_core::Error::new(jusou_core::error::codes::DATE_IMPOSSIBLE, "/received_on",
///     "存在しない日付です", "no such date");
/// assert_eq!(e.code, "JUSOU-E-DATE-002");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, thiserror::Error)]
#[error("{code} at '{path}': {message_en}")]
pub struct Error {
    /// Stable code, `JUSOU-E-<AREA>-<NNN>`.
    pub code: Cow<'static, str>,
    /// JSON pointer (RFC 6901) to the offending field; `""` is the whole input.
    pub path: String,
    /// Message in Japanese.
    pub message_ja: Cow<'static, str>,
    /// Message in English.
    pub message_en: Cow<'static, str>,
    /// The article the rule rests on, where there is one.
    pub citation: Option<Cow<'static, str>>,
    /// The parser's own words (serde's English), for a developer; never shown as the message.
    /// Absent when there is nothing beyond the message (added in issue #19).
    /// (Boxed: one pointer, so `Result<_, Error>` stays small.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Box<String>>,
}

impl Error {
    /// A new error without a citation.
    pub fn new(
        code: &'static str,
        path: impl Into<String>,
        message_ja: impl Into<Cow<'static, str>>,
        message_en: impl Into<Cow<'static, str>>,
    ) -> Self {
        Error {
            code: Cow::Borrowed(code),
            path: path.into(),
            message_ja: message_ja.into(),
            message_en: message_en.into(),
            citation: None,
            detail: None,
        }
    }

    /// The same error with the parser's own detail (see [`Error::detail`]).
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(Box::new(detail.into()));
        self
    }

    /// The same error with the article it rests on.
    pub fn cite(mut self, citation: &'static str) -> Self {
        self.citation = Some(Cow::Borrowed(citation));
        self
    }

    /// The same error, its path placed under `prefix` (a JSON pointer).
    pub fn under(mut self, prefix: &str) -> Self {
        if !prefix.is_empty() {
            self.path = format!("{prefix}{}", self.path);
        }
        self
    }
}

/// Several errors, reported together. Never empty when returned as an `Err`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, thiserror::Error)]
pub struct Errors {
    /// The errors, in input order where there is one.
    pub errors: Vec<Error>,
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for e in &self.errors {
            if !first {
                f.write_str("; ")?;
            }
            first = false;
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl From<Error> for Errors {
    fn from(e: Error) -> Self {
        Errors { errors: vec![e] }
    }
}

impl Errors {
    /// The code and JSON pointer of each error, in order: what a form needs to put each message
    /// beside its field, and what tests compare.
    pub fn code_paths(&self) -> Vec<(&str, &str)> {
        self.errors
            .iter()
            .map(|e| (e.code.as_ref(), e.path.as_str()))
            .collect()
    }

    /// `Ok(())` when `errors` is empty, else `Err(Errors)`.
    pub fn check(errors: Vec<Error>) -> Result<(), Errors> {
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Errors { errors })
        }
    }

    /// Every error's path placed under `prefix`.
    pub fn under(mut self, prefix: &str) -> Self {
        for e in &mut self.errors {
            let taken = std::mem::take(&mut e.path);
            e.path = format!("{prefix}{taken}");
        }
        self
    }
}

/// The error of an unknown schema name. Also raised by the WASM package, whose schemas ship as
/// files beside the module (the generator is left out of it).
pub fn unknown_schema(name: &str, known: &[&str]) -> Error {
    let known = known.join(", ");
    Error::new(
        codes::SCHEMA_UNKNOWN,
        "",
        format!("スキーマ「{name}」はありません（{known}）"),
        format!("no schema named '{name}' (known: {known})"),
    )
}

/// Escape one reference token of a JSON pointer (RFC 6901: `~` → `~0`, `/` → `~1`).
pub fn pointer_token(token: &str) -> Cow<'_, str> {
    if token.contains(['~', '/']) {
        Cow::Owned(token.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(token)
    }
}

/// Separator between the parts of a coded serde error message (see [`coded`]).
const SEP: char = '\u{1f}';

/// Build a serde error message that carries a jusou code and both languages, so that a custom
/// `Deserialize` impl (dates, program codes) keeps its specific code through serde.
pub fn coded<E: serde::de::Error>(code: &'static str, ja: &str, en: &str) -> E {
    E::custom(format_args!("{code}{SEP}{ja}{SEP}{en}"))
}

/// A custom `Deserialize` impl's error for a value of the wrong shape: `e` replaced by a coded
/// [`codes::JSON_TYPE`] error when it says the type was wrong, kept as it is otherwise (so a
/// truncated or malformed document still reports `JUSOU-E-JSON-001`, not a type error).
pub fn type_error<E: serde::de::Error>(e: E, ja: &str, en: &str) -> E {
    let msg = e.to_string();
    if [
        "invalid type",
        "invalid value",
        "invalid length",
        "data did not match",
    ]
    .iter()
    .any(|p| msg.starts_with(p))
    {
        coded(codes::JSON_TYPE, ja, en)
    } else {
        e
    }
}

impl Error {
    /// This error as a serde error that keeps its code and both messages (for custom
    /// `Deserialize` impls that call jusou's own parsers).
    pub fn to_serde<E: serde::de::Error>(&self) -> E {
        let code = match &self.code {
            Cow::Borrowed(s) => s,
            Cow::Owned(_) => codes::JSON_OTHER,
        };
        coded(code, &self.message_ja, &self.message_en)
    }
}

impl Errors {
    /// The first error as a serde error (see [`Error::to_serde`]).
    pub fn to_serde<E: serde::de::Error>(&self) -> E {
        match self.errors.first() {
            Some(e) => e.to_serde(),
            None => coded(codes::JSON_OTHER, "入力が正しくありません", "invalid input"),
        }
    }
}

/// Decode a message built by [`coded`]; `None` for an ordinary serde message.
fn decode_coded(msg: &str) -> Option<(String, String, String)> {
    let mut parts = msg.splitn(3, SEP);
    let code = parts.next()?;
    let ja = parts.next()?;
    let en = parts.next()?;
    // serde_json appends " at line L column C" to custom messages.
    let en = en.split(" at line ").next().unwrap_or(en);
    code.starts_with("JUSOU-E-")
        .then(|| (code.to_owned(), ja.to_owned(), en.to_owned()))
}

/// Turn a serde_json error (with the path serde_path_to_error tracked) into a jusou error.
pub(crate) fn from_serde(err: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let mut path = String::new();
    for seg in err.path().iter() {
        use serde_path_to_error::Segment;
        match seg {
            Segment::Seq { index } => {
                path.push('/');
                path.push_str(&index.to_string());
            }
            Segment::Map { key } => {
                path.push('/');
                path.push_str(&pointer_token(key));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    from_serde_at(path, err.inner())
}

/// [`from_serde`] with the JSON pointer already known.
fn from_serde_at(path: String, inner: &serde_json::Error) -> Error {
    let (line, column) = (inner.line(), inner.column());
    let raw = inner.to_string();
    let msg = raw
        .rsplit_once(" at line ")
        .map(|(m, _)| m.to_owned())
        .unwrap_or_else(|| raw.clone());

    if let Some((code, ja, en)) = decode_coded(&msg) {
        return Error {
            code: Cow::Owned(code),
            path,
            message_ja: Cow::Owned(ja),
            message_en: Cow::Owned(en),
            citation: None,
            detail: None,
        };
    }
    if msg.starts_with("recursion limit exceeded") {
        // serde_json's own guard (128 levels): the same code as the scan's depth limit.
        return depth_error(path);
    }
    use serde_json::error::Category;
    match inner.classify() {
        Category::Syntax | Category::Eof | Category::Io => Error::new(
            codes::JSON_SYNTAX,
            path,
            format!("JSONとして読めません（{line}行{column}列）"),
            format!("not valid JSON (line {line}, column {column})"),
        )
        .with_detail(msg),
        Category::Data => classify_data(path, &msg),
    }
}

/// The name between the first pair of backticks in a serde message.
fn backticked(msg: &str) -> Option<&str> {
    let start = msg.find('`')? + 1;
    let len = msg[start..].find('`')?;
    Some(&msg[start..start + len])
}

/// Point `path` at `field` unless serde_path_to_error already did.
fn push_field(path: &mut String, field: &str) {
    let token = pointer_token(field);
    if !path.ends_with(&format!("/{token}")) {
        path.push('/');
        path.push_str(&token);
    }
}

/// What serde's "expected …" names, in Japanese and English, for a clerk (`None`: not known).
fn expected_kind(msg: &str) -> Option<(&'static str, &'static str)> {
    let expected = msg.rsplit_once("expected ")?.1;
    let kinds: &[(&[&str], &str, &str)] = &[
        (
            &[
                "i8",
                "i16",
                "i32",
                "i64",
                "u8",
                "u16",
                "u32",
                "u64",
                "usize",
                "an integer",
            ],
            "整数",
            "a whole number",
        ),
        (&["f32", "f64", "a number"], "数値", "a number"),
        (&["a string", "a date", "a character"], "文字列", "a string"),
        (
            &["a boolean"],
            "真偽値（true または false）",
            "true or false",
        ),
        (&["a sequence", "an array", "a list"], "配列", "an array"),
        (
            &["struct", "a map", "internally tagged enum", "an object"],
            "オブジェクト（{…}）",
            "an object",
        ),
    ];
    kinds
        .iter()
        .find(|(names, _, _)| names.iter().any(|n| expected.starts_with(n)))
        .map(|(_, ja, en)| (*ja, *en))
}

/// An age field (`…/age`): the clerk's message names the range, whatever the JSON got wrong.
fn age_error(code: &'static str, path: String, msg: &str) -> Error {
    Error::new(
        code,
        path,
        "年齢は0〜130の整数で入力してください",
        "an age is a whole number from 0 to 130",
    )
    .with_detail(msg)
}

fn classify_data(mut path: String, msg: &str) -> Error {
    // serde's own words go to `detail`; the messages say what to do in the reader's language.
    if msg.starts_with("unknown field") {
        let field = backticked(msg).unwrap_or("?");
        push_field(&mut path, field);
        Error::new(
            codes::JSON_UNKNOWN_FIELD,
            path,
            format!("未知の項目「{field}」です（綴りを確認してください）"),
            format!("unknown field '{field}' (check the spelling)"),
        )
        .with_detail(msg)
    } else if msg.starts_with("missing field") {
        let field = backticked(msg).unwrap_or("?");
        push_field(&mut path, field);
        Error::new(
            codes::JSON_MISSING,
            path,
            format!("必須項目「{field}」がありません"),
            format!("required field '{field}' is missing"),
        )
    } else if msg.starts_with("duplicate field") {
        let field = backticked(msg).unwrap_or("?");
        push_field(&mut path, field);
        Error::new(
            codes::JSON_DUPLICATE_FIELD,
            path,
            format!("項目「{field}」が重複しています"),
            format!("field '{field}' is given twice"),
        )
    } else if msg.starts_with("unknown variant") {
        let value = backticked(msg).unwrap_or("?");
        Error::new(
            codes::JSON_UNKNOWN_VALUE,
            path,
            format!("「{value}」は選択肢にない値です（スキーマの一覧を確認してください）"),
            format!("'{value}' is not one of the allowed values (see the schema for the list)"),
        )
        .with_detail(msg)
    } else if msg.starts_with("data did not match any variant") {
        Error::new(
            codes::JSON_UNKNOWN_VALUE,
            path,
            "選択肢にない値です（スキーマの一覧を確認してください）",
            "not one of the allowed values (see the schema for the list)",
        )
        .with_detail(msg)
    } else if msg.starts_with("invalid value") {
        if path.ends_with("/age") {
            return age_error(codes::JSON_RANGE, path, msg);
        }
        Error::new(
            codes::JSON_RANGE,
            path,
            "値が許される範囲の外です",
            "value out of the allowed range",
        )
        .with_detail(msg)
    } else if msg
        .strip_prefix("invalid type: floating point")
        .and_then(backticked)
        .and_then(|v| v.parse::<f64>().ok())
        .is_some_and(|f| f.is_finite() && f.fract() == 0.0 && f.abs() >= 9.007_199_254_740_992e15)
    {
        // A whole number too large for an integer field: serde_json read it as a float, but the
        // writer meant an integer, so the answer is "out of range", not "wrong type". (A small
        // whole number written as a decimal — `80.0`, `-0` — is a form error, below.)
        if path.ends_with("/age") {
            return age_error(codes::JSON_RANGE, path, msg);
        }
        Error::new(
            codes::JSON_RANGE,
            path,
            "数値が大きすぎます",
            "number out of the allowed range",
        )
        .with_detail(msg)
    } else if msg.starts_with("invalid type") {
        if path.ends_with("/age") {
            return age_error(codes::JSON_TYPE, path, msg);
        }
        let (ja, en) = match expected_kind(msg) {
            Some((ja, en)) => (
                format!("値の形式が違います（{ja}が必要です）"),
                format!("wrong type of value ({en} expected)"),
            ),
            None => (
                "値の形式が違います（スキーマを確認してください）".to_owned(),
                "wrong type of value (see the schema)".to_owned(),
            ),
        };
        Error::new(codes::JSON_TYPE, path, ja, en).with_detail(msg)
    } else if msg.starts_with("invalid length") {
        Error::new(
            codes::JSON_TYPE,
            path,
            "要素の数が違います",
            "wrong number of items",
        )
        .with_detail(msg)
    } else {
        Error::new(
            codes::JSON_OTHER,
            path,
            "入力の形式が正しくありません",
            "malformed input",
        )
        .with_detail(msg)
    }
}

/// Parse JSON text into a typed input, with a jusou error (code, JSON pointer, ja/en) on failure.
///
/// ```
/// use jusou_core::error::decode;
/// #[derive(serde::Deserialize, Debug)]
/// #[serde(deny_unknown_fields)]
/// struct In { age: u8 }
/// let err = decode::<In>(r#"{"age": "old"}"#).unwrap_err();
/// assert_eq!(err.errors[0].code, "JUSOU-E-JSON-002");
/// assert_eq!(err.errors[0].path, "/age");
/// ```
pub fn decode<'a, T: serde::Deserialize<'a>>(json: &'a str) -> Result<T, Errors> {
    // Size, depth and string limits before the parser allocates anything; a small document
    // cannot break them unless it also fails to parse (see `limits::SMALL_INPUT_BYTES`).
    let small = json.len() <= crate::limits::SMALL_INPUT_BYTES;
    if !small {
        crate::limits::scan(json)?;
    }
    // Good input is the common case: parse it without tracking paths (tracking costs as much as
    // the parse itself), and parse again with tracking only to explain a failure. Not in
    // WebAssembly: a second instantiation of every input type's deserializer would put the module
    // over its size budget (250 KB gzipped).
    #[cfg(not(target_arch = "wasm32"))]
    if let Ok(value) = serde_json::from_str(json) {
        return Ok(value);
    }
    if small {
        crate::limits::scan(json)?;
    }
    let mut de = serde_json::Deserializer::from_str(json);
    // In WebAssembly the path comes from where serde_json stopped ([`path_at`]) rather than from
    // serde_path_to_error, whose wrapped copy of every input type's deserializer was ~30 % of the
    // module's code.
    #[cfg(target_arch = "wasm32")]
    let value: T = T::deserialize(&mut de).map_err(|e| {
        let path = if e.line() == 0 {
            String::new()
        } else {
            path_at(json, e.line(), e.column(), &e.to_string(), e.is_data())
        };
        from_serde_at(path, &e)
    })?;
    #[cfg(not(target_arch = "wasm32"))]
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(from_serde)?;
    // Trailing characters after the value are a syntax error too.
    de.end()
        .map_err(|e| {
            Error::new(
                codes::JSON_SYNTAX,
                "",
                "JSONの値の後に余分な文字があります",
                "trailing characters after the JSON value",
            )
            .with_detail(e.to_string())
        })
        .map_err(Errors::from)?;
    Ok(value)
}

/// The JSON pointer of the value serde_json was reading when it stopped at `line`:`column` (its
/// error position, a byte count within the line): a scan of the text up to there that tracks
/// object keys and array indices. serde_json fixes an error's position where it arose — after a
/// bad value, after an unknown or repeated key, after the `}` of an object a field is missing
/// from — so this is the path serde_path_to_error would have tracked.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn path_at(json: &str, line: usize, column: usize, msg: &str, data: bool) -> String {
    let bytes = json.as_bytes();
    let mut start = 0;
    for _ in 1..line {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    let end = (start + column).min(bytes.len());
    // Per open object, the key of the member being read (byte range of its text); per open
    // array, the index of the element being read and whether it has begun.
    #[derive(Clone, Copy)]
    enum Frame {
        Obj(Option<(usize, usize)>),
        Arr(usize, bool),
    }
    let mut stack: Vec<Frame> = Vec::new();
    // The container that closed last, when nothing but whitespace follows it.
    let mut closed: Option<Frame> = None;
    let mut i = 0;
    let mut expect_key = false;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        closed = None;
        if !matches!(b, b',' | b']') {
            if let Some(Frame::Arr(_, begun)) = stack.last_mut() {
                *begun = true;
            }
        }
        match b {
            b'"' => {
                let s = i + 1;
                let mut j = s;
                while j < end && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if expect_key && j < end {
                    if let Some(Frame::Obj(k)) = stack.last_mut() {
                        *k = Some((s, j));
                    }
                    expect_key = false;
                }
                i = j + 1;
                continue;
            }
            b'{' => {
                stack.push(Frame::Obj(None));
                expect_key = true;
            }
            b'[' => stack.push(Frame::Arr(0, false)),
            b'}' | b']' => {
                closed = stack.pop();
                expect_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Obj(k)) => {
                    *k = None;
                    expect_key = true;
                }
                Some(Frame::Arr(n, begun)) => {
                    *n += 1;
                    *begun = false;
                }
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    // A syntax error between members is the container's, as the member before it is complete.
    let starts = |ps: &[&str]| ps.iter().any(|p| msg.starts_with(p));
    match stack.last_mut() {
        Some(Frame::Obj(k)) if starts(&["EOF while parsing an object", "expected `,` or `}`"]) => {
            *k = None
        }
        Some(Frame::Arr(_, begun))
            if starts(&["EOF while parsing a list", "expected `,` or `]`"]) =>
        {
            *begun = false
        }
        _ => {}
    }
    // A field's own check that fails after its value was read (a date, a program code) is
    // positioned by serde_json after the enclosing `}` when that field came last: the error is
    // the last member's, unless it is about the container itself (or a syntax error).
    let about_container = [
        "missing field",
        "invalid length",
        "data did not match",
        "unknown field",
        "duplicate field",
    ]
    .iter()
    .any(|p| msg.starts_with(p));
    if let Some(f) = closed.filter(|_| data && !about_container) {
        stack.push(f);
    }
    let mut path = String::new();
    for f in &stack {
        match *f {
            Frame::Obj(Some((s, e))) => {
                // `get`: a key cut short by a syntax error may end inside a character.
                let raw = json.get(s..e).unwrap_or_default();
                let key: Cow<'_, str> = if raw.contains('\\') {
                    json.get(s - 1..e + 1)
                        .and_then(|q| serde_json::from_str::<String>(q).ok())
                        .map_or(Cow::Borrowed(raw), Cow::Owned)
                } else {
                    Cow::Borrowed(raw)
                };
                path.push('/');
                path.push_str(&pointer_token(&key));
            }
            Frame::Arr(n, true) => {
                path.push('/');
                path.push_str(&n.to_string());
            }
            Frame::Obj(None) | Frame::Arr(_, false) => {}
        }
    }
    path
}

/// Like [`decode`], from an already-parsed `serde_json::Value` (what the bindings hold).
pub fn decode_value<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, Errors> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        // Value deserialization has no line/column; reuse the same classification.
        let path_err = serde_path_to_error::Error::new(e.path().clone(), {
            let inner = e.into_inner();
            <serde_json::Error as serde::de::Error>::custom(inner.to_string())
        });
        let mut err = from_serde(path_err);
        // A custom-wrapped message is always "Data"; syntax cannot occur from a Value.
        if err.code == codes::JSON_SYNTAX {
            err.code = Cow::Borrowed(codes::JSON_OTHER);
        }
        Errors::from(err)
    })
}
