//! Complaints to an authority: the wording of a complaint about a company that did not erase
//! (a later export still names it), and the notes for the user in the letter's language.

use crate::d;
use footprint_rights::letter::{
    self, CompanyContact, FollowUp, Lang, Letter, LetterInput, LetterKind, Outcome, StillHeld,
};
use footprint_rights::{Channel, IdentityField, IdentityKind, RequestOptions, RequestType};

fn complaint(outcome: Outcome) -> LetterInput {
    LetterInput {
        kind: LetterKind::Complaint {
            original: FollowUp {
                request_type: RequestType::Erasure,
                sent: d(2026, 1, 5),
                received: d(2026, 1, 5),
                due: d(2026, 2, 5),
                extended_due: None,
                reminder_sent: None,
                reminder_due: None,
                outcome,
                history: vec![],
            },
            authority: None,
        },
        regime: "eu_gdpr".into(),
        requester: vec![IdentityField::new(IdentityKind::Name, "Robin Testperson")],
        company: CompanyContact {
            name: "Adcorp".into(),
            email: Some("privacy@adcorp.example".into()),
            ..Default::default()
        },
        options: RequestOptions::default(),
        date: d(2026, 6, 1),
        deadline: None,
        reference: "FP-2026-01-HELD01".into(),
        evidence: vec![],
        channel: Channel::Email,
    }
}

fn still_held() -> Outcome {
    Outcome::StillHeld(StillHeld {
        erased_on: d(2026, 1, 20),
        export: "Facebook".into(),
        export_date: d(2026, 5, 10),
        files: vec!["ads_information/advertisers.json".into()],
    })
}

/// The letter's first paragraph after the salutation.
fn opening(l: &Letter) -> &str {
    l.body.split("\n\n").nth(1).expect("an opening paragraph")
}

#[test]
fn a_still_held_complaint_says_the_company_did_not_erase_in_each_language() {
    // Per language: the subject, the opening's erasure provision, and the export as evidence.
    let cases = [
        (
            Lang::En,
            "Complaint about Adcorp: my personal data was not erased as I asked (ref. FP-2026-01-HELD01)",
            ["under Art. 17 of the GDPR", "although it told me it had", "My Facebook export, made after that, still names the company"],
        ),
        (
            Lang::De,
            "Beschwerde über Adcorp: Meine Daten wurden trotz meines Löschantrags nicht gelöscht (Az. FP-2026-01-HELD01)",
            ["gemäß Art. 17 DSGVO verlangt hatte", "obwohl es mir die Löschung mitgeteilt hat", "danach erstellter Facebook-Export nennt das Unternehmen weiterhin"],
        ),
        (
            Lang::Fr,
            "Réclamation contre Adcorp\u{a0}: mes données n'ont pas été effacées malgré ma demande d'effacement (réf. FP-2026-01-HELD01)",
            ["en vertu de l'article 17 du RGPD", "alors qu'elle m'a indiqué l'avoir fait", "Mon export Facebook, établi après cette date, mentionne toujours"],
        ),
    ];
    for (lang, subject, phrases) in cases {
        let held = letter::render(&complaint(still_held()), lang).unwrap();
        assert_eq!(held.subject, subject, "{lang:?}");
        let open = opening(&held);
        for p in phrases {
            assert!(open.contains(p), "{lang:?}: `{p}` not in the opening: {open}");
        }
        // The same complaint about an unanswered request keeps the general subject and opening.
        let unanswered = letter::render(&complaint(Outcome::NoAnswer), lang).unwrap();
        assert_ne!(unanswered.subject, held.subject, "{lang:?}");
        assert!(!opening(&unanswered).contains("17"), "{lang:?}: {}", opening(&unanswered));
        assert!(!opening(&unanswered).contains("Facebook"), "{lang:?}");
    }
}

/// The regime under which `country`'s authority takes complaints.
fn regime_of(country: &str) -> &'static str {
    match country {
        "GB" => "uk_gdpr",
        "CH" => "ch_nfadp",
        _ => "eu_gdpr",
    }
}

/// Two-letter words of the letter's own language that are also language codes.
fn words_of(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => &["es"],
        Lang::Fr => &["de", "en", "et", "es"],
        Lang::En => &["is", "it", "no"],
    }
}

#[test]
fn german_and_french_complaint_notes_are_german_and_french_for_every_authority() {
    use footprint_rights::authority::{competent_authority, AuthorityChoice};
    use footprint_rights::letter::AuthorityContact;
    use footprint_rights::Authorities;
    let list = Authorities::builtin();
    let mut checked = 0;
    for a in list.all() {
        let mut contacts = vec![AuthorityContact::picked(a)];
        // The authority the user's residence leads to (in Germany, by Land or the federal one).
        if let Ok(sel) = competent_authority(list, &a.country, a.region.as_deref(), None, AuthorityChoice::Residence) {
            contacts.push(AuthorityContact::chosen(&sel));
        }
        for contact in contacts {
            let mut inp = complaint(still_held());
            inp.regime = regime_of(&a.country).into();
            inp.kind = match inp.kind {
                LetterKind::Complaint { original, .. } => LetterKind::Complaint {
                    original,
                    authority: Some(contact.clone()),
                },
                other => other,
            };
            let english = letter::render(&inp, Lang::En).unwrap();
            for lang in [Lang::De, Lang::Fr] {
                let l = letter::render(&inp, lang).unwrap();
                let ctx = format!("{} ({:?}) {lang:?}", a.slug, contact.basis);
                assert!(!l.notes_for_user.is_empty(), "{ctx}");
                for note in &l.notes_for_user {
                    // The authority's own name and web addresses are data, not the letter's words.
                    let words: String = note
                        .replace(&a.name, " ")
                        .split_whitespace()
                        .filter(|w| !w.contains("://") && !w.contains('@'))
                        .collect::<Vec<_>>()
                        .join(" ");
                    let padded = format!(" {} ", words.to_lowercase());
                    for en in [" the ", " you ", " your ", " which ", " takes ", " authority ", " chose "] {
                        assert!(!padded.contains(en), "English `{en}` in {ctx}: {note}");
                    }
                    for en_note in &english.notes_for_user {
                        assert!(!note.contains(en_note.as_str()), "English note in {ctx}: {note}");
                    }
                    assert!(!note.contains('`'), "a code in {ctx}: {note}");
                    if let Some(code) = &a.complaint_language {
                        let bare = words
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|t| t == code && !words_of(lang).contains(&t));
                        assert!(!bare, "the bare code `{code}` in {ctx}: {note}");
                    }
                }
                // An authority taking another language is named with that language's name.
                if let Some(code) = a.complaint_language.as_deref().filter(|c| *c != lang.code()) {
                    let name = match (lang, code) {
                        (Lang::De, "nl") => Some("Niederländisch"),
                        (Lang::Fr, "nl") => Some("néerlandais"),
                        (Lang::Fr, "de") => Some("allemand"),
                        (Lang::De, "fr") => Some("Französisch"),
                        _ => None,
                    };
                    if let Some(name) = name {
                        assert!(l.notes_for_user.iter().any(|n| n.contains(name)), "{ctx}: {:?}", l.notes_for_user);
                    }
                }
                checked += 1;
            }
        }
    }
    // 57 authorities, most of them both picked and reached by residence, in two languages.
    assert!(checked > 57 * 2, "only {checked} complaints checked");
}
