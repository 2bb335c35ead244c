//! The company directory (`data/directory.json`): who a company is, the names and domains
//! exports call it by, the laws it answers to and where to send requests.
//!
//! Contacts are only those published by the companies (see each entry's `sources`); entries
//! known only by name and domain have no contact, and letters then leave a placeholder for the
//! user. [`Directory::match_name`] finds an entry from a name as an export spells it.

mod matching;

pub use matching::{domain_of, normalize_name};

use crate::error::Error;
use crate::identity::IdentityKind;
use crate::regime::Regimes;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

const FILE: &str = "data/directory.json";
/// The embedded directory file, for tools that want to derive a corrected copy from it.
pub const TEXT: &str = include_str!("../../data/directory.json");

/// The `sources` line of an entry known only by name and domain.
pub const NAME_AND_DOMAIN_ONLY: &str = "name and domain only; contact to be verified";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompanyCategory {
    Platform,
    Advertiser,
    DataBroker,
    AdTech,
    Analytics,
    MarketingTech,
    CreditBureau,
    Retailer,
    Marketplace,
    Travel,
    Airline,
    Bank,
    Fintech,
    Insurance,
    Telecom,
    Media,
    Streaming,
    App,
    Gaming,
    Dating,
    FoodDelivery,
    Fitness,
    Health,
    Automotive,
    ConsumerGoods,
    RealEstate,
    Software,
    Mobility,
}

/// Where and how to send a request under some regimes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Regime ids this contact is for; empty means any regime.
    #[serde(default)]
    pub regimes: Vec<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// Data protection officer, when published separately.
    #[serde(default)]
    pub dpo_email: Option<String>,
    #[serde(default)]
    pub web_form: Option<String>,
    /// A self-service download or request page.
    #[serde(default)]
    pub self_service: Option<String>,
    /// An opt-out page (data brokers).
    #[serde(default)]
    pub opt_out: Option<String>,
    /// Lines separated by `\n`.
    #[serde(default)]
    pub postal_address: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        self.email.is_none()
            && self.dpo_email.is_none()
            && self.web_form.is_none()
            && self.self_service.is_none()
            && self.opt_out.is_none()
            && self.postal_address.is_none()
            && self.phone.is_none()
    }
}

/// An EU or UK representative (GDPR Art. 27) of a company established elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Representative {
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub postal_address: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Representatives {
    #[serde(default)]
    pub eu: Option<Representative>,
    #[serde(default)]
    pub uk: Option<Representative>,
}

/// One company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Never changes once published: requests refer to it.
    pub slug: String,
    pub name: String,
    pub legal_entity: Option<String>,
    /// The parent company's name (or slug when it has an entry).
    pub parent: Option<String>,
    pub aliases: Vec<String>,
    /// Bare host names (`nike.com`); subdomains match too.
    pub domains: Vec<String>,
    /// Social handles with the `@`.
    pub handles: Vec<String>,
    /// ISO 3166-1 alpha-2 country of the main establishment.
    pub country: String,
    pub categories: Vec<CompanyCategory>,
    /// Regime ids the company is expected to answer to (where it operates).
    pub regimes: Vec<String>,
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub privacy_policy: Option<String>,
    #[serde(default)]
    pub representatives: Representatives,
    /// None when not known.
    pub needs_id_document: Option<bool>,
    pub identity_fields: Vec<IdentityKind>,
    /// ISO 639-1 code of the language the company answers in.
    pub request_language: String,
    /// Where each fact came from.
    pub sources: Vec<String>,
    pub last_verified: Option<NaiveDate>,
}

impl Entry {
    /// The contact for `regime`: one listing the regime, else one for any regime.
    pub fn contact_for(&self, regime: &str) -> Option<&Contact> {
        self.contacts
            .iter()
            .find(|c| c.regimes.iter().any(|r| r == regime))
            .or_else(|| self.contacts.iter().find(|c| c.regimes.is_empty()))
    }

    /// True when the directory has no way to reach the company yet.
    pub fn contact_unknown(&self) -> bool {
        self.contacts.iter().all(Contact::is_empty)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DirectoryFile {
    schema_version: u32,
    about: String,
    entries: Vec<Entry>,
}

/// The directory with its lookup indexes.
#[derive(Debug, Clone)]
pub struct Directory {
    entries: Vec<Entry>,
    /// Compact normalised name/alias/legal entity -> entry index.
    names: HashMap<String, usize>,
    /// Host -> entry index.
    domains: HashMap<String, usize>,
    /// Lowercased handle without `@` -> entry index.
    handles: HashMap<String, usize>,
}

impl Directory {
    /// Parses and validates the embedded directory.
    pub fn load() -> Result<Directory, Error> {
        Directory::parse_named(TEXT, FILE)
    }

    /// Parses and validates directory data given as text (a corrected file, a test case).
    pub fn parse(text: &str) -> Result<Directory, Error> {
        Directory::parse_named(text, "directory (given text)")
    }

    fn parse_named(text: &str, file_name: &'static str) -> Result<Directory, Error> {
        let file: DirectoryFile =
            serde_json::from_str(text).map_err(|source| Error::DataParse {
                file: file_name,
                source,
            })?;
        let regimes = Regimes::load()?;
        let mut problems = Vec::new();
        if file.schema_version != 1 {
            problems.push(format!("schema_version {} is not 1", file.schema_version));
        }
        let dir = Directory::index(file.entries, &mut problems);
        for e in &dir.entries {
            problems.extend(entry_problems(e, &regimes));
        }
        if problems.is_empty() {
            Ok(dir)
        } else {
            Err(Error::DataInvalid {
                file: file_name,
                problems,
            })
        }
    }

    /// The embedded directory, parsed once (the tests prove it valid).
    pub fn builtin() -> &'static Directory {
        static CELL: OnceLock<Directory> = OnceLock::new();
        CELL.get_or_init(|| Directory::load().expect("embedded directory is valid"))
    }

    fn index(entries: Vec<Entry>, problems: &mut Vec<String>) -> Directory {
        let mut names: HashMap<String, usize> = HashMap::new();
        let mut domains: HashMap<String, usize> = HashMap::new();
        let mut handles: HashMap<String, usize> = HashMap::new();
        let mut slugs = BTreeSet::new();
        for (i, e) in entries.iter().enumerate() {
            if !slugs.insert(e.slug.as_str()) {
                problems.push(format!("slug `{}` appears twice", e.slug));
            }
            // Names and aliases must be unique across entries: a name that points at two
            // companies would send a letter to the wrong one.
            let mut own = BTreeSet::new();
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                let key = matching::name_key(n);
                if key.is_empty() {
                    problems.push(format!(
                        "{}: name or alias `{n}` normalises to nothing",
                        e.slug
                    ));
                    continue;
                }
                if !own.insert(key.clone()) {
                    continue;
                }
                if let Some(&j) = names.get(&key) {
                    if j != i {
                        problems.push(format!(
                            "{}: name or alias `{n}` is also a name of {}",
                            e.slug, entries[j].slug
                        ));
                    }
                } else {
                    names.insert(key, i);
                }
            }
            for d in &e.domains {
                if let Some(&j) = domains.get(d.as_str()) {
                    problems.push(format!(
                        "{}: domain {d} is also a domain of {}",
                        e.slug, entries[j].slug
                    ));
                }
                domains.insert(d.clone(), i);
            }
            for h in &e.handles {
                let key = h.trim_start_matches('@').to_lowercase();
                if let Some(&j) = handles.get(&key) {
                    problems.push(format!(
                        "{}: handle {h} is also a handle of {}",
                        e.slug, entries[j].slug
                    ));
                }
                handles.insert(key, i);
            }
        }
        // Legal entity names help matching but may be shared (one entity, several brands):
        // they are indexed only where they do not clash with a name or alias.
        for (i, e) in entries.iter().enumerate() {
            if let Some(le) = &e.legal_entity {
                let key = matching::name_key(le);
                if !key.is_empty() {
                    names.entry(key).or_insert(i);
                }
            }
        }
        Directory {
            entries,
            names,
            domains,
            handles,
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn get(&self, slug: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.slug == slug)
    }

    /// Finds the entry for a name as found in an export: a company or app name (case, accents,
    /// punctuation and legal suffixes ignored), an alias, a domain or URL, or an @handle.
    pub fn match_name(&self, raw: &str) -> Option<&Entry> {
        matching::find(self, raw).map(|i| &self.entries[i])
    }
}

fn entry_problems(e: &Entry, regimes: &Regimes) -> Vec<String> {
    let s = &e.slug;
    let mut out = Vec::new();
    if e.slug.is_empty()
        || !e
            .slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        || e.slug.starts_with('-')
        || e.slug.ends_with('-')
    {
        out.push(format!(
            "slug `{s}` must be lowercase letters, digits and inner hyphens"
        ));
    }
    if e.name.trim().is_empty() {
        out.push(format!("{s}: empty name"));
    }
    if e.country.len() != 2 || !e.country.bytes().all(|b| b.is_ascii_uppercase()) {
        out.push(format!(
            "{s}: country `{}` is not an ISO alpha-2 code",
            e.country
        ));
    }
    if e.request_language.len() != 2 || !e.request_language.bytes().all(|b| b.is_ascii_lowercase())
    {
        out.push(format!(
            "{s}: request_language `{}` is not an ISO 639-1 code",
            e.request_language
        ));
    }
    if e.categories.is_empty() {
        out.push(format!("{s}: no category"));
    }
    if e.regimes.is_empty() {
        out.push(format!("{s}: no regime"));
    }
    for r in &e.regimes {
        if regimes.get(r).is_err() {
            out.push(format!("{s}: unknown regime `{r}`"));
        }
    }
    if e.domains.is_empty() {
        out.push(format!("{s}: no domain"));
    }
    for d in &e.domains {
        if !is_host(d) {
            out.push(format!(
                "{s}: domain `{d}` is not a bare lowercase host (no scheme, no www.)"
            ));
        }
    }
    for h in &e.handles {
        if !h.starts_with('@')
            || h.len() < 2
            || h[1..]
                .chars()
                .any(|c| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        {
            out.push(format!(
                "{s}: handle `{h}` must be @ followed by letters, digits, _ or ."
            ));
        }
    }
    for (i, c) in e.contacts.iter().enumerate() {
        for r in &c.regimes {
            if regimes.get(r).is_err() {
                out.push(format!("{s}: contact {i} names unknown regime `{r}`"));
            } else if !e.regimes.contains(r) {
                out.push(format!(
                    "{s}: contact {i} is for `{r}`, which the entry's regimes omit"
                ));
            }
        }
        for (what, v) in [("email", &c.email), ("dpo_email", &c.dpo_email)] {
            if let Some(v) = v {
                if !is_email(v) {
                    out.push(format!(
                        "{s}: contact {i} {what} `{v}` is not an e-mail address"
                    ));
                }
            }
        }
        for (what, v) in [
            ("web_form", &c.web_form),
            ("self_service", &c.self_service),
            ("opt_out", &c.opt_out),
        ] {
            if let Some(v) = v {
                if !is_url(v) {
                    out.push(format!("{s}: contact {i} {what} `{v}` is not an https URL"));
                }
            }
        }
        if c.is_empty() {
            out.push(format!(
                "{s}: contact {i} is empty (leave the list empty instead)"
            ));
        }
    }
    if let Some(p) = &e.privacy_policy {
        if !is_url(p) {
            out.push(format!("{s}: privacy_policy `{p}` is not an https URL"));
        }
    }
    for rep in [&e.representatives.eu, &e.representatives.uk]
        .into_iter()
        .flatten()
    {
        if let Some(m) = &rep.email {
            if !is_email(m) {
                out.push(format!(
                    "{s}: representative e-mail `{m}` is not an e-mail address"
                ));
            }
        }
    }
    if e.sources.is_empty() || e.sources.iter().any(|x| x.trim().is_empty()) {
        out.push(format!("{s}: sources missing"));
    }
    if e.contact_unknown() && !e.sources.iter().any(|x| x == NAME_AND_DOMAIN_ONLY) {
        out.push(format!(
            "{s}: no contact, so sources must say `{NAME_AND_DOMAIN_ONLY}`"
        ));
    }
    if e.identity_fields.is_empty() {
        out.push(format!("{s}: no identity field"));
    }
    let mut seen = BTreeMap::new();
    for a in &e.aliases {
        if seen.insert(a.to_lowercase(), ()).is_some() {
            out.push(format!("{s}: alias `{a}` listed twice"));
        }
    }
    out
}

/// `example.com`, `shop.example.co.uk`: lowercase labels, at least one dot, no `www.`.
fn is_host(d: &str) -> bool {
    let labels: Vec<&str> = d.split('.').collect();
    labels.len() >= 2
        && !d.starts_with("www.")
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_lowercase()))
}

/// A plain address `local@host.tld` (no display name, no spaces).
pub(crate) fn is_email(s: &str) -> bool {
    let Some((local, host)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !host.contains('@')
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b))
        && is_host(&host.to_ascii_lowercase())
}

/// An `https://host/path` URL without spaces.
pub(crate) fn is_url(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !s.contains(char::is_whitespace) && is_host(host.trim_start_matches("www."))
}
