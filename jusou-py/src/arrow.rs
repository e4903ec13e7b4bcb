//! Arrow input through the Arrow PyCapsule interface: an object with `__arrow_c_stream__` (a
//! pyarrow `ChunkedArray`, a `Table` column, any Arrow-speaking library's column) or
//! `__arrow_c_array__` (a pyarrow `Array`) hands over its data as capsules named by the Arrow
//! C data interface, which this module imports with arrow-rs's FFI. No address ever crosses as
//! an integer, so no Python value can make this code read memory it does not own; the data is
//! then read with bounds checks, so even a malformed producer gives an error, not a crash.

use arrow_array::ffi::{from_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::ffi_stream::{ArrayStreamReader, FFI_ArrowArrayStream};
use arrow_data::ArrayData;
use arrow_schema::DataType;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods};

fn arrow_error(e: arrow_schema::ArrowError) -> PyErr {
    PyValueError::new_err(format!("Arrow data could not be read: {e}"))
}

/// The arrays of an Arrow object (the chunks of a stream, or the one array), imported without
/// copying their buffers.
pub fn arrays(obj: &Bound<'_, PyAny>) -> PyResult<Vec<ArrayData>> {
    if obj.hasattr("__arrow_c_stream__")? {
        let cap = obj.call_method0("__arrow_c_stream__")?;
        let cap = cap.cast::<PyCapsule>()?;
        let ptr = cap.pointer_checked(Some(c"arrow_array_stream"))?;
        // SAFETY: a capsule named "arrow_array_stream" holds an `ArrowArrayStream` (the Arrow
        // PyCapsule interface); `from_raw` moves it out, leaving a released stream behind for
        // the capsule's destructor (and refusing a second import of the same capsule).
        let stream = unsafe { FFI_ArrowArrayStream::from_raw(ptr.as_ptr().cast()) };
        let reader = ArrayStreamReader::try_new(stream).map_err(arrow_error)?;
        return reader
            .map(|a| a.map(|a| a.to_data()).map_err(arrow_error))
            .collect();
    }
    if obj.hasattr("__arrow_c_array__")? {
        let pair = obj.call_method0("__arrow_c_array__")?;
        let (schema, array): (Bound<'_, PyCapsule>, Bound<'_, PyCapsule>) = pair.extract()?;
        let schema = schema.pointer_checked(Some(c"arrow_schema"))?;
        let array = array.pointer_checked(Some(c"arrow_array"))?;
        // SAFETY: capsules named "arrow_schema" / "arrow_array" hold an `ArrowSchema` and an
        // `ArrowArray`; the schema is only borrowed (its capsule releases it), the array is
        // moved out (an already moved one is refused below).
        let schema = unsafe { &*schema.as_ptr().cast::<FFI_ArrowSchema>() };
        if schema.release().is_none() {
            return Err(PyValueError::new_err(
                "the Arrow schema was already released",
            ));
        }
        let array = unsafe { FFI_ArrowArray::from_raw(array.as_ptr().cast()) };
        if array.is_released() {
            return Err(PyValueError::new_err(
                "the Arrow array was already consumed",
            ));
        }
        // SAFETY: the array and its schema come from the same producer call.
        let data = unsafe { from_ffi(array, schema) }.map_err(arrow_error)?;
        return Ok(vec![data]);
    }
    Err(PyTypeError::new_err(format!(
        "expected an Arrow array or stream (an object with __arrow_c_stream__ or \
         __arrow_c_array__), not {}",
        obj.get_type().name()?
    )))
}

/// The texts of string arrays (`string` / `large_string`), in order; `None` for a null, a
/// non-UTF-8 or an out-of-bounds slot (never read outside the buffers).
pub fn texts(arrays: &[ArrayData]) -> PyResult<Vec<Option<&str>>> {
    let mut out = Vec::with_capacity(arrays.iter().map(ArrayData::len).sum());
    for data in arrays {
        let wide = match data.data_type() {
            DataType::Utf8 => false,
            DataType::LargeUtf8 => true,
            other => {
                return Err(PyTypeError::new_err(format!(
                    "expected an Arrow string or large_string column of JSON texts, not {other}"
                )))
            }
        };
        data.validate().map_err(arrow_error)?;
        let buffers = data.buffers();
        let offsets = buffers.first().map(|b| b.as_slice()).unwrap_or(&[]);
        let values = buffers.get(1).map(|b| b.as_slice()).unwrap_or(&[]);
        let w = if wide { 8 } else { 4 };
        let at = |i: usize| -> Option<usize> {
            let b = offsets.get(i.checked_mul(w)?..i.checked_mul(w)?.checked_add(w)?)?;
            let v = if wide {
                i64::from_le_bytes(b.try_into().ok()?)
            } else {
                i64::from(i32::from_le_bytes(b.try_into().ok()?))
            };
            usize::try_from(v).ok()
        };
        let nulls = data.nulls();
        for k in 0..data.len() {
            if nulls.is_some_and(|n| k < n.len() && n.is_null(k)) {
                out.push(None);
                continue;
            }
            let i = data.offset() + k;
            let text = at(i)
                .zip(at(i + 1))
                .and_then(|(start, end)| values.get(start..end))
                .and_then(|b| std::str::from_utf8(b).ok());
            out.push(text);
        }
    }
    Ok(out)
}
