//! Removing an archive erases it (issue #12): after `remove_archive` (and after
//! `delete_everything`), no string that only the removed export contained is left anywhere in
//! the database's files: not in free pages, not in the full-text index's segments, not in the
//! WAL. The test reads the raw bytes of `f.db`, `f.db-wal` and `f.db-shm` after closing the store.

use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use footprint_core::testing::{database_file_bytes as raw_bytes, occurrences as hits};
use footprint_core::query::SearchQuery;
use footprint_fixtures::meta::{generate_facebook, FacebookSpec};
use footprint_fixtures::reddit::{self, RedditSpec};
use std::path::{Path, PathBuf};

fn kept_export(dir: &Path) -> Vec<PathBuf> {
    generate_facebook(&FacebookSpec { seed: 11, ..Default::default() }, &dir.join("facebook.zip")).unwrap()
}

fn removed_export(dir: &Path) -> Vec<PathBuf> {
    reddit::generate(&RedditSpec { seed: 22, ..Default::default() }, &dir.join("reddit.zip")).unwrap()
}

/// The texts of one archive's records and identities, as the store holds them.
fn texts_of(db: &Path, archive_id: i64) -> Vec<String> {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut out: Vec<String> = Vec::new();
    for sql in [
        "SELECT title FROM records WHERE archive_id = ?1 AND title IS NOT NULL",
        "SELECT body FROM records WHERE archive_id = ?1 AND body IS NOT NULL",
        "SELECT value FROM identities WHERE archive_id = ?1",
    ] {
        let mut st = c.prepare(sql).unwrap();
        let rows = st.query_map([archive_id], |r| r.get::<_, String>(0)).unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

/// Strings that only the removed export holds: its record texts and identifiers, and their
/// longer words lowercased (FTS5 stores tokens folded), none of which occurs anywhere in a
/// database that holds the kept export alone.
fn unique_strings(dir: &Path, removed_id: i64, db: &Path) -> Vec<String> {
    let kept_only = dir.join("kept-only.db");
    {
        let mut s = Store::open(&kept_only).unwrap();
        import_export(&mut s, &kept_export(&dir.join("k2")), &ImportOptions::default()).unwrap();
    }
    let kept_bytes = raw_bytes(&kept_only);
    let mut candidates: Vec<String> = Vec::new();
    for t in texts_of(db, removed_id) {
        let t = t.trim().to_string();
        for w in t.split(|c: char| !c.is_alphanumeric()) {
            if w.chars().count() >= 8 {
                candidates.push(w.to_lowercase());
            }
        }
        if t.chars().count() >= 10 {
            candidates.push(t);
        }
    }
    candidates.sort();
    candidates.dedup();
    candidates.retain(|s| hits(&kept_bytes, s) == 0);
    candidates
}

fn open_with_both(dir: &Path) -> (PathBuf, Store, i64, i64) {
    std::fs::create_dir_all(dir.join("in")).unwrap();
    let db = dir.join("f.db");
    let mut store = Store::open(&db).unwrap();
    let kept = import_export(&mut store, &kept_export(&dir.join("in")), &ImportOptions::default()).unwrap();
    let removed = import_export(&mut store, &removed_export(&dir.join("in")), &ImportOptions::default()).unwrap();
    (db, store, kept.archive_id, removed.archive_id)
}

fn report(label: &str, bytes: &[u8], strings: &[String]) -> Vec<(String, usize)> {
    let found: Vec<(String, usize)> = strings
        .iter()
        .map(|s| (s.clone(), hits(bytes, s)))
        .filter(|(_, n)| *n > 0)
        .collect();
    let total: usize = found.iter().map(|(_, n)| n).sum();
    eprintln!("{label}: {} of {} unique strings found, {total} hits", found.len(), strings.len());
    found
}

#[test]
fn removing_an_archive_leaves_no_trace_of_it_in_the_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("k2")).unwrap();
    let (db, mut store, kept_id, removed_id) = open_with_both(dir.path());
    let unique = unique_strings(dir.path(), removed_id, &db);
    assert!(unique.len() >= 20, "too few strings unique to the removed export: {unique:?}");
    // The test can see them before the removal (it would pass trivially otherwise).
    let before = report("before removal", &raw_bytes(&db), &unique);
    assert!(!before.is_empty());

    // A word of the kept export, to check it is still searchable afterwards.
    let kept_word = texts_of(&db, kept_id)
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()).map(str::to_string).collect::<Vec<_>>())
        .find(|w| w.chars().count() >= 6 && w.chars().all(char::is_alphabetic))
        .expect("a word in the kept export");

    let started = std::time::Instant::now();
    store.remove_archive(removed_id).unwrap();
    eprintln!("removal with erasure: {:?}", started.elapsed());
    let found = store
        .search(&SearchQuery { text: Some(kept_word.clone()), ..Default::default() })
        .unwrap();
    assert!(!found.rows.is_empty(), "the kept export's word {kept_word:?} is still found by search");
    drop(store);

    let after = report("after removal", &raw_bytes(&db), &unique);
    assert!(after.is_empty(), "{} strings left in the database files after removal, e.g. {:?}", after.len(), &after[..after.len().min(10)]);
    // The kept export's text is still there (the byte search can fail the other way).
    assert!(hits(&raw_bytes(&db), &kept_word) > 0);
    let store = Store::open(&db).unwrap();
    assert_eq!(store.archives().unwrap().len(), 1);
}

#[test]
fn deleting_everything_leaves_no_trace_of_any_export() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("k2")).unwrap();
    let (db, mut store, kept_id, removed_id) = open_with_both(dir.path());
    let mut strings = unique_strings(dir.path(), removed_id, &db);
    // Every text of the kept export too (long enough not to occur by chance in the schema).
    strings.extend(texts_of(&db, kept_id).into_iter().map(|t| t.trim().to_string()).filter(|t| t.chars().count() >= 12));
    strings.sort();
    strings.dedup();
    let before = report("before delete-everything", &raw_bytes(&db), &strings);
    assert!(!before.is_empty());

    store.delete_everything().unwrap();
    drop(store);

    let after = report("after delete-everything", &raw_bytes(&db), &strings);
    assert!(after.is_empty(), "{} strings left in the database files after deleting everything, e.g. {:?}", after.len(), &after[..after.len().min(10)]);
    let store = Store::open(&db).unwrap();
    assert!(store.archives().unwrap().is_empty());
}
