//! The account files: `Account and Profile/profile_data.csv` (one row: `Email, Mobile, Name,
//! First Name, Last Name, Rider Rating, Referral Code, …`; spellings vary) gives the owner's
//! identities and the account (the e-mail); `Payments/payment_methods.csv` lists cards and
//! wallets, of which only the brand and the last digits are kept (never a full number or an
//! expiry).

use crate::formats::csv_export::{each_row, find_row, value_any};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, IdentityKind, Record};
use serde_json::json;
use std::io::Read;

/// An account lookup reads at most this much of the file.
pub const MAX_ACCOUNT_BYTES: usize = 16 * 1024;

const EMAIL: &[&str] = &["Email", "Email Address", "email"];
const PHONE: &[&str] = &["Mobile", "Mobile Number", "Phone Number", "Phone"];
const FIRST: &[&str] = &["First Name", "Firstname"];
const LAST: &[&str] = &["Last Name", "Lastname"];

/// The e-mail address of the first row.
pub fn account_from_profile(head: &[u8]) -> Option<String> {
    find_row(head, |row| value_any(row, EMAIL).map(str::to_string))
}

pub fn import_profile(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        let email = value_any(row, EMAIL);
        if let Some(e) = email {
            cx.identity(IdentityKind::Email, e);
        }
        if let Some(p) = value_any(row, PHONE) {
            cx.identity(IdentityKind::Phone, p);
        }
        let name = match (value_any(row, FIRST), value_any(row, LAST)) {
            (Some(f), Some(l)) => Some(format!("{f} {l}")),
            _ => value_any(row, &["Name", "Full Name"]).map(str::to_string),
        };
        if let Some(n) = &name {
            cx.identity(IdentityKind::Name, n);
        }
        let r = Record::new("profile", Category::IdentityContact)
            .title(format!("Uber account {}", email.unwrap_or("(no e-mail)")))
            .data(&row.to_json())
            .with_key(&[email.unwrap_or("")]);
        cx.emit(row.index, r)
    })
}

/// The last digits of a masked card number (`************4242`, `•••• 4242`, `4242`).
fn last_digits(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    (!digits.is_empty()).then(|| digits[digits.len().saturating_sub(4)..].to_string())
}

pub fn import_payment_methods(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        let brand = value_any(
            row,
            &[
                "Card Type",
                "Brand",
                "Card Brand",
                "Payment Method Type",
                "Type",
            ],
        )
        .unwrap_or("Payment method");
        let last = value_any(
            row,
            &["Last Four", "Last 4", "Card Number", "Account Number"],
        )
        .and_then(last_digits);
        let title = match &last {
            Some(l) => format!("{brand} ending {l}"),
            None => brand.to_string(),
        };
        let r = Record::new("payment_method", Category::Purchases)
            .title(title)
            .data(&json!({ "brand": brand, "last_digits": last }))
            .with_key(&[brand, last.as_deref().unwrap_or("")]);
        cx.emit(row.index, r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{data_json, MemorySink};

    #[test]
    fn profile_identities_and_account() {
        let input = "\u{feff}First Name,Last Name,Email,Mobile,Rider Rating\nSam,Rivera,sam@example.com,+15550100123,4.9\n";
        let (s, r) = MemorySink::run_parser("profile_data.csv", input, import_profile);
        r.unwrap();
        let ids: Vec<String> = s
            .identities
            .iter()
            .map(|i| format!("{}={}", i.kind.as_str(), i.value))
            .collect();
        assert_eq!(
            ids,
            [
                "email=sam@example.com",
                "phone=+15550100123",
                "name=Sam Rivera"
            ]
        );
        assert_eq!(
            account_from_profile(input.as_bytes()).as_deref(),
            Some("sam@example.com")
        );
    }

    #[test]
    fn only_brand_and_last_digits_are_kept() {
        for (number, want) in [
            ("************4242", Some("4242")),
            ("4242", Some("4242")),
            ("", None),
            ("N/A", None),
        ] {
            let input =
                format!("Payment Method Type,Card Number,Expiration\nVisa,{number},12/27\n");
            let (s, r) =
                MemorySink::run_parser("payment_methods.csv", &input, import_payment_methods);
            r.unwrap();
            let d = data_json(&s.records[0]);
            assert_eq!(d["last_digits"].as_str(), want, "{number}");
            assert!(d.get("Expiration").is_none());
        }
    }
}
