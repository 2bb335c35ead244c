//! Write the fuzz targets' seed corpora: `cargo run -p footprint-fixtures --example fuzz_seeds
//! -- DIR` (scripts/fuzz.sh does, into the gitignored fuzz/corpus/seeds).

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: fuzz_seeds DIR (writes DIR/<target>/<seed>)");
        std::process::exit(2);
    };
    let scratch = tempfile::tempdir()?;
    let counts = footprint_fixtures::fuzz_seeds::write_seeds(&dir, scratch.path())?;
    for (target, n) in counts {
        println!("{target}: {n} seeds");
    }
    Ok(())
}
