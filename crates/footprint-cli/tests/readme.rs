//! The README's CLI reference is generated from the tool's own help and must match it, so the
//! docs never drift from the code. `FOOTPRINT_BLESS=1` rewrites the README section.

use assert_cmd::Command;
use std::path::PathBuf;

fn help(args: &[&str]) -> String {
    let out = Command::cargo_bin("footprint")
        .unwrap()
        .env_remove("FOOTPRINT_DB")
        .env_remove("FOOTPRINT_DATA_DIR")
        .args(args)
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim_end().to_string()
}

fn subcommands(top: &str) -> Vec<String> {
    top.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|c| c != "help")
        .collect()
}

fn reference() -> String {
    let top = help(&[]);
    let mut out = format!("```text\n$ footprint --help\n{top}\n```\n");
    for cmd in subcommands(&top) {
        out.push_str(&format!(
            "\n<details><summary><code>footprint {cmd}</code></summary>\n\n```text\n{}\n```\n</details>\n",
            help(&[&cmd])
        ));
    }
    out
}

/// The "where to get each export" table, from the platforms' descriptors (the same words
/// as the app's Welcome screen and `footprint platforms`).
fn platforms_table() -> String {
    let out = Command::cargo_bin("footprint")
        .unwrap()
        .args(["platforms", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut t = String::from("| Platform | Run by | Where to ask | What to pick |\n|---|---|---|---|\n");
    for d in &list {
        let s = |k: &str| d[k].as_str().unwrap_or_default().replace('|', "\\|");
        t.push_str(&format!("| {} | {} | {} | {} |\n", s("name"), s("company"), s("address"), s("format")));
    }
    t
}

/// Replace the text between two markers of the README with `want`, or fail when it differs
/// (`FOOTPRINT_BLESS=1` rewrites it).
fn check_section(marker: &str, want: &str) {
    let readme_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let (start, end) = (format!("<!-- {marker}:start -->\n"), format!("<!-- {marker}:end -->"));
    let a = readme.find(&start).expect("start marker") + start.len();
    let b = readme.find(&end).expect("end marker");
    if readme[a..b] != *want {
        if std::env::var_os("FOOTPRINT_BLESS").is_some() {
            let updated = format!("{}{}{}", &readme[..a], want, &readme[b..]);
            std::fs::write(&readme_path, updated).unwrap();
        } else {
            panic!("README.md's {marker} section is out of date: run FOOTPRINT_BLESS=1 cargo test -p footprint-cli --test readme");
        }
    }
}

#[test]
fn readme_cli_reference_matches_the_tool() {
    check_section("cli-reference", &reference());
}

#[test]
fn readme_platform_guide_matches_the_descriptors() {
    check_section("platforms", &platforms_table());
}

/// Every `footprint ...` line of the README's `sh` blocks, in order.
fn readme_examples(readme: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        let t = line.trim();
        if t.starts_with("```") {
            in_sh = t == "```sh";
            continue;
        }
        if in_sh && t.starts_with("footprint ") {
            // Drop a trailing `# comment`.
            let cmd = t.split(" #").next().unwrap_or(t).trim();
            out.push(cmd.to_string());
        }
    }
    out
}

/// The README's examples run as written, in order, with `footprint` on the PATH, against a
/// temporary data folder (a newcomer copies them one by one).
#[test]
fn readme_examples_run_as_written() {
    let readme = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../README.md")).unwrap();
    let examples = readme_examples(&readme);
    assert!(examples.len() >= 8, "the README shows the CLI: {examples:?}");
    let bin = assert_cmd::cargo::cargo_bin("footprint");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    for example in &examples {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(example)
            .current_dir(work.path())
            .env("PATH", &path)
            .env("HOME", work.path())
            .env("FOOTPRINT_DATA_DIR", &data)
            .env_remove("FOOTPRINT_DB")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "README example `{example}` failed ({}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // They did what they say: the demo was imported, a request and its letter exist, and the
    // last example removed the demo again.
    assert!(work.path().join("letter.pdf").exists(), "the letter example writes letter.pdf");
}
