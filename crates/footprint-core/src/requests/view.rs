//! The request types the CLI prints and the app receives over IPC: plain, typed mirrors of the
//! footprint-rights records (which do not derive TypeScript bindings), built by `From`.
//! Dates are `YYYY-MM-DD` strings in JSON (calendar days, see the 0002 migration).

use super::names;
use chrono::NaiveDate;
use footprint_rights::deadline::Due;
use footprint_rights::directory::{Contact, Entry};
use footprint_rights::letter::{CompanyContact, Lang};
use footprint_rights::tracking::{DenialReason, Message, NextAction, StatusChange};
use footprint_rights::{EvidenceItem, IdentityField};
use serde::{Deserialize, Serialize};

/// One identifier put in the letters, as the user selected it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct IdentityChoice {
    /// name, email, phone, username, address, birth_date, account_id, customer_number, device_id.
    pub kind: String,
    pub value: String,
}

impl From<&IdentityField> for IdentityChoice {
    fn from(f: &IdentityField) -> Self {
        IdentityChoice {
            kind: f.kind.as_str().to_string(),
            value: f.value.clone(),
        }
    }
}

/// The company's contact as the request uses it: a frozen copy from the directory, or what the
/// user typed. Each field the user sets replaces the directory's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ContactView {
    /// Company-directory entry the contact came from.
    pub slug: Option<String>,
    pub name: String,
    pub legal_entity: Option<String>,
    pub email: Option<String>,
    pub web_form: Option<String>,
    /// Lines separated by `\n`.
    pub postal_address: Option<String>,
}

impl From<&CompanyContact> for ContactView {
    fn from(c: &CompanyContact) -> Self {
        ContactView {
            slug: c.slug.clone(),
            name: c.name.clone(),
            legal_entity: c.legal_entity.clone(),
            email: c.email.clone(),
            web_form: c.web_form.clone(),
            postal_address: c.postal_address.clone(),
        }
    }
}

/// Contact details the user supplies for a request (any field left `None` keeps the current one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ContactInput {
    #[serde(default)]
    pub legal_entity: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub web_form: Option<String>,
    #[serde(default)]
    pub postal_address: Option<String>,
}

impl ContactInput {
    pub(crate) fn apply(&self, c: &mut CompanyContact) {
        let set = |field: &mut Option<String>, v: &Option<String>| {
            if let Some(v) = v.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                *field = Some(v.to_string());
            }
        };
        set(&mut c.legal_entity, &self.legal_entity);
        set(&mut c.email, &self.email);
        set(&mut c.web_form, &self.web_form);
        set(&mut c.postal_address, &self.postal_address);
    }
}

/// One contact of a directory entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DirectoryContact {
    /// Regime ids this contact serves; empty = any.
    pub regimes: Vec<String>,
    /// ISO alpha-2 countries a national branch's contact serves; empty = all.
    pub countries: Vec<String>,
    /// The legal entity of this contact when not the entry's own.
    pub entity: Option<String>,
    pub email: Option<String>,
    pub dpo_email: Option<String>,
    pub web_form: Option<String>,
    pub self_service: Option<String>,
    pub opt_out: Option<String>,
    pub postal_address: Option<String>,
    pub phone: Option<String>,
    pub note: Option<String>,
    /// Where the contact was published (None: the entry's first source).
    pub source: Option<String>,
}

impl From<&Contact> for DirectoryContact {
    fn from(c: &Contact) -> Self {
        DirectoryContact {
            regimes: c.regimes.clone(),
            countries: c.countries.clone(),
            entity: c.entity.clone(),
            email: c.email.clone(),
            dpo_email: c.dpo_email.clone(),
            web_form: c.web_form.clone(),
            self_service: c.self_service.clone(),
            opt_out: c.opt_out.clone(),
            postal_address: c.postal_address.clone(),
            phone: c.phone.clone(),
            note: c.note.clone(),
            source: c.source.clone(),
        }
    }
}

/// A company of the user's data matched to the built-in company directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DirectoryMatch {
    /// The company's spelling (name or alias) that matched.
    pub matched_name: String,
    pub slug: String,
    pub name: String,
    pub legal_entity: Option<String>,
    pub parent: Option<String>,
    /// ISO 3166 alpha-2.
    pub country: String,
    /// platform, advertiser, data_broker, ...
    pub categories: Vec<String>,
    /// Regime ids the company answers to (Footprint's estimate).
    pub regimes: Vec<String>,
    pub contacts: Vec<DirectoryContact>,
    /// True when the directory has no way to reach the company yet: the user fills it in.
    pub contact_unknown: bool,
    pub privacy_policy: Option<String>,
    /// None = unknown.
    pub needs_id_document: Option<bool>,
    pub identity_fields: Vec<String>,
    /// ISO 639-1; None when no source says.
    pub request_language: Option<String>,
    pub sources: Vec<String>,
    pub last_verified: Option<NaiveDate>,
}

impl DirectoryMatch {
    pub(crate) fn new(matched_name: &str, e: &Entry) -> Self {
        DirectoryMatch {
            matched_name: matched_name.to_string(),
            slug: e.slug.clone(),
            name: e.name.clone(),
            legal_entity: e.legal_entity.clone(),
            parent: e.parent.clone(),
            country: e.country.clone(),
            categories: e
                .categories
                .iter()
                .map(|c| {
                    serde_json::to_value(c)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                })
                .collect(),
            regimes: e.regimes.clone(),
            contacts: e.contacts.iter().map(DirectoryContact::from).collect(),
            contact_unknown: e.contact_unknown(),
            privacy_policy: e.privacy_policy.clone(),
            needs_id_document: e.needs_id_document,
            identity_fields: e
                .identity_fields
                .iter()
                .map(|k| k.as_str().to_string())
                .collect(),
            request_language: e.request_language.clone(),
            sources: e.sources.clone(),
            last_verified: e.last_verified,
        }
    }
}

/// One fact from the exports that a letter cites, with the sentence the letter prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EvidenceView {
    /// The company whose export shows it ("Meta").
    pub platform: String,
    pub export_date: Option<NaiveDate>,
    /// Machine name (`uploaded_contact_list`).
    pub relation: String,
    pub category: Option<String>,
    pub record_count: Option<u64>,
    pub first_seen: Option<NaiveDate>,
    pub last_seen: Option<NaiveDate>,
    /// Paths inside the export.
    pub files: Vec<String>,
    /// The sentence as the letter writes it.
    pub sentence: String,
}

impl From<&EvidenceItem> for EvidenceView {
    fn from(e: &EvidenceItem) -> Self {
        EvidenceView {
            platform: e.platform.clone(),
            export_date: e.export_date,
            relation: e.relation.as_str().to_string(),
            category: e.category.clone(),
            record_count: e.record_count,
            first_seen: e.first_seen,
            last_seen: e.last_seen,
            files: e.files.clone(),
            sentence: Lang::En.wording().evidence_sentence(e),
        }
    }
}

/// A computed date with the rule that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DueView {
    /// The day the company received the request (counting starts here).
    pub received: NaiveDate,
    pub date: NaiveDate,
    /// The rule and its arithmetic in words.
    pub rule_text: String,
    /// The provision ("GDPR Art. 12(3)").
    pub cite: String,
    /// False when the law sets no fixed time and `date` is a planning date.
    pub firm: bool,
    /// The latest date if the company extends.
    pub extended_date: Option<NaiveDate>,
    pub extension_text: Option<String>,
    /// When the company must confirm receipt (CCPA).
    pub acknowledge_by: Option<NaiveDate>,
    pub acknowledge_text: Option<String>,
}

impl From<&Due> for DueView {
    fn from(d: &Due) -> Self {
        DueView {
            received: d.received,
            date: d.date,
            rule_text: d.rule_text.clone(),
            cite: d.cite.clone(),
            firm: d.firm,
            extended_date: d.extended_date,
            extension_text: d.extension_text.clone(),
            acknowledge_by: d.acknowledge_by,
            acknowledge_text: d.acknowledge_text.clone(),
        }
    }
}

/// What to do next, from when, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NextActionView {
    /// send, supply_identity, wait_for_answer, send_reminder, file_complaint,
    /// follow_up_with_authority, review_answer, consider_complaint.
    pub action: String,
    pub label: String,
    pub date: NaiveDate,
    pub explanation: String,
}

impl From<&NextAction> for NextActionView {
    fn from(n: &NextAction) -> Self {
        NextActionView {
            action: names::action_name(n.action).to_string(),
            label: names::action_label(n.action).to_string(),
            date: n.date,
            explanation: n.explanation.clone(),
        }
    }
}

/// One entry of the status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StatusEntry {
    /// draft, sent, acknowledged, waiting_for_verification, extended, fulfilled,
    /// partially_fulfilled, denied, reminder_sent, escalated, closed.
    pub status: String,
    pub label: String,
    pub date: NaiveDate,
    pub note: Option<String>,
    /// For `denied`: suspected_fraud, insufficient_verification, no_match, not_covered,
    /// outside_jurisdiction, too_many_requests, other.
    pub denial_reason: Option<String>,
    /// For `denied` with reason `other`: the company's words.
    pub denial_text: Option<String>,
}

impl From<&StatusChange> for StatusEntry {
    fn from(c: &StatusChange) -> Self {
        let (denial_reason, denial_text) = match &c.status {
            footprint_rights::Status::Denied { reason } => {
                let (code, text) = denial_code(reason);
                (Some(code.to_string()), text)
            }
            _ => (None, None),
        };
        StatusEntry {
            status: c.status.name().to_string(),
            label: names::status_label(&c.status).to_string(),
            date: c.date,
            note: c.note.clone(),
            denial_reason,
            denial_text,
        }
    }
}

fn denial_code(r: &DenialReason) -> (&'static str, Option<String>) {
    match r {
        DenialReason::SuspectedFraud => ("suspected_fraud", None),
        DenialReason::InsufficientVerification => ("insufficient_verification", None),
        DenialReason::NoMatch => ("no_match", None),
        DenialReason::NotCovered => ("not_covered", None),
        DenialReason::OutsideJurisdiction => ("outside_jurisdiction", None),
        DenialReason::TooManyRequests => ("too_many_requests", None),
        DenialReason::Other(t) => ("other", Some(t.clone())),
    }
}

/// One entry of the message log (letters sent, answers received).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MessageEntry {
    pub date: NaiveDate,
    /// outgoing or incoming.
    pub direction: String,
    /// request, reminder, complaint, company_reply, authority_reply, note.
    pub kind: String,
    pub summary: String,
    pub attachment: Option<String>,
}

impl From<&Message> for MessageEntry {
    fn from(m: &Message) -> Self {
        let word = |v: serde_json::Result<serde_json::Value>| {
            v.ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        MessageEntry {
            date: m.date,
            direction: word(serde_json::to_value(m.direction)),
            kind: word(serde_json::to_value(m.kind)),
            summary: m.summary.clone(),
            attachment: m.attachment.clone(),
        }
    }
}
