//! Human-readable output: tables ([`crate::grid`]: bordered on a terminal, tab-separated
//! when piped) and plain sentences. JSON output is printed directly from the core types in
//! main.rs.

use crate::grid::Grid;
use footprint_core::model::Relation;
use footprint_core::query::{
    ArchiveSummary, CompanyDetail, CompanySummary, IdentityRow, RecordRow, Stats, TimelineBucket,
};
use footprint_core::runner::{ImportOutcome, ImportReport};
use footprint_core::time::{display, display_date, UNKNOWN_DATE};

/// 1234567 -> "1,234,567".
pub fn group(n: i64) -> String {
    let s = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1000.0 && u < UNITS.len() - 1 {
        v /= 1000.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

/// The CLI's one date format for days: `2024-03-08`. Missing or impossible (an older
/// database's `9223372036854775807`) reads "unknown date": `footprint_core::time` refuses it.
fn date(ms: Option<i64>) -> String {
    ms.map(display_date).unwrap_or_else(|| UNKNOWN_DATE.into())
}

/// The CLI's one format for instants: `2024-03-08 17:14 UTC`, or "unknown date" as [`date`].
fn date_time(ms: Option<i64>) -> String {
    ms.map(display).unwrap_or_else(|| UNKNOWN_DATE.into())
}

fn relation_words(r: &str) -> String {
    Relation::parse(r)
        .map(|r| r.label().to_string())
        .unwrap_or_else(|| r.to_string())
}

pub fn import_outcome(o: &ImportOutcome, files: bool) {
    if o.already_imported {
        println!(
            "Already imported as archive {} ({}): nothing new was added.",
            o.archive_id, o.report.platform_name
        );
        return;
    }
    println!("Imported archive {}.", o.archive_id);
    report(&o.report, files);
}

pub fn report(r: &ImportReport, files: bool) {
    println!(
        "{}{} — {}",
        r.platform_name,
        r.account
            .as_deref()
            .map(|a| format!(" ({a})"))
            .unwrap_or_default(),
        r.reason
    );
    println!(
        "  Files: {} in total; {} understood ({}), {} indexed, not understood ({}), {} recognized but skipped ({}), {} unknown ({}){}",
        group(r.files_total as i64),
        group(r.files_parsed as i64),
        bytes(r.bytes_parsed),
        group(r.files_indexed as i64),
        bytes(r.bytes_indexed),
        group(r.files_skipped as i64),
        bytes(r.bytes_skipped),
        group(r.files_unknown as i64),
        bytes(r.bytes_unknown),
        if r.junk_dropped > 0 {
            format!("; {} system junk files ignored", r.junk_dropped)
        } else {
            String::new()
        }
    );
    println!(
        "  Records: {} new ({} read, {} already known); {} identities; {:.1} s",
        group(r.records as i64),
        group(r.records_seen as i64),
        group(r.duplicates as i64),
        r.identities,
        r.duration_ms as f64 / 1000.0
    );
    if r.warnings_total > 0 {
        println!("  Warnings: {}", group(r.warnings_total as i64));
        for w in r.warnings.iter().take(10) {
            match w.position {
                Some(p) => println!("    {} (item {}): {}", w.file, p, w.message),
                None => println!("    {}: {}", w.file, w.message),
            }
        }
        if r.warnings.len() > 10 {
            println!("    ... and {} more (see --json)", r.warnings_total - 10);
        }
    }
    if files {
        let mut t = Grid::new(&["File", "Status", "Size", "Records"]).right(&[2, 3]);
        for f in &r.files {
            let status = match (f.role.as_str(), &f.detail, &f.error) {
                (_, _, Some(e)) => format!("failed: {e}"),
                ("parse", Some(d), _) => format!("understood ({d})"),
                ("index", Some(d), _) => format!("indexed, not understood ({d})"),
                ("skip", Some(d), _) => format!("skipped: {d}"),
                _ => "unknown".into(),
            };
            t.row(vec![f.path.clone(), status, bytes(f.bytes), group(f.records as i64)]);
        }
        t.print();
    } else {
        let unknown: Vec<&str> = r
            .files
            .iter()
            .filter(|f| f.role == "unknown")
            .map(|f| f.path.as_str())
            .take(5)
            .collect();
        if !unknown.is_empty() {
            println!(
                "  Unknown files include: {}{}",
                unknown.join(", "),
                if r.files_unknown > 5 { ", ... (see --files)" } else { "" }
            );
        }
    }
}

pub fn archives(list: &[ArchiveSummary]) {
    if list.is_empty() {
        println!("No archives yet. Import one with `footprint import PATH`.");
        return;
    }
    let mut t = Grid::new(&["Id", "Platform", "Account", "Exported", "Imported", "Records", "Files", "Source"])
        .right(&[0, 5]);
    for a in list {
        let platform = if a.demo {
            format!("{} (demo)", a.platform_name)
        } else {
            a.platform_name.clone()
        };
        let indexed = if a.files_indexed > 0 {
            format!(", {} indexed", a.files_indexed)
        } else {
            String::new()
        };
        t.row(vec![
            a.id.to_string(),
            platform,
            a.account.as_deref().unwrap_or("-").to_string(),
            date(a.export_date),
            date_time(Some(a.imported_at)),
            group(a.records),
            format!("{} ({} understood{indexed})", a.files_total, a.files_parsed),
            a.sources.join("\n"),
        ]);
    }
    t.print();
    if list.iter().any(|a| a.demo) {
        println!("(demo) marks Footprint's invented demo data: `footprint remove --demo` removes it.");
    }
}

/// Every platform and how to get its export: the same words as the app's Welcome screen.
pub fn platforms(list: &[&footprint_core::importer::Descriptor]) {
    for d in list {
        println!("{} ({}, run by {})", d.name, d.id, d.company);
        println!("  Ask at: {}", d.address);
        for (i, step) in d.steps.iter().enumerate() {
            println!("  {}. {step}", i + 1);
        }
        println!("  You get: {}\n", d.format);
    }
}

pub fn companies(list: &[CompanySummary]) {
    if list.is_empty() {
        println!("No companies yet. Import an archive with `footprint import PATH`.");
        return;
    }
    let mut t = Grid::new(&["Id", "Company", "How they got your data", "Categories", "Evidence", "Last seen"])
        .right(&[0, 3, 4]);
    for c in list {
        let rel = if c.is_platform {
            format!("platform: you gave it to them ({})", c.platforms.join(", "))
        } else {
            c.relations
                .iter()
                .map(|r| relation_words(r))
                .collect::<Vec<_>>()
                .join("\n")
        };
        t.row(vec![
            c.id.to_string(),
            c.name.clone(),
            rel,
            c.categories.len().to_string(),
            group(c.records),
            date(c.last_seen),
        ]);
    }
    t.print();
    let third = list.iter().filter(|c| !c.is_platform).count();
    println!(
        "{} companies: {} platforms and {} third parties named in your exports.",
        list.len(),
        list.len() - third,
        third
    );
}

pub fn company(d: &CompanyDetail) {
    let s = &d.summary;
    println!("{}", s.name);
    if d.aliases.len() > 1 {
        println!("  Also written as: {}", d.aliases.join(", "));
    }
    println!(
        "  Evidence: {} records, from {} to {}",
        group(s.records),
        date(s.first_seen),
        date(s.last_seen)
    );
    let mut t = Grid::new(&["What they hold", "How", "Shown by", "Records", "First", "Last", "Files"])
        .right(&[3]);
    for h in &d.holdings {
        t.row(vec![
            h.category_label.clone(),
            h.relation_label.clone(),
            h.platform.clone(),
            group(h.records),
            date(h.first_seen),
            date(h.last_seen),
            h.files.join("\n"),
        ]);
    }
    t.print();
    if !d.evidence.is_empty() {
        println!("Evidence records (newest first):");
        records(&d.evidence);
    }
}

pub fn records(rows: &[RecordRow]) {
    if rows.is_empty() {
        println!("No records found.");
        return;
    }
    let mut t = Grid::new(&["Date", "Platform", "Kind", "What", "Source file"]);
    for r in rows {
        let mut what = r.title.clone().unwrap_or_default();
        if let Some(b) = &r.body {
            if !what.is_empty() {
                what.push_str(": ");
            }
            what.push_str(b);
        }
        if what.chars().count() > 80 {
            what = what.chars().take(79).collect::<String>() + "…";
        }
        t.row(vec![
            date_time(r.ts),
            r.platform.clone(),
            r.kind.clone(),
            what,
            format!("{} #{}", r.file, r.position),
        ]);
    }
    t.print();
}

pub fn stats(s: &Stats) {
    println!(
        "{} records from {} archives; {} companies hold your data ({} third parties); {} identities; database {}",
        group(s.records),
        s.archives,
        s.companies,
        s.third_parties,
        s.identities,
        bytes(s.db_bytes as u64)
    );
    if let (Some(a), Some(b)) = (s.first_ts, s.last_ts) {
        println!("From {} to {}", date(Some(a)), date(Some(b)));
    }
    for (header, counts, by_key) in [
        ("Platform", &s.by_platform, false),
        ("Category", &s.by_category, false),
        ("Kind", &s.by_kind, true),
    ] {
        let mut t = Grid::new(&[header, "Records"]).right(&[1]);
        for c in counts {
            let name = if by_key { &c.key } else { &c.label };
            t.row(vec![name.clone(), group(c.count)]);
        }
        t.print();
    }
}

pub fn timeline(buckets: &[TimelineBucket]) {
    if buckets.is_empty() {
        println!("No dated records yet.");
        return;
    }
    let max = buckets.iter().map(|b| b.records).max().unwrap_or(1).max(1);
    let mut t = Grid::new(&["Period", "Platform", "Records", ""]).right(&[2]);
    for b in buckets {
        let width = ((b.records as f64 / max as f64) * 40.0).ceil() as usize;
        t.row(vec![b.bucket.clone(), b.platform.clone(), group(b.records), "█".repeat(width)]);
    }
    t.print();
}

pub fn identities(list: &[IdentityRow]) {
    if list.is_empty() {
        println!("No identities found yet.");
        return;
    }
    let mut t = Grid::new(&["Kind", "Value", "Found in"]);
    for i in list {
        t.row(vec![i.kind.clone(), i.value.clone(), i.platforms.join(", ")]);
    }
    t.print();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
        assert_eq!(group(1234567), "1,234,567");
        assert_eq!(group(-1234), "-1,234");
    }

    #[test]
    fn formats_bytes() {
        assert_eq!(bytes(12), "12 B");
        assert_eq!(bytes(1_500_000), "1.5 MB");
    }
}
