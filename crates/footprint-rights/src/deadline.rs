//! The deadline engine: when a company must answer, and why, in words.
//!
//! Rules (all data-driven through [`Regime`]):
//! - **Months**: from the day of receipt to the same date in the target month; if that date
//!   does not exist, the last day of that month (31 Jan + 1 month = 28/29 Feb).
//! - **Days**: calendar days after receipt.
//! - **Business days**: Monday to Friday, less the regime's public holidays, counted from the
//!   day after receipt. The result is always a working day.
//! - **Reasonable**: the law sets no number ("without delay"); the data gives a planning date.
//! - **Moving off non-working days**: a due date on a weekend or public holiday moves to the
//!   next working day. The regimes data gives the reason per regime; where the law is silent,
//!   Footprint does it anyway as a precaution, which only ever makes a date later, so the user
//!   never complains before the company's time is surely up.
//! - **Extensions** are added to the due date as it stands after moving, then moved again if
//!   needed: the later, safer date.
//! - **Clock pauses** while the company waits for identity information follow the regime's
//!   [`ClockPolicy`]: ignored, restart from the day the information arrived, or suspend (the
//!   days waited are added).
//! - **Receipt**: e-mail and web form are received the day they are sent; a letter is received
//!   after a configurable postal delay ([`receipt_date`]).
//!
//! Every [`Due`] carries `rule_text`, the arithmetic in English, e.g. "one month from receipt
//! (GDPR Art. 12(3)); Sat 31 Jan 2026 + 1 month = Sat 28 Feb 2026 (February 2026 has no 31st,
//! so the last day of that month); moved to Mon 2 Mar 2026 because Sat 28 Feb 2026 is a
//! Saturday".

use crate::error::Error;
use crate::holidays::{Calendars, HolidayCalendar};
use crate::regime::{ClockPolicy, Extension, Period, PeriodUnit, Regime};
use crate::right::{Channel, RequestType};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Days Footprint gives a company to answer a reminder. Not a legal deadline: a courtesy
/// period before complaining, shown as such.
pub const REMINDER_DAYS: u32 = 14;

/// Postal delay used when the caller has no better figure.
pub const DEFAULT_POSTAL_DELAY_DAYS: u32 = 3;

/// A period during which the company waited for information it asked for (identity).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockPause {
    /// The day the company asked.
    pub from: NaiveDate,
    /// The day it received what it asked for.
    pub until: NaiveDate,
}

/// A computed due date with the rule that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Due {
    /// The day the company received the request (start of counting).
    pub received: NaiveDate,
    pub date: NaiveDate,
    /// The rule and its arithmetic, in words (English).
    pub rule_text: String,
    /// The period as the law states it (for letters: "one month after ...").
    pub unit: PeriodUnit,
    pub amount: u32,
    /// The provision, prefixed with the law's short name ("GDPR Art. 12(3)").
    pub cite: String,
    /// False when the law gives no fixed time and `date` is only a planning date.
    pub firm: bool,
    /// The latest date if the company extends, when the regime allows an extension.
    pub extended_date: Option<NaiveDate>,
    pub extension_text: Option<String>,
    /// When the company must confirm receipt (CCPA: 10 business days).
    pub acknowledge_by: Option<NaiveDate>,
    pub acknowledge_text: Option<String>,
}

/// Options beyond the defaults of [`due_date`].
#[derive(Debug, Clone, Default)]
pub struct DueOptions<'a> {
    /// A holiday calendar id that replaces the regime's (e.g. `ie` for an Irish controller).
    pub calendar: Option<&'a str>,
    /// Identity-verification pauses, closed (the caller closes an open pause with today).
    pub pauses: &'a [ClockPause],
}

/// The due date for a request received on `received`, with the regime's default calendar.
pub fn due_date(
    regime: &Regime,
    request_type: RequestType,
    received: NaiveDate,
) -> Result<Due, Error> {
    due_date_with(regime, request_type, received, &DueOptions::default())
}

/// The due date with a calendar override and clock pauses.
pub fn due_date_with(
    regime: &Regime,
    request_type: RequestType,
    received: NaiveDate,
    opts: &DueOptions<'_>,
) -> Result<Due, Error> {
    let (period, extension) = regime.deadline_for(request_type)?;
    let calendar = calendar_for(regime, opts.calendar)?;
    let days = WorkingDays { calendar };
    let cite = format!("{} {}", regime.short_name, period.cite);

    let mut parts = vec![format!("{} from receipt ({cite})", period_phrase(period))];

    // Where counting starts, after a restart-type pause.
    let mut start = received;
    let paused_days: i64;
    match regime.identity_clock.policy {
        ClockPolicy::None => {
            paused_days = 0;
            if !opts.pauses.is_empty() {
                parts.push(format!(
                    "waiting for identity verification does not stop the clock under {}",
                    regime.short_name
                ));
            }
        }
        ClockPolicy::Restart => {
            paused_days = 0;
            if let Some(latest) = opts
                .pauses
                .iter()
                .map(|p| p.until)
                .max()
                .filter(|d| *d > received)
            {
                start = latest;
                parts.push(format!(
                    "counted from {}, when the company received the information it asked for to confirm your identity (under {} the time runs from then)",
                    day(latest),
                    regime.short_name
                ));
            }
        }
        ClockPolicy::Suspend => {
            paused_days = opts
                .pauses
                .iter()
                .map(|p| (p.until - p.from).num_days().max(0))
                .sum();
        }
    }

    let (raw, arithmetic) = add_period(start, period.unit, period.amount, &days);
    parts.push(arithmetic);
    let mut raw = raw;
    if paused_days > 0 {
        let resumed = raw + Days::new(paused_days as u64);
        let spans: Vec<String> = opts
            .pauses
            .iter()
            .map(|p| format!("{} to {}", day(p.from), day(p.until)))
            .collect();
        parts.push(format!(
            "+ {paused_days} days while the clock stood still waiting for identity information ({}) = {}",
            spans.join(", "),
            day(resumed)
        ));
        raw = resumed;
    }
    let date = days.roll(raw, &mut parts);
    days.coverage_note(start, date, &mut parts);

    let (extended_date, extension_text) = match extension {
        Some(ext) => {
            let (d, text) = extend(regime, ext, date, &days);
            (Some(d), Some(text))
        }
        None => (None, None),
    };

    let (acknowledge_by, acknowledge_text) = match &regime.acknowledgement {
        Some(ack) => {
            let (d, arithmetic) = add_period(received, ack.unit, ack.amount, &days);
            let mut p = vec![
                format!(
                    "confirm receipt within {} ({} {})",
                    period_phrase(ack),
                    regime.short_name,
                    ack.cite
                ),
                arithmetic,
            ];
            let d = days.roll(d, &mut p);
            (Some(d), Some(p.join("; ")))
        }
        None => (None, None),
    };

    Ok(Due {
        received,
        date,
        rule_text: parts.join("; "),
        unit: period.unit,
        amount: period.amount,
        cite,
        firm: period.unit != PeriodUnit::Reasonable,
        extended_date,
        extension_text,
        acknowledge_by,
        acknowledge_text,
    })
}

fn extend(
    regime: &Regime,
    ext: &Extension,
    from: NaiveDate,
    days: &WorkingDays<'_>,
) -> (NaiveDate, String) {
    let as_period = Period {
        unit: ext.unit,
        amount: ext.amount,
        cite: ext.cite.clone(),
        wording: None,
    };
    let mut parts = vec![format!(
        "extended by {} ({} {}), {}",
        period_phrase(&as_period),
        regime.short_name,
        ext.cite,
        ext.condition
    )];
    let (raw, arithmetic) = add_period(from, ext.unit, ext.amount, days);
    parts.push(arithmetic);
    let d = days.roll(raw, &mut parts);
    (d, parts.join("; "))
}

/// The due date of a reminder sent on `sent`: [`REMINDER_DAYS`] calendar days, moved off
/// non-working days.
pub fn reminder_due(
    regime: &Regime,
    sent: NaiveDate,
    calendar: Option<&str>,
) -> Result<Due, Error> {
    let days = WorkingDays {
        calendar: calendar_for(regime, calendar)?,
    };
    let mut parts = vec![format!(
        "{REMINDER_DAYS} days from your reminder (Footprint's follow-up period before a complaint, not a legal deadline)"
    )];
    let (raw, arithmetic) = add_period(sent, PeriodUnit::Days, REMINDER_DAYS, &days);
    parts.push(arithmetic);
    let date = days.roll(raw, &mut parts);
    Ok(Due {
        received: sent,
        date,
        rule_text: parts.join("; "),
        unit: PeriodUnit::Days,
        amount: REMINDER_DAYS,
        cite: String::new(),
        firm: false,
        extended_date: None,
        extension_text: None,
        acknowledge_by: None,
        acknowledge_text: None,
    })
}

/// When to ask the authority about a complaint filed on `filed`, where the regime says
/// (GDPR Art. 78(2): three months).
pub fn authority_follow_up(regime: &Regime, filed: NaiveDate) -> Option<Due> {
    let period = regime.authority.follow_up.as_ref()?;
    let days = WorkingDays {
        calendar: calendar_for(regime, None).ok().flatten(),
    };
    let mut parts = vec![format!(
        "the authority reports on your complaint within {} ({} {})",
        period_phrase(period),
        regime.short_name,
        period.cite
    )];
    let (raw, arithmetic) = add_period(filed, period.unit, period.amount, &days);
    parts.push(arithmetic);
    let date = days.roll(raw, &mut parts);
    Some(Due {
        received: filed,
        date,
        rule_text: parts.join("; "),
        unit: period.unit,
        amount: period.amount,
        cite: format!("{} {}", regime.short_name, period.cite),
        firm: true,
        extended_date: None,
        extension_text: None,
        acknowledge_by: None,
        acknowledge_text: None,
    })
}

/// The receipt date and how it was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub date: NaiveDate,
    pub text: String,
}

/// When a request sent on `sent` by `channel` counts as received: the same day for e-mail and
/// web forms, after `postal_delay_days` for a letter.
pub fn receipt_date(channel: Channel, sent: NaiveDate, postal_delay_days: u32) -> Receipt {
    match channel {
        Channel::Email | Channel::WebForm => Receipt {
            date: sent,
            text: format!(
                "sent by {} on {}, received the same day",
                if channel == Channel::Email {
                    "e-mail"
                } else {
                    "web form"
                },
                day(sent)
            ),
        },
        Channel::Letter => {
            let date = sent + Days::new(u64::from(postal_delay_days));
            Receipt {
                date,
                text: format!(
                    "posted on {}, taken as received {} after ({}), allowing for the post",
                    day(sent),
                    plural(postal_delay_days, "day", "days"),
                    day(date)
                ),
            }
        }
    }
}

fn calendar_for(
    regime: &Regime,
    over: Option<&str>,
) -> Result<Option<&'static HolidayCalendar>, Error> {
    let id = over.or(regime.calendar.as_deref());
    id.map(|id| Calendars::builtin().get(id)).transpose()
}

/// "one month", "45 calendar days", "15 business days", or the law's own words.
pub fn period_phrase(p: &Period) -> String {
    match p.unit {
        PeriodUnit::Months if p.amount == 1 => "one month".into(),
        PeriodUnit::Months => format!("{} months", p.amount),
        PeriodUnit::Days => format!("{} calendar days", p.amount),
        PeriodUnit::BusinessDays => format!("{} business days", p.amount),
        PeriodUnit::Reasonable => p
            .wording
            .clone()
            .unwrap_or_else(|| "a reasonable period".into()),
    }
}

/// Adds a period; returns the raw end (before moving off non-working days) and the arithmetic.
fn add_period(
    start: NaiveDate,
    unit: PeriodUnit,
    amount: u32,
    days: &WorkingDays<'_>,
) -> (NaiveDate, String) {
    match unit {
        PeriodUnit::Months => {
            let (end, clamped) = add_months(start, amount);
            let mut text = format!(
                "{} + {} = {}",
                day(start),
                plural(amount, "month", "months"),
                day(end)
            );
            if clamped {
                text.push_str(&format!(
                    " ({} {} has no {}, so the last day of that month)",
                    end.format("%B"),
                    end.year(),
                    ordinal(start.day())
                ));
            }
            (end, text)
        }
        PeriodUnit::Days | PeriodUnit::Reasonable => {
            let end = start + Days::new(u64::from(amount));
            let lead = if unit == PeriodUnit::Reasonable {
                "planning date: "
            } else {
                ""
            };
            (
                end,
                format!(
                    "{lead}{} + {} = {}",
                    day(start),
                    plural(amount, "day", "days"),
                    day(end)
                ),
            )
        }
        PeriodUnit::BusinessDays => {
            let (end, skipped) = days.add_business_days(start, amount);
            let holidays = if skipped.is_empty() {
                "Monday to Friday, no public holiday in between".to_string()
            } else {
                let list: Vec<String> = skipped
                    .iter()
                    .map(|(d, n)| format!("{n} ({})", day(*d)))
                    .collect();
                format!("Monday to Friday, not counting {}", list.join(", "))
            };
            (
                end,
                format!(
                    "{} business days after {} ({holidays}) = {}",
                    amount,
                    day(start),
                    day(end)
                ),
            )
        }
    }
}

/// Same date `n` months later, or the last day of the target month; `true` when clamped.
pub fn add_months(start: NaiveDate, n: u32) -> (NaiveDate, bool) {
    let months0 = start.month0() + n;
    let year = start.year() + (months0 / 12) as i32;
    let month = months0 % 12 + 1;
    let last = last_day_of_month(year, month);
    let d = start.day().min(last);
    let end = NaiveDate::from_ymd_opt(year, month, d).expect("day clamped to the month's length");
    (end, start.day() > last)
}

fn last_day_of_month(year: i32, month: u32) -> u32 {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let first_next = NaiveDate::from_ymd_opt(ny, nm, 1).expect("valid first of month");
    first_next.pred_opt().expect("a day before the first").day()
}

/// Working-day arithmetic over an optional holiday calendar.
struct WorkingDays<'a> {
    calendar: Option<&'a HolidayCalendar>,
}

enum Closed<'a> {
    Weekend(Weekday),
    Holiday(&'a str),
}

impl<'a> WorkingDays<'a> {
    fn closed(&self, d: NaiveDate) -> Option<Closed<'a>> {
        match d.weekday() {
            w @ (Weekday::Sat | Weekday::Sun) => Some(Closed::Weekend(w)),
            _ => self
                .calendar
                .and_then(|c| c.holiday(d))
                .map(Closed::Holiday),
        }
    }

    /// Moves `d` to the next working day and says why in `parts`.
    fn roll(&self, d: NaiveDate, parts: &mut Vec<String>) -> NaiveDate {
        let mut reasons = Vec::new();
        let mut cur = d;
        while let Some(why) = self.closed(cur) {
            // The first closed day is the reason; later holidays are named too, weekend days
            // after the first are obvious.
            match why {
                Closed::Weekend(w) if reasons.is_empty() => {
                    reasons.push(format!("{} is a {}", day(cur), weekday_name(w)))
                }
                Closed::Weekend(_) => {}
                Closed::Holiday(name) => {
                    let also = if reasons.is_empty() { "" } else { "also " };
                    reasons.push(format!("{} is {also}a public holiday ({name})", day(cur)))
                }
            }
            cur = cur.succ_opt().expect("date in range");
        }
        if cur != d {
            parts.push(format!(
                "moved to {} because {}",
                day(cur),
                reasons.join(" and ")
            ));
        }
        cur
    }

    /// `n` working days after `start` (the start day itself is not counted).
    fn add_business_days(
        &self,
        start: NaiveDate,
        n: u32,
    ) -> (NaiveDate, Vec<(NaiveDate, &'a str)>) {
        let mut skipped = Vec::new();
        let mut cur = start;
        let mut left = n;
        while left > 0 {
            cur = cur.succ_opt().expect("date in range");
            match self.closed(cur) {
                None => left -= 1,
                Some(Closed::Holiday(name)) => skipped.push((cur, name)),
                Some(Closed::Weekend(_)) => {}
            }
        }
        (cur, skipped)
    }

    /// Says when the holiday list does not cover the years the count crossed.
    fn coverage_note(&self, from: NaiveDate, to: NaiveDate, parts: &mut Vec<String>) {
        if let Some(cal) = self.calendar {
            let missing: Vec<String> = (from.year()..=to.year())
                .filter(|y| !cal.covers(*y))
                .map(|y| y.to_string())
                .collect();
            if !missing.is_empty() {
                parts.push(format!(
                    "Footprint's {} list does not cover {}, so only weekends were skipped there",
                    cal.name,
                    missing.join(", ")
                ));
            }
        }
    }
}

/// "Sat 28 Feb 2026".
pub fn day(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, x) if x != 11 => "st",
        (2, x) if x != 12 => "nd",
        (3, x) if x != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
