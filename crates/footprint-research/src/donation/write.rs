//! Writing a donation file: the export (Parquet, pseudonymized with the study salt, filtered
//! by the participant's choices) into a temporary folder beside the destination, then the zip
//! with the consent record first, written under a temporary name and renamed at the end. A
//! failure at any step leaves neither the folder nor a partial zip behind.

use super::format::{file_name, Consent, ConsentChoices, DonatedFile, ParticipantId, CONSENT_FILE, DONATION_FORMAT_VERSION};
use super::{Choices, DonationError, Study};
use crate::pseudonym::RedactionLog;
use crate::{export, ExportOptions, Format, Selection};
use chrono::Utc;
use footprint_core::store::Store;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

/// A donation file written.
#[derive(Debug, Clone, Serialize)]
pub struct Written {
    pub path: PathBuf,
    /// The zip's size.
    pub bytes: u64,
    pub consent: Consent,
    pub seconds: f64,
}

impl Written {
    /// Rows of the donated tables.
    pub fn rows(&self) -> u64 {
        self.consent.files.iter().map(|f| f.rows).sum()
    }
}

/// Write the donation of `study` with `choices` as `participant` to `dest` (a file path;
/// replaced if it exists). [`file_name`] gives the name a study expects.
pub fn write(store: &Store, study: &Study, choices: &Choices, participant: &ParticipantId, dest: &Path) -> Result<Written, DonationError> {
    let started = Instant::now();
    let selection = study.selection(store, choices)?;
    let dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // Beside the destination: same file system, so the final rename is atomic.
    let work = tempfile::Builder::new()
        .prefix(".donation-")
        .tempdir_in(&dir)
        .map_err(|e| DonationError::io(&dir, e))?;
    let out = work.path().join("export");
    let summary = export(
        store,
        &ExportOptions {
            format: Format::Parquet,
            out: out.clone(),
            selection: selection.clone(),
            with_identities: study.with_identities,
            salt: Some(study.salt().to_string()),
            drop_message_text: study.drop_message_text,
        },
    )?;

    let mut files = Vec::new();
    for t in &summary.tables {
        files.push(member(&t.file, t.table, t.rows)?);
    }
    for path in summary.files.iter().filter(|p| !summary.tables.iter().any(|t| &t.file == *p)) {
        // Codebook and redaction log: members, not tables.
        files.push(member(path, "", 0)?);
    }
    let consent = Consent {
        format_version: DONATION_FORMAT_VERSION,
        study_id: study.id.clone(),
        participant_id: participant.clone(),
        created_at: Utc::now(),
        footprint_version: env!("CARGO_PKG_VERSION").to_string(),
        study_title: Some(study.title.clone()),
        choices: consent_choices(store, study, &selection)?,
        files,
    };
    let consent_json = serde_json::to_vec_pretty(&consent).map_err(|e| DonationError::Invalid(format!("consent record: {e}")))?;

    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{}", file_name(&study.id, participant)))
        .suffix(".partial")
        .tempfile_in(&dir)
        .map_err(|e| DonationError::io(&dir, e))?;
    let mut zip = zip::ZipWriter::new(BufWriter::new(tmp.as_file()));
    let zip_err = |e: zip::result::ZipError| DonationError::Io {
        path: tmp.path().display().to_string(),
        source: std::io::Error::other(e),
    };
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file(CONSENT_FILE, deflated).map_err(zip_err)?;
    zip.write_all(&consent_json).map_err(|e| DonationError::io(tmp.path(), e))?;
    for f in &consent.files {
        let path = out.join(&f.member);
        // Parquet is compressed already (snappy); the codebook and the log are text.
        let method = if f.member.ends_with(".parquet") { CompressionMethod::Stored } else { CompressionMethod::Deflated };
        let opts = SimpleFileOptions::default()
            .compression_method(method)
            .large_file(f.bytes >= u32::MAX as u64);
        zip.start_file(&f.member, opts).map_err(zip_err)?;
        let mut src = std::fs::File::open(&path).map_err(|e| DonationError::io(&path, e))?;
        std::io::copy(&mut src, &mut zip).map_err(|e| DonationError::io(tmp.path(), e))?;
    }
    let mut buffered = zip.finish().map_err(zip_err)?;
    buffered.flush().map_err(|e| DonationError::io(tmp.path(), e))?;
    drop(buffered);
    tmp.as_file().sync_all().map_err(|e| DonationError::io(tmp.path(), e))?;
    tmp.persist(dest).map_err(|e| DonationError::io(dest, e.error))?;
    drop(work);
    let bytes = std::fs::metadata(dest).map_err(|e| DonationError::io(dest, e))?.len();
    Ok(Written {
        path: dest.to_path_buf(),
        bytes,
        consent,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// A member's entry of the consent record: its name, size and SHA-256.
fn member(path: &Path, table: &str, rows: u64) -> Result<DonatedFile, DonationError> {
    let mut file = std::fs::File::open(path).map_err(|e| DonationError::io(path, e))?;
    let (sha256, bytes) = sha256_of(&mut file).map_err(|e| DonationError::io(path, e))?;
    Ok(DonatedFile {
        table: table.to_string(),
        member: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| DonationError::Invalid(format!("{}: no file name", path.display())))?,
        rows,
        bytes,
        sha256,
    })
}

/// Lower-case hex SHA-256 and length of everything `r` gives.
pub(crate) fn sha256_of(r: &mut dyn Read) -> std::io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 << 10];
    let mut n = 0u64;
    loop {
        let got = r.read(&mut buf)?;
        if got == 0 {
            break;
        }
        hasher.update(&buf[..got]);
        n += got as u64;
    }
    Ok((format!("{:x}", hasher.finalize()), n))
}

/// The choices in the consent record's words. Kept files are named `platform:path`, the path
/// pseudonymized like `import_reports.path` (a folder name can be a contact's name).
fn consent_choices(store: &Store, study: &Study, selection: &Selection) -> Result<ConsentChoices, DonationError> {
    let files = match &selection.files {
        None => None,
        Some(ids) => {
            let conn = store.connection();
            let p = crate::export::pseudonymizer(conn, Some(study.salt()))?.expect("a salt was given");
            let mut stmt = conn
                .prepare("SELECT a.platform, f.path FROM files f JOIN archives a ON a.id = f.archive_id WHERE f.id = ?1")
                .map_err(DonationError::sql("import_reports"))?;
            let mut log = RedactionLog::default();
            let mut named = Vec::with_capacity(ids.len());
            for id in ids {
                let (platform, path): (String, String) = stmt
                    .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                    .map_err(DonationError::sql("import_reports"))?;
                named.push(format!("{platform}:{}", p.text(&path, "import_reports.path", &mut log)));
            }
            Some(named)
        }
    };
    Ok(ConsentChoices {
        platforms: selection.platforms.clone(),
        categories: selection.categories.clone(),
        kinds: selection.kinds.clone(),
        files,
        excluded_records: selection.excluded_records.len() as u64,
        pseudonymized: true,
        drop_message_text: study.drop_message_text,
        with_identities: study.with_identities,
    })
}
