//! Data-rights requests for Footprint: the laws, the deadlines, the letters, the company
//! directory and the tracking of requests once sent.
//!
//! This crate is a pure library: no store, no GUI, no clock and no network. Every function that
//! depends on "now" takes `today: NaiveDate` (or a timestamp) as an argument, so the desktop app,
//! the CLI and the tests all see the same behaviour.
//!
//! Legal facts (articles, deadlines, extensions, fees, authorities, holiday calendars) and the
//! company directory are JSON data files under `data/`, embedded with `include_str!` and parsed
//! with serde ([`Regimes::load`], [`Calendars::load`], [`Directory::load`]), so a fact can be
//! corrected without touching code. Every sentence of every letter lives in one per-language
//! module ([`letter::en`]). Nothing produced here is legal advice, and every output says so
//! ([`NOT_LEGAL_ADVICE`]).
//!
//! The map of the crate:
//! - [`regime`]: the twelve legal regimes and what each says per right.
//! - [`right`]: request types and their options.
//! - [`holidays`], [`deadline`]: working days and due dates with the rule that produced them.
//! - [`evidence`]: what the exports prove, turned into sentences by the letters.
//! - [`letter`], [`pdf`], [`eml`], [`ics`]: the outputs.
//! - [`directory`]: the company directory and name matching.
//! - [`authority`]: the supervisory authorities and which one takes a complaint.
//! - [`checklist`]: what an answer to an access request must contain, per regime.
//! - [`tracking`]: the request record, its legal status transitions and the next action.
//! - [`reference`]: the human reference printed in subject lines.

pub mod authority;
pub mod checklist;
pub mod deadline;
pub mod directory;
pub mod eml;
pub mod error;
pub mod evidence;
pub mod holidays;
pub mod ics;
pub mod identity;
pub mod letter;
pub mod pdf;
pub mod reference;
pub mod regime;
pub mod right;
pub mod tracking;

pub use authority::{competent_authority, Authorities, Authority as SupervisoryAuthority, AuthorityChoice};
pub use deadline::{due_date, Due};
pub use directory::{Directory, Entry};
pub use error::Error;
pub use evidence::{EvidenceItem, EvidenceRelation};
pub use holidays::{Calendars, HolidayCalendar};
pub use identity::{IdentityField, IdentityKind};
pub use letter::{Lang, Letter, LetterInput, LetterKind};
pub use regime::{Regime, Regimes};
pub use right::{Channel, RequestOptions, RequestType, Right};
pub use tracking::{Request, Status};

/// The line every output carries (letters, e-mail drafts, calendar entries). The letters repeat
/// it in their own language through [`letter::Lang`].
pub const NOT_LEGAL_ADVICE: &str =
    "Prepared with Footprint from public information about data-protection law. This is not legal advice.";
