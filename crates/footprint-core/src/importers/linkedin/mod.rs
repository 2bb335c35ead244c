//! LinkedIn "Get a copy of your data": the basic and the complete export
//! (`Basic_LinkedInDataExport_MM-DD-YYYY.zip`, `Complete_LinkedInDataExport_…zip`), flat CSV
//! files at the root or in one folder, a few in `Jobs/` and `Verifications/`.
//!
//! - [`files`]: every known file, by name and by header, and how its rows become records,
//! - [`profile`]: the owner's name, e-mail addresses, phone numbers; the account,
//! - [`ads`]: `Ad_Targeting.csv`, `Inferences_about_you.csv`, `LAN Ads Engagement.csv`.
//!
//! Quirks handled by the shared CSV readers: a UTF-8 BOM, the `Notes:` preamble of
//! `Connections.csv`, duplicate column names in `Ad_Targeting.csv`, multi-line quoted
//! message contents, dates as `15 Mar 2009`, `2025/10/09`, `2024-01-15 14:30:00 UTC` and
//! `1/13/24, 9:47 PM`.

pub mod ads;
pub mod files;
pub mod profile;

use crate::archive::ArchiveView;
use crate::formats::csv_export::{self, csv_stem};
use crate::importer::{Descriptor, FileRole, ImportCx, Importer, ParseError, Recognition};
use std::io::Read;

pub struct LinkedIn;

/// Parser tags of the files with their own parsers (the others are named in [`files`]).
pub mod parser {
    pub const PROFILE: &str = "linkedin_profile";
    pub const EMAILS: &str = "linkedin_email_addresses";
    pub const PHONES: &str = "linkedin_phone_numbers";
    pub const AD_TARGETING: &str = "linkedin_ad_targeting";
    pub const INFERENCES: &str = "linkedin_inferences";
    pub const LAN_ADS: &str = "linkedin_lan_ads_engagement";
}

/// LinkedIn, as people see it.
pub static DESCRIPTOR: Descriptor = Descriptor {
    id: "linkedin",
    name: "LinkedIn",
    company: "LinkedIn",
    address: "https://www.linkedin.com/mypreferences/d/download-my-data",
    steps: &[
        "Click your photo (Me) → Settings & Privacy → Data privacy → Get a copy of your data.",
        "Choose “Download larger data archive” to get everything (or tick the files you want), then Request archive and enter your password.",
        "LinkedIn e-mails you when it is ready: the basic archive within minutes, the complete one within about 24 hours. Download the zip from the same page.",
    ],
    format: "Basic_LinkedInDataExport_…zip or Complete_LinkedInDataExport_…zip (CSV files; the complete one has everything).",
    color: "#0a66c2",
};

impl Importer for LinkedIn {
    fn descriptor(&self) -> &'static Descriptor {
        &DESCRIPTOR
    }

    fn recognize(&self, view: &ArchiveView) -> Recognition {
        let by_files = csv_export::recognize(view, files::MARKERS, "LinkedIn");
        // The zip's own name is a marker too: LinkedIn names it `…_LinkedInDataExport_…`.
        let named = view.sources().iter().any(|p| {
            p.file_name().is_some_and(|n| {
                n.to_string_lossy()
                    .to_ascii_lowercase()
                    .contains("linkedindataexport")
            })
        });
        match (by_files.confidence > 0.0, named) {
            (_, false) => by_files,
            (true, true) => Recognition::yes(
                1.0,
                format!("{}, in a LinkedInDataExport archive", by_files.reason),
            ),
            (false, true) => Recognition::yes(0.95, "the archive is named …LinkedInDataExport…"),
        }
    }

    fn classify(&self, path: &str) -> FileRole {
        csv_export::classify(files::FILES, path)
    }

    fn classify_content(&self, path: &str, head: &[u8]) -> Option<FileRole> {
        csv_export::classify_content(files::FILES, path, head)
    }

    fn account(&self, view: &ArchiveView) -> Option<String> {
        let i = view
            .entries()
            .iter()
            .position(|e| csv_stem(&e.path).as_deref() == Some("emailaddresses"))?;
        let head = view.read_head(i, profile::MAX_ACCOUNT_BYTES).ok()?;
        profile::account_from_emails(&head)
    }

    fn import_file(
        &self,
        tag: &'static str,
        reader: &mut dyn Read,
        cx: &mut ImportCx<'_>,
    ) -> Result<(), ParseError> {
        match tag {
            parser::PROFILE => profile::parse_profile(reader, cx),
            parser::AD_TARGETING => ads::parse_ad_targeting(reader, cx),
            parser::INFERENCES => ads::parse_inferences(reader, cx),
            parser::LAN_ADS => ads::parse_lan_ads(reader, cx),
            other => match csv_export::by_tag(files::FILES, other).and_then(|f| f.rows.as_ref()) {
                Some(spec) => csv_export::import_rows(spec, reader, cx),
                None => Err(ParseError::Other(format!(
                    "{}: no LinkedIn parser named `{other}`",
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
        let mut tags = std::collections::BTreeSet::new();
        for f in files::FILES {
            let tag = f.tag().expect("LinkedIn files are all parsed");
            assert!(tags.insert(tag), "duplicate tag {tag}");
            let own = [
                parser::PROFILE,
                parser::EMAILS,
                parser::PHONES,
                parser::AD_TARGETING,
                parser::INFERENCES,
                parser::LAN_ADS,
            ];
            assert!(
                f.rows.is_some() || own.contains(&tag),
                "{tag} has no parser"
            );
        }
    }

    #[test]
    fn files_by_name_folder_and_header() {
        for (path, want) in [
            ("Connections.csv", "linkedin_connections"),
            (
                "Complete_LinkedInDataExport_03-02-2024/Email Addresses.csv",
                parser::EMAILS,
            ),
            ("Jobs/Job Applications.csv", "linkedin_job_applications"),
            ("Jobs/Job Applications_1.csv", "linkedin_job_applications"),
            ("LAN Ads Engagement.csv", parser::LAN_ADS),
            ("Receipts_v2.csv", "linkedin_receipts"),
            ("Verifications/Verifications.csv", "linkedin_verifications"),
        ] {
            assert_eq!(LinkedIn.classify(path), FileRole::Parse(want), "{path}");
        }
        assert_eq!(
            LinkedIn.classify("Articles/Articles/post.html"),
            FileRole::Unknown
        );
        let notes = b"Notes:\n\"When exporting your connection data, you may notice...\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
        assert_eq!(
            LinkedIn.classify_content("Verbindungen.csv", notes),
            Some(FileRole::Parse("linkedin_connections"))
        );
        assert_eq!(
            LinkedIn.classify_content("x.csv", b"id,permalink,date,subreddit\n"),
            None
        );
    }
}
