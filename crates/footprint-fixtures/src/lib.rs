//! Deterministic generators of synthetic export archives that follow the formats documented in
//! FORMATS.md, at any scale, including the messy parts real exports have (top folders, macOS
//! junk, mojibake, localized names, part-zips). Same seed, same bytes. Never real personal data.

pub mod amazon;
pub mod apple;
pub mod archive_writer;
pub mod csv_files;
pub mod demo;
pub mod discord;
pub mod google;
pub mod fuzz_seeds;
pub mod html_dates;
pub mod linkedin;
pub mod meta;
pub mod meta_html;
pub mod names;
pub mod netflix;
pub mod odd_times;
pub mod persona;
pub mod reddit;
pub mod snapchat;
pub mod spotify;
pub mod tiktok;
pub mod uber;
pub mod whatsapp;
pub mod x;

pub use archive_writer::{ArchiveWriter, Container, Damage};
pub use persona::Persona;

/// A seeded random source (fastrand's wyrand: fixed algorithm, so fixtures are stable).
/// Cloning it replays the same draws (one set of elements written in two formats).
#[derive(Clone)]
pub struct Rng(fastrand::Rng);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(fastrand::Rng::with_seed(seed))
    }
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.0.u64(0..n)
        }
    }
    pub fn range_i64(&mut self, lo: i64, hi: i64) -> i64 {
        self.0.i64(lo..hi)
    }
    pub fn f64(&mut self) -> f64 {
        self.0.f64()
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.0.f64() < p
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}
