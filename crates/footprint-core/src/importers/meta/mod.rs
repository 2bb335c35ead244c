//! Meta (Facebook + Instagram) shared core (placeholder: being written).
pub mod facebook;
pub mod instagram;
