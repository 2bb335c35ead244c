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

/// Why My Activity HTML is not imported.
pub const HTML_SKIP: &str = "My Activity HTML; export as JSON to import it";
/// Why Takeout's index page is not imported.
pub const INDEX_SKIP: &str = "Takeout's table of contents (archive_browser.html), not data";
const MBOX_SKIP: &str = "Gmail mailbox (MBOX); mail is not imported yet";
const ICS_SKIP: &str = "Calendar (ICS); calendars are not imported yet";
const VCF_SKIP: &str = "Contacts (vCard); contacts are not imported yet";
const MEDIA_SKIP: &str = "photo, video or audio file";
const LOCATION_OTHER_SKIP: &str = "Location History settings or edits, not visits";
const CHROME_OTHER_SKIP: &str = "Chrome settings, bookmarks or extensions; not imported yet";
const PLAY_OTHER_SKIP: &str = "Google Play Store file other than installs; not imported yet";
const PROFILE_OTHER_SKIP: &str = "profile picture or profile file other than the profile JSON";
const ACTIVITY_OTHER_SKIP: &str = "My Activity attachment (voice recording or image)";

/// The My Activity folder: EN, DE, FR, ES, NL.
pub const MY_ACTIVITY_FOLDERS: &[&str] = &[
    "My Activity",
    "Meine Aktivitäten",
    "Mon activité",
    "Mi actividad",
    "Mijn activiteit",
];

/// The My Activity file stem (compared without spaces: `My Activity.json` of 2019 and
/// `MyActivity.json` since). Non-English exports sometimes keep the English name.
pub const MY_ACTIVITY_FILES: &[&str] = &[
    "MyActivity",
    "MeineAktivitäten",
    "MonActivité",
    "MiActividad",
    "MijnActiviteit",
];

/// Product folders of the ads activity (My Activity/Ads): EN, DE, FR, ES (two spellings), NL.
pub const ADS_FOLDERS: &[&str] = &[
    "Ads",
    "Google Ads",
    "Anzeigen",
    "Solutions publicitaires",
    "Publicidad",
    "Anuncios",
    "Advertenties",
];

/// YouTube's own folder, whose `history/` holds watch and search history in the My Activity
/// JSON format (`watch-history.json`).
pub const YOUTUBE_FOLDERS: &[&str] = &[
    "YouTube and YouTube Music",
    "YouTube und YouTube Music",
    "YouTube et YouTube Music",
    "YouTube y YouTube Music",
    "YouTube en YouTube Music",
    "YouTube",
];
/// The history folder inside the YouTube folder.
pub const YOUTUBE_HISTORY_FOLDERS: &[&str] = &[
    "history",
    "Verlauf",
    "historique",
    "historial",
    "geschiedenis",
];

/// The Location History folder: EN (before and after the 2023 rename), FR, DE, ES, NL.
pub const LOCATION_FOLDERS: &[&str] = &[
    "Location History",
    "Location History (Timeline)",
    "Historique des positions",
    "Standortverlauf",
    "Standortverlauf (Zeitachse)",
    "Historial de ubicaciones",
    "Locatiegeschiedenis",
];

/// Raw location points: `Records.json`, before 2017 `Location History.json`.
pub const RECORDS_FILES: &[&str] = &[
    "Records.json",
    "Location History.json",
    "LocationHistory.json",
];

/// The semantic history folder (its monthly files are also recognized by their
/// `YYYY/YYYY_MONTH.json` shape, whatever the folder's language).
pub const SEMANTIC_FOLDERS: &[&str] = &["Semantic Location History"];

pub const CHROME_FOLDERS: &[&str] = &["Chrome"];
/// Chrome's browsing history: EN old and new, FR, DE, ES, NL.
pub const CHROME_HISTORY_FILES: &[&str] = &[
    "BrowserHistory.json",
    "History.json",
    "Historique.json",
    "Verlauf.json",
    "Historial.json",
    "Geschiedenis.json",
];

pub const PLAY_STORE_FOLDERS: &[&str] = &["Google Play Store"];
pub const PLAY_INSTALLS_FILES: &[&str] = &["Installs.json"];

/// The profile folder and file: EN, DE, ES/FR (`Perfil`), NL.
pub const PROFILE_FOLDERS: &[&str] = &["Profile", "Profil", "Perfil", "Profiel"];
pub const PROFILE_FILES: &[&str] = &["Profile.json", "Profil.json", "Perfil.json", "Profiel.json"];

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
            'ñ' => Some('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => Some('o'),
            'ù' | 'ú' | 'û' | 'ü' => Some('u'),
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
            "html" => return FileRole::Skip(HTML_SKIP),
            _ => {}
        }
    }
    if let Some(yt) = sp.folder_index(YOUTUBE_FOLDERS) {
        let in_history = sp.folders[yt + 1..]
            .iter()
            .any(|f| is_one_of(f, YOUTUBE_HISTORY_FOLDERS));
        if in_history {
            match sp.ext.as_str() {
                "json" => return FileRole::Parse(parser::MY_ACTIVITY),
                "html" => return FileRole::Skip(HTML_SKIP),
                _ => {}
            }
        }
    }
    if sp.folder_index(LOCATION_FOLDERS).is_some() {
        if is_one_of(&sp.name, RECORDS_FILES) {
            return FileRole::Parse(parser::LOCATION_RECORDS);
        }
        if sp.folder_index(SEMANTIC_FOLDERS).is_some() && sp.ext == "json" || is_semantic_month(&sp)
        {
            return FileRole::Parse(parser::SEMANTIC);
        }
        return FileRole::Skip(LOCATION_OTHER_SKIP);
    }
    if sp.folder_index(CHROME_FOLDERS).is_some() {
        if is_one_of(&sp.name, CHROME_HISTORY_FILES) {
            return FileRole::Parse(parser::CHROME);
        }
        return FileRole::Skip(CHROME_OTHER_SKIP);
    }
    if sp.folder_index(PLAY_STORE_FOLDERS).is_some() {
        if is_one_of(&sp.name, PLAY_INSTALLS_FILES) {
            return FileRole::Parse(parser::PLAY_INSTALLS);
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

/// Inside `My Activity/<Product>/` (or directly in `My Activity/`, the 2019 single file).
fn classify_my_activity(sp: &SplitPath, at: usize) -> FileRole {
    match sp.ext.as_str() {
        "json" => {
            // Every JSON file under My Activity has the activity format; a renamed one is
            // still read rather than lost.
            let in_ads = sp.folders[at + 1..]
                .iter()
                .any(|f| is_one_of(f, ADS_FOLDERS));
            FileRole::Parse(if in_ads {
                parser::MY_ACTIVITY_ADS
            } else {
                parser::MY_ACTIVITY
            })
        }
        "html" => FileRole::Skip(HTML_SKIP),
        _ => FileRole::Skip(ACTIVITY_OTHER_SKIP),
    }
}

/// `name` is the Ads product in one of the known languages (a header or product name).
pub fn is_ads_product(name: &str) -> bool {
    is_one_of(&fold(name), ADS_FOLDERS)
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
        if matches!(
            classify(path),
            FileRole::Parse(parser::CHROME) | FileRole::Parse(parser::PLAY_INSTALLS)
        ) {
            self.other_google = true;
        }
    }

    /// Every marker kind that can raise the confidence has been seen.
    pub fn complete(&self) -> bool {
        self.root && self.index && self.my_activity && self.location_history
    }

    /// Confidence and the reason in words: two marker kinds together 1.0, one strong marker
    /// 0.9, only the root folder or other Google files 0.5.
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
        let strong = [self.index, self.my_activity, self.location_history]
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
                parse(parser::MY_ACTIVITY),
            ),
            (
                "Takeout/YouTube und YouTube Music/Verlauf/Wiedergabeverlauf.json",
                parse(parser::MY_ACTIVITY),
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
    fn html_and_known_unparsed_files_are_skipped() {
        let cases: &[(&str, &str)] = &[
            ("Takeout/My Activity/Search/MyActivity.html", HTML_SKIP),
            (
                "Takeout/Meine Aktivitäten/Suche/MeineAktivitäten.html",
                HTML_SKIP,
            ),
            ("Takeout/Mon activité/Recherche/MonActivité.html", HTML_SKIP),
            (
                "Takeout/YouTube and YouTube Music/history/watch-history.html",
                HTML_SKIP,
            ),
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
