//! The purchase parts of a synthetic Takeout: Google Pay transactions and remittances,
//! Purchases & Reservations orders, Google Store orders, Play Store purchases, orders and
//! subscriptions. Amounts are written every way Google writes them (`€12.34`, `USD 5.00`,
//! `1.234,56 €`, `-€3.00` refunds, `{amount, currencyCode}` objects), and [`expected_totals`]
//! says what they add up to per currency, for the golden tests.
//!
//! Localized names (German folders and headers) follow FORMATS.md's guesses: unconfirmed.

use super::{add_json, iso, Locale, TakeoutSpec, END_MS, YEAR_MS};
use crate::archive_writer::ArchiveWriter;
use crate::Rng;
use serde_json::json;
use std::collections::BTreeMap;
use std::io;

/// Merchants that take Google Pay (all in [`crate::names::COMPANIES`], so they merge with
/// the same companies on other platforms).
pub const MERCHANTS: &[&str] = &[
    "Nike",
    "Zalando",
    "IKEA",
    "Decathlon",
    "Deliveroo",
    "Uber",
    "H&M",
];
/// Merchants of Purchases & Reservations orders.
pub const ORDER_MERCHANTS: &[&str] = &["Booking.com", "Zalando", "HelloFresh"];
const PLAY_ITEMS: &[&str] = &[
    "Duolingo",
    "Strava",
    "Headspace",
    "Calm",
    "Candy Crush Saga",
];
const STORE_ITEMS: &[&str] = &[
    "Pixel Buds Pro",
    "Pixel 8 Case",
    "Chromecast with Google TV",
];
const CURRENCIES: &[&str] = &["EUR", "USD", "GBP"];

/// One amount the generator writes.
#[derive(Debug, Clone)]
struct Amount {
    minor: i64,
    currency: &'static str,
}

/// Every purchase line of one archive, decided before anything is written (so that the
/// totals and the files agree).
struct Plan {
    pay: Vec<(i64, &'static str, Amount)>,
    remittances: Vec<(i64, String, Amount)>,
    orders: Vec<(i64, &'static str, Amount)>,
    play: Vec<(i64, &'static str, Amount)>,
    store: Vec<(i64, &'static str, Amount)>,
}

/// Its own random stream: adding purchases leaves the rest of the archive as it was.
fn plan(spec: &TakeoutSpec) -> Plan {
    let mut rng = Rng::new(spec.seed.wrapping_mul(0x9e37_79b9).wrapping_add(0x5055));
    let n = spec.purchases;
    let amount = |rng: &mut Rng, i: usize, big: bool| {
        let currency = CURRENCIES[i % CURRENCIES.len()];
        let mut minor = 100 + rng.below(if big { 250_000 } else { 9_900 }) as i64;
        if i % 5 == 4 {
            minor = -minor; // a refund
        }
        Amount { minor, currency }
    };
    let at = |rng: &mut Rng| END_MS - rng.below(2 * YEAR_MS as u64) as i64;
    Plan {
        pay: (0..n)
            .map(|i| {
                (
                    at(&mut rng),
                    MERCHANTS[i % MERCHANTS.len()],
                    amount(&mut rng, i, i % 3 == 0),
                )
            })
            .collect(),
        remittances: (0..n.div_ceil(3))
            .map(|i| {
                (
                    at(&mut rng),
                    format!(
                        "Sent to {}",
                        crate::Persona::for_seed(spec.seed + 1 + i as u64).first
                    ),
                    amount(&mut rng, i, false),
                )
            })
            .collect(),
        orders: (0..n.div_ceil(2))
            .map(|i| {
                (
                    at(&mut rng),
                    ORDER_MERCHANTS[i % ORDER_MERCHANTS.len()],
                    amount(&mut rng, i, true),
                )
            })
            .collect(),
        play: (0..n)
            .map(|i| {
                (
                    at(&mut rng),
                    PLAY_ITEMS[i % PLAY_ITEMS.len()],
                    amount(&mut rng, i % 4, false),
                )
            })
            .collect(),
        store: (0..n.div_ceil(3))
            .map(|i| {
                (
                    at(&mut rng),
                    STORE_ITEMS[i % STORE_ITEMS.len()],
                    amount(&mut rng, i % 4, true),
                )
            })
            .collect(),
    }
}

/// What the archive's amounts add up to, per currency code (refunds subtracted).
pub fn expected_totals(spec: &TakeoutSpec) -> BTreeMap<String, i64> {
    let p = plan(spec);
    let all = p
        .pay
        .iter()
        .map(|x| &x.2)
        .chain(p.remittances.iter().map(|x| &x.2))
        .chain(p.orders.iter().map(|x| &x.2))
        .chain(p.play.iter().map(|x| &x.2))
        .chain(p.store.iter().map(|x| &x.2));
    let mut totals = BTreeMap::new();
    for a in all {
        *totals.entry(a.currency.to_string()).or_insert(0) += a.minor;
    }
    totals
}

/// Records the purchase files give: (Pay transactions, remittances, orders, Play, Store).
pub fn expected_counts(spec: &TakeoutSpec) -> [usize; 5] {
    let p = plan(spec);
    [
        p.pay.len(),
        p.remittances.len(),
        p.orders.len(),
        p.play.len(),
        p.store.len(),
    ]
}

fn symbol(currency: &str) -> &'static str {
    match currency {
        "EUR" => "€",
        "GBP" => "£",
        _ => "$",
    }
}

/// `1234` -> `12.34` with `sep` as decimal point and `group` between thousands.
fn number(minor: i64, sep: char, group: &str) -> String {
    let abs = minor.unsigned_abs();
    let whole = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push_str(group);
        }
        grouped.push(c);
    }
    format!("{grouped}{sep}{:02}", abs % 100)
}

/// `-12.34`: the plain number a currency column goes with.
fn signed(a: &Amount) -> String {
    let sign = if a.minor < 0 { "-" } else { "" };
    format!("{sign}{}", number(a.minor, '.', ""))
}

/// The amount as display text, in one of Google's styles (chosen by `style`).
fn display(a: &Amount, style: usize) -> String {
    let sign = if a.minor < 0 { "-" } else { "" };
    match style % 4 {
        0 => format!("{sign}{}{}", symbol(a.currency), number(a.minor, '.', ",")),
        1 => format!("{} {sign}{}", a.currency, number(a.minor, '.', "")),
        2 => format!("{sign}{} {}", number(a.minor, ',', "."), symbol(a.currency)),
        _ => format!("{sign}{}{}", symbol(a.currency), number(a.minor, '.', "")),
    }
}

/// A CSV cell, quoted when it holds a comma or a quote.
fn cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv(header: &str, rows: impl Iterator<Item = Vec<String>>, bom: bool) -> Vec<u8> {
    let mut out = String::new();
    if bom {
        out.push('\u{feff}');
    }
    out.push_str(header);
    out.push('\n');
    for r in rows {
        out.push_str(&r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out.into_bytes()
}

/// Names that differ by language (German, Italian and Portuguese unconfirmed; other languages
/// write English headers).
struct Names {
    transactions: &'static str,
    transactions_header: &'static str,
    orders_folder: &'static str,
    /// The Pay time column: ISO (EN) or `02.03.2024 11:05:12` (DE).
    day_first: bool,
}

fn names(locale: Locale) -> Names {
    match locale {
        Locale::De => Names {
            transactions: "Google Pay/Google-Transaktionen/Transaktionen_4711.csv",
            transactions_header:
                "Zeit,Transaktions-ID,Beschreibung,Produkt,Zahlungsmethode,Status,Betrag",
            orders_folder: "Käufe und Reservierungen/Käufe",
            day_first: true,
        },
        Locale::Fr => Names {
            orders_folder: "Achats et réservations/Achats",
            ..names(Locale::En)
        },
        Locale::Es => Names {
            orders_folder: "Compras y reservas/Compras",
            ..names(Locale::En)
        },
        // The Italian header from one public parser (~); the folder names are guesses (~).
        Locale::It => Names {
            transactions: "Google Pay/Transazioni Google/transazioni_4711.csv",
            transactions_header:
                "Data e ora,ID transazione,Descrizione,Prodotto,Metodo di pagamento,Stato,Importo",
            orders_folder: "Acquisti e prenotazioni/Acquisti",
            ..names(Locale::En)
        },
        Locale::Pt => Names {
            transactions: "Google Pay/Transações no Google Pay/transacoes_4711.csv",
            orders_folder: "Compras e reservas/Compras",
            ..names(Locale::En)
        },
        Locale::Nl => Names {
            orders_folder: "Aankopen en reserveringen/Aankopen",
            ..names(Locale::En)
        },
        Locale::Pl => Names {
            orders_folder: "Zakupy i rezerwacje/Zakupy",
            ..names(Locale::En)
        },
        Locale::En => Names {
            transactions: "Google Pay/Google transactions/transactions_4711.csv",
            transactions_header:
                "Time,Transaction ID,Description,Product,Payment method,Status,Amount",
            orders_folder: "Purchases & Reservations/Purchases",
            day_first: false,
        },
    }
}

fn pay_time(ms: i64, day_first: bool) -> String {
    let dt = chrono::DateTime::from_timestamp_millis(ms).expect("generated times are valid");
    if day_first {
        dt.format("%d.%m.%Y %H:%M:%S").to_string()
    } else {
        iso(ms, false)
    }
}

/// Write the purchase files (nothing when `spec.purchases` is 0).
pub fn write(w: &mut ArchiveWriter, spec: &TakeoutSpec) -> io::Result<()> {
    if spec.purchases == 0 {
        return Ok(());
    }
    let p = plan(spec);
    let n = names(spec.locale);
    let status = |a: &Amount| if a.minor < 0 { "Refunded" } else { "Complete" };
    w.add(
        n.transactions,
        &csv(
            n.transactions_header,
            p.pay.iter().enumerate().map(|(i, (t, merchant, a))| {
                vec![
                    pay_time(*t, n.day_first),
                    format!("GPY.{:04}-{i:04}", spec.seed % 10_000),
                    merchant.to_string(),
                    "Google Pay".into(),
                    "Visa •••• 4242".into(),
                    status(a).into(),
                    display(a, i),
                ]
            }),
            true,
        ),
    )?;
    w.add(
        "Google Pay/Money remittances and requests/Money remittances and requests.csv",
        &csv(
            "Time,Transaction ID,Description,Memo,Amount,Status",
            p.remittances.iter().enumerate().map(|(i, (t, who, a))| {
                vec![
                    iso(*t, false),
                    format!("P2P-{i}"),
                    who.clone(),
                    "dinner".into(),
                    display(a, i + 1),
                    "Completed".into(),
                ]
            }),
            false,
        ),
    )?;
    for (i, (t, merchant, a)) in p.orders.iter().enumerate() {
        let order = json!({
            "orderId": format!("ORD-{i}"),
            "transactionMerchant": {"name": merchant},
            "creationTime": (t * 1000).to_string(),
            "lineItem": [{"purchase": {"productInfo": {"name": format!("{merchant} order {i}")}, "status": "COMPLETED"}}],
            "transactionTotal": {"amount": signed(a), "currencyCode": a.currency},
        });
        add_json(
            w,
            &format!("{}/order_{i:03}.json", n.orders_folder),
            &order,
            false,
        )?;
    }
    let play = |kind: usize| {
        p.play
            .iter()
            .enumerate()
            .filter(move |(i, _)| i % 3 == kind)
            .map(|(i, (t, title, a))| (i, *t, *title, a))
    };
    let history: Vec<_> = play(0)
        .map(|(i, t, title, a)| json!({"purchaseHistory": {"invoicePrice": display(a, i), "doc": {"documentType": "Android Apps", "title": title}, "purchaseTime": iso(t, true)}}))
        .collect();
    add_json(
        w,
        "Google Play Store/Purchase History.json",
        &history,
        false,
    )?;
    let orders: Vec<_> = play(1)
        .map(|(i, t, title, a)| json!({"orderHistory": {"orderId": format!("GPA.{i}"), "creationTime": iso(t, true), "totalPrice": display(a, i + 1), "lineItem": [{"doc": {"documentType": "In-app", "title": title}}]}}))
        .collect();
    add_json(w, "Google Play Store/Order History.json", &orders, false)?;
    let subs: Vec<_> = play(2)
        .map(|(i, t, title, a)| json!({"subscription": {"doc": {"title": title}, "renewalDate": iso(t, true), "state": "ACTIVE", "pricing": [{"period": "P1M", "price": display(a, i + 2)}]}}))
        .collect();
    add_json(w, "Google Play Store/Subscriptions.json", &subs, false)?;
    w.add(
        "Google Store/Orders.csv",
        &csv(
            "Order ID,Order Date,Item,Quantity,Price,Currency,Status",
            p.store.iter().enumerate().map(|(i, (t, item, a))| {
                vec![
                    format!("GS-{i}"),
                    iso(*t, false),
                    item.to_string(),
                    "1".into(),
                    signed(a),
                    a.currency.into(),
                    status(a).into(),
                ]
            }),
            false,
        ),
    )?;
    if spec.messy_purchases {
        write_messy(w, &n)?;
    }
    Ok(())
}

/// Broken purchase files the importer must survive: a zero-byte table, a truncated order,
/// a row with an unbalanced quote, null line items, an amount without currency.
fn write_messy(w: &mut ArchiveWriter, n: &Names) -> io::Result<()> {
    w.add("Google Pay/Google transactions/transactions_empty.csv", b"")?;
    w.add(
        &format!("{}/order_truncated.json", n.orders_folder),
        b"{\"transactionMerchant\": {\"name\": \"Zal",
    )?;
    w.add(
        &format!("{}/order_nulls.json", n.orders_folder),
        b"{\"transactionMerchant\": {\"name\": \"Vinted\"}, \"creationTime\": \"1706400000000000\", \"lineItem\": null, \"transactionTotal\": null}",
    )?;
    w.add(
        "Google Store/Orders (1).csv",
        b"Order ID,Order Date,Item,Quantity,Price,Currency,Status\nGS-X,2024-01-01T00:00:00Z,Cable,1,9.99,,Complete\nGS-Y,\"2024-01-02,Broken\n",
    )?;
    Ok(())
}
