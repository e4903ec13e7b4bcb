//! Cases held as Arrow structs (a pyarrow Table with one column per `Case` field, or a `case`
//! column of structs) as JSON text: a row is written as the text Python would have made of it
//! (`Table.to_pylist()` then `json.dumps` without the nulls) and then read by the core exactly
//! as `route` reads JSON, so a bad row gets the core's own errors, word for word, with their
//! JSON pointers. Good rows do not come here: `arrow_de` reads them straight into `Case`; this
//! is the way for the rows it does not read, and the definition of what it must read alike.
//!
//! A null struct field is an absent key (Arrow gives every row every field; JSON input leaves
//! out what it does not state); a null inside a list stays `null`, as in Python's rows.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type,
    UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrowPrimitiveType, StructArray};
use arrow_schema::DataType;
use chrono::NaiveDate;

/// Whether every value of this type can be written here; a table with any other type
/// (timestamps, dictionaries, maps …) is read through Python rows instead.
pub fn supported(t: &DataType) -> bool {
    supported_within(t, MAX_DEPTH)
}

/// The deepest nesting of types read natively (a case nests four deep); deeper goes through
/// Python, which has its own limits, so no producer can make this code recurse without end.
const MAX_DEPTH: usize = 32;

fn supported_within(t: &DataType, depth: usize) -> bool {
    use DataType as D;
    if depth == 0 {
        return false;
    }
    let supported = |t: &DataType| supported_within(t, depth - 1);
    match t {
        D::Null | D::Boolean | D::Utf8 | D::LargeUtf8 | D::Utf8View | D::Date32 | D::Date64 => true,
        D::Int8 | D::Int16 | D::Int32 | D::Int64 => true,
        D::UInt8 | D::UInt16 | D::UInt32 | D::UInt64 => true,
        D::Float32 | D::Float64 => true,
        D::List(f) | D::LargeList(f) => supported(f.data_type()),
        D::Struct(fields) => {
            // A name twice would be one key in Python's dict but two in JSON text.
            let mut names: Vec<&str> = fields.iter().map(|f| f.name().as_str()).collect();
            names.sort_unstable();
            names.windows(2).all(|w| w[0] != w[1])
                && fields.iter().all(|f| supported(f.data_type()))
        }
        _ => false,
    }
}

/// Why a row has no JSON form (Python's `json.dumps` refuses it with these words).
pub type NotJson = String;

/// The JSON text of row `i` of `rows` (a struct array whose fields are the case's fields), or
/// `None` for a null row (read as JSON null, as a missing case is).
pub fn row(rows: &StructArray, i: usize) -> Result<Option<String>, NotJson> {
    if rows.is_null(i) {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(256);
    write_struct(rows, i, &mut out)?;
    // Every piece written is UTF-8 (Arrow strings are validated on import).
    String::from_utf8(out)
        .map(Some)
        .map_err(|_| "not UTF-8 text".to_owned())
}

fn write_struct(s: &StructArray, i: usize, out: &mut Vec<u8>) -> Result<(), NotJson> {
    out.push(b'{');
    let mut first = true;
    for (field, col) in s.fields().iter().zip(s.columns()) {
        if col.is_null(i) {
            continue;
        }
        if !first {
            out.push(b',');
        }
        first = false;
        text(field.name(), out);
        out.push(b':');
        value(col.as_ref(), i, out)?;
    }
    out.push(b'}');
    Ok(())
}

fn text(s: &str, out: &mut Vec<u8>) {
    // Writing a &str into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
}

fn int<T: ArrowPrimitiveType>(a: &dyn Array, i: usize, out: &mut Vec<u8>)
where
    T::Native: serde::Serialize,
{
    let _ = serde_json::to_writer(&mut *out, &a.as_primitive::<T>().value(i));
}

fn float(v: f64, out: &mut Vec<u8>) -> Result<(), NotJson> {
    if !v.is_finite() {
        // Python's words (3.11; later versions append the value).
        return Err("Out of range float values are not JSON compliant".to_owned());
    }
    let _ = serde_json::to_writer(&mut *out, &v);
    Ok(())
}

fn date(d: Option<NaiveDate>, out: &mut Vec<u8>) -> Result<(), NotJson> {
    match d {
        Some(d) => {
            crate::arrow_de::with_iso(d, |t| text(t, out));
            Ok(())
        }
        None => Err("date value out of range".to_owned()),
    }
}

/// The JSON value at slot `i` of `a` (the types `supported` admits).
fn value(a: &dyn Array, i: usize, out: &mut Vec<u8>) -> Result<(), NotJson> {
    use DataType as D;
    if a.is_null(i) {
        out.extend_from_slice(b"null");
        return Ok(());
    }
    match a.data_type() {
        D::Null => out.extend_from_slice(b"null"),
        D::Boolean => out.extend_from_slice(if a.as_boolean().value(i) {
            b"true"
        } else {
            b"false"
        }),
        D::Int8 => int::<Int8Type>(a, i, out),
        D::Int16 => int::<Int16Type>(a, i, out),
        D::Int32 => int::<Int32Type>(a, i, out),
        D::Int64 => int::<Int64Type>(a, i, out),
        D::UInt8 => int::<UInt8Type>(a, i, out),
        D::UInt16 => int::<UInt16Type>(a, i, out),
        D::UInt32 => int::<UInt32Type>(a, i, out),
        D::UInt64 => int::<UInt64Type>(a, i, out),
        D::Float32 => float(f64::from(a.as_primitive::<Float32Type>().value(i)), out)?,
        D::Float64 => float(a.as_primitive::<Float64Type>().value(i), out)?,
        D::Utf8 => text(a.as_string::<i32>().value(i), out),
        D::LargeUtf8 => text(a.as_string::<i64>().value(i), out),
        D::Utf8View => text(a.as_string_view().value(i), out),
        // Python gives a `datetime.date`, which the package writes in ISO form.
        D::Date32 => {
            let days = a.as_primitive::<Date32Type>().value(i);
            date(
                NaiveDate::from_ymd_opt(1970, 1, 1)
                    .and_then(|e| e.checked_add_signed(chrono::Duration::days(days.into()))),
                out,
            )?
        }
        D::Date64 => {
            let ms = a.as_primitive::<Date64Type>().value(i);
            date(
                NaiveDate::from_ymd_opt(1970, 1, 1).and_then(|e| {
                    e.checked_add_signed(chrono::Duration::days(ms.div_euclid(86_400_000)))
                }),
                out,
            )?
        }
        D::List(_) => list(a.as_list::<i32>().value(i).as_ref(), out)?,
        D::LargeList(_) => list(a.as_list::<i64>().value(i).as_ref(), out)?,
        D::Struct(_) => write_struct(a.as_struct(), i, out)?,
        other => return Err(format!("Arrow type {other} is not read natively")),
    }
    Ok(())
}

fn list(items: &dyn Array, out: &mut Vec<u8>) -> Result<(), NotJson> {
    out.push(b'[');
    for k in 0..items.len() {
        if k > 0 {
            out.push(b',');
        }
        value(items, k, out)?;
    }
    out.push(b']');
    Ok(())
}
