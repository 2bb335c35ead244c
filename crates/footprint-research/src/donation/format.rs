//! The donation file's layout, version 1.
//!
//! ```text
//! donation-<study>-<participant>.zip
//!   consent.json          the consent record (Consent below): who, which study, when, what
//!   codebook.md           the codebook of the tables inside (the export's own)
//!   codebook.json
//!   redaction_log.json    counts of what was replaced, never the originals
//!   records.parquet       the export's tables, one Parquet file each, as `footprint export`
//!   companies.parquet     writes them (names from `crate::tables::TABLES`)
//!   ...
//! ```
//!
//! Every member is stored at the zip's root, so a researcher can also unzip one and read it
//! by hand. The consent record lists every data member with its SHA-256: a reader checks
//! them, and a member not listed is refused.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Bumped when the layout or the consent record change incompatibly.
pub const DONATION_FORMAT_VERSION: u32 = 1;
/// The consent record's member name.
pub const CONSENT_FILE: &str = "consent.json";
/// The file name's prefix: `donation-<study>-<participant>.zip`.
pub const FILE_PREFIX: &str = "donation-";
pub const FILE_EXTENSION: &str = "zip";

/// A study or participant id: 1 to 64 characters of ASCII letters, digits, `_` and `.`
/// (no `-`, which separates the two in the file name; no `/` or `=`, which would break the
/// study dataset's `participant=<id>/` partitions). Checked wherever one is read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ParticipantId(String);

impl ParticipantId {
    pub fn new(id: &str) -> Result<ParticipantId, String> {
        let ok = !id.is_empty()
            && id.len() <= 64
            && id != "."
            && id != ".."
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.');
        if ok {
            Ok(ParticipantId(id.to_string()))
        } else {
            Err(format!(
                "{id:?} is not a valid id: use 1 to 64 letters, digits, '_' or '.'"
            ))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ParticipantId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        ParticipantId::new(&s)
    }
}

impl From<ParticipantId> for String {
    fn from(p: ParticipantId) -> String {
        p.0
    }
}

impl fmt::Display for ParticipantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `donation-<study>-<participant>.zip`.
pub fn file_name(study: &ParticipantId, participant: &ParticipantId) -> String {
    format!("{FILE_PREFIX}{study}-{participant}.{FILE_EXTENSION}")
}

/// The (study, participant) a donation file's name gives, if it follows [`file_name`].
pub fn ids_from_file_name(name: &str) -> Option<(ParticipantId, ParticipantId)> {
    let stem = name
        .strip_prefix(FILE_PREFIX)?
        .strip_suffix(FILE_EXTENSION)?
        .strip_suffix('.')?;
    let (study, participant) = stem.split_once('-')?;
    Some((
        ParticipantId::new(study).ok()?,
        ParticipantId::new(participant).ok()?,
    ))
}

/// What the participant chose: the filter the export ran with, in words a reader of the
/// consent record understands. Lists are the values kept; `None` means "all".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConsentChoices {
    pub platforms: Option<Vec<String>>,
    pub categories: Option<Vec<String>>,
    pub kinds: Option<Vec<String>>,
    /// Files kept, as `platform:path inside the archive` (file ids mean nothing elsewhere).
    pub files: Option<Vec<String>>,
    /// How many single records the participant unticked (never which).
    pub excluded_records: u64,
    pub pseudonymized: bool,
    pub drop_message_text: bool,
    pub with_identities: bool,
}

/// One data member of the zip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DonatedFile {
    /// The table (`records`, `companies`...), as in the codebook.
    pub table: String,
    /// The member's name in the zip (`records.parquet`).
    pub member: String,
    pub rows: u64,
    pub bytes: u64,
    /// Lower-case hex SHA-256 of the member's bytes.
    pub sha256: String,
}

/// `consent.json`: the participant's consent, with what was given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Consent {
    pub format_version: u32,
    pub study_id: ParticipantId,
    pub participant_id: ParticipantId,
    /// When the participant wrote the file (UTC).
    pub created_at: DateTime<Utc>,
    pub footprint_version: String,
    /// The study's own description of what it asks for, as the participant saw it.
    pub study_title: Option<String>,
    pub choices: ConsentChoices,
    pub files: Vec<DonatedFile>,
}

impl Consent {
    /// Parse and check a consent record (version, ids).
    pub fn from_json(bytes: &[u8]) -> Result<Consent, String> {
        let consent: Consent = serde_json::from_slice(bytes)
            .map_err(|e| format!("{CONSENT_FILE}: not a consent record: {e}"))?;
        if consent.format_version != DONATION_FORMAT_VERSION {
            return Err(format!(
                "{CONSENT_FILE}: donation format {} (this Footprint reads {DONATION_FORMAT_VERSION})",
                consent.format_version
            ));
        }
        Ok(consent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_refuse_what_would_break_a_path_or_the_file_name() {
        for bad in ["", ".", "..", "a-b", "a/b", "p=1", "é", &"x".repeat(65)] {
            assert!(ParticipantId::new(bad).is_err(), "{bad:?} accepted");
        }
        for good in ["p0001", "study_2027", "A.b_9"] {
            assert_eq!(ParticipantId::new(good).unwrap().as_str(), good);
        }
    }

    #[test]
    fn file_name_round_trips() {
        let s = ParticipantId::new("pilot_2027").unwrap();
        let p = ParticipantId::new("p0042").unwrap();
        let name = file_name(&s, &p);
        assert_eq!(name, "donation-pilot_2027-p0042.zip");
        assert_eq!(ids_from_file_name(&name), Some((s, p)));
        assert_eq!(ids_from_file_name("donation-a.zip"), None);
        assert_eq!(ids_from_file_name("export-a-b.zip"), None);
    }

    #[test]
    fn consent_of_another_version_is_refused() {
        let consent = Consent {
            format_version: DONATION_FORMAT_VERSION + 1,
            study_id: ParticipantId::new("s").unwrap(),
            participant_id: ParticipantId::new("p").unwrap(),
            created_at: DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
            footprint_version: "0.1.0".into(),
            study_title: None,
            choices: ConsentChoices::default(),
            files: vec![],
        };
        let json = serde_json::to_vec(&consent).unwrap();
        assert!(Consent::from_json(&json).unwrap_err().contains("format 2"));
        let bad_id = String::from_utf8(json).unwrap().replace("\"p\"", "\"p/1\"");
        assert!(Consent::from_json(bad_id.as_bytes()).is_err());
    }
}
