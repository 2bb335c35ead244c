//! The JSON readers on one file: the element scanner (`json_stream`) with every element
//! parsed as importers do, the section walker (`json_walk`), the key sniffer and the blind
//! JSON indexer.
#![no_main]

use footprint_core::formats::json_walk::{self, Step};
use footprint_core::formats::sniff;
use footprint_core::indexing::{index_file, reader};
use footprint_core::json_stream::{stream_json, JsonItem};
use footprint_fuzz::with_cx;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = stream_json(&mut &data[..], &["*"], &mut |item| {
        let raw = match item {
            JsonItem::Element { raw, .. } | JsonItem::Field { raw, .. } => raw,
        };
        let _ = serde_json::from_slice::<serde_json::Value>(raw);
        Ok(())
    });
    // Odd depths are taken whole, even ones walked: both paths of the walker run.
    let policy = |path: &[String]| if path.len() % 2 == 1 { Step::Take } else { Step::Descend };
    let _ = json_walk::walk(&mut &data[..], &policy, &mut |node| {
        let _ = node.into_parts();
        Ok(())
    });
    let _ = sniff::json_keys(data);
    with_cx("fuzz.json", |cx| {
        let _ = index_file(reader::JSON, &mut &data[..], cx);
    });
});
