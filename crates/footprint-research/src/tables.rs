//! The exported tables, defined once: the SQL that reads each one, its columns' names, types,
//! units, allowed values and how pseudonymization treats them. The writers (Parquet, CSV,
//! JSON Lines) and the codebook are all made from this list, so a column cannot be exported
//! without being explained, nor explained differently from how it is written.

use serde::Serialize;

/// How a column's values are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnType {
    /// 64-bit signed integer.
    Int64,
    /// 64-bit float.
    Float64,
    /// UTF-8 text.
    Text,
    /// true / false.
    Bool,
    /// An instant, UTC, millisecond precision.
    Timestamp,
}

impl ColumnType {
    /// The Parquet physical and logical type, as the codebook shows it.
    pub fn parquet(self) -> &'static str {
        match self {
            ColumnType::Int64 => "INT64",
            ColumnType::Float64 => "DOUBLE",
            ColumnType::Text => "BYTE_ARRAY (STRING)",
            ColumnType::Bool => "BOOLEAN",
            ColumnType::Timestamp => "INT64 (TIMESTAMP(MILLIS, UTC))",
        }
    }

    /// How CSV and JSON Lines write it.
    pub fn text_form(self) -> &'static str {
        match self {
            ColumnType::Int64 => "integer",
            ColumnType::Float64 => "decimal number",
            ColumnType::Text => "string",
            ColumnType::Bool => "true or false",
            ColumnType::Timestamp => "RFC 3339 string in UTC with milliseconds (2024-03-02T10:00:00.000Z)",
        }
    }
}

/// Where a column's allowed values come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Vocabulary {
    /// The data-category taxonomy (`footprint_core::model::Category`).
    Categories,
    /// How a company came to hold the data (`footprint_core::model::Relation`).
    Relations,
    /// Kinds of the participant's own identifiers (`footprint_core::model::IdentityKind`).
    IdentityKinds,
    /// The platforms Footprint reads (importer ids, `footprint_core::registry`).
    Platforms,
    /// What the importer did with a file.
    FileRoles,
    /// Record kinds: each importer names its own, so the codebook lists those present in
    /// the export, with their counts.
    RecordKinds,
}

/// What pseudonymization does to a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Treatment {
    /// Kept as is: numbers, times, taxonomy values.
    Kept,
    /// Replaced whole by a keyed hash (`email:3f9a...`); the kind comes from the row.
    Identifier,
    /// Free text: identifiers, e-mail addresses, phone numbers, IP addresses and contacts'
    /// names inside it are replaced by keyed hashes, URL query strings are cut.
    FreeText,
    /// Free text that `--drop-message-text` empties for message records.
    MessageText,
}

/// One column.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Column {
    pub name: &'static str,
    #[serde(rename = "type")]
    pub ty: ColumnType,
    pub nullable: bool,
    /// The unit of a number (`degrees`, `minor currency units`), if it has one.
    pub unit: Option<&'static str>,
    pub description: &'static str,
    pub values: Option<Vocabulary>,
    pub pseudonymization: Treatment,
}

/// One exported table.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub name: &'static str,
    /// What one row is.
    pub row: &'static str,
    /// Only written when the participant asks for it (`--with-identities`).
    pub on_request: bool,
    /// `SELECT <columns in order> FROM ... WHERE <filters> ORDER BY ...`; named parameters
    /// are the [`crate::Selection`] lists as JSON arrays (NULL = no filter).
    pub sql: &'static str,
    pub columns: &'static [Column],
}

const fn col(name: &'static str, ty: ColumnType, nullable: bool, description: &'static str) -> Column {
    Column {
        name,
        ty,
        nullable,
        unit: None,
        description,
        values: None,
        pseudonymization: Treatment::Kept,
    }
}

impl Column {
    const fn unit(mut self, unit: &'static str) -> Column {
        self.unit = Some(unit);
        self
    }
    const fn values(mut self, v: Vocabulary) -> Column {
        self.values = Some(v);
        self
    }
    const fn treat(mut self, t: Treatment) -> Column {
        self.pseudonymization = t;
        self
    }
}

use ColumnType::{Bool, Float64, Int64, Text, Timestamp};

/// The records filter shared by `records` and `companies` (one place, so the companies are
/// exactly those the exported records name). A record an archive holds through
/// `record_also_in` (a later export of the same account) belongs to that archive too.
macro_rules! records_filter {
    () => {
        "(:archives IS NULL OR r.archive_id IN (SELECT value FROM json_each(:archives))
              OR r.id IN (SELECT record_id FROM record_also_in WHERE archive_id IN (SELECT value FROM json_each(:archives))))
         AND (:kinds IS NULL OR r.kind IN (SELECT value FROM json_each(:kinds)))
         AND (:categories IS NULL OR r.category IN (SELECT value FROM json_each(:categories)))
         AND (:platforms IS NULL OR r.platform IN (SELECT value FROM json_each(:platforms)))
         AND (:files IS NULL OR r.file_id IN (SELECT value FROM json_each(:files)))
         AND (:excluded IS NULL OR r.id NOT IN (SELECT value FROM json_each(:excluded)))"
    };
}

/// The records filter on its own (alias `r`), for queries that count what a selection keeps
/// (the donation plan): the same text the `records` table reads with.
pub const RECORDS_FILTER: &str = records_filter!();

/// Holdings of the selected archives' platforms and of the selected categories.
macro_rules! holdings_filter {
    () => {
        "(:archives IS NULL OR h.platform IN (SELECT platform FROM archives WHERE id IN (SELECT value FROM json_each(:archives))))
         AND (:categories IS NULL OR h.category IN (SELECT value FROM json_each(:categories)))
         AND (:platforms IS NULL OR h.platform IN (SELECT value FROM json_each(:platforms)))"
    };
}

/// Every table, in the order they are written.
pub const TABLES: &[Table] = &[
    Table {
        name: "archives",
        row: "one imported export (its part-zips together)",
        on_request: false,
        sql: "SELECT a.id, a.platform, a.account, a.imported_at, a.export_date, a.records, a.demo
              FROM archives a
              WHERE (:archives IS NULL OR a.id IN (SELECT value FROM json_each(:archives)))
                AND (:platforms IS NULL OR a.platform IN (SELECT value FROM json_each(:platforms)))
              ORDER BY a.id",
        columns: &[
            col("archive_id", Int64, false, "archive id (records.archive_id, import_reports.archive_id)"),
            col("platform", Text, false, "the platform that made the export").values(Vocabulary::Platforms),
            col("account", Text, true, "the account the export belongs to (e-mail address or username), when found")
                .treat(Treatment::Identifier),
            col("imported_at", Timestamp, false, "when the participant imported it"),
            col("export_date", Timestamp, true, "newest file time inside the export (about when the platform made it)"),
            col("records", Int64, false, "records this archive added (not counting ones an earlier archive already had)")
                .unit("records"),
            col("demo", Bool, false, "true for Footprint's invented demo data"),
        ],
    },
    Table {
        name: "import_reports",
        row: "one file of an archive, with what the importer did with it (the export's coverage)",
        on_request: false,
        sql: "SELECT f.id, f.archive_id, f.path, f.role, f.detail, f.bytes, f.records, f.warnings, f.error
              FROM files f
              WHERE (:archives IS NULL OR f.archive_id IN (SELECT value FROM json_each(:archives)))
                AND (:files IS NULL OR f.id IN (SELECT value FROM json_each(:files)))
                AND (:platforms IS NULL OR f.archive_id IN (SELECT id FROM archives WHERE platform IN (SELECT value FROM json_each(:platforms))))
              ORDER BY f.id",
        columns: &[
            col("file_id", Int64, false, "file id (records.file_id)"),
            col("archive_id", Int64, false, "the archive it belongs to"),
            col("path", Text, false, "path of the file inside the export").treat(Treatment::FreeText),
            col("role", Text, false, "what the importer did with it").values(Vocabulary::FileRoles),
            col("detail", Text, true, "the parser that read it, or why it was skipped").treat(Treatment::FreeText),
            col("bytes", Int64, false, "inflated size").unit("bytes"),
            col("records", Int64, false, "records parsed from it, before deduplication").unit("records"),
            col("warnings", Int64, false, "problems found in it").unit("warnings"),
            col("error", Text, true, "why the whole file failed, if it did").treat(Treatment::FreeText),
        ],
    },
    Table {
        name: "records",
        row: "one thing found in an export: a message, a search, a location point, an ad seen...",
        on_request: false,
        sql: concat!(
            "SELECT r.id, r.archive_id, r.file_id, r.position, r.platform, r.kind, r.category, r.ts, r.ts_end,
                    r.title, r.body, r.lat, r.lon, r.company_id, r.relation, r.amount_minor, r.currency, r.data
             FROM records r WHERE ",
            records_filter!(),
            " ORDER BY r.id"
        ),
        columns: &[
            col("record_id", Int64, false, "record id"),
            col("archive_id", Int64, false, "the archive that first brought it (archives.archive_id)"),
            col("file_id", Int64, false, "the file it came from (import_reports.file_id)"),
            col("position", Int64, false, "its element index inside that file"),
            col("platform", Text, false, "the platform whose export it came from").values(Vocabulary::Platforms),
            col("kind", Text, false, "what it is (message, search, location_point, off_platform_event, ...)")
                .values(Vocabulary::RecordKinds),
            col("category", Text, false, "the data category").values(Vocabulary::Categories),
            col("ts", Timestamp, true, "when it happened"),
            col("ts_end", Timestamp, true, "end of a span (visits, sessions)"),
            col("title", Text, true, "one readable line Footprint wrote from the record").treat(Treatment::FreeText),
            col("body", Text, true, "longer text: message content, post text").treat(Treatment::MessageText),
            col("lat", Float64, true, "latitude of a place (WGS 84)").unit("degrees"),
            col("lon", Float64, true, "longitude of a place (WGS 84)").unit("degrees"),
            col("company_id", Int64, true, "the third party the record names (companies.company_id)"),
            col("relation", Text, true, "how that third party relates to the participant").values(Vocabulary::Relations),
            col("amount_minor", Int64, true, "amount of money of a purchase, payment or refund")
                .unit("minor units of `currency` (cents)"),
            col("currency", Text, true, "ISO 4217 code of amount_minor (USD, EUR, JPY)"),
            col("data", Text, true, "the record's remaining fields as the export had them, as a JSON object")
                .treat(Treatment::FreeText),
        ],
    },
    Table {
        name: "companies",
        row: "a data holder: a platform, or a third party named in an export",
        on_request: false,
        sql: concat!(
            "SELECT c.id, c.key, c.name, c.platform FROM companies c
             WHERE c.id IN (SELECT h.company_id FROM holdings h WHERE ",
            holdings_filter!(),
            ") OR c.id IN (SELECT r.company_id FROM records r WHERE r.company_id IS NOT NULL AND ",
            records_filter!(),
            ") ORDER BY c.id"
        ),
        columns: &[
            col("company_id", Int64, false, "company id"),
            col("key", Text, false, "normalized name that merges spellings (\"nike\" for \"Nike, Inc.\"); the same company has the same key in every participant's export")
                .treat(Treatment::FreeText),
            col("name", Text, false, "display name").treat(Treatment::FreeText),
            col("is_platform", Bool, false, "true when the company runs a platform whose export was imported"),
        ],
    },
    Table {
        name: "holdings",
        row: "who holds what: one company x data category x relation x platform, with its evidence",
        on_request: false,
        sql: concat!(
            "SELECT h.company_id, h.category, h.relation, h.platform, h.records, h.first_seen, h.last_seen, h.files
             FROM holdings h WHERE ",
            holdings_filter!(),
            " ORDER BY h.company_id, h.category, h.relation, h.platform"
        ),
        columns: &[
            col("company_id", Int64, false, "the holder (companies.company_id)"),
            col("category", Text, false, "the data category it holds").values(Vocabulary::Categories),
            col("relation", Text, false, "how it came to hold it").values(Vocabulary::Relations),
            col("platform", Text, false, "the export that shows it").values(Vocabulary::Platforms),
            col("records", Int64, false, "evidence records").unit("records"),
            col("first_seen", Timestamp, true, "earliest evidence time"),
            col("last_seen", Timestamp, true, "latest evidence time"),
            col("evidence_files", Text, false, "JSON array of the paths of the files the evidence came from")
                .treat(Treatment::FreeText),
        ],
    },
    Table {
        name: "identities",
        row: "one of the participant's own identifiers found in an archive",
        on_request: true,
        sql: "SELECT i.archive_id, i.kind, i.value FROM identities i
              WHERE (:archives IS NULL OR i.archive_id IN (SELECT value FROM json_each(:archives)))
                AND (:platforms IS NULL OR i.archive_id IN (SELECT id FROM archives WHERE platform IN (SELECT value FROM json_each(:platforms))))
              ORDER BY i.archive_id, i.kind, i.value",
        columns: &[
            col("archive_id", Int64, false, "where it was found"),
            col("kind", Text, false, "what kind of identifier").values(Vocabulary::IdentityKinds),
            col("value", Text, false, "the identifier as found").treat(Treatment::Identifier),
        ],
    },
];

/// The table of a name.
pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

/// File roles (`files.role`, docs/SCHEMA.md) with their meaning.
pub const FILE_ROLES: &[(&str, &str)] = &[
    ("parse", "understood: a parser read it into records"),
    ("index", "indexed, not understood: its text is searchable, its records have category unclassified"),
    ("skip", "deliberately skipped (media, duplicates of another file)"),
    ("unknown", "no parser knows it"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_snake_case() {
        let mut seen = std::collections::BTreeSet::new();
        for t in TABLES {
            assert!(seen.insert(t.name), "table {} twice", t.name);
            let mut cols = std::collections::BTreeSet::new();
            for c in t.columns {
                assert!(cols.insert(c.name), "{}.{} twice", t.name, c.name);
                assert!(c.name.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'), "{}", c.name);
                assert!(!c.description.is_empty());
            }
        }
    }
}
