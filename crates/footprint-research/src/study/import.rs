//! `footprint study import`: a folder of donation files and raw exports into one Parquet
//! dataset, `DATASET/participant=<id>/table=<name>/part-0.parquet`.
//!
//! - **One participant, one folder, all or nothing**: it is written as
//!   `participant=<id>.partial/` and renamed when complete, so a crash leaves no half
//!   participant; leftover `.partial` folders are removed when the next run starts.
//! - **Resumable**: a participant whose folder exists is skipped (and reported as skipped).
//! - **Concurrent**: participants run on a tokio runtime, at most `jobs` at once (a
//!   semaphore), each in a blocking task (import, export and copying are CPU and disk work);
//!   each partition has exactly one writer, its participant's task.
//! - **Failures stay local**: a damaged, unknown or refused input is reported with its
//!   error and the study goes on.

use super::donation_reader;
use super::sources::{discover, Source, SourceKind};
use super::{parquet_rows, participant_folder, partition_file, PARTIAL_SUFFIX, REPORT_FILE};
use crate::donation::format::ParticipantId;
use crate::pseudonym::MIN_SALT_CHARS;
use crate::{export, ExportError, ExportOptions, Format, Selection};
use footprint_core::exports::plan_exports;
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// Called once per participant when it is done (from its task's thread), with the number of
/// participants in the study.
pub type ParticipantDone = Arc<dyn Fn(&ParticipantReport, usize) + Send + Sync>;

#[derive(Clone)]
pub struct StudyImportOptions {
    /// The folder of donation files and raw exports.
    pub dir: PathBuf,
    /// The dataset folder (created if missing; its finished participants are kept).
    pub out: PathBuf,
    /// Participants processed at once (at least 1).
    pub jobs: usize,
    /// The study salt: raw exports are pseudonymized with it (required for them).
    pub salt: Option<String>,
    /// The study's id: a donation made for another study is refused.
    pub study: Option<ParticipantId>,
    /// Raw exports: also write the `identities` table (hashed).
    pub with_identities: bool,
    /// Raw exports: leave message bodies out.
    pub drop_message_text: bool,
    pub on_done: Option<ParticipantDone>,
}

impl StudyImportOptions {
    pub fn new(dir: PathBuf, out: PathBuf) -> StudyImportOptions {
        StudyImportOptions {
            dir,
            out,
            jobs: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
            salt: None,
            study: None,
            with_identities: false,
            drop_message_text: false,
            on_done: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Written in this run.
    Ok,
    /// Already in the dataset from an earlier run.
    Skipped,
    /// Not written: see `error`.
    Failed,
}

/// One participant's line of `study_report.json`.
#[derive(Debug, Clone, Serialize)]
pub struct ParticipantReport {
    /// None when no usable id could be found (the error says why).
    pub participant: Option<String>,
    /// The input file(s).
    pub source: String,
    pub kind: SourceKind,
    pub status: Status,
    pub error: Option<String>,
    /// Rows per table in the dataset.
    pub rows: BTreeMap<String, u64>,
    /// Input bytes read (the donation or the export's files).
    pub input_bytes: u64,
    pub seconds: f64,
}

/// `study_report.json`.
#[derive(Debug, Clone, Serialize)]
pub struct StudyReport {
    pub dataset: PathBuf,
    pub jobs: usize,
    pub ok: usize,
    pub skipped: usize,
    pub failed: usize,
    /// Rows written in this run (skipped participants not counted).
    pub rows: u64,
    /// Input bytes read in this run.
    pub input_bytes: u64,
    pub seconds: f64,
    pub participants: Vec<ParticipantReport>,
}

impl StudyReport {
    pub fn failures(&self) -> impl Iterator<Item = &ParticipantReport> {
        self.participants.iter().filter(|p| p.status == Status::Failed)
    }
}

/// Import every participant of `opts.dir` into `opts.out`; writes `study_report.json` there.
/// Errors only when the study cannot run at all (unreadable folder, a bad salt); a
/// participant's failure is in the report.
pub fn import_study(opts: &StudyImportOptions) -> Result<StudyReport, ExportError> {
    let started = Instant::now();
    if let Some(salt) = &opts.salt {
        if salt.chars().count() < MIN_SALT_CHARS {
            return Err(ExportError::Invalid(format!(
                "the study salt has {} characters; it needs at least {MIN_SALT_CHARS}",
                salt.chars().count()
            )));
        }
    }
    let jobs = opts.jobs.max(1);
    std::fs::create_dir_all(&opts.out).map_err(|e| ExportError::io(&opts.out, e))?;
    let sources = discover(&opts.dir, &opts.out).map_err(|e| ExportError::io(&opts.dir, e))?;
    remove_partials(&opts.out)?;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .max_blocking_threads(jobs)
        .thread_name("study-import")
        .build()
        .map_err(|e| ExportError::io(&opts.out, e))?;
    let reports = runtime.block_on(run_all(sources, opts, jobs));

    let mut report = StudyReport {
        dataset: opts.out.clone(),
        jobs,
        ok: 0,
        skipped: 0,
        failed: 0,
        rows: 0,
        input_bytes: 0,
        seconds: started.elapsed().as_secs_f64(),
        participants: reports,
    };
    for p in &report.participants {
        match p.status {
            Status::Ok => {
                report.ok += 1;
                report.rows += p.rows.values().sum::<u64>();
                report.input_bytes += p.input_bytes;
            }
            Status::Skipped => report.skipped += 1,
            Status::Failed => report.failed += 1,
        }
    }
    write_report(&opts.out, &report)?;
    Ok(report)
}

/// Every source, at most `jobs` at once, each in a blocking task; reports in source order.
async fn run_all(sources: Vec<Source>, opts: &StudyImportOptions, jobs: usize) -> Vec<ParticipantReport> {
    let semaphore = Arc::new(tokio::sync::Semaphore::new(jobs));
    let mut tasks = tokio::task::JoinSet::new();
    let mut slots: Vec<Option<ParticipantReport>> = vec![None; sources.len()];
    let mut task_slot = BTreeMap::new();
    let labels: Vec<(String, SourceKind, u64)> = sources.iter().map(|s| (s.label(), s.kind, s.bytes())).collect();
    let total = sources.len();
    for (i, source) in sources.into_iter().enumerate() {
        // Waiting for a permit before spawning keeps the queue short too: a study of 100,000
        // participants has `jobs` tasks alive, not 100,000.
        let permit = semaphore.clone().acquire_owned().await.expect("the semaphore is never closed");
        let opts = opts.clone();
        let handle = tasks.spawn_blocking(move || {
            let report = participant(&source, &opts);
            drop(permit);
            if let Some(done) = &opts.on_done {
                done(&report, total);
            }
            report
        });
        task_slot.insert(handle.id(), i);
        while let Some(done) = tasks.try_join_next_with_id() {
            record(done, &task_slot, &labels, &mut slots);
        }
    }
    while let Some(done) = tasks.join_next_with_id().await {
        record(done, &task_slot, &labels, &mut slots);
    }
    slots.into_iter().map(|s| s.expect("every task reported")).collect()
}

type Joined = Result<(tokio::task::Id, ParticipantReport), tokio::task::JoinError>;

/// A finished task's report into its slot; a task that panicked is a failed participant.
fn record(
    done: Joined,
    task_slot: &BTreeMap<tokio::task::Id, usize>,
    labels: &[(String, SourceKind, u64)],
    slots: &mut [Option<ParticipantReport>],
) {
    match done {
        Ok((id, report)) => slots[task_slot[&id]] = Some(report),
        Err(e) => {
            let i = task_slot[&e.id()];
            let (source, kind, input_bytes) = labels[i].clone();
            slots[i] = Some(ParticipantReport {
                participant: None,
                source,
                kind,
                status: Status::Failed,
                error: Some(format!("internal error: {e}")),
                rows: BTreeMap::new(),
                input_bytes,
                seconds: 0.0,
            });
        }
    }
}

/// One participant, start to end: skipped, written, or failed with nothing left behind.
fn participant(source: &Source, opts: &StudyImportOptions) -> ParticipantReport {
    let started = Instant::now();
    let mut report = ParticipantReport {
        participant: source.id.as_ref().ok().map(|id| id.to_string()),
        source: source.label(),
        kind: source.kind,
        status: Status::Failed,
        error: None,
        rows: BTreeMap::new(),
        input_bytes: source.bytes(),
        seconds: 0.0,
    };
    let outcome = match &source.id {
        Err(e) => Err(e.clone()),
        Ok(id) => {
            let done = opts.out.join(participant_folder(id.as_str()));
            if done.is_dir() {
                report.status = Status::Skipped;
                rows_in(&done)
            } else {
                write_participant(source, id, &done, opts).inspect(|_| report.status = Status::Ok)
            }
        }
    };
    match outcome {
        Ok(rows) => report.rows = rows,
        Err(e) => report.error = Some(e),
    }
    report.seconds = started.elapsed().as_secs_f64();
    report
}

/// Write the participant into `<done>.partial`, then rename it to `done`.
fn write_participant(
    source: &Source,
    id: &ParticipantId,
    done: &Path,
    opts: &StudyImportOptions,
) -> Result<BTreeMap<String, u64>, String> {
    let partial = opts.out.join(format!("{}{PARTIAL_SUFFIX}", participant_folder(id.as_str())));
    if partial.exists() {
        std::fs::remove_dir_all(&partial).map_err(|e| format!("{}: {e}", partial.display()))?;
    }
    std::fs::create_dir_all(&partial).map_err(|e| format!("{}: {e}", partial.display()))?;
    let written = match source.kind {
        SourceKind::Donation => from_donation(source, id, &partial, opts),
        SourceKind::Export => from_export(source, &partial, opts),
    };
    let rows = match written {
        Ok(rows) => rows,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&partial);
            return Err(e);
        }
    };
    std::fs::rename(&partial, done).map_err(|e| {
        let _ = std::fs::remove_dir_all(&partial);
        format!("renaming {} to {}: {e}", partial.display(), done.display())
    })?;
    Ok(rows)
}

fn from_donation(
    source: &Source,
    id: &ParticipantId,
    partial: &Path,
    opts: &StudyImportOptions,
) -> Result<BTreeMap<String, u64>, String> {
    let donation = donation_reader::read_donation(&source.paths[0], partial)?;
    let consent = &donation.consent;
    if &consent.participant_id != id {
        return Err(format!(
            "the file name says participant `{id}`, its consent record says `{}`",
            consent.participant_id
        ));
    }
    let study = opts.study.as_ref().or(source.named_study.as_ref());
    if let Some(study) = study {
        if &consent.study_id != study {
            return Err(format!("a donation to study `{}`, not to `{study}`", consent.study_id));
        }
    }
    if !consent.choices.pseudonymized {
        return Err("not pseudonymized: the participant's identifiers would be in clear in the dataset".into());
    }
    Ok(donation.tables.into_iter().collect())
}

/// A raw export: imported into a database of its own (inside the partial folder, so a crash
/// leaves it where the next run removes it), then exported with the study salt.
fn from_export(source: &Source, partial: &Path, opts: &StudyImportOptions) -> Result<BTreeMap<String, u64>, String> {
    let Some(salt) = &opts.salt else {
        return Err("a raw export needs the study salt to be pseudonymized: give --salt or --study STUDY.toml".into());
    };
    let work = partial.join(".work");
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let summary = {
        let mut store = Store::open(&work.join("participant.db")).map_err(|e| e.to_string())?;
        for group in plan_exports(&source.paths, &Default::default()) {
            import_export(&mut store, &group, &ImportOptions::default()).map_err(|e| e.to_string())?;
        }
        let tables = work.join("tables");
        export(
            &store,
            &ExportOptions {
                format: Format::Parquet,
                out: tables,
                selection: Selection::default(),
                with_identities: opts.with_identities,
                salt: Some(salt.clone()),
                drop_message_text: opts.drop_message_text,
            },
        )
        .map_err(|e| e.to_string())?
    };
    let mut rows = BTreeMap::new();
    for t in &summary.tables {
        let to = partition_file(partial, t.table);
        let folder = to.parent().expect("a partition file has a folder");
        std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        std::fs::rename(&t.file, &to).map_err(|e| format!("{}: {e}", to.display()))?;
        rows.insert(t.table.to_string(), t.rows);
    }
    for name in donation_reader::METADATA_MEMBERS {
        let from = summary.out.join(name);
        if from.exists() {
            std::fs::rename(&from, partial.join(name)).map_err(|e| format!("{}: {e}", from.display()))?;
        }
    }
    std::fs::remove_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    Ok(rows)
}

/// Rows per table of a finished participant's folder (from the Parquet footers).
fn rows_in(folder: &Path) -> Result<BTreeMap<String, u64>, String> {
    let mut rows = BTreeMap::new();
    let entries = std::fs::read_dir(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    for e in entries.filter_map(|e| e.ok()) {
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some(table) = name.strip_prefix("table=") {
            rows.insert(table.to_string(), parquet_rows(&partition_file(folder, table))?);
        }
    }
    Ok(rows)
}

/// Remove the `participant=<id>.partial` folders an interrupted run left.
fn remove_partials(out: &Path) -> Result<(), ExportError> {
    for e in std::fs::read_dir(out).map_err(|e| ExportError::io(out, e))?.filter_map(|e| e.ok()) {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(&participant_folder("")) && name.ends_with(PARTIAL_SUFFIX) {
            std::fs::remove_dir_all(e.path()).map_err(|err| ExportError::io(&e.path(), err))?;
        }
    }
    Ok(())
}

fn write_report(out: &Path, report: &StudyReport) -> Result<(), ExportError> {
    let path = out.join(REPORT_FILE);
    let tmp = out.join(format!(".{REPORT_FILE}{PARTIAL_SUFFIX}"));
    let json = serde_json::to_vec_pretty(report).map_err(|e| ExportError::Bug(e.to_string()))?;
    std::fs::write(&tmp, json).map_err(|e| ExportError::io(&tmp, e))?;
    std::fs::rename(&tmp, &path).map_err(|e| ExportError::io(&path, e))
}
