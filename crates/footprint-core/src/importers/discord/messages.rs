//! Messages the user sent, and the channels they were sent in.
//!
//! - `messages/index.json`: `{"<channel id>": "Direct Message with kim#1234" | "general in
//!   Some Server" | null}`.
//! - `messages/c<id>/channel.json` (`messages/<id>/` before 2021): `{id, type, name?,
//!   guild{id, name}?, recipients[user ids]?}`; `type` is Discord's channel type (0 server
//!   text channel, 1 direct message, 3 group DM, 11 thread...).
//! - `messages/c<id>/messages.csv` (until 2023): header `ID,Timestamp,Contents,Attachments`,
//!   times `2020-05-03 12:34:56.789000+00:00`, attachments as space-separated URLs.
//! - `messages/c<id>/messages.json` (since 2023): `[{ID, Timestamp, Contents, Attachments}]`.
//!
//! A package holds only the messages the user sent, so every message is the user's own.
//! Message ids are global snowflakes: they are the natural key.

use super::{channel_id_of, id_text, read_small_json, time_of};
use crate::formats::csv_table::CsvTable;
use crate::formats::lenient::{self, field};
use crate::importer::{ImportCx, ParseError};
use crate::json_stream::{stream_json, JsonItem};
use crate::model::{Category, Record};
use serde::Deserialize;
use serde_json::{json, Value};
use std::io::Read;

/// Discord's channel types in words.
fn channel_kind(t: Option<i64>) -> &'static str {
    match t {
        Some(0) => "server text channel",
        Some(1) => "direct message",
        Some(2) => "voice channel",
        Some(3) => "group direct message",
        Some(5) => "announcement channel",
        Some(10..=12) => "thread",
        Some(13) => "stage channel",
        Some(15) => "forum",
        _ => "channel",
    }
}

/// Parse `messages/index.json`.
pub fn parse_index(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(v) = read_small_json(reader, cx)? else {
        return Ok(());
    };
    let Value::Object(map) = v else {
        return Err(ParseError::Structure(format!(
            "{}: the channel index is not an object",
            cx.file
        )));
    };
    for (i, (id, name)) in map.iter().enumerate() {
        let name = lenient::text(Some(name));
        let r = Record::new("channel_listing", Category::Messages)
            .title(
                name.clone()
                    .unwrap_or_else(|| format!("Unnamed channel {id}")),
            )
            .data(&json!({"channel_id": id, "name": name}))
            .with_key(&[id]);
        cx.emit(i as u64, r)?;
    }
    Ok(())
}

/// Parse one `channel.json`.
pub fn parse_channel(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(v) = read_small_json(reader, cx)? else {
        return Ok(());
    };
    let Some(id) = field(&v, &["id"]).or_else(|| channel_id_of(cx.file)) else {
        return Err(ParseError::Structure(format!(
            "{}: channel without an id",
            cx.file
        )));
    };
    let kind = channel_kind(lenient::get(&v, "type").and_then(Value::as_i64));
    let guild = lenient::get(&v, "guild").cloned().unwrap_or(Value::Null);
    let guild_name = field(&guild, &["name"]);
    let name = field(&v, &["name"]);
    let recipients: Vec<String> = lenient::list(lenient::get(&v, "recipients"))
        .iter()
        .filter_map(|r| id_text(Some(r)).or_else(|| field(r, &["id"])))
        .collect();
    let title = match (&name, &guild_name) {
        (Some(n), Some(g)) => format!("#{n} in {g}"),
        (Some(n), None) => format!("{n} ({kind})"),
        (None, _) if !recipients.is_empty() => {
            format!("{} with {} people", capital(kind), recipients.len())
        }
        (None, _) => format!("{} {id}", capital(kind)),
    };
    let data = json!({
        "channel_id": id,
        "type": kind,
        "name": name,
        "guild_id": field(&guild, &["id"]),
        "guild_name": guild_name,
        "recipients": recipients,
    });
    let r = Record::new("channel", Category::Messages)
        .title(title)
        .data(&data)
        .with_key(&[&id]);
    cx.emit(0, r)
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// One message as both files write it.
struct Message<'a> {
    id: Option<String>,
    timestamp: Option<&'a str>,
    contents: &'a str,
    attachments: &'a str,
}

fn emit_message(
    cx: &mut ImportCx<'_>,
    index: u64,
    channel: &str,
    m: Message<'_>,
) -> Result<(), ParseError> {
    let ts = m.timestamp.and_then(time_of);
    if ts.is_none() {
        cx.warn(
            Some(index),
            format!(
                "message {index}: no readable time ({:?})",
                m.timestamp.unwrap_or("")
            ),
        );
    }
    let attachments: Vec<&str> = m.attachments.split_whitespace().collect();
    let contents = m.contents.trim();
    let title = match (contents.is_empty(), attachments.len()) {
        (true, 0) => format!("Empty message in channel {channel}"),
        (true, n) => format!("{n} attachment(s) in channel {channel}"),
        _ => format!("Message in channel {channel}"),
    };
    let ts_text = ts.map(|t| t.to_string()).unwrap_or_default();
    let key_parts: Vec<&str> = match &m.id {
        Some(id) => vec![id.as_str()],
        None => vec![channel, &ts_text, contents],
    };
    let r = Record::new("message", Category::Messages)
        .at(ts)
        .title(title)
        .body_opt((!contents.is_empty()).then(|| contents.to_string()))
        .data(&json!({"channel_id": channel, "message_id": m.id, "attachments": attachments}))
        .with_key(&key_parts);
    cx.emit(index, r)
}

fn channel_of(cx: &ImportCx<'_>) -> String {
    channel_id_of(cx.file).unwrap_or_else(|| "unknown".into())
}

/// Parse `messages.csv`; a broken row is a warning with its line.
pub fn parse_csv(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let channel = channel_of(cx);
    let mut table = CsvTable::new(reader)?;
    if table.header().is_empty() {
        cx.warn(None, "empty file");
        return Ok(());
    }
    if !table.has("Contents") {
        return Err(ParseError::Structure(format!(
            "{}: no Contents column (header: {})",
            cx.file,
            table.header().join(",")
        )));
    }
    // The row's fields are copied out: `next_row` borrows the table and the context.
    while let Some((index, id, ts, contents, attachments)) = table.next_row(cx).map(|row| {
        let text = |c: &str| row.get(c).unwrap_or("").to_string();
        (
            row.index,
            row.get("ID").map(str::to_string),
            row.get("Timestamp").map(str::to_string),
            text("Contents"),
            text("Attachments"),
        )
    }) {
        let m = Message {
            id,
            timestamp: ts.as_deref(),
            contents: &contents,
            attachments: &attachments,
        };
        emit_message(cx, index, &channel, m)?;
    }
    Ok(())
}

#[derive(Deserialize)]
struct JsonMessage<'a> {
    #[serde(alias = "id", default)]
    #[serde(rename = "ID")]
    id: Value,
    #[serde(rename = "Timestamp", alias = "timestamp", default, borrow)]
    timestamp: Option<std::borrow::Cow<'a, str>>,
    #[serde(rename = "Contents", alias = "contents", default, borrow)]
    contents: Option<std::borrow::Cow<'a, str>>,
    #[serde(rename = "Attachments", alias = "attachments", default, borrow)]
    attachments: Option<std::borrow::Cow<'a, str>>,
}

/// Parse `messages.json`, streamed element by element.
pub fn parse_json(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let channel = channel_of(cx);
    let mut empty = true;
    let result = stream_json(reader, &["*"], &mut |item| {
        empty = false;
        let JsonItem::Element { index, raw, .. } = item else {
            return Ok(());
        };
        match serde_json::from_slice::<JsonMessage<'_>>(raw) {
            Ok(m) => {
                let msg = Message {
                    id: id_text(Some(&m.id)),
                    timestamp: m.timestamp.as_deref(),
                    contents: m.contents.as_deref().unwrap_or(""),
                    attachments: m.attachments.as_deref().unwrap_or(""),
                };
                emit_message(cx, index, &channel, msg)
            }
            Err(e) => {
                cx.warn(Some(index), format!("message {index} skipped: {e}"));
                Ok(())
            }
        }
    });
    match result {
        // A 0-byte file is "no messages", not damage.
        Err(ParseError::Json { offset: 0, .. }) if empty => {
            cx.warn(None, "empty file");
            Ok(())
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::super::parser::{CHANNEL, CHANNEL_INDEX, MESSAGES_CSV, MESSAGES_JSON};
    use super::super::test_support::{data, ok, run};

    #[test]
    fn index_and_channels() {
        let out = ok(
            CHANNEL_INDEX,
            "messages/index.json",
            r#"{"11": "Direct Message with kim#1234", "12": null}"#,
        );
        let titles: Vec<_> = out
            .records
            .iter()
            .map(|r| r.title.clone().unwrap())
            .collect();
        assert_eq!(
            titles,
            ["Direct Message with kim#1234", "Unnamed channel 12"]
        );
        let cases = [
            (
                r#"{"id": "11", "type": 1, "recipients": ["100", "200"]}"#,
                "Direct message with 2 people",
            ),
            (
                r#"{"id": "12", "type": 0, "name": "general", "guild": {"id": "300", "name": "Climbers"}}"#,
                "#general in Climbers",
            ),
            (
                r#"{"id": "13", "type": 3, "name": "trip"}"#,
                "trip (group direct message)",
            ),
            (r#"{"type": 11}"#, "Thread 14"),
        ];
        for (json, title) in cases {
            let out = ok(CHANNEL, "messages/c14/channel.json", json);
            assert_eq!(out.records[0].title.as_deref(), Some(title), "{json}");
        }
    }

    #[test]
    fn csv_messages_with_multiline_broken_rows_and_bad_dates() {
        let csv = "ID,Timestamp,Contents,Attachments\n\
            1,2020-05-03 12:34:56.789000+00:00,hello,\n\
            2,2020-05-03 12:35:00+00:00,\"two\nlines\",https://cdn.example.com/a.png https://cdn.example.com/b.png\n\
            3,not a date,odd,\n";
        let out = ok(MESSAGES_CSV, "package/Messages/c42/messages.csv", csv);
        assert_eq!(out.records.len(), 3);
        assert_eq!(out.records[0].ts, Some(1_588_509_296_789));
        assert_eq!(out.records[1].body.as_deref(), Some("two\nlines"));
        assert_eq!(
            data(&out.records[1])["attachments"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
        assert_eq!(data(&out.records[0])["channel_id"], "42");
        assert_eq!(out.records[2].ts, None);
        assert_eq!(out.warnings.len(), 1);
        assert_eq!(out.warnings[0].position, Some(2));
        let (out, r) = run(MESSAGES_CSV, "messages/c42/messages.csv", "");
        assert!(r.is_ok() && out.records.is_empty() && out.warnings.len() == 1);
    }

    #[test]
    fn json_messages_stream_and_tolerate_damage() {
        let json = r#"[{"ID": 1, "Timestamp": "2024-01-02 03:04:05", "Contents": "hi", "Attachments": ""},
                       {"ID": "2", "Timestamp": "2024-01-02T03:04:06Z", "Contents": "caf\u00e9"}, 7]"#;
        let out = ok(MESSAGES_JSON, "messages/c42/messages.json", json);
        assert_eq!(out.records.len(), 2);
        assert_eq!(out.records[1].body.as_deref(), Some("café"));
        assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
        assert_ne!(out.records[0].key, out.records[1].key);
        let (out, r) = run(MESSAGES_JSON, "messages/c42/messages.json", "");
        assert!(r.is_ok(), "{r:?}");
        assert!(out.records.is_empty());
        let (out, r) = run(
            MESSAGES_JSON,
            "messages/c42/messages.json",
            r#"[{"ID": 1, "Timestamp": "2024-01-02 03:04:05", "Contents": "a"}, {"ID": 2, "Conte"#,
        );
        assert!(r.is_err(), "a truncated file is an error for that file");
        assert_eq!(out.records.len(), 1, "what came before the damage is kept");
        let (out, r) = run(MESSAGES_JSON, "messages/c42/messages.json", "null");
        assert!(r.is_err() || out.records.is_empty());
    }
}
