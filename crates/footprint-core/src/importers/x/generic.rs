//! Every other data type of an X archive (`account-creation-ip.js`, `saved-search.js`,
//! `lists-member.js`, `account-timezone.js`, `contact.js`, `sso.js`, ... about 80 exist, most
//! of them empty for most people): one `generic` record per element, so nothing the archive
//! holds is silently dropped. The category comes from the type's words; the record keeps the
//! element's first text fields as its title and body and a compact copy as data.

use super::clip;
use super::read::each_item;
use crate::formats::js_wrapped;
use crate::importer::{ImportCx, ParseError};
use crate::model::{key_of, Category, Record};
use serde_json::Value;
use std::io::Read;

/// A compact element is at most this long in `data`.
const MAX_DATA: usize = 4000;

/// The category of a data type from its words (`saved_search` -> searches).
pub fn category_of(data_type: &str) -> Category {
    let t = data_type.to_ascii_lowercase();
    let has = |w: &[&str]| w.iter().any(|x| t.contains(x));
    if has(&["search"]) {
        Category::Searches
    } else if has(&[
        "ip",
        "device",
        "login",
        "session",
        "sso",
        "key_registry",
        "timezone",
    ]) {
        Category::DevicesLogins
    } else if has(&["message", "dm_"]) {
        Category::Messages
    } else if has(&["list", "follow", "contact", "block", "mute"]) {
        Category::SocialGraph
    } else if has(&[
        "tweet",
        "note",
        "moment",
        "article",
        "community",
        "periscope",
        "spaces",
        "grok",
    ]) {
        Category::Content
    } else if has(&["ad", "interest", "personalization"]) {
        Category::AdInterests
    } else if has(&[
        "shop",
        "commerce",
        "product",
        "payment",
        "subscription",
        "catalog",
    ]) {
        Category::Purchases
    } else if has(&[
        "account",
        "profile",
        "email",
        "phone",
        "screen_name",
        "verified",
        "label",
    ]) {
        Category::IdentityContact
    } else {
        Category::ActivityBrowsing
    }
}

/// The first strings of an object (depth-first, at most `n`), as `key: value`.
fn first_texts(v: &Value, n: usize, out: &mut Vec<String>, key: &str) {
    if out.len() >= n {
        return;
    }
    match v {
        Value::String(s) if !s.trim().is_empty() => {
            out.push(format!("{key}: {}", clip(s.trim(), 200)))
        }
        Value::Number(x) if !key.is_empty() => out.push(format!("{key}: {x}")),
        Value::Object(o) => o.iter().for_each(|(k, x)| first_texts(x, n, out, k)),
        Value::Array(a) => a.iter().for_each(|x| first_texts(x, n, out, key)),
        _ => {}
    }
}

/// Parse any `data/<type>.js`; the type comes from the file name.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let name = cx.file.rsplit('/').next().unwrap_or(cx.file);
    let data_type = super::paths::type_of_file_name(name)
        .unwrap_or_else(|| js_wrapped::data_type(name).to_string());
    let category = category_of(&data_type);
    let file_key = data_type.clone();
    each_item(reader, cx, &data_type.clone(), &mut |cx, index, v| {
        let mut texts = Vec::new();
        first_texts(&v, 6, &mut texts, "");
        let raw = serde_json::to_string(&v).unwrap_or_default();
        let title = format!(
            "{}: {}",
            data_type.replace('_', " "),
            texts.first().map(String::as_str).unwrap_or("(no text)")
        );
        let mut r = Record::new("generic", category)
            .title(clip(&title, 300))
            .body(texts.join("\n"))
            .with_key(&[&file_key, &key_of("x_generic", &[&raw]).to_string()]);
        r = if raw.len() <= MAX_DATA {
            r.data_raw(raw)
        } else {
            r.data(&serde_json::json!({ "truncated": clip(&raw, MAX_DATA) }))
        };
        cx.emit(index, r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::importers::x::parser::GENERIC;
    use crate::importers::x::test_support::{js, ok};

    #[test]
    fn any_type_becomes_generic_records() {
        let input = js(
            "saved_search",
            r#"[{"savedSearch": {"savedSearchId": "1", "query": "rust jobs"}}, {"savedSearch": {"savedSearchId": "2", "query": "bikes"}}]"#,
        );
        let out = ok(GENERIC, "data/saved-search.js", &input);
        assert_eq!(out.records.len(), 2);
        assert_eq!(out.records[0].category, Category::Searches);
        assert_eq!(
            out.records[0].title.as_deref(),
            Some("saved search: query: rust jobs")
        );
        assert_ne!(out.records[0].key, out.records[1].key);
        assert_eq!(category_of("account_creation_ip"), Category::DevicesLogins);
        assert_eq!(category_of("lists_member"), Category::SocialGraph);
    }
}
