//! Shared by the export tests: a database of one generated persona's exports, exports of it,
//! and the decoded text of Parquet files.
#![allow(dead_code)]

use footprint_core::archive::group_parts;
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use footprint_research::{export, ExportOptions, ExportSummary, Format, Selection};
use parquet::file::reader::{FileReader, SerializedFileReader};
use std::path::{Path, PathBuf};

/// The demo persona's seed (any seed: one seed, one invented person).
pub const SEED: u64 = 7;
pub const SALT: &str = "test-study-2026-salt-one";
pub const OTHER_SALT: &str = "test-study-2026-salt-two";

/// A database holding the demo set (every platform's export of one persona) of `SEED`.
pub fn demo_store(dir: &Path) -> Store {
    let demo = footprint_fixtures::demo::demo_set(&dir.join("demo"), SEED).unwrap();
    let mut store = Store::open(&dir.join("f.db")).unwrap();
    for g in group_parts(&demo) {
        import_export(&mut store, &g, &ImportOptions::default()).unwrap_or_else(|e| panic!("{g:?}: {e}"));
    }
    store
}

pub fn options(format: Format, out: PathBuf) -> ExportOptions {
    ExportOptions {
        format,
        out,
        selection: Selection::default(),
        with_identities: false,
        salt: None,
        drop_message_text: false,
    }
}

/// Everything, identities included, pseudonymized with `salt` (what a study asks for).
pub fn salted(format: Format, out: PathBuf, salt: &str) -> ExportOptions {
    ExportOptions {
        with_identities: true,
        salt: Some(salt.into()),
        ..options(format, out)
    }
}

pub fn run(store: &Store, opts: &ExportOptions) -> ExportSummary {
    export(store, opts).unwrap_or_else(|e| panic!("export to {}: {e}", opts.out.display()))
}

/// Every row of a Parquet file, as text (one line per row), decoded by the parquet reader.
pub fn parquet_rows(path: &Path) -> Vec<String> {
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap().to_string())
        .collect()
}

pub fn count(store: &Store, sql: &str) -> u64 {
    store.connection().query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap() as u64
}
