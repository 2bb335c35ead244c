//! The passphrase kept in the system keyring (issue #12), against a real Secret Service:
//! `scripts/keyring.sh` starts a private GNOME Keyring and sets FOOTPRINT_KEYRING_TEST; run
//! without it (no keyring to talk to), the test says so and checks nothing.

use footprint_core::os_keyring;
use footprint_core::store::{Passphrase, Store};

fn keyring_here() -> bool {
    let here = std::env::var_os("FOOTPRINT_KEYRING_TEST").is_some();
    if !here {
        eprintln!("no private keyring (run scripts/keyring.sh): skipped");
    }
    here
}

#[test]
fn a_kept_passphrase_opens_its_database_and_is_forgotten_on_request() {
    if !keyring_here() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one.db"), dir.path().join("two.db"));
    let key = Passphrase::new("kept in the keyring").unwrap();
    drop(Store::open_with(&one, Some(&key)).unwrap());

    assert!(os_keyring::remembered(&one).unwrap().is_none());
    os_keyring::remember(&one, &key).unwrap();
    let kept = os_keyring::remembered(&one).unwrap().expect("kept");
    assert_eq!(kept.expose(), "kept in the keyring");
    // One entry per database file: another file has none.
    assert!(os_keyring::remembered(&two).unwrap().is_none());
    assert!(Store::open_with(&one, Some(&kept)).unwrap().stats().is_ok());

    // Kept again (a new passphrase) replaces the old entry.
    os_keyring::remember(&one, &Passphrase::new("a newer one").unwrap()).unwrap();
    assert_eq!(os_keyring::remembered(&one).unwrap().unwrap().expose(), "a newer one");
    os_keyring::forget(&one).unwrap();
    assert!(os_keyring::remembered(&one).unwrap().is_none());
    // Forgetting what is not kept is no error.
    os_keyring::forget(&one).unwrap();
}
