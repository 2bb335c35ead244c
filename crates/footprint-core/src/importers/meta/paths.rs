//! Which Meta file is which, from its path alone.
//!
//! Paths drift every year (`ads/` in 2018, `ads_and_businesses/` in 2019-20, `ads_information/`
//! since; `messages/inbox/` moved under `your_facebook_activity/` in 2024; Instagram moved
//! everything under `your_instagram_activity/` and `connections/`), but file names mostly
//! survived. So files are matched by name (case-insensitive), with the parent folder only where
//! a name alone is ambiguous, and anywhere in the tree (a top folder like
//! `facebook-alex-2024-03-02/` is common).

use super::{parser, Platform};
use crate::importer::FileRole;
use crate::model::Category;

/// Why a photo or video is not imported.
pub const MEDIA_SKIP: &str = "media file";

/// Top-level folders of the 2024+ layouts (both platforms). A JSON file inside one that no
/// name rule knows is offered by content first ([`super::content`]) and otherwise walked
/// generically: these layouts write self-describing `label_values` records, so a new file
/// still yields something worth searching.
pub const SECTIONS_2024: &[&str] = &[
    "your_facebook_activity",
    "your_instagram_activity",
    "personal_information",
    "logged_information",
    "ads_information",
    "apps_and_websites_off_of_facebook",
    "apps_and_websites_off_of_instagram",
    "connections",
    "preferences",
    "security_and_login_information",
];

const MEDIA_EXT: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "heic", "bmp", "mp4", "mov", "m4v", "webm", "avi",
    "3gp", "mp3", "m4a", "aac", "wav", "ogg", "opus", "srt", "vtt", "pdf", "svg",
];

/// Exact file names (lowercase) and their parsers.
const BY_NAME: &[(&str, &str)] = &[
    // Profiles.
    ("profile_information.json", parser::PROFILE),
    ("personal_information.json", parser::PROFILE),
    // Content.
    ("comments.json", parser::COMMENTS),
    ("posts_and_comments.json", parser::LIKES),
    ("pages_you've_liked.json", parser::LIKES),
    ("liked_posts.json", parser::LIKES),
    ("liked_comments.json", parser::LIKES),
    // Social graph.
    ("friends.json", parser::CONNECTIONS),
    ("your_friends.json", parser::CONNECTIONS),
    ("removed_friends.json", parser::CONNECTIONS),
    ("sent_friend_requests.json", parser::CONNECTIONS),
    ("received_friend_requests.json", parser::CONNECTIONS),
    ("rejected_friend_requests.json", parser::CONNECTIONS),
    ("who_you_follow.json", parser::CONNECTIONS),
    ("people_who_follow_you.json", parser::CONNECTIONS),
    ("followers.json", parser::CONNECTIONS),
    ("following.json", parser::CONNECTIONS),
    ("close_friends.json", parser::CONNECTIONS),
    // Ad interests and inferences.
    ("ads_interests.json", parser::AD_INTERESTS),
    ("other_categories_used_to_reach_you.json", parser::AD_INTERESTS),
    ("your_topics.json", parser::AD_INTERESTS),
    ("recommended_topics.json", parser::AD_INTERESTS),
    // Third parties.
    ("advertisers_using_your_activity_or_information.json", parser::ADVERTISERS_USING),
    ("advertisers_who_uploaded_a_contact_list_with_your_information.json", parser::CONTACT_LISTS),
    ("your_activity_off_meta_technologies.json", parser::OFF_META),
    ("your_off-facebook_activity.json", parser::OFF_META),
    ("connected_apps_and_websites.json", parser::CONNECTED_APPS),
    ("advertisers_you've_interacted_with.json", parser::AD_INTERACTIONS),
    ("information_you've_submitted_to_advertisers.json", parser::LEAD_FORMS),
    ("ads_viewed.json", parser::ADS_VIEWED),
    ("ads_clicked.json", parser::ADS_CLICKED),
    // Logins and pokes (also found by content under other names).
    ("account_activity.json", parser::LOGINS),
    ("pokes.json", parser::POKES),
];

/// Numbered file families (`your_posts_1.json`, `followers_2.json`): prefix and parser.
const BY_PREFIX: &[(&str, &str)] = &[
    ("your_posts_", parser::POSTS),
    ("your_posts__check_ins__photos_and_videos_", parser::POSTS),
    ("likes_and_reactions_", parser::LIKES),
    ("post_comments_", parser::COMMENTS),
    ("followers_", parser::CONNECTIONS),
];

/// Lowercase path components.
fn components(path: &str) -> Vec<String> {
    path.split('/')
        .filter(|c| !c.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// `name` is `prefix` followed by digits only (`message_12` for `message_`).
fn numbered(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.chars().all(|c| c.is_ascii_digit()))
}

/// The parser for a JSON file name, by its place in the tree. `None` when unknown.
fn parser_for(comps: &[String], stem: &str, name: &str) -> Option<&'static str> {
    let parent = comps.len().checked_sub(2).map(|i| comps[i].as_str());
    // Message threads: `.../messages/<box>/<thread>/message_N.json` (2018: `message.json`).
    if (numbered(stem, "message_") || stem == "message") && comps.iter().any(|c| c == "messages") {
        return Some(parser::MESSAGES);
    }
    // `posts_1.json` is Instagram's posts, but only in a posts folder (`content/`, `media/`).
    if numbered(stem, "posts_") {
        return matches!(parent, Some("content" | "media" | "posts")).then_some(parser::POSTS);
    }
    if let Some((_, p)) = BY_NAME.iter().find(|(n, _)| *n == name) {
        return Some(p);
    }
    BY_PREFIX
        .iter()
        .find(|(prefix, _)| {
            let family = prefix.trim_end_matches('_');
            numbered(stem, prefix) || stem == family
        })
        .map(|(_, p)| *p)
}

/// Whether `path` lies inside one of the 2024+ [`SECTIONS_2024`] folders.
pub fn in_section(path: &str) -> bool {
    let comps = components(path);
    comps
        .split_last()
        .is_some_and(|(_, dirs)| dirs.iter().any(|c| SECTIONS_2024.contains(&c.as_str())))
}

/// What to do with the file at `path` (a logical archive path). A JSON file no name rule
/// knows is `Unknown` here, even inside a 2024+ section: the plan then offers it by content
/// ([`super::content::classify`]), which finds a known schema under another name or walks it
/// generically.
pub fn classify(path: &str, _platform: Platform) -> FileRole {
    let comps = components(path);
    let Some(name) = comps.last().cloned() else {
        return FileRole::Unknown;
    };
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name.as_str(), ""));
    if MEDIA_EXT.contains(&ext) {
        return FileRole::Skip(MEDIA_SKIP);
    }
    let in_section = comps[..comps.len() - 1]
        .iter()
        .any(|c| SECTIONS_2024.contains(&c.as_str()));
    match ext {
        "json" => match parser_for(&comps, stem, &name) {
            Some(p) => FileRole::Parse(p),
            None => FileRole::Unknown,
        },
        // The HTML export: a page is read by the HTML twin of its `.json` name's parser.
        "html" | "htm" => {
            let as_json = format!("{stem}.json");
            super::html::classify(parser_for(&comps, stem, &as_json), in_section, stem)
        }
        _ => FileRole::Unknown,
    }
}

/// The data category of a file nobody has a dedicated parser for, from the words of its path
/// (`logged_information/search/...` is searches, `security_and_login_information/` logins).
pub fn category_for(path: &str) -> Category {
    let p = path.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| p.contains(w));
    if has(&["message"]) {
        Category::Messages
    } else if has(&["search"]) {
        Category::Searches
    } else if has(&["location", "places", "check_in"]) {
        Category::Location
    } else if has(&["security", "login", "device", "session", "ip_address", "account_history"]) {
        Category::DevicesLogins
    } else if has(&["payment", "purchase", "order", "shop", "transaction"]) {
        Category::Purchases
    } else if has(&["off_of_facebook", "off_of_instagram", "off_meta", "off-facebook"]) {
        Category::OffPlatformActivity
    } else if has(&["friend", "follow", "connections", "contacts"]) {
        Category::SocialGraph
    } else if has(&["ads_", "advert", "topics", "interest"]) {
        Category::AdInterests
    } else if has(&["personal_information", "profile"]) {
        Category::IdentityContact
    } else if has(&["posts", "media/", "comments", "stories", "reels", "photos", "videos"]) {
        Category::Content
    } else if has(&["watched", "viewed", "music", "video"]) {
        Category::MediaConsumption
    } else {
        Category::ActivityBrowsing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(path: &str) -> FileRole {
        classify(path, Platform::Facebook)
    }

    #[test]
    fn known_files_in_every_layout() {
        let cases: &[(&str, &str)] = &[
            ("profile_information/profile_information.json", parser::PROFILE),
            ("personal_information/profile_information/profile_information.json", parser::PROFILE),
            ("account_information/personal_information.json", parser::PROFILE),
            ("personal_information/personal_information/personal_information.json", parser::PROFILE),
            ("messages/inbox/samrivera_12/message_1.json", parser::MESSAGES),
            ("messages/inbox/samrivera_12/message.json", parser::MESSAGES),
            ("your_facebook_activity/messages/e2ee_cutover/a_1/message_12.json", parser::MESSAGES),
            ("your_instagram_activity/messages/inbox/sam_1/message_1.json", parser::MESSAGES),
            ("posts/your_posts_1.json", parser::POSTS),
            ("your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json", parser::POSTS),
            ("content/posts_1.json", parser::POSTS),
            ("your_instagram_activity/media/posts_1.json", parser::POSTS),
            ("your_instagram_activity/comments/post_comments_1.json", parser::COMMENTS),
            ("comments/post_comments.json", parser::COMMENTS),
            ("your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json", parser::LIKES),
            ("friends_and_followers/friends.json", parser::CONNECTIONS),
            ("connections/followers_and_following/followers_1.json", parser::CONNECTIONS),
            ("connections/followers_and_following/following.json", parser::CONNECTIONS),
            ("ads_information/advertisers_using_your_activity_or_information.json", parser::ADVERTISERS_USING),
            ("ads/advertisers_who_uploaded_a_contact_list_with_your_information.json", parser::CONTACT_LISTS),
            ("apps_and_websites_off_of_facebook/your_off-facebook_activity.json", parser::OFF_META),
            ("apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json", parser::OFF_META),
            ("ads_information/advertisers_you've_interacted_with.json", parser::AD_INTERACTIONS),
            ("ads_information/information_you've_submitted_to_advertisers.json", parser::LEAD_FORMS),
            ("ads_information/ads_and_topics/ads_viewed.json", parser::ADS_VIEWED),
            ("ads_and_topics/ads_clicked.json", parser::ADS_CLICKED),
            ("ads_information/other_categories_used_to_reach_you.json", parser::AD_INTERESTS),
            // Top folder and case do not matter.
            ("facebook-alex-2024-03-02/ADS_INFORMATION/Advertisers_Using_Your_Activity_Or_Information.json", parser::ADVERTISERS_USING),
        ];
        for (path, want) in cases {
            assert_eq!(role(path), FileRole::Parse(want), "{path}");
        }
    }

    #[test]
    fn html_media_generic_and_unknown() {
        use crate::importers::meta::html::{parser as html, INDEX_SKIP};
        assert_eq!(role("messages/inbox/sam_1/message_1.html"), FileRole::Parse(html::MESSAGES));
        assert_eq!(role("ads_information/advertisers_using_your_activity_or_information.html"), FileRole::Parse(html::ADVERTISERS_USING));
        assert_eq!(role("your_facebook_activity/events/your_event_responses.html"), FileRole::Parse(html::GENERIC));
        assert_eq!(role("events/your_event_responses.html"), FileRole::Unknown, "left to the content rules");
        assert_eq!(role("start_here.html"), FileRole::Skip(INDEX_SKIP));
        assert_eq!(role("messages/inbox/sam_1/photos/1234.jpg"), FileRole::Skip(MEDIA_SKIP));
        assert_eq!(role("your_instagram_activity/media/reels/x.MP4"), FileRole::Skip(MEDIA_SKIP));
        // Unknown by name even in a section: the content rules decide (parser or generic).
        assert_eq!(role("logged_information/search/your_search_history.json"), FileRole::Unknown);
        assert!(in_section("logged_information/search/your_search_history.json"));
        assert!(!in_section("other_activity/pokes.json"));
        assert!(!in_section("connections"));
        assert_eq!(role("other_activity/pokes.json"), FileRole::Parse(parser::POKES));
        assert_eq!(role("other_activity/nudges.json"), FileRole::Unknown);
        assert_eq!(role("random/notes.txt"), FileRole::Unknown);
        // A message-like name outside a messages folder is not a thread.
        assert_eq!(role("other/message_1.json"), FileRole::Unknown);
        // `posts_1.json` only in a posts folder.
        assert_eq!(role("elsewhere/posts_1.json"), FileRole::Unknown);
    }

    #[test]
    fn categories_by_folder() {
        assert_eq!(category_for("logged_information/search/your_search_history.json"), Category::Searches);
        assert_eq!(category_for("security_and_login_information/account_activity.json"), Category::DevicesLogins);
        assert_eq!(category_for("logged_information/location/primary_location.json"), Category::Location);
        assert_eq!(category_for("your_facebook_activity/facebook_payments/payment_history.json"), Category::Purchases);
        assert_eq!(category_for("preferences/your_topics/your_topics.json"), Category::AdInterests);
        assert_eq!(category_for("personal_information/other_personal_information/x.json"), Category::IdentityContact);
        assert_eq!(category_for("your_facebook_activity/events/your_events.json"), Category::ActivityBrowsing);
    }
}
