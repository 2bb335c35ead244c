//! Snapchat "My Data" archives (`mydata~<ms>.zip`): `json/*.json` per generation, the `html/`
//! variant with `index.html` (which Footprint recognizes and skips), and `chat_media/` files.
//!
//! - [`SnapGen::Y2022`]: chats and snaps in `Received/Sent Saved Chat History` and
//!   `Received/Sent Snap History` sections.
//! - [`SnapGen::Y2025`]: one list per conversation (`{"<friend>": [{From, Media Type, Created,
//!   Content, Conversation Title, IsSender, Created(microseconds)}]}`), `Off-Platform Sharing`,
//!   `connected_apps.json > Permissions`.
//! - [`SnapGen::Html`]: `html/` only.
//!
//! Third parties come from [`names::company`]: advertisers from 7 (Nike, Adidas... as on
//! TikTok), web interactions as the domains of the companies from 10 (`booking.com`,
//! `expedia.com`), app interactions from 41 (Duolingo, Tinder...), connected apps from 46.
//! Dates are before the archive's 2024-03-02 stamp, written `YYYY-MM-DD HH:MM:SS UTC`.

use crate::names;
use crate::{ArchiveWriter, Container, Persona, Rng};
use serde_json::{json, Map, Value};
use std::io;
use std::path::{Path, PathBuf};

/// Export generations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnapGen {
    Y2022,
    Y2025,
    Html,
}

/// What a generated Snapchat export holds.
#[derive(Debug, Clone)]
pub struct SnapchatSpec {
    pub seed: u64,
    pub generation: SnapGen,
    pub friends: usize,
    pub chats: usize,
    pub messages_per_chat: usize,
    pub snaps: usize,
    pub logins: usize,
    pub location_points: usize,
    pub areas: usize,
    pub ad_advertisers: usize,
    pub web_interactions: usize,
    pub app_interactions: usize,
    pub connected_apps: usize,
    pub interests: usize,
    pub memories: usize,
    pub purchases: usize,
    /// Put everything under `mydata~1709373600000/`.
    pub top_folder: bool,
    /// Also write the `html/` pages (both formats ticked).
    pub with_html: bool,
    /// Add `chat_media/` files.
    pub media: bool,
    /// A UTF-8 BOM before every JSON file.
    pub bom: bool,
    /// Messy content: null lists, a number among the friends, an unreadable date, a location point
    /// without coordinates, a zero-byte `json/support_note.json`.
    pub messy: bool,
    /// Cut `json/location_history.json` at 60% of its length.
    pub truncated: bool,
    pub macos_junk: bool,
    pub container: Container,
}

impl Default for SnapchatSpec {
    fn default() -> Self {
        SnapchatSpec {
            seed: 1,
            generation: SnapGen::Y2025,
            friends: 8,
            chats: 3,
            messages_per_chat: 5,
            snaps: 6,
            logins: 5,
            location_points: 20,
            areas: 3,
            ad_advertisers: 4,
            web_interactions: 3,
            app_interactions: 2,
            connected_apps: 2,
            interests: 5,
            memories: 3,
            purchases: 1,
            top_folder: false,
            with_html: false,
            media: false,
            bom: false,
            messy: false,
            truncated: false,
            macos_junk: false,
            container: Container::Zip,
        }
    }
}

/// The archive's export instant (the ArchiveWriter's 2024-03-02 10:00 UTC stamp), seconds.
pub const EXPORT_SECS: i64 = 1_709_373_600;
/// `mydata~<export ms>`: the zip and top-folder name of a generated export.
pub const ARCHIVE_STEM: &str = "mydata~1709373600000";

pub const ADVERTISER_BASE: usize = 7;
pub const WEB_BASE: usize = 10;
pub const APP_BASE: usize = 41;
pub const CONNECTED_BASE: usize = 46;

const INTERESTS: &[&str] = &[
    "Sports Fans",
    "Travel Enthusiasts",
    "Foodies",
    "Fashion & Style Gurus",
    "Gamers",
    "Beauty Mavens",
    "Music Lovers",
];

/// `Booking.com` -> `booking.com`, `Expedia` -> `expedia.com`.
pub fn domain(company: &str) -> String {
    if company.contains('.') {
        company.to_lowercase()
    } else {
        format!("{}.com", crate::persona::slug(company))
    }
}

/// The advertisers of `Ads You Interacted With` (one interaction each).
pub fn ad_advertisers(spec: &SnapchatSpec) -> Vec<String> {
    (0..spec.ad_advertisers)
        .map(|i| names::company(ADVERTISER_BASE + i))
        .collect()
}

/// The domains of `Web Interactions`.
pub fn web_interactions(spec: &SnapchatSpec) -> Vec<String> {
    (0..spec.web_interactions)
        .map(|i| domain(&names::company(WEB_BASE + i)))
        .collect()
}

/// The apps of `App Interactions`.
pub fn app_interactions(spec: &SnapchatSpec) -> Vec<String> {
    (0..spec.app_interactions)
        .map(|i| names::company(APP_BASE + i))
        .collect()
}

/// The apps of `connected_apps.json` (two permissions each in 2025, one before).
pub fn connected_apps(spec: &SnapchatSpec) -> Vec<String> {
    (0..spec.connected_apps)
        .map(|i| names::company(CONNECTED_BASE + i))
        .collect()
}

/// Permissions per connected app in a generation.
pub fn permissions_per_app(generation: SnapGen) -> usize {
    if generation == SnapGen::Y2025 {
        2
    } else {
        1
    }
}

/// Write the export at `out` and return the paths written.
pub fn generate(spec: &SnapchatSpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    let mut w = ArchiveWriter::new(out, spec.container)?.macos_junk(spec.macos_junk);
    if spec.top_folder {
        w = w.top_folder(ARCHIVE_STEM);
    }
    let files = json_files(spec);
    if spec.generation != SnapGen::Html {
        for (name, v) in &files {
            let mut bytes = Vec::new();
            if spec.bom {
                bytes.extend_from_slice(b"\xEF\xBB\xBF");
            }
            bytes.extend(serde_json::to_vec_pretty(v).expect("a JSON value always serializes"));
            if spec.truncated && *name == "location_history" {
                bytes.truncate(bytes.len() * 6 / 10);
            }
            w.add(&format!("json/{name}.json"), &bytes)?;
        }
        if spec.messy {
            w.add("json/support_note.json", b"")?;
        }
    }
    if spec.generation == SnapGen::Html || spec.with_html {
        w.add("index.html", b"<html><body><h1>My Data</h1></body></html>")?;
        for (name, _) in &files {
            let page = format!("<html><body><h1>{name}</h1><table></table></body></html>");
            w.add(&format!("html/{name}.html"), page.as_bytes())?;
        }
    }
    if spec.media {
        w.add(
            "chat_media/2024-02-20_b~EiQSFWFYRmhrc1dlY2Z.jpg",
            b"\xFF\xD8\xFF\xE0 not really a jpeg",
        )?;
        w.add(
            "chat_media/2024-02-21_b~EiQSFWFYRmhrc1dlY2Y.mp4",
            b"\x00\x00\x00\x18ftypmp42",
        )?;
    }
    w.finish()
}

/// The demo export (2025 JSON with media in `mydata~1709373600000.zip`); `records` scales the
/// chats.
pub fn demo(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    let mut spec = SnapchatSpec {
        seed,
        top_folder: true,
        media: true,
        ..Default::default()
    };
    match records {
        Some(n) => {
            spec.chats = 10.min(n.max(1));
            spec.messages_per_chat = (n / spec.chats).max(1);
        }
        None => {
            spec.friends = 40;
            spec.chats = 8;
            spec.messages_per_chat = 25;
            spec.location_points = 300;
            spec.ad_advertisers = 15;
            spec.web_interactions = 12;
            spec.app_interactions = 5;
        }
    }
    generate(&spec, out)
}

/// A date `n` steps of `step_secs` before the export, as Snapchat writes it.
fn date(rng: &mut Rng, n: usize, step_secs: i64) -> String {
    let t = secs(rng, n, step_secs);
    chrono::DateTime::from_timestamp(t, 0)
        .expect("in range")
        .format("%Y-%m-%d %H:%M:%S UTC")
        .to_string()
}

fn secs(rng: &mut Rng, n: usize, step_secs: i64) -> i64 {
    EXPORT_SECS - 3_600 - n as i64 * step_secs - rng.range_i64(0, step_secs.max(2))
}

fn handle(rng: &mut Rng, i: usize) -> String {
    let first = rng.pick(names::FIRST).to_string();
    let last = rng.pick(names::LAST).to_string();
    format!(
        "{}{}{i}",
        crate::persona::slug(&first),
        crate::persona::slug(&last)
    )
}

/// `list` or, in messy exports, `null` when it is empty.
fn list_or_null(spec: &SnapchatSpec, items: Vec<Value>) -> Value {
    if items.is_empty() && spec.messy {
        Value::Null
    } else {
        Value::Array(items)
    }
}

/// Every JSON file of the export, by base name, in the order Snapchat lists them.
fn json_files(spec: &SnapchatSpec) -> Vec<(&'static str, Value)> {
    let g = spec.generation;
    let p = Persona::for_seed(spec.seed);
    let mut rng = Rng::new(spec.seed ^ 0x5_7A9C);
    let friends: Vec<String> = (0..spec.friends.max(spec.chats))
        .map(|i| handle(&mut rng, i))
        .collect();

    let logins: Vec<Value> = (0..spec.logins)
        .map(|i| json!({"IP": format!("198.51.100.{}", 1 + rng.below(250)), "Country": "FR", "Created": date(&mut rng, i, 2 * 86_400), "Status": "success", "Device": "iPhone15,2"}))
        .collect();
    let account = json!({
        "Basic Information": {"Username": p.username, "Name": p.name, "Creation Date": "2016-05-04 12:00:00 UTC", "Registration IP": "198.51.100.7", "Country": "FR"},
        "Device Information": {"Make": "Apple", "Model ID": "iPhone15,2", "Model Name": "iPhone 14 Pro", "Language": "fr", "OS Type": "iOS"},
        "Device History": [{"Make": "Apple", "Model": "iPhone15,2", "Start Time": date(&mut rng, 200, 86_400), "Device Type": "PHONE"}],
        "Login History": logins,
    });
    let account_history = json!({
        "Display Name Change": [{"Date": date(&mut rng, 300, 86_400), "Display Name": p.name}],
        "Email Change": [{"Date": date(&mut rng, 310, 86_400), "Email Address": p.email}],
        "Mobile Number Change": [{"Date": date(&mut rng, 320, 86_400), "Mobile Number": p.phone}],
        "Password Change": [{"Date": date(&mut rng, 100, 86_400)}],
        "Two-Factor Authentication": list_or_null(spec, Vec::new()),
    });

    let mut ads: Vec<Value> = ad_advertisers(spec)
        .into_iter()
        .enumerate()
        .map(|(i, a)| json!({"Advertiser Name": a, "Date": date(&mut rng, i, 3 * 86_400)}))
        .collect();
    if spec.messy && !ads.is_empty() {
        ads.push(json!({"Date": "2024-02-30 10:00:00 UTC"}));
    }
    let interests: Vec<&str> = (0..spec.interests)
        .map(|i| INTERESTS[i % INTERESTS.len()])
        .collect();
    let mut user_profile = json!({
        "App Profile": {"Country": "FR", "Creation Time": "2016-05-04 12:00:00 UTC", "Account Creation Country": "FR", "Platform Version": "12.70.0.36", "In-app Language": "fr"},
        "Demographics": {"Cohort Age": "25-34", "Derived Ad Demographic": "Female 25-34"},
        "Subscriptions": [],
        "Engagement": [{"Event": "Application Opens", "Occurrences": 1834}, {"Event": "Story Views", "Occurrences": 512}],
        "Discover Channels Viewed": ["Le Monde", "The Guardian"],
        "Breakdown of Time Spent on App": ["Chat: 41%", "Camera: 23%", "Spotlight: 19%"],
        "Ads You Interacted With": ads,
        "Interest Categories": interests,
        "Content Categories": ["Comedy"],
        "Geographic Information": list_or_null(spec, Vec::new()),
        "Interactions": {"Web Interactions": web_interactions(spec), "App Interactions": app_interactions(spec)},
        "Mobile Ad Id": "00000000-0000-0000-0000-000000000000",
    });
    if g == SnapGen::Y2025 {
        user_profile["Off-Platform Sharing"] =
            json!([{"Date": date(&mut rng, 4, 86_400), "Share Destination": "WhatsApp"}]);
    }

    let mut friend_list: Vec<Value> = friends
        .iter()
        .take(spec.friends)
        .enumerate()
        .map(|(i, f)| json!({"Username": f, "Display Name": f, "Creation Timestamp": date(&mut rng, i, 9 * 86_400), "Last Modified Timestamp": date(&mut rng, i, 86_400), "Source": "Added by Search"}))
        .collect();
    if spec.messy && !friend_list.is_empty() {
        friend_list.push(json!(42));
    }
    let friends_json = json!({
        "Friends": friend_list,
        "Friend Requests Sent": [{"Username": handle(&mut rng, 90), "Display Name": "", "Creation Timestamp": date(&mut rng, 2, 86_400), "Source": "Added by Quick Add"}],
        "Blocked Users": [{"Username": handle(&mut rng, 91), "Creation Timestamp": date(&mut rng, 30, 86_400)}],
        "Deleted Friends": list_or_null(spec, Vec::new()),
        "Pending Requests": [],
    });

    let mut chats = Map::new();
    let mut received = Vec::new();
    let mut sent = Vec::new();
    for (c, friend) in friends.iter().take(spec.chats).enumerate() {
        let mut list = Vec::new();
        for m in 0..spec.messages_per_chat {
            let t = secs(&mut rng, c * spec.messages_per_chat + m, 900);
            let created = chrono::DateTime::from_timestamp(t, 0)
                .expect("in range")
                .format("%Y-%m-%d %H:%M:%S UTC")
                .to_string();
            let mine = m % 2 == 1;
            let text = format!("{} {}", rng.pick(names::WORDS), rng.pick(names::WORDS));
            match g {
                SnapGen::Y2022 | SnapGen::Html => {
                    let (key, who) = if mine {
                        ("To", friend.as_str())
                    } else {
                        ("From", friend.as_str())
                    };
                    let v =
                        json!({key: who, "Media Type": "TEXT", "Created": created, "Text": text});
                    if mine {
                        sent.push(v)
                    } else {
                        received.push(v)
                    }
                }
                SnapGen::Y2025 => {
                    let from = if mine {
                        p.username.clone()
                    } else {
                        friend.clone()
                    };
                    list.push(json!({"From": from, "Media Type": "TEXT", "Created": created, "Content": text, "Conversation Title": null,
                                     "IsSender": mine, "Created(microseconds)": t * 1_000_000}));
                }
            }
        }
        if g == SnapGen::Y2025 {
            chats.insert(friend.clone(), Value::Array(list));
        }
    }
    let chat_history = match g {
        SnapGen::Y2025 => Value::Object(chats),
        _ => json!({"Received Saved Chat History": received, "Sent Saved Chat History": sent}),
    };
    let snaps: Vec<(bool, Value)> = (0..spec.snaps)
        .map(|i| {
            let friend = &friends[i % friends.len().max(1)];
            let mine = i % 3 == 0;
            let media = if i % 2 == 0 { "IMAGE" } else { "VIDEO" };
            let created = date(&mut rng, i, 7_200);
            (mine, json!({if mine { "To" } else { "From" }: friend, "Media Type": media, "Created": created, "IsSender": mine}))
        })
        .collect();
    let snap_history = match g {
        SnapGen::Y2025 => {
            let mut m = Map::new();
            for (i, (_, v)) in snaps.into_iter().enumerate() {
                let friend = friends[i % friends.len().max(1)].clone();
                m.entry(friend)
                    .or_insert_with(|| Value::Array(Vec::new()))
                    .as_array_mut()
                    .expect("an array")
                    .push(v);
            }
            Value::Object(m)
        }
        _ => {
            let (s, r): (Vec<_>, Vec<_>) = snaps.into_iter().partition(|(mine, _)| *mine);
            json!({"Received Snap History": r.into_iter().map(|x| x.1).collect::<Vec<_>>(), "Sent Snap History": s.into_iter().map(|x| x.1).collect::<Vec<_>>()})
        }
    };

    // Points draw from their own stream: a longer history (a newer export) starts with the
    // same points, the way a real account's history grows.
    let mut prng = Rng::new(spec.seed ^ 0x0010_CA7E);
    let mut points: Vec<Value> = (0..spec.location_points)
        .map(|i| {
            let lat = 45.75 + prng.f64() * 0.1;
            let lon = 4.83 + prng.f64() * 0.1;
            json!([
                date(&mut prng, i, 3_600),
                format!("{lat:.6} ± 12.33 meters, {lon:.6} ± 12.33 meters")
            ])
        })
        .collect();
    if spec.messy {
        points.push(json!(["2024-02-01 10:00:00 UTC", "N/A"]));
    }
    let areas: Vec<Value> = (0..spec.areas)
        .map(|i| json!({"Time": date(&mut rng, i, 20 * 86_400), "City": "Lyon", "Region": "Auvergne-Rhône-Alpes", "Postal Code": format!("6900{}", i % 9)}))
        .collect();
    let location_history = json!({
        "Frequent Locations": [{"City": "Lyon", "Country": "FR", "Region": "Auvergne-Rhône-Alpes"}],
        "Latest Location": [{"City": "Lyon", "Country": "FR", "Region": "Auvergne-Rhône-Alpes"}],
        "Home, School & Work": {"inferredHome": "Lyon, Auvergne-Rhône-Alpes", "inferredWork": "Villeurbanne", "userProvidedHome": "", "schoolName": ""},
        "Businesses and places you may have visited": {"inferredVisitationList": [["Parc de la Tête d'Or", "Lyon"]], "businessList": [[date(&mut rng, 5, 86_400), "Café Blue"]]},
        "Areas you may have visited in the last two years": areas,
        "Location History": points,
    });

    let permissions = permissions_per_app(g);
    let mut perms = Vec::new();
    for (i, app) in connected_apps(spec).into_iter().enumerate() {
        for (k, kind) in ["BITMOJI_AVATAR", "DISPLAY_NAME"]
            .iter()
            .take(permissions)
            .enumerate()
        {
            perms.push(
                json!({"App": app, "Time": date(&mut rng, i * 2 + k, 30 * 86_400), "Type": kind}),
            );
        }
    }
    let connected = json!({ "Permissions": perms });
    let memories: Vec<Value> = (0..spec.memories)
        .map(|i| json!({"Date": date(&mut rng, i, 5 * 86_400), "Media Type": if i % 2 == 0 { "Image" } else { "Video" },
                        "Location": format!("Latitude, Longitude: {:.5}, {:.5}", 45.76 + i as f64 * 0.01, 4.84), "Download Link": "https://app.snapchat.com/dmd/memories?uid=example&sid=example"}))
        .collect();
    let purchases: Vec<Value> = (0..spec.purchases).map(|i| json!({"Date": date(&mut rng, i, 40 * 86_400), "Item": "Snapchat+ (1 month)", "Price": "3.99", "Currency": "EUR"})).collect();
    let ranking = json!({"Statistics": {"Snapscore": "48211", "Your Total Friends": spec.friends.to_string(), "The Number of Accounts You Follow": "12"}, "Content Interests": ["Football", "Cooking"]});
    let terms = json!({"Terms of Service and Privacy Policy Acceptance History": [{"Version": "Terms of Service 2023", "Acceptance Date": date(&mut rng, 60, 86_400)}]});

    vec![
        ("account", account),
        ("account_history", account_history),
        ("user_profile", user_profile),
        ("friends", friends_json),
        ("chat_history", chat_history),
        ("snap_history", snap_history),
        ("location_history", location_history),
        ("connected_apps", connected),
        ("memories_history", json!({ "Saved Media": memories })),
        ("purchase_history", json!({ "In-App Purchases": purchases })),
        (
            "subscriptions",
            json!({"Public Users": ["Team Snapchat"], "Publishers": ["Le Monde"], "Stories": []}),
        ),
        ("ranking", ranking),
        ("terms_history", terms),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_valid() {
        for g in [SnapGen::Y2022, SnapGen::Y2025] {
            let spec = SnapchatSpec {
                generation: g,
                messy: true,
                ..Default::default()
            };
            let a = json_files(&spec);
            assert_eq!(a, json_files(&spec), "{g:?}");
            assert_eq!(a.len(), 13);
        }
        assert_eq!(domain("Booking.com"), "booking.com");
        assert_eq!(domain("Expedia"), "expedia.com");
    }
}
