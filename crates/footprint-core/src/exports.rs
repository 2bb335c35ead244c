//! The detect stage before an import: which of the paths the user gave are which exports.
//!
//! Part files of one export (`takeout-…-001.zip`, `-002.zip`) go together
//! ([`group_parts`]). A folder is usually one export, unpacked; but people also drop a
//! "Downloads" folder holding several platforms' exports side by side (an X zip, a TikTok
//! zip, an unpacked Takeout). Such a mixed folder is split: when every non-junk child of the
//! folder is an export some importer recognizes on its own, and at least two of them are,
//! each child (its part files together) is imported as its own archive. Anything else stays
//! one export, as given.
//!
//! Some platforms deliver one export as several differently named archives (Amazon:
//! `Retail.OrderHistory.1.zip`, `Advertising.2.zip`, ...). Archives that the same importer
//! recognizes, with the same account (named by one of them at least), whose files do not
//! overlap, are pieces of ONE export ([`merge_pieces`]): given together they are opened
//! together, and a folder holding only such pieces stays one export. Two exports of one
//! account (a March and a June download) overlap in their file names and stay apart.

use crate::archive::{group_parts, is_junk, ArchiveView, Limits};
use crate::registry::{detect, Detection};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The exports among `paths`, each a list of paths to open together.
pub fn plan_exports(paths: &[PathBuf], limits: &Limits) -> Vec<Vec<PathBuf>> {
    let mut out = Vec::new();
    for group in merge_pieces(group_parts(paths), limits) {
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
    // Every child must be an export on its own; what it is (importer, account, files) is
    // read once and serves the merging of pieces too.
    let mut pieces = Vec::with_capacity(groups.len());
    for g in groups {
        let known = identify(&g, limits)?;
        pieces.push((g, Some(known)));
    }
    let exports = merge_known(pieces);
    (exports.len() >= 2).then_some(exports)
}

/// What one importer says a group of paths is: `(importer, account, logical file paths)`.
type Known = (&'static str, Option<String>, BTreeSet<String>);

/// What a group of paths is, for [`merge_pieces`].
struct Piece {
    /// The original groups merged into this one, in order.
    groups: Vec<Vec<PathBuf>>,
    /// What the group is, when one importer recognizes it.
    known: Option<Known>,
}

/// Merge the groups that are pieces of one export: the same importer recognizes each on its
/// own, their accounts agree, at least one of them names the account (Amazon's profile zip
/// does; chats exported one by one name none and stay apart), and no logical path is in two
/// of them. Archives and folders alike (an unpacked request is folders side by side). Groups
/// keep the order of their first piece.
pub fn merge_pieces(groups: Vec<Vec<PathBuf>>, limits: &Limits) -> Vec<Vec<PathBuf>> {
    if groups.len() < 2 {
        return groups;
    }
    let pieces = groups
        .into_iter()
        .map(|paths| {
            let known = if paths.iter().all(|p| p.is_dir() || is_archive_name(p)) {
                identify(&paths, limits)
            } else {
                None
            };
            (paths, known)
        })
        .collect();
    merge_known(pieces)
}

/// [`merge_pieces`] on groups already identified.
fn merge_known(pieces: Vec<(Vec<PathBuf>, Option<Known>)>) -> Vec<Vec<PathBuf>> {
    let mut merged: Vec<Piece> = Vec::new();
    for (paths, known) in pieces {
        let fits = |m: &Piece| match (&m.known, &known) {
            (Some((ia, aa, fa)), Some((ib, ab, fb))) => {
                ia == ib && (aa.is_none() || ab.is_none() || aa == ab) && fa.is_disjoint(fb)
            }
            _ => false,
        };
        match merged.iter_mut().find(|m| fits(m)) {
            Some(m) => {
                m.groups.push(paths);
                if let (Some((_, account, files)), Some((_, other, more))) = (&mut m.known, known) {
                    if account.is_none() {
                        *account = other;
                    }
                    files.extend(more);
                }
            }
            None => merged.push(Piece {
                groups: vec![paths],
                known,
            }),
        }
    }
    let mut out = Vec::new();
    for m in merged {
        let has_account = matches!(&m.known, Some((_, Some(_), _)));
        if has_account {
            out.push(m.groups.into_iter().flatten().collect());
        } else {
            out.extend(m.groups);
        }
    }
    out
}

/// The importer that recognizes `paths` on their own, its account and the logical paths.
fn identify(paths: &[PathBuf], limits: &Limits) -> Option<Known> {
    let view = ArchiveView::open(paths, limits).ok()?;
    let Detection::Found(c) = detect(&view) else {
        return None;
    };
    let importer = crate::registry::by_id(c.importer)?;
    let files = view
        .entries()
        .iter()
        .filter(|e| !crate::archive::is_demo_marker(&e.path))
        .map(|e| e.path.clone())
        .collect();
    Some((c.importer, importer.account(&view), files))
}

fn is_archive_name(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    [".zip", ".tgz", ".tar.gz", ".tar"]
        .iter()
        .any(|e| name.ends_with(e))
}
