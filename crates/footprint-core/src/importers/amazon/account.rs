//! The owner's identifiers: the customer profile (name, e-mail, phone: the account), the
//! address book (every saved address) and payment options.
//!
//! - `Retail.CustomerProfile.csv` (assumed name): `Name, Email, Phone, Account Created`.
//! - `Retail.AddressBook.csv`: `Full Name, Address Line 1, Address Line 2, City, State,
//!   Postal Code, Country, Phone Number`: identities (the owner's name and phone, every
//!   address) and one `address` record per row.
//! - `Retail.PaymentOptions.csv`: `Payment Method, Card Type, Last Digits, Expiration Date,
//!   Name On Account`: one `payment_option` record per row. Footprint never stores a full
//!   card number: any run of 8+ digits is masked to its last four before anything is kept.

use super::compact;
use crate::formats::csv_export::{each_row, find_row, row_time, value_any};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, IdentityKind, Record};
use std::io::Read;

/// The profile is one row: its head is enough for the account.
pub const MAX_ACCOUNT_BYTES: usize = 8 * 1024;

const EMAIL: &[&str] = &["Email", "Email Address", "E-mail"];
const PHONE: &[&str] = &["Phone", "Phone Number", "Mobile Phone"];
const NAME: &[&str] = &["Name", "Full Name", "Customer Name"];

/// The account: the profile's e-mail address.
pub fn account_from_profile(head: &[u8]) -> Option<String> {
    find_row(head, |row| value_any(row, EMAIL).map(str::to_string))
}

/// `Retail.CustomerProfile`: the owner's name, e-mail and phone.
pub fn parse_profile(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        let email = value_any(row, EMAIL);
        for (kind, v) in [
            (IdentityKind::Email, email),
            (IdentityKind::Name, value_any(row, NAME)),
            (IdentityKind::Phone, value_any(row, PHONE)),
        ] {
            if let Some(v) = v {
                cx.identity(kind, v);
            }
        }
        let r = Record::new("profile", Category::IdentityContact)
            .at(row_time(cx, row, &["Account Created", "Created Date"]))
            .title(
                format!("Amazon account {}", email.unwrap_or(""))
                    .trim()
                    .to_string(),
            )
            .data(&compact(row, &[]))
            .with_key(&[email.unwrap_or("")]);
        cx.emit(row.index, r)
    })
}

/// `Retail.AddressBook`: one record and one address identity per saved address.
pub fn parse_addresses(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        let parts: Vec<&str> = [
            &["Address Line 1", "AddressLine1", "Street"][..],
            &["Address Line 2", "AddressLine2"],
            &["City"],
            &["State", "State/Province/Region"],
            &["Postal Code", "Zip Code", "ZIP"],
            &["Country", "Country Code"],
        ]
        .iter()
        .filter_map(|cols| value_any(row, cols))
        .collect();
        if parts.is_empty() {
            cx.warn(
                Some(row.index),
                format!("line {}: an address without a street or city", row.line),
            );
            return Ok(());
        }
        let address = parts.join(", ");
        cx.identity(IdentityKind::Address, &address);
        if let Some(name) = value_any(row, NAME) {
            cx.identity(IdentityKind::Name, name);
        }
        if let Some(phone) = value_any(row, PHONE) {
            cx.identity(IdentityKind::Phone, phone);
        }
        let r = Record::new("address", Category::IdentityContact)
            .title(format!("Saved address: {address}"))
            .data(&compact(row, &[]))
            .with_key(&[&address]);
        cx.emit(row.index, r)
    })
}

/// `Retail.PaymentOptions`: one record per card or account, never a full number.
pub fn parse_payment_options(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        let mut data = compact(row, &[]);
        if let Some(obj) = data.as_object_mut() {
            for v in obj.values_mut() {
                if let Some(s) = v.as_str() {
                    *v = serde_json::Value::String(mask_card_numbers(s));
                }
            }
        }
        let method =
            value_any(row, &["Card Type", "Payment Method", "Type"]).unwrap_or("Payment option");
        let last = value_any(row, &["Last Digits", "Last 4 Digits", "Card Number"])
            .map(last_four)
            .unwrap_or_default();
        if let Some(holder) =
            value_any(row, &["Name On Account", "Name On Card", "Cardholder Name"])
        {
            cx.identity(IdentityKind::Name, holder);
        }
        let title = if last.is_empty() {
            format!("Payment option: {method}")
        } else {
            format!("Payment option: {method} ending in {last}")
        };
        let r = Record::new("payment_option", Category::Purchases)
            .at(row_time(cx, row, &["Date Added", "Created Date"]))
            .title(title)
            .data(&data)
            .with_key(&[method, &last]);
        cx.emit(row.index, r)
    })
}

/// The last four digits of a card or account number.
fn last_four(s: &str) -> String {
    let digits: Vec<char> = s.chars().filter(char::is_ascii_digit).collect();
    digits[digits.len().saturating_sub(4)..].iter().collect()
}

/// Every run of 8 or more digits (spaces and dashes inside allowed) replaced by `•••• 1234`.
pub fn mask_card_numbers(s: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        let digits = run.chars().filter(char::is_ascii_digit).count();
        if digits >= 8 {
            out.push_str(&format!("•••• {}", last_four(run)));
            if run.ends_with([' ', '-']) {
                out.push(run.chars().last().unwrap_or(' '));
            }
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in s.chars() {
        if c.is_ascii_digit() || (!run.is_empty() && matches!(c, ' ' | '-')) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    #[test]
    fn card_numbers_are_masked() {
        for (raw, want) in [
            ("4111 1111 1111 1234", "•••• 1234"),
            (
                "Visa 4111-1111-1111-1234 exp 12/27",
                "Visa •••• 1234 exp 12/27",
            ),
            ("1234", "1234"),
            ("ends in 5678", "ends in 5678"),
        ] {
            assert_eq!(mask_card_numbers(raw), want, "{raw}");
        }
    }

    #[test]
    fn payment_options_keep_no_full_number() {
        let input = "Payment Method,Card Type,Last Digits,Name On Account,Notes\nCard,Visa,4111111111111234,Sam Doe,backup 5500000000000004\n";
        let (out, r) = MemorySink::run_parser("p.csv", input, parse_payment_options);
        r.unwrap();
        let rec = &out.records[0];
        assert_eq!(
            rec.title.as_deref(),
            Some("Payment option: Visa ending in 1234")
        );
        let data = rec.data.as_deref().unwrap();
        assert!(
            !data.contains("4111111111111234") && !data.contains("5500000000000004"),
            "{data}"
        );
        assert_eq!(out.identities.len(), 1);
    }

    #[test]
    fn profile_gives_the_account_and_identities() {
        let input = "\u{feff}\"Name\",\"Email\",\"Phone\",\"Account Created\"\n\"Sam Doe\",\"sam@example.com\",\"Not Available\",\"2012-05-01T00:00:00Z\"\n";
        assert_eq!(
            account_from_profile(input.as_bytes()).as_deref(),
            Some("sam@example.com")
        );
        let (out, r) = MemorySink::run_parser("p.csv", input, parse_profile);
        r.unwrap();
        assert_eq!(out.identities.len(), 2, "no phone from a placeholder");
        assert!(out.records[0].ts.is_some());
    }

    #[test]
    fn addresses_are_identities_and_empty_rows_warnings() {
        let input = "Full Name,Address Line 1,City,Postal Code,Country\nSam Doe,1 Main St,Springfield,12345,US\nSam Doe,Not Available,,N/A,\n";
        let (out, r) = MemorySink::run_parser("a.csv", input, parse_addresses);
        r.unwrap();
        assert_eq!(out.records.len(), 1);
        assert!(out
            .identities
            .iter()
            .any(|i| i.value == "1 Main St, Springfield, 12345, US"));
        assert!(out.warnings[0].message.contains("line 3"));
    }
}
