//! JSON files: `Apple Music - Library Tracks.json` (an array of track objects: `Title`,
//! `Artist`, `Album`, `Date Added To Library`, `Track Identifier`) and Game Center's
//! `Game Center Data.json` (an object with `games` and `friends` arrays; field names ASSUMED,
//! see IMPORTERS.md). Arrays are streamed element by element.

use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::importers::rows::{self, RowSpec};
use crate::json_stream::{stream_json, JsonItem};
use crate::model::{Category, Relation};
use serde_json::Value;
use std::io::Read;

const LIBRARY_TRACK: RowSpec = RowSpec {
    extra: &[
        &["Artist", "Artist Name"],
        &["Album", "Album Name"],
        &["Track Identifier"],
    ],
    ..RowSpec::simple(
        "library_track",
        Category::Content,
        "In your library: ",
        &[
            "Date Added To Library",
            "Date Added",
            "Date Added Timestamp",
        ],
        &["Title", "Track Name", "Song Name", "Name"],
    )
};

const GAME: RowSpec = RowSpec {
    extra: &[&["bundle_id", "Bundle ID"], &["developer"]],
    ..RowSpec::simple(
        "game",
        Category::ActivityBrowsing,
        "Played ",
        &["last_played", "Last Played Date", "first_played"],
        &["game_name", "Game Name", "title"],
    )
};

const FRIEND: RowSpec = RowSpec::simple(
    "game_center_friend",
    Category::SocialGraph,
    "Game Center friend ",
    &["friend_since", "Friend Since", "date"],
    &["player_name", "alias", "Nickname"],
);

/// What [`each_element`] hands every element to: the array's key, the index, the value.
type OnElement<'f> = dyn FnMut(&mut ImportCx<'_>, &str, u64, &Value) -> Result<(), ParseError> + 'f;

/// Each element of the streamed arrays, parsed and handed to `f` with its index; an element
/// that is not JSON is a warning with its byte offset.
fn each_element(
    reader: &mut dyn Read,
    keys: &[&str],
    cx: &mut ImportCx<'_>,
    f: &mut OnElement<'_>,
) -> Result<(), ParseError> {
    stream_json(reader, keys, &mut |item| {
        if let JsonItem::Element {
            key,
            index,
            raw,
            offset,
        } = item
        {
            match serde_json::from_slice::<Value>(raw) {
                Ok(v) => f(cx, key, index, &v)?,
                Err(e) => cx.warn(
                    Some(index),
                    format!("byte {offset}: unreadable element: {e}"),
                ),
            }
        }
        Ok(())
    })
}

pub fn parse_library_tracks(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    each_element(reader, &["*"], cx, &mut |cx, _, i, v| {
        rows::emit_row(cx, i, &LIBRARY_TRACK, v)
    })
}

pub fn parse_game_center(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_element(reader, &["games", "friends"], cx, &mut |cx, key, i, v| {
        if lenient::norm_key(key) == "friends" {
            return rows::emit_row(cx, i, &FRIEND, v);
        }
        let Some(mut r) = rows::row(cx, i, &GAME, v) else {
            return Ok(());
        };
        // The game is an app on the user's devices; its developer when named, else the game.
        if let Some(name) = lenient::field(v, &["developer", "game_name", "Game Name", "title"]) {
            r = r.company(name, Relation::InstalledApp);
        }
        cx.emit(i, r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    #[test]
    fn library_and_game_center() {
        let (s, r) = MemorySink::run_parser(
            "l.json",
            r#"[{"Title":"Song","Artist":"A","Date Added To Library":"2023-01-02T03:04:05Z"},{"Title":null}]"#,
            parse_library_tracks,
        );
        r.unwrap();
        assert_eq!(s.records.len(), 1);
        assert!(s.records[0].ts.is_some());
        let (s, r) = MemorySink::run_parser(
            "g.json",
            r#"{"games":[{"game_name":"Space Race","developer":"Zynga","last_played":"2023-02-01"}],"friends":null}"#,
            parse_game_center,
        );
        r.unwrap();
        assert_eq!(s.records.len(), 1);
        assert_eq!(s.records[0].company.as_ref().unwrap().name, "Zynga");
        let (_, r) = MemorySink::run_parser(
            "g.json",
            r#"{"games":[{"game_name":"X"},"#,
            parse_game_center,
        );
        assert!(r.is_err(), "a truncated file is a file error");
    }
}
