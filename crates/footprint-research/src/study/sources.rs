//! What a study folder holds: one participant per donation file or raw export, and each
//! participant's id. A donation is a zip named `donation-<study>-<id>.zip` or holding a
//! consent record; anything else is a raw export as `footprint import` takes it (a zip, the
//! part-zips of one export together, a folder), its id made from its file name.

use super::donation_reader;
use super::PARTIAL_SUFFIX;
use crate::donation::format::{ids_from_file_name, ParticipantId};
use footprint_core::archive::{group_parts, is_junk};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Donation,
    Export,
}

/// One participant's input.
#[derive(Debug, Clone)]
pub struct Source {
    pub kind: SourceKind,
    pub paths: Vec<PathBuf>,
    /// The participant's id, or why there is none usable.
    pub id: Result<ParticipantId, String>,
    /// The study id the file name gives (donations named by the format).
    pub named_study: Option<ParticipantId>,
}

impl Source {
    /// The input's file names (its paths are the study folder's children), as the report
    /// names it: the dataset does not carry where the researcher keeps the inputs.
    pub fn label(&self) -> String {
        self.paths
            .iter()
            .map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(", ")
    }
    pub fn bytes(&self) -> u64 {
        self.paths.iter().map(|p| size_of(p)).sum()
    }
}

/// Bytes under `path` (a file, or a folder walked).
fn size_of(path: &Path) -> u64 {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => std::fs::read_dir(path)
            .map(|rd| rd.filter_map(|e| e.ok()).map(|e| size_of(&e.path())).sum())
            .unwrap_or(0),
        Ok(m) => m.len(),
        Err(_) => 0,
    }
}

/// The participants in `dir`, in file-name order, leaving out `dataset` (the output folder
/// may sit inside the input folder). Ids given twice, or reserved, are errors of the later
/// sources (the first keeps the id).
pub fn discover(dir: &Path, dataset: &Path) -> std::io::Result<Vec<Source>> {
    let dataset = dataset.canonicalize().ok();
    let mut children: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            !name.starts_with('.') && !is_junk(&name)
        })
        .map(|e| e.path())
        .filter(|p| dataset.is_none() || p.canonicalize().ok() != dataset)
        .collect();
    children.sort();
    let mut sources = Vec::new();
    let mut exports = Vec::new();
    for path in children {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if let Some((study, id)) = ids_from_file_name(&name) {
            sources.push(Source {
                kind: SourceKind::Donation,
                paths: vec![path],
                id: Ok(id),
                named_study: Some(study),
            });
        } else if path.is_file() && donation_reader::is_donation(&path) {
            let id = donation_reader::consent_of(&path).map(|c| c.participant_id);
            sources.push(Source {
                kind: SourceKind::Donation,
                paths: vec![path],
                id,
                named_study: None,
            });
        } else {
            exports.push(path);
        }
    }
    for group in group_parts(&exports) {
        let id = ParticipantId::new(&safe_id(&group[0]))
            .map_err(|e| format!("no participant id can be made from the file name: {e}"));
        sources.push(Source {
            kind: SourceKind::Export,
            paths: group,
            id,
            named_study: None,
        });
    }
    sources.sort_by(|a, b| a.paths.cmp(&b.paths));
    let mut first: BTreeMap<ParticipantId, String> = BTreeMap::new();
    for s in &mut sources {
        let Ok(id) = &s.id else { continue };
        if id.as_str().ends_with(PARTIAL_SUFFIX) {
            s.id = Err(format!("participant id `{id}` ends with `{PARTIAL_SUFFIX}`, which marks unfinished folders in the dataset"));
        } else if let Some(other) = first.get(id) {
            s.id = Err(format!("participant id `{id}` is also the id of {other}: rename one of them"));
        } else {
            first.insert(id.clone(), s.label());
        }
    }
    Ok(sources)
}

/// A participant id from a raw export's file name: its stem without the archive extension,
/// every character an id may not hold replaced by `_`, cut to 64 characters.
fn safe_id(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    let stem = [".tar.gz", ".tgz", ".zip", ".tar"]
        .iter()
        .find(|e| lower.ends_with(*e) && lower.len() > e.len())
        .map(|e| &name[..name.len() - e.len()])
        .unwrap_or(&name);
    stem.chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '.' { c } else { '_' })
        .take(64)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_export_names_are_safe_for_a_partition() {
        for (name, id) in [
            ("anna.zip", "anna"),
            ("takeout-20240302T100000Z-001.zip", "takeout_20240302T100000Z_001"),
            ("Mia Müller (2).tar.gz", "Mia_M_ller__2_"),
            ("folder", "folder"),
        ] {
            let got = safe_id(Path::new(name));
            assert_eq!(got, id);
            assert!(ParticipantId::new(&got).is_ok(), "{got}");
        }
        assert_eq!(safe_id(Path::new(&format!("{}.zip", "x".repeat(80)))).len(), 64);
    }

    #[test]
    fn a_repeated_or_reserved_id_fails_the_later_source_only() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.zip", "a.tgz", "b.partial.zip", "c.zip", ".hidden", "__MACOSX"] {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        // The dataset inside the folder it reads is no participant.
        std::fs::create_dir_all(dir.path().join("dataset")).unwrap();
        let sources = discover(dir.path(), &dir.path().join("dataset")).unwrap();
        let by_name: Vec<(String, Result<String, String>)> = sources
            .iter()
            .map(|s| (s.paths[0].file_name().unwrap().to_string_lossy().into_owned(), s.id.clone().map(|i| i.to_string())))
            .collect();
        assert_eq!(by_name.len(), 4, "{by_name:?}");
        assert_eq!(by_name[0], ("a.tgz".into(), Ok("a".into())));
        assert!(by_name[1].1.as_ref().unwrap_err().contains("also the id of"), "{by_name:?}");
        assert!(by_name[2].1.as_ref().unwrap_err().contains(".partial"), "{by_name:?}");
        assert_eq!(by_name[3].1, Ok("c".into()));
    }
}
