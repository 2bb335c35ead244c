//! The generic walker for Meta's self-describing records.
//!
//! Since 2024 many Meta files hold records like
//! `{fbid, ent_name?, media[], label_values:[{label, value | timestamp_value | href |
//! vec:[{value}|{dict}] | dict:[{label, value, timestamp_value}]}]}` with labels in the
//! user's language, and Instagram has long used `string_map_data:{"<Label>":{href, value,
//! timestamp}}`. Their meaning is in the labels, not in the keys, so instead of one parser per
//! file, [`walk`] turns any such tree into `(label path, value)` pairs, and [`summarize`]
//! makes a record out of them (title, time, searchable body, pairs kept as data). Other JSON
//! (plain keys) is walked too, with the keys as labels, so a file of unknown shape still
//! yields its text.

use super::{fx, number_of};
use crate::model::{Category, Record};
use serde::Serialize;
use serde_json::Value;

/// At most this many pairs per record: a defence against hostile or enormous elements.
pub const MAX_PAIRS: usize = 1_000;
/// Separator between the labels of a path (`Device > Last active`).
pub const SEP: &str = " > ";

/// One leaf of a walked record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// Labels (or keys) from the record's root to this leaf, joined with [`SEP`]; mojibake fixed.
    pub path: String,
    #[serde(flatten)]
    pub value: Leaf,
}

/// A leaf value: text, or a time (label values' `timestamp_value`, or a key that names a time).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Leaf {
    Text(String),
    /// UTC epoch milliseconds.
    Time(i64),
}

/// True when the value is a record in one of the label-driven forms (`label_values` or
/// Instagram's `string_map_data` / `string_list_data`).
pub fn has_generic_form(v: &Value) -> bool {
    v.as_object().is_some_and(|o| {
        o.get("label_values").is_some_and(Value::is_array)
            || o.get("string_map_data").is_some_and(Value::is_object)
    })
}

/// Walk a record into pairs (at most [`MAX_PAIRS`]). `fbid` keys are internal ids and are
/// left out (the [`Summary`] keeps the record's own).
pub fn walk(v: &Value) -> Vec<Pair> {
    let mut out = Vec::new();
    walk_value(v, "", None, false, &mut out);
    out
}

fn join(path: &str, label: &str) -> String {
    match (path.is_empty(), label.is_empty()) {
        (true, _) => label.to_string(),
        (false, true) => path.to_string(),
        (false, false) => format!("{path}{SEP}{label}"),
    }
}

fn push(out: &mut Vec<Pair>, path: &str, value: Leaf) {
    if out.len() < MAX_PAIRS {
        out.push(Pair {
            path: path.to_string(),
            value,
        });
    }
}

/// Keys whose numbers are Unix seconds (`timestamp`, `creation_timestamp`, `added_timestamp`,
/// `timestamp_value`) or milliseconds (`timestamp_ms`).
fn time_of(key: &str, v: &Value) -> Option<i64> {
    let n = number_of(v)?;
    if key == "timestamp_ms" {
        return crate::time::ms_units(n);
    }
    if key == "timestamp" || key.ends_with("_timestamp") || key == "timestamp_value" {
        return crate::time::secs_ms(n);
    }
    None
}

/// `in_leaf`: `v` is the value of an Instagram label (`string_map_data`) or an item of
/// `string_list_data`, whose `value`, `href` and `timestamp` are the label's own leaves rather
/// than fields with names of their own.
fn walk_value(v: &Value, path: &str, key: Option<&str>, in_leaf: bool, out: &mut Vec<Pair>) {
    if out.len() >= MAX_PAIRS {
        return;
    }
    match v {
        Value::Null => {}
        Value::Bool(b) => push(out, path, Leaf::Text(b.to_string())),
        Value::Number(n) => match key.and_then(|k| time_of(k, v)) {
            Some(ms) => push(out, path, Leaf::Time(ms)),
            // Zero and negative "timestamps" mean "no date": drop them, keep other numbers.
            None if key.is_some_and(|k| k.contains("timestamp")) => {}
            None => push(out, path, Leaf::Text(n.to_string())),
        },
        Value::String(s) => {
            let s = fx(s);
            if !s.is_empty() {
                push(out, path, Leaf::Text(s));
            }
        }
        Value::Array(items) => {
            for item in items {
                walk_value(item, path, key, in_leaf, out);
            }
        }
        Value::Object(o) => {
            for (k, child) in o {
                match k.as_str() {
                    "fbid" => {}
                    "label_values" => {
                        for entry in child.as_array().into_iter().flatten() {
                            walk_entry(entry, path, out);
                        }
                    }
                    "string_map_data" => {
                        for (label, leaf) in child.as_object().into_iter().flatten() {
                            walk_value(leaf, &join(path, &fx(label)), None, true, out);
                        }
                    }
                    "string_list_data" => walk_value(child, path, None, true, out),
                    "value" | "href" | "timestamp" if in_leaf => {
                        walk_value(child, path, Some(k), false, out)
                    }
                    _ => walk_value(child, &join(path, &fx(k)), Some(k), false, out),
                }
            }
        }
    }
}

/// One `label_values` entry (or a `vec` item, which has no label of its own). Fields are
/// visited in a fixed order (value, time, link, nested) whatever their order in the file.
fn walk_entry(entry: &Value, path: &str, out: &mut Vec<Pair>) {
    let Some(o) = entry.as_object() else {
        walk_value(entry, path, None, false, out);
        return;
    };
    let label = o
        .get("label")
        .and_then(Value::as_str)
        .or_else(|| o.get("ent_field_name").and_then(Value::as_str))
        .map(fx)
        .unwrap_or_default();
    let here = join(path, &label);
    if let Some(v) = o.get("value") {
        walk_value(v, &here, None, false, out);
    }
    if let Some(ms) = o
        .get("timestamp_value")
        .and_then(number_of)
        .and_then(crate::time::secs_ms)
    {
        push(out, &here, Leaf::Time(ms));
    }
    if let Some(h) = o.get("href").and_then(Value::as_str).map(fx).filter(|s| !s.is_empty()) {
        // A link beside a value is its own leaf; a link alone is the value.
        let at = if o.contains_key("value") { join(&here, "link") } else { here.clone() };
        push(out, &at, Leaf::Text(h));
    }
    for nested in ["vec", "dict"] {
        for item in o.get(nested).and_then(Value::as_array).into_iter().flatten() {
            walk_entry(item, &here, out);
        }
    }
    for (k, child) in o {
        if !matches!(
            k.as_str(),
            "label" | "ent_field_name" | "value" | "timestamp_value" | "href" | "vec" | "dict"
        ) {
            walk_value(child, &join(&here, &fx(k)), Some(k), false, out);
        }
    }
}

/// What a walked record becomes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub fbid: Option<String>,
    /// `ent_name`, or a `title` field, when the record has one.
    pub name: Option<String>,
    pub pairs: Vec<Pair>,
}

/// Walk a record and pick out its identity fields.
pub fn summarize(v: &Value) -> Summary {
    let text_field = |k: &str| {
        v.get(k).and_then(|x| match x {
            Value::String(s) => Some(fx(s)).filter(|s| !s.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
    };
    Summary {
        fbid: text_field("fbid"),
        name: text_field("ent_name").or_else(|| text_field("title")),
        pairs: walk(v),
    }
}

impl Summary {
    /// The first time among the pairs.
    pub fn first_time(&self) -> Option<i64> {
        self.pairs.iter().find_map(|p| match p.value {
            Leaf::Time(ms) => Some(ms),
            Leaf::Text(_) => None,
        })
    }

    /// The first text value whose label (last path component, case-insensitive) is one of
    /// `labels`.
    pub fn text_labelled(&self, labels: &[&str]) -> Option<&str> {
        self.pairs.iter().find_map(|p| match &p.value {
            Leaf::Text(t) => {
                let last = p.path.rsplit(SEP).next().unwrap_or(&p.path);
                labels
                    .iter()
                    .any(|l| last.eq_ignore_ascii_case(l))
                    .then_some(t.as_str())
            }
            Leaf::Time(_) => None,
        })
    }

    /// The first text value.
    pub fn first_text(&self) -> Option<&str> {
        self.pairs.iter().find_map(|p| match &p.value {
            Leaf::Text(t) => Some(t.as_str()),
            Leaf::Time(_) => None,
        })
    }

    /// `label: value` lines (times as dates), for full-text search.
    pub fn body(&self) -> String {
        let mut s = String::new();
        for p in &self.pairs {
            let v = match &p.value {
                Leaf::Text(t) => t.clone(),
                Leaf::Time(ms) => crate::time::display(*ms),
            };
            if !s.is_empty() {
                s.push('\n');
            }
            if p.path.is_empty() {
                s.push_str(&v);
            } else {
                s.push_str(&p.path);
                s.push_str(": ");
                s.push_str(&v);
            }
        }
        s
    }

    /// The natural key's parts, from what a JSON record and its HTML page both show: the
    /// name, the first time, and the text pairs with labels normalized (`ip_address` and
    /// `IP address` are one label), sorted. Left out: the fbid (pages never print it), links
    /// (a page shows a link as its text), the name's own pair, and text that reads as a date
    /// (a page prints times as text).
    pub fn key_parts(&self) -> Vec<String> {
        let norm_label = |l: &str| -> String {
            let mut out = String::new();
            for c in l.chars().flat_map(char::to_lowercase) {
                if c.is_alphanumeric() {
                    out.push(c);
                } else if !out.ends_with('_') {
                    out.push('_');
                }
            }
            out.trim_matches('_').to_string()
        };
        let mut pairs: Vec<String> = self
            .pairs
            .iter()
            .filter_map(|p| match &p.value {
                Leaf::Text(t) => Some((norm_label(&p.path), t.split_whitespace().collect::<Vec<_>>().join(" "))),
                Leaf::Time(_) => None,
            })
            .filter(|(l, t)| {
                !l.ends_with("_link") && l != "link" && l != "title" && l != "ent_name" && crate::time::localized::parse(t).is_none()
            })
            .map(|(l, t)| format!("{l}={t}"))
            .collect();
        pairs.sort();
        let mut parts = vec![
            self.name.clone().unwrap_or_default(),
            self.first_time().map(|t| t.to_string()).unwrap_or_default(),
        ];
        parts.extend(pairs);
        parts
    }

    /// A record of `kind`: title from the name or the first labelled text, time from the
    /// first time, the pairs as data, the key from [`Summary::key_parts`] (so the record of a
    /// JSON file and of its HTML page is one).
    pub fn into_record(self, kind: &'static str, category: Category, fallback_title: &str) -> Record {
        let title = self
            .name
            .clone()
            .or_else(|| {
                self.pairs.iter().find_map(|p| match &p.value {
                    Leaf::Text(t) if p.path.is_empty() => Some(t.clone()),
                    Leaf::Text(t) => Some(format!("{}: {t}", p.path)),
                    Leaf::Time(_) => None,
                })
            })
            .map(|t| shorten(&t, 140))
            .unwrap_or_else(|| fallback_title.to_string());
        let body = self.body();
        let ts = self.first_time();
        let parts = self.key_parts();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        Record::new(kind, category)
            .at(ts)
            .title(title)
            .body_opt(Some(body).filter(|b| !b.is_empty()))
            .data(&self)
            .with_key(&parts)
    }
}

/// Cut text to at most `max` chars (on a char boundary), with an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::importers::meta::test_support::moji;
    use serde_json::json;

    fn texts(pairs: &[Pair]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|p| {
                let v = match &p.value {
                    Leaf::Text(t) => t.clone(),
                    Leaf::Time(ms) => format!("@{ms}"),
                };
                (p.path.clone(), v)
            })
            .collect()
    }

    fn s(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn walks_value_timestamp_vec_and_dict() {
        let v = json!({
            "fbid": "123",
            "ent_name": "Search",
            "media": [],
            "label_values": [
                {"label": "Query", "value": "rust zip"},
                {"label": "Time", "timestamp_value": 1_700_000_000},
                {"label": "Advertisers", "vec": [{"value": "Nike"}, {"value": "Criteo"}]},
                {"label": "Device", "dict": [
                    {"label": "Name", "value": "Pixel"},
                    {"label": "Last active", "timestamp_value": 1_700_000_100}
                ]},
                {"label": "Sessions", "vec": [{"dict": [{"label": "IP", "value": "192.0.2.1"}]}]},
                {"label": "Profile", "value": "Sam", "href": "https://example.com/sam"}
            ]
        });
        let got = texts(&walk(&v));
        assert_eq!(
            got,
            vec![
                s("ent_name", "Search"),
                s("Query", "rust zip"),
                s("Time", "@1700000000000"),
                s("Advertisers", "Nike"),
                s("Advertisers", "Criteo"),
                s("Device > Name", "Pixel"),
                s("Device > Last active", "@1700000100000"),
                s("Sessions > IP", "192.0.2.1"),
                s("Profile", "Sam"),
                s("Profile > link", "https://example.com/sam"),
            ]
        );
    }

    #[test]
    fn repairs_mojibake_in_labels_and_values() {
        let v = json!({"label_values": [
            {"label": moji("Catégorie"), "value": moji("Café ☕")},
            {"label": moji("Geräte"), "vec": [{"value": moji("Tablette d’Zoë")}]}
        ]});
        assert_eq!(
            texts(&walk(&v)),
            vec![s("Catégorie", "Café ☕"), s("Geräte", "Tablette d’Zoë")]
        );
    }

    #[test]
    fn walks_instagram_string_map_data() {
        let v = json!({
            "title": "",
            "media_map_data": {},
            "string_map_data": {
                "IP address": {"href": "", "value": "198.51.100.7", "timestamp": 0},
                "Time": {"href": "", "value": "", "timestamp": 1_650_000_000},
                moji("Gerät"): {"value": "iPhone"}
            }
        });
        assert_eq!(
            texts(&walk(&v)),
            // serde_json keeps object keys sorted.
            vec![
                s("Gerät", "iPhone"),
                s("IP address", "198.51.100.7"),
                s("Time", "@1650000000000"),
            ]
        );
        assert!(has_generic_form(&v));
        assert!(!has_generic_form(&json!({"name": "x"})));
    }

    #[test]
    fn plain_keys_are_labels_and_known_time_keys_are_times() {
        let v = json!({"action": "Login", "timestamp": 1_600_000_000, "ip_address": "203.0.113.9",
                       "count": 3, "ok": true, "creation_timestamp": 0});
        assert_eq!(
            texts(&walk(&v)),
            vec![
                s("action", "Login"),
                s("count", "3"),
                s("ip_address", "203.0.113.9"),
                s("ok", "true"),
                s("timestamp", "@1600000000000"),
            ]
        );
    }

    #[test]
    fn summary_makes_a_keyed_record() {
        let v = json!({"fbid": "77", "label_values": [
            {"label": "Query", "value": "bike repair"},
            {"label": "Time", "timestamp_value": 1_700_000_000}
        ]});
        let r = summarize(&v).into_record("generic", Category::Searches, "your_search_history");
        assert_eq!(r.title.as_deref(), Some("Query: bike repair"));
        assert_eq!(r.ts, Some(1_700_000_000_000));
        assert_eq!(
            r.body.as_deref(),
            Some("Query: bike repair\nTime: 2023-11-14 22:13 UTC")
        );
        // Keyed by what its HTML page shows too: name, first time, normalized text pairs.
        assert_eq!(r.key, Some(crate::model::key_of("generic", &["", "1700000000000", "query=bike repair"])));
        let other_id = summarize(&json!({"fbid": "78", "label_values": [
            {"label": "Query", "value": "bike  repair"}, {"label": "Time", "timestamp_value": 1_700_000_000}]}));
        assert_eq!(other_id.into_record("generic", Category::Searches, "f").key, r.key, "the fbid is not part of the key");
        // Plain keys and labels spelled out are one label; links and date-like text stay out.
        let plain = summarize(&json!({"ip_address": "192.0.2.1", "when": "2024-03-01", "label_values": [{"label": "Page", "value": "P", "href": "https://x"}]}));
        assert_eq!(plain.key_parts(), ["", "", "ip_address=192.0.2.1", "page=P"]);
    }

    #[test]
    fn pairs_are_bounded() {
        let many: Vec<Value> = (0..5000).map(|i| json!({"value": i.to_string()})).collect();
        let v = json!({"label_values": [{"label": "L", "vec": many}]});
        assert_eq!(walk(&v).len(), MAX_PAIRS);
    }

    #[test]
    fn shorten_keeps_char_boundaries() {
        assert_eq!(shorten("héllo wörld", 5), "héll…");
        assert_eq!(shorten("short", 10), "short");
    }
}
