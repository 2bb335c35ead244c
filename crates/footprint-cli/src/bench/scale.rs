//! `footprint bench --at-scale`: a database of millions of records across every platform the
//! fixture generator knows, built through the real import runner, then the app's screens'
//! questions timed on it with the same [`Store`] functions the app's commands call.
//!
//! Each platform's generator scales "its main kind of record"; how many records one unit makes
//! differs per platform (a Takeout's unit is one My Activity element plus five location
//! points), so a small calibration export of each is imported first and the real one sized
//! from it.

use super::run::remove_db;
use crate::Failure;
use footprint_core::query::{CompanyQuery, MapQuery, SearchQuery, TimelineQuery};
use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use serde::Serialize;
use std::path::Path;
use std::time::Instant;

/// Units of the calibration export of each platform.
const CALIBRATION: usize = 2_000;
/// Runs of each query; the median is reported (full-text: each word's median, then the p95).
const RUNS: usize = 5;

/// One platform's share of the database.
#[derive(Serialize)]
pub struct ImportLine {
    pub platform: String,
    pub records: u64,
    pub seconds: f64,
}

/// One timed question.
#[derive(Serialize)]
pub struct QueryLine {
    pub screen: String,
    pub ms: f64,
    /// What it must stay under (issue #13).
    pub budget_ms: f64,
}

/// One word of the full-text percentile: its median over [`RUNS`] runs.
#[derive(Serialize)]
pub struct WordLine {
    pub word: String,
    pub ms: f64,
    /// Records it matches (as a prefix, the way the app asks it).
    pub matches: u64,
}

/// The screens' times and, behind the full-text line, each word's.
pub struct Screens {
    pub queries: Vec<QueryLine>,
    pub words: Vec<WordLine>,
}

#[derive(Serialize)]
pub struct ScaleReport {
    pub records: u64,
    pub db_bytes: u64,
    pub imports: Vec<ImportLine>,
    pub queries: Vec<QueryLine>,
    pub words: Vec<WordLine>,
    /// The 1-minute load average after the timings (the machine is shared).
    pub load_average: String,
}

fn import_one(store: &mut Store, id: &str, units: usize, dir: &Path, seed: u64) -> Result<(u64, f64), Failure> {
    let generator = footprint_fixtures::demo::generator(id).expect("listed generator");
    let out = dir.join(format!("scale-{id}-{seed}.zip"));
    let paths = (generator.write)(&out, seed, Some(units.max(1)))?;
    let opts = ImportOptions {
        platform: Some(id.to_string()),
        ..Default::default()
    };
    let t0 = Instant::now();
    let outcome = import_export(store, &paths, &opts)?;
    let seconds = t0.elapsed().as_secs_f64();
    for p in &paths {
        let _ = if p.is_dir() { std::fs::remove_dir_all(p) } else { std::fs::remove_file(p) };
    }
    Ok((outcome.report.records, seconds))
}

/// Build the database at `db` with about `target` records, spread evenly over the platforms;
/// the platforms whose generator falls short of its share (Discord's and Apple's main kinds
/// are mostly not records) are made up for by further exports of the others.
pub fn build(db: &Path, dir: &Path, target: u64) -> Result<Vec<ImportLine>, Failure> {
    remove_db(db);
    let generators = footprint_fixtures::demo::GENERATORS;
    // Records per unit of each generator, from a small export in a scratch database.
    let scratch = dir.join("calibration.db");
    remove_db(&scratch);
    let mut per_unit = Vec::new();
    {
        let mut store = Store::open(&scratch)?;
        for g in generators {
            let (records, _) = import_one(&mut store, g.id, CALIBRATION, dir, 1)?;
            per_unit.push((records as f64 / CALIBRATION as f64).max(1e-3));
        }
    }
    remove_db(&scratch);
    let share = target as f64 / generators.len() as f64;
    let mut store = Store::open(db)?;
    let mut lines = Vec::new();
    let mut import = |store: &mut Store, id: &str, units: usize, seed: u64, per: f64| -> Result<u64, Failure> {
        eprintln!("at scale: {id} ({units} units, ~{:.0} records)", units as f64 * per);
        let (records, seconds) = import_one(store, id, units, dir, seed)?;
        lines.push(ImportLine {
            platform: id.to_string(),
            records,
            seconds,
        });
        Ok(records)
    };
    let mut total = 0;
    for (g, per) in generators.iter().zip(&per_unit) {
        // A generator whose main kind is mostly not records (Discord's analytics events are
        // mostly skipped) would write gigabytes for its share: at most `share` units.
        let units = ((share / per).round() as usize).min(share as usize);
        total += import(&mut store, g.id, units, 2, *per)?;
    }
    // The shortfall, spread over the generators that make at least a record per unit, as
    // exports of other generated people (another seed: their records are not duplicates).
    let full: Vec<_> = generators.iter().zip(&per_unit).filter(|(_, per)| **per >= 1.0).collect();
    for seed in 3..6 {
        if total >= target || full.is_empty() {
            break;
        }
        let share = (target - total) as f64 / full.len() as f64;
        for (g, per) in &full {
            let units = (share / **per).ceil() as usize;
            total += import(&mut store, g.id, units, seed, **per)?;
        }
    }
    Ok(lines)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The median time of `f` over [`RUNS`] runs, in ms.
fn time_ms(f: &mut dyn FnMut() -> Result<(), Failure>) -> Result<f64, Failure> {
    let mut runs = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let t = Instant::now();
        f()?;
        runs.push(t.elapsed().as_secs_f64() * 1e3);
    }
    Ok(median(runs))
}

/// Words the generated exports hold, common and rare, for the full-text percentile.
const WORDS: &[&str] = &[
    "searched", "watched", "visited", "video", "hello", "thanks", "tomorrow", "music", "shop",
    "order", "pizza", "weather", "news", "coffee", "travel", "flight", "london", "paris", "tw",
    "zzzqqq",
];

/// Time the app's screens' questions on the database at `db`, on a fresh connection (as the
/// app opens it).
pub fn time_screens(db: &Path) -> Result<Screens, Failure> {
    let mut out = Vec::new();
    let t0 = Instant::now();
    let store = Store::open(db)?;
    out.push(QueryLine {
        screen: "open database".into(),
        ms: t0.elapsed().as_secs_f64() * 1e3,
        budget_ms: 50.0,
    });
    let line = |screen: &str, budget_ms: f64, f: &mut dyn FnMut() -> Result<(), Failure>| -> Result<QueryLine, Failure> {
        Ok(QueryLine {
            screen: screen.to_string(),
            ms: time_ms(f)?,
            budget_ms,
        })
    };
    out.push(line("dashboard: overview", 50.0, &mut || Ok(store.overview().map(drop)?))?);
    out.push(line("dashboard: stats", 50.0, &mut || Ok(store.stats().map(drop)?))?);
    out.push(line("companies list", 50.0, &mut || Ok(store.companies(&CompanyQuery::default()).map(drop)?))?);
    out.push(line("timeline by month", 50.0, &mut || Ok(store.timeline(&TimelineQuery::default()).map(drop)?))?);
    out.push(line("map (whole extent)", 50.0, &mut || Ok(store.map(&MapQuery::default()).map(drop)?))?);
    out.push(line("explorer: first page", 20.0, &mut || Ok(store.search(&SearchQuery::default()).map(drop)?))?);
    // The 100th page: the cursor of the 99th is fetched once, then page 100 alone is timed.
    let mut q = SearchQuery::default();
    for _ in 0..99 {
        match store.search(&q)?.next {
            Some(c) => q.after = Some(c),
            None => break,
        }
    }
    out.push(line("explorer: 100th page", 20.0, &mut || Ok(store.search(&q).map(drop)?))?);
    let words = time_words(&store)?;
    let mut per_word: Vec<f64> = words.iter().map(|w| w.ms).collect();
    per_word.sort_by(f64::total_cmp);
    let p95 = per_word[((per_word.len() as f64 * 0.95).ceil() as usize).clamp(1, per_word.len()) - 1];
    out.push(QueryLine {
        screen: format!("full-text top 20, p95 of {} words", WORDS.len()),
        ms: p95,
        budget_ms: 100.0,
    });
    let companies = store.companies(&CompanyQuery::default())?;
    // The biggest platform and the third party with the most evidence: both page kinds.
    if let Some(c) = companies.iter().find(|c| c.is_platform) {
        let id = c.id;
        out.push(line("company page: a platform", 50.0, &mut || Ok(store.company(id).map(drop)?))?);
    }
    if let Some(c) = companies.iter().filter(|c| !c.is_platform).max_by_key(|c| c.records) {
        let id = c.id;
        out.push(line("company page: a third party", 50.0, &mut || Ok(store.company(id).map(drop)?))?);
    }
    Ok(Screens { queries: out, words })
}

/// Each of [`WORDS`] searched the way the app asks it (top 20, the word as a prefix).
fn time_words(store: &Store) -> Result<Vec<WordLine>, Failure> {
    let mut out = Vec::new();
    for w in WORDS {
        let q = SearchQuery {
            text: Some(w.to_string()),
            limit: Some(20),
            ..Default::default()
        };
        let ms = time_ms(&mut || Ok(store.search(&q).map(drop)?))?;
        let fts = footprint_core::query::fts_query(w).expect("a word");
        let matches: i64 = store
            .connection()
            .query_row("SELECT count(*) FROM records_fts WHERE records_fts MATCH ?1", [fts], |r| r.get(0))
            .map_err(|e| Failure::failed(format!("counting the matches of {w:?}: {e}")))?;
        out.push(WordLine {
            word: w.to_string(),
            ms,
            matches: matches as u64,
        });
    }
    Ok(out)
}

/// Build (or, with `reuse`, keep an existing database at `db`) and time; `target` records.
pub fn run(dir: &Path, db: Option<&Path>, reuse: bool, target: u64) -> Result<ScaleReport, Failure> {
    let db = db.map(Path::to_path_buf).unwrap_or_else(|| dir.join("bench-scale.db"));
    let imports = if reuse && db.exists() {
        eprintln!("at scale: reusing {}", db.display());
        Vec::new()
    } else {
        build(&db, dir, target)?
    };
    let screens = time_screens(&db)?;
    let load_average = super::load_average();
    let records = Store::open(&db)?.stats()?.records as u64;
    Ok(ScaleReport {
        records,
        db_bytes: std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0),
        imports,
        queries: screens.queries,
        words: screens.words,
        load_average,
    })
}
