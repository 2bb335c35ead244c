//! `footprint study import` and `footprint study summary`: many participants' donation files
//! and raw exports into one partitioned Parquet dataset, and what it holds
//! (footprint-research's `study` module, docs/RESEARCH.md "Studies").

use crate::Failure;
use clap::{Args, Subcommand};
use footprint_research::donation::Study;
use footprint_research::study::{import_study, summarize, ParticipantReport, StudyImportOptions};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Args)]
pub struct StudyArgs {
    #[command(subcommand)]
    command: StudyCommand,
}

#[derive(Subcommand)]
enum StudyCommand {
    /// Read a folder of donation files (donation-<study>-<id>.zip) and raw exports (one
    /// participant each) into a Parquet dataset partitioned as participant=<id>/table=<name>/.
    /// Participants already in the dataset are skipped; a damaged or unknown file is reported
    /// and skipped.
    Import(ImportArgs),
    /// Per platform, how many participants and files were understood, and the third parties
    /// named for the most participants.
    Summary(SummaryArgs),
}

#[derive(Args)]
struct ImportArgs {
    /// The folder of donation files and raw exports.
    dir: PathBuf,
    /// The dataset folder (created; participants already in it are kept and skipped).
    #[arg(long)]
    out: PathBuf,
    /// Participants processed at once [default: the number of cores].
    #[arg(long)]
    jobs: Option<usize>,
    /// The study file (`id` and `salt`): its salt pseudonymizes raw exports, and donations to
    /// another study are refused.
    #[arg(long, conflicts_with_all = ["salt", "study_salt_file"])]
    study: Option<PathBuf>,
    /// Study salt for raw exports (a raw export without one is refused).
    #[arg(long, conflicts_with = "study_salt_file", env = "FOOTPRINT_STUDY_SALT", hide_env_values = true)]
    salt: Option<String>,
    /// Read the study salt from this file (its first line).
    #[arg(long)]
    study_salt_file: Option<PathBuf>,
    /// Raw exports: also write the identities table (hashed).
    #[arg(long)]
    with_identities: bool,
    /// Raw exports: leave the text of messages out.
    #[arg(long)]
    drop_message_text: bool,
    /// Print the report (study_report.json) instead of the summary of failures.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct SummaryArgs {
    /// The dataset folder `study import` wrote.
    dataset: PathBuf,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: StudyArgs) -> Result<(), Failure> {
    match args.command {
        StudyCommand::Import(a) => import(a),
        StudyCommand::Summary(a) => summary(a),
    }
}

fn import(args: ImportArgs) -> Result<(), Failure> {
    let (salt, study) = match &args.study {
        Some(path) => {
            // The same study file `footprint donate` reads: its salt and id are what matter here.
            let study = Study::load(path).map_err(|e| Failure::usage(e.to_string()))?;
            (Some(study.salt().to_string()), Some(study.id.clone()))
        }
        None => (crate::export::salt_from(args.salt.clone(), args.study_salt_file.as_deref())?, None),
    };
    let bar = if args.json { ProgressBar::hidden() } else { ProgressBar::new(0) };
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} participants · {per_sec} · eta {eta} · {msg}")
            .expect("valid template")
            .progress_chars("=> "),
    );
    let on_done = {
        let bar = bar.clone();
        Arc::new(move |p: &ParticipantReport, total: usize| {
            bar.set_length(total as u64);
            bar.inc(1);
            bar.set_message(p.participant.clone().unwrap_or_default());
        })
    };
    let mut opts = StudyImportOptions {
        salt,
        study,
        with_identities: args.with_identities,
        drop_message_text: args.drop_message_text,
        on_done: Some(on_done),
        ..StudyImportOptions::new(args.dir.clone(), args.out.clone())
    };
    if let Some(jobs) = args.jobs {
        if jobs == 0 {
            return Err(Failure::usage("--jobs must be at least 1"));
        }
        opts.jobs = jobs;
    }
    let report = import_study(&opts)?;
    bar.finish_and_clear();
    if args.json {
        crate::print_json(&report);
    } else {
        for p in report.failures() {
            let error = p.error.as_deref().unwrap_or("failed");
            // Import errors name the file already.
            if error.contains(&p.source) {
                eprintln!("footprint: {error}");
            } else {
                eprintln!("footprint: {}: {error}", args.dir.join(&p.source).display());
            }
        }
        println!(
            "{} participants imported, {} already in the dataset (skipped), {} failed; {} rows in {:.1} s ({} participants at once). Report: {}",
            report.ok,
            report.skipped,
            report.failed,
            crate::output::group(report.rows as i64),
            report.seconds,
            report.jobs,
            report.dataset.join(footprint_research::study::REPORT_FILE).display()
        );
    }
    if report.failed > 0 {
        // The study ran to its end; the exit code tells a script some inputs were refused.
        return Err(Failure {
            code: crate::exit::BAD_INPUT,
            message: format!("{} of {} participants could not be imported", report.failed, report.participants.len()),
        });
    }
    Ok(())
}

fn summary(args: SummaryArgs) -> Result<(), Failure> {
    let summary = summarize(&args.dataset)?;
    if args.json {
        crate::print_json(&summary);
        return Ok(());
    }
    println!("{} participants in {}", summary.participants, summary.dataset.display());
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::UTF8_BORDERS_ONLY)
        .set_header(vec!["Platform", "Participants", "Archives", "Records", "Files", "Understood"]);
    for p in &summary.platforms {
        t.add_row(vec![
            p.platform.clone(),
            crate::output::group(p.participants as i64),
            crate::output::group(p.archives as i64),
            crate::output::group(p.records as i64),
            crate::output::group(p.files as i64),
            crate::output::group(p.files_understood as i64),
        ]);
    }
    println!("{t}");
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::UTF8_BORDERS_ONLY)
        .set_header(vec!["Third party", "Participants", "Evidence records"]);
    for c in &summary.third_parties {
        t.add_row(vec![
            c.company.clone(),
            crate::output::group(c.participants as i64),
            crate::output::group(c.evidence as i64),
        ]);
    }
    println!("{t}");
    Ok(())
}
