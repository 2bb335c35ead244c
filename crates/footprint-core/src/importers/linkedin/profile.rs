//! The account owner's own identifiers: `Profile.csv` (one row: `First Name, Last Name,
//! Maiden Name, Address, Birth Date, Headline, Summary, Industry, Zip Code, Geo Location,
//! Twitter Handles, Websites, Instant Messengers`), `Email Addresses.csv` (`Email Address,
//! Confirmed, Primary, Updated On`) and `PhoneNumbers.csv` (`Extension, Number, Type`).

use crate::formats::csv_export::{each_row, find_row, record, value, RowSpec};
use crate::formats::csv_table::Row;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, IdentityKind};
use std::io::Read;

/// `Email Addresses.csv` is a few lines; more than this is not read for the account.
pub const MAX_ACCOUNT_BYTES: usize = 64 * 1024;

const PROFILE: RowSpec = RowSpec::new(
    "profile",
    Category::IdentityContact,
    &[
        "Profile of {First Name} {Last Name}: {Headline}",
        "Profile of {First Name} {Last Name}",
    ],
)
.body(&["Summary"])
.key(&["First Name", "Last Name"]);
/// `Email Addresses.csv`: every address is an identity.
pub(super) const EMAIL: RowSpec = RowSpec::new(
    "email_address",
    Category::IdentityContact,
    &["E-mail address {Email Address}"],
)
.time(&["Updated On"])
.key(&["Email Address"])
.identities(&[("Email Address", IdentityKind::Email)]);
/// `PhoneNumbers.csv`: every number is an identity.
pub(super) const PHONE: RowSpec = RowSpec::new(
    "phone_number",
    Category::IdentityContact,
    &["Phone number {Number} ({Type})", "Phone number {Number}"],
)
.key(&["Number"])
.identities(&[("Number", IdentityKind::Phone)]);

/// `Profile.csv`: name, birth date and address become identities.
pub fn parse_profile(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        let name = [value(row, "First Name"), value(row, "Last Name")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        cx.identity(IdentityKind::Name, &name);
        if let Some(birth) = value(row, "Birth Date") {
            cx.identity(IdentityKind::BirthDate, birth);
        }
        if let Some(address) = value(row, "Address") {
            cx.identity(IdentityKind::Address, address);
        }
        for handle in row.multi("Twitter Handles") {
            cx.identity(
                IdentityKind::Username,
                handle.trim_matches(|c| c == '[' || c == ']'),
            );
        }
        let r = record(cx, &PROFILE, row);
        cx.emit(row.index, r)
    })
}

fn is_yes(row: &Row<'_>, column: &str) -> bool {
    value(row, column)
        .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "yes" | "true" | "1"))
}

/// The account: the primary address of `Email Addresses.csv` (else the first).
pub fn account_from_emails(head: &[u8]) -> Option<String> {
    let mut first = None;
    let primary = find_row(head, |row| {
        let email = value(row, "Email Address")?;
        first.get_or_insert_with(|| email.to_string());
        is_yes(row, "Primary").then(|| email.to_string())
    });
    primary.or(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    #[test]
    fn account_is_the_primary_address() {
        for (input, want) in [
            ("Email Address,Confirmed,Primary,Updated On\nold@example.com,Yes,No,\nnew@example.com,Yes,Yes,\n", Some("new@example.com")),
            ("\u{feff}email address,confirmed,primary\nonly@example.com,No,No\n", Some("only@example.com")),
            ("Email Address,Confirmed,Primary\n", None),
            ("", None),
        ] {
            assert_eq!(account_from_emails(input.as_bytes()).as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn profile_gives_identities_and_one_record() {
        let input = "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Twitter Handles\nAda,Lovelace,,\"1 Main St, Lyon\",Dec 10,Engineer,\"Line one\nline two\",[ada]\n";
        let (out, r) = MemorySink::run_parser("Profile.csv", input, parse_profile);
        r.unwrap();
        let ids: Vec<String> = out
            .identities
            .iter()
            .map(|i| format!("{}={}", i.kind.as_str(), i.value))
            .collect();
        assert_eq!(
            ids,
            [
                "name=Ada Lovelace",
                "birth_date=Dec 10",
                "address=1 Main St, Lyon",
                "username=ada"
            ]
        );
        assert_eq!(
            out.records[0].title.as_deref(),
            Some("Profile of Ada Lovelace: Engineer")
        );
        assert_eq!(out.records[0].body.as_deref(), Some("Line one\nline two"));
    }
}
