//! `footprint bench`: generate big synthetic exports and import them into a fresh database,
//! reporting records/s, MB/s of uncompressed input, CPU time, peak memory and database size.
//! The numbers in issue notes come from here (release build: `cargo run --release -p
//! footprint-cli -- bench`).

use crate::Failure;
use clap::Args;
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Instant;

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
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct BenchRow {
    archive: String,
    archive_bytes: u64,
    input_bytes: u64,
    records: u64,
    seconds: f64,
    records_per_sec: f64,
    mb_per_sec: f64,
    cpu_seconds: f64,
    peak_rss_mb: f64,
    db_bytes: u64,
}

/// Peak resident memory of this process (VmHWM), in bytes.
fn peak_rss() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Reset the peak so each import is measured on its own (Linux: clear_refs "5").
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// User + system CPU seconds of this process.
fn cpu_seconds() -> f64 {
    let Ok(s) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = s.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after ')'.
    (ticks(11) + ticks(12)) / 100.0
}

fn file_size(paths: &[PathBuf]) -> u64 {
    paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

fn measure(name: &str, paths: &[PathBuf], db: &Path) -> Result<BenchRow, Failure> {
    let _ = std::fs::remove_file(db);
    let mut store = Store::open(db)?;
    reset_peak_rss();
    let cpu0 = cpu_seconds();
    let t0 = Instant::now();
    let outcome = import_export(&mut store, paths, &ImportOptions::default())?;
    let secs = t0.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu0;
    drop(store);
    let r = &outcome.report;
    Ok(BenchRow {
        archive: name.to_string(),
        archive_bytes: file_size(paths),
        input_bytes: r.bytes_parsed,
        records: r.records_seen,
        seconds: secs,
        records_per_sec: r.records_seen as f64 / secs,
        mb_per_sec: r.bytes_parsed as f64 / 1e6 / secs,
        cpu_seconds: cpu,
        peak_rss_mb: peak_rss().unwrap_or(0) as f64 / 1e6,
        db_bytes: std::fs::metadata(db).map(|m| m.len()).unwrap_or(0),
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
        rows.push(measure("Google Takeout", &takeout, &dir.join("bench-google.db"))?);
    }
    if wanted("google-html") {
        let spec = footprint_fixtures::google::TakeoutSpec::my_activity_html_benchmark(scale(330_000.0));
        let takeout = footprint_fixtures::google::generate(&spec, &dir.join("takeout-20240303T100000Z.zip"))?;
        rows.push(measure("Google: 300 MB My Activity HTML", &takeout, &dir.join("bench-google-html.db"))?);
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
        rows.push(measure("Facebook", &facebook, &dir.join("bench-facebook.db"))?);
    }
    if wanted("x") {
        let mut spec = footprint_fixtures::x::XSpec::benchmark();
        spec.tweets = scale(spec.tweets as f64);
        let x = footprint_fixtures::x::generate(&spec, &dir.join("twitter-bench.zip"))?;
        rows.push(measure("X: 300k tweets", &x, &dir.join("bench-x.db"))?);
    }
    if wanted("discord") {
        let discord = (footprint_fixtures::demo::generator("discord").expect("registered").write)(
            &dir.join("discord-package.zip"),
            1,
            Some(scale(1_700_000.0)),
        )?;
        rows.push(measure("Discord: 1 GB of activity", &discord, &dir.join("bench-discord.db"))?);
    }
    if wanted("amazon") {
        let spec = footprint_fixtures::amazon::AmazonSpec {
            orders: scale(200_000.0),
            layout: footprint_fixtures::amazon::AmazonLayout::Folder,
            ..Default::default()
        };
        let amazon = footprint_fixtures::amazon::generate(&spec, &dir.join("amazon-bench"))?;
        // The request's zips are one export (as `footprint import FOLDER` groups them).
        rows.push(measure("Amazon: 200k order lines", &amazon, &dir.join("bench-amazon.db"))?);
    }
    eprintln!("Importing done.");
    let (queries, exports) = if wanted("google") {
        let db = dir.join("bench-google.db");
        (time_queries(&db)?, time_exports(&db, &dir)?)
    } else {
        (Vec::new(), Vec::new())
    };
    if args.json {
        let all = serde_json::json!({ "imports": rows, "queries_ms": queries, "exports": exports });
        println!("{}", serde_json::to_string_pretty(&all).expect("serializable"));
        return Ok(());
    }
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::UTF8_BORDERS_ONLY).set_header(vec![
        "Archive", "Zip", "Input", "Records", "Time", "Records/s", "MB/s", "CPU s", "Peak RSS", "Database",
    ]);
    for r in &rows {
        t.add_row(vec![
            r.archive.clone(),
            crate::output::bytes(r.archive_bytes),
            crate::output::bytes(r.input_bytes),
            crate::output::group(r.records as i64),
            format!("{:.2} s", r.seconds),
            crate::output::group(r.records_per_sec as i64),
            format!("{:.0}", r.mb_per_sec),
            format!("{:.2}", r.cpu_seconds),
            format!("{:.0} MB", r.peak_rss_mb),
            crate::output::bytes(r.db_bytes),
        ]);
    }
    println!("{t}");
    let mut q = comfy_table::Table::new();
    q.load_preset(comfy_table::presets::UTF8_BORDERS_ONLY)
        .set_header(vec!["Query on the Google database (what the app's screens ask)", "ms"]);
    for (name, ms) in &queries {
        q.add_row(vec![name.clone(), format!("{ms:.1}")]);
    }
    println!("{q}");
    if !exports.is_empty() {
        let mut e = comfy_table::Table::new();
        e.load_preset(comfy_table::presets::UTF8_BORDERS_ONLY).set_header(vec![
            "Research export of the Google database", "Rows", "Written", "Time", "Rows/s", "MB/s", "Peak RSS",
        ]);
        for x in &exports {
            e.add_row(vec![
                x.export.clone(),
                crate::output::group(x.rows as i64),
                crate::output::bytes(x.bytes),
                format!("{:.2} s", x.seconds),
                crate::output::group(x.rows_per_sec as i64),
                format!("{:.0}", x.mb_per_sec),
                format!("{:.0} MB", x.peak_rss_mb),
            ]);
        }
        println!("{e}");
    }
    Ok(())
}

#[derive(Serialize)]
struct ExportRow {
    export: String,
    rows: u64,
    bytes: u64,
    seconds: f64,
    rows_per_sec: f64,
    /// Of the files written.
    mb_per_sec: f64,
    peak_rss_mb: f64,
}

/// `footprint export` of the imported Google database: Parquet, in clear and pseudonymized
/// (the salt's cost is the free-text redaction), each with its own peak memory.
fn time_exports(db: &Path, dir: &Path) -> Result<Vec<ExportRow>, Failure> {
    let store = Store::open(db)?;
    let mut out = Vec::new();
    for (name, salt) in [
        ("Parquet", None),
        ("Parquet, pseudonymized", Some("bench-study-salt-0123456789".to_string())),
    ] {
        let folder = dir.join(format!("bench-export-{}", out.len()));
        let _ = std::fs::remove_dir_all(&folder);
        reset_peak_rss();
        let summary = footprint_research::export(
            &store,
            &footprint_research::ExportOptions {
                format: footprint_research::Format::Parquet,
                out: folder,
                selection: Default::default(),
                with_identities: false,
                salt,
                drop_message_text: false,
            },
        )?;
        out.push(ExportRow {
            export: name.to_string(),
            rows: summary.rows(),
            bytes: summary.bytes(),
            seconds: summary.seconds,
            rows_per_sec: summary.rows() as f64 / summary.seconds,
            mb_per_sec: summary.bytes() as f64 / 1e6 / summary.seconds,
            peak_rss_mb: peak_rss().unwrap_or(0) as f64 / 1e6,
        });
    }
    Ok(out)
}

/// Time the queries behind the app's screens on an imported database (a fresh connection,
/// as the app opens it).
fn time_queries(db: &Path) -> Result<Vec<(String, f64)>, Failure> {
    use footprint_core::query::{CompanyQuery, MapQuery, SearchQuery, TimelineQuery};
    let t0 = Instant::now();
    let store = Store::open(db)?;
    let mut out = vec![("open database".to_string(), t0.elapsed().as_secs_f64() * 1e3)];
    let mut time = |name: &str, f: &mut dyn FnMut() -> Result<(), Failure>| -> Result<(), Failure> {
        let t = Instant::now();
        f()?;
        out.push((name.to_string(), t.elapsed().as_secs_f64() * 1e3));
        Ok(())
    };
    time("overview (dashboard)", &mut || {
        store.overview()?;
        Ok(())
    })?;
    time("companies list", &mut || {
        store.companies(&CompanyQuery::default())?;
        Ok(())
    })?;
    time("stats", &mut || {
        store.stats()?;
        Ok(())
    })?;
    time("timeline by day", &mut || {
        store.timeline(&TimelineQuery {
            by: Some("day".into()),
            ..Default::default()
        })?;
        Ok(())
    })?;
    time("map (whole extent)", &mut || {
        store.map(&MapQuery::default())?;
        Ok(())
    })?;
    time("explorer: first page, no filter", &mut || {
        store.search(&SearchQuery::default())?;
        Ok(())
    })?;
    time("explorer: full-text search", &mut || {
        store.search(&SearchQuery {
            text: Some("searched".into()),
            ..Default::default()
        })?;
        Ok(())
    })?;
    time("explorer: 20th page of a platform filter", &mut || {
        let mut q = SearchQuery {
            platform: Some("google".into()),
            ..Default::default()
        };
        for _ in 0..20 {
            match store.search(&q)?.next {
                Some(c) => q.after = Some(c),
                None => break,
            }
        }
        Ok(())
    })?;
    Ok(out)
}
