//! Encryption at rest (issue #12): an encrypted database holds no plaintext of what was
//! imported, opens only with its passphrase, and is encrypted, re-keyed and decrypted in place
//! without losing a row. The raw bytes of the database and its `-wal` are searched for the
//! texts and words of the import, as the same import holds them in a clear database.

use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::{is_encrypted, Passphrase, Rewrite, Store, StoreError};
use footprint_core::testing::{database_file_bytes as raw_bytes, occurrences as hits};
use footprint_fixtures::reddit::{self, RedditSpec};
use std::path::{Path, PathBuf};

fn pass(text: &str) -> Passphrase {
    Passphrase::new(text).unwrap()
}

fn export(dir: &Path) -> Vec<PathBuf> {
    reddit::generate(&RedditSpec { seed: 5, ..Default::default() }, &dir.join("reddit.zip")).unwrap()
}

fn import(store: &mut Store, paths: &[PathBuf]) {
    import_export(store, paths, &ImportOptions::default()).unwrap();
}

/// The texts the import stored (titles, bodies, identities) and their longer words folded as
/// the full-text index keeps them, read from a clear database holding the same import.
fn plaintexts(clear: &Store) -> Vec<String> {
    let c = clear.connection();
    let mut out: Vec<String> = Vec::new();
    for sql in [
        "SELECT title FROM records WHERE title IS NOT NULL",
        "SELECT body FROM records WHERE body IS NOT NULL",
        "SELECT value FROM identities",
        "SELECT path FROM files",
    ] {
        let mut st = c.prepare(sql).unwrap();
        let rows = st.query_map([], |r| r.get::<_, String>(0)).unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    let words: Vec<String> = out
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.len() >= 7)
        .map(str::to_lowercase)
        .collect();
    out.extend(words);
    out.retain(|t| t.len() >= 6);
    out.sort();
    out.dedup();
    out
}

/// Counts that a rewrite must keep.
fn counts(store: &Store) -> (i64, i64, i64, i64) {
    let stats = store.stats().unwrap();
    let fts: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM records_fts WHERE records_fts MATCH 'reddit OR r'", [], |r| r.get(0))
        .unwrap_or(-1);
    (stats.records, stats.archives, store.schema_version().unwrap(), fts)
}

fn assert_no_plaintext(db: &Path, texts: &[String]) {
    let raw = raw_bytes(db);
    let found: Vec<&String> = texts.iter().filter(|t| hits(&raw, t) > 0).take(5).collect();
    assert!(found.is_empty(), "{} holds plaintext of the import: {found:?}", db.display());
}

#[test]
fn an_encrypted_database_holds_no_plaintext_and_opens_only_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let paths = export(dir.path());
    let clear_db = dir.path().join("clear.db");
    let mut clear = Store::open(&clear_db).unwrap();
    import(&mut clear, &paths);
    let texts = plaintexts(&clear);
    assert!(texts.len() > 50, "too few texts to search for: {}", texts.len());
    // The search finds them where they are in clear: a zero below means something.
    let in_clear = raw_bytes(&clear_db);
    let found = texts.iter().filter(|t| hits(&in_clear, t) > 0).count();
    assert!(found * 10 >= texts.len() * 9, "only {found} of {} found in the clear database", texts.len());

    let db = dir.path().join("secret.db");
    let mut store = Store::open_with(&db, Some(&pass("correct horse"))).unwrap();
    import(&mut store, &paths);
    let expected = counts(&clear);
    assert_eq!(counts(&store), expected);
    // Searched while the store is open (the WAL holds the import) and after it closed.
    assert_no_plaintext(&db, &texts);
    drop(store);
    assert_no_plaintext(&db, &texts);
    assert!(is_encrypted(&db).unwrap());
    assert!(!is_encrypted(&clear_db).unwrap());

    match Store::open_with(&db, Some(&pass("wrong horse"))) {
        Err(e @ StoreError::WrongPassphrase { .. }) => {
            assert_eq!(e.code(), "wrong_passphrase");
            assert!(e.to_string().contains("secret.db"), "{e}");
        }
        other => panic!("a wrong passphrase opened it: {:?}", other.map(|_| ())),
    }
    match Store::open(&db) {
        Err(e @ StoreError::Encrypted { .. }) => assert_eq!(e.code(), "encrypted"),
        other => panic!("no passphrase opened it: {:?}", other.map(|_| ())),
    }
    let again = Store::open_with(&db, Some(&pass("correct horse"))).unwrap();
    assert_eq!(counts(&again), expected);
    assert!(Passphrase::new("").is_err());
}

#[test]
fn a_clear_database_is_encrypted_rekeyed_and_decrypted_in_place_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let paths = export(dir.path());
    let db = dir.path().join("f.db");
    let mut store = Store::open(&db).unwrap();
    import(&mut store, &paths);
    let before = counts(&store);
    let texts = plaintexts(&store);
    drop(store);

    Store::rewrite_file(&db, Rewrite::Encrypt, None, Some(&pass("first"))).unwrap();
    assert!(is_encrypted(&db).unwrap());
    assert_no_plaintext(&db, &texts);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("f.db."))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(counts(&Store::open_with(&db, Some(&pass("first"))).unwrap()), before);
    // Encrypting twice is refused, and says so.
    let twice = Store::rewrite_file(&db, Rewrite::Encrypt, None, Some(&pass("x"))).unwrap_err();
    assert!(twice.to_string().contains("already encrypted"), "{twice}");

    // A wrong current passphrase changes nothing.
    let wrong = Store::rewrite_file(&db, Rewrite::ChangePassphrase, Some(&pass("nope")), Some(&pass("second")));
    assert!(matches!(wrong, Err(StoreError::WrongPassphrase { .. })), "{wrong:?}");
    Store::rewrite_file(&db, Rewrite::ChangePassphrase, Some(&pass("first")), Some(&pass("second"))).unwrap();
    assert!(matches!(Store::open_with(&db, Some(&pass("first"))), Err(StoreError::WrongPassphrase { .. })));
    let mut store = Store::open_with(&db, Some(&pass("second"))).unwrap();
    assert_eq!(counts(&store), before);
    // It is still a working database: a second import of the same export adds nothing.
    import(&mut store, &paths);
    assert_eq!(counts(&store), before);
    assert_eq!(store.journal_mode().unwrap(), "wal");
    drop(store);

    Store::rewrite_file(&db, Rewrite::Decrypt, Some(&pass("second")), None).unwrap();
    assert!(!is_encrypted(&db).unwrap());
    assert_eq!(counts(&Store::open(&db).unwrap()), before);
}

#[test]
fn a_rewrite_is_refused_while_another_connection_has_the_database_open() {
    let dir = tempfile::tempdir().unwrap();
    let paths = export(dir.path());
    let db = dir.path().join("f.db");
    let mut store = Store::open(&db).unwrap();
    import(&mut store, &paths);
    let before = counts(&store);
    let refused = Store::rewrite_file(&db, Rewrite::Encrypt, None, Some(&pass("p"))).unwrap_err();
    assert_eq!(refused.code(), "busy", "{refused}");
    assert!(refused.to_string().contains("another Footprint window or command"), "{refused}");
    assert!(!is_encrypted(&db).unwrap());
    assert_eq!(counts(&store), before);
    drop(store);
    Store::rewrite_file(&db, Rewrite::Encrypt, None, Some(&pass("p"))).unwrap();
}

#[test]
fn an_old_file_left_by_an_interrupted_rewrite_is_wiped_only_once_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    let old = dir.path().join("f.db.rewrite-old");
    drop(Store::open(&db).unwrap());
    // Killed between the hard link and the rename: both names are the database itself.
    std::fs::hard_link(&db, &old).unwrap();
    drop(Store::open(&db).unwrap());
    assert!(old.exists(), "the database's second name was removed before it was replaced");
    assert!(Store::open(&db).unwrap().stats().is_ok());
    // Killed after the rename: the old name is the clear original, wiped at the next open.
    std::fs::remove_file(&old).unwrap();
    std::fs::write(&old, b"SQLite format 3\0 the clear original").unwrap();
    drop(Store::open(&db).unwrap());
    assert!(!old.exists());
}
