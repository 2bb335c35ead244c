//! TikTok "Download your data" archives: one JSON file of nested sections per generation, as
//! FORMATS.md and the published parsers describe them, or the TXT export (a folder of `.txt`
//! files) that Footprint recognizes and skips.
//!
//! - [`TtGen::Y2022`]: `user_data.json`, `Activity > Video Browsing History > VideoList
//!   [{Date, VideoLink}]`, `Direct Messages > Chat History > ChatHistory`, `Profile > Profile
//!   Information > ProfileMap`, `Video > Videos`, partner lists as one string.
//! - [`TtGen::Y2024`]: `user_data_tiktok.json`, `Your Activity > Watch History > VideoList
//!   [{Date, Link}]`, `Direct Message > Direct Messages > ChatHistory`, `Ads and data > Off
//!   TikTok Activity`, `Post > Posts`, `TikTok Shop` (orders as a map by order id).
//! - [`TtGen::Y2025`]: like 2024 with `Likes and Favorites`, `Profile And Settings` and
//!   `Usage Data From Third-Party Apps And Websites` instead of `Off TikTok Activity`.
//! - [`TtGen::Txt`]: the TXT export.
//!
//! Third parties come from [`names::company`]: data partners from 0 (the brokers), advertisers
//! from 7 (Nike, Adidas...), off-TikTok sources from 10, so the same names appear on the
//! other platforms' exports. Dates are before the archive's 2024-03-02 stamp.

use crate::names;
use crate::{ArchiveWriter, Container, Persona, Rng};
use serde_json::{json, Map, Value};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Export generations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TtGen {
    Y2022,
    Y2024,
    Y2025,
    Txt,
}

/// What a generated TikTok export holds.
#[derive(Debug, Clone)]
pub struct TikTokSpec {
    pub seed: u64,
    pub generation: TtGen,
    pub watched: usize,
    pub searches: usize,
    pub logins: usize,
    pub likes: usize,
    pub favorites: usize,
    pub followers: usize,
    pub following: usize,
    pub comments: usize,
    pub posts: usize,
    pub chats: usize,
    pub messages_per_chat: usize,
    pub off_tiktok_sources: usize,
    pub events_per_source: usize,
    pub data_partners: usize,
    pub advertisers: usize,
    pub interests: usize,
    /// TikTok Shop orders (2024+ only).
    pub orders: usize,
    /// Put the file under `TikTok_Data_1709373600/`.
    pub top_folder: bool,
    /// A UTF-8 BOM before the JSON.
    pub bom: bool,
    /// Section keys without spaces (`VideoBrowsingHistory`), as some exports write them.
    pub compact_keys: bool,
    /// Messy content: a non-object list element, an unreadable date, whole sections `null`,
    /// and a zero-byte second copy of the file.
    pub messy: bool,
    /// Cut the JSON file at 60% of its length (a download that stopped).
    pub truncated: bool,
    pub macos_junk: bool,
    pub container: Container,
}

impl Default for TikTokSpec {
    fn default() -> Self {
        TikTokSpec {
            seed: 1,
            generation: TtGen::Y2024,
            watched: 40,
            searches: 8,
            logins: 5,
            likes: 6,
            favorites: 4,
            followers: 7,
            following: 5,
            comments: 4,
            posts: 3,
            chats: 2,
            messages_per_chat: 6,
            off_tiktok_sources: 4,
            events_per_source: 3,
            data_partners: 3,
            advertisers: 5,
            interests: 6,
            orders: 3,
            top_folder: false,
            bom: false,
            compact_keys: false,
            messy: false,
            truncated: false,
            macos_junk: false,
            container: Container::Zip,
        }
    }
}

/// The archive's export instant (the ArchiveWriter's 2024-03-02 10:00 UTC stamp), seconds.
pub const EXPORT_SECS: i64 = 1_709_373_600;

/// Index of the first data partner, advertiser and off-TikTok source in [`names::company`].
pub const PARTNER_BASE: usize = 0;
pub const ADVERTISER_BASE: usize = 7;
pub const SOURCE_BASE: usize = 10;

const EVENTS: &[&str] = &[
    "Page View",
    "Add to cart",
    "Purchase",
    "Search",
    "Launch app",
    "Complete registration",
];
const INTERESTS: &[&str] = &[
    "Cooking",
    "Travel",
    "Football",
    "Fashion & Accessories",
    "Pets",
    "Gaming",
    "Beauty",
    "Science & Education",
    "Cars",
];
const DEVICES: &[(&str, &str)] = &[
    ("iPhone14,5", "iOS 17.3"),
    ("Pixel 8", "Android 14"),
    ("SM-G991B", "Android 13"),
];
const PRODUCTS: &[&str] = &[
    "Phone case",
    "LED strip",
    "Water bottle",
    "Hoodie",
    "Lip gloss",
    "Yoga mat",
];

/// The data partners of a spec, in order.
pub fn data_partners(spec: &TikTokSpec) -> Vec<String> {
    (0..spec.data_partners)
        .map(|i| names::company(PARTNER_BASE + i))
        .collect()
}

/// The advertisers of a spec (`AdvertiserList`).
pub fn advertisers(spec: &TikTokSpec) -> Vec<String> {
    (0..spec.advertisers)
        .map(|i| names::company(ADVERTISER_BASE + i))
        .collect()
}

/// The off-TikTok sources of a spec (each sends `events_per_source` events).
pub fn off_tiktok_sources(spec: &TikTokSpec) -> Vec<String> {
    (0..spec.off_tiktok_sources)
        .map(|i| names::company(SOURCE_BASE + i))
        .collect()
}

/// The JSON file's name in a generation.
pub fn json_name(generation: TtGen) -> &'static str {
    match generation {
        TtGen::Y2022 => "user_data.json",
        _ => "user_data_tiktok.json",
    }
}

/// Write the export at `out` and return the paths written.
pub fn generate(spec: &TikTokSpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    let mut w = ArchiveWriter::new(out, spec.container)?.macos_junk(spec.macos_junk);
    if spec.top_folder {
        w = w.top_folder(&format!("TikTok_Data_{EXPORT_SECS}"));
    }
    if spec.generation == TtGen::Txt {
        write_txt(spec, &mut w)?;
        return w.finish();
    }
    let name = json_name(spec.generation);
    let mut bytes = Vec::new();
    if spec.bom {
        bytes.extend_from_slice(b"\xEF\xBB\xBF");
    }
    write_json(spec, &mut bytes)?;
    if spec.truncated {
        bytes.truncate(bytes.len() * 6 / 10);
    }
    w.add(name, &bytes)?;
    if spec.messy {
        // A second, empty copy (an interrupted re-download next to the first).
        w.add(&format!("old/{name}"), b"")?;
    }
    w.finish()
}

/// The demo export (2024+ JSON in `TikTok_Data_<stamp>.zip`); `records` scales the watch history.
pub fn demo(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    let mut spec = TikTokSpec {
        seed,
        top_folder: true,
        ..Default::default()
    };
    match records {
        Some(n) => spec.watched = n.max(1),
        None => {
            spec.watched = 600;
            spec.searches = 60;
            spec.logins = 30;
            spec.chats = 6;
            spec.messages_per_chat = 20;
            spec.off_tiktok_sources = 25;
            spec.events_per_source = 4;
            spec.advertisers = 20;
            spec.data_partners = 5;
        }
    }
    generate(&spec, out)
}

/// A date `n` steps of `step_secs` before the export, as TikTok writes it.
fn date(rng: &mut Rng, n: usize, step_secs: i64) -> String {
    let t = EXPORT_SECS - 3_600 - n as i64 * step_secs - rng.range_i64(0, step_secs.max(2));
    chrono::DateTime::from_timestamp(t, 0)
        .expect("in range")
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

/// A section or list key, with spaces removed when the spec says so.
fn k(spec: &TikTokSpec, key: &str) -> String {
    if spec.compact_keys {
        key.replace(' ', "")
    } else {
        key.to_string()
    }
}

/// `{"<key>": list}` or `null` for an empty list (TikTok writes empty lists as null).
fn list(spec: &TikTokSpec, key: &str, items: Vec<Value>) -> Value {
    let mut m = Map::new();
    m.insert(
        k(spec, key),
        if items.is_empty() {
            Value::Null
        } else {
            Value::Array(items)
        },
    );
    Value::Object(m)
}

fn obj(pairs: Vec<(String, Value)>) -> Value {
    Value::Object(pairs.into_iter().collect())
}

fn handle(rng: &mut Rng, i: usize) -> String {
    let first = rng.pick(names::FIRST).to_string();
    let last = rng.pick(names::LAST).to_string();
    format!(
        "{}_{}{i}",
        crate::persona::slug(&first),
        crate::persona::slug(&last)
    )
}

fn video_link(rng: &mut Rng, new_style: bool) -> String {
    let id = 7_000_000_000_000_000_000u64 + rng.below(999_999_999_999);
    if new_style {
        format!("https://www.tiktokv.com/share/video/{id}/")
    } else {
        format!("https://www.tiktok.com/share/video/{id}/")
    }
}

/// Placeholder replaced by the streamed watch history.
const WATCH_PLACEHOLDER: &str = "__FOOTPRINT_WATCH_HISTORY__";

/// The whole JSON document. The watch history, the one list that grows to tens of MB, is
/// streamed into the text in place of a placeholder.
fn write_json(spec: &TikTokSpec, out: &mut dyn Write) -> io::Result<()> {
    let g = spec.generation;
    let p = Persona::for_seed(spec.seed);
    let mut rng = Rng::new(spec.seed ^ 0x0071_370C);
    let new = g != TtGen::Y2022;
    let link_key = if new { "Link" } else { "VideoLink" };

    let mut activity: Vec<(String, Value)> = Vec::new();
    let watch_key = if new {
        "Watch History"
    } else {
        "Video Browsing History"
    };
    activity.push((
        k(spec, watch_key),
        json!({ "VideoList": WATCH_PLACEHOLDER }),
    ));
    let mut searches: Vec<Value> = (0..spec.searches)
        .map(|i| json!({"Date": date(&mut rng, i, 86_400), "SearchTerm": rng.pick(names::WORDS)}))
        .collect();
    if spec.messy && !searches.is_empty() {
        searches.push(json!("not a search"));
        searches.push(json!({"Date": "someday", "SearchTerm": "unknown date"}));
    }
    activity.push((
        k(spec, if new { "Searches" } else { "Search History" }),
        list(spec, "SearchList", searches),
    ));
    let logins = (0..spec.logins)
        .map(|i| {
            let (model, system) = *rng.pick(DEVICES);
            json!({"Date": date(&mut rng, i, 3 * 86_400), "IP": format!("192.0.2.{}", 1 + rng.below(250)), "DeviceModel": model,
                   "DeviceSystem": system, "NetworkType": *rng.pick(&["Wi-Fi", "4G", "5G"]), "Carrier": *rng.pick(&["Orange", "Vodafone", "N/A"])})
        })
        .collect();
    activity.push((
        k(spec, "Login History"),
        list(spec, "LoginHistoryList", logins),
    ));
    let fans = (0..spec.followers)
        .map(|i| json!({"Date": date(&mut rng, i, 5 * 86_400), "UserName": handle(&mut rng, i)}))
        .collect();
    let following = (0..spec.following).map(|i| json!({"Date": date(&mut rng, i, 7 * 86_400), "UserName": handle(&mut rng, 100 + i)})).collect();
    activity.push((
        k(spec, if new { "Follower" } else { "Follower List" }),
        list(spec, "FansList", fans),
    ));
    activity.push((
        k(spec, if new { "Following" } else { "Following List" }),
        list(spec, "Following", following),
    ));
    let favorites = (0..spec.favorites)
        .map(|i| json!({"Date": date(&mut rng, i, 86_400), "Link": video_link(&mut rng, new)}))
        .collect();
    activity.push((
        k(spec, "Favorite Videos"),
        list(spec, "FavoriteVideoList", favorites),
    ));
    activity.push((
        k(spec, "Favorite Sounds"),
        list(spec, "FavoriteSoundList", Vec::new()),
    ));
    activity.push((
        k(spec, "Share History"),
        list(spec, "ShareHistoryList", Vec::new()),
    ));
    let likes: Vec<Value> = (0..spec.likes)
        .map(|i| json!({"date": date(&mut rng, i, 43_200), "link": video_link(&mut rng, new)}))
        .collect();
    if g == TtGen::Y2025 {
        activity.push(("Purchases".into(), json!({"SendGifts": {"SendGifts": [{"Date": date(&mut rng, 3, 86_400), "GiftAmount": "5", "UserName": handle(&mut rng, 7)}]}, "BuyGifts": {"BuyGifts": [{"Date": date(&mut rng, 4, 86_400), "Price": "0.99 USD"}]}})));
    } else {
        activity.push((
            k(spec, "Like List"),
            list(spec, "ItemFavoriteList", likes.clone()),
        ));
        activity.push((k(spec, "Purchase History"), json!({"SendGifts": {"SendGifts": null}, "BuyGifts": {"BuyGifts": [{"Date": date(&mut rng, 4, 86_400), "Price": "0.99 USD"}]}})));
    }
    activity.push((k(spec, "Status"), json!({"Status List": [{"Resolution": "1170*2532", "App Version": "33.1.0", "IDFA": "00000000-0000-0000-0000-000000000000", "Web ID": "7300000000000000000"}]})));
    activity.push((k(spec, "Most Recent Location Data"), json!({"LocationData": {"Date": date(&mut rng, 0, 3_600), "GpsData": "N/A", "LastRegion": p.city}})));
    if spec.messy {
        activity.push((k(spec, "Favorite Hashtags"), Value::Null));
    }

    let sources = off_tiktok_sources(spec);
    let mut events = Vec::new();
    for (si, source) in sources.iter().enumerate() {
        for e in 0..spec.events_per_source {
            events.push(json!({"TimeStamp": date(&mut rng, si * spec.events_per_source + e, 20_000), "Source": source, "Event": EVENTS[(si + e) % EVENTS.len()]}));
        }
    }
    let interests: Vec<&str> = (0..spec.interests)
        .map(|i| INTERESTS[i % INTERESTS.len()])
        .collect();
    let mut ads: Vec<(String, Value)> = vec![
        (
            k(spec, "Ad Interests"),
            json!({"AdInterestCategories": interests.join(", ")}),
        ),
        (
            k(spec, "Instant Form Ads Responses"),
            json!({"ResponsesList": null}),
        ),
    ];
    let partners = data_partners(spec);
    let advertisers = advertisers(spec);
    let partner_section = if g == TtGen::Y2022 {
        // Older files: each list as one string of names.
        json!({"DataPartnerList": partners.join(", "), "AdvertiserList": advertisers.join(", ")})
    } else {
        json!({"DataPartnerList": partners, "AdvertiserList": advertisers})
    };
    ads.push((
        k(spec, "Ads Based On Data Received From Partners"),
        partner_section,
    ));
    let off_key = match g {
        TtGen::Y2025 => (
            "Usage Data From Third-Party Apps And Websites",
            "UsageDataList",
        ),
        _ => ("Off TikTok Activity", "OffTikTokActivityDataList"),
    };
    ads.push((k(spec, off_key.0), list(spec, off_key.1, events)));

    let mut comments: Vec<Value> = (0..spec.comments).map(|i| json!({"date": date(&mut rng, i, 86_400), "comment": format!("{} {}", rng.pick(names::WORDS), rng.pick(names::WORDS))})).collect();
    if spec.messy {
        comments.push(Value::Null);
    }
    let posts: Vec<Value> = (0..spec.posts)
        .map(|i| json!({"Date": date(&mut rng, i, 10 * 86_400), link_key: video_link(&mut rng, new), "Likes": rng.below(500).to_string(), "WhoCanView": "Everyone", "Title": rng.pick(names::WORDS)}))
        .collect();

    let mut chats = Map::new();
    for c in 0..spec.chats {
        let friend = handle(&mut rng, 200 + c);
        let msgs: Vec<Value> = (0..spec.messages_per_chat)
            .map(|m| {
                let from = if m % 2 == 0 { &p.username } else { &friend };
                json!({"Date": date(&mut rng, c * spec.messages_per_chat + m, 600), "From": from, "Content": format!("{} {}", rng.pick(names::WORDS), rng.pick(names::WORDS))})
            })
            .collect();
        chats.insert(format!("Chat History with {friend}:"), Value::Array(msgs));
    }

    let (by, bm, bd) = p.birthday;
    let mut profile_map = json!({"userName": p.username, "displayName": p.name, "emailAddress": p.email, "telephoneNumber": p.phone,
                                 "birthDate": format!("{by}-{bm:02}-{bd:02}"), "bioDescription": "", "likesReceived": "12"});
    if g == TtGen::Y2025 {
        profile_map["inferredGender"] = json!("Female");
        profile_map["accountRegion"] = json!("FR");
    }
    let profile_section = if new {
        "Profile Info"
    } else {
        "Profile Information"
    };
    let profile = obj(vec![(
        k(spec, profile_section),
        json!({ "ProfileMap": profile_map }),
    )]);
    let settings = obj(vec![
        (
            k(spec, "Settings"),
            json!({"SettingsMap": {"Private Account": "Disabled", "Personalized Ads": "Enabled", "Interests": interests.first().copied().unwrap_or("")}}),
        ),
        (
            k(spec, "Block List"),
            json!({"BlockList": [{"Date": date(&mut rng, 9, 86_400), "UserName": handle(&mut rng, 300)}]}),
        ),
    ]);

    let mut doc: Vec<(String, Value)> = Vec::new();
    let activity_key = if new { "Your Activity" } else { "Activity" };
    doc.push(("Ads and data".into(), obj(ads)));
    doc.push(("App Settings".into(), settings));
    doc.push((
        "Comment".into(),
        json!({ "Comments": { "CommentsList": comments } }),
    ));
    match g {
        TtGen::Y2022 => {
            doc.push((activity_key.into(), obj(activity)));
            doc.push((
                "Direct Messages".into(),
                json!({ "Chat History": { "ChatHistory": chats } }),
            ));
            doc.push(("Profile".into(), profile));
            doc.push(("Video".into(), json!({ "Videos": { "VideoList": posts } })));
        }
        _ => {
            doc.push((activity_key.into(), obj(activity)));
            doc.push((
                "Direct Message".into(),
                json!({ "Direct Messages": { "ChatHistory": chats } }),
            ));
            doc.push(("Post".into(), json!({ "Posts": { "VideoList": posts } })));
            let profile_key = if g == TtGen::Y2025 {
                "Profile And Settings"
            } else {
                "Profile"
            };
            doc.push((profile_key.into(), profile));
            if g == TtGen::Y2025 {
                doc.push((
                    "Likes and Favorites".into(),
                    obj(vec![(
                        k(spec, "Like List"),
                        list(spec, "ItemFavoriteList", likes),
                    )]),
                ));
            }
            doc.push(("TikTok Shop".into(), shop(spec, &mut rng, &p)));
        }
    }
    let text = serde_json::to_string_pretty(&obj(doc)).expect("a JSON value always serializes");
    let (head, tail) = text
        .split_once(&format!("\"{WATCH_PLACEHOLDER}\""))
        .expect("the placeholder is in the document");
    out.write_all(head.as_bytes())?;
    out.write_all(b"[")?;
    for i in 0..spec.watched {
        if i > 0 {
            out.write_all(b",")?;
        }
        let v = json!({"Date": date(&mut rng, i, 1_800), link_key: video_link(&mut rng, new)});
        out.write_all(b"\n        ")?;
        serde_json::to_writer(&mut *out, &v)?;
    }
    if spec.messy {
        // An unreadable date and a bare string in the largest list.
        out.write_all(br#", {"Date": "0000-00-00 00:00:00", "Link": "https://www.tiktokv.com/share/video/1/"}, "oops""#)?;
    }
    out.write_all(b"]")?;
    out.write_all(tail.as_bytes())
}

/// `TikTok Shop`: orders as a map by order id, product views, a shop conversation, an address.
fn shop(spec: &TikTokSpec, rng: &mut Rng, p: &Persona) -> Value {
    let mut orders = Map::new();
    for i in 0..spec.orders {
        let id = format!("5770{:012}", 1000 + i);
        orders.insert(
            id.clone(),
            json!({"order_id": id, "order_date": date(rng, i, 9 * 86_400), "shop_name": names::company(SOURCE_BASE + 50 + i),
                   "product_name": PRODUCTS[i % PRODUCTS.len()], "total_price": format!("{}.99 EUR", 5 + rng.below(40)), "order_status": "Completed"}),
        );
    }
    let shop_name = names::company(SOURCE_BASE + 50);
    json!({
        "Order History": {"OrderHistories": orders},
        "Product Browsing History": {"ProductBrowsingHistories": [{"browsing_date": date(rng, 1, 86_400), "shop_name": shop_name, "product_name": PRODUCTS[0]}]},
        "Communication With Shops": {"CommunicationHistories": {shop_name.clone(): [
            {"send_time": date(rng, 2, 86_400), "shop_name": shop_name, "direction": "buyer_to_shop", "content": "Is this in stock?"}
        ]}},
        "Saved Address Information": {"SavedAddress": [{"receiver_name": p.name, "masked_phone_number": "+1*******34", "adress_info": format!("12 Example Street, {}", p.city)}]},
        "Shopping Cart List": {"ShoppingCart": null},
        "Vouchers": {"Vouchers": null},
    })
}

/// The TXT export: `key: value` blocks per file, in folders.
fn write_txt(spec: &TikTokSpec, w: &mut ArchiveWriter) -> io::Result<()> {
    let mut rng = Rng::new(spec.seed ^ 0x0071_370C);
    let p = Persona::for_seed(spec.seed);
    let block = |pairs: &[(&str, String)]| {
        pairs
            .iter()
            .map(|(k, v)| format!("{k}: {v}\n"))
            .collect::<String>()
            + "\n"
    };
    let browsing: String = (0..spec.watched)
        .map(|i| {
            block(&[
                ("Date", date(&mut rng, i, 1_800)),
                ("Link", video_link(&mut rng, true)),
            ])
        })
        .collect();
    w.add("Activity/Browsing History.txt", browsing.as_bytes())?;
    let likes: String = (0..spec.likes)
        .map(|i| {
            block(&[
                ("Date", date(&mut rng, i, 43_200)),
                ("Link", video_link(&mut rng, true)),
            ])
        })
        .collect();
    w.add("Activity/Like List.txt", likes.as_bytes())?;
    w.add(
        "Activity/Favorite Sounds.txt",
        b"You have no data in this section\n",
    )?;
    let off: String = off_tiktok_sources(spec)
        .iter()
        .map(|s| {
            block(&[
                ("TimeStamp", date(&mut rng, 1, 86_400)),
                ("Source", s.clone()),
                ("Event", "Purchase".into()),
            ])
        })
        .collect();
    w.add("Ads and data/Off TikTok Activity.txt", off.as_bytes())?;
    w.add(
        "Activity/Comments.txt",
        block(&[
            ("Date", date(&mut rng, 1, 86_400)),
            ("Comment", "nice".into()),
        ])
        .as_bytes(),
    )?;
    w.add(
        "Profile/Profile Info.txt",
        block(&[("Username", p.username.clone()), ("Email", p.email.clone())]).as_bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(spec: &TikTokSpec) -> Value {
        let mut b = Vec::new();
        write_json(spec, &mut b).unwrap();
        serde_json::from_slice(&b).expect("valid JSON")
    }

    #[test]
    fn every_json_generation_is_valid_and_deterministic() {
        for g in [TtGen::Y2022, TtGen::Y2024, TtGen::Y2025] {
            let spec = TikTokSpec {
                generation: g,
                messy: true,
                compact_keys: g == TtGen::Y2024,
                ..Default::default()
            };
            let a = doc(&spec);
            assert_eq!(a, doc(&spec), "{g:?}");
            let watch = match g {
                TtGen::Y2022 => &a["Activity"]["Video Browsing History"],
                TtGen::Y2024 => &a["Your Activity"]["WatchHistory"],
                _ => &a["Your Activity"]["Watch History"],
            };
            assert_eq!(
                watch["VideoList"].as_array().map(Vec::len),
                Some(spec.watched + 2),
                "{g:?}"
            );
        }
    }
}
