//! Ads X showed the user, and what advertisers told X about them.
//!
//! Every ad file is `[{"ad": {"adsUserData": {<list>: {<items>: [...]}}}}]`, one element per
//! batch:
//! - `ad-impressions.js`: `adImpressions.impressions[{deviceInfo{osType}, displayLocation,
//!   promotedTweetInfo{tweetId, tweetText}, promotedTrendInfo?{name}, advertiserInfo{
//!   advertiserName, screenName}, matchedTargetingCriteria[{targetingType, targetingValue}],
//!   impressionTime ("2023-04-19 22:09:52", UTC)}]`.
//! - `ad-engagements.js`: `adEngagements.engagements[{impressionAttributes{<an impression>},
//!   engagementAttributes[{engagementTime, engagementType}]}]`.
//! - `ad-online-conversions-(un)attributed.js`: `(un)attributedOnlineConversions.conversions[
//!   {advertiserInfo, eventType, conversionUrl, conversionPlatform, conversionTime,
//!   attributedConversionType?, conversionValue?}]`; `ad-mobile-conversions-*.js`:
//!   `(un)attributedMobileAppConversions.conversions[{mobilePlatform, conversionEvent,
//!   applicationName, conversionValue, conversionTime, advertiserInfo?}]`.
//!
//! Records: one `ad_impression` / `ad_engagement` per item (`ad_interaction`), one
//! `ad_conversion` per conversion (the advertiser `sent_off_platform_activity`). What the
//! targeting criteria reveal is summarized per file, once per advertiser and relation
//! ([`targeting_relation`]: a list audience is `uploaded_contact_list`, a website or app
//! audience `sent_off_platform_activity`, lookalike and retargeting `targeted_you`) and once
//! per criterion (keywords, interests, locations, ...: `ad_targeting`, ad interests), with
//! counts and first/last time. Tens of thousands of impressions give a few hundred summaries.

use super::read::each_item;
use super::{at, clip, text, time_field, ts_key};
use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record, Relation};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Read;

/// The items of an ad element: the array under `items` in the first list below
/// `adsUserData` that has one, with the list's key (`attributedOnlineConversions`).
fn ad_items<'a>(v: &'a Value, items: &str) -> Option<(&'a str, &'a [Value])> {
    let data = at(v, &["adsUserData"]).unwrap_or(v);
    data.as_object()?.iter().find_map(|(k, list)| {
        let arr = lenient::get(list, items)?;
        Some((k.as_str(), lenient::list(Some(arr))))
    })
}

/// What a targeting type says about the advertiser's relation with the user, if anything
/// beyond "showed you an ad": X's labels drift (`List`, `Tailored audiences (lists)`,
/// `Tailored audience (web)`, `Website activity`, `Follower look-alikes`, `Lookalikes`,
/// `Retargeting campaign engager`).
pub fn targeting_relation(targeting_type: &str) -> Option<Relation> {
    let t = targeting_type.to_lowercase();
    let has = |w: &[&str]| w.iter().any(|x| t.contains(x));
    if has(&["list", "customer file", "email"]) {
        Some(Relation::UploadedContactList)
    } else if has(&[
        "(web)",
        "website",
        "web activity",
        "mobile app",
        "(app",
        "app activity",
        "conversion",
    ]) {
        Some(Relation::SentOffPlatformActivity)
    } else if has(&[
        "look-alike",
        "lookalike",
        "retargeting",
        "engager",
        "tailored",
    ]) {
        Some(Relation::TargetedYou)
    } else {
        None
    }
}

/// One impression, as the fields a record keeps.
#[derive(Serialize, Default)]
struct Impression {
    #[serde(skip)]
    advertiser: Option<String>,
    #[serde(skip)]
    ts: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    handle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    placement: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    os: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tweet_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    trend: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    targeting: Vec<(String, String)>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    engagements: Vec<String>,
}

/// Criteria kept per record (the summaries have them all).
const MAX_CRITERIA_PER_RECORD: usize = 20;

fn impression(cx: &mut ImportCx<'_>, index: u64, v: &Value) -> Impression {
    let adv = at(v, &["advertiserInfo"]).cloned().unwrap_or(Value::Null);
    let handle = text(&adv, &["screenName"]);
    let targeting = lenient::list(at(v, &["matchedTargetingCriteria"]))
        .iter()
        .filter_map(|c| {
            Some((
                text(c, &["targetingType"])?,
                text(c, &["targetingValue"]).unwrap_or_default(),
            ))
        })
        .collect();
    Impression {
        advertiser: text(&adv, &["advertiserName"]).or_else(|| handle.clone()),
        ts: time_field(cx, index, v, &["impressionTime"]),
        handle,
        placement: text(v, &["displayLocation"]),
        os: at(v, &["deviceInfo"]).and_then(|d| text(d, &["osType"])),
        tweet_id: at(v, &["promotedTweetInfo"]).and_then(|p| text(p, &["tweetId"])),
        text: at(v, &["promotedTweetInfo"])
            .and_then(|p| text(p, &["tweetText"]))
            .map(|t| clip(&t, 280)),
        trend: at(v, &["promotedTrendInfo"]).and_then(|p| text(p, &["name"])),
        targeting,
        engagements: Vec::new(),
    }
}

/// First and last time, count, and a few examples, of one summarized thing.
#[derive(Serialize, Default)]
struct Seen {
    ads: u64,
    #[serde(skip)]
    first: Option<i64>,
    #[serde(skip)]
    last: Option<i64>,
    #[serde(skip)]
    position: u64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    targeting: Vec<String>,
}

impl Seen {
    fn add(&mut self, index: u64, ts: Option<i64>, example: Option<&str>) {
        if self.ads == 0 {
            self.position = index;
        }
        self.ads += 1;
        if let Some(t) = ts {
            self.first = Some(self.first.map_or(t, |f| f.min(t)));
            self.last = Some(self.last.map_or(t, |l| l.max(t)));
        }
        if let Some(e) = example.filter(|e| !e.is_empty()) {
            if self.targeting.len() < 10 && !self.targeting.iter().any(|x| x == e) {
                self.targeting.push(e.to_string());
            }
        }
    }
}

/// The per-file summaries of targeting criteria.
#[derive(Default)]
struct Summaries {
    /// (advertiser, relation) -> seen.
    relations: BTreeMap<(String, Relation), Seen>,
    /// (targeting type, value) -> seen.
    criteria: BTreeMap<(String, String), Seen>,
}

impl Summaries {
    fn add(&mut self, index: u64, imp: &Impression) {
        for (t, value) in &imp.targeting {
            match (targeting_relation(t), &imp.advertiser) {
                (Some(rel), Some(adv)) => {
                    let example = format!("{t}: {value}");
                    self.relations.entry((adv.clone(), rel)).or_default().add(
                        index,
                        imp.ts,
                        Some(&example),
                    );
                }
                (Some(_), None) => {}
                (None, _) if t.eq_ignore_ascii_case("unknown") => {}
                (None, _) => self
                    .criteria
                    .entry((t.clone(), value.clone()))
                    .or_default()
                    .add(index, imp.ts, None),
            }
        }
    }

    fn emit(self, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
        for ((adv, rel), seen) in self.relations {
            let (kind, category, words) = match rel {
                Relation::UploadedContactList => (
                    "contact_list_upload",
                    Category::IdentityContact,
                    "reached you with a list that holds your contact details",
                ),
                Relation::SentOffPlatformActivity => (
                    "web_audience",
                    Category::OffPlatformActivity,
                    "reached you with an audience built from its website or app",
                ),
                _ => (
                    "advertiser_targeting",
                    Category::AdInterests,
                    "targeted you with lookalike or retargeting audiences",
                ),
            };
            let r = Record::new(kind, category)
                .at(seen.first)
                .until(seen.last)
                .title(format!("{adv} {words}"))
                .company(&adv, rel)
                .data(&seen)
                .with_key(&[&adv]);
            cx.emit(seen.position, r)?;
        }
        for ((t, value), seen) in self.criteria {
            #[derive(Serialize)]
            struct Out<'a> {
                #[serde(rename = "type")]
                kind: &'a str,
                value: &'a str,
                ads: u64,
            }
            let r = Record::new("ad_targeting", Category::AdInterests)
                .at(seen.first)
                .until(seen.last)
                .title(format!("Ads targeted by {t}: {value}"))
                .data(&Out {
                    kind: &t,
                    value: &value,
                    ads: seen.ads,
                })
                .with_key(&[&t, &value]);
            cx.emit(seen.position, r)?;
        }
        Ok(())
    }
}

fn ad_record(kind: &'static str, title: String, imp: &Impression, ts: Option<i64>) -> Record {
    let mut r = Record::new(kind, Category::ActivityBrowsing)
        .at(ts)
        .title(title)
        .data(imp)
        .with_key(&[
            imp.advertiser.as_deref().unwrap_or(""),
            &ts_key(imp.ts),
            imp.tweet_id
                .as_deref()
                .or(imp.trend.as_deref())
                .unwrap_or(""),
        ]);
    if let Some(a) = &imp.advertiser {
        r = r.company(a, Relation::AdInteraction);
    }
    r
}

fn trimmed(mut imp: Impression) -> Impression {
    imp.targeting.truncate(MAX_CRITERIA_PER_RECORD);
    imp
}

/// Parse `ad-impressions.js`.
pub fn parse_impressions(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let mut sums = Summaries::default();
    each_item(reader, cx, "ad batch", &mut |cx, index, v| {
        for item in ad_items(&v, "impressions")
            .map(|(_, a)| a)
            .unwrap_or_default()
        {
            let imp = impression(cx, index, item);
            if imp.advertiser.is_none() {
                cx.warn(
                    Some(index),
                    format!("ad batch {index}: an impression without advertiser"),
                );
            }
            sums.add(index, &imp);
            let title = format!(
                "Saw an ad from {}",
                imp.advertiser.as_deref().unwrap_or("an unnamed advertiser")
            );
            let ts = imp.ts;
            cx.emit(index, ad_record("ad_impression", title, &trimmed(imp), ts))?;
        }
        Ok(())
    })?;
    sums.emit(cx)
}

/// Parse `ad-engagements.js`: one record per engaged impression, with the engagement types.
pub fn parse_engagements(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let mut sums = Summaries::default();
    each_item(reader, cx, "ad batch", &mut |cx, index, v| {
        for item in ad_items(&v, "engagements")
            .map(|(_, a)| a)
            .unwrap_or_default()
        {
            let mut imp = impression(
                cx,
                index,
                at(item, &["impressionAttributes"]).unwrap_or(&Value::Null),
            );
            if imp.advertiser.is_none() {
                cx.warn(
                    Some(index),
                    format!("ad batch {index}: an engagement without advertiser"),
                );
            }
            let mut first = None;
            for e in lenient::list(at(item, &["engagementAttributes"])) {
                let t = time_field(cx, index, e, &["engagementTime"]);
                first = match (first, t) {
                    (Some(f), Some(t)) => Some(std::cmp::min(f, t)),
                    (f, t) => f.or(t),
                };
                if let Some(kind) = text(e, &["engagementType"]) {
                    if !imp.engagements.contains(&kind) {
                        imp.engagements.push(kind);
                    }
                }
            }
            sums.add(index, &imp);
            let title = format!(
                "Engaged with an ad from {}",
                imp.advertiser.as_deref().unwrap_or("an unnamed advertiser")
            );
            let ts = first.or(imp.ts);
            cx.emit(index, ad_record("ad_engagement", title, &trimmed(imp), ts))?;
        }
        Ok(())
    })?;
    sums.emit(cx)
}

/// `eventType` is sometimes a JSON blob (`{}`, `{"conversion_id":null}`): no event name.
fn event_name(s: Option<String>) -> Option<String> {
    s.filter(|e| !e.starts_with('{') && !e.starts_with('['))
}

/// The host of a URL, for titles (`https://www.example.com/a?b` -> `www.example.com`).
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// Parse any of the four conversion files (the list key says online/mobile, attributed or not).
pub fn parse_conversions(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out {
        #[serde(skip_serializing_if = "Option::is_none")]
        event: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        url: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        platform: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        app: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        attribution: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        value: Option<String>,
        attributed: bool,
        mobile: bool,
    }
    each_item(reader, cx, "conversion batch", &mut |cx, index, v| {
        let Some((list, items)) = ad_items(&v, "conversions") else {
            cx.warn(
                Some(index),
                format!("conversion batch {index}: no conversions list"),
            );
            return Ok(());
        };
        let l = list.to_ascii_lowercase();
        let (attributed, mobile) = (!l.starts_with("unattributed"), l.contains("mobile"));
        for c in items {
            let adv = at(c, &["advertiserInfo"]).cloned().unwrap_or(Value::Null);
            let out = Out {
                event: event_name(text(c, &["eventType", "conversionEvent"])),
                url: text(c, &["conversionUrl"]).map(|u| clip(&u, 300)),
                platform: text(c, &["conversionPlatform", "mobilePlatform"]),
                app: text(c, &["applicationName"]),
                attribution: text(c, &["attributedConversionType"]),
                value: text(c, &["conversionValue"]).filter(|v| v != "0"),
                attributed,
                mobile,
            };
            let company = text(&adv, &["advertiserName"])
                .or_else(|| text(&adv, &["screenName"]))
                .or_else(|| out.app.clone());
            let ts = time_field(cx, index, c, &["conversionTime"]);
            let event = out
                .event
                .as_deref()
                .or(out.attribution.as_deref())
                .unwrap_or("activity");
            let place = match (&out.url, &out.app) {
                (Some(u), _) => format!(" on {}", host(u)),
                (None, Some(a)) => format!(" in {a}"),
                _ if mobile => " in an app".to_string(),
                _ => String::new(),
            };
            let who = company.as_deref().unwrap_or("An advertiser");
            let mut r = Record::new("ad_conversion", Category::OffPlatformActivity)
                .at(ts)
                .title(format!("{who} told X about your {event}{place}"))
                .data(&out)
                .with_key(&[
                    company.as_deref().unwrap_or(""),
                    &ts_key(ts),
                    event,
                    out.url.as_deref().unwrap_or(""),
                ]);
            if let Some(c) = &company {
                r = r.company(c, Relation::SentOffPlatformActivity);
            }
            cx.emit(index, r)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::importers::x::parser::*;
    use crate::importers::x::test_support::{data, js, ok, run};

    fn companies(out: &crate::testing::MemorySink) -> Vec<(&'static str, String, Relation)> {
        out.records
            .iter()
            .filter_map(|r| {
                r.company
                    .as_ref()
                    .map(|c| (r.kind, c.name.clone(), c.relation))
            })
            .collect()
    }

    #[test]
    fn targeting_types_give_relations() {
        use Relation::*;
        let cases = [
            ("List", Some(UploadedContactList)),
            ("Tailored audiences (lists)", Some(UploadedContactList)),
            ("Tailored audiences (web)", Some(SentOffPlatformActivity)),
            ("Website activity", Some(SentOffPlatformActivity)),
            (
                "Tailored audiences (mobile apps)",
                Some(SentOffPlatformActivity),
            ),
            ("Follower look-alikes", Some(TargetedYou)),
            ("Lookalikes", Some(TargetedYou)),
            ("Retargeting campaign engager", Some(TargetedYou)),
            ("Keywords", None),
            ("Locations", None),
            ("Conversation topics", None),
            ("Age", None),
        ];
        for (t, want) in cases {
            assert_eq!(targeting_relation(t), want, "{t}");
        }
    }

    const IMPRESSIONS: &str = r#"[{"ad": {"adsUserData": {"adImpressions": {"impressions": [
        {"deviceInfo": {"osType": "Ios"}, "displayLocation": "TimelineHome",
         "promotedTweetInfo": {"tweetId": "1", "tweetText": "Run", "urls": [], "mediaUrls": []},
         "advertiserInfo": {"advertiserName": "Nike", "screenName": "@Nike"},
         "matchedTargetingCriteria": [{"targetingType": "List", "targetingValue": "Audience 1"}, {"targetingType": "Keywords", "targetingValue": "running"},
            {"targetingType": "Follower look-alikes", "targetingValue": "@adidas"}, {"targetingType": "Unknown", "targetingValue": "Unknown: 1"}],
         "impressionTime": "2024-01-08 20:59:56"},
        {"advertiserInfo": {"advertiserName": "Nike", "screenName": "@Nike"},
         "matchedTargetingCriteria": [{"targetingType": "Tailored audiences (web)", "targetingValue": "Site visitors"}, {"targetingType": "Keywords", "targetingValue": "running"}],
         "impressionTime": "2024-01-09 10:00:00"},
        {"matchedTargetingCriteria": null, "impressionTime": "not a date"}]}}}}]"#;

    #[test]
    fn impressions_and_their_summaries() {
        use Relation::*;
        let out = ok(
            AD_IMPRESSIONS,
            "data/ad-impressions.js",
            &js("ad_impressions", IMPRESSIONS),
        );
        assert_eq!(
            companies(&out),
            [
                ("ad_impression", "Nike".into(), AdInteraction),
                ("ad_impression", "Nike".into(), AdInteraction),
                ("contact_list_upload", "Nike".into(), UploadedContactList),
                ("web_audience", "Nike".into(), SentOffPlatformActivity),
                ("advertiser_targeting", "Nike".into(), TargetedYou),
            ]
        );
        let imp = &out.records[0];
        assert_eq!(
            (imp.kind, imp.category, imp.ts),
            (
                "ad_impression",
                Category::ActivityBrowsing,
                Some(1_704_747_596_000)
            )
        );
        assert_eq!(data(imp)["handle"], "@Nike");
        assert!(
            out.records[2].company.is_none(),
            "the third impression has no advertiser"
        );
        let kw = out
            .records
            .iter()
            .find(|r| r.kind == "ad_targeting")
            .unwrap();
        assert_eq!(
            (data(kw)["ads"].as_u64(), kw.ts, kw.ts_end),
            (Some(2), Some(1_704_747_596_000), Some(1_704_794_400_000))
        );
        assert_eq!(
            out.records
                .iter()
                .filter(|r| r.kind == "ad_targeting")
                .count(),
            1,
            "Unknown criteria are dropped"
        );
        assert_eq!(out.warnings.len(), 2, "{:?}", out.warnings);
    }

    #[test]
    fn engagements() {
        let input = js(
            "ad_engagements",
            r#"[{"ad": {"adsUserData": {"adEngagements": {"engagements": [{"impressionAttributes": {"advertiserInfo": {"advertiserName": "Booking.com", "screenName": "@bookingcom"},
               "matchedTargetingCriteria": [{"targetingType": "Locations", "targetingValue": "France"}], "impressionTime": "2023-05-01 10:00:00"},
               "engagementAttributes": [{"engagementTime": "2023-05-01 10:00:05", "engagementType": "ChargeableImpression"}, {"engagementTime": "2023-05-01 10:00:09", "engagementType": "UrlClick"}]}]}}}}]"#,
        );
        let out = ok(AD_ENGAGEMENTS, "data/ad-engagements.js", &input);
        let r = &out.records[0];
        assert_eq!((r.kind, r.ts), ("ad_engagement", Some(1_682_935_205_000)));
        assert_eq!(data(r)["engagements"][1], "UrlClick");
        assert_eq!(out.records[1].kind, "ad_targeting");
    }

    #[test]
    fn conversions_online_and_mobile() {
        use Relation::*;
        let online = js(
            "ad_online_conversions_unattributed",
            r#"[{"ad": {"adsUserData": {"unattributedOnlineConversions": {"conversions": [
              {"eventType": "pageview", "conversionPlatform": "Desktop", "conversionUrl": "https://www.example.com/a?b=c", "advertiserInfo": {"advertiserName": "The Guardian", "screenName": "@guardian"}, "conversionValue": "0", "conversionTime": "2024-09-18 20:03:04"},
              {"eventType": "{}", "advertiserInfo": {"screenName": "@proposify"}, "conversionTime": "2024-09-18 22:15:09"}]}}}}]"#,
        );
        let out = ok(
            CONVERSIONS,
            "data/ad-online-conversions-unattributed.js",
            &online,
        );
        assert_eq!(
            companies(&out),
            [
                (
                    "ad_conversion",
                    "The Guardian".into(),
                    SentOffPlatformActivity
                ),
                (
                    "ad_conversion",
                    "@proposify".into(),
                    SentOffPlatformActivity
                )
            ]
        );
        assert_eq!(
            out.records[0].title.as_deref(),
            Some("The Guardian told X about your pageview on www.example.com")
        );
        assert_eq!(out.records[0].category, Category::OffPlatformActivity);
        assert_eq!(data(&out.records[0])["attributed"], false);
        let mobile = js(
            "ad_mobile_conversions_attributed",
            r#"[{"ad": {"adsUserData": {"attributedMobileAppConversions": {"conversions": [
              {"mobilePlatform": "Android", "conversionEvent": "install", "applicationName": "Duolingo", "conversionValue": "0", "conversionTime": "2024-08-30 23:02:57"},
              {"mobilePlatform": "Android", "conversionEvent": "re_engage", "applicationName": "", "conversionTime": "2024-08-31 01:16:38"}]}}}}]"#,
        );
        let out = ok(
            CONVERSIONS,
            "data/ad-mobile-conversions-attributed.js",
            &mobile,
        );
        assert_eq!(
            companies(&out),
            [("ad_conversion", "Duolingo".into(), SentOffPlatformActivity)]
        );
        assert_eq!(out.records.len(), 2);
        assert_eq!(
            out.records[1].title.as_deref(),
            Some("An advertiser told X about your re_engage in an app")
        );
        let (_, r) = run(CONVERSIONS, "data/ad-online-conversions-attributed.js", &js("x", "[{\"ad\": {\"adsUserData\": {\"attributedOnlineConversions\": {\"conversions\": [{"));
        assert!(r.is_err(), "a truncated file is a file error");
    }
}
