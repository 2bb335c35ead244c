//! Where the app keeps its database and generated demo archives. `FOOTPRINT_DATA_DIR` overrides
//! the platform's app-data folder so tests (and cautious users) never touch the real one.

use std::path::PathBuf;
use tauri::Manager;

/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "FOOTPRINT_DATA_DIR";

/// The resolved data directory (created at start-up).
pub struct DataDir(pub PathBuf);

/// Resolves and creates the data directory: `FOOTPRINT_DATA_DIR` if set and not empty, else
/// the platform's app-data folder (e.g. ~/.local/share/app.footprint.desktop).
pub fn resolve(app: &tauri::AppHandle) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let dir = match std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => app.path().app_data_dir()?,
    };
    std::fs::create_dir_all(&dir)
        .map_err(|e| format!("cannot create the data directory {}: {e}", dir.display()))?;
    Ok(dir)
}
