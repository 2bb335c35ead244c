//! The words Meta's HTML pages print, in the account's language: row labels and page titles.
//!
//! JSON files name their fields with keys; the pages show localized labels instead, so each
//! field a parser needs is a [`Label`] with its words in English, German, French and Spanish
//! (compared case-insensitively, typographic apostrophes folded). The row labels of the pages
//! are not documented field by field: these are the generator's assumptions, marked `~` in
//! docs/IMPORTERS.md. Page titles identify a page whose file name no rule knows.

use super::parser;

/// A field of a record as a page labels it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
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
}

impl Label {
    fn words(self) -> &'static [&'static str] {
        match self {
            Label::Event => &["event", "ereignis", "événement", "evento", "type", "typ", "tipo"],
            Label::Action => &["action", "aktion", "acción"],
            Label::Status => &["status", "statut", "estado", "category", "kategorie", "catégorie", "categoría"],
            Label::Removed => &["removed", "entfernt", "supprimé", "eliminado", "removed on"],
            Label::Author => &["author", "autor", "auteur", "autore"],
            Label::Name => &["name", "nom", "nombre", "nome", "full name"],
            Label::Email => &["email", "e-mail", "emails", "email address", "e-mail-adresse", "adresse e-mail", "correo electrónico"],
            Label::Phone => &["phone number", "phone", "phone numbers", "telefonnummer", "numéro de téléphone", "número de teléfono", "numero di telefono"],
            Label::Username => &["username", "benutzername", "nom d'utilisateur", "nombre de usuario", "nome utente"],
            Label::Birthday => &["date of birth", "birthday", "geburtsdatum", "geburtstag", "date de naissance", "fecha de nacimiento", "data di nascita"],
            Label::Gender => &["gender", "geschlecht", "genre", "género"],
            Label::City => &["current city", "city", "aktueller wohnort", "wohnort", "ville actuelle", "ciudad actual"],
            Label::Comment => &["comment", "kommentar", "commentaire", "comentario"],
            Label::MediaOwner => &["media owner", "eigentümer des inhalts", "propriétaire du contenu", "propietario del contenido"],
            Label::Reaction => &["reaction", "reaktion", "réaction", "reacción"],
            Label::Place => &["place", "ort", "lieu", "lugar"],
            Label::Coordinates => &["coordinates", "koordinaten", "coordonnées", "coordenadas"],
            Label::Url => &["url", "link", "lien", "enlace"],
        }
    }

    /// `label` is this field.
    pub fn is(self, label: &str) -> bool {
        let l = fold(label);
        self.words().contains(&l.as_str())
    }
}

/// Lowercase, trimmed, typographic apostrophes as `'`, a trailing colon dropped.
fn fold(s: &str) -> String {
    s.trim().trim_end_matches(':').trim().to_lowercase().replace(['\u{2019}', '\u{2018}'], "'")
}

/// "Yes" in the languages of the pages.
pub fn is_yes(value: &str) -> bool {
    matches!(fold(value).as_str(), "yes" | "ja" | "oui" | "sí" | "si" | "sim" | "true")
}

/// Page titles (lowercase, folded) and the parser of the page, for pages under a name no rule
/// knows (older or localized names). English, German, French and Spanish.
pub const TITLES: &[(&str, &str)] = &[
    ("advertisers using your activity or information", parser::ADVERTISERS_USING),
    ("werbetreibende, die deine aktivitäten oder informationen verwenden", parser::ADVERTISERS_USING),
    ("annonceurs qui utilisent votre activité ou vos informations", parser::ADVERTISERS_USING),
    ("anunciantes que usan tu actividad o información", parser::ADVERTISERS_USING),
    ("advertisers who uploaded a contact list with your information", parser::CONTACT_LISTS),
    ("werbetreibende, die eine kontaktliste mit deinen informationen hochgeladen haben", parser::CONTACT_LISTS),
    ("annonceurs ayant importé une liste de contacts avec vos informations", parser::CONTACT_LISTS),
    ("anunciantes que subieron una lista de contactos con tu información", parser::CONTACT_LISTS),
    ("your activity off meta technologies", parser::OFF_META),
    ("deine aktivitäten außerhalb der meta-technologien", parser::OFF_META),
    ("votre activité en dehors des technologies meta", parser::OFF_META),
    ("tu actividad fuera de las tecnologías de meta", parser::OFF_META),
    ("your off-facebook activity", parser::OFF_META),
    ("off-facebook activity", parser::OFF_META),
    ("deine aktivitäten außerhalb von facebook", parser::OFF_META),
    ("votre activité en dehors de facebook", parser::OFF_META),
    ("tu actividad fuera de facebook", parser::OFF_META),
    ("apps and websites", parser::CONNECTED_APPS),
    ("connected apps and websites", parser::CONNECTED_APPS),
    ("apps und websites", parser::CONNECTED_APPS),
    ("apps et sites web", parser::CONNECTED_APPS),
    ("apps y sitios web", parser::CONNECTED_APPS),
    ("advertisers you've interacted with", parser::AD_INTERACTIONS),
    ("werbetreibende, mit denen du interagiert hast", parser::AD_INTERACTIONS),
    ("annonceurs avec lesquels vous avez interagi", parser::AD_INTERACTIONS),
    ("anunciantes con los que interactuaste", parser::AD_INTERACTIONS),
    ("information you've submitted to advertisers", parser::LEAD_FORMS),
    ("informationen, die du an werbetreibende übermittelt hast", parser::LEAD_FORMS),
    ("informations que vous avez envoyées aux annonceurs", parser::LEAD_FORMS),
    ("información que enviaste a los anunciantes", parser::LEAD_FORMS),
    ("ads viewed", parser::ADS_VIEWED),
    ("angesehene werbeanzeigen", parser::ADS_VIEWED),
    ("publicités vues", parser::ADS_VIEWED),
    ("anuncios vistos", parser::ADS_VIEWED),
    ("ads clicked", parser::ADS_CLICKED),
    ("angeklickte werbeanzeigen", parser::ADS_CLICKED),
    ("publicités cliquées", parser::ADS_CLICKED),
    ("anuncios en los que hiciste clic", parser::ADS_CLICKED),
    ("profile information", parser::PROFILE),
    ("profilinformationen", parser::PROFILE),
    ("informations de profil", parser::PROFILE),
    ("información del perfil", parser::PROFILE),
];

/// The parser of a page by its `<title>`.
pub fn topic_of_title(title: &str) -> Option<&'static str> {
    let t = fold(title);
    TITLES.iter().find(|(known, _)| *known == t).map(|(_, p)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_four_languages() {
        for l in ["Email", "E-Mail-Adresse", "Adresse e-mail", "Correo electrónico"] {
            assert!(Label::Email.is(l), "{l}");
        }
        assert!(Label::Username.is("Nom d’utilisateur"), "typographic apostrophe");
        assert!(!Label::Email.is("Phone number"));
        assert!(is_yes("Sí") && is_yes("Ja") && !is_yes("Non"));
        assert_eq!(topic_of_title("Your Off-Facebook Activity"), Some(parser::OFF_META));
        assert_eq!(topic_of_title("Pokes"), None);
    }
}
