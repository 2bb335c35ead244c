//! Integration tests of footprint-rights, grouped by topic (one test binary for the crate).

mod authorities;
mod complaints;
mod data;
mod deadlines;
mod directory;
mod directory_merge;
mod formats;
mod languages;
mod letters;
mod tracking;
mod us_notices;

use chrono::NaiveDate;

/// A date from its parts; the tests' dates are all valid.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

/// The spellings of `cases` (name as an export has it, expected slug) that `dir` does not
/// match to their entry, one line each: empty when all match.
pub fn wrong_matches(dir: &footprint_rights::Directory, cases: &[(&str, &str)]) -> Vec<String> {
    cases
        .iter()
        .filter_map(|(raw, slug)| {
            let got = dir.match_name(raw).map(|e| e.slug.as_str());
            (got != Some(*slug)).then(|| format!("{raw:?}: expected {slug}, got {got:?}"))
        })
        .collect()
}

/// The near names of `cases` (another company's name, the entry it must not match) that
/// `dir` matches to that entry anyway: empty when all stay apart.
pub fn false_merges(dir: &footprint_rights::Directory, cases: &[(&str, &str)]) -> Vec<String> {
    cases
        .iter()
        .filter(|(name, slug)| dir.match_name(name).is_some_and(|e| e.slug == *slug))
        .map(|(name, slug)| format!("{name:?} matched {slug}"))
        .collect()
}
