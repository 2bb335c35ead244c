//! Meta's HTML exports (Facebook and Instagram): what the download page gives by default.
//!
//! The HTML export mirrors the JSON folder tree with `.html` files of the same base names,
//! and every page is built the same way: a main container (`role="main"`) holding one white
//! box per record, each box a title cell, a content cell (text, media, a table of label/value
//! rows, a list such as a message's reactions) and a footer cell with a localized date. The
//! class names are obfuscated and change between generations, so boxes are found by structure
//! (every child of the main container; `uiBoxWhite` boxes on pages without one) and their
//! parts by position (first cell, last cell) and table rows, never by class.
//!
//! Each topic module turns [`MetaBox`]es into the SAME records as the JSON twin's parser:
//! same kinds, categories, company names and relations, and natural keys, so an export
//! imported as JSON and as HTML (or a "both" download) is counted once. Times are compared at
//! what both formats carry: the pages print seconds, which is what Meta's JSON timestamps are
//! (messages, in milliseconds in JSON, are keyed by the second; see [`super::messages`]).
//!
//! - [`page`]: pages into boxes (streaming, through `formats::html`), dates, warnings,
//! - [`labels`]: the localized labels and page titles the parsers recognize,
//! - [`third_parties`], [`profile`], [`messages`], [`activity`], [`generic`]: by topic,
//! - [`classify`] and [`classify_content`]: which parser reads a page (by name, then by title).

pub mod activity;
pub mod generic;
pub mod labels;
pub mod logins;
pub mod messages;
pub mod page;
pub mod profile;
pub mod third_parties;

use super::parser as json;
use crate::importer::{FileRole, ImportCx, ParseError};
use std::io::Read;

pub use page::MetaBox;

/// Parser tags of the HTML pages (what `classify` returns in `FileRole::Parse`).
pub mod parser {
    pub const PROFILE: &str = "meta_html_profile";
    pub const MESSAGES: &str = "meta_html_messages";
    pub const POSTS: &str = "meta_html_posts";
    pub const COMMENTS: &str = "meta_html_comments";
    pub const LIKES: &str = "meta_html_likes";
    pub const CONNECTIONS: &str = "meta_html_connections";
    pub const AD_INTERESTS: &str = "meta_html_ad_interests";
    pub const ADVERTISERS_USING: &str = "meta_html_advertisers_using_your_info";
    pub const CONTACT_LISTS: &str = "meta_html_contact_list_uploads";
    pub const OFF_META: &str = "meta_html_off_meta_activity";
    pub const CONNECTED_APPS: &str = "meta_html_connected_apps";
    pub const AD_INTERACTIONS: &str = "meta_html_ad_interactions";
    pub const LEAD_FORMS: &str = "meta_html_lead_forms";
    pub const ADS_VIEWED: &str = "meta_html_ads_viewed";
    pub const ADS_CLICKED: &str = "meta_html_ads_clicked";
    pub const GENERIC: &str = "meta_html_generic";
    pub const LOGINS: &str = "meta_html_logins";
    pub const POKES: &str = "meta_html_pokes";
}

/// Why the HTML export's own index pages are not imported.
pub const INDEX_SKIP: &str = "index page of the HTML export";

/// The HTML parser of a page whose JSON twin `json_parser` reads.
pub fn twin(json_parser: &str) -> Option<&'static str> {
    Some(match json_parser {
        json::PROFILE => parser::PROFILE,
        json::MESSAGES => parser::MESSAGES,
        json::POSTS => parser::POSTS,
        json::COMMENTS => parser::COMMENTS,
        json::LIKES => parser::LIKES,
        json::CONNECTIONS => parser::CONNECTIONS,
        json::AD_INTERESTS => parser::AD_INTERESTS,
        json::ADVERTISERS_USING => parser::ADVERTISERS_USING,
        json::CONTACT_LISTS => parser::CONTACT_LISTS,
        json::OFF_META => parser::OFF_META,
        json::CONNECTED_APPS => parser::CONNECTED_APPS,
        json::AD_INTERACTIONS => parser::AD_INTERACTIONS,
        json::LEAD_FORMS => parser::LEAD_FORMS,
        json::ADS_VIEWED => parser::ADS_VIEWED,
        json::ADS_CLICKED => parser::ADS_CLICKED,
        json::GENERIC => parser::GENERIC,
        json::LOGINS => parser::LOGINS,
        json::POKES => parser::POKES,
        _ => return None,
    })
}

/// What to do with an HTML file, given what the JSON rules say about its `.json` twin name
/// (`json_parser`), whether it sits in a 2024+ section folder, and its base name.
pub fn classify(json_parser: Option<&'static str>, in_section: bool, stem: &str) -> FileRole {
    if matches!(stem, "start_here" | "index" | "your_information") {
        return FileRole::Skip(INDEX_SKIP);
    }
    match json_parser.and_then(twin) {
        Some(p) => FileRole::Parse(p),
        None if in_section => FileRole::Parse(parser::GENERIC),
        // Left to `classify_content`: an older name of a known page is known by its title.
        None => FileRole::Unknown,
    }
}

/// An HTML page no name rule knows: its `<title>` names the topic (in the languages of
/// [`labels::TITLES`]); any other Meta page is read generically.
pub fn classify_content(head: &[u8]) -> Option<FileRole> {
    if !crate::formats::html::looks_like_html(head) {
        return None;
    }
    if let Some(topic) = crate::formats::html::page_title(head).and_then(|t| labels::topic_of_title(&t)) {
        return Some(FileRole::Parse(topic));
    }
    // A page of no known topic is read generically only when it is built like Meta's pages
    // (a main container of record boxes); any other HTML in the export stays unknown.
    crate::formats::html::head_has(head, |t| t.attr("role") == Some("main")).then_some(FileRole::Parse(parser::GENERIC))
}

/// Run the HTML parser named by `tag` over one page. `None` when `tag` is not an HTML tag.
pub fn import(tag: &str, reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Option<Result<(), ParseError>> {
    Some(match tag {
        parser::PROFILE => profile::parse(reader, cx),
        parser::MESSAGES => messages::parse(reader, cx),
        parser::POSTS => activity::parse_posts(reader, cx),
        parser::COMMENTS => activity::parse_comments(reader, cx),
        parser::LIKES => activity::parse_likes(reader, cx),
        parser::CONNECTIONS => activity::parse_connections(reader, cx),
        parser::AD_INTERESTS => activity::parse_ad_interests(reader, cx),
        parser::ADVERTISERS_USING => third_parties::parse_advertisers_using(reader, cx),
        parser::CONTACT_LISTS => third_parties::parse_contact_lists(reader, cx),
        parser::OFF_META => third_parties::parse_off_meta(reader, cx),
        parser::CONNECTED_APPS => third_parties::parse_connected_apps(reader, cx),
        parser::AD_INTERACTIONS => third_parties::parse_ad_interactions(reader, cx),
        parser::LEAD_FORMS => third_parties::parse_lead_forms(reader, cx),
        parser::ADS_VIEWED => third_parties::parse_ads_seen(reader, cx, "ad_seen"),
        parser::ADS_CLICKED => third_parties::parse_ads_seen(reader, cx, "ad_clicked"),
        parser::GENERIC => generic::parse(reader, cx),
        parser::LOGINS => logins::parse_logins(reader, cx),
        parser::POKES => logins::parse_pokes(reader, cx),
        _ => return None,
    })
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Run an HTML parser over a page built by the fixture generator's box writer.
    use crate::importer::ParseError;
    pub use crate::testing::MemorySink as Out;

    pub fn run(tag: &'static str, path: &str, html: &str) -> Result<Out, ParseError> {
        let (out, result) = Out::run_parser(path, html, |r, cx| super::import(tag, r, cx).expect("an HTML tag"));
        result.map(|()| out)
    }

    pub fn ok(tag: &'static str, path: &str, html: &str) -> Out {
        run(tag, path, html).unwrap_or_else(|e| panic!("{path}: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_by_twin_section_and_title() {
        assert_eq!(classify(Some(json::ADVERTISERS_USING), false, "x"), FileRole::Parse(parser::ADVERTISERS_USING));
        assert_eq!(classify(None, true, "your_event_responses"), FileRole::Parse(parser::GENERIC));
        assert_eq!(classify(None, false, "pokes"), FileRole::Unknown);
        assert_eq!(classify(None, false, "start_here"), FileRole::Skip(INDEX_SKIP));
        let head = b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Werbetreibende, die deine Aktivit\xc3\xa4ten oder Informationen verwenden</title>";
        assert_eq!(classify_content(head), Some(FileRole::Parse(parser::ADVERTISERS_USING)));
        let other = b"<html><head><title>Pokes</title></head><body><div class=\"_a706\" role=\"main\"><div>";
        assert_eq!(classify_content(other), Some(FileRole::Parse(parser::GENERIC)));
        // HTML that is not built like Meta's pages is not Meta's to read.
        assert_eq!(classify_content(b"<!DOCTYPE html><html><body><h1>Shelves</h1></body></html>"), None);
        assert_eq!(classify_content(b"{\"a\": 1}"), None);
    }
}
