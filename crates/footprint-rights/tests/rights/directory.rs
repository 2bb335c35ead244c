//! The company directory: schema rules, the RIGHTS.md contacts, and name matching.

use footprint_rights::directory::{
    self, domain_of, normalize_name, Directory, NAME_AND_DOMAIN_ONLY,
};
use footprint_rights::letter::CompanyContact;

fn dir() -> &'static Directory {
    Directory::builtin()
}

#[test]
fn the_21_big_holders_have_exactly_the_rights_md_contacts() {
    let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
        // (slug, regime, email, web form)
        (
            "meta",
            "eu_gdpr",
            None,
            Some("https://facebook.com/help/contact/540977946302970"),
        ),
        (
            "whatsapp",
            "eu_gdpr",
            None,
            Some("https://whatsapp.com/contact/forms/382532939919295/"),
        ),
        (
            "google",
            "eu_gdpr",
            Some("data-access-requests@google.com"),
            None,
        ),
        (
            "x",
            "eu_gdpr",
            None,
            Some("https://help.x.com/forms/privacy"),
        ),
        (
            "linkedin",
            "eu_gdpr",
            None,
            Some("https://linkedin.com/help/linkedin/ask/ppq"),
        ),
        ("amazon", "eu_gdpr", Some("eu-privacy@amazon.de"), None),
        ("amazon", "uk_gdpr", Some("eu-privacy@amazon.co.uk"), None),
        (
            "tiktok",
            "eu_gdpr",
            None,
            Some("https://tiktok.com/legal/report/privacy"),
        ),
        ("snap", "eu_gdpr", Some("dpo@snap.com"), None),
        (
            "reddit",
            "eu_gdpr",
            Some("redditdatarequests@reddit.com"),
            None,
        ),
        ("spotify", "eu_gdpr", Some("privacy@spotify.com"), None),
        ("netflix", "eu_gdpr", Some("privacy@netflix.com"), None),
        (
            "apple",
            "eu_gdpr",
            None,
            Some("https://apple.com/legal/privacy/contact/"),
        ),
        (
            "microsoft",
            "eu_gdpr",
            None,
            Some("https://microsoft.com/en-us/concern/privacyrequest-msa"),
        ),
        (
            "acxiom",
            "us_ca_ccpa",
            Some("consumeradvo@acxiom.com"),
            None,
        ),
        ("acxiom", "uk_gdpr", Some("dataprotection@acxiom.com"), None),
        (
            "experian",
            "us_ca_ccpa",
            Some("privacyrequests@experian.com"),
            Some("https://experian.com/ccpa"),
        ),
        (
            "experian",
            "uk_gdpr",
            Some("UK.DPOBusinessEnquiries@Experian.com"),
            None,
        ),
        (
            "equifax",
            "us_va_vcdpa",
            Some("usprivacy@equifax.com"),
            None,
        ),
        ("equifax", "uk_gdpr", Some("UKDPO@equifax.com"), None),
        (
            "liveramp",
            "us_ca_ccpa",
            Some("consumercare@liveramp.com"),
            Some("https://your-rights.liveramp.com"),
        ),
        ("liveramp", "uk_gdpr", Some("ukprivacy@liveramp.com"), None),
        ("criteo", "eu_gdpr", Some("dpo@criteo.com"), None),
        (
            "the-trade-desk",
            "eu_gdpr",
            Some("dpo@thetradedesk.com"),
            None,
        ),
        (
            "epsilon",
            "us_ca_ccpa",
            Some("privacy@epsilon.com"),
            Some("https://epsilon.com/request"),
        ),
        ("oracle", "eu_gdpr", Some("privacy_ww@oracle.com"), None),
    ];
    for (slug, regime, email, form) in cases {
        let e = dir().get(slug).unwrap_or_else(|| panic!("{slug} missing"));
        let c = e
            .contact_for(regime)
            .unwrap_or_else(|| panic!("{slug}: no contact for {regime}"));
        assert_eq!(c.email.as_deref(), *email, "{slug} {regime}");
        assert_eq!(c.web_form.as_deref(), *form, "{slug} {regime}");
    }
    let google = dir().get("google").unwrap().contact_for("eu_gdpr").unwrap();
    assert_eq!(google.dpo_email.as_deref(), Some("dpo-google@google.com"));
    assert_eq!(
        google.self_service.as_deref(),
        Some("https://takeout.google.com")
    );
    let acxiom = dir()
        .get("acxiom")
        .unwrap()
        .contact_for("us_ca_ccpa")
        .unwrap();
    assert_eq!(
        acxiom.opt_out.as_deref(),
        Some("https://isapps.acxiom.com/optout/optout.aspx")
    );
}

/// The 21 holders whose contacts RIGHTS.md gives.
const BIG21: [&str; 21] = [
    "meta",
    "whatsapp",
    "google",
    "x",
    "linkedin",
    "amazon",
    "tiktok",
    "snap",
    "reddit",
    "spotify",
    "netflix",
    "apple",
    "microsoft",
    "acxiom",
    "experian",
    "equifax",
    "liveramp",
    "criteo",
    "the-trade-desk",
    "epsilon",
    "oracle",
];

#[test]
fn every_contact_has_a_source_and_none_is_invented() {
    for e in dir().entries() {
        for c in &e.contacts {
            match &c.source {
                // Only the RIGHTS.md contacts rely on the entry's first source.
                None => assert!(
                    BIG21.contains(&e.slug.as_str()),
                    "{}: a contact without a source: {c:?}",
                    e.slug
                ),
                Some(s) => assert!(
                    s.starts_with("Datenanfragen.de company database (CC0), record `")
                        || s.starts_with("https://"),
                    "{}: the source {s:?} names neither a Datenanfragen record nor a page",
                    e.slug
                ),
            }
        }
        if e.contact_unknown() {
            assert!(
                e.sources.iter().any(|s| s == NAME_AND_DOMAIN_ONLY),
                "{}",
                e.slug
            );
            let contact = CompanyContact::from_entry(e, "eu_gdpr");
            assert_eq!(
                (contact.email, contact.web_form),
                (None, None),
                "{}",
                e.slug
            );
        }
    }
}

#[test]
fn every_name_the_brief_lists_is_in_the_directory() {
    let names = [
        "Acxiom",
        "Experian",
        "LiveRamp",
        "Criteo",
        "The Trade Desk",
        "Epsilon",
        "Oracle Advertising",
        "Nike",
        "Adidas",
        "Zalando",
        "Booking.com",
        "Expedia",
        "Spotify",
        "Netflix",
        "Uber",
        "Airbnb",
        "H&M",
        "IKEA",
        "Decathlon",
        "Sephora",
        "L'Oréal",
        "Unilever",
        "Procter & Gamble",
        "Samsung",
        "Vodafone",
        "Deutsche Telekom",
        "Orange",
        "Lufthansa",
        "Air France",
        "Carrefour",
        "Lidl",
        "Tesco",
        "Sainsbury's",
        "Amazon",
        "eBay",
        "Etsy",
        "Shopify",
        "Klarna",
        "PayPal",
        "Revolut",
        "N26",
        "Duolingo",
        "Tinder",
        "Match Group",
        "Bumble",
        "Hinge",
        "King",
        "Candy Crush",
        "Zynga",
        "Wish",
        "Temu",
        "SHEIN",
        "AliExpress",
        "Groupon",
        "Vinted",
        "Deliveroo",
        "Just Eat Takeaway",
        "Wolt",
        "Glovo",
        "HelloFresh",
        "Peloton",
        "Strava",
        "Garmin",
        "Fitbit",
        "MyFitnessPal",
        "Noom",
        "Headspace",
        "Calm",
        "Audible",
        "Le Monde",
        "The Guardian",
        "New York Times",
        "Washington Post",
        "BuzzFeed",
        "Condé Nast",
        "Axel Springer",
        "Zillow",
        "Redfin",
        "Progressive",
        "GEICO",
        "Allstate",
        "State Farm",
        "Chase",
        "Capital One",
        "American Express",
        "Barclays",
        "HSBC",
        "ING",
        "BNP Paribas",
        "Société Générale",
        "Renault",
        "Peugeot",
        "Stellantis",
        "Volkswagen",
        "BMW",
        "Toyota",
        "Tesla",
        "Oracle",
        "Nielsen",
        "Comscore",
        "Quantcast",
        "Taboola",
        "Outbrain",
        "PubMatic",
        "Magnite",
        "Index Exchange",
        "OpenX",
        "Xandr",
        "Adform",
        "MediaMath",
        "Amobee",
        "TransUnion",
        "Equifax",
        "Lotame",
        "Eyeota",
        "Tapad",
        "Cuebiq",
        "Foursquare",
        "Placer.ai",
        "Near",
        "X-Mode",
        "Outlogic",
        "Adsquare",
        "Verve",
        "InMobi",
        "AppLovin",
        "Unity Ads",
        "ironSource",
        "Branch",
        "AppsFlyer",
        "Adjust",
        "Kochava",
        "Singular",
        "Braze",
        "Salesforce Marketing Cloud",
        "Adobe Advertising",
        "HubSpot",
        "Mailchimp",
        "Klaviyo",
        "Segment",
        "Amplitude",
        "Mixpanel",
        "Hotjar",
        "Yahoo",
        "Snap",
        "Pinterest",
        "Reddit",
        "X",
        "LinkedIn",
        "TikTok",
        "Microsoft",
        "Apple",
        "Google",
        "Meta",
        "WhatsApp",
    ];
    let missing: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| dir().match_name(n).is_none())
        .collect();
    assert!(missing.is_empty(), "not matched: {missing:?}");
}

#[test]
fn matching_table() {
    let cases: &[(&str, &str)] = &[
        ("nike", "nike"),
        ("NIKE, Inc.", "nike"),
        ("Nike Inc", "nike"),
        ("nike.com", "nike"),
        ("www.nike.com", "nike"),
        ("https://shop.nike.com/x?y=1", "nike"),
        ("HTTP://WWW.NIKE.COM:443/", "nike"),
        ("@nike", "nike"),
        ("L'Oréal", "loreal"),
        ("LOREAL S.A.", "loreal"),
        ("l oreal", "loreal"),
        ("Société Générale SA", "societe-generale"),
        ("SOCIETE GENERALE", "societe-generale"),
        ("H&M", "hm"),
        ("H & M Hennes & Mauritz AB", "hm"),
        ("Procter and Gamble Co.", "procter-gamble"),
        ("Sainsburys", "sainsburys"),
        ("Trade Desk", "the-trade-desk"),
        ("The Trade Desk, Inc.", "the-trade-desk"),
        ("Live Ramp", "liveramp"),
        ("LiveRamp Holdings", "liveramp"),
        ("Booking.com B.V.", "booking"),
        ("booking.com", "booking"),
        ("Zalando SE", "zalando"),
        ("Adidas AG", "adidas"),
        ("Deutsche Telekom AG", "deutsche-telekom"),
        ("Criteo S.A.", "criteo"),
        ("Acxiom LLC", "acxiom"),
        ("Experian Ltd", "experian"),
        ("Snap B.V.", "snap"),
        ("Snapchat", "snap"),
        ("Meta Platforms Ireland Limited", "meta"),
        ("Facebook", "meta"),
        ("instagram.com", "meta"),
        ("YouTube", "google"),
        ("Google Ireland Limited", "google"),
        ("Twitter", "x"),
        ("Candy Crush Saga", "king"),
        ("Tinder", "match-group"),
        ("Nike (EU)", "nike"),
        ("Spotify Group", "spotify"),
        ("Uber Technologies, Inc.", "uber"),
        ("Amazon EU S.à r.l.", "amazon"),
        ("amazon.de", "amazon"),
        ("X-Mode Social", "outlogic"),
        ("Oracle Advertising", "oracle"),
        ("adsrvr.org", "the-trade-desk"),
        ("  Netflix  ", "netflix"),
        ("CONDE NAST", "conde-nast"),
        ("Citroën", "stellantis"),
        ("Just Eat Takeaway.com N.V.", "just-eat-takeaway"),
    ];
    let failures = crate::wrong_matches(dir(), cases);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn unknown_names_do_not_match() {
    for raw in [
        "",
        "   ",
        "Acme Widgets Ltd",
        "someone-else.example",
        "@nobody_here",
        "Inc",
        "nikes",
        "the",
    ] {
        assert!(
            dir().match_name(raw).is_none(),
            "{raw:?} matched {:?}",
            dir().match_name(raw).map(|e| &e.slug)
        );
    }
}

#[test]
fn name_normalisation_and_domains() {
    assert_eq!(
        normalize_name("The L'Oréal Group S.A."),
        vec!["loreal", "group"]
    );
    assert_eq!(
        normalize_name("Procter & Gamble Co."),
        vec!["procter", "and", "gamble"]
    );
    assert_eq!(
        domain_of("https://Shop.Nike.com:8443/path"),
        Some("shop.nike.com".into())
    );
    assert_eq!(domain_of("www.example.co.uk"), Some("example.co.uk".into()));
    assert_eq!(domain_of("Dr. Oetker"), None);
    assert_eq!(domain_of("Nike"), None);
}

/// A minimal valid entry, as JSON, for the schema tests.
fn entry(slug: &str, name: &str, extra: &str) -> String {
    format!(
        r#"{{"slug":"{slug}","name":"{name}","legal_entity":null,"parent":null,"aliases":[],"domains":["{slug}.example"],
        "handles":[],"country":"DE","categories":["retailer"],"regimes":["eu_gdpr"],"contacts":[],
        "needs_id_document":null,"identity_fields":["email"],"request_language":"de",
        "sources":["{NAME_AND_DOMAIN_ONLY}"],"last_verified":null{extra}}}"#
    )
}

fn parse(entries: &[String]) -> Result<Directory, footprint_rights::Error> {
    Directory::parse(&format!(
        r#"{{"schema_version":1,"about":"test","entries":[{}]}}"#,
        entries.join(",")
    ))
}

fn problems(entries: &[String]) -> String {
    match parse(entries) {
        Ok(_) => panic!("invalid directory accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn schema_accepts_a_minimal_entry() {
    let d = parse(&[entry("acme", "Acme", "")]).unwrap();
    assert_eq!(d.match_name("ACME GmbH").unwrap().slug, "acme");
}

#[test]
fn schema_rejects_duplicates_and_bad_values() {
    assert!(
        problems(&[entry("acme", "Acme", ""), entry("acme", "Acme Two", "")])
            .contains("slug `acme` appears twice")
    );
    let alias_clash = problems(&[
        entry("acme", "Acme", ""),
        entry("other", "Other", "").replace(r#""aliases":[]"#, r#""aliases":["ACME Ltd."]"#),
    ]);
    assert!(
        alias_clash.contains("is also a name of acme"),
        "{alias_clash}"
    );
    let bad_regime =
        problems(&[entry("acme", "Acme", "")
            .replace(r#""regimes":["eu_gdpr"]"#, r#""regimes":["mars_law"]"#)]);
    assert!(
        bad_regime.contains("unknown regime `mars_law`"),
        "{bad_regime}"
    );
    let bad_email = problems(&[entry("acme", "Acme", "").replace(
        r#""contacts":[]"#,
        r#""contacts":[{"email":"privacy at acme"}]"#,
    )]);
    assert!(
        bad_email.contains("is not an e-mail address"),
        "{bad_email}"
    );
    let bad_url = problems(&[entry("acme", "Acme", "").replace(
        r#""contacts":[]"#,
        r#""contacts":[{"web_form":"http://acme.example/form"}]"#,
    )]);
    assert!(bad_url.contains("is not an https URL"), "{bad_url}");
    let bad_domain =
        problems(&[entry("acme", "Acme", "").replace("acme.example", "https://www.acme.example")]);
    assert!(
        bad_domain.contains("is not a bare lowercase host"),
        "{bad_domain}"
    );
    let no_source =
        problems(&[entry("acme", "Acme", "").replace(NAME_AND_DOMAIN_ONLY, "a blog post")]);
    assert!(no_source.contains(NAME_AND_DOMAIN_ONLY), "{no_source}");
    let bad_slug = problems(&[entry("Acme_1", "Acme", "")]);
    assert!(bad_slug.contains("must be lowercase"), "{bad_slug}");
    let contact_regime = problems(&[entry("acme", "Acme", "").replace(
        r#""contacts":[]"#,
        r#""contacts":[{"regimes":["uk_gdpr"],"email":"p@acme.example"}]"#,
    )]);
    assert!(
        contact_regime.contains("which the entry's regimes omit"),
        "{contact_regime}"
    );
}

#[test]
fn schema_rejects_missing_and_unknown_fields() {
    let missing = Directory::parse(&format!(
        r#"{{"schema_version":1,"about":"t","entries":[{}]}}"#,
        entry("acme", "Acme", "").replace(r#""country":"DE","#, "")
    ))
    .unwrap_err();
    assert_eq!(missing.code(), "data");
    assert!(missing.to_string().contains("country"), "{missing}");
    let unknown = parse(&[entry("acme", "Acme", r#","ceo":"Someone""#)]).unwrap_err();
    assert!(
        unknown.to_string().contains("unknown field `ceo`"),
        "{unknown}"
    );
}

#[test]
fn every_domain_and_handle_of_the_directory_matches_its_entry() {
    for e in dir().entries() {
        for dom in &e.domains {
            assert_eq!(
                dir().match_name(dom).map(|m| &m.slug),
                Some(&e.slug),
                "domain {dom}"
            );
            assert_eq!(
                dir()
                    .match_name(&format!("https://www.{dom}/privacy"))
                    .map(|m| &m.slug),
                Some(&e.slug)
            );
        }
        for h in &e.handles {
            assert_eq!(
                dir().match_name(h).map(|m| &m.slug),
                Some(&e.slug),
                "handle {h}"
            );
        }
        for a in std::iter::once(&e.name).chain(&e.aliases) {
            assert_eq!(
                dir().match_name(a).map(|m| &m.slug),
                Some(&e.slug),
                "alias {a}"
            );
        }
    }
    assert!(directory::TEXT.len() > 10_000);
}
