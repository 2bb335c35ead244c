//! Pokes (Facebook `other_activity/pokes.json`, `pokes_v2[{poker, pokee, rank, timestamp}]`,
//! older `pokes` with `activity[{poker, pokee, timestamp}]`~): who poked whom, and when. A
//! small file, but a record of contact between two people.

use super::{element, fx_opt, Secs};
use crate::importer::{ImportCx, ParseError};
use crate::json_stream::{stream_json, JsonItem};
use crate::model::{Category, Record};
use serde::Deserialize;
use std::io::Read;

#[derive(Deserialize)]
struct Poke {
    #[serde(default)]
    poker: Option<String>,
    #[serde(default)]
    pokee: Option<String>,
    #[serde(default)]
    rank: Option<i64>,
    #[serde(default)]
    timestamp: Secs,
}

/// The record both formats give for one poke.
pub(crate) fn poke_record(poker: Option<String>, pokee: Option<String>, rank: Option<i64>, ts: Option<i64>) -> Record {
    let title = match (&poker, &pokee) {
        (Some(a), Some(b)) => format!("{a} poked {b}"),
        (Some(a), None) => format!("Poked by {a}"),
        (None, Some(b)) => format!("Poked {b}"),
        (None, None) => "Poke".to_string(),
    };
    let ts_key = crate::model::ts_key(ts);
    Record::new("poke", Category::SocialGraph)
        .at(ts)
        .title(title)
        .data(&serde_json::json!({"poker": poker, "pokee": pokee, "rank": rank}))
        .with_key(&[poker.as_deref().unwrap_or(""), pokee.as_deref().unwrap_or(""), &ts_key])
}

pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let mut index = 0u64;
    stream_json(reader, &["pokes_v2", "pokes", "activity"], &mut |item| {
        let JsonItem::Element { raw, .. } = item else { return Ok(()) };
        let i = index;
        index += 1;
        let Some(p) = element::<Poke>(cx, i, raw, "poke") else { return Ok(()) };
        let record = poke_record(fx_opt(p.poker.as_deref()), fx_opt(p.pokee.as_deref()), p.rank, p.timestamp.ms());
        cx.emit(i, record)
    })
}

#[cfg(test)]
mod tests {
    use crate::importers::meta::parser::POKES;
    use crate::importers::meta::test_support::ok;

    #[test]
    fn pokes_name_both_people() {
        let json = r#"{"pokes_v2": [{"poker": "Kim Novak", "pokee": "Sam Silva", "rank": 1, "timestamp": 1654041000}]}"#;
        let out = ok(POKES, "other_activity/pokes.json", json);
        assert_eq!(out.records.len(), 1);
        assert_eq!(out.records[0].title.as_deref(), Some("Kim Novak poked Sam Silva"));
        assert_eq!(out.records[0].ts, Some(1_654_041_000_000));
    }
}
