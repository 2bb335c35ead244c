//! The crate's error type. Each variant carries what the caller needs to explain the problem
//! (which data file, which regime, which request) and [`Error::code`] gives the stable code the
//! UI may branch on.

use chrono::NaiveDate;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An embedded data file does not parse.
    #[error("data file {file}: {source}")]
    DataParse {
        file: &'static str,
        #[source]
        source: serde_json::Error,
    },
    /// An embedded data file parses but breaks a rule of its schema.
    #[error("data file {file} is invalid:\n  - {}", problems.join("\n  - "))]
    DataInvalid {
        file: &'static str,
        problems: Vec<String>,
    },
    #[error("unknown regime `{0}`")]
    UnknownRegime(String),
    #[error("unknown holiday calendar `{0}`")]
    UnknownCalendar(String),
    /// The regime has no such right and no fallback; `explanation` says why, in words.
    #[error("{regime} has no right to {right}: {explanation}")]
    RightNotInRegime {
        regime: String,
        right: &'static str,
        explanation: String,
    },
    /// An output needs a contact the directory does not have (the user fills it in).
    #[error("{company}: no {what} is known; fill it in before {purpose}")]
    MissingContact {
        company: String,
        what: &'static str,
        purpose: &'static str,
    },
    /// A letter input is incomplete or contradictory.
    #[error("letter {reference}: {message}")]
    LetterInput { reference: String, message: String },
    /// A status change the request's history does not allow.
    #[error("request {reference}: cannot go from {from} to {to}: {reason}")]
    Transition {
        reference: String,
        from: &'static str,
        to: &'static str,
        reason: String,
    },
    /// A date earlier than the request's last recorded date.
    #[error("request {reference}: {what} dated {date} is before {earlier} ({earlier_what})")]
    DateOrder {
        reference: String,
        what: String,
        date: NaiveDate,
        earlier: NaiveDate,
        earlier_what: String,
    },
}

impl Error {
    /// Stable machine code for the IPC boundary (`{ code, message }`).
    pub fn code(&self) -> &'static str {
        match self {
            Error::DataParse { .. } | Error::DataInvalid { .. } => "data",
            Error::UnknownRegime(_) => "unknown_regime",
            Error::UnknownCalendar(_) => "unknown_calendar",
            Error::RightNotInRegime { .. } => "right_not_in_regime",
            Error::MissingContact { .. } => "missing_contact",
            Error::LetterInput { .. } => "letter_input",
            Error::Transition { .. } => "transition",
            Error::DateOrder { .. } => "date_order",
        }
    }
}
