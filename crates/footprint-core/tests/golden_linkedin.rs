//! Golden tests of the LinkedIn importer: the basic and the complete export, at the root and
//! in a folder, clean and messy (footprint-fixtures), through ArchiveView, detection and the
//! importer in memory; a normalized summary is snapshotted.

mod golden;

use golden::count;

use footprint_core::archive::ArchiveView;
use footprint_core::importer::Importer;
use footprint_core::importers::linkedin::LinkedIn;
use footprint_core::registry;
use footprint_core::testing::{collect, Collected};
use footprint_fixtures::linkedin::{self as li, LiGen, LiLayout, LinkedInSpec};
use footprint_fixtures::Persona;
use golden::{open, Summary};
use std::collections::BTreeMap;

fn run(spec: &LinkedInSpec) -> (ArchiveView, Collected, Summary, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir
        .path()
        .join(format!("{}.zip", li::zip_name(spec.generation)));
    let paths = li::generate(spec, &out).unwrap();
    let view = open(&paths);
    let c = collect(&LinkedIn, &view);
    let s = golden::summarize(&view, &c, registry::importers(), false);
    (view, c, s, dir)
}



/// What every LinkedIn archive must pass.
fn common_checks(view: &ArchiveView, c: &Collected, s: &Summary, spec: &LinkedInSpec) {
    assert_eq!(
        s.detected, "linkedin",
        "detection must not tie: {:?}",
        s.recognition
    );
    let mine = LinkedIn.recognize(view).confidence;
    for imp in registry::importers()
        .iter()
        .filter(|i| i.id() != "linkedin")
    {
        assert!(
            imp.recognize(view).confidence < mine,
            "{} claims a LinkedIn archive",
            imp.id()
        );
    }
    let parsed = golden::parsed_files(c);
    assert!(
        parsed >= li::data_files(spec),
        "{parsed} of {} data files parsed; unknown: {:?}",
        li::data_files(spec),
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
    assert_eq!(
        s.account.as_deref(),
        Some(me.email.as_str()),
        "the account is the primary address"
    );
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

fn clean_checks(view: &ArchiveView, c: &Collected, s: &Summary, spec: &LinkedInSpec) {
    common_checks(view, c, s, spec);
    assert!(c.failed.is_empty(), "no file may fail: {:?}", c.failed);
    assert!(
        c.warnings.is_empty(),
        "clean archives give no warnings: {:?}",
        s.warnings
    );
    assert_eq!(count(c, "connection"), spec.connections);
    assert_eq!(count(c, "message"), spec.messages);
    assert_eq!(count(c, "invitation"), spec.invitations);
    assert!(
        c.records
            .iter()
            .filter(|r| r.record.kind == "connection")
            .all(|r| r.record.ts.is_some()),
        "every Connected On parses"
    );
}

#[test]
fn basic_export_at_the_root() {
    let spec = LinkedInSpec {
        generation: LiGen::Basic,
        ..Default::default()
    };
    let (view, c, s, _d) = run(&spec);
    clean_checks(&view, &c, &s, &spec);
    assert!(
        s.companies.is_empty(),
        "the basic export names no third party: {:?}",
        s.companies
    );
    insta::assert_json_snapshot!("linkedin_basic_root", s);
}

#[test]
fn complete_export_in_a_folder() {
    let spec = LinkedInSpec {
        layout: LiLayout::Folder,
        bom: true,
        ..Default::default()
    };
    let (view, c, s, _d) = run(&spec);
    clean_checks(&view, &c, &s, &spec);
    assert!(c
        .files
        .iter()
        .all(|(p, _)| p.starts_with("Complete_LinkedInDataExport_03-02-2024/")));

    // Third parties: LAN advertisers and publishers, employers that got an application, the
    // identity-verification provider, each with its relation and count.
    let mut ad = BTreeMap::new();
    for i in 0..spec.lan_advertisers {
        *ad.entry(li::lan_advertiser(i)).or_insert(0) += 1;
        *ad.entry(li::LAN_PUBLISHERS[i % li::LAN_PUBLISHERS.len()].to_string())
            .or_insert(0) += 1;
    }
    assert_eq!(golden::with_relation(&s, "ad_interaction"), ad);
    let applied: BTreeMap<String, usize> = (0..spec.job_applications)
        .map(|i| (li::employer(i), 1))
        .collect();
    assert_eq!(golden::with_relation(&s, "received_your_info"), applied);
    assert_eq!(
        golden::with_relation(&s, "data_partner"),
        BTreeMap::from([(li::VERIFICATION_PROVIDER.to_string(), 1)])
    );
    assert_eq!(
        s.companies.len(),
        ad.len() + applied.len() + 1,
        "no other company: {:?}",
        s.companies
    );

    let values: usize = li::AD_TARGETING
        .iter()
        .map(|(_, v)| v.split(';').filter(|x| !x.trim().is_empty()).count())
        .sum();
    assert_eq!(
        count(&c, "ad_targeting"),
        values,
        "one record per targeting value"
    );
    assert_eq!(count(&c, "inference"), li::INFERENCES.len());
    assert_eq!(count(&c, "login"), spec.logins);
    assert_eq!(count(&c, "search"), spec.searches);
    assert!(c
        .records
        .iter()
        .filter(|r| r.record.kind == "company_follow")
        .all(|r| r.record.ts.is_some()));
    insta::assert_json_snapshot!("linkedin_complete_folder", s);
}

/// A newer export of the same account yields the same keys: re-importing adds nothing.
#[test]
fn reimport_keys_are_stable() {
    let keys = |spec: &LinkedInSpec| {
        let (_, c, _, _d) = run(spec);
        let mut k: Vec<u64> = c.records.iter().map(|r| r.record.effective_key()).collect();
        k.sort_unstable();
        k
    };
    let root = keys(&LinkedInSpec::default());
    let folder = keys(&LinkedInSpec {
        layout: LiLayout::Folder,
        bom: true,
        ..Default::default()
    });
    assert_eq!(root, folder, "layout and BOM do not change keys");
    let mut dedup = root.clone();
    dedup.dedup();
    assert!(
        dedup.len() * 100 >= root.len() * 99,
        "keys tell records apart: {} of {}",
        dedup.len(),
        root.len()
    );
}

/// 0-byte file, cut-off file, broken-UTF-8 row, placeholders, lowercase headers, US dates and
/// a localized name: warnings name the file and line, everything else is imported.
#[test]
fn messy_complete_export() {
    let spec = LinkedInSpec {
        damaged: true,
        placeholders: true,
        lowercase_headers: true,
        month_first_dates: true,
        localized_names: true,
        bom: true,
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
            .any(|w| w.file == "Invitations.csv" && w.message.contains("line")),
        "the broken row is reported with its line: {:?}",
        s.warnings
    );
    assert!(
        c.warnings
            .iter()
            .any(|w| w.file == "messages.csv" && w.message.contains("truncated")),
        "{:?}",
        s.warnings
    );
    assert_eq!(
        count(&c, "invitation"),
        spec.invitations,
        "the rows around the broken one are kept"
    );
    assert_eq!(
        count(&c, "message"),
        spec.messages,
        "the cut-off last message is kept"
    );
    assert_eq!(
        count(&c, "connection"),
        spec.connections,
        "Verbindungen.csv is known by its header"
    );
    assert_eq!(
        count(&c, "skill"),
        0,
        "the 0-byte Skills.csv gives nothing and no error"
    );
    assert_eq!(count(&c, "registration"), 1);
    assert!(
        c.records
            .iter()
            .filter(|r| r.record.kind == "connection")
            .all(|r| r.record.ts.is_some()),
        "`Mar 15, 2009` parses"
    );
    assert!(
        s.warnings.iter().all(|w| !w.contains("not a date")),
        "{:?}",
        s.warnings
    );
    insta::assert_json_snapshot!("linkedin_messy", s);
}

/// The demo archive (`footprint generate linkedin`) is detected and imports cleanly.
#[test]
fn demo_archive_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let g = footprint_fixtures::demo::generator("linkedin").expect("registered generator");
    let out = dir
        .path()
        .join(format!("{}.zip", li::zip_name(LiGen::Complete)));
    let view = open(&(g.write)(&out, 7, Some(50)).unwrap());
    assert_eq!(golden::detected(&view), "linkedin");
    let c = collect(&LinkedIn, &view);
    assert!(
        c.failed.is_empty() && c.warnings.is_empty(),
        "{:?} {:?}",
        c.failed,
        c.warnings
    );
    assert_eq!(count(&c, "message"), 50);
}

/// 100,000 messages and connections end to end. Slow in debug builds:
/// `cargo test --test golden_linkedin -- --ignored`.
#[test]
#[ignore]
fn linkedin_benchmark_size() {
    let spec = LinkedInSpec {
        messages: 100_000,
        connections: 100_000,
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let t0 = std::time::Instant::now();
    let paths = li::generate(&spec, &dir.path().join("bench.zip")).unwrap();
    let generated = t0.elapsed();
    let view = open(&paths);
    let t1 = std::time::Instant::now();
    let c = collect(&LinkedIn, &view);
    let imported = t1.elapsed();
    assert!(c.failed.is_empty() && c.warnings.is_empty());
    assert_eq!(count(&c, "message"), spec.messages);
    eprintln!(
        "benchmark: {} bytes zipped, generated in {generated:?}, {} records imported in {imported:?}",
        std::fs::metadata(&paths[0]).unwrap().len(),
        c.records.len()
    );
}
