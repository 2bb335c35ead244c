//! The detect stage before an import: which of the paths the user gave are which exports.
//!
//! Part files of one export (`takeout-…-001.zip`, `-002.zip`) go together
//! ([`group_parts`]). A folder is usually one export, unpacked; but people also drop a
//! "Downloads" folder holding several platforms' exports side by side (an X zip, a TikTok
//! zip, an unpacked Takeout). Such a mixed folder is split: when every non-junk child of the
//! folder is an export some importer recognizes on its own, and at least two of them are,
//! each child (its part files together) is imported as its own archive. Anything else stays
//! one export, as given.

use crate::archive::{group_parts, is_junk, ArchiveView, Limits};
use crate::registry::{detect, Detection};
use std::path::{Path, PathBuf};

/// The exports among `paths`, each a list of paths to open together.
pub fn plan_exports(paths: &[PathBuf], limits: &Limits) -> Vec<Vec<PathBuf>> {
    let mut out = Vec::new();
    for group in group_parts(paths) {
        match group.as_slice() {
            [one] if one.is_dir() => match split_folder(one, limits) {
                Some(parts) => out.extend(parts),
                None => out.push(group),
            },
            _ => out.push(group),
        }
    }
    out
}

/// The exports of a mixed folder, or `None` when the folder is one export (or unreadable:
/// the import then reports the problem for the folder as a whole).
fn split_folder(dir: &Path, limits: &Limits) -> Option<Vec<Vec<PathBuf>>> {
    let mut children: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| !is_junk(&e.file_name().to_string_lossy()))
        .map(|e| e.path())
        .collect();
    children.sort();
    if children.len() < 2 {
        return None;
    }
    let groups = group_parts(&children);
    if groups.len() < 2 {
        return None;
    }
    // Cheap checks first: a loose data file at the top means the folder itself is the export
    // (LinkedIn and Reddit exports are flat folders of CSVs).
    let is_container = |p: &PathBuf| p.is_dir() || is_archive_name(p);
    if !groups.iter().all(|g| g.iter().all(is_container)) {
        return None;
    }
    for g in &groups {
        let view = ArchiveView::open(g, limits).ok()?;
        if !matches!(detect(&view), Detection::Found(_)) {
            return None;
        }
    }
    Some(groups)
}

fn is_archive_name(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    [".zip", ".tgz", ".tar.gz", ".tar"].iter().any(|e| name.ends_with(e))
}
