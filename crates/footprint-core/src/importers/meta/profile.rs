//! The user's own profile: Facebook's `profile_information.json` (`profile_v2`) and
//! Instagram's `personal_information.json` (`profile_user[{string_map_data}]`, with the
//! username moved to `title` in 2025; 2019's flat `profile.json` `{username, name, email,
//! phone_number, date_of_birth, gender, date_joined, ...}`; Facebook 2018 `profile`).
//! Yields the identities letters are prefilled with, one
//! `profile` record, and the account an export belongs to.

use super::{fx, fx_opt, label_values, Secs};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, IdentityKind, Record};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::io::Read;

/// Profile files are small; anything larger is not a profile.
pub const MAX_PROFILE_BYTES: u64 = 32 << 20;

/// What a profile says about its owner. Values are mojibake-repaired, deduplicated, in order.
#[derive(Debug, Default, Clone, PartialEq, Serialize)]
pub struct Facts {
    pub names: Vec<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub usernames: Vec<String>,
    /// `YYYY-MM-DD` (or `YYYY-MM`, `--MM-DD` when the year or day is hidden).
    pub birthday: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_uri: Option<String>,
    /// Account creation (Facebook's `registration_timestamp`), epoch ms.
    #[serde(skip)]
    pub registered: Option<i64>,
}

fn add(list: &mut Vec<String>, v: Option<String>) {
    if let Some(v) = v {
        if !v.is_empty() && !list.contains(&v) {
            list.push(v);
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FbProfile {
    name: Option<FbName>,
    emails: Option<FbEmails>,
    phone_numbers: Vec<FbPhone>,
    username: Option<String>,
    birthday: Option<FbBirthday>,
    gender: Option<FbGender>,
    current_city: Option<FbPlace>,
    profile_uri: Option<String>,
    registration_timestamp: Secs,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct FbName {
    full_name: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct FbEmails {
    emails: Vec<String>,
    previous_emails: Vec<String>,
    pending_emails: Vec<String>,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct FbPhone {
    phone_number: Option<String>,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct FbBirthday {
    year: Option<i64>,
    month: Option<i64>,
    day: Option<i64>,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct FbGender {
    gender_option: Option<String>,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct FbPlace {
    name: Option<String>,
}

fn birthday(b: &FbBirthday) -> Option<String> {
    let pos = |v: Option<i64>| v.filter(|n| *n > 0);
    match (pos(b.year), pos(b.month), pos(b.day)) {
        (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
        (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
        (None, Some(m), Some(d)) => Some(format!("--{m:02}-{d:02}")),
        _ => None,
    }
}

fn facebook_facts(v: &Value) -> Option<Facts> {
    let p: FbProfile = serde_json::from_value(v.clone()).ok()?;
    let mut f = Facts::default();
    if let Some(n) = &p.name {
        let full = fx_opt(n.full_name.as_deref()).or_else(|| {
            let parts: Vec<String> = [&n.first_name, &n.last_name]
                .into_iter()
                .filter_map(|s| fx_opt(s.as_deref()))
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        });
        add(&mut f.names, full);
    }
    if let Some(e) = &p.emails {
        for mail in e.emails.iter().chain(&e.previous_emails).chain(&e.pending_emails) {
            add(&mut f.emails, fx_opt(Some(mail)));
        }
    }
    for ph in &p.phone_numbers {
        add(&mut f.phones, fx_opt(ph.phone_number.as_deref()));
    }
    add(&mut f.usernames, fx_opt(p.username.as_deref()));
    f.birthday = p.birthday.as_ref().and_then(birthday);
    f.gender = p.gender.and_then(|g| fx_opt(g.gender_option.as_deref()));
    f.city = p.current_city.and_then(|c| fx_opt(c.name.as_deref()));
    f.profile_uri = fx_opt(p.profile_uri.as_deref());
    f.registered = p.registration_timestamp.ms();
    Some(f)
}

/// Labels of Instagram's `string_map_data`, in the languages seen in exports (compared after
/// mojibake repair, case-insensitively).
const USERNAME: &[&str] = &["username", "nom d'utilisateur", "nom d’utilisateur", "benutzername", "nombre de usuario", "nome utente"];
const NAME: &[&str] = &["name", "nom", "nombre", "nome"];
const EMAIL: &[&str] = &["email", "e-mail", "email address", "adresse e-mail", "e-mail-adresse", "correo electrónico"];
const PHONE: &[&str] = &["phone number", "phone", "numéro de téléphone", "telefonnummer", "número de teléfono", "numero di telefono"];
const BIRTH: &[&str] = &["date of birth", "birthday", "date de naissance", "geburtsdatum", "fecha de nacimiento", "data di nascita"];
const GENDER: &[&str] = &["gender", "genre", "geschlecht", "género"];

/// Facts from label/value pairs (Instagram's `string_map_data`, or a 2024+ `label_values`
/// profile).
fn labelled_facts(summary: &label_values::Summary, title: Option<String>) -> Facts {
    let mut f = Facts::default();
    for p in &summary.pairs {
        let label_values::Leaf::Text(value) = &p.value else { continue };
        let last = p.path.rsplit(label_values::SEP).next().unwrap_or(&p.path).to_lowercase();
        let is = |set: &[&str]| set.contains(&last.as_str());
        let value = Some(value.clone());
        if is(USERNAME) {
            add(&mut f.usernames, value);
        } else if is(NAME) {
            add(&mut f.names, value);
        } else if is(EMAIL) {
            add(&mut f.emails, value);
        } else if is(PHONE) {
            add(&mut f.phones, value);
        } else if is(BIRTH) {
            f.birthday = f.birthday.take().or(value);
        } else if is(GENDER) {
            f.gender = f.gender.take().or(value);
        }
    }
    // 2025: the username left string_map_data for the record's title.
    if f.usernames.is_empty() {
        add(&mut f.usernames, title);
    }
    f
}

/// Read a small JSON file whole, with the byte offset of a syntax error.
pub(crate) fn read_small_json(reader: &mut dyn Read, limit: u64) -> Result<Value, ParseError> {
    let mut bytes = Vec::new();
    reader.take(limit).read_to_end(&mut bytes)?;
    parse_json_bytes(&bytes)
}

pub(crate) fn parse_json_bytes(bytes: &[u8]) -> Result<Value, ParseError> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(bytes);
    serde_json::from_slice(bytes).map_err(|e| {
        // serde_json reports line and column; the import report wants a byte offset.
        let line_start: usize = bytes
            .split(|b| *b == b'\n')
            .take(e.line().saturating_sub(1))
            .map(|l| l.len() + 1)
            .sum();
        ParseError::Json {
            offset: (line_start + e.column().saturating_sub(1)) as u64,
            message: e.to_string(),
        }
    })
}

/// Facts from a profile file's JSON, whichever platform and generation wrote it.
pub fn facts(v: &Value) -> Option<Facts> {
    if let Some(p) = v.get("profile_v2").or_else(|| v.get("profile")) {
        return facebook_facts(p);
    }
    if let Some(first) = v
        .get("profile_user")
        .and_then(Value::as_array)
        .and_then(|a| a.first())
    {
        let title = first.get("title").and_then(Value::as_str).and_then(|t| fx_opt(Some(t)));
        return Some(labelled_facts(&label_values::summarize(first), title));
    }
    if label_values::has_generic_form(v) {
        return Some(labelled_facts(&label_values::summarize(v), None));
    }
    if v.get("username").is_some_and(Value::is_string) {
        return Some(instagram_flat_facts(v));
    }
    None
}

/// Instagram's 2019 `profile.json`: plain fields, `date_joined` as ISO text.
fn instagram_flat_facts(v: &Value) -> Facts {
    let text = |k: &str| v.get(k).and_then(Value::as_str).and_then(|s| fx_opt(Some(s)));
    let mut f = Facts::default();
    add(&mut f.names, text("name"));
    add(&mut f.emails, text("email"));
    add(&mut f.phones, text("phone_number"));
    add(&mut f.usernames, text("username"));
    f.birthday = text("date_of_birth");
    f.gender = text("gender");
    f.registered = text("date_joined").and_then(|d| crate::time::parse(&d));
    f
}

/// The account an export belongs to: Facebook by email first, Instagram by username first.
pub fn account(f: &Facts, platform: super::Platform) -> Option<String> {
    let first = |l: &Vec<String>| l.first().cloned();
    match platform {
        super::Platform::Facebook => first(&f.emails)
            .or_else(|| first(&f.usernames))
            .or_else(|| first(&f.phones)),
        super::Platform::Instagram => first(&f.usernames)
            .or_else(|| first(&f.emails))
            .or_else(|| first(&f.phones)),
    }
}

/// Parse a profile file: identities plus one `profile` record.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let v = read_small_json(reader, MAX_PROFILE_BYTES)?;
    let Some(f) = facts(&v) else {
        return Err(ParseError::Structure(format!(
            "{}: no profile_v2, profile, profile_user, label_values or username",
            cx.file
        )));
    };
    emit_facts(cx, &f)
}

/// The identities and the one `profile` record of a profile's facts (JSON and HTML pages).
pub(crate) fn emit_facts(cx: &mut ImportCx<'_>, f: &Facts) -> Result<(), ParseError> {
    for (kind, list) in [
        (IdentityKind::Name, &f.names),
        (IdentityKind::Email, &f.emails),
        (IdentityKind::Phone, &f.phones),
        (IdentityKind::Username, &f.usernames),
    ] {
        for value in list {
            cx.identity(kind, value);
        }
    }
    if let Some(b) = &f.birthday {
        cx.identity(IdentityKind::BirthDate, b);
    }
    let who = f
        .names
        .first()
        .or(f.usernames.first())
        .cloned()
        .unwrap_or_else(|| "you".to_string());
    let mut body = Vec::new();
    for (label, list) in [("Name", &f.names), ("Email", &f.emails), ("Phone", &f.phones), ("Username", &f.usernames)] {
        for v in list {
            body.push(format!("{label}: {v}"));
        }
    }
    for (label, v) in [("Birthday", &f.birthday), ("Gender", &f.gender), ("City", &f.city)] {
        if let Some(v) = v {
            body.push(format!("{label}: {v}"));
        }
    }
    let record = Record::new("profile", Category::IdentityContact)
        .at(f.registered)
        .title(format!("Profile of {who}"))
        .body(body.join("\n"))
        .data(f)
        .with_key(&["profile"]);
    cx.emit(0, record)?;
    Ok(())
}

/// Used by the importers' `account`: parse the head of a profile file.
pub fn account_from_bytes(bytes: &[u8], platform: super::Platform) -> Option<String> {
    let v = parse_json_bytes(bytes).ok()?;
    account(&facts(&v)?, platform).map(|a| fx(&a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::importers::meta::parser::PROFILE;
    use crate::importers::meta::test_support::{moji, ok, run};
    use crate::importers::meta::Platform;

    fn ids(out: &crate::importers::meta::test_support::Out) -> Vec<(IdentityKind, String)> {
        out.identities.iter().map(|i| (i.kind, i.value.clone())).collect()
    }

    #[test]
    fn facebook_profile_v2() {
        let json = format!(
            r#"{{"profile_v2": {{"name": {{"full_name": "{}", "first_name": "Zoë", "last_name": "Müller"}},
            "emails": {{"emails": ["zoe@example.com"], "previous_emails": ["old@example.com"], "pending_emails": [], "ad_account_emails": []}},
            "birthday": {{"year": 1991, "month": 4, "day": 9}},
            "phone_numbers": [{{"phone_type": "Mobile", "phone_number": "+15550100", "verified": true}}],
            "username": "zoe.muller.7", "registration_timestamp": 1300000000,
            "current_city": {{"name": "{}", "timestamp": 0}}}}}}"#,
            moji("Zoë Müller"),
            moji("Malmö")
        );
        let out = ok(PROFILE, "profile_information/profile_information.json", &json);
        assert_eq!(
            ids(&out),
            vec![
                (IdentityKind::Name, "Zoë Müller".into()),
                (IdentityKind::Email, "zoe@example.com".into()),
                (IdentityKind::Email, "old@example.com".into()),
                (IdentityKind::Phone, "+15550100".into()),
                (IdentityKind::Username, "zoe.muller.7".into()),
                (IdentityKind::BirthDate, "1991-04-09".into()),
            ]
        );
        let r = &out.records[0];
        assert_eq!(r.kind, "profile");
        assert_eq!(r.title.as_deref(), Some("Profile of Zoë Müller"));
        assert_eq!(r.ts, Some(1_300_000_000_000));
        assert!(r.body.as_deref().unwrap().contains("City: Malmö"));
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(account(&facts(&v).unwrap(), Platform::Facebook).as_deref(), Some("zoe@example.com"));
    }

    #[test]
    fn instagram_string_map_data_and_2025_title() {
        let y2022 = r#"{"profile_user": [{"media_map_data": {}, "string_map_data": {
            "Email": {"href": "", "value": "sam@example.org", "timestamp": 0},
            "Phone Number": {"href": "", "value": "+4915550199", "timestamp": 0},
            "Username": {"href": "", "value": "sam.rivera", "timestamp": 0},
            "Name": {"href": "", "value": "Sam Rivera", "timestamp": 0},
            "Date of birth": {"href": "", "value": "1990-02-03", "timestamp": 0}}}]}"#;
        let out = ok(PROFILE, "personal_information/personal_information.json", y2022);
        assert_eq!(
            ids(&out),
            vec![
                (IdentityKind::Name, "Sam Rivera".into()),
                (IdentityKind::Email, "sam@example.org".into()),
                (IdentityKind::Phone, "+4915550199".into()),
                (IdentityKind::Username, "sam.rivera".into()),
                (IdentityKind::BirthDate, "1990-02-03".into()),
            ]
        );
        let v: Value = serde_json::from_str(y2022).unwrap();
        assert_eq!(account(&facts(&v).unwrap(), Platform::Instagram).as_deref(), Some("sam.rivera"));

        // 2025: username in title, a localized (and mojibake'd) label for the name.
        let y2025 = format!(
            r#"{{"profile_user": [{{"title": "sam.rivera.25", "string_map_data": {{
              "{}": {{"value": "{}"}}, "E-Mail-Adresse": {{"value": "s@example.org"}}}}}}]}}"#,
            moji("Name"),
            moji("Sam Rivéra")
        );
        let out = ok(PROFILE, "personal_information/personal_information/personal_information.json", &y2025);
        assert_eq!(
            ids(&out),
            vec![
                (IdentityKind::Name, "Sam Rivéra".into()),
                (IdentityKind::Email, "s@example.org".into()),
                (IdentityKind::Username, "sam.rivera.25".into()),
            ]
        );
        assert_eq!(account_from_bytes(y2025.as_bytes(), Platform::Instagram).as_deref(), Some("sam.rivera.25"));
    }

    #[test]
    fn not_json_is_a_json_error_with_offset() {
        let err = run(PROFILE, "p.json", "{\n  \"profile_v2\": nope}").unwrap_err();
        match err {
            // Bytes 18..22 are `nope`; serde_json stops inside the bad token.
            ParseError::Json { offset, .. } => assert!((18..22).contains(&offset), "offset {offset}"),
            other => panic!("expected a JSON error, got {other}"),
        }
        assert!(matches!(run(PROFILE, "p.json", r#"{"x": 1}"#), Err(ParseError::Structure(_))));
    }

    #[test]
    fn facebook_2018_profile_and_instagram_2019_flat_profile() {
        let fb2018 = r#"{"profile": {"name": {"full_name": "Kim Novak"}, "emails": {"emails": ["kim@example.com"]}, "registration_timestamp": 1300000000}}"#;
        let out = ok(PROFILE, "profile_information/profile_information.json", fb2018);
        assert_eq!(ids(&out), vec![(IdentityKind::Name, "Kim Novak".into()), (IdentityKind::Email, "kim@example.com".into())]);

        let ig2019 = format!(
            r#"{{"biography": "", "date_joined": "2015-06-01T10:00:00+00:00", "email": "sam@example.org",
               "gender": "female", "name": "{}", "phone_number": "+4915550199", "private_account": true,
               "profile_pic_url": "https://example.org/p.jpg", "username": "sam.rivera", "date_of_birth": "1990-02-03"}}"#,
            moji("Sam Rivéra")
        );
        let out = ok(PROFILE, "profile.json", &ig2019);
        assert_eq!(
            ids(&out),
            vec![
                (IdentityKind::Name, "Sam Rivéra".into()),
                (IdentityKind::Email, "sam@example.org".into()),
                (IdentityKind::Phone, "+4915550199".into()),
                (IdentityKind::Username, "sam.rivera".into()),
                (IdentityKind::BirthDate, "1990-02-03".into()),
            ]
        );
        assert_eq!(out.records[0].ts, Some(1_433_152_800_000));
        assert_eq!(account_from_bytes(ig2019.as_bytes(), Platform::Instagram).as_deref(), Some("sam.rivera"));
    }
}
