//! The reproducible merge of the Datenanfragen.de records into the project's entries.
//!
//! Each record, in the source file's order, goes to exactly one entry:
//! 1. the entry `links.json` names for it (`facebook` -> `meta`), or none when the links file
//!    keeps it apart;
//! 2. else an entry with the same web host (exactly: `aws.amazon.com` is not `amazon.com`,
//!    because Amazon Web Services is another controller);
//! 3. else an entry with the same name key (case, accents, punctuation and legal forms
//!    ignored: "Google LLC" is `google`); country branches of one company (Datenanfragen has
//!    `amazon-de`, `amazon-fr` ...) meet their first record this way;
//! 4. else it becomes a new entry with the record's slug.
//!
//! Merging keeps everything the entry had and adds: the record's contact (or its missing
//! postal address and phone, when the entry already has the same e-mail or web form of the
//! same legal entity), its brands (`runs`) as aliases, its web host as a domain, its regimes
//! and categories, the ID-document rule when the entry has none, and the record as a source.
//! A name or domain another entry already has is dropped and listed in the report: one name
//! must never lead to two companies.

use super::datenanfragen::{self, Record};
use super::matching::{domain_of, name_key};
use super::{CompanyCategory, Contact, Entry, Representatives, NAME_AND_DOMAIN_ONLY};
use crate::error::Error;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

const LINKS_FILE: &str = "data/sources/datenanfragen/links.json";

/// `links.json`: decisions the names and domains cannot make.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Links {
    #[allow(dead_code)]
    about: String,
    /// Datenanfragen slug -> the project's slug it is.
    same_as: BTreeMap<String, String>,
    /// Datenanfragen slug -> why it is not the entry its name or domain would give.
    apart: BTreeMap<String, String>,
    /// Brands (`runs`) that are everyday words ("Love", "Now", "Pizza"): as an alias they
    /// would turn any advertiser of that name into the company, so they are left out.
    ambiguous_brands: Vec<String>,
}

impl Links {
    pub fn parse(text: &str) -> Result<Links, Error> {
        serde_json::from_str(text).map_err(|source| Error::DataParse {
            file: LINKS_FILE,
            source,
        })
    }
}

/// How a record found its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MergedBy {
    Link,
    Domain,
    Name,
}

/// A record merged into one of the project's entries.
#[derive(Debug, Clone, Serialize)]
pub struct MergedRecord {
    pub record: String,
    pub entry: String,
    pub by: MergedBy,
}

/// A name or domain of a record left out because another entry has it.
#[derive(Debug, Clone, Serialize)]
pub struct DroppedName {
    /// The Datenanfragen record it came from.
    pub record: String,
    pub name: String,
    /// The entry that keeps it.
    pub kept_by: String,
}

/// What the merge did, for the tests and `footprint directory report`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MergeReport {
    pub source_records: usize,
    pub project_entries: usize,
    /// Records merged into one of the project's entries.
    pub merged_into_project: usize,
    /// Records merged into an entry added from an earlier record (a country branch).
    pub merged_into_added: usize,
    /// Records that became new entries.
    pub added: usize,
    pub entries: usize,
    /// Entries with any contact (e-mail, web form, postal address ...), before and after.
    pub project_entries_with_contact: usize,
    pub entries_with_contact: usize,
    /// Entries with an e-mail address or a web form.
    pub entries_with_email_or_form: usize,
    pub merges_into_project: Vec<MergedRecord>,
    /// Records whose slug an unrelated project entry has, and the slug they got instead.
    pub renamed_slugs: Vec<(String, String)>,
    pub dropped_aliases: Vec<DroppedName>,
    pub dropped_domains: Vec<DroppedName>,
    /// Brands left out because they are everyday words (`links.json`'s `ambiguous_brands`).
    pub dropped_ambiguous: Vec<DroppedName>,
    /// E-mail addresses and web forms left out because they are not well-formed for a letter
    /// (`kept_by` says why).
    pub dropped_contacts: Vec<DroppedName>,
}

impl fmt::Display for MergeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let by = |how: MergedBy| {
            self.merges_into_project
                .iter()
                .filter(|m| m.by == how)
                .count()
        };
        writeln!(
            f,
            "Datenanfragen.de records: {}; project entries: {}",
            self.source_records, self.project_entries
        )?;
        writeln!(
            f,
            "merged into project entries: {} (by link {}, by domain {}, by name {})",
            self.merged_into_project,
            by(MergedBy::Link),
            by(MergedBy::Domain),
            by(MergedBy::Name)
        )?;
        writeln!(
            f,
            "merged into entries added from an earlier record (country branches): {}",
            self.merged_into_added
        )?;
        writeln!(f, "added as new entries: {}", self.added)?;
        writeln!(
            f,
            "entries: {}; with a contact: {} (project alone: {}); with an e-mail or web form: {}",
            self.entries,
            self.entries_with_contact,
            self.project_entries_with_contact,
            self.entries_with_email_or_form
        )?;
        writeln!(f, "slugs renamed: {}", self.renamed_slugs.len())?;
        for (from, to) in &self.renamed_slugs {
            writeln!(f, "  {from} -> {to}")?;
        }
        writeln!(
            f,
            "aliases dropped because another entry has them: {}",
            self.dropped_aliases.len()
        )?;
        for d in &self.dropped_aliases {
            writeln!(
                f,
                "  {:?} (record {}) kept by {}",
                d.name, d.record, d.kept_by
            )?;
        }
        writeln!(
            f,
            "brands dropped as everyday words: {} ({})",
            self.dropped_ambiguous.len(),
            self.dropped_ambiguous
                .iter()
                .map(|d| d.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )?;
        writeln!(
            f,
            "domains dropped because another entry has them: {}",
            self.dropped_domains.len()
        )?;
        for d in &self.dropped_domains {
            writeln!(
                f,
                "  {} (record {}) kept by {}",
                d.name, d.record, d.kept_by
            )?;
        }
        writeln!(
            f,
            "contacts dropped as not well-formed: {}",
            self.dropped_contacts.len()
        )?;
        for d in &self.dropped_contacts {
            writeln!(f, "  {} (record {}): {}", d.name, d.record, d.kept_by)?;
        }
        Ok(())
    }
}

/// The record's e-mail address and web form as a letter can use them: invisible characters
/// (soft hyphens copied from web pages) removed; an address that is still not a plain ASCII
/// `local@host` (an internationalised domain an `.eml` draft cannot carry) or a form that is
/// not https is left out and reported.
fn usable_channels(r: &Record, report: &mut MergeReport) -> (Option<String>, Option<String>) {
    let invisible = |c: char| {
        matches!(
            c,
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'
        )
    };
    let email = r.email.as_deref().map(|m| m.trim().replace(invisible, ""));
    let email = match email {
        Some(m) if !super::validate::is_email(&m) => {
            report.dropped_contacts.push(DroppedName {
                record: r.slug.clone(),
                name: m,
                kept_by: "not a plain ASCII e-mail address".into(),
            });
            None
        }
        other => other,
    };
    let form = match r.webform.as_deref().map(str::trim) {
        Some(u) if !super::validate::is_url(u) => {
            report.dropped_contacts.push(DroppedName {
                record: r.slug.clone(),
                name: u.to_string(),
                kept_by: "not an https URL".into(),
            });
            None
        }
        other => other.map(str::to_string),
    };
    (email, form)
}

/// The lookups the merge keeps up to date as entries grow.
struct Index {
    names: HashMap<String, usize>,
    domains: HashMap<String, usize>,
    slugs: HashSet<String>,
}

impl Index {
    fn new(entries: &[Entry]) -> Index {
        let mut ix = Index {
            names: HashMap::new(),
            domains: HashMap::new(),
            slugs: HashSet::new(),
        };
        for (i, e) in entries.iter().enumerate() {
            ix.slugs.insert(e.slug.clone());
            for n in std::iter::once(&e.name)
                .chain(&e.aliases)
                .chain(e.legal_entity.iter())
            {
                ix.names.entry(name_key(n)).or_insert(i);
            }
            for d in &e.domains {
                ix.domains.entry(d.clone()).or_insert(i);
            }
        }
        ix
    }
}

/// Merges `records` into `project` (the project's validated entries).
pub(crate) fn merge(
    project: Vec<Entry>,
    records: &[Record],
    links: &Links,
) -> Result<(Vec<Entry>, MergeReport), Error> {
    let mut report = MergeReport {
        source_records: records.len(),
        project_entries: project.len(),
        project_entries_with_contact: project.iter().filter(|e| !e.contact_unknown()).count(),
        ..Default::default()
    };
    let project_count = project.len();
    let mut entries = project;
    let mut ix = Index::new(&entries);
    let mut problems = Vec::new();
    for (slug, target) in &links.same_as {
        if !ix.slugs.contains(target) {
            problems.push(format!(
                "{LINKS_FILE}: {slug} is linked to `{target}`, which is no project entry"
            ));
        }
        if links.apart.contains_key(slug) {
            problems.push(format!(
                "{LINKS_FILE}: {slug} is both linked and kept apart"
            ));
        }
    }
    let ambiguous: HashSet<String> = links.ambiguous_brands.iter().map(|b| name_key(b)).collect();
    let known: HashSet<&str> = records.iter().map(|r| r.slug.as_str()).collect();
    for slug in links.same_as.keys().chain(links.apart.keys()) {
        if !known.contains(slug.as_str()) {
            problems.push(format!("{LINKS_FILE}: no Datenanfragen record `{slug}`"));
        }
    }
    for r in records {
        let host = r.web.as_deref().and_then(domain_of);
        let target = if let Some(to) = links.same_as.get(&r.slug) {
            entries
                .iter()
                .position(|e| &e.slug == to)
                .map(|i| (i, MergedBy::Link))
        } else if links.apart.contains_key(&r.slug) {
            None
        } else if let Some(&i) = host.as_ref().and_then(|h| ix.domains.get(h)) {
            Some((i, MergedBy::Domain))
        } else {
            ix.names
                .get(&name_key(&r.name))
                .map(|&i| (i, MergedBy::Name))
        };
        let result = match target {
            Some((i, by)) => {
                if i < project_count {
                    report.merged_into_project += 1;
                    report.merges_into_project.push(MergedRecord {
                        record: r.slug.clone(),
                        entry: entries[i].slug.clone(),
                        by,
                    });
                } else {
                    report.merged_into_added += 1;
                }
                merge_into(&mut entries, i, r, &mut ix, &ambiguous, &mut report)
            }
            None => {
                report.added += 1;
                add(&mut entries, r, &mut ix, &ambiguous, &mut report)
            }
        };
        if let Err(p) = result {
            problems.push(format!("{}: record {}: {p}", datenanfragen::FILE, r.slug));
        }
    }
    if !problems.is_empty() {
        return Err(Error::DataInvalid {
            file: datenanfragen::FILE,
            problems,
        });
    }
    report.entries = entries.len();
    report.entries_with_contact = entries.iter().filter(|e| !e.contact_unknown()).count();
    report.entries_with_email_or_form = entries
        .iter()
        .filter(|e| e.has_electronic_contact())
        .count();
    Ok((entries, report))
}

/// The source line an entry or contact gets from a record.
fn source_line(r: &Record) -> String {
    format!(
        "Datenanfragen.de company database (CC0), record `{}` ({}): {}",
        r.slug,
        r.quality,
        r.sources.join(" ")
    )
}

/// A brand as an alias: without a parenthesised remark ("Facebook Ireland Ltd. (formerly)").
fn clean_alias(raw: &str) -> String {
    let cut = raw.find(['(', '[']).unwrap_or(raw.len());
    raw[..cut].trim().trim_end_matches(',').trim().to_string()
}

/// A web address compared without scheme, `www.` and trailing slash.
fn same_url(a: &str, b: &str) -> bool {
    let bare = |s: &str| {
        let s = s.trim().to_lowercase();
        let s = s
            .split_once("://")
            .map_or(s.as_str(), |(_, r)| r)
            .to_string();
        let s = s.strip_prefix("www.").unwrap_or(&s).to_string();
        s.trim_end_matches('/').to_string()
    };
    bare(a) == bare(b)
}

fn record_contact(
    r: &Record,
    regimes: &[&str],
    entity: Option<String>,
    (email, web_form): (Option<String>, Option<String>),
) -> Contact {
    Contact {
        regimes: regimes.iter().map(|s| s.to_string()).collect(),
        countries: datenanfragen::contact_countries(&r.relevant_countries),
        entity,
        email,
        dpo_email: None,
        web_form,
        self_service: None,
        opt_out: None,
        postal_address: Some(r.address.trim().to_string()),
        phone: r.phone.clone(),
        note: None,
        source: Some(source_line(r)),
    }
}

fn categories(r: &Record) -> Result<Vec<CompanyCategory>, String> {
    let mut out = Vec::new();
    for c in &r.categories {
        let c = datenanfragen::category(c)?;
        if !out.contains(&c) {
            out.push(c);
        }
    }
    Ok(out)
}

/// Adds the record's brands and domains to entry `i`, dropping those another entry has and
/// the everyday words `ambiguous` lists (keys).
fn add_names(
    entries: &mut [Entry],
    i: usize,
    r: &Record,
    ix: &mut Index,
    ambiguous: &HashSet<String>,
    report: &mut MergeReport,
) {
    let mut hosts: Vec<String> = r.web.as_deref().and_then(domain_of).into_iter().collect();
    let mut names: Vec<String> = Vec::new();
    if name_key(&r.name) != name_key(&entries[i].name) {
        names.push(r.name.trim().to_string());
    }
    for brand in &r.runs {
        let brand = clean_alias(brand);
        match domain_of(&brand) {
            // "amazon.de" in `runs` is a domain; "Booking.com" is both, and matching tries
            // domains first.
            Some(h) if !brand.contains(' ') => hosts.push(h),
            _ => names.push(brand),
        }
    }
    for h in hosts {
        if !super::validate::is_host(&h) {
            continue;
        }
        match ix.domains.get(&h) {
            Some(&j) if j == i => {}
            Some(&j) => report.dropped_domains.push(DroppedName {
                record: r.slug.clone(),
                name: h,
                kept_by: entries[j].slug.clone(),
            }),
            None => {
                ix.domains.insert(h.clone(), i);
                entries[i].domains.push(h);
            }
        }
    }
    for n in names {
        let key = name_key(&n);
        if key.is_empty() {
            continue;
        }
        if ambiguous.contains(&key) {
            report.dropped_ambiguous.push(DroppedName {
                record: r.slug.clone(),
                name: n,
                kept_by: String::new(),
            });
            continue;
        }
        match ix.names.get(&key) {
            Some(&j) if j == i => {}
            Some(&j) => report.dropped_aliases.push(DroppedName {
                record: r.slug.clone(),
                name: n,
                kept_by: entries[j].slug.clone(),
            }),
            None => {
                ix.names.insert(key, i);
                entries[i].aliases.push(n);
            }
        }
    }
}

fn merge_into(
    entries: &mut [Entry],
    i: usize,
    r: &Record,
    ix: &mut Index,
    ambiguous: &HashSet<String>,
    report: &mut MergeReport,
) -> Result<(), String> {
    let regimes = datenanfragen::regimes_for(&r.relevant_countries)?;
    let cats = categories(r)?;
    let record_key = name_key(&r.name);
    let channels = usable_channels(r, report);
    let e = &mut entries[i];
    for reg in &regimes {
        if !e.regimes.iter().any(|x| x == reg) {
            e.regimes.push(reg.to_string());
        }
    }
    for c in cats {
        if !e.categories.contains(&c) {
            e.categories.push(c);
        }
    }
    let same_entity = |c: &Contact, e_le: &Option<String>, e_name: &str| {
        let entity = c.entity.as_ref().or(e_le.as_ref()).map_or(e_name, |s| s);
        name_key(entity) == record_key
    };
    let (le, name) = (e.legal_entity.clone(), e.name.clone());
    let existing = e.contacts.iter_mut().find(|c| {
        let same_channel = matches!((&c.email, &channels.0), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b))
            || matches!((&c.web_form, &channels.1), (Some(a), Some(b)) if same_url(a, b));
        same_channel && same_entity(c, &le, &name)
    });
    match existing {
        Some(c) => {
            // The same channel of the same legal entity: only the missing details are new.
            if c.postal_address.is_none() {
                c.postal_address = Some(r.address.trim().to_string());
            }
            if c.phone.is_none() {
                c.phone.clone_from(&r.phone);
            }
        }
        None => {
            let entity = (name_key(le.as_deref().unwrap_or(&name)) != record_key)
                .then(|| r.name.trim().to_string());
            e.contacts
                .push(record_contact(r, &regimes, entity, channels));
        }
    }
    if e.needs_id_document.is_none() {
        e.needs_id_document = r.needs_id_document;
    }
    if e.request_language.is_none() {
        e.request_language.clone_from(&r.request_language);
    }
    e.sources.retain(|s| s != NAME_AND_DOMAIN_ONLY);
    e.sources.push(source_line(r));
    add_names(entries, i, r, ix, ambiguous, report);
    Ok(())
}

fn add(
    entries: &mut Vec<Entry>,
    r: &Record,
    ix: &mut Index,
    ambiguous: &HashSet<String>,
    report: &mut MergeReport,
) -> Result<(), String> {
    let regimes = datenanfragen::regimes_for(&r.relevant_countries)?;
    let mut cats = categories(r)?;
    if cats.is_empty() {
        cats.push(CompanyCategory::Other);
    }
    let country = datenanfragen::address_country(&r.address).ok_or_else(|| {
        format!(
            "the address's last line {:?} is no country Footprint knows (add it to COUNTRY_NAMES)",
            r.address.trim().lines().last().unwrap_or("")
        )
    })?;
    let mut slug = r.slug.clone();
    if ix.slugs.contains(&slug) {
        slug = format!("{}-dn", r.slug);
        report.renamed_slugs.push((r.slug.clone(), slug.clone()));
    }
    let mut identity_fields = Vec::new();
    for el in &r.required_elements {
        if let Some(k) = datenanfragen::identity_kind(el) {
            if !identity_fields.contains(&k) {
                identity_fields.push(k);
            }
        }
    }
    let entry = Entry {
        slug: slug.clone(),
        name: r.name.trim().to_string(),
        legal_entity: None,
        parent: None,
        aliases: Vec::new(),
        domains: Vec::new(),
        handles: Vec::new(),
        country: country.to_string(),
        categories: cats,
        regimes: regimes.iter().map(|s| s.to_string()).collect(),
        contacts: vec![record_contact(
            r,
            &regimes,
            None,
            usable_channels(r, report),
        )],
        privacy_policy: None,
        representatives: Representatives::default(),
        needs_id_document: r.needs_id_document,
        identity_fields,
        request_language: r.request_language.clone(),
        sources: vec![source_line(r)],
        last_verified: None,
    };
    let i = entries.len();
    ix.slugs.insert(slug);
    ix.names.insert(name_key(&entry.name), i);
    entries.push(entry);
    add_names(entries, i, r, ix, ambiguous, report);
    Ok(())
}
