//! Golden tests of the Amazon importer: the 2021 and 2024 exports, as several zips given
//! together, as zips in one folder and unpacked in one folder, clean and messy
//! (footprint-fixtures), through ArchiveView, detection, export planning and the importer in
//! memory; a normalized summary is snapshotted.

mod golden;

use footprint_core::archive::{ArchiveView, Limits};
use footprint_core::exports::plan_exports;
use footprint_core::importer::{FileRole, Importer};
use footprint_core::importers::amazon::Amazon;
use footprint_core::registry;
use footprint_core::testing::{collect, Collected};
use footprint_fixtures::amazon::{self as az, AmazonGen, AmazonLayout, AmazonSpec};
use footprint_fixtures::Persona;
use golden::{open, Summary};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn write(spec: &AmazonSpec) -> (Vec<PathBuf>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let paths = az::generate(spec, &dir.path().join("amazon-request-2024-03-02")).unwrap();
    (paths, dir)
}

fn run(spec: &AmazonSpec) -> (ArchiveView, Collected, Summary, tempfile::TempDir) {
    let (paths, dir) = write(spec);
    let plan = plan_exports(&paths, &Limits::default());
    assert_eq!(
        plan.len(),
        1,
        "the zips of one request are ONE export: {plan:?}"
    );
    let view = open(&plan[0]);
    let c = collect(&Amazon, &view);
    let s = golden::summarize(&view, &c, registry::importers(), false);
    (view, c, s, dir)
}

fn count(c: &Collected, kind: &str) -> usize {
    c.records.iter().filter(|r| r.record.kind == kind).count()
}



/// What every Amazon export must pass.
fn common_checks(view: &ArchiveView, c: &Collected, s: &Summary, spec: &AmazonSpec) {
    assert_eq!(
        s.detected, "amazon",
        "detection must not tie: {:?}",
        s.recognition
    );
    let mine = Amazon.recognize(view).confidence;
    assert_eq!(mine, 1.0);
    for imp in registry::importers().iter().filter(|i| i.id() != "amazon") {
        assert!(
            imp.recognize(view).confidence < mine,
            "{} claims an Amazon export",
            imp.id()
        );
    }
    let parsed = golden::parsed_files(c);
    let data = az::data_files(spec);
    assert!(
        parsed * 100 > data * 95,
        "{parsed} of {data} data files parsed; unknown: {:?}",
        s.unknown
    );
    assert!(
        s.unknown
            .iter()
            .all(|p| p.contains("__MACOSX") || p.ends_with(".DS_Store")),
        "unknown files: {:?}",
        s.unknown
    );
    let me = Persona::for_seed(spec.seed);
    assert_eq!(s.account.as_deref(), Some(me.email.as_str()));
    for want in [
        format!("email: {}", me.email),
        format!("phone: {}", me.phone),
        format!("name: {}", me.name),
    ] {
        assert!(
            s.identities.contains(&want),
            "{want} missing from {:?}",
            s.identities
        );
    }
    assert!(
        s.identities
            .iter()
            .any(|i| i.starts_with("address: 1 Main Street")),
        "{:?}",
        s.identities
    );
    for cr in &c.records {
        if let Some(ts) = cr.record.ts {
            assert!(
                (footprint_core::time::EARLIEST_MS..footprint_core::time::LATEST_MS).contains(&ts),
                "{}: {ts}",
                cr.file
            );
        }
        let data = cr.record.data.as_deref().unwrap_or("");
        assert!(
            !data.contains("Not Available") && !data.contains("\"'"),
            "{}: {data}",
            cr.file
        );
    }
    // Third parties: advertisers' audiences, data providers' segments, clicked advertisers.
    let third = golden::tally((0..spec.third_party_segments).map(|i| az::provider(i).to_string()));
    assert_eq!(golden::with_relation(s, "data_broker_segment"), third);
    // Marketplace sellers sold you the item and got the order: one company each, with one
    // sold_to_you record per order item they sold.
    let sold = golden::tally((0..spec.orders).filter_map(|i| az::order_seller(spec, i)));
    assert_eq!(golden::with_relation(s, "sold_to_you"), sold);
    assert_eq!(count(c, "order_item"), spec.orders);
    assert_eq!(count(c, "amazon_audience"), spec.amazon_audiences);
    assert_eq!(spending(c), az::expected_spending(spec), "amounts per year and currency");
}

/// Records with an amount and their total, per (year, currency), as the Overview sums them.
fn spending(c: &Collected) -> az::Spending {
    use chrono::Datelike;
    let mut m = az::Spending::new();
    for r in &c.records {
        if let Some(a) = r.record.amount {
            assert_eq!(r.record.category.to_string(), "purchases", "{}: money is a purchase", r.file);
            let year = r.record.ts.and_then(chrono::DateTime::from_timestamp_millis).map_or(0, |t| t.year());
            let e = m.entry((year, a.currency.as_str().to_string())).or_insert((0, 0));
            e.0 += 1;
            e.1 += a.minor;
        }
    }
    m
}

fn clean_checks(view: &ArchiveView, c: &Collected, s: &Summary, spec: &AmazonSpec) {
    common_checks(view, c, s, spec);
    assert!(c.failed.is_empty(), "no file may fail: {:?}", c.failed);
    assert!(
        c.warnings.is_empty(),
        "clean exports give no warnings: {:?}",
        s.warnings
    );
    let targeted = golden::tally((0..spec.advertiser_audiences).map(az::advertiser));
    assert_eq!(golden::with_relation(s, "targeted_you"), targeted);
    let clicks = match spec.generation {
        AmazonGen::Y2024 => golden::tally((0..spec.ad_clicks).map(az::clicked)),
        AmazonGen::Y2021 => BTreeMap::new(),
    };
    assert_eq!(golden::with_relation(s, "ad_interaction"), clicks);
    let brokers = golden::with_relation(s, "data_broker_segment");
    let sellers = golden::with_relation(s, "sold_to_you");
    let mut all: Vec<&String> = targeted
        .keys()
        .chain(clicks.keys())
        .chain(brokers.keys())
        .chain(sellers.keys())
        .collect();
    all.sort();
    all.dedup();
    assert_eq!(
        s.companies.len(),
        all.len(),
        "no other company: {:?}",
        s.companies
    );
    for kind in [
        "search",
        "cart_item",
        "refund",
        "return",
        "digital_item",
        "kindle_reading_session",
        "prime_video_view",
        "payment_option",
        "address",
    ] {
        assert!(
            c.records
                .iter()
                .filter(|r| r.record.kind == kind)
                .all(|r| kind == "payment_option" || kind == "address" || r.record.ts.is_some()),
            "{kind} times"
        );
        assert!(count(c, kind) > 0, "{kind} records");
    }
    assert_eq!(count(c, "search"), spec.searches);
}

#[test]
fn export_2024_as_zips_given_together() {
    let spec = AmazonSpec::default();
    let (paths, _d) = write(&spec);
    assert!(paths.len() >= 8, "several zips: {paths:?}");
    let (view, c, s, _d) = run(&spec);
    clean_checks(&view, &c, &s, &spec);
    assert_eq!(count(&c, "alexa_voice"), spec.voice);
    assert!(
        s.skipped.iter().any(|p| p.contains(".wav: media")),
        "audio is listed, skipped"
    );
    let sold: usize = (0..spec.orders)
        .filter(|i| az::order_seller(&spec, *i).is_some())
        .count();
    let with_seller = c
        .records
        .iter()
        .filter(|r| {
            r.record.kind == "order_item"
                && r.record
                    .data
                    .as_deref()
                    .unwrap_or("")
                    .contains("\"Seller\"")
        })
        .count();
    assert_eq!(with_seller, sold, "the seller is kept on the order");
    insta::assert_json_snapshot!("amazon_2024_zips", s);
}

#[test]
fn export_2021_zips_in_one_folder() {
    let spec = AmazonSpec {
        generation: AmazonGen::Y2021,
        layout: AmazonLayout::Folder,
        bom: false,
        ..Default::default()
    };
    let (view, c, s, _d) = run(&spec);
    clean_checks(&view, &c, &s, &spec);
    assert_eq!(count(&c, "alexa_voice"), 0);
    assert_eq!(
        count(&c, "ad_click"),
        0,
        "the 2021 click list is only its header"
    );
    insta::assert_json_snapshot!("amazon_2021_folder", s);
}

#[test]
fn export_2024_unpacked_in_one_folder() {
    let spec = AmazonSpec {
        layout: AmazonLayout::Unpacked,
        macos_junk: true,
        ..Default::default()
    };
    let (view, c, s, _d) = run(&spec);
    clean_checks(&view, &c, &s, &spec);
    insta::assert_json_snapshot!("amazon_2024_unpacked", s);
}

/// A newer export of the same account yields the same keys: re-importing adds nothing.
#[test]
fn reimport_keys_are_stable() {
    let keys = |spec: &AmazonSpec| {
        let (_, c, _, _d) = run(spec);
        let mut k: Vec<u64> = c.records.iter().map(|r| r.record.effective_key()).collect();
        k.sort_unstable();
        k
    };
    let zips = keys(&AmazonSpec::default());
    let unpacked = keys(&AmazonSpec {
        layout: AmazonLayout::Unpacked,
        bom: false,
        ..Default::default()
    });
    assert_eq!(zips, unpacked, "layout and BOM do not change keys");
    let mut dedup = zips.clone();
    dedup.dedup();
    assert!(
        dedup.len() * 100 >= zips.len() * 99,
        "keys tell records apart: {} of {}",
        dedup.len(),
        zips.len()
    );
}

/// 0-byte file, cut-off file, broken row, placeholders, header-only list, localized name:
/// warnings name the file and line, everything else is imported.
#[test]
fn messy_export() {
    let spec = AmazonSpec {
        damaged: true,
        placeholders: true,
        localized_names: true,
        macos_junk: true,
        ..Default::default()
    };
    let (view, c, s, _d) = run(&spec);
    common_checks(&view, &c, &s, &spec);
    assert!(
        c.failed.is_empty(),
        "damage is per row, never a failed file: {:?}",
        c.failed
    );
    assert!(
        c.warnings
            .iter()
            .any(|w| w.file.ends_with("Search-Data.Customer-Engagement.csv")
                && w.message.contains("line")),
        "the broken row is reported with its line: {:?}",
        s.warnings
    );
    assert!(
        c.warnings
            .iter()
            .any(|w| w.file.ends_with("Retail.CartItems.1.csv") && w.message.contains("truncated")),
        "{:?}",
        s.warnings
    );
    assert_eq!(
        count(&c, "search"),
        spec.searches,
        "the rows around the broken one are kept"
    );
    assert_eq!(
        count(&c, "cart_item"),
        spec.cart_items + 1,
        "the cut-off last row is kept"
    );
    assert_eq!(
        count(&c, "ad_opt_out"),
        0,
        "the 0-byte opt-out file gives nothing and no error"
    );
    assert!(
        golden::with_relation(&s, "targeted_you").is_empty(),
        "a header-only audience list"
    );
    assert!(
        c.files
            .iter()
            .any(|(p, r)| p.ends_with("Bestellverlauf.csv")
                && *r == FileRole::Parse("amazon_order_history")),
        "known by its header"
    );
    assert!(
        s.warnings.iter().all(|w| !w.contains("not a date")),
        "{:?}",
        s.warnings
    );
    insta::assert_json_snapshot!("amazon_messy", s);
}

/// A folder of Amazon's zips beside other platforms' exports: Amazon's are one export, the
/// others their own.
#[test]
fn amazon_zips_in_a_downloads_folder_stay_together() {
    let dir = tempfile::tempdir().unwrap();
    let downloads = dir.path().join("Downloads");
    let spec = AmazonSpec::default();
    let zips = az::generate(&spec, &downloads).unwrap();
    footprint_fixtures::meta::generate_facebook(
        &Default::default(),
        &downloads.join("facebook-me-2024-03-02.zip"),
    )
    .unwrap();
    let plan = plan_exports(std::slice::from_ref(&downloads), &Limits::default());
    assert_eq!(plan.len(), 2, "{plan:?}");
    let amazon = plan
        .iter()
        .find(|g| g.len() > 1)
        .expect("the Amazon zips together");
    assert_eq!(amazon.len(), zips.len());
    // Two requests of the same account overlap in their files: they stay two exports.
    let other = dir.path().join("June");
    let again = az::generate(&spec, &other).unwrap();
    let both: Vec<PathBuf> = zips.iter().chain(&again).cloned().collect();
    assert_eq!(plan_exports(&both, &Limits::default()).len(), 2);
}

/// The demo export (`footprint generate amazon`) is detected and imports cleanly.
#[test]
fn demo_archive_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let g = footprint_fixtures::demo::generator("amazon").expect("registered generator");
    let paths = (g.write)(&dir.path().join("amazon-demo-2024-03-02.zip"), 7, Some(50)).unwrap();
    assert_eq!(paths.len(), 1, "one folder: {paths:?}");
    assert_eq!(
        plan_exports(&paths, &Limits::default()),
        vec![paths.clone()]
    );
    let view = open(&paths);
    assert_eq!(golden::detected(&view), "amazon");
    let c = collect(&Amazon, &view);
    assert!(
        c.failed.is_empty() && c.warnings.is_empty(),
        "{:?} {:?}",
        c.failed,
        c.warnings
    );
    assert_eq!(count(&c, "order_item"), 50);
}

/// 100,000 order items and searches end to end. Slow in debug builds:
/// `cargo test -p footprint-core --test golden_amazon -- --ignored`.
#[test]
#[ignore]
fn amazon_benchmark_size() {
    let spec = AmazonSpec {
        orders: 100_000,
        searches: 100_000,
        ..Default::default()
    };
    let t0 = std::time::Instant::now();
    let (paths, _d) = write(&spec);
    let generated = t0.elapsed();
    let view = open(&paths);
    let t1 = std::time::Instant::now();
    let c = collect(&Amazon, &view);
    let imported = t1.elapsed();
    assert!(c.failed.is_empty() && c.warnings.is_empty());
    assert_eq!(count(&c, "order_item"), spec.orders);
    let bytes: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    eprintln!(
        "benchmark: {bytes} bytes zipped, generated in {generated:?}, {} records imported in {imported:?}",
        c.records.len()
    );
}
