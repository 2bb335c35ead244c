//! `footprint donate` on a generated X export: `--preview` counts and shows pseudonymized
//! rows and writes nothing; without it the donation file is written under the study's
//! name, without the categories left out; a bad study file is a usage error naming the key.

mod support;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    /// A database holding a generated X export.
    fn new() -> Self {
        let env = Env {
            dir: tempfile::tempdir().unwrap(),
        };
        support::import_ok(&env.db(), &support::generate("x", env.dir.path(), 3, None));
        env
    }
    fn db(&self) -> PathBuf {
        self.dir.path().join("fp.db")
    }
    fn cmd(&self) -> Command {
        Command::from_std(support::footprint(&self.db()))
    }
    fn study(&self, text: &str) -> PathBuf {
        let path = self.dir.path().join("STUDY.toml");
        std::fs::write(&path, text).unwrap();
        path
    }
    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

const STUDY: &str = r#"
id = "cli_pilot"
title = "What X knows"
researcher = "A lab"
contact = "lab@university.example"
salt = "a-salt-handed-out-by-the-study"
"#;

fn consent(zip: &Path) -> Value {
    let mut z = zip::ZipArchive::new(std::fs::File::open(zip).unwrap()).unwrap();
    let mut text = String::new();
    z.by_name("consent.json").unwrap().read_to_string(&mut text).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn preview_writes_nothing_and_donate_writes_the_file_without_what_was_left_out() {
    let env = Env::new();
    let study = env.study(STUDY);
    let s = study.to_str().unwrap();
    let out = env.dir.path().join("out");
    let o = out.to_str().unwrap();

    let plan = env.json(&["donate", "--study", s, "--out", o, "--preview", "--json"]);
    let categories = plan["categories"].as_array().unwrap();
    let biggest = categories.iter().max_by_key(|c| c["records"].as_u64()).unwrap();
    let (left_out, its_records) = (biggest["key"].as_str().unwrap(), biggest["records"].as_u64().unwrap());
    assert!(categories.len() >= 2 && its_records > 0, "{categories:?}");
    let all = plan["records"].as_u64().unwrap();
    let without = env.json(&["donate", "--study", s, "--preview", "--json", "--exclude-category", left_out]);
    assert_eq!(without["records"].as_u64().unwrap(), all - its_records);
    assert!(!out.exists(), "--preview wrote {}", out.display());

    // The text preview: pseudonymized rows, no account in clear.
    let account: String = {
        let a = env.json(&["archives", "--json"]);
        a[0]["account"].as_str().expect("the X export names its account").to_string()
    };
    env.cmd()
        .args(["donate", "--study", s, "--preview"])
        .assert()
        .success()
        .stdout(predicate::str::contains("records would leave"))
        .stdout(predicate::str::contains("Nothing was written"))
        .stdout(predicate::str::contains(account.as_str()).not());

    let assert = env
        .cmd()
        .args(["donate", "--study", s, "--out", o, "--participant", "p7", "--exclude-category", left_out])
        .assert()
        .success()
        .stdout(predicate::str::contains("Nothing was sent"));
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let zip = out.join("donation-cli_pilot-p7.zip");
    assert!(stdout.contains(zip.to_str().unwrap()), "{stdout}");
    let c = consent(&zip);
    assert_eq!((c["study_id"].as_str(), c["participant_id"].as_str()), (Some("cli_pilot"), Some("p7")));
    assert!(!c["choices"]["categories"].as_array().unwrap().contains(&Value::from(left_out)));
    let records = c["files"].as_array().unwrap().iter().find(|f| f["table"] == "records").unwrap();
    assert_eq!(records["rows"].as_u64().unwrap(), all - its_records);

    // Again: the file is there, a usage error; no participant id: a random one, printed.
    env.cmd()
        .args(["donate", "--study", s, "--out", o, "--participant", "p7"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("exists already"));
    let assert = env.cmd().args(["donate", "--study", s, "--out", o]).assert().success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let id = stdout
        .lines()
        .find_map(|l| l.strip_prefix("Your participant id: "))
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or_else(|| panic!("no participant id printed: {stdout}"));
    assert!(id.len() == 13 && id != "p7", "{id}");
    assert!(out.join(format!("donation-cli_pilot-{id}.zip")).exists());
}

#[test]
fn a_bad_study_file_is_a_usage_error_naming_the_file_and_the_key() {
    let env = Env::new();
    let study = env.study(&STUDY.replace("a-salt-handed-out-by-the-study", "short"));
    env.cmd()
        .args(["donate", "--study", study.to_str().unwrap(), "--preview"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("STUDY.toml").and(predicate::str::contains("`salt`")));
    let study = env.study(STUDY);
    env.cmd()
        .args(["donate", "--study", study.to_str().unwrap(), "--preview", "--exclude-category", "gossip"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("gossip"));
}
