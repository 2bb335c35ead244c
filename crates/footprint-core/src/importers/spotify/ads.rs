//! Spotify's ad targeting: `Inferences.json` and `Marquee.json`.
//!
//! `Inferences.json` is `{"inferences": ["1P_Podcast Listeners_True Crime", "2P_Custom_Nike_
//! Runners", "3P_Custom_Acxiom_Household Income 100k+", ...]}`: the segments ads were
//! targeted with. The prefix says whose data made the segment: `1P` Spotify's own inference,
//! `2P` an advertiser's data brought to Spotify (`2P_<Advertiser>_…` or
//! `2P_Custom_<Advertiser>_…`), `3P` a data broker's (`3P_<Broker>_…`,
//! `3P_Custom_<Broker>_…`). Segments are written with `_` or with spaces, in any case, and
//! sometimes end with a code (`_[1234]`); the raw segment is always kept as evidence.
//!
//! `Marquee.json` is `[{"artistName": "...", "segment": "Previously Active Listeners"}]`:
//! artists (their labels) who paid Spotify to promote a release to listeners in a segment.
//! An artist is not a company holding data about the user (the label never receives it):
//! these are ad interests of Spotify's with the artist in the data, and no company.

use super::read;
use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record, Relation};
use serde_json::json;
use std::io::Read;

/// Data brokers as the segments spell them (normal form) and as the company directory names
/// them. A `3P` segment naming anyone else is an advertiser's audience built with bought data.
const BROKERS: &[(&str, &str)] = &[
    ("acxiom", "Acxiom"),
    ("experian", "Experian Marketing Services"),
    ("experianmarketingservices", "Experian Marketing Services"),
    ("liveramp", "LiveRamp"),
    ("epsilon", "Epsilon"),
    ("oracle", "Oracle Advertising"),
    ("oracledatacloud", "Oracle Advertising"),
    ("oracleadvertising", "Oracle Advertising"),
    ("datalogix", "Oracle Advertising"),
    ("bluekai", "Oracle Advertising"),
    ("alliant", "Alliant"),
    ("transunion", "TransUnion"),
    ("neustar", "TransUnion"),
    ("eyeota", "Eyeota"),
    ("lotame", "Lotame"),
    ("nielsen", "Nielsen"),
    ("kantar", "Kantar"),
    ("dunbradstreet", "Dun & Bradstreet"),
];

/// Who made one segment.
#[derive(Debug, PartialEq)]
pub struct Segment {
    /// The part of the segment after the source and company: what it says about the user.
    pub label: String,
    /// The advertiser or broker it names, with the relation; `None` for Spotify's own.
    pub company: Option<(String, Relation)>,
    /// The attribute group in a trailing ` [Standard attributes]`, when there is one.
    pub field: Option<String>,
    /// `demographic_…` segments are demographics; all others ad interests.
    pub category: Category,
}

/// Read one segment name. `None` for an empty one.
pub fn segment(raw: &str) -> Option<Segment> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    // A trailing ` [Group]` (after a space, unlike the `_[1234]` codes) names an attribute group.
    let (body, field) = match raw.strip_suffix(']').and_then(|x| x.rsplit_once('[')) {
        Some((before, group)) if before.ends_with(char::is_whitespace) => {
            (before.trim_end(), Some(group.trim().to_string()))
        }
        _ => (raw, None),
    };
    // `_` separates the parts; without any `_`, spaces do (`3P Custom Acxiom Auto`).
    let sep = if body.contains('_') { '_' } else { ' ' };
    let mut parts: Vec<&str> = body
        .split(sep)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let source = parts
        .first()
        .map(|p| p.to_ascii_uppercase())
        .unwrap_or_default();
    let party = match source.as_str() {
        "1P" | "2P" | "3P" => source.clone(),
        _ => String::new(),
    };
    let category = if source == "DEMOGRAPHIC" {
        Category::Demographics
    } else {
        Category::AdInterests
    };
    if !party.is_empty() || matches!(source.as_str(), "DEMOGRAPHIC" | "INTEREST" | "CONTENT") {
        parts.remove(0);
    }
    if parts
        .first()
        .is_some_and(|p| p.eq_ignore_ascii_case("custom"))
    {
        parts.remove(0);
    }
    // Trailing codes (`[1234]`, `12345`, a market `US`) say nothing about the user; a
    // company segment keeps at least its name and one word.
    let keep = if party == "2P" || party == "3P" { 2 } else { 1 };
    while parts.len() > keep && parts.last().is_some_and(|p| is_code(p)) {
        parts.pop();
    }
    let company = match party.as_str() {
        "2P" | "3P" if parts.len() > 1 => {
            let who = parts.remove(0);
            let broker = broker(who);
            let relation = match (&broker, party.as_str()) {
                (Some(_), "3P") => Relation::DataBrokerSegment,
                _ => Relation::TargetedYou,
            };
            Some((broker.unwrap_or_else(|| who.to_string()), relation))
        }
        _ => None,
    };
    let label = if parts.is_empty() {
        body.to_string()
    } else {
        parts.join(" ")
    };
    Some(Segment {
        label,
        company,
        field,
        category,
    })
}

/// A code part: digits (bracketed or not) or a two-letter market (`US`, `GB`).
fn is_code(p: &str) -> bool {
    let digits = p.trim_start_matches('[').trim_end_matches(']');
    let numeric = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit());
    let market = p.len() == 2 && p.chars().all(|c| c.is_ascii_uppercase());
    numeric || market
}

/// A known broker's directory name.
fn broker(who: &str) -> Option<String> {
    let key = lenient::norm_key(who);
    BROKERS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, name)| name.to_string())
}

/// `Inferences.json`: one `ad_segment` record per segment.
pub fn parse_inferences(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(v) = read::small_json(reader, cx)? else {
        return Ok(());
    };
    let list = if v.is_array() {
        lenient::list(Some(&v))
    } else {
        lenient::list(lenient::get(&v, "inferences"))
    };
    for (i, item) in list.iter().enumerate() {
        let position = i as u64;
        let Some(raw) = item.as_str() else {
            cx.warn(
                Some(position),
                format!(
                    "inference: expected a string, found {}",
                    crate::importers::rows::kind_of(item)
                ),
            );
            continue;
        };
        let Some(seg) = segment(raw) else {
            continue;
        };
        let mut r = Record::new("ad_segment", seg.category)
            .title(format!("Ad segment: {}", seg.label))
            .data(&match &seg.field {
                Some(group) => json!({ "segment": raw.trim(), "group": group }),
                None => json!({ "segment": raw.trim() }),
            })
            .with_key(&[raw.trim()]);
        if let Some((name, relation)) = seg.company {
            r = r.company(name, relation);
        }
        cx.emit(position, r)?;
    }
    Ok(())
}

/// `Marquee.json`: one `marquee_segment` record per artist and segment.
pub fn parse_marquee(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(v) = read::small_json(reader, cx)? else {
        return Ok(());
    };
    for (i, item) in lenient::list(Some(&v)).iter().enumerate() {
        let position = i as u64;
        let artist = lenient::field(item, &["artistName", "artist"]);
        let seg = lenient::field(item, &["segment"]);
        let Some(artist) = artist else {
            cx.warn(Some(position), "marquee: no artist");
            continue;
        };
        let r = Record::new("marquee_segment", Category::AdInterests)
            .title(format!("Promoted to you by {artist}"))
            .data(&json!({ "artist": artist, "segment": seg }))
            .with_key(&[&artist, seg.as_deref().unwrap_or("")]);
        cx.emit(position, r)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_by_source() {
        let co = |n: &str, r| Some((n.to_string(), r));
        for (raw, label, company) in [
            (
                "1P_Podcast Listeners_True Crime",
                "Podcast Listeners True Crime",
                None,
            ),
            ("1P_Custom_Gamers", "Gamers", None),
            (
                "2P_Nike_Runners",
                "Runners",
                co("Nike", Relation::TargetedYou),
            ),
            (
                "2P_Custom_H&M_Lapsed Buyers_[4821]",
                "Lapsed Buyers",
                co("H&M", Relation::TargetedYou),
            ),
            (
                "3P_Custom_Acxiom_Household Income 100k+",
                "Household Income 100k+",
                co("Acxiom", Relation::DataBrokerSegment),
            ),
            (
                "3p_custom_experian_Auto Intenders",
                "Auto Intenders",
                co("Experian Marketing Services", Relation::DataBrokerSegment),
            ),
            (
                "3P Custom LiveRamp Parents",
                "Parents",
                co("LiveRamp", Relation::DataBrokerSegment),
            ),
            (
                "3P_Oracle_Frequent Travelers_12345",
                "Frequent Travelers",
                co("Oracle Advertising", Relation::DataBrokerSegment),
            ),
            ("Coffee Lovers", "Coffee Lovers", None),
            // A 2P/3P segment with nothing after the name is a label, not a company.
            ("3P_Acxiom", "Acxiom", None),
            // A market code at the end; a group in brackets.
            (
                "3P_Custom_Acxiom_Auto Intenders_US [Standard attributes]",
                "Auto Intenders",
                co("Acxiom", Relation::DataBrokerSegment),
            ),
            // An advertiser's audience built with bought data is the advertiser's targeting.
            (
                "3P_Custom_Capital One_Card Holders",
                "Card Holders",
                co("Capital One", Relation::TargetedYou),
            ),
            ("2P_Nike_US", "US", co("Nike", Relation::TargetedYou)),
            ("interest_music_indie-rock", "music indie-rock", None),
        ] {
            let s = segment(raw).unwrap();
            assert_eq!(s.label, label, "{raw}");
            assert_eq!(s.company, company, "{raw}");
        }
        assert_eq!(segment("  "), None);
        let s = segment("3P_Custom_Acxiom_Auto Intenders [Standard attributes]").unwrap();
        assert_eq!(s.field.as_deref(), Some("Standard attributes"));
        assert_eq!(s.category, Category::AdInterests);
        let s = segment("demographic_age_25-34").unwrap();
        assert_eq!(
            (s.label.as_str(), s.category),
            ("age 25-34", Category::Demographics)
        );
    }

    #[test]
    fn inferences_file_shapes() {
        let c = super::super::parse_with(
            r#"{"inferences":["2P_Custom_Nike_Runners", 7, "1P_Gamers"]}"#,
            parse_inferences,
        );
        assert_eq!(c.records.len(), 2);
        assert_eq!(c.warnings.len(), 1);
        let c = super::super::parse_with(r#"{"inferences":null}"#, parse_inferences);
        assert!(c.records.is_empty() && c.warnings.is_empty());
        let c = super::super::parse_with(
            r#"[{"artistName":"Ada","segment":"Recently Active"},{"segment":"x"}]"#,
            parse_marquee,
        );
        assert_eq!(c.records.len(), 1);
        assert!(c.records[0].company.is_none());
        assert_eq!(c.warnings.len(), 1);
    }
}
