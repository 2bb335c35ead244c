//! JSON of any shape as records: one per list element (at any depth), and one per object for
//! the scalars written directly in it (a settings file, a profile section), in one streaming
//! pass through [`json_walk`].
//!
//! The walker hands scalars one by one; they are gathered per enclosing object. Objects only
//! ever close in document order, so the objects still gathering form a chain from the root
//! (at most the nesting depth): an object's record is written as soon as the walk has left it,
//! and a huge flat object is written in records of [`MAX_PAIRS`] values. A list element is
//! built in memory whole (the walker's unit), so memory follows the largest element, not the
//! file.

use super::flatten::{Pairs, MAX_PAIRS};
use super::INDEXED_JSON;
use crate::formats::json_walk::{self, Node, Step};
use crate::formats::ndjson;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record};
use serde_json::Value;
use std::io::Read;

/// Scalars gathered for one object (by its path of keys) that is still being walked.
struct Open {
    path: Vec<String>,
    pairs: Pairs,
}

/// Writes records in file order with running positions.
struct Emitter<'c, 'a> {
    cx: &'c mut ImportCx<'a>,
    /// The file name (without folders): part of every key, so two files' equal values stay
    /// two records, and a newer export with another top folder gives the same keys.
    name: String,
    next: u64,
}

impl Emitter<'_, '_> {
    fn emit(&mut self, section: &[String], pairs: &Pairs) -> Result<(), ParseError> {
        if pairs.is_empty() {
            return Ok(());
        }
        let section = section.last().map(String::as_str).unwrap_or("");
        let body = pairs.body();
        let record = Record::new(INDEXED_JSON, Category::Unclassified)
            .title(pairs.title(section))
            .with_key(&[&self.name, section, &body])
            .body(body);
        let position = self.next;
        self.next += 1;
        self.cx.emit(position, record)
    }

    /// Write and forget the open objects the walk has left (those that do not enclose `here`).
    fn close_left(&mut self, open: &mut Vec<Open>, here: &[String]) -> Result<(), ParseError> {
        while let Some(last) = open.last() {
            if here.starts_with(&last.path) {
                break;
            }
            let done = open.pop().expect("checked");
            self.emit(&done.path, &done.pairs)?;
        }
        Ok(())
    }
}

fn file_name(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_string()
}

/// Index a JSON document (any shape).
pub fn index_json(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let mut out = Emitter {
        name: file_name(cx.file),
        cx,
        next: 0,
    };
    let mut open: Vec<Open> = Vec::new();
    json_walk::walk(reader, &|_| Step::Descend, &mut |node| match node {
        Node::Element { path, value, .. } => {
            out.close_left(&mut open, path)?;
            out.emit(path, &Pairs::of_json(&value))
        }
        Node::Leaf { path, value } => {
            let (key, parent) = match path.split_last() {
                Some((k, p)) => (k.as_str(), p),
                None => ("", path),
            };
            out.close_left(&mut open, parent)?;
            if open.last().is_none_or(|o| o.path != parent) {
                open.push(Open {
                    path: parent.to_vec(),
                    pairs: Pairs::default(),
                });
            }
            let o = open.last_mut().expect("pushed");
            let text = match &value {
                Value::String(s) => Some(crate::text::fix_mojibake(s).into_owned()),
                Value::Null => None,
                other => Some(other.to_string()),
            };
            if let Some(text) = text {
                o.pairs.push(key, &text);
            }
            if o.pairs.pairs.len() >= MAX_PAIRS {
                // A huge flat object: written in parts, so memory stays bounded.
                let full = std::mem::take(&mut o.pairs);
                let path = o.path.clone();
                out.emit(&path, &full)?;
            }
            Ok(())
        }
    })?;
    out.close_left(&mut open, &[])?;
    while let Some(o) = open.pop() {
        out.emit(&o.path, &o.pairs)?;
    }
    Ok(())
}

/// Index newline-delimited JSON: one record per line; a line that is not JSON is a warning.
pub fn index_ndjson(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let name = file_name(cx.file);
    ndjson::for_each_line(reader, cx, |line, raw, cx| {
        match serde_json::from_slice::<Value>(raw) {
            Ok(v) => {
                let pairs = Pairs::of_json(&v);
                if !pairs.is_empty() {
                    let body = pairs.body();
                    let record = Record::new(INDEXED_JSON, Category::Unclassified)
                        .title(pairs.title(""))
                        .with_key(&[&name, "", &body])
                        .body(body);
                    cx.emit(line - 1, record)?;
                }
            }
            Err(e) => cx.warn(Some(line - 1), format!("line {line} is not valid JSON: {e}")),
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    fn titles(doc: &str) -> Vec<(u64, String, String)> {
        let (sink, r) = MemorySink::run_parser("x/odd.json", doc, |r, cx| index_json(r, cx));
        r.unwrap();
        sink.records
            .iter()
            .map(|r| (r.position, r.title.clone().unwrap(), r.body.clone().unwrap()))
            .collect()
    }

    #[test]
    fn list_elements_and_objects_become_records_in_file_order() {
        let doc = r#"{"owner": "Quiet Lake", "settings": {"theme": "dark", "lang": "fr"},
            "items": [{"name": "first"}, {"name": "second"}], "tail": 3}"#;
        let got = titles(doc);
        assert_eq!(
            got,
            vec![
                (0, "settings — theme: dark".into(), "theme: dark\nlang: fr".into()),
                (1, "items — name: first".into(), "name: first".into()),
                (2, "items — name: second".into(), "name: second".into()),
                // The root's own scalars, gathered around the nested parts.
                (3, "owner: Quiet Lake".into(), "owner: Quiet Lake\ntail: 3".into()),
            ]
        );
        let top_array = titles(r#"[{"label": "a"}, "b", 3, null]"#);
        assert_eq!(top_array.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(), ["label: a", "b", "3"]);
    }

    #[test]
    fn a_huge_flat_object_is_written_in_parts() {
        let members: Vec<String> = (0..(MAX_PAIRS * 2 + 5)).map(|i| format!("\"k{i}\": {i}")).collect();
        let got = titles(&format!("{{{}}}", members.join(",")));
        assert_eq!(got.len(), 3);
        assert!(got[2].2.starts_with(&format!("k{}: ", MAX_PAIRS * 2)));
    }

    #[test]
    fn damage_keeps_what_came_before_and_ndjson_lines_warn() {
        let (sink, r) = MemorySink::run_parser("a.json", r#"{"l": [{"a": 1}, {"a": 2}, {"a"#, |r, cx| index_json(r, cx));
        assert!(matches!(r, Err(ParseError::Json { .. })));
        assert_eq!(sink.records.len(), 2);
        let (sink, r) = MemorySink::run_parser("a.ndjson", "\u{feff}{\"e\": \"x\"}\nnot json\n\n{\"e\": \"y\"}\n", |r, cx| index_ndjson(r, cx));
        r.unwrap();
        assert_eq!(sink.records.iter().map(|r| r.position).collect::<Vec<_>>(), [0, 3]);
        assert_eq!(sink.warnings.len(), 1);
        assert!(sink.warnings[0].message.contains("line 2"), "{:?}", sink.warnings);
    }
}
