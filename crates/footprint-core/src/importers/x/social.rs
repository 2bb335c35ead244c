//! Followers, accounts followed, blocked and muted.
//!
//! `follower.js` `[{"follower": {accountId, userLink}}]`, `following.js` (`following`),
//! `block.js` (`blocking`), `mute.js` (`muting`). Only account ids: the archive names no
//! one, so these are people, never companies.

use super::read::each_item;
use super::text;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record};
use serde::Serialize;
use std::io::Read;

/// Which list a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Follower,
    Following,
    Blocked,
    Muted,
}

impl Link {
    fn as_str(self) -> &'static str {
        match self {
            Link::Follower => "follower",
            Link::Following => "following",
            Link::Blocked => "blocked",
            Link::Muted => "muted",
        }
    }
    fn words(self) -> &'static str {
        match self {
            Link::Follower => "Follower",
            Link::Following => "You follow",
            Link::Blocked => "You blocked",
            Link::Muted => "You muted",
        }
    }
}

/// Parse one of the four lists: one `connection` record per account.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>, link: Link) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out<'a> {
        relation: &'a str,
        account_id: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        link: Option<String>,
    }
    each_item(reader, cx, link.as_str(), &mut |cx, index, v| {
        let Some(id) = text(&v, &["accountId", "account_id", "id"]) else {
            cx.warn(
                Some(index),
                format!("{} {index}: no accountId, skipped", link.as_str()),
            );
            return Ok(());
        };
        let r = Record::new("connection", Category::SocialGraph)
            .title(format!("{}: account {id}", link.words()))
            .data(&Out {
                relation: link.as_str(),
                account_id: &id,
                link: text(&v, &["userLink"]),
            })
            .with_key(&[link.as_str(), &id]);
        cx.emit(index, r)
    })
}

#[cfg(test)]
mod tests {
    use crate::importers::x::parser::*;
    use crate::importers::x::test_support::{data, js, ok};

    #[test]
    fn four_lists() {
        for (tag, t, key, rel) in [
            (FOLLOWER, "follower", "follower", "follower"),
            (FOLLOWING, "following", "following", "following"),
            (BLOCK, "block", "blocking", "blocked"),
            (MUTE, "mute", "muting", "muted"),
        ] {
            let input = js(
                t,
                &format!(
                    r#"[{{"{key}": {{"accountId": "42", "userLink": "https://twitter.com/intent/user?user_id=42"}}}}, {{"{key}": {{}}}}]"#
                ),
            );
            let out = ok(tag, &format!("data/{t}.js"), &input);
            assert_eq!(out.records.len(), 1, "{t}");
            assert_eq!(data(&out.records[0])["relation"], rel);
            assert_eq!(out.warnings.len(), 1);
        }
        assert!(ok(MUTE, "data/mute.js", "window.YTD.mute.part0 = [ ]")
            .records
            .is_empty());
    }
}
