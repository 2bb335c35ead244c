//! The screens' summaries (migration 0013: spending per platform, year and currency; one row
//! per company for the companies list; a company's evidence read in time order from an index)
//! against a brute-force recount from the records and holdings, after imports, after a
//! removal, and after the migration's backfill of a database that did not have them.

use footprint_core::query::{CompanyQuery, CompanySummary, SearchQuery, TimelineQuery};
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::{Store, SCHEMA_VERSION};
use std::path::{Path, PathBuf};

/// A generated export of `platform` (the demo generators), `units` of its main kind.
fn export(dir: &Path, platform: &str, seed: u64, units: usize) -> Vec<PathBuf> {
    let g = footprint_fixtures::demo::generator(platform).expect("a demo generator");
    (g.write)(&dir.join(format!("{platform}-{seed}.zip")), seed, Some(units)).expect("generate")
}

fn import(store: &mut Store, paths: &[PathBuf], platform: &str) -> i64 {
    let opts = ImportOptions {
        platform: Some(platform.to_string()),
        ..Default::default()
    };
    import_export(store, paths, &opts)
        .unwrap_or_else(|e| panic!("{paths:?}: {e}"))
        .archive_id
}

/// Purchases and the companies they name, from several platforms, one of them twice (two
/// generated people): what the Overview's spending and the companies list summarize.
fn store_with_purchases(dir: &Path) -> (Store, i64) {
    let mut store = Store::open(&dir.join("fp.db")).unwrap();
    for (platform, units) in [("amazon", 80), ("uber", 60), ("facebook", 40), ("google", 40)] {
        import(&mut store, &export(dir, platform, 1, units), platform);
    }
    let second = import(&mut store, &export(dir, "amazon", 2, 50), "amazon");
    (store, second)
}

type SpendKey = (String, Option<i64>, String, i64, i64);

/// `Store::spending`, as plain tuples.
fn spending(store: &Store) -> Vec<SpendKey> {
    store
        .spending()
        .unwrap()
        .into_iter()
        .map(|r| (r.platform, r.year, r.currency, r.records, r.total_minor))
        .collect()
}

/// The spending grouped from every record with an amount, in the screen's order.
fn spending_recount(store: &Store) -> Vec<SpendKey> {
    let mut st = store
        .connection()
        .prepare(
            "SELECT platform, CASE WHEN ts >= 788918400000 AND ts < 4102444800000
                      THEN CAST(strftime('%Y', ts / 1000, 'unixepoch') AS INTEGER) END, currency,
                    count(*), sum(amount_minor)
             FROM records WHERE amount_minor IS NOT NULL AND currency IS NOT NULL
             GROUP BY 1, 2, 3 ORDER BY 1, 2 DESC, 3",
        )
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The companies list as the holdings say it, grouped on the spot (what the list did before
/// it had a summary), in the list's default order.
fn companies_recount(store: &Store) -> Vec<CompanyKey> {
    let mut st = store
        .connection()
        .prepare(
            "SELECT c.id, c.platform, sum(h.records), json_group_array(DISTINCT h.platform),
                    json_group_array(DISTINCT h.relation), json_group_array(DISTINCT h.category),
                    min(h.first_seen), max(h.last_seen)
             FROM companies c JOIN holdings h ON h.company_id = c.id
             GROUP BY c.id ORDER BY c.platform DESC, sum(h.records) DESC, c.name COLLATE NOCASE, c.id",
        )
        .unwrap();
    let sorted = |s: String| {
        let mut v: Vec<String> = serde_json::from_str(&s).unwrap();
        v.sort();
        v
    };
    st.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get::<_, i64>(1)? == 1,
            r.get(2)?,
            sorted(r.get(3)?),
            sorted(r.get(4)?),
            sorted(r.get(5)?),
            r.get(6)?,
            r.get(7)?,
        ))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

type CompanyKey = (i64, bool, i64, Vec<String>, Vec<String>, Vec<String>, Option<i64>, Option<i64>);

fn as_key(c: &CompanySummary) -> CompanyKey {
    (
        c.id,
        c.is_platform,
        c.records,
        c.platforms.clone(),
        c.relations.clone(),
        c.categories.clone(),
        c.first_seen,
        c.last_seen,
    )
}

/// The list in its default order equals the recount; ties on records and name may come in
/// either order, so both sides are compared by (order key, id).
fn assert_companies_match(store: &Store) {
    let mut listed: Vec<(String, CompanyKey)> = store
        .companies(&CompanyQuery {
            limit: Some(100_000),
            ..Default::default()
        })
        .unwrap()
        .iter()
        .map(|c| (c.name.to_lowercase(), as_key(c)))
        .collect();
    let recount = companies_recount(store);
    assert!(recount.len() > 5, "the fixture names third parties: {}", recount.len());
    assert_eq!(listed.len(), recount.len());
    // The listed order is the screen's order: platforms first, then by evidence.
    for w in listed.windows(2) {
        let (a, b) = (&w[0].1, &w[1].1);
        assert!((a.1, a.2) >= (b.1, b.2), "out of order: {a:?} before {b:?}");
    }
    listed.sort_by_key(|a| a.1 .0);
    let mut recount = recount;
    recount.sort_by_key(|c| c.0);
    assert_eq!(listed.into_iter().map(|(_, k)| k).collect::<Vec<_>>(), recount);
}

/// A third party's page: its newest 100 records, as a sort of all of them gives.
fn assert_evidence_matches(store: &Store) {
    let third: Vec<CompanySummary> = store
        .companies(&CompanyQuery {
            limit: Some(100_000),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .filter(|c| !c.is_platform)
        .collect();
    assert!(third.iter().any(|c| c.records > 7), "a company with more than a page (7) of evidence");
    for c in third.iter().take(8) {
        let page: Vec<i64> = store.company(c.id).unwrap().unwrap().evidence.iter().map(|r| r.id).collect();
        let all: Vec<i64> = store
            .connection()
            .prepare(
                "SELECT id FROM records WHERE company_id = ?1
                 ORDER BY coalesce(ts, -9223372036854775808) DESC, dedup DESC LIMIT 100",
            )
            .unwrap()
            .query_map([c.id], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(page, all, "{}", c.name);
        // The Explorer's company filter pages through the same order.
        let mut q = SearchQuery {
            company_id: Some(c.id),
            limit: Some(7),
            ..Default::default()
        };
        let mut paged = Vec::new();
        loop {
            let p = store.search(&q).unwrap();
            paged.extend(p.rows.iter().map(|r| r.id));
            match p.next {
                Some(n) => q.after = Some(n),
                None => break,
            }
        }
        assert_eq!(paged.len() as i64, c.records, "{}: every record, once", c.name);
        assert_eq!(&paged[..page.len()], &page[..]);
    }
}

/// The timeline by month and by year (from the per-month summary) equals a count of the
/// records' own times.
fn assert_timeline_matches(store: &Store) {
    for (by, len) in [("month", 7), ("year", 4)] {
        let got: Vec<(String, String, i64)> = store
            .timeline(&TimelineQuery {
                by: Some(by.into()),
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .map(|b| (b.bucket, b.platform, b.records))
            .collect();
        let want: Vec<(String, String, i64)> = store
            .connection()
            .prepare(
                "SELECT substr(strftime('%Y-%m-%d', ts / 1000, 'unixepoch'), 1, ?1) AS b, platform, count(*)
                 FROM records WHERE ts IS NOT NULL GROUP BY b, platform HAVING b >= '1995' AND b < '2100'
                 ORDER BY b, platform",
            )
            .unwrap()
            .query_map([len], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(want.len() > 3);
        assert_eq!(got, want, "by {by}");
    }
}

/// The Overview's companies per relation and its purchase companies equal a recount from the
/// holdings.
fn assert_overview_matches(store: &Store) {
    let o = store.overview().unwrap();
    let mut got: Vec<(String, i64)> = o.by_relation.iter().map(|c| (c.key.clone(), c.count)).collect();
    got.sort();
    let count = |sql: &str| -> Vec<(String, i64)> {
        store
            .connection()
            .prepare(sql)
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(got, count("SELECT relation, count(DISTINCT company_id) FROM holdings GROUP BY 1 ORDER BY 1"));
    let got: Vec<(String, i64)> = o.purchase_companies.iter().map(|c| (c.key.clone(), c.count)).collect();
    let want = count(
        "SELECT CAST(c.id AS TEXT), sum(h.records) FROM holdings h JOIN companies c ON c.id = h.company_id
         WHERE h.category = 'purchases' AND c.platform = 0 GROUP BY c.id ORDER BY 2 DESC, c.name LIMIT 40",
    );
    assert!(want.len() > 3, "{want:?}");
    assert_eq!(got, want);
}

#[test]
fn summaries_equal_a_recount_after_imports_and_after_a_removal() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, second) = store_with_purchases(dir.path());
    let spent = spending(&store);
    assert!(spent.iter().any(|s| s.0 == "amazon") && spent.iter().any(|s| s.0 == "uber"), "{spent:?}");
    assert_eq!(spent, spending_recount(&store));
    assert_companies_match(&store);
    assert_evidence_matches(&store);
    assert_timeline_matches(&store);
    assert_overview_matches(&store);

    // Removing the second Amazon export takes its purchases out of the summary.
    let before: i64 = spent.iter().filter(|s| s.0 == "amazon").map(|s| s.3).sum();
    store.remove_archive(second).unwrap();
    let after = spending(&store);
    let left: i64 = after.iter().filter(|s| s.0 == "amazon").map(|s| s.3).sum();
    assert!(left > 0 && left < before, "{left} of {before}");
    assert_eq!(after, spending_recount(&store));
    assert_companies_match(&store);
    assert_evidence_matches(&store);
    assert_timeline_matches(&store);
    assert_overview_matches(&store);
}

#[test]
fn the_migration_fills_the_summaries_of_an_older_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fp.db");
    {
        let (store, _) = store_with_purchases(dir.path());
        // As a database from before the summaries: empty tables, the version before them
        // (the later migrations run again too, as they would on such a database).
        store
            .connection()
            .execute_batch(&format!(
                "DELETE FROM spending; DELETE FROM company_summaries; DELETE FROM activity_months;
                 DELETE FROM relation_counts;
                 PRAGMA user_version = {}",
                footprint_core::store::version_before("0013_screen_summaries").unwrap()
            ))
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(!spending(&store).is_empty());
    assert_eq!(spending(&store), spending_recount(&store));
    assert_companies_match(&store);
    assert_evidence_matches(&store);
    assert_timeline_matches(&store);
    assert_overview_matches(&store);
}
