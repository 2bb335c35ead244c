//! One module per platform. Shared helpers live next to the platforms that share them
//! (`meta/` is the Facebook + Instagram core).

pub mod google;
pub mod meta;
pub mod tiktok;
