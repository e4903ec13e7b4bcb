//! Native part of the Python package `jusou` (`jusou._jusou`): converts, calls jusou-core,
//! converts back. No rules live here.
//!
//! Every operation goes to jusou-core's `Engine` (a municipality and a default date compiled once,
//! the one place of the override policy), held by the class `Engine`: its `call` crosses as JSON
//! text, runs the core with the GIL released and never lets a panic reach Python; the Python
//! layer (`python/jusou/`) turns the `(ok, json)` answer into values or a
//! `jusou.ValidationError`. The module-level `call` is the default engine's.
//!
//! Batches of `route` have their own methods, so that a million cases cost one native call,
//! not a million: `Engine.route_objects` (a list of dicts or JSON texts, encoded by Python's C
//! JSON encoder in one call), `Engine.route_arrow_strings` and `Engine.route_arrow` (Arrow data
//! read in place through the Arrow PyCapsule interface, `arrow`) and, for the benchmark,
//! `bench_route_native` (the core alone). Each case is read and decided exactly as `route`
//! decides it (same JSON text, same overrides, same errors); the
//! answer comes back as Python objects built here (a list of dicts, or columns for a DataFrame
//! or Table) rather than as JSON text to parse again.

mod arrow;
mod arrow_de;
mod arrow_json;
mod arrow_out;
mod parallel;
mod pyde;

use std::collections::HashMap;

use jusou_core::case::Case;
use jusou_core::error::decode;
use jusou_core::law::Field;
use jusou_core::routing::{Detail, FirstMeeting, Pattern, RouteDecision};
use jusou_core::Errors;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyList, PyString};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

/// Error code for a panic caught at the boundary (a bug in jusou, never expected).
const INTERNAL: &str = jusou_core::error::catalogue::INTERNAL_PANIC;

fn internal_error() -> String {
    jusou_core::api::errors_json(&internal_errors())
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

/// Run one test vector (issue #19, `jusou.testing`): `input` through `op`, with `municipality`
/// (JSON text) bound as `jusou route --municipality` binds it, compared with `expected` by
/// `jusou_core::testing::check`. Returns `(True, outcome_json)` or `(False, errors_json)` (the
/// municipality or the expected text unreadable).
#[pyfunction]
#[pyo3(signature = (op, input, expected, municipality=None))]
fn check_vector(
    py: Python<'_>,
    op: String,
    input: String,
    expected: String,
    municipality: Option<String>,
) -> (bool, String) {
    py.detach(move || {
        let run = || {
            let handle = jusou_core::Engine::new(municipality.as_deref(), None)?;
            let outcome = jusou_core::testing::check(&handle, &op, &input, &expected)?;
            // An outcome is plain data (strings, numbers, JSON values): it always encodes.
            Ok::<String, jusou_core::Errors>(
                serde_json::to_string(&outcome).unwrap_or_else(|_| internal_error()),
            )
        };
        match std::panic::catch_unwind(run) {
            Ok(Ok(out)) => (true, out),
            Ok(Err(errors)) => (false, jusou_core::api::errors_json(&errors)),
            Err(_) => (false, internal_error()),
        }
    })
}

/// Every rule of the registry (id, area, citation, ja/en text, why-not text) as JSON text.
#[pyfunction]
fn rules() -> String {
    serde_json::to_string(&jusou_core::rule::registry::all()).unwrap_or_else(|_| "[]".to_owned())
}

/// The version of jusou-core this module was built from.
#[pyfunction]
fn version() -> &'static str {
    jusou_core::VERSION
}

// ---- batches -----------------------------------------------------------------------------------

type Outcome = Result<RouteDecision, Errors>;

/// Route one item of a batch answered as columns (JSON text, or `None` for a missing one) with
/// its panic caught: one bad case never fails the batch. Columns carry no why-not, so the
/// decision is [`Detail::Brief`] and the core does not write it.
fn route_item(engine: &jusou_core::Engine, item: Option<&str>) -> Outcome {
    // A missing case reads as JSON null: the same error as `route(None)` gives in the core.
    caught(|| engine.route_with(item.unwrap_or("null"), Detail::Brief))
}

/// One case of a batch routed with its panic caught (an internal error in its place): one bad
/// case never fails the batch.
fn caught(route: impl FnOnce() -> Outcome) -> Outcome {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(route))
        .unwrap_or_else(|_| Err(internal_errors()))
}

/// Route every item with the GIL released, on `threads` threads, answers in input order.
fn route_items(
    py: Python<'_>,
    items: Vec<Option<&str>>,
    engine: &jusou_core::Engine,
    threads: usize,
) -> Vec<Outcome> {
    py.detach(|| parallel::map(items, threads, |item| route_item(engine, item)))
}

/// The thread count of a batch (`threads`, else `JUSOU_THREADS`, else every core).
fn thread_count(threads: Option<usize>) -> PyResult<usize> {
    parallel::threads(threads).map_err(pyo3::exceptions::PyValueError::new_err)
}

fn internal_errors() -> Errors {
    jusou_core::Error::new(
        INTERNAL,
        "",
        "jusou内部のエラーです（不具合として報告してください）",
        "internal error in jusou (please report it as a bug)",
    )
    .into()
}

/// Python strings made once per distinct value (rule ids, codes), shared by every row.
struct Interned<'py> {
    py: Python<'py>,
    map: HashMap<String, Bound<'py, PyString>>,
}

impl<'py> Interned<'py> {
    fn get(&mut self, s: &str) -> Bound<'py, PyString> {
        if let Some(v) = self.map.get(s) {
            return v.clone();
        }
        let v = PyString::new(self.py, s);
        self.map.insert(s.to_owned(), v.clone());
        v
    }

    fn list<'a>(&mut self, items: impl Iterator<Item = &'a str>) -> PyResult<Bound<'py, PyList>> {
        let v: Vec<Bound<'py, PyString>> = items.map(|s| self.get(s)).collect();
        PyList::new(self.py, v)
    }
}

const fn field_key(f: Field) -> &'static str {
    match f {
        Field::Elderly => "elderly",
        Field::Disability => "disability",
        Field::Children => "children",
        Field::Poverty => "poverty",
        Field::CrossField => "cross_field",
    }
}

const fn pattern_key(p: Pattern) -> &'static str {
    match p {
        Pattern::P8050 => "8050",
        Pattern::DoubleCare => "double_care",
        Pattern::YoungCarer => "young_carer",
    }
}

const fn meeting_key(m: FirstMeeting) -> &'static str {
    match m {
        FirstMeeting::SupportMeeting => "support_meeting",
        FirstMeeting::JusouMeeting => "jusou_meeting",
    }
}

/// Outcomes as columns (a dict of name → bytes of 0/1, or list): the layout the DataFrame and
/// Arrow paths build their tables from without a per-row round trip through JSON.
fn outcomes_columns<'py>(py: Python<'py>, outcomes: &[Outcome]) -> PyResult<Bound<'py, PyDict>> {
    let n = outcomes.len();
    let mut ok = Vec::with_capacity(n);
    let mut multi = Vec::with_capacity(n);
    // multi_agency is null while the worker's assessment is pending (issue #16).
    let mut multi_known = Vec::with_capacity(n);
    let mut outreach = Vec::with_capacity(n);
    let mut participation = Vec::with_capacity(n);
    let none = py.None();
    let mut case_id = Vec::with_capacity(n);
    let mut as_of = Vec::with_capacity(n);
    let mut lead = Vec::with_capacity(n);
    let mut meeting = Vec::with_capacity(n);
    let mut alerts = Vec::with_capacity(n);
    let mut reasons = Vec::with_capacity(n);
    let mut fields = Vec::with_capacity(n);
    let mut patterns = Vec::with_capacity(n);
    let mut pending = Vec::with_capacity(n);
    let mut signals = Vec::with_capacity(n);
    let mut errors = Vec::with_capacity(n);
    let mut s = Interned {
        py,
        map: HashMap::new(),
    };
    for o in outcomes {
        match o {
            Ok(d) => {
                ok.push(1u8);
                multi.push(u8::from(d.multi_agency == Some(true)));
                multi_known.push(u8::from(d.multi_agency.is_some()));
                outreach.push(u8::from(d.outreach));
                participation.push(u8::from(d.participation_support));
                case_id.push(PyString::new(py, &d.case_id).into_any().unbind());
                as_of.push(s.get(&d.as_of.to_string()).into_any().unbind());
                lead.push(match d.lead_program {
                    Some(p) => s.get(p.as_str()).into_any().unbind(),
                    None => none.clone_ref(py),
                });
                meeting.push(match d.first_meeting {
                    Some(m) => s.get(meeting_key(m)).into_any().unbind(),
                    None => none.clone_ref(py),
                });
                alerts.push(
                    s.list(d.statutory_alerts.iter().map(|a| a.rule))?
                        .into_any()
                        .unbind(),
                );
                reasons.push(
                    s.list(d.reasons.iter().map(|r| r.rule.as_ref()))?
                        .into_any()
                        .unbind(),
                );
                fields.push(
                    s.list(d.fields.iter().map(|f| field_key(*f)))?
                        .into_any()
                        .unbind(),
                );
                patterns.push(
                    s.list(d.patterns.iter().map(|p| pattern_key(p.pattern)))?
                        .into_any()
                        .unbind(),
                );
                pending.push(
                    s.list(
                        d.pending
                            .iter()
                            .map(|p| arrow_out::question_key(p.question)),
                    )?
                    .into_any()
                    .unbind(),
                );
                signals.push(
                    s.list(d.signals.iter().map(|r| r.rule.as_ref()))?
                        .into_any()
                        .unbind(),
                );
                errors.push(none.clone_ref(py));
            }
            Err(e) => {
                ok.push(0);
                multi.push(0);
                multi_known.push(0);
                outreach.push(0);
                participation.push(0);
                for col in [
                    &mut case_id,
                    &mut as_of,
                    &mut lead,
                    &mut meeting,
                    &mut alerts,
                    &mut reasons,
                    &mut fields,
                    &mut patterns,
                    &mut pending,
                    &mut signals,
                ] {
                    col.push(none.clone_ref(py));
                }
                errors.push(
                    PyString::new(py, &jusou_core::api::errors_json(e))
                        .into_any()
                        .unbind(),
                );
            }
        }
    }
    let d = PyDict::new(py);
    d.set_item("ok", PyBytes::new(py, &ok))?;
    d.set_item("multi_agency", PyBytes::new(py, &multi))?;
    d.set_item("multi_agency_known", PyBytes::new(py, &multi_known))?;
    d.set_item("outreach", PyBytes::new(py, &outreach))?;
    d.set_item("participation_support", PyBytes::new(py, &participation))?;
    d.set_item("case_id", PyList::new(py, case_id)?)?;
    d.set_item("as_of", PyList::new(py, as_of)?)?;
    d.set_item("lead_program", PyList::new(py, lead)?)?;
    d.set_item("first_meeting", PyList::new(py, meeting)?)?;
    d.set_item("statutory_alerts", PyList::new(py, alerts)?)?;
    d.set_item("reasons", PyList::new(py, reasons)?)?;
    d.set_item("fields", PyList::new(py, fields)?)?;
    d.set_item("patterns", PyList::new(py, patterns)?)?;
    d.set_item("pending", PyList::new(py, pending)?)?;
    d.set_item("signals", PyList::new(py, signals)?)?;
    d.set_item("errors", PyList::new(py, errors)?)?;
    Ok(d)
}

/// Route a batch held in an Arrow string column of JSON texts (any object with
/// `__arrow_c_stream__` or `__arrow_c_array__`), read in place; the answer as columns.
fn route_arrow_strings<'py>(
    py: Python<'py>,
    engine: &jusou_core::Engine,
    column: &Bound<'py, PyAny>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let threads = thread_count(threads)?;
    let arrays = arrow::arrays(column)?;
    let outcomes = route_items(py, arrow::texts(&arrays)?, engine, threads);
    Ok(outcomes_columns(py, &outcomes)?.into_any())
}

/// Route a batch held in Arrow and answer in Arrow, with no Python object per row: `data` is
/// a string column of JSON texts, or structs — a Table or RecordBatch with one column per
/// `Case` field, or a column of structs — (any object with `__arrow_c_stream__` or
/// `__arrow_c_array__`). Rows are routed in chunks on `threads` threads with the GIL released;
/// the decisions come back as an `ArrowDecisions` (one record batch per chunk, in input order).
/// Returns the decisions, or `None` when the structs hold a type read only through Python rows
/// (`arrow_json::supported`).
fn route_arrow<'py>(
    py: Python<'py>,
    ov: &jusou_core::Engine,
    data: &Bound<'py, PyAny>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    use arrow_array::Array;
    let threads = thread_count(threads)?;
    let arrays = arrow::arrays(data)?;
    let arrow_err = |e: arrow_schema::ArrowError| {
        pyo3::exceptions::PyValueError::new_err(format!("Arrow data could not be read: {e}"))
    };
    let structs = arrays
        .first()
        .is_some_and(|a| matches!(a.data_type(), arrow_schema::DataType::Struct(_)));
    let batches: Vec<Result<arrow_array::RecordBatch, arrow_schema::ArrowError>> = if structs {
        if !arrays.iter().all(|a| arrow_json::supported(a.data_type())) {
            return Ok(py.None().into_bound(py));
        }
        py.detach(|| -> PyResult<_> {
            // Checked in full (offsets, UTF-8, child lengths) before any row is read. This is
            // `validate_full` of each array, which is `validate_data` of every node of its tree:
            // a node's check reads only its own buffers and its children's lengths, so the nodes
            // are checked on every thread in any order. One task per node, not per column: the
            // household column alone holds most of a batch's strings.
            for a in &arrays {
                let mut nodes = Vec::new();
                let mut todo = vec![a];
                while let Some(n) = todo.pop() {
                    nodes.push(n);
                    todo.extend(n.child_data());
                }
                parallel::try_each(&nodes, threads, |n| {
                    n.validate_data().map_err(|e| {
                        arrow_schema::ArrowError::InvalidArgumentError(format!(
                            "{} ({}) invalid: {e}",
                            a.data_type(),
                            n.data_type()
                        ))
                    })
                })
                .map_err(arrow_err)?;
            }
            let mut out = Vec::new();
            for a in &arrays {
                let rows = arrow_array::StructArray::from(a.clone());
                // The columns' types resolved once per batch, shared by every thread.
                let col = arrow_de::Col::new(&rows);
                out.extend(parallel::chunks(rows.len(), threads, |range| {
                    let outcomes: Vec<Outcome> = range
                        .map(|i| arrow_de::route_row(ov, &rows, &col, i))
                        .collect();
                    arrow_out::batch(&outcomes)
                }));
            }
            Ok(out)
        })?
    } else {
        let texts = arrow::texts(&arrays)?;
        py.detach(|| {
            parallel::chunks(texts.len(), threads, |range| {
                let outcomes: Vec<Outcome> =
                    texts[range].iter().map(|t| route_item(ov, *t)).collect();
                arrow_out::batch(&outcomes)
            })
        })
    };
    let batches = batches
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(arrow_err)?;
    let decisions = arrow_out::ArrowDecisions::new(batches).map_err(arrow_err)?;
    Ok(Bound::new(py, decisions)?.into_any())
}

/// The most repeats `bench_route_native` runs.
const MAX_BENCH_REPEAT: usize = 1000;

/// For the benchmark: the core's own cost. Reads a JSON array of cases once, then routes every
/// case `repeat` times with the GIL released and returns the seconds of each repeat. `stage`
/// says how far each case goes: `"route"` (decode, validate, decide — what `route` does, without
/// encoding the answer), `"route_encode"` (and encode the decision as JSON, all of `route`),
/// `"decode"` (only decode the `Case`, as the core does, tracking JSON paths for errors),
/// `"decode_serde"` (decode with serde_json alone: the floor for any JSON entry point).
#[pyfunction]
#[pyo3(signature = (cases, repeat, stage="route"))]
fn bench_route_native(
    py: Python<'_>,
    cases: &str,
    repeat: usize,
    stage: &str,
) -> PyResult<Vec<f64>> {
    let stage = match stage {
        "route" => 0,
        "route_encode" => 1,
        "decode" => 2,
        "decode_serde" => 3,
        _ => {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "stage is one of route, route_encode, decode, decode_serde",
            ))
        }
    };
    // A benchmark repeats a few times; a huge count would only hold the caller for ages.
    if !(1..=MAX_BENCH_REPEAT).contains(&repeat) {
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "repeat is between 1 and {MAX_BENCH_REPEAT}"
        )));
    }
    py.detach(|| {
        // The benchmark's own batch, larger than an untrusted document may be (the limits of
        // `route_many`): split with serde_json directly; each case is still read by `route_json`.
        let items: Vec<&RawValue> = serde_json::from_str(cases)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        let mut times = Vec::with_capacity(repeat);
        let mut seen = 0usize;
        for _ in 0..repeat {
            let t = std::time::Instant::now();
            for item in &items {
                seen += match stage {
                    0 => jusou_core::routing::route_json(item.get())
                        .map(|d| usize::from(d.multi_agency == Some(true)))
                        .unwrap_or(0),
                    1 => jusou_core::api::call("route", item.get())
                        .map(|s| s.len())
                        .unwrap_or(0),
                    2 => decode::<Case>(item.get())
                        .map(|c| c.household.len())
                        .unwrap_or(0),
                    _ => serde_json::from_str::<Case>(item.get())
                        .map(|c| c.household.len())
                        .unwrap_or(0),
                };
            }
            times.push(t.elapsed().as_secs_f64());
        }
        std::hint::black_box(seen);
        Ok(times)
    })
}

// ---- Python objects in, Python objects out ---------------------------------------------------

/// One case as handed over: read from Python objects, JSON text (a `str` item, or what
/// `json.dumps` made of an item not read directly), or the error of an item Python could not
/// encode.
enum Source {
    Case(Box<Case>),
    Text(String),
    NotJson(Errors),
}

/// The core's depth error, as JSON: what the package raises for a Python value nested too deep
/// for `json.dumps`, before any JSON text exists (`jusou._too_deep`).
#[pyfunction]
fn depth_error() -> String {
    jusou_core::api::errors_json(&jusou_core::error::depth_error("").into())
}

/// The core's error for a value with no JSON form, as JSON (`jusou._not_json`); `why` is
/// Python's own message.
#[pyfunction]
fn not_json_error(why: &str) -> String {
    jusou_core::api::errors_json(&jusou_core::api::not_json(why).into())
}

/// Python objects made from a decision, sharing one `str` per distinct key and repeated text
/// (rule ids, messages, citations).
struct Builder<'py> {
    py: Python<'py>,
    strings: Interned<'py>,
}

impl<'py> Builder<'py> {
    fn text(&mut self, s: &str, share: bool) -> Bound<'py, PyAny> {
        if share {
            self.strings.get(s).into_any()
        } else {
            PyString::new(self.py, s).into_any()
        }
    }

    /// A decision as the dict `route` returns: built from the decision's own JSON value, so
    /// the keys and values are those of `route` whatever fields the decision grows
    /// (issue #16 added signals, pending, why_not and not_assessable).
    fn decision(&mut self, d: &RouteDecision) -> PyResult<Bound<'py, PyAny>> {
        let v = serde_json::to_value(d)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        self.value(&v, true)
    }

    fn value(&mut self, v: &Value, share: bool) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        Ok(match v {
            Value::Null => py.None().into_bound(py),
            Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => i.into_pyobject(py)?.into_any(),
                (None, Some(u)) => u.into_pyobject(py)?.into_any(),
                _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
            },
            Value::String(s) => self.text(s, share),
            Value::Array(items) => {
                let list = PyList::empty(py);
                for item in items {
                    list.append(self.value(item, share)?)?;
                }
                list.into_any()
            }
            Value::Object(map) => {
                let d = PyDict::new(py);
                for (k, item) in map {
                    // Case ids are unique per row: not worth keeping.
                    let share_item = k != "case_id";
                    d.set_item(self.text(k, true), self.value(item, share_item)?)?;
                }
                d.into_any()
            }
        })
    }

    fn outcome(&mut self, o: &Outcome) -> PyResult<Bound<'py, PyAny>> {
        let v = match o {
            Ok(d) => return self.decision(d),
            Err(e) => serde_json::to_value(e),
        };
        match v {
            Ok(v) => self.value(&v, true),
            Err(_) => self.value(
                &serde_json::to_value(internal_errors()).unwrap_or(Value::Null),
                true,
            ),
        }
    }
}

/// Route a batch of Python objects: each item a dict (or anything `dumps` encodes) or JSON
/// text. Dicts are read here straight into `Case`s (`pyde`); an item that does not read that
/// way goes through `dumps` (the package's JSON encoder) and is read from its text exactly as
/// `route` reads it, so a bad case gets the same errors; an item `dumps` cannot encode becomes
/// that item's error. Reading needs the GIL; routing runs with it released. With
/// `nulls_absent` a None in a dict reads as an absent key (rows of Arrow structs); `dumps` must
/// then drop them too. Returns a list — per case the decision as a dict, or
/// `{"errors": [...]}` — or with `columns=True` the columns.
#[allow(clippy::too_many_arguments)]
fn route_objects<'py>(
    py: Python<'py>,
    ov: &jusou_core::Engine,
    cases: &Bound<'py, PyList>,
    dumps: &Bound<'py, PyAny>,
    columns: bool,
    nulls_absent: bool,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let threads = thread_count(threads)?;
    let encode = |item: &Bound<'py, PyAny>| -> PyResult<Result<String, Errors>> {
        match dumps.call1((item,)) {
            Ok(text) => Ok(Ok(text.extract::<String>()?)),
            Err(e)
                if e.is_instance_of::<pyo3::exceptions::PyTypeError>(py)
                    || e.is_instance_of::<pyo3::exceptions::PyValueError>(py) =>
            {
                Ok(Err(
                    jusou_core::api::not_json(&e.value(py).to_string()).into()
                ))
            }
            Err(e) if e.is_instance_of::<pyo3::exceptions::PyRecursionError>(py) => {
                Ok(Err(jusou_core::error::depth_error("").into()))
            }
            Err(e) => Err(e),
        }
    };
    let mut sources = Vec::with_capacity(cases.len());
    for item in cases.iter() {
        sources.push(if let Ok(s) = item.cast::<PyString>() {
            Source::Text(s.to_cow()?.into_owned())
        } else if let Ok(case) = Case::deserialize(pyde::PyDe::new(&item, 0, nulls_absent)) {
            Source::Case(Box::new(case))
        } else {
            match encode(&item)? {
                Ok(text) => Source::Text(text),
                Err(errors) => Source::NotJson(errors),
            }
        });
    }
    // Columns carry no why-not (`outcomes_columns`): brief decisions; dicts are full answers.
    let detail = if columns { Detail::Brief } else { Detail::Full };
    let outcomes: Vec<Outcome> = py.detach(|| {
        parallel::map(sources, threads, |s| {
            caught(|| match s {
                Source::Case(c) => ov.route_case_with(*c, detail),
                Source::Text(t) => ov.route_with(&t, detail),
                Source::NotJson(errors) => Err(errors),
            })
        })
    });
    if columns {
        return Ok(outcomes_columns(py, &outcomes)?.into_any());
    }
    let mut b = Builder {
        py,
        strings: Interned {
            py,
            map: HashMap::new(),
        },
    };
    let list = PyList::empty(py);
    for o in &outcomes {
        list.append(b.outcome(o)?)?;
    }
    Ok(list.into_any())
}

// ---- the engine ---------------------------------------------------------------------------------

/// jusou's `ValidationError` carrying `errors` (the exception every function of the package
/// raises on bad input), or a `ValueError` with the errors' JSON if the package cannot be read.
fn validation_error(py: Python<'_>, errors: &Errors) -> PyErr {
    let json = jusou_core::api::errors_json(errors);
    let made = (|| -> PyResult<PyErr> {
        let list = py
            .import("json")?
            .call_method1("loads", (json.as_str(),))?
            .get_item("errors")?;
        let cls = py.import("jusou")?.getattr("ValidationError")?;
        Ok(PyErr::from_value(cls.call1((list,))?))
    })();
    made.unwrap_or_else(|_| pyo3::exceptions::PyValueError::new_err(json))
}

/// A municipality (JSON text of a `Municipality`) and a default decision date (ISO or 和暦),
/// checked and compiled once by jusou-core's `Engine`, then asked operations with only the case
/// or log; the overrides are the core's. `jusou.Engine` converts Python values for it.
#[pyclass(module = "jusou._jusou", name = "Engine", subclass, frozen)]
struct Engine {
    core: jusou_core::Engine,
}

#[pymethods]
impl Engine {
    #[new]
    #[pyo3(signature = (municipality=None, as_of=None))]
    fn new(py: Python<'_>, municipality: Option<String>, as_of: Option<String>) -> PyResult<Self> {
        let made = py.detach(|| {
            std::panic::catch_unwind(|| {
                jusou_core::Engine::new(municipality.as_deref(), as_of.as_deref())
            })
            .unwrap_or_else(|_| Err(internal_errors()))
        });
        match made {
            Ok(core) => Ok(Engine { core }),
            Err(e) => Err(validation_error(py, &e)),
        }
    }

    /// Run operation `op` on JSON text with this engine's overrides. Returns `(True,
    /// output_json)` or `(False, errors_json)`.
    fn call(&self, py: Python<'_>, op: String, input: String) -> (bool, String) {
        let core = &self.core;
        py.detach(
            move || match std::panic::catch_unwind(|| core.call(&op, &input)) {
                Ok(Ok(out)) => (true, out),
                Ok(Err(errors)) => (false, jusou_core::api::errors_json(&errors)),
                Err(_) => (false, internal_error()),
            },
        )
    }

    /// Route a batch of Python objects (see the module's documentation): a list of decisions
    /// (dicts, or `{"errors": [...]}`), or with `columns=True` the columns.
    #[pyo3(signature = (cases, dumps, columns=false, nulls_absent=false, threads=None))]
    fn route_objects<'py>(
        &self,
        py: Python<'py>,
        cases: &Bound<'py, PyList>,
        dumps: &Bound<'py, PyAny>,
        columns: bool,
        nulls_absent: bool,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyAny>> {
        route_objects(py, &self.core, cases, dumps, columns, nulls_absent, threads)
    }

    /// Route an Arrow string column of JSON texts, read in place; the answer as columns.
    #[pyo3(signature = (column, threads=None))]
    fn route_arrow_strings<'py>(
        &self,
        py: Python<'py>,
        column: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyAny>> {
        route_arrow_strings(py, &self.core, column, threads)
    }

    /// Route Arrow data (strings or structs) and answer in Arrow (`ArrowDecisions`), or `None`
    /// when the structs hold a type read only through Python rows.
    #[pyo3(signature = (data, threads=None))]
    fn route_arrow<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyAny>> {
        route_arrow(py, &self.core, data, threads)
    }
}

/// The native module.
#[pymodule]
fn _jusou(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(call, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_function(wrap_pyfunction!(check_vector, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(depth_error, m)?)?;
    m.add_function(wrap_pyfunction!(not_json_error, m)?)?;
    m.add_class::<Engine>()?;
    m.add_class::<arrow_out::ArrowDecisions>()?;
    m.add_function(wrap_pyfunction!(bench_route_native, m)?)?;
    // The folder → operation table of a test directory, from the core (`jusou.testing.FOLDERS`).
    m.add("TEST_FOLDERS", jusou_core::testing::FOLDERS.to_vec())?;
    Ok(())
}
