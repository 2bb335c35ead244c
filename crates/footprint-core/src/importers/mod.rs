//! One module per platform. Shared helpers live next to the platforms that share them
//! (`meta/` is the Facebook + Instagram core).

pub mod discord;
pub mod google;
pub mod linkedin;
pub mod meta;
pub mod reddit;
pub mod whatsapp;
pub mod x;
