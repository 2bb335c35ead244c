//! Plain list elements to records, for every importer whose exports are lists of small flat
//! objects with a date, one field that says what (a link, a search term, a username) and a few
//! details (TikTok's `{"Date": "2024-03-01 09:30:00", "Link": "..."}`, Snapchat's `{"Created":
//! "2025-02-24 21:09:09 UTC", "Username": "..."}`). Each kind is described once by a
//! [`RowSpec`] and emitted by [`emit_row`], so no parser repeats the date, title, key and
//! warning logic.
//!
//! Field names are looked up with [`crate::formats::lenient`] (casing and spacing drift:
//! `Date`/`date`, `SearchTerm`/`Search Term`); placeholders (`N/A`) count as missing.
use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record};
use serde_json::{Map, Value};

/// How one kind of list element becomes a record.
#[derive(Debug, PartialEq)]
pub struct RowSpec {
    pub kind: &'static str,
    pub category: Category,
    /// Start of the title, followed by the main field (`"Searched for "`).
    pub verb: &'static str,
    /// Alternative names of the date field.
    pub date: &'static [&'static str],
    /// Alternative names of the field that says what the element is about.
    pub main: &'static [&'static str],
    /// The main field is long text (a comment): it goes into the body, the title is the verb.
    pub main_is_text: bool,
    /// Details kept in the record's data (under the first name given).
    pub extra: &'static [&'static [&'static str]],
    /// A constant data field that tells records of one kind apart (`("list", "follower")`).
    pub tag: Option<(&'static str, &'static str)>,
    /// A bare string element is the main field (lists of names: `["Nike", "IKEA"]`).
    pub string_is_main: bool,
}

impl RowSpec {
    /// A spec with no details and no tag (most lists).
    pub const fn simple(
        kind: &'static str,
        category: Category,
        verb: &'static str,
        date: &'static [&'static str],
        main: &'static [&'static str],
    ) -> RowSpec {
        RowSpec {
            kind,
            category,
            verb,
            date,
            main,
            main_is_text: false,
            extra: &[],
            tag: None,
            string_is_main: false,
        }
    }
}

/// Emit `value` (one list element) as the record `spec` describes. An element that is not
/// an object, or has none of the fields, is a warning; an unreadable date is a warning and
/// the record keeps no time.
pub fn emit_row(
    cx: &mut ImportCx<'_>,
    position: u64,
    spec: &RowSpec,
    value: &Value,
) -> Result<(), ParseError> {
    let Some(record) = row(cx, position, spec, value) else {
        return Ok(());
    };
    cx.emit(position, record)
}

/// The record of [`emit_row`], for callers that add to it (a company, a point).
pub fn row(cx: &mut ImportCx<'_>, position: u64, spec: &RowSpec, value: &Value) -> Option<Record> {
    if let (Value::String(s), true) = (value, spec.string_is_main) {
        let wrapped = serde_json::json!({ spec.main[0]: s });
        return row(cx, position, spec, &wrapped);
    }
    if !value.is_object() {
        cx.warn(
            Some(position),
            format!(
                "{}: expected an object, found {}",
                spec.kind,
                kind_of(value)
            ),
        );
        return None;
    }
    let date = lenient::field(value, spec.date);
    let ts = dated(cx, position, spec.kind, date.as_deref());
    let main = lenient::field(value, spec.main);
    let mut data = Map::new();
    if let Some((k, v)) = spec.tag {
        data.insert(k.to_string(), Value::String(v.to_string()));
    }
    for names in spec.extra {
        if let Some(v) = lenient::field(value, names) {
            data.insert(names[0].to_string(), Value::String(v));
        }
    }
    if date.is_none() && main.is_none() && data.len() <= usize::from(spec.tag.is_some()) {
        cx.warn(
            Some(position),
            format!("{}: element without any known field", spec.kind),
        );
        return None;
    }
    let mut key: Vec<&str> = vec![date.as_deref().unwrap_or(""), main.as_deref().unwrap_or("")];
    let values: Vec<String> = data
        .values()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect();
    key.extend(values.iter().map(String::as_str));
    let mut r = Record::new(spec.kind, spec.category).at(ts).with_key(&key);
    r = match (main, spec.main_is_text) {
        (Some(text), true) => r.title(spec.verb.trim()).body(text),
        (Some(what), false) => r.title(format!("{}{what}", spec.verb)),
        (None, _) => r.title(spec.verb.trim().trim_end_matches(':')),
    };
    if !data.is_empty() {
        r = r.data(&data);
    }
    Some(r)
}

/// A date field as epoch ms; a present but unreadable date is a warning.
pub fn dated(cx: &mut ImportCx<'_>, position: u64, what: &str, raw: Option<&str>) -> Option<i64> {
    let raw = raw?;
    let ts = crate::time::parse(raw);
    if ts.is_none() {
        cx.warn(Some(position), format!("{what}: unreadable date `{raw}`"));
    }
    ts
}

/// "an object", "a string", ... for warnings.
pub fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
