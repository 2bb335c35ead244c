//! Donation files end to end on one generated persona's exports: the plan counts what the
//! file then holds, the preview is the file's first rows, unticked categories, platforms and
//! rows are absent, no identifier is left in clear anywhere in the zip, and the reader
//! refuses a file changed after it was written.

mod common;

use common::*;
use footprint_research::donation::format::{file_name, CONSENT_FILE};
use footprint_research::donation::{self, read, Choices, DonationError, ParticipantId, Study};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

fn study(extra: &str) -> Study {
    let text = format!(
        "id = \"pilot_2027\"\ntitle = \"A pilot\"\nresearcher = \"A lab\"\ncontact = \"lab@university.example\"\nsalt = \"{SALT}\"\n{extra}"
    );
    Study::parse(&text, "STUDY.toml").unwrap()
}

fn participant() -> ParticipantId {
    ParticipantId::new("p0042").unwrap()
}

/// Every member of a zip, unpacked into `dir`.
fn unzip(zip: &Path, dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let mut z = zip::ZipArchive::new(std::fs::File::open(zip).unwrap()).unwrap();
    for i in 0..z.len() {
        let mut m = z.by_index(i).unwrap();
        let mut bytes = Vec::new();
        m.read_to_end(&mut bytes).unwrap();
        std::fs::write(dir.join(m.name().unwrap().as_ref()), bytes).unwrap();
    }
}

/// One column of a Parquet file, every row's value as text ("" for null).
fn column(path: &Path, name: &str) -> Vec<String> {
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| {
            let r = r.unwrap();
            let (_, f) = r.get_column_iter().find(|(n, _)| n.as_str() == name).unwrap_or_else(|| panic!("no column {name}"));
            match f {
                Field::Null => String::new(),
                Field::Str(s) => s.clone(),
                other => other.to_string(),
            }
        })
        .collect()
}

fn write(store: &footprint_core::store::Store, study: &Study, choices: &Choices, dir: &Path) -> donation::Written {
    let dest = dir.join(file_name(&study.id, &participant()));
    donation::write(store, study, choices, &participant(), &dest).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_file_holds_what_the_plan_shows_and_nothing_of_what_was_unticked() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let s = study("drop_message_text = true\n");
    let everything = donation::plan(&store, &s, &Choices::default(), 5).unwrap();
    let messages = everything.categories.iter().find(|c| c.key == "messages").expect("the persona has messages");
    assert!(messages.records > 0 && messages.included);
    let platform = everything.platforms[0].clone();
    assert!(everything.platforms.len() >= 3 && platform.records > 0, "{:?}", everything.platforms);
    let file = everything.files.iter().find(|f| f.platform != platform.key && f.records > 0).unwrap().clone();
    let sum = |v: &[donation::plan::Share]| v.iter().map(|c| c.records).sum::<u64>();
    assert_eq!(sum(&everything.categories), everything.records);
    assert_eq!(sum(&everything.platforms), everything.records);
    assert_eq!(everything.files.iter().map(|f| f.records).sum::<u64>(), everything.records);

    let records = everything.tables.iter().find(|t| t.table == "records").unwrap();
    let single = records.preview[0][0].clone().unwrap().parse::<i64>().unwrap();
    let choices = Choices {
        excluded_categories: vec!["messages".into()],
        excluded_platforms: vec![platform.key.clone()],
        excluded_files: vec![file.file_id],
        excluded_records: vec![single],
    };
    let plan = donation::plan(&store, &s, &choices, 5).unwrap();
    // Unticked lines keep their count (what ticking them would give back), but leave.
    let m = plan.categories.iter().find(|c| c.key == "messages").unwrap();
    assert!(!m.included && m.records > 0);
    assert!(plan.records < everything.records - messages.records.min(everything.records - 1));
    assert!(plan.platforms.iter().any(|p| p.key == platform.key && !p.included));
    assert!(plan.files.iter().any(|f| f.file_id == file.file_id && !f.included));
    assert_eq!(plan.excluded_records, 1);

    let written = write(&store, &s, &choices, dir.path());
    assert_eq!(written.path.file_name().unwrap(), "donation-pilot_2027-p0042.zip");
    assert!(written.bytes > 10_000, "{} bytes", written.bytes);
    let out = dir.path().join("unzipped");
    unzip(&written.path, &out);
    let consent: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join(CONSENT_FILE)).unwrap()).unwrap();
    assert_eq!(consent["study_id"], "pilot_2027");
    assert_eq!(consent["participant_id"], "p0042");
    assert_eq!(consent["choices"]["excluded_records"], 1);
    assert_eq!(consent["choices"]["drop_message_text"], true);
    let kept_categories = consent["choices"]["categories"].as_array().unwrap();
    assert!(!kept_categories.contains(&"messages".into()) && kept_categories.contains(&"location".into()));
    assert!(!consent["choices"]["platforms"].as_array().unwrap().contains(&platform.key.as_str().into()));
    let kept_files = consent["choices"]["files"].as_array().unwrap();
    assert_eq!(kept_files.len() as i64, count(&store, "SELECT count(*) FROM files") as i64 - 1);

    // The file's rows are the plan's, and the preview is the file's first rows.
    for t in &plan.tables {
        let member = out.join(format!("{}.parquet", t.table));
        let listed = written.consent.files.iter().find(|f| f.table == t.table).unwrap();
        assert_eq!((listed.rows, t.rows), (t.rows, parquet_rows(&member).len() as u64), "{}", t.table);
        for (i, c) in t.columns.iter().enumerate() {
            let values = column(&member, c);
            for (row, cells) in t.preview.iter().enumerate() {
                if c.contains("ts") || c.ends_with("_seen") || c.ends_with("_at") || c == "export_date" {
                    continue; // times: the file's typed form, the preview's text form
                }
                assert_eq!(values[row], cells[i].clone().unwrap_or_default(), "{}.{c} row {row}", t.table);
            }
        }
    }
    let rec = out.join("records.parquet");
    let categories = column(&rec, "category");
    assert!(!categories.is_empty() && !categories.contains(&"messages".to_string()));
    assert!(!column(&rec, "platform").contains(&platform.key));
    assert!(!column(&rec, "file_id").contains(&file.file_id.to_string()));
    assert!(!column(&rec, "record_id").contains(&single.to_string()));
    assert!(!column(&out.join("holdings.parquet"), "category").contains(&"messages".to_string()));
    // The database still has all of it (the test could fail).
    assert!(count(&store, &format!("SELECT count(*) FROM records WHERE id = {single}")) == 1);
}

#[test]
fn no_identifier_is_left_in_clear_anywhere_in_the_zip_and_the_reader_checks_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let s = study("with_identities = true\n");
    // A file unticked: the consent record then names the kept ones, paths pseudonymized.
    let some_file = count(&store, "SELECT min(id) FROM files") as i64;
    let choices = Choices {
        excluded_files: vec![some_file],
        ..Default::default()
    };
    let written = write(&store, &s, &choices, dir.path());
    let out = dir.path().join("unzipped");
    unzip(&written.path, &out);
    assert_absent(&out, &identifiers(&store, SEED), "identifier");
    assert_absent(&out, &contacts(&store), "contact");
    // The zip's own bytes too (member names, stored Parquet).
    let raw = dir.path().join("raw");
    std::fs::create_dir(&raw).unwrap();
    std::fs::copy(&written.path, raw.join("donation.zip")).unwrap();
    for i in 0..8 {
        std::fs::write(raw.join(format!("pad{i}")), b"").unwrap();
    }
    assert_absent(&raw, &identifiers(&store, SEED), "identifier");

    let mut d = read::open(&written.path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(d.consent(), &written.consent);
    let names: Vec<String> = d.members().iter().map(|f| f.member.clone()).collect();
    assert!(names.contains(&"records.parquet".into()) && names.contains(&"identities.parquet".into()));
    assert!(names.contains(&"codebook.json".into()) && names.contains(&"redaction_log.json".into()));
    let mut copy = Vec::new();
    let n = d.copy_member("records.parquet", &mut copy).unwrap();
    assert_eq!(copy, std::fs::read(out.join("records.parquet")).unwrap());
    assert_eq!(n, copy.len() as u64);
}

/// A copy of `src` with its members as `edit` makes them (name, bytes).
fn rezip(src: &Path, dest: &Path, edit: impl Fn(&mut Vec<(String, Vec<u8>)>)) -> PathBuf {
    let mut z = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut members = Vec::new();
    for i in 0..z.len() {
        let mut m = z.by_index(i).unwrap();
        let mut bytes = Vec::new();
        m.read_to_end(&mut bytes).unwrap();
        members.push((m.name().unwrap().into_owned(), bytes));
    }
    edit(&mut members);
    let mut w = zip::ZipWriter::new(std::fs::File::create(dest).unwrap());
    for (name, bytes) in members {
        w.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(&bytes).unwrap();
    }
    w.finish().unwrap();
    dest.to_path_buf()
}

fn refused(path: &Path) -> String {
    match read::open(path) {
        Err(e @ DonationError::Refused { .. }) => e.to_string(),
        Err(other) => panic!("{}: not a refusal: {other}", path.display()),
        Ok(_) => panic!("{} accepted", path.display()),
    }
}

#[test]
fn a_changed_unlisted_or_unsafe_member_is_refused_and_a_failed_write_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let s = study("categories = [\"searches\", \"location\"]\n");
    let good = write(&store, &s, &Choices::default(), dir.path()).path;
    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    // Rezipped unchanged, it still reads (so each refusal below is the edit's doing).
    read::open(&rezip(&good, &bad.join("same.zip"), |_| {})).unwrap();

    let e = refused(&rezip(&good, &bad.join("tampered.zip"), |m| {
        let (_, bytes) = m.iter_mut().find(|(n, _)| n == "records.parquet").unwrap();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0x55;
    }));
    assert!(e.contains("records.parquet") && e.contains("SHA-256"), "{e}");
    let e = refused(&rezip(&good, &bad.join("extra.zip"), |m| m.push(("notes.txt".into(), b"hi".to_vec()))));
    assert!(e.contains("notes.txt") && e.contains("not listed"), "{e}");
    let e = refused(&rezip(&good, &bad.join("traversal.zip"), |m| m.push(("../evil.parquet".into(), b"x".to_vec()))));
    assert!(e.contains("evil") && e.contains("plain file name"), "{e}");
    let e = refused(&rezip(&good, &bad.join("missing.zip"), |m| m.retain(|(n, _)| n != "holdings.parquet")));
    assert!(e.contains("holdings.parquet") && e.contains("lacks"), "{e}");
    let e = refused(&rezip(&good, &bad.join("grown.zip"), |m| {
        m.iter_mut().find(|(n, _)| n == "codebook.md").unwrap().1.extend_from_slice(&[b' '; 4096]);
    }));
    assert!(e.contains("codebook.md") && e.contains("bytes"), "{e}");
    let e = refused(&rezip(&good, &bad.join("donation-other_study-p0042.zip"), |_| {}));
    assert!(e.contains("other_study"), "{e}");
    let e = refused(&rezip(&good, &bad.join("no-consent.zip"), |m| m.retain(|(n, _)| n != CONSENT_FILE)));
    assert!(e.contains(CONSENT_FILE), "{e}");

    // Writing onto a folder fails at the last step (the rename): nothing else is left.
    let target = dir.path().join("fails");
    std::fs::create_dir_all(target.join("donation.zip/occupied")).unwrap();
    let err = donation::write(&store, &s, &Choices::default(), &participant(), &target.join("donation.zip")).unwrap_err();
    assert!(err.to_string().contains("donation.zip"), "{err}");
    let left: Vec<_> = std::fs::read_dir(&target).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, vec![std::ffi::OsString::from("donation.zip")]);
}
