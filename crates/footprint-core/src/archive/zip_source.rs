//! Zip containers: the central directory is parsed once (by the `zip` crate) when the view is
//! opened; entries are then streamed straight from the file with positioned reads.
//!
//! Why not `ZipArchive::by_index` for the streams: its `ZipFile` borrows the archive mutably,
//! so it cannot be returned from `open_entry(&self)` without a self-referential struct. We keep
//! the crate's parsed metadata (names, sizes, CRCs, local-header offsets, cached data offsets)
//! and build the stream ourselves: a window of the file, a Deflate decoder from flate2 (the same
//! backend the zip crate uses) and [`CheckedReader`] for the declared size and the CRC-32.
//! Any number of streams can then run at once over one shared file handle.

use super::blob::{Blob, BlobReader};
use super::checked_read::{read_up_to, CheckedReader};
use super::listing::Listing;
use super::names::{is_junk, is_zip_name, normalize};
use super::{ArchiveError, Entry, Location};
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use zip::read::ZipArchiveMetadata;
use zip::result::ZipError;
use zip::{CompressionMethod, HasZipMetadata};

/// One opened zip: the outer file or a zip nested in another container.
pub(crate) struct ZipContainer {
    /// The file given by the user that holds this zip (for error messages).
    origin: PathBuf,
    /// Logical path prefix of this zip's entries (`""` or `Apple_Media_Services.zip/`).
    prefix: String,
    blob: Blob,
    meta: Arc<ZipArchiveMetadata>,
}

/// Whether the bytes start like a zip (a local header, or the end record of an empty zip).
pub(crate) fn has_zip_magic(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06")
}

fn corrupt(origin: &Path, prefix: &str, e: impl std::fmt::Display) -> ArchiveError {
    let inner = prefix.trim_end_matches('/');
    ArchiveError::Corrupt {
        path: origin.to_path_buf(),
        message: if inner.is_empty() {
            e.to_string()
        } else {
            format!("nested zip `{inner}`: {e}")
        },
    }
}

fn zip_error(origin: &Path, prefix: &str, e: ZipError) -> ArchiveError {
    match e {
        ZipError::Io(io) if io.kind() != io::ErrorKind::UnexpectedEof && prefix.is_empty() => {
            ArchiveError::Io { path: origin.to_path_buf(), source: io }
        }
        ZipError::Io(io) => corrupt(origin, prefix, format!("data ends early ({io})")),
        ZipError::InvalidArchive(m) if m.contains("EOCD") || m.contains("end of central") => corrupt(
            origin,
            prefix,
            format!("the end of the file, where a zip keeps its table of contents, is missing; was the download or copy interrupted? ({m})"),
        ),
        other => corrupt(origin, prefix, other),
    }
}

/// Unix file type bits of a zip entry that was made on a Unix system.
const S_IFMT: u32 = 0o170_000;
const S_IFLNK: u32 = 0o120_000;

/// Parse the zip in `blob` and add its entries (and those of zips nested in it) to the listing.
pub(crate) fn list_zip(
    listing: &mut Listing<'_>,
    zips: &mut Vec<ZipContainer>,
    origin: &Path,
    prefix: &str,
    blob: Blob,
    depth: u32,
) -> Result<(), ArchiveError> {
    // Refuse a directory too large for the limits before the crate decodes all of it.
    if let Some(declared) = super::zip_directory::declared_entries(&blob) {
        listing.refuse_declared_count(origin, declared)?;
    }
    // The directory parse does many small reads: buffer them.
    let archive = zip::ZipArchive::new(BufReader::with_capacity(64 << 10, blob.reader()))
        .map_err(|e| zip_error(origin, prefix, e))?;
    let meta = archive.metadata();
    drop(archive);
    if meta.has_duplicate_names() {
        // Two entries with one name is how zip "confusion" attacks hide content from one tool
        // and show it to another; no export tool writes it. An attack, not damage: refused
        // whole even inside a nested zip.
        // (The crate's metadata keeps one entry per name, so which name is not known here.)
        let nested = prefix.trim_end_matches('/');
        return Err(ArchiveError::UnsafeEntry {
            path: origin.to_path_buf(),
            entry: if nested.is_empty() { "(table of contents)".into() } else { nested.to_string() },
            why: "the zip lists the same entry name twice (a zip confusion attack)",
        });
    }
    listing.count_raw(origin, meta.len())?;

    let zip_id = zips.len();
    zips.push(ZipContainer {
        origin: origin.to_path_buf(),
        prefix: prefix.to_string(),
        blob: blob.clone(),
        meta: meta.clone(),
    });

    // Storage order: by local header offset (the central directory may be in any order).
    let mut order: Vec<(u64, usize, u64)> = Vec::with_capacity(meta.len());
    for i in 0..meta.len() {
        let e = meta.entry(i).map_err(|e| zip_error(origin, prefix, e))?;
        order.push((e.header_start(), i, e.compressed_size()));
    }
    order.sort_unstable();
    refuse_overlaps(&meta, &order, origin, prefix)?;

    for (_, member, _) in order {
        let e = meta
            .entry(member)
            .map_err(|e| zip_error(origin, prefix, e))?;
        let raw_name = match e.name() {
            Ok(n) => n.into_owned(),
            Err(_) => String::from_utf8_lossy(e.name_raw()).into_owned(),
        };
        let unsafe_entry = |why| ArchiveError::UnsafeEntry {
            path: origin.to_path_buf(),
            entry: format!("{prefix}{raw_name}"),
            why,
        };
        let Some(name) = normalize(&raw_name).map_err(unsafe_entry)? else {
            continue;
        };
        if e.unix_mode().is_some_and(|m| m & S_IFMT == S_IFLNK) {
            return Err(unsafe_entry("symbolic link entry (links are refused)"));
        }
        // Windows tools may end a directory name with a backslash.
        if e.is_dir() || raw_name.ends_with('\\') {
            continue;
        }
        if is_junk(&name) {
            listing.junk += 1;
            continue;
        }
        let path = format!("{prefix}{name}");
        let (size, compressed) = (e.size(), e.compressed_size());
        listing.check_entry(origin, &path, size, compressed)?;

        let mut damaged = None;
        if is_zip_name(&name) {
            let inner = ZipMember {
                zip: zip_id,
                member,
            };
            damaged = match nested_blob(listing, zips, origin, &path, inner, depth) {
                Ok(Some(nested)) => match list_nested_zip(listing, zips, origin, &path, nested, depth + 1)? {
                    None => continue,
                    Some(what) => Some(what),
                },
                Ok(None) => None,
                // Its bytes cannot be read (CRC error, cut short): a damaged part.
                Err(ArchiveError::Corrupt { message, .. }) => Some(message),
                Err(e) => return Err(e),
            };
        }
        listing.push(
            Entry {
                path,
                size,
                compressed,
                modified: e.last_modified().and_then(zip_time_millis),
            },
            Location::Zip {
                zip: zip_id,
                member,
                crc32: e.crc32(),
            },
        );
        if let Some(what) = damaged {
            listing.mark_last_damaged(what);
        }
    }
    Ok(())
}

/// List a zip found inside the export (in a zip or a folder) under `path/`. A damaged nested
/// zip (cut short, no table of contents, unreadable directory) is not an attack: whatever it
/// listed is taken back and `Some(what is wrong)` returned, so the caller lists the zip as one
/// damaged file and the rest of the export imports. Limits and unsafe entries inside it still
/// refuse the whole archive.
pub(crate) fn list_nested_zip(
    listing: &mut Listing<'_>,
    zips: &mut Vec<ZipContainer>,
    origin: &Path,
    path: &str,
    blob: Blob,
    depth: u32,
) -> Result<Option<String>, ArchiveError> {
    let mark = listing.mark();
    let zips_before = zips.len();
    match list_zip(listing, zips, origin, &format!("{path}/"), blob, depth) {
        Ok(()) => Ok(None),
        Err(ArchiveError::Corrupt { message, .. }) => {
            listing.roll_back(mark);
            // Only entries after the mark pointed at these containers.
            zips.truncate(zips_before);
            Ok(Some(message))
        }
        Err(e) => Err(e),
    }
}

/// Size of a local file header before its name and extra field.
const LOCAL_HEADER_LEN: u64 = 30;

/// Refuse entries whose data overlaps the next entry: the construction of non-recursive zip
/// bombs (many directory entries sharing one compressed kernel), never written by a real tool.
/// `order` is sorted by local header offset; a local header takes at least 30 bytes, so this
/// lower bound needs no read.
fn refuse_overlaps(
    meta: &ZipArchiveMetadata,
    order: &[(u64, usize, u64)],
    origin: &Path,
    prefix: &str,
) -> Result<(), ArchiveError> {
    for pair in order.windows(2) {
        let ((start, _, compressed), (next_start, next, _)) = (pair[0], pair[1]);
        let end = start
            .saturating_add(LOCAL_HEADER_LEN)
            .saturating_add(compressed);
        if end > next_start {
            let name = meta
                .entry(next)
                .map(|e| String::from_utf8_lossy(e.name_raw()).into_owned())
                .unwrap_or_default();
            return Err(ArchiveError::UnsafeEntry {
                path: origin.to_path_buf(),
                entry: format!("{prefix}{name}"),
                why: "its data overlaps another entry's (a zip bomb construction)",
            });
        }
    }
    Ok(())
}

#[derive(Clone, Copy)]
struct ZipMember {
    zip: usize,
    member: usize,
}

/// The bytes of a `.zip` entry as a blob to open as a nested zip, or `None` when the entry is
/// not actually a zip (it stays a plain file). A stored entry is a window of its container;
/// a compressed one is inflated into memory (within `max_nested_bytes`).
fn nested_blob(
    listing: &mut Listing<'_>,
    zips: &[ZipContainer],
    origin: &Path,
    path: &str,
    at: ZipMember,
    depth: u32,
) -> Result<Option<Blob>, ArchiveError> {
    let zip = &zips[at.zip];
    let mut head = [0u8; 4];
    let mut r = zip.open_member(at.member)?;
    let got = read_up_to(&mut r, &mut head).map_err(|e| corrupt(origin, "", e))?;
    if !has_zip_magic(&head[..got]) {
        return Ok(None);
    }
    drop(r);
    if depth + 1 > listing.limits.max_nesting {
        return Err(ArchiveError::LimitExceeded {
            path: origin.to_path_buf(),
            message: format!(
                "nested archive `{path}` is {} levels deep; at most {} levels of archives inside archives are opened",
                depth + 1,
                listing.limits.max_nesting
            ),
        });
    }
    let e = zip
        .meta
        .entry(at.member)
        .map_err(|e| zip_error(origin, &zip.prefix, e))?;
    if e.compression() == CompressionMethod::Stored && !e.encrypted() {
        if e.size() != e.compressed_size() {
            return Err(corrupt(
                origin,
                "",
                format!("stored entry `{path}` has two different sizes"),
            ));
        }
        let start = zip.data_start(at.member)?;
        let window = zip
            .blob
            .window(start, e.size())
            .map_err(|x| corrupt(origin, "", format!("`{path}`: {x}")))?;
        return Ok(Some(window));
    }
    listing.reserve_nested(origin, path, e.size())?;
    let mut bytes = Vec::with_capacity(e.size() as usize);
    zip.open_member(at.member)?
        .read_to_end(&mut bytes)
        .map_err(|x| corrupt(origin, "", x))?;
    Ok(Some(Blob::from_vec(bytes)))
}

/// Zip times are local wall-clock times without a zone; we read them as UTC.
fn zip_time_millis(t: zip::DateTime) -> Option<i64> {
    let date = chrono::NaiveDate::from_ymd_opt(t.year().into(), t.month().into(), t.day().into())?;
    let time =
        chrono::NaiveTime::from_hms_opt(t.hour().into(), t.minute().into(), t.second().into())?;
    Some(date.and_time(time).and_utc().timestamp_millis())
}

impl ZipContainer {
    pub(crate) fn origin(&self) -> &Path {
        &self.origin
    }

    pub(crate) fn label(&self, member: usize) -> String {
        let name = self
            .meta
            .entry(member)
            .map(|e| String::from_utf8_lossy(e.name_raw()).into_owned())
            .unwrap_or_else(|_| format!("#{member}"));
        format!("{}: {}{}", self.origin.display(), self.prefix, name)
    }

    fn member_error(&self, member: usize, e: impl std::fmt::Display) -> ArchiveError {
        ArchiveError::Corrupt {
            path: self.origin.clone(),
            message: format!("{}: {e}", self.label(member)),
        }
    }

    fn data_start(&self, member: usize) -> Result<u64, ArchiveError> {
        let e = self
            .meta
            .entry(member)
            .map_err(|e| self.member_error(member, e))?;
        e.get_metadata()
            .data_start(&mut self.blob.reader())
            .map_err(|e| self.member_error(member, format!("bad local header: {e}")))
    }

    /// A stream of one member's inflated bytes, held to its declared size and CRC.
    pub(crate) fn open_member(
        &self,
        member: usize,
    ) -> Result<CheckedReader<Box<dyn Read + Send>>, ArchiveError> {
        let e = self
            .meta
            .entry(member)
            .map_err(|e| self.member_error(member, e))?;
        let unsupported = |why| ArchiveError::UnsafeEntry {
            path: self.origin.clone(),
            entry: format!("{}{}", self.prefix, String::from_utf8_lossy(e.name_raw())),
            why,
        };
        if e.encrypted() {
            return Err(unsupported(
                "password-protected (encrypted) entries are not supported",
            ));
        }
        let start = self.data_start(member)?;
        let raw = BlobReader::at(&self.blob, start).take(e.compressed_size());
        let body: Box<dyn Read + Send> = match e.compression() {
            CompressionMethod::Stored => Box::new(BufReader::with_capacity(64 << 10, raw)),
            CompressionMethod::Deflated => Box::new(flate2::read::DeflateDecoder::new_with_buf(
                raw,
                vec![0; 64 << 10],
            )),
            _ => {
                return Err(unsupported(
                    "compression method not supported (only stored and Deflate are read)",
                ))
            }
        };
        Ok(CheckedReader::new(
            body,
            self.label(member),
            e.size(),
            Some(e.crc32()),
        ))
    }
}
