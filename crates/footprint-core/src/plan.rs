//! The plan stage of an import: what happens to every file of an archive.
//!
//! Files are first classified by name and folder ([`Importer::classify`], free). A text file
//! that no name rule knows is then offered by content ([`Importer::classify_content`]): its
//! first [`HEAD_BYTES`] are read in one pass over the archive (one pass even for a `.tgz`),
//! so a known key set, CSV header or `window.YTD.…` prefix under an older or localized file
//! name is still parsed. A file that is still unknown after that but whose content is JSON,
//! NDJSON, JS-wrapped JSON or CSV is indexed generically ([`crate::indexing`]): nothing in an
//! export is invisible, and the report tells these files ("indexed, not understood") from the
//! parsed ones. The runner and the in-memory test harness share these functions, so tests see
//! exactly what imports do.

use crate::archive::ArchiveView;
use crate::importer::{FileRole, ImportCx, Importer, ParseError};
use std::io::Read;

/// How much of an unknown file is read to recognize its content.
pub const HEAD_BYTES: usize = 8 * 1024;

/// File extensions whose content is worth sniffing (text formats the readers understand).
const SNIFFABLE: &[&str] = &["json", "js", "csv", "txt", "ndjson", "jsonl", "tsv", "html", "htm"];

fn sniffable(path: &str) -> bool {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext {
        Some(e) => SNIFFABLE.contains(&e.as_str()),
        // No extension: small text files without one exist (Discord, WhatsApp on some phones).
        None => true,
    }
}

/// Why the demo marker is not imported.
pub const DEMO_SKIP: &str = "marks Footprint's invented demo data";

/// The role of every entry of `view`, in entry order.
pub fn plan(view: &ArchiveView, importer: &dyn Importer) -> Vec<FileRole> {
    let mut roles: Vec<FileRole> = view
        .entries()
        .iter()
        .map(|e| {
            if crate::archive::is_demo_marker(&e.path) {
                FileRole::Skip(DEMO_SKIP)
            } else {
                importer.classify(&e.path)
            }
        })
        .collect();
    let unknown: Vec<usize> = roles
        .iter()
        .enumerate()
        .filter(|(i, r)| {
            **r == FileRole::Unknown
                && view.entries()[*i].size > 0
                && sniffable(&view.entries()[*i].path)
        })
        .map(|(i, _)| i)
        .collect();
    if unknown.is_empty() {
        return roles;
    }
    let mut head = Vec::with_capacity(HEAD_BYTES);
    // A file that cannot be read stays unknown here; the import reports the damage.
    let _ = view.for_each(&unknown, |i, reader| {
        head.clear();
        if reader
            .take(HEAD_BYTES as u64)
            .read_to_end(&mut head)
            .is_ok()
        {
            let path = &view.entries()[i].path;
            if let Some(role) = importer.classify_content(path, &head) {
                roles[i] = role;
            } else if let Some(reader) = crate::indexing::reader_for(path, &head) {
                roles[i] = FileRole::Index(reader);
            }
        }
        Ok(())
    });
    roles
}

/// Read one file as its role says: a parser of the importer, or the shared indexer. Files of
/// other roles are not read.
pub fn read_file(
    importer: &dyn Importer,
    role: &FileRole,
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    match role {
        FileRole::Parse(parser) => importer.import_file(parser, reader, cx),
        FileRole::Index(tag) => crate::indexing::index_file(tag, reader, cx),
        FileRole::Skip(_) | FileRole::Unknown => Ok(()),
    }
}

/// Whether the file is read at all (parsed or indexed).
pub fn is_read(role: &FileRole) -> bool {
    matches!(role, FileRole::Parse(_) | FileRole::Index(_))
}
