//! The C ABI of jusou: JSON text in, JSON text out, through an opaque engine handle, for
//! vendors on the JVM (JNA), .NET (P/Invoke), Go (cgo) or C.
//!
//! Every answer is the exact JSON `jusou api OP FILE` prints (compact): the operation's output,
//! or `{"errors": [...]}` with jusou's codes. No successful output is an object with a top-level
//! `errors` key, so that key tells an error from an answer.
//!
//! The contract at the boundary:
//! - strings in are NUL-terminated UTF-8; strings out are owned by the caller, who frees each
//!   with [`jusou_string_free`] (never `free`), and engines with [`jusou_engine_free`];
//! - a null pointer or text that is not UTF-8 is answered with a JSON error
//!   ([`FFI_NULL_POINTER`], [`FFI_NOT_UTF8`]), never a crash;
//! - no panic crosses the boundary: every entry point catches it and answers
//!   [`FFI_INTERNAL`];
//! - an engine is immutable after it is made, so one engine may be used from many threads.
//!
//! The engine is jusou-core's [`jusou_core::Engine`] (the municipality checked and compiled
//! once): the one type the CLI, the service, the bindings and this ABI hold, so the answers are
//! the CLI's.

use std::ffi::{c_char, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use jusou_core::Engine;
use jusou_core::{api, Error, Errors};

/// A required pointer argument was null (the message names the argument).
pub const FFI_NULL_POINTER: &str = jusou_core::error::catalogue::FFI_NULL_POINTER;
/// A string argument is not valid UTF-8 (the message names the argument and the byte).
pub const FFI_NOT_UTF8: &str = jusou_core::error::catalogue::FFI_NOT_UTF8;
/// jusou failed inside (a panic caught at the boundary); a bug to report.
pub const FFI_INTERNAL: &str = jusou_core::error::catalogue::FFI_INTERNAL;

/// An opaque engine: a municipality (or none) and a default decision date (or none).
pub struct JusouEngine {
    engine: Engine,
}

fn null_error(arg: &str) -> Errors {
    Error::new(
        FFI_NULL_POINTER,
        "",
        format!("引数{arg}がNULLです"),
        format!("argument {arg} is a null pointer"),
    )
    .into()
}

fn internal_error() -> Errors {
    Error::new(
        FFI_INTERNAL,
        "",
        "jusouの内部で処理が中断しました（不具合です。入力を添えて報告してください）",
        "jusou stopped on an internal failure (a bug: please report it with the input)",
    )
    .into()
}

/// Borrow a C string as UTF-8; `None` for a null pointer when `optional`.
///
/// # Safety
/// `p` is null or points to a NUL-terminated string that lives for the call.
unsafe fn text<'a>(p: *const c_char, arg: &str, optional: bool) -> Result<Option<&'a str>, Errors> {
    if p.is_null() {
        return if optional {
            Ok(None)
        } else {
            Err(null_error(arg))
        };
    }
    // SAFETY: non-null and NUL-terminated by the caller's contract.
    let bytes = unsafe { CStr::from_ptr(p) }.to_bytes();
    std::str::from_utf8(bytes).map(Some).map_err(|e| {
        let at = e.valid_up_to() + 1;
        Error::new(
            FFI_NOT_UTF8,
            "",
            format!("引数{arg}がUTF-8として読めません（{at}バイト目）"),
            format!("argument {arg} is not valid UTF-8 (at byte {at})"),
        )
        .into()
    })
}

/// JSON text handed to C. JSON never holds a raw NUL (serde_json escapes it), so this does not
/// fail; if it ever did, the caller gets the internal error rather than a null.
fn to_c(json: String) -> *mut c_char {
    CString::new(json)
        .or_else(|_| CString::new(api::errors_json(&internal_error())))
        .map(CString::into_raw)
        .unwrap_or(ptr::null_mut())
}

/// Make an engine for a municipality (JSON text of a `Municipality`, or NULL for none) and a
/// default decision date (ISO or 和暦, e.g. `"2026-04-01"` or `"令和8年4月1日"`, or NULL).
///
/// The municipality's `options` replace each case's, and the date replaces each case's and each
/// plan log's `as_of`, as `jusou route --municipality M --as-of D` does.
///
/// Returns the engine, or NULL with `*err` set to `{"errors": [...]}` (free it with
/// [`jusou_string_free`]); `*err` is set to NULL on success. `err` may be NULL.
///
/// # Safety
/// Each non-null string argument points to a NUL-terminated string; `err` is null or writable.
#[no_mangle]
pub unsafe extern "C" fn jusou_engine_new(
    municipality_json: *const c_char,
    as_of: *const c_char,
    err: *mut *mut c_char,
) -> *mut JusouEngine {
    let made = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: the caller's contract on the string arguments.
        let m = unsafe { text(municipality_json, "municipality_json", true) }?;
        let d = unsafe { text(as_of, "as_of", true) }?;
        Engine::new(m, d)
    }))
    .unwrap_or_else(|_| Err(internal_error()));
    let (engine, error) = match made {
        Ok(engine) => (
            Box::into_raw(Box::new(JusouEngine { engine })),
            ptr::null_mut(),
        ),
        Err(e) => (ptr::null_mut(), to_c(api::errors_json(&e))),
    };
    if err.is_null() {
        if !error.is_null() {
            // SAFETY: made by `to_c` just above.
            drop(unsafe { CString::from_raw(error) });
        }
    } else {
        // SAFETY: `err` is writable by the caller's contract.
        unsafe { *err = error };
    }
    engine
}

/// Run operation `op` (`route`, `route_many`, `meeting`, `plan`, `check_municipality`,
/// `taxonomy`, `schema`, …: `jusou api --list`) on `input` (JSON text).
///
/// Returns the output JSON or `{"errors": [...]}`; never NULL. Free it with
/// [`jusou_string_free`].
///
/// # Safety
/// `engine` is null or an engine from [`jusou_engine_new`] not yet freed; `op` and `input` are
/// null or NUL-terminated strings.
#[no_mangle]
pub unsafe extern "C" fn jusou_engine_call(
    engine: *const JusouEngine,
    op: *const c_char,
    input: *const c_char,
) -> *mut c_char {
    let out = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: null or a live engine by the caller's contract.
        let engine = unsafe { engine.as_ref() }.ok_or_else(|| null_error("engine"))?;
        // SAFETY: the caller's contract on the string arguments.
        let op = unsafe { text(op, "op", false) }?.unwrap_or_default();
        let input = unsafe { text(input, "input", false) }?.unwrap_or_default();
        engine.engine.call(op, input)
    }))
    .unwrap_or_else(|_| Err(internal_error()));
    to_c(out.unwrap_or_else(|e| api::errors_json(&e)))
}

/// Free a string returned by jusou. NULL is ignored.
///
/// # Safety
/// `s` is null or a string returned by this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn jusou_string_free(s: *mut c_char) {
    if !s.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| {
            // SAFETY: made by `CString::into_raw` in this library, by the caller's contract.
            drop(unsafe { CString::from_raw(s) });
        }));
    }
}

/// Free an engine. NULL is ignored.
///
/// # Safety
/// `engine` is null or an engine from [`jusou_engine_new`], not yet freed, used by no other
/// thread.
#[no_mangle]
pub unsafe extern "C" fn jusou_engine_free(engine: *mut JusouEngine) {
    if !engine.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| {
            // SAFETY: made by `Box::into_raw` in `jusou_engine_new`, by the caller's contract.
            drop(unsafe { Box::from_raw(engine) });
        }));
    }
}

/// The library's version (a static string: do not free it).
#[no_mangle]
pub extern "C" fn jusou_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}
