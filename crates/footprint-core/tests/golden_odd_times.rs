//! Golden tests of the time rule (docs/IMPORTERS.md, "Times"): Google, Facebook and Instagram
//! exports whose generators wrote one timestamp in four as a sentinel (`0`, `-1`,
//! `9223372036854775807`), in nanoseconds or in 2090 (footprint-fixtures' `odd_timestamps`).
//! Every record is still imported; nanoseconds become the right date; sentinels and impossible
//! dates become "no date", and each file with impossible dates carries one warning that counts
//! them. The same spec without the flag is the reference: the generators' random streams do not
//! depend on the flag, so the records pair up one to one.

mod golden;

use footprint_core::archive::ArchiveView;
use footprint_core::importer::Importer;
use footprint_core::importers::google::Google;
use footprint_core::importers::meta::{facebook::Facebook, instagram::Instagram};
use footprint_core::testing::{collect, Collected, TEST_CLOCK_MS};
use footprint_core::time::{EVENTS_FROM_MS, FUTURE_SLACK_MS};
use footprint_fixtures::google::{generate, TakeoutSpec};
use footprint_fixtures::meta::{generate_facebook, generate_instagram, FacebookSpec, InstagramSpec};
use footprint_fixtures::odd_times::FAR_FUTURE_MS;
use golden::open;
use serde_json::Value;
use std::path::PathBuf;

/// Generate with `make(dir, odd)` twice (plain and odd) and import both in memory.
fn both(
    importer: &dyn Importer,
    make: impl Fn(&std::path::Path, bool) -> Vec<PathBuf>,
) -> ((ArchiveView, Collected), (ArchiveView, Collected), tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let plain_dir = dir.path().join("plain");
    let odd_dir = dir.path().join("odd");
    std::fs::create_dir_all(&plain_dir).unwrap();
    std::fs::create_dir_all(&odd_dir).unwrap();
    let plain = open(&make(&plain_dir, false));
    let odd = open(&make(&odd_dir, true));
    let cp = collect(importer, &plain);
    let co = collect(importer, &odd);
    ((plain, cp), (odd, co), dir)
}

/// What every odd export must show against its plain twin.
fn common_checks(plain: &Collected, odd: &Collected) {
    assert!(odd.failed.is_empty(), "no file may fail: {:?}", odd.failed);
    assert_eq!(odd.records.len(), plain.records.len(), "every record is kept");
    let mut dropped = 0;
    for (p, o) in plain.records.iter().zip(&odd.records) {
        assert_eq!((&p.file, p.record.position), (&o.file, o.record.position));
        for (pt, ot) in [(p.record.ts, o.record.ts), (p.record.ts_end, o.record.ts_end)] {
            if let Some(t) = ot {
                assert!(
                    (EVENTS_FROM_MS..=TEST_CLOCK_MS + FUTURE_SLACK_MS).contains(&t),
                    "impossible date kept in {} at {}: {t}",
                    o.file,
                    o.record.position
                );
                // A nanosecond value is the same instant as the plain export's, to the ms.
                assert_eq!(Some(t), pt, "{} at {}", o.file, o.record.position);
            } else if pt.is_some() {
                dropped += 1;
            }
        }
    }
    assert!(dropped > 0, "the odd variant has dates to drop");
}

/// The warning that sums up a file's impossible dates: its count, if there is one.
fn impossible_in(c: &Collected, file: &str) -> Option<u64> {
    let mine: Vec<&str> = c
        .warnings
        .iter()
        .filter(|w| w.file == file && w.message.contains("impossible date"))
        .map(|w| w.message.as_str())
        .collect();
    assert!(mine.len() <= 1, "one summary warning per file, not one per date: {mine:?}");
    mine.first().map(|m| {
        m.split_whitespace().next().and_then(|n| n.parse().ok()).expect("the warning starts with the count")
    })
}

/// Check one file element by element: read its raw timestamps (`field` of each element of the
/// array at `array`, in `per_ms` units per millisecond) and compare with the records made of it.
fn check_file(view: &ArchiveView, c: &Collected, suffix: &str, array: &str, field: &str, kind: &str, per_ms: f64) {
    let i = view.find_suffix(suffix).unwrap_or_else(|| panic!("{suffix} in the archive"));
    let path = &view.entries()[i].path;
    let raw: Value = serde_json::from_slice(&view.read_head(i, 1 << 24).unwrap()).unwrap();
    let items = raw[array].as_array().expect("an array");
    let (mut impossible, mut nanos, mut sentinels) = (0, 0, 0);
    for (position, item) in items.iter().enumerate() {
        let v = item[field].as_i64().or_else(|| item[field].as_str().and_then(|s| s.parse().ok())).unwrap();
        let record = c
            .records
            .iter()
            .find(|r| &r.file == path && r.record.kind == kind && r.record.position == position as u64)
            .unwrap_or_else(|| panic!("a {kind} record for element {position} of {path}"));
        // Messages are kept to the second (their HTML twin prints seconds; one key for both).
        let precision = if kind == "message" { 1000 } else { 1 };
        let ts = record.record.ts.map(|t| t / precision * precision);
        let to_precision = |ms: i64| ms / precision * precision;
        match v {
            v if v <= 0 => {
                sentinels += 1;
                assert_eq!(ts, None, "{v} is no date");
            }
            i64::MAX => {
                impossible += 1;
                assert_eq!(ts, None, "{v} is no date");
            }
            v if v >= 1_000_000_000_000_000_000 => {
                nanos += 1;
                assert_eq!(ts, Some(to_precision(v / 1_000_000)), "nanoseconds are read by their magnitude");
            }
            v if (v as f64 / per_ms) as i64 == FAR_FUTURE_MS => {
                impossible += 1;
                assert_eq!(ts, None, "2090 is after the import");
            }
            v => assert_eq!(ts, Some(to_precision((v as f64 / per_ms) as i64)), "a good value is untouched"),
        }
    }
    assert!(impossible > 0 && nanos > 0 && sentinels > 0, "{path}: {impossible} impossible, {nanos} ns, {sentinels} sentinels");
    assert_eq!(impossible_in(c, path), Some(impossible), "{path}: {:?}", c.warnings);
}

#[test]
fn google_chrome_history_with_sentinels_nanoseconds_and_far_future() {
    let make = |dir: &std::path::Path, odd: bool| {
        let spec = TakeoutSpec { chrome: 20, old_timestamps: true, odd_timestamps: odd, ..Default::default() };
        generate(&spec, &dir.join("takeout-20240301T101010Z.zip")).unwrap()
    };
    let ((_, plain), (view, odd), _dir) = both(&Google, make);
    assert!(plain.warnings.is_empty(), "the plain twin is clean: {:?}", plain.warnings);
    common_checks(&plain, &odd);
    check_file(&view, &odd, "Chrome/BrowserHistory.json", "Browser History", "time_usec", "page_visit", 1000.0);
    check_file(&view, &odd, "Records.json", "locations", "timestampMs", "location_point", 1.0);
}

#[test]
fn facebook_messages_posts_and_off_meta_with_odd_timestamps() {
    let make = |dir: &std::path::Path, odd: bool| {
        let spec = FacebookSpec { odd_timestamps: odd, ..Default::default() };
        generate_facebook(&spec, &dir.join("facebook.zip")).unwrap()
    };
    let ((_, plain), (view, odd), _dir) = both(&Facebook, make);
    assert!(plain.warnings.is_empty(), "the plain twin is clean: {:?}", plain.warnings);
    common_checks(&plain, &odd);
    let thread = view
        .entries()
        .iter()
        .find(|e| e.path.contains("/messages/inbox/") && e.path.ends_with("message_1.json"))
        .map(|e| e.path.clone())
        .expect("a thread");
    check_file(&view, &odd, &thread, "messages", "timestamp_ms", "message", 1.0);
    // Seconds fields (off-Meta events, posts) carry their own summary warnings.
    let with_summary = odd.warnings.iter().filter(|w| w.message.contains("impossible date")).count();
    assert!(with_summary >= 2, "{:?}", odd.warnings);
}

#[test]
fn instagram_messages_and_off_meta_with_odd_timestamps() {
    let make = |dir: &std::path::Path, odd: bool| {
        let spec = InstagramSpec { odd_timestamps: odd, ..Default::default() };
        generate_instagram(&spec, &dir.join("instagram.zip")).unwrap()
    };
    let ((_, plain), (view, odd), _dir) = both(&Instagram, make);
    assert!(plain.warnings.is_empty(), "the plain twin is clean: {:?}", plain.warnings);
    common_checks(&plain, &odd);
    let thread = view
        .entries()
        .iter()
        .find(|e| e.path.contains("/inbox/") && e.path.ends_with("message_1.json"))
        .map(|e| e.path.clone())
        .expect("a thread");
    check_file(&view, &odd, &thread, "messages", "timestamp_ms", "message", 1.0);
}

/// The generators write only possible event dates (unless asked for odd ones): every
/// platform's default export, imported on the test clock, keeps its dates and has no
/// impossible-date warning, so the demo and the golden snapshots keep theirs.
#[test]
fn every_generator_writes_only_possible_event_dates() {
    for g in footprint_fixtures::demo::GENERATORS {
        let dir = tempfile::tempdir().unwrap();
        let written = (g.write)(&dir.path().join(format!("{}-2024-03-02.zip", g.id)), 7, None).unwrap();
        let importer = footprint_core::registry::by_id(g.id).expect("a registered importer");
        let mut dated = 0;
        for export in footprint_core::exports::plan_exports(&written, &footprint_core::archive::Limits::default()) {
            let c = collect(importer, &open(&export));
            let impossible: Vec<_> = c.warnings.iter().filter(|w| w.message.contains("impossible date")).collect();
            assert!(impossible.is_empty(), "{}: {impossible:?}", g.id);
            dated += c.records.iter().filter(|r| r.record.ts.is_some()).count();
        }
        assert!(dated > 0, "{}: its records keep their dates", g.id);
    }
}
