//! The Datenanfragen.de company database (CC0): its records as the source file has them
//! (`data/sources/datenanfragen/companies.json`, fields of `schema-companies.json`), and how
//! each field reads in Footprint's terms: countries to regimes, categories to
//! [`CompanyCategory`], the postal address's last line to a country code, the required
//! elements to identity kinds.
//!
//! Unknown fields are refused, so a newer source file with a new field fails the tests until
//! someone decides what the field means here, instead of being dropped silently.

use super::CompanyCategory;
use crate::error::Error;
use crate::identity::IdentityKind;
use serde::Deserialize;

pub(crate) const FILE: &str = "data/sources/datenanfragen/companies.json";

/// One company record.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Record {
    pub slug: String,
    pub name: String,
    /// Brands and companies this controller is responsible for.
    #[serde(default)]
    pub runs: Vec<String>,
    /// ISO codes (lowercase) or `all`.
    pub relevant_countries: Vec<String>,
    #[serde(default)]
    pub categories: Vec<String>,
    /// The address for privacy requests, country on the last line.
    pub address: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub fax: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub webform: Option<String>,
    #[serde(default)]
    pub web: Option<String>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub required_elements: Vec<RequiredElement>,
    #[serde(default)]
    pub request_language: Option<String>,
    #[serde(default)]
    pub needs_id_document: Option<bool>,
    #[serde(default)]
    pub suggested_transport_medium: Option<String>,
    /// `tested`, `verified`, `imported` or `scraped`.
    pub quality: String,
    #[serde(default)]
    pub nsfw: Option<bool>,
    #[serde(default)]
    pub facet_group: Option<String>,
    #[serde(default)]
    pub pgp_fingerprint: Option<String>,
    #[serde(default)]
    pub pgp_url: Option<String>,
    // Datenanfragen's own letter templates: Footprint writes its own letters.
    #[serde(default)]
    pub custom_access_template: Option<String>,
    #[serde(default)]
    pub custom_erasure_template: Option<String>,
    #[serde(default)]
    pub custom_rectification_template: Option<String>,
    #[serde(default)]
    pub custom_objection_template: Option<String>,
    /// Free text, left out of the project's copy; accepted so the upstream file parses too.
    #[serde(default)]
    pub comments: Vec<String>,
}

/// An identification element the company asks for.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequiredElement {
    pub desc: String,
    /// `name`, `email`, `address`, `birthdate`, `input`, `textarea`.
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub optional: bool,
}

/// Parses the source file (a JSON array of records).
pub fn parse(text: &str) -> Result<Vec<Record>, Error> {
    serde_json::from_str(text).map_err(|source| Error::DataParse { file: FILE, source })
}

/// EU member states and the EEA states the GDPR applies in through the EEA Agreement.
const GDPR_COUNTRIES: &[&str] = &[
    "at", "be", "bg", "hr", "cy", "cz", "dk", "ee", "fi", "fr", "de", "gr", "hu", "ie", "it", "lv",
    "lt", "lu", "mt", "nl", "pl", "pt", "ro", "sk", "si", "es", "se", "no", "is", "li",
];

/// The regimes a record's `relevant-countries` put it under. `all` means wherever the service
/// is offered; the database is a European one, so Footprint reads it as the European regimes
/// (GDPR, UK GDPR, Swiss FADP), not as a statement about other continents.
pub fn regimes_for(countries: &[String]) -> Result<Vec<&'static str>, String> {
    let mut out: Vec<&'static str> = Vec::new();
    let mut add = |r: &'static str| {
        if !out.contains(&r) {
            out.push(r);
        }
    };
    for c in countries {
        match c.as_str() {
            "all" => {
                add("eu_gdpr");
                add("uk_gdpr");
                add("ch_nfadp");
            }
            "gb" => add("uk_gdpr"),
            "ch" => add("ch_nfadp"),
            c if GDPR_COUNTRIES.contains(&c) => add("eu_gdpr"),
            other => return Err(format!("relevant country `{other}` has no regime")),
        }
    }
    Ok(out)
}

/// The countries a contact serves, as ISO codes: empty for `all`.
pub fn contact_countries(countries: &[String]) -> Vec<String> {
    if countries.iter().any(|c| c == "all") {
        Vec::new()
    } else {
        countries.iter().map(|c| c.to_ascii_uppercase()).collect()
    }
}

/// A Datenanfragen category in Footprint's taxonomy.
pub fn category(name: &str) -> Result<CompanyCategory, String> {
    use CompanyCategory as C;
    Ok(match name {
        // Address traders: companies that sell addresses for marketing.
        "addresses" => C::DataBroker,
        "ads" => C::AdTech,
        "church" => C::Religion,
        "collection agency" => C::CollectionAgency,
        "commerce" => C::Retailer,
        "credit agency" => C::CreditBureau,
        "entertainment" => C::Media,
        "finance" => C::Finance,
        "health" => C::Health,
        "insurance" => C::Insurance,
        "nonprofit" => C::Nonprofit,
        "political party" => C::PoliticalParty,
        "public body" => C::PublicBody,
        "school" => C::Education,
        "social media" => C::Platform,
        "telecommunication" => C::Telecom,
        "travel" => C::Travel,
        "utility" => C::Utility,
        other => return Err(format!("category `{other}` has no counterpart")),
    })
}

/// An identification element as an identity kind; `input` and `textarea` are free fields
/// (customer numbers, order ids ...) whose kind only the description tells, so they map to
/// nothing.
pub fn identity_kind(element: &RequiredElement) -> Option<IdentityKind> {
    match element.kind.as_str() {
        "name" => Some(IdentityKind::Name),
        "email" => Some(IdentityKind::Email),
        "address" => Some(IdentityKind::Address),
        "birthdate" => Some(IdentityKind::BirthDate),
        _ => None,
    }
}

/// Country names as the addresses' last lines spell them (native or English), to ISO codes.
const COUNTRY_NAMES: &[(&str, &str)] = &[
    ("australia", "AU"),
    ("austria", "AT"),
    ("belgium", "BE"),
    ("belgique", "BE"),
    ("belgie", "BE"),
    ("bulgaria", "BG"),
    ("canada", "CA"),
    ("china", "CN"),
    ("croatia", "HR"),
    ("hrvatska", "HR"),
    ("cyprus", "CY"),
    ("czech republic", "CZ"),
    ("czechia", "CZ"),
    ("danmark", "DK"),
    ("denmark", "DK"),
    ("deutschland", "DE"),
    ("germany", "DE"),
    ("espana", "ES"),
    ("spain", "ES"),
    ("estonia", "EE"),
    ("finland", "FI"),
    ("france", "FR"),
    ("gibraltar", "GI"),
    ("greece", "GR"),
    ("hong kong", "HK"),
    ("hungary", "HU"),
    ("iceland", "IS"),
    ("india", "IN"),
    ("ireland", "IE"),
    ("isle of man", "IM"),
    ("israel", "IL"),
    ("italia", "IT"),
    ("italy", "IT"),
    ("japan", "JP"),
    ("latvia", "LV"),
    ("liechtenstein", "LI"),
    ("lithuania", "LT"),
    ("luxembourg", "LU"),
    ("malaysia", "MY"),
    ("malta", "MT"),
    ("marshall islands", "MH"),
    ("morocco", "MA"),
    ("nederland", "NL"),
    ("netherlands", "NL"),
    ("the netherlands", "NL"),
    ("new zealand", "NZ"),
    ("norway", "NO"),
    ("norge", "NO"),
    ("osterreich", "AT"),
    ("pakistan", "PK"),
    ("panama", "PA"),
    ("poland", "PL"),
    ("polska", "PL"),
    ("portugal", "PT"),
    ("qatar", "QA"),
    ("republic of singapore", "SG"),
    ("singapore", "SG"),
    ("romania", "RO"),
    ("russia", "RU"),
    ("schweiz", "CH"),
    ("suisse", "CH"),
    ("switzerland", "CH"),
    ("seychelles", "SC"),
    ("slovakia", "SK"),
    ("slovenia", "SI"),
    ("sverige", "SE"),
    ("sweden", "SE"),
    ("taiwan", "TW"),
    ("united arab emirates", "AE"),
    ("united kingdom", "GB"),
    ("united states", "US"),
    ("united states of america", "US"),
    ("usa", "US"),
];

/// The ISO code of the country on the address's last line.
pub fn address_country(address: &str) -> Option<&'static str> {
    let last = address.trim().lines().last()?.trim();
    let key = deunicode::deunicode(last).to_lowercase();
    COUNTRY_NAMES
        .iter()
        .find(|(name, _)| *name == key)
        .map(|(_, code)| *code)
}
