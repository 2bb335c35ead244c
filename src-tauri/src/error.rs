//! The error every command returns: `{ code, message }`, so the UI can branch on `code` and show
//! `message` (which already says what and where). Codes come from the engine's own errors.

use footprint_core::runner::{ImportError, PlatformChoice};
use footprint_core::store::StoreError;
use serde::Serialize;

/// An error as the UI receives it.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CommandError {
    /// Stable code: `not_found`, `store`, `busy`, `disk_full`, `read_only`, `io`, `cancelled`, or an import error code
    /// (`unknown_format`, `unsafe_archive`, `corrupt`, `not_recognized`, `ambiguous`, ...).
    pub code: String,
    /// A sentence for the user.
    pub message: String,
    /// With `ambiguous`: the platforms the export may be, so the UI can ask which one and
    /// import again with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub choices: Option<Vec<PlatformChoice>>,
}

impl CommandError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        CommandError {
            code: code.to_string(),
            message: message.into(),
            choices: None,
        }
    }
}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> Self {
        CommandError::new(e.code(), e.to_string())
    }
}

impl From<ImportError> for CommandError {
    fn from(e: ImportError) -> Self {
        CommandError {
            choices: e.choices().map(<[PlatformChoice]>::to_vec),
            ..CommandError::new(e.code(), e.to_string())
        }
    }
}

impl From<tauri::Error> for CommandError {
    fn from(e: tauri::Error) -> Self {
        CommandError::new("internal", e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_not_found_keeps_its_code_and_words() {
        let e: CommandError = StoreError::NotFound("no archive with id 7".into()).into();
        assert_eq!(e.code, "not_found");
        assert!(e.message.contains("no archive with id 7"), "{}", e.message);
    }

    #[test]
    fn a_full_disk_reaches_the_ui_as_disk_full() {
        let full = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL), None);
        let e: CommandError = StoreError::DiskFull { path: "/data/footprint.db".into(), source: full }.into();
        assert_eq!(e.code, "disk_full");
        assert!(e.message.contains("disk full") && e.message.contains("/data/footprint.db"), "{}", e.message);
    }

    #[test]
    fn a_tie_carries_its_choices() {
        let choice = PlatformChoice {
            id: "facebook".into(),
            name: "Facebook".into(),
            reason: "shared Meta folders".into(),
            confidence: 0.3,
        };
        let e: CommandError = ImportError::Ambiguous {
            path: "x.zip".into(),
            candidates: "facebook, instagram".into(),
            choices: vec![choice.clone()],
        }
        .into();
        assert_eq!(e.code, "ambiguous");
        assert_eq!(e.choices, Some(vec![choice]));
        let other: CommandError = ImportError::Cancelled.into();
        assert_eq!(other.choices, None);
    }

    #[test]
    fn import_errors_use_the_engine_code() {
        let e: CommandError = ImportError::Cancelled.into();
        assert_eq!(e.code, "cancelled");
        assert!(e.message.contains("nothing was saved"), "{}", e.message);
    }
}
