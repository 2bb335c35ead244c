//! What the user bought and paid through Google, from four Takeout products:
//!
//! - Google Pay CSVs: `Google transactions/transactions_<n>.csv` = `Time, Transaction ID,
//!   Description, Product, Payment method, Status, Amount` (amounts with their currency:
//!   `€12.34`, `USD 5.00`, `-€3.00`), and `Money remittances and requests/*.csv` (money sent
//!   to or requested from people; the counterpart is a person, never a company). Google
//!   Store's `Orders.csv` and Google Shopping's order tables are read by the same lenient
//!   table reader: columns are looked up by alternative names.
//! - `Purchases & Reservations/**/*.json`: one JSON object per order, `{transactionMerchant:
//!   {name}, creationTime, lineItem: [{purchase: {productInfo: {name}}}], transactionTotal?}`
//!   (`creationTime` in microseconds as a string in the exports reported).
//! - `Google Play Store/Purchase History.json`, `Order History.json`, `Subscriptions.json`:
//!   arrays of one-key wrappers (`{purchaseHistory: {...}}`, `{orderHistory: {...}}`,
//!   `{subscription: {...}}`) with the app or item in `doc.title` (or `lineItem[].doc`) and
//!   the price as display text (`invoicePrice: "€1.99"`, `totalPrice`, `pricing[].price`).
//!
//! The merchant named by a Google Pay transaction or an order received the user's payment
//! and order details: it becomes a company with [`Relation::SoldToYou`]. Play Store
//! purchases name no third party (Google sells the app; the app is the item).

use super::element;
use crate::formats::csv_table::{CsvTable, Row};
use crate::formats::lenient;
use crate::importer::{ImportCx, ParseError};
use crate::json_stream::{stream_json, JsonItem};
use crate::model::{Category, Record, Relation};
use crate::money::Money;
use serde_json::{json, Value};
use std::io::Read;

/// The columns of the purchase tables, with the names seen or expected per language
/// (German, French and Spanish headers are unconfirmed guesses, the Italian ones come from one
/// public parser (~); unknown headers still find English names).
pub mod columns {
    pub const TIME: &[&str] = &[
        "Time",
        "Order Date",
        "Date",
        "Created",
        "Zeit",
        "Datum",
        "Heure",
        "Fecha",
        "Hora",
        "Data e ora",
    ];
    pub const ID: &[&str] = &[
        "Transaction ID",
        "Order ID",
        "Order Number",
        "Transaktions-ID",
        "ID de transaction",
        "ID de la transacción",
        "ID transazione",
    ];
    pub const DESCRIPTION: &[&str] = &[
        "Description",
        "Item",
        "Item Name",
        "Product Name",
        "Beschreibung",
        "Artikel",
        "Libellé",
        "Descripción",
        "Descrizione",
    ];
    pub const PRODUCT: &[&str] = &["Product", "Produkt", "Produit", "Producto", "Prodotto"];
    pub const METHOD: &[&str] = &[
        "Payment method",
        "Zahlungsmethode",
        "Mode de paiement",
        "Método de pago",
        "Metodo di pagamento",
    ];
    pub const STATUS: &[&str] = &["Status", "Statut", "Estado", "Stato"];
    pub const AMOUNT: &[&str] = &[
        "Amount",
        "Total",
        "Total Price",
        "Price",
        "Betrag",
        "Gesamtbetrag",
        "Montant",
        "Importe",
        "Importo",
    ];
    pub const CURRENCY: &[&str] = &["Currency", "Currency Code", "Währung", "Devise", "Moneda"];
    pub const MERCHANT: &[&str] = &[
        "Merchant",
        "Seller",
        "Store",
        "Händler",
        "Marchand",
        "Comerciante",
    ];
    pub const MEMO: &[&str] = &["Memo", "Note", "Notiz", "Nota"];
}

/// Who the rows of a purchase table were paid to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payee {
    /// The `Description` names the merchant (Google Pay transactions).
    DescriptionIsMerchant,
    /// A `Merchant`/`Seller` column, if any, names it (Google Shopping).
    MerchantColumn,
    /// Google itself (Google Store) or a person (remittances): no third party.
    NoCompany,
}

/// A header is a purchase table: an amount and a time or transaction id (for content
/// classification of tables under names this importer does not know).
pub fn is_purchase_header(header: &[String]) -> bool {
    let has = |names: &[&str]| {
        header.iter().any(|h| {
            let h = crate::formats::csv_table::norm_column(h);
            names
                .iter()
                .any(|n| crate::formats::csv_table::norm_column(n) == h)
        })
    };
    has(columns::AMOUNT) && has(columns::ID) && (has(columns::TIME) || has(columns::DESCRIPTION))
}

/// Parse a purchase table: one record of `kind` per row.
pub fn parse_table(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
    kind: &'static str,
    payee: Payee,
) -> Result<(), ParseError> {
    let mut table = CsvTable::new(reader)?;
    while let Some(row) = table.next_row(cx) {
        let (line, index) = (row.line, row.index);
        let record = table_record(&row, kind, payee, cx);
        cx.emit(index, record.data(&json!({ "line": line })))?;
    }
    Ok(())
}

fn table_record(row: &Row<'_>, kind: &'static str, payee: Payee, cx: &mut ImportCx<'_>) -> Record {
    let raw_time = row.get_any(columns::TIME).unwrap_or("");
    let ts = crate::time::parse(raw_time);
    if ts.is_none() {
        cx.warn(
            Some(row.index),
            format!("line {}: no readable time in `{raw_time}`", row.line),
        );
    }
    let amount = row.get_any(columns::AMOUNT);
    let money = amount.and_then(|a| Money::parse(a, row.get_any(columns::CURRENCY)));
    if let (Some(a), None) = (amount, money) {
        cx.warn(
            Some(row.index),
            format!(
                "line {}: amount `{a}` has no readable currency or number",
                row.line
            ),
        );
    }
    let description = row
        .get_any(columns::DESCRIPTION)
        .map(str::trim)
        .map(str::to_string);
    let id = row.get_any(columns::ID).unwrap_or("");
    let mut record = Record::new(kind, Category::Purchases)
        .at(ts)
        .title_opt(description.clone())
        .money_opt(money)
        .with_key(&[
            id,
            raw_time,
            description.as_deref().unwrap_or(""),
            amount.unwrap_or(""),
        ]);
    let merchant = match payee {
        Payee::DescriptionIsMerchant => description,
        Payee::MerchantColumn => row.get_any(columns::MERCHANT).map(str::to_string),
        Payee::NoCompany => None,
    };
    if let Some(m) = crate::text::non_empty(merchant.as_deref()) {
        record = record.company(m, Relation::SoldToYou);
    }
    let extra: Vec<String> = [
        columns::PRODUCT,
        columns::METHOD,
        columns::STATUS,
        columns::MEMO,
    ]
    .iter()
    .filter_map(|c| row.get_any(c))
    .map(str::to_string)
    .collect();
    if !extra.is_empty() {
        record = record.body(extra.join(" · "));
    }
    record
}

/// Orders larger than this are not one order.
const ORDER_MAX_BYTES: u64 = 8 << 20;

/// Parse one `Purchases & Reservations` order file (an object, or an array of them).
pub fn parse_order(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let mut buf = Vec::new();
    reader.take(ORDER_MAX_BYTES).read_to_end(&mut buf)?;
    if buf.iter().all(u8::is_ascii_whitespace) {
        cx.warn(None, format!("{}: empty order file", cx.file));
        return Ok(());
    }
    let value: Value = serde_json::from_slice(crate::formats::strip_bom(&buf))
        .map_err(|e| ParseError::Other(format!("{}: not an order JSON: {e}", cx.file)))?;
    for (i, order) in lenient::list(Some(&value)).iter().enumerate() {
        let i = i as u64;
        match order_record(order) {
            Some(r) => cx.emit(i, r)?,
            None => cx.warn(
                Some(i),
                format!("order {i} skipped: no merchant, item or time"),
            ),
        }
    }
    Ok(())
}

fn order_record(order: &Value) -> Option<Record> {
    let merchant = lenient::path(order, &[&["transactionMerchant", "merchant"], &["name"]])
        .and_then(|v| lenient::text(Some(v)));
    let items: Vec<String> = lenient::list(lenient::get_any(order, &["lineItem", "lineItems"]))
        .iter()
        .filter_map(|li| {
            lenient::path(li, &[&["purchase"], &["productInfo"], &["name"]])
                .or_else(|| lenient::path(li, &[&["name"]]))
                .and_then(|v| lenient::text(Some(v)))
        })
        .collect();
    let raw_time = lenient::field(order, &["creationTime", "purchaseTime", "time"]);
    let ts = raw_time.as_deref().and_then(crate::time::parse);
    if merchant.is_none() && items.is_empty() && ts.is_none() {
        return None;
    }
    let money =
        lenient::get_any(order, &["transactionTotal", "total", "totalPrice"]).and_then(price_of);
    let id = lenient::field(order, &["orderId", "transactionId", "id"]).unwrap_or_default();
    let title = items
        .first()
        .cloned()
        .or_else(|| merchant.clone())
        .unwrap_or_default();
    let mut r = Record::new("order", Category::Purchases)
        .at(ts)
        .title(title)
        .money_opt(money)
        .data(&json!({ "items": items }))
        .with_key(&[
            &id,
            raw_time.as_deref().unwrap_or(""),
            merchant.as_deref().unwrap_or(""),
            &items.join("|"),
        ]);
    if let Some(m) = merchant {
        r = r.company(m, Relation::SoldToYou);
    }
    Some(r)
}

/// A price as Google writes it: display text (`"€1.99"`), or an object with an amount and a
/// currency code (`{amount: "12.34", currencyCode: "EUR"}`, `{displayString: ...}`), or a
/// micros amount (`amountMicros`).
pub fn price_of(v: &Value) -> Option<Money> {
    if let Some(s) = v.as_str() {
        return Money::parse(s, None);
    }
    let currency = lenient::field(v, &["currencyCode", "currency"]);
    if let Some(m) =
        lenient::field(v, &["amountMicros", "priceMicros"]).and_then(|m| m.parse::<i64>().ok())
    {
        let c = crate::money::Currency::parse(currency.as_deref()?)?;
        let minor = m / 10i64.pow(6 - c.exponent().min(6));
        return Some(Money::new(minor, c));
    }
    let text = lenient::field(
        v,
        &[
            "amount",
            "price",
            "displayString",
            "formattedPrice",
            "value",
        ],
    )?;
    Money::parse(&text, currency.as_deref())
}

/// The Play Store wrappers: element key, record kind, time keys.
const PLAY_KINDS: &[(&str, &str, &[&str])] = &[
    (
        "purchaseHistory",
        "app_purchase",
        &["purchaseTime", "invoiceTime"],
    ),
    (
        "orderHistory",
        "play_order",
        &["creationTime", "purchaseTime"],
    ),
    (
        "subscription",
        "subscription",
        &["renewalDate", "startTime", "creationTime", "expirationDate"],
    ),
];

/// The element keys that mark a Play Store purchase file (content classification).
pub fn play_wrapper_keys() -> impl Iterator<Item = &'static str> {
    PLAY_KINDS.iter().map(|(k, _, _)| *k)
}

/// Parse `Purchase History.json`, `Order History.json` or `Subscriptions.json`.
pub fn parse_play(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    stream_json(reader, &[], &mut |item| {
        let JsonItem::Element { index, raw, .. } = item else {
            return Ok(());
        };
        let Some(entry) = element::<Value>(cx, index, raw, "Play purchase") else {
            return Ok(());
        };
        match play_record(&entry) {
            Some(r) => cx.emit(index, r),
            None => {
                cx.warn(
                    Some(index),
                    format!("Play purchase {index} skipped: no item title"),
                );
                Ok(())
            }
        }
    })
}

fn play_record(entry: &Value) -> Option<Record> {
    let (inner, kind, time_keys) = PLAY_KINDS
        .iter()
        .find_map(|(key, kind, times)| lenient::get(entry, key).map(|v| (v, *kind, *times)))
        .unwrap_or((entry, "app_purchase", PLAY_KINDS[0].2));
    let docs = std::iter::once(lenient::get(inner, "doc"))
        .chain(
            lenient::list(lenient::get(inner, "lineItem"))
                .iter()
                .map(|li| lenient::get(li, "doc")),
        )
        .flatten();
    let (title, doc_type) = docs
        .filter_map(|d| {
            Some((
                lenient::field(d, &["title"])?,
                lenient::field(d, &["documentType"]),
            ))
        })
        .next()?;
    let raw_time = lenient::field(inner, time_keys);
    let money = lenient::get_any(inner, &["invoicePrice", "totalPrice", "price"])
        .and_then(price_of)
        .or_else(|| {
            lenient::list(lenient::get(inner, "pricing"))
                .iter()
                .find_map(|p| lenient::get(p, "price").and_then(price_of))
        });
    let order_id = lenient::field(inner, &["orderId", "orderNumber"]).unwrap_or_default();
    Some(
        Record::new(kind, Category::Purchases)
            .at(raw_time.as_deref().and_then(crate::time::parse))
            .title(title.clone())
            .money_opt(money)
            .data(&json!({
                "documentType": doc_type,
                "state": lenient::field(inner, &["state", "status"]),
                "paymentMethod": lenient::field(inner, &["paymentMethodTitle", "paymentMethod"]),
            }))
            .with_key(&[&order_id, &title, raw_time.as_deref().unwrap_or("")]),
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run;
    use super::*;

    fn amounts(out: &crate::testing::MemorySink) -> Vec<Option<(i64, &str)>> {
        out.records
            .iter()
            .map(|r| r.amount.as_ref().map(|m| (m.minor, m.currency.as_str())))
            .collect()
    }

    #[test]
    fn pay_transactions_name_merchants_with_amounts() {
        let input =
            "\u{feff}Time,Transaction ID,Description,Product,Payment method,Status,Amount\n\
            2024-01-05T10:00:00Z,T1,Nike,Google Pay,Visa •••• 1234,Complete,€12.34\n\
            \"Feb 3, 2024, 1:02:03 PM\",T2,Spotify,Google Play,Visa,Complete,USD 5.00\n\
            2024-02-04T10:00:00Z,T3,Nike,Google Pay,Visa,Refunded,-€3.00\n\
            2024-02-05T10:00:00Z,T4,Zalando,Google Pay,Visa,Complete,\"1.234,56 €\"\n\
            2024-02-06T10:00:00Z,T5,Shop,Google Pay,Visa,Complete,12.00\n";
        let (out, res) = run(
            "Takeout/Google Pay/Google transactions/transactions_1.csv",
            input,
            |r, cx| parse_table(r, cx, "payment", Payee::DescriptionIsMerchant),
        );
        res.unwrap();
        assert_eq!(out.records.len(), 5);
        assert_eq!(
            amounts(&out),
            [
                Some((1234, "EUR")),
                Some((500, "USD")),
                Some((-300, "EUR")),
                Some((123_456, "EUR")),
                None
            ]
        );
        let c = out.records[0].company.as_ref().unwrap();
        assert_eq!(
            (c.name.as_str(), c.relation),
            ("Nike", Relation::SoldToYou)
        );
        assert_eq!(out.records[1].ts, Some(1_706_965_323_000));
        assert_eq!(out.records[0].category, Category::Purchases);
        assert_eq!(
            out.warnings.len(),
            1,
            "the amount without currency: {:?}",
            out.warnings
        );
        assert!(
            out.warnings[0].message.contains("line 6"),
            "{:?}",
            out.warnings
        );
    }

    #[test]
    fn tables_survive_empty_and_broken_input() {
        let (out, res) = run("Takeout/Google Store/Orders.csv", "", |r, cx| {
            parse_table(r, cx, "order", Payee::NoCompany)
        });
        res.unwrap();
        assert!(out.records.is_empty());
        let broken = "Order ID,Order Date,Item,Price,Currency\nO1,2024-01-01,Pixel Buds,199.00,USD\nO2,\"2024-01-0\n";
        let (out, _) = run("Takeout/Google Store/Orders.csv", broken, |r, cx| {
            parse_table(r, cx, "order", Payee::NoCompany)
        });
        assert_eq!(amounts(&out)[0], Some((19_900, "USD")));
        assert!(
            out.records[0].company.is_none(),
            "Google Store is Google itself"
        );
    }

    #[test]
    fn orders_name_the_merchant() {
        let input = r#"{"transactionMerchant": {"name": "Zalando"}, "creationTime": "1706400000000000",
            "lineItem": [{"purchase": {"productInfo": {"name": "Running shoes"}}}, null],
            "transactionTotal": {"amount": "89.90", "currencyCode": "EUR"}}"#;
        let (out, res) = run(
            "Takeout/Purchases & Reservations/Purchases/order_1.json",
            input,
            parse_order,
        );
        res.unwrap();
        let r = &out.records[0];
        assert_eq!(
            (r.kind, r.title.as_deref()),
            ("order", Some("Running shoes"))
        );
        assert_eq!(r.ts, Some(1_706_400_000_000));
        assert_eq!(amounts(&out), [Some((8_990, "EUR"))]);
        assert_eq!(r.company.as_ref().unwrap().name, "Zalando");
        let (out, res) = run(
            "x.json",
            "{\"transactionMerchant\": {\"name\": \"A\"",
            parse_order,
        );
        assert!(
            res.is_err() && out.records.is_empty(),
            "a truncated order is a file error"
        );
        let (out, res) = run("x.json", "", parse_order);
        assert!(res.is_ok() && out.warnings.len() == 1);
    }

    #[test]
    fn play_purchases_orders_and_subscriptions() {
        let input = r#"[
          {"purchaseHistory": {"invoicePrice": "€1.99", "doc": {"title": "Duolingo", "documentType": "Android Apps"}, "purchaseTime": "2023-05-01T10:00:00.000Z"}},
          {"orderHistory": {"orderId": "GPA.1", "creationTime": "2023-06-01T10:00:00Z", "totalPrice": "US$4.99", "lineItem": [{"doc": {"title": "Gems"}}]}},
          {"subscription": {"doc": {"title": "YouTube Premium"}, "renewalDate": "2024-01-01T00:00:00Z", "pricing": [{"period": "P1M", "price": "£11.99"}], "state": "ACTIVE"}},
          {"purchaseHistory": {"doc": null, "invoicePrice": "€1.00"}},
          {"purchaseHistory": {"doc": {"title": "Free app"}, "invoicePrice": null}}
        ]"#;
        let (out, res) = run(
            "Takeout/Google Play Store/Purchase History.json",
            input,
            parse_play,
        );
        res.unwrap();
        let kinds: Vec<&str> = out.records.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            ["app_purchase", "play_order", "subscription", "app_purchase"]
        );
        assert_eq!(
            amounts(&out),
            [
                Some((199, "EUR")),
                Some((499, "USD")),
                Some((1199, "GBP")),
                None
            ]
        );
        assert!(out.records.iter().all(|r| r.company.is_none()));
        assert_eq!(out.warnings.len(), 1);
        assert_eq!(out.warnings[0].position, Some(3));
    }

    #[test]
    fn headers_of_purchase_tables() {
        let h = |s: &str| s.split(',').map(str::to_string).collect::<Vec<_>>();
        assert!(is_purchase_header(&h(
            "Time,Transaction ID,Description,Product,Payment method,Status,Amount"
        )));
        assert!(is_purchase_header(&h(
            "Zeit,Transaktions-ID,Beschreibung,Produkt,Zahlungsmethode,Status,Betrag"
        )));
        assert!(!is_purchase_header(&h(
            "Channel ID,Channel URL,Channel title"
        )));
    }
}
