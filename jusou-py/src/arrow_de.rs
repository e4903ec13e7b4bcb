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
use arrow_array::{Array, OffsetSizeTrait, StructArray};
use arrow_schema::DataType;
use chrono::NaiveDate;
use jusou_core::case::Case;
use jusou_core::limits;
use jusou_core::routing::Detail;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::{arrow_json, internal_errors, route_item, Outcome};

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

/// Route row `i` of `rows` (one row per case) exactly as `route` would route its JSON text: read
/// into a `Case` here when it reads, else through `arrow_json::row` and the core's decode. The
/// decision is brief (no why-not): the Arrow columns do not carry it.
pub fn route_row(ov: &jusou_core::Engine, rows: &StructArray, i: usize) -> Outcome {
    if !rows.is_null(i) {
        let used = Cell::new(0);
        if let Ok(case) = Case::deserialize(ArrowDe {
            array: rows,
            row: i,
            depth: 0,
            used: &used,
        }) {
            return std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                ov.route_case_with(case, Detail::Brief)
            }))
            .unwrap_or_else(|_| Err(internal_errors()));
        }
    }
    match arrow_json::row(rows, i) {
        Ok(text) => route_item(ov, text.as_deref(), Detail::Brief),
        Err(why) => Err(jusou_core::api::not_json(&why).into()),
    }
}

/// `d` as `YYYY-MM-DD` (what chrono's `%Y-%m-%d` and `Display` write for years 0–9999).
pub fn iso(d: NaiveDate) -> Option<[u8; 10]> {
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

/// The value at slot `row` of `array`, as a serde input.
struct ArrowDe<'de> {
    array: &'de dyn Array,
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
        match iso(d) {
            // Years 0–9999 written on the stack: no String per date.
            Some(buf) => v.visit_str(std::str::from_utf8(&buf).map_err(|_| Unread)?),
            None => v.visit_string(d.format("%Y-%m-%d").to_string()),
        }
    }

    fn list<O: OffsetSizeTrait, V: Visitor<'de>>(&self, v: V) -> Result<V::Value, Unread> {
        let list = self.array.as_list::<O>();
        let offsets = list.value_offsets();
        let start = offsets
            .get(self.row)
            .and_then(|o| o.to_usize())
            .ok_or(Unread)?;
        let end = offsets
            .get(self.row + 1)
            .and_then(|o| o.to_usize())
            .ok_or(Unread)?;
        // The core's array limit, counted as its scan counts (items, not bytes).
        if end < start || end - start >= limits::MAX_ARRAY_ITEMS || end > list.values().len() {
            return Err(Unread);
        }
        v.visit_seq(Seq {
            values: list.values().as_ref(),
            next: start,
            end,
            depth: self.depth + 1,
            used: self.used,
        })
    }

    fn number<V: Visitor<'de>>(&self, x: i64, v: V) -> Result<V::Value, Unread> {
        self.spend(0)?;
        // serde_json reads a number without a sign as u64, a negative one as i64.
        match u64::try_from(x) {
            Ok(u) => v.visit_u64(u),
            Err(_) => v.visit_i64(x),
        }
    }

    fn float<V: Visitor<'de>>(&self, x: f64, v: V) -> Result<V::Value, Unread> {
        self.spend(0)?;
        if !x.is_finite() {
            return Err(Unread);
        }
        v.visit_f64(x)
    }
}

impl<'de> de::Deserializer<'de> for ArrowDe<'de> {
    type Error = Unread;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unread> {
        use DataType as D;
        if self.depth > MAX_DEPTH {
            return Err(Unread);
        }
        let (a, i) = (self.array, self.row);
        if i >= a.len() {
            return Err(Unread);
        }
        // The same test `arrow_json` writes `null` on.
        if a.is_null(i) {
            self.spend(0)?;
            return v.visit_unit();
        }
        match a.data_type() {
            D::Null => {
                self.spend(0)?;
                v.visit_unit()
            }
            D::Boolean => {
                self.spend(0)?;
                v.visit_bool(a.as_boolean().value(i))
            }
            D::Int8 => self.number(i64::from(a.as_primitive::<Int8Type>().value(i)), v),
            D::Int16 => self.number(i64::from(a.as_primitive::<Int16Type>().value(i)), v),
            D::Int32 => self.number(i64::from(a.as_primitive::<Int32Type>().value(i)), v),
            D::Int64 => self.number(a.as_primitive::<Int64Type>().value(i), v),
            D::UInt8 => self.number(i64::from(a.as_primitive::<UInt8Type>().value(i)), v),
            D::UInt16 => self.number(i64::from(a.as_primitive::<UInt16Type>().value(i)), v),
            D::UInt32 => self.number(i64::from(a.as_primitive::<UInt32Type>().value(i)), v),
            D::UInt64 => {
                self.spend(0)?;
                v.visit_u64(a.as_primitive::<UInt64Type>().value(i))
            }
            D::Float32 => self.float(f64::from(a.as_primitive::<Float32Type>().value(i)), v),
            D::Float64 => self.float(a.as_primitive::<Float64Type>().value(i), v),
            D::Utf8 => self.text(a.as_string::<i32>().value(i), v),
            D::LargeUtf8 => self.text(a.as_string::<i64>().value(i), v),
            D::Utf8View => self.text(a.as_string_view().value(i), v),
            D::Date32 => {
                let days = a.as_primitive::<Date32Type>().value(i);
                self.date(
                    NaiveDate::from_ymd_opt(1970, 1, 1)
                        .and_then(|e| e.checked_add_signed(chrono::Duration::days(days.into()))),
                    v,
                )
            }
            D::Date64 => {
                let ms = a.as_primitive::<Date64Type>().value(i);
                self.date(
                    NaiveDate::from_ymd_opt(1970, 1, 1).and_then(|e| {
                        e.checked_add_signed(chrono::Duration::days(ms.div_euclid(86_400_000)))
                    }),
                    v,
                )
            }
            D::List(_) => self.list::<i32, V>(v),
            D::LargeList(_) => self.list::<i64, V>(v),
            D::Struct(_) => {
                self.spend(0)?;
                v.visit_map(Map {
                    rows: a.as_struct(),
                    row: i,
                    next: 0,
                    depth: self.depth + 1,
                    used: self.used,
                })
            }
            _ => Err(Unread),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unread> {
        let (a, i) = (self.array, self.row);
        if i < a.len() && (a.is_null(i) || matches!(a.data_type(), DataType::Null)) {
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
        let (a, i) = (self.array, self.row);
        if i >= a.len() || a.is_null(i) {
            return Err(Unread);
        }
        let s = match a.data_type() {
            DataType::Utf8 => a.as_string::<i32>().value(i),
            DataType::LargeUtf8 => a.as_string::<i64>().value(i),
            DataType::Utf8View => a.as_string_view().value(i),
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
    rows: &'de StructArray,
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
        let fields = self.rows.fields();
        let columns = self.rows.columns();
        while let (Some(field), Some(col)) = (fields.get(self.next), columns.get(self.next)) {
            if self.row < col.len() && col.is_null(self.row) {
                self.next += 1;
                continue;
            }
            let name = field.name().as_str();
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
        let col = self.rows.columns().get(self.next).ok_or(Unread)?;
        self.next += 1;
        seed.deserialize(ArrowDe {
            array: col.as_ref(),
            row: self.row,
            depth: self.depth,
            used: self.used,
        })
    }
}

/// The items of one list row.
struct Seq<'de> {
    values: &'de dyn Array,
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
            array: self.values,
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
