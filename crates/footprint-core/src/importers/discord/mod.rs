//! Discord data packages (`package.zip`, "Request all of my Data").
//!
//! A package is JSON, CSV and newline-delimited JSON in a few folders (see [`paths`]):
//!
//! - [`account`]: `account/user.json`, the account (identities, last IP), the connected
//!   accounts of other services (the third parties of a Discord package, via
//!   [`connections`]), friends and blocks, payments, games, notes,
//! - [`messages`]: the channel index, each channel's `channel.json`, and the messages the
//!   user sent (`messages.csv` until 2023, `messages.json` since),
//! - [`servers`]: servers the user is in, and the audit log of servers they own,
//! - [`activity`]: Discord's own tracking, `activity/<kind>/events-*.json`, one event per
//!   line and several GB: summarized (counts, first and last seen per event type, device,
//!   location), never one record per event,
//! - [`generic`]: the small JSON files of `activities/`, `programs/` and `account/`
//!   applications, one record each.
//!
//! Discord's own holdings (everything here) are filed under the descriptor's company; only
//! the connected services name a third party.

pub mod account;
pub mod activity;
pub mod connections;
pub mod generic;
pub mod messages;
pub mod paths;
pub mod servers;

use crate::archive::ArchiveView;
use crate::formats::sniff;
use crate::importer::{Descriptor, FileRole, ImportCx, Importer, ParseError, Recognition};
use std::io::Read;

/// Parser tags: what `classify` returns in `FileRole::Parse` and `import_file` dispatches on.
pub mod parser {
    pub const USER: &str = "discord_user";
    pub const APPLICATION: &str = "discord_application";
    pub const CHANNEL_INDEX: &str = "discord_channel_index";
    pub const CHANNEL: &str = "discord_channel";
    pub const MESSAGES_CSV: &str = "discord_messages_csv";
    pub const MESSAGES_JSON: &str = "discord_messages_json";
    pub const SERVER_INDEX: &str = "discord_server_index";
    pub const GUILD: &str = "discord_guild";
    pub const AUDIT_LOG: &str = "discord_audit_log";
    pub const ACTIVITY_EVENTS: &str = "discord_activity_events";
    pub const GENERIC: &str = "discord_generic";
}

/// Small JSON files (user.json, channel.json, indexes) are read whole up to this size.
pub const MAX_SMALL_JSON: u64 = 64 << 20;

/// The Discord importer.
pub struct Discord;

/// Discord, as people see it.
pub static DESCRIPTOR: Descriptor = Descriptor {
    id: "discord",
    name: "Discord",
    company: "Discord",
    address: "Discord app → User Settings → Data & Privacy → Request Data",
    steps: &[
        "Open Discord (desktop or web) and click the gear icon next to your name (User Settings).",
        "Open “Data & Privacy” and scroll to “Request all of my Data”.",
        "Tick every kind of data (Account, Activity, Messages, Servers…) and press “Request Data”.",
        "Discord emails you a download link within about 30 days; download package.zip.",
    ],
    format: "One package.zip (JSON, CSV and event files); add it as it is, without unpacking.",
    color: "#5865f2",
};

impl Importer for Discord {
    fn descriptor(&self) -> &'static Descriptor {
        &DESCRIPTOR
    }

    fn recognize(&self, view: &ArchiveView) -> Recognition {
        let mut markers = paths::Markers::default();
        for e in view.entries() {
            markers.see(&e.path);
            if markers.complete() {
                break;
            }
        }
        match markers.judge() {
            (c, _) if c <= 0.0 => Recognition::no(),
            (c, reason) => Recognition::yes(c, reason),
        }
    }

    fn classify(&self, path: &str) -> FileRole {
        paths::classify(path)
    }

    /// Files under other names are recognized by their keys: the user object, message rows
    /// (CSV header or JSON keys), a channel object, an activity event line.
    fn classify_content(&self, _path: &str, head: &[u8]) -> Option<FileRole> {
        if sniff::csv_has(head, &["ID", "Timestamp", "Contents"]) {
            return Some(FileRole::Parse(parser::MESSAGES_CSV));
        }
        let keys = sniff::json_keys(head);
        let has = |k: &str| keys.iter().any(|x| x == k);
        let tag = if has("eventtype") && (has("eventid") || has("timestamp")) {
            parser::ACTIVITY_EVENTS
        } else if has("username") && has("connections") || has("discriminator") && has("email") {
            parser::USER
        } else if has("id") && has("timestamp") && has("contents") {
            parser::MESSAGES_JSON
        } else if has("id") && has("type") && (has("recipients") || has("guild")) {
            parser::CHANNEL
        } else {
            return None;
        };
        Some(FileRole::Parse(tag))
    }

    fn account(&self, view: &ArchiveView) -> Option<String> {
        let i = view
            .entries()
            .iter()
            .position(|e| paths::classify(&e.path) == FileRole::Parse(parser::USER))?;
        let head = view.read_head(i, MAX_SMALL_JSON as usize).ok()?;
        account::account_of(&head)
    }

    fn import_file(
        &self,
        parser: &'static str,
        reader: &mut dyn Read,
        cx: &mut ImportCx<'_>,
    ) -> Result<(), ParseError> {
        match parser {
            parser::USER => account::parse_user(reader, cx),
            parser::APPLICATION => generic::parse_application(reader, cx),
            parser::CHANNEL_INDEX => messages::parse_index(reader, cx),
            parser::CHANNEL => messages::parse_channel(reader, cx),
            parser::MESSAGES_CSV => messages::parse_csv(reader, cx),
            parser::MESSAGES_JSON => messages::parse_json(reader, cx),
            parser::SERVER_INDEX => servers::parse_index(reader, cx),
            parser::GUILD => servers::parse_guild(reader, cx),
            parser::AUDIT_LOG => servers::parse_audit_log(reader, cx),
            parser::ACTIVITY_EVENTS => activity::parse(reader, cx),
            parser::GENERIC => generic::parse(reader, cx),
            other => Err(ParseError::Other(format!(
                "{}: no Discord parser named `{other}`",
                cx.file
            ))),
        }
    }
}

/// A small JSON file read whole, as a value. An empty file (0 bytes or only whitespace) is
/// `None` with a warning: Discord writes empty files for data it does not have.
pub(crate) fn read_small_json(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<Option<serde_json::Value>, ParseError> {
    let mut bytes = Vec::new();
    reader.take(MAX_SMALL_JSON + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_SMALL_JSON {
        return Err(ParseError::Structure(format!(
            "{}: larger than {} MB, not a Discord metadata file",
            cx.file,
            MAX_SMALL_JSON >> 20
        )));
    }
    let bytes = crate::formats::strip_bom(&bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        cx.warn(None, "empty file");
        return Ok(None);
    }
    serde_json::from_slice(bytes)
        .map(Some)
        .map_err(|e| ParseError::Json {
            offset: e.line() as u64,
            message: format!("{}: line {}, column {}: {e}", cx.file, e.line(), e.column()),
        })
}

/// The channel id of a file in `messages/c<id>/` (or the older `messages/<id>/`).
pub(crate) fn channel_id_of(path: &str) -> Option<String> {
    let parts = paths::package_parts(path);
    match parts.as_slice() {
        [m, dir, _] if m == "messages" && paths::is_channel_folder(dir) => {
            Some(dir.trim_start_matches('c').to_string())
        }
        _ => None,
    }
}

/// The folder below `servers/` of a file (the server id).
pub(crate) fn server_id_of(path: &str) -> Option<String> {
    let parts = paths::package_parts(path);
    match parts.as_slice() {
        [s, id, _] if s == "servers" => Some(id.clone()),
        _ => None,
    }
}

/// A Discord snowflake id (string or number in JSON) as text.
pub(crate) fn id_text(v: Option<&serde_json::Value>) -> Option<String> {
    crate::formats::lenient::text(v)
}

/// Discord timestamps: ISO-8601 (`2020-05-03T12:34:56.789000+00:00`, or with a space), in
/// activity files wrapped in an extra pair of quotes (`"\"2021-03-01T12:00:00.000Z\""`).
pub(crate) fn time_of(s: &str) -> Option<i64> {
    crate::time::parse(s.trim().trim_matches('"'))
}

/// The creation time inside a Discord snowflake id: milliseconds since 2015-01-01 in the
/// top 42 bits.
pub(crate) fn snowflake_ms(id: &str) -> Option<i64> {
    const DISCORD_EPOCH_MS: i64 = 1_420_070_400_000;
    let n: u64 = id.trim().parse().ok()?;
    crate::time::plausible((n >> 22) as i64 + DISCORD_EPOCH_MS).filter(|_| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_under_other_names_are_known_by_content() {
        let cases: [(&str, &[u8], Option<&str>); 6] = [
            ("export/Nachrichten/c1/nachrichten.csv", b"\xEF\xBB\xBFID,Timestamp,Contents,Attachments\n1,", Some(parser::MESSAGES_CSV)),
            ("x/events.jsonl", br#"{"event_type":"app_opened","event_id":"a","timestamp":"\"2021"#, Some(parser::ACTIVITY_EVENTS)),
            ("konto/benutzer.json", br#"{"id": "1", "username": "a", "discriminator": "0", "email": "a@example.com", "connections": ["#, Some(parser::USER)),
            ("x/msgs.json", br#"[{"ID": 1, "Timestamp": "2024", "Contents": "hi"#, Some(parser::MESSAGES_JSON)),
            ("x/kanal.json", br#"{"id": "1", "type": 1, "recipients": ["1"#, Some(parser::CHANNEL)),
            ("x/other.json", br#"{"title": "a"}"#, None),
        ];
        for (path, head, want) in cases {
            assert_eq!(
                Discord.classify_content(path, head),
                want.map(FileRole::Parse),
                "{path}"
            );
        }
    }

    #[test]
    fn snowflakes_carry_their_time() {
        assert_eq!(snowflake_ms("175928847299117063"), Some(1_462_015_105_796));
        assert_eq!(snowflake_ms("0"), None);
        assert_eq!(snowflake_ms("abc"), None);
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::importer::ParseError;
    pub use crate::testing::{data_json as data, MemorySink as Out};

    /// Run the Discord parser `tag` over `input` as if it were the file at `path`.
    pub fn run(tag: &'static str, path: &str, input: &str) -> (Out, Result<(), ParseError>) {
        use crate::importer::Importer;
        Out::run_parser(path, input, |r, cx| super::Discord.import_file(tag, r, cx))
    }

    /// Like [`run`] but panics on a whole-file error.
    pub fn ok(tag: &'static str, path: &str, input: &str) -> Out {
        let (out, r) = run(tag, path, input);
        r.unwrap_or_else(|e| panic!("{path}: {e}"));
        out
    }
}
