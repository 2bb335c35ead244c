//! Which Reddit file is which: the ~38 flat CSVs of a Reddit data request (UTF-8 BOM, dates
//! `2025-05-18 04:35:32 UTC`), by name (numbered parts such as `post_votes_1.csv` included)
//! and, for files with a distinctive header, by header; and how most rows become records.
//! Identity files and linked accounts have their own parsers ([`super::identity`]).
//!
//! Header files (`post_headers.csv`, `comment_headers.csv`, `message_headers.csv`,
//! `messages_archive_headers.csv`) repeat the rows of their full file without the bodies, and
//! `checkfile.csv` holds the archive's checksums: they are skipped.
//!
//! The table is ordered so that, by header, the more specific file is tried first (a
//! `posts.csv` header also has `date` and `ip`).

use super::parser;
use crate::formats::csv_export::{CompanyFrom, CsvFile, RowSpec};
use crate::model::{Category, Relation};

/// File stems no other platform's export has (two give 1.0).
pub const MARKERS: &[&str] = &[
    "postvotes",
    "commentvotes",
    "subscribedsubreddits",
    "savedposts",
    "savedcomments",
    "hiddenposts",
    "gildedcontent",
    "goldreceived",
    "moderatedsubreddits",
    "approvedsubmittersubreddits",
    "multireddits",
    "linkedidentities",
    "sensitiveadspreferences",
    "postheaders",
    "commentheaders",
];

const HEADERS_SKIP: &str = "the same rows as the full file, without the bodies";
/// Payment processors and app stores (`stripe`, `apple`, `google`) the account pays through.
const PROCESSOR: CompanyFrom = CompanyFrom::Column(&["processor"], Relation::ConnectedApp);

pub const FILES: &[CsvFile] = &[
    // Content.
    CsvFile::rows(
        &["comments"],
        &["permalink", "subreddit", "parent", "body"],
        "reddit_comments",
        RowSpec::new("comment", Category::Content, &["Comment in r/{subreddit}"])
            .body(&["body"])
            .time(&["date"])
            .key(&["id"]),
    ),
    CsvFile::rows(
        &["posts"],
        &["permalink", "subreddit", "title", "url"],
        "reddit_posts",
        RowSpec::new(
            "post",
            Category::Content,
            &["Post in r/{subreddit}: {title}", "Post: {title}"],
        )
        .body(&["body"])
        .time(&["date"])
        .key(&["id"]),
    ),
    CsvFile::rows(
        &["drafts"],
        &["kind", "spoiler", "send_replies"],
        "reddit_drafts",
        RowSpec::new(
            "draft",
            Category::Content,
            &["Draft in r/{subreddit}: {title}", "Draft: {title}"],
        )
        .body(&["body"])
        .time(&["created"])
        .key(&["id"]),
    ),
    CsvFile::rows(
        &["scheduledposts"],
        &["scheduled_post_id"],
        "reddit_scheduled_posts",
        RowSpec::new(
            "scheduled_post",
            Category::Content,
            &["Scheduled post in r/{subreddit}: {title}"],
        )
        .body(&["body"])
        .time(&["submission_time"])
        .key(&["scheduled_post_id"]),
    ),
    CsvFile::rows(
        &["goldreceived"],
        &["gold_received", "gilder_username"],
        "reddit_gold_received",
        RowSpec::new(
            "award_received",
            Category::Content,
            &[
                "Award from {gilder_username} on {content_link}",
                "Award on {content_link}",
            ],
        )
        .time(&["date"]),
    ),
    CsvFile::skip(
        &[
            "postheaders",
            "commentheaders",
            "messageheaders",
            "messagesarchiveheaders",
        ],
        HEADERS_SKIP,
    ),
    CsvFile::skip(
        &["checkfile"],
        "checksums of the archive's files, not data about you",
    ),
    // Messages.
    CsvFile::rows(
        &["messages", "messagesarchive"],
        &["thread_id", "from", "to"],
        "reddit_messages",
        RowSpec::new(
            "message",
            Category::Messages,
            &[
                "Message from {from} to {to}: {subject}",
                "Message from {from} to {to}",
            ],
        )
        .body(&["body"])
        .time(&["date"])
        .key(&["id"]),
    ),
    CsvFile::rows(
        &["chathistory"],
        &["message_id", "channel_url"],
        "reddit_chat_history",
        RowSpec::new(
            "chat_message",
            Category::Messages,
            &[
                "Chat message from {username} in {channel_name}",
                "Chat message from {username}",
            ],
        )
        .body(&["message"])
        .time(&["created_at"])
        .key(&["message_id"]),
    ),
    CsvFile::rows(
        &["announcements"],
        &["announcement_id"],
        "reddit_announcements",
        RowSpec::new(
            "announcement",
            Category::Messages,
            &["Announcement: {subject}"],
        )
        .body(&["body"])
        .time(&["sent_at"])
        .key(&["announcement_id"]),
    ),
    // Activity.
    CsvFile::rows(
        &["postvotes"],
        &["permalink", "direction"],
        "reddit_post_votes",
        RowSpec::new(
            "post_vote",
            Category::ActivityBrowsing,
            &["Voted {direction} on {permalink}"],
        )
        .key(&["id"]),
    ),
    CsvFile::rows(
        &["commentvotes"],
        &[],
        "reddit_comment_votes",
        RowSpec::new(
            "comment_vote",
            Category::ActivityBrowsing,
            &["Voted {direction} on {permalink}"],
        )
        .key(&["id"]),
    ),
    CsvFile::rows(
        &["savedposts"],
        &[],
        "reddit_saved_posts",
        RowSpec::new(
            "saved_post",
            Category::ActivityBrowsing,
            &["Saved {permalink}"],
        )
        .key(&["id"]),
    ),
    CsvFile::rows(
        &["savedcomments"],
        &[],
        "reddit_saved_comments",
        RowSpec::new(
            "saved_comment",
            Category::ActivityBrowsing,
            &["Saved {permalink}"],
        )
        .key(&["id"]),
    ),
    CsvFile::rows(
        &["hiddenposts"],
        &[],
        "reddit_hidden_posts",
        RowSpec::new(
            "hidden_post",
            Category::ActivityBrowsing,
            &["Hid {permalink}"],
        )
        .key(&["id"]),
    ),
    CsvFile::rows(
        &["pollvotes"],
        &["user_selection", "is_prediction"],
        "reddit_poll_votes",
        RowSpec::new(
            "poll_vote",
            Category::ActivityBrowsing,
            &[
                "Voted “{text}” in poll {post_id}",
                "Voted in poll {post_id}",
            ],
        )
        .key(&["post_id"]),
    ),
    CsvFile::rows(
        &["multireddits"],
        &["display_name", "subreddits"],
        "reddit_multireddits",
        RowSpec::new(
            "multireddit",
            Category::ActivityBrowsing,
            &[
                "Custom feed {display_name}: {subreddits}",
                "Custom feed {display_name}",
            ],
        )
        .time(&["date"])
        .key(&["id"]),
    ),
    CsvFile::rows(
        &["userpreferences"],
        &["preference", "value"],
        "reddit_preferences",
        RowSpec::new(
            "preference",
            Category::ActivityBrowsing,
            &["{preference}: {value}", "{preference}"],
        )
        .key(&["preference", "value"]),
    ),
    CsvFile::rows(
        &["sensitiveadspreferences"],
        &["type", "preference"],
        "reddit_sensitive_ads",
        RowSpec::new(
            "sensitive_ads_preference",
            Category::AdInterests,
            &["Ads about {type}: {preference}"],
        )
        .key(&["type", "preference"]),
    ),
    // Communities and people.
    CsvFile::rows(
        &["subscribedsubreddits"],
        &[],
        "reddit_subscribed_subreddits",
        RowSpec::new(
            "subreddit_subscription",
            Category::SocialGraph,
            &["Member of r/{subreddit}"],
        )
        .key(&["subreddit"]),
    ),
    CsvFile::rows(
        &["moderatedsubreddits"],
        &[],
        "reddit_moderated",
        RowSpec::new(
            "subreddit_moderator",
            Category::SocialGraph,
            &["Moderator of r/{subreddit}"],
        )
        .key(&["subreddit"]),
    ),
    CsvFile::rows(
        &["approvedsubmittersubreddits"],
        &[],
        "reddit_approved_submitter",
        RowSpec::new(
            "subreddit_approved_submitter",
            Category::SocialGraph,
            &["Approved submitter in r/{subreddit}"],
        )
        .key(&["subreddit"]),
    ),
    CsvFile::rows(
        &["friends"],
        &["username", "note"],
        "reddit_friends",
        RowSpec::new("friend", Category::SocialGraph, &["Following u/{username}"])
            .key(&["username"]),
    ),
    // Account, devices, demographics.
    CsvFile::custom(&["statistics"], &["statistic", "value"], parser::STATISTICS),
    CsvFile::rows(
        &["birthdate"],
        &["verified_birthdate"],
        parser::BIRTHDATE,
        super::identity::BIRTHDATE,
    ),
    CsvFile::rows(
        &["linkedphonenumber"],
        &["phone_number"],
        parser::PHONE,
        super::identity::PHONE,
    ),
    CsvFile::custom(
        &["linkedidentities"],
        &["issuer_id", "subject_id"],
        parser::LINKED_IDENTITIES,
    ),
    CsvFile::rows(
        &["accountgender"],
        &["account_gender"],
        "reddit_gender",
        RowSpec::new(
            "gender",
            Category::Demographics,
            &["Gender: {account_gender}"],
        ),
    ),
    CsvFile::rows(
        &["iplogs"],
        &[],
        "reddit_ip_logs",
        RowSpec::new("ip_log", Category::DevicesLogins, &["Seen from {ip}"])
            .time(&["date"])
            .key(&["date", "ip"]),
    ),
    // Third parties named by the file itself.
    CsvFile::rows(
        &["persona"],
        &["persona_inquiry_id"],
        "reddit_persona",
        RowSpec::new(
            "identity_verification",
            Category::IdentityContact,
            &["Identity verification through Persona (inquiry {persona_inquiry_id})"],
        )
        .key(&["persona_inquiry_id"])
        .company(CompanyFrom::Fixed("Persona", Relation::DataPartner)),
    ),
    CsvFile::rows(
        &["stripe"],
        &["stripe_account_id"],
        "reddit_stripe",
        RowSpec::new(
            "payment_account",
            Category::Purchases,
            &["Stripe account {stripe_account_id} linked to your Reddit account"],
        )
        .key(&["stripe_account_id"])
        .company(CompanyFrom::Fixed("Stripe", Relation::ConnectedApp)),
    ),
    CsvFile::rows(
        &["twitter"],
        &[],
        "reddit_twitter",
        RowSpec::new(
            "linked_account",
            Category::IdentityContact,
            &["X (Twitter) account @{username} linked to your Reddit account"],
        )
        .key(&["username"])
        .company(CompanyFrom::Fixed("X Corp.", Relation::ConnectedApp)),
    ),
    // Money.
    CsvFile::rows(
        &["purchases"],
        &["processor", "transaction_id"],
        "reddit_purchases",
        RowSpec::new(
            "purchase",
            Category::Purchases,
            &["Bought {product} ({cost} {currency})", "Bought {product}"],
        )
        .time(&["date"])
        .key(&["transaction_id"])
        .company(PROCESSOR),
    ),
    CsvFile::rows(
        &["subscriptions"],
        &["processor", "subscription_id"],
        "reddit_subscriptions",
        RowSpec::new(
            "subscription",
            Category::Purchases,
            &["Subscribed to {product_name}", "Subscribed to {product}"],
        )
        .time(&["start_date"])
        .until(&["end_date"])
        .key(&["subscription_id"])
        .company(PROCESSOR),
    ),
    CsvFile::rows(
        &["payouts"],
        &["payout_amount_usd"],
        "reddit_payouts",
        RowSpec::new(
            "payout",
            Category::Purchases,
            &["Payout of {payout_amount_usd} USD"],
        )
        .time(&["date"])
        .key(&["payout_id", "date"]),
    ),
    CsvFile::rows(
        &["gildedcontent"],
        &["content_link", "award"],
        "reddit_gilded_content",
        RowSpec::new(
            "award_given",
            Category::Purchases,
            &["Gave {award} to {content_link}"],
        )
        .time(&["date"]),
    ),
];
