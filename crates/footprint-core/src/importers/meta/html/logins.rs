//! Logins, account events and pokes on the HTML pages (`account_activity.html`,
//! `pokes.html`): the pages spell the JSON keys out as row labels ("Ip address", "User
//! agent", "Poker") with the event's date in the footer, and become the JSON parsers' records
//! ([`crate::importers::meta::logins::Login`], [`crate::importers::meta::pokes::poke_record`]),
//! so a "both" export counts each event once. The labels are the JSON keys in words (~: as
//! the generated pages write them; Meta's own pages for these older files are not documented).

use super::page::{each_box, MetaBox};
use crate::importer::{ImportCx, ParseError};
use crate::importers::meta::logins::Login;
use crate::importers::meta::{fx, pokes};
use std::io::Read;

/// The value of the row whose label is `key` spelled out (`ip_address` = "Ip address").
fn field(b: &MetaBox, key: &str) -> Option<String> {
    let want: String = key.chars().filter(|c| c.is_alphanumeric()).collect();
    b.value(|l| {
        let have: String = l.chars().filter(|c| c.is_alphanumeric()).collect();
        have.eq_ignore_ascii_case(&want)
    })
    .map(fx)
    .filter(|v| !v.is_empty())
}

pub fn parse_logins(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_box(reader, cx, |cx, b| {
        let place = ["city", "region", "country"].iter().filter_map(|k| field(&b, k)).collect();
        let login = Login {
            action: field(&b, "action").unwrap_or_else(|| "Login".to_string()),
            ts: b.ts,
            ip: field(&b, "ip_address"),
            user_agent: field(&b, "user_agent"),
            place,
            site: field(&b, "site_name"),
            device_id: field(&b, "device_id"),
        };
        cx.emit(b.index, login.record())
    })?;
    Ok(())
}

pub fn parse_pokes(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_box(reader, cx, |cx, b| {
        let rank = field(&b, "rank").and_then(|r| r.parse().ok());
        cx.emit(b.index, pokes::poke_record(field(&b, "poker"), field(&b, "pokee"), rank, b.ts))
    })?;
    Ok(())
}
