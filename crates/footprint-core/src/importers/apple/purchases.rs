//! Money files: the Store's transaction history (`Store Transaction History.csv`: `Item
//! Description`, `Content Type`, `Seller`, `Invoice Date`, `Item Price`/`Invoice Amount`,
//! `Currency`), `Subscriptions.csv` and the Wallet's Apple Pay transactions. Each row is a
//! `Purchases` record carrying its [`Money`]; the company paid (an app's developer, a Wallet
//! merchant) is the row's third party.

use crate::formats::csv_export::{each_row, row_time, value, value_any};
use crate::formats::csv_table::Row;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record, Relation};
use crate::money::Money;
use std::io::Read;

/// How one money file's rows read.
struct PurchaseSpec {
    kind: &'static str,
    verb: &'static str,
    item: &'static [&'static str],
    company: &'static [&'static str],
    time: &'static [&'static str],
    amount: &'static [&'static str],
    currency: &'static [&'static str],
    key: &'static [&'static str],
    /// The relation of the row's company, if the row makes it a third party.
    relation: fn(&Row<'_>) -> Option<Relation>,
}

const CURRENCY: &[&str] = &["Currency", "Currency Code", "Währung", "Devise"];

/// A store row's seller is a third party when the item is an app or in-app purchase (music,
/// films and books are sold by Apple itself).
fn store_relation(row: &Row<'_>) -> Option<Relation> {
    let kind = value_any(row, &["Content Type", "Item Type", "Media Type"])?.to_lowercase();
    (kind.contains("app") || kind.contains("ios") || kind.contains("mac os"))
        .then_some(Relation::InstalledApp)
}

const STORE: PurchaseSpec = PurchaseSpec {
    kind: "store_purchase",
    verb: "Bought",
    item: &[
        "Item Description",
        "Item Title",
        "Title",
        "Artikelbeschreibung",
    ],
    company: &["Seller", "Content Provider", "Developer", "Verkäufer"],
    time: &[
        "Invoice Date",
        "Item Purchased Date",
        "Purchase Date",
        "Rechnungsdatum",
    ],
    amount: &[
        "Item Price",
        "Invoice Item Amount",
        "Invoice Amount",
        "Invoice Item Total",
        "Preis",
    ],
    currency: CURRENCY,
    key: &[
        "Order Number",
        "Item Reference Number",
        "Invoice Date",
        "Item Description",
    ],
    relation: store_relation,
};

const SUBSCRIPTION: PurchaseSpec = PurchaseSpec {
    kind: "subscription",
    verb: "Subscribed to",
    item: &[
        "Subscription Name",
        "Subscription Content Name",
        "Item Description",
    ],
    company: &["Developer", "Seller", "App Name"],
    time: &["Subscription Start Date", "Purchase Date", "Start Date"],
    amount: &["Subscription Price", "Price", "Amount"],
    currency: CURRENCY,
    key: &[
        "Subscription ID",
        "Subscription Name",
        "Subscription Start Date",
    ],
    relation: |_| Some(Relation::InstalledApp),
};

const WALLET: PurchaseSpec = PurchaseSpec {
    kind: "wallet_payment",
    verb: "Paid",
    item: &["Merchant", "Merchant Name", "Description"],
    company: &["Merchant", "Merchant Name"],
    time: &["Transaction Date", "Date"],
    amount: &["Amount", "Transaction Amount"],
    currency: CURRENCY,
    key: &["Transaction ID", "Transaction Date", "Merchant", "Amount"],
    // Apple Pay hands the merchant the payment (a token, the name and, for deliveries, the
    // address): the merchant received the user's information through Apple.
    relation: |_| Some(Relation::SoldToYou),
};

fn import(
    spec: &PurchaseSpec,
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        let item = value_any(row, spec.item);
        let company = value_any(row, spec.company);
        let raw_amount = value_any(row, spec.amount);
        let money = raw_amount.and_then(|a| Money::parse(a, value_any(row, spec.currency)));
        if let (Some(raw), None) = (raw_amount, money) {
            if raw.chars().any(|c| c.is_ascii_digit()) {
                cx.warn(
                    Some(row.index),
                    format!("line {}: amount {raw:?} has no currency", row.line),
                );
            }
        }
        let key: Vec<&str> = spec
            .key
            .iter()
            .map(|c| value(row, c).unwrap_or(""))
            .collect();
        let mut r = Record::new(spec.kind, Category::Purchases)
            .at(row_time(cx, row, spec.time))
            .title(format!(
                "{} {}",
                spec.verb,
                item.or(company).unwrap_or("an item")
            ))
            .money_opt(money)
            .data(&row.to_json())
            .with_key(&key);
        if let (Some(name), Some(relation)) = (company, (spec.relation)(row)) {
            r = r.company(name, relation);
        }
        cx.emit(row.index, r)
    })
}

pub fn parse_store_transactions(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    import(&STORE, reader, cx)
}

pub fn parse_subscriptions(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    import(&SUBSCRIPTION, reader, cx)
}

pub fn parse_wallet(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    import(&WALLET, reader, cx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    fn run(
        parse: fn(&mut dyn Read, &mut ImportCx<'_>) -> Result<(), ParseError>,
        csv: &str,
    ) -> MemorySink {
        let (sink, r) = MemorySink::run_parser("f.csv", csv, parse);
        r.unwrap();
        sink
    }

    #[test]
    fn store_rows_carry_money_and_app_sellers() {
        let s = run(
            parse_store_transactions,
            "Item Description,Content Type,Seller,Invoice Date,Item Price,Currency\n\
             Puzzle Quest,iOS App,Sunny Books 1,2023-05-01,$1.99,USD\n\
             A Song,Song,Apple,2023-05-02,\"1,29 €\",\n\
             Free Thing,iOS App,Nike,2023-05-03,0.00,\n\
             Odd,Book,Apple,not a date,12.00,\n",
        );
        assert_eq!(s.records.len(), 4);
        let m = |i: usize| {
            s.records[i]
                .amount
                .map(|m| (m.minor, m.currency.as_str().to_string()))
        };
        assert_eq!(m(0), Some((199, "USD".into())));
        assert_eq!(m(1), Some((129, "EUR".into())));
        assert_eq!(m(2), None, "no currency: no amount, reported");
        assert!(s.records[0].company.is_some());
        assert!(
            s.records[1].company.is_none(),
            "Apple's own songs name no third party"
        );
        assert!(
            s.warnings
                .iter()
                .any(|w| w.message.contains("line 4") && w.message.contains("currency")),
            "{:?}",
            s.warnings
        );
        assert!(
            s.warnings
                .iter()
                .any(|w| w.message.contains("line 5") && w.message.contains("not a date")),
            "{:?}",
            s.warnings
        );
        assert!(s.records.iter().all(|r| r.category == Category::Purchases));
    }

    #[test]
    fn wallet_merchants_sold_to_you() {
        let s = run(
            parse_wallet,
            "Transaction Date,Merchant,Amount,Currency\n2024-01-02T10:00:00Z,IKEA,-45.50,EUR\n",
        );
        assert_eq!(s.records[0].amount.unwrap().minor, -4550);
        assert_eq!(
            s.records[0].company.as_ref().unwrap().relation,
            Relation::SoldToYou
        );
    }
}
