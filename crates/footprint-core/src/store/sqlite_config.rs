//! Process-wide SQLite settings, set once before the first connection opens.

use std::sync::Once;

static CONFIGURED: Once = Once::new();

/// Turns SQLite's memory statistics off. With them on (the default), every allocation SQLite
/// makes takes a process-wide mutex to count its bytes: the import writer took 1,125,706 mutexes
/// for the 120,006 records of a small Takeout, 392,745 with the statistics off (callgrind,
/// docs/PERFORMANCE.md). Footprint reads none
/// of those statistics (`sqlite3_memory_used` and friends) and sets no soft heap limit, which
/// are all they serve. `sqlite3_config` only works before SQLite initializes, which the first
/// connection does: every `Store` constructor calls this first. When something opened a
/// connection earlier, SQLite refuses (SQLITE_MISUSE) and keeps counting, which is only slower.
pub(crate) fn configure_once() {
    CONFIGURED.call_once(|| {
        // SAFETY: called before any connection of this process exists, as sqlite3_config
        // requires; a later call is refused by SQLite itself, not undefined.
        unsafe {
            rusqlite::ffi::sqlite3_config(rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS, 0 as std::os::raw::c_int);
        }
    });
}
