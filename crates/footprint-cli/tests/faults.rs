//! Faults a user's machine throws at the database (issue #12, "Crash and fault tests"): the
//! app and the `footprint` command writing the same database at once, a read-only database,
//! a full disk. Each ends in a clear message naming the database, nothing lost, the database
//! intact, and the next import working. docs/PRIVACY.md, "Faults".

mod support;

use footprint_core::runner::{self, ImportOptions};
use footprint_core::store::{Store, StoreError, BUSY_TIMEOUT};
use std::path::{Path, PathBuf};
use std::time::Instant;
use support::{footprint, generate, import_ok, integrity, run, snapshot, Snapshot, Tmpfs};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What `paths` leave in a database of their own: the figures a fault must not change.
fn clean_import(dir: &Path, exports: &[&[PathBuf]]) -> Snapshot {
    let db = dir.join("clean.db");
    for paths in exports {
        import_ok(&db, paths);
    }
    snapshot(&db)
}

/// The app imports through its own `Store` (crates' runner, as src-tauri's import job does)
/// while the command line imports and removes on the same file. The write lock makes one wait
/// for the other; both finish and the result is what the same imports give one after another.
#[test]
fn the_app_and_the_command_line_write_the_same_database_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    let app_exports: Vec<Vec<PathBuf>> =
        (1..=3).map(|seed| generate("discord", dir.path(), seed, None)).collect();
    let cli_exports: Vec<Vec<PathBuf>> =
        (1..=3).map(|seed| generate("reddit", dir.path(), seed, None)).collect();
    // The app's reader stays open the whole time, as the app's screens keep theirs.
    let reader = Store::open(&db).unwrap();

    let app = {
        let (db, exports) = (db.clone(), app_exports.clone());
        std::thread::spawn(move || {
            let mut store = Store::open(&db).unwrap();
            for paths in &exports {
                runner::import_export(&mut store, paths, &ImportOptions::default())
                    .unwrap_or_else(|e| panic!("the app's import of {paths:?}: {e}"));
            }
        })
    };
    // Meanwhile the command line: import, remove what it imported, import again.
    let mut overlapped = false;
    for paths in &cli_exports {
        // The app still importing when a command starts: the two write at once.
        overlapped |= !app.is_finished();
        import_ok(&db, paths);
    }
    // The first archive: whichever writer got there first, it is there (the app may still be
    // on its first import when the command line is done with its three).
    let first: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("SELECT min(id) FROM archives", [], |r| r.get(0))
        .unwrap();
    let out = run(&db, &["remove", "--json", &first.to_string()]);
    assert!(out.status.success(), "remove: {}", stderr(&out));
    app.join().expect("the app's imports");
    assert!(overlapped, "the two writers never ran at the same time; the test proves nothing");
    drop(reader);

    // Import every export again (the removed one comes back, the others are already there),
    // and compare with a clean database holding all six.
    let removed_gone = snapshot(&db);
    assert_eq!(removed_gone.archives.len(), 5, "{removed_gone:?}");
    for paths in app_exports.iter().chain(&cli_exports) {
        import_ok(&db, paths);
    }
    assert_eq!(integrity(&db), "ok");
    let all: Vec<&[PathBuf]> = app_exports.iter().chain(&cli_exports).map(Vec::as_slice).collect();
    assert_eq!(snapshot(&db), clean_import(dir.path(), &all), "something was lost or doubled");
}

/// A writer that keeps the write lock past the busy timeout (a stuck window, a long import):
/// the command waits, then gives up with "database is busy" naming the file; nothing changed,
/// and once the lock is released the same import works.
#[test]
fn a_lock_held_past_the_timeout_says_database_is_busy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    let first = generate("reddit", dir.path(), 1, None);
    let second = generate("linkedin", dir.path(), 1, None);
    import_ok(&db, &first);
    let before = snapshot(&db);

    let lock = rusqlite::Connection::open(&db).unwrap();
    lock.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = Instant::now();
    let out = footprint(&db).arg("import").args(&second).output().unwrap();
    let waited = started.elapsed();
    lock.execute_batch("ROLLBACK").unwrap();
    drop(lock);

    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(message.contains("database is busy"), "{message}");
    assert!(message.contains(&db.display().to_string()), "the message names the database: {message}");
    assert!(!message.contains("panicked"), "{message}");
    assert!(waited >= BUSY_TIMEOUT, "gave up after {waited:?}, before the busy timeout");
    assert_eq!(snapshot(&db), before, "a refused import changed the database");
    import_ok(&db, &second);
    assert_eq!(integrity(&db), "ok");
    assert_eq!(snapshot(&db).archives.len(), 2);
}

/// The engine's error for the same fault carries the `busy` code the app's UI receives.
#[test]
fn the_store_reports_a_held_lock_as_busy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    let paths = generate("linkedin", dir.path(), 2, None);
    let mut store = Store::open(&db).unwrap();
    let lock = rusqlite::Connection::open(&db).unwrap();
    lock.execute_batch("BEGIN IMMEDIATE").unwrap();
    let err = runner::import_export(&mut store, &paths, &ImportOptions::default()).unwrap_err();
    lock.execute_batch("ROLLBACK").unwrap();
    assert_eq!(err.code(), "busy", "{err}");
    assert!(matches!(err, runner::ImportError::Store(StoreError::Locked { .. })), "{err:?}");
}

/// A database on a disk that cannot be written (read-only mount: even root cannot write it;
/// without root, a file and folder without write permission): imports and removals fail with
/// a message naming the file and saying it is read-only; everything that reads still works.
#[test]
fn a_read_only_database_can_be_read_and_refuses_writes_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let reddit = generate("reddit", dir.path(), 1, None);
    let linkedin = generate("linkedin", dir.path(), 1, None);
    let root = is_root();
    let disk = if root {
        match Tmpfs::mount("8m", "read-only database") {
            Some(t) => Some(t),
            None => return,
        }
    } else {
        None
    };
    let folder = disk.as_ref().map_or(dir.path().join("ro"), |t| t.path().to_path_buf());
    let db = folder.join("f.db");
    import_ok(&db, &reddit);
    let before = snapshot(&db);
    if let Some(t) = &disk {
        t.remount_read_only();
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    }

    for (what, out) in [
        ("import", footprint(&db).arg("import").args(&linkedin).output().unwrap()),
        ("remove", run(&db, &["remove", "1"])),
    ] {
        let message = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{what}: {message}");
        assert!(message.contains("is read-only"), "{what}: {message}");
        assert!(message.contains(&db.display().to_string()), "{what} names the database: {message}");
        assert!(!message.contains("panicked"), "{what}: {message}");
    }
    // Reading: the archive list, the totals and a search.
    let out = run(&db, &["archives", "--json"]);
    assert!(out.status.success(), "archives: {}", stderr(&out));
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    let out = run(&db, &["stats", "--json"]);
    assert!(out.status.success(), "stats: {}", stderr(&out));
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["records"].as_i64(), Some(before.records), "{stats}");
    let out = run(&db, &["search", "comment", "--json"]);
    assert!(out.status.success(), "search: {}", stderr(&out));
    assert_eq!(snapshot(&db), before);

    if disk.is_none() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
}

/// The database on a nearly full 2 MB tmpfs: the import that does not fit fails with "disk
/// full" naming the database; the database is intact and holds what it held; once space is
/// freed the same import works.
#[test]
fn a_full_disk_fails_the_import_clearly_and_loses_nothing() {
    let Some(disk) = Tmpfs::mount("2m", "full disk") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let small = generate("reddit", dir.path(), 1, None);
    let large = generate("discord", dir.path(), 1, None);
    let db = disk.path().join("f.db");
    import_ok(&db, &small);
    let before = snapshot(&db);

    // Fill what is left, then give back a few pages: SQLite can start, not finish.
    let filler = disk.path().join("filler");
    fill(&filler);
    let f = std::fs::OpenOptions::new().write(true).open(&filler).unwrap();
    let len = f.metadata().unwrap().len();
    f.set_len(len.saturating_sub(32 * 1024)).unwrap();
    drop(f);

    let out = footprint(&db).arg("import").args(&large).output().unwrap();
    let message = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{message}");
    assert!(message.contains("disk full"), "{message}");
    assert!(message.contains(&db.display().to_string()), "names the database: {message}");
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(integrity(&db), "ok");
    assert_eq!(snapshot(&db), before, "the failed import left something behind");

    std::fs::remove_file(&filler).unwrap();
    import_ok(&db, &large);
    assert_eq!(integrity(&db), "ok");
    assert_eq!(snapshot(&db), clean_import(dir.path(), &[&small, &large]));
}

/// Writes zeros to `path` until the disk refuses.
fn fill(path: &Path) {
    use std::io::Write;
    let mut f = std::fs::File::create(path).unwrap();
    let block = vec![0u8; 4096];
    loop {
        match f.write(&block) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.raw_os_error() == Some(28) => break, // ENOSPC
            Err(e) => panic!("filling {}: {e}", path.display()),
        }
    }
}

/// Root ignores file permissions, so the read-only test needs a read-only mount there.
fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}
