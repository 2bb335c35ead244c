//! Meta (Facebook + Instagram): one parser core for both platforms.
//!
//! Both platforms come out of the same "Download Your Information" tool, so they share file
//! names, JSON shapes and quirks: mojibake in every string (UTF-8 bytes escaped as Latin-1
//! code points, keys and labels included), Unix-second timestamps (milliseconds in messages),
//! `_v2` keys before 2024 and the generic `label_values` records since. The two importers
//! ([`facebook::Facebook`], [`instagram::Instagram`]) differ only in how they recognize an
//! archive and find the account; everything else lives here:
//!
//! - [`paths`]: which file is which (classification by name, data category by folder),
//! - [`content`]: which file is which by its key set, for older and renamed files,
//! - [`recognize`]: Facebook-only and Instagram-only markers, so the two never tie,
//! - [`profile`]: the user's identities and the account,
//! - [`messages`], [`activity`] (posts, comments, likes), [`connections`], [`ad_interests`],
//! - [`third_parties`]: advertisers, contact-list uploads, off-Meta activity, connected apps,
//!   ad interactions, lead forms, ads seen and clicked (the heart of "who holds my data"),
//! - [`label_values`] and [`generic`]: the 2024+ generic record walker, so files nobody has
//!   written a parser for still become searchable records.
//! - [`html`]: the HTML export (the download page's default), page by page into the same
//!   records and keys as the JSON twins.

pub mod activity;
pub mod ad_interests;
pub mod connections;
pub mod content;
pub mod facebook;
pub mod generic;
pub mod html;
pub mod instagram;
pub mod label_values;
pub mod logins;
pub mod messages;
pub mod paths;
pub mod pokes;
pub mod profile;
pub mod recognize;
pub mod third_parties;

use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record};
use serde::{Deserialize, Deserializer};
use std::io::Read;

/// Which of the two Meta platforms an archive (or a rule) belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    Facebook,
    Instagram,
}

/// Parser tags: the names `classify` returns in `FileRole::Parse` and `import_file` dispatches on.
pub mod parser {
    pub const PROFILE: &str = "meta_profile";
    pub const MESSAGES: &str = "meta_messages";
    pub const POSTS: &str = "meta_posts";
    pub const COMMENTS: &str = "meta_comments";
    pub const LIKES: &str = "meta_likes";
    pub const CONNECTIONS: &str = "meta_connections";
    pub const AD_INTERESTS: &str = "meta_ad_interests";
    pub const ADVERTISERS_USING: &str = "meta_advertisers_using_your_info";
    pub const CONTACT_LISTS: &str = "meta_contact_list_uploads";
    pub const OFF_META: &str = "meta_off_meta_activity";
    pub const CONNECTED_APPS: &str = "meta_connected_apps";
    pub const AD_INTERACTIONS: &str = "meta_ad_interactions";
    pub const LEAD_FORMS: &str = "meta_lead_forms";
    pub const ADS_VIEWED: &str = "meta_ads_viewed";
    pub const ADS_CLICKED: &str = "meta_ads_clicked";
    /// Instagram 2019 `seen_content.json`: ads seen and clicked, posts and videos seen.
    pub const SEEN_CONTENT: &str = "meta_seen_content";
    /// Instagram 2019 `messages.json`: every conversation in one array.
    pub const IG_CONVERSATIONS: &str = "meta_ig_conversations";
    pub const GENERIC: &str = "meta_generic";
    pub const LOGINS: &str = "meta_logins";
    pub const POKES: &str = "meta_pokes";
}

/// Run the parser named by `tag` over one file. Shared by both importers.
pub fn import(
    tag: &'static str,
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    match tag {
        parser::PROFILE => profile::parse(reader, cx),
        parser::MESSAGES => messages::parse(reader, cx),
        parser::POSTS => activity::parse_posts(reader, cx),
        parser::COMMENTS => activity::parse_comments(reader, cx),
        parser::LIKES => activity::parse_likes(reader, cx),
        parser::CONNECTIONS => connections::parse(reader, cx),
        parser::AD_INTERESTS => ad_interests::parse(reader, cx),
        parser::ADVERTISERS_USING => third_parties::parse_advertisers_using(reader, cx),
        parser::CONTACT_LISTS => third_parties::parse_contact_lists(reader, cx),
        parser::OFF_META => third_parties::parse_off_meta(reader, cx),
        parser::CONNECTED_APPS => third_parties::parse_connected_apps(reader, cx),
        parser::AD_INTERACTIONS => third_parties::parse_ad_interactions(reader, cx),
        parser::LEAD_FORMS => third_parties::parse_lead_forms(reader, cx),
        parser::ADS_VIEWED => third_parties::parse_ads_seen(reader, cx, "ad_seen"),
        parser::ADS_CLICKED => third_parties::parse_ads_seen(reader, cx, "ad_clicked"),
        parser::SEEN_CONTENT => third_parties::parse_seen_content(reader, cx),
        parser::IG_CONVERSATIONS => messages::parse_conversations(reader, cx),
        parser::GENERIC => generic::parse(reader, cx),
        parser::LOGINS => logins::parse(reader, cx),
        parser::POKES => pokes::parse(reader, cx),
        other => match html::import(other, reader, cx) {
            Some(result) => result,
            None => Err(ParseError::Other(format!(
            "{}: no Meta parser named `{other}`",
            cx.file
        ))),
        },
    }
}

/// Repair Meta's mojibake and trim; every string the importers keep goes through here.
pub(crate) fn fx(s: &str) -> String {
    crate::text::fix_mojibake(s.trim()).into_owned()
}

/// [`fx`] for optional strings; empty strings become `None`.
pub(crate) fn fx_opt(s: Option<&str>) -> Option<String> {
    s.map(fx).filter(|s| !s.is_empty())
}

/// A Unix time in seconds as Meta writes it: usually an integer, sometimes a float or a
/// numeric string in older files, and ISO-8601 text in Instagram's 2019 files
/// (`2019-01-01T10:00:00+00:00`). Anything else is "no time" rather than a failed element.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Secs(pub Option<i64>);

impl Secs {
    /// UTC epoch milliseconds.
    pub fn ms(self) -> Option<i64> {
        self.0.and_then(crate::time::secs_ms)
    }
}

impl<'de> Deserialize<'de> for Secs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        let text_time = || v.as_str().and_then(crate::time::parse).map(|ms| ms.div_euclid(1000));
        Ok(Secs(number_of(&v).or_else(text_time)))
    }
}

/// An integer from a JSON number (integer or float) or a numeric string.
pub(crate) fn number_of(v: &serde_json::Value) -> Option<i64> {
    match v {
        serde_json::Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        serde_json::Value::String(s) => s.trim().parse::<f64>().ok().map(|f| f as i64),
        _ => None,
    }
}

/// Parse one streamed element into `T`, or warn (with the element index) and return `None`.
pub(crate) fn element<T: serde::de::DeserializeOwned>(
    cx: &mut ImportCx<'_>,
    index: u64,
    raw: &[u8],
    what: &str,
) -> Option<T> {
    match serde_json::from_slice::<T>(raw) {
        Ok(v) => Some(v),
        Err(e) => {
            cx.warn(Some(index), format!("{what} {index}: {e}"));
            None
        }
    }
}

/// The last path component without its extension (`message_1` for `.../message_1.json`).
pub(crate) fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map(|(s, _)| s).unwrap_or(name)
}

/// Emit an element in the 2024+ `label_values` form found inside a known file as a record of
/// the given kind (the walker's title, time and pairs), so a schema change degrades to
/// generic records instead of lost data. Returns false when the element has no such form.
pub(crate) fn emit_label_values_element(
    cx: &mut ImportCx<'_>,
    index: u64,
    value: &serde_json::Value,
    kind: &'static str,
    category: Category,
) -> Result<bool, ParseError> {
    if !value.get("label_values").is_some_and(serde_json::Value::is_array) {
        return Ok(false);
    }
    let summary = label_values::summarize(value);
    if summary.pairs.is_empty() {
        return Ok(false);
    }
    let record: Record = summary.into_record(kind, category, file_stem(cx.file));
    cx.emit(index, record)?;
    Ok(true)
}

#[cfg(test)]
pub(crate) mod test_support {
    //! The shared in-memory sink, under the names the parser tests use.
    use crate::importer::ParseError;
    pub use crate::testing::{data_json as data, MemorySink as Out};

    /// Run the parser `tag` over `json` as if it were the file at `path`.
    pub fn run(tag: &'static str, path: &str, json: &str) -> Result<Out, ParseError> {
        let (out, result) = Out::run_parser(path, json, |r, cx| super::import(tag, r, cx));
        result.map(|()| out)
    }

    /// Like [`run`] but panics on a whole-file error (most tests).
    pub fn ok(tag: &'static str, path: &str, json: &str) -> Out {
        run(tag, path, json).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Meta's mojibake, for inputs: UTF-8 bytes as Latin-1 code points.
    pub fn moji(s: &str) -> String {
        s.bytes().map(|b| b as char).collect()
    }
}
