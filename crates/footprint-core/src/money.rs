//! Money as exports write it, as a type: an amount in minor units (cents) of an ISO 4217
//! currency, never a float. Exports write amounts every way there is: `'-0.68'` (Amazon, with
//! quotes), `$1,234.56`, `1.234,56 €`, `EUR 12.00`, `12,00`, `USD 5.99`, `¥1200`, `(3.50)`;
//! [`Money::parse`] reads them all, with the currency from the text or from a separate column.
//! Totals are summed per currency: there are no exchange rates in Footprint.

use serde::{Deserialize, Serialize};

/// An amount of one currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// In minor units of the currency (cents for USD, yen for JPY, fils/1000 for KWD).
    pub minor: i64,
    /// ISO 4217 code, upper case.
    pub currency: Currency,
}

/// An ISO 4217 code (`USD`), stored as three ASCII upper-case letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    /// `usd`, ` EUR ` -> the code; anything that is not three letters -> `None`.
    pub fn parse(code: &str) -> Option<Currency> {
        let c = code.trim().as_bytes();
        (c.len() == 3 && c.iter().all(u8::is_ascii_alphabetic)).then(|| {
            Currency([
                c[0].to_ascii_uppercase(),
                c[1].to_ascii_uppercase(),
                c[2].to_ascii_uppercase(),
            ])
        })
    }
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("ASCII letters")
    }
    /// Digits after the decimal point (ISO 4217): 0 for JPY/KRW/..., 3 for the dinars, else 2.
    pub fn exponent(&self) -> u32 {
        match self.as_str() {
            "JPY" | "KRW" | "VND" | "CLP" | "ISK" | "HUF" | "TWD" | "UGX" | "PYG" | "XOF"
            | "XAF" => 0,
            "KWD" | "BHD" | "OMR" | "JOD" | "TND" | "LYD" | "IQD" => 3,
            _ => 2,
        }
    }
}

impl Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Currency::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not a currency code: {s}")))
    }
}

/// Currency symbols and the code they stand for when the export gives no code. `$` alone is
/// read as USD (the exporters that write it are US services); `kr` is not guessed.
const SYMBOLS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("CA$", "CAD"),
    ("C$", "CAD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("NZ$", "NZD"),
    ("HK$", "HKD"),
    ("R$", "BRL"),
    ("MX$", "MXN"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₺", "TRY"),
    ("₽", "RUB"),
    ("zł", "PLN"),
    ("CHF", "CHF"),
    ("Fr.", "CHF"),
];

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    /// Read an amount. `currency` is the export's currency column, if it has one; otherwise the
    /// code or symbol in the text decides (`EUR 12.00`, `12,00 €`, `$5`). No currency at all:
    /// `None` (an amount without its currency cannot be summed honestly). Decimal commas are
    /// told from thousands separators by position: the last `,` or `.` followed by exactly
    /// the currency's number of digits is the decimal point.
    pub fn parse(text: &str, currency: Option<&str>) -> Option<Money> {
        let mut t = text
            .trim()
            .trim_matches(|c| c == '\'' || c == '"')
            .trim()
            .to_string();
        if t.is_empty() || crate::formats::lenient::is_placeholder(&t) {
            return None;
        }
        // Accounting negatives: `(3.50)`.
        let mut negative = false;
        if t.starts_with('(') && t.ends_with(')') {
            negative = true;
            t = t[1..t.len() - 1].to_string();
        }
        let mut code = currency.and_then(Currency::parse);
        // A code before or after the number.
        let words: Vec<&str> = t.split_whitespace().collect();
        let mut number = String::new();
        for w in &words {
            if let Some(c) =
                Currency::parse(w).filter(|_| w.chars().all(|c| c.is_ascii_alphabetic()))
            {
                code = code.or(Some(c));
            } else {
                number.push_str(w);
            }
        }
        for (sym, iso) in SYMBOLS {
            if number.contains(sym) {
                number = number.replace(sym, "");
                code = code.or(Currency::parse(iso));
            }
        }
        let code = code?;
        let number = number.trim();
        let (sign, digits) = match number
            .strip_prefix('-')
            .or_else(|| number.strip_prefix('−'))
        {
            Some(rest) => (-1, rest.trim()),
            None => (1, number.strip_prefix('+').unwrap_or(number).trim()),
        };
        // A trailing minus (`12.00-`, some ledgers) also negates.
        let digits = match digits.strip_suffix('-') {
            Some(d) => {
                negative = !negative;
                d
            }
            None => digits,
        };
        if digits.is_empty()
            || !digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '\u{a0}' || c == '\'')
        {
            return None;
        }
        let exp = code.exponent() as usize;
        // The decimal separator: the last `.` or `,` with 1..=exp digits after it (or exactly
        // exp when both kinds appear); others are grouping.
        let last_sep = digits.rfind([',', '.']);
        let (int_part, frac_part) = match last_sep {
            Some(i) => {
                let after = &digits[i + 1..];
                let both = digits.contains(',') && digits.contains('.');
                let is_decimal = !after.is_empty()
                    && after.len() <= exp.max(1)
                    && (both || after.len() != 3 || exp == 3)
                    && exp > 0;
                if is_decimal {
                    (&digits[..i], after)
                } else {
                    (digits, "")
                }
            }
            None => (digits, ""),
        };
        let int: String = int_part.chars().filter(|c| c.is_ascii_digit()).collect();
        let mut frac: String = frac_part.to_string();
        while frac.len() < exp {
            frac.push('0');
        }
        let whole: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
        let frac: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().ok()?
        };
        let minor = whole
            .checked_mul(10i64.pow(exp as u32))?
            .checked_add(frac)?;
        let minor = if negative { -minor } else { minor } * sign;
        Some(Money {
            minor,
            currency: code,
        })
    }

    /// `12.34 USD` (for titles; the UI formats with the user's locale).
    pub fn display(&self) -> String {
        let exp = self.currency.exponent();
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        if exp == 0 {
            return format!("{sign}{abs} {}", self.currency.as_str());
        }
        let p = 10u64.pow(exp);
        format!(
            "{sign}{}.{:0width$} {}",
            abs / p,
            abs % p,
            self.currency.as_str(),
            width = exp as usize
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str, cur: Option<&str>) -> Option<(i64, String)> {
        Money::parse(text, cur).map(|m| (m.minor, m.currency.as_str().to_string()))
    }

    #[test]
    fn amounts_in_every_form_exports_write() {
        let usd = |n| Some((n, "USD".to_string()));
        let eur = |n| Some((n, "EUR".to_string()));
        assert_eq!(m("'-0.68'", Some("USD")), usd(-68));
        assert_eq!(m("$1,234.56", None), usd(123_456));
        assert_eq!(m("1.234,56 €", None), eur(123_456));
        assert_eq!(m("EUR 12.00", None), eur(1_200));
        assert_eq!(m("12,00", Some("eur")), eur(1_200));
        assert_eq!(m("12,5", Some("EUR")), eur(1_250));
        assert_eq!(m("USD 5.99", None), usd(599));
        assert_eq!(m("(3.50)", Some("USD")), usd(-350));
        assert_eq!(m("1,000", Some("USD")), usd(100_000), "a thousands comma");
        assert_eq!(m("¥1200", None), Some((1_200, "JPY".to_string())));
        assert_eq!(m("¥1,200", None), Some((1_200, "JPY".to_string())));
        assert_eq!(m("1.500 KWD", None), Some((1_500, "KWD".to_string())));
        assert_eq!(m("£0.99", None), Some((99, "GBP".to_string())));
        assert_eq!(m("7", Some("USD")), usd(700));
    }

    #[test]
    fn no_currency_or_no_number_is_no_amount() {
        assert_eq!(m("12.00", None), None, "no currency: not summable");
        assert_eq!(m("Not Available", Some("USD")), None);
        assert_eq!(m("", Some("USD")), None);
        assert_eq!(m("free", Some("USD")), None);
        assert_eq!(Money::parse("$12", None).unwrap().display(), "12.00 USD");
        assert_eq!(
            Money::parse("-0.05 EUR", None).unwrap().display(),
            "-0.05 EUR"
        );
    }
}
