//! The terms of the full-text index that start with a prefix, so that a search's last word
//! (a prefix: results appear while typing) can be asked as an OR of exact terms.
//!
//! Why: FTS5 answers a prefix query by merging the doclists of every term with that prefix
//! into one list in memory before it returns its first row or makes its first seek. On 10
//! million records, "watched"* builds a list of 1.4 million rowids on every call, and a
//! per-row check (`rowid = ?`) would build it again for every row. An OR of exact terms is
//! read lazily, in rowid order, and a `rowid = ?` check of it costs a few index pages.

use rusqlite::{Connection, OptionalExtension};

/// More terms than this and the word stays a prefix query: an OR is checked term by term on
/// every row, so hundreds of terms (a one-letter prefix) cost more than one merge.
pub const MAX_PREFIX_TERMS: usize = 16;

/// The index's terms, one row per instance, in term order. The `instance` kind, not `row`:
/// its first row costs one seek per segment, where `row` first reads the term's whole doclist
/// to count it. A temp table: it holds no data (it reads `records_fts`'s own index) and needs
/// no migration; a read-only connection may create it too.
const INSTANCES: &str =
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.records_fts_instances USING fts5vocab(main, records_fts, instance)";

/// The terms of `records_fts` that start with `word`, in term order; `None` when `word` is
/// not one the tokenizer keeps whole, or when more than [`MAX_PREFIX_TERMS`] terms start
/// with it (the caller then asks FTS5 the prefix itself: the same rows).
pub fn expand(conn: &Connection, word: &str) -> rusqlite::Result<Option<Vec<String>>> {
    // unicode61 keeps a run of ASCII letters and digits as one token and only lowercases it:
    // its term is then the lowercased word. Any other word may be split into several tokens
    // or folded (diacritics), which only the tokenizer knows.
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Ok(None);
    }
    let prefix = word.to_ascii_lowercase();
    conn.execute_batch(INSTANCES)?;
    // One row each: `term >= ?` is the seek fts5vocab makes; a `term > ?` or an upper bound
    // would be checked by SQLite after the seek, and a row failing it makes SQLite read the
    // next row, that is every other instance of the same term.
    let mut first_from = conn.prepare_cached("SELECT term FROM temp.records_fts_instances WHERE term >= ?1 LIMIT 1")?;
    let mut terms = Vec::new();
    let mut from = prefix.clone();
    while let Some(term) = first_from.query_row([&from], |r| r.get::<_, String>(0)).optional()? {
        if !term.starts_with(&prefix) {
            break;
        }
        if terms.len() == MAX_PREFIX_TERMS {
            return Ok(None);
        }
        // The smallest text after `term`: the next term, whatever it is.
        from = format!("{term}\0");
        terms.push(term);
    }
    Ok(Some(terms))
}
