//! The operations, declared once: each with its name (what `api::call`, the HTTP service and the
//! C ABI take), the schema names of its input and output (`jusou schema NAME`), the CLI verb
//! that runs it, and its name in the Python and JavaScript packages. [`crate::api::call`]
//! dispatches from this table (an exhaustive `match` on [`Op`], so a new operation cannot be
//! declared without being run); a test of the workspace checks the CLI's verbs, the Python
//! package's `__all__`, the JS package's exports and the schema names against it.

/// Which operation an entry of [`ALL`] is (what [`crate::api`] dispatches on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// The library version.
    Version,
    /// The program table.
    Taxonomy,
    /// A date read from user text.
    ParseDate,
    /// The 年度 of a day.
    FiscalYear,
    /// Funding shares of an amount.
    SplitFunding,
    /// A JSON Schema by name.
    Schema,
    /// Route one case.
    Route,
    /// Route a batch of cases.
    RouteMany,
    /// Replay a plan log.
    Plan,
    /// Check a 実施体制.
    CheckMunicipality,
    /// The meeting check.
    Meeting,
    /// The options a 実施体制 applies.
    MunicipalityOptions,
    /// The annual 実績.
    Report,
    /// The counts of part of a 年度's logs (a partition), to merge.
    ReportPartial,
    /// The 実績 of partial reports merged.
    ReportMerge,
    /// A case walked end to end.
    Flow,
}

/// One operation.
#[derive(Debug, Clone, Copy)]
pub struct Operation {
    /// What it is.
    pub op: Op,
    /// Its name for `api::call`, `jusou api OP`, the HTTP service and the C ABI.
    pub name: &'static str,
    /// The schema name of its input (`jusou schema NAME`), or `None` when the input is a JSON
    /// string or null with no schema of its own.
    pub input: Option<&'static str>,
    /// What the input is, in words (`jusou api --list`).
    pub input_about: &'static str,
    /// The schema name of its output (of one item, for a list), or `None`.
    pub output: Option<&'static str>,
    /// The CLI verb that runs it (`jusou VERB`), if any besides `jusou api`.
    pub cli: Option<&'static str>,
    /// Its function in the Python package (`jusou.NAME`), if exported.
    pub python: Option<&'static str>,
    /// Its function in the JavaScript package, if exported.
    pub js: Option<&'static str>,
    /// Whether an [`crate::engine::Engine`] applies its overrides to it.
    pub overridden: bool,
}

/// Every operation, in the order `jusou api --list` prints them.
pub const ALL: &[Operation] = &[
    Operation {
        op: Op::Version,
        name: "version",
        input: None,
        input_about: "null",
        output: None,
        cli: None,
        python: Some("version"),
        js: Some("version"),
        overridden: false,
    },
    Operation {
        op: Op::Taxonomy,
        name: "taxonomy",
        input: None,
        input_about: "null",
        output: Some("Program"),
        cli: Some("taxonomy"),
        python: Some("taxonomy"),
        js: Some("taxonomy"),
        overridden: false,
    },
    Operation {
        op: Op::ParseDate,
        name: "parse_date",
        input: None,
        input_about: "text, e.g. \"令和8年3月\"",
        output: Some("DateInfo"),
        cli: Some("date"),
        python: Some("parse_date"),
        js: Some("parseDate"),
        overridden: false,
    },
    Operation {
        op: Op::FiscalYear,
        name: "fiscal_year",
        input: None,
        input_about: "a day as text, e.g. \"2026-03-31\" or \"R8.3.31\"",
        output: Some("FiscalYearInfo"),
        cli: None,
        python: Some("fiscal_year"),
        js: Some("fiscalYear"),
        overridden: false,
    },
    Operation {
        op: Op::SplitFunding,
        name: "split_funding",
        input: Some("SplitFundingInput"),
        input_about: "{\"amount\": yen, \"program\": code or scheme key, \"as_of\": day}",
        output: Some("FundingSplit"),
        cli: Some("funding"),
        python: Some("split_funding"),
        js: Some("splitFunding"),
        overridden: false,
    },
    Operation {
        op: Op::Schema,
        name: "schema",
        input: None,
        input_about: "a type name, e.g. \"Program\"",
        output: None,
        cli: Some("schema"),
        python: Some("schema"),
        js: Some("schema"),
        overridden: false,
    },
    Operation {
        op: Op::Route,
        name: "route",
        input: Some("Case"),
        input_about: "Case: 包括的相談支援, 多機関協働, アウトリーチ, 参加支援 and the first meeting",
        output: Some("RouteDecision"),
        cli: Some("route"),
        python: Some("route"),
        js: Some("route"),
        overridden: true,
    },
    Operation {
        op: Op::RouteMany,
        name: "route_many",
        input: Some("Case"),
        input_about: "[Case, …]: one decision per case, or {\"errors\": […]} for a bad one (the batch goes on)",
        output: Some("RouteDecision"),
        cli: Some("batch"),
        python: Some("route_many"),
        js: Some("routeMany"),
        overridden: true,
    },
    Operation {
        op: Op::Plan,
        name: "plan",
        input: Some("PlanLog"),
        input_about: "PlanLog: replay a case's event log: state, next steps, deadlines, violations",
        output: Some("PlanReport"),
        cli: Some("plan"),
        python: Some("plan"),
        js: Some("plan"),
        overridden: true,
    },
    Operation {
        op: Op::CheckMunicipality,
        name: "check_municipality",
        input: Some("Municipality"),
        input_about: "Municipality: check a 実施体制 against 社会福祉法第106条の4〜第106条の6",
        output: Some("MunicipalityReport"),
        cli: Some("municipality"),
        python: Some("check_municipality"),
        js: Some("checkMunicipality"),
        overridden: false,
    },
    Operation {
        op: Op::Meeting,
        name: "meeting",
        input: Some("MeetingCheck"),
        input_about: "MeetingCheck: may this case be discussed at this meeting, and with whom",
        output: Some("MeetingDecision"),
        cli: Some("meeting"),
        python: Some("meeting"),
        js: Some("meeting"),
        overridden: false,
    },
    Operation {
        op: Op::MunicipalityOptions,
        name: "municipality_options",
        input: Some("Municipality"),
        input_about: "Municipality: the options routing applies, once the 実施体制 passes the law check (violations are refused as errors)",
        output: None,
        cli: None,
        python: None,
        js: None,
        overridden: false,
    },
    Operation {
        op: Op::Report,
        name: "report",
        input: Some("ReportInput"),
        input_about: "ReportInput: a 年度's 実績 counted from the cases' plan logs, against targets when given",
        output: Some("AnnualReport"),
        cli: Some("report"),
        python: Some("report"),
        js: Some("report"),
        overridden: false,
    },
    Operation {
        op: Op::ReportPartial,
        name: "report_partial",
        input: Some("ReportInput"),
        input_about: "ReportInput: the counts of some of a 年度's logs (a partition), to merge with the others' (report_merge)",
        output: Some("PartialReport"),
        cli: None,
        python: Some("report_partial"),
        js: None,
        overridden: false,
    },
    Operation {
        op: Op::ReportMerge,
        name: "report_merge",
        input: Some("MergeInput"),
        input_about: "MergeInput {partials: [report_partial's outputs, in order], targets}: the 年度's 実績 of all their logs, as report gives it",
        output: Some("AnnualReport"),
        cli: None,
        python: Some("report_merge"),
        js: None,
        overridden: false,
    },
    Operation {
        op: Op::Flow,
        name: "flow",
        input: Some("Flow"),
        input_about: "Flow: a case walked end to end (routing, then each plan event with the meeting check of its sitting)",
        output: Some("FlowReport"),
        cli: None,
        python: None,
        js: None,
        overridden: false,
    },
];

/// The operation named `name`.
pub fn find(name: &str) -> Option<&'static Operation> {
    ALL.iter().find(|o| o.name == name)
}

/// The names of every operation, in order.
pub fn names() -> impl Iterator<Item = &'static str> {
    ALL.iter().map(|o| o.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_found() {
        for (i, o) in ALL.iter().enumerate() {
            assert!(
                ALL[..i].iter().all(|p| p.name != o.name && p.op != o.op),
                "{} declared twice",
                o.name
            );
            assert_eq!(find(o.name).map(|f| f.op), Some(o.op));
        }
    }

    #[cfg(feature = "schema")]
    #[test]
    fn schema_names_are_known() {
        let known: Vec<&str> = crate::schema::NAMES.iter().map(|(n, _)| *n).collect();
        for o in ALL {
            for name in [o.input, o.output].into_iter().flatten() {
                assert!(known.contains(&name), "{}: no schema {name}", o.name);
            }
        }
    }

    #[test]
    fn every_operation_is_dispatched() {
        for o in ALL {
            // Without the schema generator `schema` is declared but answered as unknown.
            if o.op == Op::Schema && !cfg!(feature = "schema") {
                continue;
            }
            if let Err(e) = crate::api::call(o.name, "null") {
                assert!(
                    e.errors
                        .iter()
                        .all(|e| e.code != crate::api::UNKNOWN_OPERATION),
                    "{} is declared but not dispatched",
                    o.name
                );
            }
        }
    }
}
