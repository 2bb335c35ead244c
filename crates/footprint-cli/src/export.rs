//! `footprint export`: the research export (footprint-research) of the database into a folder
//! of Parquet, CSV or JSON Lines tables with their codebook; pseudonymized with a study salt.

use crate::Failure;
use clap::Args;
use footprint_research::{ExportError, ExportOptions, Format, Selection};
use std::path::PathBuf;

#[derive(Args)]
pub struct ExportArgs {
    /// parquet, csv or jsonl.
    #[arg(long, default_value = "parquet", value_parser = ["parquet", "csv", "jsonl"])]
    format: String,
    /// The folder to write (created; must be empty).
    #[arg(long)]
    out: PathBuf,
    /// Only these archives (ids from `footprint archives`).
    #[arg(long, num_args = 1..)]
    archive: Vec<i64>,
    /// Only records of these kinds (message, search, location_point...), comma-separated.
    #[arg(long, value_delimiter = ',')]
    kinds: Vec<String>,
    /// Only these data categories (identity_contact, messages, ...), comma-separated.
    #[arg(long, value_delimiter = ',')]
    categories: Vec<String>,
    /// Also write the identities table (your own names, e-mails, phones...).
    #[arg(long)]
    with_identities: bool,
    /// Study salt: replace identifiers and contacts' names by keyed hashes made with it.
    #[arg(long, conflicts_with = "study_salt_file", env = "FOOTPRINT_STUDY_SALT", hide_env_values = true)]
    salt: Option<String>,
    /// Read the study salt from this file (its first line), as a study hands it out.
    #[arg(long)]
    study_salt_file: Option<PathBuf>,
    /// Leave the text of messages out.
    #[arg(long)]
    drop_message_text: bool,
    /// Print the summary (files, rows, sizes) as JSON.
    #[arg(long)]
    json: bool,
}

impl From<ExportError> for Failure {
    fn from(e: ExportError) -> Self {
        let code = match e {
            ExportError::Invalid(_) | ExportError::NotEmpty(_) => crate::exit::USAGE,
            _ => crate::exit::FAILURE,
        };
        Failure {
            code,
            message: e.to_string(),
        }
    }
}

/// The study salt: `--study-salt-file`'s first line, else `--salt` (or its variable).
pub fn salt_from(salt: Option<String>, file: Option<&std::path::Path>) -> Result<Option<String>, Failure> {
    match file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Failure::usage(format!("study salt file {}: {e}", path.display())))?;
            Ok(Some(text.lines().next().unwrap_or("").trim().to_string()))
        }
        None => Ok(salt),
    }
}

fn non_empty<T>(v: Vec<T>) -> Option<Vec<T>> {
    (!v.is_empty()).then_some(v)
}

pub fn run(db: &Option<PathBuf>, args: ExportArgs) -> Result<(), Failure> {
    let salt = salt_from(args.salt.clone(), args.study_salt_file.as_deref())?;
    let store = crate::open(db)?;
    let opts = ExportOptions {
        format: Format::parse(&args.format).expect("clap checked the format"),
        out: args.out.clone(),
        selection: Selection {
            archives: non_empty(args.archive),
            kinds: non_empty(args.kinds),
            categories: non_empty(args.categories),
            ..Default::default()
        },
        with_identities: args.with_identities,
        salt,
        drop_message_text: args.drop_message_text,
    };
    let summary = footprint_research::export(&store, &opts)?;
    if args.json {
        crate::print_json(&summary);
        return Ok(());
    }
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::UTF8_BORDERS_ONLY)
        .set_header(vec!["Table", "Rows", "File", "Size"]);
    for s in &summary.tables {
        t.add_row(vec![
            s.table.to_string(),
            crate::output::group(s.rows as i64),
            s.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            crate::output::bytes(s.bytes),
        ]);
    }
    println!("{t}");
    println!(
        "Wrote {} rows to {} in {:.1} s, with codebook.md and codebook.json{}.",
        crate::output::group(summary.rows() as i64),
        summary.out.display(),
        summary.seconds,
        if summary.pseudonymized {
            format!("; pseudonymized ({} values replaced, see redaction_log.json)", crate::output::group(summary.redactions as i64))
        } else {
            String::new()
        }
    );
    Ok(())
}
