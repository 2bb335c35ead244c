//! The columns of YouTube's CSV files, in every language seen, and what each file is from its
//! header alone.
//!
//! Takeout translates CSV headers into the account's language (`Channel Id,Channel Url,Channel
//! Title`; Spanish `ID del canal,URL del canal,Título del canal`) but keeps the column order
//! of each table. So a column is found by one of its known names, and when none matches, by
//! a rule that does not depend on the language: its position (tables whose order never
//! changed), the first value that reads as a timestamp, or the first value in YouTube's
//! JSON-ish text form (`{"text":"..."}`). Names are compared by
//! [`csv_table::norm_column`] (case, spaces, `-`, `_` ignored; accents kept, so both spellings
//! are listed where Google uses both).
//!
//! Names marked (~) below were reported by other projects or guessed from the pattern and not
//! seen in an export; position and value rules cover a wrong guess.

use super::super::parser;
use crate::formats::csv_table::{self, Row};

/// How a column is found when none of its names is in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// Not at all: the value is absent.
    Nothing,
    /// At this position (0-based): the table's column order does not change between languages.
    Position(usize),
    /// The first value of the row that reads as an ISO date and time.
    Timestamp,
    /// The first value of the row in YouTube's JSON text form (`{"text":…}` runs or
    /// `{"takeoutSegments":[…]}`).
    TextRuns,
}

/// One column a parser reads.
#[derive(Debug)]
pub struct Field {
    /// The column's names, English first.
    pub names: &'static [&'static str],
    pub fallback: Fallback,
}

const fn field(names: &'static [&'static str], fallback: Fallback) -> Field {
    Field { names, fallback }
}

// Subscriptions (`subscriptions.csv`): Channel Id, Channel Url, Channel Title, in that order.
pub const SUB_CHANNEL_ID: Field = field(
    &[
        "Channel Id",
        "ID del canal",
        "Kanal-ID",
        "ID des chaînes",
        "ID de la chaîne",
        "Kanaal-ID",
    ],
    Fallback::Position(0),
);
pub const SUB_CHANNEL_URL: Field = field(
    &[
        "Channel Url",
        "URL del canal",
        "Kanal-URL",
        "URL des chaînes",
        "URL de la chaîne",
        "Kanaal-URL",
    ],
    Fallback::Position(1),
);
pub const SUB_CHANNEL_TITLE: Field = field(
    &[
        "Channel Title",
        "Título del canal",
        "Kanaltitel",
        "Titres des chaînes",
        "Titre de la chaîne",
        "Kanaaltitel",
    ],
    Fallback::Position(2),
);

/// The user's own channel ID, first in every channel table.
pub const OWN_CHANNEL_ID: Field = field(
    &[
        "Channel ID",
        "ID de canal",
        "ID del canal",
        "Kanal-ID",
        "ID de la chaîne",
        "Kanaal-ID",
    ],
    Fallback::Position(0),
);
// `channel.csv`: Channel ID, [Channel Country, Channel Description (Original),] Channel Title
// (Original), Channel Visibility: the order varies with the optional columns.
pub const OWN_CHANNEL_TITLE: Field = field(
    &[
        "Channel Title (Original)",
        "Título del canal (original)",
        "Kanaltitel (Original)",
        "Titre de la chaîne (original)",
        "(Originele) kanaaltitel",
    ],
    Fallback::Nothing,
);
pub const OWN_CHANNEL_VISIBILITY: Field = field(
    &[
        "Channel Visibility",
        "Visibilidad del canal",
        "Sichtbarkeit des Kanals",
        "Visibilité de la chaîne",
        "Kanaalzichtbaarheid",
    ],
    Fallback::Nothing,
);
pub const OWN_CHANNEL_COUNTRY: Field = field(
    &[
        "Channel Country",
        "País del canal",
        "Land des Kanals",
        "Pays de la chaîne",
    ],
    Fallback::Nothing,
);
// `channel URL configs.csv`: Channel ID, Channel Vanity URL 1 Name, ... 2 Name.
pub const VANITY_NAME_1: Field = field(
    &[
        "Channel Vanity URL 1 Name",
        "Nombre de la URL mnemónica del canal (1)",
        "Naam van vanity-URL 1 voor kanaal",
    ],
    Fallback::Position(1),
);
pub const VANITY_NAME_2: Field = field(
    &[
        "Channel Vanity URL 2 Name",
        "Nombre de la URL mnemónica del canal (2)",
        "Naam van vanity-URL 2 voor kanaal",
    ],
    Fallback::Position(2),
);

// Comments (`comments.csv`): before June 2024 `Comment ID, Channel ID, Comment Create
// Timestamp, Price, Parent Comment ID, Video ID, Comment Text`; since then Channel ID comes
// first and `Post ID`, `Top-Level Comment ID` were added. No position rule: the order moved.
pub const COMMENT_ID: Field = field(
    &[
        "Comment ID",
        "ID de comentario",
        "Kommentar-ID",
        "ID du commentaire",
        "Reactie-ID",
    ],
    Fallback::Nothing,
);
pub const COMMENT_CREATED: Field = field(
    &[
        "Comment Create Timestamp",
        "Marca de tiempo de creación del comentario",
        "Zeitstempel der Kommentarerstellung",
        "Horodatage de création du commentaire",
        "Aanmaaktijdstempel reactie",
    ],
    Fallback::Timestamp,
);
pub const COMMENT_TEXT: Field = field(
    &[
        "Comment Text",
        "Texto del comentario",
        "Kommentartext",
        "Texte du commentaire",
        "Reactietekst",
    ],
    Fallback::TextRuns,
);
pub const PARENT_COMMENT_ID: Field = field(
    &[
        "Parent Comment ID",
        "ID del comentario principal",
        "ID des übergeordneten Kommentars",
        "ID du commentaire parent",
    ],
    Fallback::Nothing,
);
pub const POST_ID: Field = field(
    &["Post ID", "ID de la publicación", "Post-ID", "ID du post"],
    Fallback::Nothing,
);
pub const VIDEO_ID: Field = field(
    &[
        "Video ID",
        "ID de vídeo",
        "ID del video",
        "Video-ID",
        "ID de la vidéo",
        "ID do vídeo",
    ],
    Fallback::Nothing,
);
pub const PRICE: Field = field(
    &["Price", "Precio", "Preis", "Prix", "Prijs"],
    Fallback::Nothing,
);
pub const CURRENCY: Field = field(
    &[
        "Currency code",
        "Código de moneda",
        "Währungscode",
        "Code de devise",
    ],
    Fallback::Nothing,
);

// Live chats (`live chats.csv`): Live Chat ID, Channel ID, Live Chat Create Timestamp, Price,
// [Currency code,] Video ID, Live Chat Text.
pub const LIVE_CHAT_ID: Field = field(
    &[
        "Live Chat ID",
        "ID del chat en directo",
        "Livechat-ID",
        "ID du chat en direct",
    ],
    Fallback::Position(0),
);
pub const LIVE_CHAT_CREATED: Field = field(
    &[
        "Live Chat Create Timestamp",
        "Marca de tiempo de creación del chat en directo",
        "Zeitstempel der Livechat-Erstellung",
        "Horodatage de création du chat en direct",
    ],
    Fallback::Timestamp,
);
pub const LIVE_CHAT_TEXT: Field = field(
    &[
        "Live Chat Text",
        "Texto del chat en directo",
        "Livechat-Text",
        "Texte du chat en direct",
    ],
    Fallback::TextRuns,
);

// The list of playlists (`playlists.csv`, since 2023).
pub const PLAYLIST_ID: Field = field(
    &[
        "Playlist ID",
        "ID de lista de reproducción",
        "Playlist-ID",
        "ID de la playlist",
    ],
    Fallback::Position(0),
);
pub const PLAYLIST_TITLE: Field = field(
    &[
        "Playlist Title (Original)",
        "Título de la lista de reproducción (original)",
        "Playlist-Titel (Original)",
        "Titre de la playlist (original)",
        "Playlist-titel (Origineel)",
    ],
    Fallback::Nothing,
);
pub const PLAYLIST_CREATED: Field = field(
    &[
        "Playlist Create Timestamp",
        "Marca de tiempo de creación de la lista de reproducción",
        "Zeitstempel der Playlist-Erstellung",
        "Horodatage de création de la playlist",
        "Playlist tijdstempel maken",
    ],
    Fallback::Timestamp,
);
pub const PLAYLIST_UPDATED: Field = field(
    &[
        "Playlist Update Timestamp",
        "Marca de tiempo de actualización de la lista de reproducción",
        "Zeitstempel der Playlist-Aktualisierung",
        "Horodatage de mise à jour de la playlist",
        "Playlist tijdstempel updaten",
    ],
    Fallback::Nothing,
);
pub const PLAYLIST_VISIBILITY: Field = field(
    &[
        "Playlist Visibility",
        "Visibilidad de la lista de reproducción",
        "Sichtbarkeit der Playlist",
        "Visibilité de la playlist",
        "Zichtbaarheid van playlist",
    ],
    Fallback::Nothing,
);
// One playlist's videos (`<title>-videos.csv`, since 2023): Video ID, Playlist Video Creation
// Timestamp.
pub const ITEM_VIDEO_ID: Field = field(VIDEO_ID.names, Fallback::Position(0));
pub const ITEM_ADDED: Field = field(
    &[
        "Playlist Video Creation Timestamp",
        "Marca de tiempo de creación de la lista de reproducción de vídeos",
        "Zeitstempel der Erstellung des Playlist-Videos",
        "Horodatage de création de la vidéo de la playlist",
        "Tijdstempel voor het maken van een playlistvideo",
    ],
    Fallback::Timestamp,
);
/// Before 2023 a playlist file began with its own row (`Playlist Id, Channel Id, Time Created,
/// Time Updated, Title, Description, Visibility`), then a blank line and `Video Id, Time Added`
/// rows (~ English only).
pub const OLD_PLAYLIST_TITLE: Field = field(&["Title"], Fallback::Nothing);
pub const OLD_PLAYLIST_CREATED: Field = field(&["Time Created"], Fallback::Timestamp);

// The user's uploads (`video metadata/videos.csv`).
pub const VIDEO_TITLE: Field = field(
    &[
        "Video Title (Original)",
        "Título del vídeo (original)",
        "Videotitel (Original)",
        "Titre de la vidéo (original)",
        "Videotitel (origineel)",
    ],
    Fallback::Nothing,
);
pub const VIDEO_DESCRIPTION: Field = field(
    &[
        "Video Description (Original)",
        "Descripción del vídeo (original)",
        "Videobeschreibung (Original)",
        "Description de la vidéo (original)",
        "Videobeschrijving (origineel)",
    ],
    Fallback::Nothing,
);
pub const VIDEO_CREATED: Field = field(
    &[
        "Video Create Timestamp",
        "Marca de tiempo de creación del vídeo",
        "Zeitstempel der Videoerstellung",
        "Horodatage de création de la vidéo",
        "Tijdstempel aanmaaktijd video",
    ],
    Fallback::Timestamp,
);
pub const VIDEO_PRIVACY: Field = field(
    &["Privacy", "Privacidad", "Datenschutz", "Confidentialité"],
    Fallback::Nothing,
);
pub const VIDEO_CATEGORY: Field = field(
    &[
        "Video Category",
        "Categoría del vídeo",
        "Videokategorie",
        "Catégorie de la vidéo",
        "Videocategorie",
    ],
    Fallback::Nothing,
);
pub const VIDEO_DURATION: Field = field(
    &[
        "Approx Duration (ms)",
        "Duración aproximada (ms)",
        "Ungefähre Dauer (ms)",
        "Durée approximative (ms)",
        "Geschatte duur (ms)",
    ],
    Fallback::Nothing,
);

// YouTube Music's library (`music library songs.csv`): the header stays English in the
// exports seen (Portuguese included).
pub const SONG_VIDEO_ID: Field = field(VIDEO_ID.names, Fallback::Nothing);
pub const SONG_TITLE: Field = field(
    &[
        "Song Title",
        "Título de la canción",
        "Titel des Songs",
        "Titre du morceau",
    ],
    Fallback::Nothing,
);
pub const SONG_ALBUM: Field = field(
    &[
        "Album Title",
        "Título del álbum",
        "Albumtitel",
        "Titre de l'album",
    ],
    Fallback::Nothing,
);
pub const SONG_ARTIST: Field = field(
    &["Artist Name 1", "Artist Names", "Artist Name"],
    Fallback::Nothing,
);

/// What each parser's file looks like: every field of the signature has one of its names in
/// the header. Checked in order (the list of subscriptions before the user's channel: both
/// have a channel ID).
const SIGNATURES: &[(&str, &[&Field])] = &[
    (
        parser::YT_SUBSCRIPTIONS,
        &[&SUB_CHANNEL_ID, &SUB_CHANNEL_URL, &SUB_CHANNEL_TITLE],
    ),
    (parser::YT_COMMENTS, &[&COMMENT_ID, &COMMENT_TEXT]),
    (parser::YT_LIVE_CHATS, &[&LIVE_CHAT_ID, &LIVE_CHAT_TEXT]),
    (parser::YT_PLAYLISTS, &[&PLAYLIST_ID, &PLAYLIST_TITLE]),
    (parser::YT_PLAYLIST_ITEMS, &[&ITEM_VIDEO_ID, &ITEM_ADDED]),
    (
        parser::YT_PLAYLIST_ITEMS,
        &[&PLAYLIST_ID, &OLD_PLAYLIST_CREATED],
    ),
    (parser::YT_CHANNEL, &[&OWN_CHANNEL_ID, &OWN_CHANNEL_TITLE]),
    (parser::YT_CHANNEL_URLS, &[&OWN_CHANNEL_ID, &VANITY_NAME_1]),
    (parser::YT_VIDEOS, &[&VIDEO_ID, &VIDEO_TITLE]),
    (parser::YT_MUSIC_LIBRARY, &[&SONG_TITLE, &SONG_ALBUM]),
];

/// Position of the first header column that is one of `field`'s names.
fn named(header_norm: &[String], field: &Field) -> Option<usize> {
    field.names.iter().find_map(|name| {
        let want = csv_table::norm_column(name);
        header_norm.iter().position(|h| *h == want)
    })
}

/// Which YouTube parser reads a CSV with this header (names in [`csv_table::norm_column`]
/// form, as [`crate::formats::sniff::csv_header`] gives them).
pub fn kind_of_header(header_norm: &[String]) -> Option<&'static str> {
    SIGNATURES
        .iter()
        .find(|(_, fields)| fields.iter().all(|f| named(header_norm, f).is_some()))
        .map(|(tag, _)| *tag)
}

/// Where one field sits in one file.
#[derive(Debug, Clone, Copy)]
pub struct Col {
    index: Option<usize>,
    fallback: Fallback,
}

impl Col {
    /// Find `field` in `header` (the names as the file writes them).
    pub fn find(header: &[String], field: &Field) -> Col {
        let norm: Vec<String> = header.iter().map(|h| csv_table::norm_column(h)).collect();
        Col {
            index: named(&norm, field),
            fallback: field.fallback,
        }
    }

    /// Whether the column was found by name.
    pub fn named(&self) -> bool {
        self.index.is_some()
    }

    /// The field's value in `row` (trimmed, never empty).
    pub fn get<'t>(&self, row: &Row<'t>) -> Option<&'t str> {
        if let Some(i) = self.index {
            return row.at(i);
        }
        match self.fallback {
            Fallback::Nothing => None,
            Fallback::Position(i) => row.at(i),
            Fallback::Timestamp => row.values().find(|v| looks_like_timestamp(v)),
            Fallback::TextRuns => row.values().find(|v| v.starts_with("{\"")),
        }
    }
}

/// An ISO date with a time (`2023-09-19T17:42:53.434647+00:00`): what YouTube's CSVs write.
/// Plain numbers (prices, durations) are not timestamps here.
fn looks_like_timestamp(v: &str) -> bool {
    v.len() >= 16 && v.as_bytes()[4] == b'-' && v.contains(':') && crate::time::parse(v).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::csv_table::{header_of, CsvTable};
    use crate::testing::MemorySink;

    #[test]
    fn files_are_known_by_their_header_in_every_language() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Channel Id,Channel Url,Channel Title\n", Some(parser::YT_SUBSCRIPTIONS)),
            ("\u{feff}ID del canal,URL del canal,Título del canal\n", Some(parser::YT_SUBSCRIPTIONS)),
            ("ID des chaînes,URL des chaînes,Titres des chaînes\n", Some(parser::YT_SUBSCRIPTIONS)),
            (
                "Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text\n",
                Some(parser::YT_COMMENTS),
            ),
            (
                "Channel ID,Comment Create Timestamp,Price,Comment ID,Parent Comment ID,Post ID,Video ID,Comment Text,Top-Level Comment ID\n",
                Some(parser::YT_COMMENTS),
            ),
            (
                "ID de comentario,ID de canal,Marca de tiempo de creación del comentario,Precio,ID de vídeo,Texto del comentario\n",
                Some(parser::YT_COMMENTS),
            ),
            (
                "Live Chat ID,Channel ID,Live Chat Create Timestamp,Price,Currency code,Video ID,Live Chat Text\n",
                Some(parser::YT_LIVE_CHATS),
            ),
            (
                "Playlist ID,Add new videos to top,Playlist Title (Original),Playlist Title (Original) Language,Playlist Create Timestamp\n",
                Some(parser::YT_PLAYLISTS),
            ),
            ("Video ID,Playlist Video Creation Timestamp\n", Some(parser::YT_PLAYLIST_ITEMS)),
            (
                "ID de vídeo,Marca de tiempo de creación de la lista de reproducción de vídeos\n",
                Some(parser::YT_PLAYLIST_ITEMS),
            ),
            (
                "Playlist Id,Channel Id,Time Created,Time Updated,Title,Description,Visibility\n",
                Some(parser::YT_PLAYLIST_ITEMS),
            ),
            ("Channel ID,Channel Title (Original),Channel Visibility\n", Some(parser::YT_CHANNEL)),
            ("ID de canal,Título del canal (original),Visibilidad del canal\n", Some(parser::YT_CHANNEL)),
            ("Channel ID,Channel Vanity URL 1 Name\n", Some(parser::YT_CHANNEL_URLS)),
            ("Video ID,Approx Duration (ms),Video Title (Original),Privacy\n", Some(parser::YT_VIDEOS)),
            ("Video ID,Song Title,Album Title,Artist Name 1\n", Some(parser::YT_MUSIC_LIBRARY)),
            // Other platforms' CSVs and YouTube's settings tables are not claimed.
            ("Channel ID,Channel Auto Moderation in Live Chat\n", None),
            ("First Name,Last Name,Connected On\n", None),
            ("Date,Title,Video Link\n", None),
        ];
        for (head, want) in cases {
            assert_eq!(kind_of_header(&header_of(head.as_bytes())), *want, "{head}");
        }
    }

    fn first_row(input: &str, fields: &[&Field]) -> Vec<Option<String>> {
        let mut got = Vec::new();
        let (_, r) = MemorySink::run_parser("t.csv", input, |reader, cx| {
            let mut t = CsvTable::new(reader)?;
            let cols: Vec<Col> = fields.iter().map(|f| Col::find(t.header(), f)).collect();
            let row = t.next_row(cx).expect("a row");
            got = cols.iter().map(|c| c.get(&row).map(String::from)).collect();
            Ok(())
        });
        r.unwrap();
        got
    }

    #[test]
    fn unknown_names_fall_back_to_position_and_value_rules() {
        // Italian headers (not in the tables): position for subscriptions.
        let got = first_row(
            "ID canale,URL canale,Titolo canale\nUC1,http://www.youtube.com/channel/UC1,Ricette\n",
            &[&SUB_CHANNEL_ID, &SUB_CHANNEL_URL, &SUB_CHANNEL_TITLE],
        );
        assert_eq!(
            got,
            [
                Some("UC1".into()),
                Some("http://www.youtube.com/channel/UC1".into()),
                Some("Ricette".into())
            ]
        );
        // Comments in an unknown language: the timestamp and the JSON text by their values.
        let got = first_row(
            "A,B,C,D,E,F\nUgx1,UC1,2023-09-19T17:42:53.434647+00:00,0,vid,\"{\"\"text\"\":\"\"ciao\"\"}\"\n",
            &[&COMMENT_CREATED, &COMMENT_TEXT, &COMMENT_ID],
        );
        assert_eq!(
            got,
            [
                Some("2023-09-19T17:42:53.434647+00:00".into()),
                Some("{\"text\":\"ciao\"}".into()),
                None
            ]
        );
    }
}
