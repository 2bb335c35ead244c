//! German and French letters: every letter kind in each, the law's provisions as that
//! language's text cites them, no English sentence left over, dates in the language's form,
//! the language chosen from the company's request language, and the characters in the PDF.

use crate::d;
use footprint_rights::deadline::due_date;
use footprint_rights::directory::Directory;
use footprint_rights::letter::{
    self, choose_lang, CompanyContact, FollowUp, HistoryStep, Lang, LangSource, Letter,
    LetterInput, LetterKind, Outcome, Step,
};
use footprint_rights::regime::Regimes;
use footprint_rights::right::{Correction, ErasureScope};
use footprint_rights::{
    pdf, Channel, EvidenceItem, EvidenceRelation, IdentityField, IdentityKind, RequestOptions,
    RequestType,
};

const REGIMES: [&str; 4] = ["eu_gdpr", "uk_gdpr", "ch_nfadp", "us_ca_ccpa"];

fn identities() -> Vec<IdentityField> {
    vec![
        IdentityField::new(IdentityKind::Name, "Robin Testperson"),
        IdentityField::new(IdentityKind::Email, "robin.testperson@example.net"),
        IdentityField::new(IdentityKind::Address, "1 Placeholder Lane\n9999 Nowhere"),
    ]
}

fn evidence() -> EvidenceItem {
    EvidenceItem {
        platform: "Meta".into(),
        export_date: Some(d(2025, 3, 2)),
        relation: EvidenceRelation::UploadedContactList,
        category: None,
        record_count: Some(3),
        first_seen: Some(d(2024, 1, 5)),
        last_seen: Some(d(2025, 2, 1)),
        files: vec!["ads_information/advertisers_who_uploaded_a_contact_list.json".into()],
    }
}

fn company() -> CompanyContact {
    CompanyContact {
        slug: Some("zalando".into()),
        name: "Zalando".into(),
        legal_entity: Some("Beispiel Handels SE".into()),
        email: Some("datenschutz@example.com".into()),
        web_form: None,
        postal_address: Some("Beispielstraße 1\n10000 Beispielstadt".into()),
    }
}

fn options_for(t: RequestType) -> RequestOptions {
    RequestOptions {
        portability: t == RequestType::Access,
        object_to_marketing: t == RequestType::Erasure,
        erasure_scope: ErasureScope::All,
        corrections: if t == RequestType::Rectification {
            vec![Correction {
                field: "Nachname".into(),
                wrong: Some("Testpersön".into()),
                correct: "Testperson".into(),
            }]
        } else {
            vec![]
        },
    }
}

fn request(regime: &str, t: RequestType) -> LetterInput {
    let reg = Regimes::builtin().get(regime).unwrap();
    let received = d(2026, 12, 2);
    LetterInput {
        kind: LetterKind::Request { request_type: t },
        regime: regime.into(),
        requester: identities(),
        company: company(),
        options: options_for(t),
        date: received,
        deadline: due_date(reg, t, received).ok().map(|due| due.date),
        reference: "FP-2026-12-LANG01".into(),
        evidence: vec![evidence()],
        channel: Channel::Email,
    }
}

fn follow_up(t: RequestType) -> FollowUp {
    FollowUp {
        request_type: t,
        sent: d(2026, 1, 31),
        received: d(2026, 2, 2),
        due: d(2026, 3, 2),
        extended_due: None,
        reminder_sent: Some(d(2026, 3, 3)),
        reminder_due: Some(d(2026, 3, 17)),
        outcome: Outcome::Partial {
            detail: Some("keine Empfänger genannt".into()),
        },
        history: vec![HistoryStep {
            date: d(2026, 2, 10),
            step: Step::Acknowledged,
        }],
    }
}

fn reminder(regime: &str, t: RequestType) -> LetterInput {
    let mut inp = request(regime, t);
    inp.kind = LetterKind::Reminder {
        original: follow_up(t),
    };
    inp.date = d(2026, 3, 3);
    inp.deadline = Some(d(2026, 3, 17));
    inp
}

fn complaint(regime: &str, t: RequestType) -> LetterInput {
    let mut inp = request(regime, t);
    inp.kind = LetterKind::Complaint {
        original: follow_up(t),
        authority: None,
    };
    inp.date = d(2026, 3, 20);
    inp.deadline = None;
    inp
}

/// Every letter of `regime` in `lang`: the request of each type the regime has (or falls
/// back from), a reminder and, where the regime has an authority, a complaint.
fn all_letters(regime: &str, lang: Lang) -> Vec<(String, Letter)> {
    let reg = Regimes::builtin().get(regime).unwrap();
    let mut out = Vec::new();
    for t in RequestType::ALL {
        if reg.resolve(t.right()).is_err() {
            continue;
        }
        for (kind, inp) in [
            ("request", request(regime, t)),
            ("reminder", reminder(regime, t)),
            ("complaint", complaint(regime, t)),
        ] {
            let l = letter::render(&inp, lang)
                .unwrap_or_else(|e| panic!("{regime} {t} {kind} in {lang:?}: {e}"));
            out.push((format!("{regime} {t} {kind} {lang:?}"), l));
        }
    }
    out
}

/// The pieces of an English letter that are Footprint's sentences, not the user's data.
fn english_fragments(l: &Letter) -> Vec<String> {
    let data: Vec<String> = identities()
        .iter()
        .flat_map(|f| f.value.lines().map(str::to_string).collect::<Vec<_>>())
        .chain([
            "Beispiel Handels SE".to_string(),
            "Zalando".into(),
            "datenschutz@example.com".into(),
            "FP-2026-12-LANG01".into(),
            "keine Empfänger genannt".into(),
            "ads_information".into(),
            "Nachname".into(),
        ])
        .collect();
    let text = format!("{}\n{}\n{}", l.subject, l.body, l.notice);
    text.lines()
        .flat_map(|line| line.split(". "))
        .map(|f| f.trim_start_matches("- ").trim().to_string())
        .filter(|f| f.split_whitespace().count() >= 3)
        .filter(|f| !data.iter().any(|v| f.contains(v.as_str())))
        .collect()
}

#[test]
fn every_letter_kind_renders_in_german_and_french_without_english_leftovers() {
    let mut checked = 0;
    for regime in REGIMES {
        let english = all_letters(regime, Lang::En);
        for lang in [Lang::De, Lang::Fr] {
            let other = all_letters(regime, lang);
            assert_eq!(english.len(), other.len());
            for ((_, en), (ctx, l)) in english.iter().zip(&other) {
                assert_eq!(l.lang, lang);
                let text = l.to_text();
                for f in english_fragments(en) {
                    assert!(
                        !text.contains(&f),
                        "English sentence `{f}` left in {ctx}:\n{text}"
                    );
                }
                for word in [" the ", " your ", " please ", " under ", " request for "] {
                    assert!(
                        !text.to_lowercase().contains(word),
                        "English word `{word}` in {ctx}:\n{text}"
                    );
                }
                assert!(text.contains("FP-2026-12-LANG01"), "{ctx}");
                assert!(!text.contains('~'), "{ctx}");
                checked += 1;
            }
        }
    }
    // 4 regimes, 2 languages, 3 letter kinds for each type the regime has.
    assert!(checked >= 4 * 2 * 3 * 6, "only {checked} letters checked");
}

/// The provisions each GDPR letter must cite, per language.
fn gdpr_cites(t: RequestType, lang: Lang) -> Vec<&'static str> {
    let de = lang == Lang::De;
    let mut v = match (t, de) {
        (RequestType::Access, true) => vec![
            "Auskunft über meine personenbezogenen Daten gemäß Art. 15 DSGVO",
            "(Art. 15 Abs. 1 lit. a)",
            "(Art. 15 Abs. 1 lit. h)",
            "(Art. 15 Abs. 2)",
            "(Art. 15 Abs. 3)",
            "(Art. 20 DSGVO)",
        ],
        (RequestType::Access, false) => vec![
            "droit d'accès à mes données personnelles, en vertu de l'article 15 du RGPD",
            "(article 15, paragraphe 1, point a))",
            "(article 15, paragraphe 1, point h))",
            "(article 15, paragraphe 3)",
            "(article 20 du RGPD)",
        ],
        (RequestType::Rectification, true) => vec!["gemäß Art. 16 DSGVO", "(Art. 19 DSGVO)"],
        (RequestType::Rectification, false) => {
            vec!["de l'article 16 du RGPD", "(article 19 du RGPD)"]
        }
        (RequestType::Erasure, true) => vec![
            "gemäß Art. 17 DSGVO",
            "(Art. 19 DSGVO)",
            "gemäß Art. 21 Abs. 2 und 3 DSGVO",
        ],
        (RequestType::Erasure, false) => vec![
            "de l'article 17 du RGPD",
            "(article 19 du RGPD)",
            "de l'article 21, paragraphes 2 et 3, du RGPD",
        ],
        (RequestType::Restriction, true) => vec!["gemäß Art. 18 DSGVO"],
        (RequestType::Restriction, false) => vec!["de l'article 18 du RGPD"],
        (RequestType::ObjectDirectMarketing | RequestType::OptOutSale, true) => {
            vec!["gemäß Art. 21 Abs. 2 und 3 DSGVO"]
        }
        (RequestType::ObjectDirectMarketing | RequestType::OptOutSale, false) => {
            vec!["de l'article 21, paragraphes 2 et 3, du RGPD"]
        }
        (RequestType::WithdrawConsent, true) => vec!["gemäß Art. 7 Abs. 3 DSGVO"],
        (RequestType::WithdrawConsent, false) => vec!["de l'article 7, paragraphe 3, du RGPD"],
        (RequestType::LimitSensitive, true) => vec!["Art. 7 Abs. 3 und Art. 9 Abs. 2 lit. a DSGVO"],
        (RequestType::LimitSensitive, false) => {
            vec!["l'article 7, paragraphe 3, et l'article 9, paragraphe 2, point a), du RGPD"]
        }
    };
    v.push(if de {
        "(Art. 12 Abs. 3 DSGVO)"
    } else {
        "(article 12, paragraphe 3, du RGPD)"
    });
    v.push(if de {
        "unentgeltlich zu beantworten (Art. 12 Abs. 5 DSGVO)"
    } else {
        "traitée gratuitement (article 12, paragraphe 5, du RGPD)"
    });
    v
}

#[test]
fn gdpr_letters_cite_each_right_as_the_german_and_french_texts_do() {
    for lang in [Lang::De, Lang::Fr] {
        for t in RequestType::ALL {
            let l = letter::render(&request("eu_gdpr", t), lang).unwrap();
            for cite in gdpr_cites(t, lang) {
                assert!(
                    l.body.contains(cite),
                    "{t} {lang:?}: `{cite}` missing:\n{}",
                    l.body
                );
            }
        }
        let c = letter::render(&complaint("eu_gdpr", RequestType::Access), lang).unwrap();
        let (art77, art78) = if lang == Lang::De {
            ("gemäß Art. 77 DSGVO Beschwerde", "spätestens 3 Monate nach Eingang der Beschwerde über ihren Stand zu unterrichten (Art. 78 Abs. 2 DSGVO)")
        } else {
            (
                "en vertu de l'article 77 du RGPD",
                "(article 78, paragraphe 2, du RGPD)",
            )
        };
        assert!(c.body.contains(art77), "{}", c.body);
        assert!(c.body.contains(art78), "{}", c.body);
    }
}

#[test]
fn german_letter_reads_as_a_german_letter() {
    let l = letter::render(&request("eu_gdpr", RequestType::Access), Lang::De).unwrap();
    assert!(l
        .body
        .starts_with("Sehr geehrte Damen und Herren,\n\nhiermit mache ich"));
    assert!(l.body.contains("Mit freundlichen Grüßen\nRobin Testperson"));
    assert_eq!(l.date_text, "2. Dezember 2026");
    assert!(l
        .subject
        .starts_with("Antrag auf Auskunft über personenbezogene Daten nach DSGVO"));
    // Due one month after receipt (Art. 12(3)): 2 January 2027, a Saturday, moves to Monday.
    assert!(
        l.body
            .contains("spätestens jedoch bis zum 4. Januar 2027, also einen Monat"),
        "{}",
        l.body
    );
    assert!(l.notice.contains("keine Rechtsberatung"));
    assert!(l.notes_for_user.is_empty(), "{:?}", l.notes_for_user);
}

#[test]
fn french_letter_reads_as_a_french_letter() {
    let mut inp = request("eu_gdpr", RequestType::Erasure);
    inp.date = d(2026, 3, 1);
    let l = letter::render(&inp, Lang::Fr).unwrap();
    assert!(l
        .body
        .starts_with("Madame, Monsieur,\n\nPar la présente, je vous demande d'effacer"));
    assert!(l
        .body
        .contains("l'expression de mes salutations distinguées.\nRobin Testperson"));
    assert_eq!(l.date_text, "1er mars 2026");
    assert!(l
        .subject
        .starts_with("Demande d'effacement des données personnelles en vertu du RGPD"));
    assert!(
        l.body.contains("au plus tard le 4 janvier 2027"),
        "{}",
        l.body
    );
    let l = letter::render(&request("eu_gdpr", RequestType::Access), Lang::Fr).unwrap();
    assert_eq!(l.date_text, "2 décembre 2026");
}

#[test]
fn swiss_letters_cite_the_dsg_and_the_lpd() {
    let de = letter::render(&request("ch_nfadp", RequestType::Access), Lang::De).unwrap();
    assert!(de.body.contains("gemäß Art. 25 DSG geltend"), "{}", de.body);
    assert!(de.body.contains("(Art. 25 Abs. 2 Bst. b)"), "{}", de.body);
    assert!(de.body.contains("(Art. 25 Abs. 7 DSG)"), "{}", de.body);
    assert!(de.subject.contains("nach DSG"));
    let fr = letter::render(&request("ch_nfadp", RequestType::Access), Lang::Fr).unwrap();
    assert!(fr.body.contains("en vertu de l'art. 25 LPD"), "{}", fr.body);
    assert!(fr.body.contains("(art. 25, al. 2, let. b)"), "{}", fr.body);
    assert!(fr.body.contains("(art. 25, al. 7, LPD)"), "{}", fr.body);
    let r = letter::render(&reminder("ch_nfadp", RequestType::Access), Lang::De).unwrap();
    assert!(
        r.body.contains(
            "an den Eidgenössischen Datenschutz- und Öffentlichkeitsbeauftragten (EDÖB) wenden"
        ),
        "{}",
        r.body
    );
    // The DSG has no opt-out of sale: the closest right, said so in German.
    let fallback = letter::render(&request("ch_nfadp", RequestType::OptOutSale), Lang::De).unwrap();
    assert!(
        fallback.body.contains(
            "das hier anwendbare Recht (DSG) sieht kein eigenes Recht, dem Verkauf personenbezogener Daten zu widersprechen, vor"
        ),
        "{}",
        fallback.body
    );
    // German and French are usual under the DSG: no note about the language.
    assert!(!de.notes_for_user.iter().any(|n| n.contains("Englisch")));
}

#[test]
fn us_letters_in_german_or_french_keep_the_us_sections_and_say_so() {
    let de = letter::render(&request("us_ca_ccpa", RequestType::Erasure), Lang::De).unwrap();
    assert!(
        de.body.contains("gemäß Cal. Civ. Code § 1798.105 (CCPA)"),
        "{}",
        de.body
    );
    assert!(
        de.notes_for_user
            .iter()
            .any(|n| n.contains("meist auf Englisch")),
        "{:?}",
        de.notes_for_user
    );
    let fr = letter::render(&request("us_ca_ccpa", RequestType::Erasure), Lang::Fr).unwrap();
    assert!(
        fr.body
            .contains("en vertu de Cal. Civ. Code § 1798.105 (CCPA)"),
        "{}",
        fr.body
    );
    assert!(fr
        .notes_for_user
        .iter()
        .any(|n| n.contains("d'ordinaire rédigées en anglais")));
    // English letters keep the data's spelling and get no such note.
    let en = letter::render(&request("us_ca_ccpa", RequestType::Erasure), Lang::En).unwrap();
    assert!(
        en.body
            .contains("under Cal. Civ. Code 1798.105 of the CCPA"),
        "{}",
        en.body
    );
    assert!(!en.notes_for_user.iter().any(|n| n.contains("English")));
}

#[test]
fn a_german_company_gets_a_german_letter_and_the_user_can_switch() {
    let entry = Directory::builtin()
        .get("zalando")
        .expect("zalando in the directory");
    assert_eq!(entry.request_language.as_deref(), Some("de"));
    let choice = choose_lang(None, entry.request_language.as_deref(), Some("en-GB"));
    assert_eq!(
        (choice.lang, choice.source),
        (Lang::De, LangSource::Company)
    );
    let l = letter::render(&request("eu_gdpr", RequestType::Access), choice.lang).unwrap();
    assert!(l.body.contains("Art. 15 DSGVO"));
    for lang in [Lang::En, Lang::Fr] {
        let choice = choose_lang(Some(lang), entry.request_language.as_deref(), None);
        assert_eq!(choice.source, LangSource::User);
        let l = letter::render(&request("eu_gdpr", RequestType::Access), choice.lang).unwrap();
        assert_eq!(l.lang, lang);
    }
    let french = Directory::builtin().get("decathlon").unwrap();
    assert_eq!(
        choose_lang(None, french.request_language.as_deref(), None).lang,
        Lang::Fr
    );
}

/// The text a PDF shows: its strings, decoded from WinAnsi (pdf-writer writes literal
/// strings for ASCII and hex strings otherwise).
fn pdf_text(pdf: &[u8]) -> String {
    let s = String::from_utf8_lossy(pdf);
    let mut out = String::new();
    let mut rest = &s[..];
    while let Some(at) = rest.find(['<', '(']) {
        let open = rest.as_bytes()[at];
        rest = &rest[at + 1..];
        if open == b'<' {
            if rest.starts_with('<') {
                rest = &rest[1..];
                continue;
            }
            let end = rest.find('>').unwrap_or(rest.len());
            let hex = &rest[..end];
            if hex.chars().all(|c| c.is_ascii_hexdigit()) && hex.len().is_multiple_of(2) {
                for i in (0..hex.len()).step_by(2) {
                    let b = u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
                    out.push(match b {
                        0x9C => 'œ',
                        0x8C => 'Œ',
                        0x84 => '„',
                        0x93 => '“',
                        0x92 => '’',
                        b => b as char,
                    });
                }
                out.push('\n');
            }
            rest = &rest[end.min(rest.len())..];
        } else {
            let end = rest.find(')').unwrap_or(rest.len());
            out.push_str(&rest[..end]);
            out.push('\n');
            rest = &rest[end.min(rest.len())..];
        }
    }
    out
}

#[test]
fn pdf_keeps_german_and_french_characters() {
    let mut inp = request("eu_gdpr", RequestType::Rectification);
    inp.options.corrections = vec![Correction {
        field: "Adresse".into(),
        wrong: Some("Cœur Straße".into()),
        correct: "Cœur Strasse".into(),
    }];
    let de = letter::render(&inp, Lang::De).unwrap();
    let text = pdf_text(&pdf::to_pdf(&de));
    for word in ["Grüßen", "Berichtigung", "„Cœur Straße“", "Seite 1 von"] {
        assert!(text.contains(word), "`{word}` not in the PDF:\n{text}");
    }
    let fr = letter::render(&inp, Lang::Fr).unwrap();
    let text = pdf_text(&pdf::to_pdf(&fr));
    for word in [
        "agréer",
        "données",
        "à",
        "«\u{a0}Cœur Straße\u{a0}»",
        "Réf. FP-2026-12-LANG01",
        "réception",
    ] {
        assert!(text.contains(word), "`{word}` not in the PDF:\n{text}");
    }
}

#[test]
fn eml_subject_and_body_carry_the_accents() {
    let l = letter::render(&request("eu_gdpr", RequestType::Erasure), Lang::Fr).unwrap();
    let eml = footprint_rights::eml::draft(
        &l,
        &footprint_rights::eml::EmlOptions {
            to: None,
            from: Some("robin.testperson@example.net"),
            date: chrono::DateTime::parse_from_rfc3339("2026-12-02T12:00:00Z").unwrap(),
        },
    )
    .unwrap();
    assert!(eml.is_ascii(), "a 7-bit message");
    // RFC 2047 encoded word for the subject (UTF-8), quoted-printable é (=C3=A9) in the body.
    assert!(eml.contains("Subject: =?UTF-8?"), "{eml}");
    assert!(eml.contains("=C3=A9"), "{eml}");
}

#[test]
fn snapshot_german_and_french_letters() {
    let de = letter::render(&request("eu_gdpr", RequestType::Access), Lang::De).unwrap();
    insta::assert_snapshot!("gdpr_access_de", de.to_text());
    let fr = letter::render(&complaint("eu_gdpr", RequestType::Erasure), Lang::Fr).unwrap();
    insta::assert_snapshot!("gdpr_erasure_complaint_fr", fr.to_text());
}
