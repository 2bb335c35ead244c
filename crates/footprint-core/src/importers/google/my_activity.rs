//! My Activity: one list per product of `{header, title, titleUrl?, time, products[],
//! details[{name}], subtitles[{name, url}], locationInfos[], ...}`, written as JSON (read
//! here) or as HTML cards ([`super::my_activity_html`]). Both readers fill one [`Entry`] and
//! [`to_record`] turns it into the record, so a card and its JSON twin are the same record
//! with the same key (times to the second: the precision both formats carry).
//!
//! What an element is comes from its title's verb, in the account's language ("Searched for",
//! "Gesucht nach:", "Vous avez recherché"; German puts visits' verb last: "X aufgerufen"),
//! with U+00A0 after the verb. Ads activity (the Ads product, or any element marked "From
//! Google Ads") becomes an ad interaction naming the advertiser (see [`super::ads`]).

use super::{ads, element, paths, Str};
use crate::importer::{ImportCx, ParseError};
use crate::json_stream::{stream_json, JsonItem};
use crate::model::{Category, Record, Relation};
use serde::{Deserialize, Serialize};
use std::io::Read;

#[derive(Deserialize)]
struct Activity<'a> {
    #[serde(borrow)]
    header: Option<Str<'a>>,
    #[serde(borrow)]
    title: Option<Str<'a>>,
    #[serde(borrow, rename = "titleUrl")]
    title_url: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow)]
    time: Option<Str<'a>>,
    #[serde(borrow)]
    products: Option<Vec<Str<'a>>>,
    #[serde(borrow)]
    details: Option<Vec<Named<'a>>>,
    #[serde(borrow)]
    subtitles: Option<Vec<JsonSubtitle<'a>>>,
    #[serde(borrow, rename = "locationInfos")]
    location_infos: Option<Vec<JsonLocation<'a>>>,
}

#[derive(Deserialize)]
struct Named<'a> {
    #[serde(borrow)]
    name: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct JsonSubtitle<'a> {
    #[serde(borrow)]
    name: Option<Str<'a>>,
    #[serde(borrow)]
    url: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct JsonLocation<'a> {
    #[serde(borrow)]
    name: Option<Str<'a>>,
    #[serde(borrow)]
    url: Option<Str<'a>>,
    #[serde(borrow)]
    source: Option<Str<'a>>,
    #[serde(borrow, rename = "sourceUrl")]
    source_url: Option<Str<'a>>,
}

/// A line under the title: a YouTube video's channel, an ad's advertiser.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Subtitle<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
}

/// Where the activity happened, as Google saw it ("From your places (Home)", a Maps link).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LocationInfo<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    #[serde(rename = "sourceUrl", skip_serializing_if = "Option::is_none")]
    pub source_url: Option<&'a str>,
}

/// When an entry happened, as its format writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When<'a> {
    /// No time at all (a card without a date line, an element without `time`).
    Missing,
    /// JSON's ISO-8601 `time`.
    Iso(&'a str),
    /// An HTML card's date line, in the account's language ([`crate::time::localized`]).
    Localized(&'a str),
}

/// One My Activity entry, whichever format it came from: what [`to_record`] needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    pub header: Option<&'a str>,
    pub title: Option<&'a str>,
    pub title_url: Option<&'a str>,
    /// Only JSON has it (HTML prints it like a subtitle).
    pub description: Option<&'a str>,
    pub when: When<'a>,
    pub products: Vec<&'a str>,
    pub details: Vec<&'a str>,
    pub subtitles: Vec<Subtitle<'a>>,
    pub location_infos: Vec<LocationInfo<'a>>,
}

impl<'a> Entry<'a> {
    fn from_json(a: &'a Activity<'a>) -> Self {
        let s = |v: &'a Option<Str<'a>>| v.as_deref();
        Entry {
            header: s(&a.header),
            title: s(&a.title),
            title_url: s(&a.title_url),
            description: s(&a.description),
            when: match a.time.as_deref() {
                None | Some("") => When::Missing,
                Some(t) => When::Iso(t),
            },
            products: a.products.iter().flatten().map(|p| &**p).collect(),
            details: a
                .details
                .iter()
                .flatten()
                .filter_map(|d| d.name.as_deref())
                .collect(),
            subtitles: a
                .subtitles
                .iter()
                .flatten()
                .map(|t| Subtitle { name: s(&t.name), url: s(&t.url) })
                .collect(),
            location_infos: a
                .location_infos
                .iter()
                .flatten()
                .map(|l| LocationInfo {
                    name: s(&l.name),
                    url: s(&l.url),
                    source: s(&l.source),
                    source_url: s(&l.source_url),
                })
                .collect(),
        }
    }
}

/// What is kept in the record's `data`.
#[derive(Serialize)]
struct ActivityData<'x> {
    #[serde(skip_serializing_if = "Option::is_none")]
    header: Option<&'x str>,
    #[serde(rename = "titleUrl", skip_serializing_if = "Option::is_none")]
    title_url: Option<&'x str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    products: &'x [&'x str],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    details: &'x [&'x str],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    subtitles: &'x [Subtitle<'x>],
    #[serde(rename = "locationInfos", skip_serializing_if = "<[_]>::is_empty")]
    location_infos: &'x [LocationInfo<'x>],
}

/// What the user did, from the title's verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Search,
    Visit,
    View,
    Watch,
    Listen,
    Other,
}

/// Where the verb sits in the title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Prefix,
    Suffix,
}

/// Title verbs in EN, DE, FR, ES (two tenses), IT, NL, PT, PL, longest first where one is a
/// prefix of another. IT, NL and PT come from one public parser each (~); the Polish ones are
/// guesses (~): a wrong guess costs only the kind (`activity` instead of `search`), and
/// YouTube's links still tell watches and searches apart.
const VERBS: &[(&str, Place, Action)] = &[
    ("Searched for", Place::Prefix, Action::Search),
    ("Visited", Place::Prefix, Action::Visit),
    ("Viewed", Place::Prefix, Action::View),
    ("Watched", Place::Prefix, Action::Watch),
    ("Listened to", Place::Prefix, Action::Listen),
    ("Gesucht nach:", Place::Prefix, Action::Search),
    ("Gesucht nach", Place::Prefix, Action::Search),
    ("aufgerufen", Place::Suffix, Action::Visit),
    ("angesehen", Place::Suffix, Action::View),
    ("angehört", Place::Suffix, Action::Listen),
    ("Vous avez recherché", Place::Prefix, Action::Search),
    ("Vous avez consulté", Place::Prefix, Action::Visit),
    ("Vous avez visité", Place::Prefix, Action::Visit),
    ("Vous avez regardé", Place::Prefix, Action::Watch),
    ("Vous avez écouté", Place::Prefix, Action::Listen),
    ("Has buscado", Place::Prefix, Action::Search),
    ("Has visitado", Place::Prefix, Action::Visit),
    ("Has visto", Place::Prefix, Action::Watch),
    ("Has escuchado", Place::Prefix, Action::Listen),
    ("Buscaste", Place::Prefix, Action::Search),
    ("Visitaste", Place::Prefix, Action::Visit),
    ("Viste", Place::Prefix, Action::Watch),
    ("Hai cercato", Place::Prefix, Action::Search),
    ("Hai visitato", Place::Prefix, Action::Visit),
    ("Hai guardato", Place::Prefix, Action::Watch),
    ("Hai visualizzato", Place::Prefix, Action::View),
    ("Hai ascoltato", Place::Prefix, Action::Listen),
    ("Gezocht naar", Place::Prefix, Action::Search),
    ("Bezocht", Place::Prefix, Action::Visit),
    // Dutch, like German, has one verb for watching and viewing: the link tells them apart.
    ("Bekeken", Place::Prefix, Action::View),
    ("Beluisterd", Place::Prefix, Action::Listen),
    ("Pesquisou por", Place::Prefix, Action::Search),
    ("Visitou", Place::Prefix, Action::Visit),
    ("Assistiu a", Place::Prefix, Action::Watch),
    ("Assistiu", Place::Prefix, Action::Watch),
    ("Visualizou", Place::Prefix, Action::View),
    ("Ouviu", Place::Prefix, Action::Listen),
    ("Wyszukano", Place::Prefix, Action::Search),
    ("Odwiedzono", Place::Prefix, Action::Visit),
    ("Obejrzano", Place::Prefix, Action::Watch),
    ("Wyświetlono", Place::Prefix, Action::View),
    ("Odsłuchano", Place::Prefix, Action::Listen),
];

/// The action a (normalized) title names and the text it acts on ("Searched for rust" gives
/// `(Search, "rust")`). Titles without a known verb are `Other` with the whole title.
pub fn split_verb(title: &str) -> (Action, &str) {
    for (verb, place, action) in VERBS {
        let rest = match place {
            Place::Prefix => title
                .strip_prefix(verb)
                .filter(|r| r.is_empty() || r.starts_with([' ', ':'])),
            Place::Suffix => title
                .strip_suffix(verb)
                .filter(|r| r.is_empty() || r.ends_with(' ')),
        };
        if let Some(rest) = rest {
            return (*action, rest.trim_matches([' ', ':']));
        }
    }
    (Action::Other, title)
}

/// The title as people read it: Google puts U+00A0 after the verb; runs of spaces are one
/// space, as an HTML page shows them (so a card and its JSON twin have one title).
pub fn normalize_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for word in title.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Parse one My Activity JSON file. `ads_file` is true for the Ads product's file, where
/// every element is an ad interaction.
pub fn parse(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
    ads_file: bool,
) -> Result<(), ParseError> {
    stream_json(reader, &[], &mut |item| {
        let JsonItem::Element { index, raw, .. } = item else {
            return Ok(());
        };
        let Some(a) = element::<Activity>(cx, index, raw, "activity") else {
            return Ok(());
        };
        emit(cx, index, &Entry::from_json(&a), ads_file)
    })
}

/// Turn one entry into its record and emit it, or warn why there is none.
pub(crate) fn emit(
    cx: &mut ImportCx<'_>,
    index: u64,
    entry: &Entry<'_>,
    ads_file: bool,
) -> Result<(), ParseError> {
    match to_record(entry, ads_file) {
        Ok((record, warning)) => {
            if let Some(w) = warning {
                cx.warn(Some(index), w);
            }
            cx.emit(index, record)
        }
        Err(why) => {
            cx.warn(Some(index), format!("activity {index} skipped: {why}"));
            Ok(())
        }
    }
}

/// The element is an ad: the Ads product (in any language) or marked "From Google Ads".
fn is_ad(e: &Entry<'_>) -> bool {
    let ads_name = |s: &str| paths::is_ads_product(s) || s.split_whitespace().any(|w| w == "Ads");
    e.header.is_some_and(ads_name)
        || e.products.iter().any(|p| ads_name(p))
        || e.details.iter().any(|n| ads::is_ad_detail(n))
}

/// The time of an entry to the second (HTML prints no milliseconds; JSON's are dropped so
/// that both give one record), and why it is missing.
fn time_of(when: When<'_>) -> (Option<i64>, Option<String>) {
    let (ts, raw) = match when {
        When::Missing => return (None, Some("activity without a time".into())),
        When::Iso(raw) => (crate::time::iso_ms(raw), raw),
        When::Localized(raw) => (crate::time::localized::parse(raw), raw),
    };
    match ts {
        Some(ms) => (Some(crate::time::whole_second(ms)), None),
        None => (None, Some(format!("unreadable time `{raw}`; kept without a date"))),
    }
}

/// One entry as a record, with an optional warning. `Err` when there is nothing to keep.
pub fn to_record(e: &Entry<'_>, ads_file: bool) -> Result<(Record, Option<String>), String> {
    let title = e.title.map(normalize_title).filter(|t| !t.is_empty());
    let title_url = e.title_url.map(str::trim).filter(|u| !u.is_empty());
    let Some(title) = title.or_else(|| title_url.map(str::to_string)) else {
        return Err("no title and no link".into());
    };
    let (ts, mut warning) = time_of(e.when);
    let header = e.header;
    let (action, object) = split_verb(&title);
    let ad = ads_file || is_ad(e);
    let (kind, category) = if ad {
        // The same kind and category as Meta's ad interactions: a click is browsing activity;
        // the company and relation say who learned of it.
        ("ad_interaction", Category::ActivityBrowsing)
    } else {
        match action {
            Action::Search => ("search", Category::Searches),
            Action::Visit => ("visit", Category::ActivityBrowsing),
            // German has one verb for both; a YouTube video link means it was watched.
            Action::View if title_url.is_some_and(is_video_link) => {
                ("watch", Category::MediaConsumption)
            }
            Action::View => ("view", Category::ActivityBrowsing),
            Action::Watch => ("watch", Category::MediaConsumption),
            Action::Listen => ("listen", Category::MediaConsumption),
            // A verb in a language the table does not know: YouTube's links still tell a
            // watched video from a search.
            Action::Other if title_url.is_some_and(is_video_link) => {
                ("watch", Category::MediaConsumption)
            }
            Action::Other if title_url.is_some_and(is_youtube_search_link) => {
                ("search", Category::Searches)
            }
            Action::Other => ("activity", Category::ActivityBrowsing),
        }
    };
    let advertiser = if ad {
        let found = advertiser(e, title_url, object);
        if found.is_none() {
            warning
                .get_or_insert_with(|| "ad interaction without a recognizable advertiser".into());
        }
        found
    } else {
        None
    };
    let data = ActivityData {
        header,
        title_url,
        products: &e.products,
        details: &e.details,
        subtitles: &e.subtitles,
        location_infos: &e.location_infos,
    };
    // The natural key: product, second and readable title. A time that could not be read is
    // keyed by its text, so two unreadable entries with one title stay apart.
    let ts_key = match (ts, e.when) {
        (Some(t), _) => (t / 1000).to_string(),
        (None, When::Iso(raw) | When::Localized(raw)) => raw.to_string(),
        (None, When::Missing) => String::new(),
    };
    let mut record = Record::new(kind, category)
        .at(ts)
        .body_opt(crate::text::non_empty(e.description))
        .data(&data)
        .with_key(&[header.unwrap_or(""), &ts_key, &title]);
    record.title = Some(title);
    if let Some(name) = advertiser {
        record = record.company(name, Relation::AdInteraction);
    }
    Ok((record, warning))
}

/// The advertiser of an ad element: the host at the end of the link's tracker chain, else
/// the first subtitle (a YouTube ad's channel, the advertiser Google names), else the text
/// after the verb when it is itself a link. Never the rest of the title: that is the ad's
/// headline ("Nike Running Shoes | Official Site"), not a company. `details` carry only
/// provenance phrases ("From Google Ads") in the exports seen, so they name no one.
fn advertiser(e: &Entry<'_>, title_url: Option<&str>, object: &str) -> Option<String> {
    if let Some(host) = title_url.and_then(ads::advertiser_from_url) {
        return Some(host);
    }
    let channel = e
        .subtitles
        .iter()
        .filter_map(|s| s.name)
        .map(str::trim)
        .find(|n| !n.is_empty());
    if let Some(c) = channel {
        return Some(c.to_string());
    }
    ads::advertiser_from_url(object.trim())
}

/// A YouTube video page.
fn is_video_link(url: &str) -> bool {
    url.contains("youtube.com/watch") || url.contains("youtu.be/")
}

/// A YouTube search results page.
fn is_youtube_search_link(url: &str) -> bool {
    url.contains("youtube.com/results?search_query")
}

/// The head of a My Activity file under a name no table knows (a localized YouTube history,
/// a renamed product file): a top-level array whose first element has `header`, `title`,
/// `time` and `products`.
pub fn looks_like(head: &[u8]) -> bool {
    let body = crate::formats::strip_bom(head);
    let starts_array = body
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'[');
    starts_array && crate::formats::sniff::has_keys(body, &["header", "title", "time", "products"])
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{data, run};
    use super::*;
    use crate::model::Relation;

    fn parse_str(input: &str, ads_file: bool) -> super::super::test_support::Out {
        let (out, res) = run(
            "Takeout/My Activity/Search/MyActivity.json",
            input,
            |r, cx| parse(r, cx, ads_file),
        );
        res.expect("parses");
        out
    }

    #[test]
    fn verbs_in_every_language() {
        let cases = [
            ("Searched for rust zip", Action::Search, "rust zip"),
            ("Visited Rust Docs", Action::Visit, "Rust Docs"),
            (
                "Watched Cats compilation",
                Action::Watch,
                "Cats compilation",
            ),
            (
                "Gesucht nach: wetter berlin",
                Action::Search,
                "wetter berlin",
            ),
            ("Wetter - DWD aufgerufen", Action::Visit, "Wetter - DWD"),
            ("Katzenvideo angesehen", Action::View, "Katzenvideo"),
            (
                "Vous avez recherché météo paris",
                Action::Search,
                "météo paris",
            ),
            ("Vous avez regardé Chats", Action::Watch, "Chats"),
            ("Has buscado tiempo", Action::Search, "tiempo"),
            ("Hai cercato meteo roma", Action::Search, "meteo roma"),
            ("Gezocht naar weer", Action::Search, "weer"),
            ("Bezocht Nieuws", Action::Visit, "Nieuws"),
            ("Pesquisou por previsão", Action::Search, "previsão"),
            ("Assistiu a Gatos", Action::Watch, "Gatos"),
            ("Assistiu Gatos", Action::Watch, "Gatos"),
            ("Wyszukano pogoda", Action::Search, "pogoda"),
            ("Obejrzano Koty", Action::Watch, "Koty"),
            ("Used Google Maps", Action::Other, "Used Google Maps"),
            // A verb must be a whole word: "Visitedness" is not a visit.
            ("Visitedness report", Action::Other, "Visitedness report"),
        ];
        for (title, action, object) in cases {
            assert_eq!(split_verb(title), (action, object), "{title}");
        }
    }

    #[test]
    fn my_activity_is_known_by_its_head() {
        let yes = "\u{feff}[ {\n  \"header\" : \"YouTube\",\n  \"title\" : \"Guardato x\",\n  \"titleUrl\" : \"https://www.youtube.com/watch?v\\u003dq\",\n  \"time\" : \"2024-03-01T12:00:00Z\",\n  \"products\" : [\"YouTube\"]\n}, {";
        assert!(looks_like(yes.as_bytes()));
        assert!(!looks_like(
            br#"{"header": "x", "title": "y", "time": "z", "products": []}"#
        ));
        assert!(!looks_like(br#"[{"title": "y", "time": "z"}]"#));
        assert!(!looks_like(b"Channel Id,Channel Url\n"));
    }

    #[test]
    fn unknown_verbs_with_youtube_links() {
        let input = r#"[
          {"header":"YouTube","title":"Hai guardato Gatti","titleUrl":"https://www.youtube.com/watch?v\u003dabc","time":"2024-03-01T12:00:00Z","products":["YouTube"]},
          {"header":"YouTube","title":"Hai cercato gatti","titleUrl":"https://www.youtube.com/results?search_query\u003dgatti","time":"2024-03-01T12:00:01Z","products":["YouTube"]}
        ]"#;
        let out = parse_str(input, false);
        let kinds: Vec<&str> = out.records.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, ["watch", "search"]);
    }

    #[test]
    fn kinds_categories_and_nbsp() {
        let input = r#"[
          {"header":"Search","title":"Searched for\u00a0rust zip","titleUrl":"https://www.google.com/search?q\u003drust+zip","time":"2024-03-01T12:00:00.123Z","products":["Search"]},
          {"header":"Search","title":"Visited\u00a0Rust Docs","titleUrl":"https://www.google.com/url?q\u003dhttps://docs.rs/\u0026usg\u003dx","time":"2024-03-01T12:00:01Z","products":["Search"],"details":[{"name":"From your device"}]},
          {"header":"YouTube","title":"Watched\u00a0Cats","titleUrl":"https://www.youtube.com/watch?v\u003dabc","subtitles":[{"name":"Cat Channel","url":"https://www.youtube.com/channel/x"}],"time":"2024-03-01T12:00:02Z","products":["YouTube"]},
          {"header":"YouTube","title":"Katzen angesehen","titleUrl":"https://www.youtube.com/watch?v\u003ddef","time":"2024-03-01T12:00:03Z","products":["YouTube"]},
          {"header":"Maps","title":"Used\u00a0Maps","time":"2024-03-01T12:00:04Z","products":["Maps"]}
        ]"#;
        let out = parse_str(input, false);
        let got: Vec<(&str, Category, &str, Option<i64>)> = out
            .records
            .iter()
            .map(|r| (r.kind, r.category, r.title.as_deref().unwrap(), r.ts))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "search",
                    Category::Searches,
                    "Searched for rust zip",
                    // To the second: HTML cards print no milliseconds.
                    Some(1_709_294_400_000)
                ),
                (
                    "visit",
                    Category::ActivityBrowsing,
                    "Visited Rust Docs",
                    Some(1_709_294_401_000)
                ),
                (
                    "watch",
                    Category::MediaConsumption,
                    "Watched Cats",
                    Some(1_709_294_402_000)
                ),
                (
                    "watch",
                    Category::MediaConsumption,
                    "Katzen angesehen",
                    Some(1_709_294_403_000)
                ),
                (
                    "activity",
                    Category::ActivityBrowsing,
                    "Used Maps",
                    Some(1_709_294_404_000)
                ),
            ]
        );
        let d = data(&out.records[1]);
        assert_eq!(
            d["titleUrl"],
            "https://www.google.com/url?q=https://docs.rs/&usg=x"
        );
        assert_eq!(d["details"][0], "From your device");
        assert_eq!(d["products"][0], "Search");
        assert_eq!(data(&out.records[2])["subtitles"][0]["name"], "Cat Channel");
        assert!(out.records.iter().all(|r| r.company.is_none()));
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    }

    #[test]
    fn ads_name_the_advertiser() {
        let input = r#"[
          {"header":"Ads","title":"Visited\u00a0Nike Running","titleUrl":"https://www.google.com/url?q\u003dhttps://www.nike.com/de/\u0026usg\u003dAOv","time":"2024-03-01T12:00:00Z","products":["Ads"],"details":[{"name":"From Google Ads"}]},
          {"header":"Ads","title":"Visited\u00a0Shoes for every run","titleUrl":"https://www.googleadservices.com/pagead/aclk?sa\u003dL\u0026ai\u003dDCh\u0026adurl\u003dhttps://clickserve.dartsearch.net/link/click%3Flid%3D1%26ds_dest_url%3Dhttps://www.zalando.de/","time":"2024-03-01T12:00:01Z","products":["Ads"]},
          {"header":"Ads","title":"Visited\u00a0https://www.ikea.com/fr/","time":"2024-03-01T12:00:02Z","products":["Ads"]},
          {"header":"YouTube","title":"Watched\u00a0Spring sale","titleUrl":"https://www.youtube.com/watch?v\u003dq","subtitles":[{"name":"Decathlon"}],"time":"2024-03-01T12:00:03Z","products":["YouTube"],"details":[{"name":"From Google Ads"}]},
          {"header":"Solutions publicitaires","title":"Vous avez consulté\u00a0Lidl","titleUrl":"https://ad.doubleclick.net/ddm/clk/1;2;u;?https%3A%2F%2Fwww.lidl.fr%2F","time":"2024-03-01T12:00:04Z","products":["Solutions publicitaires"]},
          {"header":"Programmi pubblicitari","title":"Hai visitato\u00a0Offerte","subtitles":[{"name":"Esselunga"}],"time":"2024-03-01T12:00:05Z","products":["Programmi pubblicitari"]}
        ]"#;
        let out = parse_str(input, false);
        let got: Vec<(&str, Option<(&str, Relation)>)> = out
            .records
            .iter()
            .map(|r| {
                (
                    r.kind,
                    r.company.as_ref().map(|c| (c.name.as_str(), c.relation)),
                )
            })
            .collect();
        let ad = Relation::AdInteraction;
        assert_eq!(
            got,
            vec![
                ("ad_interaction", Some(("nike.com", ad))),
                ("ad_interaction", Some(("zalando.de", ad))),
                ("ad_interaction", Some(("ikea.com", ad))),
                ("ad_interaction", Some(("Decathlon", ad))),
                ("ad_interaction", Some(("lidl.fr", ad))),
                ("ad_interaction", Some(("Esselunga", ad))),
            ]
        );
        assert!(out
            .records
            .iter()
            .all(|r| r.category == Category::ActivityBrowsing));
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    }

    /// Regression: the text after the verb is the ad's headline, and was once stored as the
    /// advertiser ("Visited Zalando" gave the company "Zalando", "Visited 50% off running
    /// shoes" a company of that name). Without a usable link or subtitle there is no company.
    #[test]
    fn an_ad_headline_is_never_a_company() {
        let input = r#"[
          {"header":"Ads","title":"Visited\u00a050% off running shoes","time":"2024-03-01T12:00:00Z","products":["Ads"]},
          {"header":"Ads","title":"Visited\u00a0Zalando","titleUrl":"https://www.googleadservices.com/pagead/aclk?sa\u003dL\u0026ai\u003dDChcSEw\u0026sig\u003dAOD","time":"2024-03-01T12:00:01Z","products":["Ads"]}
        ]"#;
        let out = parse_str(input, true);
        assert_eq!(out.records.len(), 2);
        assert!(out.records.iter().all(|r| r.company.is_none()), "{:?}", out.records);
        assert_eq!(out.warnings.len(), 2);
        assert!(out.warnings[0].message.contains("without a recognizable advertiser"));
    }

    #[test]
    fn ads_file_makes_every_element_an_ad() {
        let input = r#"[{"header":"Something","title":"Visited\u00a0Acme","titleUrl":"https://www.google.com/url?q\u003dhttps://acme.example.org/","time":"2024-03-01T12:00:00Z"}]"#;
        let out = parse_str(input, true);
        assert_eq!(out.records[0].kind, "ad_interaction");
        assert_eq!(out.records[0].company.as_ref().unwrap().name, "acme.example.org");
    }

    #[test]
    fn times_with_and_without_fractions() {
        let cases = [
            ("2024-03-01T12:00:00Z", Some(1_709_294_400_000)),
            // Milliseconds are dropped: HTML cards print seconds, and a card and its JSON twin
            // must be one record.
            ("2024-03-01T12:00:00.5Z", Some(1_709_294_400_000)),
            ("2024-03-01T12:00:00.999456Z", Some(1_709_294_400_000)),
            ("2024-03-01T13:00:00+01:00", Some(1_709_294_400_000)),
        ];
        for (time, want) in cases {
            let input =
                format!(r#"[{{"header":"Search","title":"Searched for x","time":"{time}"}}]"#);
            let out = parse_str(&input, false);
            assert_eq!(out.records[0].ts, want, "{time}");
        }
    }

    #[test]
    fn bad_elements_warn_and_the_rest_goes_on() {
        let input = r#"[
          {"header":"Search","title":"Searched for a","time":"yesterday"},
          {"header":"Search"},
          42,
          {"header":"Search","title":"Searched for b","time":"2024-03-01T12:00:00Z"}
        ]"#;
        let out = parse_str(input, false);
        assert_eq!(out.records.len(), 2);
        assert_eq!(out.records[0].ts, None);
        let positions: Vec<Option<u64>> = out.warnings.iter().map(|w| w.position).collect();
        assert_eq!(positions, vec![Some(0), Some(1), Some(2)]);
        assert!(
            out.warnings[0].message.contains("yesterday"),
            "{:?}",
            out.warnings[0]
        );
    }

    #[test]
    fn same_activity_gets_the_same_key_whatever_the_time_format() {
        let a = parse_str(
            r#"[{"header":"Search","title":"Searched for\u00a0x","time":"2024-03-01T12:00:00Z"}]"#,
            false,
        );
        let b = parse_str(
            r#"[{"header":"Search","title":"Searched for x","time":"2024-03-01T12:00:00.000Z"}]"#,
            false,
        );
        assert_eq!(a.records[0].key, b.records[0].key);
        assert!(a.records[0].key.is_some());
    }

    #[test]
    fn keys_are_to_the_second_and_titles_collapse_spaces() {
        let a = parse_str(
            r#"[{"header":"Search","title":"Searched for\u00a0fish  and chips","time":"2024-03-01T12:00:00.987Z"}]"#,
            false,
        );
        let b = parse_str(
            r#"[{"header":"Search","title":"Searched for fish and chips","time":"2024-03-01T12:00:00Z"}]"#,
            false,
        );
        assert_eq!(a.records[0].title.as_deref(), Some("Searched for fish and chips"));
        assert_eq!(a.records[0].key, b.records[0].key);
        assert_eq!(a.records[0].ts, b.records[0].ts);
        let c = parse_str(
            r#"[{"header":"Search","title":"Searched for fish and chips","time":"2024-03-01T12:00:01Z"}]"#,
            false,
        );
        assert_ne!(a.records[0].key, c.records[0].key, "another second is another search");
    }

    #[test]
    fn location_infos_are_kept() {
        let out = parse_str(
            r#"[{"header":"Maps","title":"Viewed\u00a0Cafe","time":"2024-03-01T12:00:00Z","products":["Maps"],
                "locationInfos":[{"name":"At this general area","url":"https://www.google.com/maps/@?api=1&map_action=map&center=48.1,11.5&zoom=12","source":"From your device","sourceUrl":"https://support.google.com/x"}]}]"#,
            false,
        );
        let d = data(&out.records[0]);
        assert_eq!(d["locationInfos"][0]["name"], "At this general area");
        assert_eq!(d["locationInfos"][0]["sourceUrl"], "https://support.google.com/x");
    }

    #[test]
    fn html_or_garbage_is_a_file_error() {
        let (_, res) = run("x/MyActivity.json", "<html><body>", |r, cx| {
            parse(r, cx, false)
        });
        assert!(matches!(res, Err(ParseError::Json { .. })), "{res:?}");
    }
}
