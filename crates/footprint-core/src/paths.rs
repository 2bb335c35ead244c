//! Where Footprint keeps its database. The CLI and the desktop app share one default, so an
//! archive imported with one is seen by the other.

use std::path::{Path, PathBuf};

/// Environment variable that moves the data folder (tests use it to stay hermetic).
pub const DATA_DIR_ENV: &str = "FOOTPRINT_DATA_DIR";

/// The data folder: `$FOOTPRINT_DATA_DIR`, else the user's data folder + `footprint`
/// (`~/.local/share/footprint` on Linux).
pub fn data_dir() -> PathBuf {
    data_dir_from(std::env::var_os(DATA_DIR_ENV).as_deref().map(Path::new))
}

/// [`data_dir`] with the override passed in (testable without touching the environment).
pub fn data_dir_from(override_dir: Option<&Path>) -> PathBuf {
    match override_dir {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => dirs::data_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join("footprint"),
    }
}

/// The default database file inside the data folder.
pub fn default_db() -> PathBuf {
    data_dir().join("footprint.db")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_wins_and_empty_is_ignored() {
        assert_eq!(data_dir_from(Some(Path::new("/tmp/x"))), PathBuf::from("/tmp/x"));
        assert!(data_dir_from(Some(Path::new(""))).ends_with("footprint"));
        assert!(data_dir_from(None).ends_with("footprint"));
    }
}
