//! Data-rights requests end to end on a generated Facebook export: bulk erasure requests to
//! every advertiser that uploaded the user's contact list, letters that cite the export, legal
//! due dates (GDPR month and weekend rule, CCPA 45 days), marking sent, overdue, removal of the
//! archive, illegal transitions and every output format.

use chrono::{DateTime, NaiveDate};
use footprint_core::query::CompanyQuery;
use footprint_core::requests::{
    ContactInput, LetterFormat, LetterType, NewRequestInput, RequestAction, RequestSpec,
};
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use footprint_fixtures::meta::{generate_facebook, FacebookSpec};
use footprint_fixtures::names;
use footprint_rights::{EvidenceRelation, RequestOptions, RequestType};
use std::path::PathBuf;

const CONTACT_LIST_FILE: &str =
    "ads_information/advertisers_who_uploaded_a_contact_list_with_your_information.json";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    zip: Vec<PathBuf>,
}

fn fixture(spec: FacebookSpec) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let zip = generate_facebook(&spec, &dir.path().join("facebook.zip")).unwrap();
    let mut store = Store::open(&dir.path().join("fp.db")).unwrap();
    import(&mut store, &zip);
    Fixture {
        _dir: dir,
        store,
        zip,
    }
}

fn import(store: &mut Store, zip: &[PathBuf]) {
    let opts = ImportOptions {
        now_ms: Some(1_767_000_000_000),
        ..Default::default()
    };
    import_export(store, zip, &opts).unwrap();
}

fn spec(store: &Store, t: RequestType, regime: &str, today: NaiveDate) -> RequestSpec {
    RequestSpec {
        request_type: t,
        regime: regime.into(),
        identities: store.default_request_identities().unwrap(),
        channel: None,
        options: RequestOptions::default(),
        postal_delay_days: None,
        calendar: None,
        lang: None,
        user_language: None,
        today,
    }
}

fn uploader_ids(store: &Store) -> Vec<i64> {
    let mut ids: Vec<i64> = store
        .companies(&CompanyQuery {
            relation: Some("uploaded_contact_list".into()),
            ..Default::default()
        })
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    ids.sort();
    ids
}

fn company_id(store: &Store, name: &str) -> i64 {
    store.find_company(name).unwrap().unwrap()
}

fn text(store: &Store, reference: &str, kind: LetterType, today: NaiveDate) -> String {
    let out = store
        .render_letter(reference, LetterFormat::Txt, kind, today)
        .unwrap();
    String::from_utf8(out.bytes).unwrap()
}

fn export_day(store: &Store) -> NaiveDate {
    let ms = store.archives().unwrap()[0]
        .export_date
        .expect("zip entries carry times");
    DateTime::from_timestamp_millis(ms).unwrap().date_naive()
}

#[test]
fn bulk_erasure_reaches_every_contact_list_uploader_and_cites_the_export() {
    // Real exports put everything under a folder named after the user.
    let mut f = fixture(FacebookSpec {
        top_folder: true,
        ..Default::default()
    });
    let today = day(2026, 1, 31);
    let exported = export_day(&f.store).format("%Y-%m-%d").to_string();
    let top_folder: String = rusqlite::Connection::open(f.store.path().unwrap())
        .unwrap()
        .query_row("SELECT path FROM files LIMIT 1", [], |r| {
            r.get::<_, String>(0)
        })
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_string();
    assert!(top_folder.starts_with("facebook-"), "{top_folder}");
    let uploaders = uploader_ids(&f.store);
    assert!(
        uploaders.len() >= 3,
        "fixture has contact-list uploaders: {uploaders:?}"
    );

    let s = spec(&f.store, RequestType::Erasure, "gdpr", today);
    let email = s.identities[0].value.clone();
    assert_eq!(s.identities.len(), 1, "letters carry one e-mail by default");
    let bulk = f
        .store
        .create_requests_for_relation("uploaded_contact_list", &s)
        .unwrap();
    assert!(bulk.skipped.is_empty());
    let mut created: Vec<i64> = bulk.created.iter().map(|r| r.company_id.unwrap()).collect();
    created.sort();
    assert_eq!(created, uploaders, "one request per uploading company");
    let mut refs: Vec<&str> = bulk.created.iter().map(|r| r.reference.as_str()).collect();
    refs.sort();
    refs.dedup();
    assert_eq!(refs.len(), uploaders.len(), "references are unique");

    // The identities the user did not select stay out of every letter.
    let others: Vec<String> = f
        .store
        .identities()
        .unwrap()
        .into_iter()
        .filter(|i| i.kind == "phone" || i.kind == "birth_date")
        .map(|i| i.value)
        .collect();
    assert!(
        !others.is_empty(),
        "the export has a phone number to keep out"
    );

    let mut cited_file = 0;
    for r in &bulk.created {
        assert_eq!(r.status, "draft");
        assert_eq!(r.regime, "eu_gdpr");
        assert_eq!(r.request_type, "erasure");
        let detail = f.store.request(&r.reference, today).unwrap();
        let ev = detail.evidence.first().expect("evidence is cited");
        assert_eq!(
            ev.relation, "uploaded_contact_list",
            "the batch's relation leads"
        );
        assert_eq!(ev.platform, "Meta");
        let letter = text(&f.store, &r.reference, LetterType::Request, today);
        assert!(letter.contains(&r.reference), "{letter}");
        assert!(
            letter.contains(&format!(
                "Your company uploaded a list containing my contact information to Meta, as shown in my Meta export of {exported}"
            )),
            "{letter}"
        );
        for file in &ev.files {
            assert!(
                letter.contains(file.as_str()),
                "letter cites {file}:\n{letter}"
            );
        }
        // A company named in both advertiser files keeps one record (deduplicated), so only
        // some letters cite the dedicated file; each cites the files its evidence came from.
        if letter.contains(CONTACT_LIST_FILE) {
            cited_file += 1;
        }
        assert!(letter.contains(&email));
        for o in others.iter().chain([&top_folder]) {
            assert!(!letter.contains(o.as_str()), "{o} leaked into:\n{letter}");
        }
        assert!(
            letter.contains("Art. 17"),
            "erasure cites GDPR Art. 17:\n{letter}"
        );
    }
    assert!(cited_file > 0, "some letters cite {CONTACT_LIST_FILE}");

    // Running it again adds nothing: every company already has an open request.
    let again = f
        .store
        .create_requests_for_relation("uploaded_contact_list", &s)
        .unwrap();
    assert!(again.created.is_empty());
    assert_eq!(again.skipped.len(), uploaders.len());
    assert_eq!(f.store.requests(today).unwrap().len(), uploaders.len());
}

#[test]
fn a_refused_batch_writes_nothing_and_bad_names_are_explained() {
    let mut f = fixture(FacebookSpec::default());
    let today = day(2026, 1, 31);
    // The CCPA has no right to restriction and no fallback: refused for the whole batch.
    let err = f
        .store
        .create_requests_for_relation(
            "uploaded_contact_list",
            &spec(&f.store, RequestType::Restriction, "ccpa", today),
        )
        .unwrap_err();
    assert_eq!(err.code(), "right_not_in_regime", "{err}");
    assert!(f.store.requests(today).unwrap().is_empty());

    let err = f
        .store
        .create_requests_for_relation(
            "sold_my_soul",
            &spec(&f.store, RequestType::Access, "gdpr", today),
        )
        .unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("uploaded_contact_list"), "{err}");

    let err = f
        .store
        .create_requests_for_relation(
            "uploaded_contact_list",
            &spec(&f.store, RequestType::Access, "hipaa", today),
        )
        .unwrap_err();
    assert!(err.to_string().contains("unknown regime `hipaa`"), "{err}");

    let err = f
        .store
        .create_request(&NewRequestInput {
            company_id: 999_999,
            spec: spec(&f.store, RequestType::Access, "gdpr", today),
            contact: None,
        })
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
}

#[test]
fn gdpr_month_with_weekend_rule_sending_recomputes_and_overdue_surfaces() {
    let mut f = fixture(FacebookSpec::default());
    let created = day(2026, 1, 31);
    let ids = uploader_ids(&f.store);
    let new = |store: &mut Store, id: i64| {
        store
            .create_request(&NewRequestInput {
                company_id: id,
                spec: spec(store, RequestType::Erasure, "eu_gdpr", created),
                contact: None,
            })
            .unwrap()
    };
    let first = new(&mut f.store, ids[0]);
    // Sat 31 Jan 2026 + 1 month = Sat 28 Feb (no 31st) -> Mon 2 Mar 2026.
    assert_eq!(first.due_date, Some(day(2026, 3, 2)));
    assert!(first.due_planned);
    let detail = f.store.request(&first.reference, created).unwrap();
    let due = detail.due.as_ref().unwrap();
    assert!(due.rule_text.contains("Saturday"), "{}", due.rule_text);
    assert_eq!(due.cite, "GDPR Art. 12(3)");
    assert_eq!(detail.summary.next_action.as_ref().unwrap().action, "send");
    assert!(detail.allowed_actions.contains(&"sent".to_string()));
    assert!(!detail.allowed_actions.contains(&"fulfilled".to_string()));

    // Sent ten days later: the month runs from then.
    let sent = f
        .store
        .mark_request(
            &first.reference,
            &RequestAction::Sent {
                proof: Some("sent from my mailbox".into()),
            },
            day(2026, 2, 10),
            None,
        )
        .unwrap();
    assert_eq!(sent.summary.status, "sent");
    assert_eq!(sent.summary.due_date, Some(day(2026, 3, 10)));
    assert!(!sent.summary.due_planned);
    assert_eq!(sent.received, Some(day(2026, 2, 10)));
    assert_eq!(
        sent.proof_of_sending.as_deref(),
        Some("sent from my mailbox")
    );
    // The stored row agrees after reopening the list.
    let listed = f.store.requests(day(2026, 2, 11)).unwrap();
    assert_eq!(listed[0].due_date, Some(day(2026, 3, 10)));

    // A second request, still a draft, due earlier on paper.
    let second = new(&mut f.store, ids[1]);
    assert_eq!(second.due_date, Some(day(2026, 3, 2)));

    // On the due date nothing is overdue; by due date the draft comes first.
    let on_due = f.store.requests(day(2026, 3, 10)).unwrap();
    assert!(on_due.iter().all(|r| !r.overdue));
    assert_eq!(on_due[0].reference, second.reference);

    // The day after, the sent request is overdue and leads the list.
    let after = f.store.requests(day(2026, 3, 11)).unwrap();
    assert_eq!(after[0].reference, first.reference);
    assert!(after[0].overdue);
    assert_eq!(after[0].status_today, "overdue");
    assert_eq!(after[0].days_overdue, Some(1));
    assert_eq!(
        after[0].next_action.as_ref().unwrap().action,
        "send_reminder"
    );
    assert!(!after[1].overdue, "a draft is never overdue");

    // The reminder gives 14 days and cites the original request.
    f.store
        .mark_request(
            &first.reference,
            &RequestAction::ReminderSent,
            day(2026, 3, 11),
            None,
        )
        .unwrap();
    let reminder = text(
        &f.store,
        &first.reference,
        LetterType::Reminder,
        day(2026, 3, 20),
    );
    assert!(reminder.contains(&first.reference));
    assert!(reminder.contains("10 February 2026"), "{reminder}");
    let d = f.store.request(&first.reference, day(2026, 3, 12)).unwrap();
    assert_eq!(d.summary.due_date, Some(day(2026, 3, 25)));
    assert_eq!(
        d.messages.iter().filter(|m| m.kind == "reminder").count(),
        1
    );
}

#[test]
fn ccpa_gives_45_calendar_days() {
    let mut f = fixture(FacebookSpec::default());
    let ids = uploader_ids(&f.store);
    let r = f
        .store
        .create_request(&NewRequestInput {
            company_id: ids[0],
            spec: spec(&f.store, RequestType::Access, "ccpa", day(2026, 1, 31)),
            contact: None,
        })
        .unwrap();
    assert_eq!(r.regime, "us_ca_ccpa");
    // 31 Jan + 45 days = Tue 17 Mar 2026.
    assert_eq!(r.due_date, Some(day(2026, 3, 17)));
    let d = f.store.request(&r.reference, day(2026, 1, 31)).unwrap();
    assert!(
        d.due.unwrap().rule_text.contains("45"),
        "rule names the period"
    );
}

#[test]
fn illegal_transitions_are_refused_and_change_nothing() {
    let mut f = fixture(FacebookSpec::default());
    let ids = uploader_ids(&f.store);
    let today = day(2026, 1, 31);
    let r = f
        .store
        .create_request(&NewRequestInput {
            company_id: ids[0],
            spec: spec(&f.store, RequestType::Access, "gdpr", today),
            contact: None,
        })
        .unwrap();
    let err = f
        .store
        .mark_request(
            &r.reference,
            &RequestAction::Fulfilled,
            day(2026, 2, 1),
            None,
        )
        .unwrap_err();
    assert_eq!(err.code(), "transition");
    assert!(err.to_string().contains("never sent"), "{err}");
    assert_eq!(
        f.store.request(&r.reference, today).unwrap().summary.status,
        "draft"
    );

    f.store
        .mark_request(
            &r.reference,
            &RequestAction::Sent { proof: None },
            day(2026, 2, 2),
            None,
        )
        .unwrap();
    let err = f
        .store
        .mark_request(
            &r.reference,
            &RequestAction::Sent { proof: None },
            day(2026, 2, 3),
            None,
        )
        .unwrap_err();
    assert_eq!(err.code(), "transition");
    // No reminder while the company still has time.
    let err = f
        .store
        .mark_request(
            &r.reference,
            &RequestAction::ReminderSent,
            day(2026, 2, 20),
            None,
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("still has until 2026-03-02"),
        "{err}"
    );
    // No date before the last recorded one.
    let err = f
        .store
        .mark_request(
            &r.reference,
            &RequestAction::Acknowledged,
            day(2026, 2, 1),
            None,
        )
        .unwrap_err();
    assert_eq!(err.code(), "date_order");
    let d = f.store.request(&r.reference, day(2026, 2, 20)).unwrap();
    assert_eq!(d.history.len(), 2, "only draft and sent were recorded");
    assert_eq!(d.summary.updated, day(2026, 2, 2));

    let err = f
        .store
        .mark_request("FP-2026-01-NOPE00", &RequestAction::Closed, today, None)
        .unwrap_err();
    assert_eq!(err.code(), "not_found");

    // Denied with the company's words as the reason, then closed; closed is final.
    f.store
        .mark_request(
            &r.reference,
            &RequestAction::Denied {
                reason: footprint_core::requests::DenialKind::Other,
            },
            day(2026, 2, 20),
            Some("says it holds nothing"),
        )
        .unwrap();
    let d = f.store.request(&r.reference, day(2026, 2, 20)).unwrap();
    let last = d.history.last().unwrap();
    assert_eq!(last.status, "denied");
    assert_eq!(last.denial_text.as_deref(), Some("says it holds nothing"));
    f.store
        .mark_request(&r.reference, &RequestAction::Closed, day(2026, 2, 21), None)
        .unwrap();
    let err = f
        .store
        .mark_request(
            &r.reference,
            &RequestAction::Escalated,
            day(2026, 2, 22),
            None,
        )
        .unwrap_err();
    assert_eq!(err.code(), "transition");
    assert!(f
        .store
        .request(&r.reference, day(2026, 2, 22))
        .unwrap()
        .allowed_actions
        .is_empty());

    // Closed requests go to the end of the list, after a draft due later.
    let later = f
        .store
        .create_request(&NewRequestInput {
            company_id: ids[1],
            spec: spec(&f.store, RequestType::Access, "gdpr", day(2026, 2, 22)),
            contact: None,
        })
        .unwrap();
    assert!(later.due_date > Some(day(2026, 3, 2)));
    let list = f.store.requests(day(2026, 2, 22)).unwrap();
    assert_eq!(list[0].reference, later.reference);
    assert_eq!(list[1].reference, r.reference);
    assert_eq!(list[1].status, "closed");
}

#[test]
fn requests_survive_removing_the_archive_and_relink_on_reimport() {
    let mut f = fixture(FacebookSpec::default());
    let ids = uploader_ids(&f.store);
    let today = day(2026, 1, 31);
    let r = f
        .store
        .create_request(&NewRequestInput {
            company_id: ids[0],
            spec: spec(&f.store, RequestType::Erasure, "gdpr", today),
            contact: None,
        })
        .unwrap();
    let before = text(&f.store, &r.reference, LetterType::Request, today);
    let archive = f.store.archives().unwrap()[0].id;
    f.store.remove_archive(archive).unwrap();
    assert!(f
        .store
        .companies(&CompanyQuery::default())
        .unwrap()
        .is_empty());

    let list = f.store.requests(today).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(
        list[0].company_id, None,
        "no archive names the company any more"
    );
    let db = rusqlite::Connection::open(f.store.path().unwrap()).unwrap();
    let (dangling, linked): (i64, i64) = db
        .query_row(
            "SELECT (SELECT count(*) FROM pragma_foreign_key_check('requests')),
                    (SELECT count(*) FROM requests WHERE company_id IS NOT NULL)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (dangling, linked),
        (0, 0),
        "the link was cleared, not left dangling"
    );
    assert_eq!(list[0].company_name, r.company_name);
    let d = f.store.request(&r.reference, today).unwrap();
    assert!(!d.evidence.is_empty(), "the evidence is a frozen copy");
    assert_eq!(
        text(&f.store, &r.reference, LetterType::Request, today),
        before
    );

    // Importing the export again finds the company again, under its new id.
    import(&mut f.store, &f.zip.clone());
    let list = f.store.requests(today).unwrap();
    let again = company_id(&f.store, &r.company_name);
    assert_eq!(list[0].company_id, Some(again));
}

#[test]
fn letters_render_as_pdf_eml_ics_and_mailto() {
    let mut f = fixture(FacebookSpec::default());
    let today = day(2026, 1, 31);
    // An uploader the directory has a GDPR e-mail for (the fixture's uploaders are ad-tech
    // firms; some list contacts for other laws only).
    let (id, email) = uploader_ids(&f.store)
        .into_iter()
        .find_map(|id| {
            let m = f.store.directory_entry(id).unwrap()?;
            let email = m
                .contacts
                .iter()
                .filter(|c| c.regimes.is_empty() || c.regimes.iter().any(|r| r == "eu_gdpr"))
                .find_map(|c| c.email.clone())?;
            Some((id, email))
        })
        .expect("an uploader with a known GDPR privacy e-mail");
    let r = f
        .store
        .create_request(&NewRequestInput {
            company_id: id,
            spec: spec(&f.store, RequestType::Erasure, "gdpr", today),
            contact: None,
        })
        .unwrap();
    assert_eq!(r.channel, "email");

    let pdf = f
        .store
        .render_letter(&r.reference, LetterFormat::Pdf, LetterType::Request, today)
        .unwrap();
    assert!(pdf.bytes.starts_with(b"%PDF"));
    assert_eq!(pdf.file_name, format!("{}-request.pdf", r.reference));
    assert_eq!(pdf.media_type, "application/pdf");

    let eml = f
        .store
        .render_letter(&r.reference, LetterFormat::Eml, LetterType::Request, today)
        .unwrap();
    let eml = String::from_utf8(eml.bytes).unwrap();
    assert!(eml.starts_with("X-Unsent: 1\r\n"), "{eml}");
    assert!(eml.contains(&format!("To: {email}\r\n")), "{eml}");
    assert!(eml.contains(&format!("X-Footprint-Reference: {}", r.reference)));

    let mailto = f
        .store
        .render_letter(
            &r.reference,
            LetterFormat::Mailto,
            LetterType::Request,
            today,
        )
        .unwrap();
    assert!(String::from_utf8(mailto.bytes)
        .unwrap()
        .starts_with(&format!("mailto:{email}?subject=")));

    // A draft's calendar assumes it is sent today: due Mon 2 Mar 2026.
    let ics = f
        .store
        .render_letter(&r.reference, LetterFormat::Ics, LetterType::Request, today)
        .unwrap();
    assert!(!ics.notes_for_user.is_empty());
    let ics = String::from_utf8(ics.bytes).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20260302"), "{ics}");
    assert!(ics.contains(&format!("UID:{}-due@footprint.local", r.reference)));

    // No reminder or complaint for a request never sent.
    let err = f
        .store
        .render_letter(&r.reference, LetterFormat::Txt, LetterType::Reminder, today)
        .unwrap_err();
    assert_eq!(err.code(), "transition");
}

#[test]
fn unknown_companies_get_no_contact_until_the_user_fills_it_in() {
    // 200 advertisers: the uploaders are then invented shops no directory knows.
    let mut f = fixture(FacebookSpec {
        advertisers: 200,
        contact_list_uploaders: 2,
        ..Default::default()
    });
    let today = day(2026, 1, 31);
    let shop = names::company(100);
    let id = company_id(&f.store, &shop);
    assert!(
        f.store.directory_entry(id).unwrap().is_none(),
        "{shop} is not in the directory"
    );
    // The platform itself is: Meta's web form.
    let meta = f
        .store
        .directory_entry(company_id(&f.store, "Meta"))
        .unwrap()
        .unwrap();
    assert_eq!(meta.slug, "meta");
    assert!(meta.contacts.iter().any(|c| c.web_form.is_some()));

    let ev = f.store.evidence_for(id).unwrap();
    let upload = ev
        .iter()
        .find(|e| e.relation == EvidenceRelation::UploadedContactList)
        .unwrap();
    assert_eq!(upload.export_date, Some(export_day(&f.store)));
    assert_eq!(upload.files, vec![CONTACT_LIST_FILE.to_string()]);
    assert_eq!(upload.record_count, Some(1));

    let r = f
        .store
        .create_request(&NewRequestInput {
            company_id: id,
            spec: spec(&f.store, RequestType::Access, "gdpr", today),
            contact: None,
        })
        .unwrap();
    let d = f.store.request(&r.reference, today).unwrap();
    assert_eq!(d.contact.name, shop);
    assert_eq!(d.missing_contact, vec!["e-mail address".to_string()]);
    let err = f
        .store
        .render_letter(&r.reference, LetterFormat::Eml, LetterType::Request, today)
        .unwrap_err();
    assert_eq!(err.code(), "missing_contact");
    let txt = f
        .store
        .render_letter(&r.reference, LetterFormat::Txt, LetterType::Request, today)
        .unwrap();
    assert!(
        !txt.notes_for_user.is_empty(),
        "the user is told to fill in the address"
    );

    let d = f
        .store
        .set_request_contact(
            &r.reference,
            &ContactInput {
                email: Some("privacy@shop.example".into()),
                ..Default::default()
            },
            today,
        )
        .unwrap();
    assert!(d.missing_contact.is_empty());
    let eml = f
        .store
        .render_letter(&r.reference, LetterFormat::Eml, LetterType::Request, today)
        .unwrap();
    assert!(String::from_utf8(eml.bytes)
        .unwrap()
        .contains("To: privacy@shop.example\r\n"));

    f.store.delete_request(&r.reference).unwrap();
    assert!(f.store.requests(today).unwrap().is_empty());
}
