//! Every date reader on the same text (localized page dates, ISO forms, month-first dates,
//! epoch strings), and the epoch-number readers and display on numbers taken from the bytes.
#![no_main]

use footprint_core::time::{self, localized};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let found = [
        localized::parse(&text),
        time::parse(&text),
        time::parse_month_first(&text),
        time::iso_ms(&text),
        time::ms_str(&text),
    ];
    let mut n = [0u8; 8];
    let len = data.len().min(8);
    n[..len].copy_from_slice(&data[..len]);
    let n = i64::from_le_bytes(n);
    let numbers = [time::epoch_any(n), time::epoch_units(n), time::secs_ms(n), time::ms_units(n), time::usec_ms(n), time::plausible(n)];
    for ms in found.into_iter().chain(numbers).flatten().chain([n]) {
        let _ = time::display(ms);
        let _ = time::display_date(ms);
        let _ = time::whole_second(ms);
        let _ = time::shown(Some(ms));
        let _ = time::event_time(ms, footprint_core::testing::TEST_CLOCK_MS);
    }
    let b = |i: usize| data.get(i).copied().unwrap_or(0) as u32;
    let _ = time::civil_ms(n as i32, b(0), b(1), b(2), b(3), b(4));
});
