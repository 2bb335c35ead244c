//! The user's own details: `Profile > Profile Info(rmation) > ProfileMap {userName,
//! displayName, emailAddress, telephoneNumber, birthDate, bioDescription, inferredGender,
//! accountRegion, ...}` (2025: under `Profile And Settings`), the shop's `Autofill`
//! `{FirstName, LastName, Email, PhoneNumber, Address, ZipCode, City, State, Country}`, and
//! the maps of settings and activity counts. Identities feed the request letters; the
//! username is the account.

use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, IdentityKind, Record};
use serde_json::{Map, Value};

const USERNAME: &[&str] = &["userName", "UserName", "uniqueId"];
const EMAIL: &[&str] = &["emailAddress", "Email", "EmailAddress"];

/// Profile fields kept in the profile record (the identities are stored apart).
const PROFILE_DETAILS: &[&str] = &[
    "displayName",
    "bioDescription",
    "accountRegion",
    "followerCount",
    "followingCount",
    "likesReceived",
];

/// The account an export belongs to: the username, else the e-mail address.
pub fn account_of(profile_map: &Value) -> Option<String> {
    lenient::field(profile_map, USERNAME).or_else(|| lenient::field(profile_map, EMAIL))
}

/// `ProfileMap`: identities, one profile record, and TikTok's inferred demographics.
pub fn profile_map(cx: &mut ImportCx<'_>, position: u64, v: &Value) -> Result<(), ParseError> {
    let username = lenient::field(v, USERNAME);
    for (kind, keys) in [
        (IdentityKind::Username, USERNAME),
        (IdentityKind::Name, &["displayName", "nickName"][..]),
        (IdentityKind::Email, EMAIL),
        (IdentityKind::Phone, &["telephoneNumber", "PhoneNumber"][..]),
        (IdentityKind::BirthDate, &["birthDate", "BirthDate"][..]),
    ] {
        if let Some(value) = lenient::field(v, keys) {
            cx.identity(kind, &value);
        }
    }
    let r = Record::new("profile", Category::IdentityContact)
        .title(
            format!("TikTok profile {}", username.as_deref().unwrap_or(""))
                .trim_end()
                .to_string(),
        )
        .data(&pick(v, PROFILE_DETAILS))
        .with_key(&["profile"]);
    cx.emit(position, r)?;
    for (key, label) in [
        ("inferredGender", "gender"),
        ("ageRange", "age range"),
        ("inferredAgeRange", "age range"),
    ] {
        if let Some(value) = lenient::field(v, &[key]) {
            let r = Record::new("inferred_demographic", Category::Demographics)
                .title(format!("TikTok inferred your {label}: {value}"))
                .with_key(&[key, &value]);
            cx.emit(position, r)?;
        }
    }
    Ok(())
}

/// The shop's autofill details (name, contact, address).
pub fn autofill(cx: &mut ImportCx<'_>, position: u64, v: &Value) -> Result<(), ParseError> {
    let name = [
        lenient::field(v, &["FirstName"]),
        lenient::field(v, &["LastName"]),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    cx.identity(IdentityKind::Name, &name);
    if let Some(e) = lenient::field(v, &["Email"]) {
        cx.identity(IdentityKind::Email, &e);
    }
    if let Some(p) = lenient::field(v, &["PhoneNumber"]) {
        cx.identity(IdentityKind::Phone, &p);
    }
    let address = ["Address", "Unit", "ZipCode", "City", "State", "Country"]
        .iter()
        .filter_map(|k| lenient::field(v, &[k]))
        .collect::<Vec<_>>()
        .join(", ");
    cx.identity(IdentityKind::Address, &address);
    if name.is_empty() && address.is_empty() {
        return Ok(());
    }
    let r = Record::new("autofill", Category::IdentityContact)
        .title("Shop autofill details")
        .body_opt((!address.is_empty()).then(|| address.clone()))
        .with_key(&[&name, &address]);
    cx.emit(position, r)
}

/// A map of settings or counts (`SettingsMap`, `ActivitySummaryMap`) as one record.
pub fn map_record(
    cx: &mut ImportCx<'_>,
    position: u64,
    kind: &'static str,
    title: &str,
    v: &Value,
) -> Result<(), ParseError> {
    let Some(obj) = v.as_object().filter(|o| !o.is_empty()) else {
        return Ok(());
    };
    let r = Record::new(kind, Category::ActivityBrowsing)
        .title(title)
        .data(obj)
        .with_key(&[kind]);
    cx.emit(position, r)
}

/// The fields of `v` named in `keys` that have a value.
fn pick(v: &Value, keys: &[&str]) -> Map<String, Value> {
    keys.iter()
        .filter_map(|k| lenient::field(v, &[k]).map(|x| (k.to_string(), Value::String(x))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;
    use serde_json::json;

    #[test]
    fn profile_gives_identities_and_inferences() {
        let v = json!({"userName": "sam.r", "emailAddress": "sam@example.com", "telephoneNumber": "N/A", "birthDate": "1990-05-17", "inferredGender": "Female", "displayName": "Sam R"});
        assert_eq!(account_of(&v).as_deref(), Some("sam.r"));
        assert_eq!(
            account_of(&json!({"emailAddress": "sam@example.com"})).as_deref(),
            Some("sam@example.com")
        );
        let (out, r) = MemorySink::run_parser("user_data.json", "", |_, cx| profile_map(cx, 0, &v));
        r.unwrap();
        let ids: Vec<String> = out
            .identities
            .iter()
            .map(|i| format!("{}={}", i.kind.as_str(), i.value))
            .collect();
        assert_eq!(
            ids,
            [
                "username=sam.r",
                "name=Sam R",
                "email=sam@example.com",
                "birth_date=1990-05-17"
            ]
        );
        let kinds: Vec<&str> = out.records.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, ["profile", "inferred_demographic"]);
    }

    #[test]
    fn autofill_and_empty_maps() {
        let (out, r) = MemorySink::run_parser("user_data.json", "", |_, cx| {
            autofill(
                cx,
                0,
                &json!({"FirstName": "Sam", "LastName": "Rivera", "Address": "1 Main St", "City": "Lyon", "ZipCode": "N/A"}),
            )?;
            map_record(cx, 1, "settings", "App settings", &json!({}))?;
            map_record(cx, 2, "settings", "App settings", &json!(null))
        });
        r.unwrap();
        assert_eq!(out.records.len(), 1);
        assert_eq!(out.records[0].body.as_deref(), Some("1 Main St, Lyon"));
        assert!(out
            .identities
            .iter()
            .any(|i| i.kind == IdentityKind::Name && i.value == "Sam Rivera"));
    }
}
