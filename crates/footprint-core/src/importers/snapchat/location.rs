//! Where Snapchat says the user was: `location_history.json > Location History [["2025-02-24
//! 21:09:09 UTC", "52.520 ± 12.33 meters, 13.405 ± 12.33 meters"]]` (a list of pairs), `Home,
//! School & Work {inferredHome, inferredWork, userProvidedHome, schoolName}`, `Businesses and
//! places you may have visited {inferredVisitationList [[name, place]], businessList [[date,
//! name]]}`; and memories' `Saved Media [{Date, Media Type, Location: "Latitude, Longitude:
//! 52.52, 13.40"}]`.

use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::importers::rows::{dated, kind_of};
use crate::model::{Category, Record};
use serde::Serialize;
use serde_json::Value;

/// `(lat, lon, accuracy in metres)` from `"52.5 ± 12.3 meters, 13.4 ± 12.3 meters"`, or from
/// `"Latitude, Longitude: 52.5, 13.4"` / `"52.5, 13.4"`. Out-of-range or `0, 0` is none.
pub fn point(s: &str) -> Option<(f64, f64, Option<f64>)> {
    let s = s.rsplit_once(':').map(|(_, p)| p).unwrap_or(s);
    let mut parts = s.split(',').map(str::trim);
    let (a, b) = (parts.next()?, parts.next()?);
    let first = |p: &str| p.split_whitespace().next()?.parse::<f64>().ok();
    let accuracy = a
        .split_once('±')
        .and_then(|(_, r)| r.split_whitespace().next()?.parse::<f64>().ok());
    let (lat, lon) = (first(a)?, first(b)?);
    let valid = (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon)
        && (lat, lon) != (0.0, 0.0);
    valid.then_some((lat, lon, accuracy))
}

#[derive(Serialize)]
struct Accuracy {
    #[serde(skip_serializing_if = "Option::is_none")]
    accuracy_m: Option<f64>,
}

/// One `Location History` element: `[time, "lat ± m, lon ± m"]` (or an object with the same).
pub fn location_point(cx: &mut ImportCx<'_>, position: u64, v: &Value) -> Result<(), ParseError> {
    let (time, place) = match v {
        Value::Array(pair) if pair.len() >= 2 => {
            (lenient::text(pair.first()), lenient::text(pair.get(1)))
        }
        Value::Object(_) => (
            lenient::field(v, &["Time", "Date", "Created"]),
            lenient::field(v, &["Latitude, Longitude", "Location", "Coordinates"]),
        ),
        _ => (None, None),
    };
    let Some((lat, lon, accuracy)) = place.as_deref().and_then(point) else {
        cx.warn(
            Some(position),
            format!("location point: no coordinates in {}", kind_of(v)),
        );
        return Ok(());
    };
    let ts = dated(cx, position, "location point", time.as_deref());
    let r = Record::new("location_point", Category::Location)
        .at(ts)
        .title(format!("At {lat:.4}, {lon:.4}"))
        .point(lat, lon)
        .data(&Accuracy {
            accuracy_m: accuracy,
        })
        .with_key(&[
            time.as_deref().unwrap_or(""),
            place.as_deref().unwrap_or(""),
        ]);
    cx.emit(position, r)
}

/// `Home, School & Work`: one record per place Snap inferred or was told.
pub fn home_work(cx: &mut ImportCx<'_>, position: u64, v: &Value) -> Result<(), ParseError> {
    let Some(obj) = v.as_object() else {
        return Ok(());
    };
    for (label, value) in obj {
        let Some(text) = lenient::text(Some(value)) else {
            continue;
        };
        let mut r = Record::new("inferred_place", Category::Location)
            .title(format!("{label}: {text}"))
            .with_key(&[label, &text]);
        if let Some((lat, lon, _)) = point(&text) {
            r = r.point(lat, lon);
        }
        cx.emit(position, r)?;
    }
    Ok(())
}

/// A `[name, place]` (inferred visit) or `[date, name]` (business) pair.
pub fn visit(
    cx: &mut ImportCx<'_>,
    position: u64,
    v: &Value,
    date_first: bool,
) -> Result<(), ParseError> {
    let pair: Vec<Option<String>> = match v {
        Value::Array(items) => items.iter().map(|x| lenient::text(Some(x))).collect(),
        _ => Vec::new(),
    };
    let (name, other) = match (
        pair.first().cloned().flatten(),
        pair.get(1).cloned().flatten(),
        date_first,
    ) {
        (a, Some(b), true) => (Some(b), a),
        (Some(a), b, false) => (Some(a), b),
        _ => (None, None),
    };
    let Some(name) = name else {
        cx.warn(
            Some(position),
            format!(
                "place visit: expected a [.., ..] pair, found {}",
                kind_of(v)
            ),
        );
        return Ok(());
    };
    let ts = if date_first {
        dated(cx, position, "place visit", other.as_deref())
    } else {
        None
    };
    let mut r = Record::new("place_visit", Category::Location)
        .at(ts)
        .title(format!("May have visited {name}"))
        .with_key(&[&name, other.as_deref().unwrap_or("")]);
    if !date_first {
        r = r.body_opt(other);
    }
    cx.emit(position, r)
}

/// One saved memory (the download link, a credential-like URL, is not kept).
pub fn memory(cx: &mut ImportCx<'_>, position: u64, v: &Value) -> Result<(), ParseError> {
    if !v.is_object() {
        cx.warn(
            Some(position),
            format!("memory: expected an object, found {}", kind_of(v)),
        );
        return Ok(());
    }
    let raw = lenient::field(v, &["Date", "Created"]);
    let ts = dated(cx, position, "memory", raw.as_deref());
    let media = lenient::field(v, &["Media Type", "Type"]).unwrap_or_else(|| "media".into());
    let place = lenient::field(v, &["Location"]);
    #[derive(Serialize)]
    struct Out<'a> {
        media_type: &'a str,
    }
    let mut r = Record::new("memory", Category::Content)
        .at(ts)
        .title(format!("Saved {} to Memories", media.to_lowercase()))
        .data(&Out { media_type: &media })
        .with_key(&[
            raw.as_deref().unwrap_or(""),
            &media,
            place.as_deref().unwrap_or(""),
        ]);
    if let Some((lat, lon, _)) = place.as_deref().and_then(point) {
        r = r.point(lat, lon);
    }
    cx.emit(position, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_of_every_form() {
        let cases = [
            (
                "52.520008 ± 12.33 meters, 13.404954 ± 12.33 meters",
                Some((52.520008, 13.404954, Some(12.33))),
            ),
            (
                "Latitude, Longitude: 48.85, 2.35",
                Some((48.85, 2.35, None)),
            ),
            ("-33.9, 151.2", Some((-33.9, 151.2, None))),
            ("0.0, 0.0", None),
            ("95, 10", None),
            ("N/A", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(point(s), want, "{s}");
        }
    }
}
