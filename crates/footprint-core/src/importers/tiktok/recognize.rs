//! Telling a TikTok export apart, from entry names and one small head.
//!
//! The JSON export is one file, `user_data.json` (until 2023) or `user_data_tiktok.json`
//! (2024+), alone in the zip or in a folder. `user_data_tiktok.json` says TikTok by itself;
//! `user_data.json` is a generic name, so its first bytes must also show TikTok's section
//! keys. The TXT export is a folder of `.txt` files whose names (`Off TikTok Activity.txt`,
//! `Favorite Sounds.txt`, `Like List.txt`...) no other platform writes; it is recognized so
//! the user is told to download JSON instead. TikTok's zip name (`TikTok_Data_<n>.zip`) is
//! one more marker when present.

use crate::formats::{lenient::norm_key, sniff};

/// File names of the JSON export (compared case-insensitively).
pub const JSON_NAMES: &[&str] = &["user_data_tiktok.json", "user_data.json"];

/// TXT-export file names only TikTok writes (English and Dutch, the languages data-donation
/// projects document). Generic names like `Comments.txt` are left out on purpose.
pub const TXT_NAMES: &[&str] = &[
    "off tiktok activity.txt",
    "browsing history.txt",
    "watch history.txt",
    "like list.txt",
    "favorite sounds.txt",
    "favorite effects.txt",
    "favorite hashtags.txt",
    "favorite videos.txt",
    "watch live history.txt",
    "watch live settings.txt",
    "go live history.txt",
    "go live settings.txt",
    "kijkgeschiedenis.txt",
];

/// Section keys found at the start of a TikTok JSON (any generation), in [`norm_key`] form.
pub const SECTION_KEYS: &[&str] = &[
    "activity",
    "youractivity",
    "adsanddata",
    "appsettings",
    "videobrowsinghistory",
    "watchhistory",
    "favoriteeffects",
    "favoritesounds",
    "favoritehashtags",
    "followerlist",
    "loginhistory",
    "loginhistorylist",
    "offtiktokactivity",
    "tiktoklive",
    "tiktokshop",
    "profileandsettings",
    "likesandfavorites",
    "directmessages",
];

/// Keys that name TikTok outright.
const TIKTOK_KEYS: &[&str] = &[
    "offtiktokactivity",
    "offtiktokactivitydatalist",
    "tiktoklive",
    "tiktokshop",
    "tiktokshopping",
];

/// The last path component, lowercase.
pub fn file_name(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_lowercase()
}

/// Whether a file name is one of TikTok's JSON export names.
pub fn is_json_export(path: &str) -> bool {
    JSON_NAMES.contains(&file_name(path).as_str())
}

/// Whether a file name is one of TikTok's TXT export names.
pub fn is_txt_export(path: &str) -> bool {
    TXT_NAMES.contains(&file_name(path).as_str())
}

/// Whether a JSON head looks like TikTok's export: a key that names TikTok, or two of its
/// section keys.
pub fn head_is_tiktok(head: &[u8]) -> bool {
    let keys = sniff::json_keys(head);
    if keys.iter().any(|k| TIKTOK_KEYS.contains(&k.as_str())) {
        return true;
    }
    keys.iter()
        .filter(|k| SECTION_KEYS.contains(&k.as_str()))
        .count()
        >= 2
}

/// Whether an archive's own file name is TikTok's (`TikTok_Data_1700000000.zip`).
pub fn is_tiktok_archive_name(name: &str) -> bool {
    norm_key(name).starts_with("tiktokdata")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_heads() {
        assert!(is_json_export("TikTok_Data/user_data_tiktok.json"));
        assert!(is_json_export("User_Data.json"));
        assert!(!is_json_export("user_data_tiktok.json.bak"));
        assert!(is_txt_export("Activity/Off TikTok Activity.txt"));
        assert!(!is_txt_export("Comments.txt"));
        assert!(head_is_tiktok(br#"{"Activity": {"Favorite Effects": {"FavoriteEffectsList": null}, "Favorite Hashtags": {"#));
        assert!(head_is_tiktok(
            br#"{"Ads and data": {"Off TikTok Activity": {"#
        ));
        assert!(!head_is_tiktok(br#"{"activity": [1, 2]}"#));
        assert!(!head_is_tiktok(
            br#"{"Login History": [], "Device History": []}"#
        ));
        assert!(is_tiktok_archive_name("TikTok_Data_1709373600.zip"));
        assert!(!is_tiktok_archive_name("mydata~1700000000000.zip"));
    }
}
