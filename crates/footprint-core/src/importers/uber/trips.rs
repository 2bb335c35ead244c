//! Trips and orders, each with its money:
//!
//! - `Rider/trips_data.csv` (newer: `trips_data-0.csv`): `City, Product Type, Trip or Order
//!   Status, Request Time, Begin Trip Time, Begin Trip Lat, Begin Trip Lng, Begin Trip
//!   Address, Dropoff Time, Dropoff Lat, Dropoff Lng, Dropoff Address, Distance (miles), Fare
//!   Amount, Fare Currency`, times like `2018-04-05 05:52:02 +0000 UTC`. One `trip` record
//!   (purchases, the fare as money, the pick-up point on the record) and, when the drop-off
//!   has coordinates, one `trip_dropoff` record (location) so the map shows both ends.
//! - `Driver/driver_lifetime_trips.csv`: the same for trips the user drove. The fare is
//!   income, not spending: it stays in `data` and the record carries no amount, so "what
//!   shops know about your buying" counts what the user paid only.
//! - `Driver/driver_payments.csv`: payouts to the driver, kept the same way (in `data`).
//! - `Eats/eats_order_details.csv`: one row per ordered item (`City Name, Order Time,
//!   Restaurant ID, Restaurant Name, Order Status, Item Name, Item quantity, …, Item Price,
//!   Order Price, Currency`); rows of one order (same time and restaurant) become one `order`
//!   record with `Order Price` as money, and the restaurant received the order: a third
//!   party with the relation `SoldToYou`.

use crate::formats::csv_export::{each_row, row_time, value_any};
use crate::formats::csv_table::Row;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record, Relation};
use crate::money::Money;
use serde_json::json;
use std::collections::BTreeMap;
use std::io::Read;

const CITY: &[&str] = &["City", "City Name", "city_name"];
const PRODUCT: &[&str] = &["Product Type", "product_type_name", "Vehicle Type"];
const STATUS: &[&str] = &["Trip or Order Status", "Status", "status", "Order Status"];
const REQUEST: &[&str] = &[
    "Request Time",
    "request_timestamp_local",
    "request_timestamp",
];
const BEGIN: &[&str] = &[
    "Begin Trip Time",
    "begintrip_timestamp_local",
    "begin_trip_timestamp_local",
];
const DROPOFF: &[&str] = &["Dropoff Time", "dropoff_timestamp_local"];
const BEGIN_LAT: &[&str] = &["Begin Trip Lat", "begintrip_lat", "Begin Trip Latitude"];
const BEGIN_LNG: &[&str] = &["Begin Trip Lng", "begintrip_lng", "Begin Trip Longitude"];
const END_LAT: &[&str] = &["Dropoff Lat", "dropoff_lat", "Dropoff Latitude"];
const END_LNG: &[&str] = &["Dropoff Lng", "dropoff_lng", "Dropoff Longitude"];
const BEGIN_ADDR: &[&str] = &["Begin Trip Address", "begintrip_address"];
const END_ADDR: &[&str] = &["Dropoff Address", "dropoff_address"];
const DISTANCE: &[&str] = &["Distance (miles)", "trip_distance_miles", "Distance"];
const FARE: &[&str] = &[
    "Fare Amount",
    "original_fare_local",
    "Original Fare Local",
    "Base Fare Amount",
    "Fare",
];
const CURRENCY: &[&str] = &[
    "Fare Currency",
    "currency_code",
    "Currency",
    "Currency Code",
];

/// Whose trip a trips file lists.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Side {
    Rider,
    Driver,
}

/// A coordinate pair, when both parse and are on Earth (`0,0` is "no location").
fn point(row: &Row<'_>, lat: &[&str], lng: &[&str]) -> Option<(f64, f64)> {
    let lat: f64 = value_any(row, lat)?.trim().parse().ok()?;
    let lon: f64 = value_any(row, lng)?.trim().parse().ok()?;
    let on_earth = (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon);
    (on_earth && (lat, lon) != (0.0, 0.0)).then_some((lat, lon))
}

/// The amount in the first of `amount` columns with the currency of the first of `currency`
/// columns; a value that is not money is reported with the line.
fn money(
    cx: &mut ImportCx<'_>,
    row: &Row<'_>,
    amount: &[&str],
    currency: &[&str],
) -> Option<Money> {
    let raw = value_any(row, amount)?;
    let m = Money::parse(raw, value_any(row, currency));
    if m.is_none() {
        cx.warn(
            Some(row.index),
            format!(
                "line {}: amount {raw:?} is not money (or has no currency)",
                row.line
            ),
        );
    }
    m
}

/// The time in the first of `columns` with a value. Uber writes `1970-01-01 00:00:00 +0000
/// UTC` for a step that never happened (a canceled trip has no begin): that is "no time",
/// silently; other values that are not dates are reported.
pub fn time_of(cx: &mut ImportCx<'_>, row: &Row<'_>, columns: &[&str]) -> Option<i64> {
    let raw = value_any(row, columns)?;
    if raw.trim_start().starts_with("1970-01-01") || raw.trim() == "0" {
        return None;
    }
    row_time(cx, row, columns)
}


/// One trip file (rider or driver).
pub fn import_trips(
    side: Side,
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        let requested = time_of(cx, row, REQUEST);
        let begun = time_of(cx, row, BEGIN);
        let ended = time_of(cx, row, DROPOFF);
        let fare = money(cx, row, FARE, CURRENCY);
        // Income is not spending: a driver's fare is in `data` (the row), not an amount.
        let fare = if side == Side::Driver { None } else { fare };
        let product = value_any(row, PRODUCT).unwrap_or("Uber");
        let city = value_any(row, CITY);
        let from = value_any(row, BEGIN_ADDR);
        let to = value_any(row, END_ADDR);
        let verb = if side == Side::Driver {
            "Drove"
        } else {
            "Trip"
        };
        let title = match (from, to, city) {
            (Some(f), Some(t), _) => format!("{verb} ({product}): {f} → {t}"),
            (_, _, Some(c)) => format!("{verb} ({product}) in {c}"),
            _ => format!("{verb} ({product})"),
        };
        let start = begun.or(requested);
        let end_point = point(row, END_LAT, END_LNG);
        let data = json!({
            "city": city,
            "product": product,
            "status": value_any(row, STATUS),
            "requested": value_any(row, REQUEST),
            "from": from,
            "to": to,
            "dropoff": end_point,
            "distance_miles": value_any(row, DISTANCE),
            "side": if side == Side::Driver { "driver" } else { "rider" },
        });
        let key_time = value_any(row, REQUEST)
            .or(value_any(row, BEGIN))
            .unwrap_or("");
        let kind = if side == Side::Driver {
            "driver_trip"
        } else {
            "trip"
        };
        let mut r = Record::new(kind, Category::Purchases)
            .at(start)
            .until(ended)
            .title(title.clone())
            .data(&data)
            .money_opt(fare)
            .with_key(&[key_time, value_any(row, BEGIN).unwrap_or("")]);
        if let Some((lat, lon)) = point(row, BEGIN_LAT, BEGIN_LNG) {
            r = r.point(lat, lon);
        }
        cx.emit(row.index, r)?;
        if let Some((lat, lon)) = end_point {
            let drop = Record::new("trip_dropoff", Category::Location)
                .at(ended.or(start))
                .title(format!("Drop-off: {}", to.unwrap_or(&title)))
                .point(lat, lon)
                .with_key(&[kind, key_time]);
            cx.emit(row.index, drop)?;
        }
        Ok(())
    })
}

/// `driver_payments.csv`: payouts (income: the amount stays in `data`, not as spending).
pub fn import_driver_payments(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        let when = time_of(cx, row, &["Payment Time", "Date", "Local Date", "Time"]);
        // Read (so a broken amount is still reported) but not counted as spending.
        let _income = money(
            cx,
            row,
            &["Local Amount", "Amount", "Total"],
            &["Currency", "Currency Code"],
        );
        let what =
            value_any(row, &["Classification", "Description", "Category"]).unwrap_or("payment");
        let r = Record::new("driver_payment", Category::Purchases)
            .at(when)
            .title(format!("Uber paid you ({what})"))
            .data(&row.to_json())
            .with_key(&[
                value_any(row, &["Payment Time", "Date", "Local Date", "Time"]).unwrap_or(""),
                what,
            ]);
        cx.emit(row.index, r)
    })
}

const ORDER_TIME: &[&str] = &["Order Time", "order_time", "Order Date"];
const RESTAURANT: &[&str] = &["Restaurant Name", "restaurant_name", "Store Name"];

#[derive(Default)]
struct Order {
    first_row: u64,
    ts: Option<i64>,
    city: Option<String>,
    status: Option<String>,
    items: Vec<String>,
    price: Option<Money>,
}

/// `eats_order_details.csv`: one record per order (its rows share time and restaurant).
pub fn import_eats(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let mut orders: BTreeMap<(String, String), Order> = BTreeMap::new();
    each_row(reader, cx, |cx, row| {
        let time = value_any(row, ORDER_TIME).unwrap_or("").to_string();
        let shop = value_any(row, RESTAURANT).unwrap_or("").to_string();
        if time.is_empty() && shop.is_empty() {
            cx.warn(
                Some(row.index),
                format!(
                    "line {}: no order time or restaurant; row skipped",
                    row.line
                ),
            );
            return Ok(());
        }
        let is_new = !orders.contains_key(&(time.clone(), shop.clone()));
        let ts = if is_new {
            time_of(cx, row, ORDER_TIME)
        } else {
            None
        };
        let price = if is_new {
            money(
                cx,
                row,
                &["Order Price", "Order Total", "order_price"],
                &["Currency", "Currency Code"],
            )
        } else {
            None
        };
        let o = orders.entry((time, shop)).or_insert_with(|| Order {
            first_row: row.index,
            ts,
            city: value_any(row, CITY).map(str::to_string),
            status: value_any(row, STATUS).map(str::to_string),
            price,
            ..Default::default()
        });
        if let Some(item) = value_any(row, &["Item Name", "item_name"]) {
            let qty =
                value_any(row, &["Item quantity", "Item Quantity", "Quantity"]).unwrap_or("1");
            o.items.push(format!("{qty} × {item}"));
        }
        Ok(())
    })?;
    for ((time, shop), o) in orders {
        let title = if shop.is_empty() {
            "Uber Eats order".to_string()
        } else {
            format!("Uber Eats order from {shop}")
        };
        let mut r = Record::new("eats_order", Category::Purchases)
            .at(o.ts)
            .title(title)
            .data(&json!({ "city": o.city, "status": o.status, "items": o.items }))
            .money_opt(o.price)
            .with_key(&[&time, &shop]);
        if !shop.is_empty() {
            r = r.company(shop.as_str(), Relation::SoldToYou);
        }
        cx.emit(o.first_row, r)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{data_json, MemorySink};

    const RIDER: &str = "City,Product Type,Trip or Order Status,Request Time,Begin Trip Time,Begin Trip Lat,Begin Trip Lng,Begin Trip Address,Dropoff Time,Dropoff Lat,Dropoff Lng,Dropoff Address,Distance (miles),Fare Amount,Fare Currency\n";

    fn rider(rows: &str) -> MemorySink {
        let input = format!("{RIDER}{rows}");
        let (sink, r) = MemorySink::run_parser("trips_data.csv", &input, |rd, cx| {
            import_trips(Side::Rider, rd, cx)
        });
        r.unwrap();
        sink
    }

    #[test]
    fn trips_carry_fare_and_both_ends() {
        let s = rider("Lyon,UberX,COMPLETED,2018-04-05 05:52:02 +0000 UTC,2018-04-05 05:58:10 +0000 UTC,45.76,4.83,Place Bellecour,2018-04-05 06:20:00 +0000 UTC,45.75,4.85,Part-Dieu,3.2,14.30,EUR\n");
        assert_eq!(s.records.len(), 2);
        let trip = &s.records[0];
        assert_eq!(
            trip.amount
                .map(|m| (m.minor, m.currency.as_str().to_string())),
            Some((1430, "EUR".into()))
        );
        assert_eq!((trip.lat, trip.lon), (Some(45.76), Some(4.83)));
        assert!(trip.ts_end > trip.ts);
        assert_eq!(data_json(trip)["dropoff"], json!([45.75, 4.85]));
        assert_eq!(s.records[1].category, Category::Location);
    }

    #[test]
    fn lenient_rows() {
        for (row, records, amount, warnings) in [
            // Canceled: no coordinates, fare 0.
            ("Lyon,UberX,CANCELED,2018-04-05 05:52:02 +0000 UTC,1970-01-01 00:00:00 +0000 UTC,0,0,,1970-01-01 00:00:00 +0000 UTC,0,0,,0,0.00,EUR\n", 1, Some(0), 0),
            // A fare without currency: reported, the trip is kept.
            ("Lyon,UberX,COMPLETED,2018-04-05 05:52:02 +0000 UTC,,,,,,,,,1.0,12.00,\n", 1, None, 1),
            // An unknown date: reported, no time.
            ("Lyon,UberX,COMPLETED,yesterday,,,,,,,,,1.0,12.00,EUR\n", 1, Some(1200), 1),
        ] {
            let s = rider(row);
            assert_eq!(s.records.len(), records, "{row}");
            assert_eq!(s.records[0].amount.map(|m| m.minor), amount, "{row}");
            assert_eq!(s.warnings.len(), warnings, "{row}: {:?}", s.warnings);
        }
    }

    #[test]
    fn newer_column_spellings() {
        let input = "city_name,product_type_name,status,request_timestamp_local,begintrip_timestamp_local,begintrip_lat,begintrip_lng,dropoff_timestamp_local,dropoff_lat,dropoff_lng,trip_distance_miles,original_fare_local,currency_code\nDenver,UberX,completed,2023-06-01 10:00:00,2023-06-01 10:05:00,39.74,-104.99,2023-06-01 10:25:00,39.75,-105.0,4.1,21.5,USD\n";
        let (s, r) = MemorySink::run_parser("trips_data-0.csv", input, |rd, cx| {
            import_trips(Side::Rider, rd, cx)
        });
        r.unwrap();
        assert_eq!(s.records[0].amount.map(|m| m.minor), Some(2150));
        assert!(s.records[0].lat.is_some());
    }

    #[test]
    fn eats_rows_become_orders_with_the_restaurant() {
        let input = "City Name,Order Time,Restaurant ID,Restaurant Name,Order Status,Item Name,Item quantity,Item Price,Order Price,Currency\n\
            Lyon,2023-02-01 19:00:00 +0000 UTC,r1,Blue Bakery 1,completed,Croissant,2,2.40,9.90,EUR\n\
            Lyon,2023-02-01 19:00:00 +0000 UTC,r1,Blue Bakery 1,completed,Coffee,1,2.50,9.90,EUR\n\
            Lyon,2023-02-03 12:00:00 +0000 UTC,r2,Green Kitchen 1,completed,Salad,1,11.00,11.00,EUR\n";
        let (s, r) = MemorySink::run_parser("eats_order_details.csv", input, import_eats);
        r.unwrap();
        assert_eq!(s.records.len(), 2);
        let total: i64 = s
            .records
            .iter()
            .filter_map(|r| r.amount)
            .map(|m| m.minor)
            .sum();
        assert_eq!(total, 2090);
        let c = s.records[0].company.as_ref().unwrap();
        assert_eq!(
            (c.name.as_str(), c.relation),
            ("Blue Bakery 1", Relation::SoldToYou)
        );
        assert_eq!(
            data_json(&s.records[0])["items"],
            json!(["2 × Croissant", "1 × Coffee"])
        );
    }
}
