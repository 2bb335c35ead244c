//! `Advertising.N/`: what Amazon's ad business holds about you. Most files are ONE column:
//! a header that is a whole sentence ("Advertisers who brought audiences in which you are
//! included"), then one quoted value per row, and often nothing but the header.
//!
//! - `Advertising.AdvertiserAudiences.csv`: advertisers that brought their own audience
//!   (a customer list, their site's visitors) in which you are: `targeted_you`.
//! - `Advertising.3PAudiences.csv`: third-party data providers' segments you are in, written
//!   `Provider: Segment` ("Acxiom: Auto Enthusiasts", "Oracle Data Cloud - Cooking"): the
//!   provider is a `data_broker_segment` company.
//! - `Advertising.AmazonAudiences.csv`: Amazon's own inferences (ad interests, no company).
//! - `Advertising.AdvertiserClicks.csv`: advertisers whose ads you clicked (a name per row,
//!   or `Advertiser, Click Date` columns): `ad_interaction`.

use super::compact;
use crate::formats::csv_export::{each_row, row_time, value_any};
use crate::formats::csv_table::Row;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record, Relation};
use std::io::Read;

/// Data providers whose names Amazon writes without a separator before the segment.
const KNOWN_PROVIDERS: &[&str] = &[
    "Oracle Data Cloud",
    "Acxiom",
    "Experian",
    "Epsilon",
    "LiveRamp",
    "Nielsen",
    "TransUnion",
    "Dun & Bradstreet",
    "Lotame",
    "Eyeota",
    "Neustar",
    "Alliant",
    "Bombora",
    "Datalogix",
    "Kantar",
];

/// The named value of a one-column row: a named column when there is one, else the first.
fn listed<'t>(row: &Row<'t>, columns: &[&str]) -> Option<&'t str> {
    value_any(row, columns).or_else(|| {
        row.at(0)
            .map(str::trim)
            .filter(|v| super::clean(v).is_some())
    })
}

/// Every row of a one-column list as `(row, value)`; empty rows are passed over.
fn each_listed(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
    columns: &[&str],
    mut f: impl FnMut(&mut ImportCx<'_>, &Row<'_>, &str) -> Result<(), ParseError>,
) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| match listed(row, columns) {
        Some(v) => f(cx, row, v),
        None => Ok(()),
    })
}

/// `Advertising.AdvertiserAudiences.csv`: one `targeted_you` record per advertiser.
pub fn parse_advertiser_audiences(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    each_listed(
        reader,
        cx,
        &["Advertiser", "Advertiser Name"],
        |cx, row, name| {
            let r = Record::new("advertiser_audience", Category::AdInterests)
                .title(format!("{name} brought an audience you are in"))
                .company(name, Relation::TargetedYou)
                .with_key(&[name]);
            cx.emit(row.index, r)
        },
    )
}

/// `Provider: Segment` split: the provider and what it says about you.
pub fn split_segment(value: &str) -> (Option<&str>, &str) {
    let value = value.trim();
    for sep in [":", " - ", " > ", " | "] {
        if let Some((p, s)) = value.split_once(sep) {
            if !p.trim().is_empty() && !s.trim().is_empty() {
                return (Some(p.trim()), s.trim());
            }
        }
    }
    for p in KNOWN_PROVIDERS {
        if let Some(rest) = value.strip_prefix(p) {
            let rest = rest.trim_start_matches([' ', '-', '/', '>']).trim();
            return (Some(p), if rest.is_empty() { value } else { rest });
        }
    }
    (None, value)
}

/// `Advertising.3PAudiences.csv`: one `third_party_audience` record per segment, the
/// provider as its company.
pub fn parse_third_party_audiences(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    each_listed(reader, cx, &["Audience", "Segment"], |cx, row, value| {
        let (provider, segment) = split_segment(value);
        let mut r = Record::new("third_party_audience", Category::AdInterests)
            .title(match provider {
                Some(p) => format!("In {p}'s segment “{segment}”"),
                None => format!("In the third-party segment “{segment}”"),
            })
            .with_key(&[value]);
        match provider {
            Some(p) => r = r.company(p, Relation::DataBrokerSegment),
            None => cx.warn(
                Some(row.index),
                format!("line {}: no data provider named in {value:?}", row.line),
            ),
        }
        cx.emit(row.index, r)
    })
}

/// `Advertising.AmazonAudiences.csv`: one `amazon_audience` record per audience.
pub fn parse_amazon_audiences(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    each_listed(
        reader,
        cx,
        &["Audience", "Audience Name"],
        |cx, row, name| {
            let r = Record::new("amazon_audience", Category::AdInterests)
                .title(format!("Amazon audience: {name}"))
                .with_key(&[name]);
            cx.emit(row.index, r)
        },
    )
}

/// `Advertising.AdvertiserClicks.csv`: one `ad_click` record per row.
pub fn parse_advertiser_clicks(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    each_listed(
        reader,
        cx,
        &["Advertiser", "Advertiser Name"],
        |cx, row, name| {
            let ts = row_time(cx, row, &["Click Date", "Date", "Timestamp"]);
            let when = ts.map(|t| t.to_string()).unwrap_or_default();
            // Undated clicks of one advertiser differ only by their row.
            let mut r = Record::new("ad_click", Category::ActivityBrowsing)
                .at(ts)
                .title(format!("Clicked an ad by {name}"))
                .company(name, Relation::AdInteraction)
                .with_key(&[name, &when, &row.index.to_string()]);
            // A one-column list has nothing beyond the name.
            if row.pairs().len() > 1 {
                r = r.data(&compact(row, &[]));
            }
            cx.emit(row.index, r)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    type Parse = fn(&mut dyn Read, &mut ImportCx<'_>) -> Result<(), ParseError>;

    fn run(parse: Parse, input: &str) -> MemorySink {
        let (out, r) = MemorySink::run_parser("Advertising.1/f.csv", input, parse);
        r.unwrap();
        out
    }

    fn companies(out: &MemorySink) -> Vec<(String, Relation)> {
        out.records
            .iter()
            .filter_map(|r| r.company.as_ref().map(|c| (c.name.clone(), c.relation)))
            .collect()
    }

    #[test]
    fn provider_and_segment_are_split() {
        for (raw, provider, segment) in [
            (
                "Acxiom: Auto Enthusiasts",
                Some("Acxiom"),
                "Auto Enthusiasts",
            ),
            (
                "Oracle Data Cloud - Interest - Cooking",
                Some("Oracle Data Cloud"),
                "Interest - Cooking",
            ),
            (
                "Oracle Data Cloud Cooking",
                Some("Oracle Data Cloud"),
                "Cooking",
            ),
            ("Experian > Homeowners", Some("Experian"), "Homeowners"),
            ("Frequent travellers", None, "Frequent travellers"),
            (":odd", None, ":odd"),
        ] {
            assert_eq!(split_segment(raw), (provider, segment), "{raw}");
        }
    }

    #[test]
    fn one_column_lists_under_a_sentence_header() {
        let header = "\u{feff}\"Advertisers who brought audiences in which you are included\"\n";
        let out = run(
            parse_advertiser_audiences,
            &format!("{header}\"Nike\"\n\"\"\n\"Sunny Books 1\"\n"),
        );
        assert_eq!(
            companies(&out),
            [
                ("Nike".into(), Relation::TargetedYou),
                ("Sunny Books 1".into(), Relation::TargetedYou)
            ]
        );
        assert!(
            run(parse_advertiser_audiences, header).records.is_empty(),
            "header only"
        );
        assert!(
            run(parse_advertiser_audiences, "").records.is_empty(),
            "0 bytes"
        );

        let out = run(
            parse_third_party_audiences,
            "\"Audiences in which you are included via 3rd Party\"\n\"Acxiom: Auto Enthusiasts\"\n\"Frequent travellers\"\n",
        );
        assert_eq!(
            companies(&out),
            [("Acxiom".into(), Relation::DataBrokerSegment)]
        );
        assert_eq!(out.records.len(), 2);
        assert!(out.warnings[0].message.contains("line 3"));

        let out = run(
            parse_amazon_audiences,
            "\"Amazon Audiences\"\n\"In-market: Coffee makers\"\n",
        );
        assert_eq!(
            out.records[0].title.as_deref(),
            Some("Amazon audience: In-market: Coffee makers")
        );
        assert!(out.records[0].company.is_none());
    }

    #[test]
    fn clicks_by_name_or_with_dates() {
        let out = run(
            parse_advertiser_clicks,
            "\"Advertisers whose ads you clicked\"\n\"Nike\"\n",
        );
        assert_eq!(companies(&out), [("Nike".into(), Relation::AdInteraction)]);
        let out = run(
            parse_advertiser_clicks,
            "Advertiser,Click Date\nBMW,2024-01-02T03:04:05Z\nBMW,never\n",
        );
        assert_eq!(out.records.len(), 2);
        assert_eq!(out.records[0].ts, Some(1_704_164_645_000));
        assert!(out.warnings[0].message.contains("not a date"));
    }
}
