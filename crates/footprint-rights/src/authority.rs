//! Data-protection supervisory authorities: who takes a complaint about a company, and where
//! to send it.
//!
//! The list is the Datenanfragen.de supervisory authority database (CC0;
//! `data/sources/datenanfragen/supervisory-authorities.json`, commit in docs/RIGHTS-ENGINE.md):
//! the EU/EEA authorities, the UK's ICO, Switzerland's FDPIC and Germany's federal, state,
//! church and broadcasting authorities. It is embedded and parsed once ([`Authorities::builtin`]).
//! The source does not say which German Land an authority covers, nor which of them supervise
//! companies: [`german_scope`] adds that, by slug.
//!
//! [`competent_authority`] picks the one a complaint goes to: by default the authority of the
//! user's country of residence (GDPR Art. 77(1)), or the company's lead authority, the one of
//! its main establishment (Art. 56(1)), when the user asks for it.

use crate::directory::{is_email, is_url, Entry};
use crate::error::Error;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::OnceLock;

const FILE: &str = "data/sources/datenanfragen/supervisory-authorities.json";
/// The embedded copy of the Datenanfragen.de supervisory authority database (CC0).
pub const TEXT: &str = include_str!("../data/sources/datenanfragen/supervisory-authorities.json");

/// The EU member states and the other EEA states (ISO 3166-1 alpha-2): every one has an
/// authority under the GDPR.
pub const EU_EEA: [&str; 30] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO",
];

/// The German Länder (ISO 3166-2:DE subdivision codes without `DE-`) and their names.
pub const LAENDER: [(&str, &str, &str); 16] = [
    ("BW", "Baden-Württemberg", "Baden-Wuerttemberg"),
    ("BY", "Bayern", "Bavaria"),
    ("BE", "Berlin", "Berlin"),
    ("BB", "Brandenburg", "Brandenburg"),
    ("HB", "Bremen", "Bremen"),
    ("HH", "Hamburg", "Hamburg"),
    ("HE", "Hessen", "Hesse"),
    (
        "MV",
        "Mecklenburg-Vorpommern",
        "Mecklenburg-Western Pomerania",
    ),
    ("NI", "Niedersachsen", "Lower Saxony"),
    ("NW", "Nordrhein-Westfalen", "North Rhine-Westphalia"),
    ("RP", "Rheinland-Pfalz", "Rhineland-Palatinate"),
    ("SL", "Saarland", "Saarland"),
    ("SN", "Sachsen", "Saxony"),
    ("ST", "Sachsen-Anhalt", "Saxony-Anhalt"),
    ("SH", "Schleswig-Holstein", "Schleswig-Holstein"),
    ("TH", "Thüringen", "Thuringia"),
];

/// What an authority supervises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// A country's (or a German Land's) authority for companies.
    General,
    /// Germany's federal commissioner (BfDI): federal bodies, telecoms and postal services; it
    /// forwards other complaints to the competent Land authority.
    Federal,
    /// A German Land authority for that Land's public bodies only (Bavaria has two).
    PublicSector,
    /// A church's own data-protection supervisor.
    Church,
    /// A public broadcaster's own data-protection supervisor.
    Broadcasting,
}

/// The German facts the source lacks: the Land and the scope of each German authority.
pub fn german_scope(slug: &str) -> Option<(Option<&'static str>, Scope)> {
    use Scope::*;
    Some(match slug {
        "debfdi" => (None, Federal),
        "debawueldb" => (Some("BW"), General),
        "debaylda" => (Some("BY"), General),
        "debayldb" => (Some("BY"), PublicSector),
        "deberlbdi" => (Some("BE"), General),
        "debralda" => (Some("BB"), General),
        "debrelfdi" => (Some("HB"), General),
        "dehmbbfdi" => (Some("HH"), General),
        "dehessbdi" => (Some("HE"), General),
        "demvldi" => (Some("MV"), General),
        "dendslfd" => (Some("NI"), General),
        "denrwldi" => (Some("NW"), General),
        "derlpbdi" => (Some("RP"), General),
        "desaarudz" => (Some("SL"), General),
        "desaechsdsb" => (Some("SN"), General),
        "desalbd" => (Some("ST"), General),
        "deshuld" => (Some("SH"), General),
        "detlfdi" => (Some("TH"), General),
        "deekdbfd" | "dekathbayddsb" | "dekathdsz" | "dekathffdsz" | "dekathnordddsb"
        | "dekathostddsb" => (None, Church),
        "derf" | "derfdw" => (None, Broadcasting),
        _ => return None,
    })
}

/// One supervisory authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Authority {
    pub slug: String,
    pub name: String,
    /// ISO 3166-1 alpha-2, upper case (`GB` for the United Kingdom).
    pub country: String,
    /// The German Land (`BY`) for a Land authority.
    pub region: Option<String>,
    pub scope: Scope,
    /// Lines separated by `\n`; the last line is the country.
    pub postal_address: String,
    pub email: Option<String>,
    /// A web form for complaints.
    pub web_form: Option<String>,
    pub web: Option<String>,
    pub phone: Option<String>,
    pub fax: Option<String>,
    /// ISO 639-1 code of the language complaints should be in, when the source says.
    pub complaint_language: Option<String>,
    pub sources: Vec<String>,
}

impl Authority {
    /// The regime under which this authority takes complaints.
    pub fn regime(&self) -> &'static str {
        match self.country.as_str() {
            "GB" => "uk_gdpr",
            "CH" => "ch_nfadp",
            _ => "eu_gdpr",
        }
    }
}

/// A record as the source file has it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct SourceRecord {
    slug: String,
    relevant_countries: Vec<String>,
    name: String,
    address: String,
    #[serde(default)]
    phone: Option<String>,
    #[serde(default)]
    fax: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    webform: Option<String>,
    #[serde(default)]
    web: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    complaint_language: Option<String>,
}

/// The authorities, in the source's order.
#[derive(Debug, Clone)]
pub struct Authorities {
    list: Vec<Authority>,
    left_out: Vec<LeftOut>,
}

/// A web address of the source left out because it is not `https://`: letters would send the
/// user's complaint (personal data) to it, so only encrypted addresses are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    pub slug: String,
    pub field: &'static str,
    pub url: String,
}

impl Authorities {
    /// Parses a supervisory authority database file (the source's format) and validates it.
    pub fn parse(text: &str) -> Result<Authorities, Error> {
        let records: Vec<SourceRecord> =
            serde_json::from_str(text).map_err(|source| Error::DataParse { file: FILE, source })?;
        let mut problems = Vec::new();
        let mut list = Vec::new();
        let mut left_out = Vec::new();
        for r in records {
            let mut https = |field: &'static str, u: Option<String>| match u {
                Some(u) if u.starts_with("http://") => {
                    left_out.push(LeftOut {
                        slug: r.slug.clone(),
                        field,
                        url: u,
                    });
                    None
                }
                other => other,
            };
            let web_form = https("webform", r.webform);
            let web = https("web", r.web);
            let country = match r.relevant_countries.as_slice() {
                [c] if c.len() == 2 => c.to_ascii_uppercase(),
                other => {
                    problems.push(format!(
                        "{}: relevant-countries {other:?} is not one country",
                        r.slug
                    ));
                    continue;
                }
            };
            let (region, scope) = if country == "DE" {
                match german_scope(&r.slug) {
                    Some((region, scope)) => (region.map(str::to_string), scope),
                    None => {
                        problems.push(format!("{}: a German authority without a known Land or scope (add it to german_scope)", r.slug));
                        continue;
                    }
                }
            } else {
                (None, Scope::General)
            };
            list.push(Authority {
                slug: r.slug,
                name: r.name,
                country,
                region,
                scope,
                postal_address: r.address.trim().to_string(),
                email: r.email,
                web_form,
                web,
                phone: r.phone,
                fax: r.fax,
                complaint_language: r.complaint_language,
                sources: r.sources,
            });
        }
        let a = Authorities { list, left_out };
        problems.extend(a.problems());
        if problems.is_empty() {
            Ok(a)
        } else {
            Err(Error::DataInvalid {
                file: FILE,
                problems,
            })
        }
    }

    /// The embedded list, parsed once (the tests prove it valid).
    pub fn builtin() -> &'static Authorities {
        static CELL: OnceLock<Authorities> = OnceLock::new();
        CELL.get_or_init(|| Authorities::parse(TEXT).expect("embedded authorities are valid"))
    }

    pub fn all(&self) -> &[Authority] {
        &self.list
    }

    /// The source's plain-`http://` web addresses, left out (see [`LeftOut`]).
    pub fn left_out(&self) -> &[LeftOut] {
        &self.left_out
    }

    pub fn get(&self, slug: &str) -> Option<&Authority> {
        self.list.iter().find(|a| a.slug == slug)
    }

    /// The authorities of a country (`gb`, `UK` and `GB` alike).
    pub fn in_country(&self, country: &str) -> Vec<&Authority> {
        let c = normalize_country(country);
        self.list.iter().filter(|a| a.country == c).collect()
    }

    /// The breaks of the rules every authority keeps: a contact, well-formed e-mail and https
    /// addresses, a source, unique slugs, every EU/EEA country, the UK and Switzerland covered
    /// by a general authority, and every German Land by one.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut slugs = BTreeSet::new();
        for a in &self.list {
            let id = &a.slug;
            if !slugs.insert(id.as_str()) {
                out.push(format!("{id}: duplicate slug"));
            }
            if !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                out.push(format!("{id}: slug is not [a-z0-9-]"));
            }
            if a.name.trim().is_empty() {
                out.push(format!("{id}: no name"));
            }
            if a.postal_address.lines().count() < 2 {
                out.push(format!("{id}: postal address has fewer than two lines"));
            }
            if a.email.is_none() && a.web_form.is_none() {
                out.push(format!("{id}: neither an e-mail address nor a web form"));
            }
            if let Some(e) = &a.email {
                if !is_email(e) {
                    out.push(format!("{id}: malformed e-mail `{e}`"));
                }
            }
            for (what, u) in [("web form", &a.web_form), ("website", &a.web)] {
                if let Some(u) = u {
                    if !is_url(u) {
                        out.push(format!("{id}: {what} `{u}` is not an https URL"));
                    }
                }
            }
            if a.sources.is_empty() {
                out.push(format!("{id}: no source"));
            }
            for s in &a.sources {
                if !is_url(s) && !s.starts_with("http://") {
                    out.push(format!("{id}: source `{s}` is not a URL"));
                }
            }
            if let Some(l) = &a.complaint_language {
                if l.len() != 2 || !l.bytes().all(|b| b.is_ascii_lowercase()) {
                    out.push(format!("{id}: complaint language `{l}` is not ISO 639-1"));
                }
            }
        }
        let general = |c: &str, region: Option<&str>| {
            self.list.iter().any(|a| {
                a.country == c && a.scope == Scope::General && a.region.as_deref() == region
            })
        };
        for c in EU_EEA.iter().chain(["GB", "CH"].iter()) {
            if *c == "DE" {
                continue;
            }
            if !general(c, None) {
                out.push(format!("{c}: no authority"));
            }
        }
        for (code, name, _) in LAENDER {
            if !general("DE", Some(code)) {
                out.push(format!("DE-{code} ({name}): no Land authority"));
            }
        }
        if !self.list.iter().any(|a| a.scope == Scope::Federal) {
            out.push("DE: no federal authority".into());
        }
        out
    }
}

/// `uk` -> `GB`, otherwise upper case.
pub fn normalize_country(country: &str) -> String {
    let c = country.trim().to_ascii_uppercase();
    if c == "UK" {
        "GB".into()
    } else {
        c
    }
}

/// A German Land as code (`BY`, `DE-BY`) or name (`Bayern`, `Bavaria`), as its code.
pub fn normalize_land(region: &str) -> Option<&'static str> {
    let r = region.trim();
    let code = r
        .strip_prefix("DE-")
        .or_else(|| r.strip_prefix("de-"))
        .unwrap_or(r)
        .to_ascii_uppercase();
    let fold = |s: &str| {
        s.to_lowercase()
            .replace('ü', "ue")
            .replace('ä', "ae")
            .replace('ö', "oe")
            .replace([' ', '-'], "")
    };
    LAENDER
        .iter()
        .find(|(c, de, en)| *c == code || fold(de) == fold(r) || fold(en) == fold(r))
        .map(|(c, _, _)| *c)
}

/// Whose authority a complaint goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorityChoice {
    /// The authority of the user's country (and German Land) of residence: GDPR Art. 77(1).
    #[default]
    Residence,
    /// The company's lead authority: the one of its main establishment (GDPR Art. 56(1)).
    Lead,
}

impl AuthorityChoice {
    pub fn parse(s: &str) -> Option<AuthorityChoice> {
        match s.trim().to_ascii_lowercase().as_str() {
            "residence" | "home" => Some(AuthorityChoice::Residence),
            "lead" | "company" => Some(AuthorityChoice::Lead),
            _ => None,
        }
    }
}

/// The authority chosen and why, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Selection<'a> {
    pub authority: &'a Authority,
    /// Why, in English (the app's language).
    pub reason: String,
    /// Why, as a fact each letter language words in its own note.
    pub basis: Basis,
}

/// Why a complaint goes to the authority it goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The user picked it from the list.
    Picked,
    /// The authority of the country where the user lives (GDPR Art. 77(1)).
    Residence,
    /// The authority of the German Land where the user lives.
    ResidenceLand,
    /// The company's lead authority: that of its main establishment (GDPR Art. 56(1)).
    Lead,
    /// Germany without a known Land: the federal commissioner, who forwards the complaint to
    /// the competent Land authority (BDSG § 19(2)); `choice` says whose Land is unknown.
    Forwarded { choice: AuthorityChoice },
}

/// Why no authority could be chosen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoAuthority {
    #[error("no supervisory authority is known for `{0}` (Footprint knows the EU/EEA countries, the United Kingdom and Switzerland; see `footprint authorities`)")]
    Country(String),
    #[error("`{0}` is not a German Land (use a code such as BY or a name such as Bayern)")]
    Region(String),
    #[error("the company's lead authority needs the company's country, and the directory does not know it")]
    CompanyCountry,
}

/// The authority a complaint goes to. `Residence` (the default): the authority of
/// `user_country`; in Germany the Land authority of `user_region` when given, else the federal
/// commissioner (BfDI), who forwards a complaint to the competent Land authority (BDSG
/// § 19(2)). `Lead`: the authority of the country of the company's main establishment (its
/// directory entry's `country`); for a German company the directory does not know the Land,
/// so the BfDI again (the user's Land says nothing about the company's, so it is not used).
pub fn competent_authority<'a>(
    authorities: &'a Authorities,
    user_country: &str,
    user_region: Option<&str>,
    company: Option<&Entry>,
    choice: AuthorityChoice,
) -> Result<Selection<'a>, NoAuthority> {
    match choice {
        AuthorityChoice::Residence => {
            let country = normalize_country(user_country);
            let region = match (country.as_str(), user_region) {
                ("DE", Some(r)) => {
                    Some(normalize_land(r).ok_or_else(|| NoAuthority::Region(r.to_string()))?)
                }
                _ => None,
            };
            national(authorities, &country, region, choice)
        }
        AuthorityChoice::Lead => {
            let c = company
                .map(|e| normalize_country(&e.country))
                .filter(|c| c.len() == 2)
                .ok_or(NoAuthority::CompanyCountry)?;
            national(authorities, &c, None, choice)
        }
    }
}

fn national<'a>(
    authorities: &'a Authorities,
    country: &str,
    land: Option<&str>,
    choice: AuthorityChoice,
) -> Result<Selection<'a>, NoAuthority> {
    let because = match choice {
        AuthorityChoice::Residence => "you live",
        AuthorityChoice::Lead => "the company has its main establishment",
    };
    let pick = |scope: Scope, region: Option<&str>| {
        authorities
            .list
            .iter()
            .find(|a| a.country == country && a.scope == scope && a.region.as_deref() == region)
    };
    if country == "DE" {
        if let Some(code) = land {
            let a =
                pick(Scope::General, Some(code)).ok_or_else(|| NoAuthority::Region(code.into()))?;
            let name = LAENDER
                .iter()
                .find(|l| l.0 == code)
                .map(|l| l.1)
                .unwrap_or(code);
            return Ok(Selection {
                authority: a,
                reason: format!("the data protection authority of {name}, the German Land where {because} (GDPR Art. 77(1))"),
                basis: Basis::ResidenceLand,
            });
        }
        let a = pick(Scope::Federal, None).ok_or_else(|| NoAuthority::Country(country.into()))?;
        return Ok(Selection {
            authority: a,
            reason: format!(
                "Germany, where {because}, has one authority per Land; without the Land the complaint goes to the federal commissioner, who forwards it to the competent Land authority (BDSG § 19(2)); give the Land to write to it directly"
            ),
            basis: Basis::Forwarded { choice },
        });
    }
    let a = pick(Scope::General, None).ok_or_else(|| NoAuthority::Country(country.into()))?;
    Ok(Selection {
        authority: a,
        reason: format!("the authority of the country where {because} ({country})"),
        basis: match choice {
            AuthorityChoice::Residence => Basis::Residence,
            AuthorityChoice::Lead => Basis::Lead,
        },
    })
}
