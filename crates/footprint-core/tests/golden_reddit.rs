//! Golden tests of the Reddit importer: both generations of message files, split votes and a
//! top folder, clean and messy (footprint-fixtures), through ArchiveView, detection and the
//! importer in memory; a normalized summary is snapshotted.

mod golden;

use golden::count;

use footprint_core::archive::ArchiveView;
use footprint_core::importer::Importer;
use footprint_core::importers::reddit::Reddit;
use footprint_core::registry;
use footprint_core::testing::{collect, Collected};
use footprint_fixtures::reddit::{self as rd, RdGen, RedditSpec};
use footprint_fixtures::Persona;
use golden::{open, Summary};
use std::collections::BTreeMap;

fn run(spec: &RedditSpec) -> (ArchiveView, Collected, Summary, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let paths = rd::generate(spec, &dir.path().join("reddit-export-2024-03-02.zip")).unwrap();
    let view = open(&paths);
    let c = collect(&Reddit, &view);
    let s = golden::summarize(&view, &c, registry::importers(), false);
    (view, c, s, dir)
}


/// What every Reddit archive must pass.
fn common_checks(view: &ArchiveView, c: &Collected, s: &Summary, spec: &RedditSpec) {
    assert_eq!(
        s.detected, "reddit",
        "detection must not tie: {:?}",
        s.recognition
    );
    let mine = Reddit.recognize(view).confidence;
    for imp in registry::importers().iter().filter(|i| i.id() != "reddit") {
        assert!(
            imp.recognize(view).confidence < mine,
            "{} claims a Reddit archive",
            imp.id()
        );
    }
    let parsed = golden::parsed_files(c);
    assert!(
        parsed >= rd::data_files(spec),
        "{parsed} of {} data files parsed; unknown: {:?}",
        rd::data_files(spec),
        s.unknown
    );
    assert!(s.unknown.is_empty(), "unknown files: {:?}", s.unknown);
    assert_eq!(
        s.skipped.len(),
        4,
        "three header twins and checkfile.csv: {:?}",
        s.skipped
    );
    let me = Persona::for_seed(spec.seed);
    assert_eq!(
        s.account,
        Some(rd::username(&me)),
        "the account is the username"
    );
    for want in [
        format!("email: {}", me.email),
        format!("phone: {}", me.phone),
        format!("username: {}", rd::username(&me)),
        format!("birth_date: {}", me.birth_date()),
    ] {
        assert!(
            s.identities.contains(&want),
            "{want} missing from {:?}",
            s.identities
        );
    }
    // Third parties: sign-in providers, Stripe, X and the payment processors as connected
    // apps, Persona as a data partner; nothing else.
    let mut apps: BTreeMap<String, usize> = rd::PROVIDERS
        .iter()
        .map(|(_, name)| (name.to_string(), 1))
        .collect();
    *apps.entry("Stripe".into()).or_insert(0) += 1;
    *apps.entry("X Corp.".into()).or_insert(0) += 1;
    for i in 0..spec.purchases {
        *apps.entry(rd::processor(i).into()).or_insert(0) += 1;
    }
    *apps.entry(rd::processor(0).into()).or_insert(0) += 1; // the subscription
    let mut want: BTreeMap<String, BTreeMap<String, usize>> = apps
        .into_iter()
        .map(|(n, k)| (n, BTreeMap::from([("connected_app".to_string(), k)])))
        .collect();
    want.insert(
        "Persona".into(),
        BTreeMap::from([("data_partner".to_string(), 1)]),
    );
    assert_eq!(s.companies, want);
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

fn clean_checks(view: &ArchiveView, c: &Collected, s: &Summary, spec: &RedditSpec) {
    common_checks(view, c, s, spec);
    assert!(c.failed.is_empty(), "no file may fail: {:?}", c.failed);
    assert!(
        c.warnings.is_empty(),
        "clean archives give no warnings: {:?}",
        s.warnings
    );
    assert_eq!(count(c, "post"), spec.posts);
    assert_eq!(count(c, "comment"), spec.comments);
    assert_eq!(count(c, "message"), spec.messages);
    assert_eq!(count(c, "post_vote"), spec.post_votes);
    assert_eq!(count(c, "comment_vote"), spec.comment_votes);
    assert_eq!(count(c, "ip_log"), spec.ip_logs);
    for kind in ["post", "comment", "message", "ip_log", "purchase"] {
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
fn newer_export_with_messages_archive() {
    let spec = RedditSpec::default();
    let (view, c, s, _d) = run(&spec);
    clean_checks(&view, &c, &s, &spec);
    assert_eq!(count(&c, "chat_message"), 3);
    insta::assert_json_snapshot!("reddit_messages_archive", s);
}

#[test]
fn older_export_with_messages_csv_split_votes_and_a_folder() {
    let spec = RedditSpec {
        generation: RdGen::Messages,
        split_votes: true,
        top_folder: true,
        ..Default::default()
    };
    let (view, c, s, _d) = run(&spec);
    clean_checks(&view, &c, &s, &spec);
    assert_eq!(count(&c, "chat_message"), 0);
    assert!(
        s.files.get("reddit_post_votes") == Some(&2),
        "both vote parts are read: {:?}",
        s.files
    );
    insta::assert_json_snapshot!("reddit_messages_split_folder", s);
}

/// The same account exported twice (another layout) yields the same keys.
#[test]
fn reimport_keys_are_stable() {
    let keys = |spec: &RedditSpec| {
        let (_, c, _, _d) = run(spec);
        let mut k: Vec<u64> = c.records.iter().map(|r| r.record.effective_key()).collect();
        k.sort_unstable();
        k
    };
    let flat = keys(&RedditSpec::default());
    assert_eq!(
        flat,
        keys(&RedditSpec {
            top_folder: true,
            split_votes: true,
            ..Default::default()
        }),
        "layout does not change keys"
    );
    let mut dedup = flat.clone();
    dedup.dedup();
    assert_eq!(dedup.len(), flat.len(), "every record has its own key");
}

/// 0-byte file, cut-off file, broken-UTF-8 row, empty cells, upper-case headers and a
/// localized name: warnings name the file and line, everything else is imported.
#[test]
fn messy_export() {
    let spec = RedditSpec {
        damaged: true,
        placeholders: true,
        upper_headers: true,
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
            .any(|w| w.file == "comment_votes.csv" && w.message.contains("line")),
        "{:?}",
        s.warnings
    );
    assert!(
        c.warnings
            .iter()
            .any(|w| w.file == "comments.csv" && w.message.contains("truncated")),
        "{:?}",
        s.warnings
    );
    assert_eq!(
        count(&c, "comment_vote"),
        spec.comment_votes,
        "rows around the broken one are kept"
    );
    assert_eq!(
        count(&c, "comment"),
        spec.comments,
        "the cut-off last comment is kept"
    );
    assert_eq!(
        count(&c, "post"),
        spec.posts,
        "beitraege.csv is known by its header"
    );
    assert_eq!(
        count(&c, "hidden_post"),
        0,
        "the 0-byte file gives nothing and no error"
    );
    insta::assert_json_snapshot!("reddit_messy", s);
}

/// The demo archive (`footprint generate reddit`) is detected and imports cleanly.
#[test]
fn demo_archive_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let g = footprint_fixtures::demo::generator("reddit").expect("registered generator");
    let view = open(
        &(g.write)(
            &dir.path().join("reddit-export-2024-03-02.zip"),
            7,
            Some(50),
        )
        .unwrap(),
    );
    assert_eq!(golden::detected(&view), "reddit");
    let c = collect(&Reddit, &view);
    assert!(
        c.failed.is_empty() && c.warnings.is_empty(),
        "{:?} {:?}",
        c.failed,
        c.warnings
    );
    assert_eq!(count(&c, "comment"), 50);
}

/// 100,000 comments and 100,000 votes end to end. Slow in debug builds:
/// `cargo test --test golden_reddit -- --ignored`.
#[test]
#[ignore]
fn reddit_benchmark_size() {
    let spec = RedditSpec {
        comments: 100_000,
        post_votes: 100_000,
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let t0 = std::time::Instant::now();
    let paths = rd::generate(&spec, &dir.path().join("bench.zip")).unwrap();
    let generated = t0.elapsed();
    let view = open(&paths);
    let t1 = std::time::Instant::now();
    let c = collect(&Reddit, &view);
    let imported = t1.elapsed();
    assert!(c.failed.is_empty() && c.warnings.is_empty());
    assert_eq!(count(&c, "comment"), spec.comments);
    eprintln!(
        "benchmark: {} bytes zipped, generated in {generated:?}, {} records imported in {imported:?}",
        std::fs::metadata(&paths[0]).unwrap().len(),
        c.records.len()
    );
}
