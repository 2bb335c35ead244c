//! Migration 0005_impossible_dates on a database written before the time rule: records whose
//! time was a sentinel (`9223372036854775807`, `0`, `-1`), a year like +510 or 0000, or after
//! the import, and summaries, holdings and an export date derived from them. After the
//! migration no stored time is impossible, every record is still there, and the derived values
//! are what an import with the rule would have computed.

use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::{Store, SCHEMA_VERSION};

/// The schema version before `0005_impossible_dates` (later migrations run again after it and
/// must be idempotent).
const BEFORE_THIS_MIGRATION: u32 = 4;
use footprint_core::time::{EVENTS_FROM_MS, FUTURE_SLACK_MS};
use footprint_fixtures::meta::{generate_facebook, FacebookSpec};
use rusqlite::Connection;

const IMPORTED_AT: i64 = 1_767_000_000_000;
const YEAR_510: i64 = -46_388_678_400_000;
const YEAR_0000: i64 = -62_167_219_200_000;
const AFTER_IMPORT: i64 = IMPORTED_AT + 3 * 86_400_000;

fn count(c: &Connection, sql: &str) -> i64 {
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The derived values as the runner computes them from the records (what the migration must
/// reproduce), read as one comparable list.
fn derived(c: &Connection) -> Vec<String> {
    let mut out = Vec::new();
    for sql in [
        "SELECT platform || kind || category || records || ':' || coalesce(first_ts, 'n') || ':' || coalesce(last_ts, 'n') FROM record_counts ORDER BY 1",
        "SELECT platform || day || ':' || records FROM activity_days ORDER BY 1",
        "SELECT file_id || category || ':' || records || ':' || coalesce(first_ts, 'n') || ':' || coalesce(last_ts, 'n') FROM file_counts ORDER BY 1",
        "SELECT company_id || category || relation || platform || ':' || records || ':' || coalesce(first_seen, 'n') || ':' || coalesce(last_seen, 'n') FROM holdings ORDER BY 1",
    ] {
        let mut st = c.prepare(sql).unwrap();
        out.extend(st.query_map([], |r| r.get::<_, String>(0)).unwrap().map(Result::unwrap));
    }
    out
}

/// Derive the summaries and holdings from the records as they are, as the importer and a
/// removal do (the summaries' SQL of summaries.rs; a day that is no date was written as
/// `0000-00-00` by the importer of the time), then the holdings through the public rebuild.
fn rebuild_derived(db: &std::path::Path) {
    let c = Connection::open(db).unwrap();
    c.execute_batch(
        "DELETE FROM record_counts;
         INSERT INTO record_counts SELECT platform, kind, category, count(*), min(ts), max(ts) FROM records GROUP BY 1, 2, 3;
         DELETE FROM activity_days;
         INSERT INTO activity_days SELECT platform, coalesce(strftime('%Y-%m-%d', ts / 1000, 'unixepoch'), '0000-00-00'), count(*)
           FROM records WHERE ts IS NOT NULL GROUP BY 1, 2;
         DELETE FROM file_counts;
         INSERT INTO file_counts SELECT file_id, category, count(*), min(ts), max(ts) FROM records GROUP BY 1, 2;",
    )
    .unwrap();
    drop(c);
    // file_counts feeds the platforms' own holdings.
    Store::open(db).unwrap().rebuild_holdings().unwrap();
}

#[test]
fn impossible_dates_of_an_older_database_are_cleared_and_derived_values_recomputed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fp.db");
    let export = generate_facebook(&FacebookSpec::default(), &dir.path().join("facebook.zip")).unwrap();
    let opts = ImportOptions { now_ms: Some(IMPORTED_AT), ..Default::default() };
    {
        let mut store = Store::open(&db).unwrap();
        import_export(&mut store, &export, &opts).unwrap();
    }
    let c = Connection::open(&db).unwrap();
    let records = count(&c, "SELECT count(*) FROM records");
    let bad_ids: Vec<i64> = {
        let mut st = c.prepare("SELECT id FROM records WHERE company_id IS NOT NULL AND ts IS NOT NULL ORDER BY id LIMIT 6").unwrap();
        st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    assert_eq!(bad_ids.len(), 6);
    let bad = [i64::MAX, 0, -1, YEAR_510, YEAR_0000, AFTER_IMPORT];
    for (id, ts) in bad_ids.iter().zip(bad) {
        c.execute("UPDATE records SET ts = ?2, ts_end = ?2 WHERE id = ?1", [*id, ts]).unwrap();
    }
    c.execute("UPDATE archives SET export_date = 315532800000", []).unwrap(); // 1980: a zip without times
    // The summaries and holdings of that older database, derived from the bad times.
    drop(c);
    rebuild_derived(&db);
    let c = Connection::open(&db).unwrap();
    assert_eq!(count(&c, "SELECT max(last_seen) FROM holdings"), i64::MAX, "the older database shows the sentinel");
    assert!(count(&c, "SELECT count(*) FROM activity_days WHERE day < '1995'") > 0, "and days before 1995");
    // Back to the schema before this migration.
    c.pragma_update(None, "user_version", BEFORE_THIS_MIGRATION).unwrap();
    drop(c);

    let store = Store::open(&db).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    drop(store);
    let c = Connection::open(&db).unwrap();
    assert_eq!(count(&c, "SELECT count(*) FROM records"), records, "every record is kept");
    let window = format!("NOT BETWEEN {EVENTS_FROM_MS} AND {}", IMPORTED_AT + FUTURE_SLACK_MS);
    for col in ["ts", "ts_end"] {
        assert_eq!(count(&c, &format!("SELECT count(*) FROM records WHERE {col} {window}")), 0, "{col}");
    }
    for id in &bad_ids {
        assert_eq!(count(&c, &format!("SELECT count(*) FROM records WHERE id = {id} AND ts IS NULL AND ts_end IS NULL")), 1);
    }
    assert_eq!(count(&c, "SELECT count(*) FROM archives WHERE export_date IS NOT NULL"), 0);
    for (table, cols) in [("holdings", ["first_seen", "last_seen"]), ("record_counts", ["first_ts", "last_ts"]), ("file_counts", ["first_ts", "last_ts"])] {
        for col in cols {
            assert_eq!(count(&c, &format!("SELECT count(*) FROM {table} WHERE {col} {window}")), 0, "{table}.{col}");
        }
    }
    assert_eq!(count(&c, "SELECT count(*) FROM activity_days WHERE day < '1995' OR day > '2026'"), 0);
    // The migrated values are what the current code derives from the cleaned records.
    let migrated = derived(&c);
    drop(c);
    rebuild_derived(&db);
    let c = Connection::open(&db).unwrap();
    assert_eq!(migrated, derived(&c));
}

#[test]
fn twins_that_collide_once_undated_become_one_record() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fp.db");
    let export = generate_facebook(&FacebookSpec::default(), &dir.path().join("facebook.zip")).unwrap();
    let opts = ImportOptions { now_ms: Some(IMPORTED_AT), ..Default::default() };
    import_export(&mut Store::open(&db).unwrap(), &export, &opts).unwrap();
    let c = Connection::open(&db).unwrap();
    let records = count(&c, "SELECT count(*) FROM records");
    // Two rows with one natural key and two impossible times: both would become undated.
    let (a, b): (i64, i64) = c
        .query_row("SELECT min(id), max(id) FROM (SELECT id FROM records WHERE ts IS NOT NULL ORDER BY id LIMIT 2)", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    let dedup: i64 = c.query_row("SELECT dedup FROM records WHERE id = ?1", [a], |r| r.get(0)).unwrap();
    c.execute("UPDATE records SET ts = 0 WHERE id = ?1", [a]).unwrap();
    c.execute("UPDATE records SET ts = -5, dedup = ?2 WHERE id = ?1", [b, dedup]).unwrap();
    c.pragma_update(None, "user_version", BEFORE_THIS_MIGRATION).unwrap();
    drop(c);
    Store::open(&db).expect("the migration does not fail on the collision");
    let c = Connection::open(&db).unwrap();
    assert_eq!(count(&c, "SELECT count(*) FROM records"), records - 1);
    assert_eq!(count(&c, &format!("SELECT count(*) FROM records WHERE dedup = {dedup} AND ts IS NULL")), 1);
}
