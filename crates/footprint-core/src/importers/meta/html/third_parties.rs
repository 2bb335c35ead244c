//! The third-party pages of Meta's HTML export, into the same records as
//! [`crate::importers::meta::third_parties`] makes from their JSON twins (same kinds,
//! companies, relations and keys; the record builders are shared where the JSON side has
//! them as functions).
//!
//! Page layouts (`~` where the generator guesses): advertisers using your activity, one box
//! per advertiser with a yes/no row per kind of audience (<=2023), or one box whose rows are
//! the 2024+ lists (label = the list, values = advertisers); contact-list uploaders, one box
//! per advertiser or a list row; off-Meta activity, one box per company with a row per event
//! (type, id, date); connected apps, the app with its status, removal date and the date it
//! was added in the footer; ad interactions, the advertiser with its action; lead forms, one
//! row per submitted field; Instagram's ads viewed and clicked, the Author row and the date.

use super::labels::{is_yes, Label};
use super::page::{date_of, each_box};
use crate::importer::{ImportCx, ParseError};
use crate::importers::meta::third_parties::{audience_kind, emit_audience, emit_contact_list, emit_event, Audiences};
use crate::importers::meta::{file_stem, fx};
use crate::model::{Category, Record, Relation};
use serde::Serialize;
use std::collections::HashMap;
use std::io::Read;

use crate::model::ts_key;

/// Advertisers using your activity or information: per-advertiser boxes or 2024+ lists.
pub fn parse_advertisers_using(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let mut merged: Vec<(String, Audiences, u64)> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    each_box(reader, cx, |cx, b| {
        if let Some(name) = b.title.as_deref().map(fx).filter(|n| !n.is_empty()) {
            // One advertiser, a yes/no row per kind of audience.
            let mut a = Audiences::default();
            for row in &b.rows {
                let yes = row.values.first().is_some_and(|v| is_yes(v));
                match audience_kind(&row.label) {
                    Some("data_file") => a.has_data_file_custom_audience = yes,
                    Some("in_person") => a.has_in_person_store_visit = yes,
                    Some(_) => a.has_remarketing_custom_audience = yes,
                    None => {}
                }
            }
            return emit_audience(cx, b.index, &name, &a);
        }
        // 2024+: one row per list of advertisers, merged per advertiser as the JSON parser does.
        for row in &b.rows {
            let label = fx(&row.label);
            let kind = audience_kind(&label);
            for name in row.values.iter().map(|v| fx(v)).filter(|n| !n.is_empty()) {
                let i = *seen.entry(name.clone()).or_insert_with(|| {
                    merged.push((name.clone(), Audiences::default(), b.index));
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
        if b.rows.is_empty() {
            cx.warn(Some(b.index), format!("advertiser box {}: no advertiser name", b.index));
        }
        Ok(())
    })?;
    for (name, a, index) in &merged {
        emit_audience(cx, *index, name, a)?;
    }
    Ok(())
}

/// Advertisers who uploaded a contact list: a box per advertiser, or list rows.
pub fn parse_contact_lists(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let source = file_stem(cx.file).to_string();
    each_box(reader, cx, |cx, b| {
        let mut names: Vec<String> = b.title.iter().map(|t| fx(t)).collect();
        names.extend(b.rows.iter().flat_map(|r| r.values.iter().map(|v| fx(v))));
        names.retain(|n| !n.is_empty());
        if names.is_empty() {
            cx.warn(Some(b.index), format!("contact list box {}: no advertiser name", b.index));
        }
        for name in names {
            emit_contact_list(cx, b.index, &name, &source)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// Off-Meta activity: one record per event row of a company's box.
pub fn parse_off_meta(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_box(reader, cx, |cx, b| {
        let Some(name) = b.title.as_deref().map(fx).filter(|n| !n.is_empty()) else {
            cx.warn(Some(b.index), format!("off-Meta box {}: no company name", b.index));
            return Ok(());
        };
        let events: Vec<_> = b.rows.iter().filter(|r| Label::Event.is(&r.label)).collect();
        if events.is_empty() {
            return emit_event(cx, b.index, &name, "", "", b.ts);
        }
        for row in events {
            let (mut kind, mut id, mut ts) = (String::new(), String::new(), None);
            for v in &row.values {
                if ts.is_none() && v.contains(':') {
                    if let Some(t) = date_of(v) {
                        ts = Some(t);
                        continue;
                    }
                }
                if id.is_empty() && !v.is_empty() && v.bytes().all(|c| c.is_ascii_digit()) {
                    id = v.clone();
                } else if kind.is_empty() {
                    kind = fx(v);
                }
            }
            emit_event(cx, b.index, &name, &kind, &id, ts)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// Connected apps and websites: the app, its status, when it was added (footer) and removed.
pub fn parse_connected_apps(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct AppOut {
        #[serde(skip_serializing_if = "Option::is_none")]
        status: Option<String>,
    }
    each_box(reader, cx, |cx, b| {
        let Some(name) = b.title.as_deref().map(fx).filter(|n| !n.is_empty()) else {
            cx.warn(Some(b.index), format!("connected app box {}: no name", b.index));
            return Ok(());
        };
        let removed = b.value(|l| Label::Removed.is(l)).and_then(date_of);
        let status = b.value(|l| Label::Status.is(l)).map(fx);
        // Same record and key as the JSON parser (`connected_app`, name + time added).
        let r = Record::new("connected_app", Category::IdentityContact)
            .at(b.ts)
            .until(removed)
            .title(format!("Connected app: {name}"))
            .company(&name, Relation::ConnectedApp)
            .data(&AppOut { status })
            .with_key(&[&name, &ts_key(b.ts)]);
        cx.emit(b.index, r)
    })?;
    Ok(())
}

/// Advertisers you've interacted with: the advertiser (title), the action and the date.
pub fn parse_ad_interactions(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        action: Option<&'a str>,
    }
    each_box(reader, cx, |cx, b| {
        let company = b
            .title
            .as_deref()
            .map(fx)
            .or_else(|| b.value(|l| Label::Name.is(l)).map(fx))
            .filter(|c| !c.is_empty());
        let Some(company) = company else {
            cx.warn(Some(b.index), format!("ad interaction box {}: no advertiser", b.index));
            return Ok(());
        };
        let action = b.value(|l| Label::Action.is(l)).map(fx);
        let title = match &action {
            Some(a) => format!("{a}: {company}"),
            None => format!("Ad interaction: {company}"),
        };
        let r = Record::new("ad_interaction", Category::ActivityBrowsing)
            .at(b.ts)
            .title(title)
            .company(&company, Relation::AdInteraction)
            .data(&Out { action: action.as_deref() })
            .with_key(&[&company, action.as_deref().unwrap_or(""), &ts_key(b.ts)]);
        cx.emit(b.index, r)
    })?;
    Ok(())
}

/// Information you've submitted to advertisers: one record per field row.
pub fn parse_lead_forms(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out<'a> {
        label: &'a str,
        value: &'a str,
    }
    each_box(reader, cx, |cx, b| {
        for row in &b.rows {
            let label = fx(&row.label);
            let value = fx(&row.values.join(" "));
            if label.is_empty() && value.is_empty() {
                continue;
            }
            let r = Record::new("lead_form_field", Category::IdentityContact)
                .title(format!("{label}: {value}"))
                .data(&Out { label: &label, value: &value })
                .with_key(&[&label, &value]);
            cx.emit(b.index, r)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// Instagram's ads viewed (`ad_seen`) and clicked (`ad_clicked`): the Author and the date.
pub fn parse_ads_seen(reader: &mut dyn Read, cx: &mut ImportCx<'_>, kind: &'static str) -> Result<(), ParseError> {
    each_box(reader, cx, |cx, b| {
        let company = b
            .value(|l| Label::Author.is(l))
            .map(fx)
            .or_else(|| b.title.as_deref().map(fx))
            .filter(|c| !c.is_empty());
        let verb = if kind == "ad_clicked" { "Clicked an ad" } else { "Saw an ad" };
        let title = match &company {
            Some(c) => format!("{verb} from {c}"),
            None => verb.to_string(),
        };
        let mut r = Record::new(kind, Category::ActivityBrowsing)
            .at(b.ts)
            .title(title)
            .with_key(&[company.as_deref().unwrap_or(""), &ts_key(b.ts)]);
        if let Some(c) = company {
            r = r.company(c, Relation::AdInteraction);
        }
        cx.emit(b.index, r)
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::importers::meta::html::parser::*;
    use crate::importers::meta::html::test_support::ok;
    use crate::importers::meta::parser as json;
    use crate::importers::meta::test_support::ok as json_ok;
    use crate::model::Relation;

    fn page(boxes: &str) -> String {
        format!("<html><head><title>t</title></head><body><div role=\"main\">{boxes}</div></body></html>")
    }

    fn bx(title: &str, rows: &[(&str, &[&str])], date: Option<&str>) -> String {
        let mut s = format!("<div class=\"a\"><div class=\"b\">{title}</div><div class=\"c\"><table>");
        for (l, vals) in rows {
            s.push_str(&format!("<tr><td>{l}<div>"));
            for v in *vals {
                s.push_str(&format!("<div>{v}</div>"));
            }
            s.push_str("</div></td></tr>");
        }
        s.push_str("</table></div>");
        if let Some(d) = date {
            s.push_str(&format!("<div class=\"d\">{d}</div>"));
        }
        s.push_str("</div>");
        s
    }

    /// (kind, company and relation, key) of one record.
    type Fact = (&'static str, Option<(String, Relation)>, Option<u64>);

    /// The facts of every record.
    fn facts(out: &crate::testing::MemorySink) -> Vec<Fact> {
        out.records.iter().map(|r| (r.kind, r.company.as_ref().map(|c| (c.name.clone(), c.relation)), r.key)).collect()
    }

    #[test]
    fn advertisers_in_both_page_forms_match_the_json() {
        let json_file = r#"{"custom_audiences_all_types_v2": [
            {"advertiser_name": "H&M", "has_data_file_custom_audience": true, "has_remarketing_custom_audience": false, "has_in_person_store_visit": false},
            {"advertiser_name": "Criteo", "has_data_file_custom_audience": false, "has_remarketing_custom_audience": true, "has_in_person_store_visit": true}]}"#;
        let want = json_ok(json::ADVERTISERS_USING, "ads_information/advertisers_using_your_activity_or_information.json", json_file);
        let flags = page(&[
            bx("H&amp;M", &[("Hat eine Zielgruppe aus einer hochgeladenen Datei", &["Ja"]), ("Remarketing-Zielgruppe", &["Nein"]), ("Besuch im Geschäft", &["Nein"])], None),
            bx("Criteo", &[("Hat eine Zielgruppe aus einer hochgeladenen Datei", &["Nein"]), ("Remarketing-Zielgruppe", &["Ja"]), ("Besuch im Geschäft", &["Ja"])], None),
        ]
        .concat());
        let out = ok(ADVERTISERS_USING, "ads_information/advertisers_using_your_activity_or_information.html", &flags);
        assert_eq!(facts(&out), facts(&want));
        let lists = page(&bx("", &[
            ("Advertisers who uploaded or used a list to reach you", &["H&amp;M"]),
            ("Advertisers whose ads you see because you visited their website or app", &["Criteo"]),
            ("Advertisers who reached you based on in-store visits", &["Criteo"]),
        ], None));
        let out = ok(ADVERTISERS_USING, "ads_information/advertisers_using_your_activity_or_information.html", &lists);
        assert_eq!(facts(&out), facts(&want));
    }

    #[test]
    fn off_meta_apps_interactions_leads_and_ads_match_the_json() {
        let cases: [(&str, &str, &str, &str, String); 5] = [
            (OFF_META, json::OFF_META, "your_activity_off_meta_technologies",
             r#"{"off_facebook_activity_v2": [{"name": "Zalando", "events": [{"id": 123, "type": "PURCHASE", "timestamp": 1600000000}, {"id": 123, "type": "PAGE_VIEW", "timestamp": 1600000100}]}]}"#,
             page(&bx("Zalando", &[("Event", &["PURCHASE", "123", "Sep 13, 2020 12:26:40 pm"]), ("Event", &["PAGE_VIEW", "123", "Sep 13, 2020 12:28:20 pm"])], None))),
            (CONNECTED_APPS, json::CONNECTED_APPS, "connected_apps_and_websites",
             r#"{"installed_apps_v2": [{"name": "Spotify", "added_timestamp": 1500000000, "category": "removed", "removed_timestamp": 1600000000}]}"#,
             page(&bx("Spotify", &[("Statut", &["removed"]), ("Supprimé", &["13 sept. 2020 12:26:40"])], Some("14 juil. 2017 02:40:00")))),
            (AD_INTERACTIONS, json::AD_INTERACTIONS, "advertisers_you've_interacted_with",
             r#"{"history_v2": [{"title": "Nike", "action": "Clicked ad", "timestamp": 1650000000}]}"#,
             page(&bx("Nike", &[("Acción", &["Clicked ad"])], Some("15 de abr de 2022 05:20:00")))),
            (LEAD_FORMS, json::LEAD_FORMS, "information_you've_submitted_to_advertisers",
             r#"{"lead_gen_info_v2": [{"label": "EMAIL", "value": "a@example.com"}]}"#,
             page(&bx("", &[("EMAIL", &["a@example.com"])], None))),
            (ADS_VIEWED, json::ADS_VIEWED, "ads_viewed",
             r#"{"impressions_history_ads_seen": [{"string_map_data": {"Author": {"value": "Temu"}, "Time": {"timestamp": 1720000000}}}]}"#,
             page(&bx("", &[("Author", &["Temu"])], Some("Jul 03, 2024 09:46:40 am")))),
        ];
        for (tag, json_tag, stem, json_file, html) in cases {
            let want = json_ok(json_tag, &format!("x/{stem}.json"), json_file);
            let got = ok(tag, &format!("x/{stem}.html"), &html);
            assert!(!want.records.is_empty(), "{stem}");
            assert_eq!(facts(&got), facts(&want), "{stem}");
            let times = |o: &crate::testing::MemorySink| o.records.iter().map(|r| (r.ts, r.ts_end)).collect::<Vec<_>>();
            assert_eq!(times(&got), times(&want), "{stem}");
            assert!(got.warnings.is_empty(), "{stem}: {:?}", got.warnings);
        }
    }

    #[test]
    fn contact_lists_both_forms_and_an_unreadable_date() {
        let want = json_ok(json::CONTACT_LISTS, "a/advertisers_who_uploaded_a_contact_list_with_your_information.json", r#"{"custom_audiences_v2": ["Acxiom", "Procter & Gamble"]}"#);
        for html in [page(&[bx("Acxiom", &[], None), bx("Procter &amp; Gamble", &[], None)].concat()), page(&bx("", &[("Advertisers", &["Acxiom", "Procter &amp; Gamble"])], None))] {
            let got = ok(CONTACT_LISTS, "a/advertisers_who_uploaded_a_contact_list_with_your_information.html", &html);
            assert_eq!(facts(&got), facts(&want));
        }
        // A date no language knows: a warning, and the record without a date.
        let got = ok(AD_INTERACTIONS, "a/advertisers_you've_interacted_with.html", &page(&bx("Nike", &[], Some("le 32 brumaire"))));
        assert_eq!(got.records.len(), 1);
        assert_eq!(got.records[0].ts, None);
        assert_eq!(got.warnings.len(), 1);
    }
}
