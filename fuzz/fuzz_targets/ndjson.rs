//! Newline-delimited JSON: the bounded line reader with each line parsed, and the blind
//! NDJSON indexer.
#![no_main]

use footprint_core::formats::ndjson;
use footprint_core::indexing::{index_file, reader};
use footprint_fuzz::with_cx;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    with_cx("fuzz.json", |cx| {
        let _ = ndjson::for_each_line(&mut &data[..], cx, |_, raw, _| {
            let _ = serde_json::from_slice::<serde_json::Value>(raw);
            Ok(())
        });
    });
    with_cx("fuzz.json", |cx| {
        let _ = index_file(reader::NDJSON, &mut &data[..], cx);
    });
});
