//! What LinkedIn's ad system knows and who it showed you to.
//!
//! - `Ad_Targeting.csv`: ONE row, ~30 columns, several with the same name (`Company Names`
//!   three times, `Job Titles` twice), each cell a `;`-joined list. Every value becomes one
//!   `ad_targeting` record (`<attribute>: <value>`). Company-like attributes (`Company Names`,
//!   `Company Follower of`, `Company Category`) describe YOU (your employers, the pages you
//!   follow) as targeting facets; they are not companies that hold data about you, so no
//!   third party is named.
//! - `Inferences_about_you.csv`: `Category, Type of inference, Description, Inference`: one
//!   `inference` record per row (demographics when LinkedIn says so, else ad interests).
//! - `LAN Ads Engagement.csv` (LinkedIn Audience Network: ads on other apps and sites):
//!   per row the advertiser whose ad it was and the publisher that showed it, both
//!   `ad_interaction`; dates `2025/10/09`.

use crate::formats::csv_export::{each_row, row_time, value, value_any};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record, Relation};
use serde::Serialize;
use std::io::Read;

/// `Ad_Targeting.csv`: one record per targeting value.
pub fn parse_ad_targeting(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out<'a> {
        attribute: &'a str,
        value: &'a str,
    }
    let mut n = 0u64;
    each_row(reader, cx, |cx, row| {
        for (attribute, cell) in row.pairs() {
            for value in cell.split(';').map(str::trim).filter(|v| !v.is_empty()) {
                let r = Record::new("ad_targeting", Category::AdInterests)
                    .title(format!("{attribute}: {value}"))
                    .data(&Out { attribute, value })
                    .with_key(&[attribute, value]);
                cx.emit(n, r)?;
                n += 1;
            }
        }
        Ok(())
    })
}

/// `Inferences_about_you.csv`: one record per inference.
pub fn parse_inferences(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        let group = value(row, "Category").unwrap_or("");
        let kind = value_any(row, &["Type of inference", "Type"]).unwrap_or("Inference");
        let inferred = value(row, "Inference").unwrap_or("");
        let category = if group.to_lowercase().contains("demograph") {
            Category::Demographics
        } else {
            Category::AdInterests
        };
        let title = if inferred.is_empty() {
            kind.to_string()
        } else {
            format!("{kind}: {inferred}")
        };
        let r = Record::new("inference", category)
            .title(title)
            .body_opt(value(row, "Description").map(str::to_string))
            .data(&row.to_json())
            .with_key(&[group, kind, inferred]);
        cx.emit(row.index, r)
    })
}

/// `LAN Ads Engagement.csv`: the advertiser and the publisher of every engagement.
pub fn parse_lan_ads(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        action: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        ad: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        advertiser: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        publisher: Option<&'a str>,
    }
    each_row(reader, cx, |cx, row| {
        let ts = row_time(cx, row, &["Date", "Engagement Date", "Time"]);
        let out = Out {
            action: value_any(row, &["Action", "Engagement Type", "Event"]),
            ad: value_any(row, &["Ad Title", "Ad Title/Id", "Campaign"]),
            advertiser: value_any(row, &["Advertiser", "Advertiser Name", "Company Name"]),
            publisher: value_any(row, &["Publisher", "Publisher Name", "App/Site", "Site"]),
        };
        let action = out.action.unwrap_or("Engagement");
        let when = ts.map(|t| t.to_string()).unwrap_or_default();
        if out.advertiser.is_none() && out.publisher.is_none() {
            cx.warn(
                Some(row.index),
                format!("line {}: neither advertiser nor publisher", row.line),
            );
        }
        for (kind, name, words) in [
            ("lan_ad_engagement", out.advertiser, "ad by"),
            ("lan_ad_publisher", out.publisher, "ad shown on"),
        ] {
            let Some(name) = name else { continue };
            let r = Record::new(kind, Category::ActivityBrowsing)
                .at(ts)
                .title(format!(
                    "{action}: {words} {name} (LinkedIn Audience Network)"
                ))
                .company(name, Relation::AdInteraction)
                .data(&out)
                .with_key(&[&when, name, action, out.ad.unwrap_or("")]);
            cx.emit(row.index, r)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    fn run(
        parse: fn(&mut dyn Read, &mut ImportCx<'_>) -> Result<(), ParseError>,
        input: &str,
    ) -> MemorySink {
        let (out, r) = MemorySink::run_parser("f.csv", input, parse);
        r.unwrap();
        out
    }

    #[test]
    fn every_targeting_value_is_a_record_and_no_company() {
        let input = "\u{feff}Member Age,Company Names,Company Names,Member Interests,Job Titles\n25 to 34,Acme; Globex,Initech,Cycling; ;Jazz,\n";
        let out = run(parse_ad_targeting, input);
        let titles: Vec<&str> = out
            .records
            .iter()
            .filter_map(|r| r.title.as_deref())
            .collect();
        assert_eq!(
            titles,
            [
                "Member Age: 25 to 34",
                "Company Names: Acme",
                "Company Names: Globex",
                "Company Names: Initech",
                "Member Interests: Cycling",
                "Member Interests: Jazz"
            ]
        );
        assert!(out
            .records
            .iter()
            .all(|r| r.company.is_none() && r.category == Category::AdInterests));
        assert!(run(parse_ad_targeting, "Member Age,Company Names\n")
            .records
            .is_empty());
    }

    #[test]
    fn inferences_split_demographics_from_interests() {
        let input = "Category,Type of inference,Description,Inference\nDemographics,Member Age,Your age range,25-34\nInterests,Topic,,Cloud computing\n";
        let out = run(parse_inferences, input);
        assert_eq!(out.records[0].category, Category::Demographics);
        assert_eq!(out.records[0].title.as_deref(), Some("Member Age: 25-34"));
        assert_eq!(out.records[1].category, Category::AdInterests);
    }

    #[test]
    fn lan_rows_name_advertiser_and_publisher() {
        let cases = [
            ("Date,Action,Ad Title,Advertiser,Publisher\n2025/10/09,Click,Spring sale,Nike,Le Monde\n", 2, vec!["Nike", "Le Monde"]),
            ("date,advertiser name\n2025/10/09,Zalando\n", 1, vec!["Zalando"]),
            ("Date,Action\n2025/10/09,Click\n", 0, vec![]),
        ];
        for (input, n, names) in cases {
            let out = run(parse_lan_ads, input);
            assert_eq!(out.records.len(), n, "{input}");
            let got: Vec<&str> = out
                .records
                .iter()
                .map(|r| r.company.as_ref().unwrap().name.as_str())
                .collect();
            assert_eq!(got, names);
            assert!(out.records.iter().all(|r| r.ts == Some(1_759_968_000_000)));
        }
    }
}
