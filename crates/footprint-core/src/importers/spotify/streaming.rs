//! Streaming history, every generation. Each file is one JSON array of plays, streamed element
//! by element ([`crate::json_stream::stream_json`]: memory holds one play):
//!
//! - Account data (2019+): `StreamingHistory_music_N.json` / `StreamingHistory_podcast_N.json`,
//!   before 2023 `StreamingHistoryN.json`: `{endTime: "2024-08-22 17:50", artistName,
//!   trackName, msPlayed}`, podcasts `{endTime, podcastName, episodeName, msPlayed}`;
//! - Extended streaming history: `Streaming_History_Audio_2019-2020_0.json`,
//!   `Streaming_History_Video_2023-2024.json`, older `endsong_N.json`: `{ts, platform,
//!   ms_played, conn_country, ip_addr (earlier ip_addr_decrypted), user_agent_decrypted,
//!   master_metadata_track_name, master_metadata_album_artist_name,
//!   master_metadata_album_album_name, spotify_track_uri, episode_name, episode_show_name,
//!   spotify_episode_uri, reason_start, reason_end, shuffle, skipped, offline,
//!   incognito_mode}`.
//!
//! Every play is one `stream` record. The IP address and country of the extended history
//! are the same on thousands of plays: they are summed up per file into one `ip_address`
//! record (DevicesLogins) per address and one `stream_country` record (Location) per
//! country, with the first and last play and the number of plays.

use super::read;
use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::importers::rows::{dated, kind_of};
use crate::json_stream::{stream_json, JsonItem};
use crate::model::{Category, Record};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::io::Read;

/// Fields of a play kept in the record's data when present (first name is the data key).
const DETAILS: &[&[&str]] = &[
    &["platform"],
    &["reason_start"],
    &["reason_end"],
    &["shuffle"],
    &["skipped"],
    &["offline"],
    &["incognito_mode"],
];

/// Where plays came from: first and last play, count, and the other side (country or IP).
#[derive(Default)]
struct Seen {
    first: Option<i64>,
    last: Option<i64>,
    plays: u64,
    with: std::collections::BTreeSet<String>,
}

impl Seen {
    fn add(&mut self, ts: Option<i64>, other: Option<&str>) {
        self.plays += 1;
        if let Some(t) = ts {
            self.first = Some(self.first.map_or(t, |f| f.min(t)));
            self.last = Some(self.last.map_or(t, |l| l.max(t)));
        }
        if let Some(o) = other {
            if self.with.len() < 20 {
                self.with.insert(o.to_string());
            }
        }
    }
}

/// Per-file sums of where the plays came from.
#[derive(Default)]
struct Places {
    ips: BTreeMap<String, Seen>,
    countries: BTreeMap<String, Seen>,
}

/// Parse one streaming-history file (any generation: the fields tell them apart).
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(mut reader) = read::peeked(reader, cx)? else {
        return Ok(());
    };
    let mut places = Places::default();
    let mut last_position = 0u64;
    let result = stream_json(&mut reader, &["*"], &mut |item| {
        let JsonItem::Element { index, raw, .. } = item else {
            return Ok(());
        };
        last_position = index;
        match serde_json::from_slice::<Value>(raw) {
            Ok(v) => play(cx, index, &v, &mut places),
            Err(e) => {
                cx.warn(Some(index), format!("play: invalid JSON: {e}"));
                Ok(())
            }
        }
    });
    // The sums of what was read are kept even when the file is cut.
    emit_places(cx, last_position + 1, &places)?;
    result
}

/// One play: a `stream` record, and its IP and country added to the sums.
fn play(
    cx: &mut ImportCx<'_>,
    position: u64,
    v: &Value,
    places: &mut Places,
) -> Result<(), ParseError> {
    if !v.is_object() {
        cx.warn(
            Some(position),
            format!("play: expected an object, found {}", kind_of(v)),
        );
        return Ok(());
    }
    let f = |keys: &[&str]| lenient::field(v, keys);
    let when = f(&["ts", "endTime", "end_time"]);
    let ts = dated(cx, position, "play", when.as_deref());
    let track = f(&["master_metadata_track_name", "trackName"]);
    let artist = f(&["master_metadata_album_artist_name", "artistName"]);
    let episode = f(&["episode_name", "episodeName"]);
    let show = f(&["episode_show_name", "podcastName", "showName"]);
    let uri = f(&["spotify_track_uri", "spotify_episode_uri", "trackUri"]);
    let ms = f(&["ms_played", "msPlayed"]);
    let title = match (&track, &artist, &episode, &show) {
        (Some(t), Some(a), _, _) => format!("Listened to {t} by {a}"),
        (Some(t), None, _, _) => format!("Listened to {t}"),
        (None, _, Some(e), Some(s)) => format!("Listened to {e} ({s})"),
        (None, _, Some(e), None) => format!("Listened to {e}"),
        (None, _, None, Some(s)) => format!("Listened to {s}"),
        // Extended history lists plays of deleted or local tracks without names.
        (None, _, None, None) if when.is_some() => {
            "Played something (no title in the export)".to_string()
        }
        _ => {
            cx.warn(Some(position), "play: no time and no title");
            return Ok(());
        }
    };
    let mut data = Map::new();
    for (k, val) in [
        ("ms_played", &ms),
        ("artist", &artist),
        (
            "album",
            &f(&["master_metadata_album_album_name", "albumName"]),
        ),
        ("show", &show),
        ("uri", &uri),
    ] {
        if let Some(x) = val {
            data.insert(k.to_string(), Value::String(x.clone()));
        }
    }
    for names in DETAILS {
        if let Some(x) = lenient::field(v, names) {
            data.insert(names[0].to_string(), Value::String(x));
        }
    }
    let country = f(&["conn_country"]);
    let ip = f(&["ip_addr", "ip_addr_decrypted"]);
    if let Some(c) = &country {
        places
            .countries
            .entry(c.clone())
            .or_default()
            .add(ts, ip.as_deref());
    }
    if let Some(a) = &ip {
        places
            .ips
            .entry(a.clone())
            .or_default()
            .add(ts, country.as_deref());
    }
    let what = uri.or(track).or(episode).or(show).unwrap_or_default();
    let record = Record::new("stream", Category::MediaConsumption)
        .at(ts)
        .title(title)
        .data(&data)
        .with_key(&[
            when.as_deref().unwrap_or(""),
            &what,
            ms.as_deref().unwrap_or(""),
        ]);
    cx.emit(position, record)
}

/// The per-file sums as records, after the plays.
fn emit_places(
    cx: &mut ImportCx<'_>,
    mut position: u64,
    places: &Places,
) -> Result<(), ParseError> {
    for (kind, category, noun, sums) in [
        (
            "ip_address",
            Category::DevicesLogins,
            "IP address",
            &places.ips,
        ),
        (
            "stream_country",
            Category::Location,
            "country",
            &places.countries,
        ),
    ] {
        for (value, seen) in sums {
            let other = if kind == "ip_address" {
                "countries"
            } else {
                "ip_addresses"
            };
            let data = serde_json::json!({
                "plays": seen.plays,
                other: seen.with.iter().collect::<Vec<_>>(),
            });
            let first = seen.first.map(|t| t.to_string()).unwrap_or_default();
            let record = Record::new(kind, category)
                .at(seen.first)
                .until(seen.last)
                .title(format!(
                    "Listened from {noun} {value} ({} plays)",
                    seen.plays
                ))
                .data(&data)
                .with_key(&[value, &first]);
            cx.emit(position, record)?;
            position += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::parse_with;
    use super::*;

    #[test]
    fn every_generation_of_plays() {
        for (input, title, ms) in [
            (
                r#"[{"endTime":"2024-08-22 17:50","artistName":"Ada","trackName":"Song","msPlayed":1200}]"#,
                "Listened to Song by Ada",
                "1200",
            ),
            (
                r#"[{"endTime":"2024-08-22 17:50","podcastName":"Show","episodeName":"Ep 1","msPlayed":5}]"#,
                "Listened to Ep 1 (Show)",
                "5",
            ),
            (
                r#"[{"ts":"2019-01-01T10:00:00Z","ms_played":9,"master_metadata_track_name":"T","master_metadata_album_artist_name":"A","ip_addr_decrypted":"192.0.2.1","conn_country":"SE"}]"#,
                "Listened to T by A",
                "9",
            ),
            (
                r#"[{"ts":"2019-01-01T10:00:00Z","ms_played":9,"master_metadata_track_name":null,"episode_name":null,"episode_show_name":null}]"#,
                "Played something (no title in the export)",
                "9",
            ),
        ] {
            let c = parse_with(input, parse);
            let r = &c.records[0];
            assert_eq!(r.title.as_deref(), Some(title), "{input}");
            assert!(r.ts.is_some(), "{input}");
            assert!(r
                .data
                .as_deref()
                .unwrap()
                .contains(&format!("\"ms_played\":\"{ms}\"")));
        }
    }

    #[test]
    fn ips_and_countries_are_summed_not_one_per_play() {
        let input = r#"[
            {"ts":"2020-01-01T10:00:00Z","ms_played":1,"ip_addr":"192.0.2.1","conn_country":"SE","master_metadata_track_name":"a"},
            {"ts":"2020-01-02T10:00:00Z","ms_played":1,"ip_addr":"192.0.2.1","conn_country":"SE","master_metadata_track_name":"b"},
            {"ts":"2020-01-03T10:00:00Z","ms_played":1,"ip_addr":"198.51.100.7","conn_country":"DE","master_metadata_track_name":"c"}
        ]"#;
        let c = parse_with(input, parse);
        let kinds: Vec<&str> = c.records.iter().map(|r| r.kind).collect();
        assert_eq!(kinds.iter().filter(|k| **k == "stream").count(), 3);
        assert_eq!(kinds.iter().filter(|k| **k == "ip_address").count(), 2);
        assert_eq!(kinds.iter().filter(|k| **k == "stream_country").count(), 2);
        let se = c
            .records
            .iter()
            .find(|r| r.title.as_deref() == Some("Listened from country SE (2 plays)"))
            .unwrap();
        assert!(se.ts_end > se.ts);
    }

    #[test]
    fn bad_plays_warn_and_empty_or_cut_files() {
        let c = parse_with(r#"[1, {"endTime":"never","trackName":"x"}, {}]"#, parse);
        assert_eq!(c.records.len(), 1);
        assert_eq!(c.warnings.len(), 3, "{:?}", c.warnings);
        let c = parse_with("", parse);
        assert!(c.records.is_empty() && c.warnings.len() == 1);
        let c = parse_with("[]", parse);
        assert!(c.records.is_empty() && c.warnings.is_empty());
    }
}
