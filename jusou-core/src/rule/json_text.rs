//! The library's fixed texts written to JSON once escaped, not escaped again on every answer.
//!
//! Most of a decision's JSON is the ja/en texts of the rules that fired or did not (a routing
//! answer is ~7 KB, three quarters of it text), and serde_json escapes a string byte by byte:
//! measured with callgrind over fixtures/cases, escaping was half of all instructions of
//! decode + route + encode (benches/README.md, "One routing decision"). A fixed text is a
//! `&'static str` (a rule's message, or a text built once and kept), so its escaped form never
//! changes: it is escaped the first time a thread writes it and copied as a raw JSON fragment
//! afterwards. The output is byte for byte what serde_json writes for the string.
//!
//! The raw form is used only while [`crate::api`] encodes with serde_json (a flag set for the
//! duration of the call): any other serializer (`serde_json::to_value`, a user's YAML, …) gets
//! the plain string.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::thread::LocalKey;

use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

#[cfg(feature = "encode-cache")]
pub(crate) mod entries;

/// At most this many texts are kept per thread: the library has a few hundred fixed texts; the
/// cap only bounds a caller that leaks texts of its own into `Cow::Borrowed`.
const MAX_CACHED: usize = 4096;

thread_local! {
    /// Set while [`with_raw_texts`] runs a serde_json encoder on this thread.
    static RAW_OK: Cell<bool> = const { Cell::new(false) };
    /// A fixed text's address and length → its JSON form (quotes included).
    static ESCAPED: RefCell<FastMap<(usize, usize), Box<RawValue>>> =
        RefCell::new(FastMap::default());
}

/// A map keyed by the library's own fixed data (addresses of its texts, its rule ids), hashed
/// with FxHash's step: no need for SipHash's resistance to chosen keys, and a fifth of its cost.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// FxHash (rustc's hasher): a word at a time, rotate, xor, multiply.
#[derive(Default)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.write_u64(u64::from(b));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        // FxHash's step: rotate, xor, multiply by a large odd constant.
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Restores the flag when the encoder returns or unwinds.
struct Reset(bool);

impl Drop for Reset {
    fn drop(&mut self) {
        RAW_OK.with(|f| f.set(self.0));
    }
}

/// Run `encode` (a serde_json serializer writing compact JSON) with fixed texts written from
/// their escaped form.
pub(crate) fn with_raw_texts<R>(encode: impl FnOnce() -> R) -> R {
    let _reset = Reset(RAW_OK.with(|f| f.replace(true)));
    encode()
}

/// Write a fixed text: from its escaped form inside [`with_raw_texts`], else as a string.
pub(crate) fn write_static<S: Serializer>(text: &'static str, s: S) -> Result<S::Ok, S::Error> {
    write_kept(
        &ESCAPED,
        Some((text.as_ptr() as usize, text.len())),
        text,
        s,
    )
}

/// Write `value` inside [`with_raw_texts`] from the JSON `cache` keeps for `key`, written by
/// serde_json on first use (so the bytes are those the plain path writes) and kept while the
/// cache holds fewer than [`MAX_CACHED`]; without a key, outside the encoder, or when it cannot
/// be kept, `value` is written as usual. Fixed texts and fixed entries (`entries`, with the
/// `encode-cache` feature) share it.
fn write_kept<K, T, S>(
    cache: &'static LocalKey<RefCell<FastMap<K, Box<RawValue>>>>,
    key: Option<K>,
    value: &T,
    s: S,
) -> Result<S::Ok, S::Error>
where
    K: Hash + Eq,
    T: Serialize + ?Sized,
    S: Serializer,
{
    let Some(key) = key.filter(|_| RAW_OK.with(Cell::get)) else {
        return value.serialize(s);
    };
    cache.with(|c| {
        let mut cache = c.borrow_mut();
        if let Some(raw) = cache.get(&key) {
            return raw.serialize(s);
        }
        if cache.len() < MAX_CACHED {
            if let Ok(raw) = serde_json::value::to_raw_value(value) {
                return cache.entry(key).or_insert(raw).serialize(s);
            }
        }
        value.serialize(s)
    })
}

/// A field's `serialize_with` for a text that is fixed when borrowed (`Cow<'static, str>`).
// The `Cow` itself is the point: only its borrowed (static) form may be kept by address.
#[allow(clippy::ptr_arg)]
pub(crate) fn text<S: Serializer>(text: &Cow<'static, str>, s: S) -> Result<S::Ok, S::Error> {
    match text {
        Cow::Borrowed(t) => write_static(t, s),
        Cow::Owned(t) => s.serialize_str(t),
    }
}

/// A field's `serialize_with` for a fixed text (`&'static str`).
pub(crate) fn static_text<S: Serializer>(text: &&'static str, s: S) -> Result<S::Ok, S::Error> {
    write_static(text, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Texts {
        #[serde(serialize_with = "text")]
        cow: Cow<'static, str>,
        #[serde(serialize_with = "static_text")]
        fixed: &'static str,
    }

    const HARD: &str = "引用\"と\\と\n改行、\u{1}制御文字、タブ\tと emoji 🙂 and </script>";

    #[test]
    fn raw_texts_are_the_bytes_serde_json_writes() {
        let v = Texts {
            cow: Cow::Borrowed(HARD),
            fixed: HARD,
        };
        let plain = format!(
            r#"{{"cow":{0},"fixed":{0}}}"#,
            serde_json::to_string(HARD).unwrap()
        ); // ok: test
           // Twice: the first call escapes and keeps, the second copies what was kept.
        for _ in 0..2 {
            let raw = with_raw_texts(|| serde_json::to_string(&v)).unwrap(); // ok: test
            assert_eq!(raw, plain);
        }
        // An owned text is escaped as usual.
        let owned = Texts {
            cow: Cow::Owned(HARD.to_owned()),
            fixed: HARD,
        };
        assert_eq!(
            with_raw_texts(|| serde_json::to_string(&owned)).unwrap(),
            plain
        ); // ok: test
    }

    #[test]
    fn other_serializers_get_plain_strings() {
        let v = Texts {
            cow: Cow::Borrowed(HARD),
            fixed: HARD,
        };
        // Warm the cache, then serialize outside `with_raw_texts`.
        let _ = with_raw_texts(|| serde_json::to_string(&v));
        let value = serde_json::to_value(&v).unwrap(); // ok: test
        assert_eq!(value["cow"], HARD);
        assert_eq!(value["fixed"], HARD);
        // The flag is reset after the encoder returns.
        assert!(!RAW_OK.with(Cell::get));
    }
}
