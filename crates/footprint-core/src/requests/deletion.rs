//! Did they really delete? Once an erasure request is marked fulfilled, every later export of
//! a platform the request's evidence came from is searched for the company: still named in it
//! (an advertiser that uploaded a list, an off-platform activity source, a connected app, ...)
//! means the data was not erased, or was collected again; absent is consistent with deletion.
//!
//! "Later" is the export's own date (the newest file time inside the archive, when the
//! platform made it), after the day the request was marked fulfilled: an export made before
//! the company says it deleted proves nothing either way, whatever day it was imported.
//!
//! The verdicts are written by the import's transaction, right after the holdings are rebuilt
//! (see `runner`), and again when a request is marked fulfilled after such an export was
//! imported; both in one transaction with what caused them, so never half-written.

use super::evidence::{export_name, shorten_files, strip_top, top_folders};
use crate::holders::{canonical_key, platform_company};
use crate::model::Relation;
use crate::query::platform_name;
use crate::store::StoreError;
use chrono::{DateTime, NaiveDate};
use footprint_rights::tracking::{Request, Status};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

/// What one later export says about the company of a fulfilled erasure request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeletionCheckView {
    /// The export searched; None once it was removed (the verdict stays).
    pub archive_id: Option<i64>,
    /// Its importer id (`facebook`).
    pub platform: String,
    /// Its display name from the platform's descriptor (`Facebook`).
    pub platform_name: String,
    /// The export's own date (its newest file time).
    pub export_date: NaiveDate,
    /// The day the request was marked fulfilled.
    pub fulfilled: NaiveDate,
    /// True: the company is still in that export.
    pub still_listed: bool,
    /// Records of that export naming the company.
    pub records: i64,
    /// The files naming it, the export's top folder left out.
    pub files: Vec<String>,
    /// How the export links it to the user, in plain words.
    pub relations: Vec<String>,
    /// The day the check ran.
    pub checked: NaiveDate,
    /// The verdict in one sentence, with its evidence.
    pub sentence: String,
}

impl DeletionCheckView {
    fn sentence(&self) -> String {
        let export = format!("your {} export of {}", self.platform_name, self.export_date);
        if !self.still_listed {
            return format!("Not in {export}: consistent with deletion.");
        }
        let files = match self.files.as_slice() {
            [] => String::new(),
            [one] => format!(", file {one}"),
            many => format!(", files {}", many.join(", ")),
        };
        let how = if self.relations.is_empty() {
            String::new()
        } else {
            format!(" (the company {})", self.relations.join("; "))
        };
        format!(
            "Still listed in {export}{files}{how}, although the erasure was marked fulfilled on {}.",
            self.fulfilled
        )
    }
}

fn day_of(ms: i64) -> Option<NaiveDate> {
    DateTime::from_timestamp_millis(ms).map(|t| t.date_naive())
}

fn text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// The day an erasure request was (last) marked fulfilled; None for other requests.
fn fulfilled_on(req: &Request) -> Option<NaiveDate> {
    if req.request_type != footprint_rights::RequestType::Erasure {
        return None;
    }
    req.history
        .iter()
        .rev()
        .find(|c| c.status == Status::Fulfilled)
        .map(|c| c.date)
}

/// An export that may be checked.
struct ArchiveRow {
    id: i64,
    platform: String,
    export_date: NaiveDate,
}

fn archives(
    conn: &Connection,
    path: &Option<PathBuf>,
    only: Option<i64>,
) -> Result<Vec<ArchiveRow>, StoreError> {
    let rows: Vec<(i64, String, i64)> = conn
        .prepare_cached(
            "SELECT id, platform, export_date FROM archives
             WHERE export_date IS NOT NULL AND (?1 IS NULL OR id = ?1) ORDER BY id",
        )
        .and_then(|mut st| {
            st.query_map([only], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(StoreError::sql(path))?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, platform, ms)| {
            day_of(ms).map(|export_date| ArchiveRow {
                id,
                platform,
                export_date,
            })
        })
        .collect())
}

/// Where the export names the company: (file, relation, records).
fn findings(
    conn: &Connection,
    path: &Option<PathBuf>,
    company_key: &str,
    archive: &ArchiveRow,
) -> Result<Vec<(String, Option<String>, i64)>, StoreError> {
    let company: Option<i64> = conn
        .query_row("SELECT id FROM companies WHERE key = ?1", [company_key], |r| {
            r.get(0)
        })
        .optional()
        .map_err(StoreError::sql(path))?;
    let rows = |q: &str, p: &[&dyn rusqlite::ToSql]| -> Result<Vec<_>, StoreError> {
        conn.prepare_cached(q)
            .and_then(|mut st| {
                st.query_map(p, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect::<Result<Vec<(String, Option<String>, i64)>, _>>()
            })
            .map_err(StoreError::sql(path))
    };
    // The platform's own company: the export is its data about the user, whoever else it
    // names; its biggest files are the evidence.
    if canonical_key(platform_company(&archive.platform)) == company_key {
        return rows(
            "SELECT path, 'collected_directly', records FROM files
             WHERE archive_id = ?1 AND records > 0 ORDER BY records DESC, path LIMIT 5",
            &[&archive.id],
        );
    }
    let Some(company) = company else {
        return Ok(Vec::new());
    };
    // A record first brought by an earlier export is not copied again: the later export's
    // copy is a `record_also_in` row.
    rows(
        "SELECT f.path, r.relation, count(*) FROM records r JOIN files f ON f.id = r.file_id
           WHERE r.company_id = ?1 AND r.archive_id = ?2 GROUP BY f.path, r.relation
         UNION ALL
         SELECT f.path, r.relation, count(*) FROM record_also_in x
           JOIN records r ON r.id = x.record_id JOIN files f ON f.id = x.file_id
           WHERE r.company_id = ?1 AND x.archive_id = ?2 GROUP BY f.path, r.relation",
        &[&company, &archive.id],
    )
}

/// Checks one request against the exports (all, or `only` one) and stores the verdicts.
fn check_request(
    conn: &Connection,
    path: &Option<PathBuf>,
    request_id: i64,
    company_key: &str,
    req: &Request,
    only: Option<i64>,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let Some(fulfilled) = fulfilled_on(req) else {
        return Ok(());
    };
    let cited: BTreeSet<&str> = req.evidence.iter().map(|e| e.platform.as_str()).collect();
    // Read once, and only when an export is due a check (it scans every archive's files).
    let mut tops = None;
    for archive in archives(conn, path, only)? {
        if archive.export_date <= fulfilled || !cited.contains(export_name(&archive.platform).as_str())
        {
            continue;
        }
        let found = findings(conn, path, company_key, &archive)?;
        let records: i64 = found.iter().map(|f| f.2).sum();
        let mut files: Vec<String> = found.iter().map(|f| f.0.clone()).collect();
        files.sort();
        files.dedup();
        let tops = match &mut tops {
            Some(t) => t,
            None => tops.insert(top_folders(conn, path)?),
        };
        let files = shorten_files(strip_top(&files, tops.get(&archive.platform)));
        let relations: BTreeSet<String> = found.iter().filter_map(|f| f.1.clone()).collect();
        conn.execute(
            "INSERT INTO deletion_checks(request_id, archive_id, platform, export_date, fulfilled,
               still_listed, records, files, relations, checked_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT(request_id, archive_id) DO UPDATE SET platform = excluded.platform,
               export_date = excluded.export_date, fulfilled = excluded.fulfilled,
               still_listed = excluded.still_listed, records = excluded.records,
               files = excluded.files, relations = excluded.relations,
               checked_at = excluded.checked_at",
            params![
                request_id,
                archive.id,
                archive.platform,
                text(archive.export_date),
                text(fulfilled),
                records > 0,
                records,
                serde_json::to_string(&files).expect("strings serialize"),
                serde_json::to_string(&relations).expect("strings serialize"),
                text(today),
            ],
        )
        .map_err(StoreError::sql(path))?;
    }
    Ok(())
}

/// Every fulfilled erasure request checked against the export just imported (`archive_id`),
/// inside the import's transaction. A stored request that no longer parses is left out: the
/// import must not fail over it (the requests list reports it).
pub(crate) fn check_new_export(
    conn: &Connection,
    path: &Option<PathBuf>,
    archive_id: i64,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let rows: Vec<(i64, String, String)> = conn
        .prepare_cached(
            "SELECT id, company_key, request FROM requests
             WHERE request_type = 'erasure' ORDER BY id",
        )
        .and_then(|mut st| {
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(StoreError::sql(path))?;
    for (id, key, json) in rows {
        if let Ok(req) = serde_json::from_str::<Request>(&json) {
            check_request(conn, path, id, &key, &req, Some(archive_id), today)?;
        }
    }
    Ok(())
}

/// One request checked against every export already imported (it was just marked fulfilled).
/// The verdicts of a previous fulfilment date are replaced.
pub(crate) fn recheck_request(
    conn: &Connection,
    path: &Option<PathBuf>,
    request_id: i64,
    req: &Request,
    today: NaiveDate,
) -> Result<(), StoreError> {
    conn.execute(
        "DELETE FROM deletion_checks WHERE request_id = ?1 AND archive_id IS NOT NULL",
        [request_id],
    )
    .map_err(StoreError::sql(path))?;
    let key: String = conn
        .query_row(
            "SELECT company_key FROM requests WHERE id = ?1",
            [request_id],
            |r| r.get(0),
        )
        .map_err(StoreError::sql(path))?;
    check_request(conn, path, request_id, &key, req, None, today)
}

/// The verdicts of the given requests (all when `only` is None), newest export first.
pub(crate) fn checks(
    conn: &Connection,
    path: &Option<PathBuf>,
    only: Option<i64>,
) -> Result<HashMap<i64, Vec<DeletionCheckView>>, StoreError> {
    type Row = (i64, Option<i64>, String, String, String, bool, i64, String, String, String);
    let rows: Vec<Row> = conn
        .prepare_cached(
            "SELECT request_id, archive_id, platform, export_date, fulfilled, still_listed,
                    records, files, relations, checked_at
             FROM deletion_checks WHERE (?1 IS NULL OR request_id = ?1)
             ORDER BY export_date DESC, id DESC",
        )
        .and_then(|mut st| {
            st.query_map([only], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()
        })
        .map_err(StoreError::sql(path))?;
    let mut out: HashMap<i64, Vec<DeletionCheckView>> = HashMap::new();
    for (request_id, archive_id, platform, export, fulfilled, still, records, files, rels, checked) in
        rows
    {
        let (Some(export_date), Some(fulfilled)) = (parse_day(&export), parse_day(&fulfilled))
        else {
            continue;
        };
        let relations: Vec<String> = serde_json::from_str::<Vec<String>>(&rels)
            .unwrap_or_default()
            .iter()
            .map(|r| Relation::parse(r).map_or_else(|| r.clone(), |r| r.label().to_string()))
            .collect();
        let mut view = DeletionCheckView {
            archive_id,
            platform_name: platform_name(&platform),
            platform,
            export_date,
            fulfilled,
            still_listed: still,
            records,
            files: serde_json::from_str(&files).unwrap_or_default(),
            relations,
            checked: parse_day(&checked).unwrap_or(export_date),
            sentence: String::new(),
        };
        view.sentence = view.sentence();
        out.entry(request_id).or_default().push(view);
    }
    Ok(out)
}
