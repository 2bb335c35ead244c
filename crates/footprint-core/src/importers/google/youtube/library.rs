//! What the user keeps on YouTube:
//!
//! - `subscriptions/subscriptions.csv` (`Channel Id, Channel Url, Channel Title`; Spanish
//!   `suscripciones/suscripciones.csv`, German `Abos/Abos.csv`, French
//!   `abonnements/abonnements.csv`): channels followed,
//! - `playlists/playlists.csv` (since 2023: `Playlist ID, Add new videos to top, Playlist
//!   Title (Original), …, Playlist Create Timestamp, Playlist Update Timestamp, Playlist Video
//!   Order, Playlist Visibility`) and one `<title>-videos.csv` per playlist (`Video ID,
//!   Playlist Video Creation Timestamp`); before 2023 one `<title>.csv` per playlist with the
//!   playlist's own row first, then `Video Id, Time Added` rows,
//! - `video metadata/videos.csv`: the user's uploads (the video files in `videos/` are skipped),
//! - `music (library and uploads)/music library songs.csv`: YouTube Music's saved songs.

use super::columns::{self as c, Col};
use super::{read_table, time_of, video_url};
use crate::formats::csv_table::{norm_column, Row};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record};
use serde::Serialize;
use std::cell::Cell;
use std::io::Read;

#[derive(Serialize)]
struct SubscriptionData<'x> {
    #[serde(rename = "channelId", skip_serializing_if = "Option::is_none")]
    channel_id: Option<&'x str>,
    #[serde(rename = "channelUrl", skip_serializing_if = "Option::is_none")]
    channel_url: Option<&'x str>,
}

/// Channels the user subscribed to.
pub fn parse_subscriptions(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    read_table(
        reader,
        cx,
        "subscription",
        |h| {
            [
                &c::SUB_CHANNEL_ID,
                &c::SUB_CHANNEL_URL,
                &c::SUB_CHANNEL_TITLE,
            ]
            .map(|f| Col::find(h, f))
        },
        |[id, url, title], row, _| {
            let (id, url, title) = (id.get(row), url.get(row), title.get(row));
            let Some(name) = title.or(id).or(url) else {
                return Err("no channel".into());
            };
            let data = SubscriptionData {
                channel_id: id,
                channel_url: url,
            };
            Ok(Some(
                Record::new("subscription", Category::SocialGraph)
                    .title(name)
                    .data(&data)
                    .with_key(&[id.or(url).unwrap_or(name)]),
            ))
        },
    )
}

#[derive(Serialize)]
struct PlaylistData<'x> {
    #[serde(rename = "playlistId", skip_serializing_if = "Option::is_none")]
    playlist_id: Option<&'x str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    visibility: Option<&'x str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<&'x str>,
}

fn playlist_record(
    id: Option<&str>,
    title: Option<&str>,
    ts: Option<i64>,
    data: &PlaylistData<'_>,
) -> Result<Option<Record>, String> {
    let Some(name) = title.or(id) else {
        return Err("no playlist title or ID".into());
    };
    Ok(Some(
        Record::new("playlist", Category::Content)
            .at(ts)
            .title(name)
            .data(data)
            .with_key(&[id.unwrap_or(name)]),
    ))
}

/// `playlists.csv`: the user's playlists.
pub fn parse_playlists(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    read_table(
        reader,
        cx,
        "playlist",
        |h| {
            [
                &c::PLAYLIST_ID,
                &c::PLAYLIST_TITLE,
                &c::PLAYLIST_CREATED,
                &c::PLAYLIST_UPDATED,
                &c::PLAYLIST_VISIBILITY,
            ]
            .map(|f| Col::find(h, f))
        },
        |[id, title, created, updated, visibility], row, cx| {
            let ts = time_of(cx, row, created.get(row));
            let data = PlaylistData {
                playlist_id: id.get(row),
                visibility: visibility.get(row),
                updated: updated.get(row),
            };
            playlist_record(id.get(row), title.get(row), ts, &data)
        },
    )
}

/// The playlist a `<title>-videos.csv` (or, before 2023, `<title>.csv`) belongs to, from its
/// file name: the suffix after the last `-` is dropped when it is the localized word for
/// videos (`-videos`, `-vídeos`, `-videoclipuri`).
pub fn playlist_name(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    match stem.rsplit_once('-') {
        Some((title, suffix))
            if !title.is_empty() && suffix.to_lowercase().starts_with("v") && suffix.len() >= 5 =>
        {
            title
        }
        _ => stem,
    }
}

#[derive(Serialize)]
struct ItemData<'x> {
    #[serde(rename = "videoId")]
    video_id: &'x str,
    playlist: &'x str,
}

/// Columns of one playlist file, and whether the old block layout's item rows have begun.
struct ItemCols {
    video: Col,
    added: Col,
    /// The old layout (playlist ID, title, creation time): the first row is the playlist's
    /// own, items come after an inner `Video Id` header.
    old: Option<[Col; 3]>,
    in_items: Cell<bool>,
}

impl ItemCols {
    fn new(h: &[String]) -> Self {
        let video = Col::find(h, &c::ITEM_VIDEO_ID);
        let old = (!video.named() && Col::find(h, &c::OLD_PLAYLIST_CREATED).named()).then(|| {
            [
                &c::PLAYLIST_ID,
                &c::OLD_PLAYLIST_TITLE,
                &c::OLD_PLAYLIST_CREATED,
            ]
            .map(|f| Col::find(h, f))
        });
        ItemCols {
            video,
            added: Col::find(h, &c::ITEM_ADDED),
            old,
            in_items: Cell::new(false),
        }
    }

    fn row(
        &self,
        playlist: &str,
        row: &Row<'_>,
        cx: &mut ImportCx<'_>,
    ) -> Result<Option<Record>, String> {
        let Some([id, title, created]) = self.old else {
            return item(playlist, self.video.get(row), self.added.get(row), row, cx);
        };
        if self.in_items.get() {
            // Old item rows: video ID then time, by position.
            return item(playlist, row.at(0), row.at(1), row, cx);
        }
        if row.at(0).is_some_and(|v| norm_column(v) == "videoid") {
            self.in_items.set(true);
            return Ok(None);
        }
        let ts = time_of(cx, row, created.get(row));
        let data = PlaylistData {
            playlist_id: id.get(row),
            visibility: None,
            updated: None,
        };
        playlist_record(id.get(row), title.get(row).or(Some(playlist)), ts, &data)
    }
}

/// One playlist's videos.
pub fn parse_playlist_items(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    let playlist = playlist_name(cx.file).to_string();
    read_table(
        reader,
        cx,
        "playlist video",
        ItemCols::new,
        |cols, row, cx| cols.row(&playlist, row, cx),
    )
}

fn item(
    playlist: &str,
    video: Option<&str>,
    added: Option<&str>,
    row: &Row<'_>,
    cx: &mut ImportCx<'_>,
) -> Result<Option<Record>, String> {
    let Some(video) = video else {
        return Err("no video ID".into());
    };
    let ts = time_of(cx, row, added);
    let data = ItemData {
        video_id: video,
        playlist,
    };
    Ok(Some(
        Record::new("playlist_item", Category::Content)
            .at(ts)
            .title(format!("{} in {playlist}", video_url(video)))
            .data(&data)
            .with_key(&[playlist, video, added.unwrap_or("")]),
    ))
}

#[derive(Serialize)]
struct UploadData<'x> {
    #[serde(rename = "videoId")]
    video_id: &'x str,
    #[serde(skip_serializing_if = "Option::is_none")]
    privacy: Option<&'x str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'x str>,
    #[serde(rename = "durationMs", skip_serializing_if = "Option::is_none")]
    duration_ms: Option<&'x str>,
}

/// `videos.csv`: the videos the user uploaded.
pub fn parse_videos(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    read_table(
        reader,
        cx,
        "uploaded video",
        |h| {
            [
                &c::VIDEO_ID,
                &c::VIDEO_TITLE,
                &c::VIDEO_DESCRIPTION,
                &c::VIDEO_CREATED,
                &c::VIDEO_PRIVACY,
                &c::VIDEO_CATEGORY,
                &c::VIDEO_DURATION,
            ]
            .map(|f| Col::find(h, f))
        },
        |[id, title, description, created, privacy, category, duration], row, cx| {
            let Some(video) = id.get(row) else {
                return Err("no video ID".into());
            };
            let ts = time_of(cx, row, created.get(row));
            let data = UploadData {
                video_id: video,
                privacy: privacy.get(row),
                category: category.get(row),
                duration_ms: duration.get(row),
            };
            Ok(Some(
                Record::new("uploaded_video", Category::Content)
                    .at(ts)
                    .title(
                        title
                            .get(row)
                            .map_or_else(|| video_url(video), str::to_string),
                    )
                    .body_opt(description.get(row).map(str::to_string))
                    .data(&data)
                    .with_key(&[video]),
            ))
        },
    )
}

#[derive(Serialize)]
struct SongData<'x> {
    #[serde(rename = "videoId", skip_serializing_if = "Option::is_none")]
    video_id: Option<&'x str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    album: Option<&'x str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    artist: Option<&'x str>,
}

/// `music library songs.csv`: songs saved in YouTube Music.
pub fn parse_music_library(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    read_table(
        reader,
        cx,
        "library song",
        |h| {
            [
                &c::SONG_VIDEO_ID,
                &c::SONG_TITLE,
                &c::SONG_ALBUM,
                &c::SONG_ARTIST,
            ]
            .map(|f| Col::find(h, f))
        },
        |[id, title, album, artist], row, _| {
            let (id, artist) = (id.get(row), artist.get(row));
            let Some(song) = title.get(row).or(id) else {
                return Err("no song title".into());
            };
            let shown = match artist {
                Some(a) => format!("{song} – {a}"),
                None => song.to_string(),
            };
            let data = SongData {
                video_id: id,
                album: album.get(row),
                artist,
            };
            Ok(Some(
                Record::new("library_song", Category::MediaConsumption)
                    .title(shown)
                    .data(&data)
                    .with_key(&[id.unwrap_or(song), artist.unwrap_or("")]),
            ))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::super::super::test_support::{data, run};
    use super::*;

    #[test]
    fn subscriptions_in_three_languages() {
        for (file, input) in [
            ("subscriptions/subscriptions.csv", "Channel Id,Channel Url,Channel Title\nUC1,http://www.youtube.com/channel/UC1,Cooking Daily\n"),
            ("suscripciones/suscripciones.csv", "\u{feff}ID del canal,URL del canal,Título del canal\nUC1,http://www.youtube.com/channel/UC1,Cooking Daily\n"),
            ("iscrizioni/iscrizioni.csv", "ID canale,URL canale,Titolo canale\nUC1,http://www.youtube.com/channel/UC1,Cooking Daily\n"),
        ] {
            let (out, res) = run(file, input, parse_subscriptions);
            res.unwrap();
            let r = &out.records[0];
            assert_eq!((r.kind, r.category), ("subscription", Category::SocialGraph), "{file}");
            assert_eq!(r.title.as_deref(), Some("Cooking Daily"), "{file}");
            assert_eq!(data(r)["channelId"], "UC1", "{file}");
            assert!(r.company.is_none(), "a channel is not a company holding data");
        }
    }

    #[test]
    fn playlist_names_from_file_names() {
        let cases = [
            (
                "Takeout/YouTube and YouTube Music/playlists/Watch later-videos.csv",
                "Watch later",
            ),
            ("playlists/Sons du dimanche-vidéos.csv", "Sons du dimanche"),
            ("playlists/Lo-fi beats-vídeos.csv", "Lo-fi beats"),
            ("playlists/Lo-fi.csv", "Lo-fi"),
            ("playlists/Road trip.csv", "Road trip"),
        ];
        for (file, want) in cases {
            assert_eq!(playlist_name(file), want, "{file}");
        }
    }

    #[test]
    fn playlists_new_and_old_layouts() {
        let meta = "Playlist ID,Add new videos to top,Playlist Title (Original),Playlist Title (Original) Language,Playlist Create Timestamp,Playlist Update Timestamp,Playlist Video Order,Playlist Visibility\n\
            PL1,False,Road trip,,2023-01-02T10:00:00+00:00,2023-02-02T10:00:00+00:00,Manual,Private\n";
        let (out, res) = run("playlists/playlists.csv", meta, parse_playlists);
        res.unwrap();
        let r = &out.records[0];
        assert_eq!(
            (r.kind, r.title.as_deref()),
            ("playlist", Some("Road trip"))
        );
        assert_eq!(data(r)["visibility"], "Private");

        let items = "Video ID,Playlist Video Creation Timestamp\nabc,2023-01-03T10:00:00+00:00\n,2023-01-03T10:00:00+00:00\n";
        let (out, res) = run(
            "playlists/Road trip-videos.csv",
            items,
            parse_playlist_items,
        );
        res.unwrap();
        assert_eq!(out.records.len(), 1);
        assert_eq!(out.records[0].kind, "playlist_item");
        assert_eq!(data(&out.records[0])["playlist"], "Road trip");
        assert_eq!(out.warnings.len(), 1);

        let old = "Playlist Id,Channel Id,Time Created,Time Updated,Title,Description,Visibility\n\
            PL2,UC1,2019-05-01 12:00:00 UTC,2019-06-01 12:00:00 UTC,Old mix,,Public\n\n\
            Video Id,Time Added\nvid1,2019-05-02 12:00:00 UTC\nvid2,2019-05-03 12:00:00 UTC\n";
        let (out, res) = run("playlists/Old mix.csv", old, parse_playlist_items);
        res.unwrap();
        let kinds: Vec<(&str, &str)> = out
            .records
            .iter()
            .map(|r| (r.kind, r.title.as_deref().unwrap()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("playlist", "Old mix"),
                (
                    "playlist_item",
                    "https://www.youtube.com/watch?v=vid1 in Old mix"
                ),
                (
                    "playlist_item",
                    "https://www.youtube.com/watch?v=vid2 in Old mix"
                ),
            ]
        );
        assert_eq!(out.records[2].ts, Some(1_556_884_800_000));
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    }

    #[test]
    fn uploads_and_music_library() {
        let videos = "Video ID,Approx Duration (ms),Video Audio Language,Video Category,Video Description (Original),Channel ID,Video Title (Original),Privacy,Video State,Video Create Timestamp,Video Publish Timestamp\n\
            v1,61000,en,Howto,\"Step one, step two\",UC1,My first bread,Public,Processed,2022-04-01T08:00:00+00:00,2022-04-01T09:00:00+00:00\n";
        let (out, res) = run("video metadata/videos.csv", videos, parse_videos);
        res.unwrap();
        let r = &out.records[0];
        assert_eq!((r.kind, r.category), ("uploaded_video", Category::Content));
        assert_eq!(r.title.as_deref(), Some("My first bread"));
        assert_eq!(r.body.as_deref(), Some("Step one, step two"));
        assert_eq!(data(r)["durationMs"], "61000");

        let songs =
            "Video ID,Song Title,Album Title,Artist Name 1\ns1,Blue Song,Colours,The Examples\n";
        let (out, res) = run(
            "music (library and uploads)/music library songs.csv",
            songs,
            parse_music_library,
        );
        res.unwrap();
        let r = &out.records[0];
        assert_eq!(
            (r.kind, r.category),
            ("library_song", Category::MediaConsumption)
        );
        assert_eq!(r.title.as_deref(), Some("Blue Song – The Examples"));
    }
}
