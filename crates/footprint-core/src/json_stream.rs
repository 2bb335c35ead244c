//! Element-by-element JSON reading with bounded memory and from-memory parse speed.
//!
//! Export files are mostly one big array (`[...]`, `{"locations": [...]}`,
//! `{"messages": [...]}`). `serde_json::from_reader` on the whole file is slow (~115 MB/s here)
//! and `from_slice` needs the whole file in memory. This module scans the byte stream, finds
//! the boundaries of each array element without parsing it (a byte loop that tracks strings
//! and nesting), and hands each element's bytes to the caller, who parses them with
//! `serde_json::from_slice` (300-600 MB/s). Memory is one read buffer plus the largest element.

use crate::importer::ParseError;
use std::io::Read;

/// Largest single element or non-streamed field we accept (a defence against hostile files).
/// Real elements are a few KB (one message, one visit, one location); 64 MiB keeps an import's
/// memory near the ~150 MB docs/ARCHIVES.md promises, where 256 MiB let one hostile element
/// (a 100 MB string, tests/hostile_corpus.rs) hold half a GB while it was parsed.
pub const MAX_VALUE_BYTES: usize = 64 << 20;
const READ_CHUNK: usize = 256 << 10;

/// What the scanner found.
#[derive(Debug)]
pub enum JsonItem<'a> {
    /// Element `index` of the array under top-level `key` (`""` when the file is an array).
    Element {
        key: &'a str,
        index: u64,
        raw: &'a [u8],
        /// Byte offset of the element in the file.
        offset: u64,
    },
    /// A top-level field that is not streamed, with its complete raw value.
    Field { key: &'a str, raw: &'a [u8] },
}

/// Stream a JSON document. Top-level arrays are always streamed; for a top-level object, the
/// array values under any key in `stream_keys` are streamed (`"*"` streams every array) and
/// the other fields are handed over whole.
pub fn stream_json(
    reader: &mut dyn Read,
    stream_keys: &[&str],
    f: &mut dyn FnMut(JsonItem<'_>) -> Result<(), ParseError>,
) -> Result<(), ParseError> {
    let mut s = Scanner::new(reader);
    s.skip_bom()?;
    match s.peek_non_ws()? {
        Some(b'[') => {
            s.stream_array("", f)?;
            s.expect_end()
        }
        Some(b'{') => {
            s.pos += 1;
            let mut first = true;
            loop {
                match s.peek_non_ws()? {
                    Some(b'}') => {
                        s.pos += 1;
                        break;
                    }
                    Some(b',') if !first => {
                        s.pos += 1;
                        s.peek_non_ws()?;
                    }
                    Some(_) if first => {}
                    other => return Err(s.unexpected(other, "`,` or `}`")),
                }
                first = false;
                let key = s.take_key()?;
                match s.peek_non_ws()? {
                    Some(b':') => s.pos += 1,
                    other => return Err(s.unexpected(other, "`:`")),
                }
                let wants = stream_keys.iter().any(|k| *k == "*" || *k == key);
                if wants && s.peek_non_ws()? == Some(b'[') {
                    s.stream_array(&key, f)?;
                } else {
                    let (a, b) = s.take_value()?;
                    f(JsonItem::Field {
                        key: &key,
                        raw: &s.buf[a..b],
                    })?;
                }
            }
            s.expect_end()
        }
        other => Err(s.unexpected(other, "a JSON array or object")),
    }
}

struct Scanner<'r> {
    reader: &'r mut dyn Read,
    buf: Vec<u8>,
    pos: usize,
    /// File offset of buf[0].
    base: u64,
    eof: bool,
}

impl<'r> Scanner<'r> {
    fn new(reader: &'r mut dyn Read) -> Self {
        Scanner {
            reader,
            buf: Vec::with_capacity(READ_CHUNK * 2),
            pos: 0,
            base: 0,
            eof: false,
        }
    }

    fn offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// Drop consumed bytes and read more. Reads at least as much as is buffered so that
    /// rescanning a large, incomplete element stays amortized linear.
    fn fill(&mut self) -> Result<bool, ParseError> {
        if self.eof {
            return Ok(false);
        }
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.base += self.pos as u64;
            self.pos = 0;
        }
        // Doubling keeps rescans of a long value linear; the cap keeps the buffer of a value
        // over the limit from doubling past it.
        let want = READ_CHUNK.max(self.buf.len().min(MAX_VALUE_BYTES));
        let old = self.buf.len();
        self.buf.resize(old + want, 0);
        let mut filled = old;
        while filled < self.buf.len() {
            match self.reader.read(&mut self.buf[filled..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(ParseError::Io(e)),
            }
            if filled - old >= READ_CHUNK {
                break;
            }
        }
        self.buf.truncate(filled);
        Ok(filled > old)
    }

    fn skip_bom(&mut self) -> Result<(), ParseError> {
        while self.buf.len() < 3 && self.fill()? {}
        if self.buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
            self.pos = 3;
        }
        Ok(())
    }

    fn peek_non_ws(&mut self) -> Result<Option<u8>, ParseError> {
        loop {
            while self.pos < self.buf.len() {
                let c = self.buf[self.pos];
                if matches!(c, b' ' | b'\n' | b'\r' | b'\t') {
                    self.pos += 1;
                } else {
                    return Ok(Some(c));
                }
            }
            if !self.fill()? {
                return Ok(None);
            }
        }
    }

    fn unexpected(&self, found: Option<u8>, wanted: &str) -> ParseError {
        let found = match found {
            Some(c) if c.is_ascii_graphic() => format!("`{}`", c as char),
            Some(c) => format!("byte 0x{c:02x}"),
            None => "end of file".to_string(),
        };
        ParseError::Json {
            offset: self.offset(),
            message: format!("expected {wanted}, found {found}"),
        }
    }

    /// Make sure a complete value starts at `pos` and return its range; advances past it.
    fn too_large(&self) -> ParseError {
        ParseError::Json {
            offset: self.offset(),
            message: format!("a single value is larger than {} MiB", MAX_VALUE_BYTES >> 20),
        }
    }

    fn take_value(&mut self) -> Result<(usize, usize), ParseError> {
        self.peek_non_ws()?;
        loop {
            match value_end(&self.buf, self.pos, self.eof) {
                // A reader that returns big reads fills the buffer past the limit in one go:
                // the limit holds for the value itself, whatever the buffer held.
                Scan::Complete(end) if end - self.pos > MAX_VALUE_BYTES => {
                    return Err(self.too_large())
                }
                Scan::Complete(end) => {
                    let start = self.pos;
                    self.pos = end;
                    return Ok((start, end));
                }
                Scan::Invalid(at, msg) => {
                    return Err(ParseError::Json {
                        offset: self.base + at as u64,
                        message: msg.to_string(),
                    })
                }
                Scan::NeedMore => {
                    if self.buf.len() - self.pos > MAX_VALUE_BYTES {
                        return Err(self.too_large());
                    }
                    if !self.fill()? {
                        return Err(ParseError::Json {
                            offset: self.offset(),
                            message: "file ends in the middle of a value (truncated?)".into(),
                        });
                    }
                }
            }
        }
    }

    fn take_key(&mut self) -> Result<String, ParseError> {
        if self.peek_non_ws()? != Some(b'"') {
            let c = self.peek_non_ws()?;
            return Err(self.unexpected(c, "a field name"));
        }
        let at = self.offset();
        let (a, b) = self.take_value()?;
        serde_json::from_slice::<String>(&self.buf[a..b]).map_err(|e| ParseError::Json {
            offset: at,
            message: e.to_string(),
        })
    }

    fn stream_array(
        &mut self,
        key: &str,
        f: &mut dyn FnMut(JsonItem<'_>) -> Result<(), ParseError>,
    ) -> Result<(), ParseError> {
        self.pos += 1; // '['
        let mut index = 0u64;
        loop {
            match self.peek_non_ws()? {
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b',') if index > 0 => {
                    self.pos += 1;
                }
                Some(_) if index == 0 => {}
                other => return Err(self.unexpected(other, "`,` or `]`")),
            }
            self.peek_non_ws()?;
            let offset = self.offset();
            let (a, b) = self.take_value()?;
            f(JsonItem::Element {
                key,
                index,
                raw: &self.buf[a..b],
                offset,
            })?;
            index += 1;
        }
    }

    fn expect_end(&mut self) -> Result<(), ParseError> {
        match self.peek_non_ws()? {
            None => Ok(()),
            other => Err(self.unexpected(other, "end of file")),
        }
    }
}

enum Scan {
    Complete(usize),
    NeedMore,
    Invalid(usize, &'static str),
}

/// Find the end of the JSON value starting at `start` without parsing it.
fn value_end(buf: &[u8], start: usize, eof: bool) -> Scan {
    if start >= buf.len() {
        return if eof {
            Scan::Invalid(start, "file ends where a value was expected (truncated?)")
        } else {
            Scan::NeedMore
        };
    }
    match buf[start] {
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = start;
            while i < buf.len() {
                match buf[i] {
                    b'"' => match string_end(buf, i) {
                        Some(e) => {
                            i = e;
                            continue;
                        }
                        None => break,
                    },
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Scan::Complete(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            if eof {
                Scan::Invalid(buf.len(), "file ends inside an object or array (truncated?)")
            } else {
                Scan::NeedMore
            }
        }
        b'"' => match string_end(buf, start) {
            Some(e) => Scan::Complete(e),
            None if eof => Scan::Invalid(buf.len(), "file ends inside a string (truncated?)"),
            None => Scan::NeedMore,
        },
        b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
            let mut i = start;
            while i < buf.len() {
                if matches!(buf[i], b',' | b']' | b'}' | b' ' | b'\n' | b'\r' | b'\t') {
                    return Scan::Complete(i);
                }
                i += 1;
            }
            if eof {
                Scan::Complete(i)
            } else {
                Scan::NeedMore
            }
        }
        _ => Scan::Invalid(start, "not the start of a JSON value"),
    }
}

/// Given `buf[start] == b'"'`, the index after the closing quote.
fn string_end(buf: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < buf.len() {
        match buf[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(input: &[u8], keys: &[&str]) -> Result<Vec<(String, String)>, ParseError> {
        let mut out = Vec::new();
        let mut r = input;
        stream_json(&mut r, keys, &mut |item| {
            match item {
                JsonItem::Element { key, raw, .. } => out.push((
                    format!("[{key}]"),
                    String::from_utf8(raw.to_vec()).unwrap(),
                )),
                JsonItem::Field { key, raw } => {
                    out.push((key.to_string(), String::from_utf8(raw.to_vec()).unwrap()))
                }
            }
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn streams_top_level_array() {
        let got = collect(br#"[ {"a":"x]}\"y"}, [1,2], 3 ,"s", null ]"#, &[]).unwrap();
        let vals: Vec<_> = got.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(vals, [r#"{"a":"x]}\"y"}"#, "[1,2]", "3", r#""s""#, "null"]);
    }

    #[test]
    fn streams_selected_keys_and_keeps_other_fields() {
        let got = collect(
            b"\xEF\xBB\xBF{\"title\": \"t\", \"messages\": [{\"x\":1},{\"x\":2}], \"n\": [5]}",
            &["messages"],
        )
        .unwrap();
        assert_eq!(
            got,
            vec![
                ("title".to_string(), "\"t\"".to_string()),
                ("[messages]".to_string(), "{\"x\":1}".to_string()),
                ("[messages]".to_string(), "{\"x\":2}".to_string()),
                ("n".to_string(), "[5]".to_string()),
            ]
        );
    }

    #[test]
    fn empty_array_and_object() {
        assert!(collect(b"[]", &[]).unwrap().is_empty());
        assert!(collect(b" {} ", &["*"]).unwrap().is_empty());
    }

    #[test]
    fn truncated_file_is_an_error_with_offset() {
        let err = collect(br#"{"locations": [{"a":1}, {"a":"#, &["locations"]).unwrap_err();
        match err {
            ParseError::Json { message, .. } => assert!(message.contains("truncated"), "{message}"),
            e => panic!("unexpected {e}"),
        }
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(collect(b"<html>", &[]).is_err());
        assert!(collect(br#"[1 2]"#, &[]).is_err());
        assert!(collect(br#"{"a" 1}"#, &[]).is_err());
        assert!(collect(br#"[1] x"#, &[]).is_err());
    }

    /// Elements larger than the read chunk must still come out whole.
    #[test]
    fn large_elements_across_chunks() {
        let big = "x".repeat(READ_CHUNK * 3 + 17);
        let doc = format!(r#"{{"messages":[{{"c":"{big}"}},{{"c":"b"}}]}}"#);
        let got = collect(doc.as_bytes(), &["messages"]).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1.len(), big.len() + 8);
    }

    /// A value over the limit is refused even when one read brings all of it (a slice, a
    /// positioned read of a stored zip entry): the limit was checked only before a read, and
    /// the doubling buffer then took a 100 MB string whole (tests/hostile_corpus.rs).
    #[test]
    fn a_value_over_the_limit_is_refused_whatever_the_reads() {
        let mut doc = b"[\"".to_vec();
        doc.resize(MAX_VALUE_BYTES + 8, b'a');
        doc.extend_from_slice(b"\"]");
        let err = collect(&doc, &[]).unwrap_err().to_string();
        assert!(err.contains("a single value is larger than 64 MiB"), "{err}");
    }

    /// Reads that return one byte at a time must not change the result.
    #[test]
    fn byte_by_byte_reader() {
        struct OneByte<'a>(&'a [u8]);
        impl Read for OneByte<'_> {
            fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                if self.0.is_empty() || out.is_empty() {
                    return Ok(0);
                }
                out[0] = self.0[0];
                self.0 = &self.0[1..];
                Ok(1)
            }
        }
        let doc = br#"{"a":[1,{"b":[2,3]},"]"],"z":true}"#;
        let mut r = OneByte(doc);
        let mut n = 0;
        stream_json(&mut r, &["a"], &mut |_| {
            n += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(n, 4);
    }
}
