//! Reading export archives without extracting them: one zip, several part-zips of one export,
//! zips nested in zips, a .tgz/.tar, or an unpacked folder, all seen as one logical tree
//! ([`ArchiveView`]). Limits reject hostile archives before anything is imported.
//!
//! Seams: [`names`] (name validation, normalization, junk), [`listing`] (limits as entries are
//! added), one module per container ([`zip_source`], [`tar_source`], [`folder_source`]),
//! [`blob`] (positioned reads shared by all streams of one file), [`checked_read`] (declared
//! size, CRC and error context on every stream), [`parts`] (part-file grouping).
//! docs/ARCHIVES.md describes the behaviour for users.

mod blob;
mod checked_read;
mod folder_source;
mod listing;
mod names;
mod parts;
mod tar_source;
mod zip_directory;
mod zip_source;

pub use checked_read::is_refusal;
pub use names::{is_demo_marker, is_junk, DEMO_MARKER};
pub use parts::group_parts;

use blob::Blob;
use checked_read::FailedOpen;
use listing::Listing;
use serde::Serialize;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use tar_source::{TarContainer, TarMember};
use zip_source::ZipContainer;

/// Limits that make a hostile archive fail early with a clear error.
#[derive(Debug, Clone, Serialize)]
pub struct Limits {
    /// Maximum number of entries across all parts and nested archives.
    pub max_entries: usize,
    /// Maximum total declared inflated size.
    pub max_total_bytes: u64,
    /// Maximum inflated/compressed ratio for an entry larger than `ratio_min_bytes`.
    pub max_ratio: u64,
    pub ratio_min_bytes: u64,
    /// Maximum depth of archives inside archives (the outer archive is depth 0).
    pub max_nesting: u32,
    /// A nested archive is read into memory to be opened: its compressed size may not exceed this.
    /// (A nested zip stored without compression is opened in place and needs no memory.)
    pub max_nested_bytes: u64,
    /// Maximum memory held by all nested archives of one view together.
    pub max_nested_memory: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entries: 1_000_000,
            max_total_bytes: 256 * (1 << 30),
            max_ratio: 1_000,
            ratio_min_bytes: 1 << 20,
            max_nesting: 3,
            max_nested_bytes: 64 << 20,
            // Keeps peak memory of any import under ~150 MB (nested zips are rare: Apple).
            max_nested_memory: 96 << 20,
        }
    }
}

/// One file of the logical tree.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Logical path: `/`-separated, relative, never `..` or absolute; files of a nested archive
    /// appear under the nested archive's own path (`Apple_Media_Services.zip/Music.json`).
    pub path: String,
    /// Declared inflated size in bytes.
    pub size: u64,
    /// Compressed size in bytes (equal to `size` for folders and tar).
    pub compressed: u64,
    /// Modification time, UTC epoch milliseconds, when the container records one.
    pub modified: Option<i64>,
}

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not a zip, .tgz/.tar.gz/.tar or folder (unknown container format)")]
    UnknownFormat { path: PathBuf },
    #[error("{path}: the archive is damaged or truncated: {message}")]
    Corrupt { path: PathBuf, message: String },
    /// Also used for well-formed entries using a feature Footprint does not read (encryption,
    /// an exotic compression method, sparse tar files): `why` says which.
    #[error("{path}: refused entry `{entry}`: {why}")]
    UnsafeEntry {
        path: PathBuf,
        entry: String,
        why: &'static str,
    },
    #[error("{path}: refused: {message}")]
    LimitExceeded { path: PathBuf, message: String },
}

/// Where an entry's bytes live.
pub(crate) enum Location {
    Zip {
        zip: usize,
        member: usize,
        crc32: u32,
    },
    Tar {
        tar: usize,
        at: TarMember,
    },
    File {
        file: PathBuf,
    },
}

/// The merged, read-only view of one export. Cheap to list; opens streams on demand.
pub struct ArchiveView {
    sources: Vec<PathBuf>,
    entries: Vec<Entry>,
    locations: Vec<Location>,
    zips: Vec<ZipContainer>,
    tars: Vec<TarContainer>,
    junk: usize,
    damaged: Vec<(usize, String)>,
}

/// What the user reads about a damaged part of an export (a nested zip that cannot be opened,
/// a CRC error, a stream cut short): that part only is lost, and how to get it back.
pub fn damaged_part_message(what: &str) -> String {
    format!("this part of the export is damaged: {what}; re-download it")
}

/// The container kinds told apart by their first bytes.
enum ContainerKind {
    Zip,
    Tar { gzip: bool },
    Folder,
    /// A bare text export that is one file (an Android WhatsApp chat, `WhatsApp Chat with
    /// NAME.txt`; a lone `user_data.json`): a tree of one entry.
    LooseFile,
}

/// Extensions of exports that come as one bare file.
const LOOSE_FILE_EXT: &[&str] = &["txt", "json", "csv", "js"];

fn sniff(path: &Path) -> Result<(ContainerKind, Option<Blob>), ArchiveError> {
    let io_err = |source| ArchiveError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io_err)?;
    if meta.is_dir() {
        return Ok((ContainerKind::Folder, None));
    }
    let file = File::open(path).map_err(io_err)?;
    let blob = Blob::from_file(file).map_err(io_err)?;
    let mut head = vec![0u8; 512];
    let n = checked_read::read_up_to(&mut blob.reader(), &mut head).map_err(io_err)?;
    head.truncate(n);
    let kind = if zip_source::has_zip_magic(&head) {
        ContainerKind::Zip
    } else if head.starts_with(b"\x1f\x8b") {
        // Only a gzip-compressed tar is an export; a lone `.json.gz` is not.
        match tar_source::gunzip_head(&blob, 512) {
            Ok(inner) if tar_source::has_tar_magic(&inner) => ContainerKind::Tar { gzip: true },
            Ok(_) => {
                return Err(ArchiveError::UnknownFormat {
                    path: path.to_path_buf(),
                })
            }
            Err(e) => {
                return Err(ArchiveError::Corrupt {
                    path: path.to_path_buf(),
                    message: format!("gzip: {e}"),
                })
            }
        }
    } else if tar_source::has_tar_magic(&head) {
        ContainerKind::Tar { gzip: false }
    } else if path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| LOOSE_FILE_EXT.iter().any(|x| e.eq_ignore_ascii_case(x)))
        && n > 0
    {
        ContainerKind::LooseFile
    } else {
        return Err(ArchiveError::UnknownFormat {
            path: path.to_path_buf(),
        });
    };
    Ok((kind, Some(blob)))
}

impl ArchiveView {
    /// Open the given paths as ONE export (several paths = part-zips of one export).
    /// Junk (`__MACOSX/`, `._*`, `.DS_Store`, `Thumbs.db`, `desktop.ini`) is dropped; directories
    /// are not entries. Validates every name and every limit before returning: a hostile archive
    /// returns an error and nothing has been read into the store.
    pub fn open(paths: &[PathBuf], limits: &Limits) -> Result<ArchiveView, ArchiveError> {
        let mut listing = Listing::new(limits);
        let mut zips = Vec::new();
        let mut tars = Vec::new();
        for path in paths {
            match sniff(path)? {
                (ContainerKind::Folder, _) => {
                    folder_source::list_folder(&mut listing, &mut zips, path)?
                }
                (ContainerKind::LooseFile, _) => folder_source::list_single_file(&mut listing, path)?,
                (ContainerKind::Zip, Some(blob)) => {
                    zip_source::list_zip(&mut listing, &mut zips, path, "", blob, 0)?
                }
                (ContainerKind::Tar { gzip }, Some(blob)) => {
                    tar_source::list_tar(&mut listing, &mut tars, &mut zips, path, blob, gzip)?
                }
                (_, None) => unreachable!("sniff returns a blob for every file container"),
            }
        }
        Ok(ArchiveView {
            sources: paths.to_vec(),
            entries: listing.entries,
            locations: listing.locations,
            zips,
            tars,
            junk: listing.junk,
            damaged: listing.damaged,
        })
    }

    /// All files, in storage order (the order that streams fastest).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Index of the first entry whose path ends with `suffix` (compared by whole components,
    /// case-insensitive).
    pub fn find_suffix(&self, suffix: &str) -> Option<usize> {
        self.entries
            .iter()
            .position(|e| names::ends_with_components(&e.path, suffix))
    }

    fn out_of_range(&self, index: usize) -> ArchiveError {
        ArchiveError::Io {
            path: self.sources.first().cloned().unwrap_or_default(),
            source: io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "entry index {index} out of range ({} entries)",
                    self.entries.len()
                ),
            ),
        }
    }

    /// Stream one entry. The reader fails with an error if the entry inflates past its declared
    /// size (lying headers) or the data is corrupt.
    pub fn open_entry(&self, index: usize) -> Result<Box<dyn Read + '_>, ArchiveError> {
        let entry = self
            .entries
            .get(index)
            .ok_or_else(|| self.out_of_range(index))?;
        Ok(match &self.locations[index] {
            Location::Zip { zip, member, .. } => Box::new(self.zips[*zip].open_member(*member)?),
            Location::Tar { tar, at } => {
                let c = &self.tars[*tar];
                Box::new(c.open_member(*at, entry.size, self.label(index))?)
            }
            Location::File { file } => Box::new(folder_source::open_file(
                file,
                self.label(index),
                entry.size,
            )?),
        })
    }

    /// Prefix of stream errors: `archive: entry` for tar, the file's own path for folders.
    fn label(&self, index: usize) -> String {
        match &self.locations[index] {
            Location::Tar { tar, .. } => {
                format!(
                    "{}: {}",
                    self.tars[*tar].path().display(),
                    self.entries[index].path
                )
            }
            Location::File { file } => file.display().to_string(),
            Location::Zip { zip, member, .. } => self.zips[*zip].label(*member),
        }
    }

    /// Read at most `max` bytes of an entry (for recognizers and small files).
    pub fn read_head(&self, index: usize, max: usize) -> Result<Vec<u8>, ArchiveError> {
        let entry = self
            .entries
            .get(index)
            .ok_or_else(|| self.out_of_range(index))?;
        let mut out = vec![0u8; max.min(entry.size as usize)];
        let mut r = self.open_entry(index)?;
        let n =
            checked_read::read_up_to(&mut r, &mut out).map_err(|e| self.stream_error(index, e))?;
        out.truncate(n);
        Ok(out)
    }

    fn stream_error(&self, index: usize, e: io::Error) -> ArchiveError {
        let path = match &self.locations[index] {
            Location::Zip { zip, .. } => self.zips[*zip].origin().to_path_buf(),
            Location::Tar { tar, .. } => self.tars[*tar].path().to_path_buf(),
            Location::File { file } => file.clone(),
        };
        // Stream errors already start with the archive's name; say it once.
        let shown = e.to_string();
        let prefix = format!("{}: ", path.display());
        let message = shown
            .strip_prefix(&prefix)
            .map(str::to_string)
            .unwrap_or(shown);
        ArchiveError::Corrupt { path, message }
    }

    /// Visit the given entries in storage order with a stream each (one pass for tar).
    ///
    /// An entry that cannot be opened (bad local header, encrypted) reaches `f` as a reader that
    /// fails on first read, so one broken file does not abort the others; errors of the
    /// container itself (a tar stream that breaks) and errors returned by `f` stop the visit.
    pub fn for_each<F>(&self, indices: &[usize], mut f: F) -> Result<(), ArchiveError>
    where
        F: FnMut(usize, &mut dyn Read) -> Result<(), ArchiveError>,
    {
        let mut wanted = indices.to_vec();
        wanted.sort_unstable();
        wanted.dedup();
        if let Some(&bad) = wanted.iter().find(|&&i| i >= self.entries.len()) {
            return Err(self.out_of_range(bad));
        }
        let mut i = 0;
        while i < wanted.len() {
            if let Location::Tar { tar, .. } = self.locations[wanted[i]] {
                // Tar entries of one container are contiguous in the listing: one pass each.
                let mut run = Vec::new();
                while let Some(&idx) = wanted.get(i) {
                    match self.locations[idx] {
                        Location::Tar { tar: t, at } if t == tar => run.push((idx, at.ordinal)),
                        _ => break,
                    }
                    i += 1;
                }
                self.tars[tar].visit(&run, &self.entries, &mut f)?;
                continue;
            }
            let index = wanted[i];
            match self.open_entry(index) {
                Ok(mut r) => f(index, &mut r)?,
                Err(e) => {
                    let mut r = FailedOpen(Some(io::Error::new(
                        io::ErrorKind::InvalidData,
                        e.to_string(),
                    )));
                    f(index, &mut r)?
                }
            }
            i += 1;
        }
        Ok(())
    }

    /// Sum of declared inflated sizes.
    pub fn total_bytes(&self) -> u64 {
        self.entries.iter().map(|e| e.size).sum()
    }

    /// Stable fingerprint of the export's content listing (names, sizes, CRCs where known),
    /// independent of the container's file name: the same export imported twice has the same.
    pub fn fingerprint(&self) -> u64 {
        let mut rows: Vec<(&str, u64, Option<u32>)> = self
            .entries
            .iter()
            .zip(&self.locations)
            .map(|(e, l)| {
                let crc = match l {
                    Location::Zip { crc32, .. } => Some(*crc32),
                    _ => None,
                };
                (e.path.as_str(), e.size, crc)
            })
            .collect();
        rows.sort_unstable();
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for (path, size, crc) in rows {
            // Length-prefixed fields: no two listings serialize to the same bytes.
            h.update(&(path.len() as u64).to_le_bytes());
            h.update(path.as_bytes());
            h.update(&size.to_le_bytes());
            match crc {
                Some(c) => {
                    h.update(&[1]);
                    h.update(&c.to_le_bytes());
                }
                None => h.update(&[0]),
            }
        }
        h.digest()
    }

    /// Newest modification time among entries.
    pub fn newest_modified(&self) -> Option<i64> {
        self.entries.iter().filter_map(|e| e.modified).max()
    }

    /// Files given on the command line.
    pub fn sources(&self) -> &[PathBuf] {
        &self.sources
    }

    /// Whether this is Footprint's invented demo data (it carries [`names::DEMO_MARKER`]).
    pub fn is_demo(&self) -> bool {
        self.entries.iter().any(|e| names::is_demo_marker(&e.path))
    }

    /// Entries that are damaged parts of the export, with what is wrong: a nested zip that
    /// cannot be opened is listed as one plain file (its contents are unknown); the runner
    /// reports it as a failed file and imports the rest.
    pub fn damaged(&self) -> &[(usize, String)] {
        &self.damaged
    }

    /// Number of junk entries dropped.
    pub fn junk_dropped(&self) -> usize {
        self.junk
    }
}

/// The view is shared with worker threads by the runner and the desktop app.
#[allow(dead_code)]
fn assert_send_sync() {
    fn is<T: Send + Sync>() {}
    is::<ArchiveView>();
}
