//! WhatsApp exports: a chat as the iPhone exports it (`WhatsApp Chat - NAME.zip` holding
//! `_chat.txt` and the media), as Android does (`WhatsApp Chat with NAME.txt`, zipped with
//! media or loose in a folder), and the account report (`whatsapp_report.zip`). Every date
//! convention of FORMATS.md is a [`Clock`]/[`DateStyle`] choice: day- or month-first,
//! 2- or 4-digit years, `/`, `.` or `-`, 12- or 24-hour clocks with U+202F before `PM`.
//! The owner is the seed's [`Persona`]; the other people are invented. Messy options add a
//! BOM, a 0-byte chat, a truncated chat, an impossible date and text before the first line.

use crate::names;
use crate::{ArchiveWriter, Container, Persona, Rng};
use serde_json::json;
use std::io;
use std::path::{Path, PathBuf};

/// Which export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaLayout {
    /// iPhone: one zip per chat, `_chat.txt` + media.
    IosZip,
    /// Android: `WhatsApp Chat with NAME.txt` + media in a zip.
    AndroidZip,
    /// Android without media: the `.txt` files loose in a folder (several chats).
    AndroidFolder,
    /// The account report (JSON + HTML).
    Report,
}

/// How dates are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateStyle {
    pub day_first: bool,
    pub four_digit_year: bool,
    pub separator: char,
    pub twelve_hour: bool,
}

impl DateStyle {
    pub const ISO_IOS: DateStyle = DateStyle {
        day_first: true,
        four_digit_year: true,
        separator: '-',
        twelve_hour: false,
    };
    pub const UK: DateStyle = DateStyle {
        day_first: true,
        four_digit_year: true,
        separator: '/',
        twelve_hour: false,
    };
    pub const US: DateStyle = DateStyle {
        day_first: false,
        four_digit_year: false,
        separator: '/',
        twelve_hour: true,
    };
    pub const DE: DateStyle = DateStyle {
        day_first: true,
        four_digit_year: false,
        separator: '.',
        twelve_hour: false,
    };
}

/// What a generated WhatsApp export holds.
#[derive(Debug, Clone)]
pub struct WhatsAppSpec {
    pub seed: u64,
    pub layout: WaLayout,
    pub style: DateStyle,
    /// Chats (only the folder layout writes more than one).
    pub chats: usize,
    pub messages_per_chat: usize,
    /// A group chat (three other people) instead of a two-person chat.
    pub group: bool,
    pub messy: bool,
}

impl Default for WhatsAppSpec {
    fn default() -> Self {
        WhatsAppSpec {
            seed: 1,
            layout: WaLayout::IosZip,
            style: DateStyle::ISO_IOS,
            chats: 1,
            messages_per_chat: 40,
            group: false,
            messy: false,
        }
    }
}

/// 2021-01-14 09:00 UTC: chats start here and move forward (a day above 12 early on, so
/// clean files decide their date order at once).
const START_MS: i64 = 1_610_614_800_000;

fn date_text(s: &DateStyle, ms: i64) -> String {
    let d = chrono::DateTime::from_timestamp_millis(ms)
        .expect("valid time")
        .naive_utc();
    let year = if s.four_digit_year {
        d.format("%Y").to_string()
    } else {
        d.format("%y").to_string()
    };
    let sep = s.separator;
    let date = if s.separator == '-' && s.four_digit_year {
        d.format("%Y-%m-%d").to_string()
    } else if s.day_first {
        format!("{}{sep}{}{sep}{year}", d.format("%d"), d.format("%m"))
    } else {
        format!("{}{sep}{}{sep}{year}", d.format("%-m"), d.format("%-d"))
    };
    let time = if s.twelve_hour {
        d.format("%-I:%M\u{202f}%p").to_string()
    } else {
        d.format("%H:%M").to_string()
    };
    (date + ", ") + &time
}

/// One line's header for the layout.
fn header(layout: WaLayout, s: &DateStyle, ms: i64) -> String {
    let dt = date_text(s, ms);
    match layout {
        WaLayout::IosZip => {
            let seconds = chrono::DateTime::from_timestamp_millis(ms)
                .expect("valid")
                .format(":%S")
                .to_string();
            // iOS writes seconds: put them after the minutes (before any AM/PM).
            let with_seconds = match dt.find('\u{202f}') {
                Some(i) => format!("{}{seconds}{}", &dt[..i], &dt[i..]),
                None => format!("{dt}{seconds}"),
            };
            format!("[{with_seconds}] ")
        }
        _ => format!("{dt} - "),
    }
}

/// The people of chat `c`: the other person (or three for a group).
pub fn others(seed: u64, c: usize, group: bool) -> Vec<String> {
    let mut rng = Rng::new(seed ^ 0x3A7_5A99 ^ (c as u64) << 8);
    let n = if group { 3 } else { 1 };
    (0..n)
        .map(|_| format!("{} {}", rng.pick(names::FIRST), rng.pick(names::LAST)))
        .collect()
}

/// The chat's name: the other person, or the group's.
pub fn chat_title(seed: u64, c: usize, group: bool) -> String {
    if group {
        format!("Weekend trip {}", c + 1)
    } else {
        others(seed, c, false)[0].clone()
    }
}

/// The text of chat `c` and its media files.
fn chat(spec: &WhatsAppSpec, c: usize) -> (String, Vec<(String, Vec<u8>)>) {
    let mut rng = Rng::new(spec.seed ^ ((c as u64 + 1) * 7919));
    let owner = Persona::for_seed(spec.seed);
    let people = others(spec.seed, c, spec.group);
    let title = chat_title(spec.seed, c, spec.group);
    let ios = spec.layout == WaLayout::IosZip;
    let mut out = String::new();
    let mut media = Vec::new();
    if spec.messy {
        out.push('\u{feff}');
    }
    let mut ms = START_MS + c as i64 * 86_400_000;
    let h = |ms| header(spec.layout, &spec.style, ms);
    let notice = "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.";
    if ios {
        out.push_str(&format!("{}{title}: \u{200e}{notice}\n", h(ms)));
    } else {
        out.push_str(&format!("{}{notice}\n", h(ms)));
    }
    if spec.group {
        ms += 60_000;
        let line = format!("{} created group \u{201c}{title}\u{201d}", owner.name);
        out.push_str(&if ios {
            format!("{}{title}: \u{200e}{line}\n", h(ms))
        } else {
            format!("{}{line}\n", h(ms))
        });
    }
    for m in 0..spec.messages_per_chat {
        ms += 60_000 * (1 + rng.below(600) as i64);
        // The owner writes a little less than half.
        let sender = if rng.chance(0.45) {
            owner.name.clone()
        } else {
            rng.pick(&people).clone()
        };
        let text = match m % 9 {
            4 if ios => {
                let name = format!(
                    "{:08}-PHOTO-{}.jpg",
                    m + 1,
                    chrono::DateTime::from_timestamp_millis(ms)
                        .expect("valid")
                        .format("%Y-%m-%d-%H-%M-%S")
                );
                media.push((name.clone(), b"\xff\xd8\xff\xe0 fake jpeg".to_vec()));
                format!("\u{200e}<attached: {name}>")
            }
            4 if spec.layout == WaLayout::AndroidZip => {
                let name = format!(
                    "IMG-{}-WA{:04}.jpg",
                    chrono::DateTime::from_timestamp_millis(ms)
                        .expect("valid")
                        .format("%Y%m%d"),
                    m
                );
                media.push((name.clone(), b"\xff\xd8\xff\xe0 fake jpeg".to_vec()));
                format!("{name} (file attached)")
            }
            4 => "<Media omitted>".to_string(),
            7 => {
                let a: Vec<&str> = (0..4).map(|_| *rng.pick(names::WORDS)).collect();
                format!("{}\n{}", a[..2].join(" "), a[2..].join(" "))
            }
            _ => (0..2 + rng.below(6))
                .map(|_| *rng.pick(names::WORDS))
                .collect::<Vec<_>>()
                .join(" "),
        };
        out.push_str(&format!("{}{sender}: {text}\n", h(ms)));
    }
    (out, media)
}

/// Write the export; returns the paths written.
pub fn generate(spec: &WhatsAppSpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    match spec.layout {
        WaLayout::Report => return report(spec, out),
        WaLayout::AndroidFolder => {
            let mut w = ArchiveWriter::new(out, Container::Folder)?;
            for c in 0..spec.chats.max(1) {
                let (text, _) = chat(spec, c);
                w.add(
                    &format!(
                        "WhatsApp Chat with {}.txt",
                        chat_title(spec.seed, c, spec.group)
                    ),
                    text.as_bytes(),
                )?;
            }
            if spec.messy {
                w.add("WhatsApp Chat with Empty.txt", b"")?;
                let (text, _) = chat(
                    &WhatsAppSpec {
                        messy: false,
                        ..spec.clone()
                    },
                    99,
                );
                // A copy cut short in the middle of a line, and an impossible date.
                let cut = format!(
                    "31/02/2021, 10:00 - Kim: impossible\n{}",
                    &text[..text.len() / 2]
                );
                w.add("WhatsApp Chat with Truncated.txt", cut.as_bytes())?;
            }
            return w.finish();
        }
        _ => {}
    }
    let (text, media) = chat(spec, 0);
    let mut w = ArchiveWriter::new(out, Container::Zip)?;
    let name = match spec.layout {
        WaLayout::IosZip => "_chat.txt".to_string(),
        _ => format!(
            "WhatsApp Chat with {}.txt",
            chat_title(spec.seed, 0, spec.group)
        ),
    };
    let text = if spec.messy {
        format!("exported from a phone\n{text}")
    } else {
        text
    };
    w.add(&name, text.as_bytes())?;
    for (file, bytes) in media {
        w.add(&file, &bytes)?;
    }
    w.finish()
}

fn report(spec: &WhatsAppSpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    let o = Persona::for_seed(spec.seed);
    let groups: Vec<_> = (0..3).map(|i| json!({"name": format!("Weekend trip {}", i + 1), "creation": "2021-01-14T09:00:00Z"})).collect();
    let v = json!({
        "wa_user_info": {"phone_number": o.phone, "push_name": o.first, "about": "Hey there! I am using WhatsApp.", "registration_time": "2015-04-01 10:00:00"},
        "wa_connection_info": {"last_seen": "2024-03-01 08:00:00", "last_ip": "203.0.113.9", "connection_type": "wifi"},
        "wa_devices": [{"device": "iPhone 14", "platform": "iOS 17.3", "last_active": "2024-03-01 08:00:00"}, {"device": "WhatsApp Web", "platform": "Chrome", "last_active": "2024-02-20 19:00:00"}],
        "wa_groups": groups,
        "wa_contacts": 87,
        "wa_account_settings": {"last_seen_privacy": "contacts", "read_receipts": true},
    });
    let mut w = ArchiveWriter::new(out, Container::Zip)?;
    w.add(
        "whatsapp_report/account_info.json",
        &serde_json::to_vec_pretty(&v).expect("serializes"),
    )?;
    w.add(
        "whatsapp_report/index.html",
        b"<html><body><h1>Account information</h1></body></html>",
    )?;
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_styles() {
        let ms = 1_615_896_000_000; // 2021-03-16 12:00 UTC
        assert_eq!(
            header(WaLayout::IosZip, &DateStyle::ISO_IOS, ms),
            "[2021-03-16, 12:00:00] "
        );
        assert_eq!(
            header(WaLayout::AndroidZip, &DateStyle::US, ms),
            "3/16/21, 12:00\u{202f}PM - "
        );
        assert_eq!(
            header(WaLayout::AndroidZip, &DateStyle::DE, ms),
            "16.03.21, 12:00 - "
        );
        assert_eq!(
            header(WaLayout::IosZip, &DateStyle::US, ms),
            "[3/16/21, 12:00:00\u{202f}PM] "
        );
    }
}
