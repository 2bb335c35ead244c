//! Footprint's engine: read data-download archives without unpacking them, index everything
//! in a local SQLite database, and answer "which companies hold what data about me, and how
//! do I know?". No GUI dependency: the CLI and the desktop app are thin adapters over this.

pub mod archive;
pub mod importer;
pub mod importers;
pub mod indexing;
pub mod json_stream;
pub mod model;
pub mod money;
pub mod paths;
pub mod plan;
pub mod exports;
pub mod formats;
pub mod registry;
pub mod testing;
pub mod text;
pub mod time;
pub mod urls;
pub mod holders;
pub mod query;
pub mod prefix_terms;
mod text_walk;
pub mod requests;
pub mod runner;
pub mod os_keyring;
pub mod store;
mod summaries;
