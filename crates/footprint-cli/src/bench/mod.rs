//! `footprint bench`: generate big synthetic exports and import them into a fresh database,
//! reporting records/s, MB/s of uncompressed input, CPU time, peak memory and database size,
//! beside a naive baseline importer on the same archive in the same run ([`naive`], as a
//! ratio). Every import runs in a child process of its own ([`run`]). `--at-scale` builds a
//! database of millions of records and times the app's screens on it ([`scale`]). The numbers
//! in docs/PERFORMANCE.md come from here (release build: `cargo run --release -p footprint-cli
//! -- bench`).

mod chart;
mod export;
mod naive;
pub mod run;
mod scale;

use crate::Failure;
use clap::Args;
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct BenchArgs {
    /// Folder for the generated archives and databases [default: a temporary folder].
    #[arg(long)]
    dir: Option<PathBuf>,
    /// Scale factor: 1.0 = 1,000,000 location points + 200,000 My Activity entries; a 300 MB
    /// My Activity HTML page (330,000 cards);
    /// 100,000 Facebook messages + 2,000 off-Meta companies; a 300,000-tweet X archive; a
    /// Discord package with a 1 GB activity file (1,700,000 events); an Amazon request with
    /// 200,000 order lines.
    #[arg(long, default_value_t = 1.0)]
    scale: f64,
    /// Only these archives (google, google-html, facebook, x, discord, amazon); default: all.
    /// `google-html` is one 300 MB My Activity HTML page (330,000 cards at scale 1).
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// Instead of the import benchmarks: build a database of `--records` records across every
    /// platform (through the real importer) and time the app's screens' queries on it.
    #[arg(long)]
    at_scale: bool,
    /// Records of the `--at-scale` database.
    #[arg(long, default_value_t = 10_000_000)]
    records: u64,
    /// The `--at-scale` database [default: bench-scale.db in `--dir`]; kept after the run. (Not
    /// the global `--db`: the bench replaces this file, and must never take the user's own
    /// database from FOOTPRINT_DB.)
    #[arg(long)]
    scale_db: Option<PathBuf>,
    /// With `--at-scale`: time the screens on the existing `--scale-db` instead of building it
    /// anew.
    #[arg(long, requires = "scale_db")]
    reuse: bool,
    /// Runs of each importer per archive (interleaved; the median run is shown).
    #[arg(long, default_value_t = 3)]
    repeat: usize,
    /// Print the figures as JSON instead of tables.
    #[arg(long)]
    json: bool,
    /// Also write the records/s chart of the import benchmarks as SVG (docs/PERFORMANCE.md).
    #[arg(long)]
    svg: Option<PathBuf>,
    /// Also import each archive into an encrypted database (SQLCipher), interleaved with the
    /// clear runs, and show what encryption costs.
    #[arg(long)]
    encrypted: bool,
}

/// One archive's figures: Footprint's, and the naive baseline's when it reads that archive.
#[derive(Serialize)]
struct BenchRow {
    archive: String,
    archive_bytes: u64,
    footprint: run::Figures,
    naive: Option<run::Figures>,
    /// Footprint's records/s over the naive importer's (>= 1.0: Footprint is faster).
    ratio: Option<f64>,
    /// With `--encrypted`: Footprint's runs into an encrypted database.
    #[serde(skip_serializing_if = "Option::is_none")]
    encrypted: Option<run::Figures>,
    /// Encrypted records/s over clear records/s (1.0: encryption costs nothing).
    #[serde(skip_serializing_if = "Option::is_none")]
    encrypted_ratio: Option<f64>,
}

fn file_size(paths: &[PathBuf]) -> u64 {
    paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

/// Import the archive `repeat` times with Footprint, and as often with the naive importer when
/// `naive` (interleaved, so that a burst of load on the shared machine hits both alike), each
/// run in its own child process; keep the median run of each.
/// Footprint's database of the last run stays at `db` (the query timings read it).
fn measure(name: &str, paths: &[PathBuf], db: &Path, naive: bool, opts: &BenchArgs) -> Result<BenchRow, Failure> {
    let (naive_db, encrypted_db) = (db.with_extension("naive.db"), db.with_extension("encrypted.db"));
    let repeat = opts.repeat;
    let (mut ours, mut theirs, mut locked) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..repeat.max(1) {
        eprintln!("{name}: run {} of {repeat}", i + 1);
        ours.push(run::in_child(run::Importer::Footprint, paths, db)?);
        if naive {
            theirs.push(run::in_child(run::Importer::Naive, paths, &naive_db)?);
            run::remove_db(&naive_db);
        }
        if opts.encrypted {
            locked.push(run::in_child(run::Importer::FootprintEncrypted, paths, &encrypted_db)?);
            run::remove_db(&encrypted_db);
        }
    }
    let footprint = run::median(ours);
    let per_sec = |other: &run::Figures| footprint.records_per_sec / other.records_per_sec.max(f64::MIN_POSITIVE);
    let naive = (!theirs.is_empty()).then(|| run::median(theirs));
    let ratio = naive.as_ref().map(per_sec);
    let encrypted = (!locked.is_empty()).then(|| run::median(locked));
    let encrypted_ratio = encrypted.as_ref().map(|e| 1.0 / per_sec(e));
    Ok(BenchRow {
        archive: name.to_string(),
        archive_bytes: file_size(paths),
        footprint,
        naive,
        ratio,
        encrypted,
        encrypted_ratio,
    })
}

pub fn run(args: BenchArgs) -> Result<(), Failure> {
    let tmp;
    let dir = match &args.dir {
        Some(d) => {
            std::fs::create_dir_all(d)?;
            d.clone()
        }
        None => {
            tmp = tempfile::tempdir()?;
            tmp.path().to_path_buf()
        }
    };
    if args.at_scale {
        return at_scale(&dir, args.scale_db.as_deref(), args.reuse, args.records, args.json);
    }
    let scale = |n: f64| ((n * args.scale).round() as usize).max(1);
    eprintln!("Generating archives in {} ...", dir.display());
    let wanted = |id: &str| args.only.is_empty() || args.only.iter().any(|o| o == id);
    let mut rows = Vec::new();
    if wanted("google") {
        let takeout = footprint_fixtures::google::generate(
            &footprint_fixtures::google::TakeoutSpec {
                location_points: scale(1_000_000.0),
                activity: scale(200_000.0),
                ..Default::default()
            },
            &dir.join("takeout-20240302T100000Z.zip"),
        )?;
        rows.push(measure("Google Takeout", &takeout, &dir.join("bench-google.db"), true, &args)?);
    }
    if wanted("google-html") {
        let spec = footprint_fixtures::google::TakeoutSpec::my_activity_html_benchmark(scale(330_000.0));
        let takeout = footprint_fixtures::google::generate(&spec, &dir.join("takeout-20240303T100000Z.zip"))?;
        rows.push(measure("Google: 300 MB My Activity HTML", &takeout, &dir.join("bench-google-html.db"), false, &args)?);
    }
    if wanted("facebook") {
        let facebook = footprint_fixtures::meta::generate_facebook(
            &footprint_fixtures::meta::FacebookSpec {
                threads: 100,
                messages_per_thread: scale(1_000.0),
                off_meta_companies: scale(2_000.0),
                ..Default::default()
            },
            &dir.join("facebook-bench.zip"),
        )?;
        rows.push(measure("Facebook", &facebook, &dir.join("bench-facebook.db"), false, &args)?);
    }
    if wanted("x") {
        let mut spec = footprint_fixtures::x::XSpec::benchmark();
        spec.tweets = scale(spec.tweets as f64);
        let x = footprint_fixtures::x::generate(&spec, &dir.join("twitter-bench.zip"))?;
        rows.push(measure("X: 300k tweets", &x, &dir.join("bench-x.db"), false, &args)?);
    }
    if wanted("discord") {
        let discord = (footprint_fixtures::demo::generator("discord").expect("registered").write)(
            &dir.join("discord-package.zip"),
            1,
            Some(scale(1_700_000.0)),
        )?;
        rows.push(measure("Discord: 1 GB of activity", &discord, &dir.join("bench-discord.db"), false, &args)?);
    }
    if wanted("amazon") {
        let spec = footprint_fixtures::amazon::AmazonSpec {
            orders: scale(200_000.0),
            layout: footprint_fixtures::amazon::AmazonLayout::Folder,
            ..Default::default()
        };
        let amazon = footprint_fixtures::amazon::generate(&spec, &dir.join("amazon-bench"))?;
        // The request's zips are one export (as `footprint import FOLDER` groups them).
        rows.push(measure("Amazon: 200k order lines", &amazon, &dir.join("bench-amazon.db"), false, &args)?);
    }
    eprintln!("Importing done.");
    let (queries, exports) = if wanted("google") {
        let db = dir.join("bench-google.db");
        (scale::time_screens(&db)?.queries, export::time_exports(&db, &dir)?)
    } else {
        (Vec::new(), Vec::new())
    };
    if let Some(path) = &args.svg {
        let note = format!(
            "footprint bench, release build, median of {} runs; load average {} ",
            args.repeat.max(1),
            load_average()
        );
        std::fs::write(path, chart::svg(&rows, &note))?;
    }
    if args.json {
        let all = serde_json::json!({ "imports": rows, "queries_ms": queries, "exports": exports });
        println!("{}", serde_json::to_string_pretty(&all).expect("serializable"));
        return Ok(());
    }
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::UTF8_BORDERS_ONLY).set_header(vec![
        "Archive", "Importer", "Zip", "Input", "Records", "Time", "Records/s", "MB/s", "CPU s", "Peak RSS", "Database", "vs naive",
    ]);
    let mut line = |archive: &str, who: &str, zip: u64, f: &run::Figures, ratio: String| {
        t.add_row(vec![
            archive.to_string(),
            who.to_string(),
            crate::output::bytes(zip),
            crate::output::bytes(f.input_bytes),
            crate::output::group(f.records as i64),
            format!("{:.2} s", f.seconds),
            crate::output::group(f.records_per_sec as i64),
            format!("{:.0}", f.mb_per_sec),
            format!("{:.2}", f.cpu_seconds),
            format!("{:.0} MB", f.peak_rss_mb),
            crate::output::bytes(f.db_bytes),
            ratio,
        ]);
    };
    for r in &rows {
        let ratio = r.ratio.map(|x| format!("{x:.2}x")).unwrap_or_default();
        line(&r.archive, "footprint", r.archive_bytes, &r.footprint, ratio);
        if let Some(n) = &r.naive {
            line("", "naive baseline", r.archive_bytes, n, String::new());
        }
        if let (Some(e), Some(x)) = (&r.encrypted, r.encrypted_ratio) {
            line("", "footprint, encrypted", r.archive_bytes, e, format!("{x:.2}x of clear"));
        }
    }
    println!("{t}");
    println!("load average: {}", load_average());
    if !queries.is_empty() {
        println!("Queries on the Google database (what the app's screens ask):");
        println!("{}", screens_table(&queries));
    }
    if !exports.is_empty() {
        println!("{}", export::table(&exports));
    }

    Ok(())
}

fn at_scale(dir: &Path, db: Option<&Path>, reuse: bool, records: u64, json: bool) -> Result<(), Failure> {
    let report = scale::run(dir, db, reuse, records)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report).expect("serializable"));
        return Ok(());
    }
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::UTF8_BORDERS_ONLY)
        .set_header(vec!["Platform", "Records", "Import"]);
    for l in &report.imports {
        t.add_row(vec![l.platform.clone(), crate::output::group(l.records as i64), format!("{:.1} s", l.seconds)]);
    }
    println!("{t}");
    println!(
        "{} records, database {}",
        crate::output::group(report.records as i64),
        crate::output::bytes(report.db_bytes)
    );
    println!("{}", screens_table(&report.queries));
    let mut w = comfy_table::Table::new();
    w.load_preset(comfy_table::presets::UTF8_BORDERS_ONLY)
        .set_header(vec!["Full-text word (median of 5 runs)", "ms", "matches"]);
    for l in &report.words {
        w.add_row(vec![l.word.clone(), format!("{:.1}", l.ms), crate::output::group(l.matches as i64)]);
    }
    println!("{w}");
    println!("load average: {}", report.load_average);
    Ok(())
}

fn screens_table(lines: &[scale::QueryLine]) -> comfy_table::Table {
    let mut q = comfy_table::Table::new();
    q.load_preset(comfy_table::presets::UTF8_BORDERS_ONLY)
        .set_header(vec!["Screen (median of 5 runs)", "ms", "budget", ""]);
    for l in lines {
        let ok = if l.ms <= l.budget_ms { "ok" } else { "OVER" };
        q.add_row(vec![l.screen.clone(), format!("{:.1}", l.ms), format!("{:.0}", l.budget_ms), ok.to_string()]);
    }
    q
}

/// The 1-minute load average (the machine is shared: figures are read beside it).
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into())
}
