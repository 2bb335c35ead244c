//! Reading helpers shared by the Spotify parsers: every file of the export is JSON (one object
//! or one array); an empty file is a warning (Spotify writes 0-byte files for data it does not
//! have), anything unparseable is an error for that file only.

use crate::importer::{ImportCx, ParseError};
use serde_json::Value;
use std::io::Read;

/// Largest small file read whole (profile, library, playlists): a defence, not a real limit.
const MAX_SMALL_BYTES: u64 = 64 << 20;

/// The file's bytes, or `None` (with a warning) when it is empty or only whitespace.
pub fn non_empty(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<Option<Vec<u8>>, ParseError> {
    let mut bytes = Vec::new();
    reader.take(MAX_SMALL_BYTES).read_to_end(&mut bytes)?;
    if crate::formats::strip_bom(&bytes)
        .iter()
        .all(u8::is_ascii_whitespace)
    {
        cx.warn(None, "empty file (0 bytes): nothing to import");
        return Ok(None);
    }
    Ok(Some(bytes))
}

/// A small JSON file read whole. `null` is treated like an empty file.
pub fn small_json(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<Option<Value>, ParseError> {
    let Some(bytes) = non_empty(reader, cx)? else {
        return Ok(None);
    };
    let value: Value = serde_json::from_slice(crate::formats::strip_bom(&bytes)).map_err(|e| {
        ParseError::Json {
            offset: e.column() as u64,
            message: format!("{}: line {}: {e}", cx.file, e.line()),
        }
    })?;
    if value.is_null() {
        cx.warn(None, "the file holds only `null`: nothing to import");
        return Ok(None);
    }
    Ok(Some(value))
}

/// Peek one byte: `None` (with a warning) when the stream is empty, else a reader that
/// yields the whole stream again. For the large files that are streamed, not read whole.
pub fn peeked<'r>(
    reader: &'r mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<Option<impl Read + 'r>, ParseError> {
    let mut first = [0u8; 1];
    let n = loop {
        match reader.read(&mut first) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => break other?,
        }
    };
    if n == 0 {
        cx.warn(None, "empty file (0 bytes): nothing to import");
        return Ok(None);
    }
    Ok(Some(
        std::io::Cursor::new(first[..n].to_vec()).chain(reader),
    ))
}

/// The last path component, without folders.
pub fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}
