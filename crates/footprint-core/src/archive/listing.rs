//! The listing being built by `ArchiveView::open`: entries found so far, where each one lives,
//! and the running totals the [`Limits`] are checked against as each entry is added, so a
//! hostile archive stops at the first entry that crosses a limit.

use super::{ArchiveError, Entry, Limits, Location};
use std::path::Path;

pub(crate) struct Listing<'l> {
    pub(crate) limits: &'l Limits,
    pub(crate) entries: Vec<Entry>,
    pub(crate) locations: Vec<Location>,
    /// Raw entries seen (files, directories, junk), across all containers.
    raw_count: usize,
    total_bytes: u64,
    /// Bytes of nested archives held in memory.
    nested_memory: u64,
    pub(crate) junk: usize,
    /// Entries that are damaged parts (a nested zip that cannot be opened), with what is wrong:
    /// listed as plain files so the report names them, and the rest of the export imports.
    pub(crate) damaged: Vec<(usize, String)>,
}

impl<'l> Listing<'l> {
    pub(crate) fn new(limits: &'l Limits) -> Self {
        Listing {
            limits,
            entries: Vec::new(),
            locations: Vec::new(),
            raw_count: 0,
            total_bytes: 0,
            nested_memory: 0,
            junk: 0,
            damaged: Vec::new(),
        }
    }

    /// Count raw entries (a zip's whole directory at once, folder and tar entries one by one).
    pub(crate) fn count_raw(&mut self, archive: &Path, n: usize) -> Result<(), ArchiveError> {
        self.raw_count = self.raw_count.saturating_add(n);
        if self.raw_count > self.limits.max_entries {
            return Err(self.too_many(archive, None));
        }
        Ok(())
    }

    /// Refuse a zip whose end record declares more entries than the limit leaves, before its
    /// directory is parsed (the entries are counted by [`Listing::count_raw`] once listed).
    pub(crate) fn refuse_declared_count(&self, archive: &Path, declared: u64) -> Result<(), ArchiveError> {
        let allowed = self.limits.max_entries.saturating_sub(self.raw_count) as u64;
        if declared > allowed {
            return Err(self.too_many(archive, Some(declared)));
        }
        Ok(())
    }

    fn too_many(&self, archive: &Path, declared: Option<u64>) -> ArchiveError {
        let declared = declared
            .map(|n| format!("its table of contents declares {n} entries; "))
            .unwrap_or_default();
        ArchiveError::LimitExceeded {
            path: archive.to_path_buf(),
            message: format!(
                "{declared}more than {} entries (an export this large is not plausible; the archive may be built to exhaust memory)",
                self.limits.max_entries
            ),
        }
    }

    /// Account for an entry's declared size and compression ratio. Also used for nested
    /// archives before they are opened.
    pub(crate) fn check_entry(
        &mut self,
        archive: &Path,
        path: &str,
        size: u64,
        compressed: u64,
    ) -> Result<(), ArchiveError> {
        let limits = self.limits;
        if size > limits.ratio_min_bytes {
            let ratio = size / compressed.max(1);
            if ratio > limits.max_ratio {
                return Err(ArchiveError::LimitExceeded {
                    path: archive.to_path_buf(),
                    message: format!(
                        "entry `{path}` inflates {compressed} bytes to {size} (ratio {ratio}:1, limit {}:1): looks like a zip bomb",
                        limits.max_ratio
                    ),
                });
            }
        }
        self.total_bytes = self.total_bytes.saturating_add(size);
        if self.total_bytes > limits.max_total_bytes {
            return Err(ArchiveError::LimitExceeded {
                path: archive.to_path_buf(),
                message: format!(
                    "declared content exceeds {} bytes in total (reached at entry `{path}`)",
                    limits.max_total_bytes
                ),
            });
        }
        Ok(())
    }

    /// Reserve memory for a nested archive that must be inflated to be opened.
    pub(crate) fn reserve_nested(
        &mut self,
        archive: &Path,
        path: &str,
        size: u64,
    ) -> Result<(), ArchiveError> {
        let limits = self.limits;
        if size > limits.max_nested_bytes {
            return Err(ArchiveError::LimitExceeded {
                path: archive.to_path_buf(),
                message: format!(
                    "nested archive `{path}` is {size} bytes; compressed nested archives are opened in memory up to {} bytes",
                    limits.max_nested_bytes
                ),
            });
        }
        self.nested_memory = self.nested_memory.saturating_add(size);
        if self.nested_memory > limits.max_nested_memory {
            return Err(ArchiveError::LimitExceeded {
                path: archive.to_path_buf(),
                message: format!(
                    "nested archives would take more than {} bytes of memory (reached at `{path}`)",
                    limits.max_nested_memory
                ),
            });
        }
        Ok(())
    }

    pub(crate) fn push(&mut self, entry: Entry, location: Location) {
        self.entries.push(entry);
        self.locations.push(location);
    }

    /// Mark the entry pushed last as a damaged part.
    pub(crate) fn mark_last_damaged(&mut self, what: String) {
        if let Some(last) = self.entries.len().checked_sub(1) {
            self.damaged.push((last, what));
        }
    }

    /// Entries listed so far (a mark for [`Listing::roll_back`]).
    pub(crate) fn mark(&self) -> usize {
        self.entries.len()
    }

    /// Forget the entries listed after `mark` (a nested zip that turned out damaged halfway
    /// through its directory). Counts and reserved memory stay: the limits stay conservative.
    pub(crate) fn roll_back(&mut self, mark: usize) {
        self.entries.truncate(mark);
        self.locations.truncate(mark);
        self.damaged.retain(|(i, _)| *i < mark);
    }
}
