//! Telling a Facebook export from an Instagram one, from entry names only.
//!
//! Both come from the same tool and share many folders (`personal_information/`,
//! `connections/`, `ads_information/`, `messages/inbox/`), so shared folders only say "Meta".
//! Each platform is recognized by markers no export of the other has; two or more give
//! confidence 1.0, one gives 0.95, shared folders alone 0.3 (both platforms then tie, and the
//! user is asked). When both kinds of marker are present, the platform with fewer drops to 0.5.

use super::Platform;
use crate::importer::Recognition;
use std::collections::BTreeSet;

/// A marker: a name found somewhere in the tree, said in words.
struct Marker {
    /// Lowercase path fragment matched against `/`-delimited paths (with a leading `/`).
    fragment: &'static str,
    words: &'static str,
}

const FACEBOOK: &[Marker] = &[
    Marker { fragment: "/your_facebook_activity/", words: "your_facebook_activity/" },
    Marker { fragment: "/apps_and_websites_off_of_facebook/", words: "apps_and_websites_off_of_facebook/" },
    Marker { fragment: "/profile_information/profile_information.json", words: "profile_information.json" },
    Marker { fragment: "/friends_and_followers/", words: "friends_and_followers/" },
    Marker { fragment: "/comments_and_reactions/", words: "comments_and_reactions/" },
    Marker { fragment: "/posts/your_posts", words: "posts/your_posts" },
    Marker { fragment: "/your_off-facebook_activity.json", words: "your_off-facebook_activity.json" },
    Marker { fragment: "/ads/advertisers_who_uploaded_a_contact_list_with_your_information.json", words: "the 2018 ads/ folder" },
    Marker { fragment: "/facebook_marketplace/", words: "facebook_marketplace/" },
    // The HTML export's names of the same files.
    Marker { fragment: "/profile_information/profile_information.html", words: "profile_information.html" },
    Marker { fragment: "/your_off-facebook_activity.html", words: "your_off-facebook_activity.html" },
];

const INSTAGRAM: &[Marker] = &[
    Marker { fragment: "/your_instagram_activity/", words: "your_instagram_activity/" },
    Marker { fragment: "/apps_and_websites_off_of_instagram/", words: "apps_and_websites_off_of_instagram/" },
    Marker { fragment: "/instagram_ads_and_businesses/", words: "instagram_ads_and_businesses/" },
    Marker { fragment: "/followers_and_following/", words: "followers_and_following/" },
    Marker { fragment: "/ads_and_topics/", words: "ads_and_topics/" },
    Marker { fragment: "/account_information/personal_information.json", words: "account_information/personal_information.json" },
    Marker { fragment: "/content/posts_1.json", words: "content/posts_1.json" },
    Marker { fragment: "/likes/liked_posts.json", words: "likes/liked_posts.json" },
    // The flat 2019 download (not `account_history.json`: Snapchat writes one too).
    Marker { fragment: "/connections.json", words: "connections.json" },
    Marker { fragment: "/seen_content.json", words: "seen_content.json" },
    // The HTML export's names of the same files.
    Marker { fragment: "/account_information/personal_information.html", words: "account_information/personal_information.html" },
    Marker { fragment: "/content/posts_1.html", words: "content/posts_1.html" },
    Marker { fragment: "/likes/liked_posts.html", words: "likes/liked_posts.html" },
];

/// Folders both platforms use.
const SHARED: &[&str] = &[
    "/messages/inbox/",
    "/personal_information/",
    "/connections/",
    "/ads_information/",
    "/logged_information/",
    "/security_and_login_information/",
    "/preferences/",
    "/ads_and_businesses/",
];

/// The markers found in a listing.
#[derive(Debug, Default, PartialEq)]
pub struct Evidence {
    pub facebook: BTreeSet<&'static str>,
    pub instagram: BTreeSet<&'static str>,
    pub shared: BTreeSet<&'static str>,
}

/// Look at every entry name once.
pub fn evidence<'a>(paths: impl IntoIterator<Item = &'a str>) -> Evidence {
    let mut e = Evidence::default();
    for p in paths {
        let p = format!("/{}", p.to_ascii_lowercase());
        for m in FACEBOOK {
            if p.contains(m.fragment) {
                e.facebook.insert(m.words);
            }
        }
        for m in INSTAGRAM {
            if p.contains(m.fragment) {
                e.instagram.insert(m.words);
            }
        }
        for s in SHARED {
            if p.contains(s) {
                e.shared.insert(s.trim_start_matches('/'));
            }
        }
    }
    e
}

fn list(set: &BTreeSet<&str>) -> String {
    set.iter().copied().collect::<Vec<_>>().join(", ")
}

/// How sure we are that the listing is `platform`'s export.
pub fn recognition(e: &Evidence, platform: Platform) -> Recognition {
    let (own, other, name, other_name) = match platform {
        Platform::Facebook => (&e.facebook, &e.instagram, "Facebook", "Instagram"),
        Platform::Instagram => (&e.instagram, &e.facebook, "Instagram", "Facebook"),
    };
    if own.is_empty() {
        if other.is_empty() && !e.shared.is_empty() {
            return Recognition::yes(
                0.3,
                format!("Meta export folders ({}) but nothing only {name} writes", list(&e.shared)),
            );
        }
        return Recognition::no();
    }
    let reason = format!("found {} (only {name} exports have them)", list(own));
    if other.len() > own.len() {
        return Recognition::yes(0.5, format!("{reason}, but more {other_name} folders ({})", list(other)));
    }
    let confidence = if own.len() >= 2 { 1.0 } else { 0.95 };
    Recognition::yes(confidence, reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conf(paths: &[&str], p: Platform) -> f32 {
        recognition(&evidence(paths.iter().copied()), p).confidence
    }

    #[test]
    fn each_generation_is_recognized_without_a_tie() {
        let fb2022 = ["facebook-alex/profile_information/profile_information.json", "facebook-alex/messages/inbox/a_1/message_1.json", "facebook-alex/posts/your_posts_1.json"];
        let fb2024 = ["your_facebook_activity/messages/inbox/a_1/message_1.json", "personal_information/profile_information/profile_information.json", "connections/friends/your_friends.json"];
        let fb2018 = ["ads/advertisers_who_uploaded_a_contact_list_with_your_information.json", "messages/inbox/a/message.json"];
        let ig2021 = ["account_information/personal_information.json", "content/posts_1.json", "messages/inbox/a_1/message_1.json"];
        let ig2022 = ["personal_information/personal_information.json", "followers_and_following/followers_1.json", "ads_and_topics/ads_viewed.json", "likes/liked_posts.json"];
        let ig2019 = ["instagram_20190901/profile.json", "instagram_20190901/connections.json", "instagram_20190901/seen_content.json", "instagram_20190901/media.json"];
        let ig2025 = ["your_instagram_activity/media/posts_1.json", "connections/followers_and_following/following.json", "ads_information/instagram_ads_and_businesses/advertisers_using_your_activity_or_information.json"];
        for fb in [&fb2022[..], &fb2024[..]] {
            assert_eq!(conf(fb, Platform::Facebook), 1.0, "{fb:?}");
            assert_eq!(conf(fb, Platform::Instagram), 0.0, "{fb:?}");
        }
        assert_eq!(conf(&fb2018, Platform::Facebook), 0.95);
        assert_eq!(conf(&fb2018, Platform::Instagram), 0.0);
        // HTML-only exports: the same folders with `.html` pages.
        let fb_html = ["profile_information/profile_information.html", "messages/inbox/a_1/message_1.html", "apps_and_websites_off_of_facebook/your_off-facebook_activity.html"];
        let ig_html = ["account_information/personal_information.html", "content/posts_1.html", "messages/inbox/a_1/message_1.html"];
        assert_eq!(conf(&fb_html, Platform::Facebook), 1.0);
        assert_eq!(conf(&fb_html, Platform::Instagram), 0.0);
        assert_eq!(conf(&ig_html, Platform::Instagram), 1.0);
        assert_eq!(conf(&ig_html, Platform::Facebook), 0.0);
        for ig in [&ig2019[..], &ig2021[..], &ig2022[..], &ig2025[..]] {
            assert_eq!(conf(ig, Platform::Instagram), 1.0, "{ig:?}");
            assert_eq!(conf(ig, Platform::Facebook), 0.0, "{ig:?}");
        }
    }

    #[test]
    fn shared_only_is_weak_and_mixed_prefers_the_majority() {
        let shared = ["messages/inbox/a_1/message_1.json", "ads_information/x.json"];
        assert_eq!(conf(&shared, Platform::Facebook), 0.3);
        assert_eq!(conf(&shared, Platform::Instagram), 0.3);
        let mixed = ["your_instagram_activity/a.json", "followers_and_following/following.json", "comments_and_reactions/comments.json"];
        assert_eq!(conf(&mixed, Platform::Instagram), 1.0);
        assert_eq!(conf(&mixed, Platform::Facebook), 0.5);
        assert_eq!(conf(&["Takeout/My Activity/Search/MyActivity.json"], Platform::Facebook), 0.0);
        let r = recognition(&evidence(["your_facebook_activity/x.json"]), Platform::Facebook);
        assert_eq!(r.reason, "found your_facebook_activity/ (only Facebook exports have them)");
    }
}
