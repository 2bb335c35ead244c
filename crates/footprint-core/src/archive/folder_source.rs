//! Unpacked folders: walked in sorted order (deterministic listings), without following
//! symbolic links: a link inside an export folder is refused, since following it could read
//! files far outside the export (`~/.ssh`) into the index. Zips found in the folder are opened
//! in place as nested archives (depth 1), like zips inside a zip.

use super::blob::Blob;
use super::checked_read::CheckedReader;
use super::listing::Listing;
use super::names::{is_junk, is_zip_name};
use super::zip_source::{has_zip_magic, list_nested_zip, ZipContainer};
use super::{ArchiveError, Entry, Location};
use std::fs::{self, File};
use std::io::{self, BufReader, Read};
use std::path::Path;

pub(crate) fn list_folder(
    listing: &mut Listing<'_>,
    zips: &mut Vec<ZipContainer>,
    root: &Path,
) -> Result<(), ArchiveError> {
    walk(listing, zips, root, root, "")
}

fn io_error(path: &Path, source: io::Error) -> ArchiveError {
    ArchiveError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn walk(
    listing: &mut Listing<'_>,
    zips: &mut Vec<ZipContainer>,
    root: &Path,
    dir: &Path,
    rel: &str,
) -> Result<(), ArchiveError> {
    let mut children = Vec::new();
    for child in fs::read_dir(dir).map_err(|e| io_error(dir, e))? {
        let child = child.map_err(|e| io_error(dir, e))?;
        children.push(child);
    }
    children.sort_by_key(|c| c.file_name());
    listing.count_raw(root, children.len())?;

    for child in children {
        let name = child.file_name().to_string_lossy().into_owned();
        let path = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        // DirEntry::file_type does not follow links: a link is seen as a link.
        let kind = child.file_type().map_err(|e| io_error(&child.path(), e))?;
        let refuse = |why| ArchiveError::UnsafeEntry {
            path: root.to_path_buf(),
            entry: path.clone(),
            why,
        };
        if kind.is_symlink() {
            return Err(refuse("symbolic link (links are not followed)"));
        }
        if kind.is_dir() {
            walk(listing, zips, root, &child.path(), &path)?;
            continue;
        }
        if !kind.is_file() {
            return Err(refuse("special file (device, fifo or socket)"));
        }
        if is_junk(&path) {
            listing.junk += 1;
            continue;
        }
        let meta = child.metadata().map_err(|e| io_error(&child.path(), e))?;
        let size = meta.len();
        listing.check_entry(root, &path, size, size)?;
        let file = child.path();
        let mut damaged = None;
        if is_zip_name(&path) {
            if let Some(blob) = zip_file_blob(&file)? {
                if listing.limits.max_nesting == 0 {
                    return Err(ArchiveError::LimitExceeded {
                        path: root.to_path_buf(),
                        message: format!("`{path}` is an archive inside the export, and nested archives are not allowed (max_nesting is 0)"),
                    });
                }
                match list_nested_zip(listing, zips, root, &path, blob, 1)? {
                    None => continue,
                    Some(what) => damaged = Some(what),
                }
            }
        }
        let modified = meta
            .modified()
            .ok()
            .map(|t| chrono::DateTime::<chrono::Utc>::from(t).timestamp_millis());
        listing.push(
            Entry {
                path,
                size,
                compressed: size,
                modified,
            },
            Location::File { file },
        );
        if let Some(what) = damaged {
            listing.mark_last_damaged(what);
        }
    }
    Ok(())
}

/// One bare file as a tree of one entry, named by its file name.
pub(crate) fn list_single_file(listing: &mut Listing<'_>, file: &Path) -> Result<(), ArchiveError> {
    listing.count_raw(file, 1)?;
    let meta = fs::metadata(file).map_err(|e| io_error(file, e))?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    listing.check_entry(file, &name, meta.len(), meta.len())?;
    let modified = meta
        .modified()
        .ok()
        .map(|t| chrono::DateTime::<chrono::Utc>::from(t).timestamp_millis());
    listing.push(
        Entry {
            path: name,
            size: meta.len(),
            compressed: meta.len(),
            modified,
        },
        Location::File {
            file: file.to_path_buf(),
        },
    );
    Ok(())
}

/// The file as a blob when it really is a zip (by its magic bytes), else `None`.
fn zip_file_blob(file: &Path) -> Result<Option<Blob>, ArchiveError> {
    let mut f = File::open(file).map_err(|e| io_error(file, e))?;
    let mut head = [0u8; 4];
    let n = f.read(&mut head).map_err(|e| io_error(file, e))?;
    if !has_zip_magic(&head[..n]) {
        return Ok(None);
    }
    Blob::from_file(f).map(Some).map_err(|e| io_error(file, e))
}

/// A buffered stream of a folder file, held to the size seen when listing (a file that grows
/// while we read it is reported, not silently read further).
pub(crate) fn open_file(
    file: &Path,
    label: String,
    size: u64,
) -> Result<CheckedReader<BufReader<File>>, ArchiveError> {
    let f = File::open(file).map_err(|e| io_error(file, e))?;
    Ok(CheckedReader::new(
        BufReader::with_capacity(64 << 10, f),
        label,
        size,
        None,
    ))
}
