//! Discord's own tracking: `activity/{analytics,modeling,reporting,tns}/events-*.json`.
//!
//! Each file is newline-delimited JSON, one event per line, and can be several GB: `{"event_type":
//! "app_opened", "event_id": "…", "timestamp": "\"2021-03-01T12:00:00.000Z\"", "os": "Windows",
//! "os_version": "10", "browser": "Discord Client", "device": "…", "city": "…", "region_code":
//! "…", "country_code": "…", "time_zone": "…", "ip": "…", "isp": "…", …}` (the timestamp
//! carries an extra pair of quotes). Packages since 2023 add a few lines without an event type
//! that hold Discord's guess of the user's gender or age (`predicted_gender`, `predicted_age`).
//!
//! One record per event would drown every other record (millions of `app_opened`), so the
//! file is SUMMARIZED while it streams ([`crate::formats::ndjson`], typed serde borrowing the
//! line): per event type, device (OS, browser, device), IP-derived location and IP address,
//! a count with first and last seen. The records come at the end of the file: one per file,
//! one per event type, device, location and IP (each table bounded by [`MAX_DISTINCT`]),
//! plus the inferences as they are. Memory is the tables, not the file.

use crate::formats::ndjson;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record};
use serde::de::{Deserializer, Visitor};
use serde::Deserialize;
use serde_json::json;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Read;

/// Distinct values kept per table; more are counted under "other" (a hostile or unusual file
/// cannot grow memory without bound).
pub const MAX_DISTINCT: usize = 5_000;
/// Inference lines kept per file (real packages have two or three).
const MAX_INFERENCES: usize = 100;

/// A string field that may also arrive as a number, a boolean or `null`: never fails the line.
#[derive(Default)]
struct Loose<'a>(Option<Cow<'a, str>>);

impl<'de: 'a, 'a> Deserialize<'de> for Loose<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Loose<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, number, boolean or null")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Loose(Some(Cow::Borrowed(v))))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Loose(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Loose(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Loose(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
                Ok(Loose(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
                Ok(Loose(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Loose(None))
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(Loose(None))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_any(V)
            }
            // Objects and arrays where a string was expected: ignored, not an error.
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Self::Value, A::Error> {
                while a
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Loose(None))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Self::Value, A::Error> {
                while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Loose(None))
            }
        }
        d.deserialize_any(V)
    }
}

impl Loose<'_> {
    /// The trimmed text without Discord's extra quotes; `None` when empty.
    fn get(&self) -> Option<&str> {
        self.0
            .as_deref()
            .map(|s| s.trim().trim_matches('"').trim())
            .filter(|s| !s.is_empty())
    }
}

/// The fields of an event line that the summary needs; serde skips the rest.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Event<'a> {
    #[serde(borrow)]
    event_type: Loose<'a>,
    #[serde(borrow)]
    timestamp: Loose<'a>,
    #[serde(borrow)]
    os: Loose<'a>,
    #[serde(borrow)]
    os_version: Loose<'a>,
    #[serde(borrow)]
    browser: Loose<'a>,
    #[serde(borrow)]
    device: Loose<'a>,
    #[serde(borrow)]
    city: Loose<'a>,
    #[serde(borrow)]
    region_code: Loose<'a>,
    #[serde(borrow)]
    country_code: Loose<'a>,
    #[serde(borrow)]
    time_zone: Loose<'a>,
    #[serde(borrow)]
    ip: Loose<'a>,
    #[serde(borrow)]
    isp: Loose<'a>,
    #[serde(borrow)]
    predicted_gender: Loose<'a>,
    #[serde(borrow)]
    predicted_age: Loose<'a>,
}

/// How often and when something was seen.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Seen {
    count: u64,
    first: Option<i64>,
    last: Option<i64>,
    /// Line of the first sighting (the record's position).
    line: u64,
}

impl Seen {
    fn add(&mut self, ts: Option<i64>, line: u64) {
        if self.count == 0 {
            self.line = line;
        }
        self.count += 1;
        if let Some(t) = ts {
            self.first = Some(self.first.map_or(t, |f| f.min(t)));
            self.last = Some(self.last.map_or(t, |l| l.max(t)));
        }
    }
}

/// A bounded table of distinct values (joined parts) and their sightings.
#[derive(Default)]
struct Table {
    rows: HashMap<String, Seen>,
    /// Sightings of values past [`MAX_DISTINCT`].
    other: Seen,
}

impl Table {
    /// Count `key`; allocates only for a value never seen before.
    fn add(&mut self, key: &str, ts: Option<i64>, line: u64) {
        if let Some(s) = self.rows.get_mut(key) {
            s.add(ts, line);
        } else if self.rows.len() < MAX_DISTINCT {
            self.rows.entry(key.to_string()).or_default().add(ts, line);
        } else {
            self.other.add(ts, line);
        }
    }

    /// Rows by count (most first), then by value: a stable order for records and snapshots.
    fn sorted(&self) -> Vec<(&str, Seen)> {
        let mut v: Vec<(&str, Seen)> = self.rows.iter().map(|(k, s)| (k.as_str(), *s)).collect();
        v.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
        v
    }
}

/// Separator of the parts of a composite table key (never inside a value).
const SEP: char = '\u{1f}';

/// Put the present parts into `buf`, joined by [`SEP`]; false when every part is missing.
fn compose(buf: &mut String, parts: &[Option<&str>]) -> bool {
    buf.clear();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            buf.push(SEP);
        }
        buf.push_str(p.unwrap_or(""));
    }
    parts.iter().any(Option::is_some)
}

fn split(key: &str) -> Vec<Option<&str>> {
    key.split(SEP)
        .map(|p| (!p.is_empty()).then_some(p))
        .collect()
}

/// Everything learned from one file.
#[derive(Default)]
struct Summary {
    events: u64,
    all: Seen,
    types: Table,
    devices: Table,
    locations: Table,
    ips: Table,
    inferences: Vec<(u64, serde_json::Value)>,
    undated: u64,
}

impl Summary {
    fn add(&mut self, line: u64, raw: &[u8], e: &Event<'_>, buf: &mut String) {
        let ts = e.timestamp.get().and_then(super::time_of);
        if ts.is_none() {
            self.undated += 1;
        }
        let Some(kind) = e.event_type.get() else {
            if (e.predicted_gender.get().is_some() || e.predicted_age.get().is_some())
                && self.inferences.len() < MAX_INFERENCES
            {
                if let Ok(v) = serde_json::from_slice(raw) {
                    self.inferences.push((line, v));
                }
            }
            return;
        };
        self.events += 1;
        self.all.add(ts, line);
        self.types.add(kind, ts, line);
        if compose(
            buf,
            &[
                e.os.get(),
                e.os_version.get(),
                e.browser.get(),
                e.device.get(),
            ],
        ) {
            self.devices.add(buf, ts, line);
        }
        if compose(
            buf,
            &[
                e.city.get(),
                e.region_code.get(),
                e.country_code.get(),
                e.time_zone.get(),
            ],
        ) {
            self.locations.add(buf, ts, line);
        }
        if compose(buf, &[e.ip.get(), e.isp.get()]) {
            self.ips.add(buf, ts, line);
        }
    }
}

/// The tracking kind of a file: the folder below `activity/` (`analytics`, `tns`, ...).
fn tracking_kind(path: &str) -> String {
    let parts = super::paths::package_parts(path);
    match parts.as_slice() {
        [a, kind, ..] if a == "activity" => kind.clone(),
        _ => "activity".to_string(),
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Summarize one events file.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let mut s = Summary::default();
    let mut buf = String::with_capacity(128);
    ndjson::for_each_line(reader, cx, |n, raw, cx| {
        match serde_json::from_slice::<Event<'_>>(raw) {
            Ok(e) => s.add(n, raw, &e, &mut buf),
            Err(e) => cx.warn(Some(n), format!("line {n} is not an event: {e}")),
        }
        Ok(())
    })?;
    emit(cx, &s)
}

fn emit(cx: &mut ImportCx<'_>, s: &Summary) -> Result<(), ParseError> {
    let kind = tracking_kind(cx.file);
    let file = file_name(cx.file).to_string();
    if s.events == 0 && s.inferences.is_empty() {
        cx.warn(None, "no events in this file");
        return Ok(());
    }
    let shown = |t: Option<i64>| {
        t.map(crate::time::display_date)
            .unwrap_or_else(|| "?".into())
    };
    if s.events > 0 {
        let r = Record::new("tracking_summary", Category::ActivityBrowsing)
            .at(s.all.first)
            .until(s.all.last)
            .title(format!(
                "Discord {kind}: {} events of {} types, {} to {}",
                s.events,
                s.types.rows.len(),
                shown(s.all.first),
                shown(s.all.last)
            ))
            .data(&json!({
                "tracking": kind,
                "events": s.events,
                "event_types": s.types.rows.len(),
                "devices": s.devices.rows.len(),
                "locations": s.locations.rows.len(),
                "ip_addresses": s.ips.rows.len(),
                "undated": s.undated,
            }))
            .with_key(&[&kind, &file]);
        cx.emit(0, r)?;
    }
    for (name, seen) in s.types.sorted() {
        let r = Record::new("tracked_event_type", Category::ActivityBrowsing)
            .at(seen.first)
            .until(seen.last)
            .title(format!(
                "Discord {kind} recorded “{name}” {} times",
                seen.count
            ))
            .data(&json!({"tracking": kind, "event_type": name, "count": seen.count}))
            .with_key(&[&kind, &file, name]);
        cx.emit(seen.line, r)?;
    }
    let tables: [(&Table, &'static str, Category, [&str; 4], &str); 3] = [
        (
            &s.devices,
            "tracked_device",
            Category::DevicesLogins,
            ["os", "os_version", "browser", "device"],
            "Device seen by Discord",
        ),
        (
            &s.locations,
            "tracked_location",
            Category::Location,
            ["city", "region_code", "country_code", "time_zone"],
            "Location Discord derived from your IP",
        ),
        (
            &s.ips,
            "tracked_ip",
            Category::DevicesLogins,
            ["ip", "isp", "", ""],
            "IP address seen by Discord",
        ),
    ];
    for (table, record_kind, category, names, words) in tables {
        for (key, seen) in table.sorted() {
            let parts = split(key);
            let mut data = serde_json::Map::new();
            for (n, p) in names.iter().zip(&parts) {
                if let (false, Some(p)) = (n.is_empty(), p) {
                    data.insert(n.to_string(), json!(p));
                }
            }
            data.insert("tracking".into(), json!(kind));
            data.insert("count".into(), json!(seen.count));
            let label: Vec<&str> = parts.iter().flatten().copied().collect();
            let r = Record::new(record_kind, category)
                .at(seen.first)
                .until(seen.last)
                .title(format!(
                    "{words}: {} ({} events)",
                    label.join(", "),
                    seen.count
                ))
                .data(&data)
                .with_key(&[&kind, &file, key]);
            cx.emit(seen.line, r)?;
        }
        if table.other.count > 0 {
            cx.warn(None, format!("{record_kind}: more than {MAX_DISTINCT} distinct values; {} events counted without detail", table.other.count));
        }
    }
    for (line, v) in &s.inferences {
        let what = ["predicted_gender", "predicted_age"]
            .iter()
            .find_map(|k| {
                v.get(k).map(|x| {
                    format!(
                        "{}: {}",
                        k.replace('_', " "),
                        crate::formats::lenient::text(Some(x)).unwrap_or_default()
                    )
                })
            })
            .unwrap_or_default();
        let raw = v.to_string();
        let r = Record::new("inference", Category::Demographics)
            .title(format!("Discord's guess about you: {what}"))
            .data_raw(raw.clone())
            .with_key(&[&kind, &file, &raw]);
        cx.emit(*line, r)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::parser::ACTIVITY_EVENTS;
    use super::super::test_support::{data, ok, run};

    const PATH: &str = "package/activity/analytics/events-2021-00000-of-00001.json";

    #[test]
    fn summarizes_instead_of_one_record_per_event() {
        let mut input = String::new();
        for i in 0..50 {
            let kind = if i % 5 == 0 {
                "add_reaction"
            } else {
                "app_opened"
            };
            let os = if i % 2 == 0 { "Windows" } else { "Android" };
            input.push_str(&format!(
                "{{\"event_type\":\"{kind}\",\"event_id\":\"e{i}\",\"timestamp\":\"\\\"2021-03-{:02}T12:00:00.000Z\\\"\",\"os\":\"{os}\",\"browser\":\"Discord Client\",\"city\":\"Lyon\",\"country_code\":\"FR\",\"ip\":\"203.0.113.{}\",\"extra\":{{\"nested\":[1,2]}}}}\n",
                1 + i % 28,
                i % 3
            ));
        }
        input.push_str("{\"predicted_gender\":\"female\",\"probability\":0.7}\n");
        input.push_str("{broken line\n");
        input.push_str("{\"event_type\":\"app_opened\",\"timestamp\":null,\"os\":7}\n");
        let out = ok(ACTIVITY_EVENTS, PATH, &input);
        let count = |k: &str| out.records.iter().filter(|r| r.kind == k).count();
        assert_eq!(count("tracking_summary"), 1);
        assert_eq!(count("tracked_event_type"), 2);
        assert_eq!(
            count("tracked_device"),
            3,
            "Windows, Android and the numeric OS"
        );
        assert_eq!(count("tracked_location"), 1);
        assert_eq!(count("tracked_ip"), 3);
        assert_eq!(count("inference"), 1);
        let summary = &out.records[0];
        assert_eq!(data(summary)["events"], 51);
        assert_eq!(data(summary)["undated"], 2);
        assert_eq!(summary.ts, Some(1_614_600_000_000));
        let top = &out.records[1];
        assert_eq!(data(top)["event_type"], "app_opened");
        assert_eq!(data(top)["count"], 41);
        assert_eq!(out.warnings.len(), 1);
        assert_eq!(out.warnings[0].position, Some(52));
        let loc = out
            .records
            .iter()
            .find(|r| r.kind == "tracked_location")
            .unwrap();
        assert_eq!(
            loc.title.as_deref(),
            Some("Location Discord derived from your IP: Lyon, FR (50 events)")
        );
        assert_eq!(data(loc)["country_code"], "FR");
    }

    #[test]
    fn empty_and_garbage_files_warn() {
        let (out, r) = run(ACTIVITY_EVENTS, PATH, "");
        assert!(r.is_ok() && out.records.is_empty());
        assert_eq!(out.warnings.len(), 1);
        let (out, r) = run(ACTIVITY_EVENTS, PATH, "{\"event_type\":\"a\",\"timestamp\":\"2021-01-01T00:00:00Z\"}\n{\"event_type\":\"b\",\"time");
        assert!(r.is_ok());
        assert_eq!(
            out.records
                .iter()
                .filter(|r| r.kind == "tracked_event_type")
                .count(),
            1
        );
        assert_eq!(out.warnings.len(), 1, "the truncated last line");
    }

    #[test]
    fn distinct_values_are_bounded() {
        let mut t = super::Table::default();
        for i in 0..(super::MAX_DISTINCT + 10) {
            t.add(&i.to_string(), None, i as u64);
        }
        assert_eq!(t.rows.len(), super::MAX_DISTINCT);
        assert_eq!(t.other.count, 10);
    }
}
