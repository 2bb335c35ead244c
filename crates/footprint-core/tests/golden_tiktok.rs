//! Golden tests of the TikTok importer: each generation's synthetic export (footprint-fixtures)
//! goes through ArchiveView, detection and the importer in memory; a normalized summary is
//! snapshotted, and the third parties, identities, account and keys are checked against what
//! the generator wrote.

mod golden;

use golden::count;

use footprint_core::archive::ArchiveView;
use footprint_core::importer::{FileRole, Importer};
use footprint_core::importers::tiktok::TikTok;
use footprint_core::testing::{collect, Collected};
use footprint_fixtures::tiktok::{self, TikTokSpec, TtGen};
use footprint_fixtures::{Container, Persona};
use golden::{open, Summary};

/// The importers whose answers the snapshots show (a fixed list, so registering another
/// platform does not rewrite these snapshots; [`golden::no_other_importer_claims`] asks them all).
const SNAPSHOT_RECOGNIZERS: &[&dyn footprint_core::importer::Importer] = &[
    &footprint_core::importers::google::Google,
    &footprint_core::importers::meta::facebook::Facebook,
    &footprint_core::importers::meta::instagram::Instagram,
    &footprint_core::importers::tiktok::TikTok,
    &footprint_core::importers::snapchat::Snapchat,
];

use std::collections::{BTreeMap, HashSet};

fn run(spec: &TikTokSpec, name: &str) -> (ArchiveView, Collected, Summary, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let paths = tiktok::generate(spec, &dir.path().join(name)).unwrap();
    let view = open(&paths);
    let c = collect(&TikTok, &view);
    let s = golden::summarize(&view, &c, SNAPSHOT_RECOGNIZERS, true);
    (view, c, s, dir)
}



/// What every clean TikTok export must give, whatever its generation.
fn clean_checks(spec: &TikTokSpec, view: &ArchiveView, c: &Collected, s: &Summary) {
    assert_eq!(
        s.detected, "tiktok",
        "no tie, no other platform: {:?}",
        s.recognition
    );
    golden::no_other_importer_claims(view, "tiktok");
    assert!(c.failed.is_empty(), "no file may fail: {:?}", c.failed);
    assert!(
        c.warnings.is_empty(),
        "clean input gives no warnings: {:?}",
        s.warnings
    );
    // Every data file is parsed (TikTok's JSON export is one file; junk is dropped).
    let data_files = view.entries().len();
    let parsed = golden::parsed_files(c);
    assert!(
        parsed * 100 > data_files * 95,
        "{parsed} of {data_files} files parsed: {:?}",
        c.files
    );

    let p = Persona::for_seed(spec.seed);
    assert_eq!(
        c.account.as_deref(),
        Some(p.username.as_str()),
        "the account is the username"
    );
    for want in [
        format!("username: {}", p.username),
        format!("email: {}", p.email),
        format!("phone: {}", p.phone),
        format!("name: {}", p.name),
    ] {
        assert!(s.identities.contains(&want), "{want} in {:?}", s.identities);
    }

    // Third parties first: every company the generator named, with its relation and count.
    let want = |names: Vec<String>, n: usize| {
        names
            .into_iter()
            .map(|c| (c, n))
            .collect::<BTreeMap<_, _>>()
    };
    assert_eq!(
        golden::with_relation(s, "data_partner"),
        want(tiktok::data_partners(spec), 1)
    );
    assert_eq!(
        golden::with_relation(s, "targeted_you"),
        want(tiktok::advertisers(spec), 1)
    );
    assert_eq!(
        golden::with_relation(s, "sent_off_platform_activity"),
        want(tiktok::off_tiktok_sources(spec), spec.events_per_source)
    );

    assert_eq!(count(c, "video_watched"), spec.watched);
    assert_eq!(count(c, "search"), spec.searches);
    assert_eq!(count(c, "login"), spec.logins);
    assert_eq!(count(c, "message"), spec.chats * spec.messages_per_chat);
    assert_eq!(
        count(c, "connection"),
        spec.followers + spec.following + 1,
        "followers, following and the blocked user"
    );
    assert_eq!(count(c, "like"), spec.likes);
    assert_eq!(count(c, "comment"), spec.comments);
    assert_eq!(count(c, "post"), spec.posts);
    assert_eq!(count(c, "ad_interest"), spec.interests);
    assert_eq!(
        count(c, "tiktok_item"),
        0,
        "every generated section has a parser"
    );

    // Natural keys: every record has one and no two records share one.
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

#[test]
fn tiktok_2022_user_data_json() {
    let spec = TikTokSpec {
        generation: TtGen::Y2022,
        ..Default::default()
    };
    let (view, c, s, _dir) = run(&spec, "TikTok_Data_1709373600.zip");
    clean_checks(&spec, &view, &c, &s);
    assert_eq!(s.files.get("tiktok_user_data"), Some(&1));
    insta::assert_json_snapshot!("tiktok_2022", s);
}

#[test]
fn tiktok_2024_top_folder_junk_bom_compact_keys() {
    let spec = TikTokSpec {
        generation: TtGen::Y2024,
        top_folder: true,
        macos_junk: true,
        bom: true,
        compact_keys: true,
        ..Default::default()
    };
    let (view, c, s, _dir) = run(&spec, "export.zip");
    clean_checks(&spec, &view, &c, &s);
    assert_eq!(count(&c, "order"), spec.orders);
    assert!(
        c.files
            .iter()
            .all(|(p, _)| p.starts_with("TikTok_Data_1709373600/")),
        "{:?}",
        c.files
    );
    insta::assert_json_snapshot!("tiktok_2024", s);
}

#[test]
fn tiktok_2025_folder() {
    let spec = TikTokSpec {
        generation: TtGen::Y2025,
        container: Container::Folder,
        ..Default::default()
    };
    let (view, c, s, _dir) = run(&spec, "TikTok_Data_1709373600");
    clean_checks(&spec, &view, &c, &s);
    assert!(
        count(&c, "inferred_demographic") >= 1,
        "2025 profiles carry inferences"
    );
    assert_eq!(count(&c, "gift_sent"), 1);
    insta::assert_json_snapshot!("tiktok_2025", s);
}

/// The TXT export is recognized and every file reported as skipped with the reason.
#[test]
fn tiktok_txt_export_is_recognized_and_skipped() {
    let spec = TikTokSpec {
        generation: TtGen::Txt,
        top_folder: true,
        ..Default::default()
    };
    let (view, c, s, _dir) = run(&spec, "TikTok_Data_1709373600.zip");
    assert_eq!(s.detected, "tiktok", "{:?}", s.recognition);
    golden::no_other_importer_claims(&view, "tiktok");
    assert!(c.records.is_empty() && c.failed.is_empty());
    assert!(s.unknown.is_empty(), "{:?}", s.unknown);
    assert!(
        s.skipped
            .iter()
            .all(|f| f.ends_with(footprint_core::importers::tiktok::TXT_SKIP)),
        "{:?}",
        s.skipped
    );
    insta::assert_json_snapshot!("tiktok_txt", s);
}

/// Null sections, a bare string in a list, an unreadable date and a zero-byte copy: warnings
/// that name the file and the position, and everything else imported.
#[test]
fn tiktok_messy_input_warns_and_imports_the_rest() {
    let spec = TikTokSpec {
        generation: TtGen::Y2024,
        messy: true,
        ..Default::default()
    };
    let (_view, c, s, _dir) = run(&spec, "TikTok_Data_1709373600.zip");
    assert_eq!(s.detected, "tiktok");
    assert!(c.failed.is_empty(), "{:?}", c.failed);
    let main = tiktok::json_name(spec.generation);
    let on = |needle: &str| {
        s.warnings
            .iter()
            .filter(|w| w.starts_with(main) && w.contains(needle))
            .count()
    };
    assert_eq!(on("unreadable date `someday`"), 1, "{:?}", s.warnings);
    assert_eq!(
        on("unreadable date `0000-00-00 00:00:00`"),
        1,
        "{:?}",
        s.warnings
    );
    assert_eq!(
        on("expected an object, found a string"),
        2,
        "{:?}",
        s.warnings
    );
    assert_eq!(on("expected an object, found null"), 1, "{:?}", s.warnings);
    assert!(
        s.warnings
            .iter()
            .filter(|w| w.starts_with(main))
            .all(|w| w.contains("@Some(")),
        "positions are given: {:?}",
        s.warnings
    );
    let empty = format!("old/{main} @None: empty file (0 bytes): nothing to import");
    assert!(s.warnings.contains(&empty), "{:?}", s.warnings);
    // The rest: every clean record is there (the unreadable dates keep their records).
    assert_eq!(count(&c, "video_watched"), spec.watched + 1);
    assert_eq!(count(&c, "search"), spec.searches + 1);
    assert_eq!(count(&c, "comment"), spec.comments);
    assert_eq!(
        golden::with_relation(&s, "sent_off_platform_activity").len(),
        spec.off_tiktok_sources
    );
}

/// A download cut at 60%: the file fails with the offset, what came before it is kept, the
/// archive is still imported.
#[test]
fn tiktok_truncated_file_is_one_file_error() {
    let spec = TikTokSpec {
        generation: TtGen::Y2022,
        truncated: true,
        ..Default::default()
    };
    let (_view, c, s, _dir) = run(&spec, "TikTok_Data_1709373600.zip");
    assert_eq!(s.detected, "tiktok");
    assert_eq!(c.failed.len(), 1, "{:?}", c.failed);
    let (file, error) = &c.failed[0];
    assert_eq!(file, "user_data.json");
    assert!(
        error.contains("invalid JSON at byte") && error.contains("truncated"),
        "{error}"
    );
    // Sections before the cut arrived: the watch history (cut inside) up to the cut.
    assert!(
        (1..spec.watched).contains(&count(&c, "video_watched")),
        "{}",
        count(&c, "video_watched")
    );
    assert_eq!(
        count(&c, "login"),
        spec.logins,
        "lists before the watch history are whole"
    );
}

/// A newer export of the same account (more watch history) adds only the new views: the keys
/// of the first import are all in the second.
#[test]
fn tiktok_reimport_keys_are_stable() {
    let keys = |watched: usize| {
        let spec = TikTokSpec {
            watched,
            ..Default::default()
        };
        let (_v, c, _s, _d) = run(&spec, "TikTok_Data_1709373600.zip");
        c.records
            .iter()
            .map(|r| r.record.key.unwrap())
            .collect::<HashSet<u64>>()
    };
    let (old, new) = (keys(40), keys(55));
    assert!(old.is_subset(&new));
    assert_eq!(new.len() - old.len(), 15);
}

/// A renamed export file (`user_data (1).json`) is still parsed, by its content.
#[test]
fn tiktok_renamed_file_is_classified_by_content() {
    let head = br#"{"Activity": {"Favorite Effects": {"FavoriteEffectsList": null}, "Favorite Hashtags": {"FavoriteHashtagList": null}, "Login History": {"#;
    assert_eq!(TikTok.classify("user_data (1).json"), FileRole::Unknown);
    assert_eq!(
        TikTok.classify_content("user_data (1).json", head),
        Some(FileRole::Parse("tiktok_user_data"))
    );
    assert_eq!(
        TikTok.classify_content(
            "account.json",
            br#"{"Login History": [], "Device History": []}"#
        ),
        None
    );
}

/// A long watch history (300,000 views, a ~30 MB JSON file) end to end: every view arrives and
/// the walk holds one element at a time. Slow in debug builds:
/// `cargo test -p footprint-core --test golden_tiktok -- --ignored --nocapture`.
#[test]
#[ignore]
fn tiktok_large_watch_history() {
    let spec = TikTokSpec {
        watched: 300_000,
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let paths = tiktok::generate(&spec, &dir.path().join("TikTok_Data_1709373600.zip")).unwrap();
    let view = open(&paths);
    let t = std::time::Instant::now();
    let c = collect(&TikTok, &view);
    let took = t.elapsed();
    assert!(
        c.failed.is_empty() && c.warnings.is_empty(),
        "{:?} {:?}",
        c.failed,
        c.warnings
    );
    assert_eq!(count(&c, "video_watched"), spec.watched);
    eprintln!(
        "large watch history: {} bytes of JSON, {} records in {took:?}",
        view.entries()[0].size,
        c.records.len()
    );
}

/// The demo archive (`footprint generate tiktok`) is detected and imports cleanly.
#[test]
fn tiktok_demo_archive() {
    let dir = tempfile::tempdir().unwrap();
    let g = footprint_fixtures::demo::generator("tiktok").expect("registered generator");
    let paths = (g.write)(&dir.path().join("TikTok_Data_1709373600.zip"), 3, None).unwrap();
    let view = open(&paths);
    let c = collect(&TikTok, &view);
    let s = golden::summarize(&view, &c, SNAPSHOT_RECOGNIZERS, true);
    assert_eq!(s.detected, "tiktok");
    golden::no_other_importer_claims(&view, "tiktok");
    assert!(
        c.failed.is_empty() && c.warnings.is_empty(),
        "{:?} {:?}",
        c.failed,
        s.warnings
    );
    assert!(c.records.len() > 600, "{}", c.records.len());
}
