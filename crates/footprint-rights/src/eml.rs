//! E-mail drafts: an RFC 5322 `.eml` file the user opens in their mail program (marked unsent,
//! never sent by Footprint), and a `mailto:` URL (RFC 6068) for the same message.
//!
//! The body is UTF-8 in quoted-printable, so the file stays 7-bit and every line is at most 76
//! characters; non-ASCII subjects are RFC 2047 encoded words.

use crate::error::Error;
use crate::letter::Letter;
use chrono::{DateTime, FixedOffset};

/// What the draft needs beyond the letter.
#[derive(Debug, Clone)]
pub struct EmlOptions<'a> {
    /// Overrides the letter's company e-mail.
    pub to: Option<&'a str>,
    /// The user's address; mail programs fill it in when absent.
    pub from: Option<&'a str>,
    /// The Date header (passed in: the library never reads the clock).
    pub date: DateTime<FixedOffset>,
}

/// The `.eml` text (CRLF line ends).
pub fn draft(letter: &Letter, opts: &EmlOptions<'_>) -> Result<String, Error> {
    let to = recipient(letter, opts.to, "writing the e-mail draft")?;
    let mut out = String::new();
    // Tells Outlook and others to open the file as a draft to edit and send.
    out.push_str("X-Unsent: 1\r\n");
    out.push_str(&format!("Date: {}\r\n", opts.date.to_rfc2822()));
    if let Some(from) = opts.from {
        check_address(letter, from, "sender")?;
        out.push_str(&format!("From: {from}\r\n"));
    }
    out.push_str(&format!("To: {to}\r\n"));
    out.push_str(&header("Subject", &letter.subject));
    out.push_str("MIME-Version: 1.0\r\n");
    out.push_str("Content-Type: text/plain; charset=UTF-8\r\n");
    out.push_str("Content-Transfer-Encoding: quoted-printable\r\n");
    out.push_str(&format!("X-Footprint-Reference: {}\r\n", letter.reference));
    out.push_str("\r\n");
    out.push_str(&quoted_printable(&letter.message_text()));
    Ok(out)
}

/// A `mailto:` URL with subject and body. Some mail programs cut very long URLs; the `.eml`
/// draft has no such limit.
pub fn mailto(letter: &Letter, to: Option<&str>) -> Result<String, Error> {
    let to = recipient(letter, to, "making the mailto link")?;
    let body = letter
        .message_text()
        .replace("\r\n", "\n")
        .replace('\n', "\r\n");
    Ok(format!(
        "mailto:{}?subject={}&body={}",
        percent(&to, b"@"),
        percent(&letter.subject, b""),
        percent(&body, b"")
    ))
}

fn recipient(letter: &Letter, to: Option<&str>, purpose: &'static str) -> Result<String, Error> {
    let to = to
        .map(str::to_string)
        .or_else(|| letter.to_email.clone())
        .ok_or_else(|| Error::MissingContact {
            company: letter.recipient.first().cloned().unwrap_or_default(),
            what: "privacy e-mail address",
            purpose,
        })?;
    check_address(letter, &to, "recipient")?;
    Ok(to)
}

fn check_address(letter: &Letter, addr: &str, what: &str) -> Result<(), Error> {
    if crate::directory::is_email(addr) {
        Ok(())
    } else {
        Err(Error::LetterInput {
            reference: letter.reference.clone(),
            message: format!("the {what} address `{addr}` is not a plain e-mail address"),
        })
    }
}

/// One header, folded: plain ASCII folds at spaces; other text becomes encoded words of at most
/// 75 characters each (RFC 2047), one per line.
fn header(name: &str, value: &str) -> String {
    if value.is_ascii() && !value.contains(['\r', '\n']) {
        let mut out = format!("{name}:");
        let mut line_len = out.len();
        for word in value.split(' ') {
            if line_len + 1 + word.len() > 78 && line_len > name.len() + 1 {
                out.push_str("\r\n");
                line_len = 0;
            }
            out.push(' ');
            out.push_str(word);
            line_len += 1 + word.len();
        }
        out.push_str("\r\n");
        return out;
    }
    let mut words = Vec::new();
    let mut cur = String::new();
    const OPEN: &str = "=?UTF-8?Q?";
    const CLOSE: &str = "?=";
    for c in value.chars() {
        let mut buf = [0u8; 4];
        let mut enc = String::new();
        for b in c.encode_utf8(&mut buf).bytes() {
            match b {
                b' ' => enc.push('_'),
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'!' | b'*' | b'+' | b'-' | b'/' => {
                    enc.push(b as char)
                }
                _ => enc.push_str(&format!("={b:02X}")),
            }
        }
        // A character's bytes never straddle two encoded words.
        if OPEN.len() + cur.len() + enc.len() + CLOSE.len() > 75 {
            words.push(format!("{OPEN}{cur}{CLOSE}"));
            cur.clear();
        }
        cur.push_str(&enc);
    }
    if !cur.is_empty() {
        words.push(format!("{OPEN}{cur}{CLOSE}"));
    }
    format!("{name}: {}\r\n", words.join("\r\n "))
}

/// Quoted-printable (RFC 2045 section 6.7) with CRLF line ends and soft breaks at 76.
pub(crate) fn quoted_printable(text: &str) -> String {
    let mut out = String::new();
    let normalized = text.replace("\r\n", "\n");
    // Every line ends with CRLF; a final newline does not add an empty line.
    let lines = normalized.strip_suffix('\n').unwrap_or(&normalized);
    for line in lines.split('\n') {
        let bytes = line.as_bytes();
        let mut cur = String::new();
        for (i, &b) in bytes.iter().enumerate() {
            let last = i + 1 == bytes.len();
            let enc = match b {
                b'=' => "=3D".to_string(),
                b' ' | b'\t' if last => format!("={b:02X}"),
                33..=126 | b' ' | b'\t' => (b as char).to_string(),
                _ => format!("={b:02X}"),
            };
            // Leave room for the soft-break "=".
            if cur.len() + enc.len() > 75 {
                out.push_str(&cur);
                out.push_str("=\r\n");
                cur.clear();
            }
            cur.push_str(&enc);
        }
        out.push_str(&cur);
        out.push_str("\r\n");
    }
    out
}

/// Percent-encodes all but RFC 3986 unreserved characters and `keep`.
fn percent(s: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
