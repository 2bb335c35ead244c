//! Servers ("guilds") the user is a member of.
//!
//! - `servers/index.json`: `{"<server id>": "Server name"}`.
//! - `servers/<id>/guild.json`: `{id, name}` (sometimes more fields).
//! - `servers/<id>/audit-log.json`: only for servers the user manages, `[{id, user_id,
//!   target_id, action_type, reason?, changes[...]}]`; the time of an entry is in its id
//!   (a Discord snowflake).

use super::{read_small_json, server_id_of, snowflake_ms};
use crate::formats::lenient::{self, field};
use crate::importer::{ImportCx, ParseError};
use crate::json_stream::{stream_json, JsonItem};
use crate::model::{Category, Record};
use serde_json::{json, Value};
use std::io::Read;

fn emit_server(
    cx: &mut ImportCx<'_>,
    index: u64,
    id: &str,
    name: Option<String>,
) -> Result<(), ParseError> {
    let r = Record::new("server", Category::SocialGraph)
        .title(format!(
            "Member of server {}",
            name.as_deref().unwrap_or(id)
        ))
        .data(&json!({"server_id": id, "name": name}))
        .with_key(&[id]);
    cx.emit(index, r)
}

/// Parse `servers/index.json`.
pub fn parse_index(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(v) = read_small_json(reader, cx)? else {
        return Ok(());
    };
    let Value::Object(map) = v else {
        return Err(ParseError::Structure(format!(
            "{}: the server index is not an object",
            cx.file
        )));
    };
    for (i, (id, name)) in map.iter().enumerate() {
        emit_server(cx, i as u64, id, lenient::text(Some(name)))?;
    }
    Ok(())
}

/// Parse one `guild.json`.
pub fn parse_guild(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(v) = read_small_json(reader, cx)? else {
        return Ok(());
    };
    let Some(id) = field(&v, &["id"]).or_else(|| server_id_of(cx.file)) else {
        return Err(ParseError::Structure(format!(
            "{}: server without an id",
            cx.file
        )));
    };
    emit_server(cx, 0, &id, field(&v, &["name"]))
}

/// Parse `audit-log.json`, streamed (large servers have long logs).
pub fn parse_audit_log(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let server = server_id_of(cx.file).unwrap_or_default();
    stream_json(reader, &["*"], &mut |item| {
        let JsonItem::Element { index, raw, .. } = item else {
            return Ok(());
        };
        let v: Value = match serde_json::from_slice(raw) {
            Ok(v @ Value::Object(_)) => v,
            Ok(_) | Err(_) => {
                cx.warn(
                    Some(index),
                    format!("audit log entry {index}: not an object, skipped"),
                );
                return Ok(());
            }
        };
        let id = field(&v, &["id"]).unwrap_or_default();
        let action = field(&v, &["action_type"]).unwrap_or_else(|| "?".into());
        let data = json!({
            "server_id": server,
            "action_type": action,
            "user_id": field(&v, &["user_id"]),
            "target_id": field(&v, &["target_id"]),
            "reason": field(&v, &["reason"]),
            "changes": lenient::list(lenient::get(&v, "changes")).len(),
        });
        let r = Record::new("server_audit_entry", Category::ActivityBrowsing)
            .at(snowflake_ms(&id))
            .title(format!("Audit log of server {server}: action {action}"))
            .data(&data)
            .with_key(&[&server, &id]);
        cx.emit(index, r)
    })
}

#[cfg(test)]
mod tests {
    use super::super::parser::{AUDIT_LOG, GUILD, SERVER_INDEX};
    use super::super::test_support::{ok, run};

    #[test]
    fn servers_and_audit_log() {
        let out = ok(
            SERVER_INDEX,
            "servers/index.json",
            r#"{"300": "Climbers", "301": null}"#,
        );
        assert_eq!(
            out.records[0].title.as_deref(),
            Some("Member of server Climbers")
        );
        assert_eq!(
            out.records[1].title.as_deref(),
            Some("Member of server 301")
        );
        let out = ok(GUILD, "servers/300/guild.json", r#"{"name": "Climbers"}"#);
        assert_eq!(
            out.records[0].key,
            ok(SERVER_INDEX, "servers/index.json", r#"{"300": "x"}"#).records[0].key
        );
        let out = ok(
            AUDIT_LOG,
            "servers/300/audit-log.json",
            r#"[{"id": "175928847299117063", "action_type": 1}, 3]"#,
        );
        assert_eq!(out.records.len(), 1);
        assert_eq!(out.records[0].ts, Some(1_462_015_105_796));
        assert_eq!(out.warnings.len(), 1);
        let (_, r) = run(SERVER_INDEX, "servers/index.json", "[]");
        assert!(r.is_err());
    }
}
