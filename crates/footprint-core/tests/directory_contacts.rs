//! Privacy contacts of the user's companies: how many of the third parties in the generated
//! exports the directory can reach (before and after merging the Datenanfragen.de records),
//! and the user's own contacts, which letters use first and which outlive the archives.

use chrono::NaiveDate;
use footprint_core::archive::group_parts;
use footprint_core::query::CompanyQuery;
use footprint_core::requests::{ContactInput, NewRequestInput, RequestSpec};
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use footprint_fixtures::meta::{generate_facebook, FacebookSpec};
use footprint_rights::{Directory, RequestOptions, RequestType};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn spec(store: &Store, today: NaiveDate) -> RequestSpec {
    RequestSpec {
        request_type: RequestType::Access,
        regime: "gdpr".into(),
        identities: store.default_request_identities().unwrap(),
        channel: None,
        options: RequestOptions::default(),
        postal_delay_days: None,
        calendar: None,
        lang: None,
        user_language: None,
        today,
    }
}

/// The share of the demo's third parties (every platform's export of one invented person)
/// that match a directory entry with a contact, with the project's entries alone and with the
/// merged directory. `--nocapture` prints the figures.
#[test]
fn most_third_parties_of_the_generated_exports_have_a_directory_contact() {
    let dir = tempfile::tempdir().unwrap();
    let demo = footprint_fixtures::demo::demo_set(&dir.path().join("demo"), 7).unwrap();
    let mut store = Store::open(&dir.path().join("f.db")).unwrap();
    for g in group_parts(&demo) {
        import_export(&mut store, &g, &ImportOptions::default()).unwrap();
    }
    let before = store
        .contact_coverage_with(&Directory::project_only().unwrap())
        .unwrap();
    let after = store.contact_coverage().unwrap();
    let share = |n: i64, of: i64| n as f64 / of.max(1) as f64;
    println!(
        "third parties: {}; with a directory contact: before {} ({:.0}%), after {} ({:.0}%); with an e-mail or web form after: {} ({:.0}%)",
        after.third_parties,
        before.third_parties_in_directory,
        100.0 * share(before.third_parties_in_directory, before.third_parties),
        after.third_parties_in_directory,
        100.0 * share(after.third_parties_in_directory, after.third_parties),
        after.third_parties_with_email_or_form,
        100.0 * share(after.third_parties_with_email_or_form, after.third_parties),
    );
    println!(
        "all companies: {}; privacy contact known: before {}, after {}",
        after.companies, before.known, after.known
    );
    let mut unknown: Vec<String> = Vec::new();
    for c in store.companies(&CompanyQuery::default()).unwrap() {
        let info = store.company_contact(c.id).unwrap();
        if !c.is_platform && !info.known {
            unknown.push(c.name);
        }
    }
    println!("third parties without a contact: {}", unknown.join(", "));
    assert_eq!(before.third_parties, after.third_parties);
    assert!(
        after.third_parties >= 50,
        "the demo names many third parties: {after:?}"
    );
    assert!(
        share(after.third_parties_in_directory, after.third_parties) >= 0.5,
        "{after:?}"
    );
    assert!(after.third_parties_in_directory > before.third_parties_in_directory);
    assert!(after.known <= after.companies && after.known_by_user == 0);
}

#[test]
fn the_users_contact_comes_first_in_letters_and_outlives_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    // More advertisers than the well-known list has: the rest are invented shops.
    let fb = FacebookSpec {
        advertisers: 130,
        ..Default::default()
    };
    let zip = generate_facebook(&fb, &dir.path().join("facebook.zip")).unwrap();
    let mut store = Store::open(&dir.path().join("fp.db")).unwrap();
    import_export(&mut store, &zip, &ImportOptions::default()).unwrap();
    let today = day(2026, 3, 2);
    // An invented shop: no directory entry, so no contact.
    let shop = store
        .companies(&CompanyQuery::default())
        .unwrap()
        .into_iter()
        .find(|c| !c.is_platform && store.company_contact(c.id).unwrap().directory.is_none())
        .expect("a company the directory does not know");
    let before = store.contact_coverage().unwrap();
    assert!(!store.company_contact(shop.id).unwrap().known);

    // Refused: a malformed address, a form without https, nothing at all.
    for bad in [
        ContactInput {
            email: Some("not an address".into()),
            ..Default::default()
        },
        ContactInput {
            web_form: Some("http://shop.example/form".into()),
            ..Default::default()
        },
        ContactInput::default(),
    ] {
        let e = store.set_company_contact(shop.id, &bad, today).unwrap_err();
        assert_eq!(e.code(), "invalid", "{e}");
    }

    let info = store
        .set_company_contact(
            shop.id,
            &ContactInput {
                email: Some(" privacy@shop.example ".into()),
                ..Default::default()
            },
            today,
        )
        .unwrap();
    assert!(info.known);
    assert_eq!(
        info.user_contact.as_ref().unwrap().email.as_deref(),
        Some("privacy@shop.example")
    );
    let after = store.contact_coverage().unwrap();
    assert_eq!(after.known, before.known + 1);
    assert_eq!(after.known_by_user, 1);

    let req = store
        .create_request(&NewRequestInput {
            company_id: shop.id,
            spec: spec(&store, today),
            contact: None,
        })
        .unwrap();
    let detail = store.request(&req.reference, today).unwrap();
    assert_eq!(
        detail.contact.email.as_deref(),
        Some("privacy@shop.example")
    );
    assert!(
        detail.missing_contact.is_empty(),
        "{:?}",
        detail.missing_contact
    );

    // A directory company: the user's correction beats the directory's address.
    let acxiom = store
        .find_company("Acxiom")
        .unwrap()
        .expect("the export names Acxiom");
    let dir_email = store
        .company_contact(acxiom)
        .unwrap()
        .directory
        .unwrap()
        .contacts[0]
        .email
        .clone();
    store
        .set_company_contact(
            acxiom,
            &ContactInput {
                email: Some("me-found-this@acxiom.com".into()),
                ..Default::default()
            },
            today,
        )
        .unwrap();
    let req = store
        .create_request(&NewRequestInput {
            company_id: acxiom,
            spec: spec(&store, today),
            contact: None,
        })
        .unwrap();
    let c = store.request(&req.reference, today).unwrap().contact;
    assert_eq!(c.email.as_deref(), Some("me-found-this@acxiom.com"));
    assert_ne!(dir_email.as_deref(), Some("me-found-this@acxiom.com"));

    // Removing every archive and importing again: new company rows, same contacts.
    let name = shop.name.clone();
    for a in store.archives().unwrap() {
        store.remove_archive(a.id).unwrap();
    }
    import_export(&mut store, &zip, &ImportOptions::default()).unwrap();
    let again = store.find_company(&name).unwrap().unwrap();
    let info = store.company_contact(again).unwrap();
    assert_eq!(
        info.user_contact.unwrap().email.as_deref(),
        Some("privacy@shop.example")
    );
    let acxiom = store.find_company("Acxiom").unwrap().unwrap();
    assert_eq!(
        store
            .company_contact(acxiom)
            .unwrap()
            .user_contact
            .unwrap()
            .key,
        "dir:acxiom",
        "a directory company's contact is kept under its entry"
    );

    // Clearing gives the directory's back.
    assert!(store.clear_company_contact(again).unwrap());
    assert!(!store.clear_company_contact(again).unwrap());
    assert!(store.company_contact(again).unwrap().user_contact.is_none());
}

/// The test of done: on a generated Facebook export, most letters to the advertisers
/// that uploaded the user's contact list carry a real privacy address.
#[test]
fn most_contact_list_letters_carry_a_privacy_address() {
    let dir = tempfile::tempdir().unwrap();
    let zip =
        generate_facebook(&FacebookSpec::default(), &dir.path().join("facebook.zip")).unwrap();
    let mut store = Store::open(&dir.path().join("fp.db")).unwrap();
    import_export(&mut store, &zip, &ImportOptions::default()).unwrap();
    let today = day(2026, 3, 2);
    let mut erasure = spec(&store, today);
    erasure.request_type = RequestType::Erasure;
    let out = store
        .create_requests_for_relation("uploaded_contact_list", &erasure)
        .unwrap();
    assert!(out.created.len() >= 5, "{}", out.created.len());
    let addressed = out
        .created
        .iter()
        .filter(|r| {
            let d = store.request(&r.reference, today).unwrap();
            d.contact.email.is_some() || d.contact.web_form.is_some()
        })
        .count();
    println!(
        "contact-list uploaders: {}; letters with an e-mail address or web form: {addressed}",
        out.created.len()
    );
    assert!(
        addressed * 2 > out.created.len(),
        "{addressed} of {}",
        out.created.len()
    );
}

/// CCPA coverage: for each generated export alone and for all of them together, the share of
/// third parties whose directory entry has an e-mail address or web form serving the CCPA,
/// without the US privacy notices (the Datenanfragen merge alone) and with them. The floor is
/// the measured figure less a margin, so losing a US contact or a match fails here.
/// `--nocapture` prints the table.
#[test]
fn third_parties_with_a_ccpa_contact_per_export_before_and_after_the_us_notices() {
    const REGIME: &str = "us_ca_ccpa";
    let dir = tempfile::tempdir().unwrap();
    let demo = footprint_fixtures::demo::demo_set(&dir.path().join("demo"), 7).unwrap();
    let before_dir = Directory::without_us_notices().unwrap();
    let after_dir = Directory::builtin();
    let mut all = Store::open(&dir.path().join("all.db")).unwrap();
    println!("export: third parties, with a CCPA e-mail or form before -> after");
    for (n, g) in group_parts(&demo).iter().enumerate() {
        import_export(&mut all, g, &ImportOptions::default()).unwrap();
        let mut one = Store::open(&dir.path().join(format!("{n}.db"))).unwrap();
        import_export(&mut one, g, &ImportOptions::default()).unwrap();
        let before = one
            .regime_contact_coverage_with(&before_dir, REGIME)
            .unwrap();
        let after = one.regime_contact_coverage_with(after_dir, REGIME).unwrap();
        assert_eq!(before.third_parties, after.third_parties);
        assert!(after.with_contact >= before.with_contact, "{g:?}");
        let name = g.first().and_then(|p| p.file_name()).unwrap_or_default();
        println!(
            "{}: {}, {} -> {}",
            name.to_string_lossy(),
            after.third_parties,
            before.with_contact,
            after.with_contact
        );
    }
    let before = all
        .regime_contact_coverage_with(&before_dir, REGIME)
        .unwrap();
    let after = all.regime_contact_coverage_with(after_dir, REGIME).unwrap();
    let pct = |n: i64, of: i64| 100.0 * n as f64 / of.max(1) as f64;
    println!(
        "all exports: {} third parties; with a CCPA e-mail or form: before {} ({:.0}%), after {} ({:.0}%)",
        after.third_parties,
        before.with_contact,
        pct(before.with_contact, before.third_parties),
        after.with_contact,
        pct(after.with_contact, after.third_parties),
    );
    println!(
        "third parties without a CCPA e-mail or form: {}",
        after.without_contact.join(", ")
    );
    assert_eq!(
        after.without_contact.len() as i64,
        after.third_parties - after.with_contact
    );
    assert!(
        after.with_contact > before.with_contact,
        "{before:?} {after:?}"
    );
    assert!(
        pct(after.with_contact, after.third_parties) >= FLOOR_PERCENT,
        "{after:?}"
    );
}

/// The measured CCPA figure (see docs/RIGHTS-ENGINE.md) less a margin of a few companies.
const FLOOR_PERCENT: f64 = 8.5;
