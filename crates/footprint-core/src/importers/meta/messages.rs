//! Message threads (Messenger and Instagram direct): `.../messages/<box>/<thread>/message_N.json`
//! holding `{participants[{name}], messages[{sender_name, timestamp_ms, content, photos,
//! videos, audio_files, files, share{link}, reactions[{reaction, actor}], is_unsent}], title,
//! thread_path, ...}`.
//!
//! A thread can hold hundreds of thousands of messages, so `messages` is streamed element by
//! element. Meta writes `title` and `thread_path` AFTER the messages; so a file that fits in
//! [`PRESCAN_BYTES`] is scanned once for them first (cheap: the scanner only finds element
//! boundaries), and a larger one names its thread after its participants, which come first.
//! The thread path used in keys is always taken from the file's own folder (it is what
//! `thread_path` says), so a thread keeps its keys whichever way it was read.
//!
//! Instagram until 2019 wrote every conversation into one `messages.json`: `[{participants:
//! [username], conversation: [{sender, created_at (ISO), text, media_share_url?, ...}]}]`
//! ([`parse_conversations`]); the file is streamed conversation by conversation.

use super::{element, fx, fx_opt};
use crate::importer::{ImportCx, ParseError};
use crate::json_stream::{stream_json, JsonItem};
use crate::model::{Category, Record};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use std::io::{Cursor, Read};

/// Files up to this size are scanned for the thread title before messages are emitted.
pub const PRESCAN_BYTES: usize = 16 << 20;

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawMessage {
    sender_name: Option<String>,
    timestamp_ms: Option<serde_json::Value>,
    content: Option<String>,
    photos: Vec<IgnoredAny>,
    videos: Vec<IgnoredAny>,
    audio_files: Vec<IgnoredAny>,
    files: Vec<IgnoredAny>,
    gifs: Vec<IgnoredAny>,
    sticker: Option<IgnoredAny>,
    share: Option<Share>,
    reactions: Vec<RawReaction>,
    is_unsent: Option<bool>,
    call_duration: Option<i64>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Share {
    link: Option<String>,
    share_text: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawReaction {
    reaction: Option<String>,
    actor: Option<String>,
}

#[derive(Deserialize)]
struct Participant {
    name: Option<String>,
}

/// What a message record keeps besides its text.
#[derive(Serialize)]
struct MessageData<'a> {
    sender: &'a str,
    thread: &'a str,
    #[serde(skip_serializing_if = "is_zero")]
    photos: usize,
    #[serde(skip_serializing_if = "is_zero")]
    videos: usize,
    #[serde(skip_serializing_if = "is_zero")]
    audio_files: usize,
    #[serde(skip_serializing_if = "is_zero")]
    files: usize,
    #[serde(skip_serializing_if = "is_zero")]
    gifs: usize,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    sticker: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    share: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reactions: Vec<Reaction>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unsent: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    call_seconds: Option<i64>,
}

#[derive(Serialize)]
struct Reaction {
    reaction: String,
    actor: String,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The thread a file belongs to.
#[derive(Debug, Default, Clone, PartialEq)]
struct Thread {
    /// `inbox/samrivera_123`: from the file's folder, else from the file's `thread_path`.
    path: String,
    title: Option<String>,
    participants: Vec<String>,
}

impl Thread {
    fn from_file(file: &str) -> Thread {
        let comps: Vec<&str> = file.split('/').collect();
        let path = comps
            .iter()
            .rposition(|c| c.eq_ignore_ascii_case("messages"))
            .filter(|i| i + 2 < comps.len())
            .map(|i| comps[i + 1..comps.len() - 1].join("/"))
            .unwrap_or_default();
        Thread {
            path,
            ..Default::default()
        }
    }

    /// Take the header fields (`title`, `thread_path`, `participants`) that precede or follow
    /// the messages.
    fn take_field(&mut self, key: &str, raw: &[u8]) {
        match key {
            "title" if self.title.is_none() => {
                self.title = serde_json::from_slice::<String>(raw).ok().and_then(|t| fx_opt(Some(&t)));
            }
            "thread_path" if self.path.is_empty() => {
                if let Ok(p) = serde_json::from_slice::<String>(raw) {
                    self.path = fx(&p);
                }
            }
            "participants" if self.participants.is_empty() => {
                if let Ok(ps) = serde_json::from_slice::<Vec<Participant>>(raw) {
                    self.participants = ps.into_iter().filter_map(|p| fx_opt(p.name.as_deref())).collect();
                }
            }
            _ => {}
        }
    }

    fn display(&self) -> String {
        if let Some(t) = &self.title {
            return t.clone();
        }
        if !self.participants.is_empty() {
            return self.participants.join(", ");
        }
        if !self.path.is_empty() {
            return self.path.rsplit('/').next().unwrap_or(&self.path).to_string();
        }
        "a conversation".to_string()
    }
}

/// Parse one `message_N.json`.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let mut head = Vec::new();
    reader.take(PRESCAN_BYTES as u64).read_to_end(&mut head)?;
    let mut thread = Thread::from_file(cx.file);
    if head.len() < PRESCAN_BYTES {
        // The whole file is in memory: read the header fields wherever they are. Errors are
        // left to the main pass, which reports them with their offset.
        let mut slice: &[u8] = &head;
        let _ = stream_json(&mut slice, &["messages"], &mut |item| {
            if let JsonItem::Field { key, raw } = item {
                thread.take_field(key, raw);
            }
            Ok(())
        });
    }
    let mut all = Cursor::new(head).chain(reader);
    stream_json(&mut all, &["messages"], &mut |item| match item {
        JsonItem::Field { key, raw } => {
            thread.take_field(key, raw);
            Ok(())
        }
        JsonItem::Element { key: "messages", index, raw, .. } => {
            let Some(m) = element::<RawMessage>(cx, index, raw, "message") else {
                return Ok(());
            };
            emit(cx, index, &thread, m)
        }
        JsonItem::Element { .. } => Ok(()),
    })
}

fn emit(cx: &mut ImportCx<'_>, index: u64, thread: &Thread, m: RawMessage) -> Result<(), ParseError> {
    // Kept to the second: the HTML twin of the thread prints seconds, and the store holds one
    // record per (time, key), so both formats must agree on the time too.
    let ts = m
        .timestamp_ms
        .as_ref()
        .and_then(super::number_of)
        .and_then(crate::time::ms_units)
        .map(crate::time::whole_second);
    if ts.is_none() {
        cx.warn(Some(index), format!("message {index}: no timestamp_ms"));
    }
    let sender = fx_opt(m.sender_name.as_deref()).unwrap_or_default();
    let content = fx_opt(m.content.as_deref());
    let share = m.share.and_then(|s| fx_opt(s.link.as_deref()).or_else(|| fx_opt(s.share_text.as_deref())));
    let data = MessageData {
        sender: &sender,
        thread: &thread.path,
        photos: m.photos.len(),
        videos: m.videos.len(),
        audio_files: m.audio_files.len(),
        files: m.files.len(),
        gifs: m.gifs.len(),
        sticker: m.sticker.is_some(),
        share,
        reactions: m
            .reactions
            .iter()
            .map(|r| Reaction {
                reaction: fx_opt(r.reaction.as_deref()).unwrap_or_default(),
                actor: fx_opt(r.actor.as_deref()).unwrap_or_default(),
            })
            .collect(),
        unsent: m.is_unsent.unwrap_or(false),
        call_seconds: m.call_duration,
    };
    let record = Record::new("message", Category::Messages)
        .at(ts)
        .title(format!("Message in {}", thread.display()))
        .body_opt(content.clone())
        .data(&data);
    cx.emit(index, keyed(record, &thread.path, ts, &sender, content.as_deref()))
}

/// The thread path (`inbox/samrivera_123`) of a `message_N` file, from its folder.
pub(crate) fn thread_path(file: &str) -> String {
    Thread::from_file(file).path
}

/// A message's natural key: thread path, time, sender and content, as both formats carry
/// them. The HTML pages print seconds, so the time is the millisecond time cut to its second
/// (still written in ms: a JSON message on a whole second keeps the key it had before this
/// rule); the content is whitespace-collapsed, as a page shows it.
pub(crate) fn keyed(record: Record, thread: &str, ts: Option<i64>, sender: &str, content: Option<&str>) -> Record {
    let ts_key = crate::model::ts_key(ts.map(crate::time::whole_second));
    let content = content.unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
    record.with_key(&[thread, &ts_key, sender, &content])
}

/// One conversation of Instagram's 2019 `messages.json`.
#[derive(Deserialize, Default)]
#[serde(default)]
struct RawConversation {
    participants: Vec<String>,
    conversation: Vec<RawIgMessage>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawIgMessage {
    sender: Option<String>,
    created_at: super::Secs,
    text: Option<String>,
    media_share_url: Option<String>,
    media: Option<String>,
}

/// Parse Instagram's 2019 `messages.json`: one record per message, the thread named and
/// keyed by its participants (the file has no thread ids).
pub fn parse_conversations(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    stream_json(reader, &["*"], &mut |item| {
        let JsonItem::Element { index, raw, .. } = item else {
            return Ok(());
        };
        let Some(c) = element::<RawConversation>(cx, index, raw, "conversation") else {
            return Ok(());
        };
        let participants: Vec<String> = c.participants.iter().filter_map(|p| fx_opt(Some(p))).collect();
        let mut sorted = participants.clone();
        sorted.sort();
        let thread = Thread {
            path: sorted.join(", "),
            title: None,
            participants,
        };
        for m in c.conversation {
            let ts = m.created_at.ms();
            let sender = fx_opt(m.sender.as_deref()).unwrap_or_default();
            let content = fx_opt(m.text.as_deref());
            let share = fx_opt(m.media_share_url.as_deref());
            let data = MessageData {
                sender: &sender,
                thread: &thread.path,
                photos: usize::from(m.media.is_some()),
                videos: 0,
                audio_files: 0,
                files: 0,
                gifs: 0,
                sticker: false,
                share,
                reactions: Vec::new(),
                unsent: false,
                call_seconds: None,
            };
            let ts_key = crate::model::ts_key(ts);
            let record = Record::new("message", Category::Messages)
                .at(ts)
                .title(format!("Message in {}", thread.display()))
                .body_opt(content.clone())
                .data(&data)
                .with_key(&[&thread.path, &ts_key, &sender, content.as_deref().unwrap_or("")]);
            cx.emit(index, record)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::importers::meta::parser::MESSAGES;
    use crate::importers::meta::test_support::{data, moji, ok, run};

    const PATH: &str = "facebook-x/your_facebook_activity/messages/inbox/samrivera_123/message_1.json";

    #[test]
    fn title_after_messages_is_found_and_mojibake_fixed() {
        let json = format!(
            r#"{{"participants": [{{"name": "{sam}"}}, {{"name": "Alex Martin"}}],
              "messages": [
                {{"sender_name": "{sam}", "timestamp_ms": 1700000001000, "content": "{c}",
                  "reactions": [{{"reaction": "{heart}", "actor": "Alex Martin"}}], "is_geoblocked_for_viewer": false}},
                {{"sender_name": "Alex Martin", "timestamp_ms": 1700000000000,
                  "photos": [{{"uri": "messages/inbox/samrivera_123/photos/1.jpg", "creation_timestamp": 1700000000}}],
                  "share": {{"link": "https://example.com/a"}}}}
              ],
              "title": "{sam}", "is_still_participant": true, "thread_path": "inbox/samrivera_123"}}"#,
            sam = moji("Sam Rivéra"),
            c = moji("Ça va? 😀"),
            heart = moji("❤"),
        );
        let out = ok(MESSAGES, PATH, &json);
        assert_eq!(out.records.len(), 2);
        let r = &out.records[0];
        assert_eq!(r.kind, "message");
        assert_eq!(r.category, Category::Messages);
        assert_eq!(r.title.as_deref(), Some("Message in Sam Rivéra"));
        assert_eq!(r.body.as_deref(), Some("Ça va? 😀"));
        assert_eq!(r.ts, Some(1_700_000_001_000));
        let d = data(r);
        assert_eq!(d["sender"], "Sam Rivéra");
        assert_eq!(d["thread"], "inbox/samrivera_123");
        assert_eq!(d["reactions"][0]["reaction"], "❤");
        let photo = data(&out.records[1]);
        assert_eq!(photo["photos"], 1);
        assert_eq!(photo["share"], "https://example.com/a");
        assert_eq!(out.records[1].body, None);
        assert_eq!(out.records[1].position, 1);
        // Natural key: thread path + time (to the second) + sender + content.
        assert_eq!(
            r.key,
            Some(crate::model::key_of("message", &["inbox/samrivera_123", "1700000001000", "Sam Rivéra", "Ça va? 😀"]))
        );
        let sub_second = keyed(Record::new("message", Category::Messages), "t", Some(1_700_000_001_999), "A", Some(" a \n b "));
        assert_eq!(sub_second.key, Some(crate::model::key_of("message", &["t", "1700000001000", "A", "a b"])));
    }

    #[test]
    fn bad_element_warns_and_continues() {
        let json = r#"{"participants": [{"name": "A"}, {"name": "B"}], "messages": [
            {"sender_name": "A", "timestamp_ms": 1700000002000, "content": "ok"},
            {"sender_name": 5, "timestamp_ms": 1700000001000},
            {"sender_name": "B", "timestamp_ms": 1700000000500, "content": "also ok"}]}"#;
        let out = ok(MESSAGES, PATH, json);
        assert_eq!(out.records.len(), 2);
        assert_eq!(out.warnings.len(), 1);
        assert_eq!(out.warnings[0].position, Some(1));
        // No title anywhere: the participants name the thread.
        assert_eq!(out.records[0].title.as_deref(), Some("Message in A, B"));
    }

    #[test]
    fn large_thread_streams_and_falls_back_to_participants() {
        // Bigger than the prescan window: the title (written after the messages) is not used.
        let filler = "x".repeat(1000);
        let mut json = String::from(r#"{"participants": [{"name": "Big Group"}], "messages": ["#);
        let n = PRESCAN_BYTES / 1000 + 50;
        for i in 0..n {
            if i > 0 {
                json.push(',');
            }
            json.push_str(&format!(r#"{{"sender_name": "P", "timestamp_ms": {}, "content": "{filler}"}}"#, 1_000 + i));
        }
        json.push_str(r#"], "title": "Late Title"}"#);
        let out = ok(MESSAGES, PATH, &json);
        assert_eq!(out.records.len(), n);
        assert_eq!(out.records[n - 1].title.as_deref(), Some("Message in Big Group"));
    }

    #[test]
    fn thread_path_from_folder_and_truncated_file_is_an_error() {
        assert_eq!(Thread::from_file("messages/inbox/a_1/message_1.json").path, "inbox/a_1");
        assert_eq!(Thread::from_file("x/messages/archived_threads/b_2/message_3.json").path, "archived_threads/b_2");
        let err = run(MESSAGES, PATH, r#"{"messages": [{"sender_name": "A", "timestamp_ms": 1"#).unwrap_err();
        assert!(matches!(err, ParseError::Json { .. }), "{err}");
    }

    #[test]
    fn instagram_2019_conversations_in_one_file() {
        use crate::importers::meta::parser::IG_CONVERSATIONS;
        let json = format!(
            r#"[{{"participants": ["sam.r", "alex"], "conversation": [
                {{"sender": "sam.r", "created_at": "2019-01-02T10:00:00.123456+00:00", "text": "{}"}},
                {{"sender": "alex", "created_at": "2019-01-02T10:01:00+00:00", "media_share_url": "https://example.com/p"}}]}},
               {{"participants": ["kim", "alex"], "conversation": [{{"sender": "kim", "created_at": "2019-02-01T10:00:00+00:00", "text": "hi"}}]}}]"#,
            moji("Ça va?")
        );
        let out = ok(IG_CONVERSATIONS, "messages.json", &json);
        assert_eq!(out.records.len(), 3);
        let r = &out.records[0];
        assert_eq!(r.kind, "message");
        assert_eq!(r.body.as_deref(), Some("Ça va?"));
        assert_eq!(r.title.as_deref(), Some("Message in sam.r, alex"));
        // Meta's times are whole seconds; the fraction is dropped like everywhere else.
        assert_eq!(r.ts, Some(1_546_423_200_000));
        assert_eq!(data(r)["thread"], "alex, sam.r");
        assert_eq!(data(&out.records[1])["share"], "https://example.com/p");
        assert_eq!(out.records[2].position, 1);
    }
}
