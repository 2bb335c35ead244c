//! Golden tests of YouTube-only Google Takeouts (the Google importer): a synthetic export per
//! language and generation (footprint-fixtures `google::youtube`: EN, ES, DE, FR; 2022, 2023,
//! 2025; with and without `Takeout/`, BOMs) goes through detection and the importer in
//! memory; a normalized summary is snapshotted and the counts, companies, identities and
//! keys are checked against what the generator wrote.

mod golden;

use golden::count;

use footprint_core::importer::FileRole;
use footprint_core::importers::google::{parser, Google};
use footprint_core::model::{IdentityKind, Relation};
use footprint_core::registry::importers;
use footprint_core::testing::{collect, Collected};
use footprint_fixtures::google::{generate_youtube, Locale, YouTubeGeneration, YouTubeSpec};
use golden::{open, Summary};
use std::collections::{BTreeMap, BTreeSet};


/// Generate, open, import and summarize, without judging.
fn import(spec: &YouTubeSpec, name: &str) -> (Collected, Summary) {
    let dir = tempfile::tempdir().unwrap();
    let paths = generate_youtube(
        spec,
        &dir.path().join(format!("takeout-{name}-2024-03-02.zip")),
    )
    .unwrap();
    let view = open(&paths);
    let c = collect(&Google, &view);
    let s = golden::summarize(&view, &c, importers(), false);
    (c, s)
}

/// What every clean YouTube-only Takeout must satisfy.
fn youtube(spec: &YouTubeSpec, name: &str) -> (Collected, Summary) {
    let (c, s) = import(spec, name);
    assert_eq!(s.detected, "google", "recognition: {:?}", s.recognition);
    let google = s.recognition["google"].0;
    assert_eq!(google, 1.0, "{:?}", s.recognition);
    for (id, (conf, why)) in &s.recognition {
        assert!(
            *id == "google" || *conf < google,
            "{id} claims a YouTube Takeout: {conf} {why}"
        );
    }
    assert!(
        s.recognition["google"]
            .1
            .contains("YouTube and YouTube Music folder"),
        "{:?}",
        s.recognition
    );
    assert!(c.failed.is_empty(), "no file may fail: {:?}", c.failed);
    assert!(c.warnings.is_empty(), "clean input: {:?}", s.warnings);
    // Every data file is parsed: only media, HTML and settings tables are skipped.
    let parsed = golden::parsed_files(&c);
    assert!(s.unknown.is_empty(), "unknown files: {:?}", s.unknown);
    assert!(parsed * 100 > (parsed + s.unknown.len()) * 95);
    // Counts: what the generator wrote came out (the history once per format written).
    let with_csv_comments = spec.generation != YouTubeGeneration::Y2022;
    let (json, html) = spec.history_files();
    let formats = usize::from(json) + usize::from(html);
    let expect = [
        ("watch", spec.watches * formats),
        ("search", spec.searches * formats),
        ("ad_interaction", spec.ads * formats),
        ("subscription", spec.subscriptions),
        ("playlist", spec.playlists),
        ("playlist_item", spec.playlists * spec.videos_per_playlist),
        ("comment", if with_csv_comments { spec.comments } else { 0 }),
        (
            "live_chat_message",
            if with_csv_comments {
                spec.live_chats
            } else {
                0
            },
        ),
        ("uploaded_video", spec.uploads),
        ("library_song", spec.songs),
        ("channel", 1),
        ("channel_handle", 1),
    ];
    for (kind, n) in expect {
        assert_eq!(count(&c, kind), n, "{kind}");
    }
    assert_eq!(
        c.records.len(),
        expect.iter().map(|(_, n)| n).sum::<usize>(),
        "no other records"
    );
    // Third parties: every advertiser of the watch history, once per format, as an ad
    // interaction.
    for a in spec.advertisers() {
        assert_eq!(
            s.companies.get(&a).and_then(|m| m.get("ad_interaction")),
            Some(&formats),
            "{a}: {:?}",
            s.companies
        );
    }
    assert_eq!(
        s.companies.len(),
        spec.ads,
        "no other companies: {:?}",
        s.companies
    );
    assert!(c
        .records
        .iter()
        .filter_map(|r| r.record.company.as_ref())
        .all(|co| co.relation == Relation::AdInteraction));
    // The user: channel ID (also the account), channel title, handle.
    let persona = footprint_fixtures::Persona::for_seed(spec.seed);
    let account = s.account.clone().expect("the channel ID is the account");
    assert!(
        account.starts_with("UC") && account.len() == 24,
        "{account}"
    );
    let ids: BTreeSet<(IdentityKind, String)> = c
        .identities
        .iter()
        .map(|i| (i.kind, i.value.clone()))
        .collect();
    assert!(
        ids.contains(&(IdentityKind::Username, account.clone())),
        "{ids:?}"
    );
    assert!(
        ids.contains(&(IdentityKind::Name, persona.name.clone())),
        "{ids:?}"
    );
    assert!(
        ids.iter()
            .any(|(k, v)| *k == IdentityKind::Username && v.starts_with('@')),
        "{ids:?}"
    );
    // Times are real, titles readable.
    for r in &c.records {
        let kind = r.record.kind;
        if !matches!(
            kind,
            "subscription" | "library_song" | "channel" | "channel_handle"
        ) {
            assert!(r.record.ts.is_some(), "{kind} in {} has a time", r.file);
        }
        assert!(!r.record.title.as_deref().unwrap_or("").contains('\u{a0}'));
    }
    (c, s)
}

fn keys(c: &Collected) -> Vec<(String, Option<u64>)> {
    let mut k: Vec<(String, Option<u64>)> = c
        .records
        .iter()
        .map(|r| (r.record.kind.to_string(), r.record.key))
        .collect();
    k.sort();
    k
}

fn per_category(c: &Collected) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for r in &c.records {
        *m.entry(r.record.category.to_string()).or_insert(0) += 1;
    }
    m
}

#[test]
fn english_2025() {
    let (_, s) = youtube(&YouTubeSpec::default(), "en");
    insta::assert_json_snapshot!("youtube_en_2025", s);
}

#[test]
fn spanish_2022_without_takeout_folder() {
    let spec = YouTubeSpec {
        locale: Locale::Es,
        generation: YouTubeGeneration::Y2022,
        top_folder: false,
        bom: true,
        ..Default::default()
    };
    let (c, s) = youtube(&spec, "es");
    // 2022 comments and chats are HTML: known, skipped with a reason.
    let html: Vec<&String> = s
        .skipped
        .iter()
        .filter(|f| f.contains("as HTML (older exports)"))
        .collect();
    assert_eq!(html.len(), 2, "{:?}", s.skipped);
    assert!(c
        .files
        .iter()
        .any(|(p, r)| p.ends_with("playlists/Watch later.csv")
            && *r == FileRole::Parse(parser::YT_PLAYLIST_ITEMS)));
    insta::assert_json_snapshot!("youtube_es_2022_no_takeout_folder", s);
}

#[test]
fn german_2023() {
    let spec = YouTubeSpec {
        locale: Locale::De,
        generation: YouTubeGeneration::Y2023,
        top_folder: false,
        ..Default::default()
    };
    let (_, s) = youtube(&spec, "de");
    insta::assert_json_snapshot!("youtube_de_2023", s);
}

#[test]
fn french_2025_with_boms_and_html() {
    let spec = YouTubeSpec {
        locale: Locale::Fr,
        bom: true,
        with_html: true,
        macos_junk: true,
        ..Default::default()
    };
    let (c, s) = youtube(&spec, "fr");
    // Live chats under a French name no table lists are known by their header.
    assert!(
        c.files
            .iter()
            .any(|(p, r)| p.ends_with("chats en direct.csv")
                && *r == FileRole::Parse(parser::YT_LIVE_CHATS)),
        "{:?}",
        c.files
    );
    // The HTML twins of the history are read, into records with the JSON's keys.
    assert_eq!(s.files.get(parser::YT_HISTORY_HTML), Some(&2), "{:?}", s.files);
    let history_keys = |ext: &str| {
        let mut k: Vec<u64> = c
            .records
            .iter()
            .filter(|r| r.file.ends_with(ext) && r.file.contains("historique"))
            .filter_map(|r| r.record.key)
            .collect();
        k.sort();
        k
    };
    assert_eq!(history_keys(".html"), history_keys(".json"));
    assert!(!history_keys(".html").is_empty());
    insta::assert_json_snapshot!("youtube_fr_2025", s);
}

/// The language changes names, headers and verbs, never what the user is shown.
#[test]
fn languages_agree_per_category() {
    let (en, _) = youtube(&YouTubeSpec::default(), "en");
    for locale in [Locale::Es, Locale::De, Locale::Fr] {
        let (other, _) = youtube(
            &YouTubeSpec {
                locale,
                ..Default::default()
            },
            "l10n",
        );
        assert_eq!(per_category(&en), per_category(&other), "{locale:?}");
    }
}

/// Files under names no table knows (a language the tables lack) are read by content.
#[test]
fn unlisted_names_are_classified_by_content() {
    let spec = YouTubeSpec {
        unlisted_names: true,
        ..Default::default()
    };
    let (c, _) = youtube(&spec, "unlisted");
    let role = |suffix: &str| {
        c.files
            .iter()
            .find(|(p, _)| p.ends_with(suffix))
            .map(|(_, r)| r.clone())
    };
    assert_eq!(
        role("activity log/watch-history.json"),
        Some(FileRole::Parse(parser::MY_ACTIVITY))
    );
    assert_eq!(
        role("subscriptions (export).csv"),
        Some(FileRole::Parse(parser::YT_SUBSCRIPTIONS))
    );
}

/// Re-importing the same export (or the same data re-zipped without `Takeout/`) gives the
/// same keys, so nothing is added twice; keys are unique within an export.
#[test]
fn reimport_keys_are_stable() {
    let (a, _) = youtube(&YouTubeSpec::default(), "a");
    let (b, _) = youtube(
        &YouTubeSpec {
            top_folder: false,
            ..Default::default()
        },
        "b",
    );
    assert_eq!(keys(&a), keys(&b));
    let unique: BTreeSet<_> = keys(&a).into_iter().collect();
    assert_eq!(
        unique.len(),
        a.records.len(),
        "every record has its own key"
    );
}

/// A 0-byte file, a truncated history, a broken CSV row, `null` lists, an unreadable date and
/// lowercase headers: warnings and one failed file, each naming its file; the rest is read.
#[test]
fn messy_input_is_reported_per_file() {
    let spec = YouTubeSpec {
        messy: true,
        bom: true,
        ..Default::default()
    };
    let (c, s) = import(&spec, "messy");
    assert_eq!(s.detected, "google");
    // The truncated search history fails alone, after what it could read.
    assert_eq!(c.failed.len(), 1, "{:?}", c.failed);
    assert!(
        c.failed[0].0.ends_with("history/search-history.json"),
        "{:?}",
        c.failed
    );
    assert!(count(&c, "search") < spec.searches);
    // Everything else is imported.
    assert_eq!(count(&c, "watch"), spec.watches);
    assert_eq!(count(&c, "ad_interaction"), spec.ads);
    assert_eq!(
        count(&c, "subscription"),
        spec.subscriptions,
        "lowercase headers"
    );
    assert_eq!(
        count(&c, "comment"),
        spec.comments,
        "the date-less comment is kept"
    );
    assert_eq!(count(&c, "live_chat_message"), 0);
    assert_eq!(
        count(&c, "playlist_item"),
        spec.playlists * spec.videos_per_playlist
    );
    let warned = |file: &str, text: &str| {
        c.warnings
            .iter()
            .any(|w| w.file.ends_with(file) && w.message.contains(text))
    };
    assert!(
        warned("comments/comments.csv", "unreadable time `not a date`"),
        "{:?}",
        s.warnings
    );
    assert!(
        warned("comments/comments.csv", "unreadable CSV row"),
        "{:?}",
        s.warnings
    );
    assert!(
        s.warnings.iter().all(|w| !w.contains("watch-history")),
        "null lists are empty lists: {:?}",
        s.warnings
    );
    insta::assert_json_snapshot!("youtube_messy", (&s.failed, &s.warnings, &s.kinds));
}
