//! `account/user.json`: one object with the account (`id`, `username`, `discriminator` until
//! 2023, `global_name` since, `email`, `phone`, `ip`, `verified`, `premium_until`), the
//! accounts of other services connected to it (`connections[{type, id, name, visibility,
//! verified, revoked, friend_sync, show_activity}]`: the package's third parties), friends
//! and blocks (`relationships[{id, type, nickname, user{username, global_name}}]`),
//! `payments[{id, created_at, amount, currency, status, description, sku_id}]`,
//! `entitlements`, per-server settings (`guild_settings[{guild_id, muted, ...}]`), the game
//! library (`library_applications[{application{id, name}, created_at}]`), play time
//! (`user_activity_application_statistics[{application_id, total_duration,
//! last_played_at}]`) and private `notes{user_id: text}`. Every list may be missing,
//! `null` or empty.

use super::{connections, id_text, read_small_json, time_of};
use crate::formats::lenient::{self, field, list};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, IdentityKind, Record, Relation};
use serde_json::{json, Value};
use std::io::Read;

/// `relationships[].type` in words (Discord's relationship types).
fn relationship_kind(t: Option<i64>) -> &'static str {
    match t {
        Some(1) => "friend",
        Some(2) => "blocked",
        Some(3) => "incoming friend request",
        Some(4) => "outgoing friend request",
        Some(5) => "implicit (suggested)",
        _ => "relationship",
    }
}

/// The account an export belongs to: the e-mail, else the username.
pub fn account_of(bytes: &[u8]) -> Option<String> {
    let v: Value = serde_json::from_slice(crate::formats::strip_bom(bytes)).ok()?;
    field(&v, &["email"]).or_else(|| field(&v, &["username"]))
}

/// The user's handle as people type it: `name` since the 2023 username change, `name#1234`
/// before (discriminator `0` means "no discriminator").
fn handle(user: &Value) -> Option<String> {
    let name = field(user, &["username"])?;
    match field(user, &["discriminator"]) {
        Some(d) if d != "0" && d != "0000" => Some(format!("{name}#{d}")),
        _ => Some(name),
    }
}

/// Parse `user.json`.
pub fn parse_user(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(user) = read_small_json(reader, cx)? else {
        return Ok(());
    };
    if !user.is_object() {
        return Err(ParseError::Structure(format!(
            "{}: user.json is not an object",
            cx.file
        )));
    }
    profile(&user, cx)?;
    connected_accounts(&user, cx)?;
    relationships(&user, cx)?;
    payments(&user, cx)?;
    entitlements(&user, cx)?;
    guild_settings(&user, cx)?;
    library(&user, cx)?;
    play_time(&user, cx)?;
    notes(&user, cx)
}

fn profile(user: &Value, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let id = field(user, &["id"]).unwrap_or_default();
    let handle = handle(user);
    if let Some(h) = &handle {
        cx.identity(IdentityKind::Username, h);
    }
    if let Some(n) = field(user, &["global_name"]) {
        cx.identity(IdentityKind::Name, &n);
    }
    if let Some(e) = field(user, &["email"]) {
        cx.identity(IdentityKind::Email, &e);
    }
    if let Some(p) = field(user, &["phone"]) {
        cx.identity(IdentityKind::Phone, &p);
    }
    let data = json!({
        "id": id,
        "username": field(user, &["username"]),
        "discriminator": field(user, &["discriminator"]),
        "global_name": field(user, &["global_name"]),
        "email": field(user, &["email"]),
        "phone": field(user, &["phone"]),
        "verified": field(user, &["verified"]),
        "has_mobile": field(user, &["has_mobile"]),
        "premium_until": field(user, &["premium_until"]),
        "flags": field(user, &["flags"]),
    });
    let r = Record::new("profile", Category::IdentityContact)
        .title(format!(
            "Discord account {}",
            handle.as_deref().unwrap_or(&id)
        ))
        .data(&data)
        .with_key(&[&id]);
    cx.emit(0, r)?;
    if let Some(ip) = field(user, &["ip"]) {
        let r = Record::new("ip_address", Category::DevicesLogins)
            .title(format!("IP address Discord recorded: {ip}"))
            .data(&json!({"ip": ip, "source": "user.json"}))
            .with_key(&[&ip]);
        cx.emit(0, r)?;
    }
    Ok(())
}

/// Run `f` over the elements of a list field, with their index.
fn each(
    user: &Value,
    key: &str,
    cx: &mut ImportCx<'_>,
    mut f: impl FnMut(u64, &Value, &mut ImportCx<'_>) -> Result<(), ParseError>,
) -> Result<(), ParseError> {
    for (i, v) in list(lenient::get(user, key)).iter().enumerate() {
        if !v.is_object() {
            cx.warn(Some(i as u64), format!("{key} {i}: not an object, skipped"));
            continue;
        }
        f(i as u64, v, cx)?;
    }
    Ok(())
}

fn connected_accounts(user: &Value, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each(user, "connections", cx, |i, c, cx| {
        let Some(kind) = field(c, &["type"]) else {
            cx.warn(Some(i), format!("connection {i}: no type, skipped"));
            return Ok(());
        };
        let name = field(c, &["name"]);
        let (service, company) = connections::service_of(&kind, name.as_deref());
        let id = field(c, &["id"]).unwrap_or_default();
        let data = json!({
            "type": kind,
            "service": service,
            "account": name,
            "account_id": id,
            "visibility": field(c, &["visibility"]),
            "verified": field(c, &["verified"]),
            "revoked": field(c, &["revoked"]),
            "friend_sync": field(c, &["friend_sync"]),
            "show_activity": field(c, &["show_activity"]),
        });
        let title = match &name {
            Some(n) => format!("{service} account {n} connected to Discord"),
            None => format!("{service} account connected to Discord"),
        };
        let r = Record::new("connected_account", Category::IdentityContact)
            .title(title)
            .company(company, Relation::ConnectedApp)
            .data(&data)
            .with_key(&[&kind, &id]);
        cx.emit(i, r)
    })
}

fn relationships(user: &Value, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each(user, "relationships", cx, |i, r, cx| {
        let other = lenient::get(r, "user").cloned().unwrap_or(Value::Null);
        let id = field(r, &["id"])
            .or_else(|| field(&other, &["id"]))
            .unwrap_or_default();
        let kind = relationship_kind(lenient::get(r, "type").and_then(Value::as_i64));
        let who = handle(&other)
            .or_else(|| field(&other, &["global_name"]))
            .unwrap_or_else(|| id.clone());
        let data = json!({
            "relationship": kind,
            "user_id": id,
            "username": handle(&other),
            "global_name": field(&other, &["global_name"]),
            "nickname": field(r, &["nickname"]),
            "since": field(r, &["since"]),
        });
        let rec = Record::new("relationship", Category::SocialGraph)
            .at(field(r, &["since"]).as_deref().and_then(time_of))
            .title(format!("{}: {who}", capitalized(kind)))
            .data(&data)
            .with_key(&[&id, kind]);
        cx.emit(i, rec)
    })
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn payments(user: &Value, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each(user, "payments", cx, |i, p, cx| {
        let id = field(p, &["id"]).unwrap_or_default();
        let amount = lenient::get(p, "amount").and_then(Value::as_f64);
        let currency = field(p, &["currency"]).unwrap_or_default().to_uppercase();
        let description = field(p, &["description"]).unwrap_or_else(|| "Discord purchase".into());
        // Discord writes amounts in the currency's minor unit (cents).
        let shown = amount
            .map(|a| format!(" {:.2} {currency}", a / 100.0))
            .unwrap_or_default();
        let data = json!({
            "amount_minor": amount,
            "currency": currency,
            "amount_refunded": lenient::get(p, "amount_refunded"),
            "status": field(p, &["status"]),
            "description": description,
            "sku_id": field(p, &["sku_id"]),
            "payment_source_type": lenient::path(p, &[&["payment_source"], &["type"]]),
        });
        let r = Record::new("payment", Category::Purchases)
            .at(field(p, &["created_at"]).as_deref().and_then(time_of))
            .title(format!("Payment: {description}{shown}"))
            .data(&data)
            .with_key(&[&id]);
        cx.emit(i, r)
    })
}

fn entitlements(user: &Value, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each(user, "entitlements", cx, |i, e, cx| {
        let id = field(e, &["id"]).unwrap_or_default();
        let name = lenient::path(e, &[&["sku"], &["name"]])
            .and_then(Value::as_str)
            .map(str::to_string)
            .or_else(|| field(e, &["sku_id"]))
            .unwrap_or_else(|| id.clone());
        let data = json!({
            "sku_id": field(e, &["sku_id"]),
            "application_id": field(e, &["application_id"]),
            "type": field(e, &["type"]),
            "ends_at": field(e, &["ends_at"]),
        });
        let r = Record::new("entitlement", Category::Purchases)
            .at(field(e, &["starts_at"]).as_deref().and_then(time_of))
            .title(format!("Entitlement: {name}"))
            .data(&data)
            .with_key(&[&id]);
        cx.emit(i, r)
    })
}

fn guild_settings(user: &Value, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each(user, "guild_settings", cx, |i, g, cx| {
        // The settings of direct messages have no guild (`guild_id: null`).
        let guild =
            id_text(lenient::get(g, "guild_id")).unwrap_or_else(|| "direct messages".into());
        let overrides = list(lenient::get(g, "channel_overrides")).len();
        let data = json!({
            "guild_id": guild,
            "muted": field(g, &["muted"]),
            "message_notifications": field(g, &["message_notifications"]),
            "suppress_everyone": field(g, &["suppress_everyone"]),
            "channel_overrides": overrides,
        });
        let r = Record::new("server_settings", Category::SocialGraph)
            .title(format!("Notification settings for server {guild}"))
            .data(&data)
            .with_key(&[&guild]);
        cx.emit(i, r)
    })
}

fn library(user: &Value, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each(user, "library_applications", cx, |i, l, cx| {
        let app = lenient::get(l, "application")
            .cloned()
            .unwrap_or(Value::Null);
        let app_id = field(&app, &["id"])
            .or_else(|| field(l, &["application_id"]))
            .unwrap_or_default();
        let name = field(&app, &["name"]).unwrap_or_else(|| format!("application {app_id}"));
        let r = Record::new("library_application", Category::MediaConsumption)
            .at(field(l, &["created_at"]).as_deref().and_then(time_of))
            .title(format!("In your game library: {name}"))
            .data(&json!({"application_id": app_id, "name": name, "sku_id": field(l, &["sku_id"])}))
            .with_key(&[&app_id]);
        cx.emit(i, r)
    })
}

fn play_time(user: &Value, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each(
        user,
        "user_activity_application_statistics",
        cx,
        |i, s, cx| {
            let app_id = field(s, &["application_id"]).unwrap_or_default();
            let secs = lenient::get(s, "total_duration")
                .and_then(Value::as_i64)
                .unwrap_or(0);
            let r = Record::new("application_played", Category::MediaConsumption)
            .at(field(s, &["last_played_at"]).as_deref().and_then(time_of))
            .title(format!("Played application {app_id} for {} h", secs / 3600))
            .data(&json!({"application_id": app_id, "total_duration_s": secs, "total_discord_sku_duration": lenient::get(s, "total_discord_sku_duration")}))
            .with_key(&[&app_id]);
            cx.emit(i, r)
        },
    )
}

fn notes(user: &Value, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(Value::Object(notes)) = lenient::get(user, "notes") else {
        return Ok(());
    };
    for (i, (user_id, note)) in notes.iter().enumerate() {
        let Some(text) = note.as_str().map(str::trim).filter(|t| !t.is_empty()) else {
            continue;
        };
        let r = Record::new("note", Category::SocialGraph)
            .title(format!("Your note about user {user_id}"))
            .body(text)
            .data(&json!({"user_id": user_id}))
            .with_key(&[user_id]);
        cx.emit(i as u64, r)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::parser::USER;
    use super::super::test_support::{data, ok, run};
    use crate::model::Relation;

    const USER_JSON: &str = r#"{
        "id": "100", "username": "sam.rivera42", "discriminator": "0", "global_name": "Sam Rivera",
        "email": "sam.rivera42@example.com", "phone": "+15550101234", "ip": "203.0.113.7",
        "connections": [
            {"type": "steam", "id": "7656", "name": "samr", "visibility": 1},
            {"type": "youtube", "id": "UC1", "name": "Sam R"},
            {"type": "domain", "id": "example.org", "name": "example.org"},
            {"id": "x"}
        ],
        "relationships": [{"id": "200", "type": 1, "nickname": null, "user": {"id": "200", "username": "kim", "discriminator": "1234"}}],
        "payments": [{"id": "p1", "created_at": "2021-05-01T10:00:00.000000+00:00", "currency": "usd", "amount": 999, "status": 1, "description": "Nitro Monthly"}],
        "guild_settings": [{"guild_id": null, "muted": false}, {"guild_id": "300", "muted": true, "channel_overrides": [{}, {}]}],
        "notes": {"200": "met at the climbing gym", "201": ""},
        "library_applications": null,
        "entitlements": ""
    }"#;

    #[test]
    fn user_json_gives_identities_connections_and_lists() {
        let out = ok(USER, "account/user.json", USER_JSON);
        let ids: Vec<String> = out
            .identities
            .iter()
            .map(|i| format!("{}={}", i.kind.as_str(), i.value))
            .collect();
        assert_eq!(
            ids,
            [
                "username=sam.rivera42",
                "name=Sam Rivera",
                "email=sam.rivera42@example.com",
                "phone=+15550101234"
            ]
        );
        let companies: Vec<(String, Relation)> = out
            .records
            .iter()
            .filter_map(|r| r.company.as_ref().map(|c| (c.name.clone(), c.relation)))
            .collect();
        assert_eq!(
            companies,
            [
                ("Valve".to_string(), Relation::ConnectedApp),
                ("Google".into(), Relation::ConnectedApp),
                ("example.org".into(), Relation::ConnectedApp)
            ]
        );
        assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
        assert!(out.warnings[0].message.contains("connection 3"));
        let kinds: Vec<&str> = out.records.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                "profile",
                "ip_address",
                "connected_account",
                "connected_account",
                "connected_account",
                "relationship",
                "payment",
                "server_settings",
                "server_settings",
                "note"
            ]
        );
        let friend = out
            .records
            .iter()
            .find(|r| r.kind == "relationship")
            .unwrap();
        assert_eq!(friend.title.as_deref(), Some("Friend: kim#1234"));
        let pay = out.records.iter().find(|r| r.kind == "payment").unwrap();
        assert_eq!(
            pay.title.as_deref(),
            Some("Payment: Nitro Monthly 9.99 USD")
        );
        assert_eq!(pay.ts, Some(1_619_863_200_000));
        assert_eq!(data(&out.records[7])["guild_id"], "direct messages");
    }

    #[test]
    fn empty_truncated_and_wrong_files() {
        let (out, r) = run(USER, "account/user.json", "");
        assert!(r.is_ok() && out.records.is_empty() && out.warnings.len() == 1);
        let (_, r) = run(USER, "account/user.json", r#"{"id": "1", "username": "a""#);
        assert!(r.unwrap_err().to_string().contains("account/user.json"));
        let (_, r) = run(USER, "account/user.json", "[1, 2]");
        assert!(r.is_err());
    }

    #[test]
    fn account_prefers_email() {
        assert_eq!(
            super::account_of(br#"{"username": "a", "email": "a@example.com"}"#),
            Some("a@example.com".into())
        );
        assert_eq!(super::account_of(br#"{"username": "a"}"#), Some("a".into()));
        assert_eq!(super::account_of(b"not json"), None);
    }
}
