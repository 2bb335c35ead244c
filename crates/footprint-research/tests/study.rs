//! `study import` and `study summary` on a folder as a study receives it: donation zips, a
//! raw export, a damaged zip and a file that is no export. The good ones land as
//! `participant=<id>/table=<name>/part-0.parquet`, the bad ones are reported and skipped; a
//! second run skips what is done; an interrupted participant is redone; the summary agrees
//! with the participants' SQLite databases; no participant's identifier is in clear.

mod common;

use common::*;
use footprint_core::exports::plan_exports;
use footprint_core::runner::import_export;
use footprint_core::store::Store;
use footprint_research::study::testing::write_donation;
use footprint_research::study::{import_study, summarize, Status, StudyImportOptions, StudyReport};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const STUDY: &str = "pilot";
const DONORS: [(&str, u64); 3] = [("p1", 21), ("p2", 22), ("p3", 23)];
/// The participant who hands in a raw export (a folder of two platforms' exports).
const RAW: (&str, u64) = ("anna", 24);
const TABLES: [&str; 6] = ["archives", "import_reports", "records", "companies", "holdings", "identities"];

/// Two platforms' small exports of the persona of `seed`, written into `dir`.
fn exports(dir: &Path, seed: u64) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let mut out = Vec::new();
    for (platform, file) in [("facebook", "facebook.zip"), ("x", "x.zip")] {
        let write = footprint_fixtures::demo::generator(platform).unwrap().write;
        out.extend(write(&dir.join(file), seed, Some(60)).unwrap());
    }
    out
}

fn store_of(paths: &[PathBuf], db: &Path) -> Store {
    let mut store = Store::open(db).unwrap();
    for g in plan_exports(paths, &Default::default()) {
        import_export(&mut store, &g, &Default::default()).unwrap_or_else(|e| panic!("{g:?}: {e}"));
    }
    store
}

struct Study {
    _tmp: tempfile::TempDir,
    input: PathBuf,
    dataset: PathBuf,
    /// Every good participant's database, as SQLite has it.
    stores: BTreeMap<&'static str, (Store, u64)>,
}

/// The study folder: 3 donations, 1 raw export, 1 damaged donation, 1 unknown file.
fn study() -> Study {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("received");
    std::fs::create_dir_all(&input).unwrap();
    let mut stores = BTreeMap::new();
    for (id, seed) in DONORS {
        let home = tmp.path().join(id);
        let store = store_of(&exports(&home.join("exports"), seed), &home.join("f.db"));
        write_donation(&store, SALT, STUDY, id, &input);
        stores.insert(id, (store, seed));
    }
    let raw = exports(&input.join(RAW.0), RAW.1);
    stores.insert(RAW.0, (store_of(&raw, &tmp.path().join("raw.db")), RAW.1));
    // A donation cut short in transfer: its central directory is gone.
    let whole = std::fs::read(input.join("donation-pilot-p1.zip")).unwrap();
    std::fs::write(input.join("donation-pilot-p9.zip"), &whole[..whole.len() / 2]).unwrap();
    std::fs::write(input.join("notes.txt"), "participant list, see the study binder\n").unwrap();
    let dataset = tmp.path().join("dataset");
    Study {
        _tmp: tmp,
        input,
        dataset,
        stores,
    }
}

fn options(s: &Study, jobs: usize) -> StudyImportOptions {
    StudyImportOptions {
        jobs,
        salt: Some(SALT.into()),
        with_identities: true,
        ..StudyImportOptions::new(s.input.clone(), s.dataset.clone())
    }
}

fn statuses(report: &StudyReport) -> BTreeMap<String, (Status, Option<String>)> {
    report
        .participants
        .iter()
        .map(|p| {
            let name = Path::new(&p.source).file_name().unwrap().to_string_lossy().into_owned();
            (name, (p.status, p.error.clone()))
        })
        .collect()
}

fn sqlite_rows(store: &Store, table: &str) -> u64 {
    match table {
        "import_reports" => count(store, "SELECT count(*) FROM files"),
        "companies" => count(
            store,
            "SELECT count(*) FROM companies WHERE id IN (SELECT company_id FROM holdings) OR id IN (SELECT company_id FROM records)",
        ),
        name => count(store, &format!("SELECT count(*) FROM {name}")),
    }
}

#[test]
fn a_study_folder_lands_partitioned_failures_reported_and_a_rerun_skips_what_is_done() {
    let s = study();
    let report = import_study(&options(&s, 2)).unwrap();
    let st = statuses(&report);
    assert_eq!((report.ok, report.skipped, report.failed), (4, 0, 2), "{st:#?}");
    let damaged = &st["donation-pilot-p9.zip"];
    assert_eq!(damaged.0, Status::Failed);
    assert!(damaged.1.as_deref().unwrap().contains("not a readable zip"), "{damaged:?}");
    let unknown = &st["notes.txt"];
    assert_eq!(unknown.0, Status::Failed);
    assert!(unknown.1.as_deref().unwrap().contains("no importer recognizes"), "{unknown:?}");

    // Every good participant has every table, with SQLite's row counts.
    for (id, (store, _)) in &s.stores {
        let folder = s.dataset.join(format!("participant={id}"));
        let entry = report.participants.iter().find(|p| p.participant.as_deref() == Some(id)).unwrap();
        assert_eq!(entry.status, Status::Ok, "{id}: {:?}", entry.error);
        for table in TABLES {
            let file = folder.join(format!("table={table}/part-0.parquet"));
            assert!(file.is_file(), "{}", file.display());
            let rows = parquet_rows(&file).len() as u64;
            assert_eq!(rows, sqlite_rows(store, table), "{id} {table}");
            assert_eq!(entry.rows[table], rows, "{id} {table} in the report");
        }
        assert!(folder.join("codebook.json").is_file() && folder.join("redaction_log.json").is_file());
    }
    // The failed ones left nothing behind; the report is on disk.
    let names: Vec<String> = std::fs::read_dir(&s.dataset)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 5, "{names:?}");
    let on_disk: serde_json::Value = serde_json::from_slice(&std::fs::read(s.dataset.join("study_report.json")).unwrap()).unwrap();
    assert_eq!(on_disk["failed"], 2);
    assert_eq!(on_disk["participants"].as_array().unwrap().len(), 6);

    // Again: the four are skipped (with their rows), the two fail again.
    let again = import_study(&options(&s, 2)).unwrap();
    assert_eq!((again.ok, again.skipped, again.failed), (0, 4, 2), "{:#?}", statuses(&again));
    let p1 = again.participants.iter().find(|p| p.participant.as_deref() == Some("p1")).unwrap();
    assert_eq!(p1.rows["records"], sqlite_rows(&s.stores["p1"].0, "records"));
}

#[test]
fn an_interrupted_participant_is_cleaned_and_redone() {
    let s = study();
    import_study(&options(&s, 1)).unwrap();
    // As if killed while writing p2 (its folder not yet renamed, one table missing), and
    // while writing a participant whose file is gone since.
    let done = s.dataset.join("participant=p2");
    let partial = s.dataset.join("participant=p2.partial");
    std::fs::rename(&done, &partial).unwrap();
    std::fs::remove_dir_all(partial.join("table=holdings")).unwrap();
    std::fs::create_dir_all(s.dataset.join("participant=gone.partial/table=records")).unwrap();
    std::fs::write(s.dataset.join("participant=gone.partial/table=records/part-0.parquet"), b"half").unwrap();

    let report = import_study(&options(&s, 2)).unwrap();
    let p2 = report.participants.iter().find(|p| p.participant.as_deref() == Some("p2")).unwrap();
    assert_eq!(p2.status, Status::Ok, "{:?}", p2.error);
    assert_eq!((report.ok, report.skipped), (1, 3));
    assert!(!partial.exists() && !s.dataset.join("participant=gone.partial").exists());
    let holdings = parquet_rows(&done.join("table=holdings/part-0.parquet")).len() as u64;
    assert_eq!(holdings, sqlite_rows(&s.stores["p2"].0, "holdings"));
}

#[test]
fn the_summary_counts_what_the_participants_databases_hold_and_no_identifier_is_in_clear() {
    let s = study();
    import_study(&options(&s, 2)).unwrap();
    let summary = summarize(&s.dataset).unwrap();
    assert_eq!(summary.participants, 4);

    // Per platform, from SQLite: participants, archives, records, files, files parsed.
    let mut platforms: BTreeMap<String, [u64; 5]> = BTreeMap::new();
    // Third parties: participants and evidence, keys pseudonymized as the export does.
    let mut third: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for (store, _) in s.stores.values() {
        let conn = store.connection();
        let mut q = conn
            .prepare(
                "SELECT a.platform, count(DISTINCT a.id), sum(a.records),
                        (SELECT count(*) FROM files f JOIN archives b ON b.id = f.archive_id WHERE b.platform = a.platform),
                        (SELECT count(*) FROM files f JOIN archives b ON b.id = f.archive_id WHERE b.platform = a.platform AND f.role = 'parse')
                 FROM archives a GROUP BY a.platform",
            )
            .unwrap();
        let rows = q
            .query_map([], |r| Ok((r.get::<_, String>(0)?, [1, r.get::<_, i64>(1)? as u64, r.get::<_, i64>(2)? as u64, r.get::<_, i64>(3)? as u64, r.get::<_, i64>(4)? as u64])))
            .unwrap();
        for row in rows {
            let (platform, n) = row.unwrap();
            let e = platforms.entry(platform).or_default();
            for i in 0..5 {
                e[i] += n[i];
            }
        }
        add_third_parties(store, SALT, &mut third);
    }
    let got: BTreeMap<String, [u64; 5]> = summary
        .platforms
        .iter()
        .map(|p| (p.platform.clone(), [p.participants, p.archives, p.records, p.files, p.files_understood]))
        .collect();
    assert_eq!(got, platforms);
    assert!(third.values().any(|(n, _)| *n >= 2), "some third party in several participants");
    let expected = top_twenty(third);
    let got: Vec<(String, u64, u64)> = summary.third_parties.iter().map(|t| (t.company.clone(), t.participants, t.evidence)).collect();
    assert_eq!(got, expected);

    // No participant's identifier in clear, bytes or decoded Parquet: all of them in their
    // own folder; their full name, e-mail, phone and usernames anywhere in the dataset (a
    // bare first name of one participant may well be a contact's name in another's export).
    // A clear export of a participant does hold them, so the search can fail.
    let mut everywhere = Vec::new();
    for (id, (store, seed)) in &s.stores {
        let own = identifiers(store, *seed);
        assert_absent(&s.dataset.join(format!("participant={id}")), &own, "identifier");
        let persona = footprint_fixtures::persona::Persona::for_seed(*seed);
        everywhere.extend(own.into_iter().filter(|n| *n != persona.first && *n != persona.last));
    }
    let clear = s._tmp.path().join("clear");
    let clear_opts = footprint_research::ExportOptions {
        with_identities: true,
        ..common::options(footprint_research::Format::Parquet, clear.clone())
    };
    run(&s.stores["p1"].0, &clear_opts);
    assert!(std::panic::catch_unwind(|| assert_absent(&clear, &everywhere, "clear")).is_err());
    assert_absent(&s.dataset, &everywhere, "identifier");
}

#[test]
fn a_raw_export_without_a_salt_is_refused_and_donations_still_land() {
    let s = study();
    let report = import_study(&StudyImportOptions {
        salt: None,
        ..options(&s, 2)
    })
    .unwrap();
    let st = statuses(&report);
    assert_eq!((report.ok, report.failed), (3, 3), "{st:#?}");
    assert!(st[RAW.0].1.as_deref().unwrap().contains("needs the study salt"), "{st:#?}");
    assert!(!s.dataset.join(format!("participant={}", RAW.0)).exists());
}
