//! What the user did on Spotify besides playing: `SearchQueries.json` (`[{platform,
//! searchTime: "2024-01-02T10:00:00.000Z[UTC]", searchQuery, searchInteractionURIs}]`),
//! `YourLibrary.json` (`{tracks: [{artist, album, track, uri}], albums, shows, episodes,
//! artists, bannedTracks, other}`), `Playlist1.json` … `PlaylistN.json` (`{playlists: [{name,
//! lastModifiedDate, description, numberOfFollowers, items: [{track: {trackName, artistName,
//! albumName, trackUri}, episode, localTrack, addedDate}]}]}`), `Follow.json` (counts:
//! `{followerCount, followingUsersCount, dismissingUsersCount}`, in some generations lists
//! such as `followingArtists`), `Payments.json`
//! (`{payment_method, creation_date, country, postal_code}`). Every other JSON file of the
//! account data (Wrapped, family plan, customer service...) is indexed by the shared indexer
//! (`crate::indexing`): searchable, and reported as indexed, not understood.

use super::read;
use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::importers::rows::{dated, emit_row, row, RowSpec};
use crate::model::{Category, Record};
use crate::money::Money;
use serde_json::{json, Value};
use std::io::Read;

const SEARCH: RowSpec = RowSpec {
    extra: &[&["platform"]],
    ..RowSpec::simple(
        "search",
        Category::Searches,
        "Searched for ",
        &["searchTime"],
        &["searchQuery"],
    )
};

const PAYMENT: RowSpec = RowSpec {
    extra: &[&["country"], &["postal_code", "postalCode"]],
    ..RowSpec::simple(
        "payment_method",
        Category::Purchases,
        "Payment method: ",
        &["creation_date", "creationDate"],
        &["payment_method", "paymentMethod"],
    )
};

/// Sections of `YourLibrary.json`: (key, noun, name field, by field).
const LIBRARY: &[(&str, &str, &[&str], &[&str])] = &[
    ("tracks", "Saved track", &["track"], &["artist"]),
    ("albums", "Saved album", &["album"], &["artist"]),
    ("artists", "Follows artist", &["name", "artist"], &[]),
    ("shows", "Follows podcast", &["name"], &["publisher"]),
    ("episodes", "Saved episode", &["name"], &["show"]),
    ("bannedTracks", "Hid track", &["track"], &["artist"]),
    ("bannedArtists", "Hid artist", &["name", "artist"], &[]),
    ("other", "Saved", &["name", "track"], &[]),
];

/// The elements of a file that is a list, or `{key: [list]}`.
fn elements<'v>(v: &'v Value, key: &str) -> &'v [Value] {
    if v.is_array() {
        lenient::list(Some(v))
    } else if let Some(list) = lenient::get(v, key) {
        lenient::list(Some(list))
    } else {
        std::slice::from_ref(v)
    }
}

/// Each element of a list file through a [`RowSpec`].
fn rows(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
    key: &str,
    spec: &RowSpec,
) -> Result<(), ParseError> {
    let Some(v) = read::small_json(reader, cx)? else {
        return Ok(());
    };
    for (i, item) in elements(&v, key).iter().enumerate() {
        emit_row(cx, i as u64, spec, item)?;
    }
    Ok(())
}

pub fn parse_searches(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    rows(reader, cx, "searchQueries", &SEARCH)
}

/// `Payments.json`. The exports seen name only the payment method; an element that also has
/// an amount (`amount`/`price` with `currency`, unconfirmed) carries it as money.
pub fn parse_payments(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(v) = read::small_json(reader, cx)? else {
        return Ok(());
    };
    for (i, item) in elements(&v, "payments").iter().enumerate() {
        if let Some(r) = row(cx, i as u64, &PAYMENT, item) {
            cx.emit(i as u64, r.money_opt(payment_amount(item)))?;
        }
    }
    Ok(())
}

/// The amount of a payment element, when it has one with a currency.
fn payment_amount(item: &Value) -> Option<Money> {
    let amount = lenient::field(item, &["amount", "price", "total"])?;
    let currency = lenient::field(item, &["currency", "currency_code", "currencyCode"]);
    Money::parse(&amount, currency.as_deref())
}

/// `YourLibrary.json`: one `library_item` per saved thing.
pub fn parse_library(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(v) = read::small_json(reader, cx)? else {
        return Ok(());
    };
    let mut position = 0u64;
    for (key, noun, name, by) in LIBRARY {
        for item in lenient::list(lenient::get(&v, key)) {
            position += 1;
            let what = lenient::field(item, name).or_else(|| item.as_str().map(str::to_string));
            let Some(what) = what else {
                cx.warn(Some(position), format!("library {key}: no name"));
                continue;
            };
            let who = lenient::field(item, by);
            let uri = lenient::field(item, &["uri"]);
            let title = match &who {
                Some(w) => format!("{noun}: {what} ({w})"),
                None => format!("{noun}: {what}"),
            };
            let r = Record::new("library_item", Category::MediaConsumption)
                .title(title)
                .data(&json!({ "section": key, "by": who, "uri": uri }))
                .with_key(&[
                    key,
                    uri.as_deref().unwrap_or(&what),
                    who.as_deref().unwrap_or(""),
                ]);
            cx.emit(position, r)?;
        }
    }
    Ok(())
}

/// `PlaylistN.json`: a `playlist` per playlist and a `playlist_item` per entry in it.
pub fn parse_playlists(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(v) = read::small_json(reader, cx)? else {
        return Ok(());
    };
    let mut position = 0u64;
    for pl in elements(&v, "playlists") {
        position += 1;
        let Some(name) = lenient::field(pl, &["name"]) else {
            cx.warn(Some(position), "playlist: no name");
            continue;
        };
        let modified = lenient::field(pl, &["lastModifiedDate"]);
        let items = lenient::list(lenient::get(pl, "items"));
        let r = Record::new("playlist", Category::Content)
            .at(dated(cx, position, "playlist", modified.as_deref()))
            .title(format!("Playlist {name} ({} items)", items.len()))
            .body_opt(lenient::field(pl, &["description"]))
            .data(&json!({ "followers": lenient::field(pl, &["numberOfFollowers"]) }))
            .with_key(&[&name]);
        cx.emit(position, r)?;
        for item in items {
            position += 1;
            playlist_item(cx, position, &name, item)?;
        }
    }
    Ok(())
}

/// One entry of a playlist: a track, an episode or a local file.
fn playlist_item(
    cx: &mut ImportCx<'_>,
    position: u64,
    playlist: &str,
    item: &Value,
) -> Result<(), ParseError> {
    let added = lenient::field(item, &["addedDate"]);
    let ts = dated(cx, position, "playlist item", added.as_deref());
    let entry = ["track", "episode", "localTrack", "audiobook"]
        .iter()
        .find_map(|k| lenient::get(item, k).filter(|x| x.is_object()));
    let Some(entry) = entry else {
        cx.warn(
            Some(position),
            format!("playlist {playlist}: item without a track or episode"),
        );
        return Ok(());
    };
    let what = lenient::field(entry, &["trackName", "episodeName", "name", "uri"])
        .unwrap_or_else(|| "(untitled)".into());
    let by = lenient::field(entry, &["artistName", "showName"]);
    let uri = lenient::field(entry, &["trackUri", "episodeUri", "uri"]);
    let title = match &by {
        Some(b) => format!("{what} by {b}, in {playlist}"),
        None => format!("{what}, in {playlist}"),
    };
    let r = Record::new("playlist_item", Category::Content)
        .at(ts)
        .title(title)
        .data(&json!({ "playlist": playlist, "album": lenient::field(entry, &["albumName"]), "uri": uri }))
        .with_key(&[playlist, uri.as_deref().unwrap_or(&what), added.as_deref().unwrap_or("")]);
    cx.emit(position, r)
}

/// `Follow.json`: the counts, as one record.
pub fn parse_follow(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let Some(v) = read::small_json(reader, cx)? else {
        return Ok(());
    };
    let n = |k: &str| lenient::field(&v, &[k]).unwrap_or_else(|| "0".into());
    let (followers, following, dismissed) = (
        n("followerCount"),
        n("followingUsersCount"),
        n("dismissingUsersCount"),
    );
    let r = Record::new("follow_counts", Category::SocialGraph)
        .title(format!(
            "{followers} followers, following {following} people"
        ))
        .data(&json!({ "followers": followers, "following": following, "dismissed": dismissed }))
        .with_key(&[]);
    cx.emit(0, r)?;
    // Some generations also list who (`followingArtists`, `followingUsers`, `followerUsers`:
    // names or `{name, uri}` objects).
    let mut position = 0u64;
    for (key, verb) in FOLLOW_LISTS {
        for item in lenient::list(lenient::get(&v, key)) {
            position += 1;
            let who = lenient::field(item, &["name", "displayName", "username", "uri"])
                .or_else(|| lenient::text(Some(item)));
            let Some(who) = who else {
                cx.warn(Some(position), format!("{key}: entry without a name"));
                continue;
            };
            let r = Record::new("connection", Category::SocialGraph)
                .title(format!("{verb} {who}"))
                .data(&json!({ "list": key }))
                .with_key(&[key, &who]);
            cx.emit(position, r)?;
        }
    }
    Ok(())
}

/// Lists of `Follow.json`, with the words of their titles.
const FOLLOW_LISTS: &[(&str, &str)] = &[
    ("followingArtists", "Follows artist"),
    ("followingUsers", "Follows"),
    ("followerUsers", "Followed by"),
    ("blockingUsers", "Blocked"),
];

#[cfg(test)]
mod tests {
    use super::super::parse_with;
    use super::*;

    #[test]
    fn searches_payments_library_playlists_follow() {
        let c = parse_with(
            r#"[{"platform":"IPHONE","searchTime":"2022-12-28T14:05:11.123Z[UTC]","searchQuery":"jazz","searchInteractionURIs":[]}]"#,
            parse_searches,
        );
        assert_eq!(c.records[0].title.as_deref(), Some("Searched for jazz"));
        assert!(c.records[0].ts.is_some(), "[UTC] suffix is read");
        let c = parse_with(
            r#"{"payment_method":"Visa","creation_date":"2020-01-01","country":"SE","postal_code":null}"#,
            parse_payments,
        );
        assert_eq!(c.records.len(), 1);
        assert!(
            c.records[0].amount.is_none(),
            "no amount in the exports seen"
        );
        let c = parse_with(
            r#"[{"payment_method":"Visa","creation_date":"2020-01-01","amount":"9,99","currency":"SEK"},{"payment_method":"PayPal","creation_date":"2021-01-01","price":"€10.99"}]"#,
            parse_payments,
        );
        let amounts: Vec<_> = c
            .records
            .iter()
            .map(|r| r.amount.map(|m| (m.minor, m.currency.as_str().to_string())))
            .collect();
        assert_eq!(
            amounts,
            [
                Some((999, "SEK".to_string())),
                Some((1099, "EUR".to_string()))
            ]
        );
        let c = parse_with(
            r#"{"tracks":[{"artist":"A","album":"B","track":"T","uri":"spotify:track:1"}],"albums":null,"shows":[{"name":"S","publisher":"P"}],"other":["x"],"episodes":[{}]}"#,
            parse_library,
        );
        assert_eq!(c.records.len(), 3);
        assert_eq!(c.warnings.len(), 1);
        let c = parse_with(
            r#"{"playlists":[{"name":"Run","lastModifiedDate":"2024-01-01","items":[{"track":{"trackName":"T","artistName":"A","trackUri":"u"},"episode":null,"addedDate":"2024-01-01"},{"track":null,"episode":null}]}]}"#,
            parse_playlists,
        );
        assert_eq!(c.records.len(), 2);
        assert_eq!(c.warnings.len(), 1);
        let c = parse_with(
            r#"{"followerCount":3,"followingUsersCount":5,"dismissingUsersCount":0}"#,
            parse_follow,
        );
        assert_eq!(
            c.records[0].title.as_deref(),
            Some("3 followers, following 5 people")
        );
        let c = parse_with(
            r#"{"followerCount":1,"followingArtists":["Mira Sol",{"name":"DJ Kestrel"},{}]}"#,
            parse_follow,
        );
        assert_eq!(c.records.len(), 3);
        assert_eq!(
            c.records[2].title.as_deref(),
            Some("Follows artist DJ Kestrel")
        );
        assert_eq!(c.warnings.len(), 1);
    }
}
