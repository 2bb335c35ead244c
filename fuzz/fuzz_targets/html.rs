//! HTML exports: the event stream, the block cutter (every `div` a block, as the My Activity
//! and Meta pages are cut), the page title and the head sniffers.
#![no_main]

use footprint_core::formats::html;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = html::looks_like_html(data);
    let _ = html::page_title(data);
    let _ = html::head_has(data, |t| t.has_class("mdl-grid"));
    for event in html::Events::new(data) {
        if event.is_err() {
            break;
        }
    }
    let _ = html::blocks(data, |t| t.name == "div", |block| {
        let _ = block.links().count();
        let _ = block.cell(1).count();
        Ok(())
    });
    let _ = html::blocks_within(data, |_, parent| parent.is_some_and(|p| p.attr("role") == Some("main")), |_| Ok(()));
});
