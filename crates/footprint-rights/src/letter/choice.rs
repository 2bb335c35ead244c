//! Which language a letter is written in: the user's explicit choice, else the language the
//! company takes requests in (the directory's `request_language`), else the user's own
//! language setting, else English. A language Footprint has no letters in is skipped, so a
//! Dutch company with a German-speaking user gets a German letter rather than none.

use super::Lang;
use serde::{Deserialize, Serialize};

/// Where the chosen language came from, so the interface can say why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LangSource {
    /// The user picked it for this request or letter.
    User,
    /// The company's request language in the directory.
    Company,
    /// The user's language setting.
    Setting,
    /// Nothing else applied.
    Default,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LangChoice {
    pub lang: Lang,
    pub source: LangSource,
}

/// The letter language, from the most to the least specific source. Codes are ISO 639-1 or
/// locale tags (`de-CH`).
pub fn choose_lang(
    chosen: Option<Lang>,
    company_language: Option<&str>,
    user_setting: Option<&str>,
) -> LangChoice {
    if let Some(lang) = chosen {
        return LangChoice {
            lang,
            source: LangSource::User,
        };
    }
    if let Some(lang) = company_language.and_then(Lang::from_code) {
        return LangChoice {
            lang,
            source: LangSource::Company,
        };
    }
    if let Some(lang) = user_setting.and_then(Lang::from_code) {
        return LangChoice {
            lang,
            source: LangSource::Setting,
        };
    }
    LangChoice {
        lang: Lang::En,
        source: LangSource::Default,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_specific_source_wins() {
        assert_eq!(
            choose_lang(Some(Lang::Fr), Some("de"), Some("en")),
            LangChoice {
                lang: Lang::Fr,
                source: LangSource::User
            }
        );
        assert_eq!(
            choose_lang(None, Some("de"), Some("fr")),
            LangChoice {
                lang: Lang::De,
                source: LangSource::Company
            }
        );
        // Footprint has no Dutch letters: the user's setting decides.
        assert_eq!(
            choose_lang(None, Some("nl"), Some("fr-CH")),
            LangChoice {
                lang: Lang::Fr,
                source: LangSource::Setting
            }
        );
        assert_eq!(choose_lang(None, None, Some("it")).lang, Lang::En);
        assert_eq!(choose_lang(None, None, None).source, LangSource::Default);
    }
}
