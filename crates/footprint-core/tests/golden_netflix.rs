//! Golden tests of the Netflix importer: the 2020 and 2024 report generations, flat and in a
//! `netflix-report/` folder, clean and messy (footprint-fixtures), through ArchiveView,
//! detection and the importer in memory; a normalized summary is snapshotted.

mod golden;

use footprint_core::archive::ArchiveView;
use footprint_core::importers::netflix::Netflix;
use footprint_core::registry;
use footprint_core::testing::{collect, Collected};
use footprint_fixtures::netflix::{self as nf, NetflixSpec, NfGen};
use footprint_fixtures::Persona;
use golden::{count, open, Summary};
use std::collections::BTreeMap;

fn run(spec: &NetflixSpec) -> (ArchiveView, Collected, Summary, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let paths = nf::generate(spec, &dir.path().join("netflix-report-2024-03-02.zip")).unwrap();
    let view = open(&paths);
    let c = collect(&Netflix, &view);
    let s = golden::summarize(&view, &c, registry::importers(), false);
    (view, c, s, dir)
}

/// What every Netflix report must pass.
fn common_checks(view: &ArchiveView, c: &Collected, s: &Summary, spec: &NetflixSpec) {
    assert_eq!(
        s.detected, "netflix",
        "detection must not tie: {:?}",
        s.recognition
    );
    golden::no_other_importer_claims(view, "netflix");
    let parsed = golden::parsed_files(c);
    assert!(
        parsed >= nf::data_files(spec),
        "{parsed} of {} data files parsed; unknown: {:?}",
        nf::data_files(spec),
        s.unknown
    );
    assert!(s.unknown.is_empty(), "unknown files: {:?}", s.unknown);
    assert_eq!(s.skipped.len(), 1, "the cover sheet: {:?}", s.skipped);
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
    // Third parties: the payment processors of the bills, and the social networks (2024).
    let mut want: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for i in 0..spec.bills {
        *want
            .entry(nf::processor(i).1.to_string())
            .or_default()
            .entry("connected_app".into())
            .or_insert(0) += 1;
    }
    if spec.generation == NfGen::Report2024 {
        for net in nf::SOCIAL {
            want.insert(
                net.to_string(),
                BTreeMap::from([("connected_app".to_string(), 1)]),
            );
        }
    }
    assert_eq!(s.companies, want);
    assert_eq!(
        golden::spending_by_currency(c),
        nf::expected_spending(spec),
        "what the account paid"
    );
    assert!(c
        .records
        .iter()
        .filter(|r| r.record.amount.is_some())
        .all(|r| r.record.category == footprint_core::model::Category::Purchases));
    assert_eq!(count(c, "login_ip"), nf::IPS.len().min(spec.logins));
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

fn clean_checks(view: &ArchiveView, c: &Collected, s: &Summary, spec: &NetflixSpec) {
    common_checks(view, c, s, spec);
    assert!(c.failed.is_empty(), "no file may fail: {:?}", c.failed);
    assert!(
        c.warnings.is_empty(),
        "clean reports give no warnings: {:?}",
        s.warnings
    );
    assert_eq!(count(c, "viewing"), spec.viewings);
    assert_eq!(count(c, "search"), spec.searches);
    assert_eq!(count(c, "billing"), spec.bills);
    assert_eq!(
        count(c, "browsing_day"),
        spec.clicks.div_ceil(10),
        "clicks per day"
    );
    for kind in ["viewing", "search", "billing", "browsing_day", "login_ip"] {
        assert!(
            c.records
                .iter()
                .filter(|r| r.record.kind == kind)
                .all(|r| r.record.ts.is_some()),
            "every {kind} has its time"
        );
    }
}

#[test]
fn report_2024() {
    let spec = NetflixSpec::default();
    let (view, c, s, _d) = run(&spec);
    clean_checks(&view, &c, &s, &spec);
    assert_eq!(count(&c, "playback"), 4);
    assert_eq!(count(&c, "streaming_ip"), 2);
    insta::assert_json_snapshot!("netflix_report_2024", s);
}

#[test]
fn report_2020_in_a_folder() {
    let spec = NetflixSpec {
        generation: NfGen::Report2020,
        top_folder: true,
        bom: false,
        ..Default::default()
    };
    let (view, c, s, _d) = run(&spec);
    clean_checks(&view, &c, &s, &spec);
    assert_eq!(count(&c, "playback"), 0);
    insta::assert_json_snapshot!("netflix_report_2020_folder", s);
}

/// The same account exported twice (another layout) yields the same keys.
#[test]
fn reimport_keys_are_stable() {
    let keys = |spec: &NetflixSpec| {
        let (_, c, _, _d) = run(spec);
        let mut k: Vec<u64> = c.records.iter().map(|r| r.record.effective_key()).collect();
        k.sort_unstable();
        k
    };
    let flat = keys(&NetflixSpec::default());
    assert_eq!(
        flat,
        keys(&NetflixSpec {
            top_folder: true,
            bom: false,
            ..Default::default()
        }),
        "layout does not change keys"
    );
    let mut dedup = flat.clone();
    dedup.dedup();
    assert_eq!(dedup.len(), flat.len(), "every record has its own key");
}

/// 0-byte file, cut-off file, broken-UTF-8 row, upper-case headers and a localized name:
/// warnings name the file and line, everything else is imported.
#[test]
fn messy_report() {
    let spec = NetflixSpec {
        damaged: true,
        upper_headers: true,
        localized_names: true,
        macos_junk: true,
        ..Default::default()
    };
    let (view, c, s, _d) = run(&spec);
    common_checks(&view, &c, &s, &spec);
    assert_eq!(
        s.files.get("netflix_billing_history"),
        Some(&1),
        "the localized billing file is known by its header"
    );
    assert!(
        s.warnings
            .iter()
            .any(|w| w.contains("ViewingActivity.csv") && w.contains("line")),
        "the cut-off row is reported: {:?}",
        s.warnings
    );
    assert!(
        c.warnings
            .iter()
            .any(|w| w.file.ends_with("SearchHistory.csv"))
            || c.failed.iter().any(|f| f.0.ends_with("SearchHistory.csv")),
        "the broken row is reported: {:?} {:?}",
        s.warnings,
        c.failed
    );
    assert!(
        count(&c, "viewing") >= spec.viewings - 1,
        "the rest of the cut-off file is imported"
    );
    assert_eq!(
        count(&c, "search"),
        spec.searches,
        "the rows around the broken one"
    );
    assert_eq!(count(&c, "my_list"), 0);
    insta::assert_json_snapshot!("netflix_messy", s);
}
