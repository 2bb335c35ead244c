//! The SQLite store: opening, pragmas and migrations. Writing happens in [`crate::runner`]
//! (imports) and [`crate::holders`] (derived holdings); reading in [`crate::query`].
//!
//! Migrations are embedded SQL files that never change once released; `PRAGMA user_version`
//! records how many ran. A database made by a newer Footprint is refused rather than damaged.

mod bulk_journal;
pub mod encryption;

pub use encryption::{is_encrypted, Passphrase, Rewrite};

use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::{Path, PathBuf};

mod rekey;
mod sqlite_config;

/// One migration: SQL, or a Rust step for what SQL cannot do (a key is an xxh3 hash). Either
/// runs in one transaction with its `user_version` bump.
enum Step {
    Sql(&'static str),
    Rust(fn(&rusqlite::Connection) -> rusqlite::Result<()>),
}

/// Embedded migrations, in order. Append only.
const MIGRATIONS: &[(&str, Step)] = &[
    ("0001_init", Step::Sql(include_str!("migrations/0001_init.sql"))),
    ("0002_requests", Step::Sql(include_str!("migrations/0002_requests.sql"))),
    ("0003_demo", Step::Sql(include_str!("migrations/0003_demo.sql"))),
    ("0004_money", Step::Sql(include_str!("migrations/0004_money.sql"))),
    ("0005_impossible_dates", Step::Sql(include_str!("migrations/0005_impossible_dates.sql"))),
    ("0006_indexed_files", Step::Sql(include_str!("migrations/0006_indexed_files.sql"))),
    ("0007_contact_overrides", Step::Sql(include_str!("migrations/0007_contact_overrides.sql"))),
    ("0008_deletion_checks", Step::Sql(include_str!("migrations/0008_deletion_checks.sql"))),
    ("0009_access_answers", Step::Sql(include_str!("migrations/0009_access_answers.sql"))),
    ("0013_screen_summaries", Step::Sql(include_str!("migrations/0013_screen_summaries.sql"))),
    ("0014_rekey_twins", Step::Rust(|conn| rekey::run(conn).map(|_| ()))),
    ("0017_pending_erase", Step::Sql(include_str!("migrations/0017_pending_erase.sql"))),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The schema version a database had just before migration `name` (`0013_screen_summaries`):
/// tests that stand for an older database set `user_version` to it, so they keep meaning
/// the same thing when later migrations are appended.
pub fn version_before(name: &str) -> Option<i64> {
    MIGRATIONS.iter().position(|(n, _)| *n == name).map(|i| i as i64)
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Sqlite {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("database {path} was written by a newer Footprint (schema {found}, this version knows {supported}); update Footprint to open it")]
    NewerSchema {
        path: String,
        found: i64,
        supported: i64,
    },
    #[error("cannot create the folder for database {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    NotFound(String),
    /// Another connection kept a read transaction open, so the WAL could not be truncated.
    #[error("{0}")]
    Busy(String),
    /// Another connection (a second window, a `footprint` command) held the write lock for
    /// longer than the busy timeout. SQLite rolled the statement back.
    #[error("database is busy: {path} is being changed by another Footprint window or command, which kept it locked for more than {} s; nothing was changed, try again when it has finished", BUSY_TIMEOUT.as_secs())]
    Locked {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    /// The disk (or quota) holding the database or its write-ahead log is full. SQLite rolled
    /// the transaction back: the file holds what it held before.
    #[error("disk full: no space left for database {path}; nothing of this change was saved and the database holds what it held before. Free some space on that disk and try again")]
    DiskFull {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    /// The database is encrypted and no passphrase was given.
    #[error("database {path} is encrypted: it opens with its passphrase (the app asks for it; a command reads FOOTPRINT_PASSPHRASE, or asks when run in a terminal)")]
    Encrypted { path: String },
    /// The passphrase does not open the database. Nothing was read or changed.
    #[error("wrong passphrase for database {path}: it was not opened and nothing changed; check the passphrase and try again")]
    WrongPassphrase { path: String },
    /// Encrypting, decrypting or re-keying was refused (already encrypted, an empty
    /// passphrase, a copy that differs).
    #[error("{0}")]
    Encryption(String),
    /// The file, its folder (SQLite writes `-wal` and `-shm` beside it) or the whole disk is
    /// read-only. What is stored can still be read.
    #[error("database {path} is read-only (the file, its folder or the disk cannot be written): it can be read but not changed. Make it writable to import or remove")]
    ReadOnly {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
}

/// How long a write waits for another connection's write lock before it gives up with
/// [`StoreError::Locked`]. An import holds the lock for its whole transaction (seconds for a
/// large export), so the wait is generous.
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

impl StoreError {
    /// A SQLite error at `path`, sorted into the faults a user can act on (busy, disk full,
    /// read-only) and the rest.
    pub(crate) fn sql(path: &Option<PathBuf>) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |source| {
            let path = display_path(path);
            match source.sqlite_error_code() {
                Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                    StoreError::Locked { path, source }
                }
                Some(ErrorCode::DiskFull) => StoreError::DiskFull { path, source },
                Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path, source },
                _ => StoreError::Sqlite { path, source },
            }
        }
    }

    /// Stable code for the UI and scripts: `not_found`, `busy` (either kind), `disk_full`,
    /// `read_only`, or `store` for the rest.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::NotFound(_) => "not_found",
            StoreError::Busy(_) | StoreError::Locked { .. } => "busy",
            StoreError::DiskFull { .. } => "disk_full",
            StoreError::ReadOnly { .. } => "read_only",
            StoreError::Encrypted { .. } => "encrypted",
            StoreError::WrongPassphrase { .. } => "wrong_passphrase",
            StoreError::Encryption(_) => "encryption",
            StoreError::Sqlite { .. } | StoreError::NewerSchema { .. } | StoreError::Io { .. } => {
                "store"
            }
        }
    }
}

/// The errors SQLite gives when it may read a database but not write it or the `-shm` and
/// `-wal` files beside it.
fn cannot_write(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen)
    )
}

fn display_path(path: &Option<PathBuf>) -> String {
    path.as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| ":memory:".into())
}

/// An open database. One writer; readers may open their own `Store` on the same file (WAL).
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: Option<PathBuf>,
}

impl Store {
    /// Open (creating and migrating if needed) the database at `path`, which must not be
    /// encrypted.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, None)
    }

    /// Open (creating and migrating if needed) the database at `path`, with the passphrase
    /// that encrypts it. A new database is created encrypted when `key` is given; a clear one
    /// opens as it is, whatever `key` says (see [`encryption`]).
    pub fn open_with(path: &Path, key: Option<&Passphrase>) -> Result<Store, StoreError> {
        sqlite_config::configure_once();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Io {
                path: path.display().to_string(),
                source,
            })?;
        }
        Store::finish_rewrite(path)?;
        let key = key.filter(|_| encryption::header(path).is_ok_and(|h| h != encryption::Header::Clear));
        let p = Some(path.to_path_buf());
        let conn = Connection::open(path).map_err(StoreError::sql(&p))?;
        match Store::unlock(&conn, &p, key).and_then(|()| Store::init(conn, p)) {
            // A database the user may read but not write (a read-only disk, a file or folder
            // without write permission): SQLite cannot create the `-shm` file WAL needs, even
            // to read. Open it read-only instead, so the screens and commands that only read
            // keep working; every write then fails with `StoreError::ReadOnly`.
            Err(StoreError::Sqlite { path: shown, source } | StoreError::ReadOnly { path: shown, source })
                if cannot_write(&source) && path.exists() =>
            {
                Store::open_read_only(path, key).ok_or(StoreError::ReadOnly { path: shown, source })
            }
            other => other,
        }
    }

    /// Opens an existing database for reading only; `None` when it cannot be read either, or
    /// needs a migration (which writes). `mode=ro` reads through the WAL (it needs an existing
    /// or creatable `-shm`); where even that fails and no WAL holds unmerged pages,
    /// `immutable=1` reads the file alone (nobody can change a file this process cannot).
    fn open_read_only(path: &Path, key: Option<&Passphrase>) -> Option<Store> {
        sqlite_config::configure_once();
        let abs = std::path::absolute(path).ok()?;
        let mut wal = abs.clone().into_os_string();
        wal.push("-wal");
        let wal_is_empty = std::fs::metadata(&wal).map_or(true, |m| m.len() == 0);
        let queries: &[&str] = if wal_is_empty { &["mode=ro", "immutable=1"] } else { &["mode=ro"] };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
        queries.iter().find_map(|query| {
            let mut uri = url::Url::from_file_path(&abs).ok()?;
            uri.set_query(Some(query));
            let conn = Connection::open_with_flags(uri.as_str(), flags).ok()?;
            Store::unlock(&conn, &None, key).ok()?;
            let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).ok()?;
            conn.busy_timeout(BUSY_TIMEOUT).ok()?;
            (version == SCHEMA_VERSION).then(|| Store {
                conn,
                path: Some(path.to_path_buf()),
            })
        })
    }

    /// Keys a new connection (when `key` is given) and reads the file's first page, so that
    /// an encrypted file opened without its passphrase, or with a wrong one, is told apart
    /// from every other fault before anything is written.
    fn unlock(conn: &Connection, path: &Option<PathBuf>, key: Option<&Passphrase>) -> Result<(), StoreError> {
        if let Some(key) = key {
            // SQLCipher logs a failed page check to stderr itself; the error below says it
            // in the user's words instead.
            conn.execute_batch("PRAGMA cipher_log_level = NONE").map_err(StoreError::sql(path))?;
            encryption::apply_key(conn, key).map_err(StoreError::sql(path))?;
        }
        match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)) {
            Ok(_) => Ok(()),
            Err(e) => Err(encryption::refused(path, key.is_some(), &e)
                .unwrap_or_else(|| StoreError::sql(path)(e))),
        }
    }

    /// A private in-memory database (tests, benchmarks of the parser alone).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        sqlite_config::configure_once();
        let conn = Connection::open_in_memory().map_err(StoreError::sql(&None))?;
        Store::init(conn, None)
    }

    fn init(conn: Connection, path: Option<PathBuf>) -> Result<Store, StoreError> {
        let for_err = path.clone();
        let err = StoreError::sql(&for_err);
        // WAL: readers (the app's screens) never block the importer. NORMAL sync is safe with
        // WAL (a crash can lose the last commit, never corrupt). Foreign keys are off by
        // default in SQLite: turn them on. Secure delete: SQLite otherwise leaves deleted rows
        // in free pages and in the unused parts of live pages, where they can be read back from
        // the raw file; a removed export must leave no trace (issue #12, tests/erase.rs). Every
        // connection sets it, because it is per connection and any of them may delete.
        conn.execute_batch(
            "PRAGMA secure_delete = ON;
             PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA cache_size = -32000;",
        )
        .map_err(&err)?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(&err)?;
        let mut store = Store { conn, path };
        store.migrate()?;
        store.resume_erase();
        Ok(store)
    }

    /// Records, inside a deleting transaction, that its erase is still to come: if the process
    /// dies before [`Store::erase_deleted`] finishes, the next open erases.
    pub(crate) fn mark_erase_pending(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
        tx.execute(
            "INSERT OR REPLACE INTO pending_erase (id, since) VALUES (1, CAST(unixepoch('subsec') * 1000 AS INTEGER))",
            [],
        )
        .map(|_| ())
    }

    /// Finishes an erase that an interrupted removal left (see migration 0017). A database that
    /// cannot be written now (read-only, or another connection reading so the WAL cannot be
    /// truncated) keeps the mark for a later open; opening still succeeds.
    fn resume_erase(&mut self) {
        let pending = self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM pending_erase)", [], |r| r.get::<_, bool>(0))
            .unwrap_or(false);
        if pending && !self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true) {
            let _ = self.erase_deleted();
        }
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = StoreError::sql(&path);
        let found: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(&err)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: display_path(&self.path),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        for (i, (_name, step)) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            // Each migration and its version bump commit together: all or nothing.
            let tx = self.conn.transaction().map_err(&err)?;
            match step {
                Step::Sql(sql) => tx.execute_batch(sql).map_err(&err)?,
                Step::Rust(run) => run(&tx).map_err(&err)?,
            }
            tx.pragma_update(None, "user_version", (i + 1) as i64)
                .map_err(&err)?;
            tx.commit().map_err(&err)?;
        }
        Ok(())
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub(crate) fn err(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        StoreError::sql(&self.path)
    }

    /// Make what was just deleted unrecoverable from the database's files: the full-text
    /// index merged (its segments otherwise keep the removed words, with a delete marker
    /// beside them), the file vacuumed (no free page and no stale page left), and the WAL
    /// checkpointed into the file and truncated to zero bytes. Secure delete (set on every
    /// connection, see `init`) zeroes the rows as they are deleted; this removes the rest.
    /// Called after every removal and after [`Store::delete_everything`]; docs/PRIVACY.md.
    ///
    /// VACUUM needs no SQL statement open on this connection (a `&mut self` guarantees it);
    /// readers on other connections may keep reading. The checkpoint waits (busy timeout) for
    /// them to finish their read transactions: the app's reader holds none between commands.
    pub(crate) fn erase_deleted(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = StoreError::sql(&path);
        // 'optimize' merges every segment into one, dropping the entries of deleted rows
        // (records_fts is external-content; its delete trigger already told it which).
        self.conn
            .execute_batch("INSERT INTO records_fts(records_fts) VALUES ('optimize'); VACUUM;")
            .map_err(&err)?;
        self.truncate_wal()?;
        // The mark goes only once the WAL holds nothing of before; what its own deletion
        // leaves in the WAL is that one small page, truncated again.
        self.conn
            .execute("DELETE FROM pending_erase", [])
            .map_err(&err)?;
        self.truncate_wal()
    }

    /// `PRAGMA wal_checkpoint(TRUNCATE)`: the WAL copied into the file and cut to 0 bytes, or
    /// `Busy` when another connection's read transaction keeps it.
    fn truncate_wal(&self) -> Result<(), StoreError> {
        if self.path.is_none() {
            return Ok(());
        }
        let (busy, _log, _done): (i64, i64, i64) = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .map_err(self.err())?;
        if busy != 0 {
            return Err(StoreError::Busy(format!(
                "{}: the removal is done, but another connection kept reading, so the write-ahead log still holds the removed data; close other Footprint windows or commands and remove again",
                display_path(&self.path)
            )));
        }
        Ok(())
    }

    /// The connection, for crates that only read (footprint-research's exports, which stream
    /// whole tables in one read transaction). Every write goes through the engine's functions,
    /// which keep the derived tables (holdings, summaries) in step.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(self.err())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A removal whose process died after its deletion committed and before its erase ran
    /// (kill -9, power loss): the full-text index still holds the removed words until the next
    /// open of the database erases them.
    #[test]
    fn an_erase_cut_short_is_finished_at_the_next_open() {
        use footprint_fixtures::reddit::{generate, RedditSpec};
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("f.db");
        let paths = generate(&RedditSpec { seed: 31, ..Default::default() }, &dir.path().join("reddit.zip")).unwrap();
        let mut store = Store::open(&db).unwrap();
        crate::runner::import_export(&mut store, &paths, &Default::default()).unwrap();
        let words: Vec<String> = {
            let mut st = store.conn.prepare("SELECT title FROM records WHERE title IS NOT NULL").unwrap();
            let titles: Vec<String> = st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
            let mut w: Vec<String> = titles
                .iter()
                .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase).collect::<Vec<_>>())
                .filter(|w| w.len() >= 8)
                .collect();
            w.sort();
            w.dedup();
            w
        };
        use crate::testing::{database_file_bytes as raw, occurrences};
        let left = |bytes: &[u8]| words.iter().filter(|w| occurrences(bytes, w) > 0).count();
        let id = store.archives().unwrap()[0].id;
        // The deletion alone, as a process killed before the erase leaves it.
        store.remove_archive_rows(id).unwrap();
        drop(store);
        let before = left(&raw(&db));
        assert!(before > 0, "the words were erased without the erase: the test proves nothing ({} words)", words.len());

        let store = Store::open(&db).unwrap();
        let pending: i64 = store.conn.query_row("SELECT count(*) FROM pending_erase", [], |r| r.get(0)).unwrap();
        assert_eq!(pending, 0, "the mark outlived the erase");
        drop(store);
        assert_eq!(left(&raw(&db)), 0, "{before} removed words were left before the open erased them");
    }

    #[test]
    fn migrates_a_new_database() {
        let s = Store::open_in_memory().unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        let tables: i64 = s
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('archives','records','companies','holdings','identities','files')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 6);
    }

    #[test]
    fn reopening_is_a_no_op_and_newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/fp.db");
        drop(Store::open(&p).unwrap());
        drop(Store::open(&p).unwrap());
        let c = Connection::open(&p).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 5).unwrap();
        drop(c);
        match Store::open(&p) {
            Err(StoreError::NewerSchema { found, .. }) => assert_eq!(found, SCHEMA_VERSION + 5),
            other => panic!("expected NewerSchema, got {:?}", other.err()),
        }
    }

    #[test]
    fn sqlite_faults_get_their_own_words_and_codes() {
        let failure = |code| rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None);
        let path = Some(PathBuf::from("/data/footprint.db"));
        for (code, ours, words) in [
            (rusqlite::ffi::SQLITE_FULL, "disk_full", "disk full"),
            (rusqlite::ffi::SQLITE_BUSY, "busy", "database is busy"),
            (rusqlite::ffi::SQLITE_LOCKED, "busy", "database is busy"),
            (rusqlite::ffi::SQLITE_READONLY, "read_only", "is read-only"),
            (rusqlite::ffi::SQLITE_CORRUPT, "store", "malformed"),
        ] {
            let e = StoreError::sql(&path)(failure(code));
            assert_eq!(e.code(), ours, "{e}");
            let message = e.to_string();
            assert!(message.contains(words) && message.contains("/data/footprint.db"), "{message}");
        }
    }

    #[test]
    fn every_column_has_a_comment() {
        // The house rule: each column in CREATE TABLE carries a `--` comment.
        for (_, step) in MIGRATIONS {
            let Step::Sql(sql) = step else { continue };
            let mut in_table = false;
            for line in sql.lines() {
                let t = line.trim();
                if t.starts_with("CREATE TABLE") {
                    in_table = true;
                    continue;
                }
                if in_table && t.starts_with(')') {
                    in_table = false;
                    continue;
                }
                if in_table && !t.starts_with("PRIMARY KEY") && !t.is_empty() {
                    assert!(t.contains("--"), "column without a comment: {t}");
                }
            }
        }
    }
}
