//! Spotify "Download your data" exports (JSON), both packages, each a `my_spotify_data.zip`:
//!
//! - "Account data" (`MyData/` or `Spotify Account Data/`): `Userdata.json`, `Identity.json`,
//!   `Identifiers.json`, `Payments.json`, `SearchQueries.json`, `Follow.json`,
//!   `YourLibrary.json`, `Playlist1.json`…, `Inferences.json`, `Marquee.json`, the streaming
//!   history of the last year (`StreamingHistory_music_N.json`, `…_podcast_N.json`, before
//!   2023 `StreamingHistoryN.json`) and a few more small files (Wrapped, family plan, ...);
//! - "Extended streaming history" (`Spotify Extended Streaming History/`, earlier `MyData/`):
//!   `Streaming_History_Audio_YYYY-YYYY_N.json`, `Streaming_History_Video_….json` (earlier
//!   `endsong_N.json`), every play since the account was opened.
//!
//! Modules: [`streaming`] (plays, IP and country sums), [`ads`] (inference segments naming
//! advertisers and brokers, Marquee), [`profile`] (identities), [`library`] (searches,
//! library, playlists, follows, payments, other files), [`read`] (shared file helpers).

pub mod ads;
pub mod library;
pub mod profile;
pub mod read;
pub mod streaming;

use crate::archive::ArchiveView;
use crate::formats::{lenient::norm_key, sniff};
use crate::importer::{Descriptor, FileRole, ImportCx, Importer, ParseError, Recognition};
use std::io::Read;

/// Parser tags: what `classify` returns in `FileRole::Parse` and `import_file` dispatches on.
pub mod parser {
    pub const STREAMING: &str = "spotify_streaming_history";
    pub const PROFILE: &str = "spotify_profile";
    pub const IDENTIFIERS: &str = "spotify_identifiers";
    pub const INFERENCES: &str = "spotify_inferences";
    pub const MARQUEE: &str = "spotify_marquee";
    pub const SEARCHES: &str = "spotify_search_queries";
    pub const PAYMENTS: &str = "spotify_payments";
    pub const LIBRARY: &str = "spotify_library";
    pub const PLAYLISTS: &str = "spotify_playlists";
    pub const FOLLOW: &str = "spotify_follow";
}

/// Why the read-me PDFs are not imported.
pub const README_SKIP: &str = "Spotify's explanation of the export (PDF), no personal data";

/// The Spotify importer.
pub struct Spotify;

/// Spotify, as people see it.
pub static DESCRIPTOR: Descriptor = Descriptor {
    id: "spotify",
    name: "Spotify",
    company: "Spotify",
    address: "https://www.spotify.com/account/privacy/",
    steps: &[
        "Log in at spotify.com, open your Account page and choose Privacy settings (at the bottom: “Download your data”).",
        "Tick “Account data” (about 5 days) and, for every play since you joined, “Extended streaming history” (up to 30 days), then press Request data and confirm the link Spotify e-mails you.",
        "When Spotify e-mails that your data is ready, download my_spotify_data.zip from the link in the e-mail (it expires after 14 days). Import each zip you receive.",
    ],
    format: "my_spotify_data.zip (JSON files in MyData/, Spotify Account Data/ or Spotify Extended Streaming History/).",
    color: "#1db954",
};

/// Known files by name: (name prefix in [`norm_key`] form, parser). Prefixes cover the
/// numbered files (`Playlist1`, `StreamingHistory_music_0`, `Streaming_History_Audio_…`).
const BY_NAME: &[(&str, &str)] = &[
    ("streaminghistory", parser::STREAMING),
    ("endsong", parser::STREAMING),
    ("endvideo", parser::STREAMING),
    ("userdata", parser::PROFILE),
    ("identity", parser::PROFILE),
    ("identifiers", parser::IDENTIFIERS),
    ("inferences", parser::INFERENCES),
    ("marquee", parser::MARQUEE),
    ("searchqueries", parser::SEARCHES),
    ("payments", parser::PAYMENTS),
    ("yourlibrary", parser::LIBRARY),
    ("playlist", parser::PLAYLISTS),
    ("follow", parser::FOLLOW),
];

/// Key sets of the files, for the same files under another (older, localized) name.
const BY_KEYS: &[(&[&str], &str)] = &[
    (&["endTime", "msPlayed"], parser::STREAMING),
    (&["ts", "ms_played"], parser::STREAMING),
    (&["inferences"], parser::INFERENCES),
    (&["artistName", "segment"], parser::MARQUEE),
    (&["searchTime", "searchQuery"], parser::SEARCHES),
    (&["playlists"], parser::PLAYLISTS),
    (&["tracks", "albums", "shows"], parser::LIBRARY),
    (&["followerCount"], parser::FOLLOW),
    (&["identifierType", "identifierValue"], parser::IDENTIFIERS),
    (&["username", "email", "creationTime"], parser::PROFILE),
    (&["payment_method", "creation_date"], parser::PAYMENTS),
];

/// Folder names only Spotify's packages use (normal form).
const FOLDERS: &[&str] = &["spotifyaccountdata", "spotifyextendedstreaminghistory"];

/// File names only Spotify writes (normal form of the stem, prefix match).
const MARKER_FILES: &[&str] = &[
    "streaminghistorymusic",
    "streaminghistorypodcast",
    "streaminghistoryaudio",
    "streaminghistoryvideo",
    "yourlibrary",
    "marquee",
    "yoursoundcapsule",
    "endsong",
];

fn stem_key(path: &str) -> String {
    let name = read::file_name(path);
    norm_key(name.rsplit_once('.').map_or(name, |(s, _)| s))
}

fn is_json(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".json")
}

/// `StreamingHistory0.json` (before 2023): the generic prefix followed by digits only.
fn is_old_streaming_history(stem: &str) -> bool {
    stem.strip_prefix("streaminghistory")
        .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
}

impl Importer for Spotify {
    fn descriptor(&self) -> &'static Descriptor {
        &DESCRIPTOR
    }

    fn recognize(&self, view: &ArchiveView) -> Recognition {
        let mut found: Vec<String> = Vec::new();
        let mut kinds: Vec<String> = Vec::new();
        let mut note = |what: String| {
            if !found.contains(&what) && found.len() < 3 {
                found.push(what);
            }
        };
        for e in view.entries() {
            for folder in e.path.split('/').rev().skip(1) {
                if FOLDERS.contains(&norm_key(folder).as_str()) {
                    note(format!("folder {folder}"));
                }
            }
            if !is_json(&e.path) {
                continue;
            }
            let stem = stem_key(&e.path);
            if MARKER_FILES.iter().any(|m| stem.starts_with(m)) || is_old_streaming_history(&stem) {
                // One marker per kind of file, not per numbered part.
                let kind = stem
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .to_string();
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                    note(read::file_name(&e.path).to_string());
                }
            }
        }
        if let Some(name) = view
            .sources()
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .find(|n| norm_key(n).starts_with("myspotifydata"))
        {
            note(format!("archive name {name}"));
        }
        match found.len() {
            0 => Recognition::no(),
            1 => Recognition::yes(
                0.95,
                format!("found {} (only Spotify exports have it)", found[0]),
            ),
            _ => Recognition::yes(
                1.0,
                format!(
                    "found {} (only Spotify exports have them)",
                    found.join(", ")
                ),
            ),
        }
    }

    fn classify(&self, path: &str) -> FileRole {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".pdf") {
            return FileRole::Skip(README_SKIP);
        }
        if !is_json(path) {
            return FileRole::Unknown;
        }
        let stem = stem_key(path);
        BY_NAME
            .iter()
            .find(|(prefix, _)| stem.starts_with(prefix))
            .map_or(FileRole::Unknown, |(_, tag)| FileRole::Parse(tag))
    }

    fn classify_content(&self, path: &str, head: &[u8]) -> Option<FileRole> {
        if !is_json(path) {
            return None;
        }
        // Any other JSON file is account data too, but without a parser that knows it: the
        // shared indexer makes it searchable and the report says "indexed, not understood".
        BY_KEYS
            .iter()
            .find(|(keys, _)| sniff::has_keys(head, keys))
            .map(|(_, tag)| FileRole::Parse(tag))
    }

    fn account(&self, view: &ArchiveView) -> Option<String> {
        let i = view
            .entries()
            .iter()
            .position(|e| stem_key(&e.path) == "userdata")?;
        let head = view.read_head(i, 64 * 1024).ok()?;
        profile::account_from_userdata(&head)
    }

    fn import_file(
        &self,
        tag: &'static str,
        reader: &mut dyn Read,
        cx: &mut ImportCx<'_>,
    ) -> Result<(), ParseError> {
        match tag {
            parser::STREAMING => streaming::parse(reader, cx),
            parser::PROFILE => profile::parse_profile(reader, cx),
            parser::IDENTIFIERS => profile::parse_identifiers(reader, cx),
            parser::INFERENCES => ads::parse_inferences(reader, cx),
            parser::MARQUEE => ads::parse_marquee(reader, cx),
            parser::SEARCHES => library::parse_searches(reader, cx),
            parser::PAYMENTS => library::parse_payments(reader, cx),
            parser::LIBRARY => library::parse_library(reader, cx),
            parser::PLAYLISTS => library::parse_playlists(reader, cx),
            parser::FOLLOW => library::parse_follow(reader, cx),
            other => Err(ParseError::Other(format!(
                "{}: no Spotify parser named `{other}`",
                cx.file
            ))),
        }
    }
}

/// Run one parser over `input` (unit tests); the parse must succeed.
#[cfg(test)]
pub(crate) fn parse_with(
    input: &str,
    parse: impl FnOnce(&mut dyn Read, &mut ImportCx<'_>) -> Result<(), ParseError>,
) -> ParsedForTest {
    let (out, r) = crate::testing::MemorySink::run_parser("test.json", input, parse);
    r.expect("parse succeeds");
    ParsedForTest {
        records: out.records,
        identities: out.identities,
        warnings: out.warnings,
    }
}

#[cfg(test)]
pub(crate) struct ParsedForTest {
    pub records: Vec<crate::model::Record>,
    pub identities: Vec<crate::model::Identity>,
    pub warnings: Vec<crate::importer::Warning>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_by_name_and_content() {
        for (path, want) in [
            ("MyData/StreamingHistory_music_0.json", parser::STREAMING),
            ("MyData/StreamingHistory0.json", parser::STREAMING),
            (
                "Spotify Extended Streaming History/Streaming_History_Audio_2019-2020_0.json",
                parser::STREAMING,
            ),
            (
                "Spotify Extended Streaming History/Streaming_History_Video_2023-2024.json",
                parser::STREAMING,
            ),
            ("MyData/endsong_3.json", parser::STREAMING),
            ("Spotify Account Data/Userdata.json", parser::PROFILE),
            ("Spotify Account Data/Playlist12.json", parser::PLAYLISTS),
            ("Spotify Account Data/Inferences.json", parser::INFERENCES),
            ("MyData/YourLibrary.json", parser::LIBRARY),
        ] {
            assert_eq!(Spotify.classify(path), FileRole::Parse(want), "{path}");
        }
        assert_eq!(
            Spotify.classify("MyData/ReadMeFirst_AccountData.pdf"),
            FileRole::Skip(README_SKIP)
        );
        assert_eq!(
            Spotify.classify("MyData/Wrapped2023.json"),
            FileRole::Unknown
        );
        for (head, want) in [
            (&br#"[{"endTime":"2024-08-22 17:50","artistName":"A","trackName":"T","msPlayed":1}]"#[..], parser::STREAMING),
            (br#"[{"ts":"2024-01-01T00:00:00Z","platform":"ios","ms_played":1"#, parser::STREAMING),
            (br#"{"inferences":["1P_x"]}"#, parser::INFERENCES),
        ] {
            assert_eq!(Spotify.classify_content("MyData/Historique.json", head), Some(FileRole::Parse(want)));
        }
        // No parser knows Wrapped: left to the shared indexer.
        assert_eq!(Spotify.classify_content("MyData/Wrapped2023.json", br#"{"Wrapped":{}}"#), None);
        assert_eq!(Spotify.classify_content("MyData/notes.txt", b"hello"), None);
        assert!(is_old_streaming_history("streaminghistory12"));
        assert!(!is_old_streaming_history("streaminghistory"));
    }
}
