//! Comments (`comments/comments.csv`) and live chat messages (`live chats/live chats.csv`).
//!
//! The text column holds YouTube's rich text as JSON: before June 2024 one object
//! `{"takeoutSegments":[{"text":"…"}]}`, since then a comma-separated run of objects
//! `{"text":"Great "},{"text":"video","mention":{…}}` (not a JSON array), each run carrying
//! its own spaces and line breaks. Older exports (and unknown shapes) have plain text. The
//! older HTML variants (`my-comments/my-comments.html`, `my-live-chat-messages.html`) are
//! skipped.

use super::columns::{self as c, Col};
use super::{read_table, time_of, video_url};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record};
use serde::Serialize;
use serde_json::Value;
use std::io::Read;

/// The readable text of a comment or chat message.
pub fn text_of(raw: &str) -> String {
    let trimmed = raw.trim();
    if !trimmed.starts_with('{') {
        return trimmed.to_string();
    }
    // Both forms parse as the elements of an array once wrapped in brackets.
    let Ok(runs) = serde_json::from_str::<Vec<Value>>(&format!("[{trimmed}]")) else {
        return trimmed.to_string();
    };
    let mut text = String::new();
    for run in &runs {
        match run.get("takeoutSegments").and_then(Value::as_array) {
            Some(segments) => segments.iter().for_each(|s| push_text(&mut text, s)),
            None => push_text(&mut text, run),
        }
    }
    if text.trim().is_empty() {
        trimmed.to_string()
    } else {
        text.trim().to_string()
    }
}

fn push_text(out: &mut String, run: &Value) {
    if let Some(t) = run.get("text").and_then(Value::as_str) {
        out.push_str(t);
    }
}

#[derive(Serialize)]
struct CommentData<'x> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'x str>,
    #[serde(rename = "videoId", skip_serializing_if = "Option::is_none")]
    video_id: Option<&'x str>,
    #[serde(rename = "postId", skip_serializing_if = "Option::is_none")]
    post_id: Option<&'x str>,
    #[serde(rename = "parentCommentId", skip_serializing_if = "Option::is_none")]
    parent: Option<&'x str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    price: Option<&'x str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<&'x str>,
}

/// What the two tables share: an ID, a time, a text, the video, a price.
struct Cols {
    id: Col,
    created: Col,
    text: Col,
    video: Col,
    post: Col,
    parent: Col,
    price: Col,
    currency: Col,
}

/// One comment-like row as a record.
fn message(
    kind: &'static str,
    category: Category,
    cols: &Cols,
    row: &crate::formats::csv_table::Row<'_>,
    cx: &mut ImportCx<'_>,
) -> Result<Option<Record>, String> {
    let Some(raw) = cols.text.get(row) else {
        return Err("no text".into());
    };
    let text = text_of(raw);
    let raw_time = cols.created.get(row);
    let ts = time_of(cx, row, raw_time);
    let id = cols.id.get(row);
    let video = cols.video.get(row);
    let post = cols.post.get(row);
    let price = cols.price.get(row).filter(|p| *p != "0");
    let data = CommentData {
        id,
        video_id: video,
        post_id: post,
        parent: cols.parent.get(row),
        price,
        currency: cols.currency.get(row),
    };
    let on = match (video, post) {
        (Some(v), _) => video_url(v),
        (None, Some(p)) => format!("https://www.youtube.com/post/{p}"),
        (None, None) => "YouTube".to_string(),
    };
    let what = if kind == "comment" {
        "Comment on"
    } else {
        "Live chat on"
    };
    let record = match id {
        Some(id) => Record::new(kind, category).with_key(&[id]),
        None => Record::new(kind, category).with_key(&[raw_time.unwrap_or(""), &text]),
    };
    Ok(Some(
        record
            .at(ts)
            .title(format!("{what} {on}"))
            .body(text)
            .data(&data),
    ))
}

/// `comments.csv` (and its split parts `comments(1).csv`, localized names).
pub fn parse_comments(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    read_table(
        reader,
        cx,
        "comment",
        |h| Cols {
            id: Col::find(h, &c::COMMENT_ID),
            created: Col::find(h, &c::COMMENT_CREATED),
            text: Col::find(h, &c::COMMENT_TEXT),
            video: Col::find(h, &c::VIDEO_ID),
            post: Col::find(h, &c::POST_ID),
            parent: Col::find(h, &c::PARENT_COMMENT_ID),
            price: Col::find(h, &c::PRICE),
            currency: Col::find(h, &c::CURRENCY),
        },
        |cols, row, cx| message("comment", Category::Content, cols, row, cx),
    )
}

/// `live chats.csv`: messages the user wrote in live streams' chats (a price is a paid Super
/// Chat).
pub fn parse_live_chats(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    read_table(
        reader,
        cx,
        "live chat message",
        |h| Cols {
            id: Col::find(h, &c::LIVE_CHAT_ID),
            created: Col::find(h, &c::LIVE_CHAT_CREATED),
            text: Col::find(h, &c::LIVE_CHAT_TEXT),
            video: Col::find(h, &c::VIDEO_ID),
            post: Col::find(h, &c::POST_ID),
            parent: Col::find(h, &c::PARENT_COMMENT_ID),
            price: Col::find(h, &c::PRICE),
            currency: Col::find(h, &c::CURRENCY),
        },
        |cols, row, cx| message("live_chat_message", Category::Messages, cols, row, cx),
    )
}

#[cfg(test)]
mod tests {
    use super::super::super::test_support::{data, run};
    use super::*;

    #[test]
    fn text_runs_in_every_generation() {
        let cases = [
            (
                r#"{"takeoutSegments":[{"text":"coal owl the legend"}]}"#,
                "coal owl the legend",
            ),
            (
                r#"{"text":"> buried"},{"text":"\n"},{"text":"the most normal video!"}"#,
                "> buried\nthe most normal video!",
            ),
            (
                r#"{"text":"@someone","mention":{"externalChannelId":"UCx"}},{"text":" thanks"}"#,
                "@someone thanks",
            ),
            ("plain old text", "plain old text"),
            // Broken JSON is kept as written rather than lost.
            (r#"{"text":"cut off"#, r#"{"text":"cut off"#),
            (r#"{"other":1}"#, r#"{"other":1}"#),
        ];
        for (raw, want) in cases {
            assert_eq!(text_of(raw), want, "{raw}");
        }
    }

    #[test]
    fn comments_old_and_new_column_orders() {
        let input = "Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text\n\
            Ugx1,UC1,2023-09-19T17:42:53.434647+00:00,0,,vid1,\"{\"\"takeoutSegments\"\":[{\"\"text\"\":\"\"first\"\"}]}\"\n";
        let (out, res) = run("comments/comments.csv", input, parse_comments);
        res.unwrap();
        let r = &out.records[0];
        assert_eq!((r.kind, r.category), ("comment", Category::Content));
        assert_eq!(r.body.as_deref(), Some("first"));
        assert_eq!(r.ts, Some(1_695_145_373_434));
        assert_eq!(
            r.title.as_deref(),
            Some("Comment on https://www.youtube.com/watch?v=vid1")
        );
        assert_eq!(data(r)["id"], "Ugx1");

        let input = "Channel ID,Comment Create Timestamp,Price,Comment ID,Parent Comment ID,Post ID,Video ID,Comment Text,Top-Level Comment ID\n\
            UC1,2024-08-01T10:00:00+00:00,0,Ugx2,Ugx1,,vid1,\"{\"\"text\"\":\"\"a \"\"},{\"\"text\"\":\"\"reply\"\"}\",Ugx1\n\
            UC1,soon,0,Ugx3,,post9,,\"{\"\"text\"\":\"\"on a post\"\"}\",\n\
            UC1,2024-08-01T10:00:00+00:00,0,Ugx4,,,vid1,,\n";
        let (out, res) = run("comments/comments(1).csv", input, parse_comments);
        res.unwrap();
        assert_eq!(out.records.len(), 2, "the row without text is skipped");
        assert_eq!(out.records[0].body.as_deref(), Some("a reply"));
        assert_eq!(data(&out.records[0])["parentCommentId"], "Ugx1");
        assert_eq!(out.records[1].ts, None);
        assert_eq!(
            out.records[1].title.as_deref(),
            Some("Comment on https://www.youtube.com/post/post9")
        );
        let warnings: Vec<&str> = out.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            warnings,
            [
                "unreadable time `soon` on line 3",
                "comment on line 4 skipped: no text"
            ]
        );
    }

    #[test]
    fn live_chats_with_super_chat_prices() {
        let input = "\u{feff}Live Chat ID,Channel ID,Live Chat Create Timestamp,Price,Currency code,Video ID,Live Chat Text\n\
            L1,UC1,2024-02-01T10:00:00+00:00,5,USD,live1,\"{\"\"text\"\":\"\"paid\"\"}\"\n\
            L2,UC1,2024-02-01T10:05:00+00:00,0,,live1,\"{\"\"text\"\":\"\"hi\"\"}\"\n";
        let (out, res) = run("live chats/live chats.csv", input, parse_live_chats);
        res.unwrap();
        assert_eq!(out.records.len(), 2);
        let r = &out.records[0];
        assert_eq!(
            (r.kind, r.category),
            ("live_chat_message", Category::Messages)
        );
        assert_eq!(data(r)["price"], "5");
        assert_eq!(data(r)["currency"], "USD");
        assert!(
            data(&out.records[1]).get("price").is_none(),
            "price 0 is no purchase"
        );
        assert_ne!(out.records[0].key, out.records[1].key);
    }

    #[test]
    fn empty_file_is_a_warning() {
        let (out, res) = run("comments/comments.csv", "", parse_comments);
        res.unwrap();
        assert!(out.records.is_empty());
        assert_eq!(out.warnings.len(), 1);
        assert!(out.warnings[0].message.contains("empty"));
    }
}
