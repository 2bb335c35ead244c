//! The company directory: who a company is, the names and domains exports call it by, the
//! laws it answers to and where to send requests.
//!
//! It is built at load time from three embedded files: the project's own entries
//! (`data/directory.json`), the Datenanfragen.de company database
//! (`data/sources/datenanfragen/companies.json`, CC0), merged by [`merge`] so that a company
//! both name is one entry, and the US contacts read in the companies' own privacy notices
//! (`data/sources/us-privacy-notices/notices.json`, merged by [`us_notices`]). Dropping a
//! newer source file in and rebuilding is all an update takes; the merge report says what
//! changed.
//!
//! Contacts are only those published by the companies (see each entry's `sources` and each
//! contact's `source`); entries known only by name and domain have no contact, and letters
//! then leave a placeholder for the user. [`Directory::match_name`] finds an entry from a name
//! as an export spells it.

pub mod datenanfragen;
mod matching;
pub mod merge;
pub mod us_notices;
mod validate;

pub use matching::{domain_of, normalize_name};
pub use merge::MergeReport;
use validate::Rules;
pub use validate::{is_email, is_url};

use crate::error::Error;
use crate::identity::IdentityKind;
use crate::regime::Regimes;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

const FILE: &str = "data/directory.json";
/// The embedded directory file, for tools that want to derive a corrected copy from it.
pub const TEXT: &str = include_str!("../../data/directory.json");
/// The embedded copy of the Datenanfragen.de company database (CC0; commit in docs/RIGHTS-ENGINE.md).
pub const DATENANFRAGEN_TEXT: &str =
    include_str!("../../data/sources/datenanfragen/companies.json");
/// Which Datenanfragen.de records are which of the project's entries, where names and domains
/// alone do not tell (`facebook` is `meta`), and which must stay apart.
pub const LINKS_TEXT: &str = include_str!("../../data/sources/datenanfragen/links.json");
/// The US request contacts read in the companies' own privacy notices (the project's file;
/// how it was compiled in its README).
pub const US_NOTICES_TEXT: &str =
    include_str!("../../data/sources/us-privacy-notices/notices.json");

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
    /// Banks, payment and other financial services where the source does not say which.
    Finance,
    Utility,
    CollectionAgency,
    PublicBody,
    Nonprofit,
    PoliticalParty,
    Education,
    Religion,
    /// The source gives no category.
    Other,
}

/// Where and how to send a request under some regimes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Regime ids this contact is for; empty means any regime.
    #[serde(default)]
    pub regimes: Vec<String>,
    /// ISO alpha-2 countries this contact serves (a company's national branch); empty means
    /// every country of its regimes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// The legal entity this contact belongs to, when not the entry's own (`Acxiom Deutschland
    /// GmbH` for Acxiom's German contact).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
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
    /// Where this contact was published, when it is not the entry's first source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
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
    /// ISO 639-1 code of the language the company answers in; None when no source says.
    pub request_language: Option<String>,
    /// Where each fact came from.
    pub sources: Vec<String>,
    pub last_verified: Option<NaiveDate>,
}

impl Entry {
    /// The contact for `regime`: the first that lists the regime or serves any regime.
    /// Contacts are kept in order of trust: the project's own first, then those merged in
    /// from open sources; a national branch's contact serves only its countries.
    pub fn contact_for(&self, regime: &str) -> Option<&Contact> {
        self.contact_for_country(regime, None)
    }

    /// The contact for `regime` and, when known, the user's `country` (ISO alpha-2): the
    /// first serving that country, else the first serving every country, else the first
    /// serving the regime at all (only national branches: better than nothing).
    pub fn contact_for_country(&self, regime: &str, country: Option<&str>) -> Option<&Contact> {
        let serving = || {
            self.contacts
                .iter()
                .filter(|c| c.regimes.is_empty() || c.regimes.iter().any(|r| r == regime))
        };
        country
            .and_then(|k| serving().find(|c| c.countries.iter().any(|x| x.eq_ignore_ascii_case(k))))
            .or_else(|| serving().find(|c| c.countries.is_empty()))
            .or_else(|| serving().next())
    }

    /// True when the directory has an e-mail address or a web form to send a request to.
    pub fn has_electronic_contact(&self) -> bool {
        self.contacts
            .iter()
            .any(|c| c.email.is_some() || c.web_form.is_some())
    }

    /// True when the directory has no way to reach the company yet.
    pub fn contact_unknown(&self) -> bool {
        self.contacts.iter().all(Contact::is_empty)
    }
}

static BUILTIN: OnceLock<(Directory, MergeReport)> = OnceLock::new();

fn builtin_with_report() -> &'static (Directory, MergeReport) {
    BUILTIN.get_or_init(|| Directory::load_with_report().expect("embedded directory is valid"))
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
    /// The project's entries merged with the embedded Datenanfragen.de records, validated.
    pub fn load() -> Result<Directory, Error> {
        Ok(Directory::load_with_report()?.0)
    }

    /// [`Directory::load`] and what the merge did (how many records merged, added, which
    /// names were dropped because another entry has them).
    pub fn load_with_report() -> Result<(Directory, MergeReport), Error> {
        Directory::merged_with_notices(TEXT, DATENANFRAGEN_TEXT, LINKS_TEXT, US_NOTICES_TEXT)
    }

    /// The embedded files merged without the US privacy notices: the directory as it was
    /// before them, to measure what they bring.
    pub fn without_us_notices() -> Result<Directory, Error> {
        Ok(Directory::merged(TEXT, DATENANFRAGEN_TEXT, LINKS_TEXT)?.0)
    }

    /// The project's own file alone, before any merge (every rule of that file applies).
    pub fn project_only() -> Result<Directory, Error> {
        Directory::parse_named(TEXT, FILE, Rules::Curated)
    }

    /// Parses and validates a project directory file given as text (a corrected file, a test
    /// case), without merging any source into it.
    pub fn parse(text: &str) -> Result<Directory, Error> {
        Directory::parse_named(text, "directory (given text)", Rules::Curated)
    }

    /// Merges a project directory file with a Datenanfragen.de companies array (and the links
    /// between their records), and validates the result. This is what [`Directory::load`]
    /// does with the embedded files; a newer source file can be checked with it before it
    /// is embedded.
    pub fn merged(
        project: &str,
        datenanfragen: &str,
        links: &str,
    ) -> Result<(Directory, MergeReport), Error> {
        Directory::merge_sources(project, datenanfragen, links, None)
    }

    /// [`Directory::merged`] and then the US privacy notices' contacts (a notices file given
    /// as text): what [`Directory::load`] does with the embedded files.
    pub fn merged_with_notices(
        project: &str,
        datenanfragen: &str,
        links: &str,
        us_notices: &str,
    ) -> Result<(Directory, MergeReport), Error> {
        Directory::merge_sources(project, datenanfragen, links, Some(us_notices))
    }

    fn merge_sources(
        project: &str,
        datenanfragen: &str,
        links: &str,
        us_notices: Option<&str>,
    ) -> Result<(Directory, MergeReport), Error> {
        let curated = Directory::parse_named(project, FILE, Rules::Curated)?;
        let records = datenanfragen::parse(datenanfragen)?;
        let links = merge::Links::parse(links)?;
        let (mut entries, report) = merge::merge(curated.entries, &records, &links)?;
        let regimes = Regimes::load()?;
        if let Some(text) = us_notices {
            us_notices::merge(&mut entries, &us_notices::parse(text, &regimes)?)?;
        }
        let mut problems = Vec::new();
        let dir = Directory::index(entries, &mut problems);
        for e in &dir.entries {
            problems.extend(validate::entry_problems(e, &regimes, Rules::Merged));
        }
        if problems.is_empty() {
            Ok((dir, report))
        } else {
            Err(Error::DataInvalid {
                file: "directory merged with data/sources (Datenanfragen.de, US privacy notices)",
                problems,
            })
        }
    }

    fn parse_named(text: &str, file_name: &'static str, rules: Rules) -> Result<Directory, Error> {
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
            problems.extend(validate::entry_problems(e, &regimes, rules));
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

    /// The embedded directory, merged and parsed once (the tests prove it valid).
    pub fn builtin() -> &'static Directory {
        &builtin_with_report().0
    }

    /// Start building [`Directory::builtin`] on a thread of its own, when it is not built yet.
    ///
    /// An import names its first companies within milliseconds, and building the directory
    /// (merging a few thousand embedded records: ~0.1 s) then stalled its writer while the
    /// parser filled the queue. Started as the import opens its archive, the build uses the
    /// core the writer leaves idle until the first records arrive. Whoever asks first waits
    /// for the one build.
    pub fn warm_up() {
        if BUILTIN.get().is_none() {
            std::thread::spawn(|| {
                builtin_with_report();
            });
        }
    }

    /// Whether [`Directory::builtin`] is built (by a first call or by [`Directory::warm_up`]).
    pub fn is_built() -> bool {
        BUILTIN.get().is_some()
    }

    /// What the merge of the embedded files did.
    pub fn builtin_report() -> &'static MergeReport {
        &builtin_with_report().1
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
        // Legal entity names (the entry's and its contacts') help matching but may be shared
        // (one entity, several brands): they are indexed only where they do not clash with a
        // name or alias.
        for (i, e) in entries.iter().enumerate() {
            let entities = e
                .legal_entity
                .iter()
                .chain(e.contacts.iter().filter_map(|c| c.entity.as_ref()));
            for le in entities {
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
