//! Golden tests of the Uber importer: the classic and the numbered-parts generations, rider
//! only and with driver files, clean and messy (footprint-fixtures), through ArchiveView,
//! detection and the importer in memory; a normalized summary is snapshotted.

mod golden;

use footprint_core::archive::ArchiveView;
use footprint_core::importers::uber::Uber;
use footprint_core::model::Category;
use footprint_core::registry;
use footprint_core::testing::{collect, Collected};
use footprint_fixtures::uber::{self as ub, UbGen, UberSpec};
use footprint_fixtures::{Container, Persona};
use golden::{count, open, Summary};
use std::collections::BTreeMap;

fn run(spec: &UberSpec) -> (ArchiveView, Collected, Summary, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let paths = ub::generate(spec, &dir.path().join("uber-data-2024-03-02.zip")).unwrap();
    let view = open(&paths);
    let c = collect(&Uber, &view);
    let s = golden::summarize(&view, &c, registry::importers(), false);
    (view, c, s, dir)
}

fn common_checks(view: &ArchiveView, c: &Collected, s: &Summary, spec: &UberSpec) {
    assert_eq!(
        s.detected, "uber",
        "detection must not tie: {:?}",
        s.recognition
    );
    golden::no_other_importer_claims(view, "uber");
    let parsed = golden::parsed_files(c);
    assert!(
        parsed >= ub::data_files(spec),
        "{parsed} of {} data files parsed; unknown: {:?}",
        ub::data_files(spec),
        s.unknown
    );
    assert!(s.unknown.is_empty(), "unknown files: {:?}", s.unknown);
    let me = Persona::for_seed(spec.seed);
    assert_eq!(s.account, Some(me.email.clone()));
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
    // Third parties: the restaurants of the Eats orders, one record per order.
    let mut want: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for k in 0..spec.orders {
        *want
            .entry(ub::restaurant(k))
            .or_default()
            .entry("sold_to_you".into())
            .or_insert(0) += 1;
    }
    assert_eq!(s.companies, want);
    assert!(c
        .records
        .iter()
        .filter(|r| r.record.amount.is_some())
        .all(|r| r.record.category == Category::Purchases));
    for cr in &c.records {
        if let Some(ts) = cr.record.ts {
            assert!(
                (footprint_core::time::EARLIEST_MS..footprint_core::time::LATEST_MS).contains(&ts),
                "{}: {ts}",
                cr.file
            );
        }
    }
}

fn clean_checks(view: &ArchiveView, c: &Collected, s: &Summary, spec: &UberSpec) {
    common_checks(view, c, s, spec);
    assert!(c.failed.is_empty(), "no file may fail: {:?}", c.failed);
    assert!(
        c.warnings.is_empty(),
        "clean archives give no warnings: {:?}",
        s.warnings
    );
    assert_eq!(
        golden::spending_by_currency(c),
        ub::expected_spending(spec),
        "fares, orders and income add up"
    );
    assert_eq!(count(c, "trip"), spec.trips);
    let completed = (0..spec.trips).filter(|k| !ub::canceled(*k)).count();
    let trips_on_map = c
        .records
        .iter()
        .filter(|r| r.record.kind == "trip" && r.record.lat.is_some())
        .count();
    assert_eq!(
        trips_on_map, completed,
        "completed trips have their pick-up point; canceled ones none"
    );
    assert_eq!(count(c, "eats_order"), spec.orders);
    assert_eq!(
        count(c, "app_event"),
        3,
        "analytics summarized per event name"
    );
    assert!(c
        .records
        .iter()
        .filter(|r| r.record.kind == "trip")
        .all(|r| r.record.ts.is_some()));
}

#[test]
fn classic_rider_archive() {
    let spec = UberSpec::default();
    let (view, c, s, _d) = run(&spec);
    clean_checks(&view, &c, &s, &spec);
    insta::assert_json_snapshot!("uber_classic", s);
}

#[test]
fn numbered_parts_with_driver_files_in_a_folder() {
    let spec = UberSpec {
        generation: UbGen::Numbered,
        driver: true,
        bom: true,
        container: Container::Folder,
        ..Default::default()
    };
    let (view, c, s, _d) = run(&spec);
    clean_checks(&view, &c, &s, &spec);
    assert_eq!(count(&c, "driver_trip"), 4);
    assert_eq!(count(&c, "driver_payment"), 3);
    insta::assert_json_snapshot!("uber_numbered_driver", s);
}

#[test]
fn reimport_keys_are_stable() {
    let keys = |spec: &UberSpec| {
        let (_, c, _, _d) = run(spec);
        let mut k: Vec<u64> = c.records.iter().map(|r| r.record.effective_key()).collect();
        k.sort_unstable();
        k
    };
    let zip = keys(&UberSpec::default());
    assert_eq!(
        zip,
        keys(&UberSpec {
            container: Container::Folder,
            bom: true,
            ..Default::default()
        }),
        "layout does not change keys"
    );
    let mut dedup = zip.clone();
    dedup.dedup();
    assert_eq!(dedup.len(), zip.len(), "every record has its own key");
}

#[test]
fn messy_archive() {
    let spec = UberSpec {
        damaged: true,
        localized_names: true,
        bom: true,
        macos_junk: true,
        ..Default::default()
    };
    let (view, c, s, _d) = run(&spec);
    common_checks(&view, &c, &s, &spec);
    assert_eq!(
        s.files.get("uber_rider_trips"),
        Some(&1),
        "the localized trips file is known by its header"
    );
    assert!(
        s.warnings
            .iter()
            .any(|w| w.contains("fahrten.csv") && w.contains("line")),
        "the cut-off row is reported: {:?}",
        s.warnings
    );
    assert!(
        s.warnings
            .iter()
            .any(|w| w.contains("eats_order_details.csv")),
        "the broken row is reported: {:?}",
        s.warnings
    );
    assert!(
        count(&c, "trip") >= spec.trips - 1,
        "the rest of the cut-off file is imported"
    );
    assert_eq!(
        count(&c, "eats_order"),
        spec.orders,
        "the orders around the broken row"
    );
    assert_eq!(count(&c, "payment_method"), 0);
    insta::assert_json_snapshot!("uber_messy", s);
}
