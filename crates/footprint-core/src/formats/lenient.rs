//! JSON whose shape drifts: keys change casing and spacing between export generations
//! (`"Video Browsing History"`, `"VideoBrowsingHistory"`, `"video_browsing_history"`), and
//! empty lists are written as `null` or `""`. These helpers look keys up by their normal
//! form and treat every "nothing" as an empty list, so an importer states the path it wants
//! once, for every generation.

use serde_json::Value;

/// Key normal form: lowercase letters and digits only.
pub fn norm_key(key: &str) -> String {
    key.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The value under `key` in an object, comparing keys by [`norm_key`]. Exact match first.
pub fn get<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    let obj = v.as_object()?;
    if let Some(x) = obj.get(key) {
        return Some(x);
    }
    // Compared char by char, without allocating: optional keys are absent most of the time,
    // and this scan runs for each of them on every element (300,000 tweets).
    obj.iter().find(|(k, _)| norm_chars(k).eq(norm_chars(key))).map(|(_, x)| x)
}

/// The chars of [`norm_key`], without building the string.
fn norm_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase)
}

/// The first of several alternative keys that is present and not null.
pub fn get_any<'a>(v: &'a Value, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|k| get(v, k).filter(|x| !x.is_null()))
}

/// Follow a path of keys, each with alternatives: `path(v, &[&["Activity", "Your Activity"],
/// &["Login History"]])`.
pub fn path<'a>(v: &'a Value, steps: &[&[&str]]) -> Option<&'a Value> {
    steps.iter().try_fold(v, |cur, alts| get_any(cur, alts))
}

/// A value as a list: arrays as they are; `null`, `""`, missing and `{}` as empty; any other
/// single value as a list of one.
pub fn list(v: Option<&Value>) -> &[Value] {
    match v {
        Some(Value::Array(a)) => a,
        Some(Value::Null) | None => &[],
        Some(Value::String(s)) if s.trim().is_empty() => &[],
        Some(Value::Object(o)) if o.is_empty() => &[],
        Some(other) => std::slice::from_ref(other),
    }
}

/// A value as trimmed text: strings, numbers and booleans; `null`, empty and the exporters'
/// placeholders (`"N/A"`, `"Not Available"`, `"None"`) as `None`.
pub fn text(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    (!s.is_empty() && !is_placeholder(&s)).then_some(s)
}

/// The field of an object as text ([`get`] then [`text`]), trying alternative keys.
pub fn field(v: &Value, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| text(get(v, k)))
}

/// Placeholders exporters write instead of leaving a field empty.
pub fn is_placeholder(s: &str) -> bool {
    matches!(
        s.trim().to_ascii_lowercase().as_str(),
        "n/a" | "na" | "not available" | "none" | "null" | "unknown" | "-" | "--"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_match_across_casing_and_spacing() {
        let v = json!({"Activity": {"Video Browsing History": {"VideoList": null}}});
        let hist = path(&v, &[&["activity", "Your Activity"], &["VideoBrowsingHistory", "Watch History"]]);
        assert!(hist.is_some());
        assert!(list(get(hist.unwrap(), "videolist")).is_empty());
        let w = json!({"Your Activity": {"Watch History": {"VideoList": [{"Date": "x"}]}}});
        let hist = path(&w, &[&["activity", "Your Activity"], &["VideoBrowsingHistory", "Watch History"]]);
        assert_eq!(list(get(hist.unwrap(), "VideoList")).len(), 1);
    }

    #[test]
    fn nothing_is_an_empty_list_and_placeholders_are_none() {
        assert!(list(Some(&json!(""))).is_empty());
        assert!(list(Some(&json!({}))).is_empty());
        assert_eq!(list(Some(&json!({"a": 1}))).len(), 1);
        assert_eq!(text(Some(&json!("Not Available"))), None);
        assert_eq!(text(Some(&json!(12))), Some("12".into()));
        assert_eq!(field(&json!({"IP": " 1.2.3.4 "}), &["ip"]), Some("1.2.3.4".into()));
    }
}
