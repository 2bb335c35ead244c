//! Donation files: what a participant hands to a study (issue #11, docs/RESEARCH.md).
//!
//! One zip per participant and study, written by the app's "Share with a study" screen or by
//! `footprint donate`, read by `footprint study import`. [`format`] fixes its layout and its
//! consent record, so that the writer and the reader agree by construction.

pub mod format;

pub use format::{Consent, ConsentChoices, DonatedFile, ParticipantId, DONATION_FORMAT_VERSION};
