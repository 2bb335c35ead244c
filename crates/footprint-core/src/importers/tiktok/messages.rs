//! Direct messages: `Direct Messages > Chat History > ChatHistory > {"Chat History with
//! <user>:": [{Date, From, Content}]}` (2024+: `Direct Message > Direct Messages >
//! ChatHistory`), one list per conversation, named by the other person; and TikTok Shop
//! conversations with sellers: `Communication With Shops > CommunicationHistories >
//! {"<shop>": [{send_time, shop_name, direction, content}]}`.

use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::importers::rows::{dated, kind_of};
use crate::model::{Category, Record};
use serde::Serialize;
use serde_json::Value;

/// The other person of a `"Chat History with sam.r:"` key (the key itself if it has
/// another form, e.g. a localized one).
pub fn chat_partner(key: &str) -> &str {
    let k = key.trim().trim_end_matches(':').trim();
    ["Chat History with ", "ChatHistory with "]
        .iter()
        .find_map(|p| k.strip_prefix(p))
        .unwrap_or(k)
        .trim()
}

#[derive(Serialize)]
struct Out<'a> {
    conversation: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    direction: Option<&'a str>,
}

/// One message of the conversation under `conversation_key`.
pub fn direct_message(
    cx: &mut ImportCx<'_>,
    position: u64,
    conversation_key: &str,
    v: &Value,
) -> Result<(), ParseError> {
    let with = chat_partner(conversation_key);
    message(
        cx,
        position,
        "message",
        with,
        v,
        &["Date"],
        &["From"],
        &["Content"],
        None,
    )
}

/// One message exchanged with a TikTok Shop seller.
pub fn shop_message(
    cx: &mut ImportCx<'_>,
    position: u64,
    shop_key: &str,
    v: &Value,
) -> Result<(), ParseError> {
    let shop =
        lenient::field(v, &["shop_name", "ShopName"]).unwrap_or_else(|| shop_key.to_string());
    let direction = lenient::field(v, &["direction", "Direction"]);
    message(
        cx,
        position,
        "shop_message",
        &shop,
        v,
        &["send_time", "SendTime", "Date"],
        &["direction"],
        &["content", "Content"],
        direction.as_deref(),
    )
}

#[allow(clippy::too_many_arguments)]
fn message(
    cx: &mut ImportCx<'_>,
    position: u64,
    kind: &'static str,
    conversation: &str,
    v: &Value,
    date: &[&str],
    from: &[&str],
    content: &[&str],
    direction: Option<&str>,
) -> Result<(), ParseError> {
    if !v.is_object() {
        cx.warn(
            Some(position),
            format!(
                "{kind} with {conversation}: expected an object, found {}",
                kind_of(v)
            ),
        );
        return Ok(());
    }
    let raw_ts = lenient::field(v, date);
    let ts = dated(cx, position, kind, raw_ts.as_deref());
    let sender = lenient::field(v, from).unwrap_or_default();
    let text = lenient::field(v, content).unwrap_or_default();
    // The export names the conversation by the other person: a message from them is
    // "From", any other sender is the user writing to them.
    let title = if direction.is_some() || sender.is_empty() {
        format!("Conversation with {conversation}")
    } else if sender == conversation {
        format!("From {conversation}")
    } else {
        format!("To {conversation}")
    };
    let r = Record::new(kind, Category::Messages)
        .at(ts)
        .title(title)
        .body_opt((!text.is_empty()).then(|| text.clone()))
        .data(&Out {
            conversation,
            direction,
        })
        .with_key(&[
            conversation,
            raw_ts.as_deref().unwrap_or(""),
            &sender,
            &text,
        ]);
    cx.emit(position, r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;
    use serde_json::json;

    #[test]
    fn partners_from_conversation_keys() {
        for (key, want) in [
            ("Chat History with sam.r:", "sam.r"),
            ("Chat History with  lou_99 :", "lou_99"),
            ("Chatverlauf mit kim:", "Chatverlauf mit kim"),
        ] {
            assert_eq!(chat_partner(key), want, "{key}");
        }
    }

    #[test]
    fn messages_keep_sender_text_and_time() {
        let (out, r) = MemorySink::run_parser("user_data.json", "", |_, cx| {
            direct_message(
                cx,
                0,
                "Chat History with sam:",
                &json!({"Date": "2024-03-01 12:00:00", "From": "sam", "Content": "hi"}),
            )?;
            direct_message(
                cx,
                1,
                "Chat History with sam:",
                &json!(["not", "a", "message"]),
            )?;
            shop_message(
                cx,
                2,
                "Blue Books 1",
                &json!({"send_time": "2024-03-01 12:00:00", "direction": "buyer_to_shop", "content": "where is it?"}),
            )
        });
        r.unwrap();
        assert_eq!(out.records.len(), 2);
        assert_eq!(out.records[0].title.as_deref(), Some("From sam"));
        assert_eq!(out.records[0].body.as_deref(), Some("hi"));
        assert_eq!(out.records[1].kind, "shop_message");
        assert_eq!(out.warnings[0].position, Some(1));
    }
}
