//! One module per platform. Shared helpers live next to the platforms that share them
//! (`meta/` is the Facebook + Instagram core); [`rows`] turns plain list elements into
//! records for any platform (TikTok, Snapchat).

pub mod amazon;
pub mod apple;
pub mod discord;
pub mod google;
pub mod linkedin;
pub mod meta;
pub mod netflix;
pub mod reddit;
pub mod rows;
pub mod snapchat;
pub mod spotify;
pub mod tiktok;
pub mod uber;
pub mod whatsapp;
pub mod x;
