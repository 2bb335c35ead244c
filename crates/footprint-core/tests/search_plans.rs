//! Full-text search has two plans (query.rs `TextPlan`): look every match up and sort, or walk
//! the time index newest first; and the last word, a prefix, is asked as an OR of the terms
//! that start with it where it can be (prefix_terms.rs). Whatever the plan, every page of
//! every search equals a brute-force answer: all the prefix query's matches' (time, key),
//! sorted in Rust, cut into pages.

use footprint_core::query::{SearchQuery, TextPlan};
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use std::path::Path;

fn store(dir: &Path) -> Store {
    let mut store = Store::open(&dir.join("fp.db")).unwrap();
    for (platform, units) in [("google", 300), ("x", 300), ("facebook", 300), ("netflix", 200), ("amazon", 60)] {
        let g = footprint_fixtures::demo::generator(platform).unwrap();
        let paths = (g.write)(&dir.join(format!("{platform}.zip")), 7, Some(units)).unwrap();
        let opts = ImportOptions {
            platform: Some(platform.to_string()),
            ..Default::default()
        };
        import_export(&mut store, &paths, &opts).unwrap();
    }
    store
}

/// Ids of the records matching `q`'s words and filters, newest first, by sorting all of them.
fn brute_force(store: &Store, q: &SearchQuery) -> Vec<i64> {
    let fts = footprint_core::query::fts_query(q.text.as_deref().unwrap()).unwrap();
    let mut rows: Vec<(i64, i64, i64, String, Option<i64>)> = store
        .connection()
        .prepare(
            "SELECT r.id, r.ts, r.dedup, r.platform, r.company_id FROM records_fts
             JOIN records r ON r.id = records_fts.rowid WHERE records_fts MATCH ?1",
        )
        .unwrap()
        .query_map([fts], |r| {
            let ts: Option<i64> = r.get(1)?;
            Ok((r.get(0)?, ts.unwrap_or(i64::MIN), r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    rows.retain(|(_, ts, _, platform, _)| {
        q.platform.as_ref().is_none_or(|p| p == platform)
            && q.from_ms.is_none_or(|f| *ts != i64::MIN && *ts >= f)
            && q.to_ms.is_none_or(|t| *ts != i64::MIN && *ts < t)
    });
    rows.sort_by_key(|r| std::cmp::Reverse((r.1, r.2)));
    rows.into_iter().map(|r| r.0).collect()
}

/// Every page of `q` with `plan`, concatenated.
fn paged(store: &Store, q: &SearchQuery, plan: TextPlan) -> Vec<i64> {
    let mut q = q.clone();
    let mut out = Vec::new();
    loop {
        let page = store.search_with(&q, plan).unwrap();
        assert!(page.rows.len() as i64 <= q.limit.unwrap());
        out.extend(page.rows.iter().map(|r| r.id));
        match page.next {
            Some(c) => q.after = Some(c),
            None => return out,
        }
    }
}

#[test]
fn every_plan_pages_through_the_matches_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let mut checked = 0;
    // Prefixes of one term and of several, none ("zzzqqq"), too many to expand ("a"), in
    // capitals, not kept whole by the tokenizer ("café", "e-mail": asked as prefixes).
    for text in [
        "watched", "search", "the", "wat", "order", "zzzqqq", "watched video", "a", "WAT", "video wat", "café",
        "e-mail",
    ] {
        for limit in [1, 7, 50] {
            for (platform, from_ms, to_ms) in [
                (None, None, None),
                (Some("google"), None, None),
                (None, Some(1_600_000_000_000), Some(1_700_000_000_000)),
            ] {
                let q = SearchQuery {
                    text: Some(text.to_string()),
                    limit: Some(limit),
                    platform: platform.map(str::to_string),
                    from_ms,
                    to_ms,
                    ..Default::default()
                };
                let want = brute_force(&store, &q);
                if text == "watched" && platform.is_none() && from_ms.is_none() {
                    // Enough matches that the time scan walks past rows that do not match.
                    assert!(want.len() > 100, "{}", want.len());
                }
                // TimeScanWithin(3): the walk hands over to the set of matches after 3 rows.
                for plan in [TextPlan::Auto, TextPlan::LookUp, TextPlan::TimeScan, TextPlan::TimeScanWithin(3)] {
                    // Paging one row at a time through thousands of matches takes long in a
                    // debug build; the first pages show the order, the bigger pages the rest.
                    let got = if limit == 1 {
                        let mut q = q.clone();
                        let mut got = Vec::new();
                        for _ in 0..30 {
                            let page = store.search_with(&q, plan).unwrap();
                            got.extend(page.rows.iter().map(|r| r.id));
                            match page.next {
                                Some(c) => q.after = Some(c),
                                None => break,
                            }
                        }
                        assert_eq!(got[..], want[..got.len()], "{text:?} {plan:?} {q:?}");
                        continue;
                    } else {
                        paged(&store, &q, plan)
                    };
                    assert_eq!(got, want, "{text:?} limit {limit} {plan:?} {platform:?} {from_ms:?}");
                }
                checked += usize::from(!want.is_empty());
            }
        }
    }
    assert!(checked > 20, "most searches find something: {checked}");
}

/// The index's terms, read whole from its `row` vocabulary.
fn vocabulary(store: &Store) -> Vec<String> {
    let conn = store.connection();
    conn.execute_batch("CREATE VIRTUAL TABLE temp.all_terms USING fts5vocab(main, records_fts, row)")
        .unwrap();
    let terms = conn
        .prepare("SELECT term FROM temp.all_terms ORDER BY term")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    conn.execute_batch("DROP TABLE temp.all_terms").unwrap();
    terms
}

#[test]
fn a_prefix_expands_into_every_term_that_starts_with_it() {
    use footprint_core::prefix_terms::{expand, MAX_PREFIX_TERMS};
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let vocabulary = vocabulary(&store);
    let mut several = 0;
    for prefix in ["wat", "watched", "v", "s", "se", "the", "zzzqqq", "Wat", "2", "a"] {
        let lower = prefix.to_ascii_lowercase();
        let want: Vec<&String> = vocabulary.iter().filter(|t| t.starts_with(&lower)).collect();
        match expand(store.connection(), prefix).unwrap() {
            Some(got) => {
                assert_eq!(got.iter().collect::<Vec<_>>(), want, "{prefix:?}");
                several += usize::from(got.len() > 1);
            }
            None => assert!(want.len() > MAX_PREFIX_TERMS, "{prefix:?}: {} terms", want.len()),
        }
    }
    assert!(several >= 2, "some prefixes start several terms: {several}");
    // Words the tokenizer would split or fold are left to FTS5.
    for word in ["café", "e-mail", ""] {
        assert_eq!(expand(store.connection(), word).unwrap(), None, "{word:?}");
    }
}
