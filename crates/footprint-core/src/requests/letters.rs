//! Turning a stored request into something to send or keep: the letter (request, reminder,
//! complaint or follow-up to an incomplete answer) as plain text, PDF, e-mail draft or `mailto:` link, and its dates as a calendar.
//!
//! The letter date follows the history when there is one (a request letter reprinted after
//! sending keeps its sending date; a reminder its reminder date); otherwise it is `today`,
//! and the deadline the letter states assumes it is sent that day.

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use footprint_rights::eml::{self, EmlOptions};
use footprint_rights::identity::first_of;
use footprint_rights::authority::{competent_authority, Authorities, AuthorityChoice};
use footprint_rights::directory::Directory;
use footprint_rights::letter::follow_up::{FollowUpInput, Gap};
use footprint_rights::letter::{
    self, choose_lang, AuthorityContact, Lang, Letter, LetterKind, Outcome, StillHeld,
};
use footprint_rights::tracking::{MessageKind, Request, Status};
use footprint_rights::{ics, pdf, IdentityKind};
use serde::{Deserialize, Serialize};

use super::{DeletionCheckView, RequestError};

/// Output formats of a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum LetterFormat {
    /// The whole letter as plain text (addresses, date, subject, body, notice).
    Txt,
    /// A4 PDF to print or attach.
    Pdf,
    /// An unsent e-mail draft (`.eml`) for the user's mail program.
    Eml,
    /// The request's dates as calendar events (`.ics`); the letter type does not matter.
    Ics,
    /// A `mailto:` link with subject and body.
    Mailto,
}

impl LetterFormat {
    pub fn parse(s: &str) -> Option<LetterFormat> {
        match s.trim().to_lowercase().as_str() {
            "txt" | "text" => Some(LetterFormat::Txt),
            "pdf" => Some(LetterFormat::Pdf),
            "eml" | "email" | "e-mail" => Some(LetterFormat::Eml),
            "ics" | "calendar" => Some(LetterFormat::Ics),
            "mailto" => Some(LetterFormat::Mailto),
            _ => None,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            LetterFormat::Txt => "txt",
            LetterFormat::Pdf => "pdf",
            LetterFormat::Eml => "eml",
            LetterFormat::Ics => "ics",
            LetterFormat::Mailto => "mailto.txt",
        }
    }

    fn media_type(self) -> &'static str {
        match self {
            LetterFormat::Txt | LetterFormat::Mailto => "text/plain; charset=utf-8",
            LetterFormat::Pdf => "application/pdf",
            LetterFormat::Eml => "message/rfc822",
            LetterFormat::Ics => "text/calendar; charset=utf-8",
        }
    }
}

/// Which letter of a request's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum LetterType {
    /// The request itself, to the company.
    Request,
    /// A reminder to the company once the answer is overdue (gives 14 more days).
    Reminder,
    /// A complaint to the regime's authority.
    Complaint,
    /// To the company, naming what its answer to an access request lacks (the checklist's
    /// gaps), with a new deadline.
    FollowUp,
}

impl LetterType {
    pub fn parse(s: &str) -> Option<LetterType> {
        match s.trim().to_lowercase().as_str() {
            "request" => Some(LetterType::Request),
            "reminder" => Some(LetterType::Reminder),
            "complaint" => Some(LetterType::Complaint),
            "follow-up" | "follow_up" | "followup" => Some(LetterType::FollowUp),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            LetterType::Request => "request",
            LetterType::Reminder => "reminder",
            LetterType::Complaint => "complaint",
            LetterType::FollowUp => "follow-up",
        }
    }
}

/// A rendered letter (or calendar) and what the user should know before sending it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LetterOutput {
    /// Suggested file name: `<reference>-<letter type>.<ext>`.
    pub file_name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
    /// The letter's date.
    pub date: NaiveDate,
    pub subject: String,
    /// Where to send it by e-mail, when known.
    pub to_email: Option<String>,
    /// The web form to paste the text into, when known.
    pub web_form: Option<String>,
    /// For the user only, never sent: placeholders to fill in, fallbacks taken, facts to check.
    pub notes_for_user: Vec<String>,
}

/// The letter's date: the recorded date for what already happened, else `today`.
fn letter_date(req: &Request, kind: LetterType, today: NaiveDate) -> NaiveDate {
    match kind {
        LetterType::Request => req.sent.unwrap_or(today),
        LetterType::Reminder => {
            if req.history.iter().any(|c| c.status == Status::ReminderSent) {
                req.messages
                    .iter()
                    .rev()
                    .find(|m| m.kind == MessageKind::Reminder)
                    .map(|m| m.date)
                    .unwrap_or(today)
            } else {
                today
            }
        }
        LetterType::Complaint => req.complaint_filed.unwrap_or(today),
        LetterType::FollowUp => today,
    }
}

/// Where a complaint goes: the authority of the user's country (and German Land) of
/// residence, or the company's lead authority (see
/// [`footprint_rights::authority::competent_authority`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ComplaintTo {
    /// ISO 3166-1 alpha-2 country of residence (`DE`, `FR`, `UK`).
    #[serde(default)]
    pub country: Option<String>,
    /// The German Land of residence (`BY`, `Bayern`).
    #[serde(default)]
    pub region: Option<String>,
    /// `lead`: the company's lead authority instead of the user's own.
    #[serde(default)]
    pub lead: bool,
    /// One authority the user picked from the list (its slug, see `footprint authorities`),
    /// over the country and the lead choice.
    #[serde(default)]
    pub authority: Option<String>,
}

/// The authority `to` names for the request, with why.
pub fn complaint_authority(req: &Request, to: &ComplaintTo) -> Result<AuthorityContact, RequestError> {
    if let Some(slug) = to.authority.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let a = Authorities::builtin().get(slug).ok_or_else(|| {
            RequestError::Invalid(format!(
                "no supervisory authority `{slug}` (see `footprint authorities`)"
            ))
        })?;
        return Ok(AuthorityContact::picked(a));
    }
    let choice = if to.lead {
        AuthorityChoice::Lead
    } else {
        AuthorityChoice::Residence
    };
    let entry = req
        .company
        .slug
        .as_deref()
        .and_then(|s| Directory::builtin().get(s));
    let country = match (&to.country, choice) {
        (Some(c), _) => c.clone(),
        (None, AuthorityChoice::Lead) => String::new(),
        (None, AuthorityChoice::Residence) => {
            return Err(RequestError::Invalid(
                "the authority of your country of residence needs the country (e.g. --country DE --region BY), or choose the company's lead authority".into(),
            ))
        }
    };
    let sel = competent_authority(
        Authorities::builtin(),
        &country,
        to.region.as_deref(),
        entry,
        choice,
    )
    .map_err(|e| RequestError::Invalid(e.to_string()))?;
    Ok(AuthorityContact::chosen(&sel))
}

/// The language of a request's letters: the one stored with it, or for a request stored
/// before letters had languages, the company's request language in the directory, else
/// English.
pub fn request_lang(req: &Request) -> Lang {
    req.lang.unwrap_or_else(|| {
        let company = req
            .company
            .slug
            .as_deref()
            .and_then(|s| Directory::builtin().get(s))
            .and_then(|e| e.request_language.as_deref());
        choose_lang(None, company, None).lang
    })
}

/// What a letter takes besides the request and its kind. All optional: `Default` is the
/// request's own language, the regime's authority, and no later export or answer to cite.
#[derive(Default, Clone, Copy)]
pub(crate) struct LetterParts<'a> {
    /// Whom a complaint goes to (ignored by the other kinds).
    pub complaint_to: Option<&'a ComplaintTo>,
    /// This letter's language instead of the request's.
    pub lang: Option<Lang>,
    /// A later export that still names the company after its erasure.
    pub still_listed: Option<&'a DeletionCheckView>,
    /// The follow-up letter's facts (its kind needs them).
    pub follow_up: Option<&'a FollowUpFacts<'a>>,
}

fn letter(
    req: &Request,
    kind: LetterType,
    date: NaiveDate,
    parts: LetterParts<'_>,
) -> Result<Letter, RequestError> {
    let LetterParts { complaint_to, lang, still_listed, follow_up } = parts;
    let mut input = match kind {
        LetterType::Request => req.request_letter(date)?,
        LetterType::Reminder => req.reminder_letter(date)?,
        LetterType::Complaint => {
            let authority = complaint_to
                .map(|to| complaint_authority(req, to))
                .transpose()?;
            req.complaint_letter_to(date, authority)?
        }
        LetterType::FollowUp => {
            let Some(f) = follow_up else {
                return Err(RequestError::Invalid(
                    "the follow-up letter needs the checklist's gaps".into(),
                ));
            };
            let input = FollowUpInput::for_request(req, date, f.answer_date, f.gaps.clone())?;
            return Ok(letter::follow_up::render(&input, f.lang)?);
        }
    };
    // A later export that still names the company is what the follow-up is about.
    if let (LetterKind::Reminder { original } | LetterKind::Complaint { original, .. }, Some(c)) =
        (&mut input.kind, still_listed.filter(|c| c.still_listed))
    {
        original.outcome = Outcome::StillHeld(StillHeld {
            erased_on: c.fulfilled,
            export: c.platform_name.clone(),
            export_date: c.export_date,
            files: c.files.clone(),
        });
    }
    Ok(letter::render(&input, lang.unwrap_or_else(|| request_lang(req)))?)
}

/// What the follow-up letter needs from the store besides the request.
pub(crate) struct FollowUpFacts<'a> {
    pub answer_date: NaiveDate,
    pub gaps: Vec<Gap>,
    /// `en`, `de` or `fr`.
    pub lang: &'a str,
}

/// Renders `kind` of `req` in `format`. `today` dates letters not yet sent and stamps calendars
/// and e-mail drafts (the engine never reads the clock).
pub(crate) fn render(
    req: &Request,
    format: LetterFormat,
    kind: LetterType,
    today: NaiveDate,
    parts: LetterParts<'_>,
) -> Result<LetterOutput, RequestError> {
    let file_name = format!("{}-{}.{}", req.reference, kind.as_str(), format.extension());
    if format == LetterFormat::Ics {
        return Ok(calendar(req, today, file_name));
    }
    let date = letter_date(req, kind, today);
    let l = letter(req, kind, date, parts)?;
    let bytes = match format {
        LetterFormat::Txt => l.to_text().into_bytes(),
        LetterFormat::Pdf => pdf::to_pdf(&l),
        LetterFormat::Eml => {
            // Noon UTC is the same calendar day almost everywhere; the mail program sets the
            // real Date when the user sends the draft.
            let stamp = Utc
                .from_utc_datetime(&date.and_time(NaiveTime::from_hms_opt(12, 0, 0).expect("noon")))
                .fixed_offset();
            eml::draft(
                &l,
                &EmlOptions {
                    to: None,
                    from: first_of(&req.identities, IdentityKind::Email),
                    date: stamp,
                },
            )?
            .into_bytes()
        }
        LetterFormat::Mailto => eml::mailto(&l, None)?.into_bytes(),
        LetterFormat::Ics => unreachable!("handled above"),
    };
    Ok(LetterOutput {
        file_name,
        media_type: format.media_type().into(),
        bytes,
        date,
        subject: l.subject.clone(),
        to_email: l.to_email.clone(),
        web_form: l.web_form.clone(),
        notes_for_user: l.notes_for_user.clone(),
    })
}

/// The request's dates as calendar events. A draft is shown as if sent today (the same
/// assumption as its planned due date), so the user can put the dates in a calendar before
/// sending.
fn calendar(req: &Request, today: NaiveDate, file_name: String) -> LetterOutput {
    let mut notes = Vec::new();
    let events = if req.status() == &Status::Draft {
        let mut assumed = req.clone();
        let send_day = today.max(req.created);
        match assumed.send(send_day, None) {
            Ok(()) => notes.push(format!(
                "The request is not sent yet: the dates assume it is sent on {send_day}."
            )),
            Err(e) => notes.push(format!("No dates yet: {e}")),
        }
        assumed.calendar_events()
    } else {
        req.calendar_events()
    };
    let stamp = today.and_time(NaiveTime::MIN);
    LetterOutput {
        file_name,
        media_type: LetterFormat::Ics.media_type().into(),
        bytes: ics::calendar(&events, stamp).into_bytes(),
        date: today,
        subject: format!("{}: {}", req.company.name, req.reference),
        to_email: None,
        web_form: None,
        notes_for_user: notes,
    }
}
