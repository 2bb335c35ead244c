//! Random-access bytes: a window of a file on disk or of a buffer in memory, read with
//! positioned reads so that any number of independent readers can share one file handle
//! (no reopening per entry, no shared cursor, no lock).
//!
//! A stored (uncompressed) zip inside a zip is a window of the outer file: it is opened in place,
//! without copying it into memory.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::sync::Arc;

#[derive(Clone, Debug)]
pub(crate) enum Blob {
    File {
        file: Arc<File>,
        start: u64,
        len: u64,
    },
    Memory {
        bytes: Arc<Vec<u8>>,
        start: u64,
        len: u64,
    },
}

impl Blob {
    pub(crate) fn from_file(file: File) -> io::Result<Blob> {
        let len = file.metadata()?.len();
        Ok(Blob::File {
            file: Arc::new(file),
            start: 0,
            len,
        })
    }

    pub(crate) fn from_vec(bytes: Vec<u8>) -> Blob {
        let len = bytes.len() as u64;
        Blob::Memory {
            bytes: Arc::new(bytes),
            start: 0,
            len,
        }
    }

    pub(crate) fn len(&self) -> u64 {
        match self {
            Blob::File { len, .. } | Blob::Memory { len, .. } => *len,
        }
    }

    /// A sub-range `[offset, offset + len)` of this blob.
    pub(crate) fn window(&self, offset: u64, len: u64) -> io::Result<Blob> {
        if offset.checked_add(len).is_none_or(|end| end > self.len()) {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "window past the end of the data",
            ));
        }
        Ok(match self {
            Blob::File { file, start, .. } => Blob::File {
                file: file.clone(),
                start: start + offset,
                len,
            },
            Blob::Memory { bytes, start, .. } => Blob::Memory {
                bytes: bytes.clone(),
                start: start + offset,
                len,
            },
        })
    }

    pub(crate) fn reader(&self) -> BlobReader {
        BlobReader {
            blob: self.clone(),
            pos: 0,
        }
    }

    /// Read at `pos` (relative to the window) without any shared cursor.
    fn read_at(&self, pos: u64, buf: &mut [u8]) -> io::Result<usize> {
        let len = self.len();
        if pos >= len || buf.is_empty() {
            return Ok(0);
        }
        let n = buf
            .len()
            .min(usize::try_from(len - pos).unwrap_or(usize::MAX));
        match self {
            Blob::File { file, start, .. } => positioned_read(file, start + pos, &mut buf[..n]),
            Blob::Memory { bytes, start, .. } => {
                let from = (start + pos) as usize;
                buf[..n].copy_from_slice(&bytes[from..from + n]);
                Ok(n)
            }
        }
    }
}

#[cfg(unix)]
fn positioned_read(file: &File, at: u64, buf: &mut [u8]) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, at)
}

#[cfg(windows)]
fn positioned_read(file: &File, at: u64, buf: &mut [u8]) -> io::Result<usize> {
    // seek_read moves the handle's cursor, but no reader here relies on that cursor.
    std::os::windows::fs::FileExt::seek_read(file, buf, at)
}

/// An independent cursor over a [`Blob`]: cheap to create and to clone.
#[derive(Clone, Debug)]
pub(crate) struct BlobReader {
    blob: Blob,
    pos: u64,
}

impl BlobReader {
    pub(crate) fn at(blob: &Blob, pos: u64) -> BlobReader {
        BlobReader {
            blob: blob.clone(),
            pos,
        }
    }
}

impl Read for BlobReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = loop {
            match self.blob.read_at(self.pos, buf) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                r => break r?,
            }
        };
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for BlobReader {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let target = match to {
            SeekFrom::Start(p) => Some(p),
            SeekFrom::End(d) => self.blob.len().checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = target.ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "seek before the start of the data",
            )
        })?;
        Ok(self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_read_their_own_range() {
        let blob = Blob::from_vec(b"0123456789".to_vec());
        let w = blob.window(2, 5).unwrap();
        let mut s = String::new();
        w.reader().read_to_string(&mut s).unwrap();
        assert_eq!(s, "23456");
        let mut r = w.reader();
        r.seek(SeekFrom::End(-2)).unwrap();
        s.clear();
        r.read_to_string(&mut s).unwrap();
        assert_eq!(s, "56");
        assert!(blob.window(8, 5).is_err());
    }

    #[test]
    fn file_readers_do_not_share_a_cursor() {
        let mut f = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut f, b"abcdef").unwrap();
        let blob = Blob::from_file(f).unwrap();
        let (mut a, mut b) = (blob.reader(), BlobReader::at(&blob, 3));
        let mut x = [0u8; 2];
        a.read_exact(&mut x).unwrap();
        assert_eq!(&x, b"ab");
        b.read_exact(&mut x).unwrap();
        assert_eq!(&x, b"de");
        a.read_exact(&mut x).unwrap();
        assert_eq!(&x, b"cd");
    }
}
