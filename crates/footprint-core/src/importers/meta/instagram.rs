//! Instagram "Download Your Information" exports (JSON): the 2019 (flat `profile.json`,
//! `connections.json`, `media.json`, ...), 2021 (`account_information/`,
//! `content/`), 2022 (flat `followers_and_following/`, `ads_and_topics/`) and 2024-25
//! (`your_instagram_activity/`, `connections/`) layouts. The parsing is the shared Meta core
//! ([`super`]); this file says how to recognize an Instagram archive and whose it is.

use super::{content, html, paths, profile, recognize, Platform};
use crate::archive::ArchiveView;
use crate::importer::{Descriptor, FileRole, ImportCx, Importer, ParseError, Recognition};
use std::io::Read;

pub struct Instagram;

/// Instagram, as people see it.
pub static DESCRIPTOR: Descriptor = Descriptor {
    id: "instagram",
    name: "Instagram",
    company: "Meta",
    address: "https://accountscenter.instagram.com/info_and_permissions/dyi",
    steps: &[
        "Accounts Center → Your information and permissions → Download your information.",
        "Pick your Instagram profile, “All available information”, format JSON, date range “All time”.",
        "Download the .zip files when Meta notifies you.",
    ],
    format: "instagram-…zip, in HTML or JSON (JSON keeps a few more details).",
    color: "#d63384",
};

impl Importer for Instagram {
    fn descriptor(&self) -> &'static Descriptor {
        &DESCRIPTOR
    }
    fn recognize(&self, view: &ArchiveView) -> Recognition {
        let e = recognize::evidence(view.entries().iter().map(|e| e.path.as_str()));
        recognize::recognition(&e, Platform::Instagram)
    }
    fn classify(&self, path: &str) -> FileRole {
        paths::classify(path, Platform::Instagram)
    }
    fn classify_content(&self, path: &str, head: &[u8]) -> Option<FileRole> {
        content::classify(path, head, Platform::Instagram).or_else(|| html::classify_content(head))
    }
    fn account(&self, view: &ArchiveView) -> Option<String> {
        // 2019 and earlier: a flat `profile.json` at the top; HTML exports: the profile page.
        let Some(i) = view
            .find_suffix("personal_information.json")
            .or_else(|| view.find_suffix("profile.json"))
        else {
            return html::profile::account_of_view(view, "personal_information.html", Platform::Instagram);
        };
        let head = view.read_head(i, profile::MAX_PROFILE_BYTES as usize).ok()?;
        profile::account_from_bytes(&head, Platform::Instagram)
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
