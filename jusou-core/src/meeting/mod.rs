//! Consent records, meetings, members and sharing decisions (社会福祉法第106条の6).
//!
//! [`check_json`] answers, for one case at one sitting: may it be discussed here, under which
//! legal type (`mode`), and which attendee may receive which category of information.
//!
//! ```
//! let input = r#"{
//!   "case": {"id": "c1", "subjects": ["A"], "under_multi_agency": false},
//!   "meeting": {"kind": "support_meeting", "local_name": "支援会議",
//!     "organiser": {"kind": "municipality", "name": "X市"},
//!     "date": "2026-07-10", "municipality_runs_project": true},
//!   "members": [{"id": "m1", "name": "甲", "appointed": true,
//!     "confidentiality": ["support_meeting", "public_servant"]}],
//!   "attendees": ["m1"],
//!   "agenda": ["basic"]
//! }"#;
//! let d = jusou_core::meeting::check_json(input).unwrap(); // ok: doc example
//! assert!(d.allowed);
//! assert_eq!(d.mode, Some(jusou_core::meeting::MeetingKind::SupportMeeting));
//! ```

pub mod check;
pub mod consent;
pub mod kind;
pub mod rules;

pub use check::{
    check, check_json, validate, CaseRef, DvRecord, Exclusion, Fallback, MeetingCheck,
    MeetingDecision, MeetingInfo, Member, Organiser, OrganiserKind, SubjectFacts,
};
pub use consent::{Consent, InfoCategory};
pub use kind::{Confidentiality, MeetingKind, Remit};

#[cfg(test)]
mod tests;
