//! The follow-up letter in English. Written for Footprint: plain, polite and firm.

use super::FollowUpWording;
use crate::checklist::ItemKind;
use crate::regime::PeriodUnit;
use chrono::NaiveDate;

pub struct English;

impl FollowUpWording for English {
    fn code(&self) -> &'static str {
        "en"
    }

    fn date_long(&self, d: NaiveDate) -> String {
        d.format("%-d %B %Y").to_string()
    }

    fn notice(&self) -> &'static str {
        crate::NOT_LEGAL_ADVICE
    }

    fn salutation(&self) -> &'static str {
        "Dear Sir or Madam,"
    }

    fn closing(&self) -> &'static str {
        "Yours faithfully,"
    }

    fn signature_placeholder(&self) -> &'static str {
        "[your name and signature]"
    }

    fn placeholder_email(&self) -> &'static str {
        "[privacy e-mail address of the company: please fill in]"
    }

    fn placeholder_postal(&self) -> &'static str {
        "[postal address of the company: please fill in]"
    }

    fn placeholder_form(&self) -> &'static str {
        "[privacy request form of the company: please fill in]"
    }

    fn subject(&self, reference: &str) -> String {
        format!("Your answer to my access request is incomplete (ref. {reference})")
    }

    fn opening(&self, sent: &str, cite: &str, reference: &str, answer: &str) -> String {
        format!(
            "On {sent} I asked you for access to my personal data under {cite} (reference {reference}). Thank you for your answer of {answer}. It does not, however, contain everything the law requires."
        )
    }

    fn gaps_lead(&self) -> &'static str {
        "Your answer lacks the following:"
    }

    fn item(&self, kind: ItemKind, us: bool) -> &'static str {
        match (kind, us) {
            (ItemKind::Purposes, false) => "the purposes for which you process my personal data",
            (ItemKind::Purposes, true) => {
                "the business or commercial purpose for collecting, selling or sharing my personal information"
            }
            (ItemKind::Categories, false) => "the categories of personal data concerned",
            (ItemKind::Categories, true) => {
                "the categories of personal information you have collected about me"
            }
            (ItemKind::Recipients, false) => {
                "the recipients or categories of recipients to whom my data have been or will be disclosed, in particular recipients in third countries or international organisations"
            }
            (ItemKind::Recipients, true) => {
                "the categories of third parties to whom you disclose my personal information"
            }
            (ItemKind::Retention, _) => {
                "the period for which my data will be stored or, if that is not possible, the criteria used to determine that period"
            }
            (ItemKind::Rights, _) => {
                "information on my right to request rectification or erasure of my data, restriction of its processing, and to object to that processing"
            }
            (ItemKind::Complaint, _) => {
                "information on my right to lodge a complaint with a supervisory authority"
            }
            (ItemKind::Source, false) => {
                "any available information on the source of data not collected from me"
            }
            (ItemKind::Source, true) => {
                "the categories of sources from which you collected my personal information"
            }
            (ItemKind::AutomatedDecisions, _) => {
                "whether automated decision-making, including profiling, takes place and, if so, meaningful information about the logic involved and its significance and envisaged consequences for me"
            }
            (ItemKind::TransferSafeguards, _) => {
                "the appropriate safeguards under Art. 46 for the transfer of my data to a third country or an international organisation"
            }
            (ItemKind::Copy, false) => "a copy of the personal data you process about me",
            (ItemKind::Copy, true) => {
                "the specific pieces of personal information you have collected about me"
            }
            (ItemKind::SoldShared, _) => {
                "the categories of my personal information that you sold, shared or disclosed for a business purpose, and the categories of third parties or persons who received them"
            }
        }
    }

    fn missing(&self) -> &'static str {
        "missing"
    }

    fn partly(&self) -> &'static str {
        "answered only in part"
    }

    fn remark(&self, note: &str) -> String {
        format!("(My remark: {note})")
    }

    fn period(&self, unit: PeriodUnit, amount: u32) -> String {
        match (unit, amount) {
            (PeriodUnit::Months, 1) => "one month".into(),
            (PeriodUnit::Months, n) => format!("{n} months"),
            (PeriodUnit::BusinessDays, 1) => "one business day".into(),
            (PeriodUnit::BusinessDays, n) => format!("{n} business days"),
            (PeriodUnit::Days | PeriodUnit::Reasonable, 1) => "one day".into(),
            (PeriodUnit::Days | PeriodUnit::Reasonable, n) => format!("{n} days"),
        }
    }

    fn deadline_firm(&self, date: &str, period: &str, cite: &str) -> String {
        format!(
            "Please send me the missing information by {date}, {period} after you receive this letter (the time limit of {cite})."
        )
    }

    fn deadline_planned(&self, date: &str) -> String {
        format!("Please send me the missing information without delay, and by {date} at the latest.")
    }

    fn escalation(&self, authority: Option<&str>) -> String {
        let who = match authority {
            Some(a) if a.starts_with("the ") => a.to_string(),
            Some(a) => format!("the {a}"),
            None => "the competent supervisory authority".to_string(),
        };
        format!(
            "If I do not receive a complete answer by then, I will consider lodging a complaint with {who}."
        )
    }

    fn quote_reference(&self, reference: &str) -> String {
        format!("Please quote the reference {reference} in your reply.")
    }
}
