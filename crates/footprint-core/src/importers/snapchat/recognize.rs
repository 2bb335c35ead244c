//! Telling a Snapchat "My Data" export apart, from entry names only.
//!
//! The export is `mydata~<ms>.zip` with a `json/` folder (`account.json`, `user_profile.json`,
//! `snap_history.json`, ...), an `html/` folder of the same base names with `index.html`, or
//! both, plus `chat_media/` and `memories/` when media were requested. `account.json` and
//! `friends.json` are names any platform could use, so the markers are the names only
//! Snapchat writes: `snap_history`, `memories_history`, `snap_map_places_history`, `bitmoji`,
//! `cameos_metadata`, `snap_pro`, `talk_history`, `user_profile` (in `json/` or `html/`), the
//! `chat_media/` folder, and the archive's own name `mydata~<digits>`.

use crate::formats::lenient::norm_key;

/// Base names (without extension) only Snapchat writes, in [`norm_key`] form: markers
/// wherever they are.
const DISTINCTIVE_STEMS: &[&str] = &[
    "snaphistory",
    "memorieshistory",
    "snapmapplaceshistory",
    "bitmoji",
    "bitmojikituser",
    "cameosmetadata",
    "snappro",
    "talkhistory",
];

/// Base names that are markers only inside `json/` or `html/` (elsewhere too generic).
const FOLDER_STEMS: &[&str] = &["userprofile"];

/// Base names of the JSON files Snapchat writes (parsed wherever they are, e.g. when the
/// user zipped the `json/` folder's contents without the folder).
pub const KNOWN_STEMS: &[&str] = &[
    "account",
    "accounthistory",
    "userprofile",
    "friends",
    "chathistory",
    "snaphistory",
    "locationhistory",
    "purchasehistory",
    "subscriptions",
    "connectedapps",
    "ranking",
    "memorieshistory",
    "searchhistory",
    "termshistory",
    "bitmoji",
    "talkhistory",
    "snapmapplaceshistory",
];

/// The last component and its stem (`json/snap_history.json` -> `snap_history.json`,
/// `snaphistory`), lowercase / normal form.
pub fn stem(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    norm_key(name.rsplit_once('.').map(|(s, _)| s).unwrap_or(name))
}

/// The folder the file sits in, lowercase (`json`, `html`, `chat_media`).
pub fn folder(path: &str) -> String {
    let mut parts = path.rsplit('/');
    parts.next();
    parts.next().unwrap_or("").to_ascii_lowercase()
}

/// The marker a path is, if any, in words.
pub fn marker(path: &str) -> Option<String> {
    let lower = path.to_ascii_lowercase();
    let dir = folder(path);
    if dir == "chat_media" {
        return Some("chat_media/".into());
    }
    let in_export_folder = dir == "json" || dir == "html";
    let ext_ok = lower.ends_with(".json") || lower.ends_with(".html");
    let stem = stem(path);
    let is_marker = DISTINCTIVE_STEMS.contains(&stem.as_str())
        || (in_export_folder && FOLDER_STEMS.contains(&stem.as_str()));
    let name = path.rsplit('/').next().unwrap_or(path);
    (ext_ok && is_marker).then(|| {
        if in_export_folder {
            format!("{dir}/{name}")
        } else {
            name.to_string()
        }
    })
}

/// Whether an archive's own file name is Snapchat's (`mydata~1700000000000.zip`).
pub fn is_snapchat_archive_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower
        .strip_prefix("mydata~")
        .is_some_and(|rest| rest.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(
            marker("mydata/json/snap_history.json").as_deref(),
            Some("json/snap_history.json")
        );
        assert_eq!(
            marker("html/memories_history.html").as_deref(),
            Some("html/memories_history.html")
        );
        assert_eq!(
            marker("chat_media/2024-01-01_b~x.jpg").as_deref(),
            Some("chat_media/")
        );
        assert_eq!(marker("json/account.json"), None, "generic name");
        assert_eq!(
            marker("snap_history.json").as_deref(),
            Some("snap_history.json"),
            "distinctive anywhere"
        );
        assert_eq!(
            marker("user_profile.json"),
            None,
            "generic outside json/ and html/"
        );
        assert!(is_snapchat_archive_name("mydata~1709373600000.zip"));
        assert!(!is_snapchat_archive_name("mydata.zip"));
        assert_eq!(stem("json/Location_History.json"), "locationhistory");
    }
}
