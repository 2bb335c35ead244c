//! The import runner: open an export, pick its importer, stream every file through it and
//! write the records, all in one transaction (an interrupted or failed import leaves nothing).
//!
//! Two threads share the work, one per core of a small machine: the parser thread inflates and
//! parses (zip + JSON), the calling thread writes to SQLite. They talk through a bounded channel
//! of record batches, so memory stays flat whatever the archive size.

use crate::archive::{ArchiveError, ArchiveView, Limits};
use crate::holders;
use crate::importer::{FileRole, ImportCx, Importer, ParseError, RecordSink, Warning};
use crate::model::{Identity, Record};
use crate::registry::{self, Detection};
use crate::store::{Store, StoreError};
use rusqlite::{params, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use std::time::{Duration, Instant};
use xxhash_rust::xxh3::Xxh3;

pub use crate::archive::group_parts;

/// Records per batch sent from the parser to the writer.
const BATCH: usize = 1024;
/// Batches in flight: bounds memory (a few MB) while keeping both threads busy.
const IN_FLIGHT: usize = 8;

pub type ProgressFn = Arc<dyn Fn(&Progress) + Send + Sync>;

/// Options of one import.
#[derive(Clone, Default)]
pub struct ImportOptions {
    /// Force an importer id instead of auto-detection (needed when detection ties).
    pub platform: Option<String>,
    pub limits: Limits,
    /// Called a few times per second from the writing thread.
    pub progress: Option<ProgressFn>,
    /// Set to true to cancel; the import rolls back.
    pub cancel: Option<Arc<AtomicBool>>,
    /// "Now" in UTC ms (tests pass a fixed clock); defaults to the system clock.
    pub now_ms: Option<i64>,
}

/// Where an import stands.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Progress {
    /// `reading`, `importing`, `finishing`, `done`.
    pub phase: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes_done: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes_total: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub records: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub files_done: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub files_total: u64,
    pub current_file: String,
}

/// What happened to one file of the archive.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FileReport {
    pub path: String,
    /// `parse` (understood by a parser), `index` (indexed, not understood: its text is
    /// searchable), `skip` or `unknown`.
    pub role: String,
    /// Parser name, the indexer's reader (`json`, `csv`, ...), or why the file was skipped.
    pub detail: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub records: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub warnings: u64,
    /// Why the file could not be read as a whole, if so.
    pub error: Option<String>,
}

/// A warning kept in the report.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReportWarning {
    pub file: String,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub position: Option<u64>,
    pub message: String,
}

/// The coverage of one export: what was understood (parsed), indexed without being
/// understood, skipped, unknown; counts and warnings. Reports stored by older versions lack
/// the newer counts: they read as 0.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct ImportReport {
    pub platform: String,
    pub platform_name: String,
    pub account: Option<String>,
    /// Why this platform was chosen.
    pub reason: String,
    pub sources: Vec<String>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub files_total: u64,
    /// Files a parser understood.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub files_parsed: u64,
    /// Files no parser understands whose JSON or CSV text was indexed for search.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub files_indexed: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub files_skipped: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub files_unknown: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub files_failed: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub junk_dropped: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes_total: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes_parsed: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes_indexed: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes_skipped: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes_unknown: u64,
    /// New records written.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub records: u64,
    /// Records parsed, including those already known from an earlier export.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub records_seen: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub duplicates: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub identities: u64,
    /// Warnings kept (at most 50 per file); `warnings_total` counts them all.
    pub warnings: Vec<ReportWarning>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub warnings_total: u64,
    pub files: Vec<FileReport>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub duration_ms: u64,
}

/// The result of importing one export.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportOutcome {
    pub archive_id: i64,
    /// The same export was imported before: nothing was added.
    pub already_imported: bool,
    pub report: ImportReport,
}

/// One platform an ambiguous export may be: what a "which platform is this?" question lists.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlatformChoice {
    /// Importer id, to pass back as [`ImportOptions::platform`].
    pub id: String,
    /// Name from the platform's descriptor.
    pub name: String,
    /// Why it matched, in words (the recognizer's reason).
    pub reason: String,
    pub confidence: f32,
}

impl ImportError {
    /// The platforms to choose from, when the error is a tie.
    pub fn choices(&self) -> Option<&[PlatformChoice]> {
        match self {
            ImportError::Ambiguous { choices, .. } => Some(choices),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Archive(#[from] ArchiveError),
    #[error("{path}: no importer recognizes this export (looked for {known} exports); {hint}")]
    NotRecognized {
        path: String,
        /// The platforms Footprint knows, from the registry's descriptors.
        known: String,
        hint: String,
    },
    #[error("{path}: several platforms match equally ({candidates}); choose one with --platform")]
    Ambiguous {
        path: String,
        candidates: String,
        /// The tied platforms, for a screen that asks which one it is.
        choices: Vec<PlatformChoice>,
    },
    #[error("unknown platform `{0}`; known: {1}")]
    UnknownPlatform(String, String),
    #[error("{path}: reading `{file}` failed: {message}")]
    Read {
        path: String,
        file: String,
        message: String,
    },
    #[error("import cancelled; nothing was saved")]
    Cancelled,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ImportError {
    /// Stable code the UI and scripts branch on.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Archive(ArchiveError::UnknownFormat { .. }) => "unknown_format",
            ImportError::Archive(ArchiveError::UnsafeEntry { .. }) => "unsafe_archive",
            ImportError::Archive(ArchiveError::LimitExceeded { .. }) => "unsafe_archive",
            ImportError::Archive(ArchiveError::Corrupt { .. }) => "corrupt",
            ImportError::Archive(ArchiveError::Io { .. }) => "io",
            ImportError::NotRecognized { .. } => "not_recognized",
            ImportError::Ambiguous { .. } => "ambiguous",
            ImportError::UnknownPlatform(..) => "unknown_platform",
            ImportError::Read { .. } => "corrupt",
            ImportError::Cancelled => "cancelled",
            ImportError::Store(e) => e.code(),
        }
    }
}

fn now_ms(opts: &ImportOptions) -> i64 {
    opts.now_ms
        .unwrap_or_else(|| chrono::Utc::now().timestamp_millis())
}

fn sources_label(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn choose_importer(
    view: &ArchiveView,
    opts: &ImportOptions,
    label: &str,
) -> Result<(&'static dyn Importer, String), ImportError> {
    if let Some(id) = &opts.platform {
        let imp = registry::by_id(id).ok_or_else(|| {
            let known: Vec<&str> = registry::importers().iter().map(|i| i.id()).collect();
            ImportError::UnknownPlatform(id.clone(), known.join(", "))
        })?;
        return Ok((imp, format!("chosen with --platform {id}")));
    }
    match registry::detect(view) {
        Detection::Found(c) => Ok((
            registry::by_id(c.importer).expect("registered"),
            c.recognition.reason,
        )),
        Detection::Tie(cands) => Err(ImportError::Ambiguous {
            path: label.to_string(),
            candidates: cands
                .iter()
                .map(|c| format!("{} ({})", c.importer, c.recognition.reason))
                .collect::<Vec<_>>()
                .join(", "),
            choices: cands
                .iter()
                .map(|c| PlatformChoice {
                    id: c.importer.to_string(),
                    name: c.name.to_string(),
                    reason: c.recognition.reason.clone(),
                    confidence: c.recognition.confidence,
                })
                .collect(),
        }),
        Detection::Unknown => Err(ImportError::NotRecognized {
            path: label.to_string(),
            known: registry::known_names(),
            hint: format!(
                "it holds {} files{}",
                view.entries().len(),
                view.entries()
                    .first()
                    .map(|e| format!(", e.g. `{}`", e.path))
                    .unwrap_or_default()
            ),
        }),
    }
}

/// Import one export (several paths = its part-zips). All or nothing.
pub fn import_export(
    store: &mut Store,
    paths: &[PathBuf],
    opts: &ImportOptions,
) -> Result<ImportOutcome, ImportError> {
    // Foreign-key checks cost three index look-ups per record and force a statement journal
    // per insert. The runner creates every parent row itself, in the same transaction, so it
    // turns them off for the bulk insert and back on afterwards, whatever the outcome (the
    // pragma is ignored inside a transaction, hence here). tests/store.rs runs
    // `PRAGMA foreign_key_check` after imports and removals.
    let path = store.path.clone();
    let sql = StoreError::sql(&path);
    store
        .conn
        .execute_batch("PRAGMA foreign_keys = OFF")
        .map_err(&sql)?;
    // A rollback journal instead of the WAL when nobody else has the database open: every
    // page written once instead of twice (store/bulk_journal.rs). Undone whatever the outcome.
    let journal = match store.enter_bulk_journal() {
        Ok(journal) => journal,
        Err(e) => {
            let _ = store.conn.execute_batch("PRAGMA foreign_keys = ON");
            return Err(e.into());
        }
    };
    let result = import_without_fk_checks(store, paths, opts);
    let left = store.leave_bulk_journal(journal);
    store
        .conn
        .execute_batch("PRAGMA foreign_keys = ON")
        .map_err(&sql)?;
    let outcome = result?;
    left?;
    Ok(outcome)
}

fn import_without_fk_checks(
    store: &mut Store,
    paths: &[PathBuf],
    opts: &ImportOptions,
) -> Result<ImportOutcome, ImportError> {
    let started = Instant::now();
    crate::requests::contacts::warm_directory();
    let label = sources_label(paths);
    let progress = |p: &Progress| {
        if let Some(f) = &opts.progress {
            f(p)
        }
    };
    progress(&Progress {
        phase: "reading".into(),
        current_file: label.clone(),
        ..Default::default()
    });
    let view = ArchiveView::open(paths, &opts.limits)?;
    let fingerprint = format!("{:016x}", view.fingerprint());
    if let Some((id, report)) = store.archive_by_fingerprint(&fingerprint)? {
        return Ok(ImportOutcome {
            archive_id: id,
            already_imported: true,
            report,
        });
    }
    let (importer, reason) = choose_importer(&view, opts, &label)?;
    let account = importer.account(&view);

    let mut report = ImportReport {
        platform: importer.id().to_string(),
        platform_name: importer.name().to_string(),
        account: account.clone(),
        reason,
        sources: paths.iter().map(|p| p.display().to_string()).collect(),
        junk_dropped: view.junk_dropped() as u64,
        ..Default::default()
    };
    // Plan: what happens to every file.
    let mut to_parse: Vec<(usize, FileRole)> = Vec::new();
    let roles = crate::plan::plan(&view, importer);
    for (i, (e, role)) in view.entries().iter().zip(roles).enumerate() {
        let (role_s, detail) = match role {
            FileRole::Parse(p) => {
                to_parse.push((i, role.clone()));
                report.files_parsed += 1;
                report.bytes_parsed += e.size;
                ("parse", Some(p.to_string()))
            }
            FileRole::Index(reader) => {
                to_parse.push((i, role.clone()));
                report.files_indexed += 1;
                report.bytes_indexed += e.size;
                ("index", Some(reader.to_string()))
            }
            FileRole::Skip(why) => {
                report.files_skipped += 1;
                report.bytes_skipped += e.size;
                ("skip", Some(why.to_string()))
            }
            FileRole::Unknown => {
                report.files_unknown += 1;
                report.bytes_unknown += e.size;
                ("unknown", None)
            }
        };
        report.files.push(FileReport {
            path: e.path.clone(),
            role: role_s.to_string(),
            detail,
            bytes: e.size,
            records: 0,
            warnings: 0,
            error: None,
        });
        report.bytes_total += e.size;
    }
    report.files_total = view.entries().len() as u64;
    // A damaged part (a nested zip that cannot be opened) is a failed file; the rest imports.
    for (i, what) in view.damaged() {
        let f = &mut report.files[*i];
        let message = crate::archive::damaged_part_message(what);
        report.warnings.push(ReportWarning {
            file: f.path.clone(),
            position: None,
            message: message.clone(),
        });
        report.warnings_total += 1;
        f.error = Some(message);
    }

    let now = now_ms(opts);
    // A zip without times says 1980-01-01; a damaged one anything: the same rule as records.
    let export_date = view
        .newest_modified()
        .filter(|ms| matches!(crate::time::event_time(*ms, now), crate::time::EventTime::Dated(_)));
    let is_demo = view.is_demo();
    let path_for_err = store.path.clone();
    let sql = StoreError::sql(&path_for_err);
    let tx = store
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(&sql)?;
    tx.execute(
        "INSERT INTO archives(platform, account, fingerprint, sources, imported_at, export_date, report, demo)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, '{}', ?7)",
        params![
            importer.id(),
            account,
            fingerprint,
            serde_json::to_string(&report.sources).unwrap_or_default(),
            now,
            export_date,
            is_demo
        ],
    )
    .map_err(&sql)?;
    let archive_id = tx.last_insert_rowid();
    let mut file_ids = Vec::with_capacity(report.files.len());
    {
        let mut ins = tx
            .prepare("INSERT INTO files(archive_id, path, role, detail, bytes) VALUES (?1, ?2, ?3, ?4, ?5)")
            .map_err(&sql)?;
        for f in &report.files {
            ins.execute(params![archive_id, f.path, f.role, f.detail, f.bytes as i64])
                .map_err(&sql)?;
            file_ids.push(tx.last_insert_rowid());
        }
    }

    let cancel = opts.cancel.clone().unwrap_or_default();
    let bytes_done = Arc::new(AtomicU64::new(0));
    let bytes_total: u64 = to_parse.iter().map(|(i, _)| view.entries()[*i].size).sum();
    let files_total = to_parse.len() as u64;
    let (sender, receiver) = sync_channel::<Msg>(IN_FLIGHT);
    // Batches the writer is done with go back to the parser thread, which frees their records
    // (or reuses the vector): a million records' strings freed off the writer's path.
    let (recycle, recycled) = sync_channel::<Vec<Record>>(IN_FLIGHT);

    let scope = Scope {
        platform: importer.id(),
        account: account.as_deref().unwrap_or(""),
    };
    // Every record this import writes gets an id above this one (ids are max + 1, and this
    // transaction is the only writer): how the writer tells new rows from known ones, and
    // what the full-text index is built from.
    let max_id_before: i64 = tx
        .query_row("SELECT coalesce(max(id), 0) FROM records", [], |x| x.get(0))
        .map_err(&sql)?;
    let written = std::thread::scope(|s| {
        let parser = {
            let cancel = cancel.clone();
            let bytes_done = bytes_done.clone();
            let to_parse = &to_parse;
            let link = WriterLink {
                tx: sender,
                scope,
                file_ids: &file_ids,
                recycled,
            };
            // The view moves to the parser thread: only that thread reads the archive.
            s.spawn(move || parse_all(&view, importer, to_parse, link, &cancel, &bytes_done, now))
        };
        let mut writer = Writer {
            tx: &tx,
            archive_id,
            file_ids: &file_ids,
            scope,
            companies: HashMap::new(),
            report: &mut report,
            cancel: &cancel,
            bytes_done: &bytes_done,
            bytes_total,
            files_total,
            files_done: 0,
            last_progress: Instant::now(),
            progress: opts.progress.as_ref(),
            current_file: String::new(),
            max_id: max_id_before,
            summary: Default::default(),
            recycle,
        };
        let written = writer.run(receiver);
        let summary = std::mem::take(&mut writer.summary);
        let parsed = parser.join().expect("parser thread panicked");
        match (written, parsed) {
            (Err(e), _) => Err(e),
            (Ok(_), Err(e)) => Err(e),
            (Ok(n), Ok(())) => Ok((n, summary)),
        }
    });
    let written = match written {
        Ok((n, summary)) => {
            summary.write(&tx, importer.id()).map_err(&sql)?;
            // Index the new records' text in one statement: FTS5 then builds its segments in
            // memory and writes them once (row-by-row inserts interleaved with the records'
            // multi-row inserts made it flush at every statement: 3x slower on messages).
            // The new records are the ids above `max_id_before`: one scan of the table's end,
            // where `archive_id = ?` looked every row up through records_archive.
            tx.execute(
                "INSERT INTO records_fts(rowid, title, body)
                 SELECT id, title, body FROM records
                 WHERE id > ?1 AND (title IS NOT NULL OR body IS NOT NULL)",
                [max_id_before],
            )
            .map_err(&sql)?;
            n
        }
        Err(WriteError::Cancelled) => return Err(ImportError::Cancelled),
        Err(WriteError::Sql(e)) => return Err(sql(e).into()),
        Err(WriteError::Read { file, message }) => {
            return Err(ImportError::Read {
                path: label,
                file,
                message,
            })
        }
        // A hostile stream is refused like a limit (code `unsafe_archive`).
        Err(WriteError::Refused { message }) => {
            return Err(ImportError::Archive(ArchiveError::LimitExceeded {
                path: paths.first().cloned().unwrap_or_default(),
                message,
            }))
        }
    };
    if cancel.load(Ordering::Relaxed) {
        return Err(ImportError::Cancelled);
    }
    progress(&Progress {
        phase: "finishing".into(),
        bytes_done: bytes_total,
        bytes_total,
        records: written,
        files_done: files_total,
        files_total,
        current_file: String::new(),
    });
    holders::rebuild_holdings(&tx).map_err(&sql)?;
    // Did they really delete? Fulfilled erasure requests meet this export in the same
    // transaction: the verdicts land with the import or not at all.
    let today = chrono::DateTime::from_timestamp_millis(now)
        .map(|t| t.date_naive())
        .unwrap_or_default();
    crate::requests::deletion::check_new_export(&tx, &path_for_err, archive_id, today)?;
    report.records = written;
    report.files_failed = report.files.iter().filter(|f| f.error.is_some()).count() as u64;
    report.duration_ms = started.elapsed().as_millis() as u64;
    tx.execute(
        "UPDATE archives SET records = ?2, report = ?3 WHERE id = ?1",
        params![
            archive_id,
            written as i64,
            serde_json::to_string(&report).unwrap_or_default()
        ],
    )
    .map_err(&sql)?;
    {
        // Per-file counts for the coverage queries (and the role of files a parser turned out
        // to walk blindly: `index`).
        let mut up = tx
            .prepare("UPDATE files SET records = ?2, warnings = ?3, error = ?4, role = ?5 WHERE id = ?1")
            .map_err(&sql)?;
        for (f, id) in report.files.iter().zip(&file_ids) {
            if f.records > 0 || f.warnings > 0 || f.error.is_some() || f.role == "index" {
                up.execute(params![id, f.records as i64, f.warnings as i64, f.error, f.role])
                    .map_err(&sql)?;
            }
        }
    }
    if cancel.load(Ordering::Relaxed) {
        return Err(ImportError::Cancelled);
    }
    tx.commit().map_err(&sql)?;
    progress(&Progress {
        phase: "done".into(),
        bytes_done: bytes_total,
        bytes_total,
        records: written,
        files_done: files_total,
        files_total,
        current_file: String::new(),
    });
    Ok(ImportOutcome {
        archive_id,
        already_imported: false,
        report,
    })
}

/// Messages from the parser thread to the writer.
enum Msg {
    FileStart { entry: usize },
    Records { entry: usize, batch: Batch },
    Identity(Identity),
    Warning(Warning),
    FileDone {
        entry: usize,
        warnings: u64,
        error: Option<String>,
        /// The parser only walked the file blindly ([`ImportCx::mark_indexed_only`]).
        indexed_only: bool,
    },
    /// The archive itself could not be read: abort.
    Fatal { file: String, message: String },
    /// An entry's stream is hostile (a lying size): refuse the archive.
    Refused { message: String },
}

#[derive(Debug)]
enum WriteError {
    Cancelled,
    Sql(rusqlite::Error),
    Read { file: String, message: String },
    Refused { message: String },
}

/// Counts inflated bytes for the progress bar, and keeps the first error of the archive's
/// stream: importers may wrap it (serde_json) or read past it (lenient CSV), but whether the
/// file is damaged or the archive hostile is decided from the stream itself.
struct CountingReader<'a> {
    inner: &'a mut dyn Read,
    done: &'a AtomicU64,
    failure: Option<StreamFailure>,
}

/// The first error an entry's stream gave.
struct StreamFailure {
    /// The archive is hostile (a lying size), not just damaged.
    refused: bool,
    message: String,
}

impl Read for CountingReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => {
                self.done.fetch_add(n as u64, Ordering::Relaxed);
                Ok(n)
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Err(e),
            Err(e) => {
                self.failure.get_or_insert_with(|| StreamFailure {
                    refused: crate::archive::is_refusal(&e),
                    message: e.to_string(),
                });
                Err(e)
            }
        }
    }
}

/// Records on their way to the writer, with what the parser thread computed for them so that
/// the writer, which sets the import's pace, does not: their dedup values and their summary.
struct Batch {
    records: Vec<Record>,
    /// `dedups[i]` is the dedup value of `records[i]`.
    dedups: Vec<i64>,
    /// The summary of every record, for the writer to merge when all of them were new.
    summary: crate::summaries::SummaryDelta,
}

/// The parser thread's end of the link to the writer: the channel, and what it needs to
/// prepare batches.
struct WriterLink<'a> {
    tx: SyncSender<Msg>,
    scope: Scope<'a>,
    file_ids: &'a [i64],
    /// Vectors of records the writer is done with.
    recycled: Receiver<Vec<Record>>,
}

impl WriterLink<'_> {
    fn prepare(&self, entry: usize, records: Vec<Record>) -> Batch {
        let file_id = self.file_ids[entry];
        let mut summary = crate::summaries::SummaryDelta::default();
        let dedups = records
            .iter()
            .map(|r| {
                summary.add_record(file_id, r);
                self.scope.dedup(r)
            })
            .collect();
        Batch {
            records,
            dedups,
            summary,
        }
    }

    /// An empty vector for the next batch: one the writer sent back, its records freed here.
    fn next_vec(&self) -> Vec<Record> {
        let mut next = None;
        while let Ok(mut v) = self.recycled.try_recv() {
            v.clear();
            next.get_or_insert(v);
        }
        next.unwrap_or_else(|| Vec::with_capacity(BATCH))
    }
}

/// The parser thread's sink: batches records into the channel.
struct ChannelSink<'a> {
    entry: usize,
    batch: Vec<Record>,
    link: &'a WriterLink<'a>,
    cancel: &'a AtomicBool,
}

impl ChannelSink<'_> {
    fn flush(&mut self) -> Result<(), ParseError> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let records = std::mem::replace(&mut self.batch, self.link.next_vec());
        self.link
            .tx
            .send(Msg::Records {
                entry: self.entry,
                batch: self.link.prepare(self.entry, records),
            })
            .map_err(|_| ParseError::Cancelled)
    }
}

impl RecordSink for ChannelSink<'_> {
    fn record(&mut self, record: Record) -> Result<(), ParseError> {
        self.batch.push(record);
        if self.batch.len() >= BATCH {
            if self.cancel.load(Ordering::Relaxed) {
                return Err(ParseError::Cancelled);
            }
            self.flush()?;
        }
        Ok(())
    }
    fn identity(&mut self, identity: Identity) {
        let _ = self.link.tx.send(Msg::Identity(identity));
    }
    fn warning(&mut self, warning: Warning) {
        let _ = self.link.tx.send(Msg::Warning(warning));
    }
}

fn parse_all(
    view: &ArchiveView,
    importer: &dyn Importer,
    to_parse: &[(usize, FileRole)],
    link: WriterLink<'_>,
    cancel: &AtomicBool,
    bytes_done: &AtomicU64,
    now_ms: i64,
) -> Result<(), WriteError> {
    let tx = &link.tx;
    let roles: HashMap<usize, &FileRole> = to_parse.iter().map(|(i, r)| (*i, r)).collect();
    let indices: Vec<usize> = to_parse.iter().map(|(i, _)| *i).collect();
    let result = view.for_each(&indices, |entry, reader| {
        if cancel.load(Ordering::Relaxed) {
            return Ok(());
        }
        let path = &view.entries()[entry].path;
        if tx.send(Msg::FileStart { entry }).is_err() {
            return Ok(());
        }
        let mut sink = ChannelSink {
            entry,
            batch: link.next_vec(),
            link: &link,
            cancel,
        };
        let mut counting = CountingReader {
            inner: reader,
            done: bytes_done,
            failure: None,
        };
        let mut cx = ImportCx::new(path, &mut sink).clock(now_ms);
        let outcome = crate::plan::read_file(importer, roles[&entry], &mut counting, &mut cx);
        cx.finish();
        let warnings = cx.warnings();
        let indexed_only = cx.indexed_only();
        drop(cx);
        let flushed = sink.flush();
        let error = match (counting.failure.take(), outcome, flushed) {
            (_, Err(ParseError::Cancelled), _) | (_, _, Err(ParseError::Cancelled)) => {
                cancel.store(true, Ordering::Relaxed);
                return Ok(());
            }
            // A stream that lies about its size is an attack on the import: refuse it all.
            (Some(f), _, _) if f.refused => {
                let _ = tx.send(Msg::Refused { message: f.message });
                return Ok(());
            }
            // Damage (a CRC error, a stream cut short, an entry that cannot be opened) costs
            // this file only, whatever the importer made of the error; the records read
            // before it stay, like those of a file whose JSON breaks halfway.
            (Some(f), _, _) => Some(crate::archive::damaged_part_message(&f.message)),
            (None, Err(ParseError::Io(e)), _) => Some(crate::archive::damaged_part_message(&e.to_string())),
            (None, Err(e), _) => Some(e.to_string()),
            (None, Ok(()), _) => None,
        };
        let _ = tx.send(Msg::FileDone {
            entry,
            warnings,
            error,
            indexed_only,
        });
        Ok(())
    });
    if let Err(e) = result {
        let _ = tx.send(Msg::Fatal {
            file: String::new(),
            message: e.to_string(),
        });
    }
    Ok(())
}

/// The dedup scope: the same item in two exports of one account gets one key.
#[derive(Clone, Copy)]
struct Scope<'a> {
    platform: &'a str,
    account: &'a str,
}

impl Scope<'_> {
    fn dedup(&self, r: &Record) -> i64 {
        dedup_of(self.platform, self.account, r.effective_key())
    }
}

/// The stored dedup value of a record with natural key `key` in an export of `platform`'s
/// `account`: the store's migrations recompute it with this same function.
pub fn dedup_of(platform: &str, account: &str, key: u64) -> i64 {
    // One-shot hashing of the bytes laid out on the stack: the same XXH3 value as streaming
    // them (the algorithm's guarantee), in a tenth of the instructions of the streaming state.
    const ON_STACK: usize = 128;
    let len = platform.len() + account.len() + 10;
    if len <= ON_STACK {
        let mut buf = [0u8; ON_STACK];
        let (p, a) = (platform.len(), account.len());
        buf[..p].copy_from_slice(platform.as_bytes());
        buf[p] = 0x1f;
        buf[p + 1..p + 1 + a].copy_from_slice(account.as_bytes());
        buf[p + 1 + a] = 0x1f;
        buf[p + 2 + a..len].copy_from_slice(&key.to_le_bytes());
        return xxhash_rust::xxh3::xxh3_64(&buf[..len]) as i64;
    }
    dedup_streamed(platform, account, key)
}

/// [`dedup_of`] for scopes too long for its stack buffer.
fn dedup_streamed(platform: &str, account: &str, key: u64) -> i64 {
    let mut h = Xxh3::new();
    h.update(platform.as_bytes());
    h.update(&[0x1f]);
    h.update(account.as_bytes());
    h.update(&[0x1f]);
    h.update(&key.to_le_bytes());
    h.digest() as i64
}

/// Rows per multi-row INSERT: one statement per 64 rows saves SQLite's per-statement work
/// (reset, bind, halt), ~25% of the writer's time (18 columns, 64 rows).
///
/// `INSERT OR IGNORE` rather than `ON CONFLICT DO NOTHING`: both skip a row already known
/// (the unique records_key), but a statement that may abort halfway (the upsert form, through
/// its other constraints) makes SQLite keep a statement journal of every page it touches, in
/// a temporary file: 10% of the import's time in perf (docs/PERFORMANCE.md). With OR IGNORE
/// no constraint aborts the statement, so there is no journal to keep. A row skipped for any
/// other reason than a duplicate is not lost silently: the writer then looks every row of the
/// chunk up by its key and fails the import when one is missing.
///
/// The archive, the file and the platform are the same for every row of a statement: they are
/// bound once, as `?1`, `?2` and `?3`, which every row names (3 + 15 x 64 parameters to bind
/// instead of 18 x 64).
const CHUNK: usize = 64;
const INSERT_COLS: &str = "archive_id, file_id, position, dedup, platform, kind, category,
    ts, ts_end, title, body, lat, lon, company_id, relation, data, amount_minor, currency";
/// Parameters shared by every row: archive_id, file_id, platform.
const SHARED_PARAMS: usize = 3;
/// Parameters of each row: the columns but the shared ones.
const ROW_PARAMS: usize = 15;

fn insert_sql(rows: usize) -> String {
    let values: Vec<String> = (0..rows)
        .map(|i| {
            let p: Vec<String> = (0..ROW_PARAMS)
                .map(|j| format!("?{}", SHARED_PARAMS + i * ROW_PARAMS + j + 1))
                .collect();
            // In INSERT_COLS order: archive_id, file_id, position, dedup, platform, the rest.
            format!("(?1,?2,{},{},?3,{})", p[0], p[1], p[2..].join(","))
        })
        .collect();
    format!("INSERT OR IGNORE INTO records({INSERT_COLS}) VALUES {}", values.join(","))
}

/// A record with what the writer computed for it.
struct PreparedRow<'r> {
    r: &'r Record,
    dedup: i64,
    company_id: Option<i64>,
}

fn bind_rows(
    st: &mut rusqlite::CachedStatement<'_>,
    rows: &[PreparedRow<'_>],
    archive_id: i64,
    file_id: i64,
    platform: &str,
) -> rusqlite::Result<()> {
    // Unset parameters are NULL: clearing them all at once costs less than binding each row's
    // NULLs (a location point has eight) one by one.
    st.clear_bindings();
    st.raw_bind_parameter(1, archive_id)?;
    st.raw_bind_parameter(2, file_id)?;
    st.raw_bind_parameter(3, platform)?;
    for (i, row) in rows.iter().enumerate() {
        let b = SHARED_PARAMS + i * ROW_PARAMS;
        let r = row.r;
        st.raw_bind_parameter(b + 1, r.position as i64)?;
        st.raw_bind_parameter(b + 2, row.dedup)?;
        st.raw_bind_parameter(b + 3, r.kind)?;
        st.raw_bind_parameter(b + 4, r.category.as_str())?;
        bind_some(st, b + 5, r.ts)?;
        bind_some(st, b + 6, r.ts_end)?;
        bind_some(st, b + 7, r.title.as_deref())?;
        bind_some(st, b + 8, r.body.as_deref())?;
        bind_some(st, b + 9, r.lat)?;
        bind_some(st, b + 10, r.lon)?;
        bind_some(st, b + 11, row.company_id)?;
        bind_some(st, b + 12, r.company.as_ref().map(|c| c.relation.as_str()))?;
        bind_some(st, b + 13, r.data.as_deref())?;
        bind_some(st, b + 14, r.amount.map(|m| m.minor))?;
        bind_some(st, b + 15, r.amount.as_ref().map(|m| m.currency.as_str()))?;
    }
    Ok(())
}

/// The writer's statements for records.
struct RecordStatements<'c> {
    insert_many: rusqlite::CachedStatement<'c>,
    insert_one: rusqlite::CachedStatement<'c>,
    find: rusqlite::CachedStatement<'c>,
    also: rusqlite::CachedStatement<'c>,
}

impl<'c> RecordStatements<'c> {
    fn prepare(tx: &'c rusqlite::Connection) -> rusqlite::Result<Self> {
        Ok(RecordStatements {
            insert_many: tx.prepare_cached(&insert_sql(CHUNK))?,
            insert_one: tx.prepare_cached(&insert_sql(1))?,
            find: tx.prepare_cached(
                "SELECT id, archive_id FROM records
                 WHERE coalesce(ts, -9223372036854775808) = coalesce(?1, -9223372036854775808) AND dedup = ?2",
            )?,
            also: tx.prepare_cached(
                "INSERT OR IGNORE INTO record_also_in(record_id, archive_id, file_id, position) VALUES (?1, ?2, ?3, ?4)",
            )?,
        })
    }
}

/// Bind a value, or leave the parameter NULL (as `clear_bindings` left it).
fn bind_some<T: rusqlite::ToSql>(st: &mut rusqlite::CachedStatement<'_>, i: usize, v: Option<T>) -> rusqlite::Result<()> {
    match v {
        Some(v) => st.raw_bind_parameter(i, v),
        None => Ok(()),
    }
}

struct Writer<'a> {
    tx: &'a rusqlite::Connection,
    archive_id: i64,
    file_ids: &'a [i64],
    scope: Scope<'a>,
    companies: HashMap<String, i64>,
    report: &'a mut ImportReport,
    cancel: &'a AtomicBool,
    bytes_done: &'a AtomicU64,
    bytes_total: u64,
    files_total: u64,
    files_done: u64,
    last_progress: Instant,
    progress: Option<&'a ProgressFn>,
    current_file: String,
    /// Highest record id before the rows being written (tells new rows from known ones).
    max_id: i64,
    /// Counts and days of the new records, for the summary tables.
    summary: crate::summaries::SummaryDelta,
    /// Where written batches go back to the parser thread, to be freed there.
    recycle: SyncSender<Vec<Record>>,
}

impl Writer<'_> {
    fn run(&mut self, rx: Receiver<Msg>) -> Result<u64, WriteError> {
        let tx = self.tx;
        let mut statements = RecordStatements::prepare(tx).map_err(WriteError::Sql)?;
        let mut ident = tx
            .prepare_cached("INSERT OR IGNORE INTO identities(archive_id, kind, value) VALUES (?1, ?2, ?3)")
            .map_err(WriteError::Sql)?;
        let mut written = 0u64;
        for msg in rx {
            if self.cancel.load(Ordering::Relaxed) {
                return Err(WriteError::Cancelled);
            }
            match msg {
                Msg::FileStart { entry } => {
                    self.current_file = self.report.files[entry].path.clone();
                }
                Msg::Records { entry, batch } => {
                    written += self.write_batch(entry, batch, &mut statements)?;
                    self.tick(written);
                }
                Msg::Identity(i) => {
                    let n = ident
                        .execute(params![self.archive_id, i.kind.as_str(), i.value])
                        .map_err(WriteError::Sql)?;
                    self.report.identities += n as u64;
                }
                Msg::Warning(w) => {
                    self.report.warnings_total += 1;
                    self.report.warnings.push(ReportWarning {
                        file: w.file,
                        position: w.position,
                        message: w.message,
                    });
                }
                Msg::FileDone {
                    entry,
                    warnings,
                    error,
                    indexed_only,
                } => {
                    self.files_done += 1;
                    let f = &mut self.report.files[entry];
                    f.warnings = warnings;
                    if indexed_only && f.role == "parse" {
                        // A catch-all parser walked it without knowing its schema: searchable,
                        // but not understood. The detail keeps the parser's name.
                        f.role = "index".to_string();
                        self.report.files_parsed -= 1;
                        self.report.bytes_parsed -= f.bytes;
                        self.report.files_indexed += 1;
                        self.report.bytes_indexed += f.bytes;
                    }
                    // Warnings beyond the kept ones still count.
                    let kept = warnings.min(crate::importer::MAX_WARNINGS_PER_FILE);
                    self.report.warnings_total += warnings - kept;
                    if let Some(e) = error {
                        self.report.warnings_total += 1;
                        self.report.warnings.push(ReportWarning {
                            file: f.path.clone(),
                            position: None,
                            message: format!("file not fully read: {e}"),
                        });
                        f.error = Some(e);
                    }
                    self.tick(written);
                }
                Msg::Refused { message } => return Err(WriteError::Refused { message }),
                Msg::Fatal { file, message } => {
                    return Err(WriteError::Read { file, message });
                }
            }
        }
        if self.cancel.load(Ordering::Relaxed) {
            return Err(WriteError::Cancelled);
        }
        Ok(written)
    }

    /// Write one batch; returns how many of its records were new.
    fn write_batch(&mut self, entry: usize, batch: Batch, st: &mut RecordStatements<'_>) -> Result<u64, WriteError> {
        let tx = self.tx;
        let file_id = self.file_ids[entry];
        let Batch {
            records,
            dedups,
            summary,
        } = batch;
        let rows: Vec<PreparedRow<'_>> = records
            .iter()
            .zip(&dedups)
            .map(|(r, &dedup)| {
                Ok(PreparedRow {
                    dedup,
                    company_id: match &r.company {
                        Some(c) => Some(self.company(&c.name)?),
                        None => None,
                    },
                    r,
                })
            })
            .collect::<rusqlite::Result<_>>()
            .map_err(WriteError::Sql)?;
        let mut written = 0u64;
        // Which chunks had only new rows: when all had, the batch's summary is theirs.
        let mut all_new = Vec::with_capacity(rows.len().div_ceil(CHUNK));
        for chunk in rows.chunks(CHUNK) {
            // A full chunk goes in one multi-row statement, a batch's tail row by row.
            let inserted = if chunk.len() == CHUNK {
                bind_rows(&mut st.insert_many, chunk, self.archive_id, file_id, self.scope.platform)
                    .map_err(WriteError::Sql)?;
                st.insert_many.raw_execute().map_err(WriteError::Sql)?
            } else {
                let mut n = 0;
                for row in chunk {
                    bind_rows(&mut st.insert_one, std::slice::from_ref(row), self.archive_id, file_id, self.scope.platform)
                        .map_err(WriteError::Sql)?;
                    n += st.insert_one.raw_execute().map_err(WriteError::Sql)?;
                }
                n
            };
            all_new.push(inserted == chunk.len());
            if inserted == chunk.len() {
                // All new (the common case): no look-ups needed.
                written += chunk.len() as u64;
                self.max_id = tx.last_insert_rowid();
            } else {
                // Some rows were already known (a newer export of the same account, or repeats
                // inside the export): the rows inserted now are the ones of this archive with
                // an id above every id before this chunk.
                let mut seen = std::collections::HashSet::new();
                let mut new_max = self.max_id;
                for row in chunk {
                    let (id, owner): (i64, i64) = st
                        .find
                        .query_row(params![row.r.ts, row.dedup], |x| Ok((x.get(0)?, x.get(1)?)))
                        .map_err(WriteError::Sql)?;
                    if owner == self.archive_id && id > self.max_id && seen.insert(id) {
                        written += 1;
                        new_max = new_max.max(id);
                        self.summary.add_record(file_id, row.r);
                    } else {
                        self.report.duplicates += 1;
                        if owner != self.archive_id {
                            st.also
                                .execute(params![id, self.archive_id, file_id, row.r.position as i64])
                                .map_err(WriteError::Sql)?;
                        }
                    }
                }
                self.max_id = new_max;
            }
        }
        if all_new.iter().all(|&new| new) {
            self.summary.merge(summary);
        } else {
            // The parser's summary counts the duplicates too. The rows of mixed chunks were
            // counted one by one above; count those of the all-new chunks here.
            for (chunk, _) in rows.chunks(CHUNK).zip(&all_new).filter(|(_, &new)| new) {
                for row in chunk {
                    self.summary.add_record(file_id, row.r);
                }
            }
        }
        self.report.records_seen += rows.len() as u64;
        self.report.files[entry].records += rows.len() as u64;
        drop(rows);
        // Freed on the parser thread; when its queue is full, here.
        let _ = self.recycle.try_send(records);
        Ok(written)
    }

    fn company(&mut self, name: &str) -> rusqlite::Result<i64> {
        if let Some(id) = self.companies.get(name) {
            return Ok(*id);
        }
        let id = holders::company_id(self.tx, name)?;
        self.companies.insert(name.to_string(), id);
        Ok(id)
    }

    fn tick(&mut self, records: u64) {
        if let Some(f) = self.progress {
            if self.last_progress.elapsed() >= Duration::from_millis(100) {
                self.last_progress = Instant::now();
                f(&Progress {
                    phase: "importing".into(),
                    bytes_done: self.bytes_done.load(Ordering::Relaxed).min(self.bytes_total),
                    bytes_total: self.bytes_total,
                    records,
                    files_done: self.files_done,
                    files_total: self.files_total,
                    current_file: self.current_file.clone(),
                });
            }
        }
    }
}

impl Store {
    /// The archive with this content fingerprint, if it was imported before.
    pub(crate) fn archive_by_fingerprint(
        &self,
        fingerprint: &str,
    ) -> Result<Option<(i64, ImportReport)>, StoreError> {
        let row: Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT id, report FROM archives WHERE fingerprint = ?1",
                [fingerprint],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(self.err())?;
        Ok(row.map(|(id, json)| {
            let mut report: ImportReport = serde_json::from_str(&json).unwrap_or_default();
            // Nothing new this time.
            report.records = 0;
            (id, report)
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedup_on_the_stack_equals_the_streamed_hash_on_both_sides_of_the_buffer() {
        // Accounts from empty to past the 128-byte buffer, with multi-byte characters.
        for n in 0..130 {
            let account: String = "é".repeat(n / 2) + &"a".repeat(n % 2);
            for key in [0, 1, u64::MAX, 0x0123_4567_89ab_cdef] {
                assert_eq!(
                    dedup_of("google", &account, key),
                    dedup_streamed("google", &account, key),
                    "account of {} bytes, key {key:#x}",
                    account.len()
                );
            }
        }
    }

    #[test]
    fn each_row_of_the_insert_names_the_shared_parameters_and_its_own() {
        let sql = insert_sql(2);
        assert!(sql.contains("(?1,?2,?4,?5,?3,?6,"), "{sql}");
        assert!(sql.ends_with(",?33)"), "{sql}");
        assert!(sql.contains("(?1,?2,?19,?20,?3,?21,"), "{sql}");
    }
}
