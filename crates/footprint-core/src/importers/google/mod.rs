//! Google Takeout.
//!
//! A Takeout archive is one folder per product under `Takeout/`, with names in the account's
//! language. This importer reads the files that say the most about the user:
//!
//! - [`paths`]: the table of known path variants and localized names (classify, recognize),
//! - [`my_activity`]: My Activity JSON of every product (searches, visits, videos watched),
//!   with [`ads`] finding the advertiser behind an ad interaction, and
//!   [`my_activity_html`] its HTML twin (Takeout's default format) giving the same records,
//! - [`location_records`]: raw location points (`Records.json`, the largest file by far),
//! - [`semantic`]: Semantic Location History (place visits and journeys per month),
//! - [`chrome`]: Chrome's browsing history,
//! - [`play_store`]: apps installed from Google Play (third parties on the user's devices),
//! - [`purchases`]: Google Pay transactions and remittances, Purchases & Reservations orders,
//!   Google Store and Shopping orders, Play Store purchases, orders and subscriptions (amounts
//!   as [`crate::money::Money`]; merchants as companies),
//! - [`profile`]: the user's name and email (the account an export belongs to),
//! - [`youtube`]: YouTube's own folder (a YouTube-only Takeout is common): subscriptions,
//!   playlists, comments, live chats, uploads, the user's channel; its watch and search
//!   history go through [`my_activity`] (JSON) and [`my_activity_html`] (HTML).
//!
//! Every parser streams its file element by element ([`crate::json_stream`]) and parses each
//! element into small borrowed structs: `Records.json` can exceed a gigabyte.

pub mod ads;
pub mod chrome;
pub mod location_records;
pub mod my_activity;
pub mod my_activity_html;
pub mod paths;
pub mod play_store;
pub mod profile;
pub mod purchases;
pub mod semantic;
pub mod youtube;

use crate::archive::ArchiveView;
use crate::importer::{Descriptor, FileRole, ImportCx, Importer, ParseError, Recognition};
use serde::{Deserialize, Deserializer, Serialize};
use std::borrow::Cow;
use std::io::Read;

/// Parser tags: what `classify` returns in `FileRole::Parse` and `import_file` dispatches on.
pub mod parser {
    pub const MY_ACTIVITY: &str = "google_my_activity";
    /// My Activity of the Ads product: every element is an ad interaction.
    pub const MY_ACTIVITY_ADS: &str = "google_my_activity_ads";
    /// My Activity as HTML cards (`MyActivity.html`): the same records as the JSON.
    pub const MY_ACTIVITY_HTML: &str = "google_my_activity_html";
    pub const MY_ACTIVITY_ADS_HTML: &str = "google_my_activity_ads_html";
    pub const LOCATION_RECORDS: &str = "google_location_records";
    pub const SEMANTIC: &str = "google_semantic_location";
    pub const CHROME: &str = "google_chrome_history";
    pub const PLAY_INSTALLS: &str = "google_play_installs";
    pub const PROFILE: &str = "google_profile";
    /// Google Pay's `transactions_*.csv`: the description names the merchant.
    pub const PAY_TRANSACTIONS: &str = "google_pay_transactions";
    /// Google Pay's money sent to and requested from people.
    pub const PAY_REMITTANCES: &str = "google_pay_remittances";
    /// Google Store's `Orders.csv` (Google sells: no third party).
    pub const STORE_ORDERS: &str = "google_store_orders";
    /// Google Shopping's order tables (a merchant column, when there is one).
    pub const SHOPPING_ORDERS: &str = "google_shopping_orders";
    /// `Purchases & Reservations` order JSON (one order per file).
    pub const ORDERS: &str = "google_orders";
    /// Play Store purchase history, order history and subscriptions.
    pub const PLAY_PURCHASES: &str = "google_play_purchases";
    /// YouTube's watch and search history (`history/watch-history.json`): My Activity JSON.
    pub const YT_HISTORY: &str = "google_youtube_history";
    /// YouTube's watch and search history as HTML (`watch-history.html`): My Activity cards.
    pub const YT_HISTORY_HTML: &str = "google_youtube_history_html";
    pub const YT_SUBSCRIPTIONS: &str = "google_youtube_subscriptions";
    pub const YT_PLAYLISTS: &str = "google_youtube_playlists";
    pub const YT_PLAYLIST_ITEMS: &str = "google_youtube_playlist_items";
    pub const YT_COMMENTS: &str = "google_youtube_comments";
    pub const YT_LIVE_CHATS: &str = "google_youtube_live_chats";
    pub const YT_CHANNEL: &str = "google_youtube_channel";
    pub const YT_CHANNEL_URLS: &str = "google_youtube_channel_urls";
    pub const YT_VIDEOS: &str = "google_youtube_videos";
    pub const YT_MUSIC_LIBRARY: &str = "google_youtube_music_library";
}

/// The profile file is small; anything larger than this is not a profile.
const PROFILE_MAX_BYTES: usize = 4 << 20;
/// How much of a channel table is read for the account, and how many YouTube CSVs under
/// unlisted names are sniffed for it at most.
const CHANNEL_HEAD_BYTES: usize = 8 << 10;
const CHANNEL_SNIFF_FILES: usize = 40;

/// The Google Takeout importer.
pub struct Google;

/// Google Takeout, as people see it.
pub static DESCRIPTOR: Descriptor = Descriptor {
    id: "google",
    name: "Google Takeout",
    company: "Google",
    address: "https://takeout.google.com",
    steps: &[
        "Sign in, keep the products you want selected (My Activity, Location History, Chrome, Ads, YouTube…). For YouTube alone: “Deselect all”, then tick “YouTube and YouTube Music”.",
        "My Activity and YouTube history can stay in HTML (Takeout’s default) or be switched to JSON: Footprint reads both.",
        "Choose “Export once”, file type .zip, any size (several parts are fine).",
        "Google emails you when the files are ready; download every part.",
    ],
    format: "One or more takeout-…zip files (add all parts together); HTML or JSON.",
    color: "#3b7ddd",
};

impl Importer for Google {
    fn descriptor(&self) -> &'static Descriptor {
        &DESCRIPTOR
    }

    fn recognize(&self, view: &ArchiveView) -> Recognition {
        let mut markers = paths::Markers::default();
        for e in view.entries() {
            markers.see(&e.path);
            if markers.complete() {
                break;
            }
        }
        match markers.judge() {
            (c, _) if c <= 0.0 => Recognition::no(),
            (c, reason) => Recognition::yes(c, reason),
        }
    }

    fn classify(&self, path: &str) -> FileRole {
        paths::classify(path)
    }

    fn classify_content(&self, path: &str, head: &[u8]) -> Option<FileRole> {
        if my_activity::looks_like(head) {
            return Some(FileRole::Parse(parser::MY_ACTIVITY));
        }
        if my_activity_html::looks_like(head) {
            return Some(FileRole::Parse(parser::MY_ACTIVITY_HTML));
        }
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            let header = crate::formats::sniff::csv_header(head);
            if purchases::is_purchase_header(&header) {
                return Some(FileRole::Parse(parser::PAY_TRANSACTIONS));
            }
            return youtube::columns::kind_of_header(&header).map(FileRole::Parse);
        }
        if lower.ends_with(".json") {
            let keys = crate::formats::sniff::json_keys(head);
            let has = |k: &str| keys.contains(&crate::formats::lenient::norm_key(k));
            if purchases::play_wrapper_keys().any(has) {
                return Some(FileRole::Parse(parser::PLAY_PURCHASES));
            }
            if has("transactionMerchant") {
                return Some(FileRole::Parse(parser::ORDERS));
            }
            if let Some(tag) = parser_of_keys(&has) {
                return Some(FileRole::Parse(tag));
            }
            // A settings or other file of a product folder whose data files have other keys.
            return paths::other_file_of_product(path);
        }
        None
    }

    fn account(&self, view: &ArchiveView) -> Option<String> {
        let entries = view.entries();
        if let Some(index) = entries.iter().position(|e| paths::is_profile(&e.path)) {
            let head = view.read_head(index, PROFILE_MAX_BYTES).ok()?;
            return profile::account_of(&head);
        }
        // A profile under a name no table lists: a small JSON whose keys are the profile's.
        let profile_by_content = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.size > 0
                    && e.size <= PROFILE_MAX_BYTES as u64
                    && e.path.to_ascii_lowercase().ends_with(".json")
                    && self.classify(&e.path) == FileRole::Unknown
            })
            .take(CHANNEL_SNIFF_FILES)
            .find_map(|(i, _)| {
                let head = view.read_head(i, CHANNEL_HEAD_BYTES).ok()?;
                let keys = crate::formats::sniff::json_keys(&head);
                let has = |k: &str| keys.contains(&crate::formats::lenient::norm_key(k));
                (parser_of_keys(&has) == Some(parser::PROFILE)).then_some(i)
            });
        if let Some(index) = profile_by_content {
            let head = view.read_head(index, PROFILE_MAX_BYTES).ok()?;
            return profile::account_of(&head);
        }
        // A YouTube-only Takeout has no profile: its channel ID is the account. The channel
        // table is found by name, else among the first CSVs by its header.
        let by_name = entries
            .iter()
            .position(|e| self.classify(&e.path) == FileRole::Parse(parser::YT_CHANNEL));
        let candidates: Vec<usize> = match by_name {
            Some(i) => vec![i],
            None => entries
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.size > 0
                        && self.classify(&e.path) == FileRole::Unknown
                        && e.path.to_ascii_lowercase().ends_with(".csv")
                })
                .map(|(i, _)| i)
                .take(CHANNEL_SNIFF_FILES)
                .collect(),
        };
        candidates.into_iter().find_map(|i| {
            let head = view.read_head(i, CHANNEL_HEAD_BYTES).ok()?;
            let is_channel = by_name.is_some()
                || youtube::columns::kind_of_header(&crate::formats::sniff::csv_header(&head))
                    == Some(parser::YT_CHANNEL);
            is_channel
                .then(|| youtube::channel::account_of(&head))
                .flatten()
        })
    }

    fn import_file(
        &self,
        parser: &'static str,
        reader: &mut dyn Read,
        cx: &mut ImportCx<'_>,
    ) -> Result<(), ParseError> {
        match parser {
            parser::MY_ACTIVITY => my_activity::parse(reader, cx, false),
            parser::MY_ACTIVITY_ADS => my_activity::parse(reader, cx, true),
            parser::MY_ACTIVITY_HTML => my_activity_html::parse(reader, cx, false),
            parser::MY_ACTIVITY_ADS_HTML => my_activity_html::parse(reader, cx, true),
            parser::LOCATION_RECORDS => location_records::parse(reader, cx),
            parser::SEMANTIC => semantic::parse(reader, cx),
            parser::CHROME => chrome::parse(reader, cx),
            parser::PLAY_INSTALLS => play_store::parse(reader, cx),
            parser::PROFILE => profile::parse(reader, cx),
            parser::PAY_TRANSACTIONS => {
                purchases::parse_table(reader, cx, "payment", purchases::Payee::DescriptionIsMerchant)
            }
            parser::PAY_REMITTANCES => {
                purchases::parse_table(reader, cx, "money_transfer", purchases::Payee::NoCompany)
            }
            parser::STORE_ORDERS => {
                purchases::parse_table(reader, cx, "order", purchases::Payee::NoCompany)
            }
            parser::SHOPPING_ORDERS => {
                purchases::parse_table(reader, cx, "order", purchases::Payee::MerchantColumn)
            }
            parser::ORDERS => purchases::parse_order(reader, cx),
            parser::PLAY_PURCHASES => purchases::parse_play(reader, cx),
            parser::YT_HISTORY => my_activity::parse(reader, cx, false),
            parser::YT_HISTORY_HTML => my_activity_html::parse(reader, cx, false),
            parser::YT_SUBSCRIPTIONS => youtube::library::parse_subscriptions(reader, cx),
            parser::YT_PLAYLISTS => youtube::library::parse_playlists(reader, cx),
            parser::YT_PLAYLIST_ITEMS => youtube::library::parse_playlist_items(reader, cx),
            parser::YT_VIDEOS => youtube::library::parse_videos(reader, cx),
            parser::YT_MUSIC_LIBRARY => youtube::library::parse_music_library(reader, cx),
            parser::YT_COMMENTS => youtube::comments::parse_comments(reader, cx),
            parser::YT_LIVE_CHATS => youtube::comments::parse_live_chats(reader, cx),
            parser::YT_CHANNEL => youtube::channel::parse_channel(reader, cx),
            parser::YT_CHANNEL_URLS => youtube::channel::parse_channel_urls(reader, cx),
            other => Err(ParseError::Other(format!(
                "{}: no Google parser named `{other}`",
                cx.file
            ))),
        }
    }
}

/// The parser of a JSON file under a name no table knows (a language the tables lack), from
/// the keys of its head: the key sets the parsers read, which outlived every rename.
fn parser_of_keys(has: &dyn Fn(&str) -> bool) -> Option<&'static str> {
    if has("locations") && (has("latitudeE7") || has("timestampMs")) {
        return Some(parser::LOCATION_RECORDS);
    }
    if has("timelineObjects") {
        return Some(parser::SEMANTIC);
    }
    if has("Browser History") {
        return Some(parser::CHROME);
    }
    if has("install") && has("doc") {
        return Some(parser::PLAY_INSTALLS);
    }
    if has("displayName") && has("emails") {
        return Some(parser::PROFILE);
    }
    None
}

/// A JSON string borrowed from the element's bytes when it has no escapes (the common case),
/// owned otherwise. `Option<Cow<str>>` alone would always allocate: serde borrows only a bare
/// `Cow` field, so the `Cow` sits in this newtype.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub(crate) struct Str<'a>(#[serde(borrow)] pub Cow<'a, str>);

impl std::ops::Deref for Str<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// An integer written as a JSON number or as a numeric string (`"timestampMs": "1546..."`,
/// sometimes a bare number). Anything else deserializes to `None` instead of failing the
/// element, so one odd field never loses a record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Int(pub Option<i64>);

impl<'de> Deserialize<'de> for Int {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Int;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an integer or a numeric string")
            }
            fn visit_i64<E>(self, v: i64) -> Result<Int, E> {
                Ok(Int(Some(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Int, E> {
                Ok(Int(i64::try_from(v).ok()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Int, E> {
                Ok(Int(v.is_finite().then_some(v as i64)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Int, E> {
                Ok(Int(v.trim().parse::<i64>().ok()))
            }
            fn visit_unit<E>(self) -> Result<Int, E> {
                Ok(Int(None))
            }
            fn visit_none<E>(self) -> Result<Int, E> {
                Ok(Int(None))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Int, D::Error> {
                d.deserialize_any(V)
            }
        }
        d.deserialize_any(V)
    }
}

/// Parse one streamed element, or warn with its index and return `None`.
pub(crate) fn element<'a, T: Deserialize<'a>>(
    cx: &mut ImportCx<'_>,
    index: u64,
    raw: &'a [u8],
    what: &str,
) -> Option<T> {
    match serde_json::from_slice::<T>(raw) {
        Ok(v) => Some(v),
        Err(e) => {
            cx.warn(Some(index), format!("{what} {index} skipped: {e}"));
            None
        }
    }
}

/// Degrees from Google's E7 integers. Some old exports wrote values past the int32 range as
/// if they had wrapped around (a known Location History bug); those are unwrapped first.
pub(crate) fn e7(value: i64, limit_deg: i64) -> f64 {
    let v = if value > limit_deg * 10_000_000 {
        value - (1i64 << 32)
    } else {
        value
    };
    v as f64 / 1e7
}

/// Millisecond time from an ISO string or a millisecond integer (both forms Google used).
pub(crate) fn iso_or_ms(iso: Option<&str>, ms: Int) -> Option<i64> {
    iso.and_then(crate::time::iso_ms)
        .or(ms.0.and_then(crate::time::ms_units))
}

#[cfg(test)]
pub(crate) mod test_support {
    //! The shared in-memory sink, under the names the parser tests use.
    use crate::importer::{ImportCx, ParseError};
    pub use crate::testing::{data_json as data, MemorySink as Out};
    use std::io::Read;

    /// Run `parse` over `input` as the file `file`.
    pub fn run(
        file: &str,
        input: &str,
        parse: impl FnOnce(&mut dyn Read, &mut ImportCx<'_>) -> Result<(), ParseError>,
    ) -> (Out, Result<(), ParseError>) {
        Out::run_parser(file, input, parse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_accepts_numbers_and_numeric_strings() {
        let cases = [
            (r#""1546300800000""#, Some(1_546_300_800_000)),
            ("1546300800000", Some(1_546_300_800_000)),
            ("-12", Some(-12)),
            ("12.9", Some(12)),
            (r#""soon""#, None),
            ("null", None),
        ];
        for (json, want) in cases {
            assert_eq!(serde_json::from_str::<Int>(json).unwrap().0, want, "{json}");
        }
    }

    #[test]
    fn str_borrows_without_escapes_and_owns_with_them() {
        let raw = br#"["plain", "a\u003db"]"#;
        let v: Vec<Str> = serde_json::from_slice(raw).unwrap();
        assert!(matches!(v[0].0, Cow::Borrowed("plain")));
        assert_eq!(&*v[1], "a=b");
    }

    #[test]
    fn classifies_by_content() {
        let cases: &[(&str, &str, Option<FileRole>)] = &[
            (
                "YouTube e YouTube Music/cronologia/cronologia visualizzazioni.json",
                "[{\"header\":\"YouTube\",\"title\":\"Hai guardato x\",\"time\":\"2024-03-01T12:00:00Z\",\"products\":[\"YouTube\"]}]",
                Some(FileRole::Parse(parser::MY_ACTIVITY)),
            ),
            (
                "YouTube e YouTube Music/iscrizioni/iscrizioni.csv",
                "\u{feff}ID del canal,URL del canal,Título del canal\r\nUC1,u,t\r\n",
                Some(FileRole::Parse(parser::YT_SUBSCRIPTIONS)),
            ),
            (
                "x/chats en direct.csv",
                "ID du chat en direct,ID de la chaîne,Horodatage de création du chat en direct,Prix,ID de la vidéo,Texte du chat en direct\n",
                Some(FileRole::Parse(parser::YT_LIVE_CHATS)),
            ),
            (
                "Takeout/Google Play Store/Kaufverlauf.json",
                "[{\"purchaseHistory\":{\"invoicePrice\":\"1,99 €\"}}]",
                Some(FileRole::Parse(parser::PLAY_PURCHASES)),
            ),
            (
                "Takeout/Google Pay/Transaktionen.csv",
                "Zeit,Transaktions-ID,Beschreibung,Produkt,Zahlungsmethode,Status,Betrag\n",
                Some(FileRole::Parse(parser::PAY_TRANSACTIONS)),
            ),
            (
                "Takeout/Sijaintihistoria/Sijainnit.json",
                "{\n  \"locations\" : [ {\n    \"latitudeE7\" : 481370000,\n    \"longitudeE7\" : 115750000",
                Some(FileRole::Parse(parser::LOCATION_RECORDS)),
            ),
            (
                "Takeout/Historia lokalizacji/Rekordy.json",
                "{\"locations\":[{\"timestampMs\":\"1546300800000\",\"latitudeE7\":1}]}",
                Some(FileRole::Parse(parser::LOCATION_RECORDS)),
            ),
            (
                "Takeout/Sijaintihistoria/Semanttinen/2024/2024_HELMIKUU.json",
                "{\"timelineObjects\":[{\"placeVisit\":{}}]}",
                Some(FileRole::Parse(parser::SEMANTIC)),
            ),
            (
                "Takeout/Chrome/Selaushistoria.json",
                "{\"Browser History\":[{\"title\":\"x\",\"url\":\"https://x.org/\",\"time_usec\":1}]}",
                Some(FileRole::Parse(parser::CHROME)),
            ),
            (
                "Takeout/Google Play Kauppa/Asennukset.json",
                "[{\"install\":{\"doc\":{\"documentType\":\"Android Apps\",\"title\":\"x\"}}}]",
                Some(FileRole::Parse(parser::PLAY_INSTALLS)),
            ),
            (
                "Takeout/Profiili/Profiili.json",
                "{\"name\":{\"givenName\":\"A\"},\"displayName\":\"A B\",\"emails\":[{\"value\":\"a@example.com\"}]}",
                Some(FileRole::Parse(parser::PROFILE)),
            ),
            // Other JSON of Chrome and Location History: skipped with the product's reason.
            (
                "Takeout/Chrome/Estensioni.json",
                "{\"Extensions\":[]}",
                Some(FileRole::Skip("Chrome settings, bookmarks or extensions; not imported yet")),
            ),
            (
                "Takeout/Cronologia delle posizioni/Impostazioni.json",
                "{\"historyEnabled\": true}",
                Some(FileRole::Skip("Location History settings or edits, not visits")),
            ),
            (
                "YouTube e YouTube Music/cronologia/cronologia visualizzazioni.html",
                "\u{feff}<!DOCTYPE html><html><head><style>body{}</style></head><body><div class=\"mdl-grid\"><div class=\"outer-cell mdl-cell\">",
                Some(FileRole::Parse(parser::MY_ACTIVITY_HTML)),
            ),
            ("Takeout/archive.html", "<!DOCTYPE html><html><body><h1>Archive</h1>", None),
            ("Takeout/Keep/note.json", "{\"title\":\"x\",\"textContent\":\"y\"}", None),
            ("Takeout/Fit/daily.csv", "Date,Move Minutes count\n", None),
        ];
        for (path, head, want) in cases {
            assert_eq!(
                &Google.classify_content(path, head.as_bytes()),
                want,
                "{path}"
            );
        }
    }

    #[test]
    fn e7_divides_and_unwraps_overflow() {
        assert_eq!(e7(485_000_000, 90), 48.5);
        assert_eq!(e7(-339_000_000, 90), -33.9);
        // 4294967296 - 1e9 (−100°) written unsigned: the wrapped form of a negative value.
        assert_eq!(e7(4_294_967_296 - 1_000_000_000, 180), -100.0);
    }
}
