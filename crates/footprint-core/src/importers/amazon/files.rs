//! Which Amazon file is which: every CSV of a "Request my data" export, by name (the dotted
//! names Amazon gives its datasets, `Retail.OrderHistory.1.csv`, `Digital Items.csv`, in any
//! folder of any of the zips) and by header, and how most of them become records (one row,
//! one record). Orders, addresses, payment options, the profile and the advertising files have
//! their own parsers ([`super::orders`], [`super::account`], [`super::ads`]).
//!
//! Columns are those of real exports where known; the others are assumptions listed in
//! docs/IMPORTERS.md. Alternative spellings are listed where exports drifted.

use super::parser;
use crate::formats::csv_export::{CsvFile, RowSpec};
use crate::model::Category;

/// File stems (see [`super::amazon_stem`]) no other platform's export has: two give 1.0.
pub const MARKERS: &[&str] = &[
    "retailorderhistory",
    "retailordersreturned",
    "retailcustomerreturns",
    "retailcartitems",
    "retailsearchdataretailcustomerengagement",
    "searchdatacustomerengagement",
    "retailsellerfeedback",
    "retailregionauthority",
    "retailcustomerprofile",
    "retailaddressbook",
    "retailpaymentoptions",
    "retailsubscriptions",
    "retailcustomerservicecontacts",
    "digitalitems",
    "digitalorders",
    "digitalordersmonetary",
    "kindledevicesreadingsession",
    "kindlecustomerlibrary",
    "audiblelibrary",
    "audiblelistening",
    "audiblemembershipbillings",
    "primevideoviewinghistory",
    "primevideowatchlist",
    "digitalprimevideoviewinghistory",
    "digitalprimevideowatchlist",
    "digitalprimevideowatchlisthistory",
    "digitalprimevideoviewcounts",
    "audiblemembershipevent",
    "alexavoicehistory",
    "advertisingadvertiseraudiences",
    "advertising3paudiences",
    "advertisingamazonaudiences",
    "advertisingadvertiserclicks",
    "advertisingoptout",
];

/// Kinds whose times are US month-first (`03/15/2023 14:05:09`): Prime Video's files.
pub const MONTH_FIRST: &[&str] = &["prime_video_view", "prime_video_watchlist"];

pub const FILES: &[CsvFile] = &[
    // Retail.
    CsvFile::custom(
        &["retailorderhistory", "orderhistory"],
        &["Order ID", "Order Date", "ASIN", "Product Name"],
        parser::ORDERS,
    ),
    CsvFile::rows(
        &["retailordersreturned", "retailordersreturnedpayments"],
        &["OrderID", "ReversalID"],
        "amazon_refunds",
        RowSpec::new(
            "refund",
            Category::Purchases,
            &[
                "Refund for order {OrderID}: {AmountRefunded} {Currency}",
                "Refund for order {OrderID}",
            ],
        )
        .time(&["RefundCompletionDate", "Creation Date", "CreationDate"])
        .key(&["OrderID", "ReversalID"])
        .money(&["AmountRefunded", "Refund Amount"], &["Currency"])
        .refund(),
    ),
    CsvFile::rows(
        &["retailcustomerreturns"],
        &["Order ID", "Return Request Date"],
        "amazon_returns",
        RowSpec::new(
            "return",
            Category::Purchases,
            &[
                "Returned {Product Name} ({Reason for Return})",
                "Return of order {Order ID} ({Reason for Return})",
                "Return of order {Order ID}",
            ],
        )
        .time(&["Return Request Date", "Creation Date"])
        .key(&["Order ID", "Contract ID", "Return Request Date"]),
    ),
    CsvFile::rows(
        &["retailcartitems"],
        &["ASIN", "Date Added To Cart"],
        "amazon_cart_items",
        RowSpec::new(
            "cart_item",
            Category::Purchases,
            &[
                "Put {Product Name} in the {Cart List}",
                "Put {ASIN} in the cart",
            ],
        )
        .time(&["Date Added To Cart"])
        .key(&["ASIN", "Cart List", "Date Added To Cart"]),
    ),
    CsvFile::rows(
        &[
            "retailsearchdataretailcustomerengagement",
            "searchdatacustomerengagement",
            "retailsearchdata",
        ],
        &["First Search Time (GMT)", "Keywords"],
        "amazon_searches",
        RowSpec::new(
            "search",
            Category::Searches,
            &[
                "Searched for {Keywords}",
                "Searched for {First Search Query String}",
                "Searched for {First Search Query}",
            ],
        )
        .time(&[
            "First Search Time (GMT)",
            "First Search Time",
            "Search Time",
        ])
        .until(&["Last search Time (GMT)"])
        .key(&["First Search Time (GMT)", "Query ID", "Keywords"]),
    ),
    CsvFile::rows(
        &[
            "retailsubscriptions",
            "subscriptions",
            "digitalsubscriptions",
        ],
        &["Subscription Id", "Subscription Status"],
        "amazon_subscriptions",
        RowSpec::new(
            "subscription",
            Category::Purchases,
            &[
                "Subscription: {Subscription Name} ({Subscription Status})",
                "Subscription: {Subscription Name}",
                "Subscription {Subscription Id}",
            ],
        )
        .time(&["Subscription Start Date", "Start Date"])
        .until(&["Subscription End Date", "End Date"])
        .key(&["Subscription Id"])
        // Not in the exports seen (assumed names): a price, when there is one, is money.
        .money(
            &["Subscription Price", "Price", "Amount"],
            &["Currency", "Currency Code"],
        ),
    ),
    CsvFile::rows(
        &[
            "retailcustomerservicecontacts",
            "customerservicecontacts",
            "customerservicecontacthistory",
        ],
        &["Contact Date", "Channel"],
        "amazon_customer_service",
        RowSpec::new(
            "customer_service_contact",
            Category::Messages,
            &[
                "Customer service ({Channel}): {Subject}",
                "Customer service ({Channel})",
            ],
        )
        .body(&["Transcript", "Notes"])
        .time(&["Contact Date", "Contact Time"])
        .key(&["Contact ID", "Contact Date", "Channel"]),
    ),
    // Sellers you rated: the seller stays data (no relation fits "you rated them").
    CsvFile::rows(
        &["retailsellerfeedback"],
        &[],
        "amazon_seller_feedback",
        RowSpec::new(
            "seller_feedback",
            Category::Content,
            &["Rated seller {Seller Name}: {Rating}", "Seller feedback"],
        )
        .body(&["Comments", "Feedback"])
        .time(&["Feedback Date", "Date"]),
    ),
    CsvFile::rows(
        &["retailregionauthority"],
        &[],
        "amazon_region_authority",
        RowSpec::new(
            "region_authority",
            Category::Location,
            &["Region: {City} {State} {Postal Code}", "Region record"],
        )
        .time(&["Date", "Creation Date"]),
    ),
    CsvFile::rows(
        &["lightweightinteractions"],
        &[],
        "amazon_light_interactions",
        RowSpec::new(
            "light_interaction",
            Category::ActivityBrowsing,
            &["{InteractionType} {ASIN}", "Interaction"],
        )
        .time(&["CreationTime", "Date"]),
    ),
    // Identifiers of the owner (own parsers).
    CsvFile::custom(
        &["retailcustomerprofile", "customerprofile"],
        &["Email", "Name", "Account Created"],
        parser::PROFILE,
    ),
    CsvFile::custom(
        &["retailaddressbook", "addressbook", "addresses"],
        &["Address Line 1", "Postal Code"],
        parser::ADDRESSES,
    ),
    CsvFile::custom(
        &["retailpaymentoptions", "paymentoptions"],
        &["Payment Method", "Last Digits"],
        parser::PAYMENT_OPTIONS,
    ),
    // Digital orders (Kindle books, apps, music, video bought or rented).
    CsvFile::rows(
        &["digitalitems"],
        &["DigitalOrderItemId", "OrderId"],
        "amazon_digital_items",
        RowSpec::new(
            "digital_item",
            Category::Purchases,
            &[
                "Bought {Title} ({Marketplace})",
                "Bought {Title}",
                "Bought {ASIN}",
            ],
        )
        .time(&["OrderDate", "FulfilledDate"])
        .key(&["OrderId", "DigitalOrderItemId", "ASIN"]),
    ),
    CsvFile::rows(
        &["digitalorders"],
        &["OrderId", "OrderDate", "OrderStatus"],
        "amazon_digital_orders",
        RowSpec::new(
            "digital_order",
            Category::Purchases,
            &[
                "Digital order {OrderId} ({OrderStatus})",
                "Digital order {OrderId}",
            ],
        )
        .time(&["OrderDate"])
        .key(&["OrderId"]),
    ),
    CsvFile::rows(
        &["digitalordersmonetary"],
        &["DigitalOrderItemId", "TransactionAmount"],
        "amazon_digital_payments",
        RowSpec::new(
            "digital_payment",
            Category::Purchases,
            &[
                "{MonetaryComponentTypeCode} of {TransactionAmount} {Currency} for order {OrderId}",
                "Payment of {TransactionAmount} for order {OrderId}",
            ],
        )
        .time(&["TransactionDate", "OrderDate"])
        .key(&["OrderId", "DigitalOrderItemId", "MonetaryComponentTypeCode"])
        // What was charged, per component (price, tax, discount). Digital Items' `OurPrice`
        // is the same purchase seen as a catalogue price: only this file carries the money,
        // so a digital order is counted once.
        .money(&["TransactionAmount"], &["Currency", "BaseCurrencyCode"]),
    ),
    // Kindle.
    CsvFile::rows(
        &["kindledevicesreadingsession"],
        &["start_timestamp", "ASIN"],
        "amazon_kindle_reading",
        RowSpec::new(
            "kindle_reading_session",
            Category::MediaConsumption,
            &["Read {ASIN} on a {device_family}", "Read {ASIN}"],
        )
        .time(&["start_timestamp"])
        .until(&["end_timestamp"])
        .key(&["start_timestamp", "ASIN"]),
    ),
    CsvFile::rows(
        &["kindlecustomerlibrary", "kindlelibrary"],
        &["ASIN", "Product Name", "Acquired Date"],
        "amazon_kindle_library",
        RowSpec::new(
            "kindle_library_item",
            Category::MediaConsumption,
            &[
                "In your Kindle library: {Product Name}",
                "In your Kindle library: {ASIN}",
            ],
        )
        .time(&["Acquired Date", "Date Added"])
        .key(&["ASIN"]),
    ),
    // Audible.
    CsvFile::rows(
        &["audiblelibrary"],
        &["Asin", "Title", "Date Added"],
        "amazon_audible_library",
        RowSpec::new(
            "audible_library_item",
            Category::MediaConsumption,
            &[
                "In your Audible library: {Title}",
                "In your Audible library: {Asin}",
            ],
        )
        .time(&["Date Added", "DateAdded"])
        .key(&["Asin"]),
    ),
    CsvFile::rows(
        &["audiblelistening"],
        &["Asin", "Start Date", "Event Duration Milliseconds"],
        "amazon_audible_listening",
        RowSpec::new(
            "audible_listening",
            Category::MediaConsumption,
            &["Listened to {Title}", "Listened to {Asin}"],
        )
        .time(&["Start Date"])
        .until(&["End Date"])
        .key(&["Asin", "Start Date"]),
    ),
    CsvFile::rows(
        &[
            "audiblemembershipbillings",
            "audiblepurchasehistory",
            "audiblemembershipevent",
        ],
        &["BillingPeriodStartDate", "BillingAmount"],
        "amazon_audible_billing",
        RowSpec::new(
            "audible_billing",
            Category::Purchases,
            &[
                "Audible {Plan}: {BillingAmount} {Currency}",
                "Audible billing: {BillingAmount}",
            ],
        )
        .time(&["BillingPeriodStartDate", "TaxCreateDate"])
        .until(&["BillingPeriodEndDate"])
        .key(&["BillingPeriodStartDate", "Plan"])
        .money(&["BillingAmount"], &["Currency"]),
    ),
    CsvFile::rows(
        &["audiblemembershipevent"],
        &[],
        "amazon_audible_membership_events",
        RowSpec::new(
            "audible_membership_event",
            Category::Purchases,
            &[
                "Audible membership: {EventType} ({Plan})",
                "Audible membership: {EventType}",
            ],
        )
        .time(&["EventDate", "Event Date", "CreateDate"]),
    ),
    // Prime Video.
    CsvFile::rows(
        &[
            "digitalprimevideoviewinghistory",
            "primevideoviewinghistory",
        ],
        &["Playback Hour", "Title"],
        "amazon_prime_video_viewing",
        RowSpec::new(
            "prime_video_view",
            Category::MediaConsumption,
            &["Watched {Title} ({Video Type})", "Watched {Title}"],
        )
        .time(&["Playback Hour", "Start Time"])
        .key(&["Playback Hour", "Title"]),
    ),
    CsvFile::rows(
        &[
            "digitalprimevideowatchlist",
            "digitalprimevideowatchlisthistory",
            "primevideowatchlist",
        ],
        &["catalogTitle", "itemAddedDate"],
        "amazon_prime_video_watchlist",
        RowSpec::new(
            "prime_video_watchlist",
            Category::MediaConsumption,
            &[
                "On your watchlist: {catalogTitle}",
                "On your watchlist: {Title}",
            ],
        )
        .time(&["itemAddedDate", "Created Date"])
        .key(&["listId", "catalogTitle", "itemAddedDate"]),
    ),
    CsvFile::rows(
        &["digitalprimevideoviewcounts"],
        &[],
        "amazon_prime_video_view_counts",
        RowSpec::new(
            "prime_video_view_counts",
            Category::MediaConsumption,
            &["Prime Video: {Title} watched {View Count} times"],
        ),
    ),
    // Alexa: the voice history is listed; the recordings themselves are media (skipped).
    CsvFile::rows(
        &["alexavoicehistory", "alexautterances"],
        &["Creation Time", "Utterance"],
        "amazon_alexa_voice",
        RowSpec::new(
            "alexa_voice",
            Category::ActivityBrowsing,
            &[
                "Said to Alexa: {Utterance}",
                "Spoke to Alexa on {Device Name}",
            ],
        )
        .time(&["Creation Time", "Timestamp"])
        .key(&["Creation Time", "Utterance"]),
    ),
    // Advertising (own parsers: one-column lists under a sentence-long header).
    CsvFile::custom(
        &["advertisingadvertiseraudiences"],
        &[],
        parser::ADVERTISER_AUDIENCES,
    ),
    CsvFile::custom(
        &["advertising3paudiences"],
        &[],
        parser::THIRD_PARTY_AUDIENCES,
    ),
    CsvFile::custom(
        &["advertisingamazonaudiences"],
        &[],
        parser::AMAZON_AUDIENCES,
    ),
    CsvFile::custom(
        &["advertisingadvertiserclicks"],
        &[],
        parser::ADVERTISER_CLICKS,
    ),
    CsvFile::rows(
        &["advertisingoptout"],
        &[],
        "amazon_ad_opt_out",
        RowSpec::new(
            "ad_opt_out",
            Category::AdInterests,
            &["Ad preference: {Opt Out Type} {Opt Out Status}"],
        )
        .time(&["Opt Out Date", "Last Updated"]),
    ),
];
