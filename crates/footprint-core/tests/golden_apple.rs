//! Golden tests of the Apple importer: the 2020 and 2024 exports (Apple Music's activity as a
//! zip nested in `Apple_Media_Services.zip` in 2024), as zips given together and as the
//! folder holding them, clean and messy (footprint-fixtures), through ArchiveView,
//! detection, export planning and the importer in memory; a normalized summary is
//! snapshotted.

mod golden;

use footprint_core::archive::{ArchiveView, Limits};
use footprint_core::exports::plan_exports;
use footprint_core::importer::FileRole;
use footprint_core::importers::apple::Apple;
use footprint_core::registry;
use footprint_core::testing::{collect, Collected};
use footprint_fixtures::apple::{self as ap, AppleGen, AppleLayout, AppleSpec};
use footprint_fixtures::Persona;
use golden::{count, open, Summary};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn run(spec: &AppleSpec) -> (ArchiveView, Collected, Summary, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = ap::generate(spec, &dir.path().join("apple-2024-03-02")).unwrap();
    let plan = plan_exports(&paths, &Limits::default());
    assert_eq!(
        plan.len(),
        1,
        "the zips of one request are ONE export: {plan:?}"
    );
    let view = open(&plan[0]);
    let c = collect(&Apple, &view);
    let s = golden::summarize(&view, &c, registry::importers(), false);
    (view, c, s, dir)
}



fn totals(c: &Collected) -> BTreeMap<String, i64> {
    let mut t = BTreeMap::new();
    for r in &c.records {
        if let Some(m) = r.record.amount {
            *t.entry(m.currency.as_str().to_string()).or_insert(0) += m.minor;
        }
    }
    t
}

fn common_checks(view: &ArchiveView, c: &Collected, s: &Summary, spec: &AppleSpec) {
    assert_eq!(s.detected, "apple", "no tie: {:?}", s.recognition);
    golden::no_other_importer_claims(view, "apple");
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
    let parsed = golden::parsed_files(c);
    let data = c
        .files
        .iter()
        .filter(|(p, r)| {
            !matches!(r, FileRole::Skip(_))
                && !p.ends_with(".zip")
                && !p.contains("__MACOSX")
                && !p.ends_with(".DS_Store")
        })
        .count();
    assert!(
        parsed * 100 > data * 95,
        "{parsed} of {data} parsed; unknown {:?}",
        s.unknown
    );
    for cr in &c.records {
        if let Some(ts) = cr.record.ts {
            assert!(
                (footprint_core::time::EARLIEST_MS..footprint_core::time::LATEST_MS).contains(&ts),
                "{}: {ts}",
                cr.file
            );
        }
    }
    let mut installed = golden::tally(
        (0..spec.purchases)
            .filter(|i| ap::store_is_app(*i))
            .map(ap::app_developer),
    );
    for (k, v) in golden::tally((0..spec.installs).map(ap::app_developer))
        .into_iter()
        .chain(golden::tally(
            (0..spec.subscriptions).map(ap::subscription_developer),
        ))
        .chain(golden::tally((0..spec.games).map(ap::game_developer)))
    {
        *installed.entry(k).or_insert(0) += v;
    }
    assert_eq!(golden::with_relation(s, "installed_app"), installed);
    assert_eq!(
        golden::with_relation(s, "sold_to_you"),
        golden::tally((0..spec.wallet).map(ap::merchant))
    );
    assert_eq!(totals(c), ap::expected_totals(spec), "money per currency");
    assert!(c
        .records
        .iter()
        .filter(|r| r.record.amount.is_some())
        .all(|r| r.record.category == footprint_core::model::Category::Purchases));
    assert_eq!(count(c, "store_purchase"), spec.purchases);
    assert_eq!(count(c, "music_day"), spec.days);
    assert_eq!(count(c, "library_track"), spec.library);
    assert_eq!(count(c, "app_install"), spec.installs);
}

fn clean_checks(view: &ArchiveView, c: &Collected, s: &Summary, spec: &AppleSpec) {
    common_checks(view, c, s, spec);
    assert!(c.failed.is_empty(), "{:?}", c.failed);
    assert!(c.warnings.is_empty(), "{:?}", s.warnings);
    assert_eq!(count(c, "music_play"), spec.plays);
    assert_eq!(count(c, "game_center_friend"), spec.friends);
    assert!(
        s.skipped.iter().any(|p| p.contains(".vcf")),
        "contacts listed, skipped: {:?}",
        s.skipped
    );
}

#[test]
fn export_2024_zips_with_nested_music_zip() {
    let spec = AppleSpec::default();
    let (view, c, s, _d) = run(&spec);
    clean_checks(&view, &c, &s, &spec);
    assert!(
        c.files
            .iter()
            .any(|(p, _)| p.contains("Apple Music Activity.zip/Apple Music Play Activity.csv")),
        "nested zip read in place"
    );
    insta::assert_json_snapshot!("apple_2024_zips", s);
}

#[test]
fn export_2020_in_one_folder() {
    let spec = AppleSpec {
        generation: AppleGen::Y2020,
        layout: AppleLayout::Folder,
        bom: false,
        macos_junk: true,
        ..Default::default()
    };
    let (view, c, s, _d) = run(&spec);
    clean_checks(&view, &c, &s, &spec);
    insta::assert_json_snapshot!("apple_2020_folder", s);
}

#[test]
fn reimport_keys_are_stable() {
    let keys = |spec: &AppleSpec| {
        let (_, c, _, _d) = run(spec);
        let mut k: Vec<u64> = c.records.iter().map(|r| r.record.effective_key()).collect();
        k.sort_unstable();
        k
    };
    let a = keys(&AppleSpec::default());
    assert_eq!(
        a,
        keys(&AppleSpec {
            layout: AppleLayout::Folder,
            bom: false,
            ..Default::default()
        })
    );
    let mut d = a.clone();
    d.dedup();
    assert!(d.len() * 100 >= a.len() * 99, "{} of {}", d.len(), a.len());
}

#[test]
fn messy_export() {
    let spec = AppleSpec {
        damaged: true,
        localized_names: true,
        macos_junk: true,
        ..Default::default()
    };
    let (view, c, s, _d) = run(&spec);
    common_checks(&view, &c, &s, &spec);
    assert!(c.failed.is_empty(), "{:?}", c.failed);
    assert!(
        c.files.iter().any(|(p, r)| p.ends_with("Kaufverlauf.csv")
            && *r == FileRole::Parse("apple_store_transactions")),
        "known by its header"
    );
    assert!(
        c.warnings
            .iter()
            .any(|w| w.file.ends_with("Apple Music Play Activity.csv")
                && w.message.contains("truncated")),
        "{:?}",
        s.warnings
    );
    assert!(
        c.warnings
            .iter()
            .any(|w| w.file.ends_with("Kaufverlauf.csv") && w.message.contains("not a date")),
        "{:?}",
        s.warnings
    );
    assert!(
        c.warnings
            .iter()
            .any(|w| w.file.ends_with("Apple ID SignOn Information.csv")),
        "{:?}",
        s.warnings
    );
    assert_eq!(
        count(&c, "music_play"),
        spec.plays + 1,
        "the cut-off last row is kept"
    );
    assert_eq!(count(&c, "game_center_friend"), 0, "friends: null");
    assert_eq!(count(&c, "marketing_email"), 0, "0-byte file");
    insta::assert_json_snapshot!("apple_messy", s);
}

#[test]
fn demo_archive_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let g = footprint_fixtures::demo::generator("apple").expect("registered");
    let paths = (g.write)(&dir.path().join("apple-demo-2024-03-02.zip"), 7, Some(50)).unwrap();
    assert_eq!(
        plan_exports(&paths, &Limits::default()),
        vec![paths.clone()]
    );
    let view = open(&paths);
    assert_eq!(golden::detected(&view), "apple");
    let c = collect(&Apple, &view);
    assert!(
        c.failed.is_empty() && c.warnings.is_empty(),
        "{:?} {:?}",
        c.failed,
        c.warnings
    );
    assert_eq!(count(&c, "music_play"), 50);
}
