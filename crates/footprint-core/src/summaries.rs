//! Summary tables that make the dashboard instant on millions of records: counts per
//! platform/kind/category, records per day and month, map cells, records per file, and spending per
//! year and currency. The import writer adds to them as it writes (no extra pass over the
//! records); removals rebuild them from the records. The per-company summary is folded from
//! the holdings ([`rebuild_company_summaries`]), whenever those are rebuilt.

use crate::model::Record;
use crate::money::Currency;
use chrono::{DateTime, Datelike};
use rusqlite::{params, Connection};
use foldhash::HashMap as FastMap;
use std::collections::HashMap;

/// Records, earliest and latest time of a group.
type Span = (i64, Option<i64>, Option<i64>);

/// What one import added, accumulated in memory while writing. The parser thread counts each
/// batch into a delta of its own, off the writer's path; the writer merges it when every row of
/// the batch was new ([`SummaryDelta::merge`]).
#[derive(Default, Debug, PartialEq)]
pub(crate) struct SummaryDelta {
    // foldhash, not SipHash: these are updated for every record (1,400 instructions a record
    // with SipHash, most of it hashing); foldhash is seeded per process like SipHash.
    counts: FastMap<(&'static str, &'static str), Span>,
    days: FastMap<i64, i64>,
    cells: FastMap<(i64, i64), (i64, f64, f64)>,
    files: FastMap<(i64, &'static str), Span>,
    /// Records and sum of amounts per (year or 0, currency).
    spending: FastMap<(i64, Currency), (i64, i64)>,
}

fn join(e: &mut Span, other: Span) {
    e.0 += other.0;
    for t in [other.1, other.2].into_iter().flatten() {
        e.1 = Some(e.1.map_or(t, |v: i64| v.min(t)));
        e.2 = Some(e.2.map_or(t, |v: i64| v.max(t)));
    }
}

fn widen(e: &mut Span, ts: Option<i64>) {
    e.0 += 1;
    if let Some(t) = ts {
        e.1 = Some(e.1.map_or(t, |v: i64| v.min(t)));
        e.2 = Some(e.2.map_or(t, |v: i64| v.max(t)));
    }
}

/// The map grid: 100 cells per degree.
pub(crate) const CELLS_PER_DEGREE: f64 = 100.0;

fn cell_of(lat: f64, lon: f64) -> (i64, i64) {
    (
        ((lon + 180.0) * CELLS_PER_DEGREE).floor() as i64,
        ((lat + 90.0) * CELLS_PER_DEGREE).floor() as i64,
    )
}

const DAY_MS: i64 = 86_400_000;

/// The category of indexed, not understood records (never a holding).
const UNCLASSIFIED: &str = crate::model::Category::Unclassified.as_str();

/// The year a purchase is counted under: its UTC calendar year, or 0 when it has no time or
/// a time outside 1995-2099 (an older database's sentinel), as `spending` stores it.
fn spending_year(ts: Option<i64>) -> i64 {
    ts.filter(|t| (788_918_400_000..4_102_444_800_000).contains(t))
        .and_then(DateTime::from_timestamp_millis)
        .map_or(0, |d| i64::from(d.year()))
}

impl SummaryDelta {
    /// Count one record the writer inserted, in every summary it belongs to.
    pub(crate) fn add_record(&mut self, file_id: i64, r: &Record) {
        self.add(file_id, r.kind, r.category.as_str(), r.ts);
        self.add_point(r.lat, r.lon);
        if let Some(m) = r.amount {
            let e = self.spending.entry((spending_year(r.ts), m.currency)).or_insert((0, 0));
            e.0 += 1;
            e.1 += m.minor;
        }
    }

    /// Add what `other` counted, as if its records had been added here one by one.
    pub(crate) fn merge(&mut self, other: SummaryDelta) {
        for (k, span) in other.counts {
            join(self.counts.entry(k).or_insert((0, None, None)), span);
        }
        for (k, span) in other.files {
            join(self.files.entry(k).or_insert((0, None, None)), span);
        }
        for (day, n) in other.days {
            *self.days.entry(day).or_insert(0) += n;
        }
        for (cell, (n, lat, lon)) in other.cells {
            let e = self.cells.entry(cell).or_insert((0, 0.0, 0.0));
            e.0 += n;
            e.1 += lat;
            e.2 += lon;
        }
        for (k, (n, total)) in other.spending {
            let e = self.spending.entry(k).or_insert((0, 0));
            e.0 += n;
            e.1 += total;
        }
    }

    fn add_point(&mut self, lat: Option<f64>, lon: Option<f64>) {
        if let (Some(lat), Some(lon)) = (lat, lon) {
            if lat.is_finite() && lon.is_finite() {
                let e = self.cells.entry(cell_of(lat, lon)).or_insert((0, 0.0, 0.0));
                e.0 += 1;
                e.1 += lat;
                e.2 += lon;
            }
        }
    }

    fn add(&mut self, file_id: i64, kind: &'static str, category: &'static str, ts: Option<i64>) {
        widen(self.counts.entry((kind, category)).or_insert((0, None, None)), ts);
        // file_counts feed the platform's holdings; indexed text says nothing about what it
        // is, so it stays out of them (it is still counted, searched and filtered).
        if category != UNCLASSIFIED {
            widen(self.files.entry((file_id, category)).or_insert((0, None, None)), ts);
        }
        if let Some(t) = ts {
            *self.days.entry(t.div_euclid(DAY_MS)).or_insert(0) += 1;
        }
    }

    pub(crate) fn write(&self, conn: &Connection, platform: &str) -> rusqlite::Result<()> {
        let mut st = conn.prepare_cached(
            "INSERT INTO record_counts(platform, kind, category, records, first_ts, last_ts)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(platform, kind, category) DO UPDATE SET
               records = records + excluded.records,
               first_ts = CASE WHEN first_ts IS NULL OR excluded.first_ts < first_ts THEN excluded.first_ts ELSE first_ts END,
               last_ts = CASE WHEN last_ts IS NULL OR excluded.last_ts > last_ts THEN excluded.last_ts ELSE last_ts END",
        )?;
        for ((kind, category), (n, lo, hi)) in &self.counts {
            st.execute(params![platform, kind, category, n, lo, hi])?;
        }
        let mut st = conn.prepare_cached(
            "INSERT INTO activity_days(platform, day, records) VALUES (?1, ?2, ?3)
             ON CONFLICT(platform, day) DO UPDATE SET records = records + excluded.records",
        )?;
        let mut months: HashMap<String, i64> = HashMap::new();
        for (day, n) in &self.days {
            let day = day_string(*day);
            *months.entry(day[..7].to_string()).or_insert(0) += n;
            st.execute(params![platform, day, n])?;
        }
        let mut st = conn.prepare_cached(
            "INSERT INTO activity_months(platform, month, records) VALUES (?1, ?2, ?3)
             ON CONFLICT(platform, month) DO UPDATE SET records = records + excluded.records",
        )?;
        for (month, n) in &months {
            st.execute(params![platform, month, n])?;
        }
        let mut st = conn.prepare_cached(
            "INSERT INTO geo_cells(cell_x, cell_y, points, sum_lat, sum_lon) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(cell_x, cell_y) DO UPDATE SET points = points + excluded.points,
               sum_lat = sum_lat + excluded.sum_lat, sum_lon = sum_lon + excluded.sum_lon",
        )?;
        for ((x, y), (n, slat, slon)) in &self.cells {
            st.execute(params![x, y, n, slat, slon])?;
        }
        let mut st = conn.prepare_cached(
            "INSERT INTO file_counts(file_id, category, records, first_ts, last_ts)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(file_id, category) DO UPDATE SET
               records = records + excluded.records,
               first_ts = CASE WHEN first_ts IS NULL OR excluded.first_ts < first_ts THEN excluded.first_ts ELSE first_ts END,
               last_ts = CASE WHEN last_ts IS NULL OR excluded.last_ts > last_ts THEN excluded.last_ts ELSE last_ts END",
        )?;
        for ((file_id, category), (n, lo, hi)) in &self.files {
            st.execute(params![file_id, category, n, lo, hi])?;
        }
        let mut st = conn.prepare_cached(
            "INSERT INTO spending(platform, year, currency, records, total_minor) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(platform, year, currency) DO UPDATE SET
               records = records + excluded.records, total_minor = total_minor + excluded.total_minor",
        )?;
        for ((year, currency), (n, total)) in &self.spending {
            st.execute(params![platform, year, currency.as_str(), n, total])?;
        }
        Ok(())
    }
}

fn day_string(day: i64) -> String {
    DateTime::from_timestamp_millis(day * DAY_MS)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| "0000-00-00".into())
}

/// Recompute the tables from the records (after a removal).
pub(crate) fn rebuild(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "DELETE FROM record_counts;
         INSERT INTO record_counts(platform, kind, category, records, first_ts, last_ts)
           SELECT platform, kind, category, count(*), min(ts), max(ts) FROM records
           GROUP BY platform, kind, category;
         DELETE FROM activity_days;
         INSERT INTO activity_days(platform, day, records)
           SELECT platform, strftime('%Y-%m-%d', ts / 1000, 'unixepoch'), count(*) FROM records
           WHERE ts IS NOT NULL GROUP BY 1, 2;
         DELETE FROM activity_months;
         INSERT INTO activity_months(platform, month, records)
           SELECT platform, substr(day, 1, 7), sum(records) FROM activity_days GROUP BY 1, 2;
         DELETE FROM file_counts;
         INSERT INTO file_counts(file_id, category, records, first_ts, last_ts)
           SELECT file_id, category, count(*), min(ts), max(ts) FROM records
           WHERE category <> 'unclassified' GROUP BY 1, 2;
         DELETE FROM geo_cells;
         INSERT INTO geo_cells(cell_x, cell_y, points, sum_lat, sum_lon)
           SELECT CAST((lon + 180.0) * 100.0 AS INTEGER), CAST((lat + 90.0) * 100.0 AS INTEGER),
                  count(*), sum(lat), sum(lon)
           FROM records WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2;
         DELETE FROM spending;
         INSERT INTO spending(platform, year, currency, records, total_minor)
           SELECT platform,
                  CASE WHEN ts >= 788918400000 AND ts < 4102444800000
                       THEN CAST(strftime('%Y', ts / 1000, 'unixepoch') AS INTEGER) ELSE 0 END,
                  currency, count(*), sum(amount_minor)
           FROM records WHERE amount_minor IS NOT NULL AND currency IS NOT NULL
           GROUP BY 1, 2, 3;",
    )
}

/// Refill `company_summaries` and `relation_counts` from the holdings (called wherever the
/// holdings are rebuilt: after every import and removal), so the companies list and the
/// Overview read one row per company or relation.
pub(crate) fn rebuild_company_summaries(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "DELETE FROM company_summaries;
         INSERT INTO company_summaries(company_id, platform, platforms, relations, categories, records, purchases, first_seen, last_seen)
           SELECT c.id, c.platform, json_group_array(DISTINCT h.platform), json_group_array(DISTINCT h.relation),
                  json_group_array(DISTINCT h.category), sum(h.records),
                  coalesce(sum(h.records) FILTER (WHERE h.category = 'purchases'), 0), min(h.first_seen), max(h.last_seen)
           FROM companies c JOIN holdings h ON h.company_id = c.id
           GROUP BY c.id;
         DELETE FROM relation_counts;
         INSERT INTO relation_counts(relation, companies)
           SELECT relation, count(DISTINCT company_id) FROM holdings GROUP BY relation;",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;
    use crate::money::Money;

    fn records() -> Vec<Record> {
        (0..6i64)
            .map(|i| {
                let mut r = Record::new(if i % 2 == 0 { "point" } else { "order" }, Category::Location);
                // Far apart in time (two days per record) and space; the sums stay exact in f64.
                r.ts = (i != 3).then_some(1_700_000_000_000 + i * 2 * DAY_MS);
                r.lat = Some(10.5 + i as f64);
                r.lon = Some(-20.25 * i as f64);
                if i % 2 == 1 {
                    r.amount = Some(Money {
                        minor: 100 * i,
                        currency: Currency::parse("EUR").expect("EUR"),
                    });
                }
                r
            })
            .collect()
    }

    #[test]
    fn merging_batch_deltas_equals_adding_every_record_to_one() {
        let rs = records();
        let mut whole = SummaryDelta::default();
        for r in &rs {
            whole.add_record(7, r);
        }
        let mut merged = SummaryDelta::default();
        for batch in rs.chunks(4) {
            let mut part = SummaryDelta::default();
            for r in batch {
                part.add_record(7, r);
            }
            merged.merge(part);
        }
        assert_eq!(merged, whole);
        assert_eq!(whole.counts[&("point", "location")], (3, Some(1_700_000_000_000), Some(1_700_000_000_000 + 8 * DAY_MS)));
    }
}
