//! Golden tests of the Spotify importer: each generation's synthetic export (footprint-fixtures)
//! goes through ArchiveView, detection and the importer in memory; a normalized summary is
//! snapshotted, and the third parties, identities, account and keys are checked against what
//! the generator wrote.

mod golden;

use golden::count;

use footprint_core::archive::ArchiveView;
use footprint_core::importer::FileRole;
use footprint_core::importers::spotify::{Spotify, README_SKIP};
use footprint_core::testing::{collect, Collected};
use footprint_fixtures::spotify::{self, SpotGen, SpotifySpec, ARCHIVE_NAME};
use footprint_fixtures::Persona;
use golden::{open, Summary};
use std::collections::{BTreeMap, HashSet};

/// The importers whose answers the snapshots show (a fixed list, so registering another
/// platform does not rewrite these snapshots; [`no_other_importer_claims`] asks them all).
const SNAPSHOT_RECOGNIZERS: &[&dyn footprint_core::importer::Importer] = &[
    &footprint_core::importers::google::Google,
    &footprint_core::importers::meta::facebook::Facebook,
    &footprint_core::importers::meta::instagram::Instagram,
    &footprint_core::importers::spotify::Spotify,
];


fn run(spec: &SpotifySpec, name: &str) -> (ArchiveView, Collected, Summary, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let paths = spotify::generate(spec, &dir.path().join(name)).unwrap();
    let view = open(&paths);
    let c = collect(&Spotify, &view);
    let s = golden::summarize(&view, &c, SNAPSHOT_RECOGNIZERS, true);
    (view, c, s, dir)
}



fn detected_alone(view: &ArchiveView, s: &Summary) {
    assert_eq!(
        s.detected, "spotify",
        "no tie, no other platform: {:?}",
        s.recognition
    );
    golden::no_other_importer_claims(view, "spotify");
}

/// What every clean Spotify export must give, whatever its generation.
fn clean_checks(spec: &SpotifySpec, view: &ArchiveView, c: &Collected, s: &Summary) {
    // Spotify's Payments.json names the payment method only (no amounts in the exports seen,
    // none generated): nothing may invent spending.
    assert!(
        c.records.iter().all(|r| r.record.amount.is_none()),
        "no Spotify record carries an amount"
    );
    detected_alone(view, s);
    assert!(c.failed.is_empty(), "no file may fail: {:?}", c.failed);
    assert!(
        c.warnings.is_empty(),
        "clean input gives no warnings: {:?}",
        s.warnings
    );
    let data: Vec<&(String, FileRole)> = c
        .files
        .iter()
        .filter(|(p, _)| p.ends_with(".json"))
        .collect();
    // Every JSON file is understood by a parser, except Wrapped (no parser knows it), which
    // is indexed: searchable, reported as not understood.
    let indexed = data
        .iter()
        .filter(|(p, r)| matches!(r, FileRole::Index(_)) && !p.ends_with("/Wrapped2023.json"))
        .count();
    assert_eq!(indexed, 0, "{:?}", c.files);
    assert!(
        data.iter().all(|(_, r)| matches!(r, FileRole::Parse(_) | FileRole::Index(_))),
        "{:?}",
        c.files
    );
    assert!(s.unknown.is_empty(), "{:?}", s.unknown);
    assert!(
        s.skipped.iter().all(|f| f.ends_with(README_SKIP)) && s.skipped.len() == 1,
        "{:?}",
        s.skipped
    );
    assert_eq!(count(c, "stream"), spotify::plays(spec));

    let want = |names: Vec<String>| {
        names
            .into_iter()
            .map(|c| (c, 1))
            .collect::<BTreeMap<_, _>>()
    };
    assert_eq!(
        golden::with_relation(s, "targeted_you"),
        want(spotify::advertisers(spec))
    );
    assert_eq!(
        golden::with_relation(s, "data_broker_segment"),
        want(spotify::brokers(spec))
    );
    assert_eq!(
        s.companies.len(),
        spotify::advertisers(spec).len() + spotify::brokers(spec).len()
    );

    if spec.generation.is_account() {
        let p = Persona::for_seed(spec.seed);
        assert_eq!(c.account.as_deref(), Some(p.username.as_str()));
        for want in [
            format!("username: {}", p.username),
            format!("name: {}", p.name),
            format!("email: {}", p.email),
            format!("phone: {}", p.phone),
            format!("birth_date: {}", p.birth_date()),
        ] {
            assert!(s.identities.contains(&want), "{want} in {:?}", s.identities);
        }
        assert_eq!(count(c, "search"), spec.searches);
        assert_eq!(count(c, "playlist"), spec.playlists);
        assert_eq!(
            count(c, "playlist_item"),
            spec.playlists * spec.items_per_playlist
        );
        assert_eq!(count(c, "library_item"), spec.library_tracks + 2);
        assert_eq!(count(c, "marquee_segment"), 2);
        assert_eq!(
            count(c, "ad_segment"),
            spotify::OWN_SEGMENTS.len() + spec.advertisers + spotify::BROKER_SEGMENTS.len()
        );
        assert_eq!(count(c, "ip_address"), 0);
    } else {
        assert!(c.account.is_none());
        assert!(
            count(c, "ip_address") >= 1
                && count(c, "ip_address") <= spec.ips * spec.streaming_files + spec.ips
        );
        assert!(count(c, "stream_country") >= 1);
    }

    let keys: HashSet<u64> = c
        .records
        .iter()
        .map(|r| r.record.key.expect("natural key"))
        .collect();
    assert_eq!(keys.len(), c.records.len(), "keys are unique");
    assert!(
        c.records
            .iter()
            .all(|r| r.record.ts.is_none_or(|t| t < 1_709_373_600_000)),
        "no date after the export"
    );
}

fn generation(generation: SpotGen) -> SpotifySpec {
    SpotifySpec {
        generation,
        ..Default::default()
    }
}

#[test]
fn spotify_account_data_2024() {
    let spec = generation(SpotGen::Account2024);
    let (view, c, s, _dir) = run(&spec, ARCHIVE_NAME);
    clean_checks(&spec, &view, &c, &s);
    assert_eq!(s.recognition["spotify"].0, 1.0);
    // No parser knows Wrapped: its text is indexed (one record per small object).
    assert_eq!(s.indexed, ["Spotify Account Data/Wrapped2023.json (json)"]);
    assert!(count(&c, "indexed_json") >= 1, "Wrapped2023.json is searchable");
    insta::assert_json_snapshot!("spotify_account_2024", s);
}

#[test]
fn spotify_account_data_2019_bom_junk() {
    let spec = SpotifySpec {
        bom: true,
        macos_junk: true,
        ..generation(SpotGen::Account2019)
    };
    let (view, c, s, _dir) = run(&spec, "export.zip");
    clean_checks(&spec, &view, &c, &s);
    insta::assert_json_snapshot!("spotify_account_2019", s);
}

#[test]
fn spotify_extended_history_2024() {
    let spec = generation(SpotGen::Extended2024);
    let (view, c, s, _dir) = run(&spec, ARCHIVE_NAME);
    clean_checks(&spec, &view, &c, &s);
    insta::assert_json_snapshot!("spotify_extended_2024", s);
}

#[test]
fn spotify_extended_history_2020_endsong() {
    let spec = generation(SpotGen::Extended2020);
    let (view, c, s, _dir) = run(&spec, ARCHIVE_NAME);
    clean_checks(&spec, &view, &c, &s);
    insta::assert_json_snapshot!("spotify_extended_2020", s);
}

/// A zero-byte file, null lists, a number among plays, an unreadable date: warnings naming
/// the file and position; the rest imported.
#[test]
fn spotify_messy_input_warns_and_imports_the_rest() {
    let spec = SpotifySpec {
        messy: true,
        ..Default::default()
    };
    let (view, c, s, _dir) = run(&spec, ARCHIVE_NAME);
    detected_alone(&view, &s);
    assert!(c.failed.is_empty(), "{:?}", c.failed);
    let has = |w: &str| s.warnings.iter().any(|x| x == w);
    assert!(
        has("Spotify Account Data/Payments.json @None: empty file (0 bytes): nothing to import"),
        "{:?}",
        s.warnings
    );
    let positioned = |file: &str, needle: &str| {
        s.warnings.iter().any(|w| {
            w.starts_with(&format!("Spotify Account Data/{file} @Some(")) && w.contains(needle)
        })
    };
    assert!(
        positioned(
            "StreamingHistory_music_0.json",
            "play: expected an object, found a number"
        ),
        "{:?}",
        s.warnings
    );
    assert!(
        positioned(
            "StreamingHistory_music_0.json",
            "unreadable date `sometime last year`"
        ),
        "{:?}",
        s.warnings
    );
    assert_eq!(s.warnings.len(), 3, "{:?}", s.warnings);
    assert_eq!(
        count(&c, "stream"),
        spotify::plays(&spec) + 1,
        "the undated play is kept"
    );
    assert_eq!(count(&c, "payment_method"), 0);
    assert_eq!(count(&c, "library_item"), spec.library_tracks + 2);
    assert_eq!(
        golden::with_relation(&s, "data_broker_segment").len(),
        spotify::BROKER_SEGMENTS.len()
    );
}

/// A cut streaming file fails alone, with its byte offset; every other file imports, and the
/// IP sums of the plays read before the cut are kept.
#[test]
fn spotify_truncated_file_is_one_file_error() {
    let spec = SpotifySpec {
        truncated: true,
        ..generation(SpotGen::Extended2024)
    };
    let (view, c, s, _dir) = run(&spec, ARCHIVE_NAME);
    detected_alone(&view, &s);
    assert_eq!(c.failed.len(), 1, "{:?}", c.failed);
    assert!(
        c.failed[0]
            .0
            .ends_with("Streaming_History_Video_2023-2024.json"),
        "{:?}",
        c.failed
    );
    assert!(
        c.failed[0].1.contains("invalid JSON at byte"),
        "{:?}",
        c.failed
    );
    assert!(count(&c, "stream") >= spec.plays_per_file * spec.streaming_files);
    assert!(count(&c, "ip_address") >= 1);
}

/// A newer export of the same account with more plays adds only those.
#[test]
fn spotify_reimport_keys_are_stable() {
    let keys = |plays: usize| {
        let spec = SpotifySpec {
            plays_per_file: plays,
            streaming_files: 1,
            ..Default::default()
        };
        let (_v, c, _s, _d) = run(&spec, ARCHIVE_NAME);
        c.records
            .iter()
            .map(|r| r.record.key.unwrap())
            .collect::<HashSet<u64>>()
    };
    let (old, new) = (keys(20), keys(32));
    assert!(
        old.is_subset(&new),
        "{} of old keys missing",
        old.difference(&new).count()
    );
    assert_eq!(new.len() - old.len(), 12);
}

/// Other platforms' exports are not claimed by Spotify.
#[test]
fn spotify_does_not_claim_other_exports() {
    use footprint_core::importer::Importer;
    let dir = tempfile::tempdir().unwrap();
    for g in footprint_fixtures::demo::GENERATORS
        .iter()
        .filter(|g| g.id != "spotify")
    {
        let paths = (g.write)(&dir.path().join(format!("{}.zip", g.id)), 1, Some(20)).unwrap();
        let view = open(&paths);
        assert_eq!(Spotify.recognize(&view).confidence, 0.0, "{}", g.id);
    }
}

/// The demo archive (`footprint generate spotify`) is detected and imports cleanly.
#[test]
fn spotify_demo_archive() {
    let dir = tempfile::tempdir().unwrap();
    let g = footprint_fixtures::demo::generator("spotify").expect("registered generator");
    let paths = (g.write)(&dir.path().join("spotify-demo-2024-03-02.zip"), 3, None).unwrap();
    let view = open(&paths);
    let c = collect(&Spotify, &view);
    let s = golden::summarize(&view, &c, SNAPSHOT_RECOGNIZERS, true);
    detected_alone(&view, &s);
    assert!(
        c.failed.is_empty() && c.warnings.is_empty(),
        "{:?} {:?}",
        c.failed,
        s.warnings
    );
    assert!(c.records.len() > 500, "{}", c.records.len());
}

/// 100,000 plays of extended history in four files: every play imported, IPs summed.
/// `cargo test -p footprint-core --test golden_spotify -- --ignored` (slow in debug builds).
#[test]
#[ignore]
fn spotify_large_extended_history() {
    let spec = SpotifySpec {
        plays_per_file: 25_000,
        streaming_files: 4,
        ..generation(SpotGen::Extended2024)
    };
    let started = std::time::Instant::now();
    let (view, c, _s, _dir) = run(&spec, ARCHIVE_NAME);
    eprintln!(
        "{} records from {} bytes in {:?}",
        c.records.len(),
        view.total_bytes(),
        started.elapsed()
    );
    assert!(c.failed.is_empty());
    assert_eq!(count(&c, "stream"), spotify::plays(&spec));
    assert!(count(&c, "ip_address") <= spec.ips * 5);
}
