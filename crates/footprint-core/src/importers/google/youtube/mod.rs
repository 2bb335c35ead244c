//! YouTube's own files in a Takeout (`YouTube and YouTube Music/`, localized: `YouTube y
//! YouTube Music/`, `YouTube und YouTube Music/`, ...). Watch and search history are My
//! Activity JSON (read by [`super::my_activity`]); everything else is CSV, read through
//! [`crate::formats::csv_table`] with columns found in any language ([`columns`]):
//!
//! - [`library`]: subscriptions, playlists and their videos, uploads, YouTube Music's library,
//! - [`comments`]: comments and live chat messages (text in YouTube's JSON runs),
//! - [`channel`]: the user's channel and its handles (identities, the export's account).

pub mod channel;
pub mod columns;
pub mod comments;
pub mod library;

use crate::formats::csv_table::{CsvTable, Row};
use crate::importer::{ImportCx, ParseError};
use crate::model::Record;
use std::io::Read;

/// Read every row of one YouTube CSV. `columns` finds the parser's columns in the header;
/// `record` turns a row into its record: `Ok(None)` for a row that carries none (a header
/// inside the table), `Err(why)` for a row with nothing to keep (a warning with its line).
/// A broken row is a warning from the reader; the rest of the file is read.
pub(crate) fn read_table<C>(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
    what: &str,
    columns: impl FnOnce(&[String]) -> C,
    mut record: impl FnMut(&C, &Row<'_>, &mut ImportCx<'_>) -> Result<Option<Record>, String>,
) -> Result<(), ParseError> {
    let mut table = CsvTable::new(reader)
        .map_err(|e| ParseError::Other(format!("{}: {what} table: {e}", cx.file)))?;
    if table.header().iter().all(|h| h.is_empty()) {
        cx.warn(None, format!("{what} file is empty (no header)"));
        return Ok(());
    }
    let cols = columns(table.header());
    while let Some(row) = table.next_row(cx) {
        let (line, index) = (row.line, row.index);
        match record(&cols, &row, cx) {
            Ok(Some(r)) => cx.emit(index, r)?,
            Ok(None) => {}
            Err(why) => cx.warn(Some(line), format!("{what} on line {line} skipped: {why}")),
        }
    }
    Ok(())
}

/// A time from a CSV value; an unreadable one is warned (with the row's line) and left out,
/// the record is kept.
pub(crate) fn time_of(cx: &mut ImportCx<'_>, row: &Row<'_>, raw: Option<&str>) -> Option<i64> {
    let raw = raw?;
    let ts = crate::time::parse(raw);
    if ts.is_none() {
        cx.warn(
            Some(row.line),
            format!("unreadable time `{raw}` on line {}", row.line),
        );
    }
    ts
}

/// The watch page of a video ID.
pub(crate) fn video_url(id: &str) -> String {
    format!("https://www.youtube.com/watch?v={id}")
}
