//! The full import of one export held in memory: the input's entries (names and bytes,
//! `footprint_fixtures::fuzz_seeds`) are packed into a zip and imported into an in-memory
//! database by the runner, as `footprint import` does: detection, plan, every platform's
//! parsers, blind indexing, the writer.
#![no_main]

use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::Store;
use footprint_core::testing::TEST_CLOCK_MS;
use footprint_fuzz::{fuzz_limits, scratch_file, split_entries, zip_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let entries = split_entries(data);
    let Some(zip) = zip_of(&entries) else {
        return;
    };
    let path = scratch_file("export.zip", &zip);
    let mut store = Store::open_in_memory().expect("in-memory database");
    let opts = ImportOptions {
        limits: fuzz_limits(),
        now_ms: Some(TEST_CLOCK_MS),
        ..Default::default()
    };
    let _ = import_export(&mut store, &[path], &opts);
});
