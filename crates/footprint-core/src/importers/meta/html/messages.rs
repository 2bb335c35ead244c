//! Message threads as pages: `.../messages/<box>/<thread>/message_N.html`, the thread's
//! title as the page title, one box per message: the sender (title cell), the text, photos
//! and a shared link (content), the reactions (a list: the emoji then the actor), the date
//! (footer, to the second). Pages of long threads are streamed box by box.
//!
//! The records are the JSON parser's: kind `message`, the thread path from the folder, and the
//! shared key of [`crate::importers::meta::messages::keyed`] (time to the second), so the
//! same message imported from both formats is one record.

use super::page::{each_box, MetaBox};
use crate::formats::html::page_title;
use crate::importer::{ImportCx, ParseError};
use crate::importers::meta::messages::{keyed, thread_path};
use crate::importers::meta::fx;
use crate::model::{Category, Record};
use serde::Serialize;
use std::io::{Cursor, Read};

/// Bytes read first to find the page title (the thread's name).
const HEAD_BYTES: usize = 16 * 1024;

#[derive(Serialize)]
struct MessageData<'a> {
    sender: &'a str,
    thread: &'a str,
    #[serde(skip_serializing_if = "is_zero")]
    photos: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    share: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reactions: Vec<Reaction>,
}

#[derive(Serialize)]
struct Reaction {
    reaction: String,
    actor: String,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// `❤Sam Rivera` (Meta writes the emoji right before the name) or `❤ Sam Rivera`.
fn reaction(item: &str) -> Reaction {
    let split = item.char_indices().find(|(_, c)| c.is_alphanumeric()).map(|(i, _)| i).unwrap_or(item.len());
    let (r, a) = item.split_at(split);
    Reaction { reaction: r.trim().to_string(), actor: a.trim().to_string() }
}

/// Parse one `message_N.html`.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let mut head = Vec::new();
    reader.take(HEAD_BYTES as u64).read_to_end(&mut head)?;
    let thread = thread_path(cx.file);
    let shown = page_title(&head)
        .map(|t| fx(&t))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| thread.rsplit('/').next().unwrap_or("a conversation").to_string());
    let mut all = Cursor::new(head).chain(reader);
    each_box(&mut all, cx, |cx, b| emit(cx, &thread, &shown, b))?;
    Ok(())
}

fn emit(cx: &mut ImportCx<'_>, thread: &str, shown: &str, b: MetaBox) -> Result<(), ParseError> {
    if b.ts.is_none() {
        cx.warn(Some(b.index), format!("message {}: no date", b.index));
    }
    let sender = b.title.as_deref().map(fx).unwrap_or_default();
    let content = b.text_joined().map(|t| fx(&t)).filter(|t| !t.is_empty());
    let data = MessageData {
        sender: &sender,
        thread,
        photos: b.media().len(),
        share: b.web_links().into_iter().next(),
        reactions: b.list.iter().map(|i| reaction(i)).collect(),
    };
    let record = Record::new("message", Category::Messages)
        .at(b.ts)
        .title(format!("Message in {shown}"))
        .body_opt(content.clone())
        .data(&data);
    cx.emit(b.index, keyed(record, thread, b.ts, &sender, content.as_deref()))
}

#[cfg(test)]
mod tests {
    use crate::importers::meta::html::parser::MESSAGES;
    use crate::importers::meta::html::test_support::ok;
    use crate::importers::meta::test_support::{data, ok as json_ok};

    #[test]
    fn a_thread_page_gives_the_json_records_and_keys() {
        let json = r#"{"participants": [{"name": "Sam Rivéra"}, {"name": "Alex Martin"}], "messages": [
            {"sender_name": "Sam Rivéra", "timestamp_ms": 1700000001234, "content": "Ça  va?", "reactions": [{"reaction": "❤", "actor": "Alex Martin"}]},
            {"sender_name": "Alex Martin", "timestamp_ms": 1700000000999, "photos": [{"uri": "messages/inbox/sam_1/photos/1.jpg"}], "share": {"link": "https://example.com/a"}}],
            "title": "Sam Rivéra", "thread_path": "inbox/sam_1"}"#;
        let want = json_ok(crate::importers::meta::parser::MESSAGES, "messages/inbox/sam_1/message_1.json", json);
        let html = r#"<html><head><title>Sam Rivéra</title></head><body><div role="main">
          <div><div>Sam Rivéra</div><div><div><div></div><div>Ça va?</div><div></div><div><ul><li>❤Alex Martin</li></ul></div></div></div><div>Nov 14, 2023 10:13:21 pm</div></div>
          <div><div>Alex Martin</div><div><div><div></div><div></div><div><div><a href="messages/inbox/sam_1/photos/1.jpg"><img src="messages/inbox/sam_1/photos/1.jpg"></a></div>
            <div><a href="https://example.com/a">https://example.com/a</a></div></div></div></div><div>Nov 14, 2023 10:13:20 pm</div></div></div></body></html>"#;
        let got = ok(MESSAGES, "messages/inbox/sam_1/message_1.html", html);
        assert_eq!(got.records.len(), 2);
        for (g, w) in got.records.iter().zip(&want.records) {
            assert_eq!(g.key, w.key, "same key, times compared to the second");
            assert_eq!(g.title, w.title);
        }
        assert_eq!(got.records[0].body.as_deref(), Some("Ça va?"));
        let d = data(&got.records[0]);
        assert_eq!(d["reactions"][0]["actor"], "Alex Martin");
        let d = data(&got.records[1]);
        assert_eq!((d["photos"].as_u64(), d["share"].as_str()), (Some(1), Some("https://example.com/a")));
        assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    }
}
