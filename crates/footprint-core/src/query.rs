//! Reading the store: archives, who holds what, evidence, search, timeline, map, stats, and
//! removing an archive. Every function here is what one CLI command or one app screen shows.

use crate::holders;
use crate::model::{Category, Relation};
use crate::runner::ImportReport;
use crate::store::{Store, StoreError};
use rusqlite::{params, params_from_iter, types::Value, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ArchiveSummary {
    pub id: i64,
    pub platform: String,
    pub platform_name: String,
    pub account: Option<String>,
    pub sources: Vec<String>,
    pub imported_at: i64,
    pub export_date: Option<i64>,
    pub records: i64,
    pub files_total: i64,
    /// Files a parser understood.
    pub files_parsed: i64,
    /// Files indexed for search without being understood.
    pub files_indexed: i64,
    pub files_skipped: i64,
    pub files_unknown: i64,
    pub bytes: i64,
    /// Footprint's invented demo data, not the user's.
    pub demo: bool,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RemoveOutcome {
    pub archive_id: i64,
    pub records_removed: i64,
    /// Records also found in another archive, now kept under that one.
    pub records_handed_over: i64,
    pub companies_removed: i64,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CompanySummary {
    pub id: i64,
    pub name: String,
    /// True for the platforms themselves (Google, Meta, ...).
    pub is_platform: bool,
    /// Exports that name this company (importer ids).
    pub platforms: Vec<String>,
    /// Relations, as machine names (`uploaded_contact_list`, ...).
    pub relations: Vec<String>,
    /// Data categories held, as machine names.
    pub categories: Vec<String>,
    /// Evidence records.
    pub records: i64,
    pub first_seen: Option<i64>,
    pub last_seen: Option<i64>,
    /// Every spelling an export used for this company (`Nike`, `NIKE, Inc.`), sorted, so a
    /// script sees each name the evidence carries.
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CompanyQuery {
    /// Substring of the name or an alias.
    pub text: Option<String>,
    /// Only companies with this relation.
    pub relation: Option<String>,
    /// `records` (default), `name`, `last_seen`.
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Holding {
    pub category: String,
    pub category_label: String,
    pub relation: String,
    pub relation_label: String,
    /// The export that shows it.
    pub platform: String,
    pub records: i64,
    pub first_seen: Option<i64>,
    pub last_seen: Option<i64>,
    /// Files the evidence came from.
    pub files: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CompanyDetail {
    pub summary: CompanySummary,
    pub aliases: Vec<String>,
    pub holdings: Vec<Holding>,
    /// The first evidence records (newest first) for third parties.
    pub evidence: Vec<RecordRow>,
}

/// One record as shown in lists.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecordRow {
    pub id: i64,
    pub platform: String,
    pub kind: String,
    pub category: String,
    pub ts: Option<i64>,
    pub ts_end: Option<i64>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub company: Option<String>,
    pub relation: Option<String>,
    /// The file inside the archive the record came from, and its position there.
    pub file: String,
    pub position: i64,
    pub archive_id: i64,
    pub data: Option<String>,
    /// The record's dedup key (stable across re-imports; used for paging), as a string.
    pub key: String,
    /// An amount of money, in minor units of `currency` (ISO 4217).
    pub amount_minor: Option<i64>,
    pub currency: Option<String>,
}

/// Keyset position for paging: the (time, dedup key) of the last row seen, the same order as
/// the `records_key` index, so page 1,000 costs what page 1 costs.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Cursor {
    /// `ts` of the last row seen (rows without a time sort last, as i64::MIN).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub ts: i64,
    /// Its dedup key; a string because it uses all 64 bits (more than a JS number holds).
    pub key: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchQuery {
    /// Words to find (full-text); all must match, the last one as a prefix.
    pub text: Option<String>,
    pub platform: Option<String>,
    pub kind: Option<String>,
    pub category: Option<String>,
    pub company_id: Option<i64>,
    pub from_ms: Option<i64>,
    pub to_ms: Option<i64>,
    pub limit: Option<i64>,
    pub after: Option<Cursor>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchPage {
    pub rows: Vec<RecordRow>,
    /// Pass back as `after` for the next page; None at the end.
    pub next: Option<Cursor>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TimelineQuery {
    /// `day` or `month` (default).
    pub by: Option<String>,
    pub platform: Option<String>,
    pub from_ms: Option<i64>,
    pub to_ms: Option<i64>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TimelineBucket {
    /// `YYYY-MM` or `YYYY-MM-DD` (UTC).
    pub bucket: String,
    pub platform: String,
    pub records: i64,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MapQuery {
    pub west: Option<f64>,
    pub south: Option<f64>,
    pub east: Option<f64>,
    pub north: Option<f64>,
    /// Grid cells along the longer side (default 128, at most 1024).
    pub cells: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MapBin {
    /// Mean position of the points in the cell.
    pub lat: f64,
    pub lon: f64,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MapVisit {
    pub lat: f64,
    pub lon: f64,
    pub title: Option<String>,
    pub ts: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MapData {
    pub bins: Vec<MapBin>,
    /// Named places (visits), at most 2,000, newest first.
    pub visits: Vec<MapVisit>,
    pub total_points: i64,
    /// Bounding box of all points: [west, south, east, north].
    pub extent: Option<[f64; 4]>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CountBy {
    pub key: String,
    pub label: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Stats {
    pub records: i64,
    pub archives: i64,
    pub companies: i64,
    pub third_parties: i64,
    pub identities: i64,
    pub by_platform: Vec<CountBy>,
    pub by_kind: Vec<CountBy>,
    pub by_category: Vec<CountBy>,
    pub first_ts: Option<i64>,
    pub last_ts: Option<i64>,
    pub db_bytes: i64,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct IdentityRow {
    pub kind: String,
    pub value: String,
    pub platforms: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlatformCategories {
    pub platform: String,
    pub platform_name: String,
    pub records: i64,
    pub categories: Vec<CountBy>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MonthCount {
    pub platform: String,
    pub month: String,
    pub records: i64,
}

/// What a newer export of the same account added.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportChange {
    pub platform: String,
    pub account: Option<String>,
    pub previous_archive: i64,
    pub latest_archive: i64,
    pub new_records: i64,
    pub new_companies: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Overview {
    /// What shops know about your buying: orders and spend per platform, year and currency.
    pub spending: Vec<SpendRow>,
    /// Merchants, sellers, app developers and payment companies named in your purchases
    /// (third parties only), most records first: key = company id, label = name.
    pub purchase_companies: Vec<CountBy>,
    pub archives_total: i64,
    /// Of them, Footprint's invented demo archives (the app shows a banner while any is loaded).
    pub demo_archives: i64,
    pub records_total: i64,
    /// Every data holder, platforms included.
    pub companies_total: i64,
    pub third_parties_total: i64,
    /// Companies per relation (a company can have several).
    pub by_relation: Vec<CountBy>,
    pub platforms: Vec<PlatformCategories>,
    pub top_holders: Vec<CompanySummary>,
    pub monthly: Vec<MonthCount>,
    pub changes: Vec<ExportChange>,
}

/// Purchases of one platform in one year and currency (amounts are never converted).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SpendRow {
    pub platform: String,
    pub platform_name: String,
    /// Calendar year (UTC); `None` for purchases without a date.
    pub year: Option<i64>,
    /// ISO 4217.
    pub currency: String,
    /// Records with an amount (orders, payments; refunds are negative amounts).
    pub records: i64,
    /// Sum of the amounts, in minor units of the currency.
    pub total_minor: i64,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DbInfo {
    pub path: Option<String>,
    /// Database file plus its write-ahead log.
    pub bytes: i64,
    pub schema_version: i64,
}

/// Importer display name for an id.
pub fn platform_name(id: &str) -> String {
    crate::registry::by_id(id)
        .map(|i| i.name().to_string())
        .unwrap_or_else(|| id.to_string())
}

fn json_list(s: Option<String>) -> Vec<String> {
    s.and_then(|s| serde_json::from_str::<Vec<Option<String>>>(&s).ok())
        .map(|v| v.into_iter().flatten().collect())
        .unwrap_or_default()
}

/// Every stored time handed to a screen or a script goes through this: an impossible value
/// (an older database's sentinel) is `null`, never a number that reads as a date.
fn shown(ms: Option<i64>) -> Option<i64> {
    crate::time::shown(ms)
}

/// `YYYY-MM-DD` of a filter bound (any instant chrono can hold; a bound is not shown).
fn day_of(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| if ms < 0 { "0000-01-01".into() } else { "9999-12-31".into() })
}

const RECORD_COLS: &str = "r.id, r.platform, r.kind, r.category, r.ts, r.ts_end, r.title, r.body, r.lat, r.lon,
     c.name, r.relation, f.path, r.position, r.archive_id, r.data, r.dedup, r.amount_minor, r.currency";
/// `FROM` of a record list; `index` forces the records' index (see [`TextPlan`]).
fn record_from(index: Option<&str>) -> String {
    let hint = index.map(|i| format!(" INDEXED BY {i}")).unwrap_or_default();
    format!("records r{hint} JOIN files f ON f.id = r.file_id LEFT JOIN companies c ON c.id = r.company_id")
}

/// A record's place in the newest-first order (`records_key`'s first column): rows without a
/// time sort last, as i64::MIN.
const TS_EXPR: &str = "coalesce(r.ts, -9223372036854775808)";

/// The first `limit` of `rows` (fetched one more than a page, to know whether a next exists),
/// with the cursor of the next page.
fn page(mut rows: Vec<RecordRow>, limit: i64) -> SearchPage {
    let next = if rows.len() as i64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(|r| Cursor {
            ts: r.ts.unwrap_or(i64::MIN),
            key: r.key.clone(),
        })
    } else {
        None
    };
    SearchPage { rows, next }
}

/// Matches of a text search above which [`TextPlan::TimeScan`] is the faster plan: about
/// sqrt(21 x 10 million), where looking every match up costs what walking the time index
/// until a page of matches is found costs.
pub const DENSE_TEXT_MATCHES: i64 = 20_000;

/// How a text search finds its newest matches. Both give the same rows in the same order
/// (tests/search_plans.rs compares them with a brute-force sort); only the cost differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextPlan {
    /// [`TextPlan::TimeScan`] when the words match more than [`DENSE_TEXT_MATCHES`] records
    /// and no other filter narrows the list; [`TextPlan::LookUp`] otherwise.
    Auto,
    /// Look every match up and sort them by time: cost grows with the matches (a common
    /// word matches a million records on a big database: seconds).
    LookUp,
    /// Walk `records_key` newest first and keep the rows among the matches: cost grows with
    /// the rows walked until a page is full, few for a common word, all of them for a rare
    /// one. Each row is checked on its own in the full-text index when the words have no
    /// prefix left (crate::text_walk), for at most [`TIME_WALK_SEEKS`] seeks; past those, and
    /// for a prefix FTS5 must merge, against all the matches read once into a bitmap (with
    /// another filter than time, into SQLite's temporary index of them).
    TimeScan,
    /// [`TextPlan::TimeScan`] that checks at most this many rows one by one (tests: the hand-over
    /// to the set on a small database).
    TimeScanWithin(usize),
}

/// Seeks (rows times terms) the time walk spends checking rows one by one before it collects
/// the matches into a set instead. A row's check of one term costs about 60 us on 10 million
/// records (a seek in each segment of the index: 15 there), so 300 cost 18 ms: enough for a
/// word whose newest matches are among the newest rows ("coffee": 172 rows), and little lost
/// on one whose matches start further down ("watched": 166,094 rows), where only the set pays.
pub const TIME_WALK_SEEKS: usize = 300;

fn record_row(r: &Row<'_>) -> rusqlite::Result<RecordRow> {
    Ok(RecordRow {
        id: r.get(0)?,
        platform: r.get(1)?,
        kind: r.get(2)?,
        category: r.get(3)?,
        ts: shown(r.get(4)?),
        ts_end: shown(r.get(5)?),
        title: r.get(6)?,
        body: r.get(7)?,
        lat: r.get(8)?,
        lon: r.get(9)?,
        company: r.get(10)?,
        relation: r.get(11)?,
        file: r.get(12)?,
        position: r.get(13)?,
        archive_id: r.get(14)?,
        data: r.get(15)?,
        key: r.get::<_, i64>(16)?.to_string(),
        amount_minor: r.get(17)?,
        currency: r.get(18)?,
    })
}

/// The words of a text search: split on whitespace, quotes dropped (no FTS5 syntax).
fn search_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.replace('"', ""))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Turn user text into a safe FTS5 query: every word quoted (no operators), all must match,
/// the last one as a prefix so results appear while typing.
pub fn fts_query(text: &str) -> Option<String> {
    let words = search_words(text);
    let (last, rest) = words.split_last()?;
    let mut parts: Vec<String> = rest.iter().map(|w| format!("\"{w}\"")).collect();
    parts.push(format!("\"{last}\"*"));
    Some(parts.join(" "))
}

/// The text filter of a search, as FTS5 is asked it.
enum TextFilter {
    /// No words.
    Any,
    /// The last word starts no term of the index: no record matches.
    Nothing,
    Match {
        query: String,
        /// Set when no prefix is left in `query` (the last word became an OR of its terms):
        /// FTS5 reads it lazily, so a check of one row (`rowid = ?`) costs a seek per term,
        /// not a merge. The number of terms (and words) to seek.
        exact_terms: Option<usize>,
    },
}

/// [`fts_query`] with the last word's prefix replaced by the terms that start with it
/// (`terms`, from [`crate::prefix_terms::expand`]): the same matches.
fn exact_fts_query(rest: &[String], terms: &[String]) -> String {
    let mut parts: Vec<String> = rest.iter().map(|w| format!("\"{w}\"")).collect();
    let any = terms.iter().map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(" OR ");
    parts.push(if terms.len() == 1 { any } else { format!("({any})") });
    parts.join(" AND ")
}

impl Store {
    pub fn archives(&self) -> Result<Vec<ArchiveSummary>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT a.id, a.platform, a.account, a.sources, a.imported_at, a.export_date, a.records,
                   (SELECT count(*) FROM files f WHERE f.archive_id = a.id),
                   (SELECT count(*) FROM files f WHERE f.archive_id = a.id AND f.role = 'parse'),
                   (SELECT count(*) FROM files f WHERE f.archive_id = a.id AND f.role = 'skip'),
                   (SELECT count(*) FROM files f WHERE f.archive_id = a.id AND f.role = 'unknown'),
                   (SELECT coalesce(sum(bytes), 0) FROM files f WHERE f.archive_id = a.id),
                   a.demo,
                   (SELECT count(*) FROM files f WHERE f.archive_id = a.id AND f.role = 'index')
                 FROM archives a ORDER BY a.id",
            )
            .map_err(self.err())?;
        let rows = st
            .query_map([], |r| {
                let platform: String = r.get(1)?;
                Ok(ArchiveSummary {
                    id: r.get(0)?,
                    platform_name: platform_name(&platform),
                    platform,
                    account: r.get(2)?,
                    sources: json_list(r.get(3)?),
                    imported_at: r.get(4)?,
                    export_date: shown(r.get(5)?),
                    records: r.get(6)?,
                    files_total: r.get(7)?,
                    files_parsed: r.get(8)?,
                    files_indexed: r.get(13)?,
                    files_skipped: r.get(9)?,
                    files_unknown: r.get(10)?,
                    bytes: r.get(11)?,
                    demo: r.get::<_, i64>(12)? == 1,
                })
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    pub fn archive_report(&self, id: i64) -> Result<Option<ImportReport>, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT report FROM archives WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(self.err())?;
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }

    /// Orders and spend per platform, year and currency, purchases only, from the `spending`
    /// summary the import writer keeps (year 0 there: no date).
    pub fn spending(&self) -> Result<Vec<SpendRow>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT platform, nullif(year, 0), currency, records, total_minor FROM spending
                 ORDER BY platform, year DESC, currency",
            )
            .map_err(self.err())?;
        let rows = st
            .query_map([], |r| {
                let platform: String = r.get(0)?;
                Ok(SpendRow {
                    platform_name: platform_name(&platform),
                    platform,
                    year: r.get(1)?,
                    currency: r.get(2)?,
                    records: r.get(3)?,
                    total_minor: r.get(4)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Third parties on purchase records (from the per-company summary: no scan of the
    /// records or the holdings).
    pub fn purchase_companies(&self) -> Result<Vec<CountBy>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT c.id, c.name, s.purchases FROM company_summaries s JOIN companies c ON c.id = s.company_id
                 WHERE s.platform = 0 AND s.purchases > 0 ORDER BY s.purchases DESC, c.name LIMIT 40",
            )
            .map_err(self.err())?;
        let rows = st
            .query_map([], |r| {
                Ok(CountBy {
                    key: r.get::<_, i64>(0)?.to_string(),
                    label: r.get(1)?,
                    count: r.get(2)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Remove every demo archive (Footprint's invented data); the user's own archives stay.
    pub fn remove_demo(&mut self) -> Result<Vec<RemoveOutcome>, StoreError> {
        let ids: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM archives WHERE demo = 1 ORDER BY id")
            .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
            .map_err(self.err())?;
        let outcomes = ids
            .into_iter()
            .map(|id| self.remove_archive_rows(id))
            .collect::<Result<Vec<_>, _>>()?;
        if !outcomes.is_empty() {
            self.erase_deleted()?;
        }
        Ok(outcomes)
    }

    /// Remove an archive and everything derived from it, in one transaction. Records that a
    /// later export of the same account also contains are handed over to it, not lost. Then
    /// erase: nothing only this archive held is left in the database's files (docs/PRIVACY.md).
    pub fn remove_archive(&mut self, id: i64) -> Result<RemoveOutcome, StoreError> {
        let outcome = self.remove_archive_rows(id)?;
        self.erase_deleted()?;
        Ok(outcome)
    }

    /// Settings' "delete everything": every archive and all that was derived from it, the
    /// user's requests and own company contacts, then erased like a removal. The database
    /// stays (empty, same schema), so the app's open connections keep working.
    pub fn delete_everything(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = StoreError::sql(&path);
        let tx = self.conn.transaction().map_err(&err)?;
        // The records' delete trigger takes their words out of the full-text index.
        tx.execute_batch(
            "DELETE FROM record_also_in;
             DELETE FROM records;
             DELETE FROM archives;
             DELETE FROM requests;
             DELETE FROM contact_overrides;
             DELETE FROM user_settings;",
        )
        .map_err(&err)?;
        Store::mark_erase_pending(&tx).map_err(&err)?;
        crate::summaries::rebuild(&tx).map_err(&err)?;
        holders::rebuild_holdings(&tx).map_err(&err)?;
        tx.commit().map_err(&err)?;
        self.erase_deleted()
    }

    pub(crate) fn remove_archive_rows(&mut self, id: i64) -> Result<RemoveOutcome, StoreError> {
        let path = self.path.clone();
        let err = StoreError::sql(&path);
        let tx = self.conn.transaction().map_err(&err)?;
        let exists: Option<i64> = tx
            .query_row("SELECT id FROM archives WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(&err)?;
        if exists.is_none() {
            return Err(StoreError::NotFound(format!(
                "no archive with id {id} (see `footprint archives`)"
            )));
        }
        let companies_before: i64 = tx
            .query_row("SELECT count(*) FROM companies", [], |r| r.get(0))
            .map_err(&err)?;
        // Hand over records that another archive also holds: the smallest other archive id.
        let handed = tx
            .execute(
                "UPDATE records SET
                   archive_id = (SELECT min(x.archive_id) FROM record_also_in x WHERE x.record_id = records.id AND x.archive_id != ?1),
                   file_id = (SELECT x.file_id FROM record_also_in x WHERE x.record_id = records.id AND x.archive_id != ?1 ORDER BY x.archive_id LIMIT 1),
                   position = (SELECT x.position FROM record_also_in x WHERE x.record_id = records.id AND x.archive_id != ?1 ORDER BY x.archive_id LIMIT 1)
                 WHERE archive_id = ?1
                   AND EXISTS (SELECT 1 FROM record_also_in x WHERE x.record_id = records.id AND x.archive_id != ?1)",
                [id],
            )
            .map_err(&err)?;
        tx.execute(
            "DELETE FROM record_also_in WHERE (record_id, archive_id) IN
               (SELECT x.record_id, r.archive_id FROM record_also_in x JOIN records r ON r.id = x.record_id WHERE x.archive_id = r.archive_id)",
            [],
        )
        .map_err(&err)?;
        let removed = tx
            .execute("DELETE FROM records WHERE archive_id = ?1", [id])
            .map_err(&err)?;
        tx.execute("DELETE FROM record_also_in WHERE archive_id = ?1", [id])
            .map_err(&err)?;
        tx.execute("DELETE FROM archives WHERE id = ?1", [id])
            .map_err(&err)?;
        Store::mark_erase_pending(&tx).map_err(&err)?;
        // Summaries first: the platforms' holdings are computed from them.
        crate::summaries::rebuild(&tx).map_err(&err)?;
        holders::rebuild_holdings(&tx).map_err(&err)?;
        let companies_after: i64 = tx
            .query_row("SELECT count(*) FROM companies", [], |r| r.get(0))
            .map_err(&err)?;
        tx.commit().map_err(&err)?;
        Ok(RemoveOutcome {
            archive_id: id,
            records_removed: removed as i64,
            records_handed_over: handed as i64,
            companies_removed: companies_before - companies_after,
        })
    }

    pub fn companies(&self, q: &CompanyQuery) -> Result<Vec<CompanySummary>, StoreError> {
        let mut sql = format!("{COMPANY_SUMMARY} WHERE 1 = 1");
        let mut args: Vec<Value> = Vec::new();
        if let Some(t) = q.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            sql.push_str(
                " AND (c.name LIKE ?1 ESCAPE '\\' OR EXISTS (SELECT 1 FROM company_aliases a WHERE a.company_id = c.id AND a.alias LIKE ?1 ESCAPE '\\'))",
            );
            let escaped = t.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            args.push(Value::Text(format!("%{escaped}%")));
        }
        if let Some(rel) = &q.relation {
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM holdings h3 WHERE h3.company_id = c.id AND h3.relation = ?{})",
                args.len() + 1
            ));
            args.push(Value::Text(rel.clone()));
        }
        sql.push_str(match q.sort.as_deref() {
            Some("name") => " ORDER BY c.name COLLATE NOCASE",
            Some("last_seen") => " ORDER BY s.last_seen DESC NULLS LAST, c.name",
            _ => " ORDER BY s.platform DESC, s.records DESC, c.name COLLATE NOCASE",
        });
        sql.push_str(&format!(
            " LIMIT {} OFFSET {}",
            q.limit.unwrap_or(1000).clamp(1, 100_000),
            q.offset.unwrap_or(0).max(0)
        ));
        let mut st = self.conn.prepare(&sql).map_err(self.err())?;
        let rows = st
            .query_map(params_from_iter(args), company_summary)
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Find a company by id, or by name/alias (exact key match first, then substring).
    pub fn find_company(&self, name_or_id: &str) -> Result<Option<i64>, StoreError> {
        if let Ok(id) = name_or_id.parse::<i64>() {
            return Ok(Some(id));
        }
        let key = holders::canonical_key(name_or_id);
        let id: Option<i64> = self
            .conn
            .query_row("SELECT id FROM companies WHERE key = ?1", [&key], |r| r.get(0))
            .optional()
            .map_err(self.err())?;
        if id.is_some() {
            return Ok(id);
        }
        let list = self.companies(&CompanyQuery {
            text: Some(name_or_id.to_string()),
            limit: Some(1),
            ..Default::default()
        })?;
        Ok(list.first().map(|c| c.id))
    }

    pub fn company(&self, id: i64) -> Result<Option<CompanyDetail>, StoreError> {
        let summary = self
            .conn
            .query_row(
                &format!("{COMPANY_SUMMARY} WHERE c.id = ?1"),
                [id],
                company_summary,
            )
            .optional()
            .map_err(self.err())?;
        let Some(summary) = summary else {
            return Ok(None);
        };
        let aliases: Vec<String> = self
            .conn
            .prepare("SELECT alias FROM company_aliases WHERE company_id = ?1 ORDER BY alias")
            .and_then(|mut st| {
                st.query_map([id], |r| r.get(0))?
                    .collect::<Result<Vec<String>, _>>()
            })
            .map_err(self.err())?;
        let holdings: Vec<Holding> = self
            .conn
            .prepare(
                "SELECT category, relation, platform, records, first_seen, last_seen, files
                 FROM holdings WHERE company_id = ?1 ORDER BY relation, records DESC",
            )
            .and_then(|mut st| {
                st.query_map([id], |r| {
                    let category: String = r.get(0)?;
                    let relation: String = r.get(1)?;
                    Ok(Holding {
                        category_label: Category::parse(&category)
                            .map(|c| c.label().to_string())
                            .unwrap_or_else(|| category.clone()),
                        relation_label: Relation::parse(&relation)
                            .map(|c| c.label().to_string())
                            .unwrap_or_else(|| relation.clone()),
                        category,
                        relation,
                        platform: r.get(2)?,
                        records: r.get(3)?,
                        first_seen: shown(r.get(4)?),
                        last_seen: shown(r.get(5)?),
                        files: json_list(r.get(6)?),
                    })
                })?
                .collect::<Result<Vec<_>, _>>()
            })
            .map_err(self.err())?;
        let evidence = if summary.is_platform {
            Vec::new()
        } else {
            self.search(&SearchQuery {
                company_id: Some(id),
                limit: Some(100),
                ..Default::default()
            })?
            .rows
        };
        Ok(Some(CompanyDetail {
            summary,
            aliases,
            holdings,
            evidence,
        }))
    }

    /// Records matching filters, newest first, paged by keyset.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchPage, StoreError> {
        self.search_with(q, TextPlan::Auto)
    }

    /// Do the words of a text search match more than [`DENSE_TEXT_MATCHES`] records?
    /// (Stops counting there.)
    fn text_is_dense(&self, fts: &str) -> Result<bool, StoreError> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM (SELECT 1 FROM records_fts WHERE records_fts MATCH ?1 LIMIT ?2)",
                params![fts, DENSE_TEXT_MATCHES + 1],
                |r| r.get(0),
            )
            .map_err(self.err())?;
        Ok(n > DENSE_TEXT_MATCHES)
    }

    /// The words of `text` as FTS5 is asked them: the last word's prefix expanded into its
    /// terms where the tokenizer keeps it whole and few terms start with it.
    fn text_filter(&self, text: Option<&str>) -> Result<TextFilter, StoreError> {
        let words = search_words(text.unwrap_or_default());
        let Some((last, rest)) = words.split_last() else {
            return Ok(TextFilter::Any);
        };
        Ok(match crate::prefix_terms::expand(&self.conn, last).map_err(self.err())? {
            Some(terms) if terms.is_empty() => TextFilter::Nothing,
            Some(terms) => TextFilter::Match {
                query: exact_fts_query(rest, &terms),
                exact_terms: Some(rest.len() + terms.len()),
            },
            None => TextFilter::Match {
                query: fts_query(text.unwrap_or_default()).expect("words"),
                exact_terms: None,
            },
        })
    }

    /// [`Store::search`] with a chosen plan for the text (the same answer whatever the plan).
    pub fn search_with(&self, q: &SearchQuery, plan: TextPlan) -> Result<SearchPage, StoreError> {
        // One read transaction: the terms of the last word and the rows are read from the
        // same state of the index (an import committing between them would add rows whose
        // new terms the expansion missed).
        let _snapshot = match self.conn.is_autocommit() {
            true => Some(self.conn.unchecked_transaction().map_err(self.err())?),
            false => None,
        };
        let limit = q.limit.unwrap_or(50).clamp(1, 1000);
        let (fts, exact_terms) = match self.text_filter(q.text.as_deref())? {
            TextFilter::Any => (None, None),
            TextFilter::Nothing => return Ok(SearchPage { rows: Vec::new(), next: None }),
            TextFilter::Match { query, exact_terms } => (Some(query), exact_terms),
        };
        // Another filter (a platform, a company, ...) may leave few of the matches: walking
        // the time index could then pass most records before a page is full.
        let narrowed = q.company_id.is_some()
            || [&q.platform, &q.kind, &q.category]
                .iter()
                .any(|v| v.as_deref().is_some_and(|v| !v.is_empty()));
        // Rows the walk checks one by one: its budget of seeks shared among the terms.
        let walk_budget = (TIME_WALK_SEEKS / exact_terms.unwrap_or(1).max(1)).max(1);
        let walk_rows = match (&fts, plan) {
            (None, _) | (Some(_), TextPlan::LookUp) => None,
            (Some(_), TextPlan::TimeScan) => Some(walk_budget),
            (Some(_), TextPlan::TimeScanWithin(rows)) => Some(rows),
            (Some(m), TextPlan::Auto) => (!narrowed && self.text_is_dense(m)?).then_some(walk_budget),
        };
        let after = q.after.as_ref().map(|c| (c.ts, c.key.parse().unwrap_or(i64::MAX)));
        let want = limit as usize + 1;
        let rows = match (&fts, walk_rows) {
            // The walks know the time filters only; with another filter a forced time scan
            // checks the rows against SQLite's set.
            (Some(m), Some(max_rows)) if !narrowed => match self.walk_text(m, exact_terms.is_some(), q, after, want, max_rows)? {
                Some(ids) => self.records_by_id(&ids)?,
                None => self.record_list(q, fts.as_deref(), true, after, want)?,
            },
            _ => self.record_list(q, fts.as_deref(), walk_rows.is_some(), after, want)?,
        };
        Ok(page(rows, limit))
    }

    /// The ids of the first `want` matches of `fts` after `after`, by walking `records_key`:
    /// each row checked on its own for `max_rows` rows when `fts` is exact, then (or at once)
    /// against the set of all matches. `None` when the set cannot be a bitmap.
    fn walk_text(
        &self,
        fts: &str,
        exact: bool,
        q: &SearchQuery,
        after: Option<(i64, i64)>,
        want: usize,
        max_rows: usize,
    ) -> Result<Option<Vec<i64>>, StoreError> {
        use crate::text_walk::{walk, walk_with_set, Bounds};
        let mut bounds = Bounds {
            from_ms: q.from_ms,
            to_ms: q.to_ms,
            after,
        };
        let mut ids = Vec::new();
        if exact {
            let walked = walk(&self.conn, fts, &bounds, want, max_rows).map_err(self.err())?;
            ids = walked.ids;
            match walked.gave_up_after {
                None => return Ok(Some(ids)),
                // Not a page yet: the rest from the set, after the last row checked.
                Some(passed) => bounds.after = Some(passed),
            }
        }
        let Some(rest) = walk_with_set(&self.conn, fts, &bounds, want - ids.len()).map_err(self.err())? else {
            return Ok(None);
        };
        ids.extend(rest);
        Ok(Some(ids))
    }

    /// The records with these ids, newest first.
    fn records_by_id(&self, ids: &[i64]) -> Result<Vec<RecordRow>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks = vec!["?"; ids.len()].join(", ");
        let sql = format!(
            "SELECT {RECORD_COLS} FROM {} WHERE r.id IN ({marks}) ORDER BY {TS_EXPR} DESC, r.dedup DESC",
            record_from(None)
        );
        self.record_rows(&sql, params_from_iter(ids))
    }

    /// The records `sql` (selecting [`RECORD_COLS`]) returns.
    fn record_rows(&self, sql: &str, args: impl rusqlite::Params) -> Result<Vec<RecordRow>, StoreError> {
        let mut st = self.conn.prepare(sql).map_err(self.err())?;
        let rows = st
            .query_map(args, record_row)
            .map_err(self.err())?
            .collect::<Result<_, _>>()
            .map_err(self.err());
        rows
    }

    /// The first `take` records matching `q`'s filters and the FTS5 query `fts`, newest first,
    /// after the position `after` (time, key); `by_time` walks `records_key` (see [`TextPlan`]).
    fn record_list(
        &self,
        q: &SearchQuery,
        fts: Option<&str>,
        by_time: bool,
        after: Option<(i64, i64)>,
        take: usize,
    ) -> Result<Vec<RecordRow>, StoreError> {
        let from = record_from(by_time.then_some("records_key"));
        let mut sql = format!("SELECT {RECORD_COLS} FROM {from}");
        let mut args: Vec<Value> = Vec::new();
        let mut cond: Vec<String> = Vec::new();
        let arg = |v: Value, args: &mut Vec<Value>| {
            args.push(v);
            format!("?{}", args.len())
        };
        if let Some(m) = fts {
            let p = arg(Value::Text(m.to_string()), &mut args);
            cond.push(format!("r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH {p})"));
        }
        for (col, v) in [
            ("r.platform", &q.platform),
            ("r.kind", &q.kind),
            ("r.category", &q.category),
        ] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                let p = arg(Value::Text(v.to_string()), &mut args);
                cond.push(format!("{col} = {p}"));
            }
        }
        if let Some(c) = q.company_id {
            let p = arg(Value::Integer(c), &mut args);
            cond.push(format!("r.company_id = {p}"));
        }
        if let Some(f) = q.from_ms {
            let p = arg(Value::Integer(f), &mut args);
            cond.push(format!("r.ts >= {p}"));
        }
        if let Some(t) = q.to_ms {
            let p = arg(Value::Integer(t), &mut args);
            cond.push(format!("r.ts < {p}"));
        }
        if let Some((ts, key)) = after {
            let a = arg(Value::Integer(ts), &mut args);
            let b = arg(Value::Integer(key), &mut args);
            cond.push(format!("({TS_EXPR} < {a} OR ({TS_EXPR} = {a} AND r.dedup < {b}))"));
        }
        if !cond.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&cond.join(" AND "));
        }
        sql.push_str(&format!(" ORDER BY {TS_EXPR} DESC, r.dedup DESC LIMIT {take}"));
        self.record_rows(&sql, params_from_iter(args))
    }

    /// Records per period and platform, from the per-day summary (instant on millions of
    /// records). Periods are UTC.
    pub fn timeline(&self, q: &TimelineQuery) -> Result<Vec<TimelineBucket>, StoreError> {
        let len = match q.by.as_deref() {
            Some("day") => 10,
            Some("year") => 4,
            _ => 7,
        };
        // Months and years without a day filter come from the per-month summary (a few
        // thousand rows), the rest from the per-day one.
        let (table, col) = if len < 10 && q.from_ms.is_none() && q.to_ms.is_none() {
            ("activity_months", "month")
        } else {
            ("activity_days", "day")
        };
        // Days that are no date (an older database's `0000-00-00`, `+510-...`) never reach a chart.
        let mut cond = vec![format!("{col} >= '1995' AND {col} < '2100'")];
        let mut args: Vec<Value> = vec![Value::Integer(len)];
        if let Some(p) = &q.platform {
            args.push(Value::Text(p.clone()));
            cond.push(format!("platform = ?{}", args.len()));
        }
        if let Some(f) = q.from_ms {
            args.push(Value::Text(day_of(f)));
            cond.push(format!("day >= ?{}", args.len()));
        }
        if let Some(t) = q.to_ms {
            args.push(Value::Text(day_of(t)));
            cond.push(format!("day < ?{}", args.len()));
        }
        let sql = format!(
            "SELECT substr({col}, 1, ?1) AS b, platform, sum(records)
             FROM {table} WHERE {} GROUP BY b, platform ORDER BY b, platform",
            cond.join(" AND ")
        );
        let mut st = self.conn.prepare(&sql).map_err(self.err())?;
        let rows = st
            .query_map(params_from_iter(args), |r| {
                Ok(TimelineBucket {
                    bucket: r.get(0)?,
                    platform: r.get(1)?,
                    records: r.get(2)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Location points binned on a grid (a million points become a few thousand bins), plus
    /// named visits.
    pub fn map(&self, q: &MapQuery) -> Result<MapData, StoreError> {
        // From the ~1 km grid of geo_cells (see the migration): instant on a million points.
        let mean_lat = "(sum_lat / points)";
        let mean_lon = "(sum_lon / points)";
        let (total, w0, s0, e0, n0): (i64, Option<f64>, Option<f64>, Option<f64>, Option<f64>) = self
            .conn
            .query_row(
                &format!("SELECT coalesce(sum(points), 0), min({mean_lon}), min({mean_lat}), max({mean_lon}), max({mean_lat}) FROM geo_cells"),
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .map_err(self.err())?;
        let extent = match (w0, s0, e0, n0) {
            (Some(w), Some(s), Some(e), Some(n)) => Some([w, s, e, n]),
            _ => None,
        };
        let Some([ew, es, ee, en]) = extent else {
            return Ok(MapData {
                bins: vec![],
                visits: vec![],
                total_points: 0,
                extent: None,
            });
        };
        let west = q.west.unwrap_or(ew);
        let south = q.south.unwrap_or(es);
        let east = q.east.unwrap_or(ee);
        let north = q.north.unwrap_or(en);
        let cells = q.cells.unwrap_or(128).clamp(1, 1024) as f64;
        let span = (east - west).max(north - south).max(1e-6);
        let cell = span / cells;
        let mut st = self
            .conn
            .prepare(&format!(
                "SELECT sum(sum_lat) / sum(points), sum(sum_lon) / sum(points), sum(points) FROM geo_cells
                 WHERE {mean_lat} BETWEEN ?1 AND ?2 AND {mean_lon} BETWEEN ?3 AND ?4
                 GROUP BY CAST(({mean_lat} - ?1) / ?5 AS INTEGER), CAST(({mean_lon} - ?3) / ?5 AS INTEGER)"
            ))
            .map_err(self.err())?;
        let bins = st
            .query_map(params![south, north, west, east, cell], |r| {
                Ok(MapBin {
                    lat: r.get(0)?,
                    lon: r.get(1)?,
                    count: r.get(2)?,
                })
            })
            .map_err(self.err())?
            .collect::<Result<Vec<_>, _>>()
            .map_err(self.err())?;
        let mut st = self
            .conn
            .prepare(
                "SELECT lat, lon, title, ts FROM records INDEXED BY records_visits
                 WHERE kind = 'place_visit' AND lat BETWEEN ?1 AND ?2 AND lon BETWEEN ?3 AND ?4
                 ORDER BY ts DESC LIMIT 2000",
            )
            .map_err(self.err())?;
        let visits = st
            .query_map(params![south, north, west, east], |r| {
                Ok(MapVisit {
                    lat: r.get(0)?,
                    lon: r.get(1)?,
                    title: r.get(2)?,
                    ts: shown(r.get(3)?),
                })
            })
            .map_err(self.err())?
            .collect::<Result<Vec<_>, _>>()
            .map_err(self.err())?;
        Ok(MapData {
            bins,
            visits,
            total_points: total,
            extent,
        })
    }

    fn count_by(&self, sql: &str, label: fn(&str) -> String) -> Result<Vec<CountBy>, StoreError> {
        let mut st = self.conn.prepare(sql).map_err(self.err())?;
        let rows = st
            .query_map([], |r| {
                let key: String = r.get(0)?;
                Ok(CountBy {
                    label: label(&key),
                    key,
                    count: r.get(1)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    fn scalar(&self, sql: &str) -> Result<i64, StoreError> {
        self.conn
            .query_row(sql, [], |r| r.get(0))
            .map_err(self.err())
    }

    pub fn stats(&self) -> Result<Stats, StoreError> {
        let (first_ts, last_ts): (Option<i64>, Option<i64>) = self
            .conn
            .query_row("SELECT min(first_ts), max(last_ts) FROM record_counts", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(self.err())?;
        let (first_ts, last_ts) = (shown(first_ts), shown(last_ts));
        Ok(Stats {
            records: self.scalar("SELECT coalesce(sum(records), 0) FROM record_counts")?,
            archives: self.scalar("SELECT count(*) FROM archives")?,
            companies: self.scalar("SELECT count(*) FROM company_summaries")?,
            third_parties: self.scalar("SELECT count(*) FROM company_summaries WHERE platform = 0")?,
            identities: self.scalar("SELECT count(*) FROM (SELECT DISTINCT kind, value FROM identities)")?,
            by_platform: self.count_by(
                "SELECT platform, sum(records) FROM record_counts GROUP BY platform ORDER BY 2 DESC",
                platform_name,
            )?,
            by_kind: self.count_by(
                "SELECT kind, sum(records) FROM record_counts GROUP BY kind ORDER BY 2 DESC",
                |k| k.replace('_', " "),
            )?,
            by_category: self.count_by(
                "SELECT category, sum(records) FROM record_counts GROUP BY category ORDER BY 2 DESC",
                category_label,
            )?,
            first_ts,
            last_ts,
            db_bytes: self.db_info()?.bytes,
        })
    }

    pub fn identities(&self) -> Result<Vec<IdentityRow>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT i.kind, i.value, json_group_array(DISTINCT a.platform)
                 FROM identities i JOIN archives a ON a.id = i.archive_id
                 GROUP BY i.kind, i.value ORDER BY i.kind, i.value",
            )
            .map_err(self.err())?;
        let rows = st
            .query_map([], |r| {
                Ok(IdentityRow {
                    kind: r.get(0)?,
                    value: r.get(1)?,
                    platforms: json_list(r.get(2)?),
                })
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    pub fn overview(&self) -> Result<Overview, StoreError> {
        let by_relation = self.count_by(
            "SELECT relation, companies FROM relation_counts ORDER BY 2 DESC",
            |k| {
                Relation::parse(k)
                    .map(|r| r.label().to_string())
                    .unwrap_or_else(|| k.to_string())
            },
        )?;
        let mut platforms: Vec<PlatformCategories> = Vec::new();
        {
            let mut st = self
                .conn
                .prepare("SELECT platform, category, sum(records) FROM record_counts GROUP BY platform, category ORDER BY platform, 3 DESC")
                .map_err(self.err())?;
            let rows = st
                .query_map([], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?))
                })
                .map_err(self.err())?;
            for row in rows {
                let (p, c, n) = row.map_err(self.err())?;
                if platforms.last().map(|x| x.platform != p).unwrap_or(true) {
                    platforms.push(PlatformCategories {
                        platform_name: platform_name(&p),
                        platform: p,
                        records: 0,
                        categories: vec![],
                    });
                }
                let last = platforms.last_mut().expect("pushed");
                last.records += n;
                last.categories.push(CountBy {
                    label: category_label(&c),
                    key: c,
                    count: n,
                });
            }
        }
        let top_holders = self.companies(&CompanyQuery {
            limit: Some(10),
            ..Default::default()
        })?;
        let monthly: Vec<MonthCount> = self
            .timeline(&TimelineQuery::default())?
            .into_iter()
            .map(|b| MonthCount {
                platform: b.platform,
                month: b.bucket,
                records: b.records,
            })
            .collect();
        Ok(Overview {
            spending: self.spending()?,
            purchase_companies: self.purchase_companies()?,
            archives_total: self.scalar("SELECT count(*) FROM archives")?,
            demo_archives: self.scalar("SELECT count(*) FROM archives WHERE demo = 1")?,
            records_total: self.scalar("SELECT coalesce(sum(records), 0) FROM record_counts")?,
            companies_total: self.scalar("SELECT count(*) FROM company_summaries")?,
            third_parties_total: self.scalar("SELECT count(*) FROM company_summaries WHERE platform = 0")?,
            by_relation,
            platforms,
            top_holders,
            monthly,
            changes: self.changes()?,
        })
    }

    /// For each account with two or more exports: what the latest added over the earlier ones.
    fn changes(&self) -> Result<Vec<ExportChange>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT platform, account, max(id), count(*) FROM archives
                 GROUP BY platform, coalesce(account, '') HAVING count(*) > 1",
            )
            .map_err(self.err())?;
        let groups: Vec<(String, Option<String>, i64)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(self.err())?
            .collect::<Result<_, _>>()
            .map_err(self.err())?;
        let mut out = Vec::new();
        for (platform, account, latest) in groups {
            let previous: i64 = self
                .conn
                .query_row(
                    "SELECT max(id) FROM archives WHERE platform = ?1 AND coalesce(account, '') = coalesce(?2, '') AND id < ?3",
                    params![platform, account, latest],
                    |r| r.get(0),
                )
                .map_err(self.err())?;
            let new_records: i64 = self
                .conn
                .query_row("SELECT count(*) FROM records WHERE archive_id = ?1", [latest], |r| r.get(0))
                .map_err(self.err())?;
            let new_companies: Vec<String> = self
                .conn
                .prepare(
                    "SELECT DISTINCT c.name FROM records r JOIN companies c ON c.id = r.company_id
                     WHERE r.archive_id = ?1 AND NOT EXISTS
                       (SELECT 1 FROM records o WHERE o.company_id = r.company_id AND o.archive_id != ?1)
                     ORDER BY c.name",
                )
                .and_then(|mut st| st.query_map([latest], |r| r.get(0))?.collect::<Result<Vec<String>, _>>())
                .map_err(self.err())?;
            out.push(ExportChange {
                platform,
                account,
                previous_archive: previous,
                latest_archive: latest,
                new_records,
                new_companies,
            });
        }
        Ok(out)
    }

    pub fn db_info(&self) -> Result<DbInfo, StoreError> {
        let bytes = match &self.path {
            Some(p) => {
                let mut total = std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
                let mut wal = p.as_os_str().to_owned();
                wal.push("-wal");
                total += std::fs::metadata(std::path::PathBuf::from(wal))
                    .map(|m| m.len())
                    .unwrap_or(0);
                total as i64
            }
            None => {
                let pages: i64 = self.scalar("PRAGMA page_count")?;
                let size: i64 = self.scalar("PRAGMA page_size")?;
                pages * size
            }
        };
        Ok(DbInfo {
            path: self.path.as_ref().map(|p| p.display().to_string()),
            bytes,
            schema_version: self.schema_version()?,
        })
    }
}

fn category_label(k: &str) -> String {
    Category::parse(k)
        .map(|c| c.label().to_string())
        .unwrap_or_else(|| k.to_string())
}

/// The columns [`company_summary`] reads, from the per-company summary kept with the
/// holdings (add WHERE/ORDER BY).
const COMPANY_SUMMARY: &str = "SELECT c.id, c.name, s.platform, s.platforms, s.relations, s.categories,
    s.records, s.first_seen, s.last_seen,
    (SELECT json_group_array(a.alias) FROM company_aliases a WHERE a.company_id = c.id)
    FROM company_summaries s JOIN companies c ON c.id = s.company_id";

fn company_summary(r: &Row<'_>) -> rusqlite::Result<CompanySummary> {
    let mut relations = json_list(r.get(4)?);
    relations.sort();
    let mut categories = json_list(r.get(5)?);
    categories.sort();
    let mut platforms = json_list(r.get(3)?);
    platforms.sort();
    let mut aliases = json_list(r.get(9)?);
    aliases.sort();
    aliases.dedup();
    Ok(CompanySummary {
        id: r.get(0)?,
        name: r.get(1)?,
        is_platform: r.get::<_, i64>(2)? != 0,
        platforms,
        relations,
        categories,
        records: r.get::<_, Option<i64>>(6)?.unwrap_or(0),
        first_seen: shown(r.get(7)?),
        last_seen: shown(r.get(8)?),
        aliases,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_query_quotes_words_and_prefixes_the_last() {
        assert_eq!(fts_query("  "), None);
        assert_eq!(fts_query("rust zip").unwrap(), "\"rust\" \"zip\"*");
        // FTS syntax in user text is neutralized.
        assert_eq!(fts_query("a\" OR b").unwrap(), "\"a\" \"OR\" \"b\"*");
    }
}
