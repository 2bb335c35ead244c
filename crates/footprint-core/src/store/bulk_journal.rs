//! The journal an import writes through when no other connection has the database open.
//!
//! In WAL mode every page an import writes goes to the database twice: once appended to the
//! `-wal` file (frames of 24 + 4,096 bytes, which the kernel zero-fills block by block as the
//! file grows) and once more when the checkpoint at the commit copies the WAL into the
//! database. On the 1.2M-record Takeout that was half of the import's CPU (the cache spills
//! into the WAL 23%, the checkpoint 23%; docs/PERFORMANCE.md). A rollback journal writes the
//! new pages once, in place, and journals only the few pages that existed before (a page
//! appended past the end of the file needs no undo copy), so the import is as all-or-nothing
//! as before: an interrupted import leaves a hot journal that the next open rolls back.
//!
//! Only the first import into an empty database takes this path. While a rollback-journal
//! transaction writes, a reader that opens the database waits for the commit (and gives up
//! with "database is busy" after the busy timeout), where WAL lets it read the state before
//! the import; on an empty database there is nothing to read yet, on a filled one readers
//! (a `footprint search` beside a `footprint import`) keep WAL's promise.
//!
//! Leaving WAL needs an exclusive lock: when another connection has the database open (the
//! app's screens keep a reader open, a second command may be reading), SQLite refuses the
//! switch and the import goes through the WAL as before. The attempt does not wait: the busy
//! timeout is off for it.

use super::{Store, StoreError, BUSY_TIMEOUT};
use std::time::Duration;

/// What [`Store::enter_bulk_journal`] changed, to be undone by [`Store::leave_bulk_journal`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BulkJournal {
    /// The database is in rollback-journal mode (with full syncs) until the import ends.
    Rollback,
    /// Another connection has the database open, or it lives in memory: WAL as always.
    Wal,
}

impl Store {
    /// Switch to a rollback journal for the first import into an empty database, when no
    /// other connection is open.
    pub(crate) fn enter_bulk_journal(&self) -> Result<BulkJournal, StoreError> {
        // A read-only database (its disk, file or folder) cannot change its journal either:
        // the import then meets the fault and reports it in its own words.
        let read_only = self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true);
        if self.path.is_none() || read_only {
            return Ok(BulkJournal::Wal);
        }
        let err = self.err();
        let empty: bool = self
            .conn
            .query_row("SELECT NOT EXISTS (SELECT 1 FROM archives)", [], |r| r.get(0))
            .map_err(&err)?;
        if !empty {
            return Ok(BulkJournal::Wal);
        }
        self.conn.busy_timeout(Duration::ZERO).map_err(&err)?;
        // The pragma answers with the mode in force: still `wal` when the lock was refused.
        let mode = self
            .conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get::<_, String>(0));
        self.conn.busy_timeout(BUSY_TIMEOUT).map_err(&err)?;
        let mode = match mode {
            Ok(mode) => mode,
            // Busy (another connection), or any fault the import itself will meet and report
            // (a full disk, an I/O error): SQLite keeps the mode it had, so the import goes on
            // through the WAL.
            Err(_) => return Ok(BulkJournal::Wal),
        };
        if !mode.eq_ignore_ascii_case("delete") {
            return Ok(BulkJournal::Wal);
        }
        // NORMAL is safe with WAL; with a rollback journal only FULL is safe on power loss
        // (the journal is synced before the database is written over). It costs two syncs.
        self.conn
            .execute_batch("PRAGMA synchronous = FULL")
            .map_err(&err)?;
        Ok(BulkJournal::Rollback)
    }

    /// Back to WAL (and NORMAL syncs) after the import, whatever its outcome. A reader that
    /// opened the database meanwhile may hold the lock for a moment: the busy timeout waits
    /// for it; should it still fail, the next [`Store::open`] turns WAL back on.
    pub(crate) fn leave_bulk_journal(&self, journal: BulkJournal) -> Result<(), StoreError> {
        if journal == BulkJournal::Wal {
            return Ok(());
        }
        self.conn
            .execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
            .map_err(self.err())
    }

    /// The journal mode in force (`wal`, `delete`, `memory`), for tests and diagnostics.
    pub fn journal_mode(&self) -> Result<String, StoreError> {
        self.conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .map_err(self.err())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_connection_switches_and_switches_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("f.db")).unwrap();
        assert_eq!(store.journal_mode().unwrap(), "wal");
        let journal = store.enter_bulk_journal().unwrap();
        assert_eq!(journal, BulkJournal::Rollback);
        assert_eq!(store.journal_mode().unwrap(), "delete");
        store.leave_bulk_journal(journal).unwrap();
        assert_eq!(store.journal_mode().unwrap(), "wal");
    }

    #[test]
    fn another_open_connection_keeps_wal_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.db");
        let store = Store::open(&path).unwrap();
        let reader = Store::open(&path).unwrap();
        // The reader has read (as the app's screens do): its connection stays open, idle.
        reader.schema_version().unwrap();
        let started = std::time::Instant::now();
        let journal = store.enter_bulk_journal().unwrap();
        assert!(started.elapsed() < BUSY_TIMEOUT / 2, "waited {:?}", started.elapsed());
        assert_eq!(journal, BulkJournal::Wal);
        assert_eq!(store.journal_mode().unwrap(), "wal");
        store.leave_bulk_journal(journal).unwrap();
        assert_eq!(reader.journal_mode().unwrap(), "wal");
    }

    #[test]
    fn memory_databases_stay_as_they_are() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.enter_bulk_journal().unwrap(), BulkJournal::Wal);
    }
}
