//! Amazon "Request my data" (Privacy Central): one request arrives as SEVERAL zips, one per
//! dataset group (`Retail.OrderHistory.1.zip`, `Advertising.2.zip`, `Digital-Ordering.1.zip`,
//! `Kindle.Devices.ReadingSession.zip`, ...), each holding folders of flat CSV files named
//! like the dataset (`Retail.OrderHistory.1/Retail.OrderHistory.1.csv`). The zips, given
//! together or in one folder, are ONE export (see [`crate::exports`]).
//!
//! - [`files`]: every known file, by name and by header, and how most rows become records,
//! - [`orders`]: `Retail.OrderHistory` (the seller of marketplace orders kept on the order),
//! - [`account`]: the profile (the account), the address book, payment options (masked),
//! - [`ads`]: `Advertising.*`: advertisers' audiences, third-party data providers' segments,
//!   Amazon's own audiences, advertiser clicks.
//!
//! Quirks handled: a UTF-8 BOM, every field quoted, `Not Available` placeholders, amounts
//! written `'-0.68'`, ISO dates with `Z`, one-column files whose header is a whole sentence.

pub mod account;
pub mod ads;
pub mod files;
pub mod orders;

use crate::archive::ArchiveView;
use crate::formats::csv_export::{self, each_row, CsvFile, RowSpec};
use crate::formats::csv_table::{norm_column, Row};
use crate::formats::lenient::is_placeholder;
use crate::importer::{Descriptor, FileRole, ImportCx, Importer, ParseError, Recognition};
use std::collections::BTreeSet;
use std::io::Read;

pub struct Amazon;

/// Parser tags of the files with their own parsers (the others are named in [`files`]).
pub mod parser {
    pub const ORDERS: &str = "amazon_order_history";
    pub const PROFILE: &str = "amazon_customer_profile";
    pub const ADDRESSES: &str = "amazon_address_book";
    pub const PAYMENT_OPTIONS: &str = "amazon_payment_options";
    pub const ADVERTISER_AUDIENCES: &str = "amazon_advertiser_audiences";
    pub const THIRD_PARTY_AUDIENCES: &str = "amazon_third_party_audiences";
    pub const AMAZON_AUDIENCES: &str = "amazon_amazon_audiences";
    pub const ADVERTISER_CLICKS: &str = "amazon_advertiser_clicks";
}

/// Amazon, as people see it.
pub static DESCRIPTOR: Descriptor = Descriptor {
    id: "amazon",
    name: "Amazon",
    company: "Amazon",
    address: "https://www.amazon.com/hz/privacy-central/data-requests/preview.html",
    steps: &[
        "Sign in to Amazon and open Privacy Central → Request Your Data (the address above; other countries: the same page on your Amazon site).",
        "Choose “Request All Your Data” (or one category) and submit; confirm the request from the e-mail Amazon sends you.",
        "Amazon e-mails you when the files are ready (days, up to a month). Download EVERY zip from the link, and give Footprint all of them together (or the folder holding them).",
    ],
    format: "Several zips (Retail.OrderHistory.1.zip, Advertising.1.zip, Digital-Ordering.1.zip, ...), CSV files inside: all of them are one export.",
    color: "#ff9900",
};

/// A file's stem as Amazon's dataset names are compared: [`norm_column`] form without dots
/// and without a trailing part number, so `Retail.OrderHistory.1.csv`,
/// `Retail.OrderHistory.2.csv` and `retail_order_history.csv` are one file.
pub fn amazon_stem(path: &str) -> Option<String> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let (stem, ext) = name.rsplit_once('.')?;
    if !ext.eq_ignore_ascii_case("csv") {
        return None;
    }
    let flat: String = norm_column(stem).chars().filter(|c| *c != '.').collect();
    let bare = flat.trim_end_matches(|c: char| c.is_ascii_digit());
    Some(if bare.is_empty() {
        flat.clone()
    } else {
        bare.to_string()
    })
}

/// The known file at `path`, by its [`amazon_stem`].
fn by_name(path: &str) -> Option<&'static CsvFile> {
    let stem = amazon_stem(path)?;
    files::FILES
        .iter()
        .find(|f| f.names.contains(&stem.as_str()))
}

/// Media of the export (Alexa's voice recordings, attachments): listed, never parsed.
const MEDIA: &[&str] = &[
    ".wav", ".mp3", ".opus", ".ogg", ".m4a", ".jpg", ".jpeg", ".png", ".pdf",
];

/// A cell as data keeps it: `None` for empty cells and placeholders; amounts written
/// `'-0.68'` lose their quotes.
pub fn clean(v: &str) -> Option<&str> {
    let v = v.trim();
    let v = match v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        Some(inner) if is_amount(inner) => inner,
        _ => v,
    };
    (!v.is_empty() && !is_placeholder(v)).then_some(v)
}

fn is_amount(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | ','))
}

/// `'-0.68'` inside a title becomes `-0.68` (text quotes like `Men's` stay).
pub fn unquote_amounts(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('\'') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('\'') {
            Some(close) if is_amount(&after[..close]) => {
                out.push_str(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push('\'');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The row's useful fields as compact JSON: no empty cells, no placeholders, amounts
/// unquoted, and without the `skip` columns (long text kept as the body).
pub fn compact(row: &Row<'_>, skip: &[&str]) -> serde_json::Value {
    let mut obj = serde_json::Map::new();
    for (h, v) in row.pairs() {
        if skip.iter().any(|s| norm_column(s) == norm_column(h)) {
            continue;
        }
        if let Some(v) = clean(v) {
            obj.entry(h.to_string())
                .or_insert_with(|| serde_json::Value::String(v.to_string()));
        }
    }
    serde_json::Value::Object(obj)
}

/// One row, one record, as the [`RowSpec`] says; data compact and titles without quoted
/// amounts.
fn import_spec_rows(
    spec: &RowSpec,
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    let month_first = files::MONTH_FIRST.contains(&spec.kind);
    // Month-first files: the times are read here, not by the generic reader (which would
    // report `03/15/2023` as no date).
    let generic = if month_first {
        RowSpec {
            time: &[],
            time_end: &[],
            ..*spec
        }
    } else {
        *spec
    };
    each_row(reader, cx, |cx, row| {
        let mut r = csv_export::record(cx, &generic, row).data(&compact(row, spec.body));
        if month_first {
            r.ts = month_first_time(cx, row, spec.time);
            r.ts_end = month_first_time(cx, row, spec.time_end);
        }
        r.title = r.title.map(|t| unquote_amounts(&t));
        cx.emit(row.index, r)
    })
}

/// The time in the first of `columns` with a value, month first (`03/15/2023 14:05:09`); a
/// value that is no date is reported with the row's line.
pub fn month_first_time(cx: &mut ImportCx<'_>, row: &Row<'_>, columns: &[&str]) -> Option<i64> {
    let (column, raw) = columns
        .iter()
        .find_map(|c| csv_export::value(row, c).map(|v| (*c, v)))?;
    let ms = crate::time::parse_month_first(raw);
    if ms.is_none() {
        cx.warn(
            Some(row.index),
            format!("line {}: `{column}` is not a date: {raw:?}", row.line),
        );
    }
    ms
}

impl Importer for Amazon {
    fn descriptor(&self) -> &'static Descriptor {
        &DESCRIPTOR
    }

    fn recognize(&self, view: &ArchiveView) -> Recognition {
        let mut found = BTreeSet::new();
        for e in view.entries() {
            if let Some(stem) = amazon_stem(&e.path) {
                if files::MARKERS.contains(&stem.as_str()) {
                    found.insert(e.path.rsplit('/').next().unwrap_or(&e.path).to_string());
                }
            }
            if found.len() >= 3 {
                break;
            }
        }
        match found.len() {
            0 => Recognition::no(),
            n => Recognition::yes(
                if n >= 2 { 1.0 } else { 0.95 },
                format!(
                    "found {} (only Amazon data requests have them)",
                    found.into_iter().collect::<Vec<_>>().join(", ")
                ),
            ),
        }
    }

    fn classify(&self, path: &str) -> FileRole {
        if let Some(f) = by_name(path) {
            return f.role.clone();
        }
        let lower = path.to_ascii_lowercase();
        let amazon_folder = path.split('/').any(|seg| {
            let s = seg.to_ascii_lowercase();
            [
                "alexa",
                "retail.",
                "kindle",
                "audible",
                "primevideo",
                "digital",
            ]
            .iter()
            .any(|p| s.starts_with(p))
        });
        if amazon_folder && MEDIA.iter().any(|m| lower.ends_with(m)) {
            return FileRole::Skip("media (voice recordings, attachments): listed, not parsed");
        }
        FileRole::Unknown
    }

    fn classify_content(&self, path: &str, head: &[u8]) -> Option<FileRole> {
        csv_export::classify_content(files::FILES, path, head)
    }

    fn account(&self, view: &ArchiveView) -> Option<String> {
        let i = view
            .entries()
            .iter()
            .position(|e| by_name(&e.path).and_then(CsvFile::tag) == Some(parser::PROFILE))?;
        let head = view.read_head(i, account::MAX_ACCOUNT_BYTES).ok()?;
        account::account_from_profile(&head)
    }

    fn import_file(
        &self,
        tag: &'static str,
        reader: &mut dyn Read,
        cx: &mut ImportCx<'_>,
    ) -> Result<(), ParseError> {
        match tag {
            parser::ORDERS => orders::parse_orders(reader, cx),
            parser::PROFILE => account::parse_profile(reader, cx),
            parser::ADDRESSES => account::parse_addresses(reader, cx),
            parser::PAYMENT_OPTIONS => account::parse_payment_options(reader, cx),
            parser::ADVERTISER_AUDIENCES => ads::parse_advertiser_audiences(reader, cx),
            parser::THIRD_PARTY_AUDIENCES => ads::parse_third_party_audiences(reader, cx),
            parser::AMAZON_AUDIENCES => ads::parse_amazon_audiences(reader, cx),
            parser::ADVERTISER_CLICKS => ads::parse_advertiser_clicks(reader, cx),
            other => match csv_export::by_tag(files::FILES, other).and_then(|f| f.rows.as_ref()) {
                Some(spec) => import_spec_rows(spec, reader, cx),
                None => Err(ParseError::Other(format!(
                    "{}: no Amazon parser named `{other}`",
                    cx.file
                ))),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_has_a_parser_and_tags_are_unique() {
        let own = [
            parser::ORDERS,
            parser::PROFILE,
            parser::ADDRESSES,
            parser::PAYMENT_OPTIONS,
            parser::ADVERTISER_AUDIENCES,
            parser::THIRD_PARTY_AUDIENCES,
            parser::AMAZON_AUDIENCES,
            parser::ADVERTISER_CLICKS,
        ];
        let mut tags = BTreeSet::new();
        for f in files::FILES {
            let tag = f.tag().expect("Amazon files are all parsed");
            assert!(tags.insert(tag), "duplicate tag {tag}");
            assert!(
                f.rows.is_some() || own.contains(&tag),
                "{tag} has no parser"
            );
        }
        for m in files::MARKERS {
            assert!(
                files::FILES.iter().any(|f| f.names.contains(m)),
                "marker {m} is a known file"
            );
        }
    }

    #[test]
    fn stems_drop_dots_part_numbers_and_spelling() {
        for (path, want) in [
            (
                "Retail.OrderHistory.1/Retail.OrderHistory.1.csv",
                Some("retailorderhistory"),
            ),
            (
                "Retail.CustomerReturns.1.1.csv",
                Some("retailcustomerreturns"),
            ),
            (
                "Advertising.1/Advertising.3PAudiences.csv",
                Some("advertising3paudiences"),
            ),
            ("Digital-Ordering.1/Digital Items.csv", Some("digitalitems")),
            ("Alexa/audio/1.wav", None),
        ] {
            assert_eq!(amazon_stem(path).as_deref(), want, "{path}");
        }
    }

    #[test]
    fn files_by_name_folder_media_and_header() {
        for (path, want) in [
            (
                "Retail.OrderHistory.2/Retail.OrderHistory.2.csv",
                parser::ORDERS,
            ),
            (
                "Advertising.2/Advertising.AdvertiserAudiences.csv",
                parser::ADVERTISER_AUDIENCES,
            ),
            (
                "Digital-Ordering.1/Digital Orders.csv",
                "amazon_digital_orders",
            ),
            (
                "Digital-Ordering.1/Digital Orders Monetary.csv",
                "amazon_digital_payments",
            ),
            (
                "PrimeVideo.ViewingHistory/PrimeVideo.ViewingHistory.csv",
                "amazon_prime_video_viewing",
            ),
        ] {
            assert_eq!(Amazon.classify(path), FileRole::Parse(want), "{path}");
        }
        assert!(matches!(
            Amazon.classify("Alexa.VoiceHistory/audio/0001.wav"),
            FileRole::Skip(_)
        ));
        assert_eq!(Amazon.classify("photos/cat.jpg"), FileRole::Unknown);
        let head =
            b"\xEF\xBB\xBF\"Website\",\"Order ID\",\"Order Date\",\"ASIN\",\"Product Name\"\n";
        assert_eq!(
            Amazon.classify_content("Bestellverlauf.csv", head),
            Some(FileRole::Parse(parser::ORDERS))
        );
        assert_eq!(
            Amazon.classify_content("x.csv", b"id,permalink,date\n"),
            None
        );
    }

    #[test]
    fn amounts_lose_their_quotes_and_placeholders_their_cells() {
        for (raw, want) in [
            ("'-0.68'", Some("-0.68")),
            ("'12.99'", Some("12.99")),
            ("Not Available", None),
            ("", None),
            ("'quoted text'", Some("'quoted text'")),
        ] {
            assert_eq!(clean(raw), want, "{raw}");
        }
        assert_eq!(
            unquote_amounts("Men's shoes for '-0.68' USD, '3'"),
            "Men's shoes for -0.68 USD, 3"
        );
    }
}
