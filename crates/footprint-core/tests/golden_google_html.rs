//! Golden tests of My Activity HTML (Takeout's default format) and YouTube's history HTML:
//! the export of one seed written as HTML must give what its JSON export gives (the same
//! records with the same keys, kinds, companies and relations) in English, German, French
//! and Spanish, with no data file skipped; damaged pages cost only their damaged cards.

mod golden;

use footprint_core::importer::FileRole;
use footprint_core::importers::google::{parser, Google};
use footprint_core::registry::importers;
use footprint_core::testing::{collect, Collected};
use footprint_fixtures::google::{
    generate, generate_youtube, ActivityFormat, Locale, TakeoutSpec, YouTubeSpec,
};
use golden::{open, Summary};

/// Generate with `write`, open, import, summarize.
fn import(write: impl FnOnce(&std::path::Path) -> Vec<std::path::PathBuf>) -> (Collected, Summary) {
    let dir = tempfile::tempdir().unwrap();
    let paths = write(dir.path());
    let view = open(&paths);
    let c = collect(&Google, &view);
    let s = golden::summarize(&view, &c, importers(), false);
    assert_eq!(s.detected, "google", "{:?}", s.recognition);
    assert!(c.failed.is_empty(), "no file may fail: {:?}", c.failed);
    (c, s)
}

fn takeout(spec: &TakeoutSpec) -> (Collected, Summary) {
    import(|dir| generate(spec, &dir.join("takeout-20240301T101010Z.zip")).unwrap())
}

fn youtube(spec: &YouTubeSpec) -> (Collected, Summary) {
    import(|dir| generate_youtube(spec, &dir.join("takeout-yt.zip")).unwrap())
}

/// Every record as what a user is shown and what deduplicates it, sorted (the file and the
/// position inside it differ between the formats; nothing else may).
fn records(c: &Collected) -> Vec<String> {
    let mut out: Vec<String> = c
        .records
        .iter()
        .map(|r| {
            let r = &r.record;
            let company = r.company.as_ref().map(|c| format!("{} ({})", c.name, c.relation));
            format!(
                "{:?} {} {} {:?} {:?} {:?} {:?} {:?}",
                r.key, r.kind, r.category, r.ts, r.title, r.body, company, r.data
            )
        })
        .collect();
    out.sort();
    out
}

/// The My Activity and history files and what read them.
fn activity_roles(c: &Collected) -> Vec<(String, FileRole)> {
    c.files
        .iter()
        .filter(|(p, _)| {
            let p = p.to_lowercase();
            p.ends_with(".html") && !p.ends_with("archive_browser.html") && !p.ends_with("archiv_übersicht.html")
        })
        .cloned()
        .collect()
}

#[test]
fn takeout_html_gives_the_json_records_in_every_language() {
    for locale in [Locale::En, Locale::De, Locale::Fr, Locale::Es] {
        let json = TakeoutSpec { locale, ..Default::default() };
        let html = TakeoutSpec { activity_format: ActivityFormat::Html, ..json.clone() };
        let (cj, sj) = takeout(&json);
        let (ch, sh) = takeout(&html);
        assert!(ch.warnings.is_empty(), "{locale:?}: {:?}", sh.warnings);
        assert_eq!(records(&ch), records(&cj), "{locale:?}: the same records");
        assert_eq!(sh.kinds, sj.kinds, "{locale:?}");
        assert_eq!(sh.companies, sj.companies, "{locale:?}");
        assert_eq!(sh.account, sj.account, "{locale:?}");
        // Every My Activity page is read, none skipped or unknown.
        let roles = activity_roles(&ch);
        assert_eq!(roles.len(), 5, "{locale:?}: {roles:?}");
        for (path, role) in &roles {
            let want = if path.contains("Ads") || path.contains("Anzeigen") || path.contains("publicitaires") || path.contains("Publicidad") {
                parser::MY_ACTIVITY_ADS_HTML
            } else {
                parser::MY_ACTIVITY_HTML
            };
            assert_eq!(role, &FileRole::Parse(want), "{path}");
        }
        assert_eq!(sh.skipped, sj.skipped, "{locale:?}: nothing more is skipped");
        assert_eq!(sh.unknown, sj.unknown, "{locale:?}");
        if locale == Locale::En {
            let cards: std::collections::BTreeMap<_, _> = sh
                .samples
                .iter()
                .filter(|(kind, _)| ["search", "visit", "view", "watch", "ad_interaction"].contains(&kind.as_str()))
                .collect();
            insta::assert_json_snapshot!("google_html_en_samples", cards);
        }
    }
}

#[test]
fn both_formats_in_one_export_give_each_record_twice_with_one_key() {
    let spec = TakeoutSpec { activity_format: ActivityFormat::Both, locale: Locale::De, ..Default::default() };
    let (c, _) = takeout(&spec);
    let (only_json, _) = takeout(&TakeoutSpec { activity_format: ActivityFormat::Json, ..spec.clone() });
    let mut keys: Vec<u64> = c.records.iter().filter_map(|r| r.record.key).collect();
    keys.sort();
    keys.dedup();
    let mut json_keys: Vec<u64> = only_json.records.iter().filter_map(|r| r.record.key).collect();
    json_keys.sort();
    json_keys.dedup();
    assert_eq!(keys, json_keys, "the HTML adds no key the JSON lacks");
    assert!(c.records.len() > only_json.records.len());
}

#[test]
fn damaged_pages_cost_only_their_damaged_cards() {
    let spec = TakeoutSpec { activity_format: ActivityFormat::Html, messy_html: true, ..Default::default() };
    let (c, s) = takeout(&spec);
    let my_activity: usize = ["search", "visit", "view", "watch", "activity"].iter().map(|k| golden::count(&c, k)).sum();
    assert_eq!(my_activity, spec.activity, "every card with a title is kept, the cut last ones too");
    assert_eq!(golden::count(&c, "ad_interaction"), spec.ads);
    let with = |needle: &str| c.warnings.iter().filter(|w| w.message.contains(needle)).count();
    // Five pages (Search, YouTube, Maps, Chrome, Ads) have a card without a date and one with
    // an unreadable date; the Assistant page is 0 bytes.
    assert_eq!(with("activity without a time"), 5, "{:?}", s.warnings);
    assert_eq!(with("unreadable time `32 Brumaire"), 5, "{:?}", s.warnings);
    let empty: Vec<_> = c.warnings.iter().filter(|w| w.message.contains("the file is empty")).collect();
    assert_eq!(empty.len(), 1);
    assert!(empty[0].file.ends_with("My Activity/Assistant/MyActivity.html"));
    assert_eq!(c.warnings.len(), 11, "{:?}", s.warnings);
    // No impossible date: the damaged cards have none.
    assert_eq!(c.records.iter().filter(|r| r.file.contains("My Activity") && r.record.ts.is_none()).count(), 10);
    // Escaped text is text again.
    assert!(c.records.iter().any(|r| r.record.title.as_deref() == Some("Searched for fish & chips <3")));
}

#[test]
fn youtube_history_html_gives_the_json_records() {
    for locale in [Locale::En, Locale::Es, Locale::De, Locale::Fr] {
        let json = YouTubeSpec { locale, ..Default::default() };
        let html = YouTubeSpec { history_format: ActivityFormat::Html, ..json.clone() };
        let (cj, sj) = youtube(&json);
        let (ch, sh) = youtube(&html);
        assert!(ch.warnings.is_empty(), "{locale:?}: {:?}", sh.warnings);
        assert_eq!(records(&ch), records(&cj), "{locale:?}");
        assert_eq!(sh.companies, sj.companies, "{locale:?}");
        let roles = activity_roles(&ch);
        assert_eq!(roles.len(), 2, "{locale:?}: {roles:?}");
        assert!(roles.iter().all(|(_, r)| *r == FileRole::Parse(parser::YT_HISTORY_HTML)), "{roles:?}");
        if locale == Locale::Es {
            insta::assert_json_snapshot!("youtube_html_es_samples", sh.samples.get("watch"));
        }
    }
}

/// The HTML card reader alone, from memory into a sink that only counts: the importer's own
/// cost without inflating, archive checks or the store. Run with
/// `cargo test --release -p footprint-core --test golden_google_html -- --ignored --nocapture`.
#[test]
#[ignore = "benchmark: generates a 90 MB page"]
fn html_parser_throughput_in_memory() {
    use footprint_core::importer::ImportCx;
    use footprint_fixtures::Container;

    let spec = TakeoutSpec {
        top_folder: false,
        container: Container::Folder,
        ..TakeoutSpec::my_activity_html_benchmark(100_000)
    };
    let dir = tempfile::tempdir().unwrap();
    generate(&spec, &dir.path().join("bench")).unwrap();
    let bytes = std::fs::read(dir.path().join("bench/My Activity/Search/MyActivity.html")).unwrap();
    let mut sink = golden::CountingSink(0);
    let started = std::time::Instant::now();
    {
        let mut cx = ImportCx::new("MyActivity.html", &mut sink);
        let mut reader = bytes.as_slice();
        footprint_core::importers::google::my_activity_html::parse(&mut reader, &mut cx, false).unwrap();
    }
    let took = started.elapsed().as_secs_f64();
    assert_eq!(sink.0, spec.activity as u64);
    println!(
        "parsed {} cards ({} MB) from memory in {took:.2}s: {:.0} records/s, {:.0} MB/s",
        sink.0,
        bytes.len() >> 20,
        sink.0 as f64 / took,
        bytes.len() as f64 / 1e6 / took
    );
}
