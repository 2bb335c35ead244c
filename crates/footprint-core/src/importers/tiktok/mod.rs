//! TikTok "Download your data" exports (JSON).
//!
//! The whole export is ONE JSON object, `user_data.json` (until 2023) or
//! `user_data_tiktok.json` (2024+), of nested sections: `{"Your Activity": {"Watch History":
//! {"VideoList": [{"Date", "Link"}]}, ...}, "Ads and data": {...}, "Direct Message": {...},
//! "Profile": {...}, "TikTok Shop": {...}}`, tens of MB when the watch history is long. It
//! is read in one streaming pass ([`crate::formats::json_walk`]): every list element is
//! parsed on its own, so memory holds one element, never the file.
//!
//! - [`sections`]: which node is which, for every generation (keys by normal form),
//! - [`rows`]: the plain lists (watch, search, logins, likes, favourites, followers, comments,
//!   posts, live, TikTok Shop, coins) described once each,
//! - [`messages`]: direct messages and shop conversations,
//! - [`third_parties`]: off-TikTok activity, data partners, advertisers, ad interests,
//! - [`profile`]: identities, inferred demographics, settings,
//! - [`recognize`]: markers (file names, section keys, TXT-export names).

pub mod messages;
pub mod profile;
pub mod recognize;
pub mod rows;
pub mod sections;
pub mod third_parties;

use crate::archive::ArchiveView;
use crate::formats::json_walk::{self, Node, Step};
use crate::formats::lenient;
use crate::importer::{Descriptor, FileRole, ImportCx, Importer, ParseError, Recognition};
use crate::importers::rows::emit_row;
use crate::model::{Category, IdentityKind, Record};
use crate::plan::HEAD_BYTES;
use sections::Section;
use serde_json::Value;
use std::io::Read;

/// Parser tags: what `classify` returns in `FileRole::Parse` and `import_file` dispatches on.
pub mod parser {
    pub const USER_DATA: &str = "tiktok_user_data";
}

/// Why the TXT export's files are not imported.
pub const TXT_SKIP: &str = "TikTok TXT export; request your data again in JSON format to import it";

/// The TikTok importer.
pub struct TikTok;

/// TikTok, as people see it.
pub static DESCRIPTOR: Descriptor = Descriptor {
    id: "tiktok",
    name: "TikTok",
    company: "TikTok",
    address: "https://www.tiktok.com/setting/download-your-data",
    steps: &[
        "In the app: Profile → ☰ menu → Settings and privacy → Account → Download your data (on the web: Settings → Privacy → Download your data).",
        "On “Request data”, choose “All data” and the file format JSON (not TXT), then tap “Request data”.",
        "When it is ready (often within a day), open “Download data” and download the file; it is kept for a few days only.",
    ],
    format: "TikTok_Data_….zip with one user_data_tiktok.json (choose JSON, not TXT).",
    color: "#fe2c55",
};

impl Importer for TikTok {
    fn descriptor(&self) -> &'static Descriptor {
        &DESCRIPTOR
    }

    fn recognize(&self, view: &ArchiveView) -> Recognition {
        let mut found: Vec<String> = Vec::new();
        let mut txt = 0usize;
        for (i, e) in view.entries().iter().enumerate() {
            let name = recognize::file_name(&e.path);
            if recognize::is_json_export(&e.path) {
                // `user_data_tiktok.json` names TikTok; `user_data.json` is generic, so only
                // TikTok's section keys at its start make it TikTok's.
                if name == "user_data_tiktok.json" {
                    found.push(name.clone());
                }
                let head = view.read_head(i, HEAD_BYTES).unwrap_or_default();
                if recognize::head_is_tiktok(&head) {
                    found.push(format!("TikTok's sections in {name}"));
                }
            } else if recognize::is_txt_export(&e.path) {
                txt += 1;
                if txt <= 2 {
                    found.push(format!("TXT export file {name}"));
                }
            }
        }
        if let Some(name) = view
            .sources()
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .find(|n| recognize::is_tiktok_archive_name(n))
        {
            found.push(format!("archive name {name}"));
        }
        match found.len() {
            0 => Recognition::no(),
            1 => Recognition::yes(
                0.95,
                format!("found {} (only TikTok exports have it)", found[0]),
            ),
            _ => Recognition::yes(
                1.0,
                format!("found {} (only TikTok exports have them)", found.join(", ")),
            ),
        }
    }

    fn classify(&self, path: &str) -> FileRole {
        if recognize::is_json_export(path) {
            FileRole::Parse(parser::USER_DATA)
        } else if path.to_ascii_lowercase().ends_with(".txt") {
            // Only asked once the archive is TikTok's: every .txt is then the TXT export
            // (`Comments.txt` as much as `Off TikTok Activity.txt`).
            FileRole::Skip(TXT_SKIP)
        } else {
            FileRole::Unknown
        }
    }

    fn classify_content(&self, path: &str, head: &[u8]) -> Option<FileRole> {
        // A renamed export (`user_data (1).json`, a localized name) still has TikTok's sections.
        let json = path.to_ascii_lowercase().ends_with(".json");
        (json && recognize::head_is_tiktok(head)).then_some(FileRole::Parse(parser::USER_DATA))
    }

    fn account(&self, view: &ArchiveView) -> Option<String> {
        // The profile sits after the (large) activity sections, so the file is walked with
        // every list skipped unread: nothing but the profile map is built.
        let i = view
            .entries()
            .iter()
            .position(|e| recognize::is_json_export(&e.path))?;
        let mut reader = view.open_entry(i).ok()?;
        let mut account = None;
        let policy = |path: &[String]| match sections::policy(path) {
            Step::Take => Step::Take,
            _ if path.len() >= 3 => Step::Skip,
            step => step,
        };
        let _ = json_walk::walk(&mut reader, &policy, &mut |node| {
            if let Node::Leaf { path, value } = node {
                if sections::section_of(path, false) == Section::Profile {
                    account = profile::account_of(&value);
                    // Found: stop reading.
                    return Err(ParseError::Cancelled);
                }
            }
            Ok(())
        });
        account
    }

    fn import_file(
        &self,
        parser: &'static str,
        reader: &mut dyn Read,
        cx: &mut ImportCx<'_>,
    ) -> Result<(), ParseError> {
        match parser {
            parser::USER_DATA => parse_user_data(reader, cx),
            other => Err(ParseError::Other(format!(
                "{}: no TikTok parser named `{other}`",
                cx.file
            ))),
        }
    }
}

/// Parse `user_data(_tiktok).json`: one pass, one record (or a few) per list element.
pub fn parse_user_data(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(mut reader) = crate::formats::non_empty(reader, cx)? else {
        return Ok(());
    };
    // One running position over the whole file: lists overlap in index, evidence must not.
    let mut position = 0u64;
    json_walk::walk(&mut reader, &sections::policy, &mut |node| {
        let (path, value, element) = node.into_parts();
        let section = sections::section_of(path, element);
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
    let last = path.last().map(String::as_str).unwrap_or("");
    match section {
        Section::Row(spec) => emit_row(cx, position, spec, v),
        Section::DirectMessage => messages::direct_message(cx, position, last, v),
        Section::ShopMessage => messages::shop_message(cx, position, last, v),
        Section::OffPlatform => third_parties::off_platform_event(cx, position, v),
        Section::Partners(list) => third_parties::partners(cx, position, v, list),
        Section::AdInterests => third_parties::ad_interests(cx, position, v),
        Section::LeadForm => third_parties::lead_form(cx, position, v),
        Section::SavedAddress => {
            if let Some(address) = lenient::field(v, rows::SAVED_ADDRESS.main) {
                cx.identity(IdentityKind::Address, &address);
            }
            emit_row(cx, position, &rows::SAVED_ADDRESS, v)
        }
        Section::Profile => profile::profile_map(cx, position, v),
        Section::Autofill => profile::autofill(cx, position, v),
        Section::Settings => profile::map_record(
            cx,
            position,
            "settings",
            &format!("Settings: {}", section_title(path)),
            v,
        ),
        Section::ActivitySummary => {
            profile::map_record(cx, position, "activity_summary", "Activity summary", v)
        }
        Section::Location => location(cx, position, v),
        Section::WatchLive => watch_live(cx, position, v),
        Section::Orders => each_record(v, &mut |order| emit_row(cx, position, &rows::ORDER, order)),
        Section::Generic => generic(cx, position, path, v),
        Section::Ignore => Ok(()),
    }
}

/// The section a node belongs to, in words (`App Settings > Settings`), for titles.
fn section_title(path: &[String]) -> String {
    let n = path.len().saturating_sub(1);
    path[..n].join(" > ")
}

/// `LocationData {Date, GpsData: "48.1, 11.5", LastRegion}`.
fn location(cx: &mut ImportCx<'_>, position: u64, v: &Value) -> Result<(), ParseError> {
    let Some(mut r) = crate::importers::rows::row(cx, position, &rows::LOCATION, v) else {
        return Ok(());
    };
    if let Some((lat, lon)) = lenient::field(v, &["GpsData"]).as_deref().and_then(lat_lon) {
        r = r.point(lat, lon);
    }
    cx.emit(position, r)
}

/// `"48.1, 11.5"` (or with a space only) as degrees, if both are in range.
fn lat_lon(s: &str) -> Option<(f64, f64)> {
    let mut it = s
        .split([',', ' '])
        .filter(|p| !p.is_empty())
        .map(|p| p.trim().parse::<f64>());
    let (lat, lon) = (it.next()?.ok()?, it.next()?.ok()?);
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
}

/// `WatchLiveMap`: one record per room watched, one per comment or question written in it.
fn watch_live(cx: &mut ImportCx<'_>, position: u64, v: &Value) -> Result<(), ParseError> {
    let Some(rooms) = v.as_object() else {
        return Ok(());
    };
    for room in rooms.values() {
        // TikTok writes a placeholder room "-1" without a link when there is nothing.
        if lenient::field(room, &["Link"]).is_none()
            && lenient::field(room, &["WatchTime"]).is_none()
        {
            continue;
        }
        emit_row(cx, position, &rows::LIVE_WATCHED, room)?;
        for key in ["Comments", "Questions"] {
            for c in lenient::list(lenient::get(room, key)) {
                emit_row(cx, position, &rows::LIVE_COMMENT, c)?;
            }
        }
    }
    Ok(())
}

/// The records of a value that is a list of records or a map of id → record (or of id →
/// list of records): TikTok Shop writes both.
fn each_record(
    v: &Value,
    f: &mut dyn FnMut(&Value) -> Result<(), ParseError>,
) -> Result<(), ParseError> {
    match v {
        Value::Array(items) => items.iter().try_for_each(|x| each_record(x, f)),
        Value::Object(o) if o.values().all(|x| x.is_object() || x.is_array()) && !o.is_empty() => {
            o.values().try_for_each(|x| each_record(x, f))
        }
        Value::Object(o) if !o.is_empty() => f(v),
        _ => Ok(()),
    }
}

/// Largest element kept whole in a generic record's data.
const GENERIC_MAX_BYTES: usize = 4 << 10;

/// An element of a list no rule knows: a searchable record named by its section.
fn generic(
    cx: &mut ImportCx<'_>,
    position: u64,
    path: &[String],
    v: &Value,
) -> Result<(), ParseError> {
    if v.is_null() {
        return Ok(());
    }
    let section = path.join(" > ");
    let raw = v.to_string();
    let ts = ["Date", "date", "TimeStamp", "CreateTime", "Time"]
        .iter()
        .find_map(|k| lenient::field(v, &[k]))
        .and_then(|d| crate::time::parse(&d));
    let mut r = Record::new("tiktok_item", Category::ActivityBrowsing)
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

    fn run(json: &str) -> (MemorySink, Result<(), ParseError>) {
        MemorySink::run_parser("user_data_tiktok.json", json, parse_user_data)
    }

    const OLD: &str = r#"{
      "Activity": {
        "Favorite Sounds": {"FavoriteSoundList": null},
        "Video Browsing History": {"VideoList": [{"Date": "2022-01-02 10:00:00", "VideoLink": "https://www.tiktokv.com/share/video/1/"}]},
        "Login History": {"LoginHistoryList": [{"Date": "2022-01-02 09:00:00", "IP": "192.0.2.7", "DeviceModel": "iPhone12,1", "DeviceSystem": "iOS 15", "NetworkType": "Wi-Fi", "Carrier": "N/A"}]},
        "Follower List": {"FansList": [{"Date": "2021-05-01 10:00:00", "UserName": "lou"}]}
      },
      "Ads and data": {"Ads Based On Data Received From Partners": {"DataPartnerList": "Acxiom, LiveRamp", "AdvertiserList": ["Nike"]}},
      "Direct Messages": {"Chat History": {"ChatHistory": {"Chat History with lou:": [{"Date": "2022-01-03 10:00:00", "From": "lou", "Content": "hey"}]}}},
      "Profile": {"Profile Information": {"ProfileMap": {"userName": "sam.r", "emailAddress": "sam@example.com"}}}
    }"#;

    #[test]
    fn old_generation_end_to_end() {
        let (out, r) = run(OLD);
        r.unwrap();
        let kinds: Vec<&str> = out.records.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                "video_watched",
                "login",
                "connection",
                "data_partner",
                "data_partner",
                "advertiser_audience",
                "message",
                "profile"
            ]
        );
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
        let positions: Vec<u64> = out.records.iter().map(|r| r.position).collect();
        assert!(positions.windows(2).all(|w| w[0] <= w[1]), "{positions:?}");
    }

    #[test]
    fn damaged_input_keeps_what_came_before() {
        let (out, r) = run(&OLD[..OLD.find("Direct Messages").unwrap()]);
        assert!(matches!(r, Err(ParseError::Json { .. })), "{r:?}");
        assert_eq!(
            out.records
                .iter()
                .filter(|r| r.kind == "video_watched")
                .count(),
            1
        );
        let (out, r) = run("");
        r.unwrap();
        assert_eq!(out.warnings.len(), 1);
        let (out, r) = run(
            r#"{"Activity": {"Search History": {"SearchList": [{"Date": "bad", "SearchTerm": "x"}, 7]}}}"#,
        );
        r.unwrap();
        assert_eq!(out.records.len(), 1);
        assert_eq!(out.warnings.len(), 2, "{:?}", out.warnings);
    }

    #[test]
    fn helpers() {
        assert_eq!(lat_lon("48.1, 11.5"), Some((48.1, 11.5)));
        assert_eq!(lat_lon("N/A"), None);
        assert_eq!(lat_lon("91, 0"), None);
        let mut n = 0;
        let v = serde_json::json!({"1": {"order_id": "1"}, "2": [{"order_id": "2"}, {"order_id": "3"}]});
        each_record(&v, &mut |_| {
            n += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(n, 3);
    }
}
