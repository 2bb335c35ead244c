//! Reading one X data file: JSON behind `window.YTD.<type>.partN = `, an array whose every
//! element wraps its item in one key (`{"tweet": {...}}`, `{"like": {...}}`,
//! `{"ad": {"adsUserData": ...}}`; the oldest `tweet.js` has bare tweet objects). The file is
//! unwrapped with [`js_wrapped`] and streamed element by element with [`stream_json`], so
//! a 300,000-tweet file never sits in memory; a file that is plain JSON (no assignment) is
//! read the same way.

use crate::formats::js_wrapped;
use crate::importer::{ImportCx, ParseError};
use crate::json_stream::{stream_json, JsonItem};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read};

/// The file's JSON, past the JS assignment if there is one. An empty file is a file error
/// (never an I/O error: that would abort the whole archive).
pub fn json_reader<'a>(
    reader: &'a mut dyn Read,
    cx: &ImportCx<'_>,
) -> Result<Box<dyn Read + 'a>, ParseError> {
    let mut buf = BufReader::with_capacity(64 * 1024, reader);
    let wrapped = {
        let head = buf.fill_buf()?;
        if head.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(ParseError::Structure(format!("{}: empty file", cx.file)));
        }
        js_wrapped::global_name(head).is_some()
    };
    if wrapped {
        let inner = js_wrapped::unwrap(buf)
            .map_err(|e| ParseError::Structure(format!("{}: {e}", cx.file)))?;
        Ok(Box::new(inner))
    } else {
        Ok(Box::new(buf))
    }
}

/// The item inside an element: the value of its single wrapper key when it has exactly one
/// key holding an object, else the element itself (bare old tweets).
pub fn unwrap_element(v: Value) -> Value {
    match v {
        Value::Object(mut o) if o.len() == 1 && o.values().next().is_some_and(Value::is_object) => {
            let key = o.keys().next().cloned().unwrap_or_default();
            o.remove(&key).unwrap_or(Value::Null)
        }
        other => other,
    }
}

/// Call `f` with the unwrapped item of every array element. A bad element (not JSON, `null`,
/// not an object) is a warning with its index; a file that is not a JSON array (truncated,
/// garbage) fails with the byte offset after the elements before the damage were imported.
pub fn each_item(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
    what: &str,
    f: &mut dyn FnMut(&mut ImportCx<'_>, u64, Value) -> Result<(), ParseError>,
) -> Result<(), ParseError> {
    let mut json = json_reader(reader, cx)?;
    let file = cx.file.to_string();
    stream_json(&mut json, &["*"], &mut |item| match item {
        JsonItem::Element { index, raw, .. } => match serde_json::from_slice::<Value>(raw) {
            Ok(Value::Object(o)) => f(cx, index, unwrap_element(Value::Object(o))),
            Ok(Value::Null) => {
                cx.warn(Some(index), format!("{what} {index}: null element skipped"));
                Ok(())
            }
            Ok(_) => {
                cx.warn(
                    Some(index),
                    format!("{what} {index}: not an object, skipped"),
                );
                Ok(())
            }
            Err(e) => {
                cx.warn(Some(index), format!("{what} {index}: {e}"));
                Ok(())
            }
        },
        // A top-level object: one item (the manifest, a hand-converted file).
        JsonItem::Field { .. } => Ok(()),
    })
    .map_err(|e| match e {
        ParseError::Json { offset, message } => {
            ParseError::Other(format!("{file}: invalid JSON at byte {offset}: {message}"))
        }
        other => other,
    })
}

/// The whole (small) file as one JSON value: the manifest, `account.js` heads.
pub fn whole(reader: &mut dyn Read, cx: &ImportCx<'_>, max: u64) -> Result<Value, ParseError> {
    let json = json_reader(reader, cx)?;
    let mut bytes = Vec::new();
    json.take(max).read_to_end(&mut bytes)?;
    serde_json::from_slice(&bytes).map_err(|e| ParseError::Other(format!("{}: {e}", cx.file)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    fn items(input: &str) -> (Vec<Value>, MemorySink, Result<(), ParseError>) {
        let mut got = Vec::new();
        let (out, r) = MemorySink::run_parser("data/x.js", input, |r, cx| {
            each_item(r, cx, "item", &mut |_, _, v| {
                got.push(v);
                Ok(())
            })
        });
        (got, out, r)
    }

    #[test]
    fn unwraps_wrappers_and_bare_items() {
        let (got, out, r) = items("window.YTD.like.part0 = [ {\"like\": {\"tweetId\": \"1\"}}, {\"id_str\": \"2\", \"full_text\": \"a\"}, null, 3 ]");
        r.unwrap();
        assert_eq!(
            got,
            vec![
                serde_json::json!({"tweetId": "1"}),
                serde_json::json!({"id_str": "2", "full_text": "a"})
            ]
        );
        assert_eq!(
            out.warnings.iter().map(|w| w.position).collect::<Vec<_>>(),
            [Some(2), Some(3)]
        );
    }

    #[test]
    fn plain_json_and_equals_inside_strings() {
        let (got, _, r) = items("[{\"like\": {\"expandedUrl\": \"https://x.com/a?b=c\"}}]");
        r.unwrap();
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn empty_and_truncated_files_fail_without_io_errors() {
        for input in ["", "  \n", "window.YTD.like.part0 = "] {
            let (_, _, r) = items(input);
            assert!(
                matches!(r, Err(ParseError::Structure(_)) | Err(ParseError::Other(_))),
                "{input:?}: {r:?}"
            );
        }
        let (got, _, r) =
            items("window.YTD.like.part0 = [ {\"like\": {\"tweetId\": \"1\"}}, {\"like\": {\"twe");
        assert_eq!(got.len(), 1, "the elements before the damage are kept");
        let e = r.unwrap_err().to_string();
        assert!(e.contains("data/x.js") && e.contains("byte"), "{e}");
    }
}
