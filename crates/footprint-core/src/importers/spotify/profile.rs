//! The account owner: `Userdata.json` (`{username, email, country, createdFromFacebook,
//! facebookUid, birthdate, gender, postalCode, mobileNumber, mobileOperator, mobileBrand,
//! creationTime}`), `Identity.json` (`{displayName, firstName, lastName, imageUrl,
//! tasteMaker, verified}`) and `Identifiers.json` (`{identifierType, identifierValue}`, one
//! object or a list of them). Each known field becomes one `profile_field` record in its
//! category, and the identifiers become identities.

use super::read;
use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, IdentityKind, Record};
use serde_json::{json, Value};
use std::io::Read;

/// Profile fields: (alternative keys, label, category, identity kind).
const FIELDS: &[(&[&str], &str, Category, Option<IdentityKind>)] = &[
    (
        &["username"],
        "Username",
        Category::IdentityContact,
        Some(IdentityKind::Username),
    ),
    (
        &["email"],
        "E-mail",
        Category::IdentityContact,
        Some(IdentityKind::Email),
    ),
    (
        &["mobileNumber", "phoneNumber"],
        "Mobile number",
        Category::IdentityContact,
        Some(IdentityKind::Phone),
    ),
    (
        &["displayName"],
        "Display name",
        Category::IdentityContact,
        Some(IdentityKind::Name),
    ),
    (
        &["firstName"],
        "First name",
        Category::IdentityContact,
        None,
    ),
    (&["lastName"], "Last name", Category::IdentityContact, None),
    (
        &["birthdate", "birthDate", "dateOfBirth"],
        "Birth date",
        Category::Demographics,
        Some(IdentityKind::BirthDate),
    ),
    (&["gender"], "Gender", Category::Demographics, None),
    (&["country"], "Country", Category::Location, None),
    (
        &["postalCode", "zipCode"],
        "Postal code",
        Category::Location,
        None,
    ),
    (
        &["mobileOperator"],
        "Mobile operator",
        Category::DevicesLogins,
        None,
    ),
    (
        &["mobileBrand"],
        "Phone brand",
        Category::DevicesLogins,
        None,
    ),
    (
        &["createdFromFacebook"],
        "Created with Facebook",
        Category::IdentityContact,
        None,
    ),
    (
        &["facebookUid"],
        "Facebook user id",
        Category::IdentityContact,
        None,
    ),
    (
        &["creationTime", "createdAt"],
        "Account created",
        Category::IdentityContact,
        None,
    ),
    (
        &["tasteMaker"],
        "Taste maker",
        Category::IdentityContact,
        None,
    ),
    (&["verified"], "Verified", Category::IdentityContact, None),
];

/// `Userdata.json` and `Identity.json`: one object of profile fields.
pub fn parse_profile(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(v) = read::small_json(reader, cx)? else {
        return Ok(());
    };
    // The full name, unless the display name already says it.
    if let (Some(first), Some(last)) = (
        lenient::field(&v, &["firstName"]),
        lenient::field(&v, &["lastName"]),
    ) {
        let full = format!("{first} {last}");
        if lenient::field(&v, &["displayName"]).as_deref() != Some(full.as_str()) {
            cx.identity(IdentityKind::Name, &full);
        }
    }
    for (i, (keys, label, category, identity)) in FIELDS.iter().enumerate() {
        let Some(value) = lenient::field(&v, keys) else {
            continue;
        };
        if let Some(kind) = identity {
            cx.identity(*kind, &value);
        }
        let ts = (keys[0] == "creationTime")
            .then(|| crate::time::parse(&value))
            .flatten();
        let r = Record::new("profile_field", *category)
            .at(ts)
            .title(format!("{label}: {value}"))
            .data(&json!({ "field": keys[0], "value": value }))
            .with_key(&[keys[0], &value]);
        cx.emit(i as u64, r)?;
    }
    Ok(())
}

/// `Identifiers.json`: the identifiers Spotify links to the account.
pub fn parse_identifiers(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(v) = read::small_json(reader, cx)? else {
        return Ok(());
    };
    for (i, item) in lenient::list(Some(&v)).iter().enumerate() {
        let kind = lenient::field(item, &["identifierType", "type"])
            .unwrap_or_else(|| "identifier".into());
        let Some(value) = lenient::field(item, &["identifierValue", "value"]) else {
            cx.warn(Some(i as u64), "identifier: no value");
            continue;
        };
        match kind.to_ascii_lowercase().as_str() {
            "email" => cx.identity(IdentityKind::Email, &value),
            "phone" | "phonenumber" | "msisdn" => cx.identity(IdentityKind::Phone, &value),
            "username" => cx.identity(IdentityKind::Username, &value),
            _ => {}
        }
        let r = Record::new("identifier", Category::IdentityContact)
            .title(format!("Identifier ({kind}): {value}"))
            .data(&json!({ "type": kind, "value": value }))
            .with_key(&[&kind, &value]);
        cx.emit(i as u64, r)?;
    }
    Ok(())
}

/// The account name in a `Userdata.json` head: the username, else the e-mail.
pub fn account_from_userdata(head: &[u8]) -> Option<String> {
    let v: Value = serde_json::from_slice(crate::formats::strip_bom(head)).ok()?;
    lenient::field(&v, &["username"]).or_else(|| lenient::field(&v, &["email"]))
}

#[cfg(test)]
mod tests {
    use super::super::parse_with;
    use super::*;

    #[test]
    fn userdata_fields_and_identities() {
        let c = parse_with(
            r#"{"username":"ada42","email":"ada@example.com","country":"SE","birthdate":"1990-05-17","gender":"female","postalCode":null,"mobileNumber":"N/A","creationTime":"2015-03-01"}"#,
            parse_profile,
        );
        assert_eq!(c.records.len(), 6, "null and placeholders are skipped");
        assert_eq!(c.identities.len(), 3);
        assert!(c
            .records
            .iter()
            .any(|r| r.title.as_deref() == Some("Account created: 2015-03-01") && r.ts.is_some()));
        assert_eq!(
            account_from_userdata(br#"{"username":"ada42"}"#).as_deref(),
            Some("ada42")
        );
        let c = parse_with(
            r#"{"identifierType":"email","identifierValue":"ada@example.com"}"#,
            parse_identifiers,
        );
        assert_eq!((c.records.len(), c.identities.len()), (1, 1));
    }
}
