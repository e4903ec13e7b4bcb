//! The intake (相談受付 / つなぎ) model.

pub mod age;
pub mod intake;

pub use crate::issue::{Certainty, Issue, IssueDetail, IssueEntry, Perpetrator};
pub use age::{Age, AgeBand, AgeRange};
pub use intake::{
    age_on, case_codes, Case, ConsentState, Findings, Member, ReceivedBy, Referral, ReferralSource,
    Relation,
};
