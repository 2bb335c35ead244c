//! Evidence: what a user's exports prove about a company, in a form letters can cite.
//!
//! The relation names are the same snake_case strings as `footprint_core::model::Relation`,
//! so a holding from the store maps onto an [`EvidenceItem`] field by field.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How the company came to hold data about the user, as the export shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceRelation {
    CollectedDirectly,
    UploadedContactList,
    SentOffPlatformActivity,
    TargetedYou,
    AdInteraction,
    ConnectedApp,
    ReceivedYourInfo,
    DataBrokerSegment,
    InstalledApp,
    DataPartner,
    SoldToYou,
}

impl EvidenceRelation {
    pub const ALL: [EvidenceRelation; 11] = [
        EvidenceRelation::CollectedDirectly,
        EvidenceRelation::UploadedContactList,
        EvidenceRelation::SentOffPlatformActivity,
        EvidenceRelation::TargetedYou,
        EvidenceRelation::AdInteraction,
        EvidenceRelation::ConnectedApp,
        EvidenceRelation::ReceivedYourInfo,
        EvidenceRelation::DataBrokerSegment,
        EvidenceRelation::InstalledApp,
        EvidenceRelation::DataPartner,
        EvidenceRelation::SoldToYou,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceRelation::CollectedDirectly => "collected_directly",
            EvidenceRelation::UploadedContactList => "uploaded_contact_list",
            EvidenceRelation::SentOffPlatformActivity => "sent_off_platform_activity",
            EvidenceRelation::TargetedYou => "targeted_you",
            EvidenceRelation::AdInteraction => "ad_interaction",
            EvidenceRelation::ConnectedApp => "connected_app",
            EvidenceRelation::ReceivedYourInfo => "received_your_info",
            EvidenceRelation::DataBrokerSegment => "data_broker_segment",
            EvidenceRelation::InstalledApp => "installed_app",
            EvidenceRelation::DataPartner => "data_partner",
            EvidenceRelation::SoldToYou => "sold_to_you",
        }
    }

    pub fn parse(s: &str) -> Option<EvidenceRelation> {
        EvidenceRelation::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// One fact from an export that shows the company holds data about the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceItem {
    /// The platform whose export shows it, as users know it ("Meta", "Google").
    pub platform: String,
    /// The date the export was made.
    #[serde(default)]
    pub export_date: Option<NaiveDate>,
    pub relation: EvidenceRelation,
    /// The data category in the user's words ("Location"), if one applies.
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub record_count: Option<u64>,
    #[serde(default)]
    pub first_seen: Option<NaiveDate>,
    #[serde(default)]
    pub last_seen: Option<NaiveDate>,
    /// Paths inside the export.
    #[serde(default)]
    pub files: Vec<String>,
}
