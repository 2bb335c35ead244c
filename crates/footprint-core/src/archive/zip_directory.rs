//! How many entries a zip's table of contents declares, read from its end records before the
//! `zip` crate parses the directory: a hostile zip of a million tiny entries is then refused
//! by the entry limit in microseconds, instead of after the whole directory has been decoded
//! into memory (seconds and hundreds of MB for a million entries).
//!
//! Format (APPNOTE 4.3.14-4.3.16): the end of central directory record (`PK\x05\x06`, 22
//! bytes plus a comment of up to 65,535) holds a 16-bit entry count; a zip64 archive writes
//! `0xFFFF` there, and the zip64 end locator (`PK\x06\x07`, 20 bytes just before it) points
//! at the zip64 end record (`PK\x06\x06`), whose 64-bit count is at offset 32. Anything
//! unreadable here returns `None`: the crate's own parse then reports the damage.

use super::blob::{Blob, BlobReader};
use std::io::Read;

const EOCD_SIG: &[u8] = b"PK\x05\x06";
const EOCD_LEN: u64 = 22;
const MAX_COMMENT: u64 = 65_535;
const ZIP64_LOCATOR_SIG: &[u8] = b"PK\x06\x07";
const ZIP64_LOCATOR_LEN: u64 = 20;
const ZIP64_EOCD_SIG: &[u8] = b"PK\x06\x06";

/// The entry count the zip in `blob` declares, when its end records can be read.
pub(crate) fn declared_entries(blob: &Blob) -> Option<u64> {
    let len = blob.len();
    let tail_len = len.min(EOCD_LEN + MAX_COMMENT);
    let tail_start = len - tail_len;
    let tail = read_at(blob, tail_start, tail_len as usize)?;
    // The last signature whose record fits: a comment may itself contain the bytes.
    let eocd = (0..=tail.len().checked_sub(EOCD_LEN as usize)?)
        .rev()
        .find(|&i| &tail[i..i + 4] == EOCD_SIG)?;
    let count16 = u16::from_le_bytes([tail[eocd + 10], tail[eocd + 11]]);
    let eocd_at = tail_start + eocd as u64;
    let zip64 = eocd_at
        .checked_sub(ZIP64_LOCATOR_LEN)
        .and_then(|at| read_at(blob, at, ZIP64_LOCATOR_LEN as usize))
        .filter(|loc| &loc[..4] == ZIP64_LOCATOR_SIG)
        .and_then(|loc| {
            let record_at = u64::from_le_bytes(loc[8..16].try_into().ok()?);
            let record = read_at(blob, record_at, 40)?;
            if &record[..4] != ZIP64_EOCD_SIG {
                return None;
            }
            Some(u64::from_le_bytes(record[32..40].try_into().ok()?))
        });
    Some(zip64.unwrap_or(u64::from(count16)))
}

fn read_at(blob: &Blob, at: u64, len: usize) -> Option<Vec<u8>> {
    if at.checked_add(len as u64)? > blob.len() {
        return None;
    }
    let mut out = vec![0u8; len];
    BlobReader::at(blob, at).read_exact(&mut out).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_of(n: usize, comment: &str) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..n {
            z.start_file(format!("f{i}"), zip::write::SimpleFileOptions::default()).unwrap();
        }
        z.set_comment(comment).unwrap();
        z.finish().unwrap().into_inner()
    }

    #[test]
    fn counts_of_plain_zips_with_and_without_a_comment() {
        assert_eq!(declared_entries(&Blob::from_vec(zip_of(3, ""))), Some(3));
        // A comment holding the signature does not fool the search.
        assert_eq!(declared_entries(&Blob::from_vec(zip_of(2, "PK\x05\x06 tricky"))), Some(2));
        assert_eq!(declared_entries(&Blob::from_vec(zip_of(0, ""))), Some(0));
    }

    #[test]
    fn zip64_count_is_read_from_the_zip64_record() {
        // The end records of a zip64 archive of 70,000 entries (written by hand: the crate's
        // writer takes minutes for that many in a debug build), the 16-bit count saturated.
        let mut bytes = b"PK\x06\x06".to_vec();
        bytes.extend_from_slice(&44u64.to_le_bytes()); // size of the rest of the record
        bytes.extend_from_slice(&[45, 0, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // versions, disks
        bytes.extend_from_slice(&70_000u64.to_le_bytes()); // entries on this disk
        bytes.extend_from_slice(&70_000u64.to_le_bytes()); // entries in total
        bytes.extend_from_slice(&[0; 16]); // directory size and offset
        bytes.extend_from_slice(b"PK\x06\x07\0\0\0\0");
        bytes.extend_from_slice(&0u64.to_le_bytes()); // where the zip64 record is
        bytes.extend_from_slice(&1u32.to_le_bytes());
        bytes.extend_from_slice(b"PK\x05\x06\0\0\0\0\xff\xff\xff\xff");
        bytes.extend_from_slice(&[0xff; 8]);
        bytes.extend_from_slice(&[0, 0]);
        assert_eq!(declared_entries(&Blob::from_vec(bytes)), Some(70_000));
    }

    #[test]
    fn no_end_record_is_none() {
        assert_eq!(declared_entries(&Blob::from_vec(b"PK\x03\x04 cut short".to_vec())), None);
        assert_eq!(declared_entries(&Blob::from_vec(Vec::new())), None);
    }
}
