//! Decisions written as Arrow columns in Rust and handed to pyarrow (or any Arrow library)
//! through the Arrow PyCapsule interface: no Python object per row. The columns are those of
//! `route_many`'s Table (see the package's docstring); a bad row has nulls everywhere but in
//! `errors`, and `multi_agency` is null while the worker's assessment is pending (issue #16).

use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, ListBuilder, StringBuilder, StructBuilder};
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{ArrayRef, RecordBatch, RecordBatchIterator};
use arrow_schema::{ArrowError, DataType, Field, Fields, Schema, SchemaRef};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use jusou_core::routing::Question;

use crate::{field_key, meeting_key, pattern_key, Outcome};

/// A question's key, as the decision's JSON writes it (`pending[].question`).
pub const fn question_key(q: Question) -> &'static str {
    match q {
        Question::MultiAgency => "multi_agency",
        Question::Outreach => "outreach",
        Question::ParticipationSupport => "participation_support",
        Question::JusouMeeting => "jusou_meeting",
        Question::FirstMeeting => "first_meeting",
    }
}

fn error_fields() -> Fields {
    [
        "code",
        "path",
        "message_ja",
        "message_en",
        "citation",
        "detail",
    ]
    .into_iter()
    .map(|n| Field::new(n, DataType::Utf8, true))
    .collect()
}

fn keys<'a>(b: &mut ListBuilder<StringBuilder>, items: impl Iterator<Item = &'a str>) {
    for s in items {
        b.values().append_value(s);
    }
    b.append(true);
}

/// The decisions of one chunk of a batch, as one record batch.
pub fn batch(outcomes: &[Outcome]) -> Result<RecordBatch, ArrowError> {
    let n = outcomes.len();
    let mut case_id = StringBuilder::with_capacity(n, n * 12);
    let mut as_of = StringBuilder::with_capacity(n, n * 10);
    let mut multi = BooleanBuilder::with_capacity(n);
    let mut outreach = BooleanBuilder::with_capacity(n);
    let mut participation = BooleanBuilder::with_capacity(n);
    let mut lead = StringBuilder::with_capacity(n, n * 4);
    let mut meeting = StringBuilder::with_capacity(n, n * 8);
    let list = || ListBuilder::with_capacity(StringBuilder::new(), n);
    let (mut alerts, mut reasons, mut fields, mut patterns, mut pending, mut signals) =
        (list(), list(), list(), list(), list(), list());
    let mut errors = ListBuilder::new(StructBuilder::from_fields(error_fields(), 0));
    for o in outcomes {
        match o {
            Ok(d) => {
                case_id.append_value(&d.case_id);
                crate::arrow_de::with_iso(d.as_of, |text| as_of.append_value(text));
                multi.append_option(d.multi_agency);
                outreach.append_value(d.outreach);
                participation.append_value(d.participation_support);
                lead.append_option(d.lead_program.map(|p| p.as_str()));
                meeting.append_option(d.first_meeting.map(meeting_key));
                keys(&mut alerts, d.statutory_alerts.iter().map(|a| a.rule));
                keys(&mut reasons, d.reasons.iter().map(|r| r.rule.as_ref()));
                keys(&mut fields, d.fields.iter().map(|f| field_key(*f)));
                keys(
                    &mut patterns,
                    d.patterns.iter().map(|p| pattern_key(p.pattern)),
                );
                keys(
                    &mut pending,
                    d.pending.iter().map(|p| question_key(p.question)),
                );
                keys(&mut signals, d.signals.iter().map(|r| r.rule.as_ref()));
                errors.append_null();
            }
            Err(e) => {
                for b in [&mut case_id, &mut as_of, &mut lead, &mut meeting] {
                    b.append_null();
                }
                for b in [&mut multi, &mut outreach, &mut participation] {
                    b.append_null();
                }
                for b in [
                    &mut alerts,
                    &mut reasons,
                    &mut fields,
                    &mut patterns,
                    &mut pending,
                    &mut signals,
                ] {
                    b.append_null();
                }
                let s = errors.values();
                for err in &e.errors {
                    let texts = [
                        Some(err.code.as_ref()),
                        Some(err.path.as_str()),
                        Some(err.message_ja.as_ref()),
                        Some(err.message_en.as_ref()),
                        err.citation.as_deref(),
                        err.detail.as_deref().map(String::as_str),
                    ];
                    for (k, t) in texts.into_iter().enumerate() {
                        if let Some(b) = s.field_builder::<StringBuilder>(k) {
                            b.append_option(t);
                        }
                    }
                    s.append(true);
                }
                errors.append(true);
            }
        }
    }
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("case_id", Arc::new(case_id.finish())),
        ("as_of", Arc::new(as_of.finish())),
        ("multi_agency", Arc::new(multi.finish())),
        ("outreach", Arc::new(outreach.finish())),
        ("participation_support", Arc::new(participation.finish())),
        ("lead_program", Arc::new(lead.finish())),
        ("first_meeting", Arc::new(meeting.finish())),
        ("statutory_alerts", Arc::new(alerts.finish())),
        ("reasons", Arc::new(reasons.finish())),
        ("fields", Arc::new(fields.finish())),
        ("patterns", Arc::new(patterns.finish())),
        ("pending", Arc::new(pending.finish())),
        ("signals", Arc::new(signals.finish())),
        ("errors", Arc::new(errors.finish())),
    ];
    let schema: SchemaRef = Arc::new(Schema::new(
        columns
            .iter()
            .map(|(name, a)| Field::new(*name, a.data_type().clone(), true))
            .collect::<Vec<_>>(),
    ));
    RecordBatch::try_new(schema, columns.into_iter().map(|(_, a)| a).collect())
}

/// Decisions as Arrow record batches, readable by any library that speaks the Arrow PyCapsule
/// interface (`pyarrow.table(d)`, `pyarrow.RecordBatchReader.from_stream(d)`, polars …).
#[pyclass(frozen, module = "jusou._jusou")]
pub struct ArrowDecisions {
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
}

impl ArrowDecisions {
    /// Batches in order (at least one, so the schema is known even for no rows).
    pub fn new(batches: Vec<RecordBatch>) -> Result<Self, ArrowError> {
        let batches = if batches.is_empty() {
            vec![batch(&[])?]
        } else {
            batches
        };
        Ok(ArrowDecisions {
            schema: batches[0].schema(),
            batches,
        })
    }
}

#[pymethods]
impl ArrowDecisions {
    /// The decisions as an `ArrowArrayStream` capsule (the Arrow PyCapsule interface). Each call
    /// makes a new stream over the same (shared, immutable) batches; `requested_schema` is
    /// ignored, as the interface allows.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let reader = RecordBatchIterator::new(
            self.batches.clone().into_iter().map(Ok),
            self.schema.clone(),
        );
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        // The capsule owns the stream: a consumer moves it out (leaving it released); one never
        // consumed is released when the capsule is dropped (FFI_ArrowArrayStream's Drop).
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    /// The number of decisions (rows).
    fn __len__(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }
}
