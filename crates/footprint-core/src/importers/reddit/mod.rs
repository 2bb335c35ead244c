//! Reddit data request exports: one zip of ~38 flat CSV files (`comments.csv`, `posts.csv`,
//! `messages.csv` or `messages_archive.csv`, votes, saved items, subscriptions, IP logs,
//! account statistics, linked identities, payment and verification providers, ...), each
//! with a UTF-8 BOM, dates as `2025-05-18 04:35:32 UTC`, big files split into numbered
//! parts (`post_votes_1.csv`).
//!
//! - [`files`]: every known file, by name and by header, and how its rows become records,
//! - [`identity`]: statistics (username, e-mail: the account), birth date, phone, and the
//!   identity providers of `linked_identities.csv`.
//!
//! Third parties: the sign-in providers (`linked_identities.csv`, Google and Apple:
//! `connected_app`), Persona (`persona.csv`, identity verification: `data_partner`), Stripe
//! (`stripe.csv`, the linked payments account: `connected_app`), X (`twitter.csv`:
//! `connected_app`) and the payment processors of `purchases.csv`/`subscriptions.csv`.

pub mod files;
pub mod identity;

use crate::archive::ArchiveView;
use crate::formats::csv_export::{self, csv_stem};
use crate::importer::{Descriptor, FileRole, ImportCx, Importer, ParseError, Recognition};
use std::io::Read;

pub struct Reddit;

/// Parser tags of the files with their own parsers (the others are named in [`files`]).
pub mod parser {
    pub const STATISTICS: &str = "reddit_statistics";
    pub const BIRTHDATE: &str = "reddit_birthdate";
    pub const PHONE: &str = "reddit_phone_number";
    pub const LINKED_IDENTITIES: &str = "reddit_linked_identities";
}

/// Reddit, as people see it.
pub static DESCRIPTOR: Descriptor = Descriptor {
    id: "reddit",
    name: "Reddit",
    company: "Reddit",
    address: "https://www.reddit.com/settings/data-request",
    steps: &[
        "Log in to reddit.com in a browser and open Settings → Privacy → “Request your data” (reddit.com/settings/data-request).",
        "Pick the law that applies to you (GDPR in Europe, CCPA in California, or “other”), the time range “All time”, and submit the request.",
        "Reddit sends you a private message with a download link (it can take up to 30 days; the link expires). Download the zip.",
    ],
    format: "One .zip of CSV files (comments.csv, posts.csv, messages.csv, ...).",
    color: "#ff4500",
};

impl Importer for Reddit {
    fn descriptor(&self) -> &'static Descriptor {
        &DESCRIPTOR
    }

    fn recognize(&self, view: &ArchiveView) -> Recognition {
        csv_export::recognize(view, files::MARKERS, "Reddit")
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
            .position(|e| csv_stem(&e.path).as_deref() == Some("statistics"))?;
        let head = view.read_head(i, identity::MAX_ACCOUNT_BYTES).ok()?;
        identity::account_from_statistics(&head)
    }

    fn import_file(
        &self,
        tag: &'static str,
        reader: &mut dyn Read,
        cx: &mut ImportCx<'_>,
    ) -> Result<(), ParseError> {
        match tag {
            parser::STATISTICS => identity::parse_statistics(reader, cx),
            parser::LINKED_IDENTITIES => identity::parse_linked_identities(reader, cx),
            other => match csv_export::by_tag(files::FILES, other).and_then(|f| f.rows.as_ref()) {
                Some(spec) => csv_export::import_rows(spec, reader, cx),
                None => Err(ParseError::Other(format!(
                    "{}: no Reddit parser named `{other}`",
                    cx.file
                ))),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::importers::linkedin::LinkedIn;

    #[test]
    fn every_parsed_file_has_a_parser_and_tags_are_unique() {
        let own = [
            parser::STATISTICS,
            parser::BIRTHDATE,
            parser::PHONE,
            parser::LINKED_IDENTITIES,
        ];
        let mut tags = std::collections::BTreeSet::new();
        for f in files::FILES {
            if let Some(tag) = f.tag() {
                assert!(tags.insert(tag), "duplicate tag {tag}");
                assert!(
                    f.rows.is_some() || own.contains(&tag),
                    "{tag} has no parser"
                );
            }
        }
    }

    #[test]
    fn files_by_name_part_and_header() {
        for (path, want) in [
            ("comments.csv", FileRole::Parse("reddit_comments")),
            (
                "export_sam/post_votes_2.csv",
                FileRole::Parse("reddit_post_votes"),
            ),
            ("messages_archive.csv", FileRole::Parse("reddit_messages")),
            (
                "messages_archive_headers.csv",
                FileRole::Skip("the same rows as the full file, without the bodies"),
            ),
            (
                "linked_identities.csv",
                FileRole::Parse(parser::LINKED_IDENTITIES),
            ),
            (
                "checkfile.csv",
                FileRole::Skip("checksums of the archive's files, not data about you"),
            ),
        ] {
            assert_eq!(Reddit.classify(path), want, "{path}");
        }
        for (head, want) in [
            (
                &b"\xEF\xBB\xBFid,permalink,date,ip,subreddit,gildings,title,url,body\n"[..],
                "reddit_posts",
            ),
            (
                b"id,permalink,date,ip,subreddit,gildings,link,parent,body,media\n",
                "reddit_comments",
            ),
            (
                b"id,permalink,thread_id,date,ip,from,to,subject,body\n",
                "reddit_messages",
            ),
            (b"issuer_id,subject_id\n", parser::LINKED_IDENTITIES),
        ] {
            assert_eq!(
                Reddit.classify_content("beitraege.csv", head),
                Some(FileRole::Parse(want))
            );
        }
        // LinkedIn's messages.csv is LinkedIn's, by its header: neither importer claims the other's.
        let li = b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n";
        assert_eq!(Reddit.classify_content("m.csv", li), None);
        assert_eq!(
            LinkedIn.classify_content(
                "m.csv",
                b"id,permalink,thread_id,date,ip,from,to,subject,body\n"
            ),
            None
        );
    }
}
