//! The follow-up letter to an incomplete answer to an access request: "your answer of <date>
//! lacks: ...", naming each gap the user found with the [`crate::checklist`] and its provision,
//! recalling the original request's date, and setting a new deadline.
//!
//! The letter's language is a code (`en`, `de`, `fr`, see [`LANGS`]): every sentence comes from
//! that language's [`FollowUpWording`] ([`en`], [`de`], [`fr`]); provisions are cited by the
//! same formatter as the other letters ([`cite_provision`]: `Art. 15(1)(a) GDPR`,
//! `Art. 15 Abs. 1 lit. a DSGVO`, `article 15, paragraphe 1, point a), du RGPD`). It renders to the same [`Letter`] as the other letters, so the text,
//! PDF and e-mail outputs apply unchanged. Notes for the user stay in English, like the app.

pub mod de;
pub mod en;
pub mod fr;

use super::{CompanyContact, Lang, Letter};
use crate::checklist::{Checklists, ItemKind, Provision, Verdict};
use crate::error::Error;
use crate::identity::{first_of, IdentityField, IdentityKind};
use crate::regime::{PeriodUnit, Regimes};
use crate::deadline::{self, DueOptions};
use crate::right::{Channel, RequestType, Right};
use crate::tracking::Request;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The languages the follow-up letter is written in.
pub const LANGS: [&str; 3] = ["en", "de", "fr"];

/// The wording of one language, or None for a language the letter is not written in.
pub fn wording(lang: &str) -> Option<&'static dyn FollowUpWording> {
    match lang.trim().to_lowercase().as_str() {
        "en" => Some(&en::English),
        "de" => Some(&de::German),
        "fr" => Some(&fr::French),
        _ => None,
    }
}

/// One gap the user found: a checklist item answered `no` or `partly`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    /// The checklist item's key (`a`, `transfers`, `third_parties`).
    pub key: String,
    pub verdict: Verdict,
    /// The user's own remark, quoted in the letter.
    #[serde(default)]
    pub note: Option<String>,
}

/// The new time limit the letter sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewDeadline {
    pub date: NaiveDate,
    pub unit: PeriodUnit,
    pub amount: u32,
    /// The provision as the regimes data writes it (`Art. 12(3)`).
    pub cite: String,
    /// False when the law gives no fixed time (the date is a planning date).
    pub firm: bool,
}

/// Everything the follow-up letter says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpInput {
    pub regime: String,
    pub reference: String,
    /// Only the identities the user selected for the request.
    pub requester: Vec<IdentityField>,
    pub company: CompanyContact,
    pub channel: Channel,
    /// The letter's date.
    pub date: NaiveDate,
    /// When the original request was sent.
    pub request_sent: NaiveDate,
    /// The date of the company's answer.
    pub answer_date: NaiveDate,
    pub gaps: Vec<Gap>,
    pub deadline: NewDeadline,
}

impl FollowUpInput {
    /// The follow-up to `req`'s answer of `answer_date`, dated `date`. The new deadline is the
    /// regime's own time limit for an access request, counted from the day the company
    /// receives this letter (by the request's channel and postal delay): an incomplete answer
    /// is treated like a request still to be answered in full. Fails for a request never sent.
    pub fn for_request(
        req: &Request,
        date: NaiveDate,
        answer_date: NaiveDate,
        gaps: Vec<Gap>,
    ) -> Result<FollowUpInput, Error> {
        let Some(sent) = req.sent else {
            return Err(Error::Transition {
                reference: req.reference.clone(),
                from: req.status().name(),
                to: "follow-up",
                reason: "the request was never sent".into(),
            });
        };
        let regime = Regimes::builtin().get(&req.regime)?;
        let receipt = deadline::receipt_date(req.channel, date, req.postal_delay_days);
        let due = deadline::due_date_with(
            regime,
            RequestType::Access,
            receipt.date,
            &DueOptions {
                calendar: req.calendar.as_deref(),
                pauses: &[],
            },
        )?;
        let (period, _) = regime.deadline_for(RequestType::Access)?;
        Ok(FollowUpInput {
            regime: req.regime.clone(),
            reference: req.reference.clone(),
            requester: req.identities.clone(),
            company: req.company.clone(),
            channel: req.channel,
            date,
            request_sent: sent,
            answer_date,
            gaps,
            deadline: NewDeadline {
                date: due.date,
                unit: due.unit,
                amount: due.amount,
                cite: period.cite.clone(),
                firm: due.firm,
            },
        })
    }
}

/// Every sentence of the follow-up letter in one language.
pub trait FollowUpWording: Sync {
    fn code(&self) -> &'static str;
    fn date_long(&self, d: NaiveDate) -> String;
    fn notice(&self) -> &'static str;
    fn salutation(&self) -> &'static str;
    fn closing(&self) -> &'static str;
    fn signature_placeholder(&self) -> &'static str;
    fn placeholder_email(&self) -> &'static str;
    fn placeholder_postal(&self) -> &'static str;
    fn placeholder_form(&self) -> &'static str;
    fn subject(&self, reference: &str) -> String;
    /// The first paragraph: the original request and the answer received.
    fn opening(&self, sent: &str, cite: &str, reference: &str, answer: &str) -> String;
    fn gaps_lead(&self) -> &'static str;
    /// What the answer lacks, as a noun phrase; `us` for the CCPA's "personal information".
    fn item(&self, kind: ItemKind, us: bool) -> &'static str;
    fn missing(&self) -> &'static str;
    fn partly(&self) -> &'static str;
    fn remark(&self, note: &str) -> String;
    /// "one month", "45 days", as the object of "after you receive this letter".
    fn period(&self, unit: PeriodUnit, amount: u32) -> String;
    fn deadline_firm(&self, date: &str, period: &str, cite: &str) -> String;
    fn deadline_planned(&self, date: &str) -> String;
    /// The complaint that follows if the answer stays incomplete; None: the competent
    /// authority, unnamed.
    fn escalation(&self, authority: Option<&str>) -> String;
    fn quote_reference(&self, reference: &str) -> String;
}

/// A checklist provision as a letter in `lang` cites it, through the same formatter as every
/// other letter ([`super::cite`]): an article with its law after it (`Art. 15(1)(d) GDPR`,
/// `Art. 15 Abs. 1 lit. d DSGVO`, `article 15, paragraphe 1, point d), du RGPD`); a code
/// section names its code already and stands alone (`Cal. Civ. Code § 1798.110(a)(2)`).
pub fn cite_provision(lang: Lang, regime: &str, provision: &Provision, law: &str) -> String {
    let w = lang.wording();
    let cite = w.cite(regime, &provision.cite());
    match provision {
        Provision::Article { .. } => w.cite_then_law(&cite, law),
        Provision::Section { .. } => cite,
    }
}

/// Renders the follow-up letter in language `lang` (`en`, `de`, `fr`). Fails for a language,
/// regime or checklist key it does not know, or when there is no gap to name.
pub fn render(input: &FollowUpInput, lang: &str) -> Result<Letter, Error> {
    let refuse = |message: String| Error::LetterInput {
        reference: input.reference.clone(),
        message,
    };
    let w = wording(lang).ok_or_else(|| {
        refuse(format!(
            "the follow-up letter is not written in `{lang}`; languages: {}",
            LANGS.join(", ")
        ))
    })?;
    let regime = Regimes::builtin().get(&input.regime)?;
    let checklist = Checklists::builtin().get(&regime.id).ok_or_else(|| {
        refuse(format!(
            "Footprint has no access-answer checklist for the {} yet",
            regime.short_name
        ))
    })?;
    let gaps: Vec<&Gap> = input.gaps.iter().filter(|g| g.verdict.is_gap()).collect();
    if gaps.is_empty() {
        return Err(refuse(
            "the checklist found no gap (no item answered `no` or `partly`), so there is nothing to follow up".into(),
        ));
    }
    let law = checklist.law_name(w.code());
    let mut notes = Vec::new();
    let mut uncertain = false;
    // `wording` above refused any code `Lang` does not know.
    let letter_lang = Lang::from_code(lang).unwrap_or_default();
    let mut cite = |raw: &str| {
        uncertain |= raw.contains('~');
        cite_provision(letter_lang, &regime.id, &Provision::from_cite(raw), law)
    };
    let access_cite = cite(&regime.resolve(Right::Access)?.rule.cite);
    let deadline_cite = cite(&input.deadline.cite);

    let mut paragraphs = vec![
        w.salutation().to_string(),
        w.opening(
            &w.date_long(input.request_sent),
            &access_cite,
            &input.reference,
            &w.date_long(input.answer_date),
        ),
    ];
    let mut list = w.gaps_lead().to_string();
    for g in &gaps {
        let item = checklist.item(&g.key).ok_or_else(|| {
            refuse(format!(
                "`{}` is not an item of the {} checklist; items: {}",
                g.key,
                regime.short_name,
                checklist.keys()
            ))
        })?;
        let us = matches!(item.provision, Provision::Section { .. });
        let state = if g.verdict == Verdict::Partly {
            w.partly()
        } else {
            w.missing()
        };
        list.push_str(&format!(
            "\n- {} ({}): {state}",
            w.item(item.item, us),
            cite_provision(letter_lang, &regime.id, &item.provision, law)
        ));
        if let Some(n) = g.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            list.push(' ');
            list.push_str(&w.remark(&n.replace('\n', " ")));
        }
    }
    paragraphs.push(list);
    let date = w.date_long(input.deadline.date);
    paragraphs.push(if input.deadline.firm {
        w.deadline_firm(
            &date,
            &w.period(input.deadline.unit, input.deadline.amount),
            &deadline_cite,
        )
    } else {
        w.deadline_planned(&date)
    });
    let authority = (!regime.authority.pick_from_list).then_some(regime.authority.name.as_str());
    paragraphs.push(w.escalation(authority));
    paragraphs.push(w.quote_reference(&input.reference));
    let name = first_of(&input.requester, IdentityKind::Name)
        .map(str::to_string)
        .unwrap_or_else(|| w.signature_placeholder().to_string());
    paragraphs.push(format!("{}\n{name}", w.closing()));

    let c = &input.company;
    let mut recipient = vec![c.addressee().to_string()];
    if c.legal_entity.is_some() && c.legal_entity.as_deref() != Some(c.name.as_str()) {
        recipient.push(format!("({})", c.name));
    }
    let (known, placeholder, what) = match input.channel {
        Channel::Email => (c.email.clone(), w.placeholder_email(), "e-mail address"),
        Channel::WebForm => (c.web_form.clone(), w.placeholder_form(), "web form address"),
        Channel::Letter => (c.postal_address.clone(), w.placeholder_postal(), "postal address"),
    };
    match known {
        Some(k) => recipient.extend(k.lines().map(str::to_string)),
        None => {
            recipient.push(placeholder.to_string());
            notes.push(format!("Fill in the company's {what} before sending."));
        }
    }
    if uncertain {
        notes.push(
            "Some provisions come from secondary sources: check them against the law before sending."
                .to_string(),
        );
    }
    Ok(Letter {
        lang: letter_lang,
        reference: input.reference.clone(),
        date: input.date,
        date_text: w.date_long(input.date),
        sender: super::sender_block(&input.requester),
        recipient,
        subject: w.subject(&input.reference),
        body: paragraphs.join("\n\n"),
        notice: w.notice().to_string(),
        to_email: c.email.clone(),
        web_form: c.web_form.clone(),
        notes_for_user: notes,
    })
}

#[cfg(test)]
mod tests;
