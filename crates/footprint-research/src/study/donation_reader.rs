//! Reading one donation zip (layout: [`crate::donation::format`]) into a participant's
//! partition folder, checked member by member: the consent record must parse, every member
//! must be at the zip's root under a plain name, a data member must be listed in the consent
//! record and match its SHA-256, size and row count, and nothing may exceed [`MAX_MEMBER_BYTES`].
//! The zip is never unpacked as a whole: each Parquet member is streamed to its
//! `table=<name>/part-0.parquet` through the hasher.

use crate::donation::format::{Consent, CONSENT_FILE};
use crate::tables;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::Path;

/// The largest member accepted (inflated). A donation's tables are Parquet, compressed; the
/// 1.2M-record Takeout's biggest table is under 50 MB, so 4 GiB leaves room for anyone real
/// while refusing a zip bomb.
pub const MAX_MEMBER_BYTES: u64 = 4 << 30;
/// The consent record is a short JSON file.
const MAX_CONSENT_BYTES: u64 = 1 << 20;
/// Members a donation carries beside its tables, not listed in the consent record; kept in
/// the participant's folder.
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
    open(path).is_ok_and(|mut zip| zip.by_name(CONSENT_FILE).is_ok())
}

/// The consent record of the donation at `path`.
pub fn consent_of(path: &Path) -> Result<Consent, String> {
    read_consent(&mut open(path)?)
}

fn open(path: &Path) -> Result<zip::ZipArchive<File>, String> {
    let file = File::open(path).map_err(|e| format!("opening it: {e}"))?;
    zip::ZipArchive::new(file).map_err(|e| format!("not a readable zip: {e}"))
}

fn read_consent(zip: &mut zip::ZipArchive<File>) -> Result<Consent, String> {
    let member = zip
        .by_name(CONSENT_FILE)
        .map_err(|_| format!("no {CONSENT_FILE}: not a donation file"))?;
    if member.size() > MAX_CONSENT_BYTES {
        return Err(format!("{CONSENT_FILE} is {} bytes, more than a consent record can be", member.size()));
    }
    let mut bytes = Vec::new();
    member
        .take(MAX_CONSENT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("reading {CONSENT_FILE}: {e}"))?;
    Consent::from_json(&bytes)
}

/// Read the donation at `path` into `dest` (a folder that exists and is empty): each table to
/// `dest/table=<name>/part-0.parquet`, the codebook and redaction log to `dest/`.
pub fn read_donation(path: &Path, dest: &Path) -> Result<Donation, String> {
    read_capped(path, dest, MAX_MEMBER_BYTES)
}

/// [`read_donation`] with members limited to `cap` bytes.
fn read_capped(path: &Path, dest: &Path, cap: u64) -> Result<Donation, String> {
    let mut zip = open(path)?;
    let consent = read_consent(&mut zip)?;
    let mut listed = BTreeSet::new();
    for f in &consent.files {
        if tables::table(&f.table).is_none() {
            return Err(format!("{CONSENT_FILE} lists `{}`, which is not a table Footprint exports", f.table));
        }
        if f.member != format!("{}.parquet", f.table) {
            return Err(format!("{CONSENT_FILE} lists member `{}` for table {}: expected {}.parquet", f.member, f.table, f.table));
        }
        if !listed.insert(f.member.as_str()) {
            return Err(format!("{CONSENT_FILE} lists `{}` twice", f.member));
        }
    }
    let mut seen = BTreeSet::new();
    for i in 0..zip.len() {
        let member = zip.by_index_raw(i).map_err(|e| format!("member {i}: {e}"))?;
        let name = member
            .name()
            .map_err(|e| format!("member {i} has a name that is not UTF-8: {e}"))?
            .into_owned();
        if name.contains('/') || name.contains('\\') || name == ".." || name.contains('\0') {
            return Err(format!("member `{}` is not at the zip's root: refused", name.escape_debug()));
        }
        if !seen.insert(name.clone()) {
            return Err(format!("member `{name}` appears twice: refused"));
        }
        if name != CONSENT_FILE && !METADATA_MEMBERS.contains(&name.as_str()) && !listed.contains(name.as_str()) {
            return Err(format!("member `{}` is not listed in {CONSENT_FILE}: refused", name.escape_debug()));
        }
        if member.size() > cap {
            return Err(format!("member `{name}` inflates to {} bytes, over the {cap}-byte limit", member.size()));
        }
    }
    let mut written = Vec::new();
    for f in &consent.files {
        let member = zip
            .by_name(&f.member)
            .map_err(|_| format!("{CONSENT_FILE} lists `{}`, which the zip does not hold", f.member))?;
        let out = super::partition_file(dest, &f.table);
        let folder = out.parent().expect("a partition file has a folder");
        std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        let (bytes, sha) = copy_hashed(member, &out, cap).map_err(|e| format!("`{}` to {}: {e}", f.member, out.display()))?;
        if bytes != f.bytes || sha != f.sha256 {
            return Err(format!(
                "`{}` does not match {CONSENT_FILE} ({bytes} bytes, sha256 {sha}; the record says {} bytes, {}): damaged or altered",
                f.member, f.bytes, f.sha256
            ));
        }
        let rows = super::parquet_rows(&out).map_err(|e| format!("`{}`: {e}", f.member))?;
        if rows != f.rows {
            return Err(format!("`{}` holds {rows} rows, {CONSENT_FILE} says {}", f.member, f.rows));
        }
        written.push((f.table.clone(), rows));
    }
    for name in METADATA_MEMBERS {
        if let Ok(member) = zip.by_name(name) {
            let out = dest.join(name);
            copy_hashed(member, &out, cap).map_err(|e| format!("`{name}` to {}: {e}", out.display()))?;
        }
    }
    Ok(Donation { consent, tables: written })
}

/// Copy at most `cap` bytes of `from` to a new file `to`: its size and lower-case hex
/// SHA-256. A member inflating past the cap (its header lied) is an error.
fn copy_hashed(mut from: impl Read, to: &Path, cap: u64) -> std::io::Result<(u64, String)> {
    let mut out = BufWriter::new(File::create(to)?);
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 256 << 10];
    let mut total = 0u64;
    loop {
        let n = from.read(&mut buf)?;
        if n == 0 {
            break;
        }
        total += n as u64;
        if total > cap {
            return Err(std::io::Error::other(format!("inflates past the {cap}-byte limit")));
        }
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n])?;
    }
    out.flush()?;
    let sha = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok((total, sha))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::donation::format::{ConsentChoices, DonatedFile, ParticipantId, DONATION_FORMAT_VERSION};

    /// Zip members: name and bytes.
    type Members<'a> = Vec<(&'a str, &'a [u8])>;

    /// A donation zip whose consent record lists `listed` (table, bytes it claims) and which
    /// holds `members`.
    fn zip_of(dir: &Path, listed: &[(&str, &[u8])], members: &[(&str, &[u8])]) -> std::path::PathBuf {
        let consent = Consent {
            format_version: DONATION_FORMAT_VERSION,
            study_id: ParticipantId::new("s").unwrap(),
            participant_id: ParticipantId::new("p").unwrap(),
            created_at: chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap(),
            footprint_version: "0.1.0".into(),
            study_title: None,
            choices: ConsentChoices::default(),
            files: listed
                .iter()
                .map(|(table, bytes)| DonatedFile {
                    table: table.to_string(),
                    member: format!("{table}.parquet"),
                    rows: 0,
                    bytes: bytes.len() as u64,
                    sha256: Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect(),
                })
                .collect(),
        };
        let path = dir.join("d.zip");
        let mut zip = zip::ZipWriter::new(File::create(&path).unwrap());
        let opts = zip::write::SimpleFileOptions::default();
        zip.start_file(CONSENT_FILE, opts).unwrap();
        zip.write_all(&serde_json::to_vec(&consent).unwrap()).unwrap();
        for (name, bytes) in members {
            zip.start_file(*name, opts).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
        path
    }

    fn refusal(listed: &[(&str, &[u8])], members: &[(&str, &[u8])], cap: u64) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = zip_of(dir.path(), listed, members);
        let dest = dir.path().join("out");
        std::fs::create_dir_all(&dest).unwrap();
        read_capped(&path, &dest, cap).unwrap_err()
    }

    #[test]
    fn members_outside_the_root_unlisted_or_too_big_are_refused() {
        let data: &[u8] = b"PAR1 not really";
        let ok = [("records", data)];
        let cases: [(Members, u64, &str); 6] = [
            (vec![("records.parquet", data), ("../evil", b"x")], 1 << 20, "not at the zip's root"),
            (vec![("records.parquet", data), ("/etc/passwd", b"x")], 1 << 20, "not at the zip's root"),
            (vec![("records.parquet", data), ("extra.csv", b"x")], 1 << 20, "not listed"),
            (vec![("records.parquet", b"PAR1 altered!!!")], 1 << 20, "does not match"),
            (vec![], 1 << 20, "does not hold"),
            (vec![("records.parquet", data)], 4, "over the 4-byte limit"),
        ];
        for (members, cap, expected) in cases {
            let e = refusal(&ok, &members, cap);
            assert!(e.contains(expected), "{members:?}: {e}");
        }
        let e = refusal(&[("secrets", data)], &[("secrets.parquet", data)], 1 << 20);
        assert!(e.contains("not a table"), "{e}");
    }
}
