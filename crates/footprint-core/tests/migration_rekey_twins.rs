//! Migration 0014_rekey_twins on a database written before session 3, when My Activity and
//! Meta message records were keyed by their millisecond time (and a message by its raw
//! content): re-importing the same export there added every such record again. After the
//! migration the stored times and keys are the current importer's, so a re-import adds 0.

use footprint_core::model::key_of;
use footprint_core::runner::{dedup_of, import_export, ImportOptions};
use footprint_core::store::{Store, SCHEMA_VERSION};
use footprint_fixtures::google::{generate as generate_takeout, TakeoutSpec};
use footprint_fixtures::meta::{generate_facebook, FacebookSpec};
use rusqlite::Connection;
use std::path::Path;

/// The schema version before this migration.
fn before_this_migration() -> i64 {
    footprint_core::store::version_before("0014_rekey_twins").unwrap()
}
/// The milliseconds the old importers kept and the current ones cut.
const MILLIS: i64 = 417;

fn opts() -> ImportOptions {
    ImportOptions { now_ms: Some(1_767_000_000_000), ..Default::default() }
}

fn count(db: &Path, sql: &str) -> i64 {
    Connection::open(db).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// id, platform, account, kind, ts, header, title, thread, sender and body (joined by U+001F).
type StoredRow = (i64, String, String, String, i64, String, String, String, String);

/// Rewrites the My Activity and message records as the importers before session 3 stored
/// them: the time with its milliseconds, the natural key over that time (My Activity: header,
/// milliseconds and title; a message: thread, milliseconds, sender and raw content). Returns
/// how many records were rewritten.
fn to_the_old_key_scheme(db: &Path) -> usize {
    let c = Connection::open(db).unwrap();
    let rows: Vec<StoredRow> = {
        let mut st = c
            .prepare(
                "SELECT r.id, r.platform, coalesce(a.account, ''), r.kind, r.ts,
                        coalesce(json_extract(r.data, '$.header'), ''), coalesce(r.title, ''),
                        coalesce(json_extract(r.data, '$.thread'), ''),
                        coalesce(json_extract(r.data, '$.sender'), '') || char(31) || coalesce(r.body, '')
                 FROM records r JOIN archives a ON a.id = r.archive_id
                 WHERE r.ts IS NOT NULL AND (
                   (r.platform = 'google' AND r.kind IN ('search', 'visit', 'watch', 'view', 'listen', 'activity', 'ad_interaction')
                    AND json_type(r.data, '$.header') IS NOT NULL)
                   OR (r.platform = 'facebook' AND r.kind = 'message'))",
            )
            .unwrap();
        st.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    };
    for (id, platform, account, kind, ts, header, title, thread, sender_body) in &rows {
        let old_ts = ts + MILLIS;
        let ms = old_ts.to_string();
        let natural = if kind == "message" {
            let (sender, body) = sender_body.split_once('\u{1f}').unwrap();
            key_of("message", &[thread, &ms, sender, body])
        } else {
            key_of(kind, &[header, &ms, title])
        };
        c.execute(
            "UPDATE records SET ts = ?2, dedup = ?3 WHERE id = ?1",
            rusqlite::params![id, old_ts, dedup_of(platform, account, natural)],
        )
        .unwrap();
    }
    // Another fingerprint, so the re-import goes through deduplication record by record
    // instead of being recognized as the same archive.
    c.execute("UPDATE archives SET fingerprint = 'before-0014-' || id", []).unwrap();
    c.pragma_update(None, "user_version", before_this_migration()).unwrap();
    rows.len()
}

#[test]
fn reimporting_into_a_migrated_older_database_adds_no_record() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fp.db");
    let takeout = generate_takeout(&TakeoutSpec::default(), &dir.path().join("takeout.zip")).unwrap();
    let facebook = generate_facebook(&FacebookSpec::default(), &dir.path().join("facebook.zip")).unwrap();
    {
        let mut store = Store::open(&db).unwrap();
        import_export(&mut store, &takeout, &opts()).unwrap();
        import_export(&mut store, &facebook, &opts()).unwrap();
    }
    let records = count(&db, "SELECT count(*) FROM records");
    let rewritten = to_the_old_key_scheme(&db);
    let messages = count(&db, "SELECT count(*) FROM records WHERE kind = 'message'");
    assert!(rewritten > 50 && messages > 10, "{rewritten} records, {messages} messages in the old scheme");

    // Without the migration (the version says it ran), the re-import adds them all again.
    let control = dir.path().join("control.db");
    Connection::open(&db)
        .unwrap()
        .execute("VACUUM INTO ?1", [control.to_str().unwrap()])
        .unwrap();
    Connection::open(&control).unwrap().pragma_update(None, "user_version", SCHEMA_VERSION).unwrap();
    {
        let mut store = Store::open(&control).unwrap();
        import_export(&mut store, &takeout, &opts()).unwrap();
        import_export(&mut store, &facebook, &opts()).unwrap();
    }
    assert_eq!(count(&control, "SELECT count(*) FROM records"), records + rewritten as i64);

    // Migrated: every record kept, in the current scheme, and the re-import adds nothing.
    {
        let store = Store::open(&db).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    }
    assert_eq!(count(&db, "SELECT count(*) FROM records"), records);
    assert_eq!(count(&db, &format!("SELECT count(*) FROM records WHERE ts % 1000 = {MILLIS}")), 0);
    {
        let mut store = Store::open(&db).unwrap();
        let again = import_export(&mut store, &takeout, &opts()).unwrap();
        assert!(!again.already_imported, "the re-import went through deduplication");
        import_export(&mut store, &facebook, &opts()).unwrap();
    }
    assert_eq!(count(&db, "SELECT count(*) FROM records"), records, "the re-import added records");
    // The summaries follow the corrected times.
    assert_eq!(count(&db, "SELECT sum(records) FROM record_counts"), records);

    // Run again (idempotent): nothing changes.
    let keys = "SELECT sum(dedup % 1000003) + sum(coalesce(ts, 0) % 1000003) FROM records";
    let before = count(&db, keys);
    Connection::open(&db).unwrap().pragma_update(None, "user_version", before_this_migration()).unwrap();
    drop(Store::open(&db).unwrap());
    assert_eq!(count(&db, keys), before);
}
