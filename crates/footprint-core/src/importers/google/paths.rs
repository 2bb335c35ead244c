//! Which Takeout file is which, from its path alone.
//!
//! Takeout localizes folder and file names to the account's language (`My Activity/` is
//! `Meine Aktivitäten/` in German, `Mon activité/` in French, `Mi actividad/` in Spanish) and
//! renames files every few years (`My Activity.json` became `MyActivity.json`,
//! `Chrome/BrowserHistory.json` became `History.json`). So matching goes by path components,
//! compared after [`fold`] (case, accents, spaces), anywhere below any top folder: a
//! `Takeout/` root, a user's own folder, or none at all.
//!
//! The tables below are the single place that knows the variants; add a language here.

use super::parser;
use crate::importer::FileRole;

/// Why Takeout's index page is not imported.
pub const INDEX_SKIP: &str = "Takeout's table of contents (archive_browser.html), not data";
const MBOX_SKIP: &str = "Gmail mailbox (MBOX); mail is not imported yet";
const ICS_SKIP: &str = "Calendar (ICS); calendars are not imported yet";
const VCF_SKIP: &str = "Contacts (vCard); contacts are not imported yet";
const MEDIA_SKIP: &str = "photo, video or audio file";
const LOCATION_OTHER_SKIP: &str = "Location History settings or edits, not visits";
const CHROME_OTHER_SKIP: &str = "Chrome settings, bookmarks or extensions; not imported yet";
const PLAY_OTHER_SKIP: &str =
    "Google Play Store file other than installs and purchases; not imported yet";
const PROFILE_OTHER_SKIP: &str = "profile picture or profile file other than the profile JSON";
const ACTIVITY_OTHER_SKIP: &str = "My Activity attachment (voice recording or image)";

/// The My Activity folder: EN, DE, FR, ES, NL, IT, PT, PL, TR, AR (two forms), ZH (see
/// docs/IMPORTERS.md for which are confirmed). A folder this table lacks is still read: its
/// files are known by name ([`MY_ACTIVITY_FILES`]) or by their content.
pub const MY_ACTIVITY_FOLDERS: &[&str] = &[
    "My Activity",
    "Meine Aktivitäten",
    "Mon activité",
    "Mi actividad",
    "Mijn activiteit",
    "Le mie attività",
    "Minha atividade",
    "Moja aktywność",
    "Etkinliğim",
    "نشاطي",
    "أنشطتي",
    "我的活动",
];

/// The My Activity file stem (compared without spaces: `My Activity.json` of 2019 and
/// `MyActivity.json` since). Non-English exports sometimes keep the English name.
pub const MY_ACTIVITY_FILES: &[&str] = &[
    "MyActivity",
    "MeineAktivitäten",
    "MonActivité",
    "MiActividad",
    "MijnActiviteit",
    "LeMieAttività",
    "MinhaAtividade",
    "Moja_aktywność",
    "Etkinliğim",
    "نشاطي",
    "我的活动记录",
];

/// Product folders of the ads activity (My Activity/Ads): EN, DE, FR, ES (two spellings), NL,
/// IT, PT (two guesses), PL, TR, AR. Also the `header`/`products` names of ad elements.
pub const ADS_FOLDERS: &[&str] = &[
    "Ads",
    "Google Ads",
    "Anzeigen",
    "Solutions publicitaires",
    "Publicidad",
    "Anuncios",
    "Advertenties",
    "Programmi pubblicitari",
    "Anúncios",
    "Publicidade",
    "Reklamy",
    "Reklamlar",
    "الإعلانات",
];

/// YouTube's own folder, whose `history/` holds watch and search history in the My Activity
/// JSON format (`watch-history.json`). Besides these, any folder named `YouTube <word>
/// YouTube Music` in another language is YouTube's (see [`is_youtube_music_folder`]); plain
/// `YouTube/` is the name before 2020.
pub const YOUTUBE_FOLDERS: &[&str] = &[
    "YouTube and YouTube Music",
    "YouTube und YouTube Music",
    "YouTube et YouTube Music",
    "YouTube y YouTube Music",
    "YouTube en YouTube Music",
    "YouTube e YouTube Music",
    "YouTube i YouTube Music",
    "YouTube",
];
/// The history folder inside the YouTube folder: EN, DE, FR, ES (two forms), NL, PT, IT, TR,
/// PL (~).
/// A history file under a name not listed here is still recognized by its content.
pub const YOUTUBE_HISTORY_FOLDERS: &[&str] = &[
    "history",
    "Verlauf",
    "historique",
    "historial",
    "historial de videos",
    "geschiedenis",
    "historico",
    "cronologia",
    "geçmiş",
    "historia",
];

/// YouTube's CSV files by file name (without extension, compared folded, a `(1)` split
/// suffix ignored), in the languages confirmed or reported: which parser reads each. A
/// localized name missing here is still read when its header is known (content
/// classification, [`super::youtube::columns::kind_of_header`]).
const YOUTUBE_CSV_FILES: &[(&str, &str)] = &[
    ("subscriptions", parser::YT_SUBSCRIPTIONS),
    ("suscripciones", parser::YT_SUBSCRIPTIONS),
    ("Abos", parser::YT_SUBSCRIPTIONS),
    ("abonnements", parser::YT_SUBSCRIPTIONS),
    ("abonnementen", parser::YT_SUBSCRIPTIONS),
    ("comments", parser::YT_COMMENTS),
    ("comentarios", parser::YT_COMMENTS),
    ("Kommentare", parser::YT_COMMENTS),
    ("commentaires", parser::YT_COMMENTS),
    ("reacties", parser::YT_COMMENTS),
    ("live chats", parser::YT_LIVE_CHATS),
    ("chats ao vivo", parser::YT_LIVE_CHATS),
    ("my live chat messages", parser::YT_LIVE_CHATS),
    ("playlists", parser::YT_PLAYLISTS),
    ("listas de reproducción", parser::YT_PLAYLISTS),
    ("channel", parser::YT_CHANNEL),
    ("canal", parser::YT_CHANNEL),
    ("Kanal", parser::YT_CHANNEL),
    ("chaîne", parser::YT_CHANNEL),
    ("kanaal", parser::YT_CHANNEL),
    ("channel URL configs", parser::YT_CHANNEL_URLS),
    (
        "configuraciones de la URL del canal",
        parser::YT_CHANNEL_URLS,
    ),
    ("videos", parser::YT_VIDEOS),
    ("vídeos", parser::YT_VIDEOS),
    ("music library songs", parser::YT_MUSIC_LIBRARY),
];

/// The folder of playlists: every CSV in it other than the list of playlists holds one
/// playlist's videos (`Watch later-videos.csv`, before 2023 `Watch later.csv`).
const YOUTUBE_PLAYLIST_FOLDERS: &[&str] = &["playlists", "listas de reproducción"];

/// YouTube channel settings and upload extras: not about what the user did.
const YOUTUBE_SETTINGS_FILES: &[&str] = &[
    "channel feature data",
    "channel page settings",
    "channel community moderation settings",
    "datos de la función del canal",
    "configuración de la página del canal",
    "Ajustes de moderación de la comunidad del canal",
    "video recordings",
    "video texts",
    "grabaciones de vídeo",
];
const YOUTUBE_SETTINGS_SKIP: &str = "YouTube channel or upload settings, not activity";
const YOUTUBE_HTML_SKIP: &str =
    "YouTube comments or live chat as HTML (older exports); not imported yet";

/// The Location History folder: EN (before and after the 2023 rename), FR, DE, ES, NL, IT,
/// PT (two names), PL. A folder this table lacks is found by its files' content.
pub const LOCATION_FOLDERS: &[&str] = &[
    "Location History",
    "Location History (Timeline)",
    "Historique des positions",
    "Standortverlauf",
    "Standortverlauf (Zeitachse)",
    "Historial de ubicaciones",
    "Locatiegeschiedenis",
    "Cronologia delle posizioni",
    "Histórico de localização",
    "Linha do tempo",
    "Historia lokalizacji",
    "Oś czasu",
];

/// Raw location points: `Records.json`, before 2017 `Location History.json`.
pub const RECORDS_FILES: &[&str] = &[
    "Records.json",
    "Location History.json",
    "LocationHistory.json",
];

/// Location History files that are settings, not data (other JSON there is read by content).
const LOCATION_SETTINGS_FILES: &[&str] = &["Settings.json", "Timeline Edits.json"];

/// The semantic history folder (its monthly files are also recognized by their
/// `YYYY/YYYY_MONTH.json` shape, whatever the folder's language).
pub const SEMANTIC_FOLDERS: &[&str] = &[
    "Semantic Location History",
    "Cronologia delle posizioni semantica",
    "Histórico de localização semântico",
];

pub const CHROME_FOLDERS: &[&str] = &["Chrome"];
/// Chrome's browsing history: EN old and new, FR, DE, ES, NL, PT, IT, PL, TR (two), AR, ZH.
/// Another name in `Chrome/` is read when its content is the history (`Browser History`).
pub const CHROME_HISTORY_FILES: &[&str] = &[
    "BrowserHistory.json",
    "History.json",
    "Historique.json",
    "Verlauf.json",
    "Historial.json",
    "Geschiedenis.json",
    "Histórico.json",
    "Cronologia.json",
    "Historia.json",
    "Tarih.json",
    "Geçmiş.json",
    "السجلّ.json",
    "السجل.json",
    "历史记录.json",
];

pub const PLAY_STORE_FOLDERS: &[&str] = &["Google Play Store"];
pub const PLAY_INSTALLS_FILES: &[&str] = &["Installs.json"];
/// Play Store purchases (EN names; other languages are found by their element keys).
pub const PLAY_PURCHASE_FILES: &[&str] = &[
    "Purchase History.json",
    "Order History.json",
    "Subscriptions.json",
];

/// Google Pay's folder (the product name is not translated) and its two tables' folders:
/// EN; DE `Google-Transaktionen` and `Geldtransfers und -anforderungen` are unconfirmed.
pub const PAY_FOLDERS: &[&str] = &["Google Pay", "Google Wallet"];
pub const PAY_TRANSACTION_FOLDERS: &[&str] = &[
    "Google transactions",
    "Google-Transaktionen",
    "Transactions Google",
    "Transacciones de Google",
    "Transazioni Google",
    "Transizioni Google",
    "Transações no Google Pay",
    "Google-transacties",
    "Transakcje Google",
];
pub const PAY_REMITTANCE_FOLDERS: &[&str] = &[
    "Money remittances and requests",
    "Geldtransfers und -anforderungen",
];
/// Purchases & Reservations: EN, DE, FR, ES, IT, PT, NL, PL (the localized names are
/// unconfirmed; order JSON under another name is found by its `transactionMerchant`).
pub const ORDER_FOLDERS: &[&str] = &[
    "Purchases & Reservations",
    "Purchases and Reservations",
    "Käufe und Reservierungen",
    "Käufe & Reservierungen",
    "Achats et réservations",
    "Compras y reservas",
    "Acquisti e prenotazioni",
    "Compras e reservas",
    "Aankopen en reserveringen",
    "Zakupy i rezerwacje",
];
pub const STORE_FOLDERS: &[&str] = &["Google Store"];
pub const SHOPPING_FOLDERS: &[&str] = &["Google Shopping"];
const PURCHASES_OTHER_SKIP: &str =
    "Google Pay, Store or Shopping file that is not a purchase table";

/// The profile folder and file: EN, DE/FR/PL (`Profil`), ES/PT (`Perfil`), NL, IT.
pub const PROFILE_FOLDERS: &[&str] = &["Profile", "Profil", "Perfil", "Profiel", "Profilo"];
pub const PROFILE_FILES: &[&str] = &[
    "Profile.json",
    "Profil.json",
    "Perfil.json",
    "Profiel.json",
    "Profilo.json",
];

/// Takeout's table of contents at the archive root: EN and DE.
pub const ARCHIVE_INDEX_FILES: &[&str] = &["archive_browser.html", "Archiv_Übersicht.html"];

/// The root folder Takeout puts everything under.
pub const TAKEOUT_ROOT: &str = "Takeout";

const MEDIA_EXT: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "heic", "bmp", "mp4", "mov", "m4v", "webm", "3gp", "mp3",
    "m4a", "aac", "wav", "ogg", "opus", "amr",
];

/// Compare names the way people read them: lowercase, accents dropped (also when a Mac wrote
/// them decomposed, `a` + U+0308), spaces, `_` and `-` ignored. `Meine Aktivitäten` and
/// `meineaktivitaten` fold to the same string.
pub fn fold(s: &str) -> String {
    fold_chars(s).collect()
}

/// [`fold`] as an iterator, so that table lookups compare without allocating.
fn fold_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => Some('a'),
            'ç' => Some('c'),
            'è' | 'é' | 'ê' | 'ë' => Some('e'),
            'ì' | 'í' | 'î' | 'ï' => Some('i'),
            'ñ' | 'ń' => Some('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => Some('o'),
            'ù' | 'ú' | 'û' | 'ü' => Some('u'),
            // Polish and Turkish letters (`Moja aktywność`, `Etkinliğim`); a Turkish dotless
            // ı folds like i, so `ETKİNLİĞİM` and `Etkinliğim` compare equal.
            'ą' => Some('a'),
            'ć' => Some('c'),
            'ę' => Some('e'),
            'ł' => Some('l'),
            'ś' | 'ş' => Some('s'),
            'ź' | 'ż' => Some('z'),
            'ğ' => Some('g'),
            'ı' => Some('i'),
            // Combining marks (decomposed accents) and separators carry no meaning here.
            '\u{0300}'..='\u{036f}' | ' ' | '_' | '-' | '\u{a0}' => None,
            c => Some(c),
        })
}

/// `folded` (a [`fold`]ed name) is one of `table`.
fn is_one_of(folded: &str, table: &[&str]) -> bool {
    table.iter().any(|t| fold_chars(t).eq(folded.chars()))
}

/// A path split into folded components, with the original last component's extension.
struct SplitPath {
    /// Folded folder names (without the file name).
    folders: Vec<String>,
    /// Folded file name, extension included.
    name: String,
    /// Folded file name without extension.
    stem: String,
    /// Lowercase extension without the dot (`json`), empty if none.
    ext: String,
}

impl SplitPath {
    fn new(path: &str) -> Self {
        let mut parts: Vec<&str> = path.split('/').filter(|c| !c.is_empty()).collect();
        let last = parts.pop().unwrap_or("");
        let (stem_raw, ext) = match last.rsplit_once('.') {
            Some((s, e)) if !s.is_empty() => (s, e.to_ascii_lowercase()),
            _ => (last, String::new()),
        };
        SplitPath {
            folders: parts.into_iter().map(fold).collect(),
            name: fold(last),
            stem: fold(stem_raw),
            ext,
        }
    }

    /// Position of the first folder that is one of `table`.
    fn folder_index(&self, table: &[&str]) -> Option<usize> {
        self.folders.iter().position(|f| is_one_of(f, table))
    }

    fn parent(&self) -> Option<&str> {
        self.folders.last().map(String::as_str)
    }
}

/// `YYYY_<MONTH>` with a four-digit year matching the folder `YYYY` (semantic history months,
/// month names in the export's language: `2024_MARCH`, `2024_MÄRZ`, `2024_MARS`).
fn is_semantic_month(sp: &SplitPath) -> bool {
    let Some(year) = sp.parent() else {
        return false;
    };
    year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && sp.stem.len() > 4
        && sp.stem.starts_with(year)
        && sp.ext == "json"
}

/// What to do with the file at `path`.
pub fn classify(path: &str) -> FileRole {
    let sp = SplitPath::new(path);
    if is_one_of(&sp.name, ARCHIVE_INDEX_FILES) {
        return FileRole::Skip(INDEX_SKIP);
    }
    if let Some(at) = sp.folder_index(MY_ACTIVITY_FOLDERS) {
        return classify_my_activity(&sp, at);
    }
    // A My Activity file under a folder name this table does not know yet (another
    // language): non-English exports often keep the English file name.
    if is_one_of(&sp.stem, MY_ACTIVITY_FILES) {
        match sp.ext.as_str() {
            "json" => return FileRole::Parse(parser::MY_ACTIVITY),
            "html" => return FileRole::Parse(parser::MY_ACTIVITY_HTML),
            _ => {}
        }
    }
    if let Some(role) = youtube_folder_index(&sp).and_then(|yt| classify_youtube(&sp, yt)) {
        return role;
    }
    if sp.folder_index(LOCATION_FOLDERS).is_some() {
        if is_one_of(&sp.name, RECORDS_FILES) {
            return FileRole::Parse(parser::LOCATION_RECORDS);
        }
        if sp.folder_index(SEMANTIC_FOLDERS).is_some() && sp.ext == "json" || is_semantic_month(&sp)
        {
            return FileRole::Parse(parser::SEMANTIC);
        }
        // The raw points under a localized file name: the content decides, and
        // `other_file_of_product` skips what is neither points nor visits.
        if sp.ext == "json" && !is_one_of(&sp.name, LOCATION_SETTINGS_FILES) {
            return FileRole::Unknown;
        }
        return FileRole::Skip(LOCATION_OTHER_SKIP);
    }
    if sp.folder_index(CHROME_FOLDERS).is_some() {
        if is_one_of(&sp.name, CHROME_HISTORY_FILES) {
            return FileRole::Parse(parser::CHROME);
        }
        // The history under a name the table lacks is known by its `Browser History` key.
        if sp.ext == "json" {
            return FileRole::Unknown;
        }
        return FileRole::Skip(CHROME_OTHER_SKIP);
    }
    if let Some(role) = classify_purchases(&sp) {
        return role;
    }
    if sp.folder_index(PLAY_STORE_FOLDERS).is_some() {
        if is_one_of(&sp.name, PLAY_INSTALLS_FILES) {
            return FileRole::Parse(parser::PLAY_INSTALLS);
        }
        if is_one_of(&sp.name, PLAY_PURCHASE_FILES) {
            return FileRole::Parse(parser::PLAY_PURCHASES);
        }
        return FileRole::Skip(PLAY_OTHER_SKIP);
    }
    if sp.parent().is_some_and(|p| is_one_of(p, PROFILE_FOLDERS)) {
        if is_one_of(&sp.name, PROFILE_FILES) {
            return FileRole::Parse(parser::PROFILE);
        }
        return FileRole::Skip(PROFILE_OTHER_SKIP);
    }
    match sp.ext.as_str() {
        "mbox" => FileRole::Skip(MBOX_SKIP),
        "ics" => FileRole::Skip(ICS_SKIP),
        "vcf" => FileRole::Skip(VCF_SKIP),
        e if MEDIA_EXT.contains(&e) => FileRole::Skip(MEDIA_SKIP),
        _ => FileRole::Unknown,
    }
}

/// Google Pay, Purchases & Reservations, Google Store and Google Shopping. `None` outside
/// them; a table under an unlisted name inside them is left to content classification.
fn classify_purchases(sp: &SplitPath) -> Option<FileRole> {
    let csv = sp.ext == "csv";
    if sp.folder_index(ORDER_FOLDERS).is_some() {
        return Some(match sp.ext.as_str() {
            "json" => FileRole::Parse(parser::ORDERS),
            _ => FileRole::Skip(PURCHASES_OTHER_SKIP),
        });
    }
    let product = if sp.folder_index(PAY_FOLDERS).is_some() {
        if sp.folder_index(PAY_TRANSACTION_FOLDERS).is_some() && csv {
            return Some(FileRole::Parse(parser::PAY_TRANSACTIONS));
        }
        if sp.folder_index(PAY_REMITTANCE_FOLDERS).is_some() && csv {
            return Some(FileRole::Parse(parser::PAY_REMITTANCES));
        }
        None
    } else if sp.folder_index(STORE_FOLDERS).is_some() {
        csv.then_some(parser::STORE_ORDERS)
    } else if sp.folder_index(SHOPPING_FOLDERS).is_some() {
        match sp.ext.as_str() {
            "csv" => Some(parser::SHOPPING_ORDERS),
            "json" => Some(parser::ORDERS),
            _ => None,
        }
    } else {
        return None;
    };
    Some(match product {
        Some(tag) => FileRole::Parse(tag),
        // Another CSV or JSON of these products: its content decides.
        None if csv || sp.ext == "json" => FileRole::Unknown,
        None => FileRole::Skip(PURCHASES_OTHER_SKIP),
    })
}

/// `folded` is YouTube's folder of a YouTube Takeout in any language: `YouTube <and>
/// YouTube Music` (`youtubeandyoutubemusic`, `youtubeyyoutubemusic`, `youtube和youtubemusic`).
fn is_youtube_music_folder(folded: &str) -> bool {
    folded.len() > "youtubeyoutubemusic".len()
        && folded.starts_with("youtube")
        && folded.ends_with("youtubemusic")
}

/// Position of YouTube's own folder (not `My Activity/YouTube`, which is handled before).
fn youtube_folder_index(sp: &SplitPath) -> Option<usize> {
    sp.folders
        .iter()
        .position(|f| is_youtube_music_folder(f) || is_one_of(f, YOUTUBE_FOLDERS))
}

/// A file stem without the ` (1)` / `(2)` Takeout adds when it splits a large table.
fn without_split_suffix(stem: &str) -> &str {
    match stem.strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
        Some((base, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => base,
        _ => stem,
    }
}

/// Inside YouTube's folder. `None` leaves the file to the generic rules (media, unknown:
/// a CSV or JSON under an unlisted localized name is then classified by its content).
fn classify_youtube(sp: &SplitPath, yt: usize) -> Option<FileRole> {
    let below = &sp.folders[yt + 1..];
    let in_history = below.iter().any(|f| is_one_of(f, YOUTUBE_HISTORY_FOLDERS));
    match sp.ext.as_str() {
        "json" if in_history => Some(FileRole::Parse(parser::YT_HISTORY)),
        "html" if in_history => Some(FileRole::Parse(parser::YT_HISTORY_HTML)),
        "html" => Some(FileRole::Skip(YOUTUBE_HTML_SKIP)),
        "csv" => {
            let stem = without_split_suffix(&sp.stem);
            if let Some((_, tag)) = YOUTUBE_CSV_FILES
                .iter()
                .find(|(name, _)| fold_chars(name).eq(stem.chars()))
            {
                return Some(FileRole::Parse(tag));
            }
            if is_one_of(stem, YOUTUBE_SETTINGS_FILES) {
                return Some(FileRole::Skip(YOUTUBE_SETTINGS_SKIP));
            }
            let in_playlists = below.iter().any(|f| is_one_of(f, YOUTUBE_PLAYLIST_FOLDERS));
            in_playlists.then_some(FileRole::Parse(parser::YT_PLAYLIST_ITEMS))
        }
        _ => None,
    }
}

/// The parser reads one of YouTube's own files (history, CSVs).
pub fn is_youtube_parser(tag: &str) -> bool {
    tag.starts_with("google_youtube")
}

/// Inside `My Activity/<Product>/` (or directly in `My Activity/`, the 2019 single file).
fn classify_my_activity(sp: &SplitPath, at: usize) -> FileRole {
    // Every JSON or HTML file under My Activity has the activity format; a renamed one is
    // still read rather than lost.
    let in_ads = sp.folders[at + 1..]
        .iter()
        .any(|f| is_one_of(f, ADS_FOLDERS));
    match sp.ext.as_str() {
        "json" if in_ads => FileRole::Parse(parser::MY_ACTIVITY_ADS),
        "json" => FileRole::Parse(parser::MY_ACTIVITY),
        "html" if in_ads => FileRole::Parse(parser::MY_ACTIVITY_ADS_HTML),
        "html" => FileRole::Parse(parser::MY_ACTIVITY_HTML),
        _ => FileRole::Skip(ACTIVITY_OTHER_SKIP),
    }
}

/// The skip reason of the product folder `path` lies in (Location History, Chrome), for a
/// JSON file there whose content turned out to be none of the product's data files.
pub fn other_file_of_product(path: &str) -> Option<FileRole> {
    let sp = SplitPath::new(path);
    if sp.folder_index(LOCATION_FOLDERS).is_some() {
        return Some(FileRole::Skip(LOCATION_OTHER_SKIP));
    }
    if sp.folder_index(CHROME_FOLDERS).is_some() {
        return Some(FileRole::Skip(CHROME_OTHER_SKIP));
    }
    None
}

/// `name` is the Ads product in one of the known languages (a header or product name).
pub fn is_ads_product(name: &str) -> bool {
    // Asked of every My Activity entry's products: the table is folded once, not per entry
    // (folding it on every call was 2.6% of a Takeout's import).
    static FOLDED: std::sync::LazyLock<std::collections::HashSet<String>> =
        std::sync::LazyLock::new(|| ADS_FOLDERS.iter().map(|t| fold(t)).collect());
    FOLDED.contains(&fold(name))
}

/// The file is a profile JSON (what `account` reads).
pub fn is_profile(path: &str) -> bool {
    classify(path) == FileRole::Parse(parser::PROFILE)
}

/// Marker kinds `recognize` looks for, found from one path.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Markers {
    /// The `Takeout/` root folder.
    pub root: bool,
    /// `archive_browser.html` (or its localized name).
    pub index: bool,
    pub my_activity: bool,
    pub location_history: bool,
    /// A Google-specific file without the strong markers (Chrome history, Play Store installs).
    pub other_google: bool,
    /// YouTube's folder of a YouTube Takeout (`YouTube and YouTube Music/`, localized).
    pub youtube_folder: bool,
    /// A YouTube file Footprint reads (watch or search history, subscriptions, comments...).
    pub youtube_files: bool,
}

impl Markers {
    /// Add what `path` shows.
    pub fn see(&mut self, path: &str) {
        let sp = SplitPath::new(path);
        let first = sp.folders.first().map(String::as_str);
        if first.is_some_and(|f| is_one_of(f, &[TAKEOUT_ROOT])) {
            self.root = true;
        }
        if is_one_of(&sp.name, ARCHIVE_INDEX_FILES) {
            self.index = true;
        }
        if sp.folder_index(MY_ACTIVITY_FOLDERS).is_some() {
            self.my_activity = true;
        }
        if sp.folder_index(LOCATION_FOLDERS).is_some() {
            self.location_history = true;
        }
        if sp.folders.iter().any(|f| is_youtube_music_folder(f)) {
            self.youtube_folder = true;
        }
        match classify(path) {
            // A My Activity file by its name, under a folder name the table lacks.
            FileRole::Parse(parser::MY_ACTIVITY | parser::MY_ACTIVITY_ADS) => self.my_activity = true,
            FileRole::Parse(
                parser::CHROME
                | parser::PLAY_INSTALLS
                | parser::PLAY_PURCHASES
                | parser::PAY_TRANSACTIONS
                | parser::PAY_REMITTANCES
                | parser::ORDERS,
            ) => {
                self.other_google = true;
            }
            FileRole::Parse(p) if is_youtube_parser(p) => self.youtube_files = true,
            _ => {}
        }
    }

    /// Every marker kind that can raise the confidence has been seen.
    pub fn complete(&self) -> bool {
        self.root && self.index && self.my_activity && self.location_history
    }

    /// Confidence and the reason in words: two marker kinds together 1.0, one strong marker
    /// 0.9, only the root folder or other Google files 0.5. A YouTube-only Takeout has
    /// YouTube's folder and its files (1.0), with or without the root.
    pub fn judge(&self) -> (f32, String) {
        let mut found = Vec::new();
        if self.root {
            found.push("a Takeout folder");
        }
        if self.index {
            found.push("archive_browser.html");
        }
        if self.my_activity {
            found.push("a My Activity folder");
        }
        if self.location_history {
            found.push("a Location History folder");
        }
        if self.youtube_folder {
            found.push("a YouTube and YouTube Music folder");
        }
        if self.youtube_files {
            found.push("YouTube history or channel files");
        }
        let strong = [
            self.index,
            self.my_activity,
            self.location_history,
            self.youtube_folder,
            self.youtube_files,
        ]
        .iter()
        .filter(|b| **b)
        .count();
        let kinds = strong + usize::from(self.root);
        let confidence = if kinds >= 2 {
            1.0
        } else if strong == 1 {
            0.9
        } else if self.root || self.other_google {
            0.5
        } else {
            0.0
        };
        if found.is_empty() && self.other_google {
            found.push("Google-specific files (Chrome history or Play Store installs)");
        }
        let reason = match found.len() {
            0 => String::new(),
            1 => format!("found {}", found[0]),
            n => format!("found {} and {}", found[..n - 1].join(", "), found[n - 1]),
        };
        (confidence, reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(p: &'static str) -> FileRole {
        FileRole::Parse(p)
    }

    #[test]
    fn ads_products_are_known_in_any_language_and_case() {
        for name in [
            "Ads",
            "Google Ads",
            "ANZEIGEN",
            "Anúncios",
            "Anu\u{301}ncios",
            "google_ads",
        ] {
            assert!(is_ads_product(name), "{name}");
        }
        for name in ["Search", "Adsense", "", "YouTube"] {
            assert!(!is_ads_product(name), "{name}");
        }
    }

    #[test]
    fn fold_ignores_case_accents_and_spaces() {
        assert_eq!(fold("Meine Aktivitäten"), "meineaktivitaten");
        // Decomposed, as a Mac writes it: a + COMBINING DIAERESIS.
        assert_eq!(fold("Meine Aktivita\u{308}ten"), "meineaktivitaten");
        assert_eq!(fold("Mon activité"), fold("MonActivite"));
        assert_eq!(fold("My Activity"), fold("MyActivity"));
    }

    #[test]
    fn classifies_known_paths_in_every_language() {
        let cases: &[(&str, FileRole)] = &[
            (
                "Takeout/Google Pay/Google transactions/transactions_1234.csv",
                parse(parser::PAY_TRANSACTIONS),
            ),
            (
                "Takeout/Google Pay/Money remittances and requests/Money remittances and requests.csv",
                parse(parser::PAY_REMITTANCES),
            ),
            ("Takeout/Google Pay/Some new table.csv", FileRole::Unknown),
            (
                "Takeout/Purchases & Reservations/Purchases/order_1.json",
                parse(parser::ORDERS),
            ),
            (
                "Takeout/Käufe und Reservierungen/Käufe/bestellung_1.json",
                parse(parser::ORDERS),
            ),
            ("Takeout/Achats et réservations/a.json", parse(parser::ORDERS)),
            ("Takeout/Compras y reservas/a.json", parse(parser::ORDERS)),
            ("Takeout/Google Store/Orders.csv", parse(parser::STORE_ORDERS)),
            ("Takeout/Google Shopping/Orders.csv", parse(parser::SHOPPING_ORDERS)),
            (
                "Takeout/Google Play Store/Purchase History.json",
                parse(parser::PLAY_PURCHASES),
            ),
            (
                "Takeout/Google Play Store/Subscriptions.json",
                parse(parser::PLAY_PURCHASES),
            ),
            (
                "Takeout/My Activity/Search/MyActivity.json",
                parse(parser::MY_ACTIVITY),
            ),
            (
                "Takeout/My Activity/Search/My Activity.json",
                parse(parser::MY_ACTIVITY),
            ),
            (
                "My Activity/YouTube/MyActivity.json",
                parse(parser::MY_ACTIVITY),
            ),
            (
                "Takeout/Meine Aktivitäten/Google Suche/MeineAktivitäten.json",
                parse(parser::MY_ACTIVITY),
            ),
            (
                "Takeout/Mon activité/Recherche/MonActivité.json",
                parse(parser::MY_ACTIVITY),
            ),
            (
                "Takeout/Mi actividad/Búsqueda/MiActividad.json",
                parse(parser::MY_ACTIVITY),
            ),
            (
                "Takeout/My Activity/Ads/MyActivity.json",
                parse(parser::MY_ACTIVITY_ADS),
            ),
            (
                "Takeout/Meine Aktivitäten/Anzeigen/MeineAktivitäten.json",
                parse(parser::MY_ACTIVITY_ADS),
            ),
            (
                "Takeout/Mon activité/Solutions publicitaires/MonActivité.json",
                parse(parser::MY_ACTIVITY_ADS),
            ),
            (
                "Takeout/YouTube and YouTube Music/history/watch-history.json",
                parse(parser::YT_HISTORY),
            ),
            (
                "Takeout/YouTube und YouTube Music/Verlauf/Wiedergabeverlauf.json",
                parse(parser::YT_HISTORY),
            ),
            (
                "Takeout/Location History/Records.json",
                parse(parser::LOCATION_RECORDS),
            ),
            (
                "Takeout/Location History (Timeline)/Records.json",
                parse(parser::LOCATION_RECORDS),
            ),
            (
                "Takeout/Historique des positions/Records.json",
                parse(parser::LOCATION_RECORDS),
            ),
            (
                "Takeout/Standortverlauf/Records.json",
                parse(parser::LOCATION_RECORDS),
            ),
            (
                "Takeout/Location History/Location History.json",
                parse(parser::LOCATION_RECORDS),
            ),
            (
                "Takeout/Location History/Semantic Location History/2024/2024_MARCH.json",
                parse(parser::SEMANTIC),
            ),
            (
                "Takeout/Standortverlauf/Semantic Location History/2023/2023_MÄRZ.json",
                parse(parser::SEMANTIC),
            ),
            (
                "Takeout/Historique des positions/Historique sémantique/2022/2022_MARS.json",
                parse(parser::SEMANTIC),
            ),
            ("Takeout/Chrome/BrowserHistory.json", parse(parser::CHROME)),
            ("Takeout/Chrome/History.json", parse(parser::CHROME)),
            ("Takeout/Chrome/Historique.json", parse(parser::CHROME)),
            (
                "Takeout/Google Play Store/Installs.json",
                parse(parser::PLAY_INSTALLS),
            ),
            ("Takeout/Profile/Profile.json", parse(parser::PROFILE)),
            ("Takeout/Profil/Profil.json", parse(parser::PROFILE)),
            // Case and a missing top folder do not matter.
            (
                "takeout/my activity/search/myactivity.JSON",
                parse(parser::MY_ACTIVITY),
            ),
            (
                "Location History/Records.json",
                parse(parser::LOCATION_RECORDS),
            ),
            // A language the folder table does not know, with the English file name.
            (
                "Takeout/La mia attività/Ricerca/MyActivity.json",
                parse(parser::MY_ACTIVITY),
            ),
            // Italian, Portuguese, Polish, Dutch, Turkish: folders, file names, Ads product.
            (
                "Takeout/Le mie attività/Ricerca/LeMieAttività.json",
                parse(parser::MY_ACTIVITY),
            ),
            (
                "Takeout/Le mie attività/Programmi pubblicitari/LeMieAttività.json",
                parse(parser::MY_ACTIVITY_ADS),
            ),
            (
                "Takeout/Minha atividade/Pesquisa/MinhaAtividade.json",
                parse(parser::MY_ACTIVITY),
            ),
            (
                "Takeout/Moja aktywność/Reklamy/Moja_aktywność.json",
                parse(parser::MY_ACTIVITY_ADS),
            ),
            // The Polish file name under a folder the table lacks, decomposed as a Mac writes it.
            (
                "Takeout/Inne/Chrome/Moja_aktywnos\u{301}c\u{301}.json",
                parse(parser::MY_ACTIVITY),
            ),
            (
                "Takeout/Mijn activiteit/Advertenties/MyActivity.json",
                parse(parser::MY_ACTIVITY_ADS),
            ),
            (
                "Takeout/Etkinliğim/Reklamlar/Etkinliğim.json",
                parse(parser::MY_ACTIVITY_ADS),
            ),
            (
                "Takeout/Cronologia delle posizioni/Records.json",
                parse(parser::LOCATION_RECORDS),
            ),
            (
                "Takeout/Histórico de localização/Records.json",
                parse(parser::LOCATION_RECORDS),
            ),
            (
                "Takeout/Historia lokalizacji/Semantic Location History/2023/2023_MARZEC.json",
                parse(parser::SEMANTIC),
            ),
            ("Takeout/Chrome/Histórico.json", parse(parser::CHROME)),
            ("Takeout/Chrome/Geschiedenis.json", parse(parser::CHROME)),
            ("Takeout/Profilo/Profilo.json", parse(parser::PROFILE)),
            (
                "Takeout/Google Pay/Transações no Google Pay/transacoes_1.csv",
                parse(parser::PAY_TRANSACTIONS),
            ),
            (
                "YouTube e YouTube Music/histórico/histórico-de-visualização.json",
                parse(parser::YT_HISTORY),
            ),
            // Under a localized name the tables lack, the content decides (plan stage).
            ("Takeout/Historia lokalizacji/Rekordy.json", FileRole::Unknown),
            ("Takeout/Chrome/Selaushistoria.json", FileRole::Unknown),
            // A user's own top folder above Takeout.
            (
                "backup-2024/Takeout/Chrome/BrowserHistory.json",
                parse(parser::CHROME),
            ),
        ];
        for (path, want) in cases {
            assert_eq!(&classify(path), want, "{path}");
        }
    }

    #[test]
    fn my_activity_html_is_parsed_in_every_language() {
        let cases: &[(&str, FileRole)] = &[
            ("Takeout/My Activity/Search/MyActivity.html", parse(parser::MY_ACTIVITY_HTML)),
            ("Takeout/My Activity/Search/My Activity.html", parse(parser::MY_ACTIVITY_HTML)),
            ("Takeout/Meine Aktivitäten/Suche/MeineAktivitäten.html", parse(parser::MY_ACTIVITY_HTML)),
            ("Takeout/Mon activité/Recherche/MonActivité.html", parse(parser::MY_ACTIVITY_HTML)),
            ("Takeout/Mi actividad/Búsqueda/MiActividad.html", parse(parser::MY_ACTIVITY_HTML)),
            ("Takeout/My Activity/Ads/MyActivity.html", parse(parser::MY_ACTIVITY_ADS_HTML)),
            ("Takeout/Mon activité/Solutions publicitaires/MonActivité.html", parse(parser::MY_ACTIVITY_ADS_HTML)),
            // A folder name the table lacks, with the English file name.
            ("Takeout/La mia attività/Ricerca/MyActivity.html", parse(parser::MY_ACTIVITY_HTML)),
            ("Takeout/YouTube and YouTube Music/history/watch-history.html", parse(parser::YT_HISTORY_HTML)),
            ("Takeout/YouTube and YouTube Music/history/search-history.html", parse(parser::YT_HISTORY_HTML)),
            ("YouTube y YouTube Music/historial/historial-de-reproducciones.html", parse(parser::YT_HISTORY_HTML)),
            ("YouTube und YouTube Music/Verlauf/Wiedergabeverlauf.html", parse(parser::YT_HISTORY_HTML)),
            ("Takeout/YouTube/history/watch-history.html", parse(parser::YT_HISTORY_HTML)),
        ];
        for (path, want) in cases {
            assert_eq!(&classify(path), want, "{path}");
        }
    }

    #[test]
    fn known_unparsed_files_are_skipped() {
        let cases: &[(&str, &str)] = &[
            ("Takeout/archive_browser.html", INDEX_SKIP),
            ("Takeout/Archiv_Übersicht.html", INDEX_SKIP),
            (
                "Takeout/Mail/All mail Including Spam and Trash.mbox",
                MBOX_SKIP,
            ),
            ("Takeout/Calendar/alex@example.com.ics", ICS_SKIP),
            ("Takeout/Contacts/All Contacts/All Contacts.vcf", VCF_SKIP),
            (
                "Takeout/Google Photos/Photos from 2023/IMG_0001.jpg",
                MEDIA_SKIP,
            ),
            (
                "Takeout/Location History/Settings.json",
                LOCATION_OTHER_SKIP,
            ),
            ("Takeout/Chrome/Bookmarks.html", CHROME_OTHER_SKIP),
            ("Takeout/Google Play Store/Library.json", PLAY_OTHER_SKIP),
        ];
        for (path, why) in cases {
            assert_eq!(classify(path), FileRole::Skip(why), "{path}");
        }
    }

    #[test]
    fn unrelated_files_are_unknown() {
        for path in [
            "Takeout/Keep/note.json",
            "Takeout/Drive/report.docx",
            "your_facebook_activity/posts/your_posts_1.json",
            "README.txt",
        ] {
            assert_eq!(classify(path), FileRole::Unknown, "{path}");
        }
    }

    #[test]
    fn youtube_files_in_every_language() {
        let cases: &[(&str, FileRole)] = &[
            ("Takeout/YouTube and YouTube Music/history/search-history.json", parse(parser::YT_HISTORY)),
            ("YouTube y YouTube Music/historial/historial-de-reproducciones.json", parse(parser::YT_HISTORY)),
            ("YouTube y YouTube Music/historial/historial-de-búsqueda.json", parse(parser::YT_HISTORY)),
            // Spanish with U+00A0 in the folder name, as some exports write it.
            ("Takeout/YouTube y YouTube\u{a0}Music/historial de videos/historial de reproducciones.json", parse(parser::YT_HISTORY)),
            ("YouTube und YouTube Music/Verlauf/Suchverlauf.json", parse(parser::YT_HISTORY)),
            ("YouTube et YouTube Music/historique/historique-des-vidéos-regardées.json", parse(parser::YT_HISTORY)),
            // Before 2020 the folder was `YouTube/`.
            ("Takeout/YouTube/history/watch-history.json", parse(parser::YT_HISTORY)),
            ("Takeout/YouTube and YouTube Music/history/watch-history.html", parse(parser::YT_HISTORY_HTML)),
            ("Takeout/YouTube and YouTube Music/subscriptions/subscriptions.csv", parse(parser::YT_SUBSCRIPTIONS)),
            ("YouTube y YouTube Music/suscripciones/suscripciones.csv", parse(parser::YT_SUBSCRIPTIONS)),
            ("YouTube und YouTube Music/Abos/Abos.csv", parse(parser::YT_SUBSCRIPTIONS)),
            ("YouTube et YouTube Music/abonnements/abonnements.csv", parse(parser::YT_SUBSCRIPTIONS)),
            ("Takeout/YouTube and YouTube Music/comments/comments.csv", parse(parser::YT_COMMENTS)),
            ("Takeout/YouTube and YouTube Music/comments/comments(1).csv", parse(parser::YT_COMMENTS)),
            ("YouTube y YouTube Music/comentarios/comentarios.csv", parse(parser::YT_COMMENTS)),
            ("Takeout/YouTube and YouTube Music/live chats/live chats.csv", parse(parser::YT_LIVE_CHATS)),
            ("Takeout/YouTube and YouTube Music/playlists/playlists.csv", parse(parser::YT_PLAYLISTS)),
            ("Takeout/YouTube and YouTube Music/playlists/Watch later-videos.csv", parse(parser::YT_PLAYLIST_ITEMS)),
            ("Takeout/YouTube and YouTube Music/playlists/Road trip.csv", parse(parser::YT_PLAYLIST_ITEMS)),
            ("Takeout/YouTube and YouTube Music/channels/channel.csv", parse(parser::YT_CHANNEL)),
            ("YouTube et YouTube Music/chaînes/chaîne.csv", parse(parser::YT_CHANNEL)),
            ("Takeout/YouTube and YouTube Music/channels/channel URL configs.csv", parse(parser::YT_CHANNEL_URLS)),
            ("Takeout/YouTube and YouTube Music/video metadata/videos.csv", parse(parser::YT_VIDEOS)),
            ("Takeout/YouTube and YouTube Music/music (library and uploads)/music library songs.csv", parse(parser::YT_MUSIC_LIBRARY)),
            ("Takeout/YouTube and YouTube Music/channels/channel feature data.csv", FileRole::Skip(YOUTUBE_SETTINGS_SKIP)),
            ("Takeout/YouTube and YouTube Music/my-comments/my-comments.html", FileRole::Skip(YOUTUBE_HTML_SKIP)),
            ("Takeout/YouTube and YouTube Music/videos/My first bread.mp4", FileRole::Skip(MEDIA_SKIP)),
            // Unlisted localized names are left to classification by content.
            ("YouTube e YouTube Music/iscrizioni/iscrizioni.csv", FileRole::Unknown),
            ("YouTube y YouTube Music/canales/datos desconocidos.csv", FileRole::Unknown),
        ];
        for (path, want) in cases {
            assert_eq!(&classify(path), want, "{path}");
        }
    }

    #[test]
    fn youtube_music_folder_in_any_language() {
        for name in [
            "YouTube and YouTube Music",
            "YouTube ve YouTube Music",
            "YouTube 和 YouTube Music",
            "YouTube i YouTube\u{a0}Music",
        ] {
            assert!(is_youtube_music_folder(&fold(name)), "{name}");
        }
        for name in ["YouTube", "YouTube Music", "My YouTube Music"] {
            assert!(!is_youtube_music_folder(&fold(name)), "{name}");
        }
    }

    #[test]
    fn judges_youtube_only_takeouts() {
        let judge = |paths: &[&str]| {
            let mut m = Markers::default();
            for p in paths {
                m.see(p);
            }
            m.judge()
        };
        let (c, why) =
            judge(&["YouTube y YouTube Music/historial/historial-de-reproducciones.json"]);
        assert_eq!(c, 1.0);
        assert_eq!(
            why,
            "found a YouTube and YouTube Music folder and YouTube history or channel files"
        );
        let (c, why) =
            judge(&["Takeout/YouTube and YouTube Music/subscriptions/subscriptions.csv"]);
        assert_eq!(c, 1.0);
        assert!(
            why.starts_with("found a Takeout folder, a YouTube and YouTube Music folder"),
            "{why}"
        );
        assert_eq!(judge(&["YouTube and YouTube Music/unknown.txt"]).0, 0.9);
    }

    #[test]
    fn judges_markers() {
        let judge = |paths: &[&str]| {
            let mut m = Markers::default();
            for p in paths {
                m.see(p);
            }
            m.judge()
        };
        let (c, why) = judge(&[
            "Takeout/archive_browser.html",
            "Takeout/My Activity/Search/MyActivity.json",
        ]);
        assert_eq!(c, 1.0);
        assert_eq!(
            why,
            "found a Takeout folder, archive_browser.html and a My Activity folder"
        );
        assert_eq!(
            judge(&["Meine Aktivitäten/Suche/MeineAktivitäten.json"]).0,
            0.9
        );
        assert_eq!(
            judge(&[
                "Standortverlauf/Records.json",
                "Mon activité/x/MonActivité.json"
            ])
            .0,
            1.0
        );
        assert_eq!(judge(&["Takeout/Keep/note.json"]).0, 0.5);
        assert_eq!(judge(&["Chrome/BrowserHistory.json"]).0, 0.5);
        assert_eq!(
            judge(&["your_facebook_activity/posts/your_posts_1.json"]).0,
            0.0
        );
    }
}
