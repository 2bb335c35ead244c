//! Golden tests of the Facebook and Instagram importers: each generation's synthetic archive
//! (footprint-fixtures) goes through ArchiveView, detection and the importer in memory, and a
//! normalized summary is snapshotted: counts per kind and category, companies with relations,
//! identities, skipped and unknown files, and the first records of each kind.

mod golden;

use golden::{count, no_other_importer_claims, tally, with_relation};

use footprint_core::archive::ArchiveView;
use footprint_core::importer::{FileRole, Importer};
use footprint_core::importers::meta::{facebook::Facebook, instagram::Instagram};
use footprint_core::testing::{collect, Collected};
use footprint_fixtures::meta::{generate_facebook, generate_instagram, FacebookSpec, FbGen, IgGen, InstagramSpec, MetaFormat};
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
    // Pokes, and the 2022 account activity (plain keys, no `label_values`), have parsers of
    // their own: nothing of this export is only indexed.
    assert!(s.unknown.is_empty(), "{:?}", s.unknown);
    assert!(s.indexed.is_empty(), "{:?}", s.indexed);
    assert_eq!(count(&c, "poke"), 1);
    assert_eq!(count(&c, "login"), 3);
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
    // Both formats side by side (the in-memory collection keeps both twins; the store counts
    // them once, see golden_meta_html.rs).
    let spec = FacebookSpec { top_folder: true, macos_junk: true, format: MetaFormat::Both, ..Default::default() };
    let (c, s) = facebook(spec, "fbmess");
    assert!(s.skipped.iter().any(|p| p.ends_with("start_here.html: index page of the HTML export")));
    assert!(s.files.iter().filter(|(p, _)| p.starts_with("meta_html_")).map(|(_, n)| n).sum::<usize>() > 15, "{:?}", s.files);
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
    // The login activity's `string_map_data` records are read by the generic walker.
    assert!(s.indexed.is_empty(), "{:?}", s.indexed);
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
    let spec = InstagramSpec { generation: IgGen::Y2025, top_folder: true, ..Default::default() };
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

// ---------------------------------------------------------------- older generations

/// company -> records the generator wrote for one relation of a Facebook spec, from the
/// generator's own naming (`names::company`, `meta::APPS`): uploaders, ads interacted with,
/// off-Facebook companies (one record per event), connected apps.
fn facebook_third_parties(spec: &FacebookSpec, relation: &str) -> std::collections::BTreeMap<String, usize> {
    use footprint_fixtures::names::company;
    let n = spec.advertisers;
    match relation {
        "uploaded_contact_list" => tally((0..spec.contact_list_uploaders).map(|i| company(n / 2 + i))),
        "ad_interaction" => tally((0..n.div_ceil(2)).map(company)),
        "sent_off_platform_activity" => tally(
            (0..spec.off_meta_companies).flat_map(|i| std::iter::repeat_n(company(n / 4 + i), spec.events_per_company)),
        ),
        "connected_app" => tally(footprint_fixtures::meta::APPS.iter().take(spec.connected_apps).map(|a| a.to_string())),
        other => panic!("no expectation for {other}"),
    }
}

/// The files the 2021-22 generators write that no Meta parser knows (by design: they show
/// what "unknown" looks like); every other file of every generation is understood.
fn is_meant_unknown(path: &str) -> bool {
    path.ends_with("other_activity/pokes.json") || path.ends_with("login_and_account_creation/login_activity.json")
}

/// What every older or renamed generation must pass: no file unknown, no other importer
/// claims it, and every third-party file names its companies with the right relation.
fn older_facebook(spec: FacebookSpec, name: &str, relations: &[&str]) -> (Collected, Summary) {
    let dir = tempfile::tempdir().unwrap();
    let paths = generate_facebook(&spec, &dir.path().join(format!("{name}.zip"))).unwrap();
    let view = open(&paths);
    no_other_importer_claims(&view, "facebook");
    let (c, s) = facebook(spec.clone(), name);
    assert!(s.unknown.iter().all(|p| is_meant_unknown(p)), "{name}: unknown files {:?}", s.unknown);
    for rel in relations {
        assert_eq!(with_relation(&s, rel), facebook_third_parties(&spec, rel), "{name}: {rel}");
    }
    // Only the login records (no dedicated parser) are walked generically.
    for (file, role) in &c.files {
        if *role == FileRole::Parse("meta_generic") {
            assert!(file.ends_with("account_activity.json"), "{name}: {file} walked generically");
        }
    }
    (c, s)
}

#[test]
fn facebook_2018() {
    let spec = FacebookSpec { generation: FbGen::Y2018, ..Default::default() };
    let (c, s) = older_facebook(spec.clone(), "fb2018", &["uploaded_contact_list", "ad_interaction", "connected_app"]);
    assert_eq!(count(&c, "message"), spec.threads * spec.messages_per_thread, "2018 message.json threads");
    assert_eq!(count(&c, "post"), spec.posts, "status_updates");
    assert_eq!(count(&c, "connection"), spec.friends + 2);
    assert_eq!(count(&c, "ad_interest"), 10, "ads/ads_interests.json topics");
    assert_eq!(count(&c, "off_platform_event"), 0, "no off-Facebook activity before 2020");
    insta::assert_json_snapshot!("facebook_2018", s);
}

#[test]
fn facebook_2020() {
    let spec = FacebookSpec { generation: FbGen::Y2020, ..Default::default() };
    let rels = ["uploaded_contact_list", "ad_interaction", "connected_app", "sent_off_platform_activity"];
    let (c, s) = older_facebook(spec.clone(), "fb2020", &rels);
    assert_eq!(count(&c, "message"), spec.threads * spec.messages_per_thread);
    assert_eq!(count(&c, "like"), spec.posts + 3, "reactions and pages.json");
    insta::assert_json_snapshot!("facebook_2020", s);
}

/// Third-party files under unexpected names (in old folders and in the 2022 sections) give
/// exactly the records, companies and relations of the same export with the usual names.
#[test]
fn renamed_files_are_found_by_content() {
    for generation in [FbGen::Y2020, FbGen::Y2022] {
        let plain = FacebookSpec { generation, ..Default::default() };
        let renamed = FacebookSpec { renamed: true, ..plain.clone() };
        // Since 2021 the advertisers file also names contact-list uploaders: only the other
        // relations have one source each.
        let rels: &[&str] = match generation {
            FbGen::Y2020 => &["uploaded_contact_list", "ad_interaction", "connected_app", "sent_off_platform_activity"],
            _ => &["ad_interaction", "connected_app", "sent_off_platform_activity"],
        };
        let (_, a) = facebook(plain, "plain");
        let (c, b) = older_facebook(renamed, "renamed", rels);
        assert!(c.files.iter().any(|(p, _)| p.ends_with("contact_list_uploads.json") || p.ends_with("off_facebook_activity.json")));
        assert_eq!(a.companies, b.companies, "{generation:?}");
        assert_eq!(a.kinds, b.kinds, "{generation:?}");
    }
}

#[test]
fn instagram_2019() {
    use footprint_fixtures::names::company;
    let spec = InstagramSpec { generation: IgGen::Y2019, top_folder: true, ..Default::default() };
    let dir = tempfile::tempdir().unwrap();
    let paths = generate_instagram(&spec, &dir.path().join("ig2019.zip")).unwrap();
    no_other_importer_claims(&open(&paths), "instagram");
    let (c, s) = instagram(spec.clone(), "ig2019");
    assert!(s.unknown.is_empty(), "unknown files {:?}", s.unknown);
    // The ads seen and clicked in seen_content.json: their authors are companies.
    let ads = (0..spec.ads_viewed).chain(0..spec.ads_clicked).map(|i| company(5 + i % 20));
    assert_eq!(with_relation(&s, "ad_interaction"), tally(ads));
    assert_eq!(count(&c, "connection"), spec.followers + spec.following + 2, "followers, following, 2 hashtags");
    assert_eq!(count(&c, "message"), spec.threads * spec.messages_per_thread);
    assert_eq!(count(&c, "comment"), spec.posts);
    assert_eq!(count(&c, "like"), spec.likes + 2);
    assert_eq!(count(&c, "post"), spec.posts);
    assert!(s.identities.iter().any(|i| i.starts_with("username: ")));
    insta::assert_json_snapshot!("instagram_2019", s);
}

#[test]
fn instagram_renamed_files_are_found_by_content() {
    for generation in [IgGen::Y2019, IgGen::Y2022] {
        let plain = InstagramSpec { generation, ..Default::default() };
        let (_, a) = instagram(plain.clone(), "plain");
        let (_, b) = instagram(InstagramSpec { renamed: true, ..plain }, "renamed");
        assert!(b.unknown.iter().all(|p| is_meant_unknown(p)), "{generation:?}: {:?}", b.unknown);
        assert!(b.files.values().sum::<usize>() == a.files.values().sum::<usize>(), "{generation:?}: every file still parsed");
        assert_eq!(a.companies, b.companies, "{generation:?}");
        assert_eq!(a.kinds, b.kinds, "{generation:?}");
    }
}

/// Every registered Meta variant (`footprint generate facebook-2018`, ...) imports with no
/// error, no unknown file and no tie.
#[test]
fn every_meta_variant_imports_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    for v in footprint_fixtures::demo::VARIANTS.iter().filter(|v| matches!(v.platform, "facebook" | "instagram")) {
        let paths = (v.write)(&dir.path().join(format!("{}.zip", v.id)), 5, None).unwrap();
        let view = open(&paths);
        let importer: &dyn Importer = if v.platform == "facebook" { &Facebook } else { &Instagram };
        let c = collect(importer, &view);
        let s = summarize(&view, &c);
        common_checks(&c, &s, v.platform);
        assert!(s.unknown.iter().all(|p| is_meant_unknown(p)), "{}: {:?}", v.id, s.unknown);
        assert!(!s.companies.is_empty(), "{}: no company", v.id);
    }
}
