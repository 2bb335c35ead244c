//! Synthetic Uber "Download your data" archives: one zip (or folder) with an `Uber Data/`
//! folder of CSV files: `Rider/trips_data.csv`, `Eats/eats_order_details.csv`, `Account and
//! Profile/profile_data.csv`, `devices.csv`, `rider_app_analytics.csv`,
//! `Payments/payment_methods.csv` and, for drivers, `Driver/driver_lifetime_trips.csv` and
//! `driver_payments.csv`. Times are `2018-04-05 05:52:02 +0000 UTC`; a canceled trip has
//! `1970-01-01 00:00:00 +0000 UTC` begin and drop-off times, `0,0` coordinates and a 0 fare.
//!
//! Two generations: `Classic` (Title Case columns, `trips_data.csv`) and `Numbered`
//! (numbered parts `trips_data-0.csv`, `rider_app_analytics-0.csv`, snake_case trip columns).
//! Messy options: a BOM, a localized trips file name, a 0-byte file, a cut-off file and a
//! row with broken UTF-8.
//!
//! The owner is [`Persona::for_seed`]; restaurants are invented shops ([`restaurant`]).

use crate::archive_writer::{ArchiveWriter, Container};
use crate::csv_files::{between, CsvText};
use crate::names;
use crate::persona::Persona;
use crate::Rng;
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// Which archive generation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UbGen {
    Classic,
    Numbered,
}

/// What a generated Uber archive holds.
#[derive(Debug, Clone)]
pub struct UberSpec {
    pub seed: u64,
    pub generation: UbGen,
    pub trips: usize,
    /// Eats orders (each of one to three item rows).
    pub orders: usize,
    pub events: usize,
    /// Add the `Driver/` files.
    pub driver: bool,
    pub bom: bool,
    /// `trips_data.csv` as `fahrten.csv`: known only by its header.
    pub localized_names: bool,
    /// A 0-byte `payment_methods.csv`, a cut-off trips file, a broken-UTF-8 row in the Eats
    /// file.
    pub damaged: bool,
    pub macos_junk: bool,
    pub container: Container,
}

impl Default for UberSpec {
    fn default() -> Self {
        UberSpec {
            seed: 1,
            generation: UbGen::Classic,
            trips: 14,
            orders: 5,
            events: 40,
            driver: false,
            bom: false,
            localized_names: false,
            damaged: false,
            macos_junk: false,
            container: Container::Zip,
        }
    }
}

/// The restaurant of the k-th Eats order (invented shops, two orders each).
pub fn restaurant(k: usize) -> String {
    names::company(names::COMPANIES.len() + k / 2)
}

/// The k-th trip is canceled (no begin, no drop-off, 0 fare).
pub fn canceled(k: usize) -> bool {
    k % 7 == 6
}

fn fare_cents(k: usize) -> i64 {
    if canceled(k) {
        0
    } else {
        850 + 137 * (k as i64 % 9)
    }
}

fn order_cents(k: usize) -> i64 {
    1290 + 310 * (k as i64 % 4)
}

fn driver_fare_cents(k: usize) -> i64 {
    1100 + 90 * k as i64
}

const DRIVER_TRIPS: usize = 4;
const DRIVER_PAYMENTS: usize = 3;

fn payout_cents(k: usize) -> i64 {
    4200 + 500 * k as i64
}

/// What the archive's spending adds up to per currency, in minor units: rider fares and Eats
/// orders paid. A driver's fares and payouts are income, not spending, and are not counted.
pub fn expected_spending(spec: &UberSpec) -> BTreeMap<String, i64> {
    let total: i64 = (0..spec.trips).map(fare_cents).sum::<i64>()
        + (0..spec.orders).map(order_cents).sum::<i64>();
    BTreeMap::from([("EUR".to_string(), total)])
}

/// Non-empty data files the importer must parse.
pub fn data_files(spec: &UberSpec) -> usize {
    6 + if spec.driver { 2 } else { 0 } - usize::from(spec.damaged)
}

fn money(c: i64) -> String {
    format!("{}.{:02}", c / 100, c % 100)
}

const NEVER: &str = "1970-01-01 00:00:00 +0000 UTC";
const PLACES: &[(&str, f64, f64)] = &[
    ("Place Bellecour, Lyon", 45.7578, 4.8320),
    ("Gare Part-Dieu, Lyon", 45.7606, 4.8596),
    ("Vieux Lyon", 45.7622, 4.8270),
    ("Croix-Rousse, Lyon", 45.7745, 4.8317),
];

struct Gen<'a> {
    spec: &'a UberSpec,
    rng: Rng,
    me: Persona,
    w: ArchiveWriter,
}

impl Gen<'_> {
    fn at(&self, secs: i64) -> String {
        chrono::DateTime::from_timestamp(secs, 0)
            .unwrap_or_default()
            .format("%Y-%m-%d %H:%M:%S +0000 UTC")
            .to_string()
    }

    fn classic(&self) -> bool {
        self.spec.generation == UbGen::Classic
    }

    fn rider(&mut self) -> io::Result<()> {
        let header: &[&str] = if self.classic() {
            &[
                "City",
                "Product Type",
                "Trip or Order Status",
                "Request Time",
                "Begin Trip Time",
                "Begin Trip Lat",
                "Begin Trip Lng",
                "Begin Trip Address",
                "Dropoff Time",
                "Dropoff Lat",
                "Dropoff Lng",
                "Dropoff Address",
                "Distance (miles)",
                "Fare Amount",
                "Fare Currency",
            ]
        } else {
            &[
                "city_name",
                "product_type_name",
                "status",
                "request_timestamp_local",
                "begintrip_timestamp_local",
                "begintrip_lat",
                "begintrip_lng",
                "begintrip_address",
                "dropoff_timestamp_local",
                "dropoff_lat",
                "dropoff_lng",
                "dropoff_address",
                "trip_distance_miles",
                "original_fare_local",
                "currency_code",
            ]
        };
        let mut t = CsvText::new(header, self.spec.bom);
        for k in 0..self.spec.trips {
            // One trip every few days, in order.
            let request = 1_522_900_000 + k as i64 * 259_200 + self.rng.range_i64(0, 3_600);
            let (a, b) = (PLACES[k % PLACES.len()], PLACES[(k + 1) % PLACES.len()]);
            let row: Vec<String> = if canceled(k) {
                vec![
                    "Lyon".into(),
                    "UberX".into(),
                    "CANCELED".into(),
                    self.at(request),
                    NEVER.into(),
                    "0".into(),
                    "0".into(),
                    "".into(),
                    NEVER.into(),
                    "0".into(),
                    "0".into(),
                    "".into(),
                    "0".into(),
                    money(0),
                    "EUR".into(),
                ]
            } else {
                vec![
                    "Lyon".into(),
                    ["UberX", "Comfort", "Green"][k % 3].into(),
                    "COMPLETED".into(),
                    self.at(request),
                    self.at(request + 300),
                    a.1.to_string(),
                    a.2.to_string(),
                    a.0.into(),
                    self.at(request + 1_500),
                    b.1.to_string(),
                    b.2.to_string(),
                    b.0.into(),
                    format!("{:.2}", 1.0 + k as f64 * 0.3),
                    money(fare_cents(k)),
                    "EUR".into(),
                ]
            };
            t.row(&row);
        }
        let mut bytes = t.into_bytes();
        if self.spec.damaged {
            bytes.truncate(bytes.len() - 30);
        }
        let name = match (self.spec.localized_names, self.classic()) {
            (true, _) => "Rider/fahrten.csv",
            (false, true) => "Rider/trips_data.csv",
            (false, false) => "Rider/trips_data-0.csv",
        };
        self.w.add(name, &bytes)
    }

    fn eats(&mut self) -> io::Result<()> {
        let mut t = CsvText::new(
            &[
                "City Name",
                "Order Time",
                "Restaurant ID",
                "Restaurant Name",
                "Order Status",
                "Item Name",
                "Item quantity",
                "Customizations",
                "Special Instructions",
                "Item Price",
                "Order Price",
                "Currency",
            ],
            self.spec.bom,
        );
        for k in 0..self.spec.orders {
            let when = self.at(1_640_000_000 + k as i64 * 604_800);
            let shop = restaurant(k);
            let items = 1 + k % 3;
            for i in 0..items {
                let item = ["Croissant", "Pad thai", "Falafel wrap"][i];
                t.row(&[
                    "Lyon",
                    &when,
                    &format!("r{}", k / 2),
                    &shop,
                    "completed",
                    item,
                    "1",
                    "",
                    "",
                    "4.30",
                    &money(order_cents(k)),
                    "EUR",
                ]);
            }
        }
        let bytes = if self.spec.damaged {
            t.into_bytes_with(b"Lyon,2022-01-01 10:00:00 +0000 UTC,r9,\xff\xfeBad,completed,Tea,1,,,2.00,2.00,EUR\n")
        } else {
            t.into_bytes()
        };
        self.w.add("Eats/eats_order_details.csv", &bytes)
    }

    fn account(&mut self) -> io::Result<()> {
        let me = self.me.clone();
        let mut t = CsvText::new(
            &[
                "First Name",
                "Last Name",
                "Email",
                "Mobile",
                "Rider Rating",
                "Referral Code",
            ],
            self.spec.bom,
        );
        t.row(&[
            me.first.as_str(),
            &me.last,
            &me.email,
            &me.phone,
            "4.92",
            "SAMR1",
        ]);
        self.w
            .add("Account and Profile/profile_data.csv", &t.into_bytes())?;
        let mut t = CsvText::new(
            &[
                "Device ID",
                "Device Model",
                "Device OS",
                "First Seen",
                "Last Seen",
            ],
            self.spec.bom,
        );
        t.row(&[
            "d-0001",
            "iPhone12,1",
            "iOS 17.2",
            "2020-01-10 08:00:00 +0000 UTC",
            "2024-02-28 19:00:00 +0000 UTC",
        ]);
        t.row(&[
            "d-0002",
            "Pixel 7",
            "Android 14",
            "2023-03-01 08:00:00 +0000 UTC",
            "2024-01-02 19:00:00 +0000 UTC",
        ]);
        self.w
            .add("Account and Profile/devices.csv", &t.into_bytes())?;
        let mut t = CsvText::new(
            &[
                "Event Time",
                "Event Name",
                "Device Model",
                "Device OS",
                "App Version",
            ],
            self.spec.bom,
        );
        for k in 0..self.spec.events {
            let when = between(&mut self.rng, 1_577_836_800, 1_709_251_200)
                .format("%Y-%m-%d %H:%M:%S +0000 UTC")
                .to_string();
            t.row(&[
                when.as_str(),
                ["app_open", "request_ride", "view_menu"][k % 3],
                "iPhone12,1",
                "iOS 17.2",
                "3.590.10000",
            ]);
        }
        let name = if self.classic() {
            "Account and Profile/rider_app_analytics.csv"
        } else {
            "Account and Profile/rider_app_analytics-0.csv"
        };
        self.w.add(name, &t.into_bytes())?;
        if self.spec.damaged {
            self.w.add("Payments/payment_methods.csv", b"")
        } else {
            let mut t = CsvText::new(
                &[
                    "Payment Method Type",
                    "Card Number",
                    "Expiration Date",
                    "Added On",
                ],
                self.spec.bom,
            );
            t.row(&["Visa", "************4242", "12/27", "2019-05-01"]);
            t.row(&["PayPal", "", "", "2021-02-11"]);
            self.w.add("Payments/payment_methods.csv", &t.into_bytes())
        }
    }

    fn driver(&mut self) -> io::Result<()> {
        let mut t = CsvText::new(
            &[
                "City",
                "Product Type",
                "Status",
                "Request Time",
                "Begin Trip Time",
                "Begin Trip Lat",
                "Begin Trip Lng",
                "Dropoff Time",
                "Dropoff Lat",
                "Dropoff Lng",
                "Distance (miles)",
                "Base Fare Amount",
                "Currency",
            ],
            self.spec.bom,
        );
        for k in 0..DRIVER_TRIPS {
            let r = 1_690_000_000 + k as i64 * 86_400;
            let (a, b) = (PLACES[(k + 2) % PLACES.len()], PLACES[k % PLACES.len()]);
            t.row(&[
                "Lyon".to_string(),
                "UberX".into(),
                "completed".into(),
                self.at(r),
                self.at(r + 240),
                a.1.to_string(),
                a.2.to_string(),
                self.at(r + 1_200),
                b.1.to_string(),
                b.2.to_string(),
                "2.50".into(),
                money(driver_fare_cents(k)),
                "EUR".into(),
            ]);
        }
        self.w
            .add("Driver/driver_lifetime_trips.csv", &t.into_bytes())?;
        let mut t = CsvText::new(
            &["Payment Time", "Classification", "Local Amount", "Currency"],
            self.spec.bom,
        );
        for k in 0..DRIVER_PAYMENTS {
            t.row(&[
                self.at(1_690_500_000 + k as i64 * 604_800),
                "transfer".into(),
                money(payout_cents(k)),
                "EUR".into(),
            ]);
        }
        self.w.add("Driver/driver_payments.csv", &t.into_bytes())
    }
}

/// Write the archive to `out` (a zip, parts, tgz or folder by `spec.container`).
pub fn generate(spec: &UberSpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    let w = ArchiveWriter::new(out, spec.container)?
        .macos_junk(spec.macos_junk)
        .top_folder("Uber Data");
    let mut g = Gen {
        spec,
        rng: Rng::new(spec.seed ^ 0x0BE7),
        me: Persona::for_seed(spec.seed),
        w,
    };
    g.rider()?;
    g.eats()?;
    g.account()?;
    if spec.driver {
        g.driver()?;
    }
    g.w.finish()
}

/// The demo archive; `records` scales the trips.
pub fn demo(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    let n = records.unwrap_or(60);
    let spec = UberSpec {
        seed,
        trips: n,
        orders: n / 4 + 1,
        events: n * 5,
        ..Default::default()
    };
    generate(&spec, out)
}
