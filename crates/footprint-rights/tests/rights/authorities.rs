//! Supervisory authorities: the data, who takes a complaint, and complaint letters addressed
//! to the chosen authority.

use crate::d;
use footprint_rights::authority::{
    competent_authority, normalize_land, Authorities, AuthorityChoice, NoAuthority, Scope, EU_EEA,
    LAENDER,
};
use footprint_rights::directory::Directory;
use footprint_rights::letter::{
    self, AuthorityContact, CompanyContact, FollowUp, HistoryStep, LetterInput, LetterKind,
    Outcome, Step,
};
use footprint_rights::regime::Regimes;
use footprint_rights::{Channel, Lang, RequestOptions, RequestType};

fn list() -> &'static Authorities {
    Authorities::builtin()
}

fn residence(country: &str, region: Option<&str>) -> Result<String, NoAuthority> {
    competent_authority(list(), country, region, None, AuthorityChoice::Residence)
        .map(|s| s.authority.slug.clone())
}

#[test]
fn the_embedded_authorities_are_valid_and_cover_europe() {
    let a = list();
    assert_eq!(a.all().len(), 57);
    assert!(a.problems().is_empty(), "{:?}", a.problems());
    for c in EU_EEA.iter().chain(["GB", "CH"].iter()) {
        assert!(!a.in_country(c).is_empty(), "{c}");
    }
    // Germany: the BfDI, 16 Land authorities for companies, Bavaria's public-sector one,
    // 6 church and 2 broadcasting supervisors.
    let de = a.in_country("de");
    assert_eq!(de.len(), 26);
    let count = |s: Scope| de.iter().filter(|a| a.scope == s).count();
    assert_eq!(count(Scope::General), 16);
    assert_eq!(count(Scope::Federal), 1);
    assert_eq!(count(Scope::PublicSector), 1);
    assert_eq!(count(Scope::Church), 6);
    assert_eq!(count(Scope::Broadcasting), 2);
    // Every other country has exactly one.
    for c in EU_EEA
        .iter()
        .chain(["GB", "CH"].iter())
        .filter(|c| **c != "DE")
    {
        assert_eq!(a.in_country(c).len(), 1, "{c}");
    }
    assert_eq!(a.in_country("uk")[0].slug, "gbico");
    // The source's three plain-http addresses are left out, never printed.
    let left: Vec<_> = a
        .left_out()
        .iter()
        .map(|l| (l.slug.as_str(), l.field))
        .collect();
    assert_eq!(
        left,
        [("cydp", "web"), ("eeaki", "web"), ("lidss", "webform")]
    );
    assert_eq!(
        a.get("lidss").unwrap().email.as_deref(),
        Some("info.dss@llv.li")
    );
}

#[test]
fn validation_catches_broken_records() {
    let text = r#"[{"slug":"xx","relevant-countries":["at"],"name":"X","address":"only one line",
        "email":"not-an-address","web":"https://in secure.example","sources":[]}]"#;
    let Err(footprint_rights::Error::DataInvalid { problems, .. }) = Authorities::parse(text)
    else {
        panic!("a broken file must be refused");
    };
    let all = problems.join("\n");
    for expected in [
        "fewer than two lines",
        "malformed e-mail",
        "not an https URL",
        "no source",
        "FR: no authority",
        "DE-BY (Bayern): no Land authority",
    ] {
        assert!(all.contains(expected), "{expected}: {all}");
    }
    let dup = r#"[{"slug":"dekathx","relevant-countries":["de"],"name":"X","address":"a\nb",
        "email":"a@b.de","sources":["https://b.de"]}]"#;
    let Err(footprint_rights::Error::DataInvalid { problems, .. }) = Authorities::parse(dup) else {
        panic!("an unknown German authority must be refused");
    };
    assert!(problems[0].contains("german_scope"), "{problems:?}");
}

#[test]
fn residence_picks_the_national_authority() {
    let expected = [
        ("AT", "atdsb"),
        ("BE", "beapd"),
        ("FR", "frcnil"),
        ("ie", "iedpc"),
        ("IT", "itgpdp"),
        ("ES", "esaepa"),
        ("NL", "nlap"),
        ("PL", "plgiodo"),
        ("NO", "nods"),
        ("IS", "isdpa"),
        ("LI", "lidss"),
        ("GB", "gbico"),
        ("UK", "gbico"),
        ("CH", "chedoeb"),
    ];
    for (c, slug) in expected {
        assert_eq!(residence(c, None).unwrap(), slug, "{c}");
    }
    // Every covered country gets a general authority.
    for c in EU_EEA.iter().chain(["GB", "CH"].iter()) {
        let s = competent_authority(list(), c, None, None, AuthorityChoice::Residence).unwrap();
        assert!(
            matches!(s.authority.scope, Scope::General | Scope::Federal),
            "{c}"
        );
        assert!(!s.reason.is_empty());
    }
}

#[test]
fn germany_with_a_land_and_without() {
    assert_eq!(residence("DE", Some("BY")).unwrap(), "debaylda");
    assert_eq!(residence("DE", Some("Bayern")).unwrap(), "debaylda");
    assert_eq!(residence("DE", Some("DE-NW")).unwrap(), "denrwldi");
    assert_eq!(
        residence("DE", Some("Nordrhein-Westfalen")).unwrap(),
        "denrwldi"
    );
    assert_eq!(residence("DE", Some("Thüringen")).unwrap(), "detlfdi");
    assert_eq!(residence("de", Some("berlin")).unwrap(), "deberlbdi");
    assert_eq!(residence("DE", Some("Lower Saxony")).unwrap(), "dendslfd");
    for (code, _, _) in LAENDER {
        let s = competent_authority(list(), "DE", Some(code), None, AuthorityChoice::Residence)
            .unwrap();
        assert_eq!(s.authority.region.as_deref(), Some(code));
        assert_eq!(s.authority.scope, Scope::General);
    }
    let s = competent_authority(list(), "DE", None, None, AuthorityChoice::Residence).unwrap();
    assert_eq!(s.authority.slug, "debfdi");
    assert!(s.reason.contains("BDSG § 19(2)"), "{}", s.reason);
    assert_eq!(
        residence("DE", Some("Atlantis")),
        Err(NoAuthority::Region("Atlantis".into()))
    );
    assert_eq!(normalize_land("hessen"), Some("HE"));
    // A region outside Germany is ignored: France has one authority.
    assert_eq!(residence("FR", Some("Bretagne")).unwrap(), "frcnil");
}

#[test]
fn a_country_without_an_authority_says_so() {
    let e = residence("US", None).unwrap_err();
    assert_eq!(e, NoAuthority::Country("US".into()));
    assert!(e
        .to_string()
        .contains("no supervisory authority is known for `US`"));
    assert!(residence("", None).is_err());
}

#[test]
fn lead_authority_is_the_companys_establishment() {
    let dir = Directory::builtin();
    let meta = dir.get("meta").unwrap();
    assert_eq!(meta.country, "IE");
    let s =
        competent_authority(list(), "DE", Some("BY"), Some(meta), AuthorityChoice::Lead).unwrap();
    assert_eq!(s.authority.slug, "iedpc");
    assert!(s.reason.contains("main establishment"), "{}", s.reason);
    let de_company = dir.entries().iter().find(|e| e.country == "DE").unwrap();
    let s =
        competent_authority(list(), "FR", None, Some(de_company), AuthorityChoice::Lead).unwrap();
    assert_eq!(s.authority.slug, "debfdi");
    assert_eq!(
        competent_authority(list(), "FR", None, None, AuthorityChoice::Lead).unwrap_err(),
        NoAuthority::CompanyCountry
    );
    assert_eq!(AuthorityChoice::parse("lead"), Some(AuthorityChoice::Lead));
    assert_eq!(
        AuthorityChoice::parse("residence"),
        Some(AuthorityChoice::Residence)
    );
    assert_eq!(AuthorityChoice::parse("x"), None);
}

fn complaint(regime: &str, authority: Option<AuthorityContact>) -> LetterInput {
    LetterInput {
        kind: LetterKind::Complaint {
            original: FollowUp {
                request_type: RequestType::Access,
                sent: d(2026, 1, 31),
                received: d(2026, 1, 31),
                due: d(2026, 3, 2),
                extended_due: None,
                reminder_sent: Some(d(2026, 3, 3)),
                reminder_due: Some(d(2026, 3, 17)),
                outcome: Outcome::NoAnswer,
                history: vec![HistoryStep {
                    date: d(2026, 2, 2),
                    step: Step::Acknowledged,
                }],
            },
            authority,
        },
        regime: regime.into(),
        requester: vec![],
        company: CompanyContact {
            name: "Example".into(),
            legal_entity: Some("Example Ltd".into()),
            ..Default::default()
        },
        options: RequestOptions::default(),
        date: d(2026, 3, 20),
        deadline: None,
        reference: "FP-2026-01-ABC123".into(),
        evidence: vec![],
        channel: Channel::Email,
    }
}

fn chosen(country: &str, region: Option<&str>) -> AuthorityContact {
    let s = competent_authority(list(), country, region, None, AuthorityChoice::Residence).unwrap();
    AuthorityContact::chosen(&s)
}

#[test]
fn complaint_letter_is_addressed_to_the_chosen_authority() {
    let l = letter::render(
        &complaint("eu_gdpr", Some(chosen("DE", Some("BY")))),
        Lang::En,
    )
    .unwrap();
    assert_eq!(
        l.recipient,
        vec![
            "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)",
            "Postfach 1349",
            "91504 Ansbach",
            "Deutschland"
        ]
    );
    assert_eq!(l.to_email.as_deref(), Some("poststelle@lda.bayern.de"));
    assert_eq!(
        l.web_form.as_deref(),
        Some("https://www.lda.bayern.de/de/beschwerde.html")
    );
    let text = l.to_text();
    assert!(text.contains("91504 Ansbach"), "{text}");
    assert!(!text.contains("please fill in]"), "{text}");
    assert!(l.body.contains("FP-2026-01-ABC123"));
    assert!(
        l.body
            .contains("On 31 January 2026 I sent the company a request"),
        "{}",
        l.body
    );
    assert!(
        l.body.contains("the time to answer ended on 2 March 2026"),
        "{}",
        l.body
    );
    assert!(
        l.body
            .contains("On 3 March 2026 I sent the company a reminder"),
        "{}",
        l.body
    );
    assert!(
        l.notes_for_user.iter().any(|n| n.contains("Bayern")),
        "{:?}",
        l.notes_for_user
    );
    assert!(
        l.notes_for_user.iter().any(|n| n.contains("takes complaints in German")),
        "{:?}",
        l.notes_for_user
    );
    // The e-mail draft goes to the authority.
    let eml = footprint_rights::eml::draft(
        &l,
        &footprint_rights::eml::EmlOptions {
            to: None,
            from: None,
            date: chrono::DateTime::parse_from_rfc3339("2026-03-20T12:00:00Z").unwrap(),
        },
    )
    .unwrap();
    assert!(eml.contains("To: poststelle@lda.bayern.de"), "{eml}");
    assert!(!footprint_rights::pdf::to_pdf(&l).is_empty());

    // France: web form only.
    let l = letter::render(&complaint("eu_gdpr", Some(chosen("FR", None))), Lang::En).unwrap();
    assert!(
        l.recipient.iter().any(|r| r.contains("75334 PARIS")),
        "{:?}",
        l.recipient
    );
    assert_eq!(l.to_email, None);
    assert!(l
        .notes_for_user
        .iter()
        .any(|n| n.contains("cnil.fr/fr/plaintes")));
}

#[test]
fn a_complaint_for_each_regime_that_has_an_authority() {
    for regime in Regimes::builtin().all() {
        let l = letter::render(&complaint(&regime.id, None), Lang::En)
            .unwrap_or_else(|e| panic!("{}: {e}", regime.id));
        assert!(!l.recipient.is_empty(), "{}", regime.id);
        assert!(l.body.contains("FP-2026-01-ABC123"), "{}", regime.id);
        match regime.id.as_str() {
            "uk_gdpr" => assert!(l.recipient.contains(&"SK9 5AF".to_string())),
            "ch_nfadp" => assert!(l.recipient.contains(&"3003 Bern".to_string())),
            "eu_gdpr" => assert!(l.recipient[0].contains("please fill in")),
            _ => assert_eq!(l.recipient[0], regime.authority.name, "{}", regime.id),
        }
    }
    // Every EU/EEA authority can take a GDPR complaint; the address is in the letter.
    for a in list().all().iter().filter(|a| a.regime() == "eu_gdpr") {
        let l = letter::render(
            &complaint("eu_gdpr", Some(AuthorityContact::from_authority(a, None))),
            Lang::En,
        )
        .unwrap_or_else(|e| panic!("{}: {e}", a.slug));
        let last = a.postal_address.lines().last().unwrap();
        assert!(l.to_text().contains(last), "{}", a.slug);
        assert!(l.to_email.is_some() || l.web_form.is_some(), "{}", a.slug);
    }
}

#[test]
fn an_authority_of_another_regime_is_refused() {
    let e = letter::render(&complaint("uk_gdpr", Some(chosen("FR", None))), Lang::En).unwrap_err();
    assert!(
        e.to_string()
            .contains("does not take complaints under the UK GDPR"),
        "{e}"
    );
    assert!(letter::render(&complaint("eu_gdpr", Some(chosen("GB", None))), Lang::En).is_err());
}
