//! Apple's privacy export (privacy.apple.com, "Obtain a copy of your data"): SEVERAL zips,
//! one per service (`Apple_Media_Services.zip`, `Apple_ID_account_and_device_information.zip`,
//! `iCloud_Contacts.zip`, `Game_Center.zip`, `Wallet_Activity.zip`, `AppleCare.zip`,
//! `Marketing_communications.zip`), some with zips NESTED inside (`Apple_Media_Services.zip`
//! holds `Apple Music Activity.zip`), which the archive reader opens in place
//! (`outer.zip/inner.zip/file.csv`). Given together or in one folder they are ONE export:
//! every piece that holds `Apple ID Account Information.csv` names the account (the Apple
//! ID), and the pieces without it join it (see [`crate::exports`]).
//!
//! - [`files`]: every known CSV file, by name and by header; the plain ones row by row,
//! - [`account`]: the Apple ID, name, phone, birth date,
//! - [`purchases`]: Store transactions, subscriptions, Wallet payments (with their money),
//! - [`media`]: Apple Music's library (JSON) and Game Center (JSON).
//!
//! iCloud contacts and calendars (`.vcf`, `.ics`), photos and documents are listed and
//! skipped: they are the user's own content, not data about them.

pub mod account;
pub mod files;
pub mod media;
pub mod purchases;

use crate::archive::ArchiveView;
use crate::formats::csv_export::{self, CsvFile};
use crate::formats::sniff;
use crate::importer::{Descriptor, FileRole, ImportCx, Importer, ParseError, Recognition};
use std::io::Read;

pub struct Apple;

/// Parser tags of the files with their own parsers (the others are named in [`files`]).
pub mod parser {
    pub const ACCOUNT: &str = "apple_account_information";
    pub const STORE_TRANSACTIONS: &str = "apple_store_transactions";
    pub const SUBSCRIPTIONS: &str = "apple_subscriptions";
    pub const WALLET: &str = "apple_wallet_transactions";
    pub const LIBRARY_TRACKS: &str = "apple_music_library_tracks";
    pub const GAME_CENTER: &str = "apple_game_center";
}

/// Apple, as people see it.
pub static DESCRIPTOR: Descriptor = Descriptor {
    id: "apple",
    name: "Apple",
    company: "Apple",
    address: "https://privacy.apple.com",
    steps: &[
        "Open privacy.apple.com and sign in with your Apple ID.",
        "Choose “Request a copy of your data”, tick the data you want (or select all), and continue.",
        "Pick a maximum file size, then “Complete request”. Apple e-mails you when it is ready (up to a week).",
        "Download EVERY file from privacy.apple.com (Apple_Media_Services.zip, iCloud_*.zip, Apple_ID_account_and_device_information.zip, ...), and give Footprint all of them together, or the folder holding them. Do not unpack the zips inside.",
    ],
    format: "Several zips, some with zips inside, CSV and JSON files: all of them are one export.",
    color: "#a2aaad",
};

/// Folder and zip names that only Apple's export has (a piece without a known CSV, like
/// `Game_Center.zip`, is still Apple's).
const FOLDER_MARKERS: &[&str] = &[
    "applemediaservicesinformation",
    "applemediaservices",
    "appleidaccountanddeviceinformation",
    "applemusicactivity",
    "gamecenter",
    "walletactivity",
    "icloudcontacts",
    "icloudcalendars",
    "icloudcalendarsandreminders",
    "applecare",
    "marketingcommunications",
];

/// The JSON files, by stem in `norm_column` form.
const JSON_FILES: &[(&[&str], &str)] = &[
    (
        &["applemusiclibrarytracks", "librarytracks"],
        parser::LIBRARY_TRACKS,
    ),
    (&["gamecenterdata", "gamecenter"], parser::GAME_CENTER),
];

/// iCloud and media files: listed, never parsed.
const SKIPPED: &[(&str, &str)] = &[
    (
        ".vcf",
        "iCloud contacts (vCard): your own address book, counted, not parsed",
    ),
    (
        ".ics",
        "iCloud calendars: your own events, counted, not parsed",
    ),
    (".jpg", "iCloud media: listed, not parsed"),
    (".jpeg", "iCloud media: listed, not parsed"),
    (".heic", "iCloud media: listed, not parsed"),
    (".png", "iCloud media: listed, not parsed"),
    (".mov", "iCloud media: listed, not parsed"),
    (".pdf", "documents: listed, not parsed"),
];

fn json_stem(path: &str) -> Option<String> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let (stem, ext) = name.rsplit_once('.')?;
    ext.eq_ignore_ascii_case("json")
        .then(|| crate::formats::csv_table::norm_column(stem))
}

fn segment_marker(path: &str) -> Option<&str> {
    path.split('/')
        .find(|seg| FOLDER_MARKERS.contains(&crate::formats::csv_table::norm_column(seg).as_str()))
}

impl Importer for Apple {
    fn descriptor(&self) -> &'static Descriptor {
        &DESCRIPTOR
    }

    fn recognize(&self, view: &ArchiveView) -> Recognition {
        let by_file = csv_export::recognize(view, files::MARKERS, "Apple");
        if by_file.confidence >= 1.0 {
            return by_file;
        }
        let folder = view.entries().iter().find_map(|e| segment_marker(&e.path));
        match (folder, by_file.confidence > 0.0) {
            (Some(f), true) => Recognition::yes(1.0, format!("{}, in {f}", by_file.reason)),
            (Some(f), false) => Recognition::yes(
                0.95,
                format!("found {f} (only Apple's privacy export has it)"),
            ),
            (None, _) => by_file,
        }
    }

    fn classify(&self, path: &str) -> FileRole {
        if let Some(f) = csv_export::by_name(files::FILES, path) {
            return f.role.clone();
        }
        if let Some(stem) = json_stem(path) {
            if let Some((_, tag)) = JSON_FILES
                .iter()
                .find(|(names, _)| names.contains(&stem.as_str()))
            {
                return FileRole::Parse(tag);
            }
        }
        let lower = path.to_ascii_lowercase();
        match SKIPPED.iter().find(|(ext, _)| lower.ends_with(ext)) {
            Some((_, why)) if segment_marker(path).is_some() || lower.contains("icloud") => {
                FileRole::Skip(why)
            }
            _ => FileRole::Unknown,
        }
    }

    fn classify_content(&self, path: &str, head: &[u8]) -> Option<FileRole> {
        if json_stem(path).is_some() {
            let keys = sniff::json_keys(head);
            let has = |k: &str| {
                keys.iter()
                    .any(|x| crate::formats::lenient::norm_key(x) == k)
            };
            if has("games") && has("friends") {
                return Some(FileRole::Parse(parser::GAME_CENTER));
            }
            return None;
        }
        csv_export::classify_content(files::FILES, path, head)
    }

    fn account(&self, view: &ArchiveView) -> Option<String> {
        let i = view.entries().iter().position(|e| {
            csv_export::by_name(files::FILES, &e.path).and_then(CsvFile::tag)
                == Some(parser::ACCOUNT)
        })?;
        let head = view.read_head(i, account::MAX_ACCOUNT_BYTES).ok()?;
        account::account_from_head(&head)
    }

    fn import_file(
        &self,
        tag: &'static str,
        reader: &mut dyn Read,
        cx: &mut ImportCx<'_>,
    ) -> Result<(), ParseError> {
        match tag {
            parser::ACCOUNT => account::parse_account(reader, cx),
            parser::STORE_TRANSACTIONS => purchases::parse_store_transactions(reader, cx),
            parser::SUBSCRIPTIONS => purchases::parse_subscriptions(reader, cx),
            parser::WALLET => purchases::parse_wallet(reader, cx),
            parser::LIBRARY_TRACKS => media::parse_library_tracks(reader, cx),
            parser::GAME_CENTER => media::parse_game_center(reader, cx),
            other => match csv_export::by_tag(files::FILES, other).and_then(|f| f.rows.as_ref()) {
                Some(spec) => csv_export::import_rows(spec, reader, cx),
                None => Err(ParseError::Other(format!(
                    "{}: no Apple parser named `{other}`",
                    cx.file
                ))),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_by_name_nested_path_and_header() {
        for (path, want) in [
            (
                "Apple_ID_account_and_device_information.zip/Apple ID account and device information/Apple ID Account Information.csv",
                parser::ACCOUNT,
            ),
            (
                "Apple_Media_Services.zip/Apple Media Services information/Stores Activity/Other Customer Activity/Store Transaction History.csv",
                parser::STORE_TRANSACTIONS,
            ),
            (
                "Apple_Media_Services.zip/Apple Media Services information/Apple Music Activity.zip/Apple Music Play Activity.csv",
                "apple_music_play_activity",
            ),
            ("Apple Music Activity/Apple Music - Play History Daily Tracks.csv", "apple_music_daily_tracks"),
            ("Apple Music Activity/Apple Music - Library Tracks.json", parser::LIBRARY_TRACKS),
            ("Game_Center.zip/Game Center/Game Center Data.json", parser::GAME_CENTER),
        ] {
            assert_eq!(Apple.classify(path), FileRole::Parse(want), "{path}");
        }
        assert!(matches!(
            Apple.classify("iCloud_Contacts.zip/iCloud Contacts/card.vcf"),
            FileRole::Skip(_)
        ));
        assert_eq!(Apple.classify("photos/cat.jpg"), FileRole::Unknown);
        let head = "\u{feff}Artikelbeschreibung,Item Description,Seller,Invoice Date,Item Price\n";
        assert_eq!(
            Apple.classify_content("Kaufverlauf.csv", head.as_bytes()),
            Some(FileRole::Parse(parser::STORE_TRANSACTIONS))
        );
        assert_eq!(
            Apple.classify_content("Spielzentrum.json", br#"{"games":[],"friends":[]}"#),
            Some(FileRole::Parse(parser::GAME_CENTER))
        );
        assert_eq!(
            Apple.classify_content("x.csv", b"id,permalink,date\n"),
            None
        );
    }

    #[test]
    fn every_file_has_a_parser_and_tags_are_unique() {
        let mut tags = std::collections::BTreeSet::new();
        for f in files::FILES {
            let tag = f.tag().expect("Apple files are parsed");
            assert!(tags.insert(tag), "duplicate {tag}");
        }
        for m in files::MARKERS {
            assert!(
                csv_export::by_name(files::FILES, &format!("{m}.csv")).is_some(),
                "{m}"
            );
        }
    }
}
