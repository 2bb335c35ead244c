//! The static list of importers and auto-detection.

use crate::archive::ArchiveView;
use crate::importer::{Descriptor, Importer, Recognition};
use serde::Serialize;

/// Every importer, in one place (adding a platform is one line here).
pub fn importers() -> &'static [&'static dyn Importer] {
    &[
        &crate::importers::google::Google,
        &crate::importers::meta::facebook::Facebook,
        &crate::importers::meta::instagram::Instagram,
        &crate::importers::x::X,
        &crate::importers::linkedin::LinkedIn,
        &crate::importers::reddit::Reddit,
        &crate::importers::discord::Discord,
        &crate::importers::whatsapp::WhatsApp,
        &crate::importers::tiktok::TikTok,
        &crate::importers::snapchat::Snapchat,
        &crate::importers::spotify::Spotify,
        &crate::importers::amazon::Amazon,
        &crate::importers::apple::Apple,
        &crate::importers::netflix::Netflix,
        &crate::importers::uber::Uber,
    ]
}

pub fn by_id(id: &str) -> Option<&'static dyn Importer> {
    importers().iter().copied().find(|i| i.id() == id)
}

/// Every platform's descriptor, in registry order (what the UI and the CLI show).
pub fn descriptors() -> impl Iterator<Item = &'static Descriptor> {
    importers().iter().map(|i| i.descriptor())
}

/// The descriptor of a platform id, if registered.
pub fn descriptor(id: &str) -> Option<&'static Descriptor> {
    by_id(id).map(|i| i.descriptor())
}

/// "Google Takeout, Facebook, Instagram and X (Twitter)": for messages that list what
/// Footprint knows.
pub fn known_names() -> String {
    let names: Vec<&str> = descriptors().map(|d| d.name).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// One importer's answer.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub importer: &'static str,
    pub name: &'static str,
    pub recognition: Recognition,
}

/// The outcome of auto-detection.
#[derive(Debug, Clone, Serialize)]
pub enum Detection {
    /// One importer is clearly best.
    Found(Candidate),
    /// Several importers are equally sure: the user must choose (`--platform`).
    Tie(Vec<Candidate>),
    /// No importer recognizes the archive.
    Unknown,
}

/// Ask every importer; the most confident wins; equal best confidences are a tie.
pub fn detect(view: &ArchiveView) -> Detection {
    let mut cands: Vec<Candidate> = importers()
        .iter()
        .map(|i| Candidate {
            importer: i.id(),
            name: i.name(),
            recognition: i.recognize(view),
        })
        .filter(|c| c.recognition.confidence > 0.0)
        .collect();
    cands.sort_by(|a, b| b.recognition.confidence.total_cmp(&a.recognition.confidence));
    match cands.len() {
        0 => Detection::Unknown,
        1 => Detection::Found(cands.remove(0)),
        _ => {
            let best = cands[0].recognition.confidence;
            let tied: Vec<Candidate> = cands
                .into_iter()
                .filter(|c| (c.recognition.confidence - best).abs() < 1e-6)
                .collect();
            if tied.len() == 1 {
                Detection::Found(tied.into_iter().next().unwrap())
            } else {
                Detection::Tie(tied)
            }
        }
    }
}
