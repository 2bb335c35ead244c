//! Where a command gets the passphrase of an encrypted database, and `footprint --encrypt`,
//! `--decrypt` and `--change-passphrase`.
//!
//! In order: `FOOTPRINT_PASSPHRASE` (scripts, tests), the passphrase the app kept in the
//! system keyring (only when the user asked it to), then a prompt on the terminal (not echoed).
//! Without a terminal and without either, the command stops with the store's "is encrypted"
//! error. A clear database needs none of them and asks for nothing.

use crate::{exit, Failure};
use footprint_core::os_keyring;
use footprint_core::store::{is_encrypted, Passphrase, Rewrite, Store, StoreError};
use std::io::IsTerminal;
use std::path::Path;

/// The passphrase of the database at `db`, when it is encrypted.
pub fn for_open(db: &Path) -> Result<Option<Passphrase>, Failure> {
    if !is_encrypted(db)? {
        return Ok(None);
    }
    if let Some(p) = from_env("FOOTPRINT_PASSPHRASE")? {
        return Ok(Some(p));
    }
    // A keyring that cannot be reached is not a failure: the terminal is asked instead.
    if let Ok(Some(p)) = os_keyring::remembered(db) {
        return Ok(Some(p));
    }
    if std::io::stdin().is_terminal() {
        return ask(&format!("Passphrase of {}: ", db.display())).map(Some);
    }
    Ok(None)
}

/// `footprint --encrypt` / `--decrypt` / `--change-passphrase` on the database at `db`.
pub fn rewrite(db: &Path, what: Rewrite) -> Result<(), Failure> {
    if !db.exists() {
        return Err(Failure {
            code: exit::NOT_FOUND,
            message: format!("no database at {}", db.display()),
        });
    }
    let current = match what {
        Rewrite::Encrypt => None,
        Rewrite::Decrypt | Rewrite::ChangePassphrase => {
            Some(for_open(db)?.ok_or(StoreError::Encrypted { path: db.display().to_string() })?)
        }
    };
    let next = match what {
        Rewrite::Decrypt => None,
        Rewrite::Encrypt => Some(new_passphrase("FOOTPRINT_PASSPHRASE")?),
        Rewrite::ChangePassphrase => Some(new_passphrase("FOOTPRINT_NEW_PASSPHRASE")?),
    };
    Store::rewrite_file(db, what, current.as_ref(), next.as_ref())?;
    // A passphrase the keyring kept for the old file opens nothing now: keep the new one in
    // its place, or none after decrypting.
    let kept = os_keyring::remembered(db).ok().flatten().is_some();
    if kept {
        let _ = match &next {
            Some(p) => os_keyring::remember(db, p),
            None => os_keyring::forget(db),
        };
    }
    eprintln!(
        "{} is {}.",
        db.display(),
        match what {
            Rewrite::Encrypt => "encrypted: every command and the app now ask for its passphrase",
            Rewrite::Decrypt => "no longer encrypted",
            Rewrite::ChangePassphrase => "encrypted with the new passphrase",
        }
    );
    Ok(())
}

fn from_env(var: &str) -> Result<Option<Passphrase>, Failure> {
    match std::env::var(var) {
        Ok(text) => Ok(Some(Passphrase::new(text)?)),
        Err(_) => Ok(None),
    }
}

/// A new passphrase: from `var`, or typed twice on the terminal.
fn new_passphrase(var: &str) -> Result<Passphrase, Failure> {
    if let Some(p) = from_env(var)? {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure {
            code: exit::USAGE,
            message: format!("a new passphrase is needed: set {var}, or run the command in a terminal to type it"),
        });
    }
    let first = ask("New passphrase: ")?;
    let again = ask("The same passphrase again: ")?;
    if first.expose() != again.expose() {
        return Err(Failure {
            code: exit::USAGE,
            message: "the two passphrases differ; nothing was changed".into(),
        });
    }
    Ok(first)
}

fn ask(prompt: &str) -> Result<Passphrase, Failure> {
    let text = rpassword::prompt_password(prompt)?;
    Ok(Passphrase::new(text)?)
}
