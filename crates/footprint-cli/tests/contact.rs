//! `footprint contact` and `footprint directory` as a user runs them: show a company's
//! contact, add one's own (used by the next request's letter), refuse a malformed one, clear
//! it; the directory's merge report and the coverage line.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn with_facebook() -> Self {
        let env = Env {
            dir: tempfile::tempdir().unwrap(),
        };
        let zip = env.dir.path().join("facebook.zip");
        env.cmd()
            .args(["generate", "facebook", "--out"])
            .arg(&zip)
            .assert()
            .success();
        env.cmd().arg("import").arg(&zip).assert().success();
        env
    }
    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("footprint").unwrap();
        c.env("FOOTPRINT_DATA_DIR", self.dir.path().join("data"))
            .env_remove("FOOTPRINT_DB")
            .env("FOOTPRINT_TODAY", "2026-03-02")
            .arg("--db")
            .arg(self.dir.path().join("fp.db"));
        c
    }
    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

#[test]
fn a_users_contact_is_shown_used_by_letters_and_cleared() {
    let env = Env::with_facebook();
    let shown = env.json(&["contact", "Acxiom", "--json"]);
    assert_eq!(shown["directory"]["slug"], "acxiom");
    assert_eq!(shown["user_contact"], Value::Null);

    env.cmd()
        .args(["contact", "Acxiom", "--email", "not-an-address"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("not an e-mail address"));

    env.cmd()
        .args([
            "contact",
            "Acxiom",
            "--email",
            "rights@acxiom.example",
            "--address",
            "1 Road\\nTown",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Your contact (used first"))
        .stdout(predicate::str::contains("rights@acxiom.example"));
    let saved = env.json(&["contact", "acxiom.com", "--json"]);
    assert_eq!(saved["user_contact"]["postal_address"], "1 Road\nTown");

    let req = env.json(&[
        "request",
        "new",
        "--company",
        "Acxiom",
        "--type",
        "access",
        "--regime",
        "gdpr",
        "--json",
    ]);
    let reference = req["reference"]
        .as_str()
        .or(req[0]["reference"].as_str())
        .unwrap()
        .to_string();
    let detail = env.json(&["request", "show", &reference, "--json"]);
    assert_eq!(detail["contact"]["email"], "rights@acxiom.example");

    env.cmd()
        .args(["contact", "Acxiom", "--clear"])
        .assert()
        .success()
        .stdout(predicate::str::contains("was removed"));
    assert_eq!(
        env.json(&["contact", "Acxiom", "--json"])["user_contact"],
        Value::Null
    );
    env.cmd().args(["contact", "Nobody Ltd"]).assert().code(4);
}

#[test]
fn directory_report_and_coverage() {
    let env = Env::with_facebook();
    let report = env.json(&["directory", "report", "--json"]);
    let merge = &report["merge"];
    assert_eq!(merge["source_records"], 3069);
    let n = |k: &str| merge[k].as_u64().unwrap();
    assert_eq!(
        n("merged_into_project") + n("merged_into_added") + n("added"),
        3069
    );
    assert_eq!(
        report["entries"].as_u64().unwrap(),
        n("project_entries") + n("added")
    );
    env.cmd()
        .args(["directory", "coverage"])
        .assert()
        .success()
        .stdout(
            predicate::str::is_match(r"Privacy contact known for \d+ of your \d+ companies")
                .unwrap(),
        );
    let c = env.json(&["directory", "coverage", "--json"]);
    assert!(c["known"].as_i64().unwrap() > 0 && c["known"].as_i64() <= c["companies"].as_i64());
}
