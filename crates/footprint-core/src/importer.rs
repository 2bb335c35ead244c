//! The importer contract: every platform is one [`Importer`] with a cheap `recognize`, a
//! per-file `classify`, and `import_file`, which streams one file into typed records through
//! an [`ImportCx`]. The importer never touches the store: the runner owns transactions, and
//! tests collect records in memory (see [`crate::testing`]).

use crate::archive::ArchiveView;
use crate::model::{Identity, IdentityKind, Record};
use serde::Serialize;
use std::io::Read;

/// How sure an importer is that an archive is its platform's export.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recognition {
    /// 0.0 (not mine) ..= 1.0 (certainly mine).
    pub confidence: f32,
    /// Why, in words shown to the user ("found My Activity and Location History folders").
    pub reason: String,
}

impl Recognition {
    pub fn no() -> Self {
        Recognition {
            confidence: 0.0,
            reason: String::new(),
        }
    }
    pub fn yes(confidence: f32, reason: impl Into<String>) -> Self {
        Recognition {
            confidence,
            reason: reason.into(),
        }
    }
}

/// What an importer does with one file of an archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "role", content = "detail", rename_all = "snake_case")]
pub enum FileRole {
    /// The importer parses this file; the tag names the parser (e.g. `my_activity_json`).
    Parse(&'static str),
    /// Known to belong to the export but not parsed (HTML variant, media, ...), with why.
    Skip(&'static str),
    /// No parser understands it, but it is JSON or CSV text: the shared indexer
    /// ([`crate::indexing`]) makes its text searchable. The tag names the reader
    /// (`json`, `ndjson`, `js_wrapped`, `csv`). Reported as "indexed, not understood".
    Index(&'static str),
    /// Not known.
    Unknown,
}

/// A problem with one record or file that does not stop the import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub file: String,
    /// Element index inside the file, when the problem is about one element.
    pub position: Option<u64>,
    pub message: String,
}

/// Per-record problems that are errors (the whole file is abandoned) carry this.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("invalid JSON at byte {offset}: {message}")]
    Json { offset: u64, message: String },
    #[error("unexpected structure: {0}")]
    Structure(String),
    #[error("read failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("import cancelled")]
    Cancelled,
    #[error("{0}")]
    Other(String),
}

/// Where records go. The runner's sink batches them to the writer thread; the test sink keeps
/// them in memory.
pub trait RecordSink {
    fn record(&mut self, record: Record) -> Result<(), ParseError>;
    fn identity(&mut self, identity: Identity);
    fn warning(&mut self, warning: Warning);
}

/// What an importer sees while importing one file.
pub struct ImportCx<'a> {
    /// Logical path of the file inside the archive.
    pub file: &'a str,
    sink: &'a mut dyn RecordSink,
    position: u64,
    records: u64,
    warnings: u64,
    indexed_only: bool,
}

/// At most this many warnings per file are kept; the rest are counted.
pub const MAX_WARNINGS_PER_FILE: u64 = 50;

impl<'a> ImportCx<'a> {
    pub fn new(file: &'a str, sink: &'a mut dyn RecordSink) -> Self {
        ImportCx {
            file,
            sink,
            position: 0,
            records: 0,
            warnings: 0,
            indexed_only: false,
        }
    }

    /// Push one record. `position` is the element index in the file (for evidence and
    /// warnings); pass the index the record was parsed from.
    pub fn emit(&mut self, position: u64, mut record: Record) -> Result<(), ParseError> {
        // The last guard for every importer: a sentinel (`0`, `9223372036854775807`), a unit
        // mistake or a damaged value never becomes a date; the record is kept without one.
        record.ts = record.ts.and_then(crate::time::plausible);
        record.ts_end = record.ts_end.and_then(crate::time::plausible);
        record.position = position;
        self.position = position;
        self.records += 1;
        self.sink.record(record)
    }

    pub fn identity(&mut self, kind: IdentityKind, value: &str) {
        let value = value.trim();
        if !value.is_empty() {
            self.sink.identity(Identity {
                kind,
                value: value.to_string(),
            });
        }
    }

    /// Report a problem with one element; the import goes on.
    pub fn warn(&mut self, position: Option<u64>, message: impl Into<String>) {
        self.warnings += 1;
        if self.warnings <= MAX_WARNINGS_PER_FILE {
            self.sink.warning(Warning {
                file: self.file.to_string(),
                position,
                message: message.into(),
            });
        }
    }

    pub fn records(&self) -> u64 {
        self.records
    }

    /// Say that this file was only walked blindly (its values made searchable without a
    /// schema the parser knows): the report then counts it as indexed, not understood.
    /// For catch-all parsers that read any JSON of a platform's folders.
    pub fn mark_indexed_only(&mut self) {
        self.indexed_only = true;
    }

    /// Whether [`mark_indexed_only`](ImportCx::mark_indexed_only) was called.
    pub fn indexed_only(&self) -> bool {
        self.indexed_only
    }
    pub fn warnings(&self) -> u64 {
        self.warnings
    }
}

/// What people and screens need to know about a platform: the one place its name, its
/// company, how to get its export and its chart colour are written. The UI (Welcome, charts,
/// empty states, "not recognized") and the CLI read these; nothing else spells a platform.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Descriptor {
    /// Stable machine id, stored in the database: `google`, `x`, `tiktok`.
    pub id: &'static str,
    /// Name shown to people: "Google Takeout", "X (Twitter)".
    pub name: &'static str,
    /// The company that runs the platform, as the company directory names it ("Meta",
    /// "X Corp."): the platform's own holdings are filed under this company.
    pub company: &'static str,
    /// Where the user asks for the export (shown as text, never opened or fetched).
    pub address: &'static str,
    /// The steps to request it, in order, in plain words.
    pub steps: &'static [&'static str],
    /// Which format to pick and what arrives ("JSON, not HTML; one zip").
    pub format: &'static str,
    /// Chart colour, `#rrggbb`.
    pub color: &'static str,
}

/// One platform's importer. Implementations are unit structs in a static registry.
pub trait Importer: Sync + Send {
    /// Name, company, how to get the export, colour.
    fn descriptor(&self) -> &'static Descriptor;
    /// Stable machine id: `google`, `facebook`, `instagram`.
    fn id(&self) -> &'static str {
        self.descriptor().id
    }
    /// Name shown to people: "Google Takeout".
    fn name(&self) -> &'static str {
        self.descriptor().name
    }
    /// Cheap: look at entry names (and at most a few small heads). Never reads every file.
    fn recognize(&self, view: &ArchiveView) -> Recognition;
    /// What to do with the file at this logical path, from its name and folders.
    fn classify(&self, path: &str) -> FileRole;
    /// What to do with a file that [`classify`](Importer::classify) did not know by name,
    /// from the first bytes of its content (`head`: at most [`crate::plan::HEAD_BYTES`]):
    /// a known key set, CSV header or JS prefix under an older or localized file name is
    /// still parsed. `None` leaves it unknown.
    fn classify_content(&self, _path: &str, _head: &[u8]) -> Option<FileRole> {
        None
    }
    /// The account the export belongs to (email or username), read from a small profile file.
    /// Scopes deduplication: a newer export of the same account adds only new records.
    fn account(&self, view: &ArchiveView) -> Option<String>;
    /// Stream one file classified as `Parse(parser)` into records.
    fn import_file(
        &self,
        parser: &'static str,
        reader: &mut dyn Read,
        cx: &mut ImportCx<'_>,
    ) -> Result<(), ParseError>;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;
    use crate::testing::MemorySink;

    #[test]
    fn impossible_dates_never_leave_an_importer() {
        let mut sink = MemorySink::default();
        let mut cx = ImportCx::new("f.json", &mut sink);
        for ts in [i64::MAX, 0, -62_167_219_200_000, 16_000_000_000_000, 1_709_294_400_000] {
            cx.emit(0, Record::new("x", Category::Content).at(Some(ts)).until(Some(ts)))
                .unwrap();
        }
        let kept: Vec<Option<i64>> = sink.records.iter().map(|r| r.ts).collect();
        // i64::MAX, year 0000 and year 2477 are dropped; 0 is 1970-01-01, the epoch sentinel.
        assert_eq!(kept, [None, None, None, None, Some(1_709_294_400_000)]);
        assert!(sink.records.iter().all(|r| r.ts_end == r.ts));
    }
}
