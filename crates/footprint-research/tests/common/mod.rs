//! Shared by the export tests: a database of one generated persona's exports, exports of it,
//! and the decoded text of Parquet files.
#![allow(dead_code)]

use footprint_core::archive::group_parts;
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use footprint_fixtures::persona::{slug, Persona};
use regex::bytes::RegexBuilder;
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

/// Every output file's bytes, and for Parquet files also their decoded rows.
pub fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        out.push((name.clone(), std::fs::read(&path).unwrap()));
        if name.ends_with(".parquet") {
            out.push((format!("{name} (decoded)"), parquet_rows(&path).join("\n").into_bytes()));
        }
    }
    out
}

/// What must not appear: the persona's identifiers and every identity the database holds
/// (old addresses, other usernames), as words, ASCII case ignored.
pub fn identifiers(store: &footprint_core::store::Store) -> Vec<String> {
    let p = Persona::for_seed(SEED);
    let mut v = vec![
        p.name.clone(),
        p.email.clone(),
        p.username.clone(),
        p.phone.clone(),
        p.phone_national().to_string(),
        p.first.clone(),
        p.last.clone(),
        format!("{}{}", slug(&p.first), slug(&p.last)),
    ];
    let mut s = store.connection().prepare("SELECT DISTINCT value FROM identities").unwrap();
    let values: Vec<String> = s.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    // Shorter values are no identifier in free text (a birthday without its year: "Oct 16").
    v.extend(values.into_iter().filter(|x| x.chars().count() >= 8));
    v
}

pub fn assert_absent(dir: &Path, needles: &[String], what: &str) {
    let files = contents(dir);
    assert!(files.len() >= 8, "{}: {} files", dir.display(), files.len());
    // One automaton for all of them: a regex per needle per file made this test minutes long.
    let alternatives: Vec<String> = needles.iter().map(|n| regex::escape(n)).collect();
    let re = RegexBuilder::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", alternatives.join("|")))
        .case_insensitive(true)
        .unicode(false)
        .size_limit(1 << 26)
        .build()
        .unwrap();
    let mut hits = Vec::new();
    for (name, bytes) in &files {
        for m in re.find_iter(bytes).take(5) {
            let from = m.start().saturating_sub(40);
            let to = (m.end() + 40).min(bytes.len());
            hits.push(format!(
                "{what} `{}` in {name}: …{}…",
                String::from_utf8_lossy(m.as_bytes()),
                String::from_utf8_lossy(&bytes[from..to])
            ));
        }
    }
    assert!(hits.is_empty(), "{} hits:\n{}", hits.len(), hits.join("\n"));
}

/// The participant's contacts: the senders the message records name (3 characters or more).
pub fn contacts(store: &Store) -> Vec<String> {
    let mut senders: Vec<String> = store
        .connection()
        .prepare("SELECT DISTINCT json_extract(data, '$.sender') FROM records WHERE category = 'messages' AND json_extract(data, '$.sender') IS NOT NULL")
        .unwrap()
        .query_map([], |r| r.get::<_, rusqlite::types::Value>(0))
        .unwrap()
        .map(|v| match v.unwrap() {
            rusqlite::types::Value::Text(t) => t,
            rusqlite::types::Value::Integer(n) => n.to_string(),
            other => format!("{other:?}"),
        })
        .filter(|s| s.chars().count() >= 3)
        .collect();
    senders.sort();
    senders.dedup();
    senders
}
