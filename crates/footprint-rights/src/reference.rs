//! The human reference printed in subject lines: `FP-2026-11-ABC123`.
//!
//! Deterministic from its inputs (company, regime, request type, date, and a sequence number
//! for two requests to the same company on the same day), so regenerating a letter gives the
//! same reference. The code part is Crockford base32 (no I, L, O, U) of an xxh3 hash.

use crate::right::RequestType;
use chrono::{Datelike, NaiveDate};
use xxhash_rust::xxh3::xxh3_64;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `FP-YYYY-MM-XXXXXX` for a request to `company` (slug or name) created on `date`.
pub fn make(
    company: &str,
    regime: &str,
    request_type: RequestType,
    date: NaiveDate,
    sequence: u32,
) -> String {
    let material = format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        company.trim().to_lowercase(),
        regime,
        request_type.as_str(),
        date,
        sequence
    );
    let mut h = xxh3_64(material.as_bytes());
    let mut code = String::with_capacity(6);
    for _ in 0..6 {
        code.push(ALPHABET[(h & 31) as usize] as char);
        h >>= 5;
    }
    format!("FP-{:04}-{:02}-{code}", date.year(), date.month())
}

/// True when `s` has the shape `make` produces.
pub fn is_valid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 4
        && parts[0] == "FP"
        && parts[1].len() == 4
        && parts[1].bytes().all(|b| b.is_ascii_digit())
        && parts[2].len() == 2
        && parts[2].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        && parts[3].len() == 6
        && parts[3].bytes().all(|b| ALPHABET.contains(&b))
}
