//! WhatsApp: chat exports ("Export chat") and the account report ("Request account info").
//!
//! - [`chat`]: a chat's text file, iOS `_chat.txt` inside `WhatsApp Chat - NAME.zip` (with
//!   the media files beside it), Android `WhatsApp Chat with NAME.txt` (bare or zipped with
//!   media), read by the shared [`crate::formats::chat_text`] reader;
//! - [`report`]: the account report's JSON (account, contacts, groups, devices); its HTML
//!   pages are skipped.
//!
//! WhatsApp is run by Meta: the descriptor's company is "Meta", so what WhatsApp holds merges
//! with Facebook's and Instagram's holdings. A chat export names no third party.

pub mod chat;
pub mod paths;
pub mod report;

use crate::archive::ArchiveView;
use crate::formats::{chat_text, sniff};
use crate::importer::{Descriptor, FileRole, ImportCx, Importer, ParseError, Recognition};
use std::io::Read;

/// Parser tags.
pub mod parser {
    pub const CHAT: &str = "whatsapp_chat";
    pub const REPORT: &str = "whatsapp_report";
}

/// The WhatsApp importer.
pub struct WhatsApp;

/// WhatsApp, as people see it.
pub static DESCRIPTOR: Descriptor = Descriptor {
    id: "whatsapp",
    name: "WhatsApp",
    company: "Meta",
    address: "WhatsApp app → Settings → Account → Request account info (chats: open a chat → Export chat)",
    steps: &[
        "Chats: open a chat, tap its name (iPhone) or ⋮ → More (Android), then “Export chat”; choose “Attach media” or “Without media” and save the file.",
        "Account report: Settings → Account → Request account info → Request report; after about three days, tap “Export report” and save the zip.",
        "Add each chat's .zip or .txt (put loose .txt files in a folder) and the report's .zip.",
    ],
    format: "Chats: `WhatsApp Chat - NAME.zip` (iPhone) or `WhatsApp Chat with NAME.txt` (Android); report: whatsapp_report.zip.",
    color: "#25d366",
};

/// Bytes of a text file read to recognize a chat.
const RECOGNIZE_HEAD: usize = 4096;

impl Importer for WhatsApp {
    fn descriptor(&self) -> &'static Descriptor {
        &DESCRIPTOR
    }

    fn recognize(&self, view: &ArchiveView) -> Recognition {
        let mut m = paths::Markers::default();
        let mut first_text = None;
        for (i, e) in view.entries().iter().enumerate() {
            m.see(&e.path);
            if first_text.is_none() && e.path.to_ascii_lowercase().ends_with(".txt") {
                first_text = Some(i);
            }
        }
        // One small head: a chat under a name no rule knows (or a renamed file).
        if let Some(i) = first_text {
            if view
                .read_head(i, RECOGNIZE_HEAD)
                .is_ok_and(|h| chat_text::looks_like_chat(&h))
            {
                m.saw_chat_lines();
            }
        }
        match m.judge() {
            (c, _) if c <= 0.0 => Recognition::no(),
            (c, reason) => Recognition::yes(c, reason),
        }
    }

    fn classify(&self, path: &str) -> FileRole {
        paths::classify(path)
    }

    /// A text file whose first lines are chat messages is a chat whatever its name (other
    /// languages name the file differently); a JSON file with the report's `wa_…` keys is
    /// the report.
    fn classify_content(&self, path: &str, head: &[u8]) -> Option<FileRole> {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".txt") && chat_text::looks_like_chat(head) {
            return Some(FileRole::Parse(parser::CHAT));
        }
        let keys = sniff::json_keys(head);
        (keys
            .iter()
            .any(|k| report::SECTION_KEYS.contains(&k.as_str())))
        .then_some(FileRole::Parse(parser::REPORT))
    }

    /// The account: the report's phone number; a chat export does not say whose it is.
    fn account(&self, view: &ArchiveView) -> Option<String> {
        let i = view
            .entries()
            .iter()
            .position(|e| paths::classify(&e.path) == FileRole::Parse(parser::REPORT))?;
        let head = view.read_head(i, report::MAX_REPORT_BYTES as usize).ok()?;
        report::account_of(&head)
    }

    fn import_file(
        &self,
        parser: &'static str,
        reader: &mut dyn Read,
        cx: &mut ImportCx<'_>,
    ) -> Result<(), ParseError> {
        match parser {
            parser::CHAT => chat::parse(reader, cx),
            parser::REPORT => report::parse(reader, cx),
            other => Err(ParseError::Other(format!(
                "{}: no WhatsApp parser named `{other}`",
                cx.file
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chats_and_reports_under_other_names_are_known_by_content() {
        let cases: [(&str, &[u8], Option<&str>); 5] = [
            (
                "Conversación con Ana.txt",
                "[2021-02-01, 09:00:00] Ana: hola\n".as_bytes(),
                Some(parser::CHAT),
            ),
            (
                "chat.txt",
                "\u{feff}13.03.17, 09:00 - Ana: hallo\n".as_bytes(),
                Some(parser::CHAT),
            ),
            ("notes.txt", b"shopping list\nmilk\n", None),
            (
                "rapport/compte.json",
                br#"{"wa_groups": [], "wa_user_info": {"phone"#,
                Some(parser::REPORT),
            ),
            ("x/data.json", br#"{"groups": 3}"#, None),
        ];
        for (path, head, want) in cases {
            assert_eq!(
                WhatsApp.classify_content(path, head),
                want.map(FileRole::Parse),
                "{path}"
            );
        }
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::importer::ParseError;
    pub use crate::testing::{data_json as data, MemorySink as Out};

    pub fn run(tag: &'static str, path: &str, input: &str) -> (Out, Result<(), ParseError>) {
        use crate::importer::Importer;
        Out::run_parser(path, input, |r, cx| super::WhatsApp.import_file(tag, r, cx))
    }
}
