//! CSV as exports write it, through the `csv` crate: a UTF-8 BOM, a `Notes:` preamble before
//! the header (LinkedIn's Connections.csv), blank lines, duplicate column names (LinkedIn's
//! Ad_Targeting.csv repeats headers), `;`-joined multi-values, quoted multi-line cells and
//! rows with too many or too few fields. A broken row becomes a warning with its line; the
//! rest of the file is read.
//!
//! ```ignore
//! let mut t = CsvTable::new(reader)?;
//! while let Some(row) = t.next_row(cx) {
//!     let title = row.get("Title");          // case-, space- and BOM-insensitive
//! }
//! ```

use crate::importer::{ImportCx, ParseError, MAX_RECORD_BYTES};
use std::io::{BufRead, BufReader, Read};

/// Lines of preamble we skip at most before giving up on finding a header.
const MAX_PREAMBLE_LINES: usize = 20;

/// Column-name normal form: lowercase, no BOM, spaces/underscores/dashes dropped, so
/// `"Order Date"`, `order_date` and `ORDER-DATE` are one column.
pub fn norm_column(name: &str) -> String {
    name.trim_start_matches('\u{feff}')
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '"'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A CSV file being read row by row.
pub struct CsvTable<R: Read> {
    reader: csv::Reader<PrefixThen<BufReader<R>>>,
    header: Vec<String>,
    normalized: Vec<String>,
    record: csv::StringRecord,
    /// Lines before the header (preamble), to report true line numbers; one more with CRLF
    /// endings (see [`CsvTable::with_delimiter`]).
    preamble_lines: u64,
}

/// One row: values by column name.
pub struct Row<'t> {
    header: &'t [String],
    normalized: &'t [String],
    record: &'t csv::StringRecord,
    /// 1-based line of the row in the file.
    pub line: u64,
    /// 0-based row index after the header (the record's position for evidence).
    pub index: u64,
}

impl<'t> Row<'t> {
    /// The first non-empty value of the column (name compared by [`norm_column`]).
    pub fn get(&self, column: &str) -> Option<&'t str> {
        self.get_all(column).into_iter().find(|v| !v.is_empty())
    }

    /// The first of several possible column names that has a value.
    pub fn get_any(&self, columns: &[&str]) -> Option<&'t str> {
        columns.iter().find_map(|c| self.get(c))
    }

    /// Every value under a column name (duplicate headers), trimmed, empty ones included.
    pub fn get_all(&self, column: &str) -> Vec<&'t str> {
        let want = norm_column(column);
        self.normalized
            .iter()
            .enumerate()
            .filter(|(_, n)| **n == want)
            .filter_map(|(i, _)| self.record.get(i))
            .map(str::trim)
            .collect()
    }

    /// `;`-joined multi-values of every column with that name, split and trimmed.
    pub fn multi(&self, column: &str) -> Vec<&'t str> {
        self.get_all(column)
            .into_iter()
            .flat_map(|v| v.split(';'))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// The value at a column position, trimmed; `None` when the row is shorter or the value
    /// is empty. For exports whose header names are localized but whose column order is
    /// fixed (a column found by position when no known name matches).
    pub fn at(&self, index: usize) -> Option<&'t str> {
        self.record
            .get(index)
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    /// Every value in file order, trimmed (empty ones included), for rules that look at
    /// values rather than names.
    pub fn values(&self) -> impl Iterator<Item = &'t str> + 't {
        self.record.iter().map(str::trim)
    }

    /// (header, value) pairs in file order, empty values dropped: the row as data.
    pub fn pairs(&self) -> Vec<(&'t str, &'t str)> {
        self.header
            .iter()
            .zip(self.record.iter())
            .map(|(h, v)| (h.as_str(), v.trim()))
            .filter(|(_, v)| !v.is_empty())
            .collect()
    }

    /// The row as a JSON object (duplicate headers keep their first value), for `data`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        for (h, v) in self.pairs() {
            m.entry(h.to_string()).or_insert_with(|| v.into());
        }
        serde_json::Value::Object(m)
    }

    pub fn header(&self) -> &'t [String] {
        self.header
    }

    /// How many cells the row has (fewer than the header: a short or cut-off row).
    pub fn cells(&self) -> usize {
        self.record.len()
    }
}

impl<R: Read> CsvTable<R> {
    /// Open a CSV: skip the BOM and any `Notes:`-style preamble, read the header.
    /// An empty file (0 bytes, or only a preamble) is a table without rows.
    pub fn new(reader: R) -> Result<Self, ParseError> {
        Self::with_delimiter(reader, b',')
    }

    pub fn with_delimiter(reader: R, delimiter: u8) -> Result<Self, ParseError> {
        let mut buffered = BufReader::new(reader);
        let (prefix, preamble_lines) = skip_preamble(&mut buffered)?;
        // The `csv` crate counts a CRLF line's `\n` as the start of the next record, so with
        // CRLF endings (Excel, YouTube) every position is one line early.
        let crlf_shift = u64::from(prefix.ends_with(b"\r\n"));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(PrefixThen {
                prefix,
                pos: 0,
                inner: buffered,
            });
        let header: Vec<String> = match reader.headers() {
            Ok(h) => h
                .iter()
                .map(|s| s.trim_start_matches('\u{feff}').trim().to_string())
                .collect(),
            Err(e) => return Err(csv_error(e)),
        };
        let normalized = header.iter().map(|h| norm_column(h)).collect();
        Ok(CsvTable {
            reader,
            header,
            normalized,
            record: csv::StringRecord::new(),
            preamble_lines: preamble_lines + crlf_shift,
        })
    }

    /// The header's names as written.
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// Whether a column exists (by [`norm_column`]).
    pub fn has(&self, column: &str) -> bool {
        let want = norm_column(column);
        self.normalized.contains(&want)
    }

    /// The next row, skipping blank rows. A row that cannot be read (bad UTF-8, unbalanced
    /// quote) is reported on `cx` with its line and skipped; `None` at the end.
    pub fn next_row(&mut self, cx: &mut ImportCx<'_>) -> Option<Row<'_>> {
        loop {
            match self.reader.read_record(&mut self.record) {
                Ok(false) => return None,
                Ok(true) => {
                    if self.record.iter().all(|v| v.trim().is_empty()) {
                        continue;
                    }
                    let pos = self.record.position();
                    let line = pos.map(|p| p.line()).unwrap_or(0) + self.preamble_lines;
                    let bytes = self.record.as_slice().len();
                    if bytes > MAX_RECORD_BYTES {
                        cx.warn(
                            Some(line),
                            format!("CSV row (line {line}) is larger than {} MiB ({} MiB): skipped", MAX_RECORD_BYTES >> 20, bytes >> 20),
                        );
                        continue;
                    }
                    let index = pos.map(|p| p.record()).unwrap_or(1).saturating_sub(1);
                    return Some(Row {
                        header: &self.header,
                        normalized: &self.normalized,
                        record: &self.record,
                        line,
                        index,
                    });
                }
                Err(e) => {
                    let line = e.position().map(|p| p.line() + self.preamble_lines);
                    cx.warn(line, format!("unreadable CSV row (line {}): {e}", line.unwrap_or(0)));
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        return None;
                    }
                }
            }
        }
    }
}

fn csv_error(e: csv::Error) -> ParseError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => ParseError::Io(io),
        other => ParseError::Structure(format!("CSV header: {other:?}")),
    }
}

/// Drop a BOM and a preamble. A preamble starts with a line `Notes:` (LinkedIn) and runs to
/// the first blank line; the header is the first non-blank line after it. Returns the bytes
/// read ahead that belong to the table, and how many lines were dropped.
fn skip_preamble<R: BufRead>(r: &mut R) -> Result<(Vec<u8>, u64), ParseError> {
    let mut first = Vec::new();
    r.read_until(b'\n', &mut first)?;
    let stripped = super::strip_bom(&first).to_vec();
    let text = String::from_utf8_lossy(&stripped);
    if !text.trim_start().to_ascii_lowercase().starts_with("notes:") {
        return Ok((stripped, 0));
    }
    let mut dropped = 1u64;
    let mut seen_blank = false;
    for _ in 0..MAX_PREAMBLE_LINES {
        let mut line = Vec::new();
        if r.read_until(b'\n', &mut line)? == 0 {
            return Ok((Vec::new(), dropped));
        }
        let blank = line.iter().all(|b| b.is_ascii_whitespace());
        if blank {
            seen_blank = true;
            dropped += 1;
            continue;
        }
        if seen_blank {
            return Ok((line, dropped));
        }
        dropped += 1;
    }
    Err(ParseError::Structure(format!(
        "no CSV header after a {MAX_PREAMBLE_LINES}-line preamble"
    )))
}

/// Bytes already read, then the rest of the stream.
struct PrefixThen<R> {
    prefix: Vec<u8>,
    pos: usize,
    inner: R,
}

impl<R: Read> Read for PrefixThen<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pos < self.prefix.len() {
            let n = (self.prefix.len() - self.pos).min(buf.len());
            buf[..n].copy_from_slice(&self.prefix[self.pos..self.pos + n]);
            self.pos += n;
            return Ok(n);
        }
        self.inner.read(buf)
    }
}

/// The header of a CSV head (for content recognition): BOM and preamble skipped, names
/// normalized by [`norm_column`]. Empty when the head has no complete first line.
pub fn header_of(head: &[u8]) -> Vec<String> {
    let mut r = head;
    let Ok((prefix, _)) = skip_preamble(&mut r) else {
        return Vec::new();
    };
    let line_end = prefix.iter().position(|b| *b == b'\n').unwrap_or(prefix.len());
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&prefix[..line_end]);
    let mut rec = csv::StringRecord::new();
    match rdr.read_record(&mut rec) {
        Ok(true) => rec.iter().map(norm_column).filter(|c| !c.is_empty()).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    fn rows(input: &str) -> (Vec<Vec<(String, String)>>, MemorySink) {
        let mut out = Vec::new();
        let (sink, r) = MemorySink::run_parser("t.csv", input, |reader, cx| {
            let mut t = CsvTable::new(reader)?;
            while let Some(row) = t.next_row(cx) {
                out.push(
                    row.pairs()
                        .into_iter()
                        .map(|(a, b)| (a.to_string(), b.to_string()))
                        .collect(),
                );
            }
            Ok(())
        });
        r.unwrap();
        (out, sink)
    }

    #[test]
    fn bom_and_quoted_header() {
        let (r, _) = rows("\u{feff}\"Website\",\"Order ID\"\n\"Amazon.com\",\"1-2\"\n");
        assert_eq!(r, vec![vec![("Website".into(), "Amazon.com".into()), ("Order ID".into(), "1-2".into())]]);
    }

    #[test]
    fn notes_preamble_is_skipped() {
        let input = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\nFirst Name,Last Name,Connected On\nAda,Lovelace,15 Mar 2009\n";
        let (r, _) = rows(input);
        assert_eq!(r[0][0], ("First Name".into(), "Ada".into()));
        assert_eq!(header_of(input.as_bytes()), vec!["firstname", "lastname", "connectedon"]);
    }

    #[test]
    fn duplicate_headers_and_multi_values() {
        let input = "Member Age,Company Names,Company Names\n25 to 34,Acme; Globex,Initech\n";
        let mut names = Vec::new();
        let (_, r) = MemorySink::run_parser("t.csv", input, |reader, cx| {
            let mut t = CsvTable::new(reader)?;
            let row = t.next_row(cx).unwrap();
            names = row.multi("company names").into_iter().map(String::from).collect();
            Ok(())
        });
        r.unwrap();
        assert_eq!(names, vec!["Acme", "Globex", "Initech"]);
    }

    #[test]
    fn multi_line_cells_and_ragged_rows() {
        let input = "a,b\n\"line one\nline two\",x\nonly-one\n1,2,3\n";
        let (r, sink) = rows(input);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0][0].1, "line one\nline two");
        assert!(sink.warnings.is_empty());
    }

    #[test]
    fn bad_utf8_row_is_a_warning_with_its_line() {
        let mut input = b"a,b\n1,2\n".to_vec();
        input.extend_from_slice(b"\xff\xfe,3\n4,5\n");
        let mut n = 0;
        let mut out = MemorySink::default();
        {
            let mut cx = ImportCx::new("t.csv", &mut out);
            let mut t = CsvTable::new(&input[..]).unwrap();
            while t.next_row(&mut cx).is_some() {
                n += 1;
            }
        }
        assert_eq!(n, 2);
        assert_eq!(out.warnings.len(), 1);
        assert!(out.warnings[0].message.contains("line 3"), "{:?}", out.warnings);
    }

    #[test]
    fn values_by_position() {
        let input = "Kanal-ID,Kanal-URL,Kanaltitel\nUC1, http://x ,\n";
        let (_, r) = MemorySink::run_parser("t.csv", input, |reader, cx| {
            let mut t = CsvTable::new(reader)?;
            let row = t.next_row(cx).unwrap();
            assert_eq!(row.at(0), Some("UC1"));
            assert_eq!(row.at(1), Some("http://x"));
            assert_eq!(row.at(2), None, "empty is none");
            assert_eq!(row.at(9), None, "past the end is none");
            assert_eq!(row.values().collect::<Vec<_>>(), vec!["UC1", "http://x", ""]);
            Ok(())
        });
        r.unwrap();
    }

    #[test]
    fn lines_are_counted_with_crlf_and_bom() {
        let input = "\u{feff}a,b\r\n1,2\r\n3,4\r\n";
        let mut lines = Vec::new();
        let (_, r) = MemorySink::run_parser("t.csv", input, |reader, cx| {
            let mut t = CsvTable::new(reader)?;
            while let Some(row) = t.next_row(cx) {
                lines.push(row.line);
            }
            Ok(())
        });
        r.unwrap();
        assert_eq!(lines, vec![2, 3]);
        // A broken row after CRLF lines is reported on its true line too.
        let mut out = MemorySink::default();
        {
            let mut cx = ImportCx::new("t.csv", &mut out);
            let bytes = b"a,b\r\n1,2\r\n\xff,3\r\n";
            let mut t = CsvTable::new(&bytes[..]).unwrap();
            while t.next_row(&mut cx).is_some() {}
        }
        assert!(out.warnings[0].message.contains("(line 3)"), "{:?}", out.warnings);
    }

    #[test]
    fn empty_file_has_no_rows() {
        let (r, _) = rows("");
        assert!(r.is_empty());
    }
}
