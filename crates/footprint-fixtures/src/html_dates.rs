//! Dates as HTML exports print them for people, in the account's language: the text the
//! importers' `time::localized` reader must understand. Shared by every generator of HTML
//! pages (Google's My Activity, Meta's HTML download), so both write the same languages the
//! same way.
//!
//! Facts: Google's My Activity cards end with `Mar 8, 2018, 5:14:40 PM EST` in English and the
//! local form elsewhere (`8 mars 2018, 17:14:40 UTC+1`, `08.03.2018, 17:14:40 MEZ`), and wrote
//! no zone before 2018. Meta's pages write `Mar 08, 2018 5:14:40 pm` (English) with no zone.
//! Where the exact local form is not documented the generator uses the language's usual
//! written date (marked `~` in docs/IMPORTERS.md).

use chrono::{DateTime, Datelike, FixedOffset, TimeZone, Timelike, Utc};

/// Languages of generated HTML pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    De,
    Fr,
    Es,
    It,
    Nl,
    Pt,
    Pl,
}

impl Lang {
    pub const ALL: [Lang; 8] = [Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::It, Lang::Nl, Lang::Pt, Lang::Pl];

    /// Abbreviated month names as pages print them.
    fn months(self) -> [&'static str; 12] {
        match self {
            Lang::En => ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
            Lang::De => ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
            Lang::Fr => ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
            Lang::Es => ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
            Lang::It => ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
            Lang::Nl => ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."],
            Lang::Pt => ["jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."],
            Lang::Pl => ["sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru"],
        }
    }

    /// The zone the account's pages are printed in, and its abbreviation (fixed offsets:
    /// the generator ignores summer time).
    fn zone(self) -> (i32, &'static str) {
        match self {
            Lang::En => (-5 * 3600, "EST"),
            Lang::De => (3600, "MEZ"),
            Lang::Fr => (3600, "UTC+1"),
            Lang::Pt => (-3 * 3600, "BRT"),
            Lang::Es | Lang::It | Lang::Nl | Lang::Pl => (3600, "CET"),
        }
    }
}

fn local(ms: i64, offset_secs: i32) -> DateTime<FixedOffset> {
    let zone = FixedOffset::east_opt(offset_secs).expect("valid offset");
    Utc.timestamp_millis_opt(ms).single().expect("generated times are valid").with_timezone(&zone)
}

/// A My Activity card's date line. Before 2018 Google printed no zone: the time is then the
/// UTC wall clock, so it reads back as the same instant.
pub fn google(ms: i64, lang: Lang) -> String {
    let with_zone = Utc.timestamp_millis_opt(ms).single().is_some_and(|t| t.year() >= 2018);
    let (offset, abbr) = if with_zone { lang.zone() } else { (0, "") };
    let t = local(ms, offset);
    let month = lang.months()[t.month0() as usize];
    let (d, y, h, mi, s) = (t.day(), t.year(), t.hour(), t.minute(), t.second());
    let text = match lang {
        Lang::En => {
            let (pm, h12) = t.hour12();
            format!("{month} {d}, {y}, {h12}:{mi:02}:{s:02}\u{202f}{}", if pm { "PM" } else { "AM" })
        }
        Lang::De => format!("{d:02}.{:02}.{y}, {h:02}:{mi:02}:{s:02}", t.month()),
        Lang::Pt => format!("{d} de {month} de {y}, {h:02}:{mi:02}:{s:02}"),
        Lang::Nl => format!("{d} {month} {y} {h:02}:{mi:02}:{s:02}"),
        Lang::Fr | Lang::Es | Lang::It | Lang::Pl => format!("{d} {month} {y}, {h:02}:{mi:02}:{s:02}"),
    };
    if abbr.is_empty() {
        text
    } else {
        format!("{text} {abbr}")
    }
}

/// A Meta HTML page's date line: no zone (the UTC wall clock).
pub fn meta(ms: i64, lang: Lang) -> String {
    let t = local(ms, 0);
    let month = lang.months()[t.month0() as usize];
    let (d, y, h, mi, s) = (t.day(), t.year(), t.hour(), t.minute(), t.second());
    match lang {
        Lang::En => {
            let (pm, h12) = t.hour12();
            format!("{month} {d:02}, {y} {h12}:{mi:02}:{s:02} {}", if pm { "pm" } else { "am" })
        }
        Lang::De => format!("{d:02}.{:02}.{y}, {h:02}:{mi:02}:{s:02}", t.month()),
        Lang::Pt | Lang::Es => format!("{d} de {month} de {y} {h:02}:{mi:02}:{s:02}"),
        Lang::Fr | Lang::It | Lang::Nl | Lang::Pl => format!("{d} {month} {y} {h:02}:{mi:02}:{s:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let t = 1_520_547_280_000; // 2018-03-08 22:14:40 UTC
        assert_eq!(google(t, Lang::En), "Mar 8, 2018, 5:14:40\u{202f}PM EST");
        assert_eq!(google(t, Lang::De), "08.03.2018, 23:14:40 MEZ");
        assert_eq!(google(t, Lang::Fr), "8 mars 2018, 23:14:40 UTC+1");
        assert_eq!(google(t, Lang::Pt), "8 de mar. de 2018, 19:14:40 BRT");
        assert_eq!(google(t - 365 * 86_400_000, Lang::En), "Mar 8, 2017, 10:14:40\u{202f}PM", "no zone before 2018");
        assert_eq!(meta(t, Lang::En), "Mar 08, 2018 10:14:40 pm");
        assert_eq!(meta(t, Lang::Es), "8 de mar de 2018 22:14:40");
    }
}
