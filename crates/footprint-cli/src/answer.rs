//! `footprint request attach`, `checklist` and `answer-file`: the company's answer to a
//! request (kept in the database), the check of an access answer against what the law
//! requires, and a copy of an answer file back out. The follow-up letter itself is
//! `footprint request letter ID --kind follow-up [--lang de]` (see `request.rs`).

use crate::request::bad_input;
use crate::{open, print_json, Failure};
use chrono::NaiveDate;
use clap::Args;
use footprint_core::requests::{AccessAnswer, ChecklistUpdate, Verdict};
use std::path::PathBuf;

#[derive(Args)]
pub struct AttachArgs {
    /// The request's reference (FP-…, see `footprint request list`), or `latest` for the newest.
    reference: String,
    /// The answer's file: a PDF, a zip export, an e-mail saved as .eml or text. Footprint keeps
    /// a copy, so the download may be deleted afterwards.
    file: PathBuf,
    /// The day the answer arrived (YYYY-MM-DD); default: today.
    #[arg(long)]
    date: Option<NaiveDate>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct ChecklistArgs {
    /// The request's reference (FP-…, see `footprint request list`), or `latest` for the newest.
    reference: String,
    /// KEY=yes|no|partly|n/a, e.g. `--set a=yes --set h=no` (repeatable).
    #[arg(long = "set", value_name = "KEY=VERDICT")]
    set: Vec<String>,
    /// KEY=TEXT: a remark the follow-up letter quotes (repeatable; an empty TEXT removes it).
    #[arg(long = "note", value_name = "KEY=TEXT")]
    note: Vec<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct AnswerFileArgs {
    /// The request's reference (FP-…, see `footprint request list`), or `latest` for the newest.
    reference: String,
    /// The answer file's id (see `footprint request checklist`).
    id: i64,
    /// Where to write the copy (a new file).
    #[arg(long)]
    out: PathBuf,
}

fn split(arg: &str, flag: &str) -> Result<(String, String), Failure> {
    arg.split_once('=')
        .map(|(k, v)| (k.trim().to_string(), v.to_string()))
        .ok_or_else(|| bad_input(format!("--{flag} {arg}: write it as KEY=VALUE (e.g. --{flag} h=no)")))
}

pub fn attach(db: &Option<PathBuf>, a: AttachArgs, today: NaiveDate) -> Result<(), Failure> {
    let mut store = open(db)?;
    let file = store.attach_answer(&a.reference, &a.file, a.date.unwrap_or(today), today)?;
    if a.json {
        print_json(&file);
    } else {
        println!(
            "Attached {} ({} bytes, SHA-256 {}) to {}, received {}.",
            file.file_name, file.size, file.sha256, a.reference, file.received
        );
        println!(
            "Footprint keeps its own copy. Check the answer with `footprint request checklist {}`.",
            a.reference
        );
    }
    Ok(())
}

pub fn checklist(db: &Option<PathBuf>, a: ChecklistArgs, today: NaiveDate) -> Result<(), Failure> {
    let mut updates: Vec<ChecklistUpdate> = Vec::new();
    let mut entry = |key: String| -> usize {
        match updates.iter().position(|u| u.key == key) {
            Some(i) => i,
            None => {
                updates.push(ChecklistUpdate {
                    key,
                    ..Default::default()
                });
                updates.len() - 1
            }
        }
    };
    let mut verdicts = Vec::new();
    for s in &a.set {
        let (key, word) = split(s, "set")?;
        let v = Verdict::parse(&word).ok_or_else(|| {
            bad_input(format!("--set {s}: `{word}` is not yes, no, partly or n/a"))
        })?;
        verdicts.push((entry(key), v));
    }
    let mut notes = Vec::new();
    for n in &a.note {
        let (key, text) = split(n, "note")?;
        notes.push((entry(key), text));
    }
    for (i, v) in verdicts {
        updates[i].verdict = Some(v);
    }
    for (i, t) in notes {
        updates[i].note = Some(t);
    }
    let mut store = open(db)?;
    let view = if updates.is_empty() {
        store.access_answer(&a.reference)?
    } else {
        store.set_checklist(&a.reference, &updates, today)?
    };
    if a.json {
        print_json(&view);
    } else {
        print_checklist(&view);
    }
    Ok(())
}

pub fn answer_file(db: &Option<PathBuf>, a: AnswerFileArgs) -> Result<(), Failure> {
    let f = open(db)?.save_answer_file(&a.reference, a.id, &a.out)?;
    println!("Wrote {} ({} bytes) to {}.", f.file_name, f.size, a.out.display());
    Ok(())
}

fn mark(v: Option<Verdict>) -> &'static str {
    match v {
        None => "[ ]     ",
        Some(Verdict::Yes) => "[yes]   ",
        Some(Verdict::No) => "[no]    ",
        Some(Verdict::Partly) => "[partly]",
        Some(Verdict::NotApplicable) => "[n/a]   ",
    }
}

fn print_checklist(v: &AccessAnswer) {
    if v.files.is_empty() {
        println!("No answer attached yet (`footprint request attach {} FILE`).", v.reference);
    } else {
        println!("The company's answer:");
        for f in &v.files {
            println!(
                "  {}. {} ({} bytes), received {}, SHA-256 {}",
                f.id, f.file_name, f.size, f.received, f.sha256
            );
        }
    }
    if let Some(why) = &v.checklist_missing {
        println!("No checklist: {why}.");
        return;
    }
    println!("Does the answer cover what the law requires? ({} of {} answered)", v.answered, v.items.len());
    for i in &v.items {
        println!("  {} {:<13} {} ({})", mark(i.verdict), i.key, i.question, i.provision);
        if let Some(n) = &i.note {
            println!("  {:<8} {:<13} Note: {n}", "", "");
        }
    }
    match &v.follow_up_blocker {
        None => println!(
            "{} gap{} ({}): write the follow-up letter with `footprint request letter {} --kind follow-up` (--lang de or fr for German or French).",
            v.gaps.len(),
            if v.gaps.len() == 1 { "" } else { "s" },
            v.gaps.join(", "),
            v.reference
        ),
        Some(why) => println!("No follow-up letter yet: {why}. Set items with --set KEY=yes|no|partly|n/a."),
    }
}
