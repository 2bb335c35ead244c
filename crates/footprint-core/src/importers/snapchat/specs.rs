//! Snapchat's plain lists, each described once as a [`RowSpec`] (see
//! [`crate::importers::rows`]): `{"Login History": [{"IP": "...", "Country": "FR", "Created":
//! "2025-02-24 21:09:09 UTC", "Status": "success", "Device": "..."}], ...}`.

use crate::importers::rows::RowSpec;
use crate::model::Category;

const DATE: &[&str] = &["Date", "Created", "Time", "Date and time"];

pub const LOGIN: RowSpec = RowSpec {
    extra: &[&["IP"], &["Country"], &["Status"]],
    ..RowSpec::simple(
        "login",
        Category::DevicesLogins,
        "Logged in from ",
        &["Created", "Date"],
        &["Device"],
    )
};
pub const DEVICE: RowSpec = RowSpec {
    extra: &[&["Make"], &["Device Type"]],
    ..RowSpec::simple(
        "device",
        Category::DevicesLogins,
        "Device ",
        &["Start Time", "Date"],
        &["Model", "Model Name", "Model ID"],
    )
};
pub const CURRENT_DEVICE: RowSpec = RowSpec {
    extra: &[&["Make"], &["OS Type"], &["Language"]],
    tag: Some(("device", "current")),
    ..RowSpec::simple(
        "device",
        Category::DevicesLogins,
        "Current device ",
        &[],
        &["Model Name", "Model ID", "Model"],
    )
};
pub const NAME_CHANGE: RowSpec = RowSpec::simple(
    "account_change",
    Category::IdentityContact,
    "Display name changed to ",
    DATE,
    &["Display Name"],
);
pub const EMAIL_CHANGE: RowSpec = RowSpec::simple(
    "account_change",
    Category::IdentityContact,
    "E-mail changed to ",
    DATE,
    &["Email Address", "Email"],
);
pub const PHONE_CHANGE: RowSpec = RowSpec::simple(
    "account_change",
    Category::IdentityContact,
    "Mobile number changed to ",
    DATE,
    &["Mobile Number", "Phone Number"],
);
pub const ACCOUNT_EVENT: RowSpec = RowSpec {
    extra: &[&["Email Address"], &["Type"]],
    ..RowSpec::simple(
        "account_event",
        Category::DevicesLogins,
        "Account event: ",
        DATE,
        &["Event", "Status", "Action"],
    )
};

pub const ENGAGEMENT: RowSpec = RowSpec {
    extra: &[&["Occurrences"]],
    ..RowSpec::simple(
        "engagement",
        Category::ActivityBrowsing,
        "Engagement: ",
        &[],
        &["Event"],
    )
};
pub const CHANNEL_VIEWED: RowSpec = RowSpec {
    string_is_main: true,
    ..RowSpec::simple(
        "channel_viewed",
        Category::MediaConsumption,
        "Viewed Discover channel ",
        DATE,
        &["Channel", "Name"],
    )
};
pub const TIME_SPENT: RowSpec = RowSpec {
    string_is_main: true,
    ..RowSpec::simple(
        "time_spent",
        Category::ActivityBrowsing,
        "Time spent: ",
        &[],
        &["Breakdown", "Name"],
    )
};
pub const OFF_PLATFORM_SHARE: RowSpec = RowSpec::simple(
    "off_platform_share",
    Category::ActivityBrowsing,
    "Shared to ",
    DATE,
    &["Share Destination", "Destination"],
);
pub const SUBSCRIPTION: RowSpec = RowSpec {
    string_is_main: true,
    ..RowSpec::simple(
        "subscription",
        Category::MediaConsumption,
        "Subscribed to ",
        DATE,
        &["Name", "Display Name", "Username", "Title"],
    )
};

/// Friends lists of `friends.json`, by their section.
const fn friend(list: &'static str, verb: &'static str) -> RowSpec {
    RowSpec {
        tag: Some(("list", list)),
        extra: &[&["Display Name"], &["Source"]],
        string_is_main: true,
        ..RowSpec::simple(
            "connection",
            Category::SocialGraph,
            verb,
            &["Creation Timestamp", "Created", "Date"],
            &["Username", "Display Name"],
        )
    }
}
pub const FRIEND: RowSpec = friend("friend", "Friend: ");
pub const REQUEST_SENT: RowSpec = friend("request_sent", "Friend request sent: ");
pub const PENDING: RowSpec = friend("pending_request", "Friend request received: ");
pub const BLOCKED: RowSpec = friend("blocked", "Blocked: ");
pub const DELETED: RowSpec = friend("deleted", "Deleted friend: ");
pub const IGNORED: RowSpec = friend("ignored", "Ignored: ");
pub const HIDDEN_SUGGESTION: RowSpec = friend("hidden_suggestion", "Hidden suggestion: ");
pub const SHORTCUT: RowSpec = friend("shortcut", "Shortcut: ");
pub const OTHER_FRIEND_LIST: RowSpec = friend("other", "Snapchatter: ");

pub const AREA: RowSpec = RowSpec {
    extra: &[&["Region"], &["Postal Code"], &["Country"]],
    ..RowSpec::simple(
        "location_area",
        Category::Location,
        "Area you may have visited: ",
        DATE,
        &["City", "Region"],
    )
};
pub const FREQUENT_LOCATION: RowSpec = RowSpec {
    extra: &[&["Region"], &["Country"]],
    tag: Some(("kind", "frequent")),
    ..RowSpec::simple(
        "location_area",
        Category::Location,
        "Frequent location: ",
        DATE,
        &["City", "Region"],
    )
};
pub const LATEST_LOCATION: RowSpec = RowSpec {
    extra: &[&["Region"], &["Country"]],
    tag: Some(("kind", "latest")),
    ..RowSpec::simple(
        "location_area",
        Category::Location,
        "Latest location: ",
        DATE,
        &["City", "Region"],
    )
};

pub const PURCHASE: RowSpec = RowSpec {
    extra: &[
        &["Price", "Amount"],
        &["Currency"],
        &["Order Id", "Order ID"],
        &["Status"],
    ],
    ..RowSpec::simple(
        "purchase",
        Category::Purchases,
        "Purchased ",
        &["Date", "Purchase Date", "Created"],
        &["Item", "Product", "Name", "Description"],
    )
};
pub const SEARCH: RowSpec = RowSpec {
    string_is_main: true,
    ..RowSpec::simple(
        "search",
        Category::Searches,
        "Searched for ",
        DATE,
        &["Search Term", "Search Query", "Term", "Query"],
    )
};
