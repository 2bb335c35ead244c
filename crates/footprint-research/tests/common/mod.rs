//! Shared by the export tests: a database of one generated persona's exports, exports of it,
//! and the decoded text of Parquet files.
#![allow(dead_code)]

use footprint_core::archive::group_parts;
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use footprint_fixtures::persona::{slug, Persona};
use footprint_research::{export, ExportOptions, ExportSummary, Format, Selection};
use parquet::file::reader::{FileReader, SerializedFileReader};
use regex::bytes::RegexBuilder;
use std::collections::BTreeMap;
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

/// Every file under `dir` (folders walked) with its bytes, named by its path under `dir`, and
/// for Parquet files also their decoded rows.
pub fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
                continue;
            }
            let name = path.strip_prefix(root).unwrap().display().to_string();
            out.push((name.clone(), std::fs::read(&path).unwrap()));
            if name.ends_with(".parquet") {
                out.push((format!("{name} (decoded)"), parquet_rows(&path).join("\n").into_bytes()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out
}

/// What must not appear: the identifiers of the persona of `seed` and every identity the
/// database holds (old addresses, other usernames), as words, ASCII case ignored.
pub fn identifiers(store: &Store, seed: u64) -> Vec<String> {
    let p = Persona::for_seed(seed);
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

/// Fail listing every `needles` hit in the files under `dir` (raw bytes and decoded Parquet).
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

/// Add one participant's third parties to `into`: key (pseudonymized with `salt` as the
/// export writes it) -> (participants, evidence records), from SQLite.
pub fn add_third_parties(store: &Store, salt: &str, into: &mut BTreeMap<String, (u64, u64)>) {
    let conn = store.connection();
    let p = footprint_research::Pseudonymizer::for_participant(conn, salt).unwrap();
    let mut log = footprint_research::RedactionLog::default();
    let mut q = conn
        .prepare("SELECT c.key, sum(h.records) FROM holdings h JOIN companies c ON c.id = h.company_id WHERE c.platform = 0 GROUP BY c.key")
        .unwrap();
    for row in q.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))).unwrap() {
        let (key, n) = row.unwrap();
        let e = into.entry(p.text(&key, "companies.key", &mut log)).or_default();
        e.0 += 1;
        e.1 += n as u64;
    }
}

/// The 20 most frequent third parties: most participants, then most evidence, then by key.
pub fn top_twenty(third: BTreeMap<String, (u64, u64)>) -> Vec<(String, u64, u64)> {
    let mut top: Vec<(String, u64, u64)> = third.into_iter().map(|(k, (n, e))| (k, n, e)).collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
    top.truncate(20);
    top
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
