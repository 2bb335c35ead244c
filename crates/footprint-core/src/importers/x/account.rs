//! The account and what X knows about the person.
//!
//! - `account.js`: `[{"account": {email, username, accountId, createdAt, createdVia,
//!   accountDisplayName}}]`: the account an archive belongs to (username, else e-mail).
//! - `profile.js`: `[{"profile": {description{bio, website, location}, avatarMediaUrl,
//!   headerMediaUrl}}]`.
//! - `phone-number.js`: `[{"device": {phoneNumber}}]`.
//! - `email-address-change.js`: `[{"emailAddressChange": {emailChange{changedAt, changedFrom,
//!   changedTo}}}]`; `screen-name-change.js`: `[{"screenNameChange": {screenNameChange{...}}}]`.
//! - `ageinfo.js`: `[{"ageMeta": {ageInfo{age[], birthDate}, inferredAgeInfo?}}]`.
//! - `manifest.js`: `window.__THAR_CONFIG = {userInfo{accountId, userName, displayName},
//!   archiveInfo{generationDate, sizeBytes, isPartialArchive}, dataTypes{...}}`.

use super::read::{each_item, unwrap_element, whole};
use super::{at, clip, strings, text, time_field, ts_key};
use crate::formats::js_wrapped;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, IdentityKind, Record};
use serde::Serialize;
use serde_json::Value;
use std::io::Read;

/// The manifest is small; the `dataTypes` table is a few KiB.
const MANIFEST_MAX_BYTES: u64 = 4 << 20;

/// The account of an archive from the head of `account.js`: the username, else the e-mail.
pub fn account_of(head: &[u8]) -> Option<String> {
    let mut json = Vec::new();
    let mut reader = js_wrapped::unwrap(head).ok()?;
    reader.read_to_end(&mut json).ok()?;
    let v: Value = serde_json::from_slice(&json).ok()?;
    let first = unwrap_element(v.as_array()?.first()?.clone());
    text(&first, &["username"]).or_else(|| text(&first, &["email"]))
}

/// Parse `account.js`: identities and one `account` record.
pub fn parse_account(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out {
        #[serde(skip_serializing_if = "Option::is_none")]
        account_id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        username: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        email: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        created_via: Option<String>,
    }
    each_item(reader, cx, "account", &mut |cx, index, v| {
        let out = Out {
            account_id: text(&v, &["accountId"]),
            username: text(&v, &["username"]),
            email: text(&v, &["email"]),
            created_via: text(&v, &["createdVia"]),
        };
        for (kind, value) in [
            (IdentityKind::Username, &out.username),
            (IdentityKind::Email, &out.email),
        ] {
            if let Some(value) = value {
                cx.identity(kind, value);
            }
        }
        if let Some(name) = text(&v, &["accountDisplayName"]) {
            cx.identity(IdentityKind::Name, &name);
        }
        let ts = time_field(cx, index, &v, &["createdAt"]);
        let key = out
            .account_id
            .clone()
            .or_else(|| out.username.clone())
            .unwrap_or_default();
        let r = Record::new("account", Category::IdentityContact)
            .at(ts)
            .title(format!(
                "X account @{}",
                out.username.as_deref().unwrap_or("?")
            ))
            .data(&out)
            .with_key(&[&key]);
        cx.emit(index, r)
    })
}

/// Parse `profile.js`: the bio, website and location the user wrote.
pub fn parse_profile(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out {
        #[serde(skip_serializing_if = "Option::is_none")]
        website: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        location: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        avatar: Option<String>,
    }
    each_item(reader, cx, "profile", &mut |cx, index, v| {
        let d = at(&v, &["description"]).cloned().unwrap_or(Value::Null);
        let bio = text(&d, &["bio"]).map(|b| clip(&b, 2000));
        let out = Out {
            website: text(&d, &["website"]),
            location: text(&d, &["location"]),
            avatar: text(&v, &["avatarMediaUrl"]),
        };
        let r = Record::new("profile", Category::IdentityContact)
            .title("Your X profile")
            .body_opt(bio.clone())
            .data(&out)
            .with_key(&[
                bio.as_deref().unwrap_or(""),
                out.website.as_deref().unwrap_or(""),
                out.location.as_deref().unwrap_or(""),
            ]);
        cx.emit(index, r)
    })
}

/// Parse `phone-number.js`.
pub fn parse_phone(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_item(reader, cx, "phone number", &mut |cx, index, v| {
        let Some(phone) = text(&v, &["phoneNumber"]) else {
            cx.warn(Some(index), format!("phone number {index}: empty, skipped"));
            return Ok(());
        };
        cx.identity(IdentityKind::Phone, &phone);
        let r = Record::new("phone_number", Category::IdentityContact)
            .title(format!("Phone number {phone}"))
            .with_key(&[&phone]);
        cx.emit(index, r)
    })
}

/// One `{changedAt, changedFrom, changedTo}` change (e-mail or screen name): a record, and
/// both values as identities.
fn parse_changes(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
    kind: &'static str,
    inner: &str,
    identity: IdentityKind,
    what: &str,
) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out {
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        to: Option<String>,
    }
    each_item(reader, cx, kind, &mut |cx, index, v| {
        let c = at(&v, &[inner]).unwrap_or(&v).clone();
        let out = Out {
            from: text(&c, &["changedFrom"]),
            to: text(&c, &["changedTo"]),
        };
        for value in [&out.from, &out.to].into_iter().flatten() {
            cx.identity(identity, value);
        }
        let ts = time_field(cx, index, &c, &["changedAt"]);
        let title = format!("{what} changed to {}", out.to.as_deref().unwrap_or("?"));
        let r = Record::new(kind, Category::IdentityContact)
            .at(ts)
            .title(title)
            .data(&out)
            .with_key(&[&ts_key(ts), out.to.as_deref().unwrap_or("")]);
        cx.emit(index, r)
    })
}

/// Parse `email-address-change.js`.
pub fn parse_email_changes(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    parse_changes(
        reader,
        cx,
        "email_change",
        "emailChange",
        IdentityKind::Email,
        "E-mail address",
    )
}

/// Parse `screen-name-change.js`.
pub fn parse_screen_name_changes(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    parse_changes(
        reader,
        cx,
        "screen_name_change",
        "screenNameChange",
        IdentityKind::Username,
        "Username",
    )
}

/// The `{age[], birthDate}` record of `ageinfo.js` and of `personalization.js`.
pub fn age_record(v: &Value, inferred: bool) -> Option<Record> {
    #[derive(Serialize)]
    struct Out<'a> {
        age: &'a [String],
        #[serde(skip_serializing_if = "Option::is_none")]
        birth_date: Option<&'a str>,
        inferred: bool,
    }
    let age = strings(crate::formats::lenient::get(v, "age"), &[]);
    let birth = text(v, &["birthDate"]);
    if age.is_empty() && birth.is_none() {
        return None;
    }
    let title = match (inferred, age.first()) {
        (true, Some(a)) => format!("X infers your age: {a}"),
        (false, Some(a)) => format!("Age: {a}"),
        (_, None) => "Birth date".to_string(),
    };
    let kind = if inferred { "inferred_age" } else { "age_info" };
    Some(
        Record::new(kind, Category::Demographics)
            .title(title)
            .data(&Out {
                age: &age,
                birth_date: birth.as_deref(),
                inferred,
            })
            .with_key(&[&age.join(","), birth.as_deref().unwrap_or("")]),
    )
}

/// Parse `ageinfo.js`: the age X holds (given or inferred), and the birth date as identity.
pub fn parse_ageinfo(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_item(reader, cx, "age info", &mut |cx, index, v| {
        for (key, inferred) in [("ageInfo", false), ("inferredAgeInfo", true)] {
            let Some(a) = at(&v, &[key]) else { continue };
            if let Some(b) = text(a, &["birthDate"]) {
                cx.identity(IdentityKind::BirthDate, &b);
            }
            if let Some(r) = age_record(a, inferred) {
                cx.emit(index, r)?;
            }
        }
        Ok(())
    })
}

/// Parse `manifest.js`: the account's username and display name, and one `archive_info`
/// record (when the archive was made, how big, whether partial).
pub fn parse_manifest(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out {
        #[serde(skip_serializing_if = "Option::is_none")]
        account_id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        size_bytes: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        partial: Option<String>,
        data_types: usize,
    }
    let v = whole(reader, cx, MANIFEST_MAX_BYTES)?;
    let user = at(&v, &["userInfo"]).cloned().unwrap_or(Value::Null);
    let info = at(&v, &["archiveInfo"]).cloned().unwrap_or(Value::Null);
    if let Some(u) = text(&user, &["userName"]) {
        cx.identity(IdentityKind::Username, &u);
    }
    if let Some(n) = text(&user, &["displayName"]) {
        cx.identity(IdentityKind::Name, &n);
    }
    let ts = time_field(cx, 0, &info, &["generationDate"]);
    let out = Out {
        account_id: text(&user, &["accountId"]),
        size_bytes: text(&info, &["sizeBytes"]),
        partial: text(&info, &["isPartialArchive"]),
        data_types: at(&v, &["dataTypes"])
            .and_then(Value::as_object)
            .map_or(0, |o| o.len()),
    };
    let r = Record::new("archive_info", Category::IdentityContact)
        .at(ts)
        .title("X archive generated")
        .data(&out)
        .with_key(&[out.account_id.as_deref().unwrap_or(""), &ts_key(ts)]);
    cx.emit(0, r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::importers::x::parser::*;
    use crate::importers::x::test_support::{data, js, ok, run};

    #[test]
    fn account_identities_and_the_account_of_a_head() {
        let input = js(
            "account",
            r#"[{"account": {"email": "sam@example.com", "createdVia": "web", "username": "sam_r", "accountId": "77", "createdAt": "2010-05-01T12:00:00.000Z", "accountDisplayName": "Sam R"}}]"#,
        );
        let out = ok(ACCOUNT, "data/account.js", &input);
        let ids: Vec<_> = out
            .identities
            .iter()
            .map(|i| (i.kind, i.value.as_str()))
            .collect();
        assert_eq!(
            ids,
            [
                (IdentityKind::Username, "sam_r"),
                (IdentityKind::Email, "sam@example.com"),
                (IdentityKind::Name, "Sam R")
            ]
        );
        assert_eq!(out.records[0].ts, Some(1_272_715_200_000));
        assert_eq!(account_of(input.as_bytes()).as_deref(), Some("sam_r"));
        let bom = format!(
            "\u{feff}{}",
            js("account", r#"[{"account": {"email": "a@example.com"}}]"#)
        );
        assert_eq!(account_of(bom.as_bytes()).as_deref(), Some("a@example.com"));
        assert_eq!(account_of(b""), None);
    }

    #[test]
    fn profile_phone_changes_age() {
        let p = js(
            "profile",
            r#"[{"profile": {"description": {"bio": "Cyclist", "website": "https://t.co/x", "location": "Lyon"}, "avatarMediaUrl": "https://pbs.example.com/a.jpg"}}]"#,
        );
        let out = ok(PROFILE, "data/profile.js", &p);
        assert_eq!(
            (
                out.records[0].body.as_deref(),
                data(&out.records[0])["location"].as_str()
            ),
            (Some("Cyclist"), Some("Lyon"))
        );
        let out = ok(
            PHONE,
            "data/phone-number.js",
            &js(
                "phone_number",
                r#"[{"device": {"phoneNumber": "+15550100000"}}]"#,
            ),
        );
        assert_eq!(out.identities[0].kind, IdentityKind::Phone);
        let ch = js(
            "email_address_change",
            r#"[{"emailAddressChange": {"accountId": "1", "emailChange": {"changedAt": "2019-01-01T00:00:00.000Z", "changedFrom": "old@example.com", "changedTo": "new@example.com"}}}]"#,
        );
        let out = ok(EMAIL_CHANGE, "data/email-address-change.js", &ch);
        assert_eq!(out.identities.len(), 2);
        assert_eq!(
            out.records[0].title.as_deref(),
            Some("E-mail address changed to new@example.com")
        );
        let age = js(
            "ageinfo",
            r#"[{"ageMeta": {"ageInfo": {"age": ["44"], "birthDate": "1980-04-26"}, "inferredAgeInfo": {"age": ["13-54"], "birthDate": ""}}}]"#,
        );
        let out = ok(AGEINFO, "data/ageinfo.js", &age);
        assert_eq!(
            out.records.iter().map(|r| r.kind).collect::<Vec<_>>(),
            ["age_info", "inferred_age"]
        );
        assert_eq!(out.identities[0].value, "1980-04-26");
        let empty = js(
            "ageinfo",
            r#"[{"ageMeta": {"ageInfo": {"age": null, "birthDate": ""}}}]"#,
        );
        assert!(ok(AGEINFO, "data/ageinfo.js", &empty).records.is_empty());
    }

    #[test]
    fn manifest() {
        let m = r#"window.__THAR_CONFIG = {"userInfo": {"accountId": "77", "userName": "sam_r", "displayName": "Sam"},
            "archiveInfo": {"sizeBytes": "1000", "generationDate": "2024-03-02T10:00:00.000Z", "isPartialArchive": false},
            "dataTypes": {"tweets": {"files": [{"fileName": "data/tweets.js", "globalName": "YTD.tweets.part0", "count": "3"}]}}};"#;
        let out = ok(MANIFEST, "data/manifest.js", m);
        assert_eq!(out.identities[0].value, "sam_r");
        assert_eq!(data(&out.records[0])["data_types"], 1);
        let (_, r) = run(
            MANIFEST,
            "data/manifest.js",
            "window.__THAR_CONFIG = {\"userInfo\": ",
        );
        assert!(r.is_err());
    }
}
