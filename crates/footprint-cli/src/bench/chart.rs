//! The chart of docs/PERFORMANCE.md: records/s per benchmark archive as horizontal bars,
//! Footprint's beside the naive baseline's where it reads the archive. Plain SVG text (a few
//! kilobytes, diffable), written by `footprint bench --svg FILE`.

use super::BenchRow;
use std::fmt::Write;

const WIDTH: f64 = 720.0;
const LABEL: f64 = 250.0;
const BAR: f64 = 16.0;
const GAP: f64 = 10.0;

/// Escape text for an SVG text node (archive names are ours, but stay correct anyway).
fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

pub fn svg(rows: &[BenchRow], note: &str) -> String {
    let bars: Vec<(String, f64, &str)> = rows
        .iter()
        .flat_map(|r| {
            let mut v = vec![(r.archive.clone(), r.footprint.records_per_sec, "#2f6fde")];
            if let Some(n) = &r.naive {
                v.push((format!("{}, naive baseline", r.archive), n.records_per_sec, "#a0a0a0"));
            }
            v
        })
        .collect();
    let max = bars.iter().map(|b| b.1).fold(1.0, f64::max);
    let height = 40.0 + bars.len() as f64 * (BAR + GAP) + 30.0;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(s, r#"<text x="10" y="20" font-size="14" font-weight="bold">Import speed, records per second (higher is better)</text>"#);
    for (i, (label, value, color)) in bars.iter().enumerate() {
        let y = 40.0 + i as f64 * (BAR + GAP);
        let w = (WIDTH - LABEL - 90.0) * value / max;
        let _ = writeln!(
            s,
            r#"<text x="{:.0}" y="{:.0}" text-anchor="end">{}</text><rect x="{LABEL}" y="{y:.0}" width="{w:.1}" height="{BAR}" fill="{color}"/><text x="{:.1}" y="{:.0}">{}</text>"#,
            LABEL - 8.0,
            y + BAR - 4.0,
            esc(label),
            LABEL + w + 6.0,
            y + BAR - 4.0,
            crate::output::group(*value as i64)
        );
    }
    let _ = writeln!(s, r##"<text x="10" y="{:.0}" fill="#555">{}</text>"##, height - 10.0, esc(note));
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::run::Figures;

    fn figures(rps: f64) -> Figures {
        Figures {
            records: 10,
            input_bytes: 10,
            seconds: 1.0,
            records_per_sec: rps,
            mb_per_sec: 1.0,
            cpu_seconds: 1.0,
            peak_rss_mb: 1.0,
            db_bytes: 1,
        }
    }

    #[test]
    fn one_bar_per_importer_scaled_to_the_fastest() {
        let rows = vec![BenchRow {
            archive: "A & B".into(),
            archive_bytes: 1,
            footprint: figures(200_000.0),
            naive: Some(figures(100_000.0)),
            ratio: Some(2.0),
            encrypted: None,
            encrypted_ratio: None,
        }];
        let s = svg(&rows, "load 1.0");
        assert_eq!(s.matches("<rect x=").count(), 2);
        assert!(s.contains("A &amp; B"));
        // The naive bar is half the fastest one's width.
        let widths: Vec<f64> = s
            .match_indices("width=\"")
            .skip(1)
            .filter_map(|(i, _)| s[i + 7..].split('"').next()?.parse().ok())
            .collect();
        assert!(widths.len() >= 2, "{widths:?}");
        let bars: Vec<f64> = widths.into_iter().filter(|w| *w < WIDTH).collect();
        assert!((bars[0] / bars[1] - 2.0).abs() < 0.01, "{bars:?}");
        assert!(s.contains("200,000"));
    }
}
