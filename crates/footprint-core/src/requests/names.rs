//! The words users type or read for regimes, request types and status changes: friendly names
//! in ("gdpr", "uk-gdpr", "ccpa"; "delete"; "partially-fulfilled"), labels out ("Erasure",
//! "Waiting for identity verification"). The CLI and the app share them so both accept the same.

use footprint_rights::tracking::{Action, Status};
use footprint_rights::{Regimes, RequestType};

/// Lowercase with `-`, spaces and dots as `_`, so "UK-GDPR", "uk gdpr" and "uk_gdpr" agree.
fn normalize(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .chars()
        .map(|c| if matches!(c, '-' | ' ' | '.') { '_' } else { c })
        .collect()
}

/// The regime id for a name: a regime id itself (`eu_gdpr`) or a common name of the law or
/// its place (`gdpr`, `uk-gdpr`, `ccpa`, `cpra`, `virginia`, `pipeda`, `law-25`, `lgpd`, ...).
pub fn regime_id(name: &str) -> Option<String> {
    let key = normalize(name);
    let regimes = Regimes::builtin();
    if regimes.get(&key).is_ok() {
        return Some(key);
    }
    let id = match key.as_str() {
        "gdpr" | "eu" | "eugdpr" => "eu_gdpr",
        "ukgdpr" | "uk" | "dpa_2018" | "uk_dpa" => "uk_gdpr",
        "ccpa" | "cpra" | "california" | "ca_ccpa" | "ccpa_cpra" => "us_ca_ccpa",
        "vcdpa" | "virginia" => "us_va_vcdpa",
        "cpa" | "colorado" => "us_co_cpa",
        "ctdpa" | "connecticut" => "us_ct_ctdpa",
        "pipeda" | "canada" => "ca_pipeda",
        "law_25" | "law25" | "quebec" | "loi_25" => "ca_qc_law25",
        "lgpd" | "brazil" => "br_lgpd",
        "nfadp" | "fadp" | "revfadp" | "switzerland" | "nlpd" => "ch_nfadp",
        "privacy_act" | "australia" | "app" | "apps" => "au_privacy_act",
        "appi" | "japan" => "jp_appi",
        _ => return None,
    };
    regimes.get(id).ok().map(|r| r.id.clone())
}

/// A request type named by the user. `portability` is an access request that also asks for a
/// machine-readable copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeName {
    pub request_type: RequestType,
    pub portability: bool,
}

/// The request type for a name: the machine names (`access`, `erasure`, `object_direct_marketing`,
/// ...) and everyday words (`delete`, `correct`, `opt-out`, `do-not-sell`, `portability`).
pub fn request_type(name: &str) -> Option<TypeName> {
    let t = match normalize(name).as_str() {
        "access" | "copy" | "sar" | "dsar" | "know" => RequestType::Access,
        "portability" | "port" | "data_portability" => {
            return Some(TypeName {
                request_type: RequestType::Access,
                portability: true,
            })
        }
        "erasure" | "erase" | "delete" | "deletion" | "forget" => RequestType::Erasure,
        "rectification" | "rectify" | "correct" | "correction" => RequestType::Rectification,
        "restriction" | "restrict" => RequestType::Restriction,
        "object_direct_marketing"
        | "object"
        | "objection"
        | "marketing"
        | "direct_marketing"
        | "object_marketing" => RequestType::ObjectDirectMarketing,
        "withdraw_consent" | "withdraw" | "consent" => RequestType::WithdrawConsent,
        "opt_out_sale" | "opt_out" | "optout" | "do_not_sell" | "do_not_sell_or_share" => {
            RequestType::OptOutSale
        }
        "limit_sensitive" | "limit" | "limit_spi" => RequestType::LimitSensitive,
        _ => return None,
    };
    Some(TypeName {
        request_type: t,
        portability: false,
    })
}

/// The names [`request_type`] understands first, for error messages.
pub const REQUEST_TYPE_NAMES: &str = "access, portability, erasure (delete), rectification (correct), restriction, object-direct-marketing, withdraw-consent, opt-out-sale (do-not-sell), limit-sensitive";

/// The names [`regime_id`] understands first, for error messages.
pub const REGIME_NAMES: &str = "gdpr, uk-gdpr, ccpa, vcdpa, cpa, ctdpa, pipeda, law-25, lgpd, nfadp, privacy-act, appi (or a regime id such as eu_gdpr)";

/// A request type in words, for lists and headings.
pub fn request_type_label(t: RequestType) -> &'static str {
    match t {
        RequestType::Access => "Access",
        RequestType::Erasure => "Erasure",
        RequestType::ObjectDirectMarketing => "Objection to direct marketing",
        RequestType::WithdrawConsent => "Withdrawal of consent",
        RequestType::OptOutSale => "Opt-out of sale or sharing",
        RequestType::LimitSensitive => "Limit use of sensitive data",
        RequestType::Rectification => "Rectification",
        RequestType::Restriction => "Restriction",
    }
}

/// A status in words.
pub fn status_label(s: &Status) -> &'static str {
    match s {
        Status::Draft => "Draft (not sent)",
        Status::Sent => "Sent",
        Status::Acknowledged => "Acknowledged",
        Status::WaitingForVerification => "Waiting for identity verification",
        Status::Extended => "Extended by the company",
        Status::Fulfilled => "Fulfilled",
        Status::PartiallyFulfilled => "Partially fulfilled",
        Status::Denied { .. } => "Denied",
        Status::Overdue => "Overdue",
        Status::ReminderSent => "Reminder sent",
        Status::Escalated => "Complaint filed",
        Status::Closed => "Closed",
    }
}

/// The machine name of a next action (`send_reminder`).
pub fn action_name(a: Action) -> &'static str {
    match a {
        Action::Send => "send",
        Action::SupplyIdentity => "supply_identity",
        Action::WaitForAnswer => "wait_for_answer",
        Action::SendReminder => "send_reminder",
        Action::FileComplaint => "file_complaint",
        Action::FollowUpWithAuthority => "follow_up_with_authority",
        Action::ReviewAnswer => "review_answer",
        Action::ConsiderComplaint => "consider_complaint",
    }
}

/// A next action in words.
pub fn action_label(a: Action) -> &'static str {
    match a {
        Action::Send => "Send the request",
        Action::SupplyIdentity => "Send the identity information asked for",
        Action::WaitForAnswer => "Wait for the answer",
        Action::SendReminder => "Send a reminder",
        Action::FileComplaint => "Complain to the authority",
        Action::FollowUpWithAuthority => "Ask the authority about the complaint",
        Action::ReviewAnswer => "Review the answer",
        Action::ConsiderComplaint => "Consider a complaint",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn friendly_regime_names_resolve_to_ids() {
        for (name, id) in [
            ("gdpr", "eu_gdpr"),
            ("EU-GDPR", "eu_gdpr"),
            ("eu_gdpr", "eu_gdpr"),
            ("uk-gdpr", "uk_gdpr"),
            ("UK GDPR", "uk_gdpr"),
            ("ccpa", "us_ca_ccpa"),
            ("cpra", "us_ca_ccpa"),
            ("virginia", "us_va_vcdpa"),
            ("law-25", "ca_qc_law25"),
            ("lgpd", "br_lgpd"),
            ("appi", "jp_appi"),
        ] {
            assert_eq!(regime_id(name).as_deref(), Some(id), "{name}");
        }
        assert_eq!(regime_id("hipaa"), None);
    }

    #[test]
    fn everyday_type_words_resolve() {
        assert_eq!(
            request_type("delete").unwrap().request_type,
            RequestType::Erasure
        );
        assert_eq!(
            request_type("do-not-sell").unwrap().request_type,
            RequestType::OptOutSale
        );
        let p = request_type("portability").unwrap();
        assert_eq!(p.request_type, RequestType::Access);
        assert!(p.portability);
        assert!(!request_type("access").unwrap().portability);
        assert_eq!(request_type("teleport"), None);
    }
}
