//! Third parties named in a TikTok export, and TikTok's inferences for ads:
//!
//! - Off-TikTok activity: `Ads and data > Off TikTok Activity > OffTikTokActivityDataList
//!   [{TimeStamp, Source, Event}]` (2025 also `Usage Data From Third-Party Apps And Websites >
//!   UsageDataList`, same shape): `Source` is the app or website that sent the event
//!   ([`Relation::SentOffPlatformActivity`]).
//! - `Ads Based On Data Received From Partners {DataPartnerList, AdvertiserList}`: the partners
//!   that shared data about the user ([`Relation::DataPartner`]) and the advertisers that used
//!   it to target ads ([`Relation::TargetedYou`]). Seen as lists of names, of `{Name}` objects,
//!   or as one string of names.
//! - `Ad Interests > AdInterestCategories`: a list or one string of interest names.
//! - `Instant Form Ads Responses > ResponsesList`: lead forms the user filled in; the advertiser
//!   received the answers ([`Relation::ReceivedYourInfo`]); its shape is not documented, so
//!   the advertiser is looked for under the usual key names (unconfirmed).

use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::importers::rows::{dated, kind_of};
use crate::model::{Category, Record, Relation};
use serde::Serialize;
use serde_json::Value;

/// One off-TikTok event.
pub fn off_platform_event(
    cx: &mut ImportCx<'_>,
    position: u64,
    v: &Value,
) -> Result<(), ParseError> {
    let Some(source) = lenient::field(v, &["Source", "AppName", "Name"]) else {
        cx.warn(
            Some(position),
            format!("off-TikTok activity: no Source in {}", kind_of(v)),
        );
        return Ok(());
    };
    let event = lenient::field(v, &["Event", "EventType", "Type"]).unwrap_or_default();
    let raw_ts = lenient::field(v, &["TimeStamp", "Timestamp", "Date"]);
    let ts = dated(cx, position, "off-TikTok activity", raw_ts.as_deref());
    #[derive(Serialize)]
    struct Out<'a> {
        event: &'a str,
    }
    let title = if event.is_empty() {
        source.clone()
    } else {
        format!("{source}: {event}")
    };
    let r = Record::new("off_platform_event", Category::OffPlatformActivity)
        .at(ts)
        .title(title)
        .company(&source, Relation::SentOffPlatformActivity)
        .data(&Out { event: &event })
        .with_key(&[&source, &event, raw_ts.as_deref().unwrap_or("")]);
    cx.emit(position, r)
}

/// Which partner list a name came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnerList {
    /// `DataPartnerList`: shared data about the user with TikTok.
    DataPartners,
    /// `AdvertiserList`: targeted the user with data received from partners.
    Advertisers,
}

/// Every name in one element (or in the whole value, when the list is one string).
pub fn partners(
    cx: &mut ImportCx<'_>,
    position: u64,
    v: &Value,
    list: PartnerList,
) -> Result<(), ParseError> {
    for name in names(v) {
        let r = match list {
            PartnerList::DataPartners => Record::new("data_partner", Category::OffPlatformActivity)
                .title(format!("{name} {}", Relation::DataPartner.label()))
                .company(&name, Relation::DataPartner),
            PartnerList::Advertisers => Record::new("advertiser_audience", Category::AdInterests)
                .title(format!("{name} {}", Relation::TargetedYou.label()))
                .company(&name, Relation::TargetedYou),
        };
        cx.emit(position, r.with_key(&[&name]))?;
    }
    Ok(())
}

/// Interest names TikTok uses to choose ads.
pub fn ad_interests(cx: &mut ImportCx<'_>, position: u64, v: &Value) -> Result<(), ParseError> {
    for name in names(v) {
        let r = Record::new("ad_interest", Category::AdInterests)
            .title(name.clone())
            .with_key(&[&name]);
        cx.emit(position, r)?;
    }
    Ok(())
}

/// One lead-form answer set (`ResponsesList` element).
pub fn lead_form(cx: &mut ImportCx<'_>, position: u64, v: &Value) -> Result<(), ParseError> {
    let advertiser = lenient::field(
        v,
        &[
            "Advertiser",
            "AdvertiserName",
            "Advertiser Name",
            "Brand",
            "Name",
        ],
    );
    let raw_ts = lenient::field(v, &["Date", "TimeStamp", "SubmitTime"]);
    let ts = dated(cx, position, "lead form", raw_ts.as_deref());
    let compact = v.to_string();
    let mut r = Record::new("lead_form_response", Category::IdentityContact)
        .at(ts)
        .data_raw(compact.clone());
    r = match &advertiser {
        Some(a) => r
            .title(format!("Form sent to {a}"))
            .company(a, Relation::ReceivedYourInfo),
        None => r.title("Instant form response"),
    };
    cx.emit(
        position,
        r.with_key(&[raw_ts.as_deref().unwrap_or(""), &compact]),
    )
}

/// Names from a string (`"Nike, Adidas"`, one per line, `|`- or `;`-separated), a list
/// element string, or an object with a name field. Placeholders and blanks are dropped.
pub fn names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => s
            .split(['\n', ',', ';', '|'])
            .map(str::trim)
            .filter(|s| !s.is_empty() && !lenient::is_placeholder(s))
            .map(str::to_string)
            .collect(),
        Value::Array(items) => items.iter().flat_map(names).collect(),
        Value::Object(_) => lenient::field(
            v,
            &[
                "Name",
                "PartnerName",
                "AdvertiserName",
                "Advertiser",
                "Category",
            ],
        )
        .into_iter()
        .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;
    use serde_json::json;

    #[test]
    fn names_from_every_shape() {
        let cases = [
            (
                json!("Nike, Adidas |Zalando;\nLidl"),
                vec!["Nike", "Adidas", "Zalando", "Lidl"],
            ),
            (
                json!(["Nike", {"Name": "Adidas"}, "", "N/A"]),
                vec!["Nike", "Adidas"],
            ),
            (json!({"AdvertiserName": "IKEA"}), vec!["IKEA"]),
            (json!(null), vec![]),
            (json!(12), vec![]),
        ];
        for (v, want) in cases {
            assert_eq!(names(&v), want, "{v}");
        }
    }

    #[test]
    fn off_platform_events_name_their_source() {
        let (out, r) = MemorySink::run_parser("user_data_tiktok.json", "", |_, cx| {
            off_platform_event(
                cx,
                0,
                &json!({"TimeStamp": "2024-03-01 12:00:00", "Source": "Zalando", "Event": "Purchase"}),
            )?;
            off_platform_event(
                cx,
                1,
                &json!({"TimeStamp": "2024-03-01 12:00:00", "Event": "Purchase"}),
            )?;
            off_platform_event(cx, 2, &json!({"timestamp": "later", "source": "Lidl"}))
        });
        r.unwrap();
        assert_eq!(out.records.len(), 2);
        let c = out.records[0].company.as_ref().unwrap();
        assert_eq!(
            (c.name.as_str(), c.relation),
            ("Zalando", Relation::SentOffPlatformActivity)
        );
        assert_eq!(out.records[0].ts, Some(1_709_294_400_000));
        assert_eq!(out.records[1].title.as_deref(), Some("Lidl"));
        assert_eq!(out.warnings.len(), 2, "{:?}", out.warnings);
        assert_eq!(out.warnings[0].position, Some(1));
    }

    #[test]
    fn partner_lists_give_their_relations() {
        let (out, r) = MemorySink::run_parser("user_data.json", "", |_, cx| {
            partners(cx, 0, &json!("Acxiom, LiveRamp"), PartnerList::DataPartners)?;
            partners(cx, 1, &json!("Nike"), PartnerList::Advertisers)
        });
        r.unwrap();
        let got: Vec<(&str, Relation)> = out
            .records
            .iter()
            .map(|r| {
                let c = r.company.as_ref().unwrap();
                (c.name.as_str(), c.relation)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Acxiom", Relation::DataPartner),
                ("LiveRamp", Relation::DataPartner),
                ("Nike", Relation::TargetedYou)
            ]
        );
    }
}
