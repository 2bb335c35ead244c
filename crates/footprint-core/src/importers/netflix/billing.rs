//! `PAYMENT_AND_BILLING/BillingHistory.csv`: one row per charge attempt (`Transaction Date,
//! Service Period Start Date, Service Period End Date, Description, Payment Type, Mop Last 4,
//! Mop Creation Date, Mop Pmt Processor Desc, Item Price Amt, Currency, Tax Amt, Gross Sale
//! Amt, Pmt Txn Type, Pmt Status, Final Invoice Result, Country, Next Billing Date`).
//!
//! The amount is `Gross Sale Amt` (price plus tax) in `Currency`. Only settled rows carry
//! money: a `DECLINED`/`FAILED` attempt is kept as a record without an amount (it was not
//! paid), and a refund (`Pmt Txn Type` `REFUND`/`CREDIT`) is negative. The processor named by
//! `Mop Pmt Processor Desc` (Adyen, Braintree, PayPal...) received the card details: it is a
//! third party with the relation `ConnectedApp` (as Reddit's payment processors are).

use crate::formats::csv_export::{self, each_row, value, value_any, RowSpec};
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Relation};
use crate::money::Money;
use std::io::Read;

const CHARGE: RowSpec = RowSpec::new(
    "billing",
    Category::Purchases,
    &[
        "{Description} ({Pmt Status})",
        "Netflix charge ({Pmt Status})",
        "Netflix charge",
    ],
)
.time(&["Transaction Date"])
.until(&["Service Period End Date"])
.key(&[
    "Transaction Date",
    "Pmt Txn Type",
    "Gross Sale Amt",
    "Mop Last 4",
    "Pmt Status",
]);

/// Payment states that mean no money moved.
fn unpaid(status: &str) -> bool {
    let s = status.to_ascii_lowercase();
    ["declined", "failed", "denied", "error", "pending", "cancel"]
        .iter()
        .any(|w| s.contains(w))
}

fn refund(txn_type: &str) -> bool {
    let t = txn_type.to_ascii_lowercase();
    t.contains("refund") || t.contains("credit") || t.contains("chargeback")
}

/// The processor's name as a company (`ADYEN` -> `Adyen`); card brands and placeholders are
/// not processors.
fn processor_name(raw: &str) -> String {
    let mut out = String::new();
    for (i, word) in raw.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut chars = word.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_uppercase());
            out.push_str(&chars.as_str().to_lowercase());
        }
    }
    out
}

pub fn import_billing(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        let status = value(row, "Pmt Status").unwrap_or("");
        let raw = value_any(row, &["Gross Sale Amt", "Item Price Amt"]);
        let mut money = raw.and_then(|a| Money::parse(a, value(row, "Currency")));
        if raw.is_some() && money.is_none() {
            cx.warn(
                Some(row.index),
                format!(
                    "line {}: amount {:?} has no currency or is not a number",
                    row.line,
                    raw.unwrap_or("")
                ),
            );
        }
        if unpaid(status) {
            money = None;
        } else if refund(value(row, "Pmt Txn Type").unwrap_or("")) {
            money = money.map(|m| Money::new(-m.minor.abs(), m.currency));
        }
        let mut r = csv_export::record(cx, &CHARGE, row).money_opt(money);
        if let Some(p) = value(row, "Mop Pmt Processor Desc") {
            r = r.company(processor_name(p), Relation::ConnectedApp);
        }
        cx.emit(row.index, r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    const HEADER: &str = "Transaction Date,Service Period Start Date,Service Period End Date,Description,Payment Type,Mop Last 4,Mop Creation Date,Mop Pmt Processor Desc,Item Price Amt,Currency,Tax Amt,Gross Sale Amt,Pmt Txn Type,Pmt Status,Final Invoice Result,Country,Next Billing Date\n";

    #[test]
    fn amounts_by_status_and_type() {
        for (row, want) in [
            ("2024-01-05,2024-01-05,2024-02-04,Standard,CC,1234,2022-01-01,ADYEN,13.49,EUR,2.56,16.05,SALE,APPROVED,SETTLED,DE,2024-02-05", Some(1605)),
            ("2024-02-05,,,Standard,CC,1234,,BRAINTREE,13.49,EUR,2.56,16.05,SALE,DECLINED,FAILED,DE,", None),
            ("2024-02-06,,,Refund,CC,1234,,ADYEN,,EUR,,16.05,REFUND,APPROVED,SETTLED,DE,", Some(-1605)),
            ("2024-03-05,,,Standard,CC,1234,,,\"$15.49\",,,,SALE,APPROVED,SETTLED,US,", Some(1549)),
            ("2024-03-05,,,Standard,CC,1234,,,15.49,,,15.49,SALE,APPROVED,SETTLED,US,", None),
        ] {
            let input = format!("{HEADER}{row}\n");
            let (sink, r) = MemorySink::run_parser("BillingHistory.csv", &input, import_billing);
            r.unwrap();
            assert_eq!(sink.records[0].amount.map(|m| m.minor), want, "{row}");
            assert_eq!(sink.records[0].category, Category::Purchases);
        }
    }

    #[test]
    fn the_processor_is_a_third_party() {
        let input = format!("{HEADER}2024-01-05,,,Standard,CC,1234,,ADYEN,13.49,EUR,2.56,16.05,SALE,APPROVED,SETTLED,DE,\n");
        let (sink, r) = MemorySink::run_parser("BillingHistory.csv", &input, import_billing);
        r.unwrap();
        let c = sink.records[0].company.as_ref().unwrap();
        assert_eq!(
            (c.name.as_str(), c.relation),
            ("Adyen", Relation::ConnectedApp)
        );
    }
}
