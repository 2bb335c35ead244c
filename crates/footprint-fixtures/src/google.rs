//! Synthetic Google Takeout archives, following FORMATS.md ("Google Takeout").
//!
//! What the generator reproduces because real exports have it and importers must cope:
//! - localized folder and file names in eight languages ([`Locale`]: `My Activity/…/
//!   MyActivity.json`, `Meine Aktivitäten/…/MeineAktivitäten.json`, `Le mie attività/…/
//!   LeMieAttività.json`, `Moja aktywność/…/Moja_aktywność.json`, `Standortverlauf/`,
//!   localized month names, ...), and on request names in a language no table lists,
//! - the shapes people download: with or without `Takeout/`, one product only ([`Products`]),
//!   in several part-zips,
//! - My Activity titles with U+00A0 after the verb (German puts visits' verb last), `time` with
//!   and without fractional seconds, and Google's JSON escaping of `=` and `&` as `\u003d` and
//!   `\u0026` (visible in every `titleUrl`),
//! - ad clicks through every click-tracker form ([`AdLink`]: `google.com/url?q=`,
//!   `googleadservices.com/pagead/aclk?…&adurl=`, `clickserve.dartsearch.net/…&ds_dest_url=`,
//!   `ad.doubleclick.net/ddm/clk/…;?<site>`, nested and doubly percent-encoded), some without
//!   a link but with the advertiser as subtitle; titles are ad headlines,
//! - `Records.json` with `timestamp` (ISO) or the older `timestampMs` (string), pretty-printed the
//!   way Google's Java serializer does it (`"key" : value`), streamed so that a million points
//!   never sit in memory,
//! - Semantic Location History month files, Chrome history, Play Store installs, the profile,
//! - purchases: Google Pay, Purchases & Reservations, Google Store, Play Store ([`purchases`]),
//! - My Activity as JSON, as HTML cards (Takeout's default) or both ([`ActivityFormat`]; the
//!   same elements either way, dates localized through [`crate::html_dates`]), with damaged
//!   pages on request ([`activity_html`]),
//! - optionally mail/calendar/contacts files Footprint skips, a `Takeout/` root, macOS junk
//!   and part-zips,
//! - YouTube-only Takeouts ([`youtube`]).
//!
//! Everything is invented: names from [`crate::names`], emails at `example.com`.

use crate::archive_writer::{ArchiveWriter, Container};
use crate::names;
use crate::Rng;
use crate::odd_times::{OddTimes, Unit};
use chrono::{DateTime, Utc};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::ser::{Formatter, PrettyFormatter};
use serde_json::{json, Value};
use std::cell::RefCell;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub mod activity_html;
pub mod purchases;
pub mod youtube;
pub use youtube::{generate_youtube, YouTubeGeneration, YouTubeSpec};

/// The account's language: decides folder, file and month names and the title verbs.
/// Names marked `~` in docs/IMPORTERS.md are guesses, written here as guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    En,
    De,
    Fr,
    Es,
    It,
    Nl,
    Pt,
    Pl,
}

impl Locale {
    /// Every language the generator writes.
    pub const ALL: [Locale; 8] = [
        Locale::En,
        Locale::De,
        Locale::Fr,
        Locale::Es,
        Locale::It,
        Locale::Nl,
        Locale::Pt,
        Locale::Pl,
    ];
}

/// Which products the export holds: Takeout lets the user pick any subset ("Deselect all",
/// then one product). A YouTube-only export is [`generate_youtube`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Products {
    /// Every product the generator knows.
    All,
    /// Only My Activity (with the Ads product in it): no profile, so no account.
    MyActivity,
    /// Only Location History (raw points and semantic months).
    LocationHistory,
}

/// The format Takeout writes My Activity (and YouTube's history) in: the user picks per
/// product; HTML is the default Takeout offers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ActivityFormat {
    #[default]
    Json,
    Html,
    /// Both files of every product (two exports of one account, one of each, merged).
    Both,
}

impl ActivityFormat {
    /// (JSON, HTML) written.
    pub fn files(self) -> (bool, bool) {
        match self {
            ActivityFormat::Json => (true, false),
            ActivityFormat::Html => (false, true),
            ActivityFormat::Both => (true, true),
        }
    }
}

/// The language of HTML pages for the account's locale.
pub(crate) fn html_lang(locale: Locale) -> crate::html_dates::Lang {
    use crate::html_dates::Lang;
    match locale {
        Locale::En => Lang::En,
        Locale::De => Lang::De,
        Locale::Fr => Lang::Fr,
        Locale::Es => Lang::Es,
        Locale::It => Lang::It,
        Locale::Nl => Lang::Nl,
        Locale::Pt => Lang::Pt,
        Locale::Pl => Lang::Pl,
    }
}

/// What to generate. [`Default`] is a small archive with every parsed file kind present.
#[derive(Debug, Clone)]
pub struct TakeoutSpec {
    pub seed: u64,
    pub locale: Locale,
    /// My Activity elements over the Search, YouTube, Maps and Chrome products.
    pub activity: usize,
    /// Points in `Records.json` (0 leaves the file out).
    pub location_points: usize,
    /// Semantic Location History month files.
    pub semantic_months: usize,
    /// Chrome history visits (0 leaves the file out).
    pub chrome: usize,
    /// Play Store installs (0 leaves the file out).
    pub installs: usize,
    /// Elements of `My Activity/Ads` (ad clicks naming advertisers).
    pub ads: usize,
    /// Google Pay transactions and Play Store purchases (0 leaves every purchase file out);
    /// remittances, orders and Google Store orders scale with it ([`purchases`]).
    pub purchases: usize,
    /// Also write broken purchase files (0-byte, truncated, broken row, nulls).
    pub messy_purchases: bool,
    /// `timestampMs` / `startTimestampMs` strings (before 2022) instead of ISO timestamps.
    pub old_timestamps: bool,
    /// My Activity as JSON (the default), HTML or both.
    pub activity_format: ActivityFormat,
    /// Every My Activity element in the Search product's one file (the benchmark's big page)
    /// instead of spread over Search, YouTube, Maps and Chrome.
    pub activity_in_one_file: bool,
    /// Damaged HTML pages: a 0-byte `MyActivity.html`, a card without a date, one with an
    /// unreadable date, a last card cut off, and a title with `&` and `<` (in both formats).
    pub messy_html: bool,
    /// Also write the HTML twin of My Activity (as [`ActivityFormat::Both`]) and the mail,
    /// calendar and contacts files.
    pub with_html: bool,
    /// Write one in four Chrome `time_usec` values (and old `timestampMs` strings) as a
    /// sentinel (`0`, `-1`, `9223372036854775807`), in nanoseconds or in 2090
    /// ([`crate::odd_times`]).
    pub odd_timestamps: bool,
    /// Put everything under `Takeout/`, as Google does (users unpack and re-zip without it).
    pub top_folder: bool,
    /// Which products are in the export.
    pub products: Products,
    /// Folder and file names in a language no table of the importer lists (My Activity,
    /// Location History, the semantic folder, Chrome's history, the profile): only their
    /// content says what they are.
    pub unlisted_names: bool,
    pub macos_junk: bool,
    pub container: Container,
}

impl Default for TakeoutSpec {
    fn default() -> Self {
        TakeoutSpec {
            seed: 1,
            locale: Locale::En,
            activity: 40,
            location_points: 50,
            semantic_months: 2,
            chrome: 10,
            installs: 4,
            ads: 6,
            purchases: 6,
            messy_purchases: false,
            old_timestamps: false,
            activity_format: ActivityFormat::Json,
            activity_in_one_file: false,
            messy_html: false,
            with_html: false,
            odd_timestamps: false,
            top_folder: true,
            products: Products::All,
            unlisted_names: false,
            macos_junk: false,
            container: Container::Zip,
        }
    }
}

impl TakeoutSpec {
    /// Which My Activity files are written: (JSON, HTML).
    pub fn activity_files(&self) -> (bool, bool) {
        let (json, html) = self.activity_format.files();
        (json, html || self.with_html)
    }

    /// The benchmark's My Activity HTML: `cards` cards in one `MyActivity.html` (about 0.9 KB
    /// each: 330,000 make the 300 MB page of a long-time account) and nothing else to speak of.
    pub fn my_activity_html_benchmark(cards: usize) -> Self {
        TakeoutSpec {
            activity: cards,
            activity_format: ActivityFormat::Html,
            activity_in_one_file: true,
            location_points: 0,
            semantic_months: 0,
            chrome: 0,
            installs: 0,
            ads: 0,
            purchases: 0,
            ..Default::default()
        }
    }

    /// The benchmark's Location History: a million points and little else.
    pub fn benchmark() -> Self {
        TakeoutSpec {
            location_points: 1_000_000,
            ..Default::default()
        }
    }
}

/// Names that differ by language.
struct Names {
    index: &'static str,
    my_activity: &'static str,
    activity_file: &'static str,
    html_file: &'static str,
    search: &'static str,
    ads: &'static str,
    location: &'static str,
    records_file: &'static str,
    semantic: &'static str,
    chrome_file: &'static str,
    profile: &'static str,
    months: [&'static str; 12],
}

/// Names of a language no table of the importer lists (Finnish-like, invented for the test
/// of classification by content).
fn unlisted_names(n: Names) -> Names {
    Names {
        my_activity: "Oma toiminta",
        activity_file: "OmaToiminta.json",
        html_file: "OmaToiminta.html",
        search: "Haku",
        ads: "Mainokset",
        location: "Sijaintihistoria",
        records_file: "Sijainnit.json",
        semantic: "Semanttinen sijaintihistoria",
        chrome_file: "Selaushistoria.json",
        profile: "Profiili/Profiili.json",
        months: [
            "TAMMIKUU", "HELMIKUU", "MAALISKUU", "HUHTIKUU", "TOUKOKUU", "KESAKUU", "HEINAKUU",
            "ELOKUU", "SYYSKUU", "LOKAKUU", "MARRASKUU", "JOULUKUU",
        ],
        ..n
    }
}

fn names_for(locale: Locale) -> Names {
    match locale {
        Locale::En => Names {
            index: "archive_browser.html",
            my_activity: "My Activity",
            activity_file: "MyActivity.json",
            html_file: "MyActivity.html",
            search: "Search",
            ads: "Ads",
            location: "Location History",
            records_file: "Records.json",
            semantic: "Semantic Location History",
            chrome_file: "BrowserHistory.json",
            profile: "Profile/Profile.json",
            months: [
                "JANUARY",
                "FEBRUARY",
                "MARCH",
                "APRIL",
                "MAY",
                "JUNE",
                "JULY",
                "AUGUST",
                "SEPTEMBER",
                "OCTOBER",
                "NOVEMBER",
                "DECEMBER",
            ],
        },
        Locale::De => Names {
            index: "Archiv_Übersicht.html",
            my_activity: "Meine Aktivitäten",
            activity_file: "MeineAktivitäten.json",
            html_file: "MeineAktivitäten.html",
            search: "Google Suche",
            ads: "Anzeigen",
            location: "Standortverlauf",
            records_file: "Records.json",
            semantic: "Semantic Location History",
            chrome_file: "Verlauf.json",
            profile: "Profil/Profil.json",
            months: [
                "JANUAR",
                "FEBRUAR",
                "MÄRZ",
                "APRIL",
                "MAI",
                "JUNI",
                "JULI",
                "AUGUST",
                "SEPTEMBER",
                "OKTOBER",
                "NOVEMBER",
                "DEZEMBER",
            ],
        },
        Locale::Fr => Names {
            index: "archive_browser.html",
            my_activity: "Mon activité",
            activity_file: "MonActivité.json",
            html_file: "MonActivité.html",
            search: "Recherche",
            ads: "Solutions publicitaires",
            location: "Historique des positions",
            records_file: "Records.json",
            semantic: "Semantic Location History",
            chrome_file: "Historique.json",
            profile: "Profil/Profil.json",
            months: [
                "JANVIER",
                "FÉVRIER",
                "MARS",
                "AVRIL",
                "MAI",
                "JUIN",
                "JUILLET",
                "AOÛT",
                "SEPTEMBRE",
                "OCTOBRE",
                "NOVEMBRE",
                "DÉCEMBRE",
            ],
        },
        Locale::Es => Names {
            index: "archive_browser.html",
            my_activity: "Mi actividad",
            activity_file: "MiActividad.json",
            html_file: "MiActividad.html",
            search: "Búsqueda",
            ads: "Publicidad",
            location: "Historial de ubicaciones",
            records_file: "Records.json",
            semantic: "Semantic Location History",
            chrome_file: "Historial.json",
            profile: "Perfil/Perfil.json",
            months: [
                "ENERO",
                "FEBRERO",
                "MARZO",
                "ABRIL",
                "MAYO",
                "JUNIO",
                "JULIO",
                "AGOSTO",
                "SEPTIEMBRE",
                "OCTUBRE",
                "NOVIEMBRE",
                "DICIEMBRE",
            ],
        },
        // File name, Search and Ads products from one public parser (~); the Location
        // History folder from a public program's path (~); Chrome's file name guessed (~).
        Locale::It => Names {
            index: "archive_browser.html",
            my_activity: "Le mie attività",
            activity_file: "LeMieAttività.json",
            html_file: "LeMieAttività.html",
            search: "Ricerca",
            ads: "Programmi pubblicitari",
            location: "Cronologia delle posizioni",
            records_file: "Records.json",
            semantic: "Semantic Location History",
            chrome_file: "Cronologia.json",
            profile: "Profilo/Profilo.json",
            months: [
                "GENNAIO", "FEBBRAIO", "MARZO", "APRILE", "MAGGIO", "GIUGNO", "LUGLIO", "AGOSTO",
                "SETTEMBRE", "OTTOBRE", "NOVEMBRE", "DICEMBRE",
            ],
        },
        // From a data-donation project's real exports: Dutch keeps the English file name.
        Locale::Nl => Names {
            index: "archive_browser.html",
            my_activity: "Mijn activiteit",
            activity_file: "MyActivity.json",
            html_file: "MyActivity.html",
            search: "Zoeken",
            ads: "Advertenties",
            location: "Locatiegeschiedenis",
            records_file: "Records.json",
            semantic: "Semantic Location History",
            chrome_file: "Geschiedenis.json",
            profile: "Profiel/Profiel.json",
            months: [
                "JANUARI", "FEBRUARI", "MAART", "APRIL", "MEI", "JUNI", "JULI", "AUGUSTUS",
                "SEPTEMBER", "OKTOBER", "NOVEMBER", "DECEMBER",
            ],
        },
        // Brazilian Portuguese folders and files from public parsers (~); Ads guessed (~).
        Locale::Pt => Names {
            index: "archive_browser.html",
            my_activity: "Minha atividade",
            activity_file: "MinhaAtividade.json",
            html_file: "MinhaAtividade.html",
            search: "Pesquisa",
            ads: "Anúncios",
            location: "Histórico de localização",
            records_file: "Records.json",
            semantic: "Semantic Location History",
            chrome_file: "Histórico.json",
            profile: "Perfil/Perfil.json",
            months: [
                "JANEIRO", "FEVEREIRO", "MARÇO", "ABRIL", "MAIO", "JUNHO", "JULHO", "AGOSTO",
                "SETEMBRO", "OUTUBRO", "NOVEMBRO", "DEZEMBRO",
            ],
        },
        // The My Activity folder and its `Moja_aktywność` file from a public README (~);
        // everything else guessed (~).
        Locale::Pl => Names {
            index: "archive_browser.html",
            my_activity: "Moja aktywność",
            activity_file: "Moja_aktywność.json",
            html_file: "Moja_aktywność.html",
            search: "Wyszukiwarka",
            ads: "Reklamy",
            location: "Historia lokalizacji",
            records_file: "Records.json",
            semantic: "Semantic Location History",
            chrome_file: "Historia.json",
            profile: "Profil/Profil.json",
            months: [
                "STYCZEŃ", "LUTY", "MARZEC", "KWIECIEŃ", "MAJ", "CZERWIEC", "LIPIEC", "SIERPIEŃ",
                "WRZESIEŃ", "PAŹDZIERNIK", "LISTOPAD", "GRUDZIEŃ",
            ],
        },
    }
}

/// What the user did, for the title verb.
#[derive(Clone, Copy)]
enum Verb {
    Search,
    Visit,
    Watch,
    View,
}

/// A My Activity title in the account's language, with U+00A0 where Google puts it.
fn title(locale: Locale, verb: Verb, object: &str) -> String {
    match (locale, verb) {
        (Locale::En, Verb::Search) => format!("Searched for\u{a0}{object}"),
        (Locale::En, Verb::Visit) => format!("Visited\u{a0}{object}"),
        (Locale::En, Verb::Watch) => format!("Watched\u{a0}{object}"),
        (Locale::En, Verb::View) => format!("Viewed\u{a0}{object}"),
        (Locale::De, Verb::Search) => format!("Gesucht nach:\u{a0}{object}"),
        (Locale::De, Verb::Visit) => format!("{object}\u{a0}aufgerufen"),
        (Locale::De, Verb::Watch | Verb::View) => format!("{object}\u{a0}angesehen"),
        (Locale::Fr, Verb::Search) => format!("Vous avez recherché\u{a0}{object}"),
        (Locale::Fr, Verb::Visit | Verb::View) => format!("Vous avez consulté\u{a0}{object}"),
        (Locale::Fr, Verb::Watch) => format!("Vous avez regardé\u{a0}{object}"),
        (Locale::Es, Verb::Search) => format!("Has buscado\u{a0}{object}"),
        (Locale::Es, Verb::Visit | Verb::View) => format!("Has visitado\u{a0}{object}"),
        (Locale::Es, Verb::Watch) => format!("Has visto\u{a0}{object}"),
        (Locale::It, Verb::Search) => format!("Hai cercato\u{a0}{object}"),
        (Locale::It, Verb::Visit) => format!("Hai visitato\u{a0}{object}"),
        (Locale::It, Verb::Watch) => format!("Hai guardato\u{a0}{object}"),
        (Locale::It, Verb::View) => format!("Hai visualizzato\u{a0}{object}"),
        (Locale::Nl, Verb::Search) => format!("Gezocht naar\u{a0}{object}"),
        (Locale::Nl, Verb::Visit) => format!("Bezocht\u{a0}{object}"),
        (Locale::Nl, Verb::Watch | Verb::View) => format!("Bekeken\u{a0}{object}"),
        (Locale::Pt, Verb::Search) => format!("Pesquisou por\u{a0}{object}"),
        (Locale::Pt, Verb::Visit) => format!("Visitou\u{a0}{object}"),
        (Locale::Pt, Verb::Watch) => format!("Assistiu a\u{a0}{object}"),
        (Locale::Pt, Verb::View) => format!("Visualizou\u{a0}{object}"),
        (Locale::Pl, Verb::Search) => format!("Wyszukano\u{a0}{object}"),
        (Locale::Pl, Verb::Visit) => format!("Odwiedzono\u{a0}{object}"),
        (Locale::Pl, Verb::Watch) => format!("Obejrzano\u{a0}{object}"),
        (Locale::Pl, Verb::View) => format!("Wyświetlono\u{a0}{object}"),
    }
}

/// 2024-03-01T00:00:00Z: generated activity happens in the year before.
const END_MS: i64 = 1_709_251_200_000;
const YEAR_MS: i64 = 365 * 86_400_000;

/// ISO-8601 UTC, with milliseconds or without fractions (both occur in My Activity).
fn iso(ms: i64, fraction: bool) -> String {
    let dt: DateTime<Utc> = DateTime::from_timestamp_millis(ms).unwrap_or_default();
    if fraction {
        dt.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
    } else {
        dt.format("%Y-%m-%dT%H:%M:%SZ").to_string()
    }
}

/// A plausible web domain for a company name (`Nike` → `nike.com`, `Booking.com` stays).
pub fn domain_of(company: &str) -> String {
    let lower = company.to_lowercase();
    if lower.contains('.') && !lower.contains(' ') {
        return lower;
    }
    let ascii: String = lower
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ï' | 'î' => 'i',
            'ö' | 'ô' | 'ó' => 'o',
            'ü' | 'û' | 'ú' => 'u',
            'ç' => 'c',
            c => c,
        })
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    format!("{ascii}.com")
}

/// The advertiser of ad `i`: a well-known name, so directory matching is exercised; chosen
/// from the seed and the index alone, so tests know it without reading the file.
fn ad_company(seed: u64, i: usize) -> &'static str {
    let n = names::COMPANIES.len();
    names::COMPANIES[(seed as usize % n * 7 + i * 3) % n]
}

/// Serializes `n` generated items as a JSON array without holding them all (`item` is called
/// while the serializer writes, one element at a time).
struct LazyArray<F> {
    n: usize,
    item: RefCell<F>,
}

impl<F: FnMut(usize) -> Value> Serialize for LazyArray<F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.n))?;
        let mut item = self.item.borrow_mut();
        for i in 0..self.n {
            seq.serialize_element(&item(i))?;
        }
        seq.end()
    }
}

/// `{"<key>": <value>}`, for top-level objects around a [`LazyArray`].
struct OneKey<'a, T>(&'a str, T);

impl<T: Serialize> Serialize for OneKey<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry(self.0, &self.1)?;
        map.end()
    }
}

/// Google's Java serializer writes `"key" : value` (a space before the colon) in Location
/// History files; the other files use the plain two-space style.
struct JavaStyle<'a>(PrettyFormatter<'a>);

impl Formatter for JavaStyle<'_> {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b" : ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Google escapes `=` and `&` in My Activity JSON strings (`q\u003drust`). Neither byte can
/// occur outside a string in JSON, so escaping them in the byte stream is exact.
struct GoogleEscapes<W: Write>(W);

impl<W: Write> Write for GoogleEscapes<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut start = 0;
        for (i, b) in buf.iter().enumerate() {
            let esc: &[u8] = match b {
                b'=' => b"\\u003d",
                b'&' => b"\\u0026",
                _ => continue,
            };
            self.0.write_all(&buf[start..i])?;
            self.0.write_all(esc)?;
            start = i + 1;
        }
        self.0.write_all(&buf[start..])?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

fn write_pretty(out: &mut dyn Write, value: &impl Serialize, java: bool) -> io::Result<()> {
    let mut buf = io::BufWriter::with_capacity(1 << 16, out);
    if java {
        let mut ser = serde_json::Serializer::with_formatter(
            &mut buf,
            JavaStyle(PrettyFormatter::with_indent(b"  ")),
        );
        value.serialize(&mut ser).map_err(io::Error::other)?;
    } else {
        let mut ser = serde_json::Serializer::pretty(&mut buf);
        value.serialize(&mut ser).map_err(io::Error::other)?;
    }
    buf.write_all(b"\n")?;
    buf.flush()
}

/// Write `value` (pretty JSON, streamed) at `path`.
fn add_json(
    w: &mut ArchiveWriter,
    path: &str,
    value: &impl Serialize,
    java: bool,
) -> io::Result<()> {
    w.add_with(path, |out| write_pretty(out, value, java))
}

/// Write a My Activity file (Google's escapes included).
fn add_activity(w: &mut ArchiveWriter, path: &str, items: &impl Serialize) -> io::Result<()> {
    w.add_with(path, |out| {
        let mut esc = GoogleEscapes(out);
        write_pretty(&mut esc, items, false)
    })
}

/// Write one product's My Activity in the spec's formats: `count` elements made by `make`
/// (from the random source and a clock running back from `t0`), streamed (a benchmark asks
/// for hundreds of thousands). For both formats the draws are replayed, so the HTML cards
/// carry the JSON's elements, and `rng` ends where JSON alone leaves it (the rest of the
/// archive does not depend on the format).
#[allow(clippy::too_many_arguments)]
fn add_activity_files(
    w: &mut ArchiveWriter,
    rng: &mut Rng,
    spec: &TakeoutSpec,
    n: &Names,
    dir: &str,
    t0: i64,
    count: usize,
    mut make: impl FnMut(&mut Rng, &mut i64, usize) -> Value,
) -> io::Result<()> {
    let (json, html) = spec.activity_files();
    let start = rng.clone();
    if json {
        let mut t = t0;
        let items = LazyArray {
            n: count,
            item: RefCell::new(|i| make(rng, &mut t, i)),
        };
        add_activity(w, &format!("{dir}/{}", n.activity_file), &items)?;
    }
    if html {
        let mut replay = start;
        let mut t = t0;
        let mess = activity_html::Mess { damaged_cards: spec.messy_html };
        w.add_with(&format!("{dir}/{}", n.html_file), |out| {
            activity_html::write_page(out, n.my_activity, html_lang(spec.locale), count, mess, |i| {
                make(&mut replay, &mut t, i)
            })
        })?;
        if !json {
            *rng = replay;
        }
    }
    Ok(())
}

/// A search whose text needs escaping in HTML (`&`, `<`), written when `messy_html` is set.
const TRICKY_QUERY: &str = "fish & chips <3";

/// Generate one Takeout export at `out` (the zip or tgz path, the folder, or for part-zips the
/// stem: `dir/takeout-20240301T101010Z.zip` gives `...-001.zip`, `...-002.zip`). Returns the
/// paths written.
pub fn generate(spec: &TakeoutSpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    let n = if spec.unlisted_names {
        unlisted_names(names_for(spec.locale))
    } else {
        names_for(spec.locale)
    };
    let mut rng = Rng::new(spec.seed);
    let mut w = ArchiveWriter::new(out, spec.container)?.macos_junk(spec.macos_junk);
    if spec.top_folder {
        w = w.top_folder("Takeout");
    }
    // Raw points and the semantic timeline happen around the same home.
    let home = *rng.pick(BASES);
    let all = spec.products == Products::All;
    let activity = all || spec.products == Products::MyActivity;
    let location = all || spec.products == Products::LocationHistory;
    w.add(n.index, INDEX_HTML.as_bytes())?;
    if all {
        write_profile(&mut w, &mut rng, &n, spec.seed)?;
    }
    if activity {
        write_my_activity(&mut w, &mut rng, spec, &n)?;
        write_ads(&mut w, &mut rng, spec, &n)?;
    }
    if location && spec.location_points > 0 {
        write_records(&mut w, &mut rng, spec, &n, home)?;
    }
    if location {
        write_semantic(&mut w, &mut rng, spec, &n, home)?;
    }
    if all && spec.chrome > 0 {
        write_chrome(&mut w, &mut rng, spec, &n)?;
    }
    if all && spec.installs > 0 {
        write_installs(&mut w, &mut rng, spec)?;
    }
    if all && spec.with_html {
        write_unparsed(&mut w, &n)?;
    }
    if all {
        purchases::write(&mut w, spec)?;
    }
    w.finish()
}

const INDEX_HTML: &str = "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>Google Data Export Archive Contents</title></head><body><h1>Your Google data archive</h1><p>Synthetic archive index.</p></body></html>";

/// The profile of the seed's [`crate::Persona`]: the same person as the other platforms'
/// exports generated with that seed.
fn write_profile(w: &mut ArchiveWriter, rng: &mut Rng, n: &Names, seed: u64) -> io::Result<()> {
    let p = crate::Persona::for_seed(seed);
    let (first, last) = (p.first.as_str(), p.last.as_str());
    let profile = json!({
        "name": {"givenName": first, "familyName": last, "formattedName": p.name},
        "displayName": p.name,
        "emails": [{"value": p.email}],
        "birthday": p.birth_date(),
        "gender": {"type": *rng.pick(&["female", "male", "other"])}
    });
    add_json(w, n.profile, &profile, false)
}

/// One product's My Activity: where it goes and what it holds.
struct Product {
    folder: &'static str,
    header: &'static str,
    share: usize,
}

fn write_my_activity(
    w: &mut ArchiveWriter,
    rng: &mut Rng,
    spec: &TakeoutSpec,
    n: &Names,
) -> io::Result<()> {
    let products = [
        Product {
            folder: n.search,
            header: n.search,
            share: 5,
        },
        Product {
            folder: "YouTube",
            header: "YouTube",
            share: 3,
        },
        Product {
            folder: "Maps",
            header: "Maps",
            share: 1,
        },
        Product {
            folder: "Chrome",
            header: "Chrome",
            share: 1,
        },
    ];
    let products = if spec.activity_in_one_file { &products[..1] } else { &products[..] };
    let total_share: usize = products.iter().map(|p| p.share).sum();
    let mut left = spec.activity;
    for (pi, p) in products.iter().enumerate() {
        let count = if pi + 1 == products.len() {
            left
        } else {
            (spec.activity * p.share / total_share).min(left)
        };
        left -= count;
        if count == 0 {
            continue;
        }
        // Newest first, as My Activity lists it.
        let t0 = END_MS - rng.below(86_400_000) as i64;
        let dir = format!("{}/{}", n.my_activity, p.folder);
        let messy = spec.messy_html && p.folder == n.search;
        add_activity_files(w, rng, spec, n, &dir, t0, count, |rng, t, i| {
            *t -= 60_000 + rng.below(6 * 3_600_000) as i64;
            let mut v = activity_item(rng, spec.locale, p, *t, i);
            if messy && i == 3 {
                v["title"] = json!(title(spec.locale, Verb::Search, TRICKY_QUERY));
                v["titleUrl"] = json!(format!("https://www.google.com/search?q={}", query_encode(TRICKY_QUERY)));
            }
            v
        })?;
    }
    if spec.messy_html && spec.activity_files().1 {
        // A product with nothing in it, written as an empty file.
        w.add(&format!("{}/Assistant/{}", n.my_activity, n.html_file), b"")?;
    }
    Ok(())
}

/// A query string value as a browser sends it: `+` for spaces, `%XX` for other bytes.
fn query_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b' ' => out.push('+'),
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// An 11-character YouTube video id (base64url alphabet).
fn video_id(rng: &mut Rng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    (0..11)
        .map(|_| ALPHABET[rng.below(64) as usize] as char)
        .collect()
}

/// Item `i` is one of every `n` (the first, then each n-th).
// `usize::is_multiple_of` needs Rust 1.87; the workspace promises 1.85.
#[allow(clippy::manual_is_multiple_of)]
fn every_nth(i: usize, n: usize) -> bool {
    i % n == 0
}

fn words(rng: &mut Rng, k: usize) -> String {
    (0..k)
        .map(|_| *rng.pick(names::WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

fn activity_item(rng: &mut Rng, locale: Locale, p: &Product, t: i64, i: usize) -> Value {
    // Every third element has a time without fractional seconds.
    let time = iso(t, !every_nth(i, 3));
    let products = json!([p.header]);
    let mut v = match p.folder {
        "YouTube" if i % 4 == 3 => {
            let q = words(rng, 2);
            json!({"header": p.header, "title": title(locale, Verb::Search, &q),
                   "titleUrl": format!("https://www.youtube.com/results?search_query={}", query_encode(&q))})
        }
        "YouTube" => {
            let video = format!("{} {}", words(rng, 2), rng.below(100));
            let channel = format!(
                "{} {}",
                rng.pick(names::SHOP_PREFIX),
                rng.pick(names::SHOP_SUFFIX)
            );
            json!({"header": p.header, "title": title(locale, Verb::Watch, &video),
                   "titleUrl": format!("https://www.youtube.com/watch?v={}", video_id(rng)),
                   "subtitles": [{"name": channel, "url": format!("https://www.youtube.com/channel/UC{}{}", video_id(rng), video_id(rng))}]})
        }
        "Maps" => {
            let place = format!(
                "{} {}",
                rng.pick(names::SHOP_PREFIX),
                rng.pick(names::SHOP_SUFFIX)
            );
            json!({"header": p.header, "title": title(locale, Verb::View, &place),
                   "titleUrl": format!("https://www.google.com/maps/place/{}", query_encode(&place))})
        }
        "Chrome" => {
            let page = words(rng, 3);
            json!({"header": p.header, "title": title(locale, Verb::Visit, &page),
                   "titleUrl": format!("https://example.org/{}", page.replace(' ', "-"))})
        }
        // Search: mostly searches, some result clicks through Google's redirect.
        _ if i % 3 == 2 => {
            let page = words(rng, 3);
            let site = domain_of(names::company(rng.below(40) as usize).as_str());
            json!({"header": p.header, "title": title(locale, Verb::Visit, &page),
                   "titleUrl": format!("https://www.google.com/url?q=https://www.{site}/&usg=AOvVaw{:x}", rng.below(1 << 40))})
        }
        _ => {
            let k = 1 + rng.below(3) as usize;
            let q = words(rng, k);
            json!({"header": p.header, "title": title(locale, Verb::Search, &q),
                   "titleUrl": format!("https://www.google.com/search?q={}", query_encode(&q))})
        }
    };
    let obj = v.as_object_mut().expect("object");
    obj.insert("time".into(), json!(time));
    obj.insert("products".into(), products);
    if every_nth(i, 5) {
        obj.insert("details".into(), json!([{"name": "From your device"}]));
    }
    obj.insert("activityControls".into(), json!(["Web & App Activity"]));
    v
}

/// How ad `i` links to its advertiser: every click-tracker form seen in exports, in turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdLink {
    /// `google.com/url?q=<site>&usg=…`
    GoogleRedirect,
    /// `googleadservices.com/pagead/aclk?…&adurl=<site>`
    AdServices,
    /// `clickserve.dartsearch.net/link/click?…&ds_dest_url=<site>`
    Clickserve,
    /// `ad.doubleclick.net/ddm/clk/…;?<site>` (the whole query is the site)
    DoubleClick,
    /// `aclk?adurl=` holding a percent-encoded `clickserve` link, itself holding the site
    /// encoded a second time.
    Nested,
    /// No link: the advertiser is only named as the subtitle.
    SubtitleOnly,
}

const AD_LINKS: [AdLink; 6] = [
    AdLink::GoogleRedirect,
    AdLink::AdServices,
    AdLink::Clickserve,
    AdLink::DoubleClick,
    AdLink::Nested,
    AdLink::SubtitleOnly,
];

/// The link form of ad `i`.
pub fn ad_link(i: usize) -> AdLink {
    AD_LINKS[i % AD_LINKS.len()]
}

/// The company name the importer should find for an ad of `company` linked as `link`: the
/// site's domain behind a tracker, the name itself when only the subtitle names it.
pub fn expected_advertiser(company: &str, link: AdLink) -> String {
    match link {
        AdLink::SubtitleOnly => company.to_string(),
        _ => domain_of(company),
    }
}

/// The `titleUrl` of an ad of `company` linked as `link` (`None` for [`AdLink::SubtitleOnly`]).
fn ad_url(rng: &mut Rng, company: &str, link: AdLink) -> Option<String> {
    let site = format!("https://www.{}/", domain_of(company));
    let id = rng.below(1 << 40);
    Some(match link {
        AdLink::GoogleRedirect => format!("https://www.google.com/url?q={site}offers&usg=AOvVaw{id:x}"),
        AdLink::AdServices => format!(
            "https://www.googleadservices.com/pagead/aclk?sa=L&ai=DChcSEw{id:x}&ohost=www.google.com&cid=CAESQ&sig=AOD64_{id:x}&q&adurl={site}sale%3Fgclid%3DEAIaIQ{id:x}&ved=2ahUKE"
        ),
        AdLink::Clickserve => format!(
            "https://clickserve.dartsearch.net/link/click?lid=437000{}&ds_s_kwgid=587000{}&ds_e_adid={id}&ds_url_v=2&ds_dest_url={site}?utm_source=google",
            rng.below(1_000_000),
            rng.below(1_000_000)
        ),
        AdLink::DoubleClick => format!(
            "https://ad.doubleclick.net/ddm/clk/{};{};u;?{site}campaign",
            400_000_000 + rng.below(100_000_000),
            200_000_000 + rng.below(100_000_000)
        ),
        AdLink::Nested => format!(
            "https://www.googleadservices.com/pagead/aclk?sa=L&ai=DChcSEw{id:x}&adurl=https://clickserve.dartsearch.net/link/click%3Flid%3D437000{}%26ds_url_v%3D2%26ds_dest_url%3D{}",
            rng.below(1_000_000),
            query_encode(&query_encode(&site))
        ),
        AdLink::SubtitleOnly => return None,
    })
}

fn write_ads(
    w: &mut ArchiveWriter,
    rng: &mut Rng,
    spec: &TakeoutSpec,
    n: &Names,
) -> io::Result<()> {
    if spec.ads == 0 {
        return Ok(());
    }
    let dir = format!("{}/{}", n.my_activity, n.ads);
    add_activity_files(w, rng, spec, n, &dir, END_MS - 3_600_000, spec.ads, |rng, t, i| {
        *t -= 3_600_000 + rng.below(48 * 3_600_000) as i64;
        let company = ad_company(spec.seed, i);
        // The title is the ad's headline, which is never the advertiser's name alone.
        let headline = format!("{company} | {}", words(rng, 3));
        let mut v = json!({
            "header": n.ads,
            "title": title(spec.locale, Verb::Visit, &headline),
            "time": iso(*t, i % 2 == 0),
            "products": [n.ads],
            "details": [{"name": "From Google Ads"}],
            "activityControls": ["Web & App Activity"]
        });
        match ad_url(rng, company, ad_link(i)) {
            Some(url) => v["titleUrl"] = json!(url),
            None => v["subtitles"] = json!([{"name": company}]),
        }
        v
    })
}

/// The advertisers the Ads product file names, as the importer should find them (one per
/// ad, in file order): the same list whatever the language, layout or shape.
pub fn expected_advertisers(spec: &TakeoutSpec) -> Vec<String> {
    let ads = match spec.products {
        Products::LocationHistory => 0,
        Products::All | Products::MyActivity => spec.ads,
    };
    (0..ads)
        .map(|i| expected_advertiser(ad_company(spec.seed, i), ad_link(i)))
        .collect()
}

/// A home base per seed, some south of the equator or west of Greenwich (negative E7).
const BASES: &[(f64, f64)] = &[
    (48.137, 11.575),
    (48.857, 2.352),
    (-33.869, 151.209),
    (-23.550, -46.633),
    (40.713, -74.006),
];

fn e7(deg: f64) -> i64 {
    (deg * 1e7).round() as i64
}

fn write_records(
    w: &mut ArchiveWriter,
    rng: &mut Rng,
    spec: &TakeoutSpec,
    n: &Names,
    (base_lat, base_lon): (f64, f64),
) -> io::Result<()> {
    let seed = rng.below(u64::MAX);
    let old = spec.old_timestamps;
    let count = spec.location_points;
    // Points are oldest first, spread over the year before END_MS.
    let step = (YEAR_MS / count.max(1) as i64).max(1);
    let start = END_MS - YEAR_MS;
    let path = format!("{}/{}", n.location, n.records_file);
    let mut prng = Rng::new(seed);
    let mut odd = OddTimes::new(spec.odd_timestamps);
    let mut lat = base_lat;
    let mut lon = base_lon;
    let array = LazyArray {
        n: count,
        item: RefCell::new(move |i: usize| {
            // A random walk that drifts back home.
            lat += (prng.f64() - 0.5) * 0.002 + (base_lat - lat) * 0.01;
            lon += (prng.f64() - 0.5) * 0.002 + (base_lon - lon) * 0.01;
            let ms = start + i as i64 * step + prng.below(step as u64) as i64;
            let mut p = serde_json::Map::new();
            if old {
                p.insert("timestampMs".into(), json!(odd.apply(ms, Unit::Millis).to_string()));
            }
            p.insert("latitudeE7".into(), json!(e7(lat)));
            p.insert("longitudeE7".into(), json!(e7(lon)));
            p.insert("accuracy".into(), json!(3 + prng.below(60)));
            if every_nth(i, 7) {
                p.insert("activity".into(), json!([{
                    "activity": [{"type": "STILL", "confidence": 80}, {"type": "ON_FOOT", "confidence": 20}],
                    "timestamp": iso(ms, true)
                }]));
            }
            p.insert("source".into(), json!(*prng.pick(&["WIFI", "GPS", "CELL"])));
            p.insert(
                "deviceTag".into(),
                json!(-1_234_567_890 + (seed % 1000) as i64),
            );
            p.insert("platformType".into(), json!("ANDROID"));
            if !old {
                p.insert("timestamp".into(), json!(iso(ms, true)));
            }
            Value::Object(p)
        }),
    };
    add_json(w, &path, &OneKey("locations", array), true)
}

/// Semantic history: `semantic_months` months back from February 2024, one file each.
fn write_semantic(
    w: &mut ArchiveWriter,
    rng: &mut Rng,
    spec: &TakeoutSpec,
    n: &Names,
    (base_lat, base_lon): (f64, f64),
) -> io::Result<()> {
    for m in 0..spec.semantic_months {
        // Month index counting back from 2024-02.
        let months_back = m as i64;
        let total = 2024 * 12 + 1 - months_back;
        let (year, month0) = (total / 12, (total % 12) as usize);
        let month_start = chrono::NaiveDate::from_ymd_opt(year as i32, month0 as u32 + 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc().timestamp_millis())
            .unwrap_or(END_MS);
        let mut t = month_start + 8 * 3_600_000;
        let mut objects = Vec::new();
        let mut here = (base_lat, base_lon);
        for k in 0..6 {
            let stay = 3_600_000 + rng.below(4 * 3_600_000) as i64;
            let place = format!(
                "{} {}",
                rng.pick(names::SHOP_PREFIX),
                rng.pick(names::SHOP_SUFFIX)
            );
            objects.push(json!({"placeVisit": {
                "location": {
                    "latitudeE7": e7(here.0), "longitudeE7": e7(here.1),
                    "placeId": format!("ChIJ{:016x}{:04x}", rng.below(u64::MAX), k),
                    "address": format!("{} Example Street, Springfield", 1 + rng.below(200)),
                    "name": place,
                    "semanticType": if k == 0 { "TYPE_HOME" } else { "TYPE_UNKNOWN" },
                    "locationConfidence": 90.5
                },
                "duration": duration(spec.old_timestamps, t, t + stay),
                "placeConfidence": "HIGH_CONFIDENCE",
                "centerLatE7": e7(here.0), "centerLngE7": e7(here.1),
                "visitConfidence": 95
            }}));
            t += stay;
            let travel = 600_000 + rng.below(3_600_000) as i64;
            let next = (
                here.0 + (rng.f64() - 0.5) * 0.05,
                here.1 + (rng.f64() - 0.5) * 0.05,
            );
            objects.push(json!({"activitySegment": {
                "startLocation": {"latitudeE7": e7(here.0), "longitudeE7": e7(here.1)},
                "endLocation": {"latitudeE7": e7(next.0), "longitudeE7": e7(next.1)},
                "duration": duration(spec.old_timestamps, t, t + travel),
                "distance": 500 + rng.below(8000),
                "activityType": *rng.pick(&["WALKING", "CYCLING", "IN_PASSENGER_VEHICLE", "IN_BUS"]),
                "confidence": "HIGH"
            }}));
            t += travel + rng.below(2 * 86_400_000) as i64;
            here = next;
        }
        let path = format!(
            "{}/{}/{year}/{year}_{}.json",
            n.location, n.semantic, n.months[month0]
        );
        add_json(w, &path, &OneKey("timelineObjects", &objects), true)?;
    }
    Ok(())
}

fn duration(old: bool, from: i64, to: i64) -> Value {
    if old {
        json!({"startTimestampMs": from.to_string(), "endTimestampMs": to.to_string()})
    } else {
        json!({"startTimestamp": iso(from, true), "endTimestamp": iso(to, true)})
    }
}

fn write_chrome(
    w: &mut ArchiveWriter,
    rng: &mut Rng,
    spec: &TakeoutSpec,
    n: &Names,
) -> io::Result<()> {
    let mut t = END_MS * 1000;
    let mut odd = OddTimes::new(spec.odd_timestamps);
    let visits: Vec<Value> = (0..spec.chrome)
        .map(|_| {
            t -= (60 + rng.below(7200) as i64) * 1_000_000 + rng.below(1_000_000) as i64;
            let company = names::company(rng.below(60) as usize);
            let page = words(rng, 2);
            json!({
                "favicon_url": format!("https://www.{}/favicon.ico", domain_of(&company)),
                "page_transition": *rng.pick(&["LINK", "TYPED", "AUTO_BOOKMARK", "RELOAD"]),
                "title": format!("{page} - {company}"),
                "url": format!("https://www.{}/{}", domain_of(&company), page.replace(' ', "-")),
                "client_id": format!("{:022x}", rng.below(u64::MAX)),
                "time_usec": odd.apply(t, Unit::Micros)
            })
        })
        .collect();
    add_json(
        w,
        &format!("Chrome/{}", n.chrome_file),
        &OneKey("Browser History", &visits),
        false,
    )
}

/// Companies in the names list that are apps people install.
const APPS: &[&str] = &[
    "Spotify",
    "Netflix",
    "Uber",
    "Airbnb",
    "Duolingo",
    "Tinder",
    "Strava",
    "Candy Crush Saga",
    "Revolut",
    "N26",
    "Klarna",
    "Vinted",
    "Deliveroo",
    "MyFitnessPal",
    "Headspace",
    "Zalando",
];

fn write_installs(w: &mut ArchiveWriter, rng: &mut Rng, spec: &TakeoutSpec) -> io::Result<()> {
    let start = rng.below(APPS.len() as u64) as usize;
    let items: Vec<Value> = (0..spec.installs)
        .map(|i| {
            let app = APPS[(start + i) % APPS.len()];
            let first = END_MS - rng.below(3 * YEAR_MS as u64) as i64;
            json!({"install": {
                "doc": {"documentType": "Android Apps", "title": app},
                "firstInstallationTime": iso(first, true),
                "deviceAttribute": {"manufacturer": "Google", "model": "Pixel 7", "deviceDisplayName": "Google Pixel 7", "carrier": "Example Mobile"},
                "lastUpdateTime": iso(first + rng.below(YEAR_MS as u64) as i64, true)
            }})
        })
        .collect();
    add_json(w, "Google Play Store/Installs.json", &items, false)
}

/// Files Footprint knows but does not parse, plus one it does not know at all.
fn write_unparsed(w: &mut ArchiveWriter, n: &Names) -> io::Result<()> {
    w.add(
        "Mail/All mail Including Spam and Trash.mbox",
        b"From 1234@xxx Fri Mar 01 12:00:00 +0000 2024\r\nFrom: shop@example.org\r\nSubject: Your order\r\n\r\nThanks.\r\n",
    )?;
    w.add(
        "Calendar/someone@example.com.ics",
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Dentist\r\nDTSTART:20240301T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )?;
    w.add(
        "Contacts/All Contacts/All Contacts.vcf",
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Robin Example\r\nEMAIL:robin@example.com\r\nEND:VCARD\r\n",
    )?;
    w.add(
        &format!("{}/Settings.json", n.location),
        b"{\"historyEnabled\": true}\n",
    )?;
    w.add(
        "Keep/Shopping list.json",
        b"{\"title\": \"Shopping list\", \"textContent\": \"milk\"}\n",
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn zip_entries(path: &Path) -> Vec<String> {
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
    fn same_seed_same_bytes() {
        let tmp = tempfile::tempdir().unwrap();
        let a = generate(&TakeoutSpec::default(), &tmp.path().join("a.zip")).unwrap();
        let b = generate(&TakeoutSpec::default(), &tmp.path().join("b.zip")).unwrap();
        assert_eq!(std::fs::read(&a[0]).unwrap(), std::fs::read(&b[0]).unwrap());
        let c = generate(
            &TakeoutSpec {
                seed: 9,
                ..Default::default()
            },
            &tmp.path().join("c.zip"),
        )
        .unwrap();
        assert_ne!(std::fs::read(&a[0]).unwrap(), std::fs::read(&c[0]).unwrap());
    }

    #[test]
    fn english_layout_and_format_details() {
        let tmp = tempfile::tempdir().unwrap();
        let zip = &generate(&TakeoutSpec::default(), &tmp.path().join("t.zip")).unwrap()[0];
        let names = zip_entries(zip);
        for want in [
            "Takeout/archive_browser.html",
            "Takeout/Profile/Profile.json",
            "Takeout/My Activity/Search/MyActivity.json",
            "Takeout/My Activity/Ads/MyActivity.json",
            "Takeout/Location History/Records.json",
            "Takeout/Location History/Semantic Location History/2024/2024_FEBRUARY.json",
            "Takeout/Location History/Semantic Location History/2024/2024_JANUARY.json",
            "Takeout/Chrome/BrowserHistory.json",
            "Takeout/Google Play Store/Installs.json",
        ] {
            assert!(
                names.iter().any(|n| n == want),
                "{want} missing from {names:?}"
            );
        }
        let search = read(zip, "Takeout/My Activity/Search/MyActivity.json");
        assert!(
            search.contains("Searched for\u{a0}"),
            "U+00A0 after the verb"
        );
        assert!(
            search.contains("\\u003d") && !search.contains('='),
            "Google escapes `=`"
        );
        let items: Vec<Value> = serde_json::from_str(&search).unwrap();
        let times: Vec<&str> = items.iter().map(|v| v["time"].as_str().unwrap()).collect();
        assert!(times.iter().any(|t| t.contains('.')) && times.iter().any(|t| !t.contains('.')));
        let ads: Vec<Value> =
            serde_json::from_str(&read(zip, "Takeout/My Activity/Ads/MyActivity.json")).unwrap();
        assert_eq!(ads.len(), 6);
        assert!(ads[0]["titleUrl"]
            .as_str()
            .unwrap()
            .starts_with("https://www.google.com/url?q=https://www."));
        let records = read(zip, "Takeout/Location History/Records.json");
        assert!(
            records.starts_with("{\n  \"locations\" : ["),
            "{}",
            &records[..40]
        );
        let v: Value = serde_json::from_str(&records).unwrap();
        let points = v["locations"].as_array().unwrap();
        assert_eq!(points.len(), 50);
        assert!(points[0]["timestamp"].is_string() && points[0].get("timestampMs").is_none());
        let profile: Value =
            serde_json::from_str(&read(zip, "Takeout/Profile/Profile.json")).unwrap();
        assert!(profile["emails"][0]["value"]
            .as_str()
            .unwrap()
            .ends_with("@example.com"));
    }

    #[test]
    fn localized_old_and_messy_variants() {
        let tmp = tempfile::tempdir().unwrap();
        let spec = TakeoutSpec {
            locale: Locale::De,
            old_timestamps: true,
            with_html: true,
            macos_junk: true,
            ..Default::default()
        };
        let zip = &generate(&spec, &tmp.path().join("de.zip")).unwrap()[0];
        let names = zip_entries(zip);
        for want in [
            "Takeout/Archiv_Übersicht.html",
            "Takeout/Meine Aktivitäten/Google Suche/MeineAktivitäten.json",
            "Takeout/Meine Aktivitäten/Google Suche/MeineAktivitäten.html",
            "Takeout/Meine Aktivitäten/Anzeigen/MeineAktivitäten.json",
            "Takeout/Standortverlauf/Records.json",
            "Takeout/Profil/Profil.json",
            "Takeout/Mail/All mail Including Spam and Trash.mbox",
            "__MACOSX/Takeout/Standortverlauf/._Records.json",
        ] {
            assert!(
                names.iter().any(|n| n == want),
                "{want} missing from {names:?}"
            );
        }
        let v: Value =
            serde_json::from_str(&read(zip, "Takeout/Standortverlauf/Records.json")).unwrap();
        let p = &v["locations"][0];
        assert!(p["timestampMs"].is_string() && p.get("timestamp").is_none());
        let ads = read(
            zip,
            "Takeout/Meine Aktivitäten/Anzeigen/MeineAktivitäten.json",
        );
        assert!(ads.contains("\u{a0}aufgerufen"));
    }

    #[test]
    fn new_languages_write_their_names() {
        let tmp = tempfile::tempdir().unwrap();
        let cases: &[(Locale, &[&str])] = &[
            (
                Locale::It,
                &[
                    "Takeout/Le mie attività/Ricerca/LeMieAttività.json",
                    "Takeout/Le mie attività/Programmi pubblicitari/LeMieAttività.json",
                    "Takeout/Cronologia delle posizioni/Records.json",
                    "Takeout/Cronologia delle posizioni/Semantic Location History/2024/2024_FEBBRAIO.json",
                    "Takeout/Profilo/Profilo.json",
                    "Takeout/Google Pay/Transazioni Google/transazioni_4711.csv",
                ],
            ),
            (
                Locale::Nl,
                &[
                    "Takeout/Mijn activiteit/Zoeken/MyActivity.json",
                    "Takeout/Mijn activiteit/Advertenties/MyActivity.json",
                    "Takeout/Chrome/Geschiedenis.json",
                ],
            ),
            (
                Locale::Pt,
                &[
                    "Takeout/Minha atividade/Pesquisa/MinhaAtividade.json",
                    "Takeout/Histórico de localização/Semantic Location History/2024/2024_JANEIRO.json",
                    "Takeout/Chrome/Histórico.json",
                ],
            ),
            (
                Locale::Pl,
                &[
                    "Takeout/Moja aktywność/Reklamy/Moja_aktywność.json",
                    "Takeout/Historia lokalizacji/Semantic Location History/2024/2024_STYCZEŃ.json",
                ],
            ),
        ];
        for (locale, want) in cases {
            let spec = TakeoutSpec {
                locale: *locale,
                ..Default::default()
            };
            let zip = &generate(&spec, &tmp.path().join(format!("{locale:?}.zip"))).unwrap()[0];
            let names = zip_entries(zip);
            for w in *want {
                assert!(names.iter().any(|n| n == w), "{w} missing from {names:?}");
            }
        }
        let pl = &generate(
            &TakeoutSpec {
                locale: Locale::Pl,
                ..Default::default()
            },
            &tmp.path().join("pl2.zip"),
        )
        .unwrap()[0];
        let search = read(pl, "Takeout/Moja aktywność/Wyszukiwarka/Moja_aktywność.json");
        assert!(search.contains("Wyszukano\u{a0}"), "Polish verb with U+00A0");
    }

    #[test]
    fn ads_use_every_tracker_form() {
        let tmp = tempfile::tempdir().unwrap();
        let spec = TakeoutSpec {
            ads: 12,
            ..Default::default()
        };
        let zip = &generate(&spec, &tmp.path().join("ads.zip")).unwrap()[0];
        let raw = read(zip, "Takeout/My Activity/Ads/MyActivity.json");
        let items: Vec<Value> = serde_json::from_str(&raw).unwrap();
        assert_eq!(items.len(), 12);
        let urls: Vec<&str> = items.iter().filter_map(|v| v["titleUrl"].as_str()).collect();
        for form in [
            "https://www.google.com/url?q=https://www.",
            "https://www.googleadservices.com/pagead/aclk?",
            "https://clickserve.dartsearch.net/link/click?",
            "https://ad.doubleclick.net/ddm/clk/",
        ] {
            assert!(urls.iter().any(|u| u.starts_with(form)), "{form} in {urls:?}");
        }
        // Nested and doubly encoded: `%253A` is `:` encoded twice.
        assert!(urls.iter().any(|u| u.contains("clickserve") && u.contains("%253A")), "{urls:?}");
        let no_link: Vec<&Value> = items.iter().filter(|v| v.get("titleUrl").is_none()).collect();
        assert_eq!(no_link.len(), 2);
        assert!(no_link.iter().all(|v| v["subtitles"][0]["name"].is_string()));
        // The title is a headline, never only the advertiser's name.
        let advertisers = expected_advertisers(&spec);
        for (v, a) in items.iter().zip(&advertisers) {
            assert_ne!(v["title"].as_str().unwrap(), format!("Visited\u{a0}{a}"));
        }
    }

    #[test]
    fn single_product_exports() {
        let tmp = tempfile::tempdir().unwrap();
        let only = |products: Products, name: &str| {
            let spec = TakeoutSpec {
                products,
                top_folder: false,
                ..Default::default()
            };
            zip_entries(&generate(&spec, &tmp.path().join(name)).unwrap()[0])
        };
        let activity = only(Products::MyActivity, "a.zip");
        assert!(activity.iter().all(|n| n.starts_with("My Activity/") || n == "archive_browser.html"), "{activity:?}");
        assert!(activity.iter().any(|n| n == "My Activity/Ads/MyActivity.json"));
        let location = only(Products::LocationHistory, "l.zip");
        assert!(location.iter().all(|n| n.starts_with("Location History/") || n == "archive_browser.html"), "{location:?}");
        assert!(location.iter().any(|n| n == "Location History/Records.json"));
        assert!(expected_advertisers(&TakeoutSpec {
            products: Products::LocationHistory,
            ..Default::default()
        })
        .is_empty());
    }

    #[test]
    fn unlisted_names_are_in_no_language_of_the_tables() {
        let tmp = tempfile::tempdir().unwrap();
        let spec = TakeoutSpec {
            unlisted_names: true,
            ..Default::default()
        };
        let names = zip_entries(&generate(&spec, &tmp.path().join("u.zip")).unwrap()[0]);
        for want in [
            "Takeout/Oma toiminta/Haku/OmaToiminta.json",
            "Takeout/Sijaintihistoria/Sijainnit.json",
            "Takeout/Sijaintihistoria/Semanttinen sijaintihistoria/2024/2024_HELMIKUU.json",
            "Takeout/Chrome/Selaushistoria.json",
            "Takeout/Profiili/Profiili.json",
        ] {
            assert!(names.iter().any(|n| n == want), "{want} missing from {names:?}");
        }
    }

    #[test]
    fn part_zips_split_the_export() {
        let tmp = tempfile::tempdir().unwrap();
        let spec = TakeoutSpec {
            container: Container::Parts {
                part_bytes: 8 << 10,
            },
            location_points: 200,
            ..Default::default()
        };
        let parts = generate(&spec, &tmp.path().join("takeout-20240301T101010Z.zip")).unwrap();
        assert!(parts.len() >= 2, "{parts:?}");
        assert!(parts[0]
            .to_string_lossy()
            .ends_with("takeout-20240301T101010Z-001.zip"));
        let all: Vec<String> = parts.iter().flat_map(|p| zip_entries(p)).collect();
        assert!(all.iter().any(|n| n.ends_with("Records.json")));
        assert!(all.iter().any(|n| n.ends_with("Profile.json")));
    }

    #[test]
    fn domains_from_company_names() {
        assert_eq!(domain_of("Nike"), "nike.com");
        assert_eq!(domain_of("Booking.com"), "booking.com");
        assert_eq!(domain_of("L'Oréal Paris"), "lorealparis.com");
        assert_eq!(query_encode("déjà vu & co"), "d%C3%A9j%C3%A0+vu+%26+co");
    }
}
