//! kill -9 at random points (issue #12, "Crash and fault tests"): imports and removals with
//! the `footprint` command, each killed with SIGKILL after a random delay within the time the
//! same operation takes when left alone. After every kill the database must pass its
//! integrity checks and hold exactly what it held before the operation or exactly what a
//! clean run of it leaves (never a partial archive), and the operation must then work.
//!
//! A clean twin database gets every operation first, unkilled: its time sets the kill's
//! range, and its contents are what the killed database must match.
//!
//! Short by default (CI, from scripts/test.sh): seeded, 8 imports and 4 removals.
//! scripts/torture.sh runs the full one (50 imports, 20 removals) with
//! `FOOTPRINT_TORTURE_IMPORTS`, `FOOTPRINT_TORTURE_REMOVALS` and `FOOTPRINT_TORTURE_SEED`.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use support::{footprint, generate, integrity, snapshot, Snapshot};

/// Generators with one zip each, cycled; the seed changes with every round, so every export
/// of the pool is a different archive.
const KINDS: &[&str] = &["reddit", "linkedin", "discord", "whatsapp", "spotify", "netflix", "tiktok", "instagram"];

fn setting(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v.parse().unwrap_or_else(|_| panic!("{name}={v} is not a number")),
        Err(_) => default,
    }
}

#[derive(Debug, Clone)]
enum Op {
    Import(Vec<PathBuf>),
    /// Removes the archive with this fingerprint (ids differ between the two databases).
    Remove(String),
}

/// The archive id of `fingerprint` in `db`.
fn archive_id(db: &Path, fingerprint: &str) -> i64 {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row("SELECT id FROM archives WHERE fingerprint = ?1", [fingerprint], |r| r.get(0))
        .unwrap_or_else(|e| panic!("no archive {fingerprint} in {}: {e}", db.display()))
}

fn command(db: &Path, op: &Op) -> Command {
    let mut c = footprint(db);
    match op {
        Op::Import(paths) => c.arg("import").args(paths),
        Op::Remove(fp) => c.arg("remove").arg(archive_id(db, fp).to_string()),
    };
    c.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::piped());
    c
}

/// Runs `op` on `db` to its end; it must succeed. Returns how long it took.
fn run_clean(db: &Path, op: &Op, what: &str) -> Duration {
    let started = Instant::now();
    let out = command(db, op).output().expect("cannot start footprint");
    assert!(out.status.success(), "{what}: {op:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    started.elapsed()
}

#[derive(Default, Debug)]
struct Figures {
    runs: u64,
    killed: u64,
    rolled_back: u64,
    committed: u64,
}

#[test]
fn kill_9_at_random_points_of_imports_and_removals_leaves_no_partial_archive() {
    let imports = setting("FOOTPRINT_TORTURE_IMPORTS", 8);
    let removals = setting("FOOTPRINT_TORTURE_REMOVALS", 4);
    let seed = setting("FOOTPRINT_TORTURE_SEED", 12);
    assert!(removals <= imports, "cannot remove more archives than are imported");
    let mut rng = fastrand::Rng::with_seed(seed);
    let dir = tempfile::tempdir().unwrap();
    let (killed_db, clean_db) = (dir.path().join("killed/f.db"), dir.path().join("clean/f.db"));
    std::fs::create_dir_all(killed_db.parent().unwrap()).unwrap();
    std::fs::create_dir_all(clean_db.parent().unwrap()).unwrap();

    let mut figures = Figures::default();
    let (mut imports_left, mut removals_left) = (imports, removals);
    let mut next_export = 0u64;
    while imports_left + removals_left > 0 {
        let present = snapshot(&clean_db).archives;
        let remove = removals_left > 0
            && !present.is_empty()
            && (imports_left == 0 || rng.u64(0..imports_left + removals_left) < removals_left);
        let op = if remove {
            removals_left -= 1;
            Op::Remove(present[rng.usize(0..present.len())].fingerprint.clone())
        } else {
            imports_left -= 1;
            let kind = KINDS[(next_export as usize) % KINDS.len()];
            let round = next_export / KINDS.len() as u64 + 1;
            next_export += 1;
            Op::Import(generate(kind, dir.path(), round, None))
        };
        figures.runs += 1;
        let before = snapshot(&killed_db);
        let took = run_clean(&clean_db, &op, "the clean twin");
        let after = snapshot(&clean_db);

        let delay = Duration::from_micros(rng.u64(0..took.as_micros() as u64 + 1));
        let mut child = command(&killed_db, &op).spawn().expect("cannot start footprint");
        std::thread::sleep(delay);
        let still_running = child.try_wait().expect("waiting for footprint").is_none();
        if still_running {
            child.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix
            figures.killed += 1;
        }
        let status = child.wait().expect("waiting for footprint");
        let where_ = format!("run {} ({op:?}), killed after {delay:?} of {took:?}", figures.runs);
        if !still_running {
            assert!(status.success(), "{where_}: finished before the kill, but failed");
        }
        assert_eq!(integrity(&killed_db), "ok", "{where_}");
        let state = snapshot(&killed_db);
        if state == after {
            figures.committed += u64::from(still_running);
        } else {
            assert_partial_free(&state, &before, &after, &where_);
            figures.rolled_back += 1;
            // Nothing of it was saved: the same operation must now work, with the same result.
            run_clean(&killed_db, &op, &format!("{where_}, run again"));
            assert_eq!(snapshot(&killed_db), after, "{where_}: running it again gave another result");
            assert_eq!(integrity(&killed_db), "ok", "{where_}, run again");
        }
    }
    // The next import after all that still works.
    let last = Op::Import(generate("linkedin", dir.path(), 999, None));
    run_clean(&killed_db, &last, "the import after the torture");
    run_clean(&clean_db, &last, "the clean twin");
    assert_eq!(snapshot(&killed_db), snapshot(&clean_db));
    eprintln!(
        "torture (seed {seed}): {} runs ({imports} imports, {removals} removals), {} killed mid-run: {} rolled back, {} had already committed; 0 failures",
        figures.runs, figures.killed, figures.rolled_back, figures.committed
    );
    assert!(figures.killed > 0, "no run was killed mid-way: the test proved nothing");
}

/// A rollback journal whose header is written: it starts with SQLite's journal magic.
fn journal_is_hot(journal: &Path) -> bool {
    use std::io::Read;
    const MAGIC: [u8; 8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];
    let mut head = [0u8; 8];
    std::fs::File::open(journal).and_then(|mut f| f.read_exact(&mut head)).is_ok() && head == MAGIC
}

/// A killed operation left `state`: it must be exactly `before` (nothing saved), since it is
/// not `after`.
fn assert_partial_free(state: &Snapshot, before: &Snapshot, after: &Snapshot, where_: &str) {
    assert_eq!(
        state, before,
        "{where_}: the database holds neither what it held before nor what the operation leaves\nafter: {after:?}"
    );
}

/// The first import into an empty database writes through a rollback journal instead of the
/// WAL (footprint-core's store/bulk_journal.rs). Killed while that journal is on disk, it
/// leaves a hot journal that the next open rolls back: an empty, intact database, on which the
/// same import then works and gives what a clean run gives.
#[test]
fn a_first_import_killed_mid_write_rolls_back_from_its_journal() {
    let dir = tempfile::tempdir().unwrap();
    let paths = generate("reddit", dir.path(), 7, Some(60_000));
    let clean_db = dir.path().join("clean.db");
    run_clean(&clean_db, &Op::Import(paths.clone()), "the clean twin");

    let db = dir.path().join("killed.db");
    let journal = dir.path().join("killed.db-journal");
    let mut child = command(&db, &Op::Import(paths.clone())).spawn().expect("cannot start footprint");
    let deadline = Instant::now() + Duration::from_secs(120);
    // Killed in the instant between creating the journal and writing its header, the import
    // leaves an empty journal that SQLite rightly does not call hot (nothing to roll back):
    // wait for the header, so the kill always lands where a rollback is owed.
    while !journal_is_hot(&journal) {
        assert!(child.try_wait().unwrap().is_none(), "the import ended before its journal was seen");
        assert!(Instant::now() < deadline, "no rollback journal appeared within 2 minutes");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(journal.exists(), "the killed import's journal is gone: nothing proves the rollback");

    // The next open (as every command and the app do) rolls the hot journal back.
    let store = footprint_core::store::Store::open(&db).expect("the killed database opens");
    assert_eq!(store.journal_mode().unwrap(), "wal");
    drop(store);
    assert!(!journal.exists(), "opening the database rolled the hot journal back and removed it");
    let state = snapshot(&db);
    assert!(state.archives.is_empty() && state.records == 0, "a killed first import left {state:?}");
    assert_eq!(integrity(&db), "ok");
    run_clean(&db, &Op::Import(paths), "the import again");
    assert_eq!(snapshot(&db), snapshot(&clean_db));
    assert_eq!(integrity(&db), "ok");
}
