//! Snapchat "My Data" exports (JSON).
//!
//! `mydata~<ms>.zip` holds `json/*.json` (one object of named lists or small maps per file:
//! `account.json`, `user_profile.json`, `friends.json`, `chat_history.json`,
//! `snap_history.json`, `location_history.json`, ...) when the user ticked "Export JSON
//! files", `html/*.html` with an `index.html` otherwise (or both), and `chat_media/`,
//! `memories/` when media were requested. Every JSON file is walked once
//! ([`crate::formats::json_walk`], one list element in memory at a time); [`sections`] says
//! what each list is, by file and key, for every known spelling.
//!
//! - [`specs`]: the plain lists (logins, devices, friends, engagement, areas, purchases, ...),
//! - [`messages`]: saved chats and snaps, both layouts,
//! - [`location`]: location points, inferred home/work, places, memories,
//! - [`third_parties`]: ads interacted with, web and app interactions, connected apps,
//!   interest categories,
//! - [`profile`]: identities, inferred demographics, the advertising id,
//! - [`recognize`]: markers only Snapchat writes.

pub mod location;
pub mod messages;
pub mod profile;
pub mod recognize;
pub mod sections;
pub mod specs;
pub mod third_parties;

use crate::archive::ArchiveView;
use crate::formats::json_walk;
use crate::formats::{lenient, sniff};
use crate::importer::{Descriptor, FileRole, ImportCx, Importer, ParseError, Recognition};
use crate::importers::rows::emit_row;
use crate::model::{Category, Record};
use sections::Section;
use serde_json::Value;
use std::io::Read;

/// Parser tags: what `classify` returns in `FileRole::Parse` and `import_file` dispatches on.
pub mod parser {
    pub const JSON: &str = "snapchat_json";
}

/// Why the HTML variant is not imported.
pub const HTML_SKIP: &str =
    "Snapchat HTML export; request My Data again with “Export JSON files” on to import it";
const MEDIA_SKIP: &str = "photo or video (chat media, memories, stories)";
const MEDIA_EXT: &[&str] = &[
    "jpg", "jpeg", "png", "webp", "gif", "heic", "mp4", "mov", "m4a", "mp3", "aac", "wav",
];

/// Top-level key sets of Snapchat JSON files, for files under an unexpected name.
const KEY_SETS: &[&[&str]] = &[
    &["Basic Information", "Login History"],
    &["Basic Information", "Device History"],
    &["Received Saved Chat History"],
    &["Received Snap History"],
    &["Friends", "Blocked Users"],
    &["App Profile", "Engagement"],
    &["Ads You Interacted With"],
    &["Frequent Locations", "Location History"],
    &["Saved Media"],
];

/// Largest account.json read for the account (it holds a few lists of logins).
const ACCOUNT_MAX_BYTES: usize = 8 << 20;

/// The Snapchat importer.
pub struct Snapchat;

/// Snapchat, as people see it.
pub static DESCRIPTOR: Descriptor = Descriptor {
    id: "snapchat",
    name: "Snapchat",
    company: "Snap Inc.",
    address: "https://accounts.snapchat.com/accounts/downloadmydata",
    steps: &[
        "Sign in at accounts.snapchat.com and open “My Data” (in the app: Settings → My Data).",
        "Turn on “Export JSON files”, select every category and the date range “All time”, then submit.",
        "Snapchat e-mails you when it is ready (often within a day); download mydata~….zip from the link or from My Data.",
    ],
    format: "mydata~….zip with a json/ folder (tick “Export JSON files”; HTML alone cannot be imported).",
    color: "#f5c400",
};

impl Importer for Snapchat {
    fn descriptor(&self) -> &'static Descriptor {
        &DESCRIPTOR
    }

    fn recognize(&self, view: &ArchiveView) -> Recognition {
        let mut found: Vec<String> = Vec::new();
        for e in view.entries() {
            if let Some(m) = recognize::marker(&e.path) {
                if !found.contains(&m) {
                    found.push(m);
                }
            }
            if found.len() >= 3 {
                break;
            }
        }
        if let Some(name) = view
            .sources()
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .find(|n| recognize::is_snapchat_archive_name(n))
        {
            found.push(format!("archive name {name}"));
        }
        match found.len() {
            0 => Recognition::no(),
            1 => Recognition::yes(
                0.95,
                format!("found {} (only Snapchat exports have it)", found[0]),
            ),
            _ => Recognition::yes(
                1.0,
                format!(
                    "found {} (only Snapchat exports have them)",
                    found.join(", ")
                ),
            ),
        }
    }

    fn classify(&self, path: &str) -> FileRole {
        let lower = path.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        match ext {
            "json"
                if recognize::folder(path) == "json"
                    || recognize::KNOWN_STEMS.contains(&recognize::stem(path).as_str()) =>
            {
                FileRole::Parse(parser::JSON)
            }
            "html" | "htm" => FileRole::Skip(HTML_SKIP),
            e if MEDIA_EXT.contains(&e) => FileRole::Skip(MEDIA_SKIP),
            _ => FileRole::Unknown,
        }
    }

    fn classify_content(&self, path: &str, head: &[u8]) -> Option<FileRole> {
        let json = path.to_ascii_lowercase().ends_with(".json");
        (json && KEY_SETS.iter().any(|set| sniff::has_keys(head, set)))
            .then_some(FileRole::Parse(parser::JSON))
    }

    fn account(&self, view: &ArchiveView) -> Option<String> {
        let i = view.entries().iter().position(|e| {
            recognize::stem(&e.path) == "account" && e.path.to_ascii_lowercase().ends_with(".json")
        })?;
        let head = view.read_head(i, ACCOUNT_MAX_BYTES).ok()?;
        let v: Value = serde_json::from_slice(crate::formats::strip_bom(&head)).ok()?;
        profile::account_of(&v)
    }

    fn import_file(
        &self,
        parser: &'static str,
        reader: &mut dyn Read,
        cx: &mut ImportCx<'_>,
    ) -> Result<(), ParseError> {
        match parser {
            parser::JSON => parse_json(reader, cx),
            other => Err(ParseError::Other(format!(
                "{}: no Snapchat parser named `{other}`",
                cx.file
            ))),
        }
    }
}

/// Parse one file of `json/`: one walk, records per list element.
pub fn parse_json(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(mut reader) = crate::formats::non_empty(reader, cx)? else {
        return Ok(());
    };
    let file = recognize::stem(cx.file);
    let mut position = 0u64;
    json_walk::walk(&mut reader, &sections::policy, &mut |node| {
        let (path, value, element) = node.into_parts();
        let section = sections::section_of(&file, path, element);
        if section == Section::Ignore {
            return Ok(());
        }
        position += 1;
        import_node(cx, position, section, path, &value)
    })
}

/// Turn one node into records.
fn import_node(
    cx: &mut ImportCx<'_>,
    position: u64,
    section: Section,
    path: &[String],
    v: &Value,
) -> Result<(), ParseError> {
    let key = path.first().map(String::as_str).unwrap_or("");
    match section {
        // Account events without an event field (`Password Change [{Date}]`) are named by
        // their section.
        Section::Row(spec) if spec.kind == specs::ACCOUNT_EVENT.kind => {
            let Some(mut r) = crate::importers::rows::row(cx, position, spec, v) else {
                return Ok(());
            };
            if lenient::field(v, spec.main).is_none() {
                r = r.title(key);
            }
            cx.emit(position, r)
        }
        Section::Row(spec) => emit_row(cx, position, spec, v),
        Section::IdentityChange(spec, kind) => {
            if let Some(value) = lenient::field(v, spec.main) {
                cx.identity(kind, &value);
            }
            emit_row(cx, position, spec, v)
        }
        Section::BasicInformation => profile::basic_information(cx, position, v),
        Section::CurrentDevice => emit_row(cx, position, &specs::CURRENT_DEVICE, v),
        Section::AppProfile => profile::map_record(
            cx,
            position,
            "app_profile",
            Category::IdentityContact,
            "Snapchat app profile",
            v,
        ),
        Section::Statistics => profile::map_record(
            cx,
            position,
            "statistics",
            Category::ActivityBrowsing,
            "Snapchat statistics",
            v,
        ),
        Section::Demographics => profile::demographics(cx, position, v),
        Section::AdvertisingId => profile::advertising_id(cx, position, v),
        Section::AdInteraction => third_parties::ad_interaction(cx, position, v),
        Section::Interaction(via) => third_parties::interaction(cx, position, via, v),
        Section::AdInterest => third_parties::ad_interest(cx, position, v),
        Section::ConnectedApp => third_parties::connected_app(cx, position, v),
        Section::Chat => messages::item(cx, position, "message", key, v),
        Section::Snap => messages::item(cx, position, "snap", key, v),
        Section::LocationPoint => location::location_point(cx, position, v),
        Section::HomeWork => location::home_work(cx, position, v),
        Section::InferredVisit => location::visit(cx, position, v, false),
        Section::BusinessVisit => location::visit(cx, position, v, true),
        Section::Memory => location::memory(cx, position, v),
        Section::Generic => generic(cx, position, path, v),
        Section::Ignore => Ok(()),
    }
}

/// Largest element kept whole in a generic record's data.
const GENERIC_MAX_BYTES: usize = 4 << 10;

/// An element of a list no rule knows: a searchable record named by its file and section.
fn generic(
    cx: &mut ImportCx<'_>,
    position: u64,
    path: &[String],
    v: &Value,
) -> Result<(), ParseError> {
    if v.is_null() {
        return Ok(());
    }
    let section = format!("{} > {}", recognize::stem(cx.file), path.join(" > "));
    let raw = v.to_string();
    let ts = ["Date", "Created", "Time", "Acceptance Date", "Start Time"]
        .iter()
        .find_map(|k| lenient::field(v, &[k]))
        .and_then(|d| crate::time::parse(&d));
    let mut r = Record::new("snapchat_item", Category::ActivityBrowsing)
        .at(ts)
        .title(section.clone())
        .with_key(&[&section, &raw]);
    if raw.len() <= GENERIC_MAX_BYTES {
        r = r.data_raw(raw);
    }
    cx.emit(position, r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    fn run(file: &str, json: &str) -> (MemorySink, Result<(), ParseError>) {
        MemorySink::run_parser(file, json, parse_json)
    }

    #[test]
    fn files_end_to_end() {
        let (out, r) = run(
            "mydata/json/account.json",
            r#"{"Basic Information": {"Username": "sam.r", "Name": "Sam R"}, "Device Information": {"Make": "Apple", "Model Name": "iPhone 15"},
                "Device History": [{"Make": "Apple", "Model": "iPhone15,2", "Start Time": "2024-01-02 10:00:00 UTC", "Device Type": "PHONE"}],
                "Login History": [{"IP": "192.0.2.1", "Country": "FR", "Created": "2024-01-02 10:00:00 UTC", "Status": "success", "Device": "iPhone"}]}"#,
        );
        r.unwrap();
        let kinds: Vec<&str> = out.records.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, ["profile", "device", "device", "login"]);
        let (out, r) = run(
            "json/location_history.json",
            r#"{"Location History": [["2024-01-02 10:00:00 UTC", "52.5 ± 10.0 meters, 13.4 ± 10.0 meters"], ["x", "N/A"]],
                "Home, School & Work": {"inferredHome": "Berlin", "schoolName": ""},
                "Businesses and places you may have visited": {"businessList": [["2024-01-02 10:00:00 UTC", "Café Blue"]], "inferredVisitationList": null}}"#,
        );
        r.unwrap();
        let kinds: Vec<&str> = out.records.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, ["location_point", "inferred_place", "place_visit"]);
        assert_eq!(out.warnings.len(), 1);
        assert_eq!(
            (out.records[0].lat, out.records[0].lon),
            (Some(52.5), Some(13.4))
        );
    }

    #[test]
    fn damaged_files() {
        let (out, r) = run("json/friends.json", "");
        r.unwrap();
        assert_eq!(out.warnings.len(), 1);
        let (out, r) = run(
            "json/friends.json",
            r#"{"Friends": [{"Username": "lou", "Creation Timestamp": "2024-01-02 10:00:00 UTC"}, {"Username": "kim""#,
        );
        assert!(matches!(r, Err(ParseError::Json { .. })));
        assert_eq!(out.records.len(), 1);
        let (out, r) = run(
            "json/friends.json",
            r#"{"Friends": null, "Blocked Users": [], "Deleted Friends": [7]}"#,
        );
        r.unwrap();
        assert!(out.records.is_empty());
        assert_eq!(out.warnings.len(), 1);
    }

    #[test]
    fn classification() {
        assert_eq!(
            Snapchat.classify("mydata~1/json/user_profile.json"),
            FileRole::Parse(parser::JSON)
        );
        assert_eq!(
            Snapchat.classify("html/index.html"),
            FileRole::Skip(HTML_SKIP)
        );
        assert_eq!(
            Snapchat.classify("chat_media/2024-01-01_b~x.mp4"),
            FileRole::Skip(MEDIA_SKIP)
        );
        assert_eq!(Snapchat.classify("notes.txt"), FileRole::Unknown);
        assert_eq!(
            Snapchat.classify("friends.json"),
            FileRole::Parse(parser::JSON),
            "json/ contents zipped without the folder"
        );
        assert_eq!(Snapchat.classify("notes/other.json"), FileRole::Unknown);
        assert_eq!(
            Snapchat.classify_content("account (1).json", br#"{"Basic Information": {"Username": "x"}, "Device Information": {}, "Login History": ["#),
            Some(FileRole::Parse(parser::JSON))
        );
        assert_eq!(
            Snapchat.classify_content("x.json", br#"{"Login History": []}"#),
            None
        );
    }
}
