//! Languages by their name in each letter language, for the note that tells the user which
//! language an authority takes complaints in: a German letter says "Niederländisch", a French
//! one "néerlandais", never the code `nl` the authorities data keeps.
//!
//! The list covers the official languages of the EU/EEA, the United Kingdom and Switzerland,
//! the countries whose authorities the data lists (a test checks every authority's language is
//! here).

use super::Lang;

/// ISO 639-1 code, then the name in English, German and French (German capitalizes the noun;
/// French writes language names in lower case).
const NAMES: [(&str, [&str; 3]); 28] = [
    ("bg", ["Bulgarian", "Bulgarisch", "bulgare"]),
    ("cs", ["Czech", "Tschechisch", "tchèque"]),
    ("da", ["Danish", "Dänisch", "danois"]),
    ("de", ["German", "Deutsch", "allemand"]),
    ("el", ["Greek", "Griechisch", "grec"]),
    ("en", ["English", "Englisch", "anglais"]),
    ("es", ["Spanish", "Spanisch", "espagnol"]),
    ("et", ["Estonian", "Estnisch", "estonien"]),
    ("fi", ["Finnish", "Finnisch", "finnois"]),
    ("fr", ["French", "Französisch", "français"]),
    ("ga", ["Irish", "Irisch", "irlandais"]),
    ("hr", ["Croatian", "Kroatisch", "croate"]),
    ("hu", ["Hungarian", "Ungarisch", "hongrois"]),
    ("is", ["Icelandic", "Isländisch", "islandais"]),
    ("it", ["Italian", "Italienisch", "italien"]),
    ("lb", ["Luxembourgish", "Luxemburgisch", "luxembourgeois"]),
    ("lt", ["Lithuanian", "Litauisch", "lituanien"]),
    ("lv", ["Latvian", "Lettisch", "letton"]),
    ("mt", ["Maltese", "Maltesisch", "maltais"]),
    ("nl", ["Dutch", "Niederländisch", "néerlandais"]),
    ("no", ["Norwegian", "Norwegisch", "norvégien"]),
    ("pl", ["Polish", "Polnisch", "polonais"]),
    ("pt", ["Portuguese", "Portugiesisch", "portugais"]),
    ("rm", ["Romansh", "Rätoromanisch", "romanche"]),
    ("ro", ["Romanian", "Rumänisch", "roumain"]),
    ("sk", ["Slovak", "Slowakisch", "slovaque"]),
    ("sl", ["Slovenian", "Slowenisch", "slovène"]),
    ("sv", ["Swedish", "Schwedisch", "suédois"]),
];

/// The language `code` (ISO 639-1) named in `lang`; None for a code not in the list.
pub fn name(lang: Lang, code: &str) -> Option<&'static str> {
    let column = match lang {
        Lang::En => 0,
        Lang::De => 1,
        Lang::Fr => 2,
    };
    let code = code.trim().to_ascii_lowercase();
    NAMES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, names)| names[column])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_a_language_in_each_letter_language() {
        assert_eq!(name(Lang::De, "nl"), Some("Niederländisch"));
        assert_eq!(name(Lang::Fr, "nl"), Some("néerlandais"));
        assert_eq!(name(Lang::En, "NL"), Some("Dutch"));
        assert_eq!(name(Lang::De, "xx"), None);
    }

    #[test]
    fn every_authoritys_language_has_a_name() {
        let codes: Vec<&str> = NAMES.iter().map(|(c, _)| *c).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, codes, "codes sorted and unique");
        for a in crate::authority::Authorities::builtin().all() {
            if let Some(l) = &a.complaint_language {
                assert!(name(Lang::Fr, l).is_some(), "{}: `{l}` has no name", a.slug);
            }
        }
    }
}
