//! Golden tests of Meta's HTML exports: for every Facebook and Instagram generation, the HTML
//! export of one seed (in several languages) gives the same companies, relations, record kinds
//! and natural keys as its JSON export; every HTML data page is parsed; and importing both
//! formats through the real runner and store counts each record once.

mod golden;

use footprint_core::archive::ArchiveView;
use footprint_core::importer::FileRole;
use footprint_core::importers::meta::{facebook::Facebook, instagram::Instagram};
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use footprint_core::testing::{collect, Collected, CollectedRecord};
use footprint_fixtures::html_dates::Lang;
use footprint_fixtures::meta::{generate_facebook, generate_instagram, FacebookSpec, FbGen, IgGen, InstagramSpec, MetaFormat};
use golden::{open, Summary};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn import(paths: &[PathBuf], instagram: bool) -> (Collected, Summary) {
    let view: ArchiveView = open(paths);
    let c = if instagram { collect(&Instagram, &view) } else { collect(&Facebook, &view) };
    let s = golden::summarize(&view, &c, &[&Facebook, &Instagram], true);
    assert_eq!(s.detected, if instagram { "instagram" } else { "facebook" }, "{:?}", s.recognition);
    assert!(c.failed.is_empty(), "no file may fail: {:?}", c.failed);
    assert!(c.warnings.is_empty(), "synthetic archives are clean: {:?}", s.warnings);
    assert!(s.account.is_some(), "the account is found");
    (c, s)
}

fn facebook(spec: &FacebookSpec, dir: &std::path::Path, name: &str) -> (Collected, Summary) {
    import(&generate_facebook(spec, &dir.join(format!("{name}.zip"))).unwrap(), false)
}

fn instagram(spec: &InstagramSpec, dir: &std::path::Path, name: &str) -> (Collected, Summary) {
    import(&generate_instagram(spec, &dir.join(format!("{name}.zip"))).unwrap(), true)
}

/// The records of `c`, leaving out those of pages whose JSON twin the JSON import did not
/// understand (`unknown`): the HTML side reads every Meta page generically, the JSON side not.
fn comparable<'a>(c: &'a Collected, unknown: &[String]) -> Vec<&'a CollectedRecord> {
    c.records
        .iter()
        .filter(|r| {
            let stem = r.file.rsplit_once('.').map(|(s, _)| s).unwrap_or(&r.file);
            !unknown.iter().any(|u| stem.ends_with(u.as_str()))
        })
        .collect()
}

/// What one import says: (kind, key) -> count, `kind / category` -> count, company ->
/// relation -> count. Two imports with the same facts hold the same records.
type Facts = (BTreeMap<(String, u64), usize>, BTreeMap<String, usize>, BTreeMap<String, BTreeMap<String, usize>>);

fn facts(records: &[&CollectedRecord]) -> Facts {
    let (mut keys, mut kinds, mut companies) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::<String, BTreeMap<String, usize>>::new());
    for r in records {
        let r = &r.record;
        *keys.entry((r.kind.to_string(), r.effective_key())).or_insert(0) += 1;
        *kinds.entry(format!("{} / {}", r.kind, r.category)).or_insert(0) += 1;
        if let Some(c) = &r.company {
            *companies.entry(c.name.clone()).or_default().entry(c.relation.to_string()).or_insert(0) += 1;
        }
    }
    (keys, kinds, companies)
}

/// Every HTML page is parsed, except the export's index pages; media and assets are skipped.
fn every_html_page_parsed(c: &Collected) {
    for (path, role) in &c.files {
        let name = path.rsplit('/').next().unwrap();
        if name.ends_with(".html") {
            match role {
                FileRole::Parse(p) => assert!(p.starts_with("meta_html_"), "{path}: {p}"),
                FileRole::Skip(_) if matches!(name, "start_here.html" | "index.html") => {}
                other => panic!("{path}: {other:?}"),
            }
        }
    }
}

/// The HTML export of a spec tells the same story as its JSON export.
fn same_as_json(json: &(Collected, Summary), html: &(Collected, Summary), what: &str) {
    // Files the JSON import did not understand (unknown, or only indexed): the HTML side reads
    // every Meta page generically, so both sides leave them out.
    let unknown: Vec<String> = json
        .0
        .files
        .iter()
        .filter(|(_, role)| matches!(role, FileRole::Unknown | FileRole::Index(_)))
        .map(|(p, _)| p.trim_end_matches(".json").to_string())
        .collect();
    let not_understood: Vec<String> =
        unknown.iter().cloned().chain(json.0.indexed_only.iter().map(|p| p.trim_end_matches(".json").to_string())).collect();
    let (want, got) = (facts(&comparable(&json.0, &not_understood)), facts(&comparable(&html.0, &not_understood)));
    assert_eq!(got.2, want.2, "{what}: companies and relations");
    assert_eq!(got.1, want.1, "{what}: kinds and categories");
    assert_eq!(got.0, want.0, "{what}: natural keys");
    assert_eq!(html.1.account, json.1.account, "{what}: the account (the dedup scope)");
    let ids = |s: &Summary| {
        let mut v = s.identities.clone();
        v.sort();
        v
    };
    assert_eq!(ids(&html.1), ids(&json.1), "{what}: identities");
    every_html_page_parsed(&html.0);
    // Pages whose JSON twin is unknown are still read, generically.
    for u in &unknown {
        assert!(html.0.records.iter().any(|r| r.file.contains(u.as_str()) && r.record.kind == "generic"), "{what}: {u}");
    }
}

#[test]
fn facebook_html_equals_json_in_every_generation_and_language() {
    let dir = tempfile::tempdir().unwrap();
    for (generation, lang) in [(FbGen::Y2022, Lang::En), (FbGen::Y2022, Lang::De), (FbGen::Y2024, Lang::Fr), (FbGen::Y2024, Lang::Es)] {
        // 25 advertisers reach H&M, L'Oréal and Procter & Gamble: entities and accents.
        let spec = FacebookSpec { generation, advertisers: 25, lang, ..Default::default() };
        let json = facebook(&spec, dir.path(), "json");
        let html = facebook(&FacebookSpec { format: MetaFormat::Html, top_folder: true, ..spec.clone() }, dir.path(), "html");
        let what = format!("facebook {generation:?} {lang:?}");
        same_as_json(&json, &html, &what);
        assert!(html.1.companies.contains_key("H&M") && html.1.companies.contains_key("L'Oréal Paris"), "{what}");
        assert!(html.0.files.iter().all(|(p, _)| !p.ends_with(".json")), "{what}: HTML only");
    }
}

#[test]
fn instagram_html_equals_json_in_every_generation_and_language() {
    let dir = tempfile::tempdir().unwrap();
    for (generation, lang) in [(IgGen::Y2021, Lang::Es), (IgGen::Y2022, Lang::En), (IgGen::Y2025, Lang::De), (IgGen::Y2025, Lang::Fr)] {
        let spec = InstagramSpec { generation, lang, ..Default::default() };
        let json = instagram(&spec, dir.path(), "json");
        let html = instagram(&InstagramSpec { format: MetaFormat::Html, ..spec.clone() }, dir.path(), "html");
        same_as_json(&json, &html, &format!("instagram {generation:?} {lang:?}"));
    }
}

#[test]
fn html_exports_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let (_, fb) = facebook(&FacebookSpec { format: MetaFormat::Html, lang: Lang::De, ..Default::default() }, dir.path(), "fb");
    insta::assert_json_snapshot!("facebook_2024_html_de", fb);
    let spec = InstagramSpec { generation: IgGen::Y2022, format: MetaFormat::Html, lang: Lang::Fr, ..Default::default() };
    let (_, ig) = instagram(&spec, dir.path(), "ig");
    insta::assert_json_snapshot!("instagram_2022_html_fr", ig);
}

fn opts() -> ImportOptions {
    ImportOptions { now_ms: Some(1_767_000_000_000), ..Default::default() }
}

/// Through the real runner and store: a "both" export holds each record once (as many as the
/// JSON export alone), and the HTML export after the JSON export of the account adds nothing.
#[test]
fn both_formats_are_counted_once_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let spec = FacebookSpec { generation: FbGen::Y2024, ..Default::default() };
    let json = generate_facebook(&spec, &dir.path().join("json.zip")).unwrap();
    let html = generate_facebook(&FacebookSpec { format: MetaFormat::Html, lang: Lang::De, ..spec.clone() }, &dir.path().join("html.zip")).unwrap();
    let both = generate_facebook(&FacebookSpec { format: MetaFormat::Both, ..spec.clone() }, &dir.path().join("both.zip")).unwrap();

    let mut alone = Store::open(&dir.path().join("alone.db")).unwrap();
    let a = import_export(&mut alone, &json, &opts()).unwrap();
    assert!(a.report.records > 0);

    let mut together = Store::open(&dir.path().join("both.db")).unwrap();
    let b = import_export(&mut together, &both, &opts()).unwrap();
    assert_eq!(b.report.records, a.report.records, "a both-format export counts every record once");
    assert_eq!(b.report.records_seen, 2 * a.report.records_seen, "each file was read in both formats");

    let c = import_export(&mut alone, &html, &opts()).unwrap();
    assert!(!c.already_imported);
    assert_eq!(c.report.account, a.report.account, "the HTML export is the same account");
    assert_eq!(c.report.records, 0, "the HTML export of an imported JSON export adds nothing");
    assert_eq!(c.report.duplicates, c.report.records_seen);
    let companies = |s: &Store| {
        let mut v: Vec<String> = s
            .companies(&Default::default())
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect();
        v.sort();
        v
    };
    assert_eq!(companies(&alone), companies(&together));

    let ig = InstagramSpec { generation: IgGen::Y2025, ..Default::default() };
    let ig_json = generate_instagram(&ig, &dir.path().join("ig.zip")).unwrap();
    let ig_both = generate_instagram(&InstagramSpec { format: MetaFormat::Both, lang: Lang::Fr, ..ig }, &dir.path().join("igb.zip")).unwrap();
    let mut s1 = Store::open(&dir.path().join("ig1.db")).unwrap();
    let mut s2 = Store::open(&dir.path().join("ig2.db")).unwrap();
    let x = import_export(&mut s1, &ig_json, &opts()).unwrap();
    let y = import_export(&mut s2, &ig_both, &opts()).unwrap();
    assert_eq!(y.report.records, x.report.records, "Instagram: both formats count once");
}

/// The benchmark size as an HTML export (100,000 messages, 2,000 off-Meta companies): every
/// record arrives. Slow in debug builds: `cargo test --test golden_meta_html -- --ignored`.
#[test]
#[ignore]
fn facebook_html_benchmark_size() {
    let spec = FacebookSpec { format: MetaFormat::Html, ..FacebookSpec::benchmark() };
    let dir = tempfile::tempdir().unwrap();
    let t0 = std::time::Instant::now();
    let paths = generate_facebook(&spec, &dir.path().join("bench.zip")).unwrap();
    let generated = t0.elapsed();
    let view = open(&paths);
    let t1 = std::time::Instant::now();
    let c = collect(&Facebook, &view);
    let imported = t1.elapsed();
    assert!(c.failed.is_empty() && c.warnings.is_empty(), "{:?} {:?}", c.failed, c.warnings);
    assert_eq!(golden::count(&c, "message"), spec.threads * spec.messages_per_thread);
    assert_eq!(golden::count(&c, "off_platform_event"), spec.off_meta_companies * spec.events_per_company);
    eprintln!(
        "html benchmark: {} bytes zipped, generated in {generated:?}, {} records imported in {imported:?}",
        std::fs::metadata(&paths[0]).unwrap().len(),
        c.records.len()
    );
}
