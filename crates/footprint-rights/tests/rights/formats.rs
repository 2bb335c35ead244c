//! Output formats: .ics (RFC 5545), .eml (RFC 5322 + MIME), mailto: (RFC 6068) and PDF.

use crate::d;
use chrono::{FixedOffset, TimeZone};
use footprint_rights::eml::{self, EmlOptions};
use footprint_rights::ics::{self, CalendarEvent};
use footprint_rights::letter::{self, CompanyContact, Lang, LetterInput, LetterKind};
use footprint_rights::{
    pdf, Channel, EvidenceItem, EvidenceRelation, IdentityField, IdentityKind, RequestOptions,
    RequestType,
};

fn unfold(text: &str) -> String {
    text.replace("\r\n ", "")
}

#[test]
fn ics_lines_are_folded_at_75_octets_and_unfold_to_the_original() {
    let long = "Zoë's request; with commas, a backslash \\ and\na newline — ".repeat(6);
    let ev = CalendarEvent {
        uid: "FP-2026-03-ABCDEF-due@footprint.local".into(),
        date: d(2026, 3, 2),
        summary: long.clone(),
        description: "x".into(),
    };
    let stamp = d(2026, 1, 31).and_hms_opt(9, 30, 0).unwrap();
    let text = ics::calendar(&[ev], stamp);
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line of {} octets: {line:?}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    // Folding never splits a UTF-8 character: every line is valid UTF-8 by construction of
    // `split` on a String, and unfolding restores the escaped summary exactly.
    let unfolded = unfold(&text);
    assert!(unfolded.contains(&format!("SUMMARY:{}\r\n", ics::escape(&long))));
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20260302\r\n"));
    assert!(unfolded.contains("DTEND;VALUE=DATE:20260303\r\n"));
    assert!(unfolded.contains("DTSTAMP:20260131T093000Z\r\n"));
    assert!(unfolded.contains("UID:FP-2026-03-ABCDEF-due@footprint.local\r\n"));
    assert!(unfolded.contains("This is not legal advice."));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
}

#[test]
fn ics_escaping() {
    assert_eq!(ics::escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    assert_eq!(
        ics::fold(&"é".repeat(40)),
        format!("{}\r\n {}\r\n", "é".repeat(37), "é".repeat(3))
    );
}

fn sample_letter(name: &str, email: Option<&str>) -> letter::Letter {
    let input = LetterInput {
        kind: LetterKind::Request { request_type: RequestType::Access },
        regime: "eu_gdpr".into(),
        requester: vec![IdentityField::new(IdentityKind::Name, name), IdentityField::new(IdentityKind::Email, "zoe@example.org")],
        company: CompanyContact { name: "Société Exemple".into(), email: email.map(str::to_string), ..Default::default() },
        options: RequestOptions::default(),
        date: d(2026, 1, 31),
        deadline: Some(d(2026, 3, 2)),
        reference: "FP-2026-01-ABC123".into(),
        evidence: vec![EvidenceItem {
            platform: "Meta".into(),
            export_date: Some(d(2025, 3, 2)),
            relation: EvidenceRelation::UploadedContactList,
            category: None,
            record_count: Some(3),
            first_seen: None,
            last_seen: None,
            files: vec!["ads_information/advertisers_who_uploaded_a_contact_list_with_your_information.json".into()],
        }],
        channel: Channel::Email,
    };
    letter::render(&input, Lang::En).unwrap()
}

/// Minimal quoted-printable decoder for the test (soft breaks and =XX).
fn qp_decode(s: &str) -> String {
    let joined = s.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            out.push(
                u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap(), 16).unwrap(),
            );
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap().replace("\r\n", "\n")
}

#[test]
fn eml_draft_has_headers_and_a_7bit_quoted_printable_body() {
    let l = sample_letter("Zoë Ñandú", Some("privacy@societe.example"));
    let date = FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 1, 31, 10, 0, 0)
        .unwrap();
    let eml = eml::draft(
        &l,
        &EmlOptions {
            to: None,
            from: Some("zoe@example.org"),
            date,
        },
    )
    .unwrap();
    let (head, body) = eml
        .split_once("\r\n\r\n")
        .expect("blank line between headers and body");
    assert!(head.contains("To: privacy@societe.example"));
    assert!(head.contains("From: zoe@example.org"));
    assert!(
        head.contains("Date: Sat, 31 Jan 2026 10:00:00 +0100"),
        "{head}"
    );
    assert!(head.contains("X-Unsent: 1"));
    assert!(head.contains("Content-Type: text/plain; charset=UTF-8"));
    assert!(
        head.replace("\r\n ", " ").contains(
            "Subject: Request for access to personal data under the GDPR (ref. FP-2026-01-ABC123)"
        ),
        "{head}"
    );
    assert!(eml.is_ascii(), "the file must be 7-bit");
    for line in eml.split("\r\n") {
        assert!(line.len() <= 78, "line too long: {line:?}");
    }
    assert!(
        !eml.replace("\r\n", "").contains('\n'),
        "bare LF in the file"
    );
    let decoded = qp_decode(body);
    assert_eq!(decoded, l.message_text());
    assert!(decoded.contains("Zoë Ñandú"));
    assert!(decoded.contains("This is not legal advice."));
}

#[test]
fn eml_encodes_non_ascii_subjects() {
    let mut l = sample_letter("Zoë", Some("privacy@societe.example"));
    l.subject = "Demande d'accès aux données — réf. FP-2026-01-ABC123 ".repeat(2);
    let date = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 1, 31, 10, 0, 0)
        .unwrap();
    let eml = eml::draft(
        &l,
        &EmlOptions {
            to: None,
            from: None,
            date,
        },
    )
    .unwrap();
    let subject: Vec<&str> = eml
        .split("\r\n")
        .skip_while(|line| !line.starts_with("Subject:"))
        .take_while(|line| line.starts_with("Subject:") || line.starts_with(' '))
        .collect();
    assert!(
        subject.len() > 1,
        "long subject folded over several encoded words"
    );
    let mut decoded = Vec::new();
    for word in subject
        .iter()
        .map(|l| l.trim_start_matches("Subject:").trim())
    {
        assert!(word.len() <= 75, "encoded word too long: {word}");
        let inner = word
            .strip_prefix("=?UTF-8?Q?")
            .and_then(|w| w.strip_suffix("?="))
            .expect("encoded word");
        let mut i = 0;
        let b = inner.as_bytes();
        while i < b.len() {
            match b[i] {
                b'_' => {
                    decoded.push(b' ');
                    i += 1;
                }
                b'=' => {
                    decoded.push(u8::from_str_radix(&inner[i + 1..i + 3], 16).unwrap());
                    i += 3;
                }
                c => {
                    decoded.push(c);
                    i += 1;
                }
            }
        }
    }
    assert_eq!(String::from_utf8(decoded).unwrap(), l.subject);
    assert!(
        !eml.contains("From:"),
        "no sender given, the mail program fills it in"
    );
}

#[test]
fn eml_and_mailto_need_an_address() {
    let l = sample_letter("Zoë", None);
    let date = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 1, 31, 10, 0, 0)
        .unwrap();
    let err = eml::draft(
        &l,
        &EmlOptions {
            to: None,
            from: None,
            date,
        },
    )
    .unwrap_err();
    assert_eq!(err.code(), "missing_contact");
    assert_eq!(eml::mailto(&l, None).unwrap_err().code(), "missing_contact");
    let bad = eml::draft(
        &l,
        &EmlOptions {
            to: Some("not an address"),
            from: None,
            date,
        },
    )
    .unwrap_err();
    assert_eq!(bad.code(), "letter_input");
    assert!(eml::draft(
        &l,
        &EmlOptions {
            to: Some("dpo@societe.example"),
            from: None,
            date
        }
    )
    .is_ok());
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn mailto_url_round_trips() {
    let l = sample_letter("Zoë", Some("privacy@societe.example"));
    let url = eml::mailto(&l, None).unwrap();
    let rest = url
        .strip_prefix("mailto:privacy@societe.example?subject=")
        .expect(&url);
    let (subject, body) = rest.split_once("&body=").unwrap();
    assert!(!url.contains(' ') && !url.contains('\n') && url.is_ascii());
    assert_eq!(percent_decode(subject), l.subject);
    let body = percent_decode(body);
    assert!(body.contains("\r\n"), "line breaks as CRLF (RFC 6068)");
    assert_eq!(body.replace("\r\n", "\n"), l.message_text());
}

#[test]
fn pdf_is_a_deterministic_multi_page_letter() {
    let mut l = sample_letter("Zoë Ñandú", Some("privacy@societe.example"));
    let one = pdf::to_pdf(&l);
    assert!(one.starts_with(b"%PDF-"));
    assert!(one.windows(5).any(|w| w == b"%%EOF"));
    assert_eq!(one, pdf::to_pdf(&l), "same letter, same bytes");
    assert!(one.windows(10).any(|w| w == b"/Helvetica"));
    let contains = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
    assert!(contains(&one, b"FP-2026-01-ABC123"));
    // "Zoë" in WinAnsi (ë = 0xEB); pdf-writer writes non-ASCII strings in hex.
    assert!(
        contains(&one, b"5A6FEB") || contains(&one, b"5a6feb"),
        "name not encoded in WinAnsi"
    );
    let pages = |pdf: &[u8]| -> usize {
        let text = String::from_utf8_lossy(pdf);
        let at = text.find("/Count ").expect("page tree");
        text[at + 7..]
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    let n = pages(&one);
    assert!(
        contains(&one, format!("Page {n} of {n}").as_bytes()),
        "footer numbering"
    );
    l.body = format!(
        "{}\n\n{}",
        l.body,
        "A long paragraph of words to fill the page. ".repeat(300)
    );
    let long = pdf::to_pdf(&l);
    assert!(pages(&long) > n, "a longer letter takes more pages");
    assert!(contains(&long, b"Page 2 of"));
}
