//! The rules every directory entry keeps, whichever source it came from, and the stricter
//! ones of the project's own file (`data/directory.json`): there a domain and the identity
//! fields are required, while an imported record may lack both (Datenanfragen.de has records
//! with only a postal address, and lists identity fields only where the company confirmed them).

use super::{Entry, NAME_AND_DOMAIN_ONLY};
use crate::regime::Regimes;
use std::collections::BTreeMap;

/// Which rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rules {
    /// The project's own file: every rule.
    Curated,
    /// The merged directory: entries added from an open source may lack a domain and
    /// identity fields.
    Merged,
}

pub(crate) fn entry_problems(e: &Entry, regimes: &Regimes, rules: Rules) -> Vec<String> {
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
    if let Some(lang) = &e.request_language {
        if lang.len() != 2 || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
            out.push(format!(
                "{s}: request_language `{lang}` is not an ISO 639-1 code"
            ));
        }
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
    if e.domains.is_empty() && rules == Rules::Curated {
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
        for country in &c.countries {
            if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
                out.push(format!(
                    "{s}: contact {i} country `{country}` is not an ISO alpha-2 code"
                ));
            }
        }
        if c.source.as_deref().is_some_and(|x| x.trim().is_empty()) {
            out.push(format!("{s}: contact {i} has an empty source"));
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
    if e.identity_fields.is_empty() && rules == Rules::Curated {
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
pub(crate) fn is_host(d: &str) -> bool {
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
pub fn is_email(s: &str) -> bool {
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
pub fn is_url(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !s.contains(char::is_whitespace) && is_host(host.trim_start_matches("www."))
}
