//! How much of an export Footprint understands, whatever shape the user downloaded.
//!
//! Every generator variant of every platform imports with no failed file; and for the three
//! platforms people bring most (Google, Facebook, Instagram) more than 95% of the data files
//! are understood by a real parser, in every generation, language and format (JSON or HTML)
//! the generators write. "Understood" is a `Parse` role that did not fall back to walking the
//! file blindly; a file only indexed, unknown or skipped counts against the share. Not data:
//! media, 0-byte files, the HTML export's index pages, macOS junk and the demo marker.

mod golden;

use footprint_core::importer::FileRole;
use footprint_core::registry::{by_id, detect, Detection};
use footprint_core::testing::{collect, Collected};
use footprint_fixtures::demo::{GENERATORS, VARIANTS};
use footprint_fixtures::google::{self, ActivityFormat, Locale, TakeoutSpec};
use footprint_fixtures::html_dates::Lang;
use footprint_fixtures::meta::{self, FacebookSpec, FbGen, IgGen, InstagramSpec};
use footprint_fixtures::meta_html::MetaFormat;
use std::path::PathBuf;

/// Extensions of files that hold data (text formats exports use).
const DATA_EXT: &[&str] = &["json", "js", "csv", "tsv", "ndjson", "jsonl", "txt", "html", "htm", "mbox", "ics", "vcf"];

/// Pages of an HTML export that only link to the others.
const INDEX_PAGES: &[&str] = &["start_here.html", "index.html", "archive_browser.html", "your archive.html"];

/// (data files, understood files, the files not understood).
fn share(c: &Collected, sizes: &[(String, u64)]) -> (usize, usize, Vec<String>) {
    let mut data = 0;
    let mut understood = 0;
    let mut missed = Vec::new();
    for ((path, role), (_, size)) in c.files.iter().zip(sizes) {
        let name = path.rsplit('/').next().unwrap_or(path).to_lowercase();
        let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        let junk = path.contains("__MACOSX/") || name.starts_with("._") || name == ".ds_store";
        if *size == 0 || junk || !DATA_EXT.contains(&ext) || INDEX_PAGES.contains(&name.as_str()) {
            continue;
        }
        // Navigation pages the importer names as such (Takeout's localized table of contents).
        let navigation = matches!(role, FileRole::Skip(why) if why.contains("table of contents") || why.contains("index page"));
        if navigation || footprint_core::archive::is_demo_marker(path) {
            continue;
        }
        data += 1;
        let failed = c.failed.iter().any(|(p, _)| p == path);
        match role {
            FileRole::Parse(_) if !failed && !c.indexed_only.contains(path) => understood += 1,
            other => missed.push(format!("{path}: {other:?}")),
        }
    }
    (data, understood, missed)
}

/// Import `paths` as the registry decides, with no failed file; the share of data files understood.
fn import(paths: &[PathBuf], what: &str) -> (String, usize, usize, Vec<String>) {
    let view = golden::open(paths);
    let importer = match detect(&view) {
        Detection::Found(c) => by_id(c.importer).expect("a registered importer"),
        _ => panic!("{what}: not recognized as one platform ({})", golden::detected(&view)),
    };
    let c = collect(importer, &view);
    assert!(c.failed.is_empty(), "{what}: no file may fail: {:?}", c.failed);
    let sizes: Vec<(String, u64)> = view.entries().iter().map(|e| (e.path.clone(), e.size)).collect();
    let (data, understood, missed) = share(&c, &sizes);
    (importer.id().to_string(), data, understood, missed)
}

fn at_least_95(what: &str, data: usize, understood: usize, missed: &[String]) {
    assert!(data > 0, "{what}: no data files");
    let pct = understood as f64 * 100.0 / data as f64;
    eprintln!("{what}: {understood} of {data} data files understood ({pct:.1}%) {missed:?}");
    assert!(pct > 95.0, "{what}: {understood} of {data} understood ({pct:.1}%); not understood: {missed:#?}");
}

#[test]
fn every_generator_and_variant_imports_without_a_failed_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut seen = 0;
    for (id, write) in GENERATORS.iter().map(|g| (g.id, g.write)).chain(VARIANTS.iter().map(|v| (v.id, v.write))) {
        let paths = write(&dir.path().join(id), 3, None).unwrap();
        let (platform, data, understood, _) = import(&paths, id);
        assert!(id.starts_with(&platform), "{id} is detected as {platform}");
        eprintln!("{id}: {understood} of {data} data files understood");
        seen += 1;
    }
    assert_eq!(seen, GENERATORS.len() + VARIANTS.len());
}

#[test]
fn google_takeouts_in_every_language_and_format_are_understood() {
    let dir = tempfile::tempdir().unwrap();
    for (i, locale) in Locale::ALL.into_iter().enumerate() {
        for format in [ActivityFormat::Json, ActivityFormat::Html, ActivityFormat::Both] {
            let spec = TakeoutSpec { seed: 10 + i as u64, locale, activity_format: format, top_folder: i % 2 == 0, ..Default::default() };
            let what = format!("google {locale:?} {format:?}");
            let paths = google::generate(&spec, &dir.path().join(format!("takeout-{i}-{format:?}.zip"))).unwrap();
            let (platform, data, understood, missed) = import(&paths, &what);
            assert_eq!(platform, "google", "{what}");
            at_least_95(&what, data, understood, &missed);
        }
    }
}

#[test]
fn facebook_exports_of_every_generation_and_format_are_understood() {
    let dir = tempfile::tempdir().unwrap();
    let mut cases = Vec::new();
    for generation in [FbGen::Y2018, FbGen::Y2020] {
        cases.push(FacebookSpec { generation, ..Default::default() });
        cases.push(FacebookSpec { generation, renamed: true, ..Default::default() });
    }
    for (generation, lang) in [(FbGen::Y2022, Lang::En), (FbGen::Y2022, Lang::De), (FbGen::Y2024, Lang::Fr), (FbGen::Y2024, Lang::Es)] {
        for format in [MetaFormat::Json, MetaFormat::Html, MetaFormat::Both] {
            cases.push(FacebookSpec { generation, lang, format, top_folder: true, ..Default::default() });
        }
    }
    for (i, spec) in cases.iter().enumerate() {
        let what = format!("facebook {:?} {:?} {:?} renamed={}", spec.generation, spec.format, spec.lang, spec.renamed);
        let paths = meta::generate_facebook(spec, &dir.path().join(format!("facebook-{i}.zip"))).unwrap();
        let (platform, data, understood, missed) = import(&paths, &what);
        assert_eq!(platform, "facebook", "{what}");
        at_least_95(&what, data, understood, &missed);
    }
}

#[test]
fn instagram_exports_of_every_generation_and_format_are_understood() {
    let dir = tempfile::tempdir().unwrap();
    let mut cases = vec![
        InstagramSpec { generation: IgGen::Y2019, ..Default::default() },
        InstagramSpec { generation: IgGen::Y2019, renamed: true, ..Default::default() },
    ];
    for (generation, lang) in [(IgGen::Y2021, Lang::Es), (IgGen::Y2022, Lang::Fr), (IgGen::Y2025, Lang::En), (IgGen::Y2025, Lang::De)] {
        for format in [MetaFormat::Json, MetaFormat::Html, MetaFormat::Both] {
            cases.push(InstagramSpec { generation, lang, format, ..Default::default() });
        }
    }
    for (i, spec) in cases.iter().enumerate() {
        let what = format!("instagram {:?} {:?} {:?} renamed={}", spec.generation, spec.format, spec.lang, spec.renamed);
        let paths = meta::generate_instagram(spec, &dir.path().join(format!("instagram-{i}.zip"))).unwrap();
        let (platform, data, understood, missed) = import(&paths, &what);
        assert_eq!(platform, "instagram", "{what}");
        at_least_95(&what, data, understood, &missed);
    }
}
