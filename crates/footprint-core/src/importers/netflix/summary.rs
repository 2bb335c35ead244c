//! Files that are summarized rather than imported row by row: `CLICKSTREAM/Clickstream.csv`
//! (every click of every profile, easily hundreds of thousands of rows) becomes one record
//! per profile and day, and the `IP_ADDRESSES/` files become one record per address (how
//! often, first and last seen, devices and regions). Memory grows with the number of groups,
//! not with the file. `PlaybackRelatedEvents.csv` is imported per playback, without its
//! `Playtraces` blob (a JSON array of every pause and seek).

use crate::formats::csv_export::{self, each_row, row_time, value_any, RowSpec};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

/// How rows are grouped into one summary record.
pub struct Tally {
    pub kind: &'static str,
    pub category: Category,
    /// Columns whose values name the group (first with a value, per entry).
    pub group: &'static [&'static [&'static str]],
    /// Columns holding the time.
    pub time: &'static [&'static str],
    /// Group by day as well (the date part of the time).
    pub per_day: bool,
    /// Columns whose distinct values are listed in the record.
    pub details: &'static [(&'static str, &'static [&'static str])],
    /// Title; `{0}` is the group's first value, `{n}` the count.
    pub title: &'static str,
}

#[derive(Default)]
struct Group {
    count: u64,
    first_row: u64,
    first: Option<i64>,
    last: Option<i64>,
    details: BTreeMap<&'static str, BTreeSet<String>>,
}

/// At most this many distinct values of one detail column are kept per group.
const MAX_DETAIL_VALUES: usize = 20;

pub const CLICKSTREAM: Tally = Tally {
    kind: "browsing_day",
    category: Category::ActivityBrowsing,
    group: &[&["Profile Name"]],
    time: &["Click Utc Ts"],
    per_day: true,
    details: &[
        ("navigation_levels", &["Navigation Level"]),
        ("sources", &["Source"]),
    ],
    title: "{0} browsed Netflix: {n} clicks",
};

pub const IP_LOGIN: Tally = Tally {
    kind: "login_ip",
    category: Category::DevicesLogins,
    group: &[&["ipAddress", "Ip Address", "Ip"]],
    time: &["ts", "Utc Timestamp"],
    per_day: false,
    details: &[
        (
            "devices",
            &["deviceDescription", "localizedDeviceDescription", "Device"],
        ),
        (
            "regions",
            &["regionCodeDisplayName", "Region Code Display Name"],
        ),
        ("countries", &["country", "Country"]),
    ],
    title: "Signed in from {0} ({n} times)",
};

pub const IP_STREAMING: Tally = Tally {
    kind: "streaming_ip",
    category: Category::DevicesLogins,
    group: &[&["Ip", "ipAddress", "Ip Address"]],
    time: &["Ts", "Utc Timestamp", "ts"],
    per_day: false,
    details: &[
        ("devices", &["Device", "Device Type", "deviceDescription"]),
        (
            "regions",
            &["Region Code Display Name", "regionCodeDisplayName"],
        ),
        ("countries", &["Country", "country"]),
        ("profiles", &["Profile Name"]),
    ],
    title: "Streamed from {0} ({n} times)",
};

/// Read the whole file into groups, then emit one record per group (in group order, so
/// positions and records are stable).
pub fn import_tally(
    t: &Tally,
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    let mut groups: BTreeMap<Vec<String>, Group> = BTreeMap::new();
    each_row(reader, cx, |cx, row| {
        let mut key: Vec<String> = t
            .group
            .iter()
            .map(|cols| value_any(row, cols).unwrap_or("").to_string())
            .collect();
        if key.iter().all(String::is_empty) {
            cx.warn(
                Some(row.index),
                format!("line {}: no {} value; row skipped", row.line, t.group[0][0]),
            );
            return Ok(());
        }
        let ts = row_time(cx, row, t.time);
        if t.per_day {
            key.push(ts.map(crate::time::display_date).unwrap_or_default());
        }
        let g = groups.entry(key).or_insert_with(|| Group {
            first_row: row.index,
            ..Default::default()
        });
        g.count += 1;
        if let Some(ts) = ts {
            g.first = Some(g.first.map_or(ts, |f| f.min(ts)));
            g.last = Some(g.last.map_or(ts, |l| l.max(ts)));
        }
        for (name, cols) in t.details {
            if let Some(v) = value_any(row, cols) {
                let set = g.details.entry(name).or_default();
                if set.len() < MAX_DETAIL_VALUES {
                    set.insert(v.to_string());
                }
            }
        }
        Ok(())
    })?;
    for (key, g) in groups {
        let title = t
            .title
            .replace("{0}", &key[0])
            .replace("{n}", &g.count.to_string());
        let mut data = serde_json::Map::new();
        data.insert("count".into(), g.count.into());
        for (name, values) in &g.details {
            data.insert(
                name.to_string(),
                values.iter().cloned().collect::<Vec<_>>().into(),
            );
        }
        let parts: Vec<&str> = key.iter().map(String::as_str).collect();
        let r = Record::new(t.kind, t.category)
            .at(g.first)
            .until(g.last.filter(|l| Some(*l) != g.first))
            .title(title)
            .data(&data)
            .with_key(&parts);
        cx.emit(g.first_row, r)?;
    }
    Ok(())
}

const PLAYBACK: RowSpec = RowSpec::new(
    "playback",
    Category::MediaConsumption,
    &[
        "{Profile Name} played {Title Description}",
        "Played {Title Description}",
    ],
)
.time(&["Playback Start Utc Ts"])
.key(&["Profile Name", "Playback Start Utc Ts", "Title Description"]);

/// `PlaybackRelatedEvents.csv`: one record per playback; the play traces are counted, not
/// kept.
pub fn import_playback(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        let mut data = row.to_json();
        if let Some(obj) = data.as_object_mut() {
            let traces = obj
                .keys()
                .find(|k| crate::formats::csv_table::norm_column(k) == "playtraces")
                .cloned();
            if let Some(k) = traces {
                let n = obj
                    .remove(&k)
                    .and_then(|v| v.as_str().map(str::to_string))
                    .and_then(|s| serde_json::from_str::<Vec<serde_json::Value>>(&s).ok())
                    .map(|v| v.len());
                if let Some(n) = n {
                    obj.insert("play_trace_events".into(), n.into());
                }
            }
        }
        let r = csv_export::record(cx, &PLAYBACK, row).data(&data);
        cx.emit(row.index, r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{data_json, MemorySink};

    fn run(
        input: &str,
        f: fn(&mut dyn Read, &mut ImportCx<'_>) -> Result<(), ParseError>,
    ) -> MemorySink {
        let (sink, r) = MemorySink::run_parser("f.csv", input, f);
        r.unwrap();
        sink
    }

    #[test]
    fn clicks_become_one_record_per_profile_and_day() {
        let sink = run(
            "Profile Name,Source,Navigation Level,Referrer Url,Webpage Url,Click Utc Ts\n\
             Sam,web,browseTitles,,https://www.netflix.com/browse,2024-01-15 20:31:22\n\
             Sam,web,search,,https://www.netflix.com/search,2024-01-15 21:00:00\n\
             Sam,tv,browseTitles,,,2024-01-16 08:00:00\n\
             Kids,web,browseTitles,,,2024-01-15 10:00:00\n\
             ,web,browseTitles,,,2024-01-15 10:00:00\n",
            |r, cx| import_tally(&CLICKSTREAM, r, cx),
        );
        assert_eq!(sink.records.len(), 3);
        let sam = sink
            .records
            .iter()
            .find(|r| r.title.as_deref() == Some("Sam browsed Netflix: 2 clicks"))
            .unwrap();
        assert_eq!(
            data_json(sam)["navigation_levels"],
            serde_json::json!(["browseTitles", "search"])
        );
        assert!(sam.ts_end > sam.ts);
        assert_eq!(sink.warnings.len(), 1, "the row without a profile");
    }

    #[test]
    fn ip_addresses_are_counted_per_address() {
        let sink = run(
            "esn,country,localizedDeviceDescription,deviceDescription,ipAddress,regionCodeDisplayName,ts\n\
             NFANDROID1-1,DE,Phone,Android phone,203.0.113.7,Saxony,2024-01-01 10:00:00\n\
             NFANDROID1-1,DE,Phone,Android phone,203.0.113.7,Saxony,2024-02-01 10:00:00\n\
             NFANDROID1-1,DE,Phone,Android phone,198.51.100.2,Saxony,not a date\n",
            |r, cx| import_tally(&IP_LOGIN, r, cx),
        );
        assert_eq!(sink.records.len(), 2);
        assert_eq!(
            sink.records[1].title.as_deref(),
            Some("Signed in from 203.0.113.7 (2 times)")
        );
        assert!(
            sink.warnings[0].message.contains("line 4"),
            "{:?}",
            sink.warnings
        );
    }

    #[test]
    fn playback_drops_the_traces() {
        let sink = run(
            "Profile Name,Title Description,Device,Country,Playback Start Utc Ts,Playtraces\n\
             Sam,Dark: Season 1,TV,DE,2024-01-15 20:31:22,\"[{\"\"eventType\"\":\"\"start\"\"},{\"\"eventType\"\":\"\"stop\"\"}]\"\n",
            import_playback,
        );
        let d = data_json(&sink.records[0]);
        assert!(d.get("Playtraces").is_none());
        assert_eq!(d["play_trace_events"], 2);
        assert!(sink.records[0].ts.is_some());
    }
}
