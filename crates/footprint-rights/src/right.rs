//! Rights, request types and their options, and the channels a request can travel by.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A right as the regimes data file names it. [`RequestType`] is what a user asks for; a
/// request type maps to one right, and an access request may add [`Right::Portability`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Right {
    Access,
    Portability,
    Erasure,
    Rectification,
    Restriction,
    ObjectDirectMarketing,
    WithdrawConsent,
    OptOutSale,
    LimitSensitive,
}

impl Right {
    pub const ALL: [Right; 9] = [
        Right::Access,
        Right::Portability,
        Right::Erasure,
        Right::Rectification,
        Right::Restriction,
        Right::ObjectDirectMarketing,
        Right::WithdrawConsent,
        Right::OptOutSale,
        Right::LimitSensitive,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Right::Access => "access",
            Right::Portability => "portability",
            Right::Erasure => "erasure",
            Right::Rectification => "rectification",
            Right::Restriction => "restriction",
            Right::ObjectDirectMarketing => "object_direct_marketing",
            Right::WithdrawConsent => "withdraw_consent",
            Right::OptOutSale => "opt_out_sale",
            Right::LimitSensitive => "limit_sensitive",
        }
    }
}

impl fmt::Display for Right {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the user asks the company for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestType {
    /// A copy of the data and information about its processing; `RequestOptions::portability`
    /// adds a machine-readable copy where the law gives one.
    Access,
    /// Erase all data or selected categories (`RequestOptions::erasure_scope`).
    Erasure,
    ObjectDirectMarketing,
    WithdrawConsent,
    OptOutSale,
    LimitSensitive,
    Rectification,
    Restriction,
}

impl RequestType {
    pub const ALL: [RequestType; 8] = [
        RequestType::Access,
        RequestType::Erasure,
        RequestType::ObjectDirectMarketing,
        RequestType::WithdrawConsent,
        RequestType::OptOutSale,
        RequestType::LimitSensitive,
        RequestType::Rectification,
        RequestType::Restriction,
    ];

    pub fn right(self) -> Right {
        match self {
            RequestType::Access => Right::Access,
            RequestType::Erasure => Right::Erasure,
            RequestType::ObjectDirectMarketing => Right::ObjectDirectMarketing,
            RequestType::WithdrawConsent => Right::WithdrawConsent,
            RequestType::OptOutSale => Right::OptOutSale,
            RequestType::LimitSensitive => Right::LimitSensitive,
            RequestType::Rectification => Right::Rectification,
            RequestType::Restriction => Right::Restriction,
        }
    }

    pub fn from_right(right: Right) -> Option<RequestType> {
        RequestType::ALL.into_iter().find(|t| t.right() == right)
    }

    pub fn as_str(self) -> &'static str {
        self.right().as_str()
    }
}

impl fmt::Display for RequestType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which data an erasure request covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "scope", content = "categories", rename_all = "snake_case")]
pub enum ErasureScope {
    #[default]
    All,
    /// Only these categories, in the user's words (e.g. "Location", "Ad interests").
    Categories(Vec<String>),
}

/// One correction asked for in a rectification request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// What the data is ("Date of birth", "Home address").
    pub field: String,
    /// What the company holds, if the user knows.
    #[serde(default)]
    pub wrong: Option<String>,
    pub correct: String,
}

/// Per-type options. Options that do not apply to a request type are ignored by the letters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct RequestOptions {
    /// Access: also ask for a machine-readable copy (portability) where the law gives one.
    pub portability: bool,
    /// Erasure: everything or some categories.
    pub erasure_scope: ErasureScope,
    /// Erasure: also object to direct marketing (or the regime's closest right).
    pub object_to_marketing: bool,
    /// Rectification: what to correct.
    pub corrections: Vec<Correction>,
}

/// How a request is sent. The receipt date depends on it (see `deadline::receipt_date`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    WebForm,
    /// A paper letter sent by post.
    Letter,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::WebForm => "web_form",
            Channel::Letter => "letter",
        }
    }
}
