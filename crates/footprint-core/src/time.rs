//! Date parsing shared by importers. Every time is stored as UTC epoch milliseconds (chrono).

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

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

/// Unix seconds to milliseconds (Meta's timestamps). Zero and negative mean "no date".
pub fn secs_ms(secs: i64) -> Option<i64> {
    (secs > 0).then(|| secs.saturating_mul(1000))
}

/// Milliseconds given as a string (Google's old `timestampMs`).
pub fn ms_str(s: &str) -> Option<i64> {
    s.trim().parse::<i64>().ok().filter(|v| *v > 0)
}

/// Microseconds since the Unix epoch (Chrome's `time_usec`).
pub fn usec_ms(usec: i64) -> Option<i64> {
    (usec > 0).then_some(usec / 1000)
}

/// Format for people and reports: `2024-03-01 12:00 UTC`.
pub fn display(ms: i64) -> String {
    match Utc.timestamp_millis_opt(ms).single() {
        Some(dt) => dt.format("%Y-%m-%d %H:%M UTC").to_string(),
        None => ms.to_string(),
    }
}

/// Date only: `2024-03-01`.
pub fn display_date(ms: i64) -> String {
    match Utc.timestamp_millis_opt(ms).single() {
        Some(dt) => dt.format("%Y-%m-%d").to_string(),
        None => ms.to_string(),
    }
}

#[cfg(test)]
mod tests {
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
}
