//! A serde `Deserializer` over one row of Arrow struct and list columns, so that a case held as
//! Arrow structs is read straight into the core's `Case` — no JSON text, no Python object.
//!
//! It hands serde exactly the values the JSON text of the row (`arrow_json::row`, what
//! `Table.to_pylist()` and `json.dumps` would make of it) hands `serde_json`: the same keys (a
//! null struct field is an absent key; a null inside a list stays null), integers as `u64` when
//! not negative and `i64` otherwise (as serde_json parses them), floats as `f64`, dates as ISO
//! text. So a row that reads here is the `Case` the JSON path would decode. A row that does not
//! read here — any error, a non-finite float, a date out of range, or a size the core's input
//! limits (`jusou_core::limits::scan`) might refuse — is written as JSON text and read by the
//! core exactly as `route` reads JSON (`route_row`), so its errors are word for word the core's,
//! with their JSON pointers. Only good rows take the fast way; bad rows cost what they did.

use std::cell::Cell;
use std::fmt;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type,
    UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{
    Array, BooleanArray, LargeStringArray, OffsetSizeTrait, StringArray, StringViewArray,
    StructArray,
};
use arrow_buffer::NullBuffer;
use arrow_schema::DataType;
use chrono::NaiveDate;
use jusou_core::case::Case;
use jusou_core::limits;
use jusou_core::routing::Detail;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::{arrow_json, caught, route_item, Outcome};

/// Why a row was not read here; the caller then reads its JSON text instead.
#[derive(Debug)]
pub struct Unread;

impl fmt::Display for Unread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not read from Arrow directly")
    }
}

impl std::error::Error for Unread {}

impl de::Error for Unread {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        Unread
    }
}

/// Nesting read here, below the core's depth limit (a row nested deeper goes through the JSON
/// text, whose scan gives the core's depth error).
const MAX_DEPTH: usize = limits::MAX_DEPTH - 2;

/// A string longer than this goes through JSON text: escaped, it could pass the core's string
/// limit (`MAX_STRING_BYTES` of JSON text; one byte escapes to at most six).
const MAX_RAW_STRING: usize = limits::MAX_STRING_BYTES / 6;

/// An upper bound on the bytes of the row's JSON text above which it goes through that text
/// (and the core's size limit): counted as six bytes per byte of text plus 32 per value.
const MAX_BUDGET: usize = limits::MAX_INPUT_BYTES;

/// Route row `i` of `rows` (one row per case; `col` its reader, [`Col::new`] of `rows`) exactly
/// as `route` would route its JSON text: read into a `Case` here when it reads, else through
/// `arrow_json::row` and the core's decode. The decision is brief (no why-not): the Arrow
/// columns do not carry it.
pub fn route_row(ov: &jusou_core::Engine, rows: &StructArray, col: &Col<'_>, i: usize) -> Outcome {
    if !rows.is_null(i) {
        let used = Cell::new(0);
        if let Ok(case) = Case::deserialize(ArrowDe {
            col,
            row: i,
            depth: 0,
            used: &used,
        }) {
            return caught(|| ov.route_case_with(case, Detail::Brief));
        }
    }
    match arrow_json::row(rows, i) {
        Ok(text) => route_item(ov, text.as_deref()),
        Err(why) => Err(jusou_core::api::not_json(&why).into()),
    }
}

/// `f` of `d` as `YYYY-MM-DD`, as chrono's `Display` writes it: on the stack for years 0–9999
/// (no String per date or row), else chrono's own text.
pub fn with_iso<R>(d: NaiveDate, f: impl FnOnce(&str) -> R) -> R {
    match iso(d).as_ref().and_then(|b| std::str::from_utf8(b).ok()) {
        Some(text) => f(text),
        None => f(&d.to_string()),
    }
}

/// `d` as `YYYY-MM-DD` in ASCII, for years 0–9999.
fn iso(d: NaiveDate) -> Option<[u8; 10]> {
    use chrono::Datelike;
    let y = u32::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let (m, day) = (d.month(), d.day());
    Some([
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ])
}

/// An Arrow array as read here: its type resolved once per batch into typed slices and arrays,
/// so a row's values are read without a virtual call or a downcast each. Built from the same
/// arrays (`StructArray::columns`, `ListArray::values`) and answering the same questions (length,
/// physical nulls, values) as reading them through `dyn Array` would.
pub struct Col<'a> {
    len: usize,
    nulls: Option<&'a NullBuffer>,
    kind: Kind<'a>,
}

enum Kind<'a> {
    Null,
    Bool(&'a BooleanArray),
    I8(&'a [i8]),
    I16(&'a [i16]),
    I32(&'a [i32]),
    I64(&'a [i64]),
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
    U64(&'a [u64]),
    F32(&'a [f32]),
    F64(&'a [f64]),
    Utf8(&'a StringArray),
    LargeUtf8(&'a LargeStringArray),
    Utf8View(&'a StringViewArray),
    Date32(&'a [i32]),
    Date64(&'a [i64]),
    List(&'a [i32], Box<Col<'a>>),
    LargeList(&'a [i64], Box<Col<'a>>),
    Struct(Vec<&'a str>, Vec<Col<'a>>),
    /// A type not read here (the row goes through its JSON text).
    Other,
}

/// Types nested deeper than this are not resolved (`arrow_json::supported` refuses them first).
const MAX_TYPE_DEPTH: usize = 40;

impl<'a> Col<'a> {
    /// The reader of `array` (a batch's struct array of cases).
    pub fn new(array: &'a dyn Array) -> Self {
        Col::at(array, 0)
    }

    fn at(a: &'a dyn Array, depth: usize) -> Self {
        use DataType as D;
        let kind = match a.data_type() {
            _ if depth > MAX_TYPE_DEPTH => Kind::Other,
            D::Null => Kind::Null,
            D::Boolean => Kind::Bool(a.as_boolean()),
            D::Int8 => Kind::I8(a.as_primitive::<Int8Type>().values()),
            D::Int16 => Kind::I16(a.as_primitive::<Int16Type>().values()),
            D::Int32 => Kind::I32(a.as_primitive::<Int32Type>().values()),
            D::Int64 => Kind::I64(a.as_primitive::<Int64Type>().values()),
            D::UInt8 => Kind::U8(a.as_primitive::<UInt8Type>().values()),
            D::UInt16 => Kind::U16(a.as_primitive::<UInt16Type>().values()),
            D::UInt32 => Kind::U32(a.as_primitive::<UInt32Type>().values()),
            D::UInt64 => Kind::U64(a.as_primitive::<UInt64Type>().values()),
            D::Float32 => Kind::F32(a.as_primitive::<Float32Type>().values()),
            D::Float64 => Kind::F64(a.as_primitive::<Float64Type>().values()),
            D::Utf8 => Kind::Utf8(a.as_string::<i32>()),
            D::LargeUtf8 => Kind::LargeUtf8(a.as_string::<i64>()),
            D::Utf8View => Kind::Utf8View(a.as_string_view()),
            D::Date32 => Kind::Date32(a.as_primitive::<Date32Type>().values()),
            D::Date64 => Kind::Date64(a.as_primitive::<Date64Type>().values()),
            D::List(_) => {
                let l = a.as_list::<i32>();
                Kind::List(
                    l.value_offsets(),
                    Box::new(Col::at(l.values().as_ref(), depth + 1)),
                )
            }
            D::LargeList(_) => {
                let l = a.as_list::<i64>();
                Kind::LargeList(
                    l.value_offsets(),
                    Box::new(Col::at(l.values().as_ref(), depth + 1)),
                )
            }
            D::Struct(_) => {
                let s = a.as_struct();
                Kind::Struct(
                    s.fields().iter().map(|f| f.name().as_str()).collect(),
                    s.columns()
                        .iter()
                        .map(|c| Col::at(c.as_ref(), depth + 1))
                        .collect(),
                )
            }
            _ => Kind::Other,
        };
        Col {
            len: a.len(),
            nulls: a.nulls(),
            kind,
        }
    }

    /// `Array::is_null`: the physical null bits (a column of the null type has none).
    fn is_null(&self, i: usize) -> bool {
        self.nulls.is_some_and(|n| n.is_null(i))
    }
}

/// The value at slot `row` of a column, as a serde input.
struct ArrowDe<'de> {
    col: &'de Col<'de>,
    row: usize,
    depth: usize,
    used: &'de Cell<usize>,
}

impl<'de> ArrowDe<'de> {
    fn spend(&self, bytes: usize) -> Result<(), Unread> {
        let used = self
            .used
            .get()
            .saturating_add(bytes.saturating_mul(6))
            .saturating_add(32);
        self.used.set(used);
        if used > MAX_BUDGET {
            return Err(Unread);
        }
        Ok(())
    }

    fn text<V: Visitor<'de>>(&self, s: &'de str, v: V) -> Result<V::Value, Unread> {
        if s.len() > MAX_RAW_STRING {
            return Err(Unread);
        }
        self.spend(s.len())?;
        v.visit_borrowed_str(s)
    }

    fn date<V: Visitor<'de>>(&self, d: Option<NaiveDate>, v: V) -> Result<V::Value, Unread> {
        self.spend(12)?;
        // As `arrow_json` writes it (the ISO form Python's `datetime.date` gives).
        let d = d.ok_or(Unread)?;
        with_iso(d, |text| v.visit_str(text))
    }

    fn list<O: OffsetSizeTrait, V: Visitor<'de>>(
        &self,
        offsets: &[O],
        values: &'de Col<'de>,
        v: V,
    ) -> Result<V::Value, Unread> {
        let start = offsets
            .get(self.row)
            .and_then(|o| o.to_usize())
            .ok_or(Unread)?;
        let end = offsets
            .get(self.row + 1)
            .and_then(|o| o.to_usize())
            .ok_or(Unread)?;
        // The core's array limit, counted as its scan counts (items, not bytes).
        if end < start || end - start >= limits::MAX_ARRAY_ITEMS || end > values.len {
            return Err(Unread);
        }
        v.visit_seq(Seq {
            values,
            next: start,
            end,
            depth: self.depth + 1,
            used: self.used,
        })
    }

    fn number<V: Visitor<'de>>(&self, x: Option<i64>, v: V) -> Result<V::Value, Unread> {
        let x = x.ok_or(Unread)?;
        self.spend(0)?;
        // serde_json reads a number without a sign as u64, a negative one as i64.
        match u64::try_from(x) {
            Ok(u) => v.visit_u64(u),
            Err(_) => v.visit_i64(x),
        }
    }

    fn float<V: Visitor<'de>>(&self, x: Option<f64>, v: V) -> Result<V::Value, Unread> {
        let x = x.ok_or(Unread)?;
        self.spend(0)?;
        if !x.is_finite() {
            return Err(Unread);
        }
        v.visit_f64(x)
    }
}

/// Slot `i` of a typed slice, widened.
fn at<T: Copy + Into<W>, W>(values: &[T], i: usize) -> Option<W> {
    values.get(i).map(|&x| x.into())
}

impl<'de> de::Deserializer<'de> for ArrowDe<'de> {
    type Error = Unread;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unread> {
        if self.depth > MAX_DEPTH {
            return Err(Unread);
        }
        let (c, i) = (self.col, self.row);
        if i >= c.len {
            return Err(Unread);
        }
        // The same test `arrow_json` writes `null` on.
        if c.is_null(i) {
            self.spend(0)?;
            return v.visit_unit();
        }
        match &c.kind {
            Kind::Null => {
                self.spend(0)?;
                v.visit_unit()
            }
            Kind::Bool(a) => {
                self.spend(0)?;
                v.visit_bool(a.value(i))
            }
            Kind::I8(x) => self.number(at(x, i), v),
            Kind::I16(x) => self.number(at(x, i), v),
            Kind::I32(x) => self.number(at(x, i), v),
            Kind::I64(x) => self.number(at(x, i), v),
            Kind::U8(x) => self.number(at(x, i), v),
            Kind::U16(x) => self.number(at(x, i), v),
            Kind::U32(x) => self.number(at(x, i), v),
            Kind::U64(x) => {
                let x = x.get(i).copied().ok_or(Unread)?;
                self.spend(0)?;
                v.visit_u64(x)
            }
            Kind::F32(x) => self.float(at(x, i), v),
            Kind::F64(x) => self.float(at(x, i), v),
            Kind::Utf8(a) => self.text(a.value(i), v),
            Kind::LargeUtf8(a) => self.text(a.value(i), v),
            Kind::Utf8View(a) => self.text(a.value(i), v),
            Kind::Date32(x) => {
                let days = x.get(i).copied().ok_or(Unread)?;
                self.date(
                    NaiveDate::from_ymd_opt(1970, 1, 1)
                        .and_then(|e| e.checked_add_signed(chrono::Duration::days(days.into()))),
                    v,
                )
            }
            Kind::Date64(x) => {
                let ms = x.get(i).copied().ok_or(Unread)?;
                self.date(
                    NaiveDate::from_ymd_opt(1970, 1, 1).and_then(|e| {
                        e.checked_add_signed(chrono::Duration::days(ms.div_euclid(86_400_000)))
                    }),
                    v,
                )
            }
            Kind::List(offsets, values) => self.list(offsets, values, v),
            Kind::LargeList(offsets, values) => self.list(offsets, values, v),
            Kind::Struct(names, cols) => {
                self.spend(0)?;
                v.visit_map(Map {
                    names,
                    cols,
                    row: i,
                    next: 0,
                    depth: self.depth + 1,
                    used: self.used,
                })
            }
            Kind::Other => Err(Unread),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unread> {
        let (c, i) = (self.col, self.row);
        if i < c.len && (c.is_null(i) || matches!(c.kind, Kind::Null)) {
            self.spend(0)?;
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
        let (c, i) = (self.col, self.row);
        if i >= c.len || c.is_null(i) {
            return Err(Unread);
        }
        let s = match &c.kind {
            Kind::Utf8(a) => a.value(i),
            Kind::LargeUtf8(a) => a.value(i),
            Kind::Utf8View(a) => a.value(i),
            _ => return Err(Unread),
        };
        if s.len() > MAX_RAW_STRING {
            return Err(Unread);
        }
        self.spend(s.len())?;
        v.visit_enum(BorrowedStrDeserializer::new(s))
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

/// The fields of one struct row, skipping the null ones (an absent key, as in JSON input).
struct Map<'de> {
    names: &'de [&'de str],
    cols: &'de [Col<'de>],
    row: usize,
    next: usize,
    depth: usize,
    used: &'de Cell<usize>,
}

impl<'de> MapAccess<'de> for Map<'de> {
    type Error = Unread;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Unread> {
        while let (Some(&name), Some(col)) = (self.names.get(self.next), self.cols.get(self.next)) {
            if self.row < col.len && col.is_null(self.row) {
                self.next += 1;
                continue;
            }
            if name.len() > MAX_RAW_STRING {
                return Err(Unread);
            }
            let used = self
                .used
                .get()
                .saturating_add(name.len().saturating_mul(6) + 32);
            self.used.set(used);
            if used > MAX_BUDGET {
                return Err(Unread);
            }
            return seed
                .deserialize(BorrowedStrDeserializer::new(name))
                .map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Unread> {
        let col = self.cols.get(self.next).ok_or(Unread)?;
        self.next += 1;
        seed.deserialize(ArrowDe {
            col,
            row: self.row,
            depth: self.depth,
            used: self.used,
        })
    }
}

/// The items of one list row.
struct Seq<'de> {
    values: &'de Col<'de>,
    next: usize,
    end: usize,
    depth: usize,
    used: &'de Cell<usize>,
}

impl<'de> SeqAccess<'de> for Seq<'de> {
    type Error = Unread;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Unread> {
        if self.next >= self.end {
            return Ok(None);
        }
        let row = self.next;
        self.next += 1;
        seed.deserialize(ArrowDe {
            col: self.values,
            row,
            depth: self.depth,
            used: self.used,
        })
        .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.end - self.next)
    }
}
