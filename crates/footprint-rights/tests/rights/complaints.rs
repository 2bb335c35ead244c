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
