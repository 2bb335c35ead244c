//! Writes generated files into a zip (optionally split into part-zips), a .tgz, or a folder,
//! with the optional mess real exports carry: a top folder, macOS junk entries, and damaged
//! members ([`Damage`]: a file cut short, a CRC that does not match, as interrupted downloads
//! and bad disks leave them).

use chrono::{NaiveDate, NaiveDateTime};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;

/// Output container.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Zip,
    /// Split into part-zips named `<stem>-001.zip`, `<stem>-002.zip`, ... after this many bytes
    /// of inflated content per part.
    Parts { part_bytes: u64 },
    Tgz,
    Folder,
}

/// How [`ArchiveWriter::add_damaged`] damages a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// Only the first half of the bytes is written (a nested zip loses the table of contents
    /// at its end; a JSON file ends mid-element). The zip's CRC matches the half written.
    Truncated,
    /// The whole file is written but the CRC-32 the zip records for it is wrong (every bit
    /// flipped, in the local header and the central directory): reading it fails at its end.
    /// Zip output only.
    WrongCrc,
}

/// Collects files (path, bytes) and writes them. Large generators call `add` per file, so
/// memory holds one file at a time for zip output.
pub struct ArchiveWriter {
    out: PathBuf,
    container: Container,
    top_folder: Option<String>,
    macos_junk: bool,
    zip: Option<zip::ZipWriter<BufWriter<File>>>,
    tar: Option<tar::Builder<flate2::write::GzEncoder<BufWriter<File>>>>,
    part: usize,
    part_bytes: u64,
    written: Vec<PathBuf>,
    /// (zip file, entry name) whose recorded CRC is broken once the zip is finished.
    broken_crcs: Vec<(PathBuf, String)>,
    /// The time every entry carries (importers take the newest as the export's date).
    stamp: NaiveDateTime,
}

/// The fixed entry time of generated archives (keeps them byte-identical across runs).
fn default_stamp() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2024, 3, 2)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("a valid date")
}

impl ArchiveWriter {
    /// `out` is the zip/tgz path, the folder path, or for parts the path of part one's stem
    /// (`dir/takeout-20240301T101010Z.zip` gives `dir/takeout-20240301T101010Z-001.zip`, ...).
    pub fn new(out: &Path, container: Container) -> std::io::Result<Self> {
        let mut w = ArchiveWriter {
            out: out.to_path_buf(),
            container,
            top_folder: None,
            macos_junk: false,
            zip: None,
            tar: None,
            part: 0,
            part_bytes: 0,
            written: Vec::new(),
            broken_crcs: Vec::new(),
            stamp: default_stamp(),
        };
        match container {
            Container::Zip => w.open_zip(out.to_path_buf())?,
            Container::Parts { .. } => w.next_part()?,
            Container::Tgz => {
                let f = BufWriter::new(File::create(out)?);
                let gz = flate2::write::GzEncoder::new(f, flate2::Compression::fast());
                w.tar = Some(tar::Builder::new(gz));
                w.written.push(out.to_path_buf());
            }
            Container::Folder => {
                std::fs::create_dir_all(out)?;
                w.written.push(out.to_path_buf());
            }
        }
        Ok(w)
    }

    /// Put every file under this top folder (`Takeout`, `facebook-alex-2024`).
    pub fn top_folder(mut self, name: &str) -> Self {
        self.top_folder = Some(name.to_string());
        self
    }

    /// Date every entry `day` (10:00) instead of 2024-03-02: a later export of the same
    /// account, made on another day.
    pub fn made_on(mut self, day: NaiveDate) -> Self {
        self.stamp = day.and_hms_opt(10, 0, 0).expect("10:00 exists");
        self
    }

    fn zip_stamp(&self) -> zip::DateTime {
        use chrono::{Datelike, Timelike};
        let t = self.stamp;
        zip::DateTime::from_date_and_time(
            t.year() as u16,
            t.month() as u8,
            t.day() as u8,
            t.hour() as u8,
            t.minute() as u8,
            t.second() as u8,
        )
        .unwrap_or_default()
    }

    /// Add `__MACOSX/._<file>` and `.DS_Store` entries like a Mac's "Compress" does.
    pub fn macos_junk(mut self, yes: bool) -> Self {
        self.macos_junk = yes;
        self
    }

    fn open_zip(&mut self, path: PathBuf) -> std::io::Result<()> {
        let f = BufWriter::new(File::create(&path)?);
        self.zip = Some(zip::ZipWriter::new(f));
        self.written.push(path);
        Ok(())
    }

    fn next_part(&mut self) -> std::io::Result<()> {
        if let Some(z) = self.zip.take() {
            z.finish().map_err(std::io::Error::other)?;
        }
        self.part += 1;
        self.part_bytes = 0;
        let stem = self
            .out
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "export".into());
        let name = format!("{stem}-{:03}.zip", self.part);
        let path = self.out.with_file_name(name);
        self.open_zip(path)
    }

    fn full_path(&self, path: &str) -> String {
        match &self.top_folder {
            Some(t) => format!("{t}/{path}"),
            None => path.to_string(),
        }
    }

    /// Add one file.
    pub fn add(&mut self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        if let Container::Parts { part_bytes } = self.container {
            if self.part_bytes > 0 && self.part_bytes + bytes.len() as u64 > part_bytes {
                self.next_part()?;
            }
            self.part_bytes += bytes.len() as u64;
        }
        let full = self.full_path(path);
        self.write_raw(&full, bytes)?;
        if self.macos_junk {
            let (dir, file) = match full.rsplit_once('/') {
                Some((d, f)) => (format!("{d}/"), f.to_string()),
                None => (String::new(), full.clone()),
            };
            // AppleDouble resource fork: a tiny binary file that is not JSON.
            self.write_raw(
                &format!("__MACOSX/{dir}._{file}"),
                b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ",
            )?;
        }
        Ok(())
    }

    /// Add one file, damaged as `damage` says (see [`Damage`]).
    pub fn add_damaged(&mut self, path: &str, bytes: &[u8], damage: Damage) -> std::io::Result<()> {
        match damage {
            Damage::Truncated => self.add(path, &bytes[..bytes.len() / 2]),
            Damage::WrongCrc => {
                if self.zip.is_none() {
                    return Err(std::io::Error::other("a wrong CRC needs zip output"));
                }
                self.add(path, bytes)?;
                let zip_file = self.written.last().cloned().expect("the zip being written");
                self.broken_crcs.push((zip_file, self.full_path(path)));
                Ok(())
            }
        }
    }

    /// Add one file written by `fill` as a stream, so a 1 GB file never sits in memory
    /// (zip and folder output; tar needs the size first, so it buffers).
    pub fn add_with(
        &mut self,
        path: &str,
        fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        if self.zip.is_none() || self.macos_junk {
            let mut buf = Vec::new();
            fill(&mut buf)?;
            return self.add(path, &buf);
        }
        if let Container::Parts { part_bytes } = self.container {
            if self.part_bytes >= part_bytes {
                self.next_part()?;
            }
        }
        let full = self.full_path(path);
        let stamp = self.zip_stamp();
        let opts = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1))
            .last_modified_time(stamp)
            .large_file(true);
        let z = self.zip.as_mut().expect("zip output");
        z.start_file(full, opts).map_err(std::io::Error::other)?;
        let mut counter = CountingWriter { inner: z, count: 0 };
        fill(&mut counter)?;
        self.part_bytes += counter.count;
        Ok(())
    }

    fn write_raw(&mut self, full: &str, bytes: &[u8]) -> std::io::Result<()> {
        // A fixed timestamp keeps archives byte-identical across runs.
        let stamp = self.zip_stamp();
        if let Some(z) = self.zip.as_mut() {
            let opts = SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .compression_level(Some(1))
                .last_modified_time(stamp)
                .large_file(bytes.len() as u64 >= u32::MAX as u64);
            z.start_file(full, opts).map_err(std::io::Error::other)?;
            z.write_all(bytes)?;
        } else if let Some(t) = self.tar.as_mut() {
            let mut h = tar::Header::new_gnu();
            h.set_size(bytes.len() as u64);
            h.set_mode(0o644);
            h.set_mtime(self.stamp.and_utc().timestamp().max(0) as u64);
            h.set_cksum();
            t.append_data(&mut h, full, bytes)?;
        } else {
            let p = self.out.join(full);
            if let Some(parent) = p.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(p, bytes)?;
        }
        Ok(())
    }

    /// Finish and return the paths written (one per part for part-zips).
    pub fn finish(mut self) -> std::io::Result<Vec<PathBuf>> {
        if self.macos_junk && self.container != Container::Folder {
            let ds = self.full_path(".DS_Store");
            self.write_raw(&ds, b"\x00\x00\x00\x01Bud1")?;
        }
        if let Some(z) = self.zip.take() {
            z.finish().map_err(std::io::Error::other)?;
        }
        if let Some(t) = self.tar.take() {
            t.into_inner()?.finish()?.flush()?;
        }
        for (zip_file, name) in &self.broken_crcs {
            break_crc(zip_file, name)?;
        }
        Ok(self.written)
    }
}

/// Flip every bit of the CRC-32 recorded for entry `name` of the finished zip at `path`, in
/// its central directory record (CRC at +16, local header offset at +42, name at +46) and in
/// its local header (CRC at +14).
fn break_crc(path: &Path, name: &str) -> std::io::Result<()> {
    let mut bytes = std::fs::read(path)?;
    let u16_at = |b: &[u8], at: usize| u16::from_le_bytes([b[at], b[at + 1]]) as usize;
    let u32_at = |b: &[u8], at: usize| u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize;
    let mut at = 0;
    while let Some(found) = bytes[at..].windows(4).position(|w| w == b"PK\x01\x02") {
        let cd = at + found;
        let name_len = u16_at(&bytes, cd + 28);
        if bytes.get(cd + 46..cd + 46 + name_len) == Some(name.as_bytes()) {
            let local = u32_at(&bytes, cd + 42);
            for crc_at in [cd + 16, local + 14] {
                for b in &mut bytes[crc_at..crc_at + 4] {
                    *b = !*b;
                }
            }
            return std::fs::write(path, bytes);
        }
        at = cd + 4;
    }
    Err(std::io::Error::other(format!("no entry `{name}` in {}", path.display())))
}

struct CountingWriter<'a, W: Write> {
    inner: &'a mut W,
    count: u64,
}

impl<W: Write> Write for CountingWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.count += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Name of the marker file of demo exports (the engine's `archive::DEMO_MARKER`).
pub const DEMO_MARKER: &str = "FOOTPRINT-DEMO-DATA.txt";
const DEMO_TEXT: &str = "This export was made by Footprint's fixture generator for a demo. The person in it is \
invented; nothing here is real data. Footprint shows it as demo data and removes it with one button \
(or `footprint remove --demo`).\n";

/// Mark a written export as demo data: the marker file goes into the first zip (appended)
/// or folder. Footprint flags archives holding it as demo data.
pub fn mark_demo(written: &[PathBuf]) -> std::io::Result<()> {
    let Some(first) = written.first() else {
        return Ok(());
    };
    if first.is_dir() {
        // Dated like the entries (2024-03-02 10:00 UTC): the export date is the newest file.
        let marker = first.join(DEMO_MARKER);
        std::fs::write(&marker, DEMO_TEXT)?;
        let stamp = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_709_373_600);
        return std::fs::File::options().write(true).open(&marker)?.set_modified(stamp);
    }
    let file = std::fs::OpenOptions::new().read(true).write(true).open(first)?;
    let mut zip = zip::ZipWriter::new_append(file).map_err(std::io::Error::other)?;
    let stamp = zip::DateTime::from_date_and_time(2024, 3, 2, 10, 0, 0).unwrap_or_default();
    zip.start_file(DEMO_MARKER, SimpleFileOptions::default().last_modified_time(stamp))
        .map_err(std::io::Error::other)?;
    zip.write_all(DEMO_TEXT.as_bytes())?;
    zip.finish().map_err(std::io::Error::other)?;
    Ok(())
}

/// Words the extra unknown files of [`add_unknown_files`] carry, one distinctive word per
/// file, so a test can find each file's text by search: (file path under the export's top
/// folder, word).
pub const UNKNOWN_FILE_WORDS: &[(&str, &str)] = &[
    ("other_data/r\u{e9}glages_h\u{e9}rit\u{e9}s.json", "marmalade"),
    ("other_data/saved_shelves.json", "lighthouse"),
    ("other_data/stream_events.json", "quokka"),
    ("other_data/shelf_notes.csv", "tangerine"),
    ("other_data/legacy_globals.js", "zeppelin"),
];

/// Files of the extra unknown set that no indexer may take: an empty JSON, an HTML page (for
/// the HTML parsers) and plain text.
pub const UNKNOWN_FILES_NOT_INDEXED: &[&str] = &[
    "other_data/nothing_here.json",
    "other_data/shelves.html",
    "other_data/read_me.txt",
];

/// Add files no platform's parser knows (unknown JSON, NDJSON, JS-wrapped JSON and CSV, with
/// a BOM, nulls, a localized name, a broken NDJSON line, an empty file, an HTML page and
/// text) to an export already written, as real exports carry files of features no parser
/// has met yet. They go under the export's top folder when it has one. Zip (the first part
/// of part-zips) and folder outputs; a .tgz is refused.
pub fn add_unknown_files(written: &[PathBuf]) -> std::io::Result<()> {
    let Some(first) = written.first() else {
        return Ok(());
    };
    let files = unknown_files();
    if first.is_dir() {
        let top = single_top_dir(first)?;
        for (path, bytes) in &files {
            let p = top.join(path);
            std::fs::create_dir_all(p.parent().expect("has a folder"))?;
            std::fs::write(p, bytes)?;
        }
        return Ok(());
    }
    let is_zip = first.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    if !is_zip {
        return Err(std::io::Error::other(format!(
            "{}: extra unknown files can be added to a zip or a folder only",
            first.display()
        )));
    }
    let names: Vec<String> = {
        let z = zip::ZipArchive::new(File::open(first)?).map_err(std::io::Error::other)?;
        z.file_names()
            .map(|n| n.map(|n| n.into_owned()))
            .collect::<Result<_, _>>()
            .map_err(std::io::Error::other)?
    };
    let top = common_top(names.iter().map(String::as_str));
    let file = std::fs::OpenOptions::new().read(true).write(true).open(first)?;
    let mut zip = zip::ZipWriter::new_append(file).map_err(std::io::Error::other)?;
    let stamp = zip::DateTime::from_date_and_time(2024, 3, 2, 10, 0, 0).unwrap_or_default();
    for (path, bytes) in &files {
        let full = match &top {
            Some(t) => format!("{t}/{path}"),
            None => path.to_string(),
        };
        zip.start_file(full, SimpleFileOptions::default().last_modified_time(stamp))
            .map_err(std::io::Error::other)?;
        zip.write_all(bytes)?;
    }
    zip.finish().map_err(std::io::Error::other)?;
    Ok(())
}

/// The top folder every entry shares (junk such as `__MACOSX/` aside), if any.
fn common_top<'a>(names: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut top: Option<&str> = None;
    for n in names {
        if n.starts_with("__MACOSX/") || n.ends_with(".DS_Store") || n == DEMO_MARKER {
            continue;
        }
        let (first, _) = n.split_once('/')?;
        match top {
            None => top = Some(first),
            Some(t) if t == first => {}
            Some(_) => return None,
        }
    }
    top.map(str::to_string)
}

/// `dir`'s only subfolder when it holds nothing else (an unpacked export's top folder), else
/// `dir` itself.
fn single_top_dir(dir: &Path) -> std::io::Result<PathBuf> {
    let entries: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|e| {
            let n = e.file_name();
            let n = n.to_string_lossy();
            n != ".DS_Store" && n != "__MACOSX" && n != DEMO_MARKER
        })
        .collect();
    match entries.as_slice() {
        [one] if one.path().is_dir() => Ok(one.path()),
        _ => Ok(dir.to_path_buf()),
    }
}

/// The bytes of the extra unknown files (see [`UNKNOWN_FILE_WORDS`]).
fn unknown_files() -> Vec<(&'static str, Vec<u8>)> {
    let word = |i: usize| UNKNOWN_FILE_WORDS[i].1;
    let path = |i: usize| UNKNOWN_FILE_WORDS[i].0;
    let bom = |s: String| [b"\xEF\xBB\xBF".to_vec(), s.into_bytes()].concat();
    vec![
        // One object with settings nested two levels, nulls, an empty list, a localized value.
        (
            path(0),
            bom(format!(
                r#"{{"version": 3, "owner_note": "{} jam réglage", "privacy": {{"visibility": "friends", "retention_days": null,
  "channels": {{"mail": true, "sms": false}}}}, "empty_list": [], "nothing": null}}"#,
                word(0)
            )),
        ),
        // A top-level array of small objects.
        (
            path(1),
            format!(
                r#"[{{"shelf": "Kitchen", "colour": "teal", "remark": "{} model"}}, {{"shelf": "Hall", "colour": null, "remark": "umbrellas"}},
  {{"shelf": "Attic", "colour": "grey", "remark": "boxes", "tags": ["winter", "old"]}}]"#,
                word(1)
            )
            .into_bytes(),
        ),
        // NDJSON under a .json name, with a broken line in the middle.
        (
            path(2),
            format!(
                "{{\"event\": \"opened\", \"detail\": \"{} sticker\"}}\n{{\"event\": \"closed\", \"detail\": null}}\n{{\"event\": \"trunc\n{{\"event\": \"reopened\", \"detail\": \"door\"}}\n",
                word(2)
            )
            .into_bytes(),
        ),
        // CSV with a BOM, CRLF endings, a quoted multi-line cell and empty cells.
        (
            path(3),
            bom(format!(
                "Shelf,Remark,Count\r\nKitchen,\"{} jar\nsecond line\",3\r\nHall,,\r\n",
                word(3)
            )),
        ),
        // JS-wrapped JSON with a global no importer knows.
        (
            path(4),
            format!(
                "window.LEGACY_EXPORT_BLOB = [{{\"kind\": \"airship\", \"name\": \"{}\"}}, {{\"kind\": \"kite\"}}];\n",
                word(4)
            )
            .into_bytes(),
        ),
        (UNKNOWN_FILES_NOT_INDEXED[0], Vec::new()),
        (
            UNKNOWN_FILES_NOT_INDEXED[1],
            b"<!DOCTYPE html><html><body><h1>Shelves</h1></body></html>".to_vec(),
        ),
        (UNKNOWN_FILES_NOT_INDEXED[2], b"Nothing to see here.\n".to_vec()),
    ]
}

/// A copy of a generated zip (`from`) at `to` with only the entries `keep` accepts: an
/// export cut down to what another platform's exports share (a Facebook export with only
/// the folders Instagram writes too is one detection cannot tell apart).
pub fn keep_entries(from: &Path, to: &Path, keep: impl Fn(&str) -> bool) -> std::io::Result<()> {
    let mut src = zip::ZipArchive::new(File::open(from)?).map_err(std::io::Error::other)?;
    let mut out = zip::ZipWriter::new(BufWriter::new(File::create(to)?));
    for i in 0..src.len() {
        let entry = src.by_index_raw(i).map_err(std::io::Error::other)?;
        let name = entry.name().map_err(std::io::Error::other)?.into_owned();
        if keep(&name) {
            out.raw_copy_file(entry).map_err(std::io::Error::other)?;
        }
    }
    out.finish().map_err(std::io::Error::other)?;
    Ok(())
}

/// Folders every Meta export writes, whichever platform it is from (shared by Facebook and
/// Instagram exports; see FORMATS.md), for [`keep_entries`].
pub const META_SHARED_FOLDERS: &[&str] = &["ads_information/", "connections/", "logged_information/"];
