//! Reading a donation file someone handed over: untrusted input. [`open`] refuses it unless
//! the consent record parses, every member is listed in it (and every listed member is
//! there), names are plain file names at the zip's root, sizes are the listed ones and under
//! a cap, and every member's SHA-256 matches. [`Donation::copy_member`] then streams a member
//! out, checking its digest again on the way.

use super::format::{ids_from_file_name, Consent, DonatedFile, CONSENT_FILE};
use super::write::sha256_of;
use super::DonationError;
use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};

/// A member larger than this is refused (the 1.2M-record Takeout's records are ~45 MB).
pub const MAX_MEMBER_BYTES: u64 = 16 << 30;
/// The consent record is read into memory: a few kilobytes, a few megabytes with many files.
pub const MAX_CONSENT_BYTES: u64 = 64 << 20;

/// A checked donation file.
pub struct Donation {
    path: PathBuf,
    consent: Consent,
    zip: zip::ZipArchive<BufReader<File>>,
}

/// Open and check a donation file (reads every member once to check its digest).
pub fn open(path: &Path) -> Result<Donation, DonationError> {
    let file = File::open(path).map_err(|e| DonationError::io(path, e))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file))
        .map_err(|e| DonationError::refused(path, format!("not a readable zip: {e}")))?;
    let mut names = BTreeSet::new();
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| DonationError::refused(path, format!("member {i}: {e}")))?;
        let name = entry
            .name()
            .map_err(|e| DonationError::refused(path, format!("member {i}: its name is not text: {e}")))?
            .into_owned();
        let plain = entry.enclosed_name().is_some_and(|p| p.as_os_str() == name.as_str())
            && !name.contains(['/', '\\'])
            && !name.starts_with('.');
        if !plain || entry.is_dir() {
            return Err(DonationError::refused(path, format!("member {name:?} is not a plain file name at the zip's root")));
        }
        if !names.insert(name.clone()) {
            return Err(DonationError::refused(path, format!("member {name:?} appears twice")));
        }
    }
    let consent = read_consent(&mut zip, path)?;
    if let Some((study, participant)) = path.file_name().and_then(|n| ids_from_file_name(&n.to_string_lossy())) {
        if study != consent.study_id || participant != consent.participant_id {
            return Err(DonationError::refused(
                path,
                format!(
                    "the file name says study {study}, participant {participant}; its consent record says study {}, participant {}",
                    consent.study_id, consent.participant_id
                ),
            ));
        }
    }
    let listed: BTreeSet<String> = consent.files.iter().map(|f| f.member.clone()).collect();
    if listed.len() != consent.files.len() || listed.contains(CONSENT_FILE) {
        return Err(DonationError::refused(path, format!("{CONSENT_FILE} lists a member twice")));
    }
    if let Some(extra) = names.iter().find(|n| n.as_str() != CONSENT_FILE && !listed.contains(*n)) {
        return Err(DonationError::refused(path, format!("member {extra:?} is not listed in {CONSENT_FILE}")));
    }
    if let Some(missing) = listed.iter().find(|n| !names.contains(*n)) {
        return Err(DonationError::refused(path, format!("{CONSENT_FILE} lists {missing:?}, which the zip lacks")));
    }
    let mut donation = Donation {
        path: path.to_path_buf(),
        consent,
        zip,
    };
    for f in donation.consent.files.clone() {
        donation.copy_member(&f.member, &mut std::io::sink())?;
    }
    Ok(donation)
}

/// The consent record of the donation file at `path`, read alone: no member is checked (that
/// is [`open`]'s work), so this is for telling files apart (`study import` finding whose a
/// file is), never for trusting its contents.
pub fn consent_of(path: &Path) -> Result<Consent, DonationError> {
    let file = File::open(path).map_err(|e| DonationError::io(path, e))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file))
        .map_err(|e| DonationError::refused(path, format!("not a readable zip: {e}")))?;
    read_consent(&mut zip, path)
}

/// `consent.json`, at most [`MAX_CONSENT_BYTES`], parsed and checked.
fn read_consent(zip: &mut zip::ZipArchive<BufReader<File>>, path: &Path) -> Result<Consent, DonationError> {
    let entry = zip
        .by_name(CONSENT_FILE)
        .map_err(|_| DonationError::refused(path, format!("no {CONSENT_FILE}: not a donation file")))?;
    if entry.size() > MAX_CONSENT_BYTES {
        return Err(DonationError::refused(path, format!("{CONSENT_FILE} is {} bytes (at most {MAX_CONSENT_BYTES})", entry.size())));
    }
    let mut bytes = Vec::new();
    entry
        .take(MAX_CONSENT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| DonationError::refused(path, format!("{CONSENT_FILE}: {e}")))?;
    Consent::from_json(&bytes).map_err(|e| DonationError::refused(path, e))
}

impl Donation {
    pub fn consent(&self) -> &Consent {
        &self.consent
    }

    /// The data members, as the consent record lists them.
    pub fn members(&self) -> &[DonatedFile] {
        &self.consent.files
    }

    /// Stream member `name` into `out`; fails (after writing) if its bytes are not the ones
    /// the consent record lists, so a caller writes to a temporary file and keeps it only on
    /// success. Returns the bytes copied.
    pub fn copy_member(&mut self, name: &str, out: &mut dyn Write) -> Result<u64, DonationError> {
        let path = self.path.clone();
        let listed = self
            .consent
            .files
            .iter()
            .find(|f| f.member == name)
            .ok_or_else(|| DonationError::refused(&path, format!("no member {name:?} in {CONSENT_FILE}")))?
            .clone();
        if listed.bytes > MAX_MEMBER_BYTES {
            return Err(DonationError::refused(&path, format!("{name}: {} bytes (at most {MAX_MEMBER_BYTES})", listed.bytes)));
        }
        let entry = self
            .zip
            .by_name(name)
            .map_err(|e| DonationError::refused(&path, format!("{name}: {e}")))?;
        if entry.size() != listed.bytes {
            return Err(DonationError::refused(
                &path,
                format!("{name}: {} bytes, {CONSENT_FILE} says {}", entry.size(), listed.bytes),
            ));
        }
        // Never more than listed, whatever the zip's headers claim (a bomb stops here).
        let mut tee = Tee {
            inner: entry.take(listed.bytes + 1),
            out,
        };
        let (sha256, bytes) = sha256_of(&mut tee).map_err(|e| DonationError::refused(&path, format!("{name}: {e}")))?;
        if bytes != listed.bytes || sha256 != listed.sha256 {
            return Err(DonationError::refused(
                &path,
                format!("{name}: its content does not match the SHA-256 in {CONSENT_FILE} (changed after it was written)"),
            ));
        }
        Ok(bytes)
    }
}

/// Reads from `inner` and writes what it read to `out`.
struct Tee<'a, R: Read> {
    inner: R,
    out: &'a mut dyn Write,
}

impl<R: Read> Read for Tee<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.out.write_all(&buf[..n])?;
        Ok(n)
    }
}
