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
    /// Read bytes are `buf[..end]`; the rest is zeroed space kept for the next reads, so that
    /// a read does not zero its 256 KiB first (that memset was 3% of a Takeout's parse).
    buf: Vec<u8>,
    end: usize,
    pos: usize,
    /// File offset of buf[0].
    base: u64,
    eof: bool,
}

impl<'r> Scanner<'r> {
    fn new(reader: &'r mut dyn Read) -> Self {
        Scanner {
            reader,
            buf: Vec::new(),
            end: 0,
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
            self.buf.copy_within(self.pos..self.end, 0);
            self.end -= self.pos;
            self.base += self.pos as u64;
            self.pos = 0;
        }
        // Doubling keeps rescans of a long value linear; the cap keeps the buffer of a value
        // over the limit from doubling past it.
        let want = READ_CHUNK.max(self.end.min(MAX_VALUE_BYTES));
        let old = self.end;
        if self.buf.len() < old + want {
            self.buf.resize(old + want, 0);
        }
        let mut filled = old;
        while filled < old + want {
            match self.reader.read(&mut self.buf[filled..old + want]) {
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
        self.end = filled;
        Ok(filled > old)
    }

    fn skip_bom(&mut self) -> Result<(), ParseError> {
        while self.end < 3 && self.fill()? {}
        if self.buf[..self.end].starts_with(&[0xEF, 0xBB, 0xBF]) {
            self.pos = 3;
        }
        Ok(())
    }

    fn peek_non_ws(&mut self) -> Result<Option<u8>, ParseError> {
        loop {
            while self.pos < self.end {
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
            match value_end(&self.buf[..self.end], self.pos, self.eof) {
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
                    if self.end - self.pos > MAX_VALUE_BYTES {
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
        b'{' | b'[' => match container_end(buf, start) {
            Some(end) => Scan::Complete(end),
            None if eof => {
                Scan::Invalid(buf.len(), "file ends inside an object or array (truncated?)")
            }
            None => Scan::NeedMore,
        },
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

/// Bytes the container scan looks at, 64 at a time.
const BLOCK: usize = 64;

/// Given `buf[start]` is `{` or `[`, the index after the bracket that closes it; `None` when
/// `buf` ends first.
///
/// Most of an element's bytes are letters, digits and indentation: instead of a branch per
/// byte, each block of 64 bytes becomes one bitmask of the few bytes that matter (quotes,
/// backslashes, brackets; [`structural_bits`]), and only the set bits are visited. The byte
/// loop was the parser thread's largest single cost (28% of its instructions on a Takeout).
fn container_end(buf: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    // A backslash on a block's last byte escapes the next block's first.
    let mut escape_carried = false;
    let mut at = start;
    while at < buf.len() {
        let mut padded = [0u8; BLOCK];
        let block: &[u8; BLOCK] = match buf[at..].first_chunk::<BLOCK>() {
            Some(full) => full,
            None => {
                // The buffer's last bytes: zero padding is not a byte that matters.
                padded[..buf.len() - at].copy_from_slice(&buf[at..]);
                &padded
            }
        };
        let mut bits = structural_bits(block);
        if escape_carried {
            bits &= !1;
            escape_carried = false;
        }
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            match block[i] {
                b'"' => in_string = !in_string,
                b'\\' if in_string => {
                    if i + 1 == BLOCK {
                        escape_carried = true;
                    } else {
                        bits &= !(1u64 << (i + 1));
                    }
                }
                b'{' | b'[' if !in_string => depth += 1,
                b'}' | b']' if !in_string => {
                    // A stray closer before any opener cannot happen: `buf[start]` opens.
                    depth -= 1;
                    if depth == 0 {
                        return Some(at + i + 1);
                    }
                }
                // `|`, a backslash outside a string, a bracket inside one.
                _ => {}
            }
        }
        at += BLOCK;
    }
    None
}

/// Bit `i` is set when `block[i]` is `"`, `\`, `[`, `]`, `{`, `}` (or `|`, which costs a
/// visit and nothing else). `c | 0x20` maps `[ \ ]` onto `{ | }`, so the five bytes after
/// the quote are three compares.
#[inline]
fn structural_bits(block: &[u8; BLOCK]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of the x86-64 baseline: every processor this build runs on
        // has it.
        unsafe { structural_bits_sse2(block) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        structural_bits_swar(block)
    }
}

/// [`structural_bits`] with SSE2, which every x86-64 processor has: 16 bytes per compare,
/// a dozen instructions per 16 bytes where the byte loop took about nine per byte.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn structural_bits_sse2(block: &[u8; BLOCK]) -> u64 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let mut bits = 0u64;
    for (lane, chunk) in block.chunks_exact(16).enumerate() {
        // SAFETY: `chunk` is 16 readable bytes (chunks_exact), and `loadu` takes any
        // alignment.
        let v = unsafe { _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>()) };
        let folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        let hits = _mm_or_si128(
            _mm_or_si128(
                _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8)),
                _mm_cmpeq_epi8(folded, _mm_set1_epi8(b'{' as i8)),
            ),
            _mm_or_si128(
                _mm_cmpeq_epi8(folded, _mm_set1_epi8(b'|' as i8)),
                _mm_cmpeq_epi8(folded, _mm_set1_epi8(b'}' as i8)),
            ),
        );
        bits |= u64::from(_mm_movemask_epi8(hits) as u16) << (16 * lane);
    }
    bits
}

/// [`structural_bits`] eight bytes at a time in a `u64`, for processors without the SSE2
/// path (and checked against it on those with one).
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn structural_bits_swar(block: &[u8; BLOCK]) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The high bit of each byte of the result: that byte of `v` is zero. Exact per byte
    // (no borrow from a neighbour), unlike the shorter `(v - ONES) & !v` test.
    let zero_bytes = |v: u64| !(((v & LOW7).wrapping_add(LOW7)) | v | LOW7);
    let mut bits = 0u64;
    for (word, chunk) in block.chunks_exact(8).enumerate() {
        let v = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        let folded = v | (ONES * 0x20);
        let hits = zero_bytes(v ^ (ONES * u64::from(b'"')))
            | zero_bytes(folded ^ (ONES * u64::from(b'{')))
            | zero_bytes(folded ^ (ONES * u64::from(b'|')))
            | zero_bytes(folded ^ (ONES * u64::from(b'}')));
        // Gather the eight high bits into one byte: byte k's bit lands on bit 56 + k.
        let gathered = ((hits >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56;
        bits |= gathered << (8 * word);
    }
    bits
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

    /// The byte-at-a-time scan `container_end` replaced: the oracle it must agree with.
    fn container_end_bytewise(buf: &[u8], start: usize) -> Option<usize> {
        let mut depth = 0usize;
        let mut i = start;
        while i < buf.len() {
            match buf[i] {
                b'"' => match string_end(buf, i) {
                    Some(e) => {
                        i = e;
                        continue;
                    }
                    None => return None,
                },
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// Escapes, brackets in strings and `|` placed on every offset around the 64-byte block
    /// edges, plus pseudo-random documents: the block scan finds the same end as the oracle,
    /// complete or cut short at every length.
    #[test]
    fn the_block_scan_agrees_with_the_byte_scan() {
        let pieces: [&[u8]; 12] = [
            br#""a\"b""#,
            br#""\\""#,
            br#""]}|[{""#,
            b"{",
            b"}",
            b"[",
            b"]",
            b" ",
            b"|",
            br#""x\\\"]""#,
            b"12,",
            b"\\",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut docs: Vec<Vec<u8>> = Vec::new();
        for pad in 0..(2 * BLOCK) {
            let mut d = b"{".to_vec();
            d.resize(1 + pad, b' ');
            d.extend_from_slice(br#""k\"]": ["\\", {"v": "}"}], "|": 1}"#);
            docs.push(d);
        }
        for _ in 0..400 {
            let mut d = b"[".to_vec();
            let n = next() % 60;
            for _ in 0..n {
                d.extend_from_slice(pieces[(next() % pieces.len() as u64) as usize]);
            }
            d.extend_from_slice(b"]]}}]");
            docs.push(d);
        }
        for d in &docs {
            for len in 1..=d.len() {
                assert_eq!(
                    container_end(&d[..len], 0),
                    container_end_bytewise(&d[..len], 0),
                    "{:?} cut at {len}",
                    String::from_utf8_lossy(d)
                );
            }
        }
    }

    /// Both ways of finding the structural bytes agree with a plain comparison, on every
    /// byte value at every position.
    #[test]
    fn structural_bits_mark_exactly_the_bytes_that_matter() {
        let wanted = |c: u8| matches!(c, b'"' | b'\\' | b'[' | b']' | b'{' | b'}' | b'|');
        for value in 0..=255u8 {
            for at in 0..BLOCK {
                let mut block = [b'a'; BLOCK];
                block[at] = value;
                block[(at + 17) % BLOCK] = value;
                let expected: u64 = (0..BLOCK)
                    .filter(|&i| wanted(block[i]))
                    .fold(0, |bits, i| bits | 1 << i);
                assert_eq!(
                    structural_bits(&block),
                    expected,
                    "byte {value:#04x} at {at}"
                );
                assert_eq!(
                    structural_bits_swar(&block),
                    expected,
                    "byte {value:#04x} at {at}"
                );
            }
        }
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
