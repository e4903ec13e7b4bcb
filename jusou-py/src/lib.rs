//! Native part of the Python package `jusou` (`jusou._jusou`): converts, calls jusou-core,
//! converts back. No rules live here.
//!
//! Every operation crosses as JSON text through one function, `call`, which runs the core with the
//! GIL released and never lets a panic reach Python: the Python layer (`python/jusou/`) turns the
//! `(ok, json)` answer into values or a `jusou.ValidationError`.

use pyo3::prelude::*;

/// Error code for a panic caught at the boundary (a bug in jusou, never expected).
const INTERNAL: &str = "JUSOU-E-INTERNAL-001";

fn internal_error() -> String {
    let e = jusou_core::Error::new(
        INTERNAL,
        "",
        "jusou内部のエラーです（不具合として報告してください）",
        "internal error in jusou (please report it as a bug)",
    );
    jusou_core::api::errors_json(&e.into())
}

/// Run a jusou-core operation on JSON input. Returns `(True, output_json)` or
/// `(False, errors_json)`.
#[pyfunction]
fn call(py: Python<'_>, op: String, input: String) -> (bool, String) {
    py.detach(
        move || match std::panic::catch_unwind(|| jusou_core::api::call(&op, &input)) {
            Ok(Ok(out)) => (true, out),
            Ok(Err(errors)) => (false, jusou_core::api::errors_json(&errors)),
            Err(_) => (false, internal_error()),
        },
    )
}

/// The version of jusou-core this module was built from.
#[pyfunction]
fn version() -> &'static str {
    jusou_core::VERSION
}

/// The native module.
#[pymodule]
fn _jusou(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(call, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    Ok(())
}
