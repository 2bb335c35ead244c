//! `footprint donate`: what the app's "Share with a study" screen does, for scripted studies.
//! Reads a study file, shows what would leave (`--preview`, nothing written) or writes the
//! donation file the participant then hands over themselves. Nothing is sent.

use crate::grid::Grid;
use crate::output::{bytes, group};
use crate::Failure;
use clap::Args;
use footprint_research::donation::{self, format::file_name, Choices, DonationError, ParticipantId, Plan, Study};
use std::path::PathBuf;

#[derive(Args)]
pub struct DonateArgs {
    /// The study file (STUDY.toml) the researchers handed out.
    #[arg(long)]
    study: PathBuf,
    /// Your participant id, if the study gave you one [default: a random one, printed].
    #[arg(long)]
    participant: Option<String>,
    /// The folder to write the donation file into (created if missing).
    #[arg(long, default_value = ".")]
    out: PathBuf,
    /// Leave out a data category the study asks for (repeatable, or comma-separated).
    #[arg(long, value_delimiter = ',')]
    exclude_category: Vec<String>,
    /// Leave out a platform's records (repeatable, or comma-separated).
    #[arg(long, value_delimiter = ',')]
    exclude_platform: Vec<String>,
    /// Show what would leave (counts and the first rows, pseudonymized); write nothing.
    #[arg(long)]
    preview: bool,
    /// Rows of each table `--preview` shows.
    #[arg(long, default_value_t = 2)]
    rows: u64,
    /// Print the plan (with `--preview`) or the consent record written, as JSON.
    #[arg(long)]
    json: bool,
}

impl From<DonationError> for Failure {
    fn from(e: DonationError) -> Self {
        let code = match &e {
            DonationError::Study { .. } | DonationError::Invalid(_) => crate::exit::USAGE,
            DonationError::Refused { .. } => crate::exit::BAD_INPUT,
            DonationError::Export(_) | DonationError::Io { .. } => crate::exit::FAILURE,
        };
        match e {
            DonationError::Export(inner) => Failure::from(inner),
            other => Failure {
                code,
                message: other.to_string(),
            },
        }
    }
}

pub fn run(db: &Option<PathBuf>, args: DonateArgs) -> Result<(), Failure> {
    let study = Study::load(&args.study)?;
    let store = crate::open(db)?;
    let choices = Choices {
        excluded_categories: args.exclude_category.clone(),
        excluded_platforms: args.exclude_platform.clone(),
        ..Default::default()
    };
    if args.preview {
        let plan = donation::plan(&store, &study, &choices, args.rows)?;
        if args.json {
            crate::print_json(&plan);
        } else {
            print_plan(&study, &plan);
        }
        return Ok(());
    }
    let (participant, invented) = match &args.participant {
        Some(id) => (ParticipantId::new(id).map_err(|e| Failure::usage(format!("--participant: {e}")))?, false),
        None => (donation::random_participant(), true),
    };
    std::fs::create_dir_all(&args.out).map_err(|e| Failure::usage(format!("{}: {e}", args.out.display())))?;
    let dest = args.out.join(file_name(&study.id, &participant));
    if dest.exists() {
        return Err(Failure::usage(format!(
            "{} exists already: move it away or write into another folder (--out)",
            dest.display()
        )));
    }
    let written = donation::write(&store, &study, &choices, &participant, &dest)?;
    if args.json {
        crate::print_json(&written);
        return Ok(());
    }
    if invented {
        println!("Your participant id: {participant} (keep it if the study asks for it).");
    }
    let mut t = Grid::new(&["Table", "Rows", "Size"]).right(&[1, 2]);
    for f in written.consent.files.iter().filter(|f| !f.table.is_empty()) {
        t.row(vec![f.table.clone(), group(f.rows as i64), bytes(f.bytes)]);
    }
    t.print();
    println!(
        "Wrote {} ({}, {} rows) in {:.1} s. Nothing was sent: hand this file to the study yourself.",
        written.path.display(),
        bytes(written.bytes),
        group(written.rows() as i64),
        written.seconds
    );
    Ok(())
}

/// Imported text and the study's own text on a terminal: control characters (escape
/// sequences) become spaces, long cells are cut.
fn printable(s: &str, max: usize) -> String {
    let clean: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if clean.chars().count() > max {
        clean.chars().take(max - 1).collect::<String>() + "…"
    } else {
        clean
    }
}

fn print_plan(study: &Study, plan: &Plan) {
    println!("Study {}: {}", study.id, printable(&study.title, 200));
    println!("By {} ({})", printable(&study.researcher, 200), printable(&study.contact, 200));
    if let Some(d) = &study.description {
        println!("{}", printable(d.trim(), 2000));
    }
    println!();
    for (what, shares) in [("Category", &plan.categories), ("Platform", &plan.platforms)] {
        let mut t = Grid::new(&[what, "Records", "Shared"]).right(&[1]);
        for s in shares {
            t.row(vec![printable(&s.label, 60), group(s.records as i64), if s.included { "yes" } else { "no (left out)" }.into()]);
        }
        t.print();
    }
    const FILES_SHOWN: usize = 20;
    let mut t = Grid::new(&["Platform", "File", "Records"]).right(&[2]);
    let mut files = plan.files.clone();
    files.sort_by_key(|f| std::cmp::Reverse(f.records));
    for f in files.iter().filter(|f| f.included).take(FILES_SHOWN) {
        t.row(vec![f.platform.clone(), printable(&f.path, 100), group(f.records as i64)]);
    }
    t.print();
    if files.len() > FILES_SHOWN {
        println!("… and {} more files.", files.len() - FILES_SHOWN);
    }
    println!(
        "{} records would leave{}; pseudonymized with the study's salt{}{}.",
        group(plan.records as i64),
        if plan.excluded_records > 0 { format!(" ({} left out one by one)", plan.excluded_records) } else { String::new() },
        if study.drop_message_text { ", without the text of messages" } else { "" },
        if study.with_identities { ", with your own identifiers (hashed)" } else { "" },
    );
    for table in &plan.tables {
        println!("\n{} ({} rows), as the donation file would hold it:", table.table, group(table.rows as i64));
        for (i, row) in table.preview.iter().enumerate() {
            let mut t = Grid::new(&["Column", "Value"]);
            for (c, v) in table.columns.iter().zip(row) {
                t.row(vec![c.clone(), v.as_deref().map(|v| printable(v, 100)).unwrap_or_default()]);
            }
            println!("row {}:", i + 1);
            t.print();
        }
    }
    println!("\nNothing was written. Without --preview, `footprint donate` writes the donation file.");
}
