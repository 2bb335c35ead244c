//! Research exports: the participant's database as tables (Parquet, CSV or JSON Lines) with
//! a codebook, optionally pseudonymized with a study salt (issue #11, docs/RESEARCH.md).
//!
//! Used by the CLI (`footprint export`, `footprint donate`) and the desktop app's "Share with a
//! study" screen ([`donation`]): a [`Selection`] (archives, platforms, categories, kinds,
//! files, excluded rows) and a [`Pseudonymizer`].

pub mod codebook;
pub mod donation;
mod export;
pub mod pseudonym;
pub mod sinks;
pub mod study;
pub mod tables;
pub mod value;

pub use export::{export, ExportOptions, ExportSummary, Selection, TableSummary};
pub use pseudonym::{Pseudonymizer, RedactionLog};
pub use sinks::Format;

use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: writing Parquet: {source}")]
    Parquet {
        path: String,
        #[source]
        source: parquet::errors::ParquetError,
    },
    #[error("{path}: writing CSV: {source}")]
    Csv {
        path: String,
        #[source]
        source: csv::Error,
    },
    #[error("reading table {table} from the database: {source}")]
    Sql {
        table: String,
        #[source]
        source: rusqlite::Error,
    },
    /// The output folder already holds files: an export never mixes with another.
    #[error("{0} is not empty: export into a new or empty folder")]
    NotEmpty(String),
    /// A wrong option (short salt, unknown kind).
    #[error("{0}")]
    Invalid(String),
    #[error("internal error: {0}")]
    Bug(String),
}

impl ExportError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> ExportError {
        ExportError::Io {
            path: path.display().to_string(),
            source,
        }
    }
    pub(crate) fn parquet(path: &Path, source: parquet::errors::ParquetError) -> ExportError {
        ExportError::Parquet {
            path: path.display().to_string(),
            source,
        }
    }
    pub(crate) fn csv(path: &Path, source: csv::Error) -> ExportError {
        ExportError::Csv {
            path: path.display().to_string(),
            source,
        }
    }
    pub(crate) fn sql(table: &str) -> impl Fn(rusqlite::Error) -> ExportError + '_ {
        move |source| ExportError::Sql {
            table: table.to_string(),
            source,
        }
    }
}
