//! What the user posted, commented, liked, who they are connected to and what Meta inferred
//! about them, from the pages, into the JSON parsers' records (same kinds, titles where the
//! key uses them, and keys):
//!
//! - posts: Facebook's title ("… updated their status."), the text, media, a URL row, Place
//!   and Coordinates rows; Instagram's caption and media; the date;
//! - comments: Facebook's title and text; Instagram's Comment and Media owner rows;
//! - likes: Facebook's title and Reaction row; Instagram's liked account (title), Reaction and
//!   URL rows; 2024+ records of label/value rows through the generic summary;
//! - connections: the name (title), the profile link, the date; the kind of tie from the
//!   file name, as the JSON's list key says it;
//! - ad interests: one box per interest (title) or rows of interests.

use super::generic::summary;
use super::labels::Label;
use super::page::{each_box, MetaBox};
use crate::importer::{ImportCx, ParseError};
use crate::importers::meta::{ad_interests, connections, file_stem, fx, label_values};
use crate::model::{Category, Record};
use serde::Serialize;
use std::io::Read;

use crate::model::ts_key;

fn title(b: &MetaBox) -> Option<String> {
    b.title.as_deref().map(fx).filter(|t| !t.is_empty())
}

#[derive(Serialize)]
struct PostOut {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    media: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<String>,
}

/// `48.8541, 2.3326`.
fn point(text: &str) -> Option<(f64, f64)> {
    let (a, b) = text.split_once(',')?;
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

/// Parse a posts page.
pub fn parse_posts(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_box(reader, cx, |cx, b| {
        let title = title(&b);
        let text = b.text_joined().map(|t| fx(&t)).filter(|t| !t.is_empty());
        let media = b.media();
        // The JSON parser's title rule: the title unless it only repeats the text.
        let shown = match (&title, &text) {
            (Some(t), Some(x)) if t != x => t.clone(),
            (_, Some(x)) => label_values::shorten(x, 80),
            (Some(t), None) => t.clone(),
            (None, None) if !media.is_empty() => format!("Post with {} media", media.len()),
            (None, None) => "Post".to_string(),
        };
        let out = PostOut {
            link: b.value(|l| Label::Url.is(l)).map(str::to_string).or_else(|| b.web_links().into_iter().next()),
            place: b.value(|l| Label::Place.is(l)).map(fx),
            media,
        };
        let first_media = out.media.first().cloned().unwrap_or_default();
        let mut r = Record::new("post", Category::Content)
            .at(b.ts)
            .title(shown)
            .body_opt(text.clone())
            .data(&out)
            .with_key(&[&ts_key(b.ts), text.as_deref().unwrap_or(""), &first_media]);
        if let Some((lat, lon)) = b.value(|l| Label::Coordinates.is(l)).and_then(point) {
            r = r.point(lat, lon);
        }
        cx.emit(b.index, r)
    })?;
    Ok(())
}

/// Parse a comments page.
pub fn parse_comments(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out {
        #[serde(skip_serializing_if = "Option::is_none")]
        media_owner: Option<String>,
    }
    each_box(reader, cx, |cx, b| {
        let (text, shown, owner) = match b.value(|l| Label::Comment.is(l)) {
            // Instagram: Comment and Media owner rows.
            Some(c) => {
                let owner = b.value(|l| Label::MediaOwner.is(l)).map(fx);
                (Some(fx(c)), owner.as_ref().map(|o| format!("Comment on {o}'s post")), owner)
            }
            // Facebook: the title says on what, the text is the comment.
            None => (b.text_joined().map(|t| fx(&t)), title(&b), None),
        };
        let text = text.filter(|t| !t.is_empty());
        if text.is_none() && shown.is_none() {
            cx.warn(Some(b.index), format!("comment {}: no comment text", b.index));
            return Ok(());
        }
        let r = Record::new("comment", Category::Content)
            .at(b.ts)
            .title(shown.unwrap_or_else(|| "Comment".to_string()))
            .body_opt(text.clone())
            .data(&Out { media_owner: owner })
            .with_key(&[&ts_key(b.ts), text.as_deref().unwrap_or("")]);
        cx.emit(b.index, r)
    })?;
    Ok(())
}

/// Parse a likes or reactions page.
pub fn parse_likes(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out {
        #[serde(skip_serializing_if = "Option::is_none")]
        reaction: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        link: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        owner: Option<String>,
    }
    let stem = file_stem(cx.file).to_string();
    each_box(reader, cx, |cx, b| {
        let Some(t) = title(&b) else {
            // 2024+: label/value records, as the JSON parser reads them through the walker.
            let s = summary(&b);
            if s.pairs.is_empty() {
                return Ok(());
            }
            return cx.emit(b.index, s.into_record("like", Category::ActivityBrowsing, &stem));
        };
        let reaction = b.value(|l| Label::Reaction.is(l)).map(fx);
        let link = b.value(|l| Label::Url.is(l)).map(str::to_string);
        let (shown, out) = match link {
            // Instagram: the title is the account whose post was liked.
            Some(link) => (format!("Liked {t}'s post"), Out { reaction, link: Some(link), owner: Some(t) }),
            // Facebook: the title says it ("Alex likes Sam's post.").
            None => (t, Out { reaction, link: None, owner: None }),
        };
        let link_key = out.link.clone().unwrap_or_default();
        let r = Record::new("like", Category::ActivityBrowsing)
            .at(b.ts)
            .title(shown.clone())
            .data(&out)
            .with_key(&[&ts_key(b.ts), &shown, &link_key]);
        cx.emit(b.index, r)
    })?;
    Ok(())
}

/// The kind of tie of a connections page, from its name (the JSON says it with its list key).
fn relation_of_page(file: &str) -> &'static str {
    let stem = file_stem(file).to_ascii_lowercase();
    let by_name = [
        ("sent_friend_requests", "sent_request"),
        ("received_friend_requests", "received_request"),
        ("rejected_friend_requests", "rejected_request"),
        ("removed_friends", "removed_friend"),
        ("close_friends", "close_friend"),
    ];
    by_name
        .iter()
        .find(|(n, _)| *n == stem)
        .map(|(_, r)| *r)
        .unwrap_or_else(|| connections::relation_of("", file))
}

/// Parse a friends / followers / following page.
pub fn parse_connections(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    #[derive(Serialize)]
    struct Out<'a> {
        relation: &'a str,
        name: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        link: Option<String>,
    }
    let relation = relation_of_page(cx.file);
    each_box(reader, cx, |cx, b| {
        let Some(name) = title(&b).or_else(|| b.value(|l| Label::Name.is(l)).map(fx)) else {
            cx.warn(Some(b.index), format!("connection {}: no name", b.index));
            return Ok(());
        };
        let r = Record::new("connection", Category::SocialGraph)
            .at(b.ts)
            .title(format!("{}: {name}", connections::label(relation)))
            .data(&Out { relation, name: &name, link: b.web_links().into_iter().next() })
            .with_key(&[relation, &name]);
        cx.emit(b.index, r)
    })?;
    Ok(())
}

/// Parse an ad-interests page: box titles and row values are interests.
pub fn parse_ad_interests(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let list = file_stem(cx.file).to_string();
    each_box(reader, cx, |cx, b| {
        if let Some(t) = title(&b) {
            ad_interests::emit_one(cx, b.index, &list, &t)?;
        }
        for row in &b.rows {
            for v in &row.values {
                ad_interests::emit_one(cx, b.index, &row.label, v)?;
            }
        }
        Ok(())
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::importers::meta::html::parser::*;
    use crate::importers::meta::html::test_support::ok;
    use crate::importers::meta::parser as json;
    use crate::importers::meta::test_support::ok as json_ok;

    fn keys(o: &crate::testing::MemorySink) -> Vec<(&'static str, Option<u64>, Option<String>)> {
        o.records.iter().map(|r| (r.kind, r.key, r.title.clone())).collect()
    }

    const FB_POST: &str = r#"<html><body><div role="main"><div><div>Alex updated their status.</div><div><div><div></div><div>Coffee at the café</div>
        <div><div><a href="posts/media/a/1.jpg"><img src="posts/media/a/1.jpg"></a></div></div><table><tr><td>Place<div><div>Café de Flore</div></div></td></tr>
        <tr><td>Coordinates<div><div>48.8541, 2.3326</div></div></td></tr></table></div></div><div>Sep 13, 2020 12:26:40 pm</div></div></div></body></html>"#;

    #[test]
    fn posts_comments_likes_connections_interests_match_the_json() {
        let cases: [(&str, &str, &str, &str, &str); 5] = [
            (POSTS, json::POSTS, "posts/your_posts_1",
             r#"[{"timestamp": 1600000000, "title": "Alex updated their status.", "data": [{"post": "Coffee at the café"}],
                 "attachments": [{"data": [{"media": {"uri": "posts/media/a/1.jpg"}}]}, {"data": [{"place": {"name": "Café de Flore", "coordinate": {"latitude": 48.8541, "longitude": 2.3326}}}]}]}]"#,
             FB_POST),
            (COMMENTS, json::COMMENTS, "your_instagram_activity/comments/post_comments_1",
             r#"[{"string_map_data": {"Comment": {"value": "Nice"}, "Media Owner": {"value": "sam.r"}, "Time": {"timestamp": 1600000000}}}]"#,
             r#"<div role="main"><div><div></div><div><table><tr><td>Kommentar<div><div>Nice</div></div></td></tr><tr><td>Eigentümer des Inhalts<div><div>sam.r</div></div></td></tr></table></div><div>13.09.2020, 12:26:40</div></div></div>"#),
            (LIKES, json::LIKES, "likes/liked_posts",
             r#"{"likes_media_likes": [{"title": "sam.r", "string_list_data": [{"href": "https://www.instagram.com/p/C1/", "value": "👍", "timestamp": 1600000000}]}]}"#,
             r#"<div role="main"><div><div>sam.r</div><div><table><tr><td>Reaction<div><div>👍</div></div></td></tr><tr><td>URL<div><div><a href="https://www.instagram.com/p/C1/">https://www.instagram.com/p/C1/</a></div></div></td></tr></table></div><div>Sep 13, 2020 12:26:40 pm</div></div></div>"#),
            (CONNECTIONS, json::CONNECTIONS, "friends_and_followers/sent_friend_requests",
             r#"{"sent_requests_v2": [{"name": "Kim Novak", "timestamp": 1600000000}]}"#,
             r#"<div role="main"><div><div>Kim Novak</div><div></div><div>Sep 13, 2020 12:26:40 pm</div></div></div>"#),
            (AD_INTERESTS, json::AD_INTERESTS, "ads_information/other_categories_used_to_reach_you",
             r#"{"label_values": [{"label": "Other categories used to reach you", "vec": [{"value": "Away from hometown"}, {"value": "Early adopters"}]}]}"#,
             r#"<div role="main"><div><div></div><div><table><tr><td>Other categories used to reach you<div><div>Away from hometown</div><div>Early adopters</div></div></td></tr></table></div></div></div>"#),
        ];
        for (tag, json_tag, stem, json_file, html) in cases {
            let want = json_ok(json_tag, &format!("{stem}.json"), json_file);
            let got = ok(tag, &format!("{stem}.html"), html);
            assert!(!want.records.is_empty(), "{stem}");
            assert_eq!(keys(&got), keys(&want), "{stem}");
            let rest = |o: &crate::testing::MemorySink| o.records.iter().map(|r| (r.ts, r.lat, r.lon, r.category)).collect::<Vec<_>>();
            assert_eq!(rest(&got), rest(&want), "{stem}");
        }
    }

    #[test]
    fn facebook_2024_reactions_through_the_walker() {
        let json_file = r#"[{"timestamp": 1700000000, "fbid": "900001", "media": [], "label_values": [
            {"label": "Reaction", "value": "Like"}, {"label": "Name", "value": "Kim Novak"},
            {"label": "URL", "value": "https://www.facebook.com/photo/?fbid=900001", "href": "https://www.facebook.com/photo/?fbid=900001"}]}]"#;
        let want = json_ok(json::LIKES, "c/likes_and_reactions_1.json", json_file);
        let html = r#"<div role="main"><div><div></div><div><table><tr><td>Reaction<div><div>Like</div></div></td></tr><tr><td>Name<div><div>Kim Novak</div></div></td></tr>
            <tr><td>URL<div><div><a href="https://www.facebook.com/photo/?fbid=900001">https://www.facebook.com/photo/?fbid=900001</a></div></div></td></tr>
            <tr><td>Timestamp<div><div>Nov 14, 2023 10:13:20 pm</div></div></td></tr></table></div><div>Nov 14, 2023 10:13:20 pm</div></div></div>"#;
        let got = ok(LIKES, "c/likes_and_reactions_1.html", html);
        assert_eq!(keys(&got), keys(&want));
    }
}
