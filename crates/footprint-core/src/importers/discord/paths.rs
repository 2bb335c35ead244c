//! Which file of a Discord data package is which, from its path alone, and the markers that
//! tell a Discord package from every other export.
//!
//! The package is one `package.zip` with top-level folders `account/`, `messages/`,
//! `servers/`, `activity/`, `activities/` and `programs/`; packages since 2024 capitalize them
//! (`Account/`, `Messages/`, ...) and some tools unpack them under a folder of their own, so
//! paths are compared lowercased, from the first component that is one of those folders.

use super::parser;
use crate::importer::FileRole;

const MEDIA_SKIP: &str = "image or media file (avatar, attachment, icon)";
const README_SKIP: &str = "Discord's README of the package, not data";
const HTML_SKIP: &str = "HTML page, not data";

/// The package's top-level folders, lowercase.
const TOP_FOLDERS: &[&str] = &[
    "account",
    "messages",
    "servers",
    "activity",
    "activities",
    "programs",
];

/// Folders of `activity/`: one NDJSON event stream per kind of tracking.
pub const ACTIVITY_KINDS: &[&str] = &[
    "analytics",
    "tns",
    "reporting",
    "modeling",
    "trust_and_safety",
];

/// The path's components from the first package folder on, lowercased: `["messages",
/// "c123", "messages.csv"]` for `package/Messages/c123/messages.csv`. Empty when no
/// component is a package folder.
pub fn package_parts(path: &str) -> Vec<String> {
    let parts: Vec<String> = path.split('/').map(str::to_lowercase).collect();
    match parts.iter().position(|p| TOP_FOLDERS.contains(&p.as_str())) {
        Some(i) => parts[i..].to_vec(),
        None => Vec::new(),
    }
}

/// A channel folder name: `c123456` (since 2021) or the bare id `123456` (older packages).
pub fn is_channel_folder(name: &str) -> bool {
    let id = name.strip_prefix('c').unwrap_or(name);
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())
}

fn extension(name: &str) -> &str {
    name.rsplit_once('.').map(|(_, e)| e).unwrap_or("")
}

/// The role of a file from its path.
pub fn classify(path: &str) -> FileRole {
    let file = path.rsplit('/').next().unwrap_or(path).to_lowercase();
    if file == "readme.txt" {
        return FileRole::Skip(README_SKIP);
    }
    let parts = package_parts(path);
    let Some(name) = parts.last().map(String::as_str) else {
        return FileRole::Unknown;
    };
    let ext = extension(name);
    if matches!(
        ext,
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "mp4" | "mp3" | "ogg" | "webm"
    ) {
        return FileRole::Skip(MEDIA_SKIP);
    }
    if matches!(ext, "html" | "htm") {
        return FileRole::Skip(HTML_SKIP);
    }
    let p: Vec<&str> = parts.iter().map(String::as_str).collect();
    match p.as_slice() {
        ["account", "user.json"] => FileRole::Parse(parser::USER),
        ["account", "applications", _, "application.json"] => FileRole::Parse(parser::APPLICATION),
        ["messages", "index.json"] => FileRole::Parse(parser::CHANNEL_INDEX),
        ["messages", dir, "channel.json"] if is_channel_folder(dir) => {
            FileRole::Parse(parser::CHANNEL)
        }
        ["messages", dir, "messages.csv"] if is_channel_folder(dir) => {
            FileRole::Parse(parser::MESSAGES_CSV)
        }
        ["messages", dir, "messages.json"] if is_channel_folder(dir) => {
            FileRole::Parse(parser::MESSAGES_JSON)
        }
        ["servers", "index.json"] => FileRole::Parse(parser::SERVER_INDEX),
        ["servers", _, "guild.json"] => FileRole::Parse(parser::GUILD),
        ["servers", _, "audit-log.json"] => FileRole::Parse(parser::AUDIT_LOG),
        ["activity", kind, file] if ACTIVITY_KINDS.contains(kind) && file.ends_with(".json") => {
            FileRole::Parse(parser::ACTIVITY_EVENTS)
        }
        [top, .., file]
            if matches!(*top, "activities" | "programs" | "account") && file.ends_with(".json") =>
        {
            FileRole::Parse(parser::GENERIC)
        }
        _ => FileRole::Unknown,
    }
}

/// Markers only a Discord package has, with the words shown to the user.
const MARKERS: &[(&str, &str)] = &[
    ("user", "account/user.json"),
    ("messages", "messages/index.json"),
    ("channel", "messages/c<id>/channel.json"),
    ("servers", "servers/index.json"),
    ("activity", "activity/<kind>/events-….json"),
];

/// The Discord markers found in a listing.
#[derive(Debug, Default)]
pub struct Markers {
    found: Vec<&'static str>,
}

impl Markers {
    /// Look at one entry name.
    pub fn see(&mut self, path: &str) {
        let parts = package_parts(path);
        let p: Vec<&str> = parts.iter().map(String::as_str).collect();
        let id = match p.as_slice() {
            ["account", "user.json"] => "user",
            ["messages", "index.json"] => "messages",
            ["messages", dir, "channel.json"] if is_channel_folder(dir) => "channel",
            ["servers", "index.json"] => "servers",
            ["activity", kind, file]
                if ACTIVITY_KINDS.contains(kind) && file.starts_with("events-") =>
            {
                "activity"
            }
            _ => return,
        };
        let words = MARKERS
            .iter()
            .find(|(k, _)| *k == id)
            .map(|(_, w)| *w)
            .unwrap_or(id);
        if !self.found.contains(&words) {
            self.found.push(words);
        }
    }

    /// Every marker has been seen: no need to look further.
    pub fn complete(&self) -> bool {
        self.found.len() == MARKERS.len()
    }

    /// Two markers: certain; one: 0.95; none: not Discord.
    pub fn judge(&self) -> (f32, String) {
        let confidence = match self.found.len() {
            0 => 0.0,
            1 => 0.95,
            _ => 1.0,
        };
        (
            confidence,
            format!(
                "found {} (only Discord data packages have them)",
                self.found.join(", ")
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_every_generation_and_casing() {
        let cases = [
            ("account/user.json", FileRole::Parse(parser::USER)),
            ("package/Account/user.json", FileRole::Parse(parser::USER)),
            (
                "Account/applications/123/application.json",
                FileRole::Parse(parser::APPLICATION),
            ),
            ("account/avatar.png", FileRole::Skip(MEDIA_SKIP)),
            (
                "messages/index.json",
                FileRole::Parse(parser::CHANNEL_INDEX),
            ),
            (
                "Messages/c123/channel.json",
                FileRole::Parse(parser::CHANNEL),
            ),
            (
                "messages/123/messages.csv",
                FileRole::Parse(parser::MESSAGES_CSV),
            ),
            (
                "Messages/c123/messages.json",
                FileRole::Parse(parser::MESSAGES_JSON),
            ),
            ("messages/general/messages.csv", FileRole::Unknown),
            ("servers/index.json", FileRole::Parse(parser::SERVER_INDEX)),
            ("Servers/42/guild.json", FileRole::Parse(parser::GUILD)),
            (
                "servers/42/audit-log.json",
                FileRole::Parse(parser::AUDIT_LOG),
            ),
            (
                "activity/analytics/events-2021-00000-of-00001.json",
                FileRole::Parse(parser::ACTIVITY_EVENTS),
            ),
            (
                "Activity/tns/events-2024-03-02-00000-of-00002.json",
                FileRole::Parse(parser::ACTIVITY_EVENTS),
            ),
            (
                "activities/some_activity/preferences.json",
                FileRole::Parse(parser::GENERIC),
            ),
            (
                "programs/partner/application.json",
                FileRole::Parse(parser::GENERIC),
            ),
            ("README.txt", FileRole::Skip(README_SKIP)),
            ("package/README.txt", FileRole::Skip(README_SKIP)),
            ("account/README.txt", FileRole::Skip(README_SKIP)),
            (
                "Takeout/My Activity/Search/MyActivity.json",
                FileRole::Unknown,
            ),
        ];
        for (path, want) in cases {
            assert_eq!(classify(path), want, "{path}");
        }
    }

    #[test]
    fn markers_need_discord_folders() {
        let mut m = Markers::default();
        for p in [
            "package/Account/user.json",
            "package/Messages/c1/channel.json",
            "Messages/index.json",
        ] {
            m.see(p);
        }
        assert_eq!(m.judge().0, 1.0);
        let mut one = Markers::default();
        one.see("servers/index.json");
        assert_eq!(one.judge().0, 0.95);
        let mut none = Markers::default();
        for p in [
            "messages/inbox/alice_1/message_1.json",
            "your_facebook_activity/messages/inbox/a/message_1.json",
            "_chat.txt",
            "account/user.json.bak",
        ] {
            none.see(p);
        }
        assert_eq!(none.judge().0, 0.0);
    }
}
