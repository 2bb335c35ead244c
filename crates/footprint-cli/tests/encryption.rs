//! `footprint --encrypt`, `--change-passphrase` and `--decrypt` on a database holding an
//! import (issue #12): nothing lost, and every command then needs the passphrase, with a
//! clear error without it or with a wrong one. The passphrase comes from
//! FOOTPRINT_PASSPHRASE (no terminal here, so nothing is asked).

mod support;

use std::path::Path;
use std::process::Output;
use support::{footprint, generate, import_ok};

fn with_pass(db: &Path, pass: Option<&str>, new: Option<&str>, args: &[&str]) -> Output {
    let mut c = footprint(db);
    c.env_remove("FOOTPRINT_PASSPHRASE").env_remove("FOOTPRINT_NEW_PASSPHRASE");
    if let Some(p) = pass {
        c.env("FOOTPRINT_PASSPHRASE", p);
    }
    if let Some(p) = new {
        c.env("FOOTPRINT_NEW_PASSPHRASE", p);
    }
    c.args(args).output().expect("cannot start footprint")
}

fn stats(db: &Path, pass: Option<&str>) -> serde_json::Value {
    let out = with_pass(db, pass, None, &["stats", "--json"]);
    assert!(out.status.success(), "stats: {}", String::from_utf8_lossy(&out.stderr));
    let mut v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The file's size is not content: SQLCipher keeps room per page for its IV and MAC.
    v.as_object_mut().unwrap().remove("db_bytes");
    v
}

fn fails_with(out: &Output, words: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "it worked: {}", String::from_utf8_lossy(&out.stdout));
    assert!(err.contains(words), "{err}");
    assert!(!err.contains("hmac"), "SQLCipher's own log reached the user: {err}");
}

#[test]
fn encrypt_change_and_decrypt_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    import_ok(&db, &generate("reddit", dir.path(), 3, None));
    let before = stats(&db, None);
    assert!(before["records"].as_i64().unwrap() > 0);

    // No passphrase to encrypt with, and no terminal to type one: refused, nothing changed.
    fails_with(&with_pass(&db, None, None, &["--encrypt"]), "FOOTPRINT_PASSPHRASE");
    assert_eq!(stats(&db, None), before);

    let out = with_pass(&db, Some("tall tree"), None, &["--encrypt"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!std::fs::read(&db).unwrap().starts_with(b"SQLite format 3"));
    assert_eq!(stats(&db, Some("tall tree")), before);
    fails_with(&with_pass(&db, None, None, &["stats"]), "is encrypted");
    fails_with(&with_pass(&db, Some("short tree"), None, &["stats"]), "wrong passphrase");

    // A new import into the encrypted database works, and the next command sees it.
    let more = generate("linkedin", dir.path(), 3, None);
    let mut args = vec!["import"];
    args.extend(more.iter().map(|p| p.to_str().unwrap()));
    let out = with_pass(&db, Some("tall tree"), None, &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let grown = stats(&db, Some("tall tree"));
    assert_eq!(grown["archives"].as_i64(), Some(before["archives"].as_i64().unwrap() + 1));

    fails_with(&with_pass(&db, Some("tall tree"), None, &["--change-passphrase"]), "FOOTPRINT_NEW_PASSPHRASE");
    let out = with_pass(&db, Some("tall tree"), Some("green leaf"), &["--change-passphrase"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    fails_with(&with_pass(&db, Some("tall tree"), None, &["stats"]), "wrong passphrase");
    assert_eq!(stats(&db, Some("green leaf")), grown);

    let out = with_pass(&db, Some("green leaf"), None, &["--decrypt"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read(&db).unwrap().starts_with(b"SQLite format 3\0"));
    assert_eq!(stats(&db, None), grown);

    // The flags are not commands: they cannot be mixed with one.
    let out = with_pass(&db, Some("x"), None, &["--encrypt", "stats"]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
}

/// `footprint bench --encrypted` imports each archive into an encrypted database beside the
/// clear runs and reports the cost: the same records, and a ratio of the two speeds.
#[test]
fn the_bench_measures_what_encryption_costs() {
    let dir = tempfile::tempdir().unwrap();
    let out = footprint(&dir.path().join("unused.db"))
        .args(["bench", "--only", "facebook", "--scale", "0.01", "--repeat", "1", "--encrypted", "--json", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = &v["imports"][0];
    let records = row["footprint"]["records"].as_u64().unwrap();
    assert!(records > 0);
    assert_eq!(row["encrypted"]["records"].as_u64(), Some(records), "{row}");
    let ratio = row["encrypted_ratio"].as_f64().unwrap();
    assert!(ratio > 0.0 && ratio.is_finite(), "{ratio}");
    // The encrypted run's database was removed after the run; the clear one stays for the
    // query timings.
    assert!(!dir.path().join("bench-facebook.encrypted.db").exists());
}
