//! Donation zips for tests, made as [`crate::donation::format`] describes: the export of a
//! database with the study salt, its tables at the zip's root, the codebook and redaction log
//! beside them, and a consent record listing every table with its rows, size and SHA-256.

use crate::donation::{format::file_name, write, Choices, ParticipantId, Study};
use footprint_core::store::Store;
use std::path::{Path, PathBuf};

/// Write `donation-<study>-<participant>.zip` of `store` into `dir` with the real writer
/// (everything the study asks for, identities included); its path.
pub fn write_donation(store: &Store, salt: &str, study: &str, participant: &str, dir: &Path) -> PathBuf {
    let text = format!(
        "id = \"{study}\"\ntitle = \"A test study\"\nresearcher = \"A lab\"\ncontact = \"lab@university.example\"\nsalt = \"{salt}\"\nwith_identities = true\n"
    );
    let study = Study::parse(&text, "study.toml").unwrap();
    let participant = ParticipantId::new(participant).unwrap();
    let path = dir.join(file_name(&study.id, &participant));
    write(store, &study, &Choices::default(), &participant, &path).unwrap();
    path
}
