//! Any other Meta page: each box becomes a `generic` record through the same
//! [`Summary`](crate::importers::meta::label_values::Summary) the JSON walker builds (the box
//! title as name, each row's label and values as pairs, printed dates as times), so its text
//! is searchable and its key is the JSON twin's (see `Summary::key_parts`). A page without
//! boxes ("No data") gives nothing and is no error.

use super::page::{date_of, each_box, MetaBox};
use crate::importer::{ImportCx, ParseError};
use crate::importers::meta::label_values::{Leaf, Pair, Summary, MAX_PAIRS};
use crate::importers::meta::{file_stem, fx, paths};
use std::io::Read;

/// The walker's summary of a box. A value is a time when it reads as a date with a clock
/// (pages print every time that way; a bare `2024-03-01` stays text, as in the JSON).
pub fn summary(b: &MetaBox) -> Summary {
    let mut pairs = Vec::new();
    for row in &b.rows {
        let path = fx(&row.label);
        for v in &row.values {
            let value = match date_of(v).filter(|_| v.contains(':')) {
                Some(ms) => Leaf::Time(ms),
                None => Leaf::Text(fx(v)),
            };
            if pairs.len() < MAX_PAIRS {
                pairs.push(Pair { path: path.clone(), value });
            }
        }
    }
    for t in &b.text {
        pairs.push(Pair { path: String::new(), value: Leaf::Text(fx(t)) });
    }
    if let Some(ts) = b.ts.filter(|_| !pairs.iter().any(|p| matches!(p.value, Leaf::Time(_)))) {
        pairs.push(Pair { path: String::new(), value: Leaf::Time(ts) });
    }
    Summary { fbid: None, name: b.title.as_deref().map(fx).filter(|t| !t.is_empty()), pairs }
}

/// Parse any Meta page generically.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let category = paths::category_for(cx.file);
    let fallback = file_stem(cx.file).to_string();
    each_box(reader, cx, |cx, b| {
        let s = summary(&b);
        if s.pairs.is_empty() && s.name.is_none() {
            return Ok(());
        }
        cx.emit(b.index, s.into_record("generic", category, &fallback))
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::importers::meta::html::parser::GENERIC;
    use crate::importers::meta::html::test_support::ok;
    use crate::importers::meta::test_support::ok as json_ok;
    use crate::model::Category;

    #[test]
    fn generic_records_share_the_json_key() {
        let json = r#"{"searches_v2": [{"timestamp": 1700000000, "fbid": "1", "label_values": [
            {"label": "Search", "value": "bike repair"}, {"label": "Time", "timestamp_value": 1700000000}]}]}"#;
        let want = json_ok(crate::importers::meta::parser::GENERIC, "logged_information/search/your_search_history.json", json);
        let html = r#"<html><body><div role="main"><div><div></div><div><table>
            <tr><td>Search<div><div>bike repair</div></div></td></tr><tr><td>Time<div><div>Nov 14, 2023 10:13:20 pm</div></div></td></tr>
            <tr><td>Timestamp<div><div>Nov 14, 2023 10:13:20 pm</div></div></td></tr></table></div><div>Nov 14, 2023 10:13:20 pm</div></div>
            </div>No data</body></html>"#;
        let got = ok(GENERIC, "logged_information/search/your_search_history.html", html);
        assert_eq!(got.records.len(), 1);
        let (g, w) = (&got.records[0], &want.records[0]);
        assert_eq!((g.key, g.ts, g.category), (w.key, w.ts, Category::Searches));
        assert_eq!(g.title.as_deref(), Some("Search: bike repair"));
        let empty = ok(GENERIC, "x/your_event_responses.html", "<html><body><div role=\"main\">No data</div></body></html>");
        assert!(empty.records.is_empty() && empty.warnings.is_empty());
    }
}
