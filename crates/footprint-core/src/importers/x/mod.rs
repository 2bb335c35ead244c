//! X (Twitter) archives ("Download an archive of your data").
//!
//! An archive is `Your archive.html` (a viewer), `assets/` (its code) and `data/`: one
//! `data/<type>.js` per data type, each `window.YTD.<type>.partN = [ ... ]`, large types split
//! into `<type>-partN.js`, and `data/manifest.js` (`window.__THAR_CONFIG = {...}`) listing
//! them. Older archives (2019) name some types in the singular (`tweet.js`,
//! `direct-message.js`) and write bare tweet objects. Modules:
//!
//! - [`paths`]: data type -> parser, by file name and by JS global (classify, by content),
//! - [`read`]: unwrap and stream a data file element by element,
//! - [`tweets`]: tweets, deleted tweets, likes,
//! - [`messages`]: direct messages and group conversations,
//! - [`social`]: followers, following, blocks, mutes,
//! - [`account`]: account, profile, phone, e-mail and screen-name changes, age, manifest,
//! - [`devices`]: logins (IP audit) and device tokens,
//! - [`apps`]: connected applications (third parties with access to the account),
//! - [`personalization`]: X's inferences and the advertisers whose audiences include you,
//! - [`ads`]: ad impressions, engagements and conversions (advertisers and what they used),
//! - [`generic`]: every other `data/*.js` type, as compact generic records.

pub mod account;
pub mod ads;
pub mod apps;
pub mod devices;
pub mod generic;
pub mod messages;
pub mod paths;
pub mod personalization;
pub mod read;
pub mod social;
pub mod tweets;

use crate::archive::ArchiveView;
use crate::formats::{js_wrapped, sniff};
use crate::importer::{Descriptor, FileRole, ImportCx, Importer, ParseError, Recognition};
use serde_json::Value;
use std::io::Read;

/// Parser tags: what `classify` returns in `FileRole::Parse` and `import_file` dispatches on.
pub mod parser {
    pub const TWEETS: &str = "x_tweets";
    pub const DELETED_TWEETS: &str = "x_deleted_tweets";
    pub const LIKES: &str = "x_likes";
    pub const DMS: &str = "x_direct_messages";
    pub const GROUP_DMS: &str = "x_group_direct_messages";
    pub const FOLLOWER: &str = "x_follower";
    pub const FOLLOWING: &str = "x_following";
    pub const BLOCK: &str = "x_block";
    pub const MUTE: &str = "x_mute";
    pub const ACCOUNT: &str = "x_account";
    pub const PROFILE: &str = "x_profile";
    pub const PHONE: &str = "x_phone_number";
    pub const EMAIL_CHANGE: &str = "x_email_address_change";
    pub const SCREEN_NAME_CHANGE: &str = "x_screen_name_change";
    pub const AGEINFO: &str = "x_ageinfo";
    pub const MANIFEST: &str = "x_manifest";
    pub const IP_AUDIT: &str = "x_ip_audit";
    pub const DEVICE_TOKEN: &str = "x_device_token";
    pub const CONNECTED_APPS: &str = "x_connected_applications";
    pub const PERSONALIZATION: &str = "x_personalization";
    pub const AD_IMPRESSIONS: &str = "x_ad_impressions";
    pub const AD_ENGAGEMENTS: &str = "x_ad_engagements";
    pub const CONVERSIONS: &str = "x_ad_conversions";
    pub const GENERIC: &str = "x_generic";
}

/// `account.js` is small; more than this is not an account file.
const ACCOUNT_MAX_BYTES: usize = 1 << 20;

/// The X importer.
pub struct X;

/// X, as people see it.
pub static DESCRIPTOR: Descriptor = Descriptor {
    id: "x",
    name: "X (Twitter)",
    company: "X Corp.",
    address: "https://x.com/settings/download_your_data",
    steps: &[
        "On x.com (or in the app): More → Settings and privacy → Your account → Download an archive of your data.",
        "Confirm your password and the code X sends you, then press “Request archive”.",
        "X notifies you when it is ready (often after a day or more); download the .zip from the same page.",
    ],
    format: "One twitter-…zip (large archives come in several parts: add them all); nothing to choose.",
    color: "#14171a",
};

/// Markers only X archives have, in words.
fn markers(view: &ArchiveView) -> Vec<&'static str> {
    let mut found: Vec<&'static str> = Vec::new();
    let mut add = |m: &'static str| {
        if !found.contains(&m) {
            found.push(m);
        }
    };
    for e in view.entries() {
        let p = e.path.to_ascii_lowercase();
        let name = p.rsplit('/').next().unwrap_or(&p);
        let in_data = p == format!("data/{name}") || p.ends_with(&format!("/data/{name}"));
        if in_data && name == "manifest.js" {
            add("data/manifest.js");
        } else if name == "your archive.html" {
            add("Your archive.html");
        } else if in_data {
            match paths::type_of_file_name(name).as_deref() {
                Some("tweets" | "tweet") => add("data/tweets.js"),
                Some("ad_impressions" | "ad_engagements" | "personalization") => {
                    add("X ad data files (ad-impressions.js, personalization.js)")
                }
                Some(
                    "account" | "direct_messages" | "direct_message" | "like" | "follower"
                    | "ip_audit",
                ) => add("X data files (account.js, like.js, direct-messages.js)"),
                _ => {}
            }
        }
    }
    found
}

impl Importer for X {
    fn descriptor(&self) -> &'static Descriptor {
        &DESCRIPTOR
    }

    fn recognize(&self, view: &ArchiveView) -> Recognition {
        let found = markers(view);
        match found.len() {
            0 => Recognition::no(),
            n => Recognition::yes(
                if n >= 2 { 1.0 } else { 0.95 },
                format!("found {} (only X archives have them)", found.join(", ")),
            ),
        }
    }

    fn classify(&self, path: &str) -> FileRole {
        paths::classify(path)
    }

    fn classify_content(&self, path: &str, head: &[u8]) -> Option<FileRole> {
        classify_head(path, head)
    }

    fn account(&self, view: &ArchiveView) -> Option<String> {
        let i = view.find_suffix("data/account.js")?;
        let head = view.read_head(i, ACCOUNT_MAX_BYTES).ok()?;
        account::account_of(&head)
    }

    fn import_file(
        &self,
        parser: &'static str,
        reader: &mut dyn Read,
        cx: &mut ImportCx<'_>,
    ) -> Result<(), ParseError> {
        use parser::*;
        match parser {
            TWEETS => tweets::parse_tweets(reader, cx, false),
            DELETED_TWEETS => tweets::parse_tweets(reader, cx, true),
            LIKES => tweets::parse_likes(reader, cx),
            DMS => messages::parse(reader, cx, false),
            GROUP_DMS => messages::parse(reader, cx, true),
            FOLLOWER => social::parse(reader, cx, social::Link::Follower),
            FOLLOWING => social::parse(reader, cx, social::Link::Following),
            BLOCK => social::parse(reader, cx, social::Link::Blocked),
            MUTE => social::parse(reader, cx, social::Link::Muted),
            ACCOUNT => account::parse_account(reader, cx),
            PROFILE => account::parse_profile(reader, cx),
            PHONE => account::parse_phone(reader, cx),
            EMAIL_CHANGE => account::parse_email_changes(reader, cx),
            SCREEN_NAME_CHANGE => account::parse_screen_name_changes(reader, cx),
            AGEINFO => account::parse_ageinfo(reader, cx),
            MANIFEST => account::parse_manifest(reader, cx),
            IP_AUDIT => devices::parse_ip_audit(reader, cx),
            DEVICE_TOKEN => devices::parse_device_tokens(reader, cx),
            CONNECTED_APPS => apps::parse(reader, cx),
            PERSONALIZATION => personalization::parse(reader, cx),
            AD_IMPRESSIONS => ads::parse_impressions(reader, cx),
            AD_ENGAGEMENTS => ads::parse_engagements(reader, cx),
            CONVERSIONS => ads::parse_conversions(reader, cx),
            GENERIC => generic::parse(reader, cx),
            other => Err(ParseError::Other(format!(
                "{}: no X parser named `{other}`",
                cx.file
            ))),
        }
    }
}

/// Classify a file by its first bytes: its `window.YTD.<type>` global names the type (a
/// renamed or older file name is still parsed); without a known global, the wrapper key of
/// its first element does. Any other `YTD` global is a data type without its own parser:
/// generic records.
pub fn classify_head(_path: &str, head: &[u8]) -> Option<FileRole> {
    let global = js_wrapped::global_name(head);
    if let Some(g) = global {
        if g == "__THAR_CONFIG" {
            return Some(FileRole::Parse(parser::MANIFEST));
        }
        let t = js_wrapped::data_type(g);
        if paths::is_header_type(t) {
            return Some(FileRole::Skip("ids and dates only; the same items are parsed from tweets.js and direct-messages.js"));
        }
        if let Some(p) = paths::parser_of_type(t) {
            return Some(FileRole::Parse(p));
        }
    }
    let keys = sniff::json_keys(head);
    if let Some(p) = paths::parser_of_element_keys(&keys) {
        return Some(FileRole::Parse(p));
    }
    // The oldest tweet.js: bare tweet objects.
    if keys.iter().any(|k| k == "fulltext") && keys.iter().any(|k| k == "idstr") {
        return Some(FileRole::Parse(parser::TWEETS));
    }
    match global {
        Some(g) if g.starts_with("YTD.") => Some(FileRole::Parse(parser::GENERIC)),
        _ => None,
    }
}

// ---------------------------------------------------------------- shared field helpers

/// A field as trimmed text (any of several key spellings; placeholders and empty are None).
pub(crate) fn text(v: &Value, keys: &[&str]) -> Option<String> {
    crate::formats::lenient::field(v, keys)
}

/// A nested field: `at(v, &["advertiserInfo", "screenName"])`.
pub(crate) fn at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter()
        .try_fold(v, |cur, k| crate::formats::lenient::get(cur, k))
}

/// A time field through [`crate::time::parse`]. A value that is there but is no date is a
/// warning naming the element, and the record keeps no time.
pub(crate) fn time_field(
    cx: &mut ImportCx<'_>,
    index: u64,
    v: &Value,
    keys: &[&str],
) -> Option<i64> {
    let raw = text(v, keys)?;
    let t = crate::time::parse(&raw);
    // The epoch is X's "no date" (device tokens): no warning for a sentinel.
    let sentinel = raw == "0" || raw.starts_with("1970-01-01T00:00:00");
    if t.is_none() && !sentinel {
        cx.warn(
            Some(index),
            format!("element {index}: unreadable date {raw:?}"),
        );
    }
    t
}

/// A list of strings (or of objects with one of `keys`), skipping empties; `null` is empty.
pub(crate) fn strings(v: Option<&Value>, keys: &[&str]) -> Vec<String> {
    crate::formats::lenient::list(v)
        .iter()
        .filter_map(|x| match x {
            Value::Object(_) => text(x, keys),
            other => crate::formats::lenient::text(Some(other)),
        })
        .collect()
}

/// Cut long text for `data` (a record keeps the useful part, not a blob).
pub(crate) fn clip(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

pub(crate) use crate::model::ts_key;

#[cfg(test)]
pub(crate) mod test_support {
    use crate::importer::{Importer, ParseError};
    pub use crate::testing::{data_json as data, MemorySink};

    /// Run one parser tag over `input` as the file at `path`.
    pub fn run(
        parser: &'static str,
        path: &str,
        input: &str,
    ) -> (MemorySink, Result<(), ParseError>) {
        MemorySink::run_parser(path, input, |r, cx| super::X.import_file(parser, r, cx))
    }

    /// [`run`], expecting success.
    pub fn ok(parser: &'static str, path: &str, input: &str) -> MemorySink {
        let (out, r) = run(parser, path, input);
        r.unwrap_or_else(|e| panic!("{path}: {e}"));
        out
    }

    /// `window.YTD.<t>.part0 = <json>`.
    pub fn js(t: &str, json: &str) -> String {
        format!("window.YTD.{t}.part0 = {json}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_names_the_parser() {
        use FileRole::*;
        let cases: [(&[u8], Option<FileRole>); 7] = [
            (b"window.YTD.tweets.part3 = [ {\n \"tweet\" : {", Some(Parse(parser::TWEETS))),
            (b"window.YTD.direct_message.part0 = [", Some(Parse(parser::DMS))),
            (b"window.__THAR_CONFIG = {", Some(Parse(parser::MANIFEST))),
            (b"window.YTD.account_creation_ip.part0 = [ {", Some(Parse(parser::GENERIC))),
            (b"window.YTD.tweet_headers.part0 = [", Some(Skip("ids and dates only; the same items are parsed from tweets.js and direct-messages.js"))),
            (b"[ { \"ad\" : { \"adsUserData\" : { \"adImpressions\" : { \"impressions\" : [", Some(Parse(parser::AD_IMPRESSIONS))),
            (b"{\"name\": \"x\"}", None),
        ];
        for (head, want) in cases {
            assert_eq!(
                classify_head("data/x.js", head),
                want,
                "{}",
                String::from_utf8_lossy(head)
            );
        }
        assert_eq!(
            classify_head("old/tweet.js", b"window.YTD.tweetz.part0 = [ { \"retweeted\" : false, \"id_str\" : \"1\", \"full_text\" : \"a\""),
            Some(Parse(parser::TWEETS))
        );
    }

    #[test]
    fn clip_respects_char_boundaries() {
        assert_eq!(clip("héllo", 2), "h…");
        assert_eq!(clip("abc", 5), "abc");
    }
}
