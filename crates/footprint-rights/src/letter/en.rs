//! Every English sentence of Footprint's letters. Written for Footprint; plain, polite and
//! firm. To add a language, copy this module, translate each sentence, write the law's
//! provisions as that language's text cites them ([`super::cite`]) and add a `Lang` variant.

use super::{files_clause, Outcome, StillHeld, Step, Wording};
use crate::authority::Basis;
use crate::evidence::{EvidenceItem, EvidenceRelation};
use crate::identity::IdentityKind;
use crate::regime::{AccessItem, ExtraAsk, PeriodUnit};
use crate::right::{Correction, RequestType, Right};
use chrono::NaiveDate;

pub struct English;

impl Wording for English {
    fn date_long(&self, d: NaiveDate) -> String {
        d.format("%-d %B %Y").to_string()
    }

    fn not_legal_advice(&self) -> &'static str {
        crate::NOT_LEGAL_ADVICE
    }

    fn file_labels(&self) -> [&'static str; 2] {
        ["file", "files"]
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

    fn placeholder_authority(&self) -> &'static str {
        "[name and address of the data protection authority: please fill in]"
    }

    fn identity_label(&self, kind: IdentityKind) -> &'static str {
        match kind {
            IdentityKind::Name => "Name",
            IdentityKind::Email => "E-mail address",
            IdentityKind::Phone => "Phone number",
            IdentityKind::Username => "Username",
            IdentityKind::Address => "Postal address",
            IdentityKind::BirthDate => "Date of birth",
            IdentityKind::AccountId => "Account ID",
            IdentityKind::CustomerNumber => "Customer number",
            IdentityKind::DeviceId => "Device or advertising ID",
        }
    }

    fn request_noun(&self, t: RequestType) -> &'static str {
        match t {
            RequestType::Access => "access to my personal data",
            RequestType::Erasure => "the erasure of my personal data",
            RequestType::ObjectDirectMarketing => {
                "an end to the use of my personal data for direct marketing"
            }
            RequestType::WithdrawConsent => "the withdrawal of my consent",
            RequestType::OptOutSale => {
                "an opt-out of the sale and sharing of my personal information"
            }
            RequestType::LimitSensitive => {
                "a limit on the use of my sensitive personal information"
            }
            RequestType::Rectification => "the correction of my personal data",
            RequestType::Restriction => "the restriction of the processing of my personal data",
        }
    }

    fn subject_request(&self, t: RequestType, law: &str, reference: &str) -> String {
        let what = match t {
            RequestType::Access => "Request for access to personal data",
            RequestType::Erasure => "Request for erasure of personal data",
            RequestType::ObjectDirectMarketing => "Objection to direct marketing",
            RequestType::WithdrawConsent => "Withdrawal of consent",
            RequestType::OptOutSale => {
                "Request to opt out of the sale and sharing of personal information"
            }
            RequestType::LimitSensitive => {
                "Request to limit the use of sensitive personal information"
            }
            RequestType::Rectification => "Request for correction of personal data",
            RequestType::Restriction => "Request for restriction of processing",
        };
        format!("{what} under the {law} (ref. {reference})")
    }

    fn subject_reminder(&self, t: RequestType, reference: &str) -> String {
        format!(
            "Reminder: my request for {} is overdue (ref. {reference})",
            self.request_noun(t)
        )
    }

    fn subject_still_held(&self, reference: &str) -> String {
        format!("Reminder: my data is still held after my erasure request (ref. {reference})")
    }

    fn subject_complaint(&self, company: &str, reference: &str) -> String {
        format!("Complaint about {company}: data-protection request not properly answered (ref. {reference})")
    }

    fn subject_complaint_still_held(&self, company: &str, reference: &str) -> String {
        format!("Complaint about {company}: my personal data was not erased as I asked (ref. {reference})")
    }

    fn fallback_preface(&self, requested: Right, law: &str) -> String {
        let what = match requested {
            Right::Access => "access",
            Right::Portability => "data portability",
            Right::Erasure => "erasure",
            Right::Rectification => "rectification",
            Right::Restriction => "restriction of processing",
            Right::ObjectDirectMarketing => "object to direct marketing",
            Right::WithdrawConsent => "withdraw consent",
            Right::OptOutSale => "opt out of the sale of personal data",
            Right::LimitSensitive => "limit the use of sensitive data",
        };
        format!(
            "As the {law} does not set out a separate right to {what}, I rely on the closest provisions it does set out."
        )
    }

    fn intro(&self, right: Right, cite: &str, law: &str) -> String {
        match right {
            Right::Access | Right::Portability => format!(
                "I am writing to exercise my right of access to my personal data under {cite} of the {law}."
            ),
            Right::Erasure => format!(
                "I am writing to ask you to erase personal data about me without undue delay, under {cite} of the {law}."
            ),
            Right::Rectification => format!(
                "I am writing to ask you to correct inaccurate personal data about me and to complete incomplete data, under {cite} of the {law}."
            ),
            Right::Restriction => format!(
                "I am writing to ask you to restrict the processing of my personal data, under {cite} of the {law}."
            ),
            Right::ObjectDirectMarketing => format!(
                "I object to the processing of my personal data for direct marketing, including any profiling related to it, under {cite} of the {law}. Please stop this processing now."
            ),
            Right::WithdrawConsent => format!(
                "I withdraw every consent I have given your company to process my personal data, under {cite} of the {law}. Please stop all processing that relies on that consent."
            ),
            Right::OptOutSale => format!(
                "I opt out of the sale and sharing of my personal information, and of its use for targeted advertising and profiling, under {cite} of the {law}."
            ),
            Right::LimitSensitive => format!(
                "I ask you to limit the use and disclosure of my sensitive personal information, under {cite} of the {law}."
            ),
        }
    }

    fn also(&self, right: Right, cite: &str, law: &str) -> String {
        match right {
            Right::ObjectDirectMarketing => format!(
                "In any case, I also object to the processing of my personal data for direct marketing, including profiling related to it, under {cite} of the {law}."
            ),
            Right::WithdrawConsent => format!(
                "In any case, I also withdraw every consent I have given you to process my personal data, under {cite} of the {law}."
            ),
            Right::OptOutSale => format!(
                "In any case, I also opt out of the sale and sharing of my personal information and of its use for targeted advertising, under {cite} of the {law}."
            ),
            Right::Erasure => format!(
                "In any case, I also ask you to erase the personal data you use for marketing, under {cite} of the {law}."
            ),
            other => format!("In addition, I rely on {cite} of the {law} ({other})."),
        }
    }

    fn access_lead(&self) -> &'static str {
        "Under this right, please give me:"
    }

    fn access_item(&self, item: AccessItem) -> &'static str {
        match item {
            AccessItem::Confirmation => "confirmation of whether or not you process personal data about me",
            AccessItem::Copy => "a copy of all personal data you hold about me",
            AccessItem::Purposes => "the purposes for which you process my personal data",
            AccessItem::Categories => "the categories of personal data about me that you process",
            AccessItem::Recipients => {
                "the recipients, or categories of recipients, to whom you have disclosed or will disclose my personal data, in particular recipients in other countries"
            }
            AccessItem::Retention => "how long you will keep my personal data, or the criteria you use to decide this",
            AccessItem::Source => "where you obtained my personal data, if you did not collect it from me",
            AccessItem::AutomatedDecisions => {
                "whether you make automated decisions about me, including profiling, and if so meaningful information about the logic involved and its consequences for me"
            }
            AccessItem::TransferSafeguards => {
                "the safeguards you rely on when you transfer my personal data to another country"
            }
            AccessItem::SoldShared => {
                "the categories of personal information about me that you sold or shared, and the categories of third parties you sold or shared them with"
            }
        }
    }

    fn portability(&self, cite: &str) -> String {
        format!(
            "I also ask for the personal data I provided to you in a structured, commonly used and machine-readable format ({cite})."
        )
    }

    fn portability_without_right(&self) -> &'static str {
        "Please provide the copy in a commonly used electronic format."
    }

    fn erasure_scope_all(&self) -> &'static str {
        "This request covers all personal data you hold about me."
    }

    fn erasure_scope_categories(&self) -> &'static str {
        "This request covers the following personal data you hold about me:"
    }

    fn tell_recipients(&self, cite: &str) -> String {
        format!("Please also inform every recipient to whom you disclosed my personal data of this request ({cite}).")
    }

    fn confirm_done(&self) -> &'static str {
        "Please confirm in writing once you have done this."
    }

    fn corrections_lead(&self) -> &'static str {
        "Please make the following corrections:"
    }

    fn correction(&self, c: &Correction) -> String {
        match &c.wrong {
            Some(wrong) => format!(
                "{}: you hold “{}”; the correct value is “{}”",
                c.field, wrong, c.correct
            ),
            None => format!("{}: the correct value is “{}”", c.field, c.correct),
        }
    }

    fn corrections_none(&self) -> &'static str {
        "Please check the personal data you hold about me, correct what is inaccurate, complete what is incomplete, and tell me what you changed."
    }

    fn restriction_detail(&self) -> &'static str {
        "From now on, please only store my personal data and do not otherwise use it, and tell me before you lift the restriction."
    }

    fn opt_out_detail(&self) -> &'static str {
        "Please stop selling or sharing my personal information, tell the third parties to whom you sold or shared it about my opt-out, and confirm in writing once you have done this."
    }

    fn limit_detail(&self) -> &'static str {
        "Please use my sensitive personal information only where this is necessary to provide the goods or services I have asked for, and confirm in writing once you have done this."
    }

    fn extra_ask(&self, ask: ExtraAsk, cite: &str) -> String {
        match ask {
            ExtraAsk::DestroyUnneeded => format!(
                "I also ask you to destroy, erase or anonymise all personal information about me that you no longer need for the purposes you identified ({cite})."
            ),
        }
    }

    fn no_verification(&self) -> &'static str {
        "The law does not allow you to require verification of my identity for this request."
    }

    fn evidence_lead(&self) -> &'static str {
        "I have reason to believe that your company holds personal data about me. My own data exports show the following:"
    }

    fn evidence_sentence(&self, e: &EvidenceItem) -> String {
        let p = &e.platform;
        let mut s = match e.relation {
            EvidenceRelation::CollectedDirectly => match &e.category {
                Some(cat) => {
                    format!("Your company holds personal data about me in the category “{cat}”")
                }
                None => "Your company holds personal data about me".to_string(),
            },
            EvidenceRelation::UploadedContactList => {
                format!("Your company uploaded a list containing my contact information to {p}")
            }
            EvidenceRelation::SentOffPlatformActivity => {
                format!("Your company sent information about my activity on its websites or apps to {p}")
            }
            EvidenceRelation::TargetedYou => {
                format!("Your company used my activity or information to target advertising at me on {p}")
            }
            EvidenceRelation::AdInteraction => {
                format!("I saw or interacted with your company's advertising on {p}")
            }
            EvidenceRelation::ConnectedApp => {
                format!("Your app or website was connected to my {p} account")
            }
            EvidenceRelation::ReceivedYourInfo => {
                format!("Your company received information I submitted through an advertising form on {p}")
            }
            EvidenceRelation::DataBrokerSegment => {
                format!("Your company's data was used to place me in an audience segment on {p}")
            }
            EvidenceRelation::InstalledApp => format!("I installed your app through {p}"),
            EvidenceRelation::DataPartner => {
                format!("Your company shared data about me with {p} as one of its data partners")
            }
            EvidenceRelation::SoldToYou => {
                format!("Your company sold me goods or services through {p} and received my order details")
            }
        };
        s.push_str(&format!(", as shown in my {p} export"));
        if let Some(d) = e.export_date {
            s.push_str(&format!(" of {}", self.date_iso(d)));
        }
        let mut details = Vec::new();
        match e.files.len() {
            0 => {}
            1 => details.push(format!("file {}", e.files[0])),
            _ => details.push(format!("files {}", e.files.join(", "))),
        }
        let count = e.record_count.map(|n| {
            if n == 1 {
                "1 record".to_string()
            } else {
                format!("{n} records")
            }
        });
        let span = match (e.first_seen, e.last_seen) {
            (Some(a), Some(b)) if a != b => {
                Some(format!("from {} to {}", self.date_iso(a), self.date_iso(b)))
            }
            (Some(a), _) | (None, Some(a)) => Some(format!("on {}", self.date_iso(a))),
            (None, None) => None,
        };
        match (count, span) {
            (Some(c), Some(s)) => details.push(format!("{c} {s}")),
            (Some(c), None) => details.push(c),
            (None, Some(s)) => details.push(format!("seen {s}")),
            (None, None) => {}
        }
        if !details.is_empty() {
            s.push_str(&format!(" ({})", details.join("; ")));
        }
        s.push('.');
        s
    }

    fn identifiers_lead(&self) -> &'static str {
        "To help you find my data, these are identifiers your company may hold about me:"
    }

    fn identifiers_use(&self) -> &'static str {
        "Please use them only to answer this request."
    }

    fn identity_checks(&self) -> &'static str {
        "If you need more information to confirm who I am, please tell me promptly what you need and why, and ask only for what is necessary."
    }

    fn free_of_charge(&self, cite: &str) -> String {
        format!("This request must be answered free of charge ({cite}).")
    }

    fn period_after(&self, unit: PeriodUnit, amount: u32) -> String {
        match unit {
            PeriodUnit::Months if amount == 1 => "one month".to_string(),
            PeriodUnit::Months => format!("{amount} months"),
            PeriodUnit::Days | PeriodUnit::Reasonable => format!("{amount} days"),
            PeriodUnit::BusinessDays => format!("{amount} business days"),
        }
    }

    fn deadline_firm(&self, date: &str, period: &str, cite: &str) -> String {
        format!(
            "Please answer without undue delay and at the latest by {date}, {period} after you received this request ({cite})."
        )
    }

    fn deadline_reasonable(&self, date: &str, cite: &str) -> String {
        format!(
            "Please answer without delay ({cite}). If I have not heard from you by {date}, I will consider taking further steps."
        )
    }

    fn extension_notice(&self, cite: &str) -> String {
        format!("If you need to extend this period, please tell me before it ends and give your reasons ({cite}).")
    }

    fn reply_by_email(&self) -> &'static str {
        "Please send your answer to my e-mail address above."
    }

    fn reply_in_writing(&self) -> &'static str {
        "Please send your answer to me in writing."
    }

    fn quote_reference(&self, reference: &str) -> String {
        format!("Please quote the reference {reference} in your reply.")
    }

    fn reminder_opening(
        &self,
        sent: &str,
        noun: &str,
        cite: &str,
        law: &str,
        reference: &str,
        received: &str,
    ) -> String {
        format!(
            "On {sent} I sent you a request for {noun} under {cite} of the {law}, with the reference {reference}. It reached you on {received}."
        )
    }

    fn reminder_time_over(&self, due: &str, extended: Option<&str>) -> String {
        match extended {
            Some(ext) => format!(
                "The time to answer ended on {due}; you extended it to {ext}, and that time has also passed."
            ),
            None => format!("The time to answer ended on {due}."),
        }
    }

    fn outcome_company(&self, outcome: &Outcome) -> String {
        match outcome {
            Outcome::NoAnswer => "I have not received an answer.".to_string(),
            Outcome::Partial { detail: Some(d) } => format!("Your answer is incomplete: {d}"),
            Outcome::Partial { detail: None } => "Your answer is incomplete.".to_string(),
            Outcome::Refused { reason: Some(r) } => {
                format!("You refused my request, giving this reason: {r}. I do not consider this refusal justified.")
            }
            Outcome::Refused { reason: None } => {
                "You refused my request without a reason I can accept.".to_string()
            }
            Outcome::StillHeld(h) => format!(
                "On {} you told me that my data had been erased. Yet my {} export of {}, made after that, still names you{}: my data has not been erased, or has been collected again.",
                self.date_long(h.erased_on),
                h.export,
                self.date_long(h.export_date),
                files_clause(self, &h.files)
            ),
        }
    }

    fn reminder_new_deadline(&self, date: &str) -> String {
        format!("Please answer my request in full by {date}.")
    }

    fn reminder_escalation(&self, authority: &str) -> String {
        format!("If I have not received a complete answer by then, I intend to complain to {authority}.")
    }

    fn reminder_evidence_lead(&self) -> &'static str {
        "As a reminder, my request was based on the following facts from my own data exports:"
    }

    fn complaint_opening(&self, cite: &str, law: &str, company: &str) -> String {
        format!("I wish to lodge a complaint under {cite} of the {law} against {company}.")
    }

    fn complaint_opening_still_held(
        &self,
        cite: &str,
        law: &str,
        company: &str,
        erasure: &str,
        held: &StillHeld,
    ) -> String {
        format!(
            "I wish to lodge a complaint under {cite} of the {law} against {company}, which did not erase my personal data as I asked it to under {erasure} of the {law}, although it told me it had. My {} export, made after that, still names the company (see below).",
            held.export
        )
    }

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
    ) -> String {
        let mut s = format!(
            "On {sent} I sent the company a request for {noun} under {cite} of the {law}, with the reference {reference}. It reached the company on {received}, and the time to answer ended on {due}"
        );
        match extended {
            Some(ext) => s.push_str(&format!("; the company extended it to {ext}.")),
            None => s.push('.'),
        }
        s
    }

    fn complaint_reminder(&self, sent: &str, due: &str) -> String {
        format!("On {sent} I sent the company a reminder and gave it until {due} to answer.")
    }

    fn complaint_history_lead(&self) -> &'static str {
        "What happened since:"
    }

    fn history_step(&self, date: &str, step: Step) -> String {
        let what = match step {
            Step::Acknowledged => "the company confirmed receipt",
            Step::AskedForIdentity => "the company asked me to confirm my identity",
            Step::Extended => "the company extended the time to answer",
            Step::AnsweredInPart => "the company answered in part",
            Step::Refused => "the company refused the request",
        };
        format!("{date}: {what}")
    }

    fn outcome_authority(&self, outcome: &Outcome) -> String {
        match outcome {
            Outcome::NoAnswer => "The company has not answered.".to_string(),
            Outcome::Partial { detail: Some(d) } => {
                format!("The company's answer is incomplete: {d}")
            }
            Outcome::Partial { detail: None } => "The company's answer is incomplete.".to_string(),
            Outcome::Refused { reason: Some(r) } => {
                format!("The company refused my request, giving this reason: {r}. I do not consider the refusal justified.")
            }
            Outcome::Refused { reason: None } => {
                "The company refused my request without a valid reason.".to_string()
            }
            Outcome::StillHeld(h) => format!(
                "On {} the company told me that my data had been erased. Yet my {} export of {}, made after that, still names the company{}: my data has not been erased, or has been collected again.",
                self.date_long(h.erased_on),
                h.export,
                self.date_long(h.export_date),
                files_clause(self, &h.files)
            ),
        }
    }

    fn complaint_evidence_lead(&self) -> &'static str {
        "My own data exports show that the company holds personal data about me:"
    }

    fn complaint_identifiers_lead(&self) -> &'static str {
        "My details, for your file:"
    }

    fn complaint_ask(&self, follow_up: Option<(&str, &str)>) -> String {
        match follow_up {
            Some((period, cite)) => format!(
                "I ask you to examine this complaint, to order the company to comply with my request, and to inform me of the progress of my complaint within {period} ({cite})."
            ),
            None => "I ask you to examine this complaint, to order the company to comply with my request, and to keep me informed of its progress.".to_string(),
        }
    }

    fn complaint_enclosures_lead(&self) -> &'static str {
        "I enclose:"
    }

    fn enclosure_request(&self, date: &str) -> String {
        format!("my request of {date}")
    }

    fn enclosure_reminder(&self, date: &str) -> String {
        format!("my reminder of {date}")
    }

    fn enclosure_proof(&self) -> &'static str {
        "proof that I sent them"
    }

    fn enclosure_answer(&self) -> &'static str {
        "the company's answer"
    }

    fn note_fallback(&self, explanation: &str) -> String {
        format!("Closest right used: {explanation}")
    }

    fn note_fill_in(&self, what: &str) -> String {
        format!("Fill in before sending: {what}")
    }

    fn note_check_cites(&self) -> &'static str {
        "Some provisions cited in this letter come from secondary sources; check them before sending."
    }

    fn note_pick_authority(&self, which: &str, list: &str) -> String {
        format!("Choose the authority to write to ({which}); the list is at {list}.")
    }

    fn note_authority_chosen(&self, why: &str, basis: Option<Basis>) -> String {
        // The app's own English words say it with the country or Land's name.
        let _ = basis;
        format!("Addressed to {why}.")
    }

    fn note_authority_language(&self, authority: &str, language: &str) -> String {
        format!("{authority} takes complaints in {language}; this letter is in English, which it may not accept: consider a translation.")
    }

    fn note_authority_form(&self, form: &str) -> String {
        format!("The authority takes complaints through its web form: paste this letter into {form}.")
    }

    fn note_option_skipped(&self, explanation: &str) -> String {
        format!("An option was left out: {explanation}")
    }

    fn note_unusual_language(&self, law: &str) -> String {
        format!("Requests under the {law} are not usually written in English; consider a translation.")
    }
}
