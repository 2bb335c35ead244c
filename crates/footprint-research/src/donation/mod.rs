//! Donation files: what a participant hands to a study (issue #11, docs/RESEARCH.md).
//!
//! One zip per participant and study, written by the app's "Share with a study" screen or by
//! `footprint donate`, read by `footprint study import`. [`format`] fixes its layout and its
//! consent record, so that the writer and the reader agree by construction. A [`Study`] file
//! says what the study asks for, the participant's [`Choices`] take away from it, a [`plan`]
//! shows what would leave, [`write()`] writes it and [`read::open`] checks it.

pub mod format;
pub mod plan;
pub mod read;
pub mod study;
mod write;

pub use format::{Consent, ConsentChoices, DonatedFile, ParticipantId, DONATION_FORMAT_VERSION};
pub use plan::{plan, Plan};
pub use read::Donation;
pub use study::{Study, StudyInfo};
pub use write::{write, Written};

use crate::{ExportError, Selection};
use footprint_core::model::Category;
use footprint_core::store::Store;
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum DonationError {
    /// A study file that does not parse or asks for something impossible.
    #[error("{file}: {message}")]
    Study { file: String, message: String },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A donation file that fails a check (unlisted member, wrong checksum, unsafe name).
    #[error("{path}: {message}")]
    Refused { path: String, message: String },
    #[error(transparent)]
    Export(#[from] ExportError),
    /// A wrong choice (an existing output file, an unknown category).
    #[error("{0}")]
    Invalid(String),
}

impl DonationError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> DonationError {
        DonationError::Io {
            path: path.display().to_string(),
            source,
        }
    }
    pub(crate) fn refused(path: &Path, message: impl Into<String>) -> DonationError {
        DonationError::Refused {
            path: path.display().to_string(),
            message: message.into(),
        }
    }
    pub(crate) fn sql(what: &str) -> impl Fn(rusqlite::Error) -> DonationError + '_ {
        move |e| DonationError::Export(ExportError::sql(what)(e))
    }
}

/// What the participant took away from what the study asks for. Empty: all of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Choices {
    pub excluded_categories: Vec<String>,
    pub excluded_platforms: Vec<String>,
    /// File ids (`import_reports.file_id`) left out.
    pub excluded_files: Vec<i64>,
    /// Single records left out.
    pub excluded_records: Vec<i64>,
}

impl Study {
    /// The export filter of what the study asks for minus what the participant unticked.
    pub fn selection(&self, store: &Store, choices: &Choices) -> Result<Selection, DonationError> {
        for c in &choices.excluded_categories {
            if Category::parse(c).is_none() {
                return Err(DonationError::Invalid(format!("unknown category `{c}`")));
            }
        }
        let conn = store.connection();
        let categories = narrowed(&self.categories, &choices.excluded_categories, || {
            Ok(Category::ALL.iter().map(|c| c.as_str().to_string()).collect())
        })?;
        let platforms = narrowed(&self.platforms, &choices.excluded_platforms, || {
            column(conn, "SELECT DISTINCT platform FROM archives ORDER BY platform")
        })?;
        let files = if choices.excluded_files.is_empty() {
            None
        } else {
            let all: Vec<i64> = column(conn, "SELECT id FROM files ORDER BY id")?;
            Some(all.into_iter().filter(|f| !choices.excluded_files.contains(f)).collect())
        };
        Ok(Selection {
            archives: None,
            platforms,
            categories,
            kinds: self.kinds.clone(),
            files,
            excluded_records: choices.excluded_records.clone(),
        })
    }
}

/// `asked` (or, when the study asks for all, everything `all` gives) without `excluded`;
/// `None` (no filter) when the study asks for all and nothing was unticked.
fn narrowed(
    asked: &Option<Vec<String>>,
    excluded: &[String],
    all: impl FnOnce() -> Result<Vec<String>, DonationError>,
) -> Result<Option<Vec<String>>, DonationError> {
    let base = match (asked, excluded.is_empty()) {
        (None, true) => return Ok(None),
        (Some(list), _) => list.clone(),
        (None, false) => all()?,
    };
    Ok(Some(base.into_iter().filter(|v| !excluded.contains(v)).collect()))
}

fn column<T: rusqlite::types::FromSql>(conn: &rusqlite::Connection, sql: &str) -> Result<Vec<T>, DonationError> {
    let mut stmt = conn.prepare(sql).map_err(DonationError::sql(sql))?;
    let rows = stmt.query_map([], |r| r.get(0)).map_err(DonationError::sql(sql))?;
    rows.collect::<Result<_, _>>().map_err(DonationError::sql(sql))
}

/// A participant id nobody chose (when the study gave none): `p` and 12 random letters and
/// digits.
pub fn random_participant() -> ParticipantId {
    let id: String = std::iter::once('p')
        .chain(std::iter::repeat_with(fastrand::alphanumeric).take(12))
        .collect();
    ParticipantId::new(&id).expect("letters and digits are a valid id")
}
