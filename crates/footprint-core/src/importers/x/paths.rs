//! Which file of an X archive is what. Every `data/*.js` file is named after its data type
//! (`tweets.js`, `ad-impressions.js`, large sets split as `tweets-part1.js`) and assigns its
//! JSON to `window.YTD.<type>.partN`, where `<type>` is the file name with `_` for `-`. The
//! table below maps a data type to its parser; the same table serves file names (classify)
//! and JS globals (classify by content), so a file under an older or renamed name is still
//! parsed when its global is known. Older archives name some types in the singular
//! (`tweet.js`, `direct-message.js`): both forms are listed.

use super::parser;
use crate::formats::lenient::norm_key;
use crate::importer::FileRole;

/// Data type (underscore form) -> parser tag.
const TYPES: &[(&str, &str)] = &[
    ("tweets", parser::TWEETS),
    ("tweet", parser::TWEETS),
    ("deleted_tweets", parser::DELETED_TWEETS),
    ("deleted_tweet", parser::DELETED_TWEETS),
    ("like", parser::LIKES),
    ("likes", parser::LIKES),
    ("direct_messages", parser::DMS),
    ("direct_message", parser::DMS),
    ("direct_messages_group", parser::GROUP_DMS),
    ("direct_message_group", parser::GROUP_DMS),
    ("follower", parser::FOLLOWER),
    ("following", parser::FOLLOWING),
    ("block", parser::BLOCK),
    ("mute", parser::MUTE),
    ("account", parser::ACCOUNT),
    ("profile", parser::PROFILE),
    ("phone_number", parser::PHONE),
    ("email_address_change", parser::EMAIL_CHANGE),
    ("screen_name_change", parser::SCREEN_NAME_CHANGE),
    ("ageinfo", parser::AGEINFO),
    ("ip_audit", parser::IP_AUDIT),
    ("device_token", parser::DEVICE_TOKEN),
    ("connected_application", parser::CONNECTED_APPS),
    ("personalization", parser::PERSONALIZATION),
    ("ad_impressions", parser::AD_IMPRESSIONS),
    ("ad_engagements", parser::AD_ENGAGEMENTS),
    ("ad_online_conversions_attributed", parser::CONVERSIONS),
    ("ad_online_conversions_unattributed", parser::CONVERSIONS),
    ("ad_mobile_conversions_attributed", parser::CONVERSIONS),
    ("ad_mobile_conversions_unattributed", parser::CONVERSIONS),
];

/// Types that only repeat what another file holds (ids and dates of the tweets in
/// `tweets.js`, of the messages in `direct-messages.js`): known, deliberately not parsed.
const HEADERS: &[&str] = &[
    "tweet_headers",
    "deleted_tweet_headers",
    "direct_message_headers",
    "direct_message_group_headers",
];

/// Element wrapper keys (the one key of each array element) -> parser, for `.js` or
/// `.json` files whose global is missing or unknown. Ad files all wrap in `ad`; their kind
/// is told by the key below `adsUserData`.
const ELEMENT_KEYS: &[(&str, &str)] = &[
    ("tweet", parser::TWEETS),
    ("like", parser::LIKES),
    ("dmconversation", parser::DMS),
    ("follower", parser::FOLLOWER),
    ("following", parser::FOLLOWING),
    ("blocking", parser::BLOCK),
    ("muting", parser::MUTE),
    ("ipaudit", parser::IP_AUDIT),
    ("devicetoken", parser::DEVICE_TOKEN),
    ("connectedapplication", parser::CONNECTED_APPS),
    ("p13ndata", parser::PERSONALIZATION),
    ("agemeta", parser::AGEINFO),
    ("emailaddresschange", parser::EMAIL_CHANGE),
    ("screennamechange", parser::SCREEN_NAME_CHANGE),
    ("adimpressions", parser::AD_IMPRESSIONS),
    ("adengagements", parser::AD_ENGAGEMENTS),
    ("attributedonlineconversions", parser::CONVERSIONS),
    ("unattributedonlineconversions", parser::CONVERSIONS),
    ("attributedmobileappconversions", parser::CONVERSIONS),
    ("unattributedmobileappconversions", parser::CONVERSIONS),
];

/// The data type of a `data/` file name: `tweets-part1.js` -> `tweets`,
/// `ad-impressions.js` -> `ad_impressions`. `None` for anything but `.js`.
pub fn type_of_file_name(name: &str) -> Option<String> {
    let stem = name.to_ascii_lowercase();
    let stem = stem.strip_suffix(".js")?;
    Some(strip_part(stem).replace('-', "_"))
}

/// `tweets-part2` / `tweets_part2` / `tweets.part2` -> `tweets`.
fn strip_part(s: &str) -> &str {
    for sep in ["-part", "_part", ".part"] {
        if let Some(i) = s.rfind(sep) {
            let digits = &s[i + sep.len()..];
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                return &s[..i];
            }
        }
    }
    s
}

/// The parser of a data type (underscore form), if any.
pub fn parser_of_type(data_type: &str) -> Option<&'static str> {
    let t = data_type.to_ascii_lowercase().replace('-', "_");
    let t = strip_part(&t);
    TYPES.iter().find(|(n, _)| *n == t).map(|(_, p)| *p)
}

pub fn is_header_type(data_type: &str) -> bool {
    HEADERS.contains(&data_type)
}

/// The parser for an element wrapper key seen by [`crate::formats::sniff::json_keys`].
pub fn parser_of_element_keys(keys: &[String]) -> Option<&'static str> {
    // Ad files: the distinguishing key sits at depth 3 (`ad.adsUserData.adImpressions`).
    keys.iter().find_map(|k| {
        ELEMENT_KEYS
            .iter()
            .find(|(n, _)| *n == norm_key(k))
            .map(|(_, p)| *p)
    })
}

/// Lowercase path components.
fn components(path: &str) -> Vec<String> {
    path.split('/')
        .filter(|c| !c.is_empty())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether the path is a direct child of a `data` folder (at any depth below a top folder).
fn in_data(comps: &[String]) -> bool {
    comps.len() >= 2 && comps[comps.len() - 2] == "data"
}

/// Whether some folder of the path is `data` (media folders live below it).
fn below_data(comps: &[String]) -> bool {
    comps.len() >= 3 && comps[..comps.len() - 2].iter().any(|c| c == "data")
}

const MEDIA_EXT: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "mp4", "mov", "webp", "m4a", "mp3", "svg", "ico",
];

/// The role of a file by its path.
pub fn classify(path: &str) -> FileRole {
    let comps = components(path);
    let Some(name) = comps.last() else {
        return FileRole::Unknown;
    };
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    // The archive's own viewer: an HTML page and its scripts, styles and images.
    if name == "your archive.html" || name == "your_archive.html" {
        return FileRole::Skip("the archive's viewer page (the data is in data/*.js)");
    }
    if comps[..comps.len() - 1].iter().any(|c| c == "assets") {
        return FileRole::Skip("archive viewer code, styles and images");
    }
    if in_data(&comps) {
        if name == "manifest.js" {
            return FileRole::Parse(parser::MANIFEST);
        }
        if name == "readme.txt" {
            return FileRole::Skip("the archive's description of its files");
        }
        if let Some(t) = type_of_file_name(name) {
            if is_header_type(&t) {
                return FileRole::Skip("ids and dates only; the same items are parsed from tweets.js and direct-messages.js");
            }
            if let Some(p) = parser_of_type(&t) {
                return FileRole::Parse(p);
            }
            // Another data type: decided by content (its global says what it is).
            return FileRole::Unknown;
        }
    }
    if (in_data(&comps) || below_data(&comps)) && MEDIA_EXT.contains(&ext) {
        return FileRole::Skip("media file");
    }
    if below_data(&comps) && comps.iter().any(|c| c.ends_with("_media")) {
        return FileRole::Skip("media file");
    }
    FileRole::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_give_types() {
        for (name, t) in [
            ("tweets.js", "tweets"),
            ("tweets-part1.js", "tweets"),
            ("direct-messages-part12.js", "direct_messages"),
            ("ad-impressions.js", "ad_impressions"),
            ("Tweet.js", "tweet"),
        ] {
            assert_eq!(type_of_file_name(name).as_deref(), Some(t), "{name}");
        }
        assert_eq!(type_of_file_name("README.txt"), None);
        assert_eq!(
            parser_of_type("YTD.tweets.part3".split('.').nth(1).unwrap()),
            Some(parser::TWEETS)
        );
        assert_eq!(
            parser_of_type("direct_messages_group"),
            Some(parser::GROUP_DMS)
        );
    }

    #[test]
    fn classify_by_path() {
        use FileRole::*;
        let cases = [
            (
                "twitter-2024-03-02-abc/data/tweets.js",
                Parse(parser::TWEETS),
            ),
            ("data/tweet.js", Parse(parser::TWEETS)),
            ("data/tweets-part2.js", Parse(parser::TWEETS)),
            ("data/direct-message.js", Parse(parser::DMS)),
            ("data/direct-messages-group.js", Parse(parser::GROUP_DMS)),
            ("data/manifest.js", Parse(parser::MANIFEST)),
            (
                "data/ad-mobile-conversions-unattributed.js",
                Parse(parser::CONVERSIONS),
            ),
            ("data/account-creation-ip.js", Unknown),
            ("data/tweets_media/1-a.jpg", Skip("media file")),
            ("data/direct_messages_media/1-a.mp4", Skip("media file")),
        ];
        for (p, role) in cases {
            assert_eq!(classify(p), role, "{p}");
        }
        assert!(matches!(classify("Your archive.html"), Skip(_)));
        assert!(matches!(classify("twitter-x/assets/js/main.js"), Skip(_)));
        assert!(matches!(classify("data/tweet-headers.js"), Skip(_)));
        assert_eq!(
            classify("Takeout/My Activity/Search/MyActivity.json"),
            Unknown
        );
        assert_eq!(
            classify("tweets.js"),
            Unknown,
            "outside data/: by content only"
        );
    }

    #[test]
    fn element_keys_give_parsers() {
        let k = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            parser_of_element_keys(&k(&["ad", "adsuserdata", "adimpressions"])),
            Some(parser::AD_IMPRESSIONS)
        );
        assert_eq!(
            parser_of_element_keys(&k(&["dmConversation", "conversationId"])),
            Some(parser::DMS)
        );
        assert_eq!(parser_of_element_keys(&k(&["name", "value"])), None);
    }
}
