//! Saved chats and snaps. Two layouts:
//! - older: `chat_history.json {"Received Saved Chat History": [{From, Media Type, Created,
//!   Text}], "Sent Saved Chat History": [{To, ...}]}`, `snap_history.json {"Received Snap
//!   History": [{From, Media Type, Created}], "Sent Snap History": [{To, ...}]}`;
//! - since 2023: one list per conversation, keyed by the other person (or a group id):
//!   `{"<friend>": [{From, Media Type, Created, Content, Conversation Title, IsSender, IsSaved,
//!   Media IDs, "Created(microseconds)"}]}`.

use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::importers::rows::{dated, kind_of};
use crate::model::{Category, Record};
use serde::Serialize;
use serde_json::Value;

/// Whether a key is one of the older layout's `Received/Sent ... History` sections, and if
/// so whether it holds sent items.
fn old_section(key: &str) -> Option<bool> {
    let k = lenient::norm_key(key);
    if !k.ends_with("history") {
        return None;
    }
    if k.starts_with("received") {
        Some(false)
    } else if k.starts_with("sent") {
        Some(true)
    } else {
        None
    }
}

#[derive(Serialize)]
struct Out<'a> {
    conversation: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    media_type: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    conversation_title: Option<&'a str>,
}

/// One chat message (`kind` `message`) or snap (`kind` `snap`) of the list under `key`.
pub fn item(
    cx: &mut ImportCx<'_>,
    position: u64,
    kind: &'static str,
    key: &str,
    v: &Value,
) -> Result<(), ParseError> {
    if !v.is_object() {
        cx.warn(
            Some(position),
            format!("{kind} in {key}: expected an object, found {}", kind_of(v)),
        );
        return Ok(());
    }
    let from = lenient::field(v, &["From", "Sender"]);
    let to = lenient::field(v, &["To", "Recipient"]);
    let is_sender = match lenient::get(v, "IsSender") {
        Some(Value::Bool(b)) => Some(*b),
        _ => old_section(key),
    };
    let conversation = match old_section(key) {
        Some(true) => to.clone().unwrap_or_default(),
        Some(false) => from.clone().unwrap_or_default(),
        None => key.to_string(),
    };
    let raw = lenient::field(v, &["Created", "Date", "Timestamp"]);
    let mut ts = dated(cx, position, kind, raw.as_deref());
    if ts.is_none() {
        ts = lenient::field(v, &["Created(microseconds)", "Created (microseconds)"])
            .and_then(|m| crate::time::parse(&m));
    }
    let text = lenient::field(v, &["Content", "Text", "Message"]);
    let media = lenient::field(v, &["Media Type", "MediaType"]).unwrap_or_default();
    let title_opt = lenient::field(v, &["Conversation Title"]);
    let sender = from.clone().unwrap_or_default();
    let title = match (kind, is_sender) {
        ("snap", Some(true)) => format!("Snap to {conversation}"),
        ("snap", _) => format!(
            "Snap from {}",
            if sender.is_empty() {
                &conversation
            } else {
                &sender
            }
        ),
        (_, Some(true)) => format!("To {conversation}"),
        _ => format!(
            "From {}",
            if sender.is_empty() {
                &conversation
            } else {
                &sender
            }
        ),
    };
    let r = Record::new(kind, Category::Messages)
        .at(ts)
        .title(title)
        .body_opt(text.clone())
        .data(&Out {
            conversation: &conversation,
            media_type: &media,
            conversation_title: title_opt.as_deref(),
        })
        .with_key(&[
            &conversation,
            raw.as_deref().unwrap_or(""),
            &sender,
            text.as_deref().unwrap_or(""),
            &media,
        ]);
    cx.emit(position, r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;
    use serde_json::json;

    #[test]
    fn both_layouts() {
        let (out, r) = MemorySink::run_parser("json/chat_history.json", "", |_, cx| {
            item(
                cx,
                0,
                "message",
                "Received Saved Chat History",
                &json!({"From": "lou", "Media Type": "TEXT", "Created": "2025-02-24 21:09:09 UTC", "Text": "hi"}),
            )?;
            item(
                cx,
                1,
                "message",
                "Sent Saved Chat History",
                &json!({"To": "lou", "Media Type": "TEXT", "Created": "2025-02-24 21:10:09 UTC", "Text": "hey"}),
            )?;
            item(
                cx,
                2,
                "message",
                "lou",
                &json!({"From": "lou", "Media Type": "MEDIA", "Created": "bad", "Content": null, "IsSender": false, "Created(microseconds)": 1740431349000000_i64}),
            )?;
            item(
                cx,
                3,
                "snap",
                "lou",
                &json!({"From": "me", "Media Type": "IMAGE", "Created": "2025-02-24 21:09:09 UTC", "IsSender": true}),
            )?;
            item(cx, 4, "snap", "lou", &json!(42))
        });
        r.unwrap();
        let titles: Vec<&str> = out
            .records
            .iter()
            .filter_map(|r| r.title.as_deref())
            .collect();
        assert_eq!(titles, ["From lou", "To lou", "From lou", "Snap to lou"]);
        assert_eq!(
            out.records[2].ts,
            Some(1_740_431_349_000),
            "microseconds when the date is unreadable"
        );
        assert_eq!(out.warnings.len(), 2, "{:?}", out.warnings);
    }
}
