//! Direct messages and group conversations.
//!
//! `direct-messages.js` (2019 `direct-message.js`) and `direct-messages-group.js`:
//! `[{"dmConversation": {conversationId, messages: [event]}}]`, one element per conversation
//! (a one-to-one conversation id is `<accountId>-<accountId>`). An event wraps its kind:
//! `messageCreate{id, senderId, recipientId (not in groups), text, createdAt (ISO, Z),
//! reactions[], urls[], mediaUrls[]}`; group conversations also have `joinConversation`,
//! `participantsJoin`, `participantsLeave`, `conversationNameUpdate` events
//! `{initiatingUserId, userIds?, name?, createdAt}`.

use super::read::each_item;
use super::{at, clip, text, time_field, ts_key};
use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record};
use serde::Serialize;
use serde_json::Value;
use std::io::Read;

#[derive(Serialize)]
struct MessageOut<'a> {
    conversation: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sender: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recipient: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    urls: Vec<String>,
    #[serde(skip_serializing_if = "is_zero")]
    media: usize,
    #[serde(skip_serializing_if = "is_zero")]
    reactions: usize,
}

#[derive(Serialize)]
struct EventOut<'a> {
    conversation: &'a str,
    event: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    users: Vec<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Parse a direct-messages file: one record per message, one per group event.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>, group: bool) -> Result<(), ParseError> {
    each_item(reader, cx, "conversation", &mut |cx, index, conv| {
        let Some(id) = text(&conv, &["conversationId"]) else {
            cx.warn(
                Some(index),
                format!("conversation {index}: no conversationId, skipped"),
            );
            return Ok(());
        };
        for event in lenient::list(at(&conv, &["messages"])) {
            let Some((kind, e)) = event.as_object().and_then(|o| o.iter().next()) else {
                cx.warn(
                    Some(index),
                    format!("conversation {index}: an event that is not an object"),
                );
                continue;
            };
            let ts = time_field(cx, index, e, &["createdAt"]);
            let record = if kind == "messageCreate" {
                message(e, &id, ts, group)
            } else {
                group_event(e, &id, kind, ts)
            };
            cx.emit(index, record)?;
        }
        Ok(())
    })
}

fn message(m: &Value, conversation: &str, ts: Option<i64>, group: bool) -> Record {
    let sender = text(m, &["senderId"]);
    let out = MessageOut {
        conversation,
        recipient: text(m, &["recipientId"]),
        urls: super::strings(at(m, &["urls"]), &["expanded", "expandedUrl", "url"]),
        media: lenient::list(at(m, &["mediaUrls"])).len(),
        reactions: lenient::list(at(m, &["reactions"])).len(),
        sender: sender.clone(),
    };
    let id = text(m, &["id"]).unwrap_or_default();
    let title = if group {
        "Group message"
    } else {
        "Direct message"
    };
    Record::new("message", Category::Messages)
        .at(ts)
        .title(title)
        .body_opt(text(m, &["text"]).map(|t| clip(&t, 20_000)))
        .data(&out)
        // The message id is unique; without one, the time and sender identify it.
        .with_key(&[
            conversation,
            &id,
            &ts_key(ts),
            sender.as_deref().unwrap_or(""),
        ])
}

fn group_event(e: &Value, conversation: &str, kind: &str, ts: Option<i64>) -> Record {
    let out = EventOut {
        conversation,
        event: kind,
        by: text(e, &["initiatingUserId"]),
        name: text(e, &["name"]),
        users: super::strings(at(e, &["userIds"]), &[]),
    };
    let title = match kind {
        "joinConversation" => "Joined a group conversation".to_string(),
        "participantsJoin" => "People were added to a group conversation".to_string(),
        "participantsLeave" => "People left a group conversation".to_string(),
        "conversationNameUpdate" => {
            format!("Group renamed to {}", out.name.as_deref().unwrap_or("?"))
        }
        other => format!("Conversation event: {other}"),
    };
    let by = out.by.clone().unwrap_or_default();
    Record::new("conversation_event", Category::Messages)
        .at(ts)
        .title(title)
        .data(&out)
        .with_key(&[conversation, kind, &ts_key(ts), &by])
}

#[cfg(test)]
mod tests {
    use crate::importers::x::parser::*;
    use crate::importers::x::test_support::{data, js, ok};
    use crate::model::Category;

    #[test]
    fn one_to_one_and_group_conversations() {
        let dm = js(
            "direct_messages",
            r#"[{"dmConversation": {"conversationId": "1-2", "messages": [
                {"messageCreate": {"id": "100", "senderId": "1", "recipientId": "2", "text": "hi", "createdAt": "2020-01-01T10:00:00.000Z",
                 "reactions": [], "urls": [{"expanded": "https://example.com"}], "mediaUrls": []}},
                {"messageCreate": {"id": "101", "senderId": "2", "recipientId": "1", "text": "hello", "createdAt": "2020-01-01T10:01:00.000Z"}}]}},
              {"dmConversation": {"conversationId": "1-3", "messages": null}}]"#,
        );
        let out = ok(DMS, "data/direct-messages.js", &dm);
        assert_eq!(out.records.len(), 2);
        let r = &out.records[0];
        assert_eq!(
            (r.kind, r.category, r.ts),
            ("message", Category::Messages, Some(1_577_872_800_000))
        );
        assert_eq!(data(r)["urls"][0], "https://example.com");
        assert_eq!(r.body.as_deref(), Some("hi"));
        let group = js(
            "direct_messages_group",
            r#"[{"dmConversation": {"conversationId": "g1", "messages": [
                {"joinConversation": {"initiatingUserId": "5", "participantsSnapshot": ["1", "5"], "createdAt": "2021-05-01T00:00:00.000Z"}},
                {"conversationNameUpdate": {"initiatingUserId": "5", "name": "Trip", "createdAt": "2021-05-01T00:01:00.000Z"}},
                {"messageCreate": {"id": "7", "senderId": "5", "text": "hey", "createdAt": "2021-05-01T00:02:00.000Z"}}]}}]"#,
        );
        let out = ok(GROUP_DMS, "data/direct-messages-group.js", &group);
        let kinds: Vec<_> = out
            .records
            .iter()
            .map(|r| (r.kind, r.title.clone().unwrap()))
            .collect();
        assert_eq!(
            kinds[1],
            ("conversation_event", "Group renamed to Trip".to_string())
        );
        assert_eq!(kinds[2], ("message", "Group message".to_string()));
    }
}
