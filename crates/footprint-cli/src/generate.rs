//! `footprint generate`: write synthetic export archives with the fixture generators (demos,
//! manual testing, research on the importers). Never real data.

use crate::Failure;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Clone, Copy, ValueEnum)]
pub enum Kind {
    /// Google Takeout.
    Google,
    /// Facebook (2024+ layout).
    Facebook,
    /// Instagram (2025 layout).
    Instagram,
    /// A small Google Takeout and a small Facebook export, for a first look at the app.
    Demo,
}

#[derive(Args)]
pub struct GenerateArgs {
    kind: Kind,
    /// Output zip path (for `demo`: a folder).
    #[arg(long)]
    out: PathBuf,
    /// Scale: roughly how many records of the main kind to write.
    #[arg(long)]
    records: Option<usize>,
    /// Seed of the generator (same seed, same archive).
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

pub fn run(args: GenerateArgs) -> Result<(), Failure> {
    let written = match args.kind {
        Kind::Google => footprint_fixtures::demo::google(&args.out, args.seed, args.records)?,
        Kind::Facebook => footprint_fixtures::demo::facebook(&args.out, args.seed, args.records)?,
        Kind::Instagram => footprint_fixtures::demo::instagram(&args.out, args.seed, args.records)?,
        Kind::Demo => footprint_fixtures::demo::demo_set(&args.out, args.seed)?,
    };
    for p in written {
        println!("{}", p.display());
    }
    Ok(())
}
