//! What the user posted, commented and liked, in both platforms' shapes:
//!
//! - posts: Facebook `[{timestamp, data[{post}], attachments[{data[{media|external_context|
//!   place}]}], title}]` (2018 under `status_updates`); Instagram `[{media[{uri,
//!   creation_timestamp, title}], title?, creation_timestamp?}]`, 2019 `media.json`
//!   `{photos|videos|stories|profile: [{caption, taken_at (ISO text), path}]}`;
//! - comments: Facebook `comments_v2[{timestamp, data[{comment{comment, author, group}}],
//!   title}]`; Instagram `[{string_map_data{Comment, Media Owner, Time}}]` and 2021
//!   `comments_media_comments[{title, string_list_data[{value, timestamp}]}]`, 2019
//!   `media_comments[[time, text, media owner]]`;
//! - likes: Facebook `reactions_v2[{timestamp, data[{reaction{reaction, actor}}], title}]`,
//!   `page_likes_v2[{name, timestamp, url}]`; Instagram `likes_media_likes[{title,
//!   string_list_data[{href, value, timestamp}]}]`, 2019 `media_likes` / `comment_likes`
//!   `[[time, owner]]`.
//!
//! Every file is streamed (these lists can be long) whatever its top-level key, and an
//! element in the 2024+ `label_values` form becomes a record of the same kind through the
//! generic walker.

use super::{emit_label_values_element, fx, fx_opt, label_values, Secs};
use crate::importer::{ImportCx, ParseError};
use crate::json_stream::{stream_json, JsonItem};
use crate::model::{Category, Record};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::io::Read;

/// Instagram's `{href, value, timestamp}` leaf.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub(crate) struct IgLeaf {
    pub href: Option<String>,
    pub value: Option<String>,
    pub timestamp: Secs,
}

/// What [`each_element`] calls for every element: (context, top-level key, index, value).
pub(crate) type OnElement<'f> = dyn FnMut(&mut ImportCx<'_>, &str, u64, Value) -> Result<(), ParseError> + 'f;

/// Stream every array element of a file (any top-level key, or a top-level array) to `f`,
/// parsed as a JSON value; a non-array top-level field in the `label_values` form is passed
/// as a single element too. A top-level object of `name: time` strings (Instagram 2019's
/// `connections.json`: `{"followers": {"sam": "2019-01-01T10:00:00+00:00"}}`) is a list
/// too: each pair is passed as `{"name", "timestamp"}` under its key, in name order.
pub(crate) fn each_element(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
    f: &mut OnElement<'_>,
) -> Result<(), ParseError> {
    let mut top_label_values: Vec<Value> = Vec::new();
    let mut next_index = 0u64;
    stream_json(reader, &["*"], &mut |item| {
        match item {
            JsonItem::Element { key: "label_values", raw, .. } => {
                // A whole file that is one generic record: gather it, handle it at the end.
                if let Ok(v) = serde_json::from_slice::<Value>(raw) {
                    top_label_values.push(v);
                }
            }
            JsonItem::Element { key, raw, .. } => {
                let index = next_index;
                next_index += 1;
                match serde_json::from_slice::<Value>(raw) {
                    Ok(v) => f(cx, key, index, v)?,
                    Err(e) => cx.warn(Some(index), format!("element {index}: {e}")),
                }
            }
            JsonItem::Field { key, raw } => {
                let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(raw) else {
                    return Ok(());
                };
                if map.is_empty() || !map.values().all(Value::is_string) {
                    return Ok(());
                }
                for (name, time) in map {
                    let index = next_index;
                    next_index += 1;
                    f(cx, key, index, serde_json::json!({"name": name, "timestamp": time}))?;
                }
            }
        }
        Ok(())
    })?;
    if !top_label_values.is_empty() {
        let v = serde_json::json!({ "label_values": top_label_values });
        f(cx, "label_values", next_index, v)?;
    }
    Ok(())
}

// ---------------------------------------------------------------- posts

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawPost {
    timestamp: Secs,
    creation_timestamp: Secs,
    /// Instagram 2019 `media.json`.
    taken_at: Secs,
    caption: Option<String>,
    path: Option<String>,
    title: Option<String>,
    data: Vec<PostData>,
    attachments: Vec<Attachment>,
    media: Vec<Media>,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct PostData {
    post: Option<String>,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct Attachment {
    data: Vec<AttachmentData>,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct AttachmentData {
    media: Option<Media>,
    external_context: Option<ExternalContext>,
    place: Option<Place>,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct Media {
    uri: Option<String>,
    creation_timestamp: Secs,
    title: Option<String>,
    description: Option<String>,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct ExternalContext {
    url: Option<String>,
    name: Option<String>,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct Place {
    name: Option<String>,
    coordinate: Option<Coordinate>,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct Coordinate {
    latitude: Option<f64>,
    longitude: Option<f64>,
}

#[derive(Serialize)]
struct PostDataOut {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    media: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<String>,
}

/// Parse a posts file (`your_posts_1.json`, `posts_1.json`, ...).
pub fn parse_posts(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_element(reader, cx, &mut |cx, _key, index, v| {
        if emit_label_values_element(cx, index, &v, "post", Category::Content)? {
            return Ok(());
        }
        let p: RawPost = match serde_json::from_value(v) {
            Ok(p) => p,
            Err(e) => {
                cx.warn(Some(index), format!("post {index}: {e}"));
                return Ok(());
            }
        };
        let mut media: Vec<&Media> = p.media.iter().collect();
        let mut link = None;
        let mut place = None;
        let mut point = None;
        for d in p.attachments.iter().flat_map(|a| &a.data) {
            if let Some(m) = &d.media {
                media.push(m);
            }
            if let Some(e) = &d.external_context {
                link = link.or_else(|| fx_opt(e.url.as_deref()).or_else(|| fx_opt(e.name.as_deref())));
            }
            if let Some(pl) = &d.place {
                place = place.or_else(|| fx_opt(pl.name.as_deref()));
                if let Some(c) = &pl.coordinate {
                    if let (Some(lat), Some(lon)) = (c.latitude, c.longitude) {
                        point = Some((lat, lon));
                    }
                }
            }
        }
        let title = fx_opt(p.title.as_deref());
        // Facebook's text is in data[].post; Instagram's caption is the post title or the
        // first media's title (then the post has no other title); in 2019 it is `caption`.
        let text = p
            .data
            .iter()
            .find_map(|d| fx_opt(d.post.as_deref()))
            .or_else(|| fx_opt(p.caption.as_deref()))
            .or_else(|| (p.data.is_empty() && !p.media.is_empty()).then(|| title.clone()).flatten())
            .or_else(|| media.iter().find_map(|m| fx_opt(m.title.as_deref()).or_else(|| fx_opt(m.description.as_deref()))));
        let ts = p
            .timestamp
            .ms()
            .or(p.creation_timestamp.ms())
            .or(p.taken_at.ms())
            .or_else(|| media.iter().find_map(|m| m.creation_timestamp.ms()));
        let shown = match (&title, &text) {
            (Some(t), Some(x)) if t != x => t.clone(),
            (_, Some(x)) => label_values::shorten(x, 80),
            (Some(t), None) => t.clone(),
            (None, None) if !media.is_empty() => format!("Post with {} media", media.len()),
            (None, None) => "Post".to_string(),
        };
        let out = PostDataOut {
            media: fx_opt(p.path.as_deref())
                .into_iter()
                .chain(media.iter().filter_map(|m| fx_opt(m.uri.as_deref())))
                .collect(),
            link,
            place,
        };
        let ts_key = ts.map(|t| t.to_string()).unwrap_or_default();
        let first_media = out.media.first().cloned().unwrap_or_default();
        let mut r = Record::new("post", Category::Content)
            .at(ts)
            .title(shown)
            .body_opt(text.clone())
            .data(&out)
            .with_key(&[&ts_key, text.as_deref().unwrap_or(""), &first_media]);
        if let Some((lat, lon)) = point {
            r = r.point(lat, lon);
        }
        cx.emit(index, r)
    })
}

// ---------------------------------------------------------------- comments

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawComment {
    timestamp: Secs,
    title: Option<String>,
    data: Vec<CommentData>,
    string_map_data: Option<serde_json::Map<String, Value>>,
    string_list_data: Vec<IgLeaf>,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct CommentData {
    comment: Option<CommentInner>,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct CommentInner {
    timestamp: Secs,
    comment: Option<String>,
    author: Option<String>,
    group: Option<String>,
}

#[derive(Serialize)]
struct CommentOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    media_owner: Option<String>,
}

/// A `string_map_data` leaf by label (after mojibake repair, case-insensitive).
pub(crate) fn map_leaf(map: &serde_json::Map<String, Value>, labels: &[&str]) -> Option<IgLeaf> {
    map.iter()
        .find(|(k, _)| {
            let k = fx(k);
            labels.iter().any(|l| k.eq_ignore_ascii_case(l))
        })
        .and_then(|(_, v)| serde_json::from_value::<IgLeaf>(v.clone()).ok())
}

/// The time and texts of an Instagram 2019 list entry (`[time, text, ...]`): the time as
/// epoch ms and the other strings, mojibake-repaired.
fn tuple_entry(parts: &[Value]) -> (Option<i64>, Vec<Option<String>>) {
    let ts = parts
        .first()
        .and_then(|t| serde_json::from_value::<Secs>(t.clone()).ok())
        .and_then(Secs::ms);
    let texts = parts[1.min(parts.len())..]
        .iter()
        .map(|p| p.as_str().and_then(|s| fx_opt(Some(s))))
        .collect();
    (ts, texts)
}

/// Parse a comments file (`comments.json`, `post_comments_1.json`).
pub fn parse_comments(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_element(reader, cx, &mut |cx, _key, index, v| {
        if emit_label_values_element(cx, index, &v, "comment", Category::Content)? {
            return Ok(());
        }
        if let Value::Array(parts) = &v {
            // Instagram 2019: `[time, text, media owner]`.
            let (ts, texts) = tuple_entry(parts);
            let text = texts.first().cloned().flatten();
            let owner = texts.get(1).cloned().flatten();
            if text.is_none() {
                cx.warn(Some(index), format!("comment {index}: no comment text in [time, text, owner]"));
                return Ok(());
            }
            let ts_key = ts.map(|t| t.to_string()).unwrap_or_default();
            let shown = owner.as_ref().map(|o| format!("Comment on {o}'s post"));
            let r = Record::new("comment", Category::Content)
                .at(ts)
                .title(shown.unwrap_or_else(|| "Comment".to_string()))
                .body_opt(text.clone())
                .data(&CommentOut { author: None, group: None, media_owner: owner })
                .with_key(&[&ts_key, text.as_deref().unwrap_or("")]);
            return cx.emit(index, r);
        }
        let c: RawComment = match serde_json::from_value(v) {
            Ok(c) => c,
            Err(e) => {
                cx.warn(Some(index), format!("comment {index}: {e}"));
                return Ok(());
            }
        };
        let title = fx_opt(c.title.as_deref());
        let (text, ts, out, shown) = if let Some(inner) = c.data.iter().find_map(|d| d.comment.as_ref()) {
            // Facebook.
            let ts = c.timestamp.ms().or(inner.timestamp.ms());
            let out = CommentOut {
                author: fx_opt(inner.author.as_deref()),
                group: fx_opt(inner.group.as_deref()),
                media_owner: None,
            };
            (fx_opt(inner.comment.as_deref()), ts, out, title.clone())
        } else if let Some(map) = &c.string_map_data {
            // Instagram 2022+.
            let text = map_leaf(map, &["Comment", "Commentaire", "Kommentar", "Comentario"]).and_then(|l| fx_opt(l.value.as_deref()));
            let owner = map_leaf(map, &["Media Owner", "Propriétaire du contenu"]).and_then(|l| fx_opt(l.value.as_deref()));
            let ts = map_leaf(map, &["Time", "Heure", "Zeit", "Hora"]).and_then(|l| l.timestamp.ms());
            let shown = owner.as_ref().map(|o| format!("Comment on {o}'s post"));
            (text, ts, CommentOut { author: None, group: None, media_owner: owner }, shown)
        } else if let Some(leaf) = c.string_list_data.first() {
            // Instagram 2021: the title is the media owner.
            let shown = title.as_ref().map(|o| format!("Comment on {o}'s post"));
            let out = CommentOut { author: None, group: None, media_owner: title.clone() };
            (fx_opt(leaf.value.as_deref()), leaf.timestamp.ms(), out, shown)
        } else {
            cx.warn(Some(index), format!("comment {index}: no comment text in a known shape"));
            return Ok(());
        };
        let ts_key = ts.map(|t| t.to_string()).unwrap_or_default();
        let r = Record::new("comment", Category::Content)
            .at(ts)
            .title(shown.unwrap_or_else(|| "Comment".to_string()))
            .body_opt(text.clone())
            .data(&out)
            .with_key(&[&ts_key, text.as_deref().unwrap_or("")]);
        cx.emit(index, r)
    })
}

// ---------------------------------------------------------------- likes

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawLike {
    timestamp: Secs,
    title: Option<String>,
    name: Option<String>,
    url: Option<String>,
    data: Vec<LikeData>,
    string_list_data: Vec<IgLeaf>,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct LikeData {
    reaction: Option<ReactionInner>,
}
#[derive(Deserialize, Default)]
#[serde(default)]
struct ReactionInner {
    reaction: Option<String>,
    actor: Option<String>,
}

#[derive(Serialize)]
struct LikeOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    reaction: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<String>,
}

/// Parse a likes or reactions file.
pub fn parse_likes(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_element(reader, cx, &mut |cx, key, index, v| {
        if emit_label_values_element(cx, index, &v, "like", Category::ActivityBrowsing)? {
            return Ok(());
        }
        if let Value::Array(parts) = &v {
            // Instagram 2019: `media_likes` / `comment_likes` `[time, owner]`.
            let (ts, texts) = tuple_entry(parts);
            let owner = texts.first().cloned().flatten();
            let what = if key.contains("comment") { "comment" } else { "post" };
            let shown = match &owner {
                Some(o) => format!("Liked {o}'s {what}"),
                None => format!("Liked a {what}"),
            };
            let ts_key = ts.map(|t| t.to_string()).unwrap_or_default();
            let r = Record::new("like", Category::ActivityBrowsing)
                .at(ts)
                .title(shown.clone())
                .data(&LikeOut { reaction: None, link: None, owner })
                .with_key(&[&ts_key, &shown, ""]);
            return cx.emit(index, r);
        }
        let l: RawLike = match serde_json::from_value(v) {
            Ok(l) => l,
            Err(e) => {
                cx.warn(Some(index), format!("like {index}: {e}"));
                return Ok(());
            }
        };
        let title = fx_opt(l.title.as_deref());
        let reaction = l.data.iter().find_map(|d| d.reaction.as_ref());
        let (shown, ts, out) = if let Some(name) = fx_opt(l.name.as_deref()) {
            // Facebook page like.
            let out = LikeOut { reaction: None, link: fx_opt(l.url.as_deref()), owner: None };
            (format!("Liked {name}"), l.timestamp.ms(), out)
        } else if let Some(leaf) = l.string_list_data.first() {
            // Instagram: the title is the account whose post was liked.
            let owner = title.clone();
            let shown = owner.as_ref().map(|o| format!("Liked {o}'s post")).unwrap_or_else(|| "Liked a post".into());
            let out = LikeOut { reaction: fx_opt(leaf.value.as_deref()), link: fx_opt(leaf.href.as_deref()), owner };
            (shown, leaf.timestamp.ms(), out)
        } else if reaction.is_some() || title.is_some() {
            // Facebook reaction: the title says it ("Alex likes Sam's post.").
            let out = LikeOut {
                reaction: reaction.and_then(|r| fx_opt(r.reaction.as_deref())),
                link: None,
                owner: None,
            };
            let shown = title.clone().unwrap_or_else(|| "Reaction".into());
            (shown, l.timestamp.ms(), out)
        } else {
            cx.warn(Some(index), format!("like {index}: no like in a known shape"));
            return Ok(());
        };
        let ts_key = ts.map(|t| t.to_string()).unwrap_or_default();
        let link_key = out.link.clone().unwrap_or_default();
        let r = Record::new("like", Category::ActivityBrowsing)
            .at(ts)
            .title(shown.clone())
            .data(&out)
            .with_key(&[&ts_key, &shown, &link_key]);
        cx.emit(index, r)
    })
}

#[cfg(test)]
mod tests {
    use crate::importers::meta::parser::{COMMENTS, LIKES, POSTS};
    use crate::importers::meta::test_support::{data, moji, ok};

    #[test]
    fn facebook_posts_with_place_link_and_media() {
        let json = format!(
            r#"[{{"timestamp": 1600000000, "title": "Alex Martin updated his status.",
                "data": [{{"post": "{t}"}}, {{"update_timestamp": 1600000100}}],
                "attachments": [{{"data": [{{"external_context": {{"url": "https://example.com/x"}}}},
                  {{"place": {{"name": "{p}", "coordinate": {{"latitude": 48.85, "longitude": 2.35}}}}}}]}},
                  {{"data": [{{"media": {{"uri": "posts/media/a/1.jpg", "creation_timestamp": 1600000000}}}}]}}]}},
               {{"timestamp": 1500000000, "data": [], "attachments": []}}]"#,
            t = moji("Déjà vu at the café"),
            p = moji("Café de Flore")
        );
        let out = ok(POSTS, "posts/your_posts_1.json", &json);
        assert_eq!(out.records.len(), 2);
        let r = &out.records[0];
        assert_eq!(r.kind, "post");
        assert_eq!(r.title.as_deref(), Some("Alex Martin updated his status."));
        assert_eq!(r.body.as_deref(), Some("Déjà vu at the café"));
        assert_eq!((r.lat, r.lon), (Some(48.85), Some(2.35)));
        assert_eq!(r.ts, Some(1_600_000_000_000));
        let d = data(r);
        assert_eq!(d["link"], "https://example.com/x");
        assert_eq!(d["place"], "Café de Flore");
        assert_eq!(d["media"][0], "posts/media/a/1.jpg");
        assert_eq!(out.records[1].title.as_deref(), Some("Post"));
    }

    #[test]
    fn instagram_posts_caption_from_title_or_media() {
        let json = r#"[
          {"media": [{"uri": "media/posts/1.jpg", "creation_timestamp": 1610000000, "title": "Beach day"}]},
          {"media": [{"uri": "media/posts/2.jpg", "creation_timestamp": 1620000000, "title": ""},
                     {"uri": "media/posts/3.jpg", "creation_timestamp": 1620000000, "title": ""}],
           "title": "Two photos", "creation_timestamp": 1620000001}]"#;
        let out = ok(POSTS, "content/posts_1.json", json);
        assert_eq!(out.records[0].body.as_deref(), Some("Beach day"));
        assert_eq!(out.records[0].ts, Some(1_610_000_000_000));
        assert_eq!(out.records[1].body.as_deref(), Some("Two photos"));
        assert_eq!(out.records[1].ts, Some(1_620_000_001_000));
        assert_eq!(data(&out.records[1])["media"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn comments_in_three_shapes() {
        let fb = r#"{"comments_v2": [{"timestamp": 1600000000, "title": "Alex commented on Sam's post.",
            "data": [{"comment": {"timestamp": 1600000000, "comment": "Nice!", "author": "Alex"}}]}]}"#;
        let out = ok(COMMENTS, "comments_and_reactions/comments.json", fb);
        assert_eq!(out.records[0].title.as_deref(), Some("Alex commented on Sam's post."));
        assert_eq!(out.records[0].body.as_deref(), Some("Nice!"));
        assert_eq!(data(&out.records[0])["author"], "Alex");

        let ig = r#"[{"media_list_data": [], "string_map_data": {"Comment": {"value": "so good"},
            "Media Owner": {"value": "sam.r"}, "Time": {"timestamp": 1650000000}}}]"#;
        let out = ok(COMMENTS, "your_instagram_activity/comments/post_comments_1.json", ig);
        assert_eq!(out.records[0].title.as_deref(), Some("Comment on sam.r's post"));
        assert_eq!(out.records[0].body.as_deref(), Some("so good"));
        assert_eq!(out.records[0].ts, Some(1_650_000_000_000));

        let ig2021 = r#"{"comments_media_comments": [{"title": "sam.r",
            "string_list_data": [{"value": "wow", "timestamp": 1610000000}]}, {"title": "x"}]}"#;
        let out = ok(COMMENTS, "comments/post_comments.json", ig2021);
        assert_eq!(out.records.len(), 1);
        assert_eq!(out.records[0].body.as_deref(), Some("wow"));
        assert_eq!(out.warnings.len(), 1);
        assert_eq!(out.warnings[0].position, Some(1));
    }

    #[test]
    fn likes_reactions_pages_and_label_values() {
        let fb = r#"{"reactions_v2": [{"timestamp": 1600000000, "title": "Alex likes Sam's photo.",
            "data": [{"reaction": {"reaction": "LIKE", "actor": "Alex"}}]}]}"#;
        let out = ok(LIKES, "comments_and_reactions/posts_and_comments.json", fb);
        assert_eq!(out.records[0].title.as_deref(), Some("Alex likes Sam's photo."));
        assert_eq!(data(&out.records[0])["reaction"], "LIKE");

        let ig = r#"{"likes_media_likes": [{"title": "sam.r", "string_list_data": [
            {"href": "https://www.instagram.com/p/abc/", "value": "👍", "timestamp": 1650000000}]}]}"#;
        let out = ok(LIKES, "likes/liked_posts.json", ig);
        assert_eq!(out.records[0].title.as_deref(), Some("Liked sam.r's post"));
        assert_eq!(data(&out.records[0])["link"], "https://www.instagram.com/p/abc/");

        let pages = r#"{"page_likes_v2": [{"name": "Sunny Books", "timestamp": 1400000000}]}"#;
        let out = ok(LIKES, "your_facebook_activity/pages/pages_you've_liked.json", pages);
        assert_eq!(out.records[0].title.as_deref(), Some("Liked Sunny Books"));

        let y2024 = r#"[{"timestamp": 1700000000, "fbid": "9", "label_values": [
            {"label": "Reaction", "value": "Love"}, {"label": "Name", "value": "Sam"}]}]"#;
        let out = ok(LIKES, "your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json", y2024);
        let r = &out.records[0];
        assert_eq!(r.kind, "like");
        assert_eq!(r.title.as_deref(), Some("Reaction: Love"));
        assert_eq!(r.ts, Some(1_700_000_000_000));
    }

    #[test]
    fn older_shapes_2018_posts_and_instagram_2019_lists() {
        let fb2018 = r#"{"status_updates": [{"timestamp": 1520000000, "data": [{"post": "Old times"}], "title": "Alex updated his status."}]}"#;
        let out = ok(POSTS, "posts/your_posts.json", fb2018);
        assert_eq!(out.records[0].body.as_deref(), Some("Old times"));
        assert_eq!(out.records[0].ts, Some(1_520_000_000_000));

        let media = r#"{"photos": [{"caption": "Beach", "taken_at": "2019-01-02T10:00:00+00:00", "path": "photos/201901/a.jpg"}],
                        "stories": [{"caption": "", "taken_at": "2019-01-03T10:00:00", "path": "stories/201901/b.jpg"}]}"#;
        let out = ok(POSTS, "media.json", media);
        assert_eq!(out.records.len(), 2);
        assert_eq!(out.records[0].body.as_deref(), Some("Beach"));
        assert_eq!(out.records[0].ts, Some(1_546_423_200_000));
        assert_eq!(data(&out.records[1])["media"][0], "stories/201901/b.jpg");

        let comments = format!(r#"{{"media_comments": [["2019-01-02T10:00:00", "{}", "sam.r"], ["2019-01-02T10:00:00"]], "live_comments": []}}"#, moji("Très bien"));
        let out = ok(COMMENTS, "comments.json", &comments);
        assert_eq!(out.records.len(), 1);
        assert_eq!(out.records[0].body.as_deref(), Some("Très bien"));
        assert_eq!(out.records[0].title.as_deref(), Some("Comment on sam.r's post"));
        assert_eq!(out.records[0].ts, Some(1_546_423_200_000));
        assert_eq!(out.warnings[0].position, Some(1));

        let likes = r#"{"media_likes": [["2019-01-02T10:00:00+00:00", "sam.r"]], "comment_likes": [["2019-01-03T10:00:00+00:00", "kim"]]}"#;
        let out = ok(LIKES, "likes.json", likes);
        let titles: Vec<_> = out.records.iter().map(|r| r.title.clone().unwrap()).collect();
        assert_eq!(titles, ["Liked sam.r's post", "Liked kim's comment"]);
        assert_eq!(out.records[1].ts, Some(1_546_509_600_000));
    }
}
