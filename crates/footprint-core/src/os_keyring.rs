//! The passphrase of an encrypted database, kept in the operating system's keyring when the
//! user asks for it (Secret Service on Linux: GNOME Keyring, KWallet; the Keychain on macOS;
//! the Credential Manager on Windows), so the app opens without asking. Nothing is kept
//! unless the user ticks "remember" (the app) and nothing but the passphrase is kept. One
//! entry per database file: service `Footprint`, account the file's absolute path.

use crate::store::Passphrase;
use std::path::Path;

const SERVICE: &str = "Footprint";

/// The keyring could not be reached or refused (no Secret Service running, a locked
/// keyring the user did not open).
#[derive(Debug, thiserror::Error)]
#[error("the system keyring is not available ({0}); the passphrase was not kept, type it when Footprint asks")]
pub struct KeyringError(String);

fn entry(db: &Path) -> Result<keyring::Entry, KeyringError> {
    let account = std::path::absolute(db).unwrap_or_else(|_| db.to_path_buf());
    keyring::Entry::new(SERVICE, &account.display().to_string()).map_err(|e| KeyringError(e.to_string()))
}

/// The passphrase kept for `db`, if any.
pub fn remembered(db: &Path) -> Result<Option<Passphrase>, KeyringError> {
    match entry(db)?.get_password() {
        Ok(text) => Ok(Passphrase::new(text).ok()),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(KeyringError(e.to_string())),
    }
}

/// Keeps the passphrase of `db` in the keyring (replacing an older one).
pub fn remember(db: &Path, passphrase: &Passphrase) -> Result<(), KeyringError> {
    entry(db)?
        .set_password(passphrase.expose())
        .map_err(|e| KeyringError(e.to_string()))
}

/// Removes the kept passphrase of `db`; nothing kept is not an error.
pub fn forget(db: &Path) -> Result<(), KeyringError> {
    match entry(db)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(KeyringError(e.to_string())),
    }
}
