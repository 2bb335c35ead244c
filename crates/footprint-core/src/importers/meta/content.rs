//! Which Meta file is which from its content, for files whose name no rule in [`paths`]
//! knows: the same data under an older name or folder (`apps_and_websites.json` for the
//! connected apps, 2018 `ads/`, 2019-20 `ads_and_businesses/`, Instagram's flat 2019 files),
//! a renamed copy, or a file inside a 2024+ section that would otherwise only be walked
//! generically. Recognized by the key sets each parser understands, read from the file's
//! first bytes ([`crate::formats::sniff`]), so a third-party file is parsed by its parser
//! (and its companies found) whatever it is called.
//!
//! Rules are tried in order, most specific first: a message thread also has `reactions`
//! keys, a profile a `name`, so those are decided before the lists that use such keys.

use super::{parser, paths, Platform};
use crate::formats::{lenient::norm_key, sniff};
use crate::importer::FileRole;

/// One content rule: the file is `parser`'s when its head has one of `any` keys and every
/// one of `all` keys (keys compared in [`norm_key`] form, at the depths
/// [`sniff::json_keys`] reads).
struct Rule {
    parser: &'static str,
    any: &'static [&'static str],
    all: &'static [&'static str],
}

const fn rule(parser: &'static str, any: &'static [&'static str], all: &'static [&'static str]) -> Rule {
    Rule { parser, any, all }
}

/// The key sets of every Meta parser, old and new spellings (`_v2`-less keys are the
/// 2018-2020 and Instagram forms).
const RULES: &[Rule] = &[
    // Third parties first: these are what the content rules exist for.
    rule(parser::ADVERTISERS_USING, &["custom_audiences_all_types_v2", "custom_audiences_all_types", "ig_custom_audiences_all_types"], &[]),
    rule(parser::ADVERTISERS_USING, &["has_data_file_custom_audience", "has_remarketing_custom_audience"], &["advertiser_name"]),
    rule(parser::CONTACT_LISTS, &["custom_audiences_v2", "custom_audiences"], &[]),
    rule(parser::OFF_META, &["off_facebook_activity_v2", "off_facebook_activity", "apps_and_websites_off_meta_activity"], &[]),
    rule(parser::CONNECTED_APPS, &["installed_apps_v2", "installed_apps"], &[]),
    rule(parser::LEAD_FORMS, &["lead_gen_info_v2", "lead_gen_info", "ig_lead_gen_info"], &[]),
    rule(parser::ADS_VIEWED, &["impressions_history_ads_seen"], &[]),
    rule(parser::ADS_CLICKED, &["impressions_history_ads_clicked"], &[]),
    rule(parser::AD_INTERACTIONS, &["history_v2", "history"], &["action"]),
    // Instagram 2019 `seen_content.json`: ads seen and clicked beside posts seen.
    rule(parser::SEEN_CONTENT, &["ads_seen", "ads_clicked", "posts_seen", "videos_watched"], &[]),
    // Messages and profiles before the lists whose keys they share.
    rule(parser::MESSAGES, &["messages"], &["participants"]),
    rule(parser::IG_CONVERSATIONS, &["conversation"], &["participants"]),
    rule(parser::PROFILE, &["profile_v2", "profile_user"], &[]),
    rule(parser::PROFILE, &["profile"], &["name"]),
    rule(parser::PROFILE, &["date_joined", "biography", "profile_pic_url"], &["username"]),
    // Content: 2018 `status_updates`, Instagram 2019 `media.json`.
    rule(parser::POSTS, &["status_updates"], &[]),
    rule(parser::POSTS, &["photos", "videos", "stories"], &["taken_at"]),
    rule(parser::COMMENTS, &["comments_v2", "comments", "comments_media_comments", "media_comments"], &[]),
    rule(parser::LIKES, &["reactions_v2", "reactions", "page_likes_v2", "page_likes", "likes_media_likes", "likes_comment_likes", "media_likes", "comment_likes"], &[]),
    rule(
        parser::CONNECTIONS,
        &[
            "friends_v2", "friends", "deleted_friends_v2", "deleted_friends", "removed_friends_v2",
            "sent_requests_v2", "sent_requests", "received_requests_v2", "received_requests",
            "rejected_requests_v2", "rejected_requests", "following_v3", "following_v2",
            "relationships_following", "relationships_followers", "relationships_close_friends",
            "followers_v2",
            // Instagram 2019 `connections.json`: objects of `username: time`.
            "follow_requests_sent", "blocked_users", "following_hashtags",
        ],
        &[],
    ),
    rule(parser::CONNECTIONS, &["followers", "following"], &[]),
    rule(parser::AD_INTERESTS, &["topics_v2", "topics", "inferred_data_ig_interest", "topics_your_topics", "bcts"], &[]),
    // Logins and account events (2018-20 `account_activity`, Instagram 2019
    // `account_history.json`).
    rule(parser::LOGINS, &["account_activity_v2", "account_activity", "login_history"], &[]),
    // Instagram 2021-22 `login_activity.json`: `string_map_data` records the generic walker reads.
    rule(parser::GENERIC, &["account_history_login_history", "account_history_logout_history"], &[]),
    rule(parser::POKES, &["pokes_v2", "pokes"], &[]),
];

/// A posts file as a top-level array (`your_posts_1.json` under another name):
/// `[{timestamp, data[{post}], attachments, title}]`. `post` sits deeper than the sniffer
/// reads, so it is looked for in the head's text.
fn is_post_array(head: &[u8], keys: &[String]) -> bool {
    let s = crate::formats::strip_bom(head);
    let starts_array = s.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
    let has = |k: &str| keys.iter().any(|x| *x == norm_key(k));
    starts_array && has("timestamp") && has("data") && !has("label_values") && mentions_key(s, "post")
}

/// Whether `"key":` occurs anywhere in the text (any depth).
fn mentions_key(s: &[u8], key: &str) -> bool {
    let needle = format!("\"{key}\"");
    let n = needle.as_bytes();
    s.windows(n.len()).enumerate().any(|(i, w)| {
        w == n && s[i + n.len()..].iter().find(|b| !b.is_ascii_whitespace()) == Some(&b':')
    })
}

/// The role of a Meta JSON file from its first bytes, or `None` when no rule knows it.
/// A JSON file inside a 2024+ section that no rule knows is walked generically, as the
/// name rules used to do for it.
pub fn classify(path: &str, head: &[u8], _platform: Platform) -> Option<FileRole> {
    if !path.to_ascii_lowercase().ends_with(".json") {
        return None;
    }
    let keys = sniff::json_keys(head);
    let has = |k: &&str| keys.contains(&norm_key(k));
    let by_keys = RULES
        .iter()
        .find(|r| r.any.iter().any(has) && r.all.iter().all(has))
        .map(|r| r.parser)
        .or_else(|| is_post_array(head, &keys).then_some(parser::POSTS));
    match by_keys {
        Some(p) => Some(FileRole::Parse(p)),
        None if paths::in_section(path) => Some(FileRole::Parse(parser::GENERIC)),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(path: &str, head: &str) -> Option<FileRole> {
        classify(path, head.as_bytes(), Platform::Facebook)
    }

    fn parsed(path: &str, head: &str) -> &'static str {
        match role(path, head) {
            Some(FileRole::Parse(p)) => p,
            other => panic!("{path}: {head}: {other:?}"),
        }
    }

    #[test]
    fn older_third_party_files_by_their_keys() {
        let cases: &[(&str, &str, &str)] = &[
            // 2020-21 connected apps under the old name, and 2018 without `_v2`.
            ("apps_and_websites/apps_and_websites.json", r#"{"installed_apps_v2": [{"name": "Spotify", "added_timestamp": 1"#, parser::CONNECTED_APPS),
            ("apps_and_websites/apps_and_websites.json", r#"{"installed_apps": [{"name": "Spotify"#, parser::CONNECTED_APPS),
            ("ads/contact_uploads.json", "\u{feff}{\n  \"custom_audiences\": [\"Acxiom\", \"Exp", parser::CONTACT_LISTS),
            ("ads_and_businesses/your_off_facebook_activity.json", r#"{"off_facebook_activity": [{"name": "Zalando", "events": [{"id": 1"#, parser::OFF_META),
            ("x/advertisers.json", r#"{"custom_audiences_all_types_v2": [{"advertiser_name": "Nike""#, parser::ADVERTISERS_USING),
            ("x/advertisers.json", r#"[{"advertiser_name": "Nike", "has_data_file_custom_audience": true"#, parser::ADVERTISERS_USING),
            ("instagram/ads.json", r#"{"ig_custom_audiences_all_types": [{"advertiser_name": "Nike"#, parser::ADVERTISERS_USING),
            ("ads/interacted.json", r#"{"history": [{"title": "Nike", "action": "Clicked ad", "timestamp": 1"#, parser::AD_INTERACTIONS),
            ("seen_content.json", r#"{"posts_seen": [], "ads_seen": [{"timestamp": "2019-01-02T10:00:00+00:00", "author": "Nike"}]"#, parser::SEEN_CONTENT),
        ];
        for (path, head, want) in cases {
            assert_eq!(parsed(path, head), *want, "{path}");
        }
    }

    #[test]
    fn older_content_shapes_by_their_keys() {
        let cases: &[(&str, &str, &str)] = &[
            ("posts/your_posts.json", r#"{"status_updates": [{"timestamp": 1, "data": [{"post": "hi"}]}"#, parser::POSTS),
            ("posts/old_posts.json", r#"[{"timestamp": 1500000000, "attachments": [], "data": [{"post": "hi"}, {"update_timestamp": 1}]"#, parser::POSTS),
            ("media.json", r#"{"photos": [{"caption": "Beach", "taken_at": "2019-01-01T10:00:00+00:00", "path": "photos/1.jpg"}]"#, parser::POSTS),
            ("comments/my_comments.json", r#"{"comments": [{"timestamp": 1, "data": [{"comment": {"comment": "x"#, parser::COMMENTS),
            ("comments.json", r#"{"media_comments": [["2019-01-01T10:00:00", "nice", "sam"]]"#, parser::COMMENTS),
            ("likes.json", r#"{"media_likes": [["2019-01-01T10:00:00", "sam"]], "comment_likes": []"#, parser::LIKES),
            ("likes_and_reactions/pages.json", r#"{"page_likes": [{"name": "Sunny Books", "timestamp": 1"#, parser::LIKES),
            ("friends/friends.json", r#"{"friends": [{"name": "Kim", "timestamp": 1"#, parser::CONNECTIONS),
            ("connections.json", r#"{"blocked_users": {}, "followers": {"sam": "2019-01-01T10:00:00+00:00"}"#, parser::CONNECTIONS),
            ("ads/ads_interests_old.json", r#"{"topics": ["Cycling", "Coffee"]"#, parser::AD_INTERESTS),
            ("profile_information/about_me.json", r#"{"profile": {"name": {"full_name": "Sam"#, parser::PROFILE),
            ("profile.json", r#"{"biography": "", "date_joined": "2015-01-01T10:00:00", "email": "a@b", "username": "sam"}"#, parser::PROFILE),
            ("messages.json", r#"[{"participants": ["sam", "kim"], "conversation": [{"sender": "sam""#, parser::IG_CONVERSATIONS),
            // A thread with reactions is a thread, not a likes file.
            ("inbox/x/thread.json", r#"{"participants": [{"name": "Sam"}], "messages": [{"sender_name": "Sam", "reactions": [{"reaction": "x"}]}"#, parser::MESSAGES),
            ("account_history.json", r#"{"login_history": [{"cookie_name": "x""#, parser::LOGINS),
        ];
        for (path, head, want) in cases {
            assert_eq!(parsed(path, head), *want, "{path}");
        }
    }

    #[test]
    fn unknown_outside_sections_generic_inside() {
        assert_eq!(role("other_activity/nudges.json", r#"{"nudges_v2": [{"nudger": "Kim"}]}"#), None);
        assert_eq!(role("other_activity/pokes.json", r#"{"pokes_v2": [{"poker": "Kim"}]}"#), Some(FileRole::Parse(parser::POKES)));
        assert_eq!(
            role("logged_information/search/your_search_history.json", r#"{"searches_v2": [{"timestamp": 1"#),
            Some(FileRole::Parse(parser::GENERIC))
        );
        // A known schema inside a section is parsed by its parser, not walked.
        assert_eq!(
            role("ads_information/advertisers.json", r#"{"custom_audiences_all_types_v2": []}"#),
            Some(FileRole::Parse(parser::ADVERTISERS_USING))
        );
        assert_eq!(role("notes.txt", "{\"friends\": []}"), None);
        assert_eq!(role("x.json", "not json"), None);
        // A `post` string value is not a posts array.
        assert_eq!(role("x.json", r#"[{"timestamp": 1, "data": [{"x": "post"}]}]"#), None);
    }
}
