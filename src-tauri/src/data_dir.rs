//! Where the app keeps its database and generated demo archives: the folder the CLI uses too
//! (`footprint_core::paths`), so `FOOTPRINT_DATA_DIR` moves both, and tests never touch the
//! real app-data folder.

use std::path::PathBuf;

/// The resolved data directory (created at start-up).
pub struct DataDir(pub PathBuf);

/// Resolves and creates the data directory.
pub fn resolve() -> Result<PathBuf, String> {
    let dir = footprint_core::paths::data_dir();
    std::fs::create_dir_all(&dir)
        .map_err(|e| format!("cannot create the data directory {}: {e}", dir.display()))?;
    Ok(dir)
}
