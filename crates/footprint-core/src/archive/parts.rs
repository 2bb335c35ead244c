//! Grouping of part files: exports too large for one file are split into numbered parts
//! (`takeout-20220921T133717Z-001.zip`, `-002.zip`; newer Takeout `takeout-<ts>Z-1-001.zip`),
//! and the parts of one export are opened together as one tree.

use std::path::{Path, PathBuf};

/// The group key and sort key of a part file: `(prefix, extension)` and the part numbers.
/// `None` for a file that is not named like a part. The folder is not part of the key: parts
/// downloaded to different folders are still one export.
fn part_key(path: &Path) -> Option<((String, String), (u32, u32))> {
    let name = path.file_name()?.to_str()?;
    let lower = name.to_ascii_lowercase();
    let ext = [".zip", ".tgz", ".tar.gz"]
        .into_iter()
        .find(|e| lower.ends_with(e))?;
    let stem = &name[..name.len() - ext.len()];
    // `<prefix>-NNN`: exactly three digits, as Takeout writes them.
    let (rest, part) = stem.rsplit_once('-')?;
    if part.len() != 3 || !part.bytes().all(|b| b.is_ascii_digit()) || rest.is_empty() {
        return None;
    }
    let part: u32 = part.parse().ok()?;
    // Newer Takeout adds an export-set number before the part: `<prefix>-1-001`. The sets of one
    // job share the timestamp prefix and belong to the same export.
    let (prefix, set) = match rest.rsplit_once('-') {
        Some((p, s))
            if !p.is_empty()
                && (1..=3).contains(&s.len())
                && s.bytes().all(|b| b.is_ascii_digit()) =>
        {
            (p, s.parse().ok()?)
        }
        _ => (rest, 0),
    };
    Some(((prefix.to_string(), ext.to_string()), (set, part)))
}

/// Group paths given together into exports: part files sharing a prefix form one group, sorted
/// by part number; any other path is its own group. Groups keep the order of their first path.
pub fn group_parts(paths: &[PathBuf]) -> Vec<Vec<PathBuf>> {
    type Key = (String, String);
    type Numbered = ((u32, u32), PathBuf);
    let mut groups: Vec<(Option<Key>, Vec<Numbered>)> = Vec::new();
    for p in paths {
        match part_key(p) {
            Some((key, num)) => {
                if let Some(g) = groups.iter_mut().find(|(k, _)| k.as_ref() == Some(&key)) {
                    g.1.push((num, p.clone()));
                } else {
                    groups.push((Some(key), vec![(num, p.clone())]));
                }
            }
            None => groups.push((None, vec![((0, 0), p.clone())])),
        }
    }
    groups
        .into_iter()
        .map(|(_, mut members)| {
            // Stable sort: equal numbers (the same path given twice) keep their order.
            members.sort_by_key(|(n, _)| *n);
            members.into_iter().map(|(_, p)| p).collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(v: &[&str]) -> Vec<PathBuf> {
        v.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn groups_numbered_parts_and_sorts_them() {
        let g = group_parts(&paths(&[
            "d/takeout-20220921T133717Z-002.zip",
            "d/other.zip",
            "d/takeout-20220921T133717Z-001.zip",
        ]));
        assert_eq!(
            g,
            vec![
                paths(&[
                    "d/takeout-20220921T133717Z-001.zip",
                    "d/takeout-20220921T133717Z-002.zip"
                ]),
                paths(&["d/other.zip"]),
            ]
        );
    }

    #[test]
    fn newer_takeout_sets_belong_to_one_export() {
        let g = group_parts(&paths(&[
            "takeout-20240301T101010Z-2-001.zip",
            "takeout-20240301T101010Z-1-002.zip",
            "takeout-20240301T101010Z-1-001.zip",
            "takeout-20240302T000000Z-1-001.zip",
        ]));
        assert_eq!(
            g,
            vec![
                paths(&[
                    "takeout-20240301T101010Z-1-001.zip",
                    "takeout-20240301T101010Z-1-002.zip",
                    "takeout-20240301T101010Z-2-001.zip",
                ]),
                paths(&["takeout-20240302T000000Z-1-001.zip"]),
            ]
        );
    }

    #[test]
    fn non_parts_stay_alone() {
        let g = group_parts(&paths(&[
            "photos-2023.zip",
            "f-01.zip",
            "dir",
            "x-001.json",
            "-001.zip",
        ]));
        assert_eq!(g.len(), 5, "{g:?}");
        // The folder does not matter, the prefix does.
        let g = group_parts(&paths(&["a/x-001.zip", "b/x-002.zip", "b/y-001.zip"]));
        assert_eq!(
            g,
            vec![
                paths(&["a/x-001.zip", "b/x-002.zip"]),
                paths(&["b/y-001.zip"])
            ]
        );
    }
}
