//! Facebook and Instagram "Download Your Information" archives (JSON), per generation, with
//! the key names and layouts of FORMATS.md: the same third-party file in its old and new
//! schema (`custom_audiences_all_types_v2` until 2023, `label_values` lists since 2024),
//! messages with `title` and `thread_path` after the messages as Meta writes them, and Meta's
//! mojibake (UTF-8 bytes as `\u00XX` escapes) in every string when `mojibake` is on.
//!
//! Big files (message threads, off-Meta activity) are streamed into the archive, so the
//! benchmark size (100,000 messages, 2,000 off-Meta companies) never sits in memory.
//! Where FORMATS.md is silent, the paths follow real exports as far as known; such guesses are
//! marked in docs/IMPORTERS.md.

use crate::html_dates::Lang;
pub use crate::meta_html::MetaFormat;
use crate::names::{self, meta_mojibake};
use crate::odd_times::{OddTimes, Unit};
use crate::{meta_html, ArchiveWriter, Container, Rng};
use chrono::NaiveDate;
use serde_json::{json, Value};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Facebook layout generations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FbGen {
    /// The first JSON export: `ads/`, `friends/`, `likes_and_reactions/`, `comments/`,
    /// `posts/your_posts.json` (`status_updates`), `messages/inbox/<t>/message.json`,
    /// `apps_and_websites/apps_and_websites.json` (`installed_apps`); no `_v2` keys, no
    /// off-Facebook activity and no "advertisers using your activity" file yet.
    Y2018,
    /// `ads_and_businesses/` (with `your_off-facebook_activity.json`),
    /// `apps_and_websites/apps_and_websites.json` (`installed_apps_v2`), `friends/`,
    /// `likes_and_reactions/`, `posts/your_posts_1.json`, `_v2` keys.
    Y2020,
    /// `messages/inbox/`, `profile_information/`, `friends_and_followers/`, `_v2` keys.
    Y2022,
    /// `your_facebook_activity/`, `personal_information/`, `connections/`, `label_values`.
    Y2024,
}

/// What a generated Facebook export holds.
#[derive(Debug, Clone)]
pub struct FacebookSpec {
    pub seed: u64,
    pub generation: FbGen,
    pub threads: usize,
    pub messages_per_thread: usize,
    pub off_meta_companies: usize,
    pub events_per_company: usize,
    pub advertisers: usize,
    pub contact_list_uploaders: usize,
    pub connected_apps: usize,
    pub posts: usize,
    pub friends: usize,
    /// Meta-style escaping of all non-ASCII text (real exports do this).
    pub mojibake: bool,
    /// Put everything under `facebook-<name>-<date>/`.
    pub top_folder: bool,
    pub macos_junk: bool,
    /// JSON (default), HTML (the download page's default) or both side by side.
    pub format: MetaFormat,
    /// The language of the HTML pages' labels and dates.
    pub lang: Lang,
    /// Write the third-party files whose schema has its own keys under unexpected names
    /// (`contact_list_uploads.json`, `apps_and_websites.json` in a newer folder, ...), as
    /// older exports and hand-made archives do: they are found by content.
    pub renamed: bool,
    /// Write one in four timestamps of messages, posts and off-Meta events as a sentinel
    /// (`0`, `-1`, `9223372036854775807`), in nanoseconds or in 2090 ([`crate::odd_times`]).
    pub odd_timestamps: bool,
    pub container: Container,
    /// The day the export was made (its files' time), when not 2024-03-02: a later download
    /// of the same account.
    pub made: Option<NaiveDate>,
    /// Companies left out of the advertiser and contact-list files, as in a
    /// later export after those companies deleted the user's data. The off-Meta activity
    /// keeps every company (its default names do not meet the first advertisers').
    pub without: Vec<String>,
}

impl Default for FacebookSpec {
    fn default() -> Self {
        FacebookSpec {
            seed: 1,
            generation: FbGen::Y2024,
            threads: 3,
            messages_per_thread: 20,
            off_meta_companies: 5,
            events_per_company: 3,
            advertisers: 8,
            contact_list_uploaders: 3,
            connected_apps: 3,
            posts: 5,
            friends: 10,
            mojibake: true,
            top_folder: false,
            macos_junk: false,
            format: MetaFormat::Json,
            lang: Lang::En,
            renamed: false,
            odd_timestamps: false,
            container: Container::Zip,
            made: None,
            without: Vec::new(),
        }
    }
}

impl FacebookSpec {
    /// The name of the `i`th advertiser of the export (advertisers 0 and 1 appear in no other
    /// list of a default export: the candidates for [`FacebookSpec::without`]).
    pub fn advertiser_name(i: usize) -> String {
        names::company(i)
    }

    fn keeps(&self, name: &str) -> bool {
        !self.without.iter().any(|w| w == name)
    }

    /// The benchmark size: 100,000 messages and 2,000 off-Meta companies.
    pub fn benchmark() -> Self {
        FacebookSpec {
            threads: 100,
            messages_per_thread: 1_000,
            off_meta_companies: 2_000,
            events_per_company: 5,
            advertisers: 500,
            contact_list_uploaders: 100,
            friends: 500,
            posts: 1_000,
            ..Default::default()
        }
    }
}

/// Instagram layout generations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IgGen {
    /// The flat files of the first data download: `profile.json`, `connections.json`
    /// (objects of `username: ISO time`), `media.json`, `comments.json` and `likes.json`
    /// (lists of `[time, ...]`), `seen_content.json`, `messages.json` (every conversation),
    /// `account_history.json`; times are ISO-8601 text.
    Y2019,
    /// `account_information/`, `content/posts_1.json`, `followers_and_following/followers.json`.
    Y2021,
    /// Flat `ads_and_topics/`, `followers_and_following/followers_1.json`, `likes/`.
    Y2022,
    /// `your_instagram_activity/`, `connections/followers_and_following/`, usernames in `title`.
    Y2025,
}

/// What a generated Instagram export holds.
#[derive(Debug, Clone)]
pub struct InstagramSpec {
    pub seed: u64,
    pub generation: IgGen,
    pub threads: usize,
    pub messages_per_thread: usize,
    /// Not written by the 2021 generation (whose off-Meta layout is not documented).
    pub off_meta_companies: usize,
    pub events_per_company: usize,
    pub advertisers: usize,
    pub posts: usize,
    pub followers: usize,
    pub following: usize,
    pub likes: usize,
    pub ads_viewed: usize,
    pub ads_clicked: usize,
    pub mojibake: bool,
    /// Put everything under `instagram-<username>-<date>/`.
    pub top_folder: bool,
    pub macos_junk: bool,
    /// JSON (default), HTML (the download page's default) or both side by side.
    pub format: MetaFormat,
    /// The language of the HTML pages' labels and dates.
    pub lang: Lang,
    /// Write the third-party files under unexpected names (found by content).
    pub renamed: bool,
    /// As [`FacebookSpec::odd_timestamps`] (messages and off-Meta events).
    pub odd_timestamps: bool,
    pub container: Container,
}

impl Default for InstagramSpec {
    fn default() -> Self {
        InstagramSpec {
            seed: 1,
            generation: IgGen::Y2025,
            threads: 2,
            messages_per_thread: 15,
            off_meta_companies: 4,
            events_per_company: 2,
            advertisers: 6,
            posts: 4,
            followers: 8,
            following: 6,
            likes: 5,
            ads_viewed: 6,
            ads_clicked: 2,
            mojibake: true,
            top_folder: false,
            macos_junk: false,
            format: MetaFormat::Json,
            lang: Lang::En,
            renamed: false,
            odd_timestamps: false,
            container: Container::Zip,
        }
    }
}

/// Messages per `message_N.json`, as Meta splits long threads.
pub const MESSAGES_PER_FILE: usize = 10_000;

const EVENT_TYPES: &[&str] = &["PAGE_VIEW", "VIEW_CONTENT", "ADD_TO_CART", "PURCHASE", "SEARCH", "CUSTOM", "ACTIVATE_APP", "LOGIN"];
const TOPICS: &[&str] = &[
    "Cycling", "Coffee", "Travel", "Photography", "Jazz", "Vegetarian cuisine", "Football",
    "Crème brûlée", "Ski alpin", "Science fiction", "Gardening", "Electric vehicles", "Yoga",
    "Board games", "Street food", "Über-sized furniture",
];
const CATEGORIES: &[&str] = &[
    "Frequent international travellers", "Facebook access (mobile): smartphones and tablets",
    "Close friends of people with birthdays in a month", "Away from hometown", "Early technology adopters",
];
const EMOJI: &[&str] = &["😀", "👍", "❤", "🎉", "😂", "☕"];
const REACTIONS: &[&str] = &["👍", "❤", "😆", "😮", "😢"];
/// Apps that offer "Log in with Facebook": the head of the connected-apps list.
pub const APPS: &[&str] = &["Spotify", "Tinder", "Duolingo", "Candy Crush Saga", "Strava", "Booking.com", "Airbnb", "Deliveroo", "Uber", "Netflix"];

/// 2024+ labels of the advertisers file's lists (the kind of audience is told by the label).
pub const LABEL_UPLOADED_LIST: &str = "Advertisers who uploaded or used a list to reach you";
pub const LABEL_REMARKETING: &str = "Advertisers whose ads you see because you visited their website or app";
pub const LABEL_IN_STORE: &str = "Advertisers who reached you based on in-store visits";

/// The account owner, invented from the seed.
struct Owner {
    name: String,
    first: String,
    last: String,
    email: String,
    phone: String,
    username: String,
    birthday: (i64, i64, i64),
}

/// ASCII slug for usernames and file names (`Zoë Müller` -> `zoemuller`).
fn slug(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let c = c.to_lowercase().next().unwrap_or(c);
            let a = match c {
                'à' | 'á' | 'â' | 'ä' | 'å' | 'ã' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'í' | 'ì' | 'î' | 'ï' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'ø' | 'õ' => 'o',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                'ç' => 'c',
                'ñ' => 'n',
                c if c.is_ascii_alphanumeric() => c,
                _ => return None,
            };
            Some(a)
        })
        .collect()
}

fn person(rng: &mut Rng) -> (String, String) {
    (rng.pick(names::FIRST).to_string(), rng.pick(names::LAST).to_string())
}

/// The owner: the seed's [`Persona`], the same person as in the other platforms' exports
/// of that seed.
fn owner(seed: u64) -> Owner {
    let p = crate::Persona::for_seed(seed);
    Owner {
        name: p.name,
        email: p.email,
        phone: p.phone,
        username: p.username,
        birthday: p.birthday,
        first: p.first,
        last: p.last,
    }
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s: Vec<&str> = (0..words.max(1)).map(|_| *rng.pick(names::WORDS)).collect();
    if rng.chance(0.3) {
        s.push(*rng.pick(EMOJI));
    }
    let mut t = s.join(" ");
    if let Some(f) = t.get(0..1) {
        t = f.to_uppercase() + &t[1..];
    }
    t
}

/// Serialize the way Meta does: every non-ASCII char as `\uXXXX` (with mojibake all of them
/// are `\u00XX`). Non-ASCII chars only occur inside JSON strings, so escaping them in the
/// serialized text is exact.
fn meta_json(v: &Value, pretty: bool) -> Vec<u8> {
    let s = if pretty {
        serde_json::to_string_pretty(v)
    } else {
        serde_json::to_string(v)
    }
    .expect("a JSON value always serializes");
    use std::fmt::Write as _;
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let mut units = [0u16; 2];
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            for u in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{u:04x}");
            }
        }
    }
    out.into_bytes()
}

/// Shared state of one generation run.
struct Gen {
    rng: Rng,
    mojibake: bool,
    /// Odd timestamps in messages, posts and off-Meta events (`odd_timestamps` specs).
    odd: OddTimes,
    out: Out,
    /// Export date, Unix seconds; everything happens in the three years before.
    end: i64,
    /// 2018: a thread that fits one file is `message.json`, not `message_1.json`.
    unnumbered_threads: bool,
}

impl Gen {
    /// Text as the export writes it.
    fn t(&self, s: &str) -> String {
        if self.mojibake {
            meta_mojibake(s)
        } else {
            s.to_string()
        }
    }
    fn when(&mut self) -> i64 {
        self.end - self.rng.below(3 * 365 * 86_400) as i64
    }
    /// Write the file at `path` (a `.json` path) in the export's format(s).
    fn add(&self, w: &mut ArchiveWriter, path: &str, v: &Value) -> io::Result<()> {
        if self.out.format.json() {
            w.add(path, &meta_json(v, true))?;
        }
        if self.out.format.html() {
            let unclosed = self.out.unclosed_page(path);
            w.add(&meta_html::html_path(path), &meta_html::page(path, v, self.out.lang, unclosed))?;
        }
        Ok(())
    }
}

/// What to write and in which language, copied into the streaming writers.
#[derive(Clone, Copy)]
struct Out {
    format: MetaFormat,
    lang: Lang,
}

impl Out {
    /// The one page written with its rows' end tags left out and cut short of its closing
    /// tags (the mess a parser must survive): the lead-form page.
    fn unclosed_page(&self, path: &str) -> bool {
        path.ends_with("information_you've_submitted_to_advertisers.json")
    }
}

/// The files only the HTML format has: the index page, its assets, an empty page and a page
/// without records.
fn html_extras(w: &mut ArchiveWriter, out: Out, index: &str, empty: &str, no_data: &str) -> io::Result<()> {
    if !out.format.html() {
        return Ok(());
    }
    let head = meta_html::page_head("Your information", out.lang);
    let index_page = format!("{head}<div><a href=\"your_information.html\">Your information</a></div>{}", meta_html::PAGE_TAIL);
    w.add(index, index_page.as_bytes())?;
    w.add("files/Meta-logo.png", FAKE_PNG)?;
    w.add("files/icons/settings.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>")?;
    w.add(empty, b"")?;
    let title = meta_html::stem_of(no_data).replace('_', " ");
    let page = format!("{}{}{}", meta_html::page_head(&title, out.lang), meta_html::no_data(out.lang), meta_html::PAGE_TAIL);
    w.add(no_data, page.as_bytes())
}

/// Stream `{<before>, "<key>": [items...], <after>}` (or a top-level array when `key` is
/// empty) into the archive, one item at a time.
#[allow(clippy::too_many_arguments)]
fn stream_file(
    w: &mut ArchiveWriter,
    fmt: Out,
    path: &str,
    before: &[(&str, Value)],
    key: &str,
    n: usize,
    item: &mut dyn FnMut(usize) -> Value,
    after: &[(&str, Value)],
) -> io::Result<()> {
    let stem = meta_html::stem_of(path).to_string();
    let head = meta_html::page_head(&meta_html::stream_title(path, after, fmt.lang), fmt.lang);
    if !fmt.format.json() {
        // HTML only: stream the page, one box per item.
        return w.add_with(&meta_html::html_path(path), |out| {
            let mut out = io::BufWriter::with_capacity(1 << 16, out);
            out.write_all(head.as_bytes())?;
            for i in 0..n {
                let b = meta_html::stream_box(&stem, &item(i), fmt.lang);
                out.write_all(meta_html::render_box(&b, fmt.lang, false).as_bytes())?;
            }
            out.write_all(meta_html::PAGE_TAIL.as_bytes())?;
            out.flush()
        });
    }
    // Both formats: the page is built beside the JSON stream and written after it.
    let mut page: Option<String> = fmt.format.html().then_some(head);
    let mut item = |i: usize| {
        let v = item(i);
        if let Some(p) = page.as_mut() {
            p.push_str(&meta_html::render_box(&meta_html::stream_box(&stem, &v, fmt.lang), fmt.lang, false));
        }
        v
    };
    stream_json_file(w, path, before, key, n, &mut item, after)?;
    if let Some(mut p) = page {
        p.push_str(meta_html::PAGE_TAIL);
        w.add(&meta_html::html_path(path), p.as_bytes())?;
    }
    Ok(())
}

/// The JSON half of [`stream_file`].
fn stream_json_file(
    w: &mut ArchiveWriter,
    path: &str,
    before: &[(&str, Value)],
    key: &str,
    n: usize,
    item: &mut dyn FnMut(usize) -> Value,
    after: &[(&str, Value)],
) -> io::Result<()> {
    w.add_with(path, |out| {
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        if key.is_empty() {
            out.write_all(b"[\n")?;
        } else {
            out.write_all(b"{\n")?;
            for (k, v) in before {
                write!(out, "  \"{k}\": ")?;
                out.write_all(&meta_json(v, false))?;
                out.write_all(b",\n")?;
            }
            writeln!(out, "  \"{key}\": [")?;
        }
        for i in 0..n {
            if i > 0 {
                out.write_all(b",\n")?;
            }
            out.write_all(b"    ")?;
            out.write_all(&meta_json(&item(i), false))?;
        }
        if key.is_empty() {
            out.write_all(b"\n]\n")?;
        } else {
            out.write_all(b"\n  ]")?;
            for (k, v) in after {
                write!(out, ",\n  \"{k}\": ")?;
                out.write_all(&meta_json(v, false))?;
            }
            out.write_all(b"\n}\n")?;
        }
        out.flush()
    })
}

/// A few bytes that start and end like a JPEG.
const FAKE_JPEG: &[u8] = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00synthetic\xFF\xD9";
/// A few bytes that start like a PNG (the HTML export's logo in `files/`).
const FAKE_PNG: &[u8] = b"\x89PNG\r\n\x1a\nsynthetic";

fn writer(out: &Path, container: Container, top: Option<String>, junk: bool) -> io::Result<ArchiveWriter> {
    let mut w = ArchiveWriter::new(out, container)?.macos_junk(junk);
    if let Some(t) = top {
        w = w.top_folder(&t);
    }
    Ok(w)
}

/// One message thread, split into `message_N.json` files of [`MESSAGES_PER_FILE`], newest
/// first, with the header fields in Meta's order (title and thread_path after the messages).
#[allow(clippy::too_many_arguments)]
fn write_thread(
    g: &mut Gen,
    w: &mut ArchiveWriter,
    dir: &str,
    thread_path: &str,
    title: &str,
    participants: &[String],
    n: usize,
    photos_in_archive: &mut usize,
) -> io::Result<()> {
    let files = n.div_ceil(MESSAGES_PER_FILE).max(1);
    let start = g.when();
    let fmt = g.out;
    let participants_json: Vec<Value> = participants.iter().map(|p| json!({"name": g.t(p)})).collect();
    let title_json = json!(g.t(title));
    for f in 0..files {
        let lo = f * MESSAGES_PER_FILE;
        let count = MESSAGES_PER_FILE.min(n - lo.min(n));
        let path = if g.unnumbered_threads && files == 1 {
            format!("{dir}/{thread_path}/message.json")
        } else {
            format!("{dir}/{thread_path}/message_{}.json", f + 1)
        };
        let mut photo_files = Vec::new();
        let mut item = |i: usize| {
            let k = lo + i;
            // Newest first, a few minutes apart.
            let ts_ms = (start - (k as i64) * 137) * 1000 + g.rng.below(1000) as i64;
            let ts_ms = g.odd.apply(ts_ms, Unit::Millis);
            let sender = &participants[g.rng.below(participants.len() as u64) as usize];
            let mut m = serde_json::Map::new();
            m.insert("sender_name".into(), json!(g.t(sender)));
            m.insert("timestamp_ms".into(), json!(ts_ms));
            let roll = g.rng.below(20);
            if roll == 0 {
                let uri = format!("{dir}/{thread_path}/photos/{}.jpg", 100_000 + k);
                if *photos_in_archive < 4 {
                    photo_files.push(uri.clone());
                    *photos_in_archive += 1;
                }
                m.insert("photos".into(), json!([{"uri": uri, "creation_timestamp": ts_ms / 1000}]));
            } else {
                let words = 2 + g.rng.below(10) as usize;
                let text = sentence(&mut g.rng, words);
                m.insert("content".into(), json!(g.t(&text)));
            }
            if roll == 1 {
                m.insert("share".into(), json!({"link": format!("https://example.com/article/{k}")}));
            }
            if g.rng.chance(0.1) {
                let actor = &participants[g.rng.below(participants.len() as u64) as usize];
                let reaction = *g.rng.pick(REACTIONS);
                let reaction = g.t(reaction);
                m.insert("reactions".into(), json!([{"reaction": reaction, "actor": g.t(actor)}]));
            }
            m.insert("is_geoblocked_for_viewer".into(), json!(false));
            Value::Object(m)
        };
        stream_file(
            w,
            fmt,
            &path,
            &[("participants", Value::Array(participants_json.clone()))],
            "messages",
            count,
            &mut item,
            &[
                ("title", title_json.clone()),
                ("is_still_participant", json!(true)),
                ("thread_path", json!(thread_path)),
                ("magic_words", json!([])),
            ],
        )?;
        for p in photo_files {
            w.add(&p, FAKE_JPEG)?;
        }
    }
    Ok(())
}

/// The message threads of an export: 1:1 chats with friends, every fourth a group.
fn write_threads(g: &mut Gen, w: &mut ArchiveWriter, dir: &str, me: &str, threads: usize, per_thread: usize) -> io::Result<()> {
    let mut photos = 0usize;
    for t in 0..threads {
        let (f, l) = person(&mut g.rng);
        let friend = format!("{f} {l}");
        let (title, participants) = if t % 4 == 3 {
            let (f2, l2) = person(&mut g.rng);
            let title = format!("{} {}", g.rng.pick(names::WORDS), "club");
            (title, vec![friend.clone(), format!("{f2} {l2}"), me.to_string()])
        } else {
            (friend.clone(), vec![friend.clone(), me.to_string()])
        };
        let thread_path = format!("inbox/{}_{}", slug(&title), 10_000_000 + t * 7919);
        write_thread(g, w, dir, &thread_path, &title, &participants, per_thread, &mut photos)?;
    }
    Ok(())
}

/// An advertiser and the kinds of custom audience it put the user in.
struct Advertiser {
    name: String,
    data_file: bool,
    remarketing: bool,
    in_store: bool,
}

/// Advertisers and their audience flags (every advertiser has at least one).
fn advertisers(g: &mut Gen, n: usize) -> Vec<Advertiser> {
    (0..n)
        .map(|i| {
            let data_file = g.rng.chance(0.4);
            let in_store = g.rng.chance(0.1);
            let remarketing = g.rng.chance(0.6) || !(data_file || in_store);
            Advertiser { name: names::company(i), data_file, remarketing, in_store }
        })
        .collect()
}

/// Off-Meta activity: `off_meta_companies` companies, `events` events each, streamed.
fn write_off_meta(g: &mut Gen, w: &mut ArchiveWriter, path: &str, key: &str, companies: usize, events: usize, offset: usize) -> io::Result<()> {
    let fmt = g.out;
    let mut item = |i: usize| {
        let id = 100_000 + (i as u64) * 13;
        let evs: Vec<Value> = (0..events)
            .map(|_| {
                let ts = g.when();
                let ts = g.odd.apply(ts, Unit::Secs);
                json!({"id": id, "type": *g.rng.pick(EVENT_TYPES), "timestamp": ts})
            })
            .collect();
        json!({"name": g.t(&names::company(offset + i)), "events": evs})
    };
    stream_file(w, fmt, path, &[], key, companies, &mut item, &[])
}

/// Write a Facebook export; returns the paths written (one per part for part-zips).
pub fn generate_facebook(spec: &FacebookSpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    let rng = Rng::new(spec.seed);
    let me = owner(spec.seed);
    let gen = spec.generation;
    let (end, date) = match gen {
        FbGen::Y2018 => (1_527_811_200, "2018-06-01"),
        FbGen::Y2020 => (1_604_188_800, "2020-11-01"),
        FbGen::Y2022 => (1_654_041_600, "2022-06-01"),
        FbGen::Y2024 => (1_709_251_200, "2024-03-01"),
    };
    let old = matches!(gen, FbGen::Y2018 | FbGen::Y2020);
    let mut g = Gen {
        rng,
        mojibake: spec.mojibake,
        odd: OddTimes::new(spec.odd_timestamps),
        out: Out { format: spec.format, lang: spec.lang },
        end,
        unnumbered_threads: gen == FbGen::Y2018,
    };
    // The download's folder is named after the day it was made.
    let made = spec.made.map(|d| d.format("%Y-%m-%d").to_string());
    let top = spec
        .top_folder
        .then(|| format!("facebook-{}-{}", slug(&me.name), made.as_deref().unwrap_or(date)));
    let mut w = writer(out, spec.container, top, spec.macos_junk)?;
    if let Some(day) = spec.made {
        w = w.made_on(day);
    }
    let y24 = gen == FbGen::Y2024;
    // 2018 keys have no `_v2`.
    let k = |base: &str| if gen == FbGen::Y2018 { base.to_string() } else { format!("{base}_v2") };
    // Where the ad files live: `ads/` (2018), `ads_and_businesses/` (2019-20), `ads_information/`.
    let ads_dir = match gen {
        FbGen::Y2018 => "ads",
        FbGen::Y2020 => "ads_and_businesses",
        _ => "ads_information",
    };
    // Messiness: third-party files with their own keys under unexpected names.
    let named = |path: &str| -> String {
        if !spec.renamed {
            return path.to_string();
        }
        let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
        let file = match file {
            "advertisers_who_uploaded_a_contact_list_with_your_information.json" if !y24 => "contact_list_uploads.json",
            "connected_apps_and_websites.json" => "apps_and_websites.json",
            "apps_and_websites.json" => "connected_apps.json",
            "your_off-facebook_activity.json" | "your_activity_off_meta_technologies.json" => "off_facebook_activity.json",
            "advertisers_you've_interacted_with.json" => "advertisers_you_interacted_with.json",
            other => other,
        };
        if dir.is_empty() { file.to_string() } else { format!("{dir}/{file}") }
    };
    let (profile_path, messages_dir, posts_path, comments_path, reactions_path, friends_path, sent_path, interests_path, off_meta_path) = if old {
        (
            "profile_information/profile_information.json",
            "messages",
            if gen == FbGen::Y2018 { "posts/your_posts.json" } else { "posts/your_posts_1.json" },
            "comments/comments.json",
            "likes_and_reactions/posts_and_comments.json",
            "friends/friends.json",
            "friends/sent_friend_requests.json",
            if gen == FbGen::Y2018 { "ads/ads_interests.json" } else { "ads_and_businesses/ads_interests.json" },
            "ads_and_businesses/your_off-facebook_activity.json",
        )
    } else if y24 {
        (
            "personal_information/profile_information/profile_information.json",
            "your_facebook_activity/messages",
            "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
            "your_facebook_activity/comments_and_reactions/comments.json",
            "your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json",
            "connections/friends/your_friends.json",
            "connections/friends/sent_friend_requests.json",
            "logged_information/other_logged_information/ads_interests.json",
            "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json",
        )
    } else {
        (
            "profile_information/profile_information.json",
            "messages",
            "posts/your_posts_1.json",
            "comments_and_reactions/comments.json",
            "comments_and_reactions/posts_and_comments.json",
            "friends_and_followers/friends.json",
            "friends_and_followers/sent_friend_requests.json",
            "other_logged_information/ads_interests.json",
            "apps_and_websites_off_of_facebook/your_off-facebook_activity.json",
        )
    };

    // Profile.
    let (by, bm, bd) = me.birthday;
    // Older exports: an account from five years before (dates stay after 2012).
    let registered = g.end - if old { 5 } else { 10 } * 365 * 86_400;
    let mut profile = json!({"profile_v2": {
        "name": {"full_name": g.t(&me.name), "first_name": g.t(&me.first), "middle_name": "", "last_name": g.t(&me.last)},
        "emails": {"emails": [me.email], "previous_emails": [], "pending_emails": [], "ad_account_emails": []},
        "birthday": {"year": by, "month": bm, "day": bd},
        "gender": {"gender_option": "NONBINARY", "pronoun": "THEY"},
        "current_city": {"name": g.t("Malmö, Sweden"), "timestamp": registered + 86_400},
        "phone_numbers": [{"phone_type": "Mobile", "phone_number": me.phone, "verified": true}],
        "username": me.username,
        "registration_timestamp": registered,
        "profile_uri": format!("https://www.facebook.com/{}", me.username),
    }});
    if gen == FbGen::Y2018 {
        let p = profile["profile_v2"].take();
        profile = json!({ "profile": p });
    }
    g.add(&mut w, profile_path, &profile)?;

    // Messages.
    write_threads(&mut g, &mut w, messages_dir, &me.name, spec.threads, spec.messages_per_thread)?;

    // Posts, with media, links and places.
    let mut post_media = Vec::new();
    let mut posts = Vec::new();
    for i in 0..spec.posts {
        let ts = g.when();
        let ts = g.odd.apply(ts, Unit::Secs);
        let text = sentence(&mut g.rng, 4 + (i % 8));
        let mut attachments = Vec::new();
        match i % 4 {
            1 => {
                let uri = format!("{}/media/album_{}/{}.jpg", if y24 { "your_facebook_activity/posts" } else { "posts" }, i / 10, 200_000 + i);
                if post_media.len() < 3 {
                    post_media.push(uri.clone());
                }
                attachments.push(json!({"data": [{"media": {"uri": uri, "creation_timestamp": ts, "title": "", "description": g.t(&text)}}]}));
            }
            2 => attachments.push(json!({"data": [{"external_context": {"url": format!("https://example.org/story/{i}")}}]})),
            3 => attachments.push(json!({"data": [{"place": {"name": g.t("Café de Flore"), "coordinate": {"latitude": 48.8541, "longitude": 2.3326}, "address": "", "url": ""}}]})),
            _ => {}
        }
        posts.push(json!({
            "timestamp": ts,
            "attachments": attachments,
            "data": [{"post": g.t(&text)}, {"update_timestamp": ts}],
            "title": g.t(&format!("{} updated their status.", me.name)),
        }));
    }
    if gen == FbGen::Y2018 {
        g.add(&mut w, posts_path, &json!({ "status_updates": posts }))?;
    } else {
        g.add(&mut w, posts_path, &Value::Array(posts))?;
    }
    for p in &post_media {
        w.add(p, FAKE_JPEG)?;
    }

    // Comments and reactions.
    let comments: Vec<Value> = (0..spec.posts)
        .map(|i| {
            let ts = g.when();
            let (f, _) = person(&mut g.rng);
            let text = sentence(&mut g.rng, 3 + i % 5);
            json!({"timestamp": ts, "data": [{"comment": {"timestamp": ts, "comment": g.t(&text), "author": g.t(&me.name)}}],
                   "title": g.t(&format!("{} commented on {f}'s post.", me.name))})
        })
        .collect();
    g.add(&mut w, comments_path, &json!({ k("comments"): comments }))?;
    let reactions: Vec<Value> = (0..spec.posts)
        .map(|i| {
            let ts = g.when();
            let (f, l) = person(&mut g.rng);
            if y24 {
                json!({"timestamp": ts, "fbid": format!("{}", 900_000 + i), "media": [], "label_values": [
                    {"label": "Reaction", "value": "Like"},
                    {"label": "Name", "value": g.t(&format!("{f} {l}"))},
                    {"label": "URL", "value": format!("https://www.facebook.com/photo/?fbid={}", 900_000 + i), "href": format!("https://www.facebook.com/photo/?fbid={}", 900_000 + i)}]})
            } else {
                json!({"timestamp": ts, "data": [{"reaction": {"reaction": "LIKE", "actor": g.t(&me.name)}}],
                       "title": g.t(&format!("{} likes {f} {l}'s photo.", me.name))})
            }
        })
        .collect();
    if y24 {
        g.add(&mut w, reactions_path, &Value::Array(reactions))?;
    } else {
        g.add(&mut w, reactions_path, &json!({ k("reactions"): reactions }))?;
    }
    if old {
        // Page likes beside the reactions (`likes_and_reactions/pages.json`).
        let pages: Vec<Value> = (0..3)
            .map(|i| {
                let ts = g.when();
                json!({"name": g.t(&names::company(300 + i)), "timestamp": ts})
            })
            .collect();
        g.add(&mut w, "likes_and_reactions/pages.json", &json!({ k("page_likes"): pages }))?;
    }

    // Friends.
    let friends: Vec<Value> = (0..spec.friends)
        .map(|_| {
            let (f, l) = person(&mut g.rng);
            let ts = g.when();
            json!({"name": g.t(&format!("{f} {l}")), "timestamp": ts})
        })
        .collect();
    g.add(&mut w, friends_path, &json!({ k("friends"): friends }))?;
    let sent: Vec<Value> = (0..2)
        .map(|_| {
            let (f, l) = person(&mut g.rng);
            let ts = g.when();
            json!({"name": g.t(&format!("{f} {l}")), "timestamp": ts})
        })
        .collect();
    g.add(&mut w, sent_path, &json!({ k("sent_requests"): sent }))?;

    // Ad interests and categories.
    let topics: Vec<Value> = TOPICS.iter().take(10).map(|t| json!(g.t(t))).collect();
    g.add(&mut w, interests_path, &json!({ k("topics"): topics }))?;
    let cats: Vec<String> = CATEGORIES.iter().map(|c| g.t(c)).collect();
    let other_categories = if y24 {
        json!({"label_values": [{"label": "Other categories used to reach you", "vec": cats.iter().map(|c| json!({"value": c})).collect::<Vec<_>>()}]})
    } else {
        json!({"bcts": cats})
    };
    if !old {
        g.add(&mut w, "ads_information/other_categories_used_to_reach_you.json", &other_categories)?;
    }

    // Advertisers using your activity or information: the same facts in the old or new schema.
    let mut ads = advertisers(&mut g, spec.advertisers);
    // Dropped after drawing, so the other advertisers keep the facts they had.
    ads.retain(|a| spec.keeps(&a.name));
    let advertisers_file = if y24 {
        let list = |pick: &dyn Fn(&Advertiser) -> bool| -> Vec<Value> {
            ads.iter().filter(|a| pick(a)).map(|a| json!({"value": g.t(&a.name)})).collect()
        };
        json!({"label_values": [
            {"label": LABEL_UPLOADED_LIST, "vec": list(&|a| a.data_file)},
            {"label": LABEL_REMARKETING, "vec": list(&|a| a.remarketing)},
            {"label": LABEL_IN_STORE, "vec": list(&|a| a.in_store)},
        ]})
    } else {
        let items: Vec<Value> = ads
            .iter()
            .map(|a| json!({"advertiser_name": g.t(&a.name), "has_data_file_custom_audience": a.data_file,
                            "has_remarketing_custom_audience": a.remarketing, "has_in_person_store_visit": a.in_store}))
            .collect();
        json!({"custom_audiences_all_types_v2": items})
    };
    // Not in the 2018-20 layouts (advertisers were listed by contact-list upload only).
    if !old {
        g.add(&mut w, "ads_information/advertisers_using_your_activity_or_information.json", &advertisers_file)?;
    }

    // Contact-list uploaders: half of them also advertise to the user.
    let uploaders: Vec<String> = (0..spec.contact_list_uploaders)
        .map(|i| names::company(spec.advertisers / 2 + i))
        .filter(|n| spec.keeps(n))
        .map(|n| g.t(&n))
        .collect();
    let contact_file = if y24 {
        json!({"label_values": [{"label": "Advertisers who uploaded a contact list with your information",
                                 "vec": uploaders.iter().map(|u| json!({"value": u})).collect::<Vec<_>>()}]})
    } else {
        json!({ k("custom_audiences"): uploaders })
    };
    let contact_path = format!("{ads_dir}/advertisers_who_uploaded_a_contact_list_with_your_information.json");
    g.add(&mut w, &named(&contact_path), &contact_file)?;

    // Ads the user interacted with, and a lead form.
    let history: Vec<Value> = ads
        .iter()
        .take(spec.advertisers.div_ceil(2))
        .map(|a| {
            let ts = g.when();
            json!({"title": g.t(&a.name), "action": "Clicked ad", "timestamp": ts})
        })
        .collect();
    let interacted_path = format!("{ads_dir}/advertisers_you've_interacted_with.json");
    g.add(&mut w, &named(&interacted_path), &json!({ k("history"): history }))?;
    let leads = json!({"lead_gen_info_v2": [
        {"label": "EMAIL", "value": me.email},
        {"label": "FULL_NAME", "value": g.t(&me.name)},
        {"label": "PHONE", "value": me.phone},
    ]});
    if !old {
        g.add(&mut w, "ads_information/information_you've_submitted_to_advertisers.json", &leads)?;
    }

    // Off-Meta activity (large: streamed; since 2020) and connected apps.
    if gen != FbGen::Y2018 {
        write_off_meta(&mut g, &mut w, &named(off_meta_path), "off_facebook_activity_v2", spec.off_meta_companies, spec.events_per_company, spec.advertisers / 4)?;
    }
    let apps: Vec<Value> = (0..spec.connected_apps)
        .map(|i| {
            let name = APPS.get(i).map(|s| s.to_string()).unwrap_or_else(|| names::company(200 + i));
            let added = g.when();
            let removed = (i % 3 == 2).then(|| added + 86_400 * 30);
            if gen == FbGen::Y2018 {
                // 2018: name and date only.
                return json!({"name": g.t(&name), "added_timestamp": added});
            }
            json!({"name": g.t(&name), "added_timestamp": added, "user_app_scoped_id": 5_000_000 + i,
                   "category": if removed.is_some() { "removed" } else { "active" },
                   "removed_timestamp": removed.unwrap_or(0)})
        })
        .collect();
    // Connected apps were `apps_and_websites.json` until 2021.
    let apps_path = if old { "apps_and_websites/apps_and_websites.json" } else { "apps_and_websites_off_of_facebook/connected_apps_and_websites.json" };
    g.add(&mut w, &named(apps_path), &json!({ k("installed_apps"): apps }))?;

    // Login activity: a file without a dedicated parser (walked generically).
    let logins: Vec<Value> = (0..3)
        .map(|i| {
            let ts = g.when();
            json!({"action": "Login", "timestamp": ts, "ip_address": format!("198.51.100.{}", 10 + i),
                   "user_agent": "Mozilla/5.0 (X11; Linux x86_64)", "city": g.t("Malmö"), "country": "SE"})
        })
        .collect();
    g.add(&mut w, "security_and_login_information/account_activity.json", &json!({ k("account_activity"): logins }))?;
    if y24 {
        // A 2024 generic record file: searches as label_values records.
        let searches: Vec<Value> = (0..4)
            .map(|i| {
                let ts = g.when();
                let q = sentence(&mut g.rng, 2);
                json!({"timestamp": ts, "fbid": format!("{}", 700_000 + i), "media": [], "label_values": [
                    {"label": "Search", "value": g.t(&q)}, {"label": "Time", "timestamp_value": ts}]})
            })
            .collect();
        g.add(&mut w, "logged_information/search/your_search_history.json", &json!({"searches_v2": searches}))?;
    } else if !old {
        // A file no Meta parser knows, in a pre-2024 folder: reported as unknown.
        g.add(&mut w, "other_activity/pokes.json", &json!({"pokes_v2": [{"poker": "Kim Novak", "pokee": g.t(&me.name), "rank": 1, "timestamp": g.end - 1000}]}))?;
    }

    let (index, empty, no_data) = if y24 {
        ("start_here.html", "preferences/your_topics/your_topics.html", "your_facebook_activity/events/your_event_responses.html")
    } else {
        ("index.html", "other_logged_information/recommended_topics.html", "events/your_event_responses.html")
    };
    html_extras(&mut w, g.out, index, empty, no_data)?;
    w.finish()
}

/// Write an Instagram export; returns the paths written.
pub fn generate_instagram(spec: &InstagramSpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    let rng = Rng::new(spec.seed ^ 0x1a57_a9a3);
    let me = owner(spec.seed);
    let (end, date) = match spec.generation {
        IgGen::Y2019 => (1_567_296_000, "2019-09-01"),
        IgGen::Y2021 => (1_617_235_200, "2021-04-01"),
        IgGen::Y2022 => (1_656_633_600, "2022-07-01"),
        IgGen::Y2025 => (1_738_368_000, "2025-02-01"),
    };
    let mut g = Gen {
        rng,
        mojibake: spec.mojibake,
        odd: OddTimes::new(spec.odd_timestamps),
        out: Out { format: spec.format, lang: spec.lang },
        end,
        unnumbered_threads: false,
    };
    // The 2019 download was `<username>_<yyyymmdd>.zip` (~).
    let top = spec.top_folder.then(|| match spec.generation {
        IgGen::Y2019 => format!("{}_{}", me.username, date.replace('-', "")),
        _ => format!("instagram-{}-{date}", me.username),
    });
    let mut w = writer(out, spec.container, top, spec.macos_junk)?;
    let gen = spec.generation;
    if gen == IgGen::Y2019 {
        write_instagram_2019(spec, &mut g, &mut w, &me)?;
        return w.finish();
    }
    let y25 = gen == IgGen::Y2025;
    // Messiness: third-party files whose schema has its own keys, under other names.
    let named = |path: &'static str| -> String {
        if !spec.renamed {
            return path.to_string();
        }
        path.replace("advertisers_using_your_activity_or_information.json", "advertisers_using_your_information.json")
            .replace("ads_viewed.json", "ads_you_saw.json")
    };
    let p = |y21: &'static str, y22: &'static str, y25: &'static str| match gen {
        IgGen::Y2019 => unreachable!("written by write_instagram_2019"),
        IgGen::Y2021 => y21,
        IgGen::Y2022 => y22,
        IgGen::Y2025 => y25,
    };

    // Profile: string_map_data; in 2025 the username is the title.
    let mut smd = serde_json::Map::new();
    let leaf = |v: String| json!({"href": "", "value": v, "timestamp": 0});
    smd.insert("Email".into(), leaf(me.email.clone()));
    smd.insert("Phone Number".into(), leaf(me.phone.clone()));
    smd.insert("Phone Confirmed".into(), leaf("True".into()));
    smd.insert("Name".into(), leaf(g.t(&me.name)));
    smd.insert("Bio".into(), leaf({ let s = sentence(&mut g.rng, 5); g.t(&s) }));
    smd.insert("Gender".into(), leaf("Prefer not to say".into()));
    smd.insert("Date of birth".into(), leaf(format!("{:04}-{:02}-{:02}", me.birthday.0, me.birthday.1, me.birthday.2)));
    smd.insert("Private Account".into(), leaf("False".into()));
    let mut user = serde_json::Map::new();
    if y25 {
        user.insert("title".into(), json!(me.username));
    } else {
        smd.insert("Username".into(), leaf(me.username.clone()));
    }
    user.insert("media_map_data".into(), json!({"Profile Photo": {"uri": "media/other/profile.jpg", "creation_timestamp": g.end - 9_000_000, "title": ""}}));
    user.insert("string_map_data".into(), Value::Object(smd));
    let profile_path = p(
        "account_information/personal_information.json",
        "personal_information/personal_information.json",
        "personal_information/personal_information/personal_information.json",
    );
    g.add(&mut w, profile_path, &json!({"profile_user": [Value::Object(user)]}))?;

    // Messages.
    let messages_dir = p("messages", "messages", "your_instagram_activity/messages");
    write_threads(&mut g, &mut w, messages_dir, &me.name, spec.threads, spec.messages_per_thread)?;

    // Posts: media lists with captions.
    let media_dir = p("media/posts", "media/posts", "media/posts");
    let mut media_files = Vec::new();
    let posts: Vec<Value> = (0..spec.posts)
        .map(|i| {
            let ts = g.when();
            let caption = sentence(&mut g.rng, 3 + i % 6);
            let month = format!("{media_dir}/2024{:02}/{}.jpg", 1 + i % 12, 300_000 + i);
            if media_files.len() < 3 {
                media_files.push(month.clone());
            }
            if i % 3 == 2 {
                // A carousel: the caption and time move to the post.
                json!({"media": [{"uri": month, "creation_timestamp": ts, "title": ""},
                                 {"uri": format!("{media_dir}/x/{}.jpg", 400_000 + i), "creation_timestamp": ts, "title": ""}],
                       "title": g.t(&caption), "creation_timestamp": ts})
            } else {
                json!({"media": [{"uri": month, "creation_timestamp": ts, "title": g.t(&caption), "cross_post_source": {"source_app": "FB"}}]})
            }
        })
        .collect();
    g.add(&mut w, p("content/posts_1.json", "content/posts_1.json", "your_instagram_activity/media/posts_1.json"), &Value::Array(posts))?;
    for m in &media_files {
        w.add(m, FAKE_JPEG)?;
    }

    // Likes (2025: owner username in title, no value).
    let likes: Vec<Value> = (0..spec.likes)
        .map(|i| {
            let (f, l) = person(&mut g.rng);
            let owner = format!("{}.{}", slug(&f), slug(&l));
            let ts = g.when();
            let href = format!("https://www.instagram.com/p/C{:08}/", 1000 + i);
            json!({"title": owner, "string_list_data": [{"href": href, "value": g.t("👍"), "timestamp": ts}]})
        })
        .collect();
    g.add(&mut w, p("likes/liked_posts.json", "likes/liked_posts.json", "your_instagram_activity/likes/liked_posts.json"), &json!({"likes_media_likes": likes}))?;

    // Comments: 2021 string_list_data, later string_map_data.
    let comments: Vec<Value> = (0..spec.posts)
        .map(|i| {
            let (f, l) = person(&mut g.rng);
            let owner = format!("{}.{}", slug(&f), slug(&l));
            let ts = g.when();
            let text = { let s = sentence(&mut g.rng, 2 + i % 4); g.t(&s) };
            if gen == IgGen::Y2021 {
                json!({"title": owner, "string_list_data": [{"value": text, "timestamp": ts}]})
            } else {
                json!({"media_list_data": [], "string_map_data": {
                    "Comment": {"value": text}, "Media Owner": {"value": owner}, "Time": {"timestamp": ts}}})
            }
        })
        .collect();
    match gen {
        IgGen::Y2019 => unreachable!("written by write_instagram_2019"),
        IgGen::Y2021 => g.add(&mut w, "comments/post_comments.json", &json!({"comments_media_comments": comments}))?,
        IgGen::Y2022 => g.add(&mut w, "comments/post_comments.json", &Value::Array(comments))?,
        IgGen::Y2025 => g.add(&mut w, "your_instagram_activity/comments/post_comments_1.json", &Value::Array(comments))?,
    }

    // Followers and following.
    let mut relation = |n: usize| -> Vec<Value> {
        (0..n)
            .map(|_| {
                let (f, l) = person(&mut g.rng);
                let u = format!("{}_{}", slug(&f), slug(&l));
                let ts = g.when();
                let href = format!("https://www.instagram.com/{u}");
                if y25 {
                    json!({"title": u, "string_list_data": [{"href": format!("https://www.instagram.com/_u/{u}"), "timestamp": ts}]})
                } else {
                    json!({"title": "", "media_list_data": [], "string_list_data": [{"href": href, "value": u, "timestamp": ts}]})
                }
            })
            .collect()
    };
    let followers = relation(spec.followers);
    let following = relation(spec.following);
    match gen {
        IgGen::Y2019 => unreachable!("written by write_instagram_2019"),
        IgGen::Y2021 => {
            g.add(&mut w, "followers_and_following/followers.json", &json!({"relationships_followers": followers}))?;
            g.add(&mut w, "followers_and_following/following.json", &json!({"relationships_following": following}))?;
        }
        IgGen::Y2022 => {
            g.add(&mut w, "followers_and_following/followers_1.json", &Value::Array(followers))?;
            g.add(&mut w, "followers_and_following/following.json", &json!({"relationships_following": following}))?;
        }
        IgGen::Y2025 => {
            g.add(&mut w, "connections/followers_and_following/followers_1.json", &Value::Array(followers))?;
            g.add(&mut w, "connections/followers_and_following/following.json", &json!({"relationships_following": following}))?;
        }
    }

    // Advertisers using your activity or information (Instagram keeps the flag schema).
    let ads = advertisers(&mut g, spec.advertisers);
    let items: Vec<Value> = ads
        .iter()
        .map(|a| json!({"advertiser_name": g.t(&a.name), "has_data_file_custom_audience": a.data_file,
                        "has_remarketing_custom_audience": a.remarketing, "has_in_person_store_visit": a.in_store}))
        .collect();
    let adv_path = p(
        "ads_and_businesses/advertisers_using_your_activity_or_information.json",
        "ads_and_businesses/advertisers_using_your_activity_or_information.json",
        "ads_information/instagram_ads_and_businesses/advertisers_using_your_activity_or_information.json",
    );
    g.add(&mut w, &named(adv_path), &json!({"ig_custom_audiences_all_types": items}))?;

    // Ads seen and clicked: Author and Time.
    let mut impressions = |n: usize, offset: usize| -> Vec<Value> {
        (0..n)
            .map(|i| {
                let ts = g.when();
                json!({"string_map_data": {"Author": {"value": g.t(&names::company(offset + i % 20))}, "Time": {"timestamp": ts}}})
            })
            .collect()
    };
    let seen = impressions(spec.ads_viewed, 5);
    let clicked = impressions(spec.ads_clicked, 5);
    g.add(&mut w, &named(p("ads_and_content/ads_viewed.json", "ads_and_topics/ads_viewed.json", "ads_information/ads_and_topics/ads_viewed.json")), &json!({"impressions_history_ads_seen": seen}))?;
    if gen != IgGen::Y2021 {
        g.add(&mut w, p("", "ads_and_topics/ads_clicked.json", "ads_information/ads_and_topics/ads_clicked.json"), &json!({"impressions_history_ads_clicked": clicked}))?;
    }

    // Interests: inferred interests (2021), topics (2022), categories as label_values (2025).
    match gen {
        IgGen::Y2019 => unreachable!("written by write_instagram_2019"),
        IgGen::Y2021 => {
            let v: Vec<Value> = TOPICS.iter().take(6).map(|t| json!({"string_map_data": {"Interest": {"href": "", "value": g.t(t), "timestamp": 0}}})).collect();
            g.add(&mut w, "information_about_you/ads_interests.json", &json!({"inferred_data_ig_interest": v}))?;
        }
        IgGen::Y2022 => {
            let v: Vec<Value> = TOPICS.iter().take(6).map(|t| json!({"string_map_data": {"Name": {"href": "", "value": g.t(t), "timestamp": 0}}})).collect();
            g.add(&mut w, "your_topics/your_topics.json", &json!({"topics_your_topics": v}))?;
        }
        IgGen::Y2025 => {
            let v: Vec<Value> = CATEGORIES.iter().map(|c| json!({"value": g.t(c)})).collect();
            g.add(&mut w, "ads_information/instagram_ads_and_businesses/other_categories_used_to_reach_you.json",
                  &json!({"label_values": [{"label": "Name", "vec": v}]}))?;
            let leads = json!({"ig_lead_gen_info": [{"label": "EMAIL", "value": me.email}, {"label": "FULL_NAME", "value": g.t(&me.name)}]});
            g.add(&mut w, "ads_information/instagram_ads_and_businesses/information_you've_submitted_to_advertisers.json", &leads)?;
        }
    }

    // Off-Meta activity (not in the 2021 layout).
    if gen != IgGen::Y2021 {
        let path = p("", "apps_and_websites/your_activity_off_meta_technologies.json", "apps_and_websites_off_of_instagram/apps_and_websites/your_activity_off_meta_technologies.json");
        write_off_meta(&mut g, &mut w, path, "apps_and_websites_off_meta_activity", spec.off_meta_companies, spec.events_per_company, spec.advertisers / 2)?;
    }

    // Login activity: generic in 2025 (a 2024+ section), unknown before.
    let logins: Vec<Value> = (0..3)
        .map(|i| {
            let ts = g.when();
            json!({"title": format!("login {i}"), "media_map_data": {}, "string_map_data": {
                "Cookie Name": {"value": "synthetic-cookie"}, "IP Address": {"value": format!("203.0.113.{}", 20 + i)},
                "Time": {"timestamp": ts}, "User Agent": {"value": "Instagram 300.0 Android"}}})
        })
        .collect();
    let login_path = p(
        "login_and_account_creation/login_activity.json",
        "login_and_account_creation/login_activity.json",
        "security_and_login_information/login_and_profile_creation/login_activity.json",
    );
    g.add(&mut w, login_path, &json!({"account_history_login_history": logins}))?;

    let (index, empty, no_data) = match gen {
        IgGen::Y2019 => unreachable!("the 2019 export is written and finished above"),
        IgGen::Y2021 => ("index.html", "information_about_you/recommended_topics.html", "saved/saved_posts.html"),
        IgGen::Y2022 => ("index.html", "your_topics/recommended_topics.html", "saved/saved_posts.html"),
        IgGen::Y2025 => ("start_here.html", "preferences/your_topics/recommended_topics.html", "your_instagram_activity/saved/saved_posts.html"),
    };
    html_extras(&mut w, g.out, index, empty, no_data)?;
    w.finish()
}

/// ISO-8601 text as Instagram's 2019 files write times (`2019-01-02T10:00:00+00:00`).
fn iso(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .expect("generated times are in range")
        .format("%Y-%m-%dT%H:%M:%S+00:00")
        .to_string()
}

/// Instagram's first data download (2018-19): flat files at the top, ISO text times, lists
/// of `[time, ...]` and objects of `username: time`. Third parties: the ads seen and clicked
/// in `seen_content.json` (their authors are the advertisers).
fn write_instagram_2019(spec: &InstagramSpec, g: &mut Gen, w: &mut ArchiveWriter, me: &Owner) -> io::Result<()> {
    let joined = g.end - 4 * 365 * 86_400;
    let bio = { let s = sentence(&mut g.rng, 5); g.t(&s) };
    g.add(w, "profile.json", &json!({
        "biography": bio, "date_joined": iso(joined), "email": me.email, "gender": "prefer_not_to_say",
        "name": g.t(&me.name), "phone_number": me.phone, "private_account": false,
        "profile_pic_url": "https://example.org/profile.jpg", "username": me.username,
        "date_of_birth": format!("{:04}-{:02}-{:02}", me.birthday.0, me.birthday.1, me.birthday.2),
    }))?;

    // Connections: `username: time` objects; empty lists are `{}`.
    let mut people = |n: usize| -> serde_json::Map<String, Value> {
        (0..n)
            .map(|_| {
                let (f, l) = person(&mut g.rng);
                (format!("{}_{}", slug(&f), slug(&l)), json!(iso(g.when())))
            })
            .collect()
    };
    let followers = people(spec.followers);
    let following = people(spec.following);
    let hashtags: serde_json::Map<String, Value> = TOPICS.iter().take(2).map(|t| (slug(t), json!(iso(g.end - 86_400 * 40)))).collect();
    g.add(w, "connections.json", &json!({
        "blocked_users": {}, "close_friends": {}, "follow_requests_sent": {}, "followers": followers,
        "following": following, "following_hashtags": hashtags, "dismissed_suggested_users": {},
    }))?;

    // Media: photos and stories with captions.
    let mut photos = Vec::new();
    let mut stories = Vec::new();
    let mut files = Vec::new();
    for i in 0..spec.posts {
        let taken = g.when();
        let caption = { let s = sentence(&mut g.rng, 3 + i % 5); g.t(&s) };
        let month = iso(taken)[..7].replace('-', "");
        let (list, dir) = if i % 3 == 2 { (&mut stories, "stories") } else { (&mut photos, "photos") };
        let path = format!("{dir}/{month}/{}.jpg", 500_000 + i);
        if files.len() < 3 {
            files.push(path.clone());
        }
        list.push(json!({"caption": caption, "taken_at": iso(taken), "path": path}));
    }
    g.add(w, "media.json", &json!({"photos": photos, "videos": [], "stories": stories}))?;
    for f in &files {
        w.add(f, FAKE_JPEG)?;
    }

    // Comments `[time, text, owner]` and likes `[time, owner]`.
    let comments: Vec<Value> = (0..spec.posts)
        .map(|i| {
            let (f, l) = person(&mut g.rng);
            let text = { let s = sentence(&mut g.rng, 2 + i % 4); g.t(&s) };
            json!([iso(g.when()), text, format!("{}.{}", slug(&f), slug(&l))])
        })
        .collect();
    g.add(w, "comments.json", &json!({"media_comments": comments, "live_comments": []}))?;
    let mut likes = |n: usize| -> Vec<Value> {
        (0..n)
            .map(|_| {
                let (f, l) = person(&mut g.rng);
                json!([iso(g.when()), format!("{}.{}", slug(&f), slug(&l))])
            })
            .collect()
    };
    let media_likes = likes(spec.likes);
    let comment_likes = likes(2);
    g.add(w, "likes.json", &json!({"media_likes": media_likes, "comment_likes": comment_likes}))?;

    // Seen content: posts by accounts, ads by advertisers.
    let mut seen = |n: usize, author: &mut dyn FnMut(usize, &mut Gen) -> String| -> Vec<Value> {
        (0..n).map(|i| { let a = author(i, g); json!({"timestamp": iso(g.when()), "author": a}) }).collect()
    };
    let posts_seen = seen(4, &mut |_, g| { let (f, _) = person(&mut g.rng); slug(&f) });
    let ads_seen = seen(spec.ads_viewed, &mut |i, g| g.t(&names::company(5 + i % 20)));
    let ads_clicked = seen(spec.ads_clicked, &mut |i, g| g.t(&names::company(5 + i % 20)));
    let seen_path = if spec.renamed { "seen.json" } else { "seen_content.json" };
    g.add(w, seen_path, &json!({"posts_seen": posts_seen, "videos_watched": [], "ads_seen": ads_seen, "ads_clicked": ads_clicked}))?;

    // Messages: every conversation in one file.
    let conversations: Vec<Value> = (0..spec.threads)
        .map(|_| {
            let (f, l) = person(&mut g.rng);
            let friend = format!("{}_{}", slug(&f), slug(&l));
            let start = g.when();
            let messages: Vec<Value> = (0..spec.messages_per_thread)
                .map(|k| {
                    let sender = if k % 2 == 0 { friend.clone() } else { me.username.clone() };
                    let words = 2 + g.rng.below(8) as usize;
                    let text = { let s = sentence(&mut g.rng, words); g.t(&s) };
                    json!({"sender": sender, "created_at": iso(start - k as i64 * 311), "text": text})
                })
                .collect();
            json!({"participants": [friend, me.username], "conversation": messages})
        })
        .collect();
    g.add(w, "messages.json", &Value::Array(conversations))?;

    // Logins: no dedicated parser (walked generically).
    let logins: Vec<Value> = (0..3)
        .map(|i| json!({"cookie_name": "synthetic-cookie", "ip_address": format!("203.0.113.{}", 40 + i), "language_code": "en",
                        "timestamp": iso(g.when()), "user_agent": "Instagram 100.0 Android", "device_id": format!("android-{i:04x}")}))
        .collect();
    g.add(w, "account_history.json", &json!({"login_history": logins, "registration_info": {"registration_username": me.username}}))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_names(path: &Path) -> Vec<String> {
        let f = std::fs::File::open(path).unwrap();
        let z = zip::ZipArchive::new(f).unwrap();
        z.file_names().map(|n| n.unwrap().to_string()).collect()
    }

    fn read(path: &Path, name: &str) -> Vec<u8> {
        let f = std::fs::File::open(path).unwrap();
        let mut z = zip::ZipArchive::new(f).unwrap();
        let mut e = z.by_name(name).unwrap();
        let mut v = Vec::new();
        io::Read::read_to_end(&mut e, &mut v).unwrap();
        v
    }

    #[test]
    fn same_seed_same_bytes() {
        let tmp = tempfile_dir();
        let dir = tmp.path();
        let a = generate_facebook(&FacebookSpec::default(), &dir.join("a.zip")).unwrap();
        let b = generate_facebook(&FacebookSpec::default(), &dir.join("b.zip")).unwrap();
        assert_eq!(std::fs::read(&a[0]).unwrap(), std::fs::read(&b[0]).unwrap());
        let c = generate_facebook(&FacebookSpec { seed: 2, ..Default::default() }, &dir.join("c.zip")).unwrap();
        assert_ne!(std::fs::read(&a[0]).unwrap(), std::fs::read(&c[0]).unwrap());
    }

    #[test]
    fn meta_escaping_and_schemas_per_generation() {
        let tmp = tempfile_dir();
        let dir = tmp.path();
        let z22 = &generate_facebook(&FacebookSpec { generation: FbGen::Y2022, advertisers: 25, ..Default::default() }, &dir.join("f22.zip")).unwrap()[0];
        let adv = read(z22, "ads_information/advertisers_using_your_activity_or_information.json");
        assert!(adv.is_ascii(), "Meta escapes every non-ASCII char");
        let v: Value = serde_json::from_slice(&adv).unwrap();
        assert!(v["custom_audiences_all_types_v2"].is_array());
        // L'Oréal Paris is company 20: its mojibake survives the escaping.
        let s = String::from_utf8(adv).unwrap();
        assert!(s.contains("L'Or\\u00c3\\u00a9al Paris"), "{s}");

        let z24 = &generate_facebook(&FacebookSpec::default(), &dir.join("f24.zip")).unwrap()[0];
        let v: Value = serde_json::from_slice(&read(z24, "ads_information/advertisers_using_your_activity_or_information.json")).unwrap();
        assert!(v.get("custom_audiences_all_types_v2").is_none());
        assert_eq!(v["label_values"][0]["label"], LABEL_UPLOADED_LIST);
        let names = zip_names(z24);
        assert!(names.iter().any(|n| n.starts_with("your_facebook_activity/messages/inbox/")));
        assert!(!names.iter().any(|n| n.starts_with("messages/")));
    }

    #[test]
    fn thread_header_follows_messages_and_long_threads_split() {
        let tmp = tempfile_dir();
        let dir = tmp.path();
        let spec = FacebookSpec { threads: 1, messages_per_thread: MESSAGES_PER_FILE + 5, mojibake: false, ..Default::default() };
        let z = &generate_facebook(&spec, &dir.join("t.zip")).unwrap()[0];
        let names = zip_names(z);
        let parts: Vec<&String> = names.iter().filter(|n| n.contains("/message_")).collect();
        assert_eq!(parts.len(), 2, "{parts:?}");
        let first = String::from_utf8(read(z, parts[0])).unwrap();
        assert!(first.find("\"messages\"").unwrap() < first.find("\"title\"").unwrap());
        let v: Value = serde_json::from_str(&first).unwrap();
        assert_eq!(v["messages"].as_array().unwrap().len(), MESSAGES_PER_FILE);
        let second: Value = serde_json::from_slice(&read(z, parts[1])).unwrap();
        assert_eq!(second["messages"].as_array().unwrap().len(), 5);
    }

    #[test]
    fn instagram_generations_have_their_layouts() {
        let tmp = tempfile_dir();
        let dir = tmp.path();
        for (gen, must) in [
            (IgGen::Y2019, "connections.json"),
            (IgGen::Y2021, "account_information/personal_information.json"),
            (IgGen::Y2022, "followers_and_following/followers_1.json"),
            (IgGen::Y2025, "connections/followers_and_following/following.json"),
        ] {
            let spec = InstagramSpec { generation: gen, top_folder: true, ..Default::default() };
            let z = &generate_instagram(&spec, &dir.join(format!("{gen:?}.zip"))).unwrap()[0];
            let names = zip_names(z);
            assert!(names.iter().any(|n| n.ends_with(must)), "{gen:?}: {names:?}");
            let top = if gen == IgGen::Y2019 { format!("{}_20190901/", owner(1).username) } else { "instagram-".to_string() };
            assert!(names.iter().all(|n| n.starts_with(&top)), "{gen:?}: {names:?}");
        }
    }

    #[test]
    fn older_facebook_generations_have_their_folders_and_keys() {
        let tmp = tempfile_dir();
        let z18 = &generate_facebook(&FacebookSpec { generation: FbGen::Y2018, ..Default::default() }, &tmp.path().join("f18.zip")).unwrap()[0];
        let names = zip_names(z18);
        assert!(names.iter().any(|n| n.starts_with("messages/inbox/") && n.ends_with("/message.json")), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("off-facebook") || n.starts_with("ads_information/")), "{names:?}");
        let v: Value = serde_json::from_slice(&read(z18, "ads/advertisers_who_uploaded_a_contact_list_with_your_information.json")).unwrap();
        assert!(v["custom_audiences"].is_array());
        let v: Value = serde_json::from_slice(&read(z18, "apps_and_websites/apps_and_websites.json")).unwrap();
        assert!(v["installed_apps"].is_array());

        let spec = FacebookSpec { generation: FbGen::Y2020, renamed: true, ..Default::default() };
        let z20 = &generate_facebook(&spec, &tmp.path().join("f20.zip")).unwrap()[0];
        let names = zip_names(z20);
        assert!(names.contains(&"ads_and_businesses/off_facebook_activity.json".to_string()), "{names:?}");
        assert!(names.contains(&"ads_and_businesses/contact_list_uploads.json".to_string()), "{names:?}");
        let v: Value = serde_json::from_slice(&read(z20, "apps_and_websites/connected_apps.json")).unwrap();
        assert!(v["installed_apps_v2"].is_array());
    }

    fn tempfile_dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }
}
