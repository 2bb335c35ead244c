//! Netflix "Download your personal information": `netflix-report.zip`, CSV files in folders
//! named in upper case (`CONTENT_INTERACTION/ViewingActivity.csv`, `DEVICES/Devices.csv`,
//! `IP_ADDRESSES/`, `PAYMENT_AND_BILLING/`, `ACCOUNT/`, `PROFILES/`, `MESSAGES/`,
//! `CUSTOMER_SERVICE/`, `CLICKSTREAM/`, `SOCIAL_MEDIA_CONNECTIONS/`) and a `Cover sheet.pdf`.
//!
//! - [`files`]: every known file, by name and by header, and how its rows become records,
//! - [`account`]: `AccountDetails.csv`, the owner's identities and the account,
//! - [`billing`]: `BillingHistory.csv`, charges with their amounts and the payment processor,
//! - [`summary`]: clickstream per profile and day, IP addresses per address, playbacks.

pub mod account;
pub mod billing;
pub mod files;
pub mod summary;

use crate::archive::ArchiveView;
use crate::formats::csv_export::{self, csv_stem};
use crate::importer::{Descriptor, FileRole, ImportCx, Importer, ParseError, Recognition};
use std::io::Read;

pub struct Netflix;

/// Parser tags of the files with their own parsers (the others are named in [`files`]).
pub mod parser {
    pub const ACCOUNT_DETAILS: &str = "netflix_account_details";
    pub const BILLING: &str = "netflix_billing_history";
    pub const CLICKSTREAM: &str = "netflix_clickstream";
    pub const IP_LOGIN: &str = "netflix_ip_login";
    pub const IP_STREAMING: &str = "netflix_ip_streaming";
    pub const PLAYBACK_EVENTS: &str = "netflix_playback_events";
}

/// Netflix, as people see it.
pub static DESCRIPTOR: Descriptor = Descriptor {
    id: "netflix",
    name: "Netflix",
    company: "Netflix",
    address: "https://www.netflix.com/account/getmyinfo",
    steps: &[
        "Sign in to Netflix in a web browser and open Account → Security & privacy → Download your personal information (or go straight to netflix.com/account/getmyinfo).",
        "Click Submit request and confirm it from the e-mail Netflix sends you.",
        "Within about 30 days Netflix e-mails a download link: download netflix-report.zip (the link expires after a week).",
    ],
    format: "netflix-report.zip (CSV files in folders such as CONTENT_INTERACTION and PAYMENT_AND_BILLING; keep it zipped).",
    color: "#e50914",
};

impl Importer for Netflix {
    fn descriptor(&self) -> &'static Descriptor {
        &DESCRIPTOR
    }

    fn recognize(&self, view: &ArchiveView) -> Recognition {
        csv_export::recognize(view, files::MARKERS, "Netflix")
    }

    fn classify(&self, path: &str) -> FileRole {
        let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
        if name == "cover sheet.pdf" || name == "coversheet.pdf" {
            return FileRole::Skip("explains the report; no data about you");
        }
        csv_export::classify(files::FILES, path)
    }

    fn classify_content(&self, path: &str, head: &[u8]) -> Option<FileRole> {
        csv_export::classify_content(files::FILES, path, head)
    }

    fn account(&self, view: &ArchiveView) -> Option<String> {
        let i = view
            .entries()
            .iter()
            .position(|e| csv_stem(&e.path).as_deref() == Some("accountdetails"))?;
        let head = view.read_head(i, account::MAX_ACCOUNT_BYTES).ok()?;
        account::account_from_details(&head)
    }

    fn import_file(
        &self,
        tag: &'static str,
        reader: &mut dyn Read,
        cx: &mut ImportCx<'_>,
    ) -> Result<(), ParseError> {
        match tag {
            parser::ACCOUNT_DETAILS => account::import_account_details(reader, cx),
            parser::BILLING => billing::import_billing(reader, cx),
            parser::CLICKSTREAM => summary::import_tally(&summary::CLICKSTREAM, reader, cx),
            parser::IP_LOGIN => summary::import_tally(&summary::IP_LOGIN, reader, cx),
            parser::IP_STREAMING => summary::import_tally(&summary::IP_STREAMING, reader, cx),
            parser::PLAYBACK_EVENTS => summary::import_playback(reader, cx),
            other => match csv_export::by_tag(files::FILES, other).and_then(|f| f.rows.as_ref()) {
                Some(spec) => csv_export::import_rows(spec, reader, cx),
                None => Err(ParseError::Other(format!(
                    "{}: no Netflix parser named `{other}`",
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
            parser::ACCOUNT_DETAILS,
            parser::BILLING,
            parser::CLICKSTREAM,
            parser::IP_LOGIN,
            parser::IP_STREAMING,
            parser::PLAYBACK_EVENTS,
        ];
        let mut tags = std::collections::BTreeSet::new();
        for f in files::FILES {
            let tag = f.tag().expect("Netflix files are all parsed");
            assert!(tags.insert(tag), "duplicate tag {tag}");
            assert!(
                f.rows.is_some() || own.contains(&tag),
                "{tag} has no parser"
            );
        }
    }

    #[test]
    fn files_by_name_folder_and_header() {
        for (path, want) in [
            (
                "CONTENT_INTERACTION/ViewingActivity.csv",
                "netflix_viewing_activity",
            ),
            (
                "netflix-report/CONTENT_INTERACTION/PlaybackRelatedEvents.csv",
                parser::PLAYBACK_EVENTS,
            ),
            ("PAYMENT_AND_BILLING/BillingHistory.csv", parser::BILLING),
            ("IP_ADDRESSES/IpAddressesLogin.csv", parser::IP_LOGIN),
            (
                "IP_ADDRESSES/IpAddressesStreaming.csv",
                parser::IP_STREAMING,
            ),
            ("CLICKSTREAM/Clickstream.csv", parser::CLICKSTREAM),
            ("ACCOUNT/AccountDetails.csv", parser::ACCOUNT_DETAILS),
            (
                "SOCIAL_MEDIA_CONNECTIONS/SocialMediaConnections.csv",
                "netflix_social_connections",
            ),
        ] {
            assert_eq!(Netflix.classify(path), FileRole::Parse(want), "{path}");
        }
        assert!(matches!(
            Netflix.classify("Cover sheet.pdf"),
            FileRole::Skip(_)
        ));
        for (head, want) in [
            (&b"\xEF\xBB\xBFProfile Name,Start Time,Duration,Attributes,Title,Supplemental Video Type,Device Type,Bookmark,Latest Bookmark,Country\n"[..], "netflix_viewing_activity"),
            (b"Transaction Date,Description,Currency,Gross Sale Amt,Pmt Status\n", parser::BILLING),
            (b"PROFILE NAME,SOURCE,NAVIGATION LEVEL,CLICK UTC TS\n", parser::CLICKSTREAM),
        ] {
            assert_eq!(Netflix.classify_content("Verlauf.csv", head), Some(FileRole::Parse(want)));
        }
        assert_eq!(
            Netflix.classify_content("x.csv", b"id,permalink,date,subreddit\n"),
            None
        );
    }
}
