//! Apple's privacy export (privacy.apple.com): several zips, one per service, with Apple
//! Music's activity as a zip NESTED in `Apple_Media_Services.zip` (2024 generation) or as a
//! plain folder (2020 generation, whose Store file is `Purchase History.csv` with amounts
//! written `$1.99` and no currency column). Invented data only: the owner is
//! [`Persona::for_seed`], third parties come from [`names::company`].

use crate::archive_writer::{ArchiveWriter, Container, Damage};
use crate::csv_files::CsvText;
use crate::{names, Persona, Rng};
use std::collections::BTreeMap;
use std::io::{self, Cursor, Write};
use std::path::{Path, PathBuf};

/// Which generation of the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppleGen {
    /// `Purchase History.csv`, amounts with `$`, Apple Music activity as a folder.
    Y2020,
    /// `Store Transaction History.csv` with a `Currency` column, `Apple Music Activity.zip`
    /// nested in `Apple_Media_Services.zip`.
    Y2024,
}

/// How the zips arrive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppleLayout {
    /// The zips, given together.
    Zips,
    /// The folder holding them.
    Folder,
}

#[derive(Debug, Clone)]
pub struct AppleSpec {
    pub seed: u64,
    pub generation: AppleGen,
    pub layout: AppleLayout,
    pub purchases: usize,
    pub installs: usize,
    pub subscriptions: usize,
    pub wallet: usize,
    pub plays: usize,
    pub days: usize,
    pub library: usize,
    pub games: usize,
    pub friends: usize,
    pub devices: usize,
    pub sign_ons: usize,
    pub bom: bool,
    pub macos_junk: bool,
    /// The Store file under a German name (known by its header).
    pub localized_names: bool,
    /// 0-byte marketing file, cut-off play activity, a broken sign-on row, `friends: null`,
    /// a date that is no date.
    pub damaged: bool,
    /// Damage `Apple Music Activity.zip` (2024: the zip nested in `Apple_Media_Services.zip`)
    /// as a download cut short or a bad disk would: the rest of the export must still import.
    pub damaged_music_zip: Option<Damage>,
    /// Write `Game Center Data.json` (in `Game_Center.zip`) with a CRC that does not match.
    pub wrong_crc_game_center: bool,
}

impl Default for AppleSpec {
    fn default() -> Self {
        AppleSpec {
            seed: 7,
            generation: AppleGen::Y2024,
            layout: AppleLayout::Zips,
            purchases: 40,
            installs: 25,
            subscriptions: 6,
            wallet: 30,
            plays: 300,
            days: 60,
            library: 50,
            games: 5,
            friends: 8,
            devices: 4,
            sign_ons: 20,
            bom: true,
            macos_junk: false,
            localized_names: false,
            damaged: false,
            damaged_music_zip: None,
            wrong_crc_game_center: false,
        }
    }
}

/// Store item `i` is an app (sold by its developer) every third row; else a song or book.
pub fn store_is_app(i: usize) -> bool {
    i.is_multiple_of(3)
}
pub fn app_developer(i: usize) -> String {
    names::company(40 + i % 12)
}
pub fn store_price_minor(i: usize) -> i64 {
    99 + (i as i64 * 100) % 1000
}
pub fn subscription_developer(i: usize) -> String {
    names::company(13 + i % 4)
}
pub fn subscription_price_minor(i: usize) -> i64 {
    499 + i as i64 * 100
}
pub fn merchant(i: usize) -> String {
    names::company(17 + i % 10)
}
pub fn wallet_minor(i: usize) -> i64 {
    1050 + i as i64 * 37
}
pub fn game_developer(i: usize) -> String {
    names::company(45 + i % 3)
}

/// The total per currency the export's money files hold (what the importer must sum).
pub fn expected_totals(spec: &AppleSpec) -> BTreeMap<String, i64> {
    let mut t = BTreeMap::new();
    *t.entry("USD".to_string()).or_insert(0) +=
        (0..spec.purchases).map(store_price_minor).sum::<i64>();
    *t.entry("EUR".to_string()).or_insert(0) += (0..spec.subscriptions)
        .map(subscription_price_minor)
        .sum::<i64>();
    *t.entry("USD".to_string()).or_insert(0) += (0..spec.wallet).map(wallet_minor).sum::<i64>();
    t
}

fn money(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

fn day(i: usize) -> (i64, u32, u32) {
    (
        2021 + (i / 300) as i64 % 3,
        1 + (i / 28 % 12) as u32,
        1 + (i % 28) as u32,
    )
}

fn iso(i: usize, hour: usize) -> String {
    let (y, m, d) = day(i);
    format!("{y}-{m:02}-{d:02}T{:02}:{:02}:00Z", hour % 24, i % 60)
}

struct Zip {
    name: String,
    files: Vec<(String, Vec<u8>)>,
}

fn inner_zip(files: &[(String, Vec<u8>)]) -> io::Result<Vec<u8>> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stamp = zip::DateTime::from_date_and_time(2024, 3, 2, 10, 0, 0).unwrap_or_default();
    let opts = zip::write::SimpleFileOptions::default().last_modified_time(stamp);
    for (name, bytes) in files {
        z.start_file(name.as_str(), opts)
            .map_err(io::Error::other)?;
        z.write_all(bytes)?;
    }
    Ok(z.finish().map_err(io::Error::other)?.into_inner())
}

fn account_zip(spec: &AppleSpec, me: &Persona, rng: &mut Rng) -> Zip {
    let dir = "Apple ID account and device information";
    let mut acc = CsvText::new(
        &[
            "Apple ID",
            "First Name",
            "Last Name",
            "Primary Phone Number",
            "Date of Birth",
            "Country",
        ],
        spec.bom,
    );
    acc.row(&[
        me.email.as_str(),
        &me.first,
        &me.last,
        &me.phone,
        &me.birth_date(),
        "USA",
    ]);
    let mut dev = CsvText::new(
        &[
            "Device Name",
            "Device Model",
            "Device Serial Number",
            "Device Added Date",
        ],
        spec.bom,
    );
    for i in 0..spec.devices {
        dev.row(&[
            format!("{}'s iPhone {i}", me.first),
            format!("iPhone1{i},2"),
            format!("SN{:08}", rng.below(99_999_999)),
            iso(i * 40, 9),
        ]);
    }
    let mut sign = CsvText::new(&["Sign-On Date", "IP Address", "Application"], spec.bom);
    for i in 0..spec.sign_ons {
        sign.row(&[
            iso(i * 7, 8 + i),
            format!("192.0.2.{}", i % 250),
            "iCloud.com".to_string(),
        ]);
    }
    let sign = if spec.damaged {
        sign.into_bytes_with(b"2023-01-01T00:00:00Z,\"198.51.100.1,iCloud\n")
    } else {
        sign.into_bytes()
    };
    Zip {
        name: "Apple_ID_account_and_device_information.zip".into(),
        files: vec![
            (
                format!("{dir}/Apple ID Account Information.csv"),
                acc.into_bytes(),
            ),
            (
                format!("{dir}/Apple ID Device Information.csv"),
                dev.into_bytes(),
            ),
            (format!("{dir}/Apple ID SignOn Information.csv"), sign),
        ],
    }
}

fn store_file(spec: &AppleSpec) -> (String, Vec<u8>) {
    let base = "Apple Media Services information/Stores Activity/Other Customer Activity";
    match spec.generation {
        AppleGen::Y2024 => {
            let mut t = CsvText::new(
                &[
                    "Item Reference Number",
                    "Item Description",
                    "Content Type",
                    "Seller",
                    "Invoice Date",
                    "Item Price",
                    "Currency",
                ],
                spec.bom,
            );
            for i in 0..spec.purchases {
                let (kind, seller, what) = if store_is_app(i) {
                    ("iOS App", app_developer(i), format!("App {i}"))
                } else {
                    ("Song", "Apple".to_string(), format!("Song {i}"))
                };
                let (y, m, d) = day(i * 5);
                let date = if spec.damaged && i == 1 {
                    "2023-13-45".to_string()
                } else {
                    format!("{y}-{m:02}-{d:02}")
                };
                t.row(&[
                    format!("R{i:06}"),
                    what,
                    kind.into(),
                    seller,
                    date,
                    money(store_price_minor(i)),
                    "USD".into(),
                ]);
            }
            let name = if spec.localized_names {
                "Kaufverlauf.csv"
            } else {
                "Store Transaction History.csv"
            };
            (format!("{base}/{name}"), t.into_bytes())
        }
        AppleGen::Y2020 => {
            let mut t = CsvText::new(
                &[
                    "Item Purchased Date",
                    "Item Description",
                    "Content Type",
                    "Seller",
                    "Item Price",
                ],
                spec.bom,
            );
            for i in 0..spec.purchases {
                let (kind, seller) = if store_is_app(i) {
                    ("iOS App", app_developer(i))
                } else {
                    ("Book", "Apple".to_string())
                };
                t.row(&[
                    iso(i * 5, 12),
                    format!("Item {i}"),
                    kind.into(),
                    seller,
                    format!("${}", money(store_price_minor(i))),
                ]);
            }
            (format!("{base}/Purchase History.csv"), t.into_bytes())
        }
    }
}

fn media_zip(spec: &AppleSpec) -> io::Result<Zip> {
    let mut files = vec![store_file(spec)];
    let mut inst = CsvText::new(
        &["App Name", "Developer", "Device Model", "Install Date"],
        spec.bom,
    );
    for i in 0..spec.installs {
        inst.row(&[
            format!("App {i}"),
            app_developer(i),
            "iPhone14,2".into(),
            iso(i * 3, 14),
        ]);
    }
    files.push((
        "Apple Media Services information/Stores Activity/App Store/App Store - App Installs.csv"
            .into(),
        inst.into_bytes(),
    ));
    let mut subs = CsvText::new(
        &[
            "Subscription ID",
            "Subscription Name",
            "Developer",
            "Subscription Start Date",
            "Subscription Price",
            "Currency",
        ],
        spec.bom,
    );
    for i in 0..spec.subscriptions {
        // Euro amounts with a decimal comma, the currency column left empty: the symbol tells.
        subs.row(&[
            format!("S{i}"),
            format!("Premium {i}"),
            subscription_developer(i),
            iso(i * 30, 10),
            format!(
                "{},{:02} €",
                subscription_price_minor(i) / 100,
                subscription_price_minor(i) % 100
            ),
            String::new(),
        ]);
    }
    files.push((
        "Apple Media Services information/Subscriptions/Subscriptions.csv".into(),
        subs.into_bytes(),
    ));
    let mut plays = CsvText::new(
        &[
            "Song Name",
            "Artist Name",
            "Album Name",
            "Event Type",
            "Event Start Timestamp",
            "Event End Timestamp",
            "Play Duration Milliseconds",
        ],
        spec.bom,
    );
    for i in 0..spec.plays {
        plays.row(&[
            format!("Track {}", i % 70),
            format!("Band {}", i % 9),
            format!("Album {}", i % 12),
            "PLAY_END".into(),
            iso(i, 7 + i % 10),
            iso(i, 8 + i % 10),
            "180000".into(),
        ]);
    }
    let plays = if spec.damaged {
        plays.into_bytes_with(b"Cut Track,Band 1,Album 1,PLAY_END,2023-02-02T10:00:00Z")
    } else {
        plays.into_bytes()
    };
    let mut daily = CsvText::new(
        &[
            "Country",
            "Track Identifier",
            "Track Description",
            "Date Played",
            "Hours",
            "Play Duration Milliseconds",
        ],
        spec.bom,
    );
    for i in 0..spec.days {
        let (y, m, d) = day(i);
        daily.row(&[
            "US".into(),
            format!("{}", 1000 + i),
            format!("Band {} - Track {}", i % 9, i % 70),
            format!("{y}{m:02}{d:02}"),
            "8".into(),
            "360000".into(),
        ]);
    }
    let library: Vec<serde_json::Value> = (0..spec.library)
        .map(|i| serde_json::json!({"Title": format!("Track {i}"), "Artist": format!("Band {}", i % 9), "Album": format!("Album {}", i % 12), "Track Identifier": 5000 + i, "Date Added To Library": iso(i * 2, 20)}))
        .collect();
    let music = vec![
        ("Apple Music Play Activity.csv".to_string(), plays),
        (
            "Apple Music - Play History Daily Tracks.csv".to_string(),
            daily.into_bytes(),
        ),
        (
            "Apple Music - Library Tracks.json".to_string(),
            serde_json::to_vec(&library).map_err(io::Error::other)?,
        ),
    ];
    match spec.generation {
        AppleGen::Y2024 => files.push((
            "Apple Media Services information/Apple Music Activity.zip".into(),
            inner_zip(&music)?,
        )),
        AppleGen::Y2020 => files.extend(music.into_iter().map(|(n, b)| {
            (
                format!("Apple Media Services information/Apple Music Activity/{n}"),
                b,
            )
        })),
    }
    Ok(Zip {
        name: "Apple_Media_Services.zip".into(),
        files,
    })
}

fn other_zips(spec: &AppleSpec, me: &Persona) -> io::Result<Vec<Zip>> {
    let games: Vec<serde_json::Value> = (0..spec.games)
        .map(|i| serde_json::json!({"game_name": format!("Game {i}"), "developer": game_developer(i), "last_played": iso(i * 11, 19)}))
        .collect();
    let friends = if spec.damaged {
        serde_json::Value::Null
    } else {
        (0..spec.friends).map(|i| serde_json::json!({"player_name": format!("player{i}"), "friend_since": iso(i * 13, 18)})).collect()
    };
    let gc = serde_json::json!({"games": games, "friends": friends});
    let mut wallet = CsvText::new(
        &[
            "Transaction ID",
            "Transaction Date",
            "Merchant",
            "Amount",
            "Currency",
        ],
        spec.bom,
    );
    for i in 0..spec.wallet {
        wallet.row(&[
            format!("T{i:05}"),
            iso(i * 4, 13),
            merchant(i),
            money(wallet_minor(i)),
            "USD".into(),
        ]);
    }
    let marketing = if spec.damaged {
        Vec::new()
    } else {
        let mut t = CsvText::new(&["Campaign Name", "Sent Date", "Email Address"], spec.bom);
        for i in 0..5 {
            t.row(&[
                format!("New this season {i}"),
                iso(i * 20, 9),
                me.email.clone(),
            ]);
        }
        t.into_bytes()
    };
    let mut care = CsvText::new(&["Case Number", "Product", "Case Created Date"], spec.bom);
    care.row(&["100200300", "iPhone 14", &iso(77, 11)]);
    let vcf = format!(
        "BEGIN:VCARD\nVERSION:3.0\nFN:{}\nEND:VCARD\n",
        names::FIRST[3]
    );
    Ok(vec![
        Zip {
            name: "Game_Center.zip".into(),
            files: vec![(
                "Game Center/Game Center Data.json".into(),
                serde_json::to_vec_pretty(&gc).map_err(io::Error::other)?,
            )],
        },
        Zip {
            name: "Wallet_Activity.zip".into(),
            files: vec![(
                "Wallet Activity/Apple Pay Transactions.csv".into(),
                wallet.into_bytes(),
            )],
        },
        Zip {
            name: "Marketing_communications.zip".into(),
            files: vec![(
                "Marketing communications/Marketing Communications.csv".into(),
                marketing,
            )],
        },
        Zip {
            name: "AppleCare.zip".into(),
            files: vec![("AppleCare/AppleCare Cases.csv".into(), care.into_bytes())],
        },
        Zip {
            name: "iCloud_Contacts.zip".into(),
            files: vec![("iCloud Contacts/Contacts.vcf".into(), vcf.into_bytes())],
        },
    ])
}

/// How the spec wants the file `name` damaged, if at all.
fn damage_of(spec: &AppleSpec, name: &str) -> Option<Damage> {
    if name.ends_with("/Apple Music Activity.zip") {
        return spec.damaged_music_zip;
    }
    (spec.wrong_crc_game_center && name.ends_with("Game Center Data.json")).then_some(Damage::WrongCrc)
}

/// Write the export into the folder `out`: the zips (returned) or the folder (returned).
pub fn generate(spec: &AppleSpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(out)?;
    let me = Persona::for_seed(spec.seed);
    let mut rng = Rng::new(spec.seed);
    let mut zips = vec![account_zip(spec, &me, &mut rng), media_zip(spec)?];
    zips.extend(other_zips(spec, &me)?);
    let mut written = Vec::new();
    for z in &zips {
        let mut w =
            ArchiveWriter::new(&out.join(&z.name), Container::Zip)?.macos_junk(spec.macos_junk);
        for (name, bytes) in &z.files {
            match damage_of(spec, name) {
                Some(d) => w.add_damaged(name, bytes, d)?,
                None => w.add(name, bytes)?,
            }
        }
        written.extend(w.finish()?);
    }
    Ok(match spec.layout {
        AppleLayout::Zips => written,
        AppleLayout::Folder => vec![out.to_path_buf()],
    })
}

/// The demo export: the 2024 zips in one folder named like `out` without `.zip`; `records`
/// scales the music plays.
pub fn demo(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    let spec = AppleSpec {
        seed,
        layout: AppleLayout::Folder,
        plays: records.unwrap_or(300),
        ..Default::default()
    };
    generate(&spec, &out.with_extension(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let a = generate(&AppleSpec::default(), &dir.path().join("a")).unwrap();
        let b = generate(&AppleSpec::default(), &dir.path().join("b")).unwrap();
        assert_eq!(a.len(), 7);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(
                std::fs::read(x).unwrap(),
                std::fs::read(y).unwrap(),
                "{x:?}"
            );
        }
    }
}
