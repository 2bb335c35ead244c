//! Golden tests of the Discord importer: each package generation (footprint-fixtures) goes
//! through ArchiveView, detection and the importer in memory; a normalized summary is
//! snapshotted, and the assertions below check what must hold whatever the snapshot says.

mod golden;

use golden::count;

use footprint_core::importer::{FileRole, Importer};
use footprint_core::importers::discord::Discord;
use footprint_core::registry;
use footprint_core::testing::{collect, Collected};
use footprint_fixtures::discord::{event_counts, generate, DiscordGen, DiscordSpec, CONNECTIONS};
use footprint_fixtures::Persona;
use golden::{open, Summary};
use std::collections::BTreeSet;

fn run(spec: &DiscordSpec, name: &str) -> (Collected, Summary) {
    let dir = tempfile::tempdir().unwrap();
    let paths = generate(
        spec,
        &dir.path().join(format!(
            "{name}-{}.zip",
            footprint_fixtures::discord::EXPORT_DATE
        )),
    )
    .unwrap();
    let view = open(&paths);
    let c = collect(&Discord, &view);
    let s = golden::summarize(&view, &c, registry::importers(), false);
    // Nobody else claims a Discord package, and Discord is certain.
    let mine = Discord.recognize(&view).confidence;
    assert_eq!(mine, 1.0, "{:?}", s.recognition);
    for other in registry::importers().iter().filter(|i| i.id() != "discord") {
        assert!(
            other.recognize(&view).confidence < mine,
            "{} claims a Discord package",
            other.id()
        );
    }
    (c, s)
}


/// What every clean package must give, whatever its generation.
fn clean_checks(spec: &DiscordSpec, c: &Collected, s: &Summary) {
    assert_eq!(s.detected, "discord", "{:?}", s.recognition);
    assert!(c.failed.is_empty(), "{:?}", c.failed);
    assert!(c.warnings.is_empty(), "{:?}", s.warnings);
    let owner = Persona::for_seed(spec.seed);
    assert_eq!(s.account.as_deref(), Some(owner.email.as_str()));
    assert!(s.identities.contains(&format!("email: {}", owner.email)));
    assert!(s.identities.contains(&format!("phone: {}", owner.phone)));
    assert!(s
        .identities
        .iter()
        .any(|i| i.starts_with(&format!("username: {}", owner.username))));
    // > 95% of the data files (everything but media and the README) are parsed.
    let data_files: Vec<&(String, FileRole)> = c
        .files
        .iter()
        .filter(|(p, _)| !p.ends_with(".png") && !p.ends_with("README.txt"))
        .collect();
    let parsed = data_files
        .iter()
        .filter(|(_, r)| matches!(r, FileRole::Parse(_)))
        .count();
    assert!(
        parsed * 100 > data_files.len() * 95,
        "{parsed} of {} parsed: {:?}",
        data_files.len(),
        s.unknown
    );
    // Every connected service is a third party with the connected_app relation, once.
    for (_, company) in CONNECTIONS.iter().take(spec.connections) {
        assert_eq!(
            s.companies
                .get(*company)
                .and_then(|r| r.get("connected_app")),
            Some(&1),
            "{company}: {:?}",
            s.companies
        );
    }
    assert_eq!(
        s.companies.len(),
        spec.connections,
        "no other third party: {:?}",
        s.companies.keys()
    );
    assert_eq!(
        count(c, "message"),
        spec.channels * spec.messages_per_channel
    );
    assert_eq!(count(c, "relationship"), spec.friends);
    assert_eq!(count(c, "payment"), spec.payments);
    // Events are summarized, never one record per event; every event is counted.
    let summaries: Vec<_> = c
        .records
        .iter()
        .filter(|r| r.record.kind == "tracking_summary")
        .collect();
    assert_eq!(summaries.len(), 3);
    let events: u64 = summaries
        .iter()
        .map(|r| {
            footprint_core::testing::data_json(&r.record)["events"]
                .as_u64()
                .unwrap()
        })
        .sum();
    assert_eq!(
        events as usize,
        event_counts(spec).iter().map(|(_, n)| n).sum::<usize>()
    );
    assert!(
        c.records.len() < spec.events,
        "{} records for {} events",
        c.records.len(),
        spec.events
    );
}

/// Keys are stable: a second import of the same package gives the same key for every record.
fn keys(c: &Collected) -> BTreeSet<(String, u64)> {
    c.records
        .iter()
        .map(|r| (r.record.kind.to_string(), r.record.effective_key()))
        .collect()
}

#[test]
fn discord_2019() {
    let spec = DiscordSpec {
        generation: DiscordGen::Y2019,
        ..Default::default()
    };
    let (c, s) = run(&spec, "package2019");
    clean_checks(&spec, &c, &s);
    assert_eq!(s.files.get("discord_messages_csv"), Some(&spec.channels));
    insta::assert_json_snapshot!("discord_2019", s);
}

#[test]
fn discord_2021() {
    let spec = DiscordSpec {
        generation: DiscordGen::Y2021,
        ..Default::default()
    };
    let (c, s) = run(&spec, "package2021");
    clean_checks(&spec, &c, &s);
    let (again, _) = run(&spec, "package2021");
    assert_eq!(keys(&c), keys(&again));
    insta::assert_json_snapshot!("discord_2021", s);
}

#[test]
fn discord_2024_capitalized_json_top_folder() {
    let spec = DiscordSpec {
        generation: DiscordGen::Y2024,
        top_folder: true,
        connections: CONNECTIONS.len(),
        ..Default::default()
    };
    let (c, s) = run(&spec, "package2024");
    clean_checks(&spec, &c, &s);
    assert_eq!(s.files.get("discord_messages_json"), Some(&spec.channels));
    // Every record has its own key (message ids, channel ids...), except the server seen in
    // both the index and its guild.json.
    let all: Vec<u64> = c.records.iter().map(|r| r.record.effective_key()).collect();
    let distinct: BTreeSet<u64> = all.iter().copied().collect();
    assert_eq!(all.len() - distinct.len(), spec.servers);
    insta::assert_json_snapshot!("discord_2024", s);
}

/// Damaged and odd input: a truncated messages.json, a 0-byte messages file, a broken CSV
/// row, broken event lines, null lists. Each costs a warning or that one file; the rest is
/// imported.
#[test]
fn messy_packages_lose_only_the_damage() {
    for generation in [DiscordGen::Y2021, DiscordGen::Y2024] {
        let spec = DiscordSpec {
            generation,
            messy: true,
            ..Default::default()
        };
        let (c, s) = run(&spec, "messy");
        assert_eq!(s.detected, "discord");
        let warned = |file: &str, words: &str| {
            s.warnings
                .iter()
                .any(|w| w.contains(file) && w.contains(words))
        };
        assert!(
            warned("c799999999999999999/messages.", "empty file"),
            "{generation:?}: {:?}",
            s.warnings
        );
        assert!(
            warned("analytics/events-", "not an event"),
            "{:?}",
            s.warnings
        );
        assert!(warned("tns/events-", "not an event"), "{:?}", s.warnings);
        assert_eq!(count(&c, "inference"), 2);
        match generation {
            DiscordGen::Y2024 => {
                assert_eq!(c.failed.len(), 1, "{:?}", c.failed);
                assert!(
                    c.failed[0].0.ends_with("c700000000000000001/messages.json"),
                    "{:?}",
                    c.failed
                );
                assert!(c.failed[0].1.contains("truncated"), "{:?}", c.failed);
                // Messages before the damage are kept.
                assert!(count(&c, "message") > (spec.channels - 1) * spec.messages_per_channel);
            }
            _ => {
                assert!(c.failed.is_empty(), "{:?}", c.failed);
                assert!(
                    warned("c700000000000000001/messages.csv", "line 3"),
                    "{:?}",
                    s.warnings
                );
                assert_eq!(
                    count(&c, "message"),
                    spec.channels * spec.messages_per_channel
                );
            }
        }
        assert_eq!(
            count(&c, "library_application"),
            0,
            "null list read as empty"
        );
        assert_eq!(count(&c, "connected_account"), spec.connections);
    }
}
