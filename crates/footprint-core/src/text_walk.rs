//! The time walks of a text search that matches many records: `records_key` read newest
//! first, keeping the matching rows until a page is found.
//!
//! Two ways to know whether a row matches. [`walk`] checks each row on its own in the
//! full-text index (`rowid = ?`: a seek per term and index segment, about 60 us on 10
//! million records), which wins when the newest matches are near the top; it is cheap only
//! for exact terms (query.rs expands the last word's prefix first), since FTS5 merges a
//! prefix's doclists whole on every call. [`walk_with_set`] reads all the matches once into a
//! bitmap, which wins when they start far down. Why not `id IN (matches)`: SQLite then copies
//! every match into a temporary B-tree before the walk's first row.

use rusqlite::{params_from_iter, types::Value, Connection};

/// Where the walk starts and which rows it may keep (the search's time filters).
pub struct Bounds {
    pub from_ms: Option<i64>,
    pub to_ms: Option<i64>,
    /// Only rows after this (time, key) position in the newest-first order: the page's cursor.
    pub after: Option<(i64, i64)>,
}

pub struct Walk {
    /// The matching rows found, newest first.
    pub ids: Vec<i64>,
    /// Set when the walk stopped at its row limit before it found what was wanted: the
    /// (time, key) of the last row it checked, where the rest of the search starts.
    pub gave_up_after: Option<(i64, i64)>,
}

/// The rows from `bounds` on, newest first: (id, time, key), read from `records_key` alone
/// (its entries hold the time expression and the id; the time filters read the row).
fn newest_first<'c>(conn: &'c Connection, bounds: &Bounds) -> rusqlite::Result<(rusqlite::Statement<'c>, Vec<Value>)> {
    let order = "coalesce(ts, -9223372036854775808)";
    let mut cond = Vec::new();
    let mut args = Vec::new();
    if let Some(f) = bounds.from_ms {
        args.push(Value::Integer(f));
        cond.push(format!("ts >= ?{}", args.len()));
    }
    if let Some(t) = bounds.to_ms {
        args.push(Value::Integer(t));
        cond.push(format!("ts < ?{}", args.len()));
    }
    if let Some((ts, key)) = bounds.after {
        args.push(Value::Integer(ts));
        args.push(Value::Integer(key));
        let (a, b) = (args.len() - 1, args.len());
        cond.push(format!("({order} < ?{a} OR ({order} = ?{a} AND dedup < ?{b}))"));
    }
    let filter = if cond.is_empty() { String::new() } else { format!("WHERE {}", cond.join(" AND ")) };
    let st = conn.prepare(&format!(
        "SELECT id, {order}, dedup FROM records INDEXED BY records_key {filter} ORDER BY {order} DESC, dedup DESC"
    ))?;
    Ok((st, args))
}

/// Walk from `bounds` newest first and keep the rows matching the FTS5 query `fts` (which
/// must have no prefix), until `want` are found, the index ends, or `max_rows` were checked.
pub fn walk(conn: &Connection, fts: &str, bounds: &Bounds, want: usize, max_rows: usize) -> rusqlite::Result<Walk> {
    let (mut rows_st, args) = newest_first(conn, bounds)?;
    let mut matches = conn.prepare_cached("SELECT 1 FROM records_fts WHERE records_fts MATCH ?1 AND rowid = ?2")?;
    let mut rows = rows_st.query(params_from_iter(args))?;
    let mut ids = Vec::new();
    let mut checked = 0;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        if matches.exists((fts, id))? {
            ids.push(id);
            if ids.len() == want {
                break;
            }
        }
        checked += 1;
        if checked == max_rows {
            return Ok(Walk {
                ids,
                gave_up_after: Some((row.get(1)?, row.get(2)?)),
            });
        }
    }
    Ok(Walk { ids, gave_up_after: None })
}

/// Walk from `bounds` newest first and keep the first `want` rows among all the matches of
/// `fts`, read once into a bitmap of record ids. What `id IN (matches)` does, at a third of
/// the cost: SQLite builds a temporary B-tree of the matches (about 200 ns a match, 300 ms
/// for "watched"'s 1.4 million), a bitmap costs the read alone. `None` when the ids are too
/// sparse for a bitmap (the caller then lets SQLite build its set).
pub fn walk_with_set(conn: &Connection, fts: &str, bounds: &Bounds, want: usize) -> rusqlite::Result<Option<Vec<i64>>> {
    let max_id: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM records", [], |r| r.get(0))?;
    // 2^32 ids is a 512 MB bitmap: far beyond any real database's ids, which count records.
    if !(0..1 << 32).contains(&max_id) {
        return Ok(None);
    }
    let mut set = vec![0u64; max_id as usize / 64 + 1];
    let mut st = conn.prepare_cached("SELECT rowid FROM records_fts WHERE records_fts MATCH ?1")?;
    let mut matches = st.query([fts])?;
    while let Some(m) = matches.next()? {
        let id = m.get::<_, i64>(0)? as usize;
        if let Some(word) = set.get_mut(id / 64) {
            *word |= 1 << (id % 64);
        }
    }
    let (mut rows_st, args) = newest_first(conn, bounds)?;
    let mut rows = rows_st.query(params_from_iter(args))?;
    let mut ids = Vec::new();
    while ids.len() < want {
        let Some(row) = rows.next()? else { break };
        let id = row.get::<_, i64>(0)?;
        let word = set.get(id as usize / 64).copied().unwrap_or(0);
        if id >= 0 && word & (1 << (id as usize % 64)) != 0 {
            ids.push(id);
        }
    }
    Ok(Some(ids))
}
