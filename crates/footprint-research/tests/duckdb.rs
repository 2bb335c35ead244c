//! The Parquet export read by DuckDB (its Python package, installed by
//! scripts/duckdb-venv.sh if missing), as a researcher reads it: every table's row count and
//! every column's type match the SQLite database and the codebook, and docs/RESEARCH.md's
//! "top third parties across participants" query, run on the dataset `study import` makes of
//! three participants (`participant=<id>/table=<name>/`, hive partitioning), gives what
//! `study summary` and SQLite give.

mod common;

use common::*;
use footprint_research::tables::{ColumnType, TABLES};
use footprint_research::study::{import_study, summarize, StudyImportOptions};
use footprint_research::Format;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The python that has duckdb: FOOTPRINT_PYTHON (scripts/deps.sh exports it), else the one
/// scripts/duckdb-venv.sh installs.
fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("FOOTPRINT_PYTHON") {
        return p.into();
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/duckdb-venv.sh");
    let out = Command::new("bash").arg(&script).output().expect("run scripts/duckdb-venv.sh");
    assert!(out.status.success(), "{}: {}", script.display(), String::from_utf8_lossy(&out.stderr));
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}

fn duckdb(script: &str, args: &[&Path]) -> serde_json::Value {
    let out = Command::new(python())
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("run python");
    assert!(out.status.success(), "duckdb script failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// DuckDB's name of a column type.
fn duckdb_type(ty: ColumnType) -> &'static str {
    match ty {
        ColumnType::Int64 => "BIGINT",
        ColumnType::Float64 => "DOUBLE",
        ColumnType::Text => "VARCHAR",
        ColumnType::Bool => "BOOLEAN",
        ColumnType::Timestamp => "TIMESTAMP WITH TIME ZONE",
    }
}

const DESCRIBE: &str = r#"
import duckdb, json, sys, os
out = {}
folder = sys.argv[1]
for f in sorted(os.listdir(folder)):
    if f.endswith(".parquet"):
        path = os.path.join(folder, f)
        rel = duckdb.read_parquet(path)
        out[f[:-8]] = {
            "rows": duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall()[0][0],
            "columns": [[c, str(t)] for c, t in zip(rel.columns, rel.types)],
        }
print(json.dumps(out))
"#;

#[test]
fn duckdb_reads_the_export_with_the_databases_counts_and_the_codebooks_types() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let out = dir.path().join("export");
    let summary = run(&store, &salted(Format::Parquet, out.clone(), SALT));
    let seen = duckdb(DESCRIBE, &[&out]);
    assert_eq!(seen.as_object().unwrap().len(), TABLES.len());
    for t in &summary.tables {
        let table = footprint_research::tables::table(t.table).unwrap();
        let sqlite = match t.table {
            "import_reports" => count(&store, "SELECT count(*) FROM files"),
            "companies" => count(
                &store,
                "SELECT count(*) FROM companies WHERE id IN (SELECT company_id FROM holdings) OR id IN (SELECT company_id FROM records)",
            ),
            name => count(&store, &format!("SELECT count(*) FROM {name}")),
        };
        assert_eq!(seen[t.table]["rows"], sqlite, "{}", t.table);
        let columns: Vec<(String, String)> = serde_json::from_value(seen[t.table]["columns"].clone()).unwrap();
        let expected: Vec<(String, String)> = table
            .columns
            .iter()
            .map(|c| (c.name.to_string(), duckdb_type(c.ty).to_string()))
            .collect();
        assert_eq!(columns, expected, "{}", t.table);
    }
}

/// docs/RESEARCH.md's query, on the study dataset under argv[1].
const TOP_THIRD_PARTIES: &str = r#"
import duckdb, json, sys
study = sys.argv[1]
rows = duckdb.sql(f"""
SELECT c.key AS company, count(DISTINCT h.participant) AS participants, sum(h.records) AS evidence
FROM read_parquet('{study}/*/table=holdings/*.parquet', hive_partitioning = true) h
JOIN read_parquet('{study}/*/table=companies/*.parquet', hive_partitioning = true) c
  ON c.participant = h.participant AND c.company_id = h.company_id
WHERE NOT c.is_platform
GROUP BY c.key
ORDER BY participants DESC, evidence DESC, company
LIMIT 20
""").fetchall()
tables = duckdb.sql(f"""
SELECT "table", count(DISTINCT participant), count(*)
FROM read_parquet('{study}/*/*/*.parquet', hive_partitioning = true, union_by_name = true)
GROUP BY "table" ORDER BY "table"
""").fetchall()
print(json.dumps({"top": [[r[0], r[1], int(r[2])] for r in rows], "tables": {t: [p, n] for t, p, n in tables}}))
"#;

#[test]
fn duckdb_reads_the_study_dataset_and_its_top_third_parties_are_the_summarys_and_sqlites() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("received");
    std::fs::create_dir_all(&input).unwrap();
    let mut expected: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut rows: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    for (participant, seed) in [("p1", 7u64), ("p2", 8u64), ("p3", 9u64)] {
        // Two platforms each are enough for a join across participants.
        let folder = input.join(participant);
        std::fs::create_dir_all(&folder).unwrap();
        for platform in ["facebook", "x"] {
            let write = footprint_fixtures::demo::generator(platform).unwrap().write;
            write(&folder.join(format!("{platform}.zip")), seed, None).unwrap();
        }
        let mut store = footprint_core::store::Store::open(&dir.path().join(format!("{participant}.db"))).unwrap();
        for g in footprint_core::exports::plan_exports(&[folder], &Default::default()) {
            footprint_core::runner::import_export(&mut store, &g, &Default::default()).unwrap();
        }
        add_third_parties(&store, SALT, &mut expected);
        for table in ["archives", "records", "holdings"] {
            let e = rows.entry(table).or_default();
            e.0 += 1;
            e.1 += count(&store, &format!("SELECT count(*) FROM {table}"));
        }
    }
    let dataset = dir.path().join("dataset");
    let report = import_study(&StudyImportOptions {
        salt: Some(SALT.into()),
        jobs: 2,
        ..StudyImportOptions::new(input, dataset.clone())
    })
    .unwrap();
    assert_eq!(report.ok, 3, "{:#?}", report.participants);

    let seen = duckdb(TOP_THIRD_PARTIES, &[&dataset]);
    let top: Vec<(String, u64, u64)> = serde_json::from_value(seen["top"].clone()).unwrap();
    let summary: Vec<(String, u64, u64)> = summarize(&dataset)
        .unwrap()
        .third_parties
        .into_iter()
        .map(|t| (t.company, t.participants, t.evidence))
        .collect();
    assert_eq!(top, summary, "DuckDB and `study summary`");
    assert_eq!(top, top_twenty(expected), "DuckDB and SQLite");
    assert!(top.iter().any(|(_, n, _)| *n == 3), "some third party in every participant");
    // The hive partitions become columns: every table of every participant is there.
    for (table, (participants, n)) in rows {
        assert_eq!(seen["tables"][table], serde_json::json!([participants, n]), "{table}");
    }
}
