//! Name matching: from what an export calls a company to a directory entry.
//!
//! Tried in order: a URL or domain (subdomains walk up to the registered domain: `https://shop.
//! nike.com/x` -> `nike.com`; an unknown domain then by its registered label as a name key:
//! `capitalone.com` -> "Capital One"), an @handle, then the name itself. Names are compared by
//! a key that ignores case, accents, punctuation, spaces, a leading "the" and trailing legal
//! forms (Inc, Ltd, GmbH, S.A., B.V., plc ...); when that fails, trailing words such as
//! "Group", "Europe" or "UK" are dropped one by one.

use super::Directory;

/// Legal forms dropped from the end of a name.
const LEGAL_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "llc",
    "llp",
    "lp",
    "plc",
    "gmbh",
    "mbh",
    "ag",
    "kg",
    "kgaa",
    "co",
    "corp",
    "corporation",
    "company",
    "sa",
    "sas",
    "sasu",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "ab",
    "publ",
    "as",
    "asa",
    "oy",
    "oyj",
    "aps",
    "kk",
    "pty",
    "pte",
    "se",
    "sl",
    "slu",
    "sau",
    "ulc",
    "uc",
    "dac",
    "lda",
    "sro",
    "rl",
    "sp",
    "zoo",
    "pbc",
    "and",
    "unlimited",
];

/// Words dropped, one at a time from the end, when the full name has no match: corporate and
/// regional words, and the words pages and ad accounts add to a brand ("Nike Official",
/// "Amazon Ads"). Words that make a new name of a brand ("Media", "Digital", "Labs": "Meta
/// Media" is another company) are not among them.
const QUALIFIERS: &[&str] = &[
    "group",
    "holding",
    "holdings",
    "international",
    "global",
    "europe",
    "eu",
    "emea",
    "uk",
    "us",
    "usa",
    "america",
    "ireland",
    "deutschland",
    "germany",
    "france",
    "nederland",
    "netherlands",
    "espana",
    "italia",
    "official",
    "app",
    "apps",
    "online",
    "shop",
    "store",
    "ads",
    "advertising",
    "marketing",
    "services",
    "technologies",
    "technology",
    "platforms",
];

/// Lowercase words of a name with accents folded and punctuation removed. Dots and apostrophes
/// join (`S.A.` -> `sa`, `L'Oréal` -> `loreal`, `Booking.com` -> `bookingcom`); `&` is "and".
pub fn normalize_name(raw: &str) -> Vec<String> {
    let folded = deunicode::deunicode(raw).to_lowercase();
    let mut cleaned = String::with_capacity(folded.len());
    for c in folded.chars() {
        match c {
            '.' | '\'' | '`' => {}
            '&' | '+' => cleaned.push_str(" and "),
            c if c.is_ascii_alphanumeric() => cleaned.push(c),
            _ => cleaned.push(' '),
        }
    }
    let mut words: Vec<String> = cleaned.split_whitespace().map(str::to_string).collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    while words.len() > 1 && LEGAL_SUFFIXES.contains(&words[words.len() - 1].as_str()) {
        words.pop();
    }
    words
}

/// The compact key names are indexed by (words joined without spaces, so "Live Ramp" and
/// "LiveRamp" meet).
pub(crate) fn name_key(raw: &str) -> String {
    normalize_name(raw).concat()
}

/// The host of a URL or bare domain, lowercased, without `www.`, port, path or trailing dot;
/// `None` when `raw` does not look like one.
pub fn domain_of(raw: &str) -> Option<String> {
    let s = raw.trim().to_lowercase();
    let had_scheme = s.contains("://");
    let rest = s.split_once("://").map(|(_, r)| r).unwrap_or(&s);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?; // user-info
    let host = host.split(':').next()?.trim_end_matches('.');
    let host = host.strip_prefix("www.").unwrap_or(host);
    let labels: Vec<&str> = host.split('.').collect();
    let looks_like_host = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && labels
            .last()
            .is_some_and(|t| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_alphabetic()));
    // "Booking.com" is both a name and a domain; a bare word with a dot counts as a host only
    // when it has no spaces (names like "Dr. Oetker" do not).
    if looks_like_host && (had_scheme || !raw.trim().contains(' ')) {
        Some(host.to_string())
    } else {
        None
    }
}

/// Second-level labels under which a country's names are registered (`co.uk`, `com.au`).
const SECOND_LEVELS: &[&str] = &["co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"];

/// The label a domain was registered as: `shop.nike.com` -> `nike`, `amazon.co.uk` ->
/// `amazon`; `None` for a bare suffix. Labels with hyphens or shorter than three letters are
/// left out (no name key has a hyphen; two letters name too many companies).
fn registered_label(host: &str) -> Option<&str> {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let at = if n >= 3 && labels[n - 1].len() == 2 && SECOND_LEVELS.contains(&labels[n - 2]) {
        n.checked_sub(3)?
    } else {
        n.checked_sub(2)?
    };
    let label = labels[at];
    (label.len() >= 3 && !label.contains('-')).then_some(label)
}

pub(super) fn find(dir: &Directory, raw: &str) -> Option<usize> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    if let Some(host) = domain_of(raw) {
        let mut h = host.as_str();
        loop {
            if let Some(&i) = dir.domains.get(h) {
                return Some(i);
            }
            match h.split_once('.') {
                Some((_, parent)) if parent.contains('.') => h = parent,
                _ => break,
            }
        }
        // An unknown domain whose registered name is a company's name run together
        // (`oracleadvertising.com` for "Oracle Advertising", `capitalone.co.uk`): many
        // companies name their domain so, and exports list advertisers by domain.
        if let Some(&i) = registered_label(&host).and_then(|l| dir.names.get(l)) {
            return Some(i);
        }
    }
    if let Some(handle) = raw.strip_prefix('@') {
        if let Some(&i) = dir.handles.get(&handle.to_lowercase()) {
            return Some(i);
        }
    }
    let mut words = normalize_name(raw);
    if let Some(&i) = dir.names.get(&words.concat()) {
        return Some(i);
    }
    // Then without a parenthesised or bracketed tail ("Nike (EU)").
    if let Some(cut) = raw.find(['(', '[']) {
        if cut > 0 {
            if let Some(i) = dir.names.get(&normalize_name(&raw[..cut]).concat()) {
                return Some(*i);
            }
        }
    }
    loop {
        if let Some(&i) = dir.names.get(&words.concat()) {
            return Some(i);
        }
        if words.len() > 1 && QUALIFIERS.contains(&words[words.len() - 1].as_str()) {
            words.pop();
            while words.len() > 1 && LEGAL_SUFFIXES.contains(&words[words.len() - 1].as_str()) {
                words.pop();
            }
        } else {
            return None;
        }
    }
}
