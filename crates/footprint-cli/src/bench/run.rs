//! One measured import, in a child process of its own: the child's getrusage tells its CPU
//! time and peak resident memory alone (in one process, the peak of an earlier import would
//! mask a smaller later one, and the naive importer's whole-file buffers would count against
//! Footprint). The parent runs `footprint bench-run ...` and reads one JSON line back.

use crate::Failure;
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::{Passphrase, Store};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Importer {
    /// Footprint's own import runner.
    Footprint,
    /// The naive baseline ([`super::naive`]).
    Naive,
    /// Footprint's runner into an encrypted database (SQLCipher; `footprint bench --encrypted`
    /// measures what encryption costs).
    FootprintEncrypted,
}

/// The passphrase of the benchmark's encrypted databases (they hold generated data only).
const BENCH_PASSPHRASE: &str = "footprint bench";

/// What one import run measured.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Figures {
    /// Records parsed (before deduplication).
    pub records: u64,
    /// Uncompressed bytes of the files parsed.
    pub input_bytes: u64,
    pub seconds: f64,
    pub records_per_sec: f64,
    pub mb_per_sec: f64,
    /// User + system CPU time of the child process.
    pub cpu_seconds: f64,
    /// Peak resident memory of the child process (getrusage ru_maxrss).
    pub peak_rss_mb: f64,
    pub db_bytes: u64,
}

/// `footprint bench-run`: the child's side (hidden; the bench calls it).
#[derive(clap::Args)]
pub struct RunArgs {
    #[arg(long, value_enum)]
    importer: Importer,
    /// The database to create (an existing file is replaced).
    #[arg(long)]
    db: PathBuf,
    /// The export's files.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// CPU seconds and peak RSS in bytes of this process so far.
fn own_usage() -> (f64, u64) {
    // SAFETY: getrusage only writes the struct it is given.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) } != 0 {
        return (0.0, 0);
    }
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    // Linux reports ru_maxrss in kilobytes.
    (secs(ru.ru_utime) + secs(ru.ru_stime), ru.ru_maxrss as u64 * 1024)
}

pub fn remove_db(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// Run one import here and print its figures as one JSON line.
pub fn child(args: RunArgs) -> Result<(), Failure> {
    remove_db(&args.db);
    let cpu0 = own_usage().0;
    let t0 = Instant::now();
    let (records, input_bytes) = match args.importer {
        Importer::Footprint | Importer::FootprintEncrypted => {
            let key = (args.importer == Importer::FootprintEncrypted)
                .then(|| Passphrase::new(BENCH_PASSPHRASE))
                .transpose()?;
            let mut store = Store::open_with(&args.db, key.as_ref())?;
            let outcome = import_export(&mut store, &args.paths, &ImportOptions::default())?;
            (outcome.report.records_seen, outcome.report.bytes_parsed)
        }
        Importer::Naive => {
            let out = super::naive::import(&args.paths, &args.db).map_err(Failure::failed)?;
            (out.records, out.input_bytes)
        }
    };
    let seconds = t0.elapsed().as_secs_f64();
    let (cpu, peak) = own_usage();
    let figures = Figures {
        records,
        input_bytes,
        seconds,
        records_per_sec: records as f64 / seconds,
        mb_per_sec: input_bytes as f64 / 1e6 / seconds,
        cpu_seconds: cpu - cpu0,
        peak_rss_mb: peak as f64 / 1e6,
        db_bytes: std::fs::metadata(&args.db).map(|m| m.len()).unwrap_or(0),
    };
    println!("{}", serde_json::to_string(&figures).expect("serializable"));
    Ok(())
}

/// Run one import in a child process and read its figures (the database stays).
pub fn in_child(importer: Importer, paths: &[PathBuf], db: &Path) -> Result<Figures, Failure> {
    let exe = std::env::current_exe()?;
    let name = match importer {
        Importer::Footprint => "footprint",
        Importer::Naive => "naive",
        Importer::FootprintEncrypted => "footprint-encrypted",
    };
    let out = Command::new(exe)
        .arg("bench-run")
        .args(["--importer", name, "--db"])
        .arg(db)
        .args(paths)
        .output()?;
    let result = if out.status.success() {
        serde_json::from_slice(&out.stdout).map_err(|e| {
            Failure::failed(format!("bench-run ({name}) printed no figures ({e}): {}", String::from_utf8_lossy(&out.stdout)))
        })
    } else {
        Err(Failure::failed(format!(
            "bench-run ({name}) failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )))
    };
    result
}

/// The run with the median time (its own figures, not a mix of runs).
pub fn median(mut runs: Vec<Figures>) -> Figures {
    runs.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
    runs.swap_remove(runs.len() / 2)
}
