//! Reading one donation zip (layout: [`crate::donation::format`]) into a participant's
//! partition folder. [`read::open`] checks the file (consent record, plain names at the root,
//! every member listed, sizes under [`read::MAX_MEMBER_BYTES`], SHA-256); this adds that every
//! data member is a table Footprint exports, with the rows its consent record lists. The zip
//! is never unpacked as a whole: each Parquet member is streamed to its
//! `table=<name>/part-0.parquet`.

use crate::donation::format::{Consent, CONSENT_FILE};
use crate::donation::read;
use crate::tables;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Members a donation carries beside its tables (listed in the consent record with an empty
/// table name); kept in the participant's folder.
pub const METADATA_MEMBERS: &[&str] = &["codebook.md", "codebook.json", "redaction_log.json"];

/// What a donation zip gave.
#[derive(Debug)]
pub struct Donation {
    pub consent: Consent,
    /// (table, rows) of each table written.
    pub tables: Vec<(String, u64)>,
}

/// Whether `path` is a zip holding a consent record at its root (a donation, whatever its
/// file name), as opposed to a raw export.
pub fn is_donation(path: &Path) -> bool {
    File::open(path)
        .ok()
        .and_then(|f| zip::ZipArchive::new(f).ok())
        .is_some_and(|mut zip| zip.by_name(CONSENT_FILE).is_ok())
}

/// The consent record of the donation at `path`, to name its participant; its members are
/// checked when it is read ([`read_donation`]), not twice.
pub fn consent_of(path: &Path) -> Result<Consent, String> {
    read::consent_of(path).map_err(|e| e.to_string())
}

/// Read the donation at `path` into `dest` (a folder that exists and is empty): each table to
/// `dest/table=<name>/part-0.parquet`, the codebook and redaction log to `dest/`. The checks
/// (names, listing, sizes, digests) are [`read::open`]'s; this adds what a dataset needs:
/// every data member is a table Footprint exports, under its own name, with the rows listed.
pub fn read_donation(path: &Path, dest: &Path) -> Result<Donation, String> {
    let mut donation = read::open(path).map_err(|e| e.to_string())?;
    let consent = donation.consent().clone();
    let mut written = Vec::new();
    for f in &consent.files {
        if f.table.is_empty() {
            if !METADATA_MEMBERS.contains(&f.member.as_str()) {
                return Err(format!("{CONSENT_FILE} lists `{}` as metadata, which a donation does not carry", f.member));
            }
            copy(&mut donation, &f.member, &dest.join(&f.member))?;
            continue;
        }
        if tables::table(&f.table).is_none() {
            return Err(format!("{CONSENT_FILE} lists `{}`, which is not a table Footprint exports", f.table));
        }
        if f.member != format!("{}.parquet", f.table) {
            return Err(format!("{CONSENT_FILE} lists member `{}` for table {}: expected {}.parquet", f.member, f.table, f.table));
        }
        let out = super::partition_file(dest, &f.table);
        let folder = out.parent().expect("a partition file has a folder");
        std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        copy(&mut donation, &f.member, &out)?;
        let rows = super::parquet_rows(&out).map_err(|e| format!("`{}`: {e}", f.member))?;
        if rows != f.rows {
            return Err(format!("`{}` holds {rows} rows, {CONSENT_FILE} says {}", f.member, f.rows));
        }
        written.push((f.table.clone(), rows));
    }
    Ok(Donation { consent, tables: written })
}

/// Stream member `name` to a new file `to` (digest checked again on the way).
fn copy(donation: &mut read::Donation, name: &str, to: &Path) -> Result<(), String> {
    let mut out = BufWriter::new(File::create(to).map_err(|e| format!("{}: {e}", to.display()))?);
    donation.copy_member(name, &mut out).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| format!("{}: {e}", to.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::donation::format::{ConsentChoices, DonatedFile, ParticipantId, DONATION_FORMAT_VERSION};
    use sha2::{Digest, Sha256};

    /// Members of a test zip: (table, member name, bytes), each listed and held.
    type Members<'a> = &'a [(&'a str, &'a str, &'a [u8])];

    /// A donation zip listing and holding one member per (table, member name, bytes).
    fn zip_of(dir: &Path, members: Members) -> std::path::PathBuf {
        let consent = Consent {
            format_version: DONATION_FORMAT_VERSION,
            study_id: ParticipantId::new("s").unwrap(),
            participant_id: ParticipantId::new("p").unwrap(),
            created_at: chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap(),
            footprint_version: "0.1.0".into(),
            study_title: None,
            choices: ConsentChoices::default(),
            files: members
                .iter()
                .map(|(table, member, bytes)| DonatedFile {
                    table: table.to_string(),
                    member: member.to_string(),
                    rows: 0,
                    bytes: bytes.len() as u64,
                    sha256: format!("{:x}", Sha256::digest(bytes)),
                })
                .collect(),
        };
        let path = dir.join("d.zip");
        let mut zip = zip::ZipWriter::new(File::create(&path).unwrap());
        let opts = zip::write::SimpleFileOptions::default();
        zip.start_file(CONSENT_FILE, opts).unwrap();
        zip.write_all(&serde_json::to_vec(&consent).unwrap()).unwrap();
        for (_, name, bytes) in members {
            zip.start_file(*name, opts).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
        path
    }

    fn refusal(members: Members) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = zip_of(dir.path(), members);
        let dest = dir.path().join("out");
        std::fs::create_dir_all(&dest).unwrap();
        read_donation(&path, &dest).unwrap_err()
    }

    /// What the generic reader lets through but a dataset cannot take: a member that is not a
    /// table, a table under another name, metadata that is not ours, rows that are not Parquet.
    #[test]
    fn members_a_dataset_cannot_take_are_refused() {
        let data: &[u8] = b"PAR1 not really";
        let cases: [(Members, &str); 4] = [
            (&[("secrets", "secrets.parquet", data)], "not a table"),
            (&[("records", "companies.parquet", data)], "expected records.parquet"),
            (&[("", "notes.txt", data)], "does not carry"),
            (&[("records", "records.parquet", data)], "records.parquet"),
        ];
        for (members, expected) in cases {
            let e = refusal(members);
            assert!(e.contains(expected), "{members:?}: {e}");
        }
    }
}
