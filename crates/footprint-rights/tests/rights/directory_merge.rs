//! The merged directory: the project's entries plus the Datenanfragen.de records, one entry
//! per company, every contact well-formed and sourced; and the merge itself on small source
//! files (so a newer source file can be dropped in and checked).

use footprint_rights::directory::{self, datenanfragen, Directory, MergeReport};
use std::collections::HashSet;
use std::time::Instant;

/// The built-in directory (the embedded files, merged once for the whole test binary).
fn merged() -> (&'static Directory, &'static MergeReport) {
    (Directory::builtin(), Directory::builtin_report())
}

/// `cargo test -p footprint-rights merge_report -- --nocapture` prints the figures.
#[test]
fn merge_report_adds_up_and_keeps_every_project_entry() {
    let (dir, report) = merged();
    println!("{report}");
    let source: Vec<datenanfragen::Record> =
        datenanfragen::parse(directory::DATENANFRAGEN_TEXT).unwrap();
    assert_eq!(report.source_records, source.len());
    assert!(source.len() >= 3_000, "the whole source file is embedded");
    assert_eq!(
        report.merged_into_project + report.merged_into_added + report.added,
        report.source_records,
        "every record goes somewhere, once"
    );
    assert_eq!(report.entries, report.project_entries + report.added);
    assert_eq!(dir.entries().len(), report.entries);
    let project = Directory::project_only().unwrap();
    assert_eq!(report.project_entries, project.entries().len());
    for p in project.entries() {
        assert!(dir.get(&p.slug).is_some(), "{} kept", p.slug);
    }
    // Most companies now have somewhere to write to.
    assert!(report.entries_with_email_or_form > 2_500, "{report}");
    assert!(report.project_entries_with_contact < report.entries_with_contact);
}

#[test]
fn merged_directory_has_unique_slugs_sources_and_well_formed_contacts() {
    let (dir, _) = merged();
    let mut slugs = HashSet::new();
    for e in dir.entries() {
        assert!(slugs.insert(e.slug.as_str()), "slug {} twice", e.slug);
        assert!(!e.sources.is_empty(), "{} has no source", e.slug);
        for c in &e.contacts {
            for m in [&c.email, &c.dpo_email].into_iter().flatten() {
                let (local, host) = m.split_once('@').unwrap_or_else(|| panic!("{m}"));
                assert!(
                    !local.is_empty() && host.contains('.') && m.is_ascii(),
                    "{}: {m}",
                    e.slug
                );
                assert!(!m.contains(char::is_whitespace), "{}: {m:?}", e.slug);
            }
            for u in [&c.web_form, &c.self_service, &c.opt_out]
                .into_iter()
                .flatten()
            {
                assert!(
                    u.starts_with("https://") && !u.contains(' '),
                    "{}: {u}",
                    e.slug
                );
            }
            for k in &c.countries {
                assert!(
                    k.len() == 2 && k.chars().all(|c| c.is_ascii_uppercase()),
                    "{k}"
                );
            }
            for r in &c.regimes {
                assert!(
                    e.regimes.contains(r),
                    "{}: contact for {r} outside the entry",
                    e.slug
                );
            }
        }
    }
}

#[test]
fn meta_is_one_entry_whichever_source_names_it() {
    let (dir, report) = merged();
    for name in [
        "Meta Platforms Ireland Limited",
        "Meta Platforms Ireland Ltd.",
        "Facebook",
        "Facebook Ireland Ltd.",
        "facebook.com",
        "Instagram",
        "Oculus",
        "oculus.com",
        "Meta Spark",
    ] {
        assert_eq!(
            dir.match_name(name).map(|e| e.slug.as_str()),
            Some("meta"),
            "{name}"
        );
    }
    assert!(
        dir.get("facebook").is_none(),
        "no second entry for Datenanfragen's record"
    );
    assert!(report
        .merges_into_project
        .iter()
        .any(|m| m.record == "facebook" && m.entry == "meta"));
    let meta = dir.get("meta").unwrap();
    let c = meta.contact_for("eu_gdpr").unwrap();
    // The RIGHTS.md form stays; the merge adds the address Datenanfragen gives.
    assert_eq!(
        c.web_form.as_deref(),
        Some("https://facebook.com/help/contact/540977946302970")
    );
    assert!(c
        .postal_address
        .as_deref()
        .unwrap()
        .contains("4 Grand Canal Square"));
    assert!(meta.sources.iter().any(|s| s.contains("record `facebook`")));
}

#[test]
fn amazon_country_records_become_contacts_of_one_entry() {
    let (dir, _) = merged();
    for slug in [
        "amazon-de",
        "amazon-fr",
        "amazon-gb",
        "amazon-it",
        "amazon-es",
        "amazon-nl",
    ] {
        assert!(dir.get(slug).is_none(), "{slug} merged, not added");
    }
    let amazon = dir.get("amazon").unwrap();
    let email = |regime: &str, country: Option<&str>| {
        amazon
            .contact_for_country(regime, country)
            .and_then(|c| c.email.clone())
    };
    assert_eq!(
        email("eu_gdpr", Some("FR")).as_deref(),
        Some("eu-privacy@amazon.fr")
    );
    assert_eq!(
        email("eu_gdpr", Some("IT")).as_deref(),
        Some("eu-privacy@amazon.it")
    );
    assert_eq!(
        email("eu_gdpr", Some("ES")).as_deref(),
        Some("eu-privacy@amazon.es")
    );
    // Without a country, the project's own contact comes first.
    assert_eq!(
        email("eu_gdpr", None).as_deref(),
        Some("eu-privacy@amazon.de")
    );
    assert_eq!(
        email("uk_gdpr", Some("GB")).as_deref(),
        Some("eu-privacy@amazon.co.uk")
    );
    assert_eq!(
        email("ch_nfadp", Some("CH")).as_deref(),
        Some("eu-privacy@amazon.de")
    );
    let fr = amazon.contact_for_country("eu_gdpr", Some("FR")).unwrap();
    assert_eq!(fr.entity.as_deref(), Some("Amazon Europe Core SARL"));
    // Amazon Web Services is another controller: its own entry.
    assert_eq!(dir.match_name("aws.amazon.com").unwrap().slug, "amazon-aws");
    assert_eq!(
        dir.match_name("https://www.amazon.fr/x").unwrap().slug,
        "amazon"
    );
}

#[test]
fn google_and_national_branches_merge_into_the_project_entries() {
    let (dir, _) = merged();
    assert_eq!(dir.match_name("Google LLC").unwrap().slug, "google");
    let google = dir.get("google").unwrap();
    assert!(google.sources.iter().any(|s| s.contains("record `google`")));
    // The RIGHTS.md contact stays first for the GDPR.
    assert_eq!(
        google.contact_for("eu_gdpr").unwrap().email.as_deref(),
        Some("data-access-requests@google.com")
    );
    // Acxiom's German branch gives the GDPR contact RIGHTS.md lacks, with its own entity.
    let acxiom = dir.get("acxiom").unwrap().contact_for("eu_gdpr").unwrap();
    assert_eq!(acxiom.email.as_deref(), Some("datenschutz@acxiom.com"));
    assert_eq!(acxiom.entity.as_deref(), Some("Acxiom Deutschland GmbH"));
    assert_eq!(
        dir.match_name("Acxiom Deutschland GmbH").unwrap().slug,
        "acxiom"
    );
}

#[test]
fn request_language_countries_and_categories_come_across() {
    let (dir, _) = merged();
    // A German-only record: German, GDPR only, its categories mapped.
    let e = dir
        .entries()
        .iter()
        .find(|e| e.request_language.as_deref() == Some("de") && e.country == "DE")
        .expect("a German company");
    assert!(e.regimes.iter().any(|r| r == "eu_gdpr"));
    assert_eq!(
        datenanfragen::regimes_for(&["de".into()]).unwrap(),
        vec!["eu_gdpr"]
    );
    assert_eq!(
        datenanfragen::regimes_for(&["gb".into()]).unwrap(),
        vec!["uk_gdpr"]
    );
    assert_eq!(
        datenanfragen::regimes_for(&["all".into()]).unwrap(),
        vec!["eu_gdpr", "uk_gdpr", "ch_nfadp"]
    );
    assert!(datenanfragen::regimes_for(&["us".into()]).is_err());
    assert!(datenanfragen::category("addresses").is_ok());
    assert!(datenanfragen::category("aliens").is_err());
    assert_eq!(
        datenanfragen::address_country("Marcel-Breuer-Str. 12\n80807 München\nDeutschland"),
        Some("DE")
    );
    assert_eq!(
        datenanfragen::address_country("1 Road\nÖsterreich"),
        Some("AT")
    );
    assert_eq!(datenanfragen::address_country("1 Road\nAtlantis"), None);
}

/// The project file of the merge tests: one entry.
const PROJECT: &str = r#"{"schema_version":1,"about":"test","entries":[
 {"slug":"acme","name":"Acme","legal_entity":"Acme Europe GmbH","parent":null,"aliases":["Acme Shop"],
  "domains":["acme.example"],"handles":[],"country":"DE","categories":["retailer"],"regimes":["eu_gdpr"],
  "contacts":[],"needs_id_document":null,"identity_fields":["email"],"request_language":"de",
  "sources":["name and domain only; contact to be verified"],"last_verified":null}]}"#;

const NO_LINKS: &str = r#"{"about":"test","same_as":{},"apart":{},"ambiguous_brands":[]}"#;

fn record(slug: &str, name: &str, extra: &str) -> String {
    let countries = if extra.contains("relevant-countries") {
        ""
    } else {
        r#""relevant-countries":["de"],"#
    };
    format!(
        r#"{{"slug":"{slug}","name":"{name}",{countries}"address":"Str. 1\n10115 Berlin\nDeutschland","sources":["https://{slug}.example/privacy"],"quality":"verified"{extra}}}"#
    )
}

fn merge(
    records: &[String],
    links: &str,
) -> Result<(Directory, MergeReport), footprint_rights::Error> {
    Directory::merged(PROJECT, &format!("[{}]", records.join(",")), links)
}

#[test]
fn a_newer_source_file_merges_by_domain_and_name_and_adds_the_rest() {
    let (dir, report) = merge(
        &[
            record("acme-de", "Acme Europe GmbH", r#","email":"privacy@acme.example","runs":["Acme Outlet","Shop Two"]"#),
            record("acme-at", "Some Name AG", r#","web":"https://www.acme.example/at","email":"at@acme.example","relevant-countries":["at"]"#),
            record("other", "Other GmbH", r#","email":"dsb@other.example","webform":"https://other.example/form","request-language":"de","categories":["ads"],"runs":["Acme Shop"],"required-elements":[{"desc":"Name","type":"name"}]"#),
            record("other-ch", "Other GmbH", r#","email":"ch@other.example","relevant-countries":["ch"]"#),
        ],
        NO_LINKS,
    )
    .unwrap();
    assert_eq!(
        (
            report.merged_into_project,
            report.merged_into_added,
            report.added
        ),
        (2, 1, 1)
    );
    let acme = dir.get("acme").unwrap();
    assert_eq!(
        acme.contact_for("eu_gdpr").unwrap().email.as_deref(),
        Some("privacy@acme.example")
    );
    assert_eq!(
        acme.contact_for_country("eu_gdpr", Some("AT"))
            .unwrap()
            .email
            .as_deref(),
        Some("at@acme.example")
    );
    assert!(!acme
        .sources
        .iter()
        .any(|s| s.contains("contact to be verified")));
    assert_eq!(dir.match_name("Acme Outlet").unwrap().slug, "acme");
    let other = dir.get("other").unwrap();
    assert_eq!(other.request_language.as_deref(), Some("de"));
    assert_eq!(other.country, "DE");
    assert_eq!(
        other.contact_for("ch_nfadp").unwrap().email.as_deref(),
        Some("ch@other.example")
    );
    // "Acme Shop" is Acme's: the record's claim is dropped and reported, not a second match.
    assert_eq!(dir.match_name("Acme Shop").unwrap().slug, "acme");
    assert!(report
        .dropped_aliases
        .iter()
        .any(|d| d.name == "Acme Shop" && d.record == "other" && d.kept_by == "acme"));
    assert!(report.to_string().contains("added as new entries: 1"));
}

#[test]
fn links_decide_what_names_cannot_and_bad_records_are_refused() {
    let links = r#"{"about":"t","same_as":{"acme-ltd":"acme"},"apart":{"acme-tools":"another company"},"ambiguous_brands":["Now"]}"#;
    let (dir, report) = merge(
        &[
            record(
                "acme-ltd",
                "Roadrunner Ltd",
                r#","email":"a@acme.example","runs":["NOW","Roadrunner Now"]"#,
            ),
            record(
                "acme-tools",
                "Acme Tools GmbH",
                r#","web":"https://acme.example""#,
            ),
        ],
        links,
    )
    .unwrap();
    assert_eq!((report.merged_into_project, report.added), (1, 1));
    // An everyday word is no alias; a longer brand is.
    assert!(dir.match_name("Now").is_none());
    assert_eq!(dir.match_name("Roadrunner Now").unwrap().slug, "acme");
    assert_eq!(report.dropped_ambiguous.len(), 1);
    assert_eq!(
        dir.get("acme")
            .unwrap()
            .contact_for("eu_gdpr")
            .unwrap()
            .entity
            .as_deref(),
        Some("Roadrunner Ltd")
    );
    // Kept apart: its own entry, and the domain stays with Acme.
    assert!(dir.get("acme-tools").is_some());
    assert_eq!(dir.match_name("acme.example").unwrap().slug, "acme");

    let err = |records: &[String], links: &str| match merge(records, links) {
        Ok(_) => panic!("accepted"),
        Err(e) => e.to_string(),
    };
    assert!(
        err(&[record("x", "X", r#","brand_new_field":1"#)], NO_LINKS).contains("unknown field")
    );
    assert!(err(
        &[record("x", "X", "").replace("Deutschland", "Atlantis")],
        NO_LINKS
    )
    .contains("no country"));
    assert!(err(
        &[record("x", "X", r#","relevant-countries":["us"]"#)],
        NO_LINKS
    )
    .contains("has no regime"));
    assert!(err(
        &[record("x", "X", "")],
        r#"{"about":"t","same_as":{"x":"nobody"},"apart":{},"ambiguous_brands":[]}"#
    )
    .contains("no project entry"));
    // A soft hyphen copied from a web page is removed; an address still not plain ASCII is dropped.
    let (dir, report) = merge(
        &[
            record("a", "A GmbH", ",\"email\":\"daten\u{ad}schutz@a.example\""),
            record("b", "B GmbH", r#","email":"datenschutz@bü.example""#),
        ],
        NO_LINKS,
    )
    .unwrap();
    assert_eq!(
        dir.get("a").unwrap().contacts[0].email.as_deref(),
        Some("datenschutz@a.example")
    );
    assert_eq!(dir.get("b").unwrap().contacts[0].email, None);
    assert_eq!(report.dropped_contacts.len(), 1);
}

/// The directory is built when first used (an import's first company, the first letter): it
/// must stay fast. Debug builds are several times slower than the app, and CI shares two cores:
/// the bound (about 6x the 1.5 s an idle debug build takes) catches a quadratic merge, not noise.
#[test]
fn the_merged_directory_loads_quickly() {
    let start = Instant::now();
    let dir = Directory::load().unwrap();
    let took = start.elapsed();
    println!(
        "merged directory of {} entries loaded in {took:?}",
        dir.entries().len()
    );
    assert!(took.as_millis() < 10_000, "{took:?}");
}

#[test]
fn us_holders_and_brokers_have_a_ccpa_contact_with_its_source() {
    let (dir, _) = merged();
    for name in [
        "Acxiom",
        "Experian",
        "LiveRamp",
        "Oracle Advertising",
        "Epsilon",
        "Nielsen",
        "TransUnion",
        "Equifax",
        "Lotame",
        "Neustar",
        "Comscore",
        "Taboola",
        "Google",
        "Meta",
        "Apple",
        "Microsoft",
        "Netflix",
    ] {
        let e = dir
            .match_name(name)
            .unwrap_or_else(|| panic!("{name} not found"));
        let c = e
            .contact_for("us_ca_ccpa")
            .unwrap_or_else(|| panic!("{name}: no CCPA contact"));
        assert!(c.email.is_some() || c.web_form.is_some(), "{name}: {c:?}");
        // Either a RIGHTS.md contact (entry source) or a page of the company's own.
        if let Some(s) = &c.source {
            assert!(s.starts_with("https://"), "{name}: {s}");
        }
    }
    let neustar = dir
        .match_name("Neustar")
        .unwrap()
        .contact_for("us_ca_ccpa")
        .unwrap();
    assert_eq!(neustar.email.as_deref(), Some("privacy@team.neustar"));
}

/// Names close to a directory entry's that are other companies: none may match that entry.
#[test]
fn near_names_stay_apart() {
    let (dir, _) = merged();
    let cases: &[(&str, &str)] = &[
        ("Meta Bank", "meta"),
        ("Meta Media", "meta"),
        ("Amazon Watch", "amazon"),
        ("Apple Bank", "apple"),
        ("Apple Bank for Savings", "apple"),
        ("Google Gulf", "google"),
        ("Orangetheory Fitness", "orange"),
        ("Orange County Choppers", "orange"),
        ("Delta Faucet", "delta"),
        ("Snap Fitness", "snap"),
        ("Discord Records", "discord"),
        ("Tesla Exploration", "tesla"),
        ("Visa Lighting", "visa"),
        ("Zoom Telephonics", "zoom"),
        ("King Arthur Baking", "king"),
        ("Calm Waters Ltd", "calm"),
        ("Near East Bank", "near"),
        ("Target Optical", "target"),
        ("Chase Brass", "chase"),
        ("Uber Freight Brokers Inc", "uber"),
        ("Gemini Trust Company", "google"),
        ("Oracle Cards", "oracle"),
        ("Nike Bank", "nike"),
        ("Branch Banking and Trust", "branch"),
        ("Experian Tower Apartments", "experian"),
    ];
    // Everyday words some source lists as a brand do not name a company.
    for word in ["Love", "Me", "Self", "Now", "Pizza", "Always", "Spark"] {
        assert!(
            dir.match_name(word).is_none(),
            "{word:?} matched {:?}",
            dir.match_name(word).map(|e| &e.slug)
        );
    }
    let wrong = crate::false_merges(dir, cases);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Brands the sources list do match: Uber Eats is Uber's, Instagram is Meta's.
    assert_eq!(dir.match_name("Uber Eats").unwrap().slug, "uber");
    assert_eq!(dir.match_name("Instagram").unwrap().slug, "meta");
    assert_eq!(dir.match_name("Google Ads").unwrap().slug, "google");
}

/// Export spellings: legal forms, brands, domains, @handles, accents and case.
#[test]
fn export_spellings_find_merged_entries() {
    let (dir, _) = merged();
    let cases: &[(&str, &str)] = &[
        ("ZALANDO SE", "zalando"),
        ("Zalando S.E.", "zalando"),
        ("Criteo S.A.S.", "criteo"),
        ("Acxiom Ltd.", "acxiom"),
        ("AppLovin Corporation", "applovin"),
        ("Quantcast International Ltd.", "quantcast"),
        ("Spotify AB", "spotify"),
        ("Waze", "google"),
        ("Gmail", "google"),
        ("Kindle Direct Publishing", "amazon"),
        ("@Nike", "nike"),
        ("NETFLIX INTERNATIONAL B.V.", "netflix"),
        ("Société Générale", "societe-generale"),
        ("https://www.amazon.it/gp/x", "amazon"),
        ("Amazon Europe Core S.à r.l.", "amazon"),
        ("Lotame Solutions, Inc.", "lotame"),
        ("Comscore, Inc.", "comscore"),
    ];
    let failures = crate::wrong_matches(dir, cases);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
