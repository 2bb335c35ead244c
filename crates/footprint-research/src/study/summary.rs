//! `footprint study summary`: what a study dataset holds, per platform (participants,
//! archives, records, files and how many of them were understood) and the third parties
//! most participants' exports name. One participant is read at a time, row by row, and only
//! the small tables (archives, import_reports, companies, holdings; never records), so
//! memory grows with the number of distinct platforms and companies, not with participants.

use super::{participant_folder, partition_file, PARTIAL_SUFFIX};
use crate::ExportError;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::{Row, RowAccessor};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// How many third parties the summary lists.
pub const TOP_THIRD_PARTIES: usize = 20;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PlatformSummary {
    pub platform: String,
    /// Participants with at least one archive of this platform.
    pub participants: u64,
    pub archives: u64,
    pub records: u64,
    /// Files in those archives (import_reports rows).
    pub files: u64,
    /// Files a parser read into records (`role` = `parse`).
    pub files_understood: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThirdParty {
    /// `companies.key`: the same in every participant's export.
    pub company: String,
    /// Participants whose holdings name it.
    pub participants: u64,
    /// Evidence records over all of them (`holdings.records`).
    pub evidence: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudySummary {
    pub dataset: PathBuf,
    pub participants: u64,
    pub platforms: Vec<PlatformSummary>,
    /// The most frequent third parties: most participants first, then most evidence, then
    /// by name (the order of docs/RESEARCH.md's DuckDB query).
    pub third_parties: Vec<ThirdParty>,
}

/// Summarize the dataset at `dataset` (finished participants only).
pub fn summarize(dataset: &Path) -> Result<StudySummary, ExportError> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dataset)
        .map_err(|e| ExportError::io(dataset, e))?
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(&participant_folder("")) && !name.ends_with(PARTIAL_SUFFIX) && e.path().is_dir()
        })
        .map(|e| e.path())
        .collect();
    folders.sort();
    let mut platforms: BTreeMap<String, PlatformSummary> = BTreeMap::new();
    let mut companies: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for folder in &folders {
        add_participant(folder, &mut platforms, &mut companies)?;
    }
    let mut third_parties: Vec<ThirdParty> = companies
        .into_iter()
        .map(|(company, (participants, evidence))| ThirdParty {
            company,
            participants,
            evidence,
        })
        .collect();
    third_parties.sort_by(|a, b| {
        b.participants
            .cmp(&a.participants)
            .then(b.evidence.cmp(&a.evidence))
            .then(a.company.cmp(&b.company))
    });
    third_parties.truncate(TOP_THIRD_PARTIES);
    Ok(StudySummary {
        dataset: dataset.to_path_buf(),
        participants: folders.len() as u64,
        platforms: platforms.into_values().collect(),
        third_parties,
    })
}

/// One participant's archives, files and holdings into the running totals.
fn add_participant(
    folder: &Path,
    platforms: &mut BTreeMap<String, PlatformSummary>,
    companies: &mut BTreeMap<String, (u64, u64)>,
) -> Result<(), ExportError> {
    let mut platform_of: BTreeMap<i64, String> = BTreeMap::new();
    let mut seen_platforms = BTreeSet::new();
    for_each_row(folder, "archives", &["archive_id", "platform", "records"], |row, c| {
        let platform = text(row, c[1])?;
        let p = entry(platforms, &platform);
        p.archives += 1;
        p.records += long(row, c[2])?.max(0) as u64;
        if seen_platforms.insert(platform.clone()) {
            p.participants += 1;
        }
        platform_of.insert(long(row, c[0])?, platform);
        Ok(())
    })?;
    for_each_row(folder, "import_reports", &["archive_id", "role"], |row, c| {
        let archive = long(row, c[0])?;
        let Some(platform) = platform_of.get(&archive) else {
            return Err(format!("a file of archive {archive}, which the archives table does not hold"));
        };
        let p = entry(platforms, platform);
        p.files += 1;
        if text(row, c[1])? == "parse" {
            p.files_understood += 1;
        }
        Ok(())
    })?;
    // This participant's third parties: company id -> key (ids are local to a participant).
    let mut third: BTreeMap<i64, String> = BTreeMap::new();
    for_each_row(folder, "companies", &["company_id", "key", "is_platform"], |row, c| {
        if !row.get_bool(c[2]).map_err(|e| e.to_string())? {
            third.insert(long(row, c[0])?, text(row, c[1])?);
        }
        Ok(())
    })?;
    let mut evidence: BTreeMap<&str, u64> = BTreeMap::new();
    for_each_row(folder, "holdings", &["company_id", "records"], |row, c| {
        if let Some(key) = third.get(&long(row, c[0])?) {
            *evidence.entry(key.as_str()).or_default() += long(row, c[1])?.max(0) as u64;
        }
        Ok(())
    })?;
    for (key, n) in evidence {
        let e = companies.entry(key.to_string()).or_default();
        e.0 += 1;
        e.1 += n;
    }
    Ok(())
}

fn entry<'a>(platforms: &'a mut BTreeMap<String, PlatformSummary>, platform: &str) -> &'a mut PlatformSummary {
    platforms.entry(platform.to_string()).or_insert_with(|| PlatformSummary {
        platform: platform.to_string(),
        ..Default::default()
    })
}

fn long(row: &Row, i: usize) -> Result<i64, String> {
    row.get_long(i).map_err(|e| e.to_string())
}

fn text(row: &Row, i: usize) -> Result<String, String> {
    row.get_string(i).map(|s| s.to_string()).map_err(|e| e.to_string())
}

/// Call `f` with every row of a participant's table (none when the table is absent: a
/// donation may leave a table out) and the indexes of `columns` in it.
fn for_each_row(
    folder: &Path,
    table: &str,
    columns: &[&str],
    mut f: impl FnMut(&Row, &[usize]) -> Result<(), String>,
) -> Result<(), ExportError> {
    let path = partition_file(folder, table);
    if !path.exists() {
        return Ok(());
    }
    let bad = |e: String| ExportError::Invalid(format!("{}: {e}", path.display()));
    let file = std::fs::File::open(&path).map_err(|e| ExportError::io(&path, e))?;
    let reader = SerializedFileReader::new(file).map_err(|e| bad(e.to_string()))?;
    let schema = reader.metadata().file_metadata().schema_descr();
    let mut index = Vec::with_capacity(columns.len());
    for name in columns {
        let i = (0..schema.num_columns())
            .find(|&i| schema.column(i).name() == *name)
            .ok_or_else(|| bad(format!("no column `{name}`")))?;
        index.push(i);
    }
    for row in reader.get_row_iter(None).map_err(|e| bad(e.to_string()))? {
        let row = row.map_err(|e| bad(e.to_string()))?;
        f(&row, &index).map_err(bad)?;
    }
    Ok(())
}
