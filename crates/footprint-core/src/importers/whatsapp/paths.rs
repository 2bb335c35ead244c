//! Which file of a WhatsApp export is which, by name, and the markers of a WhatsApp export.
//!
//! Chat files are named by the app in the phone's language: iOS always `_chat.txt` (the zip
//! carries the chat's name), Android `WhatsApp Chat with NAME.txt` and its translations.
//! Media files keep WhatsApp's own names: iOS `00000012-PHOTO-2020-01-01-12-00-01.jpg`,
//! Android `IMG-20200101-WA0001.jpg` (`VID-`, `PTT-`, `AUD-`, `STK-`, `DOC-`).

use super::parser;
use crate::importer::FileRole;

const MEDIA_SKIP: &str = "media attached to a chat (the messages refer to it by name)";
const HTML_SKIP: &str = "the account report's HTML page; its JSON file is read";

/// Chat file names before the chat's name, lowercase: EN, DE, FR, ES, PT, IT, NL.
pub const CHAT_PREFIXES: &[&str] = &[
    "whatsapp chat with ",
    "whatsapp chat - ",
    "whatsapp-chat mit ",
    "discussion whatsapp avec ",
    "chat de whatsapp con ",
    "conversa do whatsapp com ",
    "chat whatsapp con ",
    "whatsapp-chat met ",
];

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The chat's name from a path (`WhatsApp Chat with Kim.txt`, `WhatsApp Chat - Kim.zip/_chat.txt`).
pub fn chat_name(path: &str) -> Option<String> {
    path.rsplit('/').find_map(|component| {
        let lower = component.to_lowercase();
        CHAT_PREFIXES.iter().find_map(|p| {
            lower.strip_prefix(p)?;
            let rest = &component[p.len()..];
            let rest = [".txt", ".zip"]
                .iter()
                .find_map(|e| rest.strip_suffix(e))
                .unwrap_or(rest);
            Some(rest.trim().to_string()).filter(|n| !n.is_empty())
        })
    })
}

/// A chat text file by name.
pub fn is_chat_file(path: &str) -> bool {
    let name = file_name(path).to_lowercase();
    name == "_chat.txt"
        || (name.ends_with(".txt") && CHAT_PREFIXES.iter().any(|p| name.starts_with(p)))
}

/// WhatsApp's own media file names.
pub fn is_whatsapp_media(path: &str) -> bool {
    let name = file_name(path);
    let upper = name.to_ascii_uppercase();
    // Android: IMG-20200101-WA0001.jpg
    let android = ["IMG-", "VID-", "PTT-", "AUD-", "STK-", "DOC-"]
        .iter()
        .any(|p| upper.starts_with(p))
        && upper.contains("-WA");
    // iOS: 00000012-PHOTO-2020-01-01-12-00-01.jpg
    let ios = name.len() > 9
        && name.as_bytes()[..8].iter().all(u8::is_ascii_digit)
        && [
            "-PHOTO-",
            "-VIDEO-",
            "-AUDIO-",
            "-STICKER-",
            "-GIF-",
            "-CONTACT",
        ]
        .iter()
        .any(|k| upper[8..].starts_with(k));
    android || ios
}

fn is_report_path(path: &str) -> bool {
    path.to_ascii_lowercase()
        .split('/')
        .any(|c| c.starts_with("whatsapp_report") || c == "whatsapp report")
}

const MEDIA_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "webp", "gif", "mp4", "3gp", "mov", "opus", "ogg", "m4a", "mp3", "aac",
    "pdf", "vcf", "docx", "xlsx", "zip",
];

/// The role of a file from its path.
pub fn classify(path: &str) -> FileRole {
    if is_chat_file(path) {
        return FileRole::Parse(parser::CHAT);
    }
    let lower = file_name(path).to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    if is_report_path(path) {
        return match ext {
            "json" => FileRole::Parse(parser::REPORT),
            "html" | "htm" => FileRole::Skip(HTML_SKIP),
            _ => FileRole::Unknown,
        };
    }
    if is_whatsapp_media(path) || MEDIA_EXTENSIONS.contains(&ext) {
        return FileRole::Skip(MEDIA_SKIP);
    }
    FileRole::Unknown
}

/// The WhatsApp markers found in a listing (and a chat-like head).
#[derive(Debug, Default)]
pub struct Markers {
    chat_file: bool,
    media: bool,
    report: bool,
    chat_lines: bool,
}

impl Markers {
    pub fn see(&mut self, path: &str) {
        self.chat_file |= is_chat_file(path);
        self.media |= is_whatsapp_media(path);
        self.report |= is_report_path(path);
    }
    /// A text file's first lines are WhatsApp message lines.
    pub fn saw_chat_lines(&mut self) {
        self.chat_lines = true;
    }
    /// Two markers: 1.0; a chat file name, a report or chat lines alone: 0.95; WhatsApp's
    /// media names alone: 0.5 (a phone's gallery has them too).
    pub fn judge(&self) -> (f32, String) {
        let mut words = Vec::new();
        if self.chat_file {
            words.push("a WhatsApp chat file name");
        }
        if self.chat_lines {
            words.push("WhatsApp message lines");
        }
        if self.report {
            words.push("the WhatsApp account report");
        }
        if self.media {
            words.push("WhatsApp media file names");
        }
        let strong = [self.chat_file, self.chat_lines, self.report]
            .iter()
            .filter(|b| **b)
            .count();
        let confidence = match (strong, self.media) {
            (0, false) => 0.0,
            (0, true) => 0.5,
            (1, false) => 0.95,
            _ => 1.0,
        };
        (confidence, format!("found {}", words.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_chats_media_and_report() {
        let cases = [
            ("_chat.txt", FileRole::Parse(parser::CHAT)),
            (
                "WhatsApp Chat - Kim Rossi.zip/_chat.txt",
                FileRole::Parse(parser::CHAT),
            ),
            (
                "WhatsApp Chat with Kim Rossi.txt",
                FileRole::Parse(parser::CHAT),
            ),
            (
                "chats/WhatsApp-Chat mit Kim.txt",
                FileRole::Parse(parser::CHAT),
            ),
            (
                "00000012-PHOTO-2020-01-01-12-00-01.jpg",
                FileRole::Skip(MEDIA_SKIP),
            ),
            ("IMG-20200101-WA0001.jpg", FileRole::Skip(MEDIA_SKIP)),
            (
                "whatsapp_report/account_info.json",
                FileRole::Parse(parser::REPORT),
            ),
            ("whatsapp_report/index.html", FileRole::Skip(HTML_SKIP)),
            ("notes.txt", FileRole::Unknown),
        ];
        for (p, want) in cases {
            assert_eq!(classify(p), want, "{p}");
        }
        assert_eq!(
            chat_name("WhatsApp Chat - Kim Rossi.zip/_chat.txt").as_deref(),
            Some("Kim Rossi")
        );
        assert_eq!(
            chat_name("x/WhatsApp Chat with Book club.txt").as_deref(),
            Some("Book club")
        );
        assert_eq!(chat_name("_chat.txt"), None);
    }

    #[test]
    fn markers() {
        let mut m = Markers::default();
        m.see("_chat.txt");
        assert_eq!(m.judge().0, 0.95);
        m.see("00000012-PHOTO-2020-01-01-12-00-01.jpg");
        assert_eq!(m.judge().0, 1.0);
        let mut none = Markers::default();
        for p in [
            "account/user.json",
            "messages/inbox/a/message_1.json",
            "Takeout/My Activity/x.json",
        ] {
            none.see(p);
        }
        assert_eq!(none.judge().0, 0.0);
    }
}
