//! What would leave: for a study and the participant's choices, the records per category,
//! per platform and per file, the rows per table, and the first rows of each table exactly
//! as the donation would hold them (read and pseudonymized by the export's own row path).

use super::{Choices, DonationError, Study};
use crate::export::{bind_selection, pseudonymizer, stream_table, validate_selection, RowSource};
use crate::pseudonym::RedactionLog;
use crate::tables::{ColumnType, RECORDS_FILTER, TABLES};
use crate::value::Value;
use crate::Selection;
use footprint_core::model::Category;
use footprint_core::store::Store;
use serde::Serialize;
use std::collections::BTreeMap;

/// One category or platform the study asks for: its records, and whether the participant
/// keeps it. `records` counts it as if it were kept, under the participant's other choices,
/// so an unticked line still says what ticking it would add.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Share {
    /// `messages`, `google`: the value the choices name.
    pub key: String,
    /// Words for people: "Messages", "Google Takeout".
    pub label: String,
    pub records: u64,
    pub included: bool,
}

/// One file of an imported export, with the records it gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FileShare {
    pub file_id: i64,
    pub platform: String,
    /// Its path inside the archive, as imported (shown to the participant, never donated in
    /// clear).
    pub path: String,
    pub records: u64,
    pub included: bool,
}

/// The first rows of one table as they would be written, cells as text (None: empty).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TablePreview {
    pub table: String,
    pub columns: Vec<String>,
    /// Rows the donation would hold.
    pub rows: u64,
    pub preview: Vec<Vec<Option<String>>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Plan {
    pub categories: Vec<Share>,
    pub platforms: Vec<Share>,
    pub files: Vec<FileShare>,
    /// Records that would leave.
    pub records: u64,
    /// Single records the participant unticked.
    pub excluded_records: u64,
    pub tables: Vec<TablePreview>,
}

/// What the donation of `study` with `choices` would hold; `preview_rows` rows of each table.
pub fn plan(store: &Store, study: &Study, choices: &Choices, preview_rows: u64) -> Result<Plan, DonationError> {
    let selection = study.selection(store, choices)?;
    validate_selection(Some(study.salt()), &selection)?;
    let conn = store.connection();
    // One read transaction: counts and preview agree even if an import commits meanwhile.
    let _snapshot = conn.unchecked_transaction().map_err(DonationError::sql("(begin)"))?;

    let per_category = grouped(conn, "r.category", &Selection { categories: study.categories.clone(), ..selection.clone() })?;
    let categories = shares(&study.categories, &per_category, &choices.excluded_categories, |key| {
        Category::parse(key).map(|c| c.label().to_string())
    });
    let per_platform = grouped(conn, "r.platform", &Selection { platforms: study.platforms.clone(), ..selection.clone() })?;
    let platforms = shares(&study.platforms, &per_platform, &choices.excluded_platforms, |key| {
        footprint_core::registry::descriptor(key).map(|d| d.name.to_string())
    });
    let files = file_shares(conn, &Selection { files: None, ..selection.clone() }, &choices.excluded_files)?;
    let records = table_rows(conn, "records", &format!("SELECT 1 FROM records r WHERE {RECORDS_FILTER}"), &selection)?;
    let tables = preview(store, study, &selection, preview_rows)?;
    Ok(Plan {
        categories,
        platforms,
        files,
        records,
        excluded_records: choices.excluded_records.len() as u64,
        tables,
    })
}

/// One line per key the study asks for (when it asks for all: per key the database has), with
/// its records and whether the participant keeps it.
fn shares(
    asked: &Option<Vec<String>>,
    counts: &BTreeMap<String, u64>,
    excluded: &[String],
    label: impl Fn(&str) -> Option<String>,
) -> Vec<Share> {
    let keys = asked.clone().unwrap_or_else(|| counts.keys().cloned().collect());
    keys.into_iter()
        .map(|key| Share {
            label: label(&key).unwrap_or_else(|| key.clone()),
            records: counts.get(&key).copied().unwrap_or(0),
            included: !excluded.contains(&key),
            key,
        })
        .collect()
}

/// Records the selection keeps, counted per value of `key`.
fn grouped(conn: &rusqlite::Connection, key: &str, selection: &Selection) -> Result<BTreeMap<String, u64>, DonationError> {
    let sql = format!("SELECT {key}, count(*) FROM records r WHERE {RECORDS_FILTER} GROUP BY 1");
    let err = DonationError::sql("records");
    let mut stmt = conn.prepare(&sql).map_err(&err)?;
    bind_selection(&mut stmt, selection).map_err(&err)?;
    let mut rows = stmt.raw_query();
    let mut out = BTreeMap::new();
    while let Some(row) = rows.next().map_err(&err)? {
        out.insert(row.get::<_, String>(0).map_err(&err)?, row.get::<_, i64>(1).map_err(&err)? as u64);
    }
    Ok(out)
}

fn file_shares(conn: &rusqlite::Connection, selection: &Selection, excluded: &[i64]) -> Result<Vec<FileShare>, DonationError> {
    let sql = format!(
        "SELECT f.id, a.platform, f.path, count(*) FROM records r
         JOIN files f ON f.id = r.file_id JOIN archives a ON a.id = f.archive_id
         WHERE {RECORDS_FILTER} GROUP BY f.id ORDER BY a.platform, f.path, f.id"
    );
    let err = DonationError::sql("import_reports");
    let mut stmt = conn.prepare(&sql).map_err(&err)?;
    bind_selection(&mut stmt, selection).map_err(&err)?;
    let mut rows = stmt.raw_query();
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(&err)? {
        let file_id: i64 = row.get(0).map_err(&err)?;
        out.push(FileShare {
            file_id,
            platform: row.get(1).map_err(&err)?,
            path: row.get(2).map_err(&err)?,
            records: row.get::<_, i64>(3).map_err(&err)? as u64,
            included: !excluded.contains(&file_id),
        });
    }
    Ok(out)
}

/// The first rows of every table the donation holds, through the export's row path.
fn preview(store: &Store, study: &Study, selection: &Selection, rows: u64) -> Result<Vec<TablePreview>, DonationError> {
    let conn = store.connection();
    let pseudonymizer = pseudonymizer(conn, Some(study.salt()))?;
    let mut out = Vec::new();
    for table in TABLES.iter().filter(|t| !t.on_request || study.with_identities) {
        let mut preview = Vec::new();
        let source = RowSource {
            table,
            selection,
            drop_message_text: study.drop_message_text,
            pseudonymizer: pseudonymizer.as_ref(),
            limit: Some(rows),
        };
        stream_table(conn, &source, &mut RedactionLog::default(), &mut BTreeMap::new(), &mut |row| {
            preview.push(row.iter().zip(table.columns).map(|(v, c)| cell(v, c.ty)).collect());
            Ok(())
        })?;
        let count = table_rows(conn, table.name, table.sql, selection)?;
        out.push(TablePreview {
            table: table.name.to_string(),
            columns: table.columns.iter().map(|c| c.name.to_string()).collect(),
            rows: count,
            preview,
        });
    }
    Ok(out)
}

/// Rows a table's statement gives for the selection, counted by SQLite.
fn table_rows(conn: &rusqlite::Connection, name: &str, sql: &str, selection: &Selection) -> Result<u64, DonationError> {
    let err = DonationError::sql(name);
    let mut stmt = conn.prepare(&format!("SELECT count(*) FROM ({sql})")).map_err(&err)?;
    bind_selection(&mut stmt, selection).map_err(&err)?;
    let mut rows = stmt.raw_query();
    let row = rows.next().map_err(&err)?.ok_or_else(|| DonationError::Invalid(format!("counting {name}: no row")))?;
    Ok(row.get::<_, i64>(0).map_err(&err)? as u64)
}

/// A cell as the text forms (CSV) write it.
fn cell(v: &Value, ty: ColumnType) -> Option<String> {
    match v {
        Value::Null => None,
        Value::Int(n) if ty == ColumnType::Timestamp => Some(Value::timestamp_text(*n)),
        Value::Int(n) => Some(n.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Text(t) => Some(t.clone()),
        Value::Bool(b) => Some(b.to_string()),
    }
}
