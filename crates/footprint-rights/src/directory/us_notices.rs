//! US request contacts read in the companies' own privacy notices
//! (`data/sources/us-privacy-notices/notices.json`, compiled by the project; how, in the README
//! beside it), merged after the Datenanfragen.de records.
//!
//! Each fact names the page it was read on and the day it was read, so it can be checked
//! again and replaced when the page changes. A record only adds to an entry that already
//! exists (the project's or one added from Datenanfragen): the names a company is matched by
//! stay in `directory.json`, and this file only adds the export spellings a notice gives (the
//! legal entity, a brand) where no other entry has them.
//!
//! Where the contacts go: a US contact serves only the US regimes it lists, so it is put
//! before the entry's first catch-all contact (one that serves any regime) and after any the
//! entry already has for named regimes. An entry's own curated US contact thus stays first
//! for its regimes, while a company's notice beats a generic address for the US laws. A
//! contact no letter can use (only an opt-out page or a phone number) goes last.

use super::matching::name_key;
use super::validate::{is_email, is_url};
use super::{Contact, Entry, NAME_AND_DOMAIN_ONLY};
use crate::error::Error;
use crate::regime::Regimes;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};

pub(crate) const FILE: &str = "data/sources/us-privacy-notices/notices.json";

/// The file: what it is, and one record per company.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notices {
    #[allow(dead_code)]
    about: String,
    pub companies: Vec<Company>,
}

/// The facts read for one company.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Company {
    /// The directory entry these facts belong to.
    pub slug: String,
    /// Names the notice uses for the company (its legal entity, a brand), added as aliases
    /// where no other entry has them.
    #[serde(default)]
    pub aliases: Vec<String>,
    pub contacts: Vec<NoticeContact>,
}

/// One contact as a notice gives it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeContact {
    /// The US regimes (ids of `regimes.json`) the notice offers this contact for.
    pub regimes: Vec<String>,
    /// The legal entity the notice names as responsible.
    #[serde(default)]
    pub entity: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub web_form: Option<String>,
    #[serde(default)]
    pub opt_out: Option<String>,
    #[serde(default)]
    pub postal_address: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    /// What the notice says the contact is for, in the project's words.
    #[serde(default)]
    pub note: Option<String>,
    /// The page the facts were read on (https).
    pub source: String,
    /// The day they were read there.
    pub read: NaiveDate,
}

impl NoticeContact {
    /// The contact as a directory entry keeps it; the source line carries the page and the day.
    fn to_contact(&self) -> Contact {
        Contact {
            regimes: self.regimes.clone(),
            countries: Vec::new(),
            entity: self.entity.clone(),
            email: self.email.clone(),
            dpo_email: None,
            web_form: self.web_form.clone(),
            self_service: None,
            opt_out: self.opt_out.clone(),
            postal_address: self.postal_address.clone(),
            phone: self.phone.clone(),
            note: self.note.clone(),
            source: Some(source_line(&self.source, self.read)),
        }
    }

    /// True when a letter can be sent with it: an e-mail address, web form or postal address.
    pub fn letter_can_use(&self) -> bool {
        self.email.is_some() || self.web_form.is_some() || self.postal_address.is_some()
    }

    fn has_channel(&self) -> bool {
        self.email.is_some()
            || self.web_form.is_some()
            || self.opt_out.is_some()
            || self.postal_address.is_some()
            || self.phone.is_some()
    }
}

/// The `source` of a contact from this file: the page first (so it reads as a link), then
/// the day it was read and the file it is kept in.
pub fn source_line(url: &str, read: NaiveDate) -> String {
    format!("{url} (read {read}; {FILE})")
}

/// Parses the file and checks every record on its own: a known slug is checked at merge.
pub fn parse(text: &str, regimes: &Regimes) -> Result<Notices, Error> {
    let notices: Notices =
        serde_json::from_str(text).map_err(|source| Error::DataParse { file: FILE, source })?;
    let problems = problems(&notices, regimes);
    if problems.is_empty() {
        Ok(notices)
    } else {
        Err(Error::DataInvalid {
            file: FILE,
            problems,
        })
    }
}

fn problems(notices: &Notices, regimes: &Regimes) -> Vec<String> {
    let mut out = Vec::new();
    let mut slugs = BTreeSet::new();
    for c in &notices.companies {
        let s = &c.slug;
        if !slugs.insert(s.as_str()) {
            out.push(format!("{s}: listed twice (one record per company)"));
        }
        if c.contacts.is_empty() {
            out.push(format!("{s}: no contact"));
        }
        for (i, k) in c.contacts.iter().enumerate() {
            if !is_url(&k.source) {
                out.push(format!(
                    "{s}: contact {i} source `{}` is not an https URL",
                    k.source
                ));
            }
            if k.regimes.is_empty() {
                out.push(format!("{s}: contact {i} names no regime"));
            }
            for r in &k.regimes {
                if regimes.get(r).is_err() {
                    out.push(format!("{s}: contact {i} names unknown regime `{r}`"));
                } else if !r.starts_with("us_") {
                    out.push(format!(
                        "{s}: contact {i} is for `{r}`, not a US regime (this file is for US notices)"
                    ));
                }
            }
            if !k.has_channel() {
                out.push(format!(
                    "{s}: contact {i} has no e-mail, form, address or phone"
                ));
            }
            if let Some(m) = &k.email {
                if !is_email(m) {
                    out.push(format!(
                        "{s}: contact {i} email `{m}` is not an e-mail address"
                    ));
                }
            }
            for (what, v) in [("web_form", &k.web_form), ("opt_out", &k.opt_out)] {
                if let Some(v) = v {
                    if !is_url(v) {
                        out.push(format!("{s}: contact {i} {what} `{v}` is not an https URL"));
                    }
                }
            }
        }
    }
    out
}

/// Adds the notices' contacts and names to `entries` (the merged directory so far).
pub(crate) fn merge(entries: &mut [Entry], notices: &Notices) -> Result<(), Error> {
    let by_slug: HashMap<String, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.slug.clone(), i))
        .collect();
    let mut taken: HashMap<String, usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            taken.entry(name_key(n)).or_insert(i);
        }
    }
    let mut problems = Vec::new();
    for c in &notices.companies {
        let Some(&i) = by_slug.get(&c.slug) else {
            problems.push(format!(
                "{}: no directory entry has this slug (add the company to data/directory.json first)",
                c.slug
            ));
            continue;
        };
        for a in &c.aliases {
            let key = name_key(a);
            match taken.get(&key) {
                Some(&j) if j == i => {}
                Some(&j) => problems.push(format!(
                    "{}: alias `{a}` is already a name of {}",
                    c.slug, entries[j].slug
                )),
                None => {
                    taken.insert(key, i);
                    entries[i].aliases.push(a.trim().to_string());
                }
            }
        }
        let e = &mut entries[i];
        for k in &c.contacts {
            for r in &k.regimes {
                if !e.regimes.contains(r) {
                    e.regimes.push(r.clone());
                }
            }
            // A contact a letter cannot be sent to (an opt-out page, a phone number) goes last,
            // so it never hides a catch-all address from the letters.
            let at = if k.letter_can_use() {
                e.contacts
                    .iter()
                    .position(|x| x.regimes.is_empty())
                    .unwrap_or(e.contacts.len())
            } else {
                e.contacts.len()
            };
            e.contacts.insert(at, k.to_contact());
        }
        e.sources.retain(|s| s != NAME_AND_DOMAIN_ONLY);
        let mut pages: Vec<String> = c
            .contacts
            .iter()
            .map(|k| format!("{} (read {})", k.source, k.read))
            .collect();
        pages.dedup();
        e.sources
            .push(format!("US privacy notices ({FILE}): {}", pages.join(", ")));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::DataInvalid {
            file: FILE,
            problems,
        })
    }
}
