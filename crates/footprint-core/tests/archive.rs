//! ArchiveView against real containers built in a temp dir: every supported container, the
//! junk and part rules, and every hostile case the view must refuse (with the error a user sees).

use footprint_core::archive::{group_parts, is_junk, ArchiveError, ArchiveView, Limits};
use footprint_fixtures::archive_writer::{ArchiveWriter, Container, Damage};
use std::io::{Cursor, Read, Seek, Write};
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

// ---------- helpers ----------

fn deflated() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(CompressionMethod::Deflated)
}

fn stored() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(CompressionMethod::Stored)
}

/// A zip written to any seekable sink: `(name, bytes, options)` per entry.
fn zip_into<W: Write + Seek>(sink: W, files: &[(&str, &[u8], SimpleFileOptions)]) -> W {
    let mut z = zip::ZipWriter::new(sink);
    for (name, bytes, opts) in files {
        z.start_file(*name, *opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap()
}

fn zip_bytes(files: &[(&str, &[u8], SimpleFileOptions)]) -> Vec<u8> {
    zip_into(Cursor::new(Vec::new()), files).into_inner()
}

fn write_zip(dir: &Path, name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let files: Vec<_> = files.iter().map(|(n, b)| (*n, *b, deflated())).collect();
    let path = dir.join(name);
    std::fs::write(&path, zip_bytes(&files)).unwrap();
    path
}

fn open(paths: &[PathBuf]) -> Result<ArchiveView, ArchiveError> {
    ArchiveView::open(paths, &Limits::default())
}

fn paths(view: &ArchiveView) -> Vec<&str> {
    view.entries().iter().map(|e| e.path.as_str()).collect()
}

fn read_entry(view: &ArchiveView, path: &str) -> std::io::Result<Vec<u8>> {
    let i = view
        .entries()
        .iter()
        .position(|e| e.path == path)
        .unwrap_or_else(|| panic!("no {path} in {:?}", paths(view)));
    let mut out = Vec::new();
    view.open_entry(i).unwrap().read_to_end(&mut out)?;
    Ok(out)
}

/// Offset of the first occurrence of `needle` in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len())
        .position(|w| w == needle)
        .expect("signature present")
}

const ZIP_LOCAL: &[u8] = b"PK\x03\x04";
const ZIP_CENTRAL: &[u8] = b"PK\x01\x02";

// ---------- containers ----------

#[test]
fn plain_zip_lists_and_streams_entries() {
    let dir = tempfile::tempdir().unwrap();
    let big: Vec<u8> = (0..200_000u32).flat_map(|i| i.to_le_bytes()).collect();
    let p = write_zip(
        dir.path(),
        "export.zip",
        &[("a.json", b"{\"a\":1}"), ("sub/big.bin", &big)],
    );
    let view = open(std::slice::from_ref(&p)).unwrap();
    assert_eq!(paths(&view), ["a.json", "sub/big.bin"]);
    assert_eq!(view.entries()[1].size, big.len() as u64);
    assert!(view.entries()[1].compressed < big.len() as u64);
    assert_eq!(view.total_bytes(), 7 + big.len() as u64);
    assert_eq!(read_entry(&view, "a.json").unwrap(), b"{\"a\":1}");
    assert_eq!(read_entry(&view, "sub/big.bin").unwrap(), big);
    assert_eq!(view.read_head(1, 8).unwrap(), big[..8]);
    assert_eq!(view.read_head(0, 1000).unwrap(), b"{\"a\":1}");
    assert_eq!(view.find_suffix("SUB/Big.bin"), Some(1));
    assert_eq!(view.find_suffix("ub/big.bin"), None);
    assert_eq!(view.sources(), [p]);
    assert_eq!(view.junk_dropped(), 0);
}

#[test]
fn zip_times_are_read_as_utc() {
    let dir = tempfile::tempdir().unwrap();
    let t = zip::DateTime::from_date_and_time(2024, 3, 2, 10, 0, 0).unwrap();
    let t2 = zip::DateTime::from_date_and_time(2023, 1, 1, 0, 0, 0).unwrap();
    let bytes = zip_bytes(&[
        ("old.json", b"1", deflated().last_modified_time(t2)),
        ("new.json", b"2", deflated().last_modified_time(t)),
    ]);
    let p = dir.path().join("t.zip");
    std::fs::write(&p, bytes).unwrap();
    let view = open(&[p]).unwrap();
    // 2024-03-02T10:00:00Z
    assert_eq!(view.newest_modified(), Some(1_709_373_600_000));
    assert_eq!(view.entries()[0].modified, Some(1_672_531_200_000));
}

#[test]
fn zip_is_detected_by_magic_not_extension() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_zip(dir.path(), "export.dat", &[("a.json", b"{}")]);
    assert_eq!(paths(&open(&[p]).unwrap()), ["a.json"]);
    let empty = dir.path().join("empty.zip");
    std::fs::write(&empty, zip_bytes(&[])).unwrap();
    assert!(open(&[empty]).unwrap().entries().is_empty());
}

#[test]
fn top_folder_is_kept_and_macos_junk_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = ArchiveWriter::new(&dir.path().join("fb.zip"), Container::Zip)
        .unwrap()
        .top_folder("facebook-alex-2024")
        .macos_junk(true);
    w.add("personal_information/profile.json", b"{}").unwrap();
    w.add("messages/inbox/t/message_1.json", b"[]").unwrap();
    let written = w.finish().unwrap();
    let view = open(&written).unwrap();
    assert_eq!(
        paths(&view),
        [
            "facebook-alex-2024/personal_information/profile.json",
            "facebook-alex-2024/messages/inbox/t/message_1.json"
        ]
    );
    // One `__MACOSX/._x` per file plus the `.DS_Store`.
    assert_eq!(view.junk_dropped(), 3);
}

#[test]
fn directories_and_windows_junk_are_not_entries() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("w.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&p).unwrap());
    z.add_directory("Takeout/", deflated()).unwrap();
    for name in ["Takeout/Thumbs.db", "Takeout/desktop.ini", "Takeout/x.json"] {
        z.start_file(name, deflated()).unwrap();
        z.write_all(b"x").unwrap();
    }
    z.finish().unwrap();
    let view = open(&[p]).unwrap();
    assert_eq!(paths(&view), ["Takeout/x.json"]);
    assert_eq!(view.junk_dropped(), 2);
    assert!(is_junk("a/__MACOSX/b") && !is_junk("a/b.json"));
}

#[test]
fn part_zips_merge_into_one_tree() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = ArchiveWriter::new(
        &dir.path().join("takeout-20240301T101010Z.zip"),
        Container::Parts { part_bytes: 100 },
    )
    .unwrap()
    .top_folder("Takeout");
    for i in 0..5 {
        w.add(&format!("Chrome/file{i}.json"), &[b'x'; 80]).unwrap();
    }
    let parts = w.finish().unwrap();
    assert!(parts.len() >= 3, "{parts:?}");
    // Given in any order, with an unrelated file: the parts form one group.
    let mut given = parts.clone();
    given.reverse();
    given.push(dir.path().join("notes.zip"));
    let groups = group_parts(&given);
    assert_eq!(
        groups,
        vec![parts.clone(), vec![dir.path().join("notes.zip")]]
    );

    let view = open(&groups[0]).unwrap();
    let mut got = paths(&view);
    got.sort();
    let want: Vec<String> = (0..5)
        .map(|i| format!("Takeout/Chrome/file{i}.json"))
        .collect();
    assert_eq!(got, want);
    assert_eq!(
        read_entry(&view, "Takeout/Chrome/file4.json").unwrap(),
        [b'x'; 80]
    );
    // Part order does not change the fingerprint.
    let reversed = open(&given[..parts.len()]).unwrap();
    assert_eq!(view.fingerprint(), reversed.fingerprint());
}

#[test]
fn nested_zips_appear_under_their_own_path() {
    let dir = tempfile::tempdir().unwrap();
    let innermost = zip_bytes(&[("deep.json", b"{\"deep\":true}", deflated())]);
    let inner = zip_bytes(&[
        ("Music/x.json", b"{\"x\":1}", deflated()),
        ("Apple Music Activity.zip", &innermost, deflated()),
    ]);
    let outer = dir.path().join("apple.zip");
    std::fs::write(
        &outer,
        zip_bytes(&[
            ("Apple_Media_Services.zip", &inner, deflated()),
            ("Stored_Inner.zip", &inner, stored()),
            ("readme.txt", b"hi", deflated()),
            // Named like a zip but is not one: stays a plain file.
            ("fake.zip", b"not a zip", deflated()),
        ]),
    )
    .unwrap();
    let view = open(&[outer]).unwrap();
    assert_eq!(
        paths(&view),
        [
            "Apple_Media_Services.zip/Music/x.json",
            "Apple_Media_Services.zip/Apple Music Activity.zip/deep.json",
            "Stored_Inner.zip/Music/x.json",
            "Stored_Inner.zip/Apple Music Activity.zip/deep.json",
            "readme.txt",
            "fake.zip",
        ]
    );
    assert_eq!(
        read_entry(&view, "Apple_Media_Services.zip/Music/x.json").unwrap(),
        b"{\"x\":1}"
    );
    assert_eq!(
        read_entry(&view, "Stored_Inner.zip/Apple Music Activity.zip/deep.json").unwrap(),
        b"{\"deep\":true}"
    );
    assert_eq!(read_entry(&view, "fake.zip").unwrap(), b"not a zip");
}

#[test]
fn nesting_deeper_than_the_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let level2 = zip_bytes(&[("x.json", b"{}", deflated())]);
    let level1 = zip_bytes(&[("level2.zip", &level2, deflated())]);
    let outer = dir.path().join("outer.zip");
    std::fs::write(&outer, zip_bytes(&[("level1.zip", &level1, deflated())])).unwrap();
    let limits = Limits {
        max_nesting: 1,
        ..Limits::default()
    };
    match ArchiveView::open(std::slice::from_ref(&outer), &limits) {
        Err(ArchiveError::LimitExceeded { path, message }) => {
            assert_eq!(path, outer);
            assert!(
                message.contains("`level1.zip/level2.zip` is 2 levels deep"),
                "{message}"
            );
        }
        other => panic!(
            "expected LimitExceeded, got {:?}",
            other.map(|v| paths(&v).join(","))
        ),
    }
    // The default (3 levels) opens it.
    let view = open(&[outer]).unwrap();
    assert_eq!(paths(&view), ["level1.zip/level2.zip/x.json"]);
}

#[test]
fn nested_zip_larger_than_memory_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let inner = zip_bytes(&[("x.json", &[b'a'; 5000], deflated())]);
    let outer = dir.path().join("outer.zip");
    std::fs::write(&outer, zip_bytes(&[("inner.zip", &inner, deflated())])).unwrap();
    let limits = Limits {
        max_nested_bytes: 100,
        ..Limits::default()
    };
    match ArchiveView::open(&[outer], &limits) {
        Err(ArchiveError::LimitExceeded { message, .. }) => {
            assert!(message.contains("nested archive `inner.zip`"), "{message}")
        }
        other => panic!("expected LimitExceeded, got {:?}", other.err()),
    }
}

#[test]
fn tgz_lists_streams_and_visits_in_one_pass() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = ArchiveWriter::new(&dir.path().join("export.tgz"), Container::Tgz)
        .unwrap()
        .top_folder("MyData")
        .macos_junk(true);
    w.add("a.json", b"{\"a\":1}").unwrap();
    w.add("b/c.json", &[b'c'; 3000]).unwrap();
    w.add("d.json", b"[]").unwrap();
    let written = w.finish().unwrap();
    let view = open(&written).unwrap();
    assert_eq!(
        paths(&view),
        ["MyData/a.json", "MyData/b/c.json", "MyData/d.json"]
    );
    assert_eq!(view.junk_dropped(), 4);
    assert_eq!(view.newest_modified(), Some(1_709_373_600_000));
    // Random access rescans the stream.
    assert_eq!(read_entry(&view, "MyData/b/c.json").unwrap(), [b'c'; 3000]);
    assert_eq!(view.read_head(0, 4).unwrap(), b"{\"a\"");
    // Unsorted, duplicated indices: visited once each, in storage order.
    let mut seen = Vec::new();
    view.for_each(&[2, 0, 2], |i, r| {
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        seen.push((i, s));
        Ok(())
    })
    .unwrap();
    assert_eq!(seen, [(0, "{\"a\":1}".to_string()), (2, "[]".to_string())]);
}

#[test]
fn plain_tar_and_zip_inside_tar() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("export.tar");
    let inner = zip_bytes(&[("in.json", b"{\"in\":1}", deflated())]);
    let mut b = tar::Builder::new(std::fs::File::create(&p).unwrap());
    for (name, data) in [
        ("./top/x.json", &b"{}"[..]),
        ("top/inner.zip", &inner[..]),
        ("top/y.json", b"[1]"),
    ] {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_mtime(1_700_000_000);
        h.set_cksum();
        b.append_data(&mut h, name, data).unwrap();
    }
    b.finish().unwrap();
    drop(b);
    let view = open(&[p]).unwrap();
    assert_eq!(
        paths(&view),
        ["top/x.json", "top/y.json", "top/inner.zip/in.json"]
    );
    assert_eq!(read_entry(&view, "top/y.json").unwrap(), b"[1]");
    assert_eq!(
        read_entry(&view, "top/inner.zip/in.json").unwrap(),
        b"{\"in\":1}"
    );
    let mut n = 0;
    view.for_each(&[0, 1, 2], |_, r| {
        let mut v = Vec::new();
        r.read_to_end(&mut v).unwrap();
        n += v.len();
        Ok(())
    })
    .unwrap();
    assert_eq!(n, 2 + 3 + 8);
}

#[test]
fn folder_is_walked_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("unpacked");
    let mut w = ArchiveWriter::new(&root, Container::Folder)
        .unwrap()
        .top_folder("Takeout");
    w.add("b.json", b"{\"b\":2}").unwrap();
    w.add("a/z.json", b"{}").unwrap();
    w.finish().unwrap();
    std::fs::write(root.join("Takeout/.DS_Store"), b"junk").unwrap();
    std::fs::write(
        root.join("Takeout/inner.zip"),
        zip_bytes(&[("n.json", b"1", deflated())]),
    )
    .unwrap();
    let view = open(&[root]).unwrap();
    assert_eq!(
        paths(&view),
        [
            "Takeout/a/z.json",
            "Takeout/b.json",
            "Takeout/inner.zip/n.json"
        ]
    );
    assert_eq!(view.junk_dropped(), 1);
    assert_eq!(read_entry(&view, "Takeout/b.json").unwrap(), b"{\"b\":2}");
    assert_eq!(read_entry(&view, "Takeout/inner.zip/n.json").unwrap(), b"1");
    assert!(view.newest_modified().is_some());
}

#[cfg(unix)]
#[test]
fn folder_with_a_symlink_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("export");
    std::fs::create_dir_all(root.join("data")).unwrap();
    std::fs::write(root.join("data/a.json"), b"{}").unwrap();
    std::os::unix::fs::symlink("/etc/passwd", root.join("data/passwd.json")).unwrap();
    match open(std::slice::from_ref(&root)) {
        Err(ArchiveError::UnsafeEntry { path, entry, why }) => {
            assert_eq!(path, root);
            assert_eq!(entry, "data/passwd.json");
            assert!(why.contains("symbolic link"), "{why}");
        }
        other => panic!("expected UnsafeEntry, got {:?}", other.err()),
    }
}

// ---------- hostile archives ----------

/// Open a zip with the given raw entry names and expect the named entry to be refused.
fn expect_refused_zip(names: &[&str], bad: &str, why_part: &str) {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<_> = names.iter().map(|n| (*n, &b"x"[..], deflated())).collect();
    let p = dir.path().join("hostile.zip");
    std::fs::write(&p, zip_bytes(&files)).unwrap();
    match open(std::slice::from_ref(&p)) {
        Err(e @ ArchiveError::UnsafeEntry { .. }) => {
            let ArchiveError::UnsafeEntry { path, entry, why } = &e else {
                unreachable!()
            };
            assert_eq!(path, &p);
            assert_eq!(entry, bad);
            assert!(why.contains(why_part), "{why}");
            let shown = e.to_string();
            assert!(
                shown.contains("hostile.zip") && shown.contains(bad),
                "{shown}"
            );
        }
        other => panic!(
            "expected UnsafeEntry for {bad}, got {:?}",
            other.map(|v| paths(&v).join(","))
        ),
    }
}

#[test]
fn parent_directory_entry_is_refused() {
    expect_refused_zip(&["ok.json", "../evil"], "../evil", "..");
    expect_refused_zip(&["a/../../evil"], "a/../../evil", "..");
}

#[test]
fn backslash_traversal_is_refused() {
    expect_refused_zip(&["ok.json", "..\\..\\evil.json"], "..\\..\\evil.json", "..");
}

#[test]
fn absolute_entries_are_refused() {
    expect_refused_zip(&["/etc/passwd"], "/etc/passwd", "absolute");
    expect_refused_zip(&["C:\\Windows\\evil"], "C:\\Windows\\evil", "drive letter");
    expect_refused_zip(
        &["\\\\server\\share\\x"],
        "\\\\server\\share\\x",
        "network share",
    );
}

#[test]
fn nul_in_a_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nul.zip");
    let mut bytes = zip_bytes(&[("aXb.json", b"x", deflated())]);
    // Patch the name in both headers: the writer would not write a NUL.
    for sig in [ZIP_LOCAL, ZIP_CENTRAL] {
        let at = find(&bytes, sig);
        let name = at + find(&bytes[at..], b"aXb") + 1;
        bytes[name] = 0;
    }
    std::fs::write(&p, bytes).unwrap();
    match open(&[p]) {
        Err(ArchiveError::UnsafeEntry { why, .. }) => assert!(why.contains("NUL"), "{why}"),
        other => panic!("expected UnsafeEntry, got {:?}", other.err()),
    }
}

#[test]
fn symlink_entry_in_zip_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("link.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&p).unwrap());
    z.start_file("a.json", deflated()).unwrap();
    z.write_all(b"{}").unwrap();
    z.add_symlink("passwd.json", "/etc/passwd", deflated())
        .unwrap();
    z.finish().unwrap();
    match open(&[p]) {
        Err(ArchiveError::UnsafeEntry { entry, why, .. }) => {
            assert_eq!(entry, "passwd.json");
            assert!(why.contains("symbolic link"), "{why}");
        }
        other => panic!("expected UnsafeEntry, got {:?}", other.err()),
    }
}

#[test]
fn symlink_and_hardlink_entries_in_tar_are_refused() {
    for kind in [tar::EntryType::Symlink, tar::EntryType::Link] {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("links.tar");
        let mut b = tar::Builder::new(std::fs::File::create(&p).unwrap());
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(kind);
        h.set_size(0);
        h.set_path("data/passwd.json").unwrap();
        h.set_link_name("/etc/passwd").unwrap();
        h.set_cksum();
        b.append(&h, std::io::empty()).unwrap();
        b.finish().unwrap();
        drop(b);
        match open(&[p]) {
            Err(ArchiveError::UnsafeEntry { entry, why, .. }) => {
                assert_eq!(entry, "data/passwd.json");
                assert!(why.contains("link"), "{why}");
            }
            other => panic!("expected UnsafeEntry for {kind:?}, got {:?}", other.err()),
        }
    }
}

#[test]
fn absolute_and_parent_paths_in_tar_are_refused() {
    for (name, why_part) in [("/etc/passwd", "absolute"), ("../evil.json", "..")] {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bad.tgz");
        let gz = flate2::write::GzEncoder::new(
            std::fs::File::create(&p).unwrap(),
            flate2::Compression::default(),
        );
        let mut b = tar::Builder::new(gz);
        let mut h = tar::Header::new_gnu();
        h.set_size(1);
        // Raw name bytes: the tar crate's set_path refuses these, as it should.
        h.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
        h.set_cksum();
        b.append(&h, &b"x"[..]).unwrap();
        b.into_inner().unwrap().finish().unwrap();
        match open(&[p]) {
            Err(ArchiveError::UnsafeEntry { entry, why, .. }) => {
                assert_eq!(entry, name);
                assert!(why.contains(why_part), "{why}");
            }
            other => panic!("expected UnsafeEntry for {name}, got {:?}", other.err()),
        }
    }
}

#[test]
fn zip_bomb_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zeros = vec![0u8; 50 << 20];
    let p = dir.path().join("bomb.zip");
    std::fs::write(
        &p,
        zip_bytes(&[("zeros.bin", &zeros, deflated().compression_level(Some(9)))]),
    )
    .unwrap();
    match open(std::slice::from_ref(&p)) {
        Err(ArchiveError::LimitExceeded { path, message }) => {
            assert_eq!(path, p);
            assert!(
                message.contains("entry `zeros.bin`") && message.contains("zip bomb"),
                "{message}"
            );
        }
        other => panic!("expected LimitExceeded, got {:?}", other.err()),
    }
}

#[test]
fn gzip_bomb_in_tgz_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bomb.tgz");
    let gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&p).unwrap(),
        flate2::Compression::best(),
    );
    let mut b = tar::Builder::new(gz);
    let mut h = tar::Header::new_gnu();
    h.set_size(20 << 20);
    h.set_mode(0o644);
    h.set_cksum();
    b.append_data(&mut h, "zeros.bin", std::io::repeat(0).take(20 << 20))
        .unwrap();
    b.into_inner().unwrap().finish().unwrap();
    let limits = Limits {
        max_ratio: 100,
        ..Limits::default()
    };
    match ArchiveView::open(&[p], &limits) {
        Err(ArchiveError::LimitExceeded { message, .. }) => {
            assert!(message.contains("gzip bomb"), "{message}")
        }
        other => panic!("expected LimitExceeded, got {:?}", other.err()),
    }
}

#[test]
fn overlapping_entries_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = zip_bytes(&[
        ("a.json", &[b'a'; 500], deflated()),
        ("b.json", b"{}", deflated()),
    ]);
    // Point b.json's directory record (local header offset at +42) at a.json's data: the
    // shared-kernel construction of non-recursive zip bombs.
    let first = find(&bytes, ZIP_CENTRAL);
    let second = first + 4 + find(&bytes[first + 4..], ZIP_CENTRAL);
    bytes[second + 42..second + 46].copy_from_slice(&0u32.to_le_bytes());
    let p = dir.path().join("overlap.zip");
    std::fs::write(&p, bytes).unwrap();
    match open(&[p]) {
        Err(ArchiveError::UnsafeEntry { entry, why, .. }) => {
            assert_eq!(entry, "b.json");
            assert!(why.contains("overlaps"), "{why}");
        }
        other => panic!("expected UnsafeEntry, got {:?}", other.err()),
    }
}

#[test]
fn too_many_entries_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (0..10).map(|i| format!("f{i}.json")).collect();
    let files: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"{}"[..])).collect();
    let p = write_zip(dir.path(), "many.zip", &files);
    let limits = Limits {
        max_entries: 5,
        ..Limits::default()
    };
    match ArchiveView::open(std::slice::from_ref(&p), &limits) {
        Err(ArchiveError::LimitExceeded { message, .. }) => {
            assert!(message.contains("more than 5 entries"), "{message}")
        }
        other => panic!("expected LimitExceeded, got {:?}", other.err()),
    }
    assert!(ArchiveView::open(
        &[p],
        &Limits {
            max_entries: 10,
            ..Limits::default()
        }
    )
    .is_ok());
}

#[test]
fn total_declared_size_over_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_zip(
        dir.path(),
        "big.zip",
        &[("a.bin", &[1u8; 600]), ("b.bin", &[2u8; 600])],
    );
    let limits = Limits {
        max_total_bytes: 1000,
        ..Limits::default()
    };
    match ArchiveView::open(&[p], &limits) {
        Err(ArchiveError::LimitExceeded { message, .. }) => {
            assert!(
                message.contains("exceeds 1000 bytes") && message.contains("`b.bin`"),
                "{message}"
            )
        }
        other => panic!("expected LimitExceeded, got {:?}", other.err()),
    }
}

#[test]
fn truncated_zip_is_reported_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let data: Vec<u8> = (0..100_000u32)
        .flat_map(|i| (i * 7919).to_le_bytes())
        .collect();
    let p = write_zip(dir.path(), "cut.zip", &[("a.bin", &data), ("b.bin", &data)]);
    let bytes = std::fs::read(&p).unwrap();
    std::fs::write(&p, &bytes[..bytes.len() / 2]).unwrap();
    match open(std::slice::from_ref(&p)) {
        Err(e @ ArchiveError::Corrupt { .. }) => {
            let shown = e.to_string();
            assert!(
                shown.starts_with(&format!(
                    "{}: the archive is damaged or truncated",
                    p.display()
                )),
                "{shown}"
            );
        }
        other => panic!("expected Corrupt, got {:?}", other.err()),
    }
}

#[test]
fn truncated_tgz_is_reported_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = ArchiveWriter::new(&dir.path().join("cut.tgz"), Container::Tgz).unwrap();
    let data: Vec<u8> = (0..100_000u32)
        .flat_map(|i| (i * 7919).to_le_bytes())
        .collect();
    w.add("a.bin", &data).unwrap();
    w.add("b.bin", &data).unwrap();
    let p = w.finish().unwrap().remove(0);
    let bytes = std::fs::read(&p).unwrap();
    std::fs::write(&p, &bytes[..bytes.len() / 2]).unwrap();
    match open(&[p]) {
        Err(e @ ArchiveError::Corrupt { .. }) => {
            assert!(e.to_string().contains("damaged or truncated"), "{e}")
        }
        other => panic!("expected Corrupt, got {:?}", other.err()),
    }
}

#[test]
fn lying_size_fails_while_streaming() {
    let dir = tempfile::tempdir().unwrap();
    let data = vec![b'a'; 10_000];
    let mut bytes = zip_bytes(&[("liar.json", &data, deflated())]);
    // Declare 100 bytes in both the local header (size at +22) and the central directory (+24).
    let local = find(&bytes, ZIP_LOCAL);
    bytes[local + 22..local + 26].copy_from_slice(&100u32.to_le_bytes());
    let central = find(&bytes, ZIP_CENTRAL);
    bytes[central + 24..central + 28].copy_from_slice(&100u32.to_le_bytes());
    let p = dir.path().join("liar.zip");
    std::fs::write(&p, bytes).unwrap();
    let view = open(&[p]).unwrap();
    assert_eq!(view.entries()[0].size, 100);
    let err = read_entry(&view, "liar.json").unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    let msg = err.to_string();
    assert!(
        msg.contains("liar.zip: liar.json")
            && msg.contains("inflates past its declared size of 100"),
        "{msg}"
    );
    // The batch visit hands the same error to the importer.
    let mut failed = None;
    view.for_each(&[0], |_, r| {
        failed = Some(r.read_to_end(&mut Vec::new()).unwrap_err().to_string());
        Ok(())
    })
    .unwrap();
    assert!(failed.unwrap().contains("inflates past"));
}

#[test]
fn corrupt_data_is_an_io_error_with_the_entry_name() {
    let dir = tempfile::tempdir().unwrap();
    let data: Vec<u8> = (0..50_000u32)
        .flat_map(|i| (i % 251).to_le_bytes())
        .collect();
    let mut bytes = zip_bytes(&[("data/broken.json", &data, deflated())]);
    let local = find(&bytes, ZIP_LOCAL);
    // Scramble the middle of the compressed data (after the 30-byte header and the name).
    let start = local + 30 + "data/broken.json".len() + 40;
    for b in &mut bytes[start..start + 64] {
        *b ^= 0x5a;
    }
    let p = dir.path().join("broken.zip");
    std::fs::write(&p, bytes).unwrap();
    let view = open(&[p]).unwrap();
    let err = read_entry(&view, "data/broken.json").unwrap_err();
    assert!(
        err.to_string().contains("broken.zip: data/broken.json"),
        "{err}"
    );
}

#[test]
fn duplicate_names_in_a_zip_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = zip_bytes(&[("a.json", b"1", deflated()), ("b.json", b"2", deflated())]);
    // Rename `b.json` to `a.json` in both headers.
    let mut from = 0;
    while let Some(at) = bytes[from..].windows(6).position(|w| w == b"b.json") {
        bytes[from + at] = b'a';
        from += at + 6;
    }
    let p = dir.path().join("dup.zip");
    std::fs::write(&p, bytes).unwrap();
    match open(std::slice::from_ref(&p)) {
        Err(ArchiveError::UnsafeEntry { why, .. }) => {
            assert!(why.contains("same entry name twice"), "{why}")
        }
        other => panic!("expected UnsafeEntry, got {:?}", other.err()),
    }
    // An attack, not damage: refused whole even inside a nested zip.
    let inner = std::fs::read(&p).unwrap();
    let outer = dir.path().join("outer.zip");
    std::fs::write(&outer, zip_bytes(&[("ok.json", b"{}", deflated()), ("inner.zip", &inner, deflated())])).unwrap();
    assert!(matches!(open(&[outer]), Err(ArchiveError::UnsafeEntry { .. })));
}

// ---------- damaged parts ----------

/// An outer zip with a good nested zip, a damaged one and plain files around them.
fn zip_with_damaged_nested(dir: &Path, damage: Damage) -> PathBuf {
    let inner = zip_bytes(&[("song.json", b"{\"song\":1}", deflated())]);
    let mut w = ArchiveWriter::new(&dir.join("apple.zip"), Container::Zip).unwrap();
    w.add("before.json", b"{\"a\":1}").unwrap();
    w.add("Good.zip", &inner).unwrap();
    w.add_damaged("Music/Activity.zip", &inner, damage).unwrap();
    w.add("after.json", b"{\"b\":2}").unwrap();
    w.finish().unwrap().remove(0)
}

#[test]
fn a_truncated_nested_zip_is_one_damaged_file_and_the_rest_lists() {
    let dir = tempfile::tempdir().unwrap();
    let view = open(&[zip_with_damaged_nested(dir.path(), Damage::Truncated)]).expect("the export opens");
    assert_eq!(paths(&view), ["before.json", "Good.zip/song.json", "Music/Activity.zip", "after.json"]);
    assert_eq!(view.damaged().len(), 1);
    let (i, what) = &view.damaged()[0];
    assert_eq!(view.entries()[*i].path, "Music/Activity.zip");
    assert!(what.contains("Music/Activity.zip") && what.contains("table of contents"), "{what}");
    assert_eq!(read_entry(&view, "Good.zip/song.json").unwrap(), b"{\"song\":1}");
    assert_eq!(read_entry(&view, "after.json").unwrap(), b"{\"b\":2}");
}

#[test]
fn a_nested_zip_with_a_wrong_crc_is_one_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let view = open(&[zip_with_damaged_nested(dir.path(), Damage::WrongCrc)]).expect("the export opens");
    assert_eq!(paths(&view), ["before.json", "Good.zip/song.json", "Music/Activity.zip", "after.json"]);
    let (i, what) = &view.damaged()[0];
    assert_eq!(view.entries()[*i].path, "Music/Activity.zip");
    assert!(what.contains("CRC-32 mismatch"), "{what}");
}

#[test]
fn a_member_with_a_wrong_crc_fails_alone_and_is_not_a_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = ArchiveWriter::new(&dir.path().join("x.zip"), Container::Zip).unwrap();
    w.add("a.json", b"{\"a\":1}").unwrap();
    w.add_damaged("b.json", b"{\"b\":2}", Damage::WrongCrc).unwrap();
    let view = open(&w.finish().unwrap()).unwrap();
    assert!(view.damaged().is_empty(), "known only when read");
    let e = read_entry(&view, "b.json").unwrap_err();
    assert!(e.to_string().contains("x.zip: b.json: CRC-32 mismatch"), "{e}");
    assert!(!footprint_core::archive::is_refusal(&e));
    assert_eq!(read_entry(&view, "a.json").unwrap(), b"{\"a\":1}");
}

#[test]
fn a_damaged_zip_in_a_folder_is_one_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("export");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("a.json"), b"{}").unwrap();
    let inner = zip_bytes(&[("song.json", b"{\"song\":1}", deflated())]);
    std::fs::write(root.join("Music.zip"), &inner[..inner.len() / 2]).unwrap();
    let view = open(&[root]).unwrap();
    assert_eq!(paths(&view), ["Music.zip", "a.json"]);
    assert_eq!(view.damaged().len(), 1);
}

#[test]
fn hostile_content_in_a_nested_zip_still_refuses_the_whole_archive() {
    let dir = tempfile::tempdir().unwrap();
    let evil = zip_bytes(&[("../evil.json", b"{}", deflated())]);
    let outer = dir.path().join("outer.zip");
    std::fs::write(&outer, zip_bytes(&[("ok.json", b"{}", deflated()), ("inner.zip", &evil, deflated())])).unwrap();
    assert!(matches!(open(&[outer]), Err(ArchiveError::UnsafeEntry { .. })));
}

/// A bare text export (an Android WhatsApp chat) opens as a tree of one entry.
#[test]
fn a_bare_text_file_is_an_export_of_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("WhatsApp Chat with Sam.txt");
    std::fs::write(&p, "06/03/2017, 00:45 - Sam: hello\n").unwrap();
    let view = open(std::slice::from_ref(&p)).unwrap();
    assert_eq!(view.entries().len(), 1);
    assert_eq!(view.entries()[0].path, "WhatsApp Chat with Sam.txt");
    let mut text = String::new();
    view.open_entry(0).unwrap().read_to_string(&mut text).unwrap();
    assert!(text.contains("hello"));
}

#[test]
fn unknown_format_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["notes.bin", "looks-like.zip", "empty.tgz", "empty.txt"] {
        let p = dir.path().join(name);
        std::fs::write(
            &p,
            if name == "empty.tgz" || name == "empty.txt" {
                &b""[..]
            } else {
                &b"hello, this is text"[..]
            },
        )
        .unwrap();
        match open(std::slice::from_ref(&p)) {
            Err(e @ ArchiveError::UnknownFormat { .. }) => {
                assert!(e.to_string().contains(name), "{e}")
            }
            other => panic!("expected UnknownFormat for {name}, got {:?}", other.err()),
        }
    }
    // A lone gzip file is not an export either.
    let p = dir.path().join("data.json.gz");
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&p).unwrap(),
        flate2::Compression::default(),
    );
    gz.write_all(b"{\"a\":1}").unwrap();
    gz.finish().unwrap();
    assert!(matches!(
        open(&[p]),
        Err(ArchiveError::UnknownFormat { .. })
    ));
}

#[test]
fn missing_file_is_an_io_error() {
    let p = PathBuf::from("/nonexistent/footprint/x.zip");
    match open(std::slice::from_ref(&p)) {
        Err(ArchiveError::Io { path, .. }) => assert_eq!(path, p),
        other => panic!("expected Io, got {:?}", other.err()),
    }
}

/// Open and read every entry, returning how many entries read cleanly. Errors are fine; a
/// panic fails the test.
fn open_and_read_all(p: &Path) -> usize {
    let Ok(view) = open(&[p.to_path_buf()]) else {
        return 0;
    };
    let all: Vec<usize> = (0..view.entries().len()).collect();
    let mut clean = 0;
    let _ = view.for_each(&all, |_, r| {
        if std::io::copy(r, &mut std::io::sink()).is_ok() {
            clean += 1;
        }
        Ok(())
    });
    for i in all {
        let _ = view.read_head(i, 64);
    }
    clean
}

#[test]
fn damaged_archives_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let inner = zip_bytes(&[("in.json", b"{\"in\":[1,2,3]}", deflated())]);
    let text: Vec<u8> = (0..3000u32)
        .flat_map(|i| format!("{{\"n\":{i}}},").into_bytes())
        .collect();
    let zip = zip_bytes(&[
        ("Takeout/a.json", &text, deflated()),
        ("Takeout/s.json", b"stored", stored()),
        ("Takeout/inner.zip", &inner, deflated()),
    ]);
    let mut w = ArchiveWriter::new(&dir.path().join("t.tgz"), Container::Tgz).unwrap();
    w.add("x/a.json", &text).unwrap();
    w.add("x/b.json", b"{}").unwrap();
    let tgz = std::fs::read(w.finish().unwrap().remove(0)).unwrap();

    let p = dir.path().join("mutant");
    for (original, clean_count) in [(&zip, 3), (&tgz, 2)] {
        std::fs::write(&p, original).unwrap();
        assert_eq!(
            open_and_read_all(&p),
            clean_count,
            "the unmodified archive reads cleanly"
        );
        // Deterministic byte flips spread over the whole file, then truncations.
        let mut seed = 0x2545_f491_u64;
        for _ in 0..300 {
            let mut bytes = original.clone();
            for _ in 0..3 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let at = (seed >> 33) as usize % bytes.len();
                bytes[at] ^= (seed >> 13) as u8 | 1;
            }
            std::fs::write(&p, &bytes).unwrap();
            open_and_read_all(&p);
        }
        for cut in (0..original.len()).step_by(97) {
            std::fs::write(&p, &original[..cut]).unwrap();
            open_and_read_all(&p);
        }
    }
}

// ---------- fingerprint ----------

#[test]
fn fingerprint_follows_content_not_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let files: &[(&str, &[u8])] = &[("Takeout/a.json", b"{\"a\":1}"), ("Takeout/b.json", b"[]")];
    let one = open(&[write_zip(dir.path(), "takeout-1.zip", files)]).unwrap();
    let same = open(&[write_zip(dir.path(), "renamed-copy.zip", files)]).unwrap();
    assert_eq!(one.fingerprint(), same.fingerprint());
    // Same names and sizes, different bytes: the CRC tells them apart.
    let changed = open(&[write_zip(
        dir.path(),
        "changed.zip",
        &[("Takeout/a.json", b"{\"a\":2}"), ("Takeout/b.json", b"[]")],
    )])
    .unwrap();
    assert_ne!(one.fingerprint(), changed.fingerprint());
    let renamed = open(&[write_zip(
        dir.path(),
        "other.zip",
        &[("Takeout/c.json", b"{\"a\":1}"), ("Takeout/b.json", b"[]")],
    )])
    .unwrap();
    assert_ne!(one.fingerprint(), renamed.fingerprint());
}

// ---------- group_parts ----------

#[test]
fn group_parts_cases() {
    let p = |v: &[&str]| v.iter().map(PathBuf::from).collect::<Vec<_>>();
    assert_eq!(
        group_parts(&p(&[
            "takeout-20220921T133717Z-002.zip",
            "takeout-20220921T133717Z-001.zip",
            "amazon.zip"
        ])),
        vec![
            p(&[
                "takeout-20220921T133717Z-001.zip",
                "takeout-20220921T133717Z-002.zip"
            ]),
            p(&["amazon.zip"])
        ]
    );
    assert_eq!(
        group_parts(&p(&[
            "x/takeout-20240301T101010Z-1-002.zip",
            "x/takeout-20240301T101010Z-1-001.zip"
        ])),
        vec![p(&[
            "x/takeout-20240301T101010Z-1-001.zip",
            "x/takeout-20240301T101010Z-1-002.zip"
        ])]
    );
    // Different prefixes stay apart; a folder stays alone; order of first appearance is kept.
    assert_eq!(
        group_parts(&p(&["export", "b-001.zip", "a-001.zip", "b-002.zip"])),
        vec![
            p(&["export"]),
            p(&["b-001.zip", "b-002.zip"]),
            p(&["a-001.zip"])
        ]
    );
    assert!(group_parts(&[]).is_empty());
}
