//! Amazon "Request my data" exports: SEVERAL zips per request, one per dataset group
//! (`Retail.OrderHistory.1.zip`, `Advertising.1.zip`, `Digital-Ordering.1.zip`, ...), each
//! holding `<Dataset>/<Dataset>.csv` files with every field quoted, a UTF-8 BOM, `Not
//! Available` placeholders, amounts as `'12.99'` and ISO dates with `Z`.
//!
//! Generations: [`AmazonGen::Y2021`] (no Alexa, Audible or watchlist; no seller column; order
//! dates month first `03/15/2021 14:05:09`; the ad click list only a header) and [`AmazonGen::Y2024`] (all datasets, marketplace sellers).
//! Layouts: the zips given together, the zips in one folder, or all of them unpacked in one
//! folder. Deterministic; the owner is [`Persona::for_seed`], advertisers come from
//! [`crate::names`].

use crate::archive_writer::{ArchiveWriter, Container};
use crate::csv_files::between;
use crate::names;
use crate::{Persona, Rng};
use chrono::Datelike;
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmazonGen {
    Y2021,
    Y2024,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmazonLayout {
    /// The zips, returned as separate paths (given together to one import).
    Zips,
    /// The zips inside one folder (returned: the folder).
    Folder,
    /// Every zip unpacked into one folder (returned: the folder).
    Unpacked,
}

#[derive(Debug, Clone)]
pub struct AmazonSpec {
    pub seed: u64,
    pub generation: AmazonGen,
    pub layout: AmazonLayout,
    /// Order item rows (the main record kind).
    pub orders: usize,
    /// Distinct marketplace sellers (2024: every third order is sold by one).
    pub sellers: usize,
    pub returns: usize,
    pub cart_items: usize,
    pub searches: usize,
    pub digital_items: usize,
    pub reading_sessions: usize,
    pub audible: usize,
    pub views: usize,
    pub voice: usize,
    pub advertiser_audiences: usize,
    pub third_party_segments: usize,
    pub amazon_audiences: usize,
    pub ad_clicks: usize,
    pub bom: bool,
    /// `Not Available` in optional cells.
    pub placeholders: bool,
    /// A 0-byte `Advertising.OptOut.csv`, a cut-off cart file, a broken (non-UTF-8) search row,
    /// a header-only audiences list.
    pub damaged: bool,
    /// The order history under a localized name (`Bestellverlauf.csv`), found by header.
    pub localized_names: bool,
    pub macos_junk: bool,
}

impl Default for AmazonSpec {
    fn default() -> Self {
        AmazonSpec {
            seed: 1,
            generation: AmazonGen::Y2024,
            layout: AmazonLayout::Zips,
            orders: 30,
            sellers: 4,
            returns: 3,
            cart_items: 6,
            searches: 25,
            digital_items: 8,
            reading_sessions: 12,
            audible: 5,
            views: 15,
            voice: 6,
            advertiser_audiences: 7,
            third_party_segments: 8,
            amazon_audiences: 10,
            ad_clicks: 6,
            bom: true,
            placeholders: false,
            damaged: false,
            localized_names: false,
            macos_junk: false,
        }
    }
}

/// The data providers of the third-party segments, and how each writes `provider segment`.
pub const PROVIDERS: &[(&str, &str)] = &[
    ("Acxiom", ": "),
    ("Oracle Data Cloud", " - "),
    ("Experian", " > "),
    ("Epsilon", ": "),
];
const SEGMENTS: &[&str] = &[
    "Auto Enthusiasts",
    "Cooking",
    "Homeowners",
    "Frequent Travellers",
    "Pet Owners",
    "Outdoor Sports",
];

/// The advertiser of the i-th audience list (brands, after the ad-tech names of the list).
pub fn advertiser(i: usize) -> String {
    names::company(i + 7)
}
/// The advertiser of the i-th ad click (some also brought an audience).
pub fn clicked(i: usize) -> String {
    names::company(i % 4 + 8)
}
/// The provider of the i-th third-party segment.
pub fn provider(i: usize) -> &'static str {
    PROVIDERS[i % PROVIDERS.len()].0
}
/// The i-th marketplace seller.
pub fn seller(i: usize) -> String {
    names::company(names::COMPANIES.len() + i)
}
/// Whether the i-th order is sold by a marketplace seller (2024 only), and by which.
pub fn order_seller(spec: &AmazonSpec, i: usize) -> Option<String> {
    (spec.generation == AmazonGen::Y2024 && spec.sellers > 0 && i % 3 == 2)
        .then(|| seller((i / 3) % spec.sellers))
}

/// Every field quoted, as Amazon writes them.
fn line(out: &mut String, fields: &[&str]) {
    let q: Vec<String> = fields
        .iter()
        .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
        .collect();
    out.push_str(&q.join(","));
    out.push('\n');
}

/// One table: a header and rows.
struct Table {
    text: String,
}
impl Table {
    fn new(header: &[&str], bom: bool) -> Self {
        let mut text = String::new();
        if bom {
            text.push('\u{feff}');
        }
        line(&mut text, header);
        Table { text }
    }
    fn row(&mut self, fields: &[&str]) {
        line(&mut self.text, fields);
    }
    fn bytes(self) -> Vec<u8> {
        self.text.into_bytes()
    }
}

/// One zip of the export: its name and its files.
pub struct Piece {
    pub zip: String,
    pub files: Vec<(String, Vec<u8>)>,
}

fn iso(t: chrono::DateTime<chrono::Utc>, millis: bool) -> String {
    if millis {
        t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
    } else {
        t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
    }
}

const LO: i64 = 1_546_300_800; // 2019-01-01
const HI: i64 = 1_709_251_200; // 2024-03-01

/// Money the export writes, per (year, currency code): (amounts written, their total in minor
/// units; refunds negative). What `Store::spending()` must give back after an import.
pub type Spending = BTreeMap<(i32, String), (u64, i64)>;

fn spent(spend: &mut Spending, at: chrono::DateTime<chrono::Utc>, currency: &str, minor: i64) {
    let e = spend
        .entry((at.year(), currency.to_string()))
        .or_insert((0, 0));
    e.0 += 1;
    e.1 += minor;
}

/// What the amounts of the export add up to (see [`Spending`]).
pub fn expected_spending(spec: &AmazonSpec) -> Spending {
    pieces_and_spending(spec).1
}

/// The export's zips and files, in memory.
pub fn pieces(spec: &AmazonSpec) -> Vec<Piece> {
    pieces_and_spending(spec).0
}

fn pieces_and_spending(spec: &AmazonSpec) -> (Vec<Piece>, Spending) {
    let mut spend = Spending::new();
    let me = Persona::for_seed(spec.seed);
    let mut rng = Rng::new(spec.seed ^ 0xA3A2_0000);
    let bom = spec.bom;
    let na = |s: &str| {
        if spec.placeholders {
            "Not Available".to_string()
        } else {
            s.to_string()
        }
    };
    let y24 = spec.generation == AmazonGen::Y2024;
    let mut out = Vec::new();
    let mut piece = |zip: &str, files: Vec<(String, Vec<u8>)>| {
        out.push(Piece {
            zip: zip.to_string(),
            files,
        })
    };

    // Orders: two order-history files (two marketplaces), the seller column from 2024.
    let mut header = vec![
        "Website",
        "Order ID",
        "Order Date",
        "Purchase Order Number",
        "Currency",
        "Unit Price",
        "Total Owed",
        "ASIN",
        "Quantity",
        "Payment Instrument Type",
        "Order Status",
        "Ship Date",
        "Shipping Address",
        "Product Name",
    ];
    if y24 {
        header.push("Seller");
    }
    let mut tables = [Table::new(&header, bom), Table::new(&header, bom)];
    for i in 0..spec.orders {
        let t = between(&mut rng, LO, HI);
        let (whole, cents) = (3 + rng.below(200), rng.below(100));
        let price = format!("'{whole}.{cents:02}'");
        let currency = if i % 5 == 4 { "EUR" } else { "USD" };
        spent(&mut spend, t, currency, (whole * 100 + cents) as i64);
        let order = format!("{:03}-{:07}-{:07}", 100 + i % 900, i, rng.below(10_000_000));
        let asin = format!("B0{:08}", i);
        let product = format!("{} {}", names::SHOP_SUFFIX[i % names::SHOP_SUFFIX.len()], i);
        let seller = order_seller(spec, i).unwrap_or_else(|| na(""));
        let ship = iso(t + chrono::Duration::days(1), true);
        let address = format!("{} 1 Main Street {}", me.name, me.city);
        let mut row = vec![
            if i % 5 == 4 {
                "Amazon.de"
            } else {
                "Amazon.com"
            },
            &order,
            "",
            "Not Applicable",
            if i % 5 == 4 { "EUR" } else { "USD" },
            &price,
            &price,
            &asin,
            "1",
            "Visa - 1234",
            "Closed",
            "",
            &address,
            &product,
        ];
        // Older exports write the order date month first.
        let when = if y24 {
            iso(t, i % 2 == 0)
        } else {
            t.format("%m/%d/%Y %H:%M:%S").to_string()
        };
        row[2] = &when;
        let ship_cell = if spec.placeholders && i % 4 == 1 {
            "Not Available".to_string()
        } else {
            ship
        };
        row[11] = &ship_cell;
        if y24 {
            row.push(&seller);
        }
        tables[usize::from(i % 5 == 4)].row(&row);
    }
    let [t1, t2] = tables;
    let first = if spec.localized_names {
        "Retail.OrderHistory.1/Bestellverlauf.csv".to_string()
    } else {
        "Retail.OrderHistory.1/Retail.OrderHistory.1.csv".to_string()
    };
    piece(
        "Retail.OrderHistory.1.zip",
        vec![
            (first, t1.bytes()),
            (
                "Retail.OrderHistory.2/Retail.OrderHistory.2.csv".into(),
                t2.bytes(),
            ),
        ],
    );

    // Returns and refunds.
    let mut refunds = Table::new(
        &[
            "OrderID",
            "ReversalID",
            "RefundCompletionDate",
            "Currency",
            "AmountRefunded",
            "ReversalStatus",
            "ReversalReason",
        ],
        bom,
    );
    let mut returns = Table::new(
        &[
            "Order ID",
            "Contract ID",
            "Return Request Date",
            "Quantity",
            "Resolution",
            "Reason for Return",
        ],
        bom,
    );
    for i in 0..spec.returns {
        let at = between(&mut rng, LO, HI);
        spent(&mut spend, at, "USD", -((i as i64 + 1) * 100 + 50));
        let t = iso(at, false);
        let order = format!("R{i:05}");
        refunds.row(&[
            &order,
            &format!("RV{i}"),
            &t,
            "USD",
            &format!("'-{}.50'", i + 1),
            "Completed",
            "Customer Return",
        ]);
        returns.row(&[
            &order,
            &format!("C{i}"),
            &t,
            "1",
            "Refund",
            "Item defective",
        ]);
    }
    piece(
        "Retail.OrdersReturned.zip",
        vec![
            (
                "Retail.OrdersReturned.1/Retail.OrdersReturned.1.csv".into(),
                refunds.bytes(),
            ),
            (
                "Retail.CustomerReturns.1.1/Retail.CustomerReturns.1.1.csv".into(),
                returns.bytes(),
            ),
        ],
    );

    // Cart (cut off in a damaged export).
    let mut cart = Table::new(
        &[
            "ASIN",
            "Cart Domain",
            "Cart List",
            "Date Added To Cart",
            "Quantity",
            "Product Name",
        ],
        bom,
    );
    for i in 0..spec.cart_items {
        let t = iso(between(&mut rng, LO, HI), false);
        cart.row(&[
            &format!("B1{i:08}"),
            "amazon.com",
            if i % 2 == 0 {
                "Active"
            } else {
                "Saved For Later"
            },
            &t,
            "1",
            &format!("Cart thing {i}"),
        ]);
    }
    let mut cart = cart.bytes();
    if spec.damaged {
        cart.extend_from_slice(b"\"B1CUT\",\"amazon.com\",\"Act");
    }
    piece(
        "Retail.CartItems.zip",
        vec![("Retail.CartItems.1/Retail.CartItems.1.csv".into(), cart)],
    );

    // Searches (a broken row in a damaged export): `First Search Time (GMT)` without zone.
    let mut search = Table::new(
        &[
            "First Search Time (GMT)",
            "Query ID",
            "Device Category",
            "Search Type (Keyword,Visual,Browse)",
            "First Search Query String",
            "Keywords",
            "Customer IP",
            "Last search Time (GMT)",
        ],
        bom,
    );
    let words = [
        "coffee grinder",
        "usb c cable",
        "tent 2 person",
        "kids books",
        "running shoes",
    ];
    for i in 0..spec.searches {
        let t = between(&mut rng, LO, HI);
        let first = t.format("%Y-%m-%d %H:%M:%S").to_string();
        let last = (t + chrono::Duration::minutes(3))
            .format("%Y-%m-%d %H:%M:%S.0")
            .to_string();
        let query = format!("{} {i}", words[i % words.len()]);
        search.row(&[
            &first,
            &format!("Q{i:06}"),
            "Mobile",
            "Keyword",
            &query,
            &query,
            "192.0.2.10",
            &last,
        ]);
    }
    let mut search = search.bytes();
    if spec.damaged {
        search.extend_from_slice(
            b"\"2023-05-05 10:00:00\",\"Q-BAD\",\"Mobile\",\"Keyword\",\"caf\xe9\xff\",\"caf\",\"192.0.2.10\",\"\"\n",
        );
    }
    piece(
        "Search-Data.zip",
        vec![(
            "Search-Data/Search-Data.Customer-Engagement.csv".into(),
            search,
        )],
    );

    // The owner: profile, addresses, payment options, subscriptions, customer service.
    let mut profile = Table::new(&["Name", "Email", "Phone", "Account Created"], bom);
    profile.row(&[&me.name, &me.email, &me.phone, "2012-05-01T09:30:00Z"]);
    let mut book = Table::new(
        &[
            "Full Name",
            "Address Line 1",
            "Address Line 2",
            "City",
            "State",
            "Postal Code",
            "Country",
            "Phone Number",
        ],
        bom,
    );
    book.row(&[
        &me.name,
        "1 Main Street",
        &na(""),
        me.city,
        "",
        "10001",
        "",
        &me.phone,
    ]);
    book.row(&[
        &me.name,
        "22 Harbour Road",
        "Flat 3",
        me.city,
        "",
        "10002",
        "",
        &na(""),
    ]);
    let mut pay = Table::new(
        &[
            "Payment Method",
            "Card Type",
            "Last Digits",
            "Expiration Date",
            "Name On Account",
        ],
        bom,
    );
    pay.row(&["Credit Card", "Visa", "1234", "12/2027", &me.name]);
    pay.row(&["Bank Account", "Checking", "9876", &na(""), &me.name]);
    let mut subs = Table::new(
        &[
            "Subscription Id",
            "Subscription Name",
            "Subscription Status",
            "Subscription Start Date",
            "Subscription End Date",
        ],
        bom,
    );
    subs.row(&[
        "SUB-1",
        "Amazon Prime",
        "Active",
        "2019-02-01T00:00:00Z",
        &na(""),
    ]);
    subs.row(&[
        "SUB-2",
        "Kindle Unlimited",
        "Cancelled",
        "2021-06-01T00:00:00Z",
        "2022-06-01T00:00:00Z",
    ]);
    let mut cs = Table::new(
        &[
            "Contact ID",
            "Contact Date",
            "Channel",
            "Subject",
            "Transcript",
        ],
        bom,
    );
    cs.row(&[
        "CS-1",
        "2022-11-03T15:00:00Z",
        "Chat",
        "Where is my order?",
        "Customer: my parcel is late.\nAgent: it ships tomorrow.",
    ]);
    piece(
        "Retail.CustomerProfile.zip",
        vec![
            (
                "Retail.CustomerProfile/Retail.CustomerProfile.csv".into(),
                profile.bytes(),
            ),
            (
                "Retail.AddressBook/Retail.AddressBook.csv".into(),
                book.bytes(),
            ),
            (
                "Retail.PaymentOptions/Retail.PaymentOptions.csv".into(),
                pay.bytes(),
            ),
            (
                "Retail.Subscriptions/Retail.Subscriptions.csv".into(),
                subs.bytes(),
            ),
            (
                "Retail.CustomerService.Contacts/Retail.CustomerService.Contacts.csv".into(),
                cs.bytes(),
            ),
        ],
    );

    // Digital orders.
    let mut orders = Table::new(&["OrderId", "OrderDate", "OrderStatus", "Marketplace"], bom);
    let mut items = Table::new(
        &[
            "ASIN",
            "Title",
            "OrderId",
            "DigitalOrderItemId",
            "OrderDate",
            "Marketplace",
            "OurPrice",
            "OurPriceCurrencyCode",
            "Publisher",
        ],
        bom,
    );
    let mut money = Table::new(
        &[
            "OrderId",
            "DigitalOrderItemId",
            "MonetaryComponentTypeCode",
            "TransactionAmount",
            "Currency",
            "TransactionDate",
        ],
        bom,
    );
    for i in 0..spec.digital_items {
        let at = between(&mut rng, LO, HI);
        spent(&mut spend, at, "USD", (i % 9) as i64 * 100 + 99);
        let t = iso(at, false);
        let id = format!("D01-{i:07}");
        let item = format!("DI{i:06}");
        orders.row(&[&id, &t, "Closed", "Amazon.com"]);
        items.row(&[
            &format!("B2{i:08}"),
            &format!("E-book {i}"),
            &id,
            &item,
            &t,
            "Amazon.com",
            &format!("'{}.99'", i % 9),
            "USD",
            &na(""),
        ]);
        money.row(&[
            &id,
            &item,
            "Principal",
            &format!("'{}.99'", i % 9),
            "USD",
            &t,
        ]);
    }
    piece(
        "Digital-Ordering.1.zip",
        vec![
            (
                "Digital-Ordering.1/Digital Orders.csv".into(),
                orders.bytes(),
            ),
            ("Digital-Ordering.1/Digital Items.csv".into(), items.bytes()),
            (
                "Digital-Ordering.1/Digital Orders Monetary.csv".into(),
                money.bytes(),
            ),
        ],
    );

    // Kindle.
    let mut kindle = Table::new(
        &[
            "start_timestamp",
            "end_timestamp",
            "ASIN",
            "device_family",
            "total_reading_millis",
        ],
        bom,
    );
    for i in 0..spec.reading_sessions {
        let t = between(&mut rng, LO, HI);
        kindle.row(&[
            &iso(t, true),
            &iso(t + chrono::Duration::minutes(25), true),
            &format!("B2{:08}", i % 5),
            "Kindle E-reader",
            "1500000",
        ]);
    }
    piece(
        "Kindle.Devices.ReadingSession.zip",
        vec![(
            "Kindle.Devices.ReadingSession/Kindle.Devices.ReadingSession.csv".into(),
            kindle.bytes(),
        )],
    );

    // Audible (2024).
    if y24 {
        let mut lib = Table::new(&["Asin", "Title", "Author", "Date Added"], bom);
        let mut listen = Table::new(
            &[
                "Asin",
                "Title",
                "Start Date",
                "End Date",
                "Event Duration Milliseconds",
            ],
            bom,
        );
        let mut bill = Table::new(
            &[
                "Plan",
                "BillingPeriodStartDate",
                "BillingPeriodEndDate",
                "BillingAmount",
                "Currency",
            ],
            bom,
        );
        for i in 0..spec.audible {
            let t = between(&mut rng, LO, HI);
            let asin = format!("B3{i:08}");
            let title = format!("Audiobook {i}");
            lib.row(&[&asin, &title, "A. Writer", &iso(t, false)]);
            listen.row(&[
                &asin,
                &title,
                &iso(t, false),
                &iso(t + chrono::Duration::hours(1), false),
                "3600000",
            ]);
            let period = chrono::NaiveDate::from_ymd_opt(2023, i as u32 % 12 + 1, 1)
                .expect("a month of 2023")
                .and_hms_opt(0, 0, 0)
                .expect("midnight")
                .and_utc();
            spent(&mut spend, period, "USD", 1495);
            bill.row(&[
                "Premium Plus",
                &format!("2023-{:02}-01T00:00:00Z", i % 12 + 1),
                &format!("2023-{:02}-28T00:00:00Z", i % 12 + 1),
                "'14.95'",
                "USD",
            ]);
        }
        piece(
            "Audible.zip",
            vec![
                ("Audible.Library/Audible.Library.csv".into(), lib.bytes()),
                (
                    "Audible.Listening/Audible.Listening.csv".into(),
                    listen.bytes(),
                ),
                (
                    "Audible.MembershipBillings/Audible.MembershipBillings.csv".into(),
                    bill.bytes(),
                ),
            ],
        );
    }

    // Prime Video (the watchlist from 2024): US month-first times.
    let mut views = Table::new(
        &[
            "Playback Hour",
            "Operating System",
            "Delivery Type",
            "City",
            "Country",
            "Video Type",
            "Title",
        ],
        bom,
    );
    for i in 0..spec.views {
        let t = between(&mut rng, LO, HI)
            .format("%m/%d/%Y %H:00:00")
            .to_string();
        views.row(&[
            &t,
            "Fire OS",
            "Streaming",
            me.city,
            &na(""),
            "Episode",
            &format!("Series {} Episode {i}", i % 3),
        ]);
    }
    let mut pv = vec![(
        "Digital.PrimeVideo.Viewinghistory/Digital.PrimeVideo.Viewinghistory.csv".to_string(),
        views.bytes(),
    )];
    if y24 {
        let mut watch = Table::new(&["itemAddedDate", "catalogTitle"], bom);
        watch.row(&["08/01/2023 20:00", "A Documentary"]);
        watch.row(&["09/01/2023 20:00", "A Comedy"]);
        pv.push((
            "Digital.PrimeVideo.Watchlist/Digital.PrimeVideo.Watchlist.csv".into(),
            watch.bytes(),
        ));
    }
    piece("Digital.PrimeVideo.zip", pv);

    // Alexa (2024): the voice history and its recordings.
    if y24 {
        let mut voice = Table::new(
            &["Creation Time", "Device Name", "Utterance", "Audio File"],
            bom,
        );
        let mut files = Vec::new();
        for i in 0..spec.voice {
            let t = iso(between(&mut rng, LO, HI), false);
            let audio = format!("audio/utterance-{i:04}.wav");
            voice.row(&[
                &t,
                "Kitchen Echo",
                &format!("what's the weather {i}"),
                &audio,
            ]);
            files.push((
                format!("Alexa.VoiceHistory/{audio}"),
                b"RIFF\x00\x00\x00\x00WAVE".to_vec(),
            ));
        }
        files.insert(
            0,
            (
                "Alexa.VoiceHistory/Alexa.VoiceHistory.csv".into(),
                voice.bytes(),
            ),
        );
        piece("Alexa.zip", files);
    }

    // Advertising.
    let mut aud = Table::new(
        &["Advertisers who brought audiences in which you are included"],
        bom,
    );
    if !spec.damaged {
        for i in 0..spec.advertiser_audiences {
            aud.row(&[&advertiser(i)]);
        }
    }
    let mut third = Table::new(&["Audiences in which you are included via 3rd Party"], bom);
    for i in 0..spec.third_party_segments {
        let (p, sep) = PROVIDERS[i % PROVIDERS.len()];
        third.row(&[&format!("{p}{sep}{} {i}", SEGMENTS[i % SEGMENTS.len()])]);
    }
    let mut own = Table::new(&["Amazon Audiences"], bom);
    for i in 0..spec.amazon_audiences {
        own.row(&[&format!("In-market: {} {i}", SEGMENTS[i % SEGMENTS.len()])]);
    }
    let mut clicks = Table::new(&["Advertisers whose ads you clicked"], bom);
    if y24 {
        for i in 0..spec.ad_clicks {
            clicks.row(&[&clicked(i)]);
        }
    }
    let optout = if spec.damaged {
        Vec::new()
    } else {
        let mut t = Table::new(&["Opt Out Type", "Opt Out Status", "Opt Out Date"], bom);
        t.row(&["Interest-based ads", "Opted in", "2020-01-10T00:00:00Z"]);
        t.bytes()
    };
    piece(
        "Advertising.1.zip",
        vec![
            (
                "Advertising.1/Advertising.AdvertiserAudiences.csv".into(),
                aud.bytes(),
            ),
            (
                "Advertising.1/Advertising.3PAudiences.csv".into(),
                third.bytes(),
            ),
            (
                "Advertising.1/Advertising.AmazonAudiences.csv".into(),
                own.bytes(),
            ),
            (
                "Advertising.1/Advertising.AdvertiserClicks.csv".into(),
                clicks.bytes(),
            ),
            ("Advertising.1/Advertising.OptOut.csv".into(), optout),
        ],
    );
    (out, spend)
}

/// CSV files in the export (the data files the importer must parse).
pub fn data_files(spec: &AmazonSpec) -> usize {
    pieces(spec)
        .iter()
        .flat_map(|p| &p.files)
        .filter(|(name, _)| name.ends_with(".csv"))
        .count()
}

/// Write the export under `out` (a folder, created): the zips (layouts `Zips`, `Folder`) or
/// their contents (`Unpacked`). Returns the zips for `Zips`, else the folder.
pub fn generate(spec: &AmazonSpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(out)?;
    let pieces = pieces(spec);
    match spec.layout {
        AmazonLayout::Unpacked => {
            let mut w = ArchiveWriter::new(out, Container::Folder)?.macos_junk(spec.macos_junk);
            for p in &pieces {
                for (name, bytes) in &p.files {
                    w.add(name, bytes)?;
                }
            }
            w.finish()
        }
        AmazonLayout::Zips | AmazonLayout::Folder => {
            let mut zips = Vec::new();
            for p in &pieces {
                let mut w = ArchiveWriter::new(&out.join(&p.zip), Container::Zip)?
                    .macos_junk(spec.macos_junk);
                for (name, bytes) in &p.files {
                    w.add(name, bytes)?;
                }
                zips.extend(w.finish()?);
            }
            Ok(if spec.layout == AmazonLayout::Zips {
                zips
            } else {
                vec![out.to_path_buf()]
            })
        }
    }
}

/// The demo export: the 2024 zips in one folder named like `out` without `.zip`; `records`
/// scales the order items.
pub fn demo(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    let dir = out.with_extension("");
    let spec = AmazonSpec {
        seed,
        layout: AmazonLayout::Folder,
        orders: records.unwrap_or(120),
        ..Default::default()
    };
    generate(&spec, &dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_bytes_and_several_zips() {
        let dir = tempfile::tempdir().unwrap();
        let a = generate(&AmazonSpec::default(), &dir.path().join("a")).unwrap();
        let b = generate(&AmazonSpec::default(), &dir.path().join("b")).unwrap();
        assert!(a.len() >= 8, "{a:?}");
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(
                std::fs::read(x).unwrap(),
                std::fs::read(y).unwrap(),
                "{x:?}"
            );
        }
        let old = AmazonSpec {
            generation: AmazonGen::Y2021,
            ..Default::default()
        };
        assert!(data_files(&old) < data_files(&AmazonSpec::default()));
    }
}
