//! The codebook written beside the data (`codebook.json`, `codebook.md`): every table and
//! column with its type, unit and allowed values, made from [`crate::tables::TABLES`] and the
//! engine's vocabularies, so it explains exactly what was written.

use crate::tables::{Column, Table, Vocabulary, FILE_ROLES};
use crate::sinks::Format;
use footprint_core::model::{Category, IdentityKind, Relation};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The layout and meaning of the exported files. Raised when a column changes meaning or
/// type, or goes; adding a column or a table keeps it.
pub const FORMAT_VERSION: u32 = 1;

/// One allowed value with its meaning (or, for record kinds, how many rows have it).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AllowedValue {
    pub value: String,
    pub meaning: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CodebookColumn {
    #[serde(flatten)]
    pub column: Column,
    pub parquet_type: &'static str,
    pub text_type: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct CodebookTable {
    pub name: &'static str,
    pub row: &'static str,
    pub file: String,
    pub rows: u64,
    pub columns: Vec<CodebookColumn>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Codebook {
    pub export_format_version: u32,
    pub footprint_version: &'static str,
    pub database_schema_version: i64,
    pub exported_at: String,
    pub format: Format,
    /// `none`, or how identifiers were replaced.
    pub pseudonymization: String,
    pub tables: Vec<CodebookTable>,
    /// Vocabulary name -> allowed values.
    pub vocabularies: BTreeMap<Vocabulary, Vec<AllowedValue>>,
}

impl Ord for Vocabulary {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (*self as u8).cmp(&(*other as u8))
    }
}
impl PartialOrd for Vocabulary {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The allowed values of a vocabulary; record kinds are those of the export (`kinds`).
pub fn vocabulary(v: Vocabulary, kinds: &[(String, u64)]) -> Vec<AllowedValue> {
    let pair = |value: &str, meaning: &str| AllowedValue {
        value: value.to_string(),
        meaning: meaning.to_string(),
    };
    match v {
        Vocabulary::Categories => Category::ALL.iter().map(|c| pair(c.as_str(), c.label())).collect(),
        Vocabulary::Relations => Relation::ALL.iter().map(|r| pair(r.as_str(), r.label())).collect(),
        Vocabulary::IdentityKinds => ["name", "email", "phone", "username", "address", "birth_date"]
            .into_iter()
            .filter_map(IdentityKind::parse)
            .map(|k| pair(k.as_str(), k.as_str()))
            .collect(),
        Vocabulary::Platforms => footprint_core::registry::descriptors().map(|d| pair(d.id, d.name)).collect(),
        Vocabulary::FileRoles => FILE_ROLES.iter().map(|(r, m)| pair(r, m)).collect(),
        Vocabulary::RecordKinds => kinds
            .iter()
            .map(|(k, n)| pair(k, &format!("records in this export: {n}")))
            .collect(),
    }
}

/// The codebook of the tables written, with their row counts and the export's record kinds.
pub fn build(
    written: &[(&'static Table, u64)],
    format: Format,
    schema_version: i64,
    pseudonymization: String,
    kinds: &[(String, u64)],
) -> Codebook {
    let mut vocabularies = BTreeMap::new();
    let tables = written
        .iter()
        .map(|(t, rows)| CodebookTable {
            name: t.name,
            row: t.row,
            file: format!("{}.{}", t.name, format.extension()),
            rows: *rows,
            columns: t
                .columns
                .iter()
                .map(|c| {
                    if let Some(v) = c.values {
                        vocabularies.entry(v).or_insert_with(|| vocabulary(v, kinds));
                    }
                    CodebookColumn {
                        column: *c,
                        parquet_type: c.ty.parquet(),
                        text_type: c.ty.text_form(),
                    }
                })
                .collect(),
        })
        .collect();
    Codebook {
        export_format_version: FORMAT_VERSION,
        footprint_version: env!("CARGO_PKG_VERSION"),
        database_schema_version: schema_version,
        exported_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        format,
        pseudonymization,
        tables,
        vocabularies,
    }
}

impl Codebook {
    /// The Markdown form, for people.
    pub fn markdown(&self) -> String {
        let mut md = String::new();
        let _ = writeln!(md, "# Codebook of a Footprint research export\n");
        let _ = writeln!(
            md,
            "Export format version {}, written by Footprint {} from a database of schema version {}, on {}. \
             Files: {} (one per table). Pseudonymization: {}.\n",
            self.export_format_version,
            self.footprint_version,
            self.database_schema_version,
            self.exported_at,
            self.format.extension(),
            self.pseudonymization
        );
        let _ = writeln!(
            md,
            "Times are instants in UTC with millisecond precision: Parquet `TIMESTAMP(MILLIS, UTC)`, \
             CSV and JSON Lines RFC 3339 text. An empty CSV cell and a JSON `null` are a missing value.\n"
        );
        for t in &self.tables {
            let _ = writeln!(md, "## `{}` ({} rows, `{}`)\n\nOne row is {}.\n", t.name, t.rows, t.file, t.row);
            let _ = writeln!(md, "| column | type | null | unit | values | pseudonymization | meaning |");
            let _ = writeln!(md, "|---|---|---|---|---|---|---|");
            for c in &t.columns {
                let col = &c.column;
                let _ = writeln!(
                    md,
                    "| `{}` | {} | {} | {} | {} | {} | {} |",
                    col.name,
                    if self.format == Format::Parquet { c.parquet_type } else { c.text_type },
                    if col.nullable { "yes" } else { "no" },
                    col.unit.unwrap_or(""),
                    col.values.map(|v| format!("see {}", vocabulary_title(v))).unwrap_or_default(),
                    treatment_words(col.pseudonymization),
                    col.description.replace('|', "\\|")
                );
            }
            md.push('\n');
        }
        for (v, values) in &self.vocabularies {
            let _ = writeln!(md, "## {}\n", vocabulary_title(*v));
            let _ = writeln!(md, "| value | meaning |\n|---|---|");
            for a in values {
                let _ = writeln!(md, "| `{}` | {} |", a.value, a.meaning);
            }
            md.push('\n');
        }
        md
    }
}

fn vocabulary_title(v: Vocabulary) -> &'static str {
    match v {
        Vocabulary::Categories => "Data categories",
        Vocabulary::Relations => "Relations",
        Vocabulary::IdentityKinds => "Identity kinds",
        Vocabulary::Platforms => "Platforms",
        Vocabulary::FileRoles => "File roles",
        Vocabulary::RecordKinds => "Record kinds",
    }
}

fn treatment_words(t: crate::tables::Treatment) -> &'static str {
    use crate::tables::Treatment;
    match t {
        Treatment::Kept => "kept",
        Treatment::Identifier => "keyed hash",
        Treatment::FreeText => "redacted text",
        Treatment::MessageText => "redacted text; dropped for messages with --drop-message-text",
    }
}
