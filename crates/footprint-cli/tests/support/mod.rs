//! What the fault and crash tests share: running the `footprint` binary on a database,
//! generating exports, reading back what a database holds (to compare it with a clean
//! import), and small file systems mounted for a test (full, read-only).

#![allow(dead_code)] // each test crate uses a different part

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `footprint` binary on the database `db`, with a private data folder beside it.
pub fn footprint(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_footprint"));
    let data = db.parent().expect("a database in a folder").join("data");
    c.env("FOOTPRINT_DATA_DIR", data)
        .env_remove("FOOTPRINT_DB")
        .env("RUST_BACKTRACE", "0")
        .arg("--db")
        .arg(db);
    c
}

/// Runs `footprint --db <db> <args>` to the end.
pub fn run(db: &Path, args: &[&str]) -> Output {
    footprint(db).args(args).output().expect("cannot start footprint")
}

/// `footprint import` of `paths`, which must succeed.
pub fn import_ok(db: &Path, paths: &[PathBuf]) {
    let out = footprint(db).arg("import").args(paths).output().expect("footprint import");
    assert!(
        out.status.success(),
        "import of {paths:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Writes the export of platform `kind` (a `footprint generate` id) with `seed` into `dir`.
pub fn generate(kind: &str, dir: &Path, seed: u64, records: Option<usize>) -> Vec<PathBuf> {
    let g = footprint_fixtures::demo::generator(kind).unwrap_or_else(|| panic!("no generator {kind}"));
    let out = dir.join(format!("{kind}-{seed}.zip"));
    (g.write)(&out, seed, records).unwrap_or_else(|e| panic!("generating {kind}: {e}"))
}

fn read_only(db: &Path) -> Connection {
    Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap_or_else(|e| panic!("opening {}: {e}", db.display()))
}

/// `PRAGMA integrity_check`, the foreign-key check and the full-text index's own check:
/// `"ok"` when all three pass, else what they found.
pub fn integrity(db: &Path) -> String {
    let c = read_only(db);
    let mut found: Vec<String> = c
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .unwrap_or_else(|e| vec![format!("integrity_check: {e}")]);
    if found == ["ok"] {
        found.clear();
    }
    let fk: i64 = c
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))
        .unwrap_or(-1);
    if fk != 0 {
        found.push(format!("{fk} foreign-key violations"));
    }
    drop(c);
    // The FTS5 check writes nothing but needs a writable handle to run.
    if let Err(e) = Connection::open(db).and_then(|c| {
        c.execute("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')", [])
    }) {
        found.push(format!("full-text index: {e}"));
    }
    if found.is_empty() {
        "ok".into()
    } else {
        found.join("; ")
    }
}

/// One archive as a clean import leaves it, without what differs between two runs (ids,
/// import times).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ArchiveRow {
    pub fingerprint: String,
    pub platform: String,
    pub account: Option<String>,
    pub files: i64,
    pub records: i64,
    pub identities: i64,
}

/// What a database holds: its archives with their counts, and the totals the screens show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub archives: Vec<ArchiveRow>,
    pub records: i64,
    pub companies: i64,
    pub holdings: i64,
    pub counted: i64,
    pub activity: i64,
}

/// Reads `db`'s [`Snapshot`] (an empty one when the file does not exist yet).
pub fn snapshot(db: &Path) -> Snapshot {
    if !db.exists() {
        return Snapshot { archives: vec![], records: 0, companies: 0, holdings: 0, counted: 0, activity: 0 };
    }
    let c = read_only(db);
    let mut archives: Vec<ArchiveRow> = c
        .prepare(
            "SELECT fingerprint, platform, account,
                    (SELECT count(*) FROM files f WHERE f.archive_id = a.id),
                    (SELECT count(*) FROM records r WHERE r.archive_id = a.id),
                    (SELECT count(*) FROM identities i WHERE i.archive_id = a.id)
             FROM archives a",
        )
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok(ArchiveRow {
                    fingerprint: r.get(0)?,
                    platform: r.get(1)?,
                    account: r.get(2)?,
                    files: r.get(3)?,
                    records: r.get(4)?,
                    identities: r.get(5)?,
                })
            })?
            .collect()
        })
        .unwrap_or_else(|e| panic!("reading the archives of {}: {e}", db.display()));
    archives.sort();
    let one = |sql: &str| -> i64 {
        c.query_row(sql, [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{sql} on {}: {e}", db.display()))
    };
    Snapshot {
        archives,
        records: one("SELECT count(*) FROM records"),
        companies: one("SELECT count(*) FROM companies"),
        holdings: one("SELECT count(*) FROM holdings"),
        counted: one("SELECT coalesce(sum(records), 0) FROM record_counts"),
        activity: one("SELECT coalesce(sum(records), 0) FROM activity_days"),
    }
}

/// Whether this run must not skip what needs root (CI runs as root).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// A tmpfs of a fixed size mounted on a temporary folder for one test; unmounted on drop.
pub struct Tmpfs {
    pub dir: tempfile::TempDir,
}

impl Tmpfs {
    /// Mounts a tmpfs of `size` (`mount` syntax: "2m") or, where this process may not mount
    /// (not root), prints why the test is skipped and returns `None`. Under CI it must work.
    pub fn mount(size: &str, test: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0755"), "tmpfs"])
            .arg(dir.path())
            .output();
        match out {
            Ok(o) if o.status.success() => Some(Tmpfs { dir }),
            other => {
                let why = match other {
                    Ok(o) => String::from_utf8_lossy(&o.stderr).trim().to_string(),
                    Err(e) => format!("cannot run mount: {e}"),
                };
                assert!(!in_ci(), "{test}: mounting a {size} tmpfs failed under CI (it runs as root): {why}");
                eprintln!("SKIPPED {test}: cannot mount a {size} tmpfs here ({why}); run as root to test it");
                None
            }
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Makes the whole file system read-only (what root cannot write through either).
    pub fn remount_read_only(&self) {
        let st = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status()
            .expect("mount");
        assert!(st.success(), "remounting {} read-only failed", self.path().display());
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}
