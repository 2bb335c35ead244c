//! What the app holds while it runs: the data directory, one read connection to the store, the
//! single-writer lock, and the cancel flags of running imports.

use crate::error::CommandError;
use footprint_core::store::Store;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Shared app state (managed by Tauri, cloned into background threads through the `Arc`s).
pub struct AppState {
    pub data_dir: PathBuf,
    pub db_path: PathBuf,
    /// The screens' connection. Imports open their own (SQLite WAL: readers never wait for
    /// the importer's transaction).
    pub reader: Arc<Mutex<Store>>,
    /// Held by whoever writes (an import, a removal): SQLite has one writer at a time, and a
    /// second one would otherwise wait on the busy timeout and fail.
    pub writer: Arc<Mutex<()>>,
    pub jobs: Arc<Mutex<HashMap<u64, Arc<AtomicBool>>>>,
    next_job: AtomicU64,
}

impl AppState {
    /// Opens (creating and migrating) the database in `data_dir`.
    pub fn open(data_dir: PathBuf) -> Result<AppState, CommandError> {
        std::fs::create_dir_all(&data_dir).map_err(|e| {
            CommandError::new(
                "io",
                format!(
                    "cannot create the data directory {}: {e}",
                    data_dir.display()
                ),
            )
        })?;
        let db_path = data_dir.join("footprint.db");
        let store = Store::open(&db_path)?;
        Ok(AppState {
            data_dir,
            db_path,
            reader: Arc::new(Mutex::new(store)),
            writer: Arc::new(Mutex::new(())),
            jobs: Arc::default(),
            next_job: AtomicU64::new(1),
        })
    }

    pub fn next_job_id(&self) -> u64 {
        self.next_job.fetch_add(1, Ordering::Relaxed)
    }
}
