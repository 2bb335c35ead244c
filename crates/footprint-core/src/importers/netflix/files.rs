//! Which Netflix file is which: the CSV files of a Netflix "Download your personal
//! information" report (`netflix-report.zip`, folders in upper case such as
//! `CONTENT_INTERACTION/`), by name and, for files with a distinctive header, by header; and
//! how most rows become records. Billing, the account, playback traces and the summarized
//! files (clickstream, IP addresses) have their own parsers ([`super::parser`]).
//!
//! Dates are UTC, written `2024-01-15 20:31:22` (some files add fractions or `Z`).
//! `Cover sheet.pdf` explains the report and is skipped. Header spellings are not confirmed
//! against every generation: signatures use the columns seen in several years of reports.

use super::parser;
use crate::formats::csv_export::{CompanyFrom, CsvFile, RowSpec};
use crate::model::{Category, Relation};

/// File stems no other platform's export has (two give 1.0).
pub const MARKERS: &[&str] = &[
    "viewingactivity",
    "playbackrelatedevents",
    "indicatedpreferences",
    "interactivetitles",
    "ipaddressesstreaming",
    "ipaddresseslogin",
    "messagessentbynetflix",
    "cscontact",
    "clickstream",
];

pub const FILES: &[CsvFile] = &[
    // What you watched and how.
    CsvFile::rows(
        &["viewingactivity"],
        &["Profile Name", "Start Time", "Duration", "Title"],
        "netflix_viewing_activity",
        RowSpec::new(
            "viewing",
            Category::MediaConsumption,
            &["{Profile Name} watched {Title}", "Watched {Title}"],
        )
        .time(&["Start Time"])
        .key(&["Profile Name", "Start Time", "Title"]),
    ),
    CsvFile::custom(
        &["playbackrelatedevents"],
        &["Playtraces"],
        parser::PLAYBACK_EVENTS,
    ),
    CsvFile::rows(
        &["interactivetitles"],
        &["Title Desc", "Selection Type", "Choice Segment"],
        "netflix_interactive_titles",
        RowSpec::new(
            "interactive_choice",
            Category::MediaConsumption,
            &[
                "{Profile Name} chose “{Choice Segment}” in {Title Desc}",
                "Choice in {Title Desc}",
            ],
        )
        .time(&["Utc Timestamp"])
        .key(&[
            "Profile Name",
            "Utc Timestamp",
            "Title Desc",
            "Choice Segment",
        ]),
    ),
    CsvFile::rows(
        &["ratings"],
        &["Title Name", "Rating Type", "Thumbs Value"],
        "netflix_ratings",
        RowSpec::new(
            "rating",
            Category::ActivityBrowsing,
            &[
                "{Profile Name} rated {Title Name}: {Thumbs Value} thumbs",
                "{Profile Name} rated {Title Name}: {Star Value} stars",
                "Rated {Title Name}",
            ],
        )
        .time(&["Event Utc Ts"])
        .key(&["Profile Name", "Title Name", "Event Utc Ts"]),
    ),
    CsvFile::rows(
        &["mylist"],
        &["Title Name", "Utc Title Add Date"],
        "netflix_my_list",
        RowSpec::new(
            "my_list",
            Category::ActivityBrowsing,
            &[
                "{Profile Name} added {Title Name} to My List",
                "My List: {Title Name}",
            ],
        )
        .time(&["Utc Title Add Date"])
        .key(&["Profile Name", "Title Name"]),
    ),
    CsvFile::rows(
        &["indicatedpreferences"],
        &["Show", "Has Watched", "Is Interested"],
        "netflix_indicated_preferences",
        RowSpec::new(
            "taste_preference",
            Category::AdInterests,
            &[
                "{Profile Name}: {Show} (interested: {Is Interested})",
                "Taste: {Show}",
            ],
        )
        .time(&["Event Date"])
        .key(&["Profile Name", "Show"]),
    ),
    CsvFile::rows(
        &["searchhistory"],
        &["Query Typed", "Displayed Name"],
        "netflix_search_history",
        RowSpec::new(
            "search",
            Category::Searches,
            &[
                "{Profile Name} searched for {Query Typed}",
                "{Profile Name} searched and chose {Displayed Name}",
                "Searched",
            ],
        )
        .time(&["Utc Timestamp"])
        .key(&[
            "Profile Name",
            "Utc Timestamp",
            "Query Typed",
            "Displayed Name",
        ]),
    ),
    CsvFile::custom(
        &["clickstream"],
        &["Navigation Level", "Click Utc Ts"],
        parser::CLICKSTREAM,
    ),
    // Devices and where from.
    CsvFile::rows(
        &["devices"],
        &["Esn", "Device Type"],
        "netflix_devices",
        RowSpec::new(
            "device",
            Category::DevicesLogins,
            &["{Device Type} ({Profile Name})", "{Device Type}"],
        )
        .time(&["Acct First Playback Date", "Profile First Playback Date"])
        .until(&["Acct Last Playback Date", "Profile Last Playback Date"])
        .key(&["Esn", "Profile Name"]),
    ),
    CsvFile::custom(
        &["ipaddresseslogin", "ipaddressesaccountcreation"],
        &["esn", "ipAddress"],
        parser::IP_LOGIN,
    ),
    CsvFile::custom(
        &["ipaddressesstreaming"],
        &["Ip", "Region Code Display Name"],
        parser::IP_STREAMING,
    ),
    // Account, money, messages.
    CsvFile::custom(
        &["accountdetails"],
        &["Email Address", "Customer Creation Timestamp"],
        parser::ACCOUNT_DETAILS,
    ),
    CsvFile::rows(
        &["profiles"],
        &["Profile Name", "Profile Creation Time", "Maturity Level"],
        "netflix_profiles",
        RowSpec::new(
            "profile",
            Category::IdentityContact,
            &["Profile {Profile Name}"],
        )
        .time(&["Profile Creation Time"])
        .key(&["Profile Name"]),
    ),
    CsvFile::rows(
        &["subscriptionhistory"],
        &["Plan Change Date", "Plan Change New Plan"],
        "netflix_subscription_history",
        RowSpec::new(
            "plan_change",
            Category::Purchases,
            &[
                "Plan changed from {Plan Change Old Plan} to {Plan Change New Plan}",
                "Plan: {Plan Change New Plan}",
                "Subscription",
            ],
        )
        .time(&["Plan Change Date", "Subscription Opened Ts"])
        .key(&[
            "Subscription Opened Ts",
            "Plan Change Date",
            "Plan Change New Plan",
        ]),
    ),
    CsvFile::custom(
        &["billinghistory"],
        &["Gross Sale Amt", "Pmt Status"],
        parser::BILLING,
    ),
    CsvFile::rows(
        &["messagessentbynetflix"],
        &["Message Name", "Channel", "Sent Utc Ts"],
        "netflix_messages_sent",
        RowSpec::new(
            "marketing_message",
            Category::Messages,
            &[
                "Netflix sent {Message Name} by {Channel} ({Title Name})",
                "Netflix sent {Message Name} by {Channel}",
                "Message from Netflix",
            ],
        )
        .time(&["Sent Utc Ts"])
        .key(&["Sent Utc Ts", "Message Name", "Channel", "Profile Name"]),
    ),
    CsvFile::rows(
        &["cscontact"],
        &["Contact Channel"],
        "netflix_customer_service",
        RowSpec::new(
            "customer_service_contact",
            Category::Messages,
            &[
                "Customer service contact by {Contact Channel}",
                "Customer service contact",
            ],
        )
        .time(&["Contact Start Utc Ts", "Contact Utc Ts"])
        .key(&["Contact Start Utc Ts", "Contact Utc Ts", "Contact Channel"]),
    ),
    CsvFile::rows(
        &["chattranscripts"],
        &["Chat Text", "Speaker"],
        "netflix_chat_transcripts",
        RowSpec::new(
            "customer_service_chat",
            Category::Messages,
            &["Customer service chat: {Speaker}"],
        )
        .body(&["Chat Text"])
        .time(&["Utc Timestamp", "Message Utc Ts"]),
    ),
    // Accounts on other services the user connected to Netflix.
    CsvFile::rows(
        &["socialmediaconnections"],
        &["Social Network", "Connection Status"],
        "netflix_social_connections",
        RowSpec::new(
            "social_connection",
            Category::SocialGraph,
            &["{Social Network} account connected to Netflix"],
        )
        .time(&["Connect Ts", "Utc Timestamp"])
        .key(&["Social Network", "Profile Name"])
        .company(CompanyFrom::Column(
            &["Social Network"],
            Relation::ConnectedApp,
        )),
    ),
];
