//! Golden tests of the Facebook and Instagram importers: each generation's synthetic archive
//! (footprint-fixtures) goes through ArchiveView, detection and the importer in memory, and a
//! normalized summary is snapshotted: counts per kind and category, companies with relations,
//! identities, skipped and unknown files, and the first records of each kind.

mod golden;

use golden::count;

use footprint_core::archive::ArchiveView;
use footprint_core::importers::meta::{facebook::Facebook, instagram::Instagram};
use footprint_core::testing::{collect, Collected};
use footprint_fixtures::meta::{generate_facebook, generate_instagram, FacebookSpec, FbGen, IgGen, InstagramSpec};
use golden::{open, Summary};


fn summarize(view: &ArchiveView, c: &Collected) -> Summary {
    golden::summarize(view, c, &[&Facebook, &Instagram], true)
}

/// Checks every Meta archive must pass, whatever its generation.
fn common_checks(c: &Collected, s: &Summary, platform: &str) {
    assert_eq!(s.detected, platform, "detection must not tie: {:?}", s.recognition);
    assert!(c.failed.is_empty(), "no file may fail: {:?}", c.failed);
    assert!(c.warnings.is_empty(), "synthetic archives are clean: {:?}", s.warnings);
    assert!(s.account.is_some(), "the account is found");
    // Mojibake is repaired everywhere: no Latin-1-looking UTF-8 leftovers in any text.
    for cr in &c.records {
        let r = &cr.record;
        for text in [r.title.as_deref(), r.body.as_deref(), r.data.as_deref(), r.company.as_ref().map(|c| c.name.as_str())]
            .into_iter()
            .flatten()
        {
            assert!(!text.contains('Ã') && !text.contains("â€") && !text.contains('ð'), "mojibake left in {}: {text}", cr.file);
        }
    }
}

fn facebook(spec: FacebookSpec, name: &str) -> (Collected, Summary) {
    let dir = tempfile::tempdir().unwrap();
    let paths = generate_facebook(&spec, &dir.path().join(format!("{name}.zip"))).unwrap();
    let view = open(&paths);
    let c = collect(&Facebook, &view);
    let s = summarize(&view, &c);
    common_checks(&c, &s, "facebook");
    (c, s)
}

fn instagram(spec: InstagramSpec, name: &str) -> (Collected, Summary) {
    let dir = tempfile::tempdir().unwrap();
    let paths = generate_instagram(&spec, &dir.path().join(format!("{name}.zip"))).unwrap();
    let view = open(&paths);
    let c = collect(&Instagram, &view);
    let s = summarize(&view, &c);
    common_checks(&c, &s, "instagram");
    (c, s)
}


#[test]
fn facebook_2022() {
    let spec = FacebookSpec { generation: FbGen::Y2022, ..Default::default() };
    let (c, s) = facebook(spec.clone(), "fb2022");
    assert_eq!(count(&c, "message"), spec.threads * spec.messages_per_thread);
    assert_eq!(count(&c, "off_platform_event"), spec.off_meta_companies * spec.events_per_company);
    assert_eq!(count(&c, "advertiser_audience"), spec.advertisers);
    // No parser knows pokes: indexed (searchable), not understood.
    assert!(s.unknown.is_empty(), "{:?}", s.unknown);
    // The 2022 account activity has plain keys, no `label_values`: the catch-all walks it
    // blindly, so it is indexed, not understood.
    assert_eq!(
        s.indexed,
        [
            "other_activity/pokes.json (json)",
            "security_and_login_information/account_activity.json (meta_generic, walked blindly)"
        ]
    );
    insta::assert_json_snapshot!("facebook_2022", s);
}

#[test]
fn facebook_2024() {
    let spec = FacebookSpec { generation: FbGen::Y2024, ..Default::default() };
    let (c, s) = facebook(spec.clone(), "fb2024");
    assert_eq!(count(&c, "message"), spec.threads * spec.messages_per_thread);
    assert_eq!(count(&c, "advertiser_audience"), spec.advertisers);
    assert!(count(&c, "generic") > 0, "2024 files without a parser become generic records");
    insta::assert_json_snapshot!("facebook_2024", s);
}

/// The same account and seed in both schemas of the advertisers file name the same
/// companies with the same relations (the parser hides the schema change).
#[test]
fn advertiser_schemas_agree_across_generations() {
    let relations = |g: FbGen| {
        let (c, _) = facebook(FacebookSpec { generation: g, ..Default::default() }, "schemas");
        let mut v: Vec<(String, String, String)> = c
            .records
            .iter()
            .filter(|r| r.file.ends_with("advertisers_using_your_activity_or_information.json"))
            .map(|r| {
                let co = r.record.company.as_ref().unwrap();
                (r.record.kind.to_string(), co.name.clone(), co.relation.to_string())
            })
            .collect();
        v.sort();
        v
    };
    let old = relations(FbGen::Y2022);
    assert!(!old.is_empty());
    assert_eq!(old, relations(FbGen::Y2024));
}

#[test]
fn facebook_with_top_folder_junk_and_html() {
    let spec = FacebookSpec { top_folder: true, macos_junk: true, with_html: true, ..Default::default() };
    let (c, s) = facebook(spec, "fbmess");
    assert!(s.skipped.iter().any(|p| p.ends_with(".html: HTML export; download the JSON format to import it")));
    assert!(s.skipped.iter().any(|p| p.contains("start_here.html")));
    assert!(c.files.iter().all(|(p, _)| p.starts_with("facebook-")), "every file under the top folder");
    assert!(c.files.iter().all(|(p, _)| !p.contains("__MACOSX") && !p.ends_with(".DS_Store")), "junk dropped");
    insta::assert_json_snapshot!("facebook_top_folder_junk_html", s);
}

#[test]
fn instagram_2021() {
    let spec = InstagramSpec { generation: IgGen::Y2021, ..Default::default() };
    let (c, s) = instagram(spec.clone(), "ig2021");
    assert_eq!(count(&c, "connection"), spec.followers + spec.following);
    assert!(s.unknown.is_empty(), "{:?}", s.unknown);
    assert_eq!(s.indexed, ["login_and_account_creation/login_activity.json (json)"]);
    insta::assert_json_snapshot!("instagram_2021", s);
}

#[test]
fn instagram_2022() {
    let spec = InstagramSpec { generation: IgGen::Y2022, ..Default::default() };
    let (c, s) = instagram(spec.clone(), "ig2022");
    assert_eq!(count(&c, "ad_seen"), spec.ads_viewed);
    assert_eq!(count(&c, "ad_clicked"), spec.ads_clicked);
    assert_eq!(count(&c, "off_platform_event"), spec.off_meta_companies * spec.events_per_company);
    insta::assert_json_snapshot!("instagram_2022", s);
}

#[test]
fn instagram_2025() {
    let spec = InstagramSpec { generation: IgGen::Y2025, with_html: true, top_folder: true, ..Default::default() };
    let (c, s) = instagram(spec.clone(), "ig2025");
    // 2025: usernames live in `title`; none may be lost.
    let names: Vec<&str> = c
        .records
        .iter()
        .filter(|r| r.record.kind == "connection")
        .filter_map(|r| r.record.title.as_deref())
        .collect();
    assert_eq!(names.len(), spec.followers + spec.following);
    assert!(names.iter().all(|t| t.len() > "Follower: ".len()), "{names:?}");
    assert!(s.identities.iter().any(|i| i.starts_with("username: ")));
    insta::assert_json_snapshot!("instagram_2025", s);
}

/// The benchmark size (100,000 messages, 2,000 off-Meta companies) end to end: every message
/// and event arrives. Slow in debug builds: `cargo test --test golden_meta -- --ignored`.
#[test]
#[ignore]
fn facebook_benchmark_size() {
    let spec = FacebookSpec::benchmark();
    let dir = tempfile::tempdir().unwrap();
    let t0 = std::time::Instant::now();
    let paths = generate_facebook(&spec, &dir.path().join("bench.zip")).unwrap();
    let generated = t0.elapsed();
    let view = open(&paths);
    let t1 = std::time::Instant::now();
    let c = collect(&Facebook, &view);
    let imported = t1.elapsed();
    assert!(c.failed.is_empty() && c.warnings.is_empty(), "{:?} {:?}", c.failed, c.warnings);
    assert_eq!(count(&c, "message"), spec.threads * spec.messages_per_thread);
    assert_eq!(count(&c, "off_platform_event"), spec.off_meta_companies * spec.events_per_company);
    eprintln!(
        "benchmark: {} bytes zipped, generated in {generated:?}, {} records imported in {imported:?}",
        std::fs::metadata(&paths[0]).unwrap().len(),
        c.records.len()
    );
}
