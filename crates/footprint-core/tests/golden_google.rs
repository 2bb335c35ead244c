//! Golden tests of the Google Takeout importer: a synthetic archive per variant
//! (footprint-fixtures: eight languages and one no table lists, old timestamps, HTML + junk,
//! part-zips, no `Takeout/` folder, single-product exports) goes through
//! ArchiveView, detection and the importer in memory, and a normalized summary is
//! snapshotted: counts per kind and category, companies with relations, identities, skipped
//! and unknown files, and the first records of each kind.

mod golden;

use golden::{count, tally, with_relation};

use footprint_core::archive::ArchiveView;
use footprint_core::importer::FileRole;
use footprint_core::importers::google::{parser, Google};
use footprint_core::registry::importers;
use footprint_core::testing::{collect, Collected};
use footprint_core::model::{Category, Relation};
use footprint_fixtures::google::{
    expected_advertisers, generate, purchases, Locale, Products, TakeoutSpec,
};
use footprint_fixtures::Container;
use golden::{open, Summary};
use std::collections::BTreeMap;

/// Place visits and activity segments the generator writes per semantic month.
const VISITS_PER_MONTH: usize = 6;

fn summarize(view: &ArchiveView, c: &Collected) -> Summary {
    golden::summarize(view, c, importers(), false)
}


/// Generate, open, import any shape; check what every generated Takeout satisfies: Google
/// recognizes it, nothing fails or warns, every ad names the advertiser the generator put
/// behind its tracker link (never its headline).
fn import(spec: &TakeoutSpec, name: &str) -> (Collected, Summary) {
    let dir = tempfile::tempdir().unwrap();
    let paths = generate(spec, &dir.path().join(format!("takeout-{name}.zip"))).unwrap();
    let view = open(&paths);
    let c = collect(&Google, &view);
    let s = summarize(&view, &c);
    assert_eq!(s.detected, "google", "recognition: {:?}", s.recognition);
    assert!(c.failed.is_empty(), "no file may fail: {:?}", c.failed);
    assert!(
        c.warnings.is_empty(),
        "synthetic archives are clean: {:?}",
        s.warnings
    );
    let ads = c
        .records
        .iter()
        .filter(|r| r.record.kind == "ad_interaction")
        .filter_map(|r| r.record.company.as_ref().map(|co| co.name.clone()));
    // Once per format written (a JSON and an HTML twin are both read; the store keeps one).
    let (json, html) = spec.activity_files();
    let formats = usize::from(json) + usize::from(html);
    let expected = expected_advertisers(spec).into_iter().flat_map(|a| std::iter::repeat_n(a, formats));
    assert_eq!(tally(ads), tally(expected), "{name}");
    (c, s)
}

/// [`import`] a full Takeout and check that every record the spec asked for came out.
fn takeout(spec: &TakeoutSpec, name: &str) -> (Collected, Summary) {
    let (c, s) = import(spec, name);
    let account = s.account.as_deref().unwrap_or("");
    assert!(
        account.ends_with("@example.com"),
        "account is the profile email: {account}"
    );
    // Every record the spec asked for came out (My Activity once per format written).
    let (json, html) = spec.activity_files();
    let formats = usize::from(json) + usize::from(html);
    assert_eq!(count(&c, "location_point"), spec.location_points);
    assert_eq!(count(&c, "ad_interaction"), spec.ads * formats);
    assert_eq!(count(&c, "app_install"), spec.installs);
    assert_eq!(count(&c, "page_visit"), spec.chrome);
    assert_eq!(
        count(&c, "place_visit"),
        spec.semantic_months * VISITS_PER_MONTH
    );
    assert_eq!(
        count(&c, "activity_segment"),
        spec.semantic_months * VISITS_PER_MONTH
    );
    assert_eq!(count(&c, "profile"), 1);
    let my_activity = ["search", "visit", "view", "watch", "listen", "activity"]
        .iter()
        .map(|k| count(&c, k))
        .sum::<usize>();
    assert_eq!(my_activity, spec.activity * formats);
    // Titles are readable: no U+00A0 left from Google's verbs.
    assert!(c
        .records
        .iter()
        .all(|r| !r.record.title.as_deref().unwrap_or("").contains('\u{a0}')));
    // Every ad names an advertiser; every install names its app.
    for r in &c.records {
        if matches!(r.record.kind, "ad_interaction" | "app_install") {
            assert!(
                r.record.company.is_some(),
                "{} has no company: {:?}",
                r.file,
                r.record
            );
        }
    }
    assert_purchases(spec, &c);
    (c, s)
}

/// Every purchase the generator wrote came out, with its amount: totals per currency equal
/// the generator's; merchants are companies that received the user's information.
fn assert_purchases(spec: &TakeoutSpec, c: &Collected) {
    let [pay, remittances, orders, play, store] = purchases::expected_counts(spec);
    if spec.purchases == 0 {
        return;
    }
    assert_eq!(count(c, "payment"), pay);
    assert_eq!(count(c, "money_transfer"), remittances);
    assert_eq!(count(c, "order"), orders + store);
    assert_eq!(
        count(c, "app_purchase") + count(c, "play_order") + count(c, "subscription"),
        play
    );
    assert_eq!(totals(c), purchases::expected_totals(spec));
    for r in &c.records {
        if r.record.category == Category::Purchases {
            assert!(r.record.amount.is_some(), "{} has no amount: {:?}", r.file, r.record);
        }
    }
    for merchant in purchases::MERCHANTS.iter().take(pay).chain(purchases::ORDER_MERCHANTS.iter().take(orders)) {
        assert!(
            c.records.iter().filter_map(|r| r.record.company.as_ref()).any(|co| co.name == *merchant
                && co.relation == Relation::SoldToYou),
            "{merchant} is a company that received the user's payment"
        );
    }
}

/// Sum of the amounts per currency.
fn totals(c: &Collected) -> BTreeMap<String, i64> {
    let mut m = BTreeMap::new();
    for a in c.records.iter().filter_map(|r| r.record.amount) {
        *m.entry(a.currency.as_str().to_string()).or_insert(0) += a.minor;
    }
    m
}

#[test]
fn purchases_in_english_and_german_total_what_was_written() {
    for locale in [Locale::En, Locale::De, Locale::Es] {
        let spec = TakeoutSpec { locale, purchases: 20, ..Default::default() };
        let (c, _) = takeout(&spec, "purchases");
        let totals = totals(&c);
        assert_eq!(totals.len(), 3, "EUR, GBP and USD: {totals:?}");
    }
}

#[test]
fn broken_purchase_files_warn_and_the_rest_is_imported() {
    let spec = TakeoutSpec { messy_purchases: true, ..Default::default() };
    let dir = tempfile::tempdir().unwrap();
    let paths = generate(&spec, &dir.path().join("takeout-messy.zip")).unwrap();
    let view = open(&paths);
    let c = collect(&Google, &view);
    assert_eq!(
        c.failed.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>(),
        ["Takeout/Purchases & Reservations/Purchases/order_truncated.json"],
        "only the truncated order fails"
    );
    // The amount without currency and the broken row are warnings naming the file.
    let store: Vec<_> = c.warnings.iter().filter(|w| w.file.ends_with("Orders (1).csv")).collect();
    assert!(!store.is_empty(), "{:?}", c.warnings);
    assert!(store.iter().any(|w| w.message.contains("line 2")), "{store:?}");
    // Everything else is there: the generator's totals plus nothing from the broken files.
    assert_eq!(totals(&c), purchases::expected_totals(&spec));
    assert!(c.records.iter().any(|r| r.record.company.as_ref().is_some_and(|co| co.name == "Vinted")));
    assert_eq!(count(&c, "location_point"), spec.location_points);
}

#[test]
fn no_other_importer_claims_a_takeout_with_purchases() {
    let dir = tempfile::tempdir().unwrap();
    let paths = generate(&TakeoutSpec::default(), &dir.path().join("takeout-p.zip")).unwrap();
    golden::no_other_importer_claims(&open(&paths), "google");
}

/// Records per category (what users see), independent of kind names.
fn per_category(c: &Collected) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for r in &c.records {
        *m.entry(r.record.category.to_string()).or_insert(0) += 1;
    }
    m
}

#[test]
fn english_default() {
    let (c, s) = takeout(&TakeoutSpec::default(), "en");
    assert_eq!(s.recognition["google"].0, 1.0);
    // Redirect links name the advertiser's domain.
    assert!(c
        .records
        .iter()
        .filter_map(|r| r.record.company.as_ref())
        .any(|co| co.name.ends_with(".com")));
    insta::assert_json_snapshot!("google_en_default", s);
}

#[test]
fn german() {
    let spec = TakeoutSpec {
        locale: Locale::De,
        top_folder: false,
        ..Default::default()
    };
    let (c, s) = takeout(&spec, "de");
    // Without the Takeout root, the index page and localized folders still give certainty.
    assert_eq!(s.recognition["google"].0, 1.0);
    assert!(
        count(&c, "search") > 0,
        "German `Gesucht nach:` titles are searches"
    );
    insta::assert_json_snapshot!("google_de", s);
}

#[test]
fn french() {
    let spec = TakeoutSpec {
        locale: Locale::Fr,
        ..Default::default()
    };
    let (c, s) = takeout(&spec, "fr");
    assert!(
        count(&c, "search") > 0,
        "French `Vous avez recherché` titles are searches"
    );
    insta::assert_json_snapshot!("google_fr", s);
}

/// Every entry with its role, for a snapshot of which localized paths were read as what.
fn roles(c: &Collected) -> Vec<String> {
    c.files
        .iter()
        .map(|(path, role)| format!("{path}: {role:?}"))
        .collect()
}

/// The language (and whether a `Takeout/` folder is there) changes folder, file and month
/// names and the title verbs, never what the user is shown: every language is recognized
/// with certainty, leaves no data file unknown, and gives the same records per category and
/// the same companies with the same relations as English.
#[test]
fn every_language_gives_what_english_gives() {
    let (en, en_s) = takeout(&TakeoutSpec::default(), "en");
    for (i, locale) in Locale::ALL.into_iter().enumerate() {
        // Every other language without the `Takeout/` folder (unpacked and zipped again).
        let spec = TakeoutSpec {
            locale,
            top_folder: i % 2 == 0,
            ..Default::default()
        };
        let (c, s) = takeout(&spec, "l10n");
        assert_eq!(s.recognition["google"].0, 1.0, "{locale:?}: {:?}", s.recognition);
        assert!(s.unknown.is_empty(), "{locale:?}: unknown {:?}", s.unknown);
        assert_eq!(s.skipped.len(), 1, "{locale:?}: only the index page: {:?}", s.skipped);
        assert_eq!(per_category(&en), per_category(&c), "{locale:?}");
        assert_eq!(en_s.companies, s.companies, "{locale:?}");
        assert!(count(&c, "search") > 0, "{locale:?}: the search verb is known");
        if matches!(locale, Locale::It | Locale::Nl | Locale::Pt | Locale::Pl) {
            let name = format!("google_paths_{locale:?}").to_lowercase();
            insta::assert_json_snapshot!(name, roles(&c));
        }
    }
}

/// A language no table lists: My Activity, Location History (its raw points and semantic
/// months under other names), Chrome's history and the profile are all known by content.
#[test]
fn names_no_table_lists_are_read_by_content() {
    let (en, en_s) = takeout(&TakeoutSpec::default(), "en");
    let spec = TakeoutSpec {
        unlisted_names: true,
        ..Default::default()
    };
    let (c, s) = takeout(&spec, "unlisted");
    assert!(s.unknown.is_empty(), "unknown {:?}", s.unknown);
    for (path, role) in &c.files {
        if path.contains("Sijainnit.json") {
            assert_eq!(*role, FileRole::Parse(parser::LOCATION_RECORDS), "{path}");
        }
        if path.contains("Selaushistoria.json") {
            assert_eq!(*role, FileRole::Parse(parser::CHROME), "{path}");
        }
    }
    assert_eq!(per_category(&en), per_category(&c));
    assert_eq!(en_s.companies, s.companies);
    assert_eq!(s.account, en_s.account, "the profile is found by content too");
    insta::assert_json_snapshot!("google_paths_unlisted", roles(&c));
}

/// "Deselect all", then only My Activity: no profile, so no account; the Ads product's
/// advertisers are still companies.
#[test]
fn only_my_activity_without_takeout_folder() {
    let spec = TakeoutSpec {
        locale: Locale::Pt,
        products: Products::MyActivity,
        top_folder: false,
        ..Default::default()
    };
    let (c, s) = import(&spec, "activity");
    assert!(s.recognition["google"].0 >= 0.9, "{:?}", s.recognition);
    assert_eq!(s.account, None);
    assert!(s.unknown.is_empty(), "{:?}", s.unknown);
    assert_eq!(count(&c, "ad_interaction"), spec.ads);
    let my_activity = ["search", "visit", "view", "watch"]
        .iter()
        .map(|k| count(&c, k))
        .sum::<usize>();
    assert_eq!(my_activity, spec.activity);
    assert_eq!(c.records.len(), spec.activity + spec.ads, "nothing else");
    assert_eq!(
        with_relation(&s, "ad_interaction"),
        tally(expected_advertisers(&spec).into_iter())
    );
}

/// Only Location History, in Italian: the raw points and the semantic months.
#[test]
fn only_location_history() {
    let spec = TakeoutSpec {
        locale: Locale::It,
        products: Products::LocationHistory,
        ..Default::default()
    };
    let (c, s) = import(&spec, "location");
    assert_eq!(s.recognition["google"].0, 1.0, "{:?}", s.recognition);
    assert!(s.unknown.is_empty(), "{:?}", s.unknown);
    assert_eq!(count(&c, "location_point"), spec.location_points);
    assert_eq!(count(&c, "place_visit"), spec.semantic_months * VISITS_PER_MONTH);
    assert_eq!(
        c.records.len(),
        spec.location_points + 2 * spec.semantic_months * VISITS_PER_MONTH,
        "nothing else"
    );
    assert!(s.companies.is_empty(), "{:?}", s.companies);
}

/// A Polish export in several parts without the `Takeout/` folder: the parts are one export.
#[test]
fn polish_part_zips_without_takeout_folder() {
    let spec = TakeoutSpec {
        locale: Locale::Pl,
        top_folder: false,
        container: Container::Parts {
            part_bytes: 16 << 10,
        },
        location_points: 400,
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let paths = generate(&spec, &dir.path().join("takeout-20240301T101010Z.zip")).unwrap();
    assert!(paths.len() >= 2, "the export is split: {paths:?}");
    let (c, s) = takeout(&spec, "pl-parts");
    assert!(s.unknown.is_empty(), "{:?}", s.unknown);
    assert_eq!(count(&c, "location_point"), 400);
}

/// Every click-tracker form the generator writes (Google's redirect, `aclk?adurl=`,
/// `clickserve`, DoubleClick, nested and doubly encoded, subtitle only) names the advertiser's
/// domain, and no ad headline became a company.
#[test]
fn ad_trackers_unwrap_to_the_advertiser() {
    let spec = TakeoutSpec {
        ads: 24,
        ..Default::default()
    };
    let (c, s) = import(&spec, "ads");
    let ads = with_relation(&s, "ad_interaction");
    assert_eq!(ads, tally(expected_advertisers(&spec).into_iter()));
    for r in c.records.iter().filter(|r| r.record.kind == "ad_interaction") {
        let company = &r.record.company.as_ref().unwrap().name;
        let title = r.record.title.as_deref().unwrap_or("");
        assert!(!title.ends_with(company.as_str()), "{company} is the headline {title}");
        assert!(!company.contains("doubleclick") && !company.contains("google"), "{company}");
    }
}

#[test]
fn old_timestamps() {
    let spec = TakeoutSpec {
        old_timestamps: true,
        ..Default::default()
    };
    let (_, s) = takeout(&spec, "old");
    insta::assert_json_snapshot!("google_old_timestamps", s);
}

/// `timestampMs` (before 2022) and ISO `timestamp` of the same points give the same records
/// with the same keys, so a newer export of the account adds nothing old.
#[test]
fn old_and_new_timestamps_give_the_same_records() {
    let points = |old: bool| {
        let (c, _) = takeout(
            &TakeoutSpec {
                old_timestamps: old,
                ..Default::default()
            },
            "ts",
        );
        c.records
            .iter()
            .filter(|r| {
                matches!(
                    r.record.kind,
                    "location_point" | "place_visit" | "activity_segment"
                )
            })
            .map(|r| {
                (
                    r.record.key,
                    r.record.ts,
                    r.record.ts_end,
                    r.record.lat.map(f64::to_bits),
                )
            })
            .collect::<Vec<_>>()
    };
    let (old, new) = (points(true), points(false));
    assert!(!old.is_empty());
    assert_eq!(old, new);
}

#[test]
fn html_junk_and_top_folder() {
    let spec = TakeoutSpec {
        with_html: true,
        macos_junk: true,
        top_folder: true,
        ..Default::default()
    };
    let (c, s) = takeout(&spec, "messy");
    // The HTML twin of every My Activity file is read, into records with the JSON's keys.
    assert_eq!(
        s.files.get("google_my_activity_html").copied().unwrap_or(0)
            + s.files.get("google_my_activity_ads_html").copied().unwrap_or(0),
        5,
        "one HTML file per My Activity product: {:?}",
        s.files
    );
    let keys = |html: bool| {
        let mut k: Vec<u64> = c
            .records
            .iter()
            .filter(|r| r.file.contains("Activity") && r.file.ends_with(".html") == html)
            .filter_map(|r| r.record.key)
            .collect();
        k.sort();
        k
    };
    assert_eq!(keys(true), keys(false));
    assert!(s
        .skipped
        .iter()
        .any(|f| f.ends_with(".mbox: Gmail mailbox (MBOX); mail is not imported yet")));
    // No parser knows Keep notes: indexed (searchable), not understood.
    assert!(s.unknown.is_empty(), "{:?}", s.unknown);
    assert_eq!(s.indexed, ["Takeout/Keep/Shopping list.json (json)"]);
    assert!(c
        .files
        .iter()
        .all(|(p, _)| !p.contains("__MACOSX") && !p.ends_with(".DS_Store")));
    insta::assert_json_snapshot!("google_html_junk_top_folder", s);
}

#[test]
fn part_zips() {
    let spec = TakeoutSpec {
        container: Container::Parts {
            part_bytes: 16 << 10,
        },
        location_points: 400,
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let paths = generate(&spec, &dir.path().join("takeout-20240301T101010Z.zip")).unwrap();
    assert!(paths.len() >= 2, "the export is split: {paths:?}");
    let view = open(&paths);
    let c = collect(&Google, &view);
    assert!(
        c.failed.is_empty() && c.warnings.is_empty(),
        "{:?} {:?}",
        c.failed,
        c.warnings
    );
    assert_eq!(count(&c, "location_point"), 400);
    let s = summarize(&view, &c);
    assert_eq!(s.detected, "google");
    insta::assert_json_snapshot!("google_part_zips", s.kinds);
}

/// Rough parse throughput of `Records.json` through the whole path (archive stream, JSON
/// scanner, element parse, record). Run with
/// `cargo test -p footprint-core --test golden_google -- --ignored --nocapture`.
#[test]
#[ignore = "benchmark: generates a million points"]
fn records_throughput_one_million_points() {
    let spec = TakeoutSpec {
        activity: 0,
        semantic_months: 0,
        chrome: 0,
        installs: 0,
        ads: 0,
        ..TakeoutSpec::benchmark()
    };
    let dir = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let paths = generate(&spec, &dir.path().join("bench.zip")).unwrap();
    let generated = started.elapsed();
    let view = open(&paths);
    let size = view.total_bytes();
    let started = std::time::Instant::now();
    let c = collect(&Google, &view);
    let took = started.elapsed().as_secs_f64();
    assert_eq!(count(&c, "location_point"), spec.location_points);
    println!(
        "generated in {:.1}s; imported {} points ({} MB inflated) in {took:.2}s: {:.0} records/s, {:.0} MB/s",
        generated.as_secs_f64(),
        spec.location_points,
        size >> 20,
        spec.location_points as f64 / took,
        (size as f64 / 1e6) / took
    );
}

/// The `Records.json` parser alone, from memory into a sink that only counts: the importer's
/// own cost without inflating, archive checks or collecting records in a Vec. Run like
/// [`records_throughput_one_million_points`].
#[test]
#[ignore = "benchmark: generates a million points"]
fn records_parser_throughput_in_memory() {
    use footprint_core::importer::ImportCx;

    let spec = TakeoutSpec {
        activity: 0,
        semantic_months: 0,
        chrome: 0,
        installs: 0,
        ads: 0,
        top_folder: false,
        container: Container::Folder,
        ..TakeoutSpec::benchmark()
    };
    let dir = tempfile::tempdir().unwrap();
    generate(&spec, &dir.path().join("bench")).unwrap();
    let bytes = std::fs::read(dir.path().join("bench/Location History/Records.json")).unwrap();
    let mut sink = golden::CountingSink(0);
    let started = std::time::Instant::now();
    {
        let mut cx = ImportCx::new("Records.json", &mut sink);
        let mut reader = bytes.as_slice();
        footprint_core::importers::google::location_records::parse(&mut reader, &mut cx).unwrap();
    }
    let took = started.elapsed().as_secs_f64();
    assert_eq!(sink.0, spec.location_points as u64);
    println!(
        "parsed {} points ({} MB) from memory in {took:.2}s: {:.0} records/s, {:.0} MB/s",
        sink.0,
        bytes.len() >> 20,
        sink.0 as f64 / took,
        bytes.len() as f64 / 1e6 / took
    );
}
