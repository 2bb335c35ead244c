//! Who holds what: merging company spellings into one company, the platforms' own companies,
//! and rebuilding the `holdings` table from records.

use crate::store::{Store, StoreError};
use rusqlite::{params, Connection, OptionalExtension};

/// Legal-form words dropped when comparing company names ("Nike, Inc." = "Nike").
const LEGAL_SUFFIXES: &[&str] = &[
    "inc", "incorporated", "llc", "ltd", "limited", "gmbh", "ag", "sa", "sas", "sarl", "bv",
    "nv", "plc", "corp", "corporation", "co", "company", "srl", "spa", "oy", "ab", "as", "kg",
    "pty", "se", "lp", "llp", "group", "holdings",
];

/// Second-level labels that are not a brand (`co.uk`, `com.au`).
const GENERIC_SLD: &[&str] = &["co", "com", "org", "net", "gov", "ac", "edu"];

/// The key two spellings of one company share: lowercase, accents folded, punctuation dropped,
/// legal suffixes removed; a web domain or URL becomes its brand label (`https://www.nike.com/x`
/// and `nike.com` give `nike`); a handle (`@AcmeCorp`, X's advertisers) loses its `@` and is
/// read as the words its capitals mark ("Acme Corp"), so it meets the name other exports use.
pub fn company_key(name: &str) -> String {
    let name = name.trim();
    let spelled;
    let name = match name.strip_prefix('@') {
        Some(handle) => {
            spelled = handle_words(handle);
            spelled.as_str()
        }
        None => name,
    };
    let lower = name.to_lowercase();
    // Legal forms first, on whitespace words, so "Booking.com B.V." loses "B.V." and the
    // domain left over is seen as one.
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    while words.len() > 1 && is_legal_suffix(words[words.len() - 1]) {
        words.pop();
    }
    let mut s = words.join(" ");
    if let Some(host) = as_domain(&s) {
        s = host;
    }
    let folded: String = s.chars().map(fold_accent).collect();
    let mut words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric() && c != '&')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_string())
        .collect();
    while words.len() > 1 && is_legal_suffix(words.last().unwrap()) {
        words.pop();
    }
    if words.is_empty() {
        return name.trim().to_lowercase();
    }
    words.join(" ")
}

/// `AcmeCorp` -> `Acme Corp`, `TheTradeDesk` -> `The Trade Desk`, `acme_corp` -> `acme corp`:
/// a capital after a small letter or a digit starts a word; `_` separates words.
fn handle_words(handle: &str) -> String {
    let mut out = String::with_capacity(handle.len() + 4);
    let mut prev: Option<char> = None;
    for c in handle.chars() {
        if c == '_' {
            out.push(' ');
        } else {
            if c.is_uppercase() && prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit()) {
                out.push(' ');
            }
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

fn is_legal_suffix(word: &str) -> bool {
    let bare: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
    LEGAL_SUFFIXES.contains(&bare.as_str())
}

/// A URL or a bare domain (`nike.com`), as opposed to a name ("Booking.com" is both: the
/// capital letter says it is written as a name).
fn is_web_address(s: &str) -> bool {
    let t = s.trim();
    as_domain(&t.to_lowercase()).is_some() && !t.chars().any(|c| c.is_uppercase())
}

/// If `s` is a URL or a bare domain, its brand label (`shop.nike.co.uk` -> `nike`).
fn as_domain(s: &str) -> Option<String> {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    let host = rest.split(['/', '?', '#']).next()?;
    if host.contains(' ') || !host.contains('.') || host.ends_with('.') {
        return None;
    }
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() < 2 || !labels.iter().all(|l| l.chars().all(|c| c.is_alphanumeric() || c == '-')) {
        return None;
    }
    // The TLD must look like one (letters only): "Booking.com" yes, "3.5" no.
    let tld = labels[labels.len() - 1];
    if !tld.chars().all(|c| c.is_ascii_alphabetic()) || tld.len() < 2 {
        return None;
    }
    let mut i = labels.len() - 2;
    if i > 0 && GENERIC_SLD.contains(&labels[i]) {
        i -= 1;
    }
    Some(labels[i].to_string())
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        '’' | '\'' => ' ',
        other => other,
    }
}

/// The name of the company behind a platform, from its descriptor (Facebook and Instagram
/// are both Meta). An id no importer knows any more (a database from a newer version) is
/// its own name.
pub fn platform_company(platform: &str) -> &str {
    crate::registry::descriptor(platform).map_or(platform, |d| d.company)
}

/// The key that merges spellings into one company: the company directory's entry when the
/// name matches one (so "Experian Marketing Services", "Experian" and "experian.com" are one
/// company, and letters find its contact), else [`company_key`].
pub fn canonical_key(name: &str) -> String {
    match footprint_rights::Directory::builtin().match_name(name) {
        Some(entry) => format!("dir:{}", entry.slug),
        None => company_key(name),
    }
}

/// Find or create the company for a spelling; records the spelling as an alias.
/// (Platforms get theirs from [`platform_company_id`].)
pub(crate) fn company_id(conn: &Connection, name: &str) -> rusqlite::Result<i64> {
    let key = canonical_key(name);
    let existing: Option<(i64, String)> = conn
        .prepare_cached("SELECT id, name FROM companies WHERE key = ?1")?
        .query_row([&key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let existing = match existing {
        None if key.starts_with("dir:") => adopt_row(conn, name, &key)?,
        found => found,
    };
    let id = match existing {
        Some((id, shown)) => {
            // A brand name reads better than the web domain an ad pointed to: "Adidas",
            // not "adidas.com", once an export spells it out.
            if is_web_address(&shown) && !is_web_address(name) {
                conn.prepare_cached("UPDATE companies SET name = ?2 WHERE id = ?1")?
                    .execute(params![id, name.trim()])?;
            }
            id
        }
        None => {
            conn.prepare_cached("INSERT INTO companies(key, name, platform) VALUES (?1, ?2, 0)")?
                .execute(params![key, name.trim()])?;
            conn.last_insert_rowid()
        }
    };
    conn.prepare_cached("INSERT OR IGNORE INTO company_aliases(company_id, alias) VALUES (?1, ?2)")?
        .execute(params![id, name.trim()])?;
    Ok(id)
}

/// A company stored before the directory knew its name (by an older Footprint, whose
/// directory was smaller) keeps its row: the row takes the directory key, so a newer
/// directory never splits one company into the old row and a new one.
fn adopt_row(conn: &Connection, name: &str, key: &str) -> rusqlite::Result<Option<(i64, String)>> {
    let old: Option<(i64, String)> = conn
        .prepare_cached("SELECT id, name FROM companies WHERE key = ?1")?
        .query_row([company_key(name)], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((id, _)) = &old {
        conn.prepare_cached("UPDATE companies SET key = ?2 WHERE id = ?1")?
            .execute(params![id, key])?;
    }
    Ok(old)
}

/// The platform's own company id (created on first use).
pub(crate) fn platform_company_id(conn: &Connection, platform: &str) -> rusqlite::Result<i64> {
    let name = platform_company(platform);
    let key = canonical_key(name);
    let key = key.as_str();
    let existing: Option<i64> = conn
        .prepare_cached("SELECT id FROM companies WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?;
    match existing {
        Some(id) => {
            conn.execute("UPDATE companies SET platform = 1, name = ?2 WHERE id = ?1", params![id, name])?;
            Ok(id)
        }
        None => {
            conn.execute(
                "INSERT INTO companies(key, name, platform) VALUES (?1, ?2, 1)",
                params![key, name],
            )?;
            Ok(conn.last_insert_rowid())
        }
    }
}

/// Rebuild `holdings` from records, and drop companies nothing points at any more.
/// Platforms hold every category found in their export; third parties hold what their
/// records show, under the relation the export names.
pub(crate) fn rebuild_holdings(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM holdings", [])?;
    // Group by file first (one scan of the records), then fold files into a JSON list.
    conn.execute(
        "WITH fc AS (
           SELECT company_id, category, relation, platform, file_id,
                  count(*) AS n, min(ts) AS lo, max(ts) AS hi
           FROM records WHERE company_id IS NOT NULL
           GROUP BY company_id, category, relation, platform, file_id)
         INSERT INTO holdings(company_id, category, relation, platform, records, first_seen, last_seen, files)
         SELECT fc.company_id, fc.category, fc.relation, fc.platform, sum(n), min(lo), max(hi),
                json_group_array(DISTINCT f.path)
         FROM fc JOIN files f ON f.id = fc.file_id
         GROUP BY fc.company_id, fc.category, fc.relation, fc.platform",
        [],
    )?;
    let platforms: Vec<String> = conn
        .prepare("SELECT DISTINCT platform FROM archives")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for p in platforms {
        let cid = platform_company_id(conn, &p)?;
        // From the per-file summary (kept by imports), not from the records: an instant
        // instead of a scan of every record of the platform.
        conn.execute(
            "WITH fc AS (
               SELECT c.category, c.file_id, c.records AS n, c.first_ts AS lo, c.last_ts AS hi
               FROM file_counts c JOIN files f ON f.id = c.file_id JOIN archives a ON a.id = f.archive_id
               WHERE a.platform = ?2)
             INSERT OR IGNORE INTO holdings(company_id, category, relation, platform, records, first_seen, last_seen, files)
             SELECT ?1, fc.category, 'collected_directly', ?2, sum(n), min(lo), max(hi),
                    json_group_array(DISTINCT f.path)
             FROM fc JOIN files f ON f.id = fc.file_id
             GROUP BY fc.category",
            params![cid, p],
        )?;
    }
    conn.execute(
        "DELETE FROM companies WHERE id NOT IN (SELECT company_id FROM holdings)
           AND id NOT IN (SELECT company_id FROM records WHERE company_id IS NOT NULL)",
        [],
    )?;
    crate::summaries::rebuild_company_summaries(conn)
}

impl Store {
    /// Rebuild the derived holdings (normally done by imports and removals).
    pub fn rebuild_holdings(&mut self) -> Result<(), StoreError> {
        let tx = self.conn.transaction().map_err(StoreError::sql(&self.path))?;
        rebuild_holdings(&tx).map_err(StoreError::sql(&self.path))?;
        tx.commit().map_err(StoreError::sql(&self.path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_company_share_a_key() {
        for (a, b) in [
            ("Nike", "Nike, Inc."),
            ("nike.com", "Nike"),
            ("https://www.nike.com/running?x=1", "NIKE"),
            ("@Nike", "Nike Inc"),
            ("@AcmeCorp", "Acme Corp"),
            ("@AcmeCorp", "acme.com"),
            ("@TheTradeDesk", "The Trade Desk"),
            ("@acme_corp", "ACME Corp."),
            ("L'Oréal Paris", "L’Oreal Paris"),
            ("Zalando SE", "zalando.de"),
            ("Tesco PLC", "tesco.co.uk"),
            ("Booking.com", "booking.com B.V."),
        ] {
            assert_eq!(company_key(a), company_key(b), "{a} vs {b}");
        }
    }

    #[test]
    fn names_replace_domains_as_display_names() {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch(
            "CREATE TABLE companies (id INTEGER PRIMARY KEY, key TEXT UNIQUE, name TEXT, platform INTEGER);
             CREATE TABLE company_aliases (company_id INTEGER, alias TEXT, PRIMARY KEY (company_id, alias));",
        )
        .unwrap();
        let a = company_id(&c, "adidas.com").unwrap();
        let b = company_id(&c, "Adidas").unwrap();
        let d = company_id(&c, "https://www.adidas.com/x").unwrap();
        assert_eq!((a, a), (b, d));
        let name: String = c.query_row("SELECT name FROM companies", [], |r| r.get(0)).unwrap();
        assert_eq!(name, "Adidas");
        let aliases: i64 = c.query_row("SELECT count(*) FROM company_aliases", [], |r| r.get(0)).unwrap();
        assert_eq!(aliases, 3);
        assert!(is_web_address("nike.com") && !is_web_address("Booking.com") && !is_web_address("Nike"));
    }

    #[test]
    fn a_row_from_before_the_directory_knew_the_company_is_kept() {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch(
            "CREATE TABLE companies (id INTEGER PRIMARY KEY, key TEXT UNIQUE, name TEXT, platform INTEGER);
             CREATE TABLE company_aliases (company_id INTEGER, alias TEXT, PRIMARY KEY (company_id, alias));
             INSERT INTO companies(id, key, name, platform) VALUES (7, 'acxiom', 'Acxiom', 0);",
        )
        .unwrap();
        // The directory knows Acxiom now: the old row is reused and re-keyed, not doubled.
        assert_eq!(canonical_key("Acxiom"), "dir:acxiom");
        assert_eq!(company_id(&c, "Acxiom LLC").unwrap(), 7);
        let (n, key): (i64, String) = c
            .query_row("SELECT count(*), max(key) FROM companies", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        assert_eq!((n, key.as_str()), (1, "dir:acxiom"));
    }

    #[test]
    fn different_companies_stay_apart() {
        assert_ne!(company_key("Nike"), company_key("Adidas"));
        assert_ne!(company_key("The Trade Desk"), company_key("Trade"));
        assert_ne!(company_key("H&M"), company_key("HM"));
        // A handle in capitals is one word, not letters.
        assert_eq!(company_key("@HSBC"), "hsbc");
        assert_ne!(company_key("@AcmeBank"), company_key("Acme"));
        // A legal word alone is kept, not emptied.
        assert_eq!(company_key("Group"), "group");
    }
}
