//! Friends, followers and following: Facebook `friends_v2[{name, timestamp}]` (and the removed,
//! sent, received and following lists beside it), Instagram `followers_1.json` (a top-level
//! array) and `following.json` (`{relationships_following:[...]}`) of `{title,
//! string_list_data[{href, value, timestamp}]}`, where the username moved from `value` to
//! `title` in 2025. Instagram 2019's flat `connections.json` holds every list as an object
//! of `username: ISO time` (`followers`, `following`, `blocked_users`, `close_friends`,
//! `follow_requests_sent`, `following_hashtags`); older Facebook keys lack the `_v2`.

use super::activity::{each_element, IgLeaf};
use super::{emit_label_values_element, file_stem, fx_opt, Secs};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record};
use serde::{Deserialize, Serialize};
use std::io::Read;

/// What kind of tie a list holds, from its top-level key, else from the file name.
pub(crate) fn relation_of(key: &str, file: &str) -> &'static str {
    let by_key = match key {
        "friends_v2" | "friends" => Some("friend"),
        "deleted_friends_v2" | "removed_friends_v2" | "deleted_friends" => Some("removed_friend"),
        "sent_requests_v2" | "sent_requests" => Some("sent_request"),
        "received_requests_v2" | "received_requests" => Some("received_request"),
        "rejected_requests_v2" | "rejected_requests" => Some("rejected_request"),
        "following_v3" | "following_v2" | "following" | "relationships_following" => Some("following"),
        "followers_v2" | "followers" | "relationships_followers" => Some("follower"),
        "relationships_close_friends" | "close_friends" => Some("close_friend"),
        "blocked_users" | "relationships_blocked_users" => Some("blocked"),
        "follow_requests_sent" => Some("follow_request_sent"),
        "following_hashtags" => Some("following_hashtag"),
        _ => None,
    };
    if let Some(r) = by_key {
        return r;
    }
    let stem = file_stem(file).to_ascii_lowercase();
    if stem.starts_with("followers") || stem.contains("follow_you") {
        "follower"
    } else if stem.starts_with("following") || stem == "who_you_follow" {
        "following"
    } else if stem.contains("removed") {
        "removed_friend"
    } else if stem.contains("friend") {
        "friend"
    } else {
        "connection"
    }
}

pub(crate) fn label(relation: &str) -> &'static str {
    match relation {
        "friend" => "Friend",
        "removed_friend" => "Removed friend",
        "sent_request" => "Friend request sent to",
        "received_request" => "Friend request from",
        "rejected_request" => "Friend request declined from",
        "following" => "Following",
        "follower" => "Follower",
        "close_friend" => "Close friend",
        "blocked" => "Blocked",
        "follow_request_sent" => "Follow request sent to",
        "following_hashtag" => "Following hashtag",
        _ => "Connection",
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawConnection {
    name: Option<String>,
    timestamp: Secs,
    title: Option<String>,
    string_list_data: Vec<IgLeaf>,
}

#[derive(Serialize)]
struct ConnectionOut<'a> {
    relation: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<String>,
}

/// Parse a friends / followers / following file.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let file = cx.file.to_string();
    each_element(reader, cx, &mut |cx, key, index, v| {
        if emit_label_values_element(cx, index, &v, "connection", Category::SocialGraph)? {
            return Ok(());
        }
        let c: RawConnection = match serde_json::from_value(v) {
            Ok(c) => c,
            Err(e) => {
                cx.warn(Some(index), format!("connection {index}: {e}"));
                return Ok(());
            }
        };
        let leaf = c.string_list_data.first().cloned().unwrap_or_default();
        // Facebook: name. Instagram until 2024: string_list_data[0].value. 2025: title.
        let name = fx_opt(c.name.as_deref())
            .or_else(|| fx_opt(leaf.value.as_deref()))
            .or_else(|| fx_opt(c.title.as_deref()));
        let Some(name) = name else {
            cx.warn(Some(index), format!("connection {index}: no name, value or title"));
            return Ok(());
        };
        let relation = relation_of(key, &file);
        let ts = c.timestamp.ms().or(leaf.timestamp.ms());
        let out = ConnectionOut {
            relation,
            name: &name,
            link: fx_opt(leaf.href.as_deref()),
        };
        let r = Record::new("connection", Category::SocialGraph)
            .at(ts)
            .title(format!("{}: {name}", label(relation)))
            .data(&out)
            .with_key(&[relation, &name]);
        cx.emit(index, r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::importers::meta::parser::CONNECTIONS;
    use crate::importers::meta::test_support::{data, moji, ok};

    fn titles(out: &crate::importers::meta::test_support::Out) -> Vec<String> {
        out.records.iter().map(|r| r.title.clone().unwrap()).collect()
    }

    #[test]
    fn facebook_friends_with_mojibake() {
        let json = format!(
            r#"{{"friends_v2": [{{"name": "{}", "timestamp": 1400000000}}, {{"name": "Kim Novak", "timestamp": 1500000000}}]}}"#,
            moji("Björn Søndergaard")
        );
        let out = ok(CONNECTIONS, "connections/friends/your_friends.json", &json);
        assert_eq!(titles(&out), ["Friend: Björn Søndergaard", "Friend: Kim Novak"]);
        assert_eq!(out.records[0].ts, Some(1_400_000_000_000));
        assert_eq!(out.records[0].category, Category::SocialGraph);
        let sent = r#"{"sent_requests_v2": [{"name": "Lou Rossi", "timestamp": 1}]}"#;
        let out = ok(CONNECTIONS, "friends_and_followers/sent_friend_requests.json", sent);
        assert_eq!(titles(&out), ["Friend request sent to: Lou Rossi"]);
    }

    #[test]
    fn followers_top_level_array_vs_relationships_following() {
        let followers = r#"[{"title": "", "media_list_data": [], "string_list_data": [
            {"href": "https://www.instagram.com/noa.j", "value": "noa.j", "timestamp": 1600000000}]}]"#;
        let out = ok(CONNECTIONS, "followers_and_following/followers_1.json", followers);
        assert_eq!(titles(&out), ["Follower: noa.j"]);
        assert_eq!(data(&out.records[0])["link"], "https://www.instagram.com/noa.j");

        let following = r#"{"relationships_following": [{"title": "", "string_list_data": [
            {"href": "https://www.instagram.com/kim", "value": "kim", "timestamp": 1600000001}]}]}"#;
        let out = ok(CONNECTIONS, "followers_and_following/following.json", following);
        assert_eq!(titles(&out), ["Following: kim"]);
        assert_eq!(data(&out.records[0])["relation"], "following");
    }

    #[test]
    fn username_in_title_2025() {
        let following = r#"{"relationships_following": [{"title": "elif.k", "string_list_data": [
            {"href": "https://www.instagram.com/_u/elif.k", "timestamp": 1730000000}]}]}"#;
        let out = ok(CONNECTIONS, "connections/followers_and_following/following.json", following);
        assert_eq!(titles(&out), ["Following: elif.k"]);
        assert_eq!(out.records[0].ts, Some(1_730_000_000_000));
        let followers = r#"[{"title": "mika", "string_list_data": [{"href": "x", "timestamp": 1730000000}]}, {"string_list_data": []}]"#;
        let out = ok(CONNECTIONS, "connections/followers_and_following/followers_1.json", followers);
        assert_eq!(titles(&out), ["Follower: mika"]);
        assert_eq!(out.warnings.len(), 1);
    }

    #[test]
    fn instagram_2019_connections_objects_and_facebook_2018_keys() {
        let json = r#"{"blocked_users": {"spam.bot": "2018-05-01T10:00:00+00:00"}, "close_friends": {},
            "followers": {"noa.j": "2019-01-02T10:00:00+00:00", "kim": "2019-01-03T10:00:00+00:00"},
            "following": {"sam.r": "2019-01-04T10:00:00+00:00"}, "following_hashtags": {"cycling": "2019-01-05T10:00:00+00:00"}}"#;
        let out = ok(CONNECTIONS, "connections.json", json);
        assert_eq!(
            titles(&out),
            // Pairs of one list come in name order.
            ["Blocked: spam.bot", "Follower: kim", "Follower: noa.j", "Following: sam.r", "Following hashtag: cycling"]
        );
        assert_eq!(out.records[2].ts, Some(1_546_423_200_000));
        let fb2018 = r#"{"deleted_friends": [{"name": "Lou Rossi", "timestamp": 1500000000}]}"#;
        let out = ok(CONNECTIONS, "friends/removed_friends.json", fb2018);
        assert_eq!(titles(&out), ["Removed friend: Lou Rossi"]);
    }
}
