//! Letters as PDF: A4, Helvetica (one of the 14 fonts every PDF reader has, so no font file is
//! embedded), laid out here with the font's real character widths.
//!
//! Text is encoded in WinAnsiEncoding, which covers English and the Western European accents;
//! other characters are transliterated (`deunicode`) so nothing is silently dropped. The output
//! is deterministic (no creation date), so the same letter always gives the same bytes.

mod metrics;

use crate::letter::Letter;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN_L: f32 = 72.0;
const MARGIN_R: f32 = 72.0;
const MARGIN_TOP: f32 = 64.0;
/// Space kept free at the bottom for the footer.
const MARGIN_BOTTOM: f32 = 80.0;
const BODY_SIZE: f32 = 10.5;
const LEADING: f32 = 14.2;
const PARA_GAP: f32 = 7.0;
const BULLET_INDENT: f32 = 14.0;
const FOOTER_SIZE: f32 = 7.5;

#[derive(Clone, Copy, PartialEq)]
enum Font {
    Regular,
    Bold,
}

impl Font {
    fn name(self) -> Name<'static> {
        match self {
            Font::Regular => Name(b"F1"),
            Font::Bold => Name(b"F2"),
        }
    }

    fn widths(self) -> &'static [u16; 256] {
        match self {
            Font::Regular => &metrics::HELVETICA,
            Font::Bold => &metrics::HELVETICA_BOLD,
        }
    }
}

/// One line of text placed on a page.
struct Placed {
    x: f32,
    y: f32,
    font: Font,
    size: f32,
    gray: f32,
    bytes: Vec<u8>,
}

/// Renders the letter as a PDF file.
pub fn to_pdf(letter: &Letter) -> Vec<u8> {
    let mut layout = Layout::new();
    layout.block(&letter.sender, Font::Regular, BODY_SIZE - 1.0, 0.25);
    if !letter.sender.is_empty() {
        layout.gap(LEADING * 1.5);
    }
    layout.block(&letter.recipient, Font::Regular, BODY_SIZE, 0.0);
    layout.gap(LEADING);
    layout.right_aligned(&letter.date_text, Font::Regular, BODY_SIZE);
    layout.gap(LEADING);
    layout.paragraph(&letter.subject, Font::Bold, BODY_SIZE + 0.5, 0.0, 0.0);
    layout.gap(PARA_GAP + 4.0);
    for para in letter.body.split("\n\n") {
        for (i, line) in para.lines().enumerate() {
            match line.strip_prefix("- ") {
                Some(item) => layout.bullet(item),
                None => {
                    // Keep the closing formula and the name apart, as for a signature.
                    if i > 0 && para.starts_with(letter.lang.wording().closing()) {
                        layout.gap(LEADING * 1.2);
                    }
                    layout.paragraph(line, Font::Regular, BODY_SIZE, 0.0, 0.0)
                }
            }
        }
        layout.gap(PARA_GAP);
    }
    write(letter, layout.finish())
}

struct Layout {
    pages: Vec<Vec<Placed>>,
    y: f32,
}

impl Layout {
    fn new() -> Self {
        Layout {
            pages: vec![Vec::new()],
            y: PAGE_H - MARGIN_TOP,
        }
    }

    fn gap(&mut self, h: f32) {
        self.y -= h;
    }

    fn ensure_room(&mut self, h: f32) {
        if self.y - h < MARGIN_BOTTOM {
            self.pages.push(Vec::new());
            self.y = PAGE_H - MARGIN_TOP;
        }
    }

    fn put(&mut self, x: f32, font: Font, size: f32, gray: f32, bytes: Vec<u8>) {
        let leading = size * LEADING / BODY_SIZE;
        self.ensure_room(leading);
        self.y -= leading;
        let y = self.y;
        self.pages.last_mut().expect("a page").push(Placed {
            x,
            y,
            font,
            size,
            gray,
            bytes,
        });
    }

    fn block(&mut self, lines: &[String], font: Font, size: f32, gray: f32) {
        for l in lines {
            self.paragraph(l, font, size, gray, 0.0);
        }
    }

    fn right_aligned(&mut self, text: &str, font: Font, size: f32) {
        let bytes = encode(text);
        let w = width(&bytes, font, size);
        self.put(PAGE_W - MARGIN_R - w, font, size, 0.0, bytes);
    }

    fn paragraph(&mut self, text: &str, font: Font, size: f32, gray: f32, indent: f32) {
        let max = PAGE_W - MARGIN_L - MARGIN_R - indent;
        for line in wrap(&encode(text), font, size, max) {
            self.put(MARGIN_L + indent, font, size, gray, line);
        }
    }

    fn bullet(&mut self, text: &str) {
        let max = PAGE_W - MARGIN_L - MARGIN_R - BULLET_INDENT;
        let lines = wrap(&encode(text), Font::Regular, BODY_SIZE, max);
        for (i, line) in lines.into_iter().enumerate() {
            self.put(
                MARGIN_L + BULLET_INDENT,
                Font::Regular,
                BODY_SIZE,
                0.0,
                line,
            );
            if i == 0 {
                let y = self.y;
                self.pages.last_mut().expect("a page").push(Placed {
                    x: MARGIN_L + 3.0,
                    y,
                    font: Font::Regular,
                    size: BODY_SIZE,
                    gray: 0.0,
                    bytes: vec![0x95], // bullet
                });
            }
        }
        self.y -= 2.0;
    }

    fn finish(self) -> Vec<Vec<Placed>> {
        self.pages
    }
}

fn write(letter: &Letter, pages: Vec<Vec<Placed>>) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let first_page = 10;
    let total = pages.len();
    let page_ids: Vec<Ref> = (0..total)
        .map(|i| Ref::new(first_page + 2 * i as i32))
        .collect();

    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(total as i32);
    pdf.type1_font(regular)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.document_info(info)
        .title(TextStr(&letter.subject))
        .creator(TextStr("Footprint"))
        .subject(TextStr(&letter.notice));

    for (n, placed) in pages.into_iter().enumerate() {
        let page_id = page_ids[n];
        let content_id = Ref::new(page_id.get() + 1);
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
        page.parent(tree);
        page.contents(content_id);
        page.resources()
            .fonts()
            .pair(Font::Regular.name(), regular)
            .pair(Font::Bold.name(), bold);
        page.finish();

        let mut c = Content::new();
        for p in placed {
            text(&mut c, p.x, p.y, p.font, p.size, p.gray, &p.bytes);
        }
        // Footer: a thin rule, the notice and the reference with the page number.
        c.set_stroke_gray(0.6);
        c.set_line_width(0.4);
        c.move_to(MARGIN_L, 52.0);
        c.line_to(PAGE_W - MARGIN_R, 52.0);
        c.stroke();
        let notice = encode(&letter.notice);
        let max = PAGE_W - MARGIN_L - MARGIN_R;
        let mut y = 42.0;
        for line in wrap(&notice, Font::Regular, FOOTER_SIZE, max) {
            text(&mut c, MARGIN_L, y, Font::Regular, FOOTER_SIZE, 0.35, &line);
            y -= FOOTER_SIZE + 2.0;
        }
        let page_label = encode(&letter.lang.wording().page_label(
            &letter.reference,
            n + 1,
            total,
        ));
        let w = width(&page_label, Font::Regular, FOOTER_SIZE);
        text(
            &mut c,
            PAGE_W - MARGIN_R - w,
            y,
            Font::Regular,
            FOOTER_SIZE,
            0.35,
            &page_label,
        );
        pdf.stream(content_id, &c.finish());
    }
    pdf.finish()
}

fn text(c: &mut Content, x: f32, y: f32, font: Font, size: f32, gray: f32, bytes: &[u8]) {
    c.set_fill_gray(gray);
    c.begin_text();
    c.set_font(font.name(), size);
    c.next_line(x, y);
    c.show(Str(bytes));
    c.end_text();
}

/// Width of WinAnsi bytes in points.
fn width(bytes: &[u8], font: Font, size: f32) -> f32 {
    let w = font.widths();
    bytes.iter().map(|b| f32::from(w[*b as usize])).sum::<f32>() * size / 1000.0
}

/// Greedy line breaking at spaces; a word longer than the line (a URL, a file path) is broken
/// after `/`, `_` or `.` where possible, else anywhere.
fn wrap(bytes: &[u8], font: Font, size: f32, max: f32) -> Vec<Vec<u8>> {
    let mut lines = Vec::new();
    let mut line: Vec<u8> = Vec::new();
    for word in bytes.split(|b| *b == b' ').filter(|w| !w.is_empty()) {
        let candidate_w = width(&line, font, size)
            + if line.is_empty() {
                0.0
            } else {
                width(b" ", font, size)
            }
            + width(word, font, size);
        if candidate_w <= max {
            if !line.is_empty() {
                line.push(b' ');
            }
            line.extend_from_slice(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut rest = word;
        while width(rest, font, size) > max {
            let cut = break_point(rest, font, size, max);
            lines.push(rest[..cut].to_vec());
            rest = &rest[cut..];
        }
        line.extend_from_slice(rest);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn break_point(word: &[u8], font: Font, size: f32, max: f32) -> usize {
    let mut fit = 1;
    for i in 1..=word.len() {
        if width(&word[..i], font, size) > max {
            break;
        }
        fit = i;
    }
    word[..fit]
        .iter()
        .rposition(|b| matches!(b, b'/' | b'_' | b'.' | b'-'))
        .map(|p| p + 1)
        .filter(|p| *p > fit / 2)
        .unwrap_or(fit)
}

/// UTF-8 text to WinAnsiEncoding bytes; characters outside it are transliterated.
pub(crate) fn encode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        match winansi(c) {
            Some(b) => out.push(b),
            None => {
                let mut buf = [0u8; 4];
                let ascii = deunicode::deunicode(c.encode_utf8(&mut buf));
                if ascii.is_empty() {
                    out.push(b'?');
                }
                out.extend(ascii.chars().map(|a| winansi(a).unwrap_or(b'?')));
            }
        }
    }
    out
}

fn winansi(c: char) -> Option<u8> {
    let u = c as u32;
    match u {
        0x20..=0x7E => Some(u as u8),
        0xA0..=0xFF => Some(u as u8),
        _ => Some(match c {
            '\t' => b' ',
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8A,
            '‹' => 0x8B,
            'Œ' => 0x8C,
            'Ž' => 0x8E,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9A,
            '›' => 0x9B,
            'œ' => 0x9C,
            'ž' => 0x9E,
            'Ÿ' => 0x9F,
            _ => return None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_western_accents_and_transliterates_the_rest() {
        assert_eq!(encode("é€"), vec![0xE9, 0x80]);
        // Ł and ź are outside WinAnsi (transliterated), ó is inside it.
        assert_eq!(encode("Łódź"), vec![b'L', 0xF3, b'd', b'z']);
        assert_eq!(encode("東"), b"Dong".to_vec());
    }

    #[test]
    fn wrap_keeps_lines_within_the_width() {
        let text = encode(&"word ".repeat(200));
        let lines = wrap(&text, Font::Regular, BODY_SIZE, 300.0);
        assert!(lines.len() > 5);
        assert!(lines
            .iter()
            .all(|l| width(l, Font::Regular, BODY_SIZE) <= 300.0));
    }

    #[test]
    fn wrap_breaks_long_paths_after_a_slash() {
        let path = encode("ads_information/advertisers_who_uploaded_a_contact_list_with_your_information/and/a/very/long/tail/of/folders.json");
        let lines = wrap(&path, Font::Regular, BODY_SIZE, 200.0);
        assert!(lines.len() > 1);
        assert!(lines
            .iter()
            .all(|l| width(l, Font::Regular, BODY_SIZE) <= 200.0));
        assert_eq!(lines.concat(), path, "breaking must not lose characters");
    }

    #[test]
    fn german_and_french_letters_need_no_transliteration() {
        // Every character the German and French wordings use, one WinAnsi byte each, with
        // a width in the font (so lines wrap correctly).
        let letters = "äöüÄÖÜßéèêëàâçîïôûùÿœŒÉÈÀÇ«»„“\u{a0}’";
        for c in letters.chars() {
            let bytes = encode(&c.to_string());
            assert_eq!(bytes.len(), 1, "`{c}` is transliterated");
            assert!(
                metrics::HELVETICA[bytes[0] as usize] > 0,
                "`{c}` has no width in Helvetica"
            );
        }
    }
}
