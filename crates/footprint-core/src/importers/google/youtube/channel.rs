//! The user's own channel: `channels/channel.csv` (`Channel ID, [Channel Country, Channel
//! Description (Original),] Channel Title (Original), Channel Visibility`; French
//! `chaînes/chaîne.csv`, Spanish `canal.csv`) and `channels/channel URL configs.csv`
//! (`Channel ID, Channel Vanity URL 1 Name, ... 2 Name`: the `@handle`s). Both name the user:
//! their channel IDs, titles and handles become identities, and the first channel ID is the
//! account of a YouTube-only Takeout (which has no Google profile).

use super::columns::{self as c, Col};
use super::read_table;
use crate::formats::csv_table::CsvTable;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, IdentityKind, Record};
use crate::testing::MemorySink;
use serde::Serialize;
use std::io::Read;

#[derive(Serialize)]
struct ChannelData<'x> {
    #[serde(rename = "channelId")]
    channel_id: &'x str,
    #[serde(skip_serializing_if = "Option::is_none")]
    visibility: Option<&'x str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'x str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    handles: Vec<&'x str>,
}

struct ChannelCols {
    id: Col,
    title: Col,
    visibility: Col,
    country: Col,
}

fn channel_cols(h: &[String]) -> ChannelCols {
    ChannelCols {
        id: Col::find(h, &c::OWN_CHANNEL_ID),
        title: Col::find(h, &c::OWN_CHANNEL_TITLE),
        visibility: Col::find(h, &c::OWN_CHANNEL_VISIBILITY),
        country: Col::find(h, &c::OWN_CHANNEL_COUNTRY),
    }
}

/// `channel.csv`: one record per channel; ID and title as identities.
pub fn parse_channel(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    read_table(reader, cx, "channel", channel_cols, |cols, row, cx| {
        let Some(id) = cols.id.get(row) else {
            return Err("no channel ID".into());
        };
        let title = cols.title.get(row);
        cx.identity(IdentityKind::Username, id);
        if let Some(t) = title {
            cx.identity(IdentityKind::Name, t);
        }
        let data = ChannelData {
            channel_id: id,
            visibility: cols.visibility.get(row),
            country: cols.country.get(row),
            handles: Vec::new(),
        };
        Ok(Some(
            Record::new("channel", Category::IdentityContact)
                .title(title.unwrap_or(id))
                .data(&data)
                .with_key(&[id]),
        ))
    })
}

/// `channel URL configs.csv`: the channel's handles (`@name`), as identities.
pub fn parse_channel_urls(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    read_table(
        reader,
        cx,
        "channel handle",
        |h| [&c::OWN_CHANNEL_ID, &c::VANITY_NAME_1, &c::VANITY_NAME_2].map(|f| Col::find(h, f)),
        |[id, first, second], row, cx| {
            let Some(id) = id.get(row) else {
                return Err("no channel ID".into());
            };
            let handles: Vec<&str> = [first.get(row), second.get(row)]
                .into_iter()
                .flatten()
                .collect();
            if handles.is_empty() {
                return Err("no handle".into());
            }
            for h in &handles {
                cx.identity(
                    IdentityKind::Username,
                    &format!("@{}", h.trim_start_matches('@')),
                );
            }
            let data = ChannelData {
                channel_id: id,
                visibility: None,
                country: None,
                handles: handles.clone(),
            };
            Ok(Some(
                Record::new("channel_handle", Category::IdentityContact)
                    .title(format!("@{}", handles[0].trim_start_matches('@')))
                    .data(&data)
                    .with_key(&[id, &handles.join(",")]),
            ))
        },
    )
}

/// The first channel ID of a `channel.csv` head: the account of a YouTube-only Takeout.
pub fn account_of(head: &[u8]) -> Option<String> {
    let mut table = CsvTable::new(head).ok()?;
    let cols = channel_cols(table.header());
    // The head is a small prefix; rows are read without a file context.
    let mut sink = MemorySink::default();
    let mut cx = ImportCx::new("channel.csv", &mut sink);
    let row = table.next_row(&mut cx)?;
    cols.id.get(&row).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::super::super::test_support::{data, run};
    use super::*;
    use crate::model::Identity;

    #[test]
    fn channel_names_the_user() {
        let input = "Channel ID,Channel Country,Channel Description (Original),Channel Title (Original),Channel Visibility\n\
            UCabc,DE,\"Recipes, mostly\",Alex Cooks,Public\n";
        let (out, res) = run("channels/channel.csv", input, parse_channel);
        res.unwrap();
        let r = &out.records[0];
        assert_eq!((r.kind, r.category), ("channel", Category::IdentityContact));
        assert_eq!(r.title.as_deref(), Some("Alex Cooks"));
        assert_eq!(data(r)["visibility"], "Public");
        let ids: Vec<(IdentityKind, &str)> = out
            .identities
            .iter()
            .map(|Identity { kind, value }| (*kind, value.as_str()))
            .collect();
        assert_eq!(
            ids,
            [
                (IdentityKind::Username, "UCabc"),
                (IdentityKind::Name, "Alex Cooks")
            ]
        );
        assert_eq!(account_of(input.as_bytes()).as_deref(), Some("UCabc"));
        // Spanish.
        let es = "ID de canal,Título del canal (original),Visibilidad del canal\nUCes,Canal de Ana,Público\n";
        let (out, _) = run("canal/canal.csv", es, parse_channel);
        assert_eq!(out.records[0].title.as_deref(), Some("Canal de Ana"));
        assert_eq!(account_of(b"Channel ID\n"), None);
    }

    #[test]
    fn handles_become_usernames() {
        let input = "Channel ID,Channel Vanity URL 1 Name,Channel Vanity URL 2 Name\nUCabc,alexcooks,\nUCdef,,\n";
        let (out, res) = run(
            "channels/channel URL configs.csv",
            input,
            parse_channel_urls,
        );
        res.unwrap();
        assert_eq!(out.records.len(), 1);
        assert_eq!(out.records[0].title.as_deref(), Some("@alexcooks"));
        assert_eq!(out.identities[0].value, "@alexcooks");
        assert_eq!(out.warnings.len(), 1, "the row without a handle");
    }
}
