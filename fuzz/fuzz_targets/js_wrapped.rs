//! JSON behind a JavaScript assignment (`window.YTD.tweets.part0 = [...]`): the global's
//! name, the unwrapping reader streamed into the scanner, and the blind indexer.
#![no_main]

use footprint_core::formats::js_wrapped;
use footprint_core::indexing::{index_file, reader};
use footprint_core::json_stream::stream_json;
use footprint_fuzz::with_cx;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(global) = js_wrapped::global_name(data) {
        let _ = js_wrapped::data_type(global);
    }
    if let Ok(mut inner) = js_wrapped::unwrap(data) {
        let _ = stream_json(&mut inner, &["*"], &mut |_| Ok(()));
    }
    with_cx("fuzz.js", |cx| {
        let _ = index_file(reader::JS_WRAPPED, &mut &data[..], cx);
    });
});
