//! `footprint`: the command-line face of the engine. Every command is a thin adapter over a
//! footprint-core function; this file only parses arguments, prints and maps errors to exit
//! codes (documented in README.md and in `footprint --help`).

mod answer;
mod bench;
mod contact;
mod donate;
mod export;
mod generate;
mod grid;
mod output;
mod passphrase;
mod request;
mod study;

use clap::{CommandFactory, Parser, Subcommand};
use footprint_core::query::{CompanyQuery, SearchQuery, TimelineQuery};
use footprint_core::runner::{self, ImportError, ImportOptions, ImportOutcome, Progress};
use footprint_core::store::{Rewrite, Store, StoreError};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Exit codes (stable; scripts rely on them).
pub mod exit {
    /// Everything worked.
    pub const OK: u8 = 0;
    /// An unexpected failure (database error, I/O).
    pub const FAILURE: u8 = 1;
    /// Wrong arguments (clap's own code).
    pub const USAGE: u8 = 2;
    /// An input was refused: unknown or damaged archive, unsafe archive, not recognized.
    pub const BAD_INPUT: u8 = 3;
    /// The thing asked for does not exist (archive id, company name).
    pub const NOT_FOUND: u8 = 4;
    /// Interrupted by the user (Ctrl-C); nothing was saved.
    pub const CANCELLED: u8 = 130;
}

#[derive(Parser)]
#[command(
    name = "footprint",
    version,
    about = "See which companies hold what data about you, from your data-download archives.",
    long_about = "Footprint reads the data-download archives platforms hand you (`footprint \
platforms` lists them and how to get each), without unpacking them, indexes them in a local SQLite database and shows \
which companies hold what data about you, and how you know. Nothing leaves your computer.",
    after_help = "Exit codes: 0 ok, 1 failure, 2 usage, 3 input refused (damaged, unsafe or \
unknown archive), 4 not found, 130 cancelled."
)]
struct Cli {
    /// Database file [default: footprint.db in $FOOTPRINT_DATA_DIR or the user data folder,
    /// e.g. ~/.local/share/footprint/footprint.db; shared with the desktop app]
    #[arg(long, global = true, env = "FOOTPRINT_DB")]
    db: Option<PathBuf>,
    /// Tables: auto (a table on a terminal, tab-separated values when piped), table or tsv
    #[arg(long, global = true, env = "FOOTPRINT_LAYOUT", value_enum, default_value_t = grid::Layout::Auto)]
    layout: grid::Layout,
    /// Encrypt the database in place (SQLCipher). The new passphrase comes from
    /// FOOTPRINT_PASSPHRASE or is typed twice; every command then needs it (from
    /// FOOTPRINT_PASSPHRASE, the system keyring if the app kept it there, or typed).
    #[arg(long, group = "encryption")]
    encrypt: bool,
    /// Turn an encrypted database back into an ordinary SQLite file, in place.
    #[arg(long, group = "encryption")]
    decrypt: bool,
    /// Encrypt the database with a new passphrase (FOOTPRINT_NEW_PASSPHRASE, or typed twice).
    #[arg(long, group = "encryption")]
    change_passphrase: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Import export archives (zip, part-zips, .tgz or folder). Part-zips of one export
    /// (`takeout-...-001.zip`, `-002.zip`) given together are imported as one.
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Force the platform (an id from `footprint platforms`) instead of detecting it.
        #[arg(long)]
        platform: Option<String>,
        /// Print the import reports as JSON.
        #[arg(long)]
        json: bool,
        /// List every file of the report, not only a summary.
        #[arg(long)]
        files: bool,
    },
    /// List imported archives.
    Archives {
        #[arg(long)]
        json: bool,
    },
    /// Show the import report of an archive again.
    Report {
        archive: i64,
        #[arg(long)]
        json: bool,
        #[arg(long)]
        files: bool,
    },
    /// Remove an archive and everything derived from it (`--demo`: every demo archive).
    Remove {
        /// The archive id (see `footprint archives`).
        #[arg(required_unless_present = "demo")]
        archive: Option<i64>,
        /// Remove the demo data (the invented person's exports), keep your own archives.
        #[arg(long, conflicts_with = "archive")]
        demo: bool,
        #[arg(long)]
        json: bool,
    },
    /// The platforms Footprint reads, and how to get each one's export.
    Platforms {
        #[arg(long)]
        json: bool,
    },
    /// Who holds your data: every company, its relation to you and the evidence count.
    Companies {
        /// Only names containing this text.
        #[arg(long)]
        search: Option<String>,
        /// Only this relation (e.g. uploaded_contact_list, sent_off_platform_activity).
        #[arg(long)]
        relation: Option<String>,
        /// records (default), name or last_seen.
        #[arg(long)]
        sort: Option<String>,
        #[arg(long)]
        limit: Option<i64>,
        /// Print the companies as JSON, each with its aliases (every name an export used).
        #[arg(long)]
        json: bool,
    },
    /// One company: what it holds, how we know (evidence records and files).
    Company {
        /// Name, alias, domain or id.
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// A company's privacy contact: show it, or correct or add your own (letters use yours
    /// first; it survives directory updates). `--clear` forgets yours.
    Contact(contact::ContactArgs),
    /// The built-in company directory: how it was merged from its sources, and how many of
    /// your companies it can reach.
    Directory(contact::DirectoryArgs),
    /// The data-protection supervisory authorities complaints go to (EU/EEA, UK, Switzerland,
    /// German Länder), with their addresses.
    Authorities {
        /// Only this country (ISO code: DE, FR, UK...).
        #[arg(long)]
        country: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Full-text search over all records.
    Search {
        query: String,
        #[arg(long)]
        platform: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        category: Option<String>,
        #[arg(long, default_value_t = 20)]
        limit: i64,
        #[arg(long)]
        json: bool,
    },
    /// Counts: records, archives, companies, per platform and kind.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Activity over time.
    Timeline {
        /// month (default), day or year.
        #[arg(long, default_value = "month")]
        by: String,
        #[arg(long)]
        platform: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Your own identifiers found in the exports (names, emails, usernames...).
    Identities {
        #[arg(long)]
        json: bool,
    },
    /// Data-rights requests (access, erasure, ...): letters citing your exports, legal due
    /// dates, and tracking until the company answers.
    Request(request::RequestArgs),
    /// Research export: every table as Parquet, CSV or JSON Lines with a codebook, optionally
    /// pseudonymized with a study salt (docs/RESEARCH.md).
    Export(export::ExportArgs),
    /// Studies of many participants: import donation files and raw exports into one
    /// partitioned Parquet dataset, and summarize it (docs/RESEARCH.md).
    Study(study::StudyArgs),
    /// Write a donation file for a study (STUDY.toml): what it asks for, minus what you leave
    /// out, pseudonymized; `--preview` shows it first. Nothing is sent (docs/RESEARCH.md)
    Donate(donate::DonateArgs),
    /// Write a synthetic export archive (for demos and tests; never real data).
    Generate(generate::GenerateArgs),
    /// Measure import speed and memory on generated archives.
    Bench(bench::BenchArgs),
    /// One measured import in a process of its own (what `bench` runs; not for users).
    #[command(hide = true)]
    BenchRun(bench::run::RunArgs),
}

/// An error with its exit code.
struct Failure {
    code: u8,
    message: String,
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        let code = match e {
            StoreError::NotFound(_) => exit::NOT_FOUND,
            _ => exit::FAILURE,
        };
        Failure {
            code,
            message: e.to_string(),
        }
    }
}

impl From<ImportError> for Failure {
    fn from(e: ImportError) -> Self {
        let code = match &e {
            ImportError::Cancelled => exit::CANCELLED,
            ImportError::Store(_) => exit::FAILURE,
            _ if e.code() == "io" => exit::FAILURE,
            _ => exit::BAD_INPUT,
        };
        Failure {
            code,
            message: e.to_string(),
        }
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure {
            code: exit::FAILURE,
            message: e.to_string(),
        }
    }
}

impl Failure {
    /// An unexpected failure (exit code 1).
    fn failed(message: impl Into<String>) -> Failure {
        Failure {
            code: exit::FAILURE,
            message: message.into(),
        }
    }

    /// Wrong arguments (exit code 2).
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: exit::USAGE,
            message: message.into(),
        }
    }
}

fn not_found(message: String) -> Failure {
    Failure {
        code: exit::NOT_FOUND,
        message,
    }
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    grid::choose(cli.layout);
    match run(cli) {
        Ok(()) => ExitCode::from(exit::OK),
        Err(f) => {
            eprintln!("footprint: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

/// `footprint records | head` closes our stdout early. Rust ignores SIGPIPE, so the next
/// `println!` would panic with "failed printing to stdout"; a command-line tool should end
/// quietly instead, as `cat` does. Restoring the default disposition makes the kernel end the
/// process at that write. Only on Unix: Windows has no SIGPIPE.
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is always valid.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn db_path(db: &Option<PathBuf>) -> PathBuf {
    db.clone().unwrap_or_else(footprint_core::paths::default_db)
}

fn open(db: &Option<PathBuf>) -> Result<Store, Failure> {
    let path = db_path(db);
    let key = passphrase::for_open(&path)?;
    Ok(Store::open_with(&path, key.as_ref())?)
}

fn print_json<T: serde::Serialize>(value: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("serializable")
    );
}

fn run(cli: Cli) -> Result<(), Failure> {
    let rewrite = [
        (cli.encrypt, Rewrite::Encrypt),
        (cli.decrypt, Rewrite::Decrypt),
        (cli.change_passphrase, Rewrite::ChangePassphrase),
    ]
    .into_iter()
    .find_map(|(asked, what)| asked.then_some(what));
    if let Some(what) = rewrite {
        if cli.command.is_some() {
            return Err(Failure {
                code: exit::USAGE,
                message: "--encrypt, --decrypt and --change-passphrase are used alone, without a command".into(),
            });
        }
        return passphrase::rewrite(&db_path(&cli.db), what);
    }
    let Some(command) = cli.command else {
        Cli::command().print_help()?;
        return Err(Failure { code: exit::USAGE, message: "a command is needed (see above)".into() });
    };
    match command {
        Command::Import {
            paths,
            platform,
            json,
            files,
        } => import(&cli.db, paths, platform, json, files),
        Command::Archives { json } => {
            let list = open(&cli.db)?.archives()?;
            if json {
                print_json(&list);
            } else {
                output::archives(&list);
            }
            Ok(())
        }
        Command::Report {
            archive,
            json,
            files,
        } => {
            let report = open(&cli.db)?
                .archive_report(archive)?
                .ok_or_else(|| not_found(format!("no archive with id {archive}")))?;
            if json {
                print_json(&report);
            } else {
                output::report(&report, files);
            }
            Ok(())
        }
        Command::Remove {
            archive,
            demo,
            json,
        } => {
            let mut store = open(&cli.db)?;
            let (outcomes, one) = match archive {
                Some(id) if !demo => (vec![store.remove_archive(id)?], true),
                _ => (store.remove_demo()?, false),
            };
            if json && one {
                // One archive: one object, as scripts expect; `--demo`: a list.
                print_json(&outcomes[0]);
            } else if json {
                print_json(&outcomes);
            } else if outcomes.is_empty() {
                println!("No demo data to remove.");
            } else {
                for outcome in &outcomes {
                    println!(
                        "Removed archive {}: {} records deleted, {} kept because a later export also has them, {} companies no longer shown.",
                        outcome.archive_id,
                        outcome.records_removed,
                        outcome.records_handed_over,
                        outcome.companies_removed
                    );
                }
            }
            Ok(())
        }
        Command::Platforms { json } => {
            let list: Vec<_> = footprint_core::registry::descriptors().collect();
            if json {
                print_json(&list);
            } else {
                output::platforms(&list);
            }
            Ok(())
        }
        Command::Companies {
            search,
            relation,
            sort,
            limit,
            json,
        } => {
            let list = open(&cli.db)?.companies(&CompanyQuery {
                text: search,
                relation,
                sort,
                limit,
                offset: None,
            })?;
            if json {
                print_json(&list);
            } else {
                output::companies(&list);
            }
            Ok(())
        }
        Command::Company { name, json } => {
            let store = open(&cli.db)?;
            let id = store
                .find_company(&name)?
                .ok_or_else(|| not_found(format!("no company matches `{name}` (see `footprint companies`)")))?;
            let detail = store
                .company(id)?
                .ok_or_else(|| not_found(format!("no company with id {id}")))?;
            if json {
                print_json(&detail);
            } else {
                output::company(&detail);
            }
            Ok(())
        }
        Command::Search {
            query,
            platform,
            kind,
            category,
            limit,
            json,
        } => {
            let page = open(&cli.db)?.search(&SearchQuery {
                text: Some(query),
                platform,
                kind,
                category,
                limit: Some(limit),
                ..Default::default()
            })?;
            if json {
                print_json(&page);
            } else {
                output::records(&page.rows);
            }
            Ok(())
        }
        Command::Stats { json } => {
            let stats = open(&cli.db)?.stats()?;
            if json {
                print_json(&stats);
            } else {
                output::stats(&stats);
            }
            Ok(())
        }
        Command::Timeline { by, platform, json } => {
            let buckets = open(&cli.db)?.timeline(&TimelineQuery {
                by: Some(by),
                platform,
                ..Default::default()
            })?;
            if json {
                print_json(&buckets);
            } else {
                output::timeline(&buckets);
            }
            Ok(())
        }
        Command::Identities { json } => {
            let list = open(&cli.db)?.identities()?;
            if json {
                print_json(&list);
            } else {
                output::identities(&list);
            }
            Ok(())
        }
        Command::Authorities { country, json } => request::authorities(country, json),
        Command::Request(args) => request::run(&cli.db, args),
        Command::Contact(args) => contact::contact(&cli.db, args),
        Command::Directory(args) => contact::directory(&cli.db, args),
        Command::Export(args) => export::run(&cli.db, args),
        Command::Study(args) => study::run(args),
        Command::Donate(args) => donate::run(&cli.db, args),
        Command::Generate(args) => generate::run(args),
        Command::Bench(args) => bench::run(args),
        Command::BenchRun(args) => bench::run::child(args),
    }
}

fn import(
    db: &Option<PathBuf>,
    paths: Vec<PathBuf>,
    platform: Option<String>,
    json: bool,
    files: bool,
) -> Result<(), Failure> {
    let mut store = open(db)?;
    let cancel = Arc::new(AtomicBool::new(false));
    {
        let cancel = cancel.clone();
        // Ctrl-C cancels the running import; its transaction rolls back.
        let _ = ctrlc::set_handler(move || cancel.store(true, Ordering::Relaxed));
    }
    let mut outcomes: Vec<ImportOutcome> = Vec::new();
    let mut first_error: Option<Failure> = None;
    let groups = footprint_core::exports::plan_exports(&paths, &Default::default());
    for group in &groups {
        let bar = if json {
            ProgressBar::hidden()
        } else {
            progress_bar()
        };
        let bar2 = bar.clone();
        let opts = ImportOptions {
            platform: platform.clone(),
            progress: Some(Arc::new(move |p: &Progress| update_bar(&bar2, p))),
            cancel: Some(cancel.clone()),
            ..Default::default()
        };
        let result = runner::import_export(&mut store, group, &opts);
        bar.finish_and_clear();
        match result {
            Ok(outcome) => {
                if !json {
                    output::import_outcome(&outcome, files);
                }
                outcomes.push(outcome);
            }
            Err(e) => {
                let f = Failure::from(e);
                let label = group
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                eprintln!("footprint: {label}: {}", f.message);
                if first_error.is_none() {
                    first_error = Some(f);
                }
                if cancel.load(Ordering::Relaxed) {
                    break;
                }
            }
        }
    }
    if json {
        print_json(&outcomes);
    }
    match first_error {
        // Already printed per archive; only the exit code is left to give.
        Some(f) => Err(Failure {
            code: f.code,
            message: format!(
                "{} of {} archives could not be imported",
                groups.len() - outcomes.len(),
                groups.len()
            ),
        }),
        None => Ok(()),
    }
}

fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {msg:20!} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} · {prefix} records · eta {eta}",
        )
        .expect("valid template")
        .progress_chars("=> "),
    );
    bar
}

fn update_bar(bar: &ProgressBar, p: &Progress) {
    bar.set_length(p.bytes_total);
    bar.set_position(p.bytes_done);
    bar.set_prefix(p.records.to_string());
    let name = p
        .current_file
        .rsplit('/')
        .next()
        .unwrap_or(&p.current_file)
        .to_string();
    bar.set_message(if name.is_empty() { p.phase.clone() } else { name });
}
