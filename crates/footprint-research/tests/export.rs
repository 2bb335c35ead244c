//! The research export against the database it comes from: every table in every format has
//! the database's rows, the Parquet files' columns are exactly the codebook's (names, types,
//! nullability), filters select, big tables stream in row groups, and a failed export leaves
//! nothing.

mod common;

use common::*;
use footprint_research::tables::TABLES;
use footprint_research::{Format, Selection};
use parquet::basic::{LogicalType, Type as Physical};
use parquet::file::reader::{FileReader, SerializedFileReader};
use std::collections::BTreeMap;

/// Rows each table should have, counted in SQLite.
fn sqlite_counts(store: &footprint_core::store::Store) -> BTreeMap<&'static str, u64> {
    [
        ("archives", "SELECT count(*) FROM archives"),
        ("import_reports", "SELECT count(*) FROM files"),
        ("records", "SELECT count(*) FROM records"),
        (
            "companies",
            "SELECT count(*) FROM companies WHERE id IN (SELECT company_id FROM holdings)
               OR id IN (SELECT company_id FROM records)",
        ),
        ("holdings", "SELECT count(*) FROM holdings"),
        ("identities", "SELECT count(*) FROM identities"),
    ]
    .into_iter()
    .map(|(t, sql)| (t, count(store, sql)))
    .collect()
}

/// The codebook's type for a Parquet column as the file declares it.
fn file_type(physical: Physical, logical: Option<&LogicalType>) -> String {
    let p = match physical {
        Physical::INT64 => "INT64",
        Physical::DOUBLE => "DOUBLE",
        Physical::BYTE_ARRAY => "BYTE_ARRAY",
        Physical::BOOLEAN => "BOOLEAN",
        other => panic!("unexpected physical type {other}"),
    };
    match logical {
        None => p.to_string(),
        Some(LogicalType::String) => format!("{p} (STRING)"),
        Some(LogicalType::Timestamp(t)) if t.is_adjusted_to_u_t_c => format!("{p} (TIMESTAMP(MILLIS, UTC))"),
        Some(other) => panic!("unexpected logical type {other:?}"),
    }
}

#[test]
fn every_table_in_every_format_has_the_databases_rows_and_the_codebooks_columns() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let expected = sqlite_counts(&store);
    assert!(expected["records"] > 5_000 && expected["holdings"] > 100, "{expected:?}");
    for format in [Format::Parquet, Format::Csv, Format::Jsonl] {
        let out = dir.path().join(format.extension());
        let mut opts = options(format, out.clone());
        opts.with_identities = true;
        let summary = run(&store, &opts);
        assert_eq!(summary.tables.len(), TABLES.len());
        let book: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("codebook.json")).unwrap()).unwrap();
        let md = std::fs::read_to_string(out.join("codebook.md")).unwrap();
        assert_eq!(book["export_format_version"], 1);
        assert_eq!(book["footprint_version"], env!("CARGO_PKG_VERSION"));
        for t in &summary.tables {
            assert_eq!(t.rows, expected[t.table], "{format:?} {}", t.table);
            let entry = book["tables"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["name"] == t.table)
                .unwrap_or_else(|| panic!("table {} has no codebook entry", t.table));
            assert_eq!(entry["rows"], t.rows);
            let documented = |name: &str| {
                entry["columns"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|c| c["name"] == name)
                    .cloned()
                    .unwrap_or_else(|| panic!("{}.{name} has no codebook entry", t.table))
            };
            // The columns as the written file has them, each checked against the codebook.
            let columns: Vec<String> = match format {
                Format::Parquet => {
                    let reader = SerializedFileReader::new(std::fs::File::open(&t.file).unwrap()).unwrap();
                    let meta = reader.metadata();
                    assert_eq!(meta.file_metadata().num_rows() as u64, t.rows);
                    let versions = meta.file_metadata().key_value_metadata().unwrap();
                    assert!(versions.iter().any(|kv| kv.key == "footprint.export_format_version"));
                    assert_eq!(parquet_rows(&t.file).len() as u64, t.rows);
                    meta.file_metadata()
                        .schema_descr()
                        .columns()
                        .iter()
                        .map(|c| {
                            let doc = documented(c.name());
                            assert_eq!(
                                doc["parquet_type"],
                                file_type(c.physical_type(), c.logical_type_ref()),
                                "{}.{}",
                                t.table,
                                c.name()
                            );
                            assert_eq!(doc["nullable"], c.self_type().is_optional(), "{}.{}", t.table, c.name());
                            c.name().to_string()
                        })
                        .collect()
                }
                Format::Csv => {
                    let mut r = csv::Reader::from_path(&t.file).unwrap();
                    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
                    assert_eq!(r.records().count() as u64, t.rows);
                    header
                }
                Format::Jsonl => {
                    let text = std::fs::read_to_string(&t.file).unwrap();
                    let mut keys = Vec::new();
                    for (i, line) in text.lines().enumerate() {
                        let row: serde_json::Map<String, serde_json::Value> = serde_json::from_str(line).unwrap();
                        if i == 0 {
                            keys = row.keys().cloned().collect();
                        }
                    }
                    assert_eq!(text.lines().count() as u64, t.rows);
                    keys
                }
            };
            assert!(!columns.is_empty() || t.rows == 0, "{}", t.table);
            for c in &columns {
                documented(c);
                assert!(md.contains(&format!("| `{c}` |")), "{}.{c} missing from codebook.md", t.table);
            }
        }
        // The vocabularies a researcher needs to read the values.
        let categories = book["vocabularies"]["categories"].as_array().unwrap();
        assert!(categories.iter().any(|v| v["value"] == "off_platform_activity"));
        let kinds = book["vocabularies"]["record_kinds"].as_array().unwrap();
        let distinct = count(&store, "SELECT count(DISTINCT kind) FROM records");
        assert_eq!(kinds.len() as u64, distinct, "every record kind of the export is listed");
    }
}

#[test]
fn selections_keep_only_what_was_chosen_and_a_used_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let (archive, platform): (i64, String) = store
        .connection()
        .query_row(
            "SELECT a.id, a.platform FROM archives a JOIN records r ON r.archive_id = a.id
             WHERE r.kind = 'message' GROUP BY a.id ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| {
                Ok((r.get(0)?, r.get(1)?))
            },
        )
        .unwrap();
    let mut opts = options(Format::Jsonl, dir.path().join("one"));
    opts.selection = Selection {
        archives: Some(vec![archive]),
        kinds: Some(vec!["message".into()]),
        ..Default::default()
    };
    let summary = run(&store, &opts);
    let rows = |table: &str| summary.tables.iter().find(|t| t.table == table).unwrap().rows;
    let messages = count(&store, &format!("SELECT count(*) FROM records WHERE archive_id = {archive} AND kind = 'message'"));
    assert!(messages > 0, "{platform} has messages");
    assert_eq!(rows("records"), messages);
    assert_eq!(rows("archives"), 1);
    assert_eq!(
        rows("import_reports"),
        count(&store, &format!("SELECT count(*) FROM files WHERE archive_id = {archive}"))
    );
    assert_eq!(
        rows("holdings"),
        count(&store, &format!("SELECT count(*) FROM holdings WHERE platform = '{platform}'"))
    );
    let text = std::fs::read_to_string(dir.path().join("one/records.jsonl")).unwrap();
    assert!(text.lines().all(|l| l.contains("\"kind\":\"message\"")));

    // Excluded rows and a category filter.
    let first: i64 = store
        .connection()
        .query_row("SELECT min(id) FROM records WHERE category = 'searches'", [], |r| r.get(0))
        .unwrap();
    let mut opts = options(Format::Csv, dir.path().join("two"));
    opts.selection = Selection {
        categories: Some(vec!["searches".into()]),
        excluded_records: vec![first],
        ..Default::default()
    };
    let summary = run(&store, &opts);
    let records = summary.tables.iter().find(|t| t.table == "records").unwrap();
    assert_eq!(records.rows, count(&store, "SELECT count(*) FROM records WHERE category = 'searches'") - 1);

    // The same folder again: refused, and the first export is untouched.
    let before = std::fs::read_dir(dir.path().join("two")).unwrap().count();
    let err = footprint_research::export(&store, &opts).unwrap_err();
    assert!(err.to_string().contains("is not empty"), "{err}");
    assert_eq!(std::fs::read_dir(dir.path().join("two")).unwrap().count(), before);
    // A bad option fails before anything is written.
    let mut bad = options(Format::Parquet, dir.path().join("three"));
    bad.selection.categories = Some(vec!["gossip".into()]);
    assert!(footprint_research::export(&store, &bad).unwrap_err().to_string().contains("unknown category `gossip`"));
    assert!(!dir.path().join("three").exists() || std::fs::read_dir(dir.path().join("three")).unwrap().count() == 0);
}

#[test]
fn a_big_table_is_written_in_row_groups() {
    let dir = tempfile::tempdir().unwrap();
    let points = footprint_research::sinks::ROW_GROUP_ROWS + 5_000;
    let takeout = footprint_fixtures::google::generate(
        &footprint_fixtures::google::TakeoutSpec {
            location_points: points,
            activity: 10,
            ..Default::default()
        },
        &dir.path().join("takeout-20240302T100000Z.zip"),
    )
    .unwrap();
    let mut store = footprint_core::store::Store::open(&dir.path().join("big.db")).unwrap();
    footprint_core::runner::import_export(&mut store, &takeout, &Default::default()).unwrap();
    let summary = run(&store, &options(Format::Parquet, dir.path().join("out")));
    let records = summary.tables.iter().find(|t| t.table == "records").unwrap();
    assert!(records.rows as usize > points);
    let reader = SerializedFileReader::new(std::fs::File::open(&records.file).unwrap()).unwrap();
    let groups = reader.metadata().num_row_groups();
    assert_eq!(groups, (records.rows as usize).div_ceil(footprint_research::sinks::ROW_GROUP_ROWS));
    for g in 0..groups {
        assert!(reader.metadata().row_group(g).num_rows() as usize <= footprint_research::sinks::ROW_GROUP_ROWS);
    }
}
