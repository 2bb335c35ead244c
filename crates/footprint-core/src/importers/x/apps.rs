//! Connected applications: apps and websites the user let into the account ("Log in with
//! X", read/write access). `connected-application.js`: `[{"connectedApplication":
//! {organization{name, url, privacyPolicyUrl}, name, description, permissions[], approvedAt,
//! id}}]`. The company is the organization (else the app's name), relation `connected_app`.

use super::read::each_item;
use super::{strings, text, time_field};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record, Relation};
use serde::Serialize;
use std::io::Read;

/// Parse `connected-application.js`.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out {
        #[serde(skip_serializing_if = "Option::is_none")]
        app: Option<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        permissions: Vec<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        url: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    }
    each_item(reader, cx, "connected application", &mut |cx, index, v| {
        let org = v.get("organization");
        let app = text(&v, &["name"]);
        let Some(company) = org.and_then(|o| text(o, &["name"])).or_else(|| app.clone()) else {
            cx.warn(
                Some(index),
                format!("connected application {index}: no name, skipped"),
            );
            return Ok(());
        };
        let ts = time_field(cx, index, &v, &["approvedAt"]);
        let id = text(&v, &["id"]);
        let key = id.clone().unwrap_or_else(|| company.clone());
        let out = Out {
            permissions: strings(v.get("permissions"), &[]),
            url: org.and_then(|o| text(o, &["url"])),
            app,
            id,
        };
        let r = Record::new("connected_app", Category::IdentityContact)
            .at(ts)
            .title(format!("{company} {}", Relation::ConnectedApp.label()))
            .company(&company, Relation::ConnectedApp)
            .data(&out)
            .with_key(&[&key]);
        cx.emit(index, r)
    })
}

#[cfg(test)]
mod tests {
    use crate::importers::x::parser::*;
    use crate::importers::x::test_support::{data, js, ok};
    use crate::model::Relation;

    #[test]
    fn organization_or_app_name() {
        let input = js(
            "connected_application",
            r#"[{"connectedApplication": {"organization": {"name": "Spotify", "url": "https://spotify.example.com"}, "name": "Spotify Web", "permissions": ["read", "emailaddress"], "approvedAt": "2023-02-22T17:34:49.000Z", "id": "1"}},
               {"connectedApplication": {"name": "Buffer", "permissions": null}},
               {"connectedApplication": {"permissions": ["read"]}}]"#,
        );
        let out = ok(CONNECTED_APPS, "data/connected-application.js", &input);
        let c: Vec<_> = out
            .records
            .iter()
            .map(|r| r.company.clone().unwrap())
            .collect();
        assert_eq!(
            (c[0].name.as_str(), c[0].relation),
            ("Spotify", Relation::ConnectedApp)
        );
        assert_eq!(c[1].name, "Buffer");
        assert_eq!(data(&out.records[0])["permissions"][1], "emailaddress");
        assert_eq!(out.warnings.len(), 1);
    }
}
