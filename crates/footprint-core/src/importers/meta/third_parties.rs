//! Third parties named in Meta exports: who uploaded the user's contact details, who targeted
//! them, who sent their activity from outside Meta, which apps are connected, which ads they
//! interacted with. Every record names its company with a [`Relation`].
//!
//! Schemas, old and new (both are read, whatever the file's folder):
//! - `advertisers_using_your_activity_or_information.json`: <=2023
//!   `custom_audiences_all_types_v2[{advertiser_name, has_data_file_custom_audience,
//!   has_remarketing_custom_audience, has_in_person_store_visit}]` (Instagram
//!   `ig_custom_audiences_all_types`); 2024+ `label_values[{label, vec[{value}]}]`, one list per
//!   kind of audience, the kind told only by the (localized) label.
//! - `advertisers_who_uploaded_a_contact_list_with_your_information.json`:
//!   `custom_audiences_v2[str]`, 2018 `custom_audiences[str]`, 2024+ `label_values`.
//! - off-Meta activity: `off_facebook_activity_v2` / Instagram
//!   `apps_and_websites_off_meta_activity` `[{name, events[{id, type, timestamp}]}]`.
//! - `connected_apps_and_websites.json`: `installed_apps_v2[{name, added_timestamp,
//!   removed_timestamp, category}]`.
//! - `advertisers_you've_interacted_with.json`: `history_v2[{title, action, timestamp}]`
//!   (2024+ also as `label_values` records).
//! - `information_you've_submitted_to_advertisers.json`: `lead_gen_info_v2[{label, value}]`.
//! - Instagram `ads_viewed.json` / `ads_clicked.json`: `impressions_history_ads_seen
//!   [{string_map_data{Author{value}, Time{timestamp}}}]`; 2019 `seen_content.json`
//!   `{ads_seen, ads_clicked, posts_seen, videos_watched: [{timestamp (ISO), author}]}`.
//!
//! Older Facebook generations write the same lists without `_v2` (`custom_audiences`,
//! `off_facebook_activity`, `installed_apps`, `history`): every parser streams whatever the
//! top-level key, so only [`super::content`] needs to know the spellings.

use super::activity::{each_element, map_leaf, IgLeaf};
use super::{fx, fx_opt, label_values, number_of, Secs};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record, Relation};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use std::io::Read;

// ---------------------------------------------------------------- advertisers using your info

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawAudience {
    advertiser_name: Option<String>,
    has_data_file_custom_audience: Option<bool>,
    has_remarketing_custom_audience: Option<bool>,
    has_in_person_store_visit: Option<bool>,
}

/// One advertiser's audiences. In the 2024+ form an advertiser can appear in several lists;
/// they are merged so both schemas give the same records.
#[derive(Debug, Default, Clone, PartialEq, Serialize)]
pub(crate) struct Audiences {
    pub has_data_file_custom_audience: bool,
    pub has_remarketing_custom_audience: bool,
    pub has_in_person_store_visit: bool,
    /// 2024+: the labels of the lists the advertiser appeared in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lists: Vec<String>,
}

/// What kind of audience a 2024+ list label describes. Labels are localized; English,
/// French, German and Spanish words are recognized, anything else only says "targeted you"
/// (the label is kept in the record).
pub(crate) fn audience_kind(label: &str) -> Option<&'static str> {
    let l = label.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| l.contains(w));
    if has(&["list", "upload", "data file", "liste", "hochgeladen", "lista", "subid"]) {
        Some("data_file")
    } else if has(&["store", "in-person", "in person", "magasin", "geschäft", "tienda"]) {
        Some("in_person")
    } else if has(&["remarketing", "website", "app", "site", "interacted", "interagi", "interagiert"]) {
        Some("remarketing")
    } else {
        None
    }
}

pub(crate) fn emit_audience(cx: &mut ImportCx<'_>, index: u64, name: &str, a: &Audiences) -> Result<(), ParseError> {
    let r = Record::new("advertiser_audience", Category::AdInterests)
        .title(format!("{name} {}", Relation::TargetedYou.label()))
        .company(name, Relation::TargetedYou)
        .data(a)
        .with_key(&[name]);
    cx.emit(index, r)?;
    if a.has_data_file_custom_audience {
        emit_contact_list(cx, index, name, "advertisers_using_your_activity_or_information")?;
    }
    Ok(())
}

pub(crate) fn emit_contact_list(cx: &mut ImportCx<'_>, index: u64, name: &str, source: &str) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out<'a> {
        source: &'a str,
    }
    let r = Record::new("contact_list_upload", Category::IdentityContact)
        .title(format!("{name} {}", Relation::UploadedContactList.label()))
        .company(name, Relation::UploadedContactList)
        .data(&Out { source })
        .with_key(&[name]);
    cx.emit(index, r)
}

/// The advertiser names in a 2024+ `{label, vec[{value}] | value}` list entry.
fn list_entry(v: &Value) -> (String, Vec<String>) {
    let label = v.get("label").and_then(Value::as_str).map(fx).unwrap_or_default();
    let mut names = Vec::new();
    if let Some(items) = v.get("vec").and_then(Value::as_array) {
        for item in items {
            let name = match item {
                Value::String(s) => Some(s.as_str()),
                other => other.get("value").and_then(Value::as_str),
            };
            if let Some(n) = name.map(fx).filter(|n| !n.is_empty()) {
                names.push(n);
            }
        }
    } else if let Some(n) = v.get("value").and_then(Value::as_str).map(fx).filter(|n| !n.is_empty()) {
        names.push(n);
    }
    (label, names)
}

/// Parse `advertisers_using_your_activity_or_information.json`, either schema.
pub fn parse_advertisers_using(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    // 2024+ lists, merged per advertiser in first-seen order.
    let mut merged: Vec<(String, Audiences, u64)> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    each_element(reader, cx, &mut |cx, key, index, v| {
        if key == "label_values" {
            for entry in v.get("label_values").and_then(Value::as_array).into_iter().flatten() {
                let (label, names) = list_entry(entry);
                let kind = audience_kind(&label);
                for name in names {
                    let i = *seen.entry(name.clone()).or_insert_with(|| {
                        merged.push((name.clone(), Audiences::default(), index));
                        merged.len() - 1
                    });
                    let a = &mut merged[i].1;
                    match kind {
                        Some("data_file") => a.has_data_file_custom_audience = true,
                        Some("in_person") => a.has_in_person_store_visit = true,
                        Some(_) => a.has_remarketing_custom_audience = true,
                        None => {}
                    }
                    if !label.is_empty() && !a.lists.contains(&label) {
                        a.lists.push(label.clone());
                    }
                }
            }
            return Ok(());
        }
        // <=2023: one element per advertiser (or a bare name).
        let raw: RawAudience = match v {
            Value::String(s) => RawAudience { advertiser_name: Some(s), ..Default::default() },
            other => match serde_json::from_value(other) {
                Ok(a) => a,
                Err(e) => {
                    cx.warn(Some(index), format!("advertiser {index}: {e}"));
                    return Ok(());
                }
            },
        };
        let Some(name) = fx_opt(raw.advertiser_name.as_deref()) else {
            cx.warn(Some(index), format!("advertiser {index}: no advertiser_name"));
            return Ok(());
        };
        let a = Audiences {
            has_data_file_custom_audience: raw.has_data_file_custom_audience.unwrap_or(false),
            has_remarketing_custom_audience: raw.has_remarketing_custom_audience.unwrap_or(false),
            has_in_person_store_visit: raw.has_in_person_store_visit.unwrap_or(false),
            lists: Vec::new(),
        };
        emit_audience(cx, index, &name, &a)
    })?;
    for (name, a, index) in &merged {
        emit_audience(cx, *index, name, a)?;
    }
    Ok(())
}

// ---------------------------------------------------------------- contact lists

/// Parse `advertisers_who_uploaded_a_contact_list_with_your_information.json`.
pub fn parse_contact_lists(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let source = super::file_stem(cx.file).to_string();
    each_element(reader, cx, &mut |cx, key, index, v| {
        let names: Vec<String> = match &v {
            Value::String(s) => vec![fx(s)],
            Value::Object(_) if key == "label_values" => v
                .get("label_values")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .flat_map(|e| list_entry(e).1)
                .collect(),
            Value::Object(o) => o
                .get("advertiser_name")
                .or_else(|| o.get("name"))
                .and_then(Value::as_str)
                .map(fx)
                .into_iter()
                .collect(),
            _ => Vec::new(),
        };
        let names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
        if names.is_empty() {
            cx.warn(Some(index), format!("contact list {index}: no advertiser name"));
        }
        for name in names {
            emit_contact_list(cx, index, &name, &source)?;
        }
        Ok(())
    })
}

// ---------------------------------------------------------------- off-Meta activity

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawOffMeta {
    name: Option<String>,
    events: Vec<RawEvent>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawEvent {
    id: Option<Value>,
    #[serde(rename = "type")]
    kind: Option<String>,
    timestamp: Secs,
}

#[derive(Serialize)]
struct EventOut<'a> {
    event: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    id: &'a str,
}

fn id_text(v: &Option<Value>) -> String {
    match v {
        Some(Value::String(s)) => fx(s),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// Parse off-Meta activity: one record per event.
pub fn parse_off_meta(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_element(reader, cx, &mut |cx, key, index, v| {
        if key == "label_values" {
            // A 2024+ summary list of names without events: still evidence of the relation.
            for entry in v.get("label_values").and_then(Value::as_array).into_iter().flatten() {
                for name in list_entry(entry).1 {
                    emit_event(cx, index, &name, "", "", None)?;
                }
            }
            return Ok(());
        }
        let raw: RawOffMeta = match serde_json::from_value(v) {
            Ok(r) => r,
            Err(e) => {
                cx.warn(Some(index), format!("off-Meta activity {index}: {e}"));
                return Ok(());
            }
        };
        let Some(name) = fx_opt(raw.name.as_deref()) else {
            cx.warn(Some(index), format!("off-Meta activity {index}: no name"));
            return Ok(());
        };
        if raw.events.is_empty() {
            return emit_event(cx, index, &name, "", "", None);
        }
        for e in &raw.events {
            let kind = fx_opt(e.kind.as_deref()).unwrap_or_default();
            emit_event(cx, index, &name, &kind, &id_text(&e.id), e.timestamp.ms())?;
        }
        Ok(())
    })
}

pub(crate) fn emit_event(cx: &mut ImportCx<'_>, index: u64, name: &str, kind: &str, id: &str, ts: Option<i64>) -> Result<(), ParseError> {
    let title = if kind.is_empty() { name.to_string() } else { format!("{name}: {kind}") };
    let ts_key = crate::model::ts_key(ts);
    let r = Record::new("off_platform_event", Category::OffPlatformActivity)
        .at(ts)
        .title(title)
        .company(name, Relation::SentOffPlatformActivity)
        .data(&EventOut { event: kind, id })
        .with_key(&[name, id, kind, &ts_key]);
    cx.emit(index, r)
}

// ---------------------------------------------------------------- connected apps

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawApp {
    name: Option<String>,
    added_timestamp: Secs,
    removed_timestamp: Secs,
    category: Option<String>,
    user_app_scoped_id: Option<Value>,
}

#[derive(Serialize)]
struct AppOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    app_scoped_id: String,
}

/// Parse `connected_apps_and_websites.json`.
pub fn parse_connected_apps(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_element(reader, cx, &mut |cx, _key, index, v| {
        let raw: RawApp = match serde_json::from_value(v) {
            Ok(r) => r,
            Err(e) => {
                cx.warn(Some(index), format!("connected app {index}: {e}"));
                return Ok(());
            }
        };
        let Some(name) = fx_opt(raw.name.as_deref()) else {
            cx.warn(Some(index), format!("connected app {index}: no name"));
            return Ok(());
        };
        let added = raw.added_timestamp.ms();
        let added_key = crate::model::ts_key(added);
        // Logging in with Facebook hands the app the user's profile: identity data.
        let r = Record::new("connected_app", Category::IdentityContact)
            .at(added)
            .until(raw.removed_timestamp.ms())
            .title(format!("Connected app: {name}"))
            .company(&name, Relation::ConnectedApp)
            .data(&AppOut {
                status: fx_opt(raw.category.as_deref()),
                app_scoped_id: id_text(&raw.user_app_scoped_id),
            })
            .with_key(&[&name, &added_key]);
        cx.emit(index, r)
    })
}

// ---------------------------------------------------------------- ad interactions

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawInteraction {
    title: Option<String>,
    action: Option<String>,
    timestamp: Secs,
}

/// Parse `advertisers_you've_interacted_with.json`: the company is the ad's title.
pub fn parse_ad_interactions(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_element(reader, cx, &mut |cx, _key, index, v| {
        let (company, action, ts) = if v.get("label_values").is_some() {
            let s = label_values::summarize(&v);
            let company = s
                .text_labelled(&["title", "advertiser", "name", "titre", "titel", "título"])
                .or(s.first_text())
                .map(str::to_string);
            let action = s.text_labelled(&["action", "aktion", "acción"]).map(str::to_string);
            let ts = s.first_time().or_else(|| v.get("timestamp").and_then(number_of).and_then(crate::time::secs_ms));
            (company, action, ts)
        } else {
            match serde_json::from_value::<RawInteraction>(v) {
                Ok(r) => (fx_opt(r.title.as_deref()), fx_opt(r.action.as_deref()), r.timestamp.ms()),
                Err(e) => {
                    cx.warn(Some(index), format!("ad interaction {index}: {e}"));
                    return Ok(());
                }
            }
        };
        let Some(company) = company else {
            cx.warn(Some(index), format!("ad interaction {index}: no advertiser"));
            return Ok(());
        };
        #[derive(Serialize)]
        struct Out<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            action: Option<&'a str>,
        }
        let title = match &action {
            Some(a) => format!("{a}: {company}"),
            None => format!("Ad interaction: {company}"),
        };
        let ts_key = crate::model::ts_key(ts);
        let r = Record::new("ad_interaction", Category::ActivityBrowsing)
            .at(ts)
            .title(title)
            .company(&company, Relation::AdInteraction)
            .data(&Out { action: action.as_deref() })
            .with_key(&[&company, action.as_deref().unwrap_or(""), &ts_key]);
        cx.emit(index, r)
    })
}

// ---------------------------------------------------------------- lead forms

/// Parse `information_you've_submitted_to_advertisers.json`. The file does not say which
/// advertiser received the form, so the records name no company.
pub fn parse_lead_forms(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct Field {
        label: Option<String>,
        value: Option<String>,
    }
    #[derive(Serialize)]
    struct Out<'a> {
        label: &'a str,
        value: &'a str,
    }
    each_element(reader, cx, &mut |cx, key, index, v| {
        let fields: Vec<Field> = if key == "label_values" {
            v.get("label_values")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(|x| serde_json::from_value(x.clone()).ok()).collect())
                .unwrap_or_default()
        } else {
            match serde_json::from_value::<Field>(v) {
                Ok(f) => vec![f],
                Err(e) => {
                    cx.warn(Some(index), format!("lead form field {index}: {e}"));
                    return Ok(());
                }
            }
        };
        for f in fields {
            let label = fx_opt(f.label.as_deref()).unwrap_or_default();
            let value = fx_opt(f.value.as_deref()).unwrap_or_default();
            if label.is_empty() && value.is_empty() {
                cx.warn(Some(index), format!("lead form field {index}: empty"));
                continue;
            }
            let r = Record::new("lead_form_field", Category::IdentityContact)
                .title(format!("{label}: {value}"))
                .data(&Out { label: &label, value: &value })
                .with_key(&[&label, &value]);
            cx.emit(index, r)?;
        }
        Ok(())
    })
}

// ---------------------------------------------------------------- ads seen / clicked

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawImpression {
    title: Option<String>,
    string_map_data: Option<serde_json::Map<String, Value>>,
    string_list_data: Vec<IgLeaf>,
}

/// Parse Instagram's `ads_viewed.json` (`kind` = `ad_seen`) or `ads_clicked.json`
/// (`ad_clicked`): the company is the ad's Author.
pub fn parse_ads_seen(reader: &mut dyn Read, cx: &mut ImportCx<'_>, kind: &'static str) -> Result<(), ParseError> {
    each_element(reader, cx, &mut |cx, _key, index, v| {
        let raw: RawImpression = match serde_json::from_value(v) {
            Ok(r) => r,
            Err(e) => {
                cx.warn(Some(index), format!("ad impression {index}: {e}"));
                return Ok(());
            }
        };
        let map = raw.string_map_data.unwrap_or_default();
        let author = map_leaf(&map, &["Author", "Auteur", "Autor", "Autore"]).and_then(|l| fx_opt(l.value.as_deref()));
        let ts = map_leaf(&map, &["Time", "Heure", "Zeit", "Hora", "Ora"])
            .and_then(|l| l.timestamp.ms())
            .or_else(|| raw.string_list_data.first().and_then(|l| l.timestamp.ms()));
        let company = author.or_else(|| fx_opt(raw.title.as_deref()));
        let verb = if kind == "ad_clicked" { "Clicked an ad" } else { "Saw an ad" };
        let title = match &company {
            Some(c) => format!("{verb} from {c}"),
            None => verb.to_string(),
        };
        let ts_key = crate::model::ts_key(ts);
        let mut r = Record::new(kind, Category::ActivityBrowsing)
            .at(ts)
            .title(title)
            .with_key(&[company.as_deref().unwrap_or(""), &ts_key]);
        if let Some(c) = company {
            r = r.company(c, Relation::AdInteraction);
        }
        cx.emit(index, r)
    })
}

// ---------------------------------------------------------------- Instagram 2019 seen content

/// Parse Instagram's 2019 `seen_content.json`: `ads_seen` and `ads_clicked` name the ad's
/// author (the advertiser, a company); posts and videos seen are media consumption and
/// name accounts, not companies.
pub fn parse_seen_content(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct Seen {
        timestamp: Secs,
        author: Option<String>,
    }
    #[derive(Serialize)]
    struct Out<'a> {
        list: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        author: Option<&'a str>,
    }
    each_element(reader, cx, &mut |cx, key, index, v| {
        let seen: Seen = match serde_json::from_value(v) {
            Ok(s) => s,
            Err(e) => {
                cx.warn(Some(index), format!("{key} {index}: {e}"));
                return Ok(());
            }
        };
        let author = fx_opt(seen.author.as_deref());
        let ts = seen.timestamp.ms();
        let ts_key = crate::model::ts_key(ts);
        let who = author.as_deref().unwrap_or("");
        let ad = match key {
            "ads_seen" => Some(("ad_seen", "Saw an ad")),
            "ads_clicked" => Some(("ad_clicked", "Clicked an ad")),
            _ => None,
        };
        let r = if let Some((kind, verb)) = ad {
            let title = if who.is_empty() { verb.to_string() } else { format!("{verb} from {who}") };
            let r = Record::new(kind, Category::ActivityBrowsing)
                .at(ts)
                .title(title)
                .data(&Out { list: key, author: None })
                .with_key(&[who, &ts_key]);
            match &author {
                Some(c) => r.company(c, Relation::AdInteraction),
                None => r,
            }
        } else {
            let title = if who.is_empty() { format!("Seen ({key})") } else { format!("Seen: {who} ({key})") };
            Record::new("content_seen", Category::MediaConsumption)
                .at(ts)
                .title(title)
                .data(&Out { list: key, author: author.as_deref() })
                .with_key(&[key, who, &ts_key])
        };
        cx.emit(index, r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::importers::meta::parser::*;
    use crate::importers::meta::test_support::{data, moji, ok, Out};

    /// (kind, company, relation) of every record.
    fn companies(out: &Out) -> Vec<(&'static str, String, Relation)> {
        out.records
            .iter()
            .map(|r| {
                let c = r.company.as_ref().expect("a company");
                (r.kind, c.name.clone(), c.relation)
            })
            .collect()
    }

    fn s(k: &'static str, n: &str, r: Relation) -> (&'static str, String, Relation) {
        (k, n.to_string(), r)
    }

    #[test]
    fn advertisers_using_both_schemas_give_the_same_records() {
        use Relation::*;
        let v2023 = format!(
            r#"{{"custom_audiences_all_types_v2": [
              {{"advertiser_name": "{loreal}", "has_data_file_custom_audience": true,
                "has_remarketing_custom_audience": false, "has_in_person_store_visit": false}},
              {{"advertiser_name": "Criteo", "has_data_file_custom_audience": false,
                "has_remarketing_custom_audience": true, "has_in_person_store_visit": true}}]}}"#,
            loreal = moji("L'Oréal Paris")
        );
        let v2024 = format!(
            r#"{{"label_values": [
              {{"label": "Advertisers who uploaded a list with your information", "vec": [{{"value": "{loreal}"}}]}},
              {{"label": "Advertisers who used your activity on their website or app", "vec": [{{"value": "Criteo"}}]}},
              {{"label": "Advertisers who used your in-person store visits", "vec": [{{"value": "Criteo"}}]}}]}}"#,
            loreal = moji("L'Oréal Paris")
        );
        let ig = r#"{"ig_custom_audiences_all_types": [
              {"advertiser_name": "L'Oréal Paris", "has_data_file_custom_audience": true,
               "has_remarketing_custom_audience": false, "has_in_person_store_visit": false},
              {"advertiser_name": "Criteo", "has_data_file_custom_audience": false,
               "has_remarketing_custom_audience": true, "has_in_person_store_visit": true}]}"#;
        let cases: [(&str, &str, &str); 3] = [
            ("<=2023", "ads_information/advertisers_using_your_activity_or_information.json", &v2023),
            ("2024+", "ads_information/advertisers_using_your_activity_or_information.json", &v2024),
            ("instagram", "ads_information/instagram_ads_and_businesses/advertisers_using_your_activity_or_information.json", ig),
        ];
        for (name, path, json) in cases {
            let out = ok(ADVERTISERS_USING, path, json);
            assert_eq!(
                companies(&out),
                vec![
                    s("advertiser_audience", "L'Oréal Paris", TargetedYou),
                    s("contact_list_upload", "L'Oréal Paris", UploadedContactList),
                    s("advertiser_audience", "Criteo", TargetedYou),
                ],
                "{name}"
            );
            let criteo = data(&out.records[2]);
            assert_eq!(criteo["has_remarketing_custom_audience"], true, "{name}");
            assert_eq!(criteo["has_in_person_store_visit"], true, "{name}");
            assert_eq!(criteo["has_data_file_custom_audience"], false, "{name}");
            assert_eq!(out.records[1].category, Category::IdentityContact, "{name}");
            assert_eq!(out.records[0].category, Category::AdInterests, "{name}");
            // Same natural keys whichever schema: a 2024 export after a 2023 one adds nothing.
            assert_eq!(out.records[0].key, Some(crate::model::key_of("advertiser_audience", &["L'Oréal Paris"])));
        }
    }

    #[test]
    fn advertisers_with_unknown_label_only_targeted() {
        let json = r#"{"label_values": [{"label": "Annonceurs", "vec": [{"value": "Nike"}]}]}"#;
        let out = ok(ADVERTISERS_USING, "ads_information/advertisers_using_your_activity_or_information.json", json);
        assert_eq!(companies(&out), vec![s("advertiser_audience", "Nike", Relation::TargetedYou)]);
        assert_eq!(data(&out.records[0])["lists"][0], "Annonceurs");
        let bad = r#"{"custom_audiences_all_types_v2": [{"advertiser_name": 3}, {"has_data_file_custom_audience": true}, {"advertiser_name": "Ok"}]}"#;
        let out = ok(ADVERTISERS_USING, "a/advertisers_using_your_activity_or_information.json", bad);
        assert_eq!(out.records.len(), 1);
        assert_eq!(out.warnings.iter().map(|w| w.position).collect::<Vec<_>>(), [Some(0), Some(1)]);
    }

    #[test]
    fn contact_lists_2018_v2_and_2024() {
        let cases = [
            ("2018", r#"{"custom_audiences": ["Acxiom", "Experian Marketing Services"]}"#.to_string()),
            ("v2", r#"{"custom_audiences_v2": ["Acxiom", "Experian Marketing Services"]}"#.to_string()),
            (
                "2024+",
                r#"{"label_values": [{"label": "Advertisers", "vec": [{"value": "Acxiom"}, {"value": "Experian Marketing Services"}]}]}"#.to_string(),
            ),
        ];
        for (name, json) in cases {
            let out = ok(CONTACT_LISTS, "ads/advertisers_who_uploaded_a_contact_list_with_your_information.json", &json);
            assert_eq!(
                companies(&out),
                vec![
                    s("contact_list_upload", "Acxiom", Relation::UploadedContactList),
                    s("contact_list_upload", "Experian Marketing Services", Relation::UploadedContactList),
                ],
                "{name}"
            );
            assert_eq!(out.records[0].category, Category::IdentityContact);
        }
    }

    #[test]
    fn off_meta_one_record_per_event() {
        let fb = format!(
            r#"{{"off_facebook_activity_v2": [
              {{"name": "{}", "events": [{{"id": 123, "type": "PAGE_VIEW", "timestamp": 1600000000}},
                                        {{"id": 123, "type": "PURCHASE", "timestamp": 1600000100}}]}},
              {{"name": "Sunny Books 1", "events": [{{"id": "456", "type": "CUSTOM", "timestamp": 1600000200}}]}}]}}"#,
            moji("Zoë's Café")
        );
        let out = ok(OFF_META, "apps_and_websites_off_of_facebook/your_off-facebook_activity.json", &fb);
        assert_eq!(out.records.len(), 3);
        let r = &out.records[1];
        assert_eq!(r.kind, "off_platform_event");
        assert_eq!(r.category, Category::OffPlatformActivity);
        assert_eq!(r.title.as_deref(), Some("Zoë's Café: PURCHASE"));
        assert_eq!(r.ts, Some(1_600_000_100_000));
        assert_eq!(r.company.as_ref().unwrap().relation, Relation::SentOffPlatformActivity);
        assert_eq!(data(r)["event"], "PURCHASE");
        assert_eq!(data(r)["id"], "123");
        assert_eq!(out.records[2].position, 1);

        let ig = r#"{"apps_and_websites_off_meta_activity": [{"name": "Zalando", "events": [{"id": 1, "type": "ADD_TO_CART", "timestamp": 1700000000}]}]}"#;
        let out = ok(OFF_META, "apps_and_websites_off_of_instagram/apps_and_websites/your_activity_off_meta_technologies.json", ig);
        assert_eq!(companies(&out), vec![s("off_platform_event", "Zalando", Relation::SentOffPlatformActivity)]);
    }

    #[test]
    fn connected_apps_interactions_leads_and_ads_seen() {
        let apps = r#"{"installed_apps_v2": [{"name": "Spotify", "added_timestamp": 1500000000,
            "user_app_scoped_id": 42, "category": "inactive", "removed_timestamp": 1600000000}]}"#;
        let out = ok(CONNECTED_APPS, "apps_and_websites_off_of_facebook/connected_apps_and_websites.json", apps);
        let r = &out.records[0];
        assert_eq!(companies(&out), vec![s("connected_app", "Spotify", Relation::ConnectedApp)]);
        assert_eq!((r.ts, r.ts_end), (Some(1_500_000_000_000), Some(1_600_000_000_000)));
        assert_eq!(data(r)["status"], "inactive");

        let hist = r#"{"history_v2": [{"title": "Nike", "action": "Clicked ad", "timestamp": 1650000000}]}"#;
        let out = ok(AD_INTERACTIONS, "ads_information/advertisers_you've_interacted_with.json", hist);
        assert_eq!(companies(&out), vec![s("ad_interaction", "Nike", Relation::AdInteraction)]);
        assert_eq!(out.records[0].title.as_deref(), Some("Clicked ad: Nike"));
        let hist2024 = r#"[{"timestamp": 1700000000, "label_values": [{"label": "Title", "value": "Adidas"}, {"label": "Action", "value": "Clicked ad"}]}]"#;
        let out = ok(AD_INTERACTIONS, "ads_information/advertisers_you've_interacted_with.json", hist2024);
        assert_eq!(companies(&out), vec![s("ad_interaction", "Adidas", Relation::AdInteraction)]);
        assert_eq!(out.records[0].ts, Some(1_700_000_000_000));

        let leads = format!(r#"{{"lead_gen_info_v2": [{{"label": "EMAIL", "value": "a@example.com"}}, {{"label": "{}", "value": "Paris"}}]}}"#, moji("Ville préférée"));
        let out = ok(LEAD_FORMS, "ads_information/information_you've_submitted_to_advertisers.json", &leads);
        assert_eq!(out.records.len(), 2);
        assert!(out.records.iter().all(|r| r.company.is_none() && r.kind == "lead_form_field"));
        assert_eq!(out.records[1].title.as_deref(), Some("Ville préférée: Paris"));

        let seen = r#"{"impressions_history_ads_seen": [{"string_map_data": {"Author": {"value": "Temu"}, "Time": {"timestamp": 1720000000}}},
            {"string_map_data": {"Time": {"timestamp": 1720000001}}}]}"#;
        let out = ok(ADS_VIEWED, "ads_information/ads_and_topics/ads_viewed.json", seen);
        assert_eq!(out.records.len(), 2);
        assert_eq!(out.records[0].kind, "ad_seen");
        assert_eq!(out.records[0].company.as_ref().unwrap().name, "Temu");
        assert_eq!(out.records[0].ts, Some(1_720_000_000_000));
        assert!(out.records[1].company.is_none());
        let clicked = r#"{"impressions_history_ads_clicked": [{"title": "SHEIN", "string_list_data": [{"timestamp": 1720000000}]}]}"#;
        let out = ok(ADS_CLICKED, "ads_and_topics/ads_clicked.json", clicked);
        assert_eq!(companies(&out), vec![s("ad_clicked", "SHEIN", Relation::AdInteraction)]);
    }

    #[test]
    fn instagram_2019_seen_content_ads_name_companies() {
        let json = r#"{"posts_seen": [{"timestamp": "2019-01-02T10:00:00+00:00", "author": "sam.r"}],
            "ads_seen": [{"timestamp": "2019-01-02T11:00:00+00:00", "author": "Zalando"}, {"timestamp": "2019-01-02T12:00:00+00:00"}],
            "ads_clicked": [{"timestamp": "2019-01-03T10:00:00+00:00", "author": "Nike"}]}"#;
        let out = ok(SEEN_CONTENT, "seen_content.json", json);
        let kinds: Vec<&str> = out.records.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, ["content_seen", "ad_seen", "ad_seen", "ad_clicked"]);
        assert!(out.records[0].company.is_none(), "accounts seen are not companies");
        let named: Vec<_> = out
            .records
            .iter()
            .filter_map(|r| r.company.as_ref().map(|c| (r.kind, c.name.clone(), c.relation)))
            .collect();
        assert_eq!(named, vec![s("ad_seen", "Zalando", Relation::AdInteraction), s("ad_clicked", "Nike", Relation::AdInteraction)]);
        assert_eq!(out.records[1].ts, Some(1_546_426_800_000));
        assert_eq!(out.records[2].title.as_deref(), Some("Saw an ad"));
    }
}
