//! A damaged part costs that part only (docs/ARCHIVES.md, "Damaged parts"): an Apple export
//! whose nested `Apple Music Activity.zip` is cut short or has a wrong CRC, and whose Game
//! Center file has a wrong CRC, imports everything else, in memory and through the runner into
//! a store, and the report names each damaged file with a plain message. Hostile archives are
//! still refused whole.

use footprint_core::archive::{ArchiveView, Limits};
use footprint_core::exports::plan_exports;
use footprint_core::importers::apple::Apple;
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use footprint_core::testing::collect;
use footprint_fixtures::apple::{generate, AppleSpec};
use footprint_fixtures::Damage;
use std::collections::BTreeMap;
use std::path::PathBuf;

const MUSIC_ZIP: &str = "Apple Media Services information/Apple Music Activity.zip";
const GAME_CENTER: &str = "Game Center/Game Center Data.json";

fn export(spec: &AppleSpec, dir: &std::path::Path) -> Vec<PathBuf> {
    let paths = generate(spec, &dir.join("apple-2024-03-02")).unwrap();
    let plan = plan_exports(&paths, &Limits::default());
    assert_eq!(plan.len(), 1, "{plan:?}");
    plan.into_iter().next().unwrap()
}

/// Records per file of an in-memory import.
fn per_file(spec: &AppleSpec) -> (BTreeMap<String, usize>, Vec<(String, String)>) {
    let dir = tempfile::tempdir().unwrap();
    let view = ArchiveView::open(&export(spec, dir.path()), &Limits::default()).expect("a damaged part does not refuse the export");
    let c = collect(&Apple, &view);
    let mut n = BTreeMap::new();
    for r in &c.records {
        *n.entry(r.file.clone()).or_insert(0) += 1;
    }
    (n, c.failed)
}

#[test]
fn a_damaged_nested_zip_costs_only_its_own_files() {
    let (clean, failed) = per_file(&AppleSpec::default());
    assert!(failed.is_empty(), "{failed:?}");
    assert!(clean.keys().any(|f| f.contains("Apple Music Activity.zip/")), "the clean twin reads the nested zip: {clean:?}");
    for damage in [Damage::Truncated, Damage::WrongCrc] {
        let spec = AppleSpec { damaged_music_zip: Some(damage), ..Default::default() };
        let (got, failed) = per_file(&spec);
        // Every file outside the nested zip imports as in the clean export, including the other
        // files of Apple_Media_Services.zip that holds it.
        let outside: BTreeMap<_, _> = clean.iter().filter(|(f, _)| !f.contains("Apple Music Activity.zip/")).map(|(f, n)| (f.clone(), *n)).collect();
        // (`Apple_Media_Services.zip` is given as a file: its entries start at its top folder.)
        assert!(outside.keys().any(|f| f.starts_with("Apple Media Services information/")), "{outside:?}");
        assert_eq!(got, outside, "{damage:?}");
        assert_eq!(failed.len(), 1, "{damage:?}: {failed:?}");
        let (file, message) = &failed[0];
        assert!(file.ends_with(MUSIC_ZIP), "{file}");
        assert!(message.starts_with("this part of the export is damaged: "), "{message}");
        assert!(message.ends_with("re-download it"), "{message}");
        assert!(message.contains("Apple Music Activity.zip"), "says which part: {message}");
    }
}

#[test]
fn the_runner_imports_the_rest_and_reports_each_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let opts = ImportOptions { now_ms: Some(1_767_000_000_000), ..Default::default() };
    let mut clean_store = Store::open_in_memory().unwrap();
    let clean_dir = dir.path().join("clean");
    let clean = import_export(&mut clean_store, &export(&AppleSpec::default(), &clean_dir), &opts).unwrap();
    assert_eq!(clean.report.files_failed, 0);

    let spec = AppleSpec { damaged_music_zip: Some(Damage::Truncated), wrong_crc_game_center: true, ..Default::default() };
    let mut store = Store::open_in_memory().unwrap();
    let damaged_dir = dir.path().join("damaged");
    let out = import_export(&mut store, &export(&spec, &damaged_dir), &opts).expect("a damaged part does not abort the import");
    let r = &out.report;
    assert_eq!(r.files_failed, 2, "{:?}", r.files.iter().filter(|f| f.error.is_some()).collect::<Vec<_>>());
    for suffix in [MUSIC_ZIP, GAME_CENTER] {
        let f = r.files.iter().find(|f| f.path.ends_with(suffix)).unwrap_or_else(|| panic!("{suffix} is in the report"));
        let e = f.error.as_deref().unwrap_or_default();
        assert!(e.starts_with("this part of the export is damaged: ") && e.ends_with("re-download it"), "{suffix}: {e}");
        assert!(r.warnings.iter().any(|w| w.file == f.path && w.message.contains("damaged")), "{suffix} warns");
    }
    assert!(r.files.iter().find(|f| f.path.ends_with(GAME_CENTER)).unwrap().error.as_deref().unwrap().contains("CRC-32 mismatch"));
    // What the damaged parts held is missing; everything else is there.
    let per_file = |report: &footprint_core::runner::ImportReport| -> BTreeMap<String, u64> {
        report
            .files
            .iter()
            .filter(|f| f.records > 0 && !f.path.contains("Apple Music Activity.zip/") && !f.path.ends_with(GAME_CENTER))
            .map(|f| (f.path.clone(), f.records))
            .collect()
    };
    assert!(!per_file(r).is_empty());
    assert_eq!(per_file(r), per_file(&clean.report));
    assert!(r.records > 0 && r.records < clean.report.records, "{} of {}", r.records, clean.report.records);
}

#[test]
fn a_lying_size_still_refuses_the_whole_import() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    // A Takeout-shaped zip whose one parsed file declares 100 bytes and inflates to 10,000.
    let path = dir.path().join("takeout-20240301T101010Z-001.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    z.start_file("Takeout/archive_browser.html", opts).unwrap();
    z.write_all(b"<html></html>").unwrap();
    z.start_file("Takeout/Chrome/BrowserHistory.json", opts).unwrap();
    let body = format!("{{\"Browser History\":[{}]}}", vec!["{\"title\":\"x\",\"url\":\"https://a.example\",\"time_usec\":1709294400000000}"; 100].join(","));
    z.write_all(body.as_bytes()).unwrap();
    z.finish().unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    let name = b"Takeout/Chrome/BrowserHistory.json";
    let local = bytes.windows(name.len()).position(|w| w == name).unwrap() - 30;
    bytes[local + 22..local + 26].copy_from_slice(&100u32.to_le_bytes());
    let central = bytes.windows(4).enumerate().filter(|(_, w)| *w == b"PK\x01\x02").map(|(i, _)| i).find(|&cd| bytes[cd + 46..].starts_with(name)).unwrap();
    bytes[central + 24..central + 28].copy_from_slice(&100u32.to_le_bytes());
    std::fs::write(&path, bytes).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let opts = ImportOptions { platform: Some("google".into()), now_ms: Some(1_767_000_000_000), ..Default::default() };
    let err = import_export(&mut store, &[path], &opts).expect_err("a lying header refuses the archive");
    assert!(err.to_string().contains("inflates past its declared size"), "{err}");
    assert_eq!(err.code(), "unsafe_archive", "refused like a limit, not reported as damage");
    assert_eq!(store.archives().unwrap().len(), 0, "nothing is written");
}
