//! No raw integer ever reaches the CLI as a date. Regression: `footprint companies` printed
//! `9223372036854775807` as "last seen" and the timeline showed the years `+510` and `0000`.
//! A database whose stored times are impossible (written by hand here, as an older Footprint or
//! a damaged file could leave them) is printed with "unknown date" in tables and `null` in JSON,
//! and dates have one format: `2024-03-08` for days, `2024-03-08 17:14 UTC` for instants.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn cmd(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("footprint").unwrap();
    c.env("FOOTPRINT_DATA_DIR", dir.join("data")).env_remove("FOOTPRINT_DB").arg("--db").arg(dir.join("fp.db"));
    c
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = cmd(dir).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

const YEAR_510: i64 = -46_388_678_400_000;

#[test]
fn impossible_stored_times_are_unknown_dates_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let export: Vec<PathBuf> = run(d, &["generate", "facebook", "--out", d.join("fb.zip").to_str().unwrap()]).lines().map(PathBuf::from).collect();
    let mut import = cmd(d);
    import.arg("import").args(&export);
    assert!(import.output().unwrap().status.success());
    let before = run(d, &["companies"]);
    assert!(before.lines().any(|l| l.contains(char::is_numeric) && l.contains('-')), "dates before the damage: {before}");

    let c = rusqlite::Connection::open(d.join("fp.db")).unwrap();
    c.execute_batch(&format!(
        "UPDATE holdings SET first_seen = {YEAR_510}, last_seen = 9223372036854775807;
         UPDATE company_summaries SET first_seen = {YEAR_510}, last_seen = 9223372036854775807;
         UPDATE archives SET export_date = 0;
         UPDATE records SET ts = 9223372036854775807 WHERE id = (SELECT min(id) FROM records WHERE title IS NOT NULL);
         UPDATE record_counts SET first_ts = {YEAR_510}, last_ts = 9223372036854775807;
         INSERT INTO activity_days(platform, day, records) VALUES ('facebook', '0000-00-00', 3), ('facebook', '+510-01-01', 2);"
    ))
    .unwrap();
    drop(c);

    let companies = run(d, &["companies"]);
    assert!(companies.contains("unknown date"), "{companies}");
    let name = serde_json::from_str::<serde_json::Value>(&run(d, &["companies", "--json"])).unwrap()[0]["name"].as_str().unwrap().to_string();
    let texts = [
        companies,
        run(d, &["company", &name]),
        run(d, &["archives"]),
        run(d, &["stats"]),
        run(d, &["timeline", "--by", "year"]),
        run(d, &["search", "", "--limit", "500"]),
    ];
    for t in &texts {
        for bad in ["9223372036854775807", "+510", "0000-", "2262-", "46388678400000"] {
            assert!(!t.contains(bad), "`{bad}` shown as a date:\n{t}");
        }
    }
    // JSON: the value is null, never the number.
    for args in [&["companies", "--json"][..], &["company", &name, "--json"], &["archives", "--json"], &["stats", "--json"], &["search", "", "--json", "--limit", "500"]] {
        let j = run(d, args);
        assert!(!j.contains("9223372036854775807") && !j.contains("46388678400000") && !j.contains("\"0000"), "{args:?}: {j}");
    }
}
