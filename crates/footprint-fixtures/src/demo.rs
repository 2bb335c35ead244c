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
        spec.purchases = 24;
    }
    google::generate(&spec, out)
}

/// A Facebook export (2024+ layout); `records` scales the messages.
pub fn facebook(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    meta::generate_facebook(&facebook_spec(seed, records), out)
}

/// A later download of the same person's Facebook export ([`facebook`]): made on `made`,
/// without the companies in `without` (as after they erased the person's data).
pub fn facebook_later(
    out: &Path,
    seed: u64,
    records: Option<usize>,
    made: chrono::NaiveDate,
    without: Vec<String>,
) -> io::Result<Vec<PathBuf>> {
    let spec = FacebookSpec {
        made: Some(made),
        without,
        ..facebook_spec(seed, records)
    };
    meta::generate_facebook(&spec, out)
}

fn facebook_spec(seed: u64, records: Option<usize>) -> FacebookSpec {
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
    spec
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

/// A LinkedIn complete export in a folder named like its zip; `records` scales connections
/// and messages.
pub fn linkedin(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    let mut spec = crate::linkedin::LinkedInSpec {
        seed,
        layout: crate::linkedin::LiLayout::Folder,
        bom: true,
        ..Default::default()
    };
    let n = records.unwrap_or(150);
    spec.connections = n;
    spec.messages = n;
    crate::linkedin::generate(&spec, out)
}

/// A Reddit data request export (newer message files); `records` scales comments and votes.
pub fn reddit(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    let n = records.unwrap_or(200);
    let spec = crate::reddit::RedditSpec {
        seed,
        comments: n,
        post_votes: n,
        comment_votes: n,
        posts: n / 5 + 1,
        ..Default::default()
    };
    crate::reddit::generate(&spec, out)
}

/// A Discord package (2024 layout); `records` scales the analytics events (about 600 bytes
/// each: 1,700,000 make a 1 GB file).
pub fn discord(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    let mut spec = crate::discord::DiscordSpec {
        seed,
        top_folder: true,
        ..Default::default()
    };
    if let Some(n) = records {
        spec.events = n;
    } else {
        spec.channels = 8;
        spec.messages_per_channel = 40;
        spec.connections = 7;
        spec.events = 3_000;
    }
    crate::discord::generate(&spec, out)
}

/// A WhatsApp chat as the iPhone exports it (`WhatsApp Chat - NAME.zip`); `records` scales
/// the messages.
pub fn whatsapp(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    let spec = crate::whatsapp::WhatsAppSpec {
        seed,
        group: true,
        messages_per_chat: records.unwrap_or(300),
        ..Default::default()
    };
    crate::whatsapp::generate(&spec, out)
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
    Generator {
        id: "google",
        about: "Google Takeout",
        write: google,
    },
    Generator {
        id: "facebook",
        about: "Facebook (2024+ layout)",
        write: facebook,
    },
    Generator {
        id: "instagram",
        about: "Instagram (2025 layout)",
        write: instagram,
    },
    Generator {
        id: "x",
        about: "X / Twitter (2024 layout)",
        write: crate::x::demo,
    },
    Generator {
        id: "linkedin",
        about: "LinkedIn (complete export, CSV)",
        write: linkedin,
    },
    Generator {
        id: "reddit",
        about: "Reddit (data request, CSV)",
        write: reddit,
    },
    Generator {
        id: "discord",
        about: "Discord data package (2024 layout)",
        write: discord,
    },
    Generator {
        id: "whatsapp",
        about: "WhatsApp chat export (iPhone zip)",
        write: whatsapp,
    },
    Generator {
        id: "tiktok",
        about: "TikTok (2024+ JSON, TikTok_Data_1709373600.zip)",
        write: crate::tiktok::demo,
    },
    Generator {
        id: "snapchat",
        about: "Snapchat (2025 JSON with chat media, mydata~1709373600000.zip)",
        write: crate::snapchat::demo,
    },
    Generator {
        id: "spotify",
        about: "Spotify (account data 2024, my_spotify_data.zip)",
        write: crate::spotify::demo,
    },
    Generator {
        id: "amazon",
        about: "Amazon (Request my data: several zips in one folder, CSV)",
        write: crate::amazon::demo,
    },
    Generator {
        id: "apple",
        about: "Apple (privacy.apple.com: several zips, one nested, in one folder)",
        write: crate::apple::demo,
    },
    Generator {
        id: "netflix",
        about: "Netflix (personal information report 2024, netflix-report.zip)",
        write: crate::netflix::demo,
    },
    Generator {
        id: "uber",
        about: "Uber (Download your data: Uber Data folder, CSV)",
        write: crate::uber::demo,
    },
];

/// The generator of a platform id.
pub fn generator(id: &str) -> Option<&'static Generator> {
    GENERATORS.iter().find(|g| g.id == id)
}

/// An older generation or a messy variant of a platform's export (`facebook-2018`):
/// `footprint generate <id>` writes it and the golden tests import it, but it is not part of
/// the demo set, which holds each platform's current layout only.
pub struct Variant {
    /// `<platform>-<variant>`: the platform id, a dash, what differs.
    pub id: &'static str,
    /// The platform id the export is detected as.
    pub platform: &'static str,
    pub about: &'static str,
    pub write: fn(&Path, u64, Option<usize>) -> io::Result<Vec<PathBuf>>,
}

/// A Facebook export of an older generation, sized like the default spec.
fn facebook_generation(out: &Path, seed: u64, records: Option<usize>, generation: meta::FbGen, renamed: bool) -> io::Result<Vec<PathBuf>> {
    let mut spec = FacebookSpec { seed, generation, renamed, top_folder: true, ..Default::default() };
    if let Some(n) = records {
        spec.threads = 10.min(n.max(1));
        spec.messages_per_thread = (n / spec.threads).max(1);
    }
    meta::generate_facebook(&spec, out)
}

/// An Instagram export of an older generation, sized like the default spec.
fn instagram_generation(out: &Path, seed: u64, records: Option<usize>, generation: meta::IgGen, renamed: bool) -> io::Result<Vec<PathBuf>> {
    let mut spec = InstagramSpec { seed, generation, renamed, top_folder: true, ..Default::default() };
    if let Some(n) = records {
        spec.threads = 10.min(n.max(1));
        spec.messages_per_thread = (n / spec.threads).max(1);
    }
    meta::generate_instagram(&spec, out)
}

/// Every variant (adding one is one entry here).
pub const VARIANTS: &[Variant] = &[
    Variant {
        id: "facebook-2018",
        platform: "facebook",
        about: "Facebook, the 2018 layout (ads/, no _v2 keys)",
        write: |o, s, r| facebook_generation(o, s, r, meta::FbGen::Y2018, false),
    },
    Variant {
        id: "facebook-2020",
        platform: "facebook",
        about: "Facebook, the 2020 layout (ads_and_businesses/, apps_and_websites.json)",
        write: |o, s, r| facebook_generation(o, s, r, meta::FbGen::Y2020, false),
    },
    Variant {
        id: "facebook-2020-renamed",
        platform: "facebook",
        about: "Facebook 2020 with third-party files under unexpected names",
        write: |o, s, r| facebook_generation(o, s, r, meta::FbGen::Y2020, true),
    },
    Variant {
        id: "facebook-2022-renamed",
        platform: "facebook",
        about: "Facebook 2022 with third-party files under unexpected names",
        write: |o, s, r| facebook_generation(o, s, r, meta::FbGen::Y2022, true),
    },
    Variant {
        id: "instagram-2019",
        platform: "instagram",
        about: "Instagram, the flat 2019 download (connections.json, media.json, ...)",
        write: |o, s, r| instagram_generation(o, s, r, meta::IgGen::Y2019, false),
    },
    Variant {
        id: "instagram-2019-renamed",
        platform: "instagram",
        about: "Instagram 2019 with seen_content.json under another name",
        write: |o, s, r| instagram_generation(o, s, r, meta::IgGen::Y2019, true),
    },
    Variant {
        id: "instagram-2022-renamed",
        platform: "instagram",
        about: "Instagram 2022 with third-party files under unexpected names",
        write: |o, s, r| instagram_generation(o, s, r, meta::IgGen::Y2022, true),
    },
];

/// The variant of an id (`facebook-2018`).
pub fn variant(id: &str) -> Option<&'static Variant> {
    VARIANTS.iter().find(|v| v.id == id)
}

/// The file name of a platform's demo export, in the platform's own naming, dated like the
/// entries inside it (the writer stamps every entry 2024-03-02 10:00 UTC).
fn demo_file_name(id: &str) -> String {
    match id {
        "google" => "takeout-20240302T100000Z-001.zip".to_string(),
        other => format!("{other}-demo-2024-03-02.zip"),
    }
}

/// The demo set, in `dir`: one export per platform that has a generator, all of ONE
/// invented person (one seed: one [`crate::Persona`]) who meets the same advertisers on
/// several platforms. Each export carries the demo marker, so Footprint labels it as demo
/// data and removes it with one button.
pub fn demo_set(dir: &Path, seed: u64) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut out = Vec::new();
    for g in GENERATORS {
        let written = (g.write)(&dir.join(demo_file_name(g.id)), seed, None)?;
        crate::archive_writer::mark_demo(&written)?;
        out.extend(written);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file under `paths` (files, or folders walked in name order) with its bytes,
    /// relative to its own root.
    fn contents(paths: &[PathBuf]) -> Vec<(String, Vec<u8>)> {
        fn walk(root: &Path, p: &Path, out: &mut Vec<(String, Vec<u8>)>) {
            if p.is_dir() {
                let mut children: Vec<PathBuf> = std::fs::read_dir(p)
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .collect();
                children.sort();
                for c in children {
                    walk(root, &c, out);
                }
            } else {
                let rel = p.strip_prefix(root).unwrap_or(p).display().to_string();
                out.push((rel, std::fs::read(p).unwrap()));
            }
        }
        let mut out = Vec::new();
        for p in paths {
            let root = if p.is_dir() {
                p.as_path()
            } else {
                p.parent().unwrap()
            };
            walk(root, p, &mut out);
        }
        out
    }

    #[test]
    fn variants_are_named_after_their_platform() {
        for v in VARIANTS {
            assert!(generator(v.platform).is_some(), "{}: no platform {}", v.id, v.platform);
            assert!(v.id.starts_with(&format!("{}-", v.platform)), "{}", v.id);
            assert!(generator(v.id).is_none() && variant(v.id).is_some(), "{}", v.id);
        }
    }

    /// Same seed, same bytes, for every platform's generator (one test for the whole table).
    #[test]
    fn every_generator_is_deterministic() {
        let dir = tempfile::tempdir().unwrap();
        for run in ["a", "b"] {
            std::fs::create_dir(dir.path().join(run)).unwrap();
        }
        let all = GENERATORS.iter().map(|g| (g.id, g.write)).chain(VARIANTS.iter().map(|v| (v.id, v.write)));
        for (id, write) in all {
            let a = write(&dir.path().join("a").join(format!("{id}.zip")), 3, None).unwrap();
            let b = write(&dir.path().join("b").join(format!("{id}.zip")), 3, None).unwrap();
            let (ca, cb) = (contents(&a), contents(&b));
            assert!(!ca.is_empty(), "{} wrote nothing", id);
            assert_eq!(ca.len(), cb.len(), "{}", id);
            for ((na, ba), (nb, bb)) in ca.iter().zip(&cb) {
                assert_eq!(na, nb, "{}", id);
                assert!(
                    ba == bb,
                    "{}: {na} differs between two runs with one seed",
                    id
                );
            }
        }
    }
}
