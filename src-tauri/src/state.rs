//! What the app holds while it runs: the data directory, one read connection to the store, the
//! single-writer lock, and the cancel flags of running imports.

use crate::error::CommandError;
use footprint_core::os_keyring;
use footprint_core::store::{is_encrypted, Passphrase, Store, StoreError};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

/// Shared app state (managed by Tauri, cloned into background threads through the `Arc`s).
pub struct AppState {
    pub data_dir: PathBuf,
    pub db_path: PathBuf,
    /// The screens' connection. Imports open their own (SQLite WAL: readers never wait for
    /// the importer's transaction). `None` while the app is locked: the database is
    /// encrypted and its passphrase has not been typed (or the user locked it again).
    pub reader: Arc<Mutex<Option<Store>>>,
    /// The passphrase the database was unlocked with, for the connections that imports and
    /// donations open beside the reader; `None` for a clear database, or while locked.
    pub key: Arc<Mutex<Option<Passphrase>>>,
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
        let (store, key) = if is_encrypted(&db_path)? {
            // Opened at once only with a passphrase the user asked the keyring to keep; else
            // the window shows the lock screen. A keyring that is not there, or a kept
            // passphrase that no longer fits, is the same as none.
            match os_keyring::remembered(&db_path).ok().flatten() {
                Some(key) => match Store::open_with(&db_path, Some(&key)) {
                    Ok(store) => (Some(store), Some(key)),
                    Err(StoreError::WrongPassphrase { .. }) => (None, None),
                    Err(e) => return Err(e.into()),
                },
                None => (None, None),
            }
        } else {
            (Some(Store::open(&db_path)?), None)
        };
        Ok(AppState {
            data_dir,
            db_path,
            reader: Arc::new(Mutex::new(store)),
            key: Arc::new(Mutex::new(key)),
            writer: Arc::new(Mutex::new(())),
            jobs: Arc::default(),
            next_job: AtomicU64::new(1),
        })
    }

    pub fn next_job_id(&self) -> u64 {
        self.next_job.fetch_add(1, Ordering::Relaxed)
    }

    /// The passphrase in use, for a connection opened later on another thread.
    pub fn key(&self) -> Option<Passphrase> {
        hold(&self.key).clone()
    }

    /// A connection of its own for a background job, keyed as the reader is.
    pub fn open_store(db_path: &std::path::Path, key: Option<&Passphrase>) -> Result<Store, CommandError> {
        Ok(Store::open_with(db_path, key)?)
    }
}

/// Takes `lock`, also after a holder panicked: what the app keeps behind its locks (the
/// reader, the passphrase, the jobs' cancel flags, the writer's `()`) is whole at every
/// moment, so a panic in one command must not make every later one panic too.
pub fn hold<T>(lock: &Mutex<T>) -> MutexGuard<'_, T> {
    lock.lock().unwrap_or_else(|p| p.into_inner())
}

/// Runs `f` on the screens' connection; refused with `locked` while the database waits for
/// its passphrase.
pub fn with_reader<T>(
    reader: &Mutex<Option<Store>>,
    f: impl FnOnce(&mut Store) -> Result<T, CommandError>,
) -> Result<T, CommandError> {
    let mut guard = hold(reader);
    match guard.as_mut() {
        Some(store) => f(store),
        None => Err(locked()),
    }
}

/// The single-writer lock, taken without waiting: `busy` with `busy_message` while an import
/// (or another change) holds it, since SQLite would otherwise make the change wait on the
/// import's transaction and time out. A poisoned lock is still the lock.
pub fn writer_free<'a>(
    writer: &'a Mutex<()>,
    busy_message: &str,
) -> Result<MutexGuard<'a, ()>, CommandError> {
    match writer.try_lock() {
        Ok(guard) => Ok(guard),
        Err(std::sync::TryLockError::Poisoned(p)) => Ok(p.into_inner()),
        Err(std::sync::TryLockError::WouldBlock) => Err(CommandError::new("busy", busy_message)),
    }
}

/// The error of every command asked while the app is locked.
pub fn locked() -> CommandError {
    CommandError::new(
        "locked",
        "Footprint is locked: type the passphrase of its database to open it.",
    )
}
