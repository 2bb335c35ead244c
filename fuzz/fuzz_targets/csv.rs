//! CSV: the table reader row by row (cells, multi-values, JSON of a row), the header sniffer,
//! and the blind CSV indexer.
#![no_main]

use footprint_core::formats::csv_table::{header_of, CsvTable};
use footprint_core::formats::sniff;
use footprint_core::indexing::{index_file, reader};
use footprint_fuzz::with_cx;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = header_of(data);
    let _ = sniff::csv_header(data);
    with_cx("fuzz.csv", |cx| {
        let Ok(mut table) = CsvTable::new(data) else {
            return;
        };
        let first = table.header().first().cloned().unwrap_or_default();
        while let Some(row) = table.next_row(cx) {
            let _ = row.multi(&first);
            let _ = row.pairs();
            let _ = row.to_json();
        }
    });
    with_cx("fuzz.csv", |cx| {
        let _ = index_file(reader::CSV, &mut &data[..], cx);
    });
});
