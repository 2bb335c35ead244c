//! Semantic Location History: one file per month, `{"timelineObjects": [{placeVisit: {...}} |
//! {activitySegment: {...}}]}`, what Google Maps Timeline showed as visits and journeys.
//!
//! Durations come as ISO `startTimestamp`/`endTimestamp` (since 2022) or as millisecond
//! strings `startTimestampMs`/`endTimestampMs` (before); both are read.

use super::{e7, element, iso_or_ms, Int, Str};
use crate::importer::{ImportCx, ParseError};
use crate::json_stream::{stream_json, JsonItem};
use crate::model::{Category, Record};
use serde::{Deserialize, Serialize};
use serde_json::Number;
use std::io::Read;

#[derive(Deserialize)]
struct TimelineObject<'a> {
    #[serde(borrow, rename = "placeVisit")]
    place_visit: Option<PlaceVisit<'a>>,
    #[serde(borrow, rename = "activitySegment")]
    activity_segment: Option<ActivitySegment<'a>>,
}

#[derive(Deserialize)]
struct PlaceVisit<'a> {
    #[serde(borrow)]
    location: Option<Location<'a>>,
    #[serde(borrow)]
    duration: Option<Duration<'a>>,
    #[serde(rename = "centerLatE7")]
    center_lat: Option<i64>,
    #[serde(rename = "centerLngE7")]
    center_lon: Option<i64>,
    #[serde(borrow, rename = "placeConfidence")]
    place_confidence: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct Location<'a> {
    #[serde(rename = "latitudeE7")]
    lat: Option<i64>,
    #[serde(rename = "longitudeE7")]
    lon: Option<i64>,
    #[serde(borrow, rename = "placeId")]
    place_id: Option<Str<'a>>,
    #[serde(borrow)]
    name: Option<Str<'a>>,
    #[serde(borrow)]
    address: Option<Str<'a>>,
    #[serde(borrow, rename = "semanticType")]
    semantic_type: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct Duration<'a> {
    #[serde(borrow, rename = "startTimestamp")]
    start: Option<Str<'a>>,
    #[serde(rename = "startTimestampMs", default)]
    start_ms: Int,
    #[serde(borrow, rename = "endTimestamp")]
    end: Option<Str<'a>>,
    #[serde(rename = "endTimestampMs", default)]
    end_ms: Int,
}

impl Duration<'_> {
    fn span(&self) -> (Option<i64>, Option<i64>) {
        (
            iso_or_ms(self.start.as_deref(), self.start_ms),
            iso_or_ms(self.end.as_deref(), self.end_ms),
        )
    }
}

#[derive(Deserialize)]
struct ActivitySegment<'a> {
    #[serde(borrow, rename = "startLocation")]
    start: Option<Location<'a>>,
    #[serde(borrow, rename = "endLocation")]
    end: Option<Location<'a>>,
    #[serde(borrow)]
    duration: Option<Duration<'a>>,
    distance: Option<Number>,
    #[serde(borrow, rename = "activityType")]
    activity_type: Option<Str<'a>>,
    #[serde(borrow)]
    confidence: Option<Str<'a>>,
}

#[derive(Serialize)]
struct VisitData<'x> {
    #[serde(rename = "placeId", skip_serializing_if = "Option::is_none")]
    place_id: Option<&'x str>,
    #[serde(rename = "semanticType", skip_serializing_if = "Option::is_none")]
    semantic_type: Option<&'x str>,
    #[serde(rename = "placeConfidence", skip_serializing_if = "Option::is_none")]
    place_confidence: Option<&'x str>,
}

#[derive(Serialize)]
struct SegmentData<'x> {
    #[serde(rename = "activityType", skip_serializing_if = "Option::is_none")]
    activity_type: Option<&'x str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    distance: Option<&'x Number>,
    #[serde(rename = "endLat", skip_serializing_if = "Option::is_none")]
    end_lat: Option<f64>,
    #[serde(rename = "endLon", skip_serializing_if = "Option::is_none")]
    end_lon: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<&'x str>,
}

/// Parse one month file.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    stream_json(reader, &["timelineObjects"], &mut |item| {
        let JsonItem::Element { index, raw, .. } = item else {
            return Ok(());
        };
        let Some(obj) = element::<TimelineObject>(cx, index, raw, "timeline object") else {
            return Ok(());
        };
        match (obj.place_visit, obj.activity_segment) {
            (Some(v), _) => cx.emit(index, visit_record(&v)),
            (None, Some(s)) => cx.emit(index, segment_record(&s)),
            (None, None) => {
                cx.warn(
                    Some(index),
                    format!(
                        "timeline object {index} is neither a placeVisit nor an activitySegment"
                    ),
                );
                Ok(())
            }
        }
    })
}

/// Degrees of an E7 pair, when both are there.
fn coords(lat: Option<i64>, lon: Option<i64>) -> Option<(f64, f64)> {
    Some((e7(lat?, 90), e7(lon?, 180)))
}

fn visit_record(v: &PlaceVisit<'_>) -> Record {
    let loc = v.location.as_ref();
    let (ts, ts_end) = v.duration.as_ref().map(Duration::span).unwrap_or_default();
    let name = loc.and_then(|l| crate::text::non_empty(l.name.as_deref()));
    let address = loc.and_then(|l| crate::text::non_empty(l.address.as_deref()));
    let place_id = loc.and_then(|l| l.place_id.as_deref());
    let point = loc
        .and_then(|l| coords(l.lat, l.lon))
        .or_else(|| coords(v.center_lat, v.center_lon));
    let title = name
        .clone()
        .or_else(|| address.clone())
        .unwrap_or_else(|| "Place visit".into());
    let data = VisitData {
        place_id,
        semantic_type: loc.and_then(|l| l.semantic_type.as_deref()),
        place_confidence: v.place_confidence.as_deref(),
    };
    let start = ts.map(|t| t.to_string()).unwrap_or_default();
    let mut r = Record::new("place_visit", Category::Location)
        .at(ts)
        .until(ts_end)
        .title(title)
        .body_opt(address)
        .data(&data)
        .with_key(&[place_id.unwrap_or(""), &start]);
    if let Some((lat, lon)) = point {
        r = r.point(lat, lon);
    }
    r
}

fn segment_record(s: &ActivitySegment<'_>) -> Record {
    let (ts, ts_end) = s.duration.as_ref().map(Duration::span).unwrap_or_default();
    let activity = s.activity_type.as_deref().filter(|a| !a.is_empty());
    let start = s.start.as_ref().and_then(|l| coords(l.lat, l.lon));
    let end = s.end.as_ref().and_then(|l| coords(l.lat, l.lon));
    let data = SegmentData {
        activity_type: activity,
        distance: s.distance.as_ref(),
        end_lat: end.map(|e| e.0),
        end_lon: end.map(|e| e.1),
        confidence: s.confidence.as_deref(),
    };
    let (from, to) = (
        ts.map(|t| t.to_string()).unwrap_or_default(),
        ts_end.map(|t| t.to_string()).unwrap_or_default(),
    );
    let mut r = Record::new("activity_segment", Category::Location)
        .at(ts)
        .until(ts_end)
        .title(activity.unwrap_or("UNKNOWN_ACTIVITY_TYPE"))
        .data(&data)
        .with_key(&[activity.unwrap_or(""), &from, &to]);
    if let Some((lat, lon)) = start {
        r = r.point(lat, lon);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{data, run};
    use super::*;

    fn parse_str(input: &str) -> super::super::test_support::Out {
        let (out, res) = run(
            "Takeout/Location History/Semantic Location History/2024/2024_MARCH.json",
            input,
            parse,
        );
        res.expect("parses");
        out
    }

    #[test]
    fn visits_and_segments_in_both_duration_forms() {
        let input = r#"{"timelineObjects": [
          {"placeVisit": {"location": {"latitudeE7": 485000000, "longitudeE7": 113000000, "placeId": "ChIJ1", "address": "1 Example Street, Springfield", "name": "Blue Bakery", "semanticType": "TYPE_HOME"},
                          "duration": {"startTimestamp": "2024-03-01T12:00:00Z", "endTimestamp": "2024-03-01T13:00:00.500Z"}, "placeConfidence": "HIGH_CONFIDENCE"}},
          {"activitySegment": {"startLocation": {"latitudeE7": -339000000, "longitudeE7": 1512000000}, "endLocation": {"latitudeE7": -338000000, "longitudeE7": 1511000000},
                               "duration": {"startTimestampMs": "1709294400000", "endTimestampMs": "1709298000000"}, "distance": 1234, "activityType": "CYCLING", "confidence": "HIGH"}},
          {"placeVisit": {"location": {"address": "Only an address"}, "centerLatE7": 10000000, "centerLngE7": 20000000,
                          "duration": {"startTimestampMs": "1709294400000"}}}
        ]}"#;
        let out = parse_str(input);
        assert_eq!(out.records.len(), 3);
        let v = &out.records[0];
        assert_eq!((v.kind, v.category), ("place_visit", Category::Location));
        assert_eq!(v.title.as_deref(), Some("Blue Bakery"));
        assert_eq!(v.body.as_deref(), Some("1 Example Street, Springfield"));
        assert_eq!((v.lat, v.lon), (Some(48.5), Some(11.3)));
        assert_eq!(
            (v.ts, v.ts_end),
            (Some(1_709_294_400_000), Some(1_709_298_000_500))
        );
        assert_eq!(data(v)["placeId"], "ChIJ1");
        let s = &out.records[1];
        assert_eq!(
            (s.kind, s.title.as_deref()),
            ("activity_segment", Some("CYCLING"))
        );
        assert_eq!((s.lat, s.lon), (Some(-33.9), Some(151.2)));
        assert_eq!(
            (s.ts, s.ts_end),
            (Some(1_709_294_400_000), Some(1_709_298_000_000))
        );
        assert_eq!(data(s)["distance"], 1234);
        assert_eq!(data(s)["endLat"], -33.8);
        let c = &out.records[2];
        assert_eq!(c.title.as_deref(), Some("Only an address"));
        assert_eq!((c.lat, c.lon), (Some(1.0), Some(2.0)));
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    }

    #[test]
    fn other_objects_warn() {
        let out = parse_str(r#"{"timelineObjects": [{"somethingNew": {}}, [1]]}"#);
        assert!(out.records.is_empty());
        let positions: Vec<Option<u64>> = out.warnings.iter().map(|w| w.position).collect();
        assert_eq!(positions, vec![Some(0), Some(1)]);
    }
}
