//! Golden tests of the Snapchat importer: each generation's synthetic export (footprint-fixtures)
//! goes through ArchiveView, detection and the importer in memory; a normalized summary is
//! snapshotted, and the third parties, identities, account and keys are checked against what
//! the generator wrote.

mod golden;

use golden::count;

use footprint_core::archive::ArchiveView;
use footprint_core::importer::FileRole;
use footprint_core::importers::snapchat::{Snapchat, HTML_SKIP};
use footprint_core::testing::{collect, Collected};
use footprint_fixtures::snapchat::{self, SnapGen, SnapchatSpec, ARCHIVE_STEM};
use footprint_fixtures::Persona;
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

fn run(spec: &SnapchatSpec, name: &str) -> (ArchiveView, Collected, Summary, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let paths = snapchat::generate(spec, &dir.path().join(name)).unwrap();
    let view = open(&paths);
    let c = collect(&Snapchat, &view);
    let s = golden::summarize(&view, &c, SNAPSHOT_RECOGNIZERS, true);
    (view, c, s, dir)
}



fn detected_alone(view: &ArchiveView, s: &Summary) {
    assert_eq!(
        s.detected, "snapchat",
        "no tie, no other platform: {:?}",
        s.recognition
    );
    golden::no_other_importer_claims(view, "snapchat");
}

/// What every clean Snapchat JSON export must give, whatever its generation.
fn clean_checks(spec: &SnapchatSpec, view: &ArchiveView, c: &Collected, s: &Summary) {
    detected_alone(view, s);
    assert!(c.failed.is_empty(), "no file may fail: {:?}", c.failed);
    assert!(
        c.warnings.is_empty(),
        "clean input gives no warnings: {:?}",
        s.warnings
    );
    // Every data file (JSON; HTML pages and media are copies or attachments) is parsed.
    let data: Vec<&(String, FileRole)> = c
        .files
        .iter()
        .filter(|(p, _)| p.ends_with(".json"))
        .collect();
    let parsed = data
        .iter()
        .filter(|(_, r)| matches!(r, FileRole::Parse(_)))
        .count();
    assert!(
        parsed * 100 > data.len() * 95,
        "{parsed} of {} JSON files parsed: {:?}",
        data.len(),
        c.files
    );
    assert!(s.unknown.is_empty(), "{:?}", s.unknown);

    let p = Persona::for_seed(spec.seed);
    assert_eq!(c.account.as_deref(), Some(p.username.as_str()));
    for want in [
        format!("username: {}", p.username),
        format!("name: {}", p.name),
        format!("email: {}", p.email),
        format!("phone: {}", p.phone),
    ] {
        assert!(s.identities.contains(&want), "{want} in {:?}", s.identities);
    }

    // Third parties first.
    let want = |names: Vec<String>, n: usize| {
        names
            .into_iter()
            .map(|c| (c, n))
            .collect::<BTreeMap<_, _>>()
    };
    assert_eq!(
        golden::with_relation(s, "ad_interaction"),
        want(snapchat::ad_advertisers(spec), 1)
    );
    let mut off = want(snapchat::web_interactions(spec), 1);
    off.extend(want(snapchat::app_interactions(spec), 1));
    assert_eq!(golden::with_relation(s, "sent_off_platform_activity"), off);
    assert_eq!(
        golden::with_relation(s, "connected_app"),
        want(
            snapchat::connected_apps(spec),
            snapchat::permissions_per_app(spec.generation)
        )
    );

    assert_eq!(count(c, "message"), spec.chats * spec.messages_per_chat);
    assert_eq!(count(c, "snap"), spec.snaps);
    assert_eq!(count(c, "login"), spec.logins);
    assert_eq!(count(c, "location_point"), spec.location_points);
    assert_eq!(
        count(c, "connection"),
        spec.friends + 2,
        "friends, a request sent, a blocked user"
    );
    assert_eq!(
        count(c, "ad_interest"),
        spec.interests + 1 + 2,
        "interest and content categories, ranking's content interests"
    );
    assert_eq!(count(c, "memory"), spec.memories);
    assert_eq!(count(c, "inferred_demographic"), 2);
    assert_eq!(
        count(c, "snapchat_item"),
        1,
        "only terms_history has no parser of its own"
    );

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
fn snapchat_2022_sections_layout() {
    let spec = SnapchatSpec {
        generation: SnapGen::Y2022,
        ..Default::default()
    };
    let (view, c, s, _dir) = run(&spec, "export.zip");
    clean_checks(&spec, &view, &c, &s);
    insta::assert_json_snapshot!("snapchat_2022", s);
}

#[test]
fn snapchat_2025_top_folder_media_html_junk_bom() {
    let spec = SnapchatSpec {
        top_folder: true,
        with_html: true,
        media: true,
        macos_junk: true,
        bom: true,
        ..Default::default()
    };
    let (view, c, s, _dir) = run(&spec, &format!("{ARCHIVE_STEM}.zip"));
    clean_checks(&spec, &view, &c, &s);
    assert_eq!(s.recognition["snapchat"].0, 1.0);
    assert!(
        s.skipped
            .iter()
            .any(|f| f.ends_with(&format!("index.html: {HTML_SKIP}"))),
        "{:?}",
        s.skipped
    );
    assert!(
        s.skipped.iter().any(|f| f.contains("chat_media/")),
        "{:?}",
        s.skipped
    );
    assert_eq!(count(&c, "off_platform_share"), 1);
    insta::assert_json_snapshot!("snapchat_2025", s);
}

/// The HTML-only export: recognized, every file skipped with the reason, nothing unknown.
#[test]
fn snapchat_html_export_is_recognized_and_skipped() {
    let spec = SnapchatSpec {
        generation: SnapGen::Html,
        ..Default::default()
    };
    let (view, c, s, _dir) = run(&spec, &format!("{ARCHIVE_STEM}.zip"));
    detected_alone(&view, &s);
    assert!(c.records.is_empty() && c.failed.is_empty());
    assert!(s.unknown.is_empty(), "{:?}", s.unknown);
    assert!(
        !s.skipped.is_empty() && s.skipped.iter().all(|f| f.ends_with(HTML_SKIP)),
        "{:?}",
        s.skipped
    );
    insta::assert_json_snapshot!("snapchat_html", s);
}

/// Null lists, a number among friends, an impossible date, a point without coordinates
/// and a zero-byte file: warnings naming the file and position; the rest imported.
#[test]
fn snapchat_messy_input_warns_and_imports_the_rest() {
    let spec = SnapchatSpec {
        messy: true,
        ..Default::default()
    };
    let (view, c, s, _dir) = run(&spec, "mydata~1709373600000.zip");
    detected_alone(&view, &s);
    assert!(c.failed.is_empty(), "{:?}", c.failed);
    let has = |w: &str| s.warnings.iter().any(|x| x == w);
    assert!(
        has("json/support_note.json @None: empty file (0 bytes): nothing to import"),
        "{:?}",
        s.warnings
    );
    let positioned = |file: &str, needle: &str| {
        s.warnings
            .iter()
            .any(|w| w.starts_with(&format!("json/{file} @Some(")) && w.contains(needle))
    };
    assert!(
        positioned(
            "friends.json",
            "connection: expected an object, found a number"
        ),
        "{:?}",
        s.warnings
    );
    assert!(
        positioned("user_profile.json", "ad interaction: no advertiser"),
        "{:?}",
        s.warnings
    );
    assert!(
        positioned("location_history.json", "location point: no coordinates"),
        "{:?}",
        s.warnings
    );
    assert_eq!(s.warnings.len(), 4, "{:?}", s.warnings);
    assert_eq!(count(&c, "connection"), spec.friends + 2);
    assert_eq!(count(&c, "location_point"), spec.location_points);
    assert_eq!(golden::with_relation(&s, "ad_interaction").len(), spec.ad_advertisers);
}

/// A cut location_history.json fails alone, with its byte offset; every other file imports.
#[test]
fn snapchat_truncated_file_is_one_file_error() {
    let spec = SnapchatSpec {
        truncated: true,
        ..Default::default()
    };
    let (view, c, s, _dir) = run(&spec, "export.zip");
    detected_alone(&view, &s);
    assert_eq!(c.failed.len(), 1, "{:?}", c.failed);
    assert_eq!(c.failed[0].0, "json/location_history.json");
    assert!(
        c.failed[0].1.contains("invalid JSON at byte") && c.failed[0].1.contains("truncated"),
        "{:?}",
        c.failed
    );
    assert_eq!(count(&c, "message"), spec.chats * spec.messages_per_chat);
    assert!(
        count(&c, "location_area") > 0,
        "lists before the cut are kept"
    );
}

/// A newer export of the same account with more location points adds only those.
#[test]
fn snapchat_reimport_keys_are_stable() {
    let keys = |points: usize| {
        let spec = SnapchatSpec {
            location_points: points,
            ..Default::default()
        };
        let (_v, c, _s, _d) = run(&spec, "export.zip");
        c.records
            .iter()
            .map(|r| r.record.key.unwrap())
            .collect::<HashSet<u64>>()
    };
    let (old, new) = (keys(20), keys(32));
    assert!(old.is_subset(&new));
    assert_eq!(new.len() - old.len(), 12);
}

/// The TikTok importer and Snapchat importer never claim each other's exports.
#[test]
fn tiktok_and_snapchat_do_not_claim_each_other() {
    use footprint_core::importer::Importer;
    use footprint_core::importers::tiktok::TikTok;
    let dir = tempfile::tempdir().unwrap();
    let snap =
        open(&snapchat::generate(&SnapchatSpec::default(), &dir.path().join("a.zip")).unwrap());
    let tt = footprint_fixtures::tiktok::generate(&Default::default(), &dir.path().join("b.zip"))
        .unwrap();
    let tt = open(&tt);
    assert_eq!(TikTok.recognize(&snap).confidence, 0.0);
    assert_eq!(Snapchat.recognize(&tt).confidence, 0.0);
}

/// The demo archive (`footprint generate snapchat`) is detected and imports cleanly.
#[test]
fn snapchat_demo_archive() {
    let dir = tempfile::tempdir().unwrap();
    let g = footprint_fixtures::demo::generator("snapchat").expect("registered generator");
    let paths = (g.write)(&dir.path().join(format!("{ARCHIVE_STEM}.zip")), 3, None).unwrap();
    let view = open(&paths);
    let c = collect(&Snapchat, &view);
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
