//! "Did they really delete?" from the command line: an erasure request to an advertiser,
//! marked fulfilled, then a later download of the same Facebook export (generated with
//! `--made`, with or without the advertiser): `request show` prints the verdict with the file,
//! `request list` flags it, and the complaint goes to the authority named with --authority.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const TODAY: &str = "2024-07-01";

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn cmd(&self) -> Command {
        self.cmd_on(TODAY)
    }

    fn cmd_on(&self, today: &str) -> Command {
        let mut c = Command::cargo_bin("footprint").unwrap();
        c.env("FOOTPRINT_DATA_DIR", self.dir.path().join("data"))
            .env_remove("FOOTPRINT_DB")
            .env("FOOTPRINT_TODAY", today)
            .arg("--db")
            .arg(self.dir.path().join("fp.db"));
        c
    }

    fn import(&self, name: &str, extra: &[&str]) {
        let zip = self.dir.path().join(name);
        self.cmd()
            .args(["generate", "facebook", "--out"])
            .arg(&zip)
            .args(extra)
            .assert()
            .success();
        self.cmd().arg("import").arg(&zip).assert().success();
    }

    /// The first export imported, an erasure request to Acxiom sent and marked fulfilled.
    fn fulfilled_erasure() -> (Env, String) {
        let env = Env {
            dir: tempfile::tempdir().unwrap(),
        };
        env.import("first.zip", &[]);
        let out = env
            .cmd_on("2024-03-05")
            .args(["request", "new", "--company", "Acxiom", "--type", "erasure", "--regime", "gdpr", "--json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let reference = v["reference"].as_str().unwrap().to_string();
        for (status, date) in [("sent", "2024-03-05"), ("fulfilled", "2024-04-02")] {
            env.cmd_on(date)
                .args(["request", "mark", &reference, status, "--date", date])
                .assert()
                .success();
        }
        (env, reference)
    }
}

#[test]
fn a_later_export_still_listing_the_company_is_shown_flagged_and_cited() {
    let (env, reference) = Env::fulfilled_erasure();
    env.import("later.zip", &["--made", "2024-06-01"]);

    env.cmd()
        .args(["request", "show", &reference])
        .assert()
        .success()
        .stdout(predicate::str::contains("Did they really delete?"))
        .stdout(predicate::str::contains(
            "Still listed in your Facebook export of 2024-06-01",
        ))
        .stdout(predicate::str::contains(
            "ads_information/advertisers_using_your_activity_or_information.json",
        ))
        .stdout(predicate::str::contains(format!(
            "footprint request letter {reference} --kind complaint"
        )));
    env.cmd()
        .args(["request", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(still listed!)"))
        .stdout(predicate::str::contains("1 still listed in a later export"));

    // The complaint to an authority picked by its id cites the later export.
    env.cmd()
        .args(["request", "letter", &reference, "--kind", "complaint", "--authority", "nlap"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Autoriteit Persoonsgegevens"))
        .stdout(predicate::str::contains("export of 1 June 2024"));
    env.cmd()
        .args(["request", "letter", &reference, "--kind", "complaint", "--authority", "nowhere"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown authority `nowhere`"));
}

#[test]
fn a_later_export_without_the_company_is_consistent_with_deletion() {
    let (env, reference) = Env::fulfilled_erasure();
    env.import("later.zip", &["--made", "2024-06-01", "--without", "Acxiom"]);
    env.cmd()
        .args(["request", "show", &reference])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Not in your Facebook export of 2024-06-01: consistent with deletion.",
        ))
        .stdout(predicate::str::contains("--kind complaint").not());
    env.cmd()
        .args(["request", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(gone from a later export)"));
}
