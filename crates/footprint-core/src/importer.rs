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
    /// The import's "now" in UTC ms: an event more than a day after it is impossible.
    now_ms: i64,
    /// Impossible times dropped from this file's records, and the first one with its position.
    dropped_dates: u64,
    first_dropped: Option<(u64, i64)>,
    finished: bool,
    indexed_only: bool,
}

/// At most this many warnings per file are kept; the rest are counted.
pub const MAX_WARNINGS_PER_FILE: u64 = 50;

/// Largest record kept (title, body and data together) and largest CSV row read: the longest
/// real message or post is a few hundred KB; a cell or string of tens of MB is a hostile or
/// broken file, and would otherwise be written whole into the database and its text index.
pub const MAX_RECORD_BYTES: usize = 4 << 20;

impl<'a> ImportCx<'a> {
    /// A context on the system clock; the runner and tests set the import's clock with
    /// [`ImportCx::clock`].
    pub fn new(file: &'a str, sink: &'a mut dyn RecordSink) -> Self {
        ImportCx {
            file,
            sink,
            position: 0,
            records: 0,
            warnings: 0,
            now_ms: chrono::Utc::now().timestamp_millis(),
            dropped_dates: 0,
            first_dropped: None,
            finished: false,
            indexed_only: false,
        }
    }

    /// Judge event times against `now_ms` (the import's clock, UTC ms) instead of the system clock.
    pub fn clock(mut self, now_ms: i64) -> Self {
        self.now_ms = now_ms;
        self
    }

    /// Push one record. `position` is the element index in the file (for evidence and
    /// warnings); pass the index the record was parsed from.
    pub fn emit(&mut self, position: u64, mut record: Record) -> Result<(), ParseError> {
        let bytes = [&record.title, &record.body, &record.data]
            .iter()
            .map(|f| f.as_ref().map_or(0, String::len))
            .sum::<usize>();
        if bytes > MAX_RECORD_BYTES {
            self.warn(
                Some(position),
                format!(
                    "record {position} is larger than {} MiB ({} MiB of text): skipped",
                    MAX_RECORD_BYTES >> 20,
                    bytes >> 20
                ),
            );
            return Ok(());
        }
        // The one time rule for every importer (docs/IMPORTERS.md, "Times"): zero and negative
        // are "no date"; before 1995 or more than a day after the import is a sentinel
        // (`9223372036854775807`), a unit mistake or damage: the record is kept without a date
        // and the file gets one warning that sums them up (see `finish`).
        record.ts = record.ts.and_then(|ms| self.event_time(position, ms));
        record.ts_end = record.ts_end.and_then(|ms| self.event_time(position, ms));
        record.position = position;
        self.position = position;
        self.records += 1;
        self.sink.record(record)
    }

    fn event_time(&mut self, position: u64, ms: i64) -> Option<i64> {
        match crate::time::event_time(ms, self.now_ms) {
            crate::time::EventTime::Dated(ms) => Some(ms),
            crate::time::EventTime::Undated => None,
            crate::time::EventTime::Impossible(ms) => {
                self.dropped_dates += 1;
                self.first_dropped.get_or_insert((position, ms));
                None
            }
        }
    }

    /// End of the file: one warning for all the impossible dates dropped from it (a file of a
    /// million nanosecond timestamps must not bury the report). Runs once; dropping the context
    /// calls it too.
    pub fn finish(&mut self) {
        if self.finished {
            return;
        }
        self.finished = true;
        if let Some((position, ms)) = self.first_dropped {
            let n = self.dropped_dates;
            let what = if n == 1 { "1 impossible date".to_string() } else { format!("{n} impossible dates") };
            self.warn(
                Some(position),
                format!(
                    "{what} dropped (before 1995 or more than a day after the import); the records are kept without a date (e.g. element {position}: {})",
                    impossible_example(ms)
                ),
            );
        }
    }

    /// Impossible dates dropped so far from this file's records.
    pub fn dropped_dates(&self) -> u64 {
        self.dropped_dates
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

impl Drop for ImportCx<'_> {
    fn drop(&mut self) {
        self.finish();
    }
}

/// An impossible time as the warning shows it: the milliseconds the importer computed, and the
/// calendar year they would be when chrono can say (`16000000000000 ms, year 2477`).
fn impossible_example(ms: i64) -> String {
    use chrono::Datelike;
    match chrono::DateTime::from_timestamp_millis(ms) {
        Some(dt) => format!("{ms} ms, year {}", dt.year()),
        None => format!("{ms} ms, not a date"),
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
        let now = 1_767_000_000_000; // 2025-12-29
        let mut sink = MemorySink::default();
        {
            let mut cx = ImportCx::new("f.json", &mut sink).clock(now);
            for ts in [i64::MAX, 0, -1, -62_167_219_200_000, 16_000_000_000_000, 1_709_294_400_000, 631_152_000_000] {
                cx.emit(0, Record::new("x", Category::Content).at(Some(ts)).until(Some(ts)))
                    .unwrap();
            }
            // Each impossible ts and ts_end counts: i64::MAX, year 2477, 1990 (twice each).
            assert_eq!(cx.dropped_dates(), 6);
        }
        let kept: Vec<Option<i64>> = sink.records.iter().map(|r| r.ts).collect();
        assert_eq!(kept, [None, None, None, None, None, Some(1_709_294_400_000), None]);
        assert!(sink.records.iter().all(|r| r.ts_end == r.ts));
        assert_eq!(sink.warnings.len(), 1, "one summary warning: {:?}", sink.warnings);
        let w = &sink.warnings[0].message;
        assert!(w.starts_with("6 impossible dates dropped"), "{w}");
        assert!(w.contains("9223372036854775807 ms"), "the first one is the example: {w}");
    }

    #[test]
    fn a_record_over_the_size_limit_is_skipped_with_a_warning() {
        let mut sink = MemorySink::default();
        {
            let mut cx = ImportCx::new("f.json", &mut sink);
            let mut big = Record::new("x", Category::Content);
            big.title = Some("t".repeat(MAX_RECORD_BYTES / 2));
            big.body = Some("b".repeat(MAX_RECORD_BYTES / 2 + 1));
            cx.emit(7, big).unwrap();
            let mut fits = Record::new("x", Category::Content);
            fits.body = Some("b".repeat(MAX_RECORD_BYTES));
            cx.emit(8, fits).unwrap();
            assert_eq!(cx.records(), 1);
        }
        assert_eq!(sink.records.len(), 1);
        assert_eq!(sink.records[0].position, 8);
        assert_eq!(sink.warnings.len(), 1);
        let w = &sink.warnings[0];
        assert_eq!(w.position, Some(7));
        assert!(w.message.starts_with("record 7 is larger than 4 MiB"), "{}", w.message);
    }

    #[test]
    fn the_import_clock_decides_what_is_in_the_future() {
        let tomorrow_and_a_bit = 1_767_000_000_000 + 2 * 86_400_000;
        let mut sink = MemorySink::default();
        {
            let mut cx = ImportCx::new("f.json", &mut sink).clock(1_767_000_000_000);
            cx.emit(3, Record::new("x", Category::Content).at(Some(tomorrow_and_a_bit))).unwrap();
            cx.finish();
            cx.finish();
        }
        assert_eq!(sink.records[0].ts, None);
        assert_eq!(sink.warnings.len(), 1, "finish runs once");
        assert_eq!(sink.warnings[0].position, Some(3));
        let mut sink = MemorySink::default();
        {
            let mut cx = ImportCx::new("f.json", &mut sink).clock(tomorrow_and_a_bit);
            cx.emit(3, Record::new("x", Category::Content).at(Some(tomorrow_and_a_bit))).unwrap();
        }
        assert_eq!(sink.records[0].ts, Some(tomorrow_and_a_bit));
        assert!(sink.warnings.is_empty());
    }

    #[test]
    fn the_summary_warning_respects_the_cap() {
        let mut sink = MemorySink::default();
        {
            let mut cx = ImportCx::new("f.json", &mut sink).clock(1_767_000_000_000);
            for i in 0..(MAX_WARNINGS_PER_FILE + 10) {
                cx.warn(Some(i), "bad element");
                cx.emit(i, Record::new("x", Category::Content).at(Some(1))).unwrap();
            }
            cx.finish();
            assert_eq!(cx.warnings(), MAX_WARNINGS_PER_FILE + 11, "the summary is counted");
        }
        assert_eq!(sink.warnings.len() as u64, MAX_WARNINGS_PER_FILE);
    }
}
