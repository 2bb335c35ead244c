//! Indexed, not understood: the text of files that no parser claims is still made searchable,
//! so nothing in an export is invisible.
//!
//! After every importer has classified the files by name and by content ([`crate::plan`]), an
//! unknown file whose content is JSON, NDJSON, JS-wrapped JSON or CSV gets
//! [`FileRole::Index`](crate::importer::FileRole::Index) and is read here, for every platform
//! alike: one record per list element, per small object or per CSV row, with a readable title
//! taken from its keys and its values in the body (for full-text search). Nothing is guessed
//! about what the data means: records carry kind [`INDEXED_JSON`] or [`INDEXED_CSV`], the
//! category [`Category::Unclassified`](crate::model::Category::Unclassified), no date and no
//! company, and the import report counts these files as indexed, apart from the parsed
//! ("understood") ones.
//!
//! Memory stays flat: JSON is walked by [`crate::formats::json_walk`] (one list element in
//! memory at a time), NDJSON one line at a time, CSV one row at a time, and every title and
//! body is bounded ([`flatten`]).

mod csv;
pub mod flatten;
mod json;

use crate::formats::{js_wrapped, strip_bom};
use crate::importer::{ImportCx, ParseError};
use std::io::Read;

/// Record kind of an indexed JSON value (JSON, NDJSON or JS-wrapped file).
pub const INDEXED_JSON: &str = "indexed_json";
/// Record kind of an indexed CSV row.
pub const INDEXED_CSV: &str = "indexed_csv";

/// Reader tags, as [`FileRole::Index`](crate::importer::FileRole::Index) carries them.
pub mod reader {
    pub const JSON: &str = "json";
    pub const NDJSON: &str = "ndjson";
    pub const JS_WRAPPED: &str = "js_wrapped";
    pub const CSV: &str = "csv";
    pub const TSV: &str = "tsv";
}

fn extension(path: &str) -> Option<String> {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())
}

/// Which reader indexes the file at `path` whose first bytes are `head`, or `None` when it is
/// not JSON or CSV text (HTML, plain text, binary). Decided by content first: a `.json` file
/// that is one object per line is NDJSON, a `.js` file is indexed only when it is a
/// `window.… =` assignment.
pub fn reader_for(path: &str, head: &[u8]) -> Option<&'static str> {
    let ext = extension(path);
    let text = strip_bom(head);
    if text.contains(&0) {
        return None; // binary
    }
    if js_wrapped::global_name(text).is_some() {
        return Some(reader::JS_WRAPPED);
    }
    let first = text.iter().copied().find(|b| !b.is_ascii_whitespace());
    let json_like = matches!(first, Some(b'{' | b'['));
    match ext.as_deref() {
        Some("ndjson" | "jsonl") if json_like => Some(reader::NDJSON),
        Some("json") | None if json_like => Some(if looks_like_ndjson(text) {
            reader::NDJSON
        } else {
            reader::JSON
        }),
        Some("csv") if !crate::formats::csv_table::header_of(head).is_empty() => Some(reader::CSV),
        Some("tsv") if text.contains(&b'\t') => Some(reader::TSV),
        _ => None,
    }
}

/// Several JSON objects one per line (`{...}\n{...}`): the first line is a whole value and the
/// next non-blank line starts another.
fn looks_like_ndjson(text: &[u8]) -> bool {
    let start = text.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(0);
    let rest = &text[start..];
    let Some(nl) = rest.iter().position(|b| *b == b'\n') else {
        return false;
    };
    let line = &rest[..nl];
    let next = rest[nl + 1..].iter().copied().find(|b| !b.is_ascii_whitespace());
    line.first() == Some(&b'{')
        && next == Some(b'{')
        && serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok()
}

/// Index one file with the reader named by `tag` (from [`reader_for`]).
pub fn index_file(tag: &str, reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(mut reader) = crate::formats::non_empty(reader, cx)? else {
        return Ok(());
    };
    match tag {
        reader::JSON => json::index_json(&mut reader, cx),
        reader::NDJSON => json::index_ndjson(&mut reader, cx),
        reader::JS_WRAPPED => {
            let mut inner = js_wrapped::unwrap(reader).map_err(|e| {
                ParseError::Structure(format!("{}: {e}", cx.file))
            })?;
            json::index_json(&mut inner, cx)
        }
        reader::CSV => csv::index_csv(reader, b',', cx),
        reader::TSV => csv::index_csv(reader, b'\t', cx),
        other => Err(ParseError::Other(format!("{}: no indexer named `{other}`", cx.file))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readers_are_chosen_by_content() {
        assert_eq!(reader_for("a/x.json", b"\xEF\xBB\xBF  {\"a\": 1}"), Some(reader::JSON));
        assert_eq!(reader_for("a/x.json", b"[1, 2"), Some(reader::JSON));
        assert_eq!(reader_for("a/x.json", b"{\"a\": 1}\n{\"a\": 2}\n"), Some(reader::NDJSON));
        // A pretty-printed object is not NDJSON even though it spans lines.
        assert_eq!(reader_for("a/x.json", b"{\n  \"a\": 1\n}\n"), Some(reader::JSON));
        assert_eq!(reader_for("a/x.jsonl", b"{\"a\": 1}"), Some(reader::NDJSON));
        assert_eq!(reader_for("a/x.js", b"window.YTD.thing.part0 = ["), Some(reader::JS_WRAPPED));
        assert_eq!(reader_for("a/x.js", b"function f() {}"), None);
        assert_eq!(reader_for("a/x.csv", b"Name,Value\nx,1\n"), Some(reader::CSV));
        assert_eq!(reader_for("a/x.tsv", b"Name\tValue\n"), Some(reader::TSV));
        assert_eq!(reader_for("a/x", b"{\"a\": 1}"), Some(reader::JSON));
        // HTML stays for the HTML parsers; text, binary and broken heads are not indexed.
        assert_eq!(reader_for("a/x.html", b"<html>{"), None);
        assert_eq!(reader_for("a/x.json", b"<html>"), None);
        assert_eq!(reader_for("a/x.txt", b"hello"), None);
        assert_eq!(reader_for("a/x.json", b"{\x00\x01"), None);
    }
}
