//! Pseudonymized exports of one generated persona's exports (every platform): no identifier
//! of the persona and no contact's name is left in any output file, in any format, neither
//! in the raw bytes nor in the decoded Parquet; hashes are stable for a salt and differ
//! across salts; message text can be dropped; the redaction log says what went where.

mod common;

use common::*;
use footprint_fixtures::persona::Persona;
use footprint_research::Format;
use std::path::Path;

#[test]
fn no_identifier_of_the_persona_nor_a_contacts_name_is_left_in_any_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let needles = identifiers(&store, SEED);
    // The clear export has them (so the test can fail), and names the contacts.
    let mut clear = options(Format::Jsonl, dir.path().join("clear"));
    clear.with_identities = true;
    run(&store, &clear);
    let text = std::fs::read_to_string(dir.path().join("clear/records.jsonl")).unwrap();
    let persona = Persona::for_seed(SEED);
    assert!(text.contains(&persona.name) && text.contains(&persona.email));
    let senders = contacts(&store);
    assert!(senders.len() >= 5, "message senders: {senders:?}");
    // The check itself finds them in the clear export.
    let clear_dir = dir.path().join("clear");
    for list in [&needles, &senders] {
        assert!(std::panic::catch_unwind(|| assert_absent(&clear_dir, list, "clear")).is_err());
    }

    for format in [Format::Parquet, Format::Csv, Format::Jsonl] {
        let out = dir.path().join(format!("salted-{}", format.extension()));
        let summary = run(&store, &salted(format, out.clone(), SALT));
        assert!(summary.pseudonymized && summary.redactions > 1_000, "{} redactions", summary.redactions);
        assert_absent(&out, &needles, "identifier");
        assert_absent(&out, &senders, "contact");
        let log: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("redaction_log.json")).unwrap()).unwrap();
        assert!(log["replaced"]["identities.value"]["email"].as_u64().unwrap() > 0);
        assert!(log["replaced"]["records.data"]["person"].as_u64().unwrap() > 0);
        assert!(log["replaced"]["records.title"]["name"].as_u64().unwrap() > 0);
    }
}

/// The identities table's values, in row order.
fn identity_values(dir: &Path) -> Vec<String> {
    let mut r = csv::Reader::from_path(dir.join("identities.csv")).unwrap();
    r.records().map(|row| row.unwrap()[2].to_string()).collect()
}

#[test]
fn a_salt_gives_the_same_hashes_every_time_and_another_salt_other_hashes() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let export = |name: &str, salt: &str| {
        let out = dir.path().join(name);
        run(&store, &salted(Format::Csv, out.clone(), salt));
        out
    };
    let (a, b, c) = (export("a", SALT), export("b", SALT), export("c", OTHER_SALT));
    let (va, vb, vc) = (identity_values(&a), identity_values(&b), identity_values(&c));
    assert!(va.iter().all(|v| v.contains(':') && !v.contains('@')), "{va:?}");
    assert_eq!(va, vb);
    assert_eq!(std::fs::read(a.join("records.csv")).unwrap(), std::fs::read(b.join("records.csv")).unwrap());
    assert!(va.iter().zip(&vc).all(|(x, y)| x != y), "another salt, other hashes");
    // Consistent across tables: the hash of the persona's e-mail in identities is the one the
    // records and the archives carry.
    let email = Persona::for_seed(SEED).email;
    let hash = footprint_research::Pseudonymizer::new(SALT, vec![]).identifier("email", &email);
    assert!(va.contains(&hash));
    for table in ["records.csv", "archives.csv"] {
        assert!(std::fs::read_to_string(a.join(table)).unwrap().contains(&hash), "{table}");
    }
    // Too short a salt is refused.
    let opts = salted(Format::Csv, dir.path().join("d"), "short");
    assert!(footprint_research::export(&store, &opts).unwrap_err().to_string().contains("at least"));
}

#[test]
fn message_text_can_be_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let out = dir.path().join("out");
    let mut opts = options(Format::Jsonl, out.clone());
    opts.drop_message_text = true;
    run(&store, &opts);
    let messages = count(&store, "SELECT count(*) FROM records WHERE category = 'messages' AND body IS NOT NULL");
    assert!(messages > 100);
    let mut with_body = 0;
    for line in std::fs::read_to_string(out.join("records.jsonl")).unwrap().lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        if row["category"] == "messages" {
            assert!(row["body"].is_null(), "{line}");
        } else if !row["body"].is_null() {
            with_body += 1;
        }
    }
    assert!(with_body > 0, "other records keep their text");
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("redaction_log.json")).unwrap()).unwrap();
    assert_eq!(log["dropped"]["records.body"], messages);
}
