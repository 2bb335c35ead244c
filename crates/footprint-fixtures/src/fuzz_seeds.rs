//! Seed corpora of the fuzz targets (`fuzz/`, docs/FUZZING.md), cut from the generators'
//! exports at run time (nothing is committed): the containers themselves for the archive
//! reader, their files sorted by format for each format reader, dates as pages print them for
//! the date parsers, and each export's files joined into one input for the full import.
//!
//! The import target's input is the entries of an export, `NAME\nBYTES` joined by
//! [`ENTRY_SEPARATOR`]: the target packs them into a zip, so a mutation changes a file's
//! content or name, not the zip's checksums (which would only exercise the archive reader).

use crate::archive_writer::{ArchiveWriter, Container};
use crate::demo::{GENERATORS, VARIANTS};
use crate::html_dates::{self, Lang};
use std::collections::BTreeMap;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Separates entries in the import target's input.
pub const ENTRY_SEPARATOR: &[u8] = b"\n\x00--footprint-entry--\x00\n";

/// Seeds larger than this are left out: libFuzzer mutates small inputs many times faster, and
/// the generators' smallest exports already hold every structure.
const MAX_SEED_BYTES: usize = 192 << 10;

/// Split an import input into `(name, bytes)` entries (a block without a newline is a name
/// with no content).
pub fn split_entries(data: &[u8]) -> Vec<(String, &[u8])> {
    let mut out = Vec::new();
    let mut rest = data;
    loop {
        let (block, next) = match find(rest, ENTRY_SEPARATOR) {
            Some(at) => (&rest[..at], Some(&rest[at + ENTRY_SEPARATOR.len()..])),
            None => (rest, None),
        };
        let (name, bytes) = match block.iter().position(|b| *b == b'\n') {
            Some(nl) => (&block[..nl], &block[nl + 1..]),
            None => (block, &[][..]),
        };
        out.push((String::from_utf8_lossy(name).into_owned(), bytes));
        match next {
            Some(n) => rest = n,
            None => return out,
        }
    }
}

/// The inverse of [`split_entries`].
pub fn join_entries<'a>(entries: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, (name, bytes)) in entries.into_iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(ENTRY_SEPARATOR);
        }
        out.extend_from_slice(name.as_bytes());
        out.push(b'\n');
        out.extend_from_slice(bytes);
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The fuzz target a file of an export seeds, by its name and content.
fn target_of(name: &str, bytes: &[u8]) -> Option<&'static str> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
    Some(match ext.as_str() {
        "json" if is_ndjson(bytes) => "ndjson",
        "json" => "json_stream",
        "js" => "js_wrapped",
        "csv" => "csv",
        "html" | "htm" => "html",
        "txt" => "chat_text",
        _ => return None,
    })
}

/// More than one line, each an object.
fn is_ndjson(bytes: &[u8]) -> bool {
    let lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').filter(|l| !l.is_empty()).collect();
    lines.len() > 1 && lines.iter().all(|l| l.starts_with(b"{"))
}

/// Every file of the export at `path` (a zip, a folder of zips, a .tgz), nested zips opened.
fn export_files(path: &Path, out: &mut Vec<(String, Vec<u8>)>) -> io::Result<()> {
    if path.is_dir() {
        let mut children: Vec<PathBuf> = std::fs::read_dir(path)?
            .map(|e| e.map(|e| e.path()))
            .collect::<io::Result<_>>()?;
        children.sort();
        for child in children {
            export_files(&child, out)?;
        }
        return Ok(());
    }
    let bytes = std::fs::read(path)?;
    if bytes.starts_with(b"PK") {
        zip_files("", &bytes, out)
    } else {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        out.push((name, bytes));
        Ok(())
    }
}

fn zip_files(prefix: &str, bytes: &[u8], out: &mut Vec<(String, Vec<u8>)>) -> io::Result<()> {
    let mut zip = zip::ZipArchive::new(io::Cursor::new(bytes)).map_err(io::Error::other)?;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(io::Error::other)?;
        if f.is_dir() {
            continue;
        }
        let name = format!("{prefix}{}", f.name().map_err(io::Error::other)?);
        let mut content = Vec::new();
        f.read_to_end(&mut content)?;
        if name.to_ascii_lowercase().ends_with(".zip") {
            zip_files(&format!("{name}/"), &content, out)?;
        } else {
            out.push((name, content));
        }
    }
    Ok(())
}

/// Dates as exports print them, for the `dates` target: every language of the HTML pages at
/// a few instants (before and after 2018, when Google started writing a zone), ISO forms and
/// epoch numbers.
fn date_seeds() -> Vec<String> {
    let instants = [1_520_529_280_000_i64, 1_425_000_000_123, 1_709_373_600_000];
    let mut out = Vec::new();
    for ms in instants {
        for lang in Lang::ALL {
            out.push(html_dates::google(ms, lang));
            out.push(html_dates::meta(ms, lang));
        }
        out.push(ms.to_string());
        out.push((ms / 1000).to_string());
    }
    out.extend(
        [
            "2018-03-08T17:14:40.123Z",
            "2018-03-08 17:14:40 UTC",
            "2018-03-08T17:14:40+01:00",
            "03/08/2018 5:14 PM",
            "25/03/2018, 17:14",
            "2018-03-08",
        ]
        .map(String::from),
    );
    out
}

/// Write the seeds under `dir/<target>/`, using `scratch` for the generated exports. Returns
/// how many seeds each target got.
pub fn write_seeds(dir: &Path, scratch: &Path) -> io::Result<BTreeMap<&'static str, usize>> {
    let mut counts = BTreeMap::new();
    let mut put = |target: &'static str, name: &str, bytes: &[u8]| -> io::Result<()> {
        if bytes.len() > MAX_SEED_BYTES {
            return Ok(());
        }
        let folder = dir.join(target);
        std::fs::create_dir_all(&folder)?;
        let safe: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '_' })
            .collect();
        std::fs::write(folder.join(safe), bytes)?;
        *counts.entry(target).or_insert(0) += 1;
        Ok(())
    };
    let writers = GENERATORS
        .iter()
        .map(|g| (g.id, g.write))
        .chain(VARIANTS.iter().map(|v| (v.id, v.write)));
    for (id, write) in writers {
        let out = scratch.join(id);
        std::fs::create_dir_all(&out)?;
        let written = write(&out.join(format!("{id}.zip")), 7, Some(3))?;
        let mut files = Vec::new();
        for path in &written {
            if path.is_file() {
                let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
                put("archive", &format!("{id}-{file}"), &std::fs::read(path)?)?;
            }
            export_files(path, &mut files)?;
        }
        for (n, (name, bytes)) in files.iter().enumerate() {
            if let Some(target) = target_of(name, bytes) {
                put(target, &format!("{id}-{n}-{name}"), bytes)?;
            }
        }
        let joined = join_entries(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
        put("import", id, &joined)?;
        // The same export as a .tgz, for the tar reader.
        if id == "x" {
            let tgz = out.join("x.tgz");
            let mut w = ArchiveWriter::new(&tgz, Container::Tgz)?;
            for (name, bytes) in &files {
                w.add(name, bytes)?;
            }
            w.finish()?;
            put("archive", "x.tgz", &std::fs::read(&tgz)?)?;
        }
    }
    for (n, date) in date_seeds().iter().enumerate() {
        put("dates", &format!("date-{n}"), date.as_bytes())?;
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_split_as_they_were_joined() {
        let entries: [(&str, &[u8]); 3] = [("a/b.json", b"[1]\n"), ("empty.txt", b""), ("c.csv", b"x,y\n1,2")];
        let joined = join_entries(entries);
        let split = split_entries(&joined);
        let back: Vec<(&str, &[u8])> = split.iter().map(|(n, b)| (n.as_str(), *b)).collect();
        assert_eq!(back, entries);
    }

    #[test]
    fn every_target_gets_seeds() {
        let dir = tempfile::tempdir().unwrap();
        let counts = write_seeds(&dir.path().join("corpus"), &dir.path().join("scratch")).unwrap();
        for target in ["archive", "json_stream", "ndjson", "js_wrapped", "csv", "html", "chat_text", "dates", "import"] {
            assert!(counts.get(target).copied().unwrap_or(0) > 0, "no seeds for {target}: {counts:?}");
        }
    }
}
