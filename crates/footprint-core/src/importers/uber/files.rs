//! Which Uber file is which: the CSV files of an Uber "Download your data" archive (`Uber
//! Data/` with `Rider/`, `Eats/`, `Account and Profile/`, `Payments/`, `Driver/`), by name
//! (numbered parts such as `trips_data-0.csv` included) and by header. Older archives spell
//! columns `Request Time`, `Fare Amount`; newer ones `request_timestamp_local`,
//! `original_fare_local`: every parser takes a list of spellings.

use super::parser;
use crate::formats::csv_export::{CsvFile, RowSpec};
use crate::model::Category;

/// File stems no other platform's export has (two give 1.0).
pub const MARKERS: &[&str] = &[
    "tripsdata",
    "eatsorderdetails",
    "riderappanalytics",
    "driverlifetimetrips",
    "driverpayments",
    "eatsrestaurantnames",
];

pub const FILES: &[CsvFile] = &[
    // The driver's file first: its header also has the rider file's signature.
    CsvFile::custom(
        &["driverlifetimetrips", "drivertrips"],
        &["Base Fare Amount", "Dropoff Time"],
        parser::DRIVER_TRIPS,
    ),
    CsvFile::custom(
        &["tripsdata", "ridertrips"],
        &["Begin Trip Lat", "Dropoff Lat"],
        parser::RIDER_TRIPS,
    ),
    CsvFile::custom(
        &["eatsorderdetails", "eatsorders"],
        &["Restaurant Name", "Order Price"],
        parser::EATS_ORDERS,
    ),
    CsvFile::custom(
        &["driverpayments"],
        &["Classification", "Local Amount"],
        parser::DRIVER_PAYMENTS,
    ),
    CsvFile::custom(
        &["profiledata", "riderprofile"],
        &["Email", "Mobile", "Rider Rating"],
        parser::PROFILE,
    ),
    CsvFile::custom(
        &["paymentmethods"],
        &["Payment Method Type"],
        parser::PAYMENT_METHODS,
    ),
    CsvFile::custom(
        &[
            "riderappanalytics",
            "eatsappanalytics",
            "driverappanalytics",
        ],
        &["Event Name", "Event Time"],
        parser::APP_ANALYTICS,
    ),
    CsvFile::rows(
        &["devices", "userdevices"],
        &["Device Model", "Device OS"],
        "uber_devices",
        RowSpec::new(
            "device",
            Category::DevicesLogins,
            &["{Device Model} ({Device OS})", "{Device Model}", "Device"],
        )
        .time(&["First Seen", "Created At"])
        .until(&["Last Seen", "Updated At"])
        .key(&["Device ID", "Device Model", "Device OS"]),
    ),
];
