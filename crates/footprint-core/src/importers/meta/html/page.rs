//! One Meta HTML page read as a stream of record boxes.
//!
//! A box is found by structure: an element child of the page's main container
//! (`role="main"`), or, on pages without one, a `uiBoxWhite` box (the one class name every
//! generation of Meta's pages kept). Inside it, parts are told by position: the first cell is
//! the title, a last cell after the content is the footer with the date, the cells between
//! are the content, whose table rows are label/value pairs (the first line of a row is its
//! label, the others its values) and whose list items are a list (a message's reactions).
//! Memory stays bounded by one box (`formats::html`).

use crate::formats::html::{self, Block, Link, Tag};
use crate::importer::{ImportCx, ParseError};
use std::io::Read;

/// One label and its values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub label: String,
    pub values: Vec<String>,
    /// The links of the value lines (href), in order.
    pub links: Vec<String>,
}

/// One record box of a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetaBox {
    /// 0 for the first box of the page.
    pub index: u64,
    pub title: Option<String>,
    /// Content lines outside rows and lists (a message, a post's text).
    pub text: Vec<String>,
    pub rows: Vec<Row>,
    pub list: Vec<String>,
    /// Every link of the box, in order (shared articles, media).
    pub links: Vec<Link>,
    /// The footer's date, UTC epoch ms (seconds precision).
    pub ts: Option<i64>,
}

/// Media file extensions: a link to one of these is the record's photo or video.
const MEDIA_EXT: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "heic", "mp4", "mov", "m4v", "webm", "mp3", "m4a", "aac", "wav", "ogg", "opus", "pdf"];

impl MetaBox {
    /// The first row whose label passes `is_label`.
    pub fn row(&self, is_label: impl Fn(&str) -> bool) -> Option<&Row> {
        self.rows.iter().find(|r| is_label(&r.label))
    }

    /// The first value of the first row whose label passes `is_label`.
    pub fn value(&self, is_label: impl Fn(&str) -> bool) -> Option<&str> {
        self.row(is_label).and_then(|r| r.values.first()).map(String::as_str)
    }

    /// Links to the archive's media files (photos, videos), in order.
    pub fn media(&self) -> Vec<String> {
        self.links
            .iter()
            .map(|l| l.href.clone())
            .filter(|h| !h.contains("://") && h.rsplit_once('.').is_some_and(|(_, e)| MEDIA_EXT.contains(&e.to_ascii_lowercase().as_str())))
            .collect()
    }

    /// Links to the web (a shared article, a post's URL), in order.
    pub fn web_links(&self) -> Vec<String> {
        self.links.iter().map(|l| l.href.clone()).filter(|h| h.starts_with("http://") || h.starts_with("https://")).collect()
    }

    /// The content text joined with newlines, if any.
    pub fn text_joined(&self) -> Option<String> {
        (!self.text.is_empty()).then(|| self.text.join("\n"))
    }
}

/// The element that is one record: a child of the main container, or a white box.
fn is_box(tag: &Tag, parent: Option<&Tag>) -> bool {
    parent.is_some_and(|p| p.attr("role") == Some("main")) || (tag.name == "div" && tag.has_class("uiBoxWhite"))
}

/// A localized date as the pages print it, as epoch ms.
pub fn date_of(text: &str) -> Option<i64> {
    crate::time::localized::parse(text)
}

/// Cut a block into its parts.
fn to_box(b: Block, cx: &mut ImportCx<'_>) -> MetaBox {
    let last_cell = b.lines.iter().map(|l| l.cell).max().unwrap_or(0);
    let mut m = MetaBox { index: b.index, ..Default::default() };
    if b.truncated {
        cx.warn(Some(b.index), format!("box {}: longer than the reader keeps; the rest was dropped", b.index));
    }
    m.links = b.links().cloned().collect();
    // The footer: a last cell after the title holding no rows, after the content (3rd cell
    // or later) or, when the content cell is missing, holding only dates.
    let footer = (last_cell >= 2
        && b.cell(last_cell).all(|l| l.row == 0)
        && (last_cell >= 3 || b.cell(last_cell).all(|l| date_of(&l.text).is_some())))
    .then_some(last_cell);
    let mut rows: Vec<(u32, Row)> = Vec::new();
    let mut title = Vec::new();
    for line in &b.lines {
        if Some(line.cell) == footer {
            if m.ts.is_none() {
                m.ts = date_of(&line.text);
                if m.ts.is_none() {
                    cx.warn(Some(b.index), format!("box {}: date `{}` not understood; kept without a date", b.index, line.text));
                }
            }
            continue;
        }
        if line.cell == 1 && line.row == 0 && line.item == 0 {
            title.push(line.text.as_str());
            continue;
        }
        if line.row > 0 {
            match rows.last_mut() {
                Some((r, row)) if *r == line.row => {
                    row.values.push(line.text.clone());
                    row.links.extend(line.links.iter().map(|l| l.href.clone()));
                }
                _ => rows.push((line.row, Row { label: line.text.clone(), ..Default::default() })),
            }
            continue;
        }
        if line.item > 0 {
            m.list.push(line.text.clone());
            continue;
        }
        // A line that is only a link (a shared article) is a link, not text.
        if line.links.iter().any(|l| l.text == line.text) {
            continue;
        }
        m.text.push(line.text.clone());
    }
    m.title = (!title.is_empty()).then(|| title.join(" "));
    m.rows = rows.into_iter().map(|(_, r)| r).collect();
    m
}

/// Read every box of a page and hand it to `each`. Returns how many boxes there were.
pub fn each_box(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
    mut each: impl FnMut(&mut ImportCx<'_>, MetaBox) -> Result<(), ParseError>,
) -> Result<u64, ParseError> {
    html::blocks_within(reader, is_box, |block| {
        let b = to_box(block, cx);
        each(cx, b)
    })
}

/// Read every box of a small page into memory (profile pages).
pub fn all_boxes(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<Vec<MetaBox>, ParseError> {
    let mut out = Vec::new();
    each_box(reader, cx, |_, b| {
        out.push(b);
        Ok(())
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Ads</title><style>._a6-g{border:0}</style></head><body>
      <div class="_a705"><div class="_a70d"><div class="_a70e">Ads</div></div><div class="_a706" role="main">
      <div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder"><div class="_3-95 _2pim _a6-h _a6-i">H&amp;M</div>
        <div class="_3-95 _a6-p"><div><div></div><div>Hello<br />there</div><div><div><a href="https://example.com/a">https://example.com/a</a></div>
        <div><a href="photos/1.jpg"><img src="photos/1.jpg" /></a></div></div>
        <table><tr><td class="_2pin">Has data file custom audience<div><div>Yes</div></div><tr><td>Lists<div><div>A</div><div>B</div></div></table>
        <div><ul><li>👍Sam</li></ul></div></div></div>
        <div class="_3-94 _a6-o"><div class="_a72d">Mar 08, 2018 5:14:40 pm</div></div></div>
      <div class="_q"><div class="_t"></div><div class="_c">Only content</div><div class="_f">not a date</div></div>
      </div></div></body></html>"#;

    #[test]
    fn boxes_by_structure_with_rows_lists_links_and_dates() {
        let mut sink = MemorySink::default();
        let mut cx = ImportCx::new("ads.html", &mut sink);
        let boxes = all_boxes(&mut PAGE.as_bytes(), &mut cx).unwrap();
        assert_eq!(boxes.len(), 2);
        let b = &boxes[0];
        assert_eq!(b.title.as_deref(), Some("H&M"));
        assert_eq!(b.text, ["Hello", "there"]);
        assert_eq!(b.rows.len(), 2, "unclosed rows still end at the next row");
        assert_eq!(b.value(|l| l.starts_with("Has data")), Some("Yes"));
        assert_eq!(b.rows[1].values, ["A", "B"]);
        assert_eq!(b.list, ["👍Sam"]);
        assert_eq!(b.web_links(), ["https://example.com/a"]);
        assert_eq!(b.media(), ["photos/1.jpg"]);
        assert_eq!(b.ts, crate::time::civil_ms(2018, 3, 8, 17, 14, 40));
        // A box with other classes, found as a child of the main container; a footer that is
        // no date is a warning and the record has no date.
        let c = &boxes[1];
        assert_eq!(c.title, None);
        assert_eq!(c.text, ["Only content"]);
        assert_eq!(c.ts, None);
        drop(cx);
        assert_eq!(sink.warnings.len(), 1);
        assert!(sink.warnings[0].message.contains("not a date"), "{:?}", sink.warnings);
    }
}
