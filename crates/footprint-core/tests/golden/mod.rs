//! What the golden tests of every importer share: the normalized summary of an imported
//! archive that is snapshotted (counts per kind and category, companies with relations,
//! identities, skipped and unknown files, the first records of each kind).

// Each golden test binary uses a part of this module.
#![allow(dead_code)]

use footprint_core::archive::{ArchiveView, Limits};
use footprint_core::importer::{FileRole, Importer};
use footprint_core::registry::{detect, Detection};
use footprint_core::testing::Collected;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// How many records of each kind the snapshot shows in full.
pub const SAMPLES_PER_KIND: usize = 2;

#[derive(Serialize)]
pub struct Summary {
    pub detected: String,
    /// importer id -> (confidence, reason), for every importer that answered.
    pub recognition: BTreeMap<&'static str, (f32, String)>,
    pub account: Option<String>,
    pub identities: Vec<String>,
    /// parser -> files.
    pub files: BTreeMap<String, usize>,
    pub skipped: Vec<String>,
    /// Files indexed, not understood: `path (reader)`, or `path (parser, walked blindly)`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indexed: Vec<String>,
    pub unknown: Vec<String>,
    pub failed: Vec<(String, String)>,
    pub warnings: Vec<String>,
    /// `kind / category` -> count.
    pub kinds: BTreeMap<String, usize>,
    /// company -> relation -> records.
    pub companies: BTreeMap<String, BTreeMap<String, usize>>,
    pub samples: BTreeMap<String, Vec<Sample>>,
}

#[derive(Serialize)]
pub struct Sample {
    pub file: String,
    pub position: u64,
    pub ts: Option<String>,
    pub ts_end: Option<String>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub point: Option<(f64, f64)>,
    pub company: Option<String>,
    pub data: Option<serde_json::Value>,
}

pub fn open(paths: &[PathBuf]) -> ArchiveView {
    ArchiveView::open(paths, &Limits::default()).expect("generated archive opens")
}

pub fn detected(view: &ArchiveView) -> String {
    match detect(view) {
        Detection::Found(c) => c.importer.to_string(),
        Detection::Tie(cs) => format!(
            "TIE: {}",
            cs.iter().map(|c| c.importer).collect::<Vec<_>>().join(", ")
        ),
        Detection::Unknown => "unknown".to_string(),
    }
}

/// The snapshot of one archive. `recognizers` are asked for their confidence; with
/// `keep_zero`, a zero answer is kept (to show that an importer says "not mine").
pub fn summarize(
    view: &ArchiveView,
    c: &Collected,
    recognizers: &[&dyn Importer],
    keep_zero: bool,
) -> Summary {
    let mut recognition = BTreeMap::new();
    for imp in recognizers {
        let r = imp.recognize(view);
        if keep_zero || r.confidence > 0.0 {
            recognition.insert(imp.id(), (r.confidence, r.reason));
        }
    }
    let mut files = BTreeMap::new();
    let mut skipped = Vec::new();
    let mut unknown = Vec::new();
    let mut indexed = Vec::new();
    for (path, role) in &c.files {
        match role {
            FileRole::Parse(p) if c.indexed_only.contains(path) => {
                indexed.push(format!("{path} ({p}, walked blindly)"))
            }
            FileRole::Parse(p) => *files.entry(p.to_string()).or_insert(0) += 1,
            FileRole::Index(reader) => indexed.push(format!("{path} ({reader})")),
            FileRole::Skip(why) => skipped.push(format!("{path}: {why}")),
            FileRole::Unknown => unknown.push(path.clone()),
        }
    }
    skipped.sort();
    indexed.sort();
    unknown.sort();
    let mut kinds = BTreeMap::new();
    let mut companies: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut samples: BTreeMap<String, Vec<Sample>> = BTreeMap::new();
    for cr in &c.records {
        let r = &cr.record;
        *kinds
            .entry(format!("{} / {}", r.kind, r.category))
            .or_insert(0) += 1;
        if let Some(co) = &r.company {
            *companies
                .entry(co.name.clone())
                .or_default()
                .entry(co.relation.to_string())
                .or_insert(0) += 1;
        }
        let list = samples.entry(r.kind.to_string()).or_default();
        if list.len() < SAMPLES_PER_KIND {
            list.push(Sample {
                file: cr.file.clone(),
                position: r.position,
                ts: r.ts.map(footprint_core::time::display),
                ts_end: r.ts_end.map(footprint_core::time::display),
                title: r.title.clone(),
                body: r.body.clone(),
                point: r.lat.zip(r.lon),
                company: r
                    .company
                    .as_ref()
                    .map(|c| format!("{} ({})", c.name, c.relation)),
                data: r
                    .data
                    .as_deref()
                    .map(|d| serde_json::from_str(d).expect("record data is JSON")),
            });
        }
    }
    Summary {
        detected: detected(view),
        recognition,
        account: c.account.clone(),
        identities: c
            .identities
            .iter()
            .map(|i| format!("{}: {}", i.kind.as_str(), i.value))
            .collect(),
        files,
        skipped,
        indexed,
        unknown,
        failed: c.failed.clone(),
        warnings: c
            .warnings
            .iter()
            .map(|w| format!("{} @{:?}: {}", w.file, w.position, w.message))
            .collect(),
        kinds,
        companies,
        samples,
    }
}

/// Records of one kind.
pub fn count(c: &Collected, kind: &str) -> usize {
    c.records.iter().filter(|r| r.record.kind == kind).count()
}

/// Every other registered importer is less sure than platform `id`'s: no tie, no theft.
pub fn no_other_importer_claims(view: &ArchiveView, id: &str) {
    let own = footprint_core::registry::by_id(id)
        .expect("registered")
        .recognize(view)
        .confidence;
    for imp in footprint_core::registry::importers() {
        if imp.id() != id {
            let other = imp.recognize(view);
            assert!(
                other.confidence < own,
                "{} claims a {id} export ({own}): {other:?}",
                imp.id()
            );
        }
    }
}

/// company -> records, for one relation, from the summary.
pub fn with_relation(s: &Summary, relation: &str) -> BTreeMap<String, usize> {
    s.companies
        .iter()
        .filter_map(|(name, rels)| rels.get(relation).map(|n| (name.clone(), *n)))
        .collect()
}

/// How often each name occurs (what a generator wrote, to compare with [`with_relation`]).
pub fn tally(names: impl Iterator<Item = String>) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for n in names {
        *m.entry(n).or_insert(0) += 1;
    }
    m
}

/// A sink that only counts records, for measuring one parser alone (no store, no Vec of
/// records); a warning is a failure, as generated input is clean.
pub struct CountingSink(pub u64);

impl footprint_core::importer::RecordSink for CountingSink {
    fn record(&mut self, _: footprint_core::model::Record) -> Result<(), footprint_core::importer::ParseError> {
        self.0 += 1;
        Ok(())
    }
    fn identity(&mut self, _: footprint_core::model::Identity) {}
    fn warning(&mut self, w: footprint_core::importer::Warning) {
        panic!("unexpected warning {w:?}");
    }
}

/// How many files of the import a parser read (role `Parse`).
pub fn parsed_files(c: &Collected) -> usize {
    c.files.iter().filter(|(_, r)| matches!(r, FileRole::Parse(_))).count()
}

/// Money in the records, summed per currency (minor units).
pub fn spending_by_currency(c: &Collected) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for cr in &c.records {
        if let Some(m) = cr.record.amount {
            *out.entry(m.currency.as_str().to_string()).or_insert(0) += m.minor;
        }
    }
    out
}
