//! TikTok's plain lists, each described once as a [`RowSpec`] (see [`crate::importers::rows`]):
//! `{"<Section>": {"<Name>List": [{"Date": "2024-03-01 09:30:00", "Link": "...", ...}]}}`.

use crate::importers::rows::RowSpec;
use crate::model::Category;

const DATE: &[&str] = &["Date", "date"];
const LINK: &[&str] = &["Link", "VideoLink", "link"];
const USER: &[&str] = &["UserName", "Username", "User"];

pub const WATCHED: RowSpec = RowSpec::simple(
    "video_watched",
    Category::MediaConsumption,
    "Watched ",
    DATE,
    LINK,
);
pub const SEARCH: RowSpec = RowSpec::simple(
    "search",
    Category::Searches,
    "Searched for ",
    DATE,
    &["SearchTerm", "Search Term", "Term"],
);
pub const LIKE: RowSpec = RowSpec::simple("like", Category::ActivityBrowsing, "Liked ", DATE, LINK);
pub const POST: RowSpec = RowSpec {
    extra: &[
        &["Title"],
        &["Likes"],
        &["WhoCanView"],
        &["Sound"],
        &["Location"],
    ],
    ..RowSpec::simple("post", Category::Content, "Posted ", DATE, LINK)
};
pub const LOGIN: RowSpec = RowSpec {
    extra: &[&["IP"], &["DeviceSystem"], &["NetworkType"], &["Carrier"]],
    ..RowSpec::simple(
        "login",
        Category::DevicesLogins,
        "Logged in from ",
        DATE,
        &["DeviceModel", "Device"],
    )
};
pub const SHARE: RowSpec = RowSpec {
    extra: &[&["SharedContent"], &["Method"]],
    ..RowSpec::simple("share", Category::ActivityBrowsing, "Shared ", DATE, LINK)
};
pub const COMMENT: RowSpec = RowSpec {
    main_is_text: true,
    extra: &[&["Photo"], &["Url"]],
    ..RowSpec::simple(
        "comment",
        Category::Content,
        "Comment",
        DATE,
        &["Comment", "comment", "CommentContent"],
    )
};
pub const FOLLOWER: RowSpec = RowSpec {
    tag: Some(("list", "follower")),
    ..RowSpec::simple(
        "connection",
        Category::SocialGraph,
        "Follower: ",
        DATE,
        USER,
    )
};
pub const FOLLOWING: RowSpec = RowSpec {
    tag: Some(("list", "following")),
    ..RowSpec::simple(
        "connection",
        Category::SocialGraph,
        "Following: ",
        DATE,
        USER,
    )
};
pub const BLOCKED: RowSpec = RowSpec {
    tag: Some(("list", "blocked")),
    ..RowSpec::simple("connection", Category::SocialGraph, "Blocked: ", DATE, USER)
};

/// Favourites of one kind (`FavoriteVideoList`, `FavoriteSoundList`, ...).
const fn favorite(what: &'static str, verb: &'static str) -> RowSpec {
    RowSpec {
        tag: Some(("what", what)),
        ..RowSpec::simple(
            "favorite",
            Category::ActivityBrowsing,
            verb,
            DATE,
            &[
                "Link",
                "EffectLink",
                "SoundLink",
                "HashtagLink",
                "FavoriteCollection",
                "link",
            ],
        )
    }
}
pub const FAVORITE_VIDEO: RowSpec = favorite("video", "Saved video ");
pub const FAVORITE_SOUND: RowSpec = favorite("sound", "Saved sound ");
pub const FAVORITE_HASHTAG: RowSpec = favorite("hashtag", "Saved hashtag ");
pub const FAVORITE_EFFECT: RowSpec = favorite("effect", "Saved effect ");
pub const FAVORITE_OTHER: RowSpec = favorite("other", "Saved ");

pub const HASHTAG_USED: RowSpec = RowSpec {
    extra: &[&["HashtagLink"]],
    ..RowSpec::simple(
        "hashtag_used",
        Category::Content,
        "Used hashtag ",
        &[],
        &["HashtagName"],
    )
};
pub const DEVICE_STATUS: RowSpec = RowSpec {
    extra: &[
        &["Resolution"],
        &["IDFA"],
        &["GAID"],
        &["Android ID"],
        &["IDFV"],
        &["Web ID"],
    ],
    ..RowSpec::simple(
        "device_status",
        Category::DevicesLogins,
        "App version ",
        &[],
        &["App Version"],
    )
};
pub const LIVE_HOSTED: RowSpec = RowSpec {
    extra: &[
        &["LiveEndTime"],
        &["LiveDuration"],
        &["TotalView"],
        &["TotalLike"],
        &["RoomId"],
    ],
    ..RowSpec::simple(
        "live_hosted",
        Category::Content,
        "Went live: ",
        &["LiveStartTime"],
        &["RoomTitle"],
    )
};
pub const LIVE_WATCHED: RowSpec = RowSpec::simple(
    "live_watched",
    Category::MediaConsumption,
    "Watched live ",
    &["WatchTime"],
    LINK,
);
pub const LIVE_COMMENT: RowSpec = RowSpec {
    main_is_text: true,
    ..RowSpec::simple(
        "comment",
        Category::Content,
        "Live comment",
        &["CommentTime", "QuestionTime"],
        &["CommentContent", "QuestionContent"],
    )
};
pub const REVIEW: RowSpec = RowSpec {
    extra: &[&["Rating"], &["ReviewText"], &["Status"]],
    ..RowSpec::simple(
        "review",
        Category::Content,
        "Reviewed ",
        DATE,
        &["PlaceName"],
    )
};
pub const LOCATION: RowSpec = RowSpec {
    extra: &[&["GpsData"]],
    ..RowSpec::simple(
        "location",
        Category::Location,
        "Last known region: ",
        DATE,
        &["LastRegion", "Region"],
    )
};

// TikTok Shop and coins.
pub const PRODUCT_VIEW: RowSpec = RowSpec {
    extra: &[&["shop_name", "ShopName"]],
    ..RowSpec::simple(
        "product_view",
        Category::ActivityBrowsing,
        "Viewed product ",
        &["browsing_date", "BrowsingDate", "Date"],
        &["product_name", "ProductName"],
    )
};
pub const CART_ITEM: RowSpec = RowSpec {
    extra: &[&["ShopName", "shop_name"], &["SkuCount"]],
    ..RowSpec::simple(
        "cart_item",
        Category::Purchases,
        "Added to cart: ",
        &["CreateTime", "create_time", "Date"],
        &["ProductName", "product_name"],
    )
};
pub const ORDER: RowSpec = RowSpec {
    extra: &[
        &["order_id", "OrderId", "Order ID"],
        &["shop_name", "ShopName"],
        &["total_price", "TotalPrice", "payment_amount", "Price"],
        &["order_status", "OrderStatus", "Status"],
    ],
    ..RowSpec::simple(
        "order",
        Category::Purchases,
        "Ordered ",
        &[
            "order_date",
            "OrderDate",
            "create_time",
            "CreateTime",
            "Date",
        ],
        &["product_name", "ProductName", "sku_name", "SkuName"],
    )
};
pub const VOUCHER: RowSpec = RowSpec {
    extra: &[&["VoucherId"], &["Status"]],
    ..RowSpec::simple(
        "voucher",
        Category::Purchases,
        "Voucher: ",
        &["ReceivedDate", "Date"],
        &["VoucherName", "VoucherText"],
    )
};
pub const SAVED_ADDRESS: RowSpec = RowSpec {
    extra: &[&["receiver_name", "ReceiverName"]],
    ..RowSpec::simple(
        "saved_address",
        Category::IdentityContact,
        "Saved address: ",
        &[],
        &["adress_info", "address_info", "Address"],
    )
};
pub const GIFT_SENT: RowSpec = RowSpec {
    extra: &[&["GiftAmount"]],
    ..RowSpec::simple(
        "gift_sent",
        Category::Purchases,
        "Sent a gift to ",
        DATE,
        USER,
    )
};
pub const COINS_BOUGHT: RowSpec = RowSpec::simple(
    "coins_bought",
    Category::Purchases,
    "Bought coins for ",
    DATE,
    &["Price", "Amount"],
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::importers::rows::emit_row;
    use crate::testing::{data_json, MemorySink};
    use serde_json::json;
    use serde_json::Value;

    fn run(spec: &RowSpec, values: &[Value]) -> MemorySink {
        let (out, r) = MemorySink::run_parser("user_data.json", "", |_, cx| {
            for (i, v) in values.iter().enumerate() {
                emit_row(cx, i as u64, spec, v)?;
            }
            Ok(())
        });
        r.unwrap();
        out
    }

    /// (spec, element, title, ts, warnings)
    type Case = (
        &'static RowSpec,
        Value,
        Option<&'static str>,
        Option<i64>,
        usize,
    );

    #[test]
    fn rows_of_every_shape() {
        let cases: Vec<Case> = vec![
            (
                &WATCHED,
                json!({"Date": "2024-03-01 12:00:00", "Link": "https://www.tiktokv.com/share/video/1/"}),
                Some("Watched https://www.tiktokv.com/share/video/1/"),
                Some(1_709_294_400_000),
                0,
            ),
            (
                &WATCHED,
                json!({"Date": "2024-03-01 12:00:00", "VideoLink": "v"}),
                Some("Watched v"),
                Some(1_709_294_400_000),
                0,
            ),
            (
                &SEARCH,
                json!({"date": "2024-03-01 12:00:00", "Search Term": "rust"}),
                Some("Searched for rust"),
                Some(1_709_294_400_000),
                0,
            ),
            (
                &SEARCH,
                json!({"Date": "yesterday", "SearchTerm": "x"}),
                Some("Searched for x"),
                None,
                1,
            ),
            (
                &FOLLOWER,
                json!({"Date": "N/A", "UserName": "sam"}),
                Some("Follower: sam"),
                None,
                0,
            ),
            (
                &COMMENT,
                json!({"date": "2024-03-01 12:00:00", "comment": "nice"}),
                Some("Comment"),
                Some(1_709_294_400_000),
                0,
            ),
            (
                &LOGIN,
                json!({"Date": "2024-03-01 12:00:00", "IP": "192.0.2.1"}),
                Some("Logged in from"),
                Some(1_709_294_400_000),
                0,
            ),
            (&WATCHED, json!("just a string"), None, None, 1),
            (&WATCHED, json!({"Other": 1}), None, None, 1),
        ];
        for (spec, v, title, ts, warnings) in cases {
            let out = run(spec, std::slice::from_ref(&v));
            assert_eq!(out.warnings.len(), warnings, "{v}: {:?}", out.warnings);
            assert_eq!(
                out.records.first().and_then(|r| r.title.as_deref()),
                title,
                "{v}"
            );
            assert_eq!(out.records.first().and_then(|r| r.ts), ts, "{v}");
        }
    }

    #[test]
    fn details_tags_and_keys() {
        let out = run(
            &LOGIN,
            &[
                json!({"Date": "2024-03-01 12:00:00", "DeviceModel": "Pixel 8", "IP": "192.0.2.1", "Carrier": "N/A"}),
            ],
        );
        let d = data_json(&out.records[0]);
        assert_eq!(d, json!({"IP": "192.0.2.1"}));
        let a = run(
            &FOLLOWER,
            &[json!({"Date": "2024-03-01 12:00:00", "UserName": "sam"})],
        );
        let b = run(
            &FOLLOWING,
            &[json!({"Date": "2024-03-01 12:00:00", "UserName": "sam"})],
        );
        assert_ne!(
            a.records[0].key, b.records[0].key,
            "a follower and a followee are two records"
        );
        assert_eq!(data_json(&a.records[0]), json!({"list": "follower"}));
        let again = run(
            &FOLLOWER,
            &[json!({"date": "2024-03-01 12:00:00", "Username": "sam"})],
        );
        assert_eq!(
            a.records[0].key, again.records[0].key,
            "keys survive key casing drift"
        );
        let c = run(
            &COMMENT,
            &[json!({"Date": "2024-03-01 12:00:00", "Comment": "so good"})],
        );
        assert_eq!(c.records[0].body.as_deref(), Some("so good"));
    }
}
