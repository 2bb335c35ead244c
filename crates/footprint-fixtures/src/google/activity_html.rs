//! My Activity as HTML, Takeout's default format: one page of cards per product, written from
//! the same elements as the JSON (so one seed gives one set of records in either format).
//!
//! Facts (FORMATS.md, google_takeout_parser's HTML reader): a page is a style block and a
//! grid of cards; a card is `div.outer-cell > div.mdl-grid` holding a `header-cell` with the
//! product, a `content-cell mdl-typography--body-1` with the title (its object linked:
//! `Watched&nbsp;<a href=…>video</a>`), subtitle lines and the localized date line, an empty
//! `mdl-typography--text-right` cell, and a `mdl-typography--caption` cell with `Products:`,
//! `Details:` and `Why is this here?` (labels in the account's language, values indented with
//! `&emsp;`). Titles and links are HTML-escaped (`&amp;`, `&lt;`).
//!
//! Mess on request ([`Mess`]): a card without its date, a card whose date no reader knows,
//! and a last card cut off in the middle (a download that broke off).

use crate::html_dates::{self, Lang};
use serde_json::Value;
use std::io::{self, Write};

/// Damage to write into a page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mess {
    /// Card 1 has no date line; card 2's date is unreadable; the file ends inside the last card.
    pub damaged_cards: bool,
}

/// The caption labels and the "why" sentence, per language (only English is confirmed; the
/// others follow Google's wording in those languages, ~).
fn labels(lang: Lang) -> (&'static str, &'static str, &'static str) {
    match lang {
        Lang::De => ("Produkte:", "Details:", "Warum wird das angezeigt?"),
        Lang::Fr => ("Produits\u{a0}:", "Détails\u{a0}:", "Pourquoi cette activité s'affiche-t-elle\u{a0}?"),
        Lang::Es => ("Productos:", "Detalles:", "¿Por qué aparece esto?"),
        Lang::It => ("Prodotti:", "Dettagli:", "Perché viene visualizzata questa attività?"),
        Lang::Nl => ("Producten:", "Details:", "Waarom staat dit hier?"),
        Lang::Pt => ("Produtos:", "Detalhes:", "Por que isto está aqui?"),
        Lang::Pl => ("Usługi:", "Szczegóły:", "Dlaczego to widzę?"),
        Lang::En => ("Products:", "Details:", "Why is this here?"),
    }
}

/// Title verbs the generator writes before their object (`Searched for`), per language;
/// other titles put the object first (`Wetter aufgerufen`).
const PREFIX_VERBS: &[&str] = &[
    "Searched for", "Visited", "Watched", "Viewed", "Gesucht nach:", "Vous avez recherché",
    "Vous avez consulté", "Vous avez regardé", "Has buscado", "Has visitado", "Has visto",
];

/// Text as HTML: `&`, `<`, `>` escaped (quotes too, for attributes).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
    out
}

fn link(href: &str, text: &str) -> String {
    format!("<a href=\"{}\">{}</a>", escape(href), escape(text))
}

/// The title line: the object linked, the verb as text, U+00A0 between them as `&nbsp;`.
fn title_line(title: &str, url: Option<&str>) -> String {
    let Some(url) = url else { return escape(title) };
    match title.split_once('\u{a0}') {
        Some((verb, object)) if PREFIX_VERBS.contains(&verb) => {
            format!("{}&nbsp;{}", escape(verb), link(url, object))
        }
        Some((object, verb)) => format!("{}&nbsp;{}", link(url, object), escape(verb)),
        None => link(url, title),
    }
}

/// The page up to the first card.
pub fn page_head(page_title: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">\
         <title>{}</title><style type=\"text/css\">body{{margin:0;font-family:Roboto,Arial,sans-serif}}\
         .mdl-grid{{display:flex;flex-flow:row wrap;padding:8px}}.mdl-cell{{margin:8px}}\
         .mdl-cell--12-col{{width:calc(100% - 16px)}}.mdl-cell--6-col{{width:calc(50% - 16px)}}\
         .mdl-shadow--2dp{{box-shadow:0 2px 2px 0 rgba(0,0,0,.14)}}.mdl-typography--title{{font-size:20px;font-weight:500}}\
         .mdl-typography--body-1{{font-size:14px}}.mdl-typography--caption{{font-size:12px;color:rgba(0,0,0,.54)}}\
         .mdl-typography--text-right{{text-align:right}}.header-cell{{margin-bottom:0}}</style></head>\
         <body><div class=\"mdl-grid\">",
        escape(page_title)
    )
}

pub const PAGE_TAIL: &str = "</div></body></html>";

/// The date line of an element's ISO `time`, or `None` when it has none.
fn date_line(v: &Value, lang: Lang) -> Option<String> {
    let time = v["time"].as_str()?;
    let ms = chrono::DateTime::parse_from_rfc3339(time).ok()?.timestamp_millis();
    Some(html_dates::google(ms, lang))
}

/// One element of My Activity JSON as its card. `date` overrides the element's date line
/// (`Some(None)`: no date line at all).
pub fn card(v: &Value, lang: Lang, date: Option<Option<&str>>) -> String {
    let s = |k: &str| v[k].as_str();
    let header = s("header").unwrap_or("");
    let (products_label, details_label, why_label) = labels(lang);
    let mut body = title_line(s("title").unwrap_or(""), s("titleUrl"));
    body.push_str("<br>");
    for sub in v["subtitles"].as_array().into_iter().flatten() {
        let name = sub["name"].as_str().unwrap_or("");
        match sub["url"].as_str() {
            Some(url) => body.push_str(&link(url, name)),
            None => body.push_str(&escape(name)),
        }
        body.push_str("<br>");
    }
    let own_date = date_line(v, lang);
    if let Some(d) = date.unwrap_or(own_date.as_deref()) {
        body.push_str(&escape(d));
    }
    let mut caption = format!("<b>{}</b><br>", escape(products_label));
    for p in v["products"].as_array().into_iter().flatten() {
        caption.push_str(&format!("&emsp;{}<br>", escape(p.as_str().unwrap_or(""))));
    }
    let details: Vec<&str> = v["details"].as_array().into_iter().flatten().filter_map(|d| d["name"].as_str()).collect();
    if !details.is_empty() {
        caption.push_str(&format!("<b>{}</b><br>", escape(details_label)));
        for d in details {
            caption.push_str(&format!("&emsp;{}<br>", escape(d)));
        }
    }
    let controls: Vec<&str> = v["activityControls"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    if !controls.is_empty() {
        caption.push_str(&format!(
            "<b>{}</b><br>&emsp;This activity was saved to your Google Account because the following settings were on:&emsp;{}.&emsp;You can control these settings &emsp;<a href=\"https://myaccount.google.com/activitycontrols\">here</a>.",
            escape(why_label),
            escape(&controls.join(", "))
        ));
    }
    format!(
        "<div class=\"outer-cell mdl-cell mdl-cell--12-col mdl-shadow--2dp\"><div class=\"mdl-grid\">\
         <div class=\"header-cell mdl-cell mdl-cell--12-col\"><p class=\"mdl-typography--title\">{}<br></p></div>\
         <div class=\"content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1\">{body}</div>\
         <div class=\"content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1 mdl-typography--text-right\"></div>\
         <div class=\"content-cell mdl-cell mdl-cell--12-col mdl-typography--caption\">{caption}</div></div></div>\n",
        escape(header)
    )
}

/// Write a page of `count` cards made from the elements `item` gives (streamed: a benchmark
/// page holds hundreds of thousands).
pub fn write_page(
    out: &mut dyn Write,
    page_title: &str,
    lang: Lang,
    count: usize,
    mess: Mess,
    mut item: impl FnMut(usize) -> Value,
) -> io::Result<()> {
    let mut buf = io::BufWriter::with_capacity(1 << 16, out);
    buf.write_all(page_head(page_title).as_bytes())?;
    // Damage needs a few cards to land on distinct ones.
    let damaged = mess.damaged_cards && count >= 4;
    for i in 0..count {
        let v = item(i);
        let date = match i {
            1 if damaged => Some(None),
            2 if damaged => Some(Some("32 Brumaire an CCXXXII, 25:61")),
            _ => None,
        };
        let html = card(&v, lang, date);
        if damaged && i + 1 == count {
            // Cut inside the caption: the title and date survive, the products do not.
            let cut = html.find("mdl-typography--caption").unwrap_or(html.len() / 2);
            buf.write_all(&html.as_bytes()[..cut + 30])?;
            return buf.flush();
        }
        buf.write_all(html.as_bytes())?;
    }
    buf.write_all(PAGE_TAIL.as_bytes())?;
    buf.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cards_escape_text_and_link_the_object() {
        let v = json!({"header": "Search", "title": "Searched for\u{a0}fish & chips <3",
            "titleUrl": "https://www.google.com/search?q=fish+%26+chips&hl=en", "time": "2024-02-01T10:00:00.250Z",
            "products": ["Search"], "details": [{"name": "From your device"}], "activityControls": ["Web & App Activity"]});
        let c = card(&v, Lang::En, None);
        assert!(c.contains("Searched for&nbsp;<a href=\"https://www.google.com/search?q=fish+%26+chips&amp;hl=en\">fish &amp; chips &lt;3</a><br>Feb 1, 2024, 5:00:00\u{202f}AM EST</div>"), "{c}");
        assert!(c.contains("<b>Products:</b><br>&emsp;Search<br><b>Details:</b><br>&emsp;From your device<br><b>Why is this here?</b>"));
        let de = json!({"header": "Maps", "title": "Café Linde\u{a0}aufgerufen", "titleUrl": "https://maps.example/x", "time": "2024-02-01T10:00:00Z", "products": ["Maps"]});
        let c = card(&de, Lang::De, None);
        assert!(c.contains("<a href=\"https://maps.example/x\">Café Linde</a>&nbsp;aufgerufen<br>01.02.2024, 11:00:00 MEZ"), "{c}");
        assert!(c.contains("<b>Produkte:</b>"));
    }

    #[test]
    fn damaged_pages() {
        let mut out = Vec::new();
        let item = |i: usize| json!({"header": "Search", "title": format!("Searched for\u{a0}q{i}"), "time": "2024-02-01T10:00:00Z", "products": ["Search"]});
        write_page(&mut out, "My Activity", Lang::En, 5, Mess { damaged_cards: true }, item).unwrap();
        let page = String::from_utf8(out).unwrap();
        assert_eq!(page.matches("outer-cell").count(), 5);
        assert!(page.contains("q1<br></div>"), "card 1 has no date");
        assert!(page.contains("Brumaire"));
        assert!(!page.ends_with(PAGE_TAIL), "the file ends inside the last card");
    }
}
