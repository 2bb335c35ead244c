//! Letters for every regime and request type, and the follow-up letters.

use crate::d;
use footprint_rights::deadline::due_date;
use footprint_rights::letter::{
    self, en::English, CompanyContact, FollowUp, Lang, LetterInput, LetterKind, Outcome, Wording,
};
use footprint_rights::regime::Regimes;
use footprint_rights::right::{Correction, ErasureScope, Right};
use footprint_rights::{
    Channel, EvidenceItem, EvidenceRelation, IdentityField, IdentityKind, RequestOptions,
    RequestType,
};

/// Everything the user has; each test selects some of it.
fn all_identities() -> Vec<IdentityField> {
    vec![
        IdentityField::new(IdentityKind::Name, "Robin Testperson"),
        IdentityField::new(IdentityKind::Email, "robin.testperson@example.net"),
        IdentityField::new(IdentityKind::Phone, "+32 470 00 00 00"),
        IdentityField::new(IdentityKind::Address, "1 Placeholder Lane\n9999 Nowhere"),
        IdentityField::new(IdentityKind::Username, "robin_t_1987"),
        IdentityField::new(IdentityKind::BirthDate, "1987-05-04"),
    ]
}

fn select(kinds: &[IdentityKind]) -> Vec<IdentityField> {
    all_identities()
        .into_iter()
        .filter(|f| kinds.contains(&f.kind))
        .collect()
}

fn meta_evidence() -> EvidenceItem {
    EvidenceItem {
        platform: "Meta".into(),
        export_date: Some(d(2025, 3, 2)),
        relation: EvidenceRelation::UploadedContactList,
        category: None,
        record_count: None,
        first_seen: None,
        last_seen: None,
        files: vec![
            "ads_information/advertisers_who_uploaded_a_contact_list_with_your_information.json"
                .into(),
        ],
    }
}

const META_SENTENCE: &str = "Your company uploaded a list containing my contact information to Meta, as shown in my Meta export of 2025-03-02 (file ads_information/advertisers_who_uploaded_a_contact_list_with_your_information.json).";

fn company() -> CompanyContact {
    CompanyContact {
        slug: Some("nike".into()),
        name: "Nike".into(),
        legal_entity: Some("Example Legal Entity B.V.".into()),
        email: Some("privacy@example.com".into()),
        web_form: None,
        postal_address: Some("Example Street 1\n1000 Example City".into()),
    }
}

fn input(
    regime: &str,
    t: RequestType,
    options: RequestOptions,
    identities: Vec<IdentityField>,
) -> LetterInput {
    let reg = Regimes::builtin().get(regime).unwrap();
    let received = d(2026, 1, 31);
    let deadline = due_date(reg, t, received).ok().map(|due| due.date);
    LetterInput {
        kind: LetterKind::Request { request_type: t },
        regime: regime.into(),
        requester: identities,
        company: company(),
        options,
        date: received,
        deadline: deadline.or(Some(d(2026, 3, 2))),
        reference: format!(
            "FP-2026-01-{}",
            &format!("{:0>6}", regime.len() * 7 + t as usize)[..6]
        ),
        evidence: vec![meta_evidence()],
        channel: Channel::Email,
    }
}

#[test]
fn every_regime_and_request_type_renders_or_explains_why_not() {
    let selected = [IdentityKind::Name, IdentityKind::Email];
    let unselected: Vec<String> = all_identities()
        .into_iter()
        .filter(|f| !selected.contains(&f.kind))
        .flat_map(|f| f.value.lines().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let mut rendered = 0;
    let mut refused = 0;
    for regime in Regimes::builtin().all() {
        for t in RequestType::ALL {
            let opts = RequestOptions {
                portability: true,
                object_to_marketing: true,
                ..Default::default()
            };
            let inp = input(&regime.id, t, opts, select(&selected));
            match regime.resolve(t.right()) {
                Ok(resolved) => {
                    let l = letter::render(&inp, Lang::En)
                        .unwrap_or_else(|e| panic!("{} {t}: {e}", regime.id));
                    let text = l.to_text();
                    let ctx = format!("{} {t}:\n{text}", regime.id);
                    // The provision exercised, as cited (without the data's "~" marker).
                    let cite = resolved.cite().replace(" (~)", "");
                    assert!(l.body.contains(&cite), "cite `{cite}` missing in {ctx}");
                    assert!(
                        l.body.contains(&regime.short_name),
                        "law name missing in {ctx}"
                    );
                    // The deadline date as the letter writes it.
                    let deadline = English.date_long(inp.deadline.unwrap());
                    assert!(
                        l.body.contains(&deadline),
                        "deadline {deadline} missing in {ctx}"
                    );
                    assert!(
                        l.subject.contains(&inp.reference),
                        "reference missing in subject: {ctx}"
                    );
                    assert!(
                        l.body.contains(&inp.reference),
                        "reference missing in body: {ctx}"
                    );
                    assert!(
                        l.body.contains(META_SENTENCE),
                        "evidence sentence missing in {ctx}"
                    );
                    assert!(
                        text.contains("This is not legal advice."),
                        "notice missing in {ctx}"
                    );
                    assert!(
                        text.contains("Robin Testperson")
                            && text.contains("robin.testperson@example.net")
                    );
                    for v in &unselected {
                        assert!(
                            !text.contains(v.as_str()),
                            "unselected identity `{v}` leaked in {ctx}"
                        );
                    }
                    assert!(
                        !text.contains('~'),
                        "secondary-source marker leaked in {ctx}"
                    );
                    if resolved.fallback.is_some() {
                        assert!(
                            l.notes_for_user
                                .iter()
                                .any(|n| n.starts_with("Closest right used")),
                            "fallback not explained to the user: {ctx}"
                        );
                    }
                    rendered += 1;
                }
                Err(_) => {
                    let err = letter::render(&inp, Lang::En).unwrap_err();
                    assert_eq!(err.code(), "right_not_in_regime", "{} {t}", regime.id);
                    assert!(err.to_string().len() > 40, "explanation too thin: {err}");
                    refused += 1;
                }
            }
        }
    }
    // 12 regimes x 8 types; most render, some must be refused with a reason.
    assert_eq!(rendered + refused, 96);
    assert!(rendered >= 70, "only {rendered} rendered");
    assert!(refused >= 10, "only {refused} refused");
}

#[test]
fn gdpr_access_lists_every_item_of_article_15_and_portability() {
    let l = letter::render(
        &input(
            "eu_gdpr",
            RequestType::Access,
            RequestOptions {
                portability: true,
                ..Default::default()
            },
            select(&[IdentityKind::Email]),
        ),
        Lang::En,
    )
    .unwrap();
    for cite in [
        "Art. 15(1)(a)",
        "Art. 15(1)(b)",
        "Art. 15(1)(c)",
        "Art. 15(1)(d)",
        "Art. 15(1)(g)",
        "Art. 15(1)(h)",
        "Art. 15(2)",
        "Art. 15(3)",
    ] {
        assert!(
            l.body.contains(&format!("({cite})")),
            "{cite} missing:\n{}",
            l.body
        );
    }
    assert!(l
        .body
        .contains("the purposes for which you process my personal data"));
    assert!(l
        .body
        .contains("the safeguards you rely on when you transfer"));
    assert!(l.body.contains("machine-readable format (GDPR Art. 20)"));
    assert!(l.body.contains("free of charge (GDPR Art. 12(5))"));
    assert!(l.body.contains("at the latest by 2 March 2026, one month after you received this request (GDPR Art. 12(3))"), "{}", l.body);
    // Without a name the letter is signed with a placeholder, not an invented name.
    assert!(l.body.ends_with("[your name and signature]"), "{}", l.body);
}

#[test]
fn pipeda_erasure_falls_back_to_consent_withdrawal_and_principle_4_5_3() {
    let l = letter::render(
        &input(
            "ca_pipeda",
            RequestType::Erasure,
            RequestOptions::default(),
            select(&[IdentityKind::Email]),
        ),
        Lang::En,
    )
    .unwrap();
    assert!(
        l.subject.starts_with("Request for erasure"),
        "{}",
        l.subject
    );
    assert!(
        l.body
            .contains("does not set out a separate right to erasure"),
        "{}",
        l.body
    );
    assert!(l.body.contains("I withdraw every consent"), "{}", l.body);
    assert!(
        l.body
            .contains("under Schedule 1, Principle 4.3.8 of the PIPEDA"),
        "{}",
        l.body
    );
    assert!(
        l.body.contains(
            "destroy, erase or anonymise all personal information about me that you no longer \
             need for the purposes you identified (Schedule 1, Principle 4.5.3)"
        ),
        "{}",
        l.body
    );
    assert!(
        l.notes_for_user
            .iter()
            .any(|n| n.contains("PIPEDA has no general right to erasure")),
        "{:?}",
        l.notes_for_user
    );
}

#[test]
fn ccpa_restriction_is_refused_with_the_reason() {
    let err = letter::render(
        &input(
            "us_ca_ccpa",
            RequestType::Restriction,
            RequestOptions::default(),
            vec![],
        ),
        Lang::En,
    )
    .unwrap_err();
    assert_eq!(err.code(), "right_not_in_regime");
    assert!(
        err.to_string()
            .contains("The CCPA has no right to restrict processing"),
        "{err}"
    );
}

#[test]
fn ccpa_opt_out_needs_no_verification_and_cites_15_business_days() {
    let l = letter::render(
        &input(
            "us_ca_ccpa",
            RequestType::OptOutSale,
            RequestOptions::default(),
            select(&[IdentityKind::Email]),
        ),
        Lang::En,
    )
    .unwrap();
    assert!(l.body.contains("Cal. Civ. Code 1798.120"), "{}", l.body);
    assert!(
        l.body
            .contains("does not allow you to require verification"),
        "{}",
        l.body
    );
    assert!(
        l.body
            .contains("15 business days after you received this request"),
        "{}",
        l.body
    );
    assert!(
        !l.body.contains("extend this period"),
        "opt-outs cannot be extended: {}",
        l.body
    );
    assert!(
        l.notes_for_user
            .iter()
            .any(|n| n.contains("secondary sources")),
        "the (~) cite must be flagged: {:?}",
        l.notes_for_user
    );
}

#[test]
fn erasure_of_selected_categories_with_marketing_objection() {
    let opts = RequestOptions {
        erasure_scope: ErasureScope::Categories(vec![
            "Location".into(),
            "Ad interests and inferences".into(),
        ]),
        object_to_marketing: true,
        ..Default::default()
    };
    let l = letter::render(
        &input("uk_gdpr", RequestType::Erasure, opts, vec![]),
        Lang::En,
    )
    .unwrap();
    assert!(l.body.contains("covers the following personal data you hold about me:\n- Location\n- Ad interests and inferences"), "{}", l.body);
    assert!(l.body.contains("Art. 21(2) and (3)"), "{}", l.body);
    assert!(l.body.contains("(UK GDPR Art. 19)"), "{}", l.body);
    assert!(!l.body.contains("All personal data"));
    // No identity selected: no identifier paragraph, and the reply goes "in writing".
    assert!(!l.body.contains("identifiers your company may hold"));
    assert!(l.body.contains("Please send your answer to me in writing."));
}

#[test]
fn rectification_lists_the_corrections() {
    let opts = RequestOptions {
        corrections: vec![Correction {
            field: "Date of birth".into(),
            wrong: Some("1978-05-04".into()),
            correct: "1987-05-04".into(),
        }],
        ..Default::default()
    };
    let l = letter::render(
        &input("br_lgpd", RequestType::Rectification, opts, vec![]),
        Lang::En,
    )
    .unwrap();
    assert!(
        l.body
            .contains("Date of birth: you hold “1978-05-04”; the correct value is “1987-05-04”"),
        "{}",
        l.body
    );
    assert!(l.body.contains("Art. 18, III of the LGPD"), "{}", l.body);
}

#[test]
fn missing_contact_becomes_a_placeholder_and_a_note() {
    let mut inp = input(
        "eu_gdpr",
        RequestType::Access,
        RequestOptions::default(),
        vec![],
    );
    inp.company.email = None;
    let l = letter::render(&inp, Lang::En).unwrap();
    assert!(
        l.recipient.iter().any(|r| r.contains("please fill in")),
        "{:?}",
        l.recipient
    );
    assert!(l
        .notes_for_user
        .iter()
        .any(|n| n.starts_with("Fill in before sending")));
    assert_eq!(l.to_email, None);
}

#[test]
fn portability_where_the_law_has_none_asks_for_a_usable_format() {
    let opts = RequestOptions {
        portability: true,
        ..Default::default()
    };
    let l = letter::render(
        &input("au_privacy_act", RequestType::Access, opts, vec![]),
        Lang::En,
    )
    .unwrap();
    assert!(
        l.body.contains("commonly used electronic format"),
        "{}",
        l.body
    );
    assert!(
        l.notes_for_user
            .iter()
            .any(|n| n.contains("no right to data portability")),
        "{:?}",
        l.notes_for_user
    );
    assert!(
        l.body
            .contains("Please answer without delay (Privacy Act APP 12.4(a)(ii))"),
        "{}",
        l.body
    );
}

fn follow_up(outcome: Outcome) -> FollowUp {
    FollowUp {
        request_type: RequestType::Access,
        sent: d(2026, 1, 31),
        received: d(2026, 1, 31),
        due: d(2026, 3, 2),
        extended_due: None,
        reminder_sent: Some(d(2026, 3, 3)),
        reminder_due: Some(d(2026, 3, 17)),
        outcome,
        history: vec![],
    }
}

#[test]
fn reminder_refers_to_the_original_request_and_its_dates() {
    let mut inp = input(
        "eu_gdpr",
        RequestType::Access,
        RequestOptions::default(),
        select(&[IdentityKind::Name]),
    );
    inp.kind = LetterKind::Reminder {
        original: follow_up(Outcome::NoAnswer),
    };
    inp.date = d(2026, 3, 3);
    inp.deadline = Some(d(2026, 3, 17));
    let l = letter::render(&inp, Lang::En).unwrap();
    assert!(
        l.subject
            .starts_with("Reminder: my request for access to my personal data is overdue"),
        "{}",
        l.subject
    );
    assert!(l.body.contains("On 31 January 2026 I sent you a request for access to my personal data under Art. 15 of the GDPR"), "{}", l.body);
    assert!(
        l.body.contains("The time to answer ended on 2 March 2026."),
        "{}",
        l.body
    );
    assert!(l.body.contains("by 17 March 2026"), "{}", l.body);
    assert!(
        l.body
            .contains("complain to the competent data protection supervisory authority"),
        "{}",
        l.body
    );
    assert!(l.body.contains(&inp.reference));
    assert!(l.body.contains(META_SENTENCE));
}

#[test]
fn reminder_without_its_own_deadline_is_refused() {
    let mut inp = input(
        "eu_gdpr",
        RequestType::Access,
        RequestOptions::default(),
        vec![],
    );
    inp.kind = LetterKind::Reminder {
        original: follow_up(Outcome::NoAnswer),
    };
    inp.deadline = None;
    assert_eq!(
        letter::render(&inp, Lang::En).unwrap_err().code(),
        "letter_input"
    );
}

#[test]
fn complaint_goes_to_the_authority_with_the_history() {
    let mut inp = input(
        "uk_gdpr",
        RequestType::Access,
        RequestOptions::default(),
        select(&[IdentityKind::Name, IdentityKind::Email]),
    );
    inp.kind = LetterKind::Complaint {
        original: follow_up(Outcome::Refused {
            reason: Some("no data matching me was found".into()),
        }),
        authority: None,
    };
    inp.date = d(2026, 3, 20);
    inp.deadline = None;
    let l = letter::render(&inp, Lang::En).unwrap();
    assert_eq!(l.recipient[0], "The Information Commissioner’s Office");
    assert!(l.recipient.contains(&"SK9 5AF".to_string()), "{:?}", l.recipient);
    assert!(l.web_form.as_deref().unwrap().starts_with("https://ico.org.uk/"));
    assert!(
        l.subject.contains("Example Legal Entity B.V."),
        "{}",
        l.subject
    );
    assert!(
        l.body
            .contains("complaint under Art. 77 of the UK GDPR against Example Legal Entity B.V."),
        "{}",
        l.body
    );
    assert!(l.body.contains("It reached the company on 31 January 2026, and the time to answer ended on 2 March 2026."), "{}", l.body);
    assert!(
        l.body.contains(
            "On 3 March 2026 I sent the company a reminder and gave it until 17 March 2026"
        ),
        "{}",
        l.body
    );
    assert!(
        l.body
            .contains("refused my request, giving this reason: no data matching me was found"),
        "{}",
        l.body
    );
    assert!(l.body.contains("- the company's answer"), "{}", l.body);
    assert!(l.body.contains(META_SENTENCE));
    assert!(l.to_text().contains("This is not legal advice."));
}

#[test]
fn eu_complaint_leaves_the_authority_to_choose() {
    let mut inp = input(
        "eu_gdpr",
        RequestType::Access,
        RequestOptions::default(),
        vec![],
    );
    inp.kind = LetterKind::Complaint {
        original: follow_up(Outcome::NoAnswer),
        authority: None,
    };
    inp.deadline = None;
    let l = letter::render(&inp, Lang::En).unwrap();
    assert!(
        l.recipient[0].contains("please fill in"),
        "{:?}",
        l.recipient
    );
    assert!(
        l.notes_for_user
            .iter()
            .any(|n| n.contains("edpb.europa.eu")),
        "{:?}",
        l.notes_for_user
    );
    assert!(
        l.body.contains("within 3 months (GDPR Art. 78(2))"),
        "{}",
        l.body
    );
    assert!(
        !l.body.contains("- the company's answer"),
        "no answer to enclose: {}",
        l.body
    );
}

#[test]
fn evidence_sentences_cover_each_relation() {
    let mut e = meta_evidence();
    e.relation = EvidenceRelation::SentOffPlatformActivity;
    e.record_count = Some(214);
    e.first_seen = Some(d(2023, 6, 1));
    e.last_seen = Some(d(2025, 2, 27));
    e.files = vec!["a.json".into(), "b.json".into()];
    let s = English.evidence_sentence(&e);
    assert_eq!(
        s,
        "Your company sent information about my activity on its websites or apps to Meta, as shown in my Meta export of 2025-03-02 (files a.json, b.json; 214 records from 2023-06-01 to 2025-02-27)."
    );
    for rel in EvidenceRelation::ALL {
        let mut e = meta_evidence();
        e.relation = rel;
        let s = English.evidence_sentence(&e);
        assert!(s.ends_with("(file ads_information/advertisers_who_uploaded_a_contact_list_with_your_information.json)."), "{rel:?}: {s}");
        assert!(s.contains("Meta"), "{rel:?}: {s}");
    }
}

#[test]
fn every_right_has_its_own_opening_sentence() {
    let mut seen = std::collections::BTreeSet::new();
    for right in Right::ALL {
        if right == Right::Portability {
            continue;
        }
        let s = English.intro(right, "Art. X", "LAW");
        assert!(s.contains("Art. X of the LAW"), "{s}");
        assert!(
            seen.insert(s),
            "{right} shares its sentence with another right"
        );
    }
}
