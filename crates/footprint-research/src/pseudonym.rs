//! Pseudonymization with a study salt: the participant's own identifiers and their contacts'
//! names become keyed hashes (HMAC-SHA256 keyed by the salt, 64 bits in hex, prefixed by the
//! kind: `email:3f9a0c...`), the same value giving the same hash in every table and file of
//! every participant of a study (same salt), and nothing a reader without the salt can invert
//! by trying likely values. Free text is also cleared of any e-mail address, phone number
//! and IP address (hashed the same way) and of URL query strings (cut).
//!
//! What is replaced is counted per table, column and kind ([`RedactionLog`]); the originals
//! are never kept anywhere but in the dictionary in memory.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use hmac::{Hmac, Mac};
use regex::Regex;
use rusqlite::Connection;
use serde::Serialize;
use sha2::Sha256;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// The shortest salt accepted: a short one could be guessed, and then every hash inverted
/// by trying names.
pub const MIN_SALT_CHARS: usize = 16;

/// Hex digits kept of the HMAC (64 bits: no collisions among the identifiers of a study).
const HASH_HEX: usize = 16;

/// The kinds of replaced values (the prefix of their hash).
pub mod kinds {
    pub const NAME: &str = "name";
    pub const EMAIL: &str = "email";
    pub const PHONE: &str = "phone";
    pub const USERNAME: &str = "username";
    pub const ADDRESS: &str = "address";
    pub const BIRTH_DATE: &str = "birth_date";
    pub const ACCOUNT: &str = "account";
    pub const IP: &str = "ip";
    /// A contact of the participant: message sender, friend, follower.
    pub const PERSON: &str = "person";
    /// Not a hash: a URL's query string, cut (`?[query]`).
    pub const URL_QUERY: &str = "url_query";
}

/// Keys of a record's JSON data that hold a person's name or handle, in the records of
/// messages and of the social graph.
const PERSON_KEYS: &[&str] = &[
    "sender", "author", "name", "global_name", "username", "nickname", "display_name", "displayName",
    "conversation", "participants", "recipients", "receiver_name", "from", "to", "friend", "contact",
];

/// Keys of a record's JSON data that hold an account id, in the records of the participant's
/// identity and contact details.
const ACCOUNT_KEYS: &[&str] = &["id", "account_id", "user_id", "userId", "accountId", "uid"];

/// Categories whose records name the participant's contacts.
const CONTACT_CATEGORIES: &str = "'messages', 'social_graph'";

/// How often each kind was replaced in each `table.column`.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct RedactionLog {
    /// `table.column` -> kind -> count.
    pub replaced: BTreeMap<String, BTreeMap<&'static str, u64>>,
    /// `table.column` -> values dropped (message bodies).
    pub dropped: BTreeMap<String, u64>,
}

impl RedactionLog {
    fn add(&mut self, place: &str, kind: &'static str, n: u64) {
        if n > 0 {
            *self.replaced.entry(place.to_string()).or_default().entry(kind).or_default() += n;
        }
    }
    pub fn drop_value(&mut self, place: &str) {
        *self.dropped.entry(place.to_string()).or_default() += 1;
    }
    pub fn total(&self) -> u64 {
        self.replaced.values().flat_map(|m| m.values()).sum::<u64>() + self.dropped.values().sum::<u64>()
    }
}

/// A value the dictionary looks for in free text, and the hash it becomes.
struct Entry {
    kind: &'static str,
    token: String,
}

/// The keyed hasher and the dictionary of one participant's identifiers and contacts.
pub struct Pseudonymizer {
    key: Vec<u8>,
    entries: Vec<Entry>,
    /// Case-insensitive (ASCII) search for every dictionary value at once.
    finder: Option<AhoCorasick>,
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}").expect("valid"));
/// A URL's query string (the part after `?` up to a space, a quote or the fragment).
static URL_QUERY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)\b(?:https?|ftp)://[^\s"'<>?#]*(\?[^\s"'<>#]+)"#).expect("valid"));
static IPV4: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b").expect("valid"));
/// Full and `::`-compressed IPv6 (times like 10:04:33 have no `::` and fewer than 8 groups).
static IPV6: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?")
        .expect("valid")
});
/// International numbers (`+` and 8 to 15 digits, separators allowed) and the North
/// American `(555) 010-1234` / `555-010-1234` forms. Bare digit runs are not phones here
/// (ids and times are), except the participant's own number, found by the dictionary.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\+\d(?:[ .\-()]?\d){7,14}\b|\(\d{3}\) ?\d{3}[ .\-]\d{4}\b|\b\d{3}[.\-]\d{3}[.\-]\d{4}\b").expect("valid")
});

impl Pseudonymizer {
    /// A pseudonymizer for the participant whose database this is: the dictionary holds every
    /// identity (all archives, whatever the export selects: an identifier must not stay in
    /// clear because it was found in another export), every archive's account, the account
    /// ids and the contacts named in the records.
    pub fn for_participant(conn: &Connection, salt: &str) -> rusqlite::Result<Pseudonymizer> {
        let mut values: Vec<(&'static str, String)> = Vec::new();
        let mut s = conn.prepare("SELECT kind, value FROM identities")?;
        let mut rows = s.query([])?;
        while let Some(r) = rows.next()? {
            let kind: String = r.get(0)?;
            values.push((identity_kind(&kind), r.get(1)?));
        }
        let mut s = conn.prepare("SELECT account FROM archives WHERE account IS NOT NULL")?;
        let mut rows = s.query([])?;
        while let Some(r) = rows.next()? {
            let account: String = r.get(0)?;
            values.push((account_kind(&account), account));
        }
        // Contacts and account ids from the records' JSON data (few records: messages and
        // the social graph are read once here, the rest not at all).
        let sql = format!(
            "SELECT category, data FROM records WHERE data IS NOT NULL
               AND (category IN ({CONTACT_CATEGORIES}) OR category = 'identity_contact')"
        );
        let mut s = conn.prepare(&sql)?;
        let mut rows = s.query([])?;
        while let Some(r) = rows.next()? {
            let category: String = r.get(0)?;
            let data: String = r.get(1)?;
            let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(&data) else {
                continue;
            };
            let (keys, kind) = if category == "identity_contact" {
                (ACCOUNT_KEYS, kinds::ACCOUNT)
            } else {
                (PERSON_KEYS, kinds::PERSON)
            };
            for key in keys {
                collect_strings(map.get(*key), &mut |v| values.push((kind, v.to_string())));
            }
        }
        // Social-graph records without a person key name the contact in their title
        // ("Friend: zoejensen12", "Following: robin_s").
        let mut s = conn.prepare(
            "SELECT title FROM records WHERE category = 'social_graph' AND title IS NOT NULL AND instr(title, ': ') > 0",
        )?;
        let mut rows = s.query([])?;
        while let Some(r) = rows.next()? {
            let title: String = r.get(0)?;
            if let Some((_, who)) = title.rsplit_once(": ") {
                values.push((kinds::PERSON, who.to_string()));
            }
        }
        Ok(Pseudonymizer::new(salt, values))
    }

    /// A pseudonymizer for these (kind, value) identifiers.
    pub fn new(salt: &str, values: Vec<(&'static str, String)>) -> Pseudonymizer {
        let mut p = Pseudonymizer {
            key: salt.as_bytes().to_vec(),
            entries: Vec::new(),
            finder: None,
        };
        // pattern (lowercased) -> entry; the first kind seen for a pattern wins (identities
        // come first, so the participant's own name is `name:`, not `person:`).
        let mut patterns: HashMap<String, usize> = HashMap::new();
        let mut list: Vec<String> = Vec::new();
        let mut add = |p: &mut Pseudonymizer, kind: &'static str, pattern: &str, canonical: &str| {
            let pattern = pattern.trim();
            if pattern.chars().count() < min_chars(kind) || patterns.contains_key(&pattern.to_lowercase()) {
                return;
            }
            let token = p.identifier(kind, canonical);
            patterns.insert(pattern.to_lowercase(), p.entries.len());
            p.entries.push(Entry { kind, token });
            list.push(pattern.to_string());
        };
        for (kind, value) in &values {
            add(&mut p, kind, value, value);
            match *kind {
                kinds::NAME | kinds::PERSON => {
                    // Each part of a name alone ("Sam" in "Sam's iPhone"), and the name as
                    // exports fold it into folder names ("facebook-samsilva-2024...",
                    // "inbox/zoemuller_1234"), all of it as the name's hash.
                    for part in value.split_whitespace() {
                        add(&mut p, kind, part, part);
                    }
                    let folded: String = deunicode::deunicode(value)
                        .chars()
                        .filter(char::is_ascii_alphanumeric)
                        .map(|c| c.to_ascii_lowercase())
                        .collect();
                    add(&mut p, kind, &folded, value);
                }
                kinds::PHONE => {
                    // The number as exports also write it: digits only, national forms.
                    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
                    add(&mut p, kind, &digits, value);
                    for keep in [10, 9] {
                        if digits.len() > keep {
                            add(&mut p, kind, &digits[digits.len() - keep..], value);
                        }
                    }
                }
                kinds::EMAIL | kinds::USERNAME => {
                    let at = value.trim_start_matches('@');
                    add(&mut p, kind, at, value);
                }
                _ => {}
            }
        }
        if !list.is_empty() {
            p.finder = Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(&list)
                    .expect("literal patterns build"),
            );
        }
        p
    }

    /// The keyed hash of an identifier: `kind:` + 16 hex digits of HMAC-SHA256(salt, kind
    /// NUL normalized value). E-mails and names compare case-insensitively, phones by digits.
    pub fn identifier(&self, kind: &'static str, value: &str) -> String {
        let normalized = match kind {
            kinds::PHONE => value.chars().filter(char::is_ascii_digit).collect(),
            kinds::USERNAME | kinds::ACCOUNT => value.trim().trim_start_matches('@').to_lowercase(),
            _ => value.trim().to_lowercase(),
        };
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(kind.as_bytes());
        mac.update(&[0]);
        mac.update(normalized.as_bytes());
        let hex = format!("{:x}", mac.finalize().into_bytes());
        format!("{kind}:{}", &hex[..HASH_HEX])
    }

    /// Pseudonymize free text, counting what was replaced under `place` (`table.column`).
    pub fn text(&self, text: &str, place: &str, log: &mut RedactionLog) -> String {
        // A URL's query string goes whole, whatever it holds; then the dictionary's values,
        // then the patterns, each where nothing was replaced yet.
        let mut spans: Vec<(usize, usize, Replacement)> = URL_QUERY
            .captures_iter(text)
            .filter_map(|c| c.get(1))
            .map(|m| (m.start(), m.end(), Replacement::Found(kinds::URL_QUERY)))
            .collect();
        let free = |spans: &[(usize, usize, Replacement)], s: usize, e: usize| spans.iter().all(|&(a, b, _)| e <= a || s >= b);
        if let Some(finder) = &self.finder {
            let mut found: Vec<(usize, usize, usize)> = finder
                .find_overlapping_iter(text)
                .filter(|m| on_word_boundaries(text, m.start(), m.end()))
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            // Longest first at each start, then left to right without overlaps.
            found.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
            for (s, e, i) in found {
                if free(&spans, s, e) {
                    spans.push((s, e, Replacement::Entry(i)));
                }
            }
        }
        let patterns: [(&Regex, &'static str); 4] =
            [(&EMAIL, kinds::EMAIL), (&IPV6, kinds::IP), (&IPV4, kinds::IP), (&PHONE, kinds::PHONE)];
        for (re, kind) in patterns {
            for m in re.find_iter(text) {
                if free(&spans, m.start(), m.end()) {
                    spans.push((m.start(), m.end(), Replacement::Found(kind)));
                }
            }
        }
        if spans.is_empty() {
            return text.to_string();
        }
        spans.sort_by_key(|&(s, _, _)| s);
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for (s, e, r) in spans {
            out.push_str(&text[at..s]);
            match r {
                Replacement::Entry(i) => {
                    let entry = &self.entries[i];
                    out.push_str(&entry.token);
                    log.add(place, entry.kind, 1);
                }
                Replacement::Found(kinds::URL_QUERY) => {
                    out.push_str("?[query]");
                    log.add(place, kinds::URL_QUERY, 1);
                }
                Replacement::Found(kind) => {
                    out.push_str(&self.identifier(kind, &text[s..e]));
                    log.add(place, kind, 1);
                }
            }
            at = e;
        }
        out.push_str(&text[at..]);
        out
    }

    /// Pseudonymize a whole identifier value (an identity's value, an archive's account).
    pub fn whole(&self, kind: &'static str, value: &str, place: &str, log: &mut RedactionLog) -> String {
        log.add(place, kind, 1);
        self.identifier(kind, value)
    }
}

enum Replacement {
    Entry(usize),
    Found(&'static str),
}

/// The hash kind of an identity kind (`identities.kind`).
pub fn identity_kind(kind: &str) -> &'static str {
    match kind {
        "name" => kinds::NAME,
        "email" => kinds::EMAIL,
        "phone" => kinds::PHONE,
        "username" => kinds::USERNAME,
        "address" => kinds::ADDRESS,
        "birth_date" => kinds::BIRTH_DATE,
        _ => kinds::ACCOUNT,
    }
}

/// An archive's account is an e-mail address or a username.
pub fn account_kind(account: &str) -> &'static str {
    if account.contains('@') && !account.starts_with('@') {
        kinds::EMAIL
    } else {
        kinds::USERNAME
    }
}

/// Shorter values are not looked for in free text: a two-letter name part would cut words
/// everywhere, and a short birthday ("Oct 16") is every other date.
fn min_chars(kind: &str) -> usize {
    match kind {
        kinds::NAME | kinds::PERSON | kinds::USERNAME => 3,
        kinds::BIRTH_DATE => 8,
        _ => 5,
    }
}

/// A dictionary match counts only as a whole word: "Sam" is a name in "Sam's", not in
/// "Samsung".
fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn collect_strings(value: Option<&serde_json::Value>, out: &mut dyn FnMut(&str)) {
    match value {
        Some(serde_json::Value::String(s)) => out(s),
        Some(serde_json::Value::Number(n)) => out(&n.to_string()),
        Some(serde_json::Value::Array(items)) => {
            for item in items {
                collect_strings(Some(item), out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(salt: &str) -> Pseudonymizer {
        Pseudonymizer::new(
            salt,
            vec![
                (kinds::NAME, "Sam Silva".into()),
                (kinds::EMAIL, "sam.silva23@example.com".into()),
                (kinds::PHONE, "+15550100548".into()),
                (kinds::PERSON, "Yuki Schmidt".into()),
            ],
        )
    }

    #[test]
    fn names_emails_phones_ips_and_queries_go() {
        let p = p("a study salt of some length");
        let mut log = RedactionLog::default();
        let out = p.text(
            "Sam Silva <SAM.SILVA23@example.com> wrote to Yuki Schmidt from 198.51.100.7, call 5550100548 \
             or +44 20 7946 0958; see https://shop.example/p?id=42&ref=sam#top. Sam's phone, Samsung.",
            "records.body",
            &mut log,
        );
        for gone in ["Sam ", "Sam'", "Silva", "SAM.SILVA23", "Yuki", "Schmidt", "198.51", "5550100548", "7946", "id=42"] {
            assert!(!out.contains(gone), "{gone} left in {out}");
        }
        assert!(out.contains("Samsung") && out.contains("https://shop.example/p?[query]#top"), "{out}");
        assert!(out.contains(&p.identifier(kinds::EMAIL, "sam.silva23@example.com")));
        // The national form hashes as the full number does.
        assert!(out.contains(&p.identifier(kinds::PHONE, "+15550100548")));
        let kinds_seen = &log.replaced["records.body"];
        assert_eq!(kinds_seen[kinds::URL_QUERY], 1);
        assert_eq!(kinds_seen[kinds::IP], 1);
        assert!(kinds_seen[kinds::NAME] >= 2 && kinds_seen[kinds::PERSON] == 1);
    }

    #[test]
    fn same_salt_same_hash_other_salt_other_hash() {
        let (a, b) = (p("salt number one, long enough"), p("salt number two, long enough"));
        let v = a.identifier(kinds::EMAIL, "x@example.com");
        assert_eq!(v, p("salt number one, long enough").identifier(kinds::EMAIL, "X@example.com "));
        assert_ne!(v, b.identifier(kinds::EMAIL, "x@example.com"));
        assert!(v.starts_with("email:") && v.len() == "email:".len() + HASH_HEX);
    }

    #[test]
    fn times_and_ids_are_not_phones() {
        let mut log = RedactionLog::default();
        let text = "2021-09-09 04:23:11 tweet 1100000000004743481 version 3.590.10000";
        assert_eq!(p("a study salt of some length").text(text, "t.c", &mut log), text);
        assert_eq!(log.total(), 0);
    }
}
