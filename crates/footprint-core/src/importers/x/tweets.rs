//! Tweets and likes.
//!
//! - `tweets.js` (2020+; split as `tweets-partN.js`), `tweet.js` (2019), `deleted-tweets.js`:
//!   `[{"tweet": {id_str, created_at ("Wed Oct 10 20:19:24 +0000 2018"), full_text, lang,
//!   source (an HTML link naming the app), in_reply_to_status_id_str, in_reply_to_screen_name,
//!   entities{hashtags[{text}], user_mentions[{screen_name}], urls[{expanded_url}], media[]},
//!   extended_entities{media[]}, favorite_count, retweet_count, deleted_at?}}]`; the oldest
//!   files have the tweet objects bare, without the `tweet` wrapper. Counts are strings.
//! - `like.js`: `[{"like": {tweetId, fullText, expandedUrl}}]`, without a date.

use super::read::each_item;
use super::{at, clip, strings, text, time_field};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record};
use serde::Serialize;
use serde_json::Value;
use std::io::Read;

#[derive(Serialize, Default)]
struct TweetOut {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    app: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reply_to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retweet_of: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    hashtags: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    mentions: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    urls: Vec<String>,
    #[serde(skip_serializing_if = "is_zero")]
    media: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    likes: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retweets: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deleted_at: Option<i64>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The app name inside `source`: `<a href="..." rel="nofollow">Twitter for iPhone</a>`.
pub fn app_of_source(source: &str) -> Option<String> {
    let inner = match (source.find('>'), source.rfind("</")) {
        (Some(a), Some(b)) if a < b => &source[a + 1..b],
        _ => source,
    };
    let inner = inner.trim();
    (!inner.is_empty()).then(|| inner.to_string())
}

/// `RT @name: ...` -> `name`.
fn retweeted_handle(full_text: &str) -> Option<String> {
    let rest = full_text.strip_prefix("RT @")?;
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_string())
}

fn count(v: &Value, key: &str) -> Option<i64> {
    text(v, &[key]).and_then(|s| s.parse().ok())
}

/// One tweet into a record; `None` (with a warning) when it has no id.
fn tweet_record(cx: &mut ImportCx<'_>, index: u64, t: &Value, deleted: bool) -> Option<Record> {
    let Some(id) = text(t, &["id_str", "id", "tweetId"]) else {
        cx.warn(Some(index), format!("tweet {index}: no id, skipped"));
        return None;
    };
    let ts = time_field(cx, index, t, &["created_at", "createdAt"]);
    let body = text(t, &["full_text", "text", "fullText"]);
    let entities = at(t, &["entities"]);
    let media = at(t, &["extended_entities", "media"])
        .or_else(|| entities.and_then(|e| at(e, &["media"])))
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    let reply_to = text(t, &["in_reply_to_screen_name"]);
    let retweet_of = body.as_deref().and_then(retweeted_handle);
    let out = TweetOut {
        id: id.clone(),
        lang: text(t, &["lang"]),
        app: text(t, &["source"]).as_deref().and_then(app_of_source),
        hashtags: strings(entities.and_then(|e| at(e, &["hashtags"])), &["text"]),
        mentions: strings(
            entities.and_then(|e| at(e, &["user_mentions"])),
            &["screen_name"],
        ),
        urls: strings(
            entities.and_then(|e| at(e, &["urls"])),
            &["expanded_url", "url"],
        ),
        media,
        likes: count(t, "favorite_count"),
        retweets: count(t, "retweet_count"),
        deleted_at: if deleted {
            time_field(cx, index, t, &["deleted_at", "deletedAt"])
        } else {
            None
        },
        reply_to: reply_to.clone(),
        retweet_of: retweet_of.clone(),
    };
    let what = match (&retweet_of, &reply_to) {
        (Some(h), _) => format!("Retweet of @{h}"),
        (None, Some(h)) => format!("Reply to @{h}"),
        _ => "Tweet".to_string(),
    };
    let (kind, title) = if deleted {
        ("deleted_tweet", format!("Deleted: {what}"))
    } else {
        ("tweet", what)
    };
    Some(
        Record::new(kind, Category::Content)
            .at(ts)
            .title(title)
            .body_opt(body)
            .data(&out)
            .with_key(&[&id]),
    )
}

/// Parse `tweets.js`, `tweet.js`, `tweets-partN.js` (`deleted` = `deleted-tweets.js`).
pub fn parse_tweets(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
    deleted: bool,
) -> Result<(), ParseError> {
    each_item(
        reader,
        cx,
        "tweet",
        &mut |cx, index, t| match tweet_record(cx, index, &t, deleted) {
            Some(r) => cx.emit(index, r),
            None => Ok(()),
        },
    )
}

/// Parse `like.js`: one record per liked tweet (likes carry no date).
pub fn parse_likes(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out {
        tweet_id: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        url: Option<String>,
    }
    each_item(reader, cx, "like", &mut |cx, index, l| {
        let Some(id) = text(&l, &["tweetId", "tweet_id", "id"]) else {
            cx.warn(Some(index), format!("like {index}: no tweetId, skipped"));
            return Ok(());
        };
        let body = text(&l, &["fullText", "full_text", "text"]).map(|b| clip(&b, 1000));
        let r = Record::new("like", Category::ActivityBrowsing)
            .title("Liked a post")
            .body_opt(body)
            .data(&Out {
                tweet_id: id.clone(),
                url: text(&l, &["expandedUrl"]),
            })
            .with_key(&[&id]);
        cx.emit(index, r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::importers::x::parser::*;
    use crate::importers::x::test_support::{data, js, ok, run};

    #[test]
    fn tweets_of_both_generations_and_their_kinds() {
        let wrapped = js(
            "tweets",
            r#"[{"tweet": {"id_str": "10", "created_at": "Wed Oct 10 20:19:24 +0000 2018", "full_text": "hello #rust @ann",
                "source": "<a href=\"https://mobile.example.com\" rel=\"nofollow\">Twitter for iPhone</a>",
                "entities": {"hashtags": [{"text": "rust"}], "user_mentions": [{"screen_name": "ann"}], "urls": []},
                "favorite_count": "3", "retweet_count": "0", "lang": "en"}},
              {"tweet": {"id_str": "11", "created_at": "Thu Oct 11 08:00:00 +0000 2018", "full_text": "@bob sure",
                "in_reply_to_screen_name": "bob", "entities": {"hashtags": null}}},
              {"tweet": {"id_str": "12", "created_at": "Thu Oct 11 09:00:00 +0000 2018", "full_text": "RT @nasa: launch"}}]"#,
        );
        let bare = js(
            "tweet",
            r#"[{"id_str": "10", "created_at": "Wed Oct 10 20:19:24 +0000 2018", "full_text": "hello #rust @ann", "retweeted": false}]"#,
        );
        let out = ok(TWEETS, "data/tweets.js", &wrapped);
        let titles: Vec<_> = out
            .records
            .iter()
            .map(|r| r.title.clone().unwrap())
            .collect();
        assert_eq!(titles, ["Tweet", "Reply to @bob", "Retweet of @nasa"]);
        let r = &out.records[0];
        assert_eq!(
            (r.kind, r.category, r.ts),
            ("tweet", Category::Content, Some(1_539_202_764_000))
        );
        let d = data(r);
        assert_eq!(
            (
                d["app"].as_str(),
                d["hashtags"][0].as_str(),
                d["likes"].as_i64()
            ),
            (Some("Twitter for iPhone"), Some("rust"), Some(3))
        );
        let old = ok(TWEETS, "data/tweet.js", &bare);
        assert_eq!(
            old.records[0].key, r.key,
            "a 2019 and a 2024 export give the same key"
        );
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    }

    #[test]
    fn bad_tweets_are_warnings() {
        let input = js(
            "tweets",
            r#"[{"tweet": {"full_text": "no id"}}, {"tweet": {"id_str": "2", "created_at": "sometime"}}, {"tweet": {"id_str": "3", "created_at": "Thu Jan 01 00:00:00 +0000 1970"}}]"#,
        );
        let out = ok(TWEETS, "data/tweets.js", &input);
        assert_eq!(out.records.len(), 2);
        assert_eq!(out.records[0].ts, None);
        assert_eq!(
            out.records[1].ts, None,
            "the epoch is a sentinel, not a date"
        );
        assert_eq!(
            out.warnings.iter().map(|w| w.position).collect::<Vec<_>>(),
            [Some(0), Some(1), Some(2)]
        );
    }

    #[test]
    fn deleted_tweets_and_likes() {
        let del = js(
            "deleted_tweets",
            r#"[{"tweet": {"id_str": "5", "created_at": "Wed Oct 10 20:19:24 +0000 2018", "deleted_at": "Fri Oct 12 20:19:24 +0000 2018", "full_text": "oops"}}]"#,
        );
        let out = ok(DELETED_TWEETS, "data/deleted-tweets.js", &del);
        assert_eq!(out.records[0].kind, "deleted_tweet");
        assert_eq!(data(&out.records[0])["deleted_at"], 1_539_375_564_000i64);
        let likes = js(
            "like",
            r#"[{"like": {"tweetId": "9", "fullText": "nice", "expandedUrl": "https://x.com/i/web/status/9"}}, {"like": {"fullText": "x"}}]"#,
        );
        let out = ok(LIKES, "data/like.js", &likes);
        assert_eq!(out.records.len(), 1);
        assert_eq!(
            (out.records[0].kind, out.records[0].category),
            ("like", Category::ActivityBrowsing)
        );
        assert_eq!(out.warnings.len(), 1);
        let (_, r) = run(LIKES, "data/like.js", "");
        assert!(r.is_err(), "a 0-byte file is a file error");
    }

    #[test]
    fn app_names_from_source() {
        assert_eq!(
            app_of_source("<a href=\"x\">TweetDeck</a>").as_deref(),
            Some("TweetDeck")
        );
        assert_eq!(app_of_source("web").as_deref(), Some("web"));
        assert_eq!(retweeted_handle("RT @a_b: x").as_deref(), Some("a_b"));
        assert_eq!(retweeted_handle("RT me"), None);
    }
}
