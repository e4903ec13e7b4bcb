//! A serde `Deserializer` over Python objects, so that a list of dicts is read into `Case`s
//! without first being written out as JSON text. It reads exactly the values `json.dumps`
//! writes the same way (dict with str keys, list, tuple, str, int, finite float, bool, None) and
//! fails on anything else; a case that fails here is handed to `json.dumps` and read from text,
//! so its errors are word for word those of `route`.
//!
//! Why not the `pythonize` crate (0.30, for pyo3 0.30), measured in issue #18: it reads a Python
//! value more loosely than JSON does (`1` or `"yes"` as `true`, `True` as an age, sets and any
//! Sequence or Mapping), so a dict would route where its JSON text is refused; it has no depth
//! limit, so a recursive list inside an internally tagged enum (a consent's `form`) overflows the
//! stack and kills the interpreter (SIGSEGV); and on `make bench-py` (`BENCH_N=20000`) its list
//! path took 137–167 µs per case against 85–97 µs here. See docs/DECISIONS.md.

use std::fmt;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};

/// How deep a case may nest: the core's limit (a cycle fails here, then `json.dumps` reports it).
const MAX_DEPTH: usize = jusou_core::limits::MAX_DEPTH;

/// A string longer than this goes through `json.dumps` and the core's JSON reading: escaped, it
/// could pass the core's string limit (`MAX_STRING_BYTES` of JSON text; a byte escapes to at most
/// six), which `route` applies to the text (`limits::scan`). Without this a list of dicts routed
/// a case whose id was 5,000 characters long while `route` refused it (JUSOU-E-LIMIT-003).
const MAX_RAW_STRING: usize = jusou_core::limits::MAX_STRING_BYTES / 6;

thread_local! {
    /// An upper bound on the JSON text of the item being read (six bytes per byte of text, 32 per
    /// value): past the core's input limit the item goes through its JSON text and that limit.
    /// Reset when a top-level item starts (`PyDe::new` at depth 0); reading holds the GIL, one
    /// item at a time per thread.
    static BUDGET: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn spend(bytes: usize) -> Result<(), Unread> {
    BUDGET.with(|b| {
        let used = b
            .get()
            .saturating_add(bytes.saturating_mul(6))
            .saturating_add(32);
        b.set(used);
        if used > jusou_core::limits::MAX_INPUT_BYTES {
            Err(unread())
        } else {
            Ok(())
        }
    })
}

/// Why a value was not read; the caller then falls back to JSON text.
#[derive(Debug)]
pub struct Unread(String);

impl fmt::Display for Unread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unread {}

impl de::Error for Unread {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Unread(msg.to_string())
    }
}

fn unread() -> Unread {
    Unread("not a JSON value".to_owned())
}

/// A Python object as a serde input.
pub struct PyDe<'a, 'py> {
    obj: &'a Bound<'py, PyAny>,
    depth: usize,
    nulls_absent: bool,
}

impl<'a, 'py> PyDe<'a, 'py> {
    /// Read `obj` (at nesting `depth`). With `nulls_absent`, a dict entry whose value is None
    /// reads as if the key were absent (how Arrow structs say "not given").
    pub fn new(obj: &'a Bound<'py, PyAny>, depth: usize, nulls_absent: bool) -> Self {
        if depth == 0 {
            BUDGET.with(|b| b.set(0));
        }
        PyDe {
            obj,
            depth,
            nulls_absent,
        }
    }
}

impl<'de> de::Deserializer<'de> for PyDe<'_, '_> {
    type Error = Unread;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unread> {
        let o = self.obj;
        if self.depth > MAX_DEPTH {
            return Err(unread());
        }
        spend(0)?;
        if o.is_none() {
            return v.visit_unit();
        }
        if let Ok(b) = o.cast::<PyBool>() {
            return v.visit_bool(b.is_true());
        }
        if let Ok(s) = o.cast::<PyString>() {
            let text = s.to_cow().map_err(|_| unread())?;
            if text.len() > MAX_RAW_STRING {
                return Err(unread());
            }
            spend(text.len())?;
            return v.visit_str(&text);
        }
        if o.cast::<PyInt>().is_ok() {
            if let Ok(i) = o.extract::<i64>() {
                return v.visit_i64(i);
            }
            return match o.extract::<u64>() {
                Ok(u) => v.visit_u64(u),
                Err(_) => Err(unread()),
            };
        }
        if let Ok(f) = o.cast::<PyFloat>() {
            let x = f.value();
            return if x.is_finite() {
                v.visit_f64(x)
            } else {
                Err(unread())
            };
        }
        if let Ok(d) = o.cast::<PyDict>() {
            let items: Vec<(Bound<'_, PyAny>, Bound<'_, PyAny>)> = d
                .iter()
                .filter(|(_, value)| !(self.nulls_absent && value.is_none()))
                .collect();
            return v.visit_map(Map {
                items: items.into_iter(),
                value: None,
                depth: self.depth + 1,
                nulls_absent: self.nulls_absent,
            });
        }
        let items: Vec<Bound<'_, PyAny>> = if let Ok(l) = o.cast::<PyList>() {
            l.iter().collect()
        } else if let Ok(t) = o.cast::<PyTuple>() {
            t.iter().collect()
        } else {
            return Err(unread());
        };
        // The core's array limit, counted as its scan counts.
        if items.len() >= jusou_core::limits::MAX_ARRAY_ITEMS {
            return Err(unread());
        }
        v.visit_seq(Seq {
            items: items.into_iter(),
            depth: self.depth + 1,
            nulls_absent: self.nulls_absent,
        })
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unread> {
        if self.obj.is_none() {
            v.visit_none()
        } else {
            v.visit_some(self)
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Unread> {
        // Only unit variants written as strings (the only enums a Case holds as enums).
        let s = self.obj.cast::<PyString>().map_err(|_| unread())?;
        let text = s.to_cow().map_err(|_| unread())?.into_owned();
        if text.len() > MAX_RAW_STRING {
            return Err(unread());
        }
        spend(text.len())?;
        v.visit_enum(text.into_deserializer())
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, Unread> {
        v.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

struct Map<'py> {
    items: std::vec::IntoIter<(Bound<'py, PyAny>, Bound<'py, PyAny>)>,
    value: Option<Bound<'py, PyAny>>,
    depth: usize,
    nulls_absent: bool,
}

impl<'de> MapAccess<'de> for Map<'_> {
    type Error = Unread;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Unread> {
        match self.items.next() {
            None => Ok(None),
            Some((k, v)) => {
                if !k.is_instance_of::<PyString>() {
                    return Err(unread());
                }
                self.value = Some(v);
                seed.deserialize(PyDe::new(&k, self.depth, self.nulls_absent))
                    .map(Some)
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Unread> {
        let v = self.value.take().ok_or_else(unread)?;
        seed.deserialize(PyDe::new(&v, self.depth, self.nulls_absent))
    }
}

struct Seq<'py> {
    items: std::vec::IntoIter<Bound<'py, PyAny>>,
    depth: usize,
    nulls_absent: bool,
}

impl<'de> SeqAccess<'de> for Seq<'_> {
    type Error = Unread;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Unread> {
        match self.items.next() {
            None => Ok(None),
            Some(v) => seed
                .deserialize(PyDe::new(&v, self.depth, self.nulls_absent))
                .map(Some),
        }
    }
}
