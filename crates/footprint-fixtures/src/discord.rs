//! Discord data packages (`package.zip`) per generation, with the layouts of FORMATS.md:
//! `account/user.json` with connected accounts, `messages/index.json` and one folder per
//! channel (`messages/<id>/` in 2019, `messages/c<id>/` since; `messages.csv` until 2023,
//! `messages.json` since; capitalized folders since 2024), `servers/`, `activities/`, and
//! the newline-delimited event streams `activity/<kind>/events-*.json`, which are written
//! streaming so the benchmark size (about 1 GB) never sits in memory.
//!
//! The owner is the seed's [`crate::Persona`]. Connected accounts use the services in
//! [`CONNECTIONS`], whose companies the golden tests expect. Messy options add what real
//! packages and damaged downloads have: a BOM on CSV files, `null` lists, a 0-byte file, a
//! truncated file, a broken CSV row and broken event lines.

use crate::names;
use crate::{ArchiveWriter, Container, Persona, Rng};
use serde_json::{json, Value};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Package generations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscordGen {
    /// Lowercase folders, bare channel ids (`messages/123/`), `messages.csv`, `name#1234`.
    Y2019,
    /// Lowercase folders, `messages/c123/`, `messages.csv`.
    Y2021,
    /// Capitalized folders (`Account/`, `Messages/`), `messages.json`, `global_name`, no
    /// discriminator.
    Y2024,
}

/// What a generated package holds.
#[derive(Debug, Clone)]
pub struct DiscordSpec {
    pub seed: u64,
    pub generation: DiscordGen,
    pub channels: usize,
    pub messages_per_channel: usize,
    pub servers: usize,
    /// How many of [`CONNECTIONS`] are connected (at most its length).
    pub connections: usize,
    pub friends: usize,
    pub payments: usize,
    /// Events in `activity/analytics/` (the main, huge stream); `tns` and `reporting` get a
    /// tenth each.
    pub events: usize,
    /// Put the package under a folder of its own (`package/`).
    pub top_folder: bool,
    /// BOM, nulls, a 0-byte file, a truncated file, a broken CSV row, broken event lines.
    pub messy: bool,
    pub container: Container,
}

impl Default for DiscordSpec {
    fn default() -> Self {
        DiscordSpec {
            seed: 1,
            generation: DiscordGen::Y2024,
            channels: 4,
            messages_per_channel: 15,
            servers: 3,
            connections: 5,
            friends: 6,
            payments: 2,
            events: 400,
            top_folder: false,
            messy: false,
            container: Container::Zip,
        }
    }
}

/// Connection types in the order they are connected, with the company the importer must
/// name for each (the golden tests check them).
pub const CONNECTIONS: &[(&str, &str)] = &[
    ("spotify", "Spotify"),
    ("steam", "Valve"),
    ("xbox", "Microsoft"),
    ("youtube", "Google"),
    ("twitch", "Twitch"),
    ("github", "GitHub"),
    ("reddit", "Reddit"),
    ("battlenet", "Blizzard"),
    ("playstation", "PlayStation"),
];

/// Event types of the analytics stream, most frequent first.
pub const EVENT_TYPES: &[&str] = &[
    "app_opened",
    "channel_opened",
    "message_sent",
    "add_reaction",
    "guild_viewed",
    "voice_channel_joined",
    "start_speaking",
    "notification_clicked",
    "launch_game",
    "search_started",
    "user_settings_updated",
    "session_start",
];
const DEVICES: &[(&str, &str, &str, &str)] = &[
    ("Windows", "10", "Discord Client", ""),
    ("Android", "14", "Discord Android", "Pixel 7"),
    ("Mac OS X", "14.2", "Chrome", ""),
];
const CITIES: &[(&str, &str, &str, &str)] = &[
    ("Lyon", "ARA", "FR", "Europe/Paris"),
    ("Leipzig", "SN", "DE", "Europe/Berlin"),
    ("Porto", "13", "PT", "Europe/Lisbon"),
];
const ISPS: &[&str] = &["Example Telecom", "Sample Fibre", "Demo Mobile"];

/// The export date every file and folder name carries (the archive writer's stamp).
pub const EXPORT_DATE: &str = "2024-03-02";
/// 2024-03-02T10:00:00Z in milliseconds; events and messages happen in the three years before.
const END_MS: i64 = 1_709_373_600_000;

struct Gen {
    rng: Rng,
    spec: DiscordSpec,
    owner: Persona,
}

impl Gen {
    /// `Account`, `Messages`, ... in 2024, lowercase before.
    fn dir(&self, name: &str) -> String {
        if self.spec.generation == DiscordGen::Y2024 {
            let mut c = name.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        } else {
            name.to_string()
        }
    }
    fn when_ms(&mut self) -> i64 {
        END_MS - self.rng.below(3 * 365 * 86_400_000) as i64
    }
    /// A snowflake id for a time: Discord's epoch in the top bits, a counter below.
    fn snowflake(&mut self, ms: i64) -> u64 {
        (((ms - 1_420_070_400_000) as u64) << 22) | self.rng.below(1 << 22)
    }
    fn sentence(&mut self) -> String {
        let n = 2 + self.rng.below(7) as usize;
        (0..n)
            .map(|_| *self.rng.pick(names::WORDS))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn iso(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
        .unwrap_or_default()
}

/// `2020-05-03 12:34:56.789000+00:00`, as messages.csv writes times.
fn csv_time(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|d| d.format("%Y-%m-%d %H:%M:%S%.6f+00:00").to_string())
        .unwrap_or_default()
}

fn pretty(v: &Value) -> Vec<u8> {
    serde_json::to_vec_pretty(v).expect("JSON value serializes")
}

/// Write a package; returns the paths written (one per part for part-zips).
pub fn generate(spec: &DiscordSpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    let mut g = Gen {
        rng: Rng::new(spec.seed ^ 0x00D1_5C0D),
        spec: spec.clone(),
        owner: Persona::for_seed(spec.seed),
    };
    let mut w = ArchiveWriter::new(out, spec.container)?;
    if spec.top_folder {
        w = w.top_folder("package");
    }
    w.add("README.txt", b"Welcome to your Discord Data Package!\n\nInside, you'll find a few JSON files of the data we use to provide Discord's service to you.\n")?;
    user(&mut g, &mut w)?;
    messages(&mut g, &mut w)?;
    servers(&mut g, &mut w)?;
    activities(&mut g, &mut w)?;
    activity(&mut g, &mut w)?;
    w.finish()
}

fn user(g: &mut Gen, w: &mut ArchiveWriter) -> io::Result<()> {
    let y2024 = g.spec.generation == DiscordGen::Y2024;
    let o = g.owner.clone();
    let discriminator = if y2024 {
        "0".to_string()
    } else {
        format!("{:04}", 1 + g.rng.below(9998))
    };
    let connections: Vec<Value> = CONNECTIONS
        .iter()
        .take(g.spec.connections)
        .enumerate()
        .map(|(i, (kind, _))| {
            json!({"type": kind, "id": format!("{}{}", kind, 1000 + i), "name": format!("{}_{kind}", o.username), "revoked": false, "visibility": (i % 2) as i64, "friend_sync": false, "show_activity": true, "verified": true})
        })
        .collect();
    let relationships: Vec<Value> = (0..g.spec.friends)
        .map(|i| {
            let first = *g.rng.pick(names::FIRST);
            let username = format!("{}{}", crate::persona::slug(first), i + 10);
            json!({"id": (200 + i).to_string(), "type": if i % 5 == 4 { 2 } else { 1 }, "nickname": null,
                   "user": {"id": (200 + i).to_string(), "username": username, "global_name": first, "discriminator": if y2024 { "0" } else { "4321" }}})
        })
        .collect();
    let payments: Vec<Value> = (0..g.spec.payments)
        .map(|i| {
            let ms = g.when_ms();
            json!({"id": format!("9{i:05}"), "created_at": csv_time(ms).replace(' ', "T"), "currency": "eur", "amount": 999, "amount_refunded": 0, "status": 1, "description": "Nitro Monthly", "sku_id": "521842865731534868"})
        })
        .collect();
    let guild_settings: Vec<Value> = (0..g.spec.servers)
        .map(|i| json!({"guild_id": (300 + i).to_string(), "muted": i == 0, "message_notifications": 1, "suppress_everyone": false, "channel_overrides": []}))
        .chain(std::iter::once(json!({"guild_id": null, "muted": false, "channel_overrides": null})))
        .collect();
    let mut u = json!({
        "id": "100000000000000001",
        "username": o.username,
        "discriminator": discriminator,
        "email": o.email,
        "verified": true,
        "avatar_hash": "a1b2c3",
        "has_mobile": true,
        "needs_email_verification": false,
        "premium_until": "2024-04-01T00:00:00+00:00",
        "flags": 0,
        "phone": o.phone,
        "temp_banned_until": null,
        "ip": "203.0.113.10",
        "settings": {"locale": "en-US", "theme": "dark"},
        "connections": connections,
        "relationships": relationships,
        "payments": payments,
        "guild_settings": guild_settings,
        "library_applications": [{"application": {"id": "356875570916753438", "name": "Example Quest"}, "created_at": "2022-06-01T10:00:00+00:00", "sku_id": "356875570916753438"}],
        "user_activity_application_statistics": [{"application_id": "356875570916753438", "total_duration": 36_000, "last_played_at": "2023-12-24T20:00:00+00:00"}],
        "notes": {"200": "met at the climbing gym"},
        "entitlements": [],
    });
    if y2024 {
        u["global_name"] = json!(o.name);
    }
    if g.spec.messy {
        u["library_applications"] = Value::Null;
        u["entitlements"] = json!("");
    }
    w.add(&format!("{}/user.json", g.dir("account")), &pretty(&u))?;
    w.add(
        &format!("{}/avatar.png", g.dir("account")),
        b"\x89PNG\r\n\x1a\n",
    )?;
    let app = json!({"id": "175928847299117063", "name": "Dice bot", "description": "Rolls dice", "bot": {"username": "dice"}, "flags": 0});
    w.add(
        &format!(
            "{}/applications/175928847299117063/application.json",
            g.dir("account")
        ),
        &pretty(&app),
    )
}

fn channel_dir(g: &Gen, id: u64) -> String {
    let name = if g.spec.generation == DiscordGen::Y2019 {
        id.to_string()
    } else {
        format!("c{id}")
    };
    format!("{}/{name}", g.dir("messages"))
}

/// Channel `i`: a direct message, a group DM or a server channel, round robin.
fn messages(g: &mut Gen, w: &mut ArchiveWriter) -> io::Result<()> {
    let mut index = serde_json::Map::new();
    for c in 0..g.spec.channels {
        let id = 700_000_000_000_000_000u64 + c as u64;
        let channel = match c % 3 {
            0 => {
                index.insert(
                    id.to_string(),
                    json!(format!("Direct Message with kim{}#0", c)),
                );
                json!({"id": id.to_string(), "type": 1, "recipients": ["100000000000000001", (200 + c).to_string()]})
            }
            1 if g.spec.servers > 0 => {
                let s = c % g.spec.servers;
                index.insert(id.to_string(), json!(format!("general in Server {s}")));
                json!({"id": id.to_string(), "type": 0, "name": "general", "guild": {"id": (300 + s).to_string(), "name": format!("Server {s}")}})
            }
            _ => {
                index.insert(id.to_string(), Value::Null);
                json!({"id": id.to_string(), "type": 3, "name": "weekend trip", "recipients": ["100000000000000001", "201", "202"]})
            }
        };
        let dir = channel_dir(g, id);
        w.add(&format!("{dir}/channel.json"), &pretty(&channel))?;
        let mut rows = Vec::new();
        for m in 0..g.spec.messages_per_channel {
            let ms = g.when_ms();
            let text = g.sentence();
            let attachment = if m % 7 == 3 {
                format!("https://cdn.discordapp.com/attachments/{id}/{m}/photo.png")
            } else {
                String::new()
            };
            rows.push((g.snowflake(ms), ms, text, attachment));
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        let messy_channel = g.spec.messy && c == 1;
        if g.spec.generation == DiscordGen::Y2024 {
            let arr: Vec<Value> = rows
                .iter()
                .map(|(id, ms, text, att)| json!({"ID": id, "Timestamp": csv_time(*ms).replacen("+00:00", "", 1), "Contents": text, "Attachments": att}))
                .collect();
            let mut bytes = serde_json::to_vec_pretty(&Value::Array(arr)).expect("serializes");
            if messy_channel {
                // A download cut short: the file ends inside the last message.
                bytes.truncate(bytes.len().saturating_sub(40));
            }
            w.add(&format!("{dir}/messages.json"), &bytes)?;
        } else {
            let mut csv = Vec::new();
            if g.spec.messy {
                csv.extend_from_slice(b"\xEF\xBB\xBF");
            }
            csv.extend_from_slice(b"ID,Timestamp,Contents,Attachments\n");
            for (i, (id, ms, text, att)) in rows.iter().enumerate() {
                if messy_channel && i == 1 {
                    // A row that is not UTF-8 (a damaged file).
                    csv.extend_from_slice(b"1,\xff\xfe broken,\xc3\n");
                }
                let quoted = text.replace('"', "\"\"");
                writeln!(csv, "{id},{},\"{quoted}\",{att}", csv_time(*ms))?;
            }
            w.add(&format!("{dir}/messages.csv"), &csv)?;
        }
    }
    if g.spec.messy {
        // A channel folder whose messages file is empty.
        let dir = channel_dir(g, 799_999_999_999_999_999);
        w.add(
            &format!("{dir}/channel.json"),
            br#"{"id": "799999999999999999", "type": 1, "recipients": []}"#,
        )?;
        let file = if g.spec.generation == DiscordGen::Y2024 {
            "messages.json"
        } else {
            "messages.csv"
        };
        w.add(&format!("{dir}/{file}"), b"")?;
    }
    w.add(
        &format!("{}/index.json", g.dir("messages")),
        &pretty(&Value::Object(index)),
    )
}

fn servers(g: &mut Gen, w: &mut ArchiveWriter) -> io::Result<()> {
    let mut index = serde_json::Map::new();
    for s in 0..g.spec.servers {
        let id = (300 + s).to_string();
        index.insert(id.clone(), json!(format!("Server {s}")));
        w.add(
            &format!("{}/{id}/guild.json", g.dir("servers")),
            &pretty(&json!({"id": id, "name": format!("Server {s}")})),
        )?;
        if s == 0 {
            let log: Vec<Value> = (0..3)
                .map(|i| {
                    let ms = END_MS - (i + 1) * 86_400_000;
                    json!({"id": g.snowflake(ms).to_string(), "user_id": "100000000000000001", "target_id": "201", "action_type": 20 + i, "changes": []})
                })
                .collect();
            w.add(
                &format!("{}/{id}/audit-log.json", g.dir("servers")),
                &pretty(&Value::Array(log)),
            )?;
        }
    }
    w.add(
        &format!("{}/index.json", g.dir("servers")),
        &pretty(&Value::Object(index)),
    )
}

fn activities(g: &mut Gen, w: &mut ArchiveWriter) -> io::Result<()> {
    let prefs = json!({"name": "Example Word Game", "application_id": "880218394199220334", "theme": "dark", "last_played": iso(END_MS - 86_400_000)});
    w.add(
        &format!(
            "{}/880218394199220334/preferences.json",
            g.dir("activities")
        ),
        &pretty(&prefs),
    )
}

/// Number of events of each stream for a spec: (kind, count).
pub fn event_counts(spec: &DiscordSpec) -> Vec<(&'static str, usize)> {
    vec![
        ("analytics", spec.events),
        ("tns", spec.events / 10),
        ("reporting", spec.events / 10),
    ]
}

fn activity(g: &mut Gen, w: &mut ArchiveWriter) -> io::Result<()> {
    for (kind, n) in event_counts(&g.spec) {
        let path = format!(
            "{}/{kind}/events-{EXPORT_DATE}-00000-of-00001.json",
            g.dir("activity")
        );
        let messy = g.spec.messy;
        let rng = &mut g.rng;
        w.add_with(&path, |out| {
            let mut out = io::BufWriter::with_capacity(1 << 16, out);
            for i in 0..n {
                write_event(&mut out, rng, i, n)?;
                if messy && i == n / 2 {
                    out.write_all(b"{\"event_type\": \"app_opened\", \"timest\n")?;
                }
            }
            if messy && kind == "analytics" {
                // 2023+ packages: a couple of lines with Discord's guesses and no event type.
                out.write_all(b"{\"predicted_gender\":\"female\",\"probability\":0.61}\n")?;
                out.write_all(b"{\"predicted_age\":\"25-34\",\"probability\":0.44}\n")?;
            }
            out.flush()
        })?;
    }
    Ok(())
}

/// One event line (~600 bytes, like real ones): the type by a skewed distribution, the time
/// moving forward through three years, a device, a location and an IP.
fn write_event(out: &mut dyn Write, rng: &mut Rng, i: usize, n: usize) -> io::Result<()> {
    let kind = EVENT_TYPES[(rng.below(EVENT_TYPES.len() as u64)
        * rng.below(EVENT_TYPES.len() as u64)
        / EVENT_TYPES.len() as u64) as usize];
    let span = 3 * 365 * 86_400_000i64;
    let ms = END_MS - span + (span / n.max(1) as i64) * i as i64 + rng.below(1000) as i64;
    let (os, osv, browser, device) = DEVICES[(i * 7 + rng.below(2) as usize) % DEVICES.len()];
    let d = (i / 97) % CITIES.len();
    let (city, region, country, tz) = CITIES[d];
    let ip = format!("203.0.113.{}", 10 + d);
    writeln!(
        out,
        "{{\"event_type\":\"{kind}\",\"event_id\":\"AQEA{i:012x}{:08x}\",\"user_id\":\"100000000000000001\",\"domain\":\"discord.com\",\"ip\":\"{ip}\",\"day\":\"{}\",\"chosen_locale\":\"en-US\",\"detected_locale\":\"en-US\",\"browser\":\"{browser}\",\"os\":\"{os}\",\"os_version\":\"{osv}\",\"device\":\"{device}\",\"os_arch\":\"x64\",\"client_build_number\":{},\"release_channel\":\"stable\",\"city\":\"{city}\",\"country_code\":\"{country}\",\"region_code\":\"{region}\",\"time_zone\":\"{tz}\",\"isp\":\"{}\",\"client_uuid\":\"AQAAAAAAAAA{:016x}\",\"client_send_timestamp\":\"\\\"{}\\\"\",\"client_track_timestamp\":\"\\\"{}\\\"\",\"timestamp\":\"\\\"{}\\\"\",\"accessibility_features\":128,\"rendered_locale\":\"en-US\",\"uptime_app\":{},\"event_sequence_number\":{i}}}",
        rng.below(u32::MAX as u64),
        ms / 86_400_000 - 16_000,
        250_000 + rng.below(10_000),
        ISPS[d],
        rng.below(u64::MAX),
        iso(ms + 20),
        iso(ms),
        iso(ms + 150),
        rng.below(100_000),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_dated() {
        let dir = tempfile::tempdir().unwrap();
        let a = generate(&DiscordSpec::default(), &dir.path().join("a.zip")).unwrap();
        let b = generate(&DiscordSpec::default(), &dir.path().join("b.zip")).unwrap();
        assert_eq!(std::fs::read(&a[0]).unwrap(), std::fs::read(&b[0]).unwrap());
        let mut line = Vec::new();
        write_event(&mut line, &mut Rng::new(1), 0, 10).unwrap();
        let v: Value = serde_json::from_slice(&line).unwrap();
        assert!(v["timestamp"].as_str().unwrap().starts_with("\"2021-03"));
        assert!(line.len() > 500, "{}", line.len());
    }
}
