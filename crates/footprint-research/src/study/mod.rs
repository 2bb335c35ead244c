//! Studies of many participants (issue #11, docs/RESEARCH.md "Studies"): `footprint study
//! import` gathers donation files and raw exports into one Parquet dataset partitioned as
//! `participant=<id>/table=<name>/part-0.parquet` ([`import`]), `footprint study summary`
//! reads it back ([`summary`]).

mod donation_reader;
pub mod import;
mod sources;
pub mod summary;
#[cfg(any(test, feature = "testing"))]
pub mod testing;

pub use import::{import_study, ParticipantReport, Status, StudyImportOptions, StudyReport};
pub use summary::{summarize, StudySummary};

use parquet::file::reader::{FileReader, SerializedFileReader};
use std::path::{Path, PathBuf};

/// The dataset's report of the last `study import`.
pub const REPORT_FILE: &str = "study_report.json";
/// A participant's folder while it is written; renamed to its final name once complete.
pub const PARTIAL_SUFFIX: &str = ".partial";
/// Every Parquet partition's file name (one file per participant and table).
pub const PART_FILE: &str = "part-0.parquet";

/// `participant=<id>`: a participant's folder in the dataset.
pub fn participant_folder(id: &str) -> String {
    format!("participant={id}")
}

/// `DATASET/participant=<id>/table=<name>/part-0.parquet`.
pub fn partition_file(participant_dir: &Path, table: &str) -> PathBuf {
    participant_dir.join(format!("table={table}")).join(PART_FILE)
}

/// The rows of a Parquet file, from its footer (nothing else is read).
pub fn parquet_rows(path: &Path) -> Result<u64, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let reader = SerializedFileReader::new(file).map_err(|e| format!("{}: not a Parquet file: {e}", path.display()))?;
    Ok(reader.metadata().file_metadata().num_rows().max(0) as u64)
}
