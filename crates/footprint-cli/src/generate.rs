//! `footprint generate`: write synthetic export archives with the fixture generators (demos,
//! manual testing, research on the importers). Never real data.

use crate::Failure;
use clap::Args;
use std::path::PathBuf;

#[derive(Args)]
pub struct GenerateArgs {
    /// What to write: a platform id or a variant such as `facebook-2018` (see `footprint
    /// generate --list`), or `demo` for the demo set (one invented person's exports, for a
    /// first look at the app).
    #[arg(required_unless_present = "list")]
    kind: Option<String>,
    /// Output zip path (for `demo`: a folder).
    #[arg(long, required_unless_present = "list")]
    out: Option<PathBuf>,
    /// Scale: roughly how many records of the main kind to write.
    #[arg(long)]
    records: Option<usize>,
    /// Seed of the generator (same seed, same archive; one seed, one invented person).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// List the generators.
    #[arg(long)]
    list: bool,
    /// `facebook` only: a later download of the same person's export, made on this day (its
    /// files' time and folder name).
    #[arg(long, value_name = "YYYY-MM-DD")]
    made: Option<chrono::NaiveDate>,
    /// `facebook` only: leave this advertiser out (repeatable), as after it erased the data.
    #[arg(long, value_name = "COMPANY")]
    without: Vec<String>,
}

pub fn run(args: GenerateArgs) -> Result<(), Failure> {
    use footprint_fixtures::demo;
    if args.list {
        println!("{:<12} the demo set (one invented person's exports)", "demo");
        for g in demo::GENERATORS {
            println!("{:<12} {}", g.id, g.about);
        }
        // Older generations and messy variants: `<platform>-<variant>`, not in the demo set.
        for v in demo::VARIANTS {
            println!("{:<12} {}", v.id, v.about);
        }
        return Ok(());
    }
    let (Some(kind), Some(out)) = (args.kind, args.out) else {
        return Err(Failure::usage("give what to generate and --out"));
    };
    let later = args.made.is_some() || !args.without.is_empty();
    let written = if kind == "demo" && !later {
        demo::demo_set(&out, args.seed)?
    } else if later {
        if kind != "facebook" {
            return Err(Failure::usage("--made and --without are for `facebook`"));
        }
        let made = args.made.unwrap_or_else(|| {
            chrono::NaiveDate::from_ymd_opt(2024, 3, 2).expect("a valid date")
        });
        demo::facebook_later(&out, args.seed, args.records, made, args.without)?
    } else {
        let write = demo::generator(&kind)
            .map(|g| g.write)
            .or_else(|| demo::variant(&kind).map(|v| v.write))
            .ok_or_else(|| {
                let known: Vec<&str> = demo::GENERATORS.iter().map(|g| g.id).chain(demo::VARIANTS.iter().map(|v| v.id)).collect();
                Failure::usage(format!("no generator `{kind}`; known: demo, {}", known.join(", ")))
            })?;
        write(&out, args.seed, args.records)?
    };
    for p in written {
        println!("{}", p.display());
    }
    Ok(())
}
