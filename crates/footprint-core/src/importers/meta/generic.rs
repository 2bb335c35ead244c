//! Files of the 2024+ sections that no dedicated parser knows. Meta adds and renames such
//! files every year, but writes them as self-describing records (`label_values`,
//! `string_map_data`), so the [`label_values`](super::label_values) walker turns each into a
//! `generic` record: its labels and values searchable, its category from its folder.
//!
//! Shapes: a top-level array (one record per element), an object of arrays (one record per
//! element of each), or one object that is itself a record (`{fbid, label_values, ...}`).
//!
//! A file with no element in those forms is only walked by its plain keys: its values are
//! searchable, but nothing about them is understood, so the report counts it as indexed
//! ([`ImportCx::mark_indexed_only`]), not parsed.

use super::{file_stem, label_values, paths};
use crate::importer::{ImportCx, ParseError};
use crate::json_stream::{stream_json, JsonItem};
use serde_json::{Map, Value};
use std::io::Read;

/// Keys whose arrays are parts of the file's own top-level record, not lists of records.
const PART_OF_TOP_RECORD: &[&str] = &["label_values", "media", "vec", "dict", "string_list_data", "media_list_data"];

/// Parse any JSON file generically.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let category = paths::category_for(cx.file);
    let fallback = file_stem(cx.file).to_string();
    let mut top: Map<String, Value> = Map::new();
    let mut next_index = 0u64;
    let mut self_describing = false;
    stream_json(reader, &["*"], &mut |item| {
        match item {
            JsonItem::Element { key, raw, .. } if PART_OF_TOP_RECORD.contains(&key) => {
                if let Ok(v) = serde_json::from_slice::<Value>(raw) {
                    if let Value::Array(a) = top.entry(key.to_string()).or_insert_with(|| Value::Array(Vec::new())) {
                        a.push(v);
                    }
                }
            }
            JsonItem::Element { raw, .. } => {
                let index = next_index;
                next_index += 1;
                match serde_json::from_slice::<Value>(raw) {
                    Ok(v) => {
                        self_describing |= label_values::has_generic_form(&v);
                        let summary = label_values::summarize(&v);
                        if !summary.pairs.is_empty() {
                            cx.emit(index, summary.into_record("generic", category, &fallback))?;
                        }
                    }
                    Err(e) => cx.warn(Some(index), format!("element {index}: {e}")),
                }
            }
            JsonItem::Field { key, raw } => {
                if let Ok(v) = serde_json::from_slice::<Value>(raw) {
                    top.insert(key.to_string(), v);
                }
            }
        }
        Ok(())
    })?;
    if !top.is_empty() {
        let top = Value::Object(top);
        self_describing |= label_values::has_generic_form(&top);
        let summary = label_values::summarize(&top);
        if !summary.pairs.is_empty() {
            cx.emit(next_index, summary.into_record("generic", category, &fallback))?;
        }
    }
    if cx.records() == 0 {
        cx.warn(None, "no values found in this file");
    } else if !self_describing {
        cx.mark_indexed_only();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::importers::meta::parser::GENERIC;
    use crate::importers::meta::test_support::{data, moji, ok};
    use crate::model::Category;

    #[test]
    fn one_record_file_with_label_values() {
        let json = format!(
            r#"{{"fbid": "555", "ent_name": "{}", "media": [], "label_values": [
                {{"label": "Language", "value": "Deutsch"}},
                {{"label": "Updated", "timestamp_value": 1700000000}}]}}"#,
            moji("Sprachen für Anzeigen")
        );
        let out = ok(GENERIC, "preferences/language_and_locale/language_settings.json", &json);
        assert_eq!(out.records.len(), 1);
        let r = &out.records[0];
        assert_eq!(r.kind, "generic");
        assert_eq!(r.title.as_deref(), Some("Sprachen für Anzeigen"));
        assert_eq!(r.ts, Some(1_700_000_000_000));
        assert!(r.body.as_deref().unwrap().contains("Language: Deutsch"));
        assert_eq!(data(r)["fbid"], "555");
        assert_eq!(r.category, Category::ActivityBrowsing);
    }

    #[test]
    fn list_of_records_with_category_from_folder() {
        let json = r#"{"searches_v2": [
            {"timestamp": 1700000000, "fbid": "1", "label_values": [{"label": "Search", "value": "bike repair"}]},
            {"timestamp": 1700000100, "fbid": "2", "label_values": [{"label": "Search", "value": "train times"}]}]}"#;
        let out = ok(GENERIC, "logged_information/search/your_search_history.json", json);
        assert_eq!(out.records.len(), 2);
        assert!(out.records.iter().all(|r| r.category == Category::Searches));
        assert_eq!(out.records[1].title.as_deref(), Some("Search: train times"));
        assert_eq!(out.records[1].position, 1);

        let ig = r#"{"account_history_login_history": [{"title": "2025-01-02", "string_map_data": {
            "IP address": {"value": "192.0.2.4"}, "Time": {"timestamp": 1735800000}}}]}"#;
        let out = ok(GENERIC, "security_and_login_information/login_and_profile_creation/login_activity.json", ig);
        assert_eq!(out.records[0].category, Category::DevicesLogins);
        assert_eq!(out.records[0].title.as_deref(), Some("2025-01-02"));
        assert_eq!(out.records[0].ts, Some(1_735_800_000_000));
    }

    #[test]
    fn plain_keys_are_only_indexed_label_values_are_understood() {
        use crate::importer::ImportCx;
        use crate::testing::MemorySink;
        let blind = |json: &str| {
            let mut sink = MemorySink::default();
            let mut cx = ImportCx::new("preferences/odd/settings.json", &mut sink);
            super::parse(&mut json.as_bytes(), &mut cx).unwrap();
            (cx.records(), cx.indexed_only())
        };
        assert_eq!(blind(r#"{"things_v2": [{"name": "a", "value": "b"}]}"#), (1, true));
        assert_eq!(blind(r#"{"setting": "on"}"#), (1, true));
        let lv = r#"{"things_v2": [{"timestamp": 1, "label_values": [{"label": "L", "value": "v"}]}]}"#;
        assert_eq!(blind(lv), (1, false));
    }

    #[test]
    fn empty_file_warns() {
        let out = ok(GENERIC, "preferences/x.json", r#"{"things_v2": []}"#);
        assert!(out.records.is_empty());
        assert_eq!(out.warnings.len(), 1);
    }
}
