//! What a request letter knows about the company: its entry in the built-in company directory
//! (matched by the company's name and every spelling found in the exports), and the evidence
//! from the exports (holdings, with the export date of the archives that show them).

use super::view::DirectoryMatch;
use super::RequestError;
use crate::holders;
use crate::query::platform_name;
use crate::store::StoreError;
use chrono::{DateTime, NaiveDate};
use footprint_rights::directory::Entry;
use footprint_rights::{Directory, EvidenceItem, EvidenceRelation};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A company as the requests see it.
#[derive(Debug, Clone)]
pub(crate) struct CompanyRow {
    pub id: i64,
    pub key: String,
    pub name: String,
}

pub(crate) fn sql(path: &Option<PathBuf>) -> impl Fn(rusqlite::Error) -> RequestError + '_ {
    move |e| RequestError::Store(StoreError::sql(path)(e))
}

pub(crate) fn company(
    conn: &Connection,
    path: &Option<PathBuf>,
    company_id: i64,
) -> Result<CompanyRow, RequestError> {
    conn.query_row(
        "SELECT id, key, name FROM companies WHERE id = ?1",
        [company_id],
        |r| {
            Ok(CompanyRow {
                id: r.get(0)?,
                key: r.get(1)?,
                name: r.get(2)?,
            })
        },
    )
    .optional()
    .map_err(sql(path))?
    .ok_or_else(|| {
        RequestError::NotFound(format!(
            "no company with id {company_id} (see `footprint companies`)"
        ))
    })
}

/// The directory entry for a company: its display name first, then each spelling found in the
/// exports (advertiser names, domains, @handles), alphabetically. Returns the spelling that
/// matched.
pub(crate) fn directory_entry(
    conn: &Connection,
    path: &Option<PathBuf>,
    company: &CompanyRow,
) -> Result<Option<(&'static Entry, String)>, RequestError> {
    let dir = Directory::builtin();
    if let Some(e) = dir.match_name(&company.name) {
        return Ok(Some((e, company.name.clone())));
    }
    let aliases: Vec<String> = conn
        .prepare_cached("SELECT alias FROM company_aliases WHERE company_id = ?1 ORDER BY alias")
        .and_then(|mut st| {
            st.query_map([company.id], |r| r.get(0))?
                .collect::<Result<Vec<String>, _>>()
        })
        .map_err(sql(path))?;
    Ok(aliases
        .into_iter()
        .find_map(|a| dir.match_name(&a).map(|e| (e, a))))
}

pub(crate) fn directory_match(
    conn: &Connection,
    path: &Option<PathBuf>,
    company: &CompanyRow,
) -> Result<Option<DirectoryMatch>, RequestError> {
    Ok(directory_entry(conn, path, company)?.map(|(e, name)| DirectoryMatch::new(&name, e)))
}

fn day(ms: Option<i64>) -> Option<NaiveDate> {
    ms.and_then(DateTime::from_timestamp_millis)
        .map(|t| t.date_naive())
}

/// The name letters give the export: the company behind the platform ("Meta" for Facebook and
/// Instagram exports), so "uploaded a list ... to Meta, as shown in my Meta export" reads right.
fn export_name(platform: &str) -> String {
    let (key, name) = holders::platform_company(platform);
    if key == "unknown-platform" {
        platform_name(platform)
    } else {
        name.to_string()
    }
}

/// One holdings row.
struct HoldingRow {
    platform: String,
    relation: String,
    category: String,
    records: i64,
    first_seen: Option<i64>,
    last_seen: Option<i64>,
    files: Vec<String>,
}

/// Evidence items for a company, one per platform and relation (categories merged), except
/// what a platform collected directly, which is one item per category so the letter names
/// each category it holds.
pub(crate) fn evidence_for(
    conn: &Connection,
    path: &Option<PathBuf>,
    company_id: i64,
) -> Result<Vec<EvidenceItem>, RequestError> {
    let rows: Vec<HoldingRow> = conn
        .prepare_cached(
            "SELECT platform, relation, category, records, first_seen, last_seen, files
             FROM holdings WHERE company_id = ?1 ORDER BY platform, relation, category",
        )
        .and_then(|mut st| {
            st.query_map([company_id], |r| {
                let files: String = r.get(6)?;
                Ok(HoldingRow {
                    platform: r.get(0)?,
                    relation: r.get(1)?,
                    category: r.get(2)?,
                    records: r.get(3)?,
                    first_seen: r.get(4)?,
                    last_seen: r.get(5)?,
                    files: serde_json::from_str::<Vec<Option<String>>>(&files)
                        .map(|v| v.into_iter().flatten().collect())
                        .unwrap_or_default(),
                })
            })?
            .collect::<Result<Vec<_>, _>>()
        })
        .map_err(sql(path))?;

    // Merge rows into items: key = (relation, platform, category for collected_directly).
    let mut merged: BTreeMap<(EvidenceRelation, String, Option<String>), (EvidenceItem, Vec<String>)> =
        BTreeMap::new();
    for h in rows {
        let Some(relation) = EvidenceRelation::parse(&h.relation) else {
            // A relation footprint-rights does not know yet: cite nothing rather than guess.
            continue;
        };
        let category = (relation == EvidenceRelation::CollectedDirectly).then(|| {
            crate::model::Category::parse(&h.category)
                .map(|c| c.label().to_string())
                .unwrap_or_else(|| h.category.clone())
        });
        let key = (relation, h.platform.clone(), category.clone());
        let (item, categories) = merged.entry(key).or_insert_with(|| {
            (
                EvidenceItem {
                    platform: export_name(&h.platform),
                    export_date: None,
                    relation,
                    category,
                    record_count: Some(0),
                    first_seen: None,
                    last_seen: None,
                    files: Vec::new(),
                },
                Vec::new(),
            )
        });
        categories.push(h.category.clone());
        item.record_count = Some(item.record_count.unwrap_or(0) + h.records.max(0) as u64);
        let (a, b) = (day(h.first_seen), day(h.last_seen));
        item.first_seen = match (item.first_seen, a) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        item.last_seen = match (item.last_seen, b) {
            (Some(x), Some(y)) => Some(x.max(y)),
            (x, y) => x.or(y),
        };
        for f in h.files {
            if !item.files.contains(&f) {
                item.files.push(f);
            }
        }
    }

    let mut out = Vec::with_capacity(merged.len());
    for ((relation, platform, _), (mut item, categories)) in merged {
        item.files.sort();
        // A single category among third-party evidence is worth naming too.
        if item.category.is_none() && categories.len() == 1 {
            item.category = crate::model::Category::parse(&categories[0]).map(|c| c.label().to_string());
        }
        item.export_date = export_date(conn, path, company_id, relation, &platform, &item.files)?;
        out.push(item);
    }
    Ok(out)
}

/// The export date of the newest archive that shows the evidence: the archives holding the
/// company's records with that relation (or a later export of the same account that also holds
/// them); for what a platform collected directly, the archives of that platform containing the
/// evidence files.
fn export_date(
    conn: &Connection,
    path: &Option<PathBuf>,
    company_id: i64,
    relation: EvidenceRelation,
    platform: &str,
    files: &[String],
) -> Result<Option<NaiveDate>, RequestError> {
    let by_records: Option<i64> = conn
        .prepare_cached(
            "SELECT max(a.export_date) FROM archives a WHERE a.id IN (
               SELECT r.archive_id FROM records r
                 WHERE r.company_id = ?1 AND r.relation = ?2 AND r.platform = ?3
               UNION
               SELECT x.archive_id FROM record_also_in x JOIN records r ON r.id = x.record_id
                 WHERE r.company_id = ?1 AND r.relation = ?2 AND r.platform = ?3)",
        )
        .and_then(|mut st| {
            st.query_row(params![company_id, relation.as_str(), platform], |r| r.get(0))
        })
        .map_err(sql(path))?;
    if by_records.is_some() {
        return Ok(day(by_records));
    }
    let files_json = serde_json::to_string(files).unwrap_or_else(|_| "[]".into());
    let by_files: Option<i64> = conn
        .prepare_cached(
            "SELECT max(a.export_date) FROM archives a
             WHERE a.platform = ?1 AND EXISTS (
               SELECT 1 FROM files f WHERE f.archive_id = a.id
                 AND f.path IN (SELECT value FROM json_each(?2)))",
        )
        .and_then(|mut st| st.query_row(params![platform, files_json], |r| r.get(0)))
        .map_err(sql(path))?;
    Ok(day(by_files))
}
