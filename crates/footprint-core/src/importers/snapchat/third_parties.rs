//! Third parties named in a Snapchat export.
//!
//! - `user_profile.json > Ads You Interacted With`: ads the user tapped, named by their
//!   advertiser (`[{"Advertiser Name", "Date"}]` or bare names; the exact shape drifts):
//!   [`Relation::AdInteraction`].
//! - `user_profile.json > Interactions > {Web Interactions: [domains], App Interactions:
//!   [apps]}`: websites and apps that, as Snap's ad-measurement tools (Snap Pixel, Conversions
//!   API, app SDKs) work, sent Snap events about the user's activity on them. Both are read as
//!   [`Relation::SentOffPlatformActivity`] (an app the user *connected* is in
//!   `connected_apps.json` instead). This reading is a decision, not a documented fact.
//! - `connected_apps.json > Permissions [{App, Time, Type}]` (and any other list of apps in
//!   that file): [`Relation::ConnectedApp`].
//! - Interest and content categories (user_profile, ranking's `Content Interests`): Snap's
//!   inferences, ad interests without a company.

use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::importers::rows::{dated, kind_of};
use crate::model::{Category, Record, Relation};
use serde::Serialize;
use serde_json::Value;

const ADVERTISER: &[&str] = &[
    "Advertiser Name",
    "Advertiser",
    "Brand",
    "Name",
    "Ad Name",
    "Title",
];

/// One ad interaction.
pub fn ad_interaction(cx: &mut ImportCx<'_>, position: u64, v: &Value) -> Result<(), ParseError> {
    let name = match v {
        Value::String(s) => lenient::text(Some(v)).filter(|_| !s.is_empty()),
        _ => lenient::field(v, ADVERTISER),
    };
    let Some(name) = name else {
        cx.warn(
            Some(position),
            format!("ad interaction: no advertiser in {}", kind_of(v)),
        );
        return Ok(());
    };
    let raw = lenient::field(v, &["Date", "Created", "Time"]);
    let ts = dated(cx, position, "ad interaction", raw.as_deref());
    let r = Record::new("ad_interaction", Category::ActivityBrowsing)
        .at(ts)
        .title(format!("Interacted with an ad by {name}"))
        .company(&name, Relation::AdInteraction)
        .with_key(&[&name, raw.as_deref().unwrap_or("")]);
    cx.emit(position, r)
}

/// One website (`via` web) or app (`via` app) that sent Snap the user's activity.
pub fn interaction(
    cx: &mut ImportCx<'_>,
    position: u64,
    via: &str,
    v: &Value,
) -> Result<(), ParseError> {
    let name = match v {
        Value::String(_) => lenient::text(Some(v)),
        _ => lenient::field(v, &["Domain", "App", "Name", "Website"]),
    };
    let Some(name) = name else {
        cx.warn(
            Some(position),
            format!("{via} interaction: no name in {}", kind_of(v)),
        );
        return Ok(());
    };
    #[derive(Serialize)]
    struct Out<'a> {
        via: &'a str,
    }
    let r = Record::new("off_platform_event", Category::OffPlatformActivity)
        .title(format!("{name}: {via} interaction"))
        .company(&name, Relation::SentOffPlatformActivity)
        .data(&Out { via })
        .with_key(&[&name, via]);
    cx.emit(position, r)
}

/// One connected app (a permission it holds, or the app itself).
pub fn connected_app(cx: &mut ImportCx<'_>, position: u64, v: &Value) -> Result<(), ParseError> {
    let name = match v {
        Value::String(_) => lenient::text(Some(v)),
        _ => lenient::field(v, &["App", "App Name", "Application", "Name"]),
    };
    let Some(name) = name else {
        cx.warn(
            Some(position),
            format!("connected app: no App in {}", kind_of(v)),
        );
        return Ok(());
    };
    let raw = lenient::field(v, &["Time", "Date", "Created"]);
    let ts = dated(cx, position, "connected app", raw.as_deref());
    let permission = lenient::field(v, &["Type", "Permission"]).unwrap_or_default();
    #[derive(Serialize)]
    struct Out<'a> {
        #[serde(skip_serializing_if = "str::is_empty")]
        permission: &'a str,
    }
    let r = Record::new("connected_app", Category::IdentityContact)
        .at(ts)
        .title(format!("Connected app: {name}"))
        .company(&name, Relation::ConnectedApp)
        .data(&Out {
            permission: &permission,
        })
        .with_key(&[&name, &permission, raw.as_deref().unwrap_or("")]);
    cx.emit(position, r)
}

/// One interest category Snap inferred.
pub fn ad_interest(cx: &mut ImportCx<'_>, position: u64, v: &Value) -> Result<(), ParseError> {
    let name = match v {
        Value::String(_) => lenient::text(Some(v)),
        _ => lenient::field(v, &["Category", "Name", "Interest"]),
    };
    let Some(name) = name else {
        cx.warn(
            Some(position),
            format!("interest: no name in {}", kind_of(v)),
        );
        return Ok(());
    };
    cx.emit(
        position,
        Record::new("ad_interest", Category::AdInterests)
            .title(name.clone())
            .with_key(&[&name]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;
    use serde_json::json;

    #[test]
    fn companies_and_relations() {
        let (out, r) = MemorySink::run_parser("json/user_profile.json", "", |_, cx| {
            ad_interaction(
                cx,
                0,
                &json!({"Advertiser Name": "Nike", "Date": "2025-02-24 21:09:09 UTC"}),
            )?;
            ad_interaction(cx, 1, &json!("IKEA"))?;
            ad_interaction(cx, 2, &json!({"Date": "2025-02-24 21:09:09 UTC"}))?;
            interaction(cx, 3, "web", &json!("zalando.com"))?;
            interaction(cx, 4, "app", &json!("Duolingo"))?;
            connected_app(
                cx,
                5,
                &json!({"App": "Tinder", "Time": "2025-02-24 21:09:09 UTC", "Type": "BITMOJI"}),
            )?;
            ad_interest(cx, 6, &json!("Sports Fans"))
        });
        r.unwrap();
        let got: Vec<(String, Option<Relation>)> = out
            .records
            .iter()
            .map(|r| {
                (
                    r.title.clone().unwrap_or_default(),
                    r.company.as_ref().map(|c| c.relation),
                )
            })
            .collect();
        assert_eq!(got.len(), 6);
        assert_eq!(got[0].1, Some(Relation::AdInteraction));
        assert_eq!(out.records[0].ts, Some(1_740_431_349_000));
        assert_eq!(
            got[2],
            (
                "zalando.com: web interaction".into(),
                Some(Relation::SentOffPlatformActivity)
            )
        );
        assert_eq!(got[4].1, Some(Relation::ConnectedApp));
        assert_eq!(got[5], ("Sports Fans".into(), None));
        assert_eq!(out.warnings.len(), 1);
        assert_eq!(out.warnings[0].position, Some(2));
    }
}
