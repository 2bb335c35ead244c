//! `footprint study import` and `footprint study summary` as a researcher runs them: a study
//! file gives the salt, raw exports land in the partitioned dataset, a file that is no export
//! is reported (exit code 3) without stopping the others, a second run skips what is done,
//! and the summary counts the participants.

mod support;

use support::*;

#[test]
fn study_import_then_summary_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("received");
    std::fs::create_dir_all(&input).unwrap();
    for (name, seed) in [("ana", 31), ("ben", 32)] {
        let g = footprint_fixtures::demo::generator("facebook").unwrap();
        (g.write)(&input.join(format!("{name}.zip")), seed, Some(40)).unwrap();
    }
    std::fs::write(input.join("consent-forms.pdf"), b"%PDF-1.4 not an export").unwrap();
    let study = dir.path().join("study.toml");
    std::fs::write(&study, "id = \"pilot\"\ntitle = \"Ads across platforms\"\nresearcher = \"A lab\"\ncontact = \"lab@university.example\"\nsalt = \"a-study-salt-of-twenty-chars\"\n").unwrap();
    let dataset = dir.path().join("dataset");
    let db = dir.path().join("unused.db");
    let import = |jobs: &str| {
        run(&db, &["study", "import", input.to_str().unwrap(), "--out", dataset.to_str().unwrap(), "--study", study.to_str().unwrap(), "--jobs", jobs])
    };

    let out = import("2");
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(3), "{stdout}\n{stderr}");
    assert!(stdout.contains("2 participants imported, 0 already in the dataset (skipped), 1 failed"), "{stdout}");
    assert!(stderr.contains("consent-forms.pdf: not a zip"), "{stderr}");
    for id in ["ana", "ben"] {
        assert!(dataset.join(format!("participant={id}/table=records/part-0.parquet")).is_file());
    }

    let again = import("1");
    assert!(String::from_utf8_lossy(&again.stdout).contains("0 participants imported, 2 already in the dataset (skipped), 1 failed"));

    let out = run(&db, &["study", "summary", dataset.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["participants"], 2);
    assert_eq!(summary["platforms"][0]["platform"], "facebook");
    assert_eq!(summary["platforms"][0]["participants"], 2);
    assert!(summary["third_parties"].as_array().unwrap().iter().any(|t| t["participants"] == 2));

    // A bad study file says which file and what is wrong.
    std::fs::write(&study, "id = \"pilot\"\n").unwrap();
    let out = import("1");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("study.toml"), "{}", String::from_utf8_lossy(&out.stderr));
}

/// scripts/study-bench.sh, small: 10 participants at a tenth of the records. The figures in
/// docs/RESEARCH.md come from the same script at 1,000 participants.
#[test]
fn the_study_benchmark_script_runs_and_reports_every_run() {
    let dir = tempfile::tempdir().unwrap();
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/study-bench.sh");
    let out = std::process::Command::new("bash")
        .arg(&script)
        .args(["10", dir.path().to_str().unwrap(), "10"])
        .env("FOOTPRINT_BIN", env!("CARGO_BIN_EXE_footprint"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    for row in [
        "| study import --jobs 1 | 10 (10 written, 0 skipped, 0 failed) |",
        "| study import --jobs 2 | 10 (10 written, 0 skipped, 0 failed) |",
        "| again (resumed: all done) | 10 (0 written, 10 skipped, 0 failed) |",
        "| study summary | 10 |",
    ] {
        assert!(stdout.contains(row), "no `{row}` in:\n{stdout}");
    }
}
