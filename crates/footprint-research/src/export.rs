//! The export: every table of [`crate::tables::TABLES`] streamed from one read transaction
//! into its file, row by row (the statement is stepped, never collected), pseudonymized on
//! the way when a salt is given, then the codebook and the redaction log beside them. Files
//! are written under a temporary name and renamed only once everything succeeded: a failed
//! export leaves nothing half-written.

use crate::codebook;
use crate::pseudonym::{account_kind, identity_kind, Pseudonymizer, RedactionLog, MIN_SALT_CHARS};
use crate::sinks::{self, FileMeta, Format};
use crate::tables::{Table, Treatment, Vocabulary, TABLES};
use crate::value::Value;
use crate::ExportError;
use footprint_core::model::Category;
use footprint_core::store::Store;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What to export. `None` = everything; a list = only those. The same filter a "Share with
/// a study" screen builds from the participant's choices (unticked categories, platforms,
/// files and single records).
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub archives: Option<Vec<i64>>,
    pub platforms: Option<Vec<String>>,
    pub categories: Option<Vec<String>>,
    /// Record kinds (`message`, `search`...): filters `records` only.
    pub kinds: Option<Vec<String>>,
    /// File ids (`import_reports.file_id`).
    pub files: Option<Vec<i64>>,
    /// Record ids left out.
    pub excluded_records: Vec<i64>,
}

#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub format: Format,
    pub out: PathBuf,
    pub selection: Selection,
    /// Also write the `identities` table (the participant's own identifiers).
    pub with_identities: bool,
    /// The study salt: pseudonymize with it.
    pub salt: Option<String>,
    /// Leave message bodies out (records of category `messages`).
    pub drop_message_text: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableSummary {
    pub table: &'static str,
    pub file: PathBuf,
    pub rows: u64,
    pub bytes: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportSummary {
    pub out: PathBuf,
    pub format: Format,
    pub tables: Vec<TableSummary>,
    /// Every file written, data and metadata (codebook, redaction log).
    pub files: Vec<PathBuf>,
    pub pseudonymized: bool,
    /// Values replaced or dropped.
    pub redactions: u64,
    pub seconds: f64,
}

impl ExportSummary {
    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|t| t.rows).sum()
    }
    pub fn bytes(&self) -> u64 {
        self.tables.iter().map(|t| t.bytes).sum()
    }
}

/// Files waiting for their final name; removed if the export fails.
struct Pending {
    moves: Vec<(PathBuf, PathBuf)>,
    done: bool,
}

impl Pending {
    fn partial(&mut self, out: &Path, name: &str) -> PathBuf {
        let tmp = out.join(format!(".{name}.partial"));
        self.moves.push((tmp.clone(), out.join(name)));
        tmp
    }
    fn commit(&mut self) -> Result<Vec<PathBuf>, ExportError> {
        for (tmp, last) in &self.moves {
            std::fs::rename(tmp, last).map_err(|e| ExportError::io(last, e))?;
        }
        self.done = true;
        Ok(self.moves.iter().map(|(_, last)| last.clone()).collect())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if !self.done {
            for (tmp, _) in &self.moves {
                let _ = std::fs::remove_file(tmp);
            }
        }
    }
}

/// Export the selected tables of `store` into `opts.out` (created; must be empty).
pub fn export(store: &Store, opts: &ExportOptions) -> Result<ExportSummary, ExportError> {
    let started = Instant::now();
    validate_selection(opts.salt.as_deref(), &opts.selection)?;
    prepare_folder(&opts.out)?;
    let conn = store.connection();
    // One read transaction: every table sees the same database, even if an import commits
    // meanwhile (WAL).
    let snapshot = conn.unchecked_transaction().map_err(ExportError::sql("(begin)"))?;
    let pseudonymizer = pseudonymizer(conn, opts.salt.as_deref())?;
    let schema_version = store.schema_version().map_err(|e| ExportError::Invalid(e.to_string()))?;
    let meta_pairs = [
        ("footprint.export_format_version", codebook::FORMAT_VERSION.to_string()),
        ("footprint.version", env!("CARGO_PKG_VERSION").to_string()),
        ("footprint.database_schema_version", schema_version.to_string()),
        ("footprint.pseudonymized", pseudonymizer.is_some().to_string()),
    ];
    let mut pending = Pending {
        moves: Vec::new(),
        done: false,
    };
    let mut log = RedactionLog::default();
    let mut kinds: BTreeMap<String, u64> = BTreeMap::new();
    let mut written: Vec<(&'static Table, u64, PathBuf)> = Vec::new();
    for table in TABLES.iter().filter(|t| !t.on_request || opts.with_identities) {
        let name = format!("{}.{}", table.name, opts.format.extension());
        let tmp = pending.partial(&opts.out, &name);
        let mut sink = sinks::open(opts.format, table, &tmp, &FileMeta { pairs: &meta_pairs })?;
        let rows = stream_table(
            conn,
            &RowSource {
                table,
                selection: &opts.selection,
                drop_message_text: opts.drop_message_text,
                pseudonymizer: pseudonymizer.as_ref(),
                limit: None,
            },
            &mut log,
            &mut kinds,
            &mut |row| sink.push(row),
        )?;
        sink.finish()?;
        written.push((table, rows, opts.out.join(name)));
    }
    drop(snapshot);

    let kinds: Vec<(String, u64)> = kinds.into_iter().collect();
    let method = match &pseudonymizer {
        Some(_) => "identifiers replaced by keyed hashes (HMAC-SHA256 with the study salt, 64 bits, `kind:hex`), see redaction_log.json".to_string(),
        None => "none (identifiers in clear)".to_string(),
    };
    let book = codebook::build(
        &written.iter().map(|(t, n, _)| (*t, *n)).collect::<Vec<_>>(),
        opts.format,
        schema_version,
        method,
        &kinds,
    );
    let json = serde_json::to_string_pretty(&book).map_err(|e| ExportError::Bug(e.to_string()))?;
    write_file(&pending.partial(&opts.out, "codebook.json"), json.as_bytes())?;
    write_file(&pending.partial(&opts.out, "codebook.md"), book.markdown().as_bytes())?;
    if pseudonymizer.is_some() || opts.drop_message_text {
        let json = serde_json::to_string_pretty(&RedactionLogFile::new(&log, pseudonymizer.is_some(), opts.drop_message_text))
            .map_err(|e| ExportError::Bug(e.to_string()))?;
        write_file(&pending.partial(&opts.out, "redaction_log.json"), json.as_bytes())?;
    }
    let files = pending.commit()?;
    let tables = written
        .into_iter()
        .map(|(t, rows, file)| TableSummary {
            table: t.name,
            bytes: std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0),
            file,
            rows,
        })
        .collect();
    Ok(ExportSummary {
        out: opts.out.clone(),
        format: opts.format,
        tables,
        files,
        pseudonymized: pseudonymizer.is_some(),
        redactions: log.total(),
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The study salt's pseudonymizer for the participant's database, if a salt is given.
pub(crate) fn pseudonymizer(conn: &rusqlite::Connection, salt: Option<&str>) -> Result<Option<Pseudonymizer>, ExportError> {
    salt.map(|salt| Pseudonymizer::for_participant(conn, salt).map_err(ExportError::sql("identities")))
        .transpose()
}

/// Refuse a salt too short to protect its hashes, and categories the taxonomy lacks.
pub(crate) fn validate_selection(salt: Option<&str>, selection: &Selection) -> Result<(), ExportError> {
    if let Some(salt) = salt {
        if salt.chars().count() < MIN_SALT_CHARS {
            return Err(ExportError::Invalid(format!(
                "the study salt has {} characters; it needs at least {MIN_SALT_CHARS}, or its hashes could be reversed by trying names",
                salt.chars().count()
            )));
        }
    }
    for c in selection.categories.iter().flatten() {
        if Category::parse(c).is_none() {
            return Err(ExportError::Invalid(format!(
                "unknown category `{c}` (known: {})",
                Category::ALL.map(|c| c.as_str()).join(", ")
            )));
        }
    }
    Ok(())
}

fn prepare_folder(out: &Path) -> Result<(), ExportError> {
    std::fs::create_dir_all(out).map_err(|e| ExportError::io(out, e))?;
    let mut entries = std::fs::read_dir(out).map_err(|e| ExportError::io(out, e))?;
    if entries.next().is_some() {
        return Err(ExportError::NotEmpty(out.display().to_string()));
    }
    Ok(())
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    std::fs::write(path, bytes).map_err(|e| ExportError::io(path, e))
}

/// A selection list as the JSON array the tables' SQL reads with `json_each` (NULL: all).
fn json_list<T: Serialize>(list: &Option<Vec<T>>) -> Option<String> {
    list.as_ref().map(|l| serde_json::to_string(l).expect("serializable"))
}

/// What [`stream_table`] reads: one table, filtered by a selection, pseudonymized on the way.
pub(crate) struct RowSource<'a> {
    pub table: &'static Table,
    pub selection: &'a Selection,
    pub drop_message_text: bool,
    pub pseudonymizer: Option<&'a Pseudonymizer>,
    /// Stop after this many rows (a preview); `None`: all.
    pub limit: Option<u64>,
}

/// Bind the selection lists to the named parameters the statement has (the tables' SQL and
/// the donation plan's counts share them).
pub(crate) fn bind_selection(stmt: &mut rusqlite::Statement<'_>, sel: &Selection) -> rusqlite::Result<()> {
    let excluded = (!sel.excluded_records.is_empty()).then(|| sel.excluded_records.clone());
    let params: [(&str, Option<String>); 6] = [
        (":archives", json_list(&sel.archives)),
        (":platforms", json_list(&sel.platforms)),
        (":categories", json_list(&sel.categories)),
        (":kinds", json_list(&sel.kinds)),
        (":files", json_list(&sel.files)),
        (":excluded", json_list(&excluded)),
    ];
    for (name, value) in &params {
        if let Some(i) = stmt.parameter_index(name)? {
            stmt.raw_bind_parameter(i, value)?;
        }
    }
    Ok(())
}

/// Step the table's statement and hand each row, pseudonymized and with message text
/// dropped as asked, to `out`: the one path both the export's files and the donation
/// preview take, so a preview shows exactly what would be written.
pub(crate) fn stream_table(
    conn: &rusqlite::Connection,
    src: &RowSource<'_>,
    log: &mut RedactionLog,
    kinds: &mut BTreeMap<String, u64>,
    out: &mut dyn FnMut(&[Value]) -> Result<(), ExportError>,
) -> Result<u64, ExportError> {
    let table = src.table;
    let err = ExportError::sql(table.name);
    let mut stmt = conn.prepare(table.sql).map_err(&err)?;
    if stmt.column_count() != table.columns.len() {
        return Err(ExportError::Bug(format!(
            "table {}: the SQL reads {} columns, the definition has {}",
            table.name,
            stmt.column_count(),
            table.columns.len()
        )));
    }
    bind_selection(&mut stmt, src.selection).map_err(&err)?;
    let pseudonymizer = src.pseudonymizer;
    let places: Vec<String> = table.columns.iter().map(|c| format!("{}.{}", table.name, c.name)).collect();
    let kind_col = table.columns.iter().position(|c| c.name == "kind");
    let category_col = table.columns.iter().position(|c| c.name == "category");
    let kinds_col = table.columns.iter().position(|c| c.values == Some(Vocabulary::RecordKinds));
    let mut row_values: Vec<Value> = Vec::with_capacity(table.columns.len());
    let mut rows = stmt.raw_query();
    let mut n = 0u64;
    while src.limit.is_none_or(|limit| n < limit) {
        let Some(row) = rows.next().map_err(&err)? else { break };
        row_values.clear();
        for (i, c) in table.columns.iter().enumerate() {
            row_values.push(Value::read(row, i, c).map_err(&err)?);
        }
        if let Some(Value::Text(k)) = kinds_col.map(|i| &row_values[i]) {
            match kinds.get_mut(k.as_str()) {
                Some(count) => *count += 1,
                None => {
                    kinds.insert(k.clone(), 1);
                }
            }
        }
        let is_message = category_col
            .is_some_and(|i| row_values[i] == Value::Text(Category::Messages.as_str().to_string()));
        for (i, c) in table.columns.iter().enumerate() {
            if c.pseudonymization == Treatment::MessageText && src.drop_message_text && is_message {
                if row_values[i] != Value::Null {
                    row_values[i] = Value::Null;
                    log.drop_value(&places[i]);
                }
                continue;
            }
            let Some(p) = pseudonymizer else { continue };
            let Value::Text(text) = &row_values[i] else { continue };
            let replaced = match c.pseudonymization {
                Treatment::Kept => continue,
                Treatment::FreeText | Treatment::MessageText => p.text(text, &places[i], log),
                Treatment::Identifier => {
                    let kind = match kind_col.map(|k| &row_values[k]) {
                        Some(Value::Text(k)) => identity_kind(k),
                        _ => account_kind(text),
                    };
                    p.whole(kind, text, &places[i], log)
                }
            };
            row_values[i] = Value::Text(replaced);
        }
        out(&row_values)?;
        n += 1;
    }
    Ok(n)
}

/// `redaction_log.json`: what kind of value was replaced where, and how often. Never a value.
#[derive(Serialize)]
struct RedactionLogFile<'a> {
    export_format_version: u32,
    pseudonymized: bool,
    message_text_dropped: bool,
    method: &'static str,
    replaced: &'a BTreeMap<String, BTreeMap<&'static str, u64>>,
    dropped: &'a BTreeMap<String, u64>,
}

impl<'a> RedactionLogFile<'a> {
    fn new(log: &'a RedactionLog, pseudonymized: bool, dropped: bool) -> Self {
        RedactionLogFile {
            export_format_version: codebook::FORMAT_VERSION,
            pseudonymized,
            message_text_dropped: dropped,
            method: "HMAC-SHA256 keyed by the study salt over `kind NUL normalized value`, first 64 bits in hex, written `kind:hex`; URL query strings cut to `?[query]`",
            replaced: &log.replaced,
            dropped: &log.dropped,
        }
    }
}
