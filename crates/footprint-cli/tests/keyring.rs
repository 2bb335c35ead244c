//! A command opens an encrypted database with the passphrase the app kept in the system
//! keyring, and `--change-passphrase` keeps the new one there (issue #12). Needs the private
//! keyring of `scripts/keyring.sh` (FOOTPRINT_KEYRING_TEST); without it, it checks nothing.

mod support;

use footprint_core::os_keyring;
use footprint_core::store::Passphrase;
use support::{footprint, generate, import_ok};

#[test]
fn a_command_reads_the_kept_passphrase_and_a_change_keeps_the_new_one() {
    if std::env::var_os("FOOTPRINT_KEYRING_TEST").is_none() {
        eprintln!("no private keyring (run scripts/keyring.sh): skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    import_ok(&db, &generate("reddit", dir.path(), 4, None));
    let encrypt = footprint(&db).env("FOOTPRINT_PASSPHRASE", "first words").arg("--encrypt").output().unwrap();
    assert!(encrypt.status.success(), "{}", String::from_utf8_lossy(&encrypt.stderr));

    let stats = || footprint(&db).env_remove("FOOTPRINT_PASSPHRASE").args(["stats", "--json"]).output().unwrap();
    let refused = stats();
    assert!(!refused.status.success(), "opened without any passphrase");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("is encrypted"));

    os_keyring::remember(&db, &Passphrase::new("first words").unwrap()).unwrap();
    let opened = stats();
    assert!(opened.status.success(), "{}", String::from_utf8_lossy(&opened.stderr));

    let change = footprint(&db)
        .env_remove("FOOTPRINT_PASSPHRASE")
        .env("FOOTPRINT_NEW_PASSPHRASE", "second words")
        .arg("--change-passphrase")
        .output()
        .unwrap();
    assert!(change.status.success(), "{}", String::from_utf8_lossy(&change.stderr));
    assert_eq!(os_keyring::remembered(&db).unwrap().unwrap().expose(), "second words");
    assert!(stats().status.success());
    os_keyring::forget(&db).unwrap();
}
