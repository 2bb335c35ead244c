//! Integration tests of footprint-rights, grouped by topic (one test binary for the crate).

mod authorities;
mod data;
mod deadlines;
mod directory;
mod directory_merge;
mod formats;
mod languages;
mod letters;
mod tracking;

use chrono::NaiveDate;

/// A date from its parts; the tests' dates are all valid.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}
