//! `footprint request` as a user runs it: bulk and single drafts, the list (overdue first),
//! marking sent, refused changes with their exit codes, and letters as text, PDF, e-mail draft
//! and calendar. "Today" is fixed with FOOTPRINT_TODAY; every test has its own database.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::PathBuf;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    /// A database with one generated Facebook export imported.
    fn with_facebook() -> Self {
        let env = Env {
            dir: tempfile::tempdir().unwrap(),
        };
        let zip = env.dir.path().join("facebook.zip");
        env.cmd("2026-01-31")
            .args(["generate", "facebook", "--out"])
            .arg(&zip)
            .assert()
            .success();
        env.cmd("2026-01-31")
            .arg("import")
            .arg(&zip)
            .assert()
            .success();
        env
    }
    fn cmd(&self, today: &str) -> Command {
        let mut c = Command::cargo_bin("footprint").unwrap();
        c.env("FOOTPRINT_DATA_DIR", self.dir.path().join("data"))
            .env_remove("FOOTPRINT_DB")
            .env("FOOTPRINT_TODAY", today)
            .arg("--db")
            .arg(self.dir.path().join("fp.db"));
        c
    }
    fn json(&self, today: &str, args: &[&str]) -> Value {
        let out = self.cmd(today).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

fn refs(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|r| r["reference"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn bulk_and_single_requests_are_listed_marked_and_overdue_first() {
    let env = Env::with_facebook();
    let day = "2026-01-31";
    let uploaders = env.json(
        day,
        &["companies", "--relation", "uploaded_contact_list", "--json"],
    );
    let mut uploader_names: Vec<String> = uploaders
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    uploader_names.sort();

    let bulk = env.json(
        day,
        &[
            "request",
            "new",
            "--relation",
            "uploaded_contact_list",
            "--type",
            "delete",
            "--regime",
            "gdpr",
            "--json",
        ],
    );
    let mut created: Vec<String> = bulk["created"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["company_name"].as_str().unwrap().to_string())
        .collect();
    created.sort();
    assert_eq!(created, uploader_names, "one request per uploader");
    for r in bulk["created"].as_array().unwrap() {
        assert_eq!(r["regime"], "eu_gdpr");
        assert_eq!(r["request_type"], "erasure");
        assert_eq!(r["status"], "draft");
        // Sat 31 Jan 2026 + 1 month -> Mon 2 Mar 2026, if sent today.
        assert_eq!(r["due_date"], "2026-03-02");
        assert_eq!(r["due_planned"], true);
    }
    // Again: nothing new, each skipped.
    let again = env.json(
        day,
        &[
            "request",
            "new",
            "--relation",
            "uploaded_contact_list",
            "--type",
            "erasure",
            "--regime",
            "eu_gdpr",
            "--json",
        ],
    );
    assert_eq!(again["created"].as_array().unwrap().len(), 0);
    assert_eq!(
        again["skipped"].as_array().unwrap().len(),
        uploader_names.len()
    );

    // A single request to the platform: Meta's web form, UK law, CCPA deadline for another.
    let meta = env.json(
        day,
        &[
            "request",
            "new",
            "--company",
            "Meta",
            "--type",
            "access",
            "--regime",
            "uk-gdpr",
            "--json",
        ],
    );
    assert_eq!(meta["regime"], "uk_gdpr");
    assert_eq!(meta["channel"], "web_form");
    let ccpa = env.json(
        day,
        &[
            "request",
            "new",
            "--company",
            &uploader_names[0],
            "--type",
            "access",
            "--regime",
            "ccpa",
            "--json",
        ],
    );
    assert_eq!(ccpa["due_date"], "2026-03-17", "45 days");

    let list = env.json(day, &["request", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), uploader_names.len() + 2);

    // Mark one sent ten days later: due one month after that.
    let target = bulk["created"][0]["reference"]
        .as_str()
        .unwrap()
        .to_string();
    let marked = env.json(
        "2026-02-10",
        &[
            "request",
            "mark",
            &target,
            "sent",
            "--proof",
            "sent from my mailbox",
            "--json",
        ],
    );
    assert_eq!(marked["summary"]["status"], "sent");
    assert_eq!(marked["summary"]["due_date"], "2026-03-10");
    assert_eq!(marked["proof_of_sending"], "sent from my mailbox");

    // On 11 March it is overdue and leads the list; drafts are never overdue.
    let later = env.json("2026-03-11", &["request", "list", "--json"]);
    assert_eq!(refs(&later)[0], target);
    assert_eq!(later[0]["overdue"], true);
    assert_eq!(later[0]["status_today"], "overdue");
    assert_eq!(later[0]["next_action"]["action"], "send_reminder");
    assert!(later.as_array().unwrap()[1..]
        .iter()
        .all(|r| r["overdue"] == false));
    env.cmd("2026-03-11")
        .args(["request", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(&target).and(predicate::str::contains("1 day late")));

    // Refused changes: a date before the sending, fulfilling a draft, an unknown reference.
    env.cmd("2026-03-11")
        .args([
            "request",
            "mark",
            &target,
            "fulfilled",
            "--date",
            "2026-02-01",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("before 2026-02-10"));
    let draft = bulk["created"][1]["reference"].as_str().unwrap();
    env.cmd("2026-03-11")
        .args(["request", "mark", draft, "fulfilled"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("never sent"));
    env.cmd("2026-03-11")
        .args(["request", "mark", "FP-2026-01-ZZZZZZ", "sent"])
        .assert()
        .code(4);
    env.cmd("2026-03-11")
        .args(["request", "mark", &target, "teleported"])
        .assert()
        .code(3);

    // The reminder and its 14 days.
    let reminded = env.json(
        "2026-03-11",
        &["request", "mark", &target, "reminder-sent", "--json"],
    );
    assert_eq!(reminded["summary"]["status"], "reminder_sent");
    assert_eq!(reminded["summary"]["due_date"], "2026-03-25");
    env.cmd("2026-03-12")
        .args(["request", "show", &target])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Reminder sent").and(predicate::str::contains("2026-03-25")),
        );
}

#[test]
fn letters_as_text_pdf_eml_and_ics() {
    let env = Env::with_facebook();
    let day = "2026-01-31";
    let uploaders = env.json(
        day,
        &["companies", "--relation", "uploaded_contact_list", "--json"],
    );
    let company = uploaders[0]["name"].as_str().unwrap().to_string();
    let identities = env.json(day, &["identities", "--json"]);
    let email = identities
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "email")
        .unwrap()["value"]
        .as_str()
        .unwrap()
        .to_string();
    let phone = identities
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "phone")
        .unwrap()["value"]
        .as_str()
        .unwrap()
        .to_string();

    let r = env.json(
        day,
        &[
            "request",
            "new",
            "--company",
            &company,
            "--type",
            "erasure",
            "--regime",
            "gdpr",
            "--contact-email",
            "privacy@company.example",
            // The first uploader may take requests in German; this test reads English.
            "--lang",
            "en",
            "--json",
        ],
    );
    let reference = r["reference"].as_str().unwrap().to_string();
    assert_eq!(r["channel"], "email");

    // Plain text to standard output: the evidence with the export, only the selected e-mail.
    let out = env
        .cmd(day)
        .args(["request", "letter", &reference])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(&format!("(ref. {reference})")), "{text}");
    assert!(
        text.contains("as shown in my Meta export of 2024-03-02"),
        "{text}"
    );
    assert!(
        text.contains("uploaded a list containing my contact information to Meta"),
        "{text}"
    );
    assert!(text.contains(&email));
    assert!(
        !text.contains(&phone),
        "the phone number was not selected:\n{text}"
    );
    assert!(
        text.contains("2 March 2026"),
        "deadline if sent today:\n{text}"
    );

    // Identities chosen by hand replace the default.
    let chosen = env.json(
        day,
        &[
            "request",
            "new",
            "--company",
            &company,
            "--type",
            "access",
            "--regime",
            "gdpr",
            "--identity",
            "phone:+1 555 0100",
            "--json",
        ],
    );
    let text2 = env
        .cmd(day)
        .args([
            "request",
            "letter",
            chosen["reference"].as_str().unwrap(),
            "--format",
            "txt",
        ])
        .output()
        .unwrap()
        .stdout;
    let text2 = String::from_utf8(text2).unwrap();
    assert!(
        text2.contains("+1 555 0100") && !text2.contains(&email),
        "{text2}"
    );

    let pdf = env.path("letter.pdf");
    env.cmd(day)
        .args(["request", "letter", &reference, "--format", "pdf", "--out"])
        .arg(&pdf)
        .assert()
        .success()
        .stdout(predicate::str::contains("privacy@company.example"));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    env.cmd(day)
        .args(["request", "letter", &reference, "--format", "pdf"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("--out"));

    let eml = env.path("letter.eml");
    env.cmd(day)
        .args(["request", "letter", &reference, "--format", "eml", "--out"])
        .arg(&eml)
        .assert()
        .success();
    let eml = std::fs::read_to_string(&eml).unwrap();
    assert!(eml.starts_with("X-Unsent: 1\r\n"), "{eml}");
    assert!(eml.contains("To: privacy@company.example\r\n"), "{eml}");
    assert!(eml.contains(&format!("From: {email}\r\n")), "{eml}");
    assert!(eml.contains(&format!("X-Footprint-Reference: {reference}")));

    // Sent on 10 Feb: the calendar carries the answer date and the reminder date.
    env.cmd("2026-02-10")
        .args(["request", "mark", &reference, "sent"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2026-03-10"));
    let ics = env.path("dates.ics");
    env.cmd("2026-02-10")
        .args(["request", "letter", &reference, "--format", "ics", "--out"])
        .arg(&ics)
        .assert()
        .success();
    let ics = std::fs::read_to_string(&ics).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20260310"), "{ics}");
    assert!(
        ics.contains("DTSTART;VALUE=DATE:20260311"),
        "reminder from the day after:\n{ics}"
    );

    // A complaint needs a request that went unanswered; a draft has none.
    let draft = chosen["reference"].as_str().unwrap();
    env.cmd(day)
        .args(["request", "letter", draft, "--kind", "complaint"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("never sent"));
}

#[test]
fn bad_names_and_unknown_companies_have_clear_exit_codes() {
    let env = Env::with_facebook();
    let day = "2026-01-31";
    env.cmd(day)
        .args([
            "request",
            "new",
            "--company",
            "Meta",
            "--type",
            "access",
            "--regime",
            "hipaa",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("unknown regime `hipaa`"));
    env.cmd(day)
        .args([
            "request",
            "new",
            "--company",
            "Meta",
            "--type",
            "teleport",
            "--regime",
            "gdpr",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("erasure"));
    env.cmd(day)
        .args([
            "request",
            "new",
            "--company",
            "No Such Company Anywhere",
            "--type",
            "access",
            "--regime",
            "gdpr",
        ])
        .assert()
        .code(4);
    // The CCPA has no right to restriction: refused with the reason, nothing written.
    env.cmd(day)
        .args([
            "request",
            "new",
            "--relation",
            "uploaded_contact_list",
            "--type",
            "restriction",
            "--regime",
            "ccpa",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no right to restriction"));
    env.cmd(day)
        .args(["request", "new", "--type", "access", "--regime", "gdpr"])
        .assert()
        .code(2);
    assert_eq!(
        env.json(day, &["request", "list", "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn letters_follow_the_company_language_and_lang_overrides_it() {
    let env = Env::with_facebook();
    let day = "2026-12-02";
    // Zalando takes requests in German (the directory's request language).
    let r = env.json(
        day,
        &["request", "new", "--company", "Zalando", "--type", "access", "--regime", "gdpr", "--json"],
    );
    let reference = r["reference"].as_str().unwrap().to_string();
    let text = |args: &[&str]| -> String {
        let out = env.cmd(day).args(["request", "letter", &reference]).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let german = text(&[]);
    assert!(german.contains("Sehr geehrte Damen und Herren,"), "{german}");
    assert!(german.contains("Art. 15 DSGVO"), "{german}");
    assert!(german.contains("2. Dezember 2026"), "{german}");
    let english = text(&["--lang", "en"]);
    assert!(english.contains("Dear Sir or Madam,"), "{english}");
    let french = text(&["--lang", "fr"]);
    assert!(french.contains("Madame, Monsieur,"), "{french}");
    assert!(french.contains("l'article 15 du RGPD"), "{french}");
    env.cmd(day)
        .args(["request", "show", &reference])
        .assert()
        .success()
        .stdout(predicate::str::contains("Letters in: Deutsch"));
    env.cmd(day)
        .args(["request", "letter", &reference, "--lang", "nl"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("use en, de or fr"));

    // Chosen when the request is written: a French letter to the German company.
    let r = env.json(
        day,
        &[
            "request", "new", "--company", "Zalando", "--type", "erasure", "--regime", "gdpr",
            "--lang", "fr", "--json",
        ],
    );
    let out = env
        .cmd(day)
        .args(["request", "letter", r["reference"].as_str().unwrap()])
        .output()
        .unwrap();
    let french = String::from_utf8(out.stdout).unwrap();
    assert!(french.contains("Demande d'effacement des données personnelles en vertu du RGPD"), "{french}");
}
