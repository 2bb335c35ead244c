//! What Meta inferred about the user to target ads: Facebook `ads_interests.json`
//! (`topics_v2[str]`), `other_categories_used_to_reach_you.json` (`bcts[str]`, since 2024
//! `label_values[{label, vec[{value}]}]`), Instagram `ads_interests.json`
//! (`inferred_data_ig_interest[{string_map_data{Interest{value}}}]`) and `your_topics.json`
//! (`topics_your_topics[{string_map_data{Name{value}}}]`).

use super::activity::each_element;
use super::{fx, label_values};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record};
use serde::Serialize;
use serde_json::Value;
use std::io::Read;

#[derive(Serialize)]
struct InterestOut<'a> {
    /// The list it came from (top-level key or label).
    list: &'a str,
}

pub(crate) fn emit_one(cx: &mut ImportCx<'_>, index: u64, list: &str, interest: &str) -> Result<(), ParseError> {
    let interest = fx(interest);
    if interest.is_empty() {
        return Ok(());
    }
    let r = Record::new("ad_interest", Category::AdInterests)
        .title(interest.clone())
        .data(&InterestOut { list })
        .with_key(&[&interest]);
    cx.emit(index, r)
}

/// Parse an ad-interests file.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_element(reader, cx, &mut |cx, key, index, v| {
        match &v {
            Value::String(s) => emit_one(cx, index, key, s),
            Value::Object(o) if o.contains_key("label_values") || o.contains_key("string_map_data") => {
                // Each labelled text is one interest; the label names the list.
                let summary = label_values::summarize(&v);
                for p in &summary.pairs {
                    if let label_values::Leaf::Text(t) = &p.value {
                        let list = if p.path.is_empty() { key } else { p.path.as_str() };
                        emit_one(cx, index, list, t)?;
                    }
                }
                Ok(())
            }
            Value::Object(o) => match o.get("name").or_else(|| o.get("value")).and_then(Value::as_str) {
                Some(name) => emit_one(cx, index, key, name),
                None => {
                    cx.warn(Some(index), format!("interest {index}: no name in a known shape"));
                    Ok(())
                }
            },
            _ => {
                cx.warn(Some(index), format!("interest {index}: not a string or object"));
                Ok(())
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::importers::meta::parser::AD_INTERESTS;
    use crate::importers::meta::test_support::{data, moji, ok};
    use crate::model::Category;

    fn titles(out: &crate::importers::meta::test_support::Out) -> Vec<String> {
        out.records.iter().map(|r| r.title.clone().unwrap()).collect()
    }

    #[test]
    fn every_known_shape() {
        let fb = format!(r#"{{"topics_v2": ["Cycling", "{}"]}}"#, moji("Crème brûlée"));
        let out = ok(AD_INTERESTS, "other_logged_information/ads_interests.json", &fb);
        assert_eq!(titles(&out), ["Cycling", "Crème brûlée"]);
        assert_eq!(out.records[0].category, Category::AdInterests);
        assert_eq!(data(&out.records[0])["list"], "topics_v2");

        let y2024 = format!(
            r#"{{"label_values": [{{"label": "{}", "vec": [{{"value": "Frequent travellers"}}, {{"value": "Parents"}}]}}]}}"#,
            moji("Catégories")
        );
        let out = ok(AD_INTERESTS, "ads_information/other_categories_used_to_reach_you.json", &y2024);
        assert_eq!(titles(&out), ["Frequent travellers", "Parents"]);
        assert_eq!(data(&out.records[1])["list"], "Catégories");

        let ig = r#"{"inferred_data_ig_interest": [{"string_map_data": {"Interest": {"value": "Hiking"}}}]}"#;
        let out = ok(AD_INTERESTS, "information_about_you/ads_interests.json", ig);
        assert_eq!(titles(&out), ["Hiking"]);

        let topics = r#"{"topics_your_topics": [{"string_map_data": {"Name": {"href": "", "value": "Cats", "timestamp": 0}}}, 7]}"#;
        let out = ok(AD_INTERESTS, "your_topics/your_topics.json", topics);
        assert_eq!(titles(&out), ["Cats"]);
        assert_eq!(out.warnings.len(), 1);
    }
}
