//! Synthetic YouTube-only Google Takeouts ("Deselect all", then "YouTube and YouTube
//! Music"), following FORMATS.md and docs/IMPORTERS.md (Google, YouTube).
//!
//! What real exports have and the generator reproduces:
//! - folder, file and CSV header names in the account's language (EN, ES, DE, FR; names
//!   marked (~) in the importer's tables are unconfirmed and written here as guessed),
//! - watch and search history as My Activity JSON (`history/watch-history.json`), HTML cards
//!   (`watch-history.html`, Takeout's default) or both, with ads watched ("From Google Ads")
//!   naming the advertiser as the channel,
//! - three generations: 2022 (comments and live chats only as HTML, one `<title>.csv` per
//!   playlist with the playlist's own row first), 2023 (`comments.csv` with
//!   `{"takeoutSegments":[…]}` text, `playlists.csv` + `<title>-videos.csv`), 2025 (comments
//!   with Channel ID first, `Post ID`, `Top-Level Comment ID`, text as `{"text":…}` runs; live
//!   chats with `Currency code`),
//! - with or without the `Takeout/` folder (and its `archive_browser.html`), UTF-8 BOMs on
//!   CSVs, upload media files, channel settings tables,
//! - messy input on request: a 0-byte file, a truncated history, a CSV row with broken UTF-8,
//!   `null` lists, an unreadable date, lowercase headers, files under names no table lists.
//!
//! Everything is invented: the channel belongs to the seed's [`crate::Persona`], advertisers
//! come from [`crate::names`].

use super::{
    activity_html, add_activity, html_lang, iso, title, video_id, words, ActivityFormat, Locale,
    Verb, END_MS, INDEX_HTML, YEAR_MS,
};
use crate::archive_writer::{ArchiveWriter, Container};
use crate::names;
use crate::Rng;
use serde_json::{json, Value};
use std::io;
use std::path::{Path, PathBuf};

/// Which year's layout the export follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YouTubeGeneration {
    /// Comments and live chats only as HTML; one `<title>.csv` per playlist, in blocks.
    Y2022,
    /// `comments.csv` with `takeoutSegments`, `playlists.csv` and `<title>-videos.csv`.
    Y2023,
    /// Comments reordered with `Post ID` and text runs; live chats with a currency.
    Y2025,
}

/// What to generate. [`Default`] is a small English 2025 export with every file kind.
#[derive(Debug, Clone)]
pub struct YouTubeSpec {
    pub seed: u64,
    pub locale: Locale,
    pub generation: YouTubeGeneration,
    /// Videos watched (the main record kind).
    pub watches: usize,
    pub searches: usize,
    /// Ads watched, in the watch history ("From Google Ads"), each naming an advertiser.
    pub ads: usize,
    pub subscriptions: usize,
    pub playlists: usize,
    pub videos_per_playlist: usize,
    pub comments: usize,
    pub live_chats: usize,
    pub uploads: usize,
    pub songs: usize,
    /// Under `Takeout/` with `archive_browser.html`, as Google delivers it.
    pub top_folder: bool,
    /// A UTF-8 BOM before every CSV.
    pub bom: bool,
    /// Watch and search history as JSON (the default), HTML or both.
    pub history_format: ActivityFormat,
    /// Also the HTML twin of the watch and search history (as [`ActivityFormat::Both`]).
    pub with_html: bool,
    /// Damage: 0-byte live chats, truncated search history, a broken comment row, `null`
    /// lists, an unreadable date, lowercase subscription headers.
    pub messy: bool,
    /// Subscriptions and the watch history under names no table knows (a language the
    /// importer's tables lack): only their content says what they are.
    pub unlisted_names: bool,
    pub macos_junk: bool,
    pub container: Container,
}

impl Default for YouTubeSpec {
    fn default() -> Self {
        YouTubeSpec {
            seed: 1,
            locale: Locale::En,
            generation: YouTubeGeneration::Y2025,
            watches: 30,
            searches: 8,
            ads: 5,
            subscriptions: 6,
            playlists: 2,
            videos_per_playlist: 4,
            comments: 5,
            live_chats: 3,
            uploads: 2,
            songs: 4,
            top_folder: true,
            bom: false,
            history_format: ActivityFormat::Json,
            with_html: false,
            messy: false,
            unlisted_names: false,
            macos_junk: false,
            container: Container::Zip,
        }
    }
}

impl YouTubeSpec {
    /// Which history files are written: (JSON, HTML).
    pub fn history_files(&self) -> (bool, bool) {
        let (json, html) = self.history_format.files();
        (json, html || self.with_html)
    }

    /// How many advertisers the watch history names (one per ad, cycling through these).
    pub fn advertisers(&self) -> Vec<String> {
        (0..self.ads).map(advertiser).collect()
    }
}

/// The advertiser of ad `i`: well-known names, the same on every platform's fixtures.
fn advertiser(i: usize) -> String {
    names::company(3 + i * 2)
}

/// Names that differ by language.
struct YtNames {
    root: &'static str,
    history: &'static str,
    watch: &'static str,
    search: &'static str,
    subscriptions: &'static str,
    subs_header: &'static str,
    comments: &'static str,
    comments_old_header: &'static str,
    comments_new_header: &'static str,
    live_chats: &'static str,
    live_header: &'static str,
    channel: &'static str,
    channel_header: &'static str,
    channel_urls: &'static str,
    urls_header: &'static str,
    settings: &'static str,
    playlists: &'static str,
    playlists_header: &'static str,
    playlist_dir: &'static str,
    items_suffix: &'static str,
    items_header: &'static str,
    videos: &'static str,
    videos_header: &'static str,
    media_dir: &'static str,
    music: &'static str,
}

const MUSIC_HEADER: &str = "Video ID,Song Title,Album Title,Artist Name 1";
const OLD_PLAYLIST_HEADER: &str =
    "Playlist Id,Channel Id,Time Created,Time Updated,Title,Description,Visibility";

fn yt_names(locale: Locale) -> YtNames {
    match locale {
        Locale::En => YtNames {
            root: "YouTube and YouTube Music",
            history: "history",
            watch: "watch-history",
            search: "search-history",
            subscriptions: "subscriptions/subscriptions.csv",
            subs_header: "Channel Id,Channel Url,Channel Title",
            comments: "comments/comments.csv",
            comments_old_header: "Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text",
            comments_new_header: "Channel ID,Comment Create Timestamp,Price,Comment ID,Parent Comment ID,Post ID,Video ID,Comment Text,Top-Level Comment ID",
            live_chats: "live chats/live chats.csv",
            live_header: "Live Chat ID,Channel ID,Live Chat Create Timestamp,Price,Video ID,Live Chat Text",
            channel: "channels/channel.csv",
            channel_header: "Channel ID,Channel Country,Channel Description (Original),Channel Title (Original),Channel Visibility",
            channel_urls: "channels/channel URL configs.csv",
            urls_header: "Channel ID,Channel Vanity URL 1 Name,Channel Vanity URL 2 Name",
            settings: "channels/channel feature data.csv",
            playlists: "playlists/playlists.csv",
            playlists_header: "Playlist ID,Add new videos to top,Playlist Title (Original),Playlist Title (Original) Language,Playlist Create Timestamp,Playlist Update Timestamp,Playlist Video Order,Playlist Visibility",
            playlist_dir: "playlists",
            items_suffix: "-videos",
            items_header: "Video ID,Playlist Video Creation Timestamp",
            videos: "video metadata/videos.csv",
            videos_header: "Video ID,Approx Duration (ms),Video Audio Language,Video Category,Video Description (Original),Channel ID,Video Title (Original),Privacy,Video State,Video Create Timestamp,Video Publish Timestamp",
            media_dir: "videos",
            music: "music (library and uploads)/music library songs.csv",
        },
        Locale::Es => YtNames {
            root: "YouTube y YouTube Music",
            history: "historial",
            watch: "historial-de-reproducciones",
            search: "historial-de-búsqueda",
            subscriptions: "suscripciones/suscripciones.csv",
            subs_header: "ID del canal,URL del canal,Título del canal",
            comments: "comentarios/comentarios.csv",
            comments_old_header: "ID de comentario,ID de canal,Marca de tiempo de creación del comentario,Precio,ID del comentario principal,ID de vídeo,Texto del comentario",
            comments_new_header: "ID de canal,Marca de tiempo de creación del comentario,Precio,ID de comentario,ID del comentario principal,ID de la publicación,ID de vídeo,Texto del comentario,ID del comentario de nivel superior",
            live_chats: "chats en directo/chats en directo.csv",
            live_header: "ID del chat en directo,ID de canal,Marca de tiempo de creación del chat en directo,Precio,ID de vídeo,Texto del chat en directo",
            channel: "canal/canal.csv",
            channel_header: "ID de canal,País del canal,Descripción del canal (original),Título del canal (original),Visibilidad del canal",
            channel_urls: "canal/configuraciones de la URL del canal.csv",
            urls_header: "ID de canal,Nombre de la URL mnemónica del canal (1),Nombre de la URL mnemónica del canal (2)",
            settings: "canal/datos de la función del canal.csv",
            playlists: "listas de reproducción/listas de reproducción.csv",
            playlists_header: "ID de lista de reproducción,Añadir vídeos nuevos al principio,Título de la lista de reproducción (original),Idioma del título de la lista de reproducción (original),Marca de tiempo de creación de la lista de reproducción,Marca de tiempo de actualización de la lista de reproducción,Orden de vídeos de lista de reproducción,Visibilidad de la lista de reproducción",
            playlist_dir: "listas de reproducción",
            items_suffix: "-vídeos",
            items_header: "ID de vídeo,Marca de tiempo de creación de la lista de reproducción de vídeos",
            videos: "metadatos de vídeos/vídeos.csv",
            videos_header: "ID de vídeo,Duración aproximada (ms),Idioma del audio del vídeo,Categoría del vídeo,Descripción del vídeo (original),ID de canal,Título del vídeo (original),Privacidad,Estado del vídeo,Marca de tiempo de creación del vídeo,Marca de tiempo de publicación del vídeo",
            media_dir: "vídeos",
            music: "música (biblioteca y subidas)/music library songs.csv",
        },
        Locale::De => YtNames {
            root: "YouTube und YouTube Music",
            history: "Verlauf",
            watch: "Wiedergabeverlauf",
            search: "Suchverlauf",
            subscriptions: "Abos/Abos.csv",
            subs_header: "Kanal-ID,Kanal-URL,Kanaltitel",
            comments: "Kommentare/Kommentare.csv",
            comments_old_header: "Kommentar-ID,Kanal-ID,Zeitstempel der Kommentarerstellung,Preis,ID des übergeordneten Kommentars,Video-ID,Kommentartext",
            comments_new_header: "Kanal-ID,Zeitstempel der Kommentarerstellung,Preis,Kommentar-ID,ID des übergeordneten Kommentars,Post-ID,Video-ID,Kommentartext,ID des Kommentars der obersten Ebene",
            live_chats: "Livechats/Livechats.csv",
            live_header: "Livechat-ID,Kanal-ID,Zeitstempel der Livechat-Erstellung,Preis,Video-ID,Livechat-Text",
            channel: "Kanäle/Kanal.csv",
            channel_header: "Kanal-ID,Land des Kanals,Kanalbeschreibung (Original),Kanaltitel (Original),Sichtbarkeit des Kanals",
            channel_urls: "Kanäle/Kanal-URL-Konfigurationen.csv",
            urls_header: "Kanal-ID,Channel Vanity URL 1 Name,Channel Vanity URL 2 Name",
            settings: "Kanäle/channel feature data.csv",
            playlists: "Playlists/Playlists.csv",
            playlists_header: "Playlist-ID,Neue Videos oben hinzufügen,Playlist-Titel (Original),Sprache des Playlist-Titels (Original),Zeitstempel der Playlist-Erstellung,Zeitstempel der Playlist-Aktualisierung,Videoreihenfolge der Playlist,Sichtbarkeit der Playlist",
            playlist_dir: "Playlists",
            items_suffix: "-Videos",
            items_header: "Video-ID,Zeitstempel der Erstellung des Playlist-Videos",
            videos: "Videometadaten/Videos.csv",
            videos_header: "Video-ID,Ungefähre Dauer (ms),Audiosprache des Videos,Videokategorie,Videobeschreibung (Original),Kanal-ID,Videotitel (Original),Datenschutz,Videostatus,Zeitstempel der Videoerstellung,Zeitstempel der Videoveröffentlichung",
            media_dir: "Videos",
            music: "Musik (Mediathek und Uploads)/music library songs.csv",
        },
        Locale::Fr => YtNames {
            root: "YouTube et YouTube Music",
            history: "historique",
            watch: "historique-des-vidéos-regardées",
            search: "historique-des-recherches",
            subscriptions: "abonnements/abonnements.csv",
            subs_header: "ID des chaînes,URL des chaînes,Titres des chaînes",
            comments: "commentaires/commentaires.csv",
            comments_old_header: "ID du commentaire,ID de la chaîne,Horodatage de création du commentaire,Prix,ID du commentaire parent,ID de la vidéo,Texte du commentaire",
            comments_new_header: "ID de la chaîne,Horodatage de création du commentaire,Prix,ID du commentaire,ID du commentaire parent,ID du post,ID de la vidéo,Texte du commentaire,ID du commentaire de premier niveau",
            live_chats: "chats en direct/chats en direct.csv",
            live_header: "ID du chat en direct,ID de la chaîne,Horodatage de création du chat en direct,Prix,ID de la vidéo,Texte du chat en direct",
            channel: "chaînes/chaîne.csv",
            channel_header: "ID de la chaîne,Pays de la chaîne,Description de la chaîne (original),Titre de la chaîne (original),Visibilité de la chaîne",
            channel_urls: "chaînes/configurations d'URL de la chaîne.csv",
            urls_header: "ID de la chaîne,Channel Vanity URL 1 Name,Channel Vanity URL 2 Name",
            settings: "chaînes/channel feature data.csv",
            playlists: "playlists/playlists.csv",
            playlists_header: "ID de la playlist,Ajouter les nouvelles vidéos en haut,Titre de la playlist (original),Langue du titre de la playlist (original),Horodatage de création de la playlist,Horodatage de mise à jour de la playlist,Ordre des vidéos de la playlist,Visibilité de la playlist",
            playlist_dir: "playlists",
            items_suffix: "-vidéos",
            items_header: "ID de la vidéo,Horodatage de création de la vidéo de la playlist",
            videos: "métadonnées des vidéos/vidéos.csv",
            videos_header: "ID de la vidéo,Durée approximative (ms),Langue audio de la vidéo,Catégorie de la vidéo,Description de la vidéo (original),ID de la chaîne,Titre de la vidéo (original),Confidentialité,État de la vidéo,Horodatage de création de la vidéo,Horodatage de publication de la vidéo",
            media_dir: "vidéos",
            music: "musique (bibliothèque et importations)/music library songs.csv",
        },
        // Dutch names from a data-donation project's real exports; the CSV headers other
        // than the subscriptions' are written in English (unconfirmed).
        Locale::Nl => YtNames {
            root: "YouTube en YouTube Music",
            history: "geschiedenis",
            watch: "kijkgeschiedenis",
            search: "zoekgeschiedenis",
            subscriptions: "abonnementen/abonnementen.csv",
            subs_header: "Kanaal-ID,Kanaal-URL,Kanaaltitel",
            comments: "reacties/reacties.csv",
            ..yt_names(Locale::En)
        },
        // Portuguese folders from one public parser (~), file names guessed (~).
        Locale::Pt => YtNames {
            root: "YouTube e YouTube Music",
            history: "histórico",
            watch: "histórico-de-visualização",
            search: "histórico-de-pesquisa",
            comments: "comentários/comentários.csv",
            live_chats: "chats ao vivo/chats ao vivo.csv",
            videos: "metadados do vídeo/vídeos.csv",
            ..yt_names(Locale::En)
        },
        // Italian and Polish: the YouTube folder pattern, other names guessed (~).
        Locale::It => YtNames {
            root: "YouTube e YouTube Music",
            history: "cronologia",
            watch: "cronologia-visualizzazioni",
            search: "cronologia-ricerche",
            ..yt_names(Locale::En)
        },
        Locale::Pl => YtNames {
            root: "YouTube i YouTube Music",
            history: "historia",
            watch: "historia-oglądania",
            search: "historia-wyszukiwania",
            ..yt_names(Locale::En)
        },
    }
}

/// One CSV value, quoted when it must be.
fn cell(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

/// A CSV file from a header line and rows of values (CRLF, as Takeout writes them).
fn csv(header: &str, rows: &[Vec<String>], bom: bool) -> Vec<u8> {
    let mut out = String::new();
    if bom {
        out.push('\u{feff}');
    }
    out.push_str(header);
    out.push_str("\r\n");
    for r in rows {
        let line: Vec<String> = r.iter().map(|v| cell(v)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// YouTube's CSV timestamp: microseconds and an offset.
fn yt_time(ms: i64) -> String {
    let dt = chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default();
    dt.format("%Y-%m-%dT%H:%M:%S%.6f+00:00").to_string()
}

/// Old playlist files' timestamp (~).
fn old_time(ms: i64) -> String {
    let dt = chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default();
    dt.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// A channel ID: `UC` and 22 characters.
fn channel_id(rng: &mut Rng) -> String {
    format!("UC{}{}", video_id(rng), &video_id(rng)[..11])
}

/// A time in the year before the export, newest first as `i` grows.
fn back(rng: &mut Rng, i: usize) -> i64 {
    END_MS - (i as i64 + 1) * 3_600_000 * 7 - rng.below(3_600_000) as i64
}

/// Generate one YouTube-only Takeout at `out` (zip, tgz, folder or part-zip stem). Returns
/// the paths written.
pub fn generate_youtube(spec: &YouTubeSpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    let n = yt_names(spec.locale);
    let mut rng = Rng::new(spec.seed ^ 0x7907_7b3e);
    let mut w = ArchiveWriter::new(out, spec.container)?.macos_junk(spec.macos_junk);
    if spec.top_folder {
        w = w.top_folder("Takeout");
        w.add("archive_browser.html", INDEX_HTML.as_bytes())?;
    }
    let root = n.root;
    let own = channel_id(&mut rng);
    let persona = crate::Persona::for_seed(spec.seed);
    write_history(&mut w, &mut rng, spec, &n)?;
    let subs = subscriptions(&mut rng, spec);
    let subs_header = if spec.messy {
        n.subs_header.to_lowercase()
    } else {
        n.subs_header.to_string()
    };
    let subs_path = if spec.unlisted_names {
        format!(
            "{root}/{}",
            n.subscriptions.replace(".csv", " (export).csv")
        )
    } else {
        format!("{root}/{}", n.subscriptions)
    };
    w.add(&subs_path, &csv(&subs_header, &subs, spec.bom))?;
    write_comments(&mut w, &mut rng, spec, &n, &own)?;
    // Channel.
    let handle = crate::persona::slug(&persona.name);
    w.add(
        &format!("{root}/{}", n.channel),
        &csv(
            n.channel_header,
            &[vec![
                own.clone(),
                "DE".into(),
                format!("Videos by {}", persona.first),
                persona.name.clone(),
                "Public".into(),
            ]],
            spec.bom,
        ),
    )?;
    w.add(
        &format!("{root}/{}", n.channel_urls),
        &csv(
            n.urls_header,
            &[vec![own.clone(), handle, String::new()]],
            spec.bom,
        ),
    )?;
    w.add(
        &format!("{root}/{}", n.settings),
        &csv(
            "Channel ID,Channel Auto Moderation in Live Chat,Video Default Allowed Comments Type",
            &[vec![own.clone(), "false".into(), "ALL".into()]],
            spec.bom,
        ),
    )?;
    write_playlists(&mut w, &mut rng, spec, &n, &own)?;
    write_uploads(&mut w, &mut rng, spec, &n, &own)?;
    let songs: Vec<Vec<String>> = (0..spec.songs)
        .map(|i| {
            vec![
                video_id(&mut rng),
                format!("{} {i}", words(&mut rng, 2)),
                words(&mut rng, 1),
                format!("The {}", words(&mut rng, 1)),
            ]
        })
        .collect();
    w.add(
        &format!("{root}/{}", n.music),
        &csv(MUSIC_HEADER, &songs, spec.bom),
    )?;
    w.finish()
}

fn subscriptions(rng: &mut Rng, spec: &YouTubeSpec) -> Vec<Vec<String>> {
    (0..spec.subscriptions)
        .map(|i| {
            let id = channel_id(rng);
            let url = format!("http://www.youtube.com/channel/{id}");
            vec![id, url, format!("{} {}", words(rng, 2), i)]
        })
        .collect()
}

/// Watch history (videos and ads) and search history, as My Activity JSON.
fn write_history(
    w: &mut ArchiveWriter,
    rng: &mut Rng,
    spec: &YouTubeSpec,
    n: &YtNames,
) -> io::Result<()> {
    let history = if spec.unlisted_names {
        "activity log"
    } else {
        n.history
    };
    let dir = format!("{}/{history}", n.root);
    let total = spec.watches + spec.ads;
    // Every (watches / ads)-th element is an ad.
    let ad_every = total.checked_div(spec.ads).map_or(usize::MAX, |k| k.max(1));
    let mut ads_left = spec.ads;
    let mut items = Vec::with_capacity(total);
    let mut t = END_MS;
    for i in 0..total {
        t -= 60_000 + rng.below(4 * 3_600_000) as i64;
        let is_ad = ads_left > 0 && (i % ad_every == ad_every - 1 || total - i == ads_left);
        let mut v = if is_ad {
            let company = advertiser(spec.ads - ads_left);
            ads_left -= 1;
            json!({"header": "YouTube", "title": title(spec.locale, Verb::Watch, &format!("{company} – {}", words(rng, 2))),
                   "titleUrl": format!("https://www.youtube.com/watch?v={}", video_id(rng)),
                   "subtitles": [{"name": company}],
                   "details": [{"name": "From Google Ads"}]})
        } else {
            let channel = format!(
                "{} {}",
                rng.pick(names::SHOP_PREFIX),
                rng.pick(names::SHOP_SUFFIX)
            );
            json!({"header": "YouTube", "title": title(spec.locale, Verb::Watch, &format!("{} {}", words(rng, 3), rng.below(100))),
                   "titleUrl": format!("https://www.youtube.com/watch?v={}", video_id(rng)),
                   "subtitles": [{"name": channel, "url": format!("https://www.youtube.com/channel/{}", channel_id(rng))}]})
        };
        let obj = v.as_object_mut().expect("object");
        obj.insert("time".into(), json!(iso(t, i % 3 != 0)));
        obj.insert("products".into(), json!(["YouTube"]));
        obj.insert("activityControls".into(), json!(["YouTube watch history"]));
        if spec.messy && i == 1 {
            // `null` lists, as some exports write them.
            obj.insert("subtitles".into(), Value::Null);
            obj.insert("details".into(), Value::Null);
        }
        items.push(v);
    }
    let (json, html) = spec.history_files();
    if json {
        add_activity(w, &format!("{dir}/{}.json", n.watch), &items)?;
    }
    if html {
        add_history_page(w, spec, &format!("{dir}/{}.html", n.watch), &items)?;
    }
    let searches: Vec<Value> = (0..spec.searches)
        .map(|i| {
            let q = words(rng, 2);
            json!({"header": "YouTube", "title": title(spec.locale, Verb::Search, &q),
                   "titleUrl": format!("https://www.youtube.com/results?search_query={}", q.replace(' ', "+")),
                   "time": iso(back(rng, i), true), "products": ["YouTube"],
                   "activityControls": ["YouTube search history"]})
        })
        .collect();
    if html {
        add_history_page(w, spec, &format!("{dir}/{}.html", n.search), &searches)?;
    }
    if !json {
        return Ok(());
    }
    let search_path = format!("{dir}/{}.json", n.search);
    if spec.messy {
        // Cut in the middle of the last element: a download that broke off.
        let mut bytes = serde_json::to_vec_pretty(&searches).map_err(io::Error::other)?;
        let cut = bytes.len().saturating_sub(40);
        bytes.truncate(cut);
        w.add(&search_path, &bytes)
    } else {
        add_activity(w, &search_path, &searches)
    }
}

/// A history as a page of My Activity cards.
fn add_history_page(w: &mut ArchiveWriter, spec: &YouTubeSpec, path: &str, items: &[Value]) -> io::Result<()> {
    w.add_with(path, |out| {
        activity_html::write_page(out, "YouTube", html_lang(spec.locale), items.len(), Default::default(), |i| {
            items[i].clone()
        })
    })
}

/// Comments and live chats: CSV (2023+) or HTML (2022).
fn write_comments(
    w: &mut ArchiveWriter,
    rng: &mut Rng,
    spec: &YouTubeSpec,
    n: &YtNames,
    own: &str,
) -> io::Result<()> {
    let root = n.root;
    if spec.generation == YouTubeGeneration::Y2022 {
        w.add(
            &format!("{root}/my-comments/my-comments.html"),
            b"<html><body><ul><li>You added a comment</li></ul></body></html>",
        )?;
        return w.add(
            &format!("{root}/my-live-chat-messages/my-live-chat-messages.html"),
            b"<html><body><ul><li>You sent a live chat message</li></ul></body></html>",
        );
    }
    let new = spec.generation == YouTubeGeneration::Y2025;
    let mut rows = Vec::new();
    for i in 0..spec.comments {
        let id = format!("Ugx{}{}", video_id(rng), i);
        let parent = if i % 3 == 2 {
            rows_first_id(&rows, new)
        } else {
            String::new()
        };
        let text = words(rng, 4);
        let raw = if new {
            format!(
                "{{\"text\":\"{} \"}},{{\"text\":\"{}\"}}",
                text,
                words(rng, 2)
            )
        } else {
            format!("{{\"takeoutSegments\":[{{\"text\":\"{text}\"}}]}}")
        };
        let mut time = yt_time(back(rng, i * 5));
        if spec.messy && i == 0 {
            time = "not a date".into();
        }
        let video = video_id(rng);
        rows.push(if new {
            vec![
                own.to_string(),
                time,
                "0".into(),
                id,
                parent.clone(),
                String::new(),
                video,
                raw,
                parent,
            ]
        } else {
            vec![id, own.to_string(), time, "0".into(), parent, video, raw]
        });
    }
    let header = if new {
        n.comments_new_header
    } else {
        n.comments_old_header
    };
    let mut bytes = csv(header, &rows, spec.bom);
    if spec.messy {
        // A row with bytes that are not UTF-8: unreadable, reported with its line.
        bytes.extend_from_slice(b"\xff\xfe,broken\r\n");
    }
    w.add(&format!("{root}/{}", n.comments), &bytes)?;
    let live_path = format!("{root}/{}", n.live_chats);
    if spec.messy {
        return w.add(&live_path, b"");
    }
    let chats: Vec<Vec<String>> = (0..spec.live_chats)
        .map(|i| {
            let text = format!("{{\"text\":\"{}\"}}", words(rng, 3));
            let price = if i == 0 { "2" } else { "0" };
            vec![
                format!("Ugz{}{i}", video_id(rng)),
                own.to_string(),
                yt_time(back(rng, i * 11)),
                price.into(),
                video_id(rng),
                text,
            ]
        })
        .collect();
    w.add(&live_path, &csv(n.live_header, &chats, spec.bom))
}

/// The first comment's ID, for replies.
fn rows_first_id(rows: &[Vec<String>], new: bool) -> String {
    rows.first()
        .map(|r| r[if new { 3 } else { 0 }].clone())
        .unwrap_or_default()
}

fn write_playlists(
    w: &mut ArchiveWriter,
    rng: &mut Rng,
    spec: &YouTubeSpec,
    n: &YtNames,
    own: &str,
) -> io::Result<()> {
    let root = n.root;
    let mut meta = Vec::new();
    for p in 0..spec.playlists {
        let title = if p == 0 {
            "Watch later".to_string()
        } else {
            format!("{} mix", words(rng, 1))
        };
        let id = format!("PL{}{}", video_id(rng), video_id(rng));
        let created = END_MS - YEAR_MS + p as i64 * 86_400_000;
        let videos: Vec<(String, i64)> = (0..spec.videos_per_playlist)
            .map(|k| (video_id(rng), created + (k as i64 + 1) * 3_600_000))
            .collect();
        if spec.generation == YouTubeGeneration::Y2022 {
            // One file per playlist: its own row, a blank line, then the videos.
            let mut text = format!("{OLD_PLAYLIST_HEADER}\r\n{id},{own},{},{},{},,Private\r\n\r\nVideo Id,Time Added\r\n", old_time(created), old_time(created), cell(&title));
            for (v, t) in &videos {
                text.push_str(&format!("{v},{}\r\n", old_time(*t)));
            }
            w.add(&format!("{root}/playlists/{title}.csv"), text.as_bytes())?;
            continue;
        }
        meta.push(vec![
            id,
            "False".into(),
            title.clone(),
            String::new(),
            yt_time(created),
            yt_time(created + 86_400_000),
            "Manual".into(),
            "Private".into(),
        ]);
        let rows: Vec<Vec<String>> = videos
            .iter()
            .map(|(v, t)| vec![v.clone(), yt_time(*t)])
            .collect();
        w.add(
            &format!("{root}/{}/{title}{}.csv", n.playlist_dir, n.items_suffix),
            &csv(n.items_header, &rows, spec.bom),
        )?;
    }
    if spec.generation != YouTubeGeneration::Y2022 {
        w.add(
            &format!("{root}/{}", n.playlists),
            &csv(n.playlists_header, &meta, spec.bom),
        )?;
    }
    Ok(())
}

fn write_uploads(
    w: &mut ArchiveWriter,
    rng: &mut Rng,
    spec: &YouTubeSpec,
    n: &YtNames,
    own: &str,
) -> io::Result<()> {
    let root = n.root;
    let mut rows = Vec::new();
    for i in 0..spec.uploads {
        let id = video_id(rng);
        let title = format!("{} {}", words(rng, 2), i + 1);
        let created = END_MS - YEAR_MS / 2 + i as i64 * 86_400_000;
        rows.push(vec![
            id,
            format!("{}", 30_000 + rng.below(600_000)),
            "en".into(),
            "Howto & Style".into(),
            format!("{}, {}", words(rng, 3), words(rng, 2)),
            own.to_string(),
            title.clone(),
            "Public".into(),
            "Processed".into(),
            yt_time(created),
            yt_time(created + 3_600_000),
        ]);
        // The video file itself: a few bytes standing in for the media.
        w.add(
            &format!("{root}/{}/{title}.mp4", n.media_dir),
            b"\x00\x00\x00\x18ftypmp42",
        )?;
    }
    w.add(
        &format!("{root}/{}", n.videos),
        &csv(n.videos_header, &rows, spec.bom),
    )
}

/// A small YouTube-only Takeout for demos; `records` scales the watch history.
pub fn demo(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    let mut spec = YouTubeSpec {
        seed,
        bom: true,
        macos_junk: true,
        ..Default::default()
    };
    match records {
        Some(k) => spec.watches = k,
        None => {
            spec.watches = 300;
            spec.searches = 60;
            spec.ads = 15;
            spec.subscriptions = 40;
            spec.playlists = 4;
            spec.videos_per_playlist = 12;
            spec.comments = 25;
            spec.live_chats = 10;
            spec.songs = 30;
        }
    }
    generate_youtube(&spec, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn entries(path: &Path) -> Vec<String> {
        let z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        z.file_names().map(|n| n.unwrap().to_string()).collect()
    }

    fn read(path: &Path, name: &str) -> String {
        let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        let mut s = String::new();
        z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    #[test]
    fn deterministic() {
        let tmp = tempfile::tempdir().unwrap();
        let a = generate_youtube(&YouTubeSpec::default(), &tmp.path().join("a.zip")).unwrap();
        let b = generate_youtube(&YouTubeSpec::default(), &tmp.path().join("b.zip")).unwrap();
        assert_eq!(std::fs::read(&a[0]).unwrap(), std::fs::read(&b[0]).unwrap());
    }

    #[test]
    fn english_and_spanish_layouts() {
        let tmp = tempfile::tempdir().unwrap();
        let zip =
            &generate_youtube(&YouTubeSpec::default(), &tmp.path().join("en.zip")).unwrap()[0];
        let names = entries(zip);
        for want in [
            "Takeout/archive_browser.html",
            "Takeout/YouTube and YouTube Music/history/watch-history.json",
            "Takeout/YouTube and YouTube Music/history/search-history.json",
            "Takeout/YouTube and YouTube Music/subscriptions/subscriptions.csv",
            "Takeout/YouTube and YouTube Music/comments/comments.csv",
            "Takeout/YouTube and YouTube Music/playlists/Watch later-videos.csv",
            "Takeout/YouTube and YouTube Music/channels/channel.csv",
        ] {
            assert!(
                names.iter().any(|n| n == want),
                "{want} missing from {names:?}"
            );
        }
        let watch: Vec<Value> = serde_json::from_str(&read(
            zip,
            "Takeout/YouTube and YouTube Music/history/watch-history.json",
        ))
        .unwrap();
        assert_eq!(watch.len(), 35);
        assert_eq!(
            watch
                .iter()
                .filter(|v| v["details"][0]["name"] == "From Google Ads")
                .count(),
            5
        );
        let comments = read(
            zip,
            "Takeout/YouTube and YouTube Music/comments/comments.csv",
        );
        assert!(
            comments.starts_with("Channel ID,Comment Create Timestamp"),
            "2025 order"
        );
        assert!(comments.contains("{\"\"text\"\":"), "text runs, CSV-quoted");

        let spec = YouTubeSpec {
            locale: Locale::Es,
            top_folder: false,
            bom: true,
            generation: YouTubeGeneration::Y2022,
            ..Default::default()
        };
        let zip = &generate_youtube(&spec, &tmp.path().join("es.zip")).unwrap()[0];
        let names = entries(zip);
        assert!(
            names
                .iter()
                .all(|n| n.starts_with("YouTube y YouTube Music/")),
            "{names:?}"
        );
        assert!(names
            .iter()
            .any(|n| n == "YouTube y YouTube Music/historial/historial-de-reproducciones.json"));
        assert!(
            names
                .iter()
                .any(|n| n == "YouTube y YouTube Music/playlists/Watch later.csv"),
            "{names:?}"
        );
        let subs = read(
            zip,
            "YouTube y YouTube Music/suscripciones/suscripciones.csv",
        );
        assert!(subs.starts_with("\u{feff}ID del canal,"));
    }
}
