//! Date parsing shared by importers. Every time is stored as UTC epoch milliseconds (chrono).
//! [`localized`] reads the dates HTML exports print for people, in the account's language.

pub mod localized;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// RFC 3339 / ISO-8601 with zone (`2024-03-01T12:00:00Z`, with or without fractions).
pub fn iso_ms(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.timestamp_millis());
    }
    // Zone-less ISO forms are taken as UTC.
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M"] {
        if let Ok(n) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(Utc.from_utc_datetime(&n).timestamp_millis());
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0)?).timestamp_millis());
    }
    None
}

/// Earliest and latest instants accepted as real (1900-01-01, 2100-01-01): anything outside
/// is a sentinel (`0`, `9223372036854775807`), a unit mistake or damage, and no impossible
/// date is ever stored or shown.
pub const EARLIEST_MS: i64 = -2_208_988_800_000;
pub const LATEST_MS: i64 = 4_102_444_800_000;

/// `ms` if it is a plausible instant, else `None`. The Unix epoch itself
/// (`1970-01-01T00:00:00.000Z`, X's `createdAt` of device tokens without a date) is a
/// sentinel too: no export event happened at exactly that millisecond.
pub fn plausible(ms: i64) -> Option<i64> {
    ((EARLIEST_MS..LATEST_MS).contains(&ms) && ms != 0).then_some(ms)
}

/// A Unix time in unknown units, told apart by magnitude: seconds (up to 1e11, year 5138),
/// milliseconds (up to 1e14), microseconds (up to 1e17), else nanoseconds. Zero, negative and
/// sentinel values are "no date".
pub fn epoch_any(n: i64) -> Option<i64> {
    epoch_units(n).and_then(plausible)
}

/// [`epoch_any`] without the plausibility check: the milliseconds a positive number stands for,
/// whatever they are. The unit helpers below use it so that an impossible value (a sentinel
/// `9223372036854775807`) still reaches `ImportCx::emit`, which drops it with a warning.
pub fn epoch_units(n: i64) -> Option<i64> {
    match n {
        n if n <= 0 => None,
        n if n < 100_000_000_000 => Some(n.saturating_mul(1000)),
        n if n < 100_000_000_000_000 => Some(n),
        n if n < 100_000_000_000_000_000 => Some(n / 1000),
        n => Some(n / 1_000_000),
    }
}

/// Date and time text in the forms exports write, all taken as UTC unless they carry an
/// offset: ISO-8601 (with `T` or a space, with or without `Z`, fractions), `… UTC`/`GMT`
/// suffixes (Reddit, Snapchat, Uber's `+0000 UTC`), X's `Wed Oct 10 20:19:24 +0000 2018`,
/// `2025/10/09`, `15 Mar 2009`, `Mar 15, 2009`, LinkedIn's `1/13/24, 9:47 PM` and
/// `Tue Sep 10 08:04:49 UTC 2019`, and digits (epoch in any unit). The result
/// is checked with [`plausible`].
pub fn parse(s: &str) -> Option<i64> {
    let s = s.trim().trim_matches('\'').trim();
    // Java's `ZonedDateTime` appends the zone id (Spotify's `2022-12-28T14:05:11.123Z[UTC]`).
    let s = match s.strip_suffix(']').and_then(|x| x.rsplit_once('[')) {
        Some((before, _)) => before.trim_end(),
        None => s,
    };
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        // Four digits are a year (LinkedIn's Education `2008`), not seconds after 1970.
        if s.len() <= 4 {
            let d = NaiveDate::from_ymd_opt(s.parse().ok()?, 1, 1)?;
            return plausible(Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0)?).timestamp_millis());
        }
        // Eight digits that are a date (Apple Music's `Date Played` `20230115`): as epoch
        // seconds they would be 1970, which `plausible` rejects anyway.
        if s.len() == 8 {
            if let Ok(d) = NaiveDate::parse_from_str(s, "%Y%m%d") {
                if (1990..=2100).contains(&d.year()) {
                    return plausible(Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0)?).timestamp_millis());
                }
            }
        }
        return s.parse::<i64>().ok().and_then(epoch_any);
    }
    if let Some(ms) = iso_ms(s) {
        return plausible(ms);
    }
    // Zone words at the end: keep an offset before them, else read as UTC.
    let bare = ["UTC", "GMT", "Z"]
        .iter()
        .find_map(|z| s.strip_suffix(z))
        .map(str::trim_end)
        .unwrap_or(s);
    for fmt in ["%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S%.f %z", "%a %b %d %H:%M:%S %z %Y"] {
        if let Ok(dt) = DateTime::parse_from_str(bare, fmt) {
            return plausible(dt.timestamp_millis());
        }
    }
    if bare != s {
        if let Some(ms) = iso_ms(bare) {
            return plausible(ms);
        }
    }
    for fmt in [
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
        "%d %b %Y %H:%M:%S",
        "%d %b %Y %H:%M",
        "%b %d, %Y %H:%M:%S",
        "%b %d, %Y, %I:%M:%S %p",
        "%b %d, %Y %I:%M:%S %p",
        "%d.%m.%Y %H:%M:%S",
        "%d.%m.%Y %H:%M",
        // LinkedIn's Invitations and Job Applications (US order, two-digit year).
        "%m/%d/%y, %I:%M %p",
        // Java's `Date.toString()` (LinkedIn's Company Follows).
        "%a %b %d %H:%M:%S UTC %Y",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(bare, fmt) {
            return plausible(Utc.from_utc_datetime(&n).timestamp_millis());
        }
    }
    for fmt in ["%Y/%m/%d", "%d %b %Y", "%b %d, %Y", "%d %B %Y", "%B %d, %Y", "%d.%m.%Y", "%b %Y", "%Y-%m"] {
        if let Ok(d) = NaiveDate::parse_from_str(bare, fmt) {
            return plausible(Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0)?).timestamp_millis());
        }
    }
    // Month-year forms (`Mar 2015` on LinkedIn positions): chrono needs a day.
    for fmt in ["%d %b %Y", "%d %B %Y", "%d %Y-%m"] {
        if let Ok(d) = NaiveDate::parse_from_str(&format!("1 {bare}"), fmt) {
            return plausible(Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0)?).timestamp_millis());
        }
    }
    if let Ok(y) = bare.parse::<i32>() {
        let d = NaiveDate::from_ymd_opt(y, 1, 1)?;
        return plausible(Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0)?).timestamp_millis());
    }
    None
}

/// [`parse`], plus US month-first dates with slashes (`03/15/2023 14:05:09`,
/// `03/15/2023 14:05`, `03/15/2023`), as Amazon's Prime Video files write them. Only for files
/// known to be month-first: `parse` itself never guesses the order of `05/03/2023`.
pub fn parse_month_first(s: &str) -> Option<i64> {
    let bare = s.trim().trim_matches('\'').trim();
    let bare = ["UTC", "GMT"].iter().find_map(|z| bare.strip_suffix(z)).map(str::trim_end).unwrap_or(bare);
    for fmt in ["%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M"] {
        if let Ok(n) = NaiveDateTime::parse_from_str(bare, fmt) {
            return plausible(Utc.from_utc_datetime(&n).timestamp_millis());
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(bare, "%m/%d/%Y") {
        return plausible(Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0)?).timestamp_millis());
    }
    parse(s)
}

/// A wall-clock date and time without a zone, taken as UTC (chat exports write the phone's
/// local time and no zone), as epoch milliseconds. Impossible dates (31 February, hour 25)
/// and implausible years are `None`.
pub fn civil_ms(year: i32, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> Option<i64> {
    let n = NaiveDate::from_ymd_opt(year, month, day)?.and_hms_opt(hour, minute, second)?;
    plausible(Utc.from_utc_datetime(&n).timestamp_millis())
}

/// `ms` cut to its whole second (still in ms): what a time is when one format of an export
/// prints seconds and its twin milliseconds (HTML pages and their JSON), so both agree. The
/// subtraction saturates: within 1 s of `i64::MIN` (no date an export can hold) it stays there
/// instead of overflowing.
pub fn whole_second(ms: i64) -> i64 {
    ms.saturating_sub(ms.rem_euclid(1000))
}

/// Unix seconds to milliseconds (Meta's timestamps). Zero and negative mean "no date"; a
/// value too large to be seconds (from 1e11, year 5138) is read by its magnitude
/// ([`epoch_units`]): exports that write milliseconds or nanoseconds in a seconds field exist.
pub fn secs_ms(secs: i64) -> Option<i64> {
    if secs >= 100_000_000_000 {
        return epoch_units(secs);
    }
    (secs > 0).then(|| secs.saturating_mul(1000))
}

/// Milliseconds (Meta's `timestamp_ms`), or by magnitude when too large to be milliseconds
/// (from 1e14, year 5138): microseconds or nanoseconds. Zero and negative mean "no date".
pub fn ms_units(ms: i64) -> Option<i64> {
    if ms >= 100_000_000_000_000 {
        return epoch_units(ms);
    }
    (ms > 0).then_some(ms)
}

/// Milliseconds given as a string (Google's old `timestampMs`), as [`ms_units`].
pub fn ms_str(s: &str) -> Option<i64> {
    s.trim().parse::<i64>().ok().and_then(ms_units)
}

/// Microseconds since the Unix epoch (Chrome's `time_usec`); nanoseconds (from 1e17) are told
/// apart by magnitude.
pub fn usec_ms(usec: i64) -> Option<i64> {
    if usec >= 100_000_000_000_000_000 {
        return epoch_units(usec);
    }
    (usec > 0).then_some(usec / 1000)
}

/// The earliest event time an export can hold: 1995-01-01 UTC. No platform whose export
/// Footprint reads kept data before then, so an earlier value is a unit mistake, a sentinel or
/// damage (a birthday or a release year is a data field, never a record's time).
pub const EVENTS_FROM_MS: i64 = 788_918_400_000;

/// How far after the import an event may lie (clocks of phones and servers drift; an export
/// made "tomorrow" in another zone is real). Later is a sentinel or damage.
pub const FUTURE_SLACK_MS: i64 = 86_400_000;

/// What a record's time turned out to be, judged against the import's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventTime {
    /// A real instant, kept.
    Dated(i64),
    /// Zero or negative: the export's way of writing "no date" (not worth a warning).
    Undated,
    /// A value that cannot be when the event happened (before 1995 or more than a day after
    /// the import, in milliseconds as the importer computed them): dropped with a warning.
    Impossible(i64),
}

/// Judge an event time in milliseconds against `now_ms`, the import's clock. The one rule every
/// importer's records go through (`ImportCx::emit`).
pub fn event_time(ms: i64, now_ms: i64) -> EventTime {
    if ms <= 0 {
        EventTime::Undated
    } else if ms < EVENTS_FROM_MS || ms > now_ms.saturating_add(FUTURE_SLACK_MS) {
        EventTime::Impossible(ms)
    } else {
        EventTime::Dated(ms)
    }
}

/// A stored time as it may be shown: `None` unless it lies between [`EVENTS_FROM_MS`] and
/// [`LATEST_MS`]. Every time the query layer hands to a screen or a script goes through this,
/// so a value stored by an older Footprint (`0`, `9223372036854775807`) is never shown as a date.
pub fn shown(ms: Option<i64>) -> Option<i64> {
    ms.filter(|ms| (EVENTS_FROM_MS..LATEST_MS).contains(ms))
}

/// What people read where a time is missing or impossible.
pub const UNKNOWN_DATE: &str = "unknown date";

/// Format for people and reports: `2024-03-01 12:00 UTC`; [`UNKNOWN_DATE`] for a value
/// [`shown`] refuses.
pub fn display(ms: i64) -> String {
    match shown(Some(ms)).and_then(|ms| Utc.timestamp_millis_opt(ms).single()) {
        Some(dt) => dt.format("%Y-%m-%d %H:%M UTC").to_string(),
        None => UNKNOWN_DATE.to_string(),
    }
}

/// Date only: `2024-03-01`; [`UNKNOWN_DATE`] for a value [`shown`] refuses.
pub fn display_date(ms: i64) -> String {
    match shown(Some(ms)).and_then(|ms| Utc.timestamp_millis_opt(ms).single()) {
        Some(dt) => dt.format("%Y-%m-%d").to_string(),
        None => UNKNOWN_DATE.to_string(),
    }
}

#[cfg(test)]
mod tests {
    /// Found by the `dates` fuzz target (CI, 64,401 executions): a number within a second of
    /// `i64::MIN` made the cut overflow.
    #[test]
    fn fuzz_regression_dates_whole_second_of_the_smallest_time() {
        assert_eq!(super::whole_second(i64::MIN), i64::MIN);
        assert_eq!(super::whole_second(i64::MIN + 5), i64::MIN);
        assert_eq!(super::whole_second(-1), -1000);
        assert_eq!(super::whole_second(1_700_000_000_999), 1_700_000_000_000);
        assert_eq!(super::whole_second(i64::MAX), i64::MAX - i64::MAX.rem_euclid(1000));
    }

    use super::*;

    #[test]
    fn parses_google_times() {
        assert_eq!(iso_ms("2024-03-01T12:00:00Z"), Some(1_709_294_400_000));
        assert_eq!(iso_ms("2024-03-01T12:00:00.123Z"), Some(1_709_294_400_123));
        assert_eq!(iso_ms("2024-03-01T13:00:00+01:00"), Some(1_709_294_400_000));
        assert_eq!(iso_ms("2024-03-01 12:00:00"), Some(1_709_294_400_000));
        assert_eq!(iso_ms("not a date"), None);
        assert_eq!(ms_str("1709294400000"), Some(1_709_294_400_000));
        assert_eq!(secs_ms(1_709_294_400), Some(1_709_294_400_000));
        assert_eq!(secs_ms(0), None);
        assert_eq!(display(1_709_294_400_000), "2024-03-01 12:00 UTC");
    }

    #[test]
    fn parses_the_forms_exports_write() {
        let t = Some(1_539_202_764_000); // 2018-10-10 20:19:24 UTC
        for s in [
            "Wed Oct 10 20:19:24 +0000 2018",
            "2018-10-10 20:19:24 UTC",
            "2018-10-10 20:19:24 +0000 UTC",
            "2018-10-10 22:19:24 +0200",
            "2018-10-10T20:19:24.000Z",
            "2018-10-10 20:19:24",
            "2018/10/10 20:19:24",
            "1539202764",
            "1539202764000",
            "1539202764000000",
            "1539202764000000000",
        ] {
            assert_eq!(parse(s), t, "{s}");
        }
        assert_eq!(parse("15 Mar 2009"), Some(1_237_075_200_000));
        assert_eq!(parse("Mar 15, 2009"), Some(1_237_075_200_000));
        assert_eq!(parse("2025/10/09"), Some(1_759_968_000_000));
        assert_eq!(parse("Mar 2009"), Some(1_235_865_600_000));
        assert_eq!(parse("10/10/18, 8:19 PM"), Some(1_539_202_740_000));
        assert_eq!(parse("Wed Oct 10 20:19:24 UTC 2018"), t);
        assert_eq!(parse("2008"), Some(1_199_145_600_000), "a year, not 2008 seconds");
    }

    #[test]
    fn eight_digit_dates_are_dates() {
        assert_eq!(parse("20230115"), civil_ms(2023, 1, 15, 0, 0, 0));
    }

    #[test]
    fn zone_ids_in_brackets_are_dropped() {
        assert_eq!(parse("2022-12-28T14:05:11.123Z[UTC]"), parse("2022-12-28T14:05:11.123Z"));
        assert!(parse("2022-12-28T14:05:11.123Z[UTC]").is_some());
        assert_eq!(parse("[UTC]"), None);
    }

    #[test]
    fn month_first_dates_only_when_asked() {
        let t = Some(1_539_202_764_000); // 2018-10-10 20:19:24 UTC
        assert_eq!(parse_month_first("10/10/2018 20:19:24"), t);
        assert_eq!(parse_month_first("03/15/2023 14:05"), Some(1_678_889_100_000));
        assert_eq!(parse_month_first("03/15/2023"), Some(1_678_838_400_000));
        assert_eq!(parse_month_first("15/03/2023 14:05"), None, "no month 15");
        assert_eq!(parse_month_first("2018-10-10T20:19:24Z"), t, "other forms as `parse`");
        assert_eq!(parse("03/15/2023 14:05"), None, "`parse` does not guess");
    }

    #[test]
    fn civil_times_are_checked() {
        assert_eq!(civil_ms(2018, 10, 10, 20, 19, 24), Some(1_539_202_764_000));
        assert_eq!(civil_ms(2021, 2, 29, 12, 0, 0), None);
        assert_eq!(civil_ms(2021, 13, 1, 12, 0, 0), None);
        assert_eq!(civil_ms(2021, 1, 1, 24, 0, 0), None);
        assert_eq!(civil_ms(1800, 1, 1, 0, 0, 0), None);
    }

    #[test]
    fn sentinels_and_impossible_dates_are_no_date() {
        for s in ["0", "9223372036854775807", "-1", "0000-01-01 00:00:00", "9999-12-31 23:59:59", "", "soon", "N/A"] {
            assert_eq!(parse(s), None, "{s}");
        }
        assert_eq!(epoch_any(i64::MAX), None);
        for s in ["1970-01-01T00:00:00.000Z", "Thu Jan 01 00:00:00 +0000 1970"] {
            assert_eq!(parse(s), None, "the epoch is a sentinel: {s}");
        }
        assert_eq!(parse("1970-01-01T00:00:01Z"), Some(1000));
        assert_eq!(epoch_any(0), None);
    }

    #[test]
    fn event_times_are_judged_against_the_import_clock() {
        let now = 1_767_000_000_000; // 2025-12-29
        assert_eq!(event_time(0, now), EventTime::Undated);
        assert_eq!(event_time(-1, now), EventTime::Undated);
        assert_eq!(event_time(i64::MIN, now), EventTime::Undated);
        assert_eq!(event_time(EVENTS_FROM_MS - 1, now), EventTime::Impossible(EVENTS_FROM_MS - 1));
        assert_eq!(event_time(EVENTS_FROM_MS, now), EventTime::Dated(EVENTS_FROM_MS));
        assert_eq!(event_time(now + FUTURE_SLACK_MS, now), EventTime::Dated(now + FUTURE_SLACK_MS));
        assert_eq!(event_time(now + FUTURE_SLACK_MS + 1, now), EventTime::Impossible(now + FUTURE_SLACK_MS + 1));
        assert_eq!(event_time(i64::MAX, i64::MAX), EventTime::Dated(i64::MAX), "no overflow");
        assert_eq!(event_time(i64::MAX, now), EventTime::Impossible(i64::MAX));
    }

    #[test]
    fn impossible_values_are_never_displayed_as_dates() {
        for ms in [0, -1, i64::MAX, i64::MIN, 16_000_000_000_000, -62_167_219_200_000, EVENTS_FROM_MS - 1, LATEST_MS] {
            assert_eq!(display(ms), UNKNOWN_DATE, "{ms}");
            assert_eq!(display_date(ms), UNKNOWN_DATE, "{ms}");
            assert_eq!(shown(Some(ms)), None, "{ms}");
        }
        assert_eq!(display(1_709_294_400_000), "2024-03-01 12:00 UTC");
        assert_eq!(display_date(1_709_294_400_000), "2024-03-01");
        assert_eq!(shown(Some(EVENTS_FROM_MS)), Some(EVENTS_FROM_MS));
        assert_eq!(shown(None), None);
    }

    #[test]
    fn unit_helpers_tell_units_apart_by_magnitude() {
        let ms = 1_709_294_400_123;
        assert_eq!(secs_ms(1_709_294_400), Some(1_709_294_400_000));
        assert_eq!(secs_ms(ms), Some(ms), "milliseconds in a seconds field");
        assert_eq!(secs_ms(ms * 1_000_000), Some(ms), "nanoseconds in a seconds field");
        assert_eq!(ms_units(ms), Some(ms));
        assert_eq!(ms_units(ms * 1000), Some(ms), "microseconds");
        assert_eq!(ms_units(ms * 1_000_000), Some(ms), "nanoseconds");
        assert_eq!(usec_ms(ms * 1000), Some(ms));
        assert_eq!(usec_ms(ms * 1_000_000), Some(ms), "nanoseconds in a microseconds field");
        assert_eq!(ms_str(&(ms * 1_000_000).to_string()), Some(ms));
        for f in [secs_ms, ms_units, usec_ms] {
            assert_eq!(f(0), None);
            assert_eq!(f(-1), None);
            // A sentinel is passed on (as some instant in 2262) for `ImportCx::emit` to drop
            // with a warning, not silently turned into "no date" here.
            assert!(f(i64::MAX).is_some_and(|v| plausible(v).is_none()));
        }
    }
}
