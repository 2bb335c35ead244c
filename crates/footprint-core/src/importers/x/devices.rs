//! Logins and devices.
//!
//! - `ip-audit.js`: `[{"ipAudit": {accountId, createdAt, loginIp}}]` (ISO times), one per
//!   login X recorded.
//! - `device-token.js`: `[{"deviceToken": {clientApplicationId, token, createdAt, lastSeenAt,
//!   clientApplicationName}}]`; `createdAt` is `1970-01-01T00:00:00.000Z` when unknown. The
//!   token is a credential: it only feeds the key, it is never stored.

use super::read::each_item;
use super::{text, time_field, ts_key};
use crate::importer::{ImportCx, ParseError};
use crate::model::{key_of, Category, Record};
use serde::Serialize;
use std::io::Read;

/// Parse `ip-audit.js`: one `login` per element.
pub fn parse_ip_audit(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out<'a> {
        ip: &'a str,
    }
    each_item(reader, cx, "login", &mut |cx, index, v| {
        let Some(ip) = text(&v, &["loginIp", "ip"]) else {
            cx.warn(Some(index), format!("login {index}: no loginIp, skipped"));
            return Ok(());
        };
        let ts = time_field(cx, index, &v, &["createdAt", "loginAt"]);
        let r = Record::new("login", Category::DevicesLogins)
            .at(ts)
            .title(format!("Login from {ip}"))
            .data(&Out { ip: &ip })
            .with_key(&[&ip, &ts_key(ts)]);
        cx.emit(index, r)
    })
}

/// Parse `device-token.js`: one `device_token` per element (first and last seen).
pub fn parse_device_tokens(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out {
        #[serde(skip_serializing_if = "Option::is_none")]
        app: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        app_id: Option<String>,
    }
    each_item(reader, cx, "device token", &mut |cx, index, v| {
        let app = text(&v, &["clientApplicationName"]);
        let app_id = text(&v, &["clientApplicationId"]);
        let created = time_field(cx, index, &v, &["createdAt"]);
        let seen = time_field(cx, index, &v, &["lastSeenAt"]);
        // The token identifies the device; only its hash is kept (in the key).
        let token = text(&v, &["token"])
            .map(|t| key_of("x_token", &[&t]).to_string())
            .unwrap_or_default();
        let title = format!(
            "Device signed in with {}",
            app.as_deref().unwrap_or("an X app")
        );
        let r = Record::new("device_token", Category::DevicesLogins)
            .at(created.or(seen))
            .until(seen)
            .title(title)
            .data(&Out { app, app_id })
            .with_key(&[&token, &ts_key(created)]);
        cx.emit(index, r)
    })
}

#[cfg(test)]
mod tests {
    use crate::importers::x::parser::*;
    use crate::importers::x::test_support::{js, ok};
    use crate::model::Category;

    #[test]
    fn logins_and_tokens() {
        let ips = js(
            "ip_audit",
            r#"[{"ipAudit": {"accountId": "1", "createdAt": "2024-01-02T03:04:05.000Z", "loginIp": "192.0.2.7"}}, {"ipAudit": {"createdAt": "x"}}]"#,
        );
        let out = ok(IP_AUDIT, "data/ip-audit.js", &ips);
        assert_eq!(out.records.len(), 1);
        assert_eq!(
            (out.records[0].category, out.records[0].title.as_deref()),
            (Category::DevicesLogins, Some("Login from 192.0.2.7"))
        );
        let tokens = js(
            "device_token",
            r#"[{"deviceToken": {"clientApplicationId": "-1", "token": "SECRET", "createdAt": "1970-01-01T00:00:00.000Z", "lastSeenAt": "2022-11-09T23:37:04.699Z", "clientApplicationName": ""}}]"#,
        );
        let out = ok(DEVICE_TOKEN, "data/device-token.js", &tokens);
        let r = &out.records[0];
        assert_eq!(
            r.ts,
            Some(1_668_037_024_699),
            "the epoch sentinel falls back to last seen"
        );
        assert!(
            !r.data.as_deref().unwrap().contains("SECRET"),
            "the token is never stored"
        );
        assert!(
            out.warnings.is_empty(),
            "a sentinel is no warning: {:?}",
            out.warnings
        );
    }
}
