//! The naive importer `footprint bench` measures Footprint against: what a short script would
//! do with a Takeout. Each member is inflated whole into memory, parsed into typed structs by
//! serde and inserted row by row into one table in one transaction: no streaming, no
//! deduplication, no full-text index, no summaries, no coverage report. It does less than
//! Footprint on purpose; Footprint must still be at least as fast (issue #13).
//!
//! It reads the two big files of the benchmark Takeout (`Records.json` and the My Activity
//! JSON lists) and nothing else, so its record count is a little below Footprint's.

use rusqlite::{params, Connection};
use serde::Deserialize;
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct LocationFile {
    locations: Vec<Point>,
}

#[derive(Deserialize)]
struct Point {
    #[serde(rename = "latitudeE7")]
    lat: Option<i64>,
    #[serde(rename = "longitudeE7")]
    lon: Option<i64>,
    accuracy: Option<i64>,
    timestamp: Option<String>,
    source: Option<String>,
}

#[derive(Deserialize)]
struct Activity {
    header: Option<String>,
    title: Option<String>,
    #[serde(rename = "titleUrl")]
    title_url: Option<String>,
    time: Option<String>,
}

/// What one naive import did.
pub struct NaiveOutcome {
    pub records: u64,
    /// Bytes of JSON inflated and parsed.
    pub input_bytes: u64,
}

const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS records (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ts INTEGER, title TEXT, url TEXT,
    lat REAL, lon REAL, data TEXT)";

fn millis(iso: Option<&str>) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(iso?)
        .ok()
        .map(|t| t.timestamp_millis())
}

fn bad(path: &Path, what: impl std::fmt::Display) -> String {
    format!("naive import of {}: {what}", path.display())
}

/// Import the Takeout zips at `paths` into a new database at `db`.
pub fn import(paths: &[PathBuf], db: &Path) -> Result<NaiveOutcome, String> {
    let mut conn = Connection::open(db).map_err(|e| bad(db, e))?;
    conn.execute_batch(&format!("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; {SCHEMA}"))
        .map_err(|e| bad(db, e))?;
    let tx = conn.transaction().map_err(|e| bad(db, e))?;
    let mut out = NaiveOutcome {
        records: 0,
        input_bytes: 0,
    };
    {
        let mut insert = tx
            .prepare("INSERT INTO records(kind, ts, title, url, lat, lon, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            .map_err(|e| bad(db, e))?;
        for path in paths {
            let file = std::fs::File::open(path).map_err(|e| bad(path, e))?;
            let mut zip = zip::ZipArchive::new(file).map_err(|e| bad(path, e))?;
            for i in 0..zip.len() {
                let mut member = zip.by_index(i).map_err(|e| bad(path, e))?;
                let name = member.name().map_err(|e| bad(path, e))?.to_string();
                let points = name.ends_with("Records.json");
                let activity = name.contains("My Activity/") && name.ends_with(".json");
                if !points && !activity {
                    continue;
                }
                let mut bytes = Vec::with_capacity(member.size() as usize);
                member.read_to_end(&mut bytes).map_err(|e| bad(path, e))?;
                out.input_bytes += bytes.len() as u64;
                let sql = |e: rusqlite::Error| bad(path, format!("{name}: {e}"));
                if points {
                    let file: LocationFile = serde_json::from_slice(&bytes).map_err(|e| bad(path, format!("{name}: {e}")))?;
                    for p in file.locations {
                        let data = serde_json::json!({"accuracy": p.accuracy, "source": p.source}).to_string();
                        insert
                            .execute(params![
                                "location_point",
                                millis(p.timestamp.as_deref()),
                                None::<String>,
                                None::<String>,
                                p.lat.map(|v| v as f64 / 1e7),
                                p.lon.map(|v| v as f64 / 1e7),
                                data
                            ])
                            .map_err(sql)?;
                        out.records += 1;
                    }
                } else {
                    let list: Vec<Activity> = serde_json::from_slice(&bytes).map_err(|e| bad(path, format!("{name}: {e}")))?;
                    for a in list {
                        let data = serde_json::json!({"header": a.header}).to_string();
                        insert
                            .execute(params![
                                "activity",
                                millis(a.time.as_deref()),
                                a.title,
                                a.title_url,
                                None::<f64>,
                                None::<f64>,
                                data
                            ])
                            .map_err(sql)?;
                        out.records += 1;
                    }
                }
            }
        }
    }
    tx.commit().map_err(|e| bad(db, e))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_the_points_and_activity_of_a_generated_takeout() {
        let dir = tempfile::tempdir().unwrap();
        let spec = footprint_fixtures::google::TakeoutSpec {
            location_points: 30,
            activity: 12,
            ..Default::default()
        };
        let zips = footprint_fixtures::google::generate(&spec, &dir.path().join("takeout-20240302T100000Z.zip")).unwrap();
        let db = dir.path().join("naive.db");
        let out = import(&zips, &db).unwrap();
        let conn = Connection::open(&db).unwrap();
        let count = |kind: &str| -> u64 {
            let n: i64 = conn
                .query_row("SELECT count(*) FROM records WHERE kind = ?1 AND ts IS NOT NULL", [kind], |r| r.get(0))
                .unwrap();
            n as u64
        };
        assert_eq!(count("location_point"), 30);
        // The Ads product's elements are My Activity too.
        assert!(count("activity") >= 12, "{}", count("activity"));
        assert_eq!(out.records, count("location_point") + count("activity"));
        assert!(out.input_bytes > 30 * 50);
    }
}
