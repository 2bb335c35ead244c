//! Which part of `user_data_tiktok.json` is which, whatever the generation.
//!
//! TikTok moves sections between top-level groups from one year to the next (`Activity` →
//! `Your Activity`; `Like List` moved to `Likes and Favorites`, `Profile` to `Profile And
//! Settings`; `Video Browsing History` became `Watch History`) and respells keys, but the
//! innermost list keys (`VideoList`, `SearchList`, `LoginHistoryList`, `FansList`,
//! `OffTikTokActivityDataList`, `ProfileMap`, ...) survived every change. So a node is
//! recognized by its own key (in [`norm_key`] form) and, where a key is shared, by one
//! ancestor (`VideoList` under `Watch History` is a view, elsewhere a post). Lists nobody
//! knows become generic records, so a new section degrades to searchable records instead of
//! lost data.

use super::rows;
use super::third_parties::PartnerList;
use crate::formats::json_walk::Step;
use crate::formats::lenient::norm_key;
use crate::importers::rows::RowSpec;

/// What one node of the walk is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Section {
    Row(&'static RowSpec),
    /// An element of a conversation under `ChatHistory`.
    DirectMessage,
    /// An element of a conversation with a shop under `CommunicationHistories`.
    ShopMessage,
    OffPlatform,
    Partners(PartnerList),
    AdInterests,
    LeadForm,
    SavedAddress,
    /// Taken whole: `ProfileMap`.
    Profile,
    /// Taken whole: the shop's `Autofill`.
    Autofill,
    /// Taken whole: `SettingsMap` and friends.
    Settings,
    ActivitySummary,
    /// Taken whole: `LocationData` (`{Date, GpsData, LastRegion}`).
    Location,
    /// Taken whole: `WatchLiveMap {"<room>": {WatchTime, Link, Comments[], Questions[]}}`.
    WatchLive,
    /// Taken whole: `OrderHistories`, a list or a map of orders.
    Orders,
    /// A list element no rule knows.
    Generic,
    /// Scalars between lists (`"App": 1`, `"IsFastLane": false`), nulls, empty values.
    Ignore,
}

/// Keys whose values are small maps read whole (never huge: one profile, one settings map).
const TAKE_WHOLE: &[&str] = &[
    "profilemap",
    "autofill",
    "settingsmap",
    "watchlivesettingsmap",
    "activitysummarymap",
    "locationdata",
    "watchlivemap",
    "orderhistories",
];

/// Deeper than this, objects are read whole (no known section nests further).
const MAX_DEPTH: usize = 6;

/// The walk policy: descend everywhere except into the small maps read whole.
pub fn policy(path: &[String]) -> Step {
    let last = path.last().map(|k| norm_key(k)).unwrap_or_default();
    if TAKE_WHOLE.contains(&last.as_str()) || path.len() > MAX_DEPTH {
        Step::Take
    } else {
        Step::Descend
    }
}

/// The section of the node at `path`; `element` says whether it is an array element (else
/// a leaf: a scalar or a value taken whole).
pub fn section_of(path: &[String], element: bool) -> Section {
    let Some((last, ancestors)) = path.split_last() else {
        return if element {
            Section::Generic
        } else {
            Section::Ignore
        };
    };
    let last = norm_key(last);
    let under = |k: &str| ancestors.iter().any(|a| norm_key(a) == k);
    // Conversations are keyed by the other person, so they are known by their parent.
    if element && under("chathistory") {
        return Section::DirectMessage;
    }
    if element && under("communicationhistories") {
        return Section::ShopMessage;
    }
    // Lists that can also be written as one string.
    match last.as_str() {
        "datapartnerlist" => return Section::Partners(PartnerList::DataPartners),
        "advertiserlist" => return Section::Partners(PartnerList::Advertisers),
        "adinterestcategories" | "adinterests" => return Section::AdInterests,
        _ => {}
    }
    if !element {
        return match last.as_str() {
            "profilemap" => Section::Profile,
            "autofill" => Section::Autofill,
            "settingsmap" | "watchlivesettingsmap" => Section::Settings,
            "activitysummarymap" => Section::ActivitySummary,
            "locationdata" => Section::Location,
            "watchlivemap" => Section::WatchLive,
            "orderhistories" => Section::Orders,
            _ => Section::Ignore,
        };
    }
    let row = |spec: &'static RowSpec| Section::Row(spec);
    match last.as_str() {
        "videolist"
            if under("watchhistory")
                || under("videobrowsinghistory")
                || under("browsinghistory") =>
        {
            row(&rows::WATCHED)
        }
        "videolist" => row(&rows::POST),
        "searchlist" => row(&rows::SEARCH),
        "loginhistorylist" => row(&rows::LOGIN),
        "sharehistorylist" => row(&rows::SHARE),
        "itemfavoritelist" | "likelist" => row(&rows::LIKE),
        "favoritevideolist" | "favouritevideolist" => row(&rows::FAVORITE_VIDEO),
        "favoritesoundlist" | "favouritesoundlist" => row(&rows::FAVORITE_SOUND),
        "favoritehashtaglist" | "favouritehashtaglist" => row(&rows::FAVORITE_HASHTAG),
        "favoriteeffectslist" | "favoriteeffectlist" | "favouriteeffectslist" => {
            row(&rows::FAVORITE_EFFECT)
        }
        k if (k.starts_with("favorite") || k.starts_with("favourite")) && k.ends_with("list") => {
            row(&rows::FAVORITE_OTHER)
        }
        "fanslist" | "followerlist" => row(&rows::FOLLOWER),
        "following" | "followinglist" => row(&rows::FOLLOWING),
        "blocklist" => row(&rows::BLOCKED),
        "commentslist" | "commentlist" => row(&rows::COMMENT),
        "hashtaglist" => row(&rows::HASHTAG_USED),
        "statuslist" => row(&rows::DEVICE_STATUS),
        "golivelist" => row(&rows::LIVE_HOSTED),
        "reviewslist" => row(&rows::REVIEW),
        "productbrowsinghistories" => row(&rows::PRODUCT_VIEW),
        "shoppingcart" => row(&rows::CART_ITEM),
        "vouchers" => row(&rows::VOUCHER),
        "orderlist" | "orders" => row(&rows::ORDER),
        "sendgifts" => row(&rows::GIFT_SENT),
        "buygifts" => row(&rows::COINS_BOUGHT),
        "savedaddress" => Section::SavedAddress,
        "offtiktokactivitydatalist" | "usagedatalist" => Section::OffPlatform,
        "responseslist" => Section::LeadForm,
        _ => Section::Generic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(path: &[&str], element: bool) -> Section {
        let p: Vec<String> = path.iter().map(|s| s.to_string()).collect();
        section_of(&p, element)
    }

    #[test]
    fn every_generation_finds_its_sections() {
        let cases: &[(&[&str], bool, Section)] = &[
            (
                &["Activity", "Video Browsing History", "VideoList"],
                true,
                Section::Row(&rows::WATCHED),
            ),
            (
                &["Your Activity", "Watch History", "VideoList"],
                true,
                Section::Row(&rows::WATCHED),
            ),
            (
                &["activity", "videobrowsinghistory", "videolist"],
                true,
                Section::Row(&rows::WATCHED),
            ),
            (
                &["Video", "Videos", "VideoList"],
                true,
                Section::Row(&rows::POST),
            ),
            (
                &["Post", "Posts", "VideoList"],
                true,
                Section::Row(&rows::POST),
            ),
            (
                &["Activity", "Like List", "ItemFavoriteList"],
                true,
                Section::Row(&rows::LIKE),
            ),
            (
                &["Likes and Favorites", "Like List", "ItemFavoriteList"],
                true,
                Section::Row(&rows::LIKE),
            ),
            (
                &["Your Activity", "Following", "Following"],
                true,
                Section::Row(&rows::FOLLOWING),
            ),
            (
                &[
                    "Direct Messages",
                    "Chat History",
                    "ChatHistory",
                    "Chat History with sam:",
                ],
                true,
                Section::DirectMessage,
            ),
            (
                &[
                    "Direct Message",
                    "Direct Messages",
                    "ChatHistory",
                    "Chat History with sam:",
                ],
                true,
                Section::DirectMessage,
            ),
            (
                &[
                    "Ads and data",
                    "Off TikTok Activity",
                    "OffTikTokActivityDataList",
                ],
                true,
                Section::OffPlatform,
            ),
            (
                &[
                    "Ads and data",
                    "Ads Based On Data Received From Partners",
                    "DataPartnerList",
                ],
                false,
                Section::Partners(PartnerList::DataPartners),
            ),
            (
                &["Ads and data", "Ad Interests", "AdInterestCategories"],
                false,
                Section::AdInterests,
            ),
            (
                &["Profile", "Profile Information", "ProfileMap"],
                false,
                Section::Profile,
            ),
            (
                &["Profile And Settings", "Profile Info", "ProfileMap"],
                false,
                Section::Profile,
            ),
            (
                &["Your Activity", "Follower", "App"],
                false,
                Section::Ignore,
            ),
            (
                &["Your Activity", "Something New", "NewList"],
                true,
                Section::Generic,
            ),
        ];
        for (path, element, want) in cases {
            assert_eq!(at(path, *element), *want, "{path:?}");
        }
    }

    #[test]
    fn small_maps_are_taken_whole() {
        let p = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            policy(&p(&["Profile", "Profile Info", "ProfileMap"])),
            Step::Take
        );
        assert_eq!(
            policy(&p(&["Activity", "Video Browsing History"])),
            Step::Descend
        );
        assert_eq!(policy(&p(&["a", "b", "c", "d", "e", "f", "g"])), Step::Take);
    }
}
