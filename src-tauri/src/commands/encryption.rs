//! Encryption at rest from the app (issue #12): the lock screen's unlock, locking again, and
//! Settings' encrypt, change passphrase, decrypt and "remember on this computer". The work is
//! the engine's (`Store::rewrite_file`, `os_keyring`); here the app's connections are closed
//! and reopened around it, and the single-writer lock keeps imports out meanwhile.

use crate::error::CommandError;
use crate::state::AppState;
use footprint_core::os_keyring;
use footprint_core::store::{is_encrypted, Passphrase, Rewrite, Store};
use serde::Serialize;
use std::path::PathBuf;
use crate::state::{hold, writer_free};
use std::sync::{Arc, Mutex};
use tauri::State;

/// What the lock screen and Settings show.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct EncryptionStatus {
    /// The database file is encrypted (SQLCipher).
    pub encrypted: bool,
    /// Its passphrase has not been typed yet: every screen waits for the lock screen.
    pub locked: bool,
    /// The system keyring keeps the passphrase, so the app opens without asking.
    pub remembered: bool,
    /// The database file (the lock screen names it: the other screens are closed).
    pub db_path: String,
}

/// The outcome of a change that may also have asked the keyring to keep the passphrase.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct KeyringOutcome {
    /// Why the keyring could not keep (or forget) the passphrase; the change itself worked.
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyring_error: Option<String>,
}

fn passphrase(text: String) -> Result<Passphrase, CommandError> {
    Ok(Passphrase::new(text)?)
}

fn status_of(state: &AppState) -> EncryptionStatus {
    let encrypted = is_encrypted(&state.db_path).unwrap_or(false);
    let locked = hold(&state.reader).is_none();
    let remembered = encrypted && os_keyring::remembered(&state.db_path).ok().flatten().is_some();
    EncryptionStatus { encrypted, locked, remembered, db_path: state.db_path.display().to_string() }
}

const CHANGE_WHILE_IMPORTING: &str = "An import is running; change the encryption when it has finished.";

/// [`keep`] with `key` when `wanted` (the user ticked "remember", or a kept passphrase must
/// follow a change); otherwise the keyring is not asked at all.
fn keep_if(wanted: bool, db: &std::path::Path, key: &Passphrase) -> KeyringOutcome {
    if wanted {
        keep(db, Some(key))
    } else {
        KeyringOutcome { keyring_error: None }
    }
}

/// Keeps or forgets the passphrase in the keyring, as the user chose; a keyring that cannot
/// be reached is reported, not fatal.
fn keep(db: &std::path::Path, key: Option<&Passphrase>) -> KeyringOutcome {
    let result = match key {
        Some(key) => os_keyring::remember(db, key),
        None => os_keyring::forget(db),
    };
    KeyringOutcome { keyring_error: result.err().map(|e| e.to_string()) }
}

#[tauri::command]
pub async fn encryption_status(state: State<'_, AppState>) -> Result<EncryptionStatus, CommandError> {
    Ok(status_of(&state))
}

/// Opens the locked database with the typed passphrase; a wrong one changes nothing and says
/// so (`wrong_passphrase`).
#[tauri::command]
pub async fn unlock(
    state: State<'_, AppState>,
    passphrase: String,
    remember: bool,
) -> Result<KeyringOutcome, CommandError> {
    let key = self::passphrase(passphrase)?;
    let (db, reader, slot) = (state.db_path.clone(), state.reader.clone(), state.key.clone());
    tauri::async_runtime::spawn_blocking(move || {
        let store = Store::open_with(&db, Some(&key))?;
        *hold(&reader) = Some(store);
        *hold(&slot) = Some(key.clone());
        Ok(keep_if(remember, &db, &key))
    })
    .await?
}

/// Closes the database until its passphrase is typed again (an encrypted database only;
/// refused while an import writes).
#[tauri::command]
pub async fn lock(state: State<'_, AppState>) -> Result<(), CommandError> {
    if !is_encrypted(&state.db_path)? {
        return Err(CommandError::new("encryption", "The database is not encrypted, so there is nothing to lock."));
    }
    let _writing = writer_free(&state.writer, CHANGE_WHILE_IMPORTING)?;
    hold(&state.reader).take();
    hold(&state.key).take();
    Ok(())
}

/// Encrypts the database in place with `passphrase`.
#[tauri::command]
pub async fn encrypt_database(
    state: State<'_, AppState>,
    passphrase: String,
    remember: bool,
) -> Result<KeyringOutcome, CommandError> {
    let next = self::passphrase(passphrase)?;
    rewrite(&state, Rewrite::Encrypt, None, Some(next.clone())).await?;
    Ok(keep_if(remember, &state.db_path, &next))
}

/// Encrypts the database with a new passphrase; `current` must be the one in use.
#[tauri::command]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    new: String,
) -> Result<KeyringOutcome, CommandError> {
    let (current, next) = (passphrase(current)?, passphrase(new)?);
    let kept = status_of(&state).remembered;
    rewrite(&state, Rewrite::ChangePassphrase, Some(current), Some(next.clone())).await?;
    // A kept passphrase would no longer open it: keep the new one instead.
    Ok(keep_if(kept, &state.db_path, &next))
}

/// Turns the database back into an ordinary SQLite file; `current` must be its passphrase.
#[tauri::command]
pub async fn decrypt_database(
    state: State<'_, AppState>,
    current: String,
) -> Result<KeyringOutcome, CommandError> {
    let current = passphrase(current)?;
    rewrite(&state, Rewrite::Decrypt, Some(current), None).await?;
    Ok(keep(&state.db_path, None))
}

/// Keeps the passphrase in use in the keyring, or forgets it.
#[tauri::command]
pub async fn set_remember_passphrase(
    state: State<'_, AppState>,
    remember: bool,
) -> Result<KeyringOutcome, CommandError> {
    let key = state.key();
    match (remember, key) {
        (true, None) => Err(crate::state::locked()),
        (true, Some(key)) => Ok(keep(&state.db_path, Some(&key))),
        (false, _) => Ok(keep(&state.db_path, None)),
    }
}

/// Closes the app's reader, rewrites the file, and reopens it with the passphrase that now
/// opens it (the old one, if the rewrite was refused: the file is then unchanged).
async fn rewrite(
    state: &AppState,
    what: Rewrite,
    current: Option<Passphrase>,
    next: Option<Passphrase>,
) -> Result<(), CommandError> {
    let (db, reader, slot, writer): (PathBuf, _, _, Arc<Mutex<()>>) =
        (state.db_path.clone(), state.reader.clone(), state.key.clone(), state.writer.clone());
    tauri::async_runtime::spawn_blocking(move || {
        let _writing = writer_free(&writer, CHANGE_WHILE_IMPORTING)?;
        let mut open = hold(&reader);
        if open.is_none() {
            return Err(crate::state::locked());
        }
        let before = hold(&slot).clone();
        // The reader's connection must be closed: a rewrite refuses while another is open.
        *open = None;
        let result = Store::rewrite_file(&db, what, current.as_ref(), next.as_ref());
        let key = if result.is_ok() { next } else { before };
        *open = Some(Store::open_with(&db, key.as_ref())?);
        *hold(&slot) = key;
        Ok(result?)
    })
    .await?
}
