//! A company's privacy contact as the user sees and corrects it: the built-in directory's
//! entry, and the user's own correction or addition, stored apart (`contact_overrides`) so a
//! directory update never touches it. Letters use the user's contact first, field by field.
//!
//! An override is keyed by the directory entry (`dir:<slug>`) when the company matches one,
//! else by the company's own key, so it survives removing and re-importing the archives that
//! name the company, and a directory update that renames nothing. Looking one up tries both
//! keys: a company that only now matches an entry keeps the correction made before.
//!
//! Also here: how many of the user's companies have a contact at all (the Overview's "privacy
//! contact known for N of your M companies").

use super::evidence::{self, sql, CompanyRow};
use super::view::{ContactInput, DirectoryMatch};
use super::RequestError;
use crate::store::Store;
use chrono::NaiveDate;
/// The merge report of the built-in directory, for callers without a footprint-rights dependency.
pub use footprint_rights::directory::MergeReport;
use footprint_rights::letter::CompanyContact;
use footprint_rights::Directory;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::path::PathBuf;

/// The user's own contact details for a company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ContactOverride {
    /// `dir:<slug>` or the company's key.
    pub key: String,
    pub legal_entity: Option<String>,
    pub email: Option<String>,
    pub web_form: Option<String>,
    /// Lines separated by `\n`.
    pub postal_address: Option<String>,
    /// The day it was last changed (YYYY-MM-DD).
    pub updated: NaiveDate,
}

/// Everything the company page shows about reaching a company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CompanyContactInfo {
    pub company_id: i64,
    pub company_name: String,
    /// The directory's entry, when the company matches one.
    pub directory: Option<DirectoryMatch>,
    /// What the user typed, if anything.
    pub user_contact: Option<ContactOverride>,
    /// True when letters have an e-mail address, web form or postal address to use.
    pub known: bool,
}

/// How many of the user's companies have a privacy contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ContactCoverage {
    /// Every company in the user's data (platforms and third parties).
    pub companies: i64,
    /// Companies with a contact (the directory's or the user's).
    pub known: i64,
    /// Of those, how many through the user's own contact only.
    pub known_by_user: i64,
    /// Third parties (companies named in exports, not the platforms themselves).
    pub third_parties: i64,
    /// Third parties that match a directory entry with a contact (the user's not counted).
    pub third_parties_in_directory: i64,
    /// Third parties whose directory contact has an e-mail address or a web form.
    pub third_parties_with_email_or_form: i64,
}

/// Of the third parties, how many a letter under one regime can be sent to (an e-mail address
/// or web form serving that regime).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegimeCoverage {
    pub regime: String,
    pub third_parties: i64,
    pub with_contact: i64,
    /// The names of the third parties without one, in the order they were stored.
    pub without_contact: Vec<String>,
}

const COLUMNS: &str = "key, legal_entity, email, web_form, postal_address, updated_at";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(String, [Option<String>; 4], String)> {
    Ok((
        r.get(0)?,
        [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?],
        r.get(5)?,
    ))
}

fn to_override(
    (key, [legal_entity, email, web_form, postal_address], updated): (
        String,
        [Option<String>; 4],
        String,
    ),
) -> ContactOverride {
    ContactOverride {
        key,
        legal_entity,
        email,
        web_form,
        postal_address,
        // Written by this module only, always as YYYY-MM-DD.
        updated: NaiveDate::parse_from_str(&updated, "%Y-%m-%d").unwrap_or_default(),
    }
}

/// The keys a company's override may be stored under: the directory entry's first.
fn keys(entry_slug: Option<&str>, company: &CompanyRow) -> Vec<String> {
    let mut out: Vec<String> = entry_slug.map(|s| format!("dir:{s}")).into_iter().collect();
    if !out.contains(&company.key) {
        out.push(company.key.clone());
    }
    out
}

pub(crate) fn override_for(
    conn: &Connection,
    path: &Option<PathBuf>,
    entry_slug: Option<&str>,
    company: &CompanyRow,
) -> Result<Option<ContactOverride>, RequestError> {
    for key in keys(entry_slug, company) {
        let found = conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM contact_overrides WHERE key = ?1"
            ))
            .and_then(|mut st| st.query_row([&key], row).optional())
            .map_err(sql(path))?;
        if let Some(r) = found {
            return Ok(Some(to_override(r)));
        }
    }
    Ok(None)
}

/// The override's fields laid over a contact from the directory (a field the user left empty
/// keeps the directory's).
pub(crate) fn apply(o: &ContactOverride, c: &mut CompanyContact) {
    ContactInput {
        legal_entity: o.legal_entity.clone(),
        email: o.email.clone(),
        web_form: o.web_form.clone(),
        postal_address: o.postal_address.clone(),
    }
    .apply(c);
}

/// Trimmed, empty as None, and checked: a letter cannot go to a malformed address.
fn clean(input: &ContactInput) -> Result<[Option<String>; 4], RequestError> {
    let t = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let (legal_entity, email, web_form, postal_address) = (
        t(&input.legal_entity),
        t(&input.email),
        t(&input.web_form),
        t(&input.postal_address),
    );
    if let Some(m) = &email {
        if !footprint_rights::directory::is_email(m) {
            return Err(RequestError::Invalid(format!(
                "`{m}` is not an e-mail address (name@example.com)"
            )));
        }
    }
    if let Some(u) = &web_form {
        if !footprint_rights::directory::is_url(u) {
            return Err(RequestError::Invalid(format!(
                "`{u}` is not a web address starting with https://"
            )));
        }
    }
    if [&legal_entity, &email, &web_form, &postal_address]
        .iter()
        .all(|v| v.is_none())
    {
        return Err(RequestError::Invalid(
            "give at least one of: legal entity, e-mail, web form, postal address".into(),
        ));
    }
    Ok([legal_entity, email, web_form, postal_address])
}

/// True when the directory entry or the override gives letters somewhere to go.
fn known(entry: Option<&DirectoryMatch>, o: Option<&ContactOverride>) -> bool {
    entry.is_some_and(|e| !e.contact_unknown)
        || o.is_some_and(|o| {
            o.email.is_some() || o.web_form.is_some() || o.postal_address.is_some()
        })
}

impl Store {
    /// The company's contact: the directory's entry and the user's own contact.
    pub fn company_contact(&self, company_id: i64) -> Result<CompanyContactInfo, RequestError> {
        let company = evidence::company(&self.conn, &self.path, company_id)?;
        let directory = evidence::directory_match(&self.conn, &self.path, &company)?;
        let user_contact = override_for(
            &self.conn,
            &self.path,
            directory.as_ref().map(|d| d.slug.as_str()),
            &company,
        )?;
        Ok(CompanyContactInfo {
            company_id,
            company_name: company.name,
            known: known(directory.as_ref(), user_contact.as_ref()),
            directory,
            user_contact,
        })
    }

    /// Stores the user's contact for a company, replacing an earlier one (fields left empty
    /// fall back to the directory's). Later requests use it; existing requests keep their
    /// frozen copy (change those with [`Store::set_request_contact`]).
    pub fn set_company_contact(
        &mut self,
        company_id: i64,
        input: &ContactInput,
        today: NaiveDate,
    ) -> Result<CompanyContactInfo, RequestError> {
        let [legal_entity, email, web_form, postal_address] = clean(input)?;
        let company = evidence::company(&self.conn, &self.path, company_id)?;
        let slug = evidence::directory_entry(&self.conn, &self.path, &company)?
            .map(|(e, _)| e.slug.clone());
        let all = keys(slug.as_deref(), &company);
        let tx = self.conn.transaction().map_err(sql(&self.path))?;
        // One override per company: an older one under the other key goes.
        for k in &all {
            tx.execute("DELETE FROM contact_overrides WHERE key = ?1", [k])
                .map_err(sql(&self.path))?;
        }
        tx.execute(
            "INSERT INTO contact_overrides(key, company_name, legal_entity, email, web_form, postal_address, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                all[0],
                company.name,
                legal_entity,
                email,
                web_form,
                postal_address,
                today.format("%Y-%m-%d").to_string()
            ],
        )
        .map_err(sql(&self.path))?;
        tx.commit().map_err(sql(&self.path))?;
        self.company_contact(company_id)
    }

    /// Removes the user's contact for a company (the directory's applies again). False when
    /// there was none.
    pub fn clear_company_contact(&mut self, company_id: i64) -> Result<bool, RequestError> {
        let company = evidence::company(&self.conn, &self.path, company_id)?;
        let slug = evidence::directory_entry(&self.conn, &self.path, &company)?
            .map(|(e, _)| e.slug.clone());
        let mut removed = 0;
        for k in keys(slug.as_deref(), &company) {
            removed += self
                .conn
                .execute("DELETE FROM contact_overrides WHERE key = ?1", [&k])
                .map_err(sql(&self.path))?;
        }
        Ok(removed > 0)
    }

    /// How many of the user's companies have a privacy contact, by the built-in directory and
    /// the user's own contacts.
    pub fn contact_coverage(&self) -> Result<ContactCoverage, RequestError> {
        self.contact_coverage_with(Directory::builtin())
    }

    /// [`Store::contact_coverage`] against another directory (to measure what a directory
    /// change brings, e.g. the project's own entries alone).
    pub fn contact_coverage_with(&self, dir: &Directory) -> Result<ContactCoverage, RequestError> {
        let companies = self.companies_with_platform_flag()?;
        let mut c = ContactCoverage {
            companies: companies.len() as i64,
            known: 0,
            known_by_user: 0,
            third_parties: 0,
            third_parties_in_directory: 0,
            third_parties_with_email_or_form: 0,
        };
        for (company, platform) in &companies {
            let entry =
                evidence::directory_entry_in(dir, &self.conn, &self.path, company)?.map(|(e, _)| e);
            let o = override_for(
                &self.conn,
                &self.path,
                entry.map(|e| e.slug.as_str()),
                company,
            )?;
            let by_dir = entry.is_some_and(|e| !e.contact_unknown());
            let by_user = o.as_ref().is_some_and(|o| {
                o.email.is_some() || o.web_form.is_some() || o.postal_address.is_some()
            });
            if by_dir || by_user {
                c.known += 1;
            }
            if by_user && !by_dir {
                c.known_by_user += 1;
            }
            if !platform {
                c.third_parties += 1;
                if by_dir {
                    c.third_parties_in_directory += 1;
                }
                if entry.is_some_and(|e| e.has_electronic_contact()) {
                    c.third_parties_with_email_or_form += 1;
                }
            }
        }
        Ok(c)
    }

    /// How many third parties (companies named in exports, not the platforms) match an entry
    /// of `dir` with an e-mail address or web form for `regime` (`us_ca_ccpa` ...): what a
    /// letter under that law can be sent to without the user looking the address up.
    pub fn regime_contact_coverage_with(
        &self,
        dir: &Directory,
        regime: &str,
    ) -> Result<RegimeCoverage, RequestError> {
        let mut c = RegimeCoverage {
            regime: regime.to_string(),
            third_parties: 0,
            with_contact: 0,
            without_contact: Vec::new(),
        };
        for (company, platform) in self.companies_with_platform_flag()? {
            if platform {
                continue;
            }
            c.third_parties += 1;
            let entry = evidence::directory_entry_in(dir, &self.conn, &self.path, &company)?
                .map(|(e, _)| e);
            if entry
                .and_then(|e| e.contact_for(regime))
                .is_some_and(|k| k.email.is_some() || k.web_form.is_some())
            {
                c.with_contact += 1;
            } else {
                c.without_contact.push(company.name);
            }
        }
        Ok(c)
    }

    /// Every company row, with whether it is a platform.
    fn companies_with_platform_flag(&self) -> Result<Vec<(CompanyRow, bool)>, RequestError> {
        self.conn
            .prepare("SELECT id, key, name, platform FROM companies ORDER BY id")
            .and_then(|mut st| {
                st.query_map([], |r| {
                    Ok((
                        CompanyRow {
                            id: r.get(0)?,
                            key: r.get(1)?,
                            name: r.get(2)?,
                        },
                        r.get::<_, i64>(3)? != 0,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()
            })
            .map_err(sql(&self.path))
    }
}

/// Starts building the built-in directory on a thread of its own, unless it is built (it is
/// otherwise built on first use): at the app's start-up and as an import starts.
pub fn warm_directory() {
    Directory::warm_up();
}

/// What the built-in directory is made of and how long building it takes.
#[derive(Debug, Clone, Serialize)]
pub struct DirectoryReport {
    pub entries: usize,
    /// Milliseconds to parse, merge and validate the embedded files (on this machine, now).
    pub load_ms: f64,
    pub merge: MergeReport,
}

/// Builds the directory from the embedded files again and reports the merge.
pub fn directory_report() -> Result<DirectoryReport, RequestError> {
    let start = std::time::Instant::now();
    let (dir, merge) = Directory::load_with_report()?;
    Ok(DirectoryReport {
        entries: dir.entries().len(),
        load_ms: start.elapsed().as_secs_f64() * 1000.0,
        merge,
    })
}
