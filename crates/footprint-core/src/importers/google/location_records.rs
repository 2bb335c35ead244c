//! Raw Location History: `Records.json` = `{"locations": [{latitudeE7, longitudeE7, accuracy,
//! timestamp | timestampMs, source, deviceTag, activity[...] ...}]}`.
//!
//! The biggest file of any export (millions of points, often over a gigabyte), so this is the
//! hot path: each point is parsed into a borrowed struct (unknown fields such as the nested
//! `activity` arrays are skipped without being built), and the only allocations per point are
//! the record and its small `data` text.

use super::{e7, element, iso_or_ms, Int, Str};
use crate::importer::{ImportCx, ParseError};
use crate::json_stream::{stream_json, JsonItem};
use crate::model::{Category, Record};
use serde::{Deserialize, Serialize};
use serde_json::Number;
use std::io::Read;
use xxhash_rust::xxh3::xxh3_64;

pub const KIND: &str = "location_point";

#[derive(Deserialize)]
struct Point<'a> {
    #[serde(rename = "latitudeE7")]
    lat: Option<i64>,
    #[serde(rename = "longitudeE7")]
    lon: Option<i64>,
    accuracy: Option<Number>,
    #[serde(borrow)]
    timestamp: Option<Str<'a>>,
    #[serde(rename = "timestampMs", default)]
    timestamp_ms: Int,
    #[serde(borrow)]
    source: Option<Str<'a>>,
    #[serde(rename = "deviceTag")]
    device_tag: Option<Number>,
}

/// The small part of a point kept in `data`.
#[derive(Serialize)]
struct PointData<'x> {
    #[serde(skip_serializing_if = "Option::is_none")]
    accuracy: Option<&'x Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'x str>,
    #[serde(rename = "deviceTag", skip_serializing_if = "Option::is_none")]
    device_tag: Option<&'x Number>,
}

/// Parse `Records.json` (and the pre-2017 `Location History.json`, same shape).
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    stream_json(reader, &["locations"], &mut |item| {
        let JsonItem::Element { index, raw, .. } = item else {
            return Ok(());
        };
        let Some(p) = element::<Point>(cx, index, raw, "location point") else {
            return Ok(());
        };
        let (Some(lat_e7), Some(lon_e7)) = (p.lat, p.lon) else {
            cx.warn(
                Some(index),
                format!("location point {index} skipped: no latitudeE7/longitudeE7"),
            );
            return Ok(());
        };
        let ts = iso_or_ms(p.timestamp.as_deref(), p.timestamp_ms);
        if ts.is_none() {
            cx.warn(
                Some(index),
                format!("location point {index} has no readable time"),
            );
        }
        let data = PointData {
            accuracy: p.accuracy.as_ref(),
            source: p.source.as_deref(),
            device_tag: p.device_tag.as_ref(),
        };
        let mut record = Record::new(KIND, Category::Location)
            .at(ts)
            .point(e7(lat_e7, 90), e7(lon_e7, 180))
            .data(&data);
        record.key = Some(point_key(ts, lat_e7, lon_e7));
        cx.emit(index, record)
    })
}

/// Natural key of a point: its time and exact E7 coordinates. Hashed from their bytes rather
/// than through [`crate::model::key_of`]'s text parts: formatting three integers per point
/// was a measurable share of this hot path. xxh3 is fixed, so keys stay stable.
fn point_key(ts: Option<i64>, lat_e7: i64, lon_e7: i64) -> u64 {
    let mut material = [0u8; KIND.len() + 24];
    material[..KIND.len()].copy_from_slice(KIND.as_bytes());
    let at = KIND.len();
    material[at..at + 8].copy_from_slice(&ts.unwrap_or(0).to_le_bytes());
    material[at + 8..at + 16].copy_from_slice(&lat_e7.to_le_bytes());
    material[at + 16..].copy_from_slice(&lon_e7.to_le_bytes());
    xxh3_64(&material)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{data, run};
    use super::*;

    fn parse_str(input: &str) -> super::super::test_support::Out {
        let (out, res) = run("Takeout/Location History/Records.json", input, parse);
        res.expect("parses");
        out
    }

    #[test]
    fn both_timestamp_forms_and_negative_coordinates() {
        let input = r#"{"locations": [
          {"latitudeE7": 485000000, "longitudeE7": 113000000, "accuracy": 20, "source": "WIFI", "deviceTag": -1234, "timestamp": "2024-03-01T12:00:00.123Z", "activity": [{"activity": [{"type": "STILL", "confidence": 100}], "timestamp": "2024-03-01T12:00:00Z"}]},
          {"latitudeE7": -339000000, "longitudeE7": -1512000000, "accuracy": 10, "timestampMs": "1709294400000"},
          {"latitudeE7": 1, "longitudeE7": 2, "timestampMs": 1709294400001, "timestamp": "garbage"}
        ]}"#;
        let out = parse_str(input);
        let got: Vec<(Option<i64>, Option<f64>, Option<f64>)> =
            out.records.iter().map(|r| (r.ts, r.lat, r.lon)).collect();
        assert_eq!(
            got,
            vec![
                (Some(1_709_294_400_123), Some(48.5), Some(11.3)),
                (Some(1_709_294_400_000), Some(-33.9), Some(-151.2)),
                (Some(1_709_294_400_001), Some(1e-7), Some(2e-7)),
            ]
        );
        assert!(out
            .records
            .iter()
            .all(|r| r.kind == KIND && r.category == Category::Location));
        let d = data(&out.records[0]);
        assert_eq!(
            d,
            serde_json::json!({"accuracy": 20, "source": "WIFI", "deviceTag": -1234})
        );
        assert_eq!(out.records[2].position, 2);
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    }

    #[test]
    fn missing_coordinates_warn_with_the_position() {
        let input = r#"{"locations": [
          {"latitudeE7": 1, "longitudeE7": 2, "timestamp": "2024-03-01T12:00:00Z"},
          {"longitudeE7": 2, "timestamp": "2024-03-01T12:00:00Z"},
          {"latitudeE7": "x", "longitudeE7": 2},
          {"latitudeE7": 3, "longitudeE7": 4}
        ]}"#;
        let out = parse_str(input);
        assert_eq!(out.records.len(), 2);
        assert_eq!(out.records[1].position, 3);
        assert_eq!(out.records[1].ts, None);
        let warned: Vec<Option<u64>> = out.warnings.iter().map(|w| w.position).collect();
        assert_eq!(warned, vec![Some(1), Some(2), Some(3)]);
        assert!(
            out.warnings[0].message.contains("latitudeE7"),
            "{:?}",
            out.warnings[0]
        );
        assert!(
            out.warnings[2].message.contains("time"),
            "{:?}",
            out.warnings[2]
        );
    }

    #[test]
    fn same_point_same_key_in_both_timestamp_forms() {
        let a = parse_str(
            r#"{"locations":[{"latitudeE7":1,"longitudeE7":2,"timestamp":"2024-03-01T12:00:00Z"}]}"#,
        );
        let b = parse_str(
            r#"{"locations":[{"latitudeE7":1,"longitudeE7":2,"timestampMs":"1709294400000"}]}"#,
        );
        let c = parse_str(
            r#"{"locations":[{"latitudeE7":1,"longitudeE7":3,"timestampMs":"1709294400000"}]}"#,
        );
        assert_eq!(a.records[0].key, b.records[0].key);
        assert_ne!(a.records[0].key, c.records[0].key);
    }

    #[test]
    fn not_json_is_a_file_error() {
        let (_, res) = run("Records.json", "PK\u{3}\u{4}binary", parse);
        assert!(matches!(res, Err(ParseError::Json { .. })), "{res:?}");
    }
}
