//! `footprint request attach`, `checklist`, `answer-file` and `letter --kind follow-up` as a
//! user runs them on a generated Facebook export: attach the company's answer, tick the
//! checklist with two gaps, and get the follow-up letter naming them, in English and German.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

fn cmd(dir: &Path, today: &str) -> Command {
    let mut c = Command::cargo_bin("footprint").unwrap();
    c.env("FOOTPRINT_DATA_DIR", dir.join("data"))
        .env_remove("FOOTPRINT_DB")
        .env("FOOTPRINT_TODAY", today)
        .arg("--db")
        .arg(dir.join("fp.db"));
    c
}

fn json(dir: &Path, today: &str, args: &[&str]) -> Value {
    let out = cmd(dir, today).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn attach_check_and_write_the_follow_up() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let zip = dir.join("facebook.zip");
    cmd(dir, "2026-03-02").args(["generate", "facebook", "--out"]).arg(&zip).assert().success();
    cmd(dir, "2026-03-02").arg("import").arg(&zip).assert().success();
    let companies = json(dir, "2026-03-02", &["companies", "--json"]);
    let company = companies
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["is_platform"] == false)
        .unwrap()["name"]
        .as_str()
        .unwrap()
        .to_string();
    let created = json(
        dir,
        "2026-03-02",
        &["request", "new", "--company", &company, "--type", "access", "--regime", "gdpr", "--json"],
    );
    let reference = created["reference"].as_str().unwrap().to_string();
    cmd(dir, "2026-03-02").args(["request", "mark", &reference, "sent"]).assert().success();

    // Before the answer: the items, and why there is no letter yet.
    cmd(dir, "2026-03-20")
        .args(["request", "checklist", &reference])
        .assert()
        .success()
        .stdout(predicate::str::contains("No answer attached yet"))
        .stdout(predicate::str::contains("Does the answer say why the company uses your data (the purposes)? (Art. 15(1)(a) GDPR)"));

    let answer = dir.join("answer-from-company.pdf");
    std::fs::write(&answer, b"%PDF-1.4 the company's answer").unwrap();
    cmd(dir, "2026-04-02")
        .args(["request", "attach", &reference])
        .arg(&answer)
        .args(["--date", "2026-03-30"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Attached answer-from-company.pdf (29 bytes, SHA-256 "))
        .stdout(predicate::str::contains("received 2026-03-30"));
    cmd(dir, "2026-04-02")
        .args(["request", "show", &reference])
        .assert()
        .success()
        .stdout(predicate::str::contains("2026-03-30 answer received: answer-from-company.pdf (29 B)"));

    let view = json(
        dir,
        "2026-04-02",
        &[
            "request", "checklist", &reference, "--set", "a=yes", "--set", "d=no", "--set", "h=partly",
            "--note", "h=no word on the logic", "--set", "copy=n/a", "--json",
        ],
    );
    assert_eq!(view["gaps"], serde_json::json!(["d", "h"]));
    assert_eq!(view["answered"], 4);
    let file_id = view["files"][0]["id"].as_i64().unwrap().to_string();
    cmd(dir, "2026-04-02")
        .args(["request", "checklist", &reference])
        .assert()
        .success()
        .stdout(predicate::str::contains("[partly] h"))
        .stdout(predicate::str::contains("Note: no word on the logic"))
        .stdout(predicate::str::contains("2 gaps (d, h): write the follow-up letter"));

    cmd(dir, "2026-04-02")
        .args(["request", "letter", &reference, "--kind", "follow-up"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Your answer to my access request is incomplete"))
        .stdout(predicate::str::contains("On 2 March 2026 I asked you"))
        .stdout(predicate::str::contains("your answer of 30 March 2026"))
        .stdout(predicate::str::contains("(Art. 15(1)(d) GDPR): missing"))
        .stdout(predicate::str::contains("(Art. 15(1)(h) GDPR): answered only in part (My remark: no word on the logic)"))
        .stdout(predicate::str::contains("by 4 May 2026"));
    cmd(dir, "2026-04-02")
        .args(["request", "letter", &reference, "--kind", "follow-up", "--lang", "de"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(Art. 15 Abs. 1 lit. d DSGVO): fehlt"));
    let pdf = dir.join("follow-up.pdf");
    cmd(dir, "2026-04-02")
        .args(["request", "letter", &reference, "--kind", "follow-up", "--format", "pdf", "--out"])
        .arg(&pdf)
        .assert()
        .success();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    // The copy comes back out unchanged after the download is gone.
    std::fs::remove_file(&answer).unwrap();
    let back = dir.join("back.pdf");
    cmd(dir, "2026-04-02")
        .args(["request", "answer-file", &reference, &file_id, "--out"])
        .arg(&back)
        .assert()
        .success();
    assert_eq!(std::fs::read(&back).unwrap(), b"%PDF-1.4 the company's answer");
}

#[test]
fn bad_checklist_input_is_explained() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    cmd(dir, "2026-04-02")
        .args(["request", "checklist", "FP-NOPE", "--set", "a"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("--set a: write it as KEY=VALUE"));
    cmd(dir, "2026-04-02")
        .args(["request", "checklist", "FP-NOPE", "--set", "a=perhaps"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("`perhaps` is not yes, no, partly or n/a"));
    cmd(dir, "2026-04-02")
        .args(["request", "letter", "FP-NOPE", "--kind", "follow-up", "--lang", "nl"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("unknown letter language `nl`; use en, de or fr"));
}
