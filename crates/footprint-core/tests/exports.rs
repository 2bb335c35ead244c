//! Splitting what the user drops into exports: a folder of several platforms' exports is
//! several archives; a folder that is one export stays one.

use footprint_core::archive::Limits;
use footprint_core::exports::plan_exports;
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use footprint_fixtures::google::{generate as generate_takeout, TakeoutSpec};
use footprint_fixtures::meta::{generate_facebook, generate_instagram, FacebookSpec, InstagramSpec};
use footprint_fixtures::Container;

#[test]
fn a_mixed_folder_is_split_into_its_exports_and_each_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let downloads = dir.path().join("Downloads");
    std::fs::create_dir(&downloads).unwrap();
    generate_facebook(&FacebookSpec::default(), &downloads.join("facebook-me-2024-03-02.zip")).unwrap();
    generate_instagram(&InstagramSpec::default(), &downloads.join("instagram-me-2024-03-02.zip")).unwrap();
    // An unpacked Takeout in parts, as a folder beside them, and macOS litter.
    generate_takeout(
        &TakeoutSpec { container: Container::Parts { part_bytes: 20_000 }, ..Default::default() },
        &downloads.join("takeout-20240302T100000Z.zip"),
    )
    .unwrap();
    std::fs::write(downloads.join(".DS_Store"), b"junk").unwrap();

    let plan = plan_exports(std::slice::from_ref(&downloads), &Limits::default());
    assert_eq!(plan.len(), 3, "{plan:?}");
    assert!(plan.iter().any(|g| g.len() > 1), "the Takeout's parts stay together: {plan:?}");

    let mut store = Store::open(&dir.path().join("f.db")).unwrap();
    for g in &plan {
        import_export(&mut store, g, &ImportOptions::default()).unwrap();
    }
    let mut platforms: Vec<String> = store.archives().unwrap().into_iter().map(|a| a.platform).collect();
    platforms.sort();
    assert_eq!(platforms, ["facebook", "google", "instagram"]);
}

#[test]
fn a_folder_that_is_one_export_stays_one() {
    let dir = tempfile::tempdir().unwrap();
    let unpacked = dir.path().join("facebook-me");
    generate_facebook(&FacebookSpec { container: Container::Folder, ..Default::default() }, &unpacked).unwrap();
    assert_eq!(plan_exports(std::slice::from_ref(&unpacked), &Limits::default()), vec![vec![unpacked]]);

    // A zip beside a loose data file: the folder is one export as given, not split.
    let mixed = dir.path().join("mixed");
    std::fs::create_dir(&mixed).unwrap();
    generate_instagram(&InstagramSpec::default(), &mixed.join("instagram.zip")).unwrap();
    generate_facebook(&FacebookSpec::default(), &mixed.join("facebook.zip")).unwrap();
    std::fs::write(mixed.join("Connections.csv"), "First Name,Last Name\n").unwrap();
    assert_eq!(plan_exports(std::slice::from_ref(&mixed), &Limits::default()), vec![vec![mixed]]);
}

#[test]
fn pieces_of_one_export_given_together_are_one_export() {
    use footprint_fixtures::amazon::{generate, AmazonSpec};
    let dir = tempfile::tempdir().unwrap();
    let zips = generate(&AmazonSpec::default(), &dir.path().join("amazon")).unwrap();
    assert!(zips.len() > 2);
    let fb = dir.path().join("facebook-me-2024-03-02.zip");
    generate_facebook(&FacebookSpec::default(), &fb).unwrap();
    let mut given = zips.clone();
    given.insert(1, fb.clone());
    let plan = plan_exports(&given, &Limits::default());
    assert_eq!(plan.len(), 2, "{plan:?}");
    assert_eq!(plan[0].len(), zips.len(), "the Amazon zips are one export");
    assert_eq!(plan[1], vec![fb.clone()]);

    // Two downloads of the same Facebook account overlap: two exports.
    let fb2 = dir.path().join("facebook-me-2024-06-02.zip");
    generate_facebook(&FacebookSpec::default(), &fb2).unwrap();
    assert_eq!(plan_exports(&[fb, fb2], &Limits::default()).len(), 2);
}
