//! Consent records, meetings, members and sharing decisions (社会福祉法第106条の6).

pub mod consent;

pub use consent::{Consent, InfoCategory};
