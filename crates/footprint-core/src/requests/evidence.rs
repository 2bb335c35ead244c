//! What a request letter knows about the company: its entry in the built-in company directory
//! (matched by the company's name and every spelling found in the exports), and the evidence
//! from the exports (holdings, with the export date of the archives that show them).

use super::view::DirectoryMatch;
use super::RequestError;
use crate::query::platform_name;
use crate::store::StoreError;
use chrono::{DateTime, NaiveDate};
use footprint_rights::directory::Entry;
use footprint_rights::{Directory, EvidenceItem, EvidenceRelation};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::{BTreeMap, HashMap};
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
    directory_entry_in(Directory::builtin(), conn, path, company)
}

/// [`directory_entry`] in a given directory.
pub(crate) fn directory_entry_in<'d>(
    dir: &'d Directory,
    conn: &Connection,
    path: &Option<PathBuf>,
    company: &CompanyRow,
) -> Result<Option<(&'d Entry, String)>, RequestError> {
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
pub(crate) fn export_name(platform: &str) -> String {
    match crate::registry::descriptor(platform) {
        Some(d) => d.company.to_string(),
        None => platform_name(platform),
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

    // Merge rows into items: key = (relation, platform, category for collected_directly);
    // value = the item and the raw categories merged into it.
    type Key = (EvidenceRelation, String, Option<String>);
    let mut merged: BTreeMap<Key, (EvidenceItem, Vec<String>)> = BTreeMap::new();
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

    let tops = top_folders(conn, path)?;
    let mut out = Vec::with_capacity(merged.len());
    for ((relation, platform, _), (mut item, categories)) in merged {
        item.files.sort();
        // Dates come from the stored paths; the letter shows them without the export's top
        // folder, which often carries the user's name ("facebook-janedoe-2024-03-01/"): the
        // letter discloses only the identifiers the user selected.
        item.export_date = export_date(conn, path, company_id, relation, &platform, &item.files)?;
        item.files = shorten_files(strip_top(&item.files, tops.get(&platform)));
        // A single category among third-party evidence is worth naming too.
        if item.category.is_none() && categories.len() == 1 {
            item.category =
                crate::model::Category::parse(&categories[0]).map(|c| c.label().to_string());
        }
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
            st.query_row(params![company_id, relation.as_str(), platform], |r| {
                r.get(0)
            })
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

/// Files a letter lists per evidence item; more are summarised (a platform's messages can span
/// hundreds of thread files).
const MAX_FILES: usize = 4;

/// Per platform, the top folders its archives put every file under (`Takeout/`,
/// `facebook-janedoe-2024-03-01/`): the common first path component, where there is one.
pub(crate) fn top_folders(
    conn: &Connection,
    path: &Option<PathBuf>,
) -> Result<HashMap<String, Vec<String>>, StoreError> {
    let rows: Vec<(String, Option<String>, Option<String>, i64)> = conn
        .prepare_cached(
            "SELECT a.platform, min(substr(f.path, 1, instr(f.path, '/'))),
                    max(substr(f.path, 1, instr(f.path, '/'))), min(instr(f.path, '/'))
             FROM files f JOIN archives a ON a.id = f.archive_id GROUP BY a.id",
        )
        .and_then(|mut st| {
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(StoreError::sql(path))?;
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for (platform, lo, hi, first_slash) in rows {
        if let (Some(lo), Some(hi)) = (lo, hi) {
            if first_slash > 0 && lo == hi && !lo.is_empty() {
                out.entry(platform).or_default().push(lo);
            }
        }
    }
    Ok(out)
}

pub(crate) fn strip_top(files: &[String], tops: Option<&Vec<String>>) -> Vec<String> {
    files
        .iter()
        .map(|f| {
            tops.into_iter()
                .flatten()
                .find_map(|t| f.strip_prefix(t.as_str()))
                .filter(|rest| !rest.is_empty())
                .unwrap_or(f)
                .to_string()
        })
        .collect()
}

/// At most [`MAX_FILES`] paths: the first ones, then "N more files in <common folder>/".
pub(crate) fn shorten_files(mut files: Vec<String>) -> Vec<String> {
    if files.len() <= MAX_FILES {
        return files;
    }
    let rest = files.split_off(MAX_FILES - 1);
    let common = common_folder(&rest);
    files.push(match common {
        Some(dir) => format!("{} more in {dir}", rest.len()),
        None => format!("{} more", rest.len()),
    });
    files
}

/// The deepest folder (ending in `/`) all paths share, if any.
fn common_folder(paths: &[String]) -> Option<String> {
    let first = paths.first()?;
    let mut end = first.rfind('/').map(|i| i + 1)?;
    for p in &paths[1..] {
        while end > 0 && !(p.len() >= end && p.as_bytes()[..end] == first.as_bytes()[..end]) {
            end = first[..end - 1].rfind('/').map(|i| i + 1).unwrap_or(0);
        }
    }
    (end > 0).then(|| first[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_file_lists_are_summarised_by_their_common_folder() {
        let files: Vec<String> = (0..9)
            .map(|i| format!("messages/inbox/thread_{i}/message_1.json"))
            .collect();
        let short = shorten_files(files.clone());
        assert_eq!(short.len(), MAX_FILES);
        assert_eq!(short[..3], files[..3]);
        assert_eq!(short[3], "6 more in messages/inbox/");
        assert_eq!(shorten_files(files[..4].to_vec()), files[..4].to_vec());
        assert_eq!(
            common_folder(&["a/b/c.json".into(), "a/bc/d.json".into()]),
            Some("a/".into())
        );
        assert_eq!(common_folder(&["x.json".into(), "a/y.json".into()]), None);
    }

    #[test]
    fn the_top_folder_is_dropped_from_cited_paths() {
        let tops = vec!["facebook-janedoe-2024-03-01/".to_string()];
        assert_eq!(
            strip_top(
                &[
                    "facebook-janedoe-2024-03-01/ads_information/x.json".into(),
                    "other/y.json".into()
                ],
                Some(&tops)
            ),
            vec![
                "ads_information/x.json".to_string(),
                "other/y.json".to_string()
            ]
        );
    }
}
