//! Tar containers, plain or gzip-compressed. A gzip stream can only be read front to back, so
//! listing a `.tgz` inflates it once, [`ArchiveView::for_each`](super::ArchiveView::for_each)
//! visits the wanted entries in ONE further pass, and a single `open_entry` rescans up to the
//! entry. A plain `.tar` is random access: each entry is a window of the file.
//!
//! While listing, the inflated/compressed ratio of the whole gzip stream is watched: tar
//! headers cannot lie about sizes, but a stream of zeros can still be a gzip bomb.

use super::blob::{Blob, BlobReader};
use super::checked_read::{read_up_to, CheckedReader};
use super::listing::Listing;
use super::names::{is_junk, is_zip_name, normalize};
use super::zip_source::{has_zip_magic, list_zip, ZipContainer};
use super::{ArchiveError, Entry, Location};
use std::cell::Cell;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use tar::EntryType;

pub(crate) struct TarContainer {
    path: PathBuf,
    gzip: bool,
    blob: Blob,
}

/// Where a tar entry's data lies: its ordinal among the raw tar entries (for one-pass visits)
/// and its offset in the uncompressed tar stream (for random access and rescans).
#[derive(Debug, Clone, Copy)]
pub(crate) struct TarMember {
    pub(crate) ordinal: u64,
    pub(crate) offset: u64,
}

fn corrupt(path: &Path, e: impl std::fmt::Display) -> ArchiveError {
    ArchiveError::Corrupt {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// Counts compressed bytes consumed under the gzip decoder.
struct CountIn<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R: Read> Read for CountIn<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

/// Fails once the inflated stream is both large and too many times larger than its input.
struct RatioGuard<R> {
    inner: R,
    compressed: Rc<Cell<u64>>,
    inflated: u64,
    min_bytes: u64,
    max_ratio: u64,
    tripped: Rc<Cell<bool>>,
}

impl<R: Read> Read for RatioGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.inflated += n as u64;
        if self.inflated > self.min_bytes
            && self.inflated / self.compressed.get().max(1) > self.max_ratio
        {
            self.tripped.set(true);
            return Err(io::Error::other("gzip inflation ratio limit"));
        }
        Ok(n)
    }
}

impl TarContainer {
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The uncompressed tar stream from its start.
    fn stream(&self) -> Box<dyn Read + Send> {
        let file = BufReader::with_capacity(64 << 10, self.blob.reader());
        if self.gzip {
            Box::new(flate2::read::MultiGzDecoder::new(file))
        } else {
            Box::new(file)
        }
    }

    /// Stream one entry: a window of a plain tar, or a rescan of the gzip stream.
    pub(crate) fn open_member(
        &self,
        at: TarMember,
        size: u64,
        label: String,
    ) -> Result<CheckedReader<Box<dyn Read + Send>>, ArchiveError> {
        if !self.gzip {
            let window = self
                .blob
                .window(at.offset, size)
                .map_err(|e| corrupt(&self.path, format!("{label}: {e}")))?;
            let body: Box<dyn Read + Send> =
                Box::new(BufReader::with_capacity(64 << 10, window.reader()));
            return Ok(CheckedReader::new(body, label, size, None));
        }
        let mut s = self.stream();
        let skipped = io::copy(&mut (&mut s).take(at.offset), &mut io::sink())
            .map_err(|e| corrupt(&self.path, format!("{label}: {e}")))?;
        if skipped != at.offset {
            return Err(corrupt(
                &self.path,
                format!("{label}: the stream ends before the entry"),
            ));
        }
        let body: Box<dyn Read + Send> = Box::new(s.take(size));
        Ok(CheckedReader::new(body, label, size, None))
    }

    /// One pass over the stream, calling `f` for each wanted `(index, ordinal)` in order.
    pub(crate) fn visit(
        &self,
        wanted: &[(usize, u64)],
        entries: &[Entry],
        f: &mut dyn FnMut(usize, &mut dyn Read) -> Result<(), ArchiveError>,
    ) -> Result<(), ArchiveError> {
        let mut archive = tar::Archive::new(self.stream());
        let mut next = wanted.iter().peekable();
        for (ordinal, item) in archive
            .entries()
            .map_err(|e| corrupt(&self.path, e))?
            .enumerate()
        {
            let Some(&&(index, want)) = next.peek() else {
                break;
            };
            let mut entry = item.map_err(|e| corrupt(&self.path, e))?;
            if ordinal as u64 != want {
                continue;
            }
            next.next();
            let path = &entries[index].path;
            let raw = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
            if normalize(&raw).ok().flatten().as_deref() != Some(path.as_str()) {
                return Err(corrupt(
                    &self.path,
                    format!("the file changed since it was opened (expected `{path}`)"),
                ));
            }
            let label = format!("{}: {path}", self.path.display());
            let mut reader = CheckedReader::new(&mut entry, label, entries[index].size, None);
            f(index, &mut reader)?;
        }
        if next.peek().is_some() {
            return Err(corrupt(
                &self.path,
                "the stream ended before all entries were read (file changed since it was opened?)",
            ));
        }
        Ok(())
    }
}

/// A zip found inside the tar, opened after the tar's own entries are listed.
struct PendingZip {
    path: String,
    blob: Blob,
}

/// Scan the tar stream once and add its entries (and zips inside it) to the listing.
pub(crate) fn list_tar(
    listing: &mut Listing<'_>,
    tars: &mut Vec<TarContainer>,
    zips: &mut Vec<ZipContainer>,
    path: &Path,
    blob: Blob,
    gzip: bool,
) -> Result<(), ArchiveError> {
    let container = TarContainer {
        path: path.to_path_buf(),
        gzip,
        blob,
    };
    let compressed = Rc::new(Cell::new(0u64));
    let tripped = Rc::new(Cell::new(false));
    let file = CountIn {
        inner: BufReader::with_capacity(64 << 10, container.blob.reader()),
        count: compressed.clone(),
    };
    let stream: Box<dyn Read> = if gzip {
        Box::new(RatioGuard {
            inner: flate2::read::MultiGzDecoder::new(file),
            compressed,
            inflated: 0,
            min_bytes: listing.limits.ratio_min_bytes,
            max_ratio: listing.limits.max_ratio,
            tripped: tripped.clone(),
        })
    } else {
        Box::new(file)
    };
    let tar_id = tars.len();
    let mut pending = Vec::new();
    let mut archive = tar::Archive::new(stream);
    let iter = archive.entries().map_err(|e| corrupt(path, e))?;
    let max_ratio = listing.limits.max_ratio;
    for (ordinal, item) in iter.enumerate() {
        let stream_error = |e: io::Error| {
            if tripped.get() {
                ArchiveError::LimitExceeded {
                    path: path.to_path_buf(),
                    message: format!(
                        "the gzip stream inflates more than {max_ratio}:1 (looks like a gzip bomb)"
                    ),
                }
            } else {
                corrupt(path, e)
            }
        };
        let mut entry = item.map_err(stream_error)?;
        listing.count_raw(path, 1)?;
        let raw = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let refuse = |why| ArchiveError::UnsafeEntry {
            path: path.to_path_buf(),
            entry: raw.clone(),
            why,
        };
        let name = normalize(&raw).map_err(refuse)?;
        let kind = entry.header().entry_type();
        match kind {
            EntryType::Regular | EntryType::Continuous => {}
            EntryType::Directory
            | EntryType::XGlobalHeader
            | EntryType::XHeader
            | EntryType::GNULongName
            | EntryType::GNULongLink => continue,
            EntryType::Symlink => return Err(refuse("symbolic link entry (links are refused)")),
            EntryType::Link => return Err(refuse("hard link entry (links are refused)")),
            EntryType::GNUSparse => return Err(refuse("sparse file entries are not supported")),
            _ => return Err(refuse("special file entry (device or fifo)")),
        }
        let Some(name) = name else { continue };
        if is_junk(&name) {
            listing.junk += 1;
            continue;
        }
        let size = entry.size();
        listing.check_entry(path, &name, size, size)?;
        let offset = entry.raw_file_position();
        if is_zip_name(&name) {
            let mut head = [0u8; 4];
            let n = read_up_to(&mut entry, &mut head).map_err(stream_error)?;
            if has_zip_magic(&head[..n]) {
                if listing.limits.max_nesting == 0 {
                    return Err(ArchiveError::LimitExceeded {
                        path: path.to_path_buf(),
                        message: format!("`{name}` is an archive inside the export, and nested archives are not allowed (max_nesting is 0)"),
                    });
                }
                let blob = if gzip {
                    listing.reserve_nested(path, &name, size)?;
                    let mut bytes = Vec::with_capacity(size as usize);
                    bytes.extend_from_slice(&head[..n]);
                    entry.read_to_end(&mut bytes).map_err(stream_error)?;
                    Blob::from_vec(bytes)
                } else {
                    container
                        .blob
                        .window(offset, size)
                        .map_err(|e| corrupt(path, format!("`{name}`: {e}")))?
                };
                pending.push(PendingZip { path: name, blob });
                continue;
            }
        }
        let modified = entry
            .header()
            .mtime()
            .ok()
            .and_then(|s| i64::try_from(s).ok())
            .map(|s| s * 1000);
        listing.push(
            Entry {
                path: name,
                size,
                compressed: size,
                modified,
            },
            Location::Tar {
                tar: tar_id,
                at: TarMember {
                    ordinal: ordinal as u64,
                    offset,
                },
            },
        );
    }
    drop(archive);
    tars.push(container);
    for z in pending {
        list_zip(listing, zips, path, &format!("{}/", z.path), z.blob, 1)?;
    }
    Ok(())
}

/// Whether a decompressed head is a tar header (`ustar` magic at offset 257).
pub(crate) fn has_tar_magic(head: &[u8]) -> bool {
    head.len() >= 262 && &head[257..262] == b"ustar"
}

/// The first bytes of the gzip-decompressed file (to tell a .tgz from a lone .json.gz).
pub(crate) fn gunzip_head(blob: &Blob, max: usize) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(max);
    flate2::read::MultiGzDecoder::new(BufReader::new(BlobReader::at(blob, 0)))
        .take(max as u64)
        .read_to_end(&mut out)?;
    Ok(out)
}
