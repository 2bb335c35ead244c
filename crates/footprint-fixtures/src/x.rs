//! X (Twitter) archives, per generation, with the file names, JS wrappers and key names of
//! FORMATS.md: every `data/<type>.js` is `window.YTD.<type>.partN = [ ... ]` pretty-printed
//! the way X writes it (`"key" : value`), `data/manifest.js` is `window.__THAR_CONFIG`, tweets
//! are split into `tweets-partN.js` past `tweets_per_part`, and `Your archive.html` plus
//! `assets/` sit at the root (under an optional `twitter-2024-03-02-<hash>/` top folder).
//!
//! Third parties are chosen by index, without randomness, so [`expected_companies`] says
//! exactly which company the importer must find with which relation, and how often. The same
//! advertisers (from [`names::company`]) appear on other platforms' exports: here as
//! `advertiserName` plus an `@Handle`, and as bare `@Handles` in `personalization.js`.
//!
//! Tweets are streamed into the archive ([`ArchiveWriter::add_with`]): 300,000 tweets never
//! sit in memory. Where FORMATS.md is silent the shapes follow public archives as far as
//! known; the guesses are listed in docs/IMPORTERS.md.

use crate::names::{self, company};
use crate::{ArchiveWriter, Container, Persona, Rng};
use chrono::{TimeZone, Utc};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Archive generations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XGen {
    /// 2019: `tweet.js` with bare tweet objects, `direct-message.js`,
    /// `direct-message-group.js`, no manifest, no headers files.
    Y2019,
    /// 2020+ (as of 2024): `tweets.js` (+ `tweets-partN.js`) with `{"tweet": ...}` wrappers,
    /// `direct-messages.js`, `manifest.js`, `tweet-headers.js`, `deleted-tweets.js`, media
    /// folders and about 80 other data types (a few written here).
    Y2024,
}

/// The mess real archives carry, each switchable.
#[derive(Debug, Clone, Default)]
pub struct Messy {
    /// A UTF-8 BOM before `account.js` and `personalization.js`.
    pub bom: bool,
    /// `data/mute.js` with zero bytes.
    pub zero_byte: bool,
    /// `data/like.js` cut in the middle of an element.
    pub truncated: bool,
    /// `null` where lists are empty (a DM conversation's messages, personalization shows).
    pub null_lists: bool,
    /// A `null` tweet, an impression without advertiser and with an unreadable date.
    pub bad_elements: bool,
    /// `ip-audit.js` under another name (`ip-audit (1).js`): known only by its JS global.
    pub renamed: bool,
    /// `ageinfo.js` with PascalCase keys (`AgeInfo`, `BirthDate`).
    pub key_casing: bool,
}

impl Messy {
    /// Every kind of mess at once.
    pub fn all() -> Self {
        Messy {
            bom: true,
            zero_byte: true,
            truncated: true,
            null_lists: true,
            bad_elements: true,
            renamed: true,
            key_casing: true,
        }
    }
}

/// What a generated X archive holds.
#[derive(Debug, Clone)]
pub struct XSpec {
    pub seed: u64,
    pub generation: XGen,
    pub tweets: usize,
    /// Tweets per `tweets(-partN).js` file (2024 generation; 0: never split).
    pub tweets_per_part: usize,
    pub dm_conversations: usize,
    pub messages_per_conversation: usize,
    pub group_conversations: usize,
    pub likes: usize,
    pub followers: usize,
    pub following: usize,
    pub blocks: usize,
    pub mutes: usize,
    pub logins: usize,
    pub device_tokens: usize,
    pub connected_apps: usize,
    pub interests: usize,
    pub partner_interests: usize,
    /// `personalization.js` audience lists.
    pub audience_advertisers: usize,
    pub lookalike_advertisers: usize,
    pub do_not_reach_advertisers: usize,
    /// Ad impressions (in batches of [`IMPRESSIONS_PER_BATCH`]), and their advertisers.
    pub impressions: usize,
    pub engagements: usize,
    pub ad_advertisers: usize,
    /// Conversions per conversion file (four files).
    pub conversions: usize,
    pub top_folder: bool,
    pub macos_junk: bool,
    pub messy: Messy,
    pub container: Container,
}

impl Default for XSpec {
    fn default() -> Self {
        XSpec {
            seed: 1,
            generation: XGen::Y2024,
            tweets: 40,
            tweets_per_part: 0,
            dm_conversations: 3,
            messages_per_conversation: 6,
            group_conversations: 1,
            likes: 12,
            followers: 8,
            following: 10,
            blocks: 2,
            mutes: 2,
            logins: 6,
            device_tokens: 3,
            connected_apps: 3,
            interests: 8,
            partner_interests: 3,
            audience_advertisers: 5,
            lookalike_advertisers: 3,
            do_not_reach_advertisers: 2,
            impressions: 30,
            engagements: 8,
            ad_advertisers: 6,
            conversions: 4,
            top_folder: false,
            macos_junk: false,
            messy: Messy::default(),
            container: Container::Zip,
        }
    }
}

impl XSpec {
    /// The benchmark size: 300,000 tweets (split in parts of 100,000) and 20,000 impressions.
    pub fn benchmark() -> Self {
        XSpec {
            tweets: 300_000,
            tweets_per_part: 100_000,
            likes: 20_000,
            impressions: 20_000,
            engagements: 2_000,
            ..Default::default()
        }
    }
}

/// Impressions per `{"ad": ...}` element (X batches them).
pub const IMPRESSIONS_PER_BATCH: usize = 10;

/// Data brokers of partner segments (`<broker> / <segment>`).
const BROKERS: &[usize] = &[0, 1, 2, 6, 5];
const SEGMENTS: &[&str] = &[
    "Auto intenders",
    "Frequent travellers",
    "Household income: top 25%",
    "New movers",
    "Pet owners",
    "Online shoppers",
];
const INTERESTS: &[&str] = &[
    "Cycling",
    "Jazz",
    "Vegetarian cuisine",
    "Science fiction",
    "Electric vehicles",
    "Board games",
    "Café culture",
    "Photography",
    "Football",
    "Yoga",
];
const APPS: &[usize] = &[12, 41, 63, 13, 15, 14];
const KEYWORDS: &[&str] = &[
    "running shoes",
    "weekend trip",
    "coffee",
    "jazz",
    "bike repair",
    "vegan recipes",
];
const CITIES: &[&str] = &["France", "Lyon, FR", "Germany", "Sweden", "United States"];
const PLACEMENTS: &[&str] = &[
    "TimelineHome",
    "SearchTweets",
    "ProfileTweets",
    "WtfSidebar",
];
const OS: &[&str] = &["Ios", "Android", "Desktop"];

/// The export instant (matches the zip entries' stamp, 2024-03-02 10:00 UTC), in seconds.
const EXPORT: i64 = 1_709_373_600;

/// `@Handle` of a company name: its letters and digits (`Booking.com` -> `@Bookingcom`).
pub fn handle(name: &str) -> String {
    let h: String = name
        .chars()
        .filter_map(|c| {
            let a = if c.is_ascii_alphanumeric() {
                c
            } else {
                crate::persona::slug(&c.to_string()).chars().next()?
            };
            Some(if c.is_uppercase() {
                a.to_ascii_uppercase()
            } else {
                a
            })
        })
        .collect();
    format!("@{h}")
}

/// Advertiser `n` of the audience lists and ads (company 7 on: Nike, Adidas, Zalando, ...).
fn advertiser(n: usize) -> String {
    company(7 + n)
}

/// What one ad impression (or engagement) shows: its advertiser and targeting criteria.
pub struct AdPlan {
    pub advertiser: String,
    pub criteria: Vec<(&'static str, String)>,
}

/// The plan of impression `i` (engagements use `i + 100_000`): deterministic, so tests know
/// which relations the targeting reveals. Every 5th uses a list, every 7th a website
/// audience, every 3rd follower look-alikes.
pub fn ad_plan(spec: &XSpec, i: usize) -> AdPlan {
    let adv = advertiser(i % spec.ad_advertisers.max(1));
    let mut criteria = vec![("Locations", CITIES[i % CITIES.len()].to_string())];
    criteria.push(("Keywords", KEYWORDS[i % KEYWORDS.len()].to_string()));
    if i.is_multiple_of(5) {
        criteria.push(("List", "Audience 1".to_string()));
    }
    if i.is_multiple_of(7) {
        criteria.push(("Tailored audiences (web)", "Site visitors".to_string()));
    }
    if i.is_multiple_of(3) {
        criteria.push(("Follower look-alikes", handle(&company(3 + i % 4))));
    }
    criteria.push(("Age", "25 to 54".to_string()));
    AdPlan {
        advertiser: adv,
        criteria,
    }
}

const ENGAGEMENT_OFFSET: usize = 100_000;

/// Conversion `i` of file `f` (0 online attributed, 1 online unattributed, 2 mobile
/// attributed, 3 mobile unattributed): its company (mobile: the app's name).
fn conversion_company(f: usize, i: usize) -> String {
    if f >= 2 {
        company(APPS[(f + i) % APPS.len()])
    } else {
        company(33 + (f * 3 + i) % 6)
    }
}

/// Which companies the importer must report, with which relation (as the importer's
/// relation names) and how many records: `(company, relation) -> records`.
pub fn expected_companies(spec: &XSpec) -> BTreeMap<(String, &'static str), usize> {
    let mut m: BTreeMap<(String, &'static str), usize> = BTreeMap::new();
    let mut add = |c: String, r: &'static str, n: usize| *m.entry((c, r)).or_insert(0) += n;
    for i in 0..spec.connected_apps {
        add(company(APPS[i % APPS.len()]), "connected_app", 1);
    }
    for i in 0..spec.partner_interests {
        add(
            company(BROKERS[i % BROKERS.len()]),
            "data_broker_segment",
            1,
        );
    }
    for (n, offset) in [
        (spec.audience_advertisers, 0),
        (spec.lookalike_advertisers, 10),
        (spec.do_not_reach_advertisers, 20),
    ] {
        for i in 0..n {
            add(handle(&advertiser(offset + i)), "targeted_you", 1);
        }
    }
    // Per ad file: one interaction per impression, one summary per advertiser and relation.
    let bad = usize::from(spec.messy.bad_elements);
    for (count, offset) in [(spec.impressions, 0), (spec.engagements, ENGAGEMENT_OFFSET)] {
        let mut summaries: BTreeMap<(String, &'static str), ()> = BTreeMap::new();
        for i in 0..count.saturating_sub(if offset == 0 { bad } else { 0 }) {
            let p = ad_plan(spec, offset + i);
            add(p.advertiser.clone(), "ad_interaction", 1);
            for (t, _) in &p.criteria {
                let rel = match *t {
                    "List" => "uploaded_contact_list",
                    "Tailored audiences (web)" => "sent_off_platform_activity",
                    "Follower look-alikes" => "targeted_you",
                    _ => continue,
                };
                summaries.insert((p.advertiser.clone(), rel), ());
            }
        }
        for (k, ()) in summaries {
            add(k.0, k.1, 1);
        }
    }
    for f in 0..4 {
        for i in 0..spec.conversions {
            add(conversion_company(f, i), "sent_off_platform_activity", 1);
        }
    }
    m
}

/// X's pretty printing: two-space indents and `"key" : value`.
fn x_json(v: &Value) -> String {
    let s = serde_json::to_string_pretty(v).expect("a JSON value always serializes");
    // `": "` occurs only between a key and its value outside strings in pretty output; inside
    // strings it is escaped-free text, so only lines' first `": ` is rewritten.
    s.lines()
        .map(|l| match l.find("\": ") {
            Some(i) if l.trim_start().starts_with('"') => {
                format!("{}\" : {}", &l[..i], &l[i + 3..])
            }
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Write `window.<global> = [ elements ]`, streaming the elements.
fn write_js(
    w: &mut ArchiveWriter,
    path: &str,
    global: &str,
    bom: bool,
    n: usize,
    mut element: impl FnMut(usize) -> Value,
) -> io::Result<()> {
    w.add_with(path, |out| {
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        if bom {
            out.write_all(b"\xEF\xBB\xBF")?;
        }
        write!(out, "window.{global} = [")?;
        for i in 0..n {
            out.write_all(if i == 0 { b" " } else { b", " })?;
            out.write_all(x_json(&element(i)).as_bytes())?;
        }
        out.write_all(b" ]")?;
        out.flush()
    })
}

fn ts(secs: i64, fmt: &str) -> String {
    Utc.timestamp_opt(secs, 0)
        .single()
        .map(|d| d.format(fmt).to_string())
        .unwrap_or_default()
}
fn iso(secs: i64) -> String {
    ts(secs, "%Y-%m-%dT%H:%M:%S.000Z")
}
fn ad_time(secs: i64) -> String {
    ts(secs, "%Y-%m-%d %H:%M:%S")
}
fn tweet_time(secs: i64) -> String {
    ts(secs, "%a %b %d %H:%M:%S +0000 %Y")
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    (0..words.max(1))
        .map(|_| *rng.pick(names::WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A numeric id string of `n` (X ids are 18-19 digits).
fn id(base: u64, n: usize) -> String {
    (base + n as u64 * 7_919).to_string()
}

struct Ctx {
    owner: Persona,
    account_id: String,
    gen: XGen,
    /// Seconds between consecutive tweets so that they span ~6 years before the export.
    tweet_step: i64,
}

fn tweet(c: &Ctx, rng: &mut Rng, i: usize) -> Value {
    let t = EXPORT - 6 * 365 * 86_400 + i as i64 * c.tweet_step;
    let mut text = sentence(rng, 3 + i % 9);
    let mut entities = json!({"hashtags": [], "symbols": [], "user_mentions": [], "urls": []});
    let mut reply = Value::Null;
    match i % 6 {
        1 => {
            text = format!("#{} {text}", slugify(names::WORDS[i % names::WORDS.len()]));
            entities["hashtags"] = json!([{"text": slugify(names::WORDS[i % names::WORDS.len()]), "indices": ["0", "5"]}]);
        }
        2 => {
            reply = json!(format!("friend{}", i % 17));
            text = format!("@friend{} {text}", i % 17);
            entities["user_mentions"] = json!([{"name": "Friend", "screen_name": format!("friend{}", i % 17), "id_str": id(900, i % 17)}]);
        }
        3 => text = format!("RT @friend{}: {text}", i % 11),
        4 => {
            entities["urls"] = json!([{"url": "https://t.co/abc", "expanded_url": format!("https://example.com/post/{i}"), "display_url": "example.com/post"}])
        }
        _ => {}
    }
    let mut v = json!({
        "retweeted": false,
        "source": "<a href=\"https://mobile.example.com\" rel=\"nofollow\">Twitter for iPhone</a>",
        "entities": entities,
        "display_text_range": ["0", text.chars().count().to_string()],
        "favorite_count": (i % 13).to_string(),
        "id_str": id(1_100_000_000_000_000_000, i),
        "truncated": false,
        "retweet_count": (i % 5).to_string(),
        "id": id(1_100_000_000_000_000_000, i),
        "created_at": tweet_time(t),
        "favorited": false,
        "full_text": text,
        "lang": "en",
    });
    if !reply.is_null() {
        v["in_reply_to_screen_name"] = reply;
        v["in_reply_to_status_id_str"] = json!(id(1_000_000_000_000_000_000, i));
    }
    match c.gen {
        XGen::Y2019 => v,
        XGen::Y2024 => json!({ "tweet": v }),
    }
}

fn slugify(s: &str) -> String {
    crate::persona::slug(s)
}

fn dm_conversation(c: &Ctx, rng: &mut Rng, spec: &XSpec, n: usize, group: bool) -> Value {
    let other = id(1_500_000_000, n);
    let conv = if group {
        id(1_600_000_000_000_000_000, n)
    } else {
        format!("{}-{other}", c.account_id)
    };
    let mut events = Vec::new();
    let start = EXPORT - 400 * 86_400 + n as i64 * 86_400;
    if group {
        events.push(json!({"joinConversation": {"initiatingUserId": other, "participantsSnapshot": [c.account_id, other], "createdAt": iso(start)}}));
        events.push(json!({"conversationNameUpdate": {"initiatingUserId": other, "name": format!("Trip {n}"), "createdAt": iso(start + 30)}}));
    }
    for m in 0..spec.messages_per_conversation {
        let mine = m % 2 == 0;
        let (from, to) = if mine {
            (c.account_id.clone(), other.clone())
        } else {
            (other.clone(), c.account_id.clone())
        };
        let mut mc = json!({
            "reactions": [], "urls": [], "text": sentence(rng, 4 + m % 6), "mediaUrls": [],
            "senderId": from, "id": id(1_700_000_000_000_000_000 + n as u64 * 1_000_000, m), "createdAt": iso(start + 60 * (m as i64 + 1)),
        });
        if !group {
            mc["recipientId"] = json!(to);
        }
        events.push(json!({ "messageCreate": mc }));
    }
    let messages = if spec.messy.null_lists && n == 0 && !group {
        Value::Null
    } else {
        Value::Array(events)
    };
    json!({"dmConversation": {"conversationId": conv, "messages": messages}})
}

/// How many records a conversation gives (messages + group events), for tests.
pub fn dm_records(spec: &XSpec) -> usize {
    let one = spec.messages_per_conversation;
    let nulls = usize::from(spec.messy.null_lists && spec.dm_conversations > 0);
    (spec.dm_conversations - nulls) * one + spec.group_conversations * (one + 2)
}

fn impression_value(spec: &XSpec, i: usize, bad: bool) -> Value {
    let p = ad_plan(spec, i);
    let t = EXPORT - 90 * 86_400 + (i % ENGAGEMENT_OFFSET) as i64 * 3_600 % (80 * 86_400);
    let criteria: Vec<Value> = p
        .criteria
        .iter()
        .map(|(t, v)| json!({"targetingType": t, "targetingValue": v}))
        .collect();
    let mut v = json!({
        "deviceInfo": {"osType": OS[i % OS.len()]},
        "displayLocation": PLACEMENTS[i % PLACEMENTS.len()],
        "promotedTweetInfo": {"tweetId": id(1_750_000_000_000_000_000, i), "tweetText": format!("{} — new season", p.advertiser), "urls": [], "mediaUrls": []},
        "advertiserInfo": {"advertiserName": p.advertiser, "screenName": handle(&p.advertiser)},
        "matchedTargetingCriteria": criteria,
        "impressionTime": ad_time(t),
    });
    if bad {
        if let Some(o) = v.as_object_mut() {
            o.remove("advertiserInfo");
        }
        v["impressionTime"] = json!("not a date");
    }
    v
}

fn batches(n: usize) -> usize {
    n.div_ceil(IMPRESSIONS_PER_BATCH)
}

fn batch_range(b: usize, n: usize) -> std::ops::Range<usize> {
    b * IMPRESSIONS_PER_BATCH..((b + 1) * IMPRESSIONS_PER_BATCH).min(n)
}

/// Generate an X archive at `out` (a zip, parts stem, .tgz or folder path).
pub fn generate(spec: &XSpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    let owner = Persona::for_seed(spec.seed);
    let mut rng = Rng::new(spec.seed.wrapping_mul(0x9E37_79B9) ^ 0x7817);
    let c = Ctx {
        account_id: (1_000_000_000 + spec.seed * 7_777).to_string(),
        owner,
        gen: spec.generation,
        tweet_step: ((6 * 365 * 86_400) / spec.tweets.max(1) as i64).max(1),
    };
    let mut w = ArchiveWriter::new(out, spec.container)?.macos_junk(spec.macos_junk);
    if spec.top_folder {
        w = w.top_folder(&format!(
            "twitter-2024-03-02-{:016x}",
            spec.seed.wrapping_mul(0x2545_F491_4F6C_DD1D)
        ));
    }
    let y2024 = spec.generation == XGen::Y2024;
    let m = &spec.messy;
    let mut written: Vec<(String, String, usize)> = Vec::new();
    let mut js = |w: &mut ArchiveWriter,
                  file: &str,
                  t: &str,
                  part: usize,
                  bom: bool,
                  n: usize,
                  f: &mut dyn FnMut(usize) -> Value|
     -> io::Result<()> {
        let global = format!("YTD.{t}.part{part}");
        write_js(w, &format!("data/{file}"), &global, bom, n, f)?;
        written.push((format!("data/{file}"), global, n));
        Ok(())
    };

    w.add("Your archive.html", b"<!DOCTYPE html><html><head><title>Your archive</title></head><body><script src=\"assets/js/main.js\"></script></body></html>")?;
    w.add("assets/js/main.js", b"/* archive viewer */")?;
    w.add("assets/images/favicon.ico", b"\x00\x00\x01\x00")?;

    // Account and profile.
    let o = &c.owner;
    let account = json!({"account": {"email": o.email, "createdVia": "web", "username": o.username, "accountId": c.account_id, "createdAt": iso(EXPORT - 8 * 365 * 86_400), "accountDisplayName": o.name}});
    js(&mut w, "account.js", "account", 0, m.bom, 1, &mut |_| {
        account.clone()
    })?;
    let profile = json!({"profile": {"description": {"bio": format!("{} lover from {}", names::WORDS[spec.seed as usize % 10], o.city), "website": "https://t.co/abcdef", "location": o.city}, "avatarMediaUrl": "https://pbs.example.com/profile_images/1/a.jpg"}});
    js(&mut w, "profile.js", "profile", 0, false, 1, &mut |_| {
        profile.clone()
    })?;
    js(
        &mut w,
        "phone-number.js",
        "phone_number",
        0,
        false,
        1,
        &mut |_| json!({"device": {"phoneNumber": o.phone}}),
    )?;
    let (y, mo, d) = o.birthday;
    let age = 2024 - y;
    let ageinfo = if m.key_casing {
        json!({"ageMeta": {"AgeInfo": {"Age": [age.to_string()], "BirthDate": format!("{y}-{mo:02}-{d:02}")}}})
    } else {
        json!({"ageMeta": {"ageInfo": {"age": [age.to_string()], "birthDate": format!("{y}-{mo:02}-{d:02}")}}})
    };
    js(&mut w, "ageinfo.js", "ageinfo", 0, false, 1, &mut |_| {
        ageinfo.clone()
    })?;

    // Tweets, streamed; split into parts in the 2024 generation.
    let per = if y2024 && spec.tweets_per_part > 0 {
        spec.tweets_per_part
    } else {
        spec.tweets.max(1)
    };
    let parts = spec.tweets.div_ceil(per).max(1);
    let (tweet_file, tweet_type) = if y2024 {
        ("tweets", "tweets")
    } else {
        ("tweet", "tweet")
    };
    for part in 0..parts {
        let lo = part * per;
        let n = spec.tweets.saturating_sub(lo).min(per);
        let name = if part == 0 {
            format!("{tweet_file}.js")
        } else {
            format!("{tweet_file}-part{part}.js")
        };
        let mut trng = Rng::new(spec.seed ^ ((part as u64 + 1) * 0xA5A5));
        js(&mut w, &name, tweet_type, part, false, n, &mut |i| {
            if m.bad_elements && lo + i == 1 {
                Value::Null
            } else {
                tweet(&c, &mut trng, lo + i)
            }
        })?;
    }
    if y2024 {
        js(
            &mut w,
            "tweet-headers.js",
            "tweet_headers",
            0,
            false,
            spec.tweets.min(50),
            &mut |i| json!({"tweet": {"tweet_id": id(1_100_000_000_000_000_000, i), "user_id": c.account_id, "created_at": tweet_time(EXPORT - 86_400)}}),
        )?;
        js(
            &mut w,
            "deleted-tweets.js",
            "deleted_tweets",
            0,
            false,
            2,
            &mut |i| json!({"tweet": {"id_str": id(1_200_000_000_000_000_000, i), "created_at": tweet_time(EXPORT - 500 * 86_400), "deleted_at": tweet_time(EXPORT - 499 * 86_400), "full_text": "never mind", "lang": "en"}}),
        )?;
        w.add(
            &format!(
                "data/tweets_media/{}-A1b2C3.jpg",
                id(1_100_000_000_000_000_000, 4)
            ),
            b"\xFF\xD8\xFF\xE0 jpeg",
        )?;
    }

    // Likes (optionally truncated).
    let likes: Vec<u8> = {
        let mut s = String::from("window.YTD.like.part0 = [");
        for i in 0..spec.likes {
            s.push_str(if i == 0 { " " } else { ", " });
            s.push_str(&x_json(&json!({"like": {"tweetId": id(1_300_000_000_000_000_000, i), "fullText": sentence(&mut rng, 6), "expandedUrl": format!("https://twitter.com/i/web/status/{}", id(1_300_000_000_000_000_000, i))}})));
        }
        s.push_str(" ]");
        let mut b = s.into_bytes();
        if m.truncated {
            b.truncate(b.len() * 3 / 5);
        }
        b
    };
    w.add("data/like.js", &likes)?;

    // Direct messages.
    let (dm, dmg, dmt, dmgt) = if y2024 {
        (
            "direct-messages.js",
            "direct-messages-group.js",
            "direct_messages",
            "direct_messages_group",
        )
    } else {
        (
            "direct-message.js",
            "direct-message-group.js",
            "direct_message",
            "direct_message_group",
        )
    };
    let mut drng = Rng::new(spec.seed ^ 0xD1);
    js(&mut w, dm, dmt, 0, false, spec.dm_conversations, &mut |n| {
        dm_conversation(&c, &mut drng, spec, n, false)
    })?;
    js(
        &mut w,
        dmg,
        dmgt,
        0,
        false,
        spec.group_conversations,
        &mut |n| dm_conversation(&c, &mut drng, spec, n, true),
    )?;

    // Social graph.
    for (file, t, key, n) in [
        ("follower.js", "follower", "follower", spec.followers),
        ("following.js", "following", "following", spec.following),
        ("block.js", "block", "blocking", spec.blocks),
    ] {
        js(
            &mut w,
            file,
            t,
            0,
            false,
            n,
            &mut |i| json!({ (key): {"accountId": id(2_000_000 + t.len() as u64 * 100_000, i), "userLink": format!("https://twitter.com/intent/user?user_id={}", id(2_000_000, i))}}),
        )?;
    }
    if m.zero_byte {
        w.add("data/mute.js", b"")?;
    } else {
        js(
            &mut w,
            "mute.js",
            "mute",
            0,
            false,
            spec.mutes,
            &mut |i| json!({"muting": {"accountId": id(3_000_000, i), "userLink": "https://twitter.com/intent/user?user_id=1"}}),
        )?;
    }

    // Logins and devices.
    let ip_name = if m.renamed {
        "ip-audit (1).js"
    } else {
        "ip-audit.js"
    };
    js(
        &mut w,
        ip_name,
        "ip_audit",
        0,
        false,
        spec.logins,
        &mut |i| json!({"ipAudit": {"accountId": c.account_id, "createdAt": iso(EXPORT - i as i64 * 86_400 - 3_600), "loginIp": format!("192.0.2.{}", 1 + i % 250)}}),
    )?;
    js(
        &mut w,
        "device-token.js",
        "device_token",
        0,
        false,
        spec.device_tokens,
        &mut |i| {
            let created = if i == 0 {
                "1970-01-01T00:00:00.000Z".to_string()
            } else {
                iso(EXPORT - 200 * 86_400 + i as i64 * 86_400)
            };
            json!({"deviceToken": {"clientApplicationId": "258901", "token": format!("tok{:012x}", (spec.seed + i as u64) * 0x9E37), "createdAt": created, "lastSeenAt": iso(EXPORT - i as i64 * 3_600), "clientApplicationName": "Twitter for iPhone"}})
        },
    )?;
    js(
        &mut w,
        "connected-application.js",
        "connected_application",
        0,
        false,
        spec.connected_apps,
        &mut |i| {
            let name = company(APPS[i % APPS.len()]);
            json!({"connectedApplication": {"organization": {"name": name, "url": format!("https://{}.example.com", slugify(&name)), "privacyPolicyUrl": "", "termsAndConditionsUrl": ""},
            "name": format!("{name} for X"), "description": "Sign in with X", "permissions": ["read", "emailaddress"], "approvedAt": iso(EXPORT - (i as i64 + 1) * 40 * 86_400), "id": id(20_000_000, i)}})
        },
    )?;
    if y2024 {
        let changes = json!({"emailAddressChange": {"accountId": c.account_id, "emailChange": {"changedAt": iso(EXPORT - 900 * 86_400), "changedFrom": format!("old.{}", o.email), "changedTo": o.email}}});
        js(
            &mut w,
            "email-address-change.js",
            "email_address_change",
            0,
            false,
            1,
            &mut |_| changes.clone(),
        )?;
        let sn = json!({"screenNameChange": {"accountId": c.account_id, "screenNameChange": {"changedAt": iso(EXPORT - 1_000 * 86_400), "changedFrom": format!("{}_old", o.username), "changedTo": o.username}}});
        js(
            &mut w,
            "screen-name-change.js",
            "screen_name_change",
            0,
            false,
            1,
            &mut |_| sn.clone(),
        )?;
        // Types without their own parser: generic records.
        js(
            &mut w,
            "account-creation-ip.js",
            "account_creation_ip",
            0,
            false,
            1,
            &mut |_| json!({"accountCreationIp": {"accountId": c.account_id, "userCreationIp": "198.51.100.4"}}),
        )?;
        js(
            &mut w,
            "saved-search.js",
            "saved_search",
            0,
            false,
            2,
            &mut |i| json!({"savedSearch": {"savedSearchId": id(5_000, i), "query": KEYWORDS[i % KEYWORDS.len()]}}),
        )?;
        w.add(
            "data/README.txt",
            b"This archive contains your data. See the Your archive.html file.\n",
        )?;
    }

    // Personalization.
    let audience = |n: usize, offset: usize| -> Vec<String> {
        (0..n).map(|i| handle(&advertiser(offset + i))).collect()
    };
    let mut p13n = json!({"p13nData": {
        "demographics": {"languages": [{"language": "English", "isDisabled": false}, {"language": "French", "isDisabled": false}], "genderInfo": {"gender": "female"}},
        "interests": {
            "interests": (0..spec.interests).map(|i| json!({"name": INTERESTS[i % INTERESTS.len()], "isDisabled": i % 4 == 3})).collect::<Vec<_>>(),
            "partnerInterests": (0..spec.partner_interests).map(|i| format!("{} / {}", company(BROKERS[i % BROKERS.len()]), SEGMENTS[i % SEGMENTS.len()])).collect::<Vec<_>>(),
            "audienceAndAdvertisers": {
                "lookalikeAdvertisers": audience(spec.lookalike_advertisers, 10),
                "advertisers": audience(spec.audience_advertisers, 0),
                "doNotReachAdvertisers": audience(spec.do_not_reach_advertisers, 20),
                "catalogAudienceAdvertisers": [],
                "numAudiences": (spec.audience_advertisers * 3).to_string(),
            },
            "shows": ["Nature documentaries", "Tour de France"],
        },
        "locationHistory": [o.city],
        "inferredAgeInfo": {"age": ["25-54"], "birthDate": ""},
    }});
    if m.null_lists {
        p13n["p13nData"]["interests"]["shows"] = Value::Null;
        p13n["p13nData"]["interests"]["audienceAndAdvertisers"]["catalogAudienceAdvertisers"] =
            Value::Null;
    }
    if !y2024 {
        if let Some(a) = p13n["p13nData"]["interests"]["audienceAndAdvertisers"].as_object_mut() {
            a.remove("catalogAudienceAdvertisers");
        }
    }
    js(
        &mut w,
        "personalization.js",
        "personalization",
        0,
        m.bom,
        1,
        &mut |_| p13n.clone(),
    )?;

    // Ads: impressions and engagements in batches.
    let imp_batches = batches(spec.impressions);
    js(
        &mut w,
        "ad-impressions.js",
        "ad_impressions",
        0,
        false,
        imp_batches,
        &mut |b| {
            let list: Vec<Value> = batch_range(b, spec.impressions)
                .map(|i| impression_value(spec, i, m.bad_elements && i == spec.impressions - 1))
                .collect();
            json!({"ad": {"adsUserData": {"adImpressions": {"impressions": list}}}})
        },
    )?;
    js(
        &mut w,
        "ad-engagements.js",
        "ad_engagements",
        0,
        false,
        batches(spec.engagements),
        &mut |b| {
            let list: Vec<Value> = batch_range(b, spec.engagements)
            .map(|i| {
                let imp = impression_value(spec, ENGAGEMENT_OFFSET + i, false);
                let t = EXPORT - 60 * 86_400 + i as i64 * 7_200;
                json!({"impressionAttributes": imp, "engagementAttributes": [
                    {"engagementTime": ad_time(t), "engagementType": "ChargeableImpression"},
                    {"engagementTime": ad_time(t + 4), "engagementType": if i % 2 == 0 { "UrlClick" } else { "VideoContentPlayback25" }}]})
            })
            .collect();
            json!({"ad": {"adsUserData": {"adEngagements": {"engagements": list}}}})
        },
    )?;
    // Conversions: what advertisers' sites and apps told X.
    let conv_files = [
        (
            "ad-online-conversions-attributed.js",
            "ad_online_conversions_attributed",
            "attributedOnlineConversions",
        ),
        (
            "ad-online-conversions-unattributed.js",
            "ad_online_conversions_unattributed",
            "unattributedOnlineConversions",
        ),
        (
            "ad-mobile-conversions-attributed.js",
            "ad_mobile_conversions_attributed",
            "attributedMobileAppConversions",
        ),
        (
            "ad-mobile-conversions-unattributed.js",
            "ad_mobile_conversions_unattributed",
            "unattributedMobileAppConversions",
        ),
    ];
    for (f, (file, t, list)) in conv_files.iter().enumerate() {
        let n = if spec.conversions > 0 { 1 } else { 0 };
        js(&mut w, file, t, 0, false, n, &mut |_| {
            let convs: Vec<Value> = (0..spec.conversions)
                .map(|i| {
                    let co = conversion_company(f, i);
                    let t = ad_time(EXPORT - 30 * 86_400 + (f * 100 + i) as i64 * 5_400);
                    let (event, app_event) = (["pageview", "purchase", "{}"][i % 3], ["install", "re_engage"][i % 2]);
                    let kind = if f == 0 { "SiteVisit" } else { "" };
                    if f < 2 {
                        json!({"attributedConversionType": kind, "eventType": event, "conversionPlatform": "Desktop",
                            "conversionUrl": format!("https://www.{}.example.com/checkout?item={i}", slugify(&co)), "advertiserInfo": {"advertiserName": co, "screenName": handle(&co)},
                            "conversionValue": "0", "conversionTime": t, "additionalParameters": {}})
                    } else {
                        json!({"mobilePlatform": "Android", "conversionEvent": app_event, "applicationName": co, "conversionValue": "0", "conversionTime": t})
                    }
                })
                .collect();
            json!({"ad": {"adsUserData": { (*list): {"conversions": convs}}}})
        })?;
    }

    // The manifest, listing what was written (2020+ archives).
    if y2024 {
        let mut types = serde_json::Map::new();
        for (file, global, n) in &written {
            let t = global.split('.').nth(1).unwrap_or_default().to_string();
            let entry = types.entry(t).or_insert_with(|| json!({"files": []}));
            entry["files"]
                .as_array_mut()
                .expect("files")
                .push(json!({"fileName": file, "globalName": global, "count": n.to_string()}));
        }
        let manifest = json!({
            "userInfo": {"accountId": c.account_id, "userName": o.username, "displayName": o.name},
            "archiveInfo": {"sizeBytes": "1048576", "generationDate": iso(EXPORT), "isPartialArchive": false, "maxPartSizeBytes": "53687091200"},
            "readmeInfo": {"fileName": "data/README.txt", "directory": "data/", "name": "README.txt"},
            "dataTypes": types,
        });
        w.add(
            "data/manifest.js",
            format!("window.__THAR_CONFIG = {}", x_json(&manifest)).as_bytes(),
        )?;
    }
    w.finish()
}

/// A demo-size X archive (2024 layout, top folder, macOS junk); `records` scales the tweets.
pub fn demo(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    let mut spec = XSpec {
        seed,
        top_folder: true,
        macos_junk: true,
        ..Default::default()
    };
    match records {
        Some(n) => spec.tweets = n.max(1),
        None => {
            spec.tweets = 600;
            spec.likes = 200;
            spec.impressions = 400;
            spec.engagements = 40;
            spec.ad_advertisers = 12;
            spec.audience_advertisers = 15;
            spec.dm_conversations = 8;
            spec.messages_per_conversation = 25;
        }
    }
    generate(&spec, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_bytes_and_x_style_json() {
        let dir = tempfile::tempdir().unwrap();
        let a = generate(&XSpec::default(), &dir.path().join("a.zip")).unwrap();
        let b = generate(&XSpec::default(), &dir.path().join("b.zip")).unwrap();
        assert_eq!(std::fs::read(&a[0]).unwrap(), std::fs::read(&b[0]).unwrap());
        assert_eq!(
            x_json(&json!({"a": {"b": "c: d"}})),
            "{\n  \"a\" : {\n    \"b\" : \"c: d\"\n  }\n}"
        );
        assert_eq!(handle("Booking.com"), "@Bookingcom");
        assert_eq!(handle("L'Oréal Paris"), "@LOrealParis");
    }

    #[test]
    fn expected_companies_cover_every_kind_of_relation() {
        let e = expected_companies(&XSpec::default());
        let rels: std::collections::BTreeSet<&str> = e.keys().map(|k| k.1).collect();
        for r in [
            "connected_app",
            "data_broker_segment",
            "targeted_you",
            "ad_interaction",
            "uploaded_contact_list",
            "sent_off_platform_activity",
        ] {
            assert!(rels.contains(r), "{r}");
        }
    }
}
