//! `Apple ID Account Information.csv`: one row of the account holder's details (`Apple ID`,
//! `First Name`, `Last Name`, `Official Email Address`, `Primary Phone Number`, `Date of
//! Birth`, `Country`). The Apple ID names the account of every zip of the export.

use crate::formats::csv_export::{each_row, find_row, value, value_any};
use crate::formats::csv_table::Row;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, IdentityKind, Record};
use std::io::Read;

/// Enough of the head to read the one row.
pub const MAX_ACCOUNT_BYTES: usize = 8 << 10;

const APPLE_ID: &[&str] = &["Apple ID", "Apple ID Email", "AppleID"];
const EMAILS: &[&str] = &[
    "Official Email Address",
    "Email Address",
    "Rescue Email Address",
];
const PHONES: &[&str] = &[
    "Primary Phone Number",
    "Phone Number",
    "Trusted Phone Number",
];

/// The Apple ID in the head of the account file.
pub fn account_from_head(head: &[u8]) -> Option<String> {
    find_row(head, |row| {
        value_any(row, APPLE_ID).map(|v| v.trim().to_lowercase())
    })
}

fn full_name(row: &Row<'_>) -> Option<String> {
    let name = [value(row, "First Name"), value(row, "Last Name")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    (!name.is_empty()).then_some(name)
}

pub fn parse_account(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        let apple_id = value_any(row, APPLE_ID);
        for (kind, v) in [
            (IdentityKind::Email, apple_id),
            (IdentityKind::Email, value_any(row, EMAILS)),
            (IdentityKind::Phone, value_any(row, PHONES)),
            (IdentityKind::BirthDate, value(row, "Date of Birth")),
        ] {
            if let Some(v) = v {
                cx.identity(kind, v);
            }
        }
        let name = full_name(row);
        if let Some(n) = &name {
            cx.identity(IdentityKind::Name, n);
        }
        let r = Record::new("account", Category::IdentityContact)
            .title(format!(
                "Apple ID {}",
                apple_id.or(name.as_deref()).unwrap_or("account")
            ))
            .data(&row.to_json())
            .with_key(&[apple_id.unwrap_or("")]);
        cx.emit(row.index, r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    #[test]
    fn account_identities_and_apple_id() {
        let csv = "\u{feff}Apple ID,First Name,Last Name,Primary Phone Number,Date of Birth\nAlex@Example.com,Alex,Rivera,+15550100,1990-02-03\n";
        assert_eq!(
            account_from_head(csv.as_bytes()).as_deref(),
            Some("alex@example.com")
        );
        let (sink, r) = MemorySink::run_parser("a.csv", csv, parse_account);
        r.unwrap();
        assert_eq!(sink.records.len(), 1);
        let ids: Vec<String> = sink
            .identities
            .iter()
            .map(|i| format!("{}: {}", i.kind.as_str(), i.value))
            .collect();
        assert!(ids.contains(&"name: Alex Rivera".to_string()), "{ids:?}");
        assert!(ids.contains(&"phone: +15550100".to_string()), "{ids:?}");
        assert_eq!(account_from_head(b""), None);
    }
}
