//! The hostile corpus of issue #12, imported through the runner into a database that already
//! holds one export: every input is generated here (nothing big is committed), each gives a
//! clear error or warning, and nothing of it reaches the database. An archive that is hostile
//! as a whole is refused and leaves the database byte-for-byte the same (a digest of every
//! row of every table); a file that is bad alone is reported as failed or warned about, and
//! the rest of its export imports.

use footprint_core::archive::{ArchiveView, Limits};
use footprint_core::runner::{import_export, ImportError, ImportOptions, ImportOutcome};
use footprint_core::store::Store;
use footprint_fixtures::meta::{generate_facebook, FacebookSpec};
use std::hash::{Hash, Hasher};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

// ---------- a database with one export, and its digest ----------

fn opts() -> ImportOptions {
    ImportOptions {
        now_ms: Some(1_767_000_000_000),
        ..Default::default()
    }
}

/// Every row of every table, hashed in storage order: equal digests mean nothing was written.
fn digest(db: &Path) -> u64 {
    let c = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for t in tables {
        t.hash(&mut h);
        let mut st = c.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = st.column_count();
        let mut rows = st.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..n {
                format!("{:?}", row.get_ref(i).unwrap()).hash(&mut h);
            }
        }
    }
    h.finish()
}

/// A temp dir with a database holding one small Facebook export, and that export's files.
struct World {
    dir: tempfile::TempDir,
    db: PathBuf,
    facebook: Vec<(String, Vec<u8>)>,
}

fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let spec = FacebookSpec {
        threads: 2,
        messages_per_thread: 5,
        ..Default::default()
    };
    let first = generate_facebook(&spec, &dir.path().join("first.zip")).unwrap();
    let db = dir.path().join("fp.db");
    let mut store = Store::open(&db).unwrap();
    import_export(&mut store, &first, &opts()).unwrap();
    // A second export of another person: the hostile cases are built from its files.
    let other = FacebookSpec { seed: 2, ..spec };
    let second = generate_facebook(&other, &dir.path().join("second.zip")).unwrap();
    let facebook = zip_entries(&std::fs::read(&second[0]).unwrap());
    World { dir, db, facebook }
}

impl World {
    fn import(&self, paths: &[PathBuf]) -> Result<ImportOutcome, ImportError> {
        let mut store = Store::open(&self.db).unwrap();
        import_export(&mut store, paths, &opts())
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// Import an archive that must be refused whole: the error's code and message, and the
    /// database unchanged.
    fn expect_refused(&self, path: PathBuf, code: &str, words: &str) -> String {
        let before = digest(&self.db);
        let err = self.import(&[path]).expect_err("a hostile archive is refused");
        let shown = err.to_string();
        assert_eq!(err.code(), code, "{shown}");
        assert!(shown.contains(words), "`{words}` not in: {shown}");
        assert_eq!(digest(&self.db), before, "the refused archive changed the database");
        shown
    }

    /// The Facebook export's files as entries of a hand-written zip.
    fn entries(&self) -> Vec<RawEntry<'_>> {
        self.facebook.iter().map(|(n, b)| RawEntry::new(n.as_bytes(), b)).collect()
    }

    /// The Facebook export's files with one replaced (`path` ending `suffix`) and extra ones.
    fn facebook_with(&self, suffix: &str, content: &[u8], extra: &[(&str, &[u8])]) -> Vec<u8> {
        let mut found = false;
        let mut entries: Vec<RawEntry<'_>> = self
            .facebook
            .iter()
            .map(|(name, bytes)| {
                let data: &[u8] = if !found && name.ends_with(suffix) {
                    found = true;
                    content
                } else {
                    bytes
                };
                RawEntry::new(name.as_bytes(), data)
            })
            .collect();
        assert!(found, "no entry ends with {suffix}");
        entries.extend(extra.iter().map(|(n, b)| RawEntry::new(n.as_bytes(), b)));
        raw_zip(&entries)
    }
}

fn zip_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..z.len())
        .filter_map(|i| {
            let mut f = z.by_index(i).unwrap();
            if f.is_dir() {
                return None;
            }
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            Some((f.name().unwrap().to_string(), data))
        })
        .collect()
}

// ---------- zips written byte by byte (names and sizes no zip writer would write) ----------

struct RawEntry<'a> {
    name: &'a [u8],
    data: &'a [u8],
    /// General-purpose flag bit 11: the name is UTF-8 (else CP437).
    utf8: bool,
    /// The inflated size the headers declare, when it lies.
    declared: Option<u64>,
}

impl<'a> RawEntry<'a> {
    fn new(name: &'a [u8], data: &'a [u8]) -> Self {
        RawEntry { name, data, utf8: true, declared: None }
    }
}

const LOCAL_SIG: u32 = 0x0403_4b50;
const CENTRAL_SIG: u32 = 0x0201_4b50;
const END_SIG: u32 = 0x0605_4b50;

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn put64(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// The fields local and central headers share, from "version needed" to "extra length".
fn common_fields(out: &mut Vec<u8>, e: &RawEntry<'_>, crc: u32, zip64: bool) {
    put16(out, if zip64 { 45 } else { 20 });
    put16(out, if e.utf8 { 0x0800 } else { 0 });
    put16(out, 0); // stored
    put16(out, 0); // time 00:00
    put16(out, 0x0021); // date 1980-01-01
    put32(out, crc);
    put32(out, e.data.len() as u32);
    let size = e.declared.unwrap_or(e.data.len() as u64);
    put32(out, if zip64 { u32::MAX } else { size as u32 });
    put16(out, e.name.len() as u16);
    put16(out, if zip64 { 12 } else { 0 });
}

/// A zip64 extra field holding the inflated size (the one field set to 0xFFFFFFFF).
fn zip64_extra(out: &mut Vec<u8>, size: u64) {
    put16(out, 0x0001);
    put16(out, 8);
    put64(out, size);
}

/// A stored zip of the entries, headers written field by field.
fn raw_zip(entries: &[RawEntry<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let mut crc = flate2::Crc::new();
        crc.update(e.data);
        let size = e.declared.unwrap_or(e.data.len() as u64);
        let zip64 = size > u64::from(u32::MAX);
        put32(&mut out, LOCAL_SIG);
        common_fields(&mut out, e, crc.sum(), zip64);
        out.extend_from_slice(e.name);
        if zip64 {
            zip64_extra(&mut out, size);
        }
        out.extend_from_slice(e.data);
        put32(&mut central, CENTRAL_SIG);
        put16(&mut central, 20); // made by
        common_fields(&mut central, e, crc.sum(), zip64);
        central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(e.name);
        if zip64 {
            zip64_extra(&mut central, size);
        }
    }
    let cd_start = out.len() as u32;
    out.extend_from_slice(&central);
    put32(&mut out, END_SIG);
    put32(&mut out, 0); // disks
    put16(&mut out, entries.len() as u16);
    put16(&mut out, entries.len() as u16);
    put32(&mut out, central.len() as u32);
    put32(&mut out, cd_start);
    put16(&mut out, 0);
    out
}

// ---------- archives refused whole ----------

#[test]
fn a_zip_of_a_million_entries_is_refused_before_its_directory_is_read() {
    let w = world();
    // One local header, then a central directory of a million and one empty entries (the
    // limit is a million) and zip64 end records: 55 MB, no data.
    let entries = 1_000_001u64;
    let mut bytes = Vec::with_capacity(56 << 20);
    put32(&mut bytes, LOCAL_SIG);
    bytes.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0x21, 0]);
    bytes.extend_from_slice(&[0; 12]);
    put16(&mut bytes, 8);
    put16(&mut bytes, 0);
    bytes.extend_from_slice(b"f0000000");
    let cd_start = bytes.len() as u64;
    for i in 0..entries {
        put32(&mut bytes, CENTRAL_SIG);
        bytes.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0x21, 0]);
        bytes.extend_from_slice(&[0; 12]); // crc, sizes
        put16(&mut bytes, 8);
        bytes.extend_from_slice(&[0; 8]); // extra and comment lengths, disk, internal attributes
        put32(&mut bytes, 0); // external attributes
        put32(&mut bytes, 0); // local header offset: they all share the one above
        bytes.extend_from_slice(format!("f{i:07}").as_bytes());
    }
    let cd_len = bytes.len() as u64 - cd_start;
    let zip64_end = bytes.len() as u64;
    put32(&mut bytes, 0x0606_4b50);
    put64(&mut bytes, 44);
    bytes.extend_from_slice(&[45, 0, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    put64(&mut bytes, entries);
    put64(&mut bytes, entries);
    put64(&mut bytes, cd_len);
    put64(&mut bytes, cd_start);
    put32(&mut bytes, 0x0706_4b50);
    put32(&mut bytes, 0);
    put64(&mut bytes, zip64_end);
    put32(&mut bytes, 1);
    put32(&mut bytes, END_SIG);
    put32(&mut bytes, 0);
    bytes.extend_from_slice(&[0xff; 12]);
    put16(&mut bytes, 0);
    let path = w.write("million.zip", &bytes);
    drop(bytes);
    let started = Instant::now();
    let shown = w.expect_refused(path, "unsafe_archive", "declares 1000001 entries");
    assert!(shown.contains("more than 1000000 entries"), "{shown}");
    // Refused from the end records: decoding a million entries takes seconds and ~300 MB.
    assert!(started.elapsed() < Duration::from_secs(2), "took {:?}", started.elapsed());
}

#[test]
fn an_entry_declaring_10_gb_is_refused_as_a_zip_bomb() {
    let w = world();
    let mut lying = RawEntry::new(b"your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json", b"[]");
    lying.declared = Some(10 << 30);
    let path = w.write("liar.zip", &raw_zip(&[lying]));
    w.expect_refused(path, "unsafe_archive", "looks like a zip bomb");
}

#[test]
fn duplicated_entry_names_are_refused() {
    let w = world();
    let mut entries = w.entries();
    let (name, _) = &w.facebook[0];
    entries.push(RawEntry::new(name.as_bytes(), b"{\"shadow\": true}"));
    let path = w.write("dup.zip", &raw_zip(&entries));
    w.expect_refused(path, "unsafe_archive", "same entry name twice");
}

#[test]
fn nul_and_cr_in_names_are_refused() {
    let w = world();
    for (name, why) in [(&b"posts/a\0b.json"[..], "NUL byte"), (b"posts/forged\r\nline.json", "control character")] {
        let mut entries = w.entries();
        entries.push(RawEntry::new(name, b"{}"));
        let path = w.write("names.zip", &raw_zip(&entries));
        w.expect_refused(path, "unsafe_archive", why);
    }
}

#[test]
fn a_symlink_in_a_tar_is_refused() {
    let w = world();
    let path = w.dir.path().join("link.tgz");
    {
        let gz = flate2::write::GzEncoder::new(std::fs::File::create(&path).unwrap(), flate2::Compression::fast());
        let mut b = tar::Builder::new(gz);
        for (name, bytes) in &w.facebook {
            let mut h = tar::Header::new_gnu();
            h.set_size(bytes.len() as u64);
            h.set_mode(0o644);
            h.set_path(name).unwrap();
            h.set_cksum();
            b.append(&h, bytes.as_slice()).unwrap();
        }
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(tar::EntryType::Symlink);
        h.set_size(0);
        h.set_path("your_facebook_activity/messages/inbox/x/message_1.json").unwrap();
        h.set_link_name("/home/user/.ssh/id_ed25519").unwrap();
        h.set_cksum();
        b.append(&h, std::io::empty()).unwrap();
        b.into_inner().unwrap().finish().unwrap();
    }
    w.expect_refused(path, "unsafe_archive", "link");
}

// ---------- names that are odd but not hostile ----------

#[test]
fn cp437_and_invalid_utf8_names_are_read_as_cp437() {
    let w = world();
    let mut entries = w.entries();
    // `café.txt` as an old Windows zip tool writes it (CP437, flag bit 11 clear), and a name
    // flagged UTF-8 whose bytes are not UTF-8 (0xFF 0xFE): both read as CP437.
    let mut cp437 = RawEntry::new(b"notes/caf\x82.txt", b"hello");
    cp437.utf8 = false;
    entries.push(cp437);
    entries.push(RawEntry::new(b"notes/bad\xff\xfe.txt", b"hello"));
    let path = w.write("names.zip", &raw_zip(&entries));
    let outcome = w.import(&[path]).expect("odd names are not an attack");
    let files: Vec<&str> = outcome.report.files.iter().map(|f| f.path.as_str()).collect();
    assert!(files.contains(&"notes/café.txt"), "{files:?}");
    assert!(files.contains(&"notes/bad\u{a0}\u{25a0}.txt"), "{files:?}");
    assert!(outcome.report.records > 0);
}

// ---------- one bad file in a good export ----------

/// Import `zip`; the file at `suffix` must have failed or been warned about with `words`
/// (one of its messages) and given `records`, and none of `marker` may be in the database.
fn expect_file_rejected(w: &World, zip: Vec<u8>, suffix: &str, records: u64, words: &str, marker: &str) {
    let path = w.write("one-bad-file.zip", &zip);
    drop(zip);
    let outcome = w.import(&[path]).expect("one bad file does not refuse the export");
    let file = outcome
        .report
        .files
        .iter()
        .find(|f| f.path.ends_with(suffix))
        .unwrap_or_else(|| panic!("{suffix} not in the report"));
    let said = format!("{:?} {:?}", file.error, outcome.report.warnings);
    assert!(said.contains(words), "`{words}` not in what the report says about {suffix}: {said}");
    assert_eq!(file.records, records, "records of {suffix}: {said}");
    assert!(outcome.report.records > 0, "the rest of the export imported");
    let c = rusqlite::Connection::open(&w.db).unwrap();
    let longest: i64 = c
        .query_row(
            "SELECT coalesce(max(max(length(coalesce(title, ''))), max(length(coalesce(body, ''))), max(length(coalesce(data, '')))), 0) FROM records",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(longest < 1 << 20, "a {longest}-byte field reached the database");
    let hits: i64 = c
        .query_row(
            "SELECT count(*) FROM records WHERE instr(coalesce(body, '') || coalesce(data, '') || coalesce(title, ''), ?1) > 0",
            [marker],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hits, 0, "the bad file's content reached the database");
    let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
}

const MESSAGES: &str = "message_1.json";

#[test]
fn json_nested_100000_deep_fails_alone() {
    let w = world();
    let depth = 100_000;
    // A parsed file (a message thread) that is one array nested 100,000 deep, and the same in
    // a file no parser knows, which the blind indexer reads.
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let unknown = format!("{{\"DEEPMARK\": {deep}}}");
    let zip = w.facebook_with(MESSAGES, deep.as_bytes(), &[("extra/deep.json", unknown.as_bytes())]);
    expect_file_rejected(&w, zip, MESSAGES, 0, "recursion limit", "DEEPMARK");
}

#[test]
fn a_100_mb_json_string_fails_alone() {
    let w = world();
    let mut big = String::with_capacity(101 << 20);
    big.push_str("{\"participants\": [], \"messages\": [{\"sender_name\": \"x\", \"timestamp_ms\": 1500000000000, \"content\": \"BIGMARK");
    big.push_str(&"a".repeat(100 << 20));
    big.push_str("\"}]}");
    let zip = w.facebook_with(MESSAGES, big.as_bytes(), &[]);
    drop(big);
    expect_file_rejected(&w, zip, MESSAGES, 0, "a single value is larger than 64 MiB", "BIGMARK");
}

#[test]
fn a_csv_with_a_50_mb_cell_skips_that_row() {
    let w = world();
    let mut csv = String::with_capacity(51 << 20);
    csv.push_str("name,notes\nfirst,fine\nsecond,\"CSVMARK");
    csv.push_str(&"b".repeat(50 << 20));
    csv.push_str("\"\nthird,fine\n");
    let mut entries = w.entries();
    entries.push(RawEntry::new(b"extra/notes.csv", csv.as_bytes()));
    let zip = raw_zip(&entries);
    drop(entries);
    drop(csv);
    // The rows around the huge one are indexed.
    expect_file_rejected(&w, zip, "extra/notes.csv", 2, "is larger than 4 MiB", "CSVMARK");
}

// ---------- regressions found by the fuzz targets (docs/FUZZING.md) ----------

/// `archive` target: a name read as CP437 whose last four bytes start inside a multi-byte
/// character (`a`, U+00A0 from byte 0xFF, `bcd`) panicked in the nested-zip check, which
/// sliced the name as a string. Also through a tar, whose non-UTF-8 bytes read as U+FFFD.
#[test]
fn fuzz_regression_archive_multibyte_char_before_the_last_four_bytes_of_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut entry = RawEntry::new(b"a\xffbcd", b"{}");
    entry.utf8 = false;
    let zip = dir.path().join("cp437.zip");
    std::fs::write(&zip, raw_zip(&[entry])).unwrap();
    let view = ArchiveView::open(&[zip], &Limits::default()).expect("a plain file");
    assert_eq!(view.entries()[0].path, "a\u{a0}bcd");

    let tar = dir.path().join("names.tar");
    let mut b = tar::Builder::new(std::fs::File::create(&tar).unwrap());
    let mut h = tar::Header::new_gnu();
    h.as_mut_bytes()[..5].copy_from_slice(b"a\xffbcd");
    h.set_size(2);
    h.set_cksum();
    b.append(&h, &b"{}"[..]).unwrap();
    b.into_inner().unwrap();
    let view = ArchiveView::open(&[tar], &Limits::default()).expect("a plain file");
    assert_eq!(view.entries()[0].path, "a\u{fffd}bcd");
}
