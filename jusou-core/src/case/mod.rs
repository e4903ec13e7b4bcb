//! The intake (相談受付 / つなぎ) model.

pub mod intake;
mod issue;

pub use intake::{age_on, case_codes, Case, Findings, Member, ReceivedBy, Relation};
pub use issue::Issue;
