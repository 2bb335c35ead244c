//! Apps installed from Google Play: `Google Play Store/Installs.json` = `[{install: {doc:
//! {documentType, title}, firstInstallationTime, lastUpdateTime, deviceAttribute:
//! {manufacturer, model, deviceDisplayName, ...}}}]`. Each app is a third party on the user's
//! device, so each install names its app as a company.

use super::{element, Str};
use crate::importer::{ImportCx, ParseError};
use crate::json_stream::{stream_json, JsonItem};
use crate::model::{Category, Record, Relation};
use serde::{Deserialize, Serialize};
use std::io::Read;

#[derive(Deserialize)]
struct Entry<'a> {
    #[serde(borrow)]
    install: Option<Install<'a>>,
}

#[derive(Deserialize)]
struct Install<'a> {
    #[serde(borrow)]
    doc: Option<Doc<'a>>,
    #[serde(borrow, rename = "firstInstallationTime")]
    first_installed: Option<Str<'a>>,
    #[serde(borrow, rename = "lastUpdateTime")]
    last_update: Option<Str<'a>>,
    #[serde(borrow, rename = "deviceAttribute")]
    device: Option<Device<'a>>,
}

#[derive(Deserialize)]
struct Doc<'a> {
    #[serde(borrow)]
    title: Option<Str<'a>>,
    #[serde(borrow, rename = "documentType")]
    document_type: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct Device<'a> {
    #[serde(borrow)]
    manufacturer: Option<Str<'a>>,
    #[serde(borrow)]
    model: Option<Str<'a>>,
    #[serde(borrow, rename = "deviceDisplayName")]
    display_name: Option<Str<'a>>,
}

#[derive(Serialize)]
struct InstallData<'x> {
    #[serde(skip_serializing_if = "Option::is_none")]
    device: Option<String>,
    #[serde(rename = "lastUpdateTime", skip_serializing_if = "Option::is_none")]
    last_update: Option<&'x str>,
    #[serde(rename = "documentType", skip_serializing_if = "Option::is_none")]
    document_type: Option<&'x str>,
}

/// Parse `Installs.json`.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    stream_json(reader, &[], &mut |item| {
        let JsonItem::Element { index, raw, .. } = item else {
            return Ok(());
        };
        let Some(entry) = element::<Entry>(cx, index, raw, "app install") else {
            return Ok(());
        };
        let install = entry.install;
        let title = install
            .as_ref()
            .and_then(|i| i.doc.as_ref())
            .and_then(|d| crate::text::non_empty(d.title.as_deref()));
        let (Some(install), Some(title)) = (install, title) else {
            cx.warn(
                Some(index),
                format!("app install {index} skipped: no app title"),
            );
            return Ok(());
        };
        let raw_time = install.first_installed.as_deref().unwrap_or("");
        let ts = crate::time::iso_ms(raw_time);
        if ts.is_none() {
            cx.warn(
                Some(index),
                format!("app install {index} has no readable firstInstallationTime"),
            );
        }
        let device = install.device.as_ref().and_then(device_name);
        let data = InstallData {
            device: device.clone(),
            last_update: install.last_update.as_deref(),
            document_type: install
                .doc
                .as_ref()
                .and_then(|d| d.document_type.as_deref()),
        };
        let record = Record::new("app_install", Category::DevicesLogins)
            .at(ts)
            .title(title.clone())
            .data(&data)
            .with_key(&[&title, raw_time, device.as_deref().unwrap_or("")])
            .company(title, Relation::InstalledApp);
        cx.emit(index, record)
    })
}

/// "Pixel 7" or "Google Pixel 7" from what the device attribute offers.
fn device_name(d: &Device<'_>) -> Option<String> {
    if let Some(n) = crate::text::non_empty(d.display_name.as_deref()) {
        return Some(n);
    }
    let parts: Vec<&str> = [d.manufacturer.as_deref(), d.model.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{data, run};
    use super::*;

    #[test]
    fn installs_name_the_app() {
        let input = r#"[
          {"install": {"doc": {"documentType": "Android Apps", "title": "Strava"}, "firstInstallationTime": "2023-05-01T10:00:00.000Z",
                       "deviceAttribute": {"manufacturer": "Google", "deviceDisplayName": "Pixel 7"}, "lastUpdateTime": "2024-01-01T00:00:00Z"}},
          {"install": {"doc": {"title": "Duolingo"}, "firstInstallationTime": "2022-01-01T00:00:00Z", "deviceAttribute": {"manufacturer": "Samsung", "model": "SM-G991B"}}},
          {"install": {"doc": {}}}
        ]"#;
        let (out, res) = run("Takeout/Google Play Store/Installs.json", input, parse);
        res.unwrap();
        assert_eq!(out.records.len(), 2);
        let r = &out.records[0];
        assert_eq!(
            (r.kind, r.category),
            ("app_install", Category::DevicesLogins)
        );
        assert_eq!(r.title.as_deref(), Some("Strava"));
        assert_eq!(r.ts, Some(1_682_935_200_000));
        let c = r.company.as_ref().unwrap();
        assert_eq!(
            (c.name.as_str(), c.relation),
            ("Strava", Relation::InstalledApp)
        );
        assert_eq!(data(r)["device"], "Pixel 7");
        assert_eq!(data(&out.records[1])["device"], "Samsung SM-G991B");
        assert_eq!(out.warnings.len(), 1);
        assert_eq!(out.warnings[0].position, Some(2));
    }
}
