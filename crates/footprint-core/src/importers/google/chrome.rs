//! Chrome's browsing history: `{"Browser History": [{title, url, time_usec, page_transition,
//! favicon_url, client_id}]}` (`Chrome/BrowserHistory.json`, later `History.json`).

use super::{element, Int, Str};
use crate::importer::{ImportCx, ParseError};
use crate::json_stream::{stream_json, JsonItem};
use crate::model::{Category, Record};
use serde::{Deserialize, Serialize};
use std::io::Read;

#[derive(Deserialize)]
struct Visit<'a> {
    #[serde(borrow)]
    title: Option<Str<'a>>,
    #[serde(borrow)]
    url: Option<Str<'a>>,
    #[serde(default)]
    time_usec: Int,
    #[serde(borrow)]
    page_transition: Option<Str<'a>>,
}

#[derive(Serialize)]
struct VisitData<'x> {
    #[serde(skip_serializing_if = "Option::is_none")]
    page_transition: Option<&'x str>,
}

/// Parse one Chrome history file.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    stream_json(reader, &["Browser History"], &mut |item| {
        let JsonItem::Element { index, raw, .. } = item else {
            return Ok(());
        };
        let Some(v) = element::<Visit>(cx, index, raw, "page visit") else {
            return Ok(());
        };
        let url = v.url.as_deref().map(str::trim).filter(|u| !u.is_empty());
        let Some(url) = url else {
            cx.warn(Some(index), format!("page visit {index} skipped: no url"));
            return Ok(());
        };
        let ts = v.time_usec.0.and_then(crate::time::usec_ms);
        if ts.is_none() {
            cx.warn(
                Some(index),
                format!("page visit {index} has no readable time_usec"),
            );
        }
        let title = crate::text::non_empty(v.title.as_deref()).unwrap_or_else(|| url.to_string());
        let usec = v.time_usec.0.unwrap_or(0).to_string();
        let record = Record::new("page_visit", Category::ActivityBrowsing)
            .at(ts)
            .title(title)
            .body(url)
            .data(&VisitData {
                page_transition: v.page_transition.as_deref(),
            })
            .with_key(&[&usec, url]);
        cx.emit(index, record)
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{data, run};
    use super::*;

    #[test]
    fn visits_with_title_url_and_time() {
        let input = r#"{"Browser History": [
          {"favicon_url": "https://docs.rs/favicon.ico", "page_transition": "LINK", "title": "zip - Rust", "url": "https://docs.rs/zip", "client_id": "abc", "time_usec": 1709294400123456},
          {"page_transition": "TYPED", "title": "", "url": "https://example.org/", "time_usec": "1709294400000000"},
          {"title": "no url", "time_usec": 1}
        ], "Other Key": {"x": 1}}"#;
        let (out, res) = run("Takeout/Chrome/BrowserHistory.json", input, parse);
        res.unwrap();
        assert_eq!(out.records.len(), 2);
        let r = &out.records[0];
        assert_eq!(
            (r.kind, r.category),
            ("page_visit", Category::ActivityBrowsing)
        );
        assert_eq!(r.title.as_deref(), Some("zip - Rust"));
        assert_eq!(r.body.as_deref(), Some("https://docs.rs/zip"));
        assert_eq!(r.ts, Some(1_709_294_400_123));
        assert_eq!(data(r)["page_transition"], "LINK");
        // An empty title falls back to the url.
        assert_eq!(
            out.records[1].title.as_deref(),
            Some("https://example.org/")
        );
        assert_eq!(out.records[1].ts, Some(1_709_294_400_000));
        assert_eq!(out.warnings.len(), 1);
        assert_eq!(out.warnings[0].position, Some(2));
    }
}
