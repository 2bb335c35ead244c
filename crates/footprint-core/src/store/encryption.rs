//! Encryption at rest (issue #12): a database file is either ordinary SQLite or encrypted
//! page by page by SQLCipher (AES-256, a key derived from the user's passphrase with
//! PBKDF2-HMAC-SHA512; SQLCipher 4's defaults). The `-wal` file is encrypted the same way; the
//! `-shm` index holds page numbers and checksums only.
//!
//! Which one a file is, is read from its first 16 bytes: an ordinary SQLite file starts with
//! `SQLite format 3\0`, an encrypted one with a random salt. A passphrase given for an
//! ordinary file is not used (it is the key of encrypted files; a script that sets
//! `FOOTPRINT_PASSPHRASE` may still open a clear test database).
//!
//! Encrypting, decrypting and changing the passphrase all rewrite the file
//! ([`Store::rewrite_file`]): SQLCipher's `sqlcipher_export` copies every table, index,
//! trigger and row into a new file keyed as asked; that file is checked against the original
//! and then renamed over it, so a crash at any point leaves one whole database, old or new.
//! The clear original is then overwritten with zeros before it is unlinked, so its pages do
//! not stay readable in the folder (the filesystem or an SSD may still keep copies of freed
//! blocks: docs/PRIVACY.md says so).

use super::{display_path, Store, StoreError};
use rusqlite::{Connection, ErrorCode};
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// The first 16 bytes of every SQLite file that is not encrypted.
const CLEAR_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// A passphrase, wiped from memory when dropped and never printed.
#[derive(Clone)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// A passphrase as typed; refused when empty (SQLCipher would read an empty key as "no
    /// encryption").
    pub fn new(text: impl Into<String>) -> Result<Passphrase, StoreError> {
        let text = Zeroizing::new(text.into());
        if text.is_empty() {
            return Err(StoreError::Encryption(
                "the passphrase is empty: type at least one character".into(),
            ));
        }
        Ok(Passphrase(text))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(hidden)")
    }
}

/// What the first bytes of a database file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Header {
    /// No file, or an empty one: a new database, made clear or encrypted as asked.
    New,
    Clear,
    /// Anything else: an encrypted database (or a file that is no database at all, which
    /// SQLite then refuses either way).
    Encrypted,
}

pub(super) fn header(path: &Path) -> Result<Header, StoreError> {
    let io = |source| StoreError::Io { path: path.display().to_string(), source };
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Header::New),
        Err(e) => return Err(io(e)),
    };
    let mut bytes = [0u8; 16];
    let mut read = 0;
    while read < bytes.len() {
        match file.read(&mut bytes[read..]).map_err(io)? {
            0 => break,
            n => read += n,
        }
    }
    Ok(match read {
        0 => Header::New,
        16 if &bytes == CLEAR_HEADER => Header::Clear,
        _ => Header::Encrypted,
    })
}

/// Whether the database file at `path` is encrypted. A missing or empty file is not (a new
/// database is created as the passphrase given to [`Store::open_with`] says).
pub fn is_encrypted(path: &Path) -> Result<bool, StoreError> {
    Ok(header(path)? == Header::Encrypted)
}

/// Keys a fresh connection: the first statement on it must be `PRAGMA key`.
pub(super) fn apply_key(conn: &Connection, key: &Passphrase) -> rusqlite::Result<()> {
    conn.pragma_update(None, "key", key.expose())
}

/// The error for a connection that could not read the file's first page: without a
/// passphrase, the file is encrypted; with one, it was the wrong one.
pub(super) fn refused(path: &Option<PathBuf>, keyed: bool, source: &rusqlite::Error) -> Option<StoreError> {
    if source.sqlite_error_code() != Some(ErrorCode::NotADatabase) {
        return None;
    }
    let path = display_path(path);
    Some(if keyed {
        StoreError::WrongPassphrase { path }
    } else {
        StoreError::Encrypted { path }
    })
}

/// What a rewrite should make of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rewrite {
    Encrypt,
    Decrypt,
    ChangePassphrase,
}

/// Suffixes of the files a rewrite leaves beside the database while it works: the new file
/// before it replaces the database, and the old one until it is wiped.
const NEW_SUFFIX: &str = ".rewrite-new";
const OLD_SUFFIX: &str = ".rewrite-old";

/// `path` with `suffix` appended to its name (SQLite's own `-wal`, `-shm`, `-journal` too).
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

impl Store {
    /// Encrypts, decrypts or re-keys the database at `path` in place. `current` opens it as
    /// it is (`None` when clear), `next` keys the new file (`None` for clear). Refused while
    /// another connection has the database open (a Footprint window, a running command): the
    /// file is replaced, and what they wrote meanwhile would be lost.
    pub fn rewrite_file(
        path: &Path,
        what: Rewrite,
        current: Option<&Passphrase>,
        next: Option<&Passphrase>,
    ) -> Result<(), StoreError> {
        let shown = path.display().to_string();
        let encrypted = is_encrypted(path)?;
        match (what, encrypted) {
            _ if !path.exists() => {
                return Err(StoreError::NotFound(format!("no database at {shown}")))
            }
            (Rewrite::Encrypt, true) => {
                return Err(StoreError::Encryption(format!("{shown} is already encrypted")))
            }
            (Rewrite::Decrypt | Rewrite::ChangePassphrase, false) => {
                return Err(StoreError::Encryption(format!("{shown} is not encrypted")))
            }
            _ => {}
        }
        let source = Store::open_with(path, current)?;
        let mut source = source.alone("it is being rewritten")?;
        let new = beside(path, NEW_SUFFIX);
        remove_if_there(&new)?;
        let written = source.export_to(&new, next);
        let written = written.and_then(|()| {
            // The new file must hold what the old one holds before it replaces it.
            let copy = Store::open_with(&new, next)?;
            let (old_count, new_count) = (source.fingerprint()?, copy.fingerprint()?);
            if old_count != new_count {
                return Err(StoreError::Encryption(format!(
                    "the rewritten copy of {shown} differs from it ({new_count} against {old_count}); the database was left as it was"
                )));
            }
            copy.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").map_err(copy.err())?;
            drop(copy);
            sync(&new)
        });
        if let Err(e) = written {
            for file in [new.clone(), beside(&new, "-wal"), beside(&new, "-shm")] {
                let _ = std::fs::remove_file(file);
            }
            return Err(e);
        }
        // Keep the old file's pages reachable under a second name for the wipe below, then
        // put the new file in its place (one rename: atomic on the same folder).
        let old = beside(path, OLD_SUFFIX);
        remove_if_there(&old)?;
        let io = |source| StoreError::Io { path: shown.clone(), source };
        std::fs::hard_link(path, &old).map_err(io)?;
        std::fs::rename(&new, path).map_err(io)?;
        drop(source);
        sync_folder(path);
        wipe_and_remove(&old)
    }

    /// Wipes the old file an interrupted rewrite left beside the database, once the new file
    /// has replaced it: before the rename, the two names are one file (the database itself),
    /// and nothing is touched. A new file that never replaced the database is left for the
    /// next rewrite to remove (another process may be writing it right now).
    #[cfg(unix)]
    pub(super) fn finish_rewrite(path: &Path) -> Result<(), StoreError> {
        use std::os::unix::fs::MetadataExt;
        let old = beside(path, OLD_SUFFIX);
        let Ok(old_meta) = std::fs::metadata(&old) else { return Ok(()) };
        let same = std::fs::metadata(path)
            .is_ok_and(|db| db.ino() == old_meta.ino() && db.dev() == old_meta.dev());
        if same {
            return Ok(());
        }
        wipe_and_remove(&old)
    }

    /// Elsewhere the file's identity is not at hand: the old file stays until the next
    /// rewrite.
    #[cfg(not(unix))]
    pub(super) fn finish_rewrite(_path: &Path) -> Result<(), StoreError> {
        Ok(())
    }

    /// This connection alone on the file: leaving WAL needs an exclusive lock, which SQLite
    /// refuses at once when another connection has the database open. The exclusive locking
    /// mode keeps every other connection out until this one closes.
    fn alone(self, why: &str) -> Result<Store, StoreError> {
        let path = self.path.clone();
        let err = StoreError::sql(&path);
        self.conn.busy_timeout(std::time::Duration::ZERO).map_err(&err)?;
        let mode = self
            .conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get::<_, String>(0));
        if !matches!(mode.as_deref(), Ok(m) if m.eq_ignore_ascii_case("delete")) {
            return Err(StoreError::Busy(format!(
                "{}: another Footprint window or command has the database open, and {why}; close it and try again",
                display_path(&self.path)
            )));
        }
        self.conn
            .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;")
            .map_err(&err)?;
        Ok(self)
    }

    /// Copies the whole database into a new file at `to`, keyed with `key` (clear if `None`).
    fn export_to(&mut self, to: &Path, key: Option<&Passphrase>) -> Result<(), StoreError> {
        let err = StoreError::sql(&self.path);
        let version = self.schema_version()?;
        let key = key.map_or("", |k| k.expose());
        let to_text = to.to_str().ok_or_else(|| {
            StoreError::Encryption(format!("{} is not a UTF-8 path", to.display()))
        })?;
        self.conn
            .execute("ATTACH DATABASE ?1 AS rewritten KEY ?2", [to_text, key])
            .map_err(&err)?;
        let copied = self
            .conn
            .query_row("SELECT sqlcipher_export('rewritten')", [], |_| Ok(()))
            .and_then(|()| self.conn.pragma_update(Some("rewritten"), "user_version", version));
        let detached = self.conn.execute_batch("DETACH DATABASE rewritten");
        copied.and(detached).map_err(&err)
    }

    /// What a rewrite must keep: the schema version, and the rows of every table (SQLite's
    /// own and the full-text index's shadow tables included).
    fn fingerprint(&self) -> Result<String, StoreError> {
        let err = self.err();
        let tables: Vec<String> = self
            .conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(&err)?;
        let mut out = format!("schema {}", self.schema_version()?);
        for table in tables {
            let n: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM \"{}\"", table.replace('"', "\"\"")), [], |r| r.get(0))
                .map_err(&err)?;
            out.push_str(&format!(", {table} {n}"));
        }
        Ok(out)
    }
}

fn remove_if_there(path: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(StoreError::Io {
            path: path.display().to_string(),
            source: e,
        }),
        _ => Ok(()),
    }
}

fn sync(path: &Path) -> Result<(), StoreError> {
    File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|source| StoreError::Io { path: path.display().to_string(), source })
}

/// The rename is durable once the folder is synced; a failure here costs durability of the
/// rename only (the next open finds either file whole), so it is not reported.
fn sync_folder(path: &Path) {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = File::open(folder).and_then(|f| f.sync_all());
    }
}

/// Overwrites the file with zeros, syncs, and removes it: the old clear database's pages are
/// not left readable in free blocks the next file might not reuse.
fn wipe_and_remove(path: &Path) -> Result<(), StoreError> {
    let io = |source| StoreError::Io { path: path.display().to_string(), source };
    let mut file = OpenOptions::new().write(true).open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    let zeros = vec![0u8; 1 << 16];
    file.seek(SeekFrom::Start(0)).map_err(io)?;
    let mut left = len;
    while left > 0 {
        let n = left.min(zeros.len() as u64) as usize;
        file.write_all(&zeros[..n]).map_err(io)?;
        left -= n as u64;
    }
    file.sync_all().map_err(io)?;
    drop(file);
    std::fs::remove_file(path).map_err(io)
}
