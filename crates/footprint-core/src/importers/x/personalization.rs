//! What X inferred about the user and which advertisers hold them in an audience.
//!
//! `personalization.js`: `[{"p13nData": {demographics{languages[{language, isDisabled}],
//! genderInfo{gender}}, interests{interests[{name, isDisabled}], partnerInterests[],
//! audienceAndAdvertisers{advertisers[@handle], lookalikeAdvertisers[@handle],
//! doNotReachAdvertisers[@handle], catalogAudienceAdvertisers[@handle], numAudiences},
//! shows[str]}, locationHistory[str], inferredAgeInfo{age[], birthDate}}}]`. Any list can be
//! `null` or missing.
//!
//! Third parties: every advertiser handle is `targeted_you` (the lists say the advertiser
//! reached the user through an audience; they do not say how it was built, so none is taken
//! as a contact list). Partner interests name the data broker before ` / ` or ` > `
//! (`Oracle Data Cloud / Auto intenders`, assumed, see docs/IMPORTERS.md): `data_broker_segment`.

use super::account::age_record;
use super::read::each_item;
use super::{at, strings, text};
use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record, Relation};
use serde::Serialize;
use serde_json::Value;
use std::io::Read;

/// The audience lists: key, record kind, words after the advertiser's name.
const AUDIENCES: &[(&str, &str, &str)] = &[
    (
        "advertisers",
        "advertiser_audience",
        "included you in one of its audiences",
    ),
    (
        "lookalikeAdvertisers",
        "lookalike_audience",
        "targeted people like you (lookalike audience)",
    ),
    (
        "doNotReachAdvertisers",
        "excluded_audience",
        "excluded you from its ads (it holds you in a list to exclude)",
    ),
    (
        "catalogAudienceAdvertisers",
        "catalog_audience",
        "targeted you with its product catalogue",
    ),
];

/// A partner segment's data broker: the text before ` / ` or ` > `.
pub fn broker_of(segment: &str) -> Option<(&str, &str)> {
    let cut = [" / ", " > "]
        .iter()
        .filter_map(|s| segment.find(s).map(|i| (i, s.len())))
        .min()?;
    let (broker, rest) = (segment[..cut.0].trim(), segment[cut.0 + cut.1..].trim());
    (!broker.is_empty() && !rest.is_empty()).then_some((broker, rest))
}

/// Emit a simple `{name}` record of `kind`; `disabled` is the user's "not interested" switch.
fn named(
    cx: &mut ImportCx<'_>,
    index: u64,
    kind: &'static str,
    category: Category,
    title: String,
    name: &str,
    disabled: Option<bool>,
) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out<'a> {
        name: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        disabled: Option<bool>,
    }
    let r = Record::new(kind, category)
        .title(title)
        .data(&Out { name, disabled })
        .with_key(&[name]);
    cx.emit(index, r)
}

/// `[{name|language|..., isDisabled}]` or `[str]`, as (name, disabled).
fn entries(v: Option<&Value>, keys: &[&str]) -> Vec<(String, Option<bool>)> {
    lenient::list(v)
        .iter()
        .filter_map(|e| {
            let name = match e {
                Value::Object(_) => text(e, keys),
                other => lenient::text(Some(other)),
            }?;
            Some((name, e.get("isDisabled").and_then(Value::as_bool)))
        })
        .collect()
}

/// Parse `personalization.js`.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_item(reader, cx, "personalization", &mut |cx, index, p| {
        let interests = at(&p, &["interests"]).cloned().unwrap_or(Value::Null);
        for (name, disabled) in entries(at(&interests, &["interests"]), &["name"]) {
            named(
                cx,
                index,
                "ad_interest",
                Category::AdInterests,
                format!("Interest: {name}"),
                &name,
                disabled,
            )?;
        }
        for show in strings(at(&interests, &["shows"]), &["name"]) {
            named(
                cx,
                index,
                "show_interest",
                Category::AdInterests,
                format!("Show you may like: {show}"),
                &show,
                None,
            )?;
        }
        for (segment, _) in entries(
            at(&interests, &["partnerInterests"]),
            &["name", "partnerInterest"],
        ) {
            partner_interest(cx, index, &segment)?;
        }
        let aa = at(&interests, &["audienceAndAdvertisers"])
            .cloned()
            .unwrap_or(Value::Null);
        for (key, kind, words) in AUDIENCES {
            for handle in strings(at(&aa, &[key]), &["screenName", "name"]) {
                let r = Record::new(kind, Category::AdInterests)
                    .title(format!("{handle} {words}"))
                    .company(&handle, Relation::TargetedYou)
                    .with_key(&[&handle]);
                cx.emit(index, r)?;
            }
        }
        if let Some(n) = text(&aa, &["numAudiences"])
            .and_then(|n| n.parse::<u64>().ok())
            .filter(|n| *n > 0)
        {
            let r = Record::new("audience_count", Category::AdInterests)
                .title(format!("You are in {n} advertisers' audiences on X"))
                .data(&serde_json::json!({ "audiences": n }))
                .with_key(&[&n.to_string()]);
            cx.emit(index, r)?;
        }
        let demo = at(&p, &["demographics"]).cloned().unwrap_or(Value::Null);
        for (lang, disabled) in entries(at(&demo, &["languages"]), &["language"]) {
            named(
                cx,
                index,
                "inferred_language",
                Category::Demographics,
                format!("Language: {lang}"),
                &lang,
                disabled,
            )?;
        }
        if let Some(g) = at(&demo, &["genderInfo"]).and_then(|g| text(g, &["gender"])) {
            named(
                cx,
                index,
                "inferred_gender",
                Category::Demographics,
                format!("Gender: {g}"),
                &g,
                None,
            )?;
        }
        for place in strings(at(&p, &["locationHistory"]), &["name"]) {
            named(
                cx,
                index,
                "inferred_location",
                Category::Location,
                format!("Place X links to you: {place}"),
                &place,
                None,
            )?;
        }
        if let Some(r) = at(&p, &["inferredAgeInfo"]).and_then(|a| age_record(a, true)) {
            cx.emit(index, r)?;
        }
        Ok(())
    })
}

fn partner_interest(cx: &mut ImportCx<'_>, index: u64, segment: &str) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out<'a> {
        segment: &'a str,
    }
    let mut r = Record::new("partner_interest", Category::AdInterests)
        .data(&Out { segment })
        .with_key(&[segment]);
    r = match broker_of(segment) {
        Some((broker, rest)) => r
            .title(format!("{broker} placed you in the segment “{rest}”"))
            .company(broker, Relation::DataBrokerSegment),
        None => r.title(format!("Partner segment: {segment}")),
    };
    cx.emit(index, r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::importers::x::parser::*;
    use crate::importers::x::test_support::{js, ok};

    #[test]
    fn every_list_and_inference() {
        let input = js(
            "personalization",
            r#"[{"p13nData": {"demographics": {"languages": [{"language": "English", "isDisabled": false}], "genderInfo": {"gender": "female"}},
              "interests": {"interests": [{"name": "Cycling", "isDisabled": false}, {"name": "Jazz", "isDisabled": true}],
                "partnerInterests": ["Oracle Data Cloud / Auto intenders", "Frequent travellers"],
                "audienceAndAdvertisers": {"lookalikeAdvertisers": ["@Nike"], "advertisers": ["@Zalando", "@Adidas"], "doNotReachAdvertisers": ["@Tesco"], "catalogAudienceAdvertisers": null, "numAudiences": "12"},
                "shows": ["Nature documentaries"]},
              "locationHistory": ["Lyon, France"], "inferredAgeInfo": {"age": ["25-34"], "birthDate": ""}}}]"#,
        );
        let out = ok(PERSONALIZATION, "data/personalization.js", &input);
        let companies: Vec<_> = out
            .records
            .iter()
            .filter_map(|r| {
                r.company
                    .as_ref()
                    .map(|c| (r.kind, c.name.as_str(), c.relation))
            })
            .collect();
        use Relation::*;
        assert_eq!(
            companies,
            [
                ("partner_interest", "Oracle Data Cloud", DataBrokerSegment),
                ("advertiser_audience", "@Zalando", TargetedYou),
                ("advertiser_audience", "@Adidas", TargetedYou),
                ("lookalike_audience", "@Nike", TargetedYou),
                ("excluded_audience", "@Tesco", TargetedYou),
            ]
        );
        let kinds: Vec<_> = out.records.iter().map(|r| r.kind).collect();
        for k in [
            "ad_interest",
            "show_interest",
            "audience_count",
            "inferred_language",
            "inferred_gender",
            "inferred_location",
            "inferred_age",
        ] {
            assert!(kinds.contains(&k), "{k}: {kinds:?}");
        }
        assert!(out.warnings.is_empty());
    }

    #[test]
    fn null_lists_and_brokers() {
        let input = js(
            "personalization",
            r#"[{"p13nData": {"interests": {"interests": null, "audienceAndAdvertisers": {"advertisers": null, "numAudiences": "0"}}, "locationHistory": null}}]"#,
        );
        assert!(ok(PERSONALIZATION, "data/personalization.js", &input)
            .records
            .is_empty());
        assert_eq!(
            broker_of("Acxiom > Home owners / New movers"),
            Some(("Acxiom", "Home owners / New movers"))
        );
        assert_eq!(broker_of("Travel"), None);
        assert_eq!(broker_of(" / x"), None);
    }
}
