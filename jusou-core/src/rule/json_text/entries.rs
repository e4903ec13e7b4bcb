//! Whole entries of a decision's lists written from JSON kept per thread (the `encode-cache`
//! feature; the WASM build leaves it out).
//!
//! After [`super::write_static`], escaping was still half of encoding a routing decision: every
//! reason, why-not and pending entry wrote its field names, rule id and citation through
//! serde_json's byte-by-byte escaper (132 keys for the 新座市 model case). An entry of a library
//! rule — its id and texts all `&'static` — depends only on fixed data, so its whole JSON object
//! (serde_json's own output of the entry's derived `Serialize`) is written once per thread and
//! copied afterwards, keyed by the addresses of its texts and its enum values. Entries that name
//! a case's members or a municipality's criterion (owned texts) are written as before.

use std::borrow::Cow;
use std::cell::RefCell;

use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use super::{write_kept, FastMap};

/// What identifies an entry made only of fixed data: which type it is, its other fixed fields
/// (enum values, a fixed text's address), then the addresses and lengths of its rule id,
/// citation and ja/en texts.
pub(crate) type FixedKey = [usize; 12];

thread_local! {
    /// A fixed entry's key → its JSON form.
    static ENTRIES: RefCell<FastMap<FixedKey, Box<RawValue>>> =
        RefCell::new(FastMap::default());
}

/// An entry of a decision's list whose JSON may depend only on fixed data.
pub(crate) trait FixedEntry: Serialize {
    /// Its key when every text of it is fixed, else `None`.
    fn fixed_key(&self) -> Option<FixedKey>;
}

/// A text that may be fixed: its address and length when it is (a `&'static str`, a borrowed
/// `Cow<'static, str>`), `None` when it is owned (it names a case's particulars).
pub(crate) trait FixedText {
    /// The address and length of the fixed text.
    fn addr(&self) -> Option<[usize; 2]>;
}

impl FixedText for &'static str {
    fn addr(&self) -> Option<[usize; 2]> {
        Some([self.as_ptr() as usize, self.len()])
    }
}

impl FixedText for Cow<'static, str> {
    fn addr(&self) -> Option<[usize; 2]> {
        match self {
            Cow::Borrowed(t) => t.addr(),
            Cow::Owned(_) => None,
        }
    }
}

/// The key of an entry made of a rule's id, citation and ja/en texts: `tag` says which type,
/// `values` are its other fixed fields. `None` when the id or a text is owned.
pub(crate) fn rule_entry_key(
    tag: usize,
    values: [usize; 3],
    rule: &impl FixedText,
    citation: Option<&'static str>,
    ja: &impl FixedText,
    en: &impl FixedText,
) -> Option<FixedKey> {
    let (r, ja, en) = (rule.addr()?, ja.addr()?, en.addr()?);
    let c = citation.and_then(|c| c.addr()).unwrap_or([0, 0]);
    let [v0, v1, v2] = values;
    Some([
        tag, v0, v1, v2, r[0], r[1], c[0], c[1], ja[0], ja[1], en[0], en[1],
    ])
}

/// A list field's `serialize_with`: each entry of a library rule from its JSON kept per thread
/// (inside [`super::with_raw_texts`]), the others as usual.
pub(crate) fn cached<S: Serializer, T: FixedEntry>(items: &[T], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(items.len()))?;
    for item in items {
        seq.serialize_element(&Cached(item))?;
    }
    seq.end()
}

struct Cached<'a, T>(&'a T);

impl<T: FixedEntry> Serialize for Cached<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        write_kept(&ENTRIES, self.0.fixed_key(), self.0, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routing::{Outcome, Question, WhyNot};
    use crate::rule::json_text::with_raw_texts;
    use crate::rule::Finding;

    const HARD: &str = "引用\"と\\と\n改行、\u{1}制御文字 🙂 </script>";

    #[derive(Serialize)]
    struct Lists {
        #[serde(serialize_with = "cached")]
        findings: Vec<Finding>,
        #[serde(serialize_with = "cached")]
        why_not: Vec<WhyNot>,
    }

    #[derive(Serialize)]
    struct Plain {
        findings: Vec<Finding>,
        why_not: Vec<WhyNot>,
    }

    /// Entries of library rules written from the cache (the second call), owned ones and the
    /// plain encoder all give the same bytes.
    #[test]
    fn cached_entries_are_the_bytes_serde_json_writes() {
        let fixed = Finding {
            rule: Cow::Borrowed("R-TEST"),
            citation: Some(HARD),
            message_ja: Cow::Borrowed(HARD),
            message_en: Cow::Borrowed("plain"),
        };
        let owned = Finding {
            message_en: Cow::Owned("owned".into()),
            ..fixed.clone()
        };
        let why = WhyNot {
            question: Question::Outreach,
            rule: Cow::Borrowed("R-TEST"),
            citation: None,
            outcome: Outcome::Pending,
            message_ja: Cow::Borrowed(HARD),
            message_en: Cow::Borrowed(HARD),
        };
        assert!(fixed.fixed_key().is_some() && why.fixed_key().is_some());
        assert!(owned.fixed_key().is_none());
        let (findings, why_not) = (vec![fixed, owned], vec![why]);
        let want = serde_json::to_string(&Plain {
            findings: findings.clone(),
            why_not: why_not.clone(),
        })
        .unwrap(); // ok: test
        let lists = Lists { findings, why_not };
        for _ in 0..2 {
            assert_eq!(
                with_raw_texts(|| serde_json::to_string(&lists)).unwrap(),
                want
            ); // ok: test
        }
        // Outside the core's encoder nothing is taken from the cache.
        assert_eq!(serde_json::to_string(&lists).unwrap(), want); // ok: test
    }
}
