//! Chat exports as plain text, one message per header line (WhatsApp's "Export chat"; other
//! messengers copy the layout):
//!
//! - iOS: `[2020-01-01, 12:00:01] Name: text`, `[1/5/20, 1:05:09 PM] Name: text`;
//! - Android: `06/03/2017, 00:45 - Name: text`, `6/3/17, 12:45 AM - Name: text`,
//!   `06.03.17, 00:45 - Name: text`, sometimes without the comma.
//!
//! Dates follow the phone's locale: day-first or month-first (or year-first), 2- or 4-digit
//! years, `/`, `.` or `-` between the parts; 12-hour clocks (`1:05 PM`, with a U+202F narrow
//! space before `PM` since 2023) or 24-hour ones. Lines carry invisible marks (U+200E
//! left-to-right mark before iOS system lines and attachments, U+202A…U+202E around phone
//! numbers). A line that does not start with a date continues the message before it.
//! System messages (the encryption notice, "X created group", "X added Y") have no sender
//! on Android and a U+200E-marked text on iOS. Attachments are references:
//! `<attached: 00000012-PHOTO-2020-01-01-12-00-01.jpg>` (iOS), `IMG-20200101-WA0001.jpg
//! (file attached)` (Android), `<Media omitted>` or `image omitted` when exported without
//! media (and their translations).
//!
//! **Date order is decided per file, with a bounded look-ahead.** Lines are held (up to
//! [`LOOKAHEAD_BYTES`]) until a date decides the order: a first part of four digits is
//! year-first, a first part above 12 is day-first, a second part above 12 is month-first.
//! The held lines are then read with that order and the rest of the file streams. When no
//! date in the look-ahead decides it, the clock does, as locales do (a 12-hour clock is
//! month-first, as en-US writes it; a 24-hour clock day-first), with a warning. A later
//! date that only makes sense in the other order is read that way, with a warning. Times
//! have no zone: they are the phone's wall clock, stored as if UTC.
//!
//! Memory: the look-ahead, the current message and one line (lines past [`MAX_LINE_BYTES`]
//! are cut).

use crate::importer::{ImportCx, ParseError};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};

/// Bytes of lines held while the date order is undecided.
pub const LOOKAHEAD_BYTES: usize = 4 << 20;
/// Longest line kept (the rest of a longer line is dropped with a warning).
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// The order of the three parts of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum DateOrder {
    DayMonthYear,
    MonthDayYear,
    YearMonthDay,
}

/// Which app wrote the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Flavor {
    /// `[date, time] Name: text`.
    Ios,
    /// `date, time - Name: text`.
    Android,
}

/// A file attached to a message, as the export refers to it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum Attachment {
    /// The attachment's file name (the file is in the export when exported with media).
    File(String),
    /// Exported without media: the placeholder text (`<Media omitted>`, `image omitted`).
    Omitted(String),
}

/// One message.
#[derive(Debug, Clone, PartialEq)]
pub struct ChatMessage {
    /// 1-based line of the message's first line.
    pub line: u64,
    /// Wall-clock time as UTC epoch ms; `None` when the date is impossible.
    pub ts: Option<i64>,
    /// Who wrote it; `None` for system lines without a sender.
    pub sender: Option<String>,
    /// The text, continuation lines joined with `\n`, invisible marks removed.
    pub text: String,
    /// The encryption notice, "X added Y", "X left", ...
    pub system: bool,
    pub attachment: Option<Attachment>,
}

/// What was learned about the whole file.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct ChatInfo {
    pub flavor: Option<Flavor>,
    pub order: Option<DateOrder>,
    /// The order was not decided by a date but by the clock (a guess, warned about).
    pub order_guessed: bool,
    pub twelve_hour: bool,
    pub messages: u64,
    /// Senders of non-system messages with their message counts, most first.
    pub senders: Vec<(String, u64)>,
    /// The sender of the first system message (iOS writes the encryption notice under the
    /// chat's name: the group, or the other person of a two-person chat).
    pub first_system_sender: Option<String>,
}

/// A header line: its date and time as written, and the rest of the line.
#[derive(Debug, Clone, PartialEq)]
struct Header<'a> {
    flavor: Flavor,
    stamp: Stamp,
    /// `Name: text` or a system text.
    rest: &'a str,
}

/// Invisible direction and format marks WhatsApp puts into lines.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{feff}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn strip_marks(s: &str) -> String {
    s.chars().filter(|c| !is_mark(*c)).collect()
}

/// Spaces as clocks write them: plain, no-break (U+00A0) and narrow no-break (U+202F).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\t')
}

/// A small cursor over a line.
struct Cursor<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<char> {
        self.s[self.i..].chars().next()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += c.len_utf8();
        Some(c)
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += c.len_utf8();
            true
        } else {
            false
        }
    }
    fn spaces(&mut self) -> usize {
        let mut n = 0;
        while self.peek().is_some_and(is_space) {
            self.bump();
            n += 1;
        }
        n
    }
    /// 1..=max digits as a number, with the digit count.
    fn number(&mut self, max: usize) -> Option<(u32, usize)> {
        let start = self.i;
        while self.i - start < max && self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        let digits = self.i - start;
        (digits > 0)
            .then(|| self.s[start..self.i].parse().ok().map(|n| (n, digits)))
            .flatten()
    }
    fn rest(&self) -> &'a str {
        &self.s[self.i..]
    }
}

/// `AM`, `PM`, `a.m.`, `p. m.` (any case) at the cursor.
fn meridiem(c: &mut Cursor<'_>) -> Option<bool> {
    let rest = c.rest();
    let letters: String = rest
        .chars()
        .take(6)
        .take_while(|ch| ch.is_ascii_alphabetic() || *ch == '.' || is_space(*ch))
        .collect();
    let compact: String = letters
        .chars()
        .filter(|ch| ch.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    let pm = match compact.as_str() {
        "am" => false,
        "pm" => true,
        _ => return None,
    };
    // Consume through the last letter or dot of the marker.
    let used = letters.trim_end_matches(is_space).len();
    c.i += used;
    Some(pm)
}

/// A date and time as written, before the date order is known.
#[derive(Debug, Clone, PartialEq)]
struct Stamp {
    /// The three date parts as written.
    parts: [u32; 3],
    /// Digits of the first part (4 means year-first).
    first_digits: usize,
    hour: u32,
    minute: u32,
    second: u32,
    /// `Some(true)` for PM, `Some(false)` for AM, `None` for a 24-hour clock.
    pm: Option<bool>,
}

/// `date[,] time[ AM]` at the cursor.
fn date_time(c: &mut Cursor<'_>) -> Option<Stamp> {
    let (a, first_digits) = c.number(4)?;
    let sep = c.bump().filter(|s| matches!(s, '/' | '.' | '-'))?;
    let (b, _) = c.number(2)?;
    if !c.eat(sep) {
        return None;
    }
    let (y, _) = c.number(4)?;
    c.eat('.');
    c.eat(',');
    if c.spaces() == 0 {
        return None;
    }
    let (hour, _) = c.number(2)?;
    if !c.eat(':') {
        return None;
    }
    let (minute, md) = c.number(2)?;
    if md != 2 {
        return None;
    }
    let second = if c.eat(':') { c.number(2)?.0 } else { 0 };
    let save = c.i;
    c.spaces();
    let pm = meridiem(c);
    if pm.is_none() {
        c.i = save;
    }
    Some(Stamp {
        parts: [a, b, y],
        first_digits,
        hour,
        minute,
        second,
        pm,
    })
}

/// Parse a header line; `None` for a continuation line.
fn header(line: &str) -> Option<Header<'_>> {
    let start = line
        .find(|c: char| !is_mark(c) && !is_space(c))
        .unwrap_or(line.len());
    let mut c = Cursor { s: line, i: start };
    let flavor = if c.eat('[') {
        Flavor::Ios
    } else {
        Flavor::Android
    };
    let stamp = date_time(&mut c)?;
    match flavor {
        Flavor::Ios => {
            if !c.eat(']') {
                return None;
            }
            c.spaces();
        }
        Flavor::Android => {
            c.spaces();
            if !(c.eat('-') || c.eat('–')) {
                return None;
            }
            c.spaces();
        }
    }
    if stamp.hour > 23 || stamp.minute > 59 || stamp.second > 59 {
        return None;
    }
    Some(Header {
        flavor,
        stamp,
        rest: c.rest(),
    })
}

/// What a header's date says about the order, if anything.
fn evidence(h: &Header<'_>) -> Option<DateOrder> {
    let [a, b, _] = h.stamp.parts;
    if h.stamp.first_digits == 4 {
        Some(DateOrder::YearMonthDay)
    } else if a > 12 {
        Some(DateOrder::DayMonthYear)
    } else if b > 12 {
        Some(DateOrder::MonthDayYear)
    } else {
        None
    }
}

fn full_year(y: u32) -> i32 {
    // WhatsApp exists since 2009: two-digit years are this century.
    if y < 100 {
        2000 + y as i32
    } else {
        y as i32
    }
}

/// The header's time under `order`.
fn timestamp(h: &Header<'_>, order: DateOrder) -> Option<i64> {
    let [a, b, c] = h.stamp.parts;
    let (y, m, d) = match order {
        DateOrder::DayMonthYear => (c, b, a),
        DateOrder::MonthDayYear => (c, a, b),
        DateOrder::YearMonthDay => (a, b, c),
    };
    let hour = match h.stamp.pm {
        // A marker beside an hour that is already on a 24-hour clock: trust the hour.
        Some(_) if h.stamp.hour == 0 || h.stamp.hour > 12 => h.stamp.hour,
        Some(false) => h.stamp.hour % 12,
        Some(true) => h.stamp.hour % 12 + 12,
        None => h.stamp.hour,
    };
    crate::time::civil_ms(full_year(y), m, d, hour, h.stamp.minute, h.stamp.second)
}

/// `Name: text` into (sender, text); a text without `: ` has no sender.
fn split_sender(rest: &str) -> (Option<String>, &str) {
    match rest.find(": ") {
        Some(i) if i > 0 => {
            let name = strip_marks(&rest[..i]).trim().to_string();
            (Some(name).filter(|n| !n.is_empty()), &rest[i + 2..])
        }
        _ => (None, rest),
    }
}

/// The attachment a message's text refers to, if any.
pub fn attachment_of(text: &str) -> Option<Attachment> {
    let t = strip_marks(text);
    let t = t.trim();
    // iOS: `<attached: NAME>` anywhere (documents come as `NAME • 3 pages <attached: NAME>`).
    if let (Some(open), true) = (t.rfind('<'), t.ends_with('>')) {
        let inner = &t[open + 1..t.len() - 1];
        if let Some((_, file)) = inner.split_once(':') {
            let file = file.trim();
            if file.contains('.') && !file.contains(' ') {
                return Some(Attachment::File(file.to_string()));
            }
        }
        if open == 0 && !inner.contains(':') {
            return Some(Attachment::Omitted(t.to_string()));
        }
    }
    // Android: `NAME.jpg (file attached)` and its translations.
    if let (Some((file, note)), true) = (t.split_once(" ("), t.ends_with(')')) {
        let looks_like_file = !file.contains(' ')
            && file
                .rsplit_once('.')
                .is_some_and(|(_, e)| (1..=5).contains(&e.len()));
        if looks_like_file && note.len() < 40 {
            return Some(Attachment::File(file.to_string()));
        }
    }
    // iOS without media: `image omitted`, `‎video omitted`, `GIF omitted`.
    let lower = t.to_lowercase();
    let media = lower.strip_suffix(" omitted")?;
    OMITTED_MEDIA
        .contains(&media)
        .then(|| Attachment::Omitted(t.to_string()))
}

/// What iOS writes before ` omitted` for media left out of an export.
const OMITTED_MEDIA: &[&str] = &[
    "image",
    "video",
    "audio",
    "sticker",
    "gif",
    "document",
    "contact card",
    "voice message",
];

/// System messages that do carry a sender on Android or lack iOS's mark (English; other
/// languages are recognized by the missing sender or the mark).
const SYSTEM_PHRASES: &[&str] = &[
    "messages and calls are end-to-end encrypted",
    "messages to this group are now secured with end-to-end encryption",
    "created group",
    "changed the subject",
    "changed this group's icon",
    "changed the group description",
    "joined using this group's invite link",
    "changed their phone number",
    "security code with",
];

fn finish(line: u64, ts: Option<i64>, rest: &str) -> ChatMessage {
    let (sender, text) = split_sender(rest);
    let marked = text.starts_with(|c: char| is_mark(c));
    let attachment = attachment_of(text);
    let clean = strip_marks(text).trim_end().to_string();
    let lower = clean.to_lowercase();
    let system = sender.is_none()
        || (marked
            && attachment.is_none()
            && !lower.ends_with("omitted")
            && !lower.contains("call"))
        || SYSTEM_PHRASES.iter().any(|p| lower.contains(p));
    ChatMessage {
        line,
        ts,
        sender,
        text: clean,
        system,
        attachment,
    }
}

/// Assembles messages from lines once the order is known.
struct Assembler<'f, F> {
    order: DateOrder,
    current: Option<(u64, Option<i64>, String)>,
    info: ChatInfo,
    senders: HashMap<String, u64>,
    f: &'f mut F,
}

impl<F> Assembler<'_, F>
where
    F: FnMut(&ChatMessage, &mut ImportCx<'_>) -> Result<(), ParseError>,
{
    fn line(&mut self, n: u64, line: &str, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
        match header(line) {
            Some(h) => {
                self.flush(cx)?;
                let ts = self.time(n, &h, cx);
                self.info.flavor.get_or_insert(h.flavor);
                self.info.twelve_hour |= h.stamp.pm.is_some();
                self.current = Some((n, ts, h.rest.to_string()));
            }
            None => match &mut self.current {
                Some((_, _, text)) => {
                    if text.len() < MAX_LINE_BYTES {
                        text.push('\n');
                        text.push_str(line);
                    }
                }
                None if line.trim().is_empty() => {}
                None => cx.warn(
                    Some(n),
                    format!("line {n}: text before the first message, skipped"),
                ),
            },
        }
        Ok(())
    }

    fn time(&mut self, n: u64, h: &Header<'_>, cx: &mut ImportCx<'_>) -> Option<i64> {
        if let Some(ts) = timestamp(h, self.order) {
            return Some(ts);
        }
        let other = match self.order {
            DateOrder::DayMonthYear => DateOrder::MonthDayYear,
            DateOrder::MonthDayYear => DateOrder::DayMonthYear,
            DateOrder::YearMonthDay => DateOrder::YearMonthDay,
        };
        let [a, b, c] = h.stamp.parts;
        match timestamp(h, other) {
            Some(ts) => {
                cx.warn(
                    Some(n),
                    format!(
                        "line {n}: date {a}/{b}/{c} only makes sense as {other:?}; read that way"
                    ),
                );
                Some(ts)
            }
            None => {
                cx.warn(
                    Some(n),
                    format!(
                        "line {n}: impossible date or time {a}/{b}/{c} {}:{:02}",
                        h.stamp.hour, h.stamp.minute
                    ),
                );
                None
            }
        }
    }

    fn flush(&mut self, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
        let Some((line, ts, rest)) = self.current.take() else {
            return Ok(());
        };
        let m = finish(line, ts, &rest);
        self.info.messages += 1;
        match (&m.sender, m.system) {
            (Some(s), false) => *self.senders.entry(s.clone()).or_insert(0) += 1,
            (Some(s), true)
                if self.info.first_system_sender.is_none() && self.info.messages == 1 =>
            {
                self.info.first_system_sender = Some(s.clone())
            }
            _ => {}
        }
        (self.f)(&m, cx)
    }
}

/// Read one line (lossy UTF-8, without `\r\n`) into `out`; false at the end of the stream.
fn read_line<R: BufRead>(
    r: &mut R,
    buf: &mut Vec<u8>,
    out: &mut String,
    n: u64,
    cx: &mut ImportCx<'_>,
) -> std::io::Result<bool> {
    buf.clear();
    let got = r
        .by_ref()
        .take(MAX_LINE_BYTES as u64)
        .read_until(b'\n', buf)?;
    if got == 0 {
        return Ok(false);
    }
    if got == MAX_LINE_BYTES && buf.last() != Some(&b'\n') {
        cx.warn(
            Some(n),
            format!("line {n} is longer than {} MiB: cut", MAX_LINE_BYTES >> 20),
        );
        let mut skip = Vec::new();
        loop {
            skip.clear();
            let k = r.by_ref().take(1 << 16).read_until(b'\n', &mut skip)?;
            if k == 0 || skip.last() == Some(&b'\n') {
                break;
            }
        }
    }
    let bytes = if n == 1 {
        super::strip_bom(buf)
    } else {
        &buf[..]
    };
    out.clear();
    out.push_str(&String::from_utf8_lossy(bytes));
    while out.ends_with('\n') || out.ends_with('\r') {
        out.pop();
    }
    Ok(true)
}

/// Read a chat export, calling `f` for every message in file order. Returns what was learned
/// about the file (flavor, date order, senders). An empty file is a warning; a file whose
/// first lines hold no message line is an error (it is not a chat).
pub fn read_chat<F>(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
    mut f: F,
) -> Result<ChatInfo, ParseError>
where
    F: FnMut(&ChatMessage, &mut ImportCx<'_>) -> Result<(), ParseError>,
{
    let mut r = BufReader::with_capacity(64 << 10, reader);
    let mut buf = Vec::new();
    let mut line = String::new();
    let mut n = 0u64;
    // Phase 1: hold lines until a date decides the order (or the look-ahead is full).
    let mut held: Vec<(u64, String)> = Vec::new();
    let mut held_bytes = 0usize;
    let mut order = None;
    let mut twelve_hour = false;
    let mut headers = 0u64;
    while order.is_none() && held_bytes < LOOKAHEAD_BYTES {
        n += 1;
        if !read_line(&mut r, &mut buf, &mut line, n, cx)? {
            break;
        }
        if let Some(h) = header(&line) {
            headers += 1;
            twelve_hour |= h.stamp.pm.is_some();
            order = evidence(&h);
        }
        held_bytes += line.len();
        held.push((n, std::mem::take(&mut line)));
    }
    if held.iter().all(|(_, l)| l.trim().is_empty()) {
        cx.warn(None, "empty file");
        return Ok(ChatInfo::default());
    }
    if headers == 0 && order.is_none() {
        return Err(ParseError::Structure(format!(
            "{}: no chat message line (like `[2020-01-01, 12:00:01] Name: text` or `06/03/2017, 00:45 - Name: text`) in the first {} lines",
            cx.file,
            held.len()
        )));
    }
    let guessed = order.is_none();
    let order = order.unwrap_or(if twelve_hour {
        DateOrder::MonthDayYear
    } else {
        DateOrder::DayMonthYear
    });
    if guessed {
        cx.warn(None, format!("no date tells whether the day or the month comes first; read as {order:?} (the clock is {}-hour)", if twelve_hour { 12 } else { 24 }));
    }
    let mut a = Assembler {
        order,
        current: None,
        info: ChatInfo::default(),
        senders: HashMap::new(),
        f: &mut f,
    };
    a.info.order = Some(order);
    a.info.order_guessed = guessed;
    for (k, l) in held {
        a.line(k, &l, cx)?;
    }
    // Phase 2: stream the rest.
    loop {
        n += 1;
        if !read_line(&mut r, &mut buf, &mut line, n, cx)? {
            break;
        }
        a.line(n, &line, cx)?;
    }
    a.flush(cx)?;
    let mut senders: Vec<(String, u64)> = a.senders.into_iter().collect();
    senders.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    a.info.senders = senders;
    Ok(a.info)
}

/// Whether a file head looks like a chat export (for content classification): one of its
/// first lines is a message header.
pub fn looks_like_chat(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(super::strip_bom(head));
    text.lines().take(5).any(|l| header(l).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    fn read(input: &str) -> (Vec<ChatMessage>, ChatInfo, MemorySink) {
        let mut msgs = Vec::new();
        let mut info = None;
        let (sink, r) = MemorySink::run_parser("_chat.txt", input, |reader, cx| {
            info = Some(read_chat(reader, cx, |m, _| {
                msgs.push(m.clone());
                Ok(())
            })?);
            Ok(())
        });
        r.unwrap();
        (msgs, info.unwrap(), sink)
    }

    fn t(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> Option<i64> {
        crate::time::civil_ms(y, mo, d, h, mi, s)
    }

    #[test]
    fn header_forms_of_every_locale() {
        // (line, order decided by the line or None, parts, hour, minute, pm, rest)
        // (line, order decided by the line, parts, hour, minute, AM/PM, rest)
        type Case<'a> = (
            &'a str,
            Option<DateOrder>,
            [u32; 3],
            u32,
            u32,
            Option<bool>,
            &'a str,
        );
        let cases: &[Case] = &[
            (
                "[2020-01-01, 12:00:01] Ana: hi",
                Some(DateOrder::YearMonthDay),
                [2020, 1, 1],
                12,
                0,
                None,
                "Ana: hi",
            ),
            (
                "[1/5/20, 1:05:09 PM] Ana: hi",
                None,
                [1, 5, 20],
                1,
                5,
                Some(true),
                "Ana: hi",
            ),
            (
                "\u{200e}[13/05/2020, 09:01:02] Ana: hi",
                Some(DateOrder::DayMonthYear),
                [13, 5, 2020],
                9,
                1,
                None,
                "Ana: hi",
            ),
            (
                "06/03/2017, 00:45 - Ana: hi",
                None,
                [6, 3, 2017],
                0,
                45,
                None,
                "Ana: hi",
            ),
            (
                "6/13/17, 12:45\u{202f}AM - Ana: hi",
                Some(DateOrder::MonthDayYear),
                [6, 13, 17],
                12,
                45,
                Some(false),
                "Ana: hi",
            ),
            (
                "06.03.17, 00:45 - Ana: hi",
                None,
                [6, 3, 17],
                0,
                45,
                None,
                "Ana: hi",
            ),
            (
                "25.03.2017 00:45 - Ana: hi",
                Some(DateOrder::DayMonthYear),
                [25, 3, 2017],
                0,
                45,
                None,
                "Ana: hi",
            ),
            (
                "2017-03-25 00:45 - Ana: hi",
                Some(DateOrder::YearMonthDay),
                [2017, 3, 25],
                0,
                45,
                None,
                "Ana: hi",
            ),
            (
                "12/03/2017, 9:45 a. m. - Ana: hi",
                None,
                [12, 3, 2017],
                9,
                45,
                Some(false),
                "Ana: hi",
            ),
            (
                "06/03/2017, 00:45 - Messages and calls are end-to-end encrypted.",
                None,
                [6, 3, 2017],
                0,
                45,
                None,
                "Messages and calls are end-to-end encrypted.",
            ),
        ];
        for (line, order, parts, hour, minute, pm, rest) in cases {
            let h = header(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(
                (
                    h.stamp.parts,
                    h.stamp.hour,
                    h.stamp.minute,
                    h.stamp.pm,
                    h.rest
                ),
                (*parts, *hour, *minute, *pm, *rest),
                "{line}"
            );
            assert_eq!(evidence(&h), *order, "{line}");
        }
        for not_header in [
            "hello",
            "2020 was a year",
            "[link] text",
            "06/03/2017 - x",
            "12:45 - x",
            "06/03/2017, 0045 - Ana: x",
            "",
        ] {
            assert!(header(not_header).is_none(), "{not_header}");
        }
    }

    #[test]
    fn ios_chat_with_system_lines_attachments_and_continuations() {
        let input = "\u{feff}[01/02/2021, 09:00:00] Book club: \u{200e}Messages and calls are end-to-end encrypted. No one outside of this chat can read them.\n\
            [01/02/2021, 09:00:01] Book club: \u{200e}Ana created group \u{201c}Book club\u{201d}\n\
            [01/02/2021, 09:05:10] Ana: Hello\n\
            second line\n\
            \n\
            [01/02/2021, 09:06:00] Ben: \u{200e}<attached: 00000012-PHOTO-2021-02-01-09-06-00.jpg>\n\
            [01/02/2021, 09:07:00] Ben: \u{200e}image omitted\n\
            [13/02/2021, 21:00:00] \u{202a}+1 555-0100\u{202c}: late\n";
        let (m, info, sink) = read(input);
        assert_eq!(m.len(), 6);
        assert_eq!(info.order, Some(DateOrder::DayMonthYear));
        assert!(!info.order_guessed);
        assert_eq!(info.flavor, Some(Flavor::Ios));
        assert_eq!(info.first_system_sender.as_deref(), Some("Book club"));
        assert!(m[0].system && m[1].system && !m[2].system);
        assert_eq!(
            m[2].text, "Hello\nsecond line",
            "continuation joined, trailing blank dropped"
        );
        assert_eq!(m[2].ts, t(2021, 2, 1, 9, 5, 10), "day-first: 1 February");
        assert_eq!(
            m[3].attachment,
            Some(Attachment::File(
                "00000012-PHOTO-2021-02-01-09-06-00.jpg".into()
            ))
        );
        assert!(!m[3].system);
        assert_eq!(
            m[4].attachment,
            Some(Attachment::Omitted("image omitted".into()))
        );
        assert_eq!(m[5].sender.as_deref(), Some("+1 555-0100"));
        assert_eq!(
            info.senders,
            vec![
                ("Ben".to_string(), 2),
                ("+1 555-0100".into(), 1),
                ("Ana".into(), 1)
            ]
        );
        assert!(sink.warnings.is_empty(), "{:?}", sink.warnings);
    }

    #[test]
    fn android_month_first_twelve_hour_decided_late() {
        let mut input = String::from("1/2/21, 9:00 AM - Messages and calls are end-to-end encrypted.\n1/2/21, 9:01 AM - Ana added Ben\n");
        for i in 0..50 {
            input.push_str(&format!("1/2/21, 1:{i:02} PM - Ana: m{i}\n"));
        }
        input.push_str("1/25/21, 12:00 PM - Ben: IMG-20210125-WA0001.jpg (file attached)\n1/25/21, 12:01 AM - Ben: <Media omitted>\n");
        let (m, info, sink) = read(&input);
        assert_eq!(
            info.order,
            Some(DateOrder::MonthDayYear),
            "decided by 1/25 at the end of the file"
        );
        assert_eq!(m[2].ts, t(2021, 1, 2, 13, 0, 0));
        assert!(m[0].system && m[1].system && m[0].sender.is_none());
        assert_eq!(
            m[52].attachment,
            Some(Attachment::File("IMG-20210125-WA0001.jpg".into()))
        );
        assert_eq!(m[52].ts, t(2021, 1, 25, 12, 0, 0), "12 PM is noon");
        assert_eq!(m[53].ts, t(2021, 1, 25, 0, 1, 0), "12 AM is midnight");
        assert_eq!(
            m[53].attachment,
            Some(Attachment::Omitted("<Media omitted>".into()))
        );
        assert!(sink.warnings.is_empty(), "{:?}", sink.warnings);
    }

    #[test]
    fn ambiguous_dates_follow_the_clock_with_a_warning() {
        let (m, info, sink) = read("03/04/2021, 10:00 - Ana: hi\n03/04/2021, 10:01 - Ben: yo\n");
        assert_eq!(info.order, Some(DateOrder::DayMonthYear));
        assert!(info.order_guessed);
        assert_eq!(m[0].ts, t(2021, 4, 3, 10, 0, 0));
        assert_eq!(sink.warnings.len(), 1);
        let (m, info, _) = read("[03/04/2021, 10:00:00 AM] Ana: hi\n");
        assert_eq!(info.order, Some(DateOrder::MonthDayYear));
        assert_eq!(m[0].ts, t(2021, 3, 4, 10, 0, 0));
    }

    #[test]
    fn contradicting_and_impossible_dates_warn_and_go_on() {
        let (m, _, sink) = read("13/01/2021, 10:00 - Ana: a\n01/13/2021, 10:00 - Ana: b\n31/02/2021, 10:00 - Ana: c\ntext\n");
        assert_eq!(m.len(), 3);
        assert_eq!(m[1].ts, t(2021, 1, 13, 10, 0, 0));
        assert_eq!(m[2].ts, None);
        assert_eq!(m[2].text, "c\ntext");
        assert_eq!(sink.warnings.len(), 2, "{:?}", sink.warnings);
        assert_eq!(sink.warnings[1].position, Some(3));
    }

    #[test]
    fn garbage_empty_and_preamble() {
        let mut out = MemorySink::default();
        let mut cx = ImportCx::new("x.txt", &mut out);
        assert!(read_chat(
            &mut "just some notes\nno dates".as_bytes(),
            &mut cx,
            |_, _| Ok(())
        )
        .is_err());
        assert_eq!(
            read_chat(&mut "".as_bytes(), &mut cx, |_, _| Ok(())).unwrap(),
            ChatInfo::default()
        );
        let (m, _, sink) = read("exported by someone\r\n13/01/2021, 10:00 - Ana: a\r\n");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].text, "a");
        assert_eq!(sink.warnings[0].position, Some(1));
        assert!(looks_like_chat(
            b"\xEF\xBB\xBF[2020-01-01, 12:00:01] Ana: hi"
        ));
        assert!(!looks_like_chat(b"{\"a\": 1}"));
    }

    #[test]
    fn attachments_in_their_forms() {
        let cases = [
            (
                "\u{200e}<attached: 00000012-PHOTO-2020-01-01-12-00-01.jpg>",
                Some(Attachment::File(
                    "00000012-PHOTO-2020-01-01-12-00-01.jpg".into(),
                )),
            ),
            (
                "report.pdf \u{2022} 3 pages \u{200e}<attached: 00000013-report.pdf>",
                Some(Attachment::File("00000013-report.pdf".into())),
            ),
            (
                "IMG-20200101-WA0001.jpg (file attached)",
                Some(Attachment::File("IMG-20200101-WA0001.jpg".into())),
            ),
            (
                "PTT-20200101-WA0002.opus (Datei angehängt)",
                Some(Attachment::File("PTT-20200101-WA0002.opus".into())),
            ),
            (
                "<Medien ausgeschlossen>",
                Some(Attachment::Omitted("<Medien ausgeschlossen>".into())),
            ),
            (
                "\u{200e}GIF omitted",
                Some(Attachment::Omitted("GIF omitted".into())),
            ),
            ("see you at 5 (maybe)", None),
            ("<3 you", None),
            ("the cat omitted", None),
        ];
        for (text, want) in cases {
            assert_eq!(attachment_of(text), want, "{text}");
        }
    }
}
