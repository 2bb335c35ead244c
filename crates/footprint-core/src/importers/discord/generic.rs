//! The small JSON files of `activities/` (per-activity preferences and data of Discord
//! Activities), `programs/` (partner, HypeSquad and verified-server applications) and
//! `account/applications/<id>/application.json` (apps and bots the user created): one
//! record per file (or per element of a top-level array), with the file's fields as data,
//! cut to [`MAX_DATA_BYTES`].

use super::read_small_json;
use crate::formats::lenient::field;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record};
use serde_json::{json, Value};
use std::io::Read;

/// Longest `data` kept for one record; longer values are cut (the file stays the evidence).
pub const MAX_DATA_BYTES: usize = 4096;
/// Elements of a top-level array turned into records.
const MAX_ELEMENTS: usize = 10_000;

fn compact(v: &Value) -> String {
    let s = v.to_string();
    if s.len() <= MAX_DATA_BYTES {
        return s;
    }
    let mut cut = MAX_DATA_BYTES;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    json!({"truncated": &s[..cut]}).to_string()
}

/// Path below the package folder, for titles (`activities/foo/preferences.json`).
fn short_path(path: &str) -> String {
    super::paths::package_parts(path).join("/")
}

/// Parse any small JSON file of `activities/` or `programs/`.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(v) = read_small_json(reader, cx)? else {
        return Ok(());
    };
    let path = short_path(cx.file);
    let (kind, category) = if path.starts_with("programs/") {
        ("program_application", Category::Content)
    } else if path.starts_with("account/") {
        ("account_data", Category::IdentityContact)
    } else {
        ("activity_data", Category::ActivityBrowsing)
    };
    let items: Vec<&Value> = match &v {
        Value::Array(a) => a.iter().take(MAX_ELEMENTS).collect(),
        Value::Null => Vec::new(),
        other => vec![other],
    };
    if let Value::Array(a) = &v {
        if a.len() > MAX_ELEMENTS {
            cx.warn(
                None,
                format!("{} elements; the first {MAX_ELEMENTS} are kept", a.len()),
            );
        }
    }
    for (i, item) in items.into_iter().enumerate() {
        let data = compact(item);
        let name = field(item, &["name", "title", "id"]);
        let title = match name {
            Some(n) => format!("{path}: {n}"),
            None => path.clone(),
        };
        let r = Record::new(kind, category)
            .at(field(item, &["created_at", "timestamp"])
                .as_deref()
                .and_then(super::time_of))
            .title(title)
            .data_raw(data.clone())
            .with_key(&[&path, &data]);
        cx.emit(i as u64, r)?;
    }
    Ok(())
}

/// Parse `account/applications/<id>/application.json`: an app or bot the user owns.
pub fn parse_application(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(v) = read_small_json(reader, cx)? else {
        return Ok(());
    };
    let id = field(&v, &["id"]).unwrap_or_default();
    let name = field(&v, &["name"]).unwrap_or_else(|| format!("application {id}"));
    let data = json!({
        "id": id,
        "name": name,
        "description": field(&v, &["description"]),
        "bot": v.get("bot").map(|b| field(b, &["username"])),
        "flags": field(&v, &["flags"]),
    });
    let r = Record::new("developer_application", Category::Content)
        .at(super::snowflake_ms(&id))
        .title(format!("Application you created on Discord: {name}"))
        .data(&data)
        .with_key(&[&id]);
    cx.emit(0, r)
}

#[cfg(test)]
mod tests {
    use super::super::parser::{APPLICATION, GENERIC};
    use super::super::test_support::ok;

    #[test]
    fn one_record_per_file_or_element() {
        let out = ok(
            GENERIC,
            "activities/wordle/preferences.json",
            r#"{"name": "Wordle", "theme": "dark"}"#,
        );
        assert_eq!(
            out.records[0].title.as_deref(),
            Some("activities/wordle/preferences.json: Wordle")
        );
        let out = ok(
            GENERIC,
            "Programs/hypesquad/data.json",
            r#"[{"a": 1}, {"b": "x"}]"#,
        );
        assert_eq!(out.records.len(), 2);
        assert_eq!(out.records[0].kind, "program_application");
        let big = format!(r#"{{"blob": "{}"}}"#, "x".repeat(10_000));
        let out = ok(GENERIC, "activities/a/b.json", &big);
        assert!(out.records[0].data.as_ref().unwrap().len() < 4200);
        let out = ok(
            APPLICATION,
            "account/applications/1/application.json",
            r#"{"id": "175928847299117063", "name": "Dice bot", "bot": {"username": "dice"}}"#,
        );
        assert_eq!(
            out.records[0].title.as_deref(),
            Some("Application you created on Discord: Dice bot")
        );
    }
}
