//! Data-rights requests in the store: write a request to a company that holds data about the
//! user (or to every company that holds it in a given way), cite the evidence from the exports,
//! track it from draft to closed with legal due dates, and render its letters.
//!
//! The law (deadlines, provisions, letters, directory, legal status transitions) lives in
//! `footprint-rights`; this module stores its [`Request`] records (one JSON document per row,
//! with the fields lists need copied to columns), finds the company's contact and the evidence,
//! and gives the CLI and the app typed results. Time is always passed in (`today`, `date`):
//! nothing here reads the clock.
//!
//! Requests are the user's own records: removing an archive keeps them (the company link turns
//! NULL; the request keeps a frozen copy of the company's name, contact and evidence).

mod answer;
pub mod contacts;
pub(crate) mod deletion;
mod evidence;
mod letters;
pub mod names;
mod residence;
pub mod view;

pub use answer::{AccessAnswer, AnswerFile, ChecklistItemView, ChecklistUpdate, MAX_ANSWER_BYTES};
pub use contacts::{CompanyContactInfo, ContactCoverage, ContactOverride, RegimeCoverage};
pub use deletion::DeletionCheckView;
pub use footprint_rights::checklist::Verdict;
pub use residence::{authority_options, AuthorityOption, ComplaintRecipient, Residence};
pub use footprint_rights::authority::{Authorities, Authority, AuthorityChoice, Scope as AuthorityScope};
pub use letters::{
    complaint_authority, request_lang, ComplaintTo, LetterFormat, LetterOutput, LetterType,
};
pub use view::*;

use crate::model::Relation;
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use evidence::{sql, CompanyRow};
use footprint_rights::deadline::{self, Due, DueOptions};
use footprint_rights::letter::{choose_lang, CompanyContact};
pub use footprint_rights::letter::Lang;
use footprint_rights::tracking::{DenialReason, NewRequest, Request, Status};
/// The footprint-rights types that appear in this module's API, so callers need no direct
/// dependency on that crate.
pub use footprint_rights::{Channel, EvidenceItem, EvidenceRelation, RequestOptions, RequestType};
use footprint_rights::{IdentityField, IdentityKind, Regimes};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// What went wrong with a request operation. [`RequestError::code`] is the stable code for the
/// IPC boundary and the CLI's exit codes.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// No such request or company.
    #[error("{0}")]
    NotFound(String),
    /// An input the engine cannot use (unknown regime name, identity kind, relation ...).
    #[error("{0}")]
    Invalid(String),
    /// The law or the request's history refuses: a right the regime lacks, an illegal status
    /// change, a missing address for an e-mail draft, ...
    #[error(transparent)]
    Rights(#[from] footprint_rights::Error),
    /// A stored request no longer parses (edited by hand, or written by a newer Footprint).
    #[error("request {reference}: the stored record does not parse: {source}")]
    Corrupt {
        reference: String,
        #[source]
        source: serde_json::Error,
    },
}

impl RequestError {
    /// `not_found`, `invalid`, `corrupt`, the store's codes (`store`, `busy`, `disk_full`, ...), or footprint-rights' own code (`transition`,
    /// `date_order`, `right_not_in_regime`, `missing_contact`, `unknown_regime`, ...).
    pub fn code(&self) -> &'static str {
        match self {
            RequestError::NotFound(_) => "not_found",
            RequestError::Store(e) => e.code(),
            RequestError::Invalid(_) => "invalid",
            RequestError::Rights(e) => e.code(),
            RequestError::Corrupt { .. } => "corrupt",
        }
    }
}

/// What every request of a batch shares: the right, the law, the identifiers to disclose, how
/// it travels, the options, and the day it is written.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RequestSpec {
    #[cfg_attr(
        feature = "ts",
        ts(
            type = "\"access\" | \"erasure\" | \"object_direct_marketing\" | \"withdraw_consent\" | \"opt_out_sale\" | \"limit_sensitive\" | \"rectification\" | \"restriction\""
        )
    )]
    pub request_type: RequestType,
    /// A regime id (`eu_gdpr`) or a friendly name (`gdpr`, `uk-gdpr`, `ccpa`, ...).
    pub regime: String,
    /// Only these identifiers are printed in the letters (data minimisation).
    #[serde(default)]
    pub identities: Vec<IdentityChoice>,
    /// None: e-mail when the contact has an address, else the web form, else e-mail with a
    /// placeholder for the user to fill in.
    #[serde(default)]
    #[cfg_attr(
        feature = "ts",
        ts(type = "\"email\" | \"web_form\" | \"letter\" | null")
    )]
    pub channel: Option<Channel>,
    #[serde(default)]
    #[cfg_attr(
        feature = "ts",
        ts(
            type = "{ portability: boolean, erasure_scope: { scope: \"all\" } | { scope: \"categories\", categories: Array<string> }, object_to_marketing: boolean, corrections: Array<{ field: string, wrong: string | null, correct: string }> }"
        )
    )]
    pub options: RequestOptions,
    /// Days a posted letter takes (default 3).
    #[serde(default)]
    pub postal_delay_days: Option<u32>,
    /// A holiday calendar replacing the regime's (`ie` for an Irish company).
    #[serde(default)]
    pub calendar: Option<String>,
    /// The letters' language chosen by the user; None: the company's request language from
    /// the directory, else `user_language`, else English (see `letter::choose_lang`).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "\"en\" | \"de\" | \"fr\" | null"))]
    pub lang: Option<Lang>,
    /// The user's own language (a locale tag such as `de-CH`, e.g. the app's locale), used
    /// when the directory does not say which language the company takes.
    #[serde(default)]
    pub user_language: Option<String>,
    /// The day the request is written; its planned due date assumes it is sent that day.
    pub today: NaiveDate,
}

/// A request to one company.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewRequestInput {
    pub company_id: i64,
    pub spec: RequestSpec,
    /// Contact details the user typed, over the directory's.
    #[serde(default)]
    pub contact: Option<ContactInput>,
}

/// One request as lists show it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RequestSummary {
    pub id: i64,
    pub reference: String,
    /// The company in the user's data; None when no archive names it any more.
    pub company_id: Option<i64>,
    pub company_name: String,
    pub directory_slug: Option<String>,
    pub regime: String,
    /// How letters name the law ("GDPR").
    pub regime_short_name: String,
    /// access, erasure, ...
    pub request_type: String,
    pub request_type_label: String,
    /// email, web_form or letter.
    pub channel: String,
    /// The last recorded status.
    pub status: String,
    /// The status as of `today`: `overdue` when the company's time is up.
    pub status_today: String,
    pub status_label: String,
    pub overdue: bool,
    /// Days since the due date, when overdue.
    pub days_overdue: Option<i64>,
    /// When the company's answer is due (extended or reminder date when those apply).
    pub due_date: Option<NaiveDate>,
    /// True for a draft: the date it would be due if sent on the day it was created.
    pub due_planned: bool,
    pub created: NaiveDate,
    pub sent: Option<NaiveDate>,
    pub updated: NaiveDate,
    pub next_action: Option<NextActionView>,
    /// After a fulfilled erasure: what the newest later export of the platform says (still
    /// listed or not); None when no such export was imported.
    pub deletion_check: Option<DeletionCheckView>,
}

/// Everything about one request.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RequestDetail {
    pub summary: RequestSummary,
    /// The law's full name.
    pub regime_name: String,
    /// Where complaints go.
    pub authority: String,
    /// The frozen copy of the company's contact the letters use.
    pub contact: ContactView,
    /// What the letter still needs from the user for this channel ("e-mail address", ...).
    pub missing_contact: Vec<String>,
    pub identities: Vec<IdentityChoice>,
    #[cfg_attr(
        feature = "ts",
        ts(
            type = "{ portability: boolean, erasure_scope: { scope: \"all\" } | { scope: \"categories\", categories: Array<string> }, object_to_marketing: boolean, corrections: Array<{ field: string, wrong: string | null, correct: string }> }"
        )
    )]
    pub options: RequestOptions,
    pub evidence: Vec<EvidenceView>,
    pub history: Vec<StatusEntry>,
    pub messages: Vec<MessageEntry>,
    /// The due date with its rule (planned for a draft: see `summary.due_planned`).
    pub due: Option<DueView>,
    /// The reminder's own due date, once a reminder was sent.
    pub reminder: Option<DueView>,
    /// When to ask the authority about a complaint.
    pub authority_follow_up: Option<DueView>,
    pub received: Option<NaiveDate>,
    pub proof_of_sending: Option<String>,
    /// Status changes the history allows now (names as for `RequestAction`).
    pub allowed_actions: Vec<String>,
    /// After a fulfilled erasure: every later export's verdict, newest export first.
    pub deletion_checks: Vec<DeletionCheckView>,
    /// The letters worth writing now: `reminder` (overdue or answered in part) and
    /// `complaint` (overdue, denied, answered in part, or still listed after erasure).
    pub follow_up_letters: Vec<LetterType>,
    pub not_legal_advice: String,
    /// The language the request's letters are written in (see [`request_lang`]).
    #[cfg_attr(feature = "ts", ts(type = "\"en\" | \"de\" | \"fr\""))]
    pub letter_lang: Lang,
}

/// A company skipped by a bulk creation.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SkippedCompany {
    pub company_id: i64,
    pub company_name: String,
    /// The open request of the same type under the same law.
    pub existing_reference: String,
}

/// The result of [`Store::create_requests_for_relation`].
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BulkOutcome {
    pub created: Vec<RequestSummary>,
    /// Companies that already have an open request of this type under this law.
    pub skipped: Vec<SkippedCompany>,
}

/// Why a company refused, as recorded with [`RequestAction::Denied`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DenialKind {
    SuspectedFraud,
    InsufficientVerification,
    NoMatch,
    NotCovered,
    OutsideJurisdiction,
    TooManyRequests,
    /// The note says why.
    Other,
}

impl DenialKind {
    pub fn parse(s: &str) -> Option<DenialKind> {
        let k = s.trim().to_lowercase().replace(['-', ' '], "_");
        Some(match k.as_str() {
            "suspected_fraud" | "fraud" => DenialKind::SuspectedFraud,
            "insufficient_verification" | "verification" | "unverified" => {
                DenialKind::InsufficientVerification
            }
            "no_match" | "not_found" => DenialKind::NoMatch,
            "not_covered" => DenialKind::NotCovered,
            "outside_jurisdiction" | "jurisdiction" => DenialKind::OutsideJurisdiction,
            "too_many_requests" | "too_many" => DenialKind::TooManyRequests,
            "other" => DenialKind::Other,
            _ => return None,
        })
    }
}

/// A status change the user records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum RequestAction {
    /// Sent; the due date is recomputed from this day. `proof`: registered-mail number, form
    /// receipt, ...
    Sent {
        #[serde(default)]
        proof: Option<String>,
    },
    Acknowledged,
    /// The company asked for identity information (the clock may stop, per the law).
    WaitingForVerification,
    Extended,
    Fulfilled,
    PartiallyFulfilled,
    Denied {
        reason: DenialKind,
    },
    ReminderSent,
    /// A complaint was filed with the authority.
    Escalated,
    Closed,
}

impl RequestAction {
    /// From the words the CLI accepts: `sent`, `acknowledged`, `waiting`, `extended`,
    /// `fulfilled`, `partially-fulfilled`, `denied`, `reminder-sent`, `escalated`, `closed`.
    pub fn parse(s: &str) -> Option<RequestAction> {
        let k = s.trim().to_lowercase().replace(['-', ' '], "_");
        Some(match k.as_str() {
            "sent" | "send" => RequestAction::Sent { proof: None },
            "acknowledged" | "ack" | "acknowledge" => RequestAction::Acknowledged,
            "waiting_for_verification" | "waiting" | "verification" => {
                RequestAction::WaitingForVerification
            }
            "extended" | "extension" => RequestAction::Extended,
            "fulfilled" | "done" | "answered" => RequestAction::Fulfilled,
            "partially_fulfilled" | "partial" | "partially" => RequestAction::PartiallyFulfilled,
            "denied" | "refused" => RequestAction::Denied {
                reason: DenialKind::Other,
            },
            "reminder_sent" | "reminder" | "reminded" => RequestAction::ReminderSent,
            "escalated" | "complaint" | "complained" | "complaint_filed" => {
                RequestAction::Escalated
            }
            "closed" | "close" => RequestAction::Closed,
            _ => return None,
        })
    }

    pub fn name(&self) -> &'static str {
        match self {
            RequestAction::Sent { .. } => "sent",
            RequestAction::Acknowledged => "acknowledged",
            RequestAction::WaitingForVerification => "waiting_for_verification",
            RequestAction::Extended => "extended",
            RequestAction::Fulfilled => "fulfilled",
            RequestAction::PartiallyFulfilled => "partially_fulfilled",
            RequestAction::Denied { .. } => "denied",
            RequestAction::ReminderSent => "reminder_sent",
            RequestAction::Escalated => "escalated",
            RequestAction::Closed => "closed",
        }
    }

    /// Every action, for listing what the history allows.
    fn all() -> [RequestAction; 10] {
        [
            RequestAction::Sent { proof: None },
            RequestAction::Acknowledged,
            RequestAction::WaitingForVerification,
            RequestAction::Extended,
            RequestAction::Fulfilled,
            RequestAction::PartiallyFulfilled,
            RequestAction::Denied {
                reason: DenialKind::Other,
            },
            RequestAction::ReminderSent,
            RequestAction::Escalated,
            RequestAction::Closed,
        ]
    }

    fn status(&self, note: Option<&str>) -> Status {
        match self {
            RequestAction::Sent { .. } => Status::Sent,
            RequestAction::Acknowledged => Status::Acknowledged,
            RequestAction::WaitingForVerification => Status::WaitingForVerification,
            RequestAction::Extended => Status::Extended,
            RequestAction::Fulfilled => Status::Fulfilled,
            RequestAction::PartiallyFulfilled => Status::PartiallyFulfilled,
            RequestAction::Denied { reason } => Status::Denied {
                reason: match reason {
                    DenialKind::SuspectedFraud => DenialReason::SuspectedFraud,
                    DenialKind::InsufficientVerification => DenialReason::InsufficientVerification,
                    DenialKind::NoMatch => DenialReason::NoMatch,
                    DenialKind::NotCovered => DenialReason::NotCovered,
                    DenialKind::OutsideJurisdiction => DenialReason::OutsideJurisdiction,
                    DenialKind::TooManyRequests => DenialReason::TooManyRequests,
                    DenialKind::Other => DenialReason::Other(
                        note.map(str::trim)
                            .filter(|n| !n.is_empty())
                            .unwrap_or("no reason given")
                            .to_string(),
                    ),
                },
            },
            RequestAction::ReminderSent => Status::ReminderSent,
            RequestAction::Escalated => Status::Escalated,
            RequestAction::Closed => Status::Closed,
        }
    }

    fn apply(
        &self,
        req: &mut Request,
        date: NaiveDate,
        note: Option<&str>,
    ) -> Result<(), footprint_rights::Error> {
        let status = self.status(note);
        // For "denied, other" the note became the reason; keep it out of the note too.
        let note = match self {
            RequestAction::Denied {
                reason: DenialKind::Other,
            } => None,
            _ => note.map(str::to_string),
        };
        req.mark(status, date, note)?;
        if let RequestAction::Sent { proof: Some(p) } = self {
            req.proof_of_sending = Some(p.clone());
        }
        Ok(())
    }
}

/// A stored request with its row data.
struct StoredRequest {
    id: i64,
    company_id: Option<i64>,
    company_name: String,
    updated: NaiveDate,
    req: Request,
    /// Deletion-check verdicts, newest export first.
    checks: Vec<DeletionCheckView>,
}

/// The company is found by its key, not by `company_id`: the key is unique and never changes,
/// so a request finds its company again after a removal and re-import (new id), and never
/// points at another company that happens to get a reused id.
const STORED_COLS: &str = "r.id, (SELECT c.id FROM companies c WHERE c.key = r.company_key),
     r.company_name, r.updated_at, r.reference, r.request";

fn stored(
    r: &rusqlite::Row<'_>,
) -> rusqlite::Result<(i64, Option<i64>, String, String, String, String)> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

fn parse_stored(
    (id, company_id, company_name, updated, reference, json): (
        i64,
        Option<i64>,
        String,
        String,
        String,
        String,
    ),
) -> Result<StoredRequest, RequestError> {
    let req: Request = serde_json::from_str(&json).map_err(|source| RequestError::Corrupt {
        reference: reference.clone(),
        source,
    })?;
    let updated = NaiveDate::parse_from_str(&updated, "%Y-%m-%d").unwrap_or(req.created);
    Ok(StoredRequest {
        id,
        company_id,
        company_name,
        updated,
        req,
        checks: Vec::new(),
    })
}

/// The due date of a draft if sent on the day it was created.
fn planned_due(req: &Request) -> Result<Due, footprint_rights::Error> {
    let regime = Regimes::builtin().get(&req.regime)?;
    let receipt = deadline::receipt_date(req.channel, req.created, req.postal_delay_days);
    deadline::due_date_with(
        regime,
        req.request_type,
        receipt.date,
        &DueOptions {
            calendar: req.calendar.as_deref(),
            pauses: &[],
        },
    )
}

/// The due date lists show, and whether it is only planned (draft).
fn shown_due(req: &Request) -> (Option<NaiveDate>, bool) {
    if req.status() == &Status::Draft {
        (planned_due(req).ok().map(|d| d.date), true)
    } else {
        (req.effective_due(), false)
    }
}

fn summary(s: &StoredRequest, today: NaiveDate) -> RequestSummary {
    let req = &s.req;
    let regime = Regimes::builtin().get(&req.regime).ok();
    let status_today = req.status_on(today);
    let overdue = status_today == Status::Overdue;
    let (due_date, due_planned) = shown_due(req);
    RequestSummary {
        id: s.id,
        reference: req.reference.clone(),
        company_id: s.company_id,
        company_name: s.company_name.clone(),
        directory_slug: req.company.slug.clone(),
        regime: req.regime.clone(),
        regime_short_name: regime
            .map(|r| r.short_name.clone())
            .unwrap_or_else(|| req.regime.clone()),
        request_type: req.request_type.as_str().to_string(),
        request_type_label: names::request_type_label(req.request_type).to_string(),
        channel: req.channel.as_str().to_string(),
        status: req.status().name().to_string(),
        status_today: status_today.name().to_string(),
        status_label: names::status_label(&status_today).to_string(),
        overdue,
        days_overdue: overdue
            .then(|| due_date.map(|d| (today - d).num_days()))
            .flatten(),
        due_date,
        due_planned,
        created: req.created,
        sent: req.sent,
        updated: s.updated,
        next_action: req.next_action(today).as_ref().map(NextActionView::from),
        deletion_check: s.checks.first().cloned(),
    }
}

/// What the channel needs that the contact lacks.
fn missing_contact(req: &Request) -> Vec<String> {
    let c = &req.company;
    let mut out = Vec::new();
    match req.channel {
        Channel::Email if c.email.is_none() => out.push("e-mail address".to_string()),
        Channel::WebForm if c.web_form.is_none() => out.push("web form address".to_string()),
        Channel::Letter if c.postal_address.is_none() => out.push("postal address".to_string()),
        _ => {}
    }
    out
}

fn detail(s: &StoredRequest, today: NaiveDate) -> RequestDetail {
    let req = &s.req;
    let regime = Regimes::builtin().get(&req.regime).ok();
    let due = if req.status() == &Status::Draft {
        planned_due(req).ok()
    } else {
        req.due.clone()
    };
    let date = today.max(req.history.last().map(|c| c.date).unwrap_or(req.created));
    let allowed_actions = RequestAction::all()
        .iter()
        .filter(|a| a.apply(&mut req.clone(), date, None).is_ok())
        .map(|a| a.name().to_string())
        .collect();
    RequestDetail {
        summary: summary(s, today),
        regime_name: regime.map(|r| r.name.clone()).unwrap_or_default(),
        authority: regime.map(|r| r.authority.name.clone()).unwrap_or_default(),
        contact: ContactView::from(&req.company),
        missing_contact: missing_contact(req),
        identities: req.identities.iter().map(IdentityChoice::from).collect(),
        options: req.options.clone(),
        evidence: req.evidence.iter().map(EvidenceView::from).collect(),
        history: req.history.iter().map(StatusEntry::from).collect(),
        messages: req.messages.iter().map(MessageEntry::from).collect(),
        due: due.as_ref().map(DueView::from),
        reminder: req.reminder.as_ref().map(DueView::from),
        authority_follow_up: req.authority_follow_up.as_ref().map(DueView::from),
        received: req.received,
        proof_of_sending: req.proof_of_sending.clone(),
        allowed_actions,
        letter_lang: letters::request_lang(req),
        deletion_checks: s.checks.clone(),
        follow_up_letters: follow_up_letters(req, &s.checks, today),
        not_legal_advice: footprint_rights::NOT_LEGAL_ADVICE.to_string(),
    }
}

/// Which follow-up letters fit the request as of `today` (see
/// [`RequestDetail::follow_up_letters`]). A request never sent has none: both letters recount
/// its sending.
fn follow_up_letters(req: &Request, checks: &[DeletionCheckView], today: NaiveDate) -> Vec<LetterType> {
    if req.sent.is_none() {
        return Vec::new();
    }
    let status = req.status_on(today);
    let overdue = status == Status::Overdue;
    let partial = status == Status::PartiallyFulfilled;
    let denied = matches!(status, Status::Denied { .. });
    let still_listed = checks.first().is_some_and(|c| c.still_listed);
    let mut out = Vec::new();
    if overdue || partial || still_listed {
        out.push(LetterType::Reminder);
    }
    if overdue || partial || denied || still_listed {
        out.push(LetterType::Complaint);
    }
    out
}

/// Validates the spec once for a batch: regime name, identity kinds.
fn resolve_spec(spec: &RequestSpec) -> Result<(String, Vec<IdentityField>), RequestError> {
    let regime = names::regime_id(&spec.regime).ok_or_else(|| {
        RequestError::Invalid(format!(
            "unknown regime `{}`; known: {}",
            spec.regime,
            names::REGIME_NAMES
        ))
    })?;
    let mut identities = Vec::with_capacity(spec.identities.len());
    for i in &spec.identities {
        let kind = IdentityKind::parse(i.kind.trim()).ok_or_else(|| {
            RequestError::Invalid(format!(
                "unknown identity kind `{}`; known: {}",
                i.kind,
                IdentityKind::ALL.map(|k| k.as_str()).join(", ")
            ))
        })?;
        let value = i.value.trim();
        if value.is_empty() {
            return Err(RequestError::Invalid(format!(
                "the {} to put in the letter is empty",
                kind.as_str()
            )));
        }
        identities.push(IdentityField::new(kind, value));
    }
    Ok((regime, identities))
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Everything needed to write one request row.
struct Insert<'a> {
    company: &'a CompanyRow,
    spec: &'a RequestSpec,
    regime: &'a str,
    identities: &'a [IdentityField],
    contact: Option<&'a ContactInput>,
    /// Evidence with the relation asked for first.
    first_relation: Option<Relation>,
}

fn insert_request(
    conn: &Connection,
    path: &Option<PathBuf>,
    ins: &Insert<'_>,
) -> Result<StoredRequest, RequestError> {
    let found = evidence::directory_entry(conn, path, ins.company)?;
    let mut contact = match &found {
        Some((entry, _)) => CompanyContact::from_entry(entry, ins.regime),
        None => CompanyContact {
            name: ins.company.name.clone(),
            ..Default::default()
        },
    };
    // The user's own contact for the company beats the directory; what is typed for this
    // request beats both.
    let slug = found.as_ref().map(|(e, _)| e.slug.as_str());
    if let Some(o) = contacts::override_for(conn, path, slug, ins.company)? {
        contacts::apply(&o, &mut contact);
    }
    if let Some(c) = ins.contact {
        c.apply(&mut contact);
    }
    let channel = ins.spec.channel.unwrap_or(if contact.email.is_some() {
        Channel::Email
    } else if contact.web_form.is_some() {
        Channel::WebForm
    } else {
        Channel::Email
    });
    let mut evidence: Vec<EvidenceItem> = evidence::evidence_for(conn, path, ins.company.id)?;
    if let Some(rel) = ins.first_relation {
        // Stable sort: the relation the batch is about leads, the rest keep their order.
        evidence.sort_by_key(|e| e.relation.as_str() != rel.as_str());
    }
    let mut options = ins.spec.options.clone();
    if ins.spec.request_type != RequestType::Access {
        options.portability = false;
    }
    let mut sequence = 0u32;
    let req = loop {
        let req = Request::new(NewRequest {
            company: contact.clone(),
            regime: ins.regime.to_string(),
            request_type: ins.spec.request_type,
            options: options.clone(),
            channel,
            identities: ins.identities.to_vec(),
            evidence: evidence.clone(),
            created: ins.spec.today,
            sequence,
            postal_delay_days: ins.spec.postal_delay_days,
            calendar: ins.spec.calendar.clone(),
        })?;
        let taken: Option<i64> = conn
            .query_row(
                "SELECT id FROM requests WHERE reference = ?1",
                [&req.reference],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql(path))?;
        if taken.is_none() {
            break req;
        }
        sequence += 1;
    };
    let mut req = req;
    let company_language = found.as_ref().and_then(|(e, _)| e.request_language.as_deref());
    req.lang = Some(
        choose_lang(
            ins.spec.lang,
            company_language,
            ins.spec.user_language.as_deref(),
        )
        .lang,
    );
    let (due, _) = shown_due(&req);
    let json = serde_json::to_string(&req).expect("a request serializes");
    let today = date_text(ins.spec.today);
    conn.execute(
        "INSERT INTO requests(reference, company_id, company_key, company_name, directory_slug,
           regime, request_type, channel, status, due_date, created_at, updated_at, request)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12)",
        params![
            req.reference,
            ins.company.id,
            ins.company.key,
            ins.company.name,
            req.company.slug,
            req.regime,
            req.request_type.as_str(),
            req.channel.as_str(),
            req.status().name(),
            due.map(date_text),
            today,
            json
        ],
    )
    .map_err(sql(path))?;
    Ok(StoredRequest {
        id: conn.last_insert_rowid(),
        company_id: Some(ins.company.id),
        company_name: ins.company.name.clone(),
        updated: ins.spec.today,
        req,
        checks: Vec::new(),
    })
}

/// Writes a changed request back.
fn save(
    conn: &Connection,
    path: &Option<PathBuf>,
    id: i64,
    req: &Request,
    updated: NaiveDate,
) -> Result<(), RequestError> {
    let (due, _) = shown_due(req);
    let json = serde_json::to_string(req).expect("a request serializes");
    conn.execute(
        "UPDATE requests SET status = ?2, due_date = ?3, channel = ?4, updated_at = ?5, request = ?6
         WHERE id = ?1",
        params![
            id,
            req.status().name(),
            due.map(date_text),
            req.channel.as_str(),
            date_text(updated),
            json
        ],
    )
    .map_err(sql(path))?;
    Ok(())
}

impl Store {
    /// The company's entry in the built-in company directory, matched by its name and every
    /// spelling found in the exports; None when the directory does not know it.
    pub fn directory_entry(&self, company_id: i64) -> Result<Option<DirectoryMatch>, RequestError> {
        let company = evidence::company(&self.conn, &self.path, company_id)?;
        evidence::directory_match(&self.conn, &self.path, &company)
    }

    /// What the exports show about a company, as letters cite it: per platform and relation,
    /// the export date, record count, first and last seen, and the files.
    pub fn evidence_for(&self, company_id: i64) -> Result<Vec<EvidenceItem>, RequestError> {
        evidence::company(&self.conn, &self.path, company_id)?;
        evidence::evidence_for(&self.conn, &self.path, company_id)
    }

    /// [`Store::evidence_for`] with the sentence each item becomes in a letter.
    pub fn evidence_views_for(&self, company_id: i64) -> Result<Vec<EvidenceView>, RequestError> {
        Ok(self
            .evidence_for(company_id)?
            .iter()
            .map(EvidenceView::from)
            .collect())
    }

    /// The identifiers a new letter carries unless the user picks others: the first e-mail
    /// address found in the exports, and nothing else (data minimisation).
    pub fn default_request_identities(&self) -> Result<Vec<IdentityChoice>, RequestError> {
        Ok(self
            .identities()?
            .into_iter()
            .find(|i| i.kind == "email")
            .map(|i| IdentityChoice {
                kind: i.kind,
                value: i.value,
            })
            .into_iter()
            .collect())
    }

    /// A draft request to one company: the contact from the directory (or left for the user),
    /// the evidence from the exports, the due date planned as if sent on `spec.today`.
    pub fn create_request(
        &mut self,
        input: &NewRequestInput,
    ) -> Result<RequestSummary, RequestError> {
        let (regime, identities) = resolve_spec(&input.spec)?;
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(sql(&path))?;
        let company = evidence::company(&tx, &path, input.company_id)?;
        let stored = insert_request(
            &tx,
            &path,
            &Insert {
                company: &company,
                spec: &input.spec,
                regime: &regime,
                identities: &identities,
                contact: input.contact.as_ref(),
                first_relation: None,
            },
        )?;
        tx.commit().map_err(sql(&path))?;
        Ok(summary(&stored, input.spec.today))
    }

    /// One draft request per company that holds data with `relation` (e.g. every advertiser
    /// that uploaded a list with the user's contact information), all in one transaction: all
    /// are written or none. Companies that already have an open (not closed) request of the
    /// same type under the same law are skipped, so running it twice adds nothing.
    pub fn create_requests_for_relation(
        &mut self,
        relation: &str,
        spec: &RequestSpec,
    ) -> Result<BulkOutcome, RequestError> {
        let rel = Relation::parse(relation.trim()).ok_or_else(|| {
            RequestError::Invalid(format!(
                "unknown relation `{relation}`; known: {}",
                Relation::ALL.map(|r| r.as_str()).join(", ")
            ))
        })?;
        let (regime, identities) = resolve_spec(spec)?;
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(sql(&path))?;
        let companies: Vec<CompanyRow> = tx
            .prepare(
                "SELECT DISTINCT c.id, c.key, c.name FROM holdings h JOIN companies c ON c.id = h.company_id
                 WHERE h.relation = ?1 ORDER BY c.name COLLATE NOCASE, c.id",
            )
            .and_then(|mut st| {
                st.query_map([rel.as_str()], |r| {
                    Ok(CompanyRow {
                        id: r.get(0)?,
                        key: r.get(1)?,
                        name: r.get(2)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()
            })
            .map_err(sql(&path))?;
        let mut out = BulkOutcome {
            created: Vec::new(),
            skipped: Vec::new(),
        };
        for company in &companies {
            let existing: Option<String> = tx
                .query_row(
                    "SELECT reference FROM requests
                     WHERE company_key = ?1 AND regime = ?2 AND request_type = ?3 AND status != 'closed'
                     ORDER BY id LIMIT 1",
                    params![company.key, regime, spec.request_type.as_str()],
                    |r| r.get(0),
                )
                .optional()
                .map_err(sql(&path))?;
            if let Some(existing_reference) = existing {
                out.skipped.push(SkippedCompany {
                    company_id: company.id,
                    company_name: company.name.clone(),
                    existing_reference,
                });
                continue;
            }
            let stored = insert_request(
                &tx,
                &path,
                &Insert {
                    company,
                    spec,
                    regime: &regime,
                    identities: &identities,
                    contact: None,
                    first_relation: Some(rel),
                },
            )?;
            out.created.push(summary(&stored, spec.today));
        }
        tx.commit().map_err(sql(&path))?;
        Ok(out)
    }

    fn load_all(&self) -> Result<Vec<StoredRequest>, RequestError> {
        let rows = self
            .conn
            .prepare(&format!(
                "SELECT {STORED_COLS} FROM requests r ORDER BY r.id"
            ))
            .and_then(|mut st| st.query_map([], stored)?.collect::<Result<Vec<_>, _>>())
            .map_err(sql(&self.path))?;
        let mut checks = deletion::checks(&self.conn, &self.path, None)?;
        rows.into_iter()
            .map(|row| {
                let mut s = parse_stored(row)?;
                s.checks = checks.remove(&s.id).unwrap_or_default();
                Ok(s)
            })
            .collect()
    }

    /// A request by its reference, or the word `latest` for the most recently created one
    /// (so scripts and the README's examples can follow on from `request new`).
    fn load(&self, reference: &str) -> Result<StoredRequest, RequestError> {
        let reference = reference.trim();
        let row = self
            .conn
            .query_row(
                &format!(
                    "SELECT {STORED_COLS} FROM requests r WHERE r.reference = ?1 COLLATE NOCASE
                       OR (lower(?1) = 'latest' AND r.id = (SELECT max(id) FROM requests))"
                ),
                [reference],
                stored,
            )
            .optional()
            .map_err(sql(&self.path))?
            .ok_or_else(|| {
                RequestError::NotFound(format!(
                    "no request with reference {reference} (see `footprint request list`)"
                ))
            })?;
        let mut s = parse_stored(row)?;
        s.checks = deletion::checks(&self.conn, &self.path, Some(s.id))?
            .remove(&s.id)
            .unwrap_or_default();
        Ok(s)
    }

    /// Every request: overdue first (most overdue first), then the open ones by due date (none
    /// last), closed ones at the end; newest first among equals. Overdue is computed from
    /// `today`.
    pub fn requests(&self, today: NaiveDate) -> Result<Vec<RequestSummary>, RequestError> {
        let mut list: Vec<RequestSummary> =
            self.load_all()?.iter().map(|s| summary(s, today)).collect();
        let rank = |r: &RequestSummary| {
            let group = if r.overdue {
                0
            } else if r.status == "closed" {
                2
            } else {
                1
            };
            (
                group,
                r.due_date.is_none(),
                r.due_date,
                std::cmp::Reverse(r.id),
            )
        };
        list.sort_by_key(rank);
        Ok(list)
    }

    /// One request with its history, messages, due date and rule, evidence and next action.
    pub fn request(
        &self,
        reference: &str,
        today: NaiveDate,
    ) -> Result<RequestDetail, RequestError> {
        Ok(detail(&self.load(reference)?, today))
    }

    /// Records a status change on `date`. The history decides what is legal (no fulfilling a
    /// request never sent, no reminder before the due date, ...); a refusal leaves the request
    /// unchanged. Returns the request as of `date`.
    pub fn mark_request(
        &mut self,
        reference: &str,
        action: &RequestAction,
        date: NaiveDate,
        note: Option<&str>,
    ) -> Result<RequestDetail, RequestError> {
        let mut s = self.load(reference)?;
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        action.apply(&mut s.req, date, note)?;
        s.updated = date;
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(sql(&path))?;
        save(&tx, &path, s.id, &s.req, date)?;
        if *action == RequestAction::Fulfilled {
            // Exports made after the fulfilment may already be imported: check them now.
            deletion::recheck_request(&tx, &path, s.id, &s.req, date)?;
        }
        tx.commit().map_err(sql(&path))?;
        s.checks = deletion::checks(&self.conn, &self.path, Some(s.id))?
            .remove(&s.id)
            .unwrap_or_default();
        Ok(detail(&s, date))
    }

    /// Fills in or corrects the company's contact on a request (the directory often has none).
    pub fn set_request_contact(
        &mut self,
        reference: &str,
        contact: &ContactInput,
        today: NaiveDate,
    ) -> Result<RequestDetail, RequestError> {
        let mut s = self.load(reference)?;
        contact.apply(&mut s.req.company);
        save(&self.conn, &self.path, s.id, &s.req, s.updated)?;
        Ok(detail(&s, today))
    }

    /// Sets the language of the request's letters (the user's choice over the company's).
    pub fn set_request_lang(
        &mut self,
        reference: &str,
        lang: Lang,
        today: NaiveDate,
    ) -> Result<RequestDetail, RequestError> {
        let mut s = self.load(reference)?;
        s.req.lang = Some(lang);
        save(&self.conn, &self.path, s.id, &s.req, s.updated)?;
        Ok(detail(&s, today))
    }

    /// Deletes a request and its history (the user's own record, so the user's choice), with
    /// the company's answer and its checklist. Answer files are then erased from the
    /// database's files like a removed export (docs/PRIVACY.md).
    pub fn delete_request(&mut self, reference: &str) -> Result<(), RequestError> {
        let s = self.load(reference)?;
        let had_files = self.has_answer_files(s.id)?;
        // The answer files and checklist go with it (ON DELETE CASCADE, migration 0009).
        let path = self.path.clone();
        let err = sql(&path);
        let tx = self.conn.transaction().map_err(&err)?;
        tx.execute("DELETE FROM requests WHERE id = ?1", [s.id]).map_err(&err)?;
        if had_files {
            Store::mark_erase_pending(&tx).map_err(&err)?;
        }
        tx.commit().map_err(&err)?;
        if had_files {
            self.erase_deleted()?;
        }
        Ok(())
    }

    /// A letter of the request (`kind`) in `format`, or its dates as a calendar (`Ics`).
    /// Letters not yet sent are dated `today`; sent ones keep their date.
    pub fn render_letter(
        &self,
        reference: &str,
        format: LetterFormat,
        kind: LetterType,
        today: NaiveDate,
    ) -> Result<LetterOutput, RequestError> {
        self.render_letter_in(reference, format, kind, today, None, None)
    }

    /// The follow-up letter to an incomplete access answer in `lang` (None: the request's
    /// language): the checklist's gaps, the answer's date, a new deadline.
    pub fn render_follow_up(
        &self,
        reference: &str,
        format: LetterFormat,
        lang: Option<Lang>,
        today: NaiveDate,
    ) -> Result<LetterOutput, RequestError> {
        self.render_follow_up_of(&self.load(reference)?, format, lang, today)
    }

    fn render_follow_up_of(
        &self,
        s: &StoredRequest,
        format: LetterFormat,
        lang: Option<Lang>,
        today: NaiveDate,
    ) -> Result<LetterOutput, RequestError> {
        let (answer_date, gaps) = self.follow_up_facts(s)?;
        let lang = lang.unwrap_or_else(|| letters::request_lang(&s.req));
        let facts = letters::FollowUpFacts {
            answer_date,
            gaps,
            lang: lang.code(),
        };
        letters::render(
            &s.req,
            format,
            LetterType::FollowUp,
            today,
            letters::LetterParts {
                lang: Some(lang),
                follow_up: Some(&facts),
                ..Default::default()
            },
        )
    }

    /// [`Store::render_letter`] with the complaint addressed to the authority `to` chooses
    /// (ignored for other letter types).
    pub fn render_letter_to(
        &self,
        reference: &str,
        format: LetterFormat,
        kind: LetterType,
        today: NaiveDate,
        to: &ComplaintTo,
    ) -> Result<LetterOutput, RequestError> {
        self.render_letter_in(reference, format, kind, today, Some(to), None)
    }

    /// [`Store::render_letter_to`] in `lang` for this one letter (None: the request's
    /// language). Without `to`, a complaint goes to the authority of the country of residence
    /// once the user set it.
    pub fn render_letter_in(
        &self,
        reference: &str,
        format: LetterFormat,
        kind: LetterType,
        today: NaiveDate,
        to: Option<&ComplaintTo>,
        lang: Option<Lang>,
    ) -> Result<LetterOutput, RequestError> {
        let s = self.load(reference)?;
        if kind == LetterType::FollowUp {
            return self.render_follow_up_of(&s, format, lang, today);
        }
        let to = match (to, kind) {
            (Some(to), _) => Some(self.complaint_target(to)?),
            (None, LetterType::Complaint) => self.residence()?.complaint_to(),
            (None, _) => None,
        };
        letters::render(
            &s.req,
            format,
            kind,
            today,
            letters::LetterParts {
                complaint_to: to.as_ref(),
                lang,
                still_listed: s.checks.first(),
                follow_up: None,
            },
        )
    }

    /// `to` with the stored country of residence filled in when it names neither a country,
    /// an authority nor the lead authority.
    fn complaint_target(&self, to: &ComplaintTo) -> Result<ComplaintTo, RequestError> {
        if to.country.is_none() && to.authority.is_none() && !to.lead {
            if let Some(home) = self.residence()?.complaint_to() {
                return Ok(home);
            }
        }
        Ok(to.clone())
    }

    /// The authority a complaint about the request goes to with `to`, and why.
    pub fn complaint_recipient(
        &self,
        reference: &str,
        to: &ComplaintTo,
    ) -> Result<ComplaintRecipient, RequestError> {
        let s = self.load(reference)?;
        Ok(complaint_authority(&s.req, &self.complaint_target(to)?)?.into())
    }
}
