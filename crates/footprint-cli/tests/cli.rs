//! The `footprint` binary as a user runs it: import with JSON report, companies, company
//! evidence, search, stats, timeline, archives, remove, and exit codes for bad input. Every
//! test uses its own database and data folder (never the user's).

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn db(&self) -> PathBuf {
        self.dir.path().join("fp.db")
    }
    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("footprint").unwrap();
        c.env("FOOTPRINT_DATA_DIR", self.dir.path().join("data"))
            .env_remove("FOOTPRINT_DB")
            .arg("--db")
            .arg(self.db());
        c
    }
    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
    fn generate(&self, kind: &str, name: &str) -> Vec<PathBuf> {
        let out = self
            .cmd()
            .args(["generate", kind, "--out"])
            .arg(self.dir.path().join(name))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(PathBuf::from)
            .collect()
    }
}

fn paths(p: &[PathBuf]) -> Vec<&Path> {
    p.iter().map(|p| p.as_path()).collect()
}

#[test]
fn import_reports_as_json_and_lists_companies() {
    let env = Env::new();
    let fb = env.generate("facebook", "facebook.zip");
    let google = env.generate("google", "takeout.zip");
    let mut args = vec!["import", "--json"];
    let all: Vec<String> = fb
        .iter()
        .chain(&google)
        .map(|p| p.display().to_string())
        .collect();
    args.extend(all.iter().map(|s| s.as_str()));
    let reports = env.json(&args);
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), 2);
    let platforms: Vec<&str> = reports
        .iter()
        .map(|r| r["report"]["platform"].as_str().unwrap())
        .collect();
    assert_eq!(platforms, ["facebook", "google"]);
    for r in reports {
        let rep = &r["report"];
        for key in ["files_total", "files_parsed", "files_skipped", "files_unknown", "records", "warnings"] {
            assert!(!rep[key].is_null(), "report has {key}");
        }
        assert!(rep["records"].as_u64().unwrap() > 0);
        assert!(rep["files_parsed"].as_u64().unwrap() > 0);
    }

    let companies = env.json(&["companies", "--json"]);
    let companies = companies.as_array().unwrap();
    let names: Vec<&str> = companies.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Meta"), "{names:?}");
    assert!(names.contains(&"Google"), "{names:?}");
    let third = companies
        .iter()
        .filter(|c| !c["is_platform"].as_bool().unwrap())
        .count();
    assert!(third >= 5, "third parties listed: {third}");

    // The human table names the relation in words.
    env.cmd()
        .args(["companies", "--relation", "uploaded_contact_list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("uploaded a list with your contact information"));

    // One company's evidence, by name.
    let first_third = companies
        .iter()
        .find(|c| !c["is_platform"].as_bool().unwrap())
        .unwrap();
    let name = first_third["name"].as_str().unwrap();
    let detail = env.json(&["company", name, "--json"]);
    assert_eq!(detail["summary"]["name"], name);
    assert!(!detail["holdings"].as_array().unwrap().is_empty());
    assert!(!detail["holdings"][0]["files"].as_array().unwrap().is_empty());

    let stats = env.json(&["stats", "--json"]);
    assert_eq!(stats["archives"], 2);
    let total: i64 = reports
        .iter()
        .map(|r| r["report"]["records"].as_i64().unwrap())
        .sum();
    assert_eq!(stats["records"].as_i64().unwrap(), total);

    env.cmd()
        .args(["timeline", "--by", "month"])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"\d{4}-\d{2}").unwrap());
}

#[test]
fn reimport_adds_nothing_and_remove_deletes_everything() {
    let env = Env::new();
    let fb = env.generate("facebook", "facebook.zip");
    let p = fb[0].display().to_string();
    let first = env.json(&["import", "--json", &p]);
    let second = env.json(&["import", "--json", &p]);
    assert_eq!(second[0]["already_imported"], true);
    assert_eq!(first[0]["archive_id"], second[0]["archive_id"]);
    env.cmd()
        .args(["import", &p])
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing new was added"));

    let archives = env.json(&["archives", "--json"]);
    assert_eq!(archives.as_array().unwrap().len(), 1);
    let id = archives[0]["id"].to_string();
    let removed = env.json(&["remove", &id, "--json"]);
    assert!(removed["records_removed"].as_i64().unwrap() > 0);
    let stats = env.json(&["stats", "--json"]);
    assert_eq!(stats["records"], 0);
    assert_eq!(stats["companies"], 0);

    env.cmd()
        .args(["remove", "999"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("no archive with id 999"));
}

#[test]
fn search_finds_records_with_their_source_file() {
    let env = Env::new();
    let g = env.generate("google", "takeout.zip");
    env.cmd().arg("import").args(paths(&g)).assert().success();
    let page = env.json(&["search", "Searched", "--json", "--limit", "5"]);
    let rows = page["rows"].as_array().unwrap();
    assert!(!rows.is_empty());
    for r in rows {
        assert!(r["file"].as_str().unwrap().ends_with(".json"));
        assert!(r["title"].as_str().unwrap().contains("Searched"));
    }
}

#[test]
fn bad_input_exits_3_with_what_and_where() {
    let env = Env::new();
    let txt = env.dir.path().join("notes.txt");
    std::fs::write(&txt, "hello").unwrap();
    env.cmd()
        .arg("import")
        .arg(&txt)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("notes.txt"));

    let missing = env.dir.path().join("nope.zip");
    env.cmd()
        .arg("import")
        .arg(&missing)
        .assert()
        .failure()
        .stderr(predicate::str::contains("nope.zip"));

    // A truncated zip: refused, nothing written.
    let g = env.generate("google", "takeout.zip");
    let bytes = std::fs::read(&g[0]).unwrap();
    let cut = env.dir.path().join("cut.zip");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    env.cmd()
        .arg("import")
        .arg(&cut)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("cut.zip"));
    let stats = env.json(&["stats", "--json"]);
    assert_eq!(stats["archives"], 0);
}

#[test]
fn unknown_command_is_a_usage_error() {
    let env = Env::new();
    env.cmd().arg("frobnicate").assert().code(2);
}

/// Every platform the CLI can generate imports through `footprint import` as exactly one
/// archive of that platform (auto-detected), and the brokers Spotify's inferences and
/// Amazon's third-party audiences name are ONE company each.
#[test]
fn every_platform_imports_from_the_cli_and_brokers_merge_across_shops() {
    let env = Env::new();
    let list = env.cmd().args(["generate", "--list"]).output().unwrap();
    let ids: Vec<String> = String::from_utf8(list.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|id| id != "demo")
        .collect();
    assert!(ids.len() >= 15, "{ids:?}");
    for id in &ids {
        let written = env.generate(id, &format!("{id}-export.zip"));
        let mut args = vec!["import".to_string(), "--json".to_string()];
        args.extend(written.iter().map(|p| p.display().to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let reports = env.json(&args);
        let reports = reports.as_array().expect("a list of reports");
        assert_eq!(reports.len(), 1, "{id}: one export, one archive: {reports:?}");
        // Variants are `<platform>-<variant>` (`facebook-2018`): detected as their platform.
        let platform = id.split_once('-').map_or(id.as_str(), |(p, _)| p);
        assert_eq!(reports[0]["report"]["platform"], platform, "{id} is detected as {platform}");
    }
    let brokers = env.json(&["companies", "--relation", "data_broker_segment", "--json"]);
    let acxiom: Vec<&Value> = brokers
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["name"].as_str().unwrap_or("").to_lowercase().contains("acxiom"))
        .collect();
    assert_eq!(acxiom.len(), 1, "one Acxiom: {acxiom:?}");
    let platforms: Vec<&str> = acxiom[0]["platforms"].as_array().unwrap().iter().filter_map(|p| p.as_str()).collect();
    assert!(platforms.len() >= 2, "Acxiom is named by several exports: {platforms:?}");
}

/// The import summary tells indexed files from understood ones; piped tables are
/// tab-separated; a table fits the width it is given; `companies --json` names every alias.
#[test]
fn indexed_files_layouts_and_company_aliases() {
    let env = Env::new();
    let written = env.generate("facebook", "fb.zip");
    footprint_fixtures::archive_writer::add_unknown_files(&written).unwrap();
    let mut args: Vec<&std::ffi::OsStr> = vec!["import".as_ref(), "--files".as_ref()];
    args.extend(written.iter().map(|p| p.as_os_str()));
    let out = env.cmd().args(&args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let files = footprint_fixtures::archive_writer::UNKNOWN_FILE_WORDS.len();
    // The extra files, and any file the platform's catch-all only walked blindly.
    let indexed: usize = text
        .split(" indexed, not understood (")
        .next()
        .and_then(|before| before.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no indexed count: {text}"));
    assert!(indexed >= files, "{text}");
    // Piped: the file list is tab-separated, one file per line, with its role.
    let csv_line = text
        .lines()
        .find(|l| l.contains("other_data/shelf_notes.csv"))
        .unwrap_or_else(|| panic!("{text}"));
    let cells: Vec<&str> = csv_line.split('\t').collect();
    assert_eq!(cells.len(), 4, "{csv_line:?}");
    assert_eq!(cells[1], "indexed, not understood (csv)");
    assert_eq!(cells[3], "2", "two rows");

    // The words of indexed files are found by search.
    let found = env.json(&["search", "tangerine", "--json"]);
    let rows = found.as_array().or_else(|| found["rows"].as_array()).unwrap();
    assert_eq!(rows.len(), 1, "{found}");
    assert_eq!(rows[0]["kind"], "indexed_csv");

    // A forced table fits the width, however long the paths.
    for columns in ["60", "90"] {
        let out = env
            .cmd()
            .env("COLUMNS", columns)
            .args(["--layout", "table", "archives"])
            .output()
            .unwrap();
        let table = String::from_utf8(out.stdout).unwrap();
        let width: usize = columns.parse().unwrap();
        assert!(table.contains('│'), "{table}");
        for line in table.lines().filter(|l| l.starts_with(['│', '┌', '└', '╞', '├'])) {
            assert!(line.chars().count() <= width, "wider than {width}: {line}\n{table}");
        }
    }
    let tsv = env.cmd().args(["companies"]).output().unwrap();
    let tsv = String::from_utf8(tsv.stdout).unwrap();
    assert!(tsv.starts_with("Id\tCompany\tHow they got your data\t"), "{tsv}");

    // Every company carries its aliases; a third party's include its display name.
    let companies = env.json(&["companies", "--json"]);
    let list = companies.as_array().unwrap();
    assert!(!list.is_empty());
    for c in list.iter().filter(|c| c["is_platform"] == false) {
        let aliases: Vec<&str> = c["aliases"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
        assert!(aliases.contains(&c["name"].as_str().unwrap()), "{c}");
        let mut sorted = aliases.clone();
        sorted.sort();
        assert_eq!(aliases, sorted, "sorted: {c}");
    }
}

/// `footprint platforms | head -1`: the reader goes away before we have written everything. The
/// tool must end quietly (killed by SIGPIPE, like `cat`), never with Rust's "failed printing to
/// stdout" panic. The read end is closed before the child writes, so every write fails.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::os::unix::process::ExitStatusExt;
    use std::process::Stdio;
    let bin = assert_cmd::cargo::cargo_bin("footprint");
    for _ in 0..3 {
        let mut child = std::process::Command::new(&bin)
            .args(["platforms", "--layout", "table"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(
            out.status.success() || out.status.signal() == Some(libc::SIGPIPE),
            "{:?}: {stderr}",
            out.status
        );
    }
}

#[test]
fn export_writes_the_tables_with_a_study_salt_from_a_file_and_refuses_a_used_folder() {
    let env = Env::new();
    let x = env.generate("x", "x.zip");
    env.json(&["import", "--json", x[0].to_str().unwrap()]);
    let salt = env.dir.path().join("study.salt");
    std::fs::write(&salt, "a-salt-handed-out-by-the-study\n").unwrap();
    let out = env.dir.path().join("export");
    let summary = env.json(&[
        "export", "--format", "csv", "--out", out.to_str().unwrap(), "--study-salt-file", salt.to_str().unwrap(),
        "--with-identities", "--json",
    ]);
    assert_eq!(summary["pseudonymized"], true);
    let tables: Vec<&str> = summary["tables"].as_array().unwrap().iter().map(|t| t["table"].as_str().unwrap()).collect();
    assert!(tables.contains(&"records") && tables.contains(&"identities"), "{tables:?}");
    for file in ["records.csv", "codebook.md", "codebook.json", "redaction_log.json"] {
        assert!(out.join(file).exists(), "{file}");
    }
    let identities = std::fs::read_to_string(out.join("identities.csv")).unwrap();
    assert!(!identities.contains('@') && identities.contains("email:"), "{identities}");
    // Again into the same folder: a usage error that says where.
    env.cmd()
        .args(["export", "--out", out.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not empty"));
}
