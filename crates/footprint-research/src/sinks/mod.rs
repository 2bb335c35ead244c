//! Writers of one table to one file, in each output format. A sink gets rows one at a time
//! and keeps at most one batch in memory (Parquet: one row group).

mod csv_sink;
mod jsonl_sink;
mod parquet_sink;

use crate::tables::Table;
use crate::value::Value;
use crate::ExportError;
use std::path::Path;

pub use parquet_sink::ROW_GROUP_ROWS;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Parquet,
    Csv,
    Jsonl,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Parquet => "parquet",
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        [Format::Parquet, Format::Csv, Format::Jsonl]
            .into_iter()
            .find(|f| f.extension() == s)
    }
}

/// Metadata every file carries where its format can (Parquet key-value metadata).
pub struct FileMeta<'a> {
    pub pairs: &'a [(&'static str, String)],
}

pub trait Sink {
    fn push(&mut self, row: &[Value]) -> Result<(), ExportError>;
    /// Flush and close the file.
    fn finish(self: Box<Self>) -> Result<(), ExportError>;
}

/// A sink writing `table` to `path`.
pub fn open(format: Format, table: &'static Table, path: &Path, meta: &FileMeta<'_>) -> Result<Box<dyn Sink>, ExportError> {
    let file = std::fs::File::create(path).map_err(|e| ExportError::io(path, e))?;
    Ok(match format {
        Format::Parquet => Box::new(parquet_sink::ParquetSink::new(table, file, path, meta)?),
        Format::Csv => Box::new(csv_sink::CsvSink::new(table, file, path)?),
        Format::Jsonl => Box::new(jsonl_sink::JsonlSink::new(table, file, path)),
    })
}
