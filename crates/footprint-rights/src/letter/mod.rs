//! Letters: a request, a reminder or a complaint, rendered from a [`LetterInput`] in a chosen
//! language.
//!
//! This module decides *what* a letter says (which paragraphs, which provisions, which
//! evidence); every sentence comes from the language's [`Wording`] (all English sentences are in
//! [`en`]). A new language is one new module implementing [`Wording`] and one [`Lang`] variant.
//!
//! Data minimisation: the letter prints only the identities in [`LetterInput::requester`], the
//! ones the user selected.

pub mod cite;
pub mod de;
pub mod en;
pub mod follow_up;
pub mod fr;
mod choice;
mod language_names;

pub use choice::{choose_lang, LangChoice, LangSource};

/// The PDF of a letter (see [`crate::pdf`]).
pub use crate::pdf::to_pdf;

use crate::authority::Basis;
use crate::directory::Entry;
use crate::error::Error;
use crate::evidence::EvidenceItem;
use crate::identity::{first_of, IdentityField, IdentityKind};
use crate::regime::{AccessItem, ExtraAsk, PeriodUnit, Regime, Regimes, Resolved};
use crate::right::{Channel, Correction, ErasureScope, RequestOptions, RequestType, Right};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Letter languages. Each has its own [`Wording`]; the letter cites each law the way the
/// law's official text in that language does (see [`Wording::cite`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
}

impl Lang {
    /// Every letter language, in the order a menu lists them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Fr];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
        }
    }

    /// The language's own name, for menus.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
        }
    }

    /// The letter language for an ISO 639-1 code or a locale tag (`de`, `de-CH`, `fr_FR`);
    /// None for a language Footprint has no letters in.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    pub fn wording(self) -> &'static dyn Wording {
        match self {
            Lang::En => &en::English,
            Lang::De => &de::German,
            Lang::Fr => &fr::French,
        }
    }
}

/// The company as the letter addresses it: a frozen copy of the directory contact, or what the
/// user typed. Missing fields become placeholders for the user to fill in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CompanyContact {
    #[serde(default)]
    pub slug: Option<String>,
    pub name: String,
    #[serde(default)]
    pub legal_entity: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub web_form: Option<String>,
    /// Lines separated by `\n`.
    #[serde(default)]
    pub postal_address: Option<String>,
}

impl CompanyContact {
    /// The directory entry's contact for `regime` (or its default contact).
    pub fn from_entry(entry: &Entry, regime: &str) -> CompanyContact {
        CompanyContact::from_entry_for_country(entry, regime, None)
    }

    /// The entry's contact for `regime` and the user's country, when known (a national
    /// branch's contact for that country first). The addressee is the contact's own legal
    /// entity when it has one (a branch), else the entry's.
    pub fn from_entry_for_country(
        entry: &Entry,
        regime: &str,
        country: Option<&str>,
    ) -> CompanyContact {
        let c = entry.contact_for_country(regime, country);
        CompanyContact {
            slug: Some(entry.slug.clone()),
            name: entry.name.clone(),
            legal_entity: c
                .and_then(|c| c.entity.clone())
                .or_else(|| entry.legal_entity.clone()),
            email: c.and_then(|c| c.email.clone()),
            web_form: c.and_then(|c| c.web_form.clone()),
            postal_address: c.and_then(|c| c.postal_address.clone()),
        }
    }

    /// The legal entity when known, else the trading name.
    pub fn addressee(&self) -> &str {
        self.legal_entity.as_deref().unwrap_or(&self.name)
    }
}

/// The supervisory authority a complaint is addressed to: a frozen copy of an
/// [`crate::authority::Authority`], or what the user typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AuthorityContact {
    #[serde(default)]
    pub slug: Option<String>,
    pub name: String,
    /// ISO 3166-1 alpha-2: the letter checks the authority takes complaints under its regime.
    #[serde(default)]
    pub country: Option<String>,
    /// Lines separated by `\n`.
    #[serde(default)]
    pub postal_address: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub web_form: Option<String>,
    /// ISO 639-1 code of the language the authority takes complaints in.
    #[serde(default)]
    pub complaint_language: Option<String>,
    /// Why this authority, in English, for the app (never printed in the letter).
    #[serde(default)]
    pub why: Option<String>,
    /// Why this authority, as the fact the note for the user words in the letter's language.
    #[serde(default)]
    pub basis: Option<crate::authority::Basis>,
}

impl AuthorityContact {
    pub fn from_authority(a: &crate::authority::Authority, why: Option<String>) -> AuthorityContact {
        AuthorityContact {
            slug: Some(a.slug.clone()),
            name: a.name.clone(),
            country: Some(a.country.clone()),
            postal_address: Some(a.postal_address.clone()),
            email: a.email.clone(),
            web_form: a.web_form.clone(),
            complaint_language: a.complaint_language.clone(),
            why,
            basis: None,
        }
    }

    /// The authority [`crate::authority::competent_authority`] chose, with why.
    pub fn chosen(sel: &crate::authority::Selection<'_>) -> AuthorityContact {
        AuthorityContact {
            basis: Some(sel.basis),
            ..AuthorityContact::from_authority(sel.authority, Some(sel.reason.clone()))
        }
    }

    /// An authority the user picked from the list.
    pub fn picked(a: &crate::authority::Authority) -> AuthorityContact {
        AuthorityContact {
            basis: Some(crate::authority::Basis::Picked),
            ..AuthorityContact::from_authority(a, Some("the authority you chose".into()))
        }
    }

    /// The authority the data names for a regime with one national authority (UK GDPR: the
    /// ICO, Swiss nFADP: the FDPIC); None for the GDPR (one per country) and regimes the data
    /// does not cover.
    pub fn for_regime(regime: &str) -> Option<AuthorityContact> {
        let country = match regime {
            "uk_gdpr" => "GB",
            "ch_nfadp" => "CH",
            _ => return None,
        };
        let list = crate::authority::Authorities::builtin();
        let sel = crate::authority::competent_authority(
            list,
            country,
            None,
            None,
            crate::authority::AuthorityChoice::Residence,
        )
        .ok()?;
        Some(AuthorityContact::from_authority(sel.authority, None))
    }
}

/// What the company did with the request, for reminders and complaints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    NoAnswer,
    Partial { detail: Option<String> },
    Refused { reason: Option<String> },
    /// The company said it erased the data, but an export the platform made later still
    /// names it: the evidence a reminder or complaint cites.
    StillHeld(StillHeld),
}

/// Where a later export still names a company after it said it had erased the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StillHeld {
    /// The day the company's erasure was recorded as done.
    pub erased_on: NaiveDate,
    /// The platform whose export names the company ("Facebook").
    pub export: String,
    /// That export's own date.
    pub export_date: NaiveDate,
    /// The export's files that name the company.
    pub files: Vec<String>,
}

/// A step of the company's handling of the request, for the history a complaint recounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Acknowledged,
    AskedForIdentity,
    Extended,
    AnsweredInPart,
    Refused,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryStep {
    pub date: NaiveDate,
    pub step: Step,
}

/// The original request a reminder or complaint refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub request_type: RequestType,
    pub sent: NaiveDate,
    pub received: NaiveDate,
    pub due: NaiveDate,
    #[serde(default)]
    pub extended_due: Option<NaiveDate>,
    #[serde(default)]
    pub reminder_sent: Option<NaiveDate>,
    #[serde(default)]
    pub reminder_due: Option<NaiveDate>,
    pub outcome: Outcome,
    /// What the company did between the request and now, oldest first.
    #[serde(default)]
    pub history: Vec<HistoryStep>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "letter", rename_all = "snake_case")]
pub enum LetterKind {
    Request {
        request_type: RequestType,
    },
    /// A reminder to the company; `LetterInput::deadline` is the reminder's own due date.
    Reminder {
        original: FollowUp,
    },
    /// A complaint to the regime's authority about the company: to `authority` when given
    /// (see [`crate::authority::competent_authority`]); else to the regime's single national
    /// authority when the data knows it, else to one the user fills in.
    Complaint {
        original: FollowUp,
        #[serde(default)]
        authority: Option<AuthorityContact>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterInput {
    pub kind: LetterKind,
    pub regime: String,
    /// Only the identities the user selected for this letter.
    pub requester: Vec<IdentityField>,
    pub company: CompanyContact,
    #[serde(default)]
    pub options: RequestOptions,
    /// The letter's date.
    pub date: NaiveDate,
    /// The answer is due on this date (requests, reminders). Complaints have none.
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    pub reference: String,
    #[serde(default)]
    pub evidence: Vec<EvidenceItem>,
    pub channel: Channel,
}

/// A rendered letter. `body` runs from the salutation to the signature; paragraphs are
/// separated by a blank line and list items start with "- ".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    pub lang: Lang,
    pub reference: String,
    pub date: NaiveDate,
    pub date_text: String,
    /// The sender block: the requester's selected name, address and contact lines.
    pub sender: Vec<String>,
    /// The recipient block (company or authority), with placeholders where unknown.
    pub recipient: Vec<String>,
    pub subject: String,
    pub body: String,
    /// The not-legal-advice line, printed under the letter.
    pub notice: String,
    /// Where to send it by e-mail, when known.
    pub to_email: Option<String>,
    /// The web form to paste it into, when known.
    pub web_form: Option<String>,
    /// For the user only, never sent: fallbacks taken, placeholders to fill, facts to check.
    pub notes_for_user: Vec<String>,
}

impl Letter {
    /// The whole letter as plain text: sender, recipient, date, subject, body and the notice.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for l in &self.sender {
            out.push_str(l);
            out.push('\n');
        }
        if !self.sender.is_empty() {
            out.push('\n');
        }
        for l in &self.recipient {
            out.push_str(l);
            out.push('\n');
        }
        out.push('\n');
        out.push_str(&self.date_text);
        out.push_str("\n\n");
        out.push_str(&self.subject);
        out.push_str("\n\n");
        out.push_str(&self.body);
        out.push_str("\n\n-- \n");
        out.push_str(&self.notice);
        out.push('\n');
        out
    }

    /// The text to paste into an e-mail or web form: subject line excluded, no address blocks.
    pub fn message_text(&self) -> String {
        format!("{}\n\n-- \n{}\n", self.body, self.notice)
    }
}

/// Every sentence a letter can contain, in one language. Arguments are already-formatted
/// pieces (dates as the language writes them, provisions as cited).
pub trait Wording: Sync {
    fn date_long(&self, d: NaiveDate) -> String;
    /// Evidence dates (export, first/last seen) are written as ISO dates in every language.
    fn date_iso(&self, d: NaiveDate) -> String {
        d.format("%Y-%m-%d").to_string()
    }
    /// A provision as `regimes.json` writes it (`Art. 15(1)(a)`), as this language's text of
    /// the law `regime` cites it (see [`cite`]). English keeps the data's spelling.
    fn cite(&self, regime: &str, raw: &str) -> String {
        let _ = regime;
        raw.to_string()
    }
    /// How this language names the law (`DSGVO`, `RGPD`); English keeps the short name.
    fn law_name(&self, regime: &str, short_name: &str) -> String {
        let _ = regime;
        short_name.to_string()
    }
    /// A provision with its law, in a parenthesis or list ("GDPR Art. 12(5)").
    fn cite_in_law(&self, cite: &str, law: &str) -> String {
        format!("{law} {cite}")
    }
    /// A provision followed by its law, as a list item or the object of "under" names it
    /// (`Art. 15(1)(d) GDPR`); [`Wording::cite_in_law`] is the English parenthesis form.
    fn cite_then_law(&self, cite: &str, law: &str) -> String {
        format!("{cite} {law}")
    }
    /// The regime's authority (`regimes.json` names it in English) as the reminder's
    /// escalation sentence uses it.
    fn authority_name(&self, regime: &str, name: &str) -> String {
        let _ = regime;
        name.to_string()
    }
    /// The PDF footer: "Ref. FP-... Page 1 of 2".
    fn page_label(&self, reference: &str, page: usize, total: usize) -> String {
        format!("Ref. {reference}    Page {page} of {total}")
    }
    fn not_legal_advice(&self) -> &'static str;
    /// "file" and "files", for the parenthesis that names an export's files.
    fn file_labels(&self) -> [&'static str; 2];
    fn salutation(&self) -> &'static str;
    /// The paragraph right after the salutation: German continues in lower case after
    /// "Sehr geehrte Damen und Herren,"; English and French start a new sentence.
    fn after_salutation(&self, paragraph: String) -> String {
        paragraph
    }
    fn closing(&self) -> &'static str;
    fn signature_placeholder(&self) -> &'static str;
    fn placeholder_email(&self) -> &'static str;
    fn placeholder_postal(&self) -> &'static str;
    fn placeholder_form(&self) -> &'static str;
    fn placeholder_authority(&self) -> &'static str;
    fn identity_label(&self, kind: IdentityKind) -> &'static str;
    /// "Name: Robin" (French puts a no-break space before the colon).
    fn labelled(&self, label: &str, value: &str) -> String {
        format!("{label}: {value}")
    }
    /// "access to my personal data" (used inside sentences about an earlier request).
    fn request_noun(&self, t: RequestType) -> &'static str;

    fn subject_request(&self, t: RequestType, law: &str, reference: &str) -> String;
    fn subject_reminder(&self, t: RequestType, reference: &str) -> String;
    /// The reminder's subject when a later export still names the company after its erasure.
    fn subject_still_held(&self, reference: &str) -> String;
    fn subject_complaint(&self, company: &str, reference: &str) -> String;
    /// The complaint's subject when a later export still names the company after its
    /// erasure: the complaint is that it did not erase, not that it did not answer.
    fn subject_complaint_still_held(&self, company: &str, reference: &str) -> String;

    /// The request when the law lacks the asked-for right and the letter uses the closest one.
    fn fallback_preface(&self, requested: Right, law: &str) -> String;
    /// The opening sentence for the right the letter exercises.
    fn intro(&self, right: Right, cite: &str, law: &str) -> String;
    /// The same right, added to another request ("I also object ...").
    fn also(&self, right: Right, cite: &str, law: &str) -> String;

    fn access_lead(&self) -> &'static str;
    fn access_item(&self, item: AccessItem) -> &'static str;
    fn portability(&self, cite: &str) -> String;
    fn portability_without_right(&self) -> &'static str;
    fn erasure_scope_all(&self) -> &'static str;
    fn erasure_scope_categories(&self) -> &'static str;
    fn tell_recipients(&self, cite: &str) -> String;
    fn confirm_done(&self) -> &'static str;
    fn corrections_lead(&self) -> &'static str;
    fn correction(&self, c: &Correction) -> String;
    fn corrections_none(&self) -> &'static str;
    fn restriction_detail(&self) -> &'static str;
    fn opt_out_detail(&self) -> &'static str;
    fn limit_detail(&self) -> &'static str;
    fn extra_ask(&self, ask: ExtraAsk, cite: &str) -> String;
    fn no_verification(&self) -> &'static str;

    fn evidence_lead(&self) -> &'static str;
    fn evidence_sentence(&self, item: &EvidenceItem) -> String;
    fn identifiers_lead(&self) -> &'static str;
    fn identifiers_use(&self) -> &'static str;
    fn identity_checks(&self) -> &'static str;
    fn free_of_charge(&self, cite: &str) -> String;
    /// "one month after you received this request".
    fn period_after(&self, unit: PeriodUnit, amount: u32) -> String;
    fn deadline_firm(&self, date: &str, period: &str, cite: &str) -> String;
    fn deadline_reasonable(&self, date: &str, cite: &str) -> String;
    fn extension_notice(&self, cite: &str) -> String;
    fn reply_by_email(&self) -> &'static str;
    fn reply_in_writing(&self) -> &'static str;
    fn quote_reference(&self, reference: &str) -> String;

    fn reminder_opening(
        &self,
        sent: &str,
        noun: &str,
        cite: &str,
        law: &str,
        reference: &str,
        received: &str,
    ) -> String;
    fn reminder_time_over(&self, due: &str, extended: Option<&str>) -> String;
    fn outcome_company(&self, outcome: &Outcome) -> String;
    fn reminder_new_deadline(&self, date: &str) -> String;
    fn reminder_escalation(&self, authority: &str) -> String;
    fn reminder_evidence_lead(&self) -> &'static str;

    fn complaint_opening(&self, cite: &str, law: &str, company: &str) -> String;
    /// The opening of a complaint about a company that said it erased the data and did not:
    /// the erasure provision (`erasure`, e.g. Art. 17) and the later export that shows it.
    fn complaint_opening_still_held(
        &self,
        cite: &str,
        law: &str,
        company: &str,
        erasure: &str,
        held: &StillHeld,
    ) -> String;
    #[allow(clippy::too_many_arguments)]
    fn complaint_history(
        &self,
        sent: &str,
        noun: &str,
        cite: &str,
        law: &str,
        reference: &str,
        received: &str,
        due: &str,
        extended: Option<&str>,
    ) -> String;
    fn complaint_reminder(&self, sent: &str, due: &str) -> String;
    fn complaint_history_lead(&self) -> &'static str;
    /// "2 February 2026: the company confirmed receipt".
    fn history_step(&self, date: &str, step: Step) -> String;
    fn outcome_authority(&self, outcome: &Outcome) -> String;
    fn complaint_evidence_lead(&self) -> &'static str;
    fn complaint_identifiers_lead(&self) -> &'static str;
    fn complaint_ask(&self, follow_up: Option<(&str, &str)>) -> String;
    fn complaint_enclosures_lead(&self) -> &'static str;
    fn enclosure_request(&self, date: &str) -> String;
    fn enclosure_reminder(&self, date: &str) -> String;
    fn enclosure_proof(&self) -> &'static str;
    fn enclosure_answer(&self) -> &'static str;

    /// Notes for the user (never sent).
    fn note_fallback(&self, explanation: &str) -> String;
    fn note_fill_in(&self, what: &str) -> String;
    fn note_check_cites(&self) -> &'static str;
    fn note_pick_authority(&self, which: &str, list: &str) -> String;
    /// Why the complaint goes to its authority: `why` is the app's English words, `basis` the
    /// fact behind them (None for an authority given by hand).
    fn note_authority_chosen(&self, why: &str, basis: Option<Basis>) -> String;
    /// `language` is the authority's language by its name in this letter's language.
    fn note_authority_language(&self, authority: &str, language: &str) -> String;
    fn note_authority_form(&self, form: &str) -> String;
    fn note_option_skipped(&self, explanation: &str) -> String;
    /// The letter is in a language companies under `law` do not usually take.
    fn note_unusual_language(&self, law: &str) -> String;
}

/// " (file a.json)" or " (files a.json, b.json)" in `w`'s words, after the sentence that says
/// an export still names the company; nothing without files.
fn files_clause(w: &dyn Wording, files: &[String]) -> String {
    let [one, many] = w.file_labels();
    match files {
        [] => String::new(),
        [file] => format!(" ({one} {file})"),
        all => format!(" ({many} {})", all.join(", ")),
    }
}

/// Removes the data file's "(~)" markers of secondary-source facts: letters cite the provision;
/// the user is told separately that it needs checking.
fn clean_cite(cite: &str) -> String {
    cite.replace(" (~)", "")
        .replace("(~)", "")
        .replace('~', "")
        .trim()
        .to_string()
}

/// Renders a letter. Fails when the regime lacks the right with no fallback, or when the input
/// misses what the letter kind needs.
pub fn render(input: &LetterInput, lang: Lang) -> Result<Letter, Error> {
    render_with(input, lang, Regimes::builtin())
}

/// [`render`] with an explicit set of regimes.
pub fn render_with(input: &LetterInput, lang: Lang, regimes: &Regimes) -> Result<Letter, Error> {
    let regime = regimes.get(&input.regime)?;
    let w = lang.wording();
    if input.reference.trim().is_empty() {
        return Err(Error::LetterInput {
            reference: "(none)".into(),
            message: "the reference is empty".into(),
        });
    }
    let mut b = Builder {
        w,
        regime,
        input,
        notes: Vec::new(),
        uncertain: false,
        paragraphs: Vec::new(),
    };
    let (subject, recipient, to_email, web_form) = match &input.kind {
        LetterKind::Request { request_type } => {
            b.request(*request_type)?;
            let (rcpt, email, form) = b.company_recipient();
            (
                w.subject_request(
                    *request_type,
                    &w.law_name(&regime.id, &regime.short_name),
                    &input.reference,
                ),
                rcpt,
                email,
                form,
            )
        }
        LetterKind::Reminder { original } => {
            b.reminder(original)?;
            let (rcpt, email, form) = b.company_recipient();
            let subject = match &original.outcome {
                Outcome::StillHeld(_) => w.subject_still_held(&input.reference),
                _ => w.subject_reminder(original.request_type, &input.reference),
            };
            (
                subject,
                rcpt,
                email,
                form,
            )
        }
        LetterKind::Complaint {
            original,
            authority,
        } => {
            let chosen = authority
                .clone()
                .or_else(|| AuthorityContact::for_regime(&regime.id));
            if let Some(c) = chosen.as_ref().and_then(|a| a.country.as_deref()) {
                let covered = match regime.id.as_str() {
                    "uk_gdpr" => c == "GB",
                    "ch_nfadp" => c == "CH",
                    "eu_gdpr" => crate::authority::EU_EEA.contains(&c),
                    _ => false,
                };
                if !covered {
                    return Err(Error::LetterInput {
                        reference: input.reference.clone(),
                        message: format!(
                            "{} ({c}) does not take complaints under the {}",
                            chosen.as_ref().map(|a| a.name.as_str()).unwrap_or_default(),
                            regime.short_name
                        ),
                    });
                }
            }
            b.complaint(original)?;
            let a = &regime.authority;
            let (rcpt, email, form) = match &chosen {
                Some(c) => {
                    let mut r = vec![c.name.clone()];
                    match &c.postal_address {
                        Some(p) => r.extend(p.lines().map(str::to_string)),
                        None => r.push(w.placeholder_postal().to_string()),
                    }
                    if let Some(why) = &c.why {
                        b.notes.push(w.note_authority_chosen(why, c.basis));
                    }
                    match c.complaint_language.as_deref() {
                        Some(l) if l != lang.code() => {
                            let name = language_names::name(lang, l)
                                .map(str::to_string)
                                .unwrap_or_else(|| format!("`{l}`"));
                            b.notes.push(w.note_authority_language(&c.name, &name))
                        }
                        _ => {}
                    }
                    match (&c.email, &c.web_form) {
                        (None, Some(f)) => b.notes.push(w.note_authority_form(f)),
                        (None, None) => b.notes.push(w.note_fill_in(w.placeholder_email())),
                        _ => {}
                    }
                    (r, c.email.clone(), c.web_form.clone())
                }
                None if a.pick_from_list => {
                    b.notes.push(w.note_pick_authority(
                        &w.authority_name(&regime.id, &a.name),
                        &a.website,
                    ));
                    (vec![w.placeholder_authority().to_string()], None, None)
                }
                None => (vec![a.name.clone(), a.website.clone()], None, None),
            };
            let company = input.company.addressee();
            (
                match &original.outcome {
                    Outcome::StillHeld(_) => {
                        w.subject_complaint_still_held(company, &input.reference)
                    }
                    _ => w.subject_complaint(company, &input.reference),
                },
                rcpt,
                email,
                form,
            )
        }
    };
    if b.uncertain {
        b.notes.push(w.note_check_cites().to_string());
    }
    if lang != Lang::En && !regime.letter_languages.iter().any(|l| l == lang.code()) {
        b.notes
            .push(w.note_unusual_language(&w.law_name(&regime.id, &regime.short_name)));
    }
    let Builder {
        paragraphs, notes, ..
    } = b;
    Ok(Letter {
        lang,
        reference: input.reference.clone(),
        date: input.date,
        date_text: w.date_long(input.date),
        sender: sender_block(&input.requester),
        recipient,
        subject,
        body: paragraphs.join("\n\n"),
        notice: w.not_legal_advice().to_string(),
        to_email,
        web_form,
        notes_for_user: notes,
    })
}

/// The sender block: name, postal address, e-mail, phone, in that order, when selected.
fn sender_block(fields: &[IdentityField]) -> Vec<String> {
    let mut out = Vec::new();
    for kind in [
        IdentityKind::Name,
        IdentityKind::Address,
        IdentityKind::Email,
        IdentityKind::Phone,
    ] {
        for f in fields.iter().filter(|f| f.kind == kind) {
            out.extend(f.value.lines().map(str::to_string));
        }
    }
    out
}

struct Builder<'a> {
    w: &'static dyn Wording,
    regime: &'a Regime,
    input: &'a LetterInput,
    notes: Vec<String>,
    uncertain: bool,
    paragraphs: Vec<String>,
}

impl<'a> Builder<'a> {
    fn cite(&mut self, raw: &str) -> String {
        if raw.contains('~') {
            self.uncertain = true;
        }
        self.w.cite(&self.regime.id, &clean_cite(raw))
    }

    /// The law's name as the letter's language writes it.
    fn law(&self) -> String {
        self.w.law_name(&self.regime.id, &self.regime.short_name)
    }

    fn para(&mut self, text: String) {
        let text = if self.paragraphs.len() == 1 {
            self.w.after_salutation(text)
        } else {
            text
        };
        self.paragraphs.push(text);
    }

    fn list(&mut self, lead: &str, items: Vec<String>) {
        let mut p = lead.to_string();
        for i in items {
            p.push_str("\n- ");
            p.push_str(&i);
        }
        self.paragraphs.push(p);
    }

    fn deadline(&self) -> Result<NaiveDate, Error> {
        self.input.deadline.ok_or_else(|| Error::LetterInput {
            reference: self.input.reference.clone(),
            message: "this letter needs the date by which the company must answer".into(),
        })
    }

    fn company_recipient(&mut self) -> (Vec<String>, Option<String>, Option<String>) {
        let c = &self.input.company;
        let mut lines = vec![c.addressee().to_string()];
        if c.legal_entity.is_some() && c.legal_entity.as_deref() != Some(c.name.as_str()) {
            lines.push(format!("({})", c.name));
        }
        match self.input.channel {
            Channel::Letter => match &c.postal_address {
                Some(a) => lines.extend(a.lines().map(str::to_string)),
                None => {
                    lines.push(self.w.placeholder_postal().to_string());
                    self.notes
                        .push(self.w.note_fill_in(self.w.placeholder_postal()));
                }
            },
            Channel::Email => match &c.email {
                Some(e) => lines.push(e.clone()),
                None => {
                    lines.push(self.w.placeholder_email().to_string());
                    self.notes
                        .push(self.w.note_fill_in(self.w.placeholder_email()));
                }
            },
            Channel::WebForm => match &c.web_form {
                Some(f) => lines.push(f.clone()),
                None => {
                    lines.push(self.w.placeholder_form().to_string());
                    self.notes
                        .push(self.w.note_fill_in(self.w.placeholder_form()));
                }
            },
        }
        (lines, c.email.clone(), c.web_form.clone())
    }

    fn request(&mut self, t: RequestType) -> Result<(), Error> {
        let w = self.w;
        let regime = self.regime;
        let law = self.law();
        let resolved = regime.resolve(t.right())?;
        self.para(w.salutation().to_string());
        if let Some((unsupported, _)) = resolved.fallback {
            self.notes.push(w.note_fallback(&unsupported.explanation));
            self.para(w.fallback_preface(t.right(), &law));
        }
        let cite = {
            let raw = resolved.cite();
            self.cite(&raw)
        };
        self.para(w.intro(resolved.used, &cite, &law));
        self.details(t, &resolved)?;
        if let Some((_, fb)) = resolved.fallback {
            if let Some(ask) = fb.extra_ask {
                let also = fb.also_cite.clone().unwrap_or_default();
                let also = self.cite(&also);
                self.para(w.extra_ask(ask, &also));
            }
        }
        self.evidence(w.evidence_lead());
        self.identifiers();
        if resolved.rule.identity_verification {
            self.para(w.identity_checks().to_string());
        } else {
            self.para(w.no_verification().to_string());
        }
        if let Some(free) = &regime.free_cite {
            let c = self.cite(free);
            self.para(w.free_of_charge(&w.cite_in_law(&c, &law)));
        }
        let due = self.deadline()?;
        let (period, extension) = regime.deadline_for(t)?;
        let pcite = self.cite(&period.cite);
        let pcite = w.cite_in_law(&pcite, &law);
        let mut p = if period.unit == PeriodUnit::Reasonable {
            w.deadline_reasonable(&w.date_long(due), &pcite)
        } else {
            w.deadline_firm(
                &w.date_long(due),
                &w.period_after(period.unit, period.amount),
                &pcite,
            )
        };
        if let Some(ext) = extension {
            let ecite = self.cite(&ext.cite);
            p.push(' ');
            p.push_str(&w.extension_notice(&w.cite_in_law(&ecite, &law)));
        }
        self.para(p);
        self.reply_and_close();
        Ok(())
    }

    fn details(&mut self, t: RequestType, resolved: &Resolved<'_>) -> Result<(), Error> {
        let w = self.w;
        let law = self.law();
        match resolved.used {
            Right::Access => {
                let items: Vec<String> = resolved
                    .rule
                    .access_items
                    .iter()
                    .map(|i| {
                        let c = self.cite(&i.cite);
                        format!("{} ({c})", w.access_item(i.item))
                    })
                    .collect();
                self.list(w.access_lead(), items);
                if self.input.options.portability && t == RequestType::Access {
                    match self.regime.resolve(Right::Portability) {
                        Ok(p) => {
                            let c = self.cite(&p.rule.cite);
                            self.para(w.portability(&w.cite_in_law(&c, &law)));
                        }
                        Err(e) => {
                            self.notes.push(w.note_option_skipped(&explanation_of(&e)));
                            self.para(w.portability_without_right().to_string());
                        }
                    }
                }
            }
            Right::Erasure => {
                match &self.input.options.erasure_scope {
                    ErasureScope::All => self.para(w.erasure_scope_all().to_string()),
                    ErasureScope::Categories(cats) => {
                        let items = cats.clone();
                        self.list(w.erasure_scope_categories(), items);
                    }
                }
                if let Some(extra) = &resolved.rule.extra_cite {
                    let c = self.cite(extra);
                    self.para(w.tell_recipients(&w.cite_in_law(&c, &law)));
                }
                self.para(w.confirm_done().to_string());
                if self.input.options.object_to_marketing {
                    match self.regime.resolve(Right::ObjectDirectMarketing) {
                        Ok(r) => {
                            let raw = r.cite();
                            let c = self.cite(&raw);
                            if let Some((u, _)) = r.fallback {
                                self.notes.push(w.note_fallback(&u.explanation));
                            }
                            self.para(w.also(r.used, &c, &law));
                        }
                        Err(e) => self.notes.push(w.note_option_skipped(&explanation_of(&e))),
                    }
                }
            }
            Right::Rectification => {
                let corrections = self.input.options.corrections.clone();
                if corrections.is_empty() {
                    self.para(w.corrections_none().to_string());
                } else {
                    let items = corrections.iter().map(|c| w.correction(c)).collect();
                    self.list(w.corrections_lead(), items);
                }
                if let Some(extra) = &resolved.rule.extra_cite {
                    let c = self.cite(extra);
                    self.para(w.tell_recipients(&w.cite_in_law(&c, &law)));
                }
            }
            Right::Restriction => {
                self.para(w.restriction_detail().to_string());
                if let Some(extra) = &resolved.rule.extra_cite {
                    let c = self.cite(extra);
                    self.para(w.tell_recipients(&w.cite_in_law(&c, &law)));
                }
            }
            Right::OptOutSale => self.para(w.opt_out_detail().to_string()),
            Right::LimitSensitive => self.para(w.limit_detail().to_string()),
            Right::ObjectDirectMarketing | Right::WithdrawConsent => {
                self.para(w.confirm_done().to_string())
            }
            Right::Portability => {}
        }
        Ok(())
    }

    fn evidence(&mut self, lead: &str) {
        if self.input.evidence.is_empty() {
            return;
        }
        let items = self
            .input
            .evidence
            .iter()
            .map(|e| self.w.evidence_sentence(e))
            .collect();
        self.list(lead, items);
    }

    fn identifiers(&mut self) {
        self.identifiers_with(self.w.identifiers_lead(), true);
    }

    fn identifiers_with(&mut self, lead: &str, use_only: bool) {
        if self.input.requester.is_empty() {
            return;
        }
        let w = self.w;
        let items = self
            .input
            .requester
            .iter()
            .map(|f| {
                let value = f.value.replace('\n', ", ");
                let value = match &f.context {
                    Some(ctx) => format!("{value} ({ctx})"),
                    None => value,
                };
                w.labelled(w.identity_label(f.kind), &value)
            })
            .collect();
        self.list(lead, items);
        if use_only {
            self.para(w.identifiers_use().to_string());
        }
    }

    fn reply_and_close(&mut self) {
        let w = self.w;
        let reply = if first_of(&self.input.requester, IdentityKind::Email).is_some() {
            w.reply_by_email()
        } else {
            w.reply_in_writing()
        };
        self.para(format!(
            "{} {}",
            reply,
            w.quote_reference(&self.input.reference)
        ));
        self.close();
    }

    fn close(&mut self) {
        let w = self.w;
        let name = first_of(&self.input.requester, IdentityKind::Name)
            .map(str::to_string)
            .unwrap_or_else(|| w.signature_placeholder().to_string());
        self.para(format!("{}\n{}", w.closing(), name));
    }

    fn original_cite(&mut self, t: RequestType) -> Result<String, Error> {
        let r = self.regime.resolve(t.right())?;
        let raw = r.cite();
        Ok(self.cite(&raw))
    }

    fn reminder(&mut self, o: &FollowUp) -> Result<(), Error> {
        let w = self.w;
        let law = self.law();
        let cite = self.original_cite(o.request_type)?;
        let deadline = self.deadline()?;
        self.para(w.salutation().to_string());
        self.para(w.reminder_opening(
            &w.date_long(o.sent),
            w.request_noun(o.request_type),
            &cite,
            &law,
            &self.input.reference,
            &w.date_long(o.received),
        ));
        let ext = o.extended_due.map(|d| w.date_long(d));
        // The company did answer, in time: what matters is what the later export shows.
        let p = match &o.outcome {
            Outcome::StillHeld(_) => w.outcome_company(&o.outcome),
            _ => format!(
                "{} {}",
                w.reminder_time_over(&w.date_long(o.due), ext.as_deref()),
                w.outcome_company(&o.outcome)
            ),
        };
        self.para(p);
        self.para(format!(
            "{} {}",
            w.reminder_new_deadline(&w.date_long(deadline)),
            w.reminder_escalation(&w.authority_name(&self.regime.id, &self.regime.authority.name))
        ));
        self.evidence(w.reminder_evidence_lead());
        self.identifiers();
        self.reply_and_close();
        Ok(())
    }

    fn complaint(&mut self, o: &FollowUp) -> Result<(), Error> {
        let w = self.w;
        let law = self.law();
        let cite = self.original_cite(o.request_type)?;
        let acite = {
            let raw = self.regime.authority.cite.clone();
            self.cite(&raw)
        };
        let company = self.input.company.addressee().to_string();
        self.para(w.salutation().to_string());
        self.para(match &o.outcome {
            Outcome::StillHeld(h) => w.complaint_opening_still_held(&acite, &law, &company, &cite, h),
            _ => w.complaint_opening(&acite, &law, &company),
        });
        let ext = o.extended_due.map(|d| w.date_long(d));
        self.para(w.complaint_history(
            &w.date_long(o.sent),
            w.request_noun(o.request_type),
            &cite,
            &law,
            &self.input.reference,
            &w.date_long(o.received),
            &w.date_long(o.due),
            ext.as_deref(),
        ));
        if let (Some(sent), Some(due)) = (o.reminder_sent, o.reminder_due) {
            self.para(w.complaint_reminder(&w.date_long(sent), &w.date_long(due)));
        }
        if !o.history.is_empty() {
            let items = o
                .history
                .iter()
                .map(|h| w.history_step(&w.date_long(h.date), h.step))
                .collect();
            self.list(w.complaint_history_lead(), items);
        }
        self.para(w.outcome_authority(&o.outcome));
        self.evidence(w.complaint_evidence_lead());
        let follow = self.regime.authority.follow_up.clone();
        let ask = match &follow {
            Some(p) => {
                let c = self.cite(&p.cite);
                w.complaint_ask(Some((
                    &w.period_after(p.unit, p.amount),
                    &w.cite_in_law(&c, &law),
                )))
            }
            None => w.complaint_ask(None),
        };
        self.para(ask);
        let mut encl = vec![w.enclosure_request(&w.date_long(o.sent))];
        if let Some(r) = o.reminder_sent {
            encl.push(w.enclosure_reminder(&w.date_long(r)));
        }
        encl.push(w.enclosure_proof().to_string());
        if o.outcome != Outcome::NoAnswer {
            encl.push(w.enclosure_answer().to_string());
        }
        self.list(w.complaint_enclosures_lead(), encl);
        self.identifiers_with(w.complaint_identifiers_lead(), false);
        self.close();
        Ok(())
    }
}

fn explanation_of(e: &Error) -> String {
    match e {
        Error::RightNotInRegime { explanation, .. } => explanation.clone(),
        other => other.to_string(),
    }
}
