//! The intake (相談受付 / つなぎ) model.

mod issue;

pub use issue::Issue;
