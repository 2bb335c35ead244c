//! The company's answer to an access request: attaching its files (kept in the database with
//! size and SHA-256, streamed back out unchanged), the checklist per regime (GDPR Art. 15, the
//! CCPA's own items), the gaps becoming a follow-up letter with the original request's date and
//! a new deadline, and the answer erased from the database's files with its request or with
//! "delete everything".

use chrono::NaiveDate;
use footprint_core::requests::{
    ChecklistUpdate, LetterFormat, LetterType, NewRequestInput, RequestAction, RequestSpec, Verdict,
};
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use footprint_fixtures::meta::{generate_facebook, FacebookSpec};
use footprint_rights::{Lang, RequestOptions, RequestType};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

struct Fixture {
    dir: tempfile::TempDir,
    db: PathBuf,
    store: Store,
    company: i64,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let zip = generate_facebook(&FacebookSpec::default(), &dir.path().join("facebook.zip")).unwrap();
    let db = dir.path().join("fp.db");
    let mut store = Store::open(&db).unwrap();
    let opts = ImportOptions {
        now_ms: Some(1_767_000_000_000),
        ..Default::default()
    };
    import_export(&mut store, &zip, &opts).unwrap();
    let company = store
        .companies(&Default::default())
        .unwrap()
        .iter()
        .find(|c| !c.is_platform)
        .expect("the export names third parties")
        .id;
    Fixture {
        dir,
        db,
        store,
        company,
    }
}

/// A sent request of `t` under `regime`, sent on 2 March 2026.
fn sent_request(f: &mut Fixture, t: RequestType, regime: &str) -> String {
    let sent = day(2026, 3, 2);
    let r = f
        .store
        .create_request(&NewRequestInput {
            company_id: f.company,
            spec: RequestSpec {
                request_type: t,
                regime: regime.into(),
                identities: f.store.default_request_identities().unwrap(),
                channel: None,
                options: RequestOptions::default(),
                postal_delay_days: None,
                calendar: None,
                today: sent,
                lang: None,
                user_language: None,
            },
            contact: None,
        })
        .unwrap();
    f.store
        .mark_request(&r.reference, &RequestAction::Sent { proof: None }, sent, None)
        .unwrap();
    r.reference
}

/// A file standing for the company's answer, with a marker no other byte of the database has.
fn answer_file(dir: &Path, name: &str, marker: &str) -> (PathBuf, Vec<u8>) {
    let mut bytes = format!("Dear user, here is your data. {marker}\n").into_bytes();
    // Past one copy chunk (1 MiB), so streaming in pieces is exercised.
    bytes.extend((0..1_300_000u32).map(|i| (i % 251) as u8));
    bytes.extend(marker.as_bytes());
    let p = dir.join(name);
    std::fs::write(&p, &bytes).unwrap();
    (p, bytes)
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    footprint_core::testing::occurrences(haystack, needle) > 0
}

fn set(key: &str, verdict: Verdict, note: Option<&str>) -> ChecklistUpdate {
    ChecklistUpdate {
        key: key.into(),
        verdict: Some(verdict),
        note: note.map(str::to_string),
    }
}

fn follow_up_text(store: &Store, reference: &str, lang: &str, today: NaiveDate) -> String {
    let out = store
        .render_follow_up(reference, LetterFormat::Txt, Lang::from_code(lang), today)
        .unwrap();
    String::from_utf8(out.bytes).unwrap()
}

#[test]
fn attaching_keeps_a_copy_with_size_and_hash_and_logs_the_answer() {
    let mut f = fixture();
    let reference = sent_request(&mut f, RequestType::Access, "gdpr");
    let (path, bytes) = answer_file(f.dir.path(), "answer.pdf", "MARKER-7f3a");
    let a = f
        .store
        .attach_answer(&reference, &path, day(2026, 3, 30), day(2026, 4, 2))
        .unwrap();
    assert_eq!(a.file_name, "answer.pdf");
    assert_eq!(a.size as usize, bytes.len());
    let expected = format!("{:x}", Sha256::digest(&bytes));
    assert_eq!(a.sha256, expected);
    assert_eq!((a.received, a.attached), (day(2026, 3, 30), day(2026, 4, 2)));

    // The download may go: the copy stays, byte for byte.
    std::fs::remove_file(&path).unwrap();
    let back = f.dir.path().join("back.pdf");
    f.store.save_answer_file(&reference, a.id, &back).unwrap();
    assert_eq!(std::fs::read(&back).unwrap(), bytes);
    let refused = f.store.save_answer_file(&reference, a.id, &back).unwrap_err();
    assert!(refused.to_string().contains("cannot create"), "{refused}");

    let detail = f.store.request(&reference, day(2026, 4, 2)).unwrap();
    let m = detail.messages.last().unwrap();
    assert_eq!((m.direction.as_str(), m.kind.as_str()), ("incoming", "company_reply"));
    assert_eq!(m.date, day(2026, 3, 30));
    assert!(m.summary.starts_with("answer received: answer.pdf ("), "{}", m.summary);
    assert_eq!(m.attachment.as_deref(), Some("answer.pdf"));

    let view = f.store.access_answer(&reference).unwrap();
    assert_eq!(view.files, [a]);
    assert_eq!(view.items.len(), 10);
    assert_eq!(view.follow_up_blocker.as_deref(), Some("no item of the checklist is answered no or partly"));
}

#[test]
fn attaching_refuses_drafts_bad_dates_and_missing_files_and_writes_nothing() {
    let mut f = fixture();
    let draft = f
        .store
        .create_request(&NewRequestInput {
            company_id: f.company,
            spec: RequestSpec {
                request_type: RequestType::Access,
                regime: "gdpr".into(),
                identities: vec![],
                channel: None,
                options: RequestOptions::default(),
                postal_delay_days: None,
                calendar: None,
                today: day(2026, 3, 1),
                lang: None,
                user_language: None,
            },
            contact: None,
        })
        .unwrap()
        .reference;
    let (path, _) = answer_file(f.dir.path(), "a.txt", "X");
    let e = f.store.attach_answer(&draft, &path, day(2026, 3, 5), day(2026, 3, 5)).unwrap_err();
    assert!(e.to_string().contains("never sent"), "{e}");
    let sent = sent_request(&mut f, RequestType::Access, "gdpr");
    let e = f.store.attach_answer(&sent, &path, day(2026, 3, 1), day(2026, 3, 5)).unwrap_err();
    assert!(e.to_string().contains("must be between the day the request was sent (2026-03-02)"), "{e}");
    let e = f.store.attach_answer(&sent, &path, day(2026, 3, 9), day(2026, 3, 5)).unwrap_err();
    assert!(e.to_string().contains("and today (2026-03-05)"), "{e}");
    let e = f
        .store
        .attach_answer(&sent, &f.dir.path().join("gone.pdf"), day(2026, 3, 5), day(2026, 3, 5))
        .unwrap_err();
    assert!(e.to_string().contains("cannot read") && e.to_string().contains("gone.pdf"), "{e}");
    let empty = f.dir.path().join("empty.eml");
    std::fs::write(&empty, b"").unwrap();
    let e = f.store.attach_answer(&sent, &empty, day(2026, 3, 5), day(2026, 3, 5)).unwrap_err();
    assert!(e.to_string().contains("is empty"), "{e}");
    assert!(f.store.access_answer(&sent).unwrap().files.is_empty());
    assert!(f.store.request(&sent, day(2026, 3, 5)).unwrap().messages.iter().all(|m| m.kind != "company_reply"));
}

#[test]
fn gdpr_gaps_become_a_follow_up_letter_with_the_dates_and_a_new_month() {
    let mut f = fixture();
    let reference = sent_request(&mut f, RequestType::Access, "gdpr");
    let (first, _) = answer_file(f.dir.path(), "letter.pdf", "A");
    let (second, _) = answer_file(f.dir.path(), "export.zip", "B");
    f.store.attach_answer(&reference, &first, day(2026, 3, 20), day(2026, 3, 20)).unwrap();
    f.store.attach_answer(&reference, &second, day(2026, 3, 27), day(2026, 3, 27)).unwrap();

    let today = day(2026, 4, 20);
    let view = f
        .store
        .set_checklist(
            &reference,
            &[
                set("a", Verdict::Yes, None),
                set("b", Verdict::Yes, None),
                set("d", Verdict::No, None),
                set("h", Verdict::Partly, Some("nothing on the logic of ad targeting")),
                set("transfers", Verdict::NotApplicable, None),
            ],
            today,
        )
        .unwrap();
    assert_eq!(view.answered, 5);
    assert_eq!(view.gaps, ["d", "h"]);
    assert_eq!(view.follow_up_blocker, None);
    let h = view.items.iter().find(|i| i.key == "h").unwrap();
    assert_eq!(h.provision, "Art. 15(1)(h) GDPR");
    assert_eq!(h.note.as_deref(), Some("nothing on the logic of ad targeting"));

    // A note alone keeps the verdict; an empty note clears the note only.
    let view = f
        .store
        .set_checklist(
            &reference,
            &[ChecklistUpdate { key: "h".into(), verdict: None, note: Some(" ".into()) }],
            today,
        )
        .unwrap();
    let h = view.items.iter().find(|i| i.key == "h").unwrap();
    assert_eq!((h.verdict, h.note.as_deref()), (Some(Verdict::Partly), None));
    f.store
        .set_checklist(&reference, &[ChecklistUpdate { key: "h".into(), verdict: None, note: Some("nothing on the logic".into()) }], today)
        .unwrap();

    let text = follow_up_text(&f.store, &reference, "en", today);
    assert!(text.contains("On 2 March 2026 I asked you for access to my personal data under Art. 15 GDPR"), "{text}");
    // The latest file's date is the answer's.
    assert!(text.contains("your answer of 27 March 2026"), "{text}");
    assert!(text.contains("(Art. 15(1)(d) GDPR): missing"), "{text}");
    assert!(text.contains("(Art. 15(1)(h) GDPR): answered only in part (My remark: nothing on the logic)"), "{text}");
    assert!(!text.contains("15(1)(a)") && !text.contains("15(2)"), "{text}");
    // E-mail: received the day it is sent; one month later.
    assert!(text.contains("by 20 May 2026, one month after you receive this letter"), "{text}");
    assert!(text.contains(&reference));
    let de = follow_up_text(&f.store, &reference, "de", today);
    assert!(de.contains("(Art. 15 Abs. 1 lit. d DSGVO): fehlt"), "{de}");
    let fr = follow_up_text(&f.store, &reference, "fr", today);
    assert!(fr.contains("article 15, paragraphe 1, point h), du RGPD"), "{fr}");

    // The request's own letter API gives the English one, in every format.
    let pdf = f.store.render_letter(&reference, LetterFormat::Pdf, LetterType::FollowUp, today).unwrap();
    assert!(pdf.bytes.starts_with(b"%PDF"));
    assert_eq!(pdf.file_name, format!("{reference}-follow-up.pdf"));
    let eml = f.store.render_letter(&reference, LetterFormat::Eml, LetterType::FollowUp, today).unwrap();
    let eml = String::from_utf8(eml.bytes).unwrap();
    assert!(eml.contains("Subject: Your answer to my access request is incomplete"), "{eml}");
}

#[test]
fn ccpa_has_its_own_checklist_and_45_days() {
    let mut f = fixture();
    let reference = sent_request(&mut f, RequestType::Access, "ccpa");
    let view = f.store.access_answer(&reference).unwrap();
    let keys: Vec<&str> = view.items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, ["categories", "sources", "purpose", "third_parties", "pieces", "sold_shared"]);
    assert_eq!(view.items[1].provision, "Cal. Civ. Code 1798.110(a)(2)");
    let e = f.store.set_checklist(&reference, &[set("sources", Verdict::No, None), set("h", Verdict::No, None)], day(2026, 4, 1)).unwrap_err();
    assert!(e.to_string().contains("`h` is not an item of the checklist; items: categories, sources"), "{e}");
    // Refused whole: the valid update before the bad key was not kept.
    assert_eq!(f.store.access_answer(&reference).unwrap().answered, 0);

    let (p, _) = answer_file(f.dir.path(), "reply.eml", "C");
    f.store.attach_answer(&reference, &p, day(2026, 3, 31), day(2026, 4, 1)).unwrap();
    f.store.set_checklist(&reference, &[set("sources", Verdict::No, None), set("pieces", Verdict::Partly, None)], day(2026, 4, 1)).unwrap();
    let text = follow_up_text(&f.store, &reference, "en", day(2026, 4, 1));
    assert!(text.contains("the categories of sources from which you collected my personal information (Cal. Civ. Code 1798.110(a)(2)): missing"), "{text}");
    // 45 calendar days from 1 April 2026 is Saturday 16 May, moved to the Monday.
    assert!(text.contains("by 18 May 2026, 45 days after you receive this letter"), "{text}");
    assert!(text.contains("a complaint with the California Privacy Protection Agency"), "{text}");
}

#[test]
fn no_checklist_for_other_requests_or_before_the_answer() {
    let mut f = fixture();
    let erasure = sent_request(&mut f, RequestType::Erasure, "gdpr");
    let view = f.store.access_answer(&erasure).unwrap();
    assert!(view.items.is_empty());
    assert!(view.checklist_missing.as_deref().unwrap().contains("for access requests"));
    assert!(f.store.set_checklist(&erasure, &[set("a", Verdict::No, None)], day(2026, 4, 1)).is_err());

    let access = sent_request(&mut f, RequestType::Access, "gdpr");
    f.store.set_checklist(&access, &[set("a", Verdict::No, None)], day(2026, 4, 1)).unwrap();
    let e = f.store.render_follow_up(&access, LetterFormat::Txt, Some(Lang::En), day(2026, 4, 1)).unwrap_err();
    assert!(e.to_string().contains("attach the company's answer first"), "{e}");
}

#[test]
fn removing_the_request_erases_its_answer_from_the_database_files() {
    let mut f = fixture();
    let reference = sent_request(&mut f, RequestType::Access, "gdpr");
    let (p, _) = answer_file(f.dir.path(), "answer.txt", "SECRET-ANSWER-91c2");
    f.store.attach_answer(&reference, &p, day(2026, 3, 10), day(2026, 3, 10)).unwrap();
    f.store.set_checklist(&reference, &[set("c", Verdict::No, Some("NOTE-MARK-55ab"))], day(2026, 3, 10)).unwrap();
    assert!(contains(&footprint_core::testing::database_file_bytes(&f.db), "SECRET-ANSWER-91c2"));
    f.store.delete_request(&reference).unwrap();
    let raw = footprint_core::testing::database_file_bytes(&f.db);
    assert!(!contains(&raw, "SECRET-ANSWER-91c2"), "the answer's bytes are still in the database files");
    assert!(!contains(&raw, "NOTE-MARK-55ab"), "the checklist note is still in the database files");
    let rows: i64 = rusqlite::Connection::open(&f.db)
        .unwrap()
        .query_row("SELECT (SELECT count(*) FROM request_answers) + (SELECT count(*) FROM request_checklist)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0);
}

#[test]
fn deleting_everything_erases_every_answer() {
    let mut f = fixture();
    let reference = sent_request(&mut f, RequestType::Access, "gdpr");
    let (p, _) = answer_file(f.dir.path(), "answer.txt", "EVERYTHING-GOES-3d4e");
    f.store.attach_answer(&reference, &p, day(2026, 3, 10), day(2026, 3, 10)).unwrap();
    f.store.delete_everything().unwrap();
    drop(f.store);
    assert!(!contains(&footprint_core::testing::database_file_bytes(&f.db), "EVERYTHING-GOES-3d4e"));
    let store = Store::open(&f.db).unwrap();
    assert!(store.requests(day(2026, 3, 10)).unwrap().is_empty());
}

#[test]
fn the_migration_runs_twice_without_harm() {
    let sql = include_str!("../src/store/migrations/0009_access_answers.sql");
    let c = rusqlite::Connection::open_in_memory().unwrap();
    c.execute_batch("CREATE TABLE requests(id INTEGER PRIMARY KEY);").unwrap();
    c.execute_batch(sql).unwrap();
    c.execute_batch(sql).unwrap();
    let n: i64 = c
        .query_row("SELECT count(*) FROM sqlite_master WHERE name IN ('request_answers', 'request_checklist', 'request_answers_request')", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 3);
}
