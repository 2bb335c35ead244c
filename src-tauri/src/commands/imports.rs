//! Importing exports from the UI: each export (a file, a folder, or the part-zips of one export)
//! becomes a job that runs on a background thread, reports progress through `import` events and
//! can be cancelled. The engine does the work (`footprint_core::runner::import_export`).

use crate::error::CommandError;
use crate::state::{hold, AppState};
use footprint_core::runner::{self, ImportOptions, ImportOutcome, Progress};
use footprint_core::store::Passphrase;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tauri::{AppHandle, Emitter, State};

/// The event name the UI listens to.
pub const IMPORT_EVENT: &str = "import";

/// One export queued for import.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImportJob {
    #[cfg_attr(test, ts(type = "number"))]
    pub id: u64,
    /// The paths of this export (several for part-zips).
    pub sources: Vec<String>,
}

/// What the `import` event carries.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ImportEvent {
    Progress {
        #[cfg_attr(test, ts(type = "number"))]
        job: u64,
        progress: Progress,
    },
    Finished {
        #[cfg_attr(test, ts(type = "number"))]
        job: u64,
        /// Boxed: a report is far bigger than a progress tick.
        outcome: Box<ImportOutcome>,
    },
    Failed {
        #[cfg_attr(test, ts(type = "number"))]
        job: u64,
        error: CommandError,
    },
}

/// Imports the given files or folders: one job per export (part-zips are grouped). Returns at
/// once; results arrive as `import` events.
#[tauri::command]
pub fn start_import(
    app: AppHandle,
    state: State<'_, AppState>,
    paths: Vec<String>,
    platform: Option<String>,
) -> Result<Vec<ImportJob>, CommandError> {
    let paths: Vec<PathBuf> = paths
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() {
        return Err(CommandError::new(
            "no_paths",
            "Choose at least one export file or folder.",
        ));
    }
    queue(app, &state, footprint_core::exports::plan_exports(&paths, &Default::default()), platform)
}

/// Stops a running or waiting import; nothing of it is saved. Returns false if the job had
/// already finished.
#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>, job: u64) -> bool {
    let jobs = hold(&state.jobs);
    match jobs.get(&job) {
        Some(flag) => {
            flag.store(true, Ordering::Relaxed);
            true
        }
        None => false,
    }
}

/// Writes the demo set (a Google Takeout and a Facebook export of an invented person, made by
/// footprint-fixtures) into `<data dir>/demo` and imports it.
#[tauri::command]
pub async fn generate_demo(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Vec<ImportJob>, CommandError> {
    let dir = state.data_dir.join("demo");
    let paths = tauri::async_runtime::spawn_blocking(move || {
        footprint_fixtures::demo::demo_set(&dir, DEMO_SEED).map_err(|e| {
            CommandError::new(
                "io",
                format!("cannot write the demo archives to {}: {e}", dir.display()),
            )
        })
    })
    .await??;
    queue(app, &state, footprint_core::exports::plan_exports(&paths, &Default::default()), None)
}

/// Same seed, same bytes: clicking the demo button twice finds the demo already imported.
const DEMO_SEED: u64 = 2025;

/// Registers a job per export and starts one background thread that runs them in order.
/// Refused while the app is locked (the imports could not open the encrypted database).
fn queue(
    app: AppHandle,
    state: &AppState,
    exports: Vec<Vec<PathBuf>>,
    platform: Option<String>,
) -> Result<Vec<ImportJob>, CommandError> {
    crate::state::with_reader(&state.reader, |_| Ok(()))?;
    let key = state.key();
    let mut queued = Vec::new();
    let mut work = Vec::new();
    {
        let mut jobs = hold(&state.jobs);
        for paths in exports {
            let job = ImportJob {
                id: state.next_job_id(),
                sources: paths.iter().map(|p| p.display().to_string()).collect(),
            };
            let cancel = Arc::new(AtomicBool::new(false));
            jobs.insert(job.id, cancel.clone());
            work.push((job.id, paths, cancel));
            queued.push(job);
        }
    }
    let db_path = state.db_path.clone();
    let writer = state.writer.clone();
    let jobs = state.jobs.clone();
    std::thread::Builder::new()
        .name("footprint-import".into())
        .spawn(move || {
            for (job, paths, cancel) in work {
                let event = {
                    // One writer at a time (another batch, or a removal).
                    let _writing = hold(&writer);
                    run_one(&app, &db_path, key.as_ref(), job, &paths, platform.clone(), cancel)
                };
                hold(&jobs).remove(&job);
                let _ = app.emit(IMPORT_EVENT, event);
            }
        })
        .expect("cannot start the import thread");
    Ok(queued)
}

fn run_one(
    app: &AppHandle,
    db_path: &std::path::Path,
    key: Option<&Passphrase>,
    job: u64,
    paths: &[PathBuf],
    platform: Option<String>,
    cancel: Arc<AtomicBool>,
) -> ImportEvent {
    if cancel.load(Ordering::Relaxed) {
        return ImportEvent::Failed {
            job,
            error: footprint_core::runner::ImportError::Cancelled.into(),
        };
    }
    let progress_app = app.clone();
    let opts = ImportOptions {
        platform,
        progress: Some(Arc::new(move |p: &Progress| {
            let _ = progress_app.emit(
                IMPORT_EVENT,
                ImportEvent::Progress {
                    job,
                    progress: p.clone(),
                },
            );
        })),
        cancel: Some(cancel),
        ..Default::default()
    };
    // Its own connection: the screens keep reading through theirs meanwhile (WAL).
    let result = AppState::open_store(db_path, key)
        .and_then(|mut store| {
            runner::import_export(&mut store, paths, &opts).map_err(CommandError::from)
        });
    match result {
        Ok(outcome) => ImportEvent::Finished {
            job,
            outcome: Box::new(outcome),
        },
        Err(error) => ImportEvent::Failed { job, error },
    }
}
