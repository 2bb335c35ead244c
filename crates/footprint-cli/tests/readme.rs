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

#[test]
fn readme_cli_reference_matches_the_tool() {
    let readme_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let (start, end) = ("<!-- cli-reference:start -->\n", "<!-- cli-reference:end -->");
    let a = readme.find(start).expect("start marker") + start.len();
    let b = readme.find(end).expect("end marker");
    let want = reference();
    if readme[a..b] != want {
        if std::env::var_os("FOOTPRINT_BLESS").is_some() {
            let updated = format!("{}{}{}", &readme[..a], want, &readme[b..]);
            std::fs::write(&readme_path, updated).unwrap();
        } else {
            panic!("README.md's CLI reference is out of date: run FOOTPRINT_BLESS=1 cargo test -p footprint-cli --test readme");
        }
    }
}
