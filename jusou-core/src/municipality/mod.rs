//! A municipality's 実施体制 and the identifiers every record carries.

mod code;
pub mod options;

pub use code::{check_digit, LocalGovCode};
pub use options::{Criterion, Options};
