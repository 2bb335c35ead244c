//! The identifiers a user chooses to put in a letter. Letters carry only what the user
//! selected (data minimisation): nothing is added from elsewhere.

use serde::{Deserialize, Serialize};

/// Kinds of identifier. The first six have the same snake_case names as
/// `footprint_core::model::IdentityKind`, so the lead can pass those through unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentityKind {
    Name,
    Email,
    Phone,
    Username,
    Address,
    BirthDate,
    /// An account or user id shown in an export.
    AccountId,
    /// A customer, loyalty or order number.
    CustomerNumber,
    /// A device or advertising identifier.
    DeviceId,
}

impl IdentityKind {
    pub const ALL: [IdentityKind; 9] = [
        IdentityKind::Name,
        IdentityKind::Email,
        IdentityKind::Phone,
        IdentityKind::Username,
        IdentityKind::Address,
        IdentityKind::BirthDate,
        IdentityKind::AccountId,
        IdentityKind::CustomerNumber,
        IdentityKind::DeviceId,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IdentityKind::Name => "name",
            IdentityKind::Email => "email",
            IdentityKind::Phone => "phone",
            IdentityKind::Username => "username",
            IdentityKind::Address => "address",
            IdentityKind::BirthDate => "birth_date",
            IdentityKind::AccountId => "account_id",
            IdentityKind::CustomerNumber => "customer_number",
            IdentityKind::DeviceId => "device_id",
        }
    }

    pub fn parse(s: &str) -> Option<IdentityKind> {
        IdentityKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One identifier the user selected for a letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityField {
    pub kind: IdentityKind,
    pub value: String,
    /// Where the identifier is used, e.g. the platform or account it belongs to ("Instagram").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

impl IdentityField {
    pub fn new(kind: IdentityKind, value: impl Into<String>) -> Self {
        IdentityField {
            kind,
            value: value.into(),
            context: None,
        }
    }
}

/// The first value of a kind among the selected identities.
pub fn first_of(fields: &[IdentityField], kind: IdentityKind) -> Option<&str> {
    fields
        .iter()
        .find(|f| f.kind == kind)
        .map(|f| f.value.as_str())
}
