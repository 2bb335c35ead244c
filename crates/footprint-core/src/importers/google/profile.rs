//! The Google profile: `Profile/Profile.json` (German `Profil/Profil.json`) = `{name:
//! {givenName, familyName, formattedName}, displayName, emails: [{value, type?, primary?}],
//! birthday?, gender: {type}}`. Small; read whole. It names the account the export belongs to.

use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, IdentityKind, Record};
use serde::{Deserialize, Serialize};
use std::io::Read;

/// A profile larger than this is not a profile.
const MAX_BYTES: u64 = 4 << 20;

#[derive(Deserialize, Default)]
struct Profile {
    #[serde(default)]
    name: Option<Name>,
    #[serde(rename = "displayName")]
    display_name: Option<String>,
    #[serde(default)]
    emails: Option<Vec<Email>>,
    birthday: Option<String>,
    gender: Option<Gender>,
}

#[derive(Deserialize, Default)]
struct Name {
    #[serde(rename = "givenName")]
    given: Option<String>,
    #[serde(rename = "familyName")]
    family: Option<String>,
    #[serde(rename = "formattedName")]
    formatted: Option<String>,
}

#[derive(Deserialize)]
struct Email {
    value: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    primary: bool,
}

#[derive(Deserialize)]
struct Gender {
    #[serde(rename = "type")]
    kind: Option<String>,
}

#[derive(Serialize)]
struct ProfileData<'x> {
    #[serde(rename = "givenName", skip_serializing_if = "Option::is_none")]
    given: Option<&'x str>,
    #[serde(rename = "familyName", skip_serializing_if = "Option::is_none")]
    family: Option<&'x str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    emails: Vec<&'x str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    birthday: Option<&'x str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gender: Option<&'x str>,
}

impl Profile {
    /// Emails, the primary (or account) one first.
    fn emails(&self) -> Vec<&str> {
        let mut all: Vec<(&Email, &str)> = self
            .emails
            .iter()
            .flatten()
            .filter_map(|e| Some((e, e.value.as_deref()?.trim())))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        all.sort_by_key(|(e, _)| !(e.primary || e.kind.as_deref() == Some("account")));
        all.into_iter().map(|(_, v)| v).collect()
    }

    /// The full name as the profile writes it, or built from its parts.
    fn full_name(&self) -> Option<String> {
        let name = self.name.as_ref();
        let formatted = name.and_then(|n| crate::text::non_empty(n.formatted.as_deref()));
        let built = name.and_then(|n| {
            let parts: Vec<&str> = [n.given.as_deref(), n.family.as_deref()]
                .into_iter()
                .flatten()
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        });
        formatted
            .or_else(|| crate::text::non_empty(self.display_name.as_deref()))
            .or(built)
    }
}

fn read_profile(bytes: &[u8]) -> Result<Profile, serde_json::Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice(bytes)
}

/// The account an export belongs to: the primary email, else the display name.
pub fn account_of(bytes: &[u8]) -> Option<String> {
    let p = read_profile(bytes).ok()?;
    p.emails()
        .first()
        .map(|e| e.to_string())
        .or_else(|| crate::text::non_empty(p.display_name.as_deref()))
}

/// Parse the profile: identities (name, emails, birthday) and one `profile` record.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let mut bytes = Vec::new();
    reader.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ParseError::Structure(format!(
            "profile larger than {} MB",
            MAX_BYTES >> 20
        )));
    }
    let p = read_profile(&bytes).map_err(|e| ParseError::Json {
        offset: 0,
        message: format!("profile: {e}"),
    })?;
    let name = p.full_name();
    let emails = p.emails();
    let birthday = crate::text::non_empty(p.birthday.as_deref());
    if let Some(n) = &name {
        cx.identity(IdentityKind::Name, n);
    }
    for e in &emails {
        cx.identity(IdentityKind::Email, e);
    }
    if let Some(b) = &birthday {
        cx.identity(IdentityKind::BirthDate, b);
    }
    let Some(title) = name
        .clone()
        .or_else(|| emails.first().map(|e| e.to_string()))
    else {
        cx.warn(None, "profile without a name or an email");
        return Ok(());
    };
    let data = ProfileData {
        given: p.name.as_ref().and_then(|n| n.given.as_deref()),
        family: p.name.as_ref().and_then(|n| n.family.as_deref()),
        emails: emails.clone(),
        birthday: birthday.as_deref(),
        gender: p.gender.as_ref().and_then(|g| g.kind.as_deref()),
    };
    let record = Record::new("profile", Category::IdentityContact)
        .title(title)
        .body_opt((!emails.is_empty()).then(|| emails.join(", ")))
        .data(&data)
        .with_key(&["profile"]);
    cx.emit(0, record)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{data, run};
    use super::*;
    use crate::model::Identity;

    const FULL: &str = r#"{
      "name": {"givenName": "Alex", "familyName": "Martin", "formattedName": "Alex Martin"},
      "displayName": "Alex M.",
      "emails": [{"value": "alex.other@example.org"}, {"value": "alex.martin@example.com", "type": "account"}],
      "birthday": "1990-05-17",
      "gender": {"type": "female"}
    }"#;

    #[test]
    fn identities_and_one_record() {
        let (out, res) = run("Takeout/Profile/Profile.json", FULL, parse);
        res.unwrap();
        let ids: Vec<(IdentityKind, &str)> = out
            .identities
            .iter()
            .map(|Identity { kind, value }| (*kind, value.as_str()))
            .collect();
        assert_eq!(
            ids,
            vec![
                (IdentityKind::Name, "Alex Martin"),
                (IdentityKind::Email, "alex.martin@example.com"),
                (IdentityKind::Email, "alex.other@example.org"),
                (IdentityKind::BirthDate, "1990-05-17"),
            ]
        );
        assert_eq!(out.records.len(), 1);
        let r = &out.records[0];
        assert_eq!((r.kind, r.category), ("profile", Category::IdentityContact));
        assert_eq!(r.title.as_deref(), Some("Alex Martin"));
        assert_eq!(data(r)["gender"], "female");
    }

    #[test]
    fn account_is_the_primary_email_else_the_display_name() {
        assert_eq!(
            account_of(FULL.as_bytes()).as_deref(),
            Some("alex.martin@example.com")
        );
        assert_eq!(
            account_of(br#"{"displayName": "Sam Rivera", "emails": []}"#).as_deref(),
            Some("Sam Rivera")
        );
        assert_eq!(account_of(b"not json"), None);
    }

    #[test]
    fn minimal_and_broken_profiles() {
        let (out, res) = run("Profil/Profil.json", r#"{"displayName": "Sam"}"#, parse);
        res.unwrap();
        assert_eq!(out.identities.len(), 1);
        assert_eq!(out.records[0].title.as_deref(), Some("Sam"));
        let (_, res) = run("Profil/Profil.json", "<html>", parse);
        assert!(matches!(res, Err(ParseError::Json { .. })), "{res:?}");
    }
}
