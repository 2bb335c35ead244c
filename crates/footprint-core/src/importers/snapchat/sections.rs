//! Which part of which Snapchat JSON file is which. Every file of `json/` is one object of
//! named lists (`{"Login History": [...], "Device History": [...]}`) or small maps; a node is
//! known by its file (stem in normal form) and its key path (keys in normal form), so casing
//! and spacing drift (`Login History`, `LoginHistory`) does not matter. Lists nobody knows
//! become generic records.

use super::specs;
use crate::formats::json_walk::Step;
use crate::formats::lenient::norm_key;
use crate::importers::rows::RowSpec;

/// What one node of the walk is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Section {
    Row(&'static RowSpec),
    /// A `Display Name Change` / `Email Change` / `Mobile Number Change` element: a record
    /// and an identity.
    IdentityChange(&'static RowSpec, crate::model::IdentityKind),
    /// Taken whole: `Basic Information` (account.json, bitmoji.json).
    BasicInformation,
    /// Taken whole: `Device Information`.
    CurrentDevice,
    /// Taken whole: `App Profile` (user_profile.json).
    AppProfile,
    /// Taken whole: `Demographics`.
    Demographics,
    /// `Mobile Ad Id`.
    AdvertisingId,
    AdInteraction,
    /// `Interactions > Web Interactions` (`via` web) / `App Interactions` (`via` app).
    Interaction(&'static str),
    AdInterest,
    ConnectedApp,
    /// An element of a chat (`chat_history.json`) or snap (`snap_history.json`) list; the
    /// key is the conversation (or an old `Received/Sent ... History` section).
    Chat,
    Snap,
    LocationPoint,
    /// Taken whole: `Home, School & Work`.
    HomeWork,
    /// `Businesses and places you may have visited > inferredVisitationList [[name, place]]`.
    InferredVisit,
    /// `... > businessList [[date, name]]`.
    BusinessVisit,
    Memory,
    /// Taken whole: ranking's `Statistics`.
    Statistics,
    Generic,
    Ignore,
}

/// Small maps read whole.
const TAKE_WHOLE: &[&str] = &[
    "basicinformation",
    "deviceinformation",
    "appprofile",
    "demographics",
    "homeschoolwork",
    "statistics",
];

/// The walk policy.
pub fn policy(path: &[String]) -> Step {
    let last = path.last().map(|k| norm_key(k)).unwrap_or_default();
    if TAKE_WHOLE.contains(&last.as_str()) || path.len() > 3 {
        Step::Take
    } else {
        Step::Descend
    }
}

/// The section of a node of the file whose stem is `file` (normal form).
pub fn section_of(file: &str, path: &[String], element: bool) -> Section {
    let keys: Vec<String> = path.iter().map(|k| norm_key(k)).collect();
    let last = keys.last().map(String::as_str).unwrap_or("");
    let parent = keys
        .len()
        .checked_sub(2)
        .map(|i| keys[i].as_str())
        .unwrap_or("");
    if !element {
        return match last {
            "basicinformation" => Section::BasicInformation,
            "deviceinformation" => Section::CurrentDevice,
            "appprofile" => Section::AppProfile,
            "demographics" => Section::Demographics,
            "mobileadid" => Section::AdvertisingId,
            "homeschoolwork" => Section::HomeWork,
            "statistics" => Section::Statistics,
            _ => Section::Ignore,
        };
    }
    use crate::model::IdentityKind as K;
    let row = |s: &'static RowSpec| Section::Row(s);
    match (file, last) {
        ("account", "loginhistory") => row(&specs::LOGIN),
        ("account", "devicehistory") => row(&specs::DEVICE),
        ("accounthistory", "displaynamechange") => {
            Section::IdentityChange(&specs::NAME_CHANGE, K::Name)
        }
        ("accounthistory", "emailchange") => {
            Section::IdentityChange(&specs::EMAIL_CHANGE, K::Email)
        }
        ("accounthistory", "mobilenumberchange") => {
            Section::IdentityChange(&specs::PHONE_CHANGE, K::Phone)
        }
        ("accounthistory", _) => row(&specs::ACCOUNT_EVENT),
        ("userprofile", "engagement") => row(&specs::ENGAGEMENT),
        ("userprofile", "discoverchannelsviewed") => row(&specs::CHANNEL_VIEWED),
        ("userprofile", "breakdownoftimespentonapp") => row(&specs::TIME_SPENT),
        ("userprofile", "adsyouinteractedwith") => Section::AdInteraction,
        ("userprofile", "interestcategories" | "contentcategories") => Section::AdInterest,
        ("userprofile", "webinteractions") if parent == "interactions" => {
            Section::Interaction("web")
        }
        ("userprofile", "appinteractions") if parent == "interactions" => {
            Section::Interaction("app")
        }
        ("userprofile", "offplatformsharing") => row(&specs::OFF_PLATFORM_SHARE),
        ("userprofile", "subscriptions") | ("subscriptions", _) => row(&specs::SUBSCRIPTION),
        ("friends", list) => row(match list {
            "friends" => &specs::FRIEND,
            "friendrequestssent" => &specs::REQUEST_SENT,
            "pendingrequests" => &specs::PENDING,
            "blockedusers" => &specs::BLOCKED,
            "deletedfriends" => &specs::DELETED,
            "ignoredsnapchatters" => &specs::IGNORED,
            "hiddenfriendsuggestions" => &specs::HIDDEN_SUGGESTION,
            "shortcuts" => &specs::SHORTCUT,
            _ => &specs::OTHER_FRIEND_LIST,
        }),
        ("chathistory", _) => Section::Chat,
        ("snaphistory", _) => Section::Snap,
        ("locationhistory", "locationhistory") => Section::LocationPoint,
        ("locationhistory", "frequentlocations") => row(&specs::FREQUENT_LOCATION),
        ("locationhistory", "latestlocation") => row(&specs::LATEST_LOCATION),
        ("locationhistory", "inferredvisitationlist") => Section::InferredVisit,
        ("locationhistory", "businesslist") => Section::BusinessVisit,
        ("locationhistory", k) if k.starts_with("areasyoumayhavevisited") => row(&specs::AREA),
        ("purchasehistory", _) => row(&specs::PURCHASE),
        ("searchhistory", _) => row(&specs::SEARCH),
        ("connectedapps", _) => Section::ConnectedApp,
        ("ranking", "contentinterests") => Section::AdInterest,
        ("memorieshistory", _) => Section::Memory,
        _ => Section::Generic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(file: &str, path: &[&str], element: bool) -> Section {
        let p: Vec<String> = path.iter().map(|s| s.to_string()).collect();
        section_of(file, &p, element)
    }

    #[test]
    fn files_and_keys() {
        let cases: &[(&str, &[&str], bool, Section)] = &[
            (
                "account",
                &["Login History"],
                true,
                Section::Row(&specs::LOGIN),
            ),
            (
                "account",
                &["LoginHistory"],
                true,
                Section::Row(&specs::LOGIN),
            ),
            (
                "account",
                &["Basic Information"],
                false,
                Section::BasicInformation,
            ),
            (
                "userprofile",
                &["Interactions", "Web Interactions"],
                true,
                Section::Interaction("web"),
            ),
            (
                "userprofile",
                &["Interactions", "App Interactions"],
                true,
                Section::Interaction("app"),
            ),
            (
                "userprofile",
                &["Ads You Interacted With"],
                true,
                Section::AdInteraction,
            ),
            (
                "userprofile",
                &["Mobile Ad Id"],
                false,
                Section::AdvertisingId,
            ),
            (
                "friends",
                &["Blocked Users"],
                true,
                Section::Row(&specs::BLOCKED),
            ),
            ("chathistory", &["sam_r"], true, Section::Chat),
            (
                "chathistory",
                &["Received Saved Chat History"],
                true,
                Section::Chat,
            ),
            (
                "locationhistory",
                &["Location History"],
                true,
                Section::LocationPoint,
            ),
            (
                "locationhistory",
                &["Businesses and places you may have visited", "businessList"],
                true,
                Section::BusinessVisit,
            ),
            (
                "bitmoji",
                &["Basic Information"],
                false,
                Section::BasicInformation,
            ),
            (
                "termshistory",
                &["Terms of Service and Privacy Policy Acceptance History"],
                true,
                Section::Generic,
            ),
            ("account", &["Something"], false, Section::Ignore),
        ];
        for (file, path, element, want) in cases {
            assert_eq!(at(file, path, *element), *want, "{file} {path:?}");
        }
        assert_eq!(policy(&["Home, School & Work".to_string()]), Step::Take);
    }
}
