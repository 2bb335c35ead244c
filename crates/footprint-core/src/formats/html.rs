//! HTML exports, read as a stream: the pages platforms write when the user picks "HTML" (Meta's
//! download page offers it first; Takeout's My Activity defaults to it). One `MyActivity.html`
//! reaches hundreds of MB, so nothing here builds a document tree: html5ever's tokenizer (the
//! spec-exact tokenizer of Servo, already in the tree through Tauri) is fed 64 KiB at a time,
//! and its tokens are turned into two levels of events:
//!
//! - [`Events`]: start tags (with attributes), end tags and text, in document order, with
//!   entities decoded and `<script>`/`<style>` content kept out of the text;
//! - [`blocks`]: the page cut into records. A predicate picks the element that is one record
//!   (Google's `outer-cell` card, Meta's white box); everything inside it becomes [`Line`]s of
//!   visible text, cut where a browser would break the line (`<br>`, block elements, table
//!   cells), each with the links it holds and the child element ("cell") it sits in. Text is
//!   whitespace-collapsed as a browser shows it; no-break spaces are kept (Google's titles put
//!   one after the verb, as the JSON twin does).
//!
//! Memory is bounded by one record: a block holds at most [`MAX_BLOCK_TEXT`] bytes of text,
//! the rest of a longer one is dropped and the block is marked `truncated`. Imported HTML is
//! data, never markup: its text is kept as text and never rendered.

use crate::importer::ParseError;
use html5ever::tendril::StrTendril;
use html5ever::{local_name, Attribute, LocalName};
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::TokenizerResult;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Read;

/// Bytes read from the file per tokenizer feed.
const CHUNK: usize = 64 * 1024;

/// The most text one block keeps (a record is a few lines; a page that is one huge "record"
/// is damage or hostility, and must not fill memory).
pub const MAX_BLOCK_TEXT: usize = 256 * 1024;

/// A start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// Lowercase element name.
    pub name: String,
    /// Attributes in document order, names lowercase.
    pub attrs: Vec<(String, String)>,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The element's `class` attribute lists `class` (`has_class("outer-cell")` for
    /// `class="outer-cell mdl-cell"`).
    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|t| t == class))
    }
}

/// One step of an HTML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Start(Tag),
    /// Lowercase element name.
    End(String),
    /// Decoded character data, as written (not collapsed). Long text arrives in several pieces.
    Text(String),
}

/// Elements that never have content or an end tag.
fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area") | local_name!("base") | local_name!("br") | local_name!("col")
            | local_name!("embed") | local_name!("hr") | local_name!("img") | local_name!("input")
            | local_name!("keygen") | local_name!("link") | local_name!("meta") | local_name!("param")
            | local_name!("source") | local_name!("track") | local_name!("wbr")
    )
}

/// Elements whose start and end break the line of text, as a browser lays them out.
fn breaks_line(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("address") | local_name!("article") | local_name!("aside") | local_name!("blockquote")
            | local_name!("body") | local_name!("caption") | local_name!("dd") | local_name!("details")
            | local_name!("div") | local_name!("dl") | local_name!("dt") | local_name!("fieldset")
            | local_name!("figcaption") | local_name!("figure") | local_name!("footer") | local_name!("form")
            | local_name!("h1") | local_name!("h2") | local_name!("h3") | local_name!("h4") | local_name!("h5")
            | local_name!("h6") | local_name!("header") | local_name!("hr") | local_name!("li")
            | local_name!("main") | local_name!("nav") | local_name!("ol") | local_name!("p")
            | local_name!("pre") | local_name!("section") | local_name!("summary") | local_name!("table")
            | local_name!("tbody") | local_name!("td") | local_name!("tfoot") | local_name!("th")
            | local_name!("thead") | local_name!("tr") | local_name!("ul")
    )
}

/// Elements whose text is not visible.
fn is_invisible(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script") | local_name!("style") | local_name!("head") | local_name!("title")
            | local_name!("template") | local_name!("noscript")
    )
}

/// What the tokenizer's tokens are queued as: names as html5ever's interned atoms and text as
/// its tendrils, so reading a page allocates no `String` per tag, attribute or text run
/// ([`Events`] converts for its callers; [`blocks`] compares atoms).
enum Raw {
    Start { name: LocalName, attrs: Vec<Attribute> },
    End(LocalName),
    Text(StrTendril),
}

fn attr(attrs: &[Attribute], name: LocalName) -> Option<&str> {
    attrs.iter().find(|a| a.name.local == name).map(|a| &*a.value)
}

fn to_tag(name: &LocalName, attrs: &[Attribute]) -> Tag {
    Tag {
        name: name.to_string(),
        attrs: attrs.iter().map(|a| (a.name.local.to_string(), a.value.to_string())).collect(),
    }
}

/// Receives tokens from html5ever and queues them.
#[derive(Default)]
struct Queue {
    events: RefCell<VecDeque<Raw>>,
}

impl TokenSink for Queue {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut events = self.events.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => {
                    // The tokenizer alone does not know that these hold raw text (the tree
                    // builder tells it): without this, `<style>a<b{}</style>` would be tags.
                    let raw = match tag.name {
                        local_name!("script") => Some(RawKind::ScriptData),
                        local_name!("style") | local_name!("xmp") | local_name!("iframe")
                        | local_name!("noembed") | local_name!("noframes") => Some(RawKind::Rawtext),
                        local_name!("title") | local_name!("textarea") => Some(RawKind::Rcdata),
                        _ => None,
                    };
                    let void = is_void(&tag.name) || tag.self_closing;
                    events.push_back(Raw::Start { name: tag.name.clone(), attrs: tag.attrs });
                    if void {
                        events.push_back(Raw::End(tag.name));
                    }
                    if let Some(kind) = raw {
                        return TokenSinkResult::RawData(kind);
                    }
                }
                TagKind::EndTag => events.push_back(Raw::End(tag.name)),
            },
            Token::CharacterTokens(text) => match events.back_mut() {
                Some(Raw::Text(s)) => s.push_tendril(&text),
                _ => events.push_back(Raw::Text(text)),
            },
            // Comments, doctype, NUL characters and the tokenizer's parse errors carry no data.
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The tokens of an HTML document read from `R`, as [`Raw`] events.
struct RawEvents<R> {
    reader: R,
    tokenizer: Tokenizer<Queue>,
    input: BufferQueue,
    /// Bytes of a UTF-8 sequence cut by the chunk boundary.
    carry: Vec<u8>,
    buf: Vec<u8>,
    finished: bool,
}

impl<R: Read> RawEvents<R> {
    fn new(reader: R) -> Self {
        RawEvents {
            reader,
            tokenizer: Tokenizer::new(Queue::default(), TokenizerOpts { discard_bom: true, ..Default::default() }),
            input: BufferQueue::default(),
            carry: Vec::new(),
            buf: vec![0; CHUNK],
            finished: false,
        }
    }

    /// Read and tokenize the next chunk; false at the end of the input.
    fn fill(&mut self) -> std::io::Result<bool> {
        let n = loop {
            match self.reader.read(&mut self.buf) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        if n == 0 {
            if !self.carry.is_empty() {
                // A sequence cut by the end of the file.
                self.carry.clear();
                self.push_text("\u{FFFD}");
            }
            self.tokenizer.end();
            return Ok(false);
        }
        if self.carry.is_empty() {
            // The common case: the chunk is valid UTF-8 up to maybe a cut sequence at its end,
            // and goes to the tokenizer without another copy.
            if let Err(e) = std::str::from_utf8(&self.buf[..n]) {
                if e.error_len().is_none() {
                    let valid = e.valid_up_to();
                    let text = std::str::from_utf8(&self.buf[..valid]).expect("checked prefix");
                    self.input.push_back(StrTendril::from_slice(text));
                    self.carry.extend_from_slice(&self.buf[valid..n]);
                    self.feed();
                    return Ok(true);
                }
            } else {
                let text = std::str::from_utf8(&self.buf[..n]).expect("checked");
                self.input.push_back(StrTendril::from_slice(text));
                self.feed();
                return Ok(true);
            }
        }
        let mut bytes = std::mem::take(&mut self.carry);
        bytes.extend_from_slice(&self.buf[..n]);
        let text = decode_utf8(&mut bytes);
        self.carry = bytes;
        self.push_text(&text);
        Ok(true)
    }

    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.input.push_back(StrTendril::from_slice(text));
        self.feed();
    }

    fn feed(&mut self) {
        while let TokenizerResult::Script(()) = self.tokenizer.feed(&self.input) {}
    }
}

/// The longest valid UTF-8 prefix of `bytes` as text (invalid sequences as U+FFFD); `bytes`
/// keeps the start of a sequence the next chunk completes.
fn decode_utf8(bytes: &mut Vec<u8>) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut rest: &[u8] = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                rest = &[];
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(valid).expect("checked prefix"));
                match e.error_len() {
                    Some(bad) => {
                        out.push('\u{FFFD}');
                        rest = &after[bad..];
                    }
                    None => {
                        rest = after;
                        break;
                    }
                }
            }
        }
    }
    let keep = rest.to_vec();
    *bytes = keep;
    out
}

impl<R: Read> Iterator for RawEvents<R> {
    type Item = std::io::Result<Raw>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(e) = self.tokenizer.sink.events.borrow_mut().pop_front() {
                return Some(Ok(e));
            }
            if self.finished {
                return None;
            }
            match self.fill() {
                Ok(true) => {}
                Ok(false) => self.finished = true,
                Err(e) => {
                    self.finished = true;
                    return Some(Err(e));
                }
            }
        }
    }
}

/// The events of an HTML document read from `R`, in order.
pub struct Events<R>(RawEvents<R>);

impl<R: Read> Events<R> {
    pub fn new(reader: R) -> Self {
        Events(RawEvents::new(reader))
    }
}

impl<R: Read> Iterator for Events<R> {
    type Item = std::io::Result<Event>;

    fn next(&mut self) -> Option<Self::Item> {
        Some(self.0.next()?.map(|raw| match raw {
            Raw::Start { name, attrs } => Event::Start(to_tag(&name, &attrs)),
            Raw::End(name) => Event::End(name.to_string()),
            Raw::Text(text) => Event::Text(text.to_string()),
        }))
    }
}

/// A link inside a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub href: String,
    /// The link's visible text, collapsed.
    pub text: String,
}

/// One line of visible text inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Whitespace-collapsed and trimmed; never empty.
    pub text: String,
    pub links: Vec<Link>,
    /// Which block-level child element of the block root the line is in: 1 for the first,
    /// 2 for the second, ...; 0 for text directly inside the root (or in its inline children).
    pub cell: u32,
    /// The `class` attribute of that child element (empty if none).
    pub cell_class: String,
    /// Which table row (`<tr>`) of the block the line is in: 1 for the first row of the block,
    /// 0 outside rows. Lines of one row are a label and its values on Meta's pages.
    pub row: u32,
    /// Which list item (`<li>`) of the block the line is in, counted like `row`; 0 outside.
    pub item: u32,
}

/// One record-sized element of a page and its visible text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Block {
    /// 0 for the first block of the file.
    pub index: u64,
    /// The root element's `class` attribute.
    pub class: String,
    pub lines: Vec<Line>,
    /// The block had more than [`MAX_BLOCK_TEXT`] bytes of text; the rest was dropped.
    pub truncated: bool,
}

impl Block {
    /// The lines of the cell numbered `cell`.
    pub fn cell(&self, cell: u32) -> impl Iterator<Item = &Line> {
        self.lines.iter().filter(move |l| l.cell == cell)
    }

    /// Every link of the block, in order.
    pub fn links(&self) -> impl Iterator<Item = &Link> {
        self.lines.iter().flat_map(|l| l.links.iter())
    }
}

/// Cuts the text of one block into lines.
#[derive(Default)]
struct LineCutter {
    block: Block,
    current: String,
    /// The current line has pending whitespace before its next word.
    space: bool,
    links: Vec<Link>,
    cell: u32,
    cell_class: String,
    bytes: usize,
    /// An open `<a>`: its href and its text so far.
    link: Option<(String, String, bool)>,
    /// Rows and list items seen so far in the block, and the open ones (0: none open).
    rows: u32,
    row: u32,
    items: u32,
    item: u32,
    /// Row and item of the current line, taken when its first character arrives.
    line_row: u32,
    line_item: u32,
}

impl LineCutter {
    fn text(&mut self, s: &str) {
        for c in s.chars() {
            // HTML's collapsible whitespace; U+00A0 is not, and stays.
            let white = matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c');
            if let Some((_, text, link_space)) = self.link.as_mut() {
                if white {
                    *link_space = !text.is_empty();
                } else if self.bytes < MAX_BLOCK_TEXT {
                    if *link_space {
                        text.push(' ');
                        *link_space = false;
                    }
                    text.push(c);
                }
            }
            if white {
                self.space = !self.current.is_empty();
                continue;
            }
            if self.bytes >= MAX_BLOCK_TEXT {
                self.block.truncated = true;
                return;
            }
            if self.current.is_empty() {
                self.line_row = self.row;
                self.line_item = self.item;
            }
            if self.space {
                self.current.push(' ');
                self.space = false;
            }
            self.current.push(c);
            self.bytes += c.len_utf8();
        }
    }

    fn break_line(&mut self) {
        self.space = false;
        if self.current.is_empty() {
            return;
        }
        self.block.lines.push(Line {
            text: std::mem::take(&mut self.current),
            links: std::mem::take(&mut self.links),
            cell: self.cell,
            cell_class: self.cell_class.clone(),
            row: self.line_row,
            item: self.line_item,
        });
    }

    /// A `<tr>` or `<li>` starts (`open`) or ends.
    fn structure(&mut self, name: &LocalName, open: bool) {
        if *name == local_name!("tr") {
            if open {
                self.rows += 1;
                self.row = self.rows;
            } else {
                self.row = 0;
            }
        } else if *name == local_name!("li") {
            if open {
                self.items += 1;
                self.item = self.items;
            } else {
                self.item = 0;
            }
        }
    }

    fn open_link(&mut self, href: Option<&str>) {
        self.link = href.map(|h| (h.trim().to_string(), String::new(), false));
    }

    fn close_link(&mut self) {
        let Some((href, text, _)) = self.link.take() else { return };
        let link = Link { href, text };
        if !self.current.is_empty() {
            self.links.push(link);
        } else if let Some(last) = self.block.lines.last_mut() {
            // `<a><div>text</div></a>`: the div ended the line before the link ended.
            last.links.push(link);
        } else {
            self.links.push(link);
        }
    }

    fn finish(mut self) -> Block {
        self.close_link();
        self.break_line();
        self.block
    }
}

/// Read `reader` as HTML and hand every block to `each`: the elements `is_block` picks, each
/// with its lines of visible text. Blocks do not nest: inside a block, matching elements are
/// part of it. Text outside blocks is ignored. Returns how many blocks there were.
pub fn blocks<R: Read>(
    reader: R,
    mut is_block: impl FnMut(&Tag) -> bool,
    each: impl FnMut(Block) -> Result<(), ParseError>,
) -> Result<u64, ParseError> {
    blocks_within(reader, |tag, _parent| is_block(tag), each)
}

/// Like [`blocks`], but the predicate also sees the parent element's start tag (`None` at the
/// top level), so a page whose records are "every child of the main container" is cut by its
/// structure (`parent.attr("role") == Some("main")`) rather than by class names that change.
pub fn blocks_within<R: Read>(
    reader: R,
    mut is_block: impl FnMut(&Tag, Option<&Tag>) -> bool,
    mut each: impl FnMut(Block) -> Result<(), ParseError>,
) -> Result<u64, ParseError> {
    // Open elements: name, whether it is the block root, and (outside blocks only, where the
    // predicate needs its parent) the start tag.
    let mut stack: Vec<(LocalName, bool, Option<Tag>)> = Vec::new();
    // The open block: its cutter and the stack depth of its root.
    let mut open: Option<(LineCutter, usize)> = None;
    let mut invisible = 0usize;
    let mut count = 0u64;

    for event in RawEvents::new(reader) {
        match event? {
            Raw::Start { name, attrs } => {
                if name == local_name!("br") {
                    if let Some((cut, _)) = open.as_mut() {
                        cut.break_line();
                    }
                    continue;
                }
                if is_void(&name) {
                    continue; // its End follows at once and is ignored below
                }
                if is_invisible(&name) {
                    invisible += 1;
                }
                // Only tags outside blocks are offered to `is_block` (as a `Tag`, the one
                // allocation per tag left, a few per record).
                let outside = (open.is_none() && invisible == 0).then(|| to_tag(&name, &attrs));
                let parent = stack.last().and_then(|(_, _, t)| t.as_ref());
                match open.as_mut() {
                    None if outside.as_ref().is_some_and(|t| is_block(t, parent)) => {
                        let cut = LineCutter {
                            block: Block {
                                index: count,
                                class: attr(&attrs, local_name!("class")).unwrap_or_default().to_string(),
                                ..Default::default()
                            },
                            ..Default::default()
                        };
                        open = Some((cut, stack.len()));
                        stack.push((name, true, None));
                        continue;
                    }
                    None => {}
                    Some((cut, root)) => {
                        let breaks = breaks_line(&name);
                        if breaks {
                            cut.break_line();
                        }
                        if stack.len() == *root + 1 && breaks {
                            // A block child of the root: a new cell (an inline child, `<b>`,
                            // `<a>`, stays in the line it is in).
                            cut.cell += 1;
                            cut.cell_class.clear();
                            cut.cell_class.push_str(attr(&attrs, local_name!("class")).unwrap_or_default());
                        }
                        if name == local_name!("a") {
                            cut.close_link();
                            cut.open_link(attr(&attrs, local_name!("href")));
                        }
                        cut.structure(&name, true);
                    }
                }
                stack.push((name, false, outside));
            }
            Raw::End(name) => {
                if is_void(&name) {
                    continue;
                }
                // Pop up to the matching element (HTML lets end tags be omitted); a stray end
                // tag matches nothing and is ignored.
                let Some(at) = stack.iter().rposition(|(n, _, _)| *n == name) else { continue };
                while stack.len() > at {
                    let (popped, was_root, _) = stack.pop().expect("non-empty");
                    if is_invisible(&popped) {
                        invisible = invisible.saturating_sub(1);
                    }
                    if was_root {
                        let (cut, _) = open.take().expect("a root has a cutter");
                        each(cut.finish())?;
                        count += 1;
                        continue;
                    }
                    if let Some((cut, _)) = open.as_mut() {
                        if popped == local_name!("a") {
                            cut.close_link();
                        }
                        cut.structure(&popped, false);
                        if breaks_line(&popped) {
                            cut.break_line();
                        }
                    }
                }
            }
            Raw::Text(text) => {
                if invisible > 0 {
                    continue;
                }
                if let Some((cut, _)) = open.as_mut() {
                    cut.text(&text);
                }
            }
        }
    }
    // The file ended inside a block (truncated or unclosed): keep what it had.
    if let Some((cut, _)) = open.take() {
        each(cut.finish())?;
        count += 1;
    }
    Ok(count)
}

/// True when `head` starts like an HTML document (after a BOM and whitespace).
pub fn looks_like_html(head: &[u8]) -> bool {
    let head = super::strip_bom(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let lower: Vec<u8> = head[start..].iter().take(15).map(u8::to_ascii_lowercase).collect();
    lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") || lower.starts_with(b"<meta") || lower.starts_with(b"<head")
}

/// True when the first bytes of a page hold an element `is_it` picks (for recognizing a page
/// by its structure, e.g. a main container). A cut tag at the end of `head` is not seen.
pub fn head_has(head: &[u8], mut is_it: impl FnMut(&Tag) -> bool) -> bool {
    Events::new(head).any(|e| matches!(e, Ok(Event::Start(t)) if is_it(&t)))
}

/// The text of the page's `<title>`, collapsed, from its first bytes (for recognizing an HTML
/// file by content: Meta names each page after its JSON twin's topic).
pub fn page_title(head: &[u8]) -> Option<String> {
    let mut inside = false;
    let mut title = String::new();
    for event in Events::new(head) {
        match event.ok()? {
            Event::Start(t) if t.name == "title" => inside = true,
            Event::End(n) if n == "title" => break,
            Event::Text(s) if inside => title.push_str(&s),
            Event::Start(t) if t.name == "body" => break,
            _ => {}
        }
    }
    let collapsed = title.split_whitespace().collect::<Vec<_>>().join(" ");
    (!collapsed.is_empty()).then_some(collapsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_blocks(html: &str, class: &str) -> Vec<Block> {
        let mut out = Vec::new();
        blocks(html.as_bytes(), |t| t.has_class(class), |b| {
            out.push(b);
            Ok(())
        })
        .unwrap();
        out
    }

    fn texts(b: &Block) -> Vec<&str> {
        b.lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn events_decode_entities_and_keep_scripts_out() {
        let html = "<!DOCTYPE html><html><head><style>a<b{color:red}</style><script>if (a<b) x()</script></head>\
                    <body><p class=\"x y\">Fish &amp; chips&nbsp;&eacute;<br/>x</p></body></html>";
        let events: Vec<Event> = Events::new(html.as_bytes()).map(Result::unwrap).collect();
        assert!(events.contains(&Event::Text("a<b{color:red}".into())), "style is raw text: {events:?}");
        assert!(events.contains(&Event::Text("Fish & chips\u{a0}é".into())));
        let p = events.iter().find_map(|e| match e {
            Event::Start(t) if t.name == "p" => Some(t.clone()),
            _ => None,
        });
        assert!(p.unwrap().has_class("y"));
        assert!(!events.iter().any(|e| matches!(e, Event::Start(t) if t.name == "b")));
    }

    #[test]
    fn google_cards_become_lines_cells_and_links() {
        let html = r#"<html><body><div class="header">My Activity</div>
        <div class="outer-cell mdl-cell"><div class="mdl-grid">
          <div class="header-cell"><p class="mdl-typography--title">YouTube<br></p></div>
          <div class="content-cell mdl-typography--body-1">Watched&nbsp;<a href="https://www.youtube.com/watch?v=abc">How   to
             bake</a><br><a href="https://www.youtube.com/channel/C1">Baker</a><br>Mar 8, 2018, 5:14:40 PM EST</div>
          <div class="content-cell mdl-typography--caption"><b>Products:</b><br>&emsp;YouTube<br></div>
        </div></div>
        <div class="outer-cell"><div class="mdl-grid"><div class="content-cell">Searched for&nbsp;<a href="https://www.google.com/search?q=x">x</a><br>Mar 9, 2018</div></div></div>
        </body></html>"#;
        let b = all_blocks(html, "outer-cell");
        assert_eq!(b.len(), 2);
        assert_eq!(
            texts(&b[0]),
            ["YouTube", "Watched\u{a0}How to bake", "Baker", "Mar 8, 2018, 5:14:40 PM EST", "Products:", "\u{2003}YouTube"]
        );
        let watched = &b[0].lines[1];
        assert_eq!(watched.links, [Link { href: "https://www.youtube.com/watch?v=abc".into(), text: "How to bake".into() }]);
        // The root's only child is `mdl-grid`, so every line is in cell 1.
        assert!(b[0].lines.iter().all(|l| l.cell == 1 && l.cell_class == "mdl-grid"));
        assert_eq!(b[1].index, 1);
        assert_eq!(texts(&b[1]), ["Searched for\u{a0}x", "Mar 9, 2018"]);
    }

    #[test]
    fn meta_boxes_with_tables_and_links_around_blocks() {
        let html = r#"<div class="_a706"><div class="pam _3-95 uiBoxWhite"><div class="_2pim">Acme Shoes</div>
          <div class="_a6-p"><table><tr><td class="_2pin">Has your data file<div><div>Yes</div></div></td></tr>
          <tr><td>Remarketing</td><td>No</td></tr></table></div>
          <div class="_a6-o"><a href="https://acme.example"><div class="_a72d">Mar 08, 2018 5:14:40 pm</div></a></div></div>
          <div class="pam uiBoxWhite"><div>Second</div></div></div>"#;
        let b = all_blocks(html, "uiBoxWhite");
        assert_eq!(b.len(), 2);
        assert_eq!(texts(&b[0]), ["Acme Shoes", "Has your data file", "Yes", "Remarketing", "No", "Mar 08, 2018 5:14:40 pm"]);
        assert_eq!(b[0].lines.iter().map(|l| l.cell).collect::<Vec<_>>(), [1, 2, 2, 2, 2, 3]);
        assert_eq!(b[0].lines[5].links.len(), 1, "the link holding a div is kept on the div's line");
        assert_eq!(b[0].lines[5].links[0].href, "https://acme.example");
        assert_eq!(b[0].lines[0].cell_class, "_2pim");
        assert_eq!(texts(&b[1]), ["Second"]);
    }

    #[test]
    fn children_of_a_container_rows_and_list_items() {
        // Records picked by structure (every child of `role="main"`), not by class; rows and
        // list items say which label a value belongs to.
        let html = r#"<div class="_a705"><div class="_x1">Page header</div><div role="main">
          <div class="_q1"><div>Acme &amp; Co</div><div><table><tr><td>Has data file<div><div>Yes</div></div></td></tr>
          <tr><td>Lists<div><div>One</div><div>Two</div></div></td></tr></table>
          <ul><li>👍 Sam</li><li>❤ Kim</li></ul></div><div>Mar 08, 2018 5:14:40 pm</div></div>
          <div class="_q2"><div>Second</div></div></div></div>"#;
        let mut out = Vec::new();
        blocks_within(html.as_bytes(), |_, parent| parent.is_some_and(|p| p.attr("role") == Some("main")), |b| {
            out.push(b);
            Ok(())
        })
        .unwrap();
        assert_eq!(out.len(), 2, "the header is not a record");
        let b = &out[0];
        assert_eq!(texts(b), ["Acme & Co", "Has data file", "Yes", "Lists", "One", "Two", "👍 Sam", "❤ Kim", "Mar 08, 2018 5:14:40 pm"]);
        assert_eq!(b.lines.iter().map(|l| l.row).collect::<Vec<_>>(), [0, 1, 1, 2, 2, 2, 0, 0, 0]);
        assert_eq!(b.lines.iter().map(|l| l.item).collect::<Vec<_>>(), [0, 0, 0, 0, 0, 0, 1, 2, 0]);
        assert_eq!(texts(&out[1]), ["Second"]);
    }

    #[test]
    fn unclosed_and_stray_tags_and_a_cut_file() {
        // Omitted `</p>`, a stray `</span>`, and a file that ends inside the second block.
        let html = r#"<div class="r"><p>one<p>two</span></div><div class="r">three <b>four"#;
        let b = all_blocks(html, "r");
        assert_eq!(texts(&b[0]), ["one", "two"]);
        assert_eq!(texts(&b[1]), ["three four"]);
    }

    #[test]
    fn chunk_boundaries_do_not_cut_characters_or_words() {
        // Multi-byte characters across the 64 KiB chunk boundary, and invalid bytes.
        let mut html = String::from("<div class=\"r\">");
        while html.len() < CHUNK * 2 {
            html.push_str("é€𝄞 ");
        }
        html.push_str("</div>");
        let mut bytes = html.into_bytes();
        bytes.extend_from_slice(b"<div class=\"r\">bad \xff byte</div>");
        let mut out = Vec::new();
        blocks(&bytes[..], |t| t.has_class("r"), |b| {
            out.push(b);
            Ok(())
        })
        .unwrap();
        assert!(out[0].lines[0].text.split(' ').all(|w| w == "é€𝄞"), "no broken character");
        assert_eq!(out[1].lines[0].text, "bad \u{FFFD} byte");
    }

    #[test]
    fn a_huge_block_is_cut_not_kept() {
        let mut html = String::from("<div class=\"r\">");
        for _ in 0..(MAX_BLOCK_TEXT / 10 + 10_000) {
            html.push_str("0123456789<br>");
        }
        html.push_str("</div>");
        let b = all_blocks(&html, "r");
        assert!(b[0].truncated);
        assert!(b[0].lines.iter().map(|l| l.text.len()).sum::<usize>() <= MAX_BLOCK_TEXT);
    }

    #[test]
    fn title_and_html_sniffing() {
        let head = b"\xEF\xBB\xBF\n<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Advertisers using\n your activity</title></head><body>";
        assert!(looks_like_html(head));
        assert_eq!(page_title(head).as_deref(), Some("Advertisers using your activity"));
        assert!(!looks_like_html(b"{\"a\": 1}"));
        assert_eq!(page_title(b"<html><body>no title</body>"), None);
        assert!(head_has(head_with_main(), |t| t.attr("role") == Some("main")));
        assert!(!head_has(b"<html><body><div class=main>", |t| t.attr("role") == Some("main")));
    }

    fn head_with_main() -> &'static [u8] {
        b"<html><head><title>x</title></head><body><div><div role=\"main\"><div>"
    }
}
