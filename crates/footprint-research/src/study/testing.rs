//! Donation zips for tests, made as [`crate::donation::format`] describes: the export of a
//! database with the study salt, its tables at the zip's root, the codebook and redaction log
//! beside them, and a consent record listing every table with its rows, size and SHA-256.
//! The real writer is `footprint donate`'s; this one exists so that `study import` can be
//! tested on its own.

use crate::donation::format::{file_name, Consent, ConsentChoices, DonatedFile, ParticipantId, CONSENT_FILE, DONATION_FORMAT_VERSION};
use crate::{export, ExportOptions, Format, Selection};
use footprint_core::store::Store;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Write `donation-<study>-<participant>.zip` of `store` into `dir`; its path.
pub fn write_donation(store: &Store, salt: &str, study: &str, participant: &str, dir: &Path) -> PathBuf {
    let study = ParticipantId::new(study).unwrap();
    let participant = ParticipantId::new(participant).unwrap();
    let staging = tempfile::tempdir().unwrap();
    let out = staging.path().join("export");
    let summary = export(
        store,
        &ExportOptions {
            format: Format::Parquet,
            out: out.clone(),
            selection: Selection::default(),
            with_identities: true,
            salt: Some(salt.to_string()),
            drop_message_text: false,
        },
    )
    .unwrap();
    let mut files = Vec::new();
    for t in &summary.tables {
        let bytes = std::fs::read(&t.file).unwrap();
        files.push(DonatedFile {
            table: t.table.to_string(),
            member: format!("{}.parquet", t.table),
            rows: t.rows,
            bytes: bytes.len() as u64,
            sha256: Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect(),
        });
    }
    let consent = Consent {
        format_version: DONATION_FORMAT_VERSION,
        study_id: study.clone(),
        participant_id: participant.clone(),
        created_at: chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap(),
        footprint_version: env!("CARGO_PKG_VERSION").to_string(),
        study_title: Some("A test study".into()),
        choices: ConsentChoices {
            pseudonymized: true,
            with_identities: true,
            ..Default::default()
        },
        files,
    };
    let path = dir.join(file_name(&study, &participant));
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file(CONSENT_FILE, stored).unwrap();
    zip.write_all(&serde_json::to_vec_pretty(&consent).unwrap()).unwrap();
    for f in summary.files.iter() {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        zip.start_file(name, stored).unwrap();
        zip.write_all(&std::fs::read(f).unwrap()).unwrap();
    }
    zip.finish().unwrap();
    path
}
