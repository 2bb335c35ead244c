//! Footprint desktop shell (placeholder until the desktop issue lands).
pub fn run() {}
