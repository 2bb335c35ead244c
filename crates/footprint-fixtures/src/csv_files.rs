//! CSV text as the CSV-set exporters (LinkedIn, Reddit) write it: RFC 4180 quoting (a field
//! with a comma, quote or line break is quoted, quotes doubled), `\n` line ends, optionally a
//! UTF-8 BOM and a `Notes:` preamble. Shared by the CSV-export generators.

use crate::Rng;
use chrono::{DateTime, Utc};

/// How a generator spells header names (exports drift in casing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderCase {
    AsIs,
    Lower,
    Upper,
}

impl HeaderCase {
    pub fn apply(self, header: &[&str]) -> Vec<String> {
        header
            .iter()
            .map(|h| match self {
                HeaderCase::AsIs => h.to_string(),
                HeaderCase::Lower => h.to_lowercase(),
                HeaderCase::Upper => h.to_uppercase(),
            })
            .collect()
    }
}

/// A second between `lo` and `hi` (Unix seconds), as a UTC time.
pub fn between(rng: &mut Rng, lo: i64, hi: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(rng.range_i64(lo, hi), 0).unwrap_or_default()
}

/// One CSV table being written.
pub struct CsvText {
    out: String,
}

/// `field` quoted when it must be.
pub fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

impl CsvText {
    /// A table with this header; `bom` writes the UTF-8 byte-order mark first.
    pub fn new(header: &[&str], bom: bool) -> Self {
        let mut t = CsvText { out: String::new() };
        if bom {
            t.out.push('\u{feff}');
        }
        t.row(header);
        t
    }

    /// A table whose header is spelled in `case`.
    pub fn cased(header: &[&str], case: HeaderCase, bom: bool) -> Self {
        let h = case.apply(header);
        let refs: Vec<&str> = h.iter().map(String::as_str).collect();
        CsvText::new(&refs, bom)
    }

    /// A table whose header follows a `Notes:` preamble (LinkedIn's Connections.csv).
    pub fn with_notes(notes: &str, header: &[&str], bom: bool) -> Self {
        let mut t = CsvText { out: String::new() };
        if bom {
            t.out.push('\u{feff}');
        }
        t.out.push_str("Notes:\n");
        t.out.push_str(&quote(notes));
        t.out.push_str("\n\n");
        t.row(header);
        t
    }

    pub fn row<S: AsRef<str>>(&mut self, fields: &[S]) -> &mut Self {
        let line: Vec<String> = fields.iter().map(|f| quote(f.as_ref())).collect();
        self.out.push_str(&line.join(","));
        self.out.push('\n');
        self
    }

    /// Raw bytes appended as they are (a broken row for messy fixtures).
    pub fn into_bytes_with(self, raw_tail: &[u8]) -> Vec<u8> {
        let mut b = self.out.into_bytes();
        b.extend_from_slice(raw_tail);
        b
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.out.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it() {
        let mut t = CsvText::new(&["a", "b"], false);
        t.row(&["x, y", "say \"hi\"\nbye"]);
        assert_eq!(
            String::from_utf8(t.into_bytes()).unwrap(),
            "a,b\n\"x, y\",\"say \"\"hi\"\"\nbye\"\n"
        );
    }
}
