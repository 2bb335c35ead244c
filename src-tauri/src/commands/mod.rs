//! The commands the UI calls. Each is a thin adapter over footprint-core: take the request,
//! call the engine off the UI thread, return its result or a `{ code, message }` error.

pub mod access_answer;
pub mod complaints;
pub mod donation;
pub mod encryption;
pub mod imports;
pub mod queries;
pub mod requests;
pub mod vocabulary;
