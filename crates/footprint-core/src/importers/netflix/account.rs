//! `ACCOUNT/AccountDetails.csv`: one row about the account owner (`First Name, Last Name,
//! Email Address, Customer Creation Timestamp, Country Of Registration, Country Of Signup,
//! Primary Lang, Phone Number...`; newer reports drop the name columns). It gives the
//! owner's identities and the account (the e-mail address).

use crate::formats::csv_export::{each_row, find_row, row_time, value, value_any};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, IdentityKind, Record};
use std::io::Read;

/// An account lookup reads at most this much of the file.
pub const MAX_ACCOUNT_BYTES: usize = 16 * 1024;

const EMAIL: &[&str] = &["Email Address", "Email"];
const PHONE: &[&str] = &["Phone Number", "Phone"];

/// The e-mail address of the first row.
pub fn account_from_details(head: &[u8]) -> Option<String> {
    find_row(head, |row| value_any(row, EMAIL).map(str::to_string))
}

pub fn import_account_details(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        if let Some(email) = value_any(row, EMAIL) {
            cx.identity(IdentityKind::Email, email);
        }
        if let Some(phone) = value_any(row, PHONE) {
            cx.identity(IdentityKind::Phone, phone);
        }
        let name = [value(row, "First Name"), value(row, "Last Name")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        if !name.is_empty() {
            cx.identity(IdentityKind::Name, &name);
        }
        let r = Record::new("account", Category::IdentityContact)
            .at(row_time(cx, row, &["Customer Creation Timestamp"]))
            .title(format!(
                "Netflix account {}",
                value_any(row, EMAIL).unwrap_or("(no e-mail)")
            ))
            .data(&row.to_json())
            .with_key(&[value_any(row, EMAIL).unwrap_or("")]);
        cx.emit(row.index, r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    const INPUT: &str = "\u{feff}First Name,Last Name,Email Address,Customer Creation Timestamp,Country Of Registration,Phone Number\nSam,Rivera,sam.rivera7@example.com,2016-04-02 10:00:00,DE,+15550100123\n";

    #[test]
    fn identities_and_account() {
        let (sink, r) = MemorySink::run_parser("AccountDetails.csv", INPUT, import_account_details);
        r.unwrap();
        let ids: Vec<String> = sink
            .identities
            .iter()
            .map(|i| format!("{}={}", i.kind.as_str(), i.value))
            .collect();
        assert_eq!(
            ids,
            [
                "email=sam.rivera7@example.com",
                "phone=+15550100123",
                "name=Sam Rivera"
            ]
        );
        assert!(sink.records[0].ts.is_some());
        assert_eq!(
            account_from_details(INPUT.as_bytes()).as_deref(),
            Some("sam.rivera7@example.com")
        );
        assert_eq!(account_from_details(b""), None);
    }
}
