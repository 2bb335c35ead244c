//! The reader every entry stream goes through: it holds the stream to the size the container
//! declared (a zip whose header lies about the size fails instead of inflating without bound),
//! verifies the CRC-32 at the end when the container records one, and puts the archive and entry
//! name into every error so that a failure deep in an importer still says where it came from.

use std::io::{self, Read};

pub(crate) struct CheckedReader<R> {
    inner: R,
    /// `archive: entry`, prefixed to every error.
    label: String,
    declared: u64,
    seen: u64,
    crc: Option<(u32, flate2::Crc)>,
    finished: bool,
}

impl<R: Read> CheckedReader<R> {
    pub(crate) fn new(inner: R, label: String, declared: u64, crc32: Option<u32>) -> Self {
        CheckedReader {
            inner,
            label,
            declared,
            seen: 0,
            crc: crc32.map(|c| (c, flate2::Crc::new())),
            finished: false,
        }
    }

    fn fail(&self, kind: io::ErrorKind, what: impl std::fmt::Display) -> io::Error {
        io::Error::new(kind, format!("{}: {what}", self.label))
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.finished {
            return Ok(());
        }
        if self.seen < self.declared {
            return Err(self.fail(
                io::ErrorKind::UnexpectedEof,
                format!(
                    "data ends after {} of {} declared bytes (damaged or truncated)",
                    self.seen, self.declared
                ),
            ));
        }
        if let Some((want, crc)) = &self.crc {
            if crc.sum() != *want {
                return Err(self.fail(
                    io::ErrorKind::InvalidData,
                    format!(
                        "CRC-32 mismatch: {:08x} computed, {want:08x} recorded (damaged data)",
                        crc.sum()
                    ),
                ));
            }
        }
        self.finished = true;
        Ok(())
    }
}

impl<R: Read> Read for CheckedReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        let n = match self.inner.read(buf) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Err(e),
            Err(e) => {
                let kind = e.kind();
                let what = match kind {
                    io::ErrorKind::InvalidData
                    | io::ErrorKind::InvalidInput
                    | io::ErrorKind::UnexpectedEof => "damaged data",
                    _ => "cannot read",
                };
                return Err(self.fail(kind, format!("{what}: {e}")));
            }
        };
        if n == 0 {
            self.finish()?;
            return Ok(0);
        }
        self.seen += n as u64;
        if self.seen > self.declared {
            // Not damage but a lie told to slip past the ratio check: marked as a refusal, so
            // the runner refuses the whole archive instead of reporting one damaged file.
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                Refused(format!(
                    "{}: inflates past its declared size of {} bytes (lying header; refused)",
                    self.label, self.declared
                )),
            ));
        }
        if let Some((_, crc)) = &mut self.crc {
            crc.update(&buf[..n]);
        }
        Ok(n)
    }
}

/// The inner error of a stream failure that is an attack, not damage (a header that lies about
/// the size): [`is_refusal`] tells it from a CRC mismatch or a stream cut short.
#[derive(Debug)]
pub(crate) struct Refused(pub(crate) String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

/// Whether a stream error means the archive is hostile (refuse it whole) rather than damaged
/// (this file only).
pub fn is_refusal(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<Refused>())
}

/// Fill `buf` as far as the stream allows (a short count means the stream ended).
pub(crate) fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Stands in for an entry that could not be opened, so that a batch visit hands the importer
/// an error for that one file instead of aborting the whole archive.
pub(crate) struct FailedOpen(pub(crate) Option<io::Error>);

impl Read for FailedOpen {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(self
            .0
            .take()
            .unwrap_or_else(|| io::Error::other("entry could not be opened")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(r: &mut dyn Read) -> io::Result<Vec<u8>> {
        let mut v = Vec::new();
        r.read_to_end(&mut v).map(|_| v)
    }

    #[test]
    fn passes_exact_data_with_matching_crc() {
        let data = b"hello world";
        let mut crc = flate2::Crc::new();
        crc.update(data);
        let mut r = CheckedReader::new(&data[..], "a.zip: x".into(), 11, Some(crc.sum()));
        assert_eq!(read_all(&mut r).unwrap(), data);
    }

    #[test]
    fn refuses_data_longer_than_declared() {
        let mut r = CheckedReader::new(&b"hello world"[..], "a.zip: x.json".into(), 5, None);
        let e = read_all(&mut r).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
        assert!(
            e.to_string()
                .starts_with("a.zip: x.json: inflates past its declared size of 5"),
            "{e}"
        );
        assert!(is_refusal(&e), "a lying header refuses the archive");
    }

    #[test]
    fn refuses_short_data_and_bad_crc() {
        let mut r = CheckedReader::new(&b"abc"[..], "t: e".into(), 10, None);
        let e = read_all(&mut r).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::UnexpectedEof);
        assert!(
            e.to_string().contains("after 3 of 10 declared bytes"),
            "{e}"
        );
        let mut r = CheckedReader::new(&b"abc"[..], "t: e".into(), 3, Some(0xdead_beef));
        let e = read_all(&mut r).unwrap_err();
        assert!(e.to_string().contains("CRC-32 mismatch"), "{e}");
        assert!(!is_refusal(&e), "damage costs the file only");
    }
}
