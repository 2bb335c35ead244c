//! The store and the import runner end to end, on generated archives: all-or-nothing imports,
//! idempotent re-imports, newer exports adding only what is new, removal handing records
//! over, hostile input writing nothing, cancellation rolling back, and the queries the CLI and
//! the app show.

use footprint_core::query::{CompanyQuery, MapQuery, SearchQuery, TimelineQuery};
use footprint_core::runner::{import_export, ImportError, ImportOptions, Progress};
use footprint_core::store::Store;
use footprint_fixtures::google::{generate as generate_takeout, ActivityFormat, TakeoutSpec};
use footprint_fixtures::meta::{generate_facebook, FacebookSpec};
use footprint_fixtures::Container;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

fn count(store_path: &Path, sql: &str) -> i64 {
    let c = rusqlite::Connection::open(store_path).unwrap();
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Imports write with foreign-key checks off for speed: prove the rows are consistent anyway.
fn assert_foreign_keys_hold(store_path: &Path) {
    let c = rusqlite::Connection::open(store_path).unwrap();
    let mut st = c.prepare("PRAGMA foreign_key_check").unwrap();
    let bad: Vec<String> = st
        .query_map([], |r| Ok(format!("{}:{}", r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(bad.is_empty(), "foreign key violations: {bad:?}");
    let fts: i64 = c
        .query_row("SELECT count(*) FROM records WHERE title IS NOT NULL OR body IS NOT NULL", [], |r| r.get(0))
        .unwrap();
    let indexed: i64 = c
        .query_row("SELECT count(*) FROM records_fts_docsize", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fts, indexed, "every record with text is in the full-text index");
    // The summary tables agree with the records they summarize.
    let q = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        q("SELECT coalesce(sum(records), 0) FROM record_counts"),
        q("SELECT count(*) FROM records")
    );
    assert_eq!(
        q("SELECT coalesce(sum(records), 0) FROM activity_days"),
        q("SELECT count(*) FROM records WHERE ts IS NOT NULL")
    );
    assert_eq!(
        q("SELECT coalesce(sum(points), 0) FROM geo_cells"),
        q("SELECT count(*) FROM records WHERE lat IS NOT NULL")
    );
    assert_eq!(
        // Indexed, not understood records are never a holding, so never in file_counts.
        q("SELECT count(*) FROM (SELECT file_id, category, count(*), min(ts), max(ts) FROM records
             WHERE category <> 'unclassified' GROUP BY 1, 2
             EXCEPT SELECT file_id, category, records, first_ts, last_ts FROM file_counts)"),
        0
    );
    assert_eq!(
        q("SELECT count(*) FROM (SELECT platform, kind, category, count(*) AS n FROM records GROUP BY 1, 2, 3
             EXCEPT SELECT platform, kind, category, records FROM record_counts)"),
        0
    );
}

fn facebook(dir: &Path, name: &str, spec: FacebookSpec) -> Vec<PathBuf> {
    generate_facebook(&spec, &dir.join(name)).unwrap()
}

fn opts() -> ImportOptions {
    ImportOptions {
        now_ms: Some(1_767_000_000_000),
        ..Default::default()
    }
}

#[test]
fn import_finds_third_parties_with_evidence_and_reimport_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fp.db");
    let zip = facebook(dir.path(), "facebook.zip", FacebookSpec::default());
    let mut store = Store::open(&db).unwrap();

    let first = import_export(&mut store, &zip, &opts()).unwrap();
    assert!(!first.already_imported);
    assert_eq!(first.report.platform, "facebook");
    assert!(first.report.records > 0);
    assert_eq!(first.report.records, count(&db, "SELECT count(*) FROM records") as u64);

    // Every advertiser that uploaded a contact list is a company with that relation.
    let uploaders = store
        .companies(&CompanyQuery {
            relation: Some("uploaded_contact_list".into()),
            ..Default::default()
        })
        .unwrap();
    // The dedicated file names them; advertisers with a data-file audience add more.
    assert!(uploaders.len() >= FacebookSpec::default().contact_list_uploaders);
    // Each has evidence; the ones from the dedicated file name it.
    let mut named_file = false;
    for u in &uploaders {
        let detail = store.company(u.id).unwrap().unwrap();
        let h = detail
            .holdings
            .iter()
            .find(|h| h.relation == "uploaded_contact_list")
            .expect("holding with the relation");
        assert!(h.records >= 1);
        assert!(!h.files.is_empty());
        assert!(!detail.evidence.is_empty(), "{} has evidence records", u.name);
        named_file |= h
            .files
            .iter()
            .any(|f| f.contains("advertisers_who_uploaded_a_contact_list"));
    }
    assert!(named_file, "some evidence comes from the contact-list file");

    // Meta itself holds what the export shows.
    let meta = store.find_company("Meta").unwrap().expect("platform company");
    let meta = store.company(meta).unwrap().unwrap();
    assert!(meta.summary.is_platform);
    assert!(meta.holdings.iter().any(|h| h.category == "messages"));

    // The same export again: nothing added, the first archive's id returned.
    let records_before = count(&db, "SELECT count(*) FROM records");
    let again = import_export(&mut store, &zip, &opts()).unwrap();
    assert!(again.already_imported);
    assert_eq!(again.archive_id, first.archive_id);
    assert_eq!(count(&db, "SELECT count(*) FROM records"), records_before);
    assert_eq!(count(&db, "SELECT count(*) FROM archives"), 1);
    assert_foreign_keys_hold(&db);
}

/// Two exports of one Google account, one with My Activity as JSON and one as HTML (Takeout's
/// default), count every record once: the HTML cards have the JSON elements' keys and times
/// (to the second, the precision both carry). The JSON export imported again, unpacked (another
/// fingerprint, so every record goes through deduplication), adds nothing either.
#[test]
fn google_json_and_html_exports_of_one_account_count_each_record_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fp.db");
    let spec = TakeoutSpec::default();
    let json = generate_takeout(&spec, &dir.path().join("takeout-json.zip")).unwrap();
    let unpacked = generate_takeout(
        &TakeoutSpec { container: Container::Folder, ..spec.clone() },
        &dir.path().join("takeout-unpacked"),
    )
    .unwrap();
    let html = generate_takeout(
        &TakeoutSpec { activity_format: ActivityFormat::Html, ..spec.clone() },
        &dir.path().join("takeout-html.zip"),
    )
    .unwrap();
    let mut store = Store::open(&db).unwrap();
    let a = import_export(&mut store, &json, &opts()).unwrap();
    assert!(a.report.records > 0);
    let activity = "SELECT count(*) FROM records r JOIN files f ON f.id = r.file_id WHERE f.path LIKE '%My Activity/%'";
    let from_json = count(&db, activity);
    assert_eq!(from_json as usize, spec.activity + spec.ads);

    let b = import_export(&mut store, &unpacked, &opts()).unwrap();
    assert!(!b.already_imported, "another fingerprint: every record is checked");
    assert_eq!(b.report.records, 0, "re-importing the JSON export adds nothing");
    assert_eq!(b.report.duplicates, b.report.records_seen);

    let c = import_export(&mut store, &html, &opts()).unwrap();
    assert_eq!(c.report.account, a.report.account, "same account");
    let html_files = c.report.files.iter().filter(|f| f.path.ends_with("MyActivity.html")).count();
    assert_eq!(html_files, 5, "the HTML pages were read");
    assert!(c.report.records_seen >= (spec.activity + spec.ads) as u64);
    assert_eq!(c.report.records, 0, "the HTML twin adds nothing: {:?}", c.report.warnings);
    assert_eq!(count(&db, "SELECT count(*) FROM records") as u64, a.report.records);
    assert_eq!(count(&db, activity), from_json);
    // Advertisers are counted once: one ad interaction each, not one per format.
    assert_eq!(
        count(&db, "SELECT coalesce(sum(records), 0) FROM holdings WHERE relation = 'ad_interaction'") as usize,
        spec.ads
    );
    assert_foreign_keys_hold(&db);
}

/// A newer export of a generated Facebook folder: a copy of it plus one more message thread
/// with two messages ("brand new message", "second new one").
fn with_a_new_thread(old: &Path, new_dir: &Path) -> PathBuf {
    std::fs::create_dir_all(new_dir).unwrap();
    copy_tree(old, new_dir);
    let thread_dir = walk(new_dir)
        .into_iter()
        .find(|p| p.ends_with("message_1.json"))
        .expect("a message thread")
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("zz_newfriend_123");
    std::fs::create_dir_all(&thread_dir).unwrap();
    std::fs::write(
        thread_dir.join("message_1.json"),
        br#"{"participants":[{"name":"New Friend"},{"name":"Me"}],
             "messages":[{"sender_name":"New Friend","timestamp_ms":1700000000000,"content":"brand new message"},
                         {"sender_name":"Me","timestamp_ms":1700000001000,"content":"second new one"}],
             "title":"New Friend","thread_path":"inbox/zz_newfriend_123"}"#,
    )
    .unwrap();
    new_dir.to_path_buf()
}

/// Copy a folder tree (a generated unpacked export).
fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn newer_export_adds_only_new_records_and_removal_hands_over() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fp.db");
    let spec = FacebookSpec {
        container: Container::Folder,
        ..Default::default()
    };
    let old = facebook(dir.path(), "old", spec.clone());
    let new_dir = with_a_new_thread(&old[0], &dir.path().join("new"));

    let mut store = Store::open(&db).unwrap();
    let a = import_export(&mut store, &old, &opts()).unwrap();
    let b = import_export(&mut store, std::slice::from_ref(&new_dir), &opts()).unwrap();
    assert!(!b.already_imported);
    assert_foreign_keys_hold(&db);
    assert_eq!(a.report.account, b.report.account, "same account");
    assert_eq!(b.report.records, 2, "only the two new messages are new");
    assert_eq!(b.report.duplicates + 2, b.report.records_seen);
    let total = count(&db, "SELECT count(*) FROM records");
    assert_eq!(total as u64, a.report.records + 2);

    // The overview reports what changed since the previous export.
    let overview = store.overview().unwrap();
    let change = overview.changes.first().expect("a change for the account");
    assert_eq!(change.new_records, 2);

    // Removing the old export keeps everything the new one also has.
    let removed = store.remove_archive(a.archive_id).unwrap();
    assert_eq!(removed.records_removed, 0);
    assert_eq!(removed.records_handed_over as u64, a.report.records);
    assert_eq!(count(&db, "SELECT count(*) FROM records"), total);
    assert_eq!(count(&db, "SELECT count(*) FROM record_also_in"), 0);
    assert_foreign_keys_hold(&db);
    // Search still finds old messages, now attributed to the new archive's files.
    let page = store.search(&SearchQuery::default()).unwrap();
    assert!(page.rows.iter().all(|r| r.archive_id == b.archive_id));

    // Removing the last one leaves an empty store: no orphan companies or holdings.
    store.remove_archive(b.archive_id).unwrap();
    for table in [
        "records", "companies", "holdings", "identities", "files", "archives", "company_aliases",
        "record_counts", "activity_days", "geo_cells", "file_counts",
    ] {
        assert_eq!(count(&db, &format!("SELECT count(*) FROM {table}")), 0, "{table} emptied");
    }
    assert_eq!(count(&db, "SELECT count(*) FROM records_fts"), 0);
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn hostile_archive_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fp.db");
    let evil = dir.path().join("evil.zip");
    {
        let mut z = zip::ZipWriter::new(std::fs::File::create(&evil).unwrap());
        let o = zip::write::SimpleFileOptions::default();
        z.start_file("your_facebook_activity/messages/inbox/a/message_1.json", o).unwrap();
        z.write_all(b"{\"messages\":[]}").unwrap();
        z.start_file("../../etc/cron.d/evil", o).unwrap();
        z.write_all(b"x").unwrap();
        z.finish().unwrap();
    }
    let mut store = Store::open(&db).unwrap();
    let err = import_export(&mut store, &[evil], &opts()).unwrap_err();
    assert_eq!(err.code(), "unsafe_archive", "{err}");
    assert!(err.to_string().contains("../../etc/cron.d/evil"), "{err}");
    assert_eq!(count(&db, "SELECT count(*) FROM archives"), 0);
    assert_eq!(count(&db, "SELECT count(*) FROM records"), 0);
}

#[test]
fn unknown_export_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fp.db");
    let odd = dir.path().join("odd.zip");
    {
        let mut z = zip::ZipWriter::new(std::fs::File::create(&odd).unwrap());
        z.start_file("notes/todo.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(b"buy milk").unwrap();
        z.finish().unwrap();
    }
    let mut store = Store::open(&db).unwrap();
    let err = import_export(&mut store, &[odd], &opts()).unwrap_err();
    assert!(matches!(err, ImportError::NotRecognized { .. }), "{err}");
    assert!(err.to_string().contains("notes/todo.txt"), "{err}");
    assert_eq!(count(&db, "SELECT count(*) FROM archives"), 0);
}

/// A Facebook export cut down to the folders Instagram exports share: the two platforms tie,
/// the error lists both with their reasons (what the app's "which platform?" dialog shows),
/// nothing is written, and choosing one imports it.
#[test]
fn a_tie_lists_its_choices_and_a_choice_imports() {
    use footprint_fixtures::archive_writer::{keep_entries, META_SHARED_FOLDERS};
    let dir = tempfile::tempdir().unwrap();
    let full = facebook(dir.path(), "fb.zip", FacebookSpec::default());
    let shared = dir.path().join("meta-shared.zip");
    keep_entries(&full[0], &shared, |name| META_SHARED_FOLDERS.iter().any(|f| name.contains(f))).unwrap();
    let db = dir.path().join("fp.db");
    let mut store = Store::open(&db).unwrap();
    let err = import_export(&mut store, std::slice::from_ref(&shared), &opts()).unwrap_err();
    assert_eq!(err.code(), "ambiguous");
    let choices = err.choices().expect("a tie has choices");
    let ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["facebook", "instagram"]);
    assert_eq!(choices[1].name, "Instagram");
    assert!(choices.iter().all(|c| c.confidence == 0.3 && c.reason.contains("ads_information")), "{choices:?}");
    assert_eq!(count(&db, "SELECT count(*) FROM archives"), 0);
    let chosen = import_export(
        &mut store,
        &[shared],
        &ImportOptions {
            platform: Some("instagram".into()),
            ..opts()
        },
    )
    .unwrap();
    assert_eq!(chosen.report.platform, "instagram");
    assert!(chosen.report.records > 0);
}

#[test]
fn cancelled_import_rolls_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fp.db");
    let zip = facebook(
        dir.path(),
        "big.zip",
        FacebookSpec {
            threads: 4,
            messages_per_thread: 20_000,
            ..Default::default()
        },
    );
    let cancel = Arc::new(AtomicBool::new(false));
    let c2 = cancel.clone();
    let mut store = Store::open(&db).unwrap();
    let result = import_export(
        &mut store,
        &zip,
        &ImportOptions {
            cancel: Some(cancel.clone()),
            // Cancel as soon as records are flowing.
            progress: Some(Arc::new(move |p: &Progress| {
                if p.records > 0 {
                    c2.store(true, Ordering::Relaxed);
                }
            })),
            ..opts()
        },
    );
    assert!(matches!(result, Err(ImportError::Cancelled)), "{:?}", result.err());
    assert!(cancel.load(Ordering::Relaxed));
    for table in ["archives", "records", "files", "companies", "identities"] {
        assert_eq!(count(&db, &format!("SELECT count(*) FROM {table}")), 0, "{table}");
    }
    // The store is usable afterwards.
    let ok = import_export(&mut store, &zip, &opts()).unwrap();
    assert!(ok.report.records >= 80_000);
}

#[test]
fn malformed_file_becomes_a_warning_not_an_abort() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fp.db");
    let spec = FacebookSpec {
        container: Container::Folder,
        ..Default::default()
    };
    let export = facebook(dir.path(), "fb", spec);
    let thread = walk(&export[0])
        .into_iter()
        .find(|p| p.ends_with("message_1.json"))
        .unwrap();
    // Cut the thread file in the middle: the records before the cut are kept, the file is
    // reported as not fully read, and the rest of the export imports.
    let bytes = std::fs::read(&thread).unwrap();
    std::fs::write(&thread, &bytes[..bytes.len() / 2]).unwrap();
    let mut store = Store::open(&db).unwrap();
    let out = import_export(&mut store, &export, &opts()).unwrap();
    assert_eq!(out.report.files_failed, 1);
    let failed = out.report.files.iter().find(|f| f.error.is_some()).unwrap();
    assert!(failed.path.ends_with("message_1.json"));
    assert!(failed.error.as_ref().unwrap().contains("truncated"), "{failed:?}");
    assert!(out.report.warnings.iter().any(|w| w.file == failed.path));
    assert!(out.report.records > 0);
}

#[test]
fn queries_agree_with_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fp.db");
    let zip = facebook(dir.path(), "facebook.zip", FacebookSpec::default());
    let mut store = Store::open(&db).unwrap();
    let out = import_export(&mut store, &zip, &opts()).unwrap();

    let stats = store.stats().unwrap();
    assert_eq!(stats.records as u64, out.report.records);
    assert_eq!(stats.archives, 1);
    let by_kind: i64 = stats.by_kind.iter().map(|k| k.count).sum();
    assert_eq!(by_kind, stats.records);

    let timeline: i64 = store
        .timeline(&TimelineQuery::default())
        .unwrap()
        .iter()
        .map(|b| b.records)
        .sum();
    let dated = count(&db, "SELECT count(*) FROM records WHERE ts IS NOT NULL");
    assert_eq!(timeline, dated);

    // Paging walks every record exactly once.
    let mut seen = std::collections::HashSet::new();
    let mut q = SearchQuery {
        limit: Some(7),
        ..Default::default()
    };
    loop {
        let page = store.search(&q).unwrap();
        for r in &page.rows {
            assert!(seen.insert(r.id), "record {} returned twice", r.id);
        }
        match page.next {
            Some(c) => q.after = Some(c),
            None => break,
        }
    }
    assert_eq!(seen.len() as i64, stats.records);

    // Full-text search finds a message by a word of its content, with its source file.
    let (word, file): (String, String) = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT r.body, f.path FROM records r JOIN files f ON f.id = r.file_id WHERE r.kind = 'message' AND r.body IS NOT NULL LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let word = word
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| w.len() > 3)
        .unwrap()
        .to_string();
    let hits = store
        .search(&SearchQuery {
            text: Some(word.clone()),
            ..Default::default()
        })
        .unwrap();
    assert!(!hits.rows.is_empty(), "search for {word}");
    assert!(hits.rows.iter().any(|r| r.file == file));
    // FTS syntax typed by a user is harmless.
    store
        .search(&SearchQuery {
            text: Some("\"unbalanced AND ( OR".into()),
            ..Default::default()
        })
        .unwrap();

    // The map counts exactly the records that have coordinates.
    let map = store.map(&MapQuery::default()).unwrap();
    assert_eq!(
        map.total_points,
        count(&db, "SELECT count(*) FROM records WHERE lat IS NOT NULL")
    );
    let binned: i64 = map.bins.iter().map(|b| b.count).sum();
    assert_eq!(binned, map.total_points);

    let overview = store.overview().unwrap();
    assert_eq!(overview.records_total, stats.records);
    assert!(overview.third_parties_total > 0);
    assert!(overview
        .by_relation
        .iter()
        .any(|r| r.key == "sent_off_platform_activity"));
}

#[test]
fn location_history_feeds_the_map_and_timeline_summaries() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fp.db");
    let zip = footprint_fixtures::google::generate(
        &footprint_fixtures::google::TakeoutSpec {
            location_points: 2_000,
            ..Default::default()
        },
        &dir.path().join("takeout.zip"),
    )
    .unwrap();
    let mut store = Store::open(&db).unwrap();
    let out = import_export(&mut store, &zip, &opts()).unwrap();
    assert_foreign_keys_hold(&db);
    let map = store.map(&MapQuery::default()).unwrap();
    assert!(map.total_points >= 2_000);
    assert_eq!(map.bins.iter().map(|b| b.count).sum::<i64>(), map.total_points);
    assert!(map.bins.len() > 1 && map.bins.len() < 2_000, "points are binned: {}", map.bins.len());
    assert!(!map.visits.is_empty(), "semantic place visits are listed");
    let [w, s, e, n] = map.extent.unwrap();
    assert!(w <= e && s <= n);
    // Zooming into a box returns only what is inside it.
    let half = store
        .map(&MapQuery {
            west: Some(w),
            east: Some((w + e) / 2.0),
            south: Some(s),
            north: Some(n),
            cells: Some(16),
        })
        .unwrap();
    assert!(half.bins.iter().all(|b| b.lon <= (w + e) / 2.0 + 1e-9));
    let by_day: i64 = store
        .timeline(&TimelineQuery {
            by: Some("day".into()),
            ..Default::default()
        })
        .unwrap()
        .iter()
        .map(|b| b.records)
        .sum();
    assert_eq!(by_day, count(&db, "SELECT count(*) FROM records WHERE ts IS NOT NULL"));
    store.remove_archive(out.archive_id).unwrap();
    assert_foreign_keys_hold(&db);
    assert_eq!(store.map(&MapQuery::default()).unwrap().total_points, 0);
}

/// Which journal a running import writes through, seen from its progress callback: whether a
/// rollback journal (`-journal`) or a write-ahead log (`-wal`) is beside the database.
fn journal_files_during_import(db: &Path, zip: &[PathBuf], store: &mut Store) -> (bool, bool) {
    let seen = Arc::new(std::sync::Mutex::new((false, false)));
    let (s2, beside) = (seen.clone(), |suffix: &str| {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        PathBuf::from(p)
    });
    let (journal, wal) = (beside("-journal"), beside("-wal"));
    import_export(
        store,
        zip,
        &ImportOptions {
            progress: Some(Arc::new(move |p: &Progress| {
                if p.phase == "importing" {
                    let mut s = s2.lock().unwrap();
                    s.0 |= journal.exists();
                    s.1 |= wal.exists();
                }
            })),
            ..opts()
        },
    )
    .unwrap();
    let seen = *seen.lock().unwrap();
    seen
}

/// The first import into an empty database, with the database to itself, writes every page
/// once, through a rollback journal (store/bulk_journal.rs); a later import, or one with
/// another connection open (the app's screens), goes through the WAL so that readers are never
/// blocked. Either way the database is in WAL mode afterwards, and what was imported is the
/// same.
#[test]
fn a_lone_first_import_writes_through_a_rollback_journal_and_returns_to_wal() {
    let dir = tempfile::tempdir().unwrap();
    let spec = FacebookSpec {
        threads: 4,
        messages_per_thread: 20_000,
        ..Default::default()
    };
    let zip = facebook(dir.path(), "big.zip", spec.clone());

    let lone = dir.path().join("lone.db");
    let mut store = Store::open(&lone).unwrap();
    let (journal, wal) = journal_files_during_import(&lone, &zip, &mut store);
    assert!(journal && !wal, "a lone first import: rollback journal {journal}, WAL {wal}");
    assert_eq!(store.journal_mode().unwrap(), "wal");
    // A second export into the now filled database: WAL, whoever else has it open.
    let other = facebook(dir.path(), "other.zip", FacebookSpec { seed: spec.seed + 1, ..spec });
    let (journal, wal) = journal_files_during_import(&lone, &other, &mut store);
    assert!(!journal && wal, "a later import: rollback journal {journal}, WAL {wal}");
    drop(store);

    let shared = dir.path().join("shared.db");
    let mut store = Store::open(&shared).unwrap();
    let reader = Store::open(&shared).unwrap();
    reader.schema_version().unwrap();
    let (journal, wal) = journal_files_during_import(&shared, &zip, &mut store);
    assert!(!journal && wal, "beside a reader: rollback journal {journal}, WAL {wal}");
    assert_eq!(reader.journal_mode().unwrap(), "wal");
    drop(reader);

    let n = "SELECT count(*) FROM records";
    assert!(count(&shared, n) >= 80_000);
    let first_archive = "SELECT count(*) FROM records WHERE archive_id = 1";
    assert_eq!(count(&lone, first_archive), count(&shared, n));
    assert!(count(&lone, n) > count(&shared, n), "the second export added records");
    assert_foreign_keys_hold(&lone);
}
