//! A JSON value or a CSV row as searchable text: `key: value` lines (nested keys joined with
//! ` > `), and a readable title picked from the keys. Both are bounded, so a record stays small
//! whatever the element holds (a 10 MB string, 100,000 keys).

use serde_json::Value;

/// Longest body kept, in bytes (cut at a character boundary, marked with `…`).
pub const MAX_BODY_BYTES: usize = 8 * 1024;
/// Longest title kept, in characters.
pub const MAX_TITLE_CHARS: usize = 120;
/// Longest single value kept in the body, in characters.
pub const MAX_VALUE_CHARS: usize = 1_000;
/// Most `key: value` lines per record.
pub const MAX_PAIRS: usize = 500;
/// Deepest nesting followed (deeper values are left out: hostile or pathological input).
const MAX_DEPTH: usize = 32;

/// Keys whose value reads best as a title, in order of preference (compared without case,
/// spaces, dashes or underscores). Words of data exports in general, no platform's.
const TITLE_KEYS: &[&str] = &[
    "title", "name", "displayname", "label", "subject", "text", "message", "content",
    "description", "query", "search", "value", "url", "uri", "link", "email", "username",
    "type", "action", "event", "id",
];

/// `(key path, value text)` pairs of a value, scalars only, empty values dropped.
#[derive(Debug, Default)]
pub struct Pairs {
    pub pairs: Vec<(String, String)>,
    /// Pairs left out because of [`MAX_PAIRS`] or [`MAX_DEPTH`].
    pub dropped: usize,
}

impl Pairs {
    /// The pairs of a JSON value; a scalar is one pair with an empty key.
    pub fn of_json(value: &Value) -> Pairs {
        let mut out = Pairs::default();
        walk(value, &mut String::new(), 0, &mut out);
        out
    }

    /// Add one pair (a CSV cell), bounded like JSON values.
    pub fn push(&mut self, key: &str, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        if self.pairs.len() >= MAX_PAIRS {
            self.dropped += 1;
            return;
        }
        self.pairs.push((key.trim().to_string(), cut_chars(value, MAX_VALUE_CHARS)));
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// A readable title: the value of the most telling key (`title`, `name`, ...), else the
    /// first pair, as `key: value`; prefixed with `section` (where in the file it was) when
    /// given.
    pub fn title(&self, section: &str) -> String {
        let rank = |key: &str| {
            let last = key.rsplit(" > ").next().unwrap_or(key);
            let norm = crate::formats::csv_table::norm_column(last);
            TITLE_KEYS.iter().position(|k| *k == norm)
        };
        let best = self
            .pairs
            .iter()
            .enumerate()
            .filter_map(|(i, (k, v))| rank(k).map(|r| (r, i, k, v)))
            .filter(|(_, _, _, v)| v.chars().count() <= MAX_TITLE_CHARS)
            .min_by_key(|(r, i, _, _)| (*r, *i))
            .map(|(_, _, k, v)| (k, v))
            .or_else(|| self.pairs.first().map(|(k, v)| (k, v)));
        let line = match best {
            Some((k, v)) if k.is_empty() => v.clone(),
            Some((k, v)) => format!("{k}: {v}"),
            None => String::new(),
        };
        let full = match (section.is_empty(), line.is_empty()) {
            (true, _) => line,
            (false, true) => section.to_string(),
            (false, false) => format!("{section} — {line}"),
        };
        cut_chars(&full, MAX_TITLE_CHARS)
    }

    /// Every pair as a `key: value` line, at most [`MAX_BODY_BYTES`].
    pub fn body(&self) -> String {
        let mut body = String::new();
        for (k, v) in &self.pairs {
            let line = if k.is_empty() { v.clone() } else { format!("{k}: {v}") };
            if body.len() + line.len() + 1 > MAX_BODY_BYTES {
                let room = MAX_BODY_BYTES.saturating_sub(body.len() + 4);
                body.push_str(cut_bytes(&line, room));
                body.push('…');
                return body;
            }
            if !body.is_empty() {
                body.push('\n');
            }
            body.push_str(&line);
        }
        if self.dropped > 0 {
            body.push_str(&format!("\n(and {} more values)", self.dropped));
        }
        body
    }
}

fn walk(value: &Value, path: &mut String, depth: usize, out: &mut Pairs) {
    if depth > MAX_DEPTH {
        out.dropped += 1;
        return;
    }
    match value {
        Value::Null => {}
        Value::Bool(b) => out.push(path, if *b { "true" } else { "false" }),
        Value::Number(n) => out.push(path, &n.to_string()),
        Value::String(s) => out.push(path, &crate::text::fix_mojibake(s)),
        Value::Array(items) => {
            for item in items {
                walk(item, path, depth + 1, out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push_str(" > ");
                }
                path.push_str(k.trim());
                walk(v, path, depth + 1, out);
                path.truncate(len);
            }
        }
    }
}

/// `s` cut to `max` characters, with `…` when cut.
pub fn cut_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((i, _)) => format!("{}…", &s[..i]),
    }
}

fn cut_bytes(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn title_prefers_telling_keys_and_body_has_every_value() {
        let v = json!({"id": 7, "meta": {"created": "2021-01-01"}, "Display Name": "Quiet Lake", "flags": [true, null, ""]});
        let p = Pairs::of_json(&v);
        assert_eq!(p.title(""), "Display Name: Quiet Lake");
        assert_eq!(p.title("contacts"), "contacts — Display Name: Quiet Lake");
        // Keys of one element in serde_json's map order (sorted).
        assert_eq!(p.body(), "Display Name: Quiet Lake\nflags: true\nid: 7\nmeta > created: 2021-01-01");
        // Without a telling key: the first pair; a scalar is its own title.
        assert_eq!(Pairs::of_json(&json!({"zz": "a", "yy": "b"})).title(""), "yy: b");
        assert_eq!(Pairs::of_json(&json!("just text")).title("list"), "list — just text");
        assert!(Pairs::of_json(&json!({"a": null, "b": []})).is_empty());
    }

    #[test]
    fn sizes_are_bounded() {
        let long = "é".repeat(50_000);
        let many: serde_json::Map<String, Value> =
            (0..2_000).map(|i| (format!("k{i}"), json!(i))).collect();
        let p = Pairs::of_json(&json!({"name": long, "many": many}));
        assert_eq!(p.pairs.len(), MAX_PAIRS);
        assert!(p.dropped > 0);
        let body = p.body();
        assert!(body.len() <= MAX_BODY_BYTES + 64, "{}", body.len());
        assert!(p.title("").chars().count() <= MAX_TITLE_CHARS + 1);
        let mut deep = json!("bottom");
        for _ in 0..100 {
            deep = json!({ "d": deep });
        }
        let p = Pairs::of_json(&deep);
        assert!(p.is_empty() && p.dropped == 1);
    }
}
