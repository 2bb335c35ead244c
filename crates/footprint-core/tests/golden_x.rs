//! Golden tests of the X (Twitter) importer: each generation's synthetic archive
//! (footprint-fixtures `x.rs`) goes through ArchiveView, detection and the importer in memory;
//! a normalized summary is snapshotted, and the companies found are checked against the
//! generator's own list of third parties (name, relation, count).

mod golden;

use golden::count;

use footprint_core::archive::ArchiveView;
use footprint_core::importer::FileRole;
use footprint_core::importer::Importer;
use footprint_core::importers::google::Google;
use footprint_core::importers::meta::{facebook::Facebook, instagram::Instagram};
use footprint_core::importers::x::X;
use footprint_core::testing::{collect, Collected};
use footprint_fixtures::x::{dm_records, expected_companies, generate, Messy, XGen, XSpec};
use footprint_fixtures::{Container, Persona};
use golden::{open, Summary};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn summarize(view: &ArchiveView, c: &Collected) -> Summary {
    golden::summarize(view, c, &[&X, &Google, &Facebook, &Instagram], true)
}

fn build(spec: &XSpec, dir: &std::path::Path, name: &str) -> Vec<PathBuf> {
    generate(spec, &dir.join(format!("{name}.zip"))).unwrap()
}

fn import(spec: &XSpec, name: &str) -> (Collected, Summary) {
    let dir = tempfile::tempdir().unwrap();
    let view = open(&build(spec, dir.path(), name));
    let c = collect(&X, &view);
    let s = summarize(&view, &c);
    (c, s)
}


/// (company, relation) -> records, as the importer produced them.
fn companies(c: &Collected) -> BTreeMap<(String, String), usize> {
    let mut m = BTreeMap::new();
    for r in &c.records {
        if let Some(co) = &r.record.company {
            *m.entry((co.name.clone(), co.relation.to_string()))
                .or_insert(0) += 1;
        }
    }
    m
}

fn expected(spec: &XSpec) -> BTreeMap<(String, String), usize> {
    expected_companies(spec)
        .into_iter()
        .map(|((c, r), n)| ((c, r.to_string()), n))
        .collect()
}

/// Share of `data/*.js` files that are parsed.
fn parsed_share(c: &Collected) -> f64 {
    let data: Vec<&FileRole> = c
        .files
        .iter()
        .filter(|(p, _)| p.contains("data/") && p.ends_with(".js") && !p.contains("__MACOSX"))
        .map(|(_, r)| r)
        .collect();
    let parsed = data
        .iter()
        .filter(|r| matches!(r, FileRole::Parse(_)))
        .count();
    parsed as f64 / data.len() as f64
}

/// Checks every clean X archive must pass, whatever its generation.
fn clean_checks(spec: &XSpec, c: &Collected, s: &Summary) {
    assert_eq!(
        s.detected, "x",
        "detection must not tie: {:?}",
        s.recognition
    );
    for other in ["google", "facebook", "instagram"] {
        assert!(
            s.recognition[other].0 < s.recognition["x"].0,
            "{other} claims the X archive: {:?}",
            s.recognition
        );
    }
    assert!(c.failed.is_empty(), "no file may fail: {:?}", c.failed);
    assert!(
        c.warnings.is_empty(),
        "synthetic archives are clean: {:?}",
        s.warnings
    );
    assert!(s.unknown.is_empty(), "every file is known: {:?}", s.unknown);
    assert!(
        parsed_share(c) > 0.95,
        "data files parsed: {}",
        parsed_share(c)
    );
    let p = Persona::for_seed(spec.seed);
    assert_eq!(s.account.as_deref(), Some(p.username.as_str()));
    for id in [
        format!("username: {}", p.username),
        format!("email: {}", p.email),
        format!("phone: {}", p.phone),
        format!("name: {}", p.name),
    ] {
        assert!(s.identities.contains(&id), "{id} in {:?}", s.identities);
    }
    assert_eq!(
        companies(c),
        expected(spec),
        "every third party of the generator, with its relation and count"
    );
    assert_eq!(count(c, "tweet"), spec.tweets);
    assert_eq!(
        count(c, "message") + count(c, "conversation_event"),
        dm_records(spec)
    );
    assert_eq!(count(c, "like"), spec.likes);
    assert_eq!(count(c, "ad_impression"), spec.impressions);
    assert_eq!(count(c, "ad_engagement"), spec.engagements);
    assert_eq!(count(c, "ad_conversion"), 4 * spec.conversions);
    assert_eq!(
        count(c, "connection"),
        spec.followers + spec.following + spec.blocks + spec.mutes
    );
    // Every time is a real one (no 1970 sentinel, nothing in the future of the export).
    for r in &c.records {
        if let Some(t) = r.record.ts {
            assert!(
                (946_684_800_000..=1_709_373_600_000).contains(&t),
                "{} {}: {t}",
                r.file,
                r.record.kind
            );
        }
    }
}

#[test]
fn x_2024() {
    let spec = XSpec::default();
    let (c, s) = import(&spec, "x2024");
    clean_checks(&spec, &c, &s);
    assert!(s
        .skipped
        .iter()
        .any(|p| p.starts_with("data/tweet-headers.js: ")));
    assert!(
        count(&c, "generic") >= 3,
        "types without a parser become generic records"
    );
    insta::assert_json_snapshot!("x_2024", s);
}

#[test]
fn x_2019() {
    let spec = XSpec {
        generation: XGen::Y2019,
        ..Default::default()
    };
    let (c, s) = import(&spec, "x2019");
    clean_checks(&spec, &c, &s);
    assert!(
        s.files.contains_key("x_tweets")
            && !c.files.iter().any(|(p, _)| p.ends_with("manifest.js"))
    );
    insta::assert_json_snapshot!("x_2019", s);
}

/// 2024 layout with a top folder, macOS junk, tweets split in parts and the archive split in
/// part-zips.
#[test]
fn x_2024_top_folder_junk_split() {
    let spec = XSpec {
        tweets: 250,
        tweets_per_part: 100,
        top_folder: true,
        macos_junk: true,
        container: Container::Parts { part_bytes: 40_000 },
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let paths = build(&spec, dir.path(), "twitter-2024-03-02");
    assert!(paths.len() > 1, "several part-zips: {paths:?}");
    let view = open(&paths);
    let c = collect(&X, &view);
    let s = summarize(&view, &c);
    clean_checks(&spec, &c, &s);
    assert_eq!(
        s.files["x_tweets"], 3,
        "tweets.js, tweets-part1.js, tweets-part2.js"
    );
    assert!(
        c.files
            .iter()
            .all(|(p, _)| p.starts_with("twitter-2024-03-02-")),
        "every file under the top folder"
    );
    insta::assert_json_snapshot!("x_2024_top_folder_junk_split", s);
}

/// Damage never aborts the archive: 0-byte and truncated files fail alone (the elements
/// before the cut are kept), bad elements are warnings naming the file and element, null
/// lists are empty, a BOM and a renamed file are read.
#[test]
fn x_messy_input() {
    let spec = XSpec {
        messy: Messy::all(),
        ..Default::default()
    };
    let (c, s) = import(&spec, "xmessy");
    assert_eq!(s.detected, "x");
    let failed: BTreeSet<&str> = c.failed.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        failed,
        BTreeSet::from(["data/like.js", "data/mute.js"]),
        "{:?}",
        c.failed
    );
    assert!(
        c.failed.iter().all(|(p, e)| e.contains(p.as_str())),
        "errors name their file: {:?}",
        c.failed
    );
    let likes = count(&c, "like");
    assert!(
        likes > 0 && likes < spec.likes,
        "the likes before the cut are kept: {likes}"
    );
    assert_eq!(
        s.files.get("x_ip_audit"),
        Some(&1),
        "the renamed ip-audit is known by its global"
    );
    assert_eq!(count(&c, "login"), spec.logins);
    assert_eq!(count(&c, "tweet"), spec.tweets - 1, "one null tweet");
    assert_eq!(count(&c, "age_info"), 1, "PascalCase keys");
    assert_eq!(
        s.account,
        Some(Persona::for_seed(spec.seed).username),
        "account.js with a BOM"
    );
    let warned: BTreeSet<&str> = c.warnings.iter().map(|w| w.file.as_str()).collect();
    assert_eq!(
        warned,
        BTreeSet::from(["data/tweets.js", "data/ad-impressions.js"]),
        "{:?}",
        s.warnings
    );
    assert!(c.warnings.iter().all(|w| w.position.is_some()));
    // The rest is imported: every third party but the broken impression's.
    assert_eq!(companies(&c), expected(&spec));
    insta::assert_json_snapshot!("x_messy", s);
}

/// Re-importing the same export gives the same keys; a newer export of the same account
/// (more tweets and ads) keeps every old key.
#[test]
fn reimport_keys_are_stable() {
    let keys = |spec: &XSpec| -> BTreeSet<u64> {
        let (c, _) = import(spec, "keys");
        c.records.iter().map(|r| r.record.effective_key()).collect()
    };
    let spec = XSpec::default();
    let once = keys(&spec);
    assert_eq!(once, keys(&spec));
    // No two records share a key, except the per-file targeting summaries: the impressions
    // and the engagements file both say "Nike used a list", one fact.
    let (c, _) = import(&spec, "count");
    let mut seen = BTreeMap::new();
    for r in &c.records {
        if let Some(other) = seen.insert(r.record.effective_key(), (r.file.clone(), r.record.kind)) {
            let summary = ["contact_list_upload", "web_audience", "advertiser_targeting", "ad_targeting"].contains(&r.record.kind);
            assert!(summary && other.0 != r.file, "{} {} shares its key with {other:?}", r.file, r.record.kind);
        }
    }
    let newer = keys(&XSpec {
        likes: spec.likes + 5,
        logins: spec.logins + 3,
        ..spec.clone()
    });
    assert!(
        once.is_subset(&newer),
        "{} old keys missing",
        once.difference(&newer).count()
    );
}

/// The other importers' archives are not claimed by X.
#[test]
fn x_does_not_claim_other_archives() {
    let dir = tempfile::tempdir().unwrap();
    let google =
        footprint_fixtures::google::generate(&Default::default(), &dir.path().join("t.zip"))
            .unwrap();
    let fb =
        footprint_fixtures::meta::generate_facebook(&Default::default(), &dir.path().join("f.zip"))
            .unwrap();
    let ig = footprint_fixtures::meta::generate_instagram(
        &Default::default(),
        &dir.path().join("i.zip"),
    )
    .unwrap();
    for paths in [google, fb, ig] {
        let view = open(&paths);
        assert_eq!(X.recognize(&view).confidence, 0.0, "{paths:?}");
    }
}

fn peak_rss_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// 300,000 tweets (three parts) and 20,000 impressions end to end, through a counting sink
/// (the import keeps no records): memory stays flat. `cargo test --release -p footprint-core
/// --test golden_x -- --ignored --nocapture`.
#[test]
#[ignore]
fn x_benchmark_size() {
    use footprint_core::importer::{ImportCx, ParseError, RecordSink, Warning};
    use footprint_core::model::{Identity, Record};
    #[derive(Default)]
    struct Counting {
        records: u64,
        warnings: u64,
    }
    impl RecordSink for Counting {
        fn record(&mut self, _: Record) -> Result<(), ParseError> {
            self.records += 1;
            Ok(())
        }
        fn identity(&mut self, _: Identity) {}
        fn warning(&mut self, _: Warning) {
            self.warnings += 1;
        }
    }
    let spec = XSpec::benchmark();
    let dir = tempfile::tempdir().unwrap();
    let t0 = std::time::Instant::now();
    let paths = build(&spec, dir.path(), "bench");
    let generated = t0.elapsed();
    let rss_before = peak_rss_kb();
    let view = open(&paths);
    let roles = footprint_core::plan::plan(&view, &X);
    let indices: Vec<usize> = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, FileRole::Parse(_)))
        .map(|(i, _)| i)
        .collect();
    let mut sink = Counting::default();
    let t1 = std::time::Instant::now();
    view.for_each(&indices, |i, reader| {
        let FileRole::Parse(p) = roles[i] else {
            unreachable!()
        };
        let path = view.entries()[i].path.clone();
        let mut cx = ImportCx::new(&path, &mut sink);
        X.import_file(p, reader, &mut cx).expect("clean file");
        Ok(())
    })
    .unwrap();
    let imported = t1.elapsed();
    assert_eq!(sink.warnings, 0);
    assert!(sink.records as usize > spec.tweets + spec.impressions);
    eprintln!(
        "x benchmark: {} bytes zipped, generated in {generated:?}; {} records imported in {imported:?}; peak RSS {:?} kB before import, {:?} kB after",
        std::fs::metadata(&paths[0]).unwrap().len(),
        sink.records,
        rss_before,
        peak_rss_kb()
    );
}
