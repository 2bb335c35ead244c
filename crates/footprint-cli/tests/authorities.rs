//! `footprint authorities` and complaints addressed to the competent authority
//! (`footprint request letter --kind complaint --country/--region/--authority`).

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn cmd(&self, today: &str) -> Command {
        let mut c = Command::cargo_bin("footprint").unwrap();
        c.env("FOOTPRINT_DATA_DIR", self.dir.path().join("data"))
            .env_remove("FOOTPRINT_DB")
            .env_remove("FOOTPRINT_LAYOUT")
            .env("FOOTPRINT_TODAY", today)
            .arg("--db")
            .arg(self.dir.path().join("fp.db"));
        c
    }
    fn stdout(&self, today: &str, args: &[&str]) -> String {
        let out = self.cmd(today).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

#[test]
fn authorities_are_listed_per_country() {
    let env = Env::new();
    let all: Value =
        serde_json::from_str(&env.stdout("2026-01-31", &["authorities", "--json"])).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 57);
    let de = env.stdout("2026-01-31", &["authorities", "--country", "de"]);
    // Piped: tab-separated, a header and 26 German authorities.
    assert_eq!(de.lines().count(), 27, "{de}");
    assert!(de
        .lines()
        .next()
        .unwrap()
        .starts_with("country\tregion\tscope"));
    assert!(
        de.contains("DE\tBY\tcompanies\tdebaylda\tBayerisches Landesamt"),
        "{de}"
    );
    assert!(de.contains("\tfederal\tdebfdi\t"), "{de}");
    let uk = env.stdout("2026-01-31", &["authorities", "--country", "UK"]);
    assert!(uk.contains("SK9 5AF"), "{uk}");
    env.cmd("2026-01-31")
        .args(["authorities", "--country", "US"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains(
            "no supervisory authority is known for `US`",
        ));
}

#[test]
fn a_complaint_goes_to_the_chosen_authority() {
    let env = Env::new();
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
    let created: Value = serde_json::from_str(&env.stdout(
        "2026-01-31",
        &[
            "request",
            "new",
            "--company",
            "Meta",
            "--type",
            "access",
            "--regime",
            "gdpr",
            "--json",
        ],
    ))
    .unwrap();
    let r = created["reference"].as_str().unwrap().to_string();
    env.stdout("2026-02-01", &["request", "mark", &r, "sent"]);
    env.stdout("2026-02-03", &["request", "mark", &r, "acknowledged"]);
    let day = "2026-03-20";

    // Residence: the Land authority, with its address, the request's reference and dates.
    let by = env.stdout(
        day,
        &[
            "request",
            "letter",
            &r,
            "--kind",
            "complaint",
            "--country",
            "DE",
            "--region",
            "Bayern",
        ],
    );
    assert!(by.contains("Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)\nPostfach 1349\n91504 Ansbach\nDeutschland"), "{by}");
    assert!(by.contains(&r), "{by}");
    assert!(
        by.contains("- 3 February 2026: the company confirmed receipt"),
        "{by}"
    );
    assert!(
        by.contains("On 1 February 2026 I sent the company a request"),
        "{by}"
    );
    assert!(
        !by.contains("[name and address of the data protection authority"),
        "{by}"
    );

    // Germany without a Land: the federal commissioner, and a note why.
    let out = env
        .cmd(day)
        .args([
            "request",
            "letter",
            &r,
            "--kind",
            "complaint",
            "--country",
            "DE",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("53117 Bonn"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("BDSG § 19(2)"));

    // The company's lead authority: Meta is established in Ireland.
    let lead = env.stdout(
        day,
        &[
            "request",
            "letter",
            &r,
            "--kind",
            "complaint",
            "--authority",
            "lead",
        ],
    );
    assert!(
        lead.contains("Irish Data Protection Commission\n21 Fitzwilliam Square South"),
        "{lead}"
    );

    // An e-mail draft to the authority.
    let eml = env.dir.path().join("complaint.eml");
    env.cmd(day)
        .args([
            "request",
            "letter",
            &r,
            "--kind",
            "complaint",
            "--country",
            "AT",
            "--format",
            "eml",
            "--out",
        ])
        .arg(&eml)
        .assert()
        .success()
        .stdout(predicate::str::contains("send it to dsb@dsb.gv.at"));
    assert!(std::fs::read_to_string(&eml)
        .unwrap()
        .contains("To: dsb@dsb.gv.at"));
    let pdf = env.dir.path().join("complaint.pdf");
    env.cmd(day)
        .args([
            "request",
            "letter",
            &r,
            "--kind",
            "complaint",
            "--country",
            "FR",
            "--format",
            "pdf",
            "--out",
        ])
        .arg(&pdf)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "paste it into https://www.cnil.fr/fr/plaintes",
        ));

    // Without a choice the EU letter still leaves the authority to the user.
    let open = env.stdout(day, &["request", "letter", &r, "--kind", "complaint"]);
    assert!(open.contains("please fill in"), "{open}");

    // Refusals, with exit code 3.
    for (args, message) in [
        (
            vec!["--country", "US"],
            "no supervisory authority is known for `US`",
        ),
        (
            vec!["--country", "DE", "--region", "Atlantis"],
            "`Atlantis` is not a German Land",
        ),
        (
            vec!["--country", "GB"],
            "does not take complaints under the GDPR",
        ),
        (vec!["--authority", "nearest"], "use residence, lead or an id"),
        (vec!["--region", "BY"], "needs the country"),
    ] {
        env.cmd(day)
            .args(["request", "letter", &r, "--kind", "complaint"])
            .args(&args)
            .assert()
            .code(3)
            .stderr(predicate::str::contains(message));
    }
    env.cmd(day)
        .args([
            "request",
            "letter",
            &r,
            "--kind",
            "reminder",
            "--country",
            "DE",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("are for complaints"));
}
