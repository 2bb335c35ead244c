//! Logins and account activity: when the account was used, from where and on what device.
//!
//! Shapes (older generations; the 2021+ Instagram `account_history_login_history` is written
//! as `string_map_data` records and read by the generic walker, which understands those):
//! - Facebook 2018-20 `security_and_login_information/account_activity.json`:
//!   `account_activity[_v2][{action, timestamp, ip_address, user_agent, datr_cookie, city,
//!   region, country, site_name}]` (Unix seconds);
//! - Instagram 2019 `account_history.json`: `login_history[{cookie_name, ip_address,
//!   language_code, timestamp, user_agent, device_id}]` (ISO-8601 text), also
//!   `logout_history` and `password_change_history` of the same shape.

use super::{element, fx_opt, Secs};
use crate::importer::{ImportCx, ParseError};
use crate::json_stream::{stream_json, JsonItem};
use crate::model::{Category, Record};
use serde::Deserialize;
use std::io::Read;

/// The lists that hold one login or account event per element.
const LISTS: &[&str] = &[
    "account_activity_v2",
    "account_activity",
    "login_history",
    "logout_history",
    "password_change_history",
];

#[derive(Deserialize)]
struct Event {
    #[serde(default)]
    action: Option<String>,
    #[serde(default)]
    timestamp: Secs,
    #[serde(default)]
    ip_address: Option<String>,
    #[serde(default)]
    user_agent: Option<String>,
    #[serde(default)]
    city: Option<String>,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    site_name: Option<String>,
    #[serde(default)]
    device_id: Option<String>,
}

/// What the list's name says the events are, when they carry no `action`.
fn action_of_list(key: &str) -> &'static str {
    match key {
        "logout_history" => "Logout",
        "password_change_history" => "Password change",
        _ => "Login",
    }
}

/// One login or account event, from either format (the HTML twin fills it from its rows).
pub(crate) struct Login {
    pub action: String,
    pub ts: Option<i64>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// City, region, country, as far as known.
    pub place: Vec<String>,
    pub site: Option<String>,
    pub device_id: Option<String>,
}

impl Login {
    /// The record both formats give: kind `login`, keyed by action, time, address and agent.
    pub fn record(self) -> Record {
        let mut title = self.action.clone();
        if let Some(ip) = &self.ip {
            title.push_str(&format!(" from {ip}"));
        }
        if !self.place.is_empty() {
            title.push_str(&format!(" ({})", self.place.join(", ")));
        }
        let place = (!self.place.is_empty()).then(|| self.place.join(", "));
        let data = serde_json::json!({
            "action": &self.action,
            "ip_address": &self.ip,
            "user_agent": &self.user_agent,
            "place": place,
            "site": &self.site,
            "device_id": &self.device_id,
        });
        let ts_key = crate::model::ts_key(self.ts);
        let ip = self.ip.as_deref().unwrap_or("");
        let agent = self.user_agent.as_deref().unwrap_or("");
        Record::new("login", Category::DevicesLogins)
            .at(self.ts)
            .title(title)
            .data(&data)
            .with_key(&[&self.action, &ts_key, ip, agent])
    }
}

pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let mut index = 0u64;
    stream_json(reader, LISTS, &mut |item| {
        let JsonItem::Element { key, raw, .. } = item else { return Ok(()) };
        let i = index;
        index += 1;
        let Some(e) = element::<Event>(cx, i, raw, "login") else { return Ok(()) };
        let action = fx_opt(e.action.as_deref()).unwrap_or_else(|| action_of_list(key).to_string());
        let place = [&e.city, &e.region, &e.country].iter().filter_map(|v| fx_opt(v.as_deref())).collect();
        let login = Login {
            action,
            ts: e.timestamp.ms(),
            ip: fx_opt(e.ip_address.as_deref()),
            user_agent: fx_opt(e.user_agent.as_deref()),
            place,
            site: fx_opt(e.site_name.as_deref()),
            device_id: fx_opt(e.device_id.as_deref()),
        };
        let record = login.record();
        cx.emit(i, record)
    })
}

#[cfg(test)]
mod tests {
    use crate::importers::meta::parser::LOGINS;
    use crate::importers::meta::test_support::ok;

    #[test]
    fn facebook_account_activity_and_instagram_login_history() {
        let fb = r#"{"account_activity": [{"action": "Login", "timestamp": 1546300800, "ip_address": "198.51.100.10",
            "user_agent": "Mozilla/5.0", "city": "Malm\u00c3\u00b6", "country": "SE"}, {"timestamp": 0}]}"#;
        let out = ok(LOGINS, "security_and_login_information/account_activity.json", fb);
        assert_eq!(out.records.len(), 2);
        assert_eq!(out.records[0].title.as_deref(), Some("Login from 198.51.100.10 (Malmö, SE)"));
        assert_eq!(out.records[0].ts, Some(1_546_300_800_000));
        assert_eq!(out.records[1].ts, None, "0 is no date");
        let ig = r#"{"login_history": [{"cookie_name": "c", "ip_address": "203.0.113.40", "timestamp": "2019-01-02T10:00:00+00:00",
            "user_agent": "Instagram 100.0 Android", "device_id": "android-0001"}],
            "logout_history": [{"ip_address": "203.0.113.41", "timestamp": "2019-01-03T10:00:00+00:00"}],
            "registration_info": {"registration_username": "sam"}}"#;
        let out = ok(LOGINS, "account_history.json", ig);
        let titles: Vec<_> = out.records.iter().map(|r| r.title.clone().unwrap()).collect();
        assert_eq!(titles, ["Login from 203.0.113.40", "Logout from 203.0.113.41"]);
        assert_eq!(out.records[0].ts, Some(1_546_423_200_000));
        assert_ne!(out.records[0].key, out.records[1].key);
    }
}
