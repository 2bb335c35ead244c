//! Shared readers for the file formats exports come in. Every importer uses these instead of
//! its own: a quirk fixed here (a BOM, a preamble, a trailing `;`) is fixed for every
//! platform.
//!
//! - [`js_wrapped`]: JSON behind a JavaScript assignment (`window.YTD.tweets.part0 = [...]`,
//!   `window.__THAR_CONFIG = {...}`), streamed into [`crate::json_stream`].
//! - [`csv_table`]: CSV through the `csv` crate: UTF-8 BOM, `Notes:` preambles before the
//!   header, duplicate column names, `;`-joined multi-values, quoted multi-line cells, broken
//!   rows as warnings with their line.
//! - [`csv_export`]: exports made of flat CSV files (LinkedIn, Reddit): a table of known
//!   files drives classification (by name and by header), recognition and row-to-record import.
//! - [`ndjson`]: newline-delimited JSON, one line at a time (Discord's activity files reach
//!   several GB), bad lines as warnings.
//! - [`lenient`]: JSON whose empty lists are `null` and whose key casing and spacing drift
//!   (`"Video Browsing History"` / `"VideoBrowsingHistory"` / `"video browsing history"`).
//! - [`chat_text`]: chat exports as text (WhatsApp's `_chat.txt`): iOS and Android header
//!   lines, day- or month-first dates decided per file with a bounded look-ahead, 12- and
//!   24-hour clocks, invisible marks, continuation lines, system lines and attachments.
//! - [`json_walk`]: one big object of nested sections (TikTok's `user_data_tiktok.json`),
//!   walked in one pass, arrays at any depth handed over element by element.
//! - [`html`]: HTML exports as a stream (html5ever's tokenizer, 64 KiB at a time): events,
//!   and the page cut into record blocks of visible text lines with their links and cells.
//! - [`sniff`]: what a file is from its first bytes (top-level JSON keys, CSV header, JS
//!   global), for [`crate::importer::Importer::classify_content`].
//!
//! Dates are parsed by [`crate::time`] (one normalizer for every platform).

pub mod chat_text;
pub mod csv_export;
pub mod csv_table;
pub mod html;
pub mod js_wrapped;
pub mod json_walk;
pub mod lenient;
pub mod ndjson;
pub mod sniff;

/// A UTF-8 byte-order mark, written by Excel-minded exporters (Amazon, Reddit, LinkedIn).
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `reader` with its first byte already looked at: `None`, with a warning on `cx`, when the
/// file is empty (exports write 0-byte files for data they do not have).
pub fn non_empty<'r>(
    reader: &'r mut dyn std::io::Read,
    cx: &mut crate::importer::ImportCx<'_>,
) -> Result<Option<impl std::io::Read + 'r>, crate::importer::ParseError> {
    use std::io::Read;
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
    Ok(Some(std::io::Cursor::new(first).take(n as u64).chain(reader)))
}

/// `bytes` without a leading BOM.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}
