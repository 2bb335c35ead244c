//! Uber "Download your data": a zip (or the unpacked `Uber Data/` folder) of CSV files in
//! `Rider/`, `Eats/`, `Account and Profile/`, `Payments/` and, for drivers, `Driver/`.
//!
//! - [`files`]: every known file, by name and by header,
//! - [`trips`]: rider and driver trips (fare as money, both ends on the map), Eats orders
//!   (restaurant as a third party), driver payments,
//! - [`account`]: the profile (identities, account) and payment methods (brand and last
//!   digits only).
//!
//! App analytics files (`rider_app_analytics.csv`, often the largest file) are summarized per
//! event name with the tally reader Netflix's clickstream uses.

pub mod account;
pub mod files;
pub mod trips;

use crate::archive::ArchiveView;
use crate::formats::csv_export::{self, csv_stem};
use crate::importer::{Descriptor, FileRole, ImportCx, Importer, ParseError, Recognition};
use crate::importers::netflix::summary::{import_tally, Tally};
use crate::model::Category;
use std::io::Read;
use trips::Side;

pub struct Uber;

/// Parser tags of the files with their own parsers (the others are named in [`files`]).
pub mod parser {
    pub const RIDER_TRIPS: &str = "uber_rider_trips";
    pub const DRIVER_TRIPS: &str = "uber_driver_trips";
    pub const EATS_ORDERS: &str = "uber_eats_orders";
    pub const DRIVER_PAYMENTS: &str = "uber_driver_payments";
    pub const PROFILE: &str = "uber_profile";
    pub const PAYMENT_METHODS: &str = "uber_payment_methods";
    pub const APP_ANALYTICS: &str = "uber_app_analytics";
}

/// App analytics: one record per event name (count, first and last time, devices).
const APP_ANALYTICS: Tally = Tally {
    kind: "app_event",
    category: Category::ActivityBrowsing,
    group: &[&["Event Name", "event_name", "Event Type"]],
    time: &["Event Time", "event_time", "Timestamp"],
    per_day: false,
    details: &[
        ("devices", &["Device Model", "device_model"]),
        ("os", &["Device OS", "OS", "device_os"]),
        ("app_versions", &["App Version", "app_version"]),
    ],
    title: "App event {0} ({n} times)",
};

/// Uber, as people see it.
pub static DESCRIPTOR: Descriptor = Descriptor {
    id: "uber",
    name: "Uber",
    company: "Uber",
    address: "https://myprivacy.uber.com/privacy/exploreyourdata/download",
    steps: &[
        "Sign in at myprivacy.uber.com (Uber Privacy Center) with your Uber account, or in the app: Account → Settings → Privacy → Privacy Center.",
        "Under “Download your data”, choose Download (all data) and confirm.",
        "Uber e-mails you when the file is ready (usually within a few days): download the zip from the Privacy Center.",
    ],
    format: "One zip with an “Uber Data” folder of CSV files (Rider, Eats, Account and Profile, Payments, Driver).",
    color: "#000000",
};

impl Importer for Uber {
    fn descriptor(&self) -> &'static Descriptor {
        &DESCRIPTOR
    }

    fn recognize(&self, view: &ArchiveView) -> Recognition {
        let by_files = csv_export::recognize(view, files::MARKERS, "Uber");
        // Uber's folder name is a marker too: everything sits in `Uber Data/`.
        let folder = view.entries().iter().any(|e| {
            e.path
                .split('/')
                .any(|part| part.eq_ignore_ascii_case("uber data"))
        });
        match (by_files.confidence > 0.0, folder) {
            (_, false) => by_files,
            (true, true) => Recognition::yes(
                1.0,
                format!("{}, in an “Uber Data” folder", by_files.reason),
            ),
            (false, true) => Recognition::yes(0.95, "found an “Uber Data” folder"),
        }
    }

    fn classify(&self, path: &str) -> FileRole {
        csv_export::classify(files::FILES, path)
    }

    fn classify_content(&self, path: &str, head: &[u8]) -> Option<FileRole> {
        csv_export::classify_content(files::FILES, path, head)
    }

    fn account(&self, view: &ArchiveView) -> Option<String> {
        let i = view.entries().iter().position(|e| {
            matches!(
                csv_stem(&e.path).as_deref(),
                Some("profiledata" | "riderprofile")
            )
        })?;
        let head = view.read_head(i, account::MAX_ACCOUNT_BYTES).ok()?;
        account::account_from_profile(&head)
    }

    fn import_file(
        &self,
        tag: &'static str,
        reader: &mut dyn Read,
        cx: &mut ImportCx<'_>,
    ) -> Result<(), ParseError> {
        match tag {
            parser::RIDER_TRIPS => trips::import_trips(Side::Rider, reader, cx),
            parser::DRIVER_TRIPS => trips::import_trips(Side::Driver, reader, cx),
            parser::EATS_ORDERS => trips::import_eats(reader, cx),
            parser::DRIVER_PAYMENTS => trips::import_driver_payments(reader, cx),
            parser::PROFILE => account::import_profile(reader, cx),
            parser::PAYMENT_METHODS => account::import_payment_methods(reader, cx),
            parser::APP_ANALYTICS => import_tally(&APP_ANALYTICS, reader, cx),
            other => match csv_export::by_tag(files::FILES, other).and_then(|f| f.rows.as_ref()) {
                Some(spec) => csv_export::import_rows(spec, reader, cx),
                None => Err(ParseError::Other(format!(
                    "{}: no Uber parser named `{other}`",
                    cx.file
                ))),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_by_name_part_and_header() {
        for (path, want) in [
            ("Uber Data/Rider/trips_data.csv", parser::RIDER_TRIPS),
            ("Uber Data/Rider/trips_data-0.csv", parser::RIDER_TRIPS),
            ("Eats/eats_order_details.csv", parser::EATS_ORDERS),
            ("Account and Profile/profile_data.csv", parser::PROFILE),
            (
                "Account and Profile/rider_app_analytics-0.csv",
                parser::APP_ANALYTICS,
            ),
            ("Payments/payment_methods.csv", parser::PAYMENT_METHODS),
            ("Driver/driver_lifetime_trips.csv", parser::DRIVER_TRIPS),
            ("Driver/driver_payments.csv", parser::DRIVER_PAYMENTS),
        ] {
            assert_eq!(Uber.classify(path), FileRole::Parse(want), "{path}");
        }
        let head = b"City,Product Type,Trip or Order Status,Request Time,Begin Trip Time,Begin Trip Lat,Begin Trip Lng,Begin Trip Address,Dropoff Time,Dropoff Lat,Dropoff Lng\n";
        assert_eq!(
            Uber.classify_content("fahrten.csv", head),
            Some(FileRole::Parse(parser::RIDER_TRIPS))
        );
        assert_eq!(
            Uber.classify_content("x.csv", b"Profile Name,Start Time,Duration,Title\n"),
            None
        );
    }
}
