//! Entry point of the Footprint desktop app; everything lives in the library (testable).

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    footprint_app::run();
}
