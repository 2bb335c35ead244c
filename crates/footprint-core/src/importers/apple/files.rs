//! Every known CSV file of Apple's privacy export, by name (stem in `norm_column` form) and
//! by header, and how the plain ones become records (one row, one record).
//!
//! Column names follow what privacy.apple.com writes (`Apple ID Device Information.csv`:
//! `Device Name`, `Device Model`, ...); older and localized spellings are listed as
//! alternatives. Files with money or identities have their own parsers
//! ([`super::purchases`], [`super::account`]).

use super::parser;
use crate::formats::csv_export::{CompanyFrom, CsvFile, RowSpec};
use crate::model::{Category, Relation};

/// Stems only Apple's export has (recognition).
pub const MARKERS: &[&str] = &[
    "appleidaccountinformation",
    "appleiddeviceinformation",
    "appleidsignoninformation",
    "storetransactionhistory",
    "applemusicplayactivity",
    "applemusicplayhistorydailytracks",
    "appstoreappinstalls",
];

pub const FILES: &[CsvFile] = &[
    CsvFile::custom(
        &["appleidaccountinformation", "appleidkontoinformationen"],
        &["Apple ID", "First Name", "Last Name"],
        parser::ACCOUNT,
    ),
    CsvFile::rows(
        &["appleiddeviceinformation"],
        &["Device Name", "Device Serial Number"],
        "apple_device",
        RowSpec::new(
            "device",
            Category::DevicesLogins,
            &[
                "{Device Name} ({Device Model})",
                "{Device Name}",
                "{Device Model}",
            ],
        )
        .time(&["Device Added Date", "Added Date", "Registered Date"])
        .until(&["Device Last Heartbeat Date", "Last Heartbeat Date"])
        .key(&["Device Serial Number", "Device Name", "Device Model"]),
    ),
    CsvFile::rows(
        &["appleidsignoninformation", "appleidsignon"],
        &["Sign-On Date", "IP Address"],
        "apple_sign_on",
        RowSpec::new(
            "sign_on",
            Category::DevicesLogins,
            &[
                "Signed in to {Application} from {IP Address}",
                "Signed in from {IP Address}",
            ],
        )
        .time(&["Sign-On Date", "Sign On Date", "Date"])
        .key(&["Sign-On Date", "IP Address", "Application"]),
    ),
    CsvFile::custom(
        &[
            "storetransactionhistory",
            "storepurchasehistory",
            "purchasehistory",
        ],
        &["Item Description", "Seller", "Invoice Date"],
        parser::STORE_TRANSACTIONS,
    ),
    CsvFile::custom(
        &["subscriptions", "storesubscriptions", "abonnements"],
        &["Subscription Name", "Subscription Start Date"],
        parser::SUBSCRIPTIONS,
    ),
    CsvFile::custom(
        &[
            "wallettransactions",
            "applepaytransactions",
            "applecashtransactions",
        ],
        &["Merchant", "Transaction Date", "Amount"],
        parser::WALLET,
    ),
    CsvFile::rows(
        &["appstoreappinstalls", "appinstalls", "appsstoreappinstalls"],
        &["App Name", "Install Date"],
        "apple_app_install",
        RowSpec::new(
            "app_install",
            Category::ActivityBrowsing,
            &[
                "Installed {App Name} on {Device Model}",
                "Installed {App Name}",
            ],
        )
        .time(&["Install Date", "Event Date", "Date"])
        .key(&["App Name", "Install Date", "Device Model"])
        .company(CompanyFrom::Column(
            &["Developer", "Seller", "App Developer"],
            Relation::InstalledApp,
        )),
    ),
    CsvFile::rows(
        &["applemusicplayhistorydailytracks", "playhistorydailytracks"],
        &["Track Description", "Date Played"],
        "apple_music_daily_tracks",
        RowSpec::new(
            "music_day",
            Category::MediaConsumption,
            &["Listened to {Track Description}"],
        )
        .time(&["Date Played"])
        .key(&["Date Played", "Track Identifier", "Track Description"]),
    ),
    CsvFile::rows(
        &["applemusicplayactivity", "playactivity"],
        &["Song Name", "Event Start Timestamp"],
        "apple_music_play_activity",
        RowSpec::new(
            "music_play",
            Category::MediaConsumption,
            &[
                "Played {Song Name} by {Artist Name}",
                "Played {Song Name}",
                "{Event Type}",
            ],
        )
        .time(&["Event Start Timestamp", "Event Received Timestamp"])
        .until(&["Event End Timestamp"])
        .key(&["Event Start Timestamp", "Song Name", "Event Type"]),
    ),
    CsvFile::rows(
        &["marketingcommunications", "marketingcommunicationshistory"],
        &["Campaign Name", "Sent Date"],
        "apple_marketing",
        RowSpec::new(
            "marketing_email",
            Category::AdInterests,
            &["Apple sent “{Campaign Name}”"],
        )
        .time(&["Sent Date", "Date"])
        .key(&["Campaign Name", "Sent Date"]),
    ),
    CsvFile::rows(
        &["applecarerepairs", "applecarecases", "repairhistory"],
        &["Case Number"],
        "apple_care_case",
        RowSpec::new(
            "applecare_case",
            Category::DevicesLogins,
            &[
                "AppleCare case {Case Number}: {Product}",
                "AppleCare case {Case Number}",
            ],
        )
        .time(&["Case Created Date", "Created Date", "Date"])
        .key(&["Case Number"]),
    ),
];
