//! Newline-delimited JSON, one line at a time: Discord's `activity/*/events-*.json` files are
//! one event per line and reach several GB, so nothing but the current line is in memory. A
//! line that is not JSON is a warning with its line number; an overlong line is skipped
//! (without being held in memory) and reported.

use crate::importer::{ImportCx, ParseError};
use std::io::{BufRead, BufReader, Read};

/// Longest line kept; a longer one is skipped as hostile or broken.
pub const MAX_LINE_BYTES: usize = 16 << 20;

/// Call `f(line_number, raw_json)` for every non-blank line (1-based numbers). `f` parses
/// the bytes itself (typed serde, borrowed where it can) and returns whether to go on.
pub fn for_each_line(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
    mut f: impl FnMut(u64, &[u8], &mut ImportCx<'_>) -> Result<(), ParseError>,
) -> Result<(), ParseError> {
    let mut r = BufReader::with_capacity(256 << 10, reader);
    let mut line = Vec::with_capacity(4096);
    let mut number = 0u64;
    loop {
        line.clear();
        number += 1;
        let overlong = read_line_bounded(&mut r, &mut line)?;
        if overlong {
            cx.warn(Some(number), format!("line {number} is longer than {} MiB: skipped", MAX_LINE_BYTES >> 20));
            continue;
        }
        if line.is_empty() {
            return Ok(());
        }
        let text = trim_line(&line, number == 1);
        if text.is_empty() {
            continue;
        }
        f(number, text, cx)?;
    }
}

/// Parse each line as `T`; unparsable lines are warnings.
pub fn for_each<T: serde::de::DeserializeOwned>(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
    mut f: impl FnMut(u64, T, &mut ImportCx<'_>) -> Result<(), ParseError>,
) -> Result<(), ParseError> {
    for_each_line(reader, cx, |n, raw, cx| match serde_json::from_slice::<T>(raw) {
        Ok(v) => f(n, v, cx),
        Err(e) => {
            cx.warn(Some(n), format!("line {n} is not valid JSON: {e}"));
            Ok(())
        }
    })
}

fn trim_line(line: &[u8], first: bool) -> &[u8] {
    let mut s = line;
    if first {
        s = super::strip_bom(s);
    }
    while let [rest @ .., b'\n' | b'\r' | b' ' | b'\t'] = s {
        s = rest;
    }
    while let [b' ' | b'\t', rest @ ..] = s {
        s = rest;
    }
    s
}

/// Read up to and including `\n` into `out`; past [`MAX_LINE_BYTES`], discard the rest of
/// the line and return `true`. An empty `out` with `false` is the end of the stream.
fn read_line_bounded<R: BufRead>(r: &mut R, out: &mut Vec<u8>) -> std::io::Result<bool> {
    let mut overlong = false;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(overlong);
        }
        let (chunk, done) = match buf.iter().position(|b| *b == b'\n') {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        let n = chunk.len();
        if !overlong {
            if out.len() + n > MAX_LINE_BYTES {
                overlong = true;
                out.clear();
            } else {
                out.extend_from_slice(chunk);
            }
        }
        r.consume(n);
        if done {
            if overlong {
                out.clear();
            }
            return Ok(overlong);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    #[test]
    fn lines_blank_lines_bad_lines_and_crlf() {
        let input = "\u{feff}{\"event_type\":\"a\"}\r\n\n{broken\n{\"event_type\":\"b\"}";
        let mut seen = Vec::new();
        let (sink, r) = MemorySink::run_parser("events.json", input, |reader, cx| {
            for_each::<serde_json::Value>(reader, cx, |n, v, _| {
                seen.push((n, v["event_type"].as_str().unwrap().to_string()));
                Ok(())
            })
        });
        r.unwrap();
        assert_eq!(seen, vec![(1, "a".to_string()), (4, "b".to_string())]);
        assert_eq!(sink.warnings.len(), 1);
        assert_eq!(sink.warnings[0].position, Some(3));
    }

    #[test]
    fn overlong_line_is_skipped_not_kept() {
        let mut r = std::io::Cursor::new(vec![b'x'; MAX_LINE_BYTES + 10]);
        let mut out = Vec::new();
        assert!(read_line_bounded(&mut r, &mut out).unwrap());
        assert!(out.is_empty());
    }
}
