//! The language of a request's letters on a generated Facebook export: a company whose
//! directory entry takes requests in German gets German letters by default, and the user can
//! switch a request (or one letter) to English or French.

use chrono::NaiveDate;
use footprint_core::query::CompanyQuery;
use footprint_core::requests::{Lang, LetterFormat, LetterType, NewRequestInput, RequestSpec};
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use footprint_fixtures::meta::{generate_facebook, FacebookSpec};
use footprint_rights::directory::Directory;
use footprint_rights::{RequestOptions, RequestType};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn spec(store: &Store, lang: Option<Lang>, user_language: Option<&str>) -> RequestSpec {
    RequestSpec {
        request_type: RequestType::Access,
        regime: "gdpr".into(),
        identities: store.default_request_identities().unwrap(),
        channel: None,
        options: RequestOptions::default(),
        postal_delay_days: None,
        calendar: None,
        lang,
        user_language: user_language.map(str::to_string),
        today: day(2026, 12, 2),
    }
}

/// The first company of the store whose directory entry's request language passes `pick`
/// (None: the entry says nothing, or there is no entry).
fn company_where(store: &Store, pick: impl Fn(Option<&str>) -> bool) -> i64 {
    let companies = store.companies(&CompanyQuery::default()).unwrap();
    companies
        .iter()
        .find(|c| {
            let entry = store
                .directory_entry(c.id)
                .unwrap()
                .and_then(|m| Directory::builtin().get(&m.slug));
            pick(entry.and_then(|e| e.request_language.as_deref()))
        })
        .expect("a company with such a request language")
        .id
}

fn letter(store: &Store, reference: &str, lang: Option<Lang>) -> String {
    let out = store
        .render_letter_in(
            reference,
            LetterFormat::Txt,
            LetterType::Request,
            day(2026, 12, 2),
            None,
            lang,
        )
        .unwrap();
    String::from_utf8(out.bytes).unwrap()
}

#[test]
fn a_german_company_gets_a_german_letter_and_the_user_can_switch_it() {
    let dir = tempfile::tempdir().unwrap();
    let zip = generate_facebook(
        &FacebookSpec {
            advertisers: 60,
            ..Default::default()
        },
        &dir.path().join("facebook.zip"),
    )
    .unwrap();
    let mut store = Store::open(&dir.path().join("fp.db")).unwrap();
    let opts = ImportOptions {
        now_ms: Some(1_767_000_000_000),
        ..Default::default()
    };
    import_export(&mut store, &zip, &opts).unwrap();

    let german = company_where(&store, |l| l == Some("de"));
    let created = store
        .create_request(&NewRequestInput {
            company_id: german,
            spec: spec(&store, None, Some("en-GB")),
            contact: None,
        })
        .unwrap();
    let r = created.reference.clone();
    let detail = store.request(&r, day(2026, 12, 2)).unwrap();
    assert_eq!(
        detail.letter_lang,
        Lang::De,
        "the company's language beats the user's"
    );
    let text = letter(&store, &r, None);
    assert!(text.contains("Sehr geehrte Damen und Herren,"), "{text}");
    assert!(text.contains("gemäß Art. 15 DSGVO"), "{text}");
    assert!(text.contains("2. Dezember 2026"), "{text}");

    // One letter in English, without changing the request.
    let english = letter(&store, &r, Some(Lang::En));
    assert!(english.contains("Dear Sir or Madam,"), "{english}");
    assert_eq!(
        store.request(&r, day(2026, 12, 2)).unwrap().letter_lang,
        Lang::De
    );

    // The request switched to French: its letters (and the reminder) follow.
    let detail = store
        .set_request_lang(&r, Lang::Fr, day(2026, 12, 2))
        .unwrap();
    assert_eq!(detail.letter_lang, Lang::Fr);
    let french = letter(&store, &r, None);
    assert!(french.contains("Madame, Monsieur,"), "{french}");
    assert!(
        french.contains("en vertu de l'article 15 du RGPD"),
        "{french}"
    );

    // An English-speaking company gets English, whatever the user's own language (which
    // decides only when the directory does not know; see letter::choose_lang's tests).
    let english_company = company_where(&store, |l| l == Some("en"));
    let by_company = store
        .create_request(&NewRequestInput {
            company_id: english_company,
            spec: spec(&store, None, Some("fr-CH")),
            contact: None,
        })
        .unwrap();
    let d = store
        .request(&by_company.reference, day(2026, 12, 2))
        .unwrap();
    assert_eq!(d.letter_lang, Lang::En);
    // The user's explicit choice beats everything.
    let chosen = store
        .create_request(&NewRequestInput {
            company_id: german,
            spec: RequestSpec {
                request_type: RequestType::Erasure,
                ..spec(&store, Some(Lang::En), Some("de"))
            },
            contact: None,
        })
        .unwrap();
    let d = store.request(&chosen.reference, day(2026, 12, 2)).unwrap();
    assert_eq!(d.letter_lang, Lang::En);
}
