//! Facebook "Download Your Information" exports (JSON and HTML), every layout since 2018. The parsing
//! is the shared Meta core ([`super`]); this file says how to recognize a Facebook archive
//! and whose it is.

use super::{content, html, paths, profile, recognize, Platform};
use crate::archive::ArchiveView;
use crate::importer::{Descriptor, FileRole, ImportCx, Importer, ParseError, Recognition};
use std::io::Read;

pub struct Facebook;

/// Facebook, as people see it.
pub static DESCRIPTOR: Descriptor = Descriptor {
    id: "facebook",
    name: "Facebook",
    company: "Meta",
    address: "https://accountscenter.facebook.com/info_and_permissions/dyi",
    steps: &[
        "Accounts Center → Your information and permissions → Download your information.",
        "Pick your Facebook profile, “All available information”, format JSON, date range “All time”.",
        "Download the .zip files when Meta notifies you.",
    ],
    format: "facebook-…zip, in HTML or JSON (JSON keeps a few more details).",
    color: "#6c5ce7",
};

impl Importer for Facebook {
    fn descriptor(&self) -> &'static Descriptor {
        &DESCRIPTOR
    }
    fn recognize(&self, view: &ArchiveView) -> Recognition {
        let e = recognize::evidence(view.entries().iter().map(|e| e.path.as_str()));
        recognize::recognition(&e, Platform::Facebook)
    }
    fn classify(&self, path: &str) -> FileRole {
        paths::classify(path, Platform::Facebook)
    }
    fn classify_content(&self, path: &str, head: &[u8]) -> Option<FileRole> {
        content::classify(path, head, Platform::Facebook).or_else(|| html::classify_content(head))
    }
    fn account(&self, view: &ArchiveView) -> Option<String> {
        let Some(i) = view.find_suffix("profile_information.json") else {
            return html::profile::account_of_view(view, "profile_information.html", Platform::Facebook);
        };
        let head = view.read_head(i, profile::MAX_PROFILE_BYTES as usize).ok()?;
        profile::account_from_bytes(&head, Platform::Facebook)
    }
    fn import_file(
        &self,
        parser: &'static str,
        reader: &mut dyn Read,
        cx: &mut ImportCx<'_>,
    ) -> Result<(), ParseError> {
        super::import(parser, reader, cx)
    }
}
