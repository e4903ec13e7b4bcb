//! # jusou-core
//!
//! The rules of 重層的支援体制整備事業 (社会福祉法第106条の4〜第106条の6) as a pure library:
//! the program taxonomy with citations, dates and funding shares; the calendar (年度, 和暦);
//! and, built on them, routing, meetings, plans and municipality checks.
//!
//! No I/O, no clock, no globals: every decision takes its `as_of` date from the caller and
//! returns the rules that fired, each with its citation and a Japanese and English message.
//!
//! ```
//! let programs = jusou_core::law::taxonomy();
//! assert_eq!(programs.len(), 14);
//! assert_eq!(programs[0].citation, "社会福祉法第106条の4第2項第1号イ");
//! ```

pub mod annual_report;
pub mod api;
pub mod calendar;
pub mod case;
pub mod engine;
pub mod error;
pub mod flow;
mod ids;
pub mod issue;
pub mod law;
pub mod limits;
pub mod meeting;
pub mod municipality;
pub mod operations;
pub mod plan;
pub mod routing;
pub mod rule;
#[cfg(feature = "schema")]
pub mod schema;
pub mod standing;
pub mod testing;

pub use engine::Engine;
pub use error::{Error, Errors};
pub use rule::{Finding, Rule};

/// The library version (the crate's), reported by every binding.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
