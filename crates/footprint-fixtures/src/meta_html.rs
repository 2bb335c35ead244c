//! The HTML twin of a Meta "Download Your Information" export: what the download page gives
//! by default. Same folder tree, `.html` files of the same base names, and the same data as
//! the JSON twin (each page is rendered from the very JSON value the JSON generator writes, so
//! one seed gives the same advertisers, companies, apps and messages in both formats).
//!
//! A page is an outer container (`role="main"`) holding one white box per record, as Meta
//! writes them: a title cell, a content cell (text, media, a table of label/value rows, a list
//! of reactions) and a footer cell with the localized date (`html_dates::meta`). Class names
//! are obfuscated like Meta's (`pam _3-95 _2ph- _a6-g uiBoxWhite noborder`, `_a6-h`, `_a6-p`,
//! `_a72d`); the importer must not depend on them. Text is proper UTF-8 with entities (`&amp;`):
//! the mojibake of the JSON files does not exist in HTML.
//!
//! Where the real pages are not documented (labels of the rows, how a list of events or a
//! `label_values` list is laid out), this follows the JSON's own structure; such guesses are
//! marked `~` in docs/IMPORTERS.md.

use crate::html_dates::{self, Lang};
use serde_json::{Map, Value};
use std::fmt::Write as _;

/// Which files a generated Meta export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MetaFormat {
    /// JSON only (the format the importer documents as best).
    #[default]
    Json,
    /// HTML only: what the download page gives when the user keeps its default.
    Html,
    /// Both formats of every file, side by side (two requests unpacked into one folder).
    Both,
}

impl MetaFormat {
    pub fn json(self) -> bool {
        matches!(self, MetaFormat::Json | MetaFormat::Both)
    }
    pub fn html(self) -> bool {
        matches!(self, MetaFormat::Html | MetaFormat::Both)
    }
}

/// One value of a row.
#[derive(Debug, Clone)]
pub enum Val {
    Text(String),
    /// A link: href and visible text.
    Link(String, String),
    /// Unix seconds, printed as the page's localized date.
    Date(i64),
}

/// One record box.
#[derive(Debug, Clone, Default)]
pub struct HtmlBox {
    pub title: Option<String>,
    pub text: Vec<String>,
    /// Media of the record (archive paths), shown as images.
    pub media: Vec<String>,
    /// Links shown in the content (a shared article).
    pub links: Vec<String>,
    pub rows: Vec<(String, Vec<Val>)>,
    /// List items (a message's reactions).
    pub list: Vec<String>,
    /// Unix seconds, the footer's date.
    pub date: Option<i64>,
}

/// The labels of the rows, per language (other languages print English labels, `~`).
#[derive(Debug, Clone, Copy)]
pub enum L {
    Yes,
    No,
    DataFile,
    Remarketing,
    InStore,
    Event,
    Action,
    Status,
    Removed,
    Author,
    Name,
    Email,
    Phone,
    Username,
    Birthday,
    Gender,
    City,
    Comment,
    MediaOwner,
    Reaction,
    Place,
    Coordinates,
    Url,
    Interest,
}

impl L {
    pub fn text(self, lang: Lang) -> &'static str {
        let [en, de, fr, es] = match self {
            L::Yes => ["Yes", "Ja", "Oui", "Sí"],
            L::No => ["No", "Nein", "Non", "No"],
            L::DataFile => ["Has data file custom audience", "Hat eine Zielgruppe aus einer hochgeladenen Datei", "Audience personnalisée à partir d’une liste", "Público personalizado de lista de datos"],
            L::Remarketing => ["Has remarketing custom audience", "Remarketing-Zielgruppe", "Audience de remarketing", "Público de remarketing"],
            L::InStore => ["Has in-person store visit", "Besuch im Geschäft", "Visite en magasin", "Visita a la tienda"],
            L::Event => ["Event", "Ereignis", "Événement", "Evento"],
            L::Action => ["Action", "Aktion", "Action", "Acción"],
            L::Status => ["Status", "Status", "Statut", "Estado"],
            L::Removed => ["Removed", "Entfernt", "Supprimé", "Eliminado"],
            L::Author => ["Author", "Autor", "Auteur", "Autor"],
            L::Name => ["Name", "Name", "Nom", "Nombre"],
            L::Email => ["Email", "E-Mail-Adresse", "Adresse e-mail", "Correo electrónico"],
            L::Phone => ["Phone number", "Telefonnummer", "Numéro de téléphone", "Número de teléfono"],
            L::Username => ["Username", "Benutzername", "Nom d’utilisateur", "Nombre de usuario"],
            L::Birthday => ["Date of birth", "Geburtsdatum", "Date de naissance", "Fecha de nacimiento"],
            L::Gender => ["Gender", "Geschlecht", "Genre", "Género"],
            L::City => ["Current city", "Aktueller Wohnort", "Ville actuelle", "Ciudad actual"],
            L::Comment => ["Comment", "Kommentar", "Commentaire", "Comentario"],
            L::MediaOwner => ["Media owner", "Eigentümer des Inhalts", "Propriétaire du contenu", "Propietario del contenido"],
            L::Reaction => ["Reaction", "Reaktion", "Réaction", "Reacción"],
            L::Place => ["Place", "Ort", "Lieu", "Lugar"],
            L::Coordinates => ["Coordinates", "Koordinaten", "Coordonnées", "Coordenadas"],
            L::Url => ["URL", "URL", "URL", "URL"],
            L::Interest => ["Interest", "Interesse", "Intérêt", "Interés"],
        };
        match lang {
            Lang::De => de,
            Lang::Fr => fr,
            Lang::Es => es,
            _ => en,
        }
    }
}

/// Page titles of the known pages, per language (English for the others).
fn page_title(stem: &str, lang: Lang) -> String {
    let t: Option<[&str; 4]> = match stem {
        "advertisers_using_your_activity_or_information" => Some(["Advertisers using your activity or information", "Werbetreibende, die deine Aktivitäten oder Informationen verwenden", "Annonceurs qui utilisent votre activité ou vos informations", "Anunciantes que usan tu actividad o información"]),
        "advertisers_who_uploaded_a_contact_list_with_your_information" => Some(["Advertisers who uploaded a contact list with your information", "Werbetreibende, die eine Kontaktliste mit deinen Informationen hochgeladen haben", "Annonceurs ayant importé une liste de contacts avec vos informations", "Anunciantes que subieron una lista de contactos con tu información"]),
        "your_activity_off_meta_technologies" => Some(["Your activity off Meta technologies", "Deine Aktivitäten außerhalb der Meta-Technologien", "Votre activité en dehors des technologies Meta", "Tu actividad fuera de las tecnologías de Meta"]),
        "your_off-facebook_activity" => Some(["Your off-Facebook activity", "Deine Aktivitäten außerhalb von Facebook", "Votre activité en dehors de Facebook", "Tu actividad fuera de Facebook"]),
        "connected_apps_and_websites" | "apps_and_websites" => Some(["Apps and websites", "Apps und Websites", "Apps et sites web", "Apps y sitios web"]),
        "advertisers_you've_interacted_with" => Some(["Advertisers you've interacted with", "Werbetreibende, mit denen du interagiert hast", "Annonceurs avec lesquels vous avez interagi", "Anunciantes con los que interactuaste"]),
        "information_you've_submitted_to_advertisers" => Some(["Information you've submitted to advertisers", "Informationen, die du an Werbetreibende übermittelt hast", "Informations que vous avez envoyées aux annonceurs", "Información que enviaste a los anunciantes"]),
        "ads_viewed" => Some(["Ads viewed", "Angesehene Werbeanzeigen", "Publicités vues", "Anuncios vistos"]),
        "ads_clicked" => Some(["Ads clicked", "Angeklickte Werbeanzeigen", "Publicités cliquées", "Anuncios en los que hiciste clic"]),
        "profile_information" => Some(["Profile information", "Profilinformationen", "Informations de profil", "Información del perfil"]),
        "personal_information" => Some(["Personal information", "Persönliche Informationen", "Informations personnelles", "Información personal"]),
        _ => None,
    };
    match t {
        Some([en, de, fr, es]) => match lang {
            Lang::De => de,
            Lang::Fr => fr,
            Lang::Es => es,
            _ => en,
        }
        .to_string(),
        None => humanize(stem),
    }
}

/// `your_search_history` -> `Your search history`.
fn humanize(key: &str) -> String {
    let words = key.replace(['_', '-'], " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Text as the page shows it: the JSON twin's mojibake undone (UTF-8 bytes escaped as
/// Latin-1 code points are read back as UTF-8), everything else as is.
pub fn clean(s: &str) -> String {
    if s.chars().all(|c| (c as u32) < 0x100) {
        let bytes: Vec<u8> = s.chars().map(|c| c as u8).collect();
        if let Ok(t) = String::from_utf8(bytes) {
            return t;
        }
    }
    s.to_string()
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn s(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(clean).filter(|s| !s.is_empty())
}

fn n(v: &Value, key: &str) -> Option<i64> {
    v.get(key).and_then(Value::as_i64).filter(|t| *t > 0)
}

/// The start of a page, up to the opening of the record container.
pub fn page_head(title: &str, lang: Lang) -> String {
    let code = match lang {
        Lang::En => "en",
        Lang::De => "de",
        Lang::Fr => "fr",
        Lang::Es => "es",
        Lang::It => "it",
        Lang::Nl => "nl",
        Lang::Pt => "pt",
        Lang::Pl => "pl",
    };
    let t = esc(title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\" /><title>{t}</title>\
         <style type=\"text/css\">body{{background:#fff;color:#1c1e21;direction:ltr;line-height:1.34;margin:0;padding:0;unicode-bidi:embed}}\
         ._a6-g{{border-radius:8px}}._a72d{{color:#65676b}}._a6-p td{{vertical-align:top}}</style></head>\n\
         <body class=\"_5vb_ _2yq _a7o5\"><div class=\"clearfix _ikh\"><div class=\"_4bl9\"><div class=\"_li\">\
         <div class=\"_a705\"><div class=\"_a70d\"><div class=\"_a70e\">{t}</div></div>\n<div class=\"_a706\" role=\"main\">\n"
    )
}

/// The end of a page.
pub const PAGE_TAIL: &str = "</div></div></div></div></div></body></html>\n";

/// Shown inside the container of a page without records (no box: nothing to import).
pub fn no_data(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Keine Daten",
        Lang::Fr => "Aucune donnée",
        Lang::Es => "No hay datos",
        _ => "No data",
    }
}

fn date_text(secs: i64, lang: Lang) -> String {
    esc(&html_dates::meta(secs * 1000, lang))
}

/// One box as HTML. `unclosed` leaves the rows' `</td></tr>` out (HTML allows it).
pub fn render_box(b: &HtmlBox, lang: Lang, unclosed: bool) -> String {
    let mut o = String::from("<div class=\"pam _3-95 _2ph- _a6-g uiBoxWhite noborder\">");
    let _ = write!(o, "<div class=\"_3-95 _2pim _a6-h _a6-i\">{}</div>", esc(b.title.as_deref().unwrap_or("")));
    o.push_str("<div class=\"_3-95 _a6-p\"><div><div></div><div>");
    for (i, t) in b.text.iter().enumerate() {
        if i > 0 {
            o.push_str("<br />");
        }
        o.push_str(&esc(t));
    }
    o.push_str("</div><div>");
    for m in &b.media {
        let m = esc(m);
        let _ = write!(o, "<div><a href=\"{m}\"><img src=\"{m}\" class=\"_a6_o _3-96\" /></a></div>");
    }
    for l in &b.links {
        let l = esc(l);
        let _ = write!(o, "<div><a href=\"{l}\">{l}</a></div>");
    }
    o.push_str("</div>");
    if !b.rows.is_empty() {
        o.push_str("<table style=\"table-layout: fixed;\">");
        for (label, vals) in &b.rows {
            let _ = write!(o, "<tr><td class=\"_2pin _a6_q\">{}<div>", esc(label));
            for v in vals {
                match v {
                    Val::Text(t) => {
                        let _ = write!(o, "<div class=\"_a6-q\">{}</div>", esc(t));
                    }
                    Val::Link(h, t) => {
                        let _ = write!(o, "<div class=\"_a6-q\"><a href=\"{}\" target=\"_blank\">{}</a></div>", esc(h), esc(t));
                    }
                    Val::Date(secs) => {
                        let _ = write!(o, "<div class=\"_a6-q\">{}</div>", date_text(*secs, lang));
                    }
                }
            }
            o.push_str("</div>");
            if !unclosed {
                o.push_str("</td></tr>");
            }
        }
        o.push_str("</table>");
    }
    if !b.list.is_empty() {
        o.push_str("<div><ul class=\"_a6-q\">");
        for item in &b.list {
            let _ = write!(o, "<li><span>{}</span></li>", esc(item));
        }
        o.push_str("</ul></div>");
    }
    o.push_str("</div></div>");
    if let Some(d) = b.date {
        let _ = write!(o, "<div class=\"_3-94 _a6-o\"><div class=\"_a72d\">{}</div></div>", date_text(d, lang));
    }
    o.push_str("</div>\n");
    o
}

fn yes_no(v: &Value, key: &str, lang: Lang) -> Val {
    let yes = v.get(key).and_then(Value::as_bool).unwrap_or(false);
    Val::Text(if yes { L::Yes } else { L::No }.text(lang).to_string())
}

/// The box of one streamed element (a message, an off-Meta company).
pub fn stream_box(stem: &str, v: &Value, lang: Lang) -> HtmlBox {
    if stem.starts_with("message_") {
        return message_box(v);
    }
    // Off-Meta activity: the company, one row per event (type, id, date).
    let mut b = HtmlBox { title: s(v, "name"), ..Default::default() };
    for e in v.get("events").and_then(Value::as_array).into_iter().flatten() {
        let mut vals = Vec::new();
        if let Some(t) = s(e, "type") {
            vals.push(Val::Text(t));
        }
        if let Some(id) = e.get("id").and_then(|i| i.as_i64().map(|n| n.to_string()).or_else(|| i.as_str().map(clean))) {
            vals.push(Val::Text(id));
        }
        if let Some(t) = n(e, "timestamp") {
            vals.push(Val::Date(t));
        }
        b.rows.push((L::Event.text(lang).to_string(), vals));
    }
    b
}

fn message_box(v: &Value) -> HtmlBox {
    let mut b = HtmlBox { title: s(v, "sender_name"), ..Default::default() };
    if let Some(c) = s(v, "content") {
        b.text.push(c);
    }
    for p in v.get("photos").and_then(Value::as_array).into_iter().flatten() {
        if let Some(u) = s(p, "uri") {
            b.media.push(u);
        }
    }
    if let Some(l) = v.get("share").and_then(|sh| s(sh, "link")) {
        b.links.push(l);
    }
    for r in v.get("reactions").and_then(Value::as_array).into_iter().flatten() {
        b.list.push(format!("{}{}", s(r, "reaction").unwrap_or_default(), s(r, "actor").unwrap_or_default()));
    }
    b.date = v.get("timestamp_ms").and_then(Value::as_i64).map(|ms| ms / 1000);
    b
}

/// The list of records of a file: a top-level array, the one array of an object (`_v2`
/// lists), or the object itself (one `label_values` record).
fn elements(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        Value::Object(o) if o.contains_key("label_values") => vec![v],
        Value::Object(o) => o.values().filter_map(Value::as_array).flatten().collect(),
        _ => Vec::new(),
    }
}

/// The boxes of a whole file, by its topic (the file's base name).
pub fn boxes(stem: &str, v: &Value, lang: Lang) -> Vec<HtmlBox> {
    let l = |x: L| x.text(lang).to_string();
    let t = |x: &Value| Val::Text(match x {
        Value::String(s) => clean(s),
        other => other.to_string(),
    });
    match stem {
        "profile_information" => {
            let p = &v["profile_v2"];
            let mut b = HtmlBox { title: s(&p["name"], "full_name"), date: n(p, "registration_timestamp"), ..Default::default() };
            if let Some(name) = s(&p["name"], "full_name") {
                b.rows.push((l(L::Name), vec![Val::Text(name)]));
            }
            let emails: Vec<Val> = p["emails"]["emails"].as_array().into_iter().flatten().map(t).collect();
            b.rows.push((l(L::Email), emails));
            let phones: Vec<Val> = p["phone_numbers"].as_array().into_iter().flatten().filter_map(|ph| s(ph, "phone_number")).map(Val::Text).collect();
            b.rows.push((l(L::Phone), phones));
            if let Some(u) = s(p, "username") {
                b.rows.push((l(L::Username), vec![Val::Text(u)]));
            }
            let bd = &p["birthday"];
            if let (Some(y), Some(m), Some(d)) = (n(bd, "year"), n(bd, "month"), n(bd, "day")) {
                let midnight = chrono::NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32)
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
                    .map(|t| t.and_utc().timestamp());
                if let Some(secs) = midnight {
                    b.rows.push((l(L::Birthday), vec![Val::Date(secs)]));
                }
            }
            if let Some(g) = s(&p["gender"], "gender_option") {
                b.rows.push((l(L::Gender), vec![Val::Text(g)]));
            }
            if let Some(c) = s(&p["current_city"], "name") {
                b.rows.push((l(L::City), vec![Val::Text(c)]));
            }
            if let Some(u) = s(p, "profile_uri") {
                b.links.push(u);
            }
            vec![b]
        }
        "personal_information" => {
            let u = &v["profile_user"][0];
            let mut b = HtmlBox { title: s(u, "title"), ..Default::default() };
            for (k, leaf) in u["string_map_data"].as_object().into_iter().flatten() {
                let label = match k.as_str() {
                    "Email" => l(L::Email),
                    "Phone Number" => l(L::Phone),
                    "Name" => l(L::Name),
                    "Username" => l(L::Username),
                    "Gender" => l(L::Gender),
                    "Date of birth" => l(L::Birthday),
                    other => clean(other),
                };
                if let Some(val) = s(leaf, "value") {
                    b.rows.push((label, vec![Val::Text(val)]));
                }
            }
            vec![b]
        }
        "advertisers_using_your_activity_or_information" if v.get("label_values").is_some() => {
            vec![label_values_box(v)]
        }
        "advertisers_using_your_activity_or_information" => elements(v)
            .into_iter()
            .map(|a| HtmlBox {
                title: s(a, "advertiser_name"),
                rows: vec![
                    (l(L::DataFile), vec![yes_no(a, "has_data_file_custom_audience", lang)]),
                    (l(L::Remarketing), vec![yes_no(a, "has_remarketing_custom_audience", lang)]),
                    (l(L::InStore), vec![yes_no(a, "has_in_person_store_visit", lang)]),
                ],
                ..Default::default()
            })
            .collect(),
        "advertisers_who_uploaded_a_contact_list_with_your_information" | "ads_interests" | "other_categories_used_to_reach_you"
            if v.get("label_values").is_some() =>
        {
            vec![label_values_box(v)]
        }
        "advertisers_who_uploaded_a_contact_list_with_your_information" | "ads_interests" | "other_categories_used_to_reach_you" | "your_topics" => elements(v)
            .into_iter()
            .map(|x| match x {
                Value::String(name) => HtmlBox { title: Some(clean(name)), ..Default::default() },
                // Instagram: `{string_map_data: {Interest|Name: {value}}}`.
                other => {
                    let map = other["string_map_data"].as_object().cloned().unwrap_or_default();
                    HtmlBox {
                        rows: map.iter().filter_map(|(k, leaf)| s(leaf, "value").map(|val| (clean(k), vec![Val::Text(val)]))).collect(),
                        ..Default::default()
                    }
                }
            })
            .collect(),
        "advertisers_you've_interacted_with" => elements(v)
            .into_iter()
            .map(|h| HtmlBox {
                title: s(h, "title"),
                rows: s(h, "action").map(|a| (l(L::Action), vec![Val::Text(a)])).into_iter().collect(),
                date: n(h, "timestamp"),
                ..Default::default()
            })
            .collect(),
        "information_you've_submitted_to_advertisers" => elements(v)
            .into_iter()
            .map(|f| HtmlBox {
                rows: vec![(s(f, "label").unwrap_or_default(), vec![Val::Text(s(f, "value").unwrap_or_default())])],
                ..Default::default()
            })
            .collect(),
        "ads_viewed" | "ads_clicked" => elements(v)
            .into_iter()
            .map(|a| {
                let m = &a["string_map_data"];
                HtmlBox {
                    rows: s(&m["Author"], "value").map(|c| (l(L::Author), vec![Val::Text(c)])).into_iter().collect(),
                    date: n(&m["Time"], "timestamp"),
                    ..Default::default()
                }
            })
            .collect(),
        "connected_apps_and_websites" | "apps_and_websites" => elements(v)
            .into_iter()
            .map(|a| {
                let mut rows = Vec::new();
                if let Some(c) = s(a, "category") {
                    rows.push((l(L::Status), vec![Val::Text(c)]));
                }
                if let Some(r) = n(a, "removed_timestamp") {
                    rows.push((l(L::Removed), vec![Val::Date(r)]));
                }
                HtmlBox { title: s(a, "name"), rows, date: n(a, "added_timestamp"), ..Default::default() }
            })
            .collect(),
        st if st.starts_with("your_posts") || st.starts_with("posts_") => elements(v).into_iter().map(|p| post_box(p, lang)).collect(),
        "comments" | "post_comments" => elements(v).into_iter().map(|c| comment_box(c, lang)).collect(),
        st if st.starts_with("post_comments_") => elements(v).into_iter().map(|c| comment_box(c, lang)).collect(),
        "posts_and_comments" | "liked_posts" => elements(v).into_iter().map(|x| like_box(x, lang)).collect(),
        st if st.starts_with("likes_and_reactions") => elements(v).into_iter().map(generic_box).collect(),
        "friends" | "your_friends" | "sent_friend_requests" | "followers" | "following" => connection_boxes(v),
        st if st.starts_with("followers_") => connection_boxes(v),
        _ => elements(v).into_iter().map(generic_box).collect(),
    }
}

/// A 2024+ file that is one `label_values` record of lists: one row per list.
fn label_values_box(v: &Value) -> HtmlBox {
    let mut b = generic_box(v);
    b.title = None;
    b
}

fn post_box(p: &Value, lang: Lang) -> HtmlBox {
    let mut b = HtmlBox { title: s(p, "title"), ..Default::default() };
    for d in p["data"].as_array().into_iter().flatten() {
        if let Some(post) = s(d, "post") {
            b.text.push(post);
        }
    }
    // Instagram: the media list, the caption on the post or its first media.
    for m in p["media"].as_array().into_iter().flatten() {
        if let Some(u) = s(m, "uri") {
            b.media.push(u);
        }
    }
    if p.get("media").is_some() {
        let caption = s(p, "title").or_else(|| p["media"][0].get("title").and_then(Value::as_str).map(clean).filter(|t| !t.is_empty()));
        b.title = None;
        b.text.extend(caption);
        b.date = n(p, "creation_timestamp").or_else(|| n(&p["media"][0], "creation_timestamp"));
        return b;
    }
    for a in p["attachments"].as_array().into_iter().flatten() {
        for d in a["data"].as_array().into_iter().flatten() {
            if let Some(u) = d.get("media").and_then(|m| s(m, "uri")) {
                b.media.push(u);
            }
            if let Some(u) = d.get("external_context").and_then(|e| s(e, "url")) {
                b.rows.push((L::Url.text(lang).to_string(), vec![Val::Link(u.clone(), u)]));
            }
            if let Some(pl) = d.get("place") {
                if let Some(name) = s(pl, "name") {
                    b.rows.push((L::Place.text(lang).to_string(), vec![Val::Text(name)]));
                }
                let c = &pl["coordinate"];
                if let (Some(lat), Some(lon)) = (c["latitude"].as_f64(), c["longitude"].as_f64()) {
                    b.rows.push((L::Coordinates.text(lang).to_string(), vec![Val::Text(format!("{lat}, {lon}"))]));
                }
            }
        }
    }
    b.date = n(p, "timestamp");
    b
}

fn comment_box(c: &Value, lang: Lang) -> HtmlBox {
    let l = |x: L| x.text(lang).to_string();
    if let Some(inner) = c["data"].as_array().and_then(|d| d.iter().find_map(|x| x.get("comment"))) {
        // Facebook: the title says on what; the text is the comment.
        return HtmlBox {
            title: s(c, "title"),
            text: s(inner, "comment").into_iter().collect(),
            date: n(c, "timestamp"),
            ..Default::default()
        };
    }
    let (text, owner, ts) = if let Some(m) = c.get("string_map_data") {
        (s(&m["Comment"], "value"), s(&m["Media Owner"], "value"), n(&m["Time"], "timestamp"))
    } else {
        let leaf = &c["string_list_data"][0];
        (s(leaf, "value"), s(c, "title"), n(leaf, "timestamp"))
    };
    let mut rows = Vec::new();
    if let Some(t) = text {
        rows.push((l(L::Comment), vec![Val::Text(t)]));
    }
    if let Some(o) = owner {
        rows.push((l(L::MediaOwner), vec![Val::Text(o)]));
    }
    HtmlBox { rows, date: ts, ..Default::default() }
}

fn like_box(x: &Value, lang: Lang) -> HtmlBox {
    let l = |k: L| k.text(lang).to_string();
    if let Some(leaf) = x["string_list_data"].as_array().and_then(|a| a.first()) {
        // Instagram: the account whose post was liked, the reaction and the post's link.
        let mut rows = Vec::new();
        if let Some(v) = s(leaf, "value") {
            rows.push((l(L::Reaction), vec![Val::Text(v)]));
        }
        if let Some(h) = s(leaf, "href") {
            rows.push((l(L::Url), vec![Val::Link(h.clone(), h)]));
        }
        return HtmlBox { title: s(x, "title"), rows, date: n(leaf, "timestamp"), ..Default::default() };
    }
    let reaction = x["data"][0]["reaction"].get("reaction").and_then(Value::as_str).map(clean);
    HtmlBox {
        title: s(x, "title"),
        rows: reaction.map(|r| (l(L::Reaction), vec![Val::Text(r)])).into_iter().collect(),
        date: n(x, "timestamp"),
        ..Default::default()
    }
}

fn connection_boxes(v: &Value) -> Vec<HtmlBox> {
    elements(v)
        .into_iter()
        .map(|c| {
            let leaf = &c["string_list_data"][0];
            let name = s(c, "name").or_else(|| s(leaf, "value")).or_else(|| s(c, "title"));
            HtmlBox {
                title: name,
                links: s(leaf, "href").into_iter().collect(),
                date: n(c, "timestamp").or_else(|| n(leaf, "timestamp")),
                ..Default::default()
            }
        })
        .collect()
}

/// Any other record, as the generic pages show it: its name as title, one row per labelled
/// value (`label_values`, `string_map_data`, or plain keys spelled out), dates in the rows,
/// the record's first date in the footer.
pub fn generic_box(v: &Value) -> HtmlBox {
    let mut b = HtmlBox { title: s(v, "ent_name").or_else(|| s(v, "title")), ..Default::default() };
    let mut first: Option<i64> = None;
    walk(v, "", &mut b.rows, &mut first);
    b.date = first;
    b
}

fn push_row(rows: &mut Vec<(String, Vec<Val>)>, label: &str, val: Val) {
    match rows.last_mut() {
        Some((l, vals)) if l == label => vals.push(val),
        _ => rows.push((label.to_string(), vec![val])),
    }
}

fn join(path: &str, label: &str) -> String {
    match (path.is_empty(), label.is_empty()) {
        (true, _) => label.to_string(),
        (false, true) => path.to_string(),
        (false, false) => format!("{path} > {label}"),
    }
}

fn is_time_key(k: &str) -> bool {
    k == "timestamp" || k.ends_with("_timestamp") || k == "timestamp_value"
}

fn walk(v: &Value, path: &str, rows: &mut Vec<(String, Vec<Val>)>, first: &mut Option<i64>) {
    let Some(o) = v.as_object() else {
        if let Some(t) = v.as_str().map(clean).filter(|t| !t.is_empty()) {
            push_row(rows, path, Val::Text(t));
        }
        return;
    };
    for (k, child) in o {
        match k.as_str() {
            "fbid" | "ent_name" | "title" | "media" | "media_map_data" | "media_list_data" => {}
            "label_values" => {
                for e in child.as_array().into_iter().flatten() {
                    entry(e, path, rows, first);
                }
            }
            "string_map_data" => {
                for (label, leaf) in child.as_object().into_iter().flatten() {
                    let here = join(path, &clean(label));
                    if let Some(t) = s(leaf, "value") {
                        match s(leaf, "href") {
                            Some(h) => push_row(rows, &here, Val::Link(h, t)),
                            None => push_row(rows, &here, Val::Text(t)),
                        }
                    }
                    if let Some(ts) = n(leaf, "timestamp") {
                        first.get_or_insert(ts);
                        push_row(rows, &here, Val::Date(ts));
                    }
                }
            }
            key => {
                let here = join(path, &humanize(key));
                match child {
                    Value::Number(_) if is_time_key(key) => {
                        if let Some(ts) = child.as_i64().filter(|t| *t > 0) {
                            first.get_or_insert(ts);
                            push_row(rows, &here, Val::Date(ts));
                        }
                    }
                    Value::String(t) if !t.is_empty() => push_row(rows, &here, Val::Text(clean(t))),
                    Value::Number(x) => push_row(rows, &here, Val::Text(x.to_string())),
                    Value::Bool(x) => push_row(rows, &here, Val::Text(x.to_string())),
                    Value::Object(_) => walk(child, &here, rows, first),
                    Value::Array(items) => {
                        for item in items {
                            walk(item, &here, rows, first);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}

/// One `label_values` entry: its value, time, link and nested `vec`/`dict` items.
fn entry(e: &Value, path: &str, rows: &mut Vec<(String, Vec<Val>)>, first: &mut Option<i64>) {
    let label = s(e, "label").unwrap_or_default();
    let here = join(path, &label);
    if let Some(t) = s(e, "value") {
        match s(e, "href") {
            Some(h) => push_row(rows, &here, Val::Link(h, t)),
            None => push_row(rows, &here, Val::Text(t)),
        }
    }
    if let Some(ts) = n(e, "timestamp_value") {
        first.get_or_insert(ts);
        push_row(rows, &here, Val::Date(ts));
    }
    for nested in ["vec", "dict"] {
        for item in e.get(nested).and_then(Value::as_array).into_iter().flatten() {
            if item.get("label").is_some() {
                entry(item, &here, rows, first);
            } else if let Some(t) = s(item, "value") {
                push_row(rows, &here, Val::Text(t));
            }
        }
    }
}

/// A whole page for a JSON value written at `json_path`.
pub fn page(json_path: &str, v: &Value, lang: Lang, unclosed: bool) -> Vec<u8> {
    let stem = stem_of(json_path);
    let boxes = boxes(stem, v, lang);
    let mut out = page_head(&page_title(stem, lang), lang);
    if boxes.is_empty() {
        out.push_str(no_data(lang));
    }
    for b in &boxes {
        out.push_str(&render_box(b, lang, unclosed));
    }
    if unclosed {
        // A page cut short of its closing tags, as an interrupted download leaves it.
        return out.into_bytes();
    }
    out.push_str(PAGE_TAIL);
    out.into_bytes()
}

/// The page title of a streamed file (a thread's title, else the topic's).
pub fn stream_title(json_path: &str, after: &[(&str, Value)], lang: Lang) -> String {
    after
        .iter()
        .find(|(k, _)| *k == "title")
        .and_then(|(_, v)| v.as_str())
        .map(clean)
        .unwrap_or_else(|| page_title(stem_of(json_path), lang))
}

/// `a/b/message_1.json` -> `message_1`.
pub fn stem_of(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".json").unwrap_or(name)
}

/// The HTML twin's path of a JSON file.
pub fn html_path(json_path: &str) -> String {
    format!("{}.html", json_path.strip_suffix(".json").unwrap_or(json_path))
}

/// The label/value map of a generic box's rows, for tests.
pub fn rows_map(b: &HtmlBox) -> Map<String, Value> {
    b.rows
        .iter()
        .map(|(l, vals)| {
            let v: Vec<Value> = vals
                .iter()
                .map(|v| match v {
                    Val::Text(t) | Val::Link(_, t) => Value::String(t.clone()),
                    Val::Date(s) => Value::from(*s),
                })
                .collect();
            (l.clone(), Value::Array(v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn mojibake_is_undone_and_entities_written() {
        assert_eq!(clean(&crate::names::meta_mojibake("L'Oréal & Zoë")), "L'Oréal & Zoë");
        assert_eq!(clean("Malmö"), "Malmö", "clean text stays");
        let b = HtmlBox { title: Some("H&M <shop>".into()), date: Some(1_520_547_280), ..Default::default() };
        let html = render_box(&b, Lang::En, false);
        assert!(html.contains("H&amp;M &lt;shop&gt;"), "{html}");
        assert!(html.contains("Mar 08, 2018 10:14:40 pm"), "{html}");
    }

    #[test]
    fn generic_rows_follow_the_record() {
        let v = json!({"timestamp": 1_700_000_000, "fbid": "1", "label_values": [
            {"label": "Search", "value": "bike"}, {"label": "Time", "timestamp_value": 1_700_000_000}]});
        let b = generic_box(&v);
        assert_eq!(b.date, Some(1_700_000_000));
        let m = rows_map(&b);
        assert_eq!(m["Search"], json!(["bike"]));
        assert_eq!(m["Time"], json!([1_700_000_000]));
        assert_eq!(m["Timestamp"], json!([1_700_000_000]));
    }
}
