//! `STUDY.toml`: what a study is and what it asks a participant for. The researchers write
//! it and hand it out with their salt inside; the participant opens it in the app ("Share
//! with a study") or passes it to `footprint donate --study`. Everything in it is shown to
//! the participant as plain text, never as markup.

use super::format::ParticipantId;
use super::DonationError;
use crate::pseudonym::MIN_SALT_CHARS;
use footprint_core::model::Category;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// A study file, checked: a valid id, a salt long enough, known categories and platforms.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Study {
    /// Names the donation file (`donation-<id>-<participant>.zip`); letters, digits, `_`, `.`.
    pub id: ParticipantId,
    pub title: String,
    pub researcher: String,
    /// How the participant reaches the researchers (an address, a phone): shown, never opened.
    pub contact: String,
    /// What the study is about and what it does with the data, in the researchers' words.
    #[serde(default)]
    pub description: Option<String>,
    /// The study salt: every participant's identifiers are hashed with it.
    #[serde(skip_serializing)]
    pub salt: String,
    /// Platform ids asked for (`google`, `x`...); absent: all.
    #[serde(default)]
    pub platforms: Option<Vec<String>>,
    /// Data categories asked for (`messages`, `location`...); absent: all.
    #[serde(default)]
    pub categories: Option<Vec<String>>,
    /// Record kinds asked for (`search`, `ad_interaction`...); absent: all.
    #[serde(default)]
    pub kinds: Option<Vec<String>>,
    /// Leave out the text of messages (who and when stay, what was said goes).
    #[serde(default)]
    pub drop_message_text: bool,
    /// Also ask for the participant's own identifiers (hashed).
    #[serde(default)]
    pub with_identities: bool,
}

/// What the participant sees of a study: everything but its salt.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StudyInfo {
    pub id: String,
    pub title: String,
    pub researcher: String,
    pub contact: String,
    pub description: Option<String>,
    pub platforms: Option<Vec<String>>,
    pub categories: Option<Vec<String>>,
    pub kinds: Option<Vec<String>>,
    pub drop_message_text: bool,
    pub with_identities: bool,
}

impl Study {
    pub fn info(&self) -> StudyInfo {
        StudyInfo {
            id: self.id.to_string(),
            title: self.title.clone(),
            researcher: self.researcher.clone(),
            contact: self.contact.clone(),
            description: self.description.clone(),
            platforms: self.platforms.clone(),
            categories: self.categories.clone(),
            kinds: self.kinds.clone(),
            drop_message_text: self.drop_message_text,
            with_identities: self.with_identities,
        }
    }

    /// Read and check a study file.
    pub fn load(path: &Path) -> Result<Study, DonationError> {
        let text = std::fs::read_to_string(path).map_err(|e| DonationError::io(path, e))?;
        Study::parse(&text, &path.display().to_string())
    }

    /// Parse and check a study file's text; `name` says where it came from in errors.
    pub fn parse(text: &str, name: &str) -> Result<Study, DonationError> {
        let study: Study = toml::from_str(text).map_err(|e| DonationError::Study {
            file: name.to_string(),
            message: e.to_string().trim_end().to_string(),
        })?;
        study.check().map_err(|message| DonationError::Study {
            file: name.to_string(),
            message,
        })?;
        Ok(study)
    }

    fn check(&self) -> Result<(), String> {
        let salt_chars = self.salt.trim().chars().count();
        if salt_chars < MIN_SALT_CHARS {
            return Err(format!(
                "key `salt`: {salt_chars} characters; a study salt needs at least {MIN_SALT_CHARS}, or its hashes could be reversed by trying names"
            ));
        }
        for (key, text) in [("title", &self.title), ("researcher", &self.researcher), ("contact", &self.contact)] {
            if text.trim().is_empty() {
                return Err(format!("key `{key}` is empty"));
            }
        }
        for c in self.categories.iter().flatten() {
            if Category::parse(c).is_none() {
                return Err(format!(
                    "key `categories`: unknown category `{c}` (known: {})",
                    Category::ALL.map(|c| c.as_str()).join(", ")
                ));
            }
        }
        for p in self.platforms.iter().flatten() {
            if footprint_core::registry::descriptor(p).is_none() {
                let known: Vec<&str> = footprint_core::registry::descriptors().map(|d| d.id).collect();
                return Err(format!("key `platforms`: unknown platform `{p}` (known: {})", known.join(", ")));
            }
        }
        for (key, list) in [("platforms", &self.platforms), ("categories", &self.categories), ("kinds", &self.kinds)] {
            if list.as_ref().is_some_and(|l| l.is_empty()) {
                return Err(format!("key `{key}` is an empty list: leave it out to ask for everything"));
            }
        }
        Ok(())
    }

    /// The salt as the export uses it (surrounding blanks of a hand-edited file dropped).
    pub fn salt(&self) -> &str {
        self.salt.trim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
id = "pilot_2027"
title = "Ads you never clicked"
researcher = "A. Researcher, Some University"
contact = "study@university.example"
salt = "0123456789abcdefXYZ"
"#;

    fn error(text: &str) -> String {
        Study::parse(text, "STUDY.toml").unwrap_err().to_string()
    }

    #[test]
    fn optional_keys_default_to_everything_and_nothing_extra() {
        let s = Study::parse(MINIMAL, "STUDY.toml").unwrap();
        assert_eq!(s.id.as_str(), "pilot_2027");
        assert_eq!((s.platforms, s.categories, s.kinds), (None, None, None));
        assert!(!s.drop_message_text && !s.with_identities);
    }

    #[test]
    fn errors_name_the_file_and_the_key() {
        let short = MINIMAL.replace("0123456789abcdefXYZ", "short");
        let e = error(&short);
        assert!(e.starts_with("STUDY.toml: ") && e.contains("`salt`") && e.contains("16"), "{e}");
        let e = error(&format!("{MINIMAL}categories = [\"messages\", \"gossip\"]\n"));
        assert!(e.contains("`categories`") && e.contains("gossip"), "{e}");
        let e = error(&format!("{MINIMAL}platforms = [\"myspace\"]\n"));
        assert!(e.contains("`platforms`") && e.contains("myspace"), "{e}");
        let e = error(&format!("{MINIMAL}kinds = []\n"));
        assert!(e.contains("`kinds`"), "{e}");
        let e = error(&MINIMAL.replace("pilot_2027", "pilot-2027"));
        assert!(e.contains("id") && e.contains("pilot-2027"), "{e}");
        let e = error(&MINIMAL.replace("salt = ", "sal = "));
        assert!(e.contains("sal"), "{e}");
        let e = error(&MINIMAL.replace("contact = \"study@university.example\"", "contact = \" \""));
        assert!(e.contains("`contact`"), "{e}");
    }

    #[test]
    fn the_example_study_file_is_valid() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/study.toml");
        let s = Study::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(s.description.is_some() && s.categories.is_some());
    }
}
