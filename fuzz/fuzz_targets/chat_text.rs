//! Chat exports as text (WhatsApp's `_chat.txt`, iOS and Android forms): the reader with its
//! date-order look-ahead, the head sniffer, and attachment recognition of every message.
#![no_main]

use footprint_core::formats::chat_text;
use footprint_fuzz::with_cx;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = chat_text::looks_like_chat(data);
    with_cx("_chat.txt", |cx| {
        let _ = chat_text::read_chat(&mut &data[..], cx, |m, _| {
            let _ = chat_text::attachment_of(&m.text);
            Ok(())
        });
    });
});
