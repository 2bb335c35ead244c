//! The archive reader on raw container bytes (zip, tar, tar.gz, zips nested in either): open
//! the view, then stream every entry through the declared-size and CRC checks.
#![no_main]

use footprint_core::archive::ArchiveView;
use footprint_fuzz::{drain, fuzz_limits, scratch_file};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = scratch_file("export.zip", data);
    let Ok(view) = ArchiveView::open(&[path], &fuzz_limits()) else {
        return;
    };
    let _ = view.fingerprint();
    let _ = view.read_head(0, 512);
    let all: Vec<usize> = (0..view.entries().len()).collect();
    let _ = view.for_each(&all, |_, reader| {
        drain(reader);
        Ok(())
    });
});
