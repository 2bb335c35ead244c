//! My Activity as HTML: Takeout's default format (`My Activity/<product>/MyActivity.html`,
//! YouTube's `history/watch-history.html`), one page of cards per product, often hundreds of
//! MB. The page is read as a stream ([`crate::formats::html::blocks`]): one card in memory at
//! a time.
//!
//! A card (google_takeout_parser's HTML parser documents the same structure) is
//!
//! ```text
//! div.outer-cell > div.mdl-grid >
//!   div.header-cell     > p.mdl-typography--title: the product ("YouTube")   = header
//!   div.content-cell.mdl-typography--body-1:
//!       title line, its link = titleUrl ("Watched&nbsp;<a href=…>video</a>")
//!       subtitle lines, each with maybe a link (a video's channel)           = subtitles
//!       the date line, localized ("Mar 8, 2018, 5:14:40 PM EST")             = time
//!   div.content-cell.mdl-typography--text-right: empty, layout only
//!   div.content-cell.mdl-typography--caption:
//!       <b>Products:</b> &emsp;YouTube     <b>Locations:</b> &emsp;name - source
//!       <b>Details:</b> &emsp;From Google Ads     <b>Why is this here?</b> …
//! ```
//!
//! The caption's labels are in the account's language ([`CAPTION_LABELS`]); an unknown label's
//! values are left out, never mistaken for another section. Each card fills the same
//! [`Entry`] as a JSON element, so both formats give the same record with the same key.
//! A card without a title is a warning; a date that cannot be read is a warning and the record
//! is kept without a date.

use super::my_activity::{emit, Entry, LocationInfo, Subtitle, When};
use super::paths::fold;
use crate::formats::html::{self, Block, Line, Tag};
use crate::importer::{ImportCx, ParseError};
use std::io::Read;

/// The class of a card's outer element, the marker of a My Activity page.
pub const CARD_CLASS: &str = "outer-cell";

/// What a caption label introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Products,
    Locations,
    Details,
    /// "Why is this here?" (the activity controls, which the JSON reader does not keep
    /// either) or a label this table does not know.
    Ignored,
}

/// Caption labels (compared [`fold`]ed, without the colon) in EN, DE, FR, ES, IT, NL, PT, PL.
/// Only the English ones are confirmed; the others follow Google's wording in those
/// languages (~).
const CAPTION_LABELS: &[(&str, Section)] = &[
    ("Products", Section::Products),
    ("Produkte", Section::Products),
    ("Produits", Section::Products),
    ("Productos", Section::Products),
    ("Prodotti", Section::Products),
    ("Producten", Section::Products),
    ("Produtos", Section::Products),
    ("Usługi", Section::Products),
    ("Produkty", Section::Products),
    ("Locations", Section::Locations),
    ("Standorte", Section::Locations),
    ("Orte", Section::Locations),
    ("Lieux", Section::Locations),
    ("Ubicaciones", Section::Locations),
    ("Luoghi", Section::Locations),
    ("Posizioni", Section::Locations),
    ("Locaties", Section::Locations),
    ("Locais", Section::Locations),
    ("Lokalizacje", Section::Locations),
    ("Details", Section::Details),
    ("Détails", Section::Details),
    ("Detalles", Section::Details),
    ("Dettagli", Section::Details),
    ("Detalhes", Section::Details),
    ("Szczegóły", Section::Details),
];

/// Google indents caption values with an em space (`&emsp;`).
const INDENT: char = '\u{2003}';

/// Parse one My Activity HTML page. `ads_file` as in [`super::my_activity::parse`].
pub fn parse(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
    ads_file: bool,
) -> Result<(), ParseError> {
    let mut counted = CountingReader { inner: reader, bytes: 0 };
    // The record is the card's grid: the first element inside an `outer-cell`. Its children
    // (header, body, caption) are then the block's cells, told apart by their classes.
    let mut in_card = false;
    let is_card = |tag: &Tag| {
        if tag.has_class(CARD_CLASS) {
            in_card = true;
            return false;
        }
        std::mem::take(&mut in_card)
    };
    let cards = html::blocks(&mut counted, is_card, |block| {
        let index = block.index;
        if block.truncated {
            cx.warn(
                Some(index),
                format!("activity {index}: more than {} KiB of text, the rest was dropped", html::MAX_BLOCK_TEXT >> 10),
            );
        }
        let card = Card::of(&block);
        emit(cx, index, &card.entry(), ads_file)
    })?;
    if counted.bytes == 0 {
        cx.warn(None, "the file is empty (0 bytes)");
    } else if cards == 0 {
        cx.warn(None, "no activity cards in this page");
    }
    Ok(())
}

/// The parts of one card.
#[derive(Default)]
struct Card<'b> {
    header: Option<&'b str>,
    body: Vec<&'b Line>,
    caption: Vec<&'b Line>,
}

impl<'b> Card<'b> {
    fn of(block: &'b Block) -> Self {
        let mut card = Card::default();
        for line in &block.lines {
            let class = |c: &str| line.cell_class.split_ascii_whitespace().any(|t| t == c);
            if class("header-cell") {
                card.header.get_or_insert(line.text.as_str());
            } else if class("mdl-typography--caption") {
                card.caption.push(line);
            } else if !class("mdl-typography--text-right") {
                card.body.push(line);
            }
        }
        card
    }

    fn entry(&self) -> Entry<'b> {
        let mut body = self.body.as_slice();
        // The date is the body's last line: after the title, without a link, with digits.
        let date = match body {
            [_, .., last] if last.links.is_empty() && last.text.bytes().any(|b| b.is_ascii_digit()) => {
                body = &body[..body.len() - 1];
                When::Localized(last.text.as_str())
            }
            _ => When::Missing,
        };
        let (title, subtitles) = match body {
            [title, rest @ ..] => (Some(title), rest),
            [] => (None, body),
        };
        let mut entry = Entry {
            header: self.header,
            title: title.map(|t| t.text.as_str()),
            title_url: title.and_then(|t| t.links.first()).map(|l| l.href.as_str()),
            description: None,
            when: date,
            products: Vec::new(),
            details: Vec::new(),
            subtitles: subtitles
                .iter()
                .map(|l| Subtitle {
                    name: Some(l.text.as_str()),
                    url: l.links.first().map(|l| l.href.as_str()),
                })
                .collect(),
            location_infos: Vec::new(),
        };
        let mut section = Section::Ignored;
        for line in &self.caption {
            if let Some(label) = label_of(&line.text) {
                section = label;
                continue;
            }
            let value = line.text.trim_matches(|c: char| c == INDENT || c.is_whitespace());
            if value.is_empty() {
                continue;
            }
            match section {
                Section::Products => entry.products.push(value),
                Section::Details => entry.details.push(value),
                Section::Locations => entry.location_infos.push(location_of(value, line)),
                Section::Ignored => {}
            }
        }
        entry
    }
}

/// The section a caption line opens, if it is a label (`Products:`, `Produits :`, `Why is
/// this here?`): not indented, ending in a colon or a question mark.
fn label_of(text: &str) -> Option<Section> {
    if text.starts_with(INDENT) {
        return None;
    }
    let t = text.trim();
    let name = t.strip_suffix(':').or_else(|| t.strip_suffix('?'))?;
    let folded = fold(name.trim_end_matches(|c: char| c.is_whitespace()));
    // Folded once: a page has a few labels per card and hundreds of thousands of cards.
    static FOLDED: std::sync::OnceLock<Vec<(String, Section)>> = std::sync::OnceLock::new();
    let labels = FOLDED.get_or_init(|| CAPTION_LABELS.iter().map(|(l, s)| (fold(l), *s)).collect());
    let known = labels.iter().find(|(label, _)| *label == folded).map(|(_, s)| *s);
    Some(known.unwrap_or(Section::Ignored))
}

/// A location line: `name - source`, with links to the place (a Maps link) and to the source.
fn location_of<'b>(value: &'b str, line: &'b Line) -> LocationInfo<'b> {
    let (name, source) = match value.split_once(" - ") {
        Some((n, s)) => (Some(n.trim()), Some(s.trim())),
        None => (None, None),
    };
    let mut info = LocationInfo { name, source, ..Default::default() };
    let is_map = |href: &str| href.contains("/maps");
    match line.links.as_slice() {
        [place, source, ..] => {
            info.url = Some(place.href.as_str());
            info.source_url = Some(source.href.as_str());
        }
        [one] if is_map(&one.href) => {
            info.url = Some(one.href.as_str());
            info.name = info.name.or(Some(value));
        }
        [one] => {
            info.source_url = Some(one.href.as_str());
            info.source = info.source.or(Some(value));
        }
        // No link: a description of where the activity was seen from.
        [] => info.source = info.source.or(Some(value)),
    }
    info
}

/// The bytes read through it (to tell a 0-byte file from a page without cards).
struct CountingReader<'r> {
    inner: &'r mut dyn Read,
    bytes: u64,
}

impl Read for CountingReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

/// The head of a My Activity page under a name no table knows: HTML with a card marker in
/// its first bytes (Google's style block is short; the first card follows it).
pub fn looks_like(head: &[u8]) -> bool {
    html::looks_like_html(head) && head.windows(CARD_CLASS.len()).any(|w| w == CARD_CLASS.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::super::my_activity;
    use super::super::test_support::{data, run, Out};
    use super::*;
    use crate::model::{Category, Relation};

    const HEAD: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>My Activity</title><style>.outer-cell{margin:0}</style></head><body><div class=\"mdl-grid\">";

    /// A card as Google prints it: header, body (title, subtitles, date) and caption lines.
    fn card(header: &str, body: &str, caption: &str) -> String {
        format!(
            "<div class=\"outer-cell mdl-cell mdl-cell--12-col mdl-shadow--2dp\"><div class=\"mdl-grid\">\
             <div class=\"header-cell mdl-cell mdl-cell--12-col\"><p class=\"mdl-typography--title\">{header}<br></p></div>\
             <div class=\"content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1\">{body}</div>\
             <div class=\"content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1 mdl-typography--text-right\"></div>\
             <div class=\"content-cell mdl-cell mdl-cell--12-col mdl-typography--caption\">{caption}</div></div></div>"
        )
    }

    fn page(cards: &[String]) -> String {
        format!("{HEAD}{}</div></body></html>", cards.concat())
    }

    fn parse_html(input: &str, ads_file: bool) -> Out {
        let (out, res) = run("Takeout/My Activity/Search/MyActivity.html", input, |r, cx| {
            parse(r, cx, ads_file)
        });
        res.expect("parses");
        out
    }

    fn parse_json(input: &str, ads_file: bool) -> Out {
        let (out, res) = run("Takeout/My Activity/Search/MyActivity.json", input, |r, cx| {
            my_activity::parse(r, cx, ads_file)
        });
        res.expect("parses");
        out
    }

    const PRODUCTS: &str = "<b>Products:</b><br>&emsp;YouTube<br><b>Why is this here?</b><br>&emsp;This activity was saved to your Google Account because the following settings were on:&nbsp;YouTube watch history.";

    #[test]
    fn cards_are_the_records_of_their_json_twins() {
        let html = page(&[
            card(
                "YouTube",
                "Watched&nbsp;<a href=\"https://www.youtube.com/watch?v=abc\">Fish &amp; chips &lt;live&gt;</a><br><a href=\"https://www.youtube.com/channel/UC1\">Chef Channel</a><br>Mar 8, 2018, 5:14:40\u{202f}PM EST",
                PRODUCTS,
            ),
            card(
                "Search",
                "Visited&nbsp;<a href=\"https://www.google.com/url?q=https://docs.rs/&amp;usg=x\">Rust   Docs</a><br>8 Mar 2018, 22:14:41 UTC",
                "<b>Products:</b><br>&emsp;Search<br><b>Details:</b><br>&emsp;From your device<br>",
            ),
        ]);
        let json = r#"[
          {"header":"YouTube","title":"Watched\u00a0Fish & chips <live>","titleUrl":"https://www.youtube.com/watch?v\u003dabc","subtitles":[{"name":"Chef Channel","url":"https://www.youtube.com/channel/UC1"}],"time":"2018-03-08T22:14:40.337Z","products":["YouTube"],"activityControls":["YouTube watch history"]},
          {"header":"Search","title":"Visited\u00a0Rust   Docs","titleUrl":"https://www.google.com/url?q\u003dhttps://docs.rs/\u0026usg\u003dx","time":"2018-03-08T22:14:41Z","products":["Search"],"details":[{"name":"From your device"}]}
        ]"#;
        let (h, j) = (parse_html(&html, false), parse_json(json, false));
        assert!(h.warnings.is_empty(), "{:?}", h.warnings);
        assert_eq!(h.records.len(), 2);
        assert_eq!(h.records, j.records, "the same records, keys and data");
        assert_eq!(h.records[0].kind, "watch");
        assert_eq!(h.records[0].title.as_deref(), Some("Watched Fish & chips <live>"));
        assert_eq!(h.records[0].ts, Some(1_520_547_280_000));
        assert_eq!(data(&h.records[1])["titleUrl"], "https://www.google.com/url?q=https://docs.rs/&usg=x");
        assert_eq!(h.records[1].category, Category::ActivityBrowsing);
    }

    #[test]
    fn ads_cards_name_the_advertiser() {
        let html = page(&[
            card(
                "Ads",
                "Visited&nbsp;<a href=\"https://www.google.com/url?q=https://www.nike.com/de/&amp;usg=AOv\">Nike Running</a><br>Mar 1, 2024, 7:00:00\u{202f}AM EST",
                "<b>Products:</b><br>&emsp;Ads<br><b>Details:</b><br>&emsp;From Google Ads<br>",
            ),
            card("Anzeigen", "Zalando&nbsp;aufgerufen<br>01.03.2024, 13:00:01 MEZ", "<b>Produkte:</b><br>&emsp;Anzeigen"),
        ]);
        let out = parse_html(&html, true);
        let got: Vec<_> = out
            .records
            .iter()
            .map(|r| (r.kind, r.ts, r.company.as_ref().map(|c| (c.name.as_str(), c.relation))))
            .collect();
        let ad = Relation::AdInteraction;
        assert_eq!(
            got,
            [
                ("ad_interaction", Some(1_709_294_400_000), Some(("nike.com", ad))),
                // No link and no subtitle: the text after the verb is a headline, not a company.
                ("ad_interaction", Some(1_709_294_401_000), None),
            ]
        );
        assert_eq!(data(&out.records[1])["products"][0], "Anzeigen", "German caption label");
    }

    #[test]
    fn localized_captions_and_locations() {
        let html = page(&[card(
            "Maps",
            "Vous avez consulté&nbsp;<a href=\"https://www.google.com/maps/place/Cafe\">Café</a><br>8 mars 2018, 23:14:40 UTC+1",
            "<b>Produits&nbsp;:</b><br>&emsp;Maps<br><b>Lieux&nbsp;:</b><br>&emsp;<a href=\"https://www.google.com/maps/@?api=1&amp;map_action=map&amp;center=48.1,11.5\">Dans cette zone</a> - <a href=\"https://support.google.com/x\">D'après votre appareil</a><br><b>Détails&nbsp;:</b><br>&emsp;Depuis votre appareil<br><b>Inconnu :</b><br>&emsp;ignoré",
        )]);
        let out = parse_html(&html, false);
        let d = data(&out.records[0]);
        assert_eq!(out.records[0].kind, "visit");
        assert_eq!(d["products"], serde_json::json!(["Maps"]));
        assert_eq!(d["details"], serde_json::json!(["Depuis votre appareil"]));
        let loc = &d["locationInfos"][0];
        assert_eq!(loc["name"], "Dans cette zone");
        assert_eq!(loc["source"], "D'après votre appareil");
        assert_eq!(loc["sourceUrl"], "https://support.google.com/x");
        assert!(loc["url"].as_str().unwrap().contains("map_action=map&center"));
    }

    #[test]
    fn damaged_cards_warn_and_the_rest_is_kept() {
        let mut html = page(&[
            // No date line at all.
            card("Search", "Searched for&nbsp;<a href=\"https://www.google.com/search?q=a\">a</a>", PRODUCTS),
            // A date no language table knows.
            card("Search", "Searched for&nbsp;b<br>32 Brumaire 2018, 25:99", PRODUCTS),
            // Nothing to keep.
            card("Search", "", PRODUCTS),
            card("Search", "Searched for&nbsp;c<br>Mar 9, 2018, 1:00:00\u{202f}AM EST", PRODUCTS),
        ]);
        // The download broke off inside the last card.
        html.push_str(&card("Search", "Searched for&nbsp;d<br>Mar 9, 2018, 2:00:00\u{202f}AM EST", PRODUCTS)[..300]);
        let out = parse_html(&html, false);
        let titles: Vec<_> = out.records.iter().map(|r| (r.title.as_deref().unwrap(), r.ts.is_some(), r.position)).collect();
        assert_eq!(
            titles,
            [("Searched for a", false, 0), ("Searched for b", false, 1), ("Searched for c", true, 3), ("Searched for d", true, 4)]
        );
        let warnings: Vec<_> = out.warnings.iter().map(|w| (w.position, w.message.as_str())).collect();
        assert_eq!(warnings[0], (Some(0), "activity without a time"));
        assert!(warnings[1].1.contains("`32 Brumaire 2018, 25:99`"), "{warnings:?}");
        assert_eq!(warnings[2], (Some(2), "activity 2 skipped: no title and no link"));
        assert_eq!(warnings.len(), 3);
    }

    #[test]
    fn empty_and_cardless_pages_warn() {
        let out = parse_html("", false);
        assert!(out.records.is_empty());
        assert_eq!(out.warnings[0].message, "the file is empty (0 bytes)");
        let out = parse_html(&page(&[]), false);
        assert_eq!(out.warnings[0].message, "no activity cards in this page");
    }

    #[test]
    fn pages_are_known_by_their_head() {
        assert!(looks_like(page(&[card("Search", "x", "")]).as_bytes()));
        assert!(!looks_like(b"<html><body><p>Archive contents</p></body></html>"));
        assert!(!looks_like(br#"[{"header":"outer-cell"}]"#));
    }
}
