//! One exported chat (`_chat.txt`, `WhatsApp Chat with NAME.txt`), through the shared
//! [`chat_text`] reader: every message becomes a `message` record (system lines a
//! `chat_event`), streamed; the participants and a summary of the chat come at the end.
//!
//! The chat's name comes from the file name (Android, or the iOS zip's name when it is part
//! of the path), else from the sender of iOS's first system line (iOS writes the encryption
//! notice under the chat's name). The exporting user is not written anywhere in a chat
//! export: in a two-person chat named (either way) after the other person it is the other
//! participant;
//! otherwise it is taken to be the most frequent sender (a guess, marked as such in the
//! chat's record). A chat export names no third party.

use super::paths;
use crate::formats::chat_text::{self, Attachment, ChatInfo, ChatMessage};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, IdentityKind, Record};
use serde_json::json;
use std::collections::HashMap;
use std::io::Read;

/// Keys of the messages of the current minute, to tell apart two identical messages sent in
/// the same minute (Android times have no seconds). Cleared when the time moves on.
#[derive(Default)]
struct SameTime {
    ts: Option<i64>,
    seen: HashMap<u64, u32>,
}

impl SameTime {
    /// How many identical messages came before this one at this time.
    fn occurrence(&mut self, ts: Option<i64>, key: u64) -> u32 {
        if self.ts != ts {
            self.ts = ts;
            self.seen.clear();
        }
        let n = self.seen.entry(key).or_insert(0);
        *n += 1;
        *n - 1
    }
}

fn attachment_data(a: &Option<Attachment>) -> serde_json::Value {
    match a {
        Some(Attachment::File(f)) => json!({"file": f}),
        Some(Attachment::Omitted(t)) => json!({"omitted": t}),
        None => serde_json::Value::Null,
    }
}

fn emit(
    cx: &mut ImportCx<'_>,
    chat: &str,
    m: &ChatMessage,
    same: &mut SameTime,
) -> Result<(), ParseError> {
    let ts = m.ts.map(|t| t.to_string()).unwrap_or_default();
    let sender = m.sender.as_deref().unwrap_or("");
    let base = crate::model::key_of("whatsapp_message", &[chat, &ts, sender, &m.text]);
    let nth = same.occurrence(m.ts, base).to_string();
    let (kind, title) = if m.system {
        ("chat_event", format!("{chat}: {}", first_line(&m.text)))
    } else {
        ("message", format!("Message from {sender} in {chat}"))
    };
    let r = Record::new(kind, Category::Messages)
        .at(m.ts)
        .title(title)
        .body_opt((!m.text.is_empty() && !m.system).then(|| m.text.clone()))
        .data(&json!({"chat": chat, "sender": m.sender, "attachment": attachment_data(&m.attachment), "line": m.line}))
        .with_key(&[chat, &ts, sender, &m.text, &nth]);
    cx.emit(m.line, r)
}

fn first_line(s: &str) -> &str {
    let l = s.lines().next().unwrap_or(s);
    match l.char_indices().nth(120) {
        Some((i, _)) => &l[..i],
        None => l,
    }
}

/// Who exported the chat, and how sure that is.
fn owner<'a>(info: &'a ChatInfo, chat: &str, named: bool) -> Option<(&'a str, &'static str)> {
    if named && info.senders.len() == 2 {
        if let Some((o, _)) = info.senders.iter().find(|(s, _)| s != chat) {
            return Some((o, "the participant the chat is not named after"));
        }
    }
    info.senders
        .first()
        .map(|(s, _)| (s.as_str(), "the most frequent sender (a guess)"))
}

fn looks_like_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    digits >= 7 && s.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c))
}

/// Parse one chat file.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let named = paths::chat_name(cx.file);
    let mut chat = named.clone();
    let mut same = SameTime::default();
    let info = chat_text::read_chat(reader, cx, |m, cx| {
        if chat.is_none() {
            // iOS: the first line is the encryption notice under the chat's name.
            chat = Some(
                m.sender
                    .clone()
                    .filter(|_| m.system)
                    .unwrap_or_else(|| "chat".to_string()),
            );
        }
        emit(cx, chat.as_deref().unwrap_or("chat"), m, &mut same)
    })?;
    if info.messages == 0 {
        return Ok(());
    }
    let chat = chat.unwrap_or_else(|| "chat".into());
    // The chat's name from the file or from iOS's notice: either names the other person.
    let owner = owner(
        &info,
        &chat,
        named.is_some() || info.first_system_sender.as_deref() == Some(chat.as_str()),
    );
    for (i, (name, count)) in info.senders.iter().enumerate() {
        let is_owner = owner.is_some_and(|(o, _)| o == name);
        let r = Record::new("participant", Category::SocialGraph)
            .title(format!("{name} in chat {chat}: {count} messages"))
            .data(
                &json!({"chat": chat, "name": name, "messages": count, "exporting_user": is_owner}),
            )
            .with_key(&[&chat, name]);
        cx.emit(i as u64, r)?;
    }
    if let Some((name, _)) = owner {
        let kind = if looks_like_phone(name) {
            IdentityKind::Phone
        } else {
            IdentityKind::Name
        };
        cx.identity(kind, name);
    }
    let r = Record::new("chat", Category::Messages)
        .title(format!(
            "WhatsApp chat {chat}: {} messages, {} people",
            info.messages,
            info.senders.len()
        ))
        .data(&json!({
            "chat": chat,
            "flavor": info.flavor,
            "date_order": info.order,
            "date_order_guessed": info.order_guessed,
            "twelve_hour_clock": info.twelve_hour,
            "messages": info.messages,
            "participants": info.senders.len(),
            "exporting_user": owner.map(|(o, _)| o),
            "exporting_user_found_as": owner.map(|(_, how)| how),
        }))
        .with_key(&[&chat]);
    cx.emit(0, r)
}

#[cfg(test)]
mod tests {
    use super::super::parser::CHAT;
    use super::super::test_support::{data, run};

    #[test]
    fn two_person_android_chat() {
        let input = "06/03/2017, 00:45 - Messages and calls are end-to-end encrypted.\n\
            06/03/2017, 00:46 - Kim Rossi: hi\n06/03/2017, 00:46 - Kim Rossi: hi\n\
            13/03/2017, 09:00 - Sam Silva: IMG-20170313-WA0001.jpg (file attached)\n13/03/2017, 09:01 - Sam Silva: ok\n13/03/2017, 09:02 - Sam Silva: ok\nsee you\n";
        let (out, r) = run(CHAT, "WhatsApp Chat with Kim Rossi.txt", input);
        r.unwrap();
        let kinds: Vec<&str> = out.records.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                "chat_event",
                "message",
                "message",
                "message",
                "message",
                "message",
                "participant",
                "participant",
                "chat"
            ]
        );
        assert_ne!(
            out.records[1].key, out.records[2].key,
            "same text in the same minute: two messages"
        );
        assert_eq!(
            data(&out.records[3])["attachment"]["file"],
            "IMG-20170313-WA0001.jpg"
        );
        assert_eq!(out.records[5].body.as_deref(), Some("ok\nsee you"));
        assert_eq!(
            out.identities[0].value, "Sam Silva",
            "the one the chat is not named after"
        );
        assert_eq!(
            data(out.records.last().unwrap())["exporting_user_found_as"],
            "the participant the chat is not named after"
        );
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    }

    #[test]
    fn ios_group_named_by_its_notice() {
        let input = "[2021-02-01, 09:00:00] Book club: \u{200e}Messages and calls are end-to-end encrypted.\n\
            [2021-02-01, 09:01:00] Ana: a\n[2021-02-01, 09:02:00] Ben: b\n[2021-02-01, 09:03:00] Ana: c\n";
        let (out, r) = run(CHAT, "_chat.txt", input);
        r.unwrap();
        assert_eq!(
            out.records[1].title.as_deref(),
            Some("Message from Ana in Book club")
        );
        assert_eq!(out.identities[0].value, "Ana");
        let (out, r) = run(CHAT, "_chat.txt", "");
        assert!(
            r.is_ok() && out.records.is_empty() && out.warnings.len() == 1,
            "an empty file is a warning"
        );
        let (_, r) = run(CHAT, "_chat.txt", "shopping list\nmilk\n");
        assert!(
            r.is_err(),
            "a text that is no chat is an error for that file"
        );
    }
}
