//! The research export's figures in `footprint bench`: `footprint export` of the imported
//! Google database as Parquet, in clear and pseudonymized, in this process (the imports ran in
//! child processes, so this process's peak memory is the export's own).

use crate::Failure;
use footprint_core::store::Store;
use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
pub struct ExportRow {
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
pub fn time_exports(db: &Path, dir: &Path) -> Result<Vec<ExportRow>, Failure> {
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

/// Peak resident memory of this process so far (Linux: VmHWM).
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

/// A comfy table of the export figures.
pub fn table(exports: &[ExportRow]) -> comfy_table::Table {
    let mut e = comfy_table::Table::new();
    e.load_preset(comfy_table::presets::UTF8_BORDERS_ONLY).set_header(vec![
        "Research export of the Google database", "Rows", "Written", "Time", "Rows/s", "MB/s", "Peak RSS",
    ]);
    for x in exports {
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
    e
}
