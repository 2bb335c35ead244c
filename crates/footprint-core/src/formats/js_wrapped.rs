//! JSON behind a JavaScript assignment, as X/Twitter archives write every `data/*.js` file:
//! `window.YTD.tweets.part0 = [ ... ]`, and `data/manifest.js` as
//! `window.__THAR_CONFIG = { ... }`. The reader drops everything up to the first `=` and a
//! trailing `;`, and streams the rest, so a 300,000-tweet file goes through
//! [`crate::json_stream`] element by element like any JSON array.

use std::io::{self, BufRead, BufReader, Read};

/// How far into a file the `=` may be (a prefix longer than this is not a JS wrapper).
pub const MAX_PREFIX: usize = 4096;

/// The assigned name of a JS-wrapped file's head: `YTD.tweets.part0` for
/// `window.YTD.tweets.part0 = [`, `__THAR_CONFIG` for the manifest. `None` when the head
/// is not a `window.<name> =` assignment.
pub fn global_name(head: &[u8]) -> Option<&str> {
    let head = super::strip_bom(head);
    let text = std::str::from_utf8(&head[..head.len().min(MAX_PREFIX)]).ok().or_else(|| {
        // A head cut inside a multi-byte character: the prefix itself is ASCII.
        let eq = head.iter().position(|b| *b == b'=')?;
        std::str::from_utf8(&head[..eq + 1]).ok()
    })?;
    let text = text.trim_start();
    let rest = text.strip_prefix("window.")?;
    let eq = rest.find('=')?;
    let name = rest[..eq].trim();
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-');
    ok.then_some(name)
}

/// `YTD.tweets.part0` -> `tweets`; `YTD.ad_impressions.part3` -> `ad_impressions`.
pub fn data_type(global: &str) -> &str {
    let mut parts = global.split('.');
    match (parts.next(), parts.next()) {
        (Some("YTD"), Some(t)) => t,
        _ => global,
    }
}

/// A reader that yields the JSON after the assignment. Fails with `InvalidData` when no `=`
/// appears in the first [`MAX_PREFIX`] bytes.
pub fn unwrap<R: Read>(reader: R) -> io::Result<JsonAfterAssignment<BufReader<R>>> {
    let mut inner = BufReader::with_capacity(64 * 1024, reader);
    let mut skipped = 0usize;
    loop {
        let buf = inner.fill_buf()?;
        if buf.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "empty file: no `window.… =` assignment",
            ));
        }
        if let Some(eq) = buf.iter().position(|b| *b == b'=') {
            inner.consume(eq + 1);
            break;
        }
        let n = buf.len();
        skipped += n;
        inner.consume(n);
        if skipped > MAX_PREFIX {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "not a JS-wrapped JSON file: no `=` in its first 4 KiB",
            ));
        }
    }
    Ok(JsonAfterAssignment {
        inner,
        held: Vec::new(),
        out: Vec::new(),
        out_pos: 0,
    })
}

/// See [`unwrap`]. Trailing `;` and whitespace are held back until a byte that is neither
/// follows (then they were inside the JSON) or the end (then they are dropped).
pub struct JsonAfterAssignment<R> {
    inner: R,
    held: Vec<u8>,
    out: Vec<u8>,
    out_pos: usize,
}

impl<R: BufRead> Read for JsonAfterAssignment<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_pos >= self.out.len() {
            self.out.clear();
            self.out_pos = 0;
            let chunk = self.inner.fill_buf()?;
            if chunk.is_empty() {
                // End: whatever is held is the trailing `;` and whitespace.
                self.held.clear();
                return Ok(0);
            }
            let n = chunk.len();
            // The chunk's tail of `;`/whitespace is held; everything before it is released
            // together with what was held before.
            let keep = chunk
                .iter()
                .rposition(|b| !(*b == b';' || b.is_ascii_whitespace()))
                .map(|p| p + 1);
            match keep {
                Some(k) => {
                    self.out.append(&mut self.held);
                    self.out.extend_from_slice(&chunk[..k]);
                    self.held.extend_from_slice(&chunk[k..]);
                }
                None => self.held.extend_from_slice(chunk),
            }
            self.inner.consume(n);
        }
        let n = (self.out.len() - self.out_pos).min(buf.len());
        buf[..n].copy_from_slice(&self.out[self.out_pos..self.out_pos + n]);
        self.out_pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unwrapped(s: &str) -> String {
        let mut out = String::new();
        unwrap(s.as_bytes()).unwrap().read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn strips_the_assignment_and_the_trailing_semicolon() {
        assert_eq!(unwrapped("window.YTD.tweets.part0 = [1, 2];\n"), " [1, 2]");
        assert_eq!(unwrapped("window.__THAR_CONFIG = {\"a\": \"x;\"}"), " {\"a\": \"x;\"}");
        // A `;` inside the JSON, followed by more JSON, is kept.
        assert_eq!(unwrapped("window.a = [\"; \" , 1] ; ; \n"), " [\"; \" , 1]");
    }

    #[test]
    fn names_the_global() {
        assert_eq!(global_name(b"window.YTD.tweets.part0 = ["), Some("YTD.tweets.part0"));
        assert_eq!(global_name(b"\xEF\xBB\xBFwindow.__THAR_CONFIG = {"), Some("__THAR_CONFIG"));
        assert_eq!(global_name(b"[{\"a\": 1}]"), None);
        assert_eq!(data_type("YTD.ad_impressions.part2"), "ad_impressions");
    }

    #[test]
    fn streams_into_the_array_reader() {
        let js = "window.YTD.like.part0 = [ {\"like\": {\"tweetId\": \"1\"}}, {\"like\": {\"tweetId\": \"2\"}} ]";
        let mut n = 0;
        let mut r = unwrap(js.as_bytes()).unwrap();
        crate::json_stream::stream_json(&mut r, &[], &mut |item| {
            if let crate::json_stream::JsonItem::Element { .. } = item {
                n += 1;
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(n, 2);
    }

    #[test]
    fn refuses_a_file_without_assignment() {
        assert!(unwrap("".as_bytes()).is_err());
        assert!(unwrap(" ".repeat(5000).as_bytes()).is_err());
    }
}
