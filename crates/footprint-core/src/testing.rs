//! Run an importer over an archive in memory, without a store: what importer unit and golden
//! tests use (the store's own tests cover writing).

use crate::archive::ArchiveView;
use crate::importer::{FileRole, ImportCx, Importer, ParseError, RecordSink, Warning};
use crate::model::{Identity, Record};
use serde::Serialize;

/// The clock of in-memory imports (2026-01-01 00:00 UTC): event times more than a day after it
/// are impossible, so a generator's dates must lie before it (tests are hermetic: the system
/// clock never decides what a test sees).
pub const TEST_CLOCK_MS: i64 = 1_767_225_600_000;

/// Records, identities and warnings kept in memory: the sink of parser unit tests.
#[derive(Default, Debug)]
pub struct MemorySink {
    pub records: Vec<Record>,
    pub identities: Vec<Identity>,
    pub warnings: Vec<Warning>,
}

impl RecordSink for MemorySink {
    fn record(&mut self, record: Record) -> Result<(), ParseError> {
        self.records.push(record);
        Ok(())
    }
    fn identity(&mut self, identity: Identity) {
        self.identities.push(identity);
    }
    fn warning(&mut self, warning: Warning) {
        self.warnings.push(warning);
    }
}

impl MemorySink {
    /// Run `parse` over `input` as if it were the file at `file`.
    pub fn run_parser(
        file: &str,
        input: &str,
        parse: impl FnOnce(&mut dyn std::io::Read, &mut ImportCx<'_>) -> Result<(), ParseError>,
    ) -> (MemorySink, Result<(), ParseError>) {
        let mut out = MemorySink::default();
        let result = {
            let mut cx = ImportCx::new(file, &mut out).clock(TEST_CLOCK_MS);
            let mut reader = input.as_bytes();
            let result = parse(&mut reader, &mut cx);
            cx.finish();
            result
        };
        (out, result)
    }
}

/// A record's `data` as a JSON value (for assertions on single fields).
pub fn data_json(r: &Record) -> serde_json::Value {
    serde_json::from_str(r.data.as_deref().unwrap_or("null")).expect("data is JSON")
}

/// Everything an importer produced for one archive.
#[derive(Debug, Default, Serialize)]
pub struct Collected {
    pub records: Vec<CollectedRecord>,
    pub identities: Vec<Identity>,
    pub warnings: Vec<Warning>,
    /// (path, role) of every entry, in archive order.
    pub files: Vec<(String, FileRole)>,
    /// Files whose parse failed as a whole, with the error.
    pub failed: Vec<(String, String)>,
    /// Files a parser read but only walked blindly ([`ImportCx::mark_indexed_only`]): the
    /// report counts them as indexed, not understood.
    pub indexed_only: Vec<String>,
    pub account: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct CollectedRecord {
    pub file: String,
    #[serde(flatten)]
    pub record: Record,
}

struct VecSink<'a> {
    out: &'a mut Collected,
    file: String,
}

impl RecordSink for VecSink<'_> {
    fn record(&mut self, record: Record) -> Result<(), ParseError> {
        self.out.records.push(CollectedRecord {
            file: self.file.clone(),
            record,
        });
        Ok(())
    }
    fn identity(&mut self, identity: Identity) {
        self.out.identities.push(identity);
    }
    fn warning(&mut self, warning: Warning) {
        self.out.warnings.push(warning);
    }
}

/// Import every file the importer classifies as `Parse`, index every file the plan gives
/// `Index` (as the runner does), and collect the output.
pub fn collect(importer: &dyn Importer, view: &ArchiveView) -> Collected {
    let mut out = Collected {
        account: importer.account(view),
        ..Default::default()
    };
    let roles = crate::plan::plan(view, importer);
    let indices: Vec<usize> = (0..roles.len()).filter(|i| crate::plan::is_read(&roles[*i])).collect();
    for (e, role) in view.entries().iter().zip(&roles) {
        out.files.push((e.path.clone(), role.clone()));
    }
    // Damaged parts (a nested zip that cannot be opened) fail as files, as in the runner.
    for (i, what) in view.damaged() {
        out.failed.push((view.entries()[*i].path.clone(), crate::archive::damaged_part_message(what)));
    }
    view.for_each(&indices, |i, reader| {
        let path = view.entries()[i].path.clone();
        let mut sink = VecSink {
            out: &mut out,
            file: path.clone(),
        };
        let mut cx = ImportCx::new(&path, &mut sink).clock(TEST_CLOCK_MS);
        let result = crate::plan::read_file(importer, &roles[i], reader, &mut cx);
        cx.finish();
        let blind = cx.indexed_only();
        drop(cx);
        if blind {
            out.indexed_only.push(path.clone());
        }
        if let Err(e) = result {
            out.failed.push((path, e.to_string()));
        }
        Ok(())
    })
    .expect("archive readable");
    out
}

/// The raw bytes of every file SQLite keeps for the database at `db` (the file, its WAL,
/// shared-memory index and rollback journal, whichever exist): what the erase and encryption
/// tests search for text that must not be there.
pub fn database_file_bytes(db: &std::path::Path) -> Vec<u8> {
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        if let Ok(bytes) = std::fs::read(format!("{}{suffix}", db.display())) {
            all.extend(bytes);
        }
    }
    all
}

/// How often `needle` occurs in `haystack`, byte for byte.
pub fn occurrences(haystack: &[u8], needle: &str) -> usize {
    haystack.windows(needle.len()).filter(|w| *w == needle.as_bytes()).count()
}
