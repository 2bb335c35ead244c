//! Ready-made archives for demos and first runs (`footprint generate`, the app's "Try with a
//! demo archive" button, scripts/start.sh): realistic but small, with the mess real exports
//! have (top folders, macOS junk, mojibake).

use crate::google::{self, TakeoutSpec};
use crate::meta::{self, FacebookSpec, InstagramSpec};
use std::io;
use std::path::{Path, PathBuf};

/// A Google Takeout; `records` scales My Activity (location points are 5x that).
pub fn google(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    let mut spec = TakeoutSpec {
        seed,
        top_folder: true,
        macos_junk: true,
        with_html: true,
        ..Default::default()
    };
    if let Some(n) = records {
        spec.activity = n;
        spec.location_points = n * 5;
    } else {
        spec.activity = 400;
        spec.location_points = 3_000;
        spec.semantic_months = 6;
        spec.chrome = 150;
        spec.installs = 25;
        spec.ads = 60;
    }
    google::generate(&spec, out)
}

/// A Facebook export (2024+ layout); `records` scales the messages.
pub fn facebook(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    let mut spec = FacebookSpec {
        seed,
        top_folder: true,
        ..Default::default()
    };
    match records {
        Some(n) => {
            spec.threads = 10.min(n.max(1));
            spec.messages_per_thread = (n / spec.threads).max(1);
        }
        None => {
            spec.threads = 8;
            spec.messages_per_thread = 40;
            spec.off_meta_companies = 40;
            spec.events_per_company = 6;
            spec.advertisers = 35;
            spec.contact_list_uploaders = 12;
            spec.connected_apps = 6;
            spec.posts = 30;
            spec.friends = 60;
        }
    }
    meta::generate_facebook(&spec, out)
}

/// An Instagram export (2025 layout); `records` scales the messages.
pub fn instagram(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    let mut spec = InstagramSpec {
        seed,
        ..Default::default()
    };
    if let Some(n) = records {
        spec.threads = 10.min(n.max(1));
        spec.messages_per_thread = (n / spec.threads).max(1);
    }
    meta::generate_instagram(&spec, out)
}

/// A generator of one platform's export: `write(out, seed, records)` writes it at `out` (a
/// zip path) and returns the paths written. `records` scales the main kind of record.
pub struct Generator {
    /// The platform id the export belongs to (the importer's descriptor id).
    pub id: &'static str,
    /// What it writes, for `footprint generate --help`.
    pub about: &'static str,
    pub write: fn(&Path, u64, Option<usize>) -> io::Result<Vec<PathBuf>>,
}

/// Every platform's generator (adding a platform is one line here). `footprint generate
/// <id>` and the end-to-end tests read this table.
pub const GENERATORS: &[Generator] = &[
    Generator { id: "google", about: "Google Takeout", write: google },
    Generator { id: "facebook", about: "Facebook (2024+ layout)", write: facebook },
    Generator { id: "instagram", about: "Instagram (2025 layout)", write: instagram },
    Generator { id: "tiktok", about: "TikTok (2024+ JSON, TikTok_Data_1709373600.zip)", write: crate::tiktok::demo },
    Generator { id: "snapchat", about: "Snapchat (2025 JSON with chat media, mydata~1709373600000.zip)", write: crate::snapchat::demo },
];

/// The generator of a platform id.
pub fn generator(id: &str) -> Option<&'static Generator> {
    GENERATORS.iter().find(|g| g.id == id)
}

/// The demo set: a Google Takeout and a Facebook export (invented people), in `dir`.
pub fn demo_set(dir: &Path, seed: u64) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut out = google(&dir.join("takeout-20250302T101500Z-001.zip"), seed, None)?;
    out.extend(facebook(&dir.join("facebook-demo-2025-03-02.zip"), seed, None)?);
    Ok(out)
}
