//! Dates written for people, in the account's language, as HTML exports print them:
//! `Mar 8, 2018, 5:14:40 PM EST` (Google, English), `8 mars 2018, 17:14:40 UTC+1` (French),
//! `08.03.2018, 17:14:40 MEZ` and `8. März 2018 um 17:14:40` (German), `8 mar 2018, 17:14:40
//! CET` (Spanish, Italian), `8 de março de 2018 17:14:40 BRT` (Portuguese), `8 mrt. 2018 17:14`
//! (Dutch), `8 marca 2018, 17:14:40` (Polish), Meta's `Mar 08, 2018 5:14:40 pm`.
//!
//! The forms differ in word order, separators and filler words (`de`, `à`, `um`, `om`), but
//! each is a day, a month (a name or a number), a year, maybe a time with maybe AM/PM, and
//! maybe a zone. So the text is cut into words and each word is recognized on its own: a
//! month name in any of the languages, a four-digit year, a clock, a zone. Weekdays and filler
//! words are ignored. Before 2018 Google wrote no zone: such times are read as UTC.
//!
//! Numeric dates: `08.03.2018` is day-first (the dotted form is European everywhere),
//! `2018-03-08` year-first, and `3/8/2018` month-first unless its first number cannot be a
//! month (`25/03/2018`), as US-English pages write it.

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

/// Month names and their common abbreviations (lowercase, without the trailing dot) in
/// English, German, French, Spanish, Italian, Dutch, Portuguese and Polish (Polish dates use
/// the genitive: `8 marca 2018`).
const MONTHS: [&[&str]; 12] = [
    &["january", "jan", "januar", "jänner", "jän", "janvier", "janv", "enero", "ene", "gennaio", "gen", "januari", "janeiro", "stycznia", "styczeń", "sty"],
    &["february", "feb", "februar", "février", "fevrier", "févr", "fevr", "fév", "febrero", "febbraio", "februari", "fevereiro", "fev", "lutego", "luty", "lut"],
    &["march", "mar", "märz", "mär", "mrz", "maerz", "mars", "marzo", "maart", "mrt", "março", "marco", "marca", "marzec"],
    &["april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "kwi"],
    &["may", "mai", "mayo", "maggio", "mag", "mei", "maio", "maja", "maj"],
    &["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwca", "czerwiec", "cze"],
    &["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipca", "lipiec", "lip"],
    &["august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień", "sie"],
    &["september", "sep", "sept", "septembre", "septiembre", "setiembre", "set", "settembre", "setembro", "września", "wrzesień", "wrz"],
    &["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "października", "październik", "paź", "paz"],
    &["november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad", "lis"],
    &["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "grudnia", "grudzień", "gru"],
];

/// Zone abbreviations exports print, as offsets from UTC in minutes. Where an abbreviation is
/// ambiguous the reading Google's pages use wins (`IST` is India, `CST` US Central).
const ZONES: &[(&str, i32)] = &[
    ("utc", 0), ("gmt", 0), ("z", 0), ("wet", 0),
    ("bst", 60), ("west", 60), ("cet", 60), ("mez", 60), ("wat", 60),
    ("cest", 120), ("mesz", 120), ("eet", 120), ("sast", 120), ("cat", 120),
    ("eest", 180), ("msk", 180), ("trt", 180), ("eat", 180),
    ("ist", 330), ("pkt", 300), ("ict", 420), ("wib", 420),
    ("sgt", 480), ("hkt", 480), ("awst", 480), ("pht", 480),
    ("jst", 540), ("kst", 540), ("acst", 570), ("aest", 600), ("aedt", 660), ("nzst", 720), ("nzdt", 780),
    ("nst", -210), ("ndt", -150), ("ast", -240), ("adt", -180),
    ("est", -300), ("edt", -240), ("cst", -360), ("cdt", -300),
    ("mst", -420), ("mdt", -360), ("pst", -480), ("pdt", -420),
    ("akst", -540), ("akdt", -480), ("hst", -600),
    ("brt", -180), ("art", -180), ("clt", -240), ("cot", -300), ("pet", -300),
];

/// The pieces found in the text.
#[derive(Debug, Default)]
struct Pieces {
    day: Option<u32>,
    month: Option<u32>,
    year: Option<i32>,
    time: Option<NaiveTime>,
    /// `Some(false)` AM, `Some(true)` PM.
    pm: Option<bool>,
    offset_minutes: Option<i32>,
}

/// A localized date and time as UTC epoch milliseconds, or `None` when the text is not a
/// date this module knows (the caller keeps the record without a date and warns).
pub fn parse(text: &str) -> Option<i64> {
    let pieces = pieces(text)?;
    let date = NaiveDate::from_ymd_opt(pieces.year?, pieces.month?, pieces.day?)?;
    let mut time = pieces.time.unwrap_or_default();
    if let Some(pm) = pieces.pm {
        use chrono::Timelike;
        let h = time.hour();
        if !(1..=12).contains(&h) {
            return None;
        }
        let h24 = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
        time = time.with_hour(h24)?;
    }
    let offset = FixedOffset::east_opt(pieces.offset_minutes.unwrap_or(0) * 60)?;
    let local = NaiveDateTime::new(date, time);
    let instant = offset.from_local_datetime(&local).single()?;
    super::plausible(instant.timestamp_millis())
}

/// Cut `text` into words and recognize each. `None` when a word contradicts another (two
/// months, two years).
fn pieces(text: &str) -> Option<Pieces> {
    // Spanish and Portuguese pages write `p. m.` with a space inside.
    let lowered = text.to_lowercase().replace("p. m.", "pm").replace("a. m.", "am");
    let mut p = Pieces::default();
    // Commas and the narrow/no-break spaces Google puts before AM/PM separate words.
    let cleaned: String = lowered
        .chars()
        .map(|c| match c {
            ',' | '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
            c => c,
        })
        .collect();
    for word in cleaned.split_whitespace() {
        word_into(word, &mut p)?;
    }
    Some(p)
}

fn word_into(word: &str, p: &mut Pieces) -> Option<()> {
    // `a.m.`, `p.m.` (Spanish, Portuguese), `am`, `pm`, also glued to the clock (`5:14pm`).
    let undotted: String = word.chars().filter(|c| *c != '.').collect();
    match undotted.as_str() {
        "am" | "vorm" => return set(&mut p.pm, false),
        "pm" | "nachm" => return set(&mut p.pm, true),
        _ => {}
    }
    if let Some(offset) = zone(word) {
        return set(&mut p.offset_minutes, offset);
    }
    if word.starts_with("utc") || word.starts_with("gmt") {
        // `UTC+25`: a zone, but not one that exists.
        return None;
    }
    if word.contains(':') {
        let (clock, meridiem) = match undotted.strip_suffix("pm").or_else(|| undotted.strip_suffix("am")) {
            Some(c) => (c.to_string(), Some(undotted.ends_with("pm"))),
            None => (word.to_string(), None),
        };
        if let Some(t) = clock_of(&clock) {
            if let Some(m) = meridiem {
                set(&mut p.pm, m)?;
            }
            return set(&mut p.time, t);
        }
        // `25:14:40`: a clock that cannot be.
        return None;
    }
    if let Some((y, m, d)) = numeric_date(word) {
        set(&mut p.year, y)?;
        set(&mut p.month, m)?;
        return set(&mut p.day, d);
    }
    let bare = word.trim_end_matches('.');
    if let Some(m) = month_of(bare) {
        return set(&mut p.month, m);
    }
    if !bare.is_empty() && bare.bytes().all(|b| b.is_ascii_digit()) {
        let n: u32 = bare.parse().ok()?;
        if bare.len() == 4 {
            return set(&mut p.year, n as i32);
        }
        if bare.len() <= 2 && (1..=31).contains(&n) {
            return set(&mut p.day, n);
        }
        return None;
    }
    // Weekdays, `de`, `à`, `um`, `om`, `alle`, `às`, `at`, `o`: not part of the value.
    Some(())
}

/// Store `value` unless the slot already holds another one (two months in one date).
fn set<T: PartialEq>(slot: &mut Option<T>, value: T) -> Option<()> {
    match slot {
        Some(old) if *old != value => None,
        _ => {
            *slot = Some(value);
            Some(())
        }
    }
}

fn month_of(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .map(|i| i as u32 + 1)
}

/// `17:14`, `17:14:40`, `17:14:40.123`, `17h14` is not accepted (no export writes it).
fn clock_of(word: &str) -> Option<NaiveTime> {
    let mut parts = word.split(':');
    let h: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let (s, ms) = match parts.next() {
        Some(sec) => match sec.split_once('.') {
            Some((s, frac)) => {
                let digits: String = frac.chars().take(3).collect();
                let ms = format!("{digits:0<3}").parse::<u32>().ok()?;
                (s.parse().ok()?, ms)
            }
            None => (sec.parse().ok()?, 0),
        },
        None => (0, 0),
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_milli_opt(h, m, s, ms)
}

/// `08.03.2018` (day first), `2018-03-08` (year first), `3/8/2018` (month first unless the
/// first number is over 12), with two-digit years taken as 20xx.
fn numeric_date(word: &str) -> Option<(i32, u32, u32)> {
    let word = word.trim_end_matches('.');
    let sep = ['.', '-', '/'].into_iter().find(|s| word.contains(*s))?;
    let parts: Vec<&str> = word.split(sep).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let n: Vec<u32> = parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let year = |i: usize| -> i32 {
        if parts[i].len() == 2 {
            2000 + n[i] as i32
        } else {
            n[i] as i32
        }
    };
    if parts[0].len() == 4 {
        return Some((n[0] as i32, n[1], n[2]));
    }
    if parts[2].len() != 4 && parts[2].len() != 2 {
        return None;
    }
    match sep {
        '/' if n[0] <= 12 => Some((year(2), n[0], n[1])),
        _ => Some((year(2), n[1], n[0])),
    }
}

/// A zone word: an abbreviation, `UTC+1`, `GMT+01:00`, `UTC-05:30`, `+0100`, `-05:00`.
fn zone(word: &str) -> Option<i32> {
    let w = word.trim_matches(|c| c == '(' || c == ')');
    if let Some((_, minutes)) = ZONES.iter().find(|(name, _)| *name == w) {
        return Some(*minutes);
    }
    let rest = w.strip_prefix("utc").or_else(|| w.strip_prefix("gmt")).unwrap_or(w);
    let (sign, digits) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        // `+0100`; four bytes need not be four characters (`+1€`): checked, never sliced blind.
        None if digits.len() == 4 => digits.split_at_checked(2)?,
        None => (digits, "0"),
    };
    if h.is_empty() || h.len() > 2 || !h.bytes().all(|b| b.is_ascii_digit()) || !m.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::civil_ms;

    /// `dates` fuzz target: a zone-like word whose four bytes after the sign are not four
    /// characters (`-\u{fffd}p` from invalid UTF-8, `+1€`) panicked when split as `HHMM`.
    #[test]
    fn fuzz_regression_dates_zone_whose_four_bytes_are_not_four_digits() {
        for text in ["-\u{fffd}p", "+1€", "8 mars 2018, 17:14:40 UTC+1€", "-\u{9f}p\u{b}8-01de 6"] {
            assert_eq!(parse(text), None, "{text:?}");
        }
        assert_eq!(zone("+0100"), Some(60));
        assert_eq!(zone("-0330"), Some(-210));
    }

    /// 2018-03-08 22:14:40 UTC: 5:14:40 PM in New York, 23:14:40 in Paris.
    fn march_8() -> Option<i64> {
        civil_ms(2018, 3, 8, 22, 14, 40)
    }

    #[test]
    fn the_languages_of_html_exports() {
        for s in [
            "Mar 8, 2018, 5:14:40 PM EST",
            "Mar 8, 2018, 5:14:40\u{202f}PM EST",
            "March 8, 2018 at 5:14:40 PM EST",
            "8 Mar 2018, 22:14:40 GMT",
            "8 Mar 2018, 22:14:40 UTC",
            "8 mars 2018, 23:14:40 UTC+1",
            "8 mars 2018 à 23:14:40 UTC+01:00",
            "08.03.2018, 23:14:40 MEZ",
            "8. März 2018, 23:14:40 MEZ",
            "8. März 2018 um 23:14:40 CET",
            "8 mar 2018, 23:14:40 CET",
            "8 de marzo de 2018, 23:14:40 CET",
            "8 marzo 2018, 23:14:40 CET",
            "8 mrt. 2018 23:14:40 CET",
            "8 maart 2018 om 23:14:40 CET",
            "8 de mar. de 2018, 19:14:40 BRT",
            "8 de março de 2018 19:14:40 GMT-03:00",
            "8 marca 2018, 23:14:40 CET",
            "Thursday, March 8, 2018 5:14:40 PM EST",
            "jeudi 8 mars 2018, 23:14:40 UTC+1",
            "2018-03-08 22:14:40 UTC",
            "3/8/2018, 5:14:40 PM EST",
            "Mar 8, 2018 5:14:40 pm -0500",
            "8 mar 2018, 5:14:40 p. m. EST",
        ] {
            assert_eq!(parse(s), march_8(), "{s}");
        }
    }

    #[test]
    fn meta_forms_and_missing_zones() {
        // Meta's HTML: month name, zero-padded day, lowercase am/pm, no zone (read as UTC).
        assert_eq!(parse("Mar 08, 2018 5:14:40 pm"), civil_ms(2018, 3, 8, 17, 14, 40));
        assert_eq!(parse("Jan 25, 2024 12:02:03 am"), civil_ms(2024, 1, 25, 0, 2, 3));
        assert_eq!(parse("Jan 25, 2024 12:02 pm"), civil_ms(2024, 1, 25, 12, 2, 0));
        assert_eq!(parse("25 janv. 2024 11:02:03"), civil_ms(2024, 1, 25, 11, 2, 3));
        assert_eq!(parse("25.01.2024, 11:02"), civil_ms(2024, 1, 25, 11, 2, 0));
        assert_eq!(parse("25/01/2024 11:02"), civil_ms(2024, 1, 25, 11, 2, 0), "25 is no month");
        // Google before 2018: no zone.
        assert_eq!(parse("Mar 8, 2016, 5:14:40 PM"), civil_ms(2016, 3, 8, 17, 14, 40));
        assert_eq!(parse("8 Mar 2016"), civil_ms(2016, 3, 8, 0, 0, 0));
    }

    #[test]
    fn not_dates_are_none() {
        for s in [
            "",
            "Watched a video",
            "Mar 2018",
            "Feb 30, 2018, 5:14:40 PM",
            "Mar 8, 2018, 13:14:40 PM",
            "Mar 8, 2018, 25:14:40",
            "Mar 8, 2018 Apr",
            "8 Mar 2018 2019",
            "Mar 8, 1850",
            "Mar 8, 2018, 5:14:40 PM UTC+25",
            "123456",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
    }

    #[test]
    fn every_month_in_every_language() {
        let names = [
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], // en
            ["jan", "feb", "märz", "apr", "mai", "juni", "juli", "aug", "sept", "okt", "nov", "dez"], // de
            ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."], // fr
            ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"], // es
            ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"], // it
            ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"], // nl
            ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"], // pt
            ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"], // pl
        ];
        for lang in names {
            for (i, name) in lang.iter().enumerate() {
                let s = format!("3 {name} 2020, 10:00");
                assert_eq!(parse(&s), civil_ms(2020, i as u32 + 1, 3, 10, 0, 0), "{s}");
            }
        }
    }
}

#[cfg(test)]
mod generated {
    //! Every form the fixture generators print reads back as the same instant.
    use super::parse;
    use footprint_fixtures::html_dates::{google, meta, Lang};

    #[test]
    fn generated_dates_read_back() {
        // Every month, both halves of the day, before and after Google started printing zones.
        for month in 0..12i64 {
            for hour in [0i64, 9, 12, 13, 23] {
                for year_ms in [1_451_606_400_000i64, 1_546_300_800_000] {
                    let ms = year_ms + month * 31 * 86_400_000 + hour * 3_600_000 + 754_000;
                    for lang in Lang::ALL {
                        assert_eq!(parse(&google(ms, lang)), Some(ms), "{}", google(ms, lang));
                        assert_eq!(parse(&meta(ms, lang)), Some(ms), "{}", meta(ms, lang));
                    }
                }
            }
        }
    }
}
