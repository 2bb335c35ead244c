//! `Retail.OrderHistory.N.csv`: one row per item shipped (an order of three items is three
//! rows sharing `Order ID`). Columns: `Website, Order ID, Order Date, Currency, Unit Price,
//! Total Owed, ASIN, Quantity, Payment Instrument Type, Order Status, Ship Date, Shipping
//! Address, Product Name, ...`, amounts as `'12.99'`, `Not Available` where Amazon has
//! nothing. Dates: ISO with `Z` in newer exports, US month-first `03/15/2021 14:05:09` in
//! older ones (public parsers read both).
//!
//! Marketplace orders name the seller (`Seller`, `Sold By`): a third party that sold you the
//! item and received the order (name, shipping address) to fulfil it, so it becomes a company
//! with [`Relation::SoldToYou`]. Amazon itself as the seller is the platform, not a third party.

use super::{clean, compact, month_first_time};
use crate::formats::csv_export::{each_row, value, value_any};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record, Relation};
use crate::money::Money;
use std::io::Read;

/// `Retail.OrderHistory`: one `order_item` record per row.
pub fn parse_orders(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        let order = value(row, "Order ID").unwrap_or("");
        let asin = value_any(row, &["ASIN", "ASIN/ISBN"]).unwrap_or("");
        let product = value(row, "Product Name").unwrap_or(asin);
        if order.is_empty() && product.is_empty() {
            cx.warn(
                Some(row.index),
                format!("line {}: neither Order ID nor product", row.line),
            );
        }
        let raw_total = value_any(row, &["Total Owed", "Item Total", "Unit Price"]);
        let total = raw_total.and_then(clean);
        let currency = value(row, "Currency").unwrap_or("");
        // `Total Owed` is what the row cost (price times quantity, tax and shipping included).
        let money = raw_total.and_then(|t| Money::parse(t, Some(currency)));
        if let (Some(t), None) = (raw_total, money) {
            cx.warn(
                Some(row.index),
                format!(
                    "line {}: amount {t:?} has no currency or is not a number",
                    row.line
                ),
            );
        }
        let mut title = format!(
            "Ordered {}",
            if product.is_empty() { order } else { product }
        );
        if let Some(total) = total {
            title.push_str(&format!(" ({total} {currency})").replace(" )", ")"));
        }
        let seller = value_any(row, &["Seller", "Sold By", "Seller Name"]);
        if let Some(seller) = seller {
            title.push_str(&format!(", sold by {seller}"));
        }
        let ts = month_first_time(cx, row, &["Order Date", "Order Date (UTC)"]);
        let mut r = Record::new("order_item", Category::Purchases)
            .at(ts)
            .until(month_first_time(cx, row, &["Ship Date"]))
            .title(title)
            .money_opt(money)
            .data(&compact(row, &[]))
            .with_key(&[order, asin, value(row, "Ship Date").unwrap_or("")]);
        if let Some(seller) = seller.filter(|s| !is_amazon(s)) {
            r = r.company(seller, Relation::SoldToYou);
        }
        cx.emit(row.index, r)
    })
}

/// `Amazon.com`, `Amazon EU S.a.r.L.`, `Amazon.de`: the platform selling, not a third party.
fn is_amazon(seller: &str) -> bool {
    let s = seller.trim().to_ascii_lowercase();
    s == "amazon" || s.starts_with("amazon.") || s.starts_with("amazon ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{data_json, MemorySink};

    fn run(input: &str) -> MemorySink {
        let (out, r) = MemorySink::run_parser("Retail.OrderHistory.1.csv", input, parse_orders);
        r.unwrap();
        out
    }

    #[test]
    fn rows_become_order_items_with_their_sellers() {
        let input = "\u{feff}\"Website\",\"Order ID\",\"Order Date\",\"Currency\",\"Total Owed\",\"ASIN\",\"Ship Date\",\"Product Name\",\"Seller\"\n\
\"Amazon.com\",\"111-1\",\"2023-01-15T10:20:30Z\",\"USD\",\"'12.99'\",\"B0001\",\"2023-01-16T08:00:00.000Z\",\"Kettle\",\"Not Available\"\n\
\"Amazon.com\",\"111-2\",\"02/01/2023 00:00:00\",\"USD\",\"'-0.68'\",\"B0002\",\"Not Available\",\"Mug\",\"Sunny Books 1\"\n";
        let out = run(input);
        assert_eq!(out.records.len(), 2);
        let [a, b] = [&out.records[0], &out.records[1]];
        assert_eq!(a.title.as_deref(), Some("Ordered Kettle (12.99 USD)"));
        assert_eq!(a.ts, Some(1_673_778_030_000));
        assert!(a.ts_end.is_some());
        assert_eq!(
            b.title.as_deref(),
            Some("Ordered Mug (-0.68 USD), sold by Sunny Books 1")
        );
        assert_eq!(b.ts, Some(1_675_209_600_000), "older exports: month first");
        let seller = b.company.as_ref().expect("the marketplace seller is a company");
        assert_eq!((seller.name.as_str(), seller.relation), ("Sunny Books 1", Relation::SoldToYou));
        assert!(a.company.is_none(), "no seller named");
        assert!(is_amazon("Amazon.com") && is_amazon("Amazon EU S.a.r.L."));
        assert!(!is_amazon("Sunny Books 1") && !is_amazon("Amazonas Coffee"));
        let d = data_json(b);
        assert_eq!(d["Seller"], "Sunny Books 1");
        assert_eq!(d["Total Owed"], "-0.68");
        assert!(d.get("Ship Date").is_none(), "placeholders are dropped");
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
        let amounts: Vec<_> = out
            .records
            .iter()
            .map(|r| r.amount.map(|m| m.minor))
            .collect();
        assert_eq!(amounts, [Some(1299), Some(-68)]);
        assert_eq!(a.amount.unwrap().currency.as_str(), "USD");
    }

    #[test]
    fn damaged_rows_are_warnings() {
        let cases = [
            (
                "Order ID,Order Date,Product Name\n1,soon,Kettle\n",
                1,
                "not a date",
            ),
            (
                "Order ID,Order Date,Product Name\nNot Available,,N/A\n",
                1,
                "neither",
            ),
            (
                "Order ID,Order Date,Product Name\n1,2023-01-15T10:20:30Z",
                1,
                "truncated",
            ),
        ];
        for (input, n, warning) in cases {
            let out = run(input);
            assert_eq!(out.records.len(), n, "{input}");
            assert!(
                out.warnings
                    .iter()
                    .any(|w| w.message.contains(warning) && w.message.contains("line 2")),
                "{input}: {:?}",
                out.warnings
            );
        }
        assert!(run("").records.is_empty());
    }
}
