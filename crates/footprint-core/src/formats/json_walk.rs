//! One big JSON object of nested sections, walked in a single streaming pass (TikTok's
//! `user_data_tiktok.json`: `{"Your Activity": {"Watch History": {"VideoList": [...]}}, ...}`,
//! tens of MB with the large arrays three levels down, where [`crate::json_stream`] only
//! streams arrays at the top level).
//!
//! The walker descends into objects as the caller's [`Step`] policy says, hands every element
//! of every array it meets as its own [`Value`] (so memory holds one element, never the whole
//! list), and hands over whole the values the policy keeps (small maps like a profile).
//! Skipped values are read past without being built. Syntax damage (a truncated file) is a
//! [`ParseError::Json`] with the byte offset; everything handed over before it stays valid.

use crate::importer::ParseError;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::cell::Cell;
use std::fmt;
use std::io::{BufReader, Read};

/// What to do with the member at a path (keys from the root, as written in the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Objects: walk their members; arrays: hand over each element; scalars: hand over.
    Descend,
    /// Hand over the whole value as one [`Node::Leaf`].
    Take,
    /// Read past it without building it.
    Skip,
}

/// What the walker hands over.
#[derive(Debug)]
pub enum Node<'a> {
    /// Element `index` of the array at `path`.
    Element {
        path: &'a [String],
        index: u64,
        value: Value,
    },
    /// A scalar, or a value the policy said to [`Step::Take`], at `path`.
    Leaf { path: &'a [String], value: Value },
}

impl<'a> Node<'a> {
    /// `(path, value, is_list_element)`: what importers that treat both kinds alike need.
    pub fn into_parts(self) -> (&'a [String], Value, bool) {
        match self {
            Node::Element { path, value, .. } => (path, value, true),
            Node::Leaf { path, value } => (path, value, false),
        }
    }
}

/// Walk the JSON document in `reader`. `policy` is asked for every object member; the root
/// is always descended. A UTF-8 BOM is skipped. Errors of `f` stop the walk and are returned
/// as they are.
pub fn walk(
    reader: &mut dyn Read,
    policy: &dyn Fn(&[String]) -> Step,
    f: &mut dyn FnMut(Node<'_>) -> Result<(), ParseError>,
) -> Result<(), ParseError> {
    // A BOM is dropped before serde_json sees the bytes (reads can return one byte at a time,
    // so the three are gathered first).
    let mut prefix = [0u8; 3];
    let mut got = 0;
    while got < prefix.len() {
        match reader.read(&mut prefix[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(ParseError::Io(e)),
        }
    }
    let kept = if prefix[..got] == *super::BOM {
        &[][..]
    } else {
        &prefix[..got]
    };
    let consumed = Cell::new((got - kept.len()) as u64);
    let mut counting = Counting {
        inner: BufReader::with_capacity(256 << 10, kept.chain(reader)),
        consumed: &consumed,
    };
    let mut walker = Walker {
        path: Vec::new(),
        policy,
        f,
        failed: None,
    };
    let mut de = serde_json::Deserializer::from_reader(&mut counting);
    let outcome = NodeSeed(&mut walker)
        .deserialize(&mut de)
        .and_then(|()| de.end());
    if let Some(e) = walker.failed.take() {
        return Err(e);
    }
    outcome.map_err(|e| {
        if e.is_io() {
            // The archive failing (corrupt entry), not the document: keep it an I/O error.
            ParseError::Io(std::io::Error::other(e.to_string()))
        } else {
            ParseError::Json {
                offset: consumed.get(),
                message: if e.is_eof() {
                    format!("{e} (truncated?)")
                } else {
                    e.to_string()
                },
            }
        }
    })
}

/// Counts the bytes serde_json consumed (for error offsets).
struct Counting<'c, R> {
    inner: R,
    consumed: &'c Cell<u64>,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(out)?;
        self.consumed.set(self.consumed.get() + n as u64);
        Ok(n)
    }
}

struct Walker<'w> {
    path: Vec<String>,
    policy: &'w dyn Fn(&[String]) -> Step,
    f: &'w mut dyn FnMut(Node<'_>) -> Result<(), ParseError>,
    /// The callback's error, kept while serde unwinds with a placeholder.
    failed: Option<ParseError>,
}

impl Walker<'_> {
    fn hand<E: de::Error>(&mut self, node: impl FnOnce(&[String]) -> Node<'_>) -> Result<(), E> {
        if let Err(e) = (self.f)(node(&self.path)) {
            self.failed = Some(e);
            return Err(E::custom("stopped by the importer"));
        }
        Ok(())
    }

    fn leaf<E: de::Error>(&mut self, value: Value) -> Result<(), E> {
        self.hand(|path| Node::Leaf { path, value })
    }
}

/// Walks the value at the walker's current path.
struct NodeSeed<'a, 'w>(&'a mut Walker<'w>);

impl<'de> DeserializeSeed<'de> for NodeSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NodeSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let w = self.0;
        while let Some(key) = map.next_key::<String>()? {
            w.path.push(key);
            match (w.policy)(&w.path) {
                Step::Descend => map.next_value_seed(NodeSeed(w))?,
                Step::Take => {
                    let value: Value = map.next_value()?;
                    w.leaf(value)?;
                }
                Step::Skip => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            w.path.pop();
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let w = self.0;
        let mut index = 0u64;
        while let Some(value) = seq.next_element::<Value>()? {
            w.hand(|path| Node::Element { path, index, value })?;
            index += 1;
        }
        Ok(())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.0.leaf(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.0.leaf(Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.0.leaf(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.0.leaf(Value::from(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.0.leaf(Value::String(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<(), E> {
        self.0.leaf(Value::String(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.0.leaf(Value::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (path joined by `/`, index or -1 for leaves, compact value) of every node.
    fn nodes(
        doc: &[u8],
        policy: &dyn Fn(&[String]) -> Step,
    ) -> Result<Vec<(String, i64, String)>, ParseError> {
        let mut out = Vec::new();
        let mut r = doc;
        walk(&mut r, policy, &mut |n| {
            let (path, index, value) = match n {
                Node::Element { path, index, value } => (path.join("/"), index as i64, value),
                Node::Leaf { path, value } => (path.join("/"), -1, value),
            };
            out.push((path, index, value.to_string()));
            Ok(())
        })?;
        Ok(out)
    }

    fn descend(_: &[String]) -> Step {
        Step::Descend
    }

    #[test]
    fn streams_nested_arrays_and_hands_scalars() {
        let doc = br#"{"A": {"B": {"List": [{"x": 1}, {"x": 2}], "App": 1}}, "C": null, "D": []}"#;
        let got = nodes(doc, &descend).unwrap();
        assert_eq!(
            got,
            vec![
                ("A/B/List".to_string(), 0, r#"{"x":1}"#.to_string()),
                ("A/B/List".to_string(), 1, r#"{"x":2}"#.to_string()),
                ("A/B/App".to_string(), -1, "1".to_string()),
                ("C".to_string(), -1, "null".to_string()),
            ]
        );
    }

    #[test]
    fn take_and_skip() {
        let doc = b"\xEF\xBB\xBF{\"P\": {\"Map\": {\"a\": [1]}}, \"Big\": [1, 2, 3]}";
        // A BOM split over reads is still a BOM.
        let mut split = (&doc[..1]).chain(&doc[1..]);
        let mut n = 0;
        walk(&mut split, &|_| Step::Descend, &mut |_| {
            n += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(n, 4);
        let policy = |p: &[String]| match p.last().map(String::as_str) {
            Some("Map") => Step::Take,
            Some("Big") => Step::Skip,
            _ => Step::Descend,
        };
        let got = nodes(doc, &policy).unwrap();
        assert_eq!(
            got,
            vec![("P/Map".to_string(), -1, r#"{"a":[1]}"#.to_string())]
        );
    }

    #[test]
    fn a_truncated_document_keeps_what_came_before() {
        let doc = br#"{"A": {"List": [{"x": 1}, {"x": 2}, {"x""#;
        let mut seen = 0;
        let mut r = &doc[..];
        let err = walk(&mut r, &descend, &mut |_| {
            seen += 1;
            Ok(())
        })
        .unwrap_err();
        assert_eq!(seen, 2);
        match err {
            ParseError::Json { message, offset } => {
                assert!(message.contains("truncated"), "{message}");
                assert!(offset > 20, "{offset}");
            }
            e => panic!("unexpected {e}"),
        }
    }

    #[test]
    fn garbage_and_trailing_bytes_are_errors() {
        assert!(nodes(b"<html>", &descend).is_err());
        assert!(nodes(br#"{"a": 1} x"#, &descend).is_err());
        assert!(nodes(b"", &descend).is_err());
    }

    #[test]
    fn callback_errors_come_back_unchanged() {
        let mut r = &br#"{"L": [1, 2]}"#[..];
        let err = walk(&mut r, &descend, &mut |_| Err(ParseError::Cancelled)).unwrap_err();
        assert!(matches!(err, ParseError::Cancelled));
    }
}
