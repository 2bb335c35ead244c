//! Who the account is and which outside accounts are linked to it:
//!
//! - `statistics.csv`: `statistic,value` rows (`account name`, `email`, `registration date`,
//!   `registration ip`, `karma`, …): the username and e-mail are identities, every row a
//!   `statistic` record; the account name is the archive's account.
//! - `birthdate.csv` (`birthdate,verified_birthdate`), `linked_phone_number.csv`
//!   (`phone_number`): identities and one record each.
//! - `linked_identities.csv` (`issuer_id,subject_id`): "Sign in with Google/Apple". The
//!   issuer is an OpenID issuer URL (`https://accounts.google.com`); it names the provider,
//!   a `connected_app` that holds a login link to the Reddit account. The subject id is
//!   opaque and stays in `data`.

use crate::formats::csv_export::{each_row, find_row, record, value, RowSpec};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, IdentityKind, Relation};
use std::io::Read;

/// `statistics.csv` is a few dozen lines; more than this is not read for the account.
pub const MAX_ACCOUNT_BYTES: usize = 64 * 1024;

const STATISTIC: RowSpec = RowSpec::new(
    "statistic",
    Category::IdentityContact,
    &["{statistic}: {value}", "{statistic}"],
)
.key(&["statistic", "value"]);
/// `birthdate.csv`.
pub(super) const BIRTHDATE: RowSpec = RowSpec::new(
    "birthdate",
    Category::Demographics,
    &["Birth date {birthdate}"],
)
.key(&["birthdate"])
.identities(&[("birthdate", IdentityKind::BirthDate)]);
/// `linked_phone_number.csv`.
pub(super) const PHONE: RowSpec = RowSpec::new(
    "phone_number",
    Category::IdentityContact,
    &["Phone number {phone_number}"],
)
.key(&["phone_number"])
.identities(&[("phone_number", IdentityKind::Phone)]);
const LINKED: RowSpec = RowSpec::new(
    "linked_identity",
    Category::IdentityContact,
    &["Sign-in linked from {issuer_id}"],
)
.key(&["issuer_id", "subject_id"]);

/// Statistic names as they appear (spacing and casing drift: `account name`, `account_name`).
fn statistic_is(name: &str, wanted: &str) -> bool {
    crate::formats::csv_table::norm_column(name) == wanted
}

/// `statistics.csv`.
pub fn parse_statistics(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        if let (Some(name), Some(v)) = (value(row, "statistic"), value(row, "value")) {
            if statistic_is(name, "accountname") {
                cx.identity(IdentityKind::Username, v);
            } else if statistic_is(name, "email") {
                cx.identity(IdentityKind::Email, v);
            }
        }
        let r = record(cx, &STATISTIC, row);
        cx.emit(row.index, r)
    })
}

/// The provider behind an OpenID issuer: known issuers by name, else the issuer's host.
pub fn provider_of(issuer: &str) -> String {
    let issuer = issuer.trim().to_ascii_lowercase();
    let host = issuer
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .split(['/', '?'])
        .next()
        .unwrap_or("")
        .to_string();
    match host.as_str() {
        "accounts.google.com" | "google.com" | "google" => "Google".into(),
        "appleid.apple.com" | "apple.com" | "apple" => "Apple".into(),
        "login.microsoftonline.com" | "login.live.com" => "Microsoft".into(),
        "www.facebook.com" | "facebook.com" => "Meta".into(),
        _ => host,
    }
}

/// `linked_identities.csv`: one `linked_identity` per provider link.
pub fn parse_linked_identities(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        let mut r = record(cx, &LINKED, row);
        match value(row, "issuer_id")
            .map(provider_of)
            .filter(|p| !p.is_empty())
        {
            Some(provider) => {
                r.title = Some(format!(
                    "Sign in with {provider} linked to your Reddit account"
                ));
                r = r.company(provider, Relation::ConnectedApp);
            }
            None => cx.warn(Some(row.index), format!("line {}: no issuer_id", row.line)),
        }
        cx.emit(row.index, r)
    })
}

/// The account: `account name` of `statistics.csv`, else its `email`.
pub fn account_from_statistics(head: &[u8]) -> Option<String> {
    let mut email = None;
    let name = find_row(head, |row| {
        let (name, v) = (value(row, "statistic")?, value(row, "value")?);
        if statistic_is(name, "email") {
            email = Some(v.to_string());
        }
        statistic_is(name, "accountname").then(|| v.to_string())
    });
    name.or(email)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    #[test]
    fn providers_from_issuers() {
        for (issuer, want) in [
            ("https://accounts.google.com", "Google"),
            ("https://appleid.apple.com/", "Apple"),
            ("HTTPS://ACCOUNTS.GOOGLE.COM", "Google"),
            ("https://id.example.com/oidc", "id.example.com"),
        ] {
            assert_eq!(provider_of(issuer), want, "{issuer}");
        }
    }

    #[test]
    fn linked_identities_name_the_provider() {
        let input = "\u{feff}issuer_id,subject_id\nhttps://accounts.google.com,1089\nhttps://appleid.apple.com,000123.abc\n,42\n";
        let (out, r) =
            MemorySink::run_parser("linked_identities.csv", input, parse_linked_identities);
        r.unwrap();
        let names: Vec<_> = out
            .records
            .iter()
            .filter_map(|r| r.company.as_ref())
            .map(|c| (c.name.as_str(), c.relation))
            .collect();
        assert_eq!(
            names,
            [
                ("Google", Relation::ConnectedApp),
                ("Apple", Relation::ConnectedApp)
            ]
        );
        assert_eq!(out.records.len(), 3);
        assert!(out.warnings[0].message.contains("line 4"));
    }

    #[test]
    fn account_and_identities_from_statistics() {
        let input =
            "\u{feff}statistic,value\nemail,sam@example.com\naccount name,sam_r\nkarma,12\n";
        assert_eq!(
            account_from_statistics(input.as_bytes()).as_deref(),
            Some("sam_r")
        );
        assert_eq!(
            account_from_statistics(b"statistic,value\nemail,e@example.com\n").as_deref(),
            Some("e@example.com")
        );
        assert_eq!(account_from_statistics(b""), None);
        let (out, r) = MemorySink::run_parser("statistics.csv", input, parse_statistics);
        r.unwrap();
        let ids: Vec<String> = out
            .identities
            .iter()
            .map(|i| format!("{}={}", i.kind.as_str(), i.value))
            .collect();
        assert_eq!(ids, ["email=sam@example.com", "username=sam_r"]);
        assert_eq!(out.records.len(), 3);
    }
}
