//! Did they really delete? Two generations of one persona's Facebook export: an erasure request
//! to an advertiser, marked fulfilled, then a later export with or without that advertiser;
//! the request says "still listed" with the file, or "not found", and its follow-up letters
//! cite it. An export older than the fulfilment, and a request not fulfilled, get no verdict.

use chrono::NaiveDate;
use footprint_core::requests::{
    ComplaintTo, LetterFormat, LetterType, NewRequestInput, RequestAction, RequestSpec,
};
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use footprint_fixtures::meta::{generate_facebook, FacebookSpec};
use footprint_rights::{RequestOptions, RequestType};
use std::path::{Path, PathBuf};

const ADVERTISERS_FILE: &str = "ads_information/advertisers_using_your_activity_or_information.json";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The advertiser the request is about: in no other list of the export.
fn advertiser() -> String {
    FacebookSpec::advertiser_name(0)
}

fn export(dir: &Path, name: &str, made: Option<NaiveDate>, without: Vec<String>) -> Vec<PathBuf> {
    let spec = FacebookSpec {
        top_folder: true,
        made,
        without,
        ..Default::default()
    };
    generate_facebook(&spec, &dir.join(name)).unwrap()
}

fn import(store: &mut Store, zip: &[PathBuf]) {
    let opts = ImportOptions {
        now_ms: Some(1_767_000_000_000),
        ..Default::default()
    };
    let out = import_export(store, zip, &opts).unwrap();
    assert!(!out.already_imported, "a new export: {zip:?}");
}

struct Setup {
    dir: tempfile::TempDir,
    store: Store,
    reference: String,
}

/// The first export (made 2024-03-02) imported and an erasure request to the advertiser sent
/// on 2024-03-05.
fn erasure_request() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let first = export(dir.path(), "first.zip", None, Vec::new());
    let mut store = Store::open(&dir.path().join("fp.db")).unwrap();
    import(&mut store, &first);
    let company_id = store.find_company(&advertiser()).unwrap().unwrap();
    let spec = RequestSpec {
        request_type: RequestType::Erasure,
        regime: "gdpr".into(),
        identities: store.default_request_identities().unwrap(),
        channel: None,
        options: RequestOptions::default(),
        postal_delay_days: None,
        calendar: None,
        today: day(2024, 3, 5),
        lang: None,
        user_language: None,
    };
    let created = store
        .create_request(&NewRequestInput {
            company_id,
            spec,
            contact: None,
        })
        .unwrap();
    store
        .mark_request(
            &created.reference,
            &RequestAction::Sent { proof: None },
            day(2024, 3, 5),
            None,
        )
        .unwrap();
    Setup {
        dir,
        store,
        reference: created.reference,
    }
}

fn fulfil(s: &mut Setup, on: NaiveDate) {
    s.store
        .mark_request(&s.reference, &RequestAction::Fulfilled, on, None)
        .unwrap();
}

fn letter(s: &Setup, kind: LetterType) -> String {
    let out = match kind {
        LetterType::Complaint => s.store.render_letter_to(
            &s.reference,
            LetterFormat::Txt,
            kind,
            day(2024, 7, 1),
            &ComplaintTo {
                country: Some("FR".into()),
                ..Default::default()
            },
        ),
        _ => s
            .store
            .render_letter(&s.reference, LetterFormat::Txt, kind, day(2024, 7, 1)),
    }
    .unwrap();
    String::from_utf8(out.bytes).unwrap()
}

#[test]
fn a_later_export_that_still_lists_the_company_says_so_with_the_file() {
    let mut s = erasure_request();
    fulfil(&mut s, day(2024, 4, 2));
    let later = export(s.dir.path(), "later.zip", Some(day(2024, 6, 1)), Vec::new());
    import(&mut s.store, &later);

    let d = s.store.request(&s.reference, day(2024, 7, 1)).unwrap();
    assert_eq!(d.deletion_checks.len(), 1, "{:?}", d.deletion_checks);
    let c = &d.deletion_checks[0];
    assert!(c.still_listed);
    assert_eq!(c.platform, "facebook");
    assert_eq!(c.export_date, day(2024, 6, 1));
    assert_eq!(c.fulfilled, day(2024, 4, 2));
    assert!(c.records > 0);
    assert!(c.files.contains(&ADVERTISERS_FILE.to_string()), "{:?}", c.files);
    assert!(
        c.files.iter().all(|f| !f.starts_with("facebook-")),
        "the top folder (named after the user) is left out: {:?}",
        c.files
    );
    assert_eq!(c.platform_name, "Facebook", "from the platform's descriptor");
    assert!(
        c.sentence.starts_with("Still listed in your Facebook export of 2024-06-01, files ")
            && c.sentence.contains(ADVERTISERS_FILE),
        "{}",
        c.sentence
    );
    assert_eq!(d.summary.deletion_check.as_ref(), Some(c), "the list flags it");
    assert_eq!(
        d.follow_up_letters,
        vec![LetterType::Reminder, LetterType::Complaint]
    );

    // The reminder and the complaint cite the later export and its file.
    let reminder = letter(&s, LetterType::Reminder);
    assert!(reminder.contains("export of 1 June 2024"), "{reminder}");
    assert!(reminder.contains(ADVERTISERS_FILE), "{reminder}");
    assert!(reminder.contains("you told me that my data had been erased"), "{reminder}");
    assert!(reminder.contains("my data is still held after my erasure request"), "subject: {reminder}");
    assert!(!reminder.contains("The time to answer ended"), "the company answered in time: {reminder}");
    let complaint = letter(&s, LetterType::Complaint);
    assert!(complaint.contains(ADVERTISERS_FILE), "{complaint}");
    assert!(complaint.contains("CNIL") || complaint.contains("Commission Nationale"), "to the French authority: {complaint}");
    assert!(!complaint.contains("has not answered"), "{complaint}");
    assert!(complaint.contains("my personal data was not erased as I asked"), "subject: {complaint}");
    assert!(complaint.contains("Art. 17 of the GDPR, although it told me it had"), "{complaint}");

    // Stored durably: a new connection reads the same verdict.
    let path = s.store.path().unwrap().to_path_buf();
    drop(s.store);
    let again = Store::open(&path).unwrap();
    assert_eq!(
        again.request(&s.reference, day(2024, 7, 1)).unwrap().deletion_checks,
        d.deletion_checks
    );
}

#[test]
fn a_later_export_without_the_company_is_consistent_with_deletion() {
    let mut s = erasure_request();
    fulfil(&mut s, day(2024, 4, 2));
    let later = export(s.dir.path(), "later.zip", Some(day(2024, 6, 1)), vec![advertiser()]);
    import(&mut s.store, &later);

    let d = s.store.request(&s.reference, day(2024, 7, 1)).unwrap();
    assert_eq!(d.deletion_checks.len(), 1);
    let c = &d.deletion_checks[0];
    assert!(!c.still_listed);
    assert_eq!(c.records, 0);
    assert!(c.files.is_empty());
    assert_eq!(
        c.sentence,
        format!("Not in your {} export of 2024-06-01: consistent with deletion.", c.platform_name)
    );
    assert!(d.follow_up_letters.is_empty(), "nothing to chase");
    // A reminder written anyway says nothing of a later export.
    assert!(!letter(&s, LetterType::Reminder).contains("still names"));
}

#[test]
fn an_export_older_than_the_fulfilment_gives_no_verdict() {
    let mut s = erasure_request();
    // Made before the company said it erased (imported after, which does not matter).
    let older = export(s.dir.path(), "older.zip", Some(day(2024, 3, 20)), Vec::new());
    fulfil(&mut s, day(2024, 4, 2));
    import(&mut s.store, &older);
    let d = s.store.request(&s.reference, day(2024, 7, 1)).unwrap();
    assert!(d.deletion_checks.is_empty(), "{:?}", d.deletion_checks);
    assert!(d.summary.deletion_check.is_none());
}

#[test]
fn a_request_not_fulfilled_gets_nothing() {
    let mut s = erasure_request();
    let later = export(s.dir.path(), "later.zip", Some(day(2024, 6, 1)), Vec::new());
    import(&mut s.store, &later);
    let d = s.store.request(&s.reference, day(2024, 7, 1)).unwrap();
    assert!(d.deletion_checks.is_empty());
    assert!(s.store.requests(day(2024, 7, 1)).unwrap()[0].deletion_check.is_none());
}

#[test]
fn marking_fulfilled_after_the_later_export_was_imported_checks_it_then() {
    let mut s = erasure_request();
    let later = export(s.dir.path(), "later.zip", Some(day(2024, 6, 1)), Vec::new());
    import(&mut s.store, &later);
    fulfil(&mut s, day(2024, 4, 2));
    let d = s.store.request(&s.reference, day(2024, 7, 1)).unwrap();
    assert_eq!(d.deletion_checks.len(), 1);
    assert!(d.deletion_checks[0].still_listed);
    // The verdict survives removing the later export (the user's record), without its link.
    let archive = d.deletion_checks[0].archive_id.unwrap();
    s.store.remove_archive(archive).unwrap();
    let d = s.store.request(&s.reference, day(2024, 7, 1)).unwrap();
    assert_eq!(d.deletion_checks.len(), 1);
    assert_eq!(d.deletion_checks[0].archive_id, None);
    // Deleting the request deletes its verdicts.
    s.store.delete_request(&s.reference).unwrap();
    let n: i64 = rusqlite::Connection::open(s.store.path().unwrap())
        .unwrap()
        .query_row("SELECT count(*) FROM deletion_checks", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn the_migration_runs_twice_without_harm() {
    let sql = include_str!("../src/store/migrations/0008_deletion_checks.sql");
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch(include_str!("../src/store/migrations/0001_init.sql")).unwrap();
    conn.execute_batch(include_str!("../src/store/migrations/0002_requests.sql")).unwrap();
    conn.execute_batch(sql).unwrap();
    conn.execute_batch(sql).unwrap();
}

#[test]
fn complaints_go_to_the_stored_residence_or_the_authority_chosen() {
    use footprint_core::requests::{authority_options, Residence};
    let mut s = erasure_request();
    fulfil(&mut s, day(2024, 4, 2));
    let later = export(s.dir.path(), "later.zip", Some(day(2024, 6, 1)), Vec::new());
    import(&mut s.store, &later);

    assert_eq!(s.store.residence().unwrap(), Residence::default());
    let bad = s.store.set_residence(&Residence {
        country: Some("US".into()),
        region: None,
    });
    assert_eq!(bad.unwrap_err().code(), "invalid");
    let home = s
        .store
        .set_residence(&Residence {
            country: Some("de".into()),
            region: Some("Bayern".into()),
        })
        .unwrap();
    assert_eq!(home.country.as_deref(), Some("DE"));
    assert_eq!(home.region.as_deref(), Some("BY"));

    let options = authority_options();
    assert_eq!(options.len(), 57, "every authority is offered");
    let bavaria = options
        .iter()
        .find(|a| a.country == "DE" && a.region.as_deref() == Some("BY") && a.scope == "general")
        .unwrap();
    let to_home = s
        .store
        .complaint_recipient(&s.reference, &ComplaintTo::default())
        .unwrap();
    assert_eq!(to_home.slug.as_deref(), Some(bavaria.slug.as_str()), "{to_home:?}");
    let text = |to: &ComplaintTo| {
        let out = s
            .store
            .render_letter_to(&s.reference, LetterFormat::Txt, LetterType::Complaint, day(2024, 7, 1), to)
            .unwrap();
        String::from_utf8(out.bytes).unwrap()
    };
    assert!(text(&ComplaintTo::default()).contains(&bavaria.name));

    // Any authority of the list, over the residence.
    let dutch = options.iter().find(|a| a.country == "NL").unwrap();
    let chosen = ComplaintTo {
        authority: Some(dutch.slug.clone()),
        ..Default::default()
    };
    assert!(text(&chosen).contains(&dutch.name));
    assert_eq!(
        s.store.complaint_recipient(&s.reference, &chosen).unwrap().name,
        dutch.name
    );
    let unknown = ComplaintTo {
        authority: Some("nowhere".into()),
        ..Default::default()
    };
    assert_eq!(
        s.store.complaint_recipient(&s.reference, &unknown).unwrap_err().code(),
        "invalid"
    );

    // Clearing the country clears the Land; Delete everything forgets the residence.
    s.store.set_residence(&Residence::default()).unwrap();
    assert_eq!(s.store.residence().unwrap(), Residence::default());
    s.store
        .set_residence(&Residence {
            country: Some("FR".into()),
            region: Some("BY".into()),
        })
        .unwrap();
    assert_eq!(s.store.residence().unwrap().region, None, "a Land only for Germany");
    s.store.delete_everything().unwrap();
    assert_eq!(s.store.residence().unwrap(), Residence::default());
}
