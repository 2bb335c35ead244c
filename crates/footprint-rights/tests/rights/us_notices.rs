//! The US privacy notices' contacts (`data/sources/us-privacy-notices/notices.json`): every
//! fact sourced and dated, well-formed, merged where it serves the US laws, and the whole
//! directory the same each time it is built from its sources.

use footprint_rights::directory::{self, us_notices, Directory};
use footprint_rights::regime::Regimes;
use std::collections::HashSet;

fn notices() -> us_notices::Notices {
    us_notices::parse(directory::US_NOTICES_TEXT, &Regimes::load().unwrap()).unwrap()
}

#[test]
fn every_notice_contact_has_a_page_a_day_and_well_formed_channels() {
    let n = notices();
    assert!(!n.companies.is_empty());
    let mut slugs = HashSet::new();
    for c in &n.companies {
        assert!(slugs.insert(c.slug.as_str()), "{} twice", c.slug);
        for k in &c.contacts {
            assert!(directory::is_url(&k.source), "{}: {}", c.slug, k.source);
            assert!(k.read >= crate::d(2026, 1, 1), "{}", c.slug);
            assert!(k.email.iter().all(|m| directory::is_email(m)), "{}", c.slug);
            assert!(
                k.web_form
                    .iter()
                    .chain(&k.opt_out)
                    .all(|u| u.starts_with("https://")),
                "{}",
                c.slug
            );
            assert!(k.regimes.iter().all(|r| r.starts_with("us_")), "{}", c.slug);
        }
    }
}

/// Each notice contact is in the built directory, first for the regimes it lists (before a
/// catch-all contact), with the page and day as its source; other regimes keep theirs.
#[test]
fn notice_contacts_serve_the_us_laws_with_their_source() {
    let dir = Directory::builtin();
    let before = Directory::without_us_notices().unwrap();
    for c in &notices().companies {
        let e = dir.get(&c.slug).unwrap();
        let old = before.get(&c.slug).unwrap();
        assert_eq!(e.contacts.len(), old.contacts.len() + c.contacts.len());
        for k in &c.contacts {
            let line = us_notices::source_line(&k.source, k.read);
            let got = e
                .contacts
                .iter()
                .find(|x| x.source.as_deref() == Some(line.as_str()))
                .unwrap_or_else(|| panic!("{}: {line} not merged", c.slug));
            assert_eq!(got.email, k.email, "{}", c.slug);
            assert_eq!(got.web_form, k.web_form, "{}", c.slug);
            assert!(
                e.sources.iter().any(|s| s.contains(&k.source)),
                "{}",
                c.slug
            );
        }
        let first = &c.contacts[0];
        let for_us = e.contact_for(&first.regimes[0]).unwrap();
        // An entry's own curated contact for the same law stays first; otherwise the notice's.
        let curated_first = old
            .contacts
            .iter()
            .any(|x| x.regimes.iter().any(|r| r == &first.regimes[0]));
        if !curated_first && first.letter_can_use() {
            assert_eq!(for_us.email, first.email, "{}", c.slug);
            assert_eq!(for_us.web_form, first.web_form, "{}", c.slug);
        }
        assert_eq!(
            e.contact_for("eu_gdpr").map(|x| &x.source),
            old.contact_for("eu_gdpr").map(|x| &x.source),
            "{}: the GDPR contact is not the US notice's",
            c.slug
        );
        assert!(!e
            .sources
            .iter()
            .any(|s| s == directory::NAME_AND_DOMAIN_ONLY));
    }
}

/// Building the directory from its sources twice gives the same entries, in the same order,
/// as the built-in one: the merge is deterministic, so a dropped-in newer source file is the
/// only thing that changes it.
#[test]
fn the_directory_regenerates_the_same_from_its_sources() {
    let build = || {
        Directory::merged_with_notices(
            directory::TEXT,
            directory::DATENANFRAGEN_TEXT,
            directory::LINKS_TEXT,
            directory::US_NOTICES_TEXT,
        )
        .unwrap()
    };
    let (a, ra) = build();
    let (b, rb) = build();
    assert_eq!(a.entries(), b.entries());
    assert_eq!(a.entries(), Directory::builtin().entries());
    assert_eq!(ra.to_string(), rb.to_string());
    let slugs: HashSet<&str> = a.entries().iter().map(|e| e.slug.as_str()).collect();
    assert_eq!(slugs.len(), a.entries().len(), "no duplicate slugs");
}

fn with_notices(
    text: &str,
) -> Result<(Directory, directory::MergeReport), footprint_rights::Error> {
    Directory::merged_with_notices(
        directory::TEXT,
        directory::DATENANFRAGEN_TEXT,
        directory::LINKS_TEXT,
        text,
    )
}

fn one(contact: &str) -> String {
    format!(r#"{{"about":"t","companies":[{{"slug":"kochava","contacts":[{contact}]}}]}}"#)
}

#[test]
fn bad_notice_records_are_refused_with_the_reason() {
    let ok = r#"{"regimes":["us_ca_ccpa"],"email":"privacy@kochava.com","source":"https://kochava.example/privacy","read":"2026-12-02"}"#;
    assert!(with_notices(&one(ok)).is_ok());
    let cases = [
        (
            ok.replace(
                "https://kochava.example/privacy",
                "http://kochava.example/privacy",
            ),
            "not an https URL",
        ),
        (
            ok.replace("privacy@kochava.com", "privacy at kochava"),
            "not an e-mail address",
        ),
        (ok.replace("us_ca_ccpa", "eu_gdpr"), "not a US regime"),
        (ok.replace("us_ca_ccpa", "us_xx"), "unknown regime"),
        (
            ok.replace(r#""email":"privacy@kochava.com","#, ""),
            "no e-mail, form",
        ),
        (
            ok.replace(r#""email""#, r#""web_form":"http://x.example/f","email""#),
            "web_form",
        ),
    ];
    for (contact, why) in cases {
        let e = with_notices(&one(&contact)).unwrap_err().to_string();
        assert!(e.contains(why), "{contact}: {e}");
    }
    // No read date: refused by the parser.
    let undated = ok.replace(r#","read":"2026-12-02""#, "");
    assert!(with_notices(&one(&undated)).is_err());
    // A company the directory does not have, and an alias another entry has.
    let unknown = one(ok).replace(r#""slug":"kochava""#, r#""slug":"no-such-company""#);
    let e = with_notices(&unknown).unwrap_err().to_string();
    assert!(e.contains("no directory entry"), "{e}");
    let stolen = one(ok).replace(r#""contacts""#, r#""aliases":["Zillow"],"contacts""#);
    let e = with_notices(&stolen).unwrap_err().to_string();
    assert!(e.contains("already a name of zillow"), "{e}");
    let twice = format!(
        r#"{{"about":"t","companies":[{{"slug":"kochava","contacts":[{ok}]}},{{"slug":"kochava","contacts":[{ok}]}}]}}"#
    );
    let e = with_notices(&twice).unwrap_err().to_string();
    assert!(e.contains("listed twice"), "{e}");
}

/// US export spellings (legal forms, brands, domains, handles) find the US holders' entries.
#[test]
fn us_export_spellings_find_their_entries() {
    let dir = Directory::builtin();
    let cases: &[(&str, &str)] = &[
        ("Google LLC", "google"),
        ("Meta Platforms, Inc.", "meta"),
        ("Amazon.com Services LLC", "amazon"),
        ("Amazon.com, Inc.", "amazon"),
        ("Apple Inc.", "apple"),
        ("Microsoft Corporation", "microsoft"),
        ("X Corp.", "x"),
        ("Snap Inc.", "snap"),
        ("LinkedIn Corporation", "linkedin"),
        ("Reddit, Inc.", "reddit"),
        ("Discord Inc.", "discord"),
        ("Spotify USA Inc.", "spotify"),
        ("Netflix, Inc.", "netflix"),
        ("Uber Technologies, Inc.", "uber"),
        ("Lyft, Inc.", "lyft"),
        ("PayPal, Inc.", "paypal"),
        ("eBay Inc.", "ebay"),
        ("Yahoo Inc.", "yahoo"),
        ("Oracle America, Inc.", "oracle"),
        ("Oracle Advertising", "oracle"),
        ("Adobe Inc.", "adobe"),
        ("Salesforce, Inc.", "salesforce"),
        ("Pinterest, Inc.", "pinterest"),
        ("Acxiom LLC", "acxiom"),
        ("LiveRamp, Inc.", "liveramp"),
        ("Experian Marketing Services", "experian"),
        ("Epsilon Data Management, LLC", "epsilon"),
        ("The Nielsen Company (US), LLC", "nielsen"),
        ("Lotame Solutions, Inc.", "lotame"),
        ("Neustar, Inc.", "transunion"),
        ("Equifax Inc.", "equifax"),
        ("Kochava Inc.", "kochava"),
        ("Zillow, Inc.", "zillow"),
        ("Zillow Group", "zillow"),
        ("zillow.com", "zillow"),
        ("https://www.kochava.com/privacy", "kochava"),
        // Unknown domains by their registered label as a name.
        ("oracleadvertising.com", "oracle"),
        ("https://shop.experianmarketingservices.com/x", "experian"),
        ("liveramp.co.uk", "liveramp"),
        ("@Uber", "uber"),
        ("Foursquare Labs, Inc.", "foursquare"),
        ("Eyeota Pte. Ltd.", "eyeota"),
        ("Eyeota Pte Ltd", "eyeota"),
        ("Alliant", "alliant"),
    ];
    let failures = crate::wrong_matches(dir, cases);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Near names of the US holders and brokers are other companies: none may match the entry.
#[test]
fn us_near_names_stay_apart() {
    let dir = Directory::builtin();
    let cases: &[(&str, &str)] = &[
        ("Meta Bank", "meta"),
        ("Amazon Watch", "amazon"),
        ("Apple Bank for Savings", "apple"),
        ("Oracle Bank", "oracle"),
        ("Oracle Cards", "oracle"),
        ("Experiential Marketing Group", "experian"),
        ("Experian Tower Apartments", "experian"),
        ("Alliant Credit Union", "alliant"),
        ("Alliant Energy", "alliant"),
        ("Epsilon Systems Solutions", "epsilon"),
        ("Foursquare Church", "foursquare"),
        ("Snap-on Tools", "snap"),
        ("Uber Freight Brokers Inc", "uber"),
        ("Lyft Gate Works", "lyft"),
        ("Discord Records", "discord"),
        ("Yahoo Farms", "yahoo"),
        ("Zillow Creek Apartments", "zillow"),
        ("Equifax Tower", "equifax"),
        ("Nielsen Bainbridge", "nielsen"),
        ("Pinterest Cafe", "pinterest"),
        ("Netflix Party", "netflix"),
        ("metabank.com", "meta"),
        ("amazonwatch.org", "amazon"),
        ("applebankforsavings.com", "apple"),
        ("oracle-bank.com", "oracle"),
        ("snap-on.com", "snap"),
        ("shop.example.co.uk", "shop"),
    ];
    let wrong = crate::false_merges(dir, cases);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A notice contact with a letter channel goes before a catch-all contact and serves its US
/// law; one with only an opt-out page goes last and leaves the catch-all address to letters.
#[test]
fn a_notice_contact_goes_before_a_catch_all_only_when_letters_can_use_it() {
    // Netflix's RIGHTS.md contact serves any regime.
    let contact = |channel: &str| {
        format!(
            r#"{{"about":"t","companies":[{{"slug":"netflix","contacts":[{{"regimes":["us_ca_ccpa"],{channel},"source":"https://netflix.example/us","read":"2026-12-02"}}]}}]}}"#
        )
    };
    let (dir, _) = with_notices(&contact(r#""email":"us-privacy@netflix.example""#)).unwrap();
    let e = dir.get("netflix").unwrap();
    assert_eq!(
        e.contact_for("us_ca_ccpa").unwrap().email.as_deref(),
        Some("us-privacy@netflix.example")
    );
    assert_eq!(
        e.contact_for("eu_gdpr").unwrap().email.as_deref(),
        Some("privacy@netflix.com")
    );
    let (dir, _) =
        with_notices(&contact(r#""opt_out":"https://netflix.example/opt-out""#)).unwrap();
    let e = dir.get("netflix").unwrap();
    assert_eq!(
        e.contact_for("us_ca_ccpa").unwrap().email.as_deref(),
        Some("privacy@netflix.com")
    );
    assert_eq!(
        e.contacts.last().unwrap().opt_out.as_deref(),
        Some("https://netflix.example/opt-out")
    );
}
