use super::*;
use crate::checklist::{Checklists, Provision};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn input(regime: &str, gaps: Vec<Gap>) -> FollowUpInput {
    FollowUpInput {
        regime: regime.into(),
        reference: "FP-2026-03-ABC123".into(),
        requester: vec![
            IdentityField::new(IdentityKind::Name, "Alex Example"),
            IdentityField::new(IdentityKind::Email, "alex@example.org"),
        ],
        company: CompanyContact {
            name: "Examplecorp".into(),
            email: Some("privacy@examplecorp.test".into()),
            ..Default::default()
        },
        channel: Channel::Email,
        date: d("2026-04-20"),
        request_sent: d("2026-03-02"),
        answer_date: d("2026-04-01"),
        gaps,
        deadline: NewDeadline {
            date: d("2026-05-20"),
            unit: PeriodUnit::Months,
            amount: 1,
            cite: "Art. 12(3)".into(),
            firm: true,
        },
    }
}

fn gap(key: &str, verdict: Verdict, note: Option<&str>) -> Gap {
    Gap {
        key: key.into(),
        verdict,
        note: note.map(str::to_string),
    }
}

fn two_gaps() -> Vec<Gap> {
    vec![
        gap("b", Verdict::Yes, None),
        gap("d", Verdict::No, None),
        gap("h", Verdict::Partly, Some("no word on the\nlogic of the ad scoring")),
        gap("copy", Verdict::NotApplicable, None),
    ]
}

#[test]
fn english_letter_names_each_gap_with_its_provision_and_the_dates() {
    let l = render(&input("eu_gdpr", two_gaps()), "en").unwrap();
    let body = &l.body;
    assert!(body.contains("On 2 March 2026 I asked you for access to my personal data under Art. 15 GDPR (reference FP-2026-03-ABC123)"), "{body}");
    assert!(body.contains("your answer of 1 April 2026"), "{body}");
    assert!(body.contains("- the period for which my data will be stored or, if that is not possible, the criteria used to determine that period (Art. 15(1)(d) GDPR): missing"), "{body}");
    assert!(body.contains("(Art. 15(1)(h) GDPR): answered only in part (My remark: no word on the logic of the ad scoring)"), "{body}");
    // Only the gaps: yes and not-applicable items are not named.
    assert!(!body.contains("15(1)(b)") && !body.contains("15(3)"), "{body}");
    assert!(body.contains("by 20 May 2026, one month after you receive this letter (the time limit of Art. 12(3) GDPR)"), "{body}");
    assert!(body.contains("the competent supervisory authority"), "{body}");
    assert!(body.ends_with("Yours faithfully,\nAlex Example"), "{body}");
    assert_eq!(l.subject, "Your answer to my access request is incomplete (ref. FP-2026-03-ABC123)");
    assert_eq!(l.recipient, ["Examplecorp", "privacy@examplecorp.test"]);
    assert_eq!(l.sender, ["Alex Example", "alex@example.org"]);
    assert!(l.notes_for_user.is_empty(), "{:?}", l.notes_for_user);
}

#[test]
fn german_letter_cites_the_dsgvo_in_german_style() {
    let l = render(&input("eu_gdpr", two_gaps()), "de").unwrap();
    let body = &l.body;
    assert!(body.starts_with("Sehr geehrte Damen und Herren,\n\nam 2. März 2026 habe ich Sie nach Art. 15 DSGVO um Auskunft"), "{body}");
    assert!(body.contains("Ihre Antwort vom 1. April 2026"), "{body}");
    assert!(body.contains("(Art. 15 Abs. 1 lit. d DSGVO): fehlt"), "{body}");
    assert!(body.contains("(Art. 15 Abs. 1 lit. h DSGVO): nur teilweise beantwortet (Meine Anmerkung: no word on the logic"), "{body}");
    assert!(body.contains("bis zum 20. Mai 2026, also einen Monat nach Eingang dieses Schreibens (die Frist nach Art. 12 Abs. 3 DSGVO)"), "{body}");
    assert!(l.subject.starts_with("Ihre Antwort auf mein Auskunftsersuchen ist unvollständig"));
    assert_eq!(l.date_text, "20. April 2026");
    assert!(l.notice.contains("keine Rechtsberatung"));
}

#[test]
fn french_letter_cites_the_rgpd_in_french_style() {
    let mut i = input("eu_gdpr", two_gaps());
    i.answer_date = d("2026-04-01");
    i.deadline.date = d("2026-05-01");
    let l = render(&i, "fr").unwrap();
    let body = &l.body;
    assert!(body.contains("Le 2 mars 2026, je vous ai demandé l'accès à mes données personnelles en vertu de l'article 15 du RGPD"), "{body}");
    assert!(body.contains("votre réponse du 1er avril 2026"), "{body}");
    assert!(body.contains("(article 15, paragraphe 1, point d), du RGPD) : absent") || body.contains("(article 15, paragraphe 1, point d), du RGPD): absent"), "{body}");
    assert!(body.contains("au plus tard le 1er mai 2026, soit un mois après réception de ce courrier (le délai prévu à l'article 12, paragraphe 3, du RGPD)"), "{body}");
    assert!(l.subject.starts_with("Votre réponse à ma demande d'accès est incomplète"));
}

#[test]
fn ccpa_letter_uses_the_california_items_and_its_45_days() {
    let mut i = input(
        "us_ca_ccpa",
        vec![gap("sources", Verdict::No, None), gap("pieces", Verdict::Partly, None)],
    );
    i.deadline = NewDeadline {
        date: d("2026-06-04"),
        unit: PeriodUnit::Days,
        amount: 45,
        cite: "Cal. Civ. Code 1798.130(a)(2) (~)".into(),
        firm: true,
    };
    let l = render(&i, "en").unwrap();
    let body = &l.body;
    assert!(body.contains("under Cal. Civ. Code 1798.100, 1798.110 and 1798.115"), "{body}");
    assert!(body.contains("- the categories of sources from which you collected my personal information (Cal. Civ. Code 1798.110(a)(2)): missing"), "{body}");
    assert!(body.contains("- the specific pieces of personal information you have collected about me (Cal. Civ. Code 1798.110(a)(5)): answered only in part"), "{body}");
    assert!(body.contains("45 days after you receive this letter (the time limit of Cal. Civ. Code 1798.130(a)(2))"), "{body}");
    assert!(body.contains("California Privacy Protection Agency"), "{body}");
    assert!(l.notes_for_user.iter().any(|n| n.contains("secondary sources")), "{:?}", l.notes_for_user);
    // German and French give a US section its `§`, as every other letter does (cite.rs).
    let de = render(&i, "de").unwrap();
    assert!(de.body.contains("nach Cal. Civ. Code § 1798.100, 1798.110 und 1798.115"), "{}", de.body);
    assert!(de.body.contains("(Cal. Civ. Code § 1798.110(a)(2)): fehlt"), "{}", de.body);
    let fr = render(&i, "fr").unwrap();
    assert!(fr.body.contains("en vertu de Cal. Civ. Code § 1798.100, 1798.110 et 1798.115"), "{}", fr.body);
}

#[test]
fn cites_come_from_the_formatter_every_letter_uses() {
    use crate::letter::cite::{localize, FRENCH_EU, GERMAN_EU};
    let c = Checklists::builtin().get("eu_gdpr").unwrap();
    for item in &c.items {
        // The data's one spelling survives the round trip through the checklist's type.
        let raw = item.provision.cite();
        assert_eq!(Provision::from_cite(&raw), item.provision, "{raw}");
        let gaps = vec![gap(&item.key, Verdict::No, None)];
        let de = render(&input("eu_gdpr", gaps.clone()), "de").unwrap();
        let want = format!("({} DSGVO): fehlt", localize(&GERMAN_EU, &raw));
        assert!(de.body.contains(&want), "{want} in {}", de.body);
        let fr = render(&input("eu_gdpr", gaps.clone()), "fr").unwrap();
        let local = localize(&FRENCH_EU, &raw);
        let sep = if local.contains(',') { ", " } else { " " };
        let want = format!("({local}{sep}du RGPD)");
        assert!(fr.body.contains(&want), "{want} in {}", fr.body);
        let en = render(&input("eu_gdpr", gaps), "en").unwrap();
        let want = format!("({raw} GDPR): missing");
        assert!(en.body.contains(&want), "{want} in {}", en.body);
    }
}

#[test]
fn every_item_of_every_checklist_has_its_own_sentence_in_every_language() {
    for regime in Checklists::builtin().regimes() {
        let c = Checklists::builtin().get(regime).unwrap();
        let gaps: Vec<Gap> = c.items.iter().map(|i| gap(&i.key, Verdict::No, None)).collect();
        let mut bodies = Vec::new();
        for lang in LANGS {
            let l = render(&input(regime, gaps.clone()), lang).unwrap();
            let lines: Vec<&str> = l.body.lines().filter(|l| l.starts_with("- ")).collect();
            assert_eq!(lines.len(), c.items.len(), "{regime} {lang}: {}", l.body);
            let distinct: std::collections::BTreeSet<&str> = lines.iter().copied().collect();
            assert_eq!(distinct.len(), lines.len(), "{regime} {lang}: two items read the same");
            bodies.push(l.body);
        }
        assert_ne!(bodies[0], bodies[1]);
        assert_ne!(bodies[0], bodies[2]);
        assert_ne!(bodies[1], bodies[2]);
    }
}

#[test]
fn a_missing_contact_becomes_a_placeholder_and_a_note() {
    let mut i = input("uk_gdpr", two_gaps());
    i.company.email = None;
    i.requester.clear();
    let l = render(&i, "en").unwrap();
    assert!(l.recipient.iter().any(|r| r.contains("please fill in")));
    assert!(l.notes_for_user.iter().any(|n| n.contains("e-mail address")));
    assert!(l.body.contains("Art. 15(1)(d) UK GDPR"), "{}", l.body);
    assert!(l.body.contains("a complaint with the Information Commissioner's Office (ICO)"), "{}", l.body);
    assert!(l.body.ends_with("[your name and signature]"));
}

#[test]
fn refuses_what_it_cannot_write() {
    let no_gap = vec![gap("a", Verdict::Yes, None), gap("b", Verdict::NotApplicable, None)];
    let e = render(&input("eu_gdpr", no_gap), "en").unwrap_err().to_string();
    assert!(e.contains("no gap"), "{e}");
    let e = render(&input("eu_gdpr", vec![gap("zz", Verdict::No, None)]), "en")
        .unwrap_err()
        .to_string();
    assert!(e.contains("`zz` is not an item of the GDPR checklist; items: a, b, c"), "{e}");
    let e = render(&input("eu_gdpr", two_gaps()), "it").unwrap_err().to_string();
    assert!(e.contains("not written in `it`; languages: en, de, fr"), "{e}");
    let e = render(&input("jp_appi", two_gaps()), "en").unwrap_err().to_string();
    assert!(e.contains("no access-answer checklist for the APPI"), "{e}");
}

#[test]
fn a_sent_request_gives_the_dates_and_the_regimes_new_deadline() {
    use crate::tracking::{NewRequest, Request};
    let mut req = Request::new(NewRequest {
        company: input("eu_gdpr", vec![]).company,
        regime: "eu_gdpr".into(),
        request_type: crate::RequestType::Access,
        options: Default::default(),
        channel: Channel::Email,
        identities: vec![],
        evidence: vec![],
        created: d("2026-03-02"),
        sequence: 0,
        postal_delay_days: None,
        calendar: None,
    })
    .unwrap();
    let draft = FollowUpInput::for_request(&req, d("2026-04-20"), d("2026-04-01"), vec![]);
    assert!(draft.unwrap_err().to_string().contains("never sent"));
    req.send(d("2026-03-02"), None).unwrap();
    let i = FollowUpInput::for_request(&req, d("2026-04-20"), d("2026-04-01"), two_gaps()).unwrap();
    assert_eq!(i.request_sent, d("2026-03-02"));
    assert_eq!(i.answer_date, d("2026-04-01"));
    // One month from the follow-up's receipt (e-mail: the same day).
    assert_eq!(i.deadline.date, d("2026-05-20"));
    assert_eq!((i.deadline.unit, i.deadline.amount), (PeriodUnit::Months, 1));
    assert_eq!(i.deadline.cite, "Art. 12(3)");
}
