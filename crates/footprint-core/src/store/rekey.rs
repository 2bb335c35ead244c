//! Migration 0014: the natural keys of My Activity and Meta message records, recomputed in place.
//!
//! Session 3 made each of these records and its HTML twin one record: both now keep their time
//! to the second (HTML prints no milliseconds) and key it so, and a message's content is keyed
//! whitespace-collapsed, as a page shows it. A database written before keyed them by the
//! millisecond time (and a message by its raw content), so re-importing the same export there
//! added every such record a second time. The keys are xxh3 hashes, which SQL cannot compute:
//! this step is Rust, run once inside the migration's transaction and recorded by its
//! `user_version` like any SQL migration.
//!
//! Everything the current key is made of is stored: the platform and account (the record's
//! archive), the kind, the time, the title and the header (`data.header`) of an activity, and
//! the thread, sender (`data`) and content (`body`) of a message. The step is idempotent: a
//! key already in the current form is recomputed to itself.

use crate::model::{key_of, ts_key};
use crate::time::whole_second;
use rusqlite::{params, Connection, OptionalExtension};

/// The kinds My Activity records take (google/my_activity.rs `to_record`).
const ACTIVITY_KINDS: &str =
    "'search', 'visit', 'watch', 'view', 'listen', 'activity', 'ad_interaction'";

/// What the step changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Rekeyed {
    /// Records given their current time and key.
    pub updated: u64,
    /// Records that turned out to be the twin of one already stored in the current form (a
    /// re-import after an upgrade without this step): the older copy is dropped.
    pub merged: u64,
}

struct Row {
    id: i64,
    platform: String,
    account: String,
    kind: String,
    ts: Option<i64>,
    dedup: i64,
    natural: u64,
}

/// Recomputes the keys; then the summaries and holdings, derived from the times.
pub(crate) fn run(conn: &Connection) -> rusqlite::Result<Rekeyed> {
    let mut rows = Vec::new();
    {
        // My Activity (Google, YouTube history): product header, second and title. A record
        // without a readable time was keyed by the time's text, which is not stored; its key
        // did not change, so it is left alone.
        let mut st = conn.prepare(&format!(
            "SELECT r.id, r.platform, coalesce(a.account, ''), r.kind, r.ts, r.dedup,
                    coalesce(json_extract(r.data, '$.header'), ''), coalesce(r.title, '')
             FROM records r JOIN archives a ON a.id = r.archive_id
             WHERE r.platform = 'google' AND r.kind IN ({ACTIVITY_KINDS}) AND r.ts IS NOT NULL
               AND json_valid(r.data)
               AND (json_type(r.data, '$.header') IS NOT NULL OR json_type(r.data, '$.products') IS NOT NULL)"
        ))?;
        let found = st.query_map([], |r| {
            let kind: String = r.get(3)?;
            let ts: i64 = r.get(4)?;
            let header: String = r.get(6)?;
            let title: String = r.get(7)?;
            let second = (whole_second(ts) / 1000).to_string();
            Ok(Row {
                id: r.get(0)?,
                platform: r.get(1)?,
                account: r.get(2)?,
                natural: key_of(&kind, &[&header, &second, &title]),
                kind,
                ts: Some(whole_second(ts)),
                dedup: r.get(5)?,
            })
        })?;
        for row in found {
            rows.push(row?);
        }
        // Meta messages (Messenger, Instagram direct): thread, second, sender, content.
        let mut st = conn.prepare(
            "SELECT r.id, r.platform, coalesce(a.account, ''), r.kind, r.ts, r.dedup,
                    coalesce(json_extract(r.data, '$.thread'), ''),
                    coalesce(json_extract(r.data, '$.sender'), ''), coalesce(r.body, '')
             FROM records r JOIN archives a ON a.id = r.archive_id
             WHERE r.platform IN ('facebook', 'instagram') AND r.kind = 'message'
               AND json_valid(r.data) AND json_type(r.data, '$.thread') IS NOT NULL",
        )?;
        let found = st.query_map([], |r| {
            let ts: Option<i64> = r.get(4)?;
            let thread: String = r.get(6)?;
            let sender: String = r.get(7)?;
            let body: String = r.get(8)?;
            let content = body.split_whitespace().collect::<Vec<_>>().join(" ");
            let ts = ts.map(whole_second);
            Ok(Row {
                id: r.get(0)?,
                platform: r.get(1)?,
                account: r.get(2)?,
                kind: r.get(3)?,
                natural: key_of("message", &[&thread, &ts_key(ts), &sender, &content]),
                ts,
                dedup: r.get(5)?,
            })
        })?;
        for row in found {
            rows.push(row?);
        }
    }
    let mut done = Rekeyed::default();
    let mut twin = conn.prepare(
        "SELECT id FROM records WHERE coalesce(ts, -9223372036854775808) = coalesce(?1, -9223372036854775808)
           AND dedup = ?2 AND id <> ?3",
    )?;
    let mut update = conn.prepare("UPDATE records SET ts = ?2, dedup = ?3 WHERE id = ?1")?;
    let mut drop_row = conn.prepare("DELETE FROM records WHERE id = ?1")?;
    for row in rows {
        debug_assert!(!row.kind.is_empty());
        let dedup = crate::runner::dedup_of(&row.platform, &row.account, row.natural);
        let current: Option<i64> = conn
            .query_row("SELECT ts FROM records WHERE id = ?1", [row.id], |r| r.get(0))
            .optional()?
            .flatten();
        if dedup == row.dedup && current == row.ts {
            continue;
        }
        if twin
            .query_row(params![row.ts, dedup, row.id], |r| r.get::<_, i64>(0))
            .optional()?
            .is_some()
        {
            drop_row.execute([row.id])?;
            done.merged += 1;
        } else {
            update.execute(params![row.id, row.ts, dedup])?;
            done.updated += 1;
        }
    }
    if done != Rekeyed::default() {
        crate::summaries::rebuild(conn)?;
        crate::holders::rebuild_holdings(conn)?;
    }
    Ok(done)
}
