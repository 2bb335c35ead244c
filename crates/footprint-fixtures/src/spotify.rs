//! Spotify "Download your data" archives (`my_spotify_data.zip`), every generation:
//!
//! - [`SpotGen::Account2019`]: `MyData/` with `StreamingHistory0.json`… (music and podcasts
//!   in one list) and the account files;
//! - [`SpotGen::Account2024`]: `Spotify Account Data/` with `StreamingHistory_music_N.json`,
//!   `StreamingHistory_podcast_N.json`, the account files and `Wrapped2023.json`;
//! - [`SpotGen::Extended2020`]: `MyData/endsong_N.json` (`ip_addr_decrypted`);
//! - [`SpotGen::Extended2024`]: `Spotify Extended Streaming History/`
//!   `Streaming_History_Audio_2023-2024_N.json` and `Streaming_History_Video_2023-2024.json`
//!   (`ip_addr`).
//!
//! Every package has Spotify's read-me PDF. Third parties, in `Inferences.json`: the
//! advertisers from [`names::company`] 7 (Nike, Adidas, Zalando...) as `2P_…` segments,
//! and the brokers Acxiom, Experian, LiveRamp, Epsilon and Oracle as `3P_…` segments, in the
//! spellings real exports vary between (`_` or spaces, `Custom` or not, trailing codes).
//! Dates are before the archive's 2024-03-02 stamp.

use crate::names;
use crate::{ArchiveWriter, Container, Persona, Rng};
use serde_json::{json, Value};
use std::io;
use std::path::{Path, PathBuf};

/// Export generations and packages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpotGen {
    Account2019,
    Account2024,
    Extended2020,
    Extended2024,
}

impl SpotGen {
    pub fn is_account(self) -> bool {
        matches!(self, SpotGen::Account2019 | SpotGen::Account2024)
    }
    /// The folder the package puts its files in.
    pub fn folder(self) -> &'static str {
        match self {
            SpotGen::Account2019 | SpotGen::Extended2020 => "MyData",
            SpotGen::Account2024 => "Spotify Account Data",
            SpotGen::Extended2024 => "Spotify Extended Streaming History",
        }
    }
}

/// What a generated Spotify export holds.
#[derive(Debug, Clone)]
pub struct SpotifySpec {
    pub seed: u64,
    pub generation: SpotGen,
    /// Plays per streaming-history file.
    pub plays_per_file: usize,
    pub streaming_files: usize,
    /// Podcast plays (Account2024: their own file; Account2019: mixed into the lists).
    pub podcast_plays: usize,
    /// Distinct IP addresses of the extended history.
    pub ips: usize,
    pub advertisers: usize,
    pub playlists: usize,
    pub items_per_playlist: usize,
    pub searches: usize,
    pub library_tracks: usize,
    /// A UTF-8 BOM before every JSON file.
    pub bom: bool,
    /// Messy content: a zero-byte `Payments.json`, null lists in `YourLibrary.json`, a number
    /// and a play with an unreadable date in the first streaming file, keys in other casing.
    pub messy: bool,
    /// Cut the last streaming-history file at 60% of its length.
    pub truncated: bool,
    pub macos_junk: bool,
    pub container: Container,
}

impl Default for SpotifySpec {
    fn default() -> Self {
        SpotifySpec {
            seed: 1,
            generation: SpotGen::Account2024,
            plays_per_file: 30,
            streaming_files: 2,
            podcast_plays: 6,
            ips: 3,
            advertisers: 4,
            playlists: 2,
            items_per_playlist: 5,
            searches: 6,
            library_tracks: 8,
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
pub const ARCHIVE_NAME: &str = "my_spotify_data.zip";
pub const ADVERTISER_BASE: usize = 7;

/// The brokers of `Inferences.json`: (segment as written, company directory name).
pub const BROKER_SEGMENTS: &[(&str, &str)] = &[
    ("3P_Custom_Acxiom_Household Income 100k+", "Acxiom"),
    ("3P_Experian_Auto Intenders", "Experian Marketing Services"),
    ("3P Custom LiveRamp Parents", "LiveRamp"),
    ("3P_Custom_Epsilon_Frequent Travelers_[4821]", "Epsilon"),
    ("3P_Custom_Oracle_Coffee Drinkers", "Oracle Advertising"),
];
/// Spotify's own segments (no company).
pub const OWN_SEGMENTS: &[&str] = &[
    "1P_Podcast Listeners_True Crime",
    "1P_Custom_Morning Commuters",
    "Music Fans_Indie",
];
const ARTISTS: &[&str] = &[
    "The Quiet Owls",
    "Mira Sol",
    "Northern Static",
    "Lou & the Lanterns",
    "DJ Kestrel",
    "Ana Ventura",
];
const TRACKS: &[&str] = &[
    "Paper Boats",
    "Neon Rain",
    "Slow Train",
    "Golden Hour",
    "Café Noir",
    "Déjà Vu",
    "Small Hours",
];
const SHOWS: &[&str] = &["The Curious Hour", "Weekend Kitchen", "Code & Coffee"];
const PLATFORMS: &[&str] = &[
    "iOS 17.2 (iPhone14,2)",
    "Android OS 13 API 33 (Google, Pixel 7)",
    "Windows 10 (10.0.19045; x64)",
    "web_player osx 10.15.7;chrome 121.0",
];
const COUNTRIES: &[&str] = &["SE", "FR", "DE", "PT", "US"];

/// The advertisers the generated inferences name (`2P_…` segments): one segment each.
pub fn advertisers(spec: &SpotifySpec) -> Vec<String> {
    if !spec.generation.is_account() {
        return Vec::new();
    }
    (0..spec.advertisers)
        .map(|i| names::company(ADVERTISER_BASE + i))
        .collect()
}

/// The brokers the generated inferences name (`3P_…` segments): one segment each.
pub fn brokers(spec: &SpotifySpec) -> Vec<String> {
    if !spec.generation.is_account() {
        return Vec::new();
    }
    BROKER_SEGMENTS.iter().map(|(_, n)| n.to_string()).collect()
}

/// How many `stream` records a clean export gives.
pub fn plays(spec: &SpotifySpec) -> usize {
    let podcasts = match spec.generation {
        SpotGen::Account2024 | SpotGen::Account2019 => spec.podcast_plays,
        SpotGen::Extended2020 => 0,
        SpotGen::Extended2024 => spec.podcast_plays,
    };
    spec.plays_per_file * spec.streaming_files + podcasts
}

/// Write the export at `out` (a zip path, or a folder for [`Container::Folder`]).
pub fn generate(spec: &SpotifySpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    let p = Persona::for_seed(spec.seed);
    // One stream per kind of content, so a newer export with more plays keeps the rest equal.
    let seed = spec.seed.wrapping_mul(0x0510_71F1);
    let mut w = ArchiveWriter::new(out, spec.container)?.macos_junk(spec.macos_junk);
    let folder = spec.generation.folder();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut put = |name: &str, v: &Value| {
        let mut bytes = if spec.bom {
            b"\xEF\xBB\xBF".to_vec()
        } else {
            Vec::new()
        };
        bytes.extend(serde_json::to_vec_pretty(v).expect("json"));
        files.push((format!("{folder}/{name}"), bytes));
    };
    streaming(spec, seed, &mut put);
    if spec.generation.is_account() {
        account_files(spec, &p, &mut Rng::new(seed ^ 3), &mut put);
    }
    if spec.truncated {
        let last = files
            .iter_mut()
            .rev()
            .find(|(n, _)| n.to_ascii_lowercase().contains("streaming") || n.contains("endsong"))
            .expect("a streaming file");
        let cut = last.1.len() * 6 / 10;
        last.1.truncate(cut);
    }
    if spec.messy && spec.generation.is_account() {
        if let Some(f) = files.iter_mut().find(|(n, _)| n.ends_with("Payments.json")) {
            f.1.clear();
        }
    }
    for (name, bytes) in &files {
        w.add(name, bytes)?;
    }
    let readme = if spec.generation.is_account() {
        "ReadMeFirst_AccountData.pdf"
    } else {
        "ReadMeFirst_ExtendedStreamingHistory.pdf"
    };
    w.add(
        &format!("{folder}/{readme}"),
        b"%PDF-1.4\n% invented read-me\n%%EOF\n",
    )?;
    w.finish()
}

/// A time `n` steps of `step` seconds before the export, with jitter inside the step.
fn secs(rng: &mut Rng, n: usize, step: i64) -> i64 {
    EXPORT_SECS - 7_200 - n as i64 * step - rng.range_i64(0, step.max(2))
}

fn fmt(t: i64, f: &str) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .expect("in range")
        .format(f)
        .to_string()
}

fn streaming(spec: &SpotifySpec, seed: u64, put: &mut impl FnMut(&str, &Value)) {
    let per = spec.plays_per_file;
    let (rng, mut n) = (&mut Rng::new(seed ^ 1), 0usize);
    // Podcasts: their own stream and count, so more music plays leave them unchanged.
    let (pod_rng, mut pod_n) = (&mut Rng::new(seed ^ 2), 0usize);
    for file in 0..spec.streaming_files {
        let mut plays: Vec<Value> = (0..per)
            .map(|_| {
                n += 1;
                play(spec, rng, n, false)
            })
            .collect();
        if spec.generation == SpotGen::Account2019 && file == 0 {
            // Before 2023 podcasts were in the same lists as music.
            plays.extend((0..spec.podcast_plays).map(|_| {
                pod_n += 1;
                play(spec, pod_rng, pod_n, true)
            }));
        }
        if spec.messy && file == 0 {
            plays.insert(1, json!(42));
            let mut bad = plays[0].clone();
            for k in ["endTime", "ts"] {
                if bad.get(k).is_some() {
                    bad[k] = json!("sometime last year");
                }
            }
            plays.push(bad);
            // Another generation's casing of one key.
            if let Some(o) = plays[2].as_object_mut() {
                if let Some(v) = o.remove("msPlayed") {
                    o.insert("MsPlayed".into(), v);
                }
            }
        }
        let name = match spec.generation {
            SpotGen::Account2019 => format!("StreamingHistory{file}.json"),
            SpotGen::Account2024 => format!("StreamingHistory_music_{file}.json"),
            SpotGen::Extended2020 => format!("endsong_{file}.json"),
            SpotGen::Extended2024 => format!("Streaming_History_Audio_2023-2024_{file}.json"),
        };
        put(&name, &Value::Array(plays));
    }
    let podcasts = |rng: &mut Rng, n: &mut usize| -> Value {
        Value::Array(
            (0..spec.podcast_plays)
                .map(|_| {
                    *n += 1;
                    play(spec, rng, *n, true)
                })
                .collect(),
        )
    };
    match spec.generation {
        SpotGen::Account2024 => put(
            "StreamingHistory_podcast_0.json",
            &podcasts(pod_rng, &mut pod_n),
        ),
        SpotGen::Extended2024 => put(
            "Streaming_History_Video_2023-2024.json",
            &podcasts(pod_rng, &mut pod_n),
        ),
        _ => {}
    }
}

/// One play as the generation writes it; `n` orders plays back in time.
fn play(spec: &SpotifySpec, rng: &mut Rng, n: usize, podcast: bool) -> Value {
    let t = secs(rng, n, 3 * 3_600);
    let ms = 20_000 + rng.below(200_000);
    let artist = *rng.pick(ARTISTS);
    let track = *rng.pick(TRACKS);
    let show = *rng.pick(SHOWS);
    if spec.generation.is_account() {
        let end = fmt(t, "%Y-%m-%d %H:%M");
        return if podcast {
            json!({"endTime": end, "podcastName": show, "episodeName": format!("Episode {n}"), "msPlayed": ms})
        } else {
            json!({"endTime": end, "artistName": artist, "trackName": track, "msPlayed": ms})
        };
    }
    let ip_key = if spec.generation == SpotGen::Extended2020 {
        "ip_addr_decrypted"
    } else {
        "ip_addr"
    };
    let ip = format!("192.0.2.{}", 10 + rng.below(spec.ips.max(1) as u64));
    let country = COUNTRIES[(spec.seed as usize) % COUNTRIES.len()];
    let (name, album_artist, album, uri, episode, show_name, episode_uri) = if podcast {
        (
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
            json!(format!("Episode {n}")),
            json!(show),
            json!(format!("spotify:episode:{n:022}")),
        )
    } else {
        (
            json!(track),
            json!(artist),
            json!(format!("{track} (Deluxe)")),
            json!(format!("spotify:track:{n:022}")),
            Value::Null,
            Value::Null,
            Value::Null,
        )
    };
    json!({
        "ts": fmt(t, "%Y-%m-%dT%H:%M:%SZ"),
        "username": Value::Null,
        "platform": *rng.pick(PLATFORMS),
        "ms_played": ms,
        "conn_country": country,
        ip_key: ip,
        "user_agent_decrypted": "unknown",
        "master_metadata_track_name": name,
        "master_metadata_album_artist_name": album_artist,
        "master_metadata_album_album_name": album,
        "spotify_track_uri": uri,
        "episode_name": episode,
        "episode_show_name": show_name,
        "spotify_episode_uri": episode_uri,
        "reason_start": "trackdone",
        "reason_end": if rng.chance(0.3) { "fwdbtn" } else { "trackdone" },
        "shuffle": rng.chance(0.5),
        "skipped": rng.chance(0.1),
        "offline": false,
        "offline_timestamp": t,
        "incognito_mode": false,
    })
}

fn account_files(
    spec: &SpotifySpec,
    p: &Persona,
    rng: &mut Rng,
    put: &mut impl FnMut(&str, &Value),
) {
    put(
        "Userdata.json",
        &json!({
            "username": p.username,
            "email": p.email,
            "country": "SE",
            "createdFromFacebook": false,
            "facebookUid": Value::Null,
            "birthdate": p.birth_date(),
            "gender": "female",
            "postalCode": Value::Null,
            "mobileNumber": p.phone,
            "mobileOperator": Value::Null,
            "mobileBrand": Value::Null,
            "creationTime": "2014-06-11",
        }),
    );
    put(
        "Identity.json",
        &json!({
            "displayName": p.name, "firstName": p.first, "lastName": p.last,
            "imageUrl": "https://example.com/a.jpg", "largeImageUrl": "", "tasteMaker": false, "verified": false,
        }),
    );
    put(
        "Identifiers.json",
        &json!({"identifierType": "email", "identifierValue": p.email}),
    );
    put(
        "Payments.json",
        &json!({"payment_method": "Visa", "creation_date": "2019-02-01", "country": "SE", "postal_code": Value::Null}),
    );
    let searches: Vec<Value> = (0..spec.searches)
        .map(|i| {
            let t = secs(rng, i, 86_400);
            json!({"platform": "IPHONE", "searchTime": fmt(t, "%Y-%m-%dT%H:%M:%S%.3fZ[UTC]"),
                   "searchQuery": format!("{} {i}", rng.pick(names::WORDS)), "searchInteractionURIs": []})
        })
        .collect();
    put("SearchQueries.json", &Value::Array(searches));
    put(
        "Follow.json",
        &json!({"followerCount": 3, "followingUsersCount": 5, "dismissingUsersCount": 0}),
    );
    let tracks: Vec<Value> = (0..spec.library_tracks)
        .map(|i| json!({"artist": ARTISTS[i % ARTISTS.len()], "album": "Album", "track": TRACKS[i % TRACKS.len()], "uri": format!("spotify:track:lib{i}")}))
        .collect();
    let empty = if spec.messy { Value::Null } else { json!([]) };
    put(
        "YourLibrary.json",
        &json!({
            "tracks": tracks,
            "albums": empty,
            "shows": [{"name": SHOWS[0], "publisher": "Example Media", "uri": "spotify:show:1"}],
            "episodes": empty,
            "bannedTracks": [],
            "other": ["spotify:user:someone"],
        }),
    );
    let playlists: Vec<Value> = (0..spec.playlists)
        .map(|k| {
            let items: Vec<Value> = (0..spec.items_per_playlist)
                .map(|i| {
                    let added = fmt(secs(rng, i + k * 50, 86_400), "%Y-%m-%d");
                    json!({"track": {"trackName": TRACKS[i % TRACKS.len()], "artistName": ARTISTS[i % ARTISTS.len()],
                            "albumName": "Album", "trackUri": format!("spotify:track:pl{k}x{i}")},
                           "episode": Value::Null, "localTrack": Value::Null, "audiobook": Value::Null, "addedDate": added})
                })
                .collect();
            json!({"name": format!("Mix {} {k}", rng.pick(names::WORDS)), "lastModifiedDate": "2024-01-15",
                   "collaborators": [], "items": items, "description": Value::Null, "numberOfFollowers": 0})
        })
        .collect();
    put("Playlist1.json", &json!({"playlists": playlists}));
    let mut inferences: Vec<String> = OWN_SEGMENTS.iter().map(|s| s.to_string()).collect();
    for (i, a) in advertisers(spec).iter().enumerate() {
        inferences.push(if i % 2 == 0 {
            format!("2P_Custom_{a}_Lapsed Buyers")
        } else {
            format!("2P_{a}_Website Visitors")
        });
    }
    inferences.extend(BROKER_SEGMENTS.iter().map(|(s, _)| s.to_string()));
    put("Inferences.json", &json!({"inferences": inferences}));
    put(
        "Marquee.json",
        &json!([
            {"artistName": ARTISTS[0], "segment": "Previously Active Listeners"},
            {"artistName": ARTISTS[1], "segment": "Light listeners"},
        ]),
    );
    if spec.generation == SpotGen::Account2024 {
        put(
            "Wrapped2023.json",
            &json!({"topArtists": {"topArtists": ARTISTS[..3]}, "yearlyMetrics": {"totalMsListened": 123_456_789}}),
        );
    }
}

/// The demo export (Account data 2024); `records` scales the plays.
pub fn demo(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    let mut spec = SpotifySpec {
        seed,
        ..Default::default()
    };
    match records {
        Some(n) => spec.plays_per_file = (n / spec.streaming_files).max(1),
        None => {
            spec.plays_per_file = 300;
            spec.advertisers = 12;
            spec.searches = 40;
            spec.library_tracks = 60;
            spec.playlists = 5;
            spec.items_per_playlist = 20;
        }
    }
    generate(&spec, out)
}
