//! The demo set as a newcomer meets it: one invented person across every platform's export,
//! export dates that match the file names, every archive flagged as demo data, and one call
//! that removes the demo and leaves the user's own archives.

use footprint_core::archive::group_parts;
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use footprint_fixtures::meta::{generate_facebook, FacebookSpec};
use std::collections::BTreeMap;

fn import_all(store: &mut Store, paths: &[std::path::PathBuf]) -> usize {
    let groups = group_parts(paths);
    for g in &groups {
        import_export(store, g, &ImportOptions::default()).unwrap_or_else(|e| panic!("{g:?}: {e}"));
    }
    groups.len()
}

#[test]
fn the_demo_is_one_person_dated_like_its_files_and_removable_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let demo = footprint_fixtures::demo::demo_set(&dir.path().join("demo"), 7).unwrap();
    let mut store = Store::open(&dir.path().join("f.db")).unwrap();
    let exports = import_all(&mut store, &demo);
    assert_eq!(exports, footprint_fixtures::demo::GENERATORS.len(), "one export per platform generator");

    let archives = store.archives().unwrap();
    assert_eq!(archives.len(), exports);
    for a in &archives {
        assert!(a.demo, "{} is flagged as demo data", a.platform);
        // The file names say 2024-03-02 (20240302); so must the archive's export date.
        let day = footprint_core::time::display_date(a.export_date.expect("export date"));
        assert_eq!(day, "2024-03-02", "{}: {:?}", a.platform, a.sources);
    }
    assert_eq!(store.overview().unwrap().demo_archives, exports as i64);

    // One person: one name, one birth date, one phone number (however written), and e-mail
    // addresses that are all this person's (exports also list the previous ones).
    let me = footprint_fixtures::Persona::for_seed(7);
    let mut by_kind: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for i in store.identities().unwrap() {
        by_kind.entry(i.kind).or_default().push(i.value);
    }
    let values = |k: &str| by_kind.get(k).cloned().unwrap_or_default();
    assert_eq!(values("name"), vec![me.name.clone()], "one name");
    // Some exports give the birthday without the year (LinkedIn's `Mar 15`).
    let (y, m, d) = me.birthday;
    let born = chrono::NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32).unwrap();
    for b in values("birth_date") {
        assert!(b == me.birth_date() || b == born.format("%b %-d").to_string() || b == born.format("%b %d").to_string(), "a stranger's birth date {b} (the demo person was born {born})");
    }
    let digits = |s: &str| s.chars().filter(|c| c.is_ascii_digit()).collect::<String>();
    for phone in values("phone") {
        assert!(digits(&me.phone).ends_with(&digits(&phone)) || digits(&phone).ends_with(&digits(&me.phone)), "a stranger's phone {phone}");
    }
    assert!(!values("email").is_empty());
    for email in values("email") {
        assert!(email.contains(&me.username), "a stranger's e-mail {email} (the demo person is {})", me.email);
    }

    // The user's own export survives removing the demo.
    let own = generate_facebook(&FacebookSpec { seed: 99, ..Default::default() }, &dir.path().join("facebook-me.zip")).unwrap();
    import_export(&mut store, &own, &ImportOptions::default()).unwrap();
    let removed = store.remove_demo().unwrap();
    assert_eq!(removed.len(), exports);
    let left = store.archives().unwrap();
    assert_eq!(left.len(), 1);
    assert!(!left[0].demo);
    assert_eq!(store.overview().unwrap().demo_archives, 0);
}
