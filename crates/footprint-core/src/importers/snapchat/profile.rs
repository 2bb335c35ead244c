//! The user's own details:
//! - `account.json`: `Basic Information {Username, Name, Creation Date, Registration IP,
//!   Country}` (bitmoji.json's has `Email` and `Phone Number`);
//! - `user_profile.json`: `App Profile {Country, Creation Time, Account Creation Country,
//!   Platform Version, In-app Language}`, `Demographics {Cohort Age, Derived Ad Demographic}`
//!   (Snap's inferences), `Mobile Ad Id`;
//! - `ranking.json`: `Statistics {Snapscore, ...}`.

use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, IdentityKind, Record};
use serde_json::{Map, Value};

const USERNAME: &[&str] = &["Username", "User Name"];

/// The account an export belongs to: `Basic Information > Username` of account.json.
pub fn account_of(account_json: &Value) -> Option<String> {
    lenient::field(lenient::get(account_json, "Basic Information")?, USERNAME)
}

/// `Basic Information`: identities, and one profile record.
pub fn basic_information(
    cx: &mut ImportCx<'_>,
    position: u64,
    v: &Value,
) -> Result<(), ParseError> {
    for (kind, keys) in [
        (IdentityKind::Username, USERNAME),
        (IdentityKind::Name, &["Name", "Display Name"][..]),
        (IdentityKind::Email, &["Email", "Email Address"][..]),
        (
            IdentityKind::Phone,
            &["Phone Number", "Mobile Number", "Phone"][..],
        ),
        (
            IdentityKind::BirthDate,
            &["Birthday", "Birth Date", "Birthdate"][..],
        ),
    ] {
        if let Some(value) = lenient::field(v, keys) {
            cx.identity(kind, &value);
        }
    }
    let username = lenient::field(v, USERNAME);
    let title = match &username {
        Some(u) => format!("Snapchat account {u}"),
        None => "Snapchat account details".to_string(),
    };
    map_record(
        cx,
        position,
        "profile",
        Category::IdentityContact,
        &title,
        v,
    )
}

/// `Demographics`: one record per inference.
pub fn demographics(cx: &mut ImportCx<'_>, position: u64, v: &Value) -> Result<(), ParseError> {
    let Some(obj) = v.as_object() else {
        return Ok(());
    };
    for (label, value) in obj {
        let Some(value) = lenient::text(Some(value)) else {
            continue;
        };
        let r = Record::new("inferred_demographic", Category::Demographics)
            .title(format!(
                "Snap inferred your {}: {value}",
                label.to_lowercase()
            ))
            .with_key(&[label, &value]);
        cx.emit(position, r)?;
    }
    Ok(())
}

/// `Mobile Ad Id`: the advertising identifier Snap holds for the device.
pub fn advertising_id(cx: &mut ImportCx<'_>, position: u64, v: &Value) -> Result<(), ParseError> {
    let Some(id) = lenient::text(Some(v)) else {
        return Ok(());
    };
    let r = Record::new("advertising_id", Category::DevicesLogins)
        .title("Mobile advertising ID")
        .body(id.clone())
        .with_key(&[&id]);
    cx.emit(position, r)
}

/// A small map (`App Profile`, `Statistics`) as one record; empty maps give none.
pub fn map_record(
    cx: &mut ImportCx<'_>,
    position: u64,
    kind: &'static str,
    category: Category,
    title: &str,
    v: &Value,
) -> Result<(), ParseError> {
    let Some(obj) = v.as_object() else {
        return Ok(());
    };
    let kept: Map<String, Value> = obj
        .iter()
        .filter_map(|(k, x)| lenient::text(Some(x)).map(|t| (k.clone(), Value::String(t))))
        .collect();
    if kept.is_empty() {
        return Ok(());
    }
    let r = Record::new(kind, category)
        .title(title)
        .data(&kept)
        .with_key(&[kind, title]);
    cx.emit(position, r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;
    use serde_json::json;

    #[test]
    fn identities_inferences_and_account() {
        let account = json!({"Basic Information": {"Username": "sam.r", "Name": "Sam R", "Creation Date": "2019-01-01 10:00:00 UTC", "Country": "N/A"}});
        assert_eq!(account_of(&account).as_deref(), Some("sam.r"));
        let (out, r) = MemorySink::run_parser("json/account.json", "", |_, cx| {
            basic_information(cx, 0, &account["Basic Information"])?;
            demographics(
                cx,
                1,
                &json!({"Cohort Age": "25-34", "Derived Ad Demographic": "Female", "Empty": ""}),
            )?;
            advertising_id(cx, 2, &json!(""))
        });
        r.unwrap();
        let ids: Vec<String> = out
            .identities
            .iter()
            .map(|i| format!("{}={}", i.kind.as_str(), i.value))
            .collect();
        assert_eq!(ids, ["username=sam.r", "name=Sam R"]);
        let titles: Vec<&str> = out
            .records
            .iter()
            .filter_map(|r| r.title.as_deref())
            .collect();
        assert_eq!(
            titles,
            [
                "Snapchat account sam.r",
                "Snap inferred your cohort age: 25-34",
                "Snap inferred your derived ad demographic: Female"
            ]
        );
        assert_eq!(
            crate::testing::data_json(&out.records[0]),
            json!({"Username": "sam.r", "Name": "Sam R", "Creation Date": "2019-01-01 10:00:00 UTC"})
        );
    }
}
