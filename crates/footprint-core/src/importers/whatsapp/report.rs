//! The account report ("Request account info" → `whatsapp_report.zip`). The report is an
//! HTML page and, in newer versions, a JSON file with the same sections: the account
//! (`wa_user_info`: phone number, name, about text, registration), connection info
//! (`wa_connection_info`: last seen, IP), devices (`wa_devices`), groups (`wa_groups`: names
//! or objects), contacts (`wa_contacts`: numbers, or only a count) and settings
//! (`wa_account_settings`). Older data-donation parsers also see `groups` and `contacts`
//! without the prefix. The section names are not confirmed against a real report (see
//! docs/IMPORTERS.md); sections are matched by their normalized key, and an unknown section
//! still becomes a record.

use crate::formats::lenient::{self, field, list, norm_key};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, IdentityKind, Record};
use serde_json::{json, Value};
use std::io::Read;

/// The report is small; a larger file is not the report.
pub const MAX_REPORT_BYTES: u64 = 64 << 20;

/// Normalized section keys that mark the report's JSON (for content classification).
pub const SECTION_KEYS: &[&str] = &[
    "wauserinfo",
    "wagroups",
    "wacontacts",
    "wadevices",
    "waconnectioninfo",
    "waaccountsettings",
    "waregistrationinfo",
];

/// What a section holds, from its normalized key.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Section {
    User,
    Connection,
    Devices,
    Groups,
    Contacts,
    Settings,
    Other,
}

fn section_of(key: &str) -> Section {
    let k = norm_key(key);
    let has = |w: &str| k.contains(w);
    if has("userinfo") || has("registration") || has("accountinfo") || has("userinformation") {
        Section::User
    } else if has("connection") {
        Section::Connection
    } else if has("device") {
        Section::Devices
    } else if has("group") {
        Section::Groups
    } else if has("contact") {
        Section::Contacts
    } else if has("setting") {
        Section::Settings
    } else {
        Section::Other
    }
}

const PHONE_KEYS: &[&str] = &["phone_number", "phone", "wa_phone_number"];
const NAME_KEYS: &[&str] = &["push_name", "name", "display_name"];

fn read(reader: &mut dyn Read, file: &str) -> Result<Option<Value>, ParseError> {
    let mut bytes = Vec::new();
    reader.take(MAX_REPORT_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_REPORT_BYTES {
        return Err(ParseError::Structure(format!(
            "{file}: larger than {} MB, not the account report",
            MAX_REPORT_BYTES >> 20
        )));
    }
    let bytes = crate::formats::strip_bom(&bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    serde_json::from_slice(bytes)
        .map(Some)
        .map_err(|e| ParseError::Json {
            offset: e.line() as u64,
            message: format!("{file}: line {}, column {}: {e}", e.line(), e.column()),
        })
}

/// The report's phone number (the account).
pub fn account_of(bytes: &[u8]) -> Option<String> {
    let v: Value = serde_json::from_slice(crate::formats::strip_bom(bytes)).ok()?;
    let obj = v.as_object()?;
    obj.iter()
        .filter(|(k, _)| section_of(k) == Section::User)
        .find_map(|(_, s)| field(s, PHONE_KEYS))
}

/// Parse the report's JSON.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(v) = read(reader, cx.file)? else {
        cx.warn(None, "empty file");
        return Ok(());
    };
    let Value::Object(sections) = v else {
        return Err(ParseError::Structure(format!(
            "{}: the report is not a JSON object",
            cx.file
        )));
    };
    for (i, (key, value)) in sections.iter().enumerate() {
        let i = i as u64;
        match section_of(key) {
            Section::User => user(cx, i, value)?,
            Section::Groups => items(
                cx,
                i,
                key,
                value,
                "group",
                Category::SocialGraph,
                &["name", "subject", "title"],
            )?,
            Section::Contacts => items(
                cx,
                i,
                key,
                value,
                "contact",
                Category::SocialGraph,
                &["name", "phone_number", "number", "jid"],
            )?,
            Section::Devices => items(
                cx,
                i,
                key,
                value,
                "device",
                Category::DevicesLogins,
                &["device", "model", "name", "platform"],
            )?,
            Section::Connection => object(
                cx,
                i,
                key,
                value,
                "connection_info",
                Category::DevicesLogins,
            )?,
            Section::Settings => object(
                cx,
                i,
                key,
                value,
                "account_settings",
                Category::IdentityContact,
            )?,
            Section::Other => object(
                cx,
                i,
                key,
                value,
                "report_section",
                Category::IdentityContact,
            )?,
        }
    }
    Ok(())
}

fn user(cx: &mut ImportCx<'_>, i: u64, v: &Value) -> Result<(), ParseError> {
    let phone = field(v, PHONE_KEYS);
    if let Some(p) = &phone {
        cx.identity(IdentityKind::Phone, p);
    }
    if let Some(n) = field(v, NAME_KEYS) {
        cx.identity(IdentityKind::Name, &n);
    }
    let ts = field(v, &["registration_time", "registration_date", "created"])
        .as_deref()
        .and_then(crate::time::parse);
    let r = Record::new("profile", Category::IdentityContact)
        .at(ts)
        .title(format!(
            "WhatsApp account {}",
            phone.as_deref().unwrap_or("")
        ))
        .data(v)
        .with_key(&[phone.as_deref().unwrap_or("")]);
    cx.emit(i, r)
}

/// A section that is a list (one record per element), or only a count (one summary record).
fn items(
    cx: &mut ImportCx<'_>,
    i: u64,
    key: &str,
    v: &Value,
    kind: &'static str,
    category: Category,
    name_keys: &[&str],
) -> Result<(), ParseError> {
    if let Some(n) = v
        .as_u64()
        .or_else(|| lenient::get(v, "count").and_then(Value::as_u64))
    {
        let r = Record::new("report_count", category)
            .title(format!("WhatsApp report: {n} {kind}s"))
            .data(&json!({"section": key, "count": n}))
            .with_key(&[key]);
        return cx.emit(i, r);
    }
    for (j, item) in list(Some(v)).iter().enumerate() {
        let name = match item {
            Value::String(s) => Some(s.trim().to_string()),
            other => field(other, name_keys),
        };
        let Some(name) = name.filter(|n| !n.is_empty()) else {
            cx.warn(Some(j as u64), format!("{key} {j}: no name, skipped"));
            continue;
        };
        let r = Record::new(kind, category)
            .at(
                field(item, &["creation", "created", "last_active", "last_seen"])
                    .as_deref()
                    .and_then(crate::time::parse),
            )
            .title(format!("WhatsApp {kind}: {name}"))
            .data(item)
            .with_key(&[key, &name]);
        cx.emit(j as u64, r)?;
    }
    Ok(())
}

fn object(
    cx: &mut ImportCx<'_>,
    i: u64,
    key: &str,
    v: &Value,
    kind: &'static str,
    category: Category,
) -> Result<(), ParseError> {
    if v.is_null() {
        return Ok(());
    }
    let r = Record::new(kind, category)
        .at(field(v, &["last_seen", "last_active", "timestamp"])
            .as_deref()
            .and_then(crate::time::parse))
        .title(format!(
            "WhatsApp report: {}",
            key.trim_start_matches("wa_").replace('_', " ")
        ))
        .data(v)
        .with_key(&[key, &v.to_string()]);
    cx.emit(i, r)
}

#[cfg(test)]
mod tests {
    use super::super::parser::REPORT;
    use super::super::test_support::run;

    #[test]
    fn sections_become_records() {
        let json = r#"{"wa_user_info": {"phone_number": "+15550100548", "push_name": "Sam", "registration_time": "2015-04-01 10:00:00"},
            "wa_groups": [{"name": "Book club", "creation": "2020-01-01T00:00:00Z"}, "Climbers", {}],
            "wa_contacts": 42, "wa_devices": null, "wa_connection_info": {"last_seen": "2024-03-01 08:00:00", "last_ip": "203.0.113.9"}}"#;
        let (out, r) = run(REPORT, "whatsapp_report/account_info.json", json);
        r.unwrap();
        let kinds: Vec<&str> = out.records.iter().map(|r| r.kind).collect();
        // Sections in key order (serde_json keeps objects sorted).
        assert_eq!(
            kinds,
            [
                "connection_info",
                "report_count",
                "group",
                "group",
                "profile"
            ]
        );
        assert_eq!(out.identities.len(), 2);
        assert_eq!(out.warnings.len(), 1);
        assert_eq!(
            super::account_of(json.as_bytes()).as_deref(),
            Some("+15550100548")
        );
        let (out, r) = run(REPORT, "whatsapp_report/account_info.json", "");
        assert!(r.is_ok() && out.warnings.len() == 1);
        assert!(run(REPORT, "whatsapp_report/account_info.json", "[1]")
            .1
            .is_err());
    }
}
