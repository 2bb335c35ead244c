//! Money end to end: generated exports go through `runner::import_export` into a real SQLite
//! `Store`, and `Store::spending()` (the Overview's spending per platform, year and currency)
//! gives back exactly what the generators wrote. Importing the same export again adds nothing.

use footprint_core::query::SpendRow;
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use footprint_fixtures::amazon::{self as az, AmazonGen, AmazonLayout, AmazonSpec};
use footprint_fixtures::google::{self, purchases, TakeoutSpec};
use std::collections::BTreeMap;

/// `spending()` rows of one platform as (year, currency) -> (records, total).
fn of_platform(rows: &[SpendRow], platform: &str) -> az::Spending {
    rows.iter()
        .filter(|r| r.platform == platform)
        .map(|r| {
            let year = r.year.expect("every generated purchase is dated") as i32;
            (
                (year, r.currency.clone()),
                (r.records as u64, r.total_minor),
            )
        })
        .collect()
}

fn import(store: &mut Store, paths: &[std::path::PathBuf]) {
    import_export(store, paths, &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{paths:?}: {e}"));
}

#[test]
fn amazon_spending_per_year_and_currency_is_what_the_export_wrote() {
    for (generation, layout) in [
        (AmazonGen::Y2024, AmazonLayout::Zips),
        (AmazonGen::Y2021, AmazonLayout::Unpacked),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let spec = AmazonSpec {
            generation,
            layout,
            orders: 60,
            ..Default::default()
        };
        let paths = az::generate(&spec, &dir.path().join("amazon")).unwrap();
        let mut store = Store::open(&dir.path().join("fp.db")).unwrap();
        import(&mut store, &paths);
        let want = az::expected_spending(&spec);
        assert!(want.keys().any(|(_, c)| c == "EUR") && want.keys().any(|(_, c)| c == "USD"));
        assert_eq!(
            of_platform(&store.spending().unwrap(), "amazon"),
            want,
            "{generation:?}"
        );
        // A second import of the same export: natural keys, no double spending.
        import(&mut store, &paths);
        assert_eq!(of_platform(&store.spending().unwrap(), "amazon"), want);
    }
}

#[test]
fn google_purchase_totals_per_currency_reach_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let spec = TakeoutSpec {
        purchases: 30,
        ..Default::default()
    };
    let paths = google::generate(&spec, &dir.path().join("takeout-20240302T100000Z.zip")).unwrap();
    let mut store = Store::open(&dir.path().join("fp.db")).unwrap();
    import(&mut store, &paths);
    let mut per_currency: BTreeMap<String, i64> = BTreeMap::new();
    for ((_, currency), (_, total)) in of_platform(&store.spending().unwrap(), "google") {
        *per_currency.entry(currency).or_insert(0) += total;
    }
    assert_eq!(per_currency, purchases::expected_totals(&spec));
}
