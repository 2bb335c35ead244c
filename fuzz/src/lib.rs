//! What the fuzz targets share: a scratch file for readers that open paths, tight limits so
//! that one input cannot take seconds, the in-memory import context, and the zip the `import`
//! target packs its entries into (the input format is `footprint_fixtures::fuzz_seeds`').
//!
//! Every target only asks that the reader returns: an `Err` or a warning is a correct answer
//! to hostile bytes, a panic, a hang or an allocation past libFuzzer's `-rss_limit_mb` is a
//! bug (docs/FUZZING.md).

use footprint_core::archive::Limits;
use footprint_core::importer::ImportCx;
use footprint_core::testing::{MemorySink, TEST_CLOCK_MS};
use std::io::{Read, Write};
use std::path::PathBuf;

pub use footprint_fixtures::fuzz_seeds::split_entries;

/// Limits of the fuzzed archive views: the real ones scaled down, so that a small input
/// cannot inflate to gigabytes within the (legitimate) ratio limit and time out the run.
pub fn fuzz_limits() -> Limits {
    Limits {
        max_entries: 10_000,
        max_total_bytes: 64 << 20,
        max_nested_bytes: 8 << 20,
        max_nested_memory: 16 << 20,
        ..Limits::default()
    }
}

/// A file of this process (libFuzzer forks workers with `-jobs`; each has its own), written
/// anew for every input: the archive readers open paths, as the app does.
pub fn scratch_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("footprint-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir is writable");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("scratch file is writable");
    path
}

/// Run `f` with an import context over an in-memory sink, as parser unit tests do.
pub fn with_cx(file: &str, f: impl FnOnce(&mut ImportCx<'_>)) -> MemorySink {
    let mut sink = MemorySink::default();
    {
        let mut cx = ImportCx::new(file, &mut sink).clock(TEST_CLOCK_MS);
        f(&mut cx);
        cx.finish();
    }
    sink
}

/// Read a stream to its end (or its first error) without keeping it.
pub fn drain(r: &mut dyn Read) {
    let _ = std::io::copy(r, &mut std::io::sink());
}

/// A deflated zip of the entries; `None` when the zip writer itself refuses a name (the
/// writer is not under test).
pub fn zip_of(entries: &[(String, &[u8])]) -> Option<Vec<u8>> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        z.start_file(name.as_str(), opts).ok()?;
        z.write_all(bytes).ok()?;
    }
    Some(z.finish().ok()?.into_inner())
}
