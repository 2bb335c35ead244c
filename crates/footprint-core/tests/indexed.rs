//! Indexed, not understood: on every platform's export, files no parser knows but that are
//! JSON, NDJSON, JS-wrapped JSON or CSV are indexed (their text searchable, filterable in the
//! Explorer) and reported apart from the parsed ones; HTML, text and empty files are not.

use footprint_core::query::SearchQuery;
use footprint_core::runner::{import_export, ImportOptions, ImportReport};
use footprint_core::store::Store;
use footprint_fixtures::archive_writer::{add_unknown_files, UNKNOWN_FILES_NOT_INDEXED, UNKNOWN_FILE_WORDS};
use footprint_fixtures::demo::GENERATORS;
use std::path::Path;

fn import(dir: &Path, platform: &str, extra: bool) -> (Store, ImportReport) {
    let g = GENERATORS.iter().find(|g| g.id == platform).expect("generator");
    let written = (g.write)(&dir.join(format!("{platform}-export.zip")), 7, Some(12)).unwrap();
    if extra {
        add_unknown_files(&written).unwrap();
    }
    let mut store = Store::open(&dir.join("fp.db")).unwrap();
    let opts = ImportOptions {
        // The tie-breaking choice is not what this test is about.
        platform: Some(platform.to_string()),
        now_ms: Some(1_760_000_000_000),
        ..Default::default()
    };
    let outcome = import_export(&mut store, &written, &opts).unwrap();
    (store, outcome.report)
}

fn count(dir: &Path, sql: &str) -> i64 {
    let c = rusqlite::Connection::open(dir.join("fp.db")).unwrap();
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn role_of<'r>(report: &'r ImportReport, suffix: &str) -> (&'r str, Option<&'r str>) {
    let f = report
        .files
        .iter()
        .find(|f| f.path.ends_with(suffix))
        .unwrap_or_else(|| panic!("{suffix} not in the report"));
    (f.role.as_str(), f.detail.as_deref())
}

#[test]
fn unknown_json_and_csv_are_indexed_and_searchable_on_every_platform() {
    for g in GENERATORS {
        let plain_dir = tempfile::tempdir().unwrap();
        let (_, plain) = import(plain_dir.path(), g.id, false);
        let dir = tempfile::tempdir().unwrap();
        let (store, report) = import(dir.path(), g.id, true);
        let id = g.id;

        // Understood files are exactly what they were without the extras.
        assert_eq!(report.files_parsed, plain.files_parsed, "{id}: parsed files changed");
        assert_eq!(report.bytes_parsed, plain.bytes_parsed, "{id}");
        assert_eq!(
            report.files_indexed,
            plain.files_indexed + UNKNOWN_FILE_WORDS.len() as u64,
            "{id}: {:#?}",
            report.files.iter().filter(|f| f.path.contains("other_data")).collect::<Vec<_>>()
        );
        assert!(report.bytes_indexed > plain.bytes_indexed, "{id}");
        assert_eq!(
            report.files_parsed + report.files_indexed + report.files_skipped + report.files_unknown,
            report.files_total,
            "{id}: every file has one role"
        );
        for (path, word) in UNKNOWN_FILE_WORDS {
            let (role, _) = role_of(&report, path);
            assert_eq!(role, "index", "{id}: {path}");
            let found = store
                .search(&SearchQuery {
                    text: Some(word.to_string()),
                    ..Default::default()
                })
                .unwrap()
                .rows;
            assert_eq!(found.len(), 1, "{id}: `{word}` from {path}: {found:#?}");
            let r = &found[0];
            assert!(r.file.ends_with(path), "{id}: {} for {path}", r.file);
            assert!(r.kind == "indexed_json" || r.kind == "indexed_csv", "{id}: {}", r.kind);
            assert_eq!(r.category, "unclassified");
            assert_eq!((r.ts, r.company.as_deref()), (None, None), "{id}: nothing is guessed");
        }
        for path in UNKNOWN_FILES_NOT_INDEXED {
            let (role, _) = role_of(&report, path);
            assert_ne!(role, "index", "{id}: {path}");
            assert_ne!(role, "parse", "{id}: {path}");
        }
        // The broken NDJSON line is a warning with its line; the rest of the file is kept.
        assert!(
            report.warnings.iter().any(|w| w.file.ends_with(UNKNOWN_FILE_WORDS[2].0) && w.message.contains("line 3")),
            "{id}: {:?}",
            report.warnings
        );
        // The Explorer's category filter finds all of them and nothing else; they are never a
        // holding.
        let filtered = store
            .search(&SearchQuery {
                category: Some("unclassified".into()),
                limit: Some(1000),
                ..Default::default()
            })
            .unwrap()
            .rows;
        assert!(filtered.iter().all(|r| r.kind.starts_with("indexed_")), "{id}");
        let extra = filtered.iter().filter(|r| r.file.contains("other_data/")).count();
        // 1 settings object + 3 shelves + 3 NDJSON lines + 2 CSV rows + 2 JS elements, and the
        // nested `privacy` and `channels` objects of the settings file.
        assert_eq!(extra, 13, "{id}: {filtered:#?}");
        let stats = store.stats().unwrap();
        assert!(stats.by_category.iter().any(|c| c.key == "unclassified" && c.label == "Indexed, not understood"));
        let holdings = count(dir.path(), "SELECT count(*) FROM holdings WHERE category = 'unclassified'");
        assert_eq!(holdings, 0, "{id}");
    }
}

#[test]
fn indexed_files_are_stored_with_their_role_and_reimport_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, report) = import(dir.path(), "facebook", true);
    let db_roles = count(dir.path(), "SELECT count(*) FROM files WHERE role = 'index'");
    assert_eq!(db_roles as u64, report.files_indexed);
    let (_, detail) = role_of(&report, UNKNOWN_FILE_WORDS[3].0);
    assert_eq!(detail, Some("csv"));
    let (_, detail) = role_of(&report, UNKNOWN_FILE_WORDS[4].0);
    assert_eq!(detail, Some("js_wrapped"));
    let (_, detail) = role_of(&report, UNKNOWN_FILE_WORDS[2].0);
    assert_eq!(detail, Some("ndjson"));
    // The stored report reads back with its indexed counts.
    let archive = store.archives().unwrap()[0].id;
    let stored = store.archive_report(archive).unwrap().unwrap();
    assert_eq!(stored.files_indexed, report.files_indexed);
    // The same export again is known by its fingerprint and adds nothing.
    let before = count(dir.path(), "SELECT count(*) FROM records");
    let again = import_export(
        &mut store,
        &[dir.path().join("facebook-export.zip")],
        &ImportOptions {
            platform: Some("facebook".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(again.already_imported);
    let after = count(dir.path(), "SELECT count(*) FROM records");
    assert_eq!(before, after);
}
